//! The string tables' words, and the answers' words they make.

use super::*;
use crate::patient::Value;
use crate::vocab::{Cd19, Criterion, Diagnosis, DiseaseStatus, Philadelphia, RecommendationStatus, Verdict};

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
    // A range of one number is that number.
    assert_eq!(
        (sv.clause)(Field::PriorTherapyLines, Value::Count(2), Some(Value::Count(3))),
        "patienten har fått 2 tidigare behandlingar"
    );
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

/// The transplant plan as a clause, both ways, in each language's words: the "if" of a changed
/// answer must not drop the negation.
#[test]
fn the_transplant_clause_says_yes_and_no() {
    let said = |lang: Lang, planned: bool| (strings(lang).clause)(Field::PlannedAlloHsct, Value::Flag(planned), None);
    assert_eq!(
        LANGS.map(|lang| [said(lang, true), said(lang, false)]),
        [
            // After "Om" / "Hvis": the negation before the verb, as in a subordinate clause.
            ["Blincyto ges som brygga inför planerad allogen stamcellstransplantation", "Blincyto inte ges som brygga inför planerad allogen stamcellstransplantation"],
            ["Blincyto gis som bro til planlagt allogen stamcelletransplantasjon", "Blincyto ikke gis som bro til planlagt allogen stamcelletransplantasjon"],
            ["Blincyto is given as a bridge to a planned allogeneic stem cell transplant", "Blincyto is not given as a bridge to a planned allogeneic stem cell transplant"],
        ]
        .map(|pair| pair.map(String::from))
    );
}
