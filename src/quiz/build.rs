//! Building one question from a card: its prompt, its subject and, for multiple choice, three
//! wrong options that are sound (see [`super::meaning`] for the rule) and preferably from the
//! question's own guide.

use super::card::CardSpec;
use super::draw::{candidates, draw_wrong};
use super::meaning::{Meanings, Stems, idea};
use super::question::{Body, Question, QuestionKind, RecallList};
use super::standalone::{NotStandAlone, stand_alone_problem};
use crate::content::{ANSWER_PLAN, EXAMPLES, KEY_FEATURES, Library, Texts, Topic, TopicRef};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Options in a multiple-choice question.
pub const OPTIONS: usize = 4;

/// A title or text more topics share than this is never a wrong option: it is too common to
/// say which topic it stands for (generated guides repeat stock sentences in a hundred
/// topics), and checking every topic that has it made each try cost more as a library grew.
const MOST_SHARING: usize = 8;

/// Why a card has no question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unaskable {
    /// The card's topic, point or example is not in the library.
    Missing,
    /// The point or example needs its topic to make sense, so it is never asked on its own.
    NotStandAlone(NotStandAlone),
    /// Fewer sound wrong options than a question needs.
    TooFewOptions(usize),
    /// Not a question at all: the written answer plan, or a topic with nothing to recall.
    NotQuizzed,
}

