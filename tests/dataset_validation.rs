//! The dataset's validation: broken copies of `data/blincyto.toml` must fail with a message that
//! names the entry, and the real file must pass.
//!
//! Each test reads the real file, breaks it in one place (the text to change must occur exactly
//! once, so a reworded dataset fails here loudly instead of testing nothing), parses it with the
//! dataset's own types and runs `validate::validate` — the same two steps `build.rs` runs, so a
//! file that fails here fails `cargo build` with the same messages.

use blincyto_checker::dataset::Dataset;
use blincyto_model::validate::validate;

fn real_text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/blincyto.toml")).unwrap()
}

/// `text` with the one occurrence of `from` replaced by `to`.
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "expected exactly one {from:?} in the dataset");
    text.replacen(from, to, 1)
}

/// The `[[jurisdiction.rule]]` block containing `marker` (up to the blank line after it).
fn rule_block(text: &str, marker: &str) -> String {
    assert_eq!(text.matches(marker).count(), 1, "expected exactly one {marker:?} in the dataset");
    let at = text.find(marker).unwrap();
    let start = text[..at].rfind("[[jurisdiction.rule]]").expect("a rule header before the marker");
    let end = text[at..].find("\n\n").map_or(text.len(), |e| at + e + 2);
    text[start..end].to_string()
}

/// Parses and validates; the error messages, or `Ok`.
fn check(text: &str) -> Result<(), String> {
    let data: Dataset = toml::from_str(text).map_err(|e| format!("parse: {e}"))?;
    validate(&data).map(drop).map_err(|errors| errors.join("\n"))
}

/// The broken text must fail, with a message containing every one of `expect`.
#[track_caller]
fn assert_fails(text: &str, expect: &[&str]) {
    match check(text) {
        Ok(()) => panic!("the broken dataset validated; expected an error mentioning {expect:?}"),
        Err(msg) => {
            for e in expect {
                assert!(msg.contains(e), "the error does not mention {e:?}:\n{msg}");
            }
        }
    }
}

#[test]
fn the_real_dataset_validates() {
    check(&real_text()).unwrap();
    // ...and it is the one compiled in.
    let compiled = blincyto_checker::data::dataset();
    let parsed: Dataset = toml::from_str(&real_text()).unwrap();
    assert_eq!(parsed.version, compiled.version, "the compiled-in dataset is stale");
    assert_eq!(serde_json::to_value(&parsed).unwrap(), serde_json::to_value(compiled).unwrap());
}

#[test]
fn unknown_indication_id_is_a_parse_error_naming_it() {
    let text = replace_once(&real_text(), "id = \"adult-mrd-positive\"", "id = \"adult-mrd-positiv\"");
    assert_fails(&text, &["parse:", "adult-mrd-positiv"]);
    // In a rule's list too.
    let text = replace_once(
        &real_text(),
        "indications = [\"adult-newly-diagnosed-consolidation\"]\nverdict",
        "indications = [\"adult-consolidation\"]\nverdict",
    );
    assert_fails(&text, &["parse:", "adult-consolidation"]);
}

#[test]
fn unknown_criterion_is_a_parse_error_naming_it() {
    let text = replace_once(&real_text(), "{ mrd-at-least-percent = 0.1 }", "{ mrd-above-percent = 0.1 }");
    assert_fails(&text, &["parse:", "mrd-above-percent"]);
}

#[test]
fn missing_source_is_named() {
    let text = replace_once(
        &real_text(),
        "cite = { source = \"dmp-2024-10-11\", quote = \"indication-adult-mrd-positive\" }\nalso_cite",
        "cite = { source = \"dmp-2024-10-12\", quote = \"indication-adult-mrd-positive\" }\nalso_cite",
    );
    assert_fails(&text, &["indication adult-mrd-positive", "missing source \"dmp-2024-10-12\""]);
}

#[test]
fn missing_quote_is_named() {
    let text = replace_once(
        &real_text(),
        "cite = { source = \"dmp-2024-10-11\", quote = \"id2019-118-decision\" }",
        "cite = { source = \"dmp-2024-10-11\", quote = \"id2019-118-decisions\" }",
    );
    assert_fails(&text, &["recommendation \"id2019-118\"", "missing quote \"id2019-118-decisions\""]);
    // A note's citation too.
    let text = replace_once(
        &real_text(),
        "cite = { source = \"nt-radet-vgr\", quote = \"vgr-decision\" }",
        "cite = { source = \"nt-radet-vgr\", quote = \"vgr-beslut\" }",
    );
    assert_fails(&text, &["note \"vgr-regional-decision-pending\"", "missing quote \"vgr-beslut\""]);
}

