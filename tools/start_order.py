#!/usr/bin/env python3
"""Writes link/start-order.txt: the functions carestudy runs as it starts, for the linker to lay
out side by side (build.rs passes the file to lld as `--symbol-ordering-file`).

Why: the kernel maps a program's code 64 KB at a time around each page it first touches, so the
memory a start costs follows how widely the code it runs is spread, not how much of it there is.
The built-in guides' first frame runs about 550 KB of functions; left where the compiler puts
them they are spread over 2.6 MB of the binary's 4.9 MB of code, and `snapshot --keys q` peaked
at 6.2 to 6.5 MB. Side by side, 4.5 MB (README, Performance).

How: runs the release binary under valgrind's callgrind, takes every instruction address it
ran, and names the function (symbol) each lies in with `nm`. Two starts are recorded: the
headless first frame (`snapshot --keys q`, the README's measure), then the app opened in a tmux
terminal and quit (what `cargo run --release` does). The file lists the first start's functions,
then those only the app runs, each part sorted by name so a change reads as a diff.

    cargo build --release && python3 tools/start_order.py     # rewrites link/start-order.txt
    python3 tools/start_order.py --check                       # how much of the file still names
                                                               # functions of the binary; exit 1
                                                               # under 90%

Rerun it after a change to the start path or to dependencies (names carry a hash of their crate
and version); a stale name is skipped by the linker, it only loses its place. Needs valgrind,
nm and tmux; uses its own parse cache and data folders, never the learner's.
"""

import argparse
import bisect
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORDER_FILE = os.path.join(ROOT, "link", "start-order.txt")
BINARY = os.path.join(ROOT, "target", "release", "carestudy")
HEADER = """\
# The functions carestudy runs as it starts, laid out side by side by the linker (build.rs).
# Written by tools/start_order.py: rerun it rather than editing by hand.
"""


def text_symbols(binary):
    """(start, size, name) of every function in the binary, sorted by address. A function
    without a size (the C runtime's start-up code) reaches to the next one."""
    out = subprocess.run(
        ["nm", "--defined-only", "-S", "-n", binary], check=True, capture_output=True, text=True
    ).stdout
    found = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[2] in "tTwW":
            found.append((int(parts[0], 16), int(parts[1], 16), parts[3]))
        elif len(parts) == 3 and parts[1] in "tTwW":
            found.append((int(parts[0], 16), None, parts[2]))
    found.sort(key=lambda symbol: symbol[0])
    symbols = []
    for i, (start, size, name) in enumerate(found):
        if size is None:
            size = found[i + 1][0] - start if i + 1 < len(found) else 1
        symbols.append((start, size, name))
    return symbols


def run_addresses(callgrind_out, binary):
    """Every instruction address callgrind saw run in `binary` (addresses as the file has them)."""
    addresses = set()
    in_binary = False
    after_call = False
    with open(callgrind_out) as f:
        for line in f:
            if line.startswith("ob="):
                in_binary = os.path.realpath(line[3:].strip()) == os.path.realpath(binary)
            elif line.startswith("calls="):
                after_call = True  # the next line is the call's cost, not an instruction run
            elif line.startswith("0x"):
                if after_call:
                    after_call = False
                elif in_binary:
                    addresses.add(int(line.split(None, 1)[0], 16))
    return addresses


def names_of(addresses, symbols):
    starts = [s[0] for s in symbols]
    names = set()
    for address in addresses:
        i = bisect.bisect_right(starts, address) - 1
        if i >= 0 and address < symbols[i][0] + max(symbols[i][1], 1):
            names.add(symbols[i][2])
    return names


# Functions a library picks by what the processor can do (crc32fast's AVX-512 loop, say).
# Valgrind's processor lacks some of those features, so the run it records takes a sibling.
CPU_FEATURE = re.compile(
    r"(?:^|_)(?:avx(?:2|512)?|sse[234]?|ssse3|v?pclmulqdq|fma|bmi[12]?|popcnt|neon)(?:_|$)"
)


def legacy_path(name):
    """The path segments of a legacy-mangled Rust name (`_ZN9crc32fast4hash17h...E`), without
    the hash; None for other names."""
    if not name.startswith("_ZN"):
        return None
    segments, i = [], 3
    while i < len(name) and name[i].isdigit():
        j = i
        while name[j].isdigit():
            j += 1
        length = int(name[i:j])
        segments.append(name[j : j + length])
        i = j + length
    if segments and re.fullmatch(r"h[0-9a-f]{16}", segments[-1]):
        segments.pop()
    return tuple(segments) or None


