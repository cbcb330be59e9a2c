//! English.

use super::{bounds, by_status, count_range, join_criteria, number, ordinal, number_range, percent, RangeWords, Strings};
use crate::assessment::Check;
use crate::patient::Value;
use crate::vocab::{
    Cd19, Criterion, Diagnosis, DiseaseStatus, Field, Jurisdiction, Lang, Philadelphia, RecommendationStatus, Verdict,
};

pub const STRINGS: Strings = Strings {
    lang: Lang::En,
    title: "Can Blincyto be used for this patient?",
    intro: "Answer the questions and the answer appears at once, with the decisions and sources it rests on. Nothing you enter leaves the page.",
    questions: "About the patient",
    jurisdiction_legend: "Where is the patient treated?",
    jurisdiction_option,
    question,
    hint,
    field_name,
    option,
    yes: "Yes",
    no: "No",
    age_unit_label: "Unit",
    unit_years: "years",
    unit_months: "months",
    assumed: "(assumed unless stated)",
    age_not_a_number: "Enter the age as a number, for example 8 or 0.5.",
    age_out_of_range: |min, max, unit| format!("The age must be between {min} and {max} {unit}."),
    mrd_not_a_number: "Enter MRD in percent, for example 0.1.",
    mrd_out_of_range: |min, max| format!("MRD must be between {min} and {max}."),
    count_not_whole: "Enter a whole number, for example 2.",
    count_out_of_range: |min, max| format!("Enter a whole number from {min} to {max}."),
    start_over: "Start over",
    unknown_button: "Not known",
    unknown_marked: |q| format!("{q}: not known. The answer says what is missing."),
    unknown_short: "not known",
    change: "Change",
    new_tab: "opens in a new tab",
    to_answer: "To the answer",

    answer_heading: "Answer",
    verdict,
    verdict_explainer,
    missing_intro: "Answer the following to get an answer:",
    on_label_so_far: "The patient is within an approved indication, but the answer depends on more information.",
    indications_heading: "Approved indication (EU)",
    other_indications_heading: "Indications that do not fit",
    on_label_some: "The patient is within an approved indication. Which one applies depends on information that does not change the answer.",
    check,
    criterion,
    patient_values: "Patient",
    not_given: "not given",
    decision_heading: "Decisions behind the answer",
    decided_by: |s| by_status(s, ["Handled by", "Responsible", "Advised by", "Recommendation from", "Decided by"]),
    status_label: "Status",
    date_label: "Date",
    case_label: "Case",
    reason_label: "Reason",
    conditions_label: "Conditions",
    source_label: "Source",
    restating: |case| format!("restating the decision in {case}"),
    status,
    undated: "undated",
    notes_heading: "Please note",
    assumptions_heading: "Assumptions",
    assumption_monotherapy: "Blincyto is assumed to be given as monotherapy (the question is not answered).",
    alternatives_heading: "What would change the answer",
    clause,
    alternative: |clause, verdict| format!("If {clause}, the answer would be: {verdict}"),
    sources_heading: "Sources",
    as_of: |as_of, checked, version| {
        format!("Newest source: {as_of}. Last checked for newer decisions: {checked} (dataset version {version}).")
    },
    stale_heading: "This answer may be out of date",
    stale_text: |checked, months| {
        let unit = if months == 1 { "month" } else { "months" };
        format!("The dataset was last checked on {checked}, more than {months} {unit} ago. Newer decisions may have been made since.")
    },
    stale_check: "Check the current recommendations and decisions at:",

    copy_summary: "Copy summary",
    copied: "The summary is copied. Paste it into the medical record.",
    copy_fallback: "Could not copy automatically. The text is selected below – copy it with Ctrl+C (⌘+C on a Mac).",
    summary_label: "Summary for the medical record",
    overview_summary: "Overview: all indications and decisions",
    overview_intro: "EU approval and the decisions in Sweden and Norway for each indication, per the dataset.",
    col_eu: "EU approval",
    eu_approved: "Approved",
    failure: "The tool could not continue because of an error. Please read the recommendations at the sources:",

    summary_title: "Blincyto (blinatumomab) – eligibility check",
    summary_jurisdiction: "Applies to",
    summary_answer: "Answer",
    summary_answers: "Information given",
    summary_indication: "Indication",
    summary_label_status_off: "No approved indication is met.",
    not_yes_headline: "Not yes",
    possible_answers: |list| format!("Possible answers: {list}."),
    or: "or",
    if_then: |clause, answer| format!("If {clause}: {answer}."),
    after_relapse_in_cr: |n| format!("the patient relapses and reaches CR{n}"),
    remission_number: |n| format!("yes (CR{n})"),
    summary_checked_on: |day| format!("Checked on {day}."),
    summary_not_known: "Not known",
    summary_decision: "Decision",
    quote: |text| format!("“{text}”"),

    bar_invitation: "Answer the questions – the answer appears here",
    bar_questions_left: |not_yes, n| {
        let start = if not_yes { "Not yes" } else { "No answer yet" };
        if n == 1 { format!("{start} – 1 question left") } else { format!("{start} – at most {n} questions left") }
    },
    bar_no_more_questions: |not_yes| format!("{} – no more questions left", if not_yes { "Not yes" } else { "No answer" }),
};

