use crate::content::TopicRef;

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

    /// Counted as recalled in the running score.
    pub fn is_pass(self) -> bool {
        matches!(self, Self::Good | Self::Easy)
    }
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
    /// Four options for multiple choice; empty for a flip card.
    pub options: Vec<String>,
    /// Index of the right option.
    pub correct: usize,
    /// For a flip card: the points to recall.
    pub answer_points: Vec<String>,
    /// Stable id of the card: `guide/topic#kind:target`.
    pub card_id: String,
}

impl Question {
    pub fn is_flip(&self) -> bool {
        self.kind == QuestionKind::FlipCard
    }

    pub fn correct_text(&self) -> &str {
        self.options.get(self.correct).map_or("", String::as_str)
    }
}
