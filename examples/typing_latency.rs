//! Worst-case search latency: types awkward queries one key at a time into the Search pane of a
//! generated library and prints the slowest and the mean keystroke (matching plus drawing) for
//! each. Criterion's benches report means; this reports the maximum a learner would feel.
//!
//! ```sh
//! cargo run --release --example typing_latency              # 500 generated guides
//! cargo run --release --example typing_latency -- --guides 100
//! ```

#![forbid(unsafe_code)]

#[path = "gen_library.rs"]
#[allow(dead_code)]
mod gen_library;

use anyhow::{Context, Result, bail};
use carestudy::app::keys::Key;
use carestudy::app::{App, AppOptions, Pane};
use carestudy::content::load_dir;
use carestudy::ui::{self, Theme, ThemeName};
use clap::Parser;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

#[derive(Parser)]
#[command(about = "Measure the slowest search keystroke on a generated library")]
struct Args {
    /// How many guides to generate
    #[arg(long, default_value_t = 500)]
    guides: u32,
}

/// Words learners type, and words that stress each tier: common letters, no literal match
/// (abbreviations), several words, and nothing at all.
const QUERIES: [&str; 11] = [
    "x",
    "safeguards",
    "confidenti",
    "dignity re",
    "occupationl",
    "vlntr",
    "gdpr consent",
    "the and of",
    "a b c d e",
    "e",
    "zqxjv",
];

fn main() -> Result<()> {
    let args = Args::parse();
    let dir = tempfile::tempdir().context("cannot make a temporary folder")?;
    for (name, text) in gen_library::library_files(args.guides) {
        std::fs::write(dir.path().join(&name), text).with_context(|| format!("writing {name}"))?;
    }
    let started = Instant::now();
    let library = match load_dir(dir.path()) {
        Ok(library) => library,
        Err(problems) => bail!("the generated guides do not load:\n{problems}"),
    };
    let mut app = App::new(
        library,
        AppOptions {
            start: Pane::Search,
            ..AppOptions::default()
        },
    );
    println!(
        "{} guides loaded and indexed in {:?}",
        args.guides,
        started.elapsed()
    );
    let theme = Theme::named(ThemeName::Default);
    let mut terminal = Terminal::new(TestBackend::new(80, 24))?;
    let mut worst = Duration::ZERO;
    println!("{:>14}  {:>9}  {:>9}  results", "query", "slowest", "mean");
    for query in QUERIES {
        let mut times = Vec::new();
        for c in query.chars() {
            let start = Instant::now();
            app.handle_key(Key::Char(c));
            terminal.draw(|frame| ui::draw(frame, &app, &theme))?;
            times.push(start.elapsed());
        }
        let slowest = times.iter().max().copied().unwrap_or_default();
        let mean = times.iter().sum::<Duration>() / u32::try_from(times.len()).unwrap_or(1);
        worst = worst.max(slowest);
        let plus = if app.panes().search.total().1 {
            ""
        } else {
            "+"
        };
        println!(
            "{query:>14}  {:>7.2}ms  {:>7.2}ms  {}{plus}",
            slowest.as_secs_f64() * 1e3,
            mean.as_secs_f64() * 1e3,
            app.panes().search.total().0
        );
        app.handle_key(Key::Ctrl('u'));
    }
    println!("slowest keystroke: {:.2} ms", worst.as_secs_f64() * 1e3);
    Ok(())
}
