//! Whether a wrong option could defensibly be right, decided from meaning rather than exact
//! text. Texts are compared by their stemmed content words (see [`crate::practice::words`]:
//! Snowball stems, stop words set aside, common synonyms joined), so "Working together towards
//! shared goals" and "Professionals and the people in their care aim for the same clear goals
//! together" are found to say the same thing.
//!
//! The rule, as `content/README.md` gives it to tutors. A topic is never offered as a wrong
//! answer to "which topic is this from?", and none of its points is offered as a wrong answer
//! to "which of these is a point of this topic?", when the two topics are **related**:
//!
//! - their titles share a key word ("Professional boundaries", "Drawing and keeping
//!   boundaries"), or one title's words are all in the other ("Service users", "Professionals
//!   and service users");
//! - one of them names the other in a point, as a list of components names its parts
//!   ("Trust and a sense of safety" under "The parts of a strong therapeutic relationship");
//! - one lists the other under `### See also`, or one is marked `.context` (wider context that
//!   frames the other topics of its guide) and they are in the same guide;
//! - they share a search term ("partnership working" under "Multi-agency working" and under
//!   "Professionals working with professionals"), or a search term of one holds a key word of
//!   the other's title ("partnership working", "Community and voluntary partnerships"): a
//!   learner looking for it finds both;
//! - a third topic of their guide names both in its points: parts of one whole, listed side by
//!   side ("Component: communication", "Component: empathy and understanding");
//! - their words as a whole are alike (the cosine of their content-word counts is 0.24 or
//!   more: "Colleagues" and "Professionals working with professionals").
//!
//! And, for each question, a wrong option is left out when the text asked about
//!
//! - names the option's topic: it holds a key word of the topic's title, or all the words of
//!   one of its search terms;
//! - or shares its key idea with one of that topic's points or examples: at least half of the
//!   content words of the shorter text, or three of them;
//! - or is written in that topic's words: at least two of its content words, and at least half
//!   of them, are found in the topic's title, summary, points and examples.
//!
//! Key words of a title are its content words, leaving out a label that several titles in a
//! guide start with ("Component:") and words found in so many titles that they tell topics
//! apart no better than "relationship" does: a tenth of all titles ("professional"), or half
//! of a guide's ("Act" in a guide of laws).

use crate::content::{Library, Topic, TopicRef};
use crate::practice::words::{WordKind, terms};
use std::cell::{OnceCell, RefCell};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A set of canonical stems, sorted.
pub(crate) type Stems = BTreeSet<String>;

/// A title word found in at least this share of all titles (and in at least
/// [`GENERIC_TITLE_MIN`] titles) says nothing about which topic is meant.
const GENERIC_TITLE_SHARE: f64 = 0.10;
const GENERIC_TITLE_MIN: usize = 4;
/// A guide needs at least this many titles sharing a word for it to be generic there.
const GENERIC_IN_GUIDE_MIN: usize = 3;

/// Word forms the Snowball stemmer keeps apart that mean the same thing when telling topics
/// apart ("advocacy" is what advocates do), each mapped to one stem.
const SAME_STEMS: &[(&str, &str)] = &[
    ("advocaci", "advoc"),
    ("voluntari", "volunt"),
    ("partnership", "partner"),
    ("decis", "decid"),
    ("supervisor", "supervis"),
    ("traine", "train"),
    ("learner", "learn"),
    ("agreement", "agre"),
];

pub(crate) fn merged(stem: String) -> String {
    match SAME_STEMS.iter().find(|(from, _)| *from == stem) {
        Some((_, to)) => (*to).to_owned(),
        None => stem,
    }
}

/// Topics whose words are this alike as a whole (see [`Meanings::likeness`]) cover the same
/// ground: "Colleagues" and "Professionals working with professionals".
const ALIKE: f64 = 0.24;

/// The content words of `text`: its distinctive stems, or its common ones when it has no
/// distinctive word at all ("Staff support one another").
pub(crate) fn idea(text: &str) -> Stems {
    let mut distinctive = Stems::new();
    let mut common = Stems::new();
    for term in terms(text) {
        match term.kind {
            WordKind::Distinctive => {
                distinctive.insert(merged(term.stem));
            }
            WordKind::Common => {
                common.insert(term.stem);
            }
            WordKind::Stop => {}
        }
    }
    if distinctive.is_empty() {
        common
    } else {
        distinctive
    }
}

