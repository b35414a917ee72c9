//! Figures about a learner's progress, for `carestudy stats` and the Progress pane: mastery per
//! guide, reviews per day, cards due, and the weakest topics. Pure: the clock is passed in.

use crate::content::{Library, TopicRef};
use crate::progress::Progress;
use crate::progress::Zone;
use crate::quiz::{QuizDeck, Scope};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

/// Days of review history the figures cover.
pub const HISTORY_DAYS: usize = 28;
/// Days ahead counted in `due_next_days`.
pub const AHEAD_DAYS: usize = 7;
/// How many weakest topics are listed.
pub const WEAKEST: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Reviews ever made (answers and self-grades).
    pub reviews: usize,
    /// Cards due by the end of today, overdue ones included.
    pub due_today: usize,
    /// Cards falling due on each of the next days (tomorrow first).
    pub due_next_days: Vec<usize>,
    /// Reviews on each of the last days, oldest first, today last.
    pub reviews_per_day: Vec<DayCount>,
    pub guides: Vec<GuideStats>,
    /// Topics with the lowest expected recall, lowest first.
    pub weakest_topics: Vec<TopicStats>,
    /// Mock tests taken, oldest first.
    pub mock_tests: Vec<MockSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MockSummary {
    pub at: DateTime<Utc>,
    pub correct: u32,
    pub questions: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayCount {
    pub date: NaiveDate,
    pub reviews: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GuideStats {
    pub id: String,
    pub title: String,
    /// Cards the guide's topics make.
    pub cards: usize,
    /// Of those, cards reviewed at least once.
    pub seen: usize,
    pub due_today: usize,
    /// Expected recall tomorrow averaged over all the guide's cards (unseen cards count as 0),
    /// 0 to 1.
    pub mastery: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicStats {
    /// The stable id `guide/topic`.
    pub id: String,
    pub title: String,
    /// Expected recall tomorrow averaged over the topic's reviewed cards, 0 to 1.
    pub recall: f64,
    #[serde(skip)]
    pub at: Option<TopicRef>,
}

impl Stats {
    /// Reviews over the last `days` days, today included.
    pub fn reviews_in_last(&self, days: usize) -> usize {
        self.reviews_per_day
            .iter()
            .rev()
            .take(days)
            .map(|d| d.reviews)
            .sum()
    }
}

/// The figures at `now`, with days counted in `zone` (the learner's local days).
pub fn compute(library: &Library, progress: &Progress, now: DateTime<Utc>, zone: Zone) -> Stats {
    let days = Days::new(zone, now);
    // Recall is measured a day ahead: right after a review it is 1 by definition, which would
    // hide a card just answered wrongly; a day later a weak card has already faded.
    let recall = Recall {
        progress,
        at: now + Duration::days(1),
    };
    let (due_today, due_next_days) = due_counts(progress, &days);
    Stats {
        reviews: progress.cards.values().map(|c| c.reviews.len()).sum(),
        due_today,
        due_next_days,
        reviews_per_day: reviews_per_day(progress, &days),
        guides: guide_stats(library, progress, &days, &recall),
        weakest_topics: weakest_topics(library, progress, &recall),
        mock_tests: mock_summaries(progress),
    }
}

/// The learner's calendar: which day a moment falls on, and where today ends.
struct Days {
    zone: Zone,
    today: NaiveDate,
    end_of_today: NaiveDate,
}

impl Days {
    fn new(zone: Zone, now: DateTime<Utc>) -> Self {
        let today = zone.date(now);
        Self {
            zone,
            today,
            end_of_today: today.succ_opt().unwrap_or(today),
        }
    }

    fn of(&self, time: DateTime<Utc>) -> NaiveDate {
        self.zone.date(time)
    }

    /// Whether a card due at `due` is due by the end of today (overdue included).
    fn is_due_today(&self, due: DateTime<Utc>) -> bool {
        self.of(due) < self.end_of_today
    }
}

/// Expected recall of the learner's cards at one moment.
struct Recall<'a> {
    progress: &'a Progress,
    at: DateTime<Utc>,
}

impl Recall<'_> {
    /// `None` for a card the learner has never seen.
    fn of(&self, card_id: &str) -> Option<f64> {
        Some(recall_at(
            &self.progress.cards.get(card_id)?.schedule,
            self.at,
        ))
    }
}

/// Reviews on each of the last [`HISTORY_DAYS`] days, oldest first, today last.
fn reviews_per_day(progress: &Progress, days: &Days) -> Vec<DayCount> {
    let mut per_day: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for review in progress.cards.values().flat_map(|c| &c.reviews) {
        *per_day.entry(days.of(review.at)).or_default() += 1;
    }
    (0..HISTORY_DAYS)
        .rev()
        .map(|back| {
            let date = days.today - Duration::days(back as i64);
            DayCount {
                date,
                reviews: per_day.get(&date).copied().unwrap_or(0),
            }
        })
        .collect()
}

/// Cards due by the end of today, and cards falling due on each of the next [`AHEAD_DAYS`].
fn due_counts(progress: &Progress, days: &Days) -> (usize, Vec<usize>) {
    let mut due_next_days = vec![0; AHEAD_DAYS];
    let mut due_today = 0;
    for card in progress.cards.values() {
        let due = days.of(card.schedule.due);
        if due < days.end_of_today {
            due_today += 1;
        } else {
            let ahead = (due - days.today).num_days();
            if (1..=AHEAD_DAYS as i64).contains(&ahead) {
                due_next_days[ahead as usize - 1] += 1;
            }
        }
    }
    (due_today, due_next_days)
}

/// Each guide's cards, how many are seen and due, and its mastery; guides with nothing to quiz
/// (a glossary) are left out.
fn guide_stats(
    library: &Library,
    progress: &Progress,
    days: &Days,
    recall: &Recall,
) -> Vec<GuideStats> {
    library
        .guides
        .iter()
        .enumerate()
        .map(|(g, guide)| {
            let ids: Vec<String> = QuizDeck::new(library, Scope::Guide(g), 0)
                .cards()
                .filter_map(|spec| spec.id(library))
                .collect();
            let seen = ids
                .iter()
                .filter(|id| progress.cards.contains_key(*id))
                .count();
            // (A sum of no f64 is -0.0; start from +0.0 so nothing prints as "-0%".)
            let total_recall: f64 = ids
                .iter()
                .filter_map(|id| recall.of(id))
                .fold(0.0, |a, b| a + b);
            let due_today = ids
                .iter()
                .filter_map(|id| progress.cards.get(id))
                .filter(|c| days.is_due_today(c.schedule.due))
                .count();
            GuideStats {
                id: guide.id.to_string(),
                title: guide.title.to_string(),
                cards: ids.len(),
                seen,
                due_today,
                mastery: if ids.is_empty() {
                    0.0
                } else {
                    total_recall / ids.len() as f64
                },
            }
        })
        .filter(|guide| guide.cards > 0)
        .collect()
}

/// The [`WEAKEST`] topics by their reviewed cards' average recall, lowest first.
fn weakest_topics(library: &Library, progress: &Progress, recall: &Recall) -> Vec<TopicStats> {
    let mut by_topic: BTreeMap<&str, (f64, usize)> = BTreeMap::new();
    for (id, card) in &progress.cards {
        if !card.reviews.is_empty() {
            let entry = by_topic.entry(card.topic.as_str()).or_default();
            entry.0 += recall.of(id).unwrap_or(0.0);
            entry.1 += 1;
        }
    }
    let mut weakest: Vec<TopicStats> = by_topic
        .into_iter()
        .map(|(id, (sum, count))| {
            let at = library.find_by_id(id).filter(|_| id.contains('/'));
            let title = at.and_then(|at| library.topic(at)).map_or_else(
                || format!("{id} (no longer in these guides)"),
                |t| t.title.to_string(),
            );
            TopicStats {
                id: id.to_owned(),
                title,
                recall: sum / count as f64,
                at,
            }
        })
        .collect();
    weakest.sort_by(|a, b| a.recall.total_cmp(&b.recall).then_with(|| a.id.cmp(&b.id)));
    weakest.truncate(WEAKEST);
    weakest
}

fn mock_summaries(progress: &Progress) -> Vec<MockSummary> {
    progress
        .mock_tests
        .iter()
        .map(|test| MockSummary {
            at: test.at,
            correct: test.correct,
            questions: test.questions,
        })
        .collect()
}

/// Expected recall of a card at `when`, 0 to 1 and never NaN. A card reviewed after `when`
/// (the clock is behind) is measured from its last review, not before it: FSRS's forgetting
/// curve is NaN for a negative elapsed time, and so for a stability of 0.
fn recall_at(schedule: &rs_fsrs::Card, when: DateTime<Utc>) -> f64 {
    let recall = schedule.get_retrievability(when.max(schedule.last_review));
    if recall.is_finite() {
        recall.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{Grade, ReviewDetail, Scheduler};
    use chrono::TimeZone;

    #[test]
    fn figures_follow_the_reviews() {
        let library = crate::test_support::builtin_library();
        let now = Utc
            .with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
            .single()
            .unwrap_or_default();
        let empty = compute(&library, &Progress::default(), now, Zone::utc());
        assert_eq!((empty.reviews, empty.due_today), (0, 0));
        assert!(
            empty
                .guides
                .iter()
                .all(|g| g.mastery == 0.0 && g.mastery.is_sign_positive())
        );
        assert_eq!(empty.reviews_per_day.len(), HISTORY_DAYS);

        let scheduler = Scheduler::new();
        let mut progress = Progress::default();
        let weak = "working-relationships/volunteers#flip:0";
        let strong = "working-relationships/colleagues#flip:0";
        scheduler.review(
            &mut progress,
            weak,
            "working-relationships/volunteers",
            Grade::Again,
            ReviewDetail::default(),
            now,
        );
        scheduler.review(
            &mut progress,
            strong,
            "working-relationships/colleagues",
            Grade::Easy,
            ReviewDetail::default(),
            now,
        );
        let stats = compute(&library, &progress, now, Zone::utc());
        assert_eq!(stats.reviews, 2);
        assert_eq!(stats.reviews_per_day.last().map(|d| d.reviews), Some(2));
        assert_eq!(
            stats.due_today, 1,
            "Again is due again within minutes; Easy is days away"
        );
        assert_eq!(
            stats.weakest_topics[0].id,
            "working-relationships/volunteers"
        );
        assert!(stats.weakest_topics[0].recall < stats.weakest_topics[1].recall);
        assert_eq!(stats.guides[0].seen, 2);
        assert!(stats.guides[0].mastery > 0.0);
    }

    /// #13.3: a review later than the clock made mastery NaN (the gauge then panicked and
    /// `stats` printed "NaN%"); so did a schedule with a stability of 0.
    #[test]
    fn no_figure_is_nan_when_the_clock_is_behind_or_a_schedule_is_broken() {
        let library = crate::test_support::builtin_library();
        let at = |day: u32| {
            Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0)
                .single()
                .unwrap_or_default()
        };
        let scheduler = Scheduler::new();
        let mut progress = Progress::default();
        let cards = [
            ("working-relationships/volunteers#flip:0", Grade::Again),
            ("working-relationships/colleagues#flip:0", Grade::Good),
            ("working-relationships/colleagues#flip:1", Grade::Easy),
        ];
        for day in [20, 21] {
            for (card, grade) in cards {
                let topic = card.split('#').next().unwrap_or_default();
                scheduler.review(
                    &mut progress,
                    card,
                    topic,
                    grade,
                    ReviewDetail::default(),
                    at(day),
                );
            }
        }
        let mut broken = progress.clone();
        for card in broken.cards.values_mut() {
            card.schedule.stability = 0.0;
        }
        for (progress, now) in [(&progress, at(1)), (&progress, at(21)), (&broken, at(25))] {
            let stats = compute(&library, progress, now, Zone::utc());
            let figures = stats
                .guides
                .iter()
                .map(|g| g.mastery)
                .chain(stats.weakest_topics.iter().map(|t| t.recall));
            for figure in figures {
                assert!(
                    figure.is_finite() && (0.0..=1.0).contains(&figure),
                    "{now}: {stats:?}"
                );
            }
        }
    }

    /// #13.10: days are the learner's local days. In British Summer Time (UTC+1) a review at
    /// 23:30 UTC is made after local midnight, on the next day.
    #[test]
    fn reviews_and_due_cards_fall_on_the_learners_local_day() {
        let library = crate::test_support::builtin_library();
        let late = Utc
            .with_ymd_and_hms(2026, 6, 1, 23, 30, 0)
            .single()
            .unwrap_or_default();
        let morning = late + Duration::hours(9);
        let mut progress = Progress::default();
        let topic = "working-relationships/volunteers";
        Scheduler::new().review(
            &mut progress,
            &format!("{topic}#flip:0"),
            topic,
            Grade::Good,
            ReviewDetail::default(),
            late,
        );
        let summer = chrono::FixedOffset::east_opt(3600).map_or_else(Zone::utc, Zone::Fixed);
        let local = compute(&library, &progress, morning, summer);
        assert_eq!(local.reviews_in_last(1), 1, "made today, local time");
        let utc = compute(&library, &progress, morning, Zone::utc());
        assert_eq!(utc.reviews_in_last(1), 0, "made yesterday, in UTC");
    }
}
