//! The index's compact forms: numbers as LEB128 varints (seven bits a byte, the high bit set on
//! every byte but a number's last), so the small numbers that make up most of the index take one
//! byte instead of four.
//!
//! - A topic's words are its stem ids plus one, [`END_OF_TEXT`] written as 0.
//! - A stem's postings are, per topic in ascending order, the gap from the previous topic (the
//!   first: the topic itself) and the weight.
//!
//! A phrase is found in a coded stream by looking for its coded bytes: the code is prefix-free,
//! so a match that starts where a number starts is the phrase itself.

use super::index::{END_OF_TEXT, StemId};

/// Appends `value` as a varint.
pub fn push(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The varint at `bytes[*at..]`, moving `at` past it. A cut-off number reads as what it has.
#[inline(always)]
pub fn read(bytes: &[u8], at: &mut usize) -> u32 {
    match bytes.get(*at) {
        Some(&byte) if byte < 0x80 => {
            *at += 1;
            u32::from(byte)
        }
        _ => read_longer(bytes, at),
    }
}

/// [`read`] for a number of more than one byte.
#[inline(never)]
fn read_longer(bytes: &[u8], at: &mut usize) -> u32 {
    let mut value = 0u32;
    let mut shift = 0;
    while let Some(&byte) = bytes.get(*at) {
        *at += 1;
        value |= u32::from(byte & 0x7F).checked_shl(shift).unwrap_or(0);
        if byte & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    value
}

/// Appends a stem id (or [`END_OF_TEXT`]) to a coded stream.
pub fn push_stem(out: &mut Vec<u8>, stem: StemId) {
    push(out, stem.wrapping_add(1));
}

/// A coded stream's stem ids, [`END_OF_TEXT`] included.
pub fn stems(coded: &[u8]) -> Vec<StemId> {
    let mut out = Vec::with_capacity(coded.len());
    let mut at = 0;
    while at < coded.len() {
        out.push(read(coded, &mut at).wrapping_sub(1));
    }
    out
}

/// Rewrites a coded stream's stem ids through `renumber` (ids it does not know end the text),
/// with where each topic now starts (`starts`: where each started, ascending).
pub fn renumbered(coded: &[u8], starts: &[u32], renumber: &[StemId]) -> (Vec<u8>, Vec<u32>) {
    let mut out = Vec::with_capacity(coded.len());
    let mut new_starts = Vec::with_capacity(starts.len());
    let mut at = 0;
    let mut next_start = starts.iter().peekable();
    while at < coded.len() {
        while next_start.next_if(|&&start| start as usize <= at).is_some() {
            new_starts.push(out.len() as u32);
        }
        let stem = read(coded, &mut at).wrapping_sub(1);
        let stem = match stem {
            END_OF_TEXT => END_OF_TEXT,
            _ => renumber.get(stem as usize).copied().unwrap_or(END_OF_TEXT),
        };
        push_stem(&mut out, stem);
    }
    new_starts.extend(next_start.map(|_| out.len() as u32));
    out.shrink_to_fit();
    (out, new_starts)
}

/// A phrase's stem ids as a coded stream holds them, found by looking for the first byte of one
/// of its words (the rarest, ideally) with `memchr` and comparing the phrase around each place it
/// is found: this matters when tens of thousands of topics hold every word of a phrase but few
/// hold the phrase itself.
pub struct CodedPhrase {
    bytes: Vec<u8>,
    /// Where the word looked for starts in `bytes`, and its first byte.
    anchor_at: usize,
    anchor_byte: u8,
}

impl CodedPhrase {
    /// `anchor` is which word of `phrase` to look for.
    pub fn new(phrase: &[StemId], anchor: usize) -> Self {
        let mut bytes = Vec::new();
        let mut anchor_at = 0;
        for (i, &stem) in phrase.iter().enumerate() {
            if i == anchor {
                anchor_at = bytes.len();
            }
            push_stem(&mut bytes, stem);
        }
        Self {
            anchor_byte: bytes.get(anchor_at).copied().unwrap_or(0),
            bytes,
            anchor_at,
        }
    }

    /// Whether the phrase's stems lie in a row in `coded` (a topic's coded stream).
    pub fn is_in(&self, coded: &[u8]) -> bool {
        memchr::memchr_iter(self.anchor_byte, coded).any(|found| {
            let Some(start) = found.checked_sub(self.anchor_at) else {
                return false;
            };
            // A match must start where a number starts: after a number's last byte.
            coded.get(start..start + self.bytes.len()) == Some(&self.bytes[..])
                && (start == 0 || coded.get(start - 1).is_some_and(|&b| b & 0x80 == 0))
        })
    }
}

/// One stem's postings: the topics using it, ascending, each with its weight.
#[derive(Clone)]
pub struct Postings<'a> {
    form: Form<'a>,
    left: usize,
}

#[derive(Clone)]
enum Form<'a> {
    Plain(&'a [u32], &'a [u16]),
    Coded {
        bytes: &'a [u8],
        at: usize,
        topic: u32,
    },
}