/// Every non-stop stem of `text`, common words included.
fn all_stems(text: &str) -> Stems {
    terms(text)
        .into_iter()
        .filter(|t| t.kind != WordKind::Stop)
        .map(|t| merged(t.stem))
        .collect()
}

/// Whether two texts share their key idea: at least half of the shorter one's content words,
/// or three of them whatever the lengths.
pub(crate) fn same_idea(a: &Stems, b: &Stems) -> bool {
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        return false;
    }
    let shared = a.intersection(b).count();
    shared > 0 && (shared * 2 >= shorter || shared >= 3)
}

/// A topic's texts in the form they are compared in. Made the first time a question needs them.
#[derive(Debug, Clone)]
struct TopicMeaning {
    /// The title's key words (see the module doc).
    title_key: Stems,
    /// All of the title's content words, label left out, common words included.
    title_all: Stems,
    /// Each search term's content words.
    search_terms: Vec<Stems>,
    /// The content words of each point, in the order of `Topic::points()`, then each example.
    texts: Vec<Stems>,
    /// How often each content word occurs across the summary, points and examples, sorted by
    /// word, and the vector's length: the topic as a whole, for comparing with another.
    bag: Vec<(String, f64)>,
    norm: f64,
}

/// Meaning-based comparisons over a library, made lazily: a large library has thousands of
/// topics and a question looks at only a few of them.
#[derive(Debug)]
pub(crate) struct Meanings {
    /// Indexed by guide, then topic.
    topics: Vec<Vec<OnceCell<TopicMeaning>>>,
    /// Title stems too frequent to tell topics apart.
    generic: Stems,
    /// Per guide: title stems in half or more of its titles.
    generic_in_guide: Vec<Stems>,
    /// Per guide: the label several of its titles start with, if any ("Component").
    labels: Vec<Option<String>>,
    /// Indexed by guide, then topic: the topics its `See also` leads to, found once rather
    /// than by id for every comparison (a search of the whole library each time, #13.10).
    links: Vec<Vec<Vec<TopicRef>>>,
    /// Pairs of topics already compared, and whether they are related.
    relations: RefCell<HashMap<(TopicRef, TopicRef), bool>>,
}

/// Pairs of topics whose relation is remembered at most (a whole 300-topic library's pairs).
const RELATIONS_KEPT: usize = 50_000;

