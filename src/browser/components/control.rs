//! The element's JS API inside the widget: the bridge (`embed`) answers the form (`input`),
//! starts over (`reset()`) and reads what the form holds through a [`Control`] it gives the App
//! as a prop. The App attaches its dispatcher after its first render and reports the patient of
//! every render; what the bridge asks before that is queued and sent on attaching.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::form::{Action, State};
use crate::patient::Patient;

/// Shared between one widget's bridge and its App (equal only to itself).
#[derive(Clone, Default)]
pub struct Control(Rc<Inner>);

#[derive(Default)]
struct Inner {
    dispatch: RefCell<Option<UseReducerDispatcher<State>>>,
    /// The "start over" button's own action (the first step, in view, focused).
    start_over: RefCell<Option<Callback<()>>>,
    /// Actions asked for before the App could take them.
    queued: RefCell<Vec<Action>>,
    /// The patient of the last render.
    rendered: RefCell<Option<Patient>>,
    /// The patient just given through `input`, until the render that shows it.
    pending: RefCell<Option<Patient>>,
    /// Renders of the App, and of those, the ones whose effects have run.
    renders: Cell<u64>,
    effects: Cell<u64>,
}

impl PartialEq for Control {
    fn eq(&self, other: &Control) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Control {
    /// Answers the form with `actions` (which enter `patient`), in order, as one change.
    pub fn fill(&self, actions: Vec<Action>, patient: Patient) {
        *self.0.pending.borrow_mut() = Some(patient);
        self.send(actions);
    }

    /// What "start over" does.
    pub fn start_over(&self) {
        *self.0.pending.borrow_mut() = None;
        let button = self.0.start_over.borrow().clone();
        match button {
            Some(start_over) => start_over.emit(()),
            None => self.send(vec![Action::StartOver]),
        }
    }

    /// What the form holds now: the patient just given, else the one rendered last.
    pub fn patient(&self) -> Option<Patient> {
        self.0.pending.borrow().clone().or_else(|| self.0.rendered.borrow().clone())
    }

    /// How many times the App has rendered, once the effects of its last render have run
    /// (`None` while they have not: Yew may yield to the browser between the two).
    pub fn settled_renders(&self) -> Option<u64> {
        let renders = self.0.renders.get();
        (self.0.effects.get() == renders).then_some(renders)
    }

    fn send(&self, actions: Vec<Action>) {
        let dispatch = self.0.dispatch.borrow().clone();
        match dispatch {
            Some(d) => actions.into_iter().for_each(|a| d.dispatch(a)),
            None => self.0.queued.borrow_mut().extend(actions),
        }
    }

    /// The App, after its first render: from now on actions go straight to it.
    pub(super) fn attach(&self, dispatch: UseReducerDispatcher<State>) {
        let queued = std::mem::take(&mut *self.0.queued.borrow_mut());
        queued.into_iter().for_each(|a| dispatch.dispatch(a));
        *self.0.dispatch.borrow_mut() = Some(dispatch);
    }

    /// The App, in every render: the patient it shows and its "start over".
    pub(super) fn rendered(&self, patient: &Patient, start_over: Callback<()>) {
        *self.0.rendered.borrow_mut() = Some(patient.clone());
        // The first render comes before the queued actions are sent: it does not show them yet.
        if self.0.dispatch.borrow().is_some() {
            *self.0.pending.borrow_mut() = None;
        }
        *self.0.start_over.borrow_mut() = Some(start_over);
        self.0.renders.set(self.0.renders.get() + 1);
    }

    /// The App, after every render, once its effects have run.
    pub(super) fn effects_ran(&self) {
        self.0.effects.set(self.0.renders.get());
    }
}
