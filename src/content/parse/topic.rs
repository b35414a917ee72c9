//! One `##` topic being assembled: its heading (id, classes), its prose sections (`### Model
//! answer`, `### Assessment question`) and the checks made when it ends.

use super::draft::{ItemLines, Topic};
use super::{CONTEXT_CLASS, GuideParser, PARTY_CLASS};
use crate::content::model::{ASSESSMENT_QUESTION, MODEL_ANSWER};
use crate::content::sanitize::sanitize;
use std::collections::BTreeMap;

/// A topic being assembled from events.
pub(super) struct TopicDraft {
    pub(super) topic: Topic,
    heading_offset: usize,
    /// The `###` list name waiting for its list (or table), and where the heading was.
    pub(super) pending_list: Option<(String, usize)>,
    /// The prose section (`### Model answer`, `### Assessment question`) being read.
    pub(super) prose: Option<ProseDraft>,
    pub(super) has_lists: bool,
    /// The heading was already reported (no id, a bad or repeated id): what is under it is read
    /// as usual, so it is not reported again as being outside a topic, but the topic is dropped.
    rejected: bool,
}

/// The sections whose content is paragraphs rather than a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ProseKind {
    ModelAnswer,
    AssessmentQuestion,
}

impl ProseKind {
    pub(super) fn of(name: &str) -> Option<Self> {
        if name.eq_ignore_ascii_case(MODEL_ANSWER) {
            Some(Self::ModelAnswer)
        } else if name.eq_ignore_ascii_case(ASSESSMENT_QUESTION) {
            Some(Self::AssessmentQuestion)
        } else {
            None
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Self::ModelAnswer => MODEL_ANSWER,
            Self::AssessmentQuestion => ASSESSMENT_QUESTION,
        }
    }
}

pub(super) struct ProseDraft {
    pub(super) kind: ProseKind,
    heading_offset: usize,
    pub(super) paragraphs: Vec<String>,
}

impl GuideParser<'_> {
    pub(super) fn start_topic(
        &mut self,
        id: Option<String>,
        title: String,
        at: usize,
        seen: &mut BTreeMap<String, usize>,
    ) -> TopicDraft {
        if title.is_empty() {
            self.error(at, "a topic heading needs a title");
        }
        let id = match id {
            Some(id) => self.valid_id(sanitize(&id), at, "topic id"),
            None => {
                self.error(
                    at,
                    format!("topic `{title}` has no id: add one after the title, like `## {title} {{#some-id}}`"),
                );
                None
            }
        };
        let rejected = match &id {
            None => true,
            Some(id) => match seen.get(id) {
                Some(&first) => {
                    let (line, column) = self.lines.position(first);
                    self.error(
                        at,
                        format!(
                            "duplicate topic id `{id}`: also used at {}:{line}:{column}",
                            self.path
                        ),
                    );
                    true
                }
                None => {
                    seen.insert(id.clone(), at);
                    false
                }
            },
        };
        let (line, _) = self.lines.position(at);
        TopicDraft {
            topic: Topic {
                id: id.unwrap_or_default(),
                title,
                summary: String::new(),
                key_features: Vec::new(),
                examples: Vec::new(),
                lists: Vec::new(),
                criteria: Vec::new(),
                search_terms: Vec::new(),
                tables: Vec::new(),
                question: None,
                model_answer: Vec::new(),
                see_also: Vec::new(),
                party: false,
                context: false,
                line,
                item_lines: ItemLines::default(),
            },
            heading_offset: at,
            pending_list: None,
            prose: None,
            has_lists: false,
            rejected,
        }
    }

    /// The heading's `.class` attributes (`.party`, `.context`), reported at the heading `at`.
    pub(super) fn topic_classes(
        &mut self,
        draft: &mut TopicDraft,
        classes: Vec<String>,
        at: usize,
    ) {
        for class in classes {
            match class.as_str() {
                PARTY_CLASS => draft.topic.party = true,
                CONTEXT_CLASS => draft.topic.context = true,
                _ => self.error(
                    at,
                    format!(
                        "unknown topic class `.{class}`: the classes are `.{PARTY_CLASS}` (a \
                         party in the relationship map) and `.{CONTEXT_CLASS}` (wider context, \
                         not one of a care worker's own working relationships)"
                    ),
                ),
            }
        }
        if draft.topic.party && draft.topic.context {
            self.error(
                at,
                format!(
                    "a topic is a party (`.{PARTY_CLASS}`) or wider context \
                     (`.{CONTEXT_CLASS}`), not both"
                ),
            );
        }
    }

    pub(super) fn open_prose(&mut self, draft: &mut TopicDraft, kind: ProseKind, at: usize) {
        let already = match kind {
            ProseKind::ModelAnswer => !draft.topic.model_answer.is_empty(),
            ProseKind::AssessmentQuestion => draft.topic.question.is_some(),
        };
        if already {
            let name = kind.name();
            self.error(
                at,
                format!("a second `### {name}` in this topic: a topic has one {name}"),
            );
        }
        draft.has_lists = true;
        draft.prose = Some(ProseDraft {
            kind,
            heading_offset: at,
            paragraphs: Vec::new(),
        });
    }

    /// Files the prose section being read, if any, under its topic field.
    pub(super) fn close_prose(&mut self, draft: &mut TopicDraft) {
        let Some(prose) = draft.prose.take() else {
            return;
        };
        let name = prose.kind.name();
        if prose.paragraphs.is_empty() {
            self.error(
                prose.heading_offset,
                format!("`### {name}` has no text under it: write it in paragraphs"),
            );
            return;
        }
        match prose.kind {
            ProseKind::ModelAnswer => draft.topic.model_answer = prose.paragraphs,
            ProseKind::AssessmentQuestion => {
                let mut paragraphs = prose.paragraphs.into_iter();
                draft.topic.question = paragraphs.next();
                if paragraphs.next().is_some() {
                    self.error(
                        prose.heading_offset,
                        format!("`### {name}` holds one paragraph: the question as it is asked"),
                    );
                }
            }
        }
    }

    /// Checks a finished topic and adds it to `topics` unless it was rejected or is empty.
    pub(super) fn finish_topic(&mut self, mut draft: TopicDraft, topics: &mut Vec<Topic>) {
        if let Some((name, at)) = draft.pending_list.take() {
            self.error(at, format!("`### {name}` has no list under it"));
        }
        self.close_prose(&mut draft);
        if draft.rejected {
            return;
        }
        let topic = draft.topic;
        if topic.summary.is_empty() {
            let message = if draft.has_lists {
                format!(
                    "topic `{}` has no summary: add a paragraph under its heading, before the lists",
                    topic.id
                )
            } else {
                format!(
                    "topic `{}` has nothing under it: add a summary paragraph",
                    topic.id
                )
            };
            self.error(draft.heading_offset, message);
            return;
        }
        topics.push(topic);
    }
}
