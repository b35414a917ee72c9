//! An existing database's integrity check and history, read on another thread while the app
//! draws its first frame ([`Store::open_in_background`]), or on two threads at once while a
//! command waits. Nothing is written to the file before its check has passed.

use super::Store;
use super::open::{Attempt, Problem, classify};
use crate::progress::db::{self, Quarantined};
use crate::progress::model::Progress;
use chrono::{DateTime, Utc};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use std::io;
use std::path::Path;
use std::thread::JoinHandle;

impl Store {
    /// Waits for the integrity check and the history, if they are running, and deals with
    /// what the check found.
    pub(super) fn settle(&mut self) {
        let (Some(Loading { thread, now }), Some(path)) = (self.loading.take(), self.path.clone())
        else {
            return;
        };
        let read = thread.join().unwrap_or_else(|_| stopped());
        let progress = match self.checked(read) {
            Ok(progress) => progress,
            Err(problem) => self.cope(problem, &path, now, None, Attempt::First),
        };
        self.loaded = Some(progress);
        self.set_message();
    }

    /// The history read, if the integrity check passed. Closing the connection may then
    /// merge the write-ahead log into the file, as usual.
    pub(super) fn checked(&mut self, (checked, loaded): Read) -> Result<Progress, Problem> {
        if let Some(why) = checked.map_err(classify)? {
            return Err(Problem::Damaged(why));
        }
        if let Some(conn) = &self.conn {
            allow_checkpoint_on_close(conn).map_err(classify)?;
        }
        let (progress, bad) = loaded.map_err(classify)?;
        self.note_left_out(&bad);
        Ok(progress)
    }
}

/// An existing database's history load and integrity check, on a thread of their own.
#[derive(Debug)]
pub(super) struct Loading {
    thread: JoinHandle<Read>,
    /// When it was opened, to name a damaged file moved aside.
    now: DateTime<Utc>,
}

impl Loading {
    /// Starts reading and checking the database at `path` on one thread, so that the first
    /// frame keeps a core to itself.
    pub(super) fn start(path: &Path, now: DateTime<Utc>) -> Loading {
        let path = path.to_path_buf();
        let thread = std::thread::spawn(move || read_then_check(&path));
        Loading { thread, now }
    }
}

/// What reading an existing database found: its integrity check's complaint, and its history.
pub(super) type Read = (
    rusqlite::Result<Option<String>>,
    rusqlite::Result<(Progress, Vec<Quarantined>)>,
);

pub(super) fn allow_checkpoint_on_close(conn: &Connection) -> rusqlite::Result<bool> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)
}

/// A read-only connection to the database at `path`, for reading beside the one that writes.
fn reader(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(db::BUSY_TIMEOUT)?;
    Ok(conn)
}

/// Reads the history, then checks the whole file, on one connection.
fn read_then_check(path: &Path) -> Read {
    match reader(path) {
        Ok(conn) => {
            let history = db::load(&conn);
            (db::integrity_problem(&conn), history)
        }
        Err(e) => (Err(e), Err(rusqlite::Error::InvalidQuery)),
    }
}

/// Checks the file on another thread while this one reads the history (each on a connection
/// of its own): with a core free, the check then adds little to the wait.
pub(super) fn read_and_check_at_once(path: &Path) -> Read {
    let checking = {
        let path = path.to_path_buf();
        std::thread::spawn(move || reader(&path).and_then(|conn| db::integrity_problem(&conn)))
    };
    let history = reader(path).and_then(|conn| db::load(&conn));
    let check = checking.join().unwrap_or_else(|_| stopped().0);
    (check, history)
}

/// What a reading thread that stopped short (a bug, not the file's fault) counts as: progress
/// that cannot be saved this time, the file left as it is.
fn stopped() -> Read {
    let error = || {
        rusqlite::Error::ToSqlConversionFailure(Box::new(io::Error::other(
            "reading it stopped short",
        )))
    };
    (Err(error()), Err(error()))
}
