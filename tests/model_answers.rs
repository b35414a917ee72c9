#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The assessment topics: model answers of a sitting's length that meet their own answer plans,
//! written practice asking the real questions first, and nothing read-only ever quizzed.

use carestudy::content::{Library, TopicRef, load_builtin};
use carestudy::practice;
use carestudy::quiz::{Body, QuizDeck, Scope};
use std::collections::HashSet;

fn builtin() -> Library {
    load_builtin().expect("the built-in guides load")
}

/// Every topic with a model answer, with its stable id.
fn answered(library: &Library) -> Vec<(String, TopicRef)> {
    library
        .topic_refs()
        .filter(|&at| {
            library
                .topic(at)
                .is_some_and(|t| !t.model_answer.is_empty())
        })
        .map(|at| (library.stable_id(at).unwrap(), at))
        .collect()
}

#[test]
fn each_criterion_has_a_question_a_plan_and_a_model_answer() {
    let library = builtin();
    let questions: Vec<&str> = answered(&library)
        .iter()
        .filter_map(|(_, at)| library.topic(*at)?.question.as_deref())
        .collect();
    assert_eq!(
        questions,
        [
            "Describe different working relationships in health and social care settings.",
            "Explain reasons for developing professional relationships.",
            "Explain how a working relationship is different from a personal relationship.",
            "Explain why it is important to work in partnership with key people, advocates and others who are significant to an individual.",
            "Explain how you build and maintain a therapeutic relationship with a person you support.",
        ]
    );
}

/// 300 to 500 words: the length a learner's own answer to one criterion should take.
#[test]
fn model_answers_are_300_to_500_words() {
    let library = builtin();
    for (id, at) in answered(&library) {
        let topic = library.topic(at).unwrap();
        let words: usize = topic
            .model_answer
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum();
        assert!((300..=500).contains(&words), "{id}: {words} words");
    }
}

/// A model answer, checked as a learner's answer is, covers every point of its answer plan.
#[test]
fn each_model_answer_covers_its_own_answer_plan() {
    let library = builtin();
    let mut missed = Vec::new();
    for (id, at) in answered(&library) {
        let topic = library.topic(at).unwrap();
        let plan = topic.answer_points();
        assert!(plan.len() >= 5, "{id}: a plan of {} points", plan.len());
        let answer = topic.model_answer.join("\n\n");
        missed.extend(
            practice::assess(&answer, &plan)
                .into_iter()
                .filter(|p| !p.covered)
                .map(|p| format!("{id}: {} (missing {:?})", p.point, p.missing)),
        );
    }
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}

/// Written practice opens on the assessment questions, in the guides' order, and asks them as
/// written; glossary entries (nothing to check an answer against) are never written about.
#[test]
fn written_practice_asks_the_real_questions_first() {
    let library = builtin();
    let all: Vec<TopicRef> = library.topic_refs().collect();
    let order = practice::writing_order(&library, &all, 7);
    let first: Vec<TopicRef> = answered(&library).iter().map(|(_, at)| *at).collect();
    assert_eq!(order[..first.len()], first[..]);
    let at = first[0];
    let (guide, topic) = (library.guide(at.guide).unwrap(), library.topic(at).unwrap());
    assert_eq!(
        practice::question_for(guide, topic),
        "Describe different working relationships in health and social care settings."
    );
    assert_eq!(practice::verb_for(guide, topic).name(), "describe");
    let glossary = library
        .guides
        .iter()
        .position(|g| g.id == "glossary")
        .unwrap();
    assert!(order.iter().all(|at| at.guide != glossary));
}

/// No question shows a model answer, an assessment question or a table cell, in its subject,
/// its options or the back of a flip card: those are read, never quizzed.
#[test]
fn the_quiz_never_asks_about_what_is_only_read() {
    let library = builtin();
    let mut read_only: HashSet<&str> = HashSet::new();
    for guide in &library.guides {
        for topic in &guide.topics {
            read_only.extend(topic.model_answer.iter());
            read_only.extend(topic.question.as_deref());
            for table in &topic.tables {
                read_only.extend(table.rows.iter().flatten().map(String::as_str));
            }
        }
    }
    let mut deck = QuizDeck::new(&library, Scope::All, 0);
    let cards: Vec<_> = deck.cards().collect();
    assert!(!cards.is_empty());
    for spec in cards {
        let Some(question) = deck.question_for(&library, spec) else {
            continue;
        };
        let mut shown: Vec<&str> = vec![&question.subject];
        match &question.body {
            Body::Choice { options, .. } => shown.extend(options.iter().map(String::as_str)),
            Body::Recall { lists } => {
                shown.extend(
                    lists
                        .iter()
                        .flat_map(|l| l.points.iter().map(String::as_str)),
                );
            }
        }
        for text in shown {
            assert!(
                !read_only.contains(text),
                "{} shows {text:?}",
                question.card_id
            );
        }
    }
}
