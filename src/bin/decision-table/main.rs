//! `cargo run --bin decision-table` writes `docs/decision-table.md` from the compiled-in dataset
//! (`data/blincyto.toml`): the five EU indications against the EU label, Sweden and Norway, with
//! every verdict, its conditions in words, the recommendation behind it and the quoted sentence;
//! then every source with every quote, and what the dataset knows it does not know.
//!
//! `cargo run --bin decision-table -- --check` writes nothing and exits non-zero when the file
//! differs from what would be written (`tests/decision_table.rs` runs it). The output is
//! deterministic: dataset order, no timestamps. Headings and explanations are in English; quotes
//! stay in their original language.
//!
//! `cargo run --bin decision-table -- --diff OLD.toml [--new NEW.toml]` prints the change report
//! (`diff.rs`) from OLD.toml to the compiled-in dataset, or to NEW.toml: which patients' verdicts
//! change, and what was added, removed or changed (`tests/change_report.rs`).

use std::fmt::Write as _;
use std::process::ExitCode;

use blincyto_checker::data::dataset;
use blincyto_checker::dataset::{Cite, Dataset, JurisdictionData, Recommendation};

mod diff;
mod words;
use words::all_of;

const OUTPUT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/decision-table.md");
const GENERATE: &str = "cargo run --bin decision-table";

const USAGE: &str = "usage: cargo run --bin decision-table [-- --check | -- --diff OLD.toml [--new NEW.toml]]
  (no argument)     write docs/decision-table.md from data/blincyto.toml
  --check           write nothing; fail if docs/decision-table.md is not what would be written
  --diff OLD.toml   print the change report (Markdown) from OLD.toml to the compiled-in
                    data/blincyto.toml: the patients whose verdict changes, and the sources,
                    quotes, notes, rules and recommendations added, removed or changed
  --new NEW.toml    with --diff: compare OLD.toml with NEW.toml instead
  --help            this text";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Mode {
    Write,
    Check,
    Diff { old: String, new: Option<String> },
    Help,
}

