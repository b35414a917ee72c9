#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `carestudy export`, run through the real binary: the three formats, `--guide`, and writing
//! a file with `-o` (refused over an existing file unless `--force`).

use carestudy::content::{Library, load_builtin};
use carestudy::quiz::{QuizDeck, Scope};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;

const BIN: &str = env!("CARGO_BIN_EXE_carestudy");

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("NO_COLOR")
        .env("CARESTUDY_CONFIG", "")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run carestudy")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// Runs and expects status 0 and nothing on stderr, returning stdout.
fn ok(args: &[&str]) -> String {
    let output = run(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "carestudy {args:?} failed:\n{}",
        text(&output.stderr)
    );
    assert!(output.stderr.is_empty(), "{}", text(&output.stderr));
    text(&output.stdout)
}

/// Runs and expects status 2 with nothing on stdout, returning stderr.
fn usage_error(args: &[&str]) -> String {
    let output = run(args);
    assert_eq!(
        output.status.code(),
        Some(2),
        "carestudy {args:?} should exit 2; stderr:\n{}",
        text(&output.stderr)
    );
    assert!(output.stdout.is_empty(), "{}", text(&output.stdout));
    text(&output.stderr)
}

fn builtin() -> Library {
    load_builtin().expect("the built-in guides load")
}

/// The Anki export of the built-in guides, made once (building every card takes a moment).
fn builtin_anki() -> &'static str {
    static FILE: OnceLock<String> = OnceLock::new();
    FILE.get_or_init(|| ok(&["export", "--format", "anki"]))
}

/// Header lines (all before the first note) and the notes, each split at tabs.
fn split_anki(file: &str) -> (Vec<&str>, Vec<Vec<&str>>) {
    let lines: Vec<&str> = file.lines().collect();
    let header_len = lines.iter().take_while(|l| l.starts_with('#')).count();
    assert!(
        lines[header_len..].iter().all(|l| !l.starts_with('#')),
        "a header line after the first note"
    );
    let rows = lines[header_len..]
        .iter()
        .map(|l| l.split('\t').collect())
        .collect();
    (lines[..header_len].to_vec(), rows)
}

/// A folder with one guide whose text holds HTML and Markdown syntax (as code spans, which
/// the loader keeps as text).
fn markup_guides() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut guide = String::from(
        "+++\nid = \"markup\"\ntitle = \"Markup `<i>` & co\"\ncriterion = \"1.1 Explain\"\n\
         verb = \"explain\"\nsource = \"Tests\"\n+++\n\n\
         ## Bold `<b>&` topic {#bold}\n\nA summary with `<script>`.\n\n\
         ### Key features\n\n- A point with `<b>&` in it\n- A \"quoted\" point\n\n\
         ### Examples\n\n- An example with `</td>`\n\n",
    );
    for n in 1..=4 {
        guide.push_str(&format!(
            "## Other {n} {{#other-{n}}}\n\nS.\n\n### Key features\n\n- Point {n}\n- More {n}\n\n\
             ### Examples\n\n- Example {n}\n\n"
        ));
    }
    std::fs::write(dir.path().join("markup.md"), guide).unwrap();
    dir
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------------------------------------
// anki

#[test]
fn anki_is_headers_then_four_columns_on_every_row() {
    let (header, rows) = split_anki(builtin_anki());
    for line in [
        "#separator:tab",
        "#html:true",
        "#tags column:3",
        "#guid column:4",
        "#deck:carestudy::all",
    ] {
        assert!(header.contains(&line), "{line} missing: {header:?}");
    }
    assert!(!rows.is_empty());
    for row in &rows {
        assert_eq!(row.len(), 4, "{row:?}");
        assert!(row[3].starts_with("carestudy:"), "{row:?}");
        assert!(!row[0].is_empty() && !row[1].is_empty(), "{row:?}");
        assert!(!row[2].contains('\t'));
        for tag in row[2].split(' ') {
            assert!(!tag.is_empty() && !tag.contains(char::is_whitespace));
        }
    }
}

#[test]
fn anki_has_one_note_per_quiz_card() {
    let library = builtin();
    let cards = QuizDeck::new(&library, Scope::All, 0).cards().count();
    let (_, rows) = split_anki(builtin_anki());
    assert_eq!(rows.len(), cards);
    let flips = rows
        .iter()
        .filter(|r| r[2].ends_with("carestudy-kind::flip"))
        .count();
    // A flip card for every topic with something to recall, whichever lists it has.
    let quizzable = library
        .guides
        .iter()
        .flat_map(|g| &g.topics)
        .filter(|t| t.is_quizzable())
        .count();
    assert_eq!(flips, quizzable);
}

