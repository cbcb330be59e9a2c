//! The decision dataset's types.
//!
//! The dataset itself is `data/blincyto.toml`, a file the drug committee reviews. `build.rs` reads
//! it with these types, runs [`validate`](crate::validate::validate) and turns it into Rust (the
//! root crate's `data.rs`), so a bad file fails the build with a message naming the entry and the
//! browser never parses TOML. Types and lookups only: it imports [`crate::vocab`] alone.

use serde::{Deserialize, Serialize};

use crate::vocab::{Criterion, Field, IndicationId, Jurisdiction, Lang, List, RecommendationStatus, Str, Verdict};

/// The dataset format this build compiles in. Format 2 added `checked`, `stale_after_months`,
/// dataset-wide notes, definitions, rule qualifiers, note scopes and `amended`.
pub const FORMAT: u32 = 2;

/// The oldest format [`validate`](crate::validate::validate) still reads (the change report compares against old releases).
pub const OLDEST_FORMAT: u32 = 1;

/// The whole dataset.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::dataset))]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Dataset {
    /// Format version of the file; must equal [`FORMAT`].
    pub format: u32,
    /// The dataset's own version, bumped with every reviewed change.
    pub version: Str,
    /// Date (YYYY-MM-DD) of the latest source the dataset relies on.
    pub as_of: Str,
    /// Date (YYYY-MM-DD) its maintainers last looked for newer decisions. Required from format 2;
    /// a format-1 file was checked on its `as_of` date ([`Dataset::checked`]).
    #[serde(default)]
    pub checked: Option<Str>,
    /// How many months after `checked` the widget warns that the answer may be out of date.
    /// Required from format 2.
    #[serde(default)]
    pub stale_after_months: Option<u32>,
    /// Who the authority is: the current SmPC and the national sites.
    pub authority: Text,
    /// What the dataset knows it does not know.
    pub unknowns: List<Text>,
    /// The documents every statement rests on.
    #[serde(rename = "source")]
    pub sources: List<Source>,
    /// The EU indications.
    #[serde(rename = "indication")]
    pub indications: List<Indication>,
    /// Per jurisdiction: recommendations, rules and notes.
    #[serde(rename = "jurisdiction")]
    pub jurisdictions: List<JurisdictionData>,
    /// Notes that apply whatever the jurisdiction (context such as another country's decision):
    /// never a verdict.
    #[serde(rename = "note", default)]
    pub notes: List<Note>,
    /// What an answer to a question means, where a clinician could read it otherwise. Shown
    /// with every answer that uses one of the fields.
    #[serde(rename = "definition", default)]
    pub definitions: List<Definition>,
}

/// A text in the widget's three languages.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::dataset))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Text {
    pub sv: Str,
    pub nb: Str,
    pub en: Str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.sv,
            Lang::Nb => &self.nb,
            Lang::En => &self.en,
        }
    }
}

/// A published document.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::dataset))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Source {
    pub id: Str,
    pub publisher: Str,
    pub title: Str,
    /// YYYY-MM-DD, or "undated" where the document carries no date.
    pub date: Str,
    /// Language of the quotes (BCP 47: sv, nb, en).
    pub lang: Str,
    pub url: Str,
    /// The exact sentences the dataset relies on.
    #[serde(rename = "quote")]
    pub quotes: List<Quote>,
}

/// One quoted sentence of a source.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::dataset))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Quote {
    pub id: Str,
    pub text: Str,
}

/// A pointer to one quote of one source.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::dataset))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Cite {
    pub source: Str,
    pub quote: Str,
}

/// An EU indication.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::dataset))]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Indication {
    pub id: IndicationId,
    /// The indication's wording.
    pub name: Text,
    /// Date (YYYY-MM-DD) of the EU marketing authorisation of this indication.
    pub approved: Str,
    /// Date (YYYY-MM-DD) since when the current wording applies, where it was changed after
    /// the first approval.
    #[serde(default)]
    pub amended: Option<Str>,
    pub cite: Cite,
    /// Further citations (for example a later change of the age limit).
    #[serde(default)]
    pub also_cite: List<Cite>,
    /// Every one must hold for the patient to be on this indication.
    #[serde(skip_serializing)]
    pub criteria: List<Criterion>,
}

