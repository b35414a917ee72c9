//! The relationship map's parties: the topics marked `.party` in the guides, so the map is
//! built from the content rather than hard-coded. No terminal code here.

use crate::content::{Library, TopicRef};
use std::collections::HashSet;

/// Someone a care worker works with, and the topic that describes the relationship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub topic: TopicRef,
    pub name: String,
}

/// Every party in the library, in guide order. Two guides may both describe, say, colleagues:
/// the first description is used and the name appears once.
pub fn parties(library: &Library) -> Vec<Party> {
    let mut seen = HashSet::new();
    library
        .topic_refs()
        .filter_map(|at| {
            let topic = library.topic(at)?;
            let key = topic.title.to_lowercase();
            (topic.party && seen.insert(key)).then(|| Party {
                topic: at,
                name: topic.title.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_guides_name_the_people_a_care_worker_works_with() {
        let library = crate::test_support::builtin_library();
        let names: Vec<String> = parties(&library).into_iter().map(|p| p.name).collect();
        for expected in [
            "Colleagues",
            "Service users",
            "Families and carers",
            "Volunteers",
            "External agencies",
            "Other professionals",
            "Advocates",
        ] {
            assert!(
                names.iter().any(|n| n == expected),
                "{expected} missing from {names:?}"
            );
        }
        let unique: HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "each party once");
    }
}
