//! Drawing: a pure function of `&App`. Nothing here changes state, reads the clock or draws
//! random numbers, so the same state always gives the same screen. What to draw follows from
//! [`App::mode`]; where, from the app's [`layout`] (the same rectangles `update` pages by).

mod chrome;
mod help;
mod mock;
mod present;
pub mod theme;
mod wrap;
mod write;

use crate::app::layout;
use crate::app::{App, Mode, Overlay, Pane, Screen};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
pub use theme::{Theme, ThemeName, Themes};

/// Each tabbed pane is drawn by `ui/<module>.rs`'s `draw(frame, area, app, &pane, theme)`,
/// from the app's one list of panes.
macro_rules! draw_panes {
    ($($variant:ident $module:ident::$kind:ident $title:literal $name:literal,)*) => {
        $(mod $module;)*

        fn draw_pane(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
            match app.pane() {
                $(Pane::$variant => $module::draw(frame, area, app, &app.panes().$module, theme),)*
            }
        }
    };
}

crate::panes!(draw_panes);

/// Draws with the presentation theme while presenting, the app's theme otherwise.
pub fn draw_themed(frame: &mut Frame, app: &App, themes: &Themes) {
    let theme = match app.presentation() {
        Some(_) => &themes.present,
        None => &themes.app,
    };
    draw(frame, app, theme);
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(ratatui::widgets::Block::new().style(theme.base), area);
    let Mode::Showing {
        screen, overlay, ..
    } = app.mode()
    else {
        draw_too_small(frame, area, app, theme);
        return;
    };
    match (screen, app.presentation()) {
        (Screen::Presentation, Some(presentation)) => {
            present::draw(frame, app, presentation, theme)
        }
        _ => {
            let layout = app.layout();
            chrome::draw_tabs(frame, layout.tabs, app, theme);
            draw_pane(frame, layout.body, app, theme);
            chrome::draw_status(frame, &layout, app, theme);
        }
    }
    match overlay {
        Some(Overlay::Help { scroll }) => help::draw(frame, app, scroll, theme),
        Some(Overlay::Notice) => {
            if let Some(message) = app.notice() {
                help::draw_notice(frame, app.body(), message, theme);
            }
        }
        None => {}
    }
}

/// A pop-up of `lines`, `width` wide (as tall as they need, within `area`), centred over `area`
/// with a titled border: the notice at start, a mock test's question, a class question.
pub(crate) fn popup(
    frame: &mut Frame,
    area: Rect,
    width: u16,
    title: &str,
    border: ratatui::style::Style,
    lines: Vec<Line<'static>>,
    theme: &Theme,
) {
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let popup = layout::centered(area, width, height);
    let block = ratatui::widgets::Block::bordered()
        .title(format!(" {title} "))
        .border_style(border)
        .style(theme.base)
        .padding(ratatui::widgets::Padding::horizontal(2));
    frame.render_widget(ratatui::widgets::Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

fn draw_too_small(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let message = format!(
        "make the terminal larger (needs {}x{})",
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let quit = format!("{} quits", app.key_names(crate::app::Action::Quit));
    let lines = vec![
        Line::styled(message, theme.title),
        Line::styled(quit, theme.muted),
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
