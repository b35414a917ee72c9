//! Coverage-guided fuzzing of the guide loader, with the properties `cargo test` checks on
//! mutations (tests/fuzz_loaders/checks.rs). See fuzz/README.md.
#![no_main]

// Each target uses its half of the checks.
#[allow(dead_code)]
#[path = "../../tests/fuzz_loaders/checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(why) = checks::check_guide(data) {
        panic!("{why}");
    }
});