fn parse_args(args: &[String]) -> Result<Mode, String> {
    let mut check = false;
    let (mut old, mut new): (Option<String>, Option<String>) = (None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--help" | "-h" => return Ok(Mode::Help),
            "--check" if !check => check = true,
            "--diff" | "--new" => {
                let slot = if arg == "--diff" { &mut old } else { &mut new };
                if slot.is_some() {
                    return Err(format!("{arg} given twice"));
                }
                match it.next() {
                    Some(path) if !path.starts_with("--") => *slot = Some(path.clone()),
                    _ => return Err(format!("{arg} needs a file name")),
                }
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    match (check, old, new) {
        (false, None, None) => Ok(Mode::Write),
        (true, None, None) => Ok(Mode::Check),
        (false, Some(old), new) => Ok(Mode::Diff { old, new }),
        (false, None, Some(_)) => Err("--new needs --diff OLD.toml".into()),
        (true, _, _) => Err("--check and --diff do not go together".into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = match parse_args(&args) {
        Ok(Mode::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Mode::Write) => false,
        Ok(Mode::Check) => true,
        Ok(Mode::Diff { old, new }) => return change_report(&old, new.as_deref()),
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let table = render(dataset());
    if check {
        let current = std::fs::read_to_string(OUTPUT).unwrap_or_default().replace("\r\n", "\n");
        if current == table {
            println!("docs/decision-table.md is up to date");
            return ExitCode::SUCCESS;
        }
        let line = current.lines().zip(table.lines()).position(|(a, b)| a != b).unwrap_or_else(|| current.lines().count().min(table.lines().count()));
        eprintln!(
            "docs/decision-table.md is stale: it differs from data/blincyto.toml from line {}.\nRegenerate it with `{GENERATE}` and commit the result.",
            line + 1
        );
        return ExitCode::FAILURE;
    }
    if let Err(e) = std::fs::write(OUTPUT, &table) {
        eprintln!("cannot write {OUTPUT}: {e}");
        return ExitCode::FAILURE;
    }
    println!("wrote docs/decision-table.md ({} lines)", table.lines().count());
    ExitCode::SUCCESS
}

/// `--diff`: the change report on standard output; an unreadable or invalid file is an error
/// naming it, and nothing is printed on standard output.
fn change_report(old_path: &str, new_path: Option<&str>) -> ExitCode {
    let load = |path: &str| diff::load(path).map_err(|e| eprintln!("{e}"));
    let Ok(old) = load(old_path) else { return ExitCode::FAILURE };
    let report = match new_path {
        Some(path) => {
            let Ok(new) = load(path) else { return ExitCode::FAILURE };
            diff::report(&old, &format!("`{old_path}`"), &new, &format!("`{path}`"))
        }
        None => diff::report(&old, &format!("`{old_path}`"), dataset(), "the compiled-in `data/blincyto.toml`"),
    };
    print!("{report}");
    ExitCode::SUCCESS
}

/// The whole document.
fn render(d: &Dataset) -> String {
    let mut out = String::new();
    let w = &mut out;
    line(w, "# Blincyto (blinatumomab): decision table");
    line(w, "");
    line(w, &format!("Generated from `data/blincyto.toml` by `{GENERATE}`. Do not edit by hand: change the dataset and regenerate."));
    line(w, "");
    line(w, &format!("- Dataset version: **{}**", d.version));
    line(w, &format!("- As of: **{}** (the date of the latest source the dataset relies on; later decisions are not in it)", d.as_of));
    line(w, &format!("- Checked: **{}** (when the maintainers last looked for newer decisions)", d.checked()));
    if let Some(months) = d.stale_after_months {
        line(w, &format!("- Stale notice: shown when the device's date is more than {months} months after the check"));
    }
    line(w, "");
    line(w, &format!("> **Authority.** {}", d.authority.en));
    line(w, ">");
    line(w, &format!("> {}", d.authority.sv));
    line(w, ">");
    line(w, &format!("> {}", d.authority.nb));
    line(w, "");

    line(w, "## Indications by jurisdiction");
    line(w, "");
    line(w, "All EU indications are monotherapy for CD19-positive B-cell precursor ALL. A patient on no indication is `off-label`, whatever the jurisdiction; a patient on several gets the most permissive verdict: yes > yes-with-conditions > pending > no-recommendation > no.");
    line(w, "");
    let jurisdictions: Vec<&JurisdictionData> = d.jurisdictions.iter().collect();
    let mut header = String::from("| Indication | EU label |");
    let mut rule = String::from("|---|---|");
    for j in &jurisdictions {
        let _ = write!(header, " {} ({}) |", j.name.en, j.authority);
        rule.push_str("---|");
    }
    line(w, &header);
    line(w, &rule);
    for ind in d.indications.iter() {
        let mut row = String::from("| ");
        row += &cell(&[
            format!("**{}**", ind.id),
            ind.name.en.to_string(),
            format!("Criteria: {}.", all_of(&ind.criteria)),
        ]);
        row += " | ";
        let mut eu = vec![format!("Approved **{}**", ind.approved)];
        if let Some(amended) = &ind.amended {
            eu.push(format!("Current wording since **{amended}**"));
        }
        for c in std::iter::once(&ind.cite).chain(ind.also_cite.iter()) {
            eu.push(quoted(d, c));
        }
        row += &cell(&eu);
        row += " |";
        for j in &jurisdictions {
            let mut parts = Vec::new();
            for r in j.rules.iter().filter(|r| r.indications.contains(&ind.id)) {
                if !parts.is_empty() {
                    parts.push("—".to_string());
                }
                let when = if r.when.is_empty() { "for every patient on this indication".to_string() } else { format!("when {}", all_of(&r.when)) };
                match (&r.qualifier, &r.qualifier_short) {
                    (Some(q), Some(short)) => parts.push(format!("**{}** ({}; on the verdict bar: {}) {when}", r.verdict, q.en, short.en)),
                    (Some(q), None) => parts.push(format!("**{}** ({}) {when}", r.verdict, q.en)),
                    (None, _) => parts.push(format!("**{}** {when}", r.verdict)),
                }
                parts.push(r.reason.en.to_string());
                match j.recommendation(&r.basis) {
                    Some(rec) => parts.extend(recommendation(d, rec)),
                    None => parts.push(format!("(basis `{}` not found)", r.basis)),
                }
            }
            if parts.is_empty() {
                parts.push("no rule: no recommendation".into());
            }
            row += " ";
            row += &cell(&parts);
            row += " |";
        }
        line(w, &row);
    }
    line(w, "");

    line(w, "## Recommendations and assessments");
    line(w, "");
    line(w, "Every record the rules and notes rest on, including documented absences of an assessment.");
    line(w, "");
    for j in &jurisdictions {
        line(w, &format!("### {} ({})", j.name.en, j.authority));
        line(w, "");
        line(w, &format!("Current status: <{}>", j.url));
        line(w, "");
        for rec in j.recommendations.iter() {
            let used = j.rules.iter().any(|r| r.basis == rec.id);
            let mut parts = recommendation(d, rec);
            parts.truncate(1);
            line(w, &format!("- `{}`: {}. Scope: {}.{}", rec.id, parts[0], rec.scope.en, if used { "" } else { " (Behind no verdict; see the notes.)" }));
        }
        line(w, "");
    }

    line(w, "## Notes shown with an answer");
    line(w, "");
    line(w, "Notes are information, not conditions.");
    line(w, "");
    let every = d.notes.iter().map(|n| ("Every jurisdiction (context only)", n));
    for (whose, n) in jurisdictions.iter().flat_map(|j| j.notes.iter().map(|n| (&*j.name.en, n))).chain(every) {
        let mut scope = Vec::new();
        if !n.indications.is_empty() {
            scope.push(format!("on {}", n.indications.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(" or ")));
        }
        if !n.when.is_empty() {
            scope.push(format!("when {}", all_of(&n.when)));
        }
        let scope = if scope.is_empty() { "always".to_string() } else { scope.join(", ") };
        line(w, &format!("- **{whose}**, `{}`, {scope}: {}", n.id, n.text.en));
        for c in std::iter::once(&n.cite).chain(n.also_cite.iter()) {
            line(w, &format!("  {}", quoted(d, c)));
        }
    }
    line(w, "");

    line(w, "## What the answers mean");
    line(w, "");
    line(w, "Each definition stands as a hint under its first field's question and goes with every answer that uses one of its fields.");
    line(w, "");
    for def in d.definitions.iter() {
        let fields: Vec<String> = def.fields.iter().map(|f| format!("`{f}`")).collect();
        line(w, &format!("- `{}` ({}): {}", def.id, fields.join(", "), def.text.en));
        line(w, &format!("  Hint: {}", def.hint.en));
        line(w, &format!("  {}", quoted(d, &def.cite)));
    }
    line(w, "");

    line(w, "## Sources");
    line(w, "");
    line(w, "Every sentence the dataset rests on, verbatim in its original language (whitespace folded).");
    line(w, "");
    for s in d.sources.iter() {
        line(w, &format!("### <a id=\"source-{}\"></a>{}", s.id, s.title));
        line(w, "");
        line(w, &format!("- Id: `{}`", s.id));
        line(w, &format!("- Publisher: {}", s.publisher));
        line(w, &format!("- Date: {}", s.date));
        line(w, &format!("- Language: {}", s.lang));
        line(w, &format!("- URL: <{}>", s.url));
        line(w, "");
        for q in s.quotes.iter() {
            line(w, &format!("Quote `{}`:", q.id));
            line(w, "");
            line(w, &format!("> {}", q.text));
            line(w, "");
        }
    }

    line(w, "## Known unknowns");
    line(w, "");
    for u in d.unknowns.iter() {
        line(w, &format!("- {}", u.en));
    }
    out
}

fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

/// One table cell: parts separated by line breaks, pipes escaped.
fn cell(parts: &[String]) -> String {
    parts.iter().map(|p| p.replace('|', "\\|")).collect::<Vec<_>>().join("<br>")
}

/// A recommendation's case, status, date, conditions and quoted sentence(s).
fn recommendation(d: &Dataset, rec: &Recommendation) -> Vec<String> {
    let mut parts = Vec::new();
    let case = rec.case.as_deref().map_or("no case number".to_string(), |c| format!("case {c}"));
    parts.push(format!(
        "{} ({case}): status *{}*, date {}, by {}",
        rec.title.en,
        rec.status.as_str().replace('-', " "),
        rec.date,
        rec.decided_by
    ));
    if !rec.conditions.is_empty() {
        let conditions: Vec<&str> = rec.conditions.iter().map(|c| &*c.en).collect();
        parts.push(format!("Conditions: {}", conditions.join(" ")));
    }
    for c in std::iter::once(&rec.cite).chain(rec.also_cite.iter()) {
        parts.push(quoted(d, c));
    }
    parts
}

/// «quote» — source title, date, URL (with a link to the source in the list below).
fn quoted(d: &Dataset, cite: &Cite) -> String {
    match d.quote(cite) {
        Some((s, q)) => format!(
            "«{}» — [*{}*](#source-{}), {}, <{}>",
            q.text, s.title, s.id, s.date, s.url
        ),
        None => format!("(quote `{}` of `{}` not found)", cite.quote, cite.source),
    }
}
