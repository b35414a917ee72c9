//! The progress store against real folders: round trips, old `progress.json` files (fixtures
//! written by the JSON store before the database), damaged and newer files, two copies at
//! once, folders that cannot be written, a full disk, undo, export and import, and crashes
//! (simulated, and real SIGKILLs).

use carestudy::progress::{
    Access, DATABASE_FILE, MissedQuestion, MockTestResult, OpenMode, PROGRESS_FILE, Progress,
    Reviewed, Store, UndoError, export_json,
};
use carestudy::quiz::{Grade, ReviewDetail, Scheduler};
use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

fn open(dir: &Path, now: DateTime<Utc>) -> (Store, Progress) {
    Store::open(dir, OpenMode::Write, now)
}

fn read(dir: &Path) -> (Store, Progress) {
    Store::open(dir, OpenMode::Read, at(0))
}

fn temp_dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("cannot make a temporary folder: {e}"),
    }
}

fn at(seconds: i64) -> DateTime<Utc> {
    match Utc.with_ymd_and_hms(2026, 11, 21, 15, 4, 5) {
        chrono::LocalResult::Single(t) => t + Duration::seconds(seconds),
        _ => panic!("bad test time"),
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/progress")
        .join(name);
    match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => panic!("cannot read {}: {e}", path.display()),
    }
}

/// One answer, made and saved as the app makes it.
fn answer(
    store: &mut Store,
    progress: &mut Progress,
    card_id: &str,
    when: DateTime<Utc>,
    grade: u8,
) -> io::Result<Reviewed> {
    let topic = card_id.split('#').next().unwrap_or(card_id).to_owned();
    let grade = Grade::from_number(grade).unwrap_or(Grade::Good);
    let detail = ReviewDetail {
        // Multiple-choice answers grade themselves 1 or 3; written answers carry their text.
        correct: matches!(grade, Grade::Again | Grade::Good).then_some(grade == Grade::Good),
        answer: (grade == Grade::Easy).then(|| format!("typed answer at {when}")),
    };
    let reviewed = Scheduler::new().review(progress, card_id, &topic, grade, detail, when);
    store.record_review(&reviewed)?;
    Ok(reviewed)
}

fn mock(when: DateTime<Utc>) -> MockTestResult {
    MockTestResult {
        at: when,
        questions: 2,
        correct: 1,
        per_guide: BTreeMap::from([("safeguarding".to_owned(), (2, 1))]),
        missed: vec![MissedQuestion {
            card_id: "safeguarding/abuse#mcq:neglect".to_owned(),
            question: "Which is a sign of neglect?".to_owned(),
            correct_answer: "Poor hygiene".to_owned(),
        }],
        time_limit_minutes: Some(30),
    }
}

fn sample(store: &mut Store, progress: &mut Progress) -> io::Result<()> {
    answer(store, progress, "care/dignity#term:dignity", at(0), 3)?;
    answer(store, progress, "care/dignity#term:dignity", at(60), 4)?;
    answer(
        store,
        progress,
        "safeguarding/abuse#mcq:neglect",
        at(120),
        1,
    )?;
    answer(
        store,
        progress,
        "safeguarding/abuse#mcq:neglect",
        at(180),
        2,
    )?;
    let result = mock(at(300));
    store.record_mock(&result)?;
    progress.mock_tests.push(result);
    Ok(())
}

fn review_count(progress: &Progress) -> usize {
    progress.cards.values().map(|c| c.reviews.len()).sum()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(e) => panic!("cannot list {}: {e}", dir.display()),
    };
    names.sort();
    names
}

#[test]
fn saved_reviews_and_mock_tests_read_back_the_same() -> io::Result<()> {
    let dir = temp_dir();
    let mut progress;
    {
        let (mut store, loaded) = open(dir.path(), at(0));
        assert_eq!(store.access(), Access::ReadWrite);
        assert_eq!(store.message(), None);
        assert_eq!(loaded, Progress::default());
        assert_eq!(store.path(), Some(dir.path().join(DATABASE_FILE).as_path()));
        progress = loaded;
        sample(&mut store, &mut progress)?;
    }
    let (store, loaded) = open(dir.path(), at(1));
    assert_eq!(store.message(), None);
    assert_eq!(loaded, progress);
    assert_eq!(review_count(&loaded), 4);
    drop(store);
    // The write-ahead log is folded into the file when the last copy closes it.
    assert_eq!(names(dir.path()), [DATABASE_FILE]);
    Ok(())
}

/// The fixtures are `progress.json` files as the JSON store wrote them (see the folder's
/// README): each is imported whole on first start, kept under a new name, and the learner
/// told; the next start imports nothing again.
#[test]
fn old_progress_files_are_imported_once_and_kept() -> io::Result<()> {
    for name in ["v1.json", "v2.json"] {
        let dir = temp_dir();
        let bytes = fixture(name);
        std::fs::write(dir.path().join(PROGRESS_FILE), &bytes)?;
        let expected: Progress = match carestudy::progress::parse_json(&bytes) {
            Ok(read) => read.progress,
            Err(e) => panic!("{name}: {e}"),
        };
        assert!(review_count(&expected) >= 16, "{name}");

        let (store, progress) = open(dir.path(), at(0));
        assert_eq!(store.access(), Access::ReadWrite, "{name}");
        assert_eq!(progress, expected, "{name}");
        let kept = dir.path().join("progress.json.imported-20261121T150405Z");
        let message = store.message().unwrap_or_default().to_owned();
        assert!(
            message.contains(&kept.display().to_string()),
            "{name}: {message}"
        );
        assert!(
            message.contains("11 cards, 17 reviews"),
            "{name}: {message}"
        );
        assert!(
            std::fs::read(&kept)? == bytes,
            "{name}: the old file is kept as it was"
        );
        assert!(!dir.path().join(PROGRESS_FILE).exists(), "{name}");
        drop(store);

        let (store, again) = open(dir.path(), at(10));
        assert_eq!(store.message(), None, "{name}");
        assert_eq!(again, expected, "{name}");
    }
    // Version 2 added typed answers and mock tests: all of them came across.
    let dir = temp_dir();
    std::fs::write(dir.path().join(PROGRESS_FILE), fixture("v2.json"))?;
    let (_, progress) = open(dir.path(), at(0));
    assert_eq!(progress.mock_tests.len(), 2);
    let answers: Vec<&str> = progress
        .cards
        .values()
        .flat_map(|c| &c.reviews)
        .filter_map(|r| r.answer.as_deref())
        .collect();
    assert_eq!(answers.len(), 2, "{answers:?}");
    Ok(())
}

