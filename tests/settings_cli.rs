#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The settings file (#15.2), through the real binary: `carestudy config` says what is in
//! force and where each setting came from; a bad file is reported line by line; the settings
//! reach the app (through `snapshot --config`).

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_carestudy");

/// Runs carestudy with `args` and `env`, from a clean environment as far as settings go: no
/// settings file unless one is named, no data folder, no NO_COLOR.
fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("CARESTUDY_CONFIG", "")
        .env_remove("CARESTUDY_DATA_DIR")
        .env_remove("NO_COLOR")
        .env("CARESTUDY_CACHE_DIR", "");
    for (key, value) in env {
        cmd.env(key, value);
    }
    cmd.output().expect("run carestudy")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

/// Runs and expects status 0, returning stdout.
fn ok(args: &[&str], env: &[(&str, &str)]) -> String {
    let output = run(args, env);
    assert_eq!(
        output.status.code(),
        Some(0),
        "carestudy {args:?}: {}",
        text(&output.stderr)
    );
    text(&output.stdout)
}

/// The line of `carestudy config`'s output that sets `key`.
fn line_of<'a>(described: &'a str, key: &str) -> &'a str {
    described
        .lines()
        .find(|line| {
            line.trim_start_matches("# ")
                .starts_with(&format!("{key} ="))
        })
        .unwrap_or_else(|| panic!("no {key} in\n{described}"))
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn config_says_where_each_setting_comes_from() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "config.toml",
        "# my settings\ntheme = \"high-contrast\"\nnew-cards-per-day = 10\nmock-minutes = 30\n\
         data-dir = \"progress\"\nmouse = false\n",
    );
    let described = ok(
        &["config", "--mock-questions", "40"],
        &[
            ("CARESTUDY_CONFIG", &file),
            ("CARESTUDY_DATA_DIR", "/from/env"),
        ],
    );
    assert!(
        described.contains(&format!(
            "# Settings file: {file} (named by CARESTUDY_CONFIG)"
        )),
        "{described}"
    );
    for (key, value, origin) in [
        ("theme", "\"high-contrast\"", "# file, line 2"),
        ("new-cards-per-day", "10", "# file, line 3"),
        ("mock-questions", "40", "# flag, --mock-questions"),
        ("mock-minutes", "30", "# file, line 4"),
        (
            "data-dir",
            "\"/from/env\"",
            "# environment, CARESTUDY_DATA_DIR",
        ),
        ("mouse", "false", "# file, line 6"),
    ] {
        let line = line_of(&described, key);
        assert!(
            line.starts_with(&format!("{key} = {value} ")) && line.ends_with(origin),
            "{line:?} should set {key} = {value} from {origin}"
        );
    }
    // Without the environment, the file's relative data-dir is taken from the file's folder.
    let described = ok(&["config", "--config", &file, "--no-mouse"], &[]);
    let data_dir = dir.path().join("progress");
    assert!(
        line_of(&described, "data-dir")
            .starts_with(&format!("data-dir = \"{}\"", data_dir.display())),
        "{described}"
    );
    assert!(line_of(&described, "mouse").ends_with("# flag, --no-mouse"));
    // NO_COLOR gives way to the file's theme, and is named when it chooses.
    let described = ok(&["config"], &[("NO_COLOR", "1")]);
    assert!(
        line_of(&described, "theme").ends_with("# environment, NO_COLOR"),
        "{described}"
    );
}

#[test]
fn with_no_file_the_defaults_are_in_force_and_the_output_is_a_settings_file() {
    let described = ok(&["config"], &[]);
    assert!(described.contains("# Settings file: none\n"), "{described}");
    for key in ["new-cards-per-day", "mock-questions", "mouse"] {
        assert!(line_of(&described, key).ends_with("# default"), "{key}");
    }
    // The description, saved as a settings file, is read back to the same settings.
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "copy.toml", &described);
    let again = ok(&["config", "--config", &file], &[]);
    assert!(
        line_of(&again, "new-cards-per-day").ends_with("# file, line 5"),
        "{again}"
    );
}

