#![forbid(unsafe_code)]
//! carestudy: a terminal study companion for UK health and social care qualifications.
//!
//! The arrows run one way: `ui` reads `app`; `app` uses `content`, `search`, `lookup` and
//! `quiz`, none of which knows about terminals. `terminal` is the only module that touches the
//! real terminal; `snapshot` runs the same app headless.

pub mod app;
mod atomic_file;
mod caseless;
pub mod cli;
pub mod commands;
pub mod content;
pub mod export;
pub mod lookup;
pub mod map;
pub mod parallel;
pub mod practice;
pub mod progress;
pub mod quiz;
pub mod search;
pub mod settings;
pub mod snapshot;
pub mod stats;
pub mod terminal;
#[cfg(test)]
mod test_support;
pub mod ui;
