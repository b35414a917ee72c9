use super::paint::Paint;
use super::usage;
use crate::content::{Library, PointList, TopicRef};
use crate::lookup::{Lookup, find_topic};
use anyhow::Context;
use serde::Serialize;
use std::fmt::Write as _;
use std::io::Write;

#[derive(Serialize)]
struct ShownTopic<'a> {
    /// The stable id, `guide/topic`.
    id: String,
    guide: &'a str,
    /// The topic's id within its guide.
    topic: &'a str,
    title: &'a str,
    summary: &'a str,
    key_features: &'a [String],
    examples: &'a [String],
    lists: &'a [PointList],
    /// Words and phrases search finds the topic by (`### Search terms`).
    search_terms: &'a [String],
    guide_title: &'a str,
    source: &'a str,
    /// The guide's criterion and criteria followed by the topic's own.
    criteria: Vec<&'a str>,
}

/// `carestudy show TOPIC`: one topic in full. An unknown or ambiguous name is a usage error
/// that lists the nearest topics.
pub fn show(
    library: &Library,
    name: &str,
    json: bool,
    paint: Paint,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let at = match find_topic(library, name) {
        Lookup::Found(at) => at,
        Lookup::Ambiguous(candidates) => {
            let head = format!("\"{name}\" matches several topics; say which:");
            return Err(usage(head + &candidate_lines(library, &candidates)));
        }
        Lookup::Unknown(candidates) => {
            let head = format!("no topic matches \"{name}\". The nearest are:");
            return Err(usage(head + &candidate_lines(library, &candidates)));
        }
    };
    write_topic(library, at, json, paint, out).context("writing the topic")
}

fn write_topic(
    library: &Library,
    at: TopicRef,
    json: bool,
    paint: Paint,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) else {
        return Ok(());
    };
    let mut all_criteria: Vec<&str> = vec![guide.criterion.as_str()];
    all_criteria.extend(guide.criteria.iter().map(String::as_str));
    all_criteria.extend(topic.criteria.iter().map(String::as_str));
    if json {
        let shown = ShownTopic {
            id: format!("{}/{}", guide.id, topic.id),
            guide: &guide.id,
            topic: &topic.id,
            title: &topic.title,
            summary: &topic.summary,
            key_features: &topic.key_features,
            examples: &topic.examples,
            lists: &topic.lists,
            search_terms: &topic.search_terms,
            guide_title: &guide.title,
            source: &guide.source,
            criteria: all_criteria,
        };
        serde_json::to_writer_pretty(&mut *out, &shown)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{}  {}",
        paint.heading(&topic.title),
        paint.id(&format!("{}/{}", guide.id, topic.id))
    )?;
    writeln!(out, "{}", paint.muted(&guide.title))?;
    writeln!(out)?;
    for paragraph in topic.summary.split("\n\n") {
        writeln!(out, "{paragraph}")?;
        writeln!(out)?;
    }
    let mut section = |name: &str, items: &[String]| -> std::io::Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        writeln!(out, "{}", paint.heading(name))?;
        for item in items {
            writeln!(out, "  - {item}")?;
        }
        writeln!(out)
    };
    section("Key features", &topic.key_features)?;
    section("Examples", &topic.examples)?;
    for list in &topic.lists {
        section(&list.name, &list.points)?;
    }
    if !topic.search_terms.is_empty() {
        writeln!(
            out,
            "{} {}",
            paint.heading("Search terms:"),
            topic.search_terms.join("; ")
        )?;
    }
    writeln!(
        out,
        "{} {}",
        paint.heading("Criteria:"),
        all_criteria.join("; ")
    )?;
    writeln!(out, "{} {}", paint.heading("Source:"), guide.source)?;
    Ok(())
}

/// The candidates for a name, one a line, each line starting with a line break.
fn candidate_lines(library: &Library, candidates: &[TopicRef]) -> String {
    let mut lines = String::new();
    for &at in candidates {
        if let (Some(id), Some(topic)) = (library.stable_id(at), library.topic(at)) {
            let _ = write!(lines, "\n  {id}  ({})", topic.title);
        }
    }
    lines
}
