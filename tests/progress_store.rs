//! The progress store against real folders: round trips, damaged and old files, two copies at
//! once, folders that cannot be written, crashes (simulated and real SIGKILLs).

use carestudy::progress::{
    Access, CardRecord, MissedQuestion, MockTestResult, PROGRESS_FILE, Progress, Review,
    SCHEMA_VERSION, Store,
};
use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// Held while the kill test spawns its child and while other tests open a store. A child
/// forked from this process shares its open files until it execs; if one of them is a store's
/// lock file that a test has just dropped, the lock stays held for that moment and a reopen
/// would find the folder busy. (The real app is one store per process, so this is a test
/// matter only.)
static SPAWNING: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn open(dir: &Path, now: DateTime<Utc>) -> (Store, Progress) {
    let _guard = SPAWNING.lock().unwrap_or_else(|e| e.into_inner());
    Store::open(dir, now)
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

/// A schedule whose floats survive JSON exactly (serde_json's default float parsing is not
/// guaranteed to round-trip every last bit).
fn schedule(reps: i32, when: DateTime<Utc>) -> rs_fsrs::Card {
    rs_fsrs::Card {
        due: when + Duration::days(1),
        stability: 2.5,
        difficulty: 5.25,
        elapsed_days: 0,
        scheduled_days: 1,
        reps,
        lapses: 0,
        state: rs_fsrs::State::Review,
        last_review: when,
    }
}

/// Adds one review to `card_id`, as the app does when an answer is given.
fn review(progress: &mut Progress, card_id: &str, when: DateTime<Utc>, grade: u8) {
    let topic = card_id.split('#').next().unwrap_or(card_id).to_owned();
    let record = progress
        .cards
        .entry(card_id.to_owned())
        .or_insert_with(|| CardRecord {
            topic,
            schedule: schedule(0, when),
            reviews: Vec::new(),
        });
    record.reviews.push(Review {
        at: when,
        grade,
        // Multiple-choice answers grade themselves 1 or 3; self-grades carry no `correct`.
        correct: matches!(grade, 1 | 3).then_some(grade == 3),
        answer: (grade == 4).then(|| format!("typed answer {}", record.reviews.len())),
    });
    record.schedule = schedule(record.schedule.reps + 1, when);
}

fn sample() -> Progress {
    let mut progress = Progress::default();
    review(&mut progress, "care/dignity#term:dignity", at(0), 3);
    review(&mut progress, "care/dignity#term:dignity", at(60), 4);
    review(&mut progress, "safeguarding/abuse#mcq:neglect", at(120), 1);
    review(&mut progress, "safeguarding/abuse#mcq:neglect", at(180), 2);
    progress.mock_tests.push(MockTestResult {
        at: at(300),
        questions: 2,
        correct: 1,
        per_guide: BTreeMap::from([("safeguarding".to_owned(), (2, 1))]),
        missed: vec![MissedQuestion {
            card_id: "safeguarding/abuse#mcq:neglect".to_owned(),
            question: "Which is a sign of neglect?".to_owned(),
            correct_answer: "Poor hygiene".to_owned(),
        }],
        time_limit_minutes: Some(30),
    });
    progress
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
fn save_then_open_gives_the_same_progress_as_readable_json() -> io::Result<()> {
    let dir = temp_dir();
    let progress = sample();
    {
        let (mut store, loaded) = open(dir.path(), at(0));
        assert_eq!(store.access(), Access::ReadWrite);
        assert_eq!(store.message(), None);
        assert_eq!(loaded, Progress::default());
        assert_eq!(store.path(), Some(dir.path().join(PROGRESS_FILE).as_path()));
        store.save(&progress)?;
    }
    let (store, loaded) = open(dir.path(), at(1));
    assert_eq!(store.message(), None);
    assert_eq!(loaded, progress);

    let text = std::fs::read_to_string(dir.path().join(PROGRESS_FILE))?;
    // Laid out like pretty JSON at the top, one compact line per card.
    assert!(
        text.starts_with("{\n  \"version\": 2,\n  \"cards\": {\n"),
        "{text}"
    );
    assert!(text.ends_with("}\n"));
    assert!(
        text.contains("\n    \"care/dignity#term:dignity\": {\"topic\":\"care/dignity\","),
        "{text}"
    );
    assert_eq!(text.lines().count(), 10, "{text}");
    // Only the file and its lock: no temporary files left behind.
    assert_eq!(names(dir.path()), ["progress.json", "progress.lock"]);
    Ok(())
}

/// Each kind of damage: the bytes are moved aside intact, the learner is told where, progress
/// starts afresh, and a later save neither touches the damaged copy nor fails.
#[test]
fn damaged_files_are_moved_aside_intact() -> io::Result<()> {
    let valid = serde_json::to_string_pretty(&sample()).map_err(io::Error::other)?;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("garbage", b"this is not progress".to_vec()),
        ("truncated", valid.as_bytes()[..valid.len() / 2].to_vec()),
        ("empty", Vec::new()),
        (
            "wrong shape",
            br#"{"version": 2, "cards": [1, 2, 3]}"#.to_vec(),
        ),
        ("no version", br#"{"cards": {}}"#.to_vec()),
        (
            "newer version",
            br#"{"version": 99, "cards": {}, "hologram": true}"#.to_vec(),
        ),
        (
            "binary",
            vec![0x00, 0xff, 0xfe, 0x80, 0x7b, 0x22, 0xc3, 0x28],
        ),
    ];
    for (name, bytes) in cases {
        let dir = temp_dir();
        let path = dir.path().join(PROGRESS_FILE);
        std::fs::write(&path, &bytes)?;
        let (mut store, progress) = open(dir.path(), at(0));
        let moved = dir.path().join("progress.json.damaged-20261121T150405Z");

        assert_eq!(store.access(), Access::ReadWrite, "{name}");
        assert_eq!(progress, Progress::default(), "{name}");
        let message = store.message().unwrap_or_default().to_owned();
        assert!(
            message.contains(&moved.display().to_string()),
            "{name}: {message}"
        );
        assert!(!message.contains('\n'), "{name}: one line: {message}");
        assert_eq!(std::fs::read(&moved)?, bytes, "{name}");
        assert!(!path.exists(), "{name}: nothing written on open");

        let fresh = sample();
        store.save(&fresh)?;
        assert_eq!(
            std::fs::read(&moved)?,
            bytes,
            "{name}: damaged copy untouched"
        );
        drop(store);
        let (store, loaded) = open(dir.path(), at(10));
        assert_eq!(store.message(), None, "{name}");
        assert_eq!(loaded, fresh, "{name}");
    }
    Ok(())
}

#[test]
fn a_second_damaged_file_in_the_same_second_gets_a_suffix() -> io::Result<()> {
    let dir = temp_dir();
    let path = dir.path().join(PROGRESS_FILE);
    std::fs::write(&path, b"first damage")?;
    let (first, _) = open(dir.path(), at(0));
    drop(first);
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

#[test]
fn a_second_copy_is_read_only_until_the_first_is_dropped() -> io::Result<()> {
    let dir = temp_dir();
    let path = dir.path().join(PROGRESS_FILE);
    let (mut first, _) = open(dir.path(), at(0));
    first.save(&sample())?;
    let on_disk = std::fs::read(&path)?;

    let (mut second, loaded) = open(dir.path(), at(1));
    assert_eq!(second.access(), Access::ReadOnly);
    assert_eq!(loaded, sample(), "the second copy still shows the progress");
    assert!(
        second
            .message()
            .is_some_and(|m| m.contains("Another copy") && m.contains("read-only")),
        "{:?}",
        second.message()
    );
    second.save(&Progress::default())?;
    assert_eq!(
        std::fs::read(&path)?,
        on_disk,
        "the second copy wrote nothing"
    );

    drop(first);
    let (third, _) = open(dir.path(), at(2));
    assert_eq!(third.access(), Access::ReadWrite);
    assert_eq!(third.message(), None);
    Ok(())
}

#[test]
fn a_second_copy_leaves_a_damaged_file_where_it_is() -> io::Result<()> {
    let dir = temp_dir();
    let path = dir.path().join(PROGRESS_FILE);
    let (_first, _) = open(dir.path(), at(0));
    std::fs::write(&path, b"{ damaged")?;
    let (second, progress) = open(dir.path(), at(1));
    assert_eq!(second.access(), Access::ReadOnly);
    assert_eq!(progress, Progress::default());
    assert!(
        second
            .message()
            .is_some_and(|m| m.contains("left as it is")),
        "{:?}",
        second.message()
    );
    assert_eq!(std::fs::read(&path)?, b"{ damaged");
    assert_eq!(names(dir.path()), ["progress.json", "progress.lock"]);
    Ok(())
}

#[test]
fn a_folder_path_that_is_a_file_is_not_saved() -> io::Result<()> {
    let dir = temp_dir();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"a learner's own file")?;
    for data in [file.clone(), file.join("below")] {
        let (mut store, progress) = open(&data, at(0));
        assert_eq!(store.access(), Access::NotSaved, "{}", data.display());
        assert_eq!(progress, Progress::default());
        assert!(
            store
                .message()
                .is_some_and(|m| m.contains("will not be saved")),
            "{:?}",
            store.message()
        );
        store.save(&sample())?;
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
    {
        // An earlier session left progress and a lock file behind.
        let (mut store, _) = open(&data, at(0));
        store.save(&sample())?;
    }
    let on_disk = std::fs::read(data.join(PROGRESS_FILE))?;
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o555))?;

    // Root ignores folder permissions; then there is nothing to test.
    let probe = data.join("probe");
    let chmod_works = std::fs::File::create(&probe).is_err();
    let _ = std::fs::remove_file(&probe);
    if chmod_works {
        let (mut store, progress) = open(&data, at(1));
        assert_eq!(store.access(), Access::NotSaved);
        assert_eq!(progress, sample(), "progress still loads");
        assert!(
            store
                .message()
                .is_some_and(|m| m.contains("will not be saved")),
            "{:?}",
            store.message()
        );
        store.save(&Progress::default())?;
        assert_eq!(std::fs::read(data.join(PROGRESS_FILE))?, on_disk);

        // A folder that cannot be created inside it.
        let (store, _) = open(&data.join("below"), at(2));
        assert_eq!(store.access(), Access::NotSaved);
    } else {
        eprintln!("skipped: folder permissions have no effect (running as root?)");
    }
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755))?;
    Ok(())
}

