//! Browse: the guides' topics in a list, the selected topic's text beside it (or instead of it
//! when narrow). The text is wrapped once per topic and width, and kept until either changes.

use super::action::Action;
use super::detail::{Anchor, DetailLine, detail_lines, written_answers};
use super::keymap::{Binding, Context, bind};
use super::keys::{Key::*, SPACE};
use super::layout;
use super::pane::{Cx, Effect, Hint, PANE_HINTS, PaneState, hint};
use crate::content::{Library, TopicRef};
use crate::progress::Progress;
use std::cell::RefCell;
use std::rc::Rc;

pub const BROWSE: Context = Context::keys("browse");

/// Lines of context kept above a search match when opening it.
const MATCH_CONTEXT_LINES: usize = 2;

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(BROWSE, &[Up, Char('k')], Action::Up, "previous topic (or scroll up when reading)"),
    bind(BROWSE, &[Down, Char('j')], Action::Down, "next topic (or scroll down when reading)"),
    bind(BROWSE, &[Home, Char('g')], Action::Top, "first topic (or top of the topic)"),
    bind(BROWSE, &[End, Char('G')], Action::Bottom, "last topic (or end of the topic)"),
    bind(BROWSE, &[Enter, Right, Char('l')], Action::FocusDetail, "read the topic"),
    bind(BROWSE, &[Left, Char('h'), Esc], Action::FocusList, "back to the list"),
    bind(BROWSE, &[Char('n'), Char(']')], Action::NextTopic, "next topic, staying in the text"),
    bind(BROWSE, &[Char('p'), Char('[')], Action::PrevTopic, "previous topic, staying in the text"),
    bind(BROWSE, &[PageDown, SPACE], Action::PageDown, "scroll the topic down a page"),
    bind(BROWSE, &[PageUp], Action::PageUp, "scroll the topic up a page"),
    bind(BROWSE, &[Char('P')], Action::StartPresenting, "present this topic full screen"),
];

