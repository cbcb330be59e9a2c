//! The string table's shape: everything the widget and the record say, in one language. `sv.rs`,
//! `nb.rs` and `en.rs` fill it, so a missing translation is a compile error.

use crate::assessment::Check;
use crate::patient::Value;
use crate::vocab::{Criterion, Field, Jurisdiction, Lang, RecommendationStatus, Verdict};

/// Everything the widget and the summary say, in one language.
pub struct Strings {
    pub lang: Lang,

    // --- The form -------------------------------------------------------------------------
    /// The widget's heading.
    pub title: &'static str,
    /// One sentence under the heading.
    pub intro: &'static str,
    /// The accessible name of the question form.
    pub questions: &'static str,
    /// The Sweden / Norway switch.
    pub jurisdiction_legend: &'static str,
    /// The switch's options, with the deciding body.
    pub jurisdiction_option: fn(Jurisdiction) -> &'static str,
    /// A question (legend or label) for each field.
    pub question: fn(Field) -> &'static str,
    /// A hint under a question, where one helps and the dataset defines nothing for the field:
    /// the form asks [`hint`], which prefers the dataset's definition.
    pub hint: fn(Field) -> Option<&'static str>,
    /// The short name of a field (summary, criteria, "what is missing").
    pub field_name: fn(Field) -> &'static str,
    /// An option of a choice field in words ("Ph-negativ").
    pub option: fn(Value) -> &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    /// The age unit choice.
    pub age_unit_label: &'static str,
    pub unit_years: &'static str,
    pub unit_months: &'static str,
    /// "(assumed)" after the default answer to the monotherapy question.
    pub assumed: &'static str,
    /// An impossible or unreadable entry, tied to its field ([`crate::form::entry::error_words`]
    /// chooses): an age that is no number, out of range (min, max, unit)…
    pub age_not_a_number: &'static str,
    pub age_out_of_range: fn(min: &str, max: &str, unit: &str) -> String,
    /// …MRD that is no number, out of range (min, max with their unit)…
    pub mrd_not_a_number: &'static str,
    pub mrd_out_of_range: fn(min: &str, max: &str) -> String,
    /// …a count that is no whole number, out of range.
    pub count_not_whole: &'static str,
    pub count_out_of_range: fn(min: &str, max: &str) -> String,
    pub start_over: &'static str,
    /// The button under an open question when the answer is not known, and what the question
    /// says once it is marked so.
    pub unknown_button: &'static str,
    pub unknown_marked: fn(&str) -> String,
    /// A question marked not known, folded to one line: its answer ("Ålder: inte känt").
    pub unknown_short: &'static str,
    /// An answered question folded to one line: the word that reopens it ("Ändra").
    pub change: &'static str,
    /// Said after a link that opens in a new tab (visually hidden).
    pub new_tab: &'static str,
    /// The verdict bar's button, which leads to the full answer.
    pub to_answer: &'static str,

