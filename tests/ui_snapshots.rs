#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Snapshots of every screen, drawn headless on a TestBackend at fixed sizes: 80x24 and 120x40,
//! and both sides of each layout breakpoint (Browse: two columns from 80, wider list from 120;
//! the minimum size 60x16). Styles are snapshotted where they carry meaning.

use carestudy::app::browse::Entry;
use carestudy::app::keys::Key;
use carestudy::app::{Action, App, AppOptions, Mode, Pane, layout};
use carestudy::content::load_builtin;
use carestudy::quiz::QuestionKind;
use carestudy::snapshot::buffer_text;
use carestudy::ui::{self, Theme, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

fn app(width: u16, height: u16, start: Pane) -> App {
    let library = load_builtin().expect("built-in guides load");
    App::new(
        library,
        AppOptions {
            seed: 0,
            start,
            topic: None,
            width,
            height,
            ..AppOptions::default()
        },
    )
}

fn press(app: &mut App, keys: &str) {
    for key in Key::parse_sequence(keys).expect("valid keys") {
        app.handle_key(key);
    }
}

fn draw_with(app: &App, theme: &Theme) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size().0, app.size().1)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app, theme)).unwrap();
    terminal.backend().buffer().clone()
}

fn draw(app: &App) -> Buffer {
    draw_with(app, &Theme::named(ThemeName::Default))
}

fn text(app: &App) -> String {
    buffer_text(&draw(app))
}

/// Runs of styled cells, one line each: `row col-col style "text"`. Unstyled text is left out,
/// so the snapshot shows only what carries meaning through style.
fn styles(buffer: &Buffer) -> String {
    let mut out = String::new();
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let style = cell_style(buffer, x, y);
            let start = x;
            let mut run = String::new();
            while x < area.right() && cell_style(buffer, x, y) == style {
                run.push_str(buffer[(x, y)].symbol());
                x += 1;
            }
            let plain = style == Style::default().fg(Color::Reset).bg(Color::Reset);
            let border_only = run.chars().all(|c| "─│┌┐└┘║█ ".contains(c));
            if !plain && !border_only {
                out.push_str(&format!(
                    "{y:>2} {start:>3}-{:<3} {} {:?}\n",
                    x - 1,
                    describe(style),
                    run.trim_end()
                ));
            }
        }
    }
    out
}

fn cell_style(buffer: &Buffer, x: u16, y: u16) -> Style {
    let cell = &buffer[(x, y)];
    Style::default()
        .fg(cell.fg)
        .bg(cell.bg)
        .add_modifier(cell.modifier)
}

fn describe(style: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = style.fg.filter(|c| *c != Color::Reset) {
        parts.push(format!("fg:{fg:?}"));
    }
    if let Some(bg) = style.bg.filter(|c| *c != Color::Reset) {
        parts.push(format!("bg:{bg:?}"));
    }
    if style.add_modifier != Modifier::empty() {
        parts.push(format!("{:?}", style.add_modifier));
    }
    format!("[{}]", parts.join(" "))
}

/// Answers (or grades) until a question of `kind` is on screen.
fn until_kind(app: &mut App, kind: QuestionKind) {
    for _ in 0..40 {
        let current = app.panes().quiz.cards().question.as_ref().map(|q| q.kind);
        if current == Some(kind) {
            return;
        }
        if current == Some(QuestionKind::FlipCard) {
            // A graded card waits for Enter before the next one.
            app.update(Action::Choose(3));
            app.update(Action::Confirm);
        } else {
            app.update(Action::Choose(1));
            app.update(Action::Confirm);
        }
    }
    panic!("no {kind:?} question within 40");
}

// ---- Browse ----

#[test]
fn browse_on_both_sides_of_each_breakpoint() {
    for (w, h) in [(79, 24), (80, 24), (119, 40), (120, 40), (200, 60)] {
        let app = app(w, h, Pane::Browse);
        insta::assert_snapshot!(format!("browse_{w}x{h}"), text(&app));
    }
}

#[test]
fn browse_selection_style() {
    let mut app = app(80, 24, Pane::Browse);
    press(&mut app, "jj");
    insta::assert_snapshot!("browse_selection_styles", styles(&draw(&app)));
}

#[test]
fn browse_scrolled() {
    let mut app = app(80, 24, Pane::Browse);
    press(&mut app, "<Enter>jjjjjjjjjj");
    insta::assert_snapshot!("browse_scrolled_80x24", text(&app));
}

