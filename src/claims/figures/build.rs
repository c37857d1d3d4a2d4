//! Assembly: a number core grown into a figure.
//!
//! Entry point: [`build`], given the core `number` read. It runs one named step of a
//! stage after the other over a [`Draft`], each settling part of the figure: range,
//! currency sign before and after, qualifier before, percent sign, qualifier after,
//! unit phrase, a unit letter that is no scale, a measure in two units, a code
//! that is the next amount's, pounds as weight or money, kind from
//! the unit, thousands, sub-units, "y medio", percentage points, money left unsaid,
//! ordinal or duration, year, rejects, qualifier settled, tenths of a point, maturity;
//! then [`finish`] writes the figure, naming an elided noun through `elided`. To
//! change a rule, find its step here and the step's function in the stage's file.
//!
//! ```text
//! "more than 150 KGB officers" → (150, +∞) count officer [kgb]
//! "de 5 a 7 pesos"             → [5, 7] money peso MXN
//! ```

use crate::claims::qualifiers::Qualifier;
use crate::claims::types::{Figure, Interval, Kind};
use crate::claims::units::UnitKind;

use super::currency::{self, money_key};
use super::elided::{coordinated_ordinal_key, elided_key, institution_nationality};
use super::kind;
use super::measure;
use super::number::{self, Core};
use super::qualifier;
use super::range::extend_range;
use super::reject;
use super::sub_units;
use super::unit_phrase::{self, UnitPhrase};
use super::{Ctx, attribution, plain_figure};

/// A figure being read: what the steps of [`build`] have settled so far.
pub(super) struct Draft<'a> {
    /// The number as first read.
    pub(super) core: Core,
    /// First token of the figure's text (a currency sign, a qualifier, "between").
    pub(super) start: usize,
    /// Token after the number, its percent sign and a qualifier after it.
    pub(super) end: usize,
    /// Where "between" / "entre" opens a range, if one does.
    pub(super) range_start: Option<usize>,
    pub(super) value: Interval,
    pub(super) qualifier: Option<Qualifier>,
    pub(super) kind: Kind,
    /// What is counted (empty until the unit step).
    pub(super) up: UnitPhrase<'a>,
    /// What the unit noun makes of the figure, as the unit step read it.
    pub(super) unit_kind: UnitKind,
    /// ISO 4217 code, from a sign, a code or a currency noun.
    pub(super) currency: Option<String>,
    /// End of what the figure's text takes after its unit phrase, or 0: a sub-unit
    /// amount summed onto it ("3 dollars 50 cents"), a bound ("200mm or more").
    pub(super) tail: usize,
}

impl Draft<'_> {
    /// The token after the figure's text: its unit phrase, unless borrowed.
    pub(super) fn fig_end(&self) -> usize {
        let end = if self.up.end > self.up.start && !self.up.borrowed {
            self.up.end
        } else {
            self.end
        };
        end.max(self.tail)
    }
}

/// Builds a figure from a core: returns it and the token index after it.
pub(super) fn build(ctx: &Ctx, core: Core, prev: &[(Figure, usize)]) -> Option<(Figure, usize)> {
    // "between 30 and 40", "30-40": the range first, so the words before it are
    // read before its first number.
    let (value, end, range_start) = extend_range(ctx, &core);
    let mut d = Draft {
        start: core.start,
        core,
        end,
        range_start,
        value,
        qualifier: None,
        kind: Kind::Count,
        up: UnitPhrase::default(),
        unit_kind: UnitKind::default(),
        currency: None,
        tail: 0,
    };
    currency::sign_before(ctx, &mut d, prev);
    currency::sign_after(ctx, &mut d);
    qualifier::before(ctx, &mut d, prev);
    if let Some(s) = d.range_start {
        d.start = d.start.min(s);
    }
    kind::percent_sign(ctx, &mut d);
    qualifier::after(ctx, &mut d);
    unit_phrase::read(ctx, &mut d);
    measure::letter_unit(ctx, &mut d, prev);
    measure::cents_not_celsius(ctx, &mut d);
    measure::in_two_units(ctx, &mut d);
    measure::below_zero(ctx, &mut d);
    currency::code_after(ctx, &mut d);
    currency::weight_or_money(ctx, &mut d);
    qualifier::after_unit(ctx, &mut d);
    kind::from_unit(&mut d);
    number::regroup_thousands(&mut d);
    sub_units::read(ctx, &mut d, prev);
    unit_phrase::and_a_half(ctx, &mut d);
    kind::percentage_points(ctx, &mut d, prev);
    currency::left_unsaid(ctx, &mut d, prev);
    kind::compound_duration(ctx, &mut d);
    kind::ordinal_or_duration(&mut d);
    if kind::is_year_figure(ctx, &d) {
        let end = d.core.end.max(d.end);
        return Some((plain_figure(ctx, d.start, end, d.value, Kind::Year), end));
    }
    if reject::states_nothing(ctx, &d, prev) {
        return None;
    }
    qualifier::settle(ctx, &mut d);
    if reject::counts_speakers(ctx, &d) {
        return None;
    }
    kind::tenths_of_a_point(ctx, &mut d, prev);
    if reject::maturity(ctx, &d) {
        return None;
    }
    let end = d.fig_end();
    let fig = finish(ctx, d, prev);
    // "matching all six numbers: 7, 19, 22": a bare number that borrows the noun
    // "number" is one of the numbers drawn, a name, not a count.
    if fig.kind == Kind::Count && fig.unit.is_empty() && fig.unit_key == "number" {
        return None;
    }
    Some((fig, end))
}

