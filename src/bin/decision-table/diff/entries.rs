//! The entries that have ids (sources, quotes, indications, recommendations, notes,
//! definitions), the rules (by their indications and conditions) and the known unknowns, old
//! against new.

use blincyto_checker::dataset::{self, Dataset, JurisdictionData, Rule};
use heck::ToSnakeCase;
use blincyto_checker::vocab::{Criterion, Jurisdiction};

use super::{line, list_or};
use crate::words::all_of;

/// An entry as TOML values (the criteria, which do not serialise, are compared on their own).
pub(super) fn ser<T: serde::Serialize>(x: &T) -> toml::Value {
    toml::Value::try_from(x).expect("dataset entries serialise")
}

/// A short rendering of a value: a word as it is, a sentence in «quotes», a text by its
/// English; `None` for lists and other tables.
pub(super) fn short(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) if s.contains(char::is_whitespace) => Some(format!("«{s}»")),
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Integer(_) | toml::Value::Float(_) | toml::Value::Boolean(_) | toml::Value::Datetime(_) => Some(v.to_string()),
        toml::Value::Table(t) => match (t.get("en"), t.get("source"), t.get("quote")) {
            (Some(en), _, _) => en.as_str().map(|en| format!("«{en}»")),
            // A citation.
            (None, Some(source), Some(quote)) => Some(format!("{} / {}", source.as_str()?, quote.as_str()?)),
            _ => None,
        },
        toml::Value::Array(_) => None,
    }
}

