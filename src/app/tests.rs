//! The router driven as a learner would: keys in, state out. Each pane's own tests are
//! beside it; these are about what crosses panes, the mode, and the key map.

use super::test_driver::*;
use super::*;

#[test]
fn tab_and_shift_tab_cycle_the_panes() {
    let mut app = app();
    let mut seen = vec![app.pane()];
    for _ in 0..5 {
        app.update(Action::NextPane);
        seen.push(app.pane());
    }
    let cycle = [
        Pane::Browse,
        Pane::Search,
        Pane::Quiz,
        Pane::Progress,
        Pane::Map,
        Pane::Browse,
    ];
    assert_eq!(seen, cycle);
    app.update(Action::PrevPane);
    assert_eq!(app.pane(), Pane::Map);
}

#[test]
fn ctrl_c_quits_even_from_the_search_box() {
    let mut app = app();
    press(&mut app, "<Tab>abc<C-c>");
    assert!(app.should_quit());
}

#[test]
fn the_search_index_is_built_on_first_use_not_at_start() {
    let mut app = app();
    assert!(!app.world.index.is_ready(), "Browse needs no index");
    press(&mut app, "jj<Tab>");
    assert!(!app.world.index.is_ready(), "nor does an empty query");
    press(&mut app, "a");
    assert!(app.world.index.is_ready());
}

#[test]
fn an_index_built_in_the_background_answers_as_one_built_on_use() {
    let mut background = app();
    background.build_index_in_background();
    let mut on_use = app();
    press(&mut background, "<Tab>duty of care");
    press(&mut on_use, "<Tab>duty of care");
    assert!(background.world.index.is_ready());
    assert!(!background.panes().search.hits().is_empty());
    assert_eq!(
        background.panes().search.hits(),
        on_use.panes().search.hits()
    );
}

#[test]
fn help_opens_and_closes_and_swallows_pane_keys() {
    let mut app = app();
    press(&mut app, "?j");
    assert!(help_open(&app));
    assert_eq!(browse(&app).selected(), browse::Entry::Topic(0));
    press(&mut app, "<Esc>");
    assert!(!help_open(&app));
    press(&mut app, "<F1>?");
    assert!(!help_open(&app));
}

#[test]
fn help_that_does_not_fit_scrolls_and_stops_at_its_end() {
    let mut app = app_at(60, 16, Pane::Search);
    press(&mut app, "<F1>");
    let max = app.help_layout().max_scroll();
    assert!(max > 0, "search's keys do not fit 60x16");
    press(&mut app, "<PageDown><PageDown><PageDown><PageDown>j");
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: max }));
    press(&mut app, "k");
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: max - 1 }));
}

#[test]
fn pasting_goes_into_the_text_box_being_typed_in_and_nowhere_else() {
    let mut app = app();
    app.paste("q?");
    assert!(
        !app.should_quit() && !help_open(&app),
        "a paste never fires commands"
    );
    press(&mut app, "<Tab>");
    app.paste("age\nuk");
    assert_eq!(app.panes().search.input().text(), "age uk");
    press(&mut app, "<Tab>w");
    app.paste("line one\r\nline two");
    let text = writing(&app).map(|w| w.answer().text());
    assert_eq!(text.as_deref(), Some("line one\nline two"));
}

#[test]
fn while_the_window_is_too_small_only_quit_and_resize_act() {
    let mut app = app_at(50, 12, Pane::Browse);
    assert_eq!(app.mode(), Mode::TooSmall);
    press(&mut app, "<Tab><Tab>1<Enter>?jP/");
    assert_eq!(app.pane(), Pane::Browse, "Tab did nothing");
    assert!(
        app.progress().cards.is_empty(),
        "no answer given, none saved"
    );
    assert_eq!(app.overlay, None);
    assert!(app.presentation().is_none());
    app.paste("text");
    app.update(Action::NextPane);
    assert_eq!(app.pane(), Pane::Browse, "nor does an action sent directly");
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    press(&mut app, "<Tab>");
    assert_eq!(app.pane(), Pane::Search);
    app.update(Action::Resize {
        width: 50,
        height: 12,
    });
    press(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn every_key_named_on_screen_does_what_it_says_there() {
    // The written answer's box title and hint both come from the key map.
    let mut app = app_at(80, 24, Pane::Quiz);
    press(&mut app, "w");
    assert_eq!(app.key_names(Action::Submit), "Ctrl-S or F2");
    let check = app.hints().into_iter().find(|h| h.action == Action::Submit);
    let keys = check.and_then(|h| app.hint_keys(&h));
    assert_eq!(keys.as_deref(), Some("Ctrl-S"));
    // In the search box `q` types, so the quit hint names Ctrl-C; elsewhere, `q`.
    let mut app = app_at(80, 24, Pane::Search);
    assert_eq!(app.key_names(Action::Quit), "Ctrl-C");
    press(&mut app, "<Esc>");
    assert_eq!(app.key_names(Action::Quit), "q or Ctrl-C");
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    let app = app();
    let bindings = app.keymap().bindings();
    for binding in bindings {
        for key in binding.keys {
            let count = bindings
                .iter()
                .filter(|b| b.context == binding.context && b.keys.contains(key))
                .count();
            assert_eq!(
                count, 1,
                "{key:?} bound twice in {:?}",
                binding.context.name
            );
        }
    }
}

#[test]
fn every_hint_names_a_key_that_acts_in_its_mode() {
    let mut app = app_at(120, 40, Pane::Browse);
    let script = [
        "",
        "<Enter>",
        "<Tab>",
        "<Esc>",
        "<Tab>",
        "w",
        "abc<C-s>",
        "<Esc><Esc>m",
        "f",
        "n",
        "q",
        "<Esc><Tab>",
        "<Tab>",
        "P",
        "m",
        "g",
    ];
    for keys in script {
        press(&mut app, keys);
        for hint in app.hints() {
            assert!(
                app.hint_keys(&hint).is_some(),
                "{keys}: no key for {hint:?}"
            );
        }
    }
}

#[test]
fn only_a_timed_mock_test_changes_the_screen_with_time_alone() {
    let mut app = mock_app(20, Some(30));
    assert!(!app.shows_time(), "the card quiz");
    press(&mut app, "m");
    assert!(app.shows_time(), "its clock counts down");
    let start = app.world.clock.now();
    app.world.clock = Clock::Fixed(start + chrono::Duration::minutes(31));
    app.update(Action::Tick);
    assert!(!app.shows_time(), "the results stay still");
    let mut untimed = mock_app(20, None);
    press(&mut untimed, "m");
    assert!(!untimed.shows_time());
}