#[test]
fn browse_reading_in_one_column() {
    let mut app = app(79, 24, Pane::Browse);
    press(&mut app, "jjjjj<Enter>");
    insta::assert_snapshot!("browse_reading_79x24", text(&app));
}

#[test]
fn browse_last_topic_at_the_end_of_its_text() {
    let mut app = app(120, 40, Pane::Browse);
    press(&mut app, "G<Enter>G");
    insta::assert_snapshot!("browse_last_topic_end_120x40", text(&app));
}

/// A guide's row opens the guide's page: what it answers, its introduction, its topics and,
/// once, its source and references.
#[test]
fn browse_guide_page_from_its_top_to_its_references() {
    let mut app = app(80, 24, Pane::Browse);
    press(&mut app, "k<Enter>");
    insta::assert_snapshot!("browse_guide_page_80x24", text(&app));
    let mut wide = self::app(200, 60, Pane::Browse);
    // From the last topic, by the link to its guide's references.
    press(&mut wide, "G<Enter>Gk<Enter>G");
    insta::assert_snapshot!("browse_guide_references_200x60", text(&wide));
}

/// Reading a topic, Down picks its first See also link; Enter follows it, Backspace comes back.
#[test]
fn browse_link_picked_and_followed() {
    let mut app = app(80, 24, Pane::Browse);
    press(&mut app, "G<Enter>j");
    let picked = text(&app);
    insta::assert_snapshot!("browse_link_picked_80x24", picked);
    insta::assert_snapshot!("browse_link_picked_styles", styles(&draw(&app)));
    press(&mut app, "<Enter>");
    insta::assert_snapshot!("browse_link_followed_80x24", text(&app));
    press(&mut app, "?");
    insta::assert_snapshot!("help_browse_reading_80x24", text(&app));
    press(&mut app, "<Esc><Backspace>");
    assert_eq!(
        text(&app),
        picked,
        "back on the page, the link still picked"
    );
}

// ---- Search ----

#[test]
fn search_empty() {
    insta::assert_snapshot!("search_empty_80x24", text(&app(80, 24, Pane::Search)));
}

#[test]
fn search_with_query_and_highlighted_results() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app(w, h, Pane::Search);
        press(&mut app, "advocate");
        insta::assert_snapshot!(format!("search_advocate_{w}x{h}"), text(&app));
    }
    let mut several = app(80, 24, Pane::Search);
    press(&mut several, "advocate<Down>");
    insta::assert_snapshot!("search_advocate_styles", styles(&draw(&several)));
    let mut one = app(80, 24, Pane::Search);
    press(&mut one, "data protection<Down>");
    insta::assert_snapshot!("search_data_protection_80x24", text(&one));
    insta::assert_snapshot!("search_data_protection_styles", styles(&draw(&one)));
}

#[test]
fn search_without_results() {
    let mut app = app(80, 24, Pane::Search);
    press(&mut app, "xqzv");
    insta::assert_snapshot!("search_no_results_80x24", text(&app));
    // Nothing matches, but a close word of the guides would.
    let mut app = self::app(80, 24, Pane::Search);
    press(&mut app, "jragno");
    insta::assert_snapshot!("search_did_you_mean_80x24", text(&app));
}

#[test]
fn search_typo_matches_are_labelled() {
    let mut app = app(80, 24, Pane::Search);
    press(&mut app, "mentro");
    insta::assert_snapshot!("search_typo_80x24", text(&app));
}

#[test]
fn search_result_opened_in_browse() {
    let mut app = app(80, 24, Pane::Search);
    press(&mut app, "data protection act<Enter>");
    insta::assert_snapshot!("search_opened_80x24", text(&app));
    insta::assert_snapshot!("search_opened_styles", styles(&draw(&app)));
}

// ---- Quiz ----

#[test]
fn quiz_question_of_each_kind() {
    for (kind, name) in [
        (QuestionKind::ExampleToTopic, "example_to_topic"),
        (QuestionKind::PointToTopic, "point_to_topic"),
        (QuestionKind::TopicToPoint, "topic_to_point"),
        (QuestionKind::FlipCard, "flip_card"),
    ] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut app = app(w, h, Pane::Quiz);
            until_kind(&mut app, kind);
            insta::assert_snapshot!(format!("quiz_{name}_{w}x{h}"), text(&app));
        }
    }
}

