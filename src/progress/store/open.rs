//! Opening the progress database: for reading (`stats`, `progress export`), or for writing,
//! where a new database is made (importing an old `progress.json`), an existing one is
//! checked and read (now or in the background), and a damaged one is moved aside.

use super::background::{Loading, allow_checkpoint_on_close, read_and_check_at_once};
use super::files::{exists, move_database_aside, open_read_only};
use super::legacy::Legacy;
use super::{Access, OpenMode, Store};
use crate::progress::db::{self, Kind};
use crate::progress::json::FromJson;
use crate::progress::location::{DATABASE_FILE, PROGRESS_FILE};
use crate::progress::model::Progress;
use chrono::{DateTime, Utc};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::Path;

impl Store {
    pub(super) fn open_for_reading(&mut self, dir: &Path) -> Progress {
        self.access = Access::ReadOnly;
        let Some(path) = self.path.clone() else {
            return Progress::default();
        };
        if !exists(&path) {
            let legacy = dir.join(PROGRESS_FILE);
            if exists(&legacy) {
                return self.read_legacy_in_place(&legacy);
            }
            return Progress::default();
        }
        let opened = open_read_only(&path).and_then(|conn| {
            db::configure_read_only(&conn)?;
            let kind = db::kind(&conn)?;
            Ok((conn, kind))
        });
        match opened {
            Ok((conn, Kind::Current)) => match db::load(&conn) {
                Ok((progress, bad)) => {
                    self.note_left_out(&bad);
                    self.conn = Some(conn);
                    progress
                }
                Err(e) => {
                    self.note(format!(
                        "{} could not be read ({e}); it is left as it is.",
                        path.display()
                    ));
                    Progress::default()
                }
            },
            Ok((_, Kind::Empty)) => Progress::default(),
            Ok((_, Kind::Newer(version))) => {
                self.note(newer_database(&path, version));
                Progress::default()
            }
            Ok((_, Kind::Foreign)) => {
                self.note(format!(
                    "{} is not carestudy progress; it is left as it is.",
                    path.display()
                ));
                Progress::default()
            }
            Err(e) => {
                self.note(format!(
                    "{} could not be read ({e}); it is left as it is.",
                    path.display()
                ));
                Progress::default()
            }
        }
    }

    pub(super) fn open_for_writing(
        &mut self,
        dir: &Path,
        now: DateTime<Utc>,
        wait: Wait,
    ) -> Progress {
        let Some(path) = self.path.clone() else {
            return Progress::default();
        };
        if exists(dir) && !dir.is_dir() {
            self.note(format!(
                "Progress will not be saved: {} is a file, not a folder.",
                dir.display()
            ));
            return Progress::default();
        }
        if let Err(e) = std::fs::create_dir_all(dir) {
            self.note(format!(
                "Progress will not be saved: cannot create the folder {} ({e}).",
                dir.display()
            ));
            return Progress::default();
        }
        let legacy = dir.join(PROGRESS_FILE);
        // An old progress.json is read before any database is made for it: one from a newer
        // carestudy, or one that cannot be read, must stop the database being started empty.
        let from_json = if !exists(&path) && exists(&legacy) {
            match self.read_legacy_for_import(&legacy, now) {
                Legacy::Import(read) => Some(read),
                Legacy::Afresh => None,
                Legacy::Stop(progress) => return progress,
            }
        } else {
            None
        };
        let mut progress = self.open_database(&path, now, from_json.as_ref(), wait);
        if self.access == Access::ReadWrite
            && let Some(read) = from_json
        {
            self.finish_import(&legacy, &read, now);
            progress = read.progress;
        } else if self.access == Access::ReadWrite && exists(&legacy) {
            self.note(format!(
                "{} is still here beside {}; its progress was not imported again. \
                 `carestudy progress import {}` merges it in.",
                legacy.display(),
                DATABASE_FILE,
                legacy.display()
            ));
        }
        progress
    }

    /// Opens (or makes) the database at `path` for writing, importing `from_json` into a new
    /// one. Sets the access and returns what is saved there (nothing yet, when an existing
    /// file is left loading on other threads: `wait` says whether to wait for it).
    fn open_database(
        &mut self,
        path: &Path,
        now: DateTime<Utc>,
        from_json: Option<&FromJson>,
        wait: Wait,
    ) -> Progress {
        let opened = match self.try_open_database(path, from_json) {
            Ok(Opened::Ready(progress)) => Ok(progress),
            Ok(Opened::Existing) => match wait {
                Wait::No => {
                    self.loading = Some(Loading::start(path, now));
                    return Progress::default();
                }
                Wait::ForHistory => self.checked(read_and_check_at_once(path)),
            },
            Err(problem) => Err(problem),
        };
        opened.unwrap_or_else(|problem| self.cope(problem, path, now, from_json, Attempt::First))
    }

