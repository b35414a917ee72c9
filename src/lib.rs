#![forbid(unsafe_code)]
//! carestudy: a terminal study companion for UK health and social care qualifications.
//!
//! `content`, `search` and `lookup` know nothing of terminals; the app and its drawing build on them.

pub mod cli;
pub mod commands;
pub mod content;
pub mod lookup;
pub mod search;
