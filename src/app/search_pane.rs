//! Search pane state: the query box, whether it is being typed in, and the current results.

use super::text_input::TextInput;
use crate::search::Hit;

#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub input: TextInput,
    /// True while keys go into the query box.
    pub editing: bool,
    pub hits: Vec<Hit>,
    pub selected: usize,
}
