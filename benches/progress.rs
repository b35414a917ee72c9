//! `cargo bench --bench progress`: saving and loading a large learner's progress, 10 000 cards
//! with three reviews each, in a temporary folder, fsync included. Targets: save under 20 ms,
//! load under 10 ms.

use carestudy::progress::{CardRecord, Progress, Review, Store};
use chrono::{DateTime, Duration, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const CARDS: usize = 10_000;
const REVIEWS_PER_CARD: i64 = 3;

fn start() -> DateTime<Utc> {
    match Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0) {
        chrono::LocalResult::Single(t) => t,
        _ => panic!("bad start time"),
    }
}

/// A course's worth of cards, each reviewed a few times, with schedules as FSRS leaves them.
fn large_progress() -> Progress {
    let start = start();
    let mut progress = Progress::default();
    for i in 0..CARDS {
        let topic = format!("guide-{:02}/topic-{:03}", i % 25, i % 400);
        let first = start + Duration::minutes(i as i64);
        let reviews: Vec<Review> = (0..REVIEWS_PER_CARD)
            .map(|r| Review {
                at: first + Duration::days(r * 3),
                grade: [1, 3, 4][r as usize % 3],
                correct: (i < CARDS / 2).then_some(r != 0),
                answer: None,
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
            CardRecord {
                topic,
                schedule,
                reviews,
            },
        );
    }
    progress
}

fn temp_dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("cannot make a temporary folder: {e}"),
    }
}

fn save_and_load(c: &mut Criterion) {
    let progress = large_progress();
    let dir = temp_dir();
    let mut group = c.benchmark_group("progress");
    group.sample_size(20);

    {
        let (mut store, _) = Store::open(dir.path(), start());
        group.bench_function("save/10000-cards", |b| {
            b.iter(|| {
                if let Err(e) = store.save(black_box(&progress)) {
                    panic!("save failed: {e}");
                }
            });
        });
    }

    group.bench_function("load/10000-cards", |b| {
        b.iter(|| {
            // Dropped at once, so each open takes the lock afresh.
            let (store, loaded) = Store::open(dir.path(), start());
            assert!(store.message().is_none(), "{:?}", store.message());
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
    targets = save_and_load
}
criterion_main!(benches);
