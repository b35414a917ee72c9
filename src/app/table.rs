//! A table laid out in columns for Browse, when the columns get room enough to read.

use super::detail::LineKind;
use crate::content::Table;

/// Narrower columns than this wrap too much to read: the table is given row by row instead.
const MIN_COLUMN: usize = 16;
const COLUMN_GAP: &str = " │ ";

/// A table laid out in columns `width` wide: the header, then each row with its cells wrapped
/// in their columns, rules between. `None` when the columns would be narrower than
/// [`MIN_COLUMN`]. The first column (the row names) takes what its longest word needs, up to a
/// quarter of the width; the others share the rest.
pub fn grid(table: &Table, width: usize) -> Option<Vec<(LineKind, String)>> {
    use unicode_width::UnicodeWidthStr;
    let columns = table.header.len();
    let gaps = COLUMN_GAP.width() * columns.checked_sub(1)?;
    let room = width.checked_sub(gaps)?;
    let longest_word = std::iter::once(&table.header)
        .chain(&table.rows)
        .filter_map(|row| row.first())
        .flat_map(|cell| cell.split_whitespace())
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap_or(0);
    let first = longest_word.max(MIN_COLUMN).min(room / 4);
    let others = room.checked_sub(first)? / (columns - 1).max(1);
    if first < MIN_COLUMN.min(longest_word) || others < MIN_COLUMN {
        return None;
    }
    let widths: Vec<usize> = std::iter::once(first)
        .chain(std::iter::repeat_n(others, columns - 1))
        .collect();
    let rule = widths
        .iter()
        .map(|w| "─".repeat(*w))
        .collect::<Vec<_>>()
        .join("─┼─");
    let mut lines = Vec::new();
    let row_lines = |kind: LineKind, cells: &[String], lines: &mut Vec<(LineKind, String)>| {
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, w)| {
                textwrap::wrap(cell, *w)
                    .into_iter()
                    .map(|l| l.into_owned())
                    .collect()
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(0);
        for i in 0..height {
            let parts: Vec<String> = wrapped
                .iter()
                .zip(&widths)
                .map(|(cell, w)| {
                    let text = cell.get(i).map_or("", String::as_str);
                    let pad = w.saturating_sub(text.width());
                    format!("{text}{}", " ".repeat(pad))
                })
                .collect();
            lines.push((kind, parts.join(COLUMN_GAP).trim_end().to_owned()));
        }
    };
    row_lines(LineKind::Heading, &table.header, &mut lines);
    for row in &table.rows {
        lines.push((LineKind::Meta, rule.clone()));
        row_lines(LineKind::Body, row, &mut lines);
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::super::detail::detail_lines;
    use crate::content::{Library, TopicRef, parse_guide};

    fn table_topic() -> Library {
        let text = "+++\nid = \"g\"\ntitle = \"G\"\ncriterion = \"C\"\nverb = \"explain\"\nsource = \"S\"\n+++\n\n## Compared {#compared}\n\nTwo kinds side by side.\n\n### Side by side\n\n| Aspect | Working relationship | Personal relationship |\n|---|---|---|\n| How it starts | Through your job, with people you did not choose | By choice |\n";
        match parse_guide("g.md", text.as_bytes()) {
            Ok(guide) => Library {
                guides: vec![guide],
            },
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn a_table_is_in_columns_when_wide_and_row_by_row_when_narrow() {
        let library = table_topic();
        let at = TopicRef { guide: 0, topic: 0 };
        let wide: Vec<String> = detail_lines(&library, at, 80, &[])
            .into_iter()
            .map(|l| l.text)
            .collect();
        let start = wide.iter().position(|l| l == "Side by side").unwrap_or(0);
        assert_eq!(
            wide[start + 1..start + 5],
            [
                "Aspect           │ Working relationship          │ Personal relationship",
                "─────────────────┼───────────────────────────────┼──────────────────────────────",
                "How it starts    │ Through your job, with people │ By choice",
                "                 │ you did not choose            │",
            ]
        );
        assert!(
            wide.iter()
                .all(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) <= 80)
        );
        let narrow: Vec<String> = detail_lines(&library, at, 40, &[])
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert!(narrow.contains(&"• How it starts".to_owned()), "{narrow:?}");
        assert!(
            narrow.contains(&"    Working relationship: Through your".to_owned()),
            "{narrow:?}"
        );
    }
}
