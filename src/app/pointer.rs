//! The mouse, for the router: a click closes a pop-up, takes a tab or goes to the pane under it;
//! the wheel scrolls the help or the pane under the pointer. Where things are comes from the same
//! layout drawing uses, and each pane hit-tests its own body.

use super::{Action, App, Overlay, Pane, PaneState, layout};
use ratatui::layout::Position;

impl App {
    /// A left click: closes a pop-up, takes a tab (or opens the help from its label) when the
    /// keys could, and otherwise goes to the presentation or the pane under it.
    pub(super) fn click(&mut self, column: u16, row: u16) {
        let at = Position::new(column, row);
        if self.overlay.is_some() {
            self.overlay = None;
        } else if self.present.is_some() {
            self.route(Action::Click { column, row });
        } else if let Some(pane) = self.tab_at(at) {
            self.show(pane);
        } else if self.layout().tabs.contains(at) {
            // Right of the tabs is the help label (drawn at the row's end when it fits).
            let tabs_end = layout::tabs(self.layout().tabs)
                .last()
                .map(|(_, tab)| tab.right());
            if tabs_end.is_some_and(|end| column > end) && self.key_acts(Action::ToggleHelp) {
                self.overlay = Some(Overlay::Help { scroll: 0 });
            }
        } else if self.body().contains(at) {
            self.route(Action::Click { column, row });
        }
    }

    /// The tab at `at`, if one is there and the keys could switch panes now (not in the middle
    /// of a confirmation, say).
    fn tab_at(&self, at: Position) -> Option<Pane> {
        let tabs = self.layout().tabs;
        if !tabs.contains(at) || !self.key_acts(Action::NextPane) {
            return None;
        }
        layout::tabs(tabs)
            .into_iter()
            .find_map(|(pane, tab)| tab.contains(at).then_some(pane))
    }

    /// Whether a key for `action` acts in the mode the app is in.
    fn key_acts(&self, action: Action) -> bool {
        !self
            .keymap
            .keys_in(&self.mode().contexts(), action)
            .is_empty()
    }

    /// The wheel: scrolls the help when it is open, else what is under the pointer.
    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let scroll = if down {
            Action::ScrollDown
        } else {
            Action::ScrollUp
        };
        if self.overlay.is_some() {
            return self.scroll_help(scroll);
        }
        if !self.body().contains(Position::new(column, row)) {
            return;
        }
        let cx = self.world.cx(self.body());
        let effect = match self.present.as_mut() {
            Some(present) => present.wheel(column, row, down, &cx),
            None => self.panes.get_mut(self.pane).wheel(column, row, down, &cx),
        };
        self.apply(effect);
    }
}
