//! One string table per language (sv, nb, en), and the locale-aware reading and writing of
//! numbers and dates.
//!
//! Every user-facing string of the widget and of the record summary lives in a [`Strings`]
//! table; `sv.rs`, `nb.rs` and `en.rs` fill the same struct, so a missing translation is a
//! compile error. Phrases whose grammar depends on the language (a criterion in words, the
//! clause "if MRD were ≥ 0,1 %") are functions in the table, written per language from the typed
//! vocabulary. Pure: no web dependency, tested natively.

use crate::assessment::{Assessment, Check};
use crate::dataset::Source;
use crate::patient::{parse_decimal, Value};
use crate::vocab::{Criterion, Field, Jurisdiction, Kind, Lang, RecommendationStatus, Verdict};

mod en;
mod nb;
mod sv;

/// Everything the widget and the summary say, in one language.
pub struct Strings {
    pub lang: Lang,

    // --- The form -------------------------------------------------------------------------
    /// The widget's heading.
    pub title: &'static str,
    /// One sentence under the heading.
    pub intro: &'static str,
    /// The accessible name of the question form.
    pub questions: &'static str,
    /// The Sweden / Norway switch.
    pub jurisdiction_legend: &'static str,
    /// The switch's options, with the deciding body.
    pub jurisdiction_option: fn(Jurisdiction) -> &'static str,
    /// A question (legend or label) for each field.
    pub question: fn(Field) -> &'static str,
    /// A hint under a question, where one helps and the dataset defines nothing for the field:
    /// the form asks [`hint`], which prefers the dataset's definition.
    pub hint: fn(Field) -> Option<&'static str>,
    /// The short name of a field (summary, criteria, "what is missing").
    pub field_name: fn(Field) -> &'static str,
    /// An option of a choice field in words ("Ph-negativ").
    pub option: fn(Value) -> &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    /// The age unit choice.
    pub age_unit_label: &'static str,
    pub unit_years: &'static str,
    pub unit_months: &'static str,
    /// "(assumed)" after the default answer to the monotherapy question.
    pub assumed: &'static str,
    /// An impossible or unreadable entry, tied to its field.
    pub entry_error: fn(Field, EntryError, AgeUnit) -> String,
    pub start_over: &'static str,
    /// The button under an open question when the answer is not known, and what the question
    /// says once it is marked so.
    pub unknown_button: &'static str,
    pub unknown_marked: fn(&str) -> String,
    /// The button in a "not known" note that reopens the question.
    pub unknown_undo: &'static str,
    /// Said after a link that opens in a new tab (visually hidden).
    pub new_tab: &'static str,
    /// The verdict bar's button, which leads to the full answer.
    pub to_answer: &'static str,

    // --- The answer -----------------------------------------------------------------------
    /// The answer region's name ("Svar"): its heading is the verdict itself.
    pub answer_heading: &'static str,
    /// The headline of a verdict, in plain words.
    pub verdict: fn(Verdict) -> &'static str,
    /// One sentence that explains the kind of answer: a verdict, the status of the decision
    /// behind it where one decides it (a "no" that is not recommended is not one that is not
    /// introduced), and the countries it holds in, by name. Call [`explainer`].
    pub verdict_explainer: fn(Verdict, Option<RecommendationStatus>, &[&str]) -> String,
    /// "Answer these to get an answer:" (before the missing fields).
    pub missing_intro: &'static str,
    /// The patient is on label though the answer still needs more.
    pub on_label_so_far: &'static str,
    pub indications_heading: &'static str,
    /// The indications the patient does not meet, with their unmet criteria.
    pub other_indications_heading: &'static str,
    /// On label, but which indication depends on answers that do not change the verdict.
    pub on_label_some: &'static str,
    /// Met / not met / unknown, for screen readers next to ✓ ✗ ?.
    pub check: fn(Check) -> &'static str,
    /// A criterion in words.
    pub criterion: fn(&Criterion) -> String,
    /// "Patient:" before the patient's values.
    pub patient_values: &'static str,
    /// A field that is not answered.
    pub not_given: &'static str,
    pub decision_heading: &'static str,
    /// The label before who decided, by the decision's status: a decision not made (under
    /// assessment, no assessment) or only advised is not "decided by".
    pub decided_by: fn(RecommendationStatus) -> &'static str,
    pub status_label: &'static str,
    pub date_label: &'static str,
    pub case_label: &'static str,
    pub reason_label: &'static str,
    pub conditions_label: &'static str,
    pub source_label: &'static str,
    /// After a source that restates a decision it is not: "som återger beslutet i {case}"
    /// ([`cited_as`]).
    pub restating: fn(case: &str) -> String,
    /// A recommendation's status in words.
    pub status: fn(RecommendationStatus) -> &'static str,
    /// "undated".
    pub undated: &'static str,
    pub notes_heading: &'static str,
    pub assumptions_heading: &'static str,
    /// The monotherapy assumption.
    pub assumption_monotherapy: &'static str,
    pub alternatives_heading: &'static str,
    /// The condition of an alternative: the clause after "if" (field, value, exclusive upper bound).
    pub clause: fn(Field, Value, Option<Value>) -> String,
    /// "If {clause}, the answer would be: {verdict}".
    pub alternative: fn(&str, &str) -> String,
    pub sources_heading: &'static str,
    /// The dataset's two dates and version: "Newest source {as_of}; checked for newer decisions
    /// on {checked} (dataset version {version})."
    pub as_of: fn(as_of: &str, checked: &str, version: &str) -> String,
    /// The currency notice (the contract's "Currency"), shown when the device's date is more
    /// than the dataset's months past `checked`: its heading ("may be out of date")…
    pub stale_heading: &'static str,
    /// …what that means: checked on {checked}, more than {months} months ago…
    pub stale_text: fn(checked: &str, months: u32) -> String,
    /// …and the words before the national sites' links.
    pub stale_check: &'static str,

