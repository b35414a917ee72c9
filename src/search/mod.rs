//! Search over every guide: what a learner types, matched word by word against the guides'
//! vocabulary, ranked in tiers a learner can trust, one result per topic.
//!
//! Words are compared by their Snowball stem ("listening" finds "listen"), with a small table of
//! everyday synonyms and spellings ("boss" finds "manager"). Results come in tiers, so the most
//! literal match always wins:
//!
//! 1. [`Tier::Phrase`]: the words as typed, in a row (one word: that word);
//! 2. [`Tier::Words`]: every word (or a synonym of it) somewhere in the topic, in any order;
//! 3. [`Tier::Typo`]: as 2, reading a word the guides never use as the closest words they do,
//!    one edit away for words of 4 to 7 letters, two for longer ones (a swap of two letters is
//!    one edit);
//! 4. [`Tier::Partial`]: only when nothing above matches, words the query's words begin
//!    (`safeg` for "safeguarding"), so results appear while a word is being typed.
//!
//! Letters are never matched across words. Within a tier, topics are ranked by BM25 over the
//! stems, with titles and `### Search terms` counting above body text. A query that matches
//! nothing gets a "did you mean" suggestion when a close word of the guides would match.

mod build;
mod coded;
mod english;
mod hit;
mod index;
mod parts;
mod query;
mod scan;
mod slot;
pub mod synonyms;
mod words;

use crate::content::{Library, List, ListKind, TopicRef};
use index::{Index, Scope};
use query::{
    Corpus, Pass, QueryWord, allowed_edits, candidates, expand, parse, parse_joining, rank,
    similar_letters,
};
use serde::Serialize;
pub use slot::IndexSlot;

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
    /// One of the topic's `### Search terms`. They are shown together on one line, so every
    /// term is item 0.
    SearchTerm,
}

impl Field {
    /// The field of a topic's list of points or examples.
    pub fn of_list(list: &List) -> Field {
        match list.kind {
            ListKind::KeyFeatures => Field::KeyFeature,
            ListKind::Examples => Field::Example,
            ListKind::Named => Field::Point(list.name.to_owned()),
        }
    }

    /// A short label for showing which field matched.
    pub fn label(&self) -> &str {
        match self {
            Field::Title => "title",
            Field::Summary => "summary",
            Field::KeyFeature => "key feature",
            Field::Example => "example",
            Field::Point(name) => name,
            Field::Criterion => "criteria",
            Field::SearchTerm => "search term",
        }
    }
}

/// How a topic matched, most literal first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// The words as typed, in a row.
    Phrase,
    /// Every word or a synonym of it, in any order.
    Words,
    /// Some word read as a misspelling of a word of the guides.
    Typo,
    /// Some word matched as the start of a longer one (only when nothing else matches).
    Partial,
}

impl Tier {
    /// Where the tier's scores start: far enough apart that BM25 never crosses a tier.
    fn base_score(self) -> i64 {
        match self {
            Tier::Phrase => 3_000_000,
            Tier::Words => 2_000_000,
            Tier::Typo => 1_500_000,
            Tier::Partial => 1_000_000,
        }
    }

    /// The score shown for a topic of this tier with a BM25 score of `bm25`.
    pub fn score(self, bm25: f32) -> i64 {
        let within = (f64::from(bm25) * 1000.0).round().clamp(0.0, 400_000.0);
        self.base_score() + within as i64
    }

    pub fn name(self) -> &'static str {
        match self {
            Tier::Phrase => "phrase",
            Tier::Words => "words",
            Tier::Typo => "typo",
            Tier::Partial => "partial",
        }
    }
}

/// One result: a topic, with the text of it that matches best.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub topic: TopicRef,
    /// Where the best text is, so Browse can scroll to it.
    pub field: Field,
    pub item: usize,
    /// The best text, as written.
    pub text: String,
    pub tier: Tier,
    /// Higher is better, across tiers too: the tier's base (3 000 000 for a phrase, then
    /// 2 000 000, 1 500 000 and 1 000 000) plus a thousand times the topic's BM25 score.
    pub score: i64,
    /// Character indices of `text` in the matched words, ascending.
    pub positions: Vec<usize>,
    /// How many other texts of the topic match too.
    pub further: usize,
    /// For a typo match: the words of `text` the misspelling was read as ("mentor").
    pub corrections: Vec<String>,
}

