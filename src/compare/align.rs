//! Figure alignment: which outlet figure, if any, states each reference figure.
//!
//! Every (reference, outlet) pair gets the fitted model's probability that both state
//! one quantity (`pair_model`, from the evidence `evidence::pair_score` measures).
//! Pairs whose values agree or overlap are candidates from `match_min`; pairs whose
//! values are disjoint only when the model fitted on disjoint pairs alone gives at
//! least `diverge_min`, and never when a value is vague or derived. The candidates are
//! then assigned one-to-one by maximum total probability (Hungarian method), so a
//! strong pair is never lost because a weaker one took its figure first.

use std::borrow::Cow;

use super::evidence::{Match, pair_score};
use super::pair_model::MODEL;
use super::restated::Mentioned;
use super::{Cell, Evidence, Verdict};
use crate::claims::{Figure, Interval, Kind};

/// Probability taken off a pair whose outlet or reference side is derived, so a
/// stated figure about the same quantity wins.
const DERIVED_PENALTY: f64 = 0.05;

/// Verdict cells for each reference quantity (in order), and the outlet's unmatched
/// stated figures.
pub(super) fn align(
    r: &[Mentioned],
    o: &[Mentioned],
    evidence: &Evidence,
    same_language: bool,
) -> (Vec<Cell>, Vec<Figure>) {
    // weight[i][j] > 0 for candidate pairs only.
    let mut weight = vec![vec![0.0; o.len()]; r.len()];
    let mut matches: Vec<Vec<Option<(Match, usize, usize)>>> = vec![vec![None; o.len()]; r.len()];
    for (i, a) in r.iter().enumerate() {
        for (j, b) in o.iter().enumerate() {
            let Some((m, ia, ib)) = best_pair(a, b, same_language) else {
                continue;
            };
            let derived = a.first.derivation.is_some() || b.first.derivation.is_some();
            let (fa, fb) = (&a.first.figure, &b.first.figure);
            // A derived value never diverges on its own (the stated parts' rows and the
            // inconsistency list carry the arithmetic), and a stated figure about the
            // same quantity wins over it.
            let p = m.probability - if derived { DERIVED_PENALTY } else { 0.0 };
            let vouched = vouched(a, b, same_language);
            let candidate = match verdict(fa, fb) {
                Verdict::Agree => p >= MODEL.match_min,
                // A bound or a vague amount overlaps almost anything: with nothing else
                // in common (no shared word, name or modifier), the overlap is no
                // evidence ("up to five years" in prison / "46 to 57 months" asked).
                Verdict::Compatible => {
                    p >= MODEL.match_min
                        && (!(loose(&fa.value) || loose(&fb.value)) || shares_anything(&m))
                }
                // "Hundreds" is not contradicted by 2,000 of something else.
                Verdict::Diverge => {
                    !derived
                        && (m.diverge_probability >= MODEL.diverge_min
                            || vouched >= MODEL.match_min)
                        && !vague(&fa.value)
                        && !vague(&fb.value)
                }
                Verdict::Missing => false,
            };
            if candidate {
                let mut m = m;
                m.diverge_probability = m.diverge_probability.max(vouched);
                if vouched > 0.0 {
                    m.why.push_str("; its earlier mention stated this value");
                }
                weight[i][j] = p.max(vouched);
                matches[i][j] = Some((m, ia, ib));
            }
        }
    }
    let assignment = assign(&weight);
    let mut used = vec![false; o.len()];
    let mut cells = Vec::with_capacity(r.len());
    for (i, a) in r.iter().enumerate() {
        let cell = match assignment[i].and_then(|j| matches[i][j].take().map(|m| (j, m))) {
            Some((j, (m, ia, ib))) => {
                used[j] = true;
                let b = &o[j];
                // The mentions that made the pair are the ones to show.
                let fa = a.mentions().nth(ia).unwrap_or(&a.first.figure);
                let fb = b.mentions().nth(ib).unwrap_or(&b.first.figure);
                let v = verdict(fa, fb);
                // The cell shows the probability its verdict was decided on.
                let p = if v == Verdict::Diverge {
                    m.diverge_probability
                } else {
                    weight[i][j]
                };
                let score = (p * 100.0).round() / 100.0;
                Cell {
                    verdict: v,
                    figure: Some(fb.clone()),
                    score: Some(score),
                    explanation: explain(fa, fb, v, score, &m.why),
                    why: m.why,
                    derived: b.first.derivation.is_some(),
                    derivation: b.first.derivation.clone(),
                    evidence: evidence.clone(),
                    source: 0,
                }
            }
            None => Cell {
                verdict: Verdict::Missing,
                figure: None,
                score: None,
                why: "no figure about this quantity in the article".into(),
                explanation: format!(
                    "missing: the reference states “{}” (“{}”); no figure in this article \
                     is about the same quantity",
                    a.first.figure.text, a.first.figure.sentence
                ),
                derived: false,
                derivation: None,
                evidence: evidence.clone(),
                source: 0,
            },
        };
        cells.push(cell);
    }
    let extras = o
        .iter()
        .zip(used)
        .filter(|(d, u)| !u && d.first.derivation.is_none())
        .map(|(d, _)| d.first.figure.clone())
        .collect();
    (cells, extras)
}

