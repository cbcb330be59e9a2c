//! A national decision is a data edit, never a code change: no module decides anything by a
//! jurisdiction's id. Proved by moving Sweden's bridging policy to Norway in a copy of the dataset:
//! the answer (verdict, headline qualifier, decision cited) must move with the data.

use blincyto_checker::assessment;
use blincyto_checker::dataset::Dataset;
use blincyto_checker::form::answer::headline;
use blincyto_checker::vocab::{Criterion, Jurisdiction, Lang, Verdict};
use blincyto_checker::Patient;
use blincyto_model::diagrams::Diagrams;
use blincyto_model::patients;
use blincyto_model::validate::validate;

fn real() -> Dataset {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/blincyto.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

/// "same child, bridging to allogeneic transplant in Sweden", in either country.
fn child_bridging(j: Jurisdiction) -> Patient {
    patients::in_jurisdiction(j, patients::child_bridging())
}

const BRIDGING: &str = "nt-radet-bridging";
const QUALIFIER_SV: &str = "som bryggbehandling inför allogen stamcellstransplantation";

/// The dataset with the bridging rule, its qualifier and its recommendation moved from Sweden to
/// Norway. The other rules are adjusted so that every patient still has exactly one route:
/// Sweden's no longer read the transplant plan, Norway's now apply only without one.
fn bridging_moved_to_norway() -> Dataset {
    let mut d = real();
    let js = d.jurisdictions.to_mut();
    let se = js.iter().position(|j| j.id == Jurisdiction::Se).unwrap();
    let no = js.iter().position(|j| j.id == Jurisdiction::No).unwrap();

    let rules = js[se].rules.to_mut();
    let rule = rules.remove(rules.iter().position(|r| r.basis == BRIDGING).expect("Sweden's bridging rule"));
    assert!(rule.qualifier.is_some(), "the bridging rule carries its qualifier");
    for r in rules.iter_mut() {
        r.when.to_mut().retain(|c| *c != Criterion::PlannedAlloHsct(false));
    }
    let recs = js[se].recommendations.to_mut();
    let rec = recs.remove(recs.iter().position(|r| r.id == BRIDGING).unwrap());

    for r in js[no].rules.to_mut().iter_mut() {
        r.when.to_mut().push(Criterion::PlannedAlloHsct(false));
    }
    js[no].rules.to_mut().push(rule);
    js[no].recommendations.to_mut().push(rec);
    d
}

#[test]
fn the_real_dataset_qualifies_the_swedish_bridging_answer_only() {
    let d = real();
    let dg = Diagrams::of(&d).unwrap();
    let se = assessment::evaluate(&d, &dg, &child_bridging(Jurisdiction::Se));
    let no = assessment::evaluate(&d, &dg, &child_bridging(Jurisdiction::No));
    assert_eq!(se.verdict, Verdict::Yes);
    assert!(headline(&se, Lang::Sv).ends_with(QUALIFIER_SV), "{}", headline(&se, Lang::Sv));
    assert_eq!(no.verdict, Verdict::Pending);
    assert!(!headline(&no, Lang::Sv).contains(QUALIFIER_SV), "{}", headline(&no, Lang::Sv));
}

#[test]
fn moving_the_bridging_rule_to_norway_moves_the_answer_and_its_qualifier() {
    let d = bridging_moved_to_norway();
    let dg = validate(&d).unwrap_or_else(|e| panic!("the moved dataset is invalid:\n{}", e.join("\n")));

    let no = assessment::evaluate(&d, &dg, &child_bridging(Jurisdiction::No));
    assert_eq!(no.verdict, Verdict::Yes);
    assert!(no.decision.iter().any(|x| x.recommendation.id == BRIDGING && x.jurisdiction == Jurisdiction::No));
    for (lang, words) in [(Lang::Sv, QUALIFIER_SV), (Lang::Nb, "som brobehandling før allogen stamcelletransplantasjon"), (Lang::En, "as bridging to allogeneic stem cell transplant")] {
        assert!(headline(&no, lang).ends_with(words), "{lang}: {}", headline(&no, lang));
    }

    let se = assessment::evaluate(&d, &dg, &child_bridging(Jurisdiction::Se));
    assert_eq!(se.verdict, Verdict::No, "without the rule, NT-rådet's advice for children decides");
    // It keeps the children's rule's own qualifier, and none of the bridging one's words.
    for (lang, bridging, children) in [
        (Lang::Sv, QUALIFIER_SV, "Nej – avstå från generell användning"),
        (Lang::Nb, "som brobehandling", "Nei – avstå fra generell bruk"),
        (Lang::En, "as bridging", "No – refrain from general use"),
    ] {
        let h = headline(&se, lang);
        assert!(!h.contains(bridging) && h == children, "{lang}: the Swedish answer has lost the bridging qualifier: {h}");
    }
}

/// The verdict bar's short qualifier is the deciding rules' only when they agree on it: split
/// the bridging rule in two, the MRD-positive indication's with a short form of its own, and an
/// adult in CR1 with MRD during consolidation (on both the MRD-positive and the consolidation
/// indication, both bridging) gets the full qualifier in the bar, never one rule's short form.
#[test]
fn the_bars_short_qualifier_is_the_deciding_rules_only_when_they_agree() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/blincyto.toml")).unwrap();
    let all = "indications = [\"adult-relapsed-refractory\", \"adult-mrd-positive\", \"adult-newly-diagnosed-consolidation\", \"paediatric-high-risk-first-relapse\", \"paediatric-relapsed-refractory\"]\nwhen = [{ planned-allo-hsct = true }]";
    let start = text.find(all).expect("the bridging rule");
    let end = start + text[start..].find("\n\n").unwrap();
    let rule = &text[start..end];
    let mrd = rule
        .replace(all, "indications = [\"adult-mrd-positive\"]\nwhen = [{ planned-allo-hsct = true }]")
        .replace("qualifier_short = { sv = \"som brygga till transplantation\"", "qualifier_short = { sv = \"som brygga\"");
    let others = rule.replace("\"adult-mrd-positive\", ", "");
    let split = format!("{}{mrd}\n\n[[jurisdiction.rule]]\n{others}{}", &text[..start], &text[end..]);
    let d: Dataset = toml::from_str(&split).unwrap();
    let dg = validate(&d).unwrap_or_else(|e| panic!("the split dataset is invalid:\n{}", e.join("\n")));

    let both = Patient { consolidation: Some(true), planned_allo_hsct: Some(true), ..patients::adult_mrd_cr1(Jurisdiction::Se) };
    let a = assessment::evaluate(&d, &dg, &both);
    assert_eq!(a.verdict, Verdict::Yes);
    assert_eq!(a.decision.len(), 2, "one decision per indication: {:?}", a.decision.iter().map(|x| x.indication).collect::<Vec<_>>());
    assert_eq!(a.qualifier_short().map(|q| q.get(Lang::Sv)), Some(QUALIFIER_SV));
    // On the MRD-positive indication only, its rule's own short form.
    let mrd_only = Patient { consolidation: Some(false), ..both };
    assert_eq!(assessment::evaluate(&d, &dg, &mrd_only).qualifier_short().map(|q| q.get(Lang::Sv)), Some("som brygga"));
}
