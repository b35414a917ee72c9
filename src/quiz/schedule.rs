//! Spaced repetition: the FSRS scheduler (the rs-fsrs crate) applied to carestudy's cards.

use super::question::Grade;
use crate::progress::{CardRecord, Progress, Review};
use chrono::{DateTime, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Rating};

/// Schedules cards. Fuzzing is off, so the same reviews at the same times give the same
/// schedule.
#[derive(Debug, Clone, Default)]
pub struct Scheduler {
    fsrs: FSRS,
}

fn rating(grade: Grade) -> Rating {
    match grade {
        Grade::Again => Rating::Again,
        Grade::Hard => Rating::Hard,
        Grade::Good => Rating::Good,
        Grade::Easy => Rating::Easy,
    }
}

/// A card never reviewed, as of `now`. (`rs_fsrs::Card::new` would read the clock itself.)
pub fn new_card(now: DateTime<Utc>) -> Card {
    Card {
        due: now,
        last_review: now,
        ..Card::default()
    }
}

/// What a review records besides its grade.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewDetail {
    /// A multiple-choice answer: right or wrong.
    pub correct: Option<bool>,
    /// A written answer: what was typed.
    pub answer: Option<String>,
}

impl Scheduler {
    pub fn new() -> Self {
        let parameters = Parameters {
            enable_fuzz: false,
            ..Parameters::default()
        };
        Self {
            fsrs: FSRS::new(parameters),
        }
    }

    /// Records a review of `card_id` (about topic `topic_id`) in `progress` and reschedules it.
    pub fn review(
        &self,
        progress: &mut Progress,
        card_id: &str,
        topic_id: &str,
        grade: Grade,
        detail: ReviewDetail,
        now: DateTime<Utc>,
    ) {
        let record = progress
            .cards
            .entry(card_id.to_owned())
            .or_insert_with(|| CardRecord {
                topic: topic_id.to_owned(),
                schedule: new_card(now),
                reviews: Vec::new(),
            });
        let next = self.fsrs.next(record.schedule.clone(), now, rating(grade));
        record.schedule = next.card;
        record.reviews.push(Review {
            at: now,
            grade: grade.number(),
            correct: detail.correct,
            answer: detail.answer,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn a_good_review_pushes_the_card_into_the_future_and_again_brings_it_back_soon() {
        let scheduler = Scheduler::new();
        let mut progress = Progress::default();
        let now = at(1, 9);
        scheduler.review(
            &mut progress,
            "g/t#flip:0",
            "g/t",
            Grade::Easy,
            ReviewDetail::default(),
            now,
        );
        let easy = progress.cards["g/t#flip:0"].schedule.due;
        assert!(
            easy >= at(2, 9),
            "Easy on a new card is at least a day away: {easy}"
        );
        scheduler.review(
            &mut progress,
            "g/t#flip:1",
            "g/t",
            Grade::Again,
            ReviewDetail::default(),
            now,
        );
        let again = progress.cards["g/t#flip:1"].schedule.due;
        assert!(
            again > now && again <= at(1, 10),
            "Again comes back within the hour: {again}"
        );
    }

    #[test]
    fn the_same_reviews_at_the_same_times_give_the_same_schedule() {
        let scheduler = Scheduler::new();
        let run = || {
            let mut progress = Progress::default();
            for (day, grade) in [(1, Grade::Good), (3, Grade::Hard), (9, Grade::Good)] {
                scheduler.review(
                    &mut progress,
                    "c",
                    "g/t",
                    grade,
                    ReviewDetail::default(),
                    at(day, 9),
                );
            }
            progress
        };
        assert_eq!(run(), run());
        assert_eq!(run().cards["c"].reviews.len(), 3);
    }

    #[test]
    fn reviews_keep_what_was_typed() {
        let scheduler = Scheduler::new();
        let mut progress = Progress::default();
        let detail = ReviewDetail {
            correct: None,
            answer: Some("We share information".to_owned()),
        };
        scheduler.review(&mut progress, "c", "g/t", Grade::Good, detail, at(1, 9));
        assert_eq!(
            progress.cards["c"].reviews[0].answer.as_deref(),
            Some("We share information")
        );
        assert_eq!(progress.cards["c"].reviews[0].grade, 3);
    }
}
