//! The card session of the Quiz pane, as the flashcard tools learners know behave: a question,
//! an answer or a self-grade saved at once, then the grade and when the card comes back, and
//! nothing more until Enter or Space (so no key meant for one card lands on the next). `u`
//! takes the last answer back out of the saved progress and asks the card again. When nothing is
//! due and the day's new cards are done, it says so and offers extra practice.

use super::action::Action;
use super::choice_layout::{
    CARD_FOOTER, choice_rows, flip_areas, grade_at, grade_spots, option_at,
};
use super::keymap::{Binding, Context, KeyMap, bind};
use super::keys::{Key::*, SPACE};
use super::layout;
use super::pane::{Cx, Effect, Hint, Review, hint, hint_range};
use super::text::{Role, Text, max_scroll, scrolled};
use crate::content::Library;
use crate::progress::Zone;
use crate::quiz::{
    Body, Grade, Question, ReviewDetail, Scheduler, Scope, Session, Source, interval,
};
use chrono::{DateTime, Utc};
use ratatui::layout::Position;

pub const CARDS: Context = Context::keys("quiz");

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(CARDS, &[Char('1')], Action::Choose(1), "answer 1 (card: Again)"),
    bind(CARDS, &[Char('2')], Action::Choose(2), "answer 2 (card: Hard)"),
    bind(CARDS, &[Char('3')], Action::Choose(3), "answer 3 (card: Good)"),
    bind(CARDS, &[Char('4')], Action::Choose(4), "answer 4 (card: Easy)"),
    bind(CARDS, &[Up, Char('k')], Action::Up, "highlight the option above; scroll a long card"),
    bind(CARDS, &[Down, Char('j')], Action::Down, "highlight the option below; scroll a long card"),
    bind(CARDS, &[PageUp], Action::PageUp, "scroll a long card up a page"),
    bind(CARDS, &[PageDown], Action::PageDown, "scroll a long card down a page"),
    bind(CARDS, &[Enter], Action::Confirm, "answer with the highlighted option; next card"),
    bind(CARDS, &[SPACE], Action::Flip, "reveal the card; next card"),
    bind(CARDS, &[Char('u')], Action::Undo, "undo the last answer and ask it again"),
    bind(CARDS, &[Char('p')], Action::ExtraPractice, "extra practice, when nothing is due"),
    bind(CARDS, &[Char('g')], Action::ChangeQuizScope, "quiz all guides, or one guide at a time"),
    bind(CARDS, &[Char('w')], Action::StartWriting, "written-answer practice"),
    bind(CARDS, &[Char('m')], Action::StartMock, "mock test (no feedback until the end)"),
];

/// The keys that give `grade` on a card, as the grade line names them.
fn grade_keys(grade: Grade) -> String {
    KeyMap::new(&[BINDINGS]).names_in(&[CARDS], Action::Choose(grade.number()))
}

/// Answers that `u` can take back, newest last; older ones drop off.
const UNDO_DEPTH: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Waiting for an answer (or, on a flip card, for recall).
    Asking,
    /// A flip card's lists are showing; waiting for a grade.
    Revealed,
    /// A multiple-choice answer was given; feedback shows until Enter or Space.
    Answered { chosen: usize },
    /// A flip card was graded; the grade and the next review show until Enter or Space.
    Graded(Grade),
}

/// Nothing is due and the day's new cards are done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DoneForNow {
    /// When the next card in scope falls due, if any has been reviewed.
    pub next_due: Option<DateTime<Utc>>,
    pub new_per_day: usize,
}

/// An answer that can be taken back: the question as it was asked.
#[derive(Debug, Clone)]
struct Answered {
    question: Question,
    source: Option<Source>,
    right: bool,
}

/// The card session and how the card on screen has been answered.
#[derive(Debug, Clone)]
pub struct Cards {
    /// Made the first time the pane opens: Browse, the first screen, needs no deck.
    session: Option<Session>,
    scheduler: Scheduler,
    /// New cards a session brings in a day.
    new_per_day: usize,
    /// The learner asked for extra practice once nothing was left for today.
    practising: bool,
    history: Vec<Answered>,
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
    /// When each grade (Again, Hard, Good, Easy) would bring the flip card on screen back.
    pub previews: Option<[DateTime<Utc>; 4]>,
    /// When the card just answered comes back, once the answer is saved.
    pub next_review: Option<DateTime<Utc>>,
    /// Set instead of a question when nothing is left for today.
    pub done: Option<DoneForNow>,
    /// The time of the last update and the learner's zone, for drawing times and intervals.
    pub now: DateTime<Utc>,
    pub zone: Zone,
    /// A flip card's first line shown, and how far it can scroll.
    pub scroll: usize,
    pub max_scroll: usize,
}

