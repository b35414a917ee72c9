//! Presentation mode: one topic on a projector. The title in big letters when there is room,
//! the points revealed one at a time, then the examples; a question for the class over it.

use super::browse::truncate;
use super::chrome::hint_spans;
use super::theme::Theme;
use super::wrap::{hanging, plain};
use crate::app::pane::hint;
use crate::app::present::{ClassQuestion, Jump, Part, Presentation, Reveals, View};
use crate::app::{Action, App, layout};
use crate::content::{ASSESSMENT_QUESTION, ListKind};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

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
        View::Map | View::Jump(_) => Line::from(footer_hints(app, footer.width, theme)),
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
    match present.view() {
        View::Question(question) => draw_class_question(frame, main, question, theme),
        View::Jump(jump) => draw_jump(frame, main, app, jump, theme),
        View::Topic | View::Map => {}
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
        Paragraph::new(Line::styled(guide.title.as_str(), theme.muted)),
        guide_area,
    );

    let reveals = Reveals::of(guide, topic);
    let lines = body_lines(&reveals, present.revealed(), body, theme);
    frame.render_widget(Paragraph::new(lines), body);
}

/// A run of lines that shows or scrolls away whole: a paragraph of the summary, the assessment
/// question, or one revealed item (the first of a part with the part's heading).
struct Run {
    lines: Vec<Line<'static>>,
    /// The part an item belongs to.
    part: Option<usize>,
    /// The first item of its part (the heading comes with it).
    first: bool,
}

/// The summary (and assessment question), then each part with something showing under its
/// heading, an item at a time. Items are spaced out when they all fit that way; when even the
/// tight layout overflows, the oldest blocks scroll away whole, the newest item stays in
/// view, and the heading of the part at the top is shown again.
fn body_lines(reveals: &Reveals, revealed: usize, body: Rect, theme: &Theme) -> Vec<Line<'static>> {
    let height = usize::from(body.height);
    let count = |blocks: &[Run]| blocks.iter().map(|b| b.lines.len()).sum::<usize>();
    let mut blocks = body_blocks(reveals, revealed, body.width, true, theme);
    if count(&blocks) > height {
        blocks = body_blocks(reveals, revealed, body.width, false, theme);
    }
    let mut dropped = false;
    while assembled_height(&blocks, dropped) > height && blocks.len() > 1 {
        blocks.remove(0);
        dropped = true;
    }
    let mut lines = assemble(blocks, dropped, reveals, theme);
    while lines.len() > height {
        // The heading shown again, or an item taller than the screen: the newest line stays.
        lines.remove(0);
    }
    lines
}

/// How many lines [`assemble`] gives.
fn assembled_height(blocks: &[Run], dropped: bool) -> usize {
    let Some(top) = blocks.first() else {
        return 0;
    };
    let lines: usize = blocks.iter().map(|b| b.lines.len()).sum();
    let blank_top = top.lines.iter().take_while(|l| l.width() == 0).count();
    let heading = usize::from(dropped && !top.first && top.part.is_some());
    lines - blank_top + heading
}

/// The blocks' lines, without blank lines at the top; when blocks scrolled away and the top
/// one is a later item of its part, that part's heading again above it.
fn assemble(
    blocks: Vec<Run>,
    dropped: bool,
    reveals: &Reveals,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let top = blocks.first().filter(|b| !b.first).and_then(|b| b.part);
    if let (true, Some(part)) = (dropped, top.and_then(|p| reveals.parts.get(p))) {
        lines.push(Line::styled(part.heading().to_owned(), theme.heading));
    }
    for block in blocks {
        let blank_top = lines.is_empty();
        lines.extend(
            block
                .lines
                .into_iter()
                .skip_while(|line| blank_top && line.width() == 0),
        );
    }
    lines
}

