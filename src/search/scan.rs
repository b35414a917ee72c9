//! One query answered without building the index, for `carestudy search`: the guides are
//! scanned for the few stems the query can match, and only the texts that may hold one are read
//! word by word. The answer is the index's own, or `None` when the query needs the whole
//! vocabulary (a word the guides do not use: typos, prefixes, a suggestion), and then the
//! caller builds the index.
//!
//! How a text is picked without reading its words: a word's Snowball stem is a prefix of the
//! word, but for its last letter ("happi" for "happy", "hope" for "hoping": see [`needle`]), so
//! every word with a stem the query wants holds that stem's needle. Each text is lowercased with
//! its apostrophes and hyphens taken out (so "O'Brien" and "multi-agency" read as the words the
//! index makes of them) and searched for the needles with `memchr`'s substring search; a text
//! holding none cannot hold a wanted word. The few that hold one are split into words as the
//! index does, and counted the same way.

use super::coded::Postings;
use super::index::{Close, Index, Scope, StemId, average_length, synonym_table, text_length};
use super::parts::parts;
use super::query::{Corpus, PhraseFinder};
use super::words::{APOSTROPHES, for_each_word, is_stop_word};
use crate::content::{Library, TopicRef};
use crate::practice::words::stem;
use memchr::memmem::Finder;
use rustc_hash::FxHashMap;
use std::sync::atomic::{AtomicBool, Ordering};

/// In a topic's stream, a word whose stem the query does not want.
const OTHER: StemId = u32::MAX - 1;
/// From this many topics, the guides are scanned on two threads.
const PARALLEL_FROM_TOPICS: usize = 2_000;
/// A query of more words than this is left to the index (parsing keeps at most 16 words).
const MAX_WRITTEN_WORDS: usize = 32;

/// What the guides hold of the stems one query may match: enough to rank it as the index would.
pub struct Scan {
    /// Every topic's length for BM25, and their average.
    lengths: Vec<u32>,
    average_length: f32,
    /// The stems wanted, by id, and whether the guides use each (stop words included).
    stem_texts: Vec<String>,
    stem_ids: FxHashMap<String, StemId>,
    /// The [`needle`] of each wanted stem, stop words' included: a word starting with none of
    /// them has none of the wanted stems, and is not stemmed.
    starts: Vec<String>,
    used: Vec<bool>,
    /// Words the query may be joined into ("foodbank"), and whether the guides use each.
    joined: FxHashMap<String, (StemId, bool)>,
    postings: Vec<(Vec<u32>, Vec<u16>)>,
    synonyms: FxHashMap<Box<str>, Vec<StemId>>,
    /// For each topic with a text read: its texts' words as wanted stem ids ([`OTHER`] for the
    /// rest), each text ended by [`END_OF_TEXT`](super::index::END_OF_TEXT).
    streams: FxHashMap<u32, Vec<StemId>>,
    /// Set when the ranking asked for something only the whole index knows.
    needs_index: AtomicBool,
}

/// What one topic showed of the wanted stems.
struct TopicFinds {
    topic: u32,
    /// Wanted stem -> weighted uses, in the order first met.
    weights: Vec<(StemId, u32)>,
    stream: Vec<StemId>,
    used: Vec<StemId>,
    joined_used: Vec<String>,
}

/// The part of a stem every word with that stem begins with: the stem but for its last letter
/// (Snowball's English stemmer only ever changes a word's last letters: "happy" -> "happi",
/// "hoping" -> "hope"), two letters shorter for "-ble" ("possibility" -> "possible"), and the
/// first letter alone for the three stems it spells unlike their words ("dying" -> "die").
pub fn needle(stem_text: &str) -> &str {
    let mut end = stem_text.char_indices().last().map_or(0, |(at, _)| at);
    if stem_text.ends_with("ble") {
        end = stem_text.len() - 2;
    }
    if matches!(stem_text, "die" | "lie" | "tie") {
        end = 1;
    }
    stem_text.get(..end).unwrap_or("")
}

