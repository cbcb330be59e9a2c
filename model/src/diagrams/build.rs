//! Building the diagrams from the dataset ([`Diagrams::of`]): the reduced ordered decision
//! diagrams of every criterion, indication and verdict, with their unique and memo tables.

use super::place::answers;
use super::{Diagrams, Node, Table, MAX_ENTRIES, MAX_FIELDS, TERMINAL};
use crate::dataset::Dataset;
use crate::domains::Domains;
use crate::logic::{eval, verdict_by};
use crate::patient::{Patient, Value};
use crate::vocab::{Criterion, Field, FieldSet, Jurisdiction, List};

impl Diagrams {
    /// The decision diagrams of `d`, over its representative values ([`Domains::of`]), with the
    /// proof that they read every value the strict reading accepts exactly; a few milliseconds
    /// natively. An error names why they cannot be built or the first value they cannot read:
    /// then the dataset fails validation (`crate::validate`), so every dataset the widget
    /// compiles in has them.
    pub fn of(d: &Dataset) -> Result<Diagrams, String> {
        let dom = Domains::of(d);
        for f in Field::ALL {
            let n = dom.values(*f).len();
            if n > usize::from(u8::MAX) {
                return Err(format!(
                    "the decision diagrams cannot be built: {f} has {n} representative values (distinct thresholds), at most {} are handled",
                    u8::MAX
                ));
            }
        }
        let dg = Diagrams::build(d, &dom).ok_or_else(|| {
            format!(
                "the decision diagrams cannot be built: they need more than {MAX_ENTRIES} entries in one of their tables, \
                 or a criterion stays undecided with every field it reads known"
            )
        })?;
        dg.prove_reading()?;
        Ok(dg)
    }

    /// Builds the diagrams of `d` over the values of `dom`. Bottom-up with the classic
    /// operations: an elementary criterion by [`eval`] on each combination of the (at most three)
    /// fields it reads; all-of / any-of by "and" / "or" of their parts' diagrams; the verdict by
    /// walking the indications' and rules' diagrams together, down to where every criterion is
    /// decided, and applying the contract's precedence ([`verdict_by`]) there. Every node is made
    /// by [`Builder::mk`], which keeps the diagrams reduced and shared.
    ///
    /// `None` if an elementary criterion stays undecided with all the fields it names known (not
    /// with a valid dataset), or past [`MAX_ENTRIES`].
    fn build(d: &Dataset, dom: &Domains) -> Option<Diagrams> {
        let mut order = vec![Field::Monotherapy];
        order.extend(Field::ALL.iter().copied().filter(|f| *f != Field::Monotherapy));
        if order.len() > MAX_FIELDS {
            return None;
        }
        let mut level = vec![0u8; Field::ALL.len()];
        order.iter().enumerate().for_each(|(l, f)| level[*f as usize] = l as u8);
        let width: Vec<u8> = order.iter().map(|f| u8::try_from(dom.values(*f).len()).ok()).collect::<Option<_>>()?;
        if width.contains(&0) {
            return None;
        }
        let mut b = Builder {
            d,
            dom,
            order: &order,
            width: &width,
            nodes: Vec::new(),
            kids: Vec::new(),
            unique: Table::default(),
            ops: Table::default(),
            states: Table::default(),
        };

        let mut criteria = Vec::new();
        let mut indications = Vec::new();
        for ind in d.indications.iter() {
            let parts = ind.criteria.iter().map(|c| b.criterion(c)).collect::<Option<Vec<u32>>>()?;
            indications.push(b.fold(true, &parts)?);
            criteria.push(parts);
        }
        let on_label = b.fold(false, &indications)?;

        // The verdict: jurisdiction, indications, then every jurisdiction's rules, side by side.
        let jl = level[Field::Jurisdiction as usize];
        let jurisdiction = {
            let kids = (0..width[jl as usize]).map(|v| b.constant(v)).collect::<Option<Vec<u32>>>()?;
            b.mk(jl, &kids)?
        };
        let mut state = vec![jurisdiction];
        state.extend(indications.iter().copied());
        let mut base = Vec::new();
        for jd in d.jurisdictions.iter() {
            base.push(state.len());
            for rule in jd.rules.iter() {
                let parts = rule.when.iter().map(|c| b.criterion(c)).collect::<Option<Vec<u32>>>()?;
                state.push(b.fold(true, &parts)?);
            }
        }
        let verdict = b.decide(state, &base)?;

        let mut atoms: Vec<Vec<Criterion>> = vec![Vec::new(); Field::ALL.len()];
        let mut add = |c: &Criterion| {
            fn walk(c: &Criterion, atoms: &mut Vec<Vec<Criterion>>) {
                match c {
                    Criterion::AllOf(parts) | Criterion::AnyOf(parts) => parts.iter().for_each(|c| walk(c, atoms)),
                    atom => {
                        for f in atom.field_set().iter() {
                            if !atoms[f as usize].contains(atom) {
                                atoms[f as usize].push(atom.clone());
                            }
                        }
                    }
                }
            }
            walk(c, &mut atoms)
        };
        d.indications.iter().flat_map(|i| i.criteria.iter()).for_each(&mut add);
        d.jurisdictions.iter().flat_map(|j| j.rules.iter()).flat_map(|r| r.when.iter()).for_each(&mut add);

        let answers: Vec<Option<Vec<u64>>> = Field::ALL
            .iter()
            .map(|f| {
                let atoms = &atoms[*f as usize];
                let solo = atoms.len() <= 64 && atoms.iter().all(|a| a.field_set() == FieldSet::of(&[*f]));
                solo.then(|| dom.values(*f).iter().map(|v| answers(atoms, *f, *v)).collect::<Option<Vec<u64>>>())
                    .flatten()
            })
            .collect();
        let fields: Vec<Vec<FieldSet>> =
            d.indications.iter().map(|i| i.criteria.iter().map(|c| c.field_set()).collect()).collect();

        let (nodes, kids) = (b.nodes, b.kids);
        let mut support = Vec::with_capacity(nodes.len());
        let mut image = Vec::with_capacity(nodes.len());
        for node in nodes.iter() {
            if node.level == TERMINAL {
                support.push(FieldSet::default());
                image.push(1u32.checked_shl(u32::from(node.value))?);
            } else {
                let children = &kids[node.first as usize..][..usize::from(width[usize::from(node.level)])];
                let own = FieldSet::of(&[order[usize::from(node.level)]]);
                support.push(children.iter().fold(own, |s, k| s.union(support[*k as usize])));
                image.push(children.iter().fold(0, |s, k| s | image[*k as usize]));
            }
        }
        Some(Diagrams {
            domains: dom.clone(),
            order: order.into(),
            width: width.into(),
            nodes: nodes.into(),
            kids: kids.into(),
            support: support.into(),
            image: image.into(),
            verdict,
            on_label,
            indications: indications.into(),
            criteria: criteria.into_iter().map(List::from).collect(),
            fields: fields.into_iter().map(List::from).collect(),
            atoms: atoms.into_iter().map(List::from).collect(),
            answers: answers.into_iter().map(|a: Option<Vec<u64>>| a.map(List::from)).collect(),
        })
    }
}

