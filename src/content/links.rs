//! Links between topics (`### See also`) are checked once every guide has loaded: a link may
//! lead into another file, so no single file can tell whether it leads anywhere.

use super::diagnostic::Diagnostic;
use super::model::Guide;
use std::collections::{BTreeMap, BTreeSet};

/// A problem for every `### See also` link that names no topic or its own topic.
///
/// `others_failed` says some files did not load: a link into a guide that is not here may lead
/// into one of them, so only links into guides that did load are judged.
pub fn check_links(guides: &[Guide], others_failed: bool) -> Vec<Diagnostic> {
    // Most libraries link little or not at all: the index of every topic id below is then
    // not built (it was a tenth of loading 5,000 guides from the cache).
    let has_links = guides
        .iter()
        .any(|guide| guide.topics.iter().any(|topic| !topic.see_also.is_empty()));
    if !has_links {
        return Vec::new();
    }
    let mut topics: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for guide in guides {
        topics
            .entry(guide.id.as_str())
            .or_default()
            .extend(guide.topics.iter().map(|t| t.id.as_str()));
    }
    let mut problems = Vec::new();
    for guide in guides {
        for topic in &guide.topics {
            for link in &topic.see_also {
                let (guide_id, topic_id) = link.target.split_once('/').unwrap_or(("", ""));
                // Compared in parts: formatting every topic's own id cost more than the rest of
                // the check on a large library.
                let message = if guide_id == guide.id && topic_id == topic.id {
                    format!(
                        "`{}` is this topic: a `### See also` link leads elsewhere",
                        link.target
                    )
                } else if topics.get(guide_id).is_some_and(|t| t.contains(topic_id))
                    || (others_failed && !topics.contains_key(guide_id))
                {
                    continue;
                } else {
                    not_found(&topics, guide_id, topic_id, &link.target)
                };
                problems.push(Diagnostic::at(
                    &guide.origin,
                    link.line,
                    link.column,
                    message,
                ));
            }
        }
    }
    problems
}

/// Says what is missing, and names a topic with the same id elsewhere when there is one.
fn not_found(
    topics: &BTreeMap<&str, BTreeSet<&str>>,
    guide_id: &str,
    topic_id: &str,
    target: &str,
) -> String {
    let elsewhere: Vec<String> = topics
        .iter()
        .filter(|(_, ids)| ids.contains(topic_id))
        .map(|(guide, _)| format!("`{guide}/{topic_id}`"))
        .collect();
    let missing = if topics.contains_key(guide_id) {
        format!("the guide `{guide_id}` has no topic `{topic_id}`")
    } else {
        format!("there is no guide `{guide_id}`")
    };
    let hint = match elsewhere.as_slice() {
        [] => String::new(),
        found => format!(" (did you mean {}?)", found.join(" or ")),
    };
    format!("`### See also` links to `{target}`, but {missing}{hint}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_guide;

    fn guide(path: &str, text: &str) -> Guide {
        match parse_guide(path, text.as_bytes()) {
            Ok(guide) => guide,
            Err(problems) => panic!("{problems:?}"),
        }
    }

    const HEAD: &str = "+++\nid = \"ID\"\ntitle = \"T\"\ncriterion = \"C\"\nverb = \"describe\"\nsource = \"S\"\n+++\n";

    #[test]
    fn links_into_other_guides_are_checked_by_id() {
        let first = guide(
            "a.md",
            &format!(
                "{}\n## One {{#one}}\n\nS.\n\n### See also\n\n- [Two](b/two)\n- b/three\n- c/two\n- one\n- two\n",
                HEAD.replace("ID", "a")
            ),
        );
        let second = guide(
            "b.md",
            &format!("{}\n## Two {{#two}}\n\nS.\n", HEAD.replace("ID", "b")),
        );
        let guides = [first, second];
        let found: Vec<String> = check_links(&guides, false)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            found,
            [
                "a.md:16:3: error: `### See also` links to `b/three`, but the guide `b` has no topic `three`",
                "a.md:17:3: error: `### See also` links to `c/two`, but there is no guide `c` (did you mean `b/two`?)",
                "a.md:18:3: error: `a/one` is this topic: a `### See also` link leads elsewhere",
                "a.md:19:3: error: `### See also` links to `a/two`, but the guide `a` has no topic `two` (did you mean `b/two`?)",
            ]
        );
        // When other files failed to load, a link into a guide that is not here is not judged.
        let judged: Vec<usize> = check_links(&guides, true)
            .iter()
            .map(|d| d.position.map_or(0, |p| p.0))
            .collect();
        assert_eq!(judged, [16, 18, 19]);
    }
}