fn jurisdiction_option(j: Jurisdiction) -> &'static str {
    match j {
        Jurisdiction::Se => "Sweden (NT-rådet)",
        Jurisdiction::No => "Norway (Nye metoder)",
    }
}

fn question(f: Field) -> &'static str {
    match f {
        Field::Jurisdiction => "Where is the patient treated?",
        Field::AgeYears => "Age",
        Field::Diagnosis => "Diagnosis",
        Field::Cd19 => "CD19 expression of the blasts",
        Field::Philadelphia => "Philadelphia chromosome (BCR::ABL1)",
        Field::DiseaseStatus => "Which disease phase is being treated?",
        Field::RelapseNumber => "Which relapse is it?",
        Field::InRemission => "Is the patient in complete remission now?",
        Field::MrdPercent => "MRD (minimal residual disease)",
        Field::Consolidation => "Is Blincyto given as part of consolidation therapy?",
        Field::HighRiskRelapse => "Is the first relapse classified as high-risk?",
        Field::PriorTherapyLines => "Number of prior treatments (lines)",
        Field::PriorAlloHsct => "Has the patient had an allogeneic stem cell transplant?",
        Field::TkiFailures => "Number of tyrosine kinase inhibitors (TKIs) that have failed",
        Field::OtherOptionsAvailable => "Are there other treatment options?",
        Field::PlannedAlloHsct => "Is Blincyto given as a bridge to a planned allogeneic stem cell transplant?",
        Field::Monotherapy => "Blincyto as monotherapy?",
    }
}

/// How to type an answer. What an answer means comes from the dataset's definitions
/// (`i18n::hint`): relapse and remission, monotherapy.
fn hint(f: Field) -> Option<&'static str> {
    match f {
        Field::AgeYears => Some("In years, or in months for infants. A decimal comma is fine."),
        Field::MrdPercent => Some("In percent: 0.1% is one leukaemic cell in 1,000."),
        Field::RelapseNumber => Some("A whole number: 1 = first relapse."),
        Field::PriorTherapyLines => Some("A whole number. A whole first-line protocol counts as one; each re-induction for relapse or refractory disease counts as one more."),
        Field::TkiFailures => Some("A whole number, 0 or more."),
        _ => None,
    }
}

fn field_name(f: Field) -> &'static str {
    match f {
        Field::Jurisdiction => "Country",
        Field::AgeYears => "Age",
        Field::Diagnosis => "Diagnosis",
        Field::Cd19 => "CD19",
        Field::Philadelphia => "Philadelphia chromosome",
        Field::DiseaseStatus => "Disease phase",
        Field::RelapseNumber => "Relapse number",
        Field::InRemission => "Complete remission",
        Field::MrdPercent => "MRD",
        Field::Consolidation => "As part of consolidation",
        Field::HighRiskRelapse => "High-risk relapse",
        Field::PriorTherapyLines => "Prior treatments",
        Field::PriorAlloHsct => "Prior allogeneic stem cell transplant",
        Field::TkiFailures => "Failed TKIs",
        Field::OtherOptionsAvailable => "Other treatment options",
        Field::PlannedAlloHsct => "Bridge to a planned allogeneic stem cell transplant",
        Field::Monotherapy => "Monotherapy",
    }
}

