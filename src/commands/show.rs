use super::paint::Paint;
use super::usage;
use crate::content::{
    CONTEXT_NOTE, Library, PointList, Reference, Section, Table, Texts, Topic, TopicLink, TopicRef,
};
use crate::lookup::{Lookup, explain, find_topic};
use anyhow::Context;
use serde::Serialize;
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
    key_features: &'a Texts,
    examples: &'a Texts,
    lists: &'a [PointList],
    /// Words and phrases search finds the topic by (`### Search terms`).
    search_terms: &'a Texts,
    /// The assessment question the topic answers, as asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tables: &'a [Table],
    /// The model answer's paragraphs.
    #[serde(skip_serializing_if = "Texts::is_empty")]
    model_answer: &'a Texts,
    /// Related topics, by stable id and title.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    see_also: Vec<Related<'a>>,
    guide_title: &'a str,
    /// Wider context, not one of a care worker's own working relationships (`.context`).
    context: bool,
    source: &'a str,
    references: &'a [Reference],
    /// The guide's criterion and criteria followed by the topic's own.
    criteria: Vec<&'a str>,
}

#[derive(Serialize)]
struct Related<'a> {
    id: &'a str,
    title: &'a str,
}

/// The topics a topic's `### See also` links lead to (every link leads somewhere once the
/// library has loaded).
fn related<'a>(library: &'a Library, topic: &'a Topic) -> Vec<Related<'a>> {
    related_links(library, &topic.see_also)
}

fn related_links<'a>(library: &'a Library, links: &'a [TopicLink]) -> Vec<Related<'a>> {
    links
        .iter()
        .filter_map(|link| {
            let found = library.topic(library.find_by_id(&link.target)?)?;
            Some(Related {
                id: &link.target,
                title: &found.title,
            })
        })
        .collect()
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
    let lookup = find_topic(library, name);
    let at = match (&lookup, explain(library, name, &lookup)) {
        (&Lookup::Found(at), _) => at,
        (_, message) => return Err(usage(message.unwrap_or_default())),
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
    let sections = topic.sections(guide);
    let all_criteria: Vec<&str> = sections
        .iter()
        .find_map(|section| match section {
            Section::Criteria(criteria) => Some(criteria.all().collect()),
            _ => None,
        })
        .unwrap_or_default();
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
            question: topic.question.as_deref(),
            tables: &topic.tables,
            model_answer: &topic.model_answer,
            see_also: related(library, topic),
            guide_title: &guide.title,
            context: topic.context,
            source: &guide.source,
            references: &guide.references,
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
    if topic.context {
        writeln!(out, "{}", paint.muted(CONTEXT_NOTE))?;
    }
    writeln!(out)?;
    for section in &sections {
        write_section(library, section, paint, out)?;
    }
    Ok(())
}

/// One part of the topic as plain text: lists as indented items, short parts on one line.
fn write_section(
    library: &Library,
    section: &Section,
    paint: Paint,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let heading = section.heading().unwrap_or_default();
    let one_line = |items: &[&str]| {
        let label = paint.heading(&format!("{heading}:"));
        format!("{label} {}", items.join("; "))
    };
    match section {
        Section::Summary(summary) => {
            for paragraph in summary.split("\n\n") {
                writeln!(out, "{paragraph}")?;
                writeln!(out)?;
            }
        }
        Section::Question(question) => {
            writeln!(out, "{}", paint.heading(heading))?;
            writeln!(out, "  {question}")?;
            writeln!(out)?;
        }
        Section::List(list) => {
            writeln!(out, "{}", paint.heading(heading))?;
            for item in list.items {
                writeln!(out, "  - {item}")?;
            }
            writeln!(out)?;
        }
        Section::Table(table) => write_table(table, paint, out)?,
        Section::ModelAnswer(paragraphs) => {
            writeln!(out, "{}", paint.heading(heading))?;
            for paragraph in *paragraphs {
                writeln!(out, "{paragraph}")?;
                writeln!(out)?;
            }
        }
        Section::SeeAlso(links) => {
            let related = related_links(library, links);
            if !related.is_empty() {
                writeln!(out, "{}", paint.heading(heading))?;
                for link in &related {
                    writeln!(out, "  - {}  {}", link.title, paint.id(link.id))?;
                }
                writeln!(out)?;
            }
        }
        Section::SearchTerms(terms) => {
            let terms: Vec<&str> = terms.iter().collect();
            writeln!(out, "{}", one_line(&terms))?;
        }
        Section::Criteria(criteria) => {
            writeln!(out, "{}", one_line(&criteria.all().collect::<Vec<_>>()))?;
        }
        Section::Source(source) => writeln!(out, "{}", one_line(&[source]))?,
        Section::References(references) => {
            writeln!(out, "{}", paint.heading(&format!("{heading}:")))?;
            for reference in *references {
                writeln!(out, "  - {}: {}", reference.title, reference.url)?;
            }
        }
    }
    Ok(())
}

/// A table row by row: each row's first cell, then the other cells under their column names,
/// which reads at any width.
fn write_table(table: &Table, paint: Paint, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", paint.heading(&table.name))?;
    for row in &table.rows {
        let mut cells = row.iter().zip(&table.header);
        if let Some((first, _)) = cells.next() {
            writeln!(out, "  {first}")?;
        }
        for (cell, column) in cells {
            writeln!(out, "    {column}: {cell}")?;
        }
    }
    writeln!(out)
}
