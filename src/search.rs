//! Ranked fuzzy search over every piece of text in a library, with match positions for highlighting.
//!
//! Ranking runs in tiers so that the most literal match always wins:
//! 1. the whole query appears in the text as typed (ignoring case);
//! 2. every word of the query appears in the text, in any order;
//! 3. every word matches as a scattered subsequence (fuzzy-matcher's skim algorithm).
//!
//! Within a tier, fuzzy-matcher's score decides, then the field (titles first), then shorter text.

use crate::content::{Library, TopicRef};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

/// Which part of a topic a hit is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "list")]
pub enum Field {
    Title,
    Summary,
    KeyFeature,
    Example,
    /// A point of another named list; holds the list's name.
    Point(String),
    Criterion,
}

impl Field {
    /// A short label for showing which field matched.
    pub fn label(&self) -> &str {
        match self {
            Field::Title => "title",
            Field::Summary => "summary",
            Field::KeyFeature => "key feature",
            Field::Example => "example",
            Field::Point(name) => name,
            Field::Criterion => "criteria",
        }
    }

    /// Higher is shown first when two hits score alike.
    fn weight(&self) -> i64 {
        match self {
            Field::Title => 5,
            Field::KeyFeature => 4,
            Field::Example => 3,
            Field::Point(_) => 3,
            Field::Criterion => 2,
            Field::Summary => 1,
        }
    }
}

/// One searchable piece of text.
#[derive(Debug)]
struct Entry {
    topic: TopicRef,
    field: Field,
    /// Which item of the field (the n-th key feature), for scrolling to it.
    item: usize,
    text: String,
    /// `text` case-folded one character per character, so positions map back one to one.
    folded: Vec<char>,
}

/// How a hit matched, most literal first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The query as typed.
    Phrase,
    /// Every word of the query, in any order.
    Words,
    /// Letters in order and mostly together, like an abbreviation (`vlntr`).
    StrongFuzzy,
    /// Letters in order but spread out; only shown when nothing matches more literally.
    WeakFuzzy,
}

/// A search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub topic: TopicRef,
    pub field: Field,
    pub item: usize,
    pub text: String,
    pub kind: MatchKind,
    pub score: i64,
    /// Character indices of `text` that matched, ascending.
    pub positions: Vec<usize>,
}

const TIER_PHRASE: i64 = 3_000_000;
const TIER_WORDS: i64 = 2_000_000;
const TIER_FUZZY: i64 = 1_000_000;
/// A fuzzy match must score at least this much per query character. Below it the letters are
/// scattered across unrelated words (`uk` in "the public health officers worked").
const MIN_FUZZY_SCORE_PER_CHAR: i64 = 10;
/// From this score per character a fuzzy match is mostly contiguous: skim gives 16 a character
/// plus bonuses, minus gap penalties.
const STRONG_FUZZY_SCORE_PER_CHAR: i64 = 16;

pub struct SearchIndex {
    entries: Vec<Entry>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .finish()
    }
}

