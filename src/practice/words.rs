//! Turning free text into the words that carry its meaning, so an answer and a point can be
//! compared by what they say rather than by how they say it.
//!
//! Text is split into lowercase words ([`tokens`]); each word is reduced to its Snowball English
//! stem, so "communicating", "communication" and "communicates" all become `communic`; a small
//! table of synonyms common in care writing ([`SYNONYMS`], [`PHRASES`]) then maps paraphrases to
//! one canonical stem ("talked" and "discussed" both become `communic`). Every resulting
//! [`Term`] is marked with how much it says ([`WordKind`]):
//!
//! - **stop** words ([`STOP_WORDS`]) are English function words and fillers ("the", "also",
//!   "may", "make", "use") that any answer on any subject contains;
//! - **common** words ([`COMMON_WORDS`]) are meaningful but so frequent in health and social care
//!   writing ("care", "support", "help", "worker", "person") that finding one says little about
//!   which point an answer covers;
//! - everything else is **distinctive**.
//!
//! What this cannot do, by design: it does not understand negation ("I never share
//! information" still mentions sharing information) and knows no synonyms beyond the table.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How much a word says about which point of a topic an answer covers.
///
/// Ordered from least to most telling, so the strongest kind in a point is its maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WordKind {
    /// A function word or filler that any answer contains ([`STOP_WORDS`]).
    Stop,
    /// A subject word found in nearly every answer in this field ([`COMMON_WORDS`]).
    Common,
    /// Any other word: the ones that tell points apart.
    Distinctive,
}

/// One word (or two-word phrase) of a text, ready for comparing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The word as written, lowercased and without a possessive ("worker's" -> "worker"); a
    /// phrase keeps both words ("service users"). This is what a learner is shown.
    pub word: String,
    /// What terms are compared by: the Snowball stem, replaced by its synonym group's canonical
    /// stem when it has one. Two terms with the same stem count as the same word.
    pub stem: String,
    pub kind: WordKind,
}