/// The sentence a reader gets for a paired cell.
fn explain(a: &Figure, b: &Figure, v: Verdict, score: f64, why: &str) -> String {
    let how = match v {
        Verdict::Agree => "the same value",
        Verdict::Compatible => "overlapping values",
        Verdict::Diverge => "values that cannot both be true",
        Verdict::Missing => "",
    };
    format!(
        "{}: reference “{}” (“{}”) and outlet “{}” (“{}”) give {how}; paired with a \
         probability of {score} that both state one quantity: {why}",
        v.as_str(),
        a.text,
        a.sentence,
        b.text,
        b.sentence
    )
}

/// The verdict for two figures taken to be about the same quantity.
///
/// Intervals decide, with two readings of how reporters write: a round figure and
/// "more than" that figure ("more than $250,000" / "$250,000") are compatible, since
/// the plain figure is often the floor written plainly; and two spans of years are
/// periods, not uncertain values ("from 1965 to 1977" / "from 1966 to 1978" state
/// different start and end years, so they diverge, overlap or not).
pub fn verdict(a: &Figure, b: &Figure) -> Verdict {
    let (a, b) = common_units(a, b);
    let (a, b) = (a.as_ref(), b.as_ref());
    let (x, y) = (&a.value, &b.value);
    let span = |i: &Interval| matches!((i.lo, i.hi), (Some(l), Some(h)) if l < h);
    if x == y {
        Verdict::Agree
    } else if a.kind == Kind::Year && span(x) && span(y) {
        Verdict::Diverge
    } else if x.overlaps(y) || touches(x, y) || touches(y, x) {
        Verdict::Compatible
    } else if rounded(a).overlaps(&rounded(b)) || rounds(a, b) || rounds(b, a) {
        // "$1 trillion" for $1.2 trillion, "three decades" for 32 years, "14%" for
        // 13.9%: a round statement of the same value, not a contradiction.
        Verdict::Compatible
    } else {
        Verdict::Diverge
    }
}

/// The values a figure's wording covers when it is plainly rounded: one digit before
/// a scale word ("$1 trillion", "5 millones" cover half a unit either side) or a
/// duration in decades or centuries (half of one either side). Else its value.
fn rounded(f: &Figure) -> Interval {
    let v = f.value;
    let half = if f.kind == Kind::Duration {
        match f.unit_key.as_str() {
            "decade" => Some(5.0 * 365.0),
            "century" => Some(50.0 * 365.0),
            _ => None,
        }
    } else {
        single_digit_scale(&f.text).map(|scale| scale / 2.0)
    };
    // Half-open, so that two neighbours do not meet at the point between them: "5
    // millones" and "6 millones" both cover 5.5 million only if closed.
    match (half, v.lo, v.hi) {
        (Some(h), Some(lo), Some(hi)) => Interval {
            hi_strict: true,
            ..Interval::closed(lo - h, hi + h)
        },
        _ => v,
    }
}

/// Is `round` the other's value rounded to its own last written digit, written with
/// fewer significant digits but at least two ("£2.4 billion" for £2.41 billion, "14%"
/// for 13.9%)? One digit rounds too loosely to tell ("40" for 37).
fn rounds(round: &Figure, precise: &Figure) -> bool {
    use super::restated::{rounded_to_its_digits, significant_digits};
    // Years, dates and ranks are never rounded: "2020" is no rounding of 2021.
    let amount = !matches!(round.kind, Kind::Year | Kind::Date | Kind::Ordinal);
    let n = significant_digits(round);
    amount && n >= 2 && n < significant_digits(precise) && rounded_to_its_digits(round, precise)
}

