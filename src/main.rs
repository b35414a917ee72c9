#![forbid(unsafe_code)]
//! Argument parsing, then hand-off. Everything that can fail (loading guides, parsing
//! arguments, opening saved progress) happens before the terminal enters raw mode, so errors
//! print as plain text. Every command returns `anyhow::Result`; `commands::report` is the one
//! place an error becomes a message and an exit status (1, or 2 for bad usage).

use anyhow::Context;
use carestudy::app::keys::Key;
use carestudy::app::{App, AppOptions, Clock};
use carestudy::cli::{
    CheckArgs, Cli, Command, ExportArgs, ListArgs, PresentArgs, ProgressCommand, QuizArgs,
    SearchArgs, ShowArgs, SnapshotArgs, Start, StatsArgs,
};
use carestudy::commands::{self, Failure, paint::Paint, usage};
use carestudy::content::{Library, TopicRef};
use carestudy::lookup::{Lookup, explain, find_topic};
use carestudy::progress::{self, OpenMode, Progress, Store};
use carestudy::ui::Themes;
use carestudy::{snapshot, terminal};
use chrono::{DateTime, Utc};
use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let settled = Cli::parse().settle().map_err(usage);
    match settled.and_then(run) {
        Ok(code) => code,
        Err(error) => ExitCode::from(commands::report(&error, &mut io::stderr().lock())),
    }
}

/// Runs the command. `Ok` carries a success status: 0, or 128 + N when signal N ended the app.
fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let no_color = std::env::var_os("NO_COLOR");
    let paint = Paint::for_stdout();
    let Some(command) = &cli.command else {
        drop(out);
        let library = load_library(cli.content.content.as_deref())?;
        let themes = Themes::choose(cli.theme.theme, no_color.as_deref());
        let launch = Launch {
            data_dir: cli.data.data_dir.as_deref(),
            quiz: &cli.quiz,
            presenting: None,
        };
        return open_app(library, launch, &themes);
    };
    match command {
        Command::Check(CheckArgs { dir, content }) => {
            let dir = dir.as_deref().or(content.content.as_deref());
            let what =
                dir.map_or_else(|| "built-in guides".to_owned(), |d| d.display().to_string());
            let loaded = commands::load_library(dir);
            commands::check(&loaded, &what, &mut out, &mut io::stderr().lock())?;
        }
        // Progress commands need no guides (a folder of broken guides must not stop a backup).
        Command::Progress(command) => {
            let dir = progress::data_dir(command.data_dir());
            let mut err = io::stderr().lock();
            match command {
                ProgressCommand::Export { .. } => {
                    commands::progress_export(dir.as_deref(), Utc::now(), &mut out, &mut err)?;
                }
                ProgressCommand::Import { file, .. } => {
                    let dir = dir.as_deref();
                    commands::progress_import(dir, file, Utc::now(), &mut out, &mut err)?;
                }
            }
        }
        Command::Present(PresentArgs {
            topic,
            content,
            theme,
        }) => {
            drop(out);
            let library = load_library(content.content.as_deref())?;
            let themes = Themes::choose(theme.theme, no_color.as_deref());
            let topic = topic.as_deref().map(|name| resolve_topic(&library, name));
            // Presenting records nothing and asks no quiz of anyone.
            let launch = Launch {
                data_dir: None,
                quiz: &QuizArgs::default(),
                presenting: Some(Presenting {
                    topic: topic.transpose()?,
                }),
            };
            return open_app(library, launch, &themes);
        }
        Command::List(ListArgs { json, content, .. }) => {
            let library = load_library(content.content.as_deref())?;
            commands::list(&library, *json, paint, &mut out)?;
        }
        Command::Export(ExportArgs {
            format,
            guide,
            output,
            force,
            content,
        }) => {
            let library = load_library(content.content.as_deref())?;
            commands::export(
                &library,
                *format,
                guide.as_deref(),
                output.as_deref(),
                *force,
                &mut out,
                &mut io::stderr().lock(),
            )?;
        }
        Command::Show(ShowArgs {
            topic,
            json,
            content,
            ..
        }) => {
            let library = load_library(content.content.as_deref())?;
            commands::show(&library, topic, *json, paint, &mut out)?;
        }
        Command::Search(SearchArgs {
            query,
            limit,
            json,
            content,
            ..
        }) => {
            let library = load_library(content.content.as_deref())?;
            commands::search(&library, &query.join(" "), *limit, *json, paint, &mut out)?;
        }
        Command::Stats(StatsArgs {
            json,
            now,
            content,
            data,
            ..
        }) => {
            let library = load_library(content.content.as_deref())?;
            let now = now.as_deref().map(|t| parse_time(t, "--now")).transpose()?;
            let now = now.unwrap_or_else(Utc::now);
            // Reads only: never creates the folder or moves a file.
            let progress = match progress::data_dir(data.data_dir.as_deref()) {
                Some(dir) => {
                    let (store, progress) = Store::open(&dir, OpenMode::Read, now);
                    tell(store.notices())?;
                    progress
                }
                None => Progress::default(),
            };
            commands::stats(&library, &progress, now, *json, paint, &mut out)?;
        }
        Command::Snapshot(args) => {
            let library = load_library(args.content.content.as_deref())?;
            let themes = Themes::choose(args.theme.theme, no_color.as_deref());
            run_snapshot(library, args, &themes, &mut out)?;
        }
    }
    out.flush().context("writing to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// The guides to work on; problems are listed on stderr and end the run (exit 1).
fn load_library(content: Option<&Path>) -> anyhow::Result<Library> {
    commands::load_library(content).map_err(|problems| {
        // The problems come first, one a line; the error that follows says what to do.
        let _ = writeln!(io::stderr().lock(), "{problems}");
        Failure::Content("the guides have problems; `carestudy check` lists them".into()).into()
    })
}

/// `carestudy present`: the topic to open on.
struct Presenting {
    topic: Option<TopicRef>,
}

/// How the full-screen app opens.
struct Launch<'a> {
    data_dir: Option<&'a Path>,
    quiz: &'a QuizArgs,
    presenting: Option<Presenting>,
}

