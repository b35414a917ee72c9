//! Search pane state: the query box, whether it is being typed in, and the current results.

use super::text_area::TextArea;
use crate::search::{Hit, Narrowing};

#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// One line: pasted text arrives with its line breaks folded to spaces.
    pub input: TextArea,
    /// True while keys go into the query box.
    pub editing: bool,
    /// The best results, at most the app's limit.
    pub hits: Vec<Hit>,
    /// How many results there are in all (a lower bound when `complete` is false).
    pub total: usize,
    pub complete: bool,
    pub selected: usize,
    /// What the last query could match, so the next keystroke searches only that.
    pub narrowing: Narrowing,
}
