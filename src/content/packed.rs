//! A guide packed as one buffer of text and the places of its texts in it: what the parse cache
//! stores, and the step between the parser's draft and the model (see [`super::text`]). Turning
//! a packed guide into the model allocates a handful of times per guide, not once per text.
//!
//! The conversions name every field, so a field added to the model fails to compile here until
//! it is packed too.

use super::model::{CommandVerb, Guide, PointList, Reference, Table, Topic, TopicLink};
use super::parse::draft;
use super::text::{ListSpan, Span, Store, StoreBuilder, Texts};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

#[derive(Serialize, Deserialize)]
pub struct PackedGuide {
    /// Every text of the guide, end to end.
    text: String,
    /// Where each list item starts and ends, and its line (see [`Store`]).
    bounds: Vec<u32>,
    lines: Vec<u32>,
    id: Span,
    title: Span,
    criterion: Span,
    verb: CommandVerb,
    source: Span,
    criteria: ListSpan,
    /// (title, url)
    references: Vec<(Span, Span)>,
    introduction: Span,
    topics: Vec<PackedTopic>,
    id_position: (usize, usize),
    source_position: (usize, usize),
}

#[derive(Serialize, Deserialize)]
struct PackedTopic {
    id: Span,
    title: Span,
    summary: Span,
    key_features: ListSpan,
    examples: ListSpan,
    /// (name, points)
    lists: Vec<(Span, ListSpan)>,
    criteria: ListSpan,
    search_terms: ListSpan,
    /// (name, header, rows): tables are rare and small, so they stay plain strings.
    tables: Vec<(String, Vec<String>, Vec<Vec<String>>)>,
    question: Option<Span>,
    model_answer: ListSpan,
    /// (target, line, column)
    see_also: Vec<(String, usize, usize)>,
    party: bool,
    context: bool,
    line: usize,
}

impl PackedGuide {
    /// The model of the guide, loaded from `origin`; `None` if a place is not in the text
    /// (a damaged cache entry).
    pub fn into_guide(self, origin: &str) -> Option<Guide> {
        let Self {
            text,
            bounds,
            lines,
            id,
            title,
            criterion,
            verb,
            source,
            criteria,
            references,
            introduction,
            topics,
            id_position,
            source_position,
        } = self;
        let store = Store::new(text.into(), bounds.into(), lines.into())?;
        // Filled by `push` rather than collected through `Option`, which cannot know the length
        // and would leave up to half of each vector unused.
        let mut kept_references = Vec::with_capacity(references.len());
        for (title, url) in references {
            kept_references.push(Reference {
                title: store.text_at(title)?,
                url: store.text_at(url)?,
            });
        }
        let mut kept_topics = Vec::with_capacity(topics.len());
        for topic in topics {
            kept_topics.push(topic.into_topic(&store)?);
        }
        Some(Guide {
            id: store.text_at(id)?,
            title: store.text_at(title)?,
            criterion: store.text_at(criterion)?,
            verb,
            source: store.text_at(source)?,
            criteria: store.texts_at(criteria)?,
            references: kept_references,
            introduction: store.text_at(introduction)?,
            topics: kept_topics,
            origin: origin.to_owned(),
            id_position,
            source_position,
        })
    }

    /// The model's guide packed (its texts may come from several buffers: each is copied).
    pub fn from_guide(guide: &Guide) -> Self {
        let Guide {
            id,
            title,
            criterion,
            verb,
            source,
            criteria,
            references,
            introduction,
            topics,
            origin: _,
            id_position,
            source_position,
        } = guide;
        let mut store = StoreBuilder::default();
        // The spans first, as the texts go into `store`; its buffer goes in last.
        let mut packed = Self {
            text: String::new(),
            bounds: Vec::new(),
            lines: Vec::new(),
            id: store.text(id),
            title: store.text(title),
            criterion: store.text(criterion),
            verb: *verb,
            source: store.text(source),
            criteria: list(&mut store, criteria),
            references: references
                .iter()
                .map(|Reference { title, url }| (store.text(title), store.text(url)))
                .collect(),
            introduction: store.text(introduction),
            topics: Vec::with_capacity(topics.len()),
            id_position: *id_position,
            source_position: *source_position,
        };
        for topic in topics {
            packed
                .topics
                .push(PackedTopic::from_topic(&mut store, topic));
        }
        (packed.text, packed.bounds, packed.lines) = store.into_parts();
        packed
    }

    /// The parser's finished draft packed.
    pub fn from_draft(guide: draft::Guide) -> Self {
        let draft::Guide {
            id,
            title,
            criterion,
            verb,
            source,
            criteria,
            references,
            introduction,
            topics,
            id_position,
            source_position,
        } = guide;
        let mut store = StoreBuilder::default();
        // The spans first, as the texts go into `store`; its buffer goes in last.
        let mut packed = Self {
            text: String::new(),
            bounds: Vec::new(),
            lines: Vec::new(),
            id: store.text(&id),
            title: store.text(&title),
            criterion: store.text(&criterion),
            verb,
            source: store.text(&source),
            criteria: unlined(&mut store, &criteria),
            references: references
                .iter()
                .map(|draft::Reference { title, url }| (store.text(title), store.text(url)))
                .collect(),
            introduction: store.text(&introduction),
            topics: Vec::with_capacity(topics.len()),
            id_position,
            source_position,
        };
        for topic in topics {
            packed
                .topics
                .push(PackedTopic::from_draft(&mut store, topic));
        }
        (packed.text, packed.bounds, packed.lines) = store.into_parts();
        packed
    }
}

/// A model list packed into `store`, each item with its line.
fn list(store: &mut StoreBuilder, texts: &Texts) -> ListSpan {
    store.list(
        texts
            .iter()
            .enumerate()
            .map(|(i, item)| (item, texts.line(i))),
    )
}