fn option(v: Value) -> &'static str {
    match v {
        Value::Jurisdiction(Jurisdiction::Se) => "Sweden",
        Value::Jurisdiction(Jurisdiction::No) => "Norway",
        Value::Diagnosis(Diagnosis::BPrecursorAll) => "B-cell precursor ALL",
        Value::Diagnosis(Diagnosis::TAll) => "T-ALL",
        Value::Diagnosis(Diagnosis::Other) => "Other diagnosis",
        Value::Cd19(Cd19::Positive) => "CD19-positive",
        Value::Cd19(Cd19::Negative) => "CD19-negative",
        Value::Philadelphia(Philadelphia::Negative) => "Ph-negative",
        Value::Philadelphia(Philadelphia::Positive) => "Ph-positive",
        Value::DiseaseStatus(DiseaseStatus::NewlyDiagnosed) => "Newly diagnosed (never relapsed)",
        Value::DiseaseStatus(DiseaseStatus::Relapsed) => "Relapse",
        Value::DiseaseStatus(DiseaseStatus::Refractory) => "Refractory (never reached remission)",
        Value::Flag(true) => "Yes",
        Value::Flag(false) => "No",
        Value::Number(_) | Value::Count(_) => "",
    }
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Yes => "Yes",
        Verdict::YesWithConditions => "Yes, with conditions",
        Verdict::No => "No",
        Verdict::Pending => "Decision pending",
        Verdict::NoRecommendation => "No national decision for this situation",
        Verdict::OffLabel => "Outside the indication (off-label)",
        Verdict::Incomplete => "No answer yet – more information needed",
    }
}

fn verdict_explainer(v: Verdict, status: Option<RecommendationStatus>, places: &[&str]) -> String {
    use RecommendationStatus as S;
    let place = places.join(" and ");
    match (v, status) {
        (Verdict::Yes, Some(S::Approved)) => format!("The use is approved in {place}."),
        (Verdict::Yes, _) => format!("The use is supported by a national recommendation in {place}."),
        (Verdict::YesWithConditions, Some(S::IntroducedWithConditions)) => {
            format!("The method is introduced in {place}, but only on the conditions below.")
        }
        (Verdict::YesWithConditions, _) => format!("The use is recommended in {place}, but only on the conditions below."),
        (Verdict::No, Some(S::NotRecommended)) => {
            format!("The use is not recommended in {place}. This is a national recommendation to the regions, not a binding decision.")
        },
        (Verdict::No, Some(S::NotIntroduced)) => format!("It has been decided not to introduce the method in {place}."),
        (Verdict::No, Some(S::IntroducedWithConditions)) => {
            format!("The method is introduced in {place} only on conditions this patient does not meet.")
        }
        (Verdict::No, _) => format!("The use is not recommended or not introduced in {place}."),
        (Verdict::Pending, _) => {
            format!("The patient is within an approved indication, but the assessment in {place} is under way and nothing is decided yet.")
        }
        (Verdict::NoRecommendation, _) => {
            format!("The patient is within an approved indication, but the dataset holds no national decision for this situation in {place}.")
        }
        (Verdict::OffLabel, _) => {
            "The patient meets none of Blincyto's approved indications (monotherapy for CD19-positive B-cell precursor ALL).".into()
        }
        (Verdict::Incomplete, _) => "The answer depends on information not given yet.".into(),
    }
}

fn check(c: Check) -> &'static str {
    match c {
        Check::Met => "met",
        Check::NotMet => "not met",
        Check::Unknown => "unknown",
    }
}

