//! `cargo bench --bench progress`: a year of study (7,300 cards, 43,800 reviews) in the
//! progress database, on the machine's own disk (a folder under target/).
//!
//! - `progress/save-review/year`: saving one review, fsync included. Target: at most one
//!   fsync of a small append on the same disk (`progress/fsync-append`, measured side by
//!   side) plus 0.5 ms, and under 16 KB written (printed after the run, from /proc).
//! - `progress/open/year`: what the app does with its progress before its first frame: open
//!   the database, and start `PRAGMA integrity_check` and loading the history on two other
//!   threads. Target: 5 ms. `progress/first-frame/year` adds building the app and drawing
//!   Browse at 80x24 (built-in guides, already loaded).
//! - `progress/history/year`: the database opened, checked and the whole history loaded: the
//!   most the Quiz and Progress panes wait (the app starts on it before its first frame).
//! - `progress/read/year`: the same without the integrity check (`stats`, `progress export`).
//!
//! Criterion prints means; `python3 benches/min_median.py` prints each one's fastest and median
//! time per iteration from criterion's samples.

use carestudy::app::{App, AppOptions};
use carestudy::progress::{OpenMode, Progress, Review, Store, export_json};
use carestudy::quiz::{Grade, ReviewDetail, Scheduler};
use carestudy::ui::{self, Theme, ThemeName};
use chrono::{DateTime, Duration, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::io::Write;
use std::time::Instant;

const CARDS: usize = 7_300;
const REVIEWS_PER_CARD: i64 = 6;

fn start() -> DateTime<Utc> {
    match Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0) {
        chrono::LocalResult::Single(t) => t,
        _ => panic!("bad start time"),
    }
}

/// A year of study: twenty new cards a day, each reviewed six times, with schedules as
/// FSRS leaves them and a written answer on one review in twenty.
fn year_of_progress() -> Progress {
    let start = start();
    let mut progress = Progress::default();
    for i in 0..CARDS {
        let topic = format!("guide-{:02}/topic-{:03}", i % 25, i % 400);
        let first = start + Duration::minutes((i as i64 / 20) * 24 * 60 + (i as i64 % 20));
        let reviews: Vec<Review> = (0..REVIEWS_PER_CARD)
            .map(|r| Review {
                at: first + Duration::days(r * 3),
                grade: [1, 3, 4, 3, 2, 3][r as usize],
                correct: (i % 2 == 0).then_some(r != 0),
                answer: (i % 20 == 0 && r == 1).then(|| {
                    "We pass on what we notice at handover so the next shift knows.".repeat(3)
                }),
            })
            .collect();
        let last = first + Duration::days((REVIEWS_PER_CARD - 1) * 3);
        let schedule = rs_fsrs::Card {
            due: last + Duration::days(9),
            stability: 8.275_431_6 + (i % 97) as f64 * 0.318_77,
            difficulty: 4.932_118_4 + (i % 13) as f64 * 0.211_3,
            elapsed_days: 3,
            scheduled_days: 9,
            reps: REVIEWS_PER_CARD as i32,
            lapses: (i % 3) as i32,
            state: rs_fsrs::State::Review,
            last_review: last,
        };
        progress.cards.insert(
            format!("{topic}#term:card-{i}"),
            carestudy::progress::CardRecord {
                topic,
                schedule,
                reviews,
            },
        );
    }
    progress
}

fn temp_dir() -> tempfile::TempDir {
    // On the disk the project is on (not a RAM-backed /tmp), so fsyncs are real.
    let _ = std::fs::create_dir_all("target/bench-tmp");
    match tempfile::tempdir_in("target/bench-tmp") {
        Ok(dir) => dir,
        Err(e) => panic!("cannot make a temporary folder: {e}"),
    }
}

/// A data folder holding a year of progress in its database.
fn year_folder() -> tempfile::TempDir {
    let dir = temp_dir();
    let year = year_of_progress();
    let (mut store, mut progress) = Store::open(dir.path(), OpenMode::Write, start());
    let json = export_json(&year).unwrap_or_else(|e| panic!("{e}"));
    if let Err(e) = store.import(&mut progress, &json) {
        panic!("import failed: {e}");
    }
    dir
}

/// Bytes this process has passed to write(2) so far (`wchar` in /proc/self/io).
fn bytes_written() -> Option<u64> {
    let io = std::fs::read_to_string("/proc/self/io").ok()?;
    io.lines()
        .find_map(|line| line.strip_prefix("wchar: "))
        .and_then(|n| n.trim().parse().ok())
}

