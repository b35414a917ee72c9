#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Random sessions, hunting for the next defect of the kind issue 13 found: a learner's
//! sessions one after another on one data folder, each with random keys, pastes, resizes and
//! ticks at random screen sizes (1x1 to 300x100), its clock jumping forwards or backwards from
//! the last, and between sessions the progress files damaged, replaced by foreign ones, made
//! "newer" (read-only) or left short of disk space.
//!
//! Properties, checked after every step and every session:
//! - nothing panics (keys, drawing at any size, opening any progress);
//! - no figure is NaN or infinite, on screen or in the Progress figures;
//! - the progress left by a session always loads, never as damaged;
//! - every answer made while saving worked is in it, and nothing that was never answered;
//! - a session that could not save leaves the saved progress as it was.
//!
//! It runs in `cargo test` with a fixed seed and case count (well under a minute); see
//! tests/hunt/mod.rs for running it for an hour.

mod hunt;

use carestudy::app::keys::Key;
use carestudy::app::{Action, App, AppOptions, Clock, Pane};
use carestudy::content::{Library, load_builtin};
use carestudy::progress::{DATABASE_FILE, OpenMode, PROGRESS_FILE, Progress, Store};
use carestudy::stats;
use carestudy::ui::{self, Themes};
use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

fn library() -> Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY
        .get_or_init(|| load_builtin().expect("the built-in guides load"))
        .clone()
}

/// One thing the learner (or the terminal) does.
#[derive(Debug, Clone)]
enum Step {
    Key(Key),
    Paste(String),
    Resize(u16, u16),
    Tick,
    /// A left click at (column, row): anywhere on screen, or just off it.
    Click(u16, u16),
    /// A turn of the wheel at (column, row), down or up.
    Wheel(u16, u16, bool),
}

/// What happens to the data folder before a session starts.
#[derive(Debug, Clone)]
enum Mishap {
    None,
    /// The database cut short at this fraction of its length (a crash mid-copy, a full disk).
    Truncate(f64),
    /// Bytes of the database overwritten: (fraction of the length, byte).
    Scribble(Vec<(f64, u8)>),
    /// The database replaced by something that is not carestudy's.
    Foreign(Foreign),
    /// The database marked as written by a newer carestudy: it must be opened read-only.
    Newer,
    /// An old-style `progress.json` left in the folder, whole or garbled.
    Legacy {
        garbled: bool,
    },
    /// The database is deleted (a learner starting again).
    Removed,
}

#[derive(Debug, Clone)]
enum Foreign {
    Bytes(Vec<u8>),
    Text(String),
    /// A SQLite database of some other program.
    OtherDatabase,
}

/// One session: when it happens relative to the last, how it starts, what is done in it.
#[derive(Debug, Clone)]
struct Session {
    mishap: Mishap,
    /// Hours from the previous session's clock, forwards or backwards.
    clock_jump_hours: i64,
    size: (u16, u16),
    start: Pane,
    seed: u64,
    mock_minutes: Option<u32>,
    /// A disk that fills after this many more database pages.
    disk_pages_left: Option<u32>,
    steps: Vec<Step>,
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        3 => (1u16..=300, 1u16..=100),
        3 => (60u16..=120, 16u16..=40),
        1 => (1u16..=8, 1u16..=8),
    ]
}

