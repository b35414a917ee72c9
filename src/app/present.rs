//! Presentation mode: one topic on a projector, its points revealed one at a time; the
//! relationship map full screen; a question for the class. Drawn over everything, with its own
//! keys only (the panes' keys, like `/` or Tab, do nothing here). Presenting records nothing.

use super::action::Action;
use super::keymap::{Binding, Context, bind};
use super::keys::{Key::*, SPACE};
use super::map::MapPane;
use super::pane::{Cx, Effect, Hint, PaneState, hint, hint_range};
use super::text_area::TextArea;
use crate::content::{Guide, List, MODEL_ANSWER, Section, Table, Texts, Topic, TopicRef};
use crate::lookup::{Lookup, find_topic};

use crate::quiz::{Question, class_question};

/// Presenting a topic.
pub const TOPIC: Context = Context::keys("presentation");
/// The relationship map, full screen.
pub const MAP: Context = Context::keys("presentation map");
/// Typing a topic's name to go to.
pub const JUMP: Context = Context::text_box("go to a topic");
/// A question for the class: the next key shows the answer, the one after puts it away.
pub const QUESTION: Context = Context::any_key("class question", Action::Confirm);

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(TOPIC, &[SPACE, Right], Action::RevealNext, "next point; after the last, the next topic"),
    bind(TOPIC, &[Left], Action::RevealBack, "back a point; before the first, the previous topic"),
    // What a presenter's remote ("clicker") sends.
    bind(TOPIC, &[PageDown], Action::RevealNext, "next, as Space (a presenter's remote)"),
    bind(TOPIC, &[PageUp], Action::RevealBack, "back, as Left"),
    bind(TOPIC, &[Char('r')], Action::RevealAll, "show every point and example"),
    bind(TOPIC, &[Char('n'), Char(']')], Action::NextTopic, "next topic"),
    bind(TOPIC, &[Char('p'), Char('[')], Action::PrevTopic, "previous topic"),
    bind(TOPIC, &[Char('g')], Action::StartJump, "go to a topic by name"),
    bind(TOPIC, &[Char('c')], Action::ClassQuestion, "a question for the class; again for the answer"),
    bind(TOPIC, &[Char('m')], Action::ToggleMap, "the relationship map"),
    bind(TOPIC, &[Esc], Action::LeaveMode, "leave the presentation"),
    bind(MAP, &[Right, Down, Char('l'), Char('j')], Action::Down, "next party"),
    bind(MAP, &[Left, Up, Char('h'), Char('k')], Action::Up, "previous party"),
    bind(MAP, &[Enter], Action::Confirm, "present the party's topic"),
    bind(MAP, &[Char('m')], Action::ToggleMap, "back to the topic"),
    bind(MAP, &[Esc], Action::LeaveMode, "leave the presentation"),
    bind(JUMP, &[Enter], Action::OpenResult, "present the highlighted topic"),
    bind(JUMP, &[Esc], Action::LeaveMode, "cancel"),
    bind(JUMP, &[Down, Ctrl('n')], Action::Down, "highlight the next match"),
    bind(JUMP, &[Up, Ctrl('p')], Action::Up, "highlight the previous match"),
    bind(JUMP, &[Backspace], Action::Backspace, "delete the character before the cursor"),
    bind(JUMP, &[Ctrl('w')], Action::DeleteWord, "delete the word before the cursor"),
    bind(JUMP, &[Ctrl('u')], Action::ClearQuery, "clear the name"),
    bind(QUESTION, &[Enter, SPACE], Action::Confirm, "show the answer (any key); again to go back"),
];

