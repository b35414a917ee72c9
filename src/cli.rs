//! The command line, as clap types. `main.rs` parses it and hands off to `commands`.

use crate::app::Pane;
use crate::export::Format;
use crate::ui::theme::ThemeName;
use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "carestudy",
    version,
    about = "A terminal study companion for health and social care: working relationships in care settings",
    long_about = "A terminal study companion for health and social care.\n\nWith no command, opens the full-screen app on the built-in guides (or --content DIR). \
The commands below print plain text (or JSON) for scripts and pipelines."
)]
pub struct Cli {
    /// Load guides from this folder instead of the built-in ones
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Option<PathBuf>,

    /// Colour theme (mono is chosen automatically when NO_COLOR is set)
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeName>,

    /// Seed for the quiz's question order (the same seed gives the same questions)
    #[arg(long, global = true, value_name = "N")]
    pub seed: Option<u64>,

    /// Questions in a mock test (m in the Quiz pane)
    #[arg(long, global = true, value_name = "N", default_value_t = 20,
          value_parser = clap::value_parser!(u16).range(1..=200))]
    pub mock_questions: u16,

    /// Time limit for a mock test, in minutes (default: none)
    #[arg(long, global = true, value_name = "MINUTES",
          value_parser = clap::value_parser!(u32).range(1..=600))]
    pub mock_minutes: Option<u32>,

    /// Keep saved progress in this folder (default: $CARESTUDY_DATA_DIR, else the platform's data folder)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the guides and their topics
    List {
        /// Print JSON: an array of guides with their topics and lists
        #[arg(long)]
        json: bool,
    },
    /// Show one topic, by id (guide/topic or topic) or by (part of) its title
    Show {
        /// A topic id like `working-relationships/volunteers`, or a title like "volunteers"
        topic: String,
        /// Print the topic as JSON
        #[arg(long)]
        json: bool,
    },
    /// Search titles, summaries, points and examples
    Search {
        /// What to look for; several words match text that has all of them
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Show at most N results
        #[arg(long, default_value_t = 10, value_name = "N")]
        limit: usize,
        /// Print JSON: an array of hits
        #[arg(long)]
        json: bool,
    },
    /// Run the app headless with scripted keys and print the final screen as text (for CI)
    #[command(after_help = SNAPSHOT_HELP)]
    Snapshot(SnapshotArgs),
    /// Present a topic full screen, for teaching (high contrast unless --theme is given)
    Present {
        /// The topic to open on (an id or a title); without it, the first topic
        topic: Option<String>,
    },
    /// Export the guides as a Markdown revision sheet, Anki notes or JSON
    #[command(after_help = EXPORT_HELP)]
    Export {
        /// What to write
        #[arg(long, short = 'f', value_enum)]
        format: Format,
        /// Export only this guide, by id (`carestudy list` shows the ids)
        #[arg(long, value_name = "ID")]
        guide: Option<String>,
        /// Write to FILE instead of standard output (`-` is standard output); an existing FILE is
        /// kept unless --force
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Print progress figures: reviews, cards due, mastery per guide, weakest topics
    Stats {
        /// Print JSON (reviews, due_today, guides, ...)
        #[arg(long)]
        json: bool,
        /// The time to compute the figures at, RFC 3339 (default: now)
        #[arg(long, value_name = "TIME")]
        now: Option<String>,
    },
    /// Back up saved progress as JSON, or merge a backup into it
    #[command(subcommand)]
    Progress(ProgressCommand),
    /// Check a folder of guides (default: the built-in guides) and report every problem
    Check {
        /// The folder to check; without it, the built-in guides (or --content)
        dir: Option<PathBuf>,
    },
}

/// `carestudy snapshot`'s options.
#[derive(Debug, Args)]
pub struct SnapshotArgs {
    /// Screen size, WIDTHxHEIGHT
    #[arg(long, default_value = "80x24", value_name = "WxH")]
    pub size: String,
    /// Keys to press, in vim notation: plain characters, and <Enter> <Esc> <Tab> <S-Tab>
    /// <Up> <Down> <Left> <Right> <Home> <End> <PageUp> <PageDown> <BS> <Space> <F1>..<F12> <C-x>
    #[arg(long, default_value = "", value_name = "KEYS")]
    pub keys: String,
    /// Print the screen after every key, each headed by a line with the key's number
    #[arg(long)]
    pub frames: bool,
    /// The pane to open first, or presentation mode
    #[arg(long, value_name = "PANE", value_enum, default_value_t = Start::Pane(Pane::Browse))]
    pub start: Start,
    /// Select this topic first (an id like working-relationships/volunteers, or a title)
    #[arg(long, value_name = "ID")]
    pub topic: Option<String>,
    /// The time the run happens at, RFC 3339 (for due cards); default 2026-01-05T09:00:00Z
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,
}

/// Where `snapshot --start` opens: any pane, or presentation mode (which opens over Browse).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    Pane(Pane),
    Present,
}

/// Every pane in tab order, then presentation mode: the values `--start` accepts.
const STARTS: [Start; Pane::ALL.len() + 1] = {
    let mut starts = [Start::Present; Pane::ALL.len() + 1];
    let mut i = 0;
    while i < Pane::ALL.len() {
        starts[i] = Start::Pane(Pane::ALL[i]);
        i += 1;
    }
    starts
};

impl ValueEnum for Start {
    fn value_variants<'a>() -> &'a [Self] {
        &STARTS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            Start::Pane(pane) => PossibleValue::new(pane.name()),
            Start::Present => PossibleValue::new("present").help("presentation mode, over Browse"),
        })
    }
}

impl std::fmt::Display for Start {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = self.to_possible_value().map(|v| v.get_name().to_owned());
        f.write_str(&name.unwrap_or_default())
    }
}

const SNAPSHOT_HELP: &str = "Examples:
  carestudy snapshot --start search --keys 'advocate'
  carestudy snapshot --size 120x40 --topic working-relationships/volunteers
  carestudy snapshot --start quiz --seed 7 --keys '1<Enter>2' --frames

The same arguments always print the same bytes. Without --seed the quiz uses seed 0.
Without --data-dir nothing is saved; with it, reviews are saved exactly as the app saves them.";

const EXPORT_HELP: &str = "Examples:
  carestudy export --format markdown -o revision.md
  carestudy export --format anki --guide working-relationships -o cards.txt
  carestudy export --format json | jq '.guides[].title'

FILE is written whole or not at all (a temporary file, then a rename). The Anki file has one
note per quiz card (seed 0), tagged carestudy::GUIDE::TOPIC; import it with File > Import.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_accepts_every_pane_by_its_lower_case_name_and_present() {
        for pane in Pane::ALL {
            let name = pane.title().to_lowercase();
            assert_eq!(Start::from_str(&name, false), Ok(Start::Pane(pane)));
        }
        assert_eq!(Start::from_str("present", false), Ok(Start::Present));
        assert_eq!(Start::from_str("Quiz", true), Ok(Start::Pane(Pane::Quiz)));
        assert!(Start::from_str("nowhere", false).is_err());
        assert_eq!(Start::Pane(Pane::Browse).to_string(), "browse");
    }
}

/// `carestudy progress ...`: the saved history as JSON.
#[derive(Debug, Subcommand)]
pub enum ProgressCommand {
    /// Write the whole history (schedules, reviews, written answers, mock tests) to standard
    /// output as JSON; reads only
    Export,
    /// Merge a history from `progress export` (or an old progress.json) into saved progress;
    /// what is already saved is kept, and importing twice adds nothing
    Import {
        /// The JSON file, or - for standard input
        file: PathBuf,
    },
}
