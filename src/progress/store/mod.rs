//! Opening a learner's progress database in a data folder, and recording to it. Each review
//! is one SQLite transaction (WAL, `synchronous=FULL`), so a review is on disk when the
//! screen says so, a crash loses at most the answer being given, and two copies of carestudy
//! can both save. Nothing here stops the app from running: problems lower what saving does
//! and leave notices for the learner. A damaged file is moved aside, never overwritten.

mod background;
mod files;
mod legacy;
mod open;

use super::db::{self, Quarantined, UndoRefused};
use super::json;
use super::location::DATABASE_FILE;
use super::model::{MockTestResult, Progress, Reviewed};
use background::Loading;
use chrono::{DateTime, Utc};
use open::Wait;
use rusqlite::{Connection, TransactionBehavior};
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// What saving does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reviews are saved to the database.
    ReadWrite,
    /// Progress is shown but nothing is saved, to protect a file: it was written by a newer
    /// carestudy, or it could not be read and could not be moved aside, or the command only
    /// reads (`stats`, `progress export`).
    ReadOnly,
    /// Nothing is saved because the folder cannot be written (or there is none).
    NotSaved,
}

/// Who opens progress: only the app and `snapshot --data-dir` ever write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the folder and the database if needed, import `progress.json`, move a damaged
    /// file aside, and save.
    Write,
    /// Read what is there; create, move and write nothing.
    Read,
}

/// The learner's progress database and what may be done with it.
#[derive(Debug)]
pub struct Store {
    conn: Option<Connection>,
    path: Option<PathBuf>,
    access: Access,
    /// What the learner needs telling, one sentence each.
    notices: Vec<String>,
    /// The notices as one line, for the status line.
    message: Option<String>,
    /// The integrity check and the history, while they run on other threads (see
    /// [`Store::open_in_background`]). Nothing is written until both are done.
    loading: Option<Loading>,
    /// The history, checked and loaded, until [`Store::finish_loading`] hands it over.
    loaded: Option<Progress>,
}

/// Why an undo could not be done.
#[derive(Debug)]
pub enum UndoError {
    /// That review is not the card's last one: another copy of carestudy reviewed the card
    /// since, or it was already taken back.
    NotLast,
    Io(io::Error),
}

impl fmt::Display for UndoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotLast => write!(f, "that answer is no longer the card's last one"),
            Self::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for UndoError {}

/// What `progress import` added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    pub cards: usize,
    pub reviews: usize,
    pub mock_tests: usize,
    /// Cards in the file that could not be read, set aside in the database.
    pub quarantined: usize,
}

/// Why an import did nothing.
#[derive(Debug)]
pub enum ImportError {
    /// The file is not a history this carestudy can read.
    Unreadable(String),
    /// Progress is not being saved here (see [`Store::message`]).
    NotWritable,
    Io(io::Error),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable(why) => write!(f, "{why}"),
            Self::NotWritable => write!(f, "progress cannot be written here"),
            Self::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ImportError {}

fn sql(e: rusqlite::Error) -> io::Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => {
            io::Error::new(io::ErrorKind::StorageFull, "no space left on the disk")
        }
        Some(rusqlite::ErrorCode::ReadOnly) => {
            io::Error::new(io::ErrorKind::PermissionDenied, "the file is read-only")
        }
        _ => io::Error::other(e),
    }
}

impl Store {
    /// A store that saves nothing and says nothing (headless runs without `--data-dir`,
    /// presentation mode).
    pub fn in_memory() -> Store {
        Store {
            conn: None,
            path: None,
            access: Access::NotSaved,
            notices: Vec::new(),
            message: None,
            loading: None,
            loaded: None,
        }
    }

    /// Opens the progress in data folder `dir`. Never fails: problems lower
    /// [`Store::access`] and leave notices. `now` names files that are moved aside.
    pub fn open(dir: &Path, mode: OpenMode, now: DateTime<Utc>) -> (Store, Progress) {
        let mut store = Store::at(dir);
        let progress = match mode {
            OpenMode::Write => store.open_for_writing(dir, now, Wait::ForHistory),
            OpenMode::Read => store.open_for_reading(dir),
        };
        store.set_message();
        (store, progress)
    }

    /// [`Store::open`] for writing, for an app that can draw its first screen without the
    /// learner's history: an existing database's `PRAGMA integrity_check` and history load
    /// run on other threads, and [`Store::finish_loading`] hands the history over. Until then
    /// the `Progress` returned is empty, and [`Store::is_loading`] says so. Nothing is written
    /// before the check has passed: a save made sooner waits for it, and a damaged file is
    /// moved aside, and the learner told, before anything is written.
    pub fn open_in_background(dir: &Path, now: DateTime<Utc>) -> (Store, Progress) {
        let mut store = Store::at(dir);
        let progress = store.open_for_writing(dir, now, Wait::No);
        store.set_message();
        (store, progress)
    }

    fn at(dir: &Path) -> Store {
        Store {
            path: Some(dir.join(DATABASE_FILE)),
            ..Store::in_memory()
        }
    }

    fn set_message(&mut self) {
        self.message = (!self.notices.is_empty())
            .then(|| self.notices.join(" ").replace(char::is_control, " "));
    }

