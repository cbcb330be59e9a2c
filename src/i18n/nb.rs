//! Norsk bokmål.

use super::{bounds, by_status, count_range, join_criteria, number, ordinal, number_range, percent, RangeWords, Strings};
use crate::assessment::Check;
use crate::patient::Value;
use crate::vocab::{
    Cd19, Criterion, Diagnosis, DiseaseStatus, Field, Jurisdiction, Lang, Philadelphia, RecommendationStatus, Verdict,
};

pub const STRINGS: Strings = Strings {
    lang: Lang::Nb,
    title: "Kan Blincyto brukes for denne pasienten?",
    intro: "Svar på spørsmålene, så vises svaret med en gang, med beslutningene og kildene det bygger på. Ingen opplysninger forlater siden.",
    questions: "Opplysninger om pasienten",
    jurisdiction_legend: "Hvor behandles pasienten?",
    jurisdiction_option,
    question,
    hint,
    field_name,
    option,
    yes: "Ja",
    no: "Nei",
    age_unit_label: "Enhet",
    unit_years: "år",
    unit_months: "måneder",
    assumed: "(antas hvis ikke annet er oppgitt)",
    age_not_a_number: "Skriv alderen som et tall, for eksempel 8 eller 0,5.",
    age_out_of_range: |min, max, unit| format!("Alderen må være mellom {min} og {max} {unit}."),
    mrd_not_a_number: "Skriv MRD i prosent, for eksempel 0,1.",
    mrd_out_of_range: |min, max| format!("MRD må være mellom {min} og {max}."),
    count_not_whole: "Skriv et heltall, for eksempel 2.",
    count_out_of_range: |min, max| format!("Skriv et heltall fra {min} til {max}."),
    start_over: "Start på nytt",
    unknown_button: "Vet ikke",
    unknown_marked: |q| format!("{q}: ikke kjent. Svaret viser hva som mangler."),
    unknown_short: "ikke kjent",
    change: "Endre",
    new_tab: "åpnes i ny fane",
    to_answer: "Til svaret",

    answer_heading: "Svar",
    verdict,
    verdict_explainer,
    missing_intro: "Svar på følgende for å få et svar:",
    on_label_so_far: "Pasienten er innenfor en godkjent indikasjon, men svaret avhenger av flere opplysninger.",
    indications_heading: "Godkjent indikasjon (EU)",
    other_indications_heading: "Indikasjoner som ikke passer",
    on_label_some: "Pasienten er innenfor en godkjent indikasjon. Hvilken av indikasjonene som gjelder, avhenger av opplysninger som ikke påvirker svaret.",
    check,
    criterion,
    patient_values: "Pasienten",
    not_given: "ikke oppgitt",
    decision_heading: "Beslutninger som avgjør svaret",
    decided_by: |s| by_status(s, ["Behandles av", "Ansvarlig", "Anbefalt av", "Anbefaling fra", "Besluttet av"]),
    status_label: "Status",
    date_label: "Dato",
    case_label: "Sak",
    reason_label: "Begrunnelse",
    conditions_label: "Vilkår",
    source_label: "Kilde",
    restating: |case| format!("som gjengir beslutningen i {case}"),
    status,
    undated: "udatert",
    notes_heading: "Verdt å merke seg",
    assumptions_heading: "Antakelser",
    assumption_monotherapy: "Blincyto antas gitt som monoterapi (spørsmålet er ikke besvart).",
    alternatives_heading: "Dette ville endret svaret",
    clause,
    alternative: |clause, verdict| format!("Hvis {clause}, ville svaret blitt: {verdict}"),
    sources_heading: "Kilder",
    as_of: |as_of, checked, version| {
        format!("Nyeste kilde: {as_of}. Sist kontrollert for nyere beslutninger: {checked} (grunnlagsversjon {version}).")
    },
    stale_heading: "Svaret kan være utdatert",
    stale_text: |checked, months| {
        let unit = if months == 1 { "måned" } else { "måneder" };
        format!("Grunnlaget ble sist kontrollert {checked}, for mer enn {months} {unit} siden. Det kan ha kommet nyere beslutninger siden.")
    },
    stale_check: "Kontroller gjeldende anbefalinger og beslutninger hos:",

    copy_summary: "Kopier sammendrag",
    copied: "Sammendraget er kopiert. Lim det inn i journalen.",
    copy_fallback: "Kunne ikke kopiere automatisk. Teksten er merket nedenfor – kopier den med Ctrl+C (⌘+C på Mac).",
    summary_label: "Sammendrag for journalen",
    overview_summary: "Oversikt: alle indikasjoner og beslutninger",
    overview_intro: "EU-godkjenning og beslutninger i Sverige og Norge for hver indikasjon, ifølge grunnlaget.",
    col_eu: "EU-godkjenning",
    eu_approved: "Godkjent",
    failure: "Verktøyet kunne ikke fortsette på grunn av en feil. Les anbefalingene direkte hos kildene:",

    summary_title: "Blincyto (blinatumomab) – kontroll av bruk",
    summary_jurisdiction: "Gjelder",
    summary_answer: "Svar",
    summary_answers: "Oppgitte opplysninger",
    summary_indication: "Indikasjon",
    summary_label_status_off: "Ingen godkjent indikasjon er oppfylt.",
    not_yes_headline: "Ikke ja",
    possible_answers: |list| format!("Mulige svar: {list}."),
    or: "eller",
    if_then: |clause, answer| format!("Hvis {clause}: {answer}."),
    after_relapse_in_cr: |n| format!("pasienten får residiv og oppnår CR{n}"),
    remission_number: |n| format!("ja (CR{n})"),
    summary_checked_on: |day| format!("Kontrollen er gjort {day}."),
    summary_not_known: "Ikke kjent",
    summary_decision: "Beslutning",
    quote: |text| format!("«{text}»"),

    bar_invitation: "Svar på spørsmålene – svaret vises her",
    bar_questions_left: |not_yes, n| {
        let start = if not_yes { "Ikke ja" } else { "Ikke noe svar ennå" };
        if n == 1 { format!("{start} – 1 spørsmål igjen") } else { format!("{start} – høyst {n} spørsmål igjen") }
    },
    bar_no_more_questions: |not_yes| format!("{} – ingen flere spørsmål igjen", if not_yes { "Ikke ja" } else { "Ikke noe svar" }),
};

