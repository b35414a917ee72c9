//! Browse: the guides and their topics in a list, and beside it (or instead of it when narrow)
//! the selected entry's page: a guide's or a topic's. A page is wrapped once per entry and
//! width, and kept until either changes. Its links (See also, a guide's topics, the way to the
//! guide's references) are picked with Up/Down while reading and followed with Enter;
//! Backspace goes back, as in a browser.

use super::action::Action;
use super::detail::{Anchor, DetailLine, Link, detail_lines, guide_lines, written_answers};
use super::keymap::{Binding, Context, bind};
use super::keys::{Key::*, SPACE};
use super::layout;
use super::pane::{Cx, Effect, Hint, PANE_HINTS, PaneState, hint};
use crate::content::{Library, TopicRef};
use crate::progress::Progress;
use std::cell::RefCell;
use std::rc::Rc;

/// The list has the keys.
pub const LIST: Context = Context::keys("browse");
/// The page has the keys.
pub const READING: Context = Context::keys("browse reading");

/// Lines of text one turn of the wheel scrolls.
const WHEEL_LINES: usize = 3;

/// Lines of context kept above a search match when opening it.
const MATCH_CONTEXT_LINES: usize = 2;
/// Pages Backspace can go back through.
const HISTORY: usize = 100;

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(LIST, &[Up, Char('k')], Action::Up, "previous guide or topic"),
    bind(LIST, &[Down, Char('j')], Action::Down, "next guide or topic"),
    bind(LIST, &[Home, Char('g')], Action::Top, "first guide"),
    bind(LIST, &[End, Char('G')], Action::Bottom, "last topic"),
    bind(LIST, &[Enter, Right, Char('l')], Action::FocusDetail, "read the guide or topic"),
    bind(LIST, &[Char('n'), Char(']')], Action::NextTopic, "next guide or topic"),
    bind(LIST, &[Char('p'), Char('[')], Action::PrevTopic, "previous guide or topic"),
    bind(LIST, &[PageDown, SPACE], Action::PageDown, "scroll the page down"),
    bind(LIST, &[PageUp], Action::PageUp, "scroll the page up"),
    bind(LIST, &[Char('P')], Action::StartPresenting, "present this topic full screen"),
    bind(READING, &[Up, Char('k')], Action::Up, "scroll up, or the link above"),
    bind(READING, &[Down, Char('j')], Action::Down, "scroll down, or the link below"),
    bind(READING, &[Enter], Action::OpenLink, "follow the highlighted link"),
    bind(READING, &[Backspace], Action::Back, "back to the page the link was on"),
    bind(READING, &[Home, Char('g')], Action::Top, "top of the page"),
    bind(READING, &[End, Char('G')], Action::Bottom, "end of the page"),
    bind(READING, &[PageDown, SPACE], Action::PageDown, "scroll down a page"),
    bind(READING, &[PageUp], Action::PageUp, "scroll up a page"),
    bind(READING, &[Left, Char('h'), Esc], Action::FocusList, "back to the list"),
    bind(READING, &[Char('n'), Char(']')], Action::NextTopic, "next guide or topic, reading on"),
    bind(READING, &[Char('p'), Char('[')], Action::PrevTopic, "previous guide or topic, reading on"),
    bind(READING, &[Char('P')], Action::StartPresenting, "present this topic full screen"),
];

/// What Browse shows: a guide's page or a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A guide, by its place in the library.
    Guide(usize),
    /// A topic, by its place in the display order.
    Topic(usize),
}

impl Default for Entry {
    fn default() -> Self {
        Entry::Topic(0)
    }
}

/// A row of the topic list: a guide's title or a topic's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListRow<'a> {
    pub entry: Entry,
    pub title: &'a str,
}

