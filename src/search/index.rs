//! The inverted index: for every stem, the topics that use it and how strongly; for every topic,
//! its words as stem ids in order (for phrases and for showing what matched); and the
//! vocabulary of the loaded guides as an `fst` map, which finds words within an edit distance or
//! with a prefix without looking at every word.
//!
//! Texts are not copied: a topic's words are stem ids, and a result reads its text from the
//! library through a [`Part`](super::parts::Part). Words and postings are kept in the compact
//! forms of [`coded`] (most numbers take a byte), and [`build`](super::build) makes them.

#[cfg(test)]
use super::build::build_in_blocks;
use super::build::{Built, build};
use super::coded::{self, Postings};
use super::parts::{Part, parts};
use super::query::{Corpus, PhraseFinder};
use super::synonyms::GROUPS;
use super::words::is_stop_word;
use crate::content::{Guide, Topic};
use crate::content::{Library, TopicRef};
use crate::practice::words::stem;
use fst::{Automaton, IntoStreamer, Streamer};
use levenshtein_automata::LevenshteinAutomatonBuilder;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// From this many topics the index is built on every core.
const PARALLEL_FROM_TOPICS: usize = 2_000;
/// More threads than this gain little: merging their vocabularies is done on one.
const MAX_THREADS: usize = 8;

/// Ends each text in a topic's word stream, so a phrase never runs from one text into the next.
pub const END_OF_TEXT: u32 = u32::MAX;

/// A stem's place in the index.
pub type StemId = u32;

/// Set in a vocabulary value when the key is a word as written, not only a stem.
pub(super) const IS_WORD: u64 = 1;

/// Endings that make a stem a plain word form ("tutor" + "s"), so the stem is a word itself.
pub(super) const INFLECTIONS: [&str; 5] = ["s", "es", "ed", "d", "ing"];

fn stem_of(value: u64) -> StemId {
    u32::try_from(value >> 1).unwrap_or(u32::MAX)
}

/// A word or stem of the guides close to a query word.
#[derive(Debug, Clone)]
pub struct Close {
    pub text: String,
    pub stem: StemId,
    pub distance: u8,
    pub is_word: bool,
}

/// Which texts of each topic an index holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Everything,
    /// Titles only, for finding a topic by name.
    Titles,
}

pub struct Index {
    scope: Scope,
    /// Flat topic number -> the topic.
    pub topics: Vec<TopicRef>,
    /// Each topic's length for BM25 ([`text_length`]).
    topic_lengths: Vec<u32>,
    average_length: f32,
    /// Every topic's words as stem ids, texts in [`parts`] order, each text ended by
    /// [`END_OF_TEXT`], coded as [`coded`] says (most take a byte), in blocks of topics (so
    /// building never holds two copies of them). Block `b` holds the topics from
    /// `block_firsts[b]`; topic `t` starts at byte `stream_starts[t]` of its block and ends where
    /// the next topic of the block starts.
    blocks: Vec<Vec<u8>>,
    block_firsts: Vec<u32>,
    stream_starts: Vec<u32>,
    /// Every lowercase word of the guides and every stem -> the stem id (shifted left by one)
    /// with [`IS_WORD`] set for words as written: what typos and prefixes are matched against.
    vocabulary: fst::Map<Vec<u8>>,
    /// How many distinct words the guides use.
    word_count: usize,
    stems: FxHashMap<Box<str>, StemId>,
    /// Stem `s`'s `posting_counts[s]` postings are coded (see [`coded`]) in
    /// `posting_bytes[posting_starts[s]..posting_starts[s + 1]]`: in topic order, each topic
    /// with the weighted count of its uses in it (in tenths, see
    /// [`Part::weight`](super::parts::Part::weight)).
    posting_starts: Vec<u32>,
    posting_counts: Vec<u32>,
    posting_bytes: Vec<u8>,
    /// Stem of a word in a synonym group -> the other stems of its group found in the guides.
    synonyms: FxHashMap<Box<str>, Vec<StemId>>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("topics", &self.topics.len())
            .field("words", &self.word_count)
            .field("stems", &self.stems.len())
            .finish_non_exhaustive()
    }
}