/// Appends `text` to `folded` lowercased, without apostrophes or hyphens.
fn fold(text: &str, folded: &mut Vec<u8>) {
    if text.is_ascii() {
        let mut rest = text.as_bytes();
        while let Some(at) = memchr::memchr2(b'\'', b'-', rest) {
            let start = folded.len();
            folded.extend_from_slice(&rest[..at]);
            folded[start..].make_ascii_lowercase();
            rest = &rest[at + 1..];
        }
        let start = folded.len();
        folded.extend_from_slice(rest);
        folded[start..].make_ascii_lowercase();
        return;
    }
    let mut buffer = [0; 4];
    for c in text.chars() {
        if c == '-' || APOSTROPHES.contains(&c) {
            continue;
        }
        for lower in c.to_lowercase() {
            folded.extend_from_slice(lower.encode_utf8(&mut buffer).as_bytes());
        }
    }
}

impl Scan {
    /// Scans `library` for what `query` may match. `None` for a query too long to be worth it.
    pub fn new(library: &Library, query: &str) -> Option<Scan> {
        let mut written: Vec<String> = Vec::new();
        for_each_word(query, |word| written.push(word.text.to_owned()));
        if written.len() > MAX_WRITTEN_WORDS {
            return None;
        }
        let mut scan = Scan {
            lengths: Vec::new(),
            average_length: 1.0,
            stem_texts: Vec::new(),
            stem_ids: FxHashMap::default(),
            starts: Vec::new(),
            used: Vec::new(),
            joined: FxHashMap::default(),
            postings: Vec::new(),
            synonyms: FxHashMap::default(),
            streams: FxHashMap::default(),
            needs_index: AtomicBool::new(false),
        };
        let searched = scan.want_query(&written);
        scan.starts = scan
            .stem_texts
            .iter()
            .map(|s| needle(s).to_owned())
            .collect();
        let needles: Vec<Finder<'static>> = searched
            .iter()
            .map(|&id| Finder::new(needle(&scan.stem_texts[id as usize])).into_owned())
            .collect();

        let refs: Vec<TopicRef> = library
            .topic_refs()
            .filter(|&at| library.guide(at.guide).is_some() && library.topic(at).is_some())
            .collect();
        let numbered: Vec<(u32, TopicRef)> = (0u32..).zip(refs).collect();
        let found = crate::parallel::in_two_halves(&numbered, PARALLEL_FROM_TOPICS, |run| {
            scan.read(library, run, &needles)
        });
        scan.keep(found);
        scan.finish(&written);
        Some(scan)
    }

    /// Wants the stems of the words as written, of every pair joined into one, and of their
    /// synonym groups; hands back those a text must hold one of to be read, sorted.
    fn want_query(&mut self, written: &[String]) -> Vec<StemId> {
        let mut texts = written.to_vec();
        for pair in written.windows(2) {
            let joined = format!("{}{}", pair[0], pair[1]);
            let id = self.want(&stem(&joined));
            self.joined.insert(joined.clone(), (id, false));
            texts.push(joined);
        }
        let mut searched: Vec<StemId> = Vec::new();
        for text in &texts {
            let own = stem(text);
            let id = self.want(&own);
            // A stop word's stem only matters for a phrase, which needs a text with the
            // query's other words in it: those pick the texts.
            if !is_stop_word(text) {
                searched.push(id);
            }
            for group in super::synonyms::GROUPS {
                let stems: Vec<String> = group.iter().map(|w| stem(w)).collect();
                if stems.contains(&own) {
                    for other in &stems {
                        searched.push(self.want(other));
                    }
                }
            }
        }
        searched.sort_unstable();
        searched.dedup();
        searched
    }

