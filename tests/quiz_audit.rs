#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The quiz audit and `check`'s stand-alone warnings, run as the real binary: the built-in
//! guides produce no question that breaks a rule, and a guide that does is pointed at by
//! `path:line`.

use carestudy::content::load_builtin;
use carestudy::quiz::{audit, stand_alone_warnings};
use std::process::Command;

struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

fn carestudy(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_carestudy"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run carestudy");
    Run {
        status: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn the_built_in_guides_pass_the_quiz_audit() {
    let run = carestudy(&["check", "--quiz"]);
    assert_eq!(run.status, Some(0), "stderr:\n{}", run.stderr);
    assert_eq!(
        run.stderr, "",
        "no warning, no flagged question, no unaskable card"
    );
    let quiz = run.stdout.lines().nth(1).unwrap_or_default();
    let (generated, cards) = quiz
        .strip_prefix("quiz: ")
        .and_then(|rest| rest.strip_suffix(" cards, 0 flagged"))
        .and_then(|rest| rest.split_once(" questions generated from "))
        .unwrap_or_else(|| panic!("unexpected summary: {quiz}"));
    assert_eq!(generated, cards, "every card becomes a question: {quiz}");
    assert!(generated.parse::<usize>().unwrap() > 900, "{quiz}");
}

#[test]
fn the_audit_finds_nothing_in_the_built_in_guides() {
    let library = load_builtin().unwrap();
    assert_eq!(stand_alone_warnings(&library), []);
    let report = audit(&library);
    assert_eq!(report.flagged, []);
    assert_eq!(report.unaskable, []);
    assert_eq!(report.generated, report.cards);
}

const GUIDE: &str = "+++
id = \"g\"
title = \"A guide\"
criterion = \"1.1 Test\"
verb = \"describe\"
source = \"Tests\"
references = [{ title = \"Tests\", url = \"https://example.org\" }]
+++

## Trust {#trust}

How people come to rely on each other.

### Key features

- They pass on important information.
- Trust is built up slowly over many months.
- Listen carefully.
- Keep your promises to the people you support.

## Handovers {#handovers}

Passing on what the last shift learned.

### Key features

- Each shift tells the next what has changed for every resident.

## Records {#records}

Writing down what happened.

### Key features

- Notes are written on the day of each visit.

## Rotas {#rotas}

Who works when.

### Key features

- Shift patterns are planned a month in advance.

## Training {#training}

Learning the job.

### Key features

- New starters shadow an experienced worker for a week.
";

fn guide_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("g.md"), GUIDE).unwrap();
    dir
}

#[test]
fn check_warns_about_each_point_that_does_not_stand_alone_at_its_line() {
    let dir = guide_dir();
    let path = dir.path().join("g.md");
    let run = carestudy(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(run.status, Some(0), "warnings do not fail: {}", run.stderr);
    assert!(run.stdout.ends_with("(3 warnings)\n"), "{}", run.stdout);
    let lines: Vec<&str> = run.stderr.lines().collect();
    let at = |line: usize| format!("{}:{line}: warning: point of `Trust`: ", path.display());
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    assert!(lines[0].starts_with(&at(16)), "{}", lines[0]);
    assert!(lines[0].contains("starts with `They`"), "{}", lines[0]);
    assert!(lines[1].starts_with(&at(17)), "{}", lines[1]);
    assert!(
        lines[1].contains("names its own topic's title `Trust`"),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with(&at(18)), "{}", lines[2]);
    assert!(lines[2].contains("has 2 words"), "{}", lines[2]);
}

#[test]
fn check_quiz_lists_each_question_that_breaks_a_rule_and_fails() {
    let dir = guide_dir();
    let path = dir.path().join("g.md");
    let run = carestudy(&["check", "--quiz", dir.path().to_str().unwrap()]);
    assert_eq!(run.status, Some(1), "{}", run.stderr);
    let flagged: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains(": quiz: "))
        .collect();
    // Each of the three points is asked two ways: "which topic?" and "which point?".
    assert_eq!(flagged.len(), 6, "{}", run.stderr);
    assert!(
        flagged.iter().any(|l| l.starts_with(&format!(
            "{}:16: quiz: g/trust#point:0: never asked",
            path.display()
        ))),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains(", 6 flagged"), "{}", run.stdout);
    assert!(
        run.stderr.contains("6 quiz questions break a rule"),
        "{}",
        run.stderr
    );
}
