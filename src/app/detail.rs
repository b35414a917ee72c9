//! A page of Browse laid out as wrapped lines for a given width: a topic's, or a guide's (its
//! criteria, introduction, topics, source and references: the guide's references are listed
//! there once, and each of its topics points there). `update` uses the lines to know how far
//! the text can scroll, where a search match sits and where the links are; the drawing code
//! styles the same lines.

use super::table::grid;
use crate::content::{CONTEXT_NOTE, CRITERIA, Guide, Library, Reference, Section, Table, TopicRef};
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
    /// A line of a link (one link may wrap onto several).
    Link,
    Blank,
}

/// Which item of a topic a line shows, so a search hit can point at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub field: Field,
    pub item: usize,
}

/// Where a link goes: another topic, or a guide's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Topic(TopicRef),
    Guide(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailLine {
    pub kind: LineKind,
    pub text: String,
    pub anchor: Option<Anchor>,
    /// The link this line is (part of), if any.
    pub link: Option<Link>,
}

const BULLET: &str = "• ";
const ARROW: &str = "→ ";

/// A topic's page. `answers` are the learner's saved written answers for the topic (date,
/// text), oldest first.
pub fn detail_lines(
    library: &Library,
    at: TopicRef,
    width: u16,
    answers: &[(DateTime<Utc>, &str)],
) -> Vec<DetailLine> {
    let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) else {
        return Vec::new();
    };
    let mut doc = Doc::new(width);
    doc.wrapped(LineKind::Title, &topic.title, anchor(Field::Title, 0));
    doc.wrapped(LineKind::Meta, &guide.title, None);
    if topic.context {
        doc.wrapped(LineKind::Meta, CONTEXT_NOTE, None);
    }
    doc.blank();
    for section in topic.sections(guide) {
        doc.section(library, at.guide, &section);
    }
    doc.heading("Guide");
    doc.link(&guide_parts(guide), Link::Guide(at.guide));
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

/// A guide's page: what it answers, its introduction, its topics (links), its source and its
/// references.
pub fn guide_lines(library: &Library, index: usize, width: u16) -> Vec<DetailLine> {
    let Some(guide) = library.guide(index) else {
        return Vec::new();
    };
    let mut doc = Doc::new(width);
    doc.wrapped(LineKind::Title, &guide.title, None);
    let topics = match guide.topics.len() {
        1 => "A guide of 1 topic".to_owned(),
        n => format!("A guide of {n} topics"),
    };
    doc.wrapped(LineKind::Meta, &topics, None);
    doc.blank();
    let criteria = std::iter::once(guide.criterion.as_str()).chain(&guide.criteria);
    doc.list(CRITERIA, criteria, |_| None);
    if !guide.introduction.trim().is_empty() {
        doc.heading("Introduction");
        for paragraph in guide.introduction.split("\n\n") {
            doc.wrapped(LineKind::Body, paragraph, None);
            doc.blank();
        }
    }
    doc.heading("Topics");
    for (topic, entry) in guide.topics.iter().enumerate() {
        let link = Link::Topic(TopicRef {
            guide: index,
            topic,
        });
        doc.link(&entry.title, link);
    }
    doc.blank();
    if !guide.source.trim().is_empty() {
        doc.heading("Source");
        doc.wrapped(LineKind::Meta, &guide.source, None);
    }
    doc.references(&guide.references);
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
    fn new(width: u16) -> Self {
        Self {
            lines: Vec::new(),
            width: usize::from(width.max(8)),
        }
    }

    fn push(&mut self, kind: LineKind, text: String, anchor: Option<Anchor>) {
        self.lines.push(DetailLine {
            kind,
            text,
            anchor,
            link: None,
        });
    }

    fn blank(&mut self) {
        self.push(LineKind::Blank, String::new(), None);
    }

    fn wrapped(&mut self, kind: LineKind, text: &str, anchor: Option<Anchor>) {
        for line in textwrap::wrap(text, self.width) {
            self.push(kind, line.into_owned(), anchor.clone());
        }
    }

    fn heading(&mut self, text: &str) {
        self.push(LineKind::Heading, text.to_owned(), None);
    }

    /// A link on a line (or more) of its own: an arrow, then `text`.
    fn link(&mut self, text: &str, link: Link) {
        let first = self.lines.len();
        self.hanging(LineKind::Link, text, ARROW, None);
        for line in &mut self.lines[first..] {
            line.link = Some(link);
        }
    }

    /// One part of a topic of guide `guide`: its heading, then its text, then a blank line.
    fn section(&mut self, library: &Library, guide: usize, section: &Section) {
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
                self.heading(heading);
                // The links were checked when the guides loaded.
                for at in links.iter().filter_map(|l| library.find_by_id(&l.target)) {
                    self.link(&link_title(library, at, guide), Link::Topic(at));
                }
                self.blank();
            }
            Section::SearchTerms(terms) => {
                self.heading(heading);
                let terms = terms.join(" · ");
                self.wrapped(LineKind::Meta, &terms, anchor(Field::SearchTerm, 0));
                self.blank();
            }
            // The guide's criteria, source and references are on its page, once: a topic
            // lists its own criteria, and its page ends with the way to its guide's.
            Section::Criteria(criteria) => {
                self.list(heading, criteria.own, |i| anchor(Field::Criterion, i));
            }
            Section::Source(_) | Section::References(_) => {}
        }
    }

    /// A guide's references, one a line, each with its address.
    fn references(&mut self, references: &[Reference]) {
        if references.is_empty() {
            return;
        }
        self.blank();
        self.heading("References");
        // An address is never broken at its hyphens (it could not be copied whole), only
        // where it is longer than a line.
        let indent = " ".repeat(unicode_width::UnicodeWidthStr::width(BULLET));
        for reference in references {
            self.hanging(LineKind::Body, &reference.title, BULLET, None);
            let options = textwrap::Options::new(self.width)
                .initial_indent(&indent)
                .subsequent_indent(&indent)
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            for line in textwrap::wrap(&reference.url, options) {
                self.push(LineKind::Meta, line.into_owned(), None);
            }
        }
    }

    /// A table's columns side by side when they fit; too narrow for that, row by row, each
    /// other cell under its column's name.
    fn table(&mut self, table: &Table) {
        if let Some(grid) = grid(table, self.width) {
            for (kind, text) in grid {
                self.push(kind, text, None);
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

    fn list<'i>(
        &mut self,
        name: &str,
        items: impl IntoIterator<Item = &'i str>,
        anchor_of: impl Fn(usize) -> Option<Anchor>,
    ) {
        let mut items = items.into_iter().enumerate().peekable();
        if items.peek().is_none() {
            return;
        }
        self.heading(name);
        for (i, item) in items {
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
            self.push(kind, line.into_owned(), anchor.clone());
        }
    }
}

/// A linked topic's title, with its guide's when the link leaves the guide `from` (two guides
/// may have topics of the same name).
fn link_title(library: &Library, at: TopicRef, from: usize) -> String {
    let title = library.topic(at).map_or("", |t| t.title.as_str());
    match library.guide(at.guide) {
        Some(guide) if at.guide != from => format!("{title} ({})", guide.title),
        _ => title.to_owned(),
    }
}

/// The link from a topic to its guide's page: the guide's title and what the page gives.
fn guide_parts(guide: &Guide) -> String {
    let mut parts = vec!["criteria".to_owned()];
    if !guide.introduction.trim().is_empty() {
        parts.push("introduction".to_owned());
    }
    if !guide.source.trim().is_empty() {
        parts.push("source".to_owned());
    }
    match guide.references.len() {
        0 => {}
        1 => parts.push("1 reference".to_owned()),
        n => parts.push(format!("{n} references")),
    }
    let last = parts.pop().unwrap_or_default();
    let listed = match parts.is_empty() {
        true => last,
        false => format!("{} and {last}", parts.join(", ")),
    };
    format!("{}: its {listed}", guide.title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_guide;

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