impl Cards {
    pub fn new(new_per_day: usize) -> Self {
        Self {
            session: None,
            scheduler: Scheduler::new(),
            new_per_day,
            practising: false,
            history: Vec::new(),
            question: None,
            source: None,
            due: 0,
            phase: Phase::Asking,
            highlighted: 0,
            right: 0,
            answered: 0,
            last_grade: None,
            previews: None,
            next_review: None,
            done: None,
            now: DateTime::<Utc>::UNIX_EPOCH,
            zone: Zone::utc(),
            scroll: 0,
            max_scroll: 0,
        }
    }

    pub fn has_session(&self) -> bool {
        self.session.is_some()
    }

    /// Whether `u` has an answer to take back.
    pub fn can_undo(&self) -> bool {
        !self.history.is_empty()
    }

    /// A fresh session over `scope` (same seed), on its first question. Practising one topic
    /// is extra practice from the start: the learner asked for it.
    pub fn start(&mut self, scope: Scope, cx: &Cx) {
        let mut session = Session::new(cx.library, scope, cx.seed).in_zone(cx.zone);
        session.new_per_day = self.new_per_day;
        self.session = Some(session);
        self.practising = matches!(scope, Scope::Topic(_));
        self.history.clear();
        self.question = None;
        self.last_grade = None;
        self.next_question(cx);
    }

    fn next_question(&mut self, cx: &Cx) {
        self.sync(cx);
        let Some(session) = self.session.as_mut() else {
            return;
        };
        // A card just answered Again may be due again at once; ask something else in between.
        let previous = self.question.as_ref().map(|q| q.card_id.clone());
        let next = session.next(cx.library, cx.progress, cx.now, previous.as_deref());
        self.due = session.due_count(cx.library, cx.progress, cx.now);
        self.done = None;
        match next {
            Some((_, Source::Practice)) if !self.practising => {
                self.question = None;
                self.source = None;
                self.done = Some(DoneForNow {
                    next_due: session.next_due(cx.library, cx.progress),
                    new_per_day: session.new_per_day,
                });
            }
            next => {
                self.question = next.as_ref().map(|(q, _)| q.clone());
                self.source = next.map(|(_, source)| source);
            }
        }
        self.ask(cx);
    }

    /// The question on screen, unanswered.
    fn ask(&mut self, cx: &Cx) {
        self.phase = Phase::Asking;
        self.highlighted = 0;
        self.next_review = None;
        self.scroll = 0;
        self.previews = self
            .question
            .as_ref()
            .filter(|q| q.choice().is_none())
            .map(|q| self.scheduler.preview(cx.progress, &q.card_id, cx.now));
        self.measure(cx);
    }

    fn sync(&mut self, cx: &Cx) {
        self.now = cx.now;
        self.zone = cx.zone;
    }

    /// How far the flip card's text can scroll in the pane's card.
    fn measure(&mut self, cx: &Cx) {
        let text = layout::card(cx.area, true).text;
        let lines = self.card_text(cx.library, text.width).len();
        self.max_scroll = max_scroll(lines, text.height.saturating_sub(CARD_FOOTER));
        self.scroll = self.scroll.min(self.max_scroll);
    }

    /// The scrolling part of a flip card: its title, and its prompt or every list under its
    /// heading. (Multiple-choice questions and the grades below are drawn as they are.)
    pub fn card_text(&self, library: &Library, width: u16) -> Text {
        let mut text = Text::new(width);
        let Some(question) = &self.question else {
            return text;
        };
        let Body::Recall { lists } = &question.body else {
            return text;
        };
        text.line(Role::Muted, "Flip card");
        text.blank();
        text.wrapped(Role::Title, &question.subject);
        if let Some(context) = &question.context {
            text.wrapped(Role::Muted, context);
        }
        text.blank();
        if matches!(self.phase, Phase::Asking) {
            text.wrapped(Role::Plain, &question.prompt);
            return text;
        }
        for list in lists {
            text.line(Role::Heading, &list.heading);
            for point in &list.points {
                text.hanging("• ", Role::Heading, point, Role::Plain);
            }
            text.blank();
        }
        let guide = library
            .guide(question.topic.guide)
            .map(|g| g.title.as_str());
        if question.context.is_none()
            && let Some(guide) = guide
        {
            text.hanging("Guide: ", Role::Muted, guide, Role::Muted);
        }
        text
    }