#[test]
fn quiz_feedback_right_and_wrong() {
    let mut right = app(80, 24, Pane::Quiz);
    until_kind(&mut right, QuestionKind::ExampleToTopic);
    let correct = right
        .panes()
        .quiz
        .cards()
        .question
        .as_ref()
        .unwrap()
        .choice()
        .unwrap()
        .1 as u8;
    right.update(Action::Choose(correct + 1));
    insta::assert_snapshot!("quiz_feedback_right_80x24", text(&right));
    insta::assert_snapshot!("quiz_feedback_right_styles", styles(&draw(&right)));

    let mut wrong = app(80, 24, Pane::Quiz);
    until_kind(&mut wrong, QuestionKind::ExampleToTopic);
    let correct = wrong
        .panes()
        .quiz
        .cards()
        .question
        .as_ref()
        .unwrap()
        .choice()
        .unwrap()
        .1 as u8;
    wrong.update(Action::Choose((correct + 1) % 4 + 1));
    insta::assert_snapshot!("quiz_feedback_wrong_80x24", text(&wrong));
    insta::assert_snapshot!("quiz_feedback_wrong_styles", styles(&draw(&wrong)));
    let mono = draw_with(&wrong, &Theme::named(ThemeName::Mono));
    insta::assert_snapshot!("quiz_feedback_wrong_mono_styles", styles(&mono));
}

#[test]
fn quiz_flip_card_revealed() {
    let mut app = app(80, 24, Pane::Quiz);
    until_kind(&mut app, QuestionKind::FlipCard);
    press(&mut app, "<Space>");
    insta::assert_snapshot!("quiz_flip_revealed_80x24", text(&app));
}

// ---- Help and sizes ----

#[test]
fn help_overlay_for_each_pane() {
    for pane in Pane::ALL {
        let mut app = app(80, 24, pane);
        app.update(Action::ToggleHelp);
        insta::assert_snapshot!(
            format!("help_{}_80x24", pane.title().to_lowercase()),
            text(&app)
        );
    }
}

/// Whether a line of a pop-up on `screen` holds only `words` (the end of a wrapped description).
fn wrapped_onto_a_line(screen: &str, words: &str) -> bool {
    screen
        .lines()
        .any(|line| line.trim_matches(|c: char| c == '│' || c == ' ') == words)
}

/// At the minimum width long descriptions wrap under themselves, never cut.
#[test]
fn help_wraps_at_the_minimum_size() {
    for pane in Pane::ALL {
        let mut app = app(layout::MIN_WIDTH, layout::MIN_HEIGHT, pane);
        app.update(Action::ToggleHelp);
        let screen = text(&app);
        assert!(!screen.contains('…'), "{pane:?} help cut:\n{screen}");
        if pane == Pane::Quiz {
            // "highlight the option above; scroll a long card" ran past the border.
            assert!(wrapped_onto_a_line(&screen, "card"), "{screen}");
        }
        // Search's is help_at_the_minimum_size_scrolls_and_says_so's.
        if pane != Pane::Search {
            insta::assert_snapshot!(
                format!("help_{}_60x16", pane.title().to_lowercase()),
                screen
            );
        }
    }
}

#[test]
fn too_small_on_both_sides_of_the_minimum() {
    let (w, h) = (layout::MIN_WIDTH, layout::MIN_HEIGHT);
    insta::assert_snapshot!("too_small_59x16", text(&app(w - 1, h, Pane::Browse)));
    insta::assert_snapshot!("too_small_60x15", text(&app(w, h - 1, Pane::Browse)));
    insta::assert_snapshot!("minimum_60x16", text(&app(w, h, Pane::Browse)));
}

#[test]
fn every_pane_draws_at_every_small_size_without_panicking() {
    for pane in Pane::ALL {
        let mut app = app(80, 24, pane);
        for (w, h) in [
            (1, 1),
            (2, 1),
            (1, 2),
            (10, 3),
            (30, 8),
            (59, 15),
            (60, 16),
            (61, 17),
        ] {
            app.update(Action::Resize {
                width: w,
                height: h,
            });
            let screen = text(&app);
            assert_eq!(screen.lines().count(), usize::from(h));
            app.update(Action::ToggleHelp);
            text(&app);
            app.update(Action::ToggleHelp);
        }
    }
}

#[test]
fn a_large_screen_draws_every_pane() {
    for pane in Pane::ALL {
        let app = app(200, 60, pane);
        let screen = text(&app);
        assert_eq!(screen.lines().count(), 60);
        assert!(screen.contains("carestudy"));
    }
}

