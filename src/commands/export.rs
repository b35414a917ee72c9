use super::usage;
use crate::atomic_file::write_atomic_shared;
use crate::content::Library;
use crate::export::{Format, render_guide};
use anyhow::Context;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

/// `carestudy export`: the guides (or one, by id) as a revision sheet, Anki notes or JSON, on
/// `out` or atomically into `output`; what was written is said on `err`.
pub fn export(
    library: &Library,
    format: Format,
    guide: Option<&str>,
    output: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let index = match guide {
        None => None,
        Some(id) => match library.guides.iter().position(|g| g.id == id) {
            Some(index) => Some(index),
            None => {
                let mut message = format!("no guide has the id \"{id}\". The guides are:");
                for guide in &library.guides {
                    let _ = write!(message, "\n  {}  ({})", guide.id, guide.title);
                }
                return Err(usage(message));
            }
        },
    };
    let Some(path) = output else {
        out.write_all(render_guide(library, index, format).as_bytes())?;
        out.flush()?;
        return Ok(());
    };
    let shown = path.display();
    if path.is_dir() {
        return Err(usage(format!(
            "{shown} is a folder; give -o the name of a file to write"
        )));
    }
    // `symlink_metadata`: a dangling link is still something that would be replaced.
    if !force && path.symlink_metadata().is_ok() {
        return Err(refusal(path));
    }
    let text = render_guide(library, index, format);
    match write_atomic_shared(path, text.as_bytes(), force) {
        Ok(()) => {}
        // Created by someone else since the check above.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && !force => return Err(refusal(path)),
        Err(e) => return Err(e).with_context(|| format!("cannot write {shown}")),
    }
    let topics = match index.and_then(|i| library.guide(i)) {
        Some(guide) => guide.topics.len(),
        None => library.topic_count(),
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

fn refusal(path: &Path) -> anyhow::Error {
    usage(format!(
        "{} already exists; add --force to replace it",
        path.display()
    ))
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
        let code = match export(library, format, guide, output, force, &mut out, &mut err) {
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
            assert!(err.contains(&guide.id), "{err}");
        }
        Ok(())
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
}