    /// The interval each grade would give the flip card on screen: "1m", "6m", "1d", "4d".
    pub fn intervals(&self) -> Option<[String; 4]> {
        self.previews
            .map(|dues| dues.map(|due| interval(self.now, due)))
    }

    /// What a click on screen cell (`column`, `row`) asks for: the option or the grade under
    /// it, as its key would. Found in the layout drawing uses ([`super::choice_layout`]).
    fn clicked(&self, column: u16, row: u16, cx: &Cx) -> Option<Action> {
        let text = layout::card(cx.area, true).text;
        if self.done.is_some() || !text.contains(Position::new(column, row)) {
            return None;
        }
        let question = self.question.as_ref()?;
        match &question.body {
            Body::Choice { options, .. } => {
                let rows = choice_rows(
                    &question.prompt,
                    &question.subject,
                    question.context.as_deref(),
                    options,
                    text.width,
                );
                let chosen = option_at(&rows, usize::from(row - text.y))?;
                Some(Action::Choose(u8::try_from(chosen + 1).ok()?))
            }
            Body::Recall { .. } => {
                let grades = flip_areas(text).grades;
                if !grades.contains(Position::new(column, row))
                    || !matches!(self.phase, Phase::Asking | Phase::Revealed)
                {
                    return None;
                }
                let spots = grade_spots(grade_keys, self.intervals().as_ref());
                let grade = grade_at(&spots, column - grades.x)?;
                Some(Action::Choose(grade.number()))
            }
        }
    }

    /// Records the answer to the question on screen, and keeps it for undo.
    fn review(&mut self, grade: Grade, right: bool, detail: ReviewDetail) -> Effect {
        let Some(question) = self.question.clone() else {
            return Effect::None;
        };
        self.answered += 1;
        self.right += u32::from(right);
        if self.history.len() == UNDO_DEPTH {
            self.history.remove(0);
        }
        self.history.push(Answered {
            question: question.clone(),
            source: self.source,
            right,
        });
        Effect::Review(Review {
            card_id: question.card_id,
            topic: question.topic,
            grade,
            detail,
        })
    }

    fn answer(&mut self, chosen: usize, correct: usize) -> Effect {
        let right = chosen == correct;
        self.last_grade = None;
        self.highlighted = chosen;
        self.phase = Phase::Answered { chosen };
        // A multiple-choice answer grades itself: wrong is Again, right is Good.
        let grade = if right { Grade::Good } else { Grade::Again };
        let detail = ReviewDetail {
            correct: Some(right),
            answer: None,
        };
        self.review(grade, right, detail)
    }

    fn grade(&mut self, grade: Grade, cx: &Cx) -> Effect {
        self.last_grade = Some(grade);
        self.phase = Phase::Graded(grade);
        self.measure(cx);
        self.review(grade, grade.is_pass(), ReviewDetail::default())
    }