// ---- Progress ----

#[test]
fn progress_before_any_review() {
    for (w, h) in [(80, 24), (120, 40)] {
        let app = app(w, h, Pane::Progress);
        insta::assert_snapshot!(format!("progress_empty_{w}x{h}"), text(&app));
    }
}

#[test]
fn progress_after_a_few_answers() {
    let mut app = app(80, 24, Pane::Quiz);
    // Right, wrong, then a flip card graded Hard and one graded Easy, all at the fixed clock.
    for _ in 0..6 {
        match app
            .panes()
            .quiz
            .cards()
            .question
            .as_ref()
            .map(|q| q.choice().map(|(_, c)| c))
        {
            Some(None) => {
                app.update(Action::Choose(2));
                app.update(Action::Confirm);
            }
            Some(Some(correct)) => {
                app.update(Action::Choose(u8::try_from(correct).unwrap_or(0) + 1));
                app.update(Action::Confirm);
            }
            None => break,
        }
    }
    press(&mut app, "<Tab>");
    assert_eq!(app.pane(), Pane::Progress);
    insta::assert_snapshot!("progress_after_answers_80x24", text(&app));
    press(&mut app, "j");
    insta::assert_snapshot!("progress_after_answers_styles", styles(&draw(&app)));
    press(&mut app, "<Enter>");
    assert_eq!(
        app.pane(),
        Pane::Quiz,
        "Enter starts a session on the weak topic"
    );
    insta::assert_snapshot!("progress_practise_weak_topic_80x24", text(&app));
}

// ---- Saved progress problems ----

fn app_with_store(dir: &std::path::Path, start: Pane) -> App {
    use carestudy::progress::{OpenMode, Store};
    let options = AppOptions {
        start,
        ..AppOptions::default()
    };
    let (store, progress) = Store::open(dir, OpenMode::Write, options.clock.now());
    App::with_progress(
        load_builtin().expect("built-in guides load"),
        options,
        store,
        progress,
    )
}

#[test]
fn a_damaged_progress_file_is_moved_aside_and_the_learner_told_where() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("progress.json"), "{ not json").unwrap();
    let mut app = app_with_store(dir.path(), Pane::Quiz);
    // The message wraps around the temporary folder's path, whose length differs between
    // machines, so this screen is checked by content rather than snapshotted.
    let screen = text(&app);
    let unwrapped: String = screen
        .lines()
        .map(|line| line.trim_matches(|c: char| c == '│' || c == ' ' || c == '›'))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(screen.contains("┌ Saved progress"), "{screen}");
    assert!(unwrapped.contains("could not be read"), "{screen}");
    assert!(
        unwrapped.contains("progress.json.damaged-20260105T090000Z"),
        "{screen}"
    );
    assert!(screen.contains("Press any key to go on"), "{screen}");
    let moved = dir.path().join("progress.json.damaged-20260105T090000Z");
    assert_eq!(std::fs::read_to_string(moved).unwrap(), "{ not json");
    press(&mut app, "x");
    assert!(
        matches!(app.mode(), Mode::Showing { overlay: None, .. }),
        "any key closes the message"
    );
    assert!(!text(&app).contains("Saved progress"));
}

#[test]
fn progress_from_a_newer_version_runs_read_only_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    drop(app_with_store(dir.path(), Pane::Browse));
    let database = dir.path().join(carestudy::progress::DATABASE_FILE);
    rusqlite::Connection::open(&database)
        .and_then(|conn| conn.pragma_update(None, "user_version", 99))
        .unwrap();
    let before = std::fs::read(&database).unwrap();
    let mut app = app_with_store(dir.path(), Pane::Quiz);
    assert!(app.notice().is_some_and(|m| m.contains("newer carestudy")));
    press(&mut app, "x");
    insta::assert_snapshot!("status_read_only_80x24", text(&app));
    press(&mut app, "1");
    drop(app);
    assert_eq!(
        std::fs::read(&database).unwrap(),
        before,
        "the read-only copy saved nothing"
    );
}

// ---- Written answers ----

