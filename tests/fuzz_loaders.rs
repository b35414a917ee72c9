#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Fuzzing the two loaders that read what a person or a crash can leave on disk: the guide
//! loader and the progress loader (the SQLite database and the JSON history). Inputs are
//! mutations of a corpus built from the real thing: the built-in guides, and the progress a
//! scripted session saves. Mutations flip, insert, delete, repeat and splice bytes, and drop in
//! tokens the formats care about (headings, ids, front-matter keys, control and bidi
//! characters, SQLite's page header).
//!
//! Properties, as in the random sessions (tests/session_props.rs):
//! - no input panics a loader, nor anything that uses what it loaded (the app at two sizes,
//!   the exports, the Progress figures);
//! - a guide is loaded or rejected with located problems, and what loads is sanitised;
//! - progress always loads: whatever is found is read or set aside, and what a loader left
//!   behind loads again without being set aside;
//! - no figure is NaN or infinite.
//!
//! Fixed seed and case count in `cargo test`; tests/hunt/mod.rs says how to run it for an hour.

#[path = "fuzz_loaders/checks.rs"]
mod checks;
mod hunt;

use carestudy::app::keys::Key;
use carestudy::app::{App, AppOptions, Clock, Pane};
use carestudy::progress::{DATABASE_FILE, OpenMode, Store};
use checks::{
    GuideOutcome, builtin, check_guide, check_progress, has_non_finite, has_terminal_controls, now,
};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One change to an input.
#[derive(Debug, Clone)]
enum Mutation {
    /// Overwrite the byte at this fraction of the input.
    Set(f64, u8),
    /// Insert bytes there.
    Insert(f64, Vec<u8>),
    /// Insert one of the tokens the format cares about there.
    Token(f64, usize),
    /// Remove this fraction of the input from there.
    Delete(f64, f64),
    /// Repeat a stretch (from, length as fractions) this many times.
    Repeat(f64, f64, u8),
    /// Put a stretch of another corpus entry (by index) there.
    Splice {
        at: f64,
        from: usize,
        start: f64,
        length: f64,
    },
    /// Cut the input short there.
    Truncate(f64),
}

/// Tokens that matter to the formats, and characters that must never reach a terminal.
const TOKENS: &[&str] = &[
    "+++\n",
    "\n## ",
    "\n### ",
    "\n#### ",
    "\n# ",
    " {#",
    " .party}",
    " .context}",
    "}\n",
    "\n- ",
    "\n1. ",
    "### Key features\n",
    "### Examples\n",
    "### Search terms\n",
    "### Model answer\n",
    "### Assessment question\n",
    "### See also\n",
    "[x](nowhere/at-all)",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "id = \"x\"\n",
    "criteria = [\"CC 1.4\"]\n",
    "references = [{ title = \"t\", url = \"https://example.org\" }]\n",
    "verb = \"explain\"\n",
    "\u{1b}[2J",
    "\u{1b}]0;title\u{7}",
    "\u{202e}",
    "\u{0}",
    "\r",
    "\u{feff}",
    "\u{fffd}",
    "{\"version\":",
    "\"stability\":1e999,",
    "\"stability\":-0.0,",
    "\"grade\":9,",
    "\"at\":\"1970-01-01T00:00:00Z\",",
    "\"due\":\"9999-12-31T23:59:59Z\",",
    "null",
    "NaN",
    "SQLite format 3\u{0}",
];

