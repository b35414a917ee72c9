//! Finding a lowercase word start in ASCII text as it is written, as if the text were lowercased
//! and some bytes (apostrophes, hyphens) taken out, without making that copy: `check` and
//! `carestudy search` test every text of a library, and copying each one cost more than the
//! search itself.

/// A lowercase needle, found in any case with [`CaselessFinder::is_in`]. Its rarest letter is
/// looked for first (in either case, with `memchr`), then the rest of the needle around it.
pub(crate) struct CaselessFinder {
    needle: Box<[u8]>,
    /// Where the needle's rarest letter is.
    rarest: usize,
    /// Bytes of the text read as if they were not there.
    skipped: &'static [u8],
    /// Whether the needle holds a skipped byte, and so is in no text.
    in_none: bool,
}

impl CaselessFinder {
    /// A finder of `needle`, which should be lowercase; `skipped` bytes of a text are passed
    /// over. A needle holding a skipped byte is never found, as in a text without them.
    pub(crate) fn new(needle: &str, skipped: &'static [u8]) -> Self {
        let needle: Box<[u8]> = needle.as_bytes().into();
        let rarest = (0..needle.len())
            .min_by_key(|&at| commonness(needle[at]))
            .unwrap_or(0);
        CaselessFinder {
            in_none: needle.iter().any(|b| skipped.contains(b)),
            needle,
            rarest,
            skipped,
        }
    }

    /// How likely a text is to hold the needle: how common its rarest letter is in English,
    /// then shorter before longer. Testing the least likely needle first ends most tests soon.
    pub(crate) fn likeliness(&self) -> (u8, std::cmp::Reverse<usize>) {
        let rarest = self
            .needle
            .get(self.rarest)
            .map_or(u8::MAX, |&b| commonness(b));
        (rarest, std::cmp::Reverse(self.needle.len()))
    }

    /// Whether `text`, lowercased and without the skipped bytes, holds the needle. Only ASCII
    /// letters are lowercased: for other text, lowercase it as Unicode does first.
    pub(crate) fn is_in(&self, text: &[u8]) -> bool {
        let Some(&pivot) = self.needle.get(self.rarest) else {
            return true;
        };
        if self.in_none {
            return false;
        }
        let (before, after) = (&self.needle[..self.rarest], &self.needle[self.rarest + 1..]);
        memchr::memchr2_iter(pivot, pivot.to_ascii_uppercase(), text).any(|at| {
            self.same_letters(text[..at].iter().rev(), before.iter().rev())
                && self.same_letters(text[at + 1..].iter(), after.iter())
        })
    }

    /// Whether `text` begins with `wanted` (lowercase), ignoring case and skipped bytes.
    fn same_letters<'a>(
        &self,
        text: impl Iterator<Item = &'a u8>,
        mut wanted: impl Iterator<Item = &'a u8>,
    ) -> bool {
        let mut text = text.filter(|b| !self.skipped.contains(b));
        wanted.all(|&w| text.next().is_some_and(|b| b.to_ascii_lowercase() == w))
    }
}

/// How common a byte is in English text, from 0 (rare) up: letters by their frequency in
/// English; anything else is taken as rare.
fn commonness(byte: u8) -> u8 {
    const BY_FREQUENCY: &[u8] = b"zqxjkvbpygfwmucldrhsnioate";
    BY_FREQUENCY
        .iter()
        .position(|&b| b == byte.to_ascii_lowercase())
        .map_or(0, |at| at as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What [`CaselessFinder::is_in`] stands for: the text lowercased into a copy, without the
    /// skipped bytes, searched for the needle.
    fn in_copy(needle: &str, skipped: &[u8], text: &str) -> bool {
        let flat: Vec<u8> = text
            .bytes()
            .filter(|b| !skipped.contains(b))
            .map(|b| b.to_ascii_lowercase())
            .collect();
        needle.is_empty() || flat.windows(needle.len()).any(|w| w == needle.as_bytes())
    }

    #[test]
    fn the_rarest_letter_is_looked_for_first() {
        let finder = CaselessFinder::new("safeguar", b"'-");
        assert_eq!(finder.needle[finder.rarest], b'g');
        assert!(finder.is_in(b"SAFE'GUARDING"));
        assert!(finder.is_in(b"g safe-guar"));
        assert!(!finder.is_in(b"safe guarding"));
        assert!(!finder.is_in(b"afeguar"));
        assert!(
            CaselessFinder::new("", b"'").is_in(b""),
            "an empty needle is in every text"
        );
        assert!(!CaselessFinder::new("o'b", b"'").is_in(b"o'brien"));
    }

    proptest! {
        #[test]
        fn it_finds_what_a_lowercased_copy_holds(
            needle in "[a-z' -]{0,4}",
            text in "[A-Za-z0-9' .,-]{0,40}",
        ) {
            let finder = CaselessFinder::new(&needle, b"'-");
            prop_assert_eq!(finder.is_in(text.as_bytes()), in_copy(&needle, b"'-", &text));
        }

        #[test]
        fn a_text_holding_the_needle_apart_is_found(
            needle in "[a-z]{1,8}",
            glue in "[' -]{0,2}",
            upper in any::<bool>(),
            before in "[A-Za-z ]{0,6}",
        ) {
            let spread: Vec<String> = needle.chars().map(String::from).collect();
            let text = format!("{before}{}", spread.join(&glue));
            let text = if upper { text.to_ascii_uppercase() } else { text };
            let finder = CaselessFinder::new(&needle, b"'");
            prop_assert_eq!(finder.is_in(text.as_bytes()), in_copy(&needle, b"'", &text));
        }
    }
}
