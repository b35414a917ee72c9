use super::usage;
use crate::atomic_file::{Followed, follow_links, write_atomic_shared};
use crate::content::Library;
use crate::export::{Format, Selection, render_selection};
use crate::lookup::{Lookup, explain, find_topic};
use anyhow::Context;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What `carestudy export` was asked to cover: everything, a guide (`--guide`) or a topic
/// (`--topic`), as named on the command line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Part<'a> {
    pub guide: Option<&'a str>,
    pub topic: Option<&'a str>,
}

/// `carestudy export`: the guides (or one guide, or one topic) as a revision sheet, Anki notes
/// or JSON, on `out` or atomically into `output`; what was written is said on `err`.
pub fn export(
    library: &Library,
    format: Format,
    part: Part,
    output: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let selection = match part {
        Part {
            guide: Some(_),
            topic: Some(_),
        } => return Err(usage("give --guide or --topic, not both")),
        Part {
            guide: Some(name), ..
        } => Selection::Guide(find_guide(library, name)?),
        Part {
            topic: Some(name), ..
        } => {
            let lookup = find_topic(library, name);
            match (&lookup, explain(library, name, &lookup)) {
                (&Lookup::Found(at), _) => Selection::Topic(at),
                (_, message) => return Err(usage(message.unwrap_or_default())),
            }
        }
        Part {
            guide: None,
            topic: None,
        } => Selection::All,
    };
    let text = render_selection(library, selection, format);
    let Some(path) = output else {
        return to_stdout(&text, out);
    };
    let shown = path.display();
    let written = match destination(path).with_context(|| format!("cannot write {shown}"))? {
        Destination::Stdout => return to_stdout(&text, out),
        Destination::File { path: file, exists } => {
            if exists && !force {
                return Err(refusal(path));
            }
            match write_atomic_shared(&file, text.as_bytes(), force) {
                // Created by someone else since it was looked at.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && !force => {
                    return Err(refusal(path));
                }
                result => result,
            }
        }
        Destination::Stream(stream) => write_through(&stream, text.as_bytes()),
        Destination::Refused(why) => return Err(usage(format!("{shown} {why}"))),
    };
    if let Err(e) = written {
        anyhow::bail!("cannot write {shown}: {}", describe(&e));
    }
    let topics = match selection {
        Selection::All => library.topic_count(),
        Selection::Guide(index) => library.guide(index).map_or(0, |g| g.topics.len()),
        Selection::Topic(_) => 1,
    };
    let what = match format {
        Format::Anki => {
            let notes = text.lines().filter(|l| !l.starts_with('#')).count();
            format!("{} from {}", count(notes, "note"), count(topics, "topic"))
        }
        Format::Markdown | Format::Json => count(topics, "topic"),
    };
    writeln!(err, "wrote {what} to {shown}")?;
    Ok(())
}

fn to_stdout(text: &str, out: &mut dyn Write) -> anyhow::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Where `-o` sends the export, decided before anything is written.
#[derive(Debug, PartialEq, Eq)]
enum Destination {
    /// `-o -`: standard output.
    Stdout,
    /// A regular file, or nothing yet: written whole, by replacing it atomically. A symbolic
    /// link is followed, so the link stays and the file it names is replaced.
    File { path: PathBuf, exists: bool },
    /// A device, a pipe or an open descriptor (`/dev/null`, `/dev/stdout`, a process
    /// substitution): written to where it is, as the shell's `>` would; nothing is replaced,
    /// so `--force` is not needed.
    Stream(PathBuf),
    /// Something an export must not be written to, and why.
    Refused(&'static str),
}

fn destination(path: &Path) -> io::Result<Destination> {
    if path == Path::new("-") {
        return Ok(Destination::Stdout);
    }
    let path = match follow_links(path)? {
        Followed::Descriptor(path) => return Ok(Destination::Stream(path)),
        Followed::Path(path) => path,
    };
    let metadata = match std::fs::metadata(&path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(Destination::File {
                path,
                exists: false,
            });
        }
        Err(e) => return Err(e),
    };
    let kind = metadata.file_type();
    Ok(if kind.is_file() {
        Destination::File { path, exists: true }
    } else if kind.is_dir() {
        Destination::Refused("is a folder; give -o the name of a file to write")
    } else if is_disk(&kind) {
        Destination::Refused("is a disk (a block device); carestudy will not write over it")
    } else {
        Destination::Stream(path)
    })
}

#[cfg(unix)]
fn is_disk(kind: &std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_block_device()
}

#[cfg(not(unix))]
fn is_disk(_kind: &std::fs::FileType) -> bool {
    false
}