impl Index {
    pub fn new(library: &Library, scope: Scope) -> Self {
        // Large libraries are read on every core, a run of topics each, and the runs merged in
        // order (so topic numbers and postings stay in display order).
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let runs = if library.topic_count() < PARALLEL_FROM_TOPICS {
            1
        } else {
            cores.clamp(1, MAX_THREADS)
        };
        Self::in_runs(library, scope, runs)
    }

    /// Builds the index reading the topics in `runs` runs, each on a thread of its own.
    pub fn in_runs(library: &Library, scope: Scope, runs: usize) -> Self {
        let refs: Vec<TopicRef> = library.topic_refs().collect();
        Self::of_topics(library, &refs, scope, runs)
    }

    /// An index of the topics `refs` alone, numbered in that order.
    pub fn of_topics(library: &Library, refs: &[TopicRef], scope: Scope, runs: usize) -> Self {
        Self::of_built(scope, build(library, refs, scope, runs))
    }

    fn of_built(scope: Scope, built: Built) -> Self {
        let Built {
            topics,
            topic_lengths,
            blocks,
            block_firsts,
            stream_starts,
            vocabulary,
            word_count,
            stems,
            posting_starts,
            posting_counts,
            posting_bytes,
        } = built;
        let synonyms = synonym_table(|stem_text| stems.get(stem_text).copied());
        Index {
            scope,
            average_length: average_length(&topic_lengths),
            topics,
            topic_lengths,
            blocks,
            block_firsts,
            stream_starts,
            vocabulary,
            word_count,
            stems,
            posting_starts,
            posting_counts,
            posting_bytes,
            synonyms,
        }
    }

