//! The drug committee's change report, `decision-table --diff OLD.toml --new NEW.toml`.
//!
//! Each test writes the real `data/blincyto.toml` and a copy with one planted edit to a scratch
//! directory (every edit is an exact replacement that must happen exactly once, so a reworded
//! dataset fails here loudly instead of testing nothing), runs the built tool on the pair and
//! checks the report: the verdict changes line by line — exactly the patients the edit moves,
//! and no other line — and the entries added, removed or changed.

use std::path::PathBuf;
use std::process::{Command, Output};

use blincyto_model::domains::Domains;
use blincyto_checker::dataset::Dataset;
use blincyto_checker::patient::Value;
use blincyto_checker::vocab::Field;

const TOOL: &str = env!("CARGO_BIN_EXE_decision-table");

fn real_text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/blincyto.toml")).unwrap()
}

/// `text` with the one occurrence of `from` replaced by `to`.
#[track_caller]
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "expected exactly one {from:?} in the dataset");
    text.replacen(from, to, 1)
}

/// A scratch directory of its own for each test (tests run in parallel).
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("blincyto-change-report-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    Command::new(TOOL).args(args).output().expect("run decision-table")
}

/// The report from `old` to `new` (dataset texts); the tool must succeed.
fn report(test: &str, old: &str, new: &str) -> String {
    let dir = scratch(test);
    let (old_path, new_path) = (dir.join("old.toml"), dir.join("new.toml"));
    std::fs::write(&old_path, old).unwrap();
    std::fs::write(&new_path, new).unwrap();
    let out = run(&["--diff", old_path.to_str().unwrap(), "--new", new_path.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.status.success(), "decision-table --diff failed:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The text of the section `## heading` (up to the next `## `).
#[track_caller]
fn section<'r>(report: &'r str, heading: &str) -> &'r str {
    let head = format!("\n## {heading}\n");
    let start = report.find(&head).unwrap_or_else(|| panic!("no section {heading:?} in:\n{report}")) + head.len();
    let end = report[start..].find("\n## ").map_or(report.len(), |e| start + e);
    &report[start..end]
}

/// The list items of a section.
fn items(section: &str) -> Vec<&str> {
    section.lines().filter(|l| l.starts_with("- ")).collect()
}

/// The verdict changes, one line per group of patients.
fn verdict_lines(report: &str) -> Vec<&str> {
    items(section(report, "Verdict changes"))
}

/// Every entry added, removed or changed, from all the sections after the verdicts.
fn entry_lines(report: &str) -> Vec<&str> {
    let mut all: Vec<&str> = items(section(report, "Dataset")).into_iter().filter(|l| l.starts_with("- Changed:")).collect();
    for s in ["Indications", "Rules and recommendations", "Sources and quotes", "Notes", "Known unknowns"] {
        all.extend(items(section(report, s)));
    }
    all
}

#[track_caller]
fn assert_lines(actual: &[&str], expected: &[&str], report: &str) {
    assert_eq!(actual, expected, "\nthe full report:\n{report}");
}

#[test]
fn an_unchanged_dataset_reports_no_change() {
    let text = real_text();
    let r = report("unchanged", &text, &text);
    assert!(section(&r, "Verdict changes").contains("No verdict changes"), "{r}");
    assert_lines(&verdict_lines(&r), &[], &r);
    assert_lines(&entry_lines(&r), &[], &r);
    let version = &blincyto_checker::data::dataset().version;
    assert!(r.contains(&format!("- Version: **{version}** (unchanged)")), "{r}");
    for none in ["No indication changed.", "No rule or recommendation changed.", "No source or quote added, removed or changed.", "No note added, removed or changed."] {
        assert!(r.contains(none), "{none:?} missing:\n{r}");
    }

    // Without --new, the other side is the compiled-in dataset: the same report.
    let dir = scratch("unchanged-compiled-in");
    let old = dir.join("old.toml");
    std::fs::write(&old, &text).unwrap();
    let out = run(&["--diff", old.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let compiled = String::from_utf8(out.stdout).unwrap();
    assert!(compiled.contains("- New: the compiled-in `data/blincyto.toml`"), "{compiled}");
    let body = |r: &str| r[r.find("## Dataset").unwrap()..].to_string();
    assert_eq!(body(&compiled), body(&r));
}

#[test]
fn a_norwegian_age_limit_moves_exactly_the_children_between_the_limits() {
    let old = real_text();
    let mut new = old.clone();
    for basis in ["id2021-036", "id2021-047"] {
        new = replace_once(
            &new,
            &format!("when = [{{ age-at-least-years = 1 }}]\nverdict = \"pending\"\nbasis = \"{basis}\""),
            &format!("when = [{{ age-at-least-years = 2 }}]\nverdict = \"pending\"\nbasis = \"{basis}\""),
        );
    }
    new = replace_once(&new, "when = [{ age-under-years = 1 }]", "when = [{ age-under-years = 2 }]");
    let r = report("age-limit", &old, &new);
    assert_lines(
        &verdict_lines(&r),
        &[
            "- Norway, `paediatric-high-risk-first-relapse`: children 1 year to < 2 years: **pending → no-recommendation**",
            "- Norway, `paediatric-relapsed-refractory`: children 1 year to < 2 years: **pending → no-recommendation**",
        ],
        &r,
    );
    // A rule whose conditions change is one rule changed, not one removed and one added.
    let rules = items(section(&r, "Rules and recommendations"));
    assert_eq!(rules.len(), 3, "{r}");
    assert!(rules.iter().all(|l| l.starts_with("- Rule changed:")), "{r}");
    assert!(rules[0].contains("conditions «age at least 1 year» → «age at least 2 years»"), "{r}");
}

#[test]
fn an_indication_mrd_threshold_moves_exactly_the_patients_between_the_thresholds() {
    let old = real_text();
    let new = replace_once(&old, "{ mrd-at-least-percent = 0.1 }", "{ mrd-at-least-percent = 0.5 }");
    let r = report("mrd-threshold", &old, &new);
    // MRD 0.1% to < 0.5% only: the values 0, 0.1 and 0.5 are all enumerated. A CR1 patient in
    // consolidation stays on an indication (the consolidation one), so in Sweden keeps its
    // verdict and in Norway loses only the conditional yes.
    assert_lines(
        &verdict_lines(&r),
        &[
            "- Sweden, `adult-mrd-positive`: adults with MRD 0.1% to < 0.5%, not as part of consolidation therapy, bridge to a planned allogeneic stem cell transplant: **yes → off-label**",
            "- Sweden, `adult-mrd-positive`: adults in second complete remission (CR2) with MRD 0.1% to < 0.5%, bridge to a planned allogeneic stem cell transplant: **yes → off-label**",
            "- Sweden, `adult-mrd-positive`: adults with MRD 0.1% to < 0.5%, not as part of consolidation therapy, no planned allogeneic stem cell transplant: **no-recommendation → off-label**",
            "- Sweden, `adult-mrd-positive`: adults in second complete remission (CR2) with MRD 0.1% to < 0.5%, no planned allogeneic stem cell transplant: **no-recommendation → off-label**",
            "- Norway, `adult-mrd-positive`: adults in first complete remission (CR1) with MRD 0.1% to < 0.5%, not as part of consolidation therapy: **yes-with-conditions → off-label**",
            "- Norway, `adult-mrd-positive`: adults in second complete remission (CR2) with MRD 0.1% to < 0.5%: **no → off-label**",
            "- Norway, `adult-newly-diagnosed-consolidation`: adults in first complete remission (CR1) with MRD 0.1% to < 0.5%: **yes-with-conditions → no-recommendation**",
        ],
        &r,
    );
    let entries = entry_lines(&r);
    assert_eq!(entries.len(), 1, "{r}");
    assert!(entries[0].starts_with("- Indication changed: `adult-mrd-positive`: criteria «"), "{r}");
    assert!(entries[0].contains("MRD ≥ 0.1%» → «") && entries[0].ends_with("MRD ≥ 0.5%»"), "{r}");
}

/// Norway's ID2021_036 decided: introduced (on conditions) instead of under assessment.
fn id2021_036_introduced(text: &str) -> String {
    let text = replace_once(
        text,
        "status = \"under-assessment\"\ndate = \"2024-09-23\"\nscope = { sv = \"Barn från 1 års ålder\", nb = \"Barn fra 1 års alder\", en = \"Children aged 1 year or older\" }\ncite = { source = \"dmp-2024-10-11\", quote = \"id2021-036-status\" }",
        "status = \"introduced-with-conditions\"\ndate = \"2024-09-23\"\nscope = { sv = \"Barn från 1 års ålder\", nb = \"Barn fra 1 års alder\", en = \"Children aged 1 year or older\" }\ncite = { source = \"dmp-2024-10-11\", quote = \"id2021-036-status\" }",
    );
    replace_once(&text, "verdict = \"pending\"\nbasis = \"id2021-036\"", "verdict = \"yes-with-conditions\"\nbasis = \"id2021-036\"")
}

#[test]
fn a_decision_on_id2021_036_moves_exactly_the_children_from_1_year() {
    let old = real_text();
    let new = id2021_036_introduced(&old);
    let r = report("id2021-036", &old, &new);
    // The second line is no other region: it is the children on both paediatric indications
    // (listed under each indication they are on), who now get the more permissive answer too.
    let lines = [
        "- Norway, `paediatric-high-risk-first-relapse`: children ≥ 1 year: **pending → yes-with-conditions**",
        "- Norway, `paediatric-relapsed-refractory`: children ≥ 1 year in first relapse, not in remission, as part of consolidation therapy, relapse classified high-risk (all also on `paediatric-high-risk-first-relapse`): **pending → yes-with-conditions**",
    ];
    assert_lines(&verdict_lines(&r), &lines, &r);
    assert_lines(
        &entry_lines(&r),
        &[
            "- Recommendation changed: `id2021-036`: `status` under-assessment → introduced-with-conditions",
            "- Rule changed: `paediatric-high-risk-first-relapse` when age at least 1 year: **yes-with-conditions** (basis `id2021-036`): `verdict` pending → yes-with-conditions",
        ],
        &r,
    );
    // The other way round, the same patients go back: old and new are not mixed up.
    let back = report("id2021-036-back", &new, &old);
    let swapped: Vec<String> = lines.iter().map(|l| l.replace("**pending → yes-with-conditions**", "**yes-with-conditions → pending**")).collect();
    assert_eq!(verdict_lines(&back), swapped.iter().map(String::as_str).collect::<Vec<_>>(), "\n{back}");
}

#[test]
fn a_split_rule_moves_exactly_its_new_sub_group() {
    // Norway's CR1 rule split at 65 years (a threshold neither dataset had before): from 65 on,
    // hypothetically outside the conditions of ID2019_118. No gap, no overlap.
    let old = real_text();
    let new = replace_once(
        &old,
        "when = [{ complete-remission = [1] }]\nverdict = \"yes-with-conditions\"",
        "when = [{ complete-remission = [1] }, { age-under-years = 65 }]\nverdict = \"yes-with-conditions\"",
    );
    let new = replace_once(
        &new,
        "[[jurisdiction.rule]]\nindications = [\"adult-mrd-positive\"]\nwhen = [{ complete-remission = [2] }]",
        "[[jurisdiction.rule]]\nindications = [\"adult-mrd-positive\"]\nwhen = [{ complete-remission = [1] }, { age-at-least-years = 65 }]\nverdict = \"no\"\nbasis = \"id2019-118\"\nreason = { sv = \"Test.\", nb = \"Test.\", en = \"Test: from 65 years outside the conditions.\" }\n\n[[jurisdiction.rule]]\nindications = [\"adult-mrd-positive\"]\nwhen = [{ complete-remission = [2] }]",
    );
    let r = report("split-rule", &old, &new);
    // The patients also on the consolidation indication get "no recommendation" from it (more
    // permissive than "no"), and are listed under both indications.
    assert_lines(
        &verdict_lines(&r),
        &[
            "- Norway, `adult-mrd-positive`: adults ≥ 65 years in first complete remission (CR1), as part of consolidation therapy (all also on `adult-newly-diagnosed-consolidation`): **yes-with-conditions → no-recommendation**",
            "- Norway, `adult-mrd-positive`: adults ≥ 65 years in first complete remission (CR1), not as part of consolidation therapy: **yes-with-conditions → no**",
            "- Norway, `adult-newly-diagnosed-consolidation`: adults ≥ 65 years in first complete remission (CR1) with MRD ≥ 0.1% (all also on `adult-mrd-positive`): **yes-with-conditions → no-recommendation**",
        ],
        &r,
    );
    assert_lines(
        &entry_lines(&r),
        &[
            "- Rule added: `adult-mrd-positive` when in first complete remission (CR1); age under 65 years: **yes-with-conditions** (basis `id2019-118`)",
            "- Rule added: `adult-mrd-positive` when in first complete remission (CR1); age at least 65 years: **no** (basis `id2019-118`)",
            "- Rule removed: `adult-mrd-positive` when in first complete remission (CR1): **yes-with-conditions** (basis `id2019-118`)",
        ],
        &r,
    );
}

#[test]
fn added_removed_and_changed_sources_quotes_and_notes_are_listed() {
    let old = real_text();
    // A quote added, a quote's text changed, a note removed, a source added.
    let new = replace_once(
        &old,
        "[[source.quote]]\nid = \"from-1-month\"",
        "[[source.quote]]\nid = \"from-1-month-again\"\ntext = \"A sentence added for the test.\"\n\n[[source.quote]]\nid = \"from-1-month\"",
    );
    let new = replace_once(&new, "text = \"paediatric patients aged from 1 month to 1 year\"", "text = \"paediatric patients aged from 1 month to less than 1 year\"");
    let note_start = new.find("[[jurisdiction.note]]\nid = \"id2017-067-bridging\"").expect("the Norwegian bridging note");
    // The note's block runs to the blank line after it.
    let note_end = new[note_start..].find("\n\n").unwrap() + note_start + 2;
    let new = format!("{}{}", &new[..note_start], &new[note_end..]);
    let new = replace_once(
        &new,
        "# ---------------------------------------------------------------------------------------------\n# The EU indications",
        "[[source]]\nid = \"test-source\"\npublisher = \"Test\"\ntitle = \"A test source\"\ndate = \"2026-01-02\"\nlang = \"en\"\nurl = \"https://example.org/test\"\n\n[[source.quote]]\nid = \"only\"\ntext = \"The only sentence.\"\n\n# ---------------------------------------------------------------------------------------------\n# The EU indications",
    );
    let r = report("entries", &old, &new);
    assert_lines(&verdict_lines(&r), &[], &r);
    assert_lines(
        &items(section(&r, "Sources and quotes")),
        &[
            "- Source added: `test-source`: *A test source*, Test, 2026-01-02, <https://example.org/test>",
            "- Quote added: `has-2025-07-16` / `from-1-month-again`: «A sentence added for the test.»",
            "- Quote changed: `has-2025-07-16` / `from-1-month`: «paediatric patients aged from 1 month to 1 year» → «paediatric patients aged from 1 month to less than 1 year»",
            "- Quote added: `test-source` / `only`: «The only sentence.»",
        ],
        &r,
    );
    let notes = items(section(&r, "Notes"));
    assert_eq!(notes.len(), 1, "{r}");
    assert!(notes[0].starts_with("- Note removed: Norway, `id2017-067-bridging`, on `adult-relapsed-refractory` or `adult-mrd-positive` or `paediatric-high-risk-first-relapse` or `paediatric-relapsed-refractory`: Bridging to transplant is not an indication in its own right in Norway"), "{r}");
    assert_eq!(entry_lines(&r).len(), 5, "nothing else: {r}");

    // And back: the same entries, the other way.
    let back = report("entries-back", &new, &old);
    assert_lines(
        &items(section(&back, "Sources and quotes")),
        &[
            "- Source removed: `test-source`: *A test source*, Test, 2026-01-02, <https://example.org/test>",
            "- Quote changed: `has-2025-07-16` / `from-1-month`: «paediatric patients aged from 1 month to less than 1 year» → «paediatric patients aged from 1 month to 1 year»",
            "- Quote removed: `has-2025-07-16` / `from-1-month-again`: «A sentence added for the test.»",
            "- Quote removed: `test-source` / `only`: «The only sentence.»",
        ],
        &back,
    );
    assert!(items(section(&back, "Notes"))[0].starts_with("- Note added: Norway, `id2017-067-bridging`"), "{back}");
}

#[test]
fn version_and_as_of_are_reported_old_to_new() {
    let old = real_text();
    // Whatever this release's version is.
    let version = &*blincyto_checker::data::dataset().version;
    let new = replace_once(&old, &format!("version = \"{version}\""), "version = \"2027.02.02-1\"");
    // as_of is the newest source's date: move both.
    let new = replace_once(&new, "as_of = \"2026-01-21\"", "as_of = \"2026-02-02\"");
    let new = replace_once(&new, "date = \"2026-01-21\"", "date = \"2026-02-02\"");
    let new = replace_once(&new, "checked = \"2026-11-30\"", "checked = \"2027-02-02\"");
    let r = report("version", &old, &new);
    assert!(r.contains(&format!("- Version: **{version} → 2027.02.02-1**")), "{r}");
    assert!(r.contains("- As of: **2026-01-21 → 2026-02-02**"), "{r}");
    assert!(r.contains("- Changed: `checked` 2026-11-30 → 2027-02-02"), "{r}");
    assert_lines(&verdict_lines(&r), &[], &r);
}

#[test]
fn an_invalid_or_unreadable_file_is_an_error_naming_the_problem() {
    let dir = scratch("invalid");
    let good = dir.join("good.toml");
    std::fs::write(&good, real_text()).unwrap();
    let invalid = dir.join("invalid.toml");
    std::fs::write(
        &invalid,
        replace_once(&real_text(), "quote = \"id2019-118-decision\" }", "quote = \"id2019-118-decisions\" }"),
    )
    .unwrap();
    let unparsable = dir.join("unparsable.toml");
    std::fs::write(&unparsable, replace_once(&real_text(), "format = 2\n", "format = 2\nauthor = \"someone\"\n")).unwrap();
    let missing = dir.join("missing.toml");
    let cases: [(Vec<&str>, &[&str]); 4] = [
        (vec!["--diff", invalid.to_str().unwrap()], &["invalid.toml is invalid", "recommendation \"id2019-118\"", "missing quote \"id2019-118-decisions\""]),
        (vec!["--diff", good.to_str().unwrap(), "--new", invalid.to_str().unwrap()], &["invalid.toml is invalid", "missing quote"]),
        (vec!["--diff", unparsable.to_str().unwrap()], &["unparsable.toml", "author"]),
        (vec!["--diff", missing.to_str().unwrap()], &["cannot read", "missing.toml"]),
    ];
    for (args, expect) in cases {
        let out = run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(out.stdout.is_empty(), "{args:?} printed a report");
        for e in expect {
            assert!(stderr.contains(e), "{args:?}: the error does not mention {e:?}:\n{stderr}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_command_line_is_checked() {
    for args in [&["--new", "x.toml"][..], &["--diff"], &["--check", "--diff", "x.toml"], &["--diff", "a.toml", "--diff", "b.toml"], &["--diff", "a.toml", "b.toml"]] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage"), "{args:?}");
    }
    let out = run(&["--help"]);
    assert!(out.status.success());
    let usage = String::from_utf8_lossy(&out.stdout);
    assert!(usage.contains("--diff OLD.toml") && usage.contains("--new NEW.toml") && usage.contains("--check"), "{usage}");
}

#[test]
fn cut_union_enumerates_the_thresholds_of_both_datasets() {
    let real: Dataset = toml::from_str(&real_text()).unwrap();
    let moved: Dataset = toml::from_str(&replace_once(&real_text(), "{ mrd-at-least-percent = 0.1 }", "{ mrd-at-least-percent = 0.5 }")).unwrap();
    let mrd = |dom: &Domains| dom.values(Field::MrdPercent).to_vec();
    let n = Value::Number;
    assert_eq!(mrd(&Domains::cut_union(&[&real, &moved])), [n(0.0), n(0.1), n(0.5)]);
    assert_eq!(mrd(&Domains::cut_union(&[&moved])), [n(0.0), n(0.5)]);
    // One dataset alone: the values Domains::of gives (the compiled-in ones).
    let compiled = blincyto_checker::data::domains();
    let alone = Domains::cut_union(&[&real]);
    for f in Field::ALL {
        assert_eq!(alone.values(*f), compiled.values(*f), "{f}");
    }
}

#[test]
fn dataset_wide_notes_and_definitions_are_listed_with_their_scope() {
    let old = real_text();
    let start = old.find("[[note]]\nid = \"denmark-consolidation-recommended\"").expect("the Danish note");
    let end = old[start..].find("\n\n").unwrap() + start + 2;
    let new = format!("{}{}", &old[..start], &old[end..]);
    let start = new.find("[[definition]]\nid = \"monotherapy-alternating-cycles\"").expect("the monotherapy definition");
    let new = format!("{}\n", new[..start].trim_end());
    let new = replace_once(&new, "fields = [\"inRemission\"]", "fields = [\"inRemission\", \"mrdPercent\"]");
    let r = report("wide-notes", &old, &new);
    assert_lines(&verdict_lines(&r), &[], &r);
    let notes = items(section(&r, "Notes"));
    assert_eq!(notes.len(), 1, "{r}");
    assert!(
        notes[0].starts_with("- Note removed: every jurisdiction, `denmark-consolidation-recommended`, on `adult-newly-diagnosed-consolidation`: Denmark (Medicinrådet)"),
        "{r}"
    );
    let definitions = items(section(&r, "Definitions"));
    assert_eq!(definitions.len(), 2, "{r}");
    assert!(definitions[0].starts_with("- Definition changed: `haematological-remission`: `fields`: added mrdPercent"), "{r}");
    assert!(definitions[1].starts_with("- Definition removed: `monotherapy-alternating-cycles` (`monotherapy`): Monotherapy:"), "{r}");
    // Nothing of it is a top-level setting.
    assert!(!section(&r, "Dataset").contains("`note`") && !section(&r, "Dataset").contains("`definition`"), "{r}");
}

/// This release's change report is checked in where the README links it.
#[test]
fn the_release_report_is_checked_in() {
    let version = &blincyto_checker::data::dataset().version;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("docs/changes/{version}.md"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}; write it with --diff (README)", path.display()));
    assert!(text.contains(&format!("version **{version}**")), "{} is not this version's report", path.display());
    assert!(text.contains("## Verdict changes"));
}

/// A setting is named as the dataset file spells it (`stale_after_months`), never as the JS
/// result does (`staleAfterMonths`): the committee searches the file for what the report names.
#[test]
fn a_changed_setting_is_named_as_the_file_spells_it() {
    let old = real_text();
    let new = replace_once(&old, "stale_after_months = 12", "stale_after_months = 18");
    let report = report("setting-name", &old, &new);
    assert!(report.contains("`stale_after_months` 12 → 18"), "{report}");
}
