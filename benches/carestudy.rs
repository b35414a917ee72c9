//! `cargo bench`: the speed targets, measured. Loading guides (parsed and from the parse
//! cache), the most hostile file the loader accepts, one search keystroke (matching plus
//! drawing), drawing each pane at 80x24 and 200x60, and the release binary run whole as a user
//! runs it (`process/`: first frame, `check` and `search` (a word, and a misspelling on 500
//! guides, which builds the index), built-in guides, 500 and 5,000
//! generated guides with a warm cache). `cargo bench -- process/` runs just those.
//! The progress store's figures are in benches/progress.rs; peak memory (built-in guides, and
//! 5,000 guides' first frame and a session with a search) and the slowest search keystroke on
//! 5,000 guides in benches/memory.rs (`cargo bench --bench memory`).

#[path = "../examples/gen_library.rs"]
#[allow(dead_code)]
mod gen_library;

use carestudy::app::keys::Key;
use carestudy::app::{App, AppOptions, Pane};
use carestudy::content::{
    GuideCache, Library, MAX_FILE_BYTES, load_builtin, load_builtin_with_cache, load_dir,
    load_dir_with_cache, parse_guide,
};
use carestudy::ui::{self, Theme, ThemeName};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::ffi::OsStr;
use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn builtin() -> Library {
    match load_builtin() {
        Ok(library) => library,
        Err(problems) => panic!("built-in guides: {problems}"),
    }
}

fn app(library: Library, pane: Pane, width: u16, height: u16) -> App {
    App::new(
        library,
        AppOptions {
            seed: 0,
            start: pane,
            topic: None,
            width,
            height,
            ..AppOptions::default()
        },
    )
}

fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    match Terminal::new(TestBackend::new(width, height)) {
        Ok(terminal) => terminal,
        Err(e) => panic!("{e}"),
    }
}

/// Guides in the large library: a whole course's worth.
const LARGE: u32 = 500;

/// Writes the generated 500-guide library to `dir` (the same files `gen_library` writes).
fn write_large_library(dir: &Path) {
    write_library(dir, LARGE);
}

/// Writes `guides` generated guides to `dir`, then waits until the parse cache will take them
/// (it leaves alone files changed in the last two seconds).
fn write_library(dir: &Path, guides: u32) {
    for (name, text) in gen_library::library_files(guides) {
        if let Err(e) = std::fs::write(dir.join(name), text) {
            panic!("cannot write the generated library: {e}");
        }
    }
    std::thread::sleep(Duration::from_millis(2100));
}

fn load_large(dir: &Path) -> Library {
    match load_dir(dir) {
        Ok(library) => library,
        Err(problems) => panic!("generated guides: {problems}"),
    }
}

fn loading(c: &mut Criterion) {
    c.bench_function("load/builtin", |b| b.iter(|| black_box(builtin())));
    let cache_dir = tempfile_dir();
    let cache = GuideCache::at(cache_dir.path().to_path_buf());
    c.bench_function("load/builtin-cached", |b| {
        b.iter(|| black_box(load_builtin_with_cache(Some(&cache)).is_ok()))
    });
    let dir = tempfile_dir();
    write_large_library(dir.path());
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("500-guides", |b| {
        b.iter(|| black_box(load_large(dir.path())))
    });
    group.bench_function("500-guides-cached", |b| {
        b.iter(|| black_box(load_dir_with_cache(dir.path(), Some(&cache)).is_ok()))
    });
    group.finish();
    // The file-size limit is chosen so the worst file it lets through costs under 250 ms (and
    // 64 MB: tests/loader_memory.rs). The worst shape measured: lines of `[`, to the limit.
    let mut hostile =
        b"+++\nid = \"h\"\ntitle = \"H\"\ncriterion = \"1.1 H\"\nverb = \"describe\"\n\
source = \"S\"\n+++\n\n## A topic {#a-topic}\n\nA summary.\n\n"
            .to_vec();
    while hostile.len() < MAX_FILE_BYTES {
        hostile.extend_from_slice(&[b'['; 60]);
        hostile.push(b'\n');
    }
    hostile.truncate(MAX_FILE_BYTES);
    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    group.bench_function("hostile-at-size-limit", |b| {
        b.iter(|| black_box(parse_guide("hostile.md", &hostile).is_ok()))
    });
    group.finish();
}

/// The release binary, run whole (start, load, first frame or output, exit) as a user runs it,
/// with a warm parse cache in a folder of its own.
struct Binary {
    cache: tempfile::TempDir,
}

impl Binary {
    fn new() -> Self {
        Self {
            cache: tempfile_dir(),
        }
    }

    fn run(&self, args: &[&OsStr]) {
        let status = Command::new(env!("CARGO_BIN_EXE_carestudy"))
            .args(args)
            .env("CARESTUDY_CACHE_DIR", self.cache.path())
            .env_remove("CARESTUDY_DATA_DIR")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        match status {
            Ok(status) if status.success() => {}
            other => panic!("carestudy {args:?}: {other:?}"),
        }
    }

