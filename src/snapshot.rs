//! The headless mode behind `carestudy snapshot`: the same App, driven by scripted keys and
//! drawn on ratatui's TestBackend, printed as plain text. Reads no clock; saves only to a store
//! it is given.

use crate::app::keys::Key;
use crate::app::{App, AppOptions};
use crate::content::Library;
use crate::progress::{Progress, Store};
use crate::ui::{self, Themes};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone)]
pub struct Script {
    pub options: AppOptions,
    pub keys: Vec<Key>,
    /// Print the screen after every key, not only the last.
    pub frames: bool,
}

/// Runs the script and writes the screen(s) to `out`. Reviews go to `store` exactly as the app
/// saves them (an in-memory store saves nothing). Returns the app as the script left it.
pub fn run(
    library: Library,
    store: Store,
    progress: Progress,
    script: &Script,
    themes: &Themes,
    out: &mut dyn Write,
) -> io::Result<App> {
    let mut app = App::with_progress(library, script.options, store, progress);
    let backend = TestBackend::new(script.options.width, script.options.height);
    let mut terminal = Terminal::new(backend).map_err(io::Error::other)?;
    let draw = |app: &App, terminal: &mut Terminal<TestBackend>| -> io::Result<String> {
        terminal
            .draw(|frame| ui::draw_themed(frame, app, themes))
            .map_err(io::Error::other)?;
        Ok(buffer_text(terminal.backend().buffer()))
    };
    if script.frames {
        writeln!(out, "--- frame 0: start ---")?;
        write!(out, "{}", draw(&app, &mut terminal)?)?;
    }
    for (n, key) in script.keys.iter().enumerate() {
        if app.should_quit() {
            break;
        }
        app.handle_key(*key);
        if script.frames {
            writeln!(out, "--- frame {}: {} ---", n + 1, key.notation())?;
            write!(out, "{}", draw(&app, &mut terminal)?)?;
        }
    }
    if !script.frames {
        write!(out, "{}", draw(&app, &mut terminal)?)?;
    }
    Ok(app)
}

/// The buffer as text, one line per row, trailing spaces trimmed.
pub fn buffer_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut text = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            // A wide character covers the cells after it; they hold nothing of their own.
            skip = symbol.width().saturating_sub(1);
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// Parses `WxH` (like `80x24`).
pub fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let bad = || format!("invalid size `{text}`: use WIDTHxHEIGHT, like 80x24 (each 1 to 1000)");
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: u16 = w.trim().parse().map_err(|_| bad())?;
    let h: u16 = h.trim().parse().map_err(|_| bad())?;
    if !(1..=1000).contains(&w) || !(1..=1000).contains(&h) {
        return Err(bad());
    }
    Ok((w, h))
}