#[test]
fn anki_tags_every_note_with_its_guide_and_topic() {
    let library = builtin();
    let (_, rows) = split_anki(builtin_anki());
    for guide in &library.guides {
        // A glossary entry has nothing to quiz, so no card and no note.
        for topic in guide.topics.iter().filter(|t| t.is_quizzable()) {
            let tag = format!("carestudy::{}::{} ", guide.id, topic.id);
            assert!(
                rows.iter().any(|r| r[2].starts_with(&tag)),
                "no note tagged {tag}"
            );
        }
    }
}

#[test]
fn anki_is_the_same_every_time() {
    assert_eq!(ok(&["export", "--format", "anki"]), builtin_anki());
}

#[test]
fn anki_escapes_html_in_guide_text() {
    let dir = markup_guides();
    let content = dir.path().to_str().unwrap();
    let file = ok(&["--content", content, "export", "--format", "anki"]);
    let (_, rows) = split_anki(&file);
    assert!(!rows.is_empty());
    for row in &rows {
        assert_eq!(row.len(), 4, "{row:?}");
        for raw in ["<b>& ", "<b>&amp;", "<script", "</td>", "<i> &", "\"quoted"] {
            assert!(
                !row[0].contains(raw) && !row[1].contains(raw),
                "{raw} in {row:?}"
            );
        }
    }
    assert!(file.contains("A point with &lt;b&gt;&amp; in it"), "{file}");
    assert!(file.contains("Bold &lt;b&gt;&amp; topic"));
    assert!(file.contains("A &quot;quoted&quot; point"));
}

// ---------------------------------------------------------------------------------------------
// markdown

#[test]
fn markdown_names_every_guide_and_topic() {
    let library = builtin();
    let sheet = ok(&["export", "--format", "markdown"]);
    let lines: Vec<&str> = sheet.lines().collect();
    assert_eq!(lines[0], "# carestudy revision sheet", "a title first");
    assert_eq!(lines.iter().filter(|l| l.starts_with("# ")).count(), 1);
    assert!(lines.contains(&"## Contents"));
    for guide in &library.guides {
        let heading = format!("## {}", guide.title);
        assert!(lines.contains(&heading.as_str()), "no {heading}");
        for topic in &guide.topics {
            let heading = format!("### {}", topic.title);
            assert!(lines.contains(&heading.as_str()), "no {heading}");
        }
    }
    let h3 = lines.iter().filter(|l| l.starts_with("### ")).count();
    assert_eq!(h3, library.topic_count());
    assert!(sheet.contains("\n#### Key features\n\n- "));
    assert!(sheet.contains("\n**Criterion:** "));
}

#[test]
fn markdown_topic_is_a_handout() {
    let sheet = ok(&[
        "export",
        "--format",
        "markdown",
        "--topic",
        "working-relationships/volunteers",
    ]);
    assert!(sheet.starts_with("# Volunteers\n"), "{sheet}");
    assert!(sheet.contains("\n## Key features\n"), "{sheet}");
    let err = usage_error(&["export", "--format", "markdown", "--topic", "boundaries"]);
    assert!(err.contains("matches several topics; say which:"), "{err}");
    usage_error(&[
        "export",
        "--format",
        "markdown",
        "--topic",
        "volunteers",
        "--guide",
        "glossary",
    ]);
}

#[test]
fn markdown_keeps_markup_in_guide_text_as_text() {
    let dir = markup_guides();
    let content = dir.path().to_str().unwrap();
    let sheet = ok(&["--content", content, "export", "--format", "markdown"]);
    assert!(sheet.contains("\n## Markup \\`\\<i>\\` & co\n"), "{sheet}");
    assert!(sheet.contains("\n### Bold \\<b>& topic\n"), "{sheet}");
    assert!(sheet.contains("\n- A point with \\<b>& in it\n"), "{sheet}");
}

// ---------------------------------------------------------------------------------------------
// json

#[test]
fn json_round_trips_with_every_guide_and_topic() {
    let library = builtin();
    let value: Value = serde_json::from_str(&ok(&["export", "--format", "json"])).unwrap();
    assert_eq!(value["format"], "carestudy");
    assert_eq!(value["version"], 1);
    let guides = value["guides"].as_array().unwrap();
    assert_eq!(guides.len(), library.guides.len());
    for (json, guide) in guides.iter().zip(&library.guides) {
        assert_eq!(json["id"], guide.id.as_str());
        assert_eq!(json["topics"].as_array().unwrap().len(), guide.topics.len());
    }
    let list: Value = serde_json::from_str(&ok(&["list", "--json"])).unwrap();
    assert_eq!(
        value["guides"], list,
        "the guides as `list --json` prints them"
    );
}

// ---------------------------------------------------------------------------------------------
// --guide

