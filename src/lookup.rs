//! Finding one topic from what a person typed: an id, a title, or part of a title.

use crate::content::{Library, TopicRef};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Found(TopicRef),
    /// Several topics fit equally well: the best few, best first.
    Ambiguous(Vec<TopicRef>),
    /// Nothing fits: the nearest few titles, best first.
    Unknown(Vec<TopicRef>),
}

const CANDIDATES: usize = 5;
/// A fuzzy title match counts only when its letters mostly run together (skim scores about 16
/// a character for those); scattered letters (`nope` in "Professional development") do not.
const MIN_SCORE_PER_CHAR: i64 = 16;

/// Resolves `name` as a stable id (`guide/topic`), a bare topic id, an exact title, or a fuzzy title
/// that only one topic matches.
pub fn find_topic(library: &Library, name: &str) -> Lookup {
    let name = name.trim();
    if let Some(at) = library.find_by_id(name) {
        return Lookup::Found(at);
    }
    let titled = |at: TopicRef| library.topic(at).map_or("", |t| t.title.as_str());
    let exact: Vec<TopicRef> = library
        .topic_refs()
        .filter(|&at| titled(at).eq_ignore_ascii_case(name))
        .collect();
    if let [only] = exact[..] {
        return Lookup::Found(only);
    }
    if exact.len() > 1 {
        return Lookup::Ambiguous(exact);
    }
    let matcher = SkimMatcherV2::default().ignore_case();
    let min_score = MIN_SCORE_PER_CHAR * name.chars().count() as i64;
    let mut scored: Vec<(i64, TopicRef)> = library
        .topic_refs()
        .filter_map(|at| {
            let topic = library.topic(at)?;
            let by_title = matcher.fuzzy_match(&topic.title, name);
            let by_id = matcher.fuzzy_match(&topic.id, name);
            by_title
                .max(by_id)
                .filter(|&score| score >= min_score)
                .map(|score| (score, at))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let lowered = name.to_lowercase();
    let containing: Vec<TopicRef> = scored
        .iter()
        .map(|&(_, at)| at)
        .filter(|&at| titled(at).to_lowercase().contains(&lowered))
        .collect();
    match (scored.len(), containing.len()) {
        (0, _) => Lookup::Unknown(nearest(library, name)),
        (1, _) => Lookup::Found(scored[0].1),
        (_, 1) => Lookup::Found(containing[0]),
        _ => Lookup::Ambiguous(scored.iter().take(CANDIDATES).map(|&(_, at)| at).collect()),
    }
}

/// The titles that share the most letter pairs with `name` (a Dice coefficient over bigrams).
fn nearest(library: &Library, name: &str) -> Vec<TopicRef> {
    let wanted = bigrams(name);
    let mut scored: Vec<(usize, TopicRef)> = library
        .topic_refs()
        .filter_map(|at| {
            let topic = library.topic(at)?;
            let have = bigrams(&format!("{} {}", topic.title, topic.id));
            let shared = wanted.iter().filter(|pair| have.contains(pair)).count();
            let similarity = 1000 * 2 * shared / (wanted.len() + have.len()).max(1);
            Some((similarity, at))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(CANDIDATES)
        .map(|(_, at)| at)
        .collect()
}

fn bigrams(text: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = text
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_guide;

    fn library() -> Library {
        let text = "+++\nid = \"g\"\ntitle = \"G\"\ncriterion = \"C\"\nverb = \"explain\"\nsource = \"S\"\n+++\n\n## Trust {#trust}\n\nS.\n\n## Building trust {#building-trust}\n\nS.\n\n## Volunteers {#volunteers}\n\nS.\n\n## Volunteer managers {#volunteer-managers}\n\nS.\n";
        match parse_guide("g.md", text.as_bytes()) {
            Ok(guide) => Library {
                guides: vec![guide],
            },
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn ids_and_exact_titles_win() {
        let lib = library();
        assert_eq!(
            find_topic(&lib, "g/trust"),
            Lookup::Found(TopicRef { guide: 0, topic: 0 })
        );
        assert_eq!(
            find_topic(&lib, "building-trust"),
            Lookup::Found(TopicRef { guide: 0, topic: 1 })
        );
        assert_eq!(
            find_topic(&lib, "TRUST"),
            Lookup::Found(TopicRef { guide: 0, topic: 0 })
        );
    }

    #[test]
    fn a_fuzzy_name_that_fits_one_title_is_found() {
        assert_eq!(
            find_topic(&library(), "buildng"),
            Lookup::Found(TopicRef { guide: 0, topic: 1 })
        );
    }

    #[test]
    fn ambiguous_and_unknown_names_give_candidates() {
        let lib = library();
        assert!(matches!(find_topic(&lib, "volunt"), Lookup::Ambiguous(c) if c.len() == 2));
        assert!(matches!(find_topic(&lib, "nope"), Lookup::Unknown(_)));
        match find_topic(&lib, "zzqx") {
            Lookup::Unknown(c) => assert_eq!(c.len(), 4),
            other => panic!("{other:?}"),
        }
    }
}
