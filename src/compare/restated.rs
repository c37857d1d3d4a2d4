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
    // "First" is everywhere: an ordinal restates another only of the same thing.
    if a.kind == Kind::Ordinal && a.unit_key != b.unit_key {
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

#[cfg(test)]
mod tests {
    use super::super::align::{align, verdict};
    use super::super::{Evidence, Verdict};
    use super::*;
    use crate::claims::Interval;

    fn fig(text: &str, value: Interval, kind: Kind, unit: &str, sentence: &str) -> Figure {
        Figure {
            text: text.into(),
            value,
            kind,
            unit: unit.into(),
            unit_key: unit.into(),
            modifiers: Vec::new(),
            currency: (kind == Kind::Money).then(|| "USD".to_string()),
            span: [0, text.len()],
            sentence: sentence.into(),
            attribution: None,
        }
    }

    fn stated(figs: &[Figure]) -> Vec<Mentioned> {
        merge(
            figs.iter()
                .map(|f| Derived {
                    figure: f.clone(),
                    derivation: None,
                })
                .collect(),
        )
    }

    fn evidence() -> Evidence {
        Evidence {
            url: "u".into(),
            captured: chrono::DateTime::<chrono::Utc>::UNIX_EPOCH,
            hash: "h".into(),
            version: 1,
        }
    }

    #[test]
    fn a_quantity_stated_twice_is_one_and_pairs_once() {
        let bullet = "Mexico cleared 37 new Russian diplomats.";
        let body = "The 37 diplomats will join the 49 diplomats already in Mexico City.";
        let e = Interval::exact;
        let reference = [
            fig(
                "37 new Russian diplomats",
                e(37.0),
                Kind::Count,
                "diplomat",
                bullet,
            ),
            fig("37 diplomats", e(37.0), Kind::Count, "diplomat", body),
            fig("49 diplomats", e(49.0), Kind::Count, "diplomat", body),
        ];
        let r = stated(&reference);
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].also.len(), 1);
        // An unnamed count is not taken for a restatement of a named one.
        let bare = [
            reference[0].clone(),
            fig("37", e(37.0), Kind::Count, "", body),
        ];
        assert_eq!(stated(&bare).len(), 2);
        // The outlet's second 37 is not left over as "new information", and its
        // 86 in total (another quantity) is not paired with the 49 at all.
        let o_text = "Russia will have 37 new diplomats more. With 37 new diplomats, the mission reaches 86 diplomats in total.";
        let mut total = fig("86 diplomats", e(86.0), Kind::Count, "diplomat", o_text);
        total.modifiers = vec!["total".into()];
        let outlet = [
            fig("37 new diplomats", e(37.0), Kind::Count, "diplomat", o_text),
            fig("37 new diplomats", e(37.0), Kind::Count, "diplomat", o_text),
            total,
        ];
        let (cells, extras) = align(&r, &stated(&outlet), &evidence(), true);
        assert_eq!(cells[0].verdict, Verdict::Agree);
        assert_ne!(cells[1].verdict, Verdict::Diverge, "{:?}", cells[1]);
        assert_eq!(extras.len(), 1, "only the total is extra: {extras:?}");
    }

    #[test]
    fn bounds_and_vague_amounts_need_the_same_quantity() {
        let s1 = "Hundreds of officials were expelled from Europe last year.";
        let s2 = "Mexico approved 37 new officials for the embassy.";
        let hundreds = Interval {
            lo: Some(200.0),
            hi: Some(1000.0),
            lo_strict: false,
            hi_strict: true,
        };
        let r = stated(&[fig(
            "Hundreds of officials",
            hundreds,
            Kind::Count,
            "official",
            s1,
        )]);
        let o = stated(&[fig(
            "37 new officials",
            Interval::exact(37.0),
            Kind::Count,
            "official",
            s2,
        )]);
        let (cells, _) = align(&r, &o, &evidence(), true);
        assert_eq!(cells[0].verdict, Verdict::Missing, "{:?}", cells[0]);
        // An open bound overlapping a value in an unrelated sentence is no match either.
        let up_to = Interval {
            lo: Some(0.0),
            hi: Some(1825.0),
            lo_strict: false,
            hi_strict: false,
        };
        let r = stated(&[fig(
            "up to five years",
            up_to,
            Kind::Duration,
            "year",
            "He faces up to five years in prison.",
        )]);
        let o = stated(&[fig(
            "46 to 57 months",
            Interval::closed(1380.0, 1710.0),
            Kind::Duration,
            "month",
            "Prosecutors asked for 46 to 57 months.",
        )]);
        let (cells, _) = align(&r, &o, &evidence(), true);
        assert_eq!(cells[0].verdict, Verdict::Missing, "{:?}", cells[0]);
    }

    #[test]
    fn verdicts_read_floors_and_periods_as_reporters_write_them() {
        let s = "The fine was more than $250,000.";
        let more = Interval {
            lo: Some(250000.0),
            hi: None,
            lo_strict: true,
            hi_strict: false,
        };
        let a = fig("more than $250,000", more, Kind::Money, "dollar", s);
        let b = fig(
            "$250,000",
            Interval::exact(250000.0),
            Kind::Money,
            "dollar",
            s,
        );
        assert_eq!(verdict(&a, &b), Verdict::Compatible);
        let c = fig(
            "$200,000",
            Interval::exact(200000.0),
            Kind::Money,
            "dollar",
            s,
        );
        assert_eq!(verdict(&a, &c), Verdict::Diverge);
        let p1 = fig(
            "from 1965 to 1977",
            Interval::closed(1965.0, 1977.0),
            Kind::Year,
            "",
            s,
        );
        let p2 = fig(
            "from 1966 to 1978",
            Interval::closed(1966.0, 1978.0),
            Kind::Year,
            "",
            s,
        );
        assert_eq!(verdict(&p1, &p2), Verdict::Diverge);
        assert_eq!(verdict(&p1, &p1.clone()), Verdict::Agree);
        let y = fig("1970", Interval::exact(1970.0), Kind::Year, "", s);
        assert_eq!(
            verdict(&p1, &y),
            Verdict::Compatible,
            "a year inside a span"
        );
    }
}