/// A version 1 file, as the first release wrote it: no mock tests, no typed answers.
const VERSION_1: &str = r#"{
  "version": 1,
  "cards": {
    "care/dignity#term:dignity": {
      "topic": "care/dignity",
      "schedule": {
        "due": "2026-01-03T09:00:00Z",
        "stability": 3.5,
        "difficulty": 4.75,
        "elapsed_days": 1,
        "scheduled_days": 2,
        "reps": 2,
        "lapses": 0,
        "state": "Review",
        "last_review": "2026-01-01T09:00:00Z"
      },
      "reviews": [
        { "at": "2025-12-31T09:00:00Z", "grade": 3 },
        { "at": "2026-01-01T09:00:00Z", "grade": 1, "correct": false }
      ]
    },
    "gone/topic#mcq:kept": {
      "topic": "gone/topic",
      "schedule": {
        "due": "2026-02-01T00:00:00Z",
        "stability": 10.0,
        "difficulty": 6.0,
        "elapsed_days": 0,
        "scheduled_days": 20,
        "reps": 5,
        "lapses": 1,
        "state": "Relearning",
        "last_review": "2026-01-12T00:00:00Z"
      },
      "reviews": []
    }
  }
}"#;

#[test]
fn a_version_1_file_is_migrated_on_load_and_written_only_at_the_next_save() -> io::Result<()> {
    let dir = temp_dir();
    let path = dir.path().join(PROGRESS_FILE);
    std::fs::write(&path, VERSION_1)?;
    let (mut store, progress) = open(dir.path(), at(0));
    assert_eq!(store.access(), Access::ReadWrite);
    assert_eq!(store.message(), None);
    assert_eq!(progress.version, SCHEMA_VERSION);
    assert!(progress.mock_tests.is_empty());
    assert_eq!(progress.cards.len(), 2);

    let dignity = progress.cards.get("care/dignity#term:dignity");
    let dignity = dignity.ok_or_else(|| io::Error::other("card lost"))?;
    assert_eq!(dignity.topic, "care/dignity");
    assert_eq!(dignity.schedule.reps, 2);
    assert_eq!(dignity.schedule.stability, 3.5);
    assert_eq!(dignity.schedule.state, rs_fsrs::State::Review);
    assert_eq!(dignity.reviews.len(), 2);
    assert_eq!(dignity.reviews[1].grade, 1);
    assert_eq!(dignity.reviews[1].correct, Some(false));
    assert_eq!(dignity.reviews[0].answer, None);
    let kept = progress.cards.get("gone/topic#mcq:kept");
    assert_eq!(kept.map(|c| c.schedule.lapses), Some(1));

    assert_eq!(
        std::fs::read_to_string(&path)?,
        VERSION_1,
        "nothing written on load"
    );
    store.save(&progress)?;
    let text = std::fs::read_to_string(&path)?;
    assert!(text.contains("\"version\": 2"));
    drop(store);
    let (_, reloaded) = open(dir.path(), at(1));
    assert_eq!(reloaded, progress);
    Ok(())
}

