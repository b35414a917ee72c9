#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The plain commands (list, show, search, check) and the headless `snapshot` mode, run
//! through the real binary with stdout and stderr as pipes.

use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_carestudy");

/// Runs carestudy with `args`, stdin empty, stdout and stderr piped, and no NO_COLOR.
fn run(args: &[&str]) -> Output {
    run_with_env(args, &[])
}

fn run_with_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env_remove("NO_COLOR")
        .env("CARESTUDY_CONFIG", "")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    for (key, value) in env {
        cmd.env(key, value);
    }
    cmd.output().expect("run carestudy")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs and expects status 0, returning stdout.
fn ok(args: &[&str]) -> String {
    let output = run(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "carestudy {args:?} failed:\n{}",
        stderr(&output)
    );
    stdout(&output)
}

/// Runs and expects status 2 (bad usage) with nothing on stdout, returning stderr.
fn usage_error(args: &[&str]) -> String {
    let output = run(args);
    assert_eq!(
        output.status.code(),
        Some(2),
        "carestudy {args:?} should exit 2; stdout:\n{}\nstderr:\n{}",
        stdout(&output),
        stderr(&output)
    );
    assert!(
        output.stdout.is_empty(),
        "carestudy {args:?} printed on stdout:\n{}",
        stdout(&output)
    );
    stderr(&output)
}

fn json(args: &[&str]) -> Value {
    let text = ok(args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("carestudy {args:?}: bad JSON: {e}"))
}

