//! Everyday words a learner types for the field's words, and spellings that differ between
//! British and American English. A query word finds the other words of its group too, ranked a
//! little below the word itself (synonyms never count as the exact phrase).
//!
//! Kept small on purpose: every group must hold for any topic in this subject, or it would
//! bring in noise. Topic-specific vocabulary ("abuse" for safeguarding) belongs in that topic's
//! `### Search terms` instead, where it cannot leak into other topics.

/// Groups of words that a learner may use for one another. Each is matched by its stem, so
/// "managers" and "boss's" find the group too.
pub const GROUPS: &[&[&str]] = &[
    &["manager", "boss"],
    &["staff", "employee", "workforce"],
    &["colleague", "coworker"],
    &["carer", "caregiver"],
    &["relative", "family"],
    &["patient", "client", "resident"],
    &["talk", "communicate", "conversation", "chat"],
    &["privacy", "confidentiality"],
    &["private", "confidential", "secret"],
    &["rule", "policy", "procedure"],
    &["law", "legislation"],
    &["job", "role"],
    &["conflict", "disagreement", "argument", "dispute"],
    &["paperwork", "documentation", "record"],
    &["doctor", "gp"],
    &["tutor", "teacher", "trainer"],
    &["mentor", "coach"],
    &["independence", "autonomy"],
    &["team", "teamwork"],
    &["feeling", "emotion"],
    &["kindness", "compassion"],
    &["elderly", "older"],
    &["supervisor", "supervision"],
    &["handover", "handoff"],
    &["help", "assist", "assistance"],
    &["advice", "advise"],
    &["safe", "safety"],
    &["choice", "choose"],
    &["empathy", "empathise", "empathize"],
    // Word forms the stemmer keeps apart.
    &["advocate", "advocacy"],
    &["injury", "injured"],
    // British and American spellings.
    &["centred", "centered"],
    &["organisation", "organization"],
    &["behaviour", "behavior"],
    &["practise", "practice"],
    &["judgement", "judgment"],
    &["recognise", "recognize"],
    &["specialised", "specialized"],
    &["prioritise", "prioritize"],
    &["apologise", "apologize"],
    &["ageing", "aging"],
    &["programme", "program"],
    &["defence", "defense"],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_word_is_in_two_groups() {
        let mut seen = std::collections::HashSet::new();
        for word in GROUPS.iter().flat_map(|g| g.iter()) {
            assert!(seen.insert(*word), "{word} is in two groups");
            assert_eq!(*word, word.to_lowercase());
        }
    }
}
