//! An assessment handed to several components (the answer, its copy button), compared by
//! identity: a new evaluation is a new answer.

use std::rc::Rc;

use crate::assessment::Assessment;

/// An assessment shared between components, compared by identity (a new evaluation is a new
/// answer).
#[derive(Clone)]
pub struct Shared(pub Rc<Assessment<'static>>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