/// Waits for what `store` loads in the background, and checks it is the whole year.
fn finish(mut store: Store) {
    let loaded = store.finish_loading().unwrap_or_default();
    assert_eq!(loaded.cards.len(), CARDS, "{:?}", store.message());
}

fn save_and_open(c: &mut Criterion) {
    let dir = year_folder();
    let mut group = c.benchmark_group("progress");
    group.sample_size(50);

    // The baseline: one small append to a file on the same disk, and its fsync.
    {
        let path = dir.path().join("append-baseline");
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .unwrap_or_else(|e| panic!("{e}"));
        let line = [b'x'; 100];
        group.bench_function("fsync-append", |b| {
            b.iter(|| {
                file.write_all(&line).unwrap_or_else(|e| panic!("{e}"));
                file.sync_data().unwrap_or_else(|e| panic!("{e}"));
            });
        });
        let _ = std::fs::remove_file(&path);
    }

    {
        let (mut store, mut progress) = Store::open(dir.path(), OpenMode::Write, start());
        assert_eq!(progress.cards.len(), CARDS);
        let scheduler = Scheduler::new();
        let ids: Vec<String> = progress.cards.keys().cloned().collect();
        let mut n = 0usize;
        let mut review = |store: &mut Store, progress: &mut Progress| {
            let id = &ids[(n * 7919) % ids.len()];
            let topic = id.split('#').next().unwrap_or_default().to_owned();
            let when = start() + Duration::days(400) + Duration::seconds(n as i64);
            n += 1;
            let reviewed = scheduler.review(
                progress,
                id,
                &topic,
                Grade::Good,
                ReviewDetail {
                    correct: Some(true),
                    answer: None,
                },
                when,
            );
            if let Err(e) = store.record_review(black_box(&reviewed)) {
                panic!("save failed: {e}");
            }
        };
        group.bench_function("save-review/year", |b| {
            b.iter(|| review(&mut store, &mut progress));
        });
        // Bytes written per review, over enough saves to include the log's checkpoints.
        if let Some(before) = bytes_written() {
            const SAVES: u64 = 2_000;
            for _ in 0..SAVES {
                review(&mut store, &mut progress);
            }
            if let Some(after) = bytes_written() {
                eprintln!(
                    "progress/save-review/year: {:.1} KB written per review (mean of {SAVES}, checkpoints included)",
                    (after - before) as f64 / SAVES as f64 / 1024.0
                );
            }
        }
    }

    // What the app does before its first frame: open the database; the integrity check and
    // the history load on two other threads meanwhile (waited for outside the measurement).
    group.bench_function("open/year", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                let started = Instant::now();
                let (store, _) = Store::open_in_background(dir.path(), start());
                total += started.elapsed();
                finish(store);
            }
            total
        });
    });
    // The same, then the first frame drawn: the built-in guides' Browse pane at 80x24.
    let library = carestudy::content::load_builtin().unwrap_or_else(|e| panic!("{e}"));
    let theme = Theme::named(ThemeName::Default);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| panic!("{e}"));
    group.bench_function("first-frame/year", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                let library = library.clone();
                let started = Instant::now();
                let (store, progress) = Store::open_in_background(dir.path(), start());
                let mut app = App::with_progress(library, AppOptions::default(), store, progress);
                let drawn = terminal.draw(|frame| ui::draw(frame, &app, &theme));
                total += started.elapsed();
                black_box(drawn.is_ok());
                app.finish_loading();
                drop(app);
            }
            total
        });
    });
    // Everything: the database opened, checked and its whole history loaded. What the Quiz
    // and Progress panes wait for at most (the app starts loading before its first frame).
    group.bench_function("history/year", |b| {
        b.iter(|| {
            let (store, loaded) = Store::open(dir.path(), OpenMode::Write, start());
            assert!(store.message().is_none(), "{:?}", store.message());
            black_box(loaded.cards.len())
        });
    });
    // The same load without the integrity check: what `stats` and `progress export` do.
    group.bench_function("read/year", |b| {
        b.iter(|| {
            let (_, loaded) = Store::open(dir.path(), OpenMode::Read, start());
            black_box(loaded.cards.len())
        });
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = save_and_open
}
criterion_main!(benches);