fn jurisdiction_option(j: Jurisdiction) -> &'static str {
    match j {
        Jurisdiction::Se => "Sverige (NT-rådet)",
        Jurisdiction::No => "Norge (Nye metoder)",
    }
}

fn question(f: Field) -> &'static str {
    match f {
        Field::Jurisdiction => "Hvor behandles pasienten?",
        Field::AgeYears => "Alder",
        Field::Diagnosis => "Diagnose",
        Field::Cd19 => "CD19-uttrykk på blastene",
        Field::Philadelphia => "Philadelphia-kromosom (BCR::ABL1)",
        Field::DiseaseStatus => "Hvilken sykdomsfase skal behandles?",
        Field::RelapseNumber => "Hvilket residiv er det?",
        Field::InRemission => "Er pasienten i fullstendig remisjon nå?",
        Field::MrdPercent => "MRD (minimal restsykdom)",
        Field::Consolidation => "Gis Blincyto som del av konsolideringsbehandlingen?",
        Field::HighRiskRelapse => "Er første residiv klassifisert som høyrisiko?",
        Field::PriorTherapyLines => "Antall tidligere behandlinger (linjer)",
        Field::PriorAlloHsct => "Har pasienten gjennomgått allogen stamcelletransplantasjon?",
        Field::TkiFailures => "Antall tyrosinkinasehemmere (TKI) som har sviktet",
        Field::OtherOptionsAvailable => "Finnes det andre behandlingsalternativer?",
        Field::PlannedAlloHsct => "Gis Blincyto som bro til planlagt allogen stamcelletransplantasjon?",
        Field::Monotherapy => "Blincyto som monoterapi?",
    }
}

/// How to type an answer. What an answer means comes from the dataset's definitions
/// (`i18n::hint`): relapse and remission, monotherapy.
fn hint(f: Field) -> Option<&'static str> {
    match f {
        Field::AgeYears => Some("I år, eller i måneder for spedbarn. Desimalkomma går fint."),
        Field::MrdPercent => Some("I prosent: 0,1\u{a0}% tilsvarer én leukemicelle per 1\u{a0}000 celler."),
        Field::RelapseNumber => Some("Heltall: 1 = første residiv."),
        Field::PriorTherapyLines => Some("Heltall. En hel førstelinjeprotokoll teller som én behandling; hver ny induksjon ved residiv eller refraktær sykdom teller som én til."),
        Field::TkiFailures => Some("Heltall, 0 eller flere."),
        _ => None,
    }
}

