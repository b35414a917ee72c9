//! Which key does what, kept as data. The app looks keys up here, and help, hints and every key
//! name on screen come from the same tables ([`KeyMap::keys_for`]), so they never disagree.
//!
//! Bindings belong to a [`Context`]: a named set of keys. The general contexts are here; each
//! pane declares its own next to its code (`app/<pane>.rs`), and the app's mode decides which
//! contexts are in force, most specific first.

use super::action::Action;
use super::keys::{Key, SPACE};

/// How a context treats keys it does not bind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unbound {
    /// Ignored; the general keys (help, quit, panes) apply too.
    Ignored,
    /// A text box: characters type themselves; only the pane-switching keys apply too.
    /// `lines`: pasted text keeps its line breaks (a written answer), else they become spaces.
    Typed { lines: bool },
    /// A question that needs an answer first (a confirmation): no general keys but Ctrl-C.
    Modal,
    /// Any other key does this (a message that only needs reading).
    AnyKey(Action),
}

/// Where a binding applies. Two contexts with the same name are the same context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    pub name: &'static str,
    pub unbound: Unbound,
}

impl Context {
    pub const fn keys(name: &'static str) -> Self {
        Self {
            name,
            unbound: Unbound::Ignored,
        }
    }

    /// One line of text: a query, a name.
    pub const fn text_box(name: &'static str) -> Self {
        Self {
            name,
            unbound: Unbound::Typed { lines: false },
        }
    }

    /// Text of several lines.
    pub const fn text_area(name: &'static str) -> Self {
        Self {
            name,
            unbound: Unbound::Typed { lines: true },
        }
    }

    pub const fn modal(name: &'static str) -> Self {
        Self {
            name,
            unbound: Unbound::Modal,
        }
    }

    pub const fn any_key(name: &'static str, action: Action) -> Self {
        Self {
            name,
            unbound: Unbound::AnyKey(action),
        }
    }

    pub fn types_text(self) -> bool {
        matches!(self.unbound, Unbound::Typed { .. })
    }
}

/// Everywhere, even in a text box or a confirmation.
pub const ALWAYS: Context = Context::keys("always");
/// Everywhere a key is not text: help and quit.
pub const COMMANDS: Context = Context::keys("commands");
/// In the tabbed panes, even in a text box: moving between panes.
pub const PANES: Context = Context::keys("panes");
/// In the tabbed panes when not typing: jumping to search.
pub const JUMPS: Context = Context::keys("jumps");
/// The key help overlay.
pub const HELP: Context = Context::keys("help");
/// The saved-progress message at start: any key closes it.
pub const NOTICE: Context = Context::any_key("notice", Action::CloseOverlay);
/// The window is below the minimum size: only quitting (and resizing) act.
pub const TOO_SMALL: Context = Context::modal("too small");

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

pub const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
    }
}

use Key::*;

/// The general bindings: one a line, so they read as the table they are.
#[rustfmt::skip]
pub const GENERAL: &[Binding] = &[
    bind(HELP, &[Esc, Char('?'), F(1)], Action::CloseOverlay, "close this help"),
    bind(HELP, &[Down, Char('j')], Action::Down, "scroll down"),
    bind(HELP, &[Up, Char('k')], Action::Up, "scroll up"),
    bind(HELP, &[PageDown, SPACE], Action::PageDown, "scroll down a page"),
    bind(HELP, &[PageUp], Action::PageUp, "scroll up a page"),
    bind(HELP, &[Char('q')], Action::Quit, "quit"),
    bind(NOTICE, &[Ctrl('c')], Action::Quit, "quit"),
    bind(TOO_SMALL, &[Char('q'), Ctrl('c')], Action::Quit, "quit"),
    bind(JUMPS, &[Char('/')], Action::FocusQuery, "search"),
    bind(COMMANDS, &[Char('?')], Action::ToggleHelp, "help"),
    bind(COMMANDS, &[Char('q')], Action::Quit, "quit"),
    bind(PANES, &[Tab], Action::NextPane, "next pane"),
    bind(PANES, &[BackTab], Action::PrevPane, "previous pane"),
    bind(ALWAYS, &[F(1)], Action::ToggleHelp, "help"),
    bind(ALWAYS, &[Ctrl('c')], Action::Quit, "quit"),
];

#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: Vec<Binding>,
}

impl KeyMap {
    /// A key map of these tables of bindings.
    pub fn new(tables: &[&[Binding]]) -> Self {
        Self {
            bindings: tables.iter().flat_map(|t| t.iter().copied()).collect(),
        }
    }