impl<'a> Postings<'a> {
    /// Postings held as two lists side by side.
    pub fn plain(topics: &'a [u32], weights: &'a [u16]) -> Self {
        Self {
            left: topics.len().min(weights.len()),
            form: Form::Plain(topics, weights),
        }
    }

    /// `count` postings coded as this module says.
    pub fn coded(bytes: &'a [u8], count: usize) -> Self {
        Self {
            left: count,
            form: Form::Coded {
                bytes,
                at: 0,
                topic: 0,
            },
        }
    }

    pub fn empty() -> Self {
        Self::plain(&[], &[])
    }
}

impl Iterator for Postings<'_> {
    type Item = (u32, u16);

    #[inline]
    fn next(&mut self) -> Option<(u32, u16)> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        match &mut self.form {
            Form::Plain(topics, weights) => {
                let (&topic, rest_topics) = topics.split_first()?;
                let (&weight, rest_weights) = weights.split_first()?;
                *topics = rest_topics;
                *weights = rest_weights;
                Some((topic, weight))
            }
            Form::Coded { bytes, at, topic } => {
                *topic = topic.wrapping_add(read(bytes, at));
                let weight = u16::try_from(read(bytes, at)).unwrap_or(u16::MAX);
                Some((*topic, weight))
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }

    /// `for_each` and the like read the postings in a loop of their own form's.
    fn fold<B, F: FnMut(B, (u32, u16)) -> B>(self, init: B, mut f: F) -> B {
        match self.form {
            Form::Plain(topics, weights) => topics
                .iter()
                .zip(weights)
                .take(self.left)
                .fold(init, |acc, (&topic, &weight)| f(acc, (topic, weight))),
            Form::Coded {
                bytes,
                mut at,
                mut topic,
            } => {
                let mut acc = init;
                for _ in 0..self.left {
                    // Most postings are a byte of gap and a byte of weight: one test for both.
                    let (gap, weight) = match bytes.get(at..at + 2) {
                        Some(&[gap, weight]) if (gap | weight) < 0x80 => {
                            at += 2;
                            (u32::from(gap), u32::from(weight))
                        }
                        _ => (read(bytes, &mut at), read(bytes, &mut at)),
                    };
                    topic = topic.wrapping_add(gap);
                    acc = f(acc, (topic, u16::try_from(weight).unwrap_or(u16::MAX)));
                }
                acc
            }
        }
    }
}

impl ExactSizeIterator for Postings<'_> {}

/// Builds one stem's coded postings, a topic at a time in ascending order.
#[derive(Debug, Default, Clone)]
pub struct PostingsWriter {
    pub bytes: Vec<u8>,
    pub count: u32,
    last: u32,
}

impl PostingsWriter {
    pub fn push(&mut self, topic: u32, weight: u16) {
        push(&mut self.bytes, topic.wrapping_sub(self.last));
        push(&mut self.bytes, u32::from(weight));
        self.last = topic;
        self.count += 1;
    }

