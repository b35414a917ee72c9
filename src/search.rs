//! Ranked fuzzy search over every piece of text in a library, with match positions for highlighting.
//!
//! Ranking runs in tiers so that the most literal match always wins:
//! 1. the whole query appears in the text as typed (ignoring case);
//! 2. every word of the query appears in the text, in any order;
//! 3. every word's letters appear in order close together, like an abbreviation;
//! 4. every word's letters appear in order, spread out (only when nothing matches literally).
//!
//! Within a tier, fuzzy-matcher's score decides, then the field (titles first), then shorter text.

use crate::content::{Library, List, ListKind, Section, TopicRef};
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

    /// Higher is shown first when two hits score alike.
    fn weight(&self) -> i64 {
        match self {
            Field::Title | Field::SearchTerm => 5,
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
    /// Where the text sits in the index's `texts` buffer.
    text: std::ops::Range<usize>,
    /// Where the text case-folded one character for one character (so the n-th character of
    /// each is the same letter and match positions carry over) sits in the `folded` buffer.
    folded: std::ops::Range<usize>,
}

/// How a hit matched, most literal first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The query as typed.
    Phrase,
    /// Every word of the query, in any order.
    Words,
    /// Each word's letters in order within a window twice its length, like an abbreviation
    /// (`vlntr` in "volunteers").
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
const TIER_STRONG_FUZZY: i64 = 1_500_000;
const TIER_WEAK_FUZZY: i64 = 1_000_000;
/// Fuzzy scores are capped below the gap between tiers, so a tier always outranks the next.
const MAX_FUZZY_SCORE: i64 = 400_000;
/// A strong fuzzy match has each word's letters within a window this many times the word's
/// length (`vlntr` in "volunteers", `sfgrd` in "safeguarding").
const STRONG_WINDOW_PER_CHAR: usize = 2;
/// A weak one within this many times: wider, and the letters are strewn across unrelated words
/// (`uk` in "the public health officers worked").
const WEAK_WINDOW_PER_CHAR: usize = 6;

pub struct SearchIndex {
    entries: Vec<Entry>,
    /// Every entry's text, end to end.
    texts: String,
    /// Every entry's case-folded text, end to end: one buffer rather than one allocation per
    /// entry, so scanning a large library reads memory in order instead of chasing pointers.
    folded: String,
    /// The positions of the matched letters of the fuzzy results that are shown. Ranking does not
    /// use it: on a large library tens of thousands of texts can hold a query's letters, and
    /// scoring each with skim took a keystroke to 60 ms; the tightest window is found with memchr.
    matcher: SkimMatcherV2,
}

/// From this many entries a pass over them is split between two threads.
const PARALLEL_FROM: usize = 8_192;

fn in_parallel<R: Send>(items: &[u32], work: impl Fn(&[u32]) -> Vec<R> + Sync) -> Vec<R> {
    crate::parallel::in_two_halves(items, PARALLEL_FROM, work)
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .finish()
    }
}

fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Lower case, one character for one character (`İ` would lower to two; it keeps the first).
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Character index of a byte offset in `text`.
fn char_index(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |before| before.chars().count())
}

/// Character indices covered by `len` bytes of `text` starting at byte `start`.
fn char_range(text: &str, start: usize, len: usize) -> std::ops::Range<usize> {
    let first = char_index(text, start);
    let count = text
        .get(start..start + len)
        .map_or(0, |s| s.chars().count());
    first..first + count
}