/// What differs between two tables, key by key (`skip`: keys compared elsewhere).
pub(super) fn changes(old: &toml::Value, new: &toml::Value, skip: &[&str]) -> Vec<String> {
    let empty = toml::map::Map::new();
    let (o, n) = (old.as_table().unwrap_or(&empty), new.as_table().unwrap_or(&empty));
    let mut keys: Vec<&String> = o.keys().chain(n.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut out = Vec::new();
    for key in keys.into_iter().filter(|k| !skip.contains(&k.as_str())) {
        // `decidedBy` → `decided_by`, as the dataset file spells it.
        let name = format!("`{}`", key.to_snake_case());
        match (o.get(key), n.get(key)) {
            (Some(a), Some(b)) if a == b => {}
            // A list: the items added and removed, where they have a short form.
            (Some(toml::Value::Array(a)), Some(toml::Value::Array(b))) => {
                let mut moved: Vec<String> = Vec::new();
                for (items, others, sign) in [(b, a, "added"), (a, b, "removed")] {
                    let words: Option<Vec<String>> = items.iter().filter(|x| !others.contains(x)).map(short).collect();
                    match words {
                        Some(words) if !words.is_empty() => moved.push(format!("{sign} {}", words.join("; "))),
                        Some(_) => {}
                        None => moved.push(format!("items {sign}")),
                    }
                }
                if moved.is_empty() {
                    out.push(format!("{name} (reordered)"));
                } else {
                    out.push(format!("{name}: {}", moved.join(", ")));
                }
            }
            (Some(a), Some(b)) => match (short(a), short(b)) {
                (Some(x), Some(y)) if x != y => out.push(format!("{name} {x} → {y}")),
                (Some(_), Some(_)) => out.push(format!("{name} (its Swedish or Norwegian wording)")),
                _ => out.push(name),
            },
            (Some(a), None) => out.push(format!("{name} removed{}", short(a).map_or(String::new(), |s| format!(" (was {s})")))),
            (None, Some(b)) => out.push(format!("{name} set{}", short(b).map_or(String::new(), |s| format!(" to {s}")))),
            (None, None) => {}
        }
    }
    out
}

pub(super) fn indication_changes(w: &mut String, old: &Dataset, new: &Dataset) {
    line(w, "## Indications");
    line(w, "");
    let mut any = false;
    for n in new.indications.iter() {
        let Some(o) = old.indication(n.id) else {
            line(w, &format!("- Indication added: `{}`: {}", n.id, n.name.en));
            any = true;
            continue;
        };
        let mut what = changes(&ser(o), &ser(n), &["id"]);
        if o.criteria != n.criteria {
            what.push(format!("criteria «{}» → «{}»", all_of(&o.criteria), all_of(&n.criteria)));
        }
        if !what.is_empty() {
            line(w, &format!("- Indication changed: `{}`: {}", n.id, what.join("; ")));
            any = true;
        }
    }
    for o in old.indications.iter().filter(|o| new.indication(o.id).is_none()) {
        line(w, &format!("- Indication removed: `{}`: {}", o.id, o.name.en));
        any = true;
    }
    if !any {
        line(w, "No indication changed.");
    }
    line(w, "");
}

/// A rule in words, as the decision table gives it.
pub(super) fn rule_words(r: &Rule) -> String {
    let inds: Vec<String> = r.indications.iter().map(|i| format!("`{i}`")).collect();
    let when = if r.when.is_empty() { "for every patient on it".to_string() } else { format!("when {}", all_of(&r.when)) };
    format!("{} {when}: **{}** (basis `{}`)", inds.join(", "), r.verdict, r.basis)
}

pub(super) fn when_words(when: &[Criterion]) -> String {
    if when.is_empty() { "none".into() } else { all_of(when) }
}

pub(super) fn jurisdiction_changes(w: &mut String, old: &Dataset, new: &Dataset) {
    line(w, "## Rules and recommendations");
    line(w, "");
    let mut any = false;
    let ids: Vec<Jurisdiction> = new.jurisdictions.iter().map(|j| j.id).chain(old.jurisdictions.iter().map(|j| j.id)).fold(Vec::new(), |mut v, j| {
        if !v.contains(&j) {
            v.push(j);
        }
        v
    });
    for id in ids {
        let (o, n) = (old.jurisdiction(id), new.jurisdiction(id));
        let name = n.or(o).map_or(id.to_string(), |j| j.name.en.to_string());
        let items = match (o, n) {
            (Some(o), Some(n)) => jurisdiction_items(o, n),
            (None, Some(_)) => vec!["Jurisdiction added.".to_string()],
            (Some(_), None) => vec!["Jurisdiction removed.".to_string()],
            (None, None) => Vec::new(),
        };
        if items.is_empty() {
            continue;
        }
        any = true;
        line(w, &format!("### {name}"));
        line(w, "");
        for item in items {
            line(w, &format!("- {item}"));
        }
        line(w, "");
    }
    if !any {
        line(w, "No rule or recommendation changed.");
        line(w, "");
    }
}

pub(super) fn jurisdiction_items(o: &JurisdictionData, n: &JurisdictionData) -> Vec<String> {
    let mut items = Vec::new();
    for c in changes(&ser(o), &ser(n), &["id", "recommendation", "rule", "note"]) {
        items.push(format!("Jurisdiction changed: {c}"));
    }
    for r in n.recommendations.iter() {
        match o.recommendation(&r.id) {
            None => items.push(format!("Recommendation added: `{}`: {} (status {}, {})", r.id, r.title.en, r.status, r.date)),
            Some(was) => {
                let what = changes(&ser(was), &ser(r), &["id"]);
                if !what.is_empty() {
                    items.push(format!("Recommendation changed: `{}`: {}", r.id, what.join("; ")));
                }
            }
        }
    }
    for r in o.recommendations.iter().filter(|r| n.recommendation(&r.id).is_none()) {
        items.push(format!("Recommendation removed: `{}`: {} (status {}, {})", r.id, r.title.en, r.status, r.date));
    }
    // Rules have no id: a rule is the same rule if it covers the same indications under the
    // same conditions, or else (when only one rule on each side matches) the same indications
    // on the same basis; anything else is one rule removed and another added.
    let same = |a: &Rule, b: &Rule| a.indications == b.indications && a.when == b.when;
    let like = |a: &Rule, b: &Rule| a.indications == b.indications && a.basis == b.basis;
    let counterpart = |r: &Rule, mine: &[Rule], theirs: &[Rule]| -> Option<usize> {
        if let Some(i) = theirs.iter().position(|x| same(x, r)) {
            return Some(i);
        }
        let unmatched = |x: &&Rule, other: &[Rule]| !other.iter().any(|y| same(x, y));
        let candidates: Vec<usize> = (0..theirs.len()).filter(|i| like(&theirs[*i], r) && unmatched(&&theirs[*i], mine)).collect();
        let rivals = mine.iter().filter(|x| like(x, r) && unmatched(x, theirs)).count();
        (candidates.len() == 1 && rivals == 1).then(|| candidates[0])
    };
    for r in n.rules.iter() {
        match counterpart(r, &n.rules, &o.rules) {
            None => items.push(format!("Rule added: {}", rule_words(r))),
            Some(i) => {
                let was = &o.rules[i];
                let mut what = changes(&ser(was), &ser(r), &["indications"]);
                if was.when != r.when {
                    what.insert(0, format!("conditions «{}» → «{}»", when_words(&was.when), when_words(&r.when)));
                }
                if !what.is_empty() {
                    items.push(format!("Rule changed: {}: {}", rule_words(r), what.join("; ")));
                }
            }
        }
    }
    for r in o.rules.iter().filter(|r| counterpart(r, &o.rules, &n.rules).is_none()) {
        items.push(format!("Rule removed: {}", rule_words(r)));
    }
    items
}

pub(super) fn source_changes(w: &mut String, old: &Dataset, new: &Dataset) {
    line(w, "## Sources and quotes");
    line(w, "");
    let mut items = Vec::new();
    for s in new.sources.iter() {
        match old.source(&s.id) {
            None => items.push(format!("Source added: `{}`: *{}*, {}, {}, <{}>", s.id, s.title, s.publisher, s.date, s.url)),
            Some(was) => {
                let what = changes(&ser(was), &ser(s), &["id", "quote"]);
                if !what.is_empty() {
                    items.push(format!("Source changed: `{}`: {}", s.id, what.join("; ")));
                }
            }
        }
    }
    for s in old.sources.iter().filter(|s| new.source(&s.id).is_none()) {
        items.push(format!("Source removed: `{}`: *{}*, {}, {}, <{}>", s.id, s.title, s.publisher, s.date, s.url));
    }
    // Quotes, keyed by source and quote id (those of added and removed sources included).
    let quotes = |d: &Dataset| -> Vec<(String, String, String)> {
        d.sources.iter().flat_map(|s| s.quotes.iter().map(move |q| (s.id.to_string(), q.id.to_string(), q.text.to_string()))).collect()
    };
    let (oq, nq) = (quotes(old), quotes(new));
    for (s, q, text) in &nq {
        match oq.iter().find(|(os, oq, _)| os == s && oq == q) {
            None => items.push(format!("Quote added: `{s}` / `{q}`: «{text}»")),
            Some((_, _, was)) if was != text => items.push(format!("Quote changed: `{s}` / `{q}`: «{was}» → «{text}»")),
            Some(_) => {}
        }
    }
    for (s, q, text) in oq.iter().filter(|(s, q, _)| !nq.iter().any(|(ns, nq, _)| ns == s && nq == q)) {
        items.push(format!("Quote removed: `{s}` / `{q}`: «{text}»"));
    }
    list_or(w, items, "No source or quote added, removed or changed.");
}

pub(super) fn note_changes(w: &mut String, old: &Dataset, new: &Dataset) {
    line(w, "## Notes");
    line(w, "");
    let mut items = Vec::new();
    let ids: Vec<Jurisdiction> = new.jurisdictions.iter().map(|j| j.id).chain(old.jurisdictions.iter().map(|j| j.id)).fold(Vec::new(), |mut v, j| {
        if !v.contains(&j) {
            v.push(j);
        }
        v
    });
    // Each jurisdiction's notes, then the dataset-wide ones (`[[note]]`, every jurisdiction).
    let mut scopes: Vec<(String, Vec<dataset::Note>, Vec<dataset::Note>)> = ids
        .into_iter()
        .map(|id| {
            let notes = |d: &Dataset| d.jurisdiction(id).map_or(&[][..], |j| &j.notes[..]).to_vec();
            let name = new.jurisdiction(id).or(old.jurisdiction(id)).map_or(id.to_string(), |j| j.name.en.to_string());
            (name, notes(old), notes(new))
        })
        .collect();
    scopes.push(("every jurisdiction".to_string(), old.notes.to_vec(), new.notes.to_vec()));
    let shown = |n: &dataset::Note| {
        let mut parts = Vec::new();
        if !n.indications.is_empty() {
            parts.push(format!("on {}", n.indications.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(" or ")));
        }
        if !n.when.is_empty() {
            parts.push(format!("when {}", all_of(&n.when)));
        }
        if parts.is_empty() { "always".to_string() } else { parts.join(", ") }
    };
    for (name, on, nn) in scopes {
        for n in &nn {
            match on.iter().find(|o| o.id == n.id) {
                None => items.push(format!("Note added: {name}, `{}`, {}: {}", n.id, shown(n), n.text.en)),
                Some(was) => {
                    let mut what = changes(&ser(was), &ser(n), &["id"]);
                    if was.when != n.when || was.indications != n.indications {
                        what.push(format!("shown {} → {}", shown(was), shown(n)));
                    }
                    if !what.is_empty() {
                        items.push(format!("Note changed: {name}, `{}`: {}", n.id, what.join("; ")));
                    }
                }
            }
        }
        for o in on.iter().filter(|o| !nn.iter().any(|n| n.id == o.id)) {
            items.push(format!("Note removed: {name}, `{}`, {}: {}", o.id, shown(o), o.text.en));
        }
    }
    list_or(w, items, "No note added, removed or changed.");
}

/// What the answers to the questions mean (`[[definition]]`): the hint under the question and
/// the words the answer states.
pub(super) fn definition_changes(w: &mut String, old: &Dataset, new: &Dataset) {
    line(w, "## Definitions");
    line(w, "");
    let fields = |d: &dataset::Definition| d.fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
    let mut items = Vec::new();
    for n in new.definitions.iter() {
        match old.definitions.iter().find(|o| o.id == n.id) {
            None => items.push(format!("Definition added: `{}` ({}): {} Hint: {}", n.id, fields(n), n.text.en, n.hint.en)),
            Some(was) => {
                let mut what = changes(&ser(was), &ser(n), &["id"]);
                if was.hint != n.hint {
                    what.push(format!("hint «{}» → «{}»", was.hint.en, n.hint.en));
                }
                if !what.is_empty() {
                    items.push(format!("Definition changed: `{}`: {}", n.id, what.join("; ")));
                }
            }
        }
    }
    for o in old.definitions.iter().filter(|o| !new.definitions.iter().any(|n| n.id == o.id)) {
        items.push(format!("Definition removed: `{}` ({}): {}", o.id, fields(o), o.text.en));
    }
    list_or(w, items, "No definition added, removed or changed.");
}

pub(super) fn unknown_changes(w: &mut String, old: &Dataset, new: &Dataset) {
    line(w, "## Known unknowns");
    line(w, "");
    let mut items = Vec::new();
    for u in new.unknowns.iter().filter(|u| !old.unknowns.contains(u)) {
        items.push(format!("Known unknown added: {}", u.en));
    }
    for u in old.unknowns.iter().filter(|u| !new.unknowns.contains(u)) {
        items.push(format!("Known unknown removed: {}", u.en));
    }
    list_or(w, items, "No known unknown added or removed.");
}