/// English function words and fillers, sorted so [`is_stop_word`] can binary-search them.
///
/// Beyond the usual articles, pronouns, prepositions, conjunctions and auxiliaries, it holds
/// words that are empty in a written answer on this subject: hedges and intensifiers ("really",
/// "usually", "especially"), "also", the modal verbs ("may", "can", "should", "must"), and the
/// all-purpose verbs and their forms ("make", "get", "give", "keep", "take", "use", "ensure",
/// "know", "think", "stay"), which learners use to glue sentences together ("make sure", "give
/// support", "keep records") while the noun beside them carries the meaning. Contractions
/// appear without their apostrophe because [`tokens`] writes them that way ("don't" -> "not",
/// "they're" -> "they", "o'clock" -> "oclock").
///
/// Deliberately not here: "help", "need", "support" and "care", which mean something in this
/// subject but are everywhere (see [`COMMON_WORDS`]); "often", "regularly" and "together",
/// which carry meaning in points such as "talked about regularly"; "want", which is how
/// learners write about a person's wishes. "Not", "no" and "never" are stop words: word matching
/// cannot follow negation anyway.
#[rustfmt::skip]
pub const STOP_WORDS: &[&str] = &[
    "a", "able", "about", "above", "across", "actually", "after", "afterwards", "again", "against",
    "ago", "all", "almost", "alone", "along", "alongside", "already", "also", "although", "always",
    "am", "among", "amongst", "an", "and", "another", "any", "anybody", "anyhow", "anyone",
    "anything", "anyway", "anywhere", "are", "aren", "arent", "around", "as", "at", "away", "back",
    "basically", "be", "became", "because", "become", "becomes", "becoming", "been", "before",
    "beforehand", "behind", "being", "below", "beneath", "beside", "besides", "between", "beyond",
    "both", "but", "by", "came", "can", "cannot", "cant", "certain", "certainly", "clearly",
    "come", "comes", "coming", "could", "couldn", "couldnt", "definitely", "did", "didn", "didnt",
    "different", "do", "does", "doesn", "doesnt", "doing", "don", "done", "dont", "down", "during",
    "each", "eg", "eight", "either", "else", "elsewhere", "enough", "ensure", "ensured", "ensures",
    "ensuring", "especially", "etc", "even", "ever", "every", "everybody", "everyone",
    "everything", "everywhere", "example", "examples", "except", "few", "first", "five", "for",
    "former", "formerly", "four", "from", "further", "furthermore", "gave", "generally", "get",
    "gets", "getting", "give", "given", "gives", "giving", "go", "goes", "going", "gone", "got",
    "gotten", "had", "hadn", "hadnt", "has", "hasn", "hasnt", "have", "haven", "havent", "having",
    "he", "hence", "her", "here", "hereby", "herein", "hers", "herself", "him", "himself", "his",
    "how", "however", "i", "ie", "if", "im", "in", "inside", "instead", "into", "is", "isn",
    "isnt", "it", "its", "itself", "ive", "just", "keep", "keeping", "keeps", "kept", "kind",
    "kinds", "knew", "know", "knowing", "known", "knows", "last", "later", "latter", "least",
    "less", "let", "lets", "like", "likely", "lot", "lots", "made", "mainly", "make", "makes",
    "making", "many", "may", "maybe", "me", "meanwhile", "might", "mine", "more", "moreover",
    "most", "mostly", "much", "must", "my", "myself", "namely", "near", "nearly", "neither",
    "never", "nevertheless", "next", "nine", "no", "nobody", "none", "nonetheless", "noone", "nor",
    "not", "nothing", "now", "nowhere", "of", "off", "ok", "okay", "on", "once", "one", "ones",
    "only", "onto", "or", "other", "others", "otherwise", "ought", "our", "ours", "ourselves",
    "out", "outside", "over", "own", "part", "particular", "particularly", "parts", "per",
    "perhaps", "please", "possibly", "probably", "put", "puts", "putting", "quite", "rather",
    "really", "said", "same", "saw", "say", "saying", "says", "second", "see", "seeing", "seem",
    "seemed", "seems", "seen", "seven", "several", "shall", "she", "should", "shouldn", "shouldnt",
    "simply", "since", "six", "so", "some", "somebody", "somehow", "someone", "something",
    "sometimes", "somewhat", "somewhere", "sort", "sorts", "stay", "stayed", "staying", "stays",
    "still", "such", "sure", "take", "taken", "takes", "taking", "ten", "than", "thanks", "that",
    "thats", "the", "their", "theirs", "them", "themselves", "then", "thence", "there", "thereby",
    "therefore", "these", "they", "theyd", "theyll", "theyre", "theyve", "thing", "things",
    "think", "thinking", "thinks", "this", "those", "though", "thought", "three", "through",
    "throughout", "thus", "till", "to", "too", "took", "toward", "towards", "tried", "tries",
    "try", "trying", "two", "type", "types", "under", "underneath", "unless", "unlike", "until",
    "unto", "up", "upon", "us", "use", "used", "uses", "using", "usually", "various", "very",
    "via", "was", "wasn", "wasnt", "way", "ways", "we", "well", "went", "were", "weren", "werent",
    "what", "whatever", "when", "whenever", "where", "whereas", "whereby", "wherever", "whether",
    "which", "whichever", "while", "whilst", "who", "whoever", "whole", "whom", "whose", "why",
    "will", "with", "within", "without", "won", "wont", "would", "wouldn", "wouldnt", "yes", "yet",
    "you", "youd", "youll", "your", "youre", "yours", "yourself", "yourselves", "youve",
];