impl Hit {
    /// Whether the topic matched only by reading a word as a misspelling.
    pub fn is_typo(&self) -> bool {
        self.tier == Tier::Typo
    }
}

/// The results of one search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    /// The best topics, best first, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// How many topics match in all.
    pub total: usize,
    /// When nothing matches: a query with a misspelt word replaced by the nearest word of the
    /// guides, which does match.
    pub suggestion: Option<String>,
}

/// A query longer than this many words is cut here: nobody types more, and every word costs.
const MAX_QUERY_WORDS: usize = 16;

/// The search index over a library. It refers to the library's texts rather than copying them,
/// so searching takes the library it was built from.
#[derive(Debug)]
pub struct SearchIndex {
    index: Index,
}

impl SearchIndex {
    pub fn new(library: &Library) -> Self {
        Self {
            index: Index::new(library, Scope::Everything),
        }
    }

    /// An index of the topics' titles alone, for finding a topic by name.
    pub fn titles(library: &Library) -> Self {
        Self {
            index: Index::new(library, Scope::Titles),
        }
    }

    /// How many topics the index holds.
    pub fn len(&self) -> usize {
        self.index.topic_count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes held by the index's tables (the library's texts are not copied).
    pub fn heap_bytes(&self) -> usize {
        self.index.heap_bytes()
    }

    /// Every matching topic, best first.
    pub fn search_all(&self, library: &Library, query: &str) -> Vec<Hit> {
        self.search(library, query, usize::MAX).hits
    }

    /// The best `limit` topics for `query`, best first, with how many match in all. `library`
    /// must be the one the index was built from.
    pub fn search(&self, library: &Library, query: &str, limit: usize) -> SearchResults {
        let Ranked {
            words,
            best,
            total,
            suggestion,
        } = ranked(&self.index, query, limit);
        let hits = best
            .into_iter()
            .filter_map(|candidate| hit::hit(&self.index, library, &words, candidate))
            .collect();
        SearchResults {
            hits,
            total,
            suggestion,
        }
    }
}

/// One query answered as [`SearchIndex::search`] would, for a command that asks one: the guides
/// are scanned for the query's stems instead of building the whole index, which costs a few
/// milliseconds instead of most of a second on thousands of guides. A query that needs the whole
/// vocabulary (a word the guides do not use: a typo, a word being typed, a suggestion) builds the
/// index after all.
pub fn search_once(library: &Library, query: &str, limit: usize) -> SearchResults {
    scanned(library, query, limit)
        .unwrap_or_else(|| SearchIndex::new(library).search(library, query, limit))
}

/// [`search_once`] by a scan, or `None` when the query needs the whole index.
fn scanned(library: &Library, query: &str, limit: usize) -> Option<SearchResults> {
    let scan = scan::Scan::new(library, query)?;
    let Ranked {
        words,
        best,
        total,
        suggestion,
    } = ranked(&scan, query, limit);
    if scan.needs_index() {
        return None;
    }
    // Results are made from an index of the few topics shown, in its own stem ids.
    let topics: Vec<u32> = best.iter().map(|c| c.topic).collect();
    let index = scan::Scan::index_of(library, &topics);
    let in_index = |id: index::StemId| index.stem_id(scan.stem_text(id)?);
    let words: Vec<QueryWord> = words
        .into_iter()
        .map(|word| QueryWord {
            own: word.own.and_then(in_index),
            alternatives: word
                .alternatives
                .iter()
                .filter_map(|a| {
                    Some(query::Alternative {
                        stem: in_index(a.stem)?,
                        ..*a
                    })
                })
                .collect(),
            ..word
        })
        .collect();
    let hits = (0u32..)
        .zip(best)
        .filter_map(|(topic, candidate)| {
            hit::hit(
                &index,
                library,
                &words,
                query::Candidate { topic, ..candidate },
            )
        })
        .collect();
    Some(SearchResults {
        hits,
        total,
        suggestion,
    })
}

/// One query's answer as the ranking sees it, before its hits are made into results.
struct Ranked {
    words: Vec<QueryWord>,
    /// The best candidates, best first.
    best: Vec<query::Candidate>,
    total: usize,
    suggestion: Option<String>,
}

