//! One string table per language (sv, nb, en), and the locale-aware reading and writing of
//! numbers and dates.
//!
//! Every user-facing string of the widget and of the record summary lives in a [`Strings`]
//! table; `sv.rs`, `nb.rs` and `en.rs` fill the same struct, so a missing translation is a
//! compile error. Phrases whose grammar depends on the language (a criterion in words, the
//! clause "if MRD were ≥ 0,1 %") are functions in the table, written per language from the typed
//! vocabulary. Pure: no web dependency, tested natively.

use crate::vocab::{Field, Lang};

mod en;
mod format;
mod grammar;
mod nb;
mod sv;
mod table;

pub use format::{age, capitalize, date, lowercase_first, number, percent, percent_below, value};
use grammar::{bounds, by_status, count_range, join_criteria, ordinal, number_range, RangeWords};
pub use table::Strings;

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

#[cfg(test)]
mod tests;
