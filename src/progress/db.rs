//! The progress database: its schema, and every statement that reads or writes it. SQLite
//! gives the store atomic commits (one transaction per review), locking between copies of
//! carestudy, and damage detection. Times are whole microseconds since 1970 (UTC).

use super::model::{CardRecord, MockTestResult, Progress, Review, Reviewed};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::fmt;
use std::time::Duration;

/// The database's format, in `PRAGMA user_version`. A newer one is opened read-only.
pub const DB_VERSION: i32 = 1;

/// Marks the file as carestudy's (`PRAGMA application_id`): "CARE".
const APPLICATION_ID: i32 = 0x4341_5245;

/// How long a write waits for another copy of carestudy to finish its own.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

const SCHEMA: &str = "
CREATE TABLE card (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    topic TEXT NOT NULL,
    due INTEGER NOT NULL,
    stability REAL NOT NULL,
    difficulty REAL NOT NULL,
    elapsed_days INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    reps INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    state INTEGER NOT NULL,
    last_review INTEGER NOT NULL
);
CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    card INTEGER NOT NULL REFERENCES card(id),
    at INTEGER NOT NULL,
    grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
    correct INTEGER CHECK (correct IN (0, 1)),
    answer TEXT
);
CREATE TABLE mock_test (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    result TEXT NOT NULL
);
CREATE TABLE quarantine (
    id INTEGER PRIMARY KEY,
    card TEXT NOT NULL,
    reason TEXT NOT NULL,
    record TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
";

/// A card kept out of the learner's progress because it cannot be used, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct Quarantined {
    pub card_id: String,
    pub reason: String,
    /// The card as it was found, as JSON.
    pub record: String,
}

/// What a database file holds, before anything is read from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// No tables yet (a new file).
    Empty,
    /// carestudy progress this version reads.
    Current,
    /// carestudy progress from a newer version.
    Newer(i32),
    /// Some other program's database.
    Foreign,
}

pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // WAL: readers never wait for a writer; FULL: a review is on disk when the commit returns.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

pub fn configure_read_only(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)
}

pub fn kind(conn: &Connection) -> rusqlite::Result<Kind> {
    let application: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok(match (application, version) {
        _ if tables == 0 && application == 0 => Kind::Empty,
        (APPLICATION_ID, v) if v > DB_VERSION => Kind::Newer(v),
        (APPLICATION_ID, DB_VERSION) => Kind::Current,
        _ => Kind::Foreign,
    })
}

/// `PRAGMA integrity_check`: `None` when the file is whole, else SQLite's first complaint.
pub fn integrity_problem(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let first: String = conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
    Ok((first != "ok").then_some(first))
}

/// Makes the tables in an empty database, in `tx`.
pub fn create(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(SCHEMA)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", DB_VERSION)?;
    Ok(())
}

pub fn micros(time: DateTime<Utc>) -> i64 {
    time.timestamp_micros()
}

pub fn time(micros: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(micros).unwrap_or_default()
}

fn state_number(state: rs_fsrs::State) -> i64 {
    match state {
        rs_fsrs::State::New => 0,
        rs_fsrs::State::Learning => 1,
        rs_fsrs::State::Review => 2,
        rs_fsrs::State::Relearning => 3,
    }
}

fn state_of(number: i64) -> Option<rs_fsrs::State> {
    Some(match number {
        0 => rs_fsrs::State::New,
        1 => rs_fsrs::State::Learning,
        2 => rs_fsrs::State::Review,
        3 => rs_fsrs::State::Relearning,
        _ => return None,
    })
}

/// A value SQLite cannot hold as it is (a non-finite number), named for the error message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotFinite(pub String);

impl fmt::Display for NotFinite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "card {} has a schedule that is not a finite number",
            self.0
        )
    }
}

impl std::error::Error for NotFinite {}

/// Never write a non-finite number: SQLite would store NaN as NULL and the card would be lost.
fn check_finite(card_id: &str, schedule: &rs_fsrs::Card) -> rusqlite::Result<()> {
    if schedule.stability.is_finite() && schedule.difficulty.is_finite() {
        Ok(())
    } else {
        Err(rusqlite::Error::ToSqlConversionFailure(Box::new(
            NotFinite(card_id.to_owned()),
        )))
    }
}

