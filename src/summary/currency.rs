//! Whether an answer may be out of date: the dataset's `checked` date plus its
//! `stale_after_months`, against the device's date (../shared/contract/README.md, "Currency").
//!
//! Pure, tested natively: the widget reads the device's date once when it mounts and asks
//! [`is_stale`]; [`OnceNotice`] decides which live-region message carries the notice, so a
//! screen reader hears it once, not with every change.

/// A calendar day (proleptic Gregorian), compared in date order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// The number of days in `month` (1–12) of `year`.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl Day {
    /// The day, if it exists (2026-02-29 does not).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)).then_some(Day { year, month, day })
    }

    /// Reads `YYYY-MM-DD`; `None` for anything else (`undated`, a bad date).
    pub fn parse(iso: &str) -> Option<Day> {
        let mut parts = iso.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y) && digits(m) && digits(d)) {
            return None;
        }
        Day::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The same day `months` calendar months later; a day the later month lacks becomes its
    /// last day (2026-01-31 + 1 month = 2026-02-28, 2024-02-29 + 12 months = 2025-02-28).
    pub fn add_months(self, months: u32) -> Day {
        let index = self.year as i64 * 12 + i64::from(self.month - 1) + i64::from(months);
        let year = index.div_euclid(12) as i32;
        let month = index.rem_euclid(12) as u32 + 1;
        Day { year, month, day: self.day.min(days_in_month(year, month)) }
    }
}

/// Whether `today` is more than `stale_after_months` months after `checked` (a `YYYY-MM-DD`
/// date): on the day the months are up the answer is still current, from the next day on it may
/// be out of date. Never stale without a limit or without a date for today; a `checked` that is
/// no date (the build refuses one) counts as stale, since nothing says the data is current.
pub fn is_stale(checked: &str, stale_after_months: Option<u32>, today: Option<Day>) -> bool {
    let (Some(months), Some(today)) = (stale_after_months, today) else {
        return false;
    };
    match Day::parse(checked) {
        Some(checked) => today > checked.add_months(months),
        None => true,
    }
}

/// Which message of the live region carries the currency notice: the first that announces a
/// decided answer, and no later one. The message stays the same (and carries the notice) while
/// the headline does not change, so re-rendering it says nothing new; the first different
/// headline drops the notice for good. The notice itself stays on screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OnceNotice {
    /// The headline that carries the notice, once one has.
    carrier: Option<String>,
    /// The carrier has been replaced: the notice was announced.
    done: bool,
}