fn field_name(f: Field) -> &'static str {
    match f {
        Field::Jurisdiction => "Land",
        Field::AgeYears => "Alder",
        Field::Diagnosis => "Diagnose",
        Field::Cd19 => "CD19",
        Field::Philadelphia => "Philadelphia-kromosom",
        Field::DiseaseStatus => "Sykdomsfase",
        Field::RelapseNumber => "Residivnummer",
        Field::InRemission => "Fullstendig remisjon",
        Field::MrdPercent => "MRD",
        Field::Consolidation => "Som del av konsolidering",
        Field::HighRiskRelapse => "Høyrisikoresidiv",
        Field::PriorTherapyLines => "Tidligere behandlinger",
        Field::PriorAlloHsct => "Tidligere allogen stamcelletransplantasjon",
        Field::TkiFailures => "TKI som har sviktet",
        Field::OtherOptionsAvailable => "Andre behandlingsalternativer",
        Field::PlannedAlloHsct => "Bro til planlagt allogen stamcelletransplantasjon",
        Field::Monotherapy => "Monoterapi",
    }
}

fn option(v: Value) -> &'static str {
    match v {
        Value::Jurisdiction(Jurisdiction::Se) => "Sverige",
        Value::Jurisdiction(Jurisdiction::No) => "Norge",
        Value::Diagnosis(Diagnosis::BPrecursorAll) => "B-celleprekursor ALL",
        Value::Diagnosis(Diagnosis::TAll) => "T-ALL",
        Value::Diagnosis(Diagnosis::Other) => "Annen diagnose",
        Value::Cd19(Cd19::Positive) => "CD19-positiv",
        Value::Cd19(Cd19::Negative) => "CD19-negativ",
        Value::Philadelphia(Philadelphia::Negative) => "Ph-negativ",
        Value::Philadelphia(Philadelphia::Positive) => "Ph-positiv",
        Value::DiseaseStatus(DiseaseStatus::NewlyDiagnosed) => "Nydiagnostisert (ingen tidligere residiv)",
        Value::DiseaseStatus(DiseaseStatus::Relapsed) => "Residiv",
        Value::DiseaseStatus(DiseaseStatus::Refractory) => "Refraktær (har ikke gått i remisjon)",
        Value::Flag(true) => "Ja",
        Value::Flag(false) => "Nei",
        Value::Number(_) | Value::Count(_) => "",
    }
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Yes => "Ja",
        Verdict::YesWithConditions => "Ja, med vilkår",
        Verdict::No => "Nei",
        Verdict::Pending => "Avventer beslutning",
        Verdict::NoRecommendation => "Ingen nasjonal beslutning for denne situasjonen",
        Verdict::OffLabel => "Utenfor indikasjon (off-label)",
        Verdict::Incomplete => "Svar mangler – flere opplysninger trengs",
    }
}

fn verdict_explainer(v: Verdict, status: Option<RecommendationStatus>, places: &[&str]) -> String {
    use RecommendationStatus as S;
    let place = places.join(" og ");
    match (v, status) {
        (Verdict::Yes, Some(S::Approved)) => format!("Bruken er godkjent i {place}."),
        (Verdict::Yes, _) => format!("Bruken støttes av en nasjonal anbefaling i {place}."),
        (Verdict::YesWithConditions, Some(S::IntroducedWithConditions)) => {
            format!("Metoden er innført i {place}, men bare med vilkårene nedenfor.")
        }
        (Verdict::YesWithConditions, _) => format!("Bruken anbefales i {place}, men bare med vilkårene nedenfor."),
        (Verdict::No, Some(S::NotRecommended)) => {
            format!("Bruken anbefales ikke i {place}. Det er en nasjonal anbefaling til regionene, ikke en bindende beslutning.")
        },
        (Verdict::No, Some(S::NotIntroduced)) => format!("Det er besluttet at metoden ikke skal innføres i {place}."),
        (Verdict::No, Some(S::IntroducedWithConditions)) => {
            format!("Metoden er innført i {place} bare med vilkår som pasienten ikke oppfyller.")
        }
        (Verdict::No, _) => format!("Bruken er ikke anbefalt eller ikke innført i {place}."),
        (Verdict::Pending, _) => {
            format!("Pasienten er innenfor en godkjent indikasjon, men vurderingen i {place} pågår, og det er ikke tatt noen beslutning.")
        }
        (Verdict::NoRecommendation, _) => {
            format!("Pasienten er innenfor en godkjent indikasjon, men grunnlaget inneholder ingen nasjonal beslutning for denne situasjonen i {place}.")
        }
        (Verdict::OffLabel, _) => {
            "Pasienten oppfyller ingen av Blincytos godkjente indikasjoner (monoterapi ved CD19-positiv B-celleprekursor ALL).".into()
        }
        (Verdict::Incomplete, _) => "Svaret avhenger av opplysninger som ennå ikke er oppgitt.".into(),
    }
}

