//! The typed model the guides load into. No terminal or rendering concerns live here.

use super::text::{Text, Texts};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Every guide carestudy has loaded, in display order.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct Library {
    pub guides: Vec<Guide>,
}

/// One guide: a Markdown file with front matter and `##` topics. Its texts are kept in one
/// buffer ([`Text`], [`Texts`]).
#[derive(Debug, Clone, Serialize)]
pub struct Guide {
    pub id: Text,
    pub title: Text,
    /// The criterion the guide answers, in its own numbering ("4.2 Describe ...").
    pub criterion: Text,
    pub verb: CommandVerb,
    /// Where the material comes from: the source's title and publisher.
    pub source: Text,
    /// Qualification criteria the guide serves, beyond its own numbering.
    pub criteria: Texts,
    /// The public references the guide's facts come from beyond its `source`.
    pub references: Vec<Reference>,
    pub introduction: Text,
    pub topics: Vec<Topic>,
    /// Where the guide was loaded from, for messages (`content/x.md`).
    #[serde(skip)]
    pub origin: String,
    /// Line and column of the `id` value in the front matter, for messages.
    #[serde(skip)]
    pub id_position: (usize, usize),
    /// Line and column of the `source` value in the front matter, for messages.
    #[serde(skip)]
    pub source_position: (usize, usize),
}

/// A public reference (legislation, a regulator's page, a unit specification) by title and address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    pub title: Text,
    pub url: Text,
}

/// One `##` section of a guide.
#[derive(Debug, Clone, Serialize)]
pub struct Topic {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    /// Key features and examples, each with its line in the file ([`Texts::line`]).
    pub key_features: Texts,
    pub examples: Texts,
    /// Named point lists other than key features and examples ("Tips", "Challenges"...).
    pub lists: Box<[PointList]>,
    /// Criteria this topic serves in addition to its guide's.
    pub criteria: Texts,
    /// Words and phrases a learner may search for (`### Search terms`): the field's terms for
    /// what the topic says in other words. Found by search and shown in Browse and `show`;
    /// never a quiz point and not counted in point totals.
    #[serde(skip_serializing_if = "Texts::is_empty")]
    pub search_terms: Texts,
    /// Side-by-side tables (`###` name, then a Markdown table). Read, never quizzed.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub tables: Box<[Table]>,
    /// The assessment question the topic answers (`### Assessment question`), asked as it is
    /// in written practice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<Text>,
    /// A model answer in paragraphs (`### Model answer`). Read, never quizzed.
    #[serde(skip_serializing_if = "Texts::is_empty")]
    pub model_answer: Texts,
    /// Related topics (`### See also`), as stable ids `guide/topic`, checked when the library
    /// loads. Not points.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub see_also: Box<[TopicLink]>,
    /// Someone a care worker has a working relationship with (`{#id .party}` on the heading):
    /// a place in the relationship map.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub party: bool,
    /// Wider context (`{#id .context}` on the heading): not one of a care worker's own working
    /// relationships, so not an answer to "describe your working relationships". Never a party.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub context: bool,
    /// Line of the topic's heading in its file, for messages.
    #[serde(skip)]
    pub line: usize,
}

/// A named list of points; each point's line in its file is [`Texts::line`].
#[derive(Debug, Clone, Serialize)]
pub struct PointList {
    pub name: Text,
    pub points: Texts,
}

/// A named table: a header row and rows of the same width, every cell non-empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A link to another topic from `### See also`: the target's stable id and where the link was
/// written, for messages when it leads nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicLink {
    /// `guide/topic`; a bare `topic` in the file is completed with the guide's own id.
    pub target: String,
    pub line: usize,
    pub column: usize,
}

impl Serialize for TopicLink {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.target)
    }
}

/// The command verb an assessor uses, which decides what a written answer must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CommandVerb {
    Identify,
    Outline,
    Describe,
    Explain,
    Compare,
    Analyse,
    Evaluate,
}

impl CommandVerb {
    pub const ALL: [CommandVerb; 7] = [
        Self::Identify,
        Self::Outline,
        Self::Describe,
        Self::Explain,
        Self::Compare,
        Self::Analyse,
        Self::Evaluate,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Identify => "identify",
            Self::Outline => "outline",
            Self::Describe => "describe",
            Self::Explain => "explain",
            Self::Compare => "compare",
            Self::Analyse => "analyse",
            Self::Evaluate => "evaluate",
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|verb| verb.name() == word)
    }
}

impl fmt::Display for CommandVerb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A topic's position in a [`Library`]: cheap to copy, valid for the library it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TopicRef {
    pub guide: usize,
    pub topic: usize,
}

