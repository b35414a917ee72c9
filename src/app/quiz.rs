//! The Quiz pane: the spaced-repetition session of cards, and the two modes it can switch to,
//! written-answer practice and a mock test. The mode holds its own state, so a mock test that
//! was never started cannot be in progress.

use super::action::Action;
use super::keymap::{Binding, Context, bind};
use super::keys::{Key::*, SPACE};
use super::mock::{MockSettings, MockTest};
use super::pane::{Cx, Effect, Hint, PANE_HINTS, PaneState, Review, hint, hint_range};
use super::write::Writing;
use crate::content::{Library, TopicRef};
use crate::quiz::{Grade, Question, ReviewDetail, Scope, Session, Source};

pub const CARDS: Context = Context::keys("quiz");

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(CARDS, &[Char('1')], Action::Choose(1), "answer 1 (card: Again)"),
    bind(CARDS, &[Char('2')], Action::Choose(2), "answer 2 (card: Hard)"),
    bind(CARDS, &[Char('3')], Action::Choose(3), "answer 3 (card: Good)"),
    bind(CARDS, &[Char('4')], Action::Choose(4), "answer 4 (card: Easy)"),
    bind(CARDS, &[Up, Char('k')], Action::Up, "highlight the option above"),
    bind(CARDS, &[Down, Char('j')], Action::Down, "highlight the option below"),
    bind(CARDS, &[Enter], Action::Confirm, "answer with the highlighted option; next question"),
    bind(CARDS, &[SPACE], Action::Flip, "reveal the card; next question"),
    bind(CARDS, &[Char('g')], Action::ChangeQuizScope, "quiz all guides, or one guide at a time"),
    bind(CARDS, &[Char('w')], Action::StartWriting, "written-answer practice"),
    bind(CARDS, &[Char('m')], Action::StartMock, "mock test (no feedback until the end)"),
];

/// Every table of the Quiz pane's bindings: the cards, written practice, the mock test.
pub const ALL_BINDINGS: [&[Binding]; 3] = [BINDINGS, super::write::BINDINGS, super::mock::BINDINGS];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Waiting for an answer (or, on a flip card, for recall).
    Asking,
    /// A flip card's points are showing; waiting for a grade.
    Revealed,
    /// A multiple-choice answer was given; feedback is showing.
    Answered { chosen: usize },
    /// A flip card was graded; the next card comes once the review is saved.
    Graded,
}

/// The session of cards and how the one on screen has been answered.
#[derive(Debug, Clone)]
pub struct Cards {
    pub question: Option<Question>,
    /// Why the question on screen was chosen (due, new, practice).
    pub source: Option<Source>,
    /// Cards in scope due when the question was drawn (drawing reads no clock).
    pub due: usize,
    pub phase: Phase,
    /// The option Up/Down/Enter act on.
    pub highlighted: usize,
    pub right: u32,
    pub answered: u32,
    /// The last flip card's grade, shown until the next answer.
    pub last_grade: Option<Grade>,
}

/// What the Quiz pane shows.
#[derive(Debug, Clone)]
pub enum QuizMode {
    Cards,
    /// Written-answer practice: never mixed with cards, so digits typed there are text.
    Writing(Writing),
    Mock(MockTest),
}

#[derive(Debug, Clone)]
pub struct QuizPane {
    settings: MockSettings,
    /// New cards a session brings in a day.
    new_cards_per_day: usize,
    scope: Scope,
    /// Made the first time the pane opens: Browse, the first screen, needs no deck.
    session: Option<Session>,
    cards: Cards,
    /// Written practice left with Esc, resumed with `w` while it fits the scope.
    draft: Option<Writing>,
    mode: QuizMode,
}

impl QuizPane {
    pub fn new(settings: MockSettings, new_cards_per_day: usize) -> Self {
        Self {
            settings,
            new_cards_per_day,
            scope: Scope::All,
            session: None,
            cards: Cards {
                question: None,
                source: None,
                due: 0,
                phase: Phase::Asking,
                highlighted: 0,
                right: 0,
                answered: 0,
                last_grade: None,
            },
            draft: None,
            mode: QuizMode::Cards,
        }
    }

