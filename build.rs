//! Fingerprints the guide loader for its parse cache (src/content/cache.rs): a hash of every
//! file under src/content/, of the built-in guides under content/ and of Cargo.lock, so an entry
//! written by one build is never used by a build that could parse differently. Directories are
//! watched whole, so a file added there later is covered without editing this list.
//!
//! It also turns search's list of ordinary English words (src/search/english/words.txt, 650 KB of
//! text) into an `fst` set of 240 KB, the form the binary carries and searches.
//!
//! And it gives the linker what makes the release binary's start touch less of it: the list of
//! the functions the start runs (link/start-order.txt), and packed relocations (see
//! [`release_link_args`]).

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
    release_link_args();
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

/// Link arguments for the release build of the `carestudy` binary that make its start touch
/// less of it (the built-in guides' peak memory, README Performance). Only where the linker is
/// surely lld, which takes them: Rust's own (the default for x86_64 Linux since Rust 1.90) with
/// no linker chosen in the configuration. Elsewhere the binary is linked as it always was.
fn release_link_args() {
    let list = Path::new("link/start-order.txt");
    println!("cargo:rerun-if-changed={}", list.display());
    for variable in ["RUSTC_LINKER", "CARGO_ENCODED_RUSTFLAGS"] {
        println!("cargo:rerun-if-env-changed={variable}");
    }
    let default_linker = var("RUSTC_LINKER").is_empty()
        && !["linker", "link-self-contained", "fuse-ld"]
            .iter()
            .any(|flag| var("CARGO_ENCODED_RUSTFLAGS").contains(flag));
    let lld = var("TARGET") == "x86_64-unknown-linux-gnu"
        && default_linker
        && version_after(&var("RUSTC"), &["--version"], "rustc ") >= Some((1, 90));
    if !lld || var("PROFILE") != "release" {
        return;
    }
    start_order(&Path::new(&var("CARGO_MANIFEST_DIR")).join(list));
    pack_relocations();
}

/// The kernel maps code 64 KB at a time around each page a program first touches, so a start
/// that runs 550 KB of functions spread across the binary's 4.9 MB of code keeps 2.7 MB of it
/// resident; side by side they cost what they weigh. tools/start_order.py writes the list.
fn start_order(list: &Path) {
    // `-Wl,` splits its argument at commas.
    if !list.is_file() || list.to_string_lossy().contains(',') {
        return;
    }
    let list = list.display();
    println!("cargo:rustc-link-arg-bin=carestudy=-Wl,--symbol-ordering-file={list}");
    // A name the list has and the build does not (renamed since) only loses its place.
    println!("cargo:rustc-link-arg-bin=carestudy=-Wl,--no-warn-symbol-ordering");
}

/// The loader reads every relocation as the program starts: 10,000 of them at 24 bytes each
/// (the addresses in constant data: panic locations, vtables) are 250 KB of the binary read
/// at every start. Packed (DT_RELR) they are 3 KB. glibc's loader reads the packed form from
/// 2.36 on and refuses a binary that has it before, so only when this machine's glibc is that
/// new and the binary is built for it (a build made here already needs this glibc's symbols).
fn pack_relocations() {
    let glibc = version_after("getconf", &["GNU_LIBC_VERSION"], "glibc ");
    if var("HOST") == var("TARGET") && glibc >= Some((2, 36)) {
        println!("cargo:rustc-link-arg-bin=carestudy=-Wl,-z,pack-relative-relocs");
    }
}

/// (major, minor) of the version `program args` prints after `prefix` (`rustc 1.95.0 (...)`,
/// `glibc 2.36`); `None` if it cannot be run or says something else.
fn version_after(program: &str, args: &[&str], prefix: &str) -> Option<(u32, u32)> {
    let output = std::process::Command::new(program)
        .args(args)
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let version = text
        .trim()
        .strip_prefix(prefix)?
        .split_whitespace()
        .next()?;
    let mut parts = version.split('.').map(|part| part.parse().ok());
    Some((parts.next()??, parts.next()??))
}

/// An environment variable Cargo gives build scripts ("" when unset).
fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_default()
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
