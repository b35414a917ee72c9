use super::exit;
use super::paint::Paint;
use crate::content::{Library, PointList, TopicRef};
use crate::lookup::{Lookup, find_topic};
use serde::Serialize;
use std::io::{self, Write};

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

/// `carestudy show TOPIC`: one topic in full. Returns the exit status.
pub fn show(
    library: &Library,
    name: &str,
    json: bool,
    paint: Paint,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let at = match find_topic(library, name) {
        Lookup::Found(at) => at,
        Lookup::Ambiguous(candidates) => {
            writeln!(
                err,
                "carestudy: \"{name}\" matches several topics; say which:"
            )?;
            write_candidates(library, &candidates, err)?;
            return Ok(exit::USAGE);
        }
        Lookup::Unknown(candidates) => {
            writeln!(
                err,
                "carestudy: no topic matches \"{name}\". The nearest are:"
            )?;
            write_candidates(library, &candidates, err)?;
            return Ok(exit::USAGE);
        }
    };
    let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) else {
        return Ok(exit::USAGE);
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
        return Ok(exit::OK);
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
    let mut section = |name: &str, items: &[String]| -> io::Result<()> {
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
    Ok(exit::OK)
}

fn write_candidates(
    library: &Library,
    candidates: &[TopicRef],
    err: &mut dyn Write,
) -> io::Result<()> {
    for &at in candidates {
        if let (Some(id), Some(topic)) = (library.stable_id(at), library.topic(at)) {
            writeln!(err, "  {id}  ({})", topic.title)?;
        }
    }
    Ok(())
}