/// Text compared without case, punctuation or spacing, so near-identical points count as one.
pub(crate) fn normal(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A point of a topic, by its index in `Topic::points()`, or an example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Item {
    Point(usize),
    Example(usize),
}

impl Item {
    pub(crate) fn text(self, topic: &Topic) -> Option<&str> {
        match self {
            Item::Point(i) => topic.points().nth(i).map(|(_, p)| p),
            Item::Example(i) => topic.examples.get(i),
        }
    }

    /// The list the item is in ("Key features", "Examples", "Tips"...).
    pub(crate) fn list(self, topic: &Topic) -> Option<&str> {
        match self {
            Item::Point(i) => topic.points().nth(i).map(|(list, _)| list),
            Item::Example(_) => Some(EXAMPLES),
        }
    }

    pub(crate) fn line(self, topic: &Topic) -> usize {
        match self {
            Item::Point(i) => topic.point_lines().nth(i).unwrap_or(topic.line),
            Item::Example(i) => topic.example_line(i),
        }
    }
}

/// Everything a question is built from, made once per deck on first use: every topic title and
/// every text of the library normalised and grouped, and their meanings (made as needed).
#[derive(Debug)]
pub(crate) struct Index {
    pub(crate) meanings: Meanings,
    /// Each distinct title (normalised) and the topics that have it.
    titles: Vec<(String, Vec<TopicRef>)>,
    /// Where each normalised title is in `titles`.
    title_group: HashMap<String, usize>,
    /// For each guide, the places in `titles` of its topics' titles, ascending.
    titles_in_guide: Vec<Vec<usize>>,
    /// Each distinct point text (normalised): one way it is written, and every point that says
    /// it. Points of the answer plan are not quizzed and are left out.
    points: Vec<(String, Vec<(TopicRef, usize)>)>,
    /// Where each normalised point text is in `points`.
    point_group: HashMap<String, usize>,
    /// For each guide, the places in `points` of the texts its topics say, ascending. With
    /// these a question finds its own guide's candidates, and leaves them out of the others',
    /// without reading every text of the library.
    points_in_guide: Vec<Vec<usize>>,
    /// How many topics the library holds.
    topic_count: usize,
    /// Normalised text -> the topics holding it as a point or example.
    holders: HashMap<String, Vec<TopicRef>>,
    /// The content words of texts already looked at: a question compares its subject with
    /// many candidates, and the audit every card with every candidate.
    ideas: RefCell<HashMap<String, Rc<Stems>>>,
    /// Whether a text stands alone as an item of a topic, for texts already looked at.
    stands_alone: RefCell<HashMap<(TopicRef, String), bool>>,
}

impl Index {
    pub(crate) fn new(library: &Library) -> Self {
        let mut title_groups: HashMap<String, usize> = HashMap::new();
        let mut titles: Vec<(String, Vec<TopicRef>)> = Vec::new();
        let mut point_groups: HashMap<String, usize> = HashMap::new();
        let mut points: Vec<(String, Vec<(TopicRef, usize)>)> = Vec::new();
        let mut holders: HashMap<String, Vec<TopicRef>> = HashMap::new();
        let mut titles_in_guide = vec![Vec::new(); library.guides.len()];
        let mut points_in_guide = vec![Vec::new(); library.guides.len()];
        for at in library.topic_refs() {
            let Some(topic) = library.topic(at) else {
                continue;
            };
            if !topic.is_quizzable() {
                continue;
            }
            let key = normal(&topic.title);
            let group = *title_groups.entry(key.clone()).or_insert_with(|| {
                titles.push((key, Vec::new()));
                titles.len() - 1
            });
            titles[group].1.push(at);
            titles_in_guide[at.guide].push(group);
            for (i, (list, point)) in topic.points().enumerate() {
                let key = normal(point);
                holders.entry(key.clone()).or_default().push(at);
                if is_quizzed_list(list) {
                    let group = *point_groups.entry(key.clone()).or_insert_with(|| {
                        points.push((key, Vec::new()));
                        points.len() - 1
                    });
                    points[group].1.push((at, i));
                    points_in_guide[at.guide].push(group);
                }
            }
            for example in &topic.examples {
                holders.entry(normal(example)).or_default().push(at);
            }
        }
        for topics in holders.values_mut() {
            topics.dedup();
        }
        for groups in titles_in_guide.iter_mut().chain(&mut points_in_guide) {
            groups.sort_unstable();
            groups.dedup();
        }
        Self {
            meanings: Meanings::new(library),
            titles,
            title_group: title_groups,
            titles_in_guide,
            points,
            point_group: point_groups,
            points_in_guide,
            topic_count: library.topic_count(),
            holders,
            ideas: RefCell::default(),
            stands_alone: RefCell::default(),
        }
    }

    /// The content words of `text` (see [`idea`]), worked out once per text.
    pub(crate) fn idea(&self, text: &str) -> Rc<Stems> {
        if let Some(found) = self.ideas.borrow().get(text) {
            return Rc::clone(found);
        }
        let made = Rc::new(idea(text));
        self.ideas
            .borrow_mut()
            .insert(text.to_owned(), Rc::clone(&made));
        made
    }

    /// The topics holding `text` as a point or example.
    pub(crate) fn holders(&self, text: &str) -> &[TopicRef] {
        self.holders.get(&normal(text)).map_or(&[], Vec::as_slice)
    }

    /// The topics titled `title` (compared normalised).
    pub(crate) fn titled(&self, title: &str) -> &[TopicRef] {
        self.title_group
            .get(&normal(title))
            .and_then(|&group| self.titles.get(group))
            .map_or(&[], |(_, topics)| topics.as_slice())
    }

    /// Why `text`, an item of the topic `at`, cannot be asked on its own, if it cannot.
    pub(crate) fn stand_alone(
        &self,
        library: &Library,
        at: TopicRef,
        text: &str,
    ) -> Option<NotStandAlone> {
        let title = library.topic(at).map_or("", |t| t.title.as_str());
        stand_alone_problem(text, title, self.meanings.label(at.guide))
    }

    /// Whether the topic `candidate` is a sound wrong answer to "which topic is `subject` (an
    /// item of `own`) from?": it does not hold the subject, is not related to `own`, and the
    /// subject does not belong to it by meaning.
    pub(crate) fn sound_topic(
        &self,
        library: &Library,
        own: TopicRef,
        subject: &str,
        subject_idea: &Stems,
        candidate: TopicRef,
    ) -> bool {
        !self.holders(subject).contains(&candidate)
            && !self.meanings.related(library, own, candidate)
            && !self.meanings.could_belong(library, subject_idea, candidate)
    }

    /// Whether `point`, a point of the topic `holder`, is a sound wrong answer to "which of
    /// these is a point of `own`?".
    pub(crate) fn sound_point(
        &self,
        library: &Library,
        own: TopicRef,
        point: &str,
        holder: TopicRef,
    ) -> bool {
        !self.holders(point).contains(&own)
            && !self.meanings.related(library, own, holder)
            && !self.meanings.could_belong(library, &self.idea(point), own)
            && self.stands_alone(library, holder, point)
    }

    /// Whether `text`, an item of the topic `at`, stands alone, remembered per topic and text.
    fn stands_alone(&self, library: &Library, at: TopicRef, text: &str) -> bool {
        let key = (at, text.to_owned());
        if let Some(&known) = self.stands_alone.borrow().get(&key) {
            return known;
        }
        let stands = self.stand_alone(library, at, text).is_none();
        self.stands_alone.borrow_mut().insert(key, stands);
        stands
    }
}

/// Whether points of a list with this name are asked about. The answer plan is how to write an
/// answer, not something the topic says.
pub(crate) fn is_quizzed_list(name: &str) -> bool {
    !name.eq_ignore_ascii_case(ANSWER_PLAN)
}

/// The question for `spec`, with its wrong options drawn by `rng`; or why there is none.
pub(crate) fn build(
    library: &Library,
    index: &Index,
    spec: CardSpec,
    rng: &mut fastrand::Rng,
) -> Result<Question, Unaskable> {
    let topic = library.topic(spec.topic).ok_or(Unaskable::Missing)?;
    let card_id = spec.id(library).ok_or(Unaskable::Missing)?;
    if spec.kind == QuestionKind::FlipCard {
        let lists = recall_lists(topic);
        if lists.is_empty() {
            return Err(Unaskable::NotQuizzed);
        }
        let names: Vec<String> = lists.iter().map(|l| l.heading.clone()).collect();
        return Ok(Question {
            kind: spec.kind,
            topic: spec.topic,
            prompt: format!("Recall what this topic says under {}.", join_names(&names)),
            subject: topic.title.to_string(),
            context: shared_title_context(library, index, spec.topic),
            body: Body::Recall { lists },
            card_id,
        });
    }
    let draft = draft(library, index, spec, rng)?;
    if draft.wrong.len() < OPTIONS - 1 {
        return Err(Unaskable::TooFewOptions(draft.wrong.len()));
    }
    let mut options = draft.wrong;
    options.push(draft.answer.clone());
    rng.shuffle(&mut options);
    let correct = options
        .iter()
        .position(|o| *o == draft.answer)
        .ok_or(Unaskable::Missing)?;
    Ok(Question {
        kind: spec.kind,
        topic: spec.topic,
        prompt: draft.prompt.to_owned(),
        subject: draft.subject,
        context: draft.context,
        body: Body::Choice { options, correct },
        card_id,
    })
}

/// A multiple-choice question before its options are shuffled together.
struct Draft {
    prompt: &'static str,
    subject: String,
    context: Option<String>,
    answer: String,
    /// Sound wrong options, own guide's first.
    wrong: Vec<String>,
}

/// The parts of the multiple-choice question for `spec`, with up to three sound wrong options
/// drawn by `rng`.
fn draft(
    library: &Library,
    index: &Index,
    spec: CardSpec,
    rng: &mut fastrand::Rng,
) -> Result<Draft, Unaskable> {
    let topic = library.topic(spec.topic).ok_or(Unaskable::Missing)?;
    let (item, prompt) = asked(spec).ok_or(Unaskable::NotQuizzed)?;
    if !item.list(topic).is_some_and(is_quizzed_list) {
        return Err(Unaskable::NotQuizzed);
    }
    let text = item.text(topic).ok_or(Unaskable::Missing)?;
    if let Some(problem) = index.stand_alone(library, spec.topic, text) {
        return Err(Unaskable::NotStandAlone(problem));
    }
    let asked = Asked {
        library,
        index,
        at: spec.topic,
        topic,
        item,
        text,
    };
    Ok(if spec.kind == QuestionKind::TopicToPoint {
        Draft {
            prompt,
            subject: topic.title.to_string(),
            context: shared_title_context(library, index, spec.topic),
            answer: text.to_owned(),
            wrong: asked.wrong_points(rng),
        }
    } else {
        Draft {
            prompt,
            subject: text.to_owned(),
            context: None,
            answer: topic.title.to_string(),
            wrong: asked.wrong_titles(rng),
        }
    })
}

/// The item a multiple-choice card asks about, and how it asks; none for a flip card.
fn asked(spec: CardSpec) -> Option<(Item, &'static str)> {
    let (point, example) = (Item::Point(spec.target), Item::Example(spec.target));
    match spec.kind {
        QuestionKind::ExampleToTopic => {
            Some((example, "Which topic does this example illustrate?"))
        }
        QuestionKind::PointToTopic => Some((point, "Which topic is this point from?")),
        QuestionKind::TopicToPoint => Some((point, "Which of these is a point of this topic?")),
        QuestionKind::FlipCard => None,
    }
}

/// The item a multiple-choice question is about, with what its wrong options are drawn from.
struct Asked<'a> {
    library: &'a Library,
    index: &'a Index,
    at: TopicRef,
    topic: &'a Topic,
    item: Item,
    /// The item's text.
    text: &'a str,
}

