//! The only code that touches the real terminal: set-up and restore, the event loop, and turning
//! crossterm events into the app's keys and actions.

use crate::app::keys::Key;
use crate::app::{Action, App};
use crate::ui::{self, Themes};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind,
};
use ratatui::crossterm::execute;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How often the loop wakes without input, to notice a termination signal.
const TICK: Duration = Duration::from_millis(100);

/// Why the app stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The learner quit.
    Quit,
    /// A termination signal arrived (its number); the terminal was restored all the same.
    Signal(i32),
}

/// Runs the app full-screen until it quits. The terminal is restored on return, on panic
/// (ratatui's hook) and on SIGTERM or SIGHUP (the loop notices and returns).
pub fn run(app: &mut App, themes: &Themes) -> io::Result<Ended> {
    let signal = Arc::new(AtomicUsize::new(0));
    register_signals(&signal)?;
    ratatui::run(|terminal| {
        let _modes = TerminalModes::enable()?;
        let size = terminal.size()?;
        app.update(Action::Resize {
            width: size.width,
            height: size.height,
        });
        loop {
            terminal.draw(|frame| ui::draw_themed(frame, app, themes))?;
            match signal.load(Ordering::Relaxed) {
                0 if app.should_quit => return Ok(Ended::Quit),
                0 => {}
                number => return Ok(Ended::Signal(i32::try_from(number).unwrap_or(i32::MAX))),
            }
            if !event::poll(TICK)? {
                // Time passes with nothing typed (a mock test's time limit runs out).
                app.update(Action::Tick);
                continue;
            }
            // Apply everything already waiting before drawing again, so fast typing never lags.
            loop {
                handle_event(app, event::read()?);
                if app.should_quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
    })
}

fn handle_event(app: &mut App, event: Event) {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if let Some(key) = to_key(key) {
                app.handle_key(key);
            }
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollUp => app.update(Action::ScrollUp),
            MouseEventKind::ScrollDown => app.update(Action::ScrollDown),
            _ => {}
        },
        Event::Resize(width, height) => app.update(Action::Resize { width, height }),
        Event::Paste(text) => app.paste(&text),
        _ => {}
    }
}

/// A crossterm key as the app's key; `None` for keys the app has no use for.
pub fn to_key(event: KeyEvent) -> Option<Key> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    Some(match event.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => Key::BackTab,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    })
}

/// Mouse capture and bracketed paste are ours to turn off: ratatui's restore does not know we
/// turned them on. Dropping the guard (also while unwinding from a panic) turns them off.
struct TerminalModes;

impl TerminalModes {
    fn enable() -> io::Result<Self> {
        execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        Ok(Self)
    }
}

impl Drop for TerminalModes {
    fn drop(&mut self) {
        // Nothing more can be done if the terminal is already gone.
        let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
    }
}

/// Records the number of a SIGTERM or SIGHUP in `signal`, for the loop to notice.
#[cfg(unix)]
fn register_signals(signal: &Arc<AtomicUsize>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    for number in [SIGTERM, SIGHUP] {
        let value = usize::try_from(number).unwrap_or(1);
        signal_hook::flag::register_usize(number, Arc::clone(signal), value)?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn register_signals(_signal: &Arc<AtomicUsize>) -> io::Result<()> {
    Ok(())
}