fn mutation(corpus_size: usize) -> impl Strategy<Value = Mutation> {
    let fraction = || 0.0f64..=1.0;
    prop_oneof![
        (fraction(), any::<u8>()).prop_map(|(at, b)| Mutation::Set(at, b)),
        (fraction(), proptest::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        (fraction(), 0..TOKENS.len()).prop_map(|(at, t)| Mutation::Token(at, t)),
        (fraction(), 0.0f64..0.3).prop_map(|(at, length)| Mutation::Delete(at, length)),
        (fraction(), 0.0f64..0.05, 1u8..20)
            .prop_map(|(from, length, times)| Mutation::Repeat(from, length, times)),
        (fraction(), 0..corpus_size, fraction(), 0.0f64..0.3).prop_map(
            |(at, from, start, length)| Mutation::Splice {
                at,
                from,
                start,
                length
            }
        ),
        fraction().prop_map(Mutation::Truncate),
    ]
}

/// An input: a corpus entry and the mutations made to it.
fn input(corpus_size: usize) -> impl Strategy<Value = (usize, Vec<Mutation>)> {
    (
        0..corpus_size,
        proptest::collection::vec(mutation(corpus_size), 0..12),
    )
}

fn mutate(corpus: &[Vec<u8>], (entry, mutations): &(usize, Vec<Mutation>)) -> Vec<u8> {
    let mut bytes = corpus[*entry].clone();
    let at = |bytes: &Vec<u8>, fraction: f64| {
        ((fraction * bytes.len() as f64) as usize).min(bytes.len())
    };
    for mutation in mutations {
        match mutation {
            Mutation::Set(f, b) => {
                let i = at(&bytes, *f);
                if let Some(x) = bytes.get_mut(i) {
                    *x = *b;
                }
            }
            Mutation::Insert(f, new) => {
                let i = at(&bytes, *f);
                bytes.splice(i..i, new.iter().copied());
            }
            Mutation::Token(f, t) => {
                let i = at(&bytes, *f);
                bytes.splice(i..i, TOKENS[*t].bytes());
            }
            Mutation::Delete(f, length) => {
                let i = at(&bytes, *f);
                let end = (i + (length * bytes.len() as f64) as usize).min(bytes.len());
                bytes.drain(i..end);
            }
            Mutation::Repeat(f, length, times) => {
                let i = at(&bytes, *f);
                let end = (i + (length * bytes.len() as f64) as usize).min(bytes.len());
                let stretch = bytes[i..end].to_vec();
                for _ in 0..*times {
                    bytes.splice(end..end, stretch.iter().copied());
                }
            }
            Mutation::Splice {
                at: f,
                from,
                start,
                length,
            } => {
                let other = &corpus[*from];
                let s = ((start * other.len() as f64) as usize).min(other.len());
                let e = (s + (length * other.len() as f64) as usize).min(other.len());
                let i = at(&bytes, *f);
                bytes.splice(i..i, other[s..e].iter().copied());
            }
            Mutation::Truncate(f) => {
                let i = at(&bytes, *f);
                bytes.truncate(i);
            }
        }
    }
    bytes
}

// ---------------------------------------------------------------------------------------------
// The guide loader

/// The built-in guides, as files.
fn guide_corpus() -> &'static [Vec<u8>] {
    static CORPUS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
            .collect();
        files.sort();
        assert!(files.len() >= 5, "the built-in guides are the corpus");
        files.iter().map(|p| std::fs::read(p).unwrap()).collect()
    })
}

#[test]
fn mutated_guides_load_or_are_rejected_with_located_problems() {
    let corpus = guide_corpus();
    let used = AtomicUsize::new(0);
    hunt::hunt("guide loader", 160, input(corpus.len()), |input| {
        let outcome = check_guide(&mutate(corpus, &input)).map_err(TestCaseError::fail)?;
        if outcome == GuideOutcome::Used {
            used.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    });
    // So a run shows the deep path is reached.
    eprintln!(
        "guide loader: {} mutated guides loaded and were used in every pane",
        used.load(Ordering::Relaxed)
    );
}

// ---------------------------------------------------------------------------------------------
// The progress loader

/// Saved progress as a scripted session leaves it: the database file, and its history as
/// `progress export` writes it (the JSON an old `progress.json` also is).
fn progress_corpus() -> &'static [Vec<u8>] {
    static CORPUS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let (store, progress) = Store::open(dir.path(), OpenMode::Write, now());
        let options = AppOptions {
            start: Pane::Quiz,
            clock: Clock::Fixed(now()),
            ..AppOptions::default()
        };
        let mut app = App::with_progress(builtin(), options, store, progress);
        let answers = "1<Enter>3<Enter>2<Enter>4<Enter>1<Enter><Space>3<Enter>2<Enter>4<Enter>";
        for key in Key::parse_sequence(answers).unwrap() {
            app.handle_key(key);
        }
        let history = carestudy::progress::export_json(app.progress()).unwrap();
        assert!(
            !app.progress().cards.is_empty(),
            "the scripted session answered"
        );
        drop(app);
        let database = std::fs::read(dir.path().join(DATABASE_FILE)).unwrap();
        vec![database, history]
    })
}

#[test]
fn mutated_progress_always_loads_or_is_set_aside() {
    let corpus = progress_corpus();
    hunt::hunt("progress loader", 120, input(corpus.len()), |input| {
        check_progress(&mutate(corpus, &input)).map_err(TestCaseError::fail)
    });
}

/// Guards the guards: the checks above must be able to fail.
#[test]
fn the_checks_catch_what_they_look_for() {
    assert!(has_terminal_controls("a\u{1b}[2Jb"));
    assert!(has_terminal_controls("\u{202e}evil"));
    assert!(!has_terminal_controls("line\n\tindented — fine"));
    assert!(has_non_finite("Stats { mastery: NaN, due: 3 }"));
    assert!(has_non_finite("[-inf, 1.0]"));
    assert!(!has_non_finite("information, infinite care"));
    let corpus = vec![b"abcdef".to_vec(), b"XYZ".to_vec()];
    let spliced = mutate(
        &corpus,
        &(
            0,
            vec![
                Mutation::Splice {
                    at: 0.5,
                    from: 1,
                    start: 0.0,
                    length: 1.0,
                },
                Mutation::Truncate(0.75),
            ],
        ),
    );
    assert_eq!(spliced, b"abcXYZ");
}
