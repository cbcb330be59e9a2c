//! Svenska.

use super::{bounds, by_status, count_range, join_criteria, number, ordinal, number_range, percent, RangeWords, Strings};
use crate::assessment::Check;
use crate::patient::Value;
use crate::vocab::{
    Cd19, Criterion, Diagnosis, DiseaseStatus, Field, Jurisdiction, Lang, Philadelphia, RecommendationStatus, Verdict,
};

pub const STRINGS: Strings = Strings {
    lang: Lang::Sv,
    title: "Kan Blincyto användas för den här patienten?",
    intro:
        "Svara på frågorna så visas svaret direkt, med de beslut och källor det bygger på. Inga uppgifter lämnar sidan.",
    questions: "Uppgifter om patienten",
    jurisdiction_legend: "Var behandlas patienten?",
    jurisdiction_option,
    question,
    hint,
    field_name,
    option,
    yes: "Ja",
    no: "Nej",
    age_unit_label: "Enhet",
    unit_years: "år",
    unit_months: "månader",
    assumed: "(antas om inget annat anges)",
    age_not_a_number: "Skriv åldern som ett tal, till exempel 8 eller 0,5.",
    age_out_of_range: |min, max, unit| format!("Åldern ska vara mellan {min} och {max} {unit}."),
    mrd_not_a_number: "Skriv MRD i procent, till exempel 0,1.",
    mrd_out_of_range: |min, max| format!("MRD ska vara mellan {min} och {max}."),
    count_not_whole: "Skriv ett heltal, till exempel 2.",
    count_out_of_range: |min, max| format!("Skriv ett heltal från {min} till {max}."),
    start_over: "Börja om",
    unknown_button: "Vet inte",
    unknown_marked: |q| format!("{q}: inte känt. Svaret visar vad som saknas."),
    unknown_short: "inte känt",
    change: "Ändra",
    new_tab: "öppnas i ny flik",
    to_answer: "Till svaret",

    answer_heading: "Svar",
    verdict,
    verdict_explainer,
    missing_intro: "Svara på följande för att få ett svar:",
    on_label_so_far: "Patienten är inom en godkänd indikation, men svaret beror på fler uppgifter.",
    indications_heading: "Godkänd indikation (EU)",
    other_indications_heading: "Indikationer som inte passar",
    on_label_some: "Patienten är inom en godkänd indikation. Vilken av indikationerna som gäller beror på uppgifter som inte påverkar svaret.",
    check,
    criterion,
    patient_values: "Patienten",
    not_given: "ej angivet",
    decision_heading: "Beslut som avgör svaret",
    decided_by: |s| by_status(s, ["Behandlas av", "Ansvarig", "Föreslaget av", "Rekommendation från", "Beslutat av"]),
    status_label: "Status",
    date_label: "Datum",
    case_label: "Ärende",
    reason_label: "Skäl",
    conditions_label: "Villkor",
    source_label: "Källa",
    restating: |case| format!("som återger beslutet i {case}"),
    status,
    undated: "odaterad",
    notes_heading: "Att tänka på",
    assumptions_heading: "Antaganden",
    assumption_monotherapy: "Blincyto antas ges som monoterapi (frågan är inte besvarad).",
    alternatives_heading: "Detta skulle ändra svaret",
    clause,
    alternative: |clause, verdict| format!("Om {clause} skulle svaret bli: {verdict}"),
    sources_heading: "Källor",
    as_of: |as_of, checked, version| {
        format!("Senaste källa: {as_of}. Senast kontrollerat för nyare beslut: {checked} (underlagsversion {version}).")
    },
    stale_heading: "Svaret kan vara inaktuellt",
    stale_text: |checked, months| {
        let unit = if months == 1 { "månad" } else { "månader" };
        format!("Underlaget kontrollerades senast {checked}, för mer än {months} {unit} sedan. Nyare beslut kan ha fattats sedan dess.")
    },
    stale_check: "Kontrollera aktuella rekommendationer och beslut hos:",

    copy_summary: "Kopiera sammanfattning",
    copied: "Sammanfattningen är kopierad. Klistra in den i journalen.",
    copy_fallback:
        "Det gick inte att kopiera automatiskt. Texten är markerad nedan – kopiera den med Ctrl+C (⌘+C på Mac).",
    summary_label: "Sammanfattning för journalen",
    overview_summary: "Översikt: alla indikationer och beslut",
    overview_intro: "EU-godkännande och beslut i Sverige och Norge för varje indikation, enligt underlaget.",
    col_eu: "EU-godkännande",
    eu_approved: "Godkänd",
    failure: "Verktyget kunde inte fortsätta på grund av ett fel. Läs rekommendationerna direkt hos källorna:",

    summary_title: "Blincyto (blinatumomab) – kontroll av användning",
    summary_jurisdiction: "Gäller",
    summary_answer: "Svar",
    summary_answers: "Angivna uppgifter",
    summary_indication: "Indikation",
    summary_label_status_off: "Ingen godkänd indikation uppfylls.",
    not_yes_headline: "Inte ja",
    possible_answers: |list| format!("Möjliga svar: {list}."),
    or: "eller",
    if_then: |clause, answer| format!("Om {clause}: {answer}."),
    after_relapse_in_cr: |n| format!("patienten får recidiv och når CR{n}"),
    remission_number: |n| format!("ja (CR{n})"),
    summary_checked_on: |day| format!("Kontrollen gjordes {day}."),
    summary_not_known: "Inte känt",
    summary_decision: "Beslut",
    quote: |text| format!("”{text}”"),

    bar_invitation: "Svara på frågorna – svaret visas här",
    bar_questions_left: |not_yes, n| {
        let start = if not_yes { "Inte ja" } else { "Inget svar ännu" };
        if n == 1 { format!("{start} – 1 fråga kvar") } else { format!("{start} – högst {n} frågor kvar") }
    },
    bar_no_more_questions: |not_yes| format!("{} – inga fler frågor kvar", if not_yes { "Inte ja" } else { "Inget svar" }),
};

