//! Quiz: the question, its options (or a flip card), feedback after an answer, and the score.

use super::chrome::fitted;
use super::theme::Theme;
use super::wrap::{hanging, plain, styled};
use crate::app::cards::DoneForNow;
use crate::app::choice_layout::{
    ChoiceRow, FlipAreas, GRADE_GAP, OPTION_LEAD, choice_rows, flip_areas, grade_spots,
    option_lead,
};
use crate::app::layout;
use crate::app::quiz::{Cards, Phase, QuizMode, QuizPane};
use crate::app::{Action, App};
use crate::quiz::{Body, Grade, Question, QuestionKind, Source, interval, next_review};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, quiz: &QuizPane, theme: &Theme) {
    match quiz.mode() {
        QuizMode::Cards => draw_cards(frame, area, app, quiz, theme),
        QuizMode::Writing(writing) => super::write::draw(frame, area, app, writing, theme),
        QuizMode::Mock(test) => super::mock::draw(frame, area, app, test, theme),
    }
}

fn draw_cards(frame: &mut Frame, area: Rect, app: &App, quiz: &QuizPane, theme: &Theme) {
    let layout = layout::card(area, true);
    draw_score(frame, layout.heading, app, quiz, theme);
    frame.render_widget(Block::bordered().border_style(theme.border(true)), layout.card);
    let inner = layout.text;
    let cards = quiz.cards();
    if let Some(done) = cards.done {
        let lines = done_lines(app, cards, done, inner.width, theme);
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let Some(question) = cards.question.as_ref() else {
        let text = format!(
            "Nothing to ask here: these guides have too few points. Press {} to change guide.",
            app.screen_key_names(Action::ChangeQuizScope)
        );
        frame.render_widget(Paragraph::new(plain(&text, inner.width, theme.muted)), inner);
        return;
    };
    match &question.body {
        Body::Recall { .. } => draw_flip(frame, inner, app, cards, theme),
        Body::Choice { options, correct } => {
            let lines = choice_lines(app, cards, question, options, *correct, inner.width, theme);
            frame.render_widget(Paragraph::new(lines), inner);
        }
    }
}

/// Nothing due and the day's new cards done: when the next card is due, and the key for extra
/// practice.
fn done_lines(
    app: &App,
    cards: &Cards,
    done: DoneForNow,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = plain("All done for now.", width, theme.correct);
    lines.push(Line::raw(""));
    let said = match done.new_per_day {
        1 => "Nothing is due, and today's new card is done.".to_owned(),
        n => format!("Nothing is due, and today's {n} new cards are done."),
    };
    lines.extend(plain(&said, width, theme.base));
    let next = match done.next_due {
        Some(due) => format!(
            "Next review: {} (in {}).",
            next_review(cards.zone, cards.now, due),
            interval(cards.now, due)
        ),
        None => "No card is waiting for review yet.".to_owned(),
    };
    lines.extend(plain(&next, width, theme.base));
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled(app.screen_key_names(Action::ExtraPractice), theme.key),
        Span::styled(" or ", theme.muted),
        Span::styled(app.screen_key_names(Action::Confirm), theme.key),
        Span::styled(": extra practice (answers still count towards your schedule)", theme.muted),
    ]));
    lines
}

/// A flip card: its text scrolls; the grades (or the grade given) stay below it.
fn draw_flip(frame: &mut Frame, area: Rect, app: &App, cards: &Cards, theme: &Theme) {
    let FlipAreas {
        body,
        footer,
        grades,
    } = flip_areas(area);
    let text = cards.card_text(app.library(), body.width);
    let scroll = cards.scroll.min(text.len().saturating_sub(usize::from(body.height)));
    let shown: Vec<Line> = styled(&text, theme).into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown), body);
    let more_below = scroll + usize::from(body.height) < text.len();
    let more = if more_below {
        let more = format!("{} more ↓", app.screen_key(Action::PageDown));
        Line::styled(more, theme.muted)
    } else {
        Line::raw("")
    };
    let (said, last) = match cards.phase {
        Phase::Graded(grade) => {
            let mut said = vec![
                Span::styled("Graded ", theme.muted),
                Span::styled(grade.label(), grade_style(grade, theme)),
            ];
            if let Some(due) = cards.next_review {
                said.push(Span::styled(". Next review ", theme.muted));
                let when = next_review(cards.zone, cards.now, due);
                said.push(Span::styled(format!("{when}."), theme.title));
            }
            (Line::from(said), next_line(app, cards, theme))
        }
        Phase::Revealed => (
            Line::styled("How well did you recall them?", theme.muted),
            grade_line(app, theme, cards.intervals().as_ref()),
        ),
        Phase::Asking | Phase::Answered { .. } => (
            Line::from(vec![
                Span::styled(app.screen_key_names(Action::Flip), theme.key),
                Span::styled(" reveals them; or grade yourself now.", theme.muted),
            ]),
            grade_line(app, theme, cards.intervals().as_ref()),
        ),
    };
    frame.render_widget(Paragraph::new(vec![more, said]), footer);
    frame.render_widget(Paragraph::new(last), grades);
}

fn grade_style(grade: Grade, theme: &Theme) -> ratatui::style::Style {
    if grade.is_pass() {
        theme.correct
    } else {
        theme.wrong
    }
}

/// "Enter or Space: next card   u undo".
fn next_line(app: &App, cards: &Cards, theme: &Theme) -> Line<'static> {
    let mut spans = vec![
        Span::styled(app.screen_key_names(Action::Confirm), theme.key),
        Span::styled(" or ", theme.muted),
        Span::styled(app.screen_key_names(Action::Flip), theme.key),
        Span::styled(": next card", theme.muted),
    ];
    if cards.can_undo() {
        spans.push(Span::styled("   ", theme.muted));
        spans.push(Span::styled(app.screen_key_names(Action::Undo), theme.key));
        spans.push(Span::styled(" undo", theme.muted));
    }
    Line::from(spans)
}