impl Topic {
    /// Every point of the topic with the name of the list it is in, key features first.
    pub fn points(&self) -> impl Iterator<Item = (&str, &str)> {
        let key = self.key_features.iter().map(|p| (KEY_FEATURES, p));
        let others = self
            .lists
            .iter()
            .flat_map(|list| list.points.iter().map(|p| (list.name.as_str(), p)));
        key.chain(others)
    }

    /// The line of each point in its file, in the order of [`Topic::points`] (0 where unknown).
    pub fn point_lines(&self) -> impl Iterator<Item = usize> + '_ {
        let key = (0..self.key_features.len()).map(|i| self.key_features.line(i));
        let others = self
            .lists
            .iter()
            .flat_map(|list| (0..list.points.len()).map(|i| list.points.line(i)));
        key.chain(others)
    }

    /// The line of example `index` in its file (0 where unknown).
    pub fn example_line(&self, index: usize) -> usize {
        self.examples.line(index)
    }

    pub fn point_count(&self) -> usize {
        self.key_features.len() + self.lists.iter().map(|l| l.points.len()).sum::<usize>()
    }

    /// Whether the quiz has anything to ask about the topic. A topic with neither points nor
    /// examples (a glossary entry, say) is reading matter: never quizzed, never offered as
    /// an answer, never a written-practice topic.
    pub fn is_quizzable(&self) -> bool {
        self.point_count() > 0 || !self.examples.is_empty()
    }

    /// The points a written answer is checked against: the answer plan when the topic has
    /// one, otherwise every point.
    pub fn answer_points(&self) -> Vec<&str> {
        match self
            .lists
            .iter()
            .find(|l| l.name.eq_ignore_ascii_case(ANSWER_PLAN))
        {
            Some(plan) => plan.points.iter().collect(),
            None => self.points().map(|(_, point)| point).collect(),
        }
    }
}

pub const KEY_FEATURES: &str = "Key features";
pub const EXAMPLES: &str = "Examples";
pub const CRITERIA: &str = "Criteria";
pub const SEARCH_TERMS: &str = "Search terms";
/// The list written practice checks an answer against, when a topic has one.
pub const ANSWER_PLAN: &str = "Answer plan";
/// Sections of paragraphs rather than points.
pub const MODEL_ANSWER: &str = "Model answer";
pub const ASSESSMENT_QUESTION: &str = "Assessment question";
/// The list of links to related topics.
pub const SEE_ALSO: &str = "See also";
/// What Browse, `show` and the exports say about a `.context` topic: it is not an answer to
/// "describe your working relationships".
pub const CONTEXT_NOTE: &str =
    "Wider context: not one of a care worker's own working relationships";

impl Library {
    pub fn topic(&self, at: TopicRef) -> Option<&Topic> {
        self.guides.get(at.guide)?.topics.get(at.topic)
    }

    pub fn guide(&self, index: usize) -> Option<&Guide> {
        self.guides.get(index)
    }

    /// Every topic in display order.
    pub fn topic_refs(&self) -> impl Iterator<Item = TopicRef> + '_ {
        self.guides.iter().enumerate().flat_map(|(g, guide)| {
            (0..guide.topics.len()).map(move |t| TopicRef { guide: g, topic: t })
        })
    }

    pub fn topic_count(&self) -> usize {
        self.guides.iter().map(|g| g.topics.len()).sum()
    }

    /// The stable id `guide-id/topic-id` that saved progress keys on.
    pub fn stable_id(&self, at: TopicRef) -> Option<String> {
        let guide = self.guides.get(at.guide)?;
        let topic = guide.topics.get(at.topic)?;
        Some(format!("{}/{}", guide.id, topic.id))
    }

    /// Finds a topic by its stable id `guide/topic`, or by a bare topic id when only one guide has it.
    pub fn find_by_id(&self, id: &str) -> Option<TopicRef> {
        if let Some((guide_id, topic_id)) = id.split_once('/') {
            let g = self.guides.iter().position(|g| g.id == guide_id)?;
            let t = self.guides[g]
                .topics
                .iter()
                .position(|t| t.id == topic_id)?;
            return Some(TopicRef { guide: g, topic: t });
        }
        let mut found = self
            .topic_refs()
            .filter(|&at| self.topic(at).is_some_and(|t| t.id == id));
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    pub fn totals(&self) -> Totals {
        let topics = self.guides.iter().flat_map(|g| &g.topics);
        let mut totals = Totals {
            guides: self.guides.len(),
            ..Totals::default()
        };
        for topic in topics {
            totals.topics += 1;
            totals.points += topic.point_count();
            totals.examples += topic.examples.len();
        }
        totals
    }
}

/// Counts for the one-line summary of `carestudy check`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub guides: usize,
    pub topics: usize,
    pub points: usize,
    pub examples: usize,
}

impl fmt::Display for Totals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} guides, {} topics, {} points, {} examples",
            self.guides, self.topics, self.points, self.examples
        )
    }
}