    /// The texts of `topic` this index holds, in the order it recorded them.
    pub fn texts<'a>(&self, guide: &'a Guide, topic: &'a Topic) -> Vec<(Part, &'a str)> {
        texts(self.scope, guide, topic)
    }

    pub fn topic_count(&self) -> usize {
        self.topics.len()
    }

    pub fn length(&self, topic: u32) -> f32 {
        self.topic_lengths.get(topic as usize).copied().unwrap_or(0) as f32
    }

    /// The stem id of a stem, if the guides use it.
    pub fn stem_id(&self, stem_text: &str) -> Option<StemId> {
        self.stems.get(stem_text).copied()
    }

    /// The stem id of a lowercase word of the guides.
    pub fn word_stem(&self, word: &str) -> Option<StemId> {
        let value = self.vocabulary.get(word)?;
        (value & IS_WORD != 0).then(|| stem_of(value))
    }

    /// The topics using `stem` (not as a stop word), in topic order, with their weights.
    pub fn postings(&self, stem: StemId) -> Postings<'_> {
        let s = stem as usize;
        let (Some(&start), Some(&end), Some(&count)) = (
            self.posting_starts.get(s),
            self.posting_starts.get(s + 1),
            self.posting_counts.get(s),
        ) else {
            return Postings::empty();
        };
        let bytes = self.posting_bytes.get(start as usize..end as usize);
        Postings::coded(bytes.unwrap_or(&[]), count as usize)
    }

    /// How many topics use `stem` (not as a stop word).
    pub fn topic_frequency(&self, stem: StemId) -> usize {
        self.posting_counts
            .get(stem as usize)
            .map_or(0, |&n| n as usize)
    }

    /// A topic's words as stem ids, each text ended by [`END_OF_TEXT`].
    pub fn stream(&self, topic: u32) -> Vec<StemId> {
        coded::stems(self.coded_stream(topic))
    }

    /// A topic's words as its block codes them.
    fn coded_stream(&self, topic: u32) -> &[u8] {
        let block = self
            .block_firsts
            .partition_point(|&first| first <= topic)
            .saturating_sub(1);
        let Some(stream) = self.blocks.get(block) else {
            return &[];
        };
        let next_block = self.block_firsts.get(block + 1).copied();
        let next_block = next_block.unwrap_or(self.topics.len() as u32);
        let t = topic as usize;
        let start = self
            .stream_starts
            .get(t)
            .map_or(stream.len(), |&s| s as usize);
        let end = match topic + 1 < next_block {
            true => self
                .stream_starts
                .get(t + 1)
                .map_or(stream.len(), |&e| e as usize),
            false => stream.len(),
        };
        stream.get(start..end).unwrap_or(&[])
    }

    /// The other stems of `stem_text`'s synonym group that the guides use.
    pub fn synonyms(&self, stem_text: &str) -> &[StemId] {
        self.synonyms.get(stem_text).map_or(&[], Vec::as_slice)
    }

    /// Words and stems of the guides within `distance` edits of `word` (a swap of two
    /// neighbouring letters is one edit): the text, its stem, the distance, and whether it is a
    /// word as written (rather than only a stem). Stop words and anything with digits are left
    /// out: nobody mistypes their way into them.
    pub fn words_within(&self, word: &str, distance: u8) -> Vec<Close> {
        let builder: &LevenshteinAutomatonBuilder = match distance {
            0 | 1 => &ONE_EDIT,
            _ => &TWO_EDITS,
        };
        let dfa = builder.build_dfa(word);
        let mut stream = self.vocabulary.search(&dfa).into_stream();
        let mut found = Vec::new();
        while let Some((key, value)) = stream.next() {
            let Ok(text) = std::str::from_utf8(key) else {
                continue;
            };
            if is_stop_word(text) || text.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            let levenshtein_automata::Distance::Exact(distance) = dfa.eval(key) else {
                continue;
            };
            found.push(Close {
                text: text.to_owned(),
                stem: stem_of(value),
                distance,
                is_word: value & IS_WORD != 0,
            });
        }
        found
    }

    /// Stems of the words of the guides that start with `prefix` and are longer, each with how
    /// many topics use it, stop words left out.
    pub fn words_starting(&self, prefix: &str) -> Vec<StemId> {
        let automaton = fst::automaton::Str::new(prefix).starts_with();
        let mut stream = self.vocabulary.search(automaton).into_stream();
        let mut found = Vec::new();
        while let Some((key, value)) = stream.next() {
            if key.len() == prefix.len()
                || value & IS_WORD == 0
                || std::str::from_utf8(key).is_ok_and(is_stop_word)
            {
                continue;
            }
            found.push(stem_of(value));
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Bytes held by the index's own tables (not the library's texts), for the README figures.
    pub fn heap_bytes(&self) -> usize {
        let words: usize = self.stems.keys().map(|k| k.len() + 24).sum();
        let synonyms: usize = self.synonyms.values().map(|v| v.len() * 4 + 40).sum();
        self.topics.len() * std::mem::size_of::<TopicRef>()
            + self.topic_lengths.len() * 4
            + self.blocks.iter().map(Vec::capacity).sum::<usize>()
            + self.stream_starts.len() * 4
            + self.vocabulary.as_fst().as_bytes().len()
            + words
            + self.posting_starts.len() * 4
            + self.posting_counts.len() * 4
            + self.posting_bytes.len()
            + synonyms
    }
}

/// A text's length for BM25: its bytes. Counting words would do as well, but the bytes are
/// known for every topic without reading a word, which is what lets `carestudy search` answer
/// one query without an index (see [`Scan`](super::scan::Scan)).
pub fn text_length(text: &str) -> u32 {
    u32::try_from(text.len()).unwrap_or(u32::MAX)
}

/// The average of `lengths` (at least 1), as both the index and a scan compute it.
pub fn average_length(lengths: &[u32]) -> f32 {
    let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
    (total as f32 / lengths.len().max(1) as f32).max(1.0)
}

pub(super) fn texts<'a>(scope: Scope, guide: &'a Guide, topic: &'a Topic) -> Vec<(Part, &'a str)> {
    match scope {
        Scope::Everything => parts(guide, topic),
        Scope::Titles => vec![(Part::Title, topic.title.as_str())],
    }
}

