//! The properties the loader fuzzing checks, in one place for both harnesses: the mutation
//! fuzzing in `cargo test` (tests/fuzz_loaders.rs) and the coverage-guided cargo-fuzz targets
//! (fuzz/fuzz_targets/). Each check takes the bytes of a file and says what is wrong.

use carestudy::app::keys::Key;
use carestudy::app::{Action, App, AppOptions, Clock, Pane};
use carestudy::content::{Library, load_builtin, load_dir, parse_guide};
use carestudy::export::{Format, render};
use carestudy::progress::parse_json;
use carestudy::progress::{DATABASE_FILE, OpenMode, PROGRESS_FILE, Progress, Store, Zone};
use carestudy::stats;
use carestudy::ui::{self, Themes};
use chrono::{DateTime, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::OnceLock;

/// Fails the check with a message unless `condition` holds.
macro_rules! ensure {
    ($condition:expr, $($message:tt)+) => {
        if !$condition {
            return Err(format!($($message)+));
        }
    };
}

/// How far a guide got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuideOutcome {
    /// Rejected, with located problems.
    Rejected,
    /// Parsed, but the folder holding it did not load (a check across guides failed).
    Parsed,
    /// Loaded, and used in every pane and export.
    Used,
}

/// A guide is loaded or rejected with located, sanitised problems; what loads is sanitised
/// and works everywhere: every pane at three sizes, a quiz answer, a mock test, every export.
pub fn check_guide(bytes: &[u8]) -> Result<GuideOutcome, String> {
    let guide = match parse_guide("fuzz.md", bytes) {
        Err(problems) => {
            ensure!(!problems.is_empty(), "rejected without a reason");
            for problem in &problems {
                let shown = problem.to_string();
                ensure!(shown.starts_with("fuzz.md:"), "not located: {shown}");
                ensure!(!has_terminal_controls(&shown), "raw control in: {shown:?}");
            }
            return Ok(GuideOutcome::Rejected);
        }
        Ok(guide) => guide,
    };
    let json = serde_json::to_value(&guide).map_err(|e| e.to_string())?;
    ensure!(
        !has_terminal_controls(&strings_of(&json)),
        "unsanitised text loaded"
    );
    // Loaded from a folder as a tutor would, the guide must work everywhere.
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    std::fs::write(dir.path().join("fuzz.md"), bytes).map_err(|e| e.to_string())?;
    let Ok(library) = load_dir(dir.path()) else {
        return Ok(GuideOutcome::Parsed);
    };
    // A guide may say "NaN" itself; then the screen may too.
    let says_nan = bytes.windows(3).any(|w| w == b"NaN");
    use_everywhere(library, !says_nan)?;
    Ok(GuideOutcome::Used)
}

fn use_everywhere(library: Library, no_nan: bool) -> Result<(), String> {
    for format in [Format::Markdown, Format::Anki, Format::Json] {
        let _ = render(&library, format);
    }
    let options = AppOptions {
        clock: Clock::Fixed(now()),
        ..AppOptions::default()
    };
    let mut app = App::new(library, options);
    let keys = "j<Enter>jj<Tab>care<Esc><Esc><Tab>1<Enter>2<Space>3<Tab><Tab>";
    for (i, key) in keys_of(keys).into_iter().enumerate() {
        app.handle_key(key);
        if i % 4 == 0 {
            draw(&app, 80, 24, no_nan)?;
            draw(&app, 23, 7, no_nan)?;
        }
    }
    for _ in Pane::ALL {
        app.update(Action::NextPane);
        draw(&app, 100, 30, no_nan)?;
    }
    for key in keys_of("<BackTab><BackTab><BackTab>m1<Right>2f") {
        app.handle_key(key);
    }
    draw(&app, 80, 24, no_nan)
}

fn keys_of(notation: &str) -> Vec<Key> {
    Key::parse_sequence(notation).unwrap_or_default()
}

/// Draws the app; with `no_nan`, the screen must not show a NaN.
pub fn draw(app: &App, width: u16, height: u16, no_nan: bool) -> Result<(), String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).map_err(|e| e.to_string())?;
    terminal
        .draw(|frame| ui::draw_themed(frame, app, &Themes::choose(None, None)))
        .map_err(|e| e.to_string())?;
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|cell| cell.symbol())
        .collect();
    ensure!(
        !(no_nan && text.contains("NaN")),
        "NaN on screen at {width}x{height}"
    );
    Ok(())
}

/// Progress bytes, read as JSON and found on disk as the database or as an old
/// `progress.json`, always open: figures are finite, the Progress pane draws, and whatever the
/// first open left behind loads again without being set aside.
pub fn check_progress(bytes: &[u8]) -> Result<(), String> {
    if let Ok(read) = parse_json(bytes) {
        check_figures(&read.progress)?;
    }
    for name in [DATABASE_FILE, PROGRESS_FILE] {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        std::fs::write(dir.path().join(name), bytes).map_err(|e| e.to_string())?;
        let (store, progress) = Store::open(dir.path(), OpenMode::Write, now());
        check_figures(&progress)?;
        let options = AppOptions {
            start: Pane::Progress,
            clock: Clock::Fixed(now()),
            ..AppOptions::default()
        };
        let mut app = App::with_progress(builtin(), options, store, progress);
        app.handle_key(Key::Esc);
        draw(&app, 80, 24, true)?;
        drop(app);
        let set_aside = damaged_files(dir.path());
        let (again, reloaded) = Store::open(dir.path(), OpenMode::Write, now());
        ensure!(
            damaged_files(dir.path()) == set_aside,
            "what the first open left was taken for damaged: {:?}",
            again.notices()
        );
        check_figures(&reloaded)?;
    }
    Ok(())
}

fn damaged_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
            .count()
    })
}

/// The Progress figures (what the pane and `stats` show) are all finite.
pub fn check_figures(progress: &Progress) -> Result<(), String> {
    let figures = stats::compute(&builtin(), progress, now(), Zone::utc());
    let shown = format!("{figures:?}");
    ensure!(!has_non_finite(&shown), "a figure is not a number: {shown}");
    Ok(())
}

/// Escape, other C0/C1 controls and bidi overrides: what must never reach a terminal from a
/// file. Newlines and tabs are text.
pub fn has_terminal_controls(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

/// Whether Debug output holds a NaN or an infinity (`NaN`, `inf`, `-inf` as whole words).
pub fn has_non_finite(debug: &str) -> bool {
    debug
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| word == "NaN" || word == "inf")
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

pub fn builtin() -> Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY
        .get_or_init(|| load_builtin().unwrap_or_default())
        .clone()
}

/// The fixed time every check runs at.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0)
        .single()
        .unwrap_or_default()
}
