//! Finding one topic from what a person typed (`show`, `present`, `--topic`, presentation's go
//! to): an id, a title, or words of a title, matched by the search engine. A name that fits
//! several topics equally well is never settled silently: the caller lists them.

use crate::content::{Library, TopicRef};
use crate::search::SearchIndex;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Found(TopicRef),
    /// Several topics fit equally well: all of them (at most [`CANDIDATES`]), best first.
    Ambiguous(Vec<TopicRef>),
    /// Nothing fits: the nearest few topics, best first.
    Unknown(Vec<TopicRef>),
}

/// At most this many candidates are listed.
pub const CANDIDATES: usize = 8;

/// Resolves `name` as a stable id (`guide/topic`), a bare topic id only one guide has, an exact
/// title only one topic has, or the words of a title (misspellings allowed) that fit one topic
/// better than any other.
pub fn find_topic(library: &Library, name: &str) -> Lookup {
    let name = name.trim();
    let is_id = |id: &str| name == id;
    // A stable id, or a bare id with a hyphen, is unmistakably an id.
    if (name.contains('/') || name.contains('-'))
        && let Some(at) = library.find_by_id(name)
    {
        return Lookup::Found(at);
    }
    let wanted = normalise(name);
    let titled = |at: TopicRef| library.topic(at).map(|t| normalise(&t.title));
    let exact: Vec<TopicRef> = library
        .topic_refs()
        .filter(|&at| titled(at).is_some_and(|t| t == wanted))
        .collect();
    match exact[..] {
        [only] => return Lookup::Found(only),
        [] => {}
        _ => return Lookup::Ambiguous(exact.into_iter().take(CANDIDATES).collect()),
    }
    // A one-word id ("boundaries") is also a word of titles: every topic it may mean is a
    // candidate, the ones with that id first.
    let mut candidates: Vec<TopicRef> = library
        .topic_refs()
        .filter(|&at| library.topic(at).is_some_and(|t| is_id(&t.id)))
        .collect();
    let titles = SearchIndex::titles(library);
    let found = titles.search(library, name, CANDIDATES);
    if let Some(best) = found.hits.first() {
        // Every title that matches as well as the best one (same tier) is a candidate.
        for hit in found.hits.iter().filter(|hit| hit.tier == best.tier) {
            if !candidates.contains(&hit.topic) {
                candidates.push(hit.topic);
            }
        }
    }
    candidates.truncate(CANDIDATES);
    match candidates[..] {
        [] => Lookup::Unknown(nearest(library, name)),
        [only] => Lookup::Found(only),
        _ => Lookup::Ambiguous(candidates),
    }
}

/// The topics whose text best matches `name`, or failing that whose titles share the most
/// letter pairs with it.
fn nearest(library: &Library, name: &str) -> Vec<TopicRef> {
    let index = SearchIndex::new(library);
    let by_text: Vec<TopicRef> = index
        .search(library, name, CANDIDATES.min(5))
        .hits
        .iter()
        .map(|hit| hit.topic)
        .collect();
    if !by_text.is_empty() {
        return by_text;
    }
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
    scored.into_iter().take(5).map(|(_, at)| at).collect()
}

/// Lowercase, with runs of spaces as one.
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn bigrams(text: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = text
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// What to tell someone whose name did not pick out one topic: the problem, then one candidate
/// a line (`  id  (title)`). `None` when the lookup found its topic.
pub fn explain(library: &Library, name: &str, lookup: &Lookup) -> Option<String> {
    let name = crate::content::sanitize_inline(name);
    let (mut message, candidates) = match lookup {
        Lookup::Found(_) => return None,
        Lookup::Ambiguous(candidates) => (
            format!("\"{name}\" matches several topics; say which:"),
            candidates,
        ),
        Lookup::Unknown(candidates) if candidates.is_empty() => {
            return Some(format!("no topic matches \"{name}\""));
        }
        Lookup::Unknown(candidates) => (
            format!("no topic matches \"{name}\". The nearest are:"),
            candidates,
        ),
    };
    for &at in candidates {
        if let (Some(id), Some(topic)) = (library.stable_id(at), library.topic(at)) {
            message.push_str(&format!("\n  {id}  ({})", topic.title));
        }
    }
    Some(message)
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

    fn at(topic: usize) -> TopicRef {
        TopicRef { guide: 0, topic }
    }

    #[test]
    fn ids_and_exact_titles_win() {
        let lib = library();
        assert_eq!(find_topic(&lib, "g/trust"), Lookup::Found(at(0)));
        assert_eq!(find_topic(&lib, "building-trust"), Lookup::Found(at(1)));
        assert_eq!(find_topic(&lib, "TRUST"), Lookup::Found(at(0)));
        assert_eq!(
            find_topic(&lib, "  building   TRUST "),
            Lookup::Found(at(1))
        );
    }

    #[test]
    fn a_name_that_fits_one_title_best_is_found_misspelt_or_not() {
        assert_eq!(find_topic(&library(), "buildng"), Lookup::Found(at(1)));
        assert_eq!(find_topic(&library(), "managers"), Lookup::Found(at(3)));
        assert_eq!(
            find_topic(&library(), "volunter manager"),
            Lookup::Found(at(3))
        );
    }

    #[test]
    fn a_name_several_titles_fit_equally_is_never_settled_silently() {
        let lib = library();
        // "volunteer" is a word of two titles: both are listed, the closer first.
        assert_eq!(
            find_topic(&lib, "volunteer"),
            Lookup::Ambiguous(vec![at(2), at(3)])
        );
        let message = explain(&lib, "volunteer", &find_topic(&lib, "volunteer"));
        assert_eq!(
            message.as_deref(),
            Some(
                "\"volunteer\" matches several topics; say which:\n  g/volunteers  (Volunteers)\n  g/volunteer-managers  (Volunteer managers)"
            )
        );
    }

    #[test]
    fn unknown_names_list_the_nearest() {
        let lib = library();
        assert!(matches!(find_topic(&lib, "nope"), Lookup::Unknown(c) if !c.is_empty()));
        match find_topic(&lib, "zzqx") {
            Lookup::Unknown(c) => assert_eq!(c.len(), 4),
            other => panic!("{other:?}"),
        }
        let message = explain(&lib, "zz\u{1b}[2Jqx", &find_topic(&lib, "zzqx"));
        assert!(
            message.is_some_and(|m| m.starts_with("no topic matches \"zz[2Jqx\". The nearest"))
        );
    }

    #[test]
    fn the_four_boundary_topics_are_all_offered() {
        let library = crate::test_support::builtin_library();
        let Lookup::Ambiguous(candidates) = find_topic(&library, "boundaries") else {
            panic!("\"boundaries\" should be ambiguous");
        };
        let ids: Vec<String> = candidates
            .iter()
            .filter_map(|&at| library.stable_id(at))
            .collect();
        for id in [
            "reasons-for-professional-relationships/boundaries",
            "working-relationships/professional-boundaries",
            "therapeutic-relationship/professional-boundaries",
            "therapeutic-relationship/drawing-boundaries",
        ] {
            assert!(ids.iter().any(|i| i == id), "{id} not in {ids:?}");
        }
    }
}