impl SearchIndex {
    pub fn new(library: &Library) -> Self {
        let mut entries = Vec::new();
        // The texts and their folded forms each end to end in one buffer: a few large
        // allocations rather than two per entry, and scans read memory in order.
        let mut texts = String::new();
        let mut folded = String::new();
        for at in library.topic_refs() {
            let Some(topic) = library.topic(at) else {
                continue;
            };
            let mut add = |field: Field, item: usize, text: &str| {
                let text_start = texts.len();
                texts.push_str(text);
                let folded_start = folded.len();
                folded.extend(text.chars().map(fold_char));
                entries.push(Entry {
                    topic: at,
                    field,
                    item,
                    text: text_start..texts.len(),
                    folded: folded_start..folded.len(),
                });
            };
            add(Field::Title, 0, &topic.title);
            let Some(guide) = library.guide(at.guide) else {
                continue;
            };
            for section in topic.sections(guide) {
                match section {
                    Section::Summary(summary) => add(Field::Summary, 0, summary),
                    Section::List(list) => {
                        let field = Field::of_list(&list);
                        for (i, item) in list.items.iter().enumerate() {
                            add(field.clone(), i, item);
                        }
                    }
                    // Only the topic's own criteria: the guide's would match every topic in it.
                    Section::Criteria(criteria) => {
                        for (i, criterion) in criteria.own.iter().enumerate() {
                            add(Field::Criterion, i, criterion);
                        }
                    }
                    Section::SearchTerms(terms) => {
                        for term in terms {
                            add(Field::SearchTerm, 0, term);
                        }
                    }
                    // Not searched (yet): reading matter and links, and the guide's source.
                    Section::Question(_)
                    | Section::Table(_)
                    | Section::ModelAnswer(_)
                    | Section::SeeAlso(_)
                    | Section::Source(_)
                    | Section::References(_) => {}
                }
            }
        }
        Self {
            entries,
            texts,
            folded,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    fn text(&self, entry: &Entry) -> &str {
        self.texts.get(entry.text.clone()).unwrap_or("")
    }

    fn folded(&self, entry: &Entry) -> &str {
        self.folded.get(entry.folded.clone()).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every match for `query`, best first. An empty query matches nothing.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        self.search_limited(query, usize::MAX, &mut Narrowing::default())
            .hits
    }

    /// The best `limit` matches for `query`, best first, and how many there are in all.
    ///
    /// `narrowing` carries what the previous query could match: when `query` extends it (typing
    /// one more letter), only those entries are looked at again. Pass a fresh one otherwise; a
    /// query that does not extend the previous one starts over by itself.
    pub fn search_limited(
        &self,
        query: &str,
        limit: usize,
        narrowing: &mut Narrowing,
    ) -> SearchResults {
        let Some(parsed) = Query::parse(query) else {
            *narrowing = Narrowing::default();
            return SearchResults::default();
        };
        // One pass over the entries that could match, on both cores when there are many: the
        // cheap prefilter, then the literal rank, which most matches get.
        let all;
        let source: &[u32] = match narrowing.for_query(query) {
            Some(previous) => previous,
            None => {
                all = (0..self.entries.len())
                    .filter_map(|i| u32::try_from(i).ok())
                    .collect::<Vec<u32>>();
                &all
            }
        };
        let classified = in_parallel(source, |part| {
            part.iter()
                .filter(|&&i| self.could_match(i, &parsed))
                .map(|&i| (i, self.literal_rank(&self.entries[i as usize], &parsed)))
                .collect()
        });
        let candidates: Vec<u32> = classified.iter().map(|&(i, _)| i).collect();
        let mut ranked: Vec<(u32, MatchKind, i64)> = Vec::new();
        let mut fuzzy: Vec<u32> = Vec::new();
        for (i, literal) in classified {
            match literal {
                Some((kind, score)) => ranked.push((i, kind, score)),
                None => fuzzy.push(i),
            }
        }
        // Then the tiers below, each only when the ones above leave room in the list (they always
        // rank below): strong fuzzy matches, then scattered ones, which only help when nothing
        // matches literally.
        let literal = ranked.len();
        let mut complete = fuzzy.is_empty();
        if literal < limit && !fuzzy.is_empty() {
            let strong_or_not = in_parallel(&fuzzy, |part| {
                part.iter()
                    .map(|&i| {
                        let entry = &self.entries[i as usize];
                        (i, self.fuzzy_score(entry, &parsed, MatchKind::StrongFuzzy))
                    })
                    .collect()
            });
            let mut rest = Vec::new();
            for (i, strong) in strong_or_not {
                match strong {
                    Some(score) => ranked.push((i, MatchKind::StrongFuzzy, score)),
                    None => rest.push(i),
                }
            }
            complete = literal > 0 || rest.is_empty();
            if literal == 0 && ranked.len() < limit {
                let weak = in_parallel(&rest, |part| {
                    part.iter()
                        .filter_map(|&i| {
                            let entry = &self.entries[i as usize];
                            let score = self.fuzzy_score(entry, &parsed, MatchKind::WeakFuzzy)?;
                            Some((i, MatchKind::WeakFuzzy, score))
                        })
                        .collect()
                });
                ranked.extend(weak);
                complete = true;
            }
        }
        let total = ranked.len();
        // Best first: higher score, then shorter text, then index order (guide, topic, field,
        // item). The key is packed here so that picking the top of 100 000 hits never has to
        // reach into the entries, which do not fit in the CPU's cache.
        let mut keyed: Vec<(i64, usize, u32, MatchKind)> = ranked
            .into_iter()
            .map(|(i, kind, score)| (-score, self.entries[i as usize].text.len(), i, kind))
            .collect();
        let key = |k: &(i64, usize, u32, MatchKind)| (k.0, k.1, k.2);
        if keyed.len() > limit {
            keyed.select_nth_unstable_by_key(limit, key);
            keyed.truncate(limit);
        }
        keyed.sort_unstable_by_key(key);
        let hits = keyed
            .into_iter()
            .map(|(score, _, i, kind)| self.hit(i, kind, -score, &parsed))
            .collect();
        *narrowing = Narrowing {
            query: query.to_owned(),
            candidates,
        };
        SearchResults {
            hits,
            total,
            complete,
        }
    }

    /// A cheap test every match passes: each word's letters appear in order in the text. It
    /// holds for a longer query only if it held for the shorter one, which makes narrowing safe.
    fn could_match(&self, index: u32, query: &Query) -> bool {
        let folded = self.folded(&self.entries[index as usize]).as_bytes();
        query
            .words
            .iter()
            .all(|word| is_subsequence(word.text.as_bytes(), folded))
    }

    fn literal_rank(&self, entry: &Entry, query: &Query) -> Option<(MatchKind, i64)> {
        let weight = entry.field.weight() * 1_000;
        let folded = self.folded(entry);
        if let Some(start) = query.phrase.find(folded) {
            let bonus = literal_bonus(folded, start, query.phrase.len());
            return Some((MatchKind::Phrase, TIER_PHRASE + bonus + weight));
        }
        if query.words.len() > 1 {
            let mut bonus = 0;
            for word in &query.words {
                let start = word.find(folded)?;
                bonus += literal_bonus(folded, start, word.len());
            }
            let score = TIER_WORDS + bonus / query.words.len() as i64 + weight;
            return Some((MatchKind::Words, score));
        }
        None
    }

    /// The score of a fuzzy match of the kind given: the tighter each word's letters sit, and
    /// the more of them start at a word, the better. `None` when they are spread too far.
    fn fuzzy_score(&self, entry: &Entry, query: &Query, kind: MatchKind) -> Option<i64> {
        let per_char = match kind {
            MatchKind::StrongFuzzy => STRONG_WINDOW_PER_CHAR,
            _ => WEAK_WINDOW_PER_CHAR,
        };
        let folded = self.folded(entry);
        let mut total = 0;
        for word in &query.words {
            let (start, span) = tightest_window(
                word.text.as_bytes(),
                folded.as_bytes(),
                word.len() * per_char,
            )?;
            let spread = (span - word.len()) as i64;
            let at_word_start = folded
                .get(..start)
                .and_then(|before| before.chars().next_back())
                .is_none_or(|c| !c.is_alphanumeric());
            total += 1_000 - 20 * spread + if at_word_start { 300 } else { 0 };
        }
        let tier = match kind {
            MatchKind::StrongFuzzy => TIER_STRONG_FUZZY,
            _ => TIER_WEAK_FUZZY,
        };
        Some(tier + total.clamp(0, MAX_FUZZY_SCORE) + entry.field.weight() * 1_000)
    }

    /// Builds a result with the positions of the matched characters (only for shown results).
    fn hit(&self, index: u32, kind: MatchKind, score: i64, query: &Query) -> Hit {
        let entry = &self.entries[index as usize];
        let positions = match kind {
            MatchKind::Phrase => query
                .phrase
                .find(self.folded(entry))
                .map(|start| char_range(self.folded(entry), start, query.phrase.len()).collect())
                .unwrap_or_default(),
            MatchKind::Words => {
                let mut positions: Vec<usize> = query
                    .words
                    .iter()
                    .filter_map(|word| {
                        let folded = self.folded(entry);
                        word.find(folded).map(|s| char_range(folded, s, word.len()))
                    })
                    .flatten()
                    .collect();
                positions.sort_unstable();
                positions.dedup();
                positions
            }
            MatchKind::StrongFuzzy | MatchKind::WeakFuzzy => {
                let mut positions: Vec<usize> = query
                    .words
                    .iter()
                    .filter_map(|word| self.matcher.fuzzy_indices(self.text(entry), &word.text))
                    .flat_map(|(_, found)| found)
                    .collect();
                positions.sort_unstable();
                positions.dedup();
                positions
            }
        };
        Hit {
            topic: entry.topic,
            field: entry.field.clone(),
            item: entry.item,
            text: self.text(entry).to_owned(),
            kind,
            score,
            positions,
        }
    }
}

/// A query split the ways matching needs it, case-folded like the entries.
struct Query {
    /// The whole query with runs of spaces folded to one.
    phrase: Needle,
    words: Vec<Needle>,
}

impl Query {
    fn parse(query: &str) -> Option<Self> {
        let words: Vec<String> = query.split_whitespace().map(fold).collect();
        if words.is_empty() {
            return None;
        }
        let phrase = Needle::new(words.join(" "));
        Some(Self {
            phrase,
            words: words.into_iter().map(Needle::new).collect(),
        })
    }
}

/// Text to look for, with its searcher built once rather than once per entry.
struct Needle {
    text: String,
    finder: memchr::memmem::Finder<'static>,
}

impl Needle {
    fn new(text: String) -> Self {
        let finder = memchr::memmem::Finder::new(text.as_bytes()).into_owned();
        Self { text, finder }
    }

    /// Length in bytes.
    fn len(&self) -> usize {
        self.text.len()
    }

    /// Byte offset of the first occurrence in `haystack`.
    fn find(&self, haystack: &str) -> Option<usize> {
        if self.text.is_empty() {
            return None;
        }
        self.finder.find(haystack.as_bytes())
    }
}

/// The results of one search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResults {
    /// The best matches, best first, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// How many matches there are in all.
    pub total: usize,
    /// False when there were so many literal matches that fuzzy ones were not counted: `total`
    /// is then a lower bound.
    pub complete: bool,
}

/// What the previous query could match, so the next keystroke only looks at those entries.
#[derive(Debug, Clone, Default)]
pub struct Narrowing {
    query: String,
    candidates: Vec<u32>,
}

impl Narrowing {
    /// The previous candidates, if `query` extends the previous query (so it can only match a
    /// subset of them).
    fn for_query(&self, query: &str) -> Option<&[u32]> {
        let extends = !self.query.trim().is_empty() && query.starts_with(self.query.as_str());
        extends.then_some(self.candidates.as_slice())
    }
}

/// Whether `needle`'s bytes appear in order in `haystack`. On UTF-8 this holds whenever the
/// characters do, so it is a safe (and fast) prefilter.
fn is_subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    let mut rest = haystack;
    for &byte in needle {
        match memchr::memchr(byte, rest) {
            Some(at) => rest = &rest[at + 1..],
            None => return false,
        }
    }
    true
}