#[test]
fn stray_temporary_files_do_not_disturb_loading_and_are_cleared_by_a_save() -> io::Result<()> {
    let dir = temp_dir();
    {
        let (mut store, _) = open(dir.path(), at(0));
        store.save(&sample())?;
    }
    let stray = dir.path().join(".progress.json.AbC123.tmp");
    std::fs::write(&stray, b"{\"version\": 2, \"ca")?;
    let (mut store, progress) = open(dir.path(), at(1));
    assert_eq!(store.message(), None);
    assert_eq!(progress, sample());
    assert!(stray.exists(), "nothing written on load");
    store.save(&progress)?;
    assert_eq!(names(dir.path()), ["progress.json", "progress.lock"]);
    Ok(())
}

#[derive(Debug, Clone)]
enum Op {
    /// The learner answers: a review of card n.
    Review(u8, u8),
    Save,
    /// Quit without saving what was not yet saved.
    Reopen,
    /// The process dies: maybe leaving a half-written temporary file behind.
    Crash(Option<Vec<u8>>),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        5 => (0u8..6, 1u8..=4).prop_map(|(card, grade)| Op::Review(card, grade)),
        3 => Just(Op::Save),
        1 => Just(Op::Reopen),
        2 => proptest::option::of(proptest::collection::vec(any::<u8>(), 0..64)).prop_map(Op::Crash),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Whatever happens, reopening gives exactly what was last saved: no completed save is lost.
    #[test]
    fn no_completed_save_is_lost(ops in proptest::collection::vec(op(), 1..40)) {
        let dir = temp_dir();
        let (mut store, mut current) = open(dir.path(), at(0));
        let mut saved = current.clone();
        for (step, op) in ops.into_iter().enumerate() {
            let step = i64::try_from(step).unwrap_or(i64::MAX);
            match op {
                Op::Review(card, grade) => {
                    review(&mut current, &format!("guide/topic#card:{card}"), at(step), grade);
                }
                Op::Save => {
                    store.save(&current).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    saved = current.clone();
                }
                Op::Reopen | Op::Crash(_) => {
                    drop(store);
                    if let Op::Crash(Some(bytes)) = op {
                        // What a save cut short leaves: its temporary file, partly written.
                        let mut partial = serde_json::to_vec(&current).unwrap_or_default();
                        partial.truncate(bytes.len() * 8);
                        partial.extend_from_slice(&bytes);
                        let stray = dir.path().join(format!(".progress.json.crash{step}.tmp"));
                        std::fs::write(stray, partial).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    }
                    let reopened = open(dir.path(), at(step));
                    store = reopened.0;
                    prop_assert_eq!(store.access(), Access::ReadWrite, "{:?}", store.message());
                    prop_assert_eq!(store.message(), None);
                    prop_assert_eq!(&reopened.1, &saved);
                    current = reopened.1;
                }
            }
        }
        // A last save clears every stray temporary file and loses nothing.
        store.save(&current).map_err(|e| TestCaseError::fail(e.to_string()))?;
        drop(store);
        prop_assert_eq!(names(dir.path()), ["progress.json", "progress.lock"]);
        let (_, loaded) = open(dir.path(), at(1000));
        prop_assert_eq!(loaded, current);
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
    // Cards without reviews make each save big enough (about 1 MB) for a kill to land inside one.
    for n in 0..3000 {
        let id = format!("kill/filler#card:{n}");
        progress.cards.entry(id).or_insert_with(|| CardRecord {
            topic: "kill/filler".to_owned(),
            schedule: schedule(0, at(0)),
            reviews: Vec::new(),
        });
    }
    let mut count = review_count(&progress);
    for n in 0..1_000_000u32 {
        review(
            &mut progress,
            &format!("kill/topic#card:{}", n % 200),
            at(i64::from(n)),
            4,
        );
        if let Err(e) = store.save(&progress) {
            println!("error {e}");
            return;
        }
        count += 1;
        println!("saved {count}");
    }
}

/// Kills a writer at assorted moments: each time, the file loads undamaged and holds at least
/// every review the writer reported saved (and at most the one it was saving).
#[cfg(unix)]
#[test]
fn a_killed_writer_never_damages_the_file_or_loses_a_reported_save() -> io::Result<()> {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    const ROUNDS: u32 = 16;
    let dir = temp_dir();
    let exe = std::env::current_exe()?;
    let mut reported_total = 0usize;
    let mut interrupted = 0;
    for round in 0..ROUNDS {
        let spawning = SPAWNING.lock().unwrap_or_else(|e| e.into_inner());
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
        drop(spawning);
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| io::Error::other("no stdout"))?;
        let mut lines = BufReader::new(stdout).lines();
        let wanted = 2 + round % 3;
        let mut seen = 0;
        let mut max_reported = reported_total;
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
        // Spread the kills over one save's time: the first half of the rounds over all of it,
        // the second half over its last 15%, where the file is written (serialising comes
        // first and takes longer).
        let step = f64::from(round % (ROUNDS / 2)) / f64::from(ROUNDS / 2);
        let fraction = if round < ROUNDS / 2 {
            step
        } else {
            0.85 + step * 0.15
        };
        std::thread::sleep(interval.mul_f64(fraction));
        child.kill()?;
        child.wait()?;
        // Saves reported before the kill reached us still count.
        for line in lines {
            note(&line?, &mut max_reported);
        }
        assert!(seen >= wanted, "round {round}: the writer stopped early");

        if names(dir.path()).iter().any(|n| n.ends_with(".tmp")) {
            interrupted += 1;
        }
        let (store, progress) = open(dir.path(), at(0));
        assert_eq!(store.access(), Access::ReadWrite, "round {round}");
        assert_eq!(store.message(), None, "round {round}: damaged?");
        let on_disk = review_count(&progress);
        assert!(
            on_disk >= max_reported && on_disk <= max_reported + 1,
            "round {round}: {on_disk} reviews on disk, {max_reported} reported saved"
        );
        reported_total = on_disk;
    }
    eprintln!("kill test: {interrupted} of {ROUNDS} kills left a temporary file");
    assert!(
        !names(dir.path()).iter().any(|n| n.contains("damaged")),
        "{:?}",
        names(dir.path())
    );
    Ok(())
}
