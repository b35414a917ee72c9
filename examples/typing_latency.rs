//! Worst-case search latency: types awkward queries one key at a time into the Search pane of a
//! generated library and prints the slowest and the mean keystroke (matching plus drawing) for
//! each. Criterion's benches report means; this reports the maximum a learner would feel.
//! `cargo bench --bench memory` runs the same [`measure`] on 5,000 generated guides.
//!
//! ```sh
//! cargo run --release --example typing_latency              # 500 generated guides
//! cargo run --release --example typing_latency -- --guides 100
//! cargo run --release --example gen_library -- --guides 5000 /tmp/gen5000
//! cargo run --release --example typing_latency -- --dir /tmp/gen5000
//! ```

#![forbid(unsafe_code)]

// Public so that benches/memory.rs, which includes this file, writes its library with it too.
#[path = "gen_library.rs"]
#[allow(dead_code)]
pub mod gen_library;

use anyhow::{Context, Result, bail};
use carestudy::app::keys::Key;
use carestudy::app::{App, AppOptions, Pane};
use carestudy::content::{Library, load_dir};
use carestudy::search::SearchIndex;
use carestudy::ui::{self, Theme, ThemeName};
use clap::Parser;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[derive(Parser)]
#[command(about = "Measure the slowest search keystroke on a generated library")]
struct Args {
    /// How many guides to generate
    #[arg(long, default_value_t = 500)]
    guides: u32,
    /// Search the guides in DIR instead of generating them (a library written by gen_library)
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
    /// Type every query this many times; the slowest keystroke over all runs is reported
    #[arg(long, default_value_t = 3)]
    runs: u32,
}

/// Words learners type, and words that stress each tier: common words, phrases, typos of each
/// kind, partial words, several one-letter words, and nothing at all.
const QUERIES: [&str; 16] = [
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
    "care worker",
    "duty of care",
    "wellbeign",
    "multidisciplinary team",
    "person centred care plan",
];

fn main() -> Result<()> {
    let args = Args::parse();
    let generated;
    let dir = match &args.dir {
        Some(dir) => dir.as_path(),
        None => {
            generated = tempfile::tempdir().context("cannot make a temporary folder")?;
            for (name, text) in gen_library::library_files(args.guides) {
                std::fs::write(generated.path().join(&name), text)
                    .with_context(|| format!("writing {name}"))?;
            }
            generated.path()
        }
    };
    let started = Instant::now();
    let library = match load_dir(dir) {
        Ok(library) => library,
        Err(problems) => bail!("the guides do not load:\n{problems}"),
    };
    let loaded = started.elapsed();
    let started = Instant::now();
    let index = SearchIndex::new(&library);
    let indexed = started.elapsed();
    println!(
        "{} guides, {} topics: loaded in {:.1} ms, search index built in {:.1} ms ({:.1} MB)",
        library.guides.len(),
        library.topic_count(),
        loaded.as_secs_f64() * 1e3,
        indexed.as_secs_f64() * 1e3,
        index.heap_bytes() as f64 / 1e6,
    );
    drop(index);
    measure(library, args.runs)?.print();
    Ok(())
}

/// What typing every query took, keystroke by keystroke (matching plus drawing at 80x24).
pub struct Latency {
    /// The first keystroke, which builds the search index: timed on its own.
    pub first: Duration,
    pub queries: Vec<QueryLatency>,
    /// Every keystroke after the first, over all queries and runs.
    pub keystrokes: Vec<Duration>,
}

pub struct QueryLatency {
    pub query: &'static str,
    pub slowest: Duration,
    /// The query as it stood at its slowest keystroke.
    pub slowest_at: String,
    pub mean: Duration,
    /// Topics found for the whole query.
    pub topics: usize,
}

impl Latency {
    pub fn slowest(&self) -> Duration {
        self.keystrokes.iter().max().copied().unwrap_or_default()
    }

    pub fn mean(&self) -> Duration {
        mean(&self.keystrokes)
    }

    /// The first keystroke, then each query's slowest and mean keystroke, then all of them.
    pub fn print(&self) {
        println!(
            "first keystroke (builds the index): {:.1} ms",
            self.first.as_secs_f64() * 1e3
        );
        println!(
            "{:>24}  {:>9}  {:>9}  {:>6}",
            "query", "slowest", "mean", "topics"
        );
        for query in &self.queries {
            println!(
                "{:>24}  {:>7.2}ms  {:>7.2}ms  {:>6}  (slowest at {:?})",
                query.query,
                query.slowest.as_secs_f64() * 1e3,
                query.mean.as_secs_f64() * 1e3,
                query.topics,
                query.slowest_at,
            );
        }
        println!("{}", self.summary());
    }

    /// "over N keystrokes: mean M ms, slowest S ms"
    pub fn summary(&self) -> String {
        format!(
            "over {} keystrokes: mean {:.2} ms, slowest {:.2} ms",
            self.keystrokes.len(),
            self.mean().as_secs_f64() * 1e3,
            self.slowest().as_secs_f64() * 1e3
        )
    }
}

fn mean(times: &[Duration]) -> Duration {
    times.iter().sum::<Duration>() / u32::try_from(times.len().max(1)).unwrap_or(u32::MAX)
}

/// Opens the Search pane on `library` and types each of [`QUERIES`] `runs` times, one key at a
/// time, timing each keystroke from the key to the drawn frame.
pub fn measure(library: Library, runs: u32) -> Result<Latency> {
    let mut app = App::new(
        library,
        AppOptions {
            start: Pane::Search,
            ..AppOptions::default()
        },
    );
    let theme = Theme::named(ThemeName::Default);
    let mut terminal = Terminal::new(TestBackend::new(80, 24))?;
    // The app builds its search index on the first search: that keystroke is timed on its own.
    let start = Instant::now();
    app.handle_key(Key::Char('a'));
    terminal.draw(|frame| ui::draw(frame, &app, &theme))?;
    let first = start.elapsed();
    app.handle_key(Key::Ctrl('u'));
    let mut queries = Vec::new();
    let mut all = Vec::new();
    for query in QUERIES {
        let mut times = Vec::new();
        let mut topics = 0;
        let mut slowest_at = (Duration::ZERO, String::new());
        for _ in 0..runs {
            for (n, c) in query.char_indices() {
                let start = Instant::now();
                app.handle_key(Key::Char(c));
                terminal.draw(|frame| ui::draw(frame, &app, &theme))?;
                let took = start.elapsed();
                if took > slowest_at.0 {
                    slowest_at = (took, query[..n + c.len_utf8()].to_owned());
                }
                times.push(took);
            }
            if app.panes().search.input().text() != query {
                bail!(
                    "the search box holds {:?}, not {query:?}",
                    app.panes().search.input().text()
                );
            }
            topics = app.panes().search.total();
            app.handle_key(Key::Ctrl('u'));
        }
        queries.push(QueryLatency {
            query,
            slowest: slowest_at.0,
            slowest_at: slowest_at.1,
            mean: mean(&times),
            topics,
        });
        all.extend(times);
    }
    Ok(Latency {
        first,
        queries,
        keystrokes: all,
    })
}