/// The scope, the score and the cards due; why this card, and the last grade, while they fit.
fn draw_score(frame: &mut Frame, area: Rect, app: &App, pane: &QuizPane, theme: &Theme) {
    let quiz = pane.cards();
    let mut pieces = vec![
        (
            vec![
                Span::styled(" Quiz: ", theme.heading),
                Span::styled(pane.scope_name(app.library()), theme.title),
            ],
            1,
        ),
        (
            vec![
                Span::styled("   Score ", theme.muted),
                Span::styled(format!("{}/{}", quiz.right, quiz.answered), theme.title),
            ],
            2,
        ),
        (
            vec![
                Span::styled("   Due ", theme.muted),
                Span::styled(quiz.due.to_string(), theme.title),
            ],
            3,
        ),
    ];
    if let Some(source) = quiz.source {
        let why = match source {
            Source::Due => "a due card",
            Source::New => "a new card",
            Source::Practice => "extra practice",
        };
        pieces.push((vec![Span::styled(format!("   ({why})"), theme.muted)], 5));
    }
    if let Some(grade) = quiz.last_grade {
        let last = format!("   last card: {}", grade.label());
        pieces.push((vec![Span::styled(last, theme.muted)], 4));
    }
    frame.render_widget(Paragraph::new(fitted(pieces, area.width)), area);
}

fn choice_lines(
    app: &App,
    cards: &Cards,
    question: &Question,
    options: &[String],
    correct: usize,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let answered = match cards.phase {
        Phase::Answered { chosen } => Some(chosen),
        _ => None,
    };
    let option_style = |i: usize| match answered {
        Some(_) if i == correct => ('✓', theme.correct, theme.correct),
        Some(chosen) if i == chosen => ('✗', theme.wrong, theme.wrong),
        Some(_) => (' ', theme.muted, theme.muted),
        None if i == cards.highlighted => ('›', theme.selected, theme.selected),
        None => (' ', theme.base, theme.base),
    };
    let rows = choice_rows(
        &question.prompt,
        &question.subject,
        question.context.as_deref(),
        options,
        width,
    );
    let mut lines = choice_row_lines(rows, option_style, theme);
    if let Some(chosen) = answered {
        lines.push(Line::raw(""));
        lines.extend(feedback(app, cards, question, chosen == correct, width, theme));
    }
    lines
}

/// A multiple-choice question's rows (see [`choice_rows`]) styled: `option` gives an option's
/// mark, the style of its lead and of its text.
pub(crate) fn choice_row_lines(
    rows: Vec<ChoiceRow>,
    option: impl Fn(usize) -> (char, Style, Style),
    theme: &Theme,
) -> Vec<Line<'static>> {
    rows.into_iter()
        .map(|row| match row {
            ChoiceRow::Prompt(text) | ChoiceRow::Context(text) => Line::styled(text, theme.muted),
            ChoiceRow::Subject(text) => Line::styled(text, theme.title),
            ChoiceRow::Blank => Line::raw(""),
            ChoiceRow::Option { index, first, text } => {
                let (mark, lead_style, style) = option(index);
                let lead = if first {
                    Span::styled(option_lead(mark, index), lead_style.patch(theme.key))
                } else {
                    Span::raw(" ".repeat(OPTION_LEAD))
                };
                Line::from(vec![lead, Span::styled(text, style)])
            }
        })
        .collect()
}

fn feedback(
    app: &App,
    cards: &Cards,
    question: &Question,
    right: bool,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let (topic, guide) = question.origin(app.library());
    let mut lines = if right {
        vec![Line::styled("✓ Right!", theme.correct)]
    } else {
        let mut lines = vec![Line::styled("✗ Not this time. The answer is:", theme.wrong)];
        lines.extend(hanging(
            question.correct_text(),
            width,
            Span::raw("  "),
            theme.title,
        ));
        lines
    };
    // When the answer is the topic itself, naming the topic again says nothing new.
    let answer_is_topic = question.kind != QuestionKind::TopicToPoint;
    let (label, origin) = if answer_is_topic {
        ("Guide: ", guide.to_owned())
    } else {
        ("From: ", format!("{topic} ({guide})"))
    };
    lines.extend(hanging(
        &origin,
        width,
        Span::styled(label, theme.muted),
        theme.base,
    ));
    if let Some(due) = cards.next_review {
        let when = next_review(cards.zone, cards.now, due);
        lines.push(Line::from(vec![
            Span::styled("Next review: ", theme.muted),
            Span::styled(when, theme.base),
        ]));
    }
    lines.push(next_line(app, cards, theme));
    lines
}

/// "1 Again 1m   2 Hard 6m   3 Good 1d   4 Easy 4d": the self-grades, the keys that give them
/// here and, for a card, the interval each would give (placed by [`grade_spots`], where clicks
/// find them too).
pub(crate) fn grade_line(app: &App, theme: &Theme, intervals: Option<&[String; 4]>) -> Line<'static> {
    let keys = |grade: Grade| app.screen_key_names(Action::Choose(grade.number()));
    let mut spans = Vec::new();
    for spot in grade_spots(keys, intervals) {
        spans.push(Span::styled(format!(" {} ", spot.keys), theme.key));
        spans.push(Span::styled(spot.grade.label().to_owned(), theme.base));
        if let Some(interval) = spot.interval {
            spans.push(Span::styled(format!(" {interval}"), theme.muted));
        }
        spans.push(Span::raw(GRADE_GAP));
    }
    Line::from(spans)
}
