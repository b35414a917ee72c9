//! What drawing, the terminal and tests read of the app: read-only views of its state (and the
//! two calls the terminal makes around it), kept apart from the router that changes it.

use super::{App, KeyMap, Pane, Panes, Presentation, browse, quiz};
use crate::content::{Library, TopicRef};
use crate::map::Party;
use crate::progress::{Progress, Store};

impl App {
    pub fn library(&self) -> &Library {
        &self.world.library
    }

    /// Starts building the search index on a thread of its own, so that a search does not wait
    /// for it. The terminal asks for this once the first frame is up; headless runs do not, and
    /// build it on first use.
    pub fn build_index_in_background(&self) {
        self.world.index.build_in_background(&self.world.library);
    }

    pub fn keymap(&self) -> &KeyMap {
        &self.keymap
    }

    /// Every topic in display order.
    pub fn topics(&self) -> &[TopicRef] {
        &self.world.topics
    }

    pub fn parties(&self) -> &[Party] {
        &self.world.parties
    }

    pub fn progress(&self) -> &Progress {
        &self.world.progress
    }

    pub fn panes(&self) -> &Panes {
        &self.panes
    }

    /// The tabbed pane in view (under a presentation, the one it returns to).
    pub fn pane(&self) -> Pane {
        self.pane
    }

    pub fn presentation(&self) -> Option<&Presentation> {
        self.present.as_ref()
    }

    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    /// Whether the screen changes with time alone (a timed mock test counts down): the
    /// terminal then draws after every tick, and otherwise only after input.
    pub fn shows_time(&self) -> bool {
        matches!(self.panes.quiz.mode(), quiz::QuizMode::Mock(test)
            if !test.is_over() && test.seconds_left().is_some())
    }

    /// Whether the app takes the mouse (the terminal captures it only then).
    pub fn mouse(&self) -> bool {
        self.mouse
    }

    pub fn size(&self) -> (u16, u16) {
        (self.width, self.height)
    }

    /// Browse's selected topic (none while a guide's page is selected).
    pub fn selected_topic(&self) -> Option<TopicRef> {
        match self.panes.browse.selected() {
            browse::Entry::Topic(index) => self.topics().get(index).copied(),
            browse::Entry::Guide(_) => None,
        }
    }

    /// Something the learner should know about saving (read-only, a damaged file moved aside,
    /// a failed save), in full.
    pub fn notice(&self) -> Option<&str> {
        self.world.notice()
    }

    /// What opening the learner's progress did (one sentence each), for standard error.
    pub fn progress_notices(&self) -> &[String] {
        self.world.store.notices()
    }

    /// A few words for the notice line while progress is not being saved normally.
    pub fn saving_problem(&self) -> Option<&'static str> {
        self.world.saving_problem()
    }

    /// Closes the progress store (nothing more is saved), so that a process about to exit can
    /// leave the rest of the app (the guides, the search index) to the OS rather than drop it.
    pub fn close_store(&mut self) {
        self.world.store = Store::in_memory();
    }
}
