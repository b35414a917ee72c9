//! Taking the terminal over (raw mode, the alternate screen, mouse capture, bracketed paste)
//! and giving it back: on drop, on a panic, before stopping for Ctrl-Z, and taking it again on
//! continuing.

use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::{Position, Rect, Size};
use ratatui::prelude::Frame;
use std::cell::Cell;
use std::io::{self, Write};
use std::rc::Rc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the terminal is taken over now: giving it back is then due, once.
static TAKEN_OVER: AtomicBool = AtomicBool::new(false);

/// Whether taking the terminal over captures the mouse (the settings' `mouse`): without it the
/// terminal keeps the mouse, to select and copy text.
static MOUSE: AtomicBool = AtomicBool::new(true);

/// The terminal, taken over for as long as this lives.
pub(super) struct FullScreen {
    terminal: Terminal<CrosstermBackend<FrameWriter>>,
    /// The first write that failed since the last frame, shared with the [`FrameWriter`].
    failure: Rc<Cell<Option<io::Error>>>,
    frames: Frames,
}

impl FullScreen {
    pub(super) fn enter(mouse: bool) -> io::Result<Self> {
        MOUSE.store(mouse, Ordering::SeqCst);
        give_back_on_panic();
        if let Err(e) = take_over() {
            give_back();
            return Err(e);
        }
        let failure = Rc::default();
        let writer = FrameWriter {
            failure: Rc::clone(&failure),
        };
        let terminal = Terminal::new(CrosstermBackend::new(writer))?;
        Ok(Self {
            terminal,
            failure,
            frames: Frames::default(),
        })
    }

    /// Draws a frame, if it differs from the one on screen. A write that failed (the terminal
    /// went away) is reported here.
    pub(super) fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        // A new size clears the screen and the frame it held.
        self.terminal.autoresize()?;
        let area = self.terminal.get_frame().area();
        let Some(frame) = self.frames.render(area, render) else {
            return Ok(());
        };
        *self.terminal.current_buffer_mut() = frame.buffer.clone();
        self.terminal.apply_buffer_with_cursor(frame.cursor)?;
        match self.failure.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    pub(super) fn size(&self) -> io::Result<Size> {
        self.terminal.size()
    }

    /// Ctrl-Z, as vim does it: gives the terminal back, stops the process, and once it is
    /// continued (`fg`) takes the terminal again and redraws everything.
    pub(super) fn suspend(&mut self) -> io::Result<()> {
        give_back();
        stop_until_continued()?;
        self.resume()
    }

    /// Takes the terminal again, whatever state the shell left it in, and makes the next
    /// frame draw every cell.
    pub(super) fn resume(&mut self) -> io::Result<()> {
        // Raw mode is only set if crossterm believes it is off: turn it off first.
        let _ = disable_raw_mode();
        take_over()?;
        // A resize clears the screen and forgets what it held, so the next frame draws every
        // cell. (`Terminal::clear` would ask the terminal where its cursor is, and the answer
        // goes to the input thread.)
        let size = self.terminal.size()?;
        self.frames.forget();
        self.terminal
            .resize(Rect::new(0, 0, size.width, size.height))
    }
}

/// A frame as the screen shows it: its cells, and where the cursor is (if shown).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shown {
    buffer: Buffer,
    cursor: Option<Position>,
}

/// Frames are rendered off screen and written to the terminal only when they differ from the
/// one it shows: an idle app (the loop wakes every tick) writes nothing, where ratatui's own
/// `draw` writes colour resets and a hide-cursor code every time.
struct Frames {
    offscreen: Terminal<TestBackend>,
    shown: Option<Shown>,
}

impl Default for Frames {
    fn default() -> Self {
        let offscreen = match Terminal::new(TestBackend::new(0, 0)) {
            Ok(terminal) => terminal,
            Err(never) => match never {},
        };
        Self {
            offscreen,
            shown: None,
        }
    }
}

impl Frames {
    /// Renders a frame over `area`; `Some` when it differs from the frame last given, which it
    /// becomes.
    fn render(&mut self, area: Rect, render: impl FnOnce(&mut Frame)) -> Option<&Shown> {
        self.offscreen.backend_mut().resize(area.width, area.height);
        let frame = match self.offscreen.draw(render) {
            Ok(frame) => frame.buffer.clone(),
            Err(never) => match never {},
        };
        let backend = self.offscreen.backend();
        let frame = Shown {
            buffer: frame,
            cursor: backend.cursor_visible().then(|| backend.cursor_position()),
        };
        if self.shown.as_ref() == Some(&frame) {
            return None;
        }
        self.shown = Some(frame);
        self.shown.as_ref()
    }