/// The best `limit` topics of `corpus` for `query`, with how many match in all.
fn ranked(corpus: &impl Corpus, query: &str, limit: usize) -> Ranked {
    let mut words = parse(corpus, query);
    words.truncate(MAX_QUERY_WORDS);
    if words.iter().all(|w| w.stop) {
        return Ranked {
            words,
            best: Vec::new(),
            total: 0,
            suggestion: None,
        };
    }
    let mut found = if expand(corpus, &mut words, Pass::Whole) {
        candidates(corpus, &words)
    } else {
        Vec::new()
    };
    if found.is_empty() {
        // Two words the guides only write as one ("food bank", "foodbank").
        let mut joined = parse_joining(corpus, query, true);
        joined.truncate(MAX_QUERY_WORDS);
        if joined.len() < words.len() && expand(corpus, &mut joined, Pass::Whole) {
            found = candidates(corpus, &joined);
            if !found.is_empty() {
                words = joined;
            }
        }
    }
    let unknown: Vec<bool> = words
        .iter()
        .map(|w| !w.stop && w.alternatives.is_empty())
        .collect();
    if found.is_empty() && expand(corpus, &mut words, Pass::Partial) {
        found = candidates(corpus, &words);
    }
    let total = found.len();
    let suggestion = if found.is_empty() {
        suggest(corpus, &words, &unknown)
    } else {
        None
    };
    let best = rank(corpus, &words, found, limit);
    Ranked {
        words,
        best,
        total,
        suggestion,
    }
}