#[test]
fn a_bad_settings_file_is_reported_line_by_line_and_stops_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "config.toml",
        "theme = \"neon\"\nmouse = \"yes\"\nnew_cards_per_day = 5\nmock-questions = 999\n",
    );
    for args in [
        vec!["config"],
        vec!["list"],
        vec!["show", "volunteers"],
        vec!["stats"],
        vec!["progress", "export"],
    ] {
        let output = run(&args, &[("CARESTUDY_CONFIG", &file)]);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let err = text(&output.stderr);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 5, "{err}");
        for (i, (at, what)) in [
            (
                "1:9",
                "`theme` must be one of \"default\", \"mono\", \"high-contrast\"",
            ),
            ("2:9", "`mouse` must be true or false"),
            (
                "3:1",
                "unknown setting `new_cards_per_day`; did you mean `new-cards-per-day`?",
            ),
            (
                "4:18",
                "`mock-questions` must be a whole number from 1 to 200 (found 999)",
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let expected = format!("{file}:{at}: error: {what}");
            assert!(
                lines[i].starts_with(&expected),
                "{} vs {expected}",
                lines[i]
            );
        }
        assert_eq!(
            lines[4],
            "carestudy: the settings file has problems; fix them or move it aside"
        );
    }
    // A command that reads no settings is not stopped by them.
    let output = run(&["check"], &[("CARESTUDY_CONFIG", &file)]);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_named_settings_file_must_exist_the_platform_one_need_not() {
    let output = run(&["config", "--config", "/no/such/config.toml"], &[]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "carestudy: cannot read the settings file /no/such/config.toml (named by --config): no such file\n"
    );
    let output = run(&["list"], &[("CARESTUDY_CONFIG", "/no/such.toml")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("(named by CARESTUDY_CONFIG)"));
    // The platform's folder: a home with no settings file in it.
    let home = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(BIN);
    cmd.args(["config"])
        .env_remove("CARESTUDY_CONFIG")
        .env_remove("CARESTUDY_DATA_DIR")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", home.path());
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let described = text(&output.stdout);
    if cfg!(target_os = "linux") {
        assert!(
            described.contains(&format!(
                "# Settings file: {}/.config/carestudy/config.toml (not there: the defaults are in force)",
                home.path().display()
            )),
            "{described}"
        );
    }
}

#[test]
fn the_settings_reach_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let one_a_day = write(dir.path(), "one.toml", "new-cards-per-day = 1\n");
    let keys = [
        "--start",
        "quiz",
        "--keys",
        "1<Enter><Space>1<Enter><Space>",
    ];
    let snapshot = |config: &[&str], data: &str| {
        let data = dir.path().join(data);
        let data = data.to_str().unwrap();
        let mut args = vec!["snapshot", "--data-dir", data];
        args.extend_from_slice(config);
        args.extend_from_slice(&keys);
        ok(&args, &[])
    };
    // After one new card the day's new cards are used up: the session turns to practice.
    let limited = snapshot(&["--config", &one_a_day], "a");
    assert!(limited.contains("(extra practice)"), "{limited}");
    let default = snapshot(&[], "b");
    assert!(!default.contains("(extra practice)"), "{default}");
    // The flag beats the file.
    let flagged = snapshot(&["--config", &one_a_day, "--new-cards-per-day", "5"], "c");
    assert!(!flagged.contains("(extra practice)"), "{flagged}");
}

#[test]
fn a_scripted_run_reads_only_a_settings_file_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "config.toml",
        "new-cards-per-day = 1\ndata-dir = \"progress\"\n",
    );
    let keys = [
        "snapshot",
        "--start",
        "quiz",
        "--keys",
        "1<Enter><Space>1<Enter><Space>",
    ];
    let screen = ok(&keys, &[("CARESTUDY_CONFIG", &file)]);
    assert!(!screen.contains("(extra practice)"), "{screen}");
    // Given with --config, its study settings count but its data folder never does.
    let mut named = keys.to_vec();
    named.extend(["--config", &file]);
    let screen = ok(&named, &[]);
    assert!(screen.contains("(extra practice)"), "{screen}");
    assert!(
        !dir.path().join("progress").exists(),
        "snapshot saved progress"
    );
}
