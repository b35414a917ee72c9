#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Mouse clicks on the Quiz pane (#15.4): a click on any line of an answer option answers with
//! it, and a click on a grade of a flip card's grade line grades with it, exactly as the number
//! keys do; a click anywhere else changes nothing. Where each option and grade is comes from the
//! screen as drawn, read back from the buffer, so drawing and clicks are checked to agree.

use carestudy::app::mock::{MockTest, Stage};
use carestudy::app::quiz::{Phase, QuizMode};
use carestudy::app::{Action, App, AppOptions, Pane, layout};
use carestudy::content::{Library, load_builtin};
use carestudy::quiz::{Grade, QuestionKind};
use carestudy::ui::{Theme, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn app(library: &Library, width: u16, height: u16, seed: u64) -> App {
    App::new(
        library.clone(),
        AppOptions {
            seed,
            start: Pane::Quiz,
            width,
            height,
            ..AppOptions::default()
        },
    )
}

fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size().0, app.size().1)).unwrap();
    terminal
        .draw(|frame| carestudy::ui::draw(frame, app, &Theme::named(ThemeName::Default)))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn row_text(buffer: &Buffer, y: u16, from: u16, to: u16) -> String {
    (from..to).map(|x| buffer[(x, y)].symbol()).collect()
}

/// Answers (or grades) until the question on screen is of `kind`.
fn until_kind(app: &mut App, kind: QuestionKind) {
    for _ in 0..40 {
        let current = app.panes().quiz.cards().question.as_ref().map(|q| q.kind);
        if current == Some(kind) {
            return;
        }
        let key = if current == Some(QuestionKind::FlipCard) {
            3
        } else {
            1
        };
        app.update(Action::Choose(key));
        app.update(Action::Confirm);
    }
    panic!("no {kind:?} question within 40");
}

fn card_text(app: &App, narrow: bool) -> Rect {
    layout::card(app.body(), narrow).text
}

/// Which option each row of the card shows, read from the screen: a row whose text starts with
/// an option's number after its mark ("› 2  ...") begins that option; rows indented under it
/// continue it; a blank row ends it.
fn options_on_screen(buffer: &Buffer, text: Rect) -> Vec<(u16, Option<usize>)> {
    let mut current = None;
    (text.y..text.bottom())
        .map(|y| {
            let row = row_text(buffer, y, text.x, text.right());
            let chars: Vec<char> = row.chars().collect();
            let numbered = chars.len() > 4
                && chars[1] == ' '
                && chars[2].is_ascii_digit()
                && chars[3] == ' '
                && chars[4] == ' ';
            if numbered {
                current = Some(chars[2].to_digit(10).unwrap() as usize - 1);
            } else if row.trim().is_empty() || !row.starts_with("     ") {
                current = None;
            }
            (y, current)
        })
        .collect()
}

#[test]
fn a_click_on_any_line_of_an_option_answers_with_it_and_elsewhere_does_nothing() {
    let library = load_builtin().unwrap();
    let mut clicked_a_wrapped_line = false;
    for (width, height) in [(60, 16), (80, 24), (120, 40)] {
        for seed in [1, 2] {
            for kind in [QuestionKind::TopicToPoint, QuestionKind::PointToTopic] {
                let mut shown = app(&library, width, height, seed);
                until_kind(&mut shown, kind);
                let buffer = draw(&shown);
                let text = card_text(&shown, true);
                let rows = options_on_screen(&buffer, text);
                assert!(rows.iter().any(|(_, o)| o.is_some()), "no option on screen");
                let asked = shown.panes().quiz.cards().question.clone();
                for (y, option) in rows {
                    // Left edge, middle and right edge of the row.
                    for x in [text.x, text.x + text.width / 2, text.right() - 1] {
                        shown.update(Action::Click { column: x, row: y });
                        let phase = shown.panes().quiz.cards().phase;
                        let Some(chosen) = option else {
                            assert_eq!(phase, Phase::Asking, "click at {x},{y}");
                            continue;
                        };
                        let at = format!("{width}x{height} seed {seed}: click at {x},{y}");
                        assert_eq!(phase, Phase::Answered { chosen }, "{at}");
                        // Taken back, the same question is asked again for the next click.
                        shown.update(Action::Undo);
                        assert_eq!(shown.panes().quiz.cards().question, asked, "{at}");
                        assert_eq!(shown.panes().quiz.cards().phase, Phase::Asking, "{at}");
                    }
                    if option.is_some() {
                        let line = row_text(&buffer, y, text.x, text.right());
                        clicked_a_wrapped_line |=
                            line.starts_with("     ") && !line.trim().is_empty();
                    }
                }
            }
        }
    }
    assert!(
        clicked_a_wrapped_line,
        "some option should wrap onto a second line"
    );
}

#[test]
fn a_click_outside_the_card_or_after_answering_does_nothing() {
    let library = load_builtin().unwrap();
    let mut app = app(&library, 80, 24, 1);
    until_kind(&mut app, QuestionKind::PointToTopic);
    let card = layout::card(app.body(), true).card;
    for (column, row) in [(0, 0), (card.x, card.y + 3), (79, 23)] {
        app.update(Action::Click { column, row });
        assert_eq!(app.panes().quiz.cards().phase, Phase::Asking);
    }
    app.update(Action::Choose(2));
    let question = app.panes().quiz.cards().question.clone();
    let text = card_text(&app, true);
    for row in text.y..text.bottom() {
        app.update(Action::Click {
            column: text.x + 2,
            row,
        });
    }
    assert_eq!(
        app.panes().quiz.cards().phase,
        Phase::Answered { chosen: 1 }
    );
    assert_eq!(
        app.panes().quiz.cards().question,
        question,
        "no new question"
    );
}

