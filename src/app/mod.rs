//! The app's state and the one place it changes: [`App::update`]. Keys arrive as [`Key`]s, go
//! through the [`KeyMap`] to become [`Action`]s, and `update` applies them. Nothing here draws,
//! reads the clock or touches the terminal, so the same App runs on a real terminal and headless.

pub mod action;
pub mod browse;
pub mod clock;
pub mod detail;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod present;
pub mod quiz_pane;
pub mod search_pane;
pub mod text_area;

use crate::content::{Library, TopicRef};
use crate::lookup::{Lookup, find_topic};
use crate::map::{Party, parties};
use crate::practice;
use crate::progress::{Access, Progress, Store};
use crate::quiz::{
    Grade, ReviewDetail, Scheduler, Scope, Session, class_question, mark_mock_test, mock_questions,
    written_card_id,
};
use crate::search::SearchIndex;
use crate::stats::{Stats, compute};
pub use action::Action;
use browse::{BrowseState, Focus};
pub use clock::Clock;
use detail::{Anchor, detail_lines};
use keymap::{Context, KeyMap};
use keys::Key;
use present::{ClassQuestion, PresentState, PresentView};
use quiz_pane::{MockState, Phase, QuizMode, QuizState, WriteState};
use search_pane::SearchState;
use text_area::TextArea;

/// Results beyond this many are not kept: nobody pages through more, and it bounds the work.
const MAX_HITS: usize = 500;
/// Lines of context kept above a search match when opening it.
const MATCH_CONTEXT_LINES: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Browse,
    Search,
    Quiz,
    Progress,
    Map,
}

impl Pane {
    /// Tab order.
    pub const ALL: [Pane; 5] = [
        Pane::Browse,
        Pane::Search,
        Pane::Quiz,
        Pane::Progress,
        Pane::Map,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Browse => "Browse",
            Pane::Search => "Search",
            Pane::Quiz => "Quiz",
            Pane::Progress => "Progress",
            Pane::Map => "Map",
        }
    }

    /// The name used on the command line (`--start quiz`).
    pub const fn name(self) -> &'static str {
        match self {
            Pane::Browse => "browse",
            Pane::Search => "search",
            Pane::Quiz => "quiz",
            Pane::Progress => "progress",
            Pane::Map => "map",
        }
    }

    fn index(self) -> usize {
        Pane::ALL.iter().position(|&p| p == self).unwrap_or(0)
    }
}

/// How the app starts.
#[derive(Debug, Clone, Copy)]
pub struct AppOptions {
    pub seed: u64,
    pub start: Pane,
    pub topic: Option<TopicRef>,
    pub width: u16,
    pub height: u16,
    pub clock: Clock,
    /// Questions in a mock test.
    pub mock_questions: usize,
    /// A mock test's time limit, if any.
    pub mock_minutes: Option<u32>,
    /// Start presenting the selected topic (`carestudy present`); leaving it quits.
    pub present: bool,
}

/// Questions in a mock test unless asked otherwise.
pub const MOCK_QUESTIONS: usize = 20;

impl Default for AppOptions {
    fn default() -> Self {
        Self {
            seed: 0,
            start: Pane::Browse,
            topic: None,
            width: 80,
            height: 24,
            clock: Clock::default_fixed(),
            mock_questions: MOCK_QUESTIONS,
            mock_minutes: None,
            present: false,
        }
    }
}

#[derive(Debug)]
pub struct App {
    library: Library,
    index: SearchIndex,
    /// Every topic in display order; Browse's selection indexes this.
    topics: Vec<TopicRef>,
    keymap: KeyMap,
    seed: u64,
    clock: Clock,
    mock_questions: usize,
    mock_minutes: Option<u32>,
    scheduler: Scheduler,
    /// The learner's saved progress, updated as each review is made.
    progress: Progress,
    /// Where progress is saved: after every review, not on quit.
    store: Store,
    /// The last save's failure, shown until a save succeeds.
    save_error: Option<String>,
    pub pane: Pane,
    pub help_open: bool,
    /// The saved-progress message is on screen (shown once at start; any key closes it).
    pub notice_open: bool,
    pub should_quit: bool,
    pub width: u16,
    pub height: u16,
    pub browse: BrowseState,
    pub search: SearchState,
    pub quiz: QuizState,
    /// The Progress pane's figures, computed when it is entered (drawing never reads the clock).
    pub stats: Option<Stats>,
    /// The weakest topic highlighted in the Progress pane.
    pub weak_selected: usize,
    /// The relationship map's parties, from the guides.
    parties: Vec<Party>,
    /// The party highlighted in the map.
    pub party_selected: usize,
    /// Presentation mode, when on: drawn full screen over everything.
    pub present: Option<PresentState>,
    /// Class questions asked so far, so each is drawn afresh but reproducibly.
    class_questions: u64,
}

impl App {
    /// An app that saves nothing, starting from no progress (headless runs, tests).
    pub fn new(library: Library, options: AppOptions) -> Self {
        Self::with_progress(library, options, Store::in_memory(), Progress::default())
    }

