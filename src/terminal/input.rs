//! What the event loop waits for, on one channel: the terminal's events, read on a thread of
//! their own, and signals, each on a thread, so the loop always wakes within a tick.
//!
//! crossterm's reader never reports that the terminal went away (crossterm issue 793; a fix
//! is proposed in its pull request 1116): once the terminal hangs up, its read returns end of
//! file, or fails, and crossterm retries at once, for ever, inside `poll` and `read`, whatever
//! their timeout. A loop that called them itself would hang there, deaf to signals and holding
//! the progress lock. Here only the reader thread can hang; the loop notices that the terminal
//! is gone ([`terminal_present`]) within a tick and ends the process, reader and all.

use ratatui::crossterm::event::{self, Event};
use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryIter, channel};
use std::time::Duration;

/// Something for the event loop to act on.
#[derive(Debug)]
pub(super) enum Input {
    Event(Event),
    /// A signal asking the process to end (its number).
    End(i32),
    /// SIGTSTP from outside (`kill -TSTP`): suspend as for Ctrl-Z.
    Stop,
    /// SIGCONT: the process was stopped and has been continued.
    Continued,
    /// Reading the terminal failed: it is gone. (A crossterm with the fix reports it this way.)
    Lost,
}

/// Whether the terminal is still there. A terminal that hung up fails every request, this one
/// included, even while reads of it return end of file.
pub(super) fn terminal_present() -> bool {
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

/// The inputs' channel, and the signals it listens for while it lives.
pub(super) struct Inputs {
    sender: Sender<Input>,
    receiver: Receiver<Input>,
    /// Set once the app is ending: a further ending signal then ends the process at once,
    /// with the signal's default action, should the app fail to end by itself.
    ending: Arc<AtomicBool>,
    #[cfg(unix)]
    signals: signal_hook::iterator::Handle,
}

impl Inputs {
    /// Starts listening for signals.
    #[cfg(unix)]
    pub(super) fn listen() -> io::Result<Self> {
        use signal_hook::consts::{SIGCONT, SIGTSTP};
        let (sender, receiver) = channel();
        let ending = Arc::new(AtomicBool::new(false));
        for &number in ENDING_SIGNALS {
            signal_hook::flag::register_conditional_default(number, Arc::clone(&ending))?;
        }
        let watched = ENDING_SIGNALS.iter().copied().chain([SIGTSTP, SIGCONT]);
        let mut signals = signal_hook::iterator::Signals::new(watched)?;
        let handle = signals.handle();
        let (to_loop, first_ending) = (sender.clone(), Arc::clone(&ending));
        spawn("carestudy signals", move || {
            for number in signals.forever() {
                let input = match number {
                    SIGTSTP => Input::Stop,
                    SIGCONT => Input::Continued,
                    number => {
                        first_ending.store(true, Ordering::SeqCst);
                        Input::End(number)
                    }
                };
                if to_loop.send(input).is_err() {
                    return;
                }
            }
        })?;
        Ok(Self {
            sender,
            receiver,
            ending,
            signals: handle,
        })
    }

    #[cfg(not(unix))]
    pub(super) fn listen() -> io::Result<Self> {
        let (sender, receiver) = channel();
        Ok(Self {
            sender,
            receiver,
            ending: Arc::new(AtomicBool::new(false)),
        })
    }

    /// Starts reading the terminal's events. The reader ends when the inputs are dropped and
    /// another event comes, or with the process.
    pub(super) fn read_terminal(&self) -> io::Result<()> {
        let to_loop = self.sender.clone();
        spawn("carestudy terminal input", move || {
            loop {
                let input = match event::read() {
                    Ok(event) => Input::Event(event),
                    Err(_) => Input::Lost,
                };
                let lost = matches!(input, Input::Lost);
                if to_loop.send(input).is_err() || lost {
                    return;
                }
            }
        })
    }

    /// The next input, or `None` when `wait` passes without one.
    pub(super) fn next(&self, wait: Duration) -> Option<Input> {
        // Never disconnected: `self` holds a sender.
        self.receiver.recv_timeout(wait).ok()
    }

    /// The inputs already waiting, without waiting for more.
    pub(super) fn waiting(&self) -> TryIter<'_, Input> {
        self.receiver.try_iter()
    }
}

impl Drop for Inputs {
    fn drop(&mut self) {
        self.ending.store(true, Ordering::SeqCst);
        #[cfg(unix)]
        self.signals.close();
    }
}

/// The signals that ask a process to end, whose default action would leave the terminal raw
/// and on the alternate screen. (Not the faults that mean the process is broken, SIGSEGV and
/// the like: those cannot be handled safely, and a panic gives the terminal back instead.)
#[cfg(unix)]
const ENDING_SIGNALS: &[i32] = {
    use signal_hook::consts::*;
    &[
        SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ,
    ]
};

fn spawn(name: &str, work: impl FnOnce() + Send + 'static) -> io::Result<()> {
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(work)
        .map(drop)
}