/// #13.2: a file with one card whose stability was saved as `null` (as the JSON store did
/// when the clock went backwards) keeps every other card; the bad one is set aside in the
/// database and the learner is told which.
#[test]
fn a_file_with_one_bad_card_keeps_every_other_card() -> io::Result<()> {
    let dir = temp_dir();
    let bytes = fixture("v2-stability-null.json");
    std::fs::write(dir.path().join(PROGRESS_FILE), &bytes)?;
    let (store, progress) = open(dir.path(), at(0));
    assert_eq!(store.access(), Access::ReadWrite);
    let ids: Vec<&str> = progress.cards.keys().map(String::as_str).collect();
    assert_eq!(ids, ["care/dignity#mcq:respect", "care/privacy#write:0"]);
    let message = store.message().unwrap_or_default().to_owned();
    assert!(message.contains("care/dignity#flip:0"), "{message}");
    assert!(message.contains("set aside"), "{message}");
    drop(store);
    // Kept, with why, in the database's quarantine table.
    let conn =
        rusqlite::Connection::open(dir.path().join(DATABASE_FILE)).map_err(io::Error::other)?;
    let (card, record): (String, String) = conn
        .query_row("SELECT card, record FROM quarantine", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .map_err(io::Error::other)?;
    assert_eq!(card, "care/dignity#flip:0");
    assert!(record.contains("\"stability\":null"), "{record}");
    Ok(())
}

/// Each kind of damaged `progress.json`: moved aside intact, the learner told where,
/// progress starts afresh in a new database.
#[test]
fn damaged_progress_files_are_moved_aside_intact() -> io::Result<()> {
    let valid = fixture("v2.json");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("garbage", b"this is not progress".to_vec()),
        ("truncated", valid[..valid.len() / 2].to_vec()),
        ("empty", Vec::new()),
        (
            "wrong shape",
            br#"{"version": 2, "cards": [1, 2, 3]}"#.to_vec(),
        ),
        ("no version", br#"{"cards": {}}"#.to_vec()),
        (
            "binary",
            vec![0x00, 0xff, 0xfe, 0x80, 0x7b, 0x22, 0xc3, 0x28],
        ),
    ];
    for (name, bytes) in cases {
        let dir = temp_dir();
        std::fs::write(dir.path().join(PROGRESS_FILE), &bytes)?;
        let (mut store, mut progress) = open(dir.path(), at(0));
        let moved = dir.path().join("progress.json.damaged-20261121T150405Z");
        assert_eq!(store.access(), Access::ReadWrite, "{name}");
        assert_eq!(progress, Progress::default(), "{name}");
        let message = store.message().unwrap_or_default().to_owned();
        assert!(
            message.contains(&moved.display().to_string()),
            "{name}: {message}"
        );
        assert!(!message.contains('\n'), "{name}: one line: {message}");
        assert!(
            std::fs::read(&moved)? == bytes,
            "{name}: the moved copy has the same bytes"
        );
        answer(&mut store, &mut progress, "g/t#flip:0", at(1), 3)?;
        drop(store);
        let (store, loaded) = open(dir.path(), at(10));
        assert_eq!(store.message(), None, "{name}");
        assert_eq!(loaded, progress, "{name}");
        assert!(
            std::fs::read(&moved)? == bytes,
            "{name}: the damaged copy is untouched"
        );
    }
    Ok(())
}

#[test]
fn a_second_damaged_file_in_the_same_second_gets_a_suffix() -> io::Result<()> {
    let dir = temp_dir();
    let path = dir.path().join(PROGRESS_FILE);
    std::fs::write(&path, b"first damage")?;
    drop(open(dir.path(), at(0)));
    std::fs::remove_file(dir.path().join(DATABASE_FILE))?;
    std::fs::write(&path, b"second damage")?;
    let (second, _) = open(dir.path(), at(0));
    let suffixed = dir.path().join("progress.json.damaged-20261121T150405Z-1");
    assert!(
        second
            .message()
            .is_some_and(|m| m.contains(&suffixed.display().to_string())),
        "{:?}",
        second.message()
    );
    assert_eq!(
        std::fs::read(dir.path().join("progress.json.damaged-20261121T150405Z"))?,
        b"first damage"
    );
    assert_eq!(std::fs::read(&suffixed)?, b"second damage");
    Ok(())
}

/// Damaged databases: not a database at all, torn in half, pages scribbled over, someone
/// else's. The torn and scribbled ones still read as carestudy's until checked.
fn damaged_databases() -> io::Result<Vec<(&'static str, Vec<u8>)>> {
    let good = {
        let dir = temp_dir();
        let (mut store, mut progress) = open(dir.path(), at(0));
        // Enough rows for the file to span many pages.
        for n in 0..400 {
            answer(
                &mut store,
                &mut progress,
                &format!("g/t#card:{n}"),
                at(n),
                3,
            )?;
        }
        drop(store);
        std::fs::read(dir.path().join(DATABASE_FILE))?
    };
    let mut scribbled = good.clone();
    // Overwrite pages after the first: SQLite's own header still reads.
    for byte in scribbled.iter_mut().skip(4096 * 2).take(4096 * 3) {
        *byte = 0x5a;
    }
    let foreign = {
        let dir = temp_dir();
        let path = dir.path().join("other.sqlite3");
        let conn = rusqlite::Connection::open(&path).map_err(io::Error::other)?;
        conn.execute_batch(
            "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');",
        )
        .map_err(io::Error::other)?;
        drop(conn);
        std::fs::read(&path)?
    };
    Ok(vec![
        (
            "garbage",
            b"this is not a database at all, not even close".repeat(100),
        ),
        ("torn", good[..good.len() / 2].to_vec()),
        ("scribbled", scribbled),
        ("foreign", foreign),
    ])
}

/// A damaged database is moved aside with its bytes intact, the learner told, and a new one
/// started.
#[test]
fn a_damaged_database_is_moved_aside_intact() -> io::Result<()> {
    for (name, bytes) in damaged_databases()? {
        let dir = temp_dir();
        let path = dir.path().join(DATABASE_FILE);
        std::fs::write(&path, &bytes)?;
        let (mut store, mut progress) = open(dir.path(), at(0));
        let moved = dir.path().join("progress.sqlite3.damaged-20261121T150405Z");
        assert_eq!(
            store.access(),
            Access::ReadWrite,
            "{name}: {:?}",
            store.message()
        );
        assert_eq!(progress, Progress::default(), "{name}");
        let message = store.message().unwrap_or_default().to_owned();
        assert!(
            message.contains(&moved.display().to_string()),
            "{name}: {message}"
        );
        assert!(
            std::fs::read(&moved)? == bytes,
            "{name}: the moved copy has the same bytes"
        );
        answer(&mut store, &mut progress, "g/t#flip:0", at(1), 3)?;
        drop(store);
        let (store, loaded) = open(dir.path(), at(2));
        assert_eq!(store.message(), None, "{name}");
        assert_eq!(loaded, progress, "{name}");
    }
    Ok(())
}

/// The app's open (#14: the history and the integrity check load while the first frame is
/// drawn) hands over the same history as a full open, once.
#[test]
fn opening_in_the_background_hands_over_the_whole_history() -> io::Result<()> {
    let dir = temp_dir();
    {
        let (mut store, mut progress) = open(dir.path(), at(0));
        sample(&mut store, &mut progress)?;
    }
    let (_, whole) = open(dir.path(), at(1));
    assert_eq!(review_count(&whole), 4);
    let (mut store, first) = Store::open_in_background(dir.path(), at(1));
    assert!(store.is_loading());
    assert_eq!(
        first,
        Progress::default(),
        "nothing before it is handed over"
    );
    assert_eq!(store.access(), Access::ReadWrite);
    assert_eq!(store.finish_loading(), Some(whole));
    assert!(!store.is_loading());
    assert_eq!(store.finish_loading(), None, "handed over once");
    assert_eq!(store.message(), None);
    // A new folder has nothing to load.
    let fresh = temp_dir();
    let (store, progress) = Store::open_in_background(fresh.path(), at(1));
    assert!(!store.is_loading());
    assert_eq!(progress, Progress::default());
    Ok(())
}

/// A file that only the integrity check finds damaged, found while the app's first frame is
/// drawn: nothing is written to it. A save made before the history is handed over waits for
/// the check, which moves the file aside intact and tells the learner; the save goes into a
/// new database.
#[test]
fn a_damaged_database_found_in_the_background_is_moved_aside_before_any_write() -> io::Result<()> {
    let mut found_in_the_background = Vec::new();
    for (name, bytes) in damaged_databases()? {
        let dir = temp_dir();
        let path = dir.path().join(DATABASE_FILE);
        std::fs::write(&path, &bytes)?;
        let (mut store, mut progress) = Store::open_in_background(dir.path(), at(0));
        if !store.is_loading() {
            // Found on opening (not a database, someone else's): as for the app's full open.
            continue;
        }
        found_in_the_background.push(name);
        assert_eq!(store.message(), None, "{name}: nothing known yet");
        assert!(std::fs::read(&path)? == bytes, "{name}: untouched so far");
        answer(&mut store, &mut progress, "g/t#flip:0", at(1), 3)?;
        let moved = dir.path().join("progress.sqlite3.damaged-20261121T150405Z");
        assert!(
            std::fs::read(&moved)? == bytes,
            "{name}: the moved copy has the same bytes"
        );
        let message = store.message().unwrap_or_default().to_owned();
        assert!(
            message.contains(&moved.display().to_string()),
            "{name}: {message}"
        );
        assert_eq!(store.finish_loading(), Some(Progress::default()), "{name}");
        drop(store);
        let (store, loaded) = open(dir.path(), at(2));
        assert_eq!(store.message(), None, "{name}");
        assert_eq!(loaded, progress, "{name}: the save went into the new file");
    }
    assert_eq!(found_in_the_background, ["scribbled"]);
    Ok(())
}

/// A damaged file whose write-ahead log still holds saves (a carestudy file only the integrity
/// check finds damaged; someone else's database): both are moved aside as they were. Closing
/// SQLite's connection would otherwise first merge the log into the file.
#[test]
fn a_damaged_database_keeps_its_unmerged_log_when_moved_aside() -> io::Result<()> {
    // Saves left in the log, as a copy of carestudy killed mid-session leaves them.
    let leave_in_log = |path: &Path, sql: &str| -> io::Result<()> {
        let conn = rusqlite::Connection::open(path).map_err(io::Error::other)?;
        conn.execute_batch(&format!(
            "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; {sql}"
        ))
        .map_err(io::Error::other)?;
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )
        .map_err(io::Error::other)?;
        Ok(())
    };
    let mut cases = Vec::new();
    {
        let dir = temp_dir();
        let path = dir.path().join(DATABASE_FILE);
        {
            let (mut store, mut progress) = open(dir.path(), at(0));
            for n in 0..400 {
                answer(&mut store, &mut progress, &format!("g/t#c:{n}"), at(n), 3)?;
            }
        }
        leave_in_log(&path, "UPDATE card SET reps = reps + 1;")?;
        let mut bytes = std::fs::read(&path)?;
        for byte in bytes.iter_mut().skip(4096 * 2).take(4096 * 3) {
            *byte = 0x5a;
        }
        let log = std::fs::read(dir.path().join(format!("{DATABASE_FILE}-wal")))?;
        cases.push(("scribbled", bytes, log));
    }
    {
        let dir = temp_dir();
        let path = dir.path().join("other.sqlite3");
        leave_in_log(&path, "CREATE TABLE recipes (name TEXT);")?;
        leave_in_log(&path, "INSERT INTO recipes VALUES ('soup');")?;
        let log = std::fs::read(dir.path().join("other.sqlite3-wal"))?;
        cases.push(("foreign", std::fs::read(&path)?, log));
    }
    // Closed before its check has finished (the learner quit at once): the file and its log
    // are left exactly as they were, for the next start to check.
    {
        let (_, bytes, log) = &cases[0];
        let dir = temp_dir();
        let path = dir.path().join(DATABASE_FILE);
        std::fs::write(&path, bytes)?;
        std::fs::write(dir.path().join(format!("{DATABASE_FILE}-wal")), log)?;
        let (store, _) = Store::open_in_background(dir.path(), at(0));
        assert!(store.is_loading());
        // The reading thread is done by then: the store's own connection is the last.
        std::thread::sleep(std::time::Duration::from_millis(300));
        drop(store);
        assert!(std::fs::read(&path)? == *bytes, "the file is as it was");
        assert!(
            std::fs::read(dir.path().join(format!("{DATABASE_FILE}-wal")))? == *log,
            "its log is as it was"
        );
    }
    for (name, bytes, log) in cases {
        assert!(!log.is_empty(), "{name}: the log holds saves");
        for background in [false, true] {
            let dir = temp_dir();
            std::fs::write(dir.path().join(DATABASE_FILE), &bytes)?;
            std::fs::write(dir.path().join(format!("{DATABASE_FILE}-wal")), &log)?;
            let (mut store, _) = if background {
                Store::open_in_background(dir.path(), at(0))
            } else {
                open(dir.path(), at(0))
            };
            let _ = store.finish_loading();
            let message = store.message().unwrap_or_default().to_owned();
            let moved = dir.path().join("progress.sqlite3.damaged-20261121T150405Z");
            assert!(
                message.contains(&moved.display().to_string()),
                "{name}, background {background}: {message}"
            );
            assert!(
                std::fs::read(&moved)? == bytes,
                "{name}, background {background}: the file is moved as it was"
            );
            let moved_log = dir
                .path()
                .join("progress.sqlite3.damaged-20261121T150405Z-wal");
            assert!(
                std::fs::read(&moved_log)? == log,
                "{name}, background {background}: its log is moved beside it as it was"
            );
        }
    }
    Ok(())
}