fn key() -> impl Strategy<Value = Key> {
    let named = select(vec![
        Key::Enter,
        Key::Esc,
        Key::Tab,
        Key::BackTab,
        Key::Up,
        Key::Down,
        Key::Left,
        Key::Right,
        Key::Home,
        Key::End,
        Key::PageUp,
        Key::PageDown,
        Key::Backspace,
        Key::Delete,
        Key::Char(' '),
    ]);
    // The keys the panes use most, so sessions get deep into quizzes, tests and presenting.
    let commands =
        select("1234jkhlgGnp[]/?wmfrcPsuz".chars().collect::<Vec<_>>()).prop_map(Key::Char);
    prop_oneof![
        6 => named,
        8 => commands,
        2 => any::<char>().prop_map(Key::Char),
        1 => select("abdefghijklmnoprstuvwxyz".chars().collect::<Vec<_>>()).prop_map(Key::Ctrl),
        1 => (1u8..=12).prop_map(Key::F),
        // Quitting ends a session early: rarely.
        1 => Just(Key::Char('q')),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        30 => key().prop_map(Step::Key),
        1 => "(?s).{0,40}".prop_map(Step::Paste),
        2 => size().prop_map(|(w, h)| Step::Resize(w, h)),
        1 => Just(Step::Tick),
        // The mouse, over the largest screen and a little beyond it.
        3 => (0u16..310, 0u16..110).prop_map(|(c, r)| Step::Click(c, r)),
        1 => (0u16..310, 0u16..110, any::<bool>()).prop_map(|(c, r, d)| Step::Wheel(c, r, d)),
    ]
}

fn mishap() -> impl Strategy<Value = Mishap> {
    let foreign = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..300).prop_map(Foreign::Bytes),
        "(?s).{0,200}".prop_map(Foreign::Text),
        Just(Foreign::OtherDatabase),
    ];
    prop_oneof![
        8 => Just(Mishap::None),
        1 => (0.0f64..1.0).prop_map(Mishap::Truncate),
        1 => proptest::collection::vec((0.0f64..1.0, any::<u8>()), 1..8).prop_map(Mishap::Scribble),
        1 => foreign.prop_map(Mishap::Foreign),
        1 => Just(Mishap::Newer),
        1 => any::<bool>().prop_map(|garbled| Mishap::Legacy { garbled }),
        1 => Just(Mishap::Removed),
    ]
}

fn session() -> impl Strategy<Value = Session> {
    (
        mishap(),
        prop_oneof![3 => 0i64..72, 1 => -720i64..0, 1 => 720i64..9600],
        size(),
        select(Pane::ALL.to_vec()),
        any::<u64>(),
        proptest::option::weighted(0.2, 1u32..3),
        proptest::option::weighted(0.1, 0u32..4),
        proptest::collection::vec(step(), 0..50),
    )
        .prop_map(
            |(
                mishap,
                clock_jump_hours,
                size,
                start,
                seed,
                mock_minutes,
                disk_pages_left,
                steps,
            )| {
                Session {
                    mishap,
                    clock_jump_hours,
                    size,
                    start,
                    seed,
                    mock_minutes,
                    disk_pages_left,
                    steps,
                }
            },
        )
}

fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0)
        .single()
        .unwrap()
}

#[test]
fn random_sessions_never_lose_progress_panic_or_show_nan() {
    hunt::hunt(
        "random sessions",
        24,
        proptest::collection::vec(session(), 1..5),
        |sessions| {
            let dir = tempfile::tempdir().unwrap();
            let mut now = start_time();
            for session in &sessions {
                now += Duration::hours(session.clock_jump_hours);
                run_session(dir.path(), session, now)?;
            }
            Ok(())
        },
    );
}

/// A review as the properties compare them: which card, when, and how graded.
type Answer = (String, DateTime<Utc>, u8);

fn answers(progress: &Progress) -> BTreeSet<Answer> {
    progress
        .cards
        .iter()
        .flat_map(|(id, card)| {
            card.reviews
                .iter()
                .map(move |r| (id.clone(), r.at, r.grade))
        })
        .collect()
}

fn mock_tests(progress: &Progress) -> BTreeSet<(DateTime<Utc>, u32, u32)> {
    progress
        .mock_tests
        .iter()
        .map(|m| (m.at, m.questions, m.correct))
        .collect()
}

/// What is saved in `dir`, read as `stats` reads it.
fn saved(dir: &Path, now: DateTime<Utc>) -> Progress {
    Store::open(dir, OpenMode::Read, now).1
}

/// Files moved aside as damaged.
fn set_aside(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
                .count()
        })
        .unwrap_or(0)
}

