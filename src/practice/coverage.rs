//! Deciding which of a topic's points a written answer covered.
//!
//! A point is covered when the answer uses enough of the point's meaningful words, compared by
//! stem and synonym group (see [`super::words`]), in any order. The rule, and why:
//!
//! - Only the point's most telling words are counted: its distinctive words when it has any,
//!   otherwise its common subject words ("care", "support"), otherwise (a point made only of
//!   function words) its stop words. Common words are everywhere in this subject, so counting
//!   them would let any answer about care cover most points; but a point made only of them
//!   must still be coverable, or copying it out would not count.
//! - The answer must have at least half of the counted words, rounded up ([`needed`]): 1 of 1
//!   or 2, 2 of 3 or 4, 3 of 5 or 6. Half is what a paraphrase keeps: it reuses the key nouns
//!   ("information", "confidentiality") and rewords the rest, often beyond what the synonym
//!   table knows. Asking for one word less than half would let a long point be covered by a
//!   single shared word (2 of 5), which unrelated answers manage by chance; asking for more
//!   would turn down most honest paraphrases. Points of three or more counted words therefore
//!   always need two.
//!
//! Word matching cannot tell "I always share information" from "I never share information";
//! the result is a guide for revision, not a mark.

use super::words::{self, Term, WordKind};
use std::collections::HashSet;
use std::fmt;

/// What an answer did for one point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointCoverage {
    /// The point as given.
    pub point: String,
    pub covered: bool,
    /// The point's meaningful words that the answer has, as written in the point.
    pub matched: Vec<String>,
    /// The point's meaningful words that the answer lacks, as written in the point.
    pub missing: Vec<String>,
    /// How many of the point's words count towards covering it: its distinctive words, or
    /// when it has none, its common ones (see the module documentation).
    pub counted: usize,
    /// How many of the counted words the answer has.
    pub found: usize,
}

impl PointCoverage {
    /// How many of the counted words an answer needs to cover this point.
    pub fn needed(&self) -> usize {
        needed(self.counted)
    }
}

/// How many of a point's `counted` words an answer needs to cover it: half, rounded up.
///
/// Zero for a point with no words at all, which is never covered (there is nothing to match).
pub fn needed(counted: usize) -> usize {
    counted.div_ceil(2)
}

/// For each point, in order, which of its meaningful words `answer` has and whether that is
/// enough to cover it.
///
/// Takes `&[&str]`, `&[String]` (a topic's `key_features`) and the like.
pub fn assess<P: AsRef<str>>(answer: &str, points: &[P]) -> Vec<PointCoverage> {
    let answer = AnswerWords::new(answer);
    points
        .iter()
        .map(|point| assess_point(&answer, point.as_ref()))
        .collect()
}

/// The stems an answer uses, looked up once for every point.
struct AnswerWords {
    /// Stems of words other than stop words.
    meaningful: HashSet<String>,
    /// Stems of stop words, for points made only of them.
    stop: HashSet<String>,
}

impl AnswerWords {
    fn new(answer: &str) -> Self {
        let mut meaningful = HashSet::new();
        let mut stop = HashSet::new();
        for term in words::terms(answer) {
            if term.kind == WordKind::Stop {
                stop.insert(term.stem);
            } else {
                meaningful.insert(term.stem);
            }
        }
        AnswerWords { meaningful, stop }
    }

    /// Whether the answer has a word of the point: a stop word only matches a stop word, so
    /// "will" in an answer does not match "willing" in a point.
    fn has(&self, term: &Term) -> bool {
        match term.kind {
            WordKind::Stop => self.stop.contains(&term.stem),
            WordKind::Common | WordKind::Distinctive => self.meaningful.contains(&term.stem),
        }
    }
}

fn assess_point(answer: &AnswerWords, point: &str) -> PointCoverage {
    let listed = listed_terms(point);
    let strongest = listed.iter().map(|term| term.kind).max();
    let mut coverage = PointCoverage {
        point: point.to_owned(),
        covered: false,
        matched: Vec::new(),
        missing: Vec::new(),
        counted: 0,
        found: 0,
    };
    for term in listed {
        let has = answer.has(&term);
        if Some(term.kind) == strongest {
            coverage.counted += 1;
            coverage.found += usize::from(has);
        }
        if has {
            coverage.matched.push(term.word);
        } else {
            coverage.missing.push(term.word);
        }
    }
    coverage.covered = coverage.counted > 0 && coverage.found >= needed(coverage.counted);
    coverage
}