struct Builder<'a> {
    d: &'a Dataset,
    dom: &'a Domains,
    order: &'a [Field],
    width: &'a [u8],
    nodes: Vec<Node>,
    kids: Vec<u32>,
    /// `[level, value, children…]` of every node: no two nodes alike.
    unique: Table,
    /// "and" (`[1, a, b]`) / "or" (`[0, a, b]`) of two nodes.
    ops: Table,
    /// The verdict for each state of [`Builder::decide`].
    states: Table,
}

impl Builder<'_> {
    fn node(&mut self, level: u8, value: u8, kids: &[u32]) -> Option<u32> {
        let mut key = Vec::with_capacity(kids.len() + 2);
        key.extend_from_slice(&[u32::from(level), u32::from(value)]);
        key.extend_from_slice(kids);
        if let Some(id) = self.unique.get(&key) {
            return Some(id);
        }
        let id = self.nodes.len() as u32;
        self.unique.insert_bounded(key, id)?;
        self.nodes.push(Node { level, value, first: self.kids.len() as u32 });
        self.kids.extend_from_slice(kids);
        Some(id)
    }

    fn constant(&mut self, value: u8) -> Option<u32> {
        self.node(TERMINAL, value, &[])
    }

    /// The node testing `level` with these children: the child itself when they are all the
    /// same (the field does not matter there), else the one node so made.
    fn mk(&mut self, level: u8, kids: &[u32]) -> Option<u32> {
        if kids.iter().all(|k| *k == kids[0]) {
            Some(kids[0])
        } else {
            self.node(level, 0, kids)
        }
    }

    /// `n` with the field at `level` set to its `i`-th value.
    fn cofactor(&self, n: u32, level: u8, i: u8) -> u32 {
        let node = self.nodes[n as usize];
        if node.level == level {
            self.kids[node.first as usize + usize::from(i)]
        } else {
            n
        }
    }

    fn criterion(&mut self, c: &Criterion) -> Option<u32> {
        match c {
            Criterion::AllOf(parts) => self.combine(parts, true),
            Criterion::AnyOf(parts) => self.combine(parts, false),
            atom => self.atom(atom, atom.field_set(), &Patient::default(), 0),
        }
    }

    /// All (`and`) or any of `parts`; like [`all`] and [`any`], true / false when empty.
    fn combine(&mut self, parts: &[Criterion], and: bool) -> Option<u32> {
        let parts = parts.iter().map(|c| self.criterion(c)).collect::<Option<Vec<u32>>>()?;
        self.fold(and, &parts)
    }

    /// All (`and`) or any of the truth-valued diagrams `parts`; true / false when empty.
    fn fold(&mut self, and: bool, parts: &[u32]) -> Option<u32> {
        let mut acc = self.constant(u8::from(and))?;
        for x in parts {
            acc = self.apply(and, acc, *x)?;
        }
        Some(acc)
    }

    /// An elementary criterion: [`eval`] on `p` with every field it `reads` known, the fields
    /// taken in the diagrams' order from level `from` on.
    fn atom(&mut self, c: &Criterion, reads: FieldSet, p: &Patient, from: usize) -> Option<u32> {
        let Some(level) = (from..self.order.len()).find(|l| reads.contains(self.order[*l])) else {
            return self.constant(u8::from(eval(c, p).ok()?));
        };
        let field = self.order[level];
        let dom = self.dom;
        let mut kids = Vec::new();
        for v in dom.values(field) {
            kids.push(self.atom(c, reads, &p.with(field, *v), level + 1)?);
        }
        self.mk(level as u8, &kids)
    }

    /// "and" (`and`) or "or" of two truth-valued diagrams.
    fn apply(&mut self, and: bool, a: u32, b: u32) -> Option<u32> {
        let (na, nb) = (self.nodes[a as usize], self.nodes[b as usize]);
        // A constant decides (false for "and", true for "or") or leaves the other side.
        if na.level == TERMINAL {
            return Some(if (na.value == 1) == and { b } else { a });
        }
        if nb.level == TERMINAL {
            return Some(if (nb.value == 1) == and { a } else { b });
        }
        if a == b {
            return Some(a);
        }
        let key = vec![u32::from(and), a.min(b), a.max(b)];
        if let Some(r) = self.ops.get(&key) {
            return Some(r);
        }
        let level = na.level.min(nb.level);
        let mut kids = Vec::new();
        for i in 0..self.width[usize::from(level)] {
            let (x, y) = (self.cofactor(a, level, i), self.cofactor(b, level, i));
            kids.push(self.apply(and, x, y)?);
        }
        let r = self.mk(level, &kids)?;
        self.ops.insert_bounded(key, r)?;
        Some(r)
    }

    /// The verdict's diagram under `state`: `[jurisdiction, each indication, each rule of each
    /// jurisdiction (from `base[j]`)]`, the diagrams of what remains of each once the fields
    /// above are set. Where all are constant, [`verdict_by`] gives the verdict; elsewhere the
    /// topmost field tested by any of them is set to each of its values in turn.
    fn decide(&mut self, mut state: Vec<u32>, base: &[usize]) -> Option<u32> {
        let d = self.d;
        let never = self.constant(0)?;
        // A rule [`verdict_by`] will not consult may as well be false, so that states differing
        // only there meet in the memo: once the jurisdiction is known, the other jurisdictions'
        // rules; and the rules whose indications are all ruled out.
        let jurisdiction = self.jurisdiction(state[0]);
        let data = jurisdiction.map(|j| d.jurisdictions.iter().position(|x| x.id == j));
        for (k, jd) in d.jurisdictions.iter().enumerate() {
            for (r, rule) in jd.rules.iter().enumerate() {
                let elsewhere = data.is_some_and(|x| x != Some(k));
                let idle = d
                    .indications
                    .iter()
                    .enumerate()
                    .all(|(i, ind)| !rule.indications.contains(&ind.id) || state[1 + i] == never);
                if elsewhere || idle {
                    state[base[k] + r] = never;
                }
            }
        }
        if let Some(id) = self.states.get(&state) {
            return Some(id);
        }
        let level = state.iter().map(|s| self.nodes[*s as usize].level).min()?;
        let id = if level == TERMINAL {
            let holds = |s: u32| Ok(self.nodes[s as usize].value == 1);
            let v = verdict_by(d, jurisdiction, |i| holds(state[1 + i]), |k, r| holds(state[base[k] + r])).ok()?;
            self.constant(v as u8)?
        } else {
            let mut kids = Vec::new();
            for i in 0..self.width[usize::from(level)] {
                let child: Vec<u32> = state.iter().map(|s| self.cofactor(*s, level, i)).collect();
                kids.push(self.decide(child, base)?);
            }
            self.mk(level, &kids)?
        };
        self.states.insert_bounded(state, id)?;
        Some(id)
    }

    /// The jurisdiction a constant of the jurisdiction's diagram stands for.
    fn jurisdiction(&self, n: u32) -> Option<Jurisdiction> {
        let node = self.nodes[n as usize];
        match (node.level, self.dom.values(Field::Jurisdiction).get(usize::from(node.value))) {
            (TERMINAL, Some(Value::Jurisdiction(j))) => Some(*j),
            _ => None,
        }
    }
}