    // --- The answer -----------------------------------------------------------------------
    /// The answer region's name ("Svar"): its heading is the verdict itself.
    pub answer_heading: &'static str,
    /// The headline of a verdict, in plain words.
    pub verdict: fn(Verdict) -> &'static str,
    /// One sentence that explains the kind of answer: a verdict, the status of the decision
    /// behind it where one decides it (a "no" that is not recommended is not one that is not
    /// introduced), and the countries it holds in, by name. Call [`explainer`].
    pub verdict_explainer: fn(Verdict, Option<RecommendationStatus>, &[&str]) -> String,
    /// "Answer these to get an answer:" (before the missing fields).
    pub missing_intro: &'static str,
    /// The patient is on label though the answer still needs more.
    pub on_label_so_far: &'static str,
    pub indications_heading: &'static str,
    /// The indications the patient does not meet, with their unmet criteria.
    pub other_indications_heading: &'static str,
    /// On label, but which indication depends on answers that do not change the verdict.
    pub on_label_some: &'static str,
    /// Met / not met / unknown, for screen readers next to ✓ ✗ ?.
    pub check: fn(Check) -> &'static str,
    /// A criterion in words.
    pub criterion: fn(&Criterion) -> String,
    /// "Patient:" before the patient's values.
    pub patient_values: &'static str,
    /// A field that is not answered.
    pub not_given: &'static str,
    pub decision_heading: &'static str,
    /// The label before who decided, by the decision's status: a decision not made (under
    /// assessment, no assessment) or only advised is not "decided by".
    pub decided_by: fn(RecommendationStatus) -> &'static str,
    pub status_label: &'static str,
    pub date_label: &'static str,
    pub case_label: &'static str,
    pub reason_label: &'static str,
    pub conditions_label: &'static str,
    pub source_label: &'static str,
    /// After a source that restates a decision it is not: "som återger beslutet i {case}"
    /// ([`cited_as`]).
    pub restating: fn(case: &str) -> String,
    /// A recommendation's status in words.
    pub status: fn(RecommendationStatus) -> &'static str,
    /// "undated".
    pub undated: &'static str,
    pub notes_heading: &'static str,
    pub assumptions_heading: &'static str,
    /// The monotherapy assumption.
    pub assumption_monotherapy: &'static str,
    pub alternatives_heading: &'static str,
    /// The condition of an alternative: the clause after "if" (field, value, exclusive upper bound).
    pub clause: fn(Field, Value, Option<Value>) -> String,
    /// "If {clause}, the answer would be: {verdict}".
    pub alternative: fn(&str, &str) -> String,
    pub sources_heading: &'static str,
    /// The dataset's two dates and version: "Newest source {as_of}; checked for newer decisions
    /// on {checked} (dataset version {version})."
    pub as_of: fn(as_of: &str, checked: &str, version: &str) -> String,
    /// The currency notice (the contract's "Currency"), shown when the device's date is more
    /// than the dataset's months past `checked`: its heading ("may be out of date")…
    pub stale_heading: &'static str,
    /// …what that means: checked on {checked}, more than {months} months ago…
    pub stale_text: fn(checked: &str, months: u32) -> String,
    /// …and the words before the national sites' links.
    pub stale_check: &'static str,

    // --- Copy, overview, errors -----------------------------------------------------------
    pub copy_summary: &'static str,
    pub copied: &'static str,
    /// The clipboard is not available: the text is shown selected instead.
    pub copy_fallback: &'static str,
    pub summary_label: &'static str,
    pub overview_summary: &'static str,
    pub overview_intro: &'static str,
    pub col_eu: &'static str,
    pub eu_approved: &'static str,
    /// What the widget says when it failed.
    pub failure: &'static str,

    // --- The plain-text summary -------------------------------------------------------------
    pub summary_title: &'static str,
    pub summary_jurisdiction: &'static str,
    pub summary_answer: &'static str,
    pub summary_answers: &'static str,
    pub summary_indication: &'static str,
    pub summary_label_status_off: &'static str,

    // --- The verdict box and the record (issue 19) ------------------------------------------
    /// The headline of an incomplete answer that cannot become a yes.
    pub not_yes_headline: &'static str,
    /// "Möjliga svar: Nej eller Utanför indikation (off-label)." (the list already joined).
    pub possible_answers: fn(&str) -> String,
    /// The word that joins the last two of a list ("A, B eller C").
    pub or: &'static str,
    /// For one value of the single missing fact: "Om {clause}: {answer}."
    pub if_then: fn(&str, &str) -> String,
    /// The clause of the next remission after a relapse: "patienten får recidiv och når CR2".
    pub after_relapse_in_cr: fn(u32) -> String,
    /// The remission's number after "ja": "ja (CR2)".
    pub remission_number: fn(u32) -> String,
    /// The record: the day of the check.
    pub summary_checked_on: fn(&str) -> String,
    /// The record: facts marked not known, or still missing.
    pub summary_not_known: &'static str,
    /// The record: the deciding decision.
    pub summary_decision: &'static str,
    /// A quotation in the language's quotation marks (sv ”…”, nb «…», en “…”).
    pub quote: fn(&str) -> String,

    // --- The verdict bar's words (issue 19) -------------------------------------------------
    /// Before the first answer: "Svara på frågorna – svaret visas här".
    pub bar_invitation: &'static str,
    /// No answer yet, and at most `n` questions that the form can still ask
    /// ([`crate::assessment::most_questions`]): "Inget svar ännu – högst 3 frågor kvar",
    /// "… – 1 fråga kvar"; with `not_yes` (no answer left can be yes) "Inte ja – …".
    pub bar_questions_left: fn(not_yes: bool, n: usize) -> String,
    /// No answer, and no question left to ask (what is missing is marked not known).
    pub bar_no_more_questions: fn(not_yes: bool) -> String,
}