/// #13.4: a file from a newer carestudy is not damaged: it is opened read-only, left exactly
/// as it is, and the learner told.
#[test]
fn files_from_a_newer_version_are_read_only_and_left_alone() -> io::Result<()> {
    // A newer progress.json: no database is made beside it.
    let dir = temp_dir();
    let newer = br#"{"version": 99, "cards": {}, "hologram": true}"#;
    std::fs::write(dir.path().join(PROGRESS_FILE), newer)?;
    let (mut store, mut progress) = open(dir.path(), at(0));
    assert_eq!(store.access(), Access::ReadOnly);
    assert!(
        store
            .message()
            .is_some_and(|m| m.contains("newer carestudy") && m.contains("read-only")),
        "{:?}",
        store.message()
    );
    answer(&mut store, &mut progress, "g/t#flip:0", at(1), 3)?;
    drop(store);
    assert_eq!(names(dir.path()), [PROGRESS_FILE]);
    assert_eq!(std::fs::read(dir.path().join(PROGRESS_FILE))?, newer);

    // A newer database: what it holds is shown, nothing is written.
    let dir = temp_dir();
    {
        let (mut store, mut progress) = open(dir.path(), at(0));
        answer(&mut store, &mut progress, "g/t#flip:0", at(1), 3)?;
    }
    let path = dir.path().join(DATABASE_FILE);
    {
        let conn = rusqlite::Connection::open(&path).map_err(io::Error::other)?;
        conn.pragma_update(None, "user_version", 7)
            .map_err(io::Error::other)?;
    }
    let before = std::fs::read(&path)?;
    let (mut store, mut progress) = open(dir.path(), at(2));
    assert_eq!(store.access(), Access::ReadOnly);
    assert_eq!(progress.cards.len(), 1);
    assert!(
        store
            .message()
            .is_some_and(|m| m.contains("newer carestudy")),
        "{:?}",
        store.message()
    );
    answer(&mut store, &mut progress, "g/t#flip:1", at(3), 3)?;
    drop(store);
    assert!(
        std::fs::read(&path)? == before,
        "the newer database is unchanged"
    );
    Ok(())
}

