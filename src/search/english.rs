//! Ordinary English words, so that a word a learner typed on purpose is never "corrected" into a
//! different word of the guides ("ward" is not a slip for "hard").
//!
//! The list is British English from SCOWL, the word lists behind most spell checkers, at its
//! default size (50: common words with their inflections, and common names), as Debian ships it
//! in the `wbritish` package (2020.12.07-2, Debian 12); its copyright and permission notice
//! (permissive, MIT-like) is `english/COPYRIGHT`, Debian's copy of it. Each line is one word of
//! three letters or more, lowercase, possessives dropped, sorted by bytes.
//! American spellings are left out on purpose: "color" is still read as "colour". To make it
//! again:
//!
//! ```sh
//! python3 -c "import sys; ws = {w[:-2] if w.endswith(\"'s\") else w for w in sys.stdin.read().split()}; \
//!   ws = {w.lower() for w in ws if w.isalpha() and len(w) >= 3}; \
//!   sys.stdout.write(''.join(w + '\n' for w in sorted(ws, key=str.encode)))" \
//!   < /usr/share/dict/british-english > src/search/english/words.txt
//! ```
//!
//! The binary carries it as an `fst` set that build.rs makes from the list (240 KB instead of
//! 650 KB), searched where it lies: nothing is loaded or allocated, and only the pages a look-up
//! touches are read.

use std::sync::LazyLock;

/// The list as build.rs wrote it.
static SET_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/english.fst"));

/// The set over those bytes (opening it only reads its header and footer).
static SET: LazyLock<Option<fst::Set<&'static [u8]>>> =
    LazyLock::new(|| fst::Set::new(SET_BYTES).ok());

/// Whether `word` (lowercase, as the search splits words) is an ordinary English word.
pub fn is_word(word: &str) -> bool {
    SET.as_ref().is_some_and(|set| set.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list the set is made from: one word a line, sorted by bytes.
    const WORDS: &str = include_str!("english/words.txt");

    #[test]
    fn the_list_is_sorted_lowercase_words_one_a_line() {
        let lines: Vec<&str> = WORDS.lines().collect();
        assert!(lines.len() > 60_000, "{} words", lines.len());
        assert!(WORDS.ends_with('\n'));
        assert!(
            lines
                .windows(2)
                .all(|pair| pair[0].as_bytes() < pair[1].as_bytes()),
            "not sorted by bytes, or a word twice"
        );
        for word in &lines {
            assert!(word.chars().count() >= 3, "{word:?}");
            assert!(word.chars().all(char::is_alphabetic), "{word:?}");
            assert_eq!(*word, word.to_lowercase(), "{word:?}");
        }
    }

    #[test]
    fn every_word_of_the_list_is_found_and_nothing_else() {
        assert_eq!(SET.as_ref().map(fst::Set::len), Some(WORDS.lines().count()));
        for word in WORDS.lines() {
            assert!(is_word(word), "{word}");
        }
        for word in WORDS.lines().step_by(97) {
            // Neighbours in the order that are not words: a letter more, a letter less.
            let longer = format!("{word}q");
            assert_eq!(is_word(&longer), WORDS.lines().any(|w| w == longer));
            let mut shorter = word.to_string();
            shorter.pop();
            assert_eq!(is_word(&shorter), WORDS.lines().any(|w| w == shorter));
        }
    }

    #[test]
    fn ordinary_words_are_words_and_slips_are_not() {
        for word in [
            "ward", "wards", "hard", "holiday", "café", "london", "mentor",
        ] {
            assert!(is_word(word), "{word}");
        }
        for slip in [
            "mentro",
            "wellbeign",
            "safegaurding",
            "tutro",
            "xqz",
            "zzzz",
            "",
            "a",
            "color",
        ] {
            assert!(!is_word(slip), "{slip}");
        }
    }
}
