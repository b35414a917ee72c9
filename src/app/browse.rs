//! Browse pane state: which topic is selected, whether the list or the text has focus, and how
//! far the text is scrolled.

use super::detail::Anchor;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

#[derive(Debug, Clone, Default)]
pub struct BrowseState {
    /// Index into the app's flat list of topics.
    pub selected: usize,
    pub focus: Focus,
    /// First visible line of the topic text.
    pub scroll: usize,
    /// A search match to show highlighted in the text.
    pub highlight: Option<Anchor>,
}