/// Subject words that are meaningful but appear in almost every answer in health and social
/// care, so they are shown as matched or missing but only decide coverage when a point has
/// nothing more distinctive. Written as plain words; each stands for its stem, and for its
/// whole synonym group when it is a group's first word in [`SYNONYMS`].
///
/// "help" and "need" are here rather than in [`STOP_WORDS`] because a point can be about them
/// ("Colleagues give each other help and advice when it is needed"), but on their own they
/// would let nearly any answer cover such a point.
pub const COMMON_WORDS: &[&str] = &[
    "care",
    "work",
    "support",
    "help",
    "need",
    "person",
    "staff",
    "relationship",
    "good",
    "important",
    "matter",
    "job",
    "role",
    "setting",
    "service",
    "health",
    "social care",
    // Says nothing about which point is meant ("new staff", "new challenges").
    "new",
];

/// Words that paraphrases of care writing use for the same thing, in groups; the first word of
/// each group is its canonical form. Kept small on purpose: each group is either plain
/// synonyms in this subject or word forms that Snowball stems apart ("advice"/"advise",
/// "safe"/"safety"), and a wrong group would let unrelated answers cover points.
///
/// Left out on purpose: "respect" and "dignity" (different values that the guides teach side by
/// side), "boundary" and "limit" (a limit is not always a professional boundary), "listen"
/// and "communicate" (listening is one skill within communication), and "supervisor" (the
/// guides use supervision for reflective practice, not line management).
pub const SYNONYMS: &[&[&str]] = &[
    // The person receiving care; guides and learners use all of these.
    &[
        "person",
        "people",
        "individual",
        "client",
        "resident",
        "patient",
        "user",
    ],
    // The people who give care; "colleague" is included because an answer about working with
    // colleagues says "other staff" or "co-workers" just as often.
    &["staff", "worker", "colleague", "coworker", "employee"],
    &[
        "communicate",
        "talk",
        "speak",
        "discuss",
        "chat",
        "conversation",
        "converse",
    ],
    &["confidential", "confidentiality", "private", "privacy"],
    &["family", "relative", "kin"],
    &["frequent", "often", "regularly"],
    &["manager", "boss"],
    &["help", "assist", "assistance"],
    &["team", "teamwork"],
    // Word forms the Snowball stemmer does not bring together.
    &["advice", "advise"],
    &[
        "empathy",
        "empathise",
        "empathize",
        "empathetic",
        "empathic",
    ],
    &["safe", "safety"],
    &["choice", "choose", "chose", "chosen"],
];

/// Two-word phrases that stand for one idea, each mapped to a word whose synonym group (or
/// stem) it joins, or to a phrase of its own. Matched on consecutive words of any form
/// ("passed on", "service users", "service-user") with no punctuation between them, before stop
/// words are set aside, so "pass on" counts as sharing while "on" alone says nothing.
pub const PHRASES: &[(&str, &str, &str)] = &[
    ("service", "user", "person"),
    ("care", "worker", "staff"),
    ("support", "worker", "staff"),
    ("team", "member", "staff"),
    ("pass", "on", "share"),
    ("hand", "over", "handover"),
    ("loved", "one", "family"),
    ("look", "after", "care"),
    // Kept whole so "social" alone neither covers nor is covered by either of them.
    ("social", "worker", "social worker"),
    ("social", "care", "social care"),
];

/// Characters that work as an apostrophe inside a word; curly quotes are common in text
/// pasted from a word processor.
const APOSTROPHES: [char; 4] = ['\'', '\u{2019}', '\u{2018}', '\u{02BC}'];

/// Splits text into lowercase words of letters and digits.
///
/// Anything else separates words, so "person-centred" is two words and "1.2" is two numbers.
/// Apostrophes are handled so that a word keeps its meaning: a possessive or a contracted "is"
/// goes ("worker's" and "workers'" -> "worker"/"workers", "it's" -> "it"), "n't" becomes "not",
/// other contractions keep their first word ("they're" -> "they"), and an apostrophe inside a
/// name is dropped ("O'Brien" -> "obrien"). Quotes around a word are not part of it.
pub fn tokens(text: &str) -> Vec<String> {
    split_words(text)
        .into_iter()
        .map(|(word, _)| word)
        .collect()
}

