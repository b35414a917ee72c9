//! What drawing reads from the app beyond the panes' own state: where things go, what the
//! help and the hints say, and the names of the keys, always from the key map in force.

use super::keys::Key;
use super::mode::{Mode, Overlay};
use super::pane::{self, Hint};
use super::{Action, App, PaneState, layout};
use ratatui::layout::Rect;

impl App {
    /// The tabbed screen's areas at the current size.
    pub fn layout(&self) -> layout::Screen {
        let area = Rect::new(0, 0, self.width, self.height);
        layout::screen(area, self.saving_problem().is_some())
    }

    /// Where the presentation or the pane in view is drawn.
    pub fn body(&self) -> Rect {
        match self.present {
            Some(_) => layout::presentation(Rect::new(0, 0, self.width, self.height)).0,
            None => self.layout().body,
        }
    }

    /// The key help for the screen: each row's keys and what they do.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        self.keymap.help(&self.mode().screen_contexts())
    }

    /// Where the key help goes, and how far it can scroll.
    pub fn help_layout(&self) -> layout::Help {
        let rows = self.help_rows();
        // Over the pane (the tabs and hints stay in view), or the whole presentation.
        let area = match self.present {
            Some(_) => Rect::new(0, 0, self.width, self.height),
            None => self.layout().body,
        };
        layout::help(area, &rows)
    }

    /// The status line's hints for where the app is.
    pub fn hints(&self) -> Vec<Hint> {
        use pane::hint;
        match self.mode() {
            Mode::TooSmall => Vec::new(),
            Mode::Showing {
                overlay: Some(Overlay::Help { .. }),
                ..
            } if self.help_layout().max_scroll() > 0 => vec![
                hint(Action::Down, "scroll", 2),
                hint(Action::PageDown, "page", 3),
                hint(Action::CloseOverlay, "close", 1),
            ],
            Mode::Showing {
                overlay: Some(Overlay::Help { .. }),
                ..
            } => vec![hint(Action::CloseOverlay, "close", 1)],
            Mode::Showing {
                overlay: Some(Overlay::Notice),
                ..
            } => Vec::new(),
            Mode::Showing { .. } => match &self.present {
                Some(present) => present.hints(),
                None => self.panes.get(self.pane).hints(),
            },
        }
    }

    /// The keys that do `action` now, as the screen names them (`Ctrl-S or F2`), so text on
    /// screen never names a key that does something else.
    pub fn key_names(&self, action: Action) -> String {
        self.keymap.names_in(&self.mode().contexts(), action)
    }

    /// The same for the screen in view, whatever is over it: for the pane's own text, which
    /// describes its keys even while help covers part of it.
    pub fn screen_key_names(&self, action: Action) -> String {
        self.keymap.names_in(&self.mode().screen_contexts(), action)
    }

    /// The first of the keys for `action` on the screen in view (`PageDown`), or nothing.
    pub fn screen_key(&self, action: Action) -> String {
        let keys = self.keymap.keys_in(&self.mode().screen_contexts(), action);
        keys.first().map(ToString::to_string).unwrap_or_default()
    }

    /// A hint's keys: `Enter`, or a run like `1-4` or `n/p`.
    pub fn hint_keys(&self, hint: &Hint) -> Option<String> {
        let contexts = self.mode().contexts();
        let first = |action| self.keymap.keys_in(&contexts, action).first().copied();
        let from = first(hint.action)?;
        match hint.to.and_then(first) {
            Some(to @ Key::Char(b)) if matches!(from, Key::Char(a) if a.is_ascii_digit() && b.is_ascii_digit()) => {
                Some(format!("{from}-{to}"))
            }
            Some(to) => Some(format!("{from}/{to}")),
            None => Some(from.to_string()),
        }
    }
}
