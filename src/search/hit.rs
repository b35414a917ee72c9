//! A matching topic made into a result: its best text, the words to highlight in it, and how
//! many of its other texts match. Only done for the results a screen shows.

use super::index::{END_OF_TEXT, Index, StemId};
use super::parts::Part;
use super::query::{Candidate, Kind, QueryWord, has_phrase, phrase_stems};
use super::words::{char_index, for_each_word};
use super::{Hit, Tier};
use crate::content::Library;

/// What a stem of the topic stands for in the query.
#[derive(Debug, Clone, Copy)]
struct Wanted {
    stem: StemId,
    /// Which query word.
    word: usize,
    kind: Kind,
}

/// One text of the topic, as matched.
#[derive(Debug)]
struct Matched {
    part: Part,
    /// Byte ranges of the matched words, and whether each is a typo.
    ranges: Vec<(usize, usize, Kind)>,
    /// Which query words it holds (bit per word).
    covered: u64,
    phrase: bool,
}

pub fn hit(
    index: &Index,
    library: &Library,
    words: &[QueryWord],
    candidate: Candidate,
) -> Option<Hit> {
    let at = *index.topics.get(candidate.topic as usize)?;
    let topic = library.topic(at)?;
    let guide = library.guide(at.guide)?;
    let wanted = wanted(words);
    let phrase = match candidate.tier {
        Tier::Phrase => phrase_stems(words),
        _ => None,
    };
    let stream = index.stream(candidate.topic);
    let mut texts = stream.split(|&s| s == END_OF_TEXT);
    let mut matched: Vec<Matched> = Vec::new();
    for (part, text) in index.texts(guide, topic) {
        let stems = texts.next().unwrap_or(&[]);
        let (ranges, covered) = match_words(index, words, &wanted, text, stems);
        if covered != 0 {
            let phrase_here = phrase.as_ref().is_some_and(|p| has_phrase(stems, p));
            matched.push(Matched {
                part,
                ranges,
                covered,
                phrase: phrase_here,
            });
        }
    }
    let best_index = best(&matched)?;
    let further = matched.len() - 1;
    let best = matched.swap_remove(best_index);
    let text = best.part.text(topic);
    let (field, item) = best.part.field(topic);
    let (positions, corrections) = highlights(text, &best.ranges);
    Some(Hit {
        topic: at,
        field,
        item,
        text: text.to_owned(),
        tier: candidate.tier,
        score: candidate.tier.score(candidate.score),
        positions,
        further,
        corrections,
    })
}

/// Every stem the query stands for, with its query word.
fn wanted(words: &[QueryWord]) -> Vec<Wanted> {
    let mut wanted: Vec<Wanted> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        for alternative in &word.alternatives {
            wanted.push(Wanted {
                stem: alternative.stem,
                word: i,
                kind: alternative.kind,
            });
        }
    }
    wanted
}

/// The words of one text (whose stems in the index are `stems`) that the query matched: their
/// byte ranges and kinds, and which query words they cover (bit per word).
fn match_words(
    index: &Index,
    words: &[QueryWord],
    wanted: &[Wanted],
    text: &str,
    stems: &[StemId],
) -> (Vec<(usize, usize, Kind)>, u64) {
    let find = |stem: StemId| wanted.iter().find(|w| w.stem == stem).copied();
    let mut ranges = Vec::new();
    let mut covered = 0u64;
    let mut position = 0;
    let mut previous: Option<(usize, String)> = None;
    for_each_word(text, |word| {
        let mut hit_here = stems.get(position).and_then(|&s| find(s));
        position += 1;
        // A word the query matched as one written with a hyphen ("multiagency").
        if hit_here.is_none()
            && word.hyphenated
            && let Some((start, before)) = &previous
        {
            let joined = format!("{before}{}", word.text);
            if let Some(w) = index.word_stem(&joined).and_then(find) {
                ranges.push((*start, word.end, w.kind));
                covered |= 1 << w.word.min(63);
            }
        }
        if let Some(w) = hit_here.take() {
            let end = match w.kind {
                // Show which part of a longer word the query matched.
                Kind::Prefix => prefix_end(text, word.start, word.end, &words[w.word].text),
                _ => word.end,
            };
            ranges.push((word.start, end, w.kind));
            covered |= 1 << w.word.min(63);
        }
        previous = Some((word.start, word.text.to_owned()));
    });
    (ranges, covered)
}

/// Which matched text the result shows: the one with the phrase, then with the most query
/// words, then with the words as typed rather than a synonym or a correction, then the
/// weightiest part (the first of equals).
fn best(matched: &[Matched]) -> Option<usize> {
    matched
        .iter()
        .enumerate()
        .max_by_key(|(i, m)| {
            let closest = m.ranges.iter().map(|r| r.2).min();
            (
                m.phrase,
                m.covered.count_ones(),
                std::cmp::Reverse(closest),
                m.part.weight(),
                std::cmp::Reverse(*i),
            )
        })
        .map(|(i, _)| i)
}

/// The character positions to highlight in `text`, and the words in it a typo matched (as
/// written, lower case, each once).
fn highlights(text: &str, ranges: &[(usize, usize, Kind)]) -> (Vec<usize>, Vec<String>) {
    let mut positions: Vec<usize> = Vec::new();
    let mut corrections: Vec<String> = Vec::new();
    for &(start, end, kind) in ranges {
        let first = char_index(text, start);
        let last = char_index(text, end);
        positions.extend(first..last);
        if kind == Kind::Typo {
            let written = text.get(start..end).unwrap_or("").to_lowercase();
            if !corrections.contains(&written) {
                corrections.push(written);
            }
        }
    }
    positions.sort_unstable();
    positions.dedup();
    (positions, corrections)
}

/// The end of the part of a word (bytes `start..end` of `text`) that `prefix` covers.
fn prefix_end(text: &str, start: usize, end: usize, prefix: &str) -> usize {
    let wanted = prefix.chars().count();
    text.get(start..end)
        .and_then(|word| word.char_indices().nth(wanted).map(|(i, _)| start + i))
        .unwrap_or(end)
}
