//! Cards and their ids: the one place a card id is built. Saved progress keys on these ids, so
//! their form (`guide/topic#kind:target`) must never change.

use super::question::QuestionKind;
use crate::content::{Library, TopicRef};

/// One possible question (a card) before its options are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardSpec {
    pub kind: QuestionKind,
    pub topic: TopicRef,
    /// Which point or example (index into `Topic::points()` or `examples`); 0 for a flip card.
    pub target: usize,
}

impl CardSpec {
    /// The card's stable id, `guide/topic#kind:target`, which saved progress keys on.
    pub fn id(&self, library: &Library) -> Option<String> {
        let topic = library.stable_id(self.topic)?;
        Some(card_id(&topic, self.kind.code(), self.target))
    }
}

/// The card that holds a topic's written answers, given the topic's stable id (`guide/topic`).
pub fn written_card_id(topic_id: &str) -> String {
    card_id(topic_id, "write", 0)
}

fn card_id(topic_id: &str, kind: &str, target: usize) -> String {
    format!("{topic_id}#{kind}:{target}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::builtin_library;

    #[test]
    fn card_ids_keep_the_form_saved_progress_keys_on() {
        let library = builtin_library();
        let spec = CardSpec {
            kind: QuestionKind::PointToTopic,
            topic: TopicRef { guide: 0, topic: 1 },
            target: 3,
        };
        let topic = library.stable_id(spec.topic).unwrap_or_default();
        assert_eq!(spec.id(&library), Some(format!("{topic}#point:3")));
        assert_eq!(
            written_card_id("working-relationships/volunteers"),
            "working-relationships/volunteers#write:0"
        );
    }
}