def with_cpu_siblings(names, symbols):
    """`names`, and the functions beside them (same module) that are written for a processor
    feature: the real processor may take those instead of the ones recorded."""
    modules = {path[:-1] for path in map(legacy_path, names) if path}
    siblings = set()
    for _, _, name in symbols:
        path = legacy_path(name)
        if path and path[:-1] in modules and CPU_FEATURE.search(path[-1]):
            siblings.add(name)
    return names | siblings


def callgrind(args, out, binary):
    return [
        "valgrind", "--tool=callgrind", "--dump-instr=yes", "--compress-strings=no",
        "--compress-pos=no", f"--callgrind-out-file={out}", binary, *args,
    ]


def headless_start(binary, env, work):
    out = os.path.join(work, "snapshot.callgrind")
    subprocess.run(
        callgrind(["snapshot", "--keys", "q"], out, binary),
        env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return out


def app_start(binary, env, work):
    """The app in an 80x24 tmux terminal: waits for its first frame, then quits it with q."""
    out = os.path.join(work, "app.callgrind")
    session = f"start-order-{os.getpid()}"
    exports = " ".join(f"{k}={shlex.quote(env[k])}" for k in sorted(env) if k.startswith("CARESTUDY_"))
    command = "env " + exports + " " + " ".join(shlex.quote(a) for a in callgrind([], out, binary))
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "24", command], check=True)
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if "Browse" in screen:
                break
            time.sleep(0.5)
        else:
            sys.exit("start_order: the app drew no first frame in 120 s")
        time.sleep(2)  # what runs just after the first frame (the history, the search index)
        subprocess.run(["tmux", "send-keys", "-t", session, "q"], check=True)
        while time.time() < deadline and not os.path.exists(out):
            time.sleep(0.5)
        time.sleep(1)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], stderr=subprocess.DEVNULL)
    if not os.path.exists(out):
        sys.exit("start_order: the app did not quit")
    return out


def write(binary):
    for tool in ("valgrind", "nm", "tmux"):
        if shutil.which(tool) is None:
            sys.exit(f"start_order: needs {tool}")
    symbols = text_symbols(binary)
    with tempfile.TemporaryDirectory(prefix="start-order-") as work:
        env = dict(os.environ)
        env.update(
            CARESTUDY_CONFIG="",
            CARESTUDY_CACHE_DIR=os.path.join(work, "cache"),
            CARESTUDY_DATA_DIR=os.path.join(work, "data"),
        )
        # A warm parse cache, as the README's measures have.
        subprocess.run([binary, "snapshot", "--keys", "q"], env=env, check=True, stdout=subprocess.DEVNULL)
        headless = names_of(run_addresses(headless_start(binary, env, work), binary), symbols)
        app = names_of(run_addresses(app_start(binary, env, work), binary), symbols)
    headless = with_cpu_siblings(headless, symbols)
    app = with_cpu_siblings(app, symbols)
    os.makedirs(os.path.dirname(ORDER_FILE), exist_ok=True)
    with open(ORDER_FILE, "w") as f:
        f.write(HEADER)
        f.write("# `carestudy snapshot --keys q` on the built-in guides:\n")
        f.writelines(name + "\n" for name in sorted(headless))
        f.write("# the app opened in a terminal, then quit:\n")
        f.writelines(name + "\n" for name in sorted(app - headless))
    size = {name: s for _, s, name in symbols}
    print(
        f"{ORDER_FILE}: {len(headless)} functions ({sum(size[n] for n in headless) // 1024} KB) "
        f"+ {len(app - headless)} for the app ({sum(size[n] for n in app - headless) // 1024} KB)"
    )


def check(binary):
    known = {name for _, _, name in text_symbols(binary)}
    with open(ORDER_FILE) as f:
        listed = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    found = sum(name in known for name in listed)
    share = found / len(listed) if listed else 0.0
    print(f"{ORDER_FILE}: {found} of {len(listed)} names are functions of {binary} ({share:.0%})")
    return 0 if share >= 0.9 else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=BINARY, help="the release build (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="report how stale the file is")
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"start_order: no {args.binary}; run `cargo build --release` first")
    if args.check:
        sys.exit(check(args.binary))
    write(args.binary)


if __name__ == "__main__":
    main()
