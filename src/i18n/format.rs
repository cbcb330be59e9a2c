//! Numbers, percentages, dates, ages and a patient's values as each language writes them, and
//! the case of a first letter.

use super::strings;
use crate::patient::Value;
use crate::vocab::{Field, Lang};

/// A number as the language writes it: at most `decimals` decimals, no trailing zeros, decimal
/// comma in Swedish and Norwegian (0,1), a point in English (0.1).
pub fn number(lang: Lang, x: f64, decimals: usize) -> String {
    // Rounded through an integer rather than `format!("{x:.2}")`, which would pull the exact
    // float formatter into the wasm; the widget's numbers are small (ages, percentages, counts).
    let decimals = decimals.min(6) as i32;
    let scaled = (x.abs() * 10f64.powi(decimals)).round() as u64;
    let unit = 10u64.pow(decimals as u32);
    let (whole, mut fraction) = (scaled / unit, scaled % unit);
    let mut digits = decimals;
    while digits > 0 && fraction % 10 == 0 {
        fraction /= 10;
        digits -= 1;
    }
    let sign = if x < 0.0 && scaled != 0 { "-" } else { "" };
    let point = match lang {
        Lang::Sv | Lang::Nb => ',',
        Lang::En => '.',
    };
    if digits == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}{point}{fraction:0width$}", width = digits as usize)
    }
}

/// A percentage as the language writes it, with a no-break space before `%` in Swedish and
/// Norwegian ("0,1 %") and none in English ("0.1%").
pub fn percent(lang: Lang, x: f64) -> String {
    match lang {
        Lang::Sv | Lang::Nb => format!("{}\u{a0}%", number(lang, x, 4)),
        Lang::En => format!("{}%", number(lang, x, 4)),
    }
}

/// A dataset date (`YYYY-MM-DD` or `undated`) as the language writes it: Swedish keeps ISO
/// (2021-11-22), Norwegian writes 22.11.2021, English 22 Nov 2021.
pub fn date(lang: Lang, iso: &str) -> String {
    if iso == "undated" {
        return strings(lang).undated.into();
    }
    let parts: Vec<&str> = iso.split('-').collect();
    let [y, m, d] = parts[..] else { return iso.into() };
    match lang {
        Lang::Sv => iso.into(),
        Lang::Nb => format!("{d}.{m}.{y}"),
        Lang::En => {
            const MONTHS: [&str; 12] =
                ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            let month = m.parse::<usize>().ok().and_then(|m| MONTHS.get(m.wrapping_sub(1)));
            match month {
                Some(name) => format!("{} {name} {y}", d.trim_start_matches('0')),
                None => iso.into(),
            }
        }
    }
}

/// An age in years as the language writes it: months below one year ("3 månader"), years
/// with at most two decimals above, cut rather than rounded ("2,5 år", "17,99 år").
pub fn age(lang: Lang, years: f64) -> String {
    if years < 1.0 - 1e-9 {
        let months = years * 12.0;
        let text = number(lang, months, 1);
        let one = (months - 1.0).abs() < 1e-9;
        let unit = match (lang, one) {
            (Lang::Sv, true) => "månad",
            (Lang::Sv, false) => "månader",
            (Lang::Nb, true) => "måned",
            (Lang::Nb, false) => "måneder",
            (Lang::En, true) => "month",
            (Lang::En, false) => "months",
        };
        format!("{text} {unit}")
    } else {
        let unit = match lang {
            Lang::Sv => "år",
            Lang::Nb => "år",
            Lang::En if (years - 1.0).abs() < 1e-9 => "year",
            Lang::En => "years",
        };
        // Cut, not rounded, to two decimals: 17,99 years is never shown as "18 år" beside
        // "under 18 years – met".
        let cut = (years * 100.0 + 1e-9).floor() / 100.0;
        format!("{} {unit}", number(lang, cut, 2))
    }
}

/// A patient's value of `field` in words ("8 år", "Ph-negativ", "ja").
pub fn value(lang: Lang, field: Field, v: Value) -> String {
    let t = strings(lang);
    match (field, v) {
        (Field::AgeYears, Value::Number(x)) => age(lang, x),
        (Field::MrdPercent, Value::Number(x)) => percent(lang, x),
        (_, Value::Number(x)) => number(lang, x, 4),
        (_, Value::Count(n)) => n.to_string(),
        (_, Value::Flag(true)) => lowercase_first(t.yes),
        (_, Value::Flag(false)) => lowercase_first(t.no),
        (_, other) => (t.option)(other).into(),
    }
}

