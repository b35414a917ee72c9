//! `cargo bench --bench memory`: the rows of issue #14's table that criterion does not time.
//!
//! - Peak memory: the release binary run whole, as a user runs it, with a warm parse cache, no
//!   settings file (`CARESTUDY_CONFIG=`) and an empty progress folder of its own: the built-in
//!   guides' first frame (21 runs), and on 5,000 generated guides the first frame and a session with
//!   a search (5 runs each). Each row prints the fastest (smallest) and the median peak resident
//!   size in KiB beside its target, the same figure as `/usr/bin/time -f %M`.
//! - The slowest search keystroke on 5,000 generated guides: examples/typing_latency.rs's
//!   `measure` (the same queries, 3 runs), printing the mean and the slowest.
//!
//! `cargo bench --bench memory -- keystroke` (or `builtin`, `5000`) runs only the rows whose name
//! holds a word given. The other time rows are in benches/carestudy.rs and benches/progress.rs.
//!
//! How a child's peak is read without `unsafe`: getrusage(RUSAGE_CHILDREN) gives the largest
//! peak among the children a process has waited for, so this bench runs a copy of itself for each
//! measurement, a parent of exactly one child (carestudy), which prints that child's peak. Linux
//! counts in a child's peak the memory of the process it was started from (it inherits that
//! process's pages until it runs carestudy), so each row also prints that copy's own peak: the
//! smallest figure a row could show. Peak memory is measured on Linux only (ru_maxrss is in KiB
//! there, bytes on macOS); elsewhere those rows say so and the keystroke row still runs.

#![forbid(unsafe_code)]

// typing_latency includes examples/gen_library.rs as its `gen_library`.
#[path = "../examples/typing_latency.rs"]
#[allow(dead_code)]
mod typing_latency;

use anyhow::{Context, Result, bail};
use carestudy::content::load_dir;
use std::ffi::OsStr;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;
use typing_latency::gen_library;

/// Set in the environment of the copy of this bench that runs one child and prints its peak.
const PEAK_OF_ONE_CHILD: &str = "CARESTUDY_BENCH_PEAK_OF_ONE_CHILD";

/// Guides in the large library of issue #14's table.
const GUIDES: u32 = 5000;

