use super::paint::Paint;
use crate::content::Library;
use crate::search::{Field, Narrowing, SearchIndex};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct JsonHit<'a> {
    guide: &'a str,
    topic: &'a str,
    /// The stable id, `guide/topic`.
    id: String,
    title: &'a str,
    field: &'a str,
    /// For points of a named list, the list's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    list: Option<&'a str>,
    text: &'a str,
    score: i64,
    /// Character indices of `text` that matched.
    positions: &'a [usize],
}

/// `carestudy search QUERY`: ranked matches across every guide.
pub fn search(
    library: &Library,
    query: &str,
    limit: usize,
    json: bool,
    paint: Paint,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let index = SearchIndex::new(library);
    let results = index.search_limited(query, limit, &mut Narrowing::default());
    let hits = &results.hits;
    let shown = hits.iter().filter_map(|hit| {
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
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    let mut any = false;
    for (n, (hit, guide, topic)) in shown.enumerate() {
        any = true;
        writeln!(
            out,
            "{:>2}. {} {} {}",
            n + 1,
            paint.heading(&topic.title),
            paint.muted(&format!("[{}]", hit.field.label())),
            paint.id(&format!("{}/{}", guide.id, topic.id)),
        )?;
        writeln!(out, "    {}", paint.highlight(&hit.text, &hit.positions))?;
    }
    if !any {
        writeln!(out, "No matches for \"{query}\".")?;
    } else if results.total > hits.len() {
        let more = results.total - hits.len();
        let plus = if results.complete { "" } else { "+" };
        let note = format!("... {more}{plus} more (use --limit)");
        writeln!(out, "{}", paint.muted(&note))?;
    }
    Ok(())
}
