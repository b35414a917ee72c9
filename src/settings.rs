//! The learner's settings, in layers: built-in defaults, then the settings file, then the
//! environment, then flags (each overrides the one before). The file is `config.toml` in the
//! platform's config folder (`~/.config/carestudy` on Linux), or the file named by `--config`
//! or `CARESTUDY_CONFIG`. `carestudy config` prints every setting with where it came from.
//!
//! Nothing here touches the terminal: the environment is captured into [`Environment`] and
//! the file is read by [`load`], so the layering itself ([`Settings::layer`]) is pure.

use crate::content::{Diagnostic, Diagnostics, escape_for_message};
use crate::ui::theme::ThemeName;
use clap::ValueEnum;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The environment variable naming the settings file (empty: read none).
pub const CONFIG_ENV: &str = "CARESTUDY_CONFIG";

/// The settings file's name in the platform's config folder.
pub const FILE_NAME: &str = "config.toml";

/// New cards a day unless asked otherwise.
pub const NEW_CARDS_PER_DAY: u32 = crate::quiz::NEW_CARDS_PER_DAY as u32;

/// Questions in a mock test unless asked otherwise.
pub const MOCK_QUESTIONS: u16 = crate::app::MOCK_QUESTIONS as u16;

/// The limits of each number, shared with the flags' parsers.
pub const NEW_CARDS_RANGE: (u32, u32) = (0, 1000);
pub const MOCK_QUESTIONS_RANGE: (u16, u16) = (1, 200);
pub const MOCK_MINUTES_RANGE: (u32, u32) = (1, 600);

/// Every key the settings file may hold, in the order `carestudy config` prints them.
pub const KEYS: [&str; 6] = [
    "theme",
    "new-cards-per-day",
    "mock-questions",
    "mock-minutes",
    "data-dir",
    "mouse",
];

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Default,
    /// The settings file, at this line.
    File(usize),
    Environment(&'static str),
    Flag(&'static str),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File(line) => write!(f, "file, line {line}"),
            Origin::Environment(name) => write!(f, "environment, {name}"),
            Origin::Flag(flag) => write!(f, "flag, {flag}"),
        }
    }
}

/// One setting's value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub origin: Origin,
}

impl<T> Setting<T> {
    fn default(value: T) -> Self {
        Self {
            value,
            origin: Origin::Default,
        }
    }

    /// Takes `value` from `origin` when there is one.
    fn over(&mut self, value: Option<T>, origin: Origin) {
        if let Some(value) = value {
            *self = Self { value, origin };
        }
    }
}

/// Which settings file is read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileChoice {
    /// Named by `--config FILE`: it must exist.
    Flag(PathBuf),
    /// Named by `CARESTUDY_CONFIG`: it must exist.
    Environment(PathBuf),
    /// `config.toml` in the platform's config folder: read when it exists.
    Platform(PathBuf),
    /// No file: `CARESTUDY_CONFIG` is empty, the platform has no config folder, or a
    /// scripted run (`snapshot`) was given no `--config`.
    None,
}

impl FileChoice {
    pub fn path(&self) -> Option<&Path> {
        match self {
            FileChoice::Flag(path) | FileChoice::Environment(path) | FileChoice::Platform(path) => {
                Some(path)
            }
            FileChoice::None => None,
        }
    }

    /// Whether the file must exist (one named on purpose).
    fn required(&self) -> bool {
        matches!(self, FileChoice::Flag(_) | FileChoice::Environment(_))
    }
}

/// Which sources a command reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The app and the plain commands: the file, the environment, the flags.
    Everything,
    /// `snapshot`: only a file named with `--config`, and never a data folder but the flag's,
    /// so a pipeline gets the same screen on every machine and never touches a learner's
    /// progress by accident.
    Scripted,
}

