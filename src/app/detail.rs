//! A topic laid out as wrapped lines for a given width. `update` uses it to know how far the
//! text can scroll and where a search match sits; the drawing code styles the same lines.

use crate::content::{CONTEXT_NOTE, Library, SEARCH_TERMS, TopicRef};
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
const HANGING: &str = "  ";

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
    doc.wrapped(LineKind::Title, &topic.title, Some(anchor(Field::Title, 0)));
    doc.wrapped(LineKind::Meta, &guide.title, None);
    if topic.context {
        doc.wrapped(LineKind::Meta, CONTEXT_NOTE, None);
    }
    doc.blank();
    for paragraph in topic.summary.split("\n\n") {
        doc.wrapped(LineKind::Body, paragraph, Some(anchor(Field::Summary, 0)));
        doc.blank();
    }
    doc.list("Key features", &topic.key_features, |i| {
        anchor(Field::KeyFeature, i)
    });
    doc.list("Examples", &topic.examples, |i| anchor(Field::Example, i));
    for list in &topic.lists {
        doc.list(&list.name, &list.points, |i| {
            anchor(Field::Point(list.name.clone()), i)
        });
    }
    if !topic.search_terms.is_empty() {
        doc.lines.push(DetailLine {
            kind: LineKind::Heading,
            text: SEARCH_TERMS.to_owned(),
            anchor: None,
        });
        let terms = topic.search_terms.join(" · ");
        doc.wrapped(LineKind::Meta, &terms, Some(anchor(Field::SearchTerm, 0)));
        doc.blank();
    }
    let mut criteria = vec![guide.criterion.clone()];
    criteria.extend(guide.criteria.iter().cloned());
    let own = criteria.len();
    criteria.extend(topic.criteria.iter().cloned());
    doc.list("Criteria", &criteria, |i| {
        anchor(Field::Criterion, i.saturating_sub(own))
    });
    doc.lines.push(DetailLine {
        kind: LineKind::Heading,
        text: "Source".to_owned(),
        anchor: None,
    });
    doc.wrapped(LineKind::Meta, &guide.source, None);
    if !guide.references.is_empty() {
        doc.blank();
        doc.lines.push(DetailLine {
            kind: LineKind::Heading,
            text: "References".to_owned(),
            anchor: None,
        });
        for reference in &guide.references {
            doc.bullet(
                LineKind::Meta,
                &format!("{}: {}", reference.title, reference.url),
            );
        }
    }
    if !answers.is_empty() {
        doc.blank();
        doc.lines.push(DetailLine {
            kind: LineKind::Heading,
            text: "Your written answers".to_owned(),
            anchor: None,
        });
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

fn anchor(field: Field, item: usize) -> Anchor {
    Anchor { field, item }
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
    fn bullet(&mut self, kind: LineKind, item: &str) {
        let options = textwrap::Options::new(self.width)
            .initial_indent(BULLET)
            .subsequent_indent(HANGING);
        for line in textwrap::wrap(item, &options) {
            self.lines.push(DetailLine {
                kind,
                text: line.into_owned(),
                anchor: None,
            });
        }
    }

    fn list(&mut self, name: &str, items: &[String], anchor_of: impl Fn(usize) -> Anchor) {
        if items.is_empty() {
            return;
        }
        self.lines.push(DetailLine {
            kind: LineKind::Heading,
            text: name.to_owned(),
            anchor: None,
        });
        let options = textwrap::Options::new(self.width)
            .initial_indent(BULLET)
            .subsequent_indent(HANGING);
        for (i, item) in items.iter().enumerate() {
            for line in textwrap::wrap(item, &options) {
                self.lines.push(DetailLine {
                    kind: LineKind::Bullet,
                    text: line.into_owned(),
                    anchor: Some(anchor_of(i)),
                });
            }
        }
        self.blank();
    }
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
        assert_eq!(terms.anchor, Some(anchor(Field::SearchTerm, 0)));
        assert!(
            lines
                .iter()
                .all(|l| l.kind != LineKind::Bullet || !l.text.contains("handover"))
        );
    }
}