/// Writes the figure a draft has become: its text, unit, unit key (an elided noun's
/// when it names none) and modifiers.
fn finish(ctx: &Ctx, d: Draft, prev: &[(Figure, usize)]) -> Figure {
    let toks = ctx.toks;
    let (start, end) = (d.start, d.fig_end());
    let Draft {
        value,
        kind,
        currency,
        up,
        ..
    } = d;
    let span = [toks[start].start, toks[end - 1].end];
    let unit = if up.end > up.start {
        ctx.text[toks[up.start].start..toks[up.end - 1].end].to_lowercase()
    } else {
        String::new()
    };
    let mut modifiers: Vec<String> = Vec::new();
    let mut nationality = false;
    for (key, group) in &up.modifiers {
        nationality |= group == "nationality";
        if !modifiers.contains(key) {
            modifiers.push(key.clone());
        }
    }
    let mut unit_key = match (&up.head, &up.unknown_head) {
        (Some(u), _) => u.key.clone(),
        (None, Some(w)) => w.clone(),
        _ => String::new(),
    };
    if kind == Kind::Money && up.head.is_none_or(|u| u.kind != UnitKind::Money) {
        unit_key = money_key(currency.as_deref());
    }
    // Money is keyed by its currency noun ("A$5 billion" is dollar); the ISO code
    // says whose.
    if kind == Kind::Money
        && let Some((_, noun)) = unit_key.rsplit_once(' ')
    {
        unit_key = noun.to_string();
    }
    // An elided noun: the subject of a verb of change ("the staff grew from 49 to
    // 86"), else the noun of the figure before.
    // "de magnitud 6,3", "a magnitude 7.1 quake": the measure is named first.
    let measure_before = start
        .checked_sub(1)
        .is_some_and(|k| matches!(toks[k].lower.as_str(), "magnitude" | "magnitud"));
    // "the magnitude 5.9 quake" measures the quake in magnitude.
    if kind == Kind::Count && measure_before {
        unit_key = "magnitude".to_string();
    } else if kind == Kind::Count && !up.has_head() {
        unit_key = elided_key(ctx, start, end, prev);
    } else if kind == Kind::Ordinal && !up.has_head() {
        unit_key = coordinated_ordinal_key(ctx, start, prev);
    }
    // A percentage is a share of whatever follows it; its unit is the percent. Points
    // that move a percentage keep theirs.
    if kind == Kind::Percent && !matches!(unit_key.as_str(), "percentage point" | "basis point") {
        unit_key = "percent".to_string();
    }
    if kind == Kind::Count
        && !nationality
        && let Some(n) = institution_nationality(ctx, start, prev)
    {
        modifiers.push(n);
    }
    Figure {
        text: ctx.text[span[0]..span[1]].to_string(),
        value,
        kind,
        unit,
        unit_key,
        modifiers,
        currency,
        span,
        sentence: ctx.sentence_text(start),
        attribution: attribution(ctx, start),
        headline: false,
    }
}