/// The words of [`tokens`], each with whether punctuation other than spaces and hyphens comes
/// between it and the word before, since a phrase does not run across a full stop or comma
/// ("... what I look for. After that ...").
fn split_words(text: &str) -> Vec<(String, bool)> {
    let mut found = Vec::new();
    let mut current = String::new();
    let mut broken = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            current.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        } else if APOSTROPHES.contains(&c) {
            current.push('\'');
        } else {
            if !current.is_empty() {
                push_word(&mut found, &current, broken);
                current.clear();
                broken = false;
            }
            broken |= !(c.is_whitespace() || c == '-');
        }
    }
    if !current.is_empty() {
        push_word(&mut found, &current, broken);
    }
    found
}

/// Adds one raw word (letters, digits and `'`) to `found`, after sorting out its apostrophes.
fn push_word(found: &mut Vec<(String, bool)>, raw: &str, broken: bool) {
    let word = raw.trim_matches('\'');
    let kept = match word.rsplit_once('\'') {
        None => word.to_owned(),
        Some((head, "s" | "ll" | "re" | "ve" | "d" | "m")) => head.replace('\'', ""),
        Some((head, "t")) if head.ends_with('n') => "not".to_owned(),
        Some(_) => word.replace('\'', ""),
    };
    if !kept.is_empty() {
        found.push((kept, broken));
    }
}

/// Whether a word from [`tokens`] says nothing on its own: one of [`STOP_WORDS`], or a single
/// letter (the "e" and "g" of "e.g.").
pub fn is_stop_word(token: &str) -> bool {
    let mut chars = token.chars();
    let single_letter =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
    single_letter || STOP_WORDS.binary_search(&token).is_ok()
}

/// The Snowball English stem of a lowercase word.
///
/// Words with letters outside ASCII are returned unchanged, as other Snowball ports do: the
/// English algorithm is defined over a to z, and this keeps arbitrary input away from it.
pub fn stem(token: &str) -> String {
    VOCABULARY.stem(token)
}

/// Every word of `text`, in order, as [`Term`]s: stop words included (marked
/// [`WordKind::Stop`]), synonyms and [`PHRASES`] mapped to their canonical stem.
pub fn terms(text: &str) -> Vec<Term> {
    VOCABULARY.terms(text)
}

/// The tables above turned into stems, built once per process.
static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(Vocabulary::new);

struct Vocabulary {
    stemmer: Stemmer,
    /// Stem of a word in [`SYNONYMS`] -> stem of its group's first word.
    canonical: HashMap<String, String>,
    /// Stems of the two words of each of [`PHRASES`] and the canonical stem they stand for.
    phrases: Vec<(String, String, String)>,
    /// Canonical stems of [`COMMON_WORDS`].
    common: HashSet<String>,
}

impl Vocabulary {
    fn new() -> Self {
        let mut vocabulary = Vocabulary {
            stemmer: Stemmer::create(Algorithm::English),
            canonical: HashMap::new(),
            phrases: Vec::new(),
            common: HashSet::new(),
        };
        for group in SYNONYMS {
            let Some(first) = group.first() else {
                continue;
            };
            let canonical = vocabulary.stem(first);
            for word in group.iter() {
                vocabulary
                    .canonical
                    .insert(vocabulary.stem(word), canonical.clone());
            }
        }
        for (first, second, meaning) in PHRASES {
            let meaning = vocabulary.canonical_of_word(meaning);
            vocabulary
                .phrases
                .push((vocabulary.stem(first), vocabulary.stem(second), meaning));
        }
        vocabulary.common = COMMON_WORDS
            .iter()
            .map(|word| vocabulary.canonical_of_word(word))
            .collect();
        vocabulary
    }

    fn stem(&self, token: &str) -> String {
        if token.is_ascii() {
            self.stemmer.stem(token).into_owned()
        } else {
            token.to_owned()
        }
    }

