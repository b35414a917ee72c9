//! The only code that touches the real terminal: taking it over and giving it back
//! ([`screen`]), what arrives from it and from signals ([`input`]), the event loop, and turning
//! crossterm events into the app's keys and actions.
//!
//! Whatever ends the app (the learner quitting, a signal, the terminal going away, an error,
//! a panic) gives the terminal back; a terminal that goes away ends the app at once. Progress
//! needs no saving on the way out: every review is saved as it is made.

mod input;
mod screen;

use crate::app::keys::Key;
use crate::app::{Action, App};
use crate::ui::{self, Themes};
use input::{Input, Inputs};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::crossterm::event::{MouseButton, MouseEventKind};
use screen::FullScreen;
use std::io;
use std::time::Duration;

/// How often the loop wakes without input: a mock test's time limit runs out, and a terminal
/// that went away without a word is noticed (crossterm's reader never reports it).
const TICK: Duration = Duration::from_millis(100);

/// SIGHUP's number, the "hangup" the kernel reports when a terminal goes away.
const HANGUP: i32 = 1;

/// Why the app stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The learner quit.
    Quit,
    /// A signal asked it to end (its number).
    Signal(i32),
    /// The terminal went away (its window closed, the connection dropped): its input reached
    /// the end or failed.
    TerminalLost,
}

impl Ended {
    /// The process's exit status: 0 after quitting, and the shell's "ended by signal N",
    /// 128 + N, otherwise; a terminal that went away hung up, so it is 129 (128 + SIGHUP)
    /// whether or not the signal itself arrived.
    pub fn exit_status(self) -> u8 {
        let by_signal = |number: i32| u8::try_from(128 + number).unwrap_or(u8::MAX);
        match self {
            Ended::Quit => 0,
            Ended::Signal(number) => by_signal(number),
            Ended::TerminalLost => by_signal(HANGUP),
        }
    }

    /// Whether the terminal is gone: it went away, or it hung up (SIGHUP). Nothing more may be
    /// written to it, not even the notices that are otherwise left on standard error.
    pub fn terminal_gone(self) -> bool {
        matches!(self, Ended::TerminalLost | Ended::Signal(HANGUP))
    }
}

/// Runs the app full-screen until it ends, and gives the terminal back whatever ends it.
pub fn run(app: &mut App, themes: &Themes) -> io::Result<Ended> {
    // Signals first, so that one arriving while the terminal is being taken over still counts.
    let inputs = Inputs::listen()?;
    let mut screen = FullScreen::enter(app.mouse())?;
    let ended = inputs
        .read_terminal()
        .and_then(|()| event_loop(app, themes, &mut screen, &inputs));
    // Every failure on the way, whatever step met it, ends the app by one rule.
    ended.or_else(|error| lost_or(error, input::terminal_present()))
    // `screen` gives the terminal back as it drops, then `inputs` lets any further ending
    // signal end the process at once.
}

fn event_loop(
    app: &mut App,
    themes: &Themes,
    screen: &mut FullScreen,
    inputs: &Inputs,
) -> io::Result<Ended> {
    fit_to_terminal(app, screen)?;
    let mut stops = Stops::default();
    // Whether anything happened since the last frame that may change the screen.
    let mut draw_due = true;
    loop {
        // Written to the terminal only when the frame changed: an idle app writes nothing.
        if draw_due {
            screen.draw(|frame| ui::draw_themed(frame, app, themes))?;
        }
        // Once the first frame is up: the search index, which Browse does not need.
        app.build_index_in_background();
        if app.should_quit() {
            return Ok(Ended::Quit);
        }
        // What the first frame was drawn without (the learner's history) has loaded meanwhile.
        if app.finish_loading() {
            draw_due = true;
            continue;
        }
        let Some(first) = inputs.next(TICK) else {
            if !input::terminal_present() {
                return Ok(Ended::TerminalLost);
            }
            // Time passes with nothing typed (a mock test's time limit runs out).
            app.update(Action::Tick);
            draw_due = app.shows_time();
            continue;
        };
        draw_due = true;
        // Apply everything already waiting before drawing again, so fast typing never lags.
        for input in std::iter::once(first).chain(inputs.waiting()) {
            match input {
                Input::Event(event) if is_suspend(&event) => {
                    stops.suspend(screen)?;
                    fit_to_terminal(app, screen)?;
                }
                Input::Event(event) => handle_event(app, event),
                Input::End(number) => return Ok(Ended::Signal(number)),
                Input::Stop => {
                    stops.suspend(screen)?;
                    fit_to_terminal(app, screen)?;
                }
                Input::Continued if stops.continued_from_own_stop() => {}
                Input::Continued => {
                    // Stopped by someone else (SIGSTOP): the terminal may have been changed
                    // meanwhile, so take it again and draw everything.
                    screen.resume()?;
                    fit_to_terminal(app, screen)?;
                }
                Input::Lost => return Ok(Ended::TerminalLost),
            }
            if app.should_quit() {
                break;
            }
        }
        if !input::terminal_present() {
            return Ok(Ended::TerminalLost);
        }
    }
}

/// The app's own stops (Ctrl-Z, SIGTSTP), whose SIGCONT arrives as [`Input::Continued`] after
/// the app has already taken the terminal back on waking. Taking it a second time would turn
/// raw mode off and on again and clear the screen: a flicker, and a moment in cooked mode in
/// which typed keys echo (the race behind a flaky Ctrl-Z test under load).
#[derive(Debug, Default)]
struct Stops {
    /// Continues still to come for stops the app made itself.
    own: usize,
}

