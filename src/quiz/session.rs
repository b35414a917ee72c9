//! The default quiz session: cards that are due first, then new cards up to a daily limit,
//! then extra practice. Reads saved progress; the clock is passed in.

use super::card::CardSpec;
use super::deck::{QuizDeck, Scope};
use super::question::Question;
use crate::content::Library;
use crate::progress::{Progress, Zone};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// New cards a day, by default: enough to make progress, few enough to keep reviews manageable.
pub const NEW_CARDS_PER_DAY: usize = 20;

/// Why a card was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Its review is due.
    Due,
    /// Never seen before.
    New,
    /// Nothing is due and today's new cards are done; asked for more practice.
    Practice,
}

#[derive(Debug, Clone)]
pub struct Session {
    deck: QuizDeck,
    /// Every card in scope by id, to find the cards progress says are due. Made on first use:
    /// a large library has a hundred thousand cards, and the app may never open the quiz.
    by_id: std::cell::OnceCell<HashMap<String, CardSpec>>,
    pub new_per_day: usize,
    /// The zone "today" is counted in, for the daily limit of new cards.
    pub zone: Zone,
}

impl Session {
    pub fn new(library: &Library, scope: Scope, seed: u64) -> Self {
        Self {
            deck: QuizDeck::new(library, scope, seed),
            by_id: std::cell::OnceCell::new(),
            new_per_day: NEW_CARDS_PER_DAY,
            zone: Zone::utc(),
        }
    }

    /// The same session, counting days in `zone` (the learner's local days).
    pub fn in_zone(self, zone: Zone) -> Self {
        Self { zone, ..self }
    }

    fn by_id(&self, library: &Library) -> &HashMap<String, CardSpec> {
        self.by_id.get_or_init(|| {
            self.deck
                .cards()
                .filter_map(|spec| Some((spec.id(library)?, spec)))
                .collect()
        })
    }

    pub fn is_empty(&self) -> bool {
        self.deck.is_empty()
    }

    /// Cards in scope whose review is due at `now`.
    pub fn due_count(&self, library: &Library, progress: &Progress, now: DateTime<Utc>) -> usize {
        self.due(library, progress, now).count()
    }

