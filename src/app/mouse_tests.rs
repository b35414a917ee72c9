//! The mouse, driven as the terminal drives it: clicks and wheel turns at screen cells, found
//! by drawing the screen and looking for what a learner would point at.

use super::test_driver::*;
use super::*;
use crate::ui::theme::{Theme, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The screen as drawn, row by row.
fn screen(app: &App) -> Vec<String> {
    let (width, height) = app.size();
    let mut terminal = match Terminal::new(TestBackend::new(width, height)) {
        Ok(terminal) => terminal,
        Err(e) => panic!("{e}"),
    };
    let theme = Theme::named(ThemeName::Default);
    if let Err(e) = terminal.draw(|frame| crate::ui::draw(frame, app, &theme)) {
        panic!("{e}");
    }
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

/// Where `text` is first drawn at or below row `from`: its column and row.
fn find(app: &App, text: &str, from: u16) -> (u16, u16) {
    let rows = screen(app);
    for (y, line) in rows.iter().enumerate().skip(usize::from(from)) {
        if let Some(at) = line.find(text) {
            let column = line[..at].chars().count();
            return (
                u16::try_from(column).unwrap_or(0),
                u16::try_from(y).unwrap_or(0),
            );
        }
    }
    panic!("{text:?} is not on screen:\n{}", rows.join("\n"));
}

fn click(app: &mut App, (column, row): (u16, u16)) {
    app.update(Action::Click { column, row });
}

fn wheel(app: &mut App, (column, row): (u16, u16), down: bool) {
    app.update(Action::Wheel { column, row, down });
}

#[test]
fn a_click_on_a_tab_shows_its_pane() {
    let mut app = app_at(80, 24, Pane::Browse);
    for pane in [
        Pane::Map,
        Pane::Search,
        Pane::Progress,
        Pane::Quiz,
        Pane::Browse,
    ] {
        let (column, row) = find(&app, &format!(" {} ", pane.title()), 0);
        // Any cell of the tab, its padding too.
        click(&mut app, (column + 1, row));
        assert_eq!(app.pane(), pane);
    }
}

#[test]
fn a_click_right_of_the_tabs_opens_the_help_and_any_click_closes_it() {
    let mut app = app_at(80, 24, Pane::Browse);
    let (column, row) = find(&app, "help", 0);
    click(&mut app, (column, row));
    assert!(help_open(&app));
    click(&mut app, (40, 12));
    assert!(!help_open(&app));
    assert_eq!(
        app.selected_topic(),
        app.topics().first().copied(),
        "the closing click did nothing else"
    );
}

#[test]
fn the_tabs_do_not_switch_while_the_app_asks_a_question_first() {
    let mut app = mock_app(3, None);
    press(&mut app, "m");
    assert!(mock(&app).is_some());
    press(&mut app, "q");
    let asking = |app: &App| mock(app).is_some_and(|t| matches!(t.stage(), Stage::Asking(_)));
    assert!(asking(&app), "q asks before throwing the answers away");
    let tab = find(&app, " Browse ", 0);
    click(&mut app, tab);
    assert_eq!(app.pane(), Pane::Quiz);
    assert!(asking(&app), "the question is still asked");
}

#[test]
fn a_click_on_a_search_result_opens_it_and_on_the_box_types_there() {
    let mut app = app_at(80, 24, Pane::Search);
    press(&mut app, "advocate");
    let hits = app.panes().search.hits().to_vec();
    assert!(hits.len() >= 3, "{} hits", hits.len());
    let second = app
        .library()
        .topic(hits[1].topic)
        .map(|t| t.title.clone())
        .unwrap_or_default();
    // The result list starts below the box; its second entry's title line.
    let (column, row) = find(&app, &second, 4);
    click(&mut app, (column, row));
    assert_eq!(app.pane(), Pane::Browse);
    assert_eq!(app.selected_topic(), Some(hits[1].topic));
    assert_eq!(browse(&app).focus(), Focus::Detail);

    press(&mut app, "<Tab><Esc><Esc>");
    assert!(!app.panes().search.is_editing());
    let query = layout::search(app.body()).query_text;
    click(&mut app, (query.x + 3, query.y));
    assert!(
        app.panes().search.is_editing(),
        "the click put the cursor in the box"
    );
    assert_eq!(app.pane(), Pane::Search);
}

#[test]
fn clicks_outside_anything_do_nothing() {
    let mut app = app_at(80, 24, Pane::Search);
    press(&mut app, "advocate");
    let before = (app.pane(), app.panes().search.selected());
    // The key hints row, the brand, and a cell below the last result's box.
    for at in [(10, 23), (2, 0), (79, 22)] {
        click(&mut app, at);
        assert_eq!(
            (app.pane(), app.panes().search.selected()),
            before,
            "{at:?}"
        );
    }
    assert!(!help_open(&app));
}

#[test]
fn the_wheel_scrolls_what_is_under_the_pointer() {
    // 80 columns show the text beside the list; 24 rows are too few for the first topic.
    let mut app = app_at(80, 24, Pane::Browse);
    assert_eq!(browse(&app).focus(), Focus::List);
    let body = app.body();
    let Some(detail) = layout::browse(body, false).detail else {
        panic!("80 columns show the text beside the list");
    };
    let Some(list) = layout::browse(body, false).list_rows() else {
        panic!("no list");
    };
    let over_text = (detail.x + 5, detail.y + 3);
    wheel(&mut app, over_text, true);
    wheel(&mut app, over_text, true);
    assert_eq!(
        browse(&app).scroll(),
        6,
        "the text scrolled, three lines a turn"
    );
    let topic = |app: &App, n: usize| (app.selected_topic(), app.topics().get(n).copied());
    let (now, first) = topic(&app, 0);
    assert_eq!(now, first, "the list stayed");
    assert_eq!(browse(&app).focus(), Focus::List, "and kept the keys");
    wheel(&mut app, over_text, false);
    assert_eq!(browse(&app).scroll(), 3);

    let over_list = (list.x + 2, list.y + 2);
    wheel(&mut app, over_list, true);
    let (now, second) = topic(&app, 1);
    assert_eq!(now, second, "the list moved");
    assert_eq!(browse(&app).scroll(), 0, "a new topic is read from its top");

    // Over the tabs or the hints nothing scrolls.
    wheel(&mut app, (3, 0), true);
    wheel(&mut app, (3, 23), true);
    assert_eq!((app.selected_topic(), browse(&app).scroll()), (second, 0));
}

#[test]
fn the_wheel_scrolls_the_help_while_it_is_open() {
    let mut app = app_at(60, 16, Pane::Search);
    press(&mut app, "<F1>");
    wheel(&mut app, (30, 8), true);
    assert!(matches!(
        app.mode(),
        Mode::Showing {
            overlay: Some(Overlay::Help { scroll: 1 }),
            ..
        }
    ));
}

#[test]
fn nothing_is_clicked_while_the_window_is_too_small() {
    let mut app = app_at(80, 24, Pane::Browse);
    let tab = find(&app, " Search ", 0);
    app.update(Action::Resize {
        width: 20,
        height: 5,
    });
    click(&mut app, tab);
    wheel(&mut app, (5, 3), true);
    assert_eq!(app.pane(), Pane::Browse);
}

#[test]
fn the_help_says_shift_drag_selects_text_only_while_the_app_has_the_mouse() {
    for mouse in [true, false] {
        let mut app = App::new(
            crate::test_support::builtin_library(),
            AppOptions {
                width: 80,
                height: 24,
                mouse,
                ..AppOptions::default()
            },
        );
        press(&mut app, "?");
        let shown = screen(&app).join("\n");
        assert_eq!(shown.contains("Shift-drag selects text"), mouse, "{shown}");
    }
}

/// Where `n`-th row of Browse's list is on screen (its first column and row).
fn list_row(app: &App, n: u16) -> (u16, u16) {
    let Some(rows) = layout::browse(app.body(), false).list_rows() else {
        panic!("no list at {:?}", app.size());
    };
    (rows.x + 2, rows.y + n)
}

#[test]
fn a_click_on_a_list_row_selects_its_topic_or_guide_and_on_the_text_reads_it() {
    use super::browse::Entry;
    let mut app = app_at(120, 40, Pane::Browse);
    // Row 0 is the first guide, rows 1.. its topics.
    let row = list_row(&app, 3);
    click(&mut app, row);
    assert_eq!(browse(&app).selected(), Entry::Topic(2));
    assert_eq!(browse(&app).focus(), Focus::List, "the list keeps the keys");
    let row = list_row(&app, 0);
    click(&mut app, row);
    assert_eq!(browse(&app).selected(), Entry::Guide(0), "a guide's page");
    let Some(text) = layout::browse(app.body(), false).detail else {
        panic!("no text beside the list");
    };
    click(&mut app, (text.x + 4, text.y + 4));
    assert_eq!(browse(&app).focus(), Focus::Detail, "the text has the keys");
    assert_eq!(browse(&app).selected(), Entry::Guide(0));

    // Where the list fills the screen, a click opens what it selects.
    let mut narrow = app_at(70, 24, Pane::Browse);
    let row = list_row(&narrow, 2);
    click(&mut narrow, row);
    assert_eq!(browse(&narrow).selected(), Entry::Topic(1));
    assert_eq!(browse(&narrow).focus(), Focus::Detail);
}
