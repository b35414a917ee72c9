//! Screen geometry, worked out once: drawing places its widgets in these rectangles and `update`
//! scrolls and pages by them, so the two always agree. Each function is pure: the same size and
//! state give the same rectangles. (For mouse clicks, the same rectangles say what was hit.)

use ratatui::layout::{Constraint, Layout, Margin, Rect};
use unicode_width::UnicodeWidthStr;

/// Below this the app shows a "make the terminal larger" message instead of a layout.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
/// From this width Browse shows the topic list and the topic side by side.
pub const BROWSE_TWO_COLUMNS: u16 = 80;
/// From this width the topic list gets more room.
pub const BROWSE_WIDE_LIST: u16 = 120;
/// From this width the topic list has room for nearly every title whole.
pub const BROWSE_WIDEST_LIST: u16 = 160;
/// Browse's text is wrapped at most this wide: longer lines are hard to read (the eye loses
/// its way back to the next line), so on a wide screen the page keeps to this measure.
pub const MAX_READING_WIDTH: u16 = 100;
/// Wider than this, a quiz card's lines get too long to read comfortably; it is centred.
pub const MAX_CARD_WIDTH: u16 = 100;
/// From this width the map and the party's details sit side by side.
pub const MAP_SIDE_BY_SIDE: u16 = 100;

pub fn is_too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// The inside of a bordered box with `pad` columns of padding left and right.
pub fn inside(area: Rect, pad: u16) -> Rect {
    area.inner(Margin::new(1 + pad, 1))
}

/// The tabbed screen: the tabs, the pane, an optional notice line, the key hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub tabs: Rect,
    pub body: Rect,
    /// A line of its own for a notice (progress read-only, saving failed), when there is one.
    pub notice: Option<Rect>,
    pub hints: Rect,
}

pub fn screen(area: Rect, notice: bool) -> Screen {
    let notice_rows = u16::from(notice);
    let [tabs, body, notice_row, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(notice_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    Screen {
        tabs,
        body,
        notice: notice.then_some(notice_row),
        hints,
    }
}

/// Where each pane's tab is in the tab row: after the brand, each title padded by a space
/// either side, a space between tabs.
pub fn tabs(row: Rect) -> Vec<(super::Pane, Rect)> {
    let mut x = row.x + BRAND.len() as u16 + 1;
    super::Pane::ALL
        .into_iter()
        .map(|pane| {
            let width = u16::try_from(pane.title().len() + 2).unwrap_or(u16::MAX);
            let tab = Rect::new(x, row.y, width, 1).intersection(row);
            x = x.saturating_add(width + 1);
            (pane, tab)
        })
        .collect()
}

/// Where a help label `width` columns wide goes in the tab row: at its right end, if that
/// leaves a column free after the last tab (so the two never touch).
pub fn tab_help(row: Rect, width: u16) -> Option<Rect> {
    let tabs_end = tabs(row).last().map_or(row.x, |(_, tab)| tab.right());
    let x = row.right().checked_sub(width)?;
    (x > tabs_end).then(|| Rect::new(x, row.y, width, 1))
}

/// The name at the left of the tab row.
pub const BRAND: &str = " carestudy ";

/// Presentation mode: the topic (or map) over everything, a footer of hints.
pub fn presentation(area: Rect) -> (Rect, Rect) {
    let [main, footer] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    (main, footer)
}

/// Browse: the topic list and the topic's text side by side, or one of them when narrow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Browse {
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
    /// Where the topic's text goes (inside the detail box); sized even when the list shows
    /// alone, so the text is wrapped and paged the same either way.
    pub text: Rect,
}

pub fn browse(body: Rect, reading: bool) -> Browse {
    let list_width = if body.width >= BROWSE_WIDEST_LIST {
        50
    } else if body.width >= BROWSE_WIDE_LIST {
        40
    } else if body.width >= BROWSE_TWO_COLUMNS {
        30
    } else {
        0
    };
    // With no room for the list, the detail box takes the whole body.
    let [list, detail] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Min(0)]).areas(body);
    let text = inside(detail, 1);
    let text = Rect {
        width: text.width.min(MAX_READING_WIDTH),
        ..text
    };
    let (list, detail) = match (list_width, reading) {
        (0, true) => (None, Some(body)),
        (0, false) => (Some(body), None),
        _ => (Some(list), Some(detail)),
    };
    Browse { list, detail, text }
}

/// Search: the query box above the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Search {
    pub query: Rect,
    pub query_text: Rect,
    pub results: Rect,
    /// Inside the results box: two rows a result.
    pub results_text: Rect,
}

pub fn search(body: Rect) -> Search {
    let [query, results] =
        Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(body);
    Search {
        query,
        query_text: inside(query, 1),
        results,
        results_text: inside(results, 1),
    }
}

impl Browse {
    /// The list's rows inside its border, when the list shows.
    pub fn list_rows(&self) -> Option<Rect> {
        self.list.map(|list| inside(list, 0))
    }
}

