//! `decision-table --diff OLD.toml [--new NEW.toml]`: the drug committee's change report.
//!
//! What changes for patients is computed exactly, by enumeration: every field takes one
//! representative value per interval that the thresholds of *both* datasets make
//! ([`Domains::cut_union`]), and every complete patient built from them gets its verdict and its
//! indications from each dataset (`logic::verdict`, `logic::label`). The patients whose
//! verdict changes are grouped by jurisdiction, indication and old → new verdict, and each group
//! is described as a few "cubes" (for every field, a set of its values), merged as far as the
//! group allows, in the decision table's English ([`crate::words`]). The description is checked
//! against the enumeration before it is printed: every patient it describes is in the group and
//! every patient of the group is described.
//!
//! The rest of the report compares the entries that have ids (sources, quotes, indications,
//! recommendations, notes) and the rules (by their indications and conditions). Entries are
//! compared through their serialised form, so a field added to the schema later is compared too
//! without a change here. Output is deterministic: dataset order, no timestamps.

//!
//! By job: `grid.rs` enumerates the patients and their outcomes; `groups.rs` groups the changed
//! ones and describes each group as a few cubes; `wording.rs` says a cube in the decision
//! table's English; `entries.rs` compares the entries that have ids, and the rules.

mod entries;
mod grid;
mod groups;
mod wording;

use std::fmt::Write as _;

use blincyto_checker::dataset::Dataset;

use entries::{changes, definition_changes, indication_changes, jurisdiction_changes, note_changes, ser, source_changes, unknown_changes};
use groups::verdict_changes;

/// Reads a dataset file and validates it as the build does; the error names the file and every
/// problem found.
pub fn load(path: &str) -> Result<Dataset, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let data: Dataset = toml::from_str(&text).map_err(|e| format!("{path} is not a dataset this build can read:\n{e}"))?;
    blincyto_model::validate::validate(&data).map_err(|errors| {
        let list: Vec<String> = errors.iter().map(|e| format!("  - {e}")).collect();
        format!("{path} is invalid:\n{}", list.join("\n"))
    })?;
    Ok(data)
}

/// The whole report, Markdown.
pub fn report(old: &Dataset, old_name: &str, new: &Dataset, new_name: &str) -> String {
    let mut out = String::new();
    let w = &mut out;
    line(w, "# Blincyto (blinatumomab): change report");
    line(w, "");
    line(w, &format!("- Old: {old_name}, version **{}**, as of **{}**", old.version, old.as_of));
    line(w, &format!("- New: {new_name}, version **{}**, as of **{}**", new.version, new.as_of));
    line(w, "");

    line(w, "## Dataset");
    line(w, "");
    line(w, &from_to("Version", &old.version, &new.version));
    line(w, &from_to("As of", &old.as_of, &new.as_of));
    // Any other top-level setting (format, authority, and whatever the schema gains later).
    for change in changes(&ser(old), &ser(new), &["source", "indication", "jurisdiction", "note", "definition", "version", "asOf", "unknowns"]) {
        line(w, &format!("- Changed: {change}"));
    }
    line(w, "");

    verdict_changes(w, old, new);
    indication_changes(w, old, new);
    jurisdiction_changes(w, old, new);
    source_changes(w, old, new);
    note_changes(w, old, new);
    definition_changes(w, old, new);
    unknown_changes(w, old, new);
    out
}

fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

fn from_to(what: &str, old: &str, new: &str) -> String {
    if old == new {
        format!("- {what}: **{new}** (unchanged)")
    } else {
        format!("- {what}: **{old} → {new}**")
    }
}

fn list_or(w: &mut String, items: Vec<String>, none: &str) {
    if items.is_empty() {
        line(w, none);
    }
    for item in items {
        let _ = writeln!(w, "- {item}");
    }
    line(w, "");
}