/// Inserts or updates a card's schedule, returning its row id.
pub fn put_card(
    tx: &Transaction,
    card_id: &str,
    topic: &str,
    schedule: &rs_fsrs::Card,
) -> rusqlite::Result<i64> {
    check_finite(card_id, schedule)?;
    let mut statement = tx.prepare_cached(
        "INSERT INTO card (name, topic, due, stability, difficulty, elapsed_days, scheduled_days,
                           reps, lapses, state, last_review)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (name) DO UPDATE SET
             topic = excluded.topic, due = excluded.due, stability = excluded.stability,
             difficulty = excluded.difficulty, elapsed_days = excluded.elapsed_days,
             scheduled_days = excluded.scheduled_days, reps = excluded.reps,
             lapses = excluded.lapses, state = excluded.state,
             last_review = excluded.last_review
         RETURNING id",
    )?;
    statement.query_row(
        params![
            card_id,
            topic,
            micros(schedule.due),
            schedule.stability,
            schedule.difficulty,
            schedule.elapsed_days,
            schedule.scheduled_days,
            schedule.reps,
            schedule.lapses,
            state_number(schedule.state),
            micros(schedule.last_review),
        ],
        |r| r.get(0),
    )
}

/// Appends one review of card row `card`, returning the review's row id.
pub fn append_review(tx: &Transaction, card: i64, review: &Review) -> rusqlite::Result<i64> {
    let mut statement = tx.prepare_cached(
        "INSERT INTO review (card, at, grade, correct, answer) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    statement.execute(params![
        card,
        micros(review.at),
        review.grade,
        review.correct,
        review.answer
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Records one review: the card's new schedule and the review, in one transaction.
pub fn record_review(conn: &mut Connection, reviewed: &Reviewed) -> rusqlite::Result<i64> {
    let tx = conn.transaction()?;
    let card = put_card(&tx, &reviewed.card_id, &reviewed.topic, &reviewed.after)?;
    let id = append_review(&tx, card, &reviewed.review)?;
    tx.commit()?;
    Ok(id)
}

/// Why a review could not be taken back out of the database.
#[derive(Debug)]
pub enum UndoRefused {
    /// The card's last saved review is a later one (another copy of carestudy reviewed the
    /// card since).
    NotLast,
    /// The review is not in the database: its save failed.
    NeverSaved,
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for UndoRefused {
    fn from(e: rusqlite::Error) -> Self {
        Self::Sqlite(e)
    }
}

/// Takes `reviewed` back out of the database and restores the card's schedule from before it
/// (or removes the card, if that review was its first), in one transaction. Only the card's
/// last saved review can be taken back.
pub fn undo_review(conn: &mut Connection, reviewed: &Reviewed) -> Result<(), UndoRefused> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let card: Option<i64> = tx
        .query_row(
            "SELECT id FROM card WHERE name = ?1",
            [&reviewed.card_id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(card) = card else {
        return Err(UndoRefused::NeverSaved);
    };
    // Row ids grow, so the card's last review is its highest; scanning down from the newest
    // review finds it after a few rows (the table has no index on its card).
    let last: Option<(i64, i64, u8)> = tx
        .query_row(
            "SELECT id, at, grade FROM review WHERE card = ?1 ORDER BY id DESC LIMIT 1",
            [card],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let at = micros(reviewed.review.at);
    let Some((id, last_at, grade)) = last else {
        return Err(UndoRefused::NeverSaved);
    };
    if (last_at, grade) != (at, reviewed.review.grade) {
        return Err(if last_at > at {
            UndoRefused::NotLast
        } else {
            UndoRefused::NeverSaved
        });
    }
    tx.execute("DELETE FROM review WHERE id = ?1", [id])?;
    match &reviewed.before {
        Some(before) => {
            put_card(&tx, &reviewed.card_id, &reviewed.topic, before)?;
        }
        None => {
            tx.execute("DELETE FROM card WHERE id = ?1", [card])?;
        }
    }
    tx.commit()?;
    Ok(())
}

pub fn record_mock(conn: &mut Connection, result: &MockTestResult) -> rusqlite::Result<()> {
    let json = serde_json::to_string(result)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    conn.execute(
        "INSERT INTO mock_test (at, result) VALUES (?1, ?2)",
        params![micros(result.at), json],
    )?;
    Ok(())
}

pub fn quarantine(tx: &Transaction, bad: &Quarantined, now: DateTime<Utc>) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO quarantine (card, reason, record, at) VALUES (?1, ?2, ?3, ?4)",
        params![bad.card_id, bad.reason, bad.record, micros(now)],
    )?;
    Ok(())
}

pub fn set_meta(tx: &Transaction, key: &str, value: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Everything in the database. Cards whose rows cannot be used are left out and returned
/// with why; they stay in the database untouched.
pub fn load(conn: &Connection) -> rusqlite::Result<(Progress, Vec<Quarantined>)> {
    let (mut by_row, bad) = load_cards(conn)?;
    load_reviews(conn, &mut by_row)?;
    let progress = Progress {
        cards: by_row
            .into_iter()
            .map(|(_, name, record)| (name, record))
            .collect(),
        mock_tests: load_mock_tests(conn)?,
        ..Progress::default()
    };
    Ok((progress, bad))
}

/// A card's row id, name and record, in row id order: its reviews find it by a binary search
/// (row ids are dense and ascending, so this beats hashing 43,800 lookups).
type CardsByRow = Vec<(i64, String, CardRecord)>;

/// The cards without their reviews, and those whose rows cannot be used.
fn load_cards(conn: &Connection) -> rusqlite::Result<(CardsByRow, Vec<Quarantined>)> {
    let mut by_row = Vec::new();
    let mut bad = Vec::new();
    let mut statement = conn.prepare(
        "SELECT id, name, topic, due, stability, difficulty, elapsed_days, scheduled_days,
                reps, lapses, state, last_review FROM card ORDER BY id",
    )?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let name: String = row.get(1)?;
        let stability: Option<f64> = row.get(4)?;
        let difficulty: Option<f64> = row.get(5)?;
        let state = state_of(row.get(10)?);
        let (Some(stability), Some(difficulty), Some(state)) = (stability, difficulty, state)
        else {
            bad.push(Quarantined {
                card_id: name,
                reason: "its schedule has a missing number or an unknown state".to_owned(),
                record: String::new(),
            });
            continue;
        };
        let schedule = rs_fsrs::Card {
            due: time(row.get(3)?),
            stability,
            difficulty,
            elapsed_days: row.get(6)?,
            scheduled_days: row.get(7)?,
            reps: row.get(8)?,
            lapses: row.get(9)?,
            state,
            last_review: time(row.get(11)?),
        };
        let record = CardRecord {
            topic: row.get(2)?,
            schedule,
            reviews: Vec::new(),
        };
        by_row.push((id, name, record));
    }
    Ok((by_row, bad))
}

/// Every review, onto its card (a review of a card left out is left out too).
fn load_reviews(conn: &Connection, by_row: &mut CardsByRow) -> rusqlite::Result<()> {
    let mut statement =
        conn.prepare("SELECT card, at, grade, correct, answer FROM review ORDER BY id")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let card: i64 = row.get(0)?;
        if let Ok(at) = by_row.binary_search_by_key(&card, |(id, _, _)| *id)
            && let Some((_, _, record)) = by_row.get_mut(at)
        {
            record.reviews.push(Review {
                at: time(row.get(1)?),
                grade: row.get(2)?,
                correct: row.get(3)?,
                answer: row.get(4)?,
            });
        }
    }
    Ok(())
}

/// The mock tests' results, oldest first. A result that does not read is left out of the
/// figures, and kept in the file.
fn load_mock_tests(conn: &Connection) -> rusqlite::Result<Vec<MockTestResult>> {
    let mut statement = conn.prepare("SELECT result FROM mock_test ORDER BY at, id")?;
    let mut rows = statement.query([])?;
    let mut results = Vec::new();
    while let Some(row) = rows.next()? {
        let text: String = row.get(0)?;
        if let Ok(result) = serde_json::from_str::<MockTestResult>(&text) {
            results.push(result);
        }
    }
    Ok(results)
}

/// How many cards, reviews and mock tests an import added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Added {
    pub cards: usize,
    pub reviews: usize,
    pub mock_tests: usize,
}

/// Merges `incoming` into the database in `tx`: new cards are added; for a card already
/// here, reviews not already here are added, and the schedule of whichever side reviewed it
/// last is kept; mock tests not already here are added. Importing the same history twice
/// adds nothing the second time.
pub fn merge(tx: &Transaction, incoming: &Progress) -> rusqlite::Result<Added> {
    let mut added = Added::default();
    // What is already here, read once: the review table has no index on its card (each save
    // would write one more page to keep it).
    let mut have: std::collections::HashSet<(i64, i64, u8)> = std::collections::HashSet::new();
    {
        let mut statement = tx.prepare("SELECT card, at, grade FROM review")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            have.insert((row.get(0)?, row.get(1)?, row.get(2)?));
        }
    }
    for (card_id, record) in &incoming.cards {
        let existing: Option<(i64, i64)> = tx
            .query_row(
                "SELECT id, last_review FROM card WHERE name = ?1",
                [card_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let row = match existing {
            None => {
                added.cards += 1;
                put_card(tx, card_id, &record.topic, &record.schedule)?
            }
            Some((row, last_review)) if micros(record.schedule.last_review) > last_review => {
                put_card(tx, card_id, &record.topic, &record.schedule)?;
                row
            }
            Some((row, _)) => row,
        };
        for review in &record.reviews {
            if have.insert((row, micros(review.at), review.grade)) {
                append_review(tx, row, review)?;
                added.reviews += 1;
            }
        }
    }
    for result in &incoming.mock_tests {
        let present: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM mock_test WHERE at = ?1)",
            [micros(result.at)],
            |r| r.get(0),
        )?;
        if !present {
            let json = serde_json::to_string(result)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
            tx.execute(
                "INSERT INTO mock_test (at, result) VALUES (?1, ?2)",
                params![micros(result.at), json],
            )?;
            added.mock_tests += 1;
        }
    }
    Ok(added)
}
