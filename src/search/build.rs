//! Building the [`Index`](super::index::Index): topics read in runs, one run per core, each
//! numbering the stems it meets; the runs then merged in order into the index's compact forms
//! (see [`coded`]). Each piece of a run is freed as soon as it is copied, so building holds little
//! more than the finished index: on thousands of guides the building, not the index, used to be
//! most of the memory a search took.

use super::coded::{self, PostingsWriter};
use super::index::text_length;
use super::index::{END_OF_TEXT, INFLECTIONS, IS_WORD, Scope, StemId, texts};
use super::words::{Word, for_each_word, is_stop_word};
use crate::content::{Library, TopicRef};
use crate::practice::words::stem;
use rustc_hash::FxHashMap;

/// A run's coded words are kept in blocks of about this many bytes, so that recoding a run's
/// stems when the runs are merged holds one block twice, not the whole run.
const BLOCK_BYTES: usize = 256 * 1024;

/// What the index is made of, built.
pub struct Built {
    pub topics: Vec<TopicRef>,
    pub topic_lengths: Vec<u32>,
    /// The topics' coded words in blocks; block `b` holds the topics from `block_firsts[b]`,
    /// topic `t` starting at byte `stream_starts[t]` of its block.
    pub blocks: Vec<Vec<u8>>,
    pub block_firsts: Vec<u32>,
    pub stream_starts: Vec<u32>,
    pub vocabulary: fst::Map<Vec<u8>>,
    pub word_count: usize,
    pub stems: FxHashMap<Box<str>, StemId>,
    pub posting_starts: Vec<u32>,
    pub posting_counts: Vec<u32>,
    pub posting_bytes: Vec<u8>,
}

/// Reads the topics `refs` in `runs` runs, each but the first on a thread of its own, and merges
/// them, numbering the topics in the order of `refs`.
pub fn build(library: &Library, refs: &[TopicRef], scope: Scope, runs: usize) -> Built {
    build_in_blocks(library, refs, scope, runs, BLOCK_BYTES)
}

/// [`build`], with blocks of about `block_bytes` bytes.
pub fn build_in_blocks(
    library: &Library,
    refs: &[TopicRef],
    scope: Scope,
    runs: usize,
    block_bytes: usize,
) -> Built {
    let read = |refs: &[TopicRef], first| Builder::read(library, refs, first, scope, block_bytes);
    merge_runs(read_in_runs(refs, runs, read))
}

/// Accumulates one run of topics, a topic at a time.
#[derive(Default)]
struct Builder {
    words: FxHashMap<Box<str>, u32>,
    word_stems: Vec<StemId>,
    word_is_stop: Vec<bool>,
    stems: FxHashMap<Box<str>, StemId>,
    /// Each stem's postings, by this run's stem ids.
    postings: Vec<PostingsWriter>,
    /// The current topic's weight per stem, and which stems it has touched.
    weights: Vec<u32>,
    touched: Vec<StemId>,
    /// The current topic's words as stem ids; then coded onto the last block.
    topic_stems: Vec<StemId>,
    /// The previous word of the current text, for hyphenated pairs.
    previous: String,
    joined: String,
    length: u32,
    /// The topics read, with their coded words in blocks (block `b` from the run's topic
    /// `block_firsts[b]`), where each starts in its block and its length for BM25.
    topics: Vec<TopicRef>,
    blocks: Vec<Vec<u8>>,
    block_firsts: Vec<u32>,
    stream_starts: Vec<u32>,
    topic_lengths: Vec<u32>,
    block_bytes: usize,
}

