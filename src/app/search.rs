//! Search: the query box and the ranked results. Each keystroke searches again; the index is
//! built the first time anything is searched.

use super::action::Action;
use super::detail::Anchor;
use super::keymap::{Binding, Context, bind};
use super::keys::Key::*;
use super::layout;
use super::pane::{Cx, Effect, Hint, PANE_HINTS, PaneState, hint};
use super::text_area::TextArea;
use crate::search::Hit;
use ratatui::layout::Position;

/// Typing in the search box.
pub const QUERY: Context = Context::text_box("search box");
/// The search results, with the box left.
pub const RESULTS: Context = Context::keys("search results");

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(QUERY, &[Esc], Action::SearchEscape, "clear the query; again to leave the box"),
    bind(QUERY, &[Enter], Action::OpenResult, "open the result in Browse"),
    bind(QUERY, &[Up, Ctrl('p')], Action::Up, "previous result"),
    bind(QUERY, &[Down, Ctrl('n')], Action::Down, "next result"),
    bind(QUERY, &[PageUp], Action::PageUp, "results: page up"),
    bind(QUERY, &[PageDown], Action::PageDown, "results: page down"),
    bind(QUERY, &[Backspace], Action::Backspace, "delete the character before the cursor"),
    bind(QUERY, &[Delete], Action::DeleteForward, "delete the character under the cursor"),
    bind(QUERY, &[Ctrl('w')], Action::DeleteWord, "delete the word before the cursor"),
    bind(QUERY, &[Ctrl('u')], Action::ClearQuery, "clear the query"),
    bind(QUERY, &[Left], Action::CursorLeft, "move the cursor left"),
    bind(QUERY, &[Right], Action::CursorRight, "move the cursor right"),
    bind(QUERY, &[Home, Ctrl('a')], Action::CursorHome, "cursor to the start"),
    bind(QUERY, &[End, Ctrl('e')], Action::CursorEnd, "cursor to the end"),
    bind(RESULTS, &[Up, Char('k')], Action::Up, "previous result"),
    bind(RESULTS, &[Down, Char('j')], Action::Down, "next result"),
    bind(RESULTS, &[Home, Char('g')], Action::Top, "first result"),
    bind(RESULTS, &[End, Char('G')], Action::Bottom, "last result"),
    bind(RESULTS, &[PageUp], Action::PageUp, "page up"),
    bind(RESULTS, &[PageDown], Action::PageDown, "page down"),
    bind(RESULTS, &[Enter], Action::OpenResult, "open the result in Browse"),
    bind(RESULTS, &[Char('/'), Char('i'), Esc], Action::FocusQuery, "back to the search box"),
];

pub use super::layout::ROWS_PER_HIT;

/// How many results the list shows at once.
fn page_rows(cx: &Cx) -> usize {
    (usize::from(layout::search(cx.area).results_text.height) / ROWS_PER_HIT).max(1)
}

#[derive(Debug, Clone, Default)]
pub struct SearchPane {
    /// One line: pasted text arrives with its line breaks folded to spaces.
    input: TextArea,
    /// True while keys go into the query box.
    editing: bool,
    /// The best results, one per topic: as many as the list shows, more fetched as the
    /// selection moves down (the search never works out rows nobody sees).
    hits: Vec<Hit>,
    /// How many topics match in all.
    total: usize,
    /// When nothing matches: a query that would ("did you mean ...").
    suggestion: Option<String>,
    selected: usize,
}

impl SearchPane {
    pub fn input(&self) -> &TextArea {
        &self.input
    }

    pub fn is_editing(&self) -> bool {
        self.editing
    }

    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// How many topics match in all.
    pub fn total(&self) -> usize {
        self.total
    }