/// A row of the topic list: a guide's title, or a topic (its place in the display order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow<'a> {
    Guide(&'a str),
    Topic(usize, &'a str),
}

/// The topic list, row by row: each guide's title, then its topics.
pub fn list_rows(library: &Library) -> Vec<ListRow<'_>> {
    let mut rows = Vec::with_capacity(library.guides.len() + library.topic_count());
    let mut flat = 0;
    for guide in &library.guides {
        rows.push(ListRow::Guide(&guide.title));
        for topic in &guide.topics {
            rows.push(ListRow::Topic(flat, &topic.title));
            flat += 1;
        }
    }
    rows
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

#[derive(Debug, Default)]
pub struct BrowsePane {
    /// Index into the app's flat list of topics.
    selected: usize,
    focus: Focus,
    /// First visible line of the topic text.
    scroll: usize,
    /// A search match to show highlighted in the text.
    highlight: Option<Anchor>,
    text: RefCell<Option<Wrapped>>,
}

/// A topic's text wrapped to a width, with what it was made from.
#[derive(Debug)]
struct Wrapped {
    at: TopicRef,
    width: u16,
    answers: usize,
    lines: Rc<Vec<DetailLine>>,
}

impl BrowsePane {
    pub fn new(selected: usize, focus: Focus) -> Self {
        Self {
            selected,
            focus,
            ..Self::default()
        }
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn scroll(&self) -> usize {
        self.scroll
    }

    pub fn highlight(&self) -> Option<&Anchor> {
        self.highlight.as_ref()
    }

    /// The first list row shown in a window of `height` rows (the selection kept in view), and
    /// the rows.
    pub fn visible_rows<'a>(&self, library: &'a Library, height: u16) -> (usize, Vec<ListRow<'a>>) {
        let rows = list_rows(library);
        let selected = rows
            .iter()
            .position(|r| matches!(r, ListRow::Topic(i, _) if *i == self.selected))
            .unwrap_or(0);
        (
            layout::list_offset(selected, rows.len(), usize::from(height)),
            rows,
        )
    }

    /// The topic on screen row `y` of the list in `area` (the pane's body), if any: for a click.
    pub fn topic_at(
        &self,
        library: &Library,
        area: ratatui::layout::Rect,
        y: u16,
    ) -> Option<usize> {
        let list = layout::browse(area, self.focus == Focus::Detail).list_rows()?;
        if y < list.y || y >= list.bottom() {
            return None;
        }
        let (offset, rows) = self.visible_rows(library, list.height);
        match rows.get(offset + usize::from(y - list.y))? {
            ListRow::Topic(index, _) => Some(*index),
            ListRow::Guide(_) => None,
        }
    }

    /// The selected topic's text at `width`, wrapped afresh only when the topic, the width or
    /// its saved written answers change.
    pub fn lines(
        &self,
        library: &Library,
        progress: &Progress,
        at: TopicRef,
        width: u16,
    ) -> Rc<Vec<DetailLine>> {
        let answers = written_answers(library, progress, at);
        let mut cache = self.text.borrow_mut();
        if let Some(wrapped) = cache.as_ref()
            && (wrapped.at, wrapped.width, wrapped.answers) == (at, width, answers.len())
        {
            return Rc::clone(&wrapped.lines);
        }
        let lines = Rc::new(detail_lines(library, at, width, &answers));
        *cache = Some(Wrapped {
            at,
            width,
            answers: answers.len(),
            lines: Rc::clone(&lines),
        });
        lines
    }

    /// The text and its page height in the pane's area.
    fn page(&self, cx: &Cx) -> (Rc<Vec<DetailLine>>, usize) {
        let text = layout::browse(cx.area, self.focus == Focus::Detail).text;
        let lines = match cx.topics.get(self.selected) {
            Some(&at) => self.lines(cx.library, cx.progress, at, text.width),
            None => Rc::default(),
        };
        (lines, usize::from(text.height))
    }

    fn max_scroll(&self, cx: &Cx) -> usize {
        let (lines, page) = self.page(cx);
        lines.len().saturating_sub(page)
    }

    /// Selects the topic at `index` in the display order (clamped), from the top of its text.
    pub fn select(&mut self, index: usize, cx: &Cx) {
        let index = index.min(cx.topics.len().saturating_sub(1));
        if index != self.selected {
            self.selected = index;
            self.scroll = 0;
            self.highlight = None;
        }
    }

    /// Opens `at` to read, scrolled so that `anchor` (a search match) is in view, highlighted.
    pub fn open(&mut self, at: TopicRef, anchor: Option<Anchor>, cx: &Cx) {
        let Some(index) = cx.position(at) else {
            return;
        };
        self.select(index, cx);
        self.focus = Focus::Detail;
        let (lines, _) = self.page(cx);
        let first = anchor
            .as_ref()
            .and_then(|a| lines.iter().position(|l| l.anchor.as_ref() == Some(a)))
            .unwrap_or(0);
        self.scroll = first
            .saturating_sub(MATCH_CONTEXT_LINES)
            .min(self.max_scroll(cx));
        self.highlight = anchor;
    }

    fn scroll_by(&mut self, down: bool, lines: usize, cx: &Cx) {
        self.scroll = if down {
            (self.scroll + lines).min(self.max_scroll(cx))
        } else {
            self.scroll.saturating_sub(lines)
        };
    }
}

impl PaneState for BrowsePane {
    fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        let reading = self.focus == Focus::Detail;
        let page = self.page(cx).1.saturating_sub(1).max(1);
        let selected = self.selected;
        match action {
            Action::Up if reading => self.scroll_by(false, 1, cx),
            Action::Down if reading => self.scroll_by(true, 1, cx),
            Action::Top if reading => self.scroll = 0,
            Action::Bottom if reading => self.scroll = self.max_scroll(cx),
            Action::Up => self.select(selected.saturating_sub(1), cx),
            Action::Down => self.select(selected + 1, cx),
            Action::Top => self.select(0, cx),
            Action::Bottom => self.select(usize::MAX, cx),
            Action::NextTopic => self.select(selected + 1, cx),
            Action::PrevTopic => self.select(selected.saturating_sub(1), cx),
            Action::PageDown => self.scroll_by(true, page, cx),
            Action::PageUp => self.scroll_by(false, page, cx),
            // The wheel scrolls whichever side has focus.
            Action::ScrollDown if reading => self.scroll_by(true, 3, cx),
            Action::ScrollUp if reading => self.scroll_by(false, 3, cx),
            Action::ScrollDown => self.select(selected + 1, cx),
            Action::ScrollUp => self.select(selected.saturating_sub(1), cx),
            Action::FocusDetail => self.focus = Focus::Detail,
            Action::FocusList => self.focus = Focus::List,
            Action::StartPresenting => {
                return Effect::Present { map: None };
            }
            // The window changed: keep the text's scroll within the text.
            Action::Resize { .. } => self.scroll = self.scroll.min(self.max_scroll(cx)),
            _ => {}
        }
        Effect::None
    }

    fn context(&self) -> Context {
        BROWSE
    }

    fn hints(&self) -> Vec<Hint> {
        match self.focus {
            Focus::Detail => vec![
                hint(Action::Down, "scroll", 1),
                hint(Action::NextTopic, "next", 3),
                hint(Action::PrevTopic, "previous", 5),
                hint(Action::FocusList, "list", 3),
                hint(Action::FocusQuery, "search", 4),
                PANE_HINTS[1],
            ],
            Focus::List => [
                hint(Action::Down, "move", 3),
                hint(Action::FocusDetail, "read", 1),
                hint(Action::NextTopic, "next", 5),
                hint(Action::FocusQuery, "search", 4),
            ]
            .into_iter()
            .chain(PANE_HINTS)
            .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_driver::*;
    use super::super::*;

    #[test]
    fn browse_moves_between_topics_and_scrolls_the_text() {
        let mut app = app();
        let at = |app: &App| (browse(app).selected(), browse(app).scroll());
        press(&mut app, "jjk");
        assert_eq!(browse(&app).selected(), 1);
        press(&mut app, "G");
        assert_eq!(browse(&app).selected(), app.topics().len() - 1);
        press(&mut app, "g<Enter>jjj");
        assert_eq!(at(&app), (0, 3));
        press(&mut app, "n");
        assert_eq!(at(&app), (1, 0));
        press(&mut app, "<End>");
        let bottom = browse(&app).scroll();
        assert!(bottom > 0);
        press(&mut app, "jjj");
        assert_eq!(browse(&app).scroll(), bottom, "scrolling stops at the end");
    }
}