#[test]
fn empty_quote_and_source_without_quotes_are_named() {
    let quote = "text = \"paediatric patients aged from 1 month to 1 year\"";
    let text = replace_once(&real_text(), quote, "text = \"  \"");
    assert_fails(&text, &["source \"has-2025-07-16\"", "quote \"from-1-month\" is empty"]);
    let text = replace_once(&real_text(), &format!("[[source.quote]]\nid = \"from-1-month\"\n{quote}\n"), "");
    // A source without any [[source.quote]] is already a parse error (pointing at its line);
    // `quote = []` reaches validate, which names the source.
    assert_fails(&text, &["parse:", "[[source]]", "missing field `quote`"]);
    let head = "id = \"has-2025-07-16\"\n";
    let text = replace_once(&text, head, &format!("{head}quote = []\n"));
    assert_fails(&text, &["source \"has-2025-07-16\": has no quote", "missing quote \"from-1-month\""]);
}

#[test]
fn bad_dates_are_named() {
    let text = replace_once(&real_text(), "approved = \"2021-06-24\"", "approved = \"2021-02-30\"");
    assert_fails(&text, &["indication paediatric-high-risk-first-relapse", "2021-02-30"]);
    let text = replace_once(&real_text(), "date = \"2016-06-13\"\nscope", "date = \"13.06.2016\"\nscope");
    assert_fails(&text, &["recommendation \"id2015-013\"", "13.06.2016"]);
    let text = replace_once(&real_text(), "as_of = \"2026-01-21\"", "as_of = \"2026-1-21\"");
    assert_fails(&text, &["as_of", "2026-1-21"]);
    let text = replace_once(&real_text(), "amended = \"2020-12-22\"", "amended = \"2015-11-22\"");
    assert_fails(&text, &["indication adult-relapsed-refractory", "amended \"2015-11-22\""]);
    let text = replace_once(&real_text(), "date = \"2025-01-30\"\nlang", "date = \"2025-13-01\"\nlang");
    assert_fails(&text, &["source \"ecancer-2025-01-30\"", "2025-13-01"]);
    // A leap day is a real date.
    let text = replace_once(&real_text(), "approved = \"2021-06-24\"", "approved = \"2024-02-29\"");
    check(&text).unwrap();
}

#[test]
fn overlapping_rules_are_named() {
    let text = real_text();
    let rule = rule_block(&text, "when = [{ complete-remission = [1] }]");
    // The same rule again, with a different verdict its basis allows.
    let copy = rule.replace("verdict = \"yes-with-conditions\"", "verdict = \"no\"");
    assert_ne!(copy, rule);
    let broken = text.replacen(&rule, &format!("{rule}{copy}"), 1);
    assert_fails(&broken, &["jurisdiction no", "indication adult-mrd-positive", "overlapping rules", "yes-with-conditions", "-> no"]);
}

#[test]
fn a_rule_gap_is_named() {
    let text = real_text();
    let rule = rule_block(&text, "when = [{ complete-remission = [2] }]");
    let broken = text.replacen(&rule, "", 1);
    assert_fails(&broken, &["jurisdiction no", "indication adult-mrd-positive", "no rule covers", "relapseNumber=1"]);
    // Sweden: without the children's rule, a child without a planned transplant is uncovered.
    let rule = rule_block(&text, "basis = \"nt-radet-children\"");
    let broken = text.replacen(&rule, "", 1);
    assert_fails(&broken, &["jurisdiction se", "indication paediatric-", "no rule covers", "plannedAlloHsct=false"]);
}

#[test]
fn a_verdict_contradicting_its_basis_is_named() {
    let text = real_text();
    let rule = rule_block(&text, "basis = \"id2015-013\"");
    let broken = text.replacen(&rule, &rule.replace("verdict = \"no\"", "verdict = \"yes\""), 1);
    assert_fails(&broken, &["jurisdiction no", "adult-relapsed-refractory -> yes", "contradicts the status not-introduced", "\"id2015-013\""]);
    // Pending on a recommendation that is not under assessment.
    let rule = rule_block(&text, "basis = \"id2021-036\"");
    let broken = text.replacen(&rule, &rule.replace("basis = \"id2021-036\"", "basis = \"no-under-1-year-not-assessed\""), 1);
    assert_fails(&broken, &["paediatric-high-risk-first-relapse -> pending", "contradicts the status no-assessment"]);
}