    // --- Copy, overview, errors -----------------------------------------------------------
    pub copy_summary: &'static str,
    pub copied: &'static str,
    /// The clipboard is not available: the text is shown selected instead.
    pub copy_fallback: &'static str,
    pub summary_label: &'static str,
    pub overview_summary: &'static str,
    pub overview_intro: &'static str,
    pub col_eu: &'static str,
    pub eu_approved: &'static str,
    /// What the widget says when it failed.
    pub failure: &'static str,

    // --- The plain-text summary -------------------------------------------------------------
    pub summary_title: &'static str,
    pub summary_jurisdiction: &'static str,
    pub summary_answer: &'static str,
    pub summary_answers: &'static str,
    pub summary_indication: &'static str,
    pub summary_label_status_off: &'static str,

    // --- The verdict box and the record (issue 19) ------------------------------------------
    /// The headline of an incomplete answer that cannot become a yes.
    pub not_yes_headline: &'static str,
    /// "Möjliga svar: Nej eller Utanför indikation (off-label)." (the list already joined).
    pub possible_answers: fn(&str) -> String,
    /// The word that joins the last two of a list ("A, B eller C").
    pub or: &'static str,
    /// For one value of the single missing fact: "Om {clause}: {answer}."
    pub if_then: fn(&str, &str) -> String,
    /// The clause of the next remission after a relapse: "patienten får recidiv och når CR2".
    pub after_relapse_in_cr: fn(u32) -> String,
    /// The remission's number after "ja": "ja (CR2)".
    pub remission_number: fn(u32) -> String,
    /// The record: the day of the check.
    pub summary_checked_on: fn(&str) -> String,
    /// The record: facts marked not known, or still missing.
    pub summary_not_known: &'static str,
    /// The record: the deciding decision.
    pub summary_decision: &'static str,
    /// A quotation in the language's quotation marks (sv ”…”, nb «…», en “…”).
    pub quote: fn(&str) -> String,

    // --- The verdict bar's words (issue 19) -------------------------------------------------
    /// Before the first answer: "Svara på frågorna – svaret visas här".
    pub bar_invitation: &'static str,
    /// No answer yet, and at most `n` questions that the form can still ask
    /// ([`crate::assessment::most_questions`]): "Inget svar ännu – högst 3 frågor kvar",
    /// "… – 1 fråga kvar"; with `not_yes` (no answer left can be yes) "Inte ja – …".
    pub bar_questions_left: fn(not_yes: bool, n: usize) -> String,
    /// No answer, and no question left to ask (what is missing is marked not known).
    pub bar_no_more_questions: fn(not_yes: bool) -> String,
}

/// The string table of `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Sv => &sv::STRINGS,
        Lang::Nb => &nb::STRINGS,
        Lang::En => &en::STRINGS,
    }
}

/// The hint under the question of `field`: the `hint` of the dataset's definition whose first
/// field is `field` (what an answer means, where a clinician could read it otherwise), else the
/// string table's hint (how to type it). One declaration per fact: a field the dataset defines
/// has no hint of its own in the tables (tested below).
pub fn hint(lang: Lang, field: Field) -> Option<&'static str> {
    let d = crate::data::dataset();
    match d.definitions.iter().find(|def| def.fields.first() == Some(&field)) {
        Some(def) => Some(def.hint.get(lang)),
        None => (strings(lang).hint)(field),
    }
}

/// The status of the decision behind `a`'s verdict: that of every deciding recommendation that
/// gives the verdict, when they agree (`None` when nothing decides it, or they differ).
pub fn deciding_status(a: &Assessment) -> Option<RecommendationStatus> {
    let mut statuses = a.decision.iter().filter(|d| d.verdict == a.verdict).map(|d| d.recommendation.status);
    let first = statuses.next()?;
    statuses.all(|s| s == first).then_some(first)
}

/// The sentence under the headline of `a`: the table's [`Strings::verdict_explainer`] for its
/// verdict, the status of the decision behind it ([`deciding_status`]) and the country by name
/// (every country of the dataset when the answer holds whatever the country).
pub fn explainer(a: &Assessment, lang: Lang) -> String {
    let d = crate::data::dataset();
    let places: Vec<&str> = d
        .jurisdictions
        .iter()
        .filter(|j| a.jurisdiction.is_none_or(|x| x == j.id))
        .map(|j| j.name.get(lang))
        .collect();
    (strings(lang).verdict_explainer)(a.verdict, deciding_status(a), &places)
}

/// A source named as what it is, for a citation in `lang`: "{publisher}: {title}", and when it is
/// cited for the decision in case `case` but is not that case's own document (its title does not
/// name the case), the decision it restates: "Direktoratet for medisinske produkter (DMP), Nye
/// metoder: Notat til Bestillerforum (sak ID2017_067), som gjengir beslutningen i ID2019_118".
/// `case` is the deciding recommendation's case, `None` for a note or a decision without one.
pub fn cited_as(lang: Lang, source: &Source, case: Option<&str>) -> String {
    let name = format!("{}: {}", source.publisher, source.title);
    match case {
        Some(case) if !source.title.contains(case) => format!("{name}, {}", (strings(lang).restating)(case)),
        _ => name,
    }
}

