#![allow(clippy::unwrap_used, clippy::expect_used)]
//! A wrong option is never defensibly right: decided from meaning, not exact text. Each case is
//! asked many times (every draw of the options) so a rule that holds by luck would be caught.

use carestudy::content::{Library, TopicRef, load_builtin, parse_guide};
use carestudy::quiz::{CardSpec, Question, QuestionKind, QuizDeck, Scope};

const DRAWS: u64 = 60;

fn topic_titled(library: &Library, title: &str) -> TopicRef {
    library
        .topic_refs()
        .find(|&at| library.topic(at).unwrap().title == title)
        .unwrap_or_else(|| panic!("no topic {title}"))
}

/// The card of `kind` about the point (or example) `text` of `topic`.
fn card(library: &Library, topic: TopicRef, kind: QuestionKind, text: &str) -> CardSpec {
    let t = library.topic(topic).unwrap();
    let target = if kind == QuestionKind::ExampleToTopic {
        t.examples.iter().position(|e| e == text)
    } else {
        t.points().position(|(_, p)| p == text)
    }
    .unwrap_or_else(|| panic!("{text} is not in {}", t.title));
    CardSpec {
        kind,
        topic,
        target,
    }
}

/// The card's question drawn many times (each draw picks its wrong options afresh).
fn draws(library: &Library, spec: CardSpec) -> Vec<Question> {
    let mut deck = QuizDeck::new(library, Scope::All, 7);
    (0..DRAWS)
        .map(|_| {
            deck.try_question(library, spec)
                .unwrap_or_else(|e| panic!("{spec:?} cannot be asked: {e:?}"))
        })
        .collect()
}

fn wrong_options(question: &Question) -> Vec<&str> {
    let (options, correct) = question.choice().unwrap();
    options
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != correct)
        .map(|(_, o)| o.as_str())
        .collect()
}

#[test]
fn a_list_of_components_never_offers_the_topics_it_names() {
    let library = load_builtin().unwrap();
    let parts = topic_titled(&library, "The parts of a strong therapeutic relationship");
    let spec = card(
        &library,
        parts,
        QuestionKind::PointToTopic,
        "Working together towards shared goals",
    );
    for question in draws(&library, spec) {
        let wrong = wrong_options(&question);
        assert!(
            !wrong.iter().any(|o| o.starts_with("Component:")),
            "a component is offered as a wrong answer: {wrong:?}"
        );
    }
    // And the other way round: no point of a component is a wrong "point of the parts".
    let spec = CardSpec {
        kind: QuestionKind::TopicToPoint,
        topic: parts,
        target: 0,
    };
    let children: Vec<String> = library
        .topic_refs()
        .filter(|&at| library.topic(at).unwrap().title.starts_with("Component:"))
        .flat_map(|at| {
            library
                .topic(at)
                .unwrap()
                .points()
                .map(|(_, p)| p.to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    for question in draws(&library, spec) {
        for option in wrong_options(&question) {
            assert!(
                !children.iter().any(|c| c == option),
                "{option} is a component's point"
            );
        }
    }
}

#[test]
fn a_point_that_says_what_the_topic_is_about_is_never_a_wrong_point_of_it() {
    let library = load_builtin().unwrap();
    let communication = topic_titled(&library, "Component: communication");
    for target in 0..library.topic(communication).unwrap().point_count() {
        let spec = CardSpec {
            kind: QuestionKind::TopicToPoint,
            topic: communication,
            target,
        };
        for question in draws(&library, spec) {
            for option in wrong_options(&question) {
                assert!(
                    !option.to_lowercase().contains("communicat"),
                    "a point about communicating is a wrong point of `Component: communication`: {option}"
                );
            }
        }
    }
}

fn guide(body: &str) -> Library {
    let text = format!(
        "+++\nid = \"g\"\ntitle = \"G\"\ncriterion = \"C\"\nverb = \"explain\"\nsource = \"S\"\n+++\n\n{body}"
    );
    Library {
        guides: vec![parse_guide("g.md", text.as_bytes()).unwrap()],
    }
}

/// Five unrelated topics plus the ones a test is about, so a question always has enough sound
/// wrong options.
const FILLER: &str = "## Rotas {#rotas}\n\nS.\n\n### Key features\n\n- Shift patterns are planned a month in advance.\n\n\
    ## Uniform {#uniform}\n\nS.\n\n### Key features\n\n- Tunics are washed at sixty degrees after each shift.\n\n\
    ## Parking {#parking}\n\nS.\n\n### Key features\n\n- Visitors leave their cars in the lower car park.\n\n\
    ## Fire drills {#fire}\n\nS.\n\n### Key features\n\n- Alarms are tested every Monday morning at ten.\n\n\
    ## Meals {#meals}\n\nS.\n\n### Key features\n\n- Lunch is served in the dining room at noon.\n\n";

#[test]
fn a_topic_whose_point_says_the_same_thing_in_other_words_is_never_a_wrong_answer() {
    let library = guide(&format!(
        "{FILLER}## Reporting {{#reporting}}\n\nS.\n\n### Key features\n\n- Staff share important information at every handover.\n\n\
         ## Continuity {{#continuity}}\n\nS.\n\n### Key features\n\n- At each handover, important information is shared between colleagues.\n"
    ));
    let reporting = topic_titled(&library, "Reporting");
    let spec = card(
        &library,
        reporting,
        QuestionKind::PointToTopic,
        "Staff share important information at every handover.",
    );
    for question in draws(&library, spec) {
        assert!(
            !wrong_options(&question).contains(&"Continuity"),
            "{question:?}"
        );
    }
}

#[test]
fn a_topic_named_in_the_question_or_linked_by_see_also_is_never_a_wrong_answer() {
    let library = guide(&format!(
        "{FILLER}## Safeguarding {{#safeguarding}}\n\nS.\n\n### Key features\n\n- Report any sign of neglect to the named lead the same day.\n\n\
         ## Neglect {{#neglect}}\n\nS.\n\n### Key features\n\n- Weight loss and missed medication can be warning signs.\n\n\
         ## Whistleblowing {{#whistleblowing}}\n\nS.\n\n### Key features\n\n- A worker can raise concerns outside the organisation.\n\n\
         ### See also\n\n- safeguarding\n"
    ));
    let safeguarding = topic_titled(&library, "Safeguarding");
    let spec = card(
        &library,
        safeguarding,
        QuestionKind::PointToTopic,
        "Report any sign of neglect to the named lead the same day.",
    );
    for question in draws(&library, spec) {
        let wrong = wrong_options(&question);
        assert!(!wrong.contains(&"Neglect"), "named in the point: {wrong:?}");
        assert!(
            !wrong.contains(&"Whistleblowing"),
            "linked by See also: {wrong:?}"
        );
    }
}
