//! What is typed into the form, read: a number with a decimal comma or point, an age in years
//! or months, MRD as laboratories write it ("0,3 %", "< 0,01"); the element's `jurisdiction`
//! attribute; and why an entry cannot be used, in words. Pure, tested natively.

use crate::i18n::{number, percent, strings};
use crate::patient::{parse_decimal, Value};
use crate::vocab::{Field, Jurisdiction, Kind, Lang};

/// The unit an age is typed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AgeUnit {
    #[default]
    Years,
    /// For infants; the value sent is months / 12.
    Months,
}

impl AgeUnit {
    /// The `value` of the unit's `<option>`.
    pub fn as_str(self) -> &'static str {
        match self {
            AgeUnit::Years => "years",
            AgeUnit::Months => "months",
        }
    }

    pub fn parse(text: &str) -> Option<AgeUnit> {
        match text {
            "years" => Some(AgeUnit::Years),
            "months" => Some(AgeUnit::Months),
            _ => None,
        }
    }
}

/// Why a typed entry cannot be used.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum EntryError {
    /// Not a number at all.
    NotANumber,
    /// A count with a fraction.
    NotWhole,
    /// Outside what the field accepts, in the unit it was typed in.
    OutOfRange { min: f64, max: f64 },
}

/// Reads a number typed into the form for `field` ([`Field::kind`] says which and how much):
/// decimal comma or point, age in `unit` (sent as years), counts as whole numbers. Empty text is
/// `Ok(None)` (missing); an impossible value is an error (and counts as missing).
///
/// MRD is read as laboratories write it: with a trailing "%" ("0,3 %", "0,3%"), and as an upper
/// bound ("< 0,01", "<0,01 %": how an MRD-negative result is reported), which is no exact value
/// (`Ok(None)` here; [`read_below`] gives the bound).
pub fn read_entry(field: Field, text: &str, unit: AgeUnit) -> Result<Option<Value>, EntryError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    if field == Field::MrdPercent {
        if let Some(bound) = text.trim().strip_prefix('<') {
            return read_entry(field, bound, unit).and_then(|b| match b {
                // "< 0" leaves no MRD at all.
                Some(Value::Number(x)) if x > 0.0 => Ok(None),
                Some(_) => Err(EntryError::OutOfRange { min: 0.0, max: 100.0 }),
                None => Err(EntryError::NotANumber),
            });
        }
    }
    let text = match field {
        Field::MrdPercent => text.trim().strip_suffix('%').unwrap_or(text),
        _ => text,
    };
    let n = parse_decimal(text).ok_or(EntryError::NotANumber)?;
    let in_range = |min: f64, max: f64| {
        if (min..=max).contains(&n) {
            Ok(n)
        } else {
            Err(EntryError::OutOfRange { min, max })
        }
    };
    match field.kind() {
        // The age may be typed in months: the range is the same age, in months.
        Kind::Decimal { min, max, .. } if field == Field::AgeYears && unit == AgeUnit::Months => {
            in_range(min * 12.0, max * 12.0).map(|n| Some(Value::Number(n / 12.0)))
        }
        Kind::Decimal { min, max, .. } => in_range(min, max).map(|n| Some(Value::Number(n))),
        Kind::Count { min, max } => match in_range(f64::from(min), f64::from(max))? {
            n if n.fract() == 0.0 => Ok(Some(Value::Count(n as u32))),
            _ => Err(EntryError::NotWhole),
        },
        Kind::Choice(_) | Kind::Flag => Err(EntryError::NotANumber),
    }
}

/// The upper bound of an MRD typed as one ("< 0,01", "<0,01 %"; see [`read_entry`]): every MRD
/// below it is possible. `None` for any other text, or a bound [`read_entry`] refuses.
pub fn read_below(field: Field, text: &str) -> Option<f64> {
    let bound = text.trim().strip_prefix('<').filter(|_| field == Field::MrdPercent)?;
    match read_entry(field, bound, AgeUnit::Years) {
        Ok(Some(Value::Number(x))) if x > 0.0 => Some(x),
        _ => None,
    }
}

/// Reads the `jurisdiction` attribute: `se` or `no`, any case, spaces ignored.
pub fn parse_jurisdiction(text: &str) -> Option<Jurisdiction> {
    Jurisdiction::parse(&text.trim().to_ascii_lowercase())
}