/// Opens the full-screen app (presenting, for `carestudy present`) until the learner quits.
fn open_app(library: Library, launch: Launch, themes: &Themes) -> anyhow::Result<ExitCode> {
    let Launch {
        data_dir,
        quiz,
        presenting,
    } = launch;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(usage(
            "the full-screen app needs a terminal; in scripts use `carestudy snapshot` \
             or the plain commands (list, show, search, stats, check); see `carestudy --help`",
        ));
    }
    let clock = Clock::System;
    // The one place the clock picks a seed: an unseeded session gets a fresh order of questions.
    let seed = quiz
        .seed
        .unwrap_or_else(|| clock.now().timestamp().unsigned_abs());
    // Presenting records nothing, so it opens no progress (and shows no notice about it).
    let data_dir = progress::data_dir(data_dir).filter(|_| presenting.is_none());
    let (store, progress) = match data_dir {
        Some(dir) => Store::open(&dir, OpenMode::Write, clock.now()),
        None => (Store::in_memory(), Progress::default()),
    };
    // Shown in the app, and left on standard error for after it closes.
    let notices = store.notices().to_vec();
    let options = AppOptions {
        seed,
        clock,
        mock_questions: mock_questions(quiz),
        mock_minutes: quiz.mock_minutes,
        present: presenting.is_some(),
        topic: presenting.and_then(|p| p.topic),
        ..AppOptions::default()
    };
    let mut app = App::with_progress(library, options, store, progress);
    let ended = terminal::run(&mut app, themes);
    // Told after the app, on the main screen; a terminal that went away cannot show them.
    if !matches!(ended, Ok(terminal::Ended::TerminalLost)) {
        tell(&notices)?;
    }
    let ended = ended.context("running the app in the terminal")?;
    // 0 after quitting; 128 + N when signal N ended it (129 when the terminal went away).
    Ok(ExitCode::from(ended.exit_status()))
}

