//! Every quote in the dataset whose source is one of the documents in `shared/sources/` appears
//! there verbatim: this proves each cited sentence is real.
//!
//! Both sides are normalised the same way: markdown `**` emphasis and blockquote markers (`>` at
//! the start of a line) removed, a hyphen at a line break joined to the next line ("CD19-\npositiv" → "CD19-positiv"), runs of whitespace
//! collapsed to one space. Nothing else: no case folding, no punctuation or quote-mark changes.

mod common;

use blincyto_checker::data::dataset;

/// Which shared document holds each source's sentences.
const DOCUMENTS: &[(&str, &str)] = &[
    ("nt-radet-vgr", "se-nt-radet-blincyto-all-vgr-newsletter.md"),
    ("dmp-2024-10-11", "no-dmp-id2017_067-memo-2024-10-11.txt"),
    ("ecancer-2025-01-30", "later-sources.md"),
    ("has-2025-07-16", "later-sources.md"),
    ("hdir-all-voksne", "later-sources-2026.md"),
    ("nyemetoder-id2015-013", "later-sources-2026.md"),
    ("tlv-2021-05-26", "later-sources-2026.md"),
    ("rcc-all-kapitel-17", "later-sources-2026.md"),
    ("medicinradet-2026-01-21", "later-sources-2026.md"),
];

fn normalise(text: &str) -> String {
    let text = text.replace("**", "").replace("\r\n", "\n");
    let text: String = text
        .lines()
        .map(|l| {
            let t = l.trim_start();
            t.strip_prefix('>').map_or(l, |rest| rest.strip_prefix(' ').unwrap_or(rest))
        })
        .collect::<Vec<_>>()
        .join("\n");
    // Join a hyphen at a line break: "-", optional blanks, newline, optional whitespace -> "-".
    let mut joined = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('-') {
        joined.push_str(&rest[..=i]);
        rest = &rest[i + 1..];
        let after_blanks = rest.trim_start_matches([' ', '\t']);
        if let Some(next_line) = after_blanks.strip_prefix('\n') {
            rest = next_line.trim_start();
        }
    }
    joined.push_str(rest);
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn normalisation_joins_only_line_break_hyphens() {
    assert_eq!(normalise("CD19-\npositiv og  **fet**\n tekst"), "CD19-positiv og fet tekst");
    assert_eq!(normalise("Philadelphia- \n  kromosomnegativ"), "Philadelphia-kromosomnegativ");
    assert_eq!(normalise("(Blincyto) - Behandling"), "(Blincyto) - Behandling");
    assert_eq!(normalise("a -\n\n b"), "a -b");
    assert_eq!(normalise("  > tatt i\n  > bruk, MRD >0.1%"), "tatt i bruk, MRD >0.1%");
}

#[test]
fn every_quote_of_a_shared_document_is_verbatim() {
    let d = dataset();
    let dir = common::shared_dir().join("sources");
    let mut checked = 0;
    let mut failures = Vec::new();
    for (source_id, file) in DOCUMENTS {
        let source = d.source(source_id).unwrap_or_else(|| panic!("the dataset has no source {source_id:?}; update DOCUMENTS"));
        let document = normalise(&std::fs::read_to_string(dir.join(file)).unwrap());
        for q in source.quotes.iter() {
            checked += 1;
            if !document.contains(&normalise(&q.text)) {
                failures.push(format!("{source_id} / {}: not found in {file}:\n  {}", q.id, q.text));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {checked} quotes are not verbatim:\n{}", failures.len(), failures.join("\n"));
    let unchecked: Vec<&str> =
        d.sources.iter().map(|s| &*s.id).filter(|id| !DOCUMENTS.iter().any(|(s, _)| s == id)).collect();
    if !unchecked.is_empty() {
        eprintln!("sources with no document in shared/sources (quotes not checked): {unchecked:?}");
    }
    assert!(checked >= 30, "only {checked} quotes checked");
    assert!(unchecked.is_empty(), "every source must have its document in shared/sources: {unchecked:?}");
}

/// A changed letter is caught (the check is not vacuous).
#[test]
fn a_misquote_is_caught() {
    let d = dataset();
    let memo = normalise(&std::fs::read_to_string(common::shared_dir().join("sources/no-dmp-id2017_067-memo-2024-10-11.txt")).unwrap());
    let (_, q) = d
        .quote(&blincyto_checker::dataset::Cite { source: "dmp-2024-10-11".into(), quote: "id2015-013-decision".into() })
        .unwrap();
    assert!(memo.contains(&normalise(&q.text)));
    assert!(!memo.contains(&normalise(&q.text.replace("13.06.2016", "13.06.2017"))));
}
