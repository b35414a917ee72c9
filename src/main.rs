#![forbid(unsafe_code)]

use carestudy::cli::{Cli, Command};
use carestudy::commands::{self, exit, paint::Paint};
use clap::Parser;
use std::io::{self, Write};
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
    match cli.command {
        None | Some(Command::List { json: false }) => {
            commands::list(&library, false, paint, &mut out)?;
        }
        Some(Command::List { json: true }) => commands::list(&library, true, paint, &mut out)?,
        Some(Command::Show { topic, json }) => {
            return commands::show(&library, &topic, json, paint, &mut out, &mut err);
        }
        Some(Command::Search { query, limit, json }) => {
            commands::search(&library, &query.join(" "), limit, json, paint, &mut out)?;
        }
        Some(Command::Check { .. }) => {}
    }
    out.flush()?;
    Ok(exit::OK)
}
