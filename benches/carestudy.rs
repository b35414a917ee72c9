//! `cargo bench`: the speed targets, measured. Loading guides, one search keystroke (matching
//! plus drawing), and drawing each pane at 80x24 and 200x60.

use carestudy::app::keys::Key;
use carestudy::app::{App, AppOptions, Pane};
use carestudy::content::{Library, load_builtin};
use carestudy::ui::{self, Theme, ThemeName};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
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
        },
    )
}

fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    match Terminal::new(TestBackend::new(width, height)) {
        Ok(terminal) => terminal,
        Err(e) => panic!("{e}"),
    }
}

fn loading(c: &mut Criterion) {
    c.bench_function("load/builtin", |b| b.iter(|| black_box(builtin())));
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

fn searching(c: &mut Criterion) {
    let library = builtin();
    keystroke(c, "search/builtin/first-char", &library, "", 'c');
    keystroke(c, "search/builtin/fifth-char", &library, "conf", 'i');
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
    targets = loading, searching, drawing
}
criterion_main!(benches);