/// Reads a BCP 47 language tag: `sv`, `sv-SE` → Swedish; `nb`, `no`, `nn`, `nb-NO` → Norwegian
/// bokmål; `en`, `en-GB` → English. `None` for any other language.
pub fn parse_lang(tag: &str) -> Option<Lang> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    match primary.as_str() {
        "sv" => Some(Lang::Sv),
        "nb" | "no" | "nn" => Some(Lang::Nb),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// Reads the `jurisdiction` attribute: `se` or `no`, any case, spaces ignored.
pub fn parse_jurisdiction(text: &str) -> Option<Jurisdiction> {
    Jurisdiction::parse(&text.trim().to_ascii_lowercase())
}

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

/// An MRD upper bound as the language writes it, kept on one line: "<\u{a0}0,01\u{a0}%".
pub fn percent_below(lang: Lang, x: f64) -> String {
    format!("<\u{a0}{}", percent(lang, x))
}

/// Shared by the language files: a count range in words ("färre än 2", "minst 2", "2–3").
pub(crate) fn count_range(
    lo: u32,
    below: Option<u32>,
    fewer_than: fn(u32) -> String,
    at_least: fn(u32) -> String,
) -> String {
    match below {
        None => at_least(lo),
        Some(b) if lo == 0 => fewer_than(b),
        Some(b) if b == lo + 1 => lo.to_string(),
        Some(b) => format!("{lo}–{}", b - 1),
    }
}

/// Shared by the language files: the criteria of a composite, each in words, nested
/// composites in parentheses.
pub(crate) fn join_criteria(parts: &[Criterion], word: fn(&Criterion) -> String, conjunction: &str) -> String {
    parts
        .iter()
        .map(|c| match c {
            Criterion::AllOf(_) | Criterion::AnyOf(_) => format!("({})", word(c)),
            _ => word(c),
        })
        .collect::<Vec<_>>()
        .join(conjunction)
}

/// Shared by the language files: an ordinal word for small numbers.
pub(crate) fn ordinal(n: u32, words: [&'static str; 5], fallback: fn(u32) -> String) -> String {
    match n {
        1..=5 => words[n as usize - 1].into(),
        _ => fallback(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::{Cd19, Diagnosis, DiseaseStatus, Philadelphia};

    const LANGS: [Lang; 3] = [Lang::Sv, Lang::Nb, Lang::En];
    /// At most this share (in %) of two tables' texts are the same words.
    /// Today sv and nb share 38 of 199 (names of things: "CD19-positiv", "MRD", "ja").
    const SHARED_PERCENT: usize = 20;

    #[test]
    fn language_tags() {
        assert_eq!(parse_lang("sv"), Some(Lang::Sv));
        assert_eq!(parse_lang("sv-SE"), Some(Lang::Sv));
        assert_eq!(parse_lang("nb"), Some(Lang::Nb));
        assert_eq!(parse_lang("no"), Some(Lang::Nb));
        assert_eq!(parse_lang("nn"), Some(Lang::Nb));
        assert_eq!(parse_lang("nb-NO"), Some(Lang::Nb));
        assert_eq!(parse_lang("en-GB"), Some(Lang::En));
        assert_eq!(parse_lang(" EN "), Some(Lang::En));
        assert_eq!(parse_lang("de"), None);
        assert_eq!(parse_lang(""), None);
        assert_eq!(parse_jurisdiction(" NO "), Some(Jurisdiction::No));
        assert_eq!(parse_jurisdiction("dk"), None);
    }

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

    /// A value never wraps apart from its sign or unit: "≥\u{a0}0,1\u{a0}%", "<\u{a0}5\u{a0}%", in
    /// the dataset's own words (not its verbatim quotes) and in the criteria's.
    #[test]
    fn item14_values_and_units_never_wrap_apart() {
        fn apart(text: &str) -> Option<String> {
            let chars: Vec<char> = text.chars().collect();
            chars.windows(3).find_map(|w| {
                let split = (matches!(w[0], '≥' | '≤' | '<' | '>') && w[1] == ' ' && w[2].is_ascii_digit())
                    || (w[0].is_ascii_digit() && w[1] == ' ' && w[2] == '%');
                split.then(|| w.iter().collect())
            })
        }
        let d = crate::data::dataset();
        let mut texts: Vec<&crate::dataset::Text> = Vec::new();
        texts.extend(d.indications.iter().map(|i| &i.name));
        texts.extend(d.definitions.iter().flat_map(|x| [&x.hint, &x.text]));
        texts.extend(d.notes.iter().map(|n| &n.text));
        for j in d.jurisdictions.iter() {
            texts.extend(j.recommendations.iter().flat_map(|r| [&r.title, &r.scope].into_iter().chain(r.conditions.iter())));
            texts.extend(j.rules.iter().flat_map(|r| [Some(&r.reason), r.qualifier.as_ref(), r.qualifier_short.as_ref()]).flatten());
            texts.extend(j.notes.iter().map(|n| &n.text));
        }
        let mut found = Vec::new();
        for lang in LANGS {
            let t = strings(lang);
            let mut words: Vec<String> = texts.iter().map(|x| x.get(lang).to_string()).collect();
            words.extend(Field::ALL.iter().filter_map(|f| (t.hint)(*f)).map(String::from));
            for ind in d.indications.iter() {
                words.extend(ind.criteria.iter().map(|c| (t.criterion)(c)));
            }
            words.extend([percent(lang, 0.1), percent_below(lang, 0.01)]);
            found.extend(words.iter().filter_map(|w| apart(w).map(|a| format!("{lang}: {a:?} in {w:?}"))));
        }
        assert!(found.is_empty(), "a value and its sign or unit can wrap apart:\n{}", found.join("\n"));
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

    /// The Norwegian table word for word where a copy of another table would show first (the
    /// short names, the headlines, the statuses), and each table in its own language: a table
    /// copied from another (and then partly translated) shares more than the names of things
    /// with it.
    #[test]
    fn every_table_speaks_its_own_language() {
        let nb = strings(Lang::Nb);
        assert_eq!(nb.lang, Lang::Nb);
        assert_eq!(
            Field::ALL.iter().map(|f| (nb.field_name)(*f)).collect::<Vec<_>>(),
            [
                "Land", "Alder", "Diagnose", "CD19", "Philadelphia-kromosom", "Sykdomsfase", "Residivnummer",
                "Fullstendig remisjon", "MRD", "Som del av konsolidering", "Høyrisikoresidiv", "Tidligere behandlinger",
                "Tidligere allogen stamcelletransplantasjon", "TKI som har sviktet", "Andre behandlingsalternativer",
                "Bro til planlagt allogen stamcelletransplantasjon", "Monoterapi",
            ]
        );
        assert_eq!(
            Verdict::ALL.iter().map(|v| (nb.verdict)(*v)).collect::<Vec<_>>(),
            [
                "Ja", "Ja, med vilkår", "Avventer beslutning", "Ingen nasjonal beslutning for denne situasjonen", "Nei",
                "Utenfor indikasjon (off-label)", "Svar mangler – flere opplysninger trengs",
            ]
        );
        assert_eq!(
            RecommendationStatus::ALL.iter().map(|s| (nb.status)(*s)).collect::<Vec<_>>(),
            [
                "Anbefalt", "Anbefalt med vilkår", "Ikke anbefalt", "Ikke innført", "Innført med vilkår", "Vurdering pågår",
                "Avbestilling anbefalt", "Ingen vurdering", "Godkjent",
            ]
        );
        for (a, b) in [(Lang::Sv, Lang::Nb), (Lang::Sv, Lang::En), (Lang::Nb, Lang::En)] {
            let (x, y) = (table_texts(a), table_texts(b));
            assert_eq!(x.len(), y.len());
            assert!(x.iter().chain(&y).all(|w| !w.trim().is_empty()), "{a}/{b}: an empty text");
            let same: Vec<&String> = x.iter().zip(&y).filter(|(p, q)| p == q).map(|(p, _)| p).collect();
            assert!(same.len() * 100 <= x.len() * SHARED_PERCENT, "{a} and {b} share {} of {} texts: {same:?}", same.len(), x.len());
        }
    }

    #[test]
    fn the_headlines_are_the_agreed_words() {
        let sv = strings(Lang::Sv);
        assert_eq!((sv.verdict)(Verdict::YesWithConditions), "Ja, med villkor");
        assert_eq!((sv.verdict)(Verdict::Pending), "Beslut inväntas");
        assert_eq!((sv.verdict)(Verdict::OffLabel), "Utanför indikation (off-label)");
        assert_eq!((sv.verdict)(Verdict::Incomplete), "Svar saknas – fler uppgifter behövs");
    }

    #[test]
    fn criteria_in_words() {
        let any = Criterion::AnyOf(vec![
            Criterion::Philadelphia(Philadelphia::Negative),
            Criterion::AllOf(vec![
                Criterion::Philadelphia(Philadelphia::Positive),
                Criterion::TkiFailuresAtLeast(2),
                Criterion::OtherOptionsAvailable(false),
            ].into()),
        ].into());
        let sv = (strings(Lang::Sv).criterion)(&any);
        assert_eq!(sv, "Ph-negativ eller (Ph-positiv och svikt på minst 2 TKI och inga andra behandlingsalternativ)");
        let nb = (strings(Lang::Nb).criterion)(&any);
        assert!(nb.contains(" eller (") && nb.contains(" og "), "{nb}");
        let en = (strings(Lang::En).criterion)(&any);
        assert!(en.contains(" or (") && en.contains(" and "), "{en}");
        assert_eq!((strings(Lang::Sv).criterion)(&Criterion::MrdAtLeastPercent(0.1)), "MRD ≥\u{a0}0,1\u{a0}%");
        assert_eq!(
            (strings(Lang::Sv).criterion)(&Criterion::CompleteRemission(vec![1, 2].into())),
            "i första eller andra kompletta remission (CR1 eller CR2)"
        );
        // Every criterion the dataset uses has words in every language.
        let d = crate::data::dataset();
        for lang in LANGS {
            for ind in d.indications.iter() {
                for c in ind.criteria.iter() {
                    assert!(!(strings(lang).criterion)(c).is_empty());
                }
            }
        }
    }

    #[test]
    fn clauses_of_alternatives() {
        let sv = strings(Lang::Sv);
        let clause = (sv.clause)(Field::MrdPercent, Value::Number(0.1), None);
        assert_eq!(
            (sv.alternative)(&clause, "Ja, med villkor"),
            "Om MRD är 0,1\u{a0}% eller mer skulle svaret bli: Ja, med villkor"
        );
        assert_eq!(
            (sv.clause)(Field::AgeYears, Value::Number(1.0), Some(Value::Number(18.0))),
            "åldern är 1 till under 18 år"
        );
        assert_eq!(
            (sv.clause)(Field::AgeYears, Value::Number(0.0), Some(Value::Number(1.0 / 12.0))),
            "åldern är under 1 månad"
        );
        assert_eq!(
            (sv.clause)(Field::PriorTherapyLines, Value::Count(0), Some(Value::Count(2))),
            "patienten har fått färre än 2 tidigare behandlingar"
        );
        assert_eq!((sv.clause)(Field::RelapseNumber, Value::Count(2), None), "det gäller andra recidivet eller senare");
        for lang in LANGS {
            let t = strings(lang);
            for field in Field::ALL {
                for v in Value::choices(*field) {
                    assert!(!(t.clause)(*field, v, None).is_empty());
                }
            }
            for (f, v) in [
                (Field::Diagnosis, Value::Diagnosis(Diagnosis::TAll)),
                (Field::Cd19, Value::Cd19(Cd19::Negative)),
                (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::Refractory)),
            ] {
                assert!(!(t.clause)(f, v, None).is_empty());
            }
        }
    }

    #[test]
    fn hints_prefer_the_dataset_definition() {
        let d = crate::data::dataset();
        let def = |id: &str| d.definitions.iter().find(|x| &*x.id == id).unwrap_or_else(|| panic!("no definition {id}"));
        for lang in LANGS {
            // The three questions a clinician could misread get the dataset's words…
            assert_eq!(hint(lang, Field::DiseaseStatus), Some(def("haematological-relapse").hint.get(lang)), "{lang}");
            assert_eq!(hint(lang, Field::InRemission), Some(def("haematological-remission").hint.get(lang)), "{lang}");
            assert_eq!(hint(lang, Field::Monotherapy), Some(def("monotherapy-alternating-cycles").hint.get(lang)), "{lang}");
            // …a field a definition covers but does not start with keeps the table's hint…
            assert_eq!(hint(lang, Field::RelapseNumber), (strings(lang).hint)(Field::RelapseNumber), "{lang}");
            assert!(hint(lang, Field::RelapseNumber).is_some_and(|h| h.contains('1')), "{lang}");
            // …and the others keep theirs, or have none.
            assert_eq!(hint(lang, Field::AgeYears), (strings(lang).hint)(Field::AgeYears), "{lang}");
            assert!(hint(lang, Field::AgeYears).is_some(), "{lang}");
            assert_eq!(hint(lang, Field::Diagnosis), None, "{lang}");
            // Every definition stands under the question of its first field.
            for def in d.definitions.iter() {
                assert_eq!(hint(lang, def.fields[0]), Some(def.hint.get(lang)), "{lang} {}", def.id);
            }
        }
        assert!(hint(Lang::Sv, Field::Monotherapy).is_some_and(|h| h.contains("växlar med cytostatikablock")));
        assert!(hint(Lang::Nb, Field::InRemission).is_some_and(|h| h.starts_with("Hematologisk fullstendig remisjon")));
        assert!(hint(Lang::En, Field::DiseaseStatus).is_some_and(|h| h.contains("MRD-only recurrence")));
    }

    /// One declaration per fact: a field the dataset defines has no hint in the string tables.
    /// Issue 19, item 8: a refractory child after one first-line protocol is off-label, after
    /// two lines it can be bridged: the prior-lines question says what counts as a line, as the
    /// indication ("after at least two prior treatments") means it.
    #[test]
    fn item8_the_prior_lines_question_says_what_counts_as_a_line() {
        assert_eq!(
            hint(Lang::Sv, Field::PriorTherapyLines),
            Some("Heltal. Ett helt förstahandsprotokoll räknas som en behandling; varje ny induktion vid recidiv eller refraktär sjukdom räknas som en till.")
        );
        assert_eq!(
            hint(Lang::Nb, Field::PriorTherapyLines),
            Some("Heltall. En hel førstelinjeprotokoll teller som én behandling; hver ny induksjon ved residiv eller refraktær sykdom teller som én til.")
        );
        assert_eq!(
            hint(Lang::En, Field::PriorTherapyLines),
            Some("A whole number. A whole first-line protocol counts as one; each re-induction for relapse or refractory disease counts as one more.")
        );
    }

    #[test]
    fn no_table_hint_repeats_a_definition() {
        for lang in LANGS {
            for def in crate::data::dataset().definitions.iter() {
                let field = def.fields[0];
                assert_eq!((strings(lang).hint)(field), None, "{lang}: the {lang} table has a hint for {field}, which {} defines", def.id);
            }
        }
    }

    #[test]
    fn the_currency_notice_in_words() {
        assert_eq!(
            (strings(Lang::Sv).stale_text)("2026-11-30", 12),
            "Underlaget kontrollerades senast 2026-11-30, för mer än 12 månader sedan. Nyare beslut kan ha fattats sedan dess."
        );
        assert!((strings(Lang::Nb).stale_text)("30.11.2026", 1).contains("mer enn 1 måned siden"));
        assert!((strings(Lang::En).stale_text)("30 Nov 2026", 12).contains("more than 12 months ago"));
        for lang in LANGS {
            let t = strings(lang);
            assert!(!t.stale_heading.is_empty() && t.stale_check.ends_with(':'), "{lang}");
        }
    }

    #[test]
    fn entry_errors_say_what_is_accepted() {
        let sv = strings(Lang::Sv);
        let e = (sv.entry_error)(Field::AgeYears, EntryError::OutOfRange { min: 0.0, max: 1440.0 }, AgeUnit::Months);
        assert!(e.contains("1440") && e.contains("månader"), "{e}");
        let e = (sv.entry_error)(Field::MrdPercent, EntryError::NotANumber, AgeUnit::Years);
        assert!(e.contains("0,1"), "{e}");
        let e = (sv.entry_error)(Field::PriorTherapyLines, EntryError::NotWhole, AgeUnit::Years);
        assert!(e.contains("heltal"), "{e}");
    }

    /// Patients of the key answers below.
    fn b_all(j: Jurisdiction, age: f64) -> crate::Patient {
        crate::Patient {
            jurisdiction: Some(j),
            age_years: Some(age),
            diagnosis: Some(Diagnosis::BPrecursorAll),
            cd19: Some(Cd19::Positive),
            philadelphia: Some(Philadelphia::Negative),
            ..crate::Patient::default()
        }
    }

    fn adult_refractory(j: Jurisdiction) -> crate::Patient {
        crate::Patient { disease_status: Some(DiseaseStatus::Refractory), planned_allo_hsct: Some(false), ..b_all(j, 45.0) }
    }

    fn adult_mrd(j: Jurisdiction, relapses: Option<u32>) -> crate::Patient {
        crate::Patient {
            disease_status: Some(if relapses.is_some() { DiseaseStatus::Relapsed } else { DiseaseStatus::NewlyDiagnosed }),
            relapse_number: relapses,
            in_remission: Some(true),
            mrd_percent: Some(0.5),
            consolidation: Some(false),
            planned_allo_hsct: Some(false),
            ..b_all(j, 45.0)
        }
    }

    fn child_high_risk_first_relapse(j: Jurisdiction) -> crate::Patient {
        crate::Patient {
            disease_status: Some(DiseaseStatus::Relapsed),
            relapse_number: Some(1),
            in_remission: Some(true),
            high_risk_relapse: Some(true),
            consolidation: Some(true),
            planned_allo_hsct: Some(false),
            ..b_all(j, 8.0)
        }
    }

    /// The headline and the sentence under it.
    fn answer(p: &crate::Patient, lang: Lang) -> (Verdict, String, String) {
        let a = crate::evaluate(p);
        (a.verdict, crate::summary::headline(&a, lang), explainer(&a, lang))
    }

    /// Item 6 of issue 19: NT-rådet's advice for children is to refrain from *general* use, and
    /// the headline says so; the sentence under it says which kind of "no" it is (a
    /// recommendation, not a decision not to introduce), and each "no" follows its decision's
    /// status.
    #[test]
    fn item6_the_childrens_no_is_qualified_and_every_explainer_follows_the_status() {
        let child = crate::Patient { planned_allo_hsct: Some(false), ..crate::fixtures::child_bridging() };
        assert_eq!(
            answer(&child, Lang::Sv),
            (
                Verdict::No,
                "Nej – avstå från generell användning".into(),
                "Användningen rekommenderas inte i Sverige. Det är en nationell rekommendation till regionerna, inte ett bindande beslut.".into()
            )
        );
        assert_eq!(answer(&child, Lang::Nb).1, "Nei – avstå fra generell bruk");
        assert_eq!(answer(&child, Lang::En).1, "No – refrain from general use");
        // Norway's "no" for relapsed/refractory adults is a decision not to introduce.
        assert_eq!(
            answer(&adult_refractory(Jurisdiction::No), Lang::Nb),
            (Verdict::No, "Nei".into(), "Det er besluttet at metoden ikke skal innføres i Norge.".into())
        );
        // In CR2, outside the conditions of a method that is introduced.
        assert_eq!(
            answer(&adult_mrd(Jurisdiction::No, Some(1)), Lang::En),
            (Verdict::No, "No".into(), "The method is introduced in Norway only on conditions this patient does not meet.".into())
        );
        // Three kinds of "no", three sentences, in every language.
        for lang in LANGS {
            let words: Vec<String> = [child.clone(), adult_refractory(Jurisdiction::No), adult_mrd(Jurisdiction::No, Some(1))]
                .iter()
                .map(|p| answer(p, lang).2)
                .collect();
            assert!(words[0] != words[1] && words[1] != words[2] && words[0] != words[2], "item 6, {lang}: {words:?}");
        }
        // The status behind the verdict, when the deciding decisions agree.
        assert_eq!(deciding_status(&crate::evaluate(&child)), Some(RecommendationStatus::NotRecommended));
        assert_eq!(deciding_status(&crate::evaluate(&crate::Patient::default())), None);
    }

    /// Item 7 of issue 19: a decision not made is not "decided by" anyone.
    #[test]
    fn item7_the_label_before_who_decided_follows_the_status() {
        use RecommendationStatus as S;
        let label = |lang: Lang, s: S| (strings(lang).decided_by)(s);
        assert_eq!(
            [S::UnderAssessment, S::NoAssessment, S::NotIntroduced].map(|s| label(Lang::Nb, s)),
            ["Behandles av", "Ansvarlig", "Besluttet av"]
        );
        assert_eq!([S::UnderAssessment, S::NoAssessment, S::NotIntroduced].map(|s| label(Lang::Sv, s)), ["Behandlas av", "Ansvarig", "Beslutat av"]);
        assert_eq!([S::UnderAssessment, S::NoAssessment, S::NotIntroduced].map(|s| label(Lang::En, s)), ["Handled by", "Responsible", "Decided by"]);
        // On the decision card of a Norwegian child's pending answer.
        let a = crate::evaluate(&child_high_risk_first_relapse(Jurisdiction::No));
        assert_eq!(a.verdict, Verdict::Pending);
        let card = crate::form::answer::DecisionView::of(&a.decision[0], Lang::Nb);
        assert_eq!((card.decided_by_label, card.decided_by), ("Behandles av", "Bestillerforum for nye metoder / DMP"));
        assert_eq!(answer(&child_high_risk_first_relapse(Jurisdiction::No), Lang::Nb).1, "Avventer beslutning");
    }

    /// Item 9 of issue 19: the DMP memo is cited as the memo (case ID2017_067, which it is about),
    /// with the decision it restates, by case; never with a title that puts bridging to transplant
    /// in a non-transplant patient's record.
    #[test]
    fn item9_a_memo_is_cited_as_the_memo_restating_the_decision() {
        let d = crate::data::dataset();
        let memo = d.source("dmp-2024-10-11").unwrap();
        let dmp = "Direktoratet for medisinske produkter (DMP), Nye metoder: Notat til Bestillerforum i sak ID2017_067";
        assert_eq!(cited_as(Lang::Nb, memo, Some("ID2019_118")), format!("{dmp}, som gjengir beslutningen i ID2019_118"));
        assert_eq!(cited_as(Lang::Sv, memo, Some("ID2015_013")), format!("{dmp}, som återger beslutet i ID2015_013"));
        assert_eq!(cited_as(Lang::En, memo, Some("ID2021_036")), format!("{dmp}, restating the decision in ID2021_036"));
        // The memo is ID2017_067's own document; Nye metoder's page on ID2015_013 is that case's.
        assert_eq!(cited_as(Lang::Nb, memo, Some("ID2017_067")), dmp);
        let own = d.source("nyemetoder-id2015-013").unwrap();
        assert_eq!(cited_as(Lang::En, own, Some("ID2015_013")), format!("Nye metoder: {}", own.title));
        // No case (NT-rådet, a note): the source's name alone.
        let nt = d.source("nt-radet-vgr").unwrap();
        assert_eq!(cited_as(Lang::Sv, nt, None), format!("{}: {}", nt.publisher, nt.title));
        assert!(!memo.title.contains("bro til transplantasjon"), "item 9: {}", memo.title);
        // Every decision of ID2019_118, ID2015_013 or ID2021_036 quoted from the memo restates.
        for rec in d.jurisdictions.iter().flat_map(|j| j.recommendations.iter()) {
            if let (Some(case), true) = (rec.case.as_deref(), &*rec.cite.source == "dmp-2024-10-11") {
                let restates = cited_as(Lang::Nb, memo, Some(case)).ends_with(&format!("som gjengir beslutningen i {case}"));
                assert_eq!(restates, case != "ID2017_067", "item 9: {case}");
            }
        }
    }

    /// Every text of the dataset a reader sees in `lang` that is not a quotation.
    fn dataset_texts(lang: Lang) -> Vec<&'static str> {
        let d = crate::data::dataset();
        let mut out: Vec<&'static str> = vec![d.authority.get(lang)];
        out.extend(d.unknowns.iter().map(|u| u.get(lang)));
        out.extend(d.indications.iter().map(|i| i.name.get(lang)));
        for j in d.jurisdictions.iter() {
            out.push(j.name.get(lang));
            for r in j.recommendations.iter() {
                out.extend([r.title.get(lang), r.scope.get(lang)]);
                out.extend(r.conditions.iter().map(|c| c.get(lang)));
            }
            for r in j.rules.iter() {
                out.push(r.reason.get(lang));
                out.extend(r.qualifier.iter().map(|q| q.get(lang)));
            }
            out.extend(j.notes.iter().map(|n| n.text.get(lang)));
        }
        out.extend(d.notes.iter().map(|n| n.text.get(lang)));
        for def in d.definitions.iter() {
            out.extend([def.hint.get(lang), def.text.get(lang)]);
        }
        out
    }

    /// The words of a string table a reader sees (every question, name, option, verdict,
    /// explainer, status and criterion the dataset uses, and the fixed texts).
    fn table_texts(lang: Lang) -> Vec<String> {
        let t = strings(lang);
        let mut out: Vec<String> = [
            t.title, t.intro, t.on_label_so_far, t.on_label_some, t.missing_intro, t.assumption_monotherapy,
            t.overview_intro, t.summary_title, t.summary_label_status_off, t.copied, t.copy_fallback, t.failure,
        ]
        .map(String::from)
        .to_vec();
        for f in Field::ALL {
            out.extend([(t.question)(*f), (t.field_name)(*f)].map(String::from));
            out.extend((t.hint)(*f).map(String::from));
            out.extend(Value::choices(*f).into_iter().map(|v| value(lang, *f, v)));
        }
        for v in Verdict::ALL {
            out.push((t.verdict)(*v).into());
            out.push((t.verdict_explainer)(*v, None, &["X"]));
            out.extend(RecommendationStatus::ALL.iter().map(|s| (t.verdict_explainer)(*v, Some(*s), &["X"])));
        }
        out.extend(RecommendationStatus::ALL.iter().map(|s| (t.status)(*s).to_string()));
        for ind in crate::data::dataset().indications.iter() {
            out.extend(ind.criteria.iter().map(|c| (t.criterion)(c)));
        }
        out.push((t.as_of)("A", "B", "C"));
        out
    }

    fn has_dotted_date(text: &str) -> bool {
        let b = text.as_bytes();
        b.windows(10).any(|w| {
            let d = |i: usize| w[i].is_ascii_digit();
            d(0) && d(1) && w[2] == b'.' && d(3) && d(4) && w[5] == b'.' && d(6) && d(7) && d(8) && d(9)
        })
    }

    /// Item 16 of issue 19: the words of a few key answers, exactly, in each language, so that a
    /// table copied from another language (or a reworded one) fails here.
    #[test]
    fn item16_key_answers_in_exact_words() {
        assert_eq!(
            answer(&crate::fixtures::child_bridging(), Lang::Sv),
            (
                Verdict::Yes,
                "Ja – som bryggbehandling inför allogen stamcellstransplantation".into(),
                "Användningen stöds av en nationell rekommendation i Sverige.".into()
            )
        );
        assert_eq!(
            answer(&adult_mrd(Jurisdiction::No, None), Lang::Nb),
            (Verdict::YesWithConditions, "Ja, med vilkår".into(), "Metoden er innført i Norge, men bare med vilkårene nedenfor.".into())
        );
        let t_all = crate::Patient { jurisdiction: Some(Jurisdiction::Se), diagnosis: Some(Diagnosis::TAll), ..crate::Patient::default() };
        assert_eq!(
            answer(&t_all, Lang::En),
            (
                Verdict::OffLabel,
                "Outside the indication (off-label)".into(),
                "The patient meets none of Blincyto's approved indications (monotherapy for CD19-positive B-cell precursor ALL).".into()
            )
        );
        // "No recommendation" is easily read as "not recommended": it says there is no decision.
        let consolidation = crate::Patient {
            disease_status: Some(DiseaseStatus::NewlyDiagnosed),
            in_remission: Some(true),
            mrd_percent: Some(0.0),
            consolidation: Some(true),
            planned_allo_hsct: Some(false),
            ..b_all(Jurisdiction::No, 45.0)
        };
        assert_eq!(
            answer(&consolidation, Lang::Nb),
            (
                Verdict::NoRecommendation,
                "Ingen nasjonal beslutning for denne situasjonen".into(),
                "Pasienten er innenfor en godkjent indikasjon, men grunnlaget inneholder ingen nasjonal beslutning for denne situasjonen i Norge.".into()
            )
        );
        assert_eq!(answer(&consolidation, Lang::Sv).1, "Inget nationellt beslut för denna situation");
        assert_eq!(answer(&consolidation, Lang::En).1, "No national decision for this situation");
        // Decided before the country is known: both countries, by name.
        let anywhere = crate::Patient { jurisdiction: None, ..consolidation.clone() };
        assert_eq!(crate::evaluate(&anywhere).verdict, Verdict::NoRecommendation);
        assert!(answer(&anywhere, Lang::Sv).2.ends_with("för denna situation i Sverige och Norge."), "{}", answer(&anywhere, Lang::Sv).2);
        assert_eq!(answer(&child_high_risk_first_relapse(Jurisdiction::No), Lang::Sv).1, "Beslut inväntas");
    }

    /// Item 16 of issue 19: what a native editor and a haematologist would correct, in the three
    /// tables and in the dataset's own texts (never in a quotation).
    #[test]
    fn item16_the_words_read_as_a_native_editor_writes_them() {
        let (sv, nb, en) = (strings(Lang::Sv), strings(Lang::Nb), strings(Lang::En));
        // Compounds.
        assert_eq!([Field::RelapseNumber, Field::HighRiskRelapse].map(sv.field_name), ["Recidivnummer", "Högriskrecidiv"]);
        assert_eq!([Field::RelapseNumber, Field::HighRiskRelapse].map(nb.field_name), ["Residivnummer", "Høyrisikoresidiv"]);
        assert!((sv.as_of)("a", "b", "2026.12.05-1").contains("(underlagsversion 2026.12.05-1)"));
        assert!((nb.as_of)("a", "b", "2026.12.05-1").contains("(grunnlagsversjon 2026.12.05-1)"));
        // Natural headlines.
        assert_eq!([Verdict::Pending, Verdict::NoRecommendation].map(sv.verdict), ["Beslut inväntas", "Inget nationellt beslut för denna situation"]);
        assert_eq!([Verdict::Pending, Verdict::NoRecommendation].map(nb.verdict), ["Avventer beslutning", "Ingen nasjonal beslutning for denne situasjonen"]);
        assert_eq!(en.summary_title, "Blincyto (blinatumomab) – eligibility check");
        // One name for one thing: the question of the disease phase names it.
        assert_eq!((nb.question)(Field::DiseaseStatus), "Hvilken sykdomsfase skal behandles?");
        assert!((sv.question)(Field::DiseaseStatus).contains(&(sv.field_name)(Field::DiseaseStatus).to_lowercase()));
        assert!((en.question)(Field::DiseaseStatus).contains(&(en.field_name)(Field::DiseaseStatus).to_lowercase()));
        for lang in LANGS {
            let data = dataset_texts(lang);
            let table = table_texts(lang);
            let all: Vec<&str> = data.iter().copied().chain(table.iter().map(String::as_str)).collect();
            let none_has = |bad: &[&str], what: &str| {
                for text in &all {
                    for b in bad {
                        assert!(!text.contains(b), "item 16, {lang}: {what} {b:?} in {text:?}");
                    }
                }
            };
            // The country by name, an approved indication, no calque.
            none_has(&["det valda landet", "det valgte landet", "the chosen country", "innenfor indikasjon", "inom indikation", "within an indication"], "say");
            match lang {
                Lang::Sv => {
                    none_has(&["B-ALL", "B-cellsprekursor", "«", "»", "“"], "one name / Swedish quotation marks:");
                    for text in &all {
                        assert!(!has_dotted_date(text), "item 16: a Swedish text with a dd.mm.yyyy date: {text}");
                    }
                }
                Lang::Nb => none_has(
                    &["B-prekursor ALL", "B-ALL", "èn ", "ordnet innføring", "nødvendig helsehjelp", "”", "“"],
                    "one name / Norwegian words / quotation marks:",
                ),
                Lang::En => {
                    none_has(&["B-precursor ALL", "B-ALL", "is no relapse", "It is no ", "is no indication", "check of use", "«", "»"], "English:");
                    for text in &all {
                        assert!(!has_dotted_date(text), "item 16: an English text with a dd.mm.yyyy date: {text}");
                    }
                }
            }
        }
    }
}