/// #14.1: two copies of carestudy can both save; neither loses the other's reviews.
#[test]
fn two_copies_both_save() -> io::Result<()> {
    let dir = temp_dir();
    let (mut first, mut first_progress) = open(dir.path(), at(0));
    let (mut second, mut second_progress) = open(dir.path(), at(0));
    assert_eq!(first.access(), Access::ReadWrite);
    assert_eq!(second.access(), Access::ReadWrite);
    assert_eq!(second.message(), None);
    for n in 0..5 {
        answer(&mut first, &mut first_progress, "g/a#flip:0", at(n * 2), 3)?;
        answer(
            &mut second,
            &mut second_progress,
            "g/b#flip:0",
            at(n * 2 + 1),
            4,
        )?;
    }
    drop((first, second));
    let (_, loaded) = open(dir.path(), at(100));
    assert_eq!(
        loaded.cards["g/a#flip:0"],
        first_progress.cards["g/a#flip:0"]
    );
    assert_eq!(
        loaded.cards["g/b#flip:0"],
        second_progress.cards["g/b#flip:0"]
    );
    Ok(())
}

/// #13.4: reading progress (`stats`, `progress export`) creates nothing: no folder, no
/// database, no lock; an old progress.json is read where it is and not renamed.
#[test]
fn reading_creates_and_moves_nothing() -> io::Result<()> {
    let dir = temp_dir();
    let absent = dir.path().join("absent");
    let (store, progress) = read(&absent);
    assert_eq!(progress, Progress::default());
    assert_eq!(store.access(), Access::ReadOnly);
    assert!(!absent.exists());

    let bytes = fixture("v2.json");
    std::fs::write(dir.path().join(PROGRESS_FILE), &bytes)?;
    let (store, progress) = read(dir.path());
    assert_eq!(review_count(&progress), 17);
    assert!(
        store.message().is_some_and(|m| m.contains("progress.json")),
        "{:?}",
        store.message()
    );
    assert_eq!(names(dir.path()), [PROGRESS_FILE]);

    std::fs::write(dir.path().join(PROGRESS_FILE), b"{ damaged")?;
    let (store, _) = read(dir.path());
    assert!(
        store.message().is_some_and(|m| m.contains("left as it is")),
        "{:?}",
        store.message()
    );
    assert_eq!(std::fs::read(dir.path().join(PROGRESS_FILE))?, b"{ damaged");

    // A database is read, and nothing is left beside it.
    std::fs::remove_file(dir.path().join(PROGRESS_FILE))?;
    {
        let (mut store, mut progress) = open(dir.path(), at(0));
        sample(&mut store, &mut progress)?;
    }
    let (store, loaded) = read(dir.path());
    assert_eq!(review_count(&loaded), 4);
    assert_eq!(store.message(), None);
    drop(store);
    assert_eq!(names(dir.path()), [DATABASE_FILE]);
    Ok(())
}

