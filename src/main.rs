#![forbid(unsafe_code)]
//! Argument parsing, then hand-off. Everything that can fail (loading guides, parsing
//! arguments, opening saved progress) happens before the terminal enters raw mode, so errors
//! print as plain text.

use carestudy::app::keys::Key;
use carestudy::app::{App, AppOptions, Clock, Pane};
use carestudy::cli::{Cli, Command};
use carestudy::commands::{self, exit, paint::Paint};
use carestudy::content::Library;
use carestudy::content::TopicRef;
use carestudy::lookup::{Lookup, find_topic};
use carestudy::progress::{self, Progress, Store};
use carestudy::ui::Themes;
use carestudy::{snapshot, terminal};
use chrono::{DateTime, Utc};
use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
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
    let themes = Themes::choose(cli.theme, std::env::var_os("NO_COLOR").as_deref());
    let launch = Launch {
        seed: cli.seed,
        mock: (usize::from(cli.mock_questions), cli.mock_minutes),
        data_dir: progress::data_dir(cli.data_dir.as_deref()),
        present: false,
        topic: None,
    };
    let code = match cli.command {
        None => {
            drop(out);
            return open_app(library, launch, &themes, &mut err);
        }
        Some(Command::Present { topic }) => {
            drop(out);
            let topic = match topic.map(|name| resolve_topic(&library, &name)).transpose() {
                Ok(topic) => topic,
                Err(message) => {
                    writeln!(err, "carestudy: {message}")?;
                    return Ok(exit::USAGE);
                }
            };
            let launch = Launch {
                present: true,
                topic,
                ..launch
            };
            return open_app(library, launch, &themes, &mut err);
        }
        Some(Command::List { json }) => {
            commands::list(&library, json, paint, &mut out)?;
            exit::OK
        }
        Some(Command::Export {
            format,
            guide,
            output,
            force,
        }) => commands::export(
            &library,
            format,
            guide.as_deref(),
            output.as_deref(),
            force,
            &mut out,
            &mut err,
        )?,
        Some(Command::Show { topic, json }) => {
            commands::show(&library, &topic, json, paint, &mut out, &mut err)?
        }
        Some(Command::Search { query, limit, json }) => {
            commands::search(&library, &query.join(" "), limit, json, paint, &mut out)?;
            exit::OK
        }
        Some(Command::Stats { json, now }) => {
            let now = match now.as_deref().map(|t| parse_time(t, "--now")).transpose() {
                Ok(now) => now.unwrap_or_else(Utc::now),
                Err(message) => {
                    writeln!(err, "carestudy: {message}")?;
                    return Ok(exit::USAGE);
                }
            };
            let progress = match progress::data_dir(cli.data_dir.as_deref()) {
                Some(dir) => Store::open(&dir, now).1,
                None => Progress::default(),
            };
            commands::stats(&library, &progress, now, json, paint, &mut out)?;
            exit::OK
        }
        Some(Command::Snapshot {
            size,
            keys,
            frames,
            start,
            topic,
            now,
        }) => {
            let request = SnapshotRequest {
                size: &size,
                keys: &keys,
                frames,
                start: &start,
                topic,
                now: now.as_deref(),
                seed: cli.seed,
                mock: (usize::from(cli.mock_questions), cli.mock_minutes),
            };
            let script = match snapshot_script(&library, request) {
                Ok(script) => script,
                Err(message) => {
                    writeln!(err, "carestudy: {message}")?;
                    return Ok(exit::USAGE);
                }
            };
            // Scripted runs save nothing unless a folder is named on the command line (never
            // from the environment), so a pipeline cannot touch a learner's progress by accident.
            let (store, saved) = match &cli.data_dir {
                Some(dir) => Store::open(dir, script.options.clock.now()),
                None => (Store::in_memory(), Progress::default()),
            };
            snapshot::run(library, store, saved, &script, &themes, &mut out)?;
            exit::OK
        }
        Some(Command::Check { .. }) => exit::OK,
    };
    out.flush()?;
    Ok(code)
}