/// The topic list, row by row: each guide's title, then its topics.
pub fn list_rows(library: &Library) -> Vec<ListRow<'_>> {
    let mut rows = Vec::with_capacity(library.guides.len() + library.topic_count());
    let mut flat = 0;
    for (index, guide) in library.guides.iter().enumerate() {
        rows.push(ListRow {
            entry: Entry::Guide(index),
            title: &guide.title,
        });
        for topic in &guide.topics {
            rows.push(ListRow {
                entry: Entry::Topic(flat),
                title: &topic.title,
            });
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

/// Where a reader was: the page, how far down, the link picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    entry: Entry,
    scroll: usize,
    link: Option<usize>,
}

#[derive(Debug, Default)]
pub struct BrowsePane {
    selected: Entry,
    focus: Focus,
    /// First visible line of the page.
    scroll: usize,
    /// A search match to show highlighted in the text.
    highlight: Option<Anchor>,
    /// The link picked on the page, by its first line; always on screen.
    link: Option<usize>,
    /// The places links were followed from, the latest last.
    history: Vec<Place>,
    text: RefCell<Option<Wrapped>>,
}

/// A page wrapped to a width, with what it was made from.
#[derive(Debug)]
struct Wrapped {
    entry: Entry,
    width: u16,
    answers: usize,
    lines: Rc<Vec<DetailLine>>,
}

impl BrowsePane {
    pub fn new(selected: Entry, focus: Focus) -> Self {
        Self {
            selected,
            focus,
            ..Self::default()
        }
    }

    pub fn selected(&self) -> Entry {
        self.selected
    }

    /// The topic the selection stands for (a guide's first topic): what presenting shows.
    pub fn topic_index(&self, library: &Library) -> usize {
        match self.selected {
            Entry::Topic(index) => index,
            Entry::Guide(guide) => library.guides[..guide.min(library.guides.len())]
                .iter()
                .map(|g| g.topics.len())
                .sum(),
        }
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

    /// The first line of the link picked on the page, if any.
    pub fn link(&self) -> Option<usize> {
        self.link
    }

    /// Whether Backspace has somewhere to go back to.
    pub fn can_go_back(&self) -> bool {
        !self.history.is_empty()
    }

    /// The first list row shown in a window of `height` rows (the selection kept in view), and
    /// the rows.
    pub fn visible_rows<'a>(&self, library: &'a Library, height: u16) -> (usize, Vec<ListRow<'a>>) {
        let rows = list_rows(library);
        let selected = rows
            .iter()
            .position(|r| r.entry == self.selected)
            .unwrap_or(0);
        (
            layout::list_offset(selected, rows.len(), usize::from(height)),
            rows,
        )
    }

    /// The guide or topic on screen row `y` of the list in `area` (the pane's body), if any:
    /// for a click.
    pub fn entry_at(
        &self,
        library: &Library,
        area: ratatui::layout::Rect,
        y: u16,
    ) -> Option<Entry> {
        let list = layout::browse(area, self.focus == Focus::Detail).list_rows()?;
        if y < list.y || y >= list.bottom() {
            return None;
        }
        let (offset, rows) = self.visible_rows(library, list.height);
        Some(rows.get(offset + usize::from(y - list.y))?.entry)
    }

    /// The topic on screen row `y` of the list in `area`, if any (a guide's row is none).
    pub fn topic_at(
        &self,
        library: &Library,
        area: ratatui::layout::Rect,
        y: u16,
    ) -> Option<usize> {
        match self.entry_at(library, area, y)? {
            Entry::Topic(index) => Some(index),
            Entry::Guide(_) => None,
        }
    }

    /// The page of `entry` at `width`, wrapped afresh only when the entry, the width or the
    /// topic's saved written answers change.
    pub fn lines(
        &self,
        library: &Library,
        topics: &[TopicRef],
        progress: &Progress,
        entry: Entry,
        width: u16,
    ) -> Rc<Vec<DetailLine>> {
        let topic = match entry {
            Entry::Topic(index) => topics.get(index).copied(),
            Entry::Guide(_) => None,
        };
        let answers = topic.map_or_else(Vec::new, |at| written_answers(library, progress, at));
        let mut cache = self.text.borrow_mut();
        if let Some(wrapped) = cache.as_ref()
            && (wrapped.entry, wrapped.width, wrapped.answers) == (entry, width, answers.len())
        {
            return Rc::clone(&wrapped.lines);
        }
        let lines = Rc::new(match (entry, topic) {
            (Entry::Guide(index), _) => guide_lines(library, index, width),
            (Entry::Topic(_), Some(at)) => detail_lines(library, at, width, &answers),
            (Entry::Topic(_), None) => Vec::new(),
        });
        *cache = Some(Wrapped {
            entry,
            width,
            answers: answers.len(),
            lines: Rc::clone(&lines),
        });
        lines
    }

    /// The page and its height in the pane's area.
    fn page(&self, cx: &Cx) -> (Rc<Vec<DetailLine>>, usize) {
        let text = layout::browse(cx.area, self.focus == Focus::Detail).text;
        let lines = self.lines(
            cx.library,
            cx.topics,
            cx.progress,
            self.selected,
            text.width,
        );
        (lines, usize::from(text.height))
    }

    fn max_scroll(&self, cx: &Cx) -> usize {
        let (lines, page) = self.page(cx);
        lines.len().saturating_sub(page)
    }

    /// Selects `entry` (a topic past the last is the last), from the top of its page. Links
    /// followed so far are forgotten: Backspace goes back along links only.
    pub fn select(&mut self, entry: Entry, cx: &Cx) {
        self.history.clear();
        self.go(entry, cx);
    }

    fn go(&mut self, entry: Entry, cx: &Cx) {
        let entry = match entry {
            Entry::Topic(index) => Entry::Topic(index.min(cx.topics.len().saturating_sub(1))),
            Entry::Guide(index) => {
                Entry::Guide(index.min(cx.library.guides.len().saturating_sub(1)))
            }
        };
        if entry != self.selected {
            self.selected = entry;
            self.scroll = 0;
            self.highlight = None;
            self.link = None;
        }
    }

    /// Selects the list's next or previous row (staying put at its ends).
    fn step(&mut self, forward: bool, cx: &Cx) {
        let rows = list_rows(cx.library);
        let Some(at) = rows.iter().position(|r| r.entry == self.selected) else {
            return;
        };
        let to = if forward {
            (at + 1).min(rows.len() - 1)
        } else {
            at.saturating_sub(1)
        };
        self.select(rows[to].entry, cx);
    }

    /// Selects the list's last row, or its first.
    fn select_end(&mut self, last: bool, cx: &Cx) {
        let rows = list_rows(cx.library);
        let row = if last { rows.last() } else { rows.first() };
        if let Some(row) = row {
            self.select(row.entry, cx);
        }
    }

    /// Opens `at` to read, scrolled so that `anchor` (a search match) is in view, highlighted.
    pub fn open(&mut self, at: TopicRef, anchor: Option<Anchor>, cx: &Cx) {
        let Some(index) = cx.position(at) else {
            return;
        };
        self.select(Entry::Topic(index), cx);
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
            self.scroll.saturating_add(lines)
        } else {
            self.scroll.saturating_sub(lines)
        }
        .min(self.max_scroll(cx));
        self.keep_link_on_screen(cx);
    }

    /// A picked link that scrolled off the screen is picked no longer.
    fn keep_link_on_screen(&mut self, cx: &Cx) {
        let page = self.page(cx).1;
        if self
            .link
            .is_some_and(|l| !(self.scroll..self.scroll + page).contains(&l))
        {
            self.link = None;
        }
    }

    /// Up or Down while reading: to the next link that way if it is on screen; else the text
    /// scrolls a line, and picks that link if it came into view.
    fn move_through_links(&mut self, down: bool, cx: &Cx) {
        let (lines, page) = self.page(cx);
        let starts = link_starts(&lines);
        let on_screen = |line: usize, scroll: usize| (scroll..scroll + page).contains(&line);
        let next = if down {
            let after = |s: &usize| self.link.map_or(*s >= self.scroll, |l| *s > l);
            starts.iter().copied().find(after)
        } else {
            let before = |s: &usize| self.link.map_or(*s < self.scroll + page, |l| *s < l);
            starts.iter().copied().rev().find(before)
        };
        if let Some(next) = next.filter(|&n| on_screen(n, self.scroll)) {
            self.link = Some(next);
            return;
        }
        self.scroll_by(down, 1, cx);
        if let Some(next) = next.filter(|&n| on_screen(n, self.scroll)) {
            self.link = Some(next);
        }
    }

    /// Enter while reading: follows the picked link, remembering where it was.
    fn follow_link(&mut self, cx: &Cx) {
        let (lines, _) = self.page(cx);
        let Some(link) = self.link.and_then(|l| lines.get(l)?.link) else {
            return;
        };
        let to = match link {
            Link::Topic(at) => match cx.position(at) {
                Some(index) => Entry::Topic(index),
                None => return,
            },
            Link::Guide(index) => Entry::Guide(index),
        };
        if self.history.len() == HISTORY {
            self.history.remove(0);
        }
        self.history.push(Place {
            entry: self.selected,
            scroll: self.scroll,
            link: self.link,
        });
        self.go(to, cx);
    }

    /// Backspace: back to where the last link was followed from, as it was left.
    fn go_back(&mut self, cx: &Cx) {
        let Some(place) = self.history.pop() else {
            return;
        };
        self.go(place.entry, cx);
        self.scroll = place.scroll.min(self.max_scroll(cx));
        self.link = place.link;
        self.keep_link_on_screen(cx);
    }
}