#[test]
fn a_folder_path_that_is_a_file_is_not_saved() -> io::Result<()> {
    let dir = temp_dir();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"a learner's own file")?;
    for data in [file.clone(), file.join("below")] {
        let (mut store, mut progress) = open(&data, at(0));
        assert_eq!(store.access(), Access::NotSaved, "{}", data.display());
        assert!(
            store
                .message()
                .is_some_and(|m| m.contains("will not be saved")),
            "{:?}",
            store.message()
        );
        answer(&mut store, &mut progress, "g/t#flip:0", at(1), 3)?;
    }
    assert_eq!(std::fs::read(&file)?, b"a learner's own file");
    Ok(())
}

#[cfg(unix)]
#[test]
fn an_unwritable_folder_is_not_saved_but_still_loads() -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    let data = dir.path().join("data");
    std::fs::create_dir(&data)?;
    let saved = {
        let (mut store, mut progress) = open(&data, at(0));
        sample(&mut store, &mut progress)?;
        progress
    };
    let db = data.join(DATABASE_FILE);
    let on_disk = std::fs::read(&db)?;
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o555))?;
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444))?;

    // Root ignores permissions; then there is nothing to test.
    let probe = data.join("probe");
    let chmod_works = std::fs::File::create(&probe).is_err();
    let _ = std::fs::remove_file(&probe);
    if chmod_works {
        let (mut store, mut progress) = open(&data, at(1));
        assert_eq!(store.access(), Access::NotSaved, "{:?}", store.message());
        assert_eq!(progress, saved, "progress still loads");
        assert!(
            store
                .message()
                .is_some_and(|m| m.contains("will not be saved")),
            "{:?}",
            store.message()
        );
        answer(&mut store, &mut progress, "g/t#flip:0", at(2), 3)?;
        drop(store);
        assert!(std::fs::read(&db)? == on_disk, "nothing written");

        let (store, _) = open(&data.join("below"), at(2));
        assert_eq!(store.access(), Access::NotSaved);
    } else {
        eprintln!("skipped: permissions have no effect (running as root?)");
    }
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755))?;
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644))?;
    Ok(())
}

