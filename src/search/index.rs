//! The inverted index: for every stem, the topics that use it and how strongly; for every topic,
//! its words as stem ids in order (for phrases and for showing what matched); and the
//! vocabulary of the loaded guides as an `fst` map, which finds words within an edit distance or
//! with a prefix without looking at every word.
//!
//! Texts are not copied: a topic's words are stem ids, and a result reads its text from the
//! library through a [`Part`](super::parts::Part).

use super::parts::{Part, parts};
use super::query::{Corpus, PhraseFinder};
use super::synonyms::GROUPS;
use super::words::{Word, for_each_word, is_stop_word};
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
const IS_WORD: u64 = 1;

/// Endings that make a stem a plain word form ("tutor" + "s"), so the stem is a word itself.
const INFLECTIONS: [&str; 5] = ["s", "es", "ed", "d", "ing"];

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
    /// [`END_OF_TEXT`]: one stream for each run of topics the index was built in (joining them
    /// would hold two copies at once, the largest part of building it on thousands of guides).
    /// Run `r` holds the topics from `run_starts[r]`; topic `t` starts at `stream_starts[t]`
    /// in its run's stream and ends where the next topic of the run starts.
    streams: Vec<Vec<StemId>>,
    stream_starts: Vec<u32>,
    run_starts: Vec<u32>,
    /// For each topic, which pairs of neighbouring stems its stream may hold.
    pair_filters: Vec<PairFilter>,
    /// Every lowercase word of the guides and every stem -> the stem id (shifted left by one)
    /// with [`IS_WORD`] set for words as written: what typos and prefixes are matched against.
    vocabulary: fst::Map<Vec<u8>>,
    /// How many distinct words the guides use.
    word_count: usize,
    stems: FxHashMap<Box<str>, StemId>,
    /// Stem `s`'s postings are `posting_topics[posting_starts[s]..posting_starts[s + 1]]`, in
    /// topic order, each with the weighted count of its uses in that topic (in tenths, see
    /// [`Part::weight`](super::parts::Part::weight)).
    posting_starts: Vec<u32>,
    posting_topics: Vec<u32>,
    posting_weights: Vec<u16>,
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

/// Accumulates the index one topic at a time.
#[derive(Default)]
struct Builder {
    words: FxHashMap<Box<str>, u32>,
    word_stems: Vec<StemId>,
    word_is_stop: Vec<bool>,
    stems: FxHashMap<Box<str>, StemId>,
    postings: Vec<Vec<(u32, u16)>>,
    /// The current topic's weight per stem, and which stems it has touched.
    weights: Vec<u32>,
    touched: Vec<StemId>,
    stream: Vec<StemId>,
    /// The previous word of the current text, for hyphenated pairs.
    previous: String,
    joined: String,
    length: u32,
    /// The topics read, with where each starts in `stream` and its length for BM25.
    topics: Vec<TopicRef>,
    pair_filters: Vec<PairFilter>,
    stream_starts: Vec<u32>,
    topic_lengths: Vec<u32>,
}

