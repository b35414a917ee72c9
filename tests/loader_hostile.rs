#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Hostile guide folders, run through the real binary: escape codes in names and keys, link
//! mazes that used to take exponential time, a link into /proc, and files built to cost memory.
//! Each run is killed if it outlives a generous deadline, so a regression fails instead of
//! hanging the suite.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Far above what each case takes (milliseconds in a release build), far below a hang.
const DEADLINE: Duration = Duration::from_secs(20);

/// A valid guide with the given id.
fn guide(id: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"Guide {id}\"\ncriterion = \"1.1 Describe things\"\n\
         verb = \"describe\"\nsource = \"carestudy tests\"\n\
         references = [{{ title = \"A reference\", url = \"https://example.org\" }}]\n\
         +++\n\n## A topic {{#a-topic}}\n\n\
         A summary.\n"
    )
}

struct Run {
    status: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Run {
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// Runs carestudy with `args`, killing it at the deadline. Output goes to files, so a chatty run
/// cannot block on a full pipe.
fn carestudy(args: &[&std::ffi::OsStr]) -> Run {
    let out = tempfile::tempfile().unwrap();
    let err = tempfile::tempfile().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_carestudy"))
        .args(args)
        .env("CARESTUDY_CACHE_DIR", "")
        .stdin(Stdio::null())
        .stdout(out.try_clone().unwrap())
        .stderr(err.try_clone().unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > DEADLINE {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("carestudy {args:?} was still running after {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let read = |mut file: fs::File| {
        use std::io::{Read, Seek};
        let mut bytes = Vec::new();
        file.rewind().unwrap();
        file.read_to_end(&mut bytes).unwrap();
        bytes
    };
    let run = Run {
        status: status.code(),
        stdout: read(out),
        stderr: read(err),
    };
    assert!(!run.stderr().contains("panicked"), "{}", run.stderr());
    run
}

/// No byte that a terminal acts on, other than the line breaks between messages.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    assert!(bad.is_empty(), "{what} holds {bad:?}:\n{text}");
}

// ---------------------------------------------------------------------------------------------
// #13.6: escape codes in file names, folder names and unknown keys reach no terminal.

#[cfg(unix)]
#[test]
fn names_and_keys_in_messages_cannot_drive_the_terminal() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // A file whose name sets the terminal's title, with a quoted front-matter key holding escapes.
    let bad_name = std::ffi::OsStr::from_bytes(b"evil\x1b]0;pwned\x07\xc2\x9b.md");
    let text = guide("evil").replacen("+++\n", "+++\n\"col\\u001b[31mour\\u202e\" = 1\n", 1);
    fs::write(root.join(bad_name), text).unwrap();
    let bad_folder = std::ffi::OsStr::from_bytes(b"dir\x1b[2J");
    fs::create_dir(root.join(bad_folder)).unwrap();
    fs::write(root.join(bad_folder).join("g.md"), guide("other")).unwrap();

    for args in [
        vec!["check".as_ref(), root.as_os_str()],
        vec!["--content".as_ref(), root.as_os_str(), "list".as_ref()],
        vec!["--content".as_ref(), root.as_os_str()],
    ] {
        let run = carestudy(&args);
        assert_eq!(run.status, Some(1), "{args:?}: {}", run.stderr());
        assert_inert("stdout", &run.stdout);
        assert_inert("stderr", &run.stderr);
        let stderr = run.stderr();
        // The problem still says which file and key it is about.
        assert!(
            stderr.contains("evil\\u{1b}]0;pwned\\u{7}\\u{9b}.md:2:1: error: unknown key `col\\u{1b}[31mour\\u{202e}`"),
            "{args:?}: {stderr}"
        );
    }

    // A clean folder with a hostile name: the summary line names it without its escapes.
    let run = carestudy(&["check".as_ref(), root.join(bad_folder).as_os_str()]);
    assert_eq!(run.status, Some(0), "{}", run.stderr());
    assert_inert("stdout", &run.stdout);
    assert!(String::from_utf8_lossy(&run.stdout).contains("dir\\u{1b}[2J: 1 guides"));
}

// ---------------------------------------------------------------------------------------------
// #13.7: symbolic links.

/// Folders twelve deep, each holding a real folder `n` and two links to it, `a -> n` and
/// `b -> n`: following every link reads 3^12 (531,441) folders; reading each folder once, 13.
#[cfg(unix)]
#[test]
fn links_to_the_same_folder_twelve_levels_deep_are_followed_once() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let mut level = dir.path().to_path_buf();
    for depth in 0..=12 {
        fs::write(level.join("g.md"), guide(&format!("level-{depth}"))).unwrap();
        if depth == 12 {
            break;
        }
        fs::create_dir(level.join("n")).unwrap();
        symlink("n", level.join("a")).unwrap();
        symlink("n", level.join("b")).unwrap();
        level = level.join("n");
    }
    let run = carestudy(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(run.status, Some(0), "{}", run.stderr());
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains(": 13 guides, 13 topics"), "{stdout}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_link_to_proc_is_skipped() {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.md"), guide("only")).unwrap();
    std::os::unix::fs::symlink("/proc", dir.path().join("x")).unwrap();
    std::os::unix::fs::symlink("/sys", dir.path().join("y")).unwrap();
    let run = carestudy(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(run.status, Some(0), "{}", run.stderr());
    assert!(String::from_utf8_lossy(&run.stdout).contains(": 1 guides"));
}

#[cfg(unix)]
#[test]
fn a_link_to_the_root_folder_stops_at_the_entry_limit() {
    // The walk reads each folder once and stops after MAX_FOLDER_ENTRIES entries with a problem,
    // rather than reading the whole machine. (On a tiny file system it may finish first.)
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.md"), guide("only")).unwrap();
    std::os::unix::fs::symlink("/", dir.path().join("everything")).unwrap();
    let run = carestudy(&["check".as_ref(), dir.path().as_os_str()]);
    let stderr = run.stderr();
    assert!(matches!(run.status, Some(0 | 1)), "{stderr}");
    assert_inert("stderr", &run.stderr);
}

// ---------------------------------------------------------------------------------------------
// #13.8: files built to cost memory.

#[test]
fn millions_of_problems_are_counted_not_kept() {
    let limit = carestudy::content::MAX_FILE_BYTES;
    let dir = tempfile::tempdir().unwrap();
    let mut text = guide("many").into_bytes();
    // `#` on a line of its own is a problem (`#` headings are not used), as often as fits.
    let lines = (limit - text.len()) / 2;
    text.extend_from_slice(&b"#\n".repeat(lines));
    assert!(text.len() <= limit);
    fs::write(dir.path().join("g.md"), &text).unwrap();
    let run = carestudy(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(run.status, Some(1));
    let stderr = run.stderr();
    let problems: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(problems.len(), 51, "{stderr}");
    assert!(
        problems[50].ends_with(&format!(
            "error: {} more problems in this file not shown",
            lines - 50
        )),
        "{}",
        problems[50]
    );
}

#[test]
fn the_file_size_limit_is_half_a_mebibyte() {
    assert_eq!(carestudy::content::MAX_FILE_BYTES, 512 * 1024);
}
