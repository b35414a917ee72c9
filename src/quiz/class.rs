//! A question for the class in presentation mode: multiple choice on the topic presented.

use super::deck::{QuizDeck, Scope};
use super::question::{Question, QuestionKind};
use crate::content::{Library, TopicRef};

/// A multiple-choice question on `topic`, drawn afresh for each `seed`. The topic's name is on
/// the screen, so the best question asks which of four points is one of its own; any other
/// multiple-choice kind will do when it has none.
pub fn class_question(library: &Library, topic: TopicRef, seed: u64) -> Option<Question> {
    let mut deck = QuizDeck::new(library, Scope::Topic(topic), seed);
    let drawn: Vec<Question> = (0..deck.len() + 4)
        .filter_map(|_| deck.next_question(library))
        .filter(|q| q.choice().is_some())
        .collect();
    let best = drawn
        .iter()
        .position(|q| q.kind == QuestionKind::TopicToPoint)
        .unwrap_or(0);
    drawn.into_iter().nth(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::builtin_library;

    #[test]
    fn a_class_question_is_multiple_choice_on_the_topic_and_prefers_its_points() {
        let library = builtin_library();
        let topic = TopicRef { guide: 0, topic: 0 };
        let question = class_question(&library, topic, 1);
        assert!(question.as_ref().is_some_and(|q| q.choice().is_some()));
        assert_eq!(
            question.map(|q| (q.topic, q.kind)),
            Some((topic, QuestionKind::TopicToPoint))
        );
    }
}