    pub fn cards(&self) -> &Cards {
        &self.cards
    }

    pub fn mode(&self) -> &QuizMode {
        &self.mode
    }

    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// A short name for the quiz's scope.
    pub fn scope_name(&self, library: &Library) -> String {
        match self.scope {
            Scope::All => "all guides".to_owned(),
            Scope::Topic(at) => library
                .topic(at)
                .map_or_else(String::new, |topic| topic.title.clone()),
            Scope::Guide(g) => library
                .guide(g)
                .map_or_else(String::new, |guide| guide.title.clone()),
        }
    }

    /// A fresh session over `scope` (same seed), on its first question.
    fn start_session(&mut self, scope: Scope, cx: &Cx) {
        self.scope = scope;
        let mut session = Session::new(cx.library, scope, cx.seed).in_zone(cx.zone);
        session.new_per_day = self.new_cards_per_day;
        self.session = Some(session);
        self.cards.question = None;
        self.cards.last_grade = None;
        self.next_question(cx);
    }

    fn next_question(&mut self, cx: &Cx) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        // A card just answered Again may be due again at once; ask something else in between.
        let previous = self.cards.question.as_ref().map(|q| q.card_id.clone());
        let next = session.next(cx.library, cx.progress, cx.now, previous.as_deref());
        let cards = &mut self.cards;
        cards.question = next.as_ref().map(|(q, _)| q.clone());
        cards.source = next.map(|(_, source)| source);
        cards.due = session.due_count(cx.library, cx.progress, cx.now);
        cards.phase = Phase::Asking;
        cards.highlighted = 0;
    }

    /// Practises one topic: a session of its cards.
    pub fn practise(&mut self, at: TopicRef, cx: &Cx) {
        if let QuizMode::Writing(_) = self.mode {
            self.leave_mode();
        }
        self.start_session(Scope::Topic(at), cx);
    }

    /// Back to the cards; written practice is kept as a draft.
    fn leave_mode(&mut self) {
        if let QuizMode::Writing(writing) = std::mem::replace(&mut self.mode, QuizMode::Cards) {
            self.draft = Some(writing);
        }
    }

    /// Written practice, resuming the draft when it is on a topic in scope.
    fn start_writing(&mut self, cx: &Cx) {
        let scope = self.scope;
        let writing = match self.draft.take() {
            Some(draft) if draft.topic().is_some_and(|at| scope.includes(at)) => draft,
            _ => Writing::new(scope, cx),
        };
        self.mode = QuizMode::Writing(writing);
    }

    /// Records the answer to the question on screen.
    fn review(&self, grade: Grade, detail: ReviewDetail) -> Effect {
        match &self.cards.question {
            Some(question) => Effect::Review(Review {
                card_id: question.card_id.clone(),
                topic: question.topic,
                grade,
                detail,
            }),
            None => Effect::None,
        }
    }

    fn answer(&mut self, chosen: usize, correct: usize) -> Effect {
        let cards = &mut self.cards;
        cards.answered += 1;
        let right = chosen == correct;
        cards.right += u32::from(right);
        cards.last_grade = None;
        cards.highlighted = chosen;
        cards.phase = Phase::Answered { chosen };
        // A multiple-choice answer grades itself: wrong is Again, right is Good.
        let grade = if right { Grade::Good } else { Grade::Again };
        let detail = ReviewDetail {
            correct: Some(right),
            answer: None,
        };
        self.review(grade, detail)
    }

    fn grade(&mut self, grade: Grade) -> Effect {
        let cards = &mut self.cards;
        cards.answered += 1;
        cards.right += u32::from(grade.is_pass());
        cards.last_grade = Some(grade);
        cards.phase = Phase::Graded;
        self.review(grade, ReviewDetail::default())
    }

    /// All guides -> first guide -> second ... -> all guides, passing over guides with nothing
    /// to quiz (a glossary).
    fn next_scope(&self, library: &Library) -> Scope {
        let quizzable = |g: &usize| {
            library
                .guide(*g)
                .is_some_and(|guide| guide.topics.iter().any(|t| t.is_quizzable()))
        };
        let after = match self.scope {
            Scope::All => Some(0),
            Scope::Guide(g) => Some(g + 1),
            Scope::Topic(_) => None,
        };
        let next = after.and_then(|from| (from..library.guides.len()).find(quizzable));
        next.map_or(Scope::All, Scope::Guide)
    }

    fn update_cards(&mut self, action: Action, cx: &Cx) -> Effect {
        match action {
            Action::ChangeQuizScope => {
                self.start_session(self.next_scope(cx.library), cx);
                return Effect::None;
            }
            Action::StartWriting => {
                self.start_writing(cx);
                return Effect::None;
            }
            Action::StartMock => {
                if let Some(test) = MockTest::start(self.scope, self.settings, cx) {
                    self.mode = QuizMode::Mock(test);
                }
                return Effect::None;
            }
            Action::ProgressChanged if self.cards.phase == Phase::Graded => {
                self.next_question(cx);
                return Effect::None;
            }
            _ => {}
        }
        let Some(question) = self.cards.question.as_ref() else {
            return Effect::None;
        };
        let choice = question
            .choice()
            .map(|(options, correct)| (options.len(), correct));
        let cards = &mut self.cards;
        match (action, cards.phase, choice) {
            (Action::Choose(n), Phase::Asking | Phase::Revealed, None) => {
                return Grade::from_number(n).map_or(Effect::None, |g| self.grade(g));
            }
            (Action::Choose(n), Phase::Asking, Some((options, correct))) => {
                let chosen = usize::from(n).saturating_sub(1);
                if chosen < options {
                    return self.answer(chosen, correct);
                }
            }
            (Action::Up, Phase::Asking, Some(_)) => {
                cards.highlighted = cards.highlighted.saturating_sub(1);
            }
            (Action::Down, Phase::Asking, Some((options, _))) => {
                cards.highlighted = (cards.highlighted + 1).min(options.saturating_sub(1));
            }
            (Action::Confirm, Phase::Asking, Some((_, correct))) => {
                return self.answer(self.cards.highlighted, correct);
            }
            (Action::Confirm | Action::Flip, Phase::Asking, None) => cards.phase = Phase::Revealed,
            (Action::Confirm | Action::Flip, Phase::Answered { .. }, _) => self.next_question(cx),
            _ => {}
        }
        Effect::None
    }

    fn card_hints(&self) -> Vec<Hint> {
        let flip = self
            .cards
            .question
            .as_ref()
            .is_some_and(|q| q.choice().is_none());
        let mut hints = match (flip, self.cards.phase) {
            (_, Phase::Answered { .. }) => vec![hint(Action::Confirm, "next question", 1)],
            (true, Phase::Revealed) => vec![
                hint(Action::Choose(1), "Again", 1),
                hint(Action::Choose(2), "Hard", 1),
                hint(Action::Choose(3), "Good", 1),
                hint(Action::Choose(4), "Easy", 1),
            ],
            (true, _) => vec![
                hint(Action::Flip, "reveal", 1),
                hint(Action::Choose(1), "Again", 3),
                hint(Action::Choose(4), "Easy", 3),
            ],
            (false, _) => vec![
                hint_range(Action::Choose(1), Action::Choose(4), "answer", 1),
                hint(Action::Confirm, "answer highlighted", 5),
            ],
        };
        hints.push(hint(Action::ChangeQuizScope, "guide", 4));
        hints.push(hint(Action::StartWriting, "write", 4));
        hints.push(hint(Action::StartMock, "mock", 4));
        hints.push(PANE_HINTS[1]);
        hints
    }
}