/// The text with its first letter in upper case ("ålder" → "Ålder").
pub fn capitalize(text: &str) -> String {
    swap_first(text, true)
}

/// The text with its first letter in lower case ("Rekommenderas" → "rekommenderas").
pub fn lowercase_first(text: &str) -> String {
    swap_first(text, false)
}

/// Changes the case of the first letter. Knows ASCII and the Nordic letters only, which is all
/// the widget's words need, and keeps Unicode's case tables (≈20 kB) out of the wasm.
fn swap_first(text: &str, to_upper: bool) -> String {
    const PAIRS: [(char, char); 7] =
        [('å', 'Å'), ('ä', 'Ä'), ('ö', 'Ö'), ('æ', 'Æ'), ('ø', 'Ø'), ('é', 'É'), ('ü', 'Ü')];
    let mut chars = text.chars();
    let Some(first) = chars.next() else { return String::new() };
    if !to_upper && chars.clone().next().is_some_and(|c| c.is_ascii_uppercase()) {
        return text.to_string(); // an acronym (MRD, CD19) keeps its case
    }
    let swapped = if to_upper {
        PAIRS.iter().find(|(l, _)| *l == first).map_or(first.to_ascii_uppercase(), |(_, u)| *u)
    } else {
        PAIRS.iter().find(|(_, u)| *u == first).map_or(first.to_ascii_lowercase(), |(l, _)| *l)
    };
    core::iter::once(swapped).chain(chars).collect()
}

/// An MRD upper bound as the language writes it, kept on one line: "<\u{a0}0,01\u{a0}%".
pub fn percent_below(lang: Lang, x: f64) -> String {
    format!("<\u{a0}{}", percent(lang, x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(number(Lang::Sv, 0.1, 4), "0,1");
        assert_eq!(number(Lang::En, 0.1, 4), "0.1");
        assert_eq!(number(Lang::Nb, 8.0, 2), "8");
        assert_eq!(number(Lang::Sv, 2.25, 1), "2,3");
        assert_eq!(number(Lang::En, 0.05, 4), "0.05");
        assert_eq!(number(Lang::En, 1.0 / 12.0, 4), "0.0833");
        assert_eq!(number(Lang::En, -0.00001, 2), "0");
        assert_eq!(number(Lang::Sv, 1440.0, 2), "1440");
        assert_eq!(number(Lang::Sv, 17.5, 1), "17,5");
        assert_eq!(percent(Lang::Sv, 0.1), "0,1\u{a0}%");
        assert_eq!(percent(Lang::En, 0.1), "0.1%");
        assert_eq!(age(Lang::Sv, 8.0), "8 år");
        assert_eq!(age(Lang::Sv, 0.25), "3 månader");
        assert_eq!(age(Lang::Sv, 1.0 / 12.0), "1 månad");
        assert_eq!(age(Lang::En, 1.0), "1 year");
        assert_eq!(age(Lang::Nb, 2.5), "2,5 år");
    }

    #[test]
    fn first_letters_change_case() {
        assert_eq!(capitalize("ålder minst 18 år"), "Ålder minst 18 år");
        assert_eq!(capitalize("aktiv"), "Aktiv");
        assert_eq!(capitalize(""), "");
        assert_eq!(lowercase_first("Rekommenderas"), "rekommenderas");
        assert_eq!(lowercase_first("Øvrige"), "øvrige");
        assert_eq!(lowercase_first("MRD"), "MRD");
    }

    #[test]
    fn dates_follow_the_language() {
        assert_eq!(date(Lang::Sv, "2021-11-22"), "2021-11-22");
        assert_eq!(date(Lang::Nb, "2021-11-22"), "22.11.2021");
        assert_eq!(date(Lang::En, "2021-11-02"), "2 Nov 2021");
        assert_eq!(date(Lang::Sv, "undated"), "odaterad");
        assert_eq!(date(Lang::Nb, "undated"), "udatert");
        assert_eq!(date(Lang::En, "undated"), "undated");
    }
}