    /// Appends these postings to `out`, a list whose last topic is `last` (0 if it is empty)
    /// and comes before all of them; hands back the list's last topic now.
    pub fn append_to(&self, out: &mut Vec<u8>, last: u32) -> u32 {
        if self.count == 0 {
            return last;
        }
        // Only the first gap changes: it was counted from 0, now from `last`.
        let mut at = 0;
        let first = read(&self.bytes, &mut at);
        push(out, first.wrapping_sub(last));
        out.extend_from_slice(self.bytes.get(at..).unwrap_or(&[]));
        self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back_as_written() {
        let numbers = [
            0,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            1 << 28,
            u32::MAX - 1,
            u32::MAX,
        ];
        let mut bytes = Vec::new();
        for &n in &numbers {
            push(&mut bytes, n);
        }
        let mut at = 0;
        let back: Vec<u32> = numbers.iter().map(|_| read(&bytes, &mut at)).collect();
        assert_eq!(back, numbers);
        assert_eq!(at, bytes.len());
        assert_eq!(bytes[..4], [0, 1, 127, 0x80]);
    }

    #[test]
    fn streams_keep_their_stems_and_ends() {
        let stream = [5, 200, END_OF_TEXT, 0, 70_000, END_OF_TEXT];
        let mut coded = Vec::new();
        for &stem in &stream {
            push_stem(&mut coded, stem);
        }
        assert_eq!(stems(&coded), stream);
        let renumber: Vec<StemId> = (0..70_001).map(|id| id * 2).collect();
        // Four topics: the first two words, the end of text, an empty one, the rest.
        let (recoded, starts) = renumbered(&coded, &[0, 3, 4, 4], &renumber);
        assert_eq!(
            stems(&recoded),
            [10, 400, END_OF_TEXT, 0, 140_000, END_OF_TEXT]
        );
        assert_eq!(starts, [0, 3, 4, 4]);
        assert_eq!(stems(&recoded[4..]), [0, 140_000, END_OF_TEXT]);
        let (_, starts) = renumbered(&coded, &[0, 4, 8], &[0; 300]);
        assert_eq!(starts, [0, 3, 5], "ids that shrink move the starts");
    }

    #[test]
    fn a_phrase_is_found_only_where_its_first_number_starts() {
        // 129 + 1 codes as [0x82, 0x01]; the phrase [0] codes as [0x01]: present in the bytes of
        // 129, but not as a stem of its own.
        let coded = |stream: &[StemId]| {
            let mut out = Vec::new();
            for &stem in stream {
                push_stem(&mut out, stem);
            }
            out
        };
        let stream = coded(&[129, 7, END_OF_TEXT, 3]);
        for anchor in [0, 1] {
            let found = |phrase: &[StemId]| CodedPhrase::new(phrase, anchor).is_in(&stream);
            assert!(!found(&[0]));
            assert!(found(&[129, 7]));
            assert!(!found(&[7, 3]));
            assert!(found(&[3]));
            assert!(!found(&[7, 129]));
            assert!(CodedPhrase::new(&[0], anchor).is_in(&coded(&[129, 0])));
        }
        // The word looked for is found twice; the phrase only around the second.
        let stream = coded(&[4, 9, 1, 4, 9, 2]);
        assert!(CodedPhrase::new(&[4, 9, 2], 0).is_in(&stream));
        assert!(CodedPhrase::new(&[4, 9, 2], 1).is_in(&stream));
        assert!(!CodedPhrase::new(&[4, 9, 3], 1).is_in(&stream));
    }

    #[test]
    fn postings_read_back_across_appended_runs() {
        let mut first = PostingsWriter::default();
        first.push(0, 10);
        first.push(3, 400);
        let mut later = PostingsWriter::default();
        later.push(200, 7);
        later.push(90_000, u16::MAX);
        let mut bytes = Vec::new();
        let mut last = 0;
        for list in [
            PostingsWriter::default(),
            first,
            PostingsWriter::default(),
            later,
        ] {
            last = list.append_to(&mut bytes, last);
        }
        assert_eq!(last, 90_000);
        let read: Vec<(u32, u16)> = Postings::coded(&bytes, 4).collect();
        assert_eq!(read, [(0, 10), (3, 400), (200, 7), (90_000, u16::MAX)]);
        let plain: Vec<(u32, u16)> = Postings::plain(&[1, 2], &[3, 4]).collect();
        assert_eq!(plain, [(1, 3), (2, 4)]);
        assert_eq!(Postings::coded(&bytes, 4).len(), 4);
        let mut folded = Vec::new();
        Postings::coded(&bytes, 4).for_each(|p| folded.push(p));
        assert_eq!(folded, read);
        let mut partly = Postings::coded(&bytes, 4);
        partly.next();
        assert_eq!(partly.fold(0, |n, _| n + 1), 3);
    }
}
