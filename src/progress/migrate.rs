//! Bringing a saved file from an older format up to [`SCHEMA_VERSION`], on the JSON value,
//! before it is deserialised. Each step changes one version into the next, so a file of any
//! older version passes through every step in turn.

use super::model::SCHEMA_VERSION;
use serde_json::{Map, Value};
use std::fmt;

/// Why a value cannot be brought up to date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrateError {
    /// The top level is not an object with a whole-number `version`.
    NoVersion,
    /// Written by a newer carestudy than this one.
    TooNew(u64),
    /// A version that never existed (0).
    Unknown(u64),
}

impl fmt::Display for MigrateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoVersion => write!(f, "it has no format version"),
            Self::TooNew(v) => write!(
                f,
                "it was written by a newer carestudy (format {v}; this one reads up to {SCHEMA_VERSION})"
            ),
            Self::Unknown(v) => write!(f, "it has an unknown format version {v}"),
        }
    }
}

/// The `version` of a saved value, if it has one.
pub(crate) fn version_of(value: &Value) -> Option<u64> {
    value.get("version").and_then(Value::as_u64)
}

/// Brings `value` up to [`SCHEMA_VERSION`]. A current value is returned unchanged.
pub(crate) fn migrate(mut value: Value) -> Result<Value, MigrateError> {
    let version = version_of(&value).ok_or(MigrateError::NoVersion)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(MigrateError::TooNew(version));
    }
    if version == 0 {
        return Err(MigrateError::Unknown(version));
    }
    let Some(object) = value.as_object_mut() else {
        return Err(MigrateError::NoVersion);
    };
    if version < 2 {
        v1_to_v2(object);
    }
    Ok(value)
}

/// Version 2 added mock tests, and typed answers on reviews (optional, so absent is right).
fn v1_to_v2(object: &mut Map<String, Value>) {
    object
        .entry("mock_tests")
        .or_insert_with(|| Value::Array(Vec::new()));
    object.insert("version".to_owned(), Value::from(2));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Progress;
    use serde_json::json;

    fn v1() -> Value {
        json!({
            "version": 1,
            "cards": {
                "care/dignity#term:dignity": {
                    "topic": "care/dignity",
                    "schedule": {
                        "due": "2026-01-02T00:00:00Z",
                        "stability": 2.5,
                        "difficulty": 5.0,
                        "elapsed_days": 0,
                        "scheduled_days": 1,
                        "reps": 1,
                        "lapses": 0,
                        "state": "Learning",
                        "last_review": "2026-01-01T00:00:00Z"
                    },
                    "reviews": [{ "at": "2026-01-01T00:00:00Z", "grade": 3, "correct": true }]
                }
            }
        })
    }

    #[test]
    fn v1_gains_mock_tests_and_version_2_and_deserialises() -> Result<(), String> {
        let migrated = migrate(v1()).map_err(|e| e.to_string())?;
        assert_eq!(migrated["version"], json!(2));
        assert_eq!(migrated["mock_tests"], json!([]));
        let progress: Progress = serde_json::from_value(migrated).map_err(|e| e.to_string())?;
        assert_eq!(progress.version, SCHEMA_VERSION);
        assert_eq!(progress.cards.len(), 1);
        let card = progress.cards.get("care/dignity#term:dignity");
        assert_eq!(card.map(|c| c.reviews.len()), Some(1));
        assert_eq!(card.map(|c| c.reviews[0].answer.clone()), Some(None));
        Ok(())
    }

    #[test]
    fn current_version_is_unchanged() {
        let current = json!({ "version": 2, "cards": {}, "mock_tests": [] });
        assert_eq!(migrate(current.clone()), Ok(current));
    }

    #[test]
    fn newer_missing_and_unknown_versions_are_refused() {
        assert_eq!(
            migrate(json!({ "version": 99, "cards": {} })),
            Err(MigrateError::TooNew(99))
        );
        assert_eq!(
            migrate(json!({ "cards": {} })),
            Err(MigrateError::NoVersion)
        );
        assert_eq!(
            migrate(json!({ "version": "2" })),
            Err(MigrateError::NoVersion)
        );
        assert_eq!(
            migrate(json!({ "version": -1 })),
            Err(MigrateError::NoVersion)
        );
        assert_eq!(migrate(json!([1, 2])), Err(MigrateError::NoVersion));
        assert_eq!(
            migrate(json!({ "version": 0 })),
            Err(MigrateError::Unknown(0))
        );
    }
}
