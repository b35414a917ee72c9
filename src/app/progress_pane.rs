//! The Progress pane: mastery per guide, reviews a day, cards due ahead, the weakest topics.
//! The figures are worked out when the pane is shown (drawing reads no clock).

use super::action::Action;
use super::keymap::{Binding, Context, bind};
use super::keys::Key::*;
use super::pane::{Cx, Effect, Hint, PANE_HINTS, PaneState, hint};
use crate::stats::{Stats, compute};

pub const PROGRESS: Context = Context::keys("progress");

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(PROGRESS, &[Up, Char('k')], Action::Up, "highlight the weaker topic above"),
    bind(PROGRESS, &[Down, Char('j')], Action::Down, "highlight the topic below"),
    bind(PROGRESS, &[Enter], Action::Confirm, "practise the highlighted topic in Quiz"),
];

#[derive(Debug, Clone, Default)]
pub struct ProgressPane {
    stats: Option<Stats>,
    /// The weakest topic highlighted.
    selected: usize,
}

impl ProgressPane {
    pub fn stats(&self) -> Option<&Stats> {
        self.stats.as_ref()
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    fn weakest(&self) -> usize {
        self.stats.as_ref().map_or(0, |s| s.weakest_topics.len())
    }
}

impl PaneState for ProgressPane {
    fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        let last = self.weakest().saturating_sub(1);
        match action {
            Action::Up | Action::ScrollUp => self.selected = self.selected.saturating_sub(1),
            Action::Down | Action::ScrollDown => self.selected = (self.selected + 1).min(last),
            Action::Confirm => {
                let topic = self
                    .stats
                    .as_ref()
                    .and_then(|s| s.weakest_topics.get(self.selected))
                    .and_then(|t| t.at);
                if let Some(at) = topic {
                    return Effect::Practise(at);
                }
            }
            Action::ProgressChanged => self.enter(cx),
            _ => {}
        }
        Effect::None
    }

    fn context(&self) -> Context {
        PROGRESS
    }

    fn hints(&self) -> Vec<Hint> {
        [
            hint(Action::Down, "move", 3),
            hint(Action::Confirm, "practise topic", 1),
        ]
        .into_iter()
        .chain(PANE_HINTS)
        .collect()
    }

    fn enter(&mut self, cx: &Cx) {
        let stats = compute(cx.library, cx.progress, cx.now, cx.zone);
        self.selected = self
            .selected
            .min(stats.weakest_topics.len().saturating_sub(1));
        self.stats = Some(stats);
    }
}
