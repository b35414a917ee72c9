#![forbid(unsafe_code)]
//! Argument parsing, then hand-off. Everything that can fail (loading guides, parsing
//! arguments) happens before the terminal enters raw mode, so errors print as plain text.

use carestudy::app::keys::Key;
use carestudy::app::{App, AppOptions, Pane};
use carestudy::cli::{Cli, Command};
use carestudy::commands::{self, exit, paint::Paint};
use carestudy::content::Library;
use carestudy::lookup::{Lookup, find_topic};
use carestudy::ui::{Theme, ThemeName};
use carestudy::{snapshot, terminal};
use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`carestudy list | head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("carestudy: {e}");
            ExitCode::from(exit::CONTENT)
        }
    }
}

fn run(cli: Cli) -> io::Result<u8> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut err = io::stderr().lock();
    let paint = Paint::for_stdout();
    if let Some(Command::Check { dir }) = &cli.command {
        let dir = dir.as_deref().or(cli.content.as_deref());
        let what = dir.map_or_else(|| "built-in guides".to_owned(), |d| d.display().to_string());
        return commands::check(&commands::load_library(dir), &what, &mut out, &mut err);
    }
    let library = match commands::load_library(cli.content.as_deref()) {
        Ok(library) => library,
        Err(problems) => {
            writeln!(err, "{problems}")?;
            writeln!(
                err,
                "carestudy: the guides have problems; `carestudy check` lists them"
            )?;
            return Ok(exit::CONTENT);
        }
    };
    let theme =
        Theme::named(cli.theme.unwrap_or_else(|| {
            ThemeName::from_environment(std::env::var_os("NO_COLOR").as_deref())
        }));
    let code = match cli.command {
        None => {
            drop(out);
            return open_app(library, cli.seed, &theme, &mut err);
        }
        Some(Command::List { json }) => {
            commands::list(&library, json, paint, &mut out)?;
            exit::OK
        }
        Some(Command::Show { topic, json }) => {
            commands::show(&library, &topic, json, paint, &mut out, &mut err)?
        }
        Some(Command::Search { query, limit, json }) => {
            commands::search(&library, &query.join(" "), limit, json, paint, &mut out)?;
            exit::OK
        }
        Some(Command::Snapshot {
            size,
            keys,
            frames,
            start,
            topic,
        }) => {
            let script =
                match snapshot_script(&library, &size, &keys, frames, &start, topic, cli.seed) {
                    Ok(script) => script,
                    Err(message) => {
                        writeln!(err, "carestudy: {message}")?;
                        return Ok(exit::USAGE);
                    }
                };
            snapshot::run(library, &script, &theme, &mut out)?;
            exit::OK
        }
        Some(Command::Check { .. }) => exit::OK,
    };
    out.flush()?;
    Ok(code)
}

fn open_app(
    library: Library,
    seed: Option<u64>,
    theme: &Theme,
    err: &mut dyn Write,
) -> io::Result<u8> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        writeln!(
            err,
            "carestudy: the full-screen app needs a terminal; in scripts use `carestudy snapshot` \
             or the plain commands (list, show, search, check); see `carestudy --help`"
        )?;
        return Ok(exit::USAGE);
    }
    // The one place the clock is read: an unseeded session gets a fresh order of questions.
    let seed = seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    });
    let mut app = App::new(
        library,
        AppOptions {
            seed,
            ..AppOptions::default()
        },
    );
    match terminal::run(&mut app, theme)? {
        terminal::Ended::Quit => Ok(exit::OK),
        // The shell convention for "ended by signal N".
        terminal::Ended::Signal(number) => Ok(u8::try_from(128 + number).unwrap_or(u8::MAX)),
    }
}

fn snapshot_script(
    library: &Library,
    size: &str,
    keys: &str,
    frames: bool,
    start: &str,
    topic: Option<String>,
    seed: Option<u64>,
) -> Result<snapshot::Script, String> {
    let (width, height) = snapshot::parse_size(size)?;
    let keys = Key::parse_sequence(keys).map_err(|e| e.to_string())?;
    let start = Pane::from_name(start).ok_or_else(|| format!("unknown pane `{start}`"))?;
    let topic = match topic {
        None => None,
        Some(name) => match find_topic(library, &name) {
            Lookup::Found(at) => Some(at),
            Lookup::Ambiguous(_) => {
                return Err(format!(
                    "--topic \"{name}\" matches several topics; `carestudy show \"{name}\"` lists them"
                ));
            }
            Lookup::Unknown(_) => return Err(format!("--topic: no topic matches \"{name}\"")),
        },
    };
    Ok(snapshot::Script {
        options: AppOptions {
            seed: seed.unwrap_or(0),
            start,
            topic,
            width,
            height,
        },
        keys,
        frames,
    })
}