fn status(s: RecommendationStatus) -> &'static str {
    use RecommendationStatus as S;
    match s {
        S::Recommended => "Recommended",
        S::RecommendedWithConditions => "Recommended with conditions",
        S::NotRecommended => "Not recommended",
        S::NotIntroduced => "Not introduced",
        S::IntroducedWithConditions => "Introduced with conditions",
        S::UnderAssessment => "Assessment under way",
        S::CancellationAdvised => "Cancellation advised",
        S::NoAssessment => "No assessment",
        S::Approved => "Approved",
    }
}

fn ordinal_en(n: u32) -> String {
    ordinal(n, ["first", "second", "third", "fourth", "fifth"], |n| format!("{n}th"))
}

fn or_list(items: Vec<String>) -> String {
    items.join(" or ")
}

fn criterion(c: &Criterion) -> String {
    use Criterion as C;
    match c {
        C::Monotherapy(true) => "Blincyto as monotherapy".into(),
        C::Monotherapy(false) => "Blincyto combined with other treatment".into(),
        C::Diagnosis(Diagnosis::BPrecursorAll) => "B-cell precursor ALL".into(),
        C::Diagnosis(Diagnosis::TAll) => "T-ALL".into(),
        C::Diagnosis(Diagnosis::Other) => "another diagnosis".into(),
        C::Cd19(Cd19::Positive) => "CD19-positive".into(),
        C::Cd19(Cd19::Negative) => "CD19-negative".into(),
        C::Philadelphia(Philadelphia::Negative) => "Ph-negative".into(),
        C::Philadelphia(Philadelphia::Positive) => "Ph-positive".into(),
        C::AgeAtLeastMonths(m) => format!("age at least {m} {}", if *m == 1 { "month" } else { "months" }),
        C::AgeAtLeastYears(y) => format!("age at least {y} {}", if *y == 1 { "year" } else { "years" }),
        C::AgeUnderYears(y) => format!("age under {y} {}", if *y == 1 { "year" } else { "years" }),
        C::NewlyDiagnosed(true) => "newly diagnosed".into(),
        C::NewlyDiagnosed(false) => "not newly diagnosed".into(),
        C::ActiveRelapsedRefractory(true) => "active relapsed or refractory disease".into(),
        C::ActiveRelapsedRefractory(false) => "no active relapsed or refractory disease".into(),
        C::ActiveRelapseAfterAlloHsct(true) => "relapse after a prior allogeneic stem cell transplant".into(),
        C::ActiveRelapseAfterAlloHsct(false) => "no relapse after an allogeneic stem cell transplant".into(),
        C::CompleteRemission(ns) => format!(
            "in {} complete remission ({})",
            or_list(ns.iter().map(|n| ordinal_en(*n)).collect()),
            or_list(ns.iter().map(|n| format!("CR{n}")).collect())
        ),
        C::MrdAtLeastPercent(t) => format!("MRD ≥\u{a0}{}", percent(Lang::En, *t)),
        C::Consolidation(true) => "as part of consolidation therapy".into(),
        C::Consolidation(false) => "not as part of consolidation therapy".into(),
        C::HighRiskFirstRelapse(true) => "high-risk first relapse".into(),
        C::HighRiskFirstRelapse(false) => "not a high-risk first relapse".into(),
        C::PriorTherapyLinesAtLeast(n) => format!("at least {n} prior treatments"),
        C::TkiFailuresAtLeast(n) => format!("failure of at least {n} TKIs"),
        C::OtherOptionsAvailable(true) => "other treatment options remain".into(),
        C::OtherOptionsAvailable(false) => "no other treatment options".into(),
        C::PlannedAlloHsct(true) => "bridge to a planned allogeneic stem cell transplant".into(),
        C::PlannedAlloHsct(false) => "no planned allogeneic stem cell transplant".into(),
        C::AllOf(parts) => join_criteria(parts, criterion, " and "),
        C::AnyOf(parts) => join_criteria(parts, criterion, " or "),
    }
}

/// "{} or more", "under {}", "{} to under {}".
const RANGE: RangeWords = RangeWords {
    or_more: |x| format!("{x} or more"),
    under: |x| format!("under {x}"),
    to_under: |lo, b| format!("{lo} to under {b}"),
};

