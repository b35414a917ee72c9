//! The deck: every card in a scope, drawn in a seeded order.

use super::build::{Index, Unaskable, build, is_quizzed_list};
use super::card::CardSpec;
use super::question::{Question, QuestionKind};
use crate::content::{Library, TopicRef};

/// Which guides a quiz draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    Guide(usize),
    /// One topic: a session on a weak spot.
    Topic(TopicRef),
}

impl Scope {
    pub fn includes(self, at: TopicRef) -> bool {
        match self {
            Scope::All => true,
            Scope::Guide(guide) => at.guide == guide,
            Scope::Topic(topic) => at == topic,
        }
    }
}

/// An endless, seeded sequence of questions. Kinds take turns so a session is varied; each
/// kind's cards are shuffled and reshuffled once all have been asked.
#[derive(Debug, Clone)]
pub struct QuizDeck {
    queues: Vec<Vec<CardSpec>>,
    positions: Vec<usize>,
    turn: usize,
    rng: fastrand::Rng,
    /// What questions are built from, made when the first question is drawn (a deck is only
    /// ever used with the library it was made for).
    index: std::rc::Rc<std::cell::OnceCell<Index>>,
}

impl QuizDeck {
    pub fn new(library: &Library, scope: Scope, seed: u64) -> Self {
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut queues: Vec<Vec<CardSpec>> = Vec::new();
        for kind in QuestionKind::ALL {
            let mut cards: Vec<CardSpec> = library
                .topic_refs()
                .filter(|&at| scope.includes(at))
                .flat_map(|at| specs_for(library, at, kind))
                .collect();
            rng.shuffle(&mut cards);
            if !cards.is_empty() {
                queues.push(cards);
            }
        }
        rng.shuffle(&mut queues);
        let positions = vec![0; queues.len()];
        Self {
            queues,
            positions,
            turn: 0,
            rng,
            index: std::rc::Rc::default(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.queues.is_empty()
    }

    /// How many distinct cards the deck holds.
    pub fn len(&self) -> usize {
        self.queues.iter().map(Vec::len).sum()
    }

    /// The next question; `None` only when the scope has nothing to ask.
    pub fn next_question(&mut self, library: &Library) -> Option<Question> {
        // Cards are checked when drawn (checking all up front is slow on a large library): one
        // that cannot be asked (no four sound options, a point that does not stand alone) is
        // skipped. Bounded by the number of cards.
        for _ in 0..=self.len() {
            let spec = self.draw()?;
            if let Ok(question) = self.try_question(library, spec) {
                return Some(question);
            }
        }
        None
    }

    /// Every card in the deck's scope.
    pub fn cards(&self) -> impl Iterator<Item = CardSpec> + '_ {
        self.queues.iter().flatten().copied()
    }

    /// The question for `spec`, its options drawn from the deck's generator.
    pub fn question_for(&mut self, library: &Library, spec: CardSpec) -> Option<Question> {
        self.try_question(library, spec).ok()
    }

    /// The question for `spec`, or why the card cannot be asked.
    pub fn try_question(
        &mut self,
        library: &Library,
        spec: CardSpec,
    ) -> Result<Question, Unaskable> {
        let index = self.index.get_or_init(|| Index::new(library));
        build(library, index, spec, &mut self.rng)
    }

    /// The next card in the deck's order (kinds take turns; reshuffled when all have been drawn).
    pub fn draw(&mut self) -> Option<CardSpec> {
        if self.queues.is_empty() {
            return None;
        }
        let queue = self.turn % self.queues.len();
        self.turn += 1;
        if self.positions[queue] >= self.queues[queue].len() {
            self.rng.shuffle(&mut self.queues[queue]);
            self.positions[queue] = 0;
        }
        let spec = *self.queues[queue].get(self.positions[queue])?;
        self.positions[queue] += 1;
        Some(spec)
    }
}

/// The cards of one kind about the topic at `at`. A card's target is its index into
/// `Topic::points()` (or `examples`), so ids stay put when points of the answer plan, which are
/// never quizzed, sit among them. A point that does not stand alone is skipped when drawn.
pub(crate) fn specs_for(library: &Library, at: TopicRef, kind: QuestionKind) -> Vec<CardSpec> {
    let Some(topic) = library.topic(at) else {
        return Vec::new();
    };
    let targets: Vec<usize> = match kind {
        QuestionKind::ExampleToTopic => (0..topic.examples.len()).collect(),
        QuestionKind::PointToTopic | QuestionKind::TopicToPoint => topic
            .points()
            .enumerate()
            .filter(|(_, (list, _))| is_quizzed_list(list))
            .map(|(i, _)| i)
            .collect(),
        QuestionKind::FlipCard => (0..usize::from(topic.is_quizzable())).collect(),
    };
    targets
        .into_iter()
        .map(|target| CardSpec {
            kind,
            topic: at,
            target,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_guide;
    use crate::quiz::Body;
    use crate::quiz::build::{OPTIONS, normal};
    use crate::test_support::builtin_library as builtin;
    use std::collections::HashSet;

    fn questions(library: &Library, scope: Scope, seed: u64, n: usize) -> Vec<Question> {
        let mut deck = QuizDeck::new(library, scope, seed);
        (0..n).filter_map(|_| deck.next_question(library)).collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_questions() {
        let library = builtin();
        assert_eq!(
            questions(&library, Scope::All, 7, 40),
            questions(&library, Scope::All, 7, 40)
        );
        assert_ne!(
            questions(&library, Scope::All, 7, 40),
            questions(&library, Scope::All, 8, 40)
        );
    }

    #[test]
    fn every_question_has_four_distinct_options_and_one_right_answer() {
        let library = builtin();
        for question in questions(&library, Scope::All, 1, 400) {
            let (options, _) = match &question.body {
                Body::Recall { lists } => {
                    assert!(lists.iter().any(|l| !l.points.is_empty()), "{question:?}");
                    continue;
                }
                Body::Choice { options, correct } => (options, correct),
            };
            assert_eq!(options.len(), OPTIONS, "{question:?}");
            let distinct: HashSet<String> = options.iter().map(|o| normal(o)).collect();
            assert_eq!(distinct.len(), OPTIONS, "duplicate options: {question:?}");
            let topic = library.topic(question.topic).map(|t| t.title.to_string());
            match question.kind {
                QuestionKind::ExampleToTopic | QuestionKind::PointToTopic => {
                    assert_eq!(Some(question.correct_text().to_owned()), topic);
                }
                QuestionKind::TopicToPoint => {
                    let own: HashSet<String> = library
                        .topic(question.topic)
                        .map(|t| t.points().map(|(_, p)| normal(p)).collect())
                        .unwrap_or_default();
                    let right: Vec<_> = options
                        .iter()
                        .filter(|o| own.contains(&normal(o)))
                        .collect();
                    assert_eq!(right, [question.correct_text()], "{question:?}");
                }
                QuestionKind::FlipCard => unreachable!(),
            }
        }
    }

    #[test]
    fn kinds_take_turns() {
        let library = builtin();
        let kinds: HashSet<QuestionKind> = questions(&library, Scope::All, 3, 4)
            .iter()
            .map(|q| q.kind)
            .collect();
        assert_eq!(kinds.len(), 4);
    }

    #[test]
    fn a_guide_scope_asks_only_about_that_guide() {
        let library = builtin();
        assert!(
            questions(&library, Scope::Guide(2), 5, 50)
                .iter()
                .all(|q| q.topic.guide == 2)
        );
    }

    #[test]
    fn a_point_two_topics_share_is_never_a_distractor() {
        let text = "+++\nid = \"g\"\ntitle = \"G\"\ncriterion = \"C\"\nverb = \"explain\"\nsource = \"S\"\n+++\n\n\
            ## A {#a}\n\nS.\n\n### Key features\n\n- Shared point\n- Only in A\n\n\
            ## B {#b}\n\nS.\n\n### Key features\n\n- Shared point\n- Only in B\n\n\
            ## C {#c}\n\nS.\n\n### Key features\n\n- Only in C\n- Another in C\n\n\
            ## D {#d}\n\nS.\n\n### Key features\n\n- Only in D\n- Another in D\n\n\
            ## E {#e}\n\nS.\n\n### Key features\n\n- Only in E\n";
        let library = match parse_guide("g.md", text.as_bytes()) {
            Ok(guide) => Library {
                guides: vec![guide],
            },
            Err(e) => panic!("{e:?}"),
        };
        for question in questions(&library, Scope::All, 11, 300) {
            let Some((options, correct)) = question.choice() else {
                continue;
            };
            match question.kind {
                QuestionKind::TopicToPoint => {
                    let wrong: Vec<&String> = options
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| i != correct)
                        .map(|(_, o)| o)
                        .collect();
                    if question.topic.topic <= 1 {
                        assert!(
                            !wrong.iter().any(|o| o.as_str() == "Shared point"),
                            "{question:?}"
                        );
                    }
                }
                QuestionKind::PointToTopic if question.subject == "Shared point" => {
                    // The other topic holding the point must not be offered as a wrong answer.
                    let other = if question.correct_text() == "A" {
                        "B"
                    } else {
                        "A"
                    };
                    assert!(!options.iter().any(|o| o == other), "{question:?}");
                }
                _ => {}
            }
        }
    }
}