/// The query with each word the guides do not use replaced by the closest word they do, if
/// that query finds something.
fn suggest(corpus: &impl Corpus, words: &[QueryWord], unknown: &[bool]) -> Option<String> {
    let mut suggested = Vec::new();
    let mut changed = false;
    for (word, &unknown) in words.iter().zip(unknown) {
        if !unknown {
            suggested.push(word.text.clone());
            continue;
        }
        // A real word typed on purpose is not offered as another ("ward" for "hard").
        if english::is_word(&word.text) {
            return None;
        }
        // A little more room than typos get: this only suggests, it does not match.
        let edits = match word.text.chars().count() {
            0..=2 => return None,
            3..=5 => 1,
            _ => 2,
        }
        .max(allowed_edits(&word.text));
        let mut close = corpus.words_within(&word.text, edits);
        close.retain(|c| c.is_word && (c.distance < 2 || similar_letters(&word.text, &c.text)));
        close.sort_by(|a, b| {
            let key = |c: &index::Close| {
                (
                    c.distance,
                    std::cmp::Reverse(corpus.topic_frequency(c.stem)),
                )
            };
            key(a).cmp(&key(b)).then_with(|| a.text.cmp(&b.text))
        });
        suggested.push(close.into_iter().next()?.text);
        changed = true;
    }
    if !changed {
        return None;
    }
    let suggestion = suggested.join(" ");
    let mut check = parse(corpus, &suggestion);
    let finds = expand(corpus, &mut check, Pass::Whole) && !candidates(corpus, &check).is_empty();
    finds.then_some(suggestion)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_guide;

    const GUIDE: &str = "+++\nid = \"g\"\ntitle = \"G\"\ncriterion = \"C\"\nverb = \"explain\"\nsource = \"S\"\n+++\n\n## Advocates {#advocates}\n\nAn advocate speaks up for a person.\n\n### Key features\n\n- Works with Age UK and Mind\n- Acts independently\n- Listening to the person matters\n\n### Search terms\n\n- advocacy\n\n## Volunteers {#volunteers}\n\nVolunteers give their time without pay.\n\n### Examples\n\n- A volunteer from Age UK visits a care home\n- Mind you, the age of a volunteer does not matter in the UK\n\n## Multi-agency working {#multi-agency}\n\nOrganisations join up. Duplicated care is avoided and the duty of care is shared.\n\n## Mentors {#mentors}\n\nMentors guide trainees. Safeguarding matters to mentors too.\n";

    fn library() -> Library {
        match parse_guide("g.md", GUIDE.as_bytes()) {
            Ok(guide) => Library {
                guides: vec![guide],
            },
            Err(e) => panic!("{e:?}"),
        }
    }

    fn search(query: &str) -> SearchResults {
        let library = library();
        SearchIndex::new(&library).search(&library, query, 10)
    }

    fn ids(results: &SearchResults) -> Vec<String> {
        let library = library();
        results
            .hits
            .iter()
            .filter_map(|h| library.topic(h.topic).map(|t| t.id.to_string()))
            .collect()
    }

    fn highlighted(hit: &Hit) -> String {
        let chars: Vec<char> = hit.text.chars().collect();
        let mut out = String::new();
        for (i, c) in chars.iter().enumerate() {
            let on = hit.positions.contains(&i);
            let was = i > 0 && hit.positions.contains(&(i - 1));
            if on && !was {
                out.push('[');
            }
            if !on && was {
                out.push(']');
            }
            out.push(*c);
        }
        if hit.positions.contains(&(chars.len().saturating_sub(1))) {
            out.push(']');
        }
        out
    }

    #[test]
    fn the_phrase_as_typed_ranks_above_the_words_in_any_order() {
        let results = search("age uk");
        let mut found = ids(&results);
        found.sort();
        assert_eq!(found, ["advocates", "volunteers"]);
        assert!(results.hits.iter().all(|h| h.tier == Tier::Phrase));
        let results = search("uk age");
        assert_eq!(results.hits[0].tier, Tier::Words);
        // The volunteers topic has "Age UK" in one text and "the age ... UK" in another: one
        // row for the topic, its best text, and a count of the rest.
        let results = search("age uk");
        let Some(volunteers) = results.hits.iter().find(|h| h.text.contains("volunteer")) else {
            panic!("{results:?}");
        };
        assert_eq!(
            volunteers.text,
            "A volunteer from Age UK visits a care home"
        );
        assert_eq!(volunteers.further, 1);
        assert_eq!(
            highlighted(volunteers),
            "A volunteer from [Age] [UK] visits a care home"
        );
    }

    #[test]
    fn words_match_by_stem() {
        let hits = search("listen").hits;
        assert_eq!(highlighted(&hits[0]), "[Listening] to the person matters");
        assert_eq!(ids(&search("duplicate")), ["multi-agency"]);
    }

    #[test]
    fn stop_words_only_count_in_the_phrase() {
        let results = search("duty of care");
        assert_eq!(ids(&results), ["multi-agency"]);
        assert_eq!(results.hits[0].tier, Tier::Phrase);
        assert_eq!(highlighted(&results.hits[0]).matches('[').count(), 3);
        // The same words, but not as written: "of" is not between them.
        assert_eq!(search("duty care").hits[0].tier, Tier::Words);
        assert_eq!(search("care of duty").hits[0].tier, Tier::Words);
        assert!(search("the of and").hits.is_empty());
    }

    #[test]
    fn letters_are_never_matched_across_words() {
        // Every letter of "vlntr" is in "volunteers", but only as an abbreviation: no match.
        let results = search("vlntr");
        assert!(results.hits.is_empty(), "{:?}", results.hits);
        assert!(search("gsm").hits.is_empty());
    }

    #[test]
    fn each_kind_of_slip_finds_the_word_and_is_labelled() {
        for typo in [
            "mentro",
            "mentr",
            "mentoor",
            "mentar",
            "vlunteers",
            "volunteres",
        ] {
            let results = search(typo);
            let hit = results
                .hits
                .first()
                .unwrap_or_else(|| panic!("{typo}: no match"));
            assert_eq!(hit.tier, Tier::Typo, "{typo}");
            assert!(hit.is_typo());
            assert!(!hit.corrections.is_empty(), "{typo}");
        }
        // Two edits only in words of eight letters or more.
        assert_eq!(ids(&search("safgaurding")), ["mentors"]);
        assert!(search("mntro").hits.is_empty());
        // A word the guides use is never read as a typo of another ("mind" is not "mine").
        assert!(search("mind").hits.iter().all(|h| h.tier != Tier::Typo));
        // Nor is an ordinary English word they do not use: it was typed on purpose.
        for word in ["mint", "mine", "ward"] {
            let results = search(word);
            assert!(results.hits.is_empty(), "{word}: {results:?}");
            assert_eq!(results.suggestion, None, "{word}");
        }
    }

    #[test]
    fn a_word_being_typed_finds_longer_words_only_when_nothing_else_does() {
        let results = search("safeg");
        assert_eq!(ids(&results), ["mentors"]);
        assert_eq!(results.hits[0].tier, Tier::Partial);
        assert_eq!(
            highlighted(&results.hits[0]),
            "Mentors guide trainees. [Safeg]uarding matters to mentors too."
        );
        // "advoca" begins "advocate" and "advocacy", but nothing matches it whole.
        assert_eq!(search("advoca").hits[0].tier, Tier::Partial);
        // "age" matches whole words, so "agency" is not offered beside them.
        assert!(search("age").hits.iter().all(|h| h.tier == Tier::Phrase));
    }

    #[test]
    fn hyphenated_words_are_found_written_as_one_and_as_two() {
        assert_eq!(ids(&search("multiagency")), ["multi-agency"]);
        assert_eq!(ids(&search("multi-agency")), ["multi-agency"]);
        assert_eq!(ids(&search("multi agency")), ["multi-agency"]);
        let hit = &search("multiagency").hits[0];
        assert_eq!(highlighted(hit), "[Multi-agency] working");
    }

    #[test]
    fn synonyms_and_search_terms_find_topics() {
        let results = search("advocacy");
        assert_eq!(ids(&results), ["advocates"]);
        assert_eq!(results.hits[0].field, Field::SearchTerm);
        let library = library();
        let index = SearchIndex::new(&library);
        let builtin = crate::test_support::builtin_library();
        let builtin_index = SearchIndex::new(&builtin);
        let boss = builtin_index.search(&builtin, "boss", 3);
        assert!(!boss.hits.is_empty());
        assert!(boss.hits.iter().all(|h| h.tier == Tier::Words));
        assert!(index.search(&library, "boss", 3).hits.is_empty());
    }

    #[test]
    fn nothing_relevant_means_no_matches_and_maybe_a_suggestion() {
        let results = search("holiday");
        assert!(results.hits.is_empty());
        assert_eq!(results.total, 0);
        assert_eq!(results.suggestion, None);
        // Too short to be read as a typo, close enough to suggest.
        let results = search("mnd");
        assert!(results.hits.is_empty());
        assert_eq!(results.suggestion.as_deref(), Some("mind"));
        let results = search("tranees age");
        assert_eq!(
            results.suggestion, None,
            "a suggestion must itself find something"
        );
    }

    #[test]
    fn a_limit_keeps_the_best_and_counts_them_all() {
        let library = crate::test_support::builtin_library();
        let index = SearchIndex::new(&library);
        let all = index.search_all(&library, "care");
        let top = index.search(&library, "care", 5);
        assert_eq!(top.hits, all[..5]);
        assert_eq!(top.total, all.len());
        assert!(top.total > 40);
        // Phrases are checked only as far as the limit needs: the best few are still the best.
        for query in [
            "care worker",
            "duty of care",
            "person centred care",
            "the care",
            "team work",
        ] {
            let all = index.search_all(&library, query);
            for limit in [1, 3, 10] {
                let top = index.search(&library, query, limit);
                assert_eq!(top.hits, all[..limit.min(all.len())], "{query} {limit}");
                assert_eq!(top.total, all.len());
            }
        }
    }

    #[test]
    fn an_index_read_on_several_threads_finds_exactly_what_one_thread_does() {
        let library = crate::test_support::builtin_library();
        let one = SearchIndex {
            index: Index::in_runs(&library, Scope::Everything, 1),
        };
        let three = SearchIndex {
            index: Index::in_runs(&library, Scope::Everything, 3),
        };
        for query in [
            "care",
            "handover",
            "mentro",
            "safeg",
            "duty of care",
            "multiagency",
            "c",
            "boss",
            "jragno",
            "person centred care plan",
            "gdpr consent",
        ] {
            assert_eq!(
                one.search(&library, query, 20),
                three.search(&library, query, 20),
                "{query}"
            );
        }
        // Every match, phrases above all: a topic read on a later thread holds its phrases too.
        for query in [
            "working relationships",
            "care worker",
            "professional relationships",
            "care certificate",
            "person centred",
        ] {
            let all = one.search_all(&library, query);
            assert!(all.iter().filter(|hit| hit.tier == Tier::Phrase).count() > 2);
            assert_eq!(all, three.search_all(&library, query), "{query}");
        }
    }

    #[test]
    fn an_empty_or_blank_query_matches_nothing() {
        assert_eq!(search(""), SearchResults::default());
        assert_eq!(search("  - , "), SearchResults::default());
    }
}