    /// Keeps what the read topics showed, in topic order: every topic's length, the wanted
    /// stems' postings, which stems and joined words the guides use, and the streams.
    fn keep(&mut self, found: Vec<(u32, Option<Box<TopicFinds>>)>) {
        self.postings = vec![(Vec::new(), Vec::new()); self.stem_texts.len()];
        self.lengths = Vec::with_capacity(found.len());
        for (length, finds) in found {
            self.lengths.push(length);
            let Some(finds) = finds else {
                continue;
            };
            for (id, weight) in finds.weights {
                let (topics, weights) = &mut self.postings[id as usize];
                topics.push(finds.topic);
                weights.push(u16::try_from(weight).unwrap_or(u16::MAX));
            }
            for id in finds.used {
                self.used[id as usize] = true;
            }
            for word in finds.joined_used {
                if let Some(entry) = self.joined.get_mut(&word) {
                    entry.1 = true;
                }
            }
            self.streams.insert(finds.topic, finds.stream);
        }
    }

    /// What is worked out from all the topics once read: the average length, the query's stop
    /// words taken as used, and the synonyms the guides use.
    fn finish(&mut self, written: &[String]) {
        self.average_length = average_length(&self.lengths);
        // A stop word's stem is taken as used: only a phrase asks, and a text holding the phrase
        // was read.
        for text in written {
            if is_stop_word(text)
                && let Some(&id) = self.stem_ids.get(&stem(text))
            {
                self.used[id as usize] = true;
            }
        }
        let synonyms = synonym_table(|stem_text| {
            let id = *self.stem_ids.get(stem_text)?;
            self.used[id as usize].then_some(id)
        });
        self.synonyms = synonyms;
    }

    /// The id of a stem the query wants, adding it.
    fn want(&mut self, stem_text: &str) -> StemId {
        if let Some(&id) = self.stem_ids.get(stem_text) {
            return id;
        }
        let id = self.stem_texts.len() as StemId;
        self.stem_texts.push(stem_text.to_owned());
        self.stem_ids.insert(stem_text.to_owned(), id);
        self.used.push(false);
        id
    }

    /// Reads the topics of `run`: each one's length, and what those that may hold a wanted
    /// stem show of it.
    fn read(
        &self,
        library: &Library,
        run: &[(u32, TopicRef)],
        needles: &[Finder],
    ) -> Vec<(u32, Option<Box<TopicFinds>>)> {
        let mut found = Vec::with_capacity(run.len());
        let mut folded = Vec::new();
        let mut stems: FxHashMap<String, StemId> = FxHashMap::default();
        for &(number, at) in run {
            let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) else {
                continue;
            };
            let texts = parts(guide, topic);
            let length = texts.iter().fold(0, |sum: u32, (_, text)| {
                sum.saturating_add(text_length(text))
            });
            // Boxed: most topics have none, and the list of all of them stays small.
            let mut finds: Option<Box<TopicFinds>> = None;
            for (part, text) in &texts {
                folded.clear();
                fold(text, &mut folded);
                if !needles.iter().any(|n| n.find(&folded).is_some()) {
                    continue;
                }
                let finds = finds.get_or_insert_with(|| {
                    Box::new(TopicFinds {
                        topic: number,
                        weights: Vec::new(),
                        stream: Vec::new(),
                        used: Vec::new(),
                        joined_used: Vec::new(),
                    })
                });
                let weight = u32::from(part.weight());
                let mut previous = String::new();
                let mut joined = String::new();
                // A word the query joins ("foodbank") has a wanted stem: others are not looked up.
                for_each_word(text, |word| {
                    let id = self.stem_of(word.text, &mut stems);
                    finds.stream.push(id);
                    finds.count(id, word.text, weight);
                    // "multi-agency" also counts as "multiagency", as in the index.
                    if word.hyphenated && !previous.is_empty() {
                        joined.clear();
                        joined.push_str(&previous);
                        joined.push_str(word.text);
                        let id = self.stem_of(&joined, &mut stems);
                        finds.count(id, &joined, weight);
                        if id != OTHER && self.joined.contains_key(joined.as_str()) {
                            finds.joined_used.push(joined.clone());
                        }
                    }
                    if id != OTHER && self.joined.contains_key(word.text) {
                        finds.joined_used.push(word.text.to_owned());
                    }
                    previous.clear();
                    previous.push_str(word.text);
                });
                finds.stream.push(super::index::END_OF_TEXT);
            }
            found.push((length, finds));
        }
        found
    }

    /// The wanted stem id of `word`, or [`OTHER`].
    fn stem_of(&self, word: &str, stems: &mut FxHashMap<String, StemId>) -> StemId {
        if !self
            .starts
            .iter()
            .any(|start| word.starts_with(start.as_str()))
        {
            return OTHER;
        }
        if let Some(&id) = stems.get(word) {
            return id;
        }
        let id = self.stem_ids.get(&stem(word)).copied().unwrap_or(OTHER);
        stems.insert(word.to_owned(), id);
        id
    }

    /// Whether a ranking on this scan asked for something only the whole index knows.
    pub fn needs_index(&self) -> bool {
        self.needs_index.load(Ordering::Relaxed)
    }

    fn ask_index(&self) {
        self.needs_index.store(true, Ordering::Relaxed);
    }

    /// The text of a wanted stem.
    pub fn stem_text(&self, id: StemId) -> Option<&str> {
        self.stem_texts.get(id as usize).map(String::as_str)
    }

    /// The index of the topics `best` (flat numbers of this scan), numbered in that order.
    pub fn index_of(library: &Library, best: &[u32]) -> Index {
        let refs: Vec<TopicRef> = library
            .topic_refs()
            .filter(|&at| library.guide(at.guide).is_some() && library.topic(at).is_some())
            .collect();
        let chosen: Vec<TopicRef> = best
            .iter()
            .filter_map(|&topic| refs.get(topic as usize).copied())
            .collect();
        Index::of_topics(library, &chosen, Scope::Everything, 1)
    }
}

