//! A query turned into what each of its words may match in the index, and the topics that match
//! every word, scored with BM25.

use super::Tier;
use super::coded::{CodedPhrase, Postings};
use super::english;
use super::index::{Close, END_OF_TEXT, StemId};
use super::words::{for_each_word, is_stop_word};
use crate::practice::words::stem;

/// What a query is matched against: the whole [`Index`](super::index::Index), or the
/// [`Scan`](super::scan::Scan) made for one query.
pub trait Corpus: Sync {
    fn topic_count(&self) -> usize;
    /// A topic's length for BM25, and the average over every topic.
    fn length(&self, topic: u32) -> f32;
    fn average_length(&self) -> f32;
    /// The id of a stem the guides use (stop words included).
    fn stem_id(&self, stem_text: &str) -> Option<StemId>;
    /// The stem id of a lowercase word of the guides.
    fn word_stem(&self, word: &str) -> Option<StemId>;
    /// The topics using `stem` (not as a stop word), in topic order, with their weights.
    fn postings(&self, stem: StemId) -> Postings<'_>;
    fn topic_frequency(&self, stem: StemId) -> usize {
        self.postings(stem).len()
    }
    /// The other stems of `stem_text`'s synonym group that the guides use.
    fn synonyms(&self, stem_text: &str) -> &[StemId];
    /// Words and stems of the guides within `distance` edits of `word`.
    fn words_within(&self, word: &str, distance: u8) -> Vec<Close>;
    /// Stems of longer words of the guides that start with `prefix`.
    fn words_starting(&self, prefix: &str) -> Vec<StemId>;
    /// Whether one text of `topic` holds `phrase`'s stems in a row (`finder` looks for them).
    fn holds_phrase(&self, topic: u32, phrase: &[StemId], finder: &PhraseFinder) -> bool;
}

/// How a query word matched a word of the guides, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The same stem: "listening" for "listen".
    Own,
    /// A word of its synonym group or another spelling: "manager" for "boss".
    Synonym,
    /// Within the edits allowed for its length: "mentor" for "mentro".
    Typo,
    /// A longer word it begins: "safeguarding" for "safeg".
    Prefix,
}

/// One thing a query word may match.
#[derive(Debug, Clone, Copy)]
pub struct Alternative {
    pub stem: StemId,
    pub kind: Kind,
    /// How much a match counts next to the word itself (1.0).
    pub weight: f32,
}

#[derive(Debug)]
pub struct QueryWord {
    pub text: String,
    /// A function word: only checked as part of the phrase.
    pub stop: bool,
    /// The word's own stem in the index, if the guides use it.
    pub own: Option<StemId>,
    pub alternatives: Vec<Alternative>,
}

/// Which matches a pass allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// The words, their synonyms, and typos of words the guides do not use.
    Whole,
    /// As `Whole`, plus longer words each query word begins (only when `Whole` finds nothing).
    Partial,
}

const SYNONYM_WEIGHT: f32 = 0.8;
const ONE_EDIT_WEIGHT: f32 = 0.6;
const TWO_EDITS_WEIGHT: f32 = 0.45;
const PREFIX_WEIGHT: f32 = 0.5;
/// A typo or prefix may stand for at most this many stems (the closest, then the most used).
const MAX_EXPANSIONS: usize = 24;
/// A prefix of one or two letters stands for at most this many.
const MAX_SHORT_PREFIX_EXPANSIONS: usize = 8;