/// `carestudy snapshot`: the app headless, driven by the scripted keys.
fn run_snapshot(
    library: Library,
    args: &SnapshotArgs,
    themes: &Themes,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let script = snapshot_script(&library, args)?;
    // Scripted runs save nothing unless a folder is named on the command line (never from the
    // environment), so a pipeline cannot touch a learner's progress by accident.
    let (mut store, saved) = match &args.data_dir {
        Some(dir) => Store::open(dir, OpenMode::Write, script.options.clock.now()),
        None => (Store::in_memory(), Progress::default()),
    };
    // On standard error, so the screen printed stays the same bytes.
    tell(&store.take_notices())?;
    snapshot::run(library, store, saved, &script, themes, out).context("drawing the snapshot")
}

/// Questions in a mock test: `--mock-questions`, else the default.
fn mock_questions(quiz: &QuizArgs) -> usize {
    quiz.mock_questions
        .map_or(carestudy::app::MOCK_QUESTIONS, usize::from)
}

/// Tells the learner on standard error what opening their progress did.
fn tell(notices: &[String]) -> anyhow::Result<()> {
    commands::tell_notices(&mut io::stderr().lock(), notices)
}

/// Parses an RFC 3339 time given on the command line; a mistake says what form is expected.
fn parse_time(text: &str, flag: &str) -> anyhow::Result<DateTime<Utc>> {
    use chrono::format::ParseErrorKind;
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|e| {
            let why = match e.kind() {
                ParseErrorKind::OutOfRange | ParseErrorKind::Impossible => {
                    " (a value is out of range)"
                }
                _ => "",
            };
            usage(format!(
                "{flag} `{text}` is not a date and time{why}: give one in RFC 3339 form, like \
                 2026-11-21T09:30:00Z (UTC) or 2026-11-21T09:30:00+01:00"
            ))
        })
}

/// What `carestudy snapshot` was asked for, checked: any mistake is a usage error.
fn snapshot_script(library: &Library, args: &SnapshotArgs) -> anyhow::Result<snapshot::Script> {
    let SnapshotArgs {
        size,
        keys,
        frames,
        start,
        topic,
        now,
        quiz,
        ..
    } = args;
    let (width, height) = snapshot::parse_size(size).map_err(usage)?;
    let keys = Key::parse_sequence(keys).map_err(|e| usage(e.to_string()))?;
    let clock = match now {
        Some(text) => Clock::Fixed(parse_time(text, "--now")?),
        None => Clock::default_fixed(),
    };
    let topic = topic
        .as_deref()
        .map(|name| resolve_topic(library, name).context("--topic"))
        .transpose()?;
    let (start, present) = match *start {
        Start::Pane(pane) => (pane, false),
        // Presentation mode is not a pane: it opens over Browse.
        Start::Present => (AppOptions::default().start, true),
    };
    Ok(snapshot::Script {
        options: AppOptions {
            seed: quiz.seed.unwrap_or(0),
            start,
            topic,
            width,
            height,
            clock,
            mock_questions: mock_questions(quiz),
            mock_minutes: quiz.mock_minutes,
            present,
        },
        keys,
        frames: *frames,
    })
}

/// A topic named on the command line: an id or a title that only one topic fits.
fn resolve_topic(library: &Library, name: &str) -> anyhow::Result<TopicRef> {
    // An ambiguous or unknown name lists the candidates: one is never picked silently.
    let lookup = find_topic(library, name);
    match (&lookup, explain(library, name, &lookup)) {
        (&Lookup::Found(at), _) => Ok(at),
        (_, message) => Err(usage(message.unwrap_or_default())),
    }
}
