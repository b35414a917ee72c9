//! The headless mode behind `carestudy snapshot`: the same App, driven by scripted keys and
//! drawn into the terminal's own screen buffer (a backend that shows nothing), printed as plain
//! text. Reads no clock; saves only to a store it is given.

use crate::app::keys::Key;
use crate::app::{App, AppOptions};
use crate::content::Library;
use crate::progress::{Progress, Store};
use crate::ui::{self, Themes};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Size};
use std::convert::Infallible;
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
    let size = Size::new(script.options.width, script.options.height);
    let Ok(mut terminal) = Terminal::new(Headless(size));
    // Each frame is drawn into a cleared buffer, as the terminal does between frames.
    let mut draw = |app: &App| {
        terminal.current_buffer_mut().reset();
        ui::draw_themed(&mut terminal.get_frame(), app, themes);
        buffer_text(terminal.current_buffer_mut())
    };
    if script.frames {
        writeln!(out, "--- frame 0: start ---")?;
        write!(out, "{}", draw(&app))?;
    }
    for (n, key) in script.keys.iter().enumerate() {
        if app.should_quit() {
            break;
        }
        app.handle_key(*key);
        if script.frames {
            writeln!(out, "--- frame {}: {} ---", n + 1, key.notation())?;
            write!(out, "{}", draw(&app))?;
        }
    }
    if !script.frames {
        write!(out, "{}", draw(&app))?;
    }
    Ok(app)
}

/// A terminal of a fixed size that shows nothing. The frame is read from the terminal's own
/// buffer, so a backend keeping a third copy of the screen (ratatui's TestBackend: 92 KB at
/// 80x24) would only add to the peak memory of every scripted run.
struct Headless(Size);

impl Backend for Headless {
    type Error = Infallible;

    fn draw<'a, I>(&mut self, _content: I) -> Result<(), Infallible>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        Ok(())
    }

    fn hide_cursor(&mut self) -> Result<(), Infallible> {
        Ok(())
    }

    fn show_cursor(&mut self) -> Result<(), Infallible> {
        Ok(())
    }

    fn get_cursor_position(&mut self) -> Result<Position, Infallible> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, _position: P) -> Result<(), Infallible> {
        Ok(())
    }

    fn clear(&mut self) -> Result<(), Infallible> {
        Ok(())
    }

    fn clear_region(&mut self, _clear_type: ClearType) -> Result<(), Infallible> {
        Ok(())
    }

    fn size(&self) -> Result<Size, Infallible> {
        Ok(self.0)
    }

    fn window_size(&mut self) -> Result<WindowSize, Infallible> {
        Ok(WindowSize {
            columns_rows: self.0,
            pixels: Size::ZERO,
        })
    }

    fn flush(&mut self) -> Result<(), Infallible> {
        Ok(())
    }
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