impl Builder {
    /// Reads the topics `refs`, numbering them from `first`.
    fn read(
        library: &Library,
        refs: &[TopicRef],
        first: u32,
        scope: Scope,
        block_bytes: usize,
    ) -> Builder {
        let mut builder = Builder {
            block_bytes,
            ..Builder::default()
        };
        for &at in refs {
            let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) else {
                continue;
            };
            let number = first + builder.topics.len() as u32;
            builder.length = 0;
            builder.topic_stems.clear();
            for (part, text) in texts(scope, guide, topic) {
                let weight = part.weight();
                builder.previous.clear();
                for_each_word(text, |word| builder.add(word, weight));
                builder.topic_stems.push(END_OF_TEXT);
                builder.length = builder.length.saturating_add(text_length(text));
            }
            builder.finish_topic(number);
            builder.topic_lengths.push(builder.length);

            builder.code_topic();
            builder.topics.push(at);
        }
        for block in &mut builder.blocks {
            block.shrink_to_fit();
        }
        builder
    }

    /// Codes the current topic's words onto the last block, or a new one when it is full.
    fn code_topic(&mut self) {
        let block = match self.blocks.last_mut() {
            Some(block) if block.len() < self.block_bytes => block,
            _ => {
                self.block_firsts.push(self.topics.len() as u32);
                let room = self.block_bytes + self.block_bytes / 4;
                self.blocks.push(Vec::with_capacity(room));
                let Some(block) = self.blocks.last_mut() else {
                    return;
                };
                block
            }
        };
        self.stream_starts.push(block.len() as u32);
        for &stem in &self.topic_stems {
            coded::push_stem(block, stem);
        }
    }

    /// Takes in the stems and words `later` read (whose topics come after this one's) and hands
    /// back what each of `later`'s stem ids became; its topics, streams and postings are left
    /// for the caller.
    fn merge_vocabulary(&mut self, later: &Builder) -> Vec<StemId> {
        let mut stem_of_later: Vec<StemId> = vec![0; later.postings.len()];
        for (text, &id) in &later.stems {
            let next = self.stems.len() as StemId;
            let global = *self.stems.entry(text.clone()).or_insert(next);
            if global == next {
                self.postings.push(PostingsWriter::default());
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
            self.postings.push(PostingsWriter::default());
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
        self.topic_stems.push(self.word_stems[id as usize]);
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
            self.postings[stem as usize].push(topic, weight);
        }
        self.touched.clear();
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

/// Reads `refs` in `runs` runs of topics with `read` (given a run and the number of its first
/// topic), each but the first on a thread of its own, and hands back the runs' builders in order
/// (so topic numbers stay in display order).
fn read_in_runs(
    refs: &[TopicRef],
    runs: usize,
    read: impl Fn(&[TopicRef], u32) -> Builder + Sync,
) -> Vec<Builder> {
    let runs = runs.max(1);
    let run_length = refs.len().div_ceil(runs).max(1);
    let read = &read;
    std::thread::scope(|scope_of_threads| {
        let handles: Vec<_> = refs
            .chunks(run_length)
            .enumerate()
            .skip(1)
            .map(|(n, run)| scope_of_threads.spawn(move || read(run, (n * run_length) as u32)))
            .collect();
        let mut built = vec![read(
            refs.get(..run_length.min(refs.len())).unwrap_or(&[]),
            0,
        )];
        for (handle, (n, run)) in handles
            .into_iter()
            .zip(refs.chunks(run_length).enumerate().skip(1))
        {
            // Should a thread fail, read its run here rather than lose it.
            built.push(
                handle
                    .join()
                    .unwrap_or_else(|_| read(run, (n * run_length) as u32)),
            );
        }
        built
    })
}

/// A later run's postings, by its own stem ids, with what each id became in the merged stems.
struct RunPostings {
    lists: Vec<PostingsWriter>,
    stem_of_run: Vec<StemId>,
}

/// Merges the runs, in order, into the first: their vocabularies, topics and streams (each run's
/// blocks recoded with the merged stem ids a block at a time), then every stem's postings from
/// all the runs laid end to end.
fn merge_runs(runs: Vec<Builder>) -> Built {
    let mut runs = runs.into_iter();
    let mut base = runs.next().unwrap_or_default();
    let mut blocks = std::mem::take(&mut base.blocks);
    let mut block_firsts = std::mem::take(&mut base.block_firsts);
    let mut stream_starts = std::mem::take(&mut base.stream_starts);
    let mut topics = std::mem::take(&mut base.topics);
    let mut topic_lengths = std::mem::take(&mut base.topic_lengths);
    let mut later_postings = Vec::new();
    for mut later in runs {
        let stem_of_run = base.merge_vocabulary(&later);
        let first_topic = topics.len() as u32;
        let later_firsts = std::mem::take(&mut later.block_firsts);
        for (b, block) in std::mem::take(&mut later.blocks).into_iter().enumerate() {
            let from = later_firsts.get(b).map_or(0, |&f| f as usize);
            let to = later_firsts
                .get(b + 1)
                .map_or(later.stream_starts.len(), |&f| f as usize);
            let starts = later.stream_starts.get(from..to).unwrap_or(&[]);
            // An id may take more or fewer bytes than before, so the topics' starts move.
            let (recoded, starts) = coded::renumbered(&block, starts, &stem_of_run);
            drop(block);
            blocks.push(recoded);
            block_firsts.push(first_topic + from as u32);
            stream_starts.extend(starts);
        }
        topics.append(&mut later.topics);
        topic_lengths.append(&mut later.topic_lengths);
        later_postings.push(RunPostings {
            lists: std::mem::take(&mut later.postings),
            stem_of_run,
        });
    }
    let vocabulary = base.vocabulary();
    let (posting_starts, posting_counts, posting_bytes) =
        flat_postings(std::mem::take(&mut base.postings), later_postings);
    Built {
        topics,
        topic_lengths,
        blocks,
        block_firsts,
        stream_starts,
        vocabulary,
        word_count: base.word_stems.len(),
        stems: base.stems,
        posting_starts,
        posting_counts,
        posting_bytes,
    }
}

/// Every stem's coded postings from every run, laid end to end: where each stem's list starts
/// (and one past the last ends), how many postings each holds, the bytes. `first` is the first
/// run's lists, by the merged stem ids. Each list is freed as soon as it is copied, so the two
/// forms never both exist whole.
fn flat_postings(
    mut first: Vec<PostingsWriter>,
    mut later: Vec<RunPostings>,
) -> (Vec<u32>, Vec<u32>, Vec<u8>) {
    let stems = first.len();
    // Merged stem id -> each later run's own id for it.
    let run_stem: Vec<Vec<Option<u32>>> = later
        .iter()
        .map(|run| {
            let mut own = vec![None; stems];
            for (id, &merged) in run.stem_of_run.iter().enumerate() {
                if let Some(slot) = own.get_mut(merged as usize) {
                    *slot = Some(id as u32);
                }
            }
            own
        })
        .collect();
    let total_bytes: usize = first.iter().map(|list| list.bytes.len()).sum::<usize>()
        + later
            .iter()
            .flat_map(|run| &run.lists)
            .map(|list| list.bytes.len())
            .sum::<usize>();
    let mut posting_starts = Vec::with_capacity(stems + 1);
    let mut posting_counts = Vec::with_capacity(stems);
    let mut posting_bytes = Vec::with_capacity(total_bytes);
    for (stem, list) in first.iter_mut().enumerate() {
        posting_starts.push(posting_bytes.len() as u32);
        let mut count = 0;
        let mut last = 0;
        let own = std::mem::take(list);
        let others = later.iter_mut().zip(&run_stem).filter_map(|(run, ids)| {
            let id = ids.get(stem).copied().flatten()?;
            Some(std::mem::take(run.lists.get_mut(id as usize)?))
        });
        for list in std::iter::once(own).chain(others) {
            last = list.append_to(&mut posting_bytes, last);
            count += list.count;
        }
        posting_counts.push(count);
    }
    posting_starts.push(posting_bytes.len() as u32);
    (posting_starts, posting_counts, posting_bytes)
}
