//! The relationship map: the care worker at the centre, the parties the guides name around
//! them, the highlighted party's key features beside the map.

use super::theme::Theme;
use super::wrap::{hanging, plain};
use crate::app::map::MapPane;
use crate::map::Label;
use crate::app::{Action, App, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Line as Stroke};
use ratatui::widgets::{Block, Padding, Paragraph};
use unicode_width::UnicodeWidthStr;

const CENTRE: &str = "Care worker";

/// The map with `map`'s party highlighted (the Map pane's, or a presentation's own).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, map: &MapPane, theme: &Theme) {
    let (map_area, detail_area) = layout::map(area);
    draw_map(frame, map_area, app, map.selected(), theme);
    draw_detail(frame, detail_area, app, map.selected(), theme);
}

/// A style's foreground as a canvas colour (mono themes have none: the terminal's default).
fn ink(style: Style) -> Color {
    style.fg.unwrap_or(Color::Reset)
}

fn draw_map(frame: &mut Frame, area: Rect, app: &App, selected: usize, theme: &Theme) {
    let title = format!(
        " Working relationships ({}: open) ",
        app.screen_key_names(Action::Confirm)
    );
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border(true));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let parties = app.parties();
    if parties.is_empty() {
        let text =
            "No topic in these guides is marked as a party (`.party`): see content/README.md.";
        frame.render_widget(Paragraph::new(plain(text, inner.width, theme.muted)), inner);
        return;
    }
    let names: Vec<&str> = parties.iter().map(|p| p.name.as_str()).collect();
    let map = crate::map::layout(CENTRE, &names, inner.width, inner.height);
    // One canvas unit a cell, y counted up from the bottom: a label's middle in cells is
    // where lines meet labels.
    let (width, height) = (f64::from(inner.width), f64::from(inner.height));
    let point = |(x, y): (f64, f64)| (x, height - y);
    let (cx, cy) = point(map.centre.middle());
    let canvas = Canvas::default()
        .x_bounds([0.0, width])
        .y_bounds([0.0, height])
        .marker(Marker::Braille)
        .paint(|ctx| {
            for (i, (label, &place)) in map.parties.iter().zip(&map.places).enumerate() {
                let colour = if i == selected {
                    ink(theme.heading)
                } else {
                    ink(theme.muted)
                };
                let (x, y) = point(label.nearest(place));
                ctx.draw(&Stroke::new(cx, cy, x, y, colour));
            }
        });
    frame.render_widget(canvas, inner);
    // The labels over the lines, each a box of its own.
    draw_label(frame, inner, &map.centre, theme.tab_active);
    for (i, label) in map.parties.iter().enumerate() {
        let style = if i == selected {
            theme.selected
        } else {
            theme.title
        };
        draw_label(frame, inner, label, style);
    }
}

/// A label's lines centred in its box, the box filled so no line shows through it.
fn draw_label(frame: &mut Frame, area: Rect, label: &Label, style: Style) {
    let rect = Rect::new(
        area.x.saturating_add(label.x),
        area.y.saturating_add(label.y),
        label.width,
        label.height(),
    )
    .intersection(area);
    let width = usize::from(label.width);
    let lines: Vec<Line> = label
        .lines
        .iter()
        .map(|text| {
            let room = width.saturating_sub(text.width());
            let left = room / 2;
            let padded = format!("{}{text}{}", " ".repeat(left), " ".repeat(room - left));
            Line::styled(padded, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rect);
}

fn draw_detail(frame: &mut Frame, area: Rect, app: &App, selected: usize, theme: &Theme) {
    let party = app.parties().get(selected);
    let topic = party.and_then(|p| app.library().topic(p.topic));
    let title = party.map_or_else(String::new, |p| format!(" {} ", p.name));
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border(false))
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(topic) = topic else {
        return;
    };
    let mut lines = plain(&topic.summary, inner.width, theme.base);
    lines.push(Line::raw(""));
    for point in &topic.key_features {
        lines.extend(hanging(
            point,
            inner.width,
            Span::styled("• ", theme.key),
            theme.base,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