fn fold(text: &str) -> Vec<char> {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

impl SearchIndex {
    pub fn new(library: &Library) -> Self {
        let mut entries = Vec::new();
        for at in library.topic_refs() {
            let Some(topic) = library.topic(at) else {
                continue;
            };
            let mut add = |field: Field, item: usize, text: &str| {
                entries.push(Entry {
                    topic: at,
                    field,
                    item,
                    text: text.to_owned(),
                    folded: fold(text),
                });
            };
            add(Field::Title, 0, &topic.title);
            add(Field::Summary, 0, &topic.summary);
            for (i, point) in topic.key_features.iter().enumerate() {
                add(Field::KeyFeature, i, point);
            }
            for (i, example) in topic.examples.iter().enumerate() {
                add(Field::Example, i, example);
            }
            for list in &topic.lists {
                for (i, point) in list.points.iter().enumerate() {
                    add(Field::Point(list.name.clone()), i, point);
                }
            }
            for (i, criterion) in topic.criteria.iter().enumerate() {
                add(Field::Criterion, i, criterion);
            }
        }
        Self {
            entries,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every match for `query`, best first. An empty query matches nothing.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let words: Vec<Vec<char>> = query.split_whitespace().map(fold).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let phrase: Vec<char> = fold(&query.split_whitespace().collect::<Vec<_>>().join(" "));
        let word_strings: Vec<String> = words.iter().map(|w| w.iter().collect()).collect();
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .filter_map(|entry| self.score(entry, &phrase, &words, &word_strings))
            .collect();
        if hits.iter().any(|h| h.kind <= MatchKind::Words) {
            hits.retain(|h| h.kind != MatchKind::WeakFuzzy);
        }
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| a.text.len().cmp(&b.text.len()))
                .then_with(|| a.topic.cmp(&b.topic))
                .then_with(|| a.item.cmp(&b.item))
        });
        hits
    }

    fn score(
        &self,
        entry: &Entry,
        phrase: &[char],
        words: &[Vec<char>],
        word_strings: &[String],
    ) -> Option<Hit> {
        let hit = |kind: MatchKind, score: i64, positions: Vec<usize>| Hit {
            topic: entry.topic,
            field: entry.field.clone(),
            item: entry.item,
            text: entry.text.clone(),
            kind,
            score: score + entry.field.weight() * 1_000,
            positions,
        };
        if let Some(start) = find(&entry.folded, phrase) {
            let bonus = literal_bonus(&entry.folded, start, phrase.len());
            let positions = (start..start + phrase.len()).collect();
            return Some(hit(MatchKind::Phrase, TIER_PHRASE + bonus, positions));
        }
        if words.len() > 1 {
            let found: Option<Vec<usize>> = words.iter().map(|w| find(&entry.folded, w)).collect();
            if let Some(starts) = found {
                let mut positions = Vec::new();
                let mut bonus = 0;
                for (start, word) in starts.iter().zip(words) {
                    positions.extend(*start..*start + word.len());
                    bonus += literal_bonus(&entry.folded, *start, word.len());
                }
                positions.sort_unstable();
                positions.dedup();
                let score = TIER_WORDS + bonus / words.len() as i64;
                return Some(hit(MatchKind::Words, score, positions));
            }
        }
        let mut total = 0;
        let mut positions = Vec::new();
        let mut strong = true;
        for word in word_strings {
            let (score, found) = self.matcher.fuzzy_indices(&entry.text, word)?;
            let chars = word.chars().count() as i64;
            if score < MIN_FUZZY_SCORE_PER_CHAR * chars {
                return None;
            }
            strong &= score >= STRONG_FUZZY_SCORE_PER_CHAR * chars;
            total += score;
            positions.extend(found);
        }
        positions.sort_unstable();
        positions.dedup();
        let kind = if strong {
            MatchKind::StrongFuzzy
        } else {
            MatchKind::WeakFuzzy
        };
        Some(hit(
            kind,
            TIER_FUZZY + total.min(TIER_FUZZY / 2 - 1),
            positions,
        ))
    }
}

/// Favours matches at the start of a word and near the start of the text.
fn literal_bonus(text: &[char], start: usize, len: usize) -> i64 {
    let at_word_start = start == 0 || !text[start - 1].is_alphanumeric();
    let at_word_end = text.get(start + len).is_none_or(|c| !c.is_alphanumeric());
    let mut bonus = 500 - (start as i64).min(400);
    if at_word_start {
        bonus += 400;
    }
    if at_word_end {
        bonus += 200;
    }
    bonus
}

fn find(haystack: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_guide;

    fn library() -> Library {
        let text = "+++\nid = \"g\"\ntitle = \"G\"\ncriterion = \"C\"\nverb = \"explain\"\nsource = \"S\"\n+++\n\n## Advocates {#advocates}\n\nAn advocate speaks up for a person.\n\n### Key features\n\n- Works with Age UK and Mind\n- Acts independently\n\n## Volunteers {#volunteers}\n\nVolunteers give their time without pay.\n\n### Examples\n\n- A volunteer from Age UK visits a care home\n";
        match parse_guide("g.md", text.as_bytes()) {
            Ok(guide) => Library {
                guides: vec![guide],
            },
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn exact_phrase_ranks_above_scattered_matches() {
        let index = SearchIndex::new(&library());
        let hits = index.search("age uk");
        assert!(hits.len() >= 2);
        assert!(hits[0].text.contains("Age UK"));
        assert!(hits[1].text.contains("Age UK"));
        assert!(hits.iter().take(2).all(|h| h.score >= TIER_PHRASE));
    }

    #[test]
    fn words_match_in_any_order() {
        let index = SearchIndex::new(&library());
        let hits = index.search("mind age");
        assert_eq!(hits[0].text, "Works with Age UK and Mind");
        assert!(hits[0].score >= TIER_WORDS && hits[0].score < TIER_PHRASE);
    }

    #[test]
    fn positions_point_at_the_matched_characters() {
        let index = SearchIndex::new(&library());
        let hits = index.search("Mind");
        let hit = &hits[0];
        let matched: String = hit
            .positions
            .iter()
            .filter_map(|&i| hit.text.chars().nth(i))
            .collect();
        assert_eq!(matched, "Mind");
    }

    #[test]
    fn fuzzy_subsequences_still_match() {
        let index = SearchIndex::new(&library());
        let hits = index.search("vlntr");
        assert!(!hits.is_empty());
        assert!(hits[0].score < TIER_WORDS);
    }

    #[test]
    fn scattered_letters_across_words_do_not_match() {
        let index = SearchIndex::new(&library());
        // "u" and "k" appear in many texts, but only "Age UK" has them together.
        let hits = index.search("uk");
        assert!(hits.iter().all(|h| h.text.contains("UK")), "{hits:?}");
    }

    #[test]
    fn empty_query_matches_nothing() {
        assert!(SearchIndex::new(&library()).search("   ").is_empty());
    }
}
