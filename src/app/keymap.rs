//! Which key does what, kept as data. The app looks keys up here and the help overlay is
//! generated from the same table, so the two never drift apart.

use super::action::Action;
use super::keys::{Key, SPACE};

/// Where a binding applies. The app decides which contexts are active; the first match wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, even while typing in a text box.
    Always,
    /// Everywhere except a text box (where the key types itself).
    Commands,
    Browse,
    /// Typing in the search box.
    SearchQuery,
    /// The search results, with the box left.
    SearchResults,
    Quiz,
    /// Typing a written answer.
    WriteAnswer,
    /// A written answer checked, waiting for a self-grade.
    WriteFeedback,
    /// Answering a mock test.
    Mock,
    /// A mock test's results.
    MockResults,
    Progress,
    Map,
    /// Presenting a topic (or the map) full screen.
    Present,
    /// Typing a topic's name to jump to, in presentation mode.
    PresentJump,
    Help,
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

const fn bind(
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

use Context::*;
use Key::*;

/// The default key map: one binding a line, so it reads as the table it is.
#[rustfmt::skip]
pub const DEFAULT_BINDINGS: &[Binding] = &[
    bind(Help, &[Esc, Char('?'), F(1)], Action::CloseOverlay, "close this help"),
    bind(Browse, &[Up, Char('k')], Action::Up, "previous topic (or scroll up when reading)"),
    bind(Browse, &[Down, Char('j')], Action::Down, "next topic (or scroll down when reading)"),
    bind(Browse, &[Home, Char('g')], Action::Top, "first topic (or top of the topic)"),
    bind(Browse, &[End, Char('G')], Action::Bottom, "last topic (or end of the topic)"),
    bind(Browse, &[Enter, Right, Char('l')], Action::FocusDetail, "read the topic"),
    bind(Browse, &[Left, Char('h'), Esc], Action::FocusList, "back to the list"),
    bind(Browse, &[Char('n'), Char(']')], Action::NextTopic, "next topic, staying in the text"),
    bind(Browse, &[Char('p'), Char('[')], Action::PrevTopic, "previous topic, staying in the text"),
    bind(Browse, &[PageDown, SPACE], Action::PageDown, "scroll the topic down a page"),
    bind(Browse, &[PageUp], Action::PageUp, "scroll the topic up a page"),
    bind(SearchQuery, &[Esc], Action::SearchEscape, "clear the query; again to leave the box"),
    bind(SearchQuery, &[Enter], Action::OpenResult, "open the result in Browse"),
    bind(SearchQuery, &[Up, Ctrl('p')], Action::Up, "previous result"),
    bind(SearchQuery, &[Down, Ctrl('n')], Action::Down, "next result"),
    bind(SearchQuery, &[PageUp], Action::PageUp, "results: page up"),
    bind(SearchQuery, &[PageDown], Action::PageDown, "results: page down"),
    bind(SearchQuery, &[Backspace], Action::Backspace, "delete the character before the cursor"),
    bind(SearchQuery, &[Delete], Action::DeleteForward, "delete the character under the cursor"),
    bind(SearchQuery, &[Ctrl('w')], Action::DeleteWord, "delete the word before the cursor"),
    bind(SearchQuery, &[Ctrl('u')], Action::ClearQuery, "clear the query"),
    bind(SearchQuery, &[Left], Action::CursorLeft, "move the cursor left"),
    bind(SearchQuery, &[Right], Action::CursorRight, "move the cursor right"),
    bind(SearchQuery, &[Home, Ctrl('a')], Action::CursorHome, "cursor to the start"),
    bind(SearchQuery, &[End, Ctrl('e')], Action::CursorEnd, "cursor to the end"),
    bind(SearchResults, &[Up, Char('k')], Action::Up, "previous result"),
    bind(SearchResults, &[Down, Char('j')], Action::Down, "next result"),
    bind(SearchResults, &[Home, Char('g')], Action::Top, "first result"),
    bind(SearchResults, &[End, Char('G')], Action::Bottom, "last result"),
    bind(SearchResults, &[PageUp], Action::PageUp, "page up"),
    bind(SearchResults, &[PageDown], Action::PageDown, "page down"),
    bind(SearchResults, &[Enter], Action::OpenResult, "open the result in Browse"),
    bind(SearchResults, &[Char('/'), Char('i'), Esc], Action::FocusQuery, "back to the search box"),
    bind(Quiz, &[Char('1')], Action::Choose(1), "answer 1 (card: Again)"),
    bind(Quiz, &[Char('2')], Action::Choose(2), "answer 2 (card: Hard)"),
    bind(Quiz, &[Char('3')], Action::Choose(3), "answer 3 (card: Good)"),
    bind(Quiz, &[Char('4')], Action::Choose(4), "answer 4 (card: Easy)"),
    bind(Quiz, &[Up, Char('k')], Action::Up, "highlight the option above"),
    bind(Quiz, &[Down, Char('j')], Action::Down, "highlight the option below"),
    bind(Quiz, &[Enter], Action::Confirm, "answer with the highlighted option; next question"),
    bind(Quiz, &[SPACE], Action::Flip, "reveal the card; next question"),
    bind(Quiz, &[Char('g')], Action::ChangeQuizScope, "quiz all guides, or one guide at a time"),
    bind(Quiz, &[Char('w')], Action::StartWriting, "written-answer practice"),
    bind(Quiz, &[Char('m')], Action::StartMock, "mock test (no feedback until the end)"),
    bind(Mock, &[Char('1')], Action::Choose(1), "answer 1"),
    bind(Mock, &[Char('2')], Action::Choose(2), "answer 2"),
    bind(Mock, &[Char('3')], Action::Choose(3), "answer 3"),
    bind(Mock, &[Char('4')], Action::Choose(4), "answer 4"),
    bind(Mock, &[Up, Char('k')], Action::Up, "highlight the option above"),
    bind(Mock, &[Down, Char('j')], Action::Down, "highlight the option below"),
    bind(Mock, &[Enter], Action::Confirm, "answer with the highlighted option"),
    bind(Mock, &[Right, Char('n')], Action::NextQuestion, "next question"),
    bind(Mock, &[Left, Char('p')], Action::PrevQuestion, "previous question (change an answer)"),
    bind(Mock, &[Char('f'), Esc], Action::FinishMock, "finish now and see the results"),
    bind(MockResults, &[Up, Char('k')], Action::Up, "scroll up"),
    bind(MockResults, &[Down, Char('j')], Action::Down, "scroll down"),
    bind(MockResults, &[Enter, Esc], Action::LeaveMode, "back to the card quiz"),
    bind(WriteAnswer, &[Ctrl('s'), F(2)], Action::Submit, "check the answer"),
    bind(WriteAnswer, &[Esc], Action::LeaveMode, "back to the card quiz (the draft is kept)"),
    bind(WriteAnswer, &[Enter], Action::Newline, "new line"),
    bind(WriteAnswer, &[Backspace], Action::Backspace, "delete the character before the cursor"),
    bind(WriteAnswer, &[Delete], Action::DeleteForward, "delete the character under the cursor"),
    bind(WriteAnswer, &[Ctrl('w')], Action::DeleteWord, "delete the word before the cursor"),
    bind(WriteAnswer, &[Left], Action::CursorLeft, "cursor left"),
    bind(WriteAnswer, &[Right], Action::CursorRight, "cursor right"),
    bind(WriteAnswer, &[Up], Action::Up, "cursor up a line"),
    bind(WriteAnswer, &[Down], Action::Down, "cursor down a line"),
    bind(WriteAnswer, &[Home, Ctrl('a')], Action::CursorHome, "start of the line"),
    bind(WriteAnswer, &[End, Ctrl('e')], Action::CursorEnd, "end of the line"),
    bind(WriteFeedback, &[Char('1')], Action::Choose(1), "grade yourself Again, next topic"),
    bind(WriteFeedback, &[Char('2')], Action::Choose(2), "grade yourself Hard, next topic"),
    bind(WriteFeedback, &[Char('3')], Action::Choose(3), "grade yourself Good, next topic"),
    bind(WriteFeedback, &[Char('4')], Action::Choose(4), "grade yourself Easy, next topic"),
    bind(WriteFeedback, &[Esc], Action::LeaveMode, "back to the card quiz"),
    bind(Progress, &[Up, Char('k')], Action::Up, "highlight the weaker topic above"),
    bind(Progress, &[Down, Char('j')], Action::Down, "highlight the topic below"),
    bind(Progress, &[Enter], Action::Confirm, "practise the highlighted topic in Quiz"),
    bind(Map, &[Right, Down, Char('l'), Char('j')], Action::Down, "next party around the map"),
    bind(Map, &[Left, Up, Char('h'), Char('k')], Action::Up, "previous party around the map"),
    bind(Map, &[Enter], Action::Confirm, "open the party's topic in Browse"),
    bind(Browse, &[Char('P')], Action::StartPresenting, "present this topic full screen"),
    bind(Map, &[Char('P')], Action::StartPresenting, "present the map full screen"),
    bind(Present, &[SPACE, Right], Action::RevealNext, "show the next point"),
    bind(Present, &[Left], Action::RevealBack, "hide the last point shown"),
    bind(Present, &[Char('r')], Action::RevealAll, "show every point and example"),
    bind(Present, &[Char('n'), Char(']')], Action::NextTopic, "next topic"),
    bind(Present, &[Char('p'), Char('[')], Action::PrevTopic, "previous topic"),
    bind(Present, &[Char('g')], Action::StartJump, "go to a topic by name"),
    bind(Present, &[Char('c')], Action::ClassQuestion, "a question for the class; again for the answer"),
    bind(Present, &[Char('m')], Action::ToggleMap, "the relationship map, and back"),
    bind(Present, &[Up, Char('k')], Action::Up, "map: previous party"),
    bind(Present, &[Down, Char('j')], Action::Down, "map: next party"),
    bind(Present, &[Enter], Action::Confirm, "map: present the party's topic"),
    bind(Present, &[Esc], Action::LeaveMode, "leave the presentation"),
    bind(PresentJump, &[Enter], Action::OpenResult, "go to the topic"),
    bind(PresentJump, &[Esc], Action::LeaveMode, "cancel"),
    bind(PresentJump, &[Backspace], Action::Backspace, "delete the character before the cursor"),
    bind(Commands, &[Char('/')], Action::FocusQuery, "search"),
    bind(Commands, &[Char('?')], Action::ToggleHelp, "help"),
    bind(Commands, &[Char('q')], Action::Quit, "quit"),
    bind(Always, &[Tab], Action::NextPane, "next pane"),
    bind(Always, &[BackTab], Action::PrevPane, "previous pane"),
    bind(Always, &[F(1)], Action::ToggleHelp, "help"),
    bind(Always, &[Ctrl('c')], Action::Quit, "quit"),
];

#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: Vec<Binding>,
}

