//! The relationship map: the care worker at the centre, the parties the guides name around
//! them. Shown as a pane, and full screen in a presentation (with its own highlighted party).

use super::action::Action;
use super::keymap::{Binding, Context, bind};
use super::keys::Key::*;
use super::pane::{Cx, Effect, Hint, PANE_HINTS, PaneState, hint};

pub const MAP: Context = Context::keys("map");

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(MAP, &[Right, Down, Char('l'), Char('j')], Action::Down, "next party around the map"),
    bind(MAP, &[Left, Up, Char('h'), Char('k')], Action::Up, "previous party around the map"),
    bind(MAP, &[Enter], Action::Confirm, "open the party's topic in Browse"),
    bind(MAP, &[Char('P')], Action::StartPresenting, "present the map full screen"),
];

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MapPane {
    /// The highlighted party.
    selected: usize,
}

impl MapPane {
    pub fn new(selected: usize) -> Self {
        Self { selected }
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Moves round the map (wrapping); `Confirm` gives the party's topic. Shared with the
    /// presentation's map, which does its own thing with the topic.
    pub fn steer(&mut self, action: Action, parties: usize) {
        if parties == 0 {
            return;
        }
        match action {
            Action::Down | Action::CursorRight | Action::ScrollDown => {
                self.selected = (self.selected + 1) % parties;
            }
            Action::Up | Action::CursorLeft | Action::ScrollUp => {
                self.selected = (self.selected + parties - 1) % parties;
            }
            _ => {}
        }
    }
}

impl PaneState for MapPane {
    fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        match action {
            Action::Confirm => match cx.parties.get(self.selected) {
                Some(party) => Effect::OpenTopic {
                    at: party.topic,
                    anchor: None,
                },
                None => Effect::None,
            },
            Action::StartPresenting => Effect::Present {
                map: Some(self.selected),
            },
            other => {
                self.steer(other, cx.parties.len());
                Effect::None
            }
        }
    }

    fn context(&self) -> Context {
        MAP
    }

    fn hints(&self) -> Vec<Hint> {
        [
            hint(Action::Down, "next party", 3),
            hint(Action::Confirm, "open topic", 1),
        ]
        .into_iter()
        .chain(PANE_HINTS)
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_driver::*;
    use super::super::*;

    #[test]
    fn the_map_goes_round_the_parties_and_opens_one_in_browse() {
        let mut app = app_at(80, 24, Pane::Map);
        let count = app.parties().len();
        assert!(count >= 7);
        press(&mut app, "hl");
        assert_eq!(app.panes().map.selected(), 0);
        press(&mut app, "h");
        assert_eq!(app.panes().map.selected(), count - 1, "wraps round");
        let party = app.parties()[count - 1].clone();
        press(&mut app, "<Enter>");
        assert_eq!(
            (app.pane(), browse(&app).focus()),
            (Pane::Browse, Focus::Detail)
        );
        assert_eq!(app.selected_topic(), Some(party.topic));
    }
}