/// The words of a point that are shown and compared: its meaningful words, or its stop words
/// when it has nothing else; each stem once, in the point's order, as first written.
fn listed_terms(point: &str) -> Vec<Term> {
    let all = words::terms(point);
    let only_stop_words = all.iter().all(|term| term.kind == WordKind::Stop);
    let mut seen = HashSet::new();
    all.into_iter()
        .filter(|term| only_stop_words || term.kind != WordKind::Stop)
        .filter(|term| seen.insert(term.stem.clone()))
        .collect()
}

/// How many points an answer covered, of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Overall {
    pub covered: usize,
    pub total: usize,
}

impl fmt::Display for Overall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let noun = if self.total == 1 { "point" } else { "points" };
        write!(f, "{} of {} {noun} covered", self.covered, self.total)
    }
}

/// Totals for the results of [`assess`].
pub fn overall(coverage: &[PointCoverage]) -> Overall {
    Overall {
        covered: coverage.iter().filter(|point| point.covered).count(),
        total: coverage.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(answer: &str, point: &str) -> PointCoverage {
        let mut results = assess(answer, &[point]);
        assert_eq!(results.len(), 1);
        results.remove(0)
    }

    #[test]
    fn half_the_counted_words_rounded_up_are_needed() {
        let expected = [
            (0, 0),
            (1, 1),
            (2, 1),
            (3, 2),
            (4, 2),
            (5, 3),
            (6, 3),
            (9, 5),
        ];
        for (counted, wanted) in expected {
            assert_eq!(needed(counted), wanted, "{counted}");
        }
    }

    #[test]
    fn a_paraphrase_covers_the_point() {
        let result = one(
            "We share information with each other and discuss it often",
            "Information needs to be passed on and talked about regularly.",
        );
        assert!(result.covered, "{result:?}");
        assert_eq!(
            result.matched,
            ["information", "passed on", "talked", "regularly"]
        );
        assert_eq!(result.missing, ["needs"]);
        assert_eq!((result.counted, result.found), (4, 4));
    }

    #[test]
    fn common_words_alone_do_not_cover_a_point() {
        let result = one(
            "As a care worker I support people and help them with their needs",
            "Workers promote the person's independence and choice.",
        );
        assert!(!result.covered, "{result:?}");
        assert_eq!(result.matched, ["workers", "person"]);
        assert_eq!(result.missing, ["promote", "independence", "choice"]);
    }

    #[test]
    fn a_point_of_only_common_words_counts_them() {
        let point = "Care workers support people.";
        assert!(one("I support people in my job", point).covered);
        assert!(!one("I like the cinema", point).covered);
    }

    #[test]
    fn a_point_of_only_stop_words_is_covered_by_the_same_words() {
        let result = one("It is what it is", "What is it?");
        assert!(result.covered, "{result:?}");
        assert_eq!(result.matched, ["what", "is", "it"]);
        assert!(!one("The cat sat", "What is it?").covered);
    }

    #[test]
    fn a_point_with_no_words_is_never_covered() {
        let result = one("anything at all", " -- ");
        assert!(!result.covered);
        assert_eq!(result.counted, 0);
        assert!(result.matched.is_empty() && result.missing.is_empty());
    }

    #[test]
    fn a_stop_word_in_the_answer_does_not_match_a_meaningful_word() {
        // "will" is a stop word; "willing" stems to "will" but means something.
        assert!(
            !one("I will", "Willing volunteers")
                .matched
                .contains(&"willing".to_owned())
        );
    }

    #[test]
    fn words_repeated_in_a_point_count_once() {
        let result = one("trust", "Trust, trust and more trust.");
        assert_eq!((result.counted, result.found), (1, 1));
        assert_eq!(result.matched, ["trust"]);
    }

    #[test]
    fn overall_counts_covered_points() {
        let points = ["Trust matters.", "Respect matters.", "Paramedics"];
        let results = assess("Trust and respect", &points);
        let total = overall(&results);
        assert_eq!(
            total,
            Overall {
                covered: 2,
                total: 3
            }
        );
        assert_eq!(total.to_string(), "2 of 3 points covered");
        assert_eq!(overall(&[]).to_string(), "0 of 0 points covered");
    }

    #[test]
    fn points_can_be_owned_strings() {
        let points = vec!["Trust".to_owned()];
        assert!(assess("trust", &points)[0].covered);
    }
}
