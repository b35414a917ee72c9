#![allow(clippy::unwrap_used, clippy::expect_used)]
//! What the most hostile guides cost in memory: any file the loader accepts (up to
//! `MAX_FILE_BYTES`) must be parsed, or rejected, in under 64 MB. Memory is counted by an
//! instrumenting allocator (a crate, so this file needs no `unsafe`); this binary holds this one
//! test so no other test's allocations are counted with it.

use carestudy::content::{MAX_FILE_BYTES, parse_guide};
use peakmem_alloc::{INSTRUMENTED_SYSTEM, PeakMemAlloc, PeakMemAllocTrait};
use std::alloc::System;

#[global_allocator]
static GLOBAL: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

const BUDGET: usize = 64 * 1024 * 1024;

const HEADER: &str = "+++\nid = \"hostile\"\ntitle = \"A hostile guide\"\n\
criterion = \"1.1 Describe a hostile guide\"\nverb = \"describe\"\nsource = \"carestudy tests\"\n\
+++\n\n## A topic {#a-topic}\n\nA summary.\n\n";

/// `line` repeated after a valid start until the file is exactly at the size limit.
fn at_the_limit(line: &str) -> Vec<u8> {
    let mut bytes = HEADER.as_bytes().to_vec();
    while bytes.len() < MAX_FILE_BYTES {
        bytes.extend_from_slice(line.as_bytes());
    }
    bytes.truncate(MAX_FILE_BYTES);
    bytes
}

#[test]
fn no_file_within_the_size_limit_costs_64_mb() {
    let brackets = format!("{}\n", "[".repeat(60));
    let ticks = format!("{}\n", "`a".repeat(30));
    let classes = format!("## T {{#t {}}}\n", ".c ".repeat(2000));
    let topics: String = (0..30_000)
        .map(|i| format!("## T {{#t{i}}}\n\nA.\n\n"))
        .collect();
    // The most expensive shapes found: every line a paragraph line, a problem, a point, a
    // heading, a link bracket, a code span, a heading class; and thousands of small topics.
    let cases: [(&str, &str); 9] = [
        ("one-character lines", "a\n"),
        ("`#` lines", "#\n"),
        ("setext headings", "a\n=\n"),
        ("list items", "- a\n"),
        ("paragraphs", "a\n\n"),
        ("brackets", &brackets),
        ("code spans", &ticks),
        ("heading classes", &classes),
        ("topics", &topics),
    ];
    for (name, line) in cases {
        let bytes = at_the_limit(line);
        GLOBAL.reset_peak_memory();
        let parsed = parse_guide("hostile.md", &bytes);
        let peak = GLOBAL.get_peak_memory();
        drop(parsed);
        assert!(
            peak < BUDGET,
            "{name}: {} KiB at the size limit costs {} MiB to parse",
            bytes.len() / 1024,
            peak / (1024 * 1024)
        );
        eprintln!("{name}: peak {:.1} MiB", peak as f64 / 1048576.0);
    }
}
