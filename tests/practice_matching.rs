#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Written-answer practice: which of a topic's points a typed answer covers.
//!
//! The cases are taken from the built-in guides (the key features of "Colleagues" and
//! "Service users" in the working-relationships guide) and written the way learners answer:
//! paraphrases must count, unrelated text must not. The properties check that `assess` never
//! panics and that its verdict is exactly the documented rule.

use carestudy::content::CommandVerb;
use carestudy::practice::words::{self, WordKind};
use carestudy::practice::{PointCoverage, assess, needed, overall, question, reminder};
use proptest::prelude::*;
use std::collections::HashSet;

const COLLEAGUES: [&str; 7] = [
    "The relationship is usually formal.",
    "It rests on respecting each other, working as a team and sharing duties.",
    "Care workers deal with nurses, team leaders, managers and other care staff.",
    "It is focused on tasks and on giving care.",
    "Information needs to be passed on and talked about regularly.",
    "Colleagues give each other help and advice when it is needed.",
    "Good communication makes the team work closely together, which helps staff and service \
     users alike.",
];

const SERVICE_USERS: [&str; 7] = [
    "Service users depend on workers for guidance, help and support in many parts of their lives.",
    "Workers stay within the limits of their job and keep proper boundaries.",
    "Confidentiality is required, so private details about the person stay protected.",
    "Workers act in the person's best interests.",
    "Workers promote the person's independence and choice.",
    "Care is centred on the person's own needs, goals and preferences.",
    "A good professional relationship helps people feel safe and valued.",
];

fn covered(results: &[PointCoverage]) -> Vec<&str> {
    results
        .iter()
        .filter(|result| result.covered)
        .map(|result| result.point.as_str())
        .collect()
}

#[test]
fn a_paraphrase_of_a_key_feature_covers_it() {
    let point = "Information needs to be passed on and talked about regularly.";
    let results = assess(
        "We share information with each other and discuss it often",
        &[point],
    );
    assert!(results[0].covered, "{:?}", results[0]);
    assert!(results[0].matched.contains(&"talked".to_owned()));
}

#[test]
fn a_learners_answer_covers_what_it_talks_about_and_misses_the_rest() {
    let answer = "In my job I work alongside the nurses and team leaders. We pass on information \
                  at handover and discuss it often, and if someone is unsure we advise each other. \
                  We respect each other and share out the duties.";
    let results = assess(answer, &COLLEAGUES);
    assert_eq!(
        covered(&results),
        [COLLEAGUES[1], COLLEAGUES[2], COLLEAGUES[4], COLLEAGUES[5]]
    );
    let formal = &results[0];
    assert_eq!(formal.missing, ["relationship", "formal"]);
    let tasks = &results[3];
    assert_eq!(tasks.missing, ["focused", "tasks", "care"]);
    assert_eq!(overall(&results).to_string(), "4 of 7 points covered");
}

#[test]
fn synonyms_common_in_care_writing_count() {
    let answer = "I keep my clients' personal details confidential and protect them. I help \
                  residents to stay independent and let them choose for themselves.";
    let results = assess(answer, &SERVICE_USERS);
    assert_eq!(covered(&results), [SERVICE_USERS[2], SERVICE_USERS[4]]);
}

#[test]
fn unrelated_text_covers_nothing() {
    for answer in [
        "I like football and going to the cinema",
        "The weather was sunny so we had a barbecue in the garden at the weekend.",
        "asdf qwerty 12345",
    ] {
        for points in [&COLLEAGUES[..], &SERVICE_USERS[..]] {
            let results = assess(answer, points);
            assert!(covered(&results).is_empty(), "{answer}: {results:#?}");
        }
    }
}

#[test]
fn general_care_words_alone_cover_nothing() {
    let answer = "As a care worker I support people and help them with their needs at work.";
    let results = assess(answer, &SERVICE_USERS);
    assert!(covered(&results).is_empty(), "{results:#?}");
}

#[test]
fn an_empty_answer_covers_nothing() {
    for answer in ["", "   ", "\n\t", "...!?"] {
        let results = assess(answer, &COLLEAGUES);
        assert_eq!(results.len(), COLLEAGUES.len());
        assert!(
            results
                .iter()
                .all(|result| !result.covered && result.matched.is_empty())
        );
        assert_eq!(overall(&results).covered, 0);
    }
}

#[test]
fn copying_a_point_out_covers_it() {
    for point in COLLEAGUES.iter().chain(&SERVICE_USERS) {
        let results = assess(point, &[*point]);
        assert!(results[0].covered, "{point}");
        assert!(results[0].missing.is_empty(), "{point}");
    }
}

#[test]
fn word_order_does_not_matter() {
    let answer = "regularly talked about and information passed on";
    assert!(assess(answer, &[COLLEAGUES[4]])[0].covered);
    let answer = "choice and independence are what workers promote";
    assert!(assess(answer, &[SERVICE_USERS[4]])[0].covered);
    let answer = "Protected private details: confidentiality.";
    assert!(assess(answer, &[SERVICE_USERS[2]])[0].covered);
}

#[test]
fn capitals_punctuation_and_apostrophes_do_not_matter() {
    let answer = "WORKERS PROMOTE A PERSON\u{2019}S INDEPENDENCE -- AND CHOICE!!!";
    assert!(assess(answer, &[SERVICE_USERS[4]])[0].covered);
}