impl PaneState for QuizPane {
    fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        match &mut self.mode {
            QuizMode::Writing(_) if action == Action::LeaveMode => {
                self.leave_mode();
                Effect::None
            }
            QuizMode::Mock(test) if test.is_over() && action == Action::LeaveMode => {
                self.mode = QuizMode::Cards;
                Effect::None
            }
            QuizMode::Writing(writing) => writing.update(action, cx),
            QuizMode::Mock(test) => test.update(action, cx),
            QuizMode::Cards => self.update_cards(action, cx),
        }
    }

    fn context(&self) -> Context {
        match &self.mode {
            QuizMode::Cards => CARDS,
            QuizMode::Writing(writing) => writing.context(),
            QuizMode::Mock(test) => test.context(),
        }
    }

    fn hints(&self) -> Vec<Hint> {
        match &self.mode {
            QuizMode::Cards => self.card_hints(),
            QuizMode::Writing(writing) => writing.hints(),
            QuizMode::Mock(test) => test.hints(),
        }
    }

    /// The first time: the deck is made and the first question drawn.
    fn enter(&mut self, cx: &Cx) {
        if self.session.is_none() {
            self.start_session(self.scope, cx);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_driver::*;
    use super::super::*;

    #[test]
    fn the_quiz_deck_is_made_when_the_quiz_opens() {
        let mut app = app();
        assert!(question(&app).is_none(), "no deck at start");
        press(&mut app, "<Tab><Tab>");
        assert!(question(&app).is_some());
    }

    #[test]
    fn a_multiple_choice_answer_gives_feedback_then_moves_on() {
        let mut app = app_at(80, 24, Pane::Quiz);
        // Skip to a multiple-choice question.
        while question(&app).is_some_and(is_flip) {
            app.update(Action::Choose(3));
        }
        let cards = || app.panes().quiz.cards().clone();
        let (before, saved) = (cards().answered, app.progress().cards.len());
        let correct = question(&app)
            .and_then(|q| q.choice())
            .map_or(0, |(_, correct)| correct);
        let choice = u8::try_from(correct + 1).unwrap_or(1);
        app.update(Action::Choose(choice));
        let after = app.panes().quiz.cards().clone();
        assert_eq!(after.phase, Phase::Answered { chosen: correct });
        assert_eq!(after.answered, before + 1);
        assert_eq!(app.progress().cards.len(), saved + 1, "the answer is saved");
        let asked = question(&app).cloned();
        app.update(Action::Choose(1));
        assert_eq!(question(&app).cloned(), asked, "a second answer is ignored");
        app.update(Action::Flip);
        assert_eq!(app.panes().quiz.cards().phase, Phase::Asking);
        assert_ne!(question(&app).cloned(), asked);
    }

    #[test]
    fn a_flip_card_can_be_graded_before_or_after_revealing() {
        let mut app = app_at(80, 24, Pane::Quiz);
        while !question(&app).is_some_and(is_flip) {
            app.update(Action::Choose(1));
            app.update(Action::Confirm);
        }
        let flip = question(&app).cloned();
        app.update(Action::Flip);
        assert_eq!(app.panes().quiz.cards().phase, Phase::Revealed);
        app.update(Action::Choose(4));
        let cards = app.panes().quiz.cards();
        assert_eq!(cards.last_grade, Some(Grade::Easy));
        assert_eq!(
            cards.phase,
            Phase::Asking,
            "the next card, once the grade is saved"
        );
        assert_ne!(question(&app).cloned(), flip);
        let id = flip.map(|q| q.card_id).unwrap_or_default();
        assert!(app.progress().cards.contains_key(&id));
    }

    #[test]
    fn the_quiz_scope_cycles_through_the_guides() {
        let mut app = app_at(80, 24, Pane::Quiz);
        // Every guide with something to quiz, in order; the glossary has nothing to ask.
        let library = app.library();
        let guides: Vec<usize> = (0..library.guides.len())
            .filter(|&g| library.guides[g].topics.iter().any(|t| t.is_quizzable()))
            .collect();
        assert!(guides.len() + 1 == library.guides.len());
        for g in guides {
            press(&mut app, "g");
            assert_eq!(app.panes().quiz.scope(), Scope::Guide(g));
            assert_eq!(question(&app).map(|q| q.topic.guide), Some(g));
        }
        press(&mut app, "g");
        assert_eq!(app.panes().quiz.scope(), Scope::All);
    }
}