    /// Deals with what opening the database met: a damaged file is moved aside and a new one
    /// started (once); otherwise progress is read-only or not saved. Returns what can be shown.
    pub(super) fn cope(
        &mut self,
        problem: Problem,
        path: &Path,
        now: DateTime<Utc>,
        from_json: Option<&FromJson>,
        attempt: Attempt,
    ) -> Progress {
        match problem {
            Problem::Damaged(why) if attempt == Attempt::First => {
                self.close_without_writing();
                match move_database_aside(path, now) {
                    Ok(moved) => self.note(format!(
                        "Your progress database could not be read ({why}), so it was moved to {} and progress starts afresh.",
                        moved.display()
                    )),
                    Err(e) => {
                        self.access = Access::ReadOnly;
                        self.note(format!(
                            "{} could not be read ({why}) and could not be moved aside ({e}), so progress is read-only and the file is left as it is.",
                            path.display()
                        ));
                        return Progress::default();
                    }
                }
                match self.try_open_database(path, from_json) {
                    Ok(Opened::Ready(progress)) => progress,
                    // Another copy may have started one meanwhile.
                    Ok(Opened::Existing) => self
                        .checked(read_and_check_at_once(path))
                        .unwrap_or_else(|problem| {
                            self.cope(problem, path, now, from_json, Attempt::Second)
                        }),
                    Err(problem) => self.cope(problem, path, now, from_json, Attempt::Second),
                }
            }
            Problem::Damaged(why) => {
                self.close_without_writing();
                self.access = Access::ReadOnly;
                self.note(format!("{} could not be read ({why}).", path.display()));
                Progress::default()
            }
            Problem::Newer(version, progress) => {
                self.access = Access::ReadOnly;
                self.note(newer_database(path, version));
                progress
            }
            Problem::CannotWrite(e) => {
                self.access = Access::NotSaved;
                self.note(format!(
                    "Progress will not be saved: cannot write {} ({e}).",
                    path.display()
                ));
                // Still show what is saved, if it can be read.
                let (reader, progress) =
                    Store::open(path.parent().unwrap_or(Path::new(".")), OpenMode::Read, now);
                self.conn = reader.conn;
                progress
            }
        }
    }

    /// Lets go of the database without SQLite's closing checkpoint, which would copy the
    /// write-ahead log into a file about to be moved aside as damaged.
    fn close_without_writing(&mut self) {
        if let Some(conn) = self.conn.take() {
            let _ = conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true);
        }
    }

    /// Opens the database for writing. A new file is made (and `from_json` imported) at once;
    /// an existing one is left to be checked and read ([`Opened::Existing`]). The connection
    /// for writing is kept, and the access set as if the check will pass: nothing may write
    /// before it has.
    fn try_open_database(
        &mut self,
        path: &Path,
        from_json: Option<&FromJson>,
    ) -> Result<Opened, Problem> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(classify)?;
        conn.busy_timeout(db::BUSY_TIMEOUT).map_err(classify)?;
        // What the file is comes first: turning on the write-ahead log changes the file, and a
        // newer or foreign one must be left exactly as it is. Closing would merge its log into
        // it, so that waits until the file is known to be whole (see `Store::checked`).
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .map_err(classify)?;
        let kind = db::kind(&conn).map_err(classify)?;
        if kind == Kind::Empty {
            allow_checkpoint_on_close(&conn).map_err(classify)?;
        }
        if matches!(kind, Kind::Empty | Kind::Current) {
            db::configure(&conn).map_err(classify)?;
        }
        let mut conn = conn;
        let opened = match kind {
            Kind::Newer(version) => {
                // Shown if it reads; never written.
                let progress = db::load(&conn).map(|(p, _)| p).unwrap_or_default();
                return Err(Problem::Newer(version, progress));
            }
            Kind::Foreign => {
                return Err(Problem::Damaged(
                    "it is not a carestudy progress database".to_owned(),
                ));
            }
            Kind::Empty => {
                let tx = conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .map_err(classify)?;
                // Another copy may have made it while this one waited for the write lock.
                if db::kind(&tx).map_err(classify)? == Kind::Empty {
                    db::create(&tx).map_err(classify)?;
                    if let Some(read) = from_json {
                        db::merge(&tx, &read.progress).map_err(classify)?;
                        for bad in &read.quarantined {
                            db::quarantine(&tx, bad, Utc::now()).map_err(classify)?;
                        }
                        db::set_meta(&tx, "imported_from", PROGRESS_FILE).map_err(classify)?;
                    }
                }
                tx.commit().map_err(classify)?;
                let (progress, bad) = db::load(&conn).map_err(classify)?;
                self.note_left_out(&bad);
                Opened::Ready(progress)
            }
            Kind::Current => Opened::Existing,
        };
        self.conn = Some(conn);
        self.access = Access::ReadWrite;
        Ok(opened)
    }
}

/// Whether opening waits for an existing file's history and integrity check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wait {
    ForHistory,
    /// The app draws its first screen meanwhile.
    No,
}

/// Opening a damaged file moves it aside and tries once more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Attempt {
    First,
    Second,
}

/// A database opened for writing: a new one's history, or an existing one still to be
/// checked and read.
enum Opened {
    Ready(Progress),
    Existing,
}

pub(super) enum Problem {
    Damaged(String),
    Newer(i32, Progress),
    CannotWrite(rusqlite::Error),
}

pub(super) fn classify(e: rusqlite::Error) -> Problem {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            Problem::Damaged(e.to_string())
        }
        _ => Problem::CannotWrite(e),
    }
}

fn newer_database(path: &Path, version: i32) -> String {
    format!(
        "{} was written by a newer carestudy (database format {version}; this one reads up to {}), so progress is read-only and the file is left as it is. Update carestudy to use it.",
        path.display(),
        db::DB_VERSION
    )
}