/// A full disk (simulated with SQLite's page limit): the save fails with "no space", nothing
/// of it is half-written, and everything saved before is intact.
#[test]
fn a_full_disk_fails_the_save_and_keeps_what_was_saved() -> io::Result<()> {
    let dir = temp_dir();
    let (mut store, mut progress) = open(dir.path(), at(0));
    answer(&mut store, &mut progress, "g/t#flip:0", at(0), 3)?;
    let saved = progress.clone();
    store.limit_pages_for_tests(20);
    let mut failure = None;
    for n in 1..2000 {
        let mut attempt = progress.clone();
        let text = "a long written answer ".repeat(200);
        let reviewed = Scheduler::new().review(
            &mut attempt,
            &format!("g/t#write:{n}"),
            "g/t",
            Grade::Good,
            ReviewDetail {
                correct: None,
                answer: Some(text),
            },
            at(n),
        );
        match store.record_review(&reviewed) {
            Ok(()) => progress = attempt,
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    let failure = failure.ok_or_else(|| io::Error::other("the disk never filled"))?;
    assert_eq!(failure.kind(), io::ErrorKind::StorageFull, "{failure}");
    assert!(failure.to_string().contains("no space"), "{failure}");
    drop(store);
    let (store, loaded) = open(dir.path(), at(5000));
    assert_eq!(store.message(), None);
    assert_eq!(loaded, progress, "every save before the full disk is there");
    assert!(review_count(&loaded) > review_count(&saved));
    Ok(())
}

/// #10.5: the last answer is taken back out of saved progress, and the card's schedule is as
/// it was before; only the card's last review can be taken back.
#[test]
fn undo_takes_the_last_review_back_out_of_saved_progress() -> io::Result<()> {
    let dir = temp_dir();
    let (mut store, mut progress) = open(dir.path(), at(0));
    answer(&mut store, &mut progress, "g/a#flip:0", at(0), 3)?;
    let before_second = progress.clone();
    let second = answer(&mut store, &mut progress, "g/a#flip:0", at(60), 1)?;
    let new_card = answer(&mut store, &mut progress, "g/b#flip:0", at(120), 4)?;

    store
        .undo_review(&mut progress, &new_card)
        .map_err(io::Error::other)?;
    assert!(!progress.cards.contains_key("g/b#flip:0"), "new again");
    store
        .undo_review(&mut progress, &second)
        .map_err(io::Error::other)?;
    assert_eq!(progress, before_second);
    assert!(matches!(
        store.undo_review(&mut progress, &second),
        Err(UndoError::NotLast)
    ));
    drop(store);
    let (_, loaded) = open(dir.path(), at(200));
    assert_eq!(loaded, before_second, "the undo was saved");

    // Another copy reviewed the card since: this copy's answer is no longer the last one.
    let (mut first, mut first_progress) = open(dir.path(), at(300));
    let (mut other, _) = open(dir.path(), at(300));
    let mine = answer(&mut first, &mut first_progress, "g/a#flip:0", at(300), 3)?;
    // The other copy sees this copy's answer (as the app would after reloading).
    let (_, mut other_progress) = read(dir.path());
    answer(&mut other, &mut other_progress, "g/a#flip:0", at(360), 3)?;
    assert!(matches!(
        first.undo_review(&mut first_progress, &mine),
        Err(UndoError::NotLast)
    ));
    drop((first, other));
    let (_, loaded) = open(dir.path(), at(400));
    assert_eq!(loaded, other_progress, "nothing was taken out");
    Ok(())
}

/// `progress export` then `progress import` into an empty folder gives the same progress;
/// importing again adds nothing.
#[test]
fn export_then_import_round_trips_and_import_twice_adds_nothing() -> io::Result<()> {
    let from = temp_dir();
    let (mut store, mut progress) = open(from.path(), at(0));
    sample(&mut store, &mut progress)?;
    drop(store);
    let (_, saved) = read(from.path());
    let exported = export_json(&saved).map_err(io::Error::other)?;
    assert!(exported.starts_with(b"{\n  \"version\": 2,\n  \"cards\": {\n"));

    let to = temp_dir();
    let (mut store, mut progress) = open(to.path(), at(0));
    answer(&mut store, &mut progress, "g/other#flip:0", at(5), 3)?;
    let added = store
        .import(&mut progress, &exported)
        .map_err(io::Error::other)?;
    assert_eq!((added.cards, added.reviews, added.mock_tests), (2, 4, 1));
    let again = store
        .import(&mut progress, &exported)
        .map_err(io::Error::other)?;
    assert_eq!((again.cards, again.reviews, again.mock_tests), (0, 0, 0));
    drop(store);
    let (_, loaded) = open(to.path(), at(10));
    assert_eq!(loaded, progress);
    assert_eq!(loaded.cards.len(), 3);
    for (id, card) in &saved.cards {
        assert_eq!(loaded.cards.get(id), Some(card), "{id}");
    }
    assert_eq!(loaded.mock_tests, saved.mock_tests);
    Ok(())
}

/// #13.10: a symbolic link to the database stays a link; what it points at is written.
#[cfg(unix)]
#[test]
fn a_symlinked_database_keeps_its_link() -> io::Result<()> {
    let dir = temp_dir();
    let elsewhere = temp_dir();
    let target = elsewhere.path().join("synced-progress.sqlite3");
    {
        let (mut store, mut progress) = open(elsewhere.path(), at(0));
        answer(&mut store, &mut progress, "g/a#flip:0", at(0), 3)?;
    }
    std::fs::rename(elsewhere.path().join(DATABASE_FILE), &target)?;
    let link = dir.path().join(DATABASE_FILE);
    std::os::unix::fs::symlink(&target, &link)?;
    let (mut store, mut progress) = open(dir.path(), at(1));
    assert_eq!(store.access(), Access::ReadWrite, "{:?}", store.message());
    answer(&mut store, &mut progress, "g/b#flip:0", at(2), 3)?;
    drop(store);
    assert!(std::fs::symlink_metadata(&link)?.file_type().is_symlink());
    let (_, loaded) = open(elsewhere.path().join("x").as_path(), at(3));
    drop(loaded);
    let (_, through_link) = open(dir.path(), at(3));
    assert_eq!(through_link.cards.len(), 2);
    Ok(())
}

#[derive(Debug, Clone)]
enum Op {
    /// The learner answers card n with a grade.
    Review(u8, u8),
    /// The learner takes the last answer back.
    Undo,
    Mock,
    /// Quit.
    Reopen,
    /// The process dies without closing anything; maybe a torn write at the end of the log.
    Crash(Option<Vec<u8>>),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0u8..6, 1u8..=4).prop_map(|(card, grade)| Op::Review(card, grade)),
        1 => Just(Op::Undo),
        1 => Just(Op::Mock),
        1 => Just(Op::Reopen),
        2 => proptest::option::of(proptest::collection::vec(any::<u8>(), 1..5000)).prop_map(Op::Crash),
    ]
}

