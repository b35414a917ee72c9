//! The learner's guides, progress and store: what every pane reads through [`Cx`], and the
//! one place a review is recorded and saved.

use super::clock::Clock;
use super::pane::{Cx, Review};
use crate::content::{Library, TopicRef};
use crate::map::Party;
use crate::progress::{Access, MockTestResult, Progress, Reviewed, Store};
use crate::quiz::Scheduler;
use crate::search::IndexSlot;
use ratatui::layout::Rect;
use std::sync::Arc;

/// The learner's guides, progress and store, and what every pane reads.
#[derive(Debug)]
pub(super) struct World {
    /// Shared with the thread that builds the search index.
    pub(super) library: Arc<Library>,
    /// Every topic in display order; Browse's selection indexes this.
    pub(super) topics: Vec<TopicRef>,
    /// The relationship map's parties, from the guides.
    pub(super) parties: Vec<Party>,
    /// Built in the background once the first screen is up, or on first use (a search, a
    /// presentation's "go to").
    pub(super) index: IndexSlot,
    pub(super) seed: u64,
    pub(super) clock: Clock,
    pub(super) scheduler: Scheduler,
    /// The learner's saved progress, updated as each review is made.
    pub(super) progress: Progress,
    /// Where progress is saved: after every review, not on quit.
    pub(super) store: Store,
    /// The last save's failure, shown until a save succeeds.
    pub(super) save_error: Option<String>,
    /// Why the last undo could not be done, shown until the next review.
    pub(super) undo_error: Option<String>,
    /// The reviews made in this session, newest last, for undo.
    pub(super) reviewed: Vec<Reviewed>,
}

/// Reviews kept for undo; older ones drop off.
const UNDO_DEPTH: usize = 100;

impl World {
    pub(super) fn cx(&self, area: Rect) -> Cx<'_> {
        Cx {
            library: &self.library,
            topics: &self.topics,
            progress: &self.progress,
            parties: &self.parties,
            now: self.clock.now(),
            zone: self.clock.zone(),
            seed: self.seed,
            area,
            index: &self.index,
        }
    }

    /// Takes in the learner's history if the store was loading it while the first frame was
    /// drawn (see [`Store::open_in_background`]), waiting for it. True when it arrived now.
    pub(super) fn finish_loading(&mut self) -> bool {
        match self.store.finish_loading() {
            Some(progress) => {
                self.progress = progress;
                true
            }
            None => false,
        }
    }

    /// Records a review in the learner's progress and saves it.
    pub(super) fn record(&mut self, review: &Review) {
        let topic = self.library.stable_id(review.topic).unwrap_or_default();
        let now = self.clock.now();
        let reviewed = self.scheduler.review(
            &mut self.progress,
            &review.card_id,
            &topic,
            review.grade,
            review.detail.clone(),
            now,
        );
        let saved = self.store.record_review(&reviewed);
        self.saved(saved);
        self.undo_error = None;
        if self.reviewed.len() == UNDO_DEPTH {
            self.reviewed.remove(0);
        }
        self.reviewed.push(reviewed);
    }

    /// Takes the last review of `card_id` made here back out of the progress and the saved
    /// store, in one transaction. False (with a notice saying why) when it cannot be.
    pub(super) fn undo(&mut self, card_id: &str) -> bool {
        let Some(at) = self.reviewed.iter().rposition(|r| r.card_id == card_id) else {
            self.undo_error = Some("nothing to undo".to_owned());
            return false;
        };
        match self
            .store
            .undo_review(&mut self.progress, &self.reviewed[at])
        {
            Ok(()) => {
                self.reviewed.remove(at);
                self.undo_error = None;
                true
            }
            Err(e) => {
                self.undo_error = Some(format!("cannot undo: {e}"));
                false
            }
        }
    }

    /// Records a finished mock test in the history and saves it.
    pub(super) fn record_mock(&mut self, result: MockTestResult) {
        let saved = self.store.record_mock(&result);
        self.progress.mock_tests.push(result);
        self.saved(saved);
    }

    /// Notes how a save went: each review is saved the moment it is made, so a crash loses
    /// at most the answer being given.
    fn saved(&mut self, result: std::io::Result<()>) {
        self.save_error = result.err().map(|e| format!("progress not saved: {e}"));
    }
}

impl World {
    /// Something the learner should know about saving, in full.
    pub(super) fn notice(&self) -> Option<&str> {
        self.save_error
            .as_deref()
            .or(self.undo_error.as_deref())
            .or_else(|| self.store.message())
    }

    /// A few words for the notice line while progress is not being saved normally.
    pub(super) fn saving_problem(&self) -> Option<&'static str> {
        if self.save_error.is_some() {
            return Some("saving failed");
        }
        match self.store.access() {
            Access::ReadOnly => Some("progress read-only"),
            Access::NotSaved if self.store.path().is_some() => Some("progress not saved"),
            Access::ReadWrite | Access::NotSaved => None,
        }
    }
}