impl TopicFinds {
    fn count(&mut self, id: StemId, word: &str, weight: u32) {
        if id == OTHER {
            return;
        }
        if !self.used.contains(&id) {
            self.used.push(id);
        }
        if is_stop_word(word) {
            return;
        }
        match self.weights.iter_mut().find(|(stem, _)| *stem == id) {
            Some((_, sum)) => *sum += weight,
            None => self.weights.push((id, weight)),
        }
    }
}

impl Corpus for Scan {
    fn topic_count(&self) -> usize {
        self.lengths.len()
    }
    fn length(&self, topic: u32) -> f32 {
        self.lengths.get(topic as usize).copied().unwrap_or(0) as f32
    }
    fn average_length(&self) -> f32 {
        self.average_length
    }
    fn stem_id(&self, stem_text: &str) -> Option<StemId> {
        match self.stem_ids.get(stem_text) {
            Some(&id) => self.used[id as usize].then_some(id),
            None => {
                self.ask_index();
                None
            }
        }
    }
    fn word_stem(&self, word: &str) -> Option<StemId> {
        match self.joined.get(word) {
            Some(&(id, used)) => used.then_some(id),
            None => {
                self.ask_index();
                None
            }
        }
    }
    fn postings(&self, stem: StemId) -> Postings<'_> {
        self.postings
            .get(stem as usize)
            .map_or(Postings::empty(), |(topics, weights)| {
                Postings::plain(topics, weights)
            })
    }
    fn synonyms(&self, stem_text: &str) -> &[StemId] {
        if !self.stem_ids.contains_key(stem_text) {
            self.ask_index();
        }
        self.synonyms.get(stem_text).map_or(&[], Vec::as_slice)
    }
    fn words_within(&self, _word: &str, _distance: u8) -> Vec<Close> {
        self.ask_index();
        Vec::new()
    }
    fn words_starting(&self, _prefix: &str) -> Vec<StemId> {
        self.ask_index();
        Vec::new()
    }
    fn holds_phrase(&self, topic: u32, _phrase: &[StemId], finder: &PhraseFinder) -> bool {
        self.streams
            .get(&topic)
            .is_some_and(|stream| finder.is_in(stream))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load_builtin;
    use crate::search::{SearchIndex, search_once};

    #[test]
    fn every_word_begins_with_its_stems_needle() {
        let english = include_str!("english/words.txt");
        let library = load_builtin().unwrap_or_default();
        let mut guides = Vec::new();
        for at in library.topic_refs() {
            if let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) {
                for (_, text) in parts(guide, topic) {
                    for_each_word(text, |word| guides.push(word.text.to_owned()));
                }
            }
        }
        assert!(guides.len() > 10_000);
        for word in english.lines().map(str::to_owned).chain(guides) {
            let stem_text = stem(&word);
            assert!(
                word.starts_with(needle(&stem_text)),
                "{word} -> {stem_text} -> {}",
                needle(&stem_text)
            );
        }
    }

    #[test]
    fn folding_lowercases_and_drops_apostrophes_and_hyphens() {
        let mut folded = Vec::new();
        fold("O'Brien's multi-agency GDPR", &mut folded);
        assert_eq!(folded, b"obriens multiagency gdpr");
        folded.clear();
        fold("Équipe d’ÉTÉ", &mut folded);
        assert_eq!(String::from_utf8_lossy(&folded), "équipe dété");
    }

    /// Queries of every kind, built from the guides' own words.
    fn queries(library: &Library) -> Vec<String> {
        let mut queries: Vec<String> = [
            "safeguarding",
            "Safeguarding",
            "SAFEGUARDING",
            "duty of care",
            "care",
            "the care",
            "multi-agency",
            "multi agency",
            "multiagency",
            "food bank",
            "foodbank",
            "boss",
            "staff",
            "organization",
            "well-being",
            "wellbeing",
            "person's",
            "persons",
            "GDPR",
            "data protection act",
            "mentro",
            "safeg",
            "zqxjv",
            "the and of",
            "a",
            "holistic",
            "dying",
            "possibility",
            "happy",
            "advocate advocacy",
            "listening skills",
            "working with others",
            "of care",
            "care of",
            "o'clock",
            "don't",
            "team work",
            "teamwork",
            "équipe",
            "",
        ]
        .iter()
        .map(|q| q.to_string())
        .collect();
        for (n, at) in library.topic_refs().enumerate() {
            let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) else {
                continue;
            };
            queries.push(topic.title.to_string());
            for (i, (_, text)) in parts(guide, topic).into_iter().enumerate() {
                if (n + i) % 47 != 0 {
                    continue;
                }
                let mut words = Vec::new();
                for_each_word(text, |word| {
                    words.push(text[word.start..word.end].to_owned())
                });
                for (j, word) in words.iter().enumerate().step_by(3) {
                    queries.push(word.clone());
                    if let Some(next) = words.get(j + 1) {
                        queries.push(format!("{word} {next}"));
                    }
                }
            }
        }
        queries
    }

    #[test]
    fn a_scan_answers_as_the_index_does() {
        let library = load_builtin().unwrap_or_default();
        let index = SearchIndex::new(&library);
        let queries = queries(&library);
        assert!(queries.len() > 200, "{}", queries.len());
        let mut scanned = 0;
        for query in &queries {
            for limit in [3, 1_000] {
                let expected = index.search(&library, query, limit);
                match super::super::scanned(&library, query, limit) {
                    Some(results) => {
                        assert_eq!(results, expected, "{query:?}");
                        scanned += 1;
                    }
                    None => assert_eq!(search_once(&library, query, limit), expected),
                }
            }
        }
        // Most queries are answered by the scan, not by building the index after all.
        assert!(
            scanned > queries.len(),
            "{scanned} of {}",
            2 * queries.len()
        );
        eprintln!("{scanned} of {} answered by a scan", 2 * queries.len());
    }
}