#[test]
fn written_answer_typing_and_checked() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app(w, h, Pane::Quiz);
        press(
            &mut app,
            "wWe keep learning by reflecting on how we work.<Enter>For example, I share what I know with new staff.",
        );
        insta::assert_snapshot!(format!("write_typing_{w}x{h}"), text(&app));
        press(&mut app, "<C-s>");
        insta::assert_snapshot!(format!("write_checked_{w}x{h}"), text(&app));
    }
    let mut app = app(80, 24, Pane::Quiz);
    press(
        &mut app,
        "wWe reflect on how we work and share what we know.<F2>",
    );
    insta::assert_snapshot!("write_checked_styles", styles(&draw(&app)));
}

// ---- Mock test ----

#[test]
fn mock_test_question_and_results() {
    let library = load_builtin().expect("built-in guides load");
    let options = AppOptions {
        start: Pane::Quiz,
        mock_questions: 6,
        mock_minutes: Some(30),
        ..AppOptions::default()
    };
    let mut app = App::new(library, options);
    press(&mut app, "m<Down>2");
    insta::assert_snapshot!("mock_question_80x24", text(&app));
    press(&mut app, "1<Enter>3<Right><Right>f");
    insta::assert_snapshot!("mock_finish_asks_80x24", text(&app));
    press(&mut app, "y");
    insta::assert_snapshot!("mock_results_80x24", text(&app));
    press(&mut app, "jjjjjjjjjjjjjjjjjjjj");
    insta::assert_snapshot!("mock_results_scrolled_80x24", text(&app));
    insta::assert_snapshot!("mock_results_styles", styles(&draw(&app)));
}

// ---- Relationship map ----

#[test]
fn relationship_map_on_both_sides_of_its_breakpoint() {
    for (w, h) in [(80, 24), (99, 30), (100, 30), (160, 48)] {
        let mut app = app(w, h, Pane::Map);
        press(&mut app, "ll");
        insta::assert_snapshot!(format!("map_{w}x{h}"), text(&app));
    }
    let mut app = app(80, 24, Pane::Map);
    press(&mut app, "l");
    insta::assert_snapshot!("map_styles", styles(&draw(&app)));
}

/// Every party's whole name shows, in the pane and full screen: "Community and voluntary
/// partnerships" was cut at every size, even 200x60. At the minimum size names may wrap, but
/// each word of each name still shows.
#[test]
fn relationship_map_shows_every_name_whole() {
    let library = load_builtin().expect("built-in guides load");
    let names: Vec<String> = carestudy::map::parties(&library)
        .into_iter()
        .map(|p| p.name)
        .collect();
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let pane = text(&app(w, h, Pane::Map));
        let mut presenting = presenting(w, h);
        press(&mut presenting, "m");
        let full = text(&presenting);
        for name in &names {
            assert!(pane.contains(name.as_str()), "{w}x{h} pane: {name}\n{pane}");
            assert!(
                full.contains(name.as_str()),
                "{w}x{h} presenting: {name}\n{full}"
            );
        }
        if w == 120 {
            insta::assert_snapshot!(format!("map_{w}x{h}"), pane);
            insta::assert_snapshot!(format!("present_map_{w}x{h}"), full);
        }
    }
    let smallest = text(&app(layout::MIN_WIDTH, layout::MIN_HEIGHT, Pane::Map));
    for word in names.iter().flat_map(|n| n.split(' ')) {
        assert!(smallest.contains(word), "{word}\n{smallest}");
    }
    insta::assert_snapshot!("map_60x16", smallest);
}

// ---- Presentation ----

fn presenting(width: u16, height: u16) -> App {
    let library = load_builtin().expect("built-in guides load");
    let volunteers = library.find_by_id("working-relationships/volunteers");
    let options = AppOptions {
        width,
        height,
        topic: volunteers,
        present: true,
        ..AppOptions::default()
    };
    App::new(library, options)
}

#[test]
fn presentation_at_each_reveal_step() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = presenting(w, h);
        insta::assert_snapshot!(format!("present_{w}x{h}_step_0"), text(&app));
        let total = app
            .presentation()
            .map_or(0, |p| p.items(app.topics(), app.library()));
        for step in 1..=total {
            press(&mut app, "<Space>");
            insta::assert_snapshot!(format!("present_{w}x{h}_step_{step}"), text(&app));
        }
    }
    let app = presenting(160, 48);
    insta::assert_snapshot!(
        "present_styles_high_contrast",
        styles(&draw_with(&app, &Theme::named(ThemeName::HighContrast)))
    );
}

