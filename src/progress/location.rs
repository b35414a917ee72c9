//! Where progress lives: the folder chosen by `--data-dir`, then `CARESTUDY_DATA_DIR`, then the
//! platform's data folder; and the names of the files inside it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The environment variable that names the data folder when `--data-dir` is not given.
pub const DATA_DIR_ENV: &str = "CARESTUDY_DATA_DIR";

/// The progress database, inside the data folder.
pub const DATABASE_FILE: &str = "progress.sqlite3";

/// Where progress was kept before the database: imported on first start, then kept as
/// `progress.json.imported-<time>`.
pub const PROGRESS_FILE: &str = "progress.json";

/// The folder to keep progress in: `explicit` (from `--data-dir`), else a non-empty
/// `CARESTUDY_DATA_DIR`, else the platform's data folder (`None` if the platform has none,
/// for example when no home folder is known).
pub fn data_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    choose(explicit, std::env::var_os(DATA_DIR_ENV), platform_data_dir)
}

/// The platform's data folder for carestudy (`~/.local/share/carestudy` on Linux).
pub fn platform_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "carestudy", "carestudy")
        .map(|dirs| dirs.data_dir().to_path_buf())
}

/// The choice itself, with the environment passed in so tests need not change the process's
/// environment. An empty path counts as not given, as an empty variable does.
fn choose(
    explicit: Option<&Path>,
    env: Option<OsString>,
    platform: impl FnOnce() -> Option<PathBuf>,
) -> Option<PathBuf> {
    if let Some(dir) = explicit.filter(|dir| !dir.as_os_str().is_empty()) {
        return Some(dir.to_path_buf());
    }
    if let Some(dir) = env.filter(|dir| !dir.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    platform()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn platform() -> Option<PathBuf> {
        Some(PathBuf::from("/platform"))
    }

    #[test]
    fn explicit_wins_over_env_and_platform() {
        let chosen = choose(
            Some(Path::new("/explicit")),
            Some(OsString::from("/env")),
            platform,
        );
        assert_eq!(chosen, Some(PathBuf::from("/explicit")));
    }

    #[test]
    fn env_wins_over_platform() {
        let chosen = choose(None, Some(OsString::from("/env")), platform);
        assert_eq!(chosen, Some(PathBuf::from("/env")));
    }

    #[test]
    fn empty_values_fall_through_to_platform() {
        let chosen = choose(Some(Path::new("")), Some(OsString::new()), platform);
        assert_eq!(chosen, Some(PathBuf::from("/platform")));
        assert_eq!(choose(None, None, || None), None);
    }

    #[test]
    fn platform_folder_ends_in_the_app_name() {
        // Where a platform folder exists at all, it is carestudy's own.
        if let Some(dir) = platform_data_dir() {
            assert!(
                dir.to_string_lossy().contains("carestudy"),
                "{}",
                dir.display()
            );
        }
    }
}
