//! The words of a text as search sees them: runs of letters and digits, lowercased, with
//! apostrophes sorted out, each with where it sits in the text.
//!
//! The index and the result builder both split text with [`for_each_word`], so the n-th word
//! the index recorded for a text is the n-th word found when the text is shown.

/// Characters that work as an apostrophe inside a word (curly ones come from word processors).
pub const APOSTROPHES: [char; 4] = ['\'', '\u{2019}', '\u{2018}', '\u{02BC}'];

/// One word of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// Lowercase, without a possessive or other apostrophes ("Worker's" -> "worker").
    pub text: &'a str,
    /// Byte range of the word as written in the text.
    pub start: usize,
    pub end: usize,
    /// The word is joined to the one before by a hyphen alone ("multi-agency"), so the two can
    /// also be found written as one.
    pub hyphenated: bool,
}

/// What lies between the last word and the next.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Nothing yet: the next character is the first after a word.
    Nothing,
    /// Exactly one hyphen.
    Hyphen,
    Other,
}

/// Calls `each` with every word of `text`, in order.
pub fn for_each_word(text: &str, mut each: impl FnMut(Word<'_>)) {
    let bytes = text.as_bytes();
    let mut buffer = String::new();
    let mut start = None;
    let mut end = 0;
    let mut hyphenated = false;
    let mut gap = Gap::Other;
    let mut at = 0;
    while at < bytes.len() {
        // Most text is ASCII: take it a byte at a time, and decode only the rest.
        let (c, width) = match bytes[at] {
            b if b.is_ascii() => (char::from(b), 1),
            _ => match text.get(at..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            },
        };
        let next = at + width;
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(at);
                hyphenated = gap == Gap::Hyphen;
            }
            if c.is_ascii() {
                buffer.push(c.to_ascii_lowercase());
            } else {
                buffer.extend(c.to_lowercase());
            }
            end = next;
            at = next;
            continue;
        }
        let inside_a_word = start.is_some()
            && APOSTROPHES.contains(&c)
            && text
                .get(next..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_alphanumeric);
        at = next;
        if inside_a_word {
            buffer.push('\'');
            continue;
        }
        if let Some(word_start) = start.take() {
            emit(&mut buffer, word_start, end, hyphenated, &mut each);
            gap = Gap::Nothing;
        }
        gap = match (gap, c) {
            (Gap::Nothing, '-') => Gap::Hyphen,
            _ => Gap::Other,
        };
    }
    if let Some(word_start) = start {
        emit(&mut buffer, word_start, end, hyphenated, &mut each);
    }
}

fn emit(
    buffer: &mut String,
    start: usize,
    end: usize,
    hyphenated: bool,
    each: &mut impl FnMut(Word<'_>),
) {
    if buffer.contains('\'') {
        let kept = match buffer.rsplit_once('\'') {
            Some((head, "s")) => head.replace('\'', ""),
            _ => buffer.replace('\'', ""),
        };
        *buffer = kept;
    }
    if !buffer.is_empty() {
        each(Word {
            text: buffer,
            start,
            end,
            hyphenated,
        });
    }
    buffer.clear();
}

/// The words of `text` as owned strings.
#[cfg(test)]
pub fn words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for_each_word(text, |word| found.push(word.text.to_owned()));
    found
}

/// English function words, sorted. They carry no meaning for finding a topic, so they are not
/// looked up on their own; they still count in a phrase ("duty of care").
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "a", "am", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by", "can", "could",
    "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "hers", "him", "his",
    "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "nor", "not", "of", "on", "or",
    "our", "ours", "she", "should", "so", "than", "that", "the", "their", "theirs", "them",
    "then", "there", "these", "they", "this", "those", "to", "too", "us", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
    "you", "your", "yours",
];

pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// Character index of a byte offset within `text`.
pub fn char_index(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |before| before.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<(String, usize, usize, bool)> {
        let mut found = Vec::new();
        for_each_word(text, |w| {
            found.push((w.text.to_owned(), w.start, w.end, w.hyphenated));
        });
        found
    }

    #[test]
    fn stop_words_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_are_lowercased_with_their_byte_ranges() {
        assert_eq!(
            all("Age UK, and Mind."),
            [
                ("age".to_owned(), 0, 3, false),
                ("uk".to_owned(), 4, 6, false),
                ("and".to_owned(), 8, 11, false),
                ("mind".to_owned(), 12, 16, false),
            ]
        );
    }

    #[test]
    fn apostrophes_and_possessives() {
        assert_eq!(
            words("the worker's notes, O\u{2019}Brien, don't, 'quoted', workers'"),
            [
                "the", "worker", "notes", "obrien", "dont", "quoted", "workers"
            ]
        );
    }

    #[test]
    fn a_hyphen_alone_joins_two_words() {
        let found = all("multi-agency work - and person -- centred; self-care");
        let joined: Vec<(&str, bool)> = found.iter().map(|w| (w.0.as_str(), w.3)).collect();
        assert_eq!(
            joined,
            [
                ("multi", false),
                ("agency", true),
                ("work", false),
                ("and", false),
                ("person", false),
                ("centred", false),
                ("self", false),
                ("care", true),
            ]
        );
    }

    #[test]
    fn letters_beyond_ascii_are_words() {
        assert_eq!(words("Café naïve 1.4c"), ["café", "naïve", "1", "4c"]);
        assert_eq!(char_index("café x", 6), 5);
    }
}