    /// The action for `key` in the first of `contexts` that binds it.
    pub fn action(&self, contexts: &[Context], key: Key) -> Option<Action> {
        contexts.iter().find_map(|&context| {
            self.bindings
                .iter()
                .find(|b| b.context == context && b.keys.contains(&key))
                .map(|b| b.action)
        })
    }

    /// Every key bound to `action` in `context`, in the table's order.
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|b| b.context == context && b.action == action)
            .flat_map(|b| b.keys.iter().copied())
            .collect()
    }

    /// The keys that do `action` when `contexts` are in force: bound to it in one of them and
    /// not taken by an earlier one. What the screen should name for the action.
    pub fn keys_in(&self, contexts: &[Context], action: Action) -> Vec<Key> {
        let mut keys = Vec::new();
        for (i, &context) in contexts.iter().enumerate() {
            for key in self.keys_for(context, action) {
                let taken = contexts[..i]
                    .iter()
                    .any(|&earlier| self.action(&[earlier], key).is_some());
                if !taken && !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        keys
    }

    /// The keys for `action` as the screen names them: `Ctrl-S or F2`; empty if none.
    pub fn names_in(&self, contexts: &[Context], action: Action) -> String {
        let names: Vec<String> = self
            .keys_in(contexts, action)
            .iter()
            .map(ToString::to_string)
            .collect();
        names.join(" or ")
    }

    /// Help rows for `contexts`, in that order: each binding's keys and what it does. A key
    /// already taken by an earlier context is left out, since pressing it would not do this.
    pub fn help(&self, contexts: &[Context]) -> Vec<(String, &'static str)> {
        let mut rows = Vec::new();
        let mut taken: Vec<Key> = Vec::new();
        for &context in contexts {
            for binding in self.bindings.iter().filter(|b| b.context == context) {
                let keys: Vec<Key> = binding
                    .keys
                    .iter()
                    .copied()
                    .filter(|k| !taken.contains(k))
                    .collect();
                if keys.is_empty() {
                    continue;
                }
                let names: Vec<String> = keys.iter().map(ToString::to_string).collect();
                rows.push((names.join(" "), binding.help));
            }
            for binding in self.bindings.iter().filter(|b| b.context == context) {
                taken.extend(binding.keys.iter().copied());
            }
        }
        rows
    }

    /// Every binding, for tests over the whole table.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PANE: Context = Context::keys("pane");
    const BOX: Context = Context::text_box("box");
    #[rustfmt::skip]
    const TABLE: &[Binding] = &[
        bind(PANE, &[Char('j'), Down], Action::Down, "down"),
        bind(BOX, &[Enter], Action::OpenResult, "open"),
    ];

    fn map() -> KeyMap {
        KeyMap::new(&[GENERAL, TABLE])
    }

    #[test]
    fn first_context_wins() {
        let map = map();
        assert_eq!(
            map.action(&[HELP, COMMANDS, ALWAYS], Char('?')),
            Some(Action::CloseOverlay)
        );
        assert_eq!(
            map.action(&[PANE, COMMANDS, ALWAYS], Char('?')),
            Some(Action::ToggleHelp)
        );
    }

    #[test]
    fn q_types_in_a_text_box_but_ctrl_c_always_quits() {
        let map = map();
        let typing = [BOX, PANES, ALWAYS];
        assert_eq!(map.action(&typing, Char('q')), None);
        assert_eq!(map.action(&typing, Ctrl('c')), Some(Action::Quit));
        assert_eq!(
            map.action(&[PANE, COMMANDS, ALWAYS], Char('q')),
            Some(Action::Quit)
        );
    }

    #[test]
    fn the_keys_named_for_an_action_are_the_ones_that_do_it_there() {
        let map = map();
        assert_eq!(
            map.keys_in(&[PANE, COMMANDS, ALWAYS], Action::Quit),
            [Char('q'), Ctrl('c')]
        );
        assert_eq!(
            map.keys_in(&[BOX, PANES, ALWAYS], Action::Quit),
            [Ctrl('c')]
        );
        assert_eq!(map.names_in(&[PANE], Action::Down), "j or Down");
        // F1 closes help in HELP, so it is not named for ALWAYS's "help" there.
        assert_eq!(
            map.keys_in(&[HELP, ALWAYS], Action::ToggleHelp),
            Vec::<Key>::new()
        );
    }

    #[test]
    fn help_lists_every_binding_of_the_contexts_once() {
        let map = map();
        let rows = map.help(&[PANE, COMMANDS, ALWAYS]);
        assert!(rows.contains(&("j Down".to_owned(), "down")));
        assert!(rows.contains(&("q".to_owned(), "quit")));
        assert!(rows.contains(&("F1".to_owned(), "help")));
    }
}