    /// The last answer was taken out of the saved progress: ask its question again.
    fn undone(&mut self, cx: &Cx) {
        let Some(last) = self.history.pop() else {
            return;
        };
        self.sync(cx);
        self.answered = self.answered.saturating_sub(1);
        self.right = self.right.saturating_sub(u32::from(last.right));
        self.last_grade = None;
        self.done = None;
        self.question = Some(last.question);
        self.source = last.source;
        if let Some(session) = &self.session {
            self.due = session.due_count(cx.library, cx.progress, cx.now);
        }
        self.ask(cx);
    }

    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        self.sync(cx);
        // The intervals on the grade keys count from now, as time passes on an open card.
        if matches!(self.phase, Phase::Asking | Phase::Revealed) && self.previews.is_some() {
            self.previews = self
                .question
                .as_ref()
                .map(|q| self.scheduler.preview(cx.progress, &q.card_id, cx.now));
        }
        if let Some(effect) = self.session_event(action, cx) {
            return effect;
        }
        if self.done.is_some() {
            if matches!(
                action,
                Action::ExtraPractice | Action::Confirm | Action::Flip
            ) {
                self.practising = true;
                self.next_question(cx);
            }
            return Effect::None;
        }
        if let Action::Click { column, row } = action {
            return match self.clicked(column, row, cx) {
                Some(chosen) => self.update(chosen, cx),
                None => Effect::None,
            };
        }
        self.on_card(action, cx)
    }

    /// What happens whatever the card on screen: undo asked for or done, an answer saved, a
    /// resize. `None` for any other action.
    fn session_event(&mut self, action: Action, cx: &Cx) -> Option<Effect> {
        match action {
            Action::Undo => Some(
                self.history
                    .last()
                    .map_or(Effect::None, |last| Effect::Undo {
                        card_id: last.question.card_id.clone(),
                    }),
            ),
            Action::Undone => {
                self.undone(cx);
                Some(Effect::None)
            }
            Action::Resize { .. } => {
                self.measure(cx);
                Some(Effect::None)
            }
            Action::ProgressChanged => {
                // The answer is saved: say when its card comes back.
                if matches!(self.phase, Phase::Answered { .. } | Phase::Graded(_))
                    && let Some(question) = &self.question
                {
                    self.next_review = cx
                        .progress
                        .cards
                        .get(&question.card_id)
                        .map(|c| c.schedule.due);
                }
                Some(Effect::None)
            }
            _ => None,
        }
    }

    /// An action on the card on screen: answer, grade, highlight, reveal, go on, scroll.
    fn on_card(&mut self, action: Action, cx: &Cx) -> Effect {
        let Some(question) = self.question.as_ref() else {
            return Effect::None;
        };
        let choice = question
            .choice()
            .map(|(options, correct)| (options.len(), correct));
        match (action, self.phase, choice) {
            (Action::Choose(n), Phase::Asking | Phase::Revealed, None) => {
                return Grade::from_number(n).map_or(Effect::None, |g| self.grade(g, cx));
            }
            (Action::Choose(n), Phase::Asking, Some((options, correct))) => {
                let chosen = usize::from(n).saturating_sub(1);
                if chosen < options {
                    return self.answer(chosen, correct);
                }
            }
            (Action::Up, Phase::Asking, Some(_)) => {
                self.highlighted = self.highlighted.saturating_sub(1);
            }
            (Action::Down, Phase::Asking, Some((options, _))) => {
                self.highlighted = (self.highlighted + 1).min(options.saturating_sub(1));
            }
            (Action::Confirm, Phase::Asking, Some((_, correct))) => {
                return self.answer(self.highlighted, correct);
            }
            (Action::Confirm | Action::Flip, Phase::Asking, None) => {
                self.phase = Phase::Revealed;
                self.measure(cx);
            }
            (Action::Confirm | Action::Flip, Phase::Answered { .. } | Phase::Graded(_), _) => {
                self.next_question(cx);
            }
            (
                Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::ScrollUp
                | Action::ScrollDown,
                Phase::Revealed | Phase::Graded(_),
                None,
            ) => {
                let page = layout::card(cx.area, true)
                    .text
                    .height
                    .saturating_sub(CARD_FOOTER);
                self.scroll = scrolled(self.scroll, action, page, self.max_scroll);
            }
            _ => {}
        }
        Effect::None
    }

    pub fn hints(&self) -> Vec<Hint> {
        if self.done.is_some() {
            return vec![hint(Action::ExtraPractice, "extra practice", 1)];
        }
        let flip = self.question.as_ref().is_some_and(|q| q.choice().is_none());
        let mut hints = match (flip, self.phase) {
            (_, Phase::Answered { .. } | Phase::Graded(_)) => {
                vec![hint(Action::Confirm, "next card", 1)]
            }
            (true, Phase::Revealed) => vec![
                hint(Action::Choose(1), "Again", 1),
                hint(Action::Choose(2), "Hard", 1),
                hint(Action::Choose(3), "Good", 1),
                hint(Action::Choose(4), "Easy", 1),
            ],
            (true, Phase::Asking) => vec![
                hint(Action::Flip, "reveal", 1),
                hint(Action::Choose(1), "Again", 3),
                hint(Action::Choose(4), "Easy", 3),
            ],
            (false, _) => vec![
                hint_range(Action::Choose(1), Action::Choose(4), "answer", 1),
                hint(Action::Confirm, "answer highlighted", 5),
            ],
        };
        if flip && self.max_scroll > 0 && !matches!(self.phase, Phase::Asking) {
            hints.push(hint(Action::Down, "scroll", 3));
        }
        if self.can_undo() {
            hints.push(hint(Action::Undo, "undo", 2));
        }
        hints
    }
}