impl Default for KeyMap {
    fn default() -> Self {
        Self {
            bindings: DEFAULT_BINDINGS.to_vec(),
        }
    }
}

impl KeyMap {
    /// The action for `key` in the first of `contexts` that binds it.
    pub fn action(&self, contexts: &[Context], key: Key) -> Option<Action> {
        contexts.iter().find_map(|&context| {
            self.bindings
                .iter()
                .find(|b| b.context == context && b.keys.contains(&key))
                .map(|b| b.action)
        })
    }

    /// The first key bound to `action` in `context`, for showing in the status line.
    pub fn first_key(&self, context: Context, action: Action) -> Option<Key> {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.action == action)
            .and_then(|b| b.keys.first().copied())
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_context_wins() {
        let map = KeyMap::default();
        assert_eq!(
            map.action(&[Help, Commands, Always], Char('?')),
            Some(Action::CloseOverlay)
        );
        assert_eq!(
            map.action(&[Browse, Commands, Always], Char('?')),
            Some(Action::ToggleHelp)
        );
    }

    #[test]
    fn q_types_in_the_search_box_but_ctrl_c_always_quits() {
        let map = KeyMap::default();
        let typing = [SearchQuery, Always];
        assert_eq!(map.action(&typing, Char('q')), None);
        assert_eq!(map.action(&typing, Ctrl('c')), Some(Action::Quit));
        assert_eq!(
            map.action(&[SearchResults, Commands, Always], Char('q')),
            Some(Action::Quit)
        );
    }

    #[test]
    fn help_lists_every_binding_of_the_pane_once() {
        let map = KeyMap::default();
        let rows = map.help(&[Browse, Commands, Always]);
        assert!(rows.contains(&("n ]".to_owned(), "next topic, staying in the text")));
        assert!(rows.contains(&("q".to_owned(), "quit")));
        // F1 is taken by nothing in Browse, so the Always row keeps it.
        assert!(rows.contains(&("F1".to_owned(), "help")));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for binding in DEFAULT_BINDINGS {
            for key in binding.keys {
                let count = DEFAULT_BINDINGS
                    .iter()
                    .filter(|b| b.context == binding.context && b.keys.contains(key))
                    .count();
                assert_eq!(count, 1, "{key:?} bound twice in {:?}", binding.context);
            }
        }
    }
}
