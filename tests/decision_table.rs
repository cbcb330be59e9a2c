//! `docs/decision-table.md` is generated from the dataset by `cargo run --bin decision-table`;
//! this fails when it is stale (the same generator, run with `--check`), and checks that the
//! document carries everything a reviewer needs.

use std::process::Command;

use blincyto_checker::data::dataset;

const DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/decision-table.md");

#[test]
fn decision_table_is_up_to_date() {
    let out = Command::new(env!("CARGO_BIN_EXE_decision-table")).arg("--check").output().expect("run decision-table");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn unknown_arguments_are_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_decision-table")).arg("--chek").output().expect("run decision-table");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
}

#[test]
fn decision_table_carries_every_quote_indication_and_case() {
    let doc = std::fs::read_to_string(DOC).expect("docs/decision-table.md exists: run `cargo run --bin decision-table`");
    let d = dataset();
    assert!(doc.contains(&*d.version) && doc.contains(&*d.as_of) && doc.contains(&*d.authority.en));
    for s in d.sources.iter() {
        assert!(doc.contains(&*s.url) && doc.contains(&*s.title), "source {}", s.id);
        for q in s.quotes.iter() {
            assert!(doc.contains(&*q.text), "quote {} of {}", q.id, s.id);
        }
    }
    for i in d.indications.iter() {
        assert!(doc.contains(&format!("**{}**", i.id)) && doc.contains(&*i.approved), "indication {}", i.id);
    }
    for j in d.jurisdictions.iter() {
        for r in j.recommendations.iter() {
            if let Some(case) = &r.case {
                assert!(doc.contains(&format!("case {case}")), "case {case}");
            }
        }
        for r in j.rules.iter() {
            assert!(doc.contains(&*r.reason.en), "rule reason {:?}", r.reason.en);
        }
    }
    for u in d.unknowns.iter() {
        assert!(doc.contains(&*u.en));
    }
}