fn jurisdiction_option(j: Jurisdiction) -> &'static str {
    match j {
        Jurisdiction::Se => "Sverige (NT-rådet)",
        Jurisdiction::No => "Norge (Nye metoder)",
    }
}

fn question(f: Field) -> &'static str {
    match f {
        Field::Jurisdiction => "Var behandlas patienten?",
        Field::AgeYears => "Ålder",
        Field::Diagnosis => "Diagnos",
        Field::Cd19 => "CD19-uttryck på blasterna",
        Field::Philadelphia => "Philadelphiakromosom (BCR::ABL1)",
        Field::DiseaseStatus => "Vilken sjukdomsfas ska behandlas?",
        Field::RelapseNumber => "Vilket recidiv är det?",
        Field::InRemission => "Är patienten i komplett remission nu?",
        Field::MrdPercent => "MRD (minimal kvarvarande sjukdom)",
        Field::Consolidation => "Ges Blincyto som del av konsolideringsbehandlingen?",
        Field::HighRiskRelapse => "Är det första recidivet klassat som högrisk?",
        Field::PriorTherapyLines => "Antal tidigare behandlingar (linjer)",
        Field::PriorAlloHsct => "Har patienten genomgått allogen stamcellstransplantation?",
        Field::TkiFailures => "Antal tyrosinkinashämmare (TKI) som sviktat",
        Field::OtherOptionsAvailable => "Finns andra behandlingsalternativ?",
        Field::PlannedAlloHsct => "Ges Blincyto som brygga inför planerad allogen stamcellstransplantation?",
        Field::Monotherapy => "Blincyto som monoterapi?",
    }
}

/// How to type an answer. What an answer means comes from the dataset's definitions
/// (`i18n::hint`): relapse and remission, monotherapy.
fn hint(f: Field) -> Option<&'static str> {
    match f {
        Field::AgeYears => Some("I år, eller i månader för spädbarn. Decimalkomma går bra."),
        Field::MrdPercent => Some("I procent: 0,1\u{a0}% motsvarar en leukemicell på 1\u{a0}000 celler."),
        Field::RelapseNumber => Some("Heltal: 1 = första recidivet."),
        Field::PriorTherapyLines => Some("Heltal. Ett helt förstahandsprotokoll räknas som en behandling; varje ny induktion vid recidiv eller refraktär sjukdom räknas som en till."),
        Field::TkiFailures => Some("Heltal, 0 eller fler."),
        _ => None,
    }
}