/// The scale of "1 trillion", "$5 billion", "3 millones": one digit then a scale word.
fn single_digit_scale(text: &str) -> Option<f64> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.trim_start_matches(['$', '€', '£']).to_lowercase())
        .collect();
    words.windows(2).find_map(|w| {
        let digit = w[0].len() == 1 && w[0].chars().all(|c| c.is_ascii_digit() && c != '0');
        let scale = match w[1].as_str() {
            "million" | "millones" | "millón" | "millon" => 1e6,
            "billion" | "bn" => 1e9,
            "trillion" | "billones" | "billón" | "billon" => 1e12,
            _ => return None,
        };
        digit.then_some(scale)
    })
}

/// `a` is an open bound at exactly `b`'s plain value ("more than $250,000" and
/// "$250,000"): apart only by the strictness of "more than", and a round figure is
/// often the floor written plainly. Not when `b` is itself an interval: "nearly nine
/// hours" ends where "more than nine hours" begins, and the two exclude each other.
fn touches(a: &Interval, b: &Interval) -> bool {
    let plain = b.lo.is_some() && b.lo == b.hi;
    let lo_meets = a.lo_strict && a.lo.is_some() && a.lo == b.lo;
    let hi_meets = a.hi_strict && a.hi.is_some() && a.hi == b.hi;
    plain && (lo_meets || hi_meets)
}

/// An open bound ("more than 400", "up to five years", "less than a year") or a vague
/// amount: many values fit it.
pub(super) fn loose(v: &Interval) -> bool {
    match (v.lo, v.hi) {
        (Some(lo), Some(_)) => lo <= 0.0 || vague(v),
        _ => true,
    }
}

/// Is `other` near where the open bound `b` stands (within a factor of 1.5 of its
/// finite end)? True when `b` is not an open bound.
pub(super) fn near_bound(b: &Interval, other: &Interval) -> bool {
    const FACTOR: f64 = 1.5;
    let near = |end: f64, x: Option<f64>| {
        x.is_some_and(|x| end > 0.0 && x > 0.0 && x.max(end) / x.min(end) <= FACTOR)
    };
    match (b.lo, b.hi) {
        // "at least 23", "more than 400": the other's lower end should be near.
        (Some(lo), None) => near(lo, other.lo),
        // "up to 10", "fewer than 50": the other's upper end should be near.
        (Some(lo), Some(hi)) if lo <= 0.0 => near(hi, other.hi),
        (None, Some(hi)) => near(hi, other.hi),
        _ => true,
    }
}

/// A vague amount: a closed interval spanning a factor of two or more ("dozens",
/// "hundreds", "cientos", "millions").
pub(super) fn vague(v: &Interval) -> bool {
    matches!((v.lo, v.hi), (Some(lo), Some(hi)) if lo > 0.0 && hi >= 2.0 * lo)
}

/// The best-scoring pair of mentions of two quantities, with their indexes. A
/// replaced mention (`Mentioned::replaced`) counts as evidence; its index is past the
/// stated mentions, so the first mention is what the cell shows.
fn best_pair(a: &Mentioned, b: &Mentioned, same_language: bool) -> Option<(Match, usize, usize)> {
    let mut best: Option<(Match, usize, usize)> = None;
    for (ia, fa) in a.mentions().chain(&a.replaced).enumerate() {
        for (ib, fb) in b.mentions().chain(&b.replaced).enumerate() {
            let Some(m) = pair_score(fa, fb, same_language) else {
                continue;
            };
            let better = best
                .as_ref()
                .is_none_or(|(bm, _, _)| m.probability > bm.probability);
            if better {
                best = Some((m, ia, ib));
            }
        }
    }
    best
}