impl Builder {
    /// Reads the topics `refs`, numbering them from `first`.
    fn read(library: &Library, refs: &[TopicRef], first: u32, scope: Scope) -> Builder {
        let mut builder = Builder::default();
        for &at in refs {
            let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) else {
                continue;
            };
            let number = first + builder.topics.len() as u32;
            builder.topics.push(at);
            builder.stream_starts.push(builder.stream.len() as u32);
            builder.length = 0;
            for (part, text) in texts(scope, guide, topic) {
                let weight = part.weight();
                builder.previous.clear();
                for_each_word(text, |word| builder.add(word, weight));
                builder.stream.push(END_OF_TEXT);
                builder.length = builder.length.saturating_add(text_length(text));
            }
            builder.finish_topic(number);
            builder.topic_lengths.push(builder.length);
            let start = builder.stream_starts.last().copied().unwrap_or(0) as usize;
            let filter = PairFilter::of(builder.stream.get(start..).unwrap_or(&[]));
            builder.pair_filters.push(filter);
        }
        builder
    }

    /// Appends the topics `later` read (which come after this one's), renumbering its stems;
    /// hands back what each of `later`'s stem ids became, for its stream (left to the caller).
    fn merge(&mut self, later: Builder) -> Vec<StemId> {
        let mut stem_of_later: Vec<StemId> = vec![0; later.postings.len()];
        for (text, &id) in &later.stems {
            let next = self.stems.len() as StemId;
            let global = *self.stems.entry(text.clone()).or_insert(next);
            if global == next {
                self.postings.push(Vec::new());
                self.weights.push(0);
            }
            stem_of_later[id as usize] = global;
        }
        for (word, &id) in &later.words {
            if !self.words.contains_key(word) {
                let new_id = self.word_stems.len() as u32;
                self.words.insert(word.clone(), new_id);
                self.word_stems
                    .push(stem_of_later[later.word_stems[id as usize] as usize]);
                self.word_is_stop.push(later.word_is_stop[id as usize]);
            }
        }
        for (id, list) in later.postings.into_iter().enumerate() {
            if let Some(target) = self.postings.get_mut(stem_of_later[id] as usize) {
                target.extend(list);
            }
        }
        self.topics.extend(later.topics);
        self.topic_lengths.extend(later.topic_lengths);
        self.pair_filters.extend(later.pair_filters);
        stem_of_later
    }

    fn word(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.words.get(text) {
            return id;
        }
        let id = self.word_stems.len() as u32;
        let stem_text = stem(text);
        let next_stem = self.stems.len() as StemId;
        let stem_id = *self.stems.entry(stem_text.into()).or_insert(next_stem);
        if stem_id == next_stem {
            self.postings.push(Vec::new());
            self.weights.push(0);
        }
        self.words.insert(text.into(), id);
        self.word_stems.push(stem_id);
        self.word_is_stop.push(is_stop_word(text));
        id
    }

    fn count(&mut self, word: u32, weight: u16) {
        let index = word as usize;
        if self.word_is_stop[index] {
            return;
        }
        let stem = self.word_stems[index];
        let slot = &mut self.weights[stem as usize];
        if *slot == 0 {
            self.touched.push(stem);
        }
        *slot += u32::from(weight);
    }

    fn add(&mut self, word: Word<'_>, weight: u16) {
        let id = self.word(word.text);
        self.stream.push(self.word_stems[id as usize]);
        self.count(id, weight);
        if word.hyphenated && !self.previous.is_empty() {
            // "multi-agency" is also found as "multiagency"; the joined word is counted, not
            // put in the stream, so phrases and highlighting see the two words as written.
            self.joined.clear();
            self.joined.push_str(&self.previous);
            self.joined.push_str(word.text);
            let joined = std::mem::take(&mut self.joined);
            let joined_id = self.word(&joined);
            self.joined = joined;
            self.count(joined_id, weight);
        }
        self.previous.clear();
        self.previous.push_str(word.text);
    }

    fn finish_topic(&mut self, topic: u32) {
        for &stem in &self.touched {
            let weight = std::mem::take(&mut self.weights[stem as usize]);
            let weight = u16::try_from(weight).unwrap_or(u16::MAX);
            self.postings[stem as usize].push((topic, weight));
        }
        self.touched.clear();
    }
}

impl Builder {
    /// Reads `refs` in `runs` runs of topics, each but the first on a thread of its own, and
    /// hands back the runs' builders in order (so topic numbers stay in display order).
    fn read_in_runs(library: &Library, refs: &[TopicRef], scope: Scope, runs: usize) -> Vec<Self> {
        let runs = runs.max(1);
        let run_length = refs.len().div_ceil(runs).max(1);
        std::thread::scope(|scope_of_threads| {
            let handles: Vec<_> = refs
                .chunks(run_length)
                .enumerate()
                .skip(1)
                .map(|(n, run)| {
                    let first = (n * run_length) as u32;
                    scope_of_threads.spawn(move || Builder::read(library, run, first, scope))
                })
                .collect();
            let mut built = vec![Builder::read(
                library,
                refs.get(..run_length.min(refs.len())).unwrap_or(&[]),
                0,
                scope,
            )];
            for (handle, (n, run)) in handles
                .into_iter()
                .zip(refs.chunks(run_length).enumerate().skip(1))
            {
                // Should a thread fail, read its run here rather than lose it.
                built.push(handle.join().unwrap_or_else(|_| {
                    Builder::read(library, run, (n * run_length) as u32, scope)
                }));
            }
            built
        })
    }

