//! Mock tests: a set of multiple-choice questions answered without feedback, then marked.

use super::deck::{QuizDeck, Scope};
use super::question::{Grade, Question};
use super::schedule::ReviewDetail;
use crate::content::Library;
use crate::progress::{MissedQuestion, MockTestResult};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashSet};

/// Up to `count` distinct multiple-choice questions across `scope`, reproducible from `seed`.
pub fn mock_questions(library: &Library, scope: Scope, seed: u64, count: usize) -> Vec<Question> {
    let mut deck = QuizDeck::new(library, scope, seed);
    let mut questions = Vec::new();
    let mut seen = HashSet::new();
    // Bounded: each draw either adds a question or skips a flip card or a repeat.
    for _ in 0..deck.len() + count * 4 {
        if questions.len() == count {
            break;
        }
        let Some(question) = deck.next_question(library) else {
            break;
        };
        if question.choice().is_some() && seen.insert(question.card_id.clone()) {
            questions.push(question);
        }
    }
    questions
}

/// The review each question of a finished mock test gives its card: a right answer is Good, a
/// wrong or missing one is Again (a lapse), so the test reschedules what it asked.
pub fn mock_reviews(
    questions: &[Question],
    answers: &[Option<usize>],
) -> Vec<(Question, Grade, ReviewDetail)> {
    questions
        .iter()
        .enumerate()
        .map(|(i, question)| {
            let chosen = answers.get(i).copied().flatten();
            let right = question
                .choice()
                .is_some_and(|(_, correct)| chosen == Some(correct));
            let grade = if right { Grade::Good } else { Grade::Again };
            let detail = ReviewDetail {
                correct: Some(right),
                answer: None,
            };
            (question.clone(), grade, detail)
        })
        .collect()
}

/// Marks a mock test: `answers[i]` is the option chosen for `questions[i]`, if any.
pub fn mark_mock_test(
    library: &Library,
    questions: &[Question],
    answers: &[Option<usize>],
    at: DateTime<Utc>,
    time_limit_minutes: Option<u32>,
) -> MockTestResult {
    let mut result = MockTestResult {
        at,
        questions: u32::try_from(questions.len()).unwrap_or(u32::MAX),
        correct: 0,
        per_guide: BTreeMap::new(),
        missed: Vec::new(),
        time_limit_minutes,
    };
    for (i, question) in questions.iter().enumerate() {
        let chosen = answers.get(i).copied().flatten();
        let right = question
            .choice()
            .is_some_and(|(_, correct)| chosen == Some(correct));
        let guide = library
            .guide(question.topic.guide)
            .map_or_else(String::new, |g| g.id.to_string());
        let entry = result.per_guide.entry(guide).or_insert((0, 0));
        entry.0 += 1;
        if right {
            entry.1 += 1;
            result.correct += 1;
        } else {
            result.missed.push(MissedQuestion {
                card_id: question.card_id.clone(),
                question: format!("{} {}", question.prompt, question.subject),
                correct_answer: question.correct_text().to_owned(),
            });
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::builtin_library;

    #[test]
    fn a_mock_test_is_distinct_multiple_choice_questions_and_is_marked_per_guide() {
        let library = builtin_library();
        let questions = mock_questions(&library, Scope::All, 4, 10);
        assert_eq!(questions.len(), 10);
        assert!(questions.iter().all(|q| q.choice().is_some()));
        let ids: HashSet<&String> = questions.iter().map(|q| &q.card_id).collect();
        assert_eq!(ids.len(), 10);
        // Every answer right but the first, which is left blank.
        let mut answers: Vec<Option<usize>> = questions
            .iter()
            .map(|q| q.choice().map(|(_, correct)| correct))
            .collect();
        answers[0] = None;
        let result = mark_mock_test(
            &library,
            &questions,
            &answers,
            DateTime::<Utc>::UNIX_EPOCH,
            Some(5),
        );
        assert_eq!((result.questions, result.correct), (10, 9));
        assert_eq!(result.missed.len(), 1);
        assert_eq!(result.missed[0].card_id, questions[0].card_id);
        let asked: u32 = result.per_guide.values().map(|&(asked, _)| asked).sum();
        assert_eq!(asked, 10);
        let grades: Vec<Grade> = mock_reviews(&questions, &answers)
            .into_iter()
            .map(|(_, grade, _)| grade)
            .collect();
        assert_eq!(grades[0], Grade::Again, "unanswered is a lapse");
        assert!(grades[1..].iter().all(|&g| g == Grade::Good));
    }
}
