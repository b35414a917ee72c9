//! Presentation mode: one topic on a projector. The title in big letters when there is room,
//! the points revealed one at a time, then the examples; a question for the class over it.

use super::chrome::hint_spans;
use super::theme::Theme;
use super::wrap::{hanging, plain};
use crate::app::pane::hint;
use crate::app::present::{ClassQuestion, Presentation, Reveals, View};
use crate::app::{Action, App, layout};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use tui_big_text::{BigText, PixelSize};

/// Big letters (4x4 cells a character) from this size up; plain bold below it.
const BIG_TITLE_MIN_WIDTH: u16 = 100;
const BIG_TITLE_MIN_HEIGHT: u16 = 30;
/// Big titles longer than this many lines of letters fall back to plain bold.
const BIG_TITLE_MAX_LINES: usize = 2;
/// Columns and rows one big letter takes.
const BIG_CELL: (u16, u16) = (4, 4);

pub fn draw(frame: &mut Frame, app: &App, present: &Presentation, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(Block::new().style(theme.base), area);
    let (main, footer) = layout::presentation(area);
    match present.view() {
        View::Map => super::map::draw(frame, main, app, present.map(), theme),
        _ => draw_topic(frame, main, app, present, theme),
    }
    let footer_line = match present.view() {
        View::Jump(name) => {
            let mut spans = vec![
                Span::styled(" Go to topic: ", theme.heading),
                Span::styled(name.text(), theme.input),
                Span::raw("  "),
            ];
            spans.extend(footer_hints(app, footer.width, theme));
            Line::from(spans)
        }
        View::Map => Line::from(footer_hints(app, footer.width, theme)),
        View::Topic | View::Question(_) => {
            let total = present.items(app.topics(), app.library());
            let mut spans = vec![Span::styled(
                format!(" {}/{total} ", present.revealed()),
                theme.key,
            )];
            let room = footer
                .width
                .saturating_sub(u16::try_from(spans[0].width()).unwrap_or(0));
            spans.extend(footer_hints(app, room, theme));
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(footer_line), footer);
    if let View::Question(question) = present.view() {
        draw_class_question(frame, main, question, theme);
    }
}

/// The presentation's key hints that fit `width`, separated by dots; when some do not fit,
/// the key that lists them all.
fn footer_hints(app: &App, width: u16, theme: &Theme) -> Vec<Span<'static>> {
    let hints = app.hints();
    let (spans, dropped) = hint_spans(app, &hints, width, " ", " · ", theme);
    let keys = app.hint_keys(&hint(Action::ToggleHelp, "keys", 1));
    let (true, Some(keys)) = (dropped, keys) else {
        return spans;
    };
    let more = [
        Span::styled(" · ", theme.status),
        Span::styled(keys, theme.key),
        Span::styled(" keys", theme.status),
    ];
    let more_width: usize = more.iter().map(Span::width).sum();
    let room = width.saturating_sub(u16::try_from(more_width).unwrap_or(u16::MAX));
    let (mut spans, _) = hint_spans(app, &hints, room, " ", " · ", theme);
    spans.extend(more);
    spans
}

fn draw_topic(frame: &mut Frame, area: Rect, app: &App, present: &Presentation, theme: &Theme) {
    let library = app.library();
    let Some(&at) = app.topics().get(present.topic()) else {
        return;
    };
    let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) else {
        return;
    };
    let area = area.inner(ratatui::layout::Margin::new(2, 1));
    let big_lines = big_title_lines(&topic.title, area);
    let title_rows = match &big_lines {
        Some(lines) => u16::try_from(lines.len()).unwrap_or(1) * BIG_CELL.1 + 1,
        None => u16::try_from(plain(&topic.title, area.width, theme.title).len()).unwrap_or(1) + 1,
    };
    let [title_area, guide_area, body] = Layout::vertical([
        Constraint::Length(title_rows),
        Constraint::Length(2),
        Constraint::Min(0),
    ])
    .areas(area);
    match big_lines {
        Some(lines) => frame.render_widget(
            BigText::builder()
                .pixel_size(PixelSize::Quadrant)
                .style(theme.title)
                .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
                .build(),
            title_area,
        ),
        None => frame.render_widget(
            Paragraph::new(plain(&topic.title, area.width, theme.title)),
            title_area,
        ),
    }
    frame.render_widget(
        Paragraph::new(Line::styled(guide.title.clone(), theme.muted)),
        guide_area,
    );

    // Points first, then examples, each revealed in turn.
    let Reveals { points, examples } = Reveals::of(guide, topic);
    let mut lines: Vec<Line> = Vec::new();
    let roomy = body.height >= 20;
    if present.revealed() == 0 {
        lines.extend(plain(&topic.summary, body.width, theme.base));
    }
    for (i, point) in points.iter().take(present.revealed()).enumerate() {
        if roomy && i > 0 {
            lines.push(Line::raw(""));
        }
        lines.extend(hanging(
            point,
            body.width,
            Span::styled("• ", theme.key),
            theme.title,
        ));
    }
    let shown_examples = present.revealed().saturating_sub(points.len());
    if shown_examples > 0 {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Examples", theme.heading));
        for example in examples.iter().take(shown_examples) {
            lines.extend(hanging(
                example,
                body.width,
                Span::styled("– ", theme.key),
                theme.base,
            ));
        }
    }
    // Keep the newest point in view on a small screen.
    let overflow = lines.len().saturating_sub(usize::from(body.height));
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(overflow).collect::<Vec<_>>()),
        body,
    );
}

/// The title cut into lines of big letters, if it fits the area in at most a few lines.
fn big_title_lines(title: &str, area: Rect) -> Option<Vec<String>> {
    if area.width < BIG_TITLE_MIN_WIDTH || area.height < BIG_TITLE_MIN_HEIGHT {
        return None;
    }
    let per_line = usize::from(area.width / BIG_CELL.0);
    let lines: Vec<String> = textwrap::wrap(title, per_line)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    let fits =
        lines.len() <= BIG_TITLE_MAX_LINES && lines.iter().all(|l| l.chars().count() <= per_line);
    fits.then_some(lines)
}

fn draw_class_question(frame: &mut Frame, area: Rect, class: &ClassQuestion, theme: &Theme) {
    let width = area.width.saturating_sub(8).clamp(20, 100);
    let inner_width = width.saturating_sub(6);
    let question = &class.question;
    let mut lines = plain(&question.prompt, inner_width, theme.muted);
    lines.push(Line::raw(""));
    lines.extend(plain(&question.subject, inner_width, theme.title));
    lines.push(Line::raw(""));
    let (options, correct) = question.choice().unwrap_or((&[], 0));
    for (i, option) in options.iter().enumerate() {
        let right = class.answer_shown && i == correct;
        let (mark, style) = if right {
            ("✓", theme.correct)
        } else {
            (" ", theme.base)
        };
        let lead = Span::styled(format!("{mark} {}  ", i + 1), style.patch(theme.key));
        lines.extend(hanging(option, inner_width, lead, style));
        if roomy_gap(area) {
            lines.push(Line::raw(""));
        }
    }
    lines.push(Line::raw(""));
    let hint = if class.answer_shown {
        "Any key: back to the topic"
    } else {
        "Any key: show the answer"
    };
    lines.push(Line::styled(hint, theme.muted));
    super::popup(
        frame,
        area,
        width,
        "A question for the class",
        theme.border_focus,
        lines,
        theme,
    );
}

fn roomy_gap(area: Rect) -> bool {
    area.height >= 30
}