/// Where each grade's label is on the grade line, read from the screen.
fn grades_on_screen(buffer: &Buffer, text: Rect) -> (u16, Vec<(Grade, u16)>) {
    for y in text.y..text.bottom() {
        let row = row_text(buffer, y, text.x, text.right());
        let found: Vec<(Grade, u16)> = Grade::ALL
            .into_iter()
            .filter_map(|grade| {
                let at = row.find(&format!(" {}", grade.label()))?;
                let column = row[..at].chars().count() as u16 + 1;
                Some((grade, text.x + column))
            })
            .collect();
        if found.len() == 4 {
            return (y, found);
        }
    }
    panic!("no grade line on screen");
}

#[test]
fn a_click_on_a_grade_grades_the_flip_card_as_its_key_does() {
    let library = load_builtin().unwrap();
    for (width, height) in [(60, 16), (80, 24), (120, 40)] {
        for reveal in [false, true] {
            let mut shown = app(&library, width, height, 0);
            until_kind(&mut shown, QuestionKind::FlipCard);
            if reveal {
                shown.update(Action::Flip);
            }
            let text = card_text(&shown, true);
            let (y, grades) = grades_on_screen(&draw(&shown), text);
            for (grade, x) in grades {
                let label = grade.label().chars().count() as u16;
                // The key before the label, the label's first and last letters.
                for column in [x - 2, x, x + label - 1] {
                    shown.update(Action::Click { column, row: y });
                    let at = format!("{width}x{height}: click at {column},{y}");
                    let phase = shown.panes().quiz.cards().phase;
                    assert_eq!(phase, Phase::Graded(grade), "{at}");
                    shown.update(Action::Undo);
                    if reveal {
                        shown.update(Action::Flip);
                    }
                }
            }
            // The gap after the last grade, and the row above the grades.
            let before = shown.panes().quiz.cards().phase;
            for (column, row) in [(text.right() - 1, y), (text.x + 1, y - 1)] {
                shown.update(Action::Click { column, row });
                assert_eq!(shown.panes().quiz.cards().phase, before);
            }
        }
    }
}

fn mock(app: &App) -> &MockTest {
    match app.panes().quiz.mode() {
        QuizMode::Mock(test) => test,
        _ => panic!("no mock test"),
    }
}

#[test]
fn a_click_on_a_mock_test_option_chooses_it() {
    let library = load_builtin().unwrap();
    for (width, height) in [(60, 16), (80, 24)] {
        let mut shown = app(&library, width, height, 3);
        shown.update(Action::StartMock);
        let text = card_text(&shown, false);
        let rows = options_on_screen(&draw(&shown), text);
        for (y, option) in rows {
            let mut app = app(&library, width, height, 3);
            app.update(Action::StartMock);
            app.update(Action::Click {
                column: text.x + 3,
                row: y,
            });
            // Choosing moves on to the next question: back to the first to see its answer.
            let moved_on = mock(&app).position().0 == 2;
            app.update(Action::PrevQuestion);
            let test = mock(&app);
            assert!(matches!(test.stage(), Stage::Answering));
            assert_eq!(moved_on, option.is_some(), "row {y}");
            assert_eq!(test.chosen(), option, "{width}x{height}: row {y}");
        }
    }
}

fn writing(app: &App) -> &carestudy::app::write::Writing {
    match app.panes().quiz.mode() {
        QuizMode::Writing(writing) => writing,
        _ => panic!("not writing"),
    }
}

#[test]
fn a_click_on_a_grade_after_a_written_answer_grades_it() {
    let library = load_builtin().unwrap();
    for (width, height) in [(60, 16), (80, 24), (120, 40)] {
        for (grade, label) in [(Grade::Again, "Again"), (Grade::Easy, "Easy")] {
            let mut app = app(&library, width, height, 0);
            app.update(Action::StartWriting);
            "Trust and clear roles help the team."
                .chars()
                .for_each(|c| app.update(Action::Type(c)));
            app.update(Action::Submit);
            assert!(writing(&app).checked().is_some());
            let topic = writing(&app).position();
            let text = card_text(&app, false);
            let (y, grades) = grades_on_screen(&draw(&app), text);
            let x = grades.iter().find(|(g, _)| *g == grade).unwrap().1;
            // A click beside the grades, or on the row above them, does nothing.
            app.update(Action::Click {
                column: text.right() - 1,
                row: y,
            });
            app.update(Action::Click {
                column: x,
                row: y - 1,
            });
            assert!(writing(&app).checked().is_some(), "{width}x{height}");
            app.update(Action::Click {
                column: x + 1,
                row: y,
            });
            let at = format!("{width}x{height}: {label} at {x},{y}");
            assert!(writing(&app).checked().is_none(), "{at}");
            assert_ne!(writing(&app).position(), topic, "{at}: next topic");
            let saved: Vec<u8> = (app.progress().cards.values())
                .flat_map(|card| card.reviews.iter().map(|r| r.grade))
                .collect();
            assert_eq!(saved, [grade.number()], "{at}: the grade saved");
        }
    }
}
