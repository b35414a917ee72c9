#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `carestudy check DIR` on good and hostile guides, run as the real binary.
//!
//! Every case asserts the exit status, a problem line of the exact form
//! `path:line:column: error: message` (or `path: error: message` for a folder), that nothing
//! panicked and, for the big and deep inputs, that the run is quick. Small cases are fixtures under
//! `tests/fixtures/bad/`; big ones and symbolic links are written to a temporary folder here (see
//! `tests/fixtures/README.md`).

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A guard against pathological slowness, not a benchmark: the target is well under a second in
/// a release build, and this leaves room for a debug build on a busy machine.
const TIME_LIMIT: Duration = Duration::from_secs(2);

/// The output of one run of the binary.
struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

/// One problem line, taken apart.
#[derive(Debug, PartialEq, Eq)]
struct Problem {
    path: String,
    position: Option<(usize, usize)>,
    message: String,
}

/// Runs `carestudy ARGS` in the crate's folder (so fixture paths are relative and stable).
fn carestudy(args: &[&OsStr]) -> Run {
    let start = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_carestudy"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run carestudy");
    let elapsed = start.elapsed();
    let run = Run {
        status: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed,
    };
    assert!(
        !run.stderr.contains("panicked"),
        "carestudy panicked:\n{}",
        run.stderr
    );
    run
}

fn check(dir: &Path) -> Run {
    carestudy(&["check".as_ref(), dir.as_os_str()])
}

/// `line` as a problem: `path:line:column: error: message` or `path: error: message`.
fn parse_problem(line: &str) -> Option<Problem> {
    let (location, message) = line.split_once(": error: ")?;
    if message.is_empty() {
        return None;
    }
    let mut parts = location.rsplitn(3, ':');
    let (column, line_number, path) = (parts.next()?, parts.next(), parts.next());
    let position = match (line_number, path) {
        (Some(line_number), Some(path)) => line_number
            .parse()
            .ok()
            .zip(column.parse().ok())
            .map(|position| (path, Some(position))),
        _ => None,
    };
    let (path, position) = position.unwrap_or((location, None));
    if path.is_empty() || position.is_some_and(|(l, c)| l == 0 || c == 0) {
        return None;
    }
    Some(Problem {
        path: path.to_owned(),
        position,
        message: message.to_owned(),
    })
}

