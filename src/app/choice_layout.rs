//! Where a question's parts go on a card, worked out once for drawing and for mouse clicks: the
//! rows of a multiple-choice question (wrapped to the card's width) and the columns of each
//! grade on a flip card's grade line. Drawing styles these rows and spans; a click looks up
//! what is under it in the same ones, so the two cannot disagree.

use super::text::wrap;
use crate::quiz::Grade;
use ratatui::layout::{Constraint, Layout, Rect};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// One row of a multiple-choice question as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChoiceRow {
    Prompt(String),
    Subject(String),
    /// Which guide a shared title means.
    Context(String),
    Blank,
    /// A line of option `index` (from 0); the first line is drawn after the option's lead
    /// ([`option_lead`]), the others under the lead's width of spaces.
    Option {
        index: usize,
        first: bool,
        text: String,
    },
}

/// The mark and number before an option: "› 1  ". Every lead is [`OPTION_LEAD`] columns.
pub fn option_lead(mark: char, index: usize) -> String {
    format!("{mark} {}  ", index + 1)
}

/// Columns an option's lead takes (options are numbered 1-9).
pub const OPTION_LEAD: usize = 5;

/// The rows of a multiple-choice question `width` columns wide: the prompt, the subject (and
/// which guide it means), then each option wrapped under its lead.
pub fn choice_rows(
    prompt: &str,
    subject: &str,
    context: Option<&str>,
    options: &[String],
    width: u16,
) -> Vec<ChoiceRow> {
    let width = usize::from(width);
    let mut rows: Vec<ChoiceRow> = wrap(prompt, width)
        .into_iter()
        .map(ChoiceRow::Prompt)
        .collect();
    rows.push(ChoiceRow::Blank);
    rows.extend(wrap(subject, width).into_iter().map(ChoiceRow::Subject));
    if let Some(context) = context {
        rows.extend(wrap(context, width).into_iter().map(ChoiceRow::Context));
    }
    rows.push(ChoiceRow::Blank);
    for (index, option) in options.iter().enumerate() {
        let lines = wrap(option, width.saturating_sub(OPTION_LEAD));
        rows.extend(
            lines
                .into_iter()
                .enumerate()
                .map(|(i, text)| ChoiceRow::Option {
                    index,
                    first: i == 0,
                    text,
                }),
        );
    }
    rows
}

/// The option on row `row` of `rows`, if an option is there.
pub fn option_at(rows: &[ChoiceRow], row: usize) -> Option<usize> {
    match rows.get(row)? {
        ChoiceRow::Option { index, .. } => Some(*index),
        _ => None,
    }
}

/// One grade on the grade line: "1 Again 1m".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradeSpot {
    pub grade: Grade,
    /// The keys that give it (" 1 " is drawn around them).
    pub keys: String,
    /// The interval it would give the card, when known.
    pub interval: Option<String>,
    /// The columns from the line's start that the keys, label and interval take.
    pub columns: Range<u16>,
}

/// Columns between two grades on the line.
pub const GRADE_GAP: &str = "   ";

/// The grade line, "1 Again 1m   2 Hard 6m   3 Good 1d   4 Easy 4d": each grade's keys (from
/// `keys`), its interval and where it is.
pub fn grade_spots(
    keys: impl Fn(Grade) -> String,
    intervals: Option<&[String; 4]>,
) -> Vec<GradeSpot> {
    let mut x = 0usize;
    Grade::ALL
        .into_iter()
        .enumerate()
        .map(|(i, grade)| {
            let keys = keys(grade);
            let interval = intervals.and_then(|all| all.get(i)).cloned();
            let width = format!(" {keys} ").width()
                + grade.label().width()
                + interval.as_ref().map_or(0, |t| format!(" {t}").width());
            let start = x;
            x += width + GRADE_GAP.len();
            GradeSpot {
                grade,
                keys,
                interval,
                columns: column(start)..column(start + width),
            }
        })
        .collect()
}

fn column(x: usize) -> u16 {
    u16::try_from(x).unwrap_or(u16::MAX)
}

/// The grade at column `x` of the grade line, if a grade is there.
pub fn grade_at(spots: &[GradeSpot], x: u16) -> Option<Grade> {
    spots
        .iter()
        .find(|s| s.columns.contains(&x))
        .map(|s| s.grade)
}

/// Rows kept under a flip card's scrolling text: a "more below" line, what to do, and the
/// grades (or, once graded, how to go on).
pub const CARD_FOOTER: u16 = 4;

/// Where a flip card's parts go in the card's text area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlipAreas {
    /// The card's text, which scrolls.
    pub body: Rect,
    /// The "more below" line and what to do.
    pub footer: Rect,
    /// The grade line (or, once graded, how to go on), under the footer's two lines.
    pub grades: Rect,
}

pub fn flip_areas(text: Rect) -> FlipAreas {
    let footer_rows = CARD_FOOTER.min(text.height);
    let [body, footer] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(footer_rows)]).areas(text);
    let [footer, grades, _] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(footer);
    FlipAreas {
        body,
        footer,
        grades,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_of_a_wrapped_option_belongs_to_it() {
        let options = ["one two three four five six".to_owned(), "seven".to_owned()];
        let rows = choice_rows("Which?", "A subject", Some("Guide"), &options, 16);
        let owners: Vec<Option<usize>> = (0..rows.len()).map(|r| option_at(&rows, r)).collect();
        // Prompt, blank, subject, context, blank, option 1 on three lines (11 columns after its
        // lead), option 2.
        assert_eq!(
            owners,
            [
                None,
                None,
                None,
                None,
                None,
                Some(0),
                Some(0),
                Some(0),
                Some(1)
            ]
        );
        assert!(
            matches!(&rows[7], ChoiceRow::Option { first: false, text, .. } if text == "five six")
        );
        assert_eq!(option_lead('›', 0).chars().count(), OPTION_LEAD);
    }

    #[test]
    fn each_grade_spans_its_keys_label_and_interval() {
        let intervals = ["1m", "6m", "1d", "12d"].map(str::to_owned);
        let spots = grade_spots(|g| g.number().to_string(), Some(&intervals));
        // " 1 Again 1m   2 Hard 6m   3 Good 1d   4 Easy 12d"
        let columns: Vec<Range<u16>> = spots.iter().map(|s| s.columns.clone()).collect();
        assert_eq!(columns, [0..11, 14..24, 27..37, 40..51]);
        assert_eq!(grade_at(&spots, 3), Some(Grade::Again));
        assert_eq!(grade_at(&spots, 12), None);
        assert_eq!(grade_at(&spots, 50), Some(Grade::Easy));
        assert_eq!(grade_at(&spots, 51), None);
    }
}
