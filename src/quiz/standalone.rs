//! Whether a point or example makes sense on its own, as a quiz question shows it: away from its
//! topic's title and from the points around it.

use super::meaning::{merged, strip_label};
use crate::caseless::CaselessFinder;
use crate::practice::words::{is_stop_word, stem, tokens};
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;
use std::fmt;

/// Fewer words than this and a point is a fragment ("Charities.") rather than something to
/// recognise.
pub const MIN_WORDS: usize = 4;

/// Words that, first in a point, refer back to something the point does not say.
const REFERRING_WORDS: &[&str] = &[
    "both", "he", "her", "his", "it", "its", "she", "such", "that", "their", "them", "these",
    "they", "this", "those",
];

/// Why a point cannot be asked on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotStandAlone {
    /// It starts with a word that refers back ("They pass on important information").
    StartsWithPronoun(String),
    /// It has fewer than [`MIN_WORDS`] words.
    TooShort(usize),
    /// It says its own topic's title, which gives the answer away.
    NamesTitle(String),
}

impl fmt::Display for NotStandAlone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::StartsWithPronoun(word) => write!(
                f,
                "starts with `{word}`, which needs the topic to make sense: say what it refers to"
            ),
            Self::TooShort(words) => write!(
                f,
                "has {words} word{} (fewer than {MIN_WORDS}): a quiz question needs a point that \
                 says something on its own",
                if *words == 1 { "" } else { "s" }
            ),
            Self::NamesTitle(title) => write!(
                f,
                "names its own topic's title `{title}`, which gives the quiz answer away: say it \
                 in other words"
            ),
        }
    }
}

/// The first reason `text`, a point or example of the topic titled `title`, cannot stand alone.
/// `label` is a series label its guide's titles share ("Component"), which is not part of what
/// the title names.
pub fn stand_alone_problem(text: &str, title: &str, label: Option<&str>) -> Option<NotStandAlone> {
    TitleWords::new(title, label).problem(text)
}

/// A topic's title made ready to test its points and examples with [`TitleWords::problem`]:
/// its stems are found once, not once per item (`check` on a large library tests every item).
pub(crate) struct TitleWords<'a> {
    /// The title without its series label, as a warning names it.
    title: &'a str,
    /// Its stems, without stop words (see [`raw_stems`]).
    stems: BTreeSet<String>,
    /// How each stem's words start ([`start_of`]), for the quick test, the least likely to be
    /// found first.
    starts: Vec<CaselessFinder>,
}

impl<'a> TitleWords<'a> {
    pub(crate) fn new(title: &'a str, label: Option<&str>) -> Self {
        Self::with_known(title, label, &mut FxHashMap::default())
    }

    /// [`TitleWords::new`], taking the stems of words already stemmed from `known` (word ->
    /// stem, `None` for a stop word) and adding the new ones: titles share most of their words.
    pub(crate) fn with_known(
        title: &'a str,
        label: Option<&str>,
        known: &mut FxHashMap<String, Option<String>>,
    ) -> Self {
        let title = strip_label(title, label);
        let stems = raw_stems(title, known);
        let mut starts: Vec<CaselessFinder> = stems
            .iter()
            .map(|stem| CaselessFinder::new(start_of(stem), b"'"))
            .collect();
        starts.sort_by_key(CaselessFinder::likeliness);
        TitleWords {
            title,
            stems,
            starts,
        }
    }

    /// The first reason `text`, an item of this title's topic, cannot stand alone.
    pub(crate) fn problem(&self, text: &str) -> Option<NotStandAlone> {
        if refers_back(text) {
            let shown = text.split_whitespace().next().unwrap_or_default();
            let shown = shown.trim_matches(|c: char| !c.is_alphanumeric());
            return Some(NotStandAlone::StartsWithPronoun(shown.to_owned()));
        }
        // Counting stops there: only a shorter point's count is reported.
        let count = words_up_to(text, MIN_WORDS);
        if count < MIN_WORDS {
            return Some(NotStandAlone::TooShort(count));
        }
        if !self.stems.is_empty() && self.may_name(text) {
            let words = tokens(text);
            if self.stems.iter().all(|stem| holds(&words, stem)) {
                return Some(NotStandAlone::NamesTitle(self.title.to_owned()));
            }
        }
        None
    }