fn main() -> ExitCode {
    // First, before this process does anything else: its own peak is the floor of the child's.
    if std::env::var_os(PEAK_OF_ONE_CHILD).is_some() {
        return peak::run_one_child();
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The rows, as `cargo bench` names them; `--bench` and other flags are cargo's.
fn wanted(row: &str) -> bool {
    let words: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .collect();
    words.is_empty() || words.iter().any(|word| row.contains(word.as_str()))
}

fn run() -> Result<()> {
    let cache = tempfile::tempdir().context("cannot make a temporary folder")?;
    let data = tempfile::tempdir().context("cannot make a temporary folder")?;
    let runner = peak::Runner::new(cache.path(), data.path());
    let first_frame = ["snapshot", "--keys", "q"].map(OsStr::new);
    let builtin = "memory/builtin/first-frame";
    if wanted(builtin) {
        runner.row(builtin, &first_frame, 21, 6_000)?;
        start_order_note()?;
    }
    let large = format!("memory/{GUIDES}-guides/first-frame");
    let session = format!("memory/{GUIDES}-guides/search-session");
    let keystroke = format!("keystroke/{GUIDES}-guides");
    if ![&large, &session, &keystroke].iter().any(|row| wanted(row)) {
        return Ok(());
    }
    let library = tempfile::tempdir().context("cannot make a temporary folder")?;
    write_library(library.path(), GUIDES)?;
    let content = [OsStr::new("--content"), library.path().as_os_str()];
    if wanted(&large) {
        runner.row(
            &large,
            &[&content[..], &first_frame[..]].concat(),
            5,
            250_000,
        )?;
    }
    if wanted(&session) {
        let search = [
            "snapshot",
            "--start",
            "search",
            "--keys",
            "safeguarding<Esc>q",
        ];
        let args = [&content[..], &search.map(OsStr::new)[..]].concat();
        runner.row(&session, &args, 5, 250_000)?;
    }
    if wanted(&keystroke) {
        slowest_keystroke(&keystroke, library.path())?;
    }
    Ok(())
}

/// The built-in peak depends on the start's functions lying side by side (link/start-order.txt,
/// README "How the start stays small"). Their names carry hashes of the crates' features, and
/// cargo builds for benches with the dev-dependencies' features turned on in shared crates:
/// Cargo.toml asks for them in the normal build too, so both are one binary, until a new
/// dev-dependency parts them. Says how much of the list this binary has.
fn start_order_note() -> Result<()> {
    let list = Path::new(env!("CARGO_MANIFEST_DIR")).join("link/start-order.txt");
    let Ok(list) = std::fs::read_to_string(&list) else {
        return Ok(()); // no list: nothing laid out
    };
    let binary = std::fs::read(env!("CARGO_BIN_EXE_carestudy")).context("reading carestudy")?;
    let symbols: std::collections::HashSet<&[u8]> = binary.split(|&byte| byte == 0).collect();
    let names: Vec<&str> = list
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    let found = names
        .iter()
        .filter(|name| symbols.contains(name.as_bytes()))
        .count();
    let share = found * 100 / names.len().max(1);
    println!(
        "{:45} link/start-order.txt: {found} of {} names in this binary ({share}%)",
        "",
        names.len()
    );
    if share < 90 {
        println!(
            "{:45} so its start is not laid out as the list says: a dev-dependency turns on features\n\
             {:45} in a crate carestudy uses that Cargo.toml does not ask for (compare `cargo tree\n\
             {:45} -e normal -f '{{p}} {{f}}'` with `-e normal,dev`), or the list is stale\n\
             {:45} (tools/start_order.py); cargo build --release and /usr/bin/time -f %M measure\n\
             {:45} the release build (README, Performance)",
            "", "", "", "", ""
        );
    }
    Ok(())
}

/// Writes the generated library (the files `gen_library` writes), then waits until the parse
/// cache will take them (it leaves alone files changed in the last two seconds).
fn write_library(dir: &Path, guides: u32) -> Result<()> {
    for (name, text) in gen_library::library_files(guides) {
        std::fs::write(dir.join(&name), text).with_context(|| format!("writing {name}"))?;
    }
    std::thread::sleep(Duration::from_millis(2100));
    Ok(())
}

/// Types typing_latency's queries into the Search pane, 3 times each, loaded in this process.
fn slowest_keystroke(row: &str, dir: &Path) -> Result<()> {
    let library = match load_dir(dir) {
        Ok(library) => library,
        Err(problems) => bail!("the generated guides do not load:\n{problems}"),
    };
    let latency = typing_latency::measure(library, 3)?;
    latency.print();
    let slowest = latency.slowest().as_secs_f64() * 1e3;
    println!(
        "{row:45} mean {:9.3} ms   slowest {slowest:9.3} ms   ({} keystrokes; target: slowest <= 16 ms: {})",
        latency.mean().as_secs_f64() * 1e3,
        latency.keystrokes.len(),
        if slowest <= 16.0 { "meets" } else { "MISSES" },
    );
    Ok(())
}

#[cfg(target_os = "linux")]
mod peak {
    use super::PEAK_OF_ONE_CHILD;
    use anyhow::{Context, Result, bail};
    use nix::sys::resource::{UsageWho, getrusage};
    use std::ffi::{OsStr, OsString};
    use std::path::{Path, PathBuf};
    use std::process::{Command, ExitCode, Stdio};

    /// Runs carestudy (the binary cargo built for the benches) through a copy of this bench.
    pub struct Runner {
        cache: PathBuf,
        data: PathBuf,
    }

    /// One run: carestudy's peak and the peak of the copy that started it, in KiB.
    struct Peak {
        child: u64,
        floor: u64,
    }

    impl Runner {
        pub fn new(cache: &Path, data: &Path) -> Self {
            Self {
                cache: cache.to_path_buf(),
                data: data.to_path_buf(),
            }
        }

        fn peak(&self, args: &[&OsStr]) -> Result<Peak> {
            let output = Command::new(std::env::current_exe().context("cannot find this bench")?)
                .args(args)
                .env(PEAK_OF_ONE_CHILD, "1")
                .env("CARESTUDY_CACHE_DIR", &self.cache)
                .env("CARESTUDY_CONFIG", "")
                .env("CARESTUDY_DATA_DIR", &self.data)
                .stdin(Stdio::null())
                .stderr(Stdio::inherit())
                .output()
                .context("cannot run this bench's measuring copy")?;
            if !output.status.success() {
                bail!("carestudy {args:?} failed: {}", output.status);
            }
            let text = String::from_utf8_lossy(&output.stdout);
            let mut numbers = text.split_whitespace().map(str::parse::<u64>);
            match (numbers.next(), numbers.next()) {
                (Some(Ok(child)), Some(Ok(floor))) => Ok(Peak { child, floor }),
                _ => bail!("the measuring copy printed {text:?}"),
            }
        }

        /// Measures `runs` runs after one that warms the parse cache, and prints the fastest
        /// and median peak beside `target_kib`.
        pub fn row(&self, name: &str, args: &[&OsStr], runs: usize, target_kib: u64) -> Result<()> {
            self.peak(args)?;
            let mut peaks = Vec::with_capacity(runs);
            let mut floor = 0;
            for _ in 0..runs {
                let peak = self.peak(args)?;
                if peak.child <= peak.floor {
                    bail!(
                        "{name}: carestudy's peak ({} KiB) is no more than the measuring copy's own ({} KiB): it cannot be told",
                        peak.child,
                        peak.floor
                    );
                }
                floor = floor.max(peak.floor);
                peaks.push(peak.child);
            }
            peaks.sort_unstable();
            let median = peaks[peaks.len() / 2];
            println!(
                "{name:45} min {:9} KiB   median {median:9} KiB   ({runs} runs; target <= {target_kib} KiB: {}; the measuring copy's own peak {floor} KiB)",
                peaks[0],
                if median <= target_kib {
                    "meets"
                } else {
                    "MISSES"
                },
            );
            Ok(())
        }
    }

    /// The measuring copy: runs carestudy with this process's arguments and environment, waits,
    /// and prints "CHILD FLOOR": carestudy's peak and this process's own, in KiB.
    pub fn run_one_child() -> ExitCode {
        let args: Vec<OsString> = std::env::args_os().skip(1).collect();
        let status = Command::new(env!("CARGO_BIN_EXE_carestudy"))
            .args(&args)
            .env_remove(PEAK_OF_ONE_CHILD)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .status();
        match status {
            Ok(status) if status.success() => {}
            other => {
                eprintln!("carestudy {args:?}: {other:?}");
                return ExitCode::FAILURE;
            }
        }
        // ru_maxrss is in KiB on Linux; only waited-for children count, and there is one.
        let child = match getrusage(UsageWho::RUSAGE_CHILDREN) {
            Ok(usage) => usage.max_rss(),
            Err(e) => {
                eprintln!("getrusage: {e}");
                return ExitCode::FAILURE;
            }
        };
        match own_peak_kib() {
            Ok(floor) => {
                println!("{child} {floor}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e:#}");
                ExitCode::FAILURE
            }
        }
    }

    /// This process's own peak (VmHWM): what a child started from it counts before it runs
    /// carestudy. (getrusage(RUSAGE_SELF) would also count the bench that started this copy.)
    fn own_peak_kib() -> Result<u64> {
        let status = std::fs::read_to_string("/proc/self/status").context("/proc/self/status")?;
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .context("no VmHWM in /proc/self/status")
    }
}

#[cfg(not(target_os = "linux"))]
mod peak {
    use anyhow::Result;
    use std::ffi::OsStr;
    use std::path::Path;
    use std::process::ExitCode;

    /// Peak memory is measured on Linux only: says so for each row.
    pub struct Runner;

    impl Runner {
        pub fn new(_cache: &Path, _data: &Path) -> Self {
            Self
        }

        pub fn row(&self, name: &str, _args: &[&OsStr], _runs: usize, _target: u64) -> Result<()> {
            println!(
                "{name:45} not measured: peak memory is read with Linux's getrusage (KiB); \
                 elsewhere use `/usr/bin/time` (README, Performance)"
            );
            Ok(())
        }
    }

    pub fn run_one_child() -> ExitCode {
        eprintln!("peak memory is measured on Linux only");
        ExitCode::FAILURE
    }
}
