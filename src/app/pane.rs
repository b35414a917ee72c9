//! What every pane shares with the router: the read-only context an update gets ([`Cx`]), the
//! [`Effect`]s an update hands back for what crosses panes, and the status line's [`Hint`]s.

use super::action::Action;
use super::detail::Anchor;
use super::keymap::Context;
use crate::content::{Library, TopicRef};
use crate::map::Party;
use crate::progress::{MockTestResult, Progress, Zone};
use crate::quiz::{Grade, ReviewDetail};
use crate::search::{IndexSlot, SearchIndex};
use chrono::{DateTime, Utc};
use ratatui::layout::Rect;

/// What a pane may read while it updates: the guides, the learner's progress, the time, and
/// where on the screen it is drawn.
#[derive(Clone, Copy)]
pub struct Cx<'a> {
    pub library: &'a Library,
    /// Every topic in display order.
    pub topics: &'a [TopicRef],
    pub progress: &'a Progress,
    pub parties: &'a [Party],
    /// The time of this update (read once by the router; panes never read the clock).
    pub now: DateTime<Utc>,
    /// The zone the learner's days are counted in (new cards a day, due today).
    pub zone: Zone,
    /// The seed for anything drawn at random (question order, mock tests).
    pub seed: u64,
    /// The pane's part of the screen.
    pub area: Rect,
    pub(super) index: &'a IndexSlot,
}

impl<'a> Cx<'a> {
    /// The search index: Browse, the first screen, never needs it, so it is built after the
    /// first frame in the background, or here on first use.
    pub fn index(&self) -> &'a SearchIndex {
        self.index.get(self.library)
    }

    /// Where `at` is in the display order of topics.
    pub fn position(&self, at: TopicRef) -> Option<usize> {
        self.topics.iter().position(|&t| t == at)
    }
}

/// A review of a card for the router to record and save.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub card_id: String,
    pub topic: TopicRef,
    pub grade: Grade,
    pub detail: ReviewDetail,
}

/// What an update asks of the app beyond the pane itself.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Effect {
    #[default]
    None,
    Quit,
    /// Show another pane.
    Show(super::Pane),
    /// Open a topic in Browse to read, scrolled to and highlighting `anchor` if given.
    OpenTopic {
        at: TopicRef,
        anchor: Option<Anchor>,
    },
    /// Record and save a review; the pane then gets [`Action::ProgressChanged`].
    Review(Review),
    /// Take the last review of `card_id` back out of the saved progress; the pane then gets
    /// [`Action::Undone`] (or, if it cannot be taken back, a notice says why).
    Undo {
        card_id: String,
    },
    /// Save a finished mock test to the history, and the review of each card it asked.
    MockTest {
        result: MockTestResult,
        reviews: Vec<Review>,
    },
    /// Practise one topic in the Quiz pane.
    Practise(TopicRef),
    /// Present Browse's topic, or the map with this party highlighted.
    Present {
        map: Option<usize>,
    },
    /// Leave presentation mode, with Browse on the topic last presented.
    LeavePresentation {
        topic: usize,
        quit: bool,
    },
}

/// A key hint for the status line: the keys for `action` (and up to `to`, as in `1-4`), then
/// `label`. Hints that do not fit drop out whole, highest `rank` first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub action: Action,
    pub to: Option<Action>,
    pub label: &'static str,
    /// 1 is kept longest.
    pub rank: u8,
}

pub const fn hint(action: Action, label: &'static str, rank: u8) -> Hint {
    Hint {
        action,
        to: None,
        label,
        rank,
    }
}

/// A hint for a run of keys: `1-4 answer`.
pub const fn hint_range(action: Action, to: Action, label: &'static str, rank: u8) -> Hint {
    Hint {
        action,
        to: Some(to),
        label,
        rank,
    }
}

/// The hints every tabbed pane ends with.
pub const PANE_HINTS: [Hint; 2] = [
    hint(Action::NextPane, "panes", 4),
    hint(Action::Quit, "quit", 2),
];

/// A pane: its own state, what its keys do, and what the status line says about them.
pub trait PaneState {
    /// Applies `action`; anything that crosses panes comes back as an [`Effect`].
    fn update(&mut self, action: Action, cx: &Cx) -> Effect;
    /// The key context in force now (what the keys do).
    fn context(&self) -> Context;
    /// The status line's hints, in the order shown.
    fn hints(&self) -> Vec<Hint>;
    /// The pane comes into view (Tab, or an effect shows it).
    fn enter(&mut self, _cx: &Cx) {}
    /// The wheel turned over the screen cell at `column`, `row` of the pane. A pane of one part
    /// scrolls it as the scroll actions do; a pane of two (a list beside a text) scrolls the
    /// one under the pointer.
    fn wheel(&mut self, column: u16, row: u16, down: bool, cx: &Cx) -> Effect {
        let _ = (column, row);
        let action = if down {
            Action::ScrollDown
        } else {
            Action::ScrollUp
        };
        self.update(action, cx)
    }
}