/// The values given as flags, each `None` when not given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    pub config: Option<PathBuf>,
    pub theme: Option<ThemeName>,
    pub new_cards_per_day: Option<u32>,
    pub mock_questions: Option<u16>,
    pub mock_minutes: Option<u32>,
    pub data_dir: Option<PathBuf>,
    pub mouse: Option<bool>,
}

/// The environment variables settings read, captured once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    /// `CARESTUDY_CONFIG`.
    pub config: Option<OsString>,
    /// `CARESTUDY_DATA_DIR`.
    pub data_dir: Option<OsString>,
    /// `NO_COLOR`.
    pub no_color: Option<OsString>,
}

impl Environment {
    pub fn capture() -> Self {
        Self {
            config: std::env::var_os(CONFIG_ENV),
            data_dir: std::env::var_os(crate::progress::DATA_DIR_ENV),
            no_color: std::env::var_os("NO_COLOR"),
        }
    }
}

/// What a settings file says, each value with its line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileValues {
    pub theme: Option<(ThemeName, usize)>,
    pub new_cards_per_day: Option<(u32, usize)>,
    pub mock_questions: Option<(u16, usize)>,
    pub mock_minutes: Option<(u32, usize)>,
    pub data_dir: Option<(PathBuf, usize)>,
    pub mouse: Option<(bool, usize)>,
}

/// The settings in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The file read (or looked for), and whether it was there.
    pub file: FileChoice,
    pub file_found: bool,
    /// `None`: chosen by the program (colour, presentations in high contrast).
    pub theme: Setting<Option<ThemeName>>,
    pub new_cards_per_day: Setting<u32>,
    pub mock_questions: Setting<u16>,
    /// `None`: no time limit.
    pub mock_minutes: Setting<Option<u32>>,
    /// `None` only when the platform has no data folder (no home folder is known).
    pub data_dir: Setting<Option<PathBuf>>,
    pub mouse: Setting<bool>,
}

impl Settings {
    /// The built-in defaults.
    pub fn defaults() -> Self {
        Self {
            file: FileChoice::None,
            file_found: false,
            theme: Setting::default(None),
            new_cards_per_day: Setting::default(NEW_CARDS_PER_DAY),
            mock_questions: Setting::default(MOCK_QUESTIONS),
            mock_minutes: Setting::default(None),
            data_dir: Setting::default(crate::progress::platform_data_dir()),
            mouse: Setting::default(true),
        }
    }

    /// The defaults with the file, the environment and the flags laid over them. `NO_COLOR`
    /// gives way to a theme in the file, as the NO_COLOR convention asks; every other
    /// variable overrides the file.
    pub fn layer(
        mut self,
        file: Option<&FileValues>,
        env: &Environment,
        flags: &Flags,
        reach: Reach,
    ) -> Self {
        let non_empty = |value: &Option<OsString>| value.clone().filter(|v| !v.is_empty());
        if non_empty(&env.no_color).is_some() {
            self.theme
                .over(Some(Some(ThemeName::Mono)), Origin::Environment("NO_COLOR"));
        }
        if let Some(file) = file {
            if let Some((theme, at)) = file.theme {
                self.theme.over(Some(Some(theme)), Origin::File(at));
            }
            if let Some((n, at)) = file.new_cards_per_day {
                self.new_cards_per_day.over(Some(n), Origin::File(at));
            }
            if let Some((n, at)) = file.mock_questions {
                self.mock_questions.over(Some(n), Origin::File(at));
            }
            if let Some((n, at)) = file.mock_minutes {
                self.mock_minutes.over(Some(Some(n)), Origin::File(at));
            }
            if let Some((dir, at)) = &file.data_dir
                && reach == Reach::Everything
            {
                self.data_dir
                    .over(Some(Some(dir.clone())), Origin::File(*at));
            }
            if let Some((on, at)) = file.mouse {
                self.mouse.over(Some(on), Origin::File(at));
            }
        }
        match reach {
            Reach::Everything => self.data_dir.over(
                non_empty(&env.data_dir).map(|dir| Some(PathBuf::from(dir))),
                Origin::Environment(crate::progress::DATA_DIR_ENV),
            ),
            // A scripted run saves only where its flag says.
            Reach::Scripted => self.data_dir = Setting::default(None),
        }
        self.theme
            .over(flags.theme.map(Some), Origin::Flag("--theme"));
        self.new_cards_per_day
            .over(flags.new_cards_per_day, Origin::Flag("--new-cards-per-day"));
        self.mock_questions
            .over(flags.mock_questions, Origin::Flag("--mock-questions"));
        self.mock_minutes
            .over(flags.mock_minutes.map(Some), Origin::Flag("--mock-minutes"));
        let data_dir = flags.data_dir.clone().filter(|d| !d.as_os_str().is_empty());
        self.data_dir
            .over(data_dir.map(Some), Origin::Flag("--data-dir"));
        let mouse_flag = match flags.mouse {
            Some(true) => "--mouse",
            _ => "--no-mouse",
        };
        self.mouse.over(flags.mouse, Origin::Flag(mouse_flag));
        self
    }