fn field_name(f: Field) -> &'static str {
    match f {
        Field::Jurisdiction => "Land",
        Field::AgeYears => "Ålder",
        Field::Diagnosis => "Diagnos",
        Field::Cd19 => "CD19",
        Field::Philadelphia => "Philadelphiakromosom",
        Field::DiseaseStatus => "Sjukdomsfas",
        Field::RelapseNumber => "Recidivnummer",
        Field::InRemission => "Komplett remission",
        Field::MrdPercent => "MRD",
        Field::Consolidation => "Som del av konsolidering",
        Field::HighRiskRelapse => "Högriskrecidiv",
        Field::PriorTherapyLines => "Tidigare behandlingar",
        Field::PriorAlloHsct => "Tidigare allogen stamcellstransplantation",
        Field::TkiFailures => "TKI som sviktat",
        Field::OtherOptionsAvailable => "Andra behandlingsalternativ",
        Field::PlannedAlloHsct => "Brygga inför planerad allogen stamcellstransplantation",
        Field::Monotherapy => "Monoterapi",
    }
}

fn option(v: Value) -> &'static str {
    match v {
        Value::Jurisdiction(Jurisdiction::Se) => "Sverige",
        Value::Jurisdiction(Jurisdiction::No) => "Norge",
        Value::Diagnosis(Diagnosis::BPrecursorAll) => "B-prekursor-ALL",
        Value::Diagnosis(Diagnosis::TAll) => "T-ALL",
        Value::Diagnosis(Diagnosis::Other) => "Annan diagnos",
        Value::Cd19(Cd19::Positive) => "CD19-positiv",
        Value::Cd19(Cd19::Negative) => "CD19-negativ",
        Value::Philadelphia(Philadelphia::Negative) => "Ph-negativ",
        Value::Philadelphia(Philadelphia::Positive) => "Ph-positiv",
        Value::DiseaseStatus(DiseaseStatus::NewlyDiagnosed) => "Nydiagnostiserad (inget tidigare recidiv)",
        Value::DiseaseStatus(DiseaseStatus::Relapsed) => "Recidiv",
        Value::DiseaseStatus(DiseaseStatus::Refractory) => "Refraktär (har inte gått i remission)",
        Value::Flag(true) => "Ja",
        Value::Flag(false) => "Nej",
        Value::Number(_) | Value::Count(_) => "",
    }
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Yes => "Ja",
        Verdict::YesWithConditions => "Ja, med villkor",
        Verdict::No => "Nej",
        Verdict::Pending => "Beslut inväntas",
        Verdict::NoRecommendation => "Inget nationellt beslut för denna situation",
        Verdict::OffLabel => "Utanför indikation (off-label)",
        Verdict::Incomplete => "Svar saknas – fler uppgifter behövs",
    }
}

fn verdict_explainer(v: Verdict, status: Option<RecommendationStatus>, places: &[&str]) -> String {
    use RecommendationStatus as S;
    let place = places.join(" och ");
    match (v, status) {
        (Verdict::Yes, Some(S::Approved)) => format!("Användningen är godkänd i {place}."),
        (Verdict::Yes, _) => format!("Användningen stöds av en nationell rekommendation i {place}."),
        (Verdict::YesWithConditions, Some(S::IntroducedWithConditions)) => {
            format!("Metoden är införd i {place}, men bara med villkoren nedan.")
        }
        (Verdict::YesWithConditions, _) => format!("Användningen rekommenderas i {place}, men bara med villkoren nedan."),
        (Verdict::No, Some(S::NotRecommended)) => {
            format!("Användningen rekommenderas inte i {place}. Det är en nationell rekommendation till regionerna, inte ett bindande beslut.")
        },
        (Verdict::No, Some(S::NotIntroduced)) => format!("Det är beslutat att metoden inte ska införas i {place}."),
        (Verdict::No, Some(S::IntroducedWithConditions)) => {
            format!("Metoden är införd i {place} bara med villkor som patienten inte uppfyller.")
        }
        (Verdict::No, _) => format!("Användningen är inte rekommenderad eller inte införd i {place}."),
        (Verdict::Pending, _) => {
            format!("Patienten är inom en godkänd indikation, men bedömningen i {place} pågår och inget beslut är fattat.")
        }
        (Verdict::NoRecommendation, _) => {
            format!("Patienten är inom en godkänd indikation, men underlaget innehåller inget nationellt beslut för denna situation i {place}.")
        }
        (Verdict::OffLabel, _) => {
            "Patienten uppfyller ingen av Blincytos godkända indikationer (monoterapi vid CD19-positiv B-prekursor-ALL).".into()
        }
        (Verdict::Incomplete, _) => "Svaret beror på uppgifter som ännu inte är angivna.".into(),
    }
}