impl Corpus for Index {
    fn topic_count(&self) -> usize {
        self.topics.len()
    }
    fn length(&self, topic: u32) -> f32 {
        Index::length(self, topic)
    }
    fn average_length(&self) -> f32 {
        self.average_length
    }
    fn stem_id(&self, stem_text: &str) -> Option<StemId> {
        Index::stem_id(self, stem_text)
    }
    fn word_stem(&self, word: &str) -> Option<StemId> {
        Index::word_stem(self, word)
    }
    fn postings(&self, stem: StemId) -> Postings<'_> {
        Index::postings(self, stem)
    }
    fn topic_frequency(&self, stem: StemId) -> usize {
        Index::topic_frequency(self, stem)
    }
    fn synonyms(&self, stem_text: &str) -> &[StemId] {
        Index::synonyms(self, stem_text)
    }
    fn words_within(&self, word: &str, distance: u8) -> Vec<Close> {
        Index::words_within(self, word, distance)
    }
    fn words_starting(&self, prefix: &str) -> Vec<StemId> {
        Index::words_starting(self, prefix)
    }
    fn holds_phrase(&self, topic: u32, _phrase: &[StemId], finder: &PhraseFinder) -> bool {
        finder.is_in_coded(self.coded_stream(topic))
    }
}

/// Levenshtein automata builders (transpositions cost one edit), made once per process: the
/// two-edit one takes a few milliseconds to prepare.
static ONE_EDIT: LazyLock<LevenshteinAutomatonBuilder> =
    LazyLock::new(|| LevenshteinAutomatonBuilder::new(1, true));
static TWO_EDITS: LazyLock<LevenshteinAutomatonBuilder> =
    LazyLock::new(|| LevenshteinAutomatonBuilder::new(2, true));

/// Stem of each word of a synonym group -> the other stems of its group that `stem_id` knows.
pub fn synonym_table(stem_id: impl Fn(&str) -> Option<StemId>) -> FxHashMap<Box<str>, Vec<StemId>> {
    let mut table = FxHashMap::default();
    for group in GROUPS {
        let group_stems: Vec<String> = group.iter().map(|w| stem(w)).collect();
        for own in &group_stems {
            let others: Vec<StemId> = group_stems
                .iter()
                .filter(|other| *other != own)
                .filter_map(|other| stem_id(other))
                .collect();
            table.insert(own.as_str().into(), others);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each topic's stream as stem texts ("|" ends a text), and each stem's postings by its text:
    /// neither depends on the ids.
    #[allow(clippy::type_complexity)]
    fn read_back(
        library: &Library,
        runs: usize,
        block_bytes: usize,
    ) -> (Vec<Vec<String>>, Vec<(String, Vec<(u32, u16)>)>) {
        let refs: Vec<TopicRef> = library.topic_refs().collect();
        let built = build_in_blocks(library, &refs, Scope::Everything, runs, block_bytes);
        let index = Index::of_built(Scope::Everything, built);
        let by_id: FxHashMap<StemId, &str> = index
            .stems
            .iter()
            .map(|(text, &id)| (id, &**text))
            .collect();
        let streams = (0..index.topic_count() as u32)
            .map(|topic| {
                let stream = index.stream(topic);
                stream
                    .iter()
                    .map(|id| by_id.get(id).map_or("|", |text| text).to_owned())
                    .collect()
            })
            .collect();
        let mut postings: Vec<(String, Vec<(u32, u16)>)> = index
            .stems
            .iter()
            .map(|(text, &id)| (text.to_string(), index.postings(id).collect()))
            .collect();
        postings.sort();
        (streams, postings)
    }

    #[test]
    fn each_topic_reads_the_same_however_many_runs_and_blocks_built_it() {
        let library = crate::test_support::builtin_library();
        let (streams, postings) = read_back(&library, 1, 1 << 20);
        assert_eq!(streams.len(), library.topic_count());
        assert!(
            streams
                .iter()
                .all(|topic| topic.len() > 3 && topic.last().is_some_and(|w| w == "|"))
        );
        let care = postings.iter().find(|(text, _)| text == "care");
        assert!(care.is_some_and(|(_, list)| list.len() > 50 && list.is_sorted()));
        for runs in [1, 2, 3, 7] {
            // Blocks of one topic, of a few, and of a run each.
            for block_bytes in [1, 700, 1 << 20] {
                let each = read_back(&library, runs, block_bytes);
                assert!(
                    each.0 == streams,
                    "{runs} runs, blocks of {block_bytes} bytes"
                );
                assert!(
                    each.1 == postings,
                    "{runs} runs, blocks of {block_bytes} bytes"
                );
            }
        }
    }
}
