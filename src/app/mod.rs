//! The app: a router over panes that own their state. Keys arrive as [`Key`]s, become
//! [`Action`]s through the [`KeyMap`] in the contexts that [`App::mode`] puts in force, and go to
//! the pane in view, whose `update` hands back an [`Effect`] for whatever crosses panes (open a
//! topic, save a review, practise a topic, quit). Nothing here draws, reads the clock outside an
//! update, or touches the terminal, so the same App runs on a real terminal and headless.
//!
//! Driving it (the terminal, `snapshot`, tests): [`App::handle_key`], [`App::paste`],
//! [`App::update`] (any action, even one no key is bound to in the current mode: it is ignored
//! if it means nothing there), and [`Action::Resize`] whenever the size changes.
//!
//! **Adding a pane** touches three files: `app/<pane>.rs` (its state, `update`, key bindings,
//! contexts and hints: a [`PaneState`]), `ui/<pane>.rs` (its drawing, `draw(frame, area, app,
//! &pane, theme)`), and this file (a line in [`panes!`], its bindings in [`App::with_progress`]'s
//! key map, and its construction there).

pub mod action;
pub mod browse;
pub mod cards;
pub mod choice_layout;
pub mod clock;
pub mod detail;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod map;
pub mod mock;
mod mode;
pub mod pane;
mod pointer;
pub mod present;
pub mod progress_pane;
pub mod quiz;
mod reading;
pub mod search;
mod table;
pub mod text;
pub mod text_area;
mod view;
mod world;
pub mod write;

use crate::content::{Library, TopicRef};
use crate::map::parties;
use crate::progress::{Progress, Store};
use crate::quiz::Scheduler;
use crate::search::IndexSlot;
pub use action::Action;
pub use clock::Clock;
use keymap::{Binding, KeyMap, Unbound};
use keys::Key;
pub use mode::{Mode, Overlay, Screen};
pub use pane::{Cx, Effect, Hint, PaneState};
use present::Presentation;
use world::World;

/// The tabbed panes in tab order, each as `Variant module::Type "Title" "name"` (the name is
/// what `--start` takes). The [`Pane`] enum, the [`Panes`] the app holds and the drawing
/// dispatch in `ui` all come from this one list.
#[macro_export]
macro_rules! panes {
    ($then:path) => {
        $then! {
            Browse browse::BrowsePane "Browse" "browse",
            Search search::SearchPane "Search" "search",
            Quiz quiz::QuizPane "Quiz" "quiz",
            Progress progress_pane::ProgressPane "Progress" "progress",
            Map map::MapPane "Map" "map",
        }
    };
}

macro_rules! define_panes {
    ($($variant:ident $module:ident::$kind:ident $title:literal $name:literal,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Pane { $($variant,)* }

        impl Pane {
            /// Tab order.
            pub const ALL: [Pane; [$($title),*].len()] = [$(Pane::$variant),*];

            pub fn title(self) -> &'static str {
                match self { $(Pane::$variant => $title,)* }
            }

            /// The name used on the command line (`--start quiz`).
            pub const fn name(self) -> &'static str {
                match self { $(Pane::$variant => $name,)* }
            }
        }

        /// Every tabbed pane's state.
        #[derive(Debug)]
        pub struct Panes { $(pub $module: $module::$kind,)* }

        impl Panes {
            fn get(&self, pane: Pane) -> &dyn PaneState {
                match pane { $(Pane::$variant => &self.$module,)* }
            }

            fn get_mut(&mut self, pane: Pane) -> &mut dyn PaneState {
                match pane { $(Pane::$variant => &mut self.$module,)* }
            }
        }
    };
}

panes!(define_panes);

impl Pane {
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
    /// New cards the quiz brings in a day.
    pub new_cards_per_day: usize,
    /// Whether the mouse is the app's (clicks and the wheel) or left to the terminal.
    pub mouse: bool,
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
            new_cards_per_day: crate::quiz::NEW_CARDS_PER_DAY,
            mouse: true,
        }
    }
}

