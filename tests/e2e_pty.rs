#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end tests of the full-screen app in a real pseudo-terminal: the real binary is
//! started in an 80x24 pty, driven with key bytes, and its output is fed into a vt100 parser.
//! After it exits, `stty -a` runs on the same pty to prove cooked mode was restored.
//!
//! Every wait is a poll loop with a generous deadline, never a fixed sleep, so the tests stay
//! quick on a fast machine and still pass on a slow, busy CI runner.
//!
//! The pty tests are unix-only (they use `stty` and `kill`); the "no terminal" test runs
//! everywhere.

use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_carestudy");

#[test]
fn without_a_terminal_the_app_exits_2_with_a_one_line_hint() {
    let output = Command::new(BIN)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run carestudy");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty(), "nothing on stdout: {output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(stderr.contains("carestudy snapshot"), "{stderr:?}");
    assert!(!stderr.contains('\x1b'), "no escape codes: {stderr:?}");
}

#[cfg(unix)]
mod pty {
    use super::BIN;
    use filedescriptor::{FileDescriptor, POLLIN, poll, pollfd};
    use portable_pty::{
        Child, CommandBuilder, ExitStatus, MasterPty, PtySize, SlavePty, native_pty_system,
    };
    use std::io::{Read, Write};
    use std::num::NonZeroU16;
    use std::ops::{Deref, DerefMut};
    use std::os::fd::AsRawFd;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
    use std::thread::JoinHandle;
    use std::time::{Duration, Instant};

    const ROWS: u16 = 24;
    const COLS: u16 = 80;
    /// How long to wait for anything to appear or to happen. Generous for slow CI.
    const DEADLINE: Duration = Duration::from_secs(10);
    /// How long to wait for the child to exit once asked to.
    const EXIT_DEADLINE: Duration = Duration::from_secs(15);

    /// A pty whose output is read on a background thread into a vt100 parser.
    struct Session {
        // Kept open for the whole test: the slave end is the terminal the children share, and
        // while it is open the pty (and its settings) outlive each child.
        slave: Box<dyn SlavePty + Send>,
        /// The terminal's side: dropping it (with the writer) is closing the terminal window.
        master: Option<Box<dyn MasterPty + Send>>,
        writer: Option<Box<dyn Write + Send>>,
        /// Cleared to make the output reader stop and close its handle on the terminal.
        reading: Arc<AtomicBool>,
        reader: Option<JoinHandle<()>>,
        output: Receiver<Vec<u8>>,
        parser: vt100::Parser,
        /// Every byte the children wrote, in order.
        raw: Vec<u8>,
        /// The session's own data folder.
        data: tempfile::TempDir,
    }

    impl Session {
        fn open() -> Self {
            let pair = native_pty_system()
                .openpty(PtySize {
                    rows: ROWS,
                    cols: COLS,
                    pixel_width: 0,
                    pixel_height: 0,
                })
                .expect("open a pty");
            let writer = pair.master.take_writer().expect("pty writer");
            let (tx, output) = channel();
            let reading = Arc::new(AtomicBool::new(true));
            let reader = read_output(&*pair.master, tx, Arc::clone(&reading));
            Self {
                slave: pair.slave,
                master: Some(pair.master),
                writer: Some(writer),
                reading,
                reader: Some(reader),
                output,
                parser: vt100::Parser::new(
                    NonZeroU16::new(ROWS).unwrap(),
                    NonZeroU16::new(COLS).unwrap(),
                    0,
                ),
                raw: Vec::new(),
                data: tempfile::tempdir().expect("a data folder"),
            }
        }

        fn spawn(&self, program: &str, args: &[&str]) -> Running {
            self.spawn_with_env(program, args, &[])
        }

        fn spawn_with_env(&self, program: &str, args: &[&str], env: &[(&str, &str)]) -> Running {
            self.spawn_in(program, args, env, Tty::Controlling)
        }

        fn spawn_in(
            &self,
            program: &str,
            args: &[&str],
            env: &[(&str, &str)],
            tty: Tty,
        ) -> Running {
            let mut cmd = CommandBuilder::new(program);
            cmd.args(args);
            cmd.env("TERM", "xterm-256color");
            cmd.env_remove("NO_COLOR");
            // Never the learner's real progress, nor another test's: tests run side by side,
            // and a second copy on one folder opens it read-only, with a notice that takes the
            // first key.
            cmd.env("CARESTUDY_DATA_DIR", self.data.path());
            // Nor the learner's settings file.
            cmd.env("CARESTUDY_CONFIG", "");
            for (key, value) in env {
                cmd.env(key, value);
            }
            cmd.cwd(env!("CARGO_MANIFEST_DIR"));
            cmd.set_controlling_tty(tty == Tty::Controlling);
            let child = self.slave.spawn_command(cmd).expect("spawn in the pty");
            Running {
                child,
                reaped: false,
            }
        }

        /// Closes the terminal, as closing its window or losing the SSH connection does: the
        /// app's side of the pty is hung up and reads end of file.
        fn hang_up(&mut self) {
            // Every handle on the terminal's side must close: the output reader's too.
            self.reading.store(false, Ordering::SeqCst);
            if let Some(reader) = self.reader.take() {
                reader.join().expect("the output reader ends");
            }
            self.writer = None;
            self.master = None;
        }

        /// Feeds whatever output arrives within `wait` (and everything already queued).
        fn pump(&mut self, wait: Duration) {
            match self.output.recv_timeout(wait) {
                Ok(chunk) => self.feed(&chunk),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return,
            }
            while let Ok(chunk) = self.output.try_recv() {
                self.feed(&chunk);
            }
        }

        fn feed(&mut self, chunk: &[u8]) {
            self.parser.process(chunk);
            self.raw.extend_from_slice(chunk);
        }

        fn screen_text(&self) -> String {
            self.parser.screen().contents()
        }

        /// Polls until `done` holds for the screen, or fails the test showing the screen.
        fn wait_for(&mut self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
            let deadline = Instant::now() + DEADLINE;
            loop {
                if done(self.parser.screen()) {
                    return;
                }
                assert!(
                    Instant::now() < deadline,
                    "timed out after {DEADLINE:?} waiting for {what}; the screen shows:\n{}",
                    self.screen_text()
                );
                self.pump(Duration::from_millis(50));
            }
        }

        fn wait_for_text(&mut self, texts: &[&str]) {
            let what = format!("{texts:?}");
            self.wait_for(&what, |screen| {
                let contents = screen.contents();
                texts.iter().all(|t| contents.contains(t))
            });
        }

        fn press(&mut self, bytes: &[u8]) {
            let writer = self.writer.as_mut().expect("the terminal is open");
            writer.write_all(bytes).expect("write to the pty");
            writer.flush().expect("flush the pty");
        }

        /// Polls until the child exits, reading its output meanwhile; kills it on timeout.
        fn wait_exit(&mut self, child: &mut Running) -> ExitStatus {
            let deadline = Instant::now() + EXIT_DEADLINE;
            loop {
                if let Some(status) = child.try_wait().expect("try_wait") {
                    child.reaped = true;
                    // Collect whatever the child wrote just before it exited.
                    self.pump(Duration::from_millis(200));
                    return status;
                }
                if Instant::now() >= deadline {
                    // `Running` kills and reaps it as the panic unwinds.
                    panic!(
                        "the child did not exit within {EXIT_DEADLINE:?}; the screen shows:\n{}",
                        self.screen_text()
                    );
                }
                self.pump(Duration::from_millis(50));
            }
        }

        /// Runs `stty -a` on the same pty and returns what it printed.
        fn stty(&mut self) -> String {
            let start = self.raw.len();
            // Not as its controlling terminal: a suspended app may still hold it as its own.
            let mut child = self.spawn_in("stty", &["-a"], &[], Tty::Shared);
            let status = self.wait_exit(&mut child);
            assert!(status.success(), "stty -a failed: {status:?}");
            // stty's output may trail its exit by a moment: wait until its last line is in.
            let deadline = Instant::now() + DEADLINE;
            loop {
                let text = String::from_utf8_lossy(&self.raw[start..]).into_owned();
                if text.contains("icanon") && text.contains("opost") {
                    return text;
                }
                assert!(
                    Instant::now() < deadline,
                    "no termios flags in stty -a output: {text:?}"
                );
                self.pump(Duration::from_millis(50));
            }
        }

        fn wait_for_raw(&mut self, needle: &[u8]) {
            let deadline = Instant::now() + DEADLINE;
            while !self.raw_contains(needle) {
                assert!(
                    Instant::now() < deadline,
                    "timed out waiting for {:?} in the output",
                    String::from_utf8_lossy(needle)
                );
                self.pump(Duration::from_millis(50));
            }
        }

        fn raw_contains(&self, needle: &[u8]) -> bool {
            self.raw.windows(needle.len()).any(|w| w == needle)
        }

        /// The app's start: the Browse pane on the first guide, in the alternate screen with
        /// the mouse captured (checked here so the restore checks at the end can fail).
        fn wait_for_first_screen(&mut self) {
            self.wait_for_text(&["Browse", "Search", "Quiz", "Colleagues", "Topics"]);
            assert!(
                self.parser.screen().alternate_screen(),
                "the app should draw on the alternate screen"
            );
            assert_ne!(
                self.parser.screen().mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "the app should capture the mouse"
            );
            assert!(
                self.parser.screen().bracketed_paste(),
                "the app should turn on bracketed paste, for pasting answers"
            );
        }

        /// After the app has exited: main screen back, mouse released, cooked mode on.
        fn assert_terminal_restored(&mut self) {
            assert!(
                self.raw_contains(b"\x1b[?1049h"),
                "the app should have entered the alternate screen"
            );
            // The last of the app's output may still be on its way.
            self.wait_for_raw(b"\x1b[?1049l");
            self.wait_for("the terminal's modes to be restored", |screen| {
                !screen.alternate_screen()
                    && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
                    && !screen.bracketed_paste()
            });
            assert!(
                !self.parser.screen().alternate_screen(),
                "still on the alternate screen after exit"
            );
            assert_eq!(
                self.parser.screen().mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "mouse capture still on after exit"
            );
            assert!(
                !self.parser.screen().bracketed_paste(),
                "bracketed paste still on after exit"
            );
            let stty = self.stty();
            assert_cooked(&stty);
        }
    }

    impl Drop for Session {
        fn drop(&mut self) {
            self.reading.store(false, Ordering::SeqCst);
        }
    }

    /// Reads the children's output on a thread, into `tx`, until the terminal closes or
    /// `reading` is cleared. The thread reads a handle of its own, and polls it with a timeout
    /// rather than blocking in a read, so a test can close the terminal's side entirely.
    fn read_output(
        master: &(dyn MasterPty + Send),
        tx: Sender<Vec<u8>>,
        reading: Arc<AtomicBool>,
    ) -> JoinHandle<()> {
        let raw = master.as_raw_fd().expect("the pty's descriptor");
        let mut handle = FileDescriptor::dup(&raw).expect("a handle on the pty");
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while reading.load(Ordering::SeqCst) {
                let mut ready = [pollfd {
                    fd: handle.as_raw_fd(),
                    events: POLLIN,
                    revents: 0,
                }];
                match poll(&mut ready, Some(Duration::from_millis(20))) {
                    Ok(0) => continue,
                    Ok(_) => {}
                    Err(_) => return,
                }
                match handle.read(&mut buf) {
                    Ok(0) | Err(_) => return,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            return;
                        }
                    }
                }
            }
        })
    }

    /// Whether a child takes the pty as its controlling terminal (and so gets SIGHUP when it
    /// closes, and may be stopped and continued by it), or only uses it for its input and output.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Tty {
        Controlling,
        Shared,
    }

    /// A child started in the pty. Unless a test has seen it exit, dropping it (also while a
    /// failed assertion unwinds) kills it with SIGKILL and reaps it: no test leaves a carestudy
    /// running, whatever happens.
    struct Running {
        child: Box<dyn Child + Send + Sync>,
        reaped: bool,
    }

    impl Running {
        fn pid(&self) -> u32 {
            self.child.process_id().expect("the child's pid")
        }
    }

    impl Deref for Running {
        type Target = dyn Child + Send + Sync;
        fn deref(&self) -> &Self::Target {
            &*self.child
        }
    }

    impl DerefMut for Running {
        fn deref_mut(&mut self) -> &mut Self::Target {
            &mut *self.child
        }
    }

    impl Drop for Running {
        fn drop(&mut self) {
            if self.reaped {
                return;
            }
            if let Some(pid) = self.child.process_id() {
                let _ = std::process::Command::new("kill")
                    .args(["-KILL", &pid.to_string()])
                    .status();
            }
            let _ = self.child.wait();
        }
    }

    /// Sends `SIGname` to the child with `kill(1)`. (portable-pty's own `kill` sends SIGHUP.)
    fn send_signal(child: &Running, name: &str) {
        let pid = child.pid();
        let status = std::process::Command::new("kill")
            .args([format!("-{name}"), pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} {pid} failed");
    }

    /// The flags raw mode turns off must all be on again (`icanon`, not `-icanon`).
    fn assert_cooked(stty: &str) {
        let flags: Vec<&str> = stty
            .split(|c: char| c.is_whitespace() || c == ';')
            .filter(|w| !w.is_empty())
            .collect();
        for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
            let off = format!("-{flag}");
            assert!(
                flags.contains(&flag) && !flags.contains(&off.as_str()),
                "`{flag}` should be on after the app exits (cooked mode); stty -a says:\n{stty}"
            );
        }
    }

    #[test]
    fn a_fresh_pty_is_in_cooked_mode() {
        // Guards the guard: the restore check below is only meaningful if stty's output is
        // understood, and a fresh pty must pass it.
        let mut session = Session::open();
        let stty = session.stty();
        assert_cooked(&stty);
        // ...and the check can fail: raw-mode flags are caught.
        let raw = stty.replace(" icanon", " -icanon");
        assert!(std::panic::catch_unwind(|| assert_cooked(&raw)).is_err());
    }

    #[test]
    fn the_restore_checks_catch_an_app_that_cannot_clean_up() {
        // SIGKILL gives the app no chance to restore anything: every check must then fail.
        let mut session = Session::open();
        let mut child = session.spawn(BIN, &[]);
        session.wait_for_first_screen();
        send_signal(&child, "KILL");
        let status = session.wait_exit(&mut child);
        assert!(
            !status.success(),
            "a killed app does not succeed: {status:?}"
        );
        assert!(session.parser.screen().alternate_screen());
        assert_ne!(
            session.parser.screen().mouse_protocol_mode(),
            vt100::MouseProtocolMode::None
        );
        let stty = session.stty();
        let caught = std::panic::catch_unwind(|| assert_cooked(&stty));
        assert!(caught.is_err(), "raw mode went unnoticed:\n{stty}");
    }

    #[test]
    fn browse_search_and_quit_restore_the_terminal() {
        let started = Instant::now();
        let mut session = Session::open();
        let mut child = session.spawn(BIN, &[]);
        session.wait_for_first_screen();

        // Tab: the Search pane, with the cursor in its box.
        session.press(b"\t");
        session.wait_for_text(&["type to search", "Esc clear/leave"]);

        session.press(b"advocate");
        session.wait_for_text(&["advocate", "Advocates", "results"]);

        // Esc clears the query: the placeholder is back and the results are gone.
        session.press(b"\x1b");
        session.wait_for("the query to be cleared", |screen| {
            let text = screen.contents();
            text.contains("type to search") && !text.contains("Advocates")
        });
        // Esc again leaves the box: `q` now quits instead of typing.
        session.press(b"\x1b");
        session.wait_for_text(&["q quit"]);
        session.press(b"q");

        let status = session.wait_exit(&mut child);
        assert!(
            status.success(),
            "carestudy should exit 0 after q: {status:?}"
        );
        session.assert_terminal_restored();
        eprintln!("browse/search/quit took {:?}", started.elapsed());
    }

    /// The app wakes every tick (a mock test's time limit, a terminal that went away), but
    /// writes to the terminal only when the screen changes: idle, it sends nothing, not even
    /// the hide-cursor code ratatui's own draw repeats.
    #[test]
    fn an_idle_app_writes_nothing_to_the_terminal() {
        let mut session = Session::open();
        let mut child = session.spawn(BIN, &[]);
        session.wait_for_first_screen();
        let drawn = session.raw.len();
        // Fifteen ticks or more.
        let idle = Instant::now() + Duration::from_millis(1500);
        while Instant::now() < idle {
            session.pump(Duration::from_millis(50));
        }
        let hide_cursor = b"\x1b[?25l";
        let hidden = session.raw[drawn..]
            .windows(hide_cursor.len())
            .filter(|w| w == hide_cursor)
            .count();
        // The first frame's own code may still have been on its way.
        assert!(
            hidden <= 1,
            "{hidden} hide-cursor codes while idle: {:?}",
            String::from_utf8_lossy(&session.raw[drawn..])
        );
        // A key that changes the screen is drawn at once.
        session.press(b"j");
        session.wait_for_text(&["Topic 2 of"]);
        session.press(b"q");
        assert!(session.wait_exit(&mut child).success());
    }

    #[test]
    fn ctrl_c_quits_even_while_typing() {
        let mut session = Session::open();
        let mut child = session.spawn(BIN, &[]);
        session.wait_for_first_screen();
        session.press(b"/");
        session.wait_for_text(&["type to search"]);
        session.press(b"gdpr");
        session.wait_for_text(&["GDPR"]);
        // In raw mode Ctrl-C is a key, not a signal: the app quits cleanly.
        session.press(b"\x03");
        let status = session.wait_exit(&mut child);
        assert!(
            status.success(),
            "carestudy should exit 0 after Ctrl-C: {status:?}"
        );
        session.assert_terminal_restored();
    }

    /// Issue 4's promise: a review is saved when it is made, so killing the app right after an
    /// answer (no chance to save on quit) keeps that answer.
    #[test]
    fn sigkill_right_after_an_answer_keeps_the_answer() {
        let data = tempfile::tempdir().expect("temp dir");
        let data_dir = data.path().to_str().expect("utf-8 temp path");
        let mut session = Session::open();
        let mut child = session.spawn(BIN, &["--seed", "0", "--data-dir", data_dir]);
        session.wait_for_first_screen();
        session.press(b"\t\t");
        session.wait_for_text(&["(a new card)"]);
        // The first card depends on the guides: a flip card is graded, a question answered.
        if session.screen_text().contains("Flip card") {
            session.press(b"3");
            session.wait_for_text(&["last card: Good"]);
        } else {
            session.press(b"1");
            session.wait_for_text(&["next card"]);
        }
        send_signal(&child, "KILL");
        session.wait_exit(&mut child);
        let database = data.path().join("progress.sqlite3");
        let conn = rusqlite::Connection::open(&database)
            .expect("progress saved at the answer, not at quit");
        let reviews: i64 = conn
            .query_row("SELECT count(*) FROM review", [], |row| row.get(0))
            .expect("the review table reads");
        assert_eq!(reviews, 1);
    }

    #[test]
    fn sigterm_exits_and_restores_the_terminal() {
        let mut session = Session::open();
        let mut child = session.spawn(BIN, &[]);
        session.wait_for_first_screen();
        send_signal(&child, "TERM");
        // The app notices the signal within one tick (100 ms), restores the terminal and exits
        // by itself with the shell's "ended by signal" status, 128 + 15.
        let status = session.wait_exit(&mut child);
        assert_eq!(status.exit_code(), 143, "on SIGTERM: {status:?}");
        session.assert_terminal_restored();
    }

    #[test]
    fn sighup_exits_and_restores_the_terminal() {
        // What happens when the terminal window is closed (and what portable-pty's kill sends).
        let mut session = Session::open();
        let mut child = session.spawn(BIN, &[]);
        session.wait_for_first_screen();
        send_signal(&child, "HUP");
        let status = session.wait_exit(&mut child);
        assert_eq!(status.exit_code(), 129, "on SIGHUP (128 + 1): {status:?}");
        session.assert_terminal_restored();
    }

    #[test]
    fn sigint_and_sigquit_from_outside_restore_the_terminal() {
        // In raw mode Ctrl-C and Ctrl-\ are keys; these are the signals sent by `kill`.
        for (name, code) in [("INT", 130), ("QUIT", 131)] {
            let mut session = Session::open();
            let mut child = session.spawn(BIN, &[]);
            session.wait_for_first_screen();
            send_signal(&child, name);
            let status = session.wait_exit(&mut child);
            assert_eq!(status.exit_code(), code, "on SIG{name}: {status:?}");
            session.assert_terminal_restored();
        }
    }

    /// Starts the app on a data folder, answers the first card and waits for the answer to be
    /// on screen (so it has been saved).
    fn answer_one_question(session: &mut Session, data_dir: &str, tty: Tty) -> Running {
        let args = ["--seed", "0", "--data-dir", data_dir];
        let child = session.spawn_in(BIN, &args, &[], tty);
        session.wait_for_first_screen();
        session.press(b"\t\t");
        session.wait_for_text(&["(a new card)"]);
        // The first card depends on the guides: a flip card is graded, a question answered.
        if session.screen_text().contains("Flip card") {
            session.press(b"3");
            session.wait_for_text(&["last card: Good"]);
        } else {
            session.press(b"1");
            session.wait_for_text(&["next card"]);
        }
        child
    }

    /// The reviews saved in `data_dir`, as `carestudy stats --json` reads them: the saved
    /// progress must load, and not be read-only or locked by a process that lives on.
    fn saved_reviews(data_dir: &str) -> u64 {
        let output = std::process::Command::new(BIN)
            .args(["stats", "--json", "--data-dir", data_dir])
            .output()
            .expect("run carestudy stats");
        assert!(output.status.success(), "{output:?}");
        let stats: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("stats --json is JSON");
        stats["reviews"].as_u64().expect("a review count")
    }

    /// Issue 13.1: closing the terminal (its window, the SSH connection, the tmux session) used
    /// to leave the app spinning on end of file for ever, deaf to SIGTERM and holding the
    /// progress lock. The app is the pty's session leader here, so it gets SIGHUP as well.
    #[test]
    fn closing_the_terminal_ends_the_app_and_keeps_its_progress() {
        let data = tempfile::tempdir().expect("temp dir");
        let data_dir = data.path().to_str().expect("utf-8 temp path");
        let mut session = Session::open();
        let mut child = answer_one_question(&mut session, data_dir, Tty::Controlling);
        session.hang_up();
        let status = session.wait_exit(&mut child);
        assert_eq!(
            status.exit_code(),
            129,
            "a hangup is 128 + SIGHUP: {status:?}"
        );
        assert_eq!(saved_reviews(data_dir), 1);
    }

    /// The same when no SIGHUP comes (the pty is not the app's controlling terminal, as for a
    /// program whose shell was killed outright): end of file alone must end the app.
    #[test]
    fn end_of_input_alone_ends_the_app_and_keeps_its_progress() {
        let data = tempfile::tempdir().expect("temp dir");
        let data_dir = data.path().to_str().expect("utf-8 temp path");
        let mut session = Session::open();
        let mut child = answer_one_question(&mut session, data_dir, Tty::Shared);
        session.hang_up();
        let status = session.wait_exit(&mut child);
        assert_eq!(status.exit_code(), 129, "the terminal hung up: {status:?}");
        assert_eq!(saved_reviews(data_dir), 1);
    }

    /// As the terminal hangs up the kernel sends its session leader SIGCONT after SIGHUP; taking
    /// the terminal again on a SIGCONT that wins the race failed on the dead terminal, and the
    /// app ended with an error (exit 1, not 129). The pty is not the app's controlling terminal
    /// here, so the SIGCONT sent just after the hang-up is the only signal.
    #[test]
    fn a_continue_just_after_the_terminal_closed_still_ends_as_a_hangup() {
        let data = tempfile::tempdir().expect("temp dir");
        let data_dir = data.path().to_str().expect("utf-8 temp path");
        let mut session = Session::open();
        let mut child = answer_one_question(&mut session, data_dir, Tty::Shared);
        session.hang_up();
        send_signal(&child, "CONT");
        let status = session.wait_exit(&mut child);
        assert_eq!(status.exit_code(), 129, "the terminal hung up: {status:?}");
        assert_eq!(saved_reviews(data_dir), 1);
    }

    /// A notice (here: damaged progress set aside) is left on standard error when the app ends,
    /// but never when the terminal has gone: writing it to the dead terminal failed, and the app
    /// ended with an error (exit 1) instead of as a hangup.
    #[test]
    fn closing_the_terminal_with_a_notice_pending_still_ends_as_a_hangup() {
        let data = tempfile::tempdir().expect("temp dir");
        let data_dir = data.path().to_str().expect("utf-8 temp path");
        std::fs::write(
            data.path().join("progress.sqlite3"),
            b"not a database at all",
        )
        .expect("write a damaged progress file");
        let mut session = Session::open();
        let args = ["--data-dir", data_dir];
        let mut child = session.spawn_in(BIN, &args, &[], Tty::Controlling);
        session.wait_for_first_screen();
        session.wait_for_text(&["afresh"]);
        session.hang_up();
        let status = session.wait_exit(&mut child);
        assert_eq!(
            status.exit_code(),
            129,
            "a hangup is 128 + SIGHUP: {status:?}"
        );
    }

    /// The state letter of a process in /proc (`T` when stopped), or `None` once it is gone.
    #[cfg(target_os = "linux")]
    fn process_state(pid: u32) -> Option<char> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // The name in brackets may hold spaces: the state follows the last `)`.
        stat.rsplit_once(')')?.1.trim_start().chars().next()
    }

    #[cfg(target_os = "linux")]
    fn wait_for_state(child: &Running, wanted: char) {
        let deadline = Instant::now() + DEADLINE;
        loop {
            let state = process_state(child.pid());
            if state == Some(wanted) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the app's state stayed {state:?}, never {wanted:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Issue 15.3: Ctrl-Z suspends like vim. The app gives the terminal back (main screen,
    /// cooked mode, mouse and paste off) and stops; continued (as `fg` does), it takes the
    /// terminal again and redraws, and it still quits cleanly.
    #[cfg(target_os = "linux")]
    #[test]
    fn ctrl_z_suspends_and_continuing_redraws() {
        let mut session = Session::open();
        let mut child = session.spawn(BIN, &[]);
        session.wait_for_first_screen();
        session.press(b"j");
        session.wait_for_text(&["Manager and staff", "Topic 2 of"]);

        session.press(b"\x1a");
        wait_for_state(&child, 'T');
        session.wait_for("the main screen back", |screen| !screen.alternate_screen());
        assert_eq!(
            session.parser.screen().mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse released while suspended"
        );
        assert!(!session.parser.screen().bracketed_paste());
        assert_cooked(&session.stty());

        let continued = session.raw.len();
        send_signal(&child, "CONT");
        session.wait_for("the app back on the alternate screen", |screen| {
            screen.alternate_screen()
                && screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None
                && screen.bracketed_paste()
        });
        // The whole screen is drawn again, where it was left.
        session.wait_for_text(&["Browse", "Topics", "Topic 2 of"]);
        // A key's round trip: by its answer the app has long had the continue signal too.
        session.press(b"j");
        session.wait_for_text(&["Topic 3 of"]);
        assert_eq!(
            takeovers(&session.raw[continued..]),
            1,
            "the terminal is taken once on continuing, not again for the continue signal"
        );
        assert!(
            session.stty().contains("-icanon"),
            "raw mode again after continuing"
        );

        // SIGTSTP from outside (`kill -TSTP`) suspends the same way.
        send_signal(&child, "TSTP");
        wait_for_state(&child, 'T');
        session.wait_for("the main screen back", |screen| !screen.alternate_screen());
        let continued = session.raw.len();
        send_signal(&child, "CONT");
        session.wait_for(
            "the alternate screen again",
            vt100::Screen::alternate_screen,
        );
        session.wait_for_text(&["Topic 3 of"]);
        session.press(b"k");
        session.wait_for_text(&["Topic 2 of"]);
        assert_eq!(takeovers(&session.raw[continued..]), 1);

        session.press(b"q");
        let status = session.wait_exit(&mut child);
        assert!(status.success(), "quits after a suspend: {status:?}");
        session.assert_terminal_restored();
    }

    /// How many times `output` enters the alternate screen.
    fn takeovers(output: &[u8]) -> usize {
        let enter = b"\x1b[?1049h";
        output.windows(enter.len()).filter(|w| w == enter).count()
    }

    /// `carestudy show` in a terminal: coloured, unless NO_COLOR is set (then not one escape).
    fn show_in_a_terminal(env: &[(&str, &str)]) -> Vec<u8> {
        let args = ["show", "working-relationships/volunteers"];
        plain_command_in_a_terminal(&args, env, b"Source:")
    }

    /// What a plain command wrote to a terminal, once `last` (a piece of its last line) and the
    /// line's end have arrived.
    fn plain_command_in_a_terminal(args: &[&str], env: &[(&str, &str)], last: &[u8]) -> Vec<u8> {
        let mut session = Session::open();
        let mut child = session.spawn_with_env(BIN, args, env);
        let status = session.wait_exit(&mut child);
        assert!(status.success(), "carestudy {args:?}: {status:?}");
        session.wait_for_raw(last);
        let deadline = Instant::now() + DEADLINE;
        while !session.raw.ends_with(b"\n") {
            assert!(Instant::now() < deadline, "the last line never ended");
            session.pump(Duration::from_millis(50));
        }
        std::mem::take(&mut session.raw)
    }

    #[test]
    fn plain_commands_colour_a_terminal_unless_no_color_is_set() {
        let coloured = show_in_a_terminal(&[]);
        assert!(
            coloured.contains(&0x1b),
            "show in a terminal should be coloured"
        );
        let plain = show_in_a_terminal(&[("NO_COLOR", "1")]);
        assert!(
            !plain.contains(&0x1b),
            "NO_COLOR=1 should turn colour off: {:?}",
            String::from_utf8_lossy(&plain)
        );
    }

    /// A left click and a wheel turn as an xterm sends them with SGR mouse reporting on
    /// (1-based column and row): `ESC [ < button ; column ; row M`.
    fn mouse_bytes(button: u8, column: u16, row: u16) -> Vec<u8> {
        format!("\x1b[<{button};{};{}M", column + 1, row + 1).into_bytes()
    }

    /// The mouse through a real terminal (#15.4): the app turns SGR reporting on, a click on
    /// the Search tab shows Search, and a click on a result opens it in Browse.
    #[test]
    fn a_click_takes_a_tab_and_opens_a_result() {
        let mut session = Session::open();
        let mut child = session.spawn(BIN, &[]);
        session.wait_for_first_screen();
        assert!(
            session.raw_contains(b"\x1b[?1006h"),
            "SGR mouse reporting is on"
        );
        let tab = session
            .parser
            .screen()
            .contents()
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned();
        let column = u16::try_from(tab.find("Search").expect("a Search tab")).unwrap();
        session.press(&mouse_bytes(0, column + 1, 0));
        session.wait_for_text(&["type to search"]);
        session.press(b"advocate");
        session.wait_for_text(&["Advocates"]);
        let (row, column) = {
            let text = session.parser.screen().contents();
            let (row, line) = text
                .lines()
                .enumerate()
                .skip(3)
                .find(|(_, line)| line.contains("Advocates"))
                .expect("a result");
            (row, line.find("Advocates").unwrap_or(0))
        };
        let (row, column) = (u16::try_from(row).unwrap(), u16::try_from(column).unwrap());
        session.press(&mouse_bytes(0, column, row));
        // Browse, reading the topic: its "Topic N of M" box and the reading hints.
        session.wait_for_text(&["Topic ", "Advocates", "scroll"]);
        session.press(b"q");
        let status = session.wait_exit(&mut child);
        assert!(status.success(), "{status:?}");
        session.assert_terminal_restored();
    }

    /// Mouse off in the settings (or `--no-mouse`) leaves the mouse to the terminal entirely:
    /// capture is never turned on, so text can be selected as in any terminal (#15.4).
    #[test]
    fn mouse_off_never_captures_the_mouse() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "mouse = false\n").unwrap();
        let config = config.to_str().unwrap();
        type Run<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)]);
        let runs: [Run; 2] = [
            (&["--no-mouse"], &[]),
            (&[], &[("CARESTUDY_CONFIG", config)]),
        ];
        for (args, env) in runs {
            let mut session = Session::open();
            let mut child = session.spawn_with_env(BIN, args, env);
            session.wait_for_text(&["Browse", "Colleagues", "Topics"]);
            assert!(session.parser.screen().alternate_screen());
            assert!(
                !session.raw_contains(b"\x1b[?1000h") && !session.raw_contains(b"\x1b[?1006h"),
                "mouse capture turned on with {args:?} {env:?}"
            );
            session.press(b"q");
            let status = session.wait_exit(&mut child);
            assert!(status.success(), "{status:?}");
            assert!(!session.raw_contains(b"\x1b[?1000h"));
        }
    }

    /// Whether `text` sets a foreground or background colour (SGR 30-49, 90-107; 38;5 and 48;5
    /// start with 38 and 48).
    fn sets_a_colour(text: &[u8]) -> bool {
        let text = String::from_utf8_lossy(text);
        text.split('\u{1b}').skip(1).any(|seq| {
            let Some(params) = seq.strip_prefix('[').and_then(|s| s.split('m').next()) else {
                return false;
            };
            params.split(';').any(|p| {
                p.parse::<u8>()
                    .is_ok_and(|n| (30..=49).contains(&n) || (90..=107).contains(&n))
            })
        })
    }

    /// Themes reach plain output: `--theme mono` (or `theme = "mono"` in the settings) styles
    /// `list` and `show` without one colour, while the default theme colours them (#15.6).
    #[test]
    fn the_mono_theme_never_colours_list_or_show() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "theme = \"mono\"\n").unwrap();
        let config = config.to_str().unwrap();
        let show = ["show", "working-relationships/volunteers"];
        let first_topic = b"colleagues";
        for (args, last) in [(&["list"][..], &first_topic[..]), (&show[..], b"Source:")] {
            let coloured = plain_command_in_a_terminal(args, &[], last);
            assert!(sets_a_colour(&coloured), "{args:?} should be coloured");
            let mut mono_args = args.to_vec();
            mono_args.extend(["--theme", "mono"]);
            let mono = plain_command_in_a_terminal(&mono_args, &[], last);
            assert!(mono.contains(&0x1b), "mono still marks headings");
            assert!(
                !sets_a_colour(&mono),
                "{mono_args:?} set a colour: {:?}",
                String::from_utf8_lossy(&mono)
            );
            let from_file =
                plain_command_in_a_terminal(args, &[("CARESTUDY_CONFIG", config)], last);
            assert!(!sets_a_colour(&from_file), "the settings' theme");
        }
    }
}