    /// Merges the runs' builders into the first, in order. Each run's stream is kept apart,
    /// renumbered to the merged stems where it lies, rather than joined (joining would hold two
    /// copies at once): hands back the merged builder, the streams, every topic's start in its
    /// run's stream, and each run's first topic.
    fn merge_runs(mut parts: Vec<Builder>) -> (Builder, Vec<Vec<StemId>>, Vec<u32>, Vec<u32>) {
        let mut builder = if parts.is_empty() {
            Builder::default()
        } else {
            parts.remove(0)
        };
        let mut streams = vec![std::mem::take(&mut builder.stream)];
        let mut stream_starts = std::mem::take(&mut builder.stream_starts);
        let mut run_starts = vec![0];
        for mut later in parts {
            // Each run keeps its own stream, renumbered where it lies.
            let mut stream = std::mem::take(&mut later.stream);
            let starts = std::mem::take(&mut later.stream_starts);
            run_starts.push(builder.topics.len() as u32);
            let renumbered = builder.merge(later);
            for stem in &mut stream {
                if *stem != END_OF_TEXT {
                    *stem = renumbered
                        .get(*stem as usize)
                        .copied()
                        .unwrap_or(END_OF_TEXT);
                }
            }
            streams.push(stream);
            stream_starts.extend(starts);
        }
        (builder, streams, stream_starts, run_starts)
    }

    /// The vocabulary typos and prefixes are matched against: words map to their stem, marked
    /// as words; stems are keys too (a typo may be closer to "tutor" than to any form written in
    /// the guides, like "tutors").
    fn vocabulary(&self) -> fst::Map<Vec<u8>> {
        let mut keys: FxHashMap<&str, u64> = FxHashMap::default();
        let stem_texts: FxHashMap<StemId, &str> =
            self.stems.iter().map(|(text, &id)| (id, &**text)).collect();
        for (word, &id) in &self.words {
            let stem_id = self.word_stems[id as usize];
            // A stem the guides write only with an ending ("tutor" in "tutors") is a word too;
            // one that is not a word at all ("holist" in "holistic") would match nonsense.
            if let Some(&stem_text) = stem_texts.get(&stem_id)
                && word
                    .strip_prefix(stem_text)
                    .is_some_and(|ending| INFLECTIONS.contains(&ending))
            {
                keys.entry(stem_text).or_insert(u64::from(stem_id) << 1);
            }
        }
        for (word, &id) in &self.words {
            let stem_id = self.word_stems[id as usize];
            keys.insert(word, (u64::from(stem_id) << 1) | IS_WORD);
        }
        let mut sorted: Vec<(&str, u64)> = keys.into_iter().collect();
        sorted.sort_unstable();
        let mut map = fst::MapBuilder::memory();
        for (key, value) in sorted {
            // Keys are unique and sorted, so inserting cannot fail.
            let _ = map.insert(key, value);
        }
        map.into_map()
    }
}

