#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The card session as a learner drives it, through `carestudy snapshot` with a data folder,
//! then read back with `carestudy progress export`: what is saved is what was meant.

use std::path::Path;
use std::process::Command;

fn carestudy(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_carestudy"))
        .args(args)
        .env("CARESTUDY_CONFIG", "")
        .output()
        .expect("run carestudy");
    assert!(
        output.status.success(),
        "carestudy {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs the quiz headless with `keys`, saving to `data`, and gives the final screen.
fn quiz(data: &Path, seed: &str, keys: &str) -> String {
    let data = data.to_str().unwrap();
    carestudy(&[
        "snapshot",
        "--data-dir",
        data,
        "--start",
        "quiz",
        "--seed",
        seed,
        "--keys",
        keys,
    ])
}

/// Every saved review, as (card id, grade).
fn reviews(data: &Path) -> Vec<(String, u64)> {
    let exported = carestudy(&["progress", "export", "--data-dir", data.to_str().unwrap()]);
    let progress: serde_json::Value = serde_json::from_str(&exported).unwrap();
    let mut found = Vec::new();
    for (id, card) in progress["cards"].as_object().unwrap() {
        for review in card["reviews"].as_array().unwrap() {
            found.push((id.clone(), review["grade"].as_u64().unwrap()));
        }
    }
    found
}

#[test]
fn grading_a_flip_card_then_enter_saves_exactly_one_review() {
    // Seed 5 is the issue's; seed 1 opens on a flip card with today's guides.
    for seed in ["5", "1"] {
        let data = tempfile::tempdir().unwrap();
        let first = quiz(data.path(), seed, "");
        if seed == "1" {
            assert!(
                first.contains("Flip card"),
                "seed 1 opens on a flip card:\n{first}"
            );
        }
        let screen = quiz(data.path(), seed, "<Space>3<Enter>");
        let saved = reviews(data.path());
        assert_eq!(saved.len(), 1, "seed {seed}: {saved:?}\n{screen}");
        if seed == "1" {
            assert_eq!(saved[0].1, 3, "the grade given: Good");
        }
    }
}

#[test]
fn a_graded_card_shows_its_grade_and_next_review_and_waits() {
    let data = tempfile::tempdir().unwrap();
    let screen = quiz(data.path(), "1", "<Space>3");
    assert!(
        screen.contains("Graded Good. Next review today 09:10."),
        "{screen}"
    );
    assert!(screen.contains("Enter or Space: next card"), "{screen}");
    let fresh = tempfile::tempdir().unwrap();
    let screen = quiz(fresh.path(), "1", "<Space>");
    assert!(
        screen.contains(" 1 Again 1m    2 Hard 5m    3 Good 10m    4 Easy 15d"),
        "each grade key shows its interval:\n{screen}"
    );
}

#[test]
fn undo_is_saved_and_asks_the_question_again() {
    let data = tempfile::tempdir().unwrap();
    let before = quiz(data.path(), "0", "");
    let screen = quiz(data.path(), "0", "1<Enter>2<Enter>u");
    assert_eq!(
        reviews(data.path()).len(),
        1,
        "the second answer is taken back"
    );
    let score = screen.lines().nth(1).unwrap_or_default();
    assert!(
        score.contains("/1 "),
        "one answer left in the score: {score}"
    );
    let data = tempfile::tempdir().unwrap();
    let screen = quiz(data.path(), "0", "1<Enter>u");
    assert!(
        reviews(data.path()).is_empty(),
        "the only answer is taken back"
    );
    let body = |s: &str| s.lines().skip(2).collect::<Vec<_>>().join("\n");
    assert_eq!(
        body(&screen),
        body(&before),
        "the first question, asked again"
    );
}
