//! Drawing: a pure function of `&App`. Nothing here changes state, reads the clock or draws
//! random numbers, so the same state always gives the same screen.

mod browse;
mod chrome;
mod help;
mod map;
mod mock;
mod present;
mod progress;
mod quiz;
mod search;
pub mod theme;
mod wrap;
mod write;

use crate::app::quiz_pane::QuizMode;
use crate::app::{App, Pane, layout};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
pub use theme::{Theme, ThemeName, Themes};

/// Draws with the presentation theme while presenting, the app's theme otherwise.
pub fn draw_themed(frame: &mut Frame, app: &App, themes: &Themes) {
    let theme = if app.present.is_some() {
        &themes.present
    } else {
        &themes.app
    };
    draw(frame, app, theme);
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(ratatui::widgets::Block::new().style(theme.base), area);
    if layout::is_too_small(area.width, area.height) {
        draw_too_small(frame, area, theme);
        return;
    }
    if app.present.is_some() {
        present::draw(frame, area, app, theme);
        if app.help_open {
            help::draw(frame, area, app, theme);
        }
        return;
    }
    let [header, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::draw_header(frame, header, app, theme);
    match app.pane {
        Pane::Browse => browse::draw(frame, body, app, theme),
        Pane::Search => search::draw(frame, body, app, theme),
        Pane::Quiz if app.quiz.mode == QuizMode::Write => write::draw(frame, body, app, theme),
        Pane::Quiz if app.quiz.mode == QuizMode::Mock => mock::draw(frame, body, app, theme),
        Pane::Quiz => quiz::draw(frame, body, app, theme),
        Pane::Progress => progress::draw(frame, body, app, theme),
        Pane::Map => map::draw(frame, body, app, theme),
    }
    chrome::draw_status(frame, status, app, theme);
    if app.help_open {
        help::draw(frame, body, app, theme);
    }
    if let (true, Some(message)) = (app.notice_open, app.notice()) {
        help::draw_notice(frame, body, message, theme);
    }
}

fn draw_too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let message = format!(
        "make the terminal larger (needs {}x{})",
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let lines = vec![
        Line::styled(message, theme.title),
        Line::styled("Ctrl-C quits", theme.muted),
    ];
    let height = 2.min(area.height);
    let top = area.y + (area.height.saturating_sub(height)) / 2;
    let centred = Rect::new(area.x, top, area.width, area.height - (top - area.y));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .alignment(ratatui::layout::HorizontalAlignment::Center),
        centred,
    );
}

/// A `width` x `height` rectangle in the middle of `area` (clipped to it), for pop-ups.
pub(crate) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// The first row to show so that `selected` stays in view, kept near the middle when the list
/// is longer than the window. A pure function of its inputs, so drawing needs no scroll state.
pub(crate) fn list_offset(selected: usize, len: usize, window: usize) -> usize {
    if len <= window || window == 0 {
        return 0;
    }
    selected.saturating_sub(window / 2).min(len - window)
}