/// One jurisdiction's recommendations, verdict rules and notes.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::dataset))]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct JurisdictionData {
    pub id: Jurisdiction,
    pub name: Text,
    /// The body whose recommendations apply (NT-rådet, Nye metoder).
    pub authority: Str,
    /// Where a clinician checks the current status.
    pub url: Str,
    #[serde(rename = "recommendation")]
    pub recommendations: List<Recommendation>,
    #[serde(rename = "rule")]
    pub rules: List<Rule>,
    #[serde(rename = "note", default)]
    pub notes: List<Note>,
}

/// A recommendation, method assessment or documented absence of one.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::dataset))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Recommendation {
    pub id: Str,
    /// Who decided (NT-rådet, Beslutningsforum for nye metoder, DMP…).
    pub decided_by: Str,
    /// Case number where there is one (ID2019_118).
    #[serde(default)]
    pub case: Option<Str>,
    pub title: Text,
    pub status: RecommendationStatus,
    /// Date of the decision (YYYY-MM-DD) or "undated".
    pub date: Str,
    pub scope: Text,
    #[serde(default)]
    pub conditions: List<Text>,
    pub cite: Cite,
    /// Further citations (for example the conditions of a decision, published elsewhere).
    #[serde(default)]
    pub also_cite: List<Cite>,
}

/// How a verdict follows for patients on some indications in one jurisdiction.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::dataset))]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Rule {
    /// The indications the rule covers.
    pub indications: List<IndicationId>,
    /// Conditions on the patient beyond the indication (all must hold).
    #[serde(default, skip_serializing)]
    pub when: List<Criterion>,
    pub verdict: Verdict,
    /// The recommendation the verdict rests on.
    pub basis: Str,
    /// Why, in words.
    pub reason: Text,
    /// Words that qualify the verdict's headline ("Ja – som bryggbehandling inför allogen
    /// stamcellstransplantation"), where the rule's verdict holds only in that sense.
    #[serde(default)]
    pub qualifier: Option<Text>,
    /// The qualifier in a few words, for the verdict bar on a phone ("Ja – som brygga till
    /// transplantation"); only with a `qualifier` (validation). The bar uses the qualifier itself
    /// where a rule gives none.
    #[serde(default)]
    pub qualifier_short: Option<Text>,
}

/// A note shown with a decided on-label verdict (context, not a condition; never a verdict).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::dataset))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Note {
    pub id: Str,
    /// Shown only to patients who are, whatever the unanswered fields, on one of these
    /// indications (empty: any indication).
    #[serde(default, skip_serializing)]
    pub indications: List<IndicationId>,
    /// Shown only when all of these hold (empty: always).
    #[serde(default, skip_serializing)]
    // Never serialised, so never in the result's schema (the criteria have no schema).
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub when: List<Criterion>,
    pub text: Text,
    pub cite: Cite,
    /// Further citations.
    #[serde(default)]
    pub also_cite: List<Cite>,
}

/// The meaning of one or more input fields, as the contract gives it.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = blincyto_model::dataset))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct Definition {
    pub id: Str,
    /// The fields it defines; it goes with every answer that uses one of them.
    pub fields: List<Field>,
    /// A short hint under the question.
    #[serde(skip_serializing)]
    pub hint: Text,
    /// The definition in full, as the answer and the record summary state it.
    pub text: Text,
    /// The source the definition follows or guards against.
    pub cite: Cite,
}

impl Dataset {
    /// When the maintainers last looked for newer decisions.
    pub fn checked(&self) -> &str {
        self.checked.as_deref().unwrap_or(&self.as_of)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn quote(&self, cite: &Cite) -> Option<(&Source, &Quote)> {
        let source = self.source(&cite.source)?;
        let quote = source.quotes.iter().find(|q| q.id == cite.quote)?;
        Some((source, quote))
    }

    pub fn indication(&self, id: IndicationId) -> Option<&Indication> {
        self.indications.iter().find(|i| i.id == id)
    }

    pub fn jurisdiction(&self, id: Jurisdiction) -> Option<&JurisdictionData> {
        self.jurisdictions.iter().find(|j| j.id == id)
    }
}

impl JurisdictionData {
    pub fn recommendation(&self, id: &str) -> Option<&Recommendation> {
        self.recommendations.iter().find(|r| r.id == id)
    }
}