    fn bench(&self, c: &mut Criterion, name: &str, args: &[&OsStr]) {
        self.run(args); // warms the cache
        let mut group = c.benchmark_group("process");
        group.sample_size(20);
        group.bench_function(name, |b| b.iter(|| self.run(args)));
        group.finish();
    }
}

fn processes(c: &mut Criterion) {
    let binary = Binary::new();
    let first_frame = ["snapshot", "--keys", "q"].map(OsStr::new);
    binary.bench(c, "builtin/first-frame", &first_frame);
    for guides in [LARGE, 5000] {
        let dir = tempfile_dir();
        write_library(dir.path(), guides);
        let content = [OsStr::new("--content"), dir.path().as_os_str()];
        binary.bench(
            c,
            &format!("{guides}-guides/first-frame"),
            &[&content[..], &first_frame[..]].concat(),
        );
        if guides == LARGE {
            let check = [OsStr::new("check"), dir.path().as_os_str()];
            binary.bench(c, &format!("{guides}-guides/check"), &check);
            let search = [OsStr::new("search"), OsStr::new("safeguarding")];
            binary.bench(
                c,
                &format!("{guides}-guides/search"),
                &[&content[..], &search[..]].concat(),
            );
            // A misspelling needs the guides' whole vocabulary: the index is built.
            let typo = [OsStr::new("search"), OsStr::new("mentro")];
            binary.bench(
                c,
                &format!("{guides}-guides/search-typo"),
                &[&content[..], &typo[..]].concat(),
            );
        }
    }
}

fn tempfile_dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("cannot make a temporary folder: {e}"),
    }
}

/// One keystroke in the search box: the query is updated, matched, and the screen drawn.
/// `typed` is what is already in the box; the keystroke adds `next`.
fn keystroke(c: &mut Criterion, name: &str, library: &Library, typed: &str, next: char) {
    let theme = Theme::named(ThemeName::Default);
    let mut app = app(library.clone(), Pane::Search, 80, 24);
    for ch in typed.chars() {
        app.handle_key(Key::Char(ch));
    }
    let mut terminal = terminal(80, 24);
    c.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                app.handle_key(Key::Char(next));
                let drawn = terminal.draw(|frame| ui::draw(frame, &app, &theme));
                total += start.elapsed();
                black_box(drawn.is_ok());
                // Undo outside the measurement so every iteration types the same key.
                app.handle_key(Key::Backspace);
            }
            total
        });
    });
}

/// Typing a ten-letter word one key at a time, from an empty box: the average keystroke.
fn typing_word(c: &mut Criterion, name: &str, library: &Library) {
    let theme = Theme::named(ThemeName::Default);
    let mut terminal = terminal(80, 24);
    let word = "safeguards";
    let mut app = app(library.clone(), Pane::Search, 80, 24);
    c.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                for ch in word.chars() {
                    let start = Instant::now();
                    app.handle_key(Key::Char(ch));
                    let drawn = terminal.draw(|frame| ui::draw(frame, &app, &theme));
                    total += start.elapsed();
                    black_box(drawn.is_ok());
                }
                app.handle_key(Key::Ctrl('u'));
            }
            // Per keystroke, not per word.
            total / u32::try_from(word.len()).unwrap_or(1)
        });
    });
}

fn searching(c: &mut Criterion) {
    let library = builtin();
    keystroke(c, "search/builtin/first-char", &library, "", 'c');
    keystroke(c, "search/builtin/fifth-char", &library, "conf", 'i');
    typing_word(c, "search/builtin/ten-letter-word", &library);
    let dir = tempfile_dir();
    write_large_library(dir.path());
    let large = load_large(dir.path());
    keystroke(c, "search/500-guides/first-char", &large, "", 'c');
    keystroke(c, "search/500-guides/fifth-char", &large, "conf", 'i');
    typing_word(c, "search/500-guides/ten-letter-word", &large);
}

fn drawing(c: &mut Criterion) {
    let theme = Theme::named(ThemeName::Default);
    let library = builtin();
    for (width, height) in [(80, 24), (200, 60)] {
        for pane in Pane::ALL {
            let mut app = app(library.clone(), pane, width, height);
            if pane == Pane::Search {
                for ch in "trust".chars() {
                    app.handle_key(Key::Char(ch));
                }
            }
            let mut terminal = terminal(width, height);
            let name = format!("draw/{}/{width}x{height}", pane.title().to_lowercase());
            c.bench_function(&name, |b| {
                b.iter(|| {
                    let drawn = terminal.draw(|frame| ui::draw(frame, &app, &theme));
                    black_box(drawn.is_ok());
                });
            });
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = loading, searching, drawing, processes
}
criterion_main!(benches);
