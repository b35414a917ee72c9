//! Progress as JSON: the `progress.json` files that carestudy kept before the database
//! (imported on first start), and `carestudy progress export`/`import`. The format is
//! `progress.json`'s version 2; older versions are migrated on the JSON value first. A card
//! that cannot be read is set aside, with why, and every other card is kept.

use super::db::Quarantined;
use super::format::to_json;
use super::migrate::{MigrateError, migrate};
use super::model::{CardRecord, MockTestResult, Progress, SCHEMA_VERSION};
use serde_json::Value;
use std::fmt;

/// What a JSON history holds that this carestudy can use.
#[derive(Debug, Clone, PartialEq)]
pub struct FromJson {
    pub progress: Progress,
    /// Cards that could not be read, kept apart with why.
    pub quarantined: Vec<Quarantined>,
    /// Mock test results that could not be read (left out).
    pub unreadable_mock_tests: usize,
}

/// Why a file's contents are not progress this carestudy can use.
#[derive(Debug)]
pub enum Damage {
    NotUtf8,
    NotJson(serde_json::Error),
    Version(MigrateError),
    Shape(&'static str),
}

impl Damage {
    /// Written by a newer carestudy: not damaged, and never to be moved or replaced.
    pub fn is_newer(&self) -> bool {
        matches!(self, Self::Version(MigrateError::TooNew(_)))
    }
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotUtf8 => write!(f, "it is not text"),
            Self::NotJson(e) => write!(f, "it is not valid JSON: {e}"),
            Self::Version(e) => write!(f, "{e}"),
            Self::Shape(what) => write!(f, "it is not in the expected shape: {what}"),
        }
    }
}

/// Reads a JSON history, migrating an older format.
pub fn parse(bytes: &[u8]) -> Result<FromJson, Damage> {
    let text = std::str::from_utf8(bytes).map_err(|_| Damage::NotUtf8)?;
    let value: Value = serde_json::from_str(text).map_err(Damage::NotJson)?;
    let value = migrate(value).map_err(Damage::Version)?;
    let Value::Object(mut top) = value else {
        return Err(Damage::Shape("the top level is not an object"));
    };
    let cards = match top.remove("cards") {
        Some(Value::Object(cards)) => cards,
        Some(_) => return Err(Damage::Shape("`cards` is not an object")),
        None => return Err(Damage::Shape("there is no `cards`")),
    };
    let mock_tests = match top.remove("mock_tests") {
        Some(Value::Array(tests)) => tests,
        Some(_) => return Err(Damage::Shape("`mock_tests` is not a list")),
        None => Vec::new(),
    };
    let mut out = FromJson {
        progress: Progress::default(),
        quarantined: Vec::new(),
        unreadable_mock_tests: 0,
    };
    for (card_id, value) in cards {
        match card(&value) {
            Ok(record) => {
                out.progress.cards.insert(card_id, record);
            }
            Err(reason) => out.quarantined.push(Quarantined {
                card_id,
                reason,
                record: value.to_string(),
            }),
        }
    }
    for value in mock_tests {
        match serde_json::from_value::<MockTestResult>(value) {
            Ok(result) => out.progress.mock_tests.push(result),
            Err(_) => out.unreadable_mock_tests += 1,
        }
    }
    out.progress.mock_tests.sort_by_key(|test| test.at);
    Ok(out)
}

/// One card, checked: every number finite, every grade 1 to 4.
fn card(value: &Value) -> Result<CardRecord, String> {
    let record: CardRecord = serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
    let schedule = &record.schedule;
    if !(schedule.stability.is_finite() && schedule.difficulty.is_finite()) {
        return Err("its schedule has a number that is not finite".to_owned());
    }
    if let Some(review) = record.reviews.iter().find(|r| !(1..=4).contains(&r.grade)) {
        return Err(format!(
            "a review has the grade {}, not 1 to 4",
            review.grade
        ));
    }
    Ok(record)
}

/// The whole history as JSON, in `progress.json`'s version 2 layout: one card a line.
pub fn export(progress: &Progress) -> serde_json::Result<Vec<u8>> {
    debug_assert_eq!(progress.version, SCHEMA_VERSION);
    to_json(progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_damage_is_named() {
        assert!(matches!(parse(b"\xff\xfe{}"), Err(Damage::NotUtf8)));
        assert!(matches!(
            parse(b"{\"version\": 2, "),
            Err(Damage::NotJson(_))
        ));
        let newer = parse(b"{\"version\": 99, \"cards\": {}}");
        assert!(newer.as_ref().is_err_and(Damage::is_newer), "{newer:?}");
        assert!(matches!(
            parse(b"{\"version\": 2, \"cards\": []}"),
            Err(Damage::Shape(_))
        ));
        assert!(matches!(
            parse(b"[]"),
            Err(Damage::Version(MigrateError::NoVersion))
        ));
        assert!(parse(b"{\"version\": 2, \"cards\": {}}").is_ok());
    }

    #[test]
    fn a_bad_card_is_set_aside_and_the_others_kept() -> Result<(), String> {
        let text = r#"{"version": 2, "cards": {
            "g/a#flip:0": {"topic": "g/a", "schedule": {"due": "2026-11-15T09:00:00Z",
                "stability": null, "difficulty": 7.0, "elapsed_days": -7, "scheduled_days": 0,
                "reps": 3, "lapses": 0, "state": "Review", "last_review": "2026-11-15T09:00:00Z"},
                "reviews": [{"at": "2026-11-15T09:00:00Z", "grade": 3}]},
            "g/b#flip:0": {"topic": "g/b", "schedule": {"due": "2026-11-16T09:00:00Z",
                "stability": 2.5, "difficulty": 5.0, "elapsed_days": 0, "scheduled_days": 1,
                "reps": 1, "lapses": 0, "state": "Review", "last_review": "2026-11-15T09:00:00Z"},
                "reviews": [{"at": "2026-11-15T09:00:00Z", "grade": 3}]},
            "g/c#flip:0": {"topic": "g/c", "schedule": {"due": "2026-11-16T09:00:00Z",
                "stability": 2.5, "difficulty": 5.0, "elapsed_days": 0, "scheduled_days": 1,
                "reps": 1, "lapses": 0, "state": "Review", "last_review": "2026-11-15T09:00:00Z"},
                "reviews": [{"at": "2026-11-15T09:00:00Z", "grade": 9}]}
        }, "mock_tests": [{"at": "nonsense"}]}"#;
        let read = parse(text.as_bytes()).map_err(|e| e.to_string())?;
        assert_eq!(
            read.progress.cards.keys().collect::<Vec<_>>(),
            ["g/b#flip:0"]
        );
        let set_aside: Vec<&str> = read
            .quarantined
            .iter()
            .map(|q| q.card_id.as_str())
            .collect();
        assert_eq!(set_aside, ["g/a#flip:0", "g/c#flip:0"]);
        assert!(read.quarantined[0].record.contains("\"stability\":null"));
        assert_eq!(read.unreadable_mock_tests, 1);
        Ok(())
    }
}