/// Edits a word may be from a word of the guides and still match it: none up to three letters
/// (too many short words are one edit apart), one up to seven, two beyond.
pub fn allowed_edits(word: &str) -> u8 {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The query's words, in order, stop words included. Two neighbouring words are read as one when
/// the guides write them as one and do not use one of them ("food bank" for "foodbank").
pub fn parse(index: &impl Corpus, query: &str) -> Vec<QueryWord> {
    parse_joining(index, query, false)
}

/// As [`parse`]; with `join_all`, any two neighbouring words the guides write as one are read as
/// one ("food bank" when the guides use "food" and "bank" apart but never together).
pub fn parse_joining(index: &impl Corpus, query: &str, join_all: bool) -> Vec<QueryWord> {
    let mut written: Vec<(String, bool)> = Vec::new();
    for_each_word(query, |word| {
        written.push((word.text.to_owned(), word.hyphenated))
    });
    let known = |word: &str| is_stop_word(word) || index.stem_id(&stem(word)).is_some();
    let mut i = 0;
    while i + 1 < written.len() {
        let joined = format!("{}{}", written[i].0, written[i + 1].0);
        // "multi-disciplinary" finds "multidisciplinary", and the index counts every hyphenated
        // pair of the guides as one word too, so the joined word finds both ways of writing it.
        let hyphenated = written[i + 1].1;
        let unknown = !known(&written[i].0) || !known(&written[i + 1].0);
        if (hyphenated || unknown || join_all) && index.word_stem(&joined).is_some() {
            written[i].0 = joined;
            written.remove(i + 1);
        }
        i += 1;
    }
    let written: Vec<String> = written.into_iter().map(|(word, _)| word).collect();
    written
        .into_iter()
        .map(|text| {
            let stop = is_stop_word(&text);
            let own_stem = stem(&text);
            let own = index.stem_id(&own_stem);
            QueryWord {
                stop,
                own,
                text,
                alternatives: Vec::new(),
            }
        })
        .collect()
}

/// Fills each word's alternatives for `pass`. False when some word can match nothing.
pub fn expand(index: &impl Corpus, words: &mut [QueryWord], pass: Pass) -> bool {
    let mut all_found = true;
    for word in words.iter_mut().filter(|w| !w.stop) {
        let mut found: Vec<Alternative> = Vec::new();
        let add = |found: &mut Vec<Alternative>, stem: StemId, kind: Kind, weight: f32| {
            if index.topic_frequency(stem) > 0 && found.iter().all(|a| a.stem != stem) {
                found.push(Alternative { stem, kind, weight });
            }
        };
        if let Some(own) = word.own {
            add(&mut found, own, Kind::Own, 1.0);
        }
        for &synonym in index.synonyms(&stem(&word.text)) {
            add(&mut found, synonym, Kind::Synonym, SYNONYM_WEIGHT);
        }
        // A word the guides use is taken as meant. An unknown one that begins a word of the
        // guides is being typed ("safeg"); any other is read as a typo, unless it is an
        // ordinary English word, typed on purpose ("ward" is not a slip for "hard").
        let edits = allowed_edits(&word.text);
        let has_letters = word.text.chars().any(char::is_alphabetic);
        let longer = if found.is_empty() {
            index.words_starting(&word.text)
        } else {
            Vec::new()
        };
        if found.is_empty()
            && longer.is_empty()
            && edits > 0
            && has_letters
            && !english::is_word(&word.text)
        {
            let mut close = index.words_within(&word.text, edits);
            close.retain(|c| c.distance < 2 || similar_letters(&word.text, &c.text));
            close.sort_by_key(|c| (c.distance, std::cmp::Reverse(index.topic_frequency(c.stem))));
            for close in close.into_iter().take(MAX_EXPANSIONS) {
                let weight = if close.distance <= 1 {
                    ONE_EDIT_WEIGHT
                } else {
                    TWO_EDITS_WEIGHT
                };
                add(&mut found, close.stem, Kind::Typo, weight);
            }
        }
        if pass == Pass::Partial {
            let mut longer = longer;
            longer.sort_by_key(|&stem| std::cmp::Reverse(index.topic_frequency(stem)));
            // A letter or two begins too many words: only the commonest few are taken.
            let room = if word.text.chars().count() <= 2 {
                MAX_SHORT_PREFIX_EXPANSIONS
            } else {
                MAX_EXPANSIONS
            };
            for stem in longer.into_iter().take(room) {
                add(&mut found, stem, Kind::Prefix, PREFIX_WEIGHT);
            }
        }
        all_found &= !found.is_empty();
        word.alternatives = found;
    }
    all_found
}

/// A topic that matches every word of the query.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub topic: u32,
    pub tier: Tier,
    /// Every word matched as typed (no synonym, typo or prefix): it may hold the phrase.
    pub literal: bool,
    pub score: f32,
}

/// How many of the best-scoring topics are checked for the phrase one by one before the rest are
/// checked in bulk.
const PHRASE_PROBES: usize = 64;
/// From this many topics to check for a phrase, the checks are split between two threads.
const PARALLEL_PHRASE_CHECKS: usize = 4_096;

/// BM25's parameters: how soon repeated words stop adding (k1) and how much a long topic is
/// discounted (b; topics vary less in length than web pages, so less than the usual 0.75).
const K1: f32 = 1.2;
const B: f32 = 0.5;