    /// The canonical stem of a stem: its synonym group's, or itself.
    fn canonical_of_stem(&self, stem: String) -> String {
        match self.canonical.get(&stem) {
            Some(canonical) => canonical.clone(),
            None => stem,
        }
    }

    /// The canonical stem of a word in one of the tables; a phrase such as "social care" stays
    /// as written, since no single word's stem can equal it.
    fn canonical_of_word(&self, word: &str) -> String {
        if word.contains(' ') {
            word.to_owned()
        } else {
            self.canonical_of_stem(self.stem(word))
        }
    }

    fn kind_of(&self, canonical: &str) -> WordKind {
        if self.common.contains(canonical) {
            WordKind::Common
        } else {
            WordKind::Distinctive
        }
    }

    fn phrase(&self, first: &str, second: &str) -> Option<&str> {
        self.phrases
            .iter()
            .find(|(a, b, _)| a == first && b == second)
            .map(|(_, _, meaning)| meaning.as_str())
    }

    fn terms(&self, text: &str) -> Vec<Term> {
        let words = split_words(text);
        let stems: Vec<String> = words.iter().map(|(word, _)| self.stem(word)).collect();
        let mut found = Vec::with_capacity(words.len());
        let mut at = 0;
        while let (Some((word, _)), Some(stem)) = (words.get(at), stems.get(at)) {
            let next = words.get(at + 1).zip(stems.get(at + 1));
            if let Some(((next_word, false), next_stem)) = next
                && let Some(meaning) = self.phrase(stem, next_stem)
            {
                found.push(Term {
                    word: format!("{word} {next_word}"),
                    stem: meaning.to_owned(),
                    kind: self.kind_of(meaning),
                });
                at += 2;
                continue;
            }
            let term = if is_stop_word(word) {
                Term {
                    word: word.clone(),
                    stem: stem.clone(),
                    kind: WordKind::Stop,
                }
            } else {
                let canonical = self.canonical_of_stem(stem.clone());
                Term {
                    word: word.clone(),
                    kind: self.kind_of(&canonical),
                    stem: canonical,
                }
            };
            found.push(term);
            at += 1;
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        terms(text).into_iter().map(|term| term.stem).collect()
    }

    fn meaningful_words(text: &str) -> Vec<String> {
        terms(text)
            .into_iter()
            .filter(|term| term.kind != WordKind::Stop)
            .map(|term| term.word)
            .collect()
    }

    #[test]
    fn tokens_are_lowercase_letters_and_digits() {
        assert_eq!(
            tokens("Person-centred care, Standard 1.2!"),
            ["person", "centred", "care", "standard", "1", "2"]
        );
        assert!(tokens("  ... -- !!").is_empty());
        assert!(tokens("").is_empty());
    }

    #[test]
    fn apostrophes_keep_the_word_and_drop_the_possessive() {
        assert_eq!(tokens("the worker's role"), ["the", "worker", "role"]);
        assert_eq!(tokens("the workers' rota"), ["the", "workers", "rota"]);
        assert_eq!(
            tokens("the worker\u{2019}s role"),
            ["the", "worker", "role"]
        );
        assert_eq!(tokens("it's fine"), ["it", "fine"]);
        assert_eq!(tokens("don't can't won't"), ["not", "not", "not"]);
        assert_eq!(tokens("they're we've I'd I'm"), ["they", "we", "i", "i"]);
        assert_eq!(tokens("Mrs O'Brien"), ["mrs", "obrien"]);
        assert_eq!(tokens("'quoted' words"), ["quoted", "words"]);
        assert!(tokens("' '' \u{2019}").is_empty());
    }

    #[test]
    fn the_stop_word_list_is_sorted_lowercase_and_without_repeats() {
        for pair in STOP_WORDS.windows(2) {
            assert!(pair[0] < pair[1], "{:?} before {:?}", pair[0], pair[1]);
        }
        for word in STOP_WORDS {
            assert_eq!(tokens(word), [*word], "{word} is not a single token");
        }
        assert!(STOP_WORDS.len() > 300);
    }

    #[test]
    fn function_words_and_fillers_are_stop_words() {
        for word in [
            "the", "and", "also", "may", "can", "use", "using", "make", "ensure",
        ] {
            assert!(is_stop_word(word), "{word}");
        }
        assert!(is_stop_word("e"), "single letters, as in e.g.");
        for word in [
            "help",
            "need",
            "care",
            "often",
            "regularly",
            "want",
            "trust",
            "2",
        ] {
            assert!(!is_stop_word(word), "{word}");
        }
    }

    #[test]
    fn the_tables_do_not_hide_words_behind_stop_words() {
        for group in SYNONYMS {
            for word in group.iter() {
                assert!(!is_stop_word(word), "synonym {word} is a stop word");
            }
        }
        for word in COMMON_WORDS {
            assert!(!is_stop_word(word), "common word {word} is a stop word");
        }
    }

    #[test]
    fn word_forms_share_a_stem() {
        let forms = stems("communicating communication communicates communicated");
        assert!(forms.iter().all(|stem| stem == &forms[0]), "{forms:?}");
        assert_eq!(
            stems("boundary boundaries")[0],
            stems("boundary boundaries")[1]
        );
        assert_ne!(
            stem("care"),
            stem("carer"),
            "a carer is a person, not the act"
        );
    }

    #[test]
    fn non_ascii_words_are_kept_as_written() {
        assert_eq!(stem("naïve"), "naïve");
        assert_eq!(stem("café"), "café");
        assert_eq!(stem("résumés"), "résumés");
    }

    #[test]
    fn synonyms_share_a_canonical_stem() {
        let same = |a: &str, b: &str| {
            assert_eq!(stems(a), stems(b), "{a} ~ {b}");
        };
        same("talked", "communication");
        same("discussing", "speak");
        same("client", "resident");
        same("individuals", "person");
        same("colleagues", "staff");
        same("private", "confidentiality");
        same("relatives", "family");
        same("often", "regularly");
        same("advise", "advice");
        same("safety", "safe");
        same("chose", "choice");
        assert_ne!(stems("respect"), stems("dignity"), "different values");
        assert_ne!(stems("listen"), stems("talk"));
    }

    #[test]
    fn two_word_phrases_become_one_term() {
        assert_eq!(stems("service users"), stems("person"));
        assert_eq!(stems("passed on"), stems("share"));
        assert_eq!(stems("loved ones"), stems("family"));
        assert_eq!(
            meaningful_words("the service user's wishes"),
            ["service user", "wishes"]
        );
        assert_ne!(stems("social workers"), stems("social care"));
        assert_ne!(stems("social worker"), stems("worker"));
        assert_eq!(stems("service-user"), stems("person"));
    }

    #[test]
    fn phrases_do_not_run_across_punctuation() {
        assert_eq!(
            meaningful_words("I know what to look for. After that"),
            ["look"]
        );
        assert_eq!(meaningful_words("the service, users"), ["service", "users"]);
        assert_eq!(meaningful_words("look after"), ["look after"]);
    }

    #[test]
    fn subject_words_are_common_and_the_rest_distinctive() {
        let kinds: Vec<(String, WordKind)> = terms("Care workers support trust and dignity")
            .into_iter()
            .map(|term| (term.word, term.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("care workers".to_owned(), WordKind::Common),
                ("support".to_owned(), WordKind::Common),
                ("trust".to_owned(), WordKind::Distinctive),
                ("and".to_owned(), WordKind::Stop),
                ("dignity".to_owned(), WordKind::Distinctive),
            ]
        );
        for word in ["help", "assist", "needs", "people", "clients", "colleague"] {
            assert_eq!(terms(word)[0].kind, WordKind::Common, "{word}");
        }
    }
}
