use super::card::CardSpec;
use super::question::{Body, Question, QuestionKind, RecallList};
use crate::content::{KEY_FEATURES, Library, TopicRef};
use std::collections::HashSet;

const OPTIONS: usize = 4;

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
    /// The library's texts normalised, made when the first question is drawn (a deck is only
    /// ever used with the library it was made for).
    normals: std::cell::OnceCell<Normals>,
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
            normals: std::cell::OnceCell::new(),
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
        // that cannot have four distinct options is skipped. Bounded by the number of cards.
        for _ in 0..=self.len() {
            let spec = self.draw()?;
            let normals = self.normals.get_or_init(|| Normals::new(library));
            if let Some(question) = build(library, normals, spec, &mut self.rng) {
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
        let normals = self.normals.get_or_init(|| Normals::new(library));
        build(library, normals, spec, &mut self.rng)
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

fn specs_for(library: &Library, at: TopicRef, kind: QuestionKind) -> Vec<CardSpec> {
    let Some(topic) = library.topic(at) else {
        return Vec::new();
    };
    let count = match kind {
        QuestionKind::ExampleToTopic => topic.examples.len(),
        QuestionKind::PointToTopic | QuestionKind::TopicToPoint => topic.point_count(),
        QuestionKind::FlipCard => usize::from(!topic.key_features.is_empty()),
    };
    (0..count)
        .map(|target| CardSpec {
            kind,
            topic: at,
            target,
        })
        .collect()
}

/// Text compared without case, punctuation or spacing, so near-identical points count as one.
fn normal(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A topic's texts in the form options are compared in.
#[derive(Debug, Clone)]
struct TopicNormals {
    title: String,
    /// In the order of `Topic::points()`.
    points: Vec<String>,
    point_set: HashSet<String>,
    examples: HashSet<String>,
}

/// Every topic's texts normalised once, rather than once for every question drawn: a question
/// compares its answer with every other topic's points.
#[derive(Debug, Clone)]
struct Normals {
    /// Indexed by guide, then topic.
    topics: Vec<Vec<TopicNormals>>,
}

impl Normals {
    fn new(library: &Library) -> Self {
        let topics = library
            .guides
            .iter()
            .map(|guide| {
                guide
                    .topics
                    .iter()
                    .map(|topic| {
                        let points: Vec<String> = topic.points().map(|(_, p)| normal(p)).collect();
                        TopicNormals {
                            title: normal(&topic.title),
                            point_set: points.iter().cloned().collect(),
                            points,
                            examples: topic.examples.iter().map(|e| normal(e)).collect(),
                        }
                    })
                    .collect()
            })
            .collect();
        Self { topics }
    }

    fn get(&self, at: TopicRef) -> Option<&TopicNormals> {
        self.topics.get(at.guide)?.get(at.topic)
    }
}

/// Distractor candidates split by where they come from: the question's own guide is preferred.
#[derive(Default)]
struct Pool {
    same_guide: Vec<String>,
    other_guides: Vec<String>,
}

impl Pool {
    fn add(&mut self, same_guide: bool, text: String) {
        if same_guide {
            self.same_guide.push(text);
        } else {
            self.other_guides.push(text);
        }
    }
}

fn build(
    library: &Library,
    normals: &Normals,
    spec: CardSpec,
    rng: &mut fastrand::Rng,
) -> Option<Question> {
    let topic = library.topic(spec.topic)?;
    let own = normals.get(spec.topic)?;
    let card_id = spec.id(library)?;
    match spec.kind {
        QuestionKind::FlipCard => Some(Question {
            kind: spec.kind,
            topic: spec.topic,
            prompt: "Recall the key points of this topic.".to_owned(),
            subject: topic.title.clone(),
            body: Body::Recall {
                lists: vec![RecallList {
                    heading: KEY_FEATURES.to_owned(),
                    points: topic.key_features.clone(),
                }],
            },
            card_id,
        }),
        QuestionKind::ExampleToTopic | QuestionKind::PointToTopic => {
            let (subject, prompt) = if spec.kind == QuestionKind::ExampleToTopic {
                let example = topic.examples.get(spec.target)?;
                (example.clone(), "Which topic does this example illustrate?")
            } else {
                let (_, point) = topic.points().nth(spec.target)?;
                (point.to_owned(), "Which topic is this point from?")
            };
            let subject_key = normal(&subject);
            let holds_subject = |t: &TopicNormals| {
                t.examples.contains(&subject_key) || t.point_set.contains(&subject_key)
            };
            let mut seen = HashSet::from([own.title.as_str()]);
            let mut pool = Pool::default();
            for other in library.topic_refs().filter(|&o| o != spec.topic) {
                let (candidate, forms) = (library.topic(other)?, normals.get(other)?);
                // A topic that also holds the subject would be a second right answer.
                if !holds_subject(forms) && seen.insert(forms.title.as_str()) {
                    pool.add(other.guide == spec.topic.guide, candidate.title.clone());
                }
            }
            let head = Head {
                prompt,
                subject,
                card_id,
            };
            assemble(spec, topic.title.clone(), pool, head, rng)
        }
        QuestionKind::TopicToPoint => {
            let (_, answer) = topic.points().nth(spec.target)?;
            let mut seen = HashSet::new();
            let mut pool = Pool::default();
            for other in library.topic_refs().filter(|&o| o != spec.topic) {
                let (candidate, forms) = (library.topic(other)?, normals.get(other)?);
                for ((_, point), key) in candidate.points().zip(&forms.points) {
                    // A point the topic also has is not wrong, so it can never be a distractor.
                    if !own.point_set.contains(key) && seen.insert(key.as_str()) {
                        pool.add(other.guide == spec.topic.guide, point.to_owned());
                    }
                }
            }
            let prompt = "Which of these is a point of this topic?";
            let head = Head {
                prompt,
                subject: topic.title.clone(),
                card_id,
            };
            assemble(spec, answer.to_owned(), pool, head, rng)
        }
    }
}

/// The parts of a multiple-choice question that do not depend on the options.
struct Head<'a> {
    prompt: &'a str,
    subject: String,
    card_id: String,
}

/// Draws three distractors (own guide first) and shuffles them in with the answer.
fn assemble(
    spec: CardSpec,
    answer: String,
    pool: Pool,
    head: Head,
    rng: &mut fastrand::Rng,
) -> Option<Question> {
    let Pool {
        mut same_guide,
        mut other_guides,
    } = pool;
    if same_guide.len() + other_guides.len() < OPTIONS - 1 {
        return None;
    }
    rng.shuffle(&mut same_guide);
    let mut options: Vec<String> = same_guide.into_iter().take(OPTIONS - 1).collect();
    if options.len() < OPTIONS - 1 {
        rng.shuffle(&mut other_guides);
        let missing = OPTIONS - 1 - options.len();
        options.extend(other_guides.into_iter().take(missing));
    }
    options.push(answer.clone());
    rng.shuffle(&mut options);
    let correct = options.iter().position(|o| *o == answer)?;
    Some(Question {
        kind: spec.kind,
        topic: spec.topic,
        prompt: head.prompt.to_owned(),
        subject: head.subject,
        body: Body::Choice { options, correct },
        card_id: head.card_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_guide;
    use crate::test_support::builtin_library as builtin;

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
            let topic = library.topic(question.topic).map(|t| t.title.clone());
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
