//! The quiz audit (`carestudy check --quiz`): every question the guides can produce, built and
//! checked against the rules a question must keep, and `check`'s warnings about points that
//! cannot be asked on their own. Each finding names the guide's file and line.

use super::build::{Index, Item, OPTIONS, Unaskable, build, is_quizzed_list, normal};
use super::card::CardSpec;
use super::deck::specs_for;
use super::meaning::series_label;
use super::question::{Question, QuestionKind};
use super::standalone::TitleWords;
use crate::content::{Library, TopicRef};
use rustc_hash::FxHashMap;
use std::collections::HashSet;
use std::fmt;

/// The seed the audit builds its questions with, so its report is the same on every run.
const AUDIT_SEED: u64 = 17;

/// One problem, at a line of a guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The guide's file, as loaded (`content/trust.md`).
    pub path: String,
    pub line: usize,
    /// The card concerned (`guide/topic#kind:target`), or the item for a warning.
    pub card: String,
    pub problem: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.path, self.line, self.card, self.problem
        )
    }
}

/// What the audit found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditReport {
    /// Cards the guides define (one for each point and example, by kind, and a flip card for
    /// each topic with something to recall; never the answer plan).
    pub cards: usize,
    /// Questions built from them.
    pub generated: usize,
    /// Each question (or point that is never asked) that breaks a rule.
    pub flagged: Vec<Finding>,
    /// Cards with too few sound wrong options to be asked: not broken, but never asked (a small
    /// library, or a topic that overlaps most others).
    pub unaskable: Vec<Finding>,
}

/// Every point and example that would be asked on its own but cannot stand alone: it starts
/// with a word that refers back, is shorter than four words, or names its own topic's title.
pub fn stand_alone_warnings(library: &Library) -> Vec<Finding> {
    let labels: Vec<Option<String>> = library
        .guides
        .iter()
        .map(|g| series_label(&g.topics))
        .collect();
    let mut found = Vec::new();
    let mut titles = FxHashMap::default();
    let mut stems = FxHashMap::default();
    for at in library.topic_refs() {
        let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) else {
            continue;
        };
        let label = labels.get(at.guide).and_then(Option::as_deref);
        // Generated and series guides repeat titles, and titles share words: each is stemmed once.
        let title = titles
            .entry((topic.title.as_str(), label))
            .or_insert_with(|| TitleWords::with_known(&topic.title, label, &mut stems));
        let items = (0..topic.point_count())
            .map(Item::Point)
            .chain((0..topic.examples.len()).map(Item::Example));
        for item in items {
            if !item.list(topic).is_some_and(is_quizzed_list) {
                continue;
            }
            let Some(text) = item.text(topic) else {
                continue;
            };
            if let Some(problem) = title.problem(text) {
                let what = match item {
                    Item::Point(_) => "point",
                    Item::Example(_) => "example",
                };
                found.push(Finding {
                    path: guide.origin.clone(),
                    line: item.line(topic),
                    card: format!("{what} of `{}`", topic.title),
                    problem: format!("\"{text}\" {problem}"),
                });
            }
        }
    }
    found
}

/// Builds the question of every card in the library and lists each one that breaks a rule:
/// a card that cannot be asked (a point that does not stand alone, too few sound wrong
/// options), or a question whose options are not four distinct texts with exactly one right,
/// or one of whose wrong options could defensibly be right.
pub fn audit(library: &Library) -> AuditReport {
    let index = Index::new(library);
    let mut rng = fastrand::Rng::with_seed(AUDIT_SEED);
    let mut report = AuditReport::default();
    for at in library.topic_refs() {
        for spec in cards_of(library, at) {
            report.cards += 1;
            let problems = match build(library, &index, spec, &mut rng) {
                Ok(question) => {
                    report.generated += 1;
                    verify(library, &index, &question)
                }
                Err(Unaskable::NotStandAlone(problem)) => {
                    vec![format!(
                        "never asked: the {} {problem}",
                        item_noun(spec.kind)
                    )]
                }
                Err(Unaskable::TooFewOptions(found)) => {
                    let problem = format!(
                        "not asked: only {found} sound wrong option{} (a question needs {})",
                        if found == 1 { "" } else { "s" },
                        OPTIONS - 1
                    );
                    report.unaskable.push(finding(library, spec, problem));
                    Vec::new()
                }
                Err(Unaskable::NotQuizzed | Unaskable::Missing) => Vec::new(),
            };
            for problem in problems {
                report.flagged.push(finding(library, spec, problem));
            }
        }
    }
    report
}

/// Every card of the topic at `at`, of every kind.
fn cards_of(library: &Library, at: TopicRef) -> Vec<CardSpec> {
    QuestionKind::ALL
        .into_iter()
        .flat_map(|kind| specs_for(library, at, kind))
        .collect()
}

/// What a card of this kind asks about.
fn item_noun(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::ExampleToTopic => "example",
        QuestionKind::PointToTopic | QuestionKind::TopicToPoint => "point",
        QuestionKind::FlipCard => "topic",
    }
}