impl Meanings {
    pub(crate) fn new(library: &Library) -> Self {
        let labels: Vec<Option<String>> = library
            .guides
            .iter()
            .map(|g| series_label(&g.topics))
            .collect();
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut generic_in_guide = Vec::with_capacity(library.guides.len());
        for (g, guide) in library.guides.iter().enumerate() {
            let label = labels.get(g).cloned().flatten();
            let mut in_guide: HashMap<String, usize> = HashMap::new();
            for topic in &guide.topics {
                for stem in idea(strip_label(&topic.title, label.as_deref())) {
                    *counts.entry(stem.clone()).or_default() += 1;
                    *in_guide.entry(stem).or_default() += 1;
                }
            }
            // A word in half a guide's titles ("Act" in a guide of laws) tells them apart no
            // better than a label does.
            let half = guide.topics.len().div_ceil(2).max(GENERIC_IN_GUIDE_MIN);
            let generic: Stems = in_guide
                .into_iter()
                .filter(|&(_, n)| n >= half)
                .map(|(stem, _)| stem)
                .collect();
            generic_in_guide.push(generic);
        }
        let titles = library.topic_count();
        // Truncation is intended: a share of a count of titles.
        #[allow(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss
        )]
        let threshold =
            ((titles as f64 * GENERIC_TITLE_SHARE).ceil() as usize).max(GENERIC_TITLE_MIN);
        let generic = counts
            .into_iter()
            .filter(|&(_, n)| n >= threshold)
            .map(|(stem, _)| stem)
            .collect();
        let topics = library
            .guides
            .iter()
            .map(|g| g.topics.iter().map(|_| OnceCell::new()).collect())
            .collect();
        Self {
            topics,
            generic,
            generic_in_guide,
            labels,
            links: see_also_targets(library),
            relations: RefCell::default(),
        }
    }

    /// The series label of the guide's titles ("Component"), if it has one.
    pub(crate) fn label(&self, guide: usize) -> Option<&str> {
        self.labels.get(guide)?.as_deref()
    }

    fn get(&self, library: &Library, at: TopicRef) -> Option<&TopicMeaning> {
        let cell = self.topics.get(at.guide)?.get(at.topic)?;
        let topic = library.topic(at)?;
        Some(cell.get_or_init(|| self.make(topic, at.guide)))
    }

    fn make(&self, topic: &Topic, guide: usize) -> TopicMeaning {
        let label = self.labels.get(guide).cloned().flatten();
        let title = strip_label(&topic.title, label.as_deref());
        let in_guide = self.generic_in_guide.get(guide);
        let title_key = idea(title)
            .into_iter()
            .filter(|stem| !self.generic.contains(stem))
            .filter(|stem| !in_guide.is_some_and(|g| g.contains(stem)))
            .collect();
        let texts: Vec<Stems> = topic
            .points()
            .map(|(_, point)| idea(point))
            .chain(topic.examples.iter().map(idea))
            .collect();
        let mut counts: BTreeMap<&str, f64> = BTreeMap::new();
        let summary = idea(&topic.summary);
        for stem in texts.iter().flatten().chain(&summary) {
            *counts.entry(stem).or_default() += 1.0;
        }
        let bag: Vec<(String, f64)> = counts
            .into_iter()
            .map(|(stem, n)| (stem.to_owned(), n))
            .collect();
        let norm = bag.iter().map(|(_, n)| n * n).sum::<f64>().sqrt();
        TopicMeaning {
            bag,
            norm,
            title_key,
            title_all: all_stems(title),
            search_terms: topic.search_terms.iter().map(all_stems).collect(),
            texts,
        }
    }

    /// Whether two topics overlap so much that neither may stand in as a wrong answer for the
    /// other: shared title words, one title inside the other, or one naming the other in a point.
    pub(crate) fn related(&self, library: &Library, a: TopicRef, b: TopicRef) -> bool {
        if a == b {
            return true;
        }
        let key = (a.min(b), a.max(b));
        if let Some(&known) = self.relations.borrow().get(&key) {
            return known;
        }
        let related = self.compare(library, a, b);
        let mut relations = self.relations.borrow_mut();
        // A large library's questions try random pairs that rarely come again: kept all, they
        // filled hundreds of megabytes. Forgetting them now and then costs a second compare.
        if relations.len() >= RELATIONS_KEPT {
            relations.clear();
        }
        relations.insert(key, related);
        related
    }

    fn compare(&self, library: &Library, a: TopicRef, b: TopicRef) -> bool {
        let (Some(ta), Some(tb)) = (library.topic(a), library.topic(b)) else {
            return false;
        };
        if self.links_to(a, b) || self.links_to(b, a) {
            return true;
        }
        if a.guide == b.guide && (ta.context || tb.context) {
            return true;
        }
        let (Some(ma), Some(mb)) = (self.get(library, a), self.get(library, b)) else {
            return false;
        };
        let inside = |x: &Stems, y: &Stems| !x.is_empty() && x.is_subset(y);
        ma.title_key.intersection(&mb.title_key).next().is_some()
            || inside(&ma.title_all, &mb.title_all)
            || inside(&mb.title_all, &ma.title_all)
            || names_in_a_point(ma, mb)
            || names_in_a_point(mb, ma)
            || share_a_search_term(ma, mb)
            || share_a_search_term(mb, ma)
            || self.likeness(library, a, b) >= ALIKE
            || self.siblings(library, a, b)
    }

    /// Whether another topic of `a`'s or `b`'s guide names both in its points: parts of one
    /// whole, as a list of components names them.
    fn siblings(&self, library: &Library, a: TopicRef, b: TopicRef) -> bool {
        let (Some(ma), Some(mb)) = (self.get(library, a), self.get(library, b)) else {
            return false;
        };
        let guides = if a.guide == b.guide {
            vec![a.guide]
        } else {
            vec![a.guide, b.guide]
        };
        guides.into_iter().any(|guide| {
            let count = library.guide(guide).map_or(0, |g| g.topics.len());
            (0..count)
                .map(|topic| TopicRef { guide, topic })
                .filter(|&parent| parent != a && parent != b)
                .filter_map(|parent| self.get(library, parent))
                .any(|parent| names_in_a_point(parent, ma) && names_in_a_point(parent, mb))
        })
    }

    /// How alike two topics are as a whole: the cosine of their word counts, 0 to 1.
    pub(crate) fn likeness(&self, library: &Library, a: TopicRef, b: TopicRef) -> f64 {
        let (Some(ma), Some(mb)) = (self.get(library, a), self.get(library, b)) else {
            return 0.0;
        };
        if ma.norm == 0.0 || mb.norm == 0.0 {
            return 0.0;
        }
        // Both bags are sorted by word: walk them side by side. The counts are whole numbers,
        // so the sum is exact whatever its order.
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while let (Some((x, m)), Some((y, n))) = (ma.bag.get(i), mb.bag.get(j)) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += m * n;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot / (ma.norm * mb.norm)
    }

    /// Whether the topic at `from` lists the topic at `target` under `### See also`.
    fn links_to(&self, from: TopicRef, target: TopicRef) -> bool {
        self.links
            .get(from.guide)
            .and_then(|g| g.get(from.topic))
            .is_some_and(|targets| targets.contains(&target))
    }

    /// Whether `text` could defensibly belong to the topic `at`: it names the topic (a key
    /// word of its title, or a whole search term) or says what one of its points or examples
    /// says.
    pub(crate) fn could_belong(&self, library: &Library, text: &Stems, at: TopicRef) -> bool {
        let Some(meaning) = self.get(library, at) else {
            return false;
        };
        meaning.title_key.intersection(text).next().is_some()
            || meaning
                .search_terms
                .iter()
                .any(|term| !term.is_empty() && term.is_subset(text))
            || meaning.texts.iter().any(|other| same_idea(text, other))
            || in_its_words(text, &meaning.bag)
    }
}