impl OnceNotice {
    /// Whether the message for `headline` carries the notice (call once per render).
    pub fn carries(&mut self, stale: bool, decided: bool, headline: &str) -> bool {
        if !stale || self.done {
            return false;
        }
        match &self.carrier {
            None if decided => {
                self.carrier = Some(headline.to_string());
                true
            }
            None => false,
            Some(h) if h == headline => true,
            Some(_) => {
                self.done = true;
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(iso: &str) -> Day {
        Day::parse(iso).unwrap_or_else(|| panic!("{iso} is no date"))
    }

    #[test]
    fn dates_are_read_strictly() {
        assert_eq!(Day::parse("2026-11-30"), Some(Day { year: 2026, month: 11, day: 30 }));
        assert_eq!(Day::parse("2024-02-29"), Some(Day { year: 2024, month: 2, day: 29 }));
        for bad in ["2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-21", "undated", "", "2026-11-30-1", "2026-1a-01", "+026-11-30"] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
        assert_eq!(Day::parse("2000-02-29"), Some(Day { year: 2000, month: 2, day: 29 }));
        assert!(day("2027-11-30") < day("2027-12-01") && day("2027-01-31") < day("2027-02-01"));
    }

    #[test]
    fn months_are_added_on_the_calendar() {
        assert_eq!(day("2026-11-30").add_months(12), day("2027-11-30"));
        assert_eq!(day("2026-11-30").add_months(1), day("2026-12-30"));
        assert_eq!(day("2026-12-15").add_months(1), day("2027-01-15"));
        // A day the later month lacks becomes its last day.
        assert_eq!(day("2026-01-31").add_months(1), day("2026-02-28"));
        assert_eq!(day("2028-01-31").add_months(1), day("2028-02-29"));
        assert_eq!(day("2026-03-31").add_months(1), day("2026-04-30"));
        assert_eq!(day("2024-02-29").add_months(12), day("2025-02-28"));
        assert_eq!(day("2024-02-29").add_months(48), day("2028-02-29"));
        assert_eq!(day("2026-08-31").add_months(18), day("2028-02-29"));
        assert_eq!(day("2026-11-30").add_months(0), day("2026-11-30"));
        assert_eq!(day("2026-11-30").add_months(1200), day("2126-11-30"));
    }

    #[test]
    fn stale_from_the_day_after_the_months_are_up() {
        let twelve = Some(12);
        // The dataset's own dates: checked 2026-11-30, 12 months.
        assert!(!is_stale("2026-11-30", twelve, Some(day("2026-11-30"))));
        assert!(!is_stale("2026-11-30", twelve, Some(day("2027-11-29"))));
        assert!(!is_stale("2026-11-30", twelve, Some(day("2027-11-30"))));
        assert!(is_stale("2026-11-30", twelve, Some(day("2027-12-01"))));
        assert!(is_stale("2026-11-30", twelve, Some(day("2028-11-30"))));
        // A device clock behind the check is not stale.
        assert!(!is_stale("2026-11-30", twelve, Some(day("2020-01-01"))));
        // Month ends: 2026-01-31 + 1 month ends on 2026-02-28.
        assert!(!is_stale("2026-01-31", Some(1), Some(day("2026-02-28"))));
        assert!(is_stale("2026-01-31", Some(1), Some(day("2026-03-01"))));
        // Leap day: 2024-02-29 + 12 months ends on 2025-02-28.
        assert!(!is_stale("2024-02-29", twelve, Some(day("2025-02-28"))));
        assert!(is_stale("2024-02-29", twelve, Some(day("2025-03-01"))));
        // Across a year end.
        assert!(!is_stale("2026-12-31", Some(2), Some(day("2027-02-28"))));
        assert!(is_stale("2026-12-31", Some(2), Some(day("2027-03-01"))));
        // No limit, or no date for today: nothing said.
        assert!(!is_stale("2026-11-30", None, Some(day("2099-01-01"))));
        assert!(!is_stale("2026-11-30", twelve, None));
        // A checked date that is no date cannot vouch for the data.
        assert!(is_stale("undated", twelve, Some(day("2026-11-30"))));
    }

    #[test]
    fn the_compiled_dataset_goes_stale_a_year_after_it_was_checked() {
        let d = crate::data::dataset();
        let a = crate::evaluate(&crate::Patient::default());
        assert_eq!((a.dataset.checked, a.dataset.stale_after_months), (d.checked(), d.stale_after_months));
        let end = day(a.dataset.checked).add_months(a.dataset.stale_after_months.expect("stale_after_months"));
        let next = Day::new(end.year, end.month, end.day + 1)
            .or_else(|| Day::new(end.year, end.month + 1, 1))
            .or_else(|| Day::new(end.year + 1, 1, 1))
            .unwrap();
        assert!(!is_stale(a.dataset.checked, a.dataset.stale_after_months, Some(end)));
        assert!(next > end && is_stale(a.dataset.checked, a.dataset.stale_after_months, Some(next)));
    }

    #[test]
    fn the_notice_goes_with_the_first_decided_answer_only() {
        let mut once = OnceNotice::default();
        // Not stale: never.
        assert!(!once.carries(false, true, "Ja"));
        // Stale, still incomplete: the empty form's message does not carry it.
        assert!(!once.carries(true, false, "Svar saknas"));
        assert!(!once.carries(true, false, "Svar saknas"));
        // The first decided answer carries it, and keeps it while the headline stays.
        assert!(once.carries(true, true, "Nej"));
        assert!(once.carries(true, true, "Nej"));
        // Any later headline does not, not even the first one again.
        assert!(!once.carries(true, true, "Ja, med villkor"));
        assert!(!once.carries(true, true, "Nej"));
        assert!(!once.carries(true, false, "Svar saknas"));
    }
}