/// Writes to a device, pipe or open descriptor in place. Appending never truncates: a shell's
/// `>` has already emptied a file behind a descriptor, and its `>>` means "add to the end".
fn write_through(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut stream = std::fs::OpenOptions::new().append(true).open(path)?;
    stream.write_all(bytes)?;
    stream.flush()
}

/// An error in a learner's words where the system's are obscure.
fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::StorageFull => "no space left on the device (the disk is full)".to_owned(),
        _ => e.to_string(),
    }
}

fn refusal(path: &Path) -> anyhow::Error {
    usage(format!(
        "{} already exists; add --force to replace it",
        path.display()
    ))
}

/// A guide named on the command line: by its id or its whole title. Anything else lists the
/// guides it might mean (those whose id or title holds it), or every guide: one is never
/// picked by a guess.
fn find_guide(library: &Library, name: &str) -> anyhow::Result<usize> {
    let wanted = name.trim().to_lowercase();
    let exact = library.guides.iter().position(|g| g.id == name.trim());
    let titled = || {
        library
            .guides
            .iter()
            .position(|g| g.title.to_lowercase() == wanted)
    };
    if let Some(index) = exact.or_else(titled) {
        return Ok(index);
    }
    let near: Vec<_> = library
        .guides
        .iter()
        .filter(|g| {
            !wanted.is_empty()
                && (g.id.contains(&wanted) || g.title.to_lowercase().contains(&wanted))
        })
        .collect();
    let name = crate::content::sanitize_inline(name);
    let (mut message, listed) = if near.is_empty() {
        (
            format!("no guide has the id \"{name}\". The guides are:"),
            library.guides.iter().collect(),
        )
    } else {
        (
            format!("no guide has the id \"{name}\"; did you mean one of these?"),
            near,
        )
    };
    for guide in listed {
        let _ = write!(message, "\n  {}  ({})", guide.id, guide.title);
    }
    Err(usage(message))
}

