//! Presentation mode state: one topic on a projector, its points revealed one at a time.

use super::text_area::TextArea;
use crate::quiz::Question;

/// What the presentation shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PresentView {
    #[default]
    Topic,
    /// The relationship map, full screen.
    Map,
}

/// A question for the class on the current topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassQuestion {
    pub question: Question,
    pub answer_shown: bool,
}

#[derive(Debug, Clone, Default)]
pub struct PresentState {
    pub view: PresentView,
    /// How many of the topic's points and examples are showing.
    pub revealed: usize,
    pub class_question: Option<ClassQuestion>,
    /// `g`: typing a topic's name to jump to it.
    pub jump: Option<TextArea>,
    /// Started with `carestudy present`: leaving the presentation quits.
    pub standalone: bool,
}