/// Whether `text` is written in a topic's words: two or more of its content words, and at least
/// half of them, are in the topic's vocabulary (`bag`).
fn in_its_words(text: &Stems, bag: &[(String, f64)]) -> bool {
    let found = text
        .iter()
        .filter(|stem| bag.binary_search_by(|(w, _)| w.cmp(*stem)).is_ok())
        .count();
    found >= 2 && found * 2 >= text.len()
}

/// Whether one of `a`'s points says what `b`'s title says: a list of parts naming the topics
/// that describe each part ("Working together towards shared goals", "Component: shared goals
/// and collaboration").
fn names_in_a_point(a: &TopicMeaning, b: &TopicMeaning) -> bool {
    a.texts.iter().any(|text| same_idea(text, &b.title_key))
}

/// Whether a search term of `a` is also one of `b`'s, or names `b` (holds a key word of its
/// title): a learner looking for it finds both ("partnership working" under "Professionals
/// working with professionals", and "Community and voluntary partnerships").
fn share_a_search_term(a: &TopicMeaning, b: &TopicMeaning) -> bool {
    a.search_terms
        .iter()
        .filter(|term| !term.is_empty())
        .any(|term| {
            b.search_terms.contains(term) || term.intersection(&b.title_key).next().is_some()
        })
}

