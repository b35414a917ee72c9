#![forbid(unsafe_code)]
//! Argument parsing, then hand-off. Everything that can fail (loading guides, parsing
//! arguments, opening saved progress) happens before the terminal enters raw mode, so errors
//! print as plain text. Every command returns `anyhow::Result`; `commands::report` is the one
//! place an error becomes a message and an exit status (1, or 2 for bad usage).

use anyhow::Context;
use carestudy::app::keys::Key;
use carestudy::app::{App, AppOptions, Clock};
use carestudy::cli::{
    CheckArgs, Cli, Command, ConfigArg, ConfigArgs, ContentArg, ExportArgs, ListArgs, PresentArgs,
    ProgressCommand, SearchArgs, ShowArgs, SnapshotArgs, Start, StatsArgs, StudyArgs, ThemeArg,
};
use carestudy::commands::{self, ExportPart, Failure, paint::Paint, usage};
use carestudy::content::{Library, TopicRef};
use carestudy::lookup::{Lookup, explain, find_topic};
use carestudy::progress::{OpenMode, Progress, Store};
use carestudy::settings::{self, Environment, Flags, LoadError, Reach, Settings};
use carestudy::ui::Themes;
use carestudy::{snapshot, terminal};
use chrono::{DateTime, Utc};
use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::mem::ManuallyDrop;
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
    let env = Environment::capture();
    let Some(command) = &cli.command else {
        return study(&cli, &env);
    };
    if let Command::Present(args) = command {
        return present(args, &env);
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match command {
        Command::Check(CheckArgs { dir, quiz, content }) => {
            let dir = dir.as_deref().or(content.content.as_deref());
            let what =
                dir.map_or_else(|| "built-in guides".to_owned(), |d| d.display().to_string());
            let loaded = ManuallyDrop::new(commands::load_library(dir));
            commands::check(&loaded, &what, *quiz, &mut out, &mut io::stderr().lock())?;
        }
        Command::Progress(command) => progress(command, &env, &mut out)?,
        Command::Config(args) => {
            let settings = load_settings(&config_flags(args), &env, Reach::Everything)?;
            write!(out, "{}", settings.describe())?;
        }
        Command::Present(_) => {}
        Command::List(ListArgs {
            json,
            content,
            config,
            theme,
        }) => {
            let (paint, library) = plain(config, theme, content, &env)?;
            commands::list(&library, *json, paint, &mut out)?;
        }
        Command::Export(args) => export(args, &mut out)?,
        Command::Show(ShowArgs {
            topic,
            json,
            content,
            config,
            theme,
        }) => {
            let (paint, library) = plain(config, theme, content, &env)?;
            commands::show(&library, topic, *json, paint, &mut out)?;
        }
        Command::Search(SearchArgs {
            query,
            limit,
            json,
            content,
            config,
            theme,
        }) => {
            let (paint, library) = plain(config, theme, content, &env)?;
            commands::search(&library, &query.join(" "), *limit, *json, paint, &mut out)?;
        }
        Command::Stats(args) => stats(args, &env, &mut out)?,
        Command::Snapshot(args) => {
            let flags = Flags {
                config: args.config.config.clone(),
                theme: args.theme.theme,
                ..study_flags(&args.study)
            };
            let settings = load_settings(&flags, &env, Reach::Scripted)?;
            let library = ManuallyDrop::into_inner(load_library(args.content.content.as_deref())?);
            run_snapshot(library, args, &settings, &mut out)?;
        }
    }
    out.flush().context("writing to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// `carestudy` with no command: the full-screen app.
fn study(cli: &Cli, env: &Environment) -> anyhow::Result<ExitCode> {
    let flags = Flags {
        config: cli.config.config.clone(),
        theme: cli.theme.theme,
        data_dir: cli.data.data_dir.clone(),
        mouse: cli.mouse.given(),
        ..study_flags(&cli.study)
    };
    let settings = load_settings(&flags, env, Reach::Everything)?;
    let library = ManuallyDrop::into_inner(load_library(cli.content.content.as_deref())?);
    let launch = Launch {
        data_dir: settings.data_dir.value.as_deref(),
        seed: cli.seed.seed,
        settings: &settings,
        presenting: None,
    };
    open_app(library, launch)
}

/// `carestudy present`: the app in presentation mode.
fn present(args: &PresentArgs, env: &Environment) -> anyhow::Result<ExitCode> {
    let PresentArgs {
        topic,
        content,
        config,
        theme,
        mouse,
    } = args;
    let flags = Flags {
        config: config.config.clone(),
        theme: theme.theme,
        mouse: mouse.given(),
        ..Flags::default()
    };
    let settings = load_settings(&flags, env, Reach::Everything)?;
    let library = ManuallyDrop::into_inner(load_library(content.content.as_deref())?);
    let topic = topic.as_deref().map(|name| resolve_topic(&library, name));
    // Presenting records nothing and asks no quiz of anyone.
    let launch = Launch {
        data_dir: None,
        seed: None,
        settings: &settings,
        presenting: Some(Presenting {
            topic: topic.transpose()?,
        }),
    };
    open_app(library, launch)
}

/// `carestudy progress export|import`. Needs no guides (a folder of broken guides must not
/// stop a backup).
fn progress(
    command: &ProgressCommand,
    env: &Environment,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let (data, config) = command.options();
    let flags = Flags {
        config: config.config.clone(),
        data_dir: data.data_dir.clone(),
        ..Flags::default()
    };
    let settings = load_settings(&flags, env, Reach::Everything)?;
    let dir = settings.data_dir.value.as_deref();
    let mut err = io::stderr().lock();
    match command {
        ProgressCommand::Export { .. } => commands::progress_export(dir, Utc::now(), out, &mut err),
        ProgressCommand::Import { file, .. } => {
            commands::progress_import(dir, file, Utc::now(), out, &mut err)
        }
    }
}

/// `carestudy config`'s flags: every setting can be given, to see where each comes from.
fn config_flags(args: &ConfigArgs) -> Flags {
    let ConfigArgs {
        config,
        theme,
        data,
        study,
        mouse,
    } = args;
    Flags {
        config: config.config.clone(),
        theme: theme.theme,
        data_dir: data.data_dir.clone(),
        mouse: mouse.given(),
        ..study_flags(study)
    }
}

/// `carestudy export`.
fn export(args: &ExportArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let ExportArgs {
        format,
        guide,
        topic,
        output,
        force,
        content,
    } = args;
    let library = load_library(content.content.as_deref())?;
    let mut err = io::stderr().lock();
    let output = output.as_deref();
    let part = ExportPart {
        guide: guide.as_deref(),
        topic: topic.as_deref(),
    };
    commands::export(&library, *format, part, output, *force, out, &mut err)
}

/// `carestudy stats`: reads progress only; never creates the folder or moves a file.
fn stats(args: &StatsArgs, env: &Environment, out: &mut dyn Write) -> anyhow::Result<()> {
    let StatsArgs {
        json,
        now,
        content,
        config,
        data,
        theme,
    } = args;
    let flags = Flags {
        config: config.config.clone(),
        theme: theme.theme,
        data_dir: data.data_dir.clone(),
        ..Flags::default()
    };
    let settings = load_settings(&flags, env, Reach::Everything)?;
    let paint = Paint::for_stdout(&settings);
    let library = load_library(content.content.as_deref())?;
    let now = now.as_deref().map(|t| parse_time(t, "--now")).transpose()?;
    let now = now.unwrap_or_else(Utc::now);
    let progress = match &settings.data_dir.value {
        Some(dir) => {
            let (store, progress) = Store::open(dir, OpenMode::Read, now);
            tell(store.notices())?;
            progress
        }
        None => Progress::default(),
    };
    commands::stats(&library, &progress, now, *json, paint, out)
}

/// The study flags as settings.
fn study_flags(study: &StudyArgs) -> Flags {
    Flags {
        new_cards_per_day: study.new_cards_per_day,
        mock_questions: study.mock_questions,
        mock_minutes: study.mock_minutes,
        ..Flags::default()
    }
}

/// The settings of a plain command that only colours its output.
fn themed_settings(
    config: &ConfigArg,
    theme: &ThemeArg,
    env: &Environment,
) -> anyhow::Result<Settings> {
    let flags = Flags {
        config: config.config.clone(),
        theme: theme.theme,
        ..Flags::default()
    };
    load_settings(&flags, env, Reach::Everything)
}

/// What a plain command that prints guide text needs: its colours and the guides.
fn plain(
    config: &ConfigArg,
    theme: &ThemeArg,
    content: &ContentArg,
    env: &Environment,
) -> anyhow::Result<(Paint, ManuallyDrop<Library>)> {
    let paint = Paint::for_stdout(&themed_settings(config, theme, env)?);
    Ok((paint, load_library(content.content.as_deref())?))
}

/// The settings in force; a settings file with problems lists them on stderr and ends the
/// run (exit 1), as guides do.
fn load_settings(flags: &Flags, env: &Environment, reach: Reach) -> anyhow::Result<Settings> {
    settings::load(flags, env, reach).map_err(|error| match error {
        LoadError::Problems(problems) => {
            let _ = writeln!(io::stderr().lock(), "{problems}");
            Failure::Content("the settings file has problems; fix them or move it aside".into())
                .into()
        }
        LoadError::Missing(message) => usage(message),
        LoadError::Unreadable(message) => anyhow::anyhow!(message),
    })
}

/// The guides to work on; problems are listed on stderr and end the run (exit 1).
///
/// They are never dropped: the OS takes a process's memory back at once when it exits, where
/// dropping the guides frees their hundreds of thousands of strings one by one (17% of
/// `check` on 500 guides, ~70 ms at quit on 5,000). The app hands them back the same way once
/// it has restored the terminal ([`leave_to_exit`]).
fn load_library(content: Option<&Path>) -> anyhow::Result<ManuallyDrop<Library>> {
    commands::load_library(content)
        .map(ManuallyDrop::new)
        .map_err(|problems| {
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
    /// Where progress is saved; `None` saves nothing.
    data_dir: Option<&'a Path>,
    seed: Option<u64>,
    settings: &'a Settings,
    presenting: Option<Presenting>,
}

/// Opens the full-screen app (presenting, for `carestudy present`) until the learner quits.
fn open_app(library: Library, launch: Launch) -> anyhow::Result<ExitCode> {
    let Launch {
        data_dir,
        seed,
        settings,
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
    let seed = seed.unwrap_or_else(|| clock.now().timestamp().unsigned_abs());
    // Presenting records nothing, so it opens no progress (and shows no notice about it).
    let data_dir = data_dir.filter(|_| presenting.is_none());
    // The history loads while the first frame is drawn.
    let (store, progress) = match data_dir {
        Some(dir) => Store::open_in_background(dir, clock.now()),
        None => (Store::in_memory(), Progress::default()),
    };
    let options = AppOptions {
        seed,
        clock,
        present: presenting.is_some(),
        topic: presenting.and_then(|p| p.topic),
        ..study_options(settings)
    };
    let mut app = App::with_progress(library, options, store, progress);
    let ended = terminal::run(&mut app, &themes(settings));
    // Shown in the app, and left on standard error for after it closes.
    let notices = app.progress_notices().to_vec();
    leave_to_exit(app);
    // Told after the app, on the main screen; a terminal that went away cannot show them.
    if !matches!(ended, Ok(how) if how.terminal_gone()) {
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
    settings: &Settings,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let script = snapshot_script(&library, args, settings)?;
    // Scripted runs save nothing unless a folder is named on the command line (never from the
    // environment), so a pipeline cannot touch a learner's progress by accident.
    let (mut store, saved) = match &args.data_dir {
        Some(dir) => Store::open(dir, OpenMode::Write, script.options.clock.now()),
        None => (Store::in_memory(), Progress::default()),
    };
    // On standard error, so the screen printed stays the same bytes.
    tell(&store.take_notices())?;
    let themes = themes(settings);
    let app = snapshot::run(library, store, saved, &script, &themes, out)
        .context("drawing the snapshot")?;
    leave_to_exit(app);
    Ok(())
}

/// Closes the app's progress store and leaves the rest (its guides, its search index) to the
/// OS (see [`load_library`]).
fn leave_to_exit(mut app: App) {
    app.close_store();
    std::mem::forget(app);
}

/// The app's options that come from the settings.
fn study_options(settings: &Settings) -> AppOptions {
    AppOptions {
        new_cards_per_day: settings.new_cards_per_day.value as usize,
        mock_questions: usize::from(settings.mock_questions.value),
        mock_minutes: settings.mock_minutes.value,
        mouse: settings.mouse.value,
        ..AppOptions::default()
    }
}

/// The themes the settings choose (`NO_COLOR` is already one of them).
fn themes(settings: &Settings) -> Themes {
    Themes::choose(settings.theme.value, None)
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
fn snapshot_script(
    library: &Library,
    args: &SnapshotArgs,
    settings: &Settings,
) -> anyhow::Result<snapshot::Script> {
    let SnapshotArgs {
        size,
        keys,
        frames,
        start,
        topic,
        now,
        seed,
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
            seed: seed.seed.unwrap_or(0),
            start,
            topic,
            width,
            height,
            clock,
            present,
            ..study_options(settings)
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
