//! The command line, as clap types. `main.rs` parses it and hands off to `commands`.

use crate::app::Pane;
use crate::export::Format;
use crate::settings;
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
The commands below print plain text (or JSON) for scripts and pipelines; each one's --help lists the options it takes.",
    after_help = "An option of a command may also be written before it (`carestudy --content DIR list`)."
)]
pub struct Cli {
    #[command(flatten)]
    pub content: ContentArg,
    #[command(flatten)]
    pub config: ConfigArg,
    #[command(flatten)]
    pub theme: ThemeArg,
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub seed: SeedArg,
    #[command(flatten)]
    pub study: StudyArgs,
    #[command(flatten)]
    pub mouse: MouseArg,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--content DIR`: the guides to work on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct ContentArg {
    /// Load guides from this folder instead of the built-in ones
    #[arg(long, value_name = "DIR")]
    pub content: Option<PathBuf>,
}

/// `--config FILE`: the settings file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct ConfigArg {
    /// Read settings from FILE (default: $CARESTUDY_CONFIG, else config.toml in the
    /// platform's config folder; `carestudy config` shows which)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// `--theme`: the colours of the app and of plain output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct ThemeArg {
    /// Colour theme (mono is chosen automatically when NO_COLOR is set)
    #[arg(long, value_enum)]
    pub theme: Option<ThemeName>,
}

/// `--data-dir DIR`: where saved progress lives.
#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct DataDirArg {
    /// Keep saved progress in this folder (default: $CARESTUDY_DATA_DIR, else the settings
    /// file's data-dir, else the platform's data folder)
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

/// `--seed N`: the quiz's order of questions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct SeedArg {
    /// Seed for the quiz's question order (the same seed gives the same questions)
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

/// The study settings that are also flags: new cards a day and mock tests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct StudyArgs {
    /// New cards the quiz brings in a day [default: 20]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(
        i64::from(settings::NEW_CARDS_RANGE.0)..=i64::from(settings::NEW_CARDS_RANGE.1)))]
    pub new_cards_per_day: Option<u32>,

    /// Questions in a mock test (m in the Quiz pane) [default: 20]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(
        i64::from(settings::MOCK_QUESTIONS_RANGE.0)..=i64::from(settings::MOCK_QUESTIONS_RANGE.1)))]
    pub mock_questions: Option<u16>,

    /// Time limit for a mock test, in minutes (default: none)
    #[arg(long, value_name = "MINUTES", value_parser = clap::value_parser!(u32).range(
        i64::from(settings::MOCK_MINUTES_RANGE.0)..=i64::from(settings::MOCK_MINUTES_RANGE.1)))]
    pub mock_minutes: Option<u32>,
}

/// `--mouse` / `--no-mouse`: whether the app takes the mouse.
#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct MouseArg {
    /// Use the mouse: click tabs, topics, results and answers; the wheel scrolls (the default)
    #[arg(long, overrides_with = "no_mouse")]
    pub mouse: bool,
    /// Leave the mouse to the terminal (select and copy text as usual); no clicks or wheel
    #[arg(long, overrides_with = "mouse")]
    pub no_mouse: bool,
}

impl MouseArg {
    /// `Some(on)` when either flag was given (the last one wins).
    pub fn given(&self) -> Option<bool> {
        match (self.mouse, self.no_mouse) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the guides and their topics
    List(ListArgs),
    /// Show one topic, by id (guide/topic or topic) or by (part of) its title
    Show(ShowArgs),
    /// Search titles, summaries, points and examples
    Search(SearchArgs),
    /// Run the app headless with scripted keys and print the final screen as text (for CI)
    #[command(after_help = SNAPSHOT_HELP)]
    Snapshot(SnapshotArgs),
    /// Present a topic full screen, for teaching (high contrast unless --theme is given)
    Present(PresentArgs),
    /// Export the guides as a Markdown revision sheet, Anki notes or JSON
    #[command(after_help = EXPORT_HELP)]
    Export(ExportArgs),
    /// Print progress figures: reviews, cards due, mastery per guide, weakest topics
    Stats(StatsArgs),
    /// Back up saved progress as JSON, or merge a backup into it
    #[command(subcommand)]
    Progress(ProgressCommand),
    /// Check a folder of guides (default: the built-in guides) and report every problem
    Check(CheckArgs),
    /// Print the settings in force and where each comes from (default, file, environment, flag)
    #[command(after_help = CONFIG_HELP)]
    Config(ConfigArgs),
}

/// `carestudy config`'s options: every setting, to see what a flag would change.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(flatten)]
    pub config: ConfigArg,
    #[command(flatten)]
    pub theme: ThemeArg,
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub study: StudyArgs,
    #[command(flatten)]
    pub mouse: MouseArg,
}

/// `carestudy list`'s options.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON: an array of guides with their topics and lists
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub content: ContentArg,
    #[command(flatten)]
    pub config: ConfigArg,
    #[command(flatten)]
    pub theme: ThemeArg,
}

/// `carestudy show`'s options.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A topic id like `working-relationships/volunteers`, or a title like "volunteers"
    pub topic: String,
    /// Print the topic as JSON
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub content: ContentArg,
    #[command(flatten)]
    pub config: ConfigArg,
    #[command(flatten)]
    pub theme: ThemeArg,
}

/// `carestudy search`'s options.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for; several words match text that has all of them
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Show at most N results
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Print JSON: an array of hits
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub content: ContentArg,
    #[command(flatten)]
    pub config: ConfigArg,
    #[command(flatten)]
    pub theme: ThemeArg,
}

/// `carestudy present`'s options.
#[derive(Debug, Args)]
pub struct PresentArgs {
    /// The topic to open on (an id or a title); without it, the first topic
    pub topic: Option<String>,
    #[command(flatten)]
    pub content: ContentArg,
    #[command(flatten)]
    pub config: ConfigArg,
    #[command(flatten)]
    pub theme: ThemeArg,
    #[command(flatten)]
    pub mouse: MouseArg,
}

/// `carestudy export`'s options.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to write
    #[arg(long, short = 'f', value_enum)]
    pub format: Format,
    /// Export only this guide, by id or title (`carestudy list` shows the ids)
    #[arg(long, value_name = "ID")]
    pub guide: Option<String>,
    /// Export only this topic (a handout), by id like working-relationships/volunteers, or title
    #[arg(long, value_name = "TOPIC", conflicts_with = "guide")]
    pub topic: Option<String>,
    /// Write to FILE instead of standard output (`-` is standard output); an existing FILE is
    /// kept unless --force
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
    #[command(flatten)]
    pub content: ContentArg,
}

/// `carestudy stats`'s options.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print JSON (reviews, due_today, guides, ...)
    #[arg(long)]
    pub json: bool,
    /// The time to compute the figures at, RFC 3339 (default: now)
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,
    #[command(flatten)]
    pub content: ContentArg,
    #[command(flatten)]
    pub config: ConfigArg,
    #[command(flatten)]
    pub data: DataDirArg,
    #[command(flatten)]
    pub theme: ThemeArg,
}

/// `carestudy check`'s options.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The folder to check; without it, the built-in guides (or --content)
    pub dir: Option<PathBuf>,
    /// Also audit the quiz: build every question the guides can produce and list each one
    /// that breaks a rule (a wrong option that could be right, a point that needs its
    /// topic to make sense), with the guide's path:line
    #[arg(long)]
    pub quiz: bool,
    #[command(flatten)]
    pub content: ContentArg,
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
    #[command(flatten)]
    pub content: ContentArg,
    #[command(flatten)]
    pub config: ConfigArg,
    #[command(flatten)]
    pub theme: ThemeArg,
    /// Save reviews in this folder, exactly as the app does (default: save nothing;
    /// $CARESTUDY_DATA_DIR is ignored)
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(flatten)]
    pub seed: SeedArg,
    #[command(flatten)]
    pub study: StudyArgs,
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

const CONFIG_HELP: &str = "The settings file is TOML; every key is optional:

  theme = \"high-contrast\"     # default, mono or high-contrast
  new-cards-per-day = 10
  mock-questions = 30
  mock-minutes = 45            # leave it out for no time limit
  data-dir = \"~/carestudy\"    # a relative path is taken from the file's folder
  mouse = false                # leave the mouse to the terminal

Flags beat the environment (CARESTUDY_DATA_DIR), which beats the file; a theme in the file
beats NO_COLOR. The output of this command is itself a settings file.";

const EXPORT_HELP: &str = "Examples:
  carestudy export --format markdown -o revision.md
  carestudy export --format markdown --topic working-relationships/volunteers -o handout.md
  carestudy export --format anki --guide working-relationships -o cards.txt
  carestudy export --format json | jq '.guides[].title'

FILE is written whole or not at all (a temporary file, then a rename). The Anki file has one
note per quiz card (seed 0), tagged carestudy::GUIDE::TOPIC, with the card's id as its guid:
import it with File > Import, and import a newer export the same way to update the notes in
place (create the deck first in Anki before 25.07).";

/// `carestudy progress ...`: the saved history as JSON.
#[derive(Debug, Subcommand)]
pub enum ProgressCommand {
    /// Write the whole history (schedules, reviews, written answers, mock tests) to standard
    /// output as JSON; reads only
    Export {
        #[command(flatten)]
        data: DataDirArg,
        #[command(flatten)]
        config: ConfigArg,
    },
    /// Merge a history from `progress export` (or an old progress.json) into saved progress;
    /// what is already saved is kept, and importing twice adds nothing
    Import {
        /// The JSON file, or - for standard input
        file: PathBuf,
        #[command(flatten)]
        data: DataDirArg,
        #[command(flatten)]
        config: ConfigArg,
    },
}

impl ProgressCommand {
    /// The data folder and settings file given to the command.
    pub fn options(&self) -> (&DataDirArg, &ConfigArg) {
        match self {
            ProgressCommand::Export { data, config }
            | ProgressCommand::Import { data, config, .. } => (data, config),
        }
    }
}

/// The app's options as written before a command, waiting to be handed to it.
#[derive(Debug, Default)]
struct Before {
    content: Option<PathBuf>,
    config: Option<PathBuf>,
    theme: Option<ThemeName>,
    data_dir: Option<PathBuf>,
    seed: Option<u64>,
    new_cards_per_day: Option<u32>,
    mock_questions: Option<u16>,
    mock_minutes: Option<u32>,
    mouse: Option<bool>,
}

impl Before {
    /// The flags still waiting: given before a command that does not take them.
    fn flags(&self) -> Vec<&'static str> {
        let given = [
            ("--content", self.content.is_some()),
            ("--config", self.config.is_some()),
            ("--theme", self.theme.is_some()),
            ("--data-dir", self.data_dir.is_some()),
            ("--seed", self.seed.is_some()),
            ("--new-cards-per-day", self.new_cards_per_day.is_some()),
            ("--mock-questions", self.mock_questions.is_some()),
            ("--mock-minutes", self.mock_minutes.is_some()),
            (
                if self.mouse == Some(false) {
                    "--no-mouse"
                } else {
                    "--mouse"
                },
                self.mouse.is_some(),
            ),
        ];
        given
            .into_iter()
            .filter(|&(_, is_given)| is_given)
            .map(|(flag, _)| flag)
            .collect()
    }
}

/// Hands an option written before the command to the command, unless the command was given
/// its own (which wins, as the later one).
fn adopt<T>(own: &mut Option<T>, before: &mut Option<T>) {
    let given = before.take();
    if own.is_none() {
        *own = given;
    }
}

impl Cli {
    /// Hands each option written before the command (`carestudy --content DIR list`) to the
    /// command, when the command takes it. One it does not take is an error naming it, so an
    /// option is never silently ignored.
    pub fn settle(mut self) -> Result<Self, String> {
        let Some(command) = self.command.as_mut() else {
            return Ok(self);
        };
        let mut before = Before {
            content: self.content.content.take(),
            config: self.config.config.take(),
            theme: self.theme.theme.take(),
            data_dir: self.data.data_dir.take(),
            seed: self.seed.seed.take(),
            new_cards_per_day: self.study.new_cards_per_day.take(),
            mock_questions: self.study.mock_questions.take(),
            mock_minutes: self.study.mock_minutes.take(),
            mouse: self.mouse.given(),
        };
        self.mouse = MouseArg::default();
        let name = command.name();
        hand_over(command, &mut before);
        match before.flags()[..] {
            [] => Ok(self),
            [flag] => Err(format!(
                "`carestudy {name}` does not take {flag}; `carestudy {name} --help` lists its options"
            )),
            ref flags => Err(format!(
                "`carestudy {name}` does not take {}; `carestudy {name} --help` lists its options",
                flags.join(", ")
            )),
        }
    }
}

/// Hands `command` the options written before it that it takes, leaving in `before` those
/// it does not.
fn hand_over(command: &mut Command, before: &mut Before) {
    match command {
        Command::List(ListArgs {
            content,
            config,
            theme,
            ..
        })
        | Command::Show(ShowArgs {
            content,
            config,
            theme,
            ..
        })
        | Command::Search(SearchArgs {
            content,
            config,
            theme,
            ..
        }) => {
            adopt(&mut content.content, &mut before.content);
            adopt(&mut config.config, &mut before.config);
            adopt(&mut theme.theme, &mut before.theme);
        }
        Command::Present(args) => {
            adopt(&mut args.content.content, &mut before.content);
            adopt(&mut args.config.config, &mut before.config);
            adopt(&mut args.theme.theme, &mut before.theme);
            args.mouse.adopt(&mut before.mouse);
        }
        Command::Export(ExportArgs { content, .. }) | Command::Check(CheckArgs { content, .. }) => {
            adopt(&mut content.content, &mut before.content);
        }
        Command::Stats(StatsArgs {
            content,
            config,
            data,
            theme,
            ..
        }) => {
            adopt(&mut content.content, &mut before.content);
            adopt(&mut config.config, &mut before.config);
            adopt(&mut data.data_dir, &mut before.data_dir);
            adopt(&mut theme.theme, &mut before.theme);
        }
        Command::Progress(
            ProgressCommand::Export { data, config } | ProgressCommand::Import { data, config, .. },
        ) => {
            adopt(&mut data.data_dir, &mut before.data_dir);
            adopt(&mut config.config, &mut before.config);
        }
        Command::Snapshot(args) => {
            adopt(&mut args.content.content, &mut before.content);
            adopt(&mut args.config.config, &mut before.config);
            adopt(&mut args.theme.theme, &mut before.theme);
            adopt(&mut args.data_dir, &mut before.data_dir);
            adopt(&mut args.seed.seed, &mut before.seed);
            args.study.adopt(before);
        }
        Command::Config(args) => {
            adopt(&mut args.config.config, &mut before.config);
            adopt(&mut args.theme.theme, &mut before.theme);
            adopt(&mut args.data.data_dir, &mut before.data_dir);
            args.study.adopt(before);
            args.mouse.adopt(&mut before.mouse);
        }
    }
}

impl StudyArgs {
    fn adopt(&mut self, before: &mut Before) {
        adopt(&mut self.new_cards_per_day, &mut before.new_cards_per_day);
        adopt(&mut self.mock_questions, &mut before.mock_questions);
        adopt(&mut self.mock_minutes, &mut before.mock_minutes);
    }
}

impl MouseArg {
    fn adopt(&mut self, before: &mut Option<bool>) {
        let given = before.take();
        if self.given().is_none() {
            self.mouse = given == Some(true);
            self.no_mouse = given == Some(false);
        }
    }
}

impl Command {
    /// The command's name, as typed.
    pub fn name(&self) -> &'static str {
        match self {
            Command::List(_) => "list",
            Command::Show(_) => "show",
            Command::Search(_) => "search",
            Command::Snapshot(_) => "snapshot",
            Command::Present(_) => "present",
            Command::Export(_) => "export",
            Command::Stats(_) => "stats",
            Command::Progress(ProgressCommand::Export { .. }) => "progress export",
            Command::Progress(ProgressCommand::Import { .. }) => "progress import",
            Command::Check(_) => "check",
            Command::Config(_) => "config",
        }
    }
}

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

    fn settled(args: &[&str]) -> Result<Cli, String> {
        let args = std::iter::once("carestudy").chain(args.iter().copied());
        Cli::try_parse_from(args)
            .map_err(|e| e.to_string())?
            .settle()
    }

    #[test]
    fn an_option_before_the_command_goes_to_the_command_that_takes_it() {
        let cli = settled(&["--content", "dir", "--theme", "mono", "list"]);
        let Ok(Cli {
            command: Some(Command::List(list)),
            content,
            ..
        }) = cli
        else {
            panic!("{cli:?}");
        };
        assert_eq!(list.content.content, Some(PathBuf::from("dir")));
        assert_eq!(list.theme.theme, Some(ThemeName::Mono));
        assert_eq!(content.content, None);
        let Ok(Cli {
            command: Some(Command::Snapshot(snapshot)),
            ..
        }) = settled(&["--seed", "7", "--data-dir", "d", "snapshot", "--seed", "8"])
        else {
            panic!("snapshot takes --seed and --data-dir");
        };
        assert_eq!(snapshot.seed.seed, Some(8), "the command's own wins");
        assert_eq!(snapshot.data_dir, Some(PathBuf::from("d")));
    }

    #[test]
    fn an_option_the_command_does_not_take_is_an_error_wherever_it_is_written() {
        let error = settled(&["--seed", "7", "--mock-minutes", "5", "list"]).err();
        assert_eq!(
            error.as_deref(),
            Some(
                "`carestudy list` does not take --seed, --mock-minutes; `carestudy list --help` lists its options"
            )
        );
        assert!(settled(&["--theme", "mono", "export", "-f", "json"]).is_err());
        assert!(settled(&["--content", "x", "progress", "export"]).is_err());
        assert!(
            settled(&["list", "--seed", "7"]).is_err(),
            "clap refuses it"
        );
        assert!(
            settled(&["--seed", "7"]).is_ok(),
            "the app takes every option"
        );
    }

    #[test]
    fn each_command_lists_only_the_options_it_takes() {
        use clap::CommandFactory;
        let cli = Cli::command();
        let takes = |name: &str| -> Vec<String> {
            let command = cli
                .find_subcommand(name)
                .unwrap_or_else(|| panic!("no command {name}"));
            command
                .get_arguments()
                .filter_map(|arg| arg.get_long().map(str::to_owned))
                .collect()
        };
        for name in ["list", "show", "search", "present", "export", "check"] {
            for app_only in ["seed", "mock-questions", "mock-minutes", "data-dir"] {
                assert!(
                    !takes(name).contains(&app_only.to_owned()),
                    "{name} --{app_only}"
                );
            }
        }
        assert!(!takes("export").contains(&"theme".to_owned()));
        assert!(!takes("check").contains(&"theme".to_owned()));
        for name in ["list", "show", "search", "present", "stats", "snapshot"] {
            assert!(takes(name).contains(&"theme".to_owned()), "{name}");
        }
    }
}