fn presenting_topic(id: &str, width: u16, height: u16) -> App {
    let library = load_builtin().expect("built-in guides load");
    let topic = library.find_by_id(id);
    assert!(topic.is_some(), "no topic {id}");
    let options = AppOptions {
        width,
        height,
        topic,
        present: true,
        ..AppOptions::default()
    };
    App::new(library, options)
}

/// A topic with a named list ("Good practice"): each list under its heading, the summary kept
/// above the points as they come.
#[test]
fn presentation_keeps_named_lists_under_their_headings() {
    let id = "therapeutic-relationship/confidentiality-and-trust";
    let mut app = presenting_topic(id, 120, 40);
    press(&mut app, "<Space><Space>");
    let screen = text(&app);
    assert!(
        screen.contains("Strong confidentiality supports trust"),
        "{screen}"
    );
    insta::assert_snapshot!("present_named_lists_120x40_step_2", screen);
    press(&mut app, "r");
    insta::assert_snapshot!("present_named_lists_120x40_all", text(&app));
    let mut small = presenting_topic(id, 80, 24);
    press(&mut small, "r");
    let screen = text(&small);
    assert!(screen.contains("Good practice"), "{screen}");
    insta::assert_snapshot!("present_named_lists_80x24_all", screen);
}

/// `g`: the matching topics show as the name is typed, the highlighted one moves with the
/// arrows, Enter presents it.
#[test]
fn presentation_go_to_shows_the_matches() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = presenting(w, h);
        press(&mut app, "gboundar<Down>");
        let screen = text(&app);
        assert!(screen.contains("Go to a topic"), "{screen}");
        insta::assert_snapshot!(format!("present_go_to_{w}x{h}"), screen);
    }
    let mut app = presenting(80, 24);
    press(&mut app, "gboundar<Down>");
    insta::assert_snapshot!("present_go_to_styles", styles(&draw(&app)));
}

#[test]
fn presentation_class_question_and_map() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = presenting(w, h);
        press(&mut app, "<Space>c");
        insta::assert_snapshot!(format!("present_class_question_{w}x{h}"), text(&app));
        press(&mut app, "x");
        insta::assert_snapshot!(format!("present_class_answer_{w}x{h}"), text(&app));
        press(&mut app, "xm");
        insta::assert_snapshot!(format!("present_map_{w}x{h}"), text(&app));
    }
}

#[test]
fn help_fits_one_column_at_80x24_and_uses_two_on_a_short_wide_screen() {
    let mut tall = presenting(80, 24);
    press(&mut tall, "?");
    insta::assert_snapshot!("present_help_80x24", text(&tall));
    let mut short = presenting(160, 20);
    press(&mut short, "?");
    insta::assert_snapshot!("present_help_160x20", text(&short));
    // "again for the answer" was cut to "again for the a…" at the minimum width.
    let mut narrow = presenting(layout::MIN_WIDTH, layout::MIN_HEIGHT);
    press(&mut narrow, "?");
    let screen = text(&narrow);
    assert!(wrapped_onto_a_line(&screen, "answer"), "{screen}");
    insta::assert_snapshot!("present_help_60x16", screen);
}

// ---- What #12 fixed: every line fits, every long view scrolls and says so ----

/// The rows of the screen as text.
fn rows(app: &App) -> Vec<String> {
    text(app).lines().map(str::to_owned).collect()
}

fn width_of(row: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(row)
}

/// A line that reaches the last column was cut there, unless it says so with an ellipsis
/// (a title too long for the screen on its own).
fn assert_not_cut(app: &App, row: usize, what: &str) {
    let rows = rows(app);
    let width = usize::from(app.size().0);
    assert!(
        width_of(&rows[row]) < width || rows[row].ends_with('…'),
        "{what}: row {row} is cut at the edge: {:?}",
        rows[row]
    );
}

#[test]
fn heading_and_status_lines_drop_whole_pieces_instead_of_being_cut() {
    for width in [60, 80] {
        // A guide with a long title in scope, a flip card just graded: the longest score line.
        let mut quiz = app(width, 24, Pane::Quiz);
        press(&mut quiz, "gggg");
        until_kind(&mut quiz, QuestionKind::FlipCard);
        quiz.update(Action::Choose(3));
        assert_not_cut(&quiz, 1, "quiz score line");
        assert_not_cut(&quiz, 23, "quiz hints");
        for keys in ["w", "wsome words<C-s>"] {
            let mut writing = app(width, 24, Pane::Quiz);
            press(&mut writing, keys);
            assert_not_cut(&writing, 1, "written answer heading");
            assert_not_cut(&writing, 23, keys);
        }
        for pane in Pane::ALL {
            assert_not_cut(&app(width, 24, pane), 23, pane.title());
        }
    }
}

