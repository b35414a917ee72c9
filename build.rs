//! Fingerprints the guide loader for its parse cache (src/content/cache.rs): a hash of every
//! file under src/content/, of the built-in guides under content/ and of Cargo.lock, so an entry
//! written by one build is never used by a build that could parse differently. Directories are
//! watched whole, so a file added there later is covered without editing this list.
//!
//! It also turns search's list of ordinary English words (src/search/english/words.txt, 650 KB of
//! text) into an `fst` set of 240 KB, the form the binary carries and searches.
//!
//! And it hands the linker link/start-order.txt, the functions the start runs, so they lie side
//! by side in the release binary (see [`start_order`]).

use std::fs;
use std::path::Path;

fn main() {
    let mut files = Vec::new();
    for dir in ["src/content", "content"] {
        println!("cargo:rerun-if-changed={dir}");
        collect(Path::new(dir), &mut files);
    }
    println!("cargo:rerun-if-changed=Cargo.lock");
    files.push(Path::new("Cargo.lock").to_path_buf());
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        let bytes = fs::read(file).unwrap_or_default();
        for byte in file.to_string_lossy().bytes().chain(bytes) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=CARESTUDY_LOADER_FINGERPRINT={hash:016x}");
    english_words();
    start_order();
}

/// `OUT_DIR/english.fst`: the words of src/search/english/words.txt (one a line, sorted by bytes).
fn english_words() {
    let list = Path::new("src/search/english/words.txt");
    println!("cargo:rerun-if-changed={}", list.display());
    let text = fs::read_to_string(list).unwrap_or_else(|e| panic!("{}: {e}", list.display()));
    let set = fst::Set::from_iter(text.lines()).unwrap_or_else(|e| {
        panic!(
            "{}: not one word a line sorted by bytes: {e}",
            list.display()
        )
    });
    let out = std::env::var_os("OUT_DIR").unwrap_or_else(|| panic!("cargo sets OUT_DIR"));
    let path = Path::new(&out).join("english.fst");
    fs::write(&path, set.as_fst().as_bytes()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// The kernel maps code 64 KB at a time around each page a program first touches, so a start
/// that runs 550 KB of functions spread across the binary's 4.9 MB of code keeps 2.6 MB of it
/// resident; side by side they cost what they weigh (the built-in guides' peak memory, README
/// Performance). tools/start_order.py writes the list.
///
/// Only where the linker is surely lld, which takes the list: Rust's own (the default for
/// x86_64 Linux since Rust 1.90) with no linker chosen in the configuration. The release
/// build only, and only the `carestudy` binary.
fn start_order() {
    let list = Path::new("link/start-order.txt");
    println!("cargo:rerun-if-changed={}", list.display());
    for variable in ["RUSTC_LINKER", "CARGO_ENCODED_RUSTFLAGS"] {
        println!("cargo:rerun-if-env-changed={variable}");
    }
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let default_linker = var("RUSTC_LINKER").is_empty()
        && !["linker", "link-self-contained", "fuse-ld"]
            .iter()
            .any(|flag| var("CARGO_ENCODED_RUSTFLAGS").contains(flag));
    let lld = var("TARGET") == "x86_64-unknown-linux-gnu"
        && default_linker
        && rustc_minor_version().is_some_and(|minor| minor >= 90);
    let manifest_dir = var("CARGO_MANIFEST_DIR");
    let path = Path::new(&manifest_dir).join(list);
    // `-Wl,` splits its argument at commas.
    if !lld
        || var("PROFILE") != "release"
        || !path.is_file()
        || path.to_string_lossy().contains(',')
    {
        return;
    }
    let path = path.display();
    println!("cargo:rustc-link-arg-bin=carestudy=-Wl,--symbol-ordering-file={path}");
    // A name the list has and the build does not (renamed since) only loses its place.
    println!("cargo:rustc-link-arg-bin=carestudy=-Wl,--no-warn-symbol-ordering");
}

/// N of the compiler's `rustc 1.N.x` (Cargo names the compiler in `RUSTC`).
fn rustc_minor_version() -> Option<u32> {
    let rustc = std::env::var_os("RUSTC")?;
    let output = std::process::Command::new(rustc)
        .arg("--version")
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let version = text.split_whitespace().nth(1)?;
    version.split('.').nth(1)?.parse().ok()
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