    /// The screen no longer shows the last frame (it was cleared): the next one is drawn whole.
    fn forget(&mut self) {
        self.shown = None;
    }
}

impl Drop for FullScreen {
    fn drop(&mut self) {
        give_back();
    }
}

fn take_over() -> io::Result<()> {
    TAKEN_OVER.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    if MOUSE.load(Ordering::SeqCst) {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Gives the terminal back as it was, if it is taken. Every step is tried whatever fails
/// before it, and failures are ignored: a terminal that went away fails them all, and there
/// is no one left to tell.
fn give_back() {
    if !TAKEN_OVER.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = execute!(out, DisableBracketedPaste);
    let _ = execute!(out, DisableMouseCapture);
    let _ = execute!(out, LeaveAlternateScreen);
    let _ = execute!(out, Show);
    let _ = disable_raw_mode();
}

/// A panic gives the terminal back before its message is printed, so the message is readable
/// on the main screen. (ratatui's own hook reports a failed restore with `eprintln!`, which
/// panics again when the terminal is gone.)
fn give_back_on_panic() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            give_back();
            report(info);
        }));
    });
}

/// Stops the process as the terminal's Ctrl-Z would (SIGSTOP: it cannot be ignored, even in
/// a process group the shell has left behind), returning once it is continued.
#[cfg(unix)]
fn stop_until_continued() -> io::Result<()> {
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)
}

/// No job control here: Ctrl-Z redraws and carries on.
#[cfg(not(unix))]
fn stop_until_continued() -> io::Result<()> {
    Ok(())
}

/// Standard output for the frames. Once a write fails (the terminal went away) the failure is
/// kept for [`FullScreen::draw`] to report, and later writes are dropped, so nothing after it
/// fails again: ratatui reports a failed cursor restore when it drops with `eprintln!`, which
/// panics when standard error is gone too.
struct FrameWriter {
    failure: Rc<Cell<Option<io::Error>>>,
}

impl FrameWriter {
    fn failed(&self) -> bool {
        let failure = self.failure.take();
        let failed = failure.is_some();
        self.failure.set(failure);
        failed
    }

    /// Keeps the first failure and reports success, but for an interrupted call, which is
    /// retried.
    fn outcome(&self, result: io::Result<()>) -> io::Result<()> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Err(e),
            Err(e) => {
                if !self.failed() {
                    self.failure.set(Some(e));
                }
                Ok(())
            }
            Ok(()) => Ok(()),
        }
    }
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if !self.failed() {
            self.outcome(io::stdout().write_all(bytes))?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.failed() {
            return Ok(());
        }
        self.outcome(io::stdout().flush())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::widgets::Paragraph;

    fn text(words: &'static str) -> impl FnOnce(&mut Frame) {
        move |frame: &mut Frame| frame.render_widget(Paragraph::new(words), frame.area())
    }

    #[test]
    fn a_frame_is_given_only_when_it_changed() {
        let mut frames = Frames::default();
        let area = Rect::new(0, 0, 20, 3);
        assert!(
            frames.render(area, text("Colleagues")).is_some(),
            "the first"
        );
        assert!(
            frames.render(area, text("Colleagues")).is_none(),
            "the same"
        );
        assert!(frames.render(area, text("Managers")).is_some(), "new text");
        let wider = Rect::new(0, 0, 30, 3);
        assert!(
            frames.render(wider, text("Managers")).is_some(),
            "a new size"
        );
        let with_cursor = |frame: &mut Frame| {
            frame.render_widget(Paragraph::new("Managers"), frame.area());
            frame.set_cursor_position(Position::new(2, 0));
        };
        let shown = frames.render(wider, with_cursor).map(|s| s.cursor);
        assert_eq!(shown, Some(Some(Position::new(2, 0))), "the cursor shown");
        frames.forget();
        assert!(
            frames.render(wider, text("Managers")).is_some(),
            "after a clear"
        );
    }
}