/// Every topic that matches all the query's words (stop words aside), with its tier and BM25
/// score. Each word scores its best alternative in the topic.
pub fn candidates(index: &impl Corpus, words: &[QueryWord]) -> Vec<Candidate> {
    let mut required: Vec<&QueryWord> = words.iter().filter(|w| !w.stop).collect();
    if required.is_empty() || required.iter().any(|w| w.alternatives.is_empty()) {
        return Vec::new();
    }
    // The rarest word first: it decides the candidates, and the others only check them.
    let cost = |w: &&QueryWord| -> usize {
        w.alternatives
            .iter()
            .map(|a| index.topic_frequency(a.stem))
            .sum()
    };
    required.sort_by_key(cost);
    let topics = index.topic_count();
    let n = topics as f32;
    let mut matched = vec![0u8; topics];
    let mut score = vec![0f32; topics];
    let mut worst = vec![Kind::Own; topics];
    let mut word_score = vec![0f32; topics];
    let mut word_kind = vec![Kind::Prefix; topics];
    let mut touched: Vec<u32> = Vec::new();
    for (round, word) in required.iter().enumerate() {
        let round = round as u8;
        touched.clear();
        // The words a prefix begins count as one word, as common as the commonest of them, so
        // the word a learner is most likely typing ranks first, not the rarest completion.
        let prefix_df = word
            .alternatives
            .iter()
            .filter(|a| a.kind == Kind::Prefix)
            .map(|a| index.topic_frequency(a.stem))
            .max()
            .unwrap_or(0);
        for alternative in &word.alternatives {
            let postings = index.postings(alternative.stem);
            let df = match alternative.kind {
                Kind::Prefix => prefix_df,
                _ => postings.len(),
            } as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            let factor = alternative.weight * idf;
            // `for_each` reads coded postings in a tighter loop than `next` can.
            postings.for_each(|(topic, weight)| {
                let t = topic as usize;
                if matched[t] != round {
                    return;
                }
                let tf = f32::from(weight) / 10.0;
                let norm = K1 * (1.0 - B + B * index.length(topic) / index.average_length());
                let s = factor * tf * (K1 + 1.0) / (tf + norm);
                if word_score[t] == 0.0 {
                    touched.push(topic);
                    word_kind[t] = alternative.kind;
                }
                word_score[t] = word_score[t].max(s);
                word_kind[t] = word_kind[t].min(alternative.kind);
            });
        }
        for &topic in &touched {
            let t = topic as usize;
            matched[t] = round + 1;
            score[t] += std::mem::take(&mut word_score[t]);
            worst[t] = worst[t].max(word_kind[t]);
        }
    }
    // A one-word query's matches are all the phrase; for a longer one, whether a topic holds the
    // phrase is checked later, and only as far as the results shown need it (see `rank`).
    let one_word = phrase_stems(words).is_none();
    touched
        .iter()
        .map(|&topic| {
            let t = topic as usize;
            let tier = match worst[t] {
                Kind::Own if one_word => Tier::Phrase,
                Kind::Own | Kind::Synonym => Tier::Words,
                Kind::Typo => Tier::Typo,
                Kind::Prefix => Tier::Partial,
            };
            Candidate {
                topic,
                tier,
                literal: worst[t] == Kind::Own,
                score: score[t],
            }
        })
        .collect()
}

/// The best `limit` candidates, best first: by tier, then score, then topic order. A topic
/// whose words all match as typed is in the phrase tier if it holds the phrase; that is checked
/// in order of score, and only until `limit` topics are known to hold it, since no topic
/// checked after them could rank above them.
pub fn rank(
    index: &impl Corpus,
    words: &[QueryWord],
    mut found: Vec<Candidate>,
    limit: usize,
) -> Vec<Candidate> {
    let key = |c: &Candidate| (c.tier, std::cmp::Reverse(OrdF32(c.score)), c.topic);
    if let Some(phrase) = phrase_stems(words) {
        let (literal, mut rest): (Vec<Candidate>, Vec<Candidate>) =
            found.into_iter().partition(|c| c.literal);
        let mut by_score: std::collections::BinaryHeap<(OrdF32, std::cmp::Reverse<u32>)> = literal
            .iter()
            .map(|c| (OrdF32(c.score), std::cmp::Reverse(c.topic)))
            .collect();
        let mut phrased = Vec::new();
        // Look for the phrase's rarest word (stop words aside, which no postings count).
        let anchor = words
            .iter()
            .enumerate()
            .filter(|(_, w)| !w.stop)
            .filter_map(|(i, w)| Some((index.topic_frequency(w.own?), i)))
            .min()
            .map_or(0, |(_, i)| i);
        let finder = PhraseFinder::new(&phrase, anchor);
        let holds = |topic: u32| {
            finder
                .as_ref()
                .is_some_and(|f| index.holds_phrase(topic, &phrase, f))
        };
        let as_tier = |topic: u32, score: f32, holds: bool| Candidate {
            topic,
            tier: if holds { Tier::Phrase } else { Tier::Words },
            literal: true,
            score,
        };
        // The best-scoring first: usually they fill the list and the rest need no looking at.
        let mut probes = PHRASE_PROBES.max(limit.saturating_mul(4));
        while probes > 0
            && let Some((score, std::cmp::Reverse(topic))) = by_score.pop()
        {
            probes -= 1;
            let candidate = as_tier(topic, score.0, holds(topic));
            if candidate.tier == Tier::Phrase {
                phrased.push(candidate);
                if phrased.len() >= limit {
                    return phrased;
                }
            } else {
                rest.push(candidate);
            }
        }
        // Few of them hold the phrase: look at the others in the order they lie in memory, on
        // both cores.
        let mut left: Vec<(u32, f32)> = by_score
            .into_iter()
            .map(|(score, std::cmp::Reverse(topic))| (topic, score.0))
            .collect();
        left.sort_unstable_by_key(|&(topic, _)| topic);
        let checked = crate::parallel::in_two_halves(&left, PARALLEL_PHRASE_CHECKS, |part| {
            part.iter()
                .map(|&(topic, score)| as_tier(topic, score, holds(topic)))
                .collect()
        });
        for candidate in checked {
            if candidate.tier == Tier::Phrase {
                phrased.push(candidate);
            } else {
                rest.push(candidate);
            }
        }
        rest.extend(phrased);
        found = rest;
    }
    if found.len() > limit {
        found.select_nth_unstable_by_key(limit, key);
        found.truncate(limit);
    }
    found.sort_unstable_by_key(key);
    found
}

