//! The revision sheet: CommonMark that reads well as plain text and prints cleanly rendered.
//! Guide text is plain text, so every character Markdown would read as syntax is escaped: the
//! rendered sheet shows exactly the words of the guides.

use super::Selection;
use crate::content::{CONTEXT_NOTE, Guide, Library, Section, Table, Texts, Topic};
use std::collections::HashMap;
use std::fmt::Write as _;

/// The sheet for `selection`: the whole library (a title, a table of contents, then each
/// guide with its topics), one guide, or one topic as a handout. Each guide's criteria, source
/// and references are given once, under its title; a topic lists only the criteria it serves
/// beyond its guide's. `### See also` links are named by the titles of the topics they lead
/// to, which may be in other guides.
pub(super) fn render(library: &Library, selection: Selection) -> String {
    let mut sheet = Sheet::default();
    match selection {
        Selection::All => {
            sheet.heading(1, "carestudy revision sheet");
            let guides = &library.guides;
            let topics: usize = guides.iter().map(|g| g.topics.len()).sum();
            sheet.paragraph(&format!(
                "{}, {}: every topic with its summary, points and examples, and the criteria each \
                 guide serves.",
                count(guides.len(), "guide"),
                count(topics, "topic")
            ));
            // Guides at level 2, their topics at level 3.
            sheet.contents(&[2, 3], |sheet| {
                for guide in guides {
                    sheet.heading(2, &guide.title);
                    write_guide(sheet, library, guide, 3);
                }
            });
        }
        Selection::Guide(index) => {
            let Some(guide) = library.guide(index) else {
                return sheet.finish();
            };
            sheet.heading(1, &guide.title);
            sheet.paragraph(&format!(
                "A carestudy revision sheet: {} with its summary, points and examples.",
                match guide.topics.len() {
                    1 => "one topic".to_owned(),
                    n => format!("{n} topics, each"),
                }
            ));
            sheet.contents(&[2], |sheet| write_guide(sheet, library, guide, 2));
        }
        Selection::Topic(at) => {
            let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) else {
                return sheet.finish();
            };
            sheet.heading(1, &topic.title);
            sheet.label("From the guide:", &guide.title);
            write_criteria(&mut sheet, guide, &topic.criteria);
            write_topic_body(&mut sheet, library, guide, topic, 2, false);
            // A handout's sources come last, after what it teaches.
            if !guide.source.trim().is_empty() || !guide.references.is_empty() {
                sheet.heading(2, "Sources");
                write_sources(&mut sheet, guide);
            }
        }
    }
    sheet.finish()
}

/// A guide's criteria, source, references and introduction, then its topics with their titles
/// at heading `level`.
fn write_guide(sheet: &mut Sheet, library: &Library, guide: &Guide, level: usize) {
    write_criteria(sheet, guide, &Texts::default());
    write_sources(sheet, guide);
    sheet.paragraphs(&guide.introduction);
    for topic in &guide.topics {
        sheet.heading(level, &topic.title);
        write_topic_body(sheet, library, guide, topic, level + 1, true);
    }
}

/// What a guide serves, with `more` criteria (a topic's own) after the guide's.
fn write_criteria(sheet: &mut Sheet, guide: &Guide, more: &Texts) {
    sheet.label(
        "Criterion:",
        &format!("{} (command verb: {})", guide.criterion, guide.verb),
    );
    let also: Vec<&str> = guide.criteria.iter().chain(more).collect();
    if !also.is_empty() {
        sheet.label("Also serves:", "");
        sheet.bullets(&also);
    }
}

/// Where a guide's facts come from.
fn write_sources(sheet: &mut Sheet, guide: &Guide) {
    if !guide.source.trim().is_empty() {
        sheet.label("Source:", &guide.source);
    }
    if !guide.references.is_empty() {
        sheet.label("References:", "");
        let references: Vec<String> = guide
            .references
            .iter()
            .map(|r| format!("{}: {}", r.title, r.url))
            .collect();
        sheet.bullets(&references);
    }
}

