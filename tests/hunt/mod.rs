//! Running a hunting test (the random sessions, the loader fuzzing) within a budget.
//!
//! In `cargo test` each hunt runs a fixed number of cases from a fixed seed: the same inputs
//! every time, done in well under a minute on CI. To hunt for longer, give it time and it
//! draws fresh seeds until the time is up, printing the seed of anything it finds:
//!
//! ```sh
//! CARESTUDY_HUNT_SECONDS=3600 cargo test --release --test session_props --test fuzz_loaders -- --nocapture
//! CARESTUDY_HUNT_SEED=1234 cargo test --release --test session_props   # replay a seed
//! CARESTUDY_HUNT_CASES=500 cargo test --test fuzz_loaders              # more cases, same seed
//! ```
//!
//! A failure is shrunk by proptest to a small input before it is reported.

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};
use std::time::{Duration, Instant};

/// Runs `test` on inputs drawn from `strategy`: `cases` of them from a fixed seed, or, with
/// `CARESTUDY_HUNT_SECONDS`, fresh seeds until that time has passed.
pub fn hunt<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let cases = env_number("CARESTUDY_HUNT_CASES").map_or(cases, |n| n as u32);
    let config = Config {
        cases,
        // The seed printed with a failure replays it; nothing is written beside the tests.
        failure_persistence: None,
        ..Config::default()
    };
    let budget = env_number("CARESTUDY_HUNT_SECONDS").map(Duration::from_secs);
    let started = Instant::now();
    let mut seed = env_number("CARESTUDY_HUNT_SEED").unwrap_or(0);
    let mut rounds = 0u64;
    loop {
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes(seed));
        let mut runner = TestRunner::new_with_rng(config.clone(), rng);
        match runner.run(&strategy, &test) {
            Ok(()) => {}
            Err(TestError::Fail(why, input)) => panic!(
                "{name}: {why}\nseed {seed} (replay with CARESTUDY_HUNT_SEED={seed}); \
                 the smallest failing input:\n{input:#?}"
            ),
            Err(TestError::Abort(why)) => panic!("{name}: gave up: {why} (seed {seed})"),
        }
        rounds += 1;
        match budget {
            Some(budget) if started.elapsed() < budget => seed = fresh_seed(seed),
            _ => break,
        }
    }
    eprintln!(
        "{name}: {} cases from {rounds} seed(s) in {:.1?}, nothing found",
        u64::from(cases) * rounds,
        started.elapsed()
    );
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok()?.trim().parse().ok()
}

fn seed_bytes(seed: u64) -> [u8; 32] {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    bytes
}

/// The next seed of a long hunt: from the clock, so separate runs try different inputs.
fn fresh_seed(previous: u64) -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    nanos ^ previous.rotate_left(17)
}
