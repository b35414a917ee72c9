#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The Search pane as a learner sees it: how a result row fits its width, and how the list
//! keeps up with the window.

use carestudy::app::keys::Key;
use carestudy::app::{Action, App, AppOptions, Pane, layout};
use carestudy::content::load_builtin;
use carestudy::snapshot::buffer_text;
use carestudy::ui::{self, Theme, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(width: u16, height: u16) -> App {
    App::new(
        load_builtin().expect("built-in guides load"),
        AppOptions {
            start: Pane::Search,
            width,
            height,
            ..AppOptions::default()
        },
    )
}

fn type_query(app: &mut App, query: &str) {
    for c in query.chars() {
        app.handle_key(Key::Char(c));
    }
}

fn screen(app: &App) -> String {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| ui::draw(frame, app, &Theme::named(ThemeName::Default)))
        .unwrap();
    buffer_text(terminal.backend().buffer())
}

/// How many results the list has room for.
fn rows(app: &App) -> usize {
    usize::from(layout::search(app.layout().body).results_text.height) / layout::ROWS_PER_HIT
}

#[test]
fn a_long_title_is_cut_at_its_end_never_at_its_start() {
    // "act" is the fourth word of "The Mental Capacity Act 2005: capacity, best interests ...",
    // which is wider than a 60-column row: the row must still begin with the title's start.
    let mut app = app(60, 16);
    type_query(&mut app, "care act advocacy");
    let screen = screen(&app);
    let rows: Vec<&str> = screen
        .lines()
        .filter(|line| line.contains("Mental Capacity Act 2005:"))
        .collect();
    assert!(!rows.is_empty(), "{screen}");
    for row in rows {
        assert!(
            row.contains("│   The Mental Capacity Act 2005: capacity") && row.contains("…"),
            "{screen}"
        );
    }
    assert!(!screen.contains("…e Mental"), "{screen}");
}

#[test]
fn a_taller_window_fetches_the_results_it_now_has_room_for() {
    let mut app = app(80, 24);
    type_query(&mut app, "care");
    let search = &app.panes().search;
    let fitted = rows(&app);
    assert_eq!(search.hits().len(), fitted);
    assert!(search.total() > 3 * fitted, "{} topics", search.total());
    app.update(Action::Resize {
        width: 80,
        height: 60,
    });
    assert!(rows(&app) > fitted);
    assert_eq!(app.panes().search.hits().len(), rows(&app));
    let taller = rows(&app);
    // A smaller window keeps what was fetched: moving back down needs no new search.
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(app.panes().search.hits().len(), taller);
}
