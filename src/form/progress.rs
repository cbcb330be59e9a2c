//! Where the form stands, in words: the compact verdict bar that stays in sight while the form is
//! scrolled, and the message of the live region. Both say the same: the verdict's headline once
//! the answer is decided, else "no answer yet" with how many questions can still change it.

use super::state::State;
use crate::assessment::Assessment;
use crate::i18n::strings;
use crate::summary;
use crate::vocab::{Lang, Verdict};

/// The verdict bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub verdict: Verdict,
    /// The headline, or "Svar saknas – 2 frågor kvar".
    pub words: String,
}

impl Progress {
    pub fn of(a: &Assessment, lang: Lang) -> Progress {
        let words = match a.verdict {
            Verdict::Incomplete => (strings(lang).questions_left)(a.missing.len()),
            _ => summary::headline(a, lang),
        };
        Progress { verdict: a.verdict, words }
    }
}

/// The typed entries the checker cannot read, each with its field and why ("Ålder: Skriv åldern
/// som ett tal, till exempel 8 eller 0,5."), in the form's order: what the live region says once
/// the input settles, before anything else.
pub fn entry_errors(state: &State, lang: Lang) -> Vec<String> {
    let t = strings(lang);
    crate::vocab::Field::ALL
        .iter()
        .filter_map(|f| state.entry(*f).err().map(|e| format!("{}: {}", (t.field_name)(*f), (t.entry_error)(*f, e, state.age_unit))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::child_bridging;
    use crate::patient::Patient;
    use crate::vocab::{Field, Jurisdiction};

    #[test]
    fn incomplete_says_how_many_questions_can_still_change_the_answer() {
        // One answer fewer than a decided case, where that leaves one question open.
        let one = Field::ALL
            .iter()
            .map(|f| {
                let mut p = child_bridging();
                p.set(*f, None);
                crate::evaluate(&p)
            })
            .find(|a| a.missing.len() == 1)
            .expect("some answer of the child's case is the only one missing when left out");
        assert_eq!(Progress::of(&one, Lang::Sv).words, "Svar saknas – 1 fråga kvar");
        assert_eq!(Progress::of(&one, Lang::En).words, "No answer yet – 1 question left");
        let empty = crate::evaluate(&Patient { jurisdiction: Some(Jurisdiction::Se), ..Patient::default() });
        let n = empty.missing.len();
        assert!(n > 1);
        let bar = Progress::of(&empty, Lang::Sv);
        assert_eq!((bar.verdict, bar.words), (Verdict::Incomplete, format!("Svar saknas – {n} frågor kvar")));
        assert_eq!(Progress::of(&empty, Lang::Nb).words, format!("Svar mangler – {n} spørsmål igjen"));
        assert_eq!(Progress::of(&empty, Lang::En).words, format!("No answer yet – {n} questions left"));
    }

    #[test]
    fn a_decided_answer_shows_its_headline() {
        let a = crate::evaluate(&child_bridging());
        assert_ne!(a.verdict, Verdict::Incomplete);
        for lang in Lang::ALL {
            let bar = Progress::of(&a, *lang);
            assert_eq!((bar.verdict, bar.words), (a.verdict, summary::headline(&a, *lang)));
        }
    }
}
