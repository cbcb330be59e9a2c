//! Whether an answer may be out of date: the dataset's `checked` date plus its
//! `stale_after_months`, against the device's date (../shared/contract/README.md, "Currency").
//!
//! Pure, tested natively: the widget reads the device's date once when it mounts and asks
//! [`is_stale`]; [`crate::form::progress::OnceNotice`] decides which live-region message carries
//! the notice, so a screen reader hears it once, not with every change.

pub use blincyto_model::date::Day;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(iso: &str) -> Day {
        Day::parse(iso).unwrap_or_else(|| panic!("{iso} is no date"))
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

}
