//! Saying when a card comes back, as the flashcard tools learners know do: a short interval on
//! each grade key ("Again 1m · Hard 6m · Good 1d · Easy 4d"), and the next review as a day and a
//! time in the learner's zone ("tomorrow 09:00"). No clock is read: `now` is passed in.

use crate::progress::Zone;
use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Utc};

/// A short interval: `1m`, `6m`, `3h`, `1d`, `12d`, `1.5mo`, `1.2y`; under a minute is `now`.
pub fn interval(from: DateTime<Utc>, to: DateTime<Utc>) -> String {
    let span = to - from;
    let minutes = span.num_minutes();
    if minutes < 1 {
        return "now".to_owned();
    }
    if span < Duration::hours(1) {
        return format!("{minutes}m");
    }
    if span < Duration::days(1) {
        return format!("{}h", span.num_hours());
    }
    let days = span.num_days();
    if days < 30 {
        return format!("{days}d");
    }
    // Tenths of a month or year, as Anki shows them; the counts are small, so the float is exact
    // enough.
    #[allow(clippy::cast_precision_loss)]
    let (months, years) = (days as f64 / 30.0, days as f64 / 365.0);
    if years < 1.0 {
        format!("{}mo", tenths(months))
    } else {
        format!("{}y", tenths(years))
    }
}

/// `1.5`, or `2` when the tenth is 0.
fn tenths(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// When `due` falls, for the learner: `now`, `today 14:05`, `tomorrow 09:00`, `Tue 12 Jan`.
pub fn next_review(zone: Zone, now: DateTime<Utc>, due: DateTime<Utc>) -> String {
    if due <= now {
        return "now".to_owned();
    }
    let (today, then) = (local(zone, now), local(zone, due));
    let days = (then.date() - today.date()).num_days();
    let clock = then.format("%H:%M");
    match days {
        0 => format!("today {clock}"),
        1 => format!("tomorrow {clock}"),
        2..=6 => format!("{} {clock}", then.format("%A")),
        _ if then.date().year_ce() == today.date().year_ce() => {
            then.format("%a %-d %b").to_string()
        }
        _ => then.format("%-d %b %Y").to_string(),
    }
}

fn local(zone: Zone, time: DateTime<Utc>) -> NaiveDateTime {
    match zone {
        Zone::Local => time.with_timezone(&chrono::Local).naive_local(),
        Zone::Fixed(offset) => time.with_timezone(&offset).naive_local(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, day, hour, minute, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn intervals_read_like_a_flashcard_tool() {
        let now = at(5, 9, 0);
        let cases = [
            (at(5, 9, 0), "now"),
            (at(5, 9, 1), "1m"),
            (at(5, 9, 10), "10m"),
            (at(5, 12, 0), "3h"),
            (at(6, 9, 0), "1d"),
            (at(20, 9, 0), "15d"),
            (now + Duration::days(45), "1.5mo"),
            (now + Duration::days(400), "1.1y"),
            (now + Duration::days(730), "2y"),
        ];
        for (then, label) in cases {
            assert_eq!(interval(now, then), label, "{then}");
        }
    }

    #[test]
    fn the_next_review_is_a_day_and_time_in_the_learners_zone() {
        let now = at(5, 9, 0);
        let utc = Zone::utc();
        assert_eq!(next_review(utc, now, at(5, 9, 0)), "now");
        assert_eq!(next_review(utc, now, at(5, 9, 10)), "today 09:10");
        assert_eq!(next_review(utc, now, at(6, 9, 0)), "tomorrow 09:00");
        assert_eq!(next_review(utc, now, at(8, 9, 0)), "Thursday 09:00");
        assert_eq!(next_review(utc, now, at(20, 9, 0)), "Tue 20 Jan");
        let east = chrono::FixedOffset::east_opt(3 * 3600).map_or(utc, Zone::Fixed);
        assert_eq!(
            next_review(east, now, at(5, 22, 0)),
            "tomorrow 01:00",
            "past local midnight is tomorrow"
        );
    }
}