    /// When nothing matches: a query that would.
    pub fn suggestion(&self) -> Option<&str> {
        self.suggestion.as_deref()
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Puts the cursor in the query box.
    pub fn focus_query(&mut self) {
        self.editing = true;
    }

    fn refresh(&mut self, cx: &Cx) {
        self.selected = 0;
        self.fetch(page_rows(cx), cx);
    }

    /// Searches again for the best `limit` topics.
    fn fetch(&mut self, limit: usize, cx: &Cx) {
        let query = self.input.text();
        let results = cx.index().search(cx.library, &query, limit);
        self.hits = results.hits;
        self.total = results.total;
        self.suggestion = results.suggestion;
    }

    fn move_by(&mut self, down: bool, by: usize, cx: &Cx) {
        if down {
            let wanted = self.selected.saturating_add(by).min(self.total);
            if wanted >= self.hits.len() && self.hits.len() < self.total {
                // A page beyond the selection, so moving on does not search on every key.
                self.fetch(wanted.saturating_add(page_rows(cx)), cx);
            }
        }
        let last = self.hits.len().saturating_sub(1);
        self.selected = if down {
            (self.selected + by).min(last)
        } else {
            self.selected.saturating_sub(by)
        };
    }

    /// Applies an edit of the query; false if `action` is not one.
    fn edit(&mut self, action: Action) -> bool {
        let input = &mut self.input;
        match action {
            Action::Type(c) => input.insert(c),
            Action::Backspace => input.backspace(),
            Action::DeleteForward => input.delete_forward(),
            Action::DeleteWord => input.delete_word(),
            Action::ClearQuery => input.clear(),
            Action::SearchEscape if !input.is_empty() => input.clear(),
            _ => return false,
        }
        true
    }

    /// The selected hit's topic, opened at the match.
    fn open_selected(&self) -> Effect {
        match self.hits.get(self.selected) {
            Some(hit) => Effect::OpenTopic {
                at: hit.topic,
                anchor: Some(Anchor {
                    field: hit.field.clone(),
                    item: hit.item,
                }),
            },
            None => Effect::None,
        }
    }
}

impl SearchPane {
    /// A click in the query box puts the cursor there; on a result, opens it as Enter does.
    fn click(&mut self, at: Position, cx: &Cx) -> Effect {
        let layout = layout::search(cx.area);
        if layout.query.contains(at) {
            self.editing = true;
            return Effect::None;
        }
        if !layout.results_text.contains(at) {
            return Effect::None;
        }
        match layout.hit_at(at.y, self.selected, self.hits.len()) {
            Some(index) => {
                self.selected = index;
                self.open_selected()
            }
            None => Effect::None,
        }
    }
}

impl PaneState for SearchPane {
    fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        if self.edit(action) {
            self.refresh(cx);
            return Effect::None;
        }
        let page = page_rows(cx);
        match action {
            // A taller window has room for more results than were fetched for the old one.
            Action::Resize { .. } if self.hits.len() < page.min(self.total) => {
                self.fetch(page, cx);
            }
            Action::SearchEscape => self.editing = false,
            Action::CursorLeft => self.input.left(),
            Action::CursorRight => self.input.right(),
            Action::CursorHome => self.input.home(),
            Action::CursorEnd => self.input.end(),
            Action::Up | Action::ScrollUp => self.move_by(false, 1, cx),
            Action::Down | Action::ScrollDown => self.move_by(true, 1, cx),
            Action::PageUp => self.move_by(false, page, cx),
            Action::PageDown => self.move_by(true, page, cx),
            Action::Top => self.selected = 0,
            Action::Bottom => self.move_by(true, usize::MAX / 2, cx),
            Action::OpenResult => return self.open_selected(),
            Action::Click { column, row } => return self.click(Position::new(column, row), cx),
            _ => {}
        }
        Effect::None
    }

    fn context(&self) -> Context {
        if self.editing { QUERY } else { RESULTS }
    }

    fn hints(&self) -> Vec<Hint> {
        if self.editing {
            [
                hint(Action::Down, "results", 3),
                hint(Action::OpenResult, "open", 1),
                hint(Action::SearchEscape, "clear/leave", 3),
            ]
            .into_iter()
            .chain(PANE_HINTS)
            .collect()
        } else {
            vec![
                hint(Action::Down, "move", 3),
                hint(Action::OpenResult, "open", 1),
                hint(Action::FocusQuery, "type", 3),
                PANE_HINTS[1],
            ]
        }
    }

    /// Entering Search puts the cursor in the box, so typing goes straight into the query.
    fn enter(&mut self, _cx: &Cx) {
        self.editing = true;
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_driver::*;
    use super::super::*;

    #[test]
    fn entering_search_types_straight_into_the_query_and_q_is_text_there() {
        let mut app = app();
        press(&mut app, "<Tab>quality");
        assert_eq!(app.panes().search.input().text(), "quality");
        assert!(!app.should_quit());
        assert!(!app.panes().search.hits().is_empty());
    }

    #[test]
    fn esc_clears_the_query_then_leaves_the_box_then_q_quits() {
        let mut app = app();
        press(&mut app, "<Tab>gdpr<Esc>");
        let search = &app.panes().search;
        assert!(search.input().is_empty() && search.is_editing());
        press(&mut app, "<Esc>");
        assert!(!app.panes().search.is_editing());
        press(&mut app, "q");
        assert!(app.should_quit());
    }

    #[test]
    fn enter_opens_a_hit_in_browse_scrolled_to_and_highlighting_the_match() {
        let mut app = app();
        press(
            &mut app,
            "<Tab>rules include the data protection act<Enter>",
        );
        assert_eq!(app.pane(), Pane::Browse);
        assert_eq!(browse(&app).focus(), Focus::Detail);
        let anchor = browse(&app).highlight().cloned();
        assert!(
            matches!(
                anchor,
                Some(Anchor {
                    field: Field::KeyFeature,
                    ..
                })
            ),
            "{anchor:?}"
        );
        let (lines, page) = detail(&app);
        let line = lines
            .iter()
            .position(|l| l.anchor == anchor)
            .unwrap_or(usize::MAX);
        let scroll = browse(&app).scroll();
        assert!(line >= scroll && line < scroll + page, "match off screen");
        let point: Vec<&str> = lines
            .iter()
            .filter(|l| l.anchor == anchor)
            .map(|l| l.text.as_str())
            .collect();
        assert!(point.join(" ").contains("Data Protection Act"), "{point:?}");
    }
}