fn check(c: Check) -> &'static str {
    match c {
        Check::Met => "uppfyllt",
        Check::NotMet => "inte uppfyllt",
        Check::Unknown => "okänt",
    }
}

fn status(s: RecommendationStatus) -> &'static str {
    use RecommendationStatus as S;
    match s {
        S::Recommended => "Rekommenderas",
        S::RecommendedWithConditions => "Rekommenderas med villkor",
        S::NotRecommended => "Rekommenderas inte",
        S::NotIntroduced => "Inte infört",
        S::IntroducedWithConditions => "Infört med villkor",
        S::UnderAssessment => "Bedömning pågår",
        S::CancellationAdvised => "Avbeställning föreslagen",
        S::NoAssessment => "Ingen bedömning",
        S::Approved => "Godkänt",
    }
}

fn ordinal_sv(n: u32) -> String {
    ordinal(n, ["första", "andra", "tredje", "fjärde", "femte"], |n| format!("{n}:e"))
}

fn or_list(items: Vec<String>) -> String {
    items.join(" eller ")
}

fn criterion(c: &Criterion) -> String {
    use Criterion as C;
    match c {
        C::Monotherapy(true) => "Blincyto som monoterapi".into(),
        C::Monotherapy(false) => "Blincyto i kombination med annan behandling".into(),
        C::Diagnosis(Diagnosis::BPrecursorAll) => "B-prekursor-ALL".into(),
        C::Diagnosis(Diagnosis::TAll) => "T-ALL".into(),
        C::Diagnosis(Diagnosis::Other) => "annan diagnos".into(),
        C::Cd19(Cd19::Positive) => "CD19-positiv".into(),
        C::Cd19(Cd19::Negative) => "CD19-negativ".into(),
        C::Philadelphia(Philadelphia::Negative) => "Ph-negativ".into(),
        C::Philadelphia(Philadelphia::Positive) => "Ph-positiv".into(),
        C::AgeAtLeastMonths(m) => format!("ålder minst {m} {}", if *m == 1 { "månad" } else { "månader" }),
        C::AgeAtLeastYears(y) => format!("ålder minst {y} år"),
        C::AgeUnderYears(y) => format!("ålder under {y} år"),
        C::NewlyDiagnosed(true) => "nydiagnostiserad sjukdom".into(),
        C::NewlyDiagnosed(false) => "inte nydiagnostiserad".into(),
        C::ActiveRelapsedRefractory(true) => "aktiv recidiverande eller refraktär sjukdom".into(),
        C::ActiveRelapsedRefractory(false) => "ingen aktiv recidiverande eller refraktär sjukdom".into(),
        C::ActiveRelapseAfterAlloHsct(true) => "recidiv efter tidigare allogen stamcellstransplantation".into(),
        C::ActiveRelapseAfterAlloHsct(false) => "inget recidiv efter allogen stamcellstransplantation".into(),
        C::CompleteRemission(ns) => format!(
            "i {} kompletta remission ({})",
            or_list(ns.iter().map(|n| ordinal_sv(*n)).collect()),
            or_list(ns.iter().map(|n| format!("CR{n}")).collect())
        ),
        C::MrdAtLeastPercent(t) => format!("MRD ≥\u{a0}{}", percent(Lang::Sv, *t)),
        C::Consolidation(true) => "som del av konsolideringsbehandling".into(),
        C::Consolidation(false) => "inte som del av konsolideringsbehandling".into(),
        C::HighRiskFirstRelapse(true) => "högrisk första recidiv".into(),
        C::HighRiskFirstRelapse(false) => "inte högrisk första recidiv".into(),
        C::PriorTherapyLinesAtLeast(n) => format!("minst {n} tidigare behandlingar"),
        C::TkiFailuresAtLeast(n) => format!("svikt på minst {n} TKI"),
        C::OtherOptionsAvailable(true) => "andra behandlingsalternativ finns".into(),
        C::OtherOptionsAvailable(false) => "inga andra behandlingsalternativ".into(),
        C::PlannedAlloHsct(true) => "brygga inför planerad allogen stamcellstransplantation".into(),
        C::PlannedAlloHsct(false) => "ingen planerad allogen stamcellstransplantation".into(),
        C::AllOf(parts) => join_criteria(parts, criterion, " och "),
        C::AnyOf(parts) => join_criteria(parts, criterion, " eller "),
    }
}