#[test]
fn a_rule_cannot_give_the_checkers_own_verdicts() {
    let text = real_text();
    let rule = rule_block(&text, "basis = \"no-adult-consolidation-not-assessed\"");
    let broken = text.replacen(&rule, &rule.replace("verdict = \"no-recommendation\"", "verdict = \"off-label\""), 1);
    assert_fails(&broken, &["adult-newly-diagnosed-consolidation -> off-label", "checker's own"]);
}

#[test]
fn a_basis_that_is_no_recommendation_is_named() {
    let text = real_text();
    let rule = rule_block(&text, "basis = \"id2021-047\"");
    let broken = text.replacen(&rule, &rule.replace("basis = \"id2021-047\"", "basis = \"id2021-048\""), 1);
    assert_fails(&broken, &["jurisdiction no", "basis \"id2021-048\" is no recommendation of no"]);
}

#[test]
fn wrong_format_version_is_named() {
    let text = replace_once(&real_text(), "format = 2\n", "format = 3\n");
    assert_fails(&text, &["format = 3", "formats 1 to 2"]);
}

/// The currency fields: required from format 2, real dates, in order, and `as_of` is the date
/// of the newest dated source.
#[test]
fn currency_dates_are_required_and_consistent() {
    let text = replace_once(&real_text(), "checked = \"2026-11-30\"\n", "");
    assert_fails(&text, &["checked: missing"]);
    let text = replace_once(&real_text(), "checked = \"2026-11-30\"", "checked = \"2025-12-31\"");
    assert_fails(&text, &["checked = \"2025-12-31\" is before as_of"]);
    // A day that does not exist is not a date (the stale notice counts months from it): here it
    // also sorts after as_of, so only the date check can catch it.
    let text = replace_once(&real_text(), "checked = \"2026-11-30\"", "checked = \"2026-11-31\"");
    assert_fails(&text, &["checked = \"2026-11-31\": expected a date YYYY-MM-DD"]);
    let text = replace_once(&real_text(), "stale_after_months = 12\n", "");
    assert_fails(&text, &["stale_after_months: missing"]);
    let text = replace_once(&real_text(), "stale_after_months = 12\n", "stale_after_months = 0\n");
    assert_fails(&text, &["stale_after_months: must be at least 1"]);
    // A newer source than as_of: as_of no longer says what the dataset relies on.
    let text = replace_once(&real_text(), "date = \"2026-01-21\"", "date = \"2026-02-01\"");
    assert_fails(&text, &["as_of = \"2026-01-21\"", "newest dated source is of 2026-02-01"]);
    // A format-1 file (an older release, for the change report) needs none of them.
    let old = replace_once(&real_text(), "format = 2\n", "format = 1\n");
    let old = replace_once(&old, "checked = \"2026-11-30\"\n", "");
    check(&replace_once(&old, "stale_after_months = 12\n", "")).unwrap();
}

#[test]
fn notes_and_definitions_are_checked() {
    let text = replace_once(
        &real_text(),
        "cite = { source = \"medicinradet-2026-01-21\", quote = \"consolidation-recommended\" }",
        "cite = { source = \"medicinradet-2026-01-21\", quote = \"consolidation\" }",
    );
    assert_fails(&text, &["note \"denmark-consolidation-recommended\"", "missing quote \"consolidation\""]);
    let text = replace_once(&real_text(), "cite = { source = \"rcc-all-kapitel-17\", quote = \"relapse-by-mrd\" }", "cite = { source = \"rcc\", quote = \"relapse-by-mrd\" }");
    assert_fails(&text, &["definition \"haematological-relapse\"", "missing source \"rcc\""]);
    let text = replace_once(&real_text(), "fields = [\"inRemission\"]", "fields = []");
    assert_fails(&text, &["definition \"haematological-remission\": defines no field"]);
    let text = replace_once(&real_text(), "fields = [\"inRemission\"]", "fields = [\"inRemision\"]");
    assert_fails(&text, &["parse:", "inRemision"]);
    let text = replace_once(&real_text(), "id = \"rcc-svall-consensus-adults\"", "id = \"id2017-067-bridging\"");
    assert_fails(&text, &["note \"id2017-067-bridging\": duplicate id"]);
}

#[test]
fn duplicates_and_bad_urls_are_named() {
    let text = replace_once(&real_text(), "id = \"hdir-all-voksne\"", "id = \"has-2025-07-16\"");
    assert_fails(&text, &["source \"has-2025-07-16\": duplicate source id"]);
    let text = replace_once(&real_text(), "url = \"https://ecancer.org/en/news/25956\"", "url = \"ecancer.org/en/news/25956\"");
    assert_fails(&text, &["source \"ecancer-2025-01-30\"", "not an http(s) address"]);
    let text = replace_once(&real_text(), "id = \"id2021-047\"\n", "id = \"id2021-036\"\n");
    assert_fails(&text, &["recommendation \"id2021-036\": duplicate id"]);
}

