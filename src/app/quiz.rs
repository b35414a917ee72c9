//! The Quiz pane: the spaced-repetition session of cards (see [`super::cards`]), and the two
//! modes it can switch to, written-answer practice and a mock test. The mode holds its own
//! state, so a mock test that was never started cannot be in progress.

use super::action::Action;
use super::cards;
use super::keymap::{Binding, Context};
use super::mock::{MockSettings, MockTest};
use super::pane::{Cx, Effect, Hint, PANE_HINTS, PaneState, hint};
use super::write::Writing;
use crate::content::{Library, TopicRef};
use crate::quiz::Scope;

pub use super::cards::{CARDS, Cards, Phase};

/// Every table of the Quiz pane's bindings: the cards, written practice, the mock test.
pub const ALL_BINDINGS: [&[Binding]; 3] = [
    cards::BINDINGS,
    super::write::BINDINGS,
    super::mock::BINDINGS,
];

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
    scope: Scope,
    cards: Cards,
    /// Written practice left with Esc, resumed with `w` while it fits the scope.
    draft: Option<Writing>,
    mode: QuizMode,
}

impl QuizPane {
    pub fn new(settings: MockSettings, new_cards_per_day: usize) -> Self {
        Self {
            settings,
            scope: Scope::All,
            cards: Cards::new(new_cards_per_day),
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
                .map_or_else(String::new, |topic| topic.title.to_string()),
            Scope::Guide(g) => library
                .guide(g)
                .map_or_else(String::new, |guide| guide.title.to_string()),
        }
    }

    /// A fresh session over `scope` (same seed), on its first question.
    fn start_session(&mut self, scope: Scope, cx: &Cx) {
        self.scope = scope;
        self.cards.start(scope, cx);
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
                Effect::None
            }
            Action::StartWriting => {
                self.start_writing(cx);
                Effect::None
            }
            Action::StartMock => {
                if let Some(test) = MockTest::start(self.scope, self.settings, cx) {
                    self.mode = QuizMode::Mock(test);
                }
                Effect::None
            }
            action => self.cards.update(action, cx),
        }
    }

    fn card_hints(&self) -> Vec<Hint> {
        let mut hints = self.cards.hints();
        hints.push(hint(Action::ChangeQuizScope, "guide", 4));
        hints.push(hint(Action::StartWriting, "write", 4));
        hints.push(hint(Action::StartMock, "mock", 4));
        hints.push(PANE_HINTS[1]);
        hints
    }
}

