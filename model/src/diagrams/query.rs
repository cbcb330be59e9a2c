//! Answering about one patient's completions from the diagrams restricted to their known values
//! ([`Query`]): the verdicts they can get, each criterion met / not met / unknown, the fields
//! the verdict still depends on, and the most questions still to ask.

use super::{Diagrams, Known, Node, Table, ABSENT, MAX_FIELDS, TERMINAL};
use crate::logic::Check;
use crate::patient::{Patient, Value};
use crate::vocab::{Field, FieldSet, Verdict};

impl Diagrams {
    /// The diagrams restricted to the known values of `p`: what [`Query`] answers about its
    /// completions.
    pub(crate) fn query(&self, p: &Patient) -> Query<'_> {
        Query::new(self, self.read(p))
    }
}

/// The diagrams restricted to one patient's known values.
pub(crate) struct Query<'a> {
    dg: &'a Diagrams,
    known: Known,
    /// [`Query::image`] of the nodes above `deepest` met so far (0: not yet), made when needed.
    images: Vec<u32>,
    /// [`Query::restrict`] of the nodes above `deepest` met so far (`u32::MAX`: not yet).
    restricted: Vec<u32>,
    /// The nodes [`Query::restrict`] makes: `(level, first child in fresh_kids)`, numbered from
    /// `dg.nodes.len()` on, with their unique table.
    fresh: Vec<(u8, u32)>,
    fresh_kids: Vec<u32>,
    fresh_unique: Table,
}

impl<'a> Query<'a> {
    fn new(dg: &'a Diagrams, known: Known) -> Self {
        Query {
            dg,
            known,
            images: Vec::new(),
            restricted: Vec::new(),
            fresh: Vec::new(),
            fresh_kids: Vec::new(),
            fresh_unique: Table::default(),
        }
    }

    /// The values the function of `n` takes over the patient's completions, one bit each: the
    /// constants reachable when a known field follows its value and an unknown one every value.
    /// (Each path of an ordered diagram tests a field at most once, so every such path is
    /// followed by some completion.)
    fn image(&mut self, mut n: u32) -> u32 {
        let dg = self.dg;
        // Down the known fields (the whole way for a complete patient).
        let mut node = dg.nodes[n as usize];
        while node.level <= self.known.deepest {
            // (`level <= deepest < MAX_FIELDS`: the remainder only spares a bounds check.)
            let class = self.known.class[usize::from(node.level) % MAX_FIELDS];
            if class == ABSENT {
                return self.image_open(n, node);
            }
            n = dg.kids[node.first as usize + usize::from(class)];
            node = dg.nodes[n as usize];
        }
        dg.image[n as usize]
    }

    /// [`Query::image`] of a node testing an unknown field above `deepest`: every child.
    fn image_open(&mut self, n: u32, node: Node) -> u32 {
        let dg = self.dg;
        if self.images.is_empty() {
            self.images = vec![0; dg.nodes.len()];
        }
        if self.images[n as usize] == 0 {
            let mut bits = 0;
            for i in 0..dg.width[usize::from(node.level)] {
                bits |= self.image(dg.kid(n, i));
            }
            self.images[n as usize] = bits;
        }
        self.images[n as usize]
    }

    /// Indication `i` of the dataset: its criteria all met in every completion, in none, or in
    /// some only.
    pub(crate) fn indication(&mut self, i: usize) -> Check {
        self.check(self.dg.indications[i])
    }

    /// Criterion `k` of indication `i`, likewise.
    pub(crate) fn criterion(&mut self, i: usize, k: usize) -> Check {
        self.check(self.dg.criteria[i][k])
    }

    /// "On some indication", likewise.
    pub(crate) fn on_label(&mut self) -> Check {
        self.check(self.dg.on_label)
    }

    /// The fields criterion `k` of indication `i` reads.
    pub(crate) fn fields(&self, i: usize, k: usize) -> FieldSet {
        self.dg.fields[i][k]
    }

    /// Met / not met / unknown from a truth-valued diagram.
    fn check(&mut self, n: u32) -> Check {
        match self.image(n) {
            0b10 => Check::Met,
            0b01 => Check::NotMet,
            _ => Check::Unknown,
        }
    }