#[test]
fn results_follow_the_points_in_order() {
    let results = assess("trust", &SERVICE_USERS);
    let points: Vec<&str> = results.iter().map(|result| result.point.as_str()).collect();
    assert_eq!(points, SERVICE_USERS);
}

#[test]
fn questions_and_reminders_read_as_an_assessor_would_write_them() {
    assert_eq!(
        question(
            CommandVerb::Explain,
            "The therapeutic relationship: working with the people you support",
            "Trust"
        ),
        "Explain why trust matters in the therapeutic relationship."
    );
    assert_eq!(
        question(
            CommandVerb::Describe,
            "Working relationships in care settings",
            "Volunteers"
        ),
        "Describe volunteers in working relationships in care settings."
    );
    assert!(reminder(CommandVerb::Describe).ends_with("Include an example from your own work."));
}

/// Words from the guides, stop words and a few unrelated words, so generated answers and
/// points share words often enough for the rule to be exercised both ways.
const VOCABULARY: &[&str] = &[
    "care",
    "worker",
    "workers",
    "service",
    "users",
    "client",
    "person's",
    "trust",
    "dignity",
    "respect",
    "information",
    "share",
    "passed",
    "on",
    "talked",
    "discuss",
    "often",
    "regularly",
    "confidential",
    "private",
    "family",
    "relatives",
    "boundaries",
    "team",
    "help",
    "advice",
    "advise",
    "the",
    "and",
    "is",
    "it",
    "we",
    "can't",
    "also",
    "may",
    "football",
    "cinema",
    "independence",
    "choice",
    "chose",
    "safe",
    "safety",
    "social",
    "will",
    "willing",
    "look",
    "after",
    "loved",
    "ones",
    "naïve",
    "1.2",
];

fn care_text() -> impl Strategy<Value = String> {
    let separator = prop::sample::select(vec![" ", ", ", ". ", "-", "\n", "'s "]);
    prop::collection::vec((prop::sample::select(VOCABULARY), separator), 0..12).prop_map(|words| {
        words
            .into_iter()
            .flat_map(|(word, separator)| [word, separator])
            .collect()
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![care_text(), any::<String>(), "[a-zA-Z' ]{0,40}"]
}

/// The rule of `practice::coverage`, worked out again from the words alone.
fn expected(answer: &str, point: &str) -> (bool, Vec<String>, Vec<String>) {
    let answer_terms = words::terms(answer);
    let answer_has = |stem: &str, kind: WordKind| {
        answer_terms.iter().any(|term| {
            term.stem == stem && (term.kind == WordKind::Stop) == (kind == WordKind::Stop)
        })
    };
    let point_terms = words::terms(point);
    let only_stop = point_terms.iter().all(|term| term.kind == WordKind::Stop);
    let mut seen = HashSet::new();
    let listed: Vec<_> = point_terms
        .into_iter()
        .filter(|term| only_stop || term.kind != WordKind::Stop)
        .filter(|term| seen.insert(term.stem.clone()))
        .collect();
    let strongest = listed.iter().map(|term| term.kind).max();
    let counted: Vec<_> = listed
        .iter()
        .filter(|term| Some(term.kind) == strongest)
        .collect();
    let found = counted
        .iter()
        .filter(|term| answer_has(&term.stem, term.kind))
        .count();
    let is_covered = !counted.is_empty() && found >= needed(counted.len());
    let (matched, missing): (Vec<_>, Vec<_>) = listed
        .iter()
        .partition(|term| answer_has(&term.stem, term.kind));
    let words_of = |terms: Vec<&words::Term>| terms.into_iter().map(|t| t.word.clone()).collect();
    (is_covered, words_of(matched), words_of(missing))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn assess_never_panics_and_answers_every_point(
        answer in any_text(),
        points in prop::collection::vec(any_text(), 0..6),
    ) {
        let results = assess(&answer, &points);
        prop_assert_eq!(results.len(), points.len());
        for (result, point) in results.iter().zip(&points) {
            prop_assert_eq!(&result.point, point);
            prop_assert!(result.found <= result.counted);
            prop_assert!(result.counted <= result.matched.len() + result.missing.len());
        }
        let total = overall(&results);
        prop_assert_eq!(total.total, points.len());
        prop_assert!(total.covered <= total.total);
    }

    #[test]
    fn covered_exactly_when_the_rule_holds(answer in any_text(), point in any_text()) {
        let result = &assess(&answer, &[point.as_str()])[0];
        let (is_covered, matched, missing) = expected(&answer, &point);
        prop_assert_eq!(result.covered, is_covered, "{:?}", result);
        prop_assert_eq!(&result.matched, &matched);
        prop_assert_eq!(&result.missing, &missing);
        prop_assert_eq!(result.covered, result.counted > 0 && result.found >= result.needed());
    }

    #[test]
    fn any_point_with_a_word_covers_itself(point in any_text()) {
        let result = &assess(&point, &[point.as_str()])[0];
        prop_assert_eq!(result.covered, !words::tokens(&point).is_empty(), "{:?}", result);
        prop_assert!(result.missing.is_empty());
    }

    #[test]
    fn adding_to_an_answer_never_uncovers_a_point(
        answer in care_text(),
        more in care_text(),
        point in care_text(),
    ) {
        let before = assess(&answer, &[point.as_str()])[0].covered;
        let after = assess(&format!("{answer}. {more}"), &[point.as_str()])[0].covered;
        prop_assert!(!before || after);
    }
}
