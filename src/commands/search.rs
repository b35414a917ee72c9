use super::paint::Paint;
use crate::content::{Library, sanitize_inline};
use crate::search::{Field, search_once};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct JsonHit<'a> {
    guide: &'a str,
    topic: &'a str,
    /// The stable id, `guide/topic`.
    id: String,
    title: &'a str,
    /// Where the topic's best matching text is.
    field: &'a str,
    /// For points of a named list, the list's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    list: Option<&'a str>,
    text: &'a str,
    /// Higher is better: the tier's base plus a thousand times the BM25 score.
    score: i64,
    /// Character indices of `text` in the matched words.
    positions: &'a [usize],
    /// How the topic matched: phrase, words, typo or partial.
    tier: &'static str,
    /// Whether it matched by reading a word as a misspelling.
    typo: bool,
    /// For a typo match, the words of `text` the misspelling was read as.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    corrections: &'a [String],
    /// How many of the topic's texts match, the one shown included.
    matches: usize,
}

/// `carestudy search QUERY`: the best matching topics across every guide.
pub fn search(
    library: &Library,
    query: &str,
    limit: usize,
    json: bool,
    paint: Paint,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let results = search_once(library, query, limit);
    let shown = results.hits.iter().filter_map(|hit| {
        let guide = library.guide(hit.topic.guide)?;
        let topic = library.topic(hit.topic)?;
        Some((hit, guide, topic))
    });
    if json {
        let rows: Vec<JsonHit> = shown
            .map(|(hit, guide, topic)| JsonHit {
                guide: &guide.id,
                topic: &topic.id,
                id: format!("{}/{}", guide.id, topic.id),
                title: &topic.title,
                field: match hit.field {
                    Field::Point(_) => "point",
                    _ => hit.field.label(),
                },
                list: match &hit.field {
                    Field::Point(name) => Some(name),
                    _ => None,
                },
                text: &hit.text,
                score: hit.score,
                positions: &hit.positions,
                tier: hit.tier.name(),
                typo: hit.is_typo(),
                corrections: &hit.corrections,
                matches: hit.further + 1,
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    let mut any = false;
    for (n, (hit, guide, topic)) in shown.enumerate() {
        any = true;
        let mut notes = Vec::new();
        if hit.is_typo() {
            notes.push(format!("typo: {}", hit.corrections.join(", ")));
        }
        if hit.further > 0 {
            notes.push(format!("+{} more in this topic", hit.further));
        }
        let notes = if notes.is_empty() {
            String::new()
        } else {
            format!("  {}", paint.muted(&format!("({})", notes.join("; "))))
        };
        writeln!(
            out,
            "{:>2}. {} {} {}{notes}",
            n + 1,
            paint.heading(&topic.title),
            paint.muted(&format!("[{}]", hit.field.label())),
            paint.id(&format!("{}/{}", guide.id, topic.id)),
        )?;
        writeln!(out, "    {}", paint.highlight(&hit.text, &hit.positions))?;
    }
    if !any {
        // The query is echoed back: it may hold anything a terminal would act on.
        writeln!(out, "No matches for \"{}\".", sanitize_inline(query))?;
        if let Some(suggestion) = &results.suggestion {
            writeln!(out, "Did you mean \"{suggestion}\"?")?;
        }
    } else if results.total > results.hits.len() {
        let more = results.total - results.hits.len();
        let topics = if more == 1 { "topic" } else { "topics" };
        let note = format!("... {more} more {topics} (use --limit)");
        writeln!(out, "{}", paint.muted(&note))?;
    }
    Ok(())
}
