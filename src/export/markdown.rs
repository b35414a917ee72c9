//! The revision sheet: CommonMark that reads well as plain text and prints cleanly rendered.
//! Guide text is plain text, so every character Markdown would read as syntax is escaped: the
//! rendered sheet shows exactly the words of the guides.

use crate::content::{CONTEXT_NOTE, Guide, Library, Section, Table, Topic};
use std::fmt::Write as _;

/// `guides` from `library` (all of them, or one): `### See also` links are named by the titles
/// of the topics they lead to, which may be in other guides.
pub(super) fn render(library: &Library, guides: &[Guide]) -> String {
    let mut out = String::new();
    out.push_str("# carestudy revision sheet\n\n");
    let topics: usize = guides.iter().map(|g| g.topics.len()).sum();
    paragraph(
        &mut out,
        &format!(
            "{}, {}: every topic with its summary, points, examples and the criteria it serves.",
            count(guides.len(), "guide"),
            count(topics, "topic")
        ),
    );
    for guide in guides {
        write_guide(&mut out, library, guide);
    }
    // One newline at the end, however the last block ended.
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

fn write_guide(out: &mut String, library: &Library, guide: &Guide) {
    heading(out, 1, &guide.title);
    paragraph_with_label(
        out,
        "Criterion:",
        &format!("{} (command verb: {})", guide.criterion, guide.verb),
    );
    if !guide.criteria.is_empty() {
        paragraph_with_label(out, "Also serves:", "");
        bullets(out, &guide.criteria);
    }
    if !guide.source.trim().is_empty() {
        paragraph_with_label(out, "Source:", &guide.source);
    }
    if !guide.references.is_empty() {
        paragraph_with_label(out, "References:", "");
        let references: Vec<String> = guide
            .references
            .iter()
            .map(|r| format!("{}: {}", r.title, r.url))
            .collect();
        bullets(out, &references);
    }
    paragraphs(out, &guide.introduction);
    for topic in &guide.topics {
        write_topic(out, library, guide, topic);
    }
}

fn write_topic(out: &mut String, library: &Library, guide: &Guide, topic: &Topic) {
    heading(out, 2, &topic.title);
    if topic.context {
        paragraph(out, CONTEXT_NOTE);
    }
    for section in topic.sections(guide) {
        let name = section.heading().unwrap_or_default();
        match section {
            Section::Summary(summary) => paragraphs(out, summary),
            Section::Question(question) => {
                paragraph_with_label(out, &format!("{name}:"), question);
            }
            Section::List(list) => named_list(out, name, list.items),
            Section::Table(table) => write_table(out, table),
            Section::ModelAnswer(parts) => {
                heading(out, 3, name);
                for part in parts {
                    paragraph(out, part);
                }
            }
            Section::SeeAlso(links) => {
                let related: Vec<String> = links
                    .iter()
                    .filter_map(|link| {
                        let at = library.find_by_id(&link.target)?;
                        let (guide, topic) = (library.guide(at.guide)?, library.topic(at)?);
                        Some(format!("{} ({})", topic.title, guide.title))
                    })
                    .collect();
                if !related.is_empty() {
                    paragraph_with_label(out, &format!("{name}:"), "");
                    bullets(out, &related);
                }
            }
            Section::Criteria(criteria) => {
                let criteria: Vec<String> = criteria
                    .all()
                    .filter(|c| !c.trim().is_empty())
                    .map(str::to_owned)
                    .collect();
                if !criteria.is_empty() {
                    paragraph_with_label(out, &format!("{name}:"), "");
                    bullets(out, &criteria);
                }
            }
            // The source and references are the guide's, given once under its heading; search
            // terms are for finding a topic on screen, not for a printed sheet.
            Section::SearchTerms(_) | Section::Source(_) | Section::References(_) => {}
        }
    }
}

/// A GitHub-flavoured Markdown table (plain pipes to a reader without tables).
fn write_table(out: &mut String, table: &Table) {
    heading(out, 3, &table.name);
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells
            .iter()
            .map(|cell| escape(cell, Place::Inline).replace('|', "\\|"))
            .collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&row(&table.header));
    let _ = writeln!(out, "|{}", "---|".repeat(table.header.len()));
    for cells in &table.rows {
        out.push_str(&row(cells));
    }
    out.push('\n');
}

fn count(n: usize, noun: &str) -> String {
    let plural = if n == 1 { "" } else { "s" };
    format!("{n} {noun}{plural}")
}