/// How sure it is that outlet quantity `b` is reference quantity `a` because a
/// mention `b`'s article replaced stated `a`'s very value ("2,7 millones de clientes",
/// then "Actualización: eleva a 2,9 millones el número de clientes"): the probability
/// of that earlier pair when it agrees, else 0. The update then diverges from the
/// reference on the quantity the outlet first agreed on.
fn vouched(a: &Mentioned, b: &Mentioned, same_language: bool) -> f64 {
    let mut best: f64 = 0.0;
    for fa in a.mentions() {
        for was in &b.superseded {
            if verdict(fa, was) != Verdict::Agree {
                continue;
            }
            if let Some(m) = pair_score(fa, was, same_language) {
                best = best.max(m.probability);
            }
        }
    }
    if best >= MODEL.match_min { best } else { 0.0 }
}

/// Anything in common beyond the kind and the values: words, names, modifiers or
/// the thing measured.
fn shares_anything(m: &Match) -> bool {
    let x = &m.features;
    x.context + x.names + x.near_words + x.modifiers_shared + x.measures_same > 0.0
}

/// Maximum-weight one-to-one assignment; `result[i]` is the column given to row `i`.
/// Zero-weight pairs are never assigned.
fn assign(weight: &[Vec<f64>]) -> Vec<Option<usize>> {
    let n = weight.len();
    let m = weight.first().map_or(0, Vec::len);
    if n == 0 || m == 0 {
        return vec![None; n];
    }
    // Square cost matrix (padding costs 0): minimising -weight maximises the total.
    let size = n.max(m);
    let cost = |i: usize, j: usize| -> f64 { if i < n && j < m { -weight[i][j] } else { 0.0 } };
    // Hungarian method with potentials (1-based, column 0 is the virtual start).
    let inf = f64::INFINITY;
    let (mut u, mut v) = (vec![0.0; size + 1], vec![0.0; size + 1]);
    let (mut p, mut way) = (vec![0usize; size + 1], vec![0usize; size + 1]);
    for i in 1..=size {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![inf; size + 1];
        let mut used = vec![false; size + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0;
            for j in 1..=size {
                if !used[j] {
                    let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=size {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut out = vec![None; n];
    for j in 1..=size {
        let i = p[j];
        if i >= 1 && i <= n && j <= m && weight[i - 1][j - 1] > 0.0 {
            out[i - 1] = Some(j - 1);
        }
    }
    out
}

/// Two figures in the units they are compared in: "25 basis points" as 0.25
/// percentage point (`compared_as` in `units.toml`), durations on one calendar (see
/// [`calendar_days`]). The rows keep them as written.
pub(super) fn common_units<'a>(a: &'a Figure, b: &'a Figure) -> (Cow<'a, Figure>, Cow<'a, Figure>) {
    use crate::claims::compared_as;
    // Every pair passes here: a figure is cloned only when its value or unit changes.
    let (ca, cb) = (compared_as(a), compared_as(b));
    fn key_after<'k>(f: &'k Figure, c: &'k Option<(String, f64)>) -> &'k str {
        c.as_ref().map_or(f.unit_key.as_str(), |(k, _)| k.as_str())
    }
    // A sub-unit is money in its main unit whatever the other side; a unit of measure
    // is converted only to meet the other side's ("35 miles" / "56 km" in meters), so
    // a bare "80" is never set against 80,000 meters. Two figures in one unit ("35
    // miles" / "35.2 miles") stay as exact as written.
    let same = a.unit_key == b.unit_key;
    let (ka, kb) = (key_after(a, &ca), key_after(b, &cb));
    let convert = |f: &'a Figure, c: &Option<(String, f64)>, other: &str| -> Cow<'a, Figure> {
        match c {
            Some((to, factor)) if f.kind == Kind::Money || to == other => {
                let mut g = f.clone();
                g.value = f.value.scaled(*factor);
                g.unit_key = to.clone();
                Cow::Owned(if same { g } else { converted_as_written(f, g) })
            }
            _ => Cow::Borrowed(f),
        }
    };
    let (a, b) = (convert(a, &ca, kb), convert(b, &cb, ka));
    let (a, b) = (revalued(a, about_as_rounded), revalued(b, about_as_rounded));
    match (a.kind, b.kind) {
        (Kind::Year, Kind::Date) => return (Cow::Owned(year_as_dates(&a)), b),
        (Kind::Date, Kind::Year) => return (a, Cow::Owned(year_as_dates(&b))),
        (Kind::Duration, Kind::Duration) => {}
        _ => return (a, b),
    }
    let in_years = |f: &Figure| matches!(f.unit_key.as_str(), "year" | "decade" | "century");
    let months_to_years = in_years(&a) || in_years(&b);
    let calendar = |f: &Figure| calendar_days(f, months_to_years);
    let (a, b) = (revalued(a, calendar), revalued(b, calendar));
    // Calendar arithmetic differs by a few days in a thousand between units ("28
    // months" and "two years and four months", whose months the reader counts as 30
    // days): two exact spans in different units within 1.5% are one span.
    let (Some(x), Some(y)) = (a.value.lo, b.value.lo) else {
        return (a, b);
    };
    if a.unit_key != b.unit_key
        && a.value.is_exact()
        && b.value.is_exact()
        && (x - y).abs() <= 0.015 * x.abs().max(y.abs())
    {
        let v = a.value;
        return (a, revalued(b, |_| Some(v)));
    }
    (a, b)
}

/// `f` with the value `new` gives it, cloned only when there is one and it differs.
fn revalued<'a>(f: Cow<'a, Figure>, new: impl Fn(&Figure) -> Option<Interval>) -> Cow<'a, Figure> {
    match new(&f) {
        Some(v) if v != f.value => {
            let mut f = f.into_owned();
            f.value = v;
            Cow::Owned(f)
        }
        _ => f,
    }
}

/// A figure converted from another system of units ("35 miles" in meters) is exact
/// only to the digits it was written with: 35 miles is 34.5 to 35.5 of them, so "56
/// km" is compatible with it and "35 km" is not. Metric steps (km to m, basis points
/// to points) are exact.
fn converted_as_written(original: &Figure, mut converted: Figure) -> Figure {
    let (Some(v), Some(c)) = (original.value.lo, converted.value.lo) else {
        return converted;
    };
    let factor = c / v;
    let metric = (factor.log10() - factor.log10().round()).abs() < 1e-9;
    let digits = super::restated::significant_digits(original);
    if metric || !original.value.is_exact() || v <= 0.0 || digits == 0 {
        return converted;
    }
    let step = 10f64.powi(v.log10().floor() as i32 + 1 - digits);
    converted.value = Interval::closed((v - step / 2.0) * factor, (v + step / 2.0) * factor);
    converted
}

/// "About 42,000" as compared. The reader gives "about" a tenth either side; a
/// reporter whose number has digits to spare means less: 45,000 is not "about
/// 42,000", though 41,000 may be. With two significant digits or more it becomes a
/// twentieth either side; "about 20" or "about 2 million" keep their tenth. `None`
/// for what is not an "about".
fn about_as_rounded(f: &Figure) -> Option<Interval> {
    if matches!(f.kind, Kind::Year | Kind::Date | Kind::Ordinal) {
        return None;
    }
    let v = f.value;
    let (lo, hi) = (v.lo?, v.hi?);
    // The reader's "about": exactly [0.9, 1.1] times the value, both ends closed.
    if lo <= 0.0 || v.lo_strict || v.hi_strict || (lo * 1.1 - hi * 0.9).abs() > 1e-9 * hi {
        return None;
    }
    let c = lo / 0.9;
    // Its significant digits, read from the value rounded to nine of them.
    let written = format!("{:.8e}", c);
    let mantissa = written.split('e').next().unwrap_or("");
    let one_digit = mantissa.trim_end_matches(['0', '.']).len() <= 1;
    if one_digit {
        return None;
    }
    Some(Interval::closed(0.95 * c, 1.05 * c))
}

/// A year against a date ("2021" / "March 2021"): the days of that year, so the
/// date is read as the more precise statement of it.
fn year_as_dates(f: &Figure) -> Figure {
    let mut f = f.clone();
    let day = |y: Option<f64>, md: f64| y.map(|y| y * 10000.0 + md);
    f.value = Interval {
        lo: day(f.value.lo, 101.0),
        hi: day(f.value.hi, 1231.0),
        ..f.value
    };
    f.kind = Kind::Date;
    f
}

/// The reader counts a month as 30 days (its labels say so) and a year as 365, so
/// "24 months" (720) and "two years" (730) would never meet: against years, a month
/// is a twelfth of one (against days it stays 30: "two months" is "60 days"). Each
/// end is then rounded to nine significant digits, so "30 minutes" and "half an
/// hour", equal but for the last bit of a float, are equal.
fn calendar_days(f: &Figure, months_to_years: bool) -> Option<Interval> {
    let month = months_to_years && f.unit_key == "month";
    let snap = |v: Option<f64>| {
        v.map(|x| {
            let x = if month { x * 365.0 / 360.0 } else { x };
            if x == 0.0 || !x.is_finite() {
                return x;
            }
            let scale = 10f64.powi(8 - x.abs().log10().floor() as i32);
            (x * scale).round() / scale
        })
    };
    Some(Interval {
        lo: snap(f.value.lo),
        hi: snap(f.value.hi),
        ..f.value
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(text: &str, value: Interval, kind: Kind, unit: &str, mods: &[&str], s: &str) -> Figure {
        Figure {
            text: text.into(),
            value,
            kind,
            unit: unit.into(),
            unit_key: unit.into(),
            modifiers: mods.iter().map(|m| m.to_string()).collect(),
            currency: (kind == Kind::Money).then(|| "USD".into()),
            span: [0, 0],
            sentence: s.into(),
            attribution: None,
            headline: false,
        }
    }

    #[test]
    fn about_with_digits_to_spare_is_a_twentieth_and_bounds_touch_only_plain_values() {
        let e = Interval::exact;
        let s = "About 42,000 members.";
        let about = |t: &str, v: f64| {
            let value = Interval::closed(0.9 * v, 1.1 * v);
            fig(t, value, Kind::Count, "member", &[], s)
        };
        let n = |t: &str, v: f64| fig(t, e(v), Kind::Count, "member", &[], s);
        assert_eq!(
            verdict(&about("about 42,000", 42e3), &n("45,000", 45e3)),
            Verdict::Diverge
        );
        assert_eq!(
            verdict(&about("about 42,000", 42e3), &n("41,000", 41e3)),
            Verdict::Compatible
        );
        // One significant digit keeps the reader's tenth.
        assert_eq!(
            verdict(&about("about 20", 20.0), &n("22", 22.0)),
            Verdict::Compatible
        );
        assert_eq!(
            verdict(&about("about 20", 20.0), &n("24", 24.0)),
            Verdict::Diverge
        );
        // "More than nine hours" touches a plain nine, not "nearly nine".
        let more = Interval {
            lo: Some(9.0),
            hi: None,
            lo_strict: true,
            hi_strict: false,
        };
        let more = fig("more than nine", more, Kind::Count, "member", &[], s);
        assert_eq!(verdict(&more, &n("nine", 9.0)), Verdict::Compatible);
        let nearly = fig(
            "nearly nine",
            Interval::closed(8.1, 9.0),
            Kind::Count,
            "member",
            &[],
            s,
        );
        assert_eq!(verdict(&more, &nearly), Verdict::Diverge);
        // Rounded neighbours do not meet: "5 millones" is not "6 millones".
        let m = |t: &str, v: f64| fig(t, e(v), Kind::Money, "euro", &[], s);
        assert_eq!(
            verdict(&m("5 millones", 5e6), &m("6 millones", 6e6)),
            Verdict::Diverge
        );
    }

    #[test]
    fn units_of_another_system_are_converted_to_the_digits_written() {
        let e = Interval::exact;
        let s = "The town lies 35 miles north.";
        let d = |t: &str, v: f64, unit: &str| fig(t, e(v), Kind::Count, unit, &[], s);
        let miles = d("35 miles", 35.0, "mile");
        assert_eq!(
            verdict(&miles, &d("56 km", 56.0, "kilometer")),
            Verdict::Compatible
        );
        assert_eq!(
            verdict(&miles, &d("35km", 35.0, "kilometer")),
            Verdict::Diverge
        );
        // Metric steps are exact, and one unit stays as written.
        assert_eq!(
            verdict(
                &d("1.2 km", 1.2, "kilometer"),
                &d("1,200 metres", 1200.0, "meter")
            ),
            Verdict::Agree
        );
        assert_eq!(
            verdict(&miles, &d("36.4 miles", 36.4, "mile")),
            Verdict::Diverge
        );
        // A bare number is never set against a converted one.
        assert_eq!(
            verdict(&d("80 km/h", 80.0, "kilometer"), &d("80", 80.0, "")),
            Verdict::Agree
        );
    }

    #[test]
    fn a_year_is_compatible_with_a_date_in_it_and_diverges_from_one_outside() {
        let s = "The bridge was closed in March 2021.";
        let year = |y: f64| fig("2021", Interval::exact(y), Kind::Year, "", &[], s);
        let march = fig(
            "March 2021",
            Interval::closed(20210301.0, 20210331.0),
            Kind::Date,
            "",
            &[],
            s,
        );
        assert_eq!(verdict(&year(2021.0), &march), Verdict::Compatible);
        assert_eq!(verdict(&march, &year(2021.0)), Verdict::Compatible);
        assert_eq!(verdict(&march, &year(2020.0)), Verdict::Diverge);
        assert!(
            pair_score(&year(2021.0), &march, true).is_some(),
            "they can pair"
        );
    }

    #[test]
    fn durations_in_months_years_and_hours_are_one_calendar() {
        let e = Interval::exact;
        let s = "It lasts two years.";
        let d = |t: &str, v: f64, unit: &str| fig(t, e(v), Kind::Duration, unit, &[], s);
        let cases = [
            (
                d("24 months", 720.0, "month"),
                d("two years", 730.0, "year"),
            ),
            (
                d("30 months", 900.0, "month"),
                d("two and a half years", 912.5, "year"),
            ),
            (
                d("30 minutes", 30.0 / 1440.0, "minute"),
                d("half an hour", 0.5 / 24.0, "hour"),
            ),
            // Against days a month stays the reader's 30.
            (d("two months", 60.0, "month"), d("60 days", 60.0, "day")),
            // A sum of years and months, its months of 30 days.
            (
                d("28 months", 840.0, "month"),
                d("two years and four months", 850.0, "year"),
            ),
        ];
        for (a, b) in &cases {
            assert_eq!(verdict(a, b), Verdict::Agree, "{} / {}", a.text, b.text);
        }
        // Still apart: 25 months is not two years.
        assert_eq!(
            verdict(
                &d("25 months", 750.0, "month"),
                &d("two years", 730.0, "year")
            ),
            Verdict::Diverge
        );
    }

    #[test]
    fn round_statements_are_compatible_with_the_values_they_round() {
        let e = Interval::exact;
        let s = "The bill costs $1 trillion.";
        let one = fig("$1 trillion", e(1e12), Kind::Money, "dollar", &[], s);
        let more = fig("$1.2 trillion", e(1.2e12), Kind::Money, "dollar", &[], s);
        let other = fig("$1.5 trillion", e(1.5e12), Kind::Money, "dollar", &[], s);
        assert_eq!(verdict(&one, &more), Verdict::Compatible);
        assert_eq!(
            verdict(&more, &other),
            Verdict::Diverge,
            "1.2 is not rounded"
        );
        let decades = fig(
            "three decades",
            e(30.0 * 365.0),
            Kind::Duration,
            "decade",
            &[],
            s,
        );
        let years = fig("32 years", e(32.0 * 365.0), Kind::Duration, "year", &[], s);
        assert_eq!(verdict(&decades, &years), Verdict::Compatible);
        let a = fig("37 diplomats", e(37.0), Kind::Count, "diplomat", &[], s);
        let b = fig("36 diplomats", e(36.0), Kind::Count, "diplomat", &[], s);
        assert_eq!(verdict(&a, &b), Verdict::Diverge);
        // Fewer digits, at least two: "14%" states 13.9% rounded; one digit ("40" for
        // 37) and years ("2020" for 2021) are not roundings.
        let p = |t: &str, v: f64| fig(t, e(v), Kind::Percent, "percent", &[], s);
        assert_eq!(
            verdict(&p("14%", 14.0), &p("13.9%", 13.9)),
            Verdict::Compatible
        );
        assert_eq!(
            verdict(&p("13.9%", 13.9), &p("14%", 14.0)),
            Verdict::Compatible
        );
        assert_eq!(
            verdict(&p("15%", 15.0), &p("13.9%", 13.9)),
            Verdict::Diverge
        );
        let forty = fig("40 diplomats", e(40.0), Kind::Count, "diplomat", &[], s);
        assert_eq!(verdict(&forty, &a), Verdict::Diverge);
        let y = |t: &str, v: f64| fig(t, e(v), Kind::Year, "", &[], s);
        assert_eq!(
            verdict(&y("2020", 2020.0), &y("2021", 2021.0)),
            Verdict::Diverge
        );
    }

    #[test]
    fn a_divergence_needs_evidence_about_the_number_beyond_its_unit() {
        let e = Interval::exact;
        let ev = Evidence {
            url: "u".into(),
            captured: chrono::DateTime::<chrono::Utc>::UNIX_EPOCH,
            hash: "h".into(),
            version: 1,
        };
        let one = |f: Figure| {
            vec![Mentioned {
                first: super::super::derive::Derived {
                    figure: f,
                    derivation: None,
                },
                also: Vec::new(),
                replaced: Vec::new(),
                superseded: Vec::new(),
            }]
        };
        // Same story, same unit, similar sentences, but nothing in the numbers' own
        // clauses in common: a part and a national count.
        let r = one(fig(
            "2.6 million vaccine doses",
            e(2.6e6),
            Kind::Count,
            "dose",
            &[],
            "Walgreens wasted 2.6 million vaccine doses, a federal review found.",
        ));
        let o = one(fig(
            "15.1 million vaccine doses",
            e(15.1e6),
            Kind::Count,
            "dose",
            &[],
            "Pharmacies discarded 15.1 million vaccine doses, the federal review found.",
        ));
        let (cells, _) = align(&r, &o, &ev, true);
        assert_eq!(cells[0].verdict, Verdict::Missing, "{:?}", cells[0]);
        // The same words in the numbers' clauses make them one quantity.
        let o = one(fig(
            "2.9 million vaccine doses",
            e(2.9e6),
            Kind::Count,
            "dose",
            &[],
            "Walgreens wasted 2.9 million vaccine doses, a federal review found.",
        ));
        let (cells, _) = align(&r, &o, &ev, true);
        assert_eq!(cells[0].verdict, Verdict::Diverge, "{:?}", cells[0]);
    }

    #[test]
    fn units_the_lexicon_does_not_relate_are_weighed_not_refused_but_people_are_not_things() {
        let e = Interval::exact;
        let s = "Police seized 7,350 packages of cocaine at the port.";
        let bales = fig("7.350 fardos", e(7350.0), Kind::Count, "bale", &[], s);
        let packages = fig("7,350 packages", e(7350.0), Kind::Count, "package", &[], s);
        let m = pair_score(&bales, &packages, false).expect("a synonym the lexicon lacks");
        assert_eq!(m.features.unit_differs, 1.0);
        assert!(m.probability >= MODEL.match_min, "{}", m.why);
        let s = "The storm injured 140 people and damaged 140 homes.";
        let hurt = fig("140 injured", e(140.0), Kind::Count, "injured", &[], s);
        let homes = fig("140 homes", e(140.0), Kind::Count, "home", &[], s);
        assert!(pair_score(&hurt, &homes, true).is_none());
        // An amount whose currency its article leaves unsaid may still be the same sum.
        let s = "The fund lost 410 million on the project.";
        let usd = fig("$410 million", e(4.1e8), Kind::Money, "dollar", &[], s);
        let unsaid = Figure {
            currency: None,
            ..fig("410 millones", e(4.1e8), Kind::Money, "", &[], s)
        };
        let m = pair_score(&usd, &unsaid, true).expect("currency unsaid");
        assert_eq!(m.features.currency_unsaid, 1.0);
        let eur = Figure {
            currency: Some("EUR".into()),
            ..unsaid
        };
        assert!(pair_score(&usd, &eur, true).is_none());
    }

    #[test]
    fn assignment_maximises_the_total_not_the_first_pick() {
        // Greedy takes (0,0)=5 and leaves row 1 nothing; the optimum is 4 + 4.
        let w = vec![vec![5.0, 4.0], vec![4.0, 0.0]];
        assert_eq!(assign(&w), vec![Some(1), Some(0)]);
        let w = vec![vec![0.0, 0.0], vec![0.0, 2.0], vec![1.0, 0.0]];
        assert_eq!(assign(&w), vec![None, Some(1), Some(0)]);
        assert_eq!(assign(&[]), Vec::<Option<usize>>::new());
    }
}