/// A topic's parts, in the order every view shows them, each named by a heading at `level`
/// where it has one. `own_criteria`: list the criteria the topic serves beyond its guide's
/// (the guide's are given once, with the guide).
fn write_topic_body(
    sheet: &mut Sheet,
    library: &Library,
    guide: &Guide,
    topic: &Topic,
    level: usize,
    own_criteria: bool,
) {
    if topic.context {
        sheet.paragraph(CONTEXT_NOTE);
    }
    for section in topic.sections(guide) {
        let name = section.heading().unwrap_or_default();
        match section {
            Section::Summary(summary) => sheet.paragraphs(summary),
            Section::Question(question) => sheet.label(&format!("{name}:"), question),
            Section::List(list) => {
                if !list.items.is_empty() {
                    sheet.heading(level, name);
                    sheet.bullets(list.items);
                }
            }
            Section::Table(table) => write_table(sheet, table, level),
            Section::ModelAnswer(parts) => {
                sheet.heading(level, name);
                for part in parts {
                    sheet.paragraph(part);
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
                    sheet.label(&format!("{name}:"), "");
                    sheet.bullets(&related);
                }
            }
            Section::Criteria(criteria) => {
                let own: Vec<&str> = criteria
                    .own
                    .iter()
                    .filter(|c| !c.trim().is_empty())
                    .collect();
                if own_criteria && !own.is_empty() {
                    sheet.label("Also serves:", "");
                    sheet.bullets(&own);
                }
            }
            // The source and references are the guide's, given once with it; search terms
            // are for finding a topic on screen, not for a printed sheet.
            Section::SearchTerms(_) | Section::Source(_) | Section::References(_) => {}
        }
    }
}

/// The sheet being written, with the anchors of its headings (as GitHub, GitLab and most
/// Markdown previewers make them) for the table of contents.
#[derive(Default)]
struct Sheet {
    out: String,
    /// How many headings have had each anchor so far (the second `key-features` is
    /// `key-features-1`).
    anchors: HashMap<String, usize>,
    /// The table of contents being gathered: (depth, title, anchor).
    toc: Vec<(usize, String, String)>,
    /// The heading levels the table of contents lists, outermost first.
    toc_levels: Vec<usize>,
}

impl Sheet {
    fn heading(&mut self, level: usize, text: &str) {
        let line = one_line(text);
        let _ = writeln!(
            self.out,
            "{} {}\n",
            "#".repeat(level),
            escape(&line, Place::Heading)
        );
        let base = anchor(&line);
        let seen = self.anchors.entry(base.clone()).or_insert(0);
        let anchor = match *seen {
            0 => base,
            n => format!("{base}-{n}"),
        };
        *seen += 1;
        if let Some(depth) = self.toc_levels.iter().position(|&l| l == level) {
            self.toc.push((depth, line, anchor));
        }
    }

    /// Writes a "Contents" heading, then what `body` writes, then puts the list of the
    /// headings `body` wrote at `levels` under "Contents", nested in that order.
    fn contents(&mut self, levels: &[usize], body: impl FnOnce(&mut Self)) {
        self.heading(2, "Contents");
        let at = self.out.len();
        self.toc_levels = levels.to_vec();
        body(self);
        self.toc_levels.clear();
        let mut list = String::new();
        for (depth, title, anchor) in std::mem::take(&mut self.toc) {
            let _ = writeln!(
                list,
                "{}- [{}](#{anchor})",
                "  ".repeat(depth),
                escape(&title, Place::Inline)
            );
        }
        list.push('\n');
        self.out.insert_str(at, &list);
    }

    fn bullets<S: AsRef<str>>(&mut self, items: impl IntoIterator<Item = S>) {
        for item in items {
            let _ = writeln!(self.out, "- {}", escape(item.as_ref(), Place::Block));
        }
        self.out.push('\n');
    }

    /// Blank-line separated paragraphs, as summaries and introductions hold them.
    fn paragraphs(&mut self, text: &str) {
        for part in text.split("\n\n") {
            self.paragraph(part);
        }
    }

    fn paragraph(&mut self, text: &str) {
        let text = escape(text, Place::Block);
        if !text.is_empty() {
            let _ = writeln!(self.out, "{text}\n");
        }
    }