fn count(n: usize, noun: &str) -> String {
    let plural = if n == 1 { "" } else { "s" };
    format!("{n} {noun}{plural}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::{exit, report};
    use crate::test_support::{builtin_library as builtin, file_names as names, temp_dir};

    fn run(
        library: &Library,
        format: Format,
        guide: Option<&str>,
        output: Option<&Path>,
        force: bool,
    ) -> io::Result<(u8, String, String)> {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let part = Part { guide, topic: None };
        let code = match export(library, format, part, output, force, &mut out, &mut err) {
            Ok(()) => exit::OK,
            Err(e) => report(&e, &mut err),
        };
        let text = |bytes: Vec<u8>| String::from_utf8_lossy(&bytes).into_owned();
        Ok((code, text(out), text(err)))
    }

    #[test]
    fn prints_to_out_without_a_file() -> io::Result<()> {
        let library = builtin();
        let (code, out, err) = run(&library, Format::Markdown, None, None, false)?;
        assert_eq!(code, exit::OK);
        assert_eq!(out, crate::export::render(&library, Format::Markdown));
        assert_eq!(err, "");
        Ok(())
    }

    #[test]
    fn an_unknown_guide_lists_the_guides() -> io::Result<()> {
        let library = builtin();
        let (code, out, err) = run(&library, Format::Json, Some("nope"), None, false)?;
        assert_eq!(code, exit::USAGE);
        assert_eq!(out, "");
        assert!(err.contains("\"nope\""), "{err}");
        for guide in &library.guides {
            assert!(err.contains(guide.id.as_str()), "{err}");
        }
        Ok(())
    }

    /// A guide is named by its id or its whole title; a part of one lists only the guides it
    /// could mean, and none is picked by a guess.
    #[test]
    fn a_partial_guide_name_lists_the_near_guides_and_picks_none() -> io::Result<()> {
        let library = builtin();
        let first = &library.guides[0];
        let by_title = run(
            &library,
            Format::Json,
            Some(&first.title.to_uppercase()),
            None,
            false,
        )?;
        assert_eq!(by_title.0, exit::OK, "{}", by_title.2);
        let (code, out, err) = run(&library, Format::Json, Some("relationship"), None, false)?;
        assert_eq!((code, out.as_str()), (exit::USAGE, ""));
        assert!(err.contains("did you mean one of these?"), "{err}");
        assert!(err.contains("\n  working-relationships  ("), "{err}");
        assert!(!err.contains("\n  glossary  ("), "{err}");
        Ok(())
    }

    /// `--topic`: one topic, found as `show` finds it; an ambiguous name lists the candidates.
    #[test]
    fn a_topic_exports_that_topic_alone_and_an_ambiguous_one_lists_them() {
        let library = builtin();
        let export_topic = |name: &str| {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let part = Part {
                guide: None,
                topic: Some(name),
            };
            let code = match export(
                &library,
                Format::Markdown,
                part,
                None,
                false,
                &mut out,
                &mut err,
            ) {
                Ok(()) => exit::OK,
                Err(e) => report(&e, &mut err),
            };
            let text = |bytes: Vec<u8>| String::from_utf8_lossy(&bytes).into_owned();
            (code, text(out), text(err))
        };
        let (code, out, _) = export_topic("working-relationships/volunteers");
        assert_eq!(code, exit::OK);
        assert!(out.starts_with("# Volunteers\n"), "{out}");
        let (code, out, err) = export_topic("boundaries");
        assert_eq!((code, out.as_str()), (exit::USAGE, ""));
        assert!(err.contains("matches several topics"), "{err}");
        let both = Part {
            guide: Some("glossary"),
            topic: Some("volunteers"),
        };
        let result = export(
            &library,
            Format::Json,
            both,
            None,
            false,
            &mut Vec::new(),
            &mut Vec::new(),
        );
        assert!(result.is_err());
    }

    #[test]
    fn writes_a_file_refuses_to_replace_it_then_replaces_it_with_force() -> io::Result<()> {
        let library = builtin();
        let dir = temp_dir();
        let path = dir.path().join("revision.md");
        let (code, out, err) = run(&library, Format::Markdown, None, Some(&path), false)?;
        assert_eq!(code, exit::OK, "{err}");
        assert_eq!(out, "");
        let topics = library.topic_count();
        assert_eq!(
            err,
            format!("wrote {topics} topics to {}\n", path.display())
        );
        assert_eq!(
            std::fs::read_to_string(&path)?,
            crate::export::render(&library, Format::Markdown)
        );

        let (code, _, err) = run(&library, Format::Json, None, Some(&path), false)?;
        assert_eq!(code, exit::USAGE);
        assert!(err.contains("revision.md already exists") && err.contains("--force"));
        assert!(std::fs::read_to_string(&path)?.starts_with("# "), "kept");

        let (code, _, err) = run(&library, Format::Json, None, Some(&path), true)?;
        assert_eq!(code, exit::OK, "{err}");
        assert!(std::fs::read_to_string(&path)?.starts_with('{'), "replaced");
        assert_eq!(names(dir.path()), ["revision.md"], "no temporary file left");
        Ok(())
    }

    #[test]
    fn the_anki_summary_counts_notes() -> io::Result<()> {
        let library = builtin();
        let dir = temp_dir();
        let path = dir.path().join("cards.txt");
        let id = &library.guides[0].id;
        let (code, _, err) = run(&library, Format::Anki, Some(id), Some(&path), false)?;
        assert_eq!(code, exit::OK, "{err}");
        let topics = library.guides[0].topics.len();
        assert!(
            err.starts_with("wrote ") && err.contains(&format!(" notes from {topics} topics to ")),
            "{err}"
        );
        Ok(())
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() -> io::Result<()> {
        let library = builtin();
        let dir = temp_dir();
        let missing = dir.path().join("absent").join("revision.md");
        let (code, _, err) = run(&library, Format::Markdown, None, Some(&missing), false)?;
        assert_eq!(code, exit::CONTENT);
        assert!(
            err.contains("cannot write") && err.contains("revision.md"),
            "{err}"
        );
        assert!(names(dir.path()).is_empty());

        let (code, _, err) = run(&library, Format::Markdown, None, Some(dir.path()), true)?;
        assert_eq!(code, exit::USAGE);
        assert!(err.contains("is a folder"), "{err}");
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_not_private_and_a_replaced_file_keeps_its_mode() -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let library = builtin();
        let dir = temp_dir();
        let path = dir.path().join("deck.txt");
        run(&library, Format::Anki, None, Some(&path), false)?;
        let mode = std::fs::metadata(&path)?.permissions().mode() & 0o777;
        let plain = dir.path().join("plain.txt");
        std::fs::write(&plain, "")?;
        let usual = std::fs::metadata(&plain)?.permissions().mode() & 0o777;
        assert_eq!(
            mode, usual,
            "a new file gets the permissions any new file gets"
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640))?;
        run(&library, Format::Anki, None, Some(&path), true)?;
        let mode = std::fs::metadata(&path)?.permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        Ok(())
    }
    #[test]
    fn a_dash_is_standard_output() -> io::Result<()> {
        let library = builtin();
        let (code, out, err) = run(&library, Format::Json, None, Some(Path::new("-")), false)?;
        assert_eq!(code, exit::OK, "{err}");
        assert_eq!(out, crate::export::render(&library, Format::Json));
        assert_eq!(
            err, "",
            "no summary: the export itself is on standard output"
        );
        assert!(!Path::new("-").exists(), "no file named `-`");
        Ok(())
    }

    #[test]
    fn a_full_disk_is_reported_as_no_space() {
        let full = io::Error::from(io::ErrorKind::StorageFull);
        assert!(describe(&full).contains("no space"), "{}", describe(&full));
        let other = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(describe(&other), other.to_string());
    }

    /// `/dev/full` is a device that exists and refuses every byte with "no space left".
    #[cfg(target_os = "linux")]
    #[test]
    fn a_device_is_written_through_and_a_full_one_says_no_space() -> io::Result<()> {
        let library = builtin();
        let full = Path::new("/dev/full");
        let (code, _, err) = run(&library, Format::Markdown, None, Some(full), false)?;
        assert_eq!(code, exit::CONTENT, "{err}");
        assert!(err.contains("no space"), "{err}");
        assert!(!err.contains("already exists"), "{err}");

        let null = Path::new("/dev/null");
        let (code, _, err) = run(&library, Format::Markdown, None, Some(null), false)?;
        assert_eq!(
            code,
            exit::OK,
            "nothing is replaced, so no --force is needed: {err}"
        );
        assert_eq!(
            err,
            format!("wrote {} topics to /dev/null\n", library.topic_count())
        );
        assert!(is_char_device(null)?, "/dev/null is still a device");
        Ok(())
    }

    #[cfg(unix)]
    fn is_char_device(path: &Path) -> io::Result<bool> {
        use std::os::unix::fs::FileTypeExt;
        Ok(std::fs::symlink_metadata(path)?
            .file_type()
            .is_char_device())
    }

    /// A named pipe with --force is written into, not replaced by a regular file.
    #[cfg(unix)]
    #[test]
    fn a_pipe_is_written_through_even_with_force() -> io::Result<()> {
        use std::io::Read;
        use std::os::unix::fs::FileTypeExt;
        let library = builtin();
        let dir = temp_dir();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status()?;
        assert!(made.success(), "mkfifo failed");
        let reading = fifo.clone();
        let reader = std::thread::spawn(move || -> io::Result<String> {
            let mut text = String::new();
            std::fs::File::open(reading)?.read_to_string(&mut text)?;
            Ok(text)
        });
        let (code, _, err) = run(&library, Format::Json, None, Some(&fifo), true)?;
        assert_eq!(code, exit::OK, "{err}");
        assert!(
            std::fs::symlink_metadata(&fifo)?.file_type().is_fifo(),
            "the pipe was replaced"
        );
        let received = match reader.join() {
            Ok(received) => received?,
            Err(_) => panic!("the reader panicked"),
        };
        assert_eq!(received, crate::export::render(&library, Format::Json));
        assert_eq!(names(dir.path()), ["pipe"], "no temporary file left");
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_followed_to_the_file_it_names() -> io::Result<()> {
        use std::os::unix::fs::symlink;
        let library = builtin();
        let dir = temp_dir();
        let sheets = dir.path().join("sheets");
        std::fs::create_dir(&sheets)?;
        let file = sheets.join("revision.md");
        std::fs::write(&file, "old")?;
        let link = dir.path().join("latest.md");
        symlink("sheets/revision.md", &link)?;

        let (code, _, err) = run(&library, Format::Markdown, None, Some(&link), false)?;
        assert_eq!(code, exit::USAGE, "the file it names exists: {err}");
        assert!(err.contains("already exists"), "{err}");
        assert_eq!(std::fs::read_to_string(&file)?, "old");

        let (code, _, err) = run(&library, Format::Markdown, None, Some(&link), true)?;
        assert_eq!(code, exit::OK, "{err}");
        assert!(
            std::fs::symlink_metadata(&link)?.file_type().is_symlink(),
            "link kept"
        );
        let markdown = crate::export::render(&library, Format::Markdown);
        assert_eq!(std::fs::read_to_string(&file)?, markdown);
        assert_eq!(names(&sheets), ["revision.md"], "no temporary file left");

        // A link to a file not made yet makes that file, and keeps the link.
        let fresh = dir.path().join("fresh.md");
        symlink("sheets/new.md", &fresh)?;
        let (code, _, err) = run(&library, Format::Markdown, None, Some(&fresh), false)?;
        assert_eq!(code, exit::OK, "{err}");
        assert!(std::fs::symlink_metadata(&fresh)?.file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(sheets.join("new.md"))?, markdown);

        // A loop of links is an error, never a hang.
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        symlink("b", &a)?;
        symlink("a", &b)?;
        let (code, _, err) = run(&library, Format::Markdown, None, Some(&a), true)?;
        assert_eq!(code, exit::CONTENT, "{err}");
        assert!(err.contains("cannot write"), "{err}");
        assert!(std::fs::symlink_metadata(&a)?.file_type().is_symlink());
        Ok(())
    }
}
