//! Restated figures: one quantity an article states more than once (a summary bullet,
//! then the body; a headline figure repeated in the lede) is one quantity with several
//! mentions, so it gets one row and pairs once, and the context of every mention
//! counts as evidence when it is paired.

use super::derive::Derived;
use crate::claims::{Figure, Kind};

/// A quantity as an article states it: its first mention (in reading order, or its
/// derivation) and any later mentions of the same quantity.
#[derive(Debug, Clone)]
pub(super) struct Mentioned {
    pub first: Derived,
    pub also: Vec<Figure>,
}

impl Mentioned {
    /// Every stated mention, the first one first.
    pub fn mentions(&self) -> impl Iterator<Item = &Figure> {
        std::iter::once(&self.first.figure).chain(&self.also)
    }
}

/// Folds later mentions of a stated quantity into its first; derived figures stay as
/// they are. Example: "Mexico cleared 37 new diplomats" in a summary and "the 37 new
/// diplomats will join the 49" in the body give one quantity, 37 new diplomats.
pub(super) fn merge(figures: Vec<Derived>) -> Vec<Mentioned> {
    let mut out: Vec<Mentioned> = Vec::with_capacity(figures.len());
    for d in figures {
        if d.derivation.is_none()
            && let Some(m) = out
                .iter_mut()
                .find(|m| m.first.derivation.is_none() && same_quantity(&m.first.figure, &d.figure))
        {
            m.also.push(d.figure);
            continue;
        }
        out.push(Mentioned {
            first: d,
            also: Vec::new(),
        });
    }
    out
}

/// The same value, kind and currency, and the same thing counted: for counts a known
/// unit on both sides (an unnamed "37" may be anything), and no modifier that sets one
/// apart ("37 new diplomats" and "37 KGB officers" are not a restatement).
fn same_quantity(a: &Figure, b: &Figure) -> bool {
    if a.kind != b.kind || a.value != b.value || a.currency != b.currency {
        return false;
    }
    if a.kind == Kind::Count && (a.unit_key.is_empty() || a.unit_key != b.unit_key) {
        return false;
    }
    if a.kind != Kind::Count
        && a.unit_key != b.unit_key
        && !a.unit_key.is_empty()
        && !b.unit_key.is_empty()
    {
        return false;
    }
    let (ma, mb) = (&a.modifiers, &b.modifiers);
    ma.is_empty() || mb.is_empty() || ma.iter().any(|m| mb.contains(m))
}