/// One part of a topic a presentation reveals item by item, under its heading: a list (key
/// features, examples, "Good practice"...), a table row by row, a model answer paragraph by
/// paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part<'a> {
    List(List<'a>),
    Table(&'a Table),
    ModelAnswer(&'a Texts),
}

impl<'a> Part<'a> {
    pub fn heading(&self) -> &'a str {
        match self {
            Part::List(list) => list.name,
            Part::Table(table) => &table.name,
            Part::ModelAnswer(_) => MODEL_ANSWER,
        }
    }

    /// How many items it reveals.
    pub fn len(&self) -> usize {
        match self {
            Part::List(list) => list.items.len(),
            Part::Table(table) => table.rows.len(),
            Part::ModelAnswer(paragraphs) => paragraphs.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What a presentation shows of a topic: its summary (and the assessment question it answers)
/// always, then its parts in the topic's one section order, revealed an item at a time.
#[derive(Debug, Default)]
pub struct Reveals<'a> {
    pub summary: Option<&'a str>,
    pub question: Option<&'a str>,
    pub parts: Vec<Part<'a>>,
}

impl<'a> Reveals<'a> {
    pub fn of(guide: &'a Guide, topic: &'a Topic) -> Self {
        let mut reveals = Self::default();
        for section in topic.sections(guide) {
            let part = match section {
                Section::Summary(text) => {
                    reveals.summary = Some(text);
                    continue;
                }
                Section::Question(text) => {
                    reveals.question = Some(text);
                    continue;
                }
                Section::List(list) => Part::List(list),
                Section::Table(table) => Part::Table(table),
                Section::ModelAnswer(paragraphs) => Part::ModelAnswer(paragraphs),
                // Links, search terms, criteria and sources are for reading, not for a class.
                _ => continue,
            };
            if !part.is_empty() {
                reveals.parts.push(part);
            }
        }
        reveals
    }

    /// Every item the topic reveals.
    pub fn len(&self) -> usize {
        self.parts.iter().map(Part::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The parts with something showing when `revealed` items are, each with how many of its
    /// items show.
    pub fn shown(&self, revealed: usize) -> impl Iterator<Item = (Part<'a>, usize)> + '_ {
        let mut left = revealed;
        self.parts.iter().map_while(move |&part| {
            let shown = left.min(part.len());
            left -= shown;
            (shown > 0).then_some((part, shown))
        })
    }
}

/// A question for the class on the current topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassQuestion {
    pub question: Question,
    pub answer_shown: bool,
}

/// What the presentation shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    Topic,
    Question(ClassQuestion),
    /// Typing a topic's name to go to it.
    Jump(Jump),
    Map,
}

/// At most this many topics are offered while typing a name.
pub const JUMP_MATCHES: usize = 8;

/// Going to a topic by name: what is typed, the topics that match it (best first, as places in
/// the display order) and the highlighted one, which Enter presents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Jump {
    name: TextArea,
    matches: Vec<usize>,
    selected: usize,
}

impl Jump {
    pub fn name(&self) -> &TextArea {
        &self.name
    }

    pub fn matches(&self) -> &[usize] {
        &self.matches
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Applies an edit of the name or a move of the highlight; the topic to present on Enter.
    fn update(&mut self, action: Action, cx: &Cx) -> Option<usize> {
        let name = &mut self.name;
        match action {
            Action::Type(c) => name.insert(c),
            Action::Backspace => name.backspace(),
            Action::DeleteWord => name.delete_word(),
            Action::ClearQuery => name.clear(),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.matches.len().saturating_sub(1));
                return None;
            }
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                return None;
            }
            Action::OpenResult => return self.matches.get(self.selected).copied(),
            _ => return None,
        }
        self.matches = matching(&self.name.text(), cx);
        self.selected = 0;
        None
    }
}

/// The topics `name` may mean, best first: the one it names (or the several it names equally
/// well), then the search's best hits (which forgive a typo).
fn matching(name: &str, cx: &Cx) -> Vec<usize> {
    if name.trim().is_empty() {
        return Vec::new();
    }
    let mut found = match find_topic(cx.library, name) {
        Lookup::Found(at) => vec![at],
        Lookup::Ambiguous(candidates) => candidates,
        Lookup::Unknown(_) => Vec::new(),
    };
    for hit in cx.index().search(cx.library, name, JUMP_MATCHES).hits {
        if !found.contains(&hit.topic) {
            found.push(hit.topic);
        }
    }
    found
        .into_iter()
        .filter_map(|at| cx.position(at))
        .take(JUMP_MATCHES)
        .collect()
}

#[derive(Debug, Clone)]
pub struct Presentation {
    /// Started with `carestudy present`: leaving the presentation quits.
    standalone: bool,
    /// The topic presented, as a place in the display order.
    topic: usize,
    /// How many of its points and examples are showing.
    revealed: usize,
    /// Class questions asked so far, so each is drawn afresh but reproducibly.
    asked: u64,
    map: MapPane,
    view: View,
}

impl Presentation {
    /// Presents the topic at `topic`, or the map with `map` highlighted.
    pub fn new(topic: usize, map: Option<usize>, standalone: bool) -> Self {
        Self {
            standalone,
            topic,
            revealed: 0,
            asked: 0,
            map: MapPane::new(map.unwrap_or(0)),
            view: if map.is_some() {
                View::Map
            } else {
                View::Topic
            },
        }
    }

    pub fn topic(&self) -> usize {
        self.topic
    }

    pub fn revealed(&self) -> usize {
        self.revealed
    }

    pub fn view(&self) -> &View {
        &self.view
    }

    pub fn map(&self) -> &MapPane {
        &self.map
    }

    fn topic_ref(&self, cx: &Cx) -> Option<TopicRef> {
        cx.topics.get(self.topic).copied()
    }

    /// How many points and examples the topic reveals in turn.
    pub fn items(&self, topics: &[TopicRef], library: &crate::content::Library) -> usize {
        let Some(&at) = topics.get(self.topic) else {
            return 0;
        };
        match (library.guide(at.guide), library.topic(at)) {
            (Some(guide), Some(topic)) => Reveals::of(guide, topic).len(),
            _ => 0,
        }
    }

    fn present(&mut self, index: usize, cx: &Cx) {
        self.topic = index.min(cx.topics.len().saturating_sub(1));
        self.revealed = 0;
        self.view = View::Topic;
    }

    fn ask_the_class(&mut self, cx: &Cx) {
        let Some(at) = self.topic_ref(cx) else {
            return;
        };
        self.asked += 1;
        if let Some(question) = class_question(cx.library, at, cx.seed.wrapping_add(self.asked)) {
            self.view = View::Question(ClassQuestion {
                question,
                answer_shown: false,
            });
        }
    }

    fn leave(&self) -> Effect {
        Effect::LeavePresentation {
            topic: self.topic,
            quit: self.standalone,
        }
    }

    fn update_topic(&mut self, action: Action, cx: &Cx) -> Effect {
        let items = self.items(cx.topics, cx.library);
        match action {
            // Like slides: past the last point is the next topic, before the first the
            // previous one, everything showing as it was left.
            Action::RevealNext if self.revealed < items => self.revealed += 1,
            Action::RevealNext if self.topic + 1 < cx.topics.len() => {
                self.present(self.topic + 1, cx);
            }
            Action::RevealBack if self.revealed == 0 && self.topic > 0 => {
                self.present(self.topic - 1, cx);
                self.revealed = self.items(cx.topics, cx.library);
            }
            Action::RevealBack => self.revealed = self.revealed.saturating_sub(1),
            Action::RevealAll => self.revealed = items,
            Action::NextTopic => self.present(self.topic + 1, cx),
            Action::PrevTopic => self.present(self.topic.saturating_sub(1), cx),
            Action::StartJump => self.view = View::Jump(Jump::default()),
            Action::ClassQuestion => self.ask_the_class(cx),
            Action::ToggleMap => {
                // Start the map on the party being presented, if it is one.
                let current = self.topic_ref(cx);
                if let Some(i) = cx.parties.iter().position(|p| Some(p.topic) == current) {
                    self.map = MapPane::new(i);
                }
                self.view = View::Map;
            }
            Action::LeaveMode => return self.leave(),
            _ => {}
        }
        Effect::None
    }
}

impl PaneState for Presentation {
    fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        match &mut self.view {
            View::Topic => return self.update_topic(action, cx),
            View::Jump(_) if action == Action::LeaveMode => self.view = View::Topic,
            View::Jump(jump) => {
                if let Some(index) = jump.update(action, cx) {
                    self.present(index, cx);
                }
            }
            View::Question(question) => match action {
                Action::Confirm if !question.answer_shown => question.answer_shown = true,
                Action::Confirm => self.view = View::Topic,
                _ => {}
            },
            View::Map => match action {
                Action::ToggleMap => self.view = View::Topic,
                Action::LeaveMode => return self.leave(),
                Action::Confirm => {
                    let party = cx.parties.get(self.map.selected());
                    if let Some(index) = party.and_then(|p| cx.position(p.topic)) {
                        self.present(index, cx);
                    }
                }
                other => self.map.steer(other, cx.parties.len()),
            },
        }
        Effect::None
    }

    fn context(&self) -> Context {
        match self.view {
            View::Topic => TOPIC,
            View::Question(_) => QUESTION,
            View::Jump(_) => JUMP,
            View::Map => MAP,
        }
    }

    fn hints(&self) -> Vec<Hint> {
        match &self.view {
            View::Topic => vec![
                hint(Action::RevealNext, "next", 1),
                hint(Action::RevealBack, "back", 2),
                hint(Action::RevealAll, "all", 4),
                hint_range(Action::NextTopic, Action::PrevTopic, "topic", 2),
                hint(Action::StartJump, "go to", 5),
                hint(Action::ClassQuestion, "class question", 5),
                hint(Action::ToggleMap, "map", 5),
                hint(Action::LeaveMode, "leave", 1),
            ],
            View::Map => vec![
                hint_range(Action::Down, Action::Up, "party", 1),
                hint(Action::Confirm, "present its topic", 1),
                hint(Action::ToggleMap, "back to the topic", 2),
                hint(Action::LeaveMode, "leave", 1),
            ],
            View::Jump(_) => vec![
                hint(Action::OpenResult, "present", 1),
                hint_range(Action::Down, Action::Up, "choose", 2),
                hint(Action::LeaveMode, "cancel", 1),
            ],
            View::Question(_) => vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_driver::*;
    use super::super::*;
    use super::{Part, Reveals};

    #[test]
    fn presenting_reveals_points_one_at_a_time_and_records_nothing() {
        let mut app = app();
        press(&mut app, "jP");
        let items = app
            .presentation()
            .map_or(0, |p| p.items(app.topics(), app.library()));
        assert!(items > 2);
        press(&mut app, "<Space><Right>");
        assert_eq!(presented(&app), Some((1, 2)));
        press(&mut app, "<Left>");
        assert_eq!(presented(&app), Some((1, 1)));
        press(&mut app, "r");
        assert_eq!(presented(&app), Some((1, items)));
        press(&mut app, "c");
        assert!(matches!(presenting_view(&app), Some(View::Question(q)) if !q.answer_shown));
        press(&mut app, "1");
        assert!(
            matches!(presenting_view(&app), Some(View::Question(q)) if q.answer_shown),
            "any key shows the answer"
        );
        press(&mut app, "1");
        assert_eq!(presenting_view(&app), Some(View::Topic));
        assert!(
            app.progress().cards.is_empty(),
            "presenting records nothing"
        );
        press(&mut app, "n");
        assert_eq!(presented(&app), Some((2, 0)));
        press(&mut app, "<Esc>");
        assert!(app.presentation().is_none() && !app.should_quit());
        assert_eq!(
            browse(&app).selected(),
            browse::Entry::Topic(2),
            "Browse is on the topic last presented"
        );
    }

    #[test]
    fn space_after_the_last_point_is_the_next_topic_and_left_before_the_first_the_previous() {
        let mut app = app();
        press(&mut app, "jP");
        let items = |app: &App, topic: usize| {
            let at = app.topics()[topic];
            let library = app.library();
            match (library.guide(at.guide), library.topic(at)) {
                (Some(guide), Some(topic)) => Reveals::of(guide, topic).len(),
                _ => 0,
            }
        };
        let (first, second) = (items(&app, 1), items(&app, 2));
        press(&mut app, &"<Space>".repeat(first));
        assert_eq!(presented(&app), Some((1, first)));
        press(&mut app, "<Space>");
        assert_eq!(presented(&app), Some((2, 0)), "like the next slide");
        press(&mut app, "<PageUp>");
        assert_eq!(
            presented(&app),
            Some((1, first)),
            "back to the previous topic as it was left"
        );
        press(&mut app, "<PageDown><Right>");
        assert_eq!(
            presented(&app),
            Some((2, 1)),
            "a clicker's keys and the arrows"
        );
        assert!(second > 0);
        // The last topic stays at its end; the first at its start.
        let last = app.topics().len() - 1;
        let mut app = app_presenting(last);
        let items_last = items(&app, last);
        press(&mut app, &"<Space>".repeat(items_last + 2));
        assert_eq!(presented(&app), Some((last, items_last)));
        let mut app = app_presenting(0);
        press(&mut app, "<Left><Left>");
        assert_eq!(presented(&app), Some((0, 0)));
    }

    /// A presentation of the topic at `topic` in the display order.
    fn app_presenting(topic: usize) -> App {
        let options = AppOptions {
            present: true,
            topic: app().topics().get(topic).copied(),
            ..AppOptions::default()
        };
        App::new(crate::test_support::builtin_library(), options)
    }

    #[test]
    fn named_lists_keep_their_headings_in_the_topics_order() {
        let library = crate::test_support::builtin_library();
        let at = library.find_by_id("therapeutic-relationship/confidentiality-and-trust");
        let (Some(guide), Some(topic)) = (
            at.and_then(|at| library.guide(at.guide)),
            at.and_then(|at| library.topic(at)),
        ) else {
            panic!("no confidentiality-and-trust topic");
        };
        let reveals = Reveals::of(guide, topic);
        let headings: Vec<&str> = reveals.parts.iter().map(Part::heading).collect();
        assert_eq!(headings, ["Key features", "Examples", "Good practice"]);
        assert_eq!(reveals.summary, Some(topic.summary.as_str()));
        let good_practice = reveals.parts[2].len();
        assert_eq!(
            reveals.len(),
            topic.key_features.len() + topic.examples.len() + good_practice
        );
        // Revealing goes part by part, item by item within each.
        let first = reveals.parts[0].len();
        let shown: Vec<(&str, usize)> = reveals
            .shown(first + 1)
            .map(|(part, n)| (part.heading(), n))
            .collect();
        assert_eq!(shown, [("Key features", first), ("Examples", 1)]);
        assert_eq!(reveals.shown(0).count(), 0);
    }

    fn jump(app: &App) -> super::Jump {
        match presenting_view(app) {
            Some(View::Jump(jump)) => jump,
            other => panic!("not going to a topic: {other:?}"),
        }
    }

    #[test]
    fn go_to_lists_the_matching_topics_as_you_type_and_enter_takes_the_highlighted_one() {
        let mut app = app();
        press(&mut app, "jPg");
        assert!(
            jump(&app).matches().is_empty(),
            "nothing typed, nothing offered"
        );
        press(&mut app, "boundar");
        let offered = jump(&app).matches().to_vec();
        let title = |app: &App, index: usize| {
            let at = app.topics()[index];
            app.library()
                .topic(at)
                .map(|t| t.title.clone())
                .unwrap_or_default()
        };
        assert!(offered.len() > 1, "the boundary topics: {offered:?}");
        assert!(offered.len() <= super::JUMP_MATCHES);
        assert!(title(&app, offered[0]).to_lowercase().contains("boundar"));
        assert_eq!(jump(&app).selected(), 0);
        press(&mut app, "<Down><Down><Up>");
        assert_eq!(jump(&app).selected(), 1);
        press(&mut app, &"<Down>".repeat(20));
        assert_eq!(
            jump(&app).selected(),
            offered.len() - 1,
            "stays on the last"
        );
        press(&mut app, "<Up>".repeat(offered.len() - 2).as_str());
        press(&mut app, "<Enter>");
        assert_eq!(
            presented(&app),
            Some((offered[1], 0)),
            "the highlighted one"
        );
        assert_eq!(presenting_view(&app), Some(View::Topic));
        // Typing again starts from the best match; Esc goes back to the topic unchanged.
        press(&mut app, "gvolunteer<BS>s");
        assert_eq!(title(&app, jump(&app).matches()[0]), "Volunteers");
        press(&mut app, "<Esc>");
        assert_eq!(presented(&app), Some((offered[1], 0)));
        assert_eq!(presenting_view(&app), Some(View::Topic));
        // Enter with nothing matching does nothing.
        press(&mut app, "gzzqqxx<Enter>");
        assert!(jump(&app).matches().is_empty());
    }

    #[test]
    fn presenting_jumps_to_a_topic_by_name_and_shows_the_map() {
        let mut app = app();
        press(&mut app, "Pgvolunteers<Enter>");
        let title = |app: &App| {
            let at = app.topics().get(presented(app)?.0)?;
            Some(app.library().topic(*at)?.title.clone())
        };
        assert_eq!(title(&app).as_deref(), Some("Volunteers"));
        press(&mut app, "m");
        assert_eq!(presenting_view(&app), Some(View::Map));
        let selected = app.presentation().map_or(0, |p| p.map().selected());
        assert_eq!(
            app.parties()[selected].name,
            "Volunteers",
            "the map starts on it"
        );
        press(&mut app, "j<Enter>");
        assert_eq!(presenting_view(&app), Some(View::Topic));
        assert_ne!(title(&app).as_deref(), Some("Volunteers"));
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
        assert!(app.should_quit());
    }

    #[test]
    fn slash_in_a_presentation_does_not_drop_into_search() {
        let library = crate::test_support::builtin_library();
        let options = AppOptions {
            present: true,
            ..AppOptions::default()
        };
        let mut app = App::new(library, options);
        press(&mut app, "/");
        assert!(app.presentation().is_some(), "still presenting");
        assert_eq!(app.pane(), Pane::Browse);
        press(&mut app, "abc");
        assert!(app.panes().search.input().is_empty());
    }

    #[test]
    fn tab_is_neither_listed_nor_acted_on_in_a_presentation() {
        let mut app = app();
        press(&mut app, "P");
        let listed: Vec<String> = app.help_rows().into_iter().map(|(keys, _)| keys).collect();
        assert!(
            !listed.iter().any(|keys| keys.contains("Tab")),
            "help lists {listed:?}"
        );
        press(&mut app, "<Tab><S-Tab><Tab>");
        assert_eq!(
            app.pane(),
            Pane::Browse,
            "the panes underneath did not move"
        );
        assert!(app.presentation().is_some());
    }

    #[test]
    fn the_arrows_go_round_the_map_in_a_presentation() {
        let mut app = app_at(80, 24, Pane::Map);
        press(&mut app, "P");
        let selected = |app: &App| app.presentation().map(|p| p.map().selected());
        assert_eq!(selected(&app), Some(0));
        press(&mut app, "<Right><Right>");
        assert_eq!(selected(&app), Some(2));
        press(&mut app, "<Left>");
        assert_eq!(selected(&app), Some(1));
    }
}