#[test]
fn unknown_keys_are_parse_errors() {
    let text = replace_once(&real_text(), "format = 2\n", "format = 2\nauthor = \"someone\"\n");
    assert_fails(&text, &["parse:", "author"]);
}

/// The decision diagrams are part of validation: a dataset whose diagrams cannot be built fails
/// (it was a build warning, and `evaluate` searched instead). Here a note's condition cuts the
/// prior therapy lines into 301 intervals, more than the diagrams' 255 values per field.
#[test]
fn diagrams_that_cannot_be_built_fail_validation() {
    let many: Vec<String> = (1..=300).map(|n| format!("{{ prior-therapy-lines-at-least = {n} }}")).collect();
    let id = "id = \"denmark-consolidation-recommended\"\n";
    let text = replace_once(&real_text(), id, &format!("{id}when = [{{ any-of = [{}] }}]\n", many.join(", ")));
    assert_fails(&text, &["the decision diagrams cannot be built", "priorTherapyLines has 301 representative values"]);
}

/// The diagrams must read every number the strict reading accepts as a representative value
/// that answers every criterion alike. Two thresholds closer together than the 1e-9 tolerance
/// break that: the Norwegian rule "from 12 months" next to "under 1 year" leaves the ages from
/// 1 - 1e-9 to 1 - 1e-9/12 answering like no representative value (and on no rule: the rule
/// coverage, proved on the representative values, cannot see it).
#[test]
fn numbers_the_diagrams_cannot_read_fail_validation() {
    let text = replace_once(
        &real_text(),
        "when = [{ age-at-least-years = 1 }]\nverdict = \"pending\"\nbasis = \"id2021-036\"",
        "when = [{ age-at-least-months = 12 }]\nverdict = \"pending\"\nbasis = \"id2021-036\"",
    );
    assert_fails(&text, &["the decision diagrams cannot read ageYears = 0.999999999", "thresholds closer together"]);
}

/// Issue 19, item 12: the verdict bar's short qualifier stands for a rule's qualifier, so it
/// needs one, and must be shorter in every language.
#[test]
fn item12_a_short_qualifier_needs_a_qualifier_and_is_shorter() {
    let text = real_text();
    let rule = rule_block(&text, "basis = \"se-adults-not-assessed\"");
    let short = "qualifier_short = { sv = \"kort\", nb = \"kort\", en = \"short\" }\n";
    let broken = text.replacen(&rule, &rule.replacen("\n\n", &format!("\n{short}\n"), 1), 1);
    assert_fails(&broken, &["jurisdiction se", "-> no-recommendation", "qualifier_short without a qualifier"]);
    let long = "qualifier_short = { sv = \"som brygga till transplantation\", nb = \"som bro til transplantasjon\", en = \"as a bridge to an allogeneic stem cell transplant\" }";
    let broken = replace_once(&text, "qualifier_short = { sv = \"som brygga till transplantation\", nb = \"som bro til transplantasjon\", en = \"as bridge to transplant\" }", long);
    assert_fails(&broken, &["-> yes", "qualifier_short (en)", "not a short form"]);
}

/// A remission is numbered from 1 (CR1 when newly diagnosed, CR(n+1) after relapse n): a
/// `complete-remission` that lists no number, or a "CR0" that no patient is ever in, is a
/// criterion that can never be met and must fail the build, not silently exclude every patient.
#[test]
fn a_complete_remission_criterion_lists_remission_numbers_from_1() {
    for broken in ["[]", "[0]", "[0, 1]"] {
        let text = replace_once(&real_text(), "when = [{ complete-remission = [1] }]", &format!("when = [{{ complete-remission = {broken} }}]"));
        assert_fails(&text, &["complete-remission needs remission numbers from 1"]);
    }
}

/// An age criterion may name any age a patient can have, 120 years included; 121 is a typo.
#[test]
fn an_age_criterion_is_checked_against_0_to_120_years() {
    let at = |years: u32| replace_once(&real_text(), "when = [{ age-under-years = 1 }]", &format!("when = [{{ age-under-years = {years} }}]"));
    let outside = |text: &str| check(text).err().unwrap_or_default().contains("is outside 0–120");
    assert!(!outside(&at(120)), "{:?}", check(&at(120)));
    assert!(outside(&at(121)), "{:?}", check(&at(121)));
}