    /// The reduced diagram of `n` with the known values put in: a node of `dg` (below `deepest`
    /// nothing changes) or a fresh node. Fresh nodes are made as [`Builder::mk`] makes nodes, so
    /// two results are the same function exactly when they are the same number: a fresh node
    /// tests an unknown field above `deepest` with children that differ, which no node of `dg`
    /// below `deepest` and no other fresh node does.
    fn restrict(&mut self, n: u32) -> u32 {
        let dg = self.dg;
        let node = dg.nodes[n as usize];
        if node.level == TERMINAL || node.level > self.known.deepest {
            return n;
        }
        let class = self.known.class[usize::from(node.level)];
        if class != ABSENT {
            return self.restrict(dg.kid(n, class));
        }
        if self.restricted.is_empty() {
            self.restricted = vec![u32::MAX; dg.nodes.len()];
        }
        if self.restricted[n as usize] == u32::MAX {
            let mut key = vec![u32::from(node.level)];
            for i in 0..dg.width[usize::from(node.level)] {
                key.push(self.restrict(dg.kid(n, i)));
            }
            let kids = &key[1..];
            let r = if kids.iter().all(|k| *k == kids[0]) {
                kids[0]
            } else if let Some(r) = self.fresh_unique.get(&key) {
                r
            } else {
                let r = (dg.nodes.len() + self.fresh.len()) as u32;
                self.fresh.push((node.level, self.fresh_kids.len() as u32));
                self.fresh_kids.extend_from_slice(kids);
                self.fresh_unique.insert(key, r);
                r
            };
            self.restricted[n as usize] = r;
        }
        self.restricted[n as usize]
    }

    /// The fields tested in the reduced diagram `r` (from [`Query::restrict`]): exactly the
    /// fields its function depends on.
    fn essential(&self, r: u32, seen: &mut Vec<bool>, out: &mut FieldSet) {
        let dg = self.dg;
        let Some(f) = (r as usize).checked_sub(dg.nodes.len()) else {
            *out = out.union(dg.support[r as usize]);
            return;
        };
        if seen.len() < self.fresh.len() {
            seen.resize(self.fresh.len(), false);
        }
        if seen[f] {
            return;
        }
        seen[f] = true;
        let (level, first) = self.fresh[f];
        *out = out.union(FieldSet::of(&[dg.order[usize::from(level)]]));
        for i in 0..usize::from(dg.width[usize::from(level)]) {
            self.essential(self.fresh_kids[first as usize + i], seen, out);
        }
    }

    /// The given fields the query reads as not given ([`Diagrams::read`]): none for a patient the
    /// strict reading accepted.
    pub(crate) fn unread(&self) -> FieldSet {
        self.known.unread
    }

    /// The one verdict every completion gets, if they agree.
    pub(crate) fn decided(&mut self) -> Option<Verdict> {
        let bits = self.image(self.dg.verdict);
        (bits.count_ones() == 1).then(|| bits.trailing_zeros() as usize).and_then(|v| Verdict::ALL.get(v).copied())
    }

    /// Every verdict some completion gets, in the contract's order.
    pub(crate) fn possible(&mut self) -> Vec<Verdict> {
        let bits = self.image(self.dg.verdict);
        Verdict::ALL.iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, v)| *v).collect()
    }

    /// The unknown fields the verdict depends on, in the form's order.
    pub(crate) fn missing(&mut self) -> Vec<Field> {
        let r = self.restrict(self.dg.verdict);
        let mut fields = FieldSet::default();
        self.essential(r, &mut Vec::new(), &mut fields);
        fields.iter().collect()
    }

    /// The level a node of [`Query::restrict`]'s results tests ([`TERMINAL`] for a constant).
    fn level_of(&self, r: u32) -> u8 {
        match (r as usize).checked_sub(self.dg.nodes.len()) {
            None => self.dg.nodes[r as usize].level,
            Some(f) => self.fresh[f].0,
        }
    }

    /// Child `i` of such a node, or the node itself where it does not test `level`: the node
    /// with the field at `level` set to its `i`-th value, when nothing above `level` is tested.
    fn cofactor(&self, r: u32, level: u8, i: usize) -> u32 {
        if self.level_of(r) != level {
            return r;
        }
        match (r as usize).checked_sub(self.dg.nodes.len()) {
            None => self.dg.kids[self.dg.nodes[r as usize].first as usize + i],
            Some(f) => self.fresh_kids[self.fresh[f].1 as usize + i],
        }
    }

    /// The fields such a node's function depends on (memo: `supports`, per fresh node).
    fn support_of(&self, r: u32, supports: &mut Vec<Option<FieldSet>>) -> FieldSet {
        let Some(f) = (r as usize).checked_sub(self.dg.nodes.len()) else {
            return self.dg.support[r as usize];
        };
        if supports.len() < self.fresh.len() {
            supports.resize(self.fresh.len(), None);
        }
        if let Some(s) = supports[f] {
            return s;
        }
        let mut out = FieldSet::default();
        self.essential(r, &mut Vec::new(), &mut out);
        supports[f] = Some(out);
        out
    }

    /// The most questions the form can still ask before the verdict stops depending on what it
    /// can ask: the longest path of the verdict's diagram restricted to the known values, counting
    /// the fields tested along it, when the questions are asked as the form asks them — always
    /// the first field the verdict depends on in the form's (clinical) order, `monotherapy`
    /// last, never a field of `skip` (marked not known: it stays unknown, so the verdict is read
    /// for each of its values at once), never the jurisdiction (the switch, not a question).
    ///
    /// `monotherapy` is level 0 of the diagrams, and while `philadelphia` is unknown an absent
    /// monotherapy is not assumed, so the restricted diagram may test it; but once Ph is
    /// answered negative it is assumed `true` and never asked. So the walk carries, for every
    /// value of the skipped fields, the pair of diagrams with `monotherapy` true and false side
    /// by side (the same node twice where it is known): an answer `philadelphia = negative`
    /// keeps the `true` side, and `monotherapy` counts only where, with every other askable
    /// field answered, some pair still differs.
    pub(crate) fn most_questions(&mut self, skip: FieldSet) -> usize {
        let dg = self.dg;
        let skip = FieldSet::from_bits(skip.bits() | FieldSet::of(&[Field::Jurisdiction]).bits());
        let root = self.restrict(dg.verdict);
        let mono = dg.order.iter().position(|f| *f == Field::Monotherapy).unwrap_or(0) as u8;
        let choices = dg.domains.values(Field::Monotherapy);
        let yes = choices.iter().position(|v| *v == Value::Flag(true)).unwrap_or(0);
        let no = choices.iter().position(|v| *v == Value::Flag(false)).unwrap_or(0);
        let start = vec![(self.cofactor(root, mono, yes), self.cofactor(root, mono, no))];
        let mut walk = Walk { skip, memo: Table::default(), supports: Vec::new() };
        walk.longest(self, start)
    }
}

