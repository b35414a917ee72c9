//! Spaced repetition: the FSRS scheduler (the rs-fsrs crate) applied to carestudy's cards.

use super::question::Grade;
use crate::progress::{CardRecord, Progress, Review, Reviewed};
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
    /// Returns the review as made, for the store to save (and to undo).
    pub fn review(
        &self,
        progress: &mut Progress,
        card_id: &str,
        topic_id: &str,
        grade: Grade,
        detail: ReviewDetail,
        now: DateTime<Utc>,
    ) -> Reviewed {
        let before = progress
            .cards
            .get(card_id)
            .map(|record| record.schedule.clone());
        let record = progress
            .cards
            .entry(card_id.to_owned())
            .or_insert_with(|| CardRecord {
                topic: topic_id.to_owned(),
                schedule: new_card(now),
                reviews: Vec::new(),
            });
        // A clock that has gone backwards: the review counts as made at the card's last one,
        // so time never runs backwards for the scheduler (FSRS's forgetting curve is NaN for a
        // negative elapsed time far enough back).
        let last = record
            .reviews
            .last()
            .map(|r| r.at.max(record.schedule.last_review));
        let at = last.map_or(now, |last| now.max(last));
        record.schedule = self.next_schedule(&record.schedule, at, rating(grade));
        let review = Review {
            at,
            grade: grade.number(),
            correct: detail.correct,
            answer: detail.answer,
        };
        record.reviews.push(review.clone());
        Reviewed {
            card_id: card_id.to_owned(),
            topic: record.topic.clone(),
            before,
            after: record.schedule.clone(),
            review,
        }
    }
}

impl Scheduler {
    /// When `card_id` would next be due after each grade (Again, Hard, Good, Easy) given `now`,
    /// without recording anything: the interval each grade key shows.
    pub fn preview(
        &self,
        progress: &Progress,
        card_id: &str,
        now: DateTime<Utc>,
    ) -> [DateTime<Utc>; 4] {
        let schedule = progress
            .cards
            .get(card_id)
            .map_or_else(|| new_card(now), |record| record.schedule.clone());
        // As `review` does: a clock gone backwards counts as the card's last review.
        let at = now.max(schedule.last_review);
        Grade::ALL.map(|grade| self.next_schedule(&schedule, at, rating(grade)).due)
    }

    /// The card's schedule after a review at `at`: always finite. A schedule FSRS cannot work
    /// from (a stability of 0 or less, or a number that is not finite, as an old or edited
    /// file may hold) is started afresh, as if the card were new, rather than giving NaN.
    fn next_schedule(&self, schedule: &Card, at: DateTime<Utc>, rating: Rating) -> Card {
        let usable = schedule.state == rs_fsrs::State::New
            || (schedule.stability > 0.0 && is_finite(schedule));
        if usable {
            let next = self.fsrs.next(schedule.clone(), at, rating).card;
            if is_finite(&next) {
                return next;
            }
        }
        self.fsrs.next(new_card(at), at, rating).card
    }
}

/// Whether every number in a schedule is finite (SQLite and JSON can hold no other).
pub fn is_finite(schedule: &Card) -> bool {
    schedule.stability.is_finite() && schedule.difficulty.is_finite()
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
    fn a_preview_gives_each_grades_next_due_and_changes_nothing() {
        let scheduler = Scheduler::new();
        let mut progress = Progress::default();
        let now = at(1, 9);
        let [again, hard, good, easy] = scheduler.preview(&progress, "c", now);
        assert!(now < again && again < hard && hard < good && good < easy);
        assert!(progress.cards.is_empty(), "a preview records nothing");
        scheduler.review(
            &mut progress,
            "c",
            "g/t",
            Grade::Good,
            ReviewDetail::default(),
            now,
        );
        assert_eq!(
            progress.cards["c"].schedule.due, good,
            "Good gives what it showed"
        );
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

    /// #13.2: a clock a week behind the card's last review used to give a stability of NaN,
    /// saved as `null`, and the whole file was then called damaged.
    #[test]
    fn a_review_dated_before_the_last_one_counts_as_at_the_last_one_and_stays_finite() {
        let scheduler = Scheduler::new();
        for first in [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy] {
            for late in [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy] {
                for days_back in [1, 3, 7, 30, 400] {
                    let mut progress = Progress::default();
                    let detail = ReviewDetail::default;
                    scheduler.review(&mut progress, "c", "g/t", first, detail(), at(1, 9));
                    scheduler.review(&mut progress, "c", "g/t", Grade::Good, detail(), at(2, 9));
                    let behind = at(2, 9) - chrono::Duration::days(days_back);
                    scheduler.review(&mut progress, "c", "g/t", late, detail(), behind);
                    let card = &progress.cards["c"];
                    let case = format!("{first:?} Good {late:?}, {days_back} days back");
                    assert!(
                        card.schedule.stability.is_finite(),
                        "{case}: {:?}",
                        card.schedule
                    );
                    assert!(
                        card.schedule.difficulty.is_finite(),
                        "{case}: {:?}",
                        card.schedule
                    );
                    assert_eq!(card.reviews[2].at, at(2, 9), "{case}");
                    assert_eq!(card.schedule.last_review, at(2, 9), "{case}");
                    assert!(card.schedule.due >= at(2, 9), "{case}");
                }
            }
        }
    }

    /// A schedule that cannot be worked from (an imported card with a stability of 0) gives
    /// a finite schedule, as for a card seen for the first time, rather than infinity or NaN.
    #[test]
    fn a_broken_schedule_is_started_afresh_rather_than_made_non_finite() {
        let scheduler = Scheduler::new();
        let mut progress = Progress::default();
        scheduler.review(
            &mut progress,
            "c",
            "g/t",
            Grade::Good,
            ReviewDetail::default(),
            at(1, 9),
        );
        scheduler.review(
            &mut progress,
            "c",
            "g/t",
            Grade::Good,
            ReviewDetail::default(),
            at(2, 9),
        );
        if let Some(card) = progress.cards.get_mut("c") {
            card.schedule.stability = 0.0;
            card.schedule.state = rs_fsrs::State::Review;
        }
        scheduler.review(
            &mut progress,
            "c",
            "g/t",
            Grade::Good,
            ReviewDetail::default(),
            at(5, 9),
        );
        let schedule = &progress.cards["c"].schedule;
        assert!(
            schedule.stability.is_finite() && schedule.stability > 0.0,
            "{schedule:?}"
        );
        assert!(schedule.difficulty.is_finite(), "{schedule:?}");
        assert!(schedule.due > at(5, 9), "{schedule:?}");
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