#[test]
fn the_read_only_notice_has_a_line_of_its_own_above_the_hints() {
    let dir = tempfile::tempdir().unwrap();
    drop(app_with_store(dir.path(), Pane::Browse));
    let database = dir.path().join(carestudy::progress::DATABASE_FILE);
    rusqlite::Connection::open(&database)
        .and_then(|conn| conn.pragma_update(None, "user_version", 99))
        .unwrap();
    let mut read_only = app_with_store(dir.path(), Pane::Quiz);
    press(&mut read_only, "x");
    let rows = rows(&read_only);
    assert_eq!(rows[22].trim(), "progress read-only");
    assert!(
        rows[23].ends_with("q quit"),
        "every hint shows: {:?}",
        rows[23]
    );
}

#[test]
fn help_at_the_minimum_size_scrolls_and_says_so() {
    let mut app = app(layout::MIN_WIDTH, layout::MIN_HEIGHT, Pane::Search);
    press(&mut app, "<F1>");
    insta::assert_snapshot!("help_search_60x16", text(&app));
    assert!(
        text(&app).contains("scroll"),
        "the footer says how to see the rest"
    );
    press(&mut app, "<PageDown><PageDown><PageDown>");
    let end = text(&app);
    insta::assert_snapshot!("help_search_60x16_end", end);
    assert!(end.contains("Ctrl-C  quit"), "the last row is reachable");
}

#[test]
fn long_written_feedback_starts_at_its_top_and_scrolls_to_its_end() {
    let mut app = app(80, 24, Pane::Quiz);
    press(&mut app, "w");
    // Topic after topic, until one's feedback does not fit the box.
    for _ in 0..80 {
        press(&mut app, "an answer<C-s>");
        if text(&app).contains("more ↓") {
            break;
        }
        press(&mut app, "1");
    }
    let first = text(&app);
    assert!(first.contains("more ↓"), "no topic's feedback overflowed");
    assert!(first.contains("Your answer covered"), "{first}");
    insta::assert_snapshot!("write_checked_long_80x24", first);
    press(
        &mut app,
        "<PageDown><PageDown><PageDown><PageDown><PageDown><PageDown>",
    );
    let end = text(&app);
    assert!(!end.contains("more ↓"), "{end}");
    assert!(end.contains("How well did you do?"), "{end}");
    assert!(end.contains("1 Again"), "the grades stay in view: {end}");
}

// ---- Geometry for the mouse: the rectangles drawing uses say what is where ----

#[test]
fn the_layout_says_where_each_tab_list_row_and_result_is_drawn() {
    let mut app = app(80, 24, Pane::Browse);
    let buffer = draw(&app);
    let at = |rect: ratatui::layout::Rect| -> String {
        (rect.left()..rect.right())
            .map(|x| buffer[(x, rect.y)].symbol().to_owned())
            .collect()
    };
    for (pane, tab) in layout::tabs(app.layout().tabs) {
        assert_eq!(at(tab), format!(" {} ", pane.title()));
    }
    let body = app.layout().body;
    let browse = &app.panes().browse;
    let list = layout::browse(body, false).list_rows().unwrap();
    let entry_at = |y| browse.entry_at(app.library(), body, y);
    assert_eq!(entry_at(list.y), Some(Entry::Guide(0)), "a guide's title");
    assert_eq!(entry_at(list.y + 1), Some(Entry::Topic(0)));
    assert_eq!(entry_at(list.y + 2), Some(Entry::Topic(1)));
    assert_eq!(entry_at(body.bottom()), None);
    assert_eq!(browse.topic_at(app.library(), body, list.y), None);
    assert_eq!(browse.topic_at(app.library(), body, list.y + 1), Some(0));

    press(&mut app, "<Tab>advocate");
    let search = layout::search(app.layout().body);
    let hits = app.panes().search.hits().len();
    assert!(hits > 2);
    let rows = search.results_text;
    assert_eq!(search.hit_at(rows.y, 0, hits), Some(0));
    assert_eq!(search.hit_at(rows.y + 1, 0, hits), Some(0));
    assert_eq!(search.hit_at(rows.y + 2, 0, hits), Some(1));
    assert_eq!(search.hit_at(rows.y - 1, 0, hits), None);
}