/// The tightest window of `haystack` (start, length in bytes) holding `needle`'s bytes in order,
/// if one is at most `max_span` long. From each place the first byte occurs the greedy match
/// ends earliest, so trying each start finds the tightest.
fn tightest_window(needle: &[u8], haystack: &[u8], max_span: usize) -> Option<(usize, usize)> {
    let (&first, rest) = needle.split_first()?;
    let mut best: Option<(usize, usize)> = None;
    let mut from = 0;
    while let Some(offset) = memchr::memchr(first, &haystack[from..]) {
        let start = from + offset;
        let limit = (start + max_span).min(haystack.len());
        let mut at = start + 1;
        // The windows are a few dozen bytes: a plain scan beats memchr's set-up here.
        let fits = rest.iter().all(|&byte| {
            let window = haystack.get(at..limit).unwrap_or(&[]);
            match window.iter().position(|&b| b == byte) {
                Some(found) => {
                    at += found + 1;
                    true
                }
                None => false,
            }
        });
        let span = at - start;
        if fits && best.is_none_or(|(_, shortest)| span < shortest) {
            best = Some((start, span));
            if span == needle.len() {
                break;
            }
        }
        from = start + 1;
    }
    best
}

/// Favours matches at the start of a word and near the start of the text. `start` and `len`
/// are byte offsets into the folded text.
fn literal_bonus(text: &str, start: usize, len: usize) -> i64 {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(start + len..).and_then(|s| s.chars().next());
    let at_word_start = before.is_none_or(|c| !c.is_alphanumeric());
    let at_word_end = after.is_none_or(|c| !c.is_alphanumeric());
    let mut bonus = 500 - (start as i64).min(400);
    if at_word_start {
        bonus += 400;
    }
    if at_word_end {
        bonus += 200;
    }
    bonus
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
        assert_eq!(hits[0].kind, MatchKind::StrongFuzzy);
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

    mod narrowing {
        use super::super::*;
        use proptest::prelude::*;

        fn index() -> SearchIndex {
            SearchIndex::new(&crate::test_support::builtin_library())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            /// Typing a query letter by letter, reusing the narrowing, gives exactly the results
            /// of a fresh search at every step, at any limit.
            #[test]
            fn typing_gives_the_same_results_as_searching_afresh(
                query in "[a-z ]{1,12}|(trust|care|age uk|safeg|dignity|advoc)[a-z ]{0,4}",
                limit in prop_oneof![Just(3usize), Just(50), Just(usize::MAX)],
            ) {
                let index = index();
                let mut narrowing = Narrowing::default();
                let mut typed = String::new();
                for c in query.chars() {
                    typed.push(c);
                    let narrowed = index.search_limited(&typed, limit, &mut narrowing);
                    let fresh = index.search_limited(&typed, limit, &mut Narrowing::default());
                    prop_assert_eq!(&narrowed, &fresh, "after typing {:?}", typed);
                }
            }
        }

        #[test]
        fn a_query_that_does_not_extend_the_last_starts_over() {
            let index = index();
            let mut narrowing = Narrowing::default();
            index.search_limited("trust", 10, &mut narrowing);
            let after = index.search_limited("jargon", 10, &mut narrowing);
            assert_eq!(
                after,
                index.search_limited("jargon", 10, &mut Narrowing::default())
            );
            assert!(!after.hits.is_empty());
        }

        #[test]
        fn a_limit_keeps_the_best_and_counts_the_rest() {
            let index = index();
            let all = index.search("care");
            let top = index.search_limited("care", 5, &mut Narrowing::default());
            assert_eq!(top.hits, all[..5]);
            assert!(top.total >= all.len().min(top.total));
            assert!(top.total > 5);
        }
    }
}
