//! Wording a written-answer question as an assessor would, and reminding the learner what its
//! command verb asks for.
//!
//! Questions are built from the guide's command verb and the topic's title, so they read like
//! the criteria learners are assessed against ("Explain why trust matters in the therapeutic
//! relationship"). Titles come in three shapes, each with its own templates so the sentence
//! stays grammatical: a clause ("Why good working relationships matter", "What a handover
//! is"), a contrast ("Working versus personal relationships") and, most often, a noun phrase
//! ("Trust", "Professional boundaries", "Volunteers").

use super::words::{self, WordKind};
use crate::content::{CommandVerb, Guide, Library, Topic, TopicRef};
use std::collections::HashSet;

/// Used when a title has no words left after tidying.
const FALLBACK_TOPIC: &str = "this topic";

/// Where a noun-phrase topic is placed when the guide's title cannot say it.
const FIELD: &str = " in health and social care";

/// Where a comparison is asked for when the title names only one thing.
const TWO_SETTINGS: &str = " in two different health and social care settings";

/// The question written practice asks about `topic`: its assessment question word for word
/// when it has one (`### Assessment question`), otherwise one worded with the guide's command
/// verb from the topic's title ([`question`]).
pub fn question_for(guide: &Guide, topic: &Topic) -> String {
    match &topic.question {
        Some(asked) => asked.to_string(),
        None => question(guide.verb, &guide.title, &topic.title),
    }
}

/// The command verb of the question [`question_for`] asks: an assessment question's first word
/// when it is a command verb ("Explain how ..."), otherwise the guide's verb.
pub fn verb_for(guide: &Guide, topic: &Topic) -> CommandVerb {
    topic
        .question
        .as_deref()
        .and_then(|asked| asked.split_whitespace().next())
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase()
        })
        .and_then(|word| CommandVerb::parse(&word))
        .unwrap_or(guide.verb)
}

/// The order written practice takes `topics` in: the topics that carry an assessment question
/// first, in the guides' order (they are the questions learners actually sit), then the others
/// shuffled with `seed`. Topics with nothing to check an answer against (a glossary entry) are
/// left out.
pub fn writing_order(library: &Library, topics: &[TopicRef], seed: u64) -> Vec<TopicRef> {
    let with_points = |at: &&TopicRef| {
        library
            .topic(**at)
            .is_some_and(|t| !t.answer_points().is_empty())
    };
    let asks = |at: &TopicRef| library.topic(*at).is_some_and(|t| t.question.is_some());
    let mut first: Vec<TopicRef> = topics
        .iter()
        .filter(with_points)
        .copied()
        .filter(asks)
        .collect();
    first.sort();
    let mut rest: Vec<TopicRef> = topics
        .iter()
        .filter(with_points)
        .copied()
        .filter(|at| !asks(at))
        .collect();
    fastrand::Rng::with_seed(seed).shuffle(&mut rest);
    first.extend(rest);
    first
}

/// The question for a topic, worded with the guide's command verb.
///
/// The guide's title, up to any colon, places a noun-phrase topic ("Describe trust in the
/// therapeutic relationship"), unless the topic already names a setting or shares a word
/// with it, in which case the field itself is named or nothing is.
pub fn question(verb: CommandVerb, guide_title: &str, topic_title: &str) -> String {
    let topic = tidy_topic(topic_title);
    let verb_word = capitalised(verb.name());
    match Subject::of(&topic) {
        Subject::Why(clause) => match verb {
            CommandVerb::Identify | CommandVerb::Evaluate => {
                format!("{verb_word} the reasons {clause}.")
            }
            CommandVerb::Compare => format!("Compare the reasons {clause}{TWO_SETTINGS}."),
            _ => format!("{verb_word} {clause}."),
        },
        Subject::Clause(clause) => match verb {
            CommandVerb::Compare => format!("Compare {clause}{TWO_SETTINGS}."),
            _ => format!("{verb_word} {clause}."),
        },
        Subject::Contrast(first, second) => {
            let setting = setting(guide_title, &topic);
            match verb {
                CommandVerb::Explain => {
                    format!("Explain how {first} and {second} differ{setting}.")
                }
                CommandVerb::Compare => format!("Compare {first} and {second}{setting}."),
                _ => format!("{verb_word} the differences between {first} and {second}{setting}."),
            }
        }
        Subject::Noun(noun) => {
            let setting = setting(guide_title, &topic);
            let plural = is_plural(&noun);
            let (matters, plays) = if plural {
                ("matter", "play")
            } else {
                ("matters", "plays")
            };
            match verb {
                CommandVerb::Identify => format!("Identify the key features of {noun}{setting}."),
                CommandVerb::Outline => format!("Outline the role of {noun}{setting}."),
                CommandVerb::Describe => format!("Describe {noun}{setting}."),
                CommandVerb::Explain => format!("Explain why {noun} {matters}{setting}."),
                CommandVerb::Compare if names_two_things(&noun) => {
                    format!("Compare {noun}{setting}.")
                }
                CommandVerb::Compare => format!("Compare {noun}{TWO_SETTINGS}."),
                CommandVerb::Analyse => {
                    let setting = if setting.is_empty() {
                        " in the support people receive"
                    } else {
                        &setting
                    };
                    format!("Analyse the part {noun} {plays}{setting}.")
                }
                CommandVerb::Evaluate => format!("Evaluate the importance of {noun}{setting}."),
            }
        }
    }
}

