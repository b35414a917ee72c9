//! An old `progress.json` (before the database): read where it is for read-only opens, or
//! read for importing into a new database and then kept under a new name.

use super::files::move_aside;
use super::{Access, Store};
use crate::progress::json::{self, FromJson};
use crate::progress::location::DATABASE_FILE;
use crate::progress::model::Progress;
use chrono::{DateTime, Utc};
use std::path::Path;

/// What reading an old `progress.json` decided.
pub(super) enum Legacy {
    Import(FromJson),
    /// It was damaged and moved aside.
    Afresh,
    /// Nothing may be written: progress as far as it could be read.
    Stop(Progress),
}

impl Store {
    /// A `progress.json` not yet moved into a database, read where it is (read-only opens).
    pub(super) fn read_legacy_in_place(&mut self, legacy: &Path) -> Progress {
        match std::fs::read(legacy).map(|bytes| json::parse(&bytes)) {
            Ok(Ok(read)) => {
                self.note(format!(
                    "Progress is read from {}; the app moves it into {} the next time it starts.",
                    legacy.display(),
                    DATABASE_FILE
                ));
                self.note_set_aside_in_file(&read, legacy);
                read.progress
            }
            Ok(Err(damage)) => {
                self.note(format!(
                    "{} could not be read ({damage}); it is left as it is.",
                    legacy.display()
                ));
                Progress::default()
            }
            Err(e) => {
                self.note(format!("Cannot read {} ({e}).", legacy.display()));
                Progress::default()
            }
        }
    }

    pub(super) fn read_legacy_for_import(&mut self, legacy: &Path, now: DateTime<Utc>) -> Legacy {
        let bytes = match std::fs::read(legacy) {
            Ok(bytes) => bytes,
            Err(e) => {
                self.access = Access::ReadOnly;
                self.note(format!(
                    "Cannot read {} ({e}), so progress is read-only: nothing is saved until it can be read.",
                    legacy.display()
                ));
                return Legacy::Stop(Progress::default());
            }
        };
        match json::parse(&bytes) {
            Ok(read) => Legacy::Import(read),
            Err(damage) if damage.is_newer() => {
                self.access = Access::ReadOnly;
                self.note(format!(
                    "{} was written by a newer carestudy ({damage}), so progress is read-only and the file is left as it is. Update carestudy to use it.",
                    legacy.display()
                ));
                Legacy::Stop(Progress::default())
            }
            Err(damage) => match move_aside(legacy, "damaged", now) {
                Ok(moved) => {
                    self.note(format!(
                        "Your progress file could not be read ({damage}), so it was moved to {} and progress starts afresh.",
                        moved.display()
                    ));
                    Legacy::Afresh
                }
                Err(e) => {
                    self.access = Access::ReadOnly;
                    self.note(format!(
                        "{} could not be read ({damage}) and could not be moved aside ({e}), so progress is read-only and the file is left as it is.",
                        legacy.display()
                    ));
                    Legacy::Stop(Progress::default())
                }
            },
        }
    }

    /// The old file is kept under a new name once its progress is safely in the database.
    pub(super) fn finish_import(&mut self, legacy: &Path, read: &FromJson, now: DateTime<Utc>) {
        let reviews: usize = read.progress.cards.values().map(|c| c.reviews.len()).sum();
        let what = format!(
            "Your progress ({} cards, {reviews} reviews, {} mock tests) was moved from {} into {}",
            read.progress.cards.len(),
            read.progress.mock_tests.len(),
            legacy.display(),
            DATABASE_FILE
        );
        match move_aside(legacy, "imported", now) {
            Ok(kept) => self.note(format!(
                "{what}; the old file is kept as {}.",
                kept.display()
            )),
            Err(e) => self.note(format!(
                "{what}; the old file could not be renamed ({e}) and is left as it is."
            )),
        }
        self.note_set_aside_in_file(read, legacy);
    }

    pub(super) fn note_set_aside_in_file(&mut self, read: &FromJson, file: &Path) {
        if !read.quarantined.is_empty() {
            let ids: Vec<&str> = read
                .quarantined
                .iter()
                .map(|q| q.card_id.as_str())
                .collect();
            self.note(format!(
                "{} card(s) in {} could not be read and were set aside (kept in the database's quarantine table; every other card is kept): {} ({}).",
                ids.len(),
                file.display(),
                ids.join(", "),
                read.quarantined[0].reason
            ));
        }
        if read.unreadable_mock_tests > 0 {
            self.note(format!(
                "{} mock test result(s) in {} could not be read and were left out.",
                read.unreadable_mock_tests,
                file.display()
            ));
        }
    }
}
