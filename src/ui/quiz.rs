//! Quiz: the question, its options (or a flip card), feedback after an answer, and the score.

use super::chrome::fitted;
use super::theme::Theme;
use super::wrap::{hanging, plain};
use crate::app::layout;
use crate::app::quiz::{Cards, Phase, QuizMode, QuizPane};
use crate::app::{Action, App};
use crate::quiz::{Body, Grade, Question, QuestionKind, RecallList, Source};
use ratatui::Frame;
use ratatui::layout::Rect;
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
    let Some(question) = cards.question.as_ref() else {
        let text = format!(
            "Nothing to ask here: these guides have too few points. Press {} to change guide.",
            app.screen_key_names(Action::ChangeQuizScope)
        );
        frame.render_widget(Paragraph::new(plain(&text, inner.width, theme.muted)), inner);
        return;
    };
    let lines = match &question.body {
        Body::Recall { lists } => flip_lines(app, question, lists, cards.phase, inner.width, theme),
        Body::Choice { options, correct } => {
            choice_lines(app, cards, question, options, *correct, inner.width, theme)
        }
    };
    frame.render_widget(Paragraph::new(lines), inner);
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
    let mut lines = plain(&question.prompt, width, theme.muted);
    lines.push(Line::raw(""));
    lines.extend(plain(&question.subject, width, theme.title));
    if let Some(context) = &question.context {
        lines.extend(plain(context, width, theme.muted));
    }
    lines.push(Line::raw(""));
    let answered = match cards.phase {
        Phase::Answered { chosen } => Some(chosen),
        _ => None,
    };
    for (i, option) in options.iter().enumerate() {
        let number = format!(" {} ", i + 1);
        let (mark, style) = match answered {
            Some(_) if i == correct => ("✓", theme.correct),
            Some(chosen) if i == chosen => ("✗", theme.wrong),
            Some(_) => (" ", theme.muted),
            None if i == cards.highlighted => ("›", theme.selected),
            None => (" ", theme.base),
        };
        let lead = Span::styled(format!("{mark}{number} "), style.patch(theme.key));
        let style = if answered.is_none() && i != cards.highlighted {
            theme.base
        } else {
            style
        };
        lines.extend(hanging(option, width, lead, style));
    }
    if let Some(chosen) = answered {
        lines.push(Line::raw(""));
        lines.extend(feedback(app, question, chosen == correct, width, theme));
    }
    lines
}

fn feedback(
    app: &App,
    question: &Question,
    right: bool,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let library = app.library();
    let topic = library
        .topic(question.topic)
        .map_or("", |t| t.title.as_str());
    let guide = library
        .guide(question.topic.guide)
        .map_or("", |g| g.title.as_str());
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
    lines.push(Line::from(vec![
        Span::styled(app.screen_key_names(Action::Confirm), theme.key),
        Span::styled(" or ", theme.muted),
        Span::styled(app.screen_key_names(Action::Flip), theme.key),
        Span::styled(": next question", theme.muted),
    ]));
    lines
}

fn flip_lines(
    app: &App,
    question: &Question,
    lists: &[RecallList],
    phase: Phase,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = plain("Flip card", width, theme.muted);
    lines.push(Line::raw(""));
    lines.extend(plain(&question.subject, width, theme.title));
    if let Some(context) = &question.context {
        lines.extend(plain(context, width, theme.muted));
    }
    lines.push(Line::raw(""));
    if phase == Phase::Revealed {
        for list in lists {
            lines.push(Line::styled(list.heading.clone(), theme.heading));
            for point in &list.points {
                lines.extend(hanging(
                    point,
                    width,
                    Span::styled("• ", theme.key),
                    theme.base,
                ));
            }
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled("How well did you recall them?", theme.muted));
    } else {
        lines.extend(plain(&question.prompt, width, theme.base));
        lines.push(Line::from(vec![
            Span::styled(app.screen_key_names(Action::Flip), theme.key),
            Span::styled(" reveals them; or grade yourself now.", theme.muted),
        ]));
        lines.push(Line::raw(""));
    }
    lines.push(grade_line(app, theme));
    lines
}

/// "1 Again  2 Hard  3 Good  4 Easy": the self-grades and the keys that give them here.
pub(crate) fn grade_line(app: &App, theme: &Theme) -> Line<'static> {
    let mut grades = Vec::new();
    for n in 1..=4u8 {
        if let Some(grade) = Grade::from_number(n) {
            let keys = app.screen_key_names(Action::Choose(n));
            grades.push(Span::styled(format!(" {keys} "), theme.key));
            grades.push(Span::styled(format!("{}   ", grade.label()), theme.base));
        }
    }
    Line::from(grades)
}