#[test]
fn guide_limits_every_format_to_that_guide() {
    let library = builtin();
    let guide = &library.guides[1];
    let value: Value =
        serde_json::from_str(&ok(&["export", "--format", "json", "--guide", &guide.id])).unwrap();
    let guides = value["guides"].as_array().unwrap();
    assert_eq!(guides.len(), 1);
    assert_eq!(guides[0]["id"], guide.id.as_str());

    let sheet = ok(&["export", "--format", "markdown", "--guide", &guide.id]);
    let h2 = sheet.lines().filter(|l| l.starts_with("## ")).count();
    assert_eq!(h2, guide.topics.len() + 1, "the topics and Contents");
    assert!(sheet.starts_with(&format!("# {}\n", guide.title)));
    assert!(!sheet.contains(&format!("# {}\n", library.guides[0].title)));

    let file = ok(&["export", "--format", "anki", "--guide", &guide.id]);
    let (header, rows) = split_anki(&file);
    let deck = format!("#deck:carestudy::{}", guide.id);
    assert!(header.contains(&deck.as_str()), "{header:?}");
    let cards = QuizDeck::new(&library, Scope::Guide(1), 0).cards().count();
    assert_eq!(rows.len(), cards);
    let tag = format!("carestudy::{}::", guide.id);
    assert!(rows.iter().all(|r| r[2].starts_with(&tag)));
}

#[test]
fn an_unknown_guide_exits_2_and_lists_the_guides() {
    let err = usage_error(&["export", "--format", "markdown", "--guide", "no-such-guide"]);
    assert!(err.contains("\"no-such-guide\""), "{err}");
    for guide in &builtin().guides {
        assert!(err.contains(guide.id.as_str()), "{err}");
    }
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    let err = usage_error(&["export", "--format", "pdf"]);
    assert!(err.contains("markdown") && err.contains("anki") && err.contains("json"));
}

// ---------------------------------------------------------------------------------------------
// -o FILE

#[test]
fn output_writes_the_file_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("revision.md");
    let target = path.to_str().unwrap();
    let output = run(&["export", "--format", "markdown", "-o", target]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(output.stdout.is_empty());
    let topics = builtin().topic_count();
    assert_eq!(
        text(&output.stderr),
        format!("wrote {topics} topics to {target}\n")
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        ok(&["export", "--format", "markdown"])
    );
    assert_eq!(file_names(dir.path()), ["revision.md"]);
}

#[test]
fn output_refuses_to_overwrite_without_force_and_overwrites_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.json");
    std::fs::write(&path, "keep me").unwrap();
    let target = path.to_str().unwrap();

    let err = usage_error(&["export", "--format", "json", "-o", target]);
    assert!(err.contains(target), "names the file: {err}");
    assert!(err.contains("--force"), "suggests --force: {err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");

    let output = run(&["export", "--format", "json", "-o", target, "--force"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(written["format"], "carestudy");
    assert_eq!(
        file_names(dir.path()),
        ["notes.json"],
        "no temporary file left"
    );
}

#[test]
fn output_into_a_missing_folder_fails_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent").join("revision.md");
    let output = run(&[
        "export",
        "--format",
        "markdown",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_ne!(output.status.code(), Some(0));
    assert!(text(&output.stderr).contains("revision.md"));
    assert!(file_names(dir.path()).is_empty());
}

#[test]
fn force_needs_an_output_file() {
    let err = usage_error(&["export", "--format", "json", "--force"]);
    assert!(err.contains("--output"), "{err}");
}

/// `/dev/stdout` is the descriptor the export's standard output already is (here a pipe): it is
/// written to, not refused as an existing file, and never replaced.
#[cfg(target_os = "linux")]
#[test]
fn output_to_dev_stdout_writes_to_standard_output() {
    let output = run(&["export", "--format", "json", "-o", "/dev/stdout"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), ok(&["export", "--format", "json"]));
    assert!(text(&output.stderr).starts_with("wrote "));
}

/// Behind `/dev/stdout` may be a file the shell opened with `>` or `>>`: the export goes into
/// that open file (appended, as `>>` asks), and the file is not replaced by another.
#[cfg(target_os = "linux")]
#[test]
fn output_to_dev_stdout_redirected_to_a_file_appends_to_it() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.json");
    std::fs::write(&path, "before\n").unwrap();
    let inode = std::fs::metadata(&path).unwrap().ino();
    let file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    let status = Command::new(BIN)
        .args(["export", "--format", "json", "-o", "/dev/stdout"])
        .stdout(file)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "{status:?}");
    let json = ok(&["export", "--format", "json"]);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!("before\n{json}")
    );
    assert_eq!(std::fs::metadata(&path).unwrap().ino(), inode, "same file");
}