/// A draft list without lines (criteria, search terms, model answers) packed into `store`.
fn unlined(store: &mut StoreBuilder, items: &[String]) -> ListSpan {
    store.list(items.iter().map(|item| (item.as_str(), 0)))
}

/// A draft list packed into `store` with each item's line (0 where the draft has none).
fn lined(store: &mut StoreBuilder, items: &[String], lines: &[usize]) -> ListSpan {
    let line = |i: usize| lines.get(i).copied().unwrap_or(0);
    store.list(
        items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.as_str(), line(i))),
    )
}

fn table_parts(table: &Table) -> (String, Vec<String>, Vec<Vec<String>>) {
    let Table { name, header, rows } = table;
    (name.clone(), header.clone(), rows.clone())
}

fn link_parts(link: &TopicLink) -> (String, usize, usize) {
    let TopicLink {
        target,
        line,
        column,
    } = link;
    (target.clone(), *line, *column)
}

impl PackedTopic {
    /// The model's topic packed into `store`.
    fn from_topic(store: &mut StoreBuilder, topic: &Topic) -> Self {
        let Topic {
            id,
            title,
            summary,
            key_features,
            examples,
            lists,
            criteria,
            search_terms,
            tables,
            question,
            model_answer,
            see_also,
            party,
            context,
            line,
        } = topic;
        Self {
            id: store.text(id),
            title: store.text(title),
            summary: store.text(summary),
            key_features: list(store, key_features),
            examples: list(store, examples),
            lists: lists
                .iter()
                .map(|PointList { name, points }| (store.text(name), list(store, points)))
                .collect(),
            criteria: list(store, criteria),
            search_terms: list(store, search_terms),
            tables: tables.iter().map(table_parts).collect(),
            question: question.as_deref().map(|q| store.text(q)),
            model_answer: list(store, model_answer),
            see_also: see_also.iter().map(link_parts).collect(),
            party: *party,
            context: *context,
            line: *line,
        }
    }

    /// The parser's draft topic packed into `store`.
    fn from_draft(store: &mut StoreBuilder, topic: draft::Topic) -> Self {
        let draft::Topic {
            id,
            title,
            summary,
            key_features,
            examples,
            lists,
            criteria,
            search_terms,
            tables,
            question,
            model_answer,
            see_also,
            party,
            context,
            line,
            item_lines,
        } = topic;
        Self {
            id: store.text(&id),
            title: store.text(&title),
            summary: store.text(&summary),
            key_features: lined(store, &key_features, &item_lines.key_features),
            examples: lined(store, &examples, &item_lines.examples),
            lists: lists
                .iter()
                .map(|list| {
                    let name = store.text(&list.name);
                    (name, lined(store, &list.points, &list.lines))
                })
                .collect(),
            criteria: unlined(store, &criteria),
            search_terms: unlined(store, &search_terms),
            tables: tables.iter().map(table_parts).collect(),
            question: question.as_deref().map(|q| store.text(q)),
            model_answer: unlined(store, &model_answer),
            see_also: see_also.iter().map(link_parts).collect(),
            party,
            context,
            line,
        }
    }

    fn into_topic(self, store: &Arc<Store>) -> Option<Topic> {
        let Self {
            id,
            title,
            summary,
            key_features,
            examples,
            lists,
            criteria,
            search_terms,
            tables,
            question,
            model_answer,
            see_also,
            party,
            context,
            line,
        } = self;
        let mut kept_lists = Vec::with_capacity(lists.len());
        for (name, points) in lists {
            kept_lists.push(PointList {
                name: store.text_at(name)?,
                points: store.texts_at(points)?,
            });
        }
        let question = match question {
            Some(span) => Some(store.text_at(span)?),
            None => None,
        };
        Some(Topic {
            id: store.text_at(id)?,
            title: store.text_at(title)?,
            summary: store.text_at(summary)?,
            key_features: store.texts_at(key_features)?,
            examples: store.texts_at(examples)?,
            lists: kept_lists.into_boxed_slice(),
            criteria: store.texts_at(criteria)?,
            search_terms: store.texts_at(search_terms)?,
            tables: tables
                .into_iter()
                .map(|(name, header, rows)| Table { name, header, rows })
                .collect(),
            question,
            model_answer: store.texts_at(model_answer)?,
            see_also: see_also
                .into_iter()
                .map(|(target, line, column)| TopicLink {
                    target,
                    line,
                    column,
                })
                .collect(),
            party,
            context,
            line,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::content::load_builtin;

    #[test]
    fn a_packed_guide_whose_places_are_not_in_its_text_is_refused() {
        let mut guide = load_builtin().unwrap().guides.remove(0);
        guide.title = "Café visits".into();
        assert!(PackedGuide::from_guide(&guide).into_guide("g").is_some());
        let inside_a_character = |packed: &mut PackedGuide| {
            let (at, _) = packed
                .text
                .char_indices()
                .find(|(_, c)| c.len_utf8() > 1)
                .unwrap();
            packed.topics[0].title = (0, at as u32 + 1);
        };
        let damage: [fn(&mut PackedGuide); 6] = [
            |packed| packed.title = (0, u32::MAX),
            |packed| packed.topics[0].summary = (2, 1),
            |packed| packed.topics[0].key_features.1 = u32::MAX,
            |packed| packed.bounds[1] = u32::MAX,
            |packed| packed.lines.truncate(packed.lines.len() - 1),
            inside_a_character,
        ];
        for (i, damage) in damage.into_iter().enumerate() {
            let mut packed = PackedGuide::from_guide(&guide);
            damage(&mut packed);
            assert!(packed.into_guide("g").is_none(), "damage {i}");
        }
    }
}