/// One line on what an answer to `verb` must do, to show beside the question.
///
/// Verbs that ask for more than a list end by asking for an example from the learner's own
/// work, which assessors look for in those answers.
pub fn reminder(verb: CommandVerb) -> &'static str {
    match verb {
        CommandVerb::Identify => "Name the main points clearly; a short list is enough.",
        CommandVerb::Outline => "Set out the main points briefly, without going into detail.",
        CommandVerb::Describe => {
            "Give a detailed account of what it is and what it involves. \
             Include an example from your own work."
        }
        CommandVerb::Explain => {
            "Give reasons: say how and why it matters. Include an example from your own work."
        }
        CommandVerb::Compare => {
            "Say what is similar and what is different, point by point. \
             Include an example from your own work."
        }
        CommandVerb::Analyse => {
            "Break it into its parts, say how they work together and what difference each \
             makes. Include an example from your own work."
        }
        CommandVerb::Evaluate => {
            "Weigh up strengths and weaknesses and come to a judgement you can back up. \
             Include an example from your own work."
        }
    }
}

/// The shape of a topic title, which decides how a question can be worded around it.
#[derive(Debug, PartialEq, Eq)]
enum Subject {
    /// "why good working relationships matter"
    Why(String),
    /// "what a handover is", "how to build trust"
    Clause(String),
    /// "working" and "personal relationships", from "Working versus personal relationships"
    Contrast(String, String),
    /// "trust", "professional boundaries"
    Noun(String),
}

impl Subject {
    fn of(topic: &str) -> Self {
        let first_word = topic.split_whitespace().next().unwrap_or_default();
        match first_word.to_lowercase().as_str() {
            "why" => return Subject::Why(topic.to_owned()),
            "what" | "how" | "when" | "where" | "who" | "which" => {
                return Subject::Clause(topic.to_owned());
            }
            _ => {}
        }
        for separator in [" versus ", " vs. ", " vs "] {
            if let Some((first, second)) = topic.split_once(separator)
                && !first.trim().is_empty()
                && !second.trim().is_empty()
            {
                return Subject::Contrast(first.trim().to_owned(), second.trim().to_owned());
            }
        }
        Subject::Noun(topic.to_owned())
    }
}

/// A topic title made ready to sit inside a sentence: a one-word label before a colon is
/// dropped ("Component: trust and safety" -> "trust and safety"), a longer part before a
/// colon is kept on its own ("Keeping the relationship going: challenges and solutions" ->
/// "keeping the relationship going"), end punctuation goes and the first letter is lowercased
/// unless the title starts with a name ("NHS", "Mental Capacity Act").
fn tidy_topic(title: &str) -> String {
    let title = title.trim();
    let title = match title.split_once(':') {
        Some((label, rest)) if label.split_whitespace().count() <= 1 => rest,
        Some((before, _)) => before,
        None => title,
    };
    let tidied = lower_first(strip_end_punctuation(title));
    if tidied.is_empty() {
        FALLBACK_TOPIC.to_owned()
    } else {
        tidied
    }
}

/// The phrase that places a noun-phrase topic, with its leading space, or "" when the topic
/// places itself.
fn setting(guide_title: &str, topic: &str) -> String {
    if has_word(topic, "in") {
        return String::new();
    }
    let guide = guide_title.split(':').next().unwrap_or_default();
    let guide = lower_first(strip_end_punctuation(guide));
    let mut guide_words = guide.split_whitespace();
    let first = guide_words.next().unwrap_or_default();
    let second = guide_words.next().unwrap_or_default();
    let is_clause = matches!(
        first,
        "why" | "what" | "how" | "when" | "where" | "who" | "which"
    );
    if guide.is_empty() || is_clause || shares_a_word(&guide, topic) {
        let names_the_field = has_word(topic, "care") || has_word(topic, "health");
        return if names_the_field {
            String::new()
        } else {
            FIELD.to_owned()
        };
    }
    // "Working in partnership" is something done, not a place: "when working in partnership".
    let is_activity = first.ends_with("ing") && PREPOSITIONS.contains(&second);
    if is_activity {
        format!(" when {guide}")
    } else {
        format!(" in {guide}")
    }
}