fn str_field<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` should be a string in {value}"))
}

fn array_field<'a>(value: &'a Value, key: &str) -> &'a Vec<Value> {
    value[key]
        .as_array()
        .unwrap_or_else(|| panic!("`{key}` should be an array in {value}"))
}

fn has_ansi(text: &str) -> bool {
    text.contains('\x1b')
}

// ---------------------------------------------------------------------------------------------
// list

#[test]
fn list_json_is_eight_guides_with_their_topics() {
    let library = json(&["list", "--json"]);
    let guides = library.as_array().expect("an array of guides");
    assert_eq!(guides.len(), 8, "eight built-in guides");
    let mut guide_ids = HashSet::new();
    let mut topics_in_all = 0;
    for guide in guides {
        let id = str_field(guide, "id");
        assert!(guide_ids.insert(id.to_owned()), "guide id {id} twice");
        for key in ["title", "criterion", "source"] {
            assert!(!str_field(guide, key).is_empty(), "{id}: empty {key}");
        }
        let topics = array_field(guide, "topics");
        assert!(!topics.is_empty(), "{id} has no topics");
        let mut topic_ids = HashSet::new();
        for topic in topics {
            let topic_id = str_field(topic, "id");
            assert!(topic_ids.insert(topic_id), "{id}/{topic_id} twice");
            assert!(!str_field(topic, "title").is_empty());
            for key in ["key_features", "examples", "lists"] {
                array_field(topic, key);
            }
            for list in array_field(topic, "lists") {
                assert!(list.is_object(), "a list is an object: {list}");
            }
        }
        topics_in_all += topics.len();
    }
    assert!(
        (90..=130).contains(&topics_in_all),
        "{topics_in_all} topics in all"
    );
}

#[test]
fn list_plain_names_every_guide_and_topic_id() {
    let text = ok(&["list"]);
    let library = json(&["list", "--json"]);
    for guide in library.as_array().unwrap() {
        assert!(text.contains(str_field(guide, "id")));
        assert!(text.contains(str_field(guide, "title")));
        for topic in array_field(guide, "topics") {
            assert!(text.contains(str_field(topic, "id")));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// show

/// The topic `guide/topic` as `list --json` gives it.
fn listed_topic(guide_id: &str, topic_id: &str) -> Value {
    let library = json(&["list", "--json"]);
    let guide = library
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == guide_id)
        .unwrap_or_else(|| panic!("no guide {guide_id}"))
        .clone();
    array_field(&guide, "topics")
        .iter()
        .find(|t| t["id"] == topic_id)
        .unwrap_or_else(|| panic!("no topic {guide_id}/{topic_id}"))
        .clone()
}

#[test]
fn show_by_id_prints_the_title_and_key_features() {
    let text = ok(&["show", "working-relationships/volunteers"]);
    assert!(text.starts_with("Volunteers"), "{text}");
    assert!(text.contains("working-relationships/volunteers"));
    assert!(text.contains("Key features"));
    let topic = listed_topic("working-relationships", "volunteers");
    let features = array_field(&topic, "key_features");
    assert!(!features.is_empty());
    for feature in features {
        let feature = feature.as_str().unwrap();
        assert!(
            text.contains(&format!("  - {feature}")),
            "missing key feature {feature:?} in\n{text}"
        );
    }
    assert!(text.contains("Source:"));
}

#[test]
fn show_by_unique_topic_name_as_json() {
    // Only one guide has a topic called volunteers, so the bare name finds it.
    let shown = json(&["show", "volunteers", "--json"]);
    assert_eq!(shown["title"], "Volunteers");
    assert_eq!(shown["guide"], "working-relationships");
    let listed = listed_topic("working-relationships", "volunteers");
    assert_eq!(shown["key_features"], listed["key_features"]);
    assert_eq!(shown["examples"], listed["examples"]);
    assert!(!array_field(&shown, "key_features").is_empty());
    assert!(!str_field(&shown, "source").is_empty());
}

/// Tables, the assessment question, the model answer and See also links, in both forms.
#[test]
fn show_prints_what_is_read_but_never_quizzed() {
    let content = ["--content", "tests/fixtures/extras"];
    let text = ok(&[&content[..], &["show", "written-answer"]].concat());
    for expected in [
        "Assessment question\n  Describe the fixture's working relationships.\n",
        "Side by side\n  How it starts\n    Working relationship: Through the job\n    Personal relationship: By choice\n",
        "Model answer\nThe first paragraph of the model answer.\n\nThe second paragraph",
        "See also\n  - Term  fixture-terms/term\n",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    let shown = json(&[&content[..], &["show", "written-answer", "--json"]].concat());
    assert_eq!(
        shown["question"],
        "Describe the fixture's working relationships."
    );
    assert_eq!(shown["tables"][0]["rows"][1][2], "Any time");
    assert_eq!(array_field(&shown, "model_answer").len(), 2);
    assert_eq!(shown["see_also"][0]["id"], "fixture-terms/term");
    assert_eq!(shown["see_also"][0]["title"], "Term");
    // Topics without them do not grow empty fields.
    let plain = json(&["show", "working-relationships/volunteers", "--json"]);
    for key in ["question", "tables", "model_answer", "see_also"] {
        assert!(plain.get(key).is_none(), "{key} in {plain}");
    }
}

#[test]
fn show_json_has_no_duplicate_keys() {
    let text = ok(&["show", "working-relationships/volunteers", "--json"]);
    let ids = text.lines().filter(|l| l.starts_with("  \"id\":")).count();
    assert_eq!(ids, 1, "top-level \"id\" appears {ids} times:\n{text}");
}

#[test]
fn an_ambiguous_name_exits_2_and_lists_the_candidates() {
    let err = usage_error(&["show", "colleagues"]);
    assert!(err.contains("several topics"), "{err}");
    assert!(err.contains("working-relationships/colleagues"), "{err}");
    assert!(err.contains("types-of-relationships/colleagues"), "{err}");
}

#[test]
fn an_unknown_name_exits_2_and_lists_the_nearest() {
    let err = usage_error(&["show", "zzzz"]);
    assert!(err.contains("no topic matches \"zzzz\""), "{err}");
    let candidates: Vec<&str> = err.lines().skip(1).collect();
    assert!(!candidates.is_empty(), "no candidates listed:\n{err}");
    for line in candidates {
        assert!(line.trim_start().contains('/'), "not a topic id: {line:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// search

fn search_hits(query: &[&str], limit: usize) -> Vec<Value> {
    let limit = limit.to_string();
    let mut args = vec!["search", "--json", "--limit", &limit];
    args.extend_from_slice(query);
    let hits = json(&args);
    hits.as_array().expect("an array of hits").clone()
}

fn hit_mentions(hit: &Value, term: &str) -> bool {
    let term = term.to_lowercase();
    str_field(hit, "text").to_lowercase().contains(&term)
        || str_field(hit, "title").to_lowercase().contains(&term)
}

#[test]
fn search_finds_each_distinctive_term_first() {
    let terms = [
        "GP",
        "paramedic",
        "Age UK",
        "Mind",
        "Data Protection Act 2018",
        "GDPR",
        "care leaver",
        "dementia",
        "advocate",
        "safeguarding",
        "jargon",
        "supervision",
    ];
    for term in terms {
        let hits = search_hits(&[term], 5);
        assert!(!hits.is_empty(), "no hits for {term:?}");
        assert!(hits.len() <= 5, "--limit 5 gave {} hits", hits.len());
        assert!(
            hits.iter().any(|h| hit_mentions(h, term)),
            "no hit for {term:?} mentions it: {hits:#?}"
        );
        assert!(
            hit_mentions(&hits[0], term),
            "the first hit for {term:?} does not mention it: {:#?}",
            hits[0]
        );
    }
}

#[test]
fn search_hits_have_every_field_and_are_ranked() {
    let hits = search_hits(&["trust"], 20);
    assert!(hits.len() > 1);
    for hit in &hits {
        for key in ["guide", "topic", "title", "field", "text"] {
            assert!(!str_field(hit, key).is_empty(), "empty {key} in {hit}");
        }
        assert!(hit["score"].is_i64(), "score is an integer: {hit}");
    }
    let scores: Vec<i64> = hits.iter().map(|h| h["score"].as_i64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "hits are best first: {scores:?}"
    );
}

#[test]
fn search_words_match_in_any_order() {
    for query in [&["uk age"][..], &["age uk"], &["uk", "age"]] {
        let hits = search_hits(query, 5);
        assert!(!hits.is_empty(), "no hits for {query:?}");
        assert!(
            str_field(&hits[0], "text").contains("Age UK"),
            "{query:?}: first hit is {:#?}",
            hits[0]
        );
    }
}

#[test]
fn search_plain_output_and_no_matches() {
    let text = ok(&["search", "advocate", "--limit", "1"]);
    assert!(text.starts_with(" 1. Advocate"), "{text}");
    assert!(text.contains(" more topics (use --limit)"), "{text}");
    let none = ok(&["search", "qqqqxxxx"]);
    assert!(none.contains("No matches"), "{none}");
}

// ---------------------------------------------------------------------------------------------
// plain output and colour

#[test]
fn plain_output_has_no_escape_codes_in_a_pipe_or_with_no_color() {
    let commands: [&[&str]; 5] = [
        &["list"],
        &["show", "working-relationships/volunteers"],
        &["search", "advocate"],
        &["check"],
        &["snapshot", "--start", "search", "--keys", "advocate"],
    ];
    for args in commands {
        for env in [&[][..], &[("NO_COLOR", "1")]] {
            let output = run_with_env(args, env);
            assert!(output.status.success(), "{args:?} {env:?}: {output:?}");
            let text = stdout(&output);
            assert!(!text.is_empty(), "{args:?} printed nothing");
            assert!(!has_ansi(&text), "{args:?} {env:?} printed escape codes");
            assert!(!has_ansi(&stderr(&output)));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// check

#[test]
fn check_passes_the_built_in_guides() {
    let text = ok(&["check"]);
    assert!(text.starts_with("ok: built-in guides"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// snapshot

#[test]
fn snapshot_is_deterministic() {
    let runs: [&[&str]; 4] = [
        &["snapshot"],
        &[
            "snapshot",
            "--start",
            "search",
            "--keys",
            "advocate<Down><Enter>",
        ],
        &[
            "--seed",
            "7",
            "snapshot",
            "--start",
            "quiz",
            "--keys",
            "1<Enter>2<Enter><Space>3",
        ],
        &[
            "--seed",
            "7",
            "snapshot",
            "--start",
            "quiz",
            "--keys",
            "1<Enter>2<Enter><Space>3",
            "--frames",
        ],
    ];
    for args in runs {
        let first = run(args);
        let second = run(args);
        assert!(first.status.success(), "{args:?}: {first:?}");
        assert_eq!(
            first.stdout, second.stdout,
            "{args:?} printed different bytes"
        );
        assert!(!first.stdout.is_empty());
    }
}

#[test]
fn different_seeds_give_different_quizzes() {
    let screens: Vec<String> = (0..6)
        .map(|seed| {
            let seed = seed.to_string();
            ok(&["--seed", &seed, "snapshot", "--start", "quiz"])
        })
        .collect();
    let distinct: HashSet<&String> = screens.iter().collect();
    assert!(
        distinct.len() >= 5,
        "six seeds gave only {} different first questions",
        distinct.len()
    );
    // No seed means seed 0.
    assert_eq!(ok(&["snapshot", "--start", "quiz"]), screens[0]);
}

#[test]
fn snapshot_frames_one_per_key_plus_the_start() {
    let keys = "1<Enter>2<Enter><Space>3";
    for (size, height) in [("80x24", 24), ("100x30", 30)] {
        let text = ok(&[
            "--seed", "7", "snapshot", "--start", "quiz", "--size", size, "--keys", keys,
            "--frames",
        ]);
        let headers: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("--- frame "))
            .collect();
        assert_eq!(headers.len(), 7, "six keys and the start: {headers:?}");
        assert_eq!(headers[0], "--- frame 0: start ---");
        assert_eq!(headers[2], "--- frame 2: <Enter> ---");
        assert_eq!(headers[5], "--- frame 5: <Space> ---");
        // Every frame is exactly `height` lines.
        let mut frames: Vec<usize> = Vec::new();
        for line in text.lines() {
            if line.starts_with("--- frame ") {
                frames.push(0);
            } else {
                *frames.last_mut().expect("text before the first header") += 1;
            }
        }
        assert!(
            frames.iter().all(|&n| n == height),
            "{size}: frame heights {frames:?}"
        );
    }
}

#[test]
fn snapshot_size_sets_the_screen() {
    let text = ok(&[
        "snapshot",
        "--size",
        "120x40",
        "--topic",
        "working-relationships/volunteers",
    ]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 40);
    for line in &lines {
        assert!(line.chars().count() <= 120, "too wide: {line:?}");
    }
    assert!(lines.iter().any(|l| l.chars().count() == 120), "{text}");
    assert!(text.contains("Volunteers"));
    // The default is 80x24.
    let text = ok(&["snapshot"]);
    assert_eq!(text.lines().count(), 24);
    assert!(text.lines().all(|l| l.chars().count() <= 80));
}

#[test]
fn snapshot_rejects_an_unknown_key_name() {
    let err = usage_error(&["snapshot", "--keys", "ab<Hyper>c"]);
    assert!(err.contains("<Hyper>"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn snapshot_rejects_a_bad_size() {
    for size in [
        "0x0", "80x0", "0x24", "1001x24", "80", "axb", "80x24x1", "-80x24", "",
    ] {
        let arg = format!("--size={size}");
        let err = usage_error(&["snapshot", &arg]);
        assert!(err.contains("size"), "{arg}: {err}");
    }
}

#[test]
fn snapshot_rejects_an_unknown_topic_or_pane() {
    let err = usage_error(&["snapshot", "--topic", "zzzz"]);
    assert!(err.contains("zzzz"), "{err}");
    let err = usage_error(&["snapshot", "--topic", "no-such-guide/no-such-topic"]);
    assert!(err.contains("no-such-guide/no-such-topic"), "{err}");
    // An ambiguous title is not a choice either.
    usage_error(&["snapshot", "--topic", "colleagues"]);
    // clap checks the pane names.
    usage_error(&["snapshot", "--start", "nowhere"]);
}

#[test]
fn snapshot_starts_in_the_chosen_pane() {
    let quiz = ok(&["snapshot", "--start", "quiz"]);
    assert!(quiz.contains("Quiz: all guides"), "{quiz}");
    assert!(quiz.contains("Score 0/0"), "{quiz}");
    let search = ok(&["snapshot", "--start", "search"]);
    assert!(search.contains("type to search"), "{search}");
    let browse = ok(&["snapshot"]);
    assert!(browse.contains("Topics") && browse.contains("Colleagues"));
}

#[test]
fn snapshot_quit_key_exits_0_quickly() {
    let started = Instant::now();
    let output = run(&["snapshot", "--keys", "q"]);
    let took = started.elapsed();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stdout(&output).lines().count(), 24);
    assert!(took < Duration::from_secs(10), "took {took:?}");
    // Keys after a quit are not pressed.
    let frames = ok(&["snapshot", "--keys", "qjjj", "--frames"]);
    let headers = frames
        .lines()
        .filter(|l| l.starts_with("--- frame "))
        .count();
    assert_eq!(headers, 2, "the start and q:\n{frames}");
}

// ---------------------------------------------------------------------------------------------
// help

#[test]
fn help_for_the_program_and_each_command() {
    let cases: [(&[&str], &[&str]); 6] = [
        (
            &["--help"],
            &[
                "--content",
                "--theme",
                "--seed",
                "list",
                "show",
                "search",
                "snapshot",
                "check",
            ],
        ),
        (&["list", "--help"], &["--json"]),
        (&["show", "--help"], &["<TOPIC>", "--json"]),
        (&["search", "--help"], &["<QUERY>", "--limit", "--json"]),
        (&["check", "--help"], &["[DIR]"]),
        (
            &["snapshot", "--help"],
            &[
                "--size",
                "--keys",
                "--frames",
                "--start",
                "--topic",
                "--seed",
                "Examples:",
            ],
        ),
    ];
    for (args, mentions) in cases {
        let text = ok(args);
        for word in mentions {
            assert!(text.contains(word), "{args:?} does not mention {word}");
        }
        assert!(!has_ansi(&text), "{args:?} printed escape codes");
    }
    assert!(ok(&["--version"]).starts_with("carestudy "));
}

/// Each command's help lists the options it takes and no others (#15.6): the quiz's options
/// belong to the app and `snapshot`, colours to what prints in colour.
#[test]
fn each_command_help_lists_only_its_own_options() {
    let quiz_options = ["--seed", "--mock-questions", "--mock-minutes"];
    for command in [
        "list", "show", "search", "present", "export", "check", "stats",
    ] {
        let help = ok(&[command, "--help"]);
        for option in quiz_options {
            assert!(!help.contains(option), "`{command} --help` lists {option}");
        }
        assert!(help.contains("--content"), "`{command} --help`");
    }
    for command in ["export", "check"] {
        assert!(!ok(&[command, "--help"]).contains("--theme"), "{command}");
    }
    for command in ["progress export", "progress import"] {
        let args: Vec<&str> = command.split(' ').chain(["--help"]).collect();
        let help = ok(&args);
        assert!(help.contains("--data-dir"), "{command}");
        for option in ["--content", "--theme", "--seed"] {
            assert!(!help.contains(option), "`{command} --help` lists {option}");
        }
    }
    let snapshot = ok(&["snapshot", "--help"]);
    for option in quiz_options
        .iter()
        .chain(&["--theme", "--data-dir", "--content"])
    {
        assert!(snapshot.contains(option), "snapshot --help lacks {option}");
    }
}

/// An option written before its command still works when the command takes it, and is an
/// error naming it when the command does not (never silently ignored).
#[test]
fn options_before_the_command_reach_it_or_are_refused() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    let dir = dir.to_str().unwrap();
    assert_eq!(
        ok(&["--content", dir, "list"]),
        ok(&["list", "--content", dir])
    );
    let err = usage_error(&["--seed", "3", "list"]);
    assert!(
        err.contains("`carestudy list` does not take --seed"),
        "{err}"
    );
    let err = usage_error(&["--theme", "mono", "export", "--format", "json"]);
    assert!(err.contains("does not take --theme"), "{err}");
    usage_error(&["show", "volunteers", "--seed", "3"]);
}

#[test]
fn bad_usage_exits_2() {
    usage_error(&["frobnicate"]);
    usage_error(&["search"]);
    usage_error(&["show"]);
    usage_error(&["--theme", "neon", "list"]);
}

// ---------------------------------------------------------------------------------------------
// --content

#[test]
fn content_fixture_folder_lists() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    assert!(dir.is_dir(), "{} is missing", dir.display());
    let dir = dir.to_str().unwrap();
    let library = json(&["--content", dir, "list", "--json"]);
    let guides = library.as_array().unwrap();
    assert!(!guides.is_empty());
    let text = ok(&["--content", dir, "list"]);
    for guide in guides {
        assert!(text.contains(str_field(guide, "id")));
    }
    assert!(ok(&["check", dir]).starts_with("ok: "));
}

#[test]
fn search_terms_show_in_show_and_are_found_by_search() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    let dir = dir.to_str().unwrap();
    let text = ok(&["--content", dir, "show", "first-topic"]);
    assert!(
        text.contains("Search terms: fixture vocabulary; handover\n"),
        "{text}"
    );
    let shown = json(&["--content", dir, "show", "first-topic", "--json"]);
    assert_eq!(
        shown["search_terms"],
        serde_json::json!(["fixture vocabulary", "handover"])
    );
    let found = json(&["--content", dir, "search", "handover", "--json"]);
    assert_eq!(str_field(&found[0], "id"), "fixture-first/first-topic");
    assert_eq!(str_field(&found[0], "field"), "search term");
}

const HANDOVER: &str = r#"+++
id = "handover"
title = "Shift handovers"
criterion = "2.1 Explain why handovers matter"
verb = "explain"
source = "Notes from our team meeting"
references = [{ title = "Our handover policy", url = "https://intranet.example.org/policies/handover" }]
+++

## What a handover is {#what-it-is}

A handover passes what the outgoing shift knows to the incoming shift, so that care carries on safely.

### Key features

- It happens at every change of shift.
- It covers each person's needs, changes and risks.

### Examples

- A senior carer tells the night team that a resident refused their evening meal.

## Why handovers matter {#why-they-matter}

Without a good handover, important changes are missed and people are put at risk.

### Key features

- Continuity of care between shifts.
- Risks are known before they cause harm.
"#;

#[test]
fn content_from_a_folder_of_my_own() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("handover.md"), HANDOVER).unwrap();
    // README.md is documentation, not a guide.
    std::fs::write(dir.path().join("README.md"), "# Not a guide\n").unwrap();
    let path = dir.path().to_str().unwrap();

    let library = json(&["--content", path, "list", "--json"]);
    let guides = library.as_array().unwrap();
    assert_eq!(guides.len(), 1, "{library:#}");
    assert_eq!(guides[0]["id"], "handover");
    let topics = array_field(&guides[0], "topics");
    let ids: Vec<&str> = topics.iter().map(|t| str_field(t, "id")).collect();
    assert_eq!(ids, ["what-it-is", "why-they-matter"]);
    assert_eq!(
        topics[0]["key_features"][0],
        "It happens at every change of shift."
    );

    let text = ok(&["--content", path, "show", "handover/why-they-matter"]);
    assert!(text.contains("Continuity of care between shifts."));
    let hits = json(&["--content", path, "search", "--json", "evening meal"]);
    assert_eq!(hits[0]["topic"], "what-it-is");
    assert!(ok(&["check", path]).starts_with("ok: "));
    assert!(ok(&["--content", path, "snapshot"]).contains("What a handover is"));
}

/// A guide's references and a `.context` topic show in Browse, `show` (text and JSON) and the
/// Markdown sheet.
#[test]
fn references_and_wider_context_are_shown() {
    let dir = tempfile::tempdir().unwrap();
    let guide = HANDOVER
        .replace(
            "{#why-they-matter}",
            "{#why-they-matter .context}",
        )
        .replace(
            "references = [",
            "references = [{ title = \"Care Act 2014\", url = \"https://www.legislation.gov.uk/ukpga/2014/23\" }, ",
        );
    std::fs::write(dir.path().join("handover.md"), guide).unwrap();
    let path = dir.path().to_str().unwrap();
    let note = "Wider context: not one of a care worker's own working relationships";
    let policy = "Our handover policy: https://intranet.example.org/policies/handover";

    let text = ok(&["--content", path, "show", "handover/why-they-matter"]);
    assert!(text.contains(note), "{text}");
    assert!(
        text.contains(
            "References:\n  - Care Act 2014: https://www.legislation.gov.uk/ukpga/2014/23\n"
        ),
        "{text}"
    );
    assert!(text.contains(policy), "{text}");
    let plain = ok(&["--content", path, "show", "handover/what-it-is"]);
    assert!(!plain.contains(note), "{plain}");

    let shown = json(&[
        "--content",
        path,
        "show",
        "--json",
        "handover/why-they-matter",
    ]);
    assert_eq!(shown["context"], true);
    assert_eq!(shown["references"][0]["title"], "Care Act 2014");
    assert_eq!(
        shown["references"][1]["url"],
        "https://intranet.example.org/policies/handover"
    );
    let plain = json(&["--content", path, "show", "--json", "handover/what-it-is"]);
    assert_eq!(plain["context"], false);

    let sheet = ok(&["--content", path, "export", "--format", "markdown"]);
    assert!(
        sheet.contains(&format!("## Why handovers matter\n\n{note}\n")),
        "{sheet}"
    );
    assert!(sheet.contains("**References:**"), "{sheet}");

    let screen = ok(&[
        "--content",
        path,
        "snapshot",
        "--size",
        "120x40",
        "--topic",
        "handover/why-they-matter",
        "--keys",
        "<Enter>",
    ]);
    assert!(screen.contains(note), "{screen}");
    // Browse lists a guide's criteria, source and references once, on the guide's page; a
    // topic links there.
    assert!(
        screen.contains("→ Shift handovers: its criteria, source and 2 references"),
        "{screen}"
    );
    assert!(!screen.contains(policy), "{screen}");
    let guide_page = ok(&[
        "--content",
        path,
        "snapshot",
        "--size",
        "120x40",
        "--topic",
        "handover/why-they-matter",
        "--keys",
        "<Enter><End>k<Enter>",
    ]);
    assert!(guide_page.contains("Guide 1 of 1"), "{guide_page}");
    // Each reference's title, then its address on a line of its own.
    assert!(
        guide_page.contains("• Our handover policy ")
            && guide_page.contains("   https://intranet.example.org/policies/handover "),
        "{guide_page}"
    );
}

#[test]
fn content_with_problems_is_reported_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let broken = HANDOVER.replace(
        "verb = \"explain\"\n",
        "verb = \"explain\"\ncolour = \"red\"\n",
    );
    std::fs::write(dir.path().join("broken.md"), broken).unwrap();
    let path = dir.path().to_str().unwrap();

    let output = run(&["check", path]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let err = stderr(&output);
    assert!(err.contains("broken.md:"), "names the file: {err}");
    assert!(err.contains("1 problem"), "{err}");

    let output = run(&["--content", path, "list"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(output.stdout.is_empty());
    assert!(stderr(&output).contains("carestudy check"));
}

/// A time that is not RFC 3339 gets a message saying what form is expected, with an example,
/// rather than the parser's "premature end of input".
#[test]
fn a_bad_now_says_what_form_a_time_takes() {
    for args in [
        &["stats", "--now", "yesterday"][..],
        &["snapshot", "--now", "2026-11-21"][..],
    ] {
        let err = usage_error(args);
        assert!(err.contains("RFC 3339"), "{err}");
        assert!(err.contains("2026-11-21T09:30:00Z"), "an example: {err}");
        assert!(err.contains(&format!("`{}`", args[2])), "names it: {err}");
        assert!(!err.contains("premature"), "no parser jargon: {err}");
    }
    let err = usage_error(&["stats", "--now", "2026-13-21T00:00:00Z"]);
    assert!(err.contains("out of range"), "{err}");
}

/// An unfinished key name is an error that names it, not text typed into the app.
#[test]
fn an_unfinished_key_name_is_a_usage_error() {
    let err = usage_error(&["snapshot", "--keys", "abc<Enter"]);
    assert!(err.contains("unfinished key name <Enter"), "{err}");
}

/// A reader that stops early (`carestudy stats --json | head -1`) closes the pipe: every
/// command then ends quietly with status 0, whichever writer met the closed pipe (plain text,
/// JSON, an export).
#[test]
fn a_closed_pipe_is_silent_success_for_every_command() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path().to_str().unwrap();
    let commands: &[&[&str]] = &[
        &["list"],
        &["list", "--json"],
        &["show", "working-relationships/colleagues"],
        &["show", "--json", "working-relationships/colleagues"],
        &["search", "care"],
        &["search", "--json", "care"],
        &["stats", "--data-dir", data],
        &["stats", "--json", "--data-dir", data],
        &["export", "--format", "markdown"],
        &["export", "--format", "anki"],
        &["export", "--format", "json"],
        &["check"],
        &["config"],
        &["snapshot", "--keys", "q"],
        &["progress", "export", "--data-dir", data],
        &["--help"],
    ];
    for args in commands {
        // The pipe's reading end is closed before carestudy starts: its first write fails.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = Command::new(BIN)
            .args(*args)
            .env("CARESTUDY_CONFIG", "")
            .env("CARESTUDY_CACHE_DIR", "")
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("run carestudy");
        assert_eq!(
            (output.status.code(), stderr(&output).as_str()),
            (Some(0), ""),
            "carestudy {args:?} into a closed pipe"
        );
    }
}
