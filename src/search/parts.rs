//! The searchable texts of a topic, in the order of [`Topic::sections`], and what each is worth
//! for ranking.
//!
//! The index never copies a text: it records each topic's words as stem ids and refers back to
//! the text through its [`Part`] when a result is shown.

use super::Field;
use crate::content::{Guide, ListKind, Section, Texts, Topic};

/// Which text of a topic: its place in the model, not a copy of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Title,
    Summary,
    KeyFeature(usize),
    Example(usize),
    /// The `item`-th point of the topic's `list`-th named list.
    Point {
        list: usize,
        item: usize,
    },
    SearchTerm(usize),
    /// One of the topic's own criteria (the guide's would match every topic in it).
    Criterion(usize),
}

impl Part {
    /// How much a word here counts towards the topic being about it, in tenths: a title and the
    /// topic's search terms name what the topic is about; its criteria only say where it fits.
    pub fn weight(self) -> u16 {
        match self {
            Part::Title => 40,
            Part::SearchTerm(_) => 30,
            Part::KeyFeature(_) => 12,
            Part::Summary | Part::Example(_) | Part::Point { .. } => 10,
            Part::Criterion(_) => 5,
        }
    }

    /// The public name of this part, with the item a Browse anchor points at.
    pub fn field(self, topic: &Topic) -> (Field, usize) {
        match self {
            Part::Title => (Field::Title, 0),
            // Browse shows the search terms together on one line.
            Part::SearchTerm(_) => (Field::SearchTerm, 0),
            Part::Summary => (Field::Summary, 0),
            Part::KeyFeature(i) => (Field::KeyFeature, i),
            Part::Example(i) => (Field::Example, i),
            Part::Point { list, item } => {
                let name = topic.lists.get(list).map_or("", |l| l.name.as_str());
                (Field::Point(name.to_owned()), item)
            }
            Part::Criterion(i) => (Field::Criterion, i),
        }
    }

    /// The text this part names in `topic`.
    pub fn text(self, topic: &Topic) -> &str {
        fn at(items: &Texts, i: usize) -> &str {
            items.get(i).unwrap_or_default()
        }
        match self {
            Part::Title => &topic.title,
            Part::SearchTerm(i) => at(&topic.search_terms, i),
            Part::Summary => &topic.summary,
            Part::KeyFeature(i) => at(&topic.key_features, i),
            Part::Example(i) => at(&topic.examples, i),
            Part::Point { list, item } => topic.lists.get(list).map_or("", |l| at(&l.points, item)),
            Part::Criterion(i) => at(&topic.criteria, i),
        }
    }
}

/// Every searchable text of `topic` with its part: the title, then its sections in order.
pub fn parts<'a>(guide: &'a Guide, topic: &'a Topic) -> Vec<(Part, &'a str)> {
    // Room for a typical topic's texts at once, rather than growing four times.
    let mut found = Vec::with_capacity(24);
    found.push((Part::Title, topic.title.as_str()));
    for section in topic.sections(guide) {
        match section {
            Section::Summary(summary) => found.push((Part::Summary, summary)),
            Section::List(list) => {
                let part = |i: usize| match list.kind {
                    ListKind::KeyFeatures => Part::KeyFeature(i),
                    ListKind::Examples => Part::Example(i),
                    ListKind::Named => Part::Point {
                        list: topic
                            .lists
                            .iter()
                            .position(|l| std::ptr::eq(&l.points, list.items))
                            .unwrap_or(usize::MAX),
                        item: i,
                    },
                };
                found.extend(list.items.iter().enumerate().map(|(i, t)| (part(i), t)));
            }
            Section::SearchTerms(terms) => {
                found.extend(
                    terms
                        .iter()
                        .enumerate()
                        .map(|(i, t)| (Part::SearchTerm(i), t)),
                );
            }
            Section::Criteria(criteria) => {
                found.extend(
                    criteria
                        .own
                        .iter()
                        .enumerate()
                        .map(|(i, t)| (Part::Criterion(i), t)),
                );
            }
            // Not searched: reading matter and links (the question, tables, model answers and
            // See also lead to topics whose own words are searched), and the guide's source.
            Section::Question(_)
            | Section::Table(_)
            | Section::ModelAnswer(_)
            | Section::SeeAlso(_)
            | Section::Source(_)
            | Section::References(_) => {}
        }
    }
    found
}
