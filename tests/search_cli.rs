//! `carestudy search` and the topic lookup of `show`, `present` and `--topic`, run as a learner
//! or a script would.

use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_carestudy");

fn run(args: &[&str]) -> Output {
    let output = Command::new(BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("CARESTUDY_DATA_DIR")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output();
    match output {
        Ok(output) => output,
        Err(e) => panic!("cannot run carestudy: {e}"),
    }
}

fn stdout(args: &[&str]) -> String {
    let output = run(args);
    assert!(
        output.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json(args: &[&str]) -> serde_json::Value {
    match serde_json::from_str(&stdout(args)) {
        Ok(value) => value,
        Err(e) => panic!("{args:?} printed no JSON: {e}"),
    }
}

/// Runs a command that must fail as a usage error (exit 2) and returns its standard error.
fn usage_error(args: &[&str]) -> String {
    let output = run(args);
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_term_of_the_field_finds_its_topic_first() {
    let text = stdout(&["search", "handover", "--limit", "1"]);
    let first = text.lines().next().unwrap_or("");
    assert!(first.contains("working-relationships/colleagues"), "{text}");
}

#[test]
fn one_row_per_topic_with_the_count_of_further_matches() {
    let hits = json(&["search", "boundaries", "--json", "--limit", "50"]);
    let rows = hits.as_array().map_or(&[][..], Vec::as_slice);
    let mut ids: Vec<&str> = rows.iter().filter_map(|r| r["id"].as_str()).collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "a topic appears twice: {ids:?}");
    let boundaries = rows
        .iter()
        .find(|r| r["id"] == "reasons-for-professional-relationships/boundaries")
        .unwrap_or_else(|| panic!("{hits:#}"));
    assert!(
        boundaries["matches"].as_u64().unwrap_or(0) > 3,
        "{boundaries:#}"
    );
}

#[test]
fn json_keeps_its_fields_and_adds_the_tier_and_typo_flag() {
    let hits = json(&["search", "mentro", "--json", "--limit", "1"]);
    let hit = &hits[0];
    for field in [
        "guide",
        "topic",
        "id",
        "title",
        "field",
        "text",
        "score",
        "positions",
        "tier",
        "typo",
        "matches",
    ] {
        assert!(!hit[field].is_null(), "no {field} in {hit:#}");
    }
    assert_eq!(hit["id"], "types-of-relationships/mentor-or-tutor");
    assert_eq!(hit["tier"], "typo");
    assert_eq!(hit["typo"], true);
    assert_eq!(hit["corrections"][0], "mentors");
    let exact = json(&["search", "mentor", "--json", "--limit", "1"]);
    assert_eq!(exact[0]["tier"], "phrase");
    assert_eq!(exact[0]["typo"], false);
}

#[test]
fn a_typo_match_is_labelled_in_text_output() {
    let text = stdout(&["search", "wellbeign", "--limit", "1"]);
    assert!(text.contains("typo: "), "{text}");
}

#[test]
fn nothing_relevant_prints_no_matches_and_a_suggestion_when_there_is_one() {
    assert_eq!(
        stdout(&["search", "holiday"]),
        "No matches for \"holiday\".\n"
    );
    let text = stdout(&["search", "jargonn"]);
    assert!(
        !text.contains("No matches"),
        "a typo is still found: {text}"
    );
    let text = stdout(&["search", "jragno"]);
    assert_eq!(
        text,
        "No matches for \"jragno\".\nDid you mean \"jargon\"?\n"
    );
    assert_eq!(
        json(&["search", "holiday", "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn the_query_is_echoed_without_control_characters() {
    let text = stdout(&["search", "zz\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}qq"]);
    assert_eq!(text, "No matches for \"zz]0;pwned[2Jqq\".\n");
}

#[test]
fn a_name_several_topics_fit_lists_them_everywhere() {
    // Four topics are about boundaries; one of them has the id `boundaries`.
    let err = usage_error(&["show", "boundaries"]);
    assert!(err.contains("matches several topics"), "{err}");
    for id in [
        "reasons-for-professional-relationships/boundaries",
        "working-relationships/professional-boundaries",
        "therapeutic-relationship/professional-boundaries",
        "therapeutic-relationship/drawing-boundaries",
    ] {
        assert!(err.contains(id), "{id} missing:\n{err}");
    }
    let err = usage_error(&["snapshot", "--topic", "boundaries", "--keys", "q"]);
    assert!(
        err.contains("therapeutic-relationship/drawing-boundaries"),
        "{err}"
    );
    let err = usage_error(&["present", "boundaries"]);
    assert!(
        err.contains("working-relationships/professional-boundaries"),
        "{err}"
    );
}

#[test]
fn an_unknown_name_lists_the_nearest_everywhere() {
    for args in [
        &["show", "nosuch thing"][..],
        &["present", "nosuch thing"],
        &["snapshot", "--topic", "nosuch thing", "--keys", "q"],
    ] {
        let err = usage_error(args);
        assert!(
            err.contains("no topic matches \"nosuch thing\""),
            "{args:?}: {err}"
        );
        assert!(err.contains("The nearest are:\n  "), "{args:?}: {err}");
    }
}

#[test]
fn a_name_that_fits_one_topic_is_found() {
    let text = stdout(&["show", "avoiding jargon"]);
    assert!(
        text.starts_with("Avoiding jargon  care-certificate-1-4/jargon"),
        "{text}"
    );
    // Two guides have a topic called "Advocates": both are listed.
    let err = usage_error(&["show", "advocates"]);
    assert!(err.contains("types-of-relationships/advocates"), "{err}");
    let text = stdout(&["show", "reflectve practise"]);
    assert!(
        text.starts_with("Supervision and reflective practice  "),
        "{text}"
    );
    let text = stdout(&["show", "why-they-matter"]);
    assert!(
        text.starts_with("Why good working relationships matter"),
        "{text}"
    );
}
