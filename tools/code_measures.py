#!/usr/bin/env python3
"""Prints issue #12's code measures for the Rust sources: lines of code per file and every
function longer than 80 lines of code.

A line of code is a line holding something other than white space and comments (a line of text
inside a multi-line string literal counts). Test code is left out: a `#[cfg(test)]` item (a `mod tests
{ ... }`, a helper function) and the files of `#[cfg(test)] mod name;`. A function's length is
every line from its `fn` to its closing brace, blank lines and comments included (as #12 counted
them); its lines of code are shown beside. A function nested in another counts in both.

    python3 tools/code_measures.py               # src/: every file, then long functions
    python3 tools/code_measures.py --top 15      # only the 15 largest files
    python3 tools/code_measures.py --check       # exit 1 when a limit is passed
    python3 tools/code_measures.py src/content   # part of the tree

The limits (#12): no file over 600 lines of code, at most two functions over 80.
"""

import argparse
import os
import sys

FILE_LIMIT = 600
FUNCTION_LIMIT = 80
LONG_FUNCTIONS_ALLOWED = 2


class Token:
    __slots__ = ("kind", "text", "line", "end_line")

    def __init__(self, kind, text, line, end_line):
        self.kind, self.text, self.line, self.end_line = kind, text, line, end_line


def tokens(source):
    """Rust tokens with their first and last line; comments are dropped. Only as exact as
    counting lines needs: strings, raw strings, chars, lifetimes and nested block comments are
    told apart; operators are single characters."""
    out, i, line, n = [], 0, 1, len(source)
    while i < n:
        c = source[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif source.startswith("//", i):
            end = source.find("\n", i)
            i = n if end < 0 else end
        elif source.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if source.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif source.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    line += source[i] == "\n"
                    i += 1
        elif raw_string_start(source, i) is not None:
            hashes, body = raw_string_start(source, i)
            close = '"' + "#" * hashes
            end = source.find(close, body)
            end = n if end < 0 else end + len(close)
            start_line = line
            line += source.count("\n", i, end)
            out.append(Token("str", "", start_line, line))
            i = end
        elif c == '"' or (c == "b" and source.startswith('b"', i)):
            j = i + (2 if c == "b" else 1)
            while j < n and source[j] != '"':
                j += 2 if source[j] == "\\" else 1
            start_line = line
            line += source.count("\n", i, j + 1)
            out.append(Token("str", "", start_line, line))
            i = j + 1
        elif c == "'" or (c == "b" and source.startswith("b'", i)):
            j = i + (1 if c == "'" else 2)
            # A char literal closes within a few characters; a lifetime or label does not.
            if j < n and source[j] == "\\":
                k = source.find("'", j + 2)
                i = k + 1 if k >= 0 else n
                out.append(Token("char", "", line, line))
            elif j + 1 < n and source[j + 1] == "'":
                out.append(Token("char", "", line, line))
                i = j + 2
            else:
                k = j
                while k < n and (source[k].isalnum() or source[k] == "_"):
                    k += 1
                out.append(Token("lifetime", source[i:k], line, line))
                i = max(k, i + 1)
        elif c.isalpha() or c == "_":
            j = i + 1
            while j < n and (source[j].isalnum() or source[j] == "_"):
                j += 1
            out.append(Token("ident", source[i:j], line, line))
            i = j
        elif c.isdigit():
            j = i + 1
            while j < n and (source[j].isalnum() or source[j] in "_."):
                if source[j] == "." and not (j + 1 < n and source[j + 1].isdigit()):
                    break
                j += 1
            out.append(Token("number", source[i:j], line, line))
            i = j
        else:
            out.append(Token("punct", c, line, line))
            i += 1
    return out


def raw_string_start(source, i):
    """(number of #s, index after the opening quote) if a raw string starts at i."""
    j = i
    if source.startswith("br", j) or source.startswith("cr", j):
        j += 2
    elif source.startswith("r", j):
        j += 1
    else:
        return None
    if i > 0 and (source[i - 1].isalnum() or source[i - 1] == "_"):
        return None
    hashes = 0
    while j < len(source) and source[j] == "#":
        hashes, j = hashes + 1, j + 1
    if j < len(source) and source[j] == '"':
        return hashes, j + 1
    return None


def matching(toks, open_at):
    """Index of the bracket closing the one at open_at."""
    pairs = {"{": "}", "(": ")", "[": "]"}
    stack = []
    for k in range(open_at, len(toks)):
        t = toks[k]
        if t.kind != "punct":
            continue
        if t.text in pairs:
            stack.append(pairs[t.text])
        elif stack and t.text == stack[-1]:
            stack.pop()
            if not stack:
                return k
    return len(toks) - 1


def item_end(toks, k):
    """Index of the last token of the item starting at k: its `;`, or its body's `}`."""
    while k < len(toks):
        t = toks[k]
        if t.kind == "punct" and t.text in "([":
            k = matching(toks, k) + 1
            continue
        if t.kind == "punct" and t.text == "{":
            return matching(toks, k)
        if t.kind == "punct" and t.text == ";":
            return k
        k += 1
    return len(toks) - 1


def is_cfg_test(toks, k):
    """Whether toks[k] starts `#[cfg(test)]` (or a cfg naming `test` without `not`)."""
    if not (toks[k].text == "#" and k + 2 < len(toks) and toks[k + 1].text == "["):
        return False
    if toks[k + 2].text != "cfg":
        return False
    end = matching(toks, k + 1)
    words = {t.text for t in toks[k + 2 : end] if t.kind == "ident"}
    return "test" in words and "not" not in words


def measure_file(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    toks = tokens(source)
    blank = {n for n, text in enumerate(source.split("\n"), 1) if not text.strip()}
    test_lines, test_modules, skip = set(), [], []
    k = 0
    while k < len(toks):
        if is_cfg_test(toks, k):
            start = toks[k].line
            j = matching(toks, k + 1) + 1
            while j < len(toks) and toks[j].text == "#":  # further attributes
                j = matching(toks, j + 1) + 1
            end = item_end(toks, j)
            # `mod name;` keeps its tests in a file of their own.
            words = [t.text for t in toks[j : end + 1] if t.kind == "ident"]
            if "mod" in words and toks[end].text == ";":
                test_modules.append(words[words.index("mod") + 1])
            test_lines.update(range(start, toks[end].end_line + 1))
            skip.append((k, end))
            k = end + 1
        else:
            k += 1

    code_lines = set()
    for t in toks:
        code_lines.update(range(t.line, t.end_line + 1))
    code_lines -= test_lines | blank

    def in_test(k):
        return any(a <= k <= b for a, b in skip)

    functions = []
    for k, t in enumerate(toks):
        if t.kind == "ident" and t.text == "fn" and k + 1 < len(toks) and toks[k + 1].kind == "ident":
            if in_test(k):
                continue
            end = item_end(toks, k)
            if toks[end].text != "}":
                continue  # a declaration without a body (a trait's)
            span = range(t.line, toks[end].line + 1)
            code = sum(1 for l in span if l in code_lines)
            functions.append((toks[k + 1].text, t.line, len(span), code))
    return len(code_lines), functions, test_modules


def rust_files(roots):
    files = []
    for root in roots:
        if os.path.isfile(root):
            files.append(root)
            continue
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            files += [os.path.join(folder, n) for n in sorted(names) if n.endswith(".rs")]
    return files


def test_module_files(path, name):
    """The files `#[cfg(test)] mod name;` in `path` may stand for."""
    folder = os.path.dirname(path)
    stem = os.path.splitext(os.path.basename(path))[0]
    if stem not in ("mod", "lib", "main"):
        folder = os.path.join(folder, stem)
    return {os.path.normpath(os.path.join(folder, name + ".rs")),
            os.path.normpath(os.path.join(folder, name, "mod.rs"))}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=["src"], help="files or folders (default: src)")
    parser.add_argument("--top", type=int, help="list only the N largest files")
    parser.add_argument("--check", action="store_true", help="exit 1 when a limit is passed")
    args = parser.parse_args()

    measured = {os.path.normpath(p): measure_file(p) for p in rust_files(args.paths)}
    tests_only = set()
    for path, (_, _, modules) in measured.items():
        for name in modules:
            tests_only |= test_module_files(path, name)
    files = sorted(
        ((loc, path) for path, (loc, _, _) in measured.items() if path not in tests_only),
        key=lambda row: (-row[0], row[1]),
    )
    long_functions = sorted(
        ((length, code, path, line, name)
         for path, (_, functions, _) in measured.items() if path not in tests_only
         for name, line, length, code in functions if length > FUNCTION_LIMIT),
        key=lambda row: (-row[0], row[2], row[3]),
    )

    shown = files[: args.top] if args.top else files
    print(f"lines of code per file (limit {FILE_LIMIT}; test code left out)")
    for loc, path in shown:
        print(f"{loc:6}  {path}{'  OVER' if loc > FILE_LIMIT else ''}")
    if len(shown) < len(files):
        print(f"        ... {len(files) - len(shown)} more files")
    print(f"{sum(loc for loc, _ in files):6}  in {len(files)} files")
    print()
    print(f"functions over {FUNCTION_LIMIT} lines (at most {LONG_FUNCTIONS_ALLOWED} allowed): lines, of which code")
    for length, code, path, line, name in long_functions:
        print(f"{length:6} {code:4}  {path}:{line} {name}")
    if not long_functions:
        print("  none")
    print()
    over = [path for loc, path in files if loc > FILE_LIMIT]
    print(f"files over {FILE_LIMIT}: {len(over)} (allowed 0); "
          f"functions over {FUNCTION_LIMIT}: {len(long_functions)} (allowed {LONG_FUNCTIONS_ALLOWED})")
    if args.check and (over or len(long_functions) > LONG_FUNCTIONS_ALLOWED):
        sys.exit(1)


if __name__ == "__main__":
    main()