    fn due<'a>(
        &'a self,
        library: &Library,
        progress: &'a Progress,
        now: DateTime<Utc>,
    ) -> impl Iterator<Item = (&'a String, DateTime<Utc>)> + 'a {
        let by_id = self.by_id(library);
        progress
            .cards
            .iter()
            .filter(move |(id, _)| by_id.contains_key(*id))
            .map(|(id, record)| (id, record.schedule.due))
            .filter(move |&(_, due)| due <= now)
    }

    /// When the next card in scope falls due (perhaps already), if any has been reviewed.
    pub fn next_due(&self, library: &Library, progress: &Progress) -> Option<DateTime<Utc>> {
        let by_id = self.by_id(library);
        progress
            .cards
            .iter()
            .filter(|(id, _)| by_id.contains_key(*id))
            .map(|(_, record)| record.schedule.due)
            .min()
    }

    /// How many new cards were started on `now`'s day (in `zone`), in any scope.
    pub fn new_today(progress: &Progress, now: DateTime<Utc>, zone: Zone) -> usize {
        let today = zone.date(now);
        progress
            .cards
            .values()
            .filter(|record| {
                record
                    .reviews
                    .first()
                    .is_some_and(|first| zone.date(first.at) == today)
            })
            .count()
    }

    /// The next question: the most overdue card, else a new card if today's limit allows,
    /// else practice from the deck.
    pub fn next(
        &mut self,
        library: &Library,
        progress: &Progress,
        now: DateTime<Utc>,
        skip: Option<&str>,
    ) -> Option<(Question, Source)> {
        let most_overdue = self
            .due(library, progress, now)
            .filter(|(id, _)| Some(id.as_str()) != skip)
            .min_by_key(|&(id, due)| (due, id.clone()))
            .and_then(|(id, _)| self.by_id(library).get(id).copied());
        if let Some(spec) = most_overdue
            && let Some(question) = self.deck.question_for(library, spec)
        {
            return Some((question, Source::Due));
        }
        if Self::new_today(progress, now, self.zone) < self.new_per_day {
            for _ in 0..self.by_id(library).len() {
                let spec = self.deck.draw()?;
                let unseen = spec
                    .id(library)
                    .is_some_and(|id| !progress.cards.contains_key(&id));
                if unseen && let Some(question) = self.deck.question_for(library, spec) {
                    return Some((question, Source::New));
                }
            }
        }
        let question = self.deck.next_question(library)?;
        Some((question, Source::Practice))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{Grade, ReviewDetail, Scheduler};
    use crate::test_support::builtin_library as library;
    use chrono::{Duration, TimeZone};

    fn start() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn new_cards_stop_at_the_daily_limit_then_practice_follows() {
        let library = library();
        let mut session = Session::new(&library, Scope::All, 1);
        session.new_per_day = 3;
        let scheduler = Scheduler::new();
        let mut progress = Progress::default();
        let now = start();
        let mut sources = Vec::new();
        for _ in 0..5 {
            let (question, source) = session
                .next(&library, &progress, now, None)
                .unwrap_or_else(|| panic!("a question"));
            sources.push(source);
            let topic = library.stable_id(question.topic).unwrap_or_default();
            scheduler.review(
                &mut progress,
                &question.card_id,
                &topic,
                Grade::Easy,
                ReviewDetail::default(),
                now,
            );
        }
        assert_eq!(
            sources,
            [
                Source::New,
                Source::New,
                Source::New,
                Source::Practice,
                Source::Practice
            ]
        );
    }

    #[test]
    fn the_next_due_card_is_the_earliest_in_scope() {
        let library = library();
        let mut session = Session::new(&library, Scope::All, 1);
        let scheduler = Scheduler::new();
        let mut progress = Progress::default();
        let now = start();
        assert_eq!(session.next_due(&library, &progress), None);
        let mut dues = Vec::new();
        for grade in [Grade::Easy, Grade::Again] {
            let (question, _) = session
                .next(&library, &progress, now, None)
                .unwrap_or_else(|| panic!("a question"));
            let topic = library.stable_id(question.topic).unwrap_or_default();
            let card = &question.card_id;
            scheduler.review(
                &mut progress,
                card,
                &topic,
                grade,
                ReviewDetail::default(),
                now,
            );
            dues.push(progress.cards[card].schedule.due);
        }
        assert_eq!(
            session.next_due(&library, &progress),
            dues.into_iter().min()
        );
    }

    #[test]
    fn due_cards_come_first() {
        let library = library();
        let mut session = Session::new(&library, Scope::All, 1);
        let scheduler = Scheduler::new();
        let mut progress = Progress::default();
        let now = start();
        let (first, _) = session
            .next(&library, &progress, now, None)
            .unwrap_or_else(|| panic!("a question"));
        let topic = library.stable_id(first.topic).unwrap_or_default();
        scheduler.review(
            &mut progress,
            &first.card_id,
            &topic,
            Grade::Again,
            ReviewDetail::default(),
            now,
        );
        assert_eq!(session.due_count(&library, &progress, now), 0);
        let later = now + Duration::hours(1);
        assert_eq!(session.due_count(&library, &progress, later), 1);
        let (next, source) = session
            .next(&library, &progress, later, None)
            .unwrap_or_else(|| panic!("a question"));
        assert_eq!((next.card_id, source), (first.card_id, Source::Due));
    }

    #[test]
    fn cards_of_other_guides_or_missing_topics_are_not_due_here() {
        let library = library();
        let session = Session::new(&library, Scope::Guide(0), 1);
        let scheduler = Scheduler::new();
        let mut progress = Progress::default();
        let now = start();
        scheduler.review(
            &mut progress,
            "gone-guide/gone#flip:0",
            "gone-guide/gone",
            Grade::Again,
            ReviewDetail::default(),
            now,
        );
        assert_eq!(
            session.due_count(&library, &progress, now + Duration::days(2)),
            0
        );
        assert!(
            progress.cards.contains_key("gone-guide/gone#flip:0"),
            "kept, not dropped"
        );
    }

    /// #13.10: the day's new cards start again at the learner's local midnight, not UTC's.
    #[test]
    fn new_cards_today_are_counted_from_local_midnight() {
        let scheduler = Scheduler::new();
        let mut progress = Progress::default();
        let late = Utc
            .with_ymd_and_hms(2026, 6, 1, 23, 30, 0)
            .single()
            .unwrap_or_default();
        for card in ["g/t#flip:0", "g/t#flip:1"] {
            scheduler.review(
                &mut progress,
                card,
                "g/t",
                Grade::Good,
                ReviewDetail::default(),
                late,
            );
        }
        let morning = late + Duration::hours(9);
        let summer = chrono::FixedOffset::east_opt(3600).map_or_else(Zone::utc, Zone::Fixed);
        assert_eq!(Session::new_today(&progress, morning, summer), 2);
        assert_eq!(Session::new_today(&progress, morning, Zone::utc()), 0);
    }
}
