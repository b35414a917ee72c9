//! Which day a moment falls on for the learner. "Today" is the learner's local day, so the
//! day's new cards start again at local midnight (in British Summer Time a UTC day would
//! start them at 01:00). The zone is passed in, so scripted runs and tests are repeatable.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Offset, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The machine's time zone (from `TZ`, else the system's), summer time included.
    Local,
    /// A fixed offset from UTC.
    Fixed(FixedOffset),
}

impl Zone {
    /// UTC: for scripted runs on a fixed clock, so they print the same on every machine.
    pub fn utc() -> Self {
        Zone::Fixed(FixedOffset::east_opt(0).unwrap_or_else(|| Utc.fix()))
    }

    /// The calendar day `time` falls on in this zone.
    pub fn date(self, time: DateTime<Utc>) -> NaiveDate {
        match self {
            Zone::Local => time.with_timezone(&Local).date_naive(),
            Zone::Fixed(offset) => time.with_timezone(&offset).date_naive(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_moment_after_local_midnight_is_the_next_day_east_of_utc() {
        let late = Utc
            .with_ymd_and_hms(2026, 6, 1, 23, 30, 0)
            .single()
            .unwrap_or_default();
        let british_summer = FixedOffset::east_opt(3600).map(Zone::Fixed);
        let british_summer = british_summer.unwrap_or_else(Zone::utc);
        assert_eq!(Zone::utc().date(late), late.date_naive());
        assert_eq!(
            british_summer.date(late),
            late.date_naive().succ_opt().unwrap_or_default()
        );
    }
}