/// "{} eller mer", "under {}", "{} till under {}".
const RANGE: RangeWords = RangeWords {
    or_more: |x| format!("{x} eller mer"),
    under: |x| format!("under {x}"),
    to_under: |lo, b| format!("{lo} till under {b}"),
};

fn clause(f: Field, v: Value, below: Option<Value>) -> String {
    let (below_n, below_c) = bounds(below);
    let range = |lo: u32| count_range(lo, below_c, |b| format!("färre än {b}"), |lo| format!("minst {lo}"));
    match (f, v) {
        (Field::AgeYears, Value::Number(lo)) => {
            // "1 till under 18 år": one unit when both are whole years.
            let first = |lo: f64| if lo >= 1.0 { number(Lang::Sv, lo, 1) } else { super::age(Lang::Sv, lo) };
            format!("åldern är {}", number_range(lo, below_n, &RANGE, |x| super::age(Lang::Sv, x), first))
        }
        (Field::MrdPercent, Value::Number(lo)) => {
            let pct = |x: f64| percent(Lang::Sv, x);
            format!("MRD är {}", number_range(lo, below_n, &RANGE, pct, pct))
        }
        (Field::RelapseNumber, Value::Count(n)) => match below_c {
            None if n > 1 => format!("det gäller {} recidivet eller senare", ordinal_sv(n)),
            _ => format!("det gäller {} recidivet", ordinal_sv(n)),
        },
        (Field::PriorTherapyLines, Value::Count(n)) => format!("patienten har fått {} tidigare behandlingar", range(n)),
        (Field::TkiFailures, Value::Count(n)) => format!("{} TKI har sviktat", range(n)),
        (Field::Jurisdiction, Value::Jurisdiction(j)) => {
            format!("patienten behandlas i {}", option(Value::Jurisdiction(j)))
        }
        (Field::Diagnosis, Value::Diagnosis(Diagnosis::Other)) => "diagnosen är en annan än ALL".into(),
        (Field::Diagnosis, Value::Diagnosis(d)) => format!("diagnosen är {}", option(Value::Diagnosis(d))),
        (Field::Cd19, Value::Cd19(Cd19::Positive)) => "blasterna är CD19-positiva".into(),
        (Field::Cd19, Value::Cd19(Cd19::Negative)) => "blasterna är CD19-negativa".into(),
        (Field::Philadelphia, Value::Philadelphia(Philadelphia::Negative)) => "sjukdomen är Ph-negativ".into(),
        (Field::Philadelphia, Value::Philadelphia(Philadelphia::Positive)) => "sjukdomen är Ph-positiv".into(),
        (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::NewlyDiagnosed)) => {
            "sjukdomen är nydiagnostiserad".into()
        }
        (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::Relapsed)) => "det gäller ett recidiv".into(),
        (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::Refractory)) => "sjukdomen är refraktär".into(),
        (Field::InRemission, Value::Flag(b)) => format!("patienten {}är i komplett remission", not(b)),
        (Field::Consolidation, Value::Flag(b)) => format!("Blincyto {}ges som del av konsolideringen", not(b)),
        (Field::HighRiskRelapse, Value::Flag(b)) => format!("det första recidivet {}är högrisk", not(b)),
        (Field::PriorAlloHsct, Value::Flag(b)) => {
            format!("patienten {}har genomgått allogen stamcellstransplantation", not(b))
        }
        (Field::OtherOptionsAvailable, Value::Flag(true)) => "andra behandlingsalternativ finns".into(),
        (Field::OtherOptionsAvailable, Value::Flag(false)) => "inga andra behandlingsalternativ finns".into(),
        (Field::PlannedAlloHsct, Value::Flag(b)) => {
            format!("Blincyto {}ges som brygga inför planerad allogen stamcellstransplantation", not(b))
        }
        (Field::Monotherapy, Value::Flag(true)) => "Blincyto ges som monoterapi".into(),
        (Field::Monotherapy, Value::Flag(false)) => "Blincyto ges i kombination med annan behandling".into(),
        (f, v) => format!("{} är {}", super::lowercase_first(field_name(f)), super::value(Lang::Sv, f, v)),
    }
}

fn not(b: bool) -> &'static str {
    if b {
        ""
    } else {
        "inte "
    }
}