impl PaneState for QuizPane {
    fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        // The cards hear of a resize, or of an answer of theirs being undone, in any mode.
        if matches!(action, Action::Resize { .. } | Action::Undone) {
            self.cards.update(action, cx);
        }
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
            QuizMode::Cards if matches!(action, Action::Resize { .. } | Action::Undone) => {
                Effect::None
            }
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
        if !self.cards.has_session() {
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
    fn a_flip_card_can_be_graded_before_or_after_revealing_then_waits_for_enter() {
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
        assert_eq!(cards.phase, Phase::Graded(Grade::Easy), "the grade shows");
        let id = flip.as_ref().map(|q| q.card_id.clone()).unwrap_or_default();
        let due = app.progress().cards.get(&id).map(|c| c.schedule.due);
        assert!(due.is_some(), "saved at once");
        assert_eq!(cards.next_review, due, "with when the card comes back");
        assert_eq!(question(&app).cloned(), flip, "still on the graded card");
        app.update(Action::Choose(1));
        assert_eq!(
            question(&app).cloned(),
            flip,
            "a grade key does nothing now"
        );
        assert_eq!(app.progress().cards[&id].reviews.len(), 1);
        app.update(Action::Confirm);
        assert_eq!(app.panes().quiz.cards().phase, Phase::Asking);
        assert_ne!(
            question(&app).cloned(),
            flip,
            "Enter goes on to the next card"
        );
    }

    #[test]
    fn a_long_flip_card_scrolls_once_revealed() {
        let mut app = app_at(80, 24, Pane::Quiz);
        // Reveal flip cards until one is too long for the screen.
        for _ in 0..200 {
            if question(&app).is_some_and(is_flip) {
                app.update(Action::Flip);
                if app.panes().quiz.cards().max_scroll > 0 {
                    break;
                }
                app.update(Action::Choose(3));
            } else {
                app.update(Action::Choose(1));
            }
            app.update(Action::Confirm);
        }
        let max = app.panes().quiz.cards().max_scroll;
        assert!(max > 0, "some card is longer than 80x24");
        press(&mut app, "j");
        assert_eq!(app.panes().quiz.cards().scroll, 1);
        press(&mut app, "<PageDown><PageDown><PageDown><PageDown>");
        assert_eq!(app.panes().quiz.cards().scroll, max, "stops at the end");
        press(&mut app, "<PageUp><PageUp><PageUp><PageUp><PageUp>");
        assert_eq!(app.panes().quiz.cards().scroll, 0);
    }

    #[test]
    fn hard_counts_as_right_in_the_score() {
        let mut app = app_at(80, 24, Pane::Quiz);
        while !question(&app).is_some_and(is_flip) {
            app.update(Action::Choose(1));
            app.update(Action::Confirm);
        }
        let before = app.panes().quiz.cards().clone();
        app.update(Action::Choose(2));
        let after = app.panes().quiz.cards();
        assert_eq!(
            (after.right, after.answered),
            (before.right + 1, before.answered + 1)
        );
    }

    #[test]
    fn undo_takes_the_answer_out_of_progress_and_asks_the_card_again() {
        let mut app = app_at(80, 24, Pane::Quiz);
        let asked = question(&app)
            .cloned()
            .unwrap_or_else(|| panic!("a question"));
        let score = |app: &App| {
            let cards = app.panes().quiz.cards();
            (cards.right, cards.answered)
        };
        let before = score(&app);
        press(&mut app, "1");
        assert!(app.progress().cards.contains_key(&asked.card_id));
        press(&mut app, "<Enter>");
        assert_ne!(question(&app), Some(&asked));
        press(&mut app, "u");
        assert_eq!(
            question(&app),
            Some(&asked),
            "the same question, asked again"
        );
        assert_eq!(app.panes().quiz.cards().phase, Phase::Asking);
        assert_eq!(score(&app), before, "and out of the score");
        assert!(
            !app.progress().cards.contains_key(&asked.card_id),
            "a first answer undone leaves the card new"
        );
        press(&mut app, "u");
        assert_eq!(question(&app), Some(&asked), "nothing more to undo");
    }

    #[test]
    fn when_nothing_is_due_and_new_cards_are_done_it_says_so_and_offers_practice() {
        let mut app = App::new(
            crate::test_support::builtin_library(),
            AppOptions {
                start: Pane::Quiz,
                new_cards_per_day: 2,
                ..AppOptions::default()
            },
        );
        for _ in 0..2 {
            // Easy on a card, or a right answer: nothing comes due again today.
            let correct = question(&app)
                .and_then(|q| q.choice())
                .map_or(4, |(_, correct)| correct + 1);
            app.update(Action::Choose(u8::try_from(correct).unwrap_or(4)));
            app.update(Action::Confirm);
        }
        let cards = app.panes().quiz.cards();
        let done = cards
            .done
            .unwrap_or_else(|| panic!("done for now: {:?}", cards.question));
        assert_eq!(done.new_per_day, 2);
        let earliest = app.progress().cards.values().map(|c| c.schedule.due).min();
        assert_eq!(done.next_due, earliest);
        assert!(question(&app).is_none());
        press(&mut app, "p");
        assert!(app.panes().quiz.cards().done.is_none());
        assert!(question(&app).is_some(), "extra practice");
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
