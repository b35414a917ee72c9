//! The guide as the parser assembles it: owned strings and lists that grow point by point
//! (lists of the same name merge, key features can come in several `###` sections). A finished
//! draft is packed into the model, whose texts each guide keeps in one buffer
//! ([`crate::content::text`]).

use crate::content::model::{CommandVerb, Table, TopicLink};

pub struct Guide {
    pub id: String,
    pub title: String,
    pub criterion: String,
    pub verb: CommandVerb,
    pub source: String,
    pub criteria: Vec<String>,
    pub references: Vec<Reference>,
    pub introduction: String,
    pub topics: Vec<Topic>,
    pub id_position: (usize, usize),
    pub source_position: (usize, usize),
}

pub struct Reference {
    pub title: String,
    pub url: String,
}

pub struct Topic {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub key_features: Vec<String>,
    pub examples: Vec<String>,
    pub lists: Vec<PointList>,
    pub criteria: Vec<String>,
    pub search_terms: Vec<String>,
    pub tables: Vec<Table>,
    pub question: Option<String>,
    pub model_answer: Vec<String>,
    pub see_also: Vec<TopicLink>,
    pub party: bool,
    pub context: bool,
    pub line: usize,
    pub item_lines: ItemLines,
}

/// The line of each key feature and example in the file, in order.
#[derive(Default)]
pub struct ItemLines {
    pub key_features: Vec<usize>,
    pub examples: Vec<usize>,
}

pub struct PointList {
    pub name: String,
    pub points: Vec<String>,
    /// The line of each point in the file.
    pub lines: Vec<usize>,
}