/// Every stem's postings laid end to end: where each stem's list starts (and one past the last
/// ends), the topics, their weights. Each stem's list is freed as soon as it is copied, so the two
/// forms never both exist whole.
fn flat_postings(postings: Vec<Vec<(u32, u16)>>) -> (Vec<u32>, Vec<u32>, Vec<u16>) {
    let mut posting_starts = Vec::with_capacity(postings.len() + 1);
    let total_postings: usize = postings.iter().map(Vec::len).sum();
    let mut posting_topics = Vec::with_capacity(total_postings);
    let mut posting_weights = Vec::with_capacity(total_postings);
    for list in postings {
        posting_starts.push(posting_topics.len() as u32);
        posting_topics.extend(list.iter().map(|&(t, _)| t));
        posting_weights.extend(list.iter().map(|&(_, w)| w));
    }
    posting_starts.push(posting_topics.len() as u32);
    (posting_starts, posting_topics, posting_weights)
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
        let parts = Builder::read_in_runs(library, refs, scope, runs);
        let (mut builder, streams, stream_starts, run_starts) = Builder::merge_runs(parts);
        let topics = std::mem::take(&mut builder.topics);
        let topic_lengths = std::mem::take(&mut builder.topic_lengths);
        let pair_filters = std::mem::take(&mut builder.pair_filters);
        let average_length = average_length(&topic_lengths);
        let vocabulary = builder.vocabulary();
        let (posting_starts, posting_topics, posting_weights) =
            flat_postings(std::mem::take(&mut builder.postings));
        let synonyms = synonym_table(|stem_text| builder.stems.get(stem_text).copied());
        Index {
            scope,
            topics,
            topic_lengths,
            average_length,
            streams,
            stream_starts,
            run_starts,
            pair_filters,
            vocabulary,
            word_count: builder.word_stems.len(),
            stems: builder.stems,
            posting_starts,
            posting_topics,
            posting_weights,
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
    pub fn postings(&self, stem: StemId) -> (&[u32], &[u16]) {
        let s = stem as usize;
        let (Some(&start), Some(&end)) =
            (self.posting_starts.get(s), self.posting_starts.get(s + 1))
        else {
            return (&[], &[]);
        };
        let range = start as usize..end as usize;
        (
            self.posting_topics.get(range.clone()).unwrap_or(&[]),
            self.posting_weights.get(range).unwrap_or(&[]),
        )
    }

    /// A topic's words as stem ids, each text ended by [`END_OF_TEXT`].
    /// Whether `topic` may hold every pair of neighbouring stems in `phrase` (false means it
    /// certainly does not hold the phrase).
    pub fn may_hold(&self, topic: u32, phrase: &[StemId]) -> bool {
        self.pair_filters.get(topic as usize).is_none_or(|filter| {
            phrase
                .windows(2)
                .all(|pair| filter.may_hold(pair[0], pair[1]))
        })
    }

    pub fn stream(&self, topic: u32) -> &[StemId] {
        let run = self
            .run_starts
            .partition_point(|&first| first <= topic)
            .saturating_sub(1);
        let Some(stream) = self.streams.get(run) else {
            return &[];
        };
        let next_run = self.run_starts.get(run + 1).copied();
        let next_run = next_run.unwrap_or(self.topics.len() as u32);
        let t = topic as usize;
        let start = self
            .stream_starts
            .get(t)
            .map_or(stream.len(), |&s| s as usize);
        let end = match topic + 1 < next_run {
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
            + self.streams.iter().map(|s| s.capacity() * 4).sum::<usize>()
            + self.stream_starts.len() * 4
            + self.pair_filters.len() * std::mem::size_of::<PairFilter>()
            + self.vocabulary.as_fst().as_bytes().len()
            + words
            + self.posting_starts.len() * 4
            + self.posting_topics.len() * 4
            + self.posting_weights.len() * 2
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

fn texts<'a>(scope: Scope, guide: &'a Guide, topic: &'a Topic) -> Vec<(Part, &'a str)> {
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
    fn postings(&self, stem: StemId) -> (&[u32], &[u16]) {
        Index::postings(self, stem)
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
    fn holds_phrase(&self, topic: u32, phrase: &[StemId], finder: &PhraseFinder) -> bool {
        self.may_hold(topic, phrase) && finder.is_in(self.stream(topic))
    }
}

/// A Bloom filter of the pairs of neighbouring stems in a topic: checking a phrase against it
/// rules out most topics that hold every word of the phrase but not the phrase itself, without
/// reading their words. 1,024 bits and two hashes a pair: about one topic in ten with a couple
/// of hundred words passes falsely, and is then read.
#[derive(Debug, Clone, Copy)]
pub struct PairFilter([u64; 16]);

impl PairFilter {
    fn of(stream: &[StemId]) -> Self {
        let mut filter = PairFilter([0; 16]);
        for pair in stream.windows(2) {
            if pair[0] != END_OF_TEXT && pair[1] != END_OF_TEXT {
                for bit in Self::bits(pair[0], pair[1]) {
                    filter.0[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
        filter
    }

    fn may_hold(&self, first: StemId, second: StemId) -> bool {
        Self::bits(first, second)
            .iter()
            .all(|&bit| self.0[bit / 64] & (1 << (bit % 64)) != 0)
    }

    fn bits(first: StemId, second: StemId) -> [usize; 2] {
        let mixed =
            ((u64::from(first) << 32) | u64::from(second)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        [(mixed >> 54) as usize, ((mixed >> 44) & 1023) as usize]
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

    /// Each topic's stream as stem texts ("|" ends a text), which do not depend on the ids.
    fn words(library: &Library, runs: usize) -> Vec<Vec<String>> {
        let index = Index::in_runs(library, Scope::Everything, runs);
        let by_id: FxHashMap<StemId, &str> = index
            .stems
            .iter()
            .map(|(text, &id)| (id, &**text))
            .collect();
        (0..index.topic_count() as u32)
            .map(|topic| {
                let stream = index.stream(topic);
                stream
                    .iter()
                    .map(|id| by_id.get(id).map_or("|", |text| text).to_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn each_topic_reads_the_same_words_however_many_runs_built_it() {
        let library = crate::test_support::builtin_library();
        let one = words(&library, 1);
        assert_eq!(one.len(), library.topic_count());
        assert!(
            one.iter()
                .all(|topic| topic.len() > 3 && topic.last().is_some_and(|w| w == "|"))
        );
        for runs in [2, 3, 7] {
            assert_eq!(words(&library, runs), one, "{runs} runs");
        }
    }
}