fn run_session(dir: &Path, session: &Session, now: DateTime<Utc>) -> Result<(), TestCaseError> {
    suffer(dir, &session.mishap);
    let before = saved(dir, now);
    let damaged_before = set_aside(dir);
    let (store, progress) = Store::open(dir, OpenMode::Write, now);
    if matches!(session.mishap, Mishap::None) {
        prop_assert_eq!(
            set_aside(dir),
            damaged_before,
            "progress left by a session was taken for damaged"
        );
    }
    let writable = store.access() == carestudy::progress::Access::ReadWrite;
    if let Some(pages) = session.disk_pages_left {
        store.limit_pages_for_tests(pages);
    }
    let (mut width, mut height) = session.size;
    let options = AppOptions {
        seed: session.seed,
        start: session.start,
        width,
        height,
        clock: Clock::Fixed(now),
        mock_minutes: session.mock_minutes,
        ..AppOptions::default()
    };
    let mut app = App::with_progress(library(), options, store, progress);
    let start = app.progress().clone();
    let mut seen = answers(&start);
    let mut seen_mocks = mock_tests(&start);
    // What must be saved: the progress as it stood the last time saving worked.
    let mut must_keep = (answers(&start), mock_tests(&start));
    check_screen(&app, width, height, true)?;
    // Text the learner typed or pasted may say "NaN" itself; then the screen may too.
    let mut typed_nan = false;
    for step in &session.steps {
        typed_nan |= match step {
            Step::Key(Key::Char(c)) => *c == 'N',
            Step::Paste(text) => text.contains("NaN"),
            _ => false,
        };
        match step {
            Step::Key(key) => app.handle_key(*key),
            Step::Paste(text) => app.paste(text),
            Step::Resize(w, h) => {
                (width, height) = (*w, *h);
                app.update(Action::Resize {
                    width: *w,
                    height: *h,
                });
            }
            Step::Tick => app.update(Action::Tick),
            Step::Click(column, row) => app.update(Action::Click {
                column: *column,
                row: *row,
            }),
            Step::Wheel(column, row, down) => app.update(Action::Wheel {
                column: *column,
                row: *row,
                down: *down,
            }),
        }
        check_screen(&app, width, height, !typed_nan)?;
        let progress = app.progress();
        seen.extend(answers(progress));
        seen_mocks.extend(mock_tests(progress));
        if writable && app.saving_problem().is_none() {
            must_keep = (answers(progress), mock_tests(progress));
        }
        if app.should_quit() {
            break;
        }
    }
    check_figures(&app, now)?;
    drop(app);

    let after = saved(dir, now);
    check_figures_of(&after, now)?;
    if writable {
        let kept = answers(&after);
        let missing: Vec<_> = must_keep.0.difference(&kept).collect();
        prop_assert!(
            missing.is_empty(),
            "answers made while saving worked were lost: {missing:?}"
        );
        let invented: Vec<_> = kept.difference(&seen).collect();
        prop_assert!(
            invented.is_empty(),
            "answers saved that were never made: {invented:?}"
        );
        let mocks = mock_tests(&after);
        prop_assert!(must_keep.1.is_subset(&mocks), "a mock test result was lost");
        prop_assert!(
            mocks.is_subset(&seen_mocks),
            "a mock test was saved that never happened"
        );
    } else {
        prop_assert_eq!(
            answers(&after),
            answers(&before),
            "a session that could not save changed the saved progress"
        );
    }
    Ok(())
}

/// Draws the app at its size; with `no_nan`, the screen must not show a NaN.
fn check_screen(app: &App, width: u16, height: u16, no_nan: bool) -> Result<(), TestCaseError> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| ui::draw_themed(frame, app, &Themes::choose(None, None)))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let text: String = buffer.content().iter().map(|cell| cell.symbol()).collect();
    prop_assert!(
        !(no_nan && text.contains("NaN")),
        "NaN on screen at {width}x{height}"
    );
    Ok(())
}