/// The state of [`Query::most_questions`]: what it carries from step to step.
struct Walk {
    skip: FieldSet,
    /// The answer for each set of pairs met so far (the pairs flattened: the table the
    /// restriction already uses, rather than a map type of its own in the wasm).
    memo: Table,
    supports: Vec<Option<FieldSet>>,
}

impl Walk {
    /// The most questions from `pairs`: one pair `(monotherapy true, false)` of restricted
    /// diagrams per combination of values of the skipped fields tested so far.
    fn longest(&mut self, q: &Query<'_>, mut pairs: Vec<(u32, u32)>) -> usize {
        let dg = q.dg;
        // A skipped field on top of a side is read for each of its values: one pair for each.
        loop {
            let top = pairs
                .iter()
                .flat_map(|(t, f)| [q.level_of(*t), q.level_of(*f)])
                .filter(|l| *l != TERMINAL && self.skip.contains(dg.order[usize::from(*l)]))
                .min();
            let Some(level) = top else { break };
            let width = usize::from(dg.width[usize::from(level)]);
            pairs = pairs
                .iter()
                .flat_map(|(t, f)| (0..width).map(move |i| (q.cofactor(*t, level, i), q.cofactor(*f, level, i))))
                .collect();
        }
        pairs.sort_unstable();
        pairs.dedup();
        let key: Vec<u32> = pairs.iter().flat_map(|(t, f)| [*t, *f]).collect();
        if let Some(n) = self.memo.get(&key) {
            return n as usize;
        }
        let mut depends = 0u32;
        for (t, f) in pairs.iter() {
            depends |= q.support_of(*t, &mut self.supports).bits() | q.support_of(*f, &mut self.supports).bits();
        }
        let askable = FieldSet::from_bits(depends & !self.skip.bits() & !FieldSet::of(&[Field::Monotherapy]).bits());
        // The first askable field in the form's order: the topmost level (below monotherapy).
        let next = askable.iter().filter_map(|f| dg.order.iter().position(|o| *o == f)).min();
        let n = match next {
            Some(level) => {
                let level = level as u8;
                let field = dg.order[usize::from(level)];
                let values = dg.domains.values(field);
                let mut most = 0;
                for (i, value) in values.iter().enumerate() {
                    let negative = *value == Value::Philadelphia(crate::vocab::Philadelphia::Negative);
                    let next: Vec<(u32, u32)> = pairs
                        .iter()
                        .map(|(t, f)| {
                            let t = q.cofactor(*t, level, i);
                            // Ph-negative: an absent monotherapy is assumed `true` from now on.
                            (t, if negative { t } else { q.cofactor(*f, level, i) })
                        })
                        .collect();
                    most = most.max(self.longest(q, next));
                }
                1 + most
            }
            // Only monotherapy is left to ask, if the verdict still depends on it.
            None => usize::from(!self.skip.contains(Field::Monotherapy) && pairs.iter().any(|(t, f)| t != f)),
        };
        self.memo.insert(key, n as u32);
        n
    }
}
