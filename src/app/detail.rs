//! A topic laid out as wrapped lines for a given width. `update` uses it to know how far the
//! text can scroll and where a search match sits; the drawing code styles the same lines.

use crate::content::{CONTEXT_NOTE, Library, Section, Table, TopicRef};
use crate::progress::Progress;
use crate::quiz::written_card_id;
use crate::search::Field;
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Meta,
    Body,
    Heading,
    Bullet,
    Blank,
}

/// Which item of a topic a line shows, so a search hit can point at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub field: Field,
    pub item: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailLine {
    pub kind: LineKind,
    pub text: String,
    pub anchor: Option<Anchor>,
}

const BULLET: &str = "• ";

/// `answers` are the learner's saved written answers for the topic (date, text), oldest first.
pub fn detail_lines(
    library: &Library,
    at: TopicRef,
    width: u16,
    answers: &[(DateTime<Utc>, &str)],
) -> Vec<DetailLine> {
    let width = usize::from(width.max(8));
    let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) else {
        return Vec::new();
    };
    let mut doc = Doc {
        lines: Vec::new(),
        width,
    };
    doc.wrapped(LineKind::Title, &topic.title, anchor(Field::Title, 0));
    doc.wrapped(LineKind::Meta, &guide.title, None);
    if topic.context {
        doc.wrapped(LineKind::Meta, CONTEXT_NOTE, None);
    }
    doc.blank();
    for section in topic.sections(guide) {
        doc.section(library, &section);
    }
    if !answers.is_empty() {
        doc.blank();
        doc.heading("Your written answers");
        for (when, answer) in answers.iter().rev() {
            doc.wrapped(LineKind::Meta, &when.format("%-d %B %Y").to_string(), None);
            for paragraph in answer.lines() {
                doc.wrapped(LineKind::Body, paragraph, None);
            }
            doc.blank();
        }
    }
    doc.lines
}

/// Every written answer saved for a topic (when, the text), oldest first.
pub fn written_answers<'a>(
    library: &Library,
    progress: &'a Progress,
    at: TopicRef,
) -> Vec<(DateTime<Utc>, &'a str)> {
    let Some(topic) = library.stable_id(at) else {
        return Vec::new();
    };
    let Some(card) = progress.cards.get(&written_card_id(&topic)) else {
        return Vec::new();
    };
    card.reviews
        .iter()
        .filter_map(|r| Some((r.at, r.answer.as_deref()?)))
        .collect()
}

fn anchor(field: Field, item: usize) -> Option<Anchor> {
    Some(Anchor { field, item })
}

struct Doc {
    lines: Vec<DetailLine>,
    width: usize,
}

impl Doc {
    fn blank(&mut self) {
        self.lines.push(DetailLine {
            kind: LineKind::Blank,
            text: String::new(),
            anchor: None,
        });
    }

    fn wrapped(&mut self, kind: LineKind, text: &str, anchor: Option<Anchor>) {
        for line in textwrap::wrap(text, self.width) {
            self.lines.push(DetailLine {
                kind,
                text: line.into_owned(),
                anchor: anchor.clone(),
            });
        }
    }

    /// One bulleted item with a hanging indent and no search anchor.
    fn heading(&mut self, text: &str) {
        self.lines.push(DetailLine {
            kind: LineKind::Heading,
            text: text.to_owned(),
            anchor: None,
        });
    }

    /// One part of the topic: its heading, then its text, then a blank line.
    fn section(&mut self, library: &Library, section: &Section) {
        let heading = section.heading().unwrap_or_default();
        match section {
            Section::Summary(text) => {
                for paragraph in text.split("\n\n") {
                    self.wrapped(LineKind::Body, paragraph, anchor(Field::Summary, 0));
                    self.blank();
                }
            }
            Section::Question(text) => {
                self.heading(heading);
                self.wrapped(LineKind::Body, text, None);
                self.blank();
            }
            Section::List(list) => {
                let field = Field::of_list(list);
                self.list(heading, list.items, |i| anchor(field.clone(), i));
            }
            Section::Table(table) => {
                self.heading(heading);
                self.table(table);
                self.blank();
            }
            Section::ModelAnswer(paragraphs) => {
                self.heading(heading);
                for paragraph in *paragraphs {
                    self.wrapped(LineKind::Body, paragraph, None);
                    self.blank();
                }
            }
            Section::SeeAlso(links) => {
                // By title: the links were checked when the guides loaded.
                let titles: Vec<&str> = links
                    .iter()
                    .filter_map(|link| library.find_by_id(&link.target))
                    .filter_map(|at| Some(library.topic(at)?.title.as_str()))
                    .collect();
                self.heading(heading);
                self.wrapped(LineKind::Meta, &titles.join(" · "), None);
                self.blank();
            }
            Section::SearchTerms(terms) => {
                self.heading(heading);
                let terms = terms.join(" · ");
                self.wrapped(LineKind::Meta, &terms, anchor(Field::SearchTerm, 0));
                self.blank();
            }
            Section::Criteria(criteria) => {
                // Only the topic's own criteria are searched, so only they can be a match.
                let all: Vec<String> = criteria.all().map(str::to_owned).collect();
                let inherited = criteria.inherited();
                self.list(heading, &all, |i| {
                    i.checked_sub(inherited)
                        .and_then(|own| anchor(Field::Criterion, own))
                });
            }
            Section::Source(source) => {
                self.heading(heading);
                self.wrapped(LineKind::Meta, source, None);
            }
            Section::References(references) => {
                self.blank();
                self.heading(heading);
                for reference in *references {
                    let text = format!("{}: {}", reference.title, reference.url);
                    self.hanging(LineKind::Meta, &text, BULLET, None);
                }
            }
        }
    }