fn check_figures(app: &App, now: DateTime<Utc>) -> Result<(), TestCaseError> {
    check_figures_of(app.progress(), now)
}

/// The Progress pane's figures, at the session's time and well before and after it.
fn check_figures_of(progress: &Progress, now: DateTime<Utc>) -> Result<(), TestCaseError> {
    let library = library();
    for at in [now, now - Duration::days(400), now + Duration::days(400)] {
        let figures = stats::compute(&library, progress, at, carestudy::progress::Zone::utc());
        let shown = format!("{figures:?}");
        prop_assert!(
            !has_non_finite(&shown),
            "a figure is not a number at {at}: {shown}"
        );
    }
    Ok(())
}

/// Whether Debug output holds a NaN or an infinity (`NaN`, `inf`, `-inf` as whole words).
fn has_non_finite(debug: &str) -> bool {
    debug
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| word == "NaN" || word == "inf")
}

/// Does the session's mishap to the data folder.
fn suffer(dir: &Path, mishap: &Mishap) {
    let database = dir.join(DATABASE_FILE);
    let length = std::fs::metadata(&database).map_or(0, |m| m.len());
    let at = |fraction: f64| (fraction * length as f64) as u64;
    match mishap {
        Mishap::None => {}
        Mishap::Truncate(fraction) => {
            if let Ok(file) = std::fs::OpenOptions::new().write(true).open(&database) {
                file.set_len(at(*fraction)).unwrap();
            }
        }
        Mishap::Scribble(bytes) => {
            if let Ok(mut contents) = std::fs::read(&database) {
                for (fraction, byte) in bytes {
                    if let Some(b) = contents.get_mut(at(*fraction) as usize) {
                        *b = *byte;
                    }
                }
                std::fs::write(&database, contents).unwrap();
            }
        }
        Mishap::Foreign(foreign) => {
            remove_database(dir);
            match foreign {
                Foreign::Bytes(bytes) => std::fs::write(&database, bytes).unwrap(),
                Foreign::Text(text) => std::fs::write(&database, text).unwrap(),
                Foreign::OtherDatabase => {
                    let conn = rusqlite::Connection::open(&database).unwrap();
                    conn.execute_batch(
                        "CREATE TABLE songs (title TEXT, plays INTEGER); \
                         INSERT INTO songs VALUES ('a', 1);",
                    )
                    .unwrap();
                }
            }
        }
        Mishap::Newer => {
            if database.exists()
                && let Ok(conn) = rusqlite::Connection::open(&database)
            {
                let version = carestudy::progress::DB_VERSION + 1;
                // A damaged file may not take it; then it stays damaged, which is fine too.
                let _ = conn.pragma_update(None, "user_version", version);
            }
        }
        Mishap::Legacy { garbled } => {
            let json = r#"{"version":2,"cards":{"working-relationships/colleagues#point:0":{"topic":"working-relationships/colleagues","schedule":{"due":"2026-11-20T09:00:00Z","stability":2.5,"difficulty":5.0,"elapsed_days":0,"scheduled_days":1,"reps":1,"lapses":0,"state":"Review","last_review":"2026-11-19T09:00:00Z"},"reviews":[{"at":"2026-11-19T09:00:00Z","grade":3}]}},"mock_tests":[]}"#;
            let text = if *garbled {
                &json[..json.len() / 2]
            } else {
                json
            };
            std::fs::write(dir.join(PROGRESS_FILE), text).unwrap();
        }
        Mishap::Removed => remove_database(dir),
    }
}

fn remove_database(dir: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(dir.join(format!("{DATABASE_FILE}{suffix}")));
    }
}

/// Guards the guard: the NaN check must be able to fail.
#[test]
fn the_figure_check_catches_nan_and_infinity() {
    assert!(has_non_finite("Stats { mastery: NaN, due: 3 }"));
    assert!(has_non_finite("[-inf, 1.0]"));
    assert!(!has_non_finite("information, infinite care, 0.5"));
}