    /// The settings as a settings file, each with a comment saying where it came from. A
    /// setting the program chooses (the theme, no time limit) is commented out, so the text
    /// can be copied into a settings file as it is.
    pub fn describe(&self) -> String {
        let mut out = String::from("# The settings in force, and where each comes from.\n");
        let file = match (&self.file, self.file_found) {
            (FileChoice::None, _) => "none".to_owned(),
            (choice, found) => {
                let path = choice.path().map(display_path).unwrap_or_default();
                let why = match choice {
                    FileChoice::Flag(_) => "named by --config",
                    FileChoice::Environment(_) => "named by CARESTUDY_CONFIG",
                    _ if found => "the platform's config folder",
                    _ => "not there: the defaults are in force",
                };
                format!("{path} ({why})")
            }
        };
        let _ = writeln!(out, "# Settings file: {file}\n");
        let mut line = |setting: String, origin: String| {
            let _ = writeln!(out, "{setting:<40} # {origin}");
        };
        match self.theme.value {
            Some(theme) => line(
                format!("theme = {}", quoted(&theme_name(theme))),
                self.theme.origin.to_string(),
            ),
            None => line(
                "# theme = \"default\"".to_owned(),
                "default: colour, presentations in high contrast".to_owned(),
            ),
        }
        line(
            format!("new-cards-per-day = {}", self.new_cards_per_day.value),
            self.new_cards_per_day.origin.to_string(),
        );
        line(
            format!("mock-questions = {}", self.mock_questions.value),
            self.mock_questions.origin.to_string(),
        );
        match self.mock_minutes.value {
            Some(minutes) => line(
                format!("mock-minutes = {minutes}"),
                self.mock_minutes.origin.to_string(),
            ),
            None => line(
                "# mock-minutes = 30".to_owned(),
                "default: no time limit".to_owned(),
            ),
        }
        match &self.data_dir.value {
            Some(dir) => line(
                format!("data-dir = {}", quoted(&display_path(dir))),
                match self.data_dir.origin {
                    Origin::Default => "default: the platform's data folder".to_owned(),
                    ref origin => origin.to_string(),
                },
            ),
            None => line(
                "# data-dir = \"...\"".to_owned(),
                "default: none (no home folder is known); progress is not saved".to_owned(),
            ),
        }
        line(
            format!("mouse = {}", self.mouse.value),
            self.mouse.origin.to_string(),
        );
        out
    }
}

/// The name a theme is written with (`high-contrast`).
pub fn theme_name(theme: ThemeName) -> String {
    theme
        .to_possible_value()
        .map(|v| v.get_name().to_owned())
        .unwrap_or_default()
}

fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

fn display_path(path: &Path) -> String {
    escape_for_message(&path.to_string_lossy()).into_owned()
}