    /// Whether `text` can hold every stem of the title, as a quick test before its words are
    /// split and stemmed: a word of `text` that [`holds`] a stem starts as the stem does, so
    /// that start is in `text` lowercased and without apostrophes. Only ASCII text is tested
    /// (other letters can lowercase to ASCII ones); other text may.
    fn may_name(&self, text: &str) -> bool {
        if !text.is_ascii() {
            return true;
        }
        self.starts.iter().all(|start| start.is_in(text.as_bytes()))
    }
}

/// Whether the first of [`tokens`]`(text)` is one of [`REFERRING_WORDS`]; a first word of plain
/// ASCII letters and digits ("They,") is found byte by byte and compared without a copy.
fn refers_back(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Vertical tab is whitespace to `char::is_whitespace`, not to `u8::is_ascii_whitespace`.
    let start = bytes
        .iter()
        .position(|&b| !(b.is_ascii_whitespace() || b == b'\x0b'))
        .unwrap_or(bytes.len());
    // Text that starts with a letter outside ASCII (or a space outside ASCII) is split as
    // `first_word` splits it.
    if bytes.get(start).is_some_and(u8::is_ascii)
        && let Some(plain) = plain_first_word(&text[start..])
    {
        return plain.len() <= LONGEST_REFERRING_WORD
            && REFERRING_WORDS
                .iter()
                .any(|word| word.eq_ignore_ascii_case(plain));
    }
    first_word(text).is_some_and(|first| REFERRING_WORDS.contains(&first.as_str()))
}

/// The length of the longest of [`REFERRING_WORDS`].
const LONGEST_REFERRING_WORD: usize = 5;

/// The first word of `chunk` (text starting with its first word) when it is plain ASCII
/// letters and digits followed by nothing or by an ASCII byte other than an apostrophe: then it
/// is the first token, but for case.
fn plain_first_word(chunk: &str) -> Option<&str> {
    let end = chunk
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(chunk.len());
    let after = chunk.as_bytes().get(end);
    (end > 0 && after.is_none_or(|&b| b.is_ascii() && b != b'\'')).then(|| &chunk[..end])
}

/// The first of [`tokens`]`(text)`, found without splitting the rest: no word runs across a
/// space. A first word of plain ASCII letters and digits ("Staff", "They,") is taken as it is.
fn first_word(text: &str) -> Option<String> {
    let chunk = text.split_whitespace().next()?;
    if let Some(plain) = plain_first_word(chunk) {
        return Some(plain.to_ascii_lowercase());
    }
    text.split_whitespace()
        .find_map(|chunk| tokens(chunk).into_iter().next())
}

/// A stem without its last letter: how a word with that stem starts (a stem is its word,
/// perhaps with the last letter changed: "famili" from "families").
fn start_of(stem: &str) -> &str {
    let cut = stem.char_indices().last().map_or(0, |(at, _)| at);
    &stem[..cut]
}

/// Whether one of `words` has the stem `wanted`. Only words that start as the stem does are
/// stemmed, which keeps `check` quick on a large library.
fn holds(words: &[String], wanted: &str) -> bool {
    let start = start_of(wanted);
    words
        .iter()
        .filter(|w| w.starts_with(start) && !is_stop_word(w))
        .any(|w| merged(stem(w)) == wanted)
}