fn heading(out: &mut String, level: usize, text: &str) {
    let _ = writeln!(
        out,
        "{} {}\n",
        "#".repeat(level),
        escape(text, Place::Heading)
    );
}

fn named_list(out: &mut String, name: &str, points: &[String]) {
    if points.is_empty() {
        return;
    }
    heading(out, 3, name);
    bullets(out, points);
}

fn bullets(out: &mut String, items: &[String]) {
    for item in items {
        let _ = writeln!(out, "- {}", escape(item, Place::Block));
    }
    out.push('\n');
}

/// Blank-line separated paragraphs, as summaries and introductions hold them.
fn paragraphs(out: &mut String, text: &str) {
    for part in text.split("\n\n") {
        paragraph(out, part);
    }
}

fn paragraph(out: &mut String, text: &str) {
    let text = escape(text, Place::Block);
    if !text.is_empty() {
        let _ = writeln!(out, "{text}\n");
    }
}

/// `**Label** text`: the label is ours, so only the text is escaped.
fn paragraph_with_label(out: &mut String, label: &str, text: &str) {
    let text = escape(text, Place::Inline);
    if text.is_empty() {
        let _ = writeln!(out, "**{label}**\n");
    } else {
        let _ = writeln!(out, "**{label}** {text}\n");
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The start of a paragraph or list item, where `#`, `-`, `1.` and the like open blocks.
    Block,
    /// After a heading's `#`s, where a closing run of `#` would be dropped.
    Heading,
    /// In the middle of a line, after text of ours.
    Inline,
}

/// `text` on one line, escaped so that CommonMark renders exactly its characters: whitespace
/// runs (newlines and tabs included) become one space; emphasis, code, link, HTML and entity
/// syntax is backslash-escaped; so is anything that would open a block at the start.
fn escape(text: &str, place: Place) -> String {
    let words: Vec<&str> = text
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let line = words.join(" ");
    let mut out = String::with_capacity(line.len() + 8);
    let chars: Vec<char> = line.chars().collect();
    let block = place == Place::Block;
    // A marker opens a block only when a space (or the end) follows: `- a`, `1. a`, `---`.
    let spaced = |at: usize| chars.get(at).is_none_or(|c| !c.is_alphanumeric());
    // At the start of a block, `1.` or `1)` opens an ordered list: escape the delimiter.
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let list_delimiter = (block
        && (1..=9).contains(&digits)
        && matches!(chars.get(digits), Some('.' | ')'))
        && spaced(digits + 1))
    .then_some(digits);
    for (i, &c) in chars.iter().enumerate() {
        let escaped = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => true,
            '#' => place == Place::Heading || (block && i == 0),
            '>' | '|' => block && i == 0,
            '-' | '+' => block && i == 0 && spaced(1),
            '&' => starts_entity(&chars[i + 1..]),
            _ => list_delimiter == Some(i),
        };
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether `&` followed by `rest` would be read as an entity or character reference (`&amp;`,
/// `&#38;`, `&#x26;`).
fn starts_entity(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{builtin, hostile, parsed_with_markup};
    use super::*;
    use crate::content::{Library, parse_guide};
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

    /// What a CommonMark reader sees: each heading and list item with its rendered text, and
    /// every paragraph outside lists.
    #[derive(Debug, Default)]
    struct Rendered {
        headings: Vec<(HeadingLevel, String)>,
        items: Vec<String>,
        paragraphs: Vec<String>,
        /// Table cells, header first, row by row.
        cells: Vec<String>,
        html: Vec<String>,
        /// Anything that is not a heading, a paragraph, a bullet list, a table or plain text.
        other: Vec<String>,
    }

    fn read(markdown: &str) -> Rendered {
        let mut rendered = Rendered::default();
        let mut text = String::new();
        let mut list_depth = 0;
        for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::Table(_) | Tag::TableHead | Tag::TableRow)
                | Event::End(TagEnd::Table | TagEnd::TableHead | TagEnd::TableRow) => {}
                Event::Start(Tag::TableCell) => text.clear(),
                Event::End(TagEnd::TableCell) => rendered.cells.push(std::mem::take(&mut text)),
                Event::Start(Tag::Heading { .. } | Tag::Item | Tag::Paragraph) => {
                    if list_depth == 0 || matches!(event, Event::Start(Tag::Item)) {
                        text.clear();
                    }
                }
                Event::End(TagEnd::Heading(level)) => {
                    rendered.headings.push((level, std::mem::take(&mut text)));
                }
                Event::End(TagEnd::Item) => rendered.items.push(std::mem::take(&mut text)),
                Event::End(TagEnd::Paragraph) if list_depth == 0 => {
                    rendered.paragraphs.push(std::mem::take(&mut text));
                }
                Event::End(TagEnd::Paragraph) => {}
                Event::Start(Tag::List(None)) => list_depth += 1,
                Event::End(TagEnd::List(false)) => list_depth -= 1,
                Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => {}
                Event::Text(t) => text.push_str(&t),
                Event::Html(h) | Event::InlineHtml(h) => rendered.html.push(h.to_string()),
                other => rendered.other.push(format!("{other:?}")),
            }
        }
        rendered
    }

    fn titles(rendered: &Rendered, level: HeadingLevel) -> Vec<&str> {
        rendered
            .headings
            .iter()
            .filter(|(l, _)| *l == level)
            .map(|(_, t)| t.as_str())
            .collect()
    }

    /// The sheet renders as exactly the guides' text: every title as a heading of its level,
    /// every point as a bullet, nothing read as HTML, emphasis, code, links or other blocks.
    fn assert_renders_exactly(library: &Library) {
        let sheet = render(library, &library.guides);
        let rendered = read(&sheet);
        assert!(rendered.html.is_empty(), "{:?}\n{sheet}", rendered.html);
        assert!(rendered.other.is_empty(), "{:?}\n{sheet}", rendered.other);
        let one_line = |t: &str| {
            t.split(|c: char| c.is_ascii_whitespace())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let guide_titles: Vec<String> = library.guides.iter().map(|g| one_line(&g.title)).collect();
        let mut expected_h1 = vec!["carestudy revision sheet".to_owned()];
        expected_h1.extend(guide_titles);
        assert_eq!(titles(&rendered, HeadingLevel::H1), expected_h1, "{sheet}");
        let topic_titles: Vec<String> = library
            .guides
            .iter()
            .flat_map(|g| &g.topics)
            .map(|t| one_line(&t.title))
            .collect();
        assert_eq!(titles(&rendered, HeadingLevel::H2), topic_titles, "{sheet}");
        for guide in &library.guides {
            for topic in &guide.topics {
                let points = topic
                    .key_features
                    .iter()
                    .chain(&topic.examples)
                    .chain(topic.lists.iter().flat_map(|l| &l.points))
                    .chain(&topic.criteria);
                for point in points {
                    let point = one_line(point);
                    assert!(
                        rendered.items.contains(&point),
                        "{point:?} is not a bullet of its own in\n{sheet}"
                    );
                }
                let paragraphs = topic
                    .summary
                    .split("\n\n")
                    .chain(topic.model_answer.iter().map(String::as_str));
                for paragraph in paragraphs {
                    let paragraph = one_line(paragraph);
                    assert!(
                        rendered.paragraphs.contains(&paragraph),
                        "{paragraph:?} is not a paragraph in\n{sheet}"
                    );
                }
                for table in &topic.tables {
                    for cell in table.header.iter().chain(table.rows.iter().flatten()) {
                        let cell = one_line(cell);
                        assert!(
                            rendered.cells.contains(&cell),
                            "{cell:?} is not a table cell in\n{sheet}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_builtin_sheet_renders_every_guide_and_topic_exactly() {
        assert_renders_exactly(&builtin());
    }

    #[test]
    fn markup_in_guide_text_stays_text() {
        let library = parsed_with_markup();
        assert_renders_exactly(&library);
        let sheet = render(&library, &library.guides);
        assert!(sheet.contains("\n## Bold \\<b>& topic\n"), "{sheet}");
        assert!(sheet.contains("\n- A tip with \\&amp; already escaped\n"));
    }

    #[test]
    fn text_that_looks_like_markdown_blocks_stays_text() {
        assert_renders_exactly(&hostile());
    }

    #[test]
    fn a_topic_has_its_lists_and_every_criterion() {
        let library = builtin();
        let sheet = render(&library, &library.guides);
        let guide = &library.guides[0];
        let topic = &guide.topics[0];
        let start = sheet
            .find(&format!("\n## {}\n", topic.title))
            .unwrap_or_else(|| panic!("no heading for {}", topic.title));
        let section = &sheet[start..];
        let section = &section[..section[1..].find("\n## ").map_or(section.len(), |i| i + 1)];
        assert!(section.contains("\n### Key features\n\n- "), "{section}");
        assert!(section.contains("\n### Examples\n\n- "), "{section}");
        assert!(section.contains("\n**Criteria:**\n\n"), "{section}");
        assert!(
            section.contains(&format!("- {}\n", guide.criterion)),
            "{section}"
        );
        for criterion in &guide.criteria {
            assert!(section.contains(&format!("- {criterion}\n")), "{section}");
        }
        assert!(sheet.contains(&format!("**Source:** {}", guide.source)));
    }

    #[test]
    fn the_sheet_ends_with_one_newline_and_has_no_trailing_spaces() {
        let library = builtin();
        let sheet = render(&library, &library.guides);
        assert!(sheet.ends_with('\n') && !sheet.ends_with("\n\n"));
        assert!(sheet.lines().all(|l| l == l.trim_end()));
        assert!(!sheet.contains("\n\n\n"));
    }

    /// Two guides: the second's topic has an assessment question, a table (with a pipe in a
    /// cell), a model answer and a link into the first guide.
    fn with_extras() -> Library {
        let head = |id: &str| {
            format!(
                "+++\nid = \"{id}\"\ntitle = \"Guide {id}\"\ncriterion = \"C\"\nverb = \"describe\"\nsource = \"S\"\n+++\n\n"
            )
        };
        let first = format!("{}## Target topic {{#target}}\n\nS.\n", head("a"));
        let second = format!(
            "{}## Extras {{#extras}}\n\nS.\n\n### Assessment question\n\nDescribe *it*.\n\n\
             ### Side by side\n\n| Aspect | Work | Home |\n|---|---|---|\n| Pay | Paid \\| salaried | None |\n\n\
             ### Model answer\n\nOne.\n\nTwo.\n\n### See also\n\n- a/target\n",
            head("b")
        );
        let guides = [("a.md", first), ("b.md", second)]
            .iter()
            .map(|(path, text)| match parse_guide(path, text.as_bytes()) {
                Ok(guide) => guide,
                Err(e) => panic!("{e:?}"),
            })
            .collect();
        Library { guides }
    }

    #[test]
    fn questions_tables_model_answers_and_links_are_on_the_sheet() {
        let library = with_extras();
        let sheet = render(&library, &library.guides[1..]);
        assert!(
            sheet.contains("\n**Assessment question:** Describe it.\n"),
            "{sheet}"
        );
        assert!(
            sheet.contains("\n### Model answer\n\nOne.\n\nTwo.\n"),
            "{sheet}"
        );
        assert!(
            sheet.contains("\n**See also:**\n\n- Target topic (Guide a)\n"),
            "{sheet}"
        );
        // Read back as a table, the cells are the guide's cells.
        let mut cells = Vec::new();
        let mut cell = None::<String>;
        for event in Parser::new_ext(&sheet, pulldown_cmark::Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::TableCell) => cell = Some(String::new()),
                Event::Text(t) => {
                    if let Some(c) = cell.as_mut() {
                        c.push_str(&t);
                    }
                }
                Event::End(TagEnd::TableCell) => cells.extend(cell.take()),
                _ => {}
            }
        }
        assert_eq!(
            cells,
            ["Aspect", "Work", "Home", "Pay", "Paid | salaried", "None"],
            "{sheet}"
        );
    }

    #[test]
    fn escaping() {
        assert_eq!(escape("1. one", Place::Block), "1\\. one");
        assert_eq!(escape("2024) year", Place::Block), "2024\\) year");
        assert_eq!(escape("1. one", Place::Heading), "1. one");
        assert_eq!(escape("- a", Place::Block), "\\- a");
        assert_eq!(escape("a - b", Place::Block), "a - b");
        assert_eq!(escape("4.2 Describe", Place::Block), "4.2 Describe");
        assert_eq!(escape("-5 degrees", Place::Block), "-5 degrees");
        assert_eq!(escape("---", Place::Block), "\\---");
        assert_eq!(escape("1.", Place::Block), "1\\.");
        assert_eq!(escape("C# and F#", Place::Heading), "C\\# and F\\#");
        assert_eq!(escape("care & support", Place::Block), "care & support");
        assert_eq!(escape("&amp; &#38;", Place::Block), "\\&amp; \\&#38;");
        assert_eq!(escape(" two\n lines\t", Place::Block), "two lines");
        assert_eq!(escape("", Place::Block), "");
    }
}