    /// An app that starts from `progress` and saves each review to `store`.
    pub fn with_progress(
        library: Library,
        options: AppOptions,
        store: Store,
        progress: Progress,
    ) -> Self {
        let notice_open = store.message().is_some();
        let party_list = parties(&library);
        let index = SearchIndex::new(&library);
        let topics: Vec<TopicRef> = library.topic_refs().collect();
        let session =
            Session::new(&library, Scope::All, options.seed).in_zone(options.clock.zone());
        let selected = options
            .topic
            .and_then(|at| topics.iter().position(|&t| t == at))
            .unwrap_or(0);
        let mut app = Self {
            library,
            index,
            topics,
            keymap: KeyMap::default(),
            seed: options.seed,
            clock: options.clock,
            mock_questions: options.mock_questions,
            mock_minutes: options.mock_minutes,
            scheduler: Scheduler::new(),
            progress,
            store,
            save_error: None,
            pane: Pane::Browse,
            help_open: false,
            notice_open,
            should_quit: false,
            width: options.width,
            height: options.height,
            browse: BrowseState {
                selected,
                focus: if options.topic.is_some() {
                    Focus::Detail
                } else {
                    Focus::List
                },
                ..BrowseState::default()
            },
            search: SearchState::default(),
            stats: None,
            weak_selected: 0,
            parties: party_list,
            party_selected: 0,
            present: options.present.then(|| PresentState {
                standalone: true,
                ..PresentState::default()
            }),
            class_questions: 0,
            quiz: QuizState {
                mode: QuizMode::Cards,
                write: None,
                mock: None,
                scope: Scope::All,
                session,
                question: None,
                source: None,
                due: 0,
                phase: Phase::Asking,
                highlighted: 0,
                right: 0,
                answered: 0,
                last_grade: None,
            },
        };
        app.enter_pane(options.start);
        app
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    pub fn keymap(&self) -> &KeyMap {
        &self.keymap
    }

    /// Every topic in display order.
    pub fn topics(&self) -> &[TopicRef] {
        &self.topics
    }

    pub fn selected_topic(&self) -> Option<TopicRef> {
        self.topics.get(self.browse.selected).copied()
    }

    /// The key-map contexts in force now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.help_open {
            return vec![Context::Help, Context::Commands, Context::Always];
        }
        self.pane_contexts()
    }

    /// The contexts of the current pane, ignoring the help overlay (what help describes).
    pub fn pane_contexts(&self) -> Vec<Context> {
        if let Some(present) = &self.present {
            return if present.jump.is_some() {
                vec![Context::PresentJump, Context::Always]
            } else {
                vec![Context::Present, Context::Commands, Context::Always]
            };
        }
        match self.pane {
            Pane::Browse => vec![Context::Browse, Context::Commands, Context::Always],
            Pane::Search if self.search.editing => vec![Context::SearchQuery, Context::Always],
            Pane::Search => vec![Context::SearchResults, Context::Commands, Context::Always],
            Pane::Quiz => match (self.quiz.mode, &self.quiz.write) {
                (QuizMode::Write, Some(write)) if write.checked.is_some() => {
                    vec![Context::WriteFeedback, Context::Commands, Context::Always]
                }
                (QuizMode::Write, _) => vec![Context::WriteAnswer, Context::Always],
                (QuizMode::Mock, _)
                    if self.quiz.mock.as_ref().is_some_and(|m| m.result.is_some()) =>
                {
                    vec![Context::MockResults, Context::Commands, Context::Always]
                }
                (QuizMode::Mock, _) => vec![Context::Mock, Context::Commands, Context::Always],
                (QuizMode::Cards, _) => vec![Context::Quiz, Context::Commands, Context::Always],
            },
            Pane::Progress => vec![Context::Progress, Context::Commands, Context::Always],
            Pane::Map => vec![Context::Map, Context::Commands, Context::Always],
        }
    }

    /// Turns a key into an action through the key map and applies it. In a text box a key
    /// without a binding types itself.
    pub fn handle_key(&mut self, key: Key) {
        if self.notice_open {
            // The start-up message only needs reading: any key closes it; Ctrl-C still quits.
            self.notice_open = false;
            if key == Key::Ctrl('c') {
                self.should_quit = true;
            }
            return;
        }
        let class_question_up = self
            .present
            .as_ref()
            .is_some_and(|p| p.class_question.is_some());
        if class_question_up && !self.help_open && key != Key::Ctrl('c') {
            // Whatever key the tutor presses next shows the answer, then puts it away.
            self.update(Action::Confirm);
            return;
        }
        let contexts = self.contexts();
        if let Some(action) = self.keymap.action(&contexts, key) {
            self.update(action);
        } else if let (Key::Char(c), true) = (
            key,
            contexts.contains(&Context::SearchQuery)
                || contexts.contains(&Context::WriteAnswer)
                || contexts.contains(&Context::PresentJump),
        ) {
            self.update(Action::Type(c));
        }
    }

    /// Pasted text goes into the text box being typed in, if any; elsewhere it is ignored, so a
    /// stray paste never fires commands.
    pub fn paste(&mut self, text: &str) {
        if self.notice_open || self.help_open {
            return;
        }
        let contexts = self.contexts();
        if contexts.contains(&Context::WriteAnswer) {
            // Windows line endings are one line break, not two.
            let text = text.replace("\r\n", "\n");
            text.chars().for_each(|c| self.update(Action::Type(c)));
        } else if contexts.contains(&Context::SearchQuery) {
            // The query is one line.
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .for_each(|c| self.update(Action::Type(c)));
        }
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.should_quit = true,
            Action::NextPane => self.cycle_pane(1),
            Action::PrevPane => self.cycle_pane(Pane::ALL.len() - 1),
            Action::ToggleHelp => self.help_open = !self.help_open,
            Action::CloseOverlay => self.help_open = false,
            Action::Tick => self.tick(),
            Action::Resize { width, height } => {
                self.width = width;
                self.height = height;
                self.browse.scroll = self.browse.scroll.min(self.max_detail_scroll());
            }
            Action::FocusQuery => {
                self.help_open = false;
                self.present = None;
                self.pane = Pane::Search;
                self.search.editing = true;
            }
            _ if self.help_open => {}
            _ if self.present.is_some() => self.update_present(action),
            Action::StartPresenting => {
                let view = if self.pane == Pane::Map {
                    PresentView::Map
                } else {
                    PresentView::Topic
                };
                self.present = Some(PresentState {
                    view,
                    ..PresentState::default()
                });
            }
            _ => match self.pane {
                Pane::Browse => self.update_browse(action),
                Pane::Search => self.update_search(action),
                Pane::Quiz => self.update_quiz(action),
                Pane::Progress => self.update_progress(action),
                Pane::Map => self.update_map(action),
            },
        }
    }

    fn cycle_pane(&mut self, step: usize) {
        let next = Pane::ALL[(self.pane.index() + step) % Pane::ALL.len()];
        self.help_open = false;
        self.enter_pane(next);
    }

    fn enter_pane(&mut self, pane: Pane) {
        self.pane = pane;
        match pane {
            // Entering Search puts the cursor in the box, so typing goes straight into the query.
            Pane::Search => self.search.editing = true,
            Pane::Quiz if self.quiz.question.is_none() => self.next_question(),
            Pane::Progress => self.refresh_stats(),
            _ => {}
        }
    }

    // ---- Browse ----

    /// The selected topic's text laid out at the current width.
    pub fn detail(&self) -> Vec<detail::DetailLine> {
        let (width, _) = layout::detail_text_size(self.width, self.height);
        match self.selected_topic() {
            Some(at) => detail_lines(&self.library, at, width, &self.written_answers(at)),
            None => Vec::new(),
        }
    }

    pub fn detail_page(&self) -> usize {
        usize::from(layout::detail_text_size(self.width, self.height).1)
    }

    fn max_detail_scroll(&self) -> usize {
        self.detail().len().saturating_sub(self.detail_page())
    }

    fn select_topic(&mut self, index: usize) {
        let last = self.topics.len().saturating_sub(1);
        let index = index.min(last);
        if index != self.browse.selected {
            self.browse.selected = index;
            self.browse.scroll = 0;
            self.browse.highlight = None;
        }
    }

    fn scroll_detail(&mut self, down: bool, lines: usize) {
        self.browse.scroll = if down {
            (self.browse.scroll + lines).min(self.max_detail_scroll())
        } else {
            self.browse.scroll.saturating_sub(lines)
        };
    }

    fn update_browse(&mut self, action: Action) {
        let reading = self.browse.focus == Focus::Detail;
        let page = self.detail_page().saturating_sub(1).max(1);
        let selected = self.browse.selected;
        match action {
            Action::Up if reading => self.scroll_detail(false, 1),
            Action::Down if reading => self.scroll_detail(true, 1),
            Action::Top if reading => self.browse.scroll = 0,
            Action::Bottom if reading => self.browse.scroll = self.max_detail_scroll(),
            Action::Up => self.select_topic(selected.saturating_sub(1)),
            Action::Down => self.select_topic(selected + 1),
            Action::Top => self.select_topic(0),
            Action::Bottom => self.select_topic(usize::MAX),
            Action::NextTopic => self.select_topic(selected + 1),
            Action::PrevTopic => self.select_topic(selected.saturating_sub(1)),
            Action::PageDown => self.scroll_detail(true, page),
            Action::PageUp => self.scroll_detail(false, page),
            // The wheel scrolls whichever side has focus.
            Action::ScrollDown if reading => self.scroll_detail(true, 3),
            Action::ScrollUp if reading => self.scroll_detail(false, 3),
            Action::ScrollDown => self.select_topic(selected + 1),
            Action::ScrollUp => self.select_topic(selected.saturating_sub(1)),
            Action::FocusDetail => self.browse.focus = Focus::Detail,
            Action::FocusList => self.browse.focus = Focus::List,
            _ => {}
        }
    }

    // ---- Search ----

    fn refresh_hits(&mut self) {
        let query = self.search.input.text();
        let results = self
            .index
            .search_limited(&query, MAX_HITS, &mut self.search.narrowing);
        self.search.hits = results.hits;
        self.search.total = results.total;
        self.search.complete = results.complete;
        self.search.selected = 0;
    }

    fn move_hit(&mut self, down: bool, by: usize) {
        let last = self.search.hits.len().saturating_sub(1);
        self.search.selected = if down {
            (self.search.selected + by).min(last)
        } else {
            self.search.selected.saturating_sub(by)
        };
    }

    fn update_search(&mut self, action: Action) {
        let page = usize::from(layout::search_result_rows(self.height) / 2).max(1);
        let input = &mut self.search.input;
        let edits = match action {
            Action::Type(c) => {
                input.insert(c);
                true
            }
            Action::Backspace => {
                input.backspace();
                true
            }
            Action::DeleteForward => {
                input.delete_forward();
                true
            }
            Action::DeleteWord => {
                input.delete_word();
                true
            }
            Action::ClearQuery => {
                input.clear();
                true
            }
            Action::SearchEscape if !input.is_empty() => {
                input.clear();
                true
            }
            _ => false,
        };
        if edits {
            self.refresh_hits();
            return;
        }
        match action {
            Action::SearchEscape => self.search.editing = false,
            Action::CursorLeft => self.search.input.left(),
            Action::CursorRight => self.search.input.right(),
            Action::CursorHome => self.search.input.home(),
            Action::CursorEnd => self.search.input.end(),
            Action::Up | Action::ScrollUp => self.move_hit(false, 1),
            Action::Down | Action::ScrollDown => self.move_hit(true, 1),
            Action::PageUp => self.move_hit(false, page),
            Action::PageDown => self.move_hit(true, page),
            Action::Top => self.search.selected = 0,
            Action::Bottom => self.move_hit(true, usize::MAX / 2),
            Action::OpenResult => self.open_selected_hit(),
            _ => {}
        }
    }

    /// Opens the selected hit's topic in Browse, scrolled so the match is in view.
    fn open_selected_hit(&mut self) {
        let Some(hit) = self.search.hits.get(self.search.selected) else {
            return;
        };
        let Some(index) = self.topics.iter().position(|&t| t == hit.topic) else {
            return;
        };
        let anchor = Anchor {
            field: hit.field.clone(),
            item: hit.item,
        };
        self.browse.selected = index;
        self.browse.focus = Focus::Detail;
        self.pane = Pane::Browse;
        let first_line = self
            .detail()
            .iter()
            .position(|line| line.anchor.as_ref() == Some(&anchor))
            .unwrap_or(0);
        self.browse.scroll = first_line
            .saturating_sub(MATCH_CONTEXT_LINES)
            .min(self.max_detail_scroll());
        self.browse.highlight = Some(anchor);
    }

    // ---- Quiz ----

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Cards in the quiz's scope that are due now.
    pub fn due_count(&self) -> usize {
        self.quiz
            .session
            .due_count(&self.library, &self.progress, self.clock.now())
    }

    fn next_question(&mut self) {
        let now = self.clock.now();
        // A card just answered Again may be due again at once; ask something else in between.
        let previous = self.quiz.question.as_ref().map(|q| q.card_id.clone());
        let next = self
            .quiz
            .session
            .next(&self.library, &self.progress, now, previous.as_deref());
        self.quiz.question = next.as_ref().map(|(q, _)| q.clone());
        self.quiz.source = next.map(|(_, source)| source);
        self.quiz.due = self.due_count();
        self.quiz.phase = Phase::Asking;
        self.quiz.highlighted = 0;
    }

    fn update_quiz(&mut self, action: Action) {
        if action == Action::StartWriting {
            self.start_writing();
            return;
        }
        if action == Action::StartMock {
            self.start_mock();
            return;
        }
        if self.quiz.mode == QuizMode::Mock {
            self.update_mock(action);
            return;
        }
        if self.quiz.mode == QuizMode::Write {
            self.update_writing(action);
            return;
        }
        let Some(question) = self.quiz.question.as_ref() else {
            if action == Action::ChangeQuizScope {
                self.change_quiz_scope();
            }
            return;
        };
        let (flip, options, correct) = match question.choice() {
            Some((options, correct)) => (false, options.len(), correct),
            None => (true, 0, 0),
        };
        match (action, self.quiz.phase) {
            (Action::ChangeQuizScope, _) => self.change_quiz_scope(),
            (Action::Choose(n), _) if flip => {
                if let Some(grade) = Grade::from_number(n) {
                    self.grade_card(grade);
                }
            }
            (Action::Choose(n), Phase::Asking) => {
                let chosen = usize::from(n).saturating_sub(1);
                if chosen < options {
                    self.answer(chosen, correct);
                }
            }
            (Action::Up, Phase::Asking) if !flip => {
                self.quiz.highlighted = self.quiz.highlighted.saturating_sub(1);
            }
            (Action::Down, Phase::Asking) if !flip => {
                self.quiz.highlighted = (self.quiz.highlighted + 1).min(options.saturating_sub(1));
            }
            (Action::Confirm, Phase::Asking) if !flip => {
                self.answer(self.quiz.highlighted, correct);
            }
            (Action::Confirm | Action::Flip, Phase::Asking) if flip => {
                self.quiz.phase = Phase::Revealed;
            }
            (Action::Confirm | Action::Flip, Phase::Answered { .. }) => self.next_question(),
            _ => {}
        }
    }

    /// Records a review of the question on screen in the learner's progress.
    fn record(&mut self, grade: Grade, detail: ReviewDetail) {
        let Some(question) = self.quiz.question.as_ref() else {
            return;
        };
        let topic = self.library.stable_id(question.topic).unwrap_or_default();
        let card_id = question.card_id.clone();
        let now = self.clock.now();
        let reviewed =
            self.scheduler
                .review(&mut self.progress, &card_id, &topic, grade, detail, now);
        let saved = self.store.record_review(&reviewed);
        self.saved(saved);
    }

    /// Notes how a save went: each review is saved the moment it is made, so a crash loses
    /// at most the answer being given.
    fn saved(&mut self, result: std::io::Result<()>) {
        self.save_error = result.err().map(|e| format!("progress not saved: {e}"));
    }

    /// Something the learner should know about saving (read-only, a damaged file moved aside,
    /// a failed save), in full.
    pub fn notice(&self) -> Option<&str> {
        self.save_error.as_deref().or_else(|| self.store.message())
    }

    /// A few words for the status line while progress is not being saved normally.
    pub fn saving_problem(&self) -> Option<&'static str> {
        if self.save_error.is_some() {
            return Some("saving failed");
        }
        match self.store.access() {
            Access::ReadOnly => Some("progress read-only"),
            Access::NotSaved if self.store.path().is_some() => Some("progress not saved"),
            Access::ReadWrite | Access::NotSaved => None,
        }
    }

    fn answer(&mut self, chosen: usize, correct: usize) {
        self.quiz.answered += 1;
        let right = chosen == correct;
        if right {
            self.quiz.right += 1;
        }
        // A multiple-choice answer grades itself: wrong is Again, right is Good.
        let grade = if right { Grade::Good } else { Grade::Again };
        let detail = ReviewDetail {
            correct: Some(right),
            answer: None,
        };
        self.record(grade, detail);
        self.quiz.last_grade = None;
        self.quiz.highlighted = chosen;
        self.quiz.phase = Phase::Answered { chosen };
    }

    fn grade_card(&mut self, grade: Grade) {
        self.quiz.answered += 1;
        if grade.is_pass() {
            self.quiz.right += 1;
        }
        self.record(grade, ReviewDetail::default());
        self.quiz.last_grade = Some(grade);
        self.next_question();
    }

    /// All guides -> first guide -> second ... -> all guides, passing over guides with nothing
    /// to quiz (a glossary). A fresh deck for each, same seed.
    fn change_quiz_scope(&mut self) {
        let quizzable = |g: &usize| {
            self.library
                .guide(*g)
                .is_some_and(|guide| guide.topics.iter().any(|t| t.is_quizzable()))
        };
        let after = match self.quiz.scope {
            Scope::All => Some(0),
            Scope::Guide(g) => Some(g + 1),
            Scope::Topic(_) => None,
        };
        let next = after.and_then(|from| (from..self.library.guides.len()).find(quizzable));
        self.quiz.scope = next.map_or(Scope::All, Scope::Guide);
        self.quiz.session =
            Session::new(&self.library, self.quiz.scope, self.seed).in_zone(self.clock.zone());
        self.quiz.question = None;
        self.quiz.last_grade = None;
        self.next_question();
    }

    // ---- Written answers ----

    /// Switches to written practice, resuming a draft if there is one for this scope.
    fn start_writing(&mut self) {
        let scope = self.quiz.scope;
        let resumable = self
            .quiz
            .write
            .as_ref()
            .is_some_and(|w| w.topic().is_some_and(|at| scope.includes(at)));
        if !resumable {
            let in_scope: Vec<TopicRef> = self
                .topics
                .iter()
                .copied()
                .filter(|&at| scope.includes(at))
                .collect();
            let topics = practice::writing_order(&self.library, &in_scope, self.seed);
            self.quiz.write = Some(WriteState {
                topics,
                index: 0,
                answer: TextArea::default(),
                checked: None,
            });
        }
        self.quiz.mode = QuizMode::Write;
    }

    fn update_writing(&mut self, action: Action) {
        if action == Action::LeaveMode {
            self.quiz.mode = QuizMode::Cards;
            return;
        }
        let Some(write) = self.quiz.write.as_mut() else {
            return;
        };
        if write.checked.is_some() {
            if let Action::Choose(n) = action
                && let Some(grade) = Grade::from_number(n)
            {
                self.grade_written_answer(grade);
            }
            return;
        }
        let answer = &mut write.answer;
        match action {
            Action::Type(c) => answer.insert(c),
            Action::Newline => answer.insert('\n'),
            Action::Backspace => answer.backspace(),
            Action::DeleteForward => answer.delete_forward(),
            Action::DeleteWord => answer.delete_word(),
            Action::CursorLeft => answer.left(),
            Action::CursorRight => answer.right(),
            Action::Up => answer.up(),
            Action::Down => answer.down(),
            Action::CursorHome => answer.home(),
            Action::CursorEnd => answer.end(),
            Action::Submit if !answer.is_blank() => {
                let text = answer.text();
                let points: Vec<&str> = write
                    .topic()
                    .and_then(|at| self.library.topic(at))
                    .map(|topic| topic.answer_points())
                    .unwrap_or_default();
                write.checked = Some(practice::assess(&text, &points));
            }
            _ => {}
        }
    }

    /// Saves the written answer with the learner's grade and moves to the next topic.
    fn grade_written_answer(&mut self, grade: Grade) {
        let Some(write) = self.quiz.write.as_mut() else {
            return;
        };
        let Some(at) = write.topic() else {
            return;
        };
        let answer = write.answer.text();
        write.index = (write.index + 1) % write.topics.len().max(1);
        write.answer.clear();
        write.checked = None;
        let topic = self.library.stable_id(at).unwrap_or_default();
        let card_id = written_card_id(&topic);
        let detail = ReviewDetail {
            correct: None,
            answer: Some(answer),
        };
        let now = self.clock.now();
        let reviewed =
            self.scheduler
                .review(&mut self.progress, &card_id, &topic, grade, detail, now);
        let saved = self.store.record_review(&reviewed);
        self.saved(saved);
    }

    /// Every written answer saved for a topic, oldest first.
    pub fn written_answers(&self, at: TopicRef) -> Vec<(chrono::DateTime<chrono::Utc>, &str)> {
        let Some(topic) = self.library.stable_id(at) else {
            return Vec::new();
        };
        let Some(card) = self.progress.cards.get(&written_card_id(&topic)) else {
            return Vec::new();
        };
        card.reviews
            .iter()
            .filter_map(|r| Some((r.at, r.answer.as_deref()?)))
            .collect()
    }

    // ---- Mock test ----

    /// Starts a mock test of multiple-choice questions across the quiz's scope. Each test
    /// draws a fresh set (the seed moves on with every test taken), still reproducible.
    fn start_mock(&mut self) {
        let seed = self
            .seed
            .wrapping_add(self.progress.mock_tests.len() as u64 + 1);
        let questions = mock_questions(&self.library, self.quiz.scope, seed, self.mock_questions);
        if questions.is_empty() {
            return;
        }
        let now = self.clock.now();
        self.quiz.mock = Some(MockState {
            answers: vec![None; questions.len()],
            questions,
            index: 0,
            highlighted: 0,
            deadline: self
                .mock_minutes
                .map(|minutes| now + chrono::Duration::minutes(i64::from(minutes))),
            now,
            result: None,
            scroll: 0,
        });
        self.quiz.mode = QuizMode::Mock;
    }

    fn tick(&mut self) {
        if self.quiz.mode == QuizMode::Mock {
            self.update_mock(Action::Tick);
        }
    }

    fn update_mock(&mut self, action: Action) {
        let now = self.clock.now();
        let Some(mock) = self.quiz.mock.as_mut() else {
            self.quiz.mode = QuizMode::Cards;
            return;
        };
        mock.now = now;
        if mock.result.is_some() {
            match action {
                Action::LeaveMode => {
                    self.quiz.mode = QuizMode::Cards;
                    self.quiz.mock = None;
                }
                Action::Up | Action::ScrollUp => mock.scroll = mock.scroll.saturating_sub(1),
                Action::Down | Action::ScrollDown => mock.scroll += 1,
                _ => {}
            }
            return;
        }
        if mock.deadline.is_some_and(|deadline| now >= deadline) {
            self.finish_mock();
            return;
        }
        let last = mock.questions.len().saturating_sub(1);
        let options = mock
            .questions
            .get(mock.index)
            .and_then(|q| q.choice())
            .map_or(0, |(options, _)| options.len());
        let choose = |mock: &mut MockState, chosen: usize| -> bool {
            if chosen >= options {
                return false;
            }
            mock.answers[mock.index] = Some(chosen);
            if mock.index == last {
                return true;
            }
            mock.index += 1;
            mock.highlighted = mock.answers[mock.index].unwrap_or(0);
            false
        };
        let finished = match action {
            Action::Choose(n) => choose(mock, usize::from(n).saturating_sub(1)),
            Action::Confirm => {
                let highlighted = mock.highlighted;
                choose(mock, highlighted)
            }
            Action::Up => {
                mock.highlighted = mock.highlighted.saturating_sub(1);
                false
            }
            Action::Down => {
                mock.highlighted = (mock.highlighted + 1).min(options.saturating_sub(1));
                false
            }
            Action::NextQuestion | Action::PrevQuestion => {
                mock.index = if action == Action::NextQuestion {
                    (mock.index + 1).min(last)
                } else {
                    mock.index.saturating_sub(1)
                };
                mock.highlighted = mock.answers[mock.index].unwrap_or(0);
                false
            }
            Action::FinishMock => true,
            _ => false,
        };
        if finished {
            self.finish_mock();
        }
    }

    /// Marks the test, saves the result to the history and shows it.
    fn finish_mock(&mut self) {
        let Some(mock) = self.quiz.mock.as_mut() else {
            return;
        };
        let result = mark_mock_test(
            &self.library,
            &mock.questions,
            &mock.answers,
            mock.now,
            self.mock_minutes,
        );
        mock.result = Some(result.clone());
        mock.scroll = 0;
        let saved = self.store.record_mock(&result);
        self.progress.mock_tests.push(result);
        self.saved(saved);
    }

    // ---- Presentation ----

    /// How many points and examples the presented topic reveals in turn.
    pub fn present_items(&self) -> usize {
        let at = self.selected_topic();
        let guide = at.and_then(|at| self.library.guide(at.guide));
        let topic = at.and_then(|at| self.library.topic(at));
        guide
            .zip(topic)
            .map_or(0, |(guide, topic)| present::Reveals::of(guide, topic).len())
    }

    fn update_present(&mut self, action: Action) {
        let items = self.present_items();
        let selected = self.browse.selected;
        let Some(present) = self.present.as_mut() else {
            return;
        };
        if let Some(jump) = present.jump.as_mut() {
            match action {
                Action::Type(c) => jump.insert(c),
                Action::Backspace => jump.backspace(),
                Action::LeaveMode => present.jump = None,
                Action::OpenResult => {
                    let name = jump.text();
                    present.jump = None;
                    self.jump_to(&name);
                }
                _ => {}
            }
            return;
        }
        if let Some(question) = present.class_question.as_mut() {
            // The next key shows the answer; the one after puts the question away.
            match action {
                Action::Quit | Action::NextPane | Action::PrevPane | Action::Resize { .. } => {}
                _ if !question.answer_shown => {
                    question.answer_shown = true;
                    return;
                }
                _ => {
                    present.class_question = None;
                    return;
                }
            }
        }
        if present.view == PresentView::Map {
            match action {
                Action::ToggleMap => present.view = PresentView::Topic,
                Action::LeaveMode => self.leave_presentation(),
                Action::Confirm => {
                    let topic = self.parties.get(self.party_selected).map(|p| p.topic);
                    if let Some(index) =
                        topic.and_then(|at| self.topics.iter().position(|&t| t == at))
                    {
                        self.select_topic(index);
                        if let Some(present) = self.present.as_mut() {
                            present.view = PresentView::Topic;
                            present.revealed = 0;
                        }
                    }
                }
                other => self.update_map(other),
            }
            return;
        }
        match action {
            Action::RevealNext => present.revealed = (present.revealed + 1).min(items),
            Action::RevealBack => present.revealed = present.revealed.saturating_sub(1),
            Action::RevealAll => present.revealed = items,
            Action::ToggleMap => {
                present.view = PresentView::Map;
                // Start the map on the party being presented, if it is one.
                let current = self.topics.get(selected).copied();
                if let Some(i) = self.parties.iter().position(|p| Some(p.topic) == current) {
                    self.party_selected = i;
                }
            }
            Action::StartJump => present.jump = Some(TextArea::default()),
            Action::ClassQuestion => self.ask_the_class(),
            Action::LeaveMode => self.leave_presentation(),
            Action::NextTopic => self.present_topic(selected + 1),
            Action::PrevTopic => self.present_topic(selected.saturating_sub(1)),
            _ => {}
        }
    }

    fn present_topic(&mut self, index: usize) {
        self.select_topic(index);
        if let Some(present) = self.present.as_mut() {
            present.revealed = 0;
            present.class_question = None;
        }
    }

    /// Jumps to the topic whose title (or failing that, text) best matches `name`.
    fn jump_to(&mut self, name: &str) {
        let found = match find_topic(&self.library, name) {
            Lookup::Found(at) => Some(at),
            Lookup::Ambiguous(candidates) => candidates.first().copied(),
            Lookup::Unknown(_) => self
                .index
                .search_limited(name, 1, &mut crate::search::Narrowing::default())
                .hits
                .first()
                .map(|hit| hit.topic),
        };
        if let Some(index) = found.and_then(|at| self.topics.iter().position(|&t| t == at)) {
            self.present_topic(index);
        }
    }

    /// A multiple-choice question on the presented topic. Presenting records nothing.
    fn ask_the_class(&mut self) {
        let Some(at) = self.selected_topic() else {
            return;
        };
        self.class_questions += 1;
        let seed = self.seed.wrapping_add(self.class_questions);
        let question = class_question(&self.library, at, seed);
        if let (Some(question), Some(present)) = (question, self.present.as_mut()) {
            present.class_question = Some(ClassQuestion {
                question,
                answer_shown: false,
            });
        }
    }

    fn leave_presentation(&mut self) {
        if self.present.as_ref().is_some_and(|p| p.standalone) {
            self.should_quit = true;
        }
        self.present = None;
    }

    // ---- Relationship map ----

    pub fn parties(&self) -> &[Party] {
        &self.parties
    }

    fn update_map(&mut self, action: Action) {
        let count = self.parties.len();
        if count == 0 {
            return;
        }
        match action {
            Action::Down | Action::CursorRight | Action::ScrollDown => {
                self.party_selected = (self.party_selected + 1) % count;
            }
            Action::Up | Action::CursorLeft | Action::ScrollUp => {
                self.party_selected = (self.party_selected + count - 1) % count;
            }
            Action::Confirm => {
                let topic = self.parties.get(self.party_selected).map(|p| p.topic);
                if let Some(index) = topic.and_then(|at| self.topics.iter().position(|&t| t == at))
                {
                    self.select_topic(index);
                    self.browse.focus = Focus::Detail;
                    self.pane = Pane::Browse;
                }
            }
            _ => {}
        }
    }

    // ---- Progress ----

    fn refresh_stats(&mut self) {
        let stats = compute(
            &self.library,
            &self.progress,
            self.clock.now(),
            self.clock.zone(),
        );
        let last = stats.weakest_topics.len().saturating_sub(1);
        self.weak_selected = self.weak_selected.min(last);
        self.stats = Some(stats);
    }

    fn update_progress(&mut self, action: Action) {
        let count = self.stats.as_ref().map_or(0, |s| s.weakest_topics.len());
        match action {
            Action::Up | Action::ScrollUp => {
                self.weak_selected = self.weak_selected.saturating_sub(1)
            }
            Action::Down | Action::ScrollDown => {
                self.weak_selected = (self.weak_selected + 1).min(count.saturating_sub(1));
            }
            Action::Confirm => self.practise_weak_topic(),
            _ => {}
        }
    }

    /// Starts a quiz session on the highlighted weak topic.
    fn practise_weak_topic(&mut self) {
        let topic = self
            .stats
            .as_ref()
            .and_then(|s| s.weakest_topics.get(self.weak_selected))
            .and_then(|t| t.at);
        let Some(at) = topic else {
            return;
        };
        self.quiz.scope = Scope::Topic(at);
        self.quiz.session =
            Session::new(&self.library, self.quiz.scope, self.seed).in_zone(self.clock.zone());
        self.quiz.question = None;
        self.quiz.last_grade = None;
        self.pane = Pane::Quiz;
        self.next_question();
    }

    /// A short name for the quiz's current scope.
    pub fn quiz_scope_name(&self) -> String {
        match self.quiz.scope {
            Scope::All => "all guides".to_owned(),
            Scope::Topic(at) => self
                .library
                .topic(at)
                .map_or_else(String::new, |topic| topic.title.clone()),
            Scope::Guide(g) => self
                .library
                .guide(g)
                .map_or_else(String::new, |guide| guide.title.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Field;

    fn app() -> App {
        App::new(
            crate::test_support::builtin_library(),
            AppOptions::default(),
        )
    }

    fn is_flip(question: &crate::quiz::Question) -> bool {
        question.choice().is_none()
    }

    fn press(app: &mut App, keys: &str) {
        match Key::parse_sequence(keys) {
            Ok(keys) => keys.into_iter().for_each(|k| app.handle_key(k)),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn tab_and_shift_tab_cycle_the_panes() {
        let mut app = app();
        let mut seen = vec![app.pane];
        for _ in 0..5 {
            app.update(Action::NextPane);
            seen.push(app.pane);
        }
        let cycle = [
            Pane::Browse,
            Pane::Search,
            Pane::Quiz,
            Pane::Progress,
            Pane::Map,
            Pane::Browse,
        ];
        assert_eq!(seen, cycle);
        app.update(Action::PrevPane);
        assert_eq!(app.pane, Pane::Map);
    }

    #[test]
    fn entering_search_types_straight_into_the_query_and_q_is_text_there() {
        let mut app = app();
        press(&mut app, "<Tab>quit");
        assert_eq!(app.search.input.text(), "quit");
        assert!(!app.should_quit);
        assert!(!app.search.hits.is_empty());
    }

    #[test]
    fn esc_clears_the_query_then_leaves_the_box_then_q_quits() {
        let mut app = app();
        press(&mut app, "<Tab>gdpr<Esc>");
        assert!(app.search.input.is_empty() && app.search.editing);
        press(&mut app, "<Esc>");
        assert!(!app.search.editing);
        press(&mut app, "q");
        assert!(app.should_quit);
    }

    #[test]
    fn ctrl_c_quits_even_from_the_search_box() {
        let mut app = app();
        press(&mut app, "<Tab>abc<C-c>");
        assert!(app.should_quit);
    }

    #[test]
    fn enter_opens_a_hit_in_browse_scrolled_to_and_highlighting_the_match() {
        let mut app = app();
        press(
            &mut app,
            "<Tab>rules include the data protection act<Enter>",
        );
        assert_eq!(app.pane, Pane::Browse);
        assert_eq!(app.browse.focus, Focus::Detail);
        let anchor = app.browse.highlight.clone();
        assert!(
            matches!(
                anchor,
                Some(Anchor {
                    field: Field::KeyFeature,
                    ..
                })
            ),
            "{anchor:?}"
        );
        let detail = app.detail();
        let line = detail
            .iter()
            .position(|l| l.anchor == anchor)
            .unwrap_or(usize::MAX);
        let page = app.detail_page();
        assert!(
            line >= app.browse.scroll && line < app.browse.scroll + page,
            "match off screen"
        );
        assert!(detail[line].text.contains("Data Protection Act"));
    }

    #[test]
    fn browse_moves_between_topics_and_scrolls_the_text() {
        let mut app = app();
        press(&mut app, "jjk");
        assert_eq!(app.browse.selected, 1);
        press(&mut app, "G");
        assert_eq!(app.browse.selected, app.topics().len() - 1);
        press(&mut app, "g<Enter>jjj");
        assert_eq!((app.browse.selected, app.browse.scroll), (0, 3));
        press(&mut app, "n");
        assert_eq!((app.browse.selected, app.browse.scroll), (1, 0));
        press(&mut app, "<End>");
        assert!(app.browse.scroll > 0);
        let bottom = app.browse.scroll;
        press(&mut app, "jjj");
        assert_eq!(app.browse.scroll, bottom, "scrolling stops at the end");
    }

    #[test]
    fn a_multiple_choice_answer_gives_feedback_then_moves_on() {
        let mut app = app();
        app.update(Action::NextPane);
        app.update(Action::NextPane);
        // Skip to a multiple-choice question.
        while app.quiz.question.as_ref().is_some_and(is_flip) {
            app.update(Action::Choose(3));
        }
        let before = app.quiz.answered;
        let correct = app
            .quiz
            .question
            .as_ref()
            .and_then(|q| q.choice())
            .map_or(0, |(_, correct)| correct);
        let choice = u8::try_from(correct + 1).unwrap_or(1);
        app.update(Action::Choose(choice));
        assert_eq!(app.quiz.phase, Phase::Answered { chosen: correct });
        assert_eq!(
            (app.quiz.answered, app.quiz.right),
            (before + 1, app.quiz.right)
        );
        let question = app.quiz.question.clone();
        app.update(Action::Choose(1));
        assert_eq!(app.quiz.question, question, "a second answer is ignored");
        app.update(Action::Flip);
        assert_eq!(app.quiz.phase, Phase::Asking);
        assert_ne!(app.quiz.question, question);
    }

    #[test]
    fn a_flip_card_can_be_graded_before_or_after_revealing() {
        let mut app = app();
        app.update(Action::NextPane);
        app.update(Action::NextPane);
        while !app.quiz.question.as_ref().is_some_and(is_flip) {
            app.update(Action::Choose(1));
            app.update(Action::Confirm);
        }
        app.update(Action::Flip);
        assert_eq!(app.quiz.phase, Phase::Revealed);
        app.update(Action::Choose(4));
        assert_eq!(app.quiz.last_grade, Some(Grade::Easy));
        assert_eq!(app.quiz.phase, Phase::Asking);
    }

    #[test]
    fn help_opens_and_closes_and_swallows_pane_keys() {
        let mut app = app();
        press(&mut app, "?j");
        assert!(app.help_open);
        assert_eq!(app.browse.selected, 0);
        press(&mut app, "<Esc>");
        assert!(!app.help_open);
        press(&mut app, "<F1>?");
        assert!(!app.help_open);
    }

    #[test]
    fn the_quiz_scope_cycles_through_the_guides() {
        let mut app = app();
        press(&mut app, "<Tab><Tab>");
        // Every guide with something to quiz, in order; the glossary has nothing to ask.
        let guides: Vec<usize> = (0..app.library().guides.len())
            .filter(|&g| {
                app.library().guides[g]
                    .topics
                    .iter()
                    .any(|t| t.is_quizzable())
            })
            .collect();
        assert!(guides.len() + 1 == app.library().guides.len());
        for g in guides {
            press(&mut app, "g");
            assert_eq!(app.quiz.scope, Scope::Guide(g));
            assert_eq!(app.quiz.question.as_ref().map(|q| q.topic.guide), Some(g));
        }
        press(&mut app, "g");
        assert_eq!(app.quiz.scope, Scope::All);
    }

    #[test]
    fn in_written_practice_digits_and_q_are_text_and_a_grade_saves_the_answer() {
        let mut app = app();
        press(&mut app, "<Tab><Tab>w");
        assert_eq!(app.quiz.mode, QuizMode::Write);
        press(&mut app, "q1 we share<Enter>information<C-s>");
        assert!(!app.should_quit);
        let text = app.quiz.write.as_ref().map(|w| w.answer.text());
        assert_eq!(text.as_deref(), Some("q1 we share\ninformation"));
        assert!(app.quiz.write.as_ref().is_some_and(|w| w.checked.is_some()));
        let topic = app.quiz.write.as_ref().and_then(|w| w.topic());
        press(&mut app, "3");
        let Some(at) = topic else {
            panic!("written practice has a topic");
        };
        let answers = app.written_answers(at);
        assert_eq!(answers.len(), 1);
        assert_eq!(answers[0].1, "q1 we share\ninformation");
        assert_ne!(
            app.quiz.write.as_ref().and_then(|w| w.topic()),
            topic,
            "next topic"
        );
    }

    #[test]
    fn leaving_written_practice_keeps_the_draft() {
        let mut app = app();
        press(&mut app, "<Tab><Tab>wdraft<Esc>");
        assert_eq!(app.quiz.mode, QuizMode::Cards);
        press(&mut app, "w");
        let text = app.quiz.write.as_ref().map(|w| w.answer.text());
        assert_eq!(text.as_deref(), Some("draft"));
        press(&mut app, "<C-s>");
        assert!(app.quiz.write.as_ref().is_some_and(|w| w.checked.is_some()));
    }

    #[test]
    fn an_empty_answer_is_not_checked() {
        let mut app = app();
        press(&mut app, "<Tab><Tab>w   <C-s>");
        assert!(app.quiz.write.as_ref().is_some_and(|w| w.checked.is_none()));
    }

    fn mock_app(questions: usize, minutes: Option<u32>) -> App {
        App::new(
            crate::test_support::builtin_library(),
            AppOptions {
                start: Pane::Quiz,
                mock_questions: questions,
                mock_minutes: minutes,
                ..AppOptions::default()
            },
        )
    }

    #[test]
    fn a_mock_test_gives_no_feedback_until_the_end_and_saves_the_result() {
        let mut app = mock_app(5, None);
        press(&mut app, "m");
        assert_eq!(app.quiz.mode, QuizMode::Mock);
        let correct: Vec<usize> = app
            .quiz
            .mock
            .as_ref()
            .map(|m| {
                m.questions
                    .iter()
                    .filter_map(|q| q.choice())
                    .map(|(_, correct)| correct)
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(correct.len(), 5, "every mock question is multiple choice");
        // Right, right, wrong, then go back and change the third, then answer the rest right.
        for (i, &c) in correct.iter().take(2).enumerate() {
            app.update(Action::Choose(u8::try_from(c + 1).unwrap_or(1)));
            assert_eq!(app.quiz.mock.as_ref().map(|m| m.index), Some(i + 1));
        }
        app.update(Action::Choose(
            u8::try_from((correct[2] + 1) % 4 + 1).unwrap_or(1),
        ));
        assert!(
            app.quiz.mock.as_ref().is_some_and(|m| m.result.is_none()),
            "no feedback yet"
        );
        app.update(Action::PrevQuestion);
        app.update(Action::Choose(u8::try_from(correct[2] + 1).unwrap_or(1)));
        app.update(Action::Choose(u8::try_from(correct[3] + 1).unwrap_or(1)));
        app.update(Action::Choose(
            u8::try_from((correct[4] + 1) % 4 + 1).unwrap_or(1),
        ));
        let result = app.quiz.mock.as_ref().and_then(|m| m.result.clone());
        let Some(result) = result else {
            panic!("the last answer finishes the test");
        };
        assert_eq!(
            (result.correct, result.questions, result.missed.len()),
            (4, 5, 1)
        );
        assert_eq!(app.progress().mock_tests, [result]);
        press(&mut app, "<Enter>");
        assert_eq!(app.quiz.mode, QuizMode::Cards);
    }

    #[test]
    fn a_mock_test_ends_when_its_time_is_up() {
        let mut app = mock_app(20, Some(30));
        press(&mut app, "m1");
        app.update(Action::Tick);
        assert!(app.quiz.mock.as_ref().is_some_and(|m| m.result.is_none()));
        let start = app.now();
        app.clock = Clock::Fixed(start + chrono::Duration::minutes(31));
        app.update(Action::Tick);
        let result = app.quiz.mock.as_ref().and_then(|m| m.result.clone());
        assert_eq!(
            result.map(|r| (r.correct <= 1, r.missed.len() >= 19)),
            Some((true, true))
        );
    }

    #[test]
    fn pasting_goes_into_the_text_box_being_typed_in_and_nowhere_else() {
        let mut app = app();
        app.paste("q?");
        assert!(
            !app.should_quit && !app.help_open,
            "a paste never fires commands"
        );
        press(&mut app, "<Tab>");
        app.paste("age\nuk");
        assert_eq!(app.search.input.text(), "age uk");
        press(&mut app, "<Tab>w");
        app.paste("line one\r\nline two");
        let text = app.quiz.write.as_ref().map(|w| w.answer.text());
        assert_eq!(text.as_deref(), Some("line one\nline two"));
    }

    #[test]
    fn the_map_goes_round_the_parties_and_opens_one_in_browse() {
        let mut app = app();
        let count = app.parties().len();
        assert!(count >= 7);
        app.enter_pane(Pane::Map);
        press(&mut app, "hl");
        assert_eq!(app.party_selected, 0);
        press(&mut app, "h");
        assert_eq!(app.party_selected, count - 1, "wraps round");
        let party = app.parties()[count - 1].clone();
        press(&mut app, "<Enter>");
        assert_eq!((app.pane, app.browse.focus), (Pane::Browse, Focus::Detail));
        assert_eq!(app.selected_topic(), Some(party.topic));
    }

    #[test]
    fn presenting_reveals_points_one_at_a_time_and_records_nothing() {
        let mut app = app();
        press(&mut app, "jP");
        assert!(app.present.is_some());
        let items = app.present_items();
        press(&mut app, "<Space><Right>");
        assert_eq!(app.present.as_ref().map(|p| p.revealed), Some(2));
        press(&mut app, "<Left>");
        assert_eq!(app.present.as_ref().map(|p| p.revealed), Some(1));
        press(&mut app, "r<Space>");
        assert_eq!(
            app.present.as_ref().map(|p| p.revealed),
            Some(items),
            "stops at the end"
        );
        press(&mut app, "c");
        assert!(
            app.present
                .as_ref()
                .is_some_and(|p| p.class_question.is_some())
        );
        press(&mut app, "1");
        assert!(
            app.present
                .as_ref()
                .and_then(|p| p.class_question.as_ref())
                .is_some_and(|q| q.answer_shown),
            "any key shows the answer"
        );
        press(&mut app, "1");
        assert!(
            app.present
                .as_ref()
                .is_some_and(|p| p.class_question.is_none())
        );
        assert!(
            app.progress().cards.is_empty(),
            "presenting records nothing"
        );
        press(&mut app, "n");
        assert_eq!(
            (
                app.browse.selected,
                app.present.as_ref().map(|p| p.revealed)
            ),
            (2, Some(0))
        );
        press(&mut app, "<Esc>");
        assert!(app.present.is_none() && !app.should_quit);
    }

    #[test]
    fn presenting_jumps_to_a_topic_by_name_and_shows_the_map() {
        let mut app = app();
        press(&mut app, "Pgvolunteers<Enter>");
        let title = app
            .selected_topic()
            .and_then(|at| app.library().topic(at))
            .map(|t| t.title.clone());
        assert_eq!(title.as_deref(), Some("Volunteers"));
        press(&mut app, "m");
        assert_eq!(app.present.as_ref().map(|p| p.view), Some(PresentView::Map));
        assert_eq!(
            app.parties()[app.party_selected].name,
            "Volunteers",
            "the map starts on it"
        );
        press(&mut app, "j<Enter>");
        assert_eq!(
            app.present.as_ref().map(|p| p.view),
            Some(PresentView::Topic)
        );
        assert_ne!(
            app.selected_topic(),
            app.parties()
                .iter()
                .find(|p| p.name == "Volunteers")
                .map(|p| p.topic)
        );
    }

    #[test]
    fn leaving_a_standalone_presentation_quits() {
        let library = crate::test_support::builtin_library();
        let options = AppOptions {
            present: true,
            ..AppOptions::default()
        };
        let mut app = App::new(library, options);
        press(&mut app, "<Esc>");
        assert!(app.should_quit);
    }
}