    /// `**Label** text`: the label is ours, so only the text is escaped.
    fn label(&mut self, label: &str, text: &str) {
        let text = escape(text, Place::Inline);
        if text.is_empty() {
            let _ = writeln!(self.out, "**{label}**\n");
        } else {
            let _ = writeln!(self.out, "**{label}** {text}\n");
        }
    }

    /// The sheet, ending in one newline however the last block ended.
    fn finish(mut self) -> String {
        let end = self.out.trim_end().len();
        self.out.truncate(end);
        self.out.push('\n');
        self.out
    }
}

/// A heading's anchor as GitHub makes it: lower case, spaces as hyphens, and every character
/// but letters, digits, `-` and `_` left out.
fn anchor(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// Text with its whitespace runs (newlines and tabs included) as single spaces.
fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A GitHub-flavoured Markdown table (plain pipes to a reader without tables).
fn write_table(sheet: &mut Sheet, table: &Table, level: usize) {
    sheet.heading(level, &table.name);
    let out = &mut sheet.out;
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
    use std::collections::HashMap;

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
                Event::Start(Tag::Strong | Tag::Link { .. })
                | Event::End(TagEnd::Strong | TagEnd::Link) => {}
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

    /// The links of the table of contents, in order: (depth, text, target).
    fn contents_links(sheet: &str) -> Vec<(usize, String, String)> {
        let heading = "## Contents\n\n";
        let start = sheet.find(heading).map_or(0, |i| i + heading.len());
        sheet[start..]
            .lines()
            .take_while(|line| !line.is_empty())
            .filter_map(|line| {
                let depth = (line.len() - line.trim_start().len()) / 2;
                let rest = line.trim_start().strip_prefix("- [")?;
                let (text, target) = rest.rsplit_once("](#")?;
                Some((depth, text.to_owned(), target.strip_suffix(')')?.to_owned()))
            })
            .collect()
    }

    /// Every heading's anchor, made as GitHub makes them (written out again here, from its
    /// documented rule, rather than calling the code under test).
    fn heading_anchors(rendered: &Rendered) -> Vec<String> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        rendered
            .headings
            .iter()
            .map(|(_, text)| {
                let base: String = text
                    .to_lowercase()
                    .chars()
                    .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
                    .map(|c| if c == ' ' { '-' } else { c })
                    .collect();
                let n = seen.entry(base.clone()).or_insert(0);
                let anchor = if *n == 0 { base } else { format!("{base}-{n}") };
                *n += 1;
                anchor
            })
            .collect()
    }

    /// The sheet renders as exactly the guides' text: one title, a table of contents whose
    /// every link leads to its guide or topic, every guide and topic title as a heading of its
    /// level, every point as a bullet; nothing read as HTML, emphasis, code or other blocks.
    fn assert_renders_exactly(library: &Library) {
        let sheet = render(library, Selection::All);
        let rendered = read(&sheet);
        assert!(rendered.html.is_empty(), "{:?}\n{sheet}", rendered.html);
        assert!(rendered.other.is_empty(), "{:?}\n{sheet}", rendered.other);
        assert_eq!(
            titles(&rendered, HeadingLevel::H1),
            ["carestudy revision sheet"],
            "{sheet}"
        );
        let guide_titles: Vec<String> = library.guides.iter().map(|g| one_line(&g.title)).collect();
        let mut expected_h2 = vec!["Contents".to_owned()];
        expected_h2.extend(guide_titles.iter().cloned());
        assert_eq!(titles(&rendered, HeadingLevel::H2), expected_h2, "{sheet}");
        let topic_titles: Vec<String> = library
            .guides
            .iter()
            .flat_map(|g| &g.topics)
            .map(|t| one_line(&t.title))
            .collect();
        assert_eq!(titles(&rendered, HeadingLevel::H3), topic_titles, "{sheet}");
        // The contents: each guide, then its topics one level in, each linked to its heading.
        let links = contents_links(&sheet);
        let anchors = heading_anchors(&rendered);
        let mut expected = Vec::new();
        for guide in &library.guides {
            expected.push((0, one_line(&guide.title)));
            expected.extend(guide.topics.iter().map(|t| (1, one_line(&t.title))));
        }
        let listed: Vec<(usize, String)> = links
            .iter()
            .map(|(depth, text, _)| (*depth, read(text).paragraphs.concat()))
            .collect();
        assert_eq!(listed, expected, "{sheet}");
        for (_, text, target) in &links {
            let at = anchors.iter().position(|a| a == target);
            let heading = at.map(|i| rendered.headings[i].1.clone());
            assert_eq!(
                heading.as_deref(),
                Some(read(text).paragraphs.concat().as_str()),
                "the link to #{target} leads elsewhere"
            );
        }
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
                let paragraphs = topic.summary.split("\n\n").chain(&topic.model_answer);
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
        let sheet = render(&library, Selection::All);
        assert!(sheet.contains("\n### Bold \\<b>& topic\n"), "{sheet}");
        assert!(sheet.contains("\n- A tip with \\&amp; already escaped\n"));
    }

    #[test]
    fn text_that_looks_like_markdown_blocks_stays_text() {
        assert_renders_exactly(&hostile());
    }

    /// A guide's criteria are given once, under its title; a topic lists its lists, and only
    /// the criteria it serves beyond its guide's (#15.7).
    #[test]
    fn criteria_are_given_once_per_guide() {
        let library = builtin();
        let sheet = render(&library, Selection::All);
        for guide in &library.guides {
            let criterion = format!("**Criterion:** {}", escape(&guide.criterion, Place::Inline));
            assert_eq!(sheet.matches(&criterion).count(), 1, "{criterion}");
            for also in &guide.criteria {
                // Once for each guide (and topic) that serves it.
                let serving = library
                    .guides
                    .iter()
                    .filter(|g| g.criteria.contains(also))
                    .count()
                    + library
                        .guides
                        .iter()
                        .flat_map(|g| &g.topics)
                        .filter(|t| t.criteria.contains(also))
                        .count();
                let bullet = format!("\n- {}\n", escape(also, Place::Block));
                assert_eq!(sheet.matches(&bullet).count(), serving, "{bullet}");
            }
        }
        let guide = &library.guides[0];
        let topic = &guide.topics[0];
        let start = sheet
            .find(&format!("\n### {}\n", topic.title))
            .unwrap_or_else(|| panic!("no heading for {}", topic.title));
        let section = &sheet[start..];
        let section = &section[..section[1..].find("\n### ").map_or(section.len(), |i| i + 1)];
        assert!(section.contains("\n#### Key features\n\n- "), "{section}");
        assert!(section.contains("\n#### Examples\n\n- "), "{section}");
        assert!(!section.contains("Criterion"), "{section}");
        assert!(sheet.contains(&format!("**Source:** {}", guide.source)));
        // Before, the criteria under every topic made the sheet half as long again.
        let lines = sheet.lines().count();
        let topics = library.topic_count();
        assert!(lines < topics * 25, "{lines} lines for {topics} topics");
    }

    /// A guide's references are listed once, under its title before its first topic, never
    /// under each topic (the new guides list 30-40 of them), in the whole sheet and in a
    /// guide's own.
    #[test]
    fn references_are_given_once_per_guide() {
        let library = builtin();
        let guides = &library.guides;
        assert!(
            guides.iter().filter(|g| g.references.len() >= 2).count() >= 3,
            "the test needs guides with references"
        );
        let heading = |level: usize, text: &str| {
            format!(
                "{} {}\n",
                "#".repeat(level),
                escape(&one_line(text), Place::Heading)
            )
        };
        let whole = render(&library, Selection::All);
        for (g, guide) in guides.iter().enumerate() {
            let own = render(&library, Selection::Guide(g));
            for (sheet, level) in [(&whole, 2), (&own, 1)] {
                let start = sheet
                    .find(&heading(level, &guide.title))
                    .unwrap_or_else(|| panic!("no heading for {}", guide.title));
                let end = guide.topics.first().map_or(sheet.len(), |t| {
                    start
                        + sheet[start..]
                            .find(&heading(level + 1, &t.title))
                            .unwrap_or(0)
                });
                for reference in &guide.references {
                    let line = format!("{}: {}", reference.title, reference.url);
                    let bullet = format!("\n- {}\n", escape(&line, Place::Block));
                    let listing = guides
                        .iter()
                        .filter(|o| o.references.contains(reference))
                        .count();
                    // A reference two guides list is under each of them.
                    let expected = if level == 1 { 1 } else { listing };
                    assert_eq!(sheet.matches(&bullet).count(), expected, "{line}");
                    assert!(
                        sheet[start..end].contains(&bullet),
                        "{line} is not under the title of {}",
                        guide.title
                    );
                }
            }
        }
    }

    #[test]
    fn one_guide_is_a_sheet_of_its_own_with_its_contents() {
        let library = builtin();
        let guide = &library.guides[1];
        let sheet = render(&library, Selection::Guide(1));
        let rendered = read(&sheet);
        assert_eq!(
            titles(&rendered, HeadingLevel::H1),
            [one_line(&guide.title)]
        );
        let topics: Vec<String> = guide.topics.iter().map(|t| one_line(&t.title)).collect();
        let mut expected_h2 = vec!["Contents".to_owned()];
        expected_h2.extend(topics.iter().cloned());
        assert_eq!(titles(&rendered, HeadingLevel::H2), expected_h2);
        let listed: Vec<String> = contents_links(&sheet).into_iter().map(|l| l.1).collect();
        assert_eq!(listed, topics);
    }

    /// `--topic`: a handout, the topic's title as the one `#` heading, its parts under `##`
    /// headings, what it serves at the top and its sources at the end.
    #[test]
    fn one_topic_is_a_handout() {
        let library = builtin();
        let Some(at) = library.find_by_id("working-relationships/volunteers") else {
            panic!("no volunteers topic");
        };
        let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) else {
            panic!("no volunteers topic");
        };
        let sheet = render(&library, Selection::Topic(at));
        let rendered = read(&sheet);
        assert_eq!(titles(&rendered, HeadingLevel::H1), [topic.title.as_str()]);
        let h2 = titles(&rendered, HeadingLevel::H2);
        assert_eq!(h2.first(), Some(&"Key features"), "{sheet}");
        assert_eq!(h2.last(), Some(&"Sources"), "{sheet}");
        assert!(!sheet.contains("Contents"));
        assert!(sheet.contains(&format!("**From the guide:** {}\n", guide.title)));
        assert!(sheet.contains(&format!("**Criterion:** {}", guide.criterion)));
        assert!(sheet.ends_with(&format!(
            "{}\n",
            guide.references.last().map_or("", |r| r.url.as_str())
        )));
    }

    #[test]
    fn the_sheet_ends_with_one_newline_and_has_no_trailing_spaces() {
        let library = builtin();
        for selection in [
            Selection::All,
            Selection::Guide(0),
            Selection::Topic(crate::content::TopicRef { guide: 0, topic: 0 }),
        ] {
            let sheet = render(&library, selection);
            assert!(sheet.ends_with('\n') && !sheet.ends_with("\n\n"));
            assert!(sheet.lines().all(|l| l == l.trim_end()));
            assert!(!sheet.contains("\n\n\n"));
        }
    }

    #[test]
    fn anchors_are_made_as_github_makes_them() {
        assert_eq!(
            anchor("Relationships in care: the main types"),
            "relationships-in-care-the-main-types"
        );
        assert_eq!(
            anchor("Component: empathy & trust"),
            "component-empathy--trust"
        );
        assert_eq!(anchor("Care Act 2014 (s.1)"), "care-act-2014-s1");
        let mut sheet = Sheet::default();
        sheet.contents(&[2], |sheet| {
            sheet.heading(2, "Key features");
            sheet.heading(3, "Key features");
            sheet.heading(2, "Key features");
        });
        let links = contents_links(&sheet.finish());
        let targets: Vec<&str> = links.iter().map(|l| l.2.as_str()).collect();
        assert_eq!(targets, ["key-features", "key-features-2"]);
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
        let sheet = render(&library, Selection::Guide(1));
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
