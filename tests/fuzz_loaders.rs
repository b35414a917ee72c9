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

mod hunt;

use carestudy::app::keys::Key;
use carestudy::app::{App, AppOptions, Clock, Pane};
use carestudy::content::{Library, load_dir, parse_guide};
use carestudy::export::{Format, render};
use carestudy::progress::{DATABASE_FILE, OpenMode, PROGRESS_FILE, Progress, Store, parse_json};
use carestudy::stats;
use carestudy::ui::{self, Themes};
use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
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

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0)
        .single()
        .unwrap()
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
    hunt::hunt("guide loader", 160, input(corpus.len()), |input| {
        let bytes = mutate(corpus, &input);
        check_guide(&bytes)
    });
    eprintln!(
        "guide loader: {} mutated guides loaded and were used in every pane",
        USED.load(Ordering::Relaxed)
    );
}

/// How many mutated guides loaded, so a run shows the deep path is reached.
static USED: AtomicUsize = AtomicUsize::new(0);

fn check_guide(bytes: &[u8]) -> Result<(), TestCaseError> {
    match parse_guide("fuzz.md", bytes) {
        Err(problems) => {
            prop_assert!(!problems.is_empty(), "rejected without a reason");
            for problem in &problems {
                let shown = problem.to_string();
                prop_assert!(shown.starts_with("fuzz.md:"), "not located: {shown}");
                prop_assert!(!has_terminal_controls(&shown), "raw control in: {shown:?}");
            }
        }
        Ok(guide) => {
            let json = serde_json::to_string(&guide).unwrap();
            let text: String = serde_json::from_str::<serde_json::Value>(&json)
                .map(|v| strings_of(&v))
                .unwrap();
            prop_assert!(!has_terminal_controls(&text), "unsanitised text loaded");
            // Loaded from a folder as a tutor would, the guide must work everywhere.
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("fuzz.md"), bytes).unwrap();
            if let Ok(library) = load_dir(dir.path()) {
                USED.fetch_add(1, Ordering::Relaxed);
                use_everywhere(library)?;
            }
        }
    }
    Ok(())
}

/// Escape, other C0/C1 controls and bidi overrides: what must never reach a terminal from a
/// file. Newlines and tabs are text.
fn has_terminal_controls(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

fn strings_of(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items.iter().map(strings_of).collect(),
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{k}{}", strings_of(v)))
            .collect(),
        _ => String::new(),
    }
}

/// Every pane, a quiz answer, a mock test and presentation at two sizes, and every export.
fn use_everywhere(library: Library) -> Result<(), TestCaseError> {
    for format in [Format::Markdown, Format::Anki, Format::Json] {
        let _ = render(&library, format);
    }
    let options = AppOptions {
        clock: Clock::Fixed(now()),
        ..AppOptions::default()
    };
    let mut app = App::new(library, options);
    let keys = Key::parse_sequence("j<Enter>jj<Tab>care<Esc><Esc><Tab>1<Enter>2<Space>3<Tab><Tab>")
        .unwrap();
    for (i, key) in keys.into_iter().enumerate() {
        app.handle_key(key);
        if i % 4 == 0 {
            draw(&app, 80, 24)?;
            draw(&app, 23, 7)?;
        }
    }
    for _ in Pane::ALL {
        app.update(carestudy::app::Action::NextPane);
        draw(&app, 100, 30)?;
    }
    for key in Key::parse_sequence("<BackTab><BackTab><BackTab>m1<Right>2f").unwrap() {
        app.handle_key(key);
    }
    draw(&app, 80, 24)?;
    Ok(())
}

fn draw(app: &App, width: u16, height: u16) -> Result<(), TestCaseError> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| ui::draw_themed(frame, app, &Themes::choose(None, None)))
        .unwrap();
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|cell| cell.symbol())
        .collect();
    prop_assert!(!text.contains("NaN"), "NaN on screen");
    Ok(())
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
        let bytes = mutate(corpus, &input);
        check_progress(&bytes)
    });
}

fn check_progress(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(read) = parse_json(bytes) {
        check_figures(&read.progress)?;
    }
    for name in [DATABASE_FILE, PROGRESS_FILE] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let (store, progress) = Store::open(dir.path(), OpenMode::Write, now());
        check_figures(&progress)?;
        let mut app = App::with_progress(
            builtin(),
            AppOptions {
                start: Pane::Progress,
                clock: Clock::Fixed(now()),
                ..AppOptions::default()
            },
            store,
            progress,
        );
        app.handle_key(Key::Esc);
        draw(&app, 80, 24)?;
        drop(app);
        // Whatever was found has been read or set aside: what is left loads, as it is.
        let set_aside = damaged_files(dir.path());
        let (again, reloaded) = Store::open(dir.path(), OpenMode::Write, now());
        prop_assert_eq!(
            damaged_files(dir.path()),
            set_aside,
            "what the first open left was taken for damaged: {:?}",
            again.notices()
        );
        check_figures(&reloaded)?;
    }
    Ok(())
}

fn damaged_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
        .count()
}

fn check_figures(progress: &Progress) -> Result<(), TestCaseError> {
    let figures = stats::compute(
        &builtin(),
        progress,
        now(),
        carestudy::progress::Zone::utc(),
    );
    let shown = format!("{figures:?}");
    prop_assert!(!has_non_finite(&shown), "a figure is not a number: {shown}");
    Ok(())
}

/// Whether Debug output holds a NaN or an infinity (`NaN`, `inf`, `-inf` as whole words).
fn has_non_finite(debug: &str) -> bool {
    debug
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| word == "NaN" || word == "inf")
}

fn builtin() -> Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY
        .get_or_init(|| carestudy::content::load_builtin().expect("the built-in guides load"))
        .clone()
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