fn clause(f: Field, v: Value, below: Option<Value>) -> String {
    let (below_n, below_c) = bounds(below);
    let range = |lo: u32| count_range(lo, below_c, |b| format!("fewer than {b}"), |lo| format!("at least {lo}"));
    match (f, v) {
        (Field::AgeYears, Value::Number(lo)) => {
            // "1 to under 18 år": one unit when both are whole years.
            let first = |lo: f64| if lo >= 1.0 { number(Lang::En, lo, 1) } else { super::age(Lang::En, lo) };
            format!("the age is {}", number_range(lo, below_n, &RANGE, |x| super::age(Lang::En, x), first))
        }
        (Field::MrdPercent, Value::Number(lo)) => {
            let pct = |x: f64| percent(Lang::En, x);
            format!("MRD is {}", number_range(lo, below_n, &RANGE, pct, pct))
        }
        (Field::RelapseNumber, Value::Count(n)) => match below_c {
            None if n > 1 => format!("it is the {} relapse or later", ordinal_en(n)),
            _ => format!("it is the {} relapse", ordinal_en(n)),
        },
        (Field::PriorTherapyLines, Value::Count(n)) => format!("the patient has had {} prior treatments", range(n)),
        (Field::TkiFailures, Value::Count(n)) => format!("{} TKIs have failed", range(n)),
        (Field::Jurisdiction, Value::Jurisdiction(j)) => {
            format!("the patient is treated in {}", option(Value::Jurisdiction(j)))
        }
        (Field::Diagnosis, Value::Diagnosis(Diagnosis::Other)) => "the diagnosis is not ALL".into(),
        (Field::Diagnosis, Value::Diagnosis(d)) => format!("the diagnosis is {}", option(Value::Diagnosis(d))),
        (Field::Cd19, Value::Cd19(Cd19::Positive)) => "the blasts are CD19-positive".into(),
        (Field::Cd19, Value::Cd19(Cd19::Negative)) => "the blasts are CD19-negative".into(),
        (Field::Philadelphia, Value::Philadelphia(Philadelphia::Negative)) => "the disease is Ph-negative".into(),
        (Field::Philadelphia, Value::Philadelphia(Philadelphia::Positive)) => "the disease is Ph-positive".into(),
        (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::NewlyDiagnosed)) => {
            "the disease is newly diagnosed".into()
        }
        (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::Relapsed)) => "it is a relapse".into(),
        (Field::DiseaseStatus, Value::DiseaseStatus(DiseaseStatus::Refractory)) => "the disease is refractory".into(),
        (Field::InRemission, Value::Flag(b)) => format!("the patient is {}in complete remission", not(b)),
        (Field::Consolidation, Value::Flag(b)) => format!("Blincyto is {}given as part of consolidation", not(b)),
        (Field::HighRiskRelapse, Value::Flag(b)) => format!("the first relapse is {}high-risk", not(b)),
        (Field::PriorAlloHsct, Value::Flag(true)) => "the patient has had an allogeneic stem cell transplant".into(),
        (Field::PriorAlloHsct, Value::Flag(false)) => {
            "the patient has not had an allogeneic stem cell transplant".into()
        }
        (Field::OtherOptionsAvailable, Value::Flag(true)) => "other treatment options remain".into(),
        (Field::OtherOptionsAvailable, Value::Flag(false)) => "no other treatment options remain".into(),
        (Field::PlannedAlloHsct, Value::Flag(b)) => {
            format!("Blincyto is {}given as a bridge to a planned allogeneic stem cell transplant", not(b))
        }
        (Field::Monotherapy, Value::Flag(true)) => "Blincyto is given as monotherapy".into(),
        (Field::Monotherapy, Value::Flag(false)) => "Blincyto is combined with other treatment".into(),
        (f, v) => format!("{} is {}", super::lowercase_first(field_name(f)), super::value(Lang::En, f, v)),
    }
}

fn not(b: bool) -> &'static str {
    if b {
        ""
    } else {
        "not "
    }
}
