use crate::content::{Library, TopicRef};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuestionKind {
    /// An example: which topic does it illustrate?
    ExampleToTopic,
    /// A point: which topic does it belong to?
    PointToTopic,
    /// A topic: which of these is one of its points?
    TopicToPoint,
    /// A topic: recall its key points, then reveal and self-grade.
    FlipCard,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 4] = [
        Self::ExampleToTopic,
        Self::PointToTopic,
        Self::TopicToPoint,
        Self::FlipCard,
    ];

    /// A short, stable name, used in card ids.
    pub fn code(self) -> &'static str {
        match self {
            Self::ExampleToTopic => "example",
            Self::PointToTopic => "point",
            Self::TopicToPoint => "topic",
            Self::FlipCard => "flip",
        }
    }
}

/// How well a flip card was recalled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    /// The grade for keys 1-4.
    pub fn from_number(n: u8) -> Option<Self> {
        match n {
            1 => Some(Self::Again),
            2 => Some(Self::Hard),
            3 => Some(Self::Good),
            4 => Some(Self::Easy),
            _ => None,
        }
    }

    /// 1 Again .. 4 Easy, as keys and the saved file number them.
    pub fn number(self) -> u8 {
        match self {
            Self::Again => 1,
            Self::Hard => 2,
            Self::Good => 3,
            Self::Easy => 4,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Again => "Again",
            Self::Hard => "Hard",
            Self::Good => "Good",
            Self::Easy => "Easy",
        }
    }

    /// Counted as recalled in the running score: anything but Again, as in FSRS and Anki, where
    /// Hard is a pass.
    pub fn is_pass(self) -> bool {
        !matches!(self, Self::Again)
    }

    pub const ALL: [Grade; 4] = [Self::Again, Self::Hard, Self::Good, Self::Easy];
}

/// What a question asks of the learner: pick one of four options, or recall and self-grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Multiple choice: exactly one of `options` is right.
    Choice {
        options: Vec<String>,
        /// Index of the right option.
        correct: usize,
    },
    /// A flip card: the topic's lists, each under its heading, to recall then reveal.
    Recall { lists: Vec<RecallList> },
}

/// One list on the back of a flip card: its heading as the guide gives it, and its points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecallList {
    pub heading: String,
    pub points: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub kind: QuestionKind,
    /// The topic the question is about (the right answer's topic).
    pub topic: TopicRef,
    /// What is asked ("Which topic does this example illustrate?").
    pub prompt: String,
    /// What the question shows: the example, the point, or the topic's title.
    pub subject: String,
    /// Shown under a subject that is a topic's title when another topic has the same title:
    /// the guide's title, so the learner knows which topic is meant.
    pub context: Option<String>,
    pub body: Body,
    /// Stable id of the card: `guide/topic#kind:target` (see [`super::card_id`]).
    pub card_id: String,
}

impl Question {
    /// The options and the right one's index, for a multiple-choice question.
    pub fn choice(&self) -> Option<(&[String], usize)> {
        match &self.body {
            Body::Choice { options, correct } => Some((options, *correct)),
            Body::Recall { .. } => None,
        }
    }

    /// The titles of the question's topic and of its guide, where the learner can revise it.
    pub fn origin<'a>(&self, library: &'a Library) -> (&'a str, &'a str) {
        let topic = library.topic(self.topic).map_or("", |t| t.title.as_str());
        let guide = library
            .guide(self.topic.guide)
            .map_or("", |g| g.title.as_str());
        (topic, guide)
    }

    /// The right option's text; empty for a flip card.
    pub fn correct_text(&self) -> &str {
        self.choice()
            .and_then(|(options, correct)| options.get(correct))
            .map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_good_and_easy_count_as_recalled_again_does_not() {
        let passes: Vec<bool> = Grade::ALL.iter().map(|g| g.is_pass()).collect();
        assert_eq!(passes, [false, true, true, true]);
    }
}