/// Indexed by guide, then topic: where each `See also` link leads, as
/// [`Library::find_by_id`] finds it (a link that leads nowhere left out), looked up in maps
/// made once.
fn see_also_targets(library: &Library) -> Vec<Vec<Vec<TopicRef>>> {
    let mut guides: HashMap<&str, usize> = HashMap::new();
    let mut in_guide: HashMap<(usize, &str), usize> = HashMap::new();
    // A bare topic id: its first place, and how many topics have it.
    let mut bare: HashMap<&str, (TopicRef, usize)> = HashMap::new();
    for (g, guide) in library.guides.iter().enumerate() {
        guides.entry(guide.id.as_str()).or_insert(g);
        for (t, topic) in guide.topics.iter().enumerate() {
            in_guide.entry((g, topic.id.as_str())).or_insert(t);
            let found = bare
                .entry(topic.id.as_str())
                .or_insert((TopicRef { guide: g, topic: t }, 0));
            found.1 += 1;
        }
    }
    let find = |id: &str| -> Option<TopicRef> {
        if let Some((guide_id, topic_id)) = id.split_once('/') {
            let guide = *guides.get(guide_id)?;
            let topic = *in_guide.get(&(guide, topic_id))?;
            return Some(TopicRef { guide, topic });
        }
        bare.get(id).filter(|(_, n)| *n == 1).map(|(at, _)| *at)
    };
    library
        .guides
        .iter()
        .map(|guide| {
            guide
                .topics
                .iter()
                .map(|topic| {
                    topic
                        .see_also
                        .iter()
                        .filter_map(|link| find(&link.target))
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// The label before a colon that at least two of a guide's titles share ("Component: trust").
pub(crate) fn series_label(topics: &[Topic]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for topic in topics {
        if let Some((label, _)) = topic.title.split_once(':') {
            *counts.entry(label.trim()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .max_by_key(|&(label, n)| (n, std::cmp::Reverse(label)))
        .map(|(label, _)| label.to_owned())
}

/// A title without its series label.
pub(crate) fn strip_label<'a>(title: &'a str, label: Option<&str>) -> &'a str {
    match (label, title.split_once(':')) {
        (Some(label), Some((head, rest))) if head.trim() == label => rest.trim(),
        _ => title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::TopicLink;

    fn stems(words: &[&str]) -> Stems {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn the_same_idea_in_other_words_is_found() {
        let a = idea("Working together towards shared goals");
        let b = idea(
            "Professionals and the people in their care aim for the same clear goals together.",
        );
        assert!(same_idea(&a, &b), "{a:?} {b:?}");
        let c = idea("Volunteers carry out non-specialised tasks.");
        assert!(!same_idea(&a, &c));
    }

    #[test]
    #[allow(clippy::expect_used)]
    fn topics_a_learner_finds_by_the_same_search_term_are_related() {
        let library = crate::test_support::builtin_library();
        let meanings = Meanings::new(&library);
        let at = |id: &str| library.find_by_id(id).expect(id);
        let related = |a: &str, b: &str| meanings.related(&library, at(a), at(b));
        // Both list "partnership working".
        assert!(related(
            "reasons-for-professional-relationships/multi-agency-working",
            "types-of-relationships/professional-to-professional"
        ));
        // "partnership working" names "Showing partnership working and resolving conflict" and
        // "Community and voluntary partnerships".
        assert!(related(
            "reasons-for-professional-relationships/multi-agency-working",
            "care-certificate-1-4/partnership-in-practice"
        ));
        assert!(related(
            "types-of-relationships/professional-to-professional",
            "types-of-relationships/community-and-voluntary"
        ));
        // Nothing a learner would search for joins these.
        assert!(!related(
            "types-of-relationships/mentor-or-tutor",
            "law-and-codes/equality-act"
        ));
    }

    #[test]
    fn see_also_links_lead_where_find_by_id_says() {
        let mut library = crate::test_support::builtin_library();
        // Bare ids, one topic id in two guides, a guide id twice and links leading nowhere.
        let first = library.guides[0].topics[0].id.to_string();
        let second_guide = library.guides[1].id.to_string();
        library.guides[1].topics[0].id = first.as_str().into();
        let extra = library.guides[2].clone();
        library.guides.push(extra);
        let targets = [
            first.clone(),
            format!("{second_guide}/{first}"),
            library.guides[2].topics[1].id.to_string(),
            format!(
                "{}/{}",
                library.guides[2].id, library.guides[2].topics[1].id
            ),
            "nowhere".to_owned(),
            format!("{second_guide}/nowhere"),
            "a/b/c".to_owned(),
        ];
        let topic = &mut library.guides[3].topics[0];
        let mut see_also = topic.see_also.to_vec();
        see_also.extend(targets.into_iter().map(|target| TopicLink {
            target,
            line: 1,
            column: 1,
        }));
        topic.see_also = see_also.into();
        let links = see_also_targets(&library);
        let mut compared = 0;
        for at in library.topic_refs() {
            let wanted: Vec<TopicRef> = library
                .topic(at)
                .map(|t| &t.see_also)
                .into_iter()
                .flatten()
                .filter_map(|link| library.find_by_id(&link.target))
                .collect();
            compared += wanted.len();
            assert_eq!(links[at.guide][at.topic], wanted, "{at:?}");
        }
        assert!(compared > 20, "{compared}");
    }

    #[test]
    fn one_shared_word_is_enough_only_for_a_short_idea() {
        assert!(same_idea(
            &stems(&["chariti"]),
            &stems(&["chariti", "fund"])
        ));
        assert!(same_idea(
            &stems(&["consist", "inform"]),
            &stems(&["consist", "bad", "experi"])
        ));
        assert!(!same_idea(
            &stems(&["trust", "respect", "solut"]),
            &stems(&["trust", "build", "gradual"])
        ));
    }
}