fn finding(library: &Library, spec: CardSpec, problem: String) -> Finding {
    let topic = library.topic(spec.topic);
    let line = topic.map_or(0, |topic| match spec.kind {
        QuestionKind::ExampleToTopic => Item::Example(spec.target).line(topic),
        QuestionKind::PointToTopic | QuestionKind::TopicToPoint => {
            Item::Point(spec.target).line(topic)
        }
        QuestionKind::FlipCard => topic.line,
    });
    Finding {
        path: library
            .guide(spec.topic.guide)
            .map_or_else(String::new, |g| g.origin.clone()),
        line,
        card: spec.id(library).unwrap_or_default(),
        problem,
    }
}

/// The rules a built multiple-choice question must keep, checked on its final options: each
/// wrong option is mapped back to every topic that has it (a title, or a point's text), so a
/// text two topics share is judged for both.
fn verify(library: &Library, index: &Index, question: &Question) -> Vec<String> {
    let Some((options, correct)) = question.choice() else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    let distinct: HashSet<String> = options.iter().map(|o| normal(o)).collect();
    if options.len() != OPTIONS || distinct.len() != OPTIONS {
        problems.push(format!(
            "options are not {OPTIONS} distinct texts: {options:?}"
        ));
    }
    let wrong = options
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != correct)
        .map(|(_, o)| o);
    for option in wrong {
        let problem = wrong_option_problem(
            library,
            index,
            question.kind,
            question.topic,
            &question.subject,
            option,
        );
        problems.extend(problem);
    }
    problems
}

/// What is wrong with `option` as a wrong answer to a question of `kind` about the topic `own`
/// showing `subject`, if anything: it is right after all, or it could defensibly be right. It
/// is judged for every topic that has it (a title, or a point's text).
fn wrong_option_problem(
    library: &Library,
    index: &Index,
    kind: QuestionKind,
    own: TopicRef,
    subject: &str,
    option: &str,
) -> Option<String> {
    match kind {
        QuestionKind::ExampleToTopic | QuestionKind::PointToTopic => {
            let subject_idea = index.idea(subject);
            let topics = index.titled(option);
            if topics.contains(&own) {
                return Some(format!("the wrong option \"{option}\" is the right topic"));
            }
            let defensible = topics.iter().find(|&&candidate| {
                !index.sound_topic(library, own, subject, &subject_idea, candidate)
            })?;
            Some(format!(
                "the wrong option \"{option}\" could be right: {}",
                why_related(library, index, own, subject, *defensible)
            ))
        }
        QuestionKind::TopicToPoint => {
            let holders = index.holders(option);
            if holders.contains(&own) {
                return Some(format!(
                    "the wrong option \"{option}\" is a point of the topic"
                ));
            }
            holders
                .iter()
                .any(|&holder| !index.sound_point(library, own, option, holder))
                .then(|| format!("the wrong option \"{option}\" could be a point of this topic"))
        }
        QuestionKind::FlipCard => None,
    }
}

/// A few words on why `candidate` would be a defensible answer for `subject`.
fn why_related(
    library: &Library,
    index: &Index,
    own: TopicRef,
    subject: &str,
    candidate: TopicRef,
) -> String {
    let title = library.topic(candidate).map_or("", |t| t.title.as_str());
    if index.holders(subject).contains(&candidate) {
        format!("`{title}` has the same text")
    } else if index.meanings.related(library, own, candidate) {
        format!("`{title}` overlaps the right topic")
    } else {
        format!("the text fits `{title}` too")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_guide;

    fn library(body: &str) -> Library {
        let text = format!(
            "+++\nid = \"g\"\ntitle = \"G\"\ncriterion = \"C\"\nverb = \"explain\"\nsource = \"S\"\n+++\n\n{body}"
        );
        match parse_guide("g.md", text.as_bytes()) {
            Ok(guide) => Library {
                guides: vec![guide],
            },
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn a_point_that_does_not_stand_alone_is_flagged_at_its_line() {
        let library = library(
            "## Trust {#trust}\n\nS.\n\n### Key features\n\n- They pass on important information.\n- Trust builds slowly over many months.\n",
        );
        let warnings = stand_alone_warnings(&library);
        let lines: Vec<(usize, bool)> = warnings
            .iter()
            .map(|w| (w.line, w.problem.contains("names its own topic")))
            .collect();
        assert_eq!(lines, [(15, false), (16, true)], "{warnings:?}");
        assert!(
            warnings[0]
                .to_string()
                .starts_with("g.md:15: point of `Trust`: \"They pass")
        );
    }

    #[test]
    fn a_card_without_enough_sound_options_is_noted_but_not_flagged() {
        let library = library(
            "## Listening {#a}\n\nS.\n\n### Key features\n\n- Hear people out before you answer them.\n\n\
             ## Writing notes {#b}\n\nS.\n\n### Key features\n\n- Record visits on the day they happen.\n",
        );
        let report = audit(&library);
        assert_eq!(report.generated, 2, "the two flip cards: {report:?}");
        assert!(report.flagged.is_empty(), "{report:?}");
        assert_eq!(report.unaskable.len(), 4, "{report:?}");
        assert!(
            report.unaskable[0]
                .problem
                .contains("only 1 sound wrong option"),
            "{report:?}"
        );
    }
}