#[derive(Debug)]
pub struct App {
    world: World,
    keymap: KeyMap,
    panes: Panes,
    pane: Pane,
    /// Presentation mode, when on: drawn full screen over everything.
    present: Option<Presentation>,
    overlay: Option<Overlay>,
    should_quit: bool,
    /// Whether the mouse is the app's; off, the terminal keeps it (selecting text).
    mouse: bool,
    width: u16,
    height: u16,
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
        // Sized up front: collected, it would grow (and hold up to twice its size) on 100,000 topics.
        let mut topics: Vec<TopicRef> = Vec::with_capacity(library.topic_count());
        topics.extend(library.topic_refs());
        let selected = options
            .topic
            .and_then(|at| topics.iter().position(|&t| t == at));
        let focus = match selected {
            Some(_) => browse::Focus::Detail,
            None => browse::Focus::List,
        };
        let settings = mock::MockSettings {
            questions: options.mock_questions,
            minutes: options.mock_minutes,
        };
        let new_cards_per_day = options.new_cards_per_day;
        let tables: [&[Binding]; 9] = [
            keymap::GENERAL,
            browse::BINDINGS,
            search::BINDINGS,
            quiz::ALL_BINDINGS[0],
            quiz::ALL_BINDINGS[1],
            quiz::ALL_BINDINGS[2],
            progress_pane::BINDINGS,
            map::BINDINGS,
            present::BINDINGS,
        ];
        let mut app = Self {
            overlay: store.message().map(|_| Overlay::Notice),
            world: World {
                parties: parties(&library),
                library: std::sync::Arc::new(library),
                topics,
                index: IndexSlot::new(),
                seed: options.seed,
                clock: options.clock,
                scheduler: Scheduler::new(),
                progress,
                store,
                save_error: None,
                undo_error: None,
                reviewed: Vec::new(),
            },
            keymap: KeyMap::new(&tables),
            panes: Panes {
                browse: browse::BrowsePane::new(browse::Entry::Topic(selected.unwrap_or(0)), focus),
                search: search::SearchPane::default(),
                quiz: quiz::QuizPane::new(settings, new_cards_per_day),
                progress_pane: progress_pane::ProgressPane::default(),
                map: map::MapPane::default(),
            },
            pane: Pane::Browse,
            present: options
                .present
                .then(|| Presentation::new(selected.unwrap_or(0), None, true)),
            should_quit: false,
            mouse: options.mouse,
            width: options.width,
            height: options.height,
        };
        // Only Browse's first topic is drawn without the history (its written answers follow
        // a moment later).
        if options.start != Pane::Browse || options.topic.is_some() || options.present {
            app.finish_loading();
        }
        app.show(options.start);
        app
    }

    /// Takes in what the first frame was drawn without, which loads on other threads meanwhile:
    /// the learner's history ([`Store::open_in_background`]); waits for it if need be. Every
    /// key and action but a resize does this first, so nothing ever acts without it. True when
    /// something arrived now (draw again); a problem found meanwhile (a damaged file moved
    /// aside) opens the notice.
    pub fn finish_loading(&mut self) -> bool {
        let told = self.world.store.message().map(str::to_owned);
        if !self.world.finish_loading() {
            return false;
        }
        if self.world.store.message().is_some() && self.world.store.message() != told.as_deref() {
            self.overlay = Some(Overlay::Notice);
        }
        true
    }

    /// Where the app is now; see [`Mode`].
    pub fn mode(&self) -> Mode {
        if layout::is_too_small(self.width, self.height) {
            return Mode::TooSmall;
        }
        let (screen, context) = match &self.present {
            Some(present) => (Screen::Presentation, present.context()),
            None => (Screen::Pane(self.pane), self.panes.get(self.pane).context()),
        };
        Mode::Showing {
            screen,
            context,
            overlay: self.overlay,
        }
    }

    /// Turns a key into an action through the key map and applies it; a key bound to nothing
    /// does what the mode says (types into a text box, closes a message, or nothing).
    pub fn handle_key(&mut self, key: Key) {
        self.finish_loading();
        let mode = self.mode();
        if let Some(action) = self.keymap.action(&mode.contexts(), key) {
            return self.update(action);
        }
        match (mode.unbound(), key) {
            (Unbound::Typed { .. }, Key::Char(c)) => self.update(Action::Type(c)),
            (Unbound::AnyKey(action), _) => self.update(action),
            _ => {}
        }
    }

    /// Pasted text goes into the text box being typed in, if any; elsewhere it is ignored, so a
    /// stray paste never fires commands.
    pub fn paste(&mut self, text: &str) {
        let text = match self.mode().unbound() {
            // Windows line endings are one line break, not two.
            Unbound::Typed { lines: true } => text.replace("\r\n", "\n"),
            // One line: every run of white space becomes one space.
            Unbound::Typed { lines: false } => {
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            }
            _ => return,
        };
        text.chars().for_each(|c| self.update(Action::Type(c)));
    }

    /// Applies an action. Quit and resize always act; while the window is too small nothing
    /// else does (time still passes for a mock test's limit).
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize { .. }) {
            self.finish_loading();
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::Resize { width, height } => {
                (self.width, self.height) = (width, height);
                let cx = self.world.cx(self.body());
                for pane in Pane::ALL {
                    self.panes.get_mut(pane).update(action, &cx);
                }
            }
            Action::Tick => {
                let effect = self.panes.quiz.update(action, &self.world.cx(self.body()));
                self.apply(effect);
            }
            _ if self.mode() == Mode::TooSmall => {}
            Action::Click { column, row } => self.click(column, row),
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::ToggleHelp if self.overlay.is_some() => self.overlay = None,
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::CloseOverlay => self.overlay = None,
            _ if self.overlay.is_some() => self.scroll_help(action),
            _ if self.present.is_some() => self.route(action),
            Action::NextPane => self.cycle(1),
            Action::PrevPane => self.cycle(Pane::ALL.len() - 1),
            Action::FocusQuery => {
                self.show(Pane::Search);
                self.panes.search.focus_query();
            }
            _ => self.route(action),
        }
    }

    /// Hands `action` to the presentation or the pane in view and applies what comes back.
    fn route(&mut self, action: Action) {
        let cx = self.world.cx(self.body());
        let effect = match self.present.as_mut() {
            Some(present) => present.update(action, &cx),
            None => self.panes.get_mut(self.pane).update(action, &cx),
        };
        self.apply(effect);
    }

    fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Quit => self.should_quit = true,
            Effect::Show(pane) => self.show(pane),
            Effect::OpenTopic { at, anchor } => {
                self.pane = Pane::Browse;
                let cx = self.world.cx(self.body());
                self.panes.browse.open(at, anchor, &cx);
            }
            Effect::Review(review) => {
                self.world.record(&review);
                self.route(Action::ProgressChanged);
            }
            Effect::Undo { card_id } => {
                if self.world.undo(&card_id) {
                    self.route(Action::Undone);
                }
            }
            Effect::MockTest { result, reviews } => {
                for review in &reviews {
                    self.world.record(review);
                }
                self.world.record_mock(result);
            }
            Effect::Practise(at) => {
                self.pane = Pane::Quiz;
                let cx = self.world.cx(self.body());
                self.panes.quiz.practise(at, &cx);
            }
            Effect::Present { map } => {
                let topic = self.panes.browse.topic_index(&self.world.library);
                self.present = Some(Presentation::new(topic, map, false));
            }
            Effect::LeavePresentation { topic, quit } => {
                self.present = None;
                self.should_quit |= quit;
                let cx = self.world.cx(self.body());
                self.panes.browse.select(browse::Entry::Topic(topic), &cx);
            }
        }
    }

    fn cycle(&mut self, step: usize) {
        self.show(Pane::ALL[(self.pane.index() + step) % Pane::ALL.len()]);
    }

    fn show(&mut self, pane: Pane) {
        self.pane = pane;
        let cx = self.world.cx(self.body());
        self.panes.get_mut(pane).enter(&cx);
    }

    fn scroll_help(&mut self, action: Action) {
        let Some(Overlay::Help { scroll }) = self.overlay else {
            return;
        };
        let help = self.help_layout();
        let scroll = text::scrolled(scroll, action, help.body.height, help.max_scroll());
        self.overlay = Some(Overlay::Help { scroll });
    }
}

#[cfg(test)]
mod mouse_tests;
#[cfg(test)]
mod test_driver;
#[cfg(test)]
mod tests;