fn fail(e: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(e.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Whatever happens, reopening gives exactly what was saved: no saved review is lost, an
    /// undone one never comes back, and a crash at any point damages nothing.
    #[test]
    fn no_saved_review_is_lost(ops in proptest::collection::vec(op(), 1..40)) {
        let dir = temp_dir();
        let (mut store, mut progress) = open(dir.path(), at(0));
        let mut done: Vec<Reviewed> = Vec::new();
        for (step, op) in ops.into_iter().enumerate() {
            let step = i64::try_from(step).unwrap_or(i64::MAX);
            match op {
                Op::Review(card, grade) => {
                    let reviewed = answer(&mut store, &mut progress, &format!("g/t#card:{card}"), at(step), grade).map_err(fail)?;
                    done.push(reviewed);
                }
                Op::Undo => {
                    if let Some(last) = done.pop() {
                        store.undo_review(&mut progress, &last).map_err(fail)?;
                    }
                }
                Op::Mock => {
                    let result = mock(at(step));
                    store.record_mock(&result).map_err(fail)?;
                    progress.mock_tests.push(result);
                }
                Op::Reopen | Op::Crash(_) => {
                    if matches!(op, Op::Crash(_)) {
                        // Nothing is closed or checkpointed.
                        std::mem::forget(store);
                    } else {
                        drop(store);
                    }
                    if let Op::Crash(Some(bytes)) = &op {
                        let wal = dir.path().join(format!("{DATABASE_FILE}-wal"));
                        if wal.exists() {
                            use std::io::Write;
                            let mut file = std::fs::OpenOptions::new().append(true).open(&wal).map_err(fail)?;
                            file.write_all(bytes).map_err(fail)?;
                        }
                    }
                    let reopened = open(dir.path(), at(step));
                    store = reopened.0;
                    prop_assert_eq!(store.access(), Access::ReadWrite, "{:?}", store.message());
                    prop_assert_eq!(store.message(), None);
                    prop_assert_eq!(&reopened.1, &progress);
                    done.clear();
                }
            }
        }
        drop(store);
        let (_, loaded) = open(dir.path(), at(1000));
        prop_assert_eq!(loaded, progress);
    }
}

/// Set for the child process of the kill test: the data folder it writes.
const KILL_WRITER_ENV: &str = "CARESTUDY_TEST_KILL_WRITER_DIR";

/// Not a test on its own: when the kill test runs this binary with `KILL_WRITER_ENV` set, this
/// saves one review at a time, printing the number of reviews on disk after each save, until
/// it is killed.
#[test]
fn kill_test_child_writer() {
    let Some(dir) = std::env::var_os(KILL_WRITER_ENV) else {
        return;
    };
    let dir = PathBuf::from(dir);
    let (mut store, mut progress) = open(&dir, Utc::now());
    if store.access() != Access::ReadWrite {
        println!("error {:?}", store.message());
        return;
    }
    let mut count = review_count(&progress);
    for n in 0..1_000_000u32 {
        let card = format!("kill/topic#card:{}", n % 200);
        if let Err(e) = answer(&mut store, &mut progress, &card, at(i64::from(n)), 4) {
            println!("error {e}");
            return;
        }
        count += 1;
        println!("saved {count}");
    }
}

/// Kills a writer at assorted moments: each time, the database opens undamaged and holds at
/// least every review the writer reported saved (and at most the one it was saving).
#[cfg(unix)]
#[test]
fn a_killed_writer_never_damages_the_file_or_loses_a_reported_save() -> io::Result<()> {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    const ROUNDS: u32 = 16;
    let dir = temp_dir();
    let exe = std::env::current_exe()?;
    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args([
                "kill_test_child_writer",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(KILL_WRITER_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| io::Error::other("no stdout"))?;
        let mut lines = BufReader::new(stdout).lines();
        let wanted = 2 + round % 5;
        let mut seen = 0;
        let mut max_reported = 0usize;
        let note = |line: &str, max: &mut usize| {
            if let Some(n) = line.strip_prefix("saved ") {
                *max = (*max).max(n.trim().parse().unwrap_or(0));
                true
            } else {
                assert!(!line.starts_with("error"), "{line}");
                false
            }
        };
        let mut last = std::time::Instant::now();
        let mut interval = std::time::Duration::ZERO;
        for line in lines.by_ref() {
            if note(&line?, &mut max_reported) {
                seen += 1;
                interval = last.elapsed();
                last = std::time::Instant::now();
                if seen >= wanted {
                    break;
                }
            }
        }
        // Spread the kills over one save's time.
        let fraction = f64::from(round) / f64::from(ROUNDS);
        std::thread::sleep(interval.mul_f64(fraction));
        child.kill()?;
        child.wait()?;
        for line in lines {
            note(&line?, &mut max_reported);
        }
        assert!(seen >= wanted, "round {round}: the writer stopped early");

        let (store, progress) = open(dir.path(), at(0));
        assert_eq!(store.access(), Access::ReadWrite, "round {round}");
        assert_eq!(store.message(), None, "round {round}: damaged?");
        let on_disk = review_count(&progress);
        assert!(
            on_disk >= max_reported && on_disk <= max_reported + 1,
            "round {round}: {on_disk} reviews on disk, {max_reported} reported saved"
        );
    }
    assert!(
        !names(dir.path()).iter().any(|n| n.contains("damaged")),
        "{:?}",
        names(dir.path())
    );
    Ok(())
}

// ---- The commands that open progress ----

fn carestudy(dir: &Path, args: &[&str]) -> io::Result<std::process::Output> {
    std::process::Command::new(env!("CARGO_BIN_EXE_carestudy"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("CARESTUDY_DATA_DIR")
        .env("NO_COLOR", "1")
        .output()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// #13.3: reviews later than the clock made mastery NaN, and the Progress pane panicked.
#[test]
fn the_progress_pane_and_stats_survive_reviews_later_than_the_clock() -> io::Result<()> {
    let dir = temp_dir();
    let quiz = carestudy(
        dir.path(),
        &[
            "snapshot",
            "--start",
            "quiz",
            "--now",
            "2026-11-21T09:00:00Z",
            "--keys",
            "1<Enter>2<Enter>3",
        ],
    )?;
    assert!(quiz.status.success(), "{}", text(&quiz.stderr));
    // The default clock, 2026-01-05, is ten months before those reviews.
    let pane = carestudy(dir.path(), &["snapshot", "--start", "progress"])?;
    assert!(pane.status.success(), "{}", text(&pane.stderr));
    assert!(
        text(&pane.stdout).contains("Mastery by guide"),
        "{}",
        text(&pane.stdout)
    );
    let stats = carestudy(dir.path(), &["stats", "--now", "2026-01-05T09:00:00Z"])?;
    assert!(stats.status.success(), "{}", text(&stats.stderr));
    assert!(
        !text(&stats.stdout).contains("NaN"),
        "{}",
        text(&stats.stdout)
    );
    Ok(())
}

/// #13.2, with the issue's commands: a week of answers, then the clock a week behind. Every
/// card and review is kept, and the next run reads them all without a notice.
#[test]
fn answering_with_the_clock_a_week_behind_keeps_every_card() -> io::Result<()> {
    let dir = temp_dir();
    for (now, keys) in [
        ("2026-11-21T09:00:00Z", "4<Enter>"),
        ("2026-11-14T09:00:00Z", "3<Enter>"),
    ] {
        let keys = keys.repeat(12);
        let run = carestudy(
            dir.path(),
            &["snapshot", "--start", "quiz", "--now", now, "--keys", &keys],
        )?;
        assert!(run.status.success(), "{}", text(&run.stderr));
    }
    let (store, progress) = read(dir.path());
    assert_eq!(store.message(), None);
    assert!(review_count(&progress) >= 12, "{}", review_count(&progress));
    assert!(
        progress
            .cards
            .values()
            .all(|c| c.schedule.stability.is_finite())
    );
    Ok(())
}

/// #13.4 and #13.10: `stats` creates nothing and says on stderr what it found; `snapshot`
/// prints its notices on stderr and the same screen as without them.
#[test]
fn commands_say_on_stderr_what_they_did_and_only_the_app_and_snapshot_write() -> io::Result<()> {
    let dir = temp_dir();
    let absent = dir.path().join("absent");
    let stats = carestudy(&absent, &["stats"])?;
    assert!(stats.status.success(), "{}", text(&stats.stderr));
    assert!(!absent.exists(), "stats created the data folder");

    let damaged = temp_dir();
    std::fs::write(damaged.path().join(PROGRESS_FILE), b"{ not json")?;
    let stats = carestudy(damaged.path(), &["stats"])?;
    assert!(
        text(&stats.stderr).contains("left as it is"),
        "{}",
        text(&stats.stderr)
    );
    assert_eq!(
        names(damaged.path()),
        [PROGRESS_FILE],
        "stats moved or made something"
    );

    let clean = temp_dir();
    let args = ["snapshot", "--start", "quiz"];
    let quiet = carestudy(clean.path(), &args)?;
    let noisy = carestudy(damaged.path(), &args)?;
    assert_eq!(
        text(&noisy.stdout),
        text(&quiet.stdout),
        "the screen is the same bytes"
    );
    let moved = damaged
        .path()
        .join("progress.json.damaged-20260105T090000Z");
    assert!(
        text(&noisy.stderr).contains(&moved.display().to_string()),
        "{}",
        text(&noisy.stderr)
    );
    assert!(moved.exists());
    Ok(())
}

/// `progress export` reads only; `progress import` merges, and says what it added.
#[test]
fn the_progress_commands_export_and_import_the_history() -> io::Result<()> {
    let from = temp_dir();
    std::fs::write(from.path().join(PROGRESS_FILE), fixture("v2.json"))?;
    let export = carestudy(from.path(), &["progress", "export"])?;
    assert!(export.status.success(), "{}", text(&export.stderr));
    assert!(
        text(&export.stderr).contains("progress.json"),
        "{}",
        text(&export.stderr)
    );
    assert_eq!(
        names(from.path()),
        [PROGRESS_FILE],
        "export moved or made something"
    );
    let backup = from.path().join("backup.json");
    std::fs::write(&backup, &export.stdout)?;

    let to = temp_dir();
    let backup_arg = backup.display().to_string();
    let import = carestudy(to.path(), &["progress", "import", &backup_arg])?;
    assert!(import.status.success(), "{}", text(&import.stderr));
    assert!(
        text(&import.stdout).contains("11 new cards, 17 new reviews, 2 new mock tests"),
        "{}",
        text(&import.stdout)
    );
    let again = carestudy(to.path(), &["progress", "import", &backup_arg])?;
    assert!(
        text(&again.stdout).contains("0 new cards, 0 new reviews"),
        "{}",
        text(&again.stdout)
    );
    let (_, imported) = read(to.path());
    let expected = carestudy::progress::parse_json(&fixture("v2.json"))
        .map_err(|e| io::Error::other(e.to_string()))?
        .progress;
    assert_eq!(imported, expected);

    let bad = carestudy(to.path(), &["progress", "import", "/nonexistent/file.json"])?;
    assert!(!bad.status.success());
    Ok(())
}

fn builtin() -> carestudy::content::Library {
    match carestudy::content::load_builtin() {
        Ok(library) => library,
        Err(problems) => panic!("built-in guides: {problems}"),
    }
}

/// The app draws its first frame (Browse) without the learner's history, and takes it in
/// before it acts on anything: the first key sees all of it.
#[test]
fn the_app_takes_in_the_history_before_its_first_key() -> io::Result<()> {
    use carestudy::app::keys::Key;
    use carestudy::app::{Action, App, AppOptions, Mode, Overlay, Pane};
    let dir = temp_dir();
    {
        let (mut store, mut progress) = open(dir.path(), at(0));
        sample(&mut store, &mut progress)?;
    }
    let (_, whole) = open(dir.path(), at(1));
    let (store, progress) = Store::open_in_background(dir.path(), at(1));
    let mut app = App::with_progress(builtin(), AppOptions::default(), store, progress);
    assert_eq!(app.progress(), &Progress::default(), "the first frame's");
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    assert_eq!(app.progress(), &Progress::default(), "a resize needs none");
    app.handle_key(Key::Char('j'));
    assert_eq!(app.progress(), &whole);
    assert!(!app.finish_loading(), "taken in once");
    // Any other pane than Browse waits for it from the start.
    let (store, progress) = Store::open_in_background(dir.path(), at(1));
    let options = AppOptions {
        start: Pane::Progress,
        ..AppOptions::default()
    };
    let app = App::with_progress(builtin(), options, store, progress);
    assert_eq!(app.progress(), &whole);

    // A damaged file found meanwhile: the first key opens the notice saying where it went.
    let damaged = temp_dir();
    let scribbled = damaged_databases()?
        .into_iter()
        .find(|(name, _)| *name == "scribbled")
        .map(|(_, bytes)| bytes)
        .unwrap_or_default();
    std::fs::write(damaged.path().join(DATABASE_FILE), &scribbled)?;
    let (store, progress) = Store::open_in_background(damaged.path(), at(1));
    let mut app = App::with_progress(builtin(), AppOptions::default(), store, progress);
    assert_eq!(app.notice(), None);
    assert!(app.finish_loading());
    assert!(
        app.notice().is_some_and(|n| n.contains("moved to")),
        "{:?}",
        app.notice()
    );
    assert!(matches!(
        app.mode(),
        Mode::Showing {
            overlay: Some(Overlay::Notice),
            ..
        }
    ));
    assert!(app.progress_notices().iter().any(|n| n.contains("damaged")));
    Ok(())
}