impl Stops {
    /// Gives the terminal back, stops until continued, and takes the terminal again.
    fn suspend(&mut self, screen: &mut FullScreen) -> io::Result<()> {
        screen.suspend()?;
        self.stopped();
        Ok(())
    }

    fn stopped(&mut self) {
        // Without job control the process never stops, and no SIGCONT follows.
        if cfg!(unix) {
            self.own += 1;
        }
    }

    /// Whether a SIGCONT is the one that woke the app from its own stop (already handled).
    fn continued_from_own_stop(&mut self) -> bool {
        let own = self.own > 0;
        self.own = self.own.saturating_sub(1);
        own
    }
}

/// An error while the app runs (drawing, sizing, suspending, taking the terminal again) ends
/// it as a lost terminal when the terminal is gone (the usual cause), and as the error
/// otherwise. The error itself says so (`means_terminal_gone`), or else the terminal no longer
/// being `present`: just after a hang-up the two may disagree for a moment (the kernel sends
/// SIGHUP and SIGCONT as it hangs up, and taking the terminal again on SIGCONT fails).
fn lost_or(error: io::Error, present: bool) -> io::Result<Ended> {
    if means_terminal_gone(&error) || !present {
        Ok(Ended::TerminalLost)
    } else {
        Err(error)
    }
}

/// Whether an error is what a terminal that went away gives: EIO from reads, writes and
/// requests on a hung-up terminal, ENXIO from opening `/dev/tty` once the process has no
/// terminal, ENOTTY from a request on what is no longer one, and a broken pipe.
fn means_terminal_gone(error: &io::Error) -> bool {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return true;
    }
    #[cfg(unix)]
    {
        use rustix::io::Errno;
        matches!(
            Errno::from_io_error(error),
            Some(Errno::IO | Errno::NXIO | Errno::PIPE | Errno::NOTTY)
        )
    }
    #[cfg(not(unix))]
    false
}

/// Tells the app the terminal's size: at the start, and after a suspend (the window may have
/// been resized meanwhile).
fn fit_to_terminal(app: &mut App, screen: &FullScreen) -> io::Result<()> {
    let size = screen.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    Ok(())
}

/// Ctrl-Z: in raw mode it is a key, not the terminal's stop signal, so the app stops itself.
fn is_suspend(event: &Event) -> bool {
    matches!(event, Event::Key(key)
        if key.kind != KeyEventKind::Release && to_key(*key) == Some(Key::Ctrl('z')))
}

fn handle_event(app: &mut App, event: Event) {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if let Some(key) = to_key(key) {
                app.handle_key(key);
            }
        }
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    app.update(Action::Click { column, row })
                }
                MouseEventKind::ScrollUp | MouseEventKind::ScrollDown => {
                    let down = mouse.kind == MouseEventKind::ScrollDown;
                    app.update(Action::Wheel { column, row, down });
                }
                _ => {}
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_statuses_follow_the_shell() {
        assert_eq!(Ended::Quit.exit_status(), 0);
        assert_eq!(Ended::Signal(15).exit_status(), 143);
        assert_eq!(Ended::Signal(2).exit_status(), 130);
        assert_eq!(Ended::TerminalLost.exit_status(), 129);
    }

    #[test]
    fn a_hangup_signal_means_the_terminal_is_gone_as_losing_it_does() {
        assert!(Ended::TerminalLost.terminal_gone());
        assert!(Ended::Signal(HANGUP).terminal_gone());
        assert!(
            !Ended::Signal(15).terminal_gone(),
            "SIGTERM leaves the terminal there"
        );
        assert!(!Ended::Quit.terminal_gone());
    }

    #[test]
    fn the_continue_after_an_own_stop_is_not_a_second_resume() {
        let mut stops = Stops::default();
        assert!(!stops.continued_from_own_stop(), "someone else's stop");
        stops.stopped();
        assert_eq!(stops.continued_from_own_stop(), cfg!(unix));
        assert!(!stops.continued_from_own_stop(), "only one continue each");
    }

    #[test]
    fn errors_of_a_terminal_that_went_away_end_the_app_as_a_hangup() {
        let lost = Some(Ended::TerminalLost);
        // Even while the terminal still looks present (just after a hang-up).
        let broken_pipe = io::Error::from(io::ErrorKind::BrokenPipe);
        assert_eq!(lost_or(broken_pipe, true).ok(), lost);
        #[cfg(unix)]
        {
            use rustix::io::Errno;
            for errno in [Errno::IO, Errno::NXIO, Errno::PIPE, Errno::NOTTY] {
                let error = io::Error::from_raw_os_error(errno.raw_os_error());
                assert_eq!(lost_or(error, true).ok(), lost, "{errno:?}");
            }
            // Anything else, with the terminal there, stays an error.
            let again = io::Error::from_raw_os_error(Errno::AGAIN.raw_os_error());
            assert!(lost_or(again, true).is_err());
        }
        // Any error once the terminal is gone.
        assert_eq!(lost_or(io::Error::other("anything"), false).ok(), lost);
        assert!(lost_or(io::Error::other("anything"), true).is_err());
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert!(lost_or(denied, true).is_err());
    }

    #[test]
    fn ctrl_z_is_the_suspend_key_and_nothing_else_is() {
        let key = |code, modifiers| Event::Key(KeyEvent::new(code, modifiers));
        assert!(is_suspend(&key(KeyCode::Char('z'), KeyModifiers::CONTROL)));
        assert!(!is_suspend(&key(KeyCode::Char('z'), KeyModifiers::NONE)));
        assert!(!is_suspend(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)));
    }
}