/// An `f32` ordered by `total_cmp`, for sort keys.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OrdF32(pub f32);

impl Eq for OrdF32 {}

impl PartialOrd for OrdF32 {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrdF32 {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// The stems a phrase match must show in a row: `None` for a one-word query (every match of
/// its word is the phrase), and an impossible phrase when a word is not in the guides at all.
pub fn phrase_stems(words: &[QueryWord]) -> Option<Vec<StemId>> {
    if words.len() < 2 {
        return None;
    }
    Some(words.iter().map(|w| w.own.unwrap_or(END_OF_TEXT)).collect())
}

/// Whether `phrase` occurs in a row within one text of `stream`.
pub fn has_phrase(stream: &[StemId], phrase: &[StemId]) -> bool {
    PhraseFinder::new(phrase, 0).is_some_and(|finder| finder.is_in(stream))
}

/// Looks for a phrase's stem ids in a row in topics' streams. It looks for one word of the
/// phrase (the rarest, ideally) sixteen ids at a time, a loop the compiler turns into vector
/// instructions, and checks the phrase around each place it is found. This matters when tens of
/// thousands of topics hold every word of a phrase but few hold the phrase itself.
pub struct PhraseFinder {
    phrase: Vec<StemId>,
    /// Which word of the phrase is looked for.
    anchor: usize,
    /// The phrase as the index's coded streams hold it.
    coded: CodedPhrase,
}

impl PhraseFinder {
    /// `None` when the phrase cannot occur (it is empty, or a word of it is not in the guides).
    pub fn new(phrase: &[StemId], anchor: usize) -> Option<Self> {
        if phrase.is_empty() || phrase.contains(&END_OF_TEXT) {
            return None;
        }
        Some(Self {
            phrase: phrase.to_vec(),
            anchor: anchor.min(phrase.len() - 1),
            coded: CodedPhrase::new(phrase, anchor.min(phrase.len() - 1)),
        })
    }

    /// Whether the phrase lies in a row in one text of a coded stream (see
    /// [`coded`](super::coded)).
    pub fn is_in_coded(&self, coded: &[u8]) -> bool {
        self.coded.is_in(coded)
    }

    pub fn is_in(&self, stream: &[StemId]) -> bool {
        let wanted = self.phrase[self.anchor];
        let mut base = 0;
        for chunk in stream.chunks(16) {
            if chunk.iter().fold(false, |seen, &id| seen | (id == wanted)) {
                for (i, &id) in chunk.iter().enumerate() {
                    if id != wanted {
                        continue;
                    }
                    let Some(start) = (base + i).checked_sub(self.anchor) else {
                        continue;
                    };
                    if stream.get(start..start + self.phrase.len()) == Some(&self.phrase[..]) {
                        return true;
                    }
                }
            }
            base += chunk.len();
        }
        false
    }
}

/// Whether two words share at least 85% of their letters, counted with repeats (a Dice
/// coefficient over letters). Asked of two-edit matches only: a slip in a long word keeps its
/// letters, only dropping, doubling or swapping one or two ("multidiciplinery", "safgaurding"),
/// while a different word two edits away brings letters of its own ("insurance" is not
/// "instance").
pub fn similar_letters(a: &str, b: &str) -> bool {
    let mut rest: Vec<char> = b.chars().collect();
    let total = a.chars().count() + rest.len();
    let mut shared = 0;
    for c in a.chars() {
        if let Some(at) = rest.iter().position(|&r| r == c) {
            rest.swap_remove(at);
            shared += 1;
        }
    }
    total > 0 && 100 * 2 * shared >= 85 * total
}
