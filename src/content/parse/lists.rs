//! A topic's `###` lists: points, `### Search terms` (checked, never points) and `### See also`
//! links to other topics, each filed under the topic field its list's name points to.

use super::GuideParser;
use super::body::Body;
use super::draft::{PointList, Topic};
use crate::content::model::{CRITERIA, EXAMPLES, KEY_FEATURES, SEARCH_TERMS, SEE_ALSO, TopicLink};
use crate::content::sanitize::sanitize_inline;

/// A search term longer than this is a sentence, not a term.
pub const MAX_SEARCH_TERM_CHARS: usize = 60;

/// The point (or table cell) being read.
#[derive(Default)]
pub(super) struct ItemDraft {
    /// Its text so far; `None` outside points and cells.
    pub(super) text: Option<String>,
    /// Where the point starts.
    start: usize,
    /// Link destinations inside the point, with where each link starts.
    pub(super) links: Vec<(String, usize)>,
    /// Where the point's first text starts, for messages about a bare link.
    pub(super) text_at: Option<usize>,
}

impl ItemDraft {
    pub(super) fn start(&mut self, at: usize) {
        self.text = Some(String::new());
        self.start = at;
        self.links.clear();
        self.text_at = None;
    }
}

impl Body<'_, '_> {
    pub(super) fn start_list(&mut self, at: usize) {
        if self.list_depth == 0
            && let Some(prose) = self.draft.as_ref().and_then(|d| d.prose.as_ref())
        {
            let message = format!(
                "`### {}` holds paragraphs, not a list: write it as sentences, or give \
                 the list a `###` heading of its own",
                prose.kind.name()
            );
            self.error(at, message);
            self.skip_depth = 1;
            return;
        }
        self.list_depth += 1;
        if self.list_depth > 1 {
            self.error(
                at,
                "a list inside a point is not allowed: make each sub-point a point \
                 of its own",
            );
            self.skip_depth = 1;
            self.list_depth -= 1;
            return;
        }
        match self.draft.as_mut() {
            None => self.parser.error(
                at,
                "a list before the first topic: points must belong to a topic \
                 (start one with `## Title {#topic-id}`)",
            ),
            Some(d) => match d.pending_list.take() {
                Some((name, _)) => {
                    d.has_lists = true;
                    self.current_list = Some(PointList {
                        name,
                        points: Vec::new(),
                        lines: Vec::new(),
                    });
                }
                None => self.parser.error(
                    at,
                    "a list without a name: put a `### Key features` (or another \
                     name) heading above it",
                ),
            },
        }
    }

    pub(super) fn end_list(&mut self) {
        self.list_depth = self.list_depth.saturating_sub(1);
        if self.list_depth == 0
            && let (Some(list), Some(d)) = (self.current_list.take(), self.draft.as_mut())
        {
            if list.name.eq_ignore_ascii_case(SEE_ALSO) {
                d.topic.see_also.append(&mut self.current_links);
            } else {
                add_list(&mut d.topic, list);
            }
        }
    }

    pub(super) fn end_item(&mut self) {
        let point = sanitize_inline(&self.item.text.take().unwrap_or_default());
        let Some(list) = self.current_list.as_mut() else {
            return;
        };
        let item_start = self.item.start;
        if point.is_empty() && self.item.links.is_empty() {
            self.parser
                .error(item_start, "an empty point: write the point or remove it");
        } else if list.name.eq_ignore_ascii_case(SEARCH_TERMS) {
            let earlier = self
                .draft
                .as_ref()
                .map_or(&[][..], |d| &d.topic.search_terms);
            match search_term_problem(&point, earlier, &list.points) {
                Some(problem) => self.parser.error(item_start, problem),
                None => list.points.push(point),
            }
        } else if list.name.eq_ignore_ascii_case(SEE_ALSO) {
            let links = std::mem::take(&mut self.item.links);
            let text_at = self.item.text_at.unwrap_or(item_start);
            if let Some(link) = self
                .parser
                .see_also_link(&point, links, text_at, self.guide_id)
                && !self.current_links.iter().any(|l| l.target == link.target)
            {
                self.current_links.push(link);
            }
        } else {
            list.points.push(point);
            list.lines.push(self.parser.lines.position(item_start).0);
        }
    }
}

impl GuideParser<'_> {
    /// A `### See also` point as a link: one Markdown link to a topic (`[Title](guide/topic)`)
    /// or a bare id. Whether the topic exists is checked once every guide has loaded.
    fn see_also_link(
        &mut self,
        text: &str,
        links: Vec<(String, usize)>,
        at: usize,
        guide_id: Option<&str>,
    ) -> Option<TopicLink> {
        let (target, at) = match links.as_slice() {
            [] => (text.to_owned(), at),
            [(dest, link_at)] => (dest.clone(), *link_at),
            [_, (_, second), ..] => {
                self.error(*second, "one link per `### See also` point");
                return None;
            }
        };
        let target = target.trim().trim_start_matches('#');
        let parts: Vec<&str> = target.split('/').collect();
        let is_id = |part: &&str| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        };
        let target = match parts.as_slice() {
            [guide, topic] if is_id(guide) && is_id(topic) => target.to_owned(),
            [topic] if is_id(topic) => match guide_id {
                Some(guide) => format!("{guide}/{topic}"),
                None => return None,
            },
            _ => {
                self.error(
                    at,
                    format!(
                        "`{target}` is not a topic: a `### See also` point links to a topic by \
                         its id, like `[Advocates](types-of-relationships/advocates)`"
                    ),
                );
                return None;
            }
        };
        let (line, column) = self.lines.position(at);
        Some(TopicLink {
            target,
            line,
            column,
        })
    }
}

/// What is wrong with a `### Search terms` item, given the terms before it in the topic.
fn search_term_problem(term: &str, earlier: &[String], in_this_list: &[String]) -> Option<String> {
    let length = term.chars().count();
    if length > MAX_SEARCH_TERM_CHARS {
        return Some(format!(
            "search term is {length} characters long: a search term is a word or a short phrase \
             of at most {MAX_SEARCH_TERM_CHARS} characters"
        ));
    }
    let same = |other: &&String| {
        other
            .split_whitespace()
            .map(str::to_lowercase)
            .eq(term.split_whitespace().map(str::to_lowercase))
    };
    let repeated = earlier.iter().chain(in_this_list).any(|t| same(&t));
    repeated.then(|| format!("search term `{term}` is listed twice in this topic"))
}

/// Files a finished list under the topic field its name points to.
fn add_list(topic: &mut Topic, list: PointList) {
    let name = list.name.to_lowercase();
    if name == KEY_FEATURES.to_lowercase() {
        topic.key_features.extend(list.points);
        topic.item_lines.key_features.extend(list.lines);
    } else if name == EXAMPLES.to_lowercase() {
        topic.examples.extend(list.points);
        topic.item_lines.examples.extend(list.lines);
    } else if name == CRITERIA.to_lowercase() {
        topic.criteria.extend(list.points);
    } else if name == SEARCH_TERMS.to_lowercase() {
        topic.search_terms.extend(list.points);
    } else if let Some(existing) = topic.lists.iter_mut().find(|l| l.name == list.name) {
        existing.points.extend(list.points);
        existing.lines.extend(list.lines);
    } else {
        topic.lists.push(list);
    }
}