/// Why `field`'s entry cannot be used, in `lang`'s words, with the limits in the unit the age
/// was typed in.
pub fn error_words(lang: Lang, field: Field, e: EntryError, unit: AgeUnit) -> String {
    let t = strings(lang);
    let n = |x: f64| number(lang, x, 2);
    match (field, e) {
        (Field::AgeYears, EntryError::NotANumber) => t.age_not_a_number.into(),
        (Field::AgeYears, EntryError::OutOfRange { min, max }) => {
            let unit = if unit == AgeUnit::Months { t.unit_months } else { t.unit_years };
            (t.age_out_of_range)(&n(min), &n(max), unit)
        }
        (Field::MrdPercent, EntryError::NotANumber) => t.mrd_not_a_number.into(),
        (Field::MrdPercent, EntryError::OutOfRange { min, max }) => {
            (t.mrd_out_of_range)(&percent(lang, min), &percent(lang, max))
        }
        (_, EntryError::NotANumber | EntryError::NotWhole) => t.count_not_whole.into(),
        (_, EntryError::OutOfRange { min, max }) => (t.count_out_of_range)(&n(min), &n(max)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::percent_below;

    #[test]
    fn the_jurisdiction_attribute() {
        assert_eq!(parse_jurisdiction(" NO "), Some(Jurisdiction::No));
        assert_eq!(parse_jurisdiction("se"), Some(Jurisdiction::Se));
        assert_eq!(parse_jurisdiction("dk"), None);
    }

    #[test]
    fn entries_are_read_as_people_type_them() {
        use AgeUnit::*;
        assert_eq!(read_entry(Field::MrdPercent, "0,1", Years), Ok(Some(Value::Number(0.1))));
        assert_eq!(read_entry(Field::MrdPercent, "0.1", Years), Ok(Some(Value::Number(0.1))));
        assert_eq!(read_entry(Field::MrdPercent, "  ", Years), Ok(None));
        assert_eq!(read_entry(Field::MrdPercent, "101", Years), Err(EntryError::OutOfRange { min: 0.0, max: 100.0 }));
        assert_eq!(read_entry(Field::MrdPercent, "abc", Years), Err(EntryError::NotANumber));
        assert_eq!(read_entry(Field::AgeYears, "6", Months), Ok(Some(Value::Number(0.5))));
        assert_eq!(read_entry(Field::AgeYears, "0,5", Years), Ok(Some(Value::Number(0.5))));
        assert_eq!(read_entry(Field::AgeYears, "121", Years), Err(EntryError::OutOfRange { min: 0.0, max: 120.0 }));
        assert_eq!(read_entry(Field::AgeYears, "-1", Years), Err(EntryError::OutOfRange { min: 0.0, max: 120.0 }));
        assert_eq!(read_entry(Field::RelapseNumber, "2", Years), Ok(Some(Value::Count(2))));
        assert_eq!(
            read_entry(Field::RelapseNumber, "0", Years),
            Err(EntryError::OutOfRange { min: 1.0, max: f64::from(crate::vocab::MAX_COUNT) })
        );
        assert_eq!(read_entry(Field::PriorTherapyLines, "1,5", Years), Err(EntryError::NotWhole));
        assert_eq!(read_entry(Field::TkiFailures, "0", Years), Ok(Some(Value::Count(0))));
    }

    /// The age unit's select is set to the unit itself (an age typed in months is never shown
    /// beside "år"): each unit's option value reads back as that unit, and nothing else does.
    #[test]
    fn the_unit_select_reads_back_the_unit_it_shows() {
        assert_eq!(AgeUnit::parse("years"), Some(AgeUnit::Years));
        assert_eq!(AgeUnit::parse("months"), Some(AgeUnit::Months));
        for unit in [AgeUnit::Years, AgeUnit::Months] {
            assert_eq!(AgeUnit::parse(unit.as_str()), Some(unit));
        }
        assert_eq!(AgeUnit::parse("år"), None);
        assert_eq!(AgeUnit::parse(""), None);
    }

    #[test]
    fn item14_mrd_as_laboratories_write_it() {
        use AgeUnit::Years;
        for text in ["0,3 %", "0,3%", " 0.3 % ", "0,3\u{a0}%"] {
            assert_eq!(read_entry(Field::MrdPercent, text, Years), Ok(Some(Value::Number(0.3))), "{text:?}");
        }
        // An upper bound is no exact value; it is read as one.
        for text in ["< 0,01", "<0,01 %", "<0,01%", " < 0.01 % "] {
            assert_eq!(read_entry(Field::MrdPercent, text, Years), Ok(None), "{text:?}");
            assert_eq!(read_below(Field::MrdPercent, text), Some(0.01), "{text:?}");
        }
        assert_eq!(read_below(Field::MrdPercent, "0,01"), None);
        assert_eq!(read_entry(Field::MrdPercent, "< 0", Years), Err(EntryError::OutOfRange { min: 0.0, max: 100.0 }));
        assert_eq!(read_below(Field::MrdPercent, "< 0"), None);
        assert_eq!(read_entry(Field::MrdPercent, "< 101", Years), Err(EntryError::OutOfRange { min: 0.0, max: 100.0 }));
        assert_eq!(read_entry(Field::MrdPercent, "<", Years), Err(EntryError::NotANumber));
        assert_eq!(read_entry(Field::MrdPercent, "< abc", Years), Err(EntryError::NotANumber));
        assert_eq!(read_entry(Field::MrdPercent, "%", Years), Err(EntryError::NotANumber));
        // Only MRD is a percentage.
        assert_eq!(read_entry(Field::AgeYears, "8 %", Years), Err(EntryError::NotANumber));
        assert_eq!(read_entry(Field::PriorTherapyLines, "< 2", Years), Err(EntryError::NotANumber));
        assert_eq!(read_below(Field::PriorTherapyLines, "< 2"), None);
        // The bound in words, never wrapped from its value.
        assert_eq!(percent_below(Lang::Sv, 0.01), "<\u{a0}0,01\u{a0}%");
        assert_eq!(percent_below(Lang::En, 0.01), "<\u{a0}0.01%");
    }

    /// Every entry the form accepts is accepted by the contract's strict reading too.
    #[test]
    fn accepted_entries_are_valid_input() {
        use crate::patient::{parse_value, RawValue};
        for field in Field::ALL.iter().copied().filter(|f| f.is_numeric()) {
            for text in ["0", "1", "0,1", "2", "17,5", "100", "120", "1000", "1440"] {
                for unit in [AgeUnit::Years, AgeUnit::Months] {
                    if let Ok(Some(v)) = read_entry(field, text, unit) {
                        let raw = match v {
                            Value::Number(n) => RawValue::Number(n),
                            Value::Count(n) => RawValue::Number(f64::from(n)),
                            _ => unreachable!(),
                        };
                        assert_eq!(parse_value(field, &raw), Ok(v), "{field} {text:?} {unit:?}");
                    }
                }
            }
        }
    }

    /// Each kind of error in Swedish words, with the limits in the unit the age was typed in.
    #[test]
    fn entry_errors_say_what_is_accepted() {
        let e = |f: Field, e: EntryError, unit: AgeUnit| error_words(Lang::Sv, f, e, unit);
        assert_eq!(
            e(Field::AgeYears, EntryError::OutOfRange { min: 0.0, max: 1440.0 }, AgeUnit::Months),
            "Åldern ska vara mellan 0 och 1440 månader."
        );
        assert_eq!(e(Field::AgeYears, EntryError::OutOfRange { min: 0.0, max: 120.0 }, AgeUnit::Years), "Åldern ska vara mellan 0 och 120 år.");
        assert_eq!(e(Field::AgeYears, EntryError::NotANumber, AgeUnit::Years), "Skriv åldern som ett tal, till exempel 8 eller 0,5.");
        assert_eq!(e(Field::MrdPercent, EntryError::NotANumber, AgeUnit::Years), "Skriv MRD i procent, till exempel 0,1.");
        assert_eq!(
            e(Field::MrdPercent, EntryError::OutOfRange { min: 0.0, max: 100.0 }, AgeUnit::Years),
            "MRD ska vara mellan 0\u{a0}% och 100\u{a0}%."
        );
        assert_eq!(e(Field::PriorTherapyLines, EntryError::NotWhole, AgeUnit::Years), "Skriv ett heltal, till exempel 2.");
        assert_eq!(e(Field::TkiFailures, EntryError::NotANumber, AgeUnit::Years), "Skriv ett heltal, till exempel 2.");
        assert_eq!(
            e(Field::RelapseNumber, EntryError::OutOfRange { min: 1.0, max: 20.0 }, AgeUnit::Years),
            "Skriv ett heltal från 1 till 20."
        );
    }
}
