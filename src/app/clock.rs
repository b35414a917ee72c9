//! The app's clock, injected so that headless runs and tests are repeatable.

use chrono::{DateTime, TimeZone, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The real time, read when a review is made.
    System,
    /// Always this time (`carestudy snapshot --now`, tests).
    Fixed(DateTime<Utc>),
}

impl Clock {
    /// The zone days are counted in: the learner's own on the real clock; UTC on a fixed one,
    /// so scripted runs print the same on every machine.
    pub fn zone(&self) -> crate::progress::Zone {
        match self {
            Clock::System => crate::progress::Zone::Local,
            Clock::Fixed(_) => crate::progress::Zone::utc(),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(time) => *time,
        }
    }

    /// The fixed time headless runs use when none is given: a Monday morning.
    pub fn default_fixed() -> Self {
        let time = Utc
            .with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
            .single()
            .unwrap_or_default();
        Clock::Fixed(time)
    }
}