    /// A table's columns side by side when they fit; too narrow for that, row by row, each
    /// other cell under its column's name.
    fn table(&mut self, table: &Table) {
        if let Some(grid) = grid(table, self.width) {
            for (kind, text) in grid {
                self.lines.push(DetailLine {
                    kind,
                    text,
                    anchor: None,
                });
            }
            return;
        }
        for row in &table.rows {
            let mut cells = row.iter().zip(&table.header);
            if let Some((first, _)) = cells.next() {
                self.hanging(LineKind::Bullet, first, BULLET, None);
            }
            for (cell, column) in cells {
                let text = format!("{column}: {cell}");
                self.hanging(LineKind::Body, &text, "    ", None);
            }
        }
    }

    fn list(&mut self, name: &str, items: &[String], anchor_of: impl Fn(usize) -> Option<Anchor>) {
        if items.is_empty() {
            return;
        }
        self.heading(name);
        for (i, item) in items.iter().enumerate() {
            self.hanging(LineKind::Bullet, item, BULLET, anchor_of(i));
        }
        self.blank();
    }

    /// `text` wrapped after `lead`, its later lines indented to match.
    fn hanging(&mut self, kind: LineKind, text: &str, lead: &str, anchor: Option<Anchor>) {
        let indent = " ".repeat(unicode_width::UnicodeWidthStr::width(lead));
        let options = textwrap::Options::new(self.width)
            .initial_indent(lead)
            .subsequent_indent(&indent);
        for line in textwrap::wrap(text, &options) {
            self.lines.push(DetailLine {
                kind,
                text: line.into_owned(),
                anchor: anchor.clone(),
            });
        }
    }
}

/// Narrower columns than this wrap too much to read: the table is given row by row instead.
const MIN_COLUMN: usize = 16;
const COLUMN_GAP: &str = " │ ";

/// A table laid out in columns `width` wide: the header, then each row with its cells wrapped
/// in their columns, rules between. `None` when the columns would be narrower than
/// [`MIN_COLUMN`]. The first column (the row names) takes what its longest word needs, up to a
/// quarter of the width; the others share the rest.
fn grid(table: &Table, width: usize) -> Option<Vec<(LineKind, String)>> {
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
    use super::*;
    use crate::content::parse_guide;

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

    #[test]
    fn search_terms_are_one_line_that_a_search_hit_can_point_at() {
        let text = "+++\nid = \"g\"\ntitle = \"G\"\ncriterion = \"C\"\nverb = \"explain\"\nsource = \"S\"\n+++\n\n## Colleagues {#colleagues}\n\nPeople you work beside.\n\n### Key features\n\n- They share information.\n\n### Search terms\n\n- handover\n- multidisciplinary team\n";
        let library = match parse_guide("g.md", text.as_bytes()) {
            Ok(guide) => Library {
                guides: vec![guide],
            },
            Err(e) => panic!("{e:?}"),
        };
        let lines = detail_lines(&library, TopicRef { guide: 0, topic: 0 }, 60, &[]);
        let at = lines
            .iter()
            .position(|l| l.kind == LineKind::Heading && l.text == "Search terms")
            .unwrap_or_else(|| panic!("{lines:?}"));
        let terms = &lines[at + 1];
        assert_eq!(terms.text, "handover · multidisciplinary team");
        assert_eq!(terms.anchor, anchor(Field::SearchTerm, 0));
        assert!(
            lines
                .iter()
                .all(|l| l.kind != LineKind::Bullet || !l.text.contains("handover"))
        );
    }

    #[test]
    fn a_criterion_hit_points_at_the_topics_own_criterion_only() {
        let text = "+++\nid = \"g\"\ntitle = \"G\"\ncriterion = \"4.2 Describe\"\nverb = \"describe\"\nsource = \"S\"\ncriteria = [\"CC 1.4\"]\n+++\n\n## Colleagues {#colleagues}\n\nPeople you work beside.\n\n### Key features\n\n- Formal.\n\n### Criteria\n\n- 1.1 Own\n";
        let library = match parse_guide("g.md", text.as_bytes()) {
            Ok(guide) => Library {
                guides: vec![guide],
            },
            Err(e) => panic!("{e:?}"),
        };
        let lines = detail_lines(&library, TopicRef { guide: 0, topic: 0 }, 60, &[]);
        let lit: Vec<&str> = lines
            .iter()
            .filter(|l| l.anchor == anchor(Field::Criterion, 0))
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(lit, ["• 1.1 Own"], "the guide's criteria are not the match");
    }
}
