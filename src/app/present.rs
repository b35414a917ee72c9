//! Presentation mode state: one topic on a projector, its points revealed one at a time.

use super::text_area::TextArea;
use crate::content::{Guide, Section, Topic};
use crate::quiz::Question;

/// What a presentation reveals in turn, in the topic's section order: its points first, then
/// its examples.
#[derive(Debug, Default)]
pub struct Reveals<'a> {
    pub points: Vec<&'a str>,
    pub examples: Vec<&'a str>,
}

impl<'a> Reveals<'a> {
    pub fn of(guide: &'a Guide, topic: &'a Topic) -> Self {
        let mut reveals = Self::default();
        for section in topic.sections(guide) {
            if let Section::List(list) = section {
                let items = list.items.iter().map(String::as_str);
                match list.is_points() {
                    true => reveals.points.extend(items),
                    false => reveals.examples.extend(items),
                }
            }
        }
        reveals
    }

    pub fn len(&self) -> usize {
        self.points.len() + self.examples.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

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
