use super::paint::Paint;
use crate::content::Library;
use std::io::Write;

/// `carestudy list`: every guide and its topics.
pub fn list(
    library: &Library,
    json: bool,
    paint: Paint,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut *out, library)?;
        writeln!(out)?;
        return Ok(());
    }
    for (i, guide) in library.guides.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}  {}",
            paint.heading(&guide.title),
            paint.id(&guide.id)
        )?;
        writeln!(
            out,
            "  {}",
            paint.muted(&format!("{} ({})", guide.criterion, guide.verb))
        )?;
        let width = guide.topics.iter().map(|t| t.id.len()).max().unwrap_or(0);
        for topic in &guide.topics {
            let padded = format!("{:width$}", topic.id);
            writeln!(out, "  {}  {}", paint.id(&padded), topic.title)?;
        }
    }
    Ok(())
}
