//! Quiz: the question, its options (or a flip card), feedback after an answer, and the score.

use super::theme::Theme;
use super::wrap::{hanging, plain};
use crate::app::App;
use crate::app::quiz_pane::Phase;
use crate::quiz::{Body, Grade, Question, QuestionKind, RecallList, Source};

/// Wider than this, lines get too long to read comfortably; the card is centred instead.
const MAX_CARD_WIDTH: u16 = 100;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [top, card] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    draw_score(frame, top, app, theme);
    let card = if card.width > MAX_CARD_WIDTH {
        let [_, centre, _] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(MAX_CARD_WIDTH),
            Constraint::Fill(1),
        ])
        .areas(card);
        centre
    } else {
        card
    };
    let block = Block::bordered()
        .border_style(theme.border(true))
        .padding(Padding::new(2, 2, 1, 0));
    let inner = block.inner(card);
    frame.render_widget(block, card);
    let Some(question) = app.quiz.question.as_ref() else {
        let text =
            "Nothing to ask here: these guides have too few points. Press g to change guide.";
        frame.render_widget(Paragraph::new(plain(text, inner.width, theme.muted)), inner);
        return;
    };
    let lines = match &question.body {
        Body::Recall { lists } => flip_lines(question, lists, app.quiz.phase, inner.width, theme),
        Body::Choice { options, correct } => {
            choice_lines(app, question, options, *correct, inner.width, theme)
        }
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_score(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let quiz = &app.quiz;
    let mut spans = vec![
        Span::styled(" Quiz: ", theme.heading),
        Span::styled(app.quiz_scope_name(), theme.title),
        Span::styled("   Score ", theme.muted),
        Span::styled(format!("{}/{}", quiz.right, quiz.answered), theme.title),
        Span::styled("   Due ", theme.muted),
        Span::styled(quiz.due.to_string(), theme.title),
    ];
    if let Some(source) = quiz.source {
        let why = match source {
            Source::Due => "a due card",
            Source::New => "a new card",
            Source::Practice => "extra practice",
        };
        spans.push(Span::styled(format!("   ({why})"), theme.muted));
    }
    if let Some(grade) = quiz.last_grade {
        spans.push(Span::styled(
            format!("   last card: {}", grade.label()),
            theme.muted,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn choice_lines(
    app: &App,
    question: &Question,
    options: &[String],
    correct: usize,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = plain(&question.prompt, width, theme.muted);
    lines.push(Line::raw(""));
    lines.extend(plain(&question.subject, width, theme.title));
    lines.push(Line::raw(""));
    let answered = match app.quiz.phase {
        Phase::Answered { chosen } => Some(chosen),
        _ => None,
    };
    for (i, option) in options.iter().enumerate() {
        let number = format!(" {} ", i + 1);
        let (mark, style) = match answered {
            Some(_) if i == correct => ("✓", theme.correct),
            Some(chosen) if i == chosen => ("✗", theme.wrong),
            Some(_) => (" ", theme.muted),
            None if i == app.quiz.highlighted => ("›", theme.selected),
            None => (" ", theme.base),
        };
        let lead = Span::styled(format!("{mark}{number} "), style.patch(theme.key));
        let style = if answered.is_none() && i != app.quiz.highlighted {
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
        Span::styled("Enter", theme.key),
        Span::styled(" or ", theme.muted),
        Span::styled("Space", theme.key),
        Span::styled(": next question", theme.muted),
    ]));
    lines
}

fn flip_lines(
    question: &Question,
    lists: &[RecallList],
    phase: Phase,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = plain("Flip card", width, theme.muted);
    lines.push(Line::raw(""));
    lines.extend(plain(&question.subject, width, theme.title));
    lines.push(Line::raw(""));
    if phase == Phase::Revealed {
        lines.push(Line::styled("Key points", theme.heading));
        for point in lists.iter().flat_map(|list| &list.points) {
            lines.extend(hanging(
                point,
                width,
                Span::styled("• ", theme.key),
                theme.base,
            ));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled("How well did you recall them?", theme.muted));
    } else {
        lines.extend(plain(&question.prompt, width, theme.base));
        lines.push(Line::from(vec![
            Span::styled("Space", theme.key),
            Span::styled(" reveals them; or grade yourself now.", theme.muted),
        ]));
        lines.push(Line::raw(""));
    }
    lines.push(grade_line(theme));
    lines
}

/// "1 Again  2 Hard  3 Good  4 Easy": the self-grades and their keys.
pub(crate) fn grade_line(theme: &Theme) -> Line<'static> {
    let mut grades = Vec::new();
    for n in 1..=4u8 {
        if let Some(grade) = Grade::from_number(n) {
            grades.push(Span::styled(format!(" {n} "), theme.key));
            grades.push(Span::styled(format!("{}   ", grade.label()), theme.base));
        }
    }
    Line::from(grades)
}
