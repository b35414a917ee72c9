//! The relationship map: the care worker at the centre, the parties the guides name around
//! them, the highlighted party's key features beside the map.

use super::browse::truncate;
use super::theme::Theme;
use super::wrap::{hanging, plain};
use crate::app::map::MapPane;
use crate::app::{Action, App, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Line as Stroke};
use ratatui::widgets::{Block, Padding, Paragraph};

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
    // One canvas unit a cell, so labels can be placed and centred on the character grid.
    let (width, height) = (f64::from(inner.width), f64::from(inner.height));
    let (cx, cy) = (width / 2.0, height / 2.0);
    let label_room = (inner.width / 3).clamp(8, 26);
    let (rx, ry) = (
        (width / 2.0 - f64::from(label_room) / 2.0 - 1.0).max(1.0),
        (height / 2.0 - 1.0).max(1.0),
    );
    let count = parties.len() as f64;
    let positions: Vec<(f64, f64)> = (0..parties.len())
        .map(|i| {
            // Clockwise from the top.
            let angle = std::f64::consts::FRAC_PI_2 - std::f64::consts::TAU * i as f64 / count;
            (cx + rx * angle.cos(), cy + ry * angle.sin())
        })
        .collect();
    // The terminal row the canvas prints a label at `y` on (ratatui's mapping of y to rows).
    let row = |y: f64| ((height - y) * (height - 1.0) / height).floor();
    let canvas = Canvas::default()
        .x_bounds([0.0, width])
        .y_bounds([0.0, height])
        .marker(Marker::Braille)
        .paint(|ctx| {
            for (i, &(x, y)) in positions.iter().enumerate() {
                let colour = if i == selected {
                    ink(theme.heading)
                } else {
                    ink(theme.muted)
                };
                ctx.draw(&Stroke::new(cx, cy, x, y, colour));
            }
            ctx.layer();
            let centre = format!(" {CENTRE} ");
            ctx.print(
                cx - centre.len() as f64 / 2.0,
                cy,
                Line::styled(centre, theme.tab_active),
            );
            for (i, (party, &(x, y))) in parties.iter().zip(&positions).enumerate() {
                // Labels that land on the same row share it: each stops short of its nearest
                // neighbour there (a label is the name and a space either side).
                let room = positions
                    .iter()
                    .enumerate()
                    .filter(|&(j, &(_, other_y))| j != i && row(other_y) == row(y))
                    .map(|(_, &(other_x, _))| ((other_x - x).abs() as usize).saturating_sub(3))
                    .fold(usize::from(label_room), usize::min);
                let name = truncate(&party.name, room.max(1));
                let label = format!(" {name} ");
                let style = if i == selected {
                    theme.selected
                } else {
                    theme.title
                };
                let left = (x - label.chars().count() as f64 / 2.0)
                    .clamp(0.0, (width - label.chars().count() as f64).max(0.0));
                ctx.print(left, y, Line::styled(label, style));
            }
        });
    frame.render_widget(canvas, inner);
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