/// How the full-screen app is to start.
struct Launch {
    seed: Option<u64>,
    /// Mock test questions and time limit.
    mock: (usize, Option<u32>),
    data_dir: Option<PathBuf>,
    /// Open in presentation mode (`carestudy present`).
    present: bool,
    topic: Option<TopicRef>,
}

fn open_app(
    library: Library,
    launch: Launch,
    themes: &Themes,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let Launch {
        seed,
        mock: (mock_questions, mock_minutes),
        data_dir,
        present,
        topic,
    } = launch;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        writeln!(
            err,
            "carestudy: the full-screen app needs a terminal; in scripts use `carestudy snapshot` \
             or the plain commands (list, show, search, stats, check); see `carestudy --help`"
        )?;
        return Ok(exit::USAGE);
    }
    let clock = Clock::System;
    // The one place the clock picks a seed: an unseeded session gets a fresh order of questions.
    let seed = seed.unwrap_or_else(|| clock.now().timestamp().unsigned_abs());
    let (store, progress) = match data_dir {
        Some(dir) => Store::open(&dir, clock.now()),
        None => (Store::in_memory(), Progress::default()),
    };
    let options = AppOptions {
        seed,
        clock,
        mock_questions,
        mock_minutes,
        present,
        topic,
        ..AppOptions::default()
    };
    let mut app = App::with_progress(library, options, store, progress);
    match terminal::run(&mut app, themes)? {
        terminal::Ended::Quit => Ok(exit::OK),
        // The shell convention for "ended by signal N".
        terminal::Ended::Signal(number) => Ok(u8::try_from(128 + number).unwrap_or(u8::MAX)),
    }
}

/// What `carestudy snapshot` was asked for, before it is checked.
struct SnapshotRequest<'a> {
    size: &'a str,
    keys: &'a str,
    frames: bool,
    start: &'a str,
    topic: Option<String>,
    now: Option<&'a str>,
    seed: Option<u64>,
    /// Mock test questions and time limit.
    mock: (usize, Option<u32>),
}

/// Parses an RFC 3339 time given on the command line.
fn parse_time(text: &str, flag: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|e| format!("{flag} `{text}`: {e}; use RFC 3339, like 2026-11-21T09:30:00Z"))
}

fn snapshot_script(
    library: &Library,
    request: SnapshotRequest,
) -> Result<snapshot::Script, String> {
    let SnapshotRequest {
        size,
        keys,
        frames,
        start,
        topic,
        now,
        seed,
        mock: (mock_questions, mock_minutes),
    } = request;
    let (width, height) = snapshot::parse_size(size)?;
    let keys = Key::parse_sequence(keys).map_err(|e| e.to_string())?;
    // Presentation mode is not a pane: it opens over Browse.
    let present = start == "present";
    let start = if present {
        Pane::Browse
    } else {
        Pane::from_name(start).ok_or_else(|| format!("unknown pane `{start}`"))?
    };
    let clock = match now {
        Some(text) => Clock::Fixed(parse_time(text, "--now")?),
        None => Clock::default_fixed(),
    };
    let topic = topic
        .map(|name| resolve_topic(library, &name).map_err(|e| format!("--topic: {e}")))
        .transpose()?;
    Ok(snapshot::Script {
        options: AppOptions {
            seed: seed.unwrap_or(0),
            start,
            topic,
            width,
            height,
            clock,
            mock_questions,
            mock_minutes,
            present,
        },
        keys,
        frames,
    })
}

/// A topic named on the command line: an id or a title that only one topic fits.
fn resolve_topic(library: &Library, name: &str) -> Result<TopicRef, String> {
    match find_topic(library, name) {
        Lookup::Found(at) => Ok(at),
        Lookup::Ambiguous(_) => Err(format!(
            "\"{name}\" matches several topics; `carestudy show \"{name}\"` lists them"
        )),
        Lookup::Unknown(_) => Err(format!("no topic matches \"{name}\"")),
    }
}