const PREPOSITIONS: &[&str] = &[
    "about",
    "across",
    "alongside",
    "among",
    "as",
    "at",
    "between",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "through",
    "to",
    "with",
    "within",
    "without",
];

/// Whether two phrases share a meaningful word, by stem and synonym ("relationship" and
/// "Relationships"), so a question does not name the same thing twice.
fn shares_a_word(first: &str, second: &str) -> bool {
    let meaningful = |text: &str| -> HashSet<String> {
        words::terms(text)
            .into_iter()
            .filter(|term| term.kind != WordKind::Stop)
            .map(|term| term.stem)
            .collect()
    };
    !meaningful(first).is_disjoint(&meaningful(second))
}

/// Whether a noun phrase takes a plural verb ("boundaries matter", "trust matters"), judged by
/// the part before any preposition: "and" makes it plural unless it joins two activities
/// ("drawing and keeping boundaries"), otherwise its last word decides.
fn is_plural(noun: &str) -> bool {
    let head = head_words(noun);
    let Some(last) = head.last() else {
        return false;
    };
    let starts_with_activity = head.first().is_some_and(|word| word.ends_with("ing"))
        && head
            .get(1)
            .is_none_or(|word| matches!(word.as_str(), "and" | "or" | "a" | "an" | "the"));
    if starts_with_activity {
        return false;
    }
    if head.iter().any(|word| word == "and") {
        return true;
    }
    let last = last.trim_end_matches(|c: char| !c.is_alphanumeric());
    matches!(last, "people" | "children" | "men" | "women")
        || (last.ends_with('s') && !["ss", "us", "is"].iter().any(|end| last.ends_with(end)))
}

/// The words of a noun phrase before its first preposition, lowercased: "barriers" in
/// "Barriers to a therapeutic relationship".
fn head_words(noun: &str) -> Vec<String> {
    noun.split_whitespace()
        .map(str::to_lowercase)
        .take_while(|word| !PREPOSITIONS.contains(&word.as_str()))
        .collect()
}

/// Whether a noun phrase names two or more things that can be compared ("dignity and
/// respect"), as opposed to one thing with a list after it ("protection from harm and abuse").
fn names_two_things(noun: &str) -> bool {
    head_words(noun).iter().any(|word| word == "and")
}

fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|part| part.eq_ignore_ascii_case(word))
}

fn strip_end_punctuation(text: &str) -> &str {
    text.trim()
        .trim_end_matches(['.', '?', '!', ':', ';', ','])
        .trim_end()
}