impl Search {
    /// Which of `hits` results is on screen row `y` (two rows a result), with `selected` kept
    /// in view as drawing keeps it.
    pub fn hit_at(&self, y: u16, selected: usize, hits: usize) -> Option<usize> {
        let text = self.results_text;
        if y < text.y || y >= text.bottom() {
            return None;
        }
        let window = usize::from(text.height) / ROWS_PER_HIT;
        let index = list_offset(selected, hits, window) + usize::from(y - text.y) / ROWS_PER_HIT;
        (index < hits).then_some(index)
    }
}

/// Rows one search result takes: its topic line and its matched text.
pub const ROWS_PER_HIT: usize = 2;

/// A quiz card (cards, written practice, mock test): a heading row, then a bordered card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Card {
    pub heading: Rect,
    pub card: Rect,
    /// Inside the card's border and padding.
    pub text: Rect,
}

/// `narrow`: at most [`MAX_CARD_WIDTH`] wide, centred.
pub fn card(body: Rect, narrow: bool) -> Card {
    let [heading, card] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(body);
    let card = if narrow && card.width > MAX_CARD_WIDTH {
        let [_, centre, _] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(MAX_CARD_WIDTH),
            Constraint::Fill(1),
        ])
        .areas(card);
        centre
    } else {
        card
    };
    let text = Rect {
        x: card.x.saturating_add(3),
        y: card.y.saturating_add(2),
        width: card.width.saturating_sub(6),
        height: card.height.saturating_sub(3),
    };
    Card {
        heading,
        card,
        text,
    }
}

/// The map and the highlighted party's details.
pub fn map(body: Rect) -> (Rect, Rect) {
    if body.width >= MAP_SIDE_BY_SIDE {
        let [map, detail] =
            Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                .areas(body);
        (map, detail)
    } else {
        let detail_rows = (body.height / 3).max(5);
        let [map, detail] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(detail_rows)]).areas(body);
        (map, detail)
    }
}

/// A `width` x `height` rectangle in the middle of `area` (clipped to it), for pop-ups.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// The key help pop-up: its rows in one or two columns, a footer line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Help {
    pub popup: Rect,
    pub body: Rect,
    pub footer: Rect,
    pub columns: usize,
    /// Lines in each column; more than `body.height` when the help scrolls.
    pub per_column: usize,
    pub column_width: u16,
    /// Columns the widest row's keys take (rows' keys are right-aligned to it).
    pub key_width: usize,
    /// Columns for what a row's keys do: a longer description wraps onto further lines.
    pub text_width: usize,
}

/// One line of the help: a row's keys on its first line only, then (part of) what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine<'a> {
    pub keys: Option<&'a str>,
    pub text: String,
}

/// Columns between the two columns of help.
const HELP_GAP: usize = 3;
/// Columns between a row's keys and what they do.
const HELP_KEY_GAP: usize = 2;
/// Columns the pop-up's border and padding take.
const HELP_FRAME: usize = 6;
/// Narrower than this, a description would wrap word by word: it takes the keys' room too.
const HELP_MIN_TEXT: usize = 16;

/// Help `rows` (keys, what they do) over `area`. Two columns when one would not fit the height
/// and two fit the width; otherwise one column, its descriptions wrapped to fit the width, which
/// scrolls when it does not fit the height.
pub fn help(area: Rect, rows: &[(String, &str)]) -> Help {
    let widest = |column: fn(&(String, &str)) -> usize| rows.iter().map(column).max().unwrap_or(0);
    let key_width = widest(|(keys, _)| keys.width());
    let widest_text = widest(|(_, what)| what.width());
    let entry_width = key_width + HELP_KEY_GAP + widest_text;
    let width = usize::from(area.width);
    // Borders, the gap above the footer and the footer take 4 rows.
    let fits_one = rows.len() + 4 <= usize::from(area.height);
    let two_fit = entry_width * 2 + HELP_GAP + HELP_FRAME <= width;
    let columns = if fits_one || !two_fit { 1 } else { 2 };
    let room = width.saturating_sub(HELP_FRAME + key_width + HELP_KEY_GAP);
    let text_width = widest_text.min(room.max(HELP_MIN_TEXT)).max(1);
    let lines = help_lines(rows, text_width).len();
    let per_column = if columns == 1 {
        lines
    } else {
        rows.len().div_ceil(columns)
    };
    let entry_width = key_width + HELP_KEY_GAP + text_width;
    let body_width = entry_width * columns + HELP_GAP * (columns - 1);
    let popup = centered(
        area,
        u16::try_from(body_width + HELP_FRAME).unwrap_or(u16::MAX),
        u16::try_from(per_column + 4).unwrap_or(u16::MAX),
    );
    let inner = inside(popup, 2);
    let [body, _, footer] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    Help {
        popup,
        body,
        footer,
        columns,
        per_column,
        column_width: u16::try_from(entry_width + HELP_GAP).unwrap_or(u16::MAX),
        key_width,
        text_width,
    }
}