/// The settings file to read: `--config`, else `CARESTUDY_CONFIG` (empty: none), else
/// `config.toml` in the platform's config folder. A scripted run reads only `--config`.
pub fn choose_file(flag: Option<&Path>, env: &Environment, reach: Reach) -> FileChoice {
    if let Some(path) = flag {
        return FileChoice::Flag(path.to_path_buf());
    }
    if reach == Reach::Scripted {
        return FileChoice::None;
    }
    match &env.config {
        Some(value) if value.is_empty() => FileChoice::None,
        Some(value) => FileChoice::Environment(PathBuf::from(value)),
        None => platform_config_file().map_or(FileChoice::None, FileChoice::Platform),
    }
}

/// `config.toml` in the platform's config folder.
pub fn platform_config_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "carestudy", "carestudy")
        .map(|dirs| dirs.config_dir().join(FILE_NAME))
}

/// Why the settings could not be read.
#[derive(Debug)]
pub enum LoadError {
    /// The file has problems, each located.
    Problems(Diagnostics),
    /// A file named with `--config` or `CARESTUDY_CONFIG` is not there.
    Missing(String),
    /// The file could not be read.
    Unreadable(String),
}

/// The settings for a command: reads the chosen file (if any) and lays the environment and
/// flags over it.
pub fn load(flags: &Flags, env: &Environment, reach: Reach) -> Result<Settings, LoadError> {
    let choice = choose_file(flags.config.as_deref(), env, reach);
    let mut values = None;
    if let Some(path) = choice.path() {
        match std::fs::read(path) {
            Ok(bytes) => {
                let shown = path.to_string_lossy();
                let text = String::from_utf8(bytes).map_err(|_| {
                    LoadError::Problems(Diagnostics(vec![Diagnostic::whole_file(
                        &shown,
                        "the settings file is not UTF-8 text",
                    )]))
                })?;
                let base = path.parent().unwrap_or(Path::new(""));
                values = Some(parse(&shown, &text, base).map_err(LoadError::Problems)?);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !choice.required() => {}
            Err(e) => {
                let why = match e.kind() {
                    std::io::ErrorKind::NotFound => "no such file".to_owned(),
                    _ => e.to_string(),
                };
                let named = match choice {
                    FileChoice::Flag(_) => " (named by --config)",
                    FileChoice::Environment(_) => " (named by CARESTUDY_CONFIG)",
                    _ => "",
                };
                let message = format!(
                    "cannot read the settings file {}{named}: {why}",
                    display_path(path)
                );
                return Err(match e.kind() {
                    std::io::ErrorKind::NotFound => LoadError::Missing(message),
                    _ => LoadError::Unreadable(message),
                });
            }
        }
    }
    let found = values.is_some();
    let mut settings = Settings::defaults().layer(values.as_ref(), env, flags, reach);
    settings.file = choice;
    settings.file_found = found;
    Ok(settings)
}

/// Parses a settings file's text. `path` names it in messages; a relative `data-dir` is taken
/// from `base` (the file's folder), and `~/` from the home folder. Every problem is reported,
/// each as `path:line:column: error: ...`.
pub fn parse(path: &str, text: &str, base: &Path) -> Result<FileValues, Diagnostics> {
    let at = |offset: usize| -> (usize, usize) {
        let before = &text[..offset.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    };
    let mut problems = Vec::new();
    let mut problem = |offset: usize, message: String| {
        let (line, column) = at(offset);
        problems.push(Diagnostic::at(path, line, column, message));
    };
    type Table = BTreeMap<toml::Spanned<String>, toml::Spanned<toml::Value>>;
    let table: Table = match toml::from_str(text) {
        Ok(table) => table,
        Err(e) => {
            let message = e.message().trim_end().replace('\n', " ");
            problem(e.span().map_or(0, |s| s.start), message);
            return Err(Diagnostics(problems));
        }
    };
    let mut values = FileValues::default();
    for (key, value) in &table {
        let line = at(key.span().start).0;
        let read = read_setting(&mut values, key.get_ref(), value.get_ref(), line, base);
        match read {
            Ok(()) => {}
            Err(Wrong::Key(message)) => problem(key.span().start, message),
            Err(Wrong::Value(message)) => problem(value.span().start, message),
        }
    }
    if problems.is_empty() {
        Ok(values)
    } else {
        problems.sort_by_key(|d| d.position);
        Err(Diagnostics(problems))
    }
}

/// What is wrong with a line of the settings file: its key, or its value.
enum Wrong {
    Key(String),
    Value(String),
}

/// Reads the setting `name = value` (at `line`) into `values`.
fn read_setting(
    values: &mut FileValues,
    name: &str,
    value: &toml::Value,
    line: usize,
    base: &Path,
) -> Result<(), Wrong> {
    let bad = |why: String| Wrong::Value(format!("`{name}` {why}"));
    match name {
        "theme" => {
            let theme = value
                .as_str()
                .and_then(|s| ThemeName::from_str(s, false).ok())
                .ok_or_else(|| {
                    let known: Vec<String> = ThemeName::value_variants()
                        .iter()
                        .map(|&t| theme_name(t))
                        .collect();
                    bad(format!(
                        "must be one of {} (found {})",
                        quoted_list(&known),
                        shown(value)
                    ))
                })?;
            values.theme = Some((theme, line));
        }
        "new-cards-per-day" => {
            let n = number(value, NEW_CARDS_RANGE).map_err(bad)?;
            values.new_cards_per_day = Some((n, line));
        }
        "mock-questions" => {
            let n = number(value, MOCK_QUESTIONS_RANGE).map_err(bad)?;
            values.mock_questions = Some((n, line));
        }
        "mock-minutes" => {
            let n = number(value, MOCK_MINUTES_RANGE)
                .map_err(|why| bad(format!("{why}; leave it out for no time limit")))?;
            values.mock_minutes = Some((n, line));
        }
        "data-dir" => match value.as_str() {
            Some(dir) if !dir.trim().is_empty() => {
                values.data_dir = Some((folder(dir, base), line))
            }
            _ => {
                return Err(bad(format!(
                    "must be a folder's path in quotes, like \"~/carestudy\" (found {})",
                    shown(value)
                )));
            }
        },
        "mouse" => {
            let on = value
                .as_bool()
                .ok_or_else(|| bad(format!("must be true or false (found {})", shown(value))))?;
            values.mouse = Some((on, line));
        }
        other => {
            let near = KEYS.iter().find(|known| same_letters(known, other));
            let hint = near.map_or_else(String::new, |k| format!("; did you mean `{k}`?"));
            return Err(Wrong::Key(format!(
                "unknown setting `{other}`{hint} (the settings are {})",
                KEYS.join(", ")
            )));
        }
    }
    Ok(())
}

/// A whole number within `range`, or what is wrong with the value.
fn number<T: TryFrom<i64> + Into<i64> + Copy>(
    value: &toml::Value,
    (low, high): (T, T),
) -> Result<T, String> {
    let (low, high) = (low.into(), high.into());
    let wrong = || format!("must be a whole number from {low} to {high}");
    let n = value
        .as_integer()
        .ok_or_else(|| format!("{} (found {})", wrong(), shown(value)))?;
    if !(low..=high).contains(&n) {
        return Err(format!("{} (found {n})", wrong()));
    }
    T::try_from(n).map_err(|_| wrong())
}

/// A value as written in TOML, for a message (long values cut short).
fn shown(value: &toml::Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text,
    }
}

fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| quoted(n))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether two keys differ only in case, `_` for `-`, or spacing.
fn same_letters(known: &str, written: &str) -> bool {
    let simple = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    simple(known) == simple(written)
}