fn body_blocks(
    reveals: &Reveals,
    revealed: usize,
    width: u16,
    spaced: bool,
    theme: &Theme,
) -> Vec<Run> {
    let mut blocks = Vec::new();
    let plain_block = |lines| Run {
        lines,
        part: None,
        first: false,
    };
    if let Some(summary) = reveals.summary {
        for (i, paragraph) in summary.split("\n\n").enumerate() {
            let mut lines = Vec::new();
            if i > 0 {
                lines.push(Line::raw(""));
            }
            lines.extend(plain(paragraph, width, theme.base));
            blocks.push(plain_block(lines));
        }
    }
    if let Some(question) = reveals.question {
        let mut lines = vec![Line::raw("")];
        lines.extend(hanging(
            question,
            width,
            Span::styled(format!("{ASSESSMENT_QUESTION}: "), theme.heading),
            theme.base,
        ));
        blocks.push(plain_block(lines));
    }
    for (index, (part, shown)) in reveals.shown(revealed).enumerate() {
        for item in 0..shown {
            let mut lines = Vec::new();
            if item == 0 {
                lines.push(Line::raw(""));
                lines.push(Line::styled(part.heading().to_owned(), theme.heading));
            } else if spaced || matches!(part, Part::ModelAnswer(_)) {
                lines.push(Line::raw(""));
            }
            item_lines(&mut lines, part, item, width, theme);
            blocks.push(Run {
                lines,
                part: Some(index),
                first: item == 0,
            });
        }
    }
    blocks
}

/// Item `item` of `part`: a bulleted point or example, a table's row, a model answer's
/// paragraph.
fn item_lines(lines: &mut Vec<Line<'static>>, part: Part, item: usize, width: u16, theme: &Theme) {
    match part {
        Part::List(list) => {
            let (bullet, style) = match list.kind {
                ListKind::Examples => ("– ", theme.base),
                _ => ("• ", theme.title),
            };
            if let Some(text) = list.items.get(item) {
                lines.extend(hanging(text, width, Span::styled(bullet, theme.key), style));
            }
        }
        Part::Table(table) => {
            let Some(row) = table.rows.get(item) else {
                return;
            };
            let mut cells = row.iter().zip(&table.header);
            if let Some((first, _)) = cells.next() {
                lines.extend(hanging(
                    first,
                    width,
                    Span::styled("• ", theme.key),
                    theme.title,
                ));
            }
            for (cell, column) in cells {
                let lead = Span::styled(format!("  {column}: "), theme.muted);
                lines.extend(hanging(cell, width, lead, theme.base));
            }
        }
        Part::ModelAnswer(paragraphs) => {
            if let Some(paragraph) = paragraphs.get(item) {
                lines.extend(plain(paragraph, width, theme.base));
            }
        }
    }
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

/// Going to a topic: the name typed so far, and the topics it matches with the one Enter
/// presents highlighted.
fn draw_jump(frame: &mut Frame, area: Rect, app: &App, jump: &Jump, theme: &Theme) {
    let width = area.width.saturating_sub(4).clamp(20, 90);
    // Inside the border (1 each side) and the pop-up's padding (2 each side).
    let inner = usize::from(width.saturating_sub(6));
    let name = jump.name().text();
    let prompt = "› ";
    let mut lines = vec![
        Line::from(vec![
            Span::styled(prompt, theme.key),
            Span::styled(name.clone(), theme.input),
        ]),
        Line::raw(""),
    ];
    if jump.matches().is_empty() {
        let text = if name.trim().is_empty() {
            "Type a topic's title, or words from it"
        } else {
            "No topic matches"
        };
        lines.push(Line::styled(text, theme.muted));
    }
    let library = app.library();
    for (i, &index) in jump.matches().iter().enumerate() {
        let Some(&at) = app.topics().get(index) else {
            continue;
        };
        let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) else {
            continue;
        };
        let chosen = i == jump.selected();
        let (marker, style, guide_style) = if chosen {
            ("› ", theme.selected, theme.selected)
        } else {
            ("  ", theme.title, theme.muted)
        };
        let title = truncate(&topic.title, inner.saturating_sub(2));
        let room = inner.saturating_sub(2 + title.width() + 3);
        let guide_title = if room >= 8 {
            format!(" · {}", truncate(&guide.title, room))
        } else {
            String::new()
        };
        let pad = inner.saturating_sub(2 + title.width() + guide_title.width());
        lines.push(Line::from(vec![
            Span::styled(marker, style),
            Span::styled(title, style),
            Span::styled(guide_title, guide_style),
            Span::styled(" ".repeat(pad), style),
        ]));
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    super::popup(
        frame,
        area,
        width,
        "Go to a topic",
        theme.border_focus,
        lines,
        theme,
    );
    // The cursor after the name (the pop-up is centred; its text starts inside the border
    // and the padding).
    let popup = layout::centered(area, width, height.min(area.height));
    let column = prompt.width()
        + name
            .chars()
            .take(jump.name().cursor())
            .collect::<String>()
            .width();
    let x = popup.x
        + 3
        + u16::try_from(column)
            .unwrap_or(u16::MAX)
            .min(width.saturating_sub(7));
    frame.set_cursor_position(Position::new(x, popup.y + 1));
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
