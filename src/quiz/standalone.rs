//! Whether a point or example makes sense on its own, as a quiz question shows it: away from its
//! topic's title and from the points around it.

use super::meaning::{merged, strip_label};
use crate::practice::words::{is_stop_word, stem, tokens};
use std::collections::BTreeSet;
use std::fmt;

/// Fewer words than this and a point is a fragment ("Charities.") rather than something to
/// recognise.
pub const MIN_WORDS: usize = 4;

/// Words that, first in a point, refer back to something the point does not say.
const REFERRING_WORDS: &[&str] = &[
    "both", "he", "her", "his", "it", "its", "she", "such", "that", "their", "them", "these",
    "they", "this", "those",
];

/// Why a point cannot be asked on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotStandAlone {
    /// It starts with a word that refers back ("They pass on important information").
    StartsWithPronoun(String),
    /// It has fewer than [`MIN_WORDS`] words.
    TooShort(usize),
    /// It says its own topic's title, which gives the answer away.
    NamesTitle(String),
}

impl fmt::Display for NotStandAlone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::StartsWithPronoun(word) => write!(
                f,
                "starts with `{word}`, which needs the topic to make sense: say what it refers to"
            ),
            Self::TooShort(words) => write!(
                f,
                "has {words} word{} (fewer than {MIN_WORDS}): a quiz question needs a point that \
                 says something on its own",
                if *words == 1 { "" } else { "s" }
            ),
            Self::NamesTitle(title) => write!(
                f,
                "names its own topic's title `{title}`, which gives the quiz answer away: say it \
                 in other words"
            ),
        }
    }
}

/// The first reason `text`, a point or example of the topic titled `title`, cannot stand alone.
/// `label` is a series label its guide's titles share ("Component"), which is not part of what
/// the title names.
pub fn stand_alone_problem(text: &str, title: &str, label: Option<&str>) -> Option<NotStandAlone> {
    let words = tokens(text);
    if let Some(first) = words.first()
        && REFERRING_WORDS.contains(&first.as_str())
    {
        let shown = text.split_whitespace().next().unwrap_or(first);
        let shown = shown.trim_matches(|c: char| !c.is_alphanumeric());
        return Some(NotStandAlone::StartsWithPronoun(shown.to_owned()));
    }
    let count = text.split_whitespace().count();
    if count < MIN_WORDS {
        return Some(NotStandAlone::TooShort(count));
    }
    let title = strip_label(title, label);
    let title_stems = raw_stems(title);
    if !title_stems.is_empty() && title_stems.iter().all(|stem| holds(&words, stem)) {
        return Some(NotStandAlone::NamesTitle(title.to_owned()));
    }
    None
}

/// Whether one of `words` has the stem `wanted`. Only words that start as the stem does are
/// stemmed (a stem is its word, perhaps with the last letter changed: "famili" from
/// "families"), which keeps `check` quick on a large library.
fn holds(words: &[String], wanted: &str) -> bool {
    let cut = wanted.char_indices().last().map_or(0, |(at, _)| at);
    let start = &wanted[..cut];
    words
        .iter()
        .filter(|w| w.starts_with(start) && !is_stop_word(w))
        .any(|w| merged(stem(w)) == wanted)
}

/// Snowball stems of the words that are not stop words, without synonyms: "Colleagues" names
/// its own title, "staff" does not. Forms the stemmer keeps apart are joined ("advocacy" names
/// "Advocates").
fn raw_stems(text: &str) -> BTreeSet<String> {
    tokens(text)
        .iter()
        .filter(|w| !is_stop_word(w))
        .map(|w| merged(stem(w)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_that_refers_back_is_not_stand_alone() {
        assert_eq!(
            stand_alone_problem("They pass on important information.", "Trust", None),
            Some(NotStandAlone::StartsWithPronoun("They".to_owned()))
        );
        assert_eq!(
            stand_alone_problem(
                "It is focused on tasks and on giving care.",
                "Colleagues",
                None
            ),
            Some(NotStandAlone::StartsWithPronoun("It".to_owned()))
        );
        assert_eq!(
            stand_alone_problem("Items that are left behind get lost.", "Tidying", None),
            None,
            "a word that only looks like a pronoun elsewhere in the point is fine"
        );
    }

    #[test]
    fn a_fragment_is_not_stand_alone() {
        assert_eq!(
            stand_alone_problem("Charities.", "External agencies", None),
            Some(NotStandAlone::TooShort(1))
        );
        assert_eq!(
            stand_alone_problem("Using a communication board", "Needs", None),
            None
        );
    }

    #[test]
    fn a_point_naming_its_topic_gives_the_answer_away() {
        assert_eq!(
            stand_alone_problem("Trust is built gradually over time.", "Trust", None),
            Some(NotStandAlone::NamesTitle("Trust".to_owned()))
        );
        assert_eq!(
            stand_alone_problem(
                "Staff who feel trusted stay longer in their jobs.",
                "Component: trust and safety",
                Some("Component")
            ),
            None,
            "only part of the title"
        );
        assert_eq!(
            stand_alone_problem(
                "Colleagues give each other help and advice when needed.",
                "Colleagues",
                None
            ),
            Some(NotStandAlone::NamesTitle("Colleagues".to_owned()))
        );
    }
}
