//! Fingerprints the guide loader for its parse cache (src/content/cache.rs): a hash of every
//! file under src/content/, of the built-in guides under content/ and of Cargo.lock, so an entry
//! written by one build is never used by a build that could parse differently. Directories are
//! watched whole, so a file added there later is covered without editing this list.
//!
//! It also turns search's list of ordinary English words (src/search/english/words.txt, 650 KB of
//! text) into an `fst` set of 240 KB, the form the binary carries and searches.

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
