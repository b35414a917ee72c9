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