fn check(c: Check) -> &'static str {
    match c {
        Check::Met => "oppfylt",
        Check::NotMet => "ikke oppfylt",
        Check::Unknown => "ukjent",
    }
}

fn status(s: RecommendationStatus) -> &'static str {
    use RecommendationStatus as S;
    match s {
        S::Recommended => "Anbefalt",
        S::RecommendedWithConditions => "Anbefalt med vilkår",
        S::NotRecommended => "Ikke anbefalt",
        S::NotIntroduced => "Ikke innført",
        S::IntroducedWithConditions => "Innført med vilkår",
        S::UnderAssessment => "Vurdering pågår",
        S::CancellationAdvised => "Avbestilling anbefalt",
        S::NoAssessment => "Ingen vurdering",
        S::Approved => "Godkjent",
    }
}

fn ordinal_nb(n: u32) -> String {
    ordinal(n, ["første", "andre", "tredje", "fjerde", "femte"], |n| format!("{n}."))
}

fn or_list(items: Vec<String>) -> String {
    items.join(" eller ")
}

fn criterion(c: &Criterion) -> String {
    use Criterion as C;
    match c {
        C::Monotherapy(true) => "Blincyto som monoterapi".into(),
        C::Monotherapy(false) => "Blincyto i kombinasjon med annen behandling".into(),
        C::Diagnosis(Diagnosis::BPrecursorAll) => "B-celleprekursor ALL".into(),
        C::Diagnosis(Diagnosis::TAll) => "T-ALL".into(),
        C::Diagnosis(Diagnosis::Other) => "annen diagnose".into(),
        C::Cd19(Cd19::Positive) => "CD19-positiv".into(),
        C::Cd19(Cd19::Negative) => "CD19-negativ".into(),
        C::Philadelphia(Philadelphia::Negative) => "Ph-negativ".into(),
        C::Philadelphia(Philadelphia::Positive) => "Ph-positiv".into(),
        C::AgeAtLeastMonths(m) => format!("alder minst {m} {}", if *m == 1 { "måned" } else { "måneder" }),
        C::AgeAtLeastYears(y) => format!("alder minst {y} år"),
        C::AgeUnderYears(y) => format!("alder under {y} år"),
        C::NewlyDiagnosed(true) => "nydiagnostisert sykdom".into(),
        C::NewlyDiagnosed(false) => "ikke nydiagnostisert".into(),
        C::ActiveRelapsedRefractory(true) => "aktiv residiverende eller refraktær sykdom".into(),
        C::ActiveRelapsedRefractory(false) => "ingen aktiv residiverende eller refraktær sykdom".into(),
        C::ActiveRelapseAfterAlloHsct(true) => "residiv etter tidligere allogen stamcelletransplantasjon".into(),
        C::ActiveRelapseAfterAlloHsct(false) => "ikke residiv etter allogen stamcelletransplantasjon".into(),
        C::CompleteRemission(ns) => format!(
            "i {} fullstendige remisjon ({})",
            or_list(ns.iter().map(|n| ordinal_nb(*n)).collect()),
            or_list(ns.iter().map(|n| format!("CR{n}")).collect())
        ),
        C::MrdAtLeastPercent(t) => format!("MRD ≥\u{a0}{}", percent(Lang::Nb, *t)),
        C::Consolidation(true) => "som del av konsolideringsbehandling".into(),
        C::Consolidation(false) => "ikke som del av konsolideringsbehandling".into(),
        C::HighRiskFirstRelapse(true) => "høyrisiko første residiv".into(),
        C::HighRiskFirstRelapse(false) => "ikke høyrisiko første residiv".into(),
        C::PriorTherapyLinesAtLeast(n) => format!("minst {n} tidligere behandlinger"),
        C::TkiFailuresAtLeast(n) => format!("svikt på minst {n} TKI-er"),
        C::OtherOptionsAvailable(true) => "andre behandlingsalternativer finnes".into(),
        C::OtherOptionsAvailable(false) => "ingen andre behandlingsalternativer".into(),
        C::PlannedAlloHsct(true) => "bro til planlagt allogen stamcelletransplantasjon".into(),
        C::PlannedAlloHsct(false) => "ingen planlagt allogen stamcelletransplantasjon".into(),
        C::AllOf(parts) => join_criteria(parts, criterion, " og "),
        C::AnyOf(parts) => join_criteria(parts, criterion, " eller "),
    }
}