/// The help's lines: each row's description wrapped to `text_width`, its keys on the first.
pub fn help_lines<'a>(rows: &'a [(String, &str)], text_width: usize) -> Vec<HelpLine<'a>> {
    rows.iter()
        .flat_map(|(keys, what)| {
            textwrap::wrap(what, text_width.max(1))
                .into_iter()
                .enumerate()
                .map(move |(i, text)| HelpLine {
                    keys: (i == 0).then_some(keys.as_str()),
                    text: text.into_owned(),
                })
        })
        .collect()
}

impl Help {
    /// How far the help can scroll: rows that do not fit the body.
    pub fn max_scroll(&self) -> usize {
        self.per_column
            .saturating_sub(usize::from(self.body.height))
    }
}

/// The first row to show so that `selected` stays in view, kept near the middle when the list
/// is longer than the window. A pure function of its inputs, so drawing needs no scroll state.
pub fn list_offset(selected: usize, len: usize, window: usize) -> usize {
    if len <= window || window == 0 {
        return 0;
    }
    selected.saturating_sub(window / 2).min(len - window)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browse_text_is_the_same_size_whichever_side_shows() {
        let body = Rect::new(0, 1, 70, 20);
        assert_eq!(browse(body, true).text, browse(body, false).text);
        assert_eq!(browse(body, false).detail, None);
        let wide = browse(Rect::new(0, 1, 100, 20), false);
        assert_eq!(wide.text.width, 100 - 30 - 4);
        assert!(wide.list.is_some() && wide.detail.is_some());
    }

    #[test]
    fn browse_text_keeps_to_a_readable_measure_on_a_wide_screen() {
        let wide = browse(Rect::new(0, 1, 200, 56), true);
        assert_eq!(wide.text.width, MAX_READING_WIDTH);
        assert_eq!(wide.list.map(|l| l.width), Some(50));
        let detail = wide.detail.unwrap_or_default();
        assert_eq!(
            (detail.x, detail.right()),
            (50, 200),
            "the box still fills the screen"
        );
        let narrower = browse(Rect::new(0, 1, 120, 36), true);
        assert_eq!(
            narrower.text.width,
            120 - 40 - 4,
            "below the measure, all the box"
        );
    }

    #[test]
    fn the_help_label_keeps_a_column_from_the_tabs() {
        let end = |width| {
            tabs(Rect::new(0, 0, width, 1))
                .last()
                .map(|(_, t)| t.right())
        };
        let at_60 = Rect::new(0, 0, 60, 1);
        assert_eq!(end(60), Some(53));
        assert_eq!(
            tab_help(at_60, 7),
            None,
            "'? help ' would touch the Map tab"
        );
        assert_eq!(tab_help(at_60, 6), Some(Rect::new(54, 0, 6, 1)));
        assert_eq!(
            tab_help(Rect::new(0, 0, 80, 1), 7),
            Some(Rect::new(73, 0, 7, 1))
        );
    }

    #[test]
    fn a_notice_takes_a_line_of_its_own_above_the_hints() {
        let plain = screen(Rect::new(0, 0, 80, 24), false);
        let noticed = screen(Rect::new(0, 0, 80, 24), true);
        assert_eq!(plain.notice, None);
        assert_eq!(noticed.notice, Some(Rect::new(0, 22, 80, 1)));
        assert_eq!(
            (noticed.hints.y, noticed.body.height),
            (23, plain.body.height - 1)
        );
    }

    #[test]
    fn long_help_wraps_within_a_narrow_screen_and_scrolls_by_lines() {
        let rows: Vec<(String, &str)> = vec![
            (
                "Up k".to_owned(),
                "highlight the option above; scroll a long card up",
            ),
            ("1".to_owned(), "answer 1"),
        ];
        let narrow = help(Rect::new(0, 1, 60, 13), &rows);
        assert!(narrow.popup.width <= 60);
        let lines = help_lines(&rows, narrow.text_width);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "highlight the option above; scroll a long card",
                "up",
                "answer 1"
            ]
        );
        assert_eq!(lines[1].keys, None, "keys on a row's first line only");
        assert_eq!(narrow.per_column, 3);
        assert!(
            usize::from(narrow.body.width) >= narrow.key_width + 2 + narrow.text_width,
            "every line fits the body"
        );
        let wide = help(Rect::new(0, 1, 120, 13), &rows);
        assert_eq!(help_lines(&rows, wide.text_width).len(), 2, "no wrapping");
    }

    #[test]
    fn help_that_does_not_fit_scrolls_in_one_column() {
        let rows: Vec<(String, &str)> = (0..30)
            .map(|_| ("Ctrl-X".to_owned(), "does a thing that takes many columns"))
            .collect();
        let narrow = help(Rect::new(0, 1, 60, 13), &rows);
        assert_eq!(narrow.columns, 1);
        assert!(narrow.max_scroll() > 0);
        let roomy = help(Rect::new(0, 1, 160, 40), &rows);
        assert_eq!(roomy.max_scroll(), 0);
    }
}
