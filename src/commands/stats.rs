use super::paint::Paint;
use crate::content::Library;
use crate::progress::Progress;
use crate::stats::compute;
use chrono::{DateTime, Utc};
use std::io::Write;

/// `carestudy stats`: the figures the Progress pane shows, as text or JSON.
pub fn stats(
    library: &Library,
    progress: &Progress,
    now: DateTime<Utc>,
    json: bool,
    paint: Paint,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    // The learner's local days (TZ), as the app counts them.
    let stats = compute(library, progress, now, crate::progress::Zone::Local);
    if json {
        serde_json::to_writer_pretty(&mut *out, &stats)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{} {}", paint.heading("Reviews:"), stats.reviews)?;
    writeln!(out, "{} {}", paint.heading("Due today:"), stats.due_today)?;
    let ahead: Vec<String> = stats
        .due_next_days
        .iter()
        .map(ToString::to_string)
        .collect();
    writeln!(
        out,
        "{} {}",
        paint.heading("Due in the next 7 days:"),
        ahead.join(" ")
    )?;
    let last_week = stats.reviews_in_last(7);
    writeln!(
        out,
        "{} {last_week}",
        paint.heading("Reviews in the last 7 days:")
    )?;
    writeln!(out)?;
    writeln!(out, "{}", paint.heading("Mastery by guide"))?;
    for guide in &stats.guides {
        let cards = format!(
            "({} of {} cards seen, {} due)",
            guide.seen, guide.cards, guide.due_today
        );
        percent_row(out, guide.mastery, &guide.title, &paint.muted(&cards))?;
    }
    if let Some(last) = stats.mock_tests.last() {
        writeln!(
            out,
            "{} {} taken; the last scored {} of {}",
            paint.heading("Mock tests:"),
            stats.mock_tests.len(),
            last.correct,
            last.questions
        )?;
    }
    if !stats.weakest_topics.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint.heading("Weakest topics"))?;
        for topic in &stats.weakest_topics {
            percent_row(out, topic.recall, &topic.title, &paint.id(&topic.id))?;
        }
    }
    Ok(())
}

/// `   73%  Title  note`: a guide's mastery or a topic's recall.
fn percent_row(out: &mut dyn Write, fraction: f64, title: &str, note: &str) -> std::io::Result<()> {
    writeln!(out, "  {:>3.0}%  {title}  {note}", fraction * 100.0)
}