/// A folder written in the settings file: `~/` is the home folder; a relative path is taken
/// from the settings file's own folder.
fn folder(written: &str, base: &Path) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    if written == "~" {
        return home().unwrap_or_else(|| PathBuf::from(written));
    }
    if let Some(rest) = written.strip_prefix("~/")
        && let Some(home) = home()
    {
        return home.join(rest);
    }
    let path = PathBuf::from(written);
    if path.is_absolute() {
        path
    } else {
        base.join(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<FileValues, Vec<String>> {
        parse("config.toml", text, Path::new("/cfg"))
            .map_err(|d| d.0.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn every_setting_is_read_with_its_line() {
        let text = "# mine\ntheme = \"high-contrast\"\nnew-cards-per-day = 10\n\
                    mock-questions = 30\nmock-minutes = 45\ndata-dir = \"progress\"\nmouse = false\n";
        let values = parsed(text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(values.theme, Some((ThemeName::HighContrast, 2)));
        assert_eq!(values.new_cards_per_day, Some((10, 3)));
        assert_eq!(values.mock_questions, Some((30, 4)));
        assert_eq!(values.mock_minutes, Some((45, 5)));
        assert_eq!(values.data_dir, Some((PathBuf::from("/cfg/progress"), 6)));
        assert_eq!(values.mouse, Some((false, 7)));
        assert_eq!(parsed(""), Ok(FileValues::default()));
    }

    #[test]
    fn unknown_keys_and_bad_values_are_located_every_one() {
        let text = "theme = \"neon\"\nnew_cards_per_day = 5\nmock-questions = 0\n\
                    mouse = \"no\"\n[quiz]\nmock-minutes = 5\n";
        let problems = parsed(text).err().unwrap_or_default();
        assert_eq!(
            problems,
            [
                "config.toml:1:9: error: `theme` must be one of \"default\", \"mono\", \"high-contrast\" (found \"neon\")",
                "config.toml:2:1: error: unknown setting `new_cards_per_day`; did you mean `new-cards-per-day`? (the settings are theme, new-cards-per-day, mock-questions, mock-minutes, data-dir, mouse)",
                "config.toml:3:18: error: `mock-questions` must be a whole number from 1 to 200 (found 0)",
                "config.toml:4:9: error: `mouse` must be true or false (found \"no\")",
                "config.toml:5:2: error: unknown setting `quiz` (the settings are theme, new-cards-per-day, mock-questions, mock-minutes, data-dir, mouse)",
            ]
        );
    }

    #[test]
    fn a_file_that_is_not_toml_is_located() {
        let problems = parsed("theme = \"mono\"\nmouse = tru\n")
            .err()
            .unwrap_or_default();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("config.toml:2:9: error: "),
            "{problems:?}"
        );
        let problems = parsed("mouse = true\nmouse = false\n")
            .err()
            .unwrap_or_default();
        assert!(problems[0].starts_with("config.toml:2:"), "{problems:?}");
    }

    #[test]
    fn control_characters_in_a_key_never_reach_the_terminal() {
        let problems = parsed("\"\\u001b[31m\" = 1\n").err().unwrap_or_default();
        assert!(!problems[0].contains('\u{1b}'), "{problems:?}");
    }

    fn file() -> FileValues {
        FileValues {
            theme: Some((ThemeName::HighContrast, 1)),
            new_cards_per_day: Some((10, 2)),
            mock_questions: None,
            mock_minutes: Some((30, 3)),
            data_dir: Some((PathBuf::from("/from-file"), 4)),
            mouse: Some((false, 5)),
        }
    }

    #[test]
    fn flags_beat_the_environment_which_beats_the_file() {
        let env = Environment {
            config: None,
            data_dir: Some("/from-env".into()),
            no_color: Some("1".into()),
        };
        let flags = Flags {
            new_cards_per_day: Some(3),
            mouse: Some(true),
            ..Flags::default()
        };
        let s = Settings::defaults().layer(Some(&file()), &env, &flags, Reach::Everything);
        // NO_COLOR gives way to a theme chosen in the file.
        assert_eq!(s.theme.value, Some(ThemeName::HighContrast));
        assert_eq!(s.theme.origin, Origin::File(1));
        assert_eq!(s.new_cards_per_day.value, 3);
        assert_eq!(
            s.new_cards_per_day.origin,
            Origin::Flag("--new-cards-per-day")
        );
        assert_eq!(s.mock_questions.value, MOCK_QUESTIONS);
        assert_eq!(s.mock_questions.origin, Origin::Default);
        assert_eq!(s.mock_minutes.value, Some(30));
        assert_eq!(s.data_dir.value, Some(PathBuf::from("/from-env")));
        assert_eq!(
            s.data_dir.origin,
            Origin::Environment(crate::progress::DATA_DIR_ENV)
        );
        assert_eq!(
            (s.mouse.value, s.mouse.origin),
            (true, Origin::Flag("--mouse"))
        );
        let plain = Settings::defaults().layer(None, &env, &Flags::default(), Reach::Everything);
        assert_eq!(plain.theme.value, Some(ThemeName::Mono));
        assert_eq!(plain.theme.origin, Origin::Environment("NO_COLOR"));
    }

    #[test]
    fn a_scripted_run_saves_only_where_its_flag_says() {
        let env = Environment {
            data_dir: Some("/from-env".into()),
            ..Environment::default()
        };
        let s = Settings::defaults().layer(Some(&file()), &env, &Flags::default(), Reach::Scripted);
        assert_eq!(s.data_dir.value, None);
        assert_eq!(s.new_cards_per_day.value, 10, "the named file still counts");
        assert_eq!(
            choose_file(None, &env, Reach::Scripted),
            FileChoice::None,
            "no file unless named with --config"
        );
    }

    #[test]
    fn the_file_is_the_flag_then_the_variable_then_the_platform_folder() {
        let env = Environment {
            config: Some("/env.toml".into()),
            ..Environment::default()
        };
        let flag = Some(Path::new("/flag.toml"));
        assert_eq!(
            choose_file(flag, &env, Reach::Everything),
            FileChoice::Flag("/flag.toml".into())
        );
        assert_eq!(
            choose_file(None, &env, Reach::Everything),
            FileChoice::Environment("/env.toml".into())
        );
        let empty = Environment {
            config: Some("".into()),
            ..Environment::default()
        };
        assert_eq!(
            choose_file(None, &empty, Reach::Everything),
            FileChoice::None
        );
    }

    #[test]
    fn the_description_is_a_settings_file_that_says_where_each_came_from() {
        let flags = Flags {
            theme: Some(ThemeName::Mono),
            ..Flags::default()
        };
        let mut s = Settings::defaults().layer(
            Some(&file()),
            &Environment::default(),
            &flags,
            Reach::Everything,
        );
        s.file = FileChoice::Flag("/my/config.toml".into());
        s.file_found = true;
        let text = s.describe();
        for expected in [
            "# Settings file: /my/config.toml (named by --config)\n",
            "theme = \"mono\"                           # flag, --theme\n",
            "new-cards-per-day = 10                   # file, line 2\n",
            "mock-questions = 20                      # default\n",
            "mock-minutes = 30                        # file, line 3\n",
            "data-dir = \"/from-file\"                  # file, line 4\n",
            "mouse = false                            # file, line 5\n",
        ] {
            assert!(text.contains(expected), "{expected:?} not in\n{text}");
        }
        // The description parses back to the same values.
        let values = parse("out", &text, Path::new("/")).unwrap_or_default();
        assert_eq!(values.theme.map(|t| t.0), Some(ThemeName::Mono));
        assert_eq!(values.mock_minutes.map(|t| t.0), Some(30));
        assert_eq!(
            values.data_dir.map(|t| t.0),
            Some(PathBuf::from("/from-file"))
        );
    }
}