impl Run {
    /// Asserts a failed check whose stderr is problem lines, then `WHAT: N problem(s) found`.
    fn problems(&self) -> Vec<Problem> {
        assert_eq!(
            self.status,
            Some(1),
            "expected exit status 1\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        assert_eq!(self.stdout, "", "a failed check prints nothing on stdout");
        let lines: Vec<&str> = self.stderr.lines().collect();
        let (summary, problem_lines) = lines.split_last().expect("stderr is not empty");
        let problems: Vec<Problem> = problem_lines
            .iter()
            .map(|line| {
                parse_problem(line).unwrap_or_else(|| {
                    panic!("not a `path:line:column: error: message` line: {line:?}")
                })
            })
            .collect();
        let count = problems.len();
        let plural = if count == 1 { "" } else { "s" };
        assert!(
            summary.ends_with(&format!(": {count} problem{plural} found")),
            "last line should count the problems: {summary:?}"
        );
        problems
    }

    /// Asserts a problem line `PATH:LINE:COLUMN: error: ...SAYS...`; returns all the problems.
    fn expect(&self, path: &Path, line: usize, column: usize, says: &str) -> Vec<Problem> {
        let problems = self.problems();
        let path = path.display().to_string();
        let found = problems.iter().any(|p| {
            p.path == path && p.position == Some((line, column)) && p.message.contains(says)
        });
        assert!(
            found,
            "expected `{path}:{line}:{column}: error: ...{says}...` in:\n{}",
            self.stderr
        );
        problems
    }

    fn expect_quick(&self) {
        assert!(
            self.elapsed < TIME_LIMIT,
            "took {:?}; hostile input must be refused quickly",
            self.elapsed
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Committed fixtures: tests/fixtures/bad/<case>/

/// One small hostile case: the problem `carestudy check` must report for it.
struct Case {
    dir: &'static str,
    file: &'static str,
    line: usize,
    column: usize,
    says: &'static str,
    /// Another place the message must name, for duplicates: a file in the same folder, and where.
    names: Option<(&'static str, Option<(usize, usize)>)>,
}

impl Case {
    fn folder(&self) -> PathBuf {
        Path::new("tests/fixtures/bad").join(self.dir)
    }

    fn path(&self) -> PathBuf {
        self.folder().join(self.file)
    }

    /// The text the message must hold, with the other place (if any) spelled as it is printed.
    fn expect_in(&self, run: &Run) -> Vec<Problem> {
        let problems = run.expect(&self.path(), self.line, self.column, self.says);
        if let Some((file, position)) = self.names {
            let mut other = self.folder().join(file).display().to_string();
            if let Some((line, column)) = position {
                other.push_str(&format!(":{line}:{column}"));
            }
            let path = self.path().display().to_string();
            assert!(
                problems
                    .iter()
                    .any(|p| p.path == path && p.message.contains(&other)),
                "the message should name the other place, `{other}`:\n{}",
                run.stderr
            );
        }
        problems
    }
}

const CASES: &[Case] = &[
    Case {
        dir: "empty",
        file: "guide.md",
        line: 1,
        column: 1,
        says: "empty file",
        names: None,
    },
    Case {
        dir: "binary",
        file: "guide.md",
        line: 3,
        column: 1,
        says: "binary file",
        names: None,
    },
    Case {
        dir: "invalid-utf8",
        file: "guide.md",
        line: 11,
        column: 6,
        says: "invalid UTF-8",
        names: None,
    },
    Case {
        dir: "no-front-matter",
        file: "guide.md",
        line: 1,
        column: 1,
        says: "no front matter",
        names: None,
    },
    Case {
        dir: "unclosed-front-matter",
        file: "guide.md",
        line: 1,
        column: 1,
        says: "front matter opened here is never closed",
        names: None,
    },
    Case {
        dir: "missing-key",
        file: "guide.md",
        line: 6,
        column: 1,
        says: "missing required key `source`",
        names: None,
    },
    Case {
        dir: "unknown-key",
        file: "guide.md",
        line: 7,
        column: 1,
        says: "unknown key `colour`",
        names: None,
    },
    Case {
        dir: "empty-topic",
        file: "guide.md",
        line: 18,
        column: 1,
        says: "topic `nothing-here` has nothing under it",
        names: None,
    },
    Case {
        dir: "points-before-topic",
        file: "guide.md",
        line: 9,
        column: 1,
        says: "a list before the first topic",
        names: None,
    },
    Case {
        dir: "duplicate-guide-id",
        file: "b.md",
        line: 2,
        column: 6,
        says: "duplicate guide id `fixture-duplicate`",
        names: Some(("a.md", Some((2, 6)))),
    },
    Case {
        dir: "duplicate-topic-id",
        file: "guide.md",
        line: 22,
        column: 1,
        says: "duplicate topic id `first-topic`",
        names: Some(("guide.md", Some((9, 1)))),
    },
    Case {
        dir: "see-also-to-nowhere",
        file: "guide.md",
        line: 19,
        column: 3,
        says: "`### See also` links to `fixture-links/missing`, but the guide `fixture-links` has no topic `missing`",
        names: None,
    },
    Case {
        dir: "duplicate-search-term",
        file: "guide.md",
        line: 21,
        column: 1,
        says: "search term `Handover` is listed twice in this topic",
        names: None,
    },
];

/// Checks one fixture folder alone: exactly its one problem is reported.
fn bad_case(dir: &str) {
    let case = CASES.iter().find(|c| c.dir == dir).expect("a known case");
    let run = check(&case.folder());
    let problems = case.expect_in(&run);
    assert_eq!(
        problems.len(),
        1,
        "one problem, not follow-on errors:\n{}",
        run.stderr
    );
}

#[test]
fn empty_file() {
    bad_case("empty");
}

#[test]
fn binary_file() {
    bad_case("binary");
}

#[test]
fn invalid_utf8_reports_the_line() {
    bad_case("invalid-utf8");
}

#[test]
fn no_front_matter() {
    bad_case("no-front-matter");
}

#[test]
fn front_matter_never_closed() {
    bad_case("unclosed-front-matter");
}

#[test]
fn missing_required_key() {
    bad_case("missing-key");
}

#[test]
fn unknown_key() {
    bad_case("unknown-key");
}

#[test]
fn topic_heading_with_nothing_under_it() {
    bad_case("empty-topic");
}

#[test]
fn points_before_any_topic() {
    bad_case("points-before-topic");
}

#[test]
fn same_guide_id_in_two_files_names_both() {
    bad_case("duplicate-guide-id");
}

#[test]
fn same_topic_id_twice_names_both_places() {
    bad_case("duplicate-topic-id");
}

#[test]
fn a_see_also_link_to_nowhere() {
    bad_case("see-also-to-nowhere");
}

#[test]
fn a_search_term_listed_twice() {
    bad_case("duplicate-search-term");
}

#[test]
fn every_problem_in_a_folder_is_reported() {
    let run = check(Path::new("tests/fixtures/bad"));
    for case in CASES {
        case.expect_in(&run);
    }
    assert_eq!(run.problems().len(), CASES.len(), "{}", run.stderr);
}

#[test]
fn good_guides_pass_and_readme_is_skipped() {
    let run = check(Path::new("tests/fixtures/good"));
    assert_eq!(run.status, Some(0), "stderr:\n{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        "ok: tests/fixtures/good: 2 guides, 3 topics, 4 points, 3 examples\n"
    );
}

#[test]
fn built_in_guides_pass() {
    let run = carestudy(&["check".as_ref()]);
    assert_eq!(run.status, Some(0), "stderr:\n{}", run.stderr);
    assert_eq!(run.stderr, "");
    let summary = run
        .stdout
        .strip_prefix("ok: built-in guides: 8 guides, ")
        .and_then(|rest| rest.strip_suffix(" examples\n"))
        .unwrap_or_else(|| panic!("unexpected summary: {:?}", run.stdout));
    let counts: Vec<&str> = summary.split(", ").collect();
    assert!(
        matches!(counts.as_slice(), [topics, points, examples]
            if [(topics, " topics"), (points, " points")].iter().all(|(s, unit)| {
                s.strip_suffix(unit).is_some_and(|n| n.parse::<usize>().is_ok_and(|n| n > 0))
            }) && examples.parse::<usize>().is_ok_and(|n| n > 0)),
        "unexpected summary: {:?}",
        run.stdout
    );
}

// ---------------------------------------------------------------------------------------------
// Generated at test time: too big to commit, or symbolic links.

/// A valid start of a guide; what a test appends begins on line 14.
const HEADER: &str = "+++\nid = \"generated\"\ntitle = \"A generated guide\"\n\
criterion = \"1.1 Describe a generated guide\"\nverb = \"describe\"\nsource = \"carestudy tests\"\n\
references = [{ title = \"A reference\", url = \"https://example.org\" }]\n\
+++\n\n## A topic {#a-topic}\n\nA summary.\n\n";
const FIRST_LINE: usize = 14;

/// Writes HEADER + `rest` to `guide.md` in a new temporary folder.
fn generated(rest: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("guide.md");
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(rest);
    fs::write(&path, bytes).expect("write the guide");
    (dir, path)
}

#[test]
fn the_generated_header_is_a_valid_guide() {
    let (dir, _) = generated(b"");
    let run = check(dir.path());
    assert_eq!(run.status, Some(0), "{}", run.stderr);
}

#[test]
fn a_hundred_kilobyte_line() {
    let mut line = vec![b'a'; 100_000];
    line.push(b'\n');
    let (dir, path) = generated(&line);
    let run = check(dir.path());
    let problems = run.expect(
        &path,
        FIRST_LINE,
        1,
        "line is 100000 bytes long; the limit is 65536 bytes",
    );
    assert_eq!(problems.len(), 1);
    run.expect_quick();
}

#[test]
fn a_file_over_the_size_limit_names_the_limit() {
    const LIMIT: usize = 512 * 1024;
    let line = b"An ordinary line of a summary paragraph, repeated until the file is too big.\n";
    let rest: Vec<u8> = line
        .iter()
        .copied()
        .cycle()
        .take(LIMIT + 1 - HEADER.len())
        .collect();
    let (dir, path) = generated(&rest);
    assert_eq!(fs::metadata(&path).unwrap().len(), LIMIT as u64 + 1);
    let run = check(dir.path());
    let problems = run.expect(
        &path,
        1,
        1,
        "file is 524289 bytes; the limit for a guide is 512 KiB",
    );
    assert_eq!(problems.len(), 1);
    run.expect_quick();
}

#[test]
fn a_file_at_the_size_limit_is_read() {
    const LIMIT: usize = 512 * 1024;
    let mut rest = b"More summary, in a paragraph of its own.\n".repeat(LIMIT / 41);
    rest.truncate(LIMIT - HEADER.len() - 1);
    rest.push(b'\n');
    let (dir, path) = generated(&rest);
    assert_eq!(fs::metadata(&path).unwrap().len(), LIMIT as u64);
    // Ordinary text, not hostile: read in full, so not held to the time limit.
    let run = check(dir.path());
    assert_eq!(run.status, Some(0), "{}", run.stderr);
}

/// `check` asks a guide for its public references unless it is based on one of the five source
/// guides; the app opens it either way.
#[test]
fn a_guide_not_based_on_a_source_guide_lists_its_references() {
    let (dir, path) = generated(b"");
    let without = HEADER.replace(
        "references = [{ title = \"A reference\", url = \"https://example.org\" }]\n",
        "",
    );
    let rest = "### Key features\n\n- A point.\n";
    fs::write(&path, format!("{without}{rest}")).unwrap();
    let run = check(dir.path());
    assert_eq!(run.status, Some(1), "{}", run.stderr);
    let problems = run.expect(&path, 6, 10, "no `references`: a guide not based on one of");
    assert_eq!(problems.len(), 1, "{}", run.stderr);
    let opened = carestudy(&[
        "--content".as_ref(),
        dir.path().as_os_str(),
        "snapshot".as_ref(),
    ]);
    assert_eq!(opened.status, Some(0), "{}", opened.stderr);

    let based = without.replace(
        "source = \"carestudy tests\"",
        "source = \"The therapeutic relationship in health and social care (Care Learning)\"",
    );
    fs::write(&path, format!("{based}{rest}")).unwrap();
    let run = check(dir.path());
    assert_eq!(run.status, Some(0), "{}", run.stderr);
}

const NESTING: &str = "nesting too deep";

#[test]
fn block_quotes_nested_100_000_deep() {
    let mut rest = ">".repeat(100_000).into_bytes();
    rest.extend_from_slice(b" deep\n");
    let (dir, path) = generated(&rest);
    let run = check(dir.path());
    // Refused at the 17th `>`: the limit is 16 levels.
    assert_eq!(run.expect(&path, FIRST_LINE, 17, NESTING).len(), 1);
    run.expect_quick();
}

#[test]
fn lists_nested_100_000_deep() {
    let mut rest = "- ".repeat(100_000).into_bytes();
    rest.extend_from_slice(b"deep\n");
    let (dir, path) = generated(&rest);
    let run = check(dir.path());
    // Refused at the 17th `- `.
    assert_eq!(run.expect(&path, FIRST_LINE, 33, NESTING).len(), 1);
    run.expect_quick();
}

#[test]
fn lists_nested_by_indentation_line_after_line() {
    let rest: String = (0..100)
        .map(|i| format!("{}- x\n", "  ".repeat(i)))
        .collect();
    let (dir, path) = generated(rest.as_bytes());
    let run = check(dir.path());
    // Sixty-four spaces count sixteen levels, so the marker after them is one too many.
    assert_eq!(run.expect(&path, FIRST_LINE + 32, 65, NESTING).len(), 1);
    run.expect_quick();
}

/// Deep nesting within the line limit, then millions of lines: without the nesting limit the
/// Markdown parser re-checks every open block quote on every line and takes minutes.
#[test]
fn deep_nesting_followed_by_many_lines() {
    for (opening, column) in [(">".repeat(60_000), 17), ("- ".repeat(30_000), 33)] {
        let mut rest = opening.into_bytes();
        rest.extend_from_slice(b"a\n");
        // As many lines as the file-size limit leaves room for.
        rest.extend_from_slice(&b"b\n".repeat(180_000));
        let (dir, path) = generated(&rest);
        let run = check(dir.path());
        assert_eq!(run.expect(&path, FIRST_LINE, column, NESTING).len(), 1);
        run.expect_quick();
    }
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_reported() {
    use std::os::unix::fs::symlink;
    let (dir, _) = generated(b"");
    let root = dir.path();
    // A link to the folder itself, two folders linking to each other, and a file linking to itself.
    symlink(".", root.join("loop")).unwrap();
    fs::create_dir(root.join("cycle-a")).unwrap();
    fs::create_dir(root.join("cycle-b")).unwrap();
    symlink("../cycle-b", root.join("cycle-a/to-b")).unwrap();
    symlink("../cycle-a", root.join("cycle-b/to-a")).unwrap();
    symlink("self.md", root.join("self.md")).unwrap();
    let run = check(root);
    let problems = run.problems();
    let loop_at = |path: PathBuf| {
        let path = path.display().to_string();
        assert!(
            problems.iter().any(|p| p.path == path
                && p.position.is_none()
                && p.message.starts_with("symbolic link loop")),
            "expected `{path}: error: symbolic link loop...` in:\n{}",
            run.stderr
        );
    };
    loop_at(root.join("loop"));
    // Each folder is read once: the links between cycle-a and cycle-b lead to folders already
    // read under their real names, so they are skipped without a problem.
    let self_link = root.join("self.md").display().to_string();
    assert!(
        problems
            .iter()
            .any(|p| p.path == self_link && p.message.starts_with("cannot follow symbolic link")),
        "expected `{self_link}: error: cannot follow symbolic link...` in:\n{}",
        run.stderr
    );
    assert_eq!(problems.len(), 2, "{}", run.stderr);
    run.expect_quick();
}

#[test]
fn problem_lines_parse() {
    let located = parse_problem("a/b.md:3:7: error: unknown key `x`");
    assert_eq!(
        located,
        Some(Problem {
            path: "a/b.md".into(),
            position: Some((3, 7)),
            message: "unknown key `x`".into(),
        })
    );
    let folder = parse_problem("a/loop: error: symbolic link loop");
    assert_eq!(folder.map(|p| p.position), Some(None));
    assert_eq!(parse_problem("a/b.md:0:1: error: x"), None);
    assert_eq!(parse_problem("a/b.md:1:1: warning: x"), None);
}
