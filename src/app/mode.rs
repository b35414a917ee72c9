//! Where the app is ([`Mode`]): the one answer that which keys act, what the help and hints
//! say, what is drawn and whether a key types all derive from.

use super::Pane;
use super::keymap::{self, Context, Unbound};

/// What is over the screen, taking the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The saved-progress message at start: any key closes it.
    Notice,
    /// The keys of the screen below, scrolled this far.
    Help { scroll: usize },
}

/// What fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Pane(Pane),
    Presentation,
}

/// Where the app is: everything that depends on it (which keys act, what the help and the
/// hints say, what is drawn, whether a key types) derives from this one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The window is below the minimum size: a message, and only quit and resize act.
    TooSmall,
    /// `screen`, whose keys are `context`'s, with `overlay` over it taking the keys instead.
    Showing {
        screen: Screen,
        context: Context,
        overlay: Option<Overlay>,
    },
}

impl Mode {
    /// The key-map contexts in force, most specific first.
    pub fn contexts(self) -> Vec<Context> {
        match self {
            Mode::TooSmall => vec![keymap::TOO_SMALL],
            Mode::Showing {
                overlay: Some(Overlay::Notice),
                ..
            } => vec![keymap::NOTICE],
            Mode::Showing {
                overlay: Some(Overlay::Help { .. }),
                ..
            } => vec![keymap::HELP, keymap::ALWAYS],
            Mode::Showing { .. } => self.screen_contexts(),
        }
    }

    /// The contexts of the screen itself, whatever is over it: what its help lists.
    pub fn screen_contexts(self) -> Vec<Context> {
        use keymap::{ALWAYS, COMMANDS, JUMPS, PANES};
        let Mode::Showing {
            screen, context, ..
        } = self
        else {
            return vec![keymap::TOO_SMALL];
        };
        match (screen, context.unbound) {
            (_, Unbound::Modal | Unbound::AnyKey(_)) => vec![context, ALWAYS],
            (Screen::Presentation, Unbound::Typed { .. }) => vec![context, ALWAYS],
            (Screen::Presentation, Unbound::Ignored) => vec![context, COMMANDS, ALWAYS],
            (Screen::Pane(_), Unbound::Typed { .. }) => vec![context, PANES, ALWAYS],
            (Screen::Pane(_), Unbound::Ignored) => vec![context, JUMPS, COMMANDS, PANES, ALWAYS],
        }
    }

    /// What a key bound to nothing does: types (in a text box), one action, or nothing.
    pub fn unbound(self) -> Unbound {
        self.contexts()
            .first()
            .map_or(Unbound::Ignored, |c| c.unbound)
    }
}