/// Lowercases the first letter of a title so it can follow a verb, unless the title starts with
/// a name: a word with capitals after its first letter ("NHS", "GPs") or followed by a
/// capitalised word ("Mental Capacity Act"). An article before a name is lowercased ("the Care
/// Act 2014").
fn lower_first(text: &str) -> String {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    let capitals_inside = first.chars().skip(1).any(char::is_uppercase);
    let starts_a_name = second.chars().next().is_some_and(char::is_uppercase);
    let is_article = matches!(first, "The" | "A" | "An");
    if capitals_inside || (starts_a_name && !is_article) {
        return text.to_owned();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORKING: &str = "Working relationships in care settings";
    const THERAPEUTIC: &str = "The therapeutic relationship: working with the people you support";
    const WHY_WE: &str = "Why we develop professional relationships";

    #[test]
    fn noun_topics_are_placed_by_the_guide() {
        assert_eq!(
            question(CommandVerb::Describe, WORKING, "Volunteers"),
            "Describe volunteers in working relationships in care settings."
        );
        assert_eq!(
            question(CommandVerb::Explain, THERAPEUTIC, "Trust"),
            "Explain why trust matters in the therapeutic relationship."
        );
        assert_eq!(
            question(
                CommandVerb::Describe,
                "Working in partnership: professional relationships in care",
                "Trust"
            ),
            "Describe trust when working in partnership."
        );
    }

    #[test]
    fn a_guide_title_that_is_a_clause_gives_way_to_the_field() {
        assert_eq!(
            question(CommandVerb::Explain, WHY_WE, "Trust"),
            "Explain why trust matters in health and social care."
        );
    }

    #[test]
    fn a_topic_that_places_itself_or_repeats_the_guide_is_not_placed_again() {
        assert_eq!(
            question(
                CommandVerb::Describe,
                THERAPEUTIC,
                "Therapeutic relationships in teams"
            ),
            "Describe therapeutic relationships in teams."
        );
        assert_eq!(
            question(CommandVerb::Explain, WHY_WE, "Person-centred care"),
            "Explain why person-centred care matters."
        );
        assert_eq!(
            question(
                CommandVerb::Describe,
                "Relationships in care: the main types",
                "Person-centred relationships"
            ),
            "Describe person-centred relationships in health and social care."
        );
    }

    #[test]
    fn the_verb_agrees_with_the_topic() {
        assert_eq!(
            question(CommandVerb::Explain, WORKING, "Professional boundaries"),
            "Explain why professional boundaries matter in working relationships in care settings."
        );
        assert_eq!(
            question(CommandVerb::Explain, WHY_WE, "Dignity and respect"),
            "Explain why dignity and respect matter in health and social care."
        );
        assert_eq!(
            question(
                CommandVerb::Explain,
                WHY_WE,
                "Barriers to a therapeutic relationship"
            ),
            "Explain why barriers to a therapeutic relationship matter in health and social care."
        );
        assert_eq!(
            question(
                CommandVerb::Explain,
                WHY_WE,
                "Protection from exploitation, harm and abuse"
            ),
            "Explain why protection from exploitation, harm and abuse matters in health and social \
             care."
        );
        assert_eq!(
            question(
                CommandVerb::Explain,
                THERAPEUTIC,
                "Drawing and keeping boundaries"
            ),
            "Explain why drawing and keeping boundaries matters in the therapeutic relationship."
        );
        assert_eq!(
            question(CommandVerb::Analyse, WHY_WE, "Safeguarding process"),
            "Analyse the part safeguarding process plays in health and social care."
        );
    }

    #[test]
    fn clause_topics_are_used_as_they_are() {
        let topic = "Why good working relationships matter";
        assert_eq!(
            question(CommandVerb::Explain, WORKING, topic),
            "Explain why good working relationships matter."
        );
        assert_eq!(
            question(CommandVerb::Identify, WORKING, topic),
            "Identify the reasons why good working relationships matter."
        );
        assert_eq!(
            question(
                CommandVerb::Describe,
                "Shift handovers",
                "What a handover is"
            ),
            "Describe what a handover is."
        );
    }

    #[test]
    fn a_label_before_a_colon_is_dropped() {
        assert_eq!(
            question(
                CommandVerb::Describe,
                THERAPEUTIC,
                "Component: trust and safety"
            ),
            "Describe trust and safety in the therapeutic relationship."
        );
        assert_eq!(
            question(
                CommandVerb::Describe,
                WORKING,
                "Keeping the relationship going: challenges and solutions"
            ),
            "Describe keeping the relationship going in health and social care."
        );
    }

    #[test]
    fn contrasts_are_compared() {
        let topic = "Working versus personal relationships";
        assert_eq!(
            question(CommandVerb::Compare, WHY_WE, topic),
            "Compare working and personal relationships in health and social care."
        );
        assert_eq!(
            question(CommandVerb::Describe, WHY_WE, topic),
            "Describe the differences between working and personal relationships in health and \
             social care."
        );
        assert_eq!(
            question(CommandVerb::Compare, WHY_WE, "Trust"),
            "Compare trust in two different health and social care settings."
        );
        assert_eq!(
            question(CommandVerb::Compare, WHY_WE, "Dignity and respect"),
            "Compare dignity and respect in health and social care."
        );
    }

    #[test]
    fn an_article_before_a_name_is_lowercased() {
        const LAW: &str = "Working relationships under the law: acts, codes and regulators";
        assert_eq!(
            question(
                CommandVerb::Explain,
                LAW,
                "The Mental Capacity Act 2005: capacity and best interests"
            ),
            "Explain why the Mental Capacity Act 2005 matters in working relationships under the law."
        );
        assert_eq!(
            question(CommandVerb::Describe, WHY_WE, "A Deputy of the Court"),
            "Describe a Deputy of the Court in health and social care."
        );
        assert_eq!(
            question(CommandVerb::Describe, WHY_WE, "The role"),
            "Describe the role in health and social care."
        );
    }

    /// A topic titled "Volunteers" with an assessment question and key features, parsed as a
    /// guide file would be (so it keeps up with the model).
    fn topic_with(question: Option<&str>, points: &[&str]) -> Topic {
        let mut text = String::from("## Volunteers {#t}\n\nS.\n");
        if let Some(question) = question {
            text.push_str(&format!("\n### Assessment question\n\n{question}\n"));
        }
        if !points.is_empty() {
            text.push_str("\n### Key features\n\n");
            for point in points {
                text.push_str(&format!("- {point}\n"));
            }
        }
        guide_from(&text).topics.remove(0)
    }

    fn guide_from(body: &str) -> Guide {
        let text = format!(
            "+++\nid = \"g\"\ntitle = \"{WORKING}\"\ncriterion = \"C\"\nverb = \"describe\"\nsource = \"S\"\n+++\n\n{body}"
        );
        match crate::content::parse_guide("g.md", text.as_bytes()) {
            Ok(guide) => guide,
            Err(problems) => panic!("{problems:?}"),
        }
    }

    fn guide_with(topics: Vec<Topic>) -> Guide {
        let mut guide = guide_from("## Placeholder {#placeholder}\n\nS.\n");
        guide.topics = topics;
        guide
    }

    #[test]
    fn an_assessment_question_is_asked_as_written_with_its_own_verb() {
        let asked = topic_with(
            Some("Explain how a working relationship is different from a personal relationship."),
            &["A point"],
        );
        let plain = topic_with(None, &["A point"]);
        let guide = guide_with(vec![]);
        assert_eq!(
            question_for(&guide, &asked),
            "Explain how a working relationship is different from a personal relationship."
        );
        assert_eq!(verb_for(&guide, &asked), CommandVerb::Explain);
        assert_eq!(
            question_for(&guide, &plain),
            "Describe volunteers in working relationships in care settings."
        );
        assert_eq!(verb_for(&guide, &plain), CommandVerb::Describe);
        let not_a_verb = topic_with(Some("Why does trust matter?"), &["A point"]);
        assert_eq!(verb_for(&guide, &not_a_verb), CommandVerb::Describe);
    }

    #[test]
    fn assessment_questions_come_first_and_reading_matter_never() {
        let library = Library {
            guides: vec![guide_with(vec![
                topic_with(None, &["One"]),
                topic_with(Some("Describe it."), &["Two"]),
                topic_with(None, &[]),
                topic_with(None, &["Three"]),
                topic_with(Some("Explain it."), &["Four"]),
            ])],
        };
        let all: Vec<TopicRef> = library.topic_refs().collect();
        let at = |topic| TopicRef { guide: 0, topic };
        for seed in 0..20 {
            let order = writing_order(&library, &all, seed);
            assert_eq!(order.len(), 4, "the topic with no points is left out");
            assert_eq!(order[..2], [at(1), at(4)]);
            assert!(order[2..].contains(&at(0)) && order[2..].contains(&at(3)));
        }
    }

    #[test]
    fn names_keep_their_capitals() {
        assert_eq!(
            question(CommandVerb::Outline, WHY_WE, "Mental Capacity Act"),
            "Outline the role of Mental Capacity Act in health and social care."
        );
        assert_eq!(
            question(CommandVerb::Describe, WHY_WE, "NHS services"),
            "Describe NHS services in health and social care."
        );
    }

    #[test]
    fn every_question_is_one_sentence_starting_with_its_verb() {
        let titles = [
            "Volunteers",
            "Trust",
            "Why good working relationships matter",
            "Component: trust and safety",
            "Working versus personal relationships",
            "What a handover is",
            "",
            "  :  ",
            "Care",
        ];
        for verb in CommandVerb::ALL {
            for title in titles {
                for guide in [WORKING, THERAPEUTIC, WHY_WE, ""] {
                    let asked = question(verb, guide, title);
                    let verb_word = capitalised(verb.name());
                    assert!(asked.starts_with(&format!("{verb_word} ")), "{asked}");
                    assert!(asked.ends_with('.') && !asked.ends_with(".."), "{asked}");
                    assert!(!asked.contains("  ") && !asked.contains(" ."), "{asked}");
                }
            }
        }
        assert_eq!(
            question(CommandVerb::Describe, "", ""),
            "Describe this topic in health and social care."
        );
    }

    #[test]
    fn reminders_say_what_the_verb_asks_for() {
        assert!(reminder(CommandVerb::Describe).starts_with("Give a detailed account"));
        assert!(reminder(CommandVerb::Explain).contains("why it matters"));
        assert!(reminder(CommandVerb::Compare).contains("similar"));
        for verb in CommandVerb::ALL {
            let line = reminder(verb);
            assert!(!line.contains('\n') && line.ends_with('.'), "{line}");
            let wants_example = !matches!(verb, CommandVerb::Identify | CommandVerb::Outline);
            assert_eq!(
                line.ends_with("Include an example from your own work."),
                wants_example
            );
        }
    }
}
