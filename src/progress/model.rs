//! What carestudy remembers about a learner, as saved in `progress.json`. No terminal here.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The format's version. Version 1 had no mock tests and no typed answers; loading it migrates.
pub const SCHEMA_VERSION: u32 = 2;

/// Everything saved, keyed by stable ids so that editing or swapping guides loses nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// Every card ever reviewed, by card id `guide/topic#kind:target`. Cards whose topic no
    /// longer exists are kept.
    pub cards: BTreeMap<String, CardRecord>,
    /// Mock tests taken, oldest first.
    #[serde(default)]
    pub mock_tests: Vec<MockTestResult>,
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            version: SCHEMA_VERSION,
            cards: BTreeMap::new(),
            mock_tests: Vec::new(),
        }
    }
}

/// One card's schedule and history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardRecord {
    /// The stable topic id `guide/topic`, so figures can be grouped by topic and guide.
    pub topic: String,
    /// The FSRS scheduler's state for the card: when it is due, its stability and difficulty.
    pub schedule: rs_fsrs::Card,
    /// Every review of the card, oldest first.
    pub reviews: Vec<Review>,
}

/// One answer or self-grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub at: DateTime<Utc>,
    /// 1 Again, 2 Hard, 3 Good, 4 Easy. A multiple-choice answer grades itself: wrong is 1,
    /// right is 3.
    pub grade: u8,
    /// For a multiple-choice question, whether the answer was right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correct: Option<bool>,
    /// For written-answer practice, what the learner typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
}

/// The result of one mock test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MockTestResult {
    pub at: DateTime<Utc>,
    pub questions: u32,
    pub correct: u32,
    /// Per guide id: (questions asked, answered correctly).
    pub per_guide: BTreeMap<String, (u32, u32)>,
    /// The questions answered wrongly (or not at all), with their right answers.
    pub missed: Vec<MissedQuestion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit_minutes: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissedQuestion {
    pub card_id: String,
    pub question: String,
    pub correct_answer: String,
}

/// One review as it was made: what the store appends, and what undoing it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Reviewed {
    pub card_id: String,
    /// The stable topic id `guide/topic`.
    pub topic: String,
    /// The card's schedule before the review; `None` when the card had never been reviewed.
    pub before: Option<rs_fsrs::Card>,
    /// The card's schedule after it.
    pub after: rs_fsrs::Card,
    pub review: Review,
}

impl Progress {
    /// Whether `reviewed` is its card's last review here (so it can be taken back).
    pub fn is_last_review(&self, reviewed: &Reviewed) -> bool {
        self.cards
            .get(&reviewed.card_id)
            .is_some_and(|card| card.reviews.last() == Some(&reviewed.review))
    }

    /// Takes `reviewed` back out, restoring the card's schedule from before it (a card whose
    /// first review it was is removed, so it is new again). Returns whether it was the card's
    /// last review; if not, nothing changes.
    pub fn undo(&mut self, reviewed: &Reviewed) -> bool {
        if !self.is_last_review(reviewed) {
            return false;
        }
        match &reviewed.before {
            Some(before) => {
                if let Some(card) = self.cards.get_mut(&reviewed.card_id) {
                    card.reviews.pop();
                    card.schedule = before.clone();
                }
            }
            None => {
                self.cards.remove(&reviewed.card_id);
            }
        }
        true
    }
}