/// How many words (split at whitespace) `text` has, counting no further than `most`. ASCII
/// text is split byte by byte; other text as `str::split_whitespace` splits it.
fn words_up_to(text: &str, most: usize) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().take(most).count();
    }
    // The ASCII characters `char::is_whitespace` takes (vertical tab included).
    let space = |b: &u8| matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ');
    text.as_bytes()
        .split(space)
        .filter(|word| !word.is_empty())
        .take(most)
        .count()
}

/// Snowball stems of the words that are not stop words, without synonyms: "Colleagues" names
/// its own title, "staff" does not. Forms the stemmer keeps apart are joined ("advocacy" names
/// "Advocates"). `known` holds each word already met and its stem (`None`: a stop word).
fn raw_stems(text: &str, known: &mut FxHashMap<String, Option<String>>) -> BTreeSet<String> {
    let mut stems = BTreeSet::new();
    let mut add = |word: &str| {
        let found = match known.get(word) {
            Some(found) => found.clone(),
            None => {
                let found = (!is_stop_word(word)).then(|| merged(stem(word)));
                known.insert(word.to_owned(), found.clone());
                found
            }
        };
        stems.extend(found);
    };
    // Plain ASCII without apostrophes splits into [`tokens`] at every other byte.
    if text.is_ascii() && !text.contains('\'') {
        let mut lower = String::new();
        for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
            if !word.is_empty() {
                lower.clear();
                lower.push_str(word);
                lower.make_ascii_lowercase();
                add(&lower);
            }
        }
    } else {
        tokens(text).iter().for_each(|word| add(word));
    }
    stems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_that_refers_back_is_not_stand_alone() {
        assert_eq!(
            stand_alone_problem("They pass on important information.", "Trust", None),
            Some(NotStandAlone::StartsWithPronoun("They".to_owned()))
        );
        assert_eq!(
            stand_alone_problem(
                "It is focused on tasks and on giving care.",
                "Colleagues",
                None
            ),
            Some(NotStandAlone::StartsWithPronoun("It".to_owned()))
        );
        assert_eq!(
            stand_alone_problem("Items that are left behind get lost.", "Tidying", None),
            None,
            "a word that only looks like a pronoun elsewhere in the point is fine"
        );
    }

    #[test]
    fn a_fragment_is_not_stand_alone() {
        assert_eq!(
            stand_alone_problem("Charities.", "External agencies", None),
            Some(NotStandAlone::TooShort(1))
        );
        assert_eq!(
            stand_alone_problem("Using a communication board", "Needs", None),
            None
        );
    }

    #[test]
    fn a_point_naming_its_topic_gives_the_answer_away() {
        assert_eq!(
            stand_alone_problem("Trust is built gradually over time.", "Trust", None),
            Some(NotStandAlone::NamesTitle("Trust".to_owned()))
        );
        assert_eq!(
            stand_alone_problem(
                "Staff who feel trusted stay longer in their jobs.",
                "Component: trust and safety",
                Some("Component")
            ),
            None,
            "only part of the title"
        );
        assert_eq!(
            stand_alone_problem(
                "Colleagues give each other help and advice when needed.",
                "Colleagues",
                None
            ),
            Some(NotStandAlone::NamesTitle("Colleagues".to_owned()))
        );
    }

    #[test]
    fn the_quick_test_lets_through_every_text_that_names_the_title() {
        let title = TitleWords::new("O'Brien's families", None);
        for text in [
            "The OBRIEN FAMILIES live by the sea.",
            "Mrs O'Brien's family's home is warm.",
            "Visiting the families of Mr Obrien weekly.",
            "Ask the O\u{2019}Brien families what they need.",
        ] {
            assert!(title.may_name(text), "{text}");
            assert_eq!(
                title.problem(text),
                Some(NotStandAlone::NamesTitle("O'Brien's families".to_owned())),
                "{text}"
            );
        }
        assert!(!title.may_name("Brien and the family live by the sea."));
        assert_eq!(
            TitleWords::new("Trust", None).problem("Some staff TRUSTED the new routine."),
            Some(NotStandAlone::NamesTitle("Trust".to_owned()))
        );
    }

    /// The quick test as it was first written: the text lowercased into a copy, without its
    /// apostrophes, searched for each stem's start.
    fn may_name_by_copy(title: &TitleWords, text: &str) -> bool {
        if !text.is_ascii() {
            return true;
        }
        let flat: Vec<u8> = text
            .bytes()
            .filter(|&b| b != b'\'')
            .map(|b| b.to_ascii_lowercase())
            .collect();
        title.stems.iter().all(|stem| {
            let start = start_of(stem).as_bytes();
            start.is_empty() || flat.windows(start.len()).any(|w| w == start)
        })
    }

    proptest::proptest! {
        #[test]
        fn the_quick_test_finds_what_a_lowercased_copy_holds(
            title in "[A-Za-z' ]{1,30}",
            text in "[A-Za-z0-9' .,\u{e9}-]{0,60}",
        ) {
            let title = TitleWords::new(&title, None);
            proptest::prop_assert_eq!(title.may_name(&text), may_name_by_copy(&title, &text));
        }

        #[test]
        fn a_text_made_of_the_titles_words_passes_the_quick_test(
            title in "[A-Za-z']{1,12}( [A-Za-z']{1,12}){0,3}",
            glue in "[ 'a-z]{0,3}",
            upper in proptest::bool::ANY,
        ) {
            let text = title.split(' ').collect::<Vec<_>>().join(&glue);
            let text = if upper { text.to_ascii_uppercase() } else { text };
            let words = TitleWords::new(&title, None);
            proptest::prop_assert_eq!(words.may_name(&text), may_name_by_copy(&words, &text));
        }
    }

    proptest::proptest! {
        #[test]
        fn words_are_counted_as_split_whitespace_counts_them(
            text in "[a-z \t\n\u{b}\u{a0}\u{2003}.,-]{0,30}",
            most in 0usize..6,
        ) {
            proptest::prop_assert_eq!(
                words_up_to(&text, most),
                text.split_whitespace().take(most).count()
            );
        }

        #[test]
        fn a_titles_stems_are_those_of_its_tokens(
            title in "[A-Za-z0-9 ,:'\u{2019}\u{e9}-]{0,40}",
        ) {
            let expected: BTreeSet<String> = tokens(&title)
                .into_iter()
                .filter(|w| !is_stop_word(w))
                .map(|w| merged(stem(&w)))
                .collect();
            let mut known = FxHashMap::default();
            proptest::prop_assert_eq!(&raw_stems(&title, &mut known), &expected);
            // A second time, from what is known.
            proptest::prop_assert_eq!(&raw_stems(&title, &mut known), &expected);
        }
    }

    #[test]
    fn no_referring_word_is_longer_than_the_longest() {
        assert_eq!(
            REFERRING_WORDS.iter().map(|w| w.len()).max(),
            Some(LONGEST_REFERRING_WORD)
        );
    }

    #[test]
    fn the_first_word_is_the_first_token() {
        for text in [
            "Staff help.",
            "They, too, help.",
            "It's fine",
            "e.g. this",
            "\u{201c}They said so\u{201d}",
            "Zo\u{eb} helps",
            "  -- 'Tis the season",
            "Person-centred care",
            "123abc x",
            "",
            "...",
            "THEY help.",
            "These: all",
            "Them's the rules",
            "\u{a0}They help",
            "\u{b}They help",
            " \tThis\u{2019}ll do",
            "Those\u{a0}two",
            "Theirs is",
            "\u{201c}Its\u{201d} is a word",
        ] {
            let first = tokens(text).into_iter().next();
            assert_eq!(first_word(text), first, "{text:?}");
            assert_eq!(
                refers_back(text),
                first.is_some_and(|word| REFERRING_WORDS.contains(&word.as_str())),
                "{text:?}"
            );
        }
    }
}