/// The first line of each link on a page, in order.
fn link_starts(lines: &[DetailLine]) -> Vec<usize> {
    let mut previous = None;
    let mut starts = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.link.is_some() && line.link != previous {
            starts.push(i);
        }
        previous = line.link;
    }
    starts
}

impl BrowsePane {
    /// A click on a guide's or topic's row selects it (and, where the list fills the screen,
    /// opens it: nothing else would show it); a click on the text gives it the keys.
    fn click(&mut self, column: u16, row: u16, cx: &Cx) {
        let at = ratatui::layout::Position::new(column, row);
        let shown = layout::browse(cx.area, self.focus == Focus::Detail);
        let on = |part: Option<ratatui::layout::Rect>| part.is_some_and(|r| r.contains(at));
        if on(shown.list) {
            if let Some(entry) = self.entry_at(cx.library, cx.area, row) {
                self.select(entry, cx);
                let keys = match shown.detail {
                    Some(_) => Action::FocusList,
                    None => Action::FocusDetail,
                };
                self.update(keys, cx);
            }
        } else if on(shown.detail) {
            self.update(Action::FocusDetail, cx);
        }
    }
}

impl PaneState for BrowsePane {
    fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        let reading = self.focus == Focus::Detail;
        let page = self.page(cx).1.saturating_sub(1).max(1);
        match action {
            Action::Up if reading => self.move_through_links(false, cx),
            Action::Down if reading => self.move_through_links(true, cx),
            Action::Top if reading => self.scroll_by(false, usize::MAX, cx),
            Action::Bottom if reading => self.scroll_by(true, usize::MAX, cx),
            Action::Up | Action::PrevTopic => self.step(false, cx),
            Action::Down | Action::NextTopic => self.step(true, cx),
            Action::Top => self.select_end(false, cx),
            Action::Bottom => self.select_end(true, cx),
            Action::PageDown => self.scroll_by(true, page, cx),
            Action::PageUp => self.scroll_by(false, page, cx),
            // The wheel scrolls whichever side has focus.
            Action::ScrollDown if reading => self.scroll_by(true, 3, cx),
            Action::ScrollUp if reading => self.scroll_by(false, 3, cx),
            Action::ScrollDown => self.step(true, cx),
            Action::ScrollUp => self.step(false, cx),
            Action::FocusDetail => self.focus = Focus::Detail,
            Action::FocusList => {
                self.focus = Focus::List;
                self.link = None;
            }
            Action::OpenLink => self.follow_link(cx),
            Action::Back => self.go_back(cx),
            Action::StartPresenting => return Effect::Present { map: None },
            Action::Click { column, row } => self.click(column, row, cx),
            // The window changed: keep the text's scroll within the text.
            Action::Resize { .. } => self.scroll_by(true, 0, cx),
            _ => {}
        }
        Effect::None
    }

    fn context(&self) -> Context {
        match self.focus {
            Focus::List => LIST,
            Focus::Detail => READING,
        }
    }

    /// The wheel over the text scrolls it, over the list moves through it, whichever has the
    /// keys.
    fn wheel(&mut self, column: u16, row: u16, down: bool, cx: &Cx) -> Effect {
        let at = ratatui::layout::Position::new(column, row);
        let shown = layout::browse(cx.area, self.focus == Focus::Detail);
        let over = |part: Option<ratatui::layout::Rect>| part.is_some_and(|r| r.contains(at));
        let action = match (self.focus, down) {
            (Focus::List, _) if over(shown.detail) => {
                self.scroll_by(down, WHEEL_LINES, cx);
                return Effect::None;
            }
            (Focus::Detail, true) if over(shown.list) => Action::NextTopic,
            (Focus::Detail, false) if over(shown.list) => Action::PrevTopic,
            (_, true) => Action::ScrollDown,
            (_, false) => Action::ScrollUp,
        };
        self.update(action, cx)
    }

    fn hints(&self) -> Vec<Hint> {
        match self.focus {
            Focus::Detail => [
                Some(hint(Action::Down, "scroll", 1)),
                self.link.map(|_| hint(Action::OpenLink, "follow", 1)),
                self.can_go_back().then(|| hint(Action::Back, "back", 2)),
                Some(hint(Action::NextTopic, "next", 3)),
                Some(hint(Action::PrevTopic, "previous", 5)),
                Some(hint(Action::FocusList, "list", 3)),
                Some(hint(Action::FocusQuery, "search", 4)),
                Some(PANE_HINTS[1]),
            ]
            .into_iter()
            .flatten()
            .collect(),
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
    use super::super::detail::Link;
    use super::super::test_driver::*;
    use super::super::*;
    use super::Entry;

    fn selected(app: &App) -> Entry {
        browse(app).selected()
    }

    #[test]
    fn the_list_steps_through_guides_and_topics() {
        let mut app = app();
        assert_eq!(
            selected(&app),
            Entry::Topic(0),
            "the first topic, as before"
        );
        press(&mut app, "k");
        assert_eq!(
            selected(&app),
            Entry::Guide(0),
            "its guide's row is an entry"
        );
        press(&mut app, "kjj");
        assert_eq!(selected(&app), Entry::Topic(1));
        press(&mut app, "G");
        assert_eq!(selected(&app), Entry::Topic(app.topics().len() - 1));
        press(&mut app, "g");
        assert_eq!(selected(&app), Entry::Guide(0));
        let first_of_second_guide = app.library().guides[0].topics.len();
        press(&mut app, "<Enter>n");
        assert_eq!(selected(&app), Entry::Topic(0), "n reads on from a guide");
        for _ in 0..first_of_second_guide {
            press(&mut app, "n");
        }
        assert_eq!(
            selected(&app),
            Entry::Guide(1),
            "and into the next guide's page"
        );
        assert_eq!(browse(&app).focus(), Focus::Detail);
    }

    #[test]
    fn a_guides_page_gives_its_introduction_and_references() {
        let mut app = app();
        press(&mut app, "k<Enter>");
        let guide = &app.library().guides[0];
        let (lines, _) = detail(&app);
        let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(text[0], guide.title);
        let opening: String = guide
            .introduction
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.iter().any(|l| l.starts_with(&opening)), "{text:?}");
        // A long address may take two lines: the page read without its line breaks.
        let unbroken: String = text.iter().map(|l| l.trim()).collect();
        for reference in &guide.references {
            let listed = unbroken.matches(reference.url.as_str()).count();
            assert_eq!(listed, 1, "{} in {text:?}", reference.url);
        }
        assert!(text.contains(&"References") && text.contains(&"Introduction"));
    }

    /// The page's links, by first line and target.
    fn links(app: &App) -> Vec<(usize, Link)> {
        let (lines, _) = detail(app);
        let mut found: Vec<(usize, Link)> = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let continues = i > 0 && lines[i - 1].link == line.link;
            if let Some(link) = line.link.filter(|_| !continues) {
                found.push((i, link));
            }
        }
        found
    }

    #[test]
    fn links_are_picked_with_down_followed_with_enter_and_backspace_goes_back() {
        let mut app = app();
        // The glossary's last entry: a short summary, then links.
        press(&mut app, "G<Enter>");
        let from = selected(&app);
        let links = links(&app);
        let Some(&(first, Link::Topic(target))) = links.first() else {
            panic!("a See also link first: {links:?}");
        };
        assert!(links.len() >= 2);
        assert_eq!(browse(&app).link(), None, "nothing picked on opening");
        press(&mut app, "j");
        assert_eq!(browse(&app).link(), Some(first), "the first link on screen");
        assert_eq!(browse(&app).scroll(), 0, "picked, not scrolled");
        assert!(app.hints().iter().any(|h| h.action == Action::OpenLink));
        press(&mut app, "j");
        assert_eq!(browse(&app).link(), Some(links[1].0));
        press(&mut app, "k<Enter>");
        let to = app.topics().iter().position(|&t| t == target);
        assert_eq!(Some(selected(&app)), to.map(Entry::Topic));
        assert_eq!(browse(&app).link(), None);
        assert!(app.hints().iter().any(|h| h.action == Action::Back));
        press(&mut app, "<Backspace>");
        assert_eq!(selected(&app), from, "back where the link was");
        assert_eq!(browse(&app).link(), Some(first), "with it still picked");
        press(&mut app, "<Backspace>");
        assert_eq!(selected(&app), from, "nothing further back");
    }

    #[test]
    fn a_topic_leads_to_its_guides_references() {
        let mut app = app();
        press(&mut app, "<Enter><End>");
        let Some(&(line, link)) = links(&app).last() else {
            panic!("no links");
        };
        assert_eq!(link, Link::Guide(0), "the topic's last link");
        let (lines, page) = detail(&app);
        assert!(
            lines.iter().all(|l| !l.text.contains("https://")),
            "no reference listed under a topic"
        );
        let scroll = browse(&app).scroll();
        assert!((scroll..scroll + page).contains(&line));
        press(&mut app, "k");
        assert_eq!(
            browse(&app).link(),
            Some(line),
            "Up picks the last link on screen"
        );
        press(&mut app, "<Enter>");
        assert_eq!(selected(&app), Entry::Guide(0));
    }

    #[test]
    fn a_picked_link_that_scrolls_away_is_dropped_and_scrolling_reads_on() {
        let mut app = app();
        press(&mut app, "<Enter><End>k");
        assert!(browse(&app).link().is_some());
        press(&mut app, "<PageUp>");
        assert_eq!(browse(&app).link(), None);
        press(&mut app, "g");
        assert_eq!(browse(&app).scroll(), 0);
        press(&mut app, "jjj");
        assert_eq!(browse(&app).scroll(), 3, "text without links scrolls");
    }
}
