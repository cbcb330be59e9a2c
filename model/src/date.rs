//! Calendar days: reading `YYYY-MM-DD` strictly and adding calendar months. The bottom of the
//! model, importing nothing of it: the dataset's validation reads its dates with [`Day::parse`],
//! and the widget's currency notice adds `stale_after_months` with [`Day::add_months`].

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

    /// The day as `YYYY-MM-DD`, as [`Day::parse`] reads it.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
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
        assert_eq!(Day { year: 2026, month: 3, day: 5 }.iso(), "2026-03-05");
        assert_eq!(Day::parse(&day("2024-02-29").iso()), Some(day("2024-02-29")));
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
}