impl Asked<'_> {
    /// How many topics the guides other than the question's hold.
    fn other_topics(&self) -> usize {
        let own = self
            .library
            .guide(self.at.guide)
            .map_or(0, |g| g.topics.len());
        self.index.topic_count.saturating_sub(own)
    }

    /// Up to three points of other topics that are not points of this one ("which of these is
    /// a point of this topic?").
    fn wrong_points(&self, rng: &mut fastrand::Rng) -> Vec<String> {
        let (library, index, at) = (self.library, self.index, self.at);
        // A text the topic says too is not wrong.
        let own: Vec<usize> = (self.topic.points())
            .filter_map(|(_, p)| index.point_group.get(&normal(p)).copied())
            .collect();
        let in_guide = &index.points_in_guide;
        let (mut same, other) = candidates(in_guide, index.points.len(), at.guide, &own);
        let text_of = |g: usize| -> Option<&str> {
            let (holder, i) = *index.points[g].1.first()?;
            Item::Point(i).text(library.topic(holder)?)
        };
        let mut alike: HashMap<TopicRef, f64> = HashMap::new();
        let mut likeness = |g: usize| {
            index.points[g].1.first().map_or(1.0, |&(holder, _)| {
                *alike
                    .entry(holder)
                    .or_insert_with(|| index.meanings.likeness(library, at, holder))
            })
        };
        // A point read with its list's heading ("Mistakes to avoid: ...") may be a point of a
        // topic the point alone does not name.
        let heading_of = |g: usize| -> Option<&str> {
            let (holder, i) = *index.points[g].1.first()?;
            Item::Point(i)
                .list(library.topic(holder)?)
                .filter(|list| *list != KEY_FEATURES)
        };
        let sound = |g: usize| {
            text_of(g).is_some_and(|point| {
                let holders = index.holders(point);
                holders.len() <= MOST_SHARING
                    && holders
                        .iter()
                        .all(|&holder| index.sound_point(library, at, point, holder))
                    && heading_of(g).is_none_or(|heading| {
                        let idea = index.idea(&format!("{heading}: {point}"));
                        !index.meanings.could_belong(library, &idea, at)
                    })
            })
        };
        draw_wrong(
            &mut same,
            other,
            self.other_topics(),
            rng,
            &sound,
            &mut likeness,
        )
        .into_iter()
        .filter_map(|g| text_of(g).map(str::to_owned))
        .collect()
    }

    /// Up to three titles of other topics the item is not from ("which topic is this point
    /// from?").
    fn wrong_titles(&self, rng: &mut fastrand::Rng) -> Vec<String> {
        let (library, index, at, text) = (self.library, self.index, self.at, self.text);
        let subject_idea = index.idea(text);
        // A point read with its list's heading ("Mistakes to avoid: describing your duties...")
        // may belong to a topic the point alone does not name.
        let with_heading = self
            .item
            .list(self.topic)
            .filter(|list| *list != KEY_FEATURES && *list != EXAMPLES)
            .map(|list| index.idea(&format!("{list}: {text}")));
        let own: Vec<usize> = index
            .title_group
            .get(&normal(&self.topic.title))
            .copied()
            .into_iter()
            .collect();
        let in_guide = &index.titles_in_guide;
        let (mut same, other) = candidates(in_guide, index.titles.len(), at.guide, &own);
        let sound = |g: usize| {
            let titled = &index.titles[g].1;
            titled.len() <= MOST_SHARING
                && titled.iter().all(|&candidate| {
                    index.sound_topic(library, at, text, &subject_idea, candidate)
                        && with_heading.as_ref().is_none_or(|idea| {
                            !index.meanings.could_belong(library, idea, candidate)
                        })
                })
        };
        let mut likeness = |g: usize| {
            index.titles[g]
                .1
                .iter()
                .take(MOST_SHARING)
                .map(|&t| index.meanings.likeness(library, at, t))
                .fold(0.0, f64::max)
        };
        draw_wrong(
            &mut same,
            other,
            self.other_topics(),
            rng,
            &sound,
            &mut likeness,
        )
        .into_iter()
        .filter_map(|g| library.topic(*index.titles[g].1.first()?))
        .map(|t| t.title.to_string())
        .collect()
    }
}

/// Every list of a topic with its heading, as Browse shows them: key features, examples, then
/// the named lists.
pub(crate) fn recall_lists(topic: &Topic) -> Vec<RecallList> {
    let mut lists = Vec::new();
    let mut push = |heading: &str, points: &Texts| {
        if !points.is_empty() {
            lists.push(RecallList {
                heading: heading.to_owned(),
                points: points.to_vec(),
            });
        }
    };
    push(KEY_FEATURES, &topic.key_features);
    push(EXAMPLES, &topic.examples);
    for list in &topic.lists {
        push(&list.name, &list.points);
    }
    lists
}

/// "a, b and c".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The guide's title when another topic has the same title as the topic at `at`, so a card that
/// shows only the title says which one it means.
fn shared_title_context(library: &Library, index: &Index, at: TopicRef) -> Option<String> {
    let title = &library.topic(at)?.title;
    if index.titled(title).len() < 2 {
        return None;
    }
    Some(library.guide(at.guide)?.title.to_string())
}