/// "{} eller mer", "under {}", "{} til under {}".
const RANGE: RangeWords = RangeWords {
    or_more: |x| format!("{x} eller mer"),
    under: |x| format!("under {x}"),
    to_under: |lo, b| format!("{lo} til under {b}"),
};

fn clause(f: Field, v: Value, below: Option<Value>) -> String {
    let (below_n, below_c) = bounds(below);
    let range = |lo: u32| count_range(lo, below_c, |b| format!("færre enn {b}"), |lo| format!("minst {lo}"));
    match (f, v) {
        (Field::AgeYears, Value::Number(lo)) => {
            // "1 til under 18 år": one unit when both are whole years.
            let first = |lo: f64| if lo >= 1.0 { number(Lang::Nb, lo, 1) } else { super::age(Lang::Nb, lo) };
            format!("alderen er {}", number_range(lo, below_n, &RANGE, |x| super::age(Lang::Nb, x), first))
        }
        (Field::MrdPercent, Value::Number(lo)) => {
            let pct = |x: f64| percent(Lang::Nb, x);
            format!("MRD er {}", number_range(lo, below_n, &RANGE, pct, pct))
        }
        (Field::RelapseNumber, Value::Count(n)) => match below_c {
            None if n > 1 => format!("det gjelder {} residiv eller senere", ordinal_nb(n)),
            _ => format!("det gjelder {} residiv", ordinal_nb(n)),
        },
        (Field::PriorTherapyLines, Value::Count(n)) => {
            format!("pasienten har fått {} tidligere behandlinger", range(n))
        }
        (Field::TkiFailures, Value::Count(n)) => format!("{} TKI-er har sviktet", range(n)),
        (Field::Jurisdiction, Value::Jurisdiction(j)) => {
            format!("pasienten behandles i {}", option(Value::Jurisdiction(j)))
        }
        (Field::Diagnosis, Value::Diagnosis(Diagnosis::Other)) => "diagnosen er en annen enn ALL".into(),
        (Field::Diagnosis, Value::Diagnosis(d)) => format!("diagnosen er {}", option(Value::Diagnosis(d))),
        (Field::Cd19, Value::Cd19(Cd19::Positive)) => "blastene er CD19-positive".into(),
        (Field::Cd19, Value::Cd19(Cd19::Negative)) => "blastene er CD19-negative".into(),
        (Field::Philadelphia, Value::Philadelphia(Philadelphia::Negative)) => "sykdommen er Ph-negativ".into(),
        (Field::Philadelphia, Value::Philadelphia(Philadelphia::Positive)) => "sykdommen er Ph-positiv".into(),
        (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::NewlyDiagnosed)) => {
            "sykdommen er nydiagnostisert".into()
        }
        (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::Relapsed)) => "det gjelder et residiv".into(),
        (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::Refractory)) => "sykdommen er refraktær".into(),
        (Field::InRemission, Value::Flag(b)) => format!("pasienten {}er i fullstendig remisjon", not(b)),
        (Field::Consolidation, Value::Flag(b)) => format!("Blincyto {}gis som del av konsolideringen", not(b)),
        (Field::HighRiskRelapse, Value::Flag(b)) => format!("første residiv {}er høyrisiko", not(b)),
        (Field::PriorAlloHsct, Value::Flag(b)) => {
            format!("pasienten {}har gjennomgått allogen stamcelletransplantasjon", not(b))
        }
        (Field::OtherOptionsAvailable, Value::Flag(true)) => "det finnes andre behandlingsalternativer".into(),
        (Field::OtherOptionsAvailable, Value::Flag(false)) => "det ikke finnes andre behandlingsalternativer".into(),
        (Field::PlannedAlloHsct, Value::Flag(b)) => {
            format!("Blincyto {}gis som bro til planlagt allogen stamcelletransplantasjon", not(b))
        }
        (Field::Monotherapy, Value::Flag(true)) => "Blincyto gis som monoterapi".into(),
        (Field::Monotherapy, Value::Flag(false)) => "Blincyto gis i kombinasjon med annen behandling".into(),
        (f, v) => format!("{} er {}", super::lowercase_first(field_name(f)), super::value(Lang::Nb, f, v)),
    }
}

fn not(b: bool) -> &'static str {
    if b {
        ""
    } else {
        "ikke "
    }
}