    /// Whether the history has still to be handed over (see [`Store::open_in_background`]).
    pub fn is_loading(&self) -> bool {
        self.loading.is_some() || self.loaded.is_some()
    }

    /// The learner's history, once it is loaded and the file checked, if it was loading
    /// (see [`Store::open_in_background`]); waits for them. A damaged file is moved aside
    /// now, and a new one started (the history is then empty, and the notices say why).
    pub fn finish_loading(&mut self) -> Option<Progress> {
        self.settle();
        self.loaded.take()
    }

    /// What saving does.
    pub fn access(&self) -> Access {
        self.access
    }

    /// Everything the learner needs telling, as one line: that progress is read-only or
    /// will not be saved and why, where an old or damaged file was moved.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The notices, one sentence each, for standard error.
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// The notices, one sentence each, for standard error. Taking them leaves the store with
    /// nothing to show (so `snapshot` prints them instead of drawing them).
    pub fn take_notices(&mut self) -> Vec<String> {
        self.message = None;
        std::mem::take(&mut self.notices)
    }

    /// The progress database, whether or not it exists or is written.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn note(&mut self, notice: String) {
        self.notices.push(notice);
    }

    /// Saves one review (the card's new schedule and the review) in one transaction, when
    /// [`Access::ReadWrite`]; otherwise does nothing. On an error nothing of it is saved.
    pub fn record_review(&mut self, reviewed: &Reviewed) -> io::Result<()> {
        match self.writable() {
            Some(conn) => db::record_review(conn, reviewed).map(|_| ()).map_err(sql),
            None => Ok(()),
        }
    }

    /// Takes `reviewed` back out, in `progress` and in the database in one transaction, and
    /// restores the card's schedule from before it (a card whose first review it was becomes
    /// new again). Only the card's last review can be taken back. A review that was never
    /// saved (saving failed, or progress is not saved) is taken out of `progress` alone.
    pub fn undo_review(
        &mut self,
        progress: &mut Progress,
        reviewed: &Reviewed,
    ) -> Result<(), UndoError> {
        if !progress.is_last_review(reviewed) {
            return Err(UndoError::NotLast);
        }
        if let Some(conn) = self.writable() {
            match db::undo_review(conn, reviewed) {
                Ok(()) | Err(UndoRefused::NeverSaved) => {}
                Err(UndoRefused::NotLast) => return Err(UndoError::NotLast),
                Err(UndoRefused::Sqlite(e)) => return Err(UndoError::Io(sql(e))),
            }
        }
        progress.undo(reviewed);
        Ok(())
    }

    /// Saves a mock test's result, when [`Access::ReadWrite`].
    pub fn record_mock(&mut self, result: &MockTestResult) -> io::Result<()> {
        match self.writable() {
            Some(conn) => db::record_mock(conn, result).map_err(sql),
            None => Ok(()),
        }
    }

    /// Merges a JSON history (`progress export`'s, or an old `progress.json`) into the
    /// database and into `progress`: cards and reviews not already saved are added; for a card
    /// in both, the schedule of the later review is kept. Importing twice adds nothing more.
    pub fn import(
        &mut self,
        progress: &mut Progress,
        bytes: &[u8],
    ) -> Result<Imported, ImportError> {
        let read = json::parse(bytes).map_err(|e| ImportError::Unreadable(e.to_string()))?;
        let Some(conn) = self.writable() else {
            return Err(ImportError::NotWritable);
        };
        let (added, reloaded) = (|| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let added = db::merge(&tx, &read.progress)?;
            for bad in &read.quarantined {
                db::quarantine(&tx, bad, Utc::now())?;
            }
            tx.commit()?;
            Ok(added)
        })()
        .and_then(|added| Ok((added, db::load(conn)?.0)))
        .map_err(|e| ImportError::Io(sql(e)))?;
        // What was read from the database is now all of it, and newer than any history loaded
        // in the background.
        self.loaded = None;
        *progress = reloaded;
        Ok(Imported {
            cards: added.cards,
            reviews: added.reviews,
            mock_tests: added.mock_tests,
            quarantined: read.quarantined.len(),
        })
    }

    /// Lets the database grow by at most `pages` more pages, as a full disk would (for the
    /// store's tests; SQLite reports both the same way).
    #[doc(hidden)]
    pub fn limit_pages_for_tests(&self, pages: u32) {
        if let Some(conn) = &self.conn {
            let count: u32 = conn
                .pragma_query_value(None, "page_count", |r| r.get(0))
                .unwrap_or(0);
            let _ = conn.pragma_update(None, "max_page_count", count + pages);
        }
    }

    fn writable(&mut self) -> Option<&mut Connection> {
        // Never write to a file before it has been checked. (The history loaded meanwhile stays
        // here until it is handed over.)
        self.settle();
        if self.access == Access::ReadWrite {
            self.conn.as_mut()
        } else {
            None
        }
    }

    fn note_left_out(&mut self, bad: &[Quarantined]) {
        if !bad.is_empty() {
            let ids: Vec<&str> = bad.iter().map(|q| q.card_id.as_str()).collect();
            self.note(format!(
                "{} card(s) could not be read and are left out (every other card is kept): {}.",
                ids.len(),
                ids.join(", ")
            ));
        }
    }
}
