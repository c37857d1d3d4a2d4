//! Kinds: whether a number is a year, an age, a percentage or a count.
//!
//! Entry points: [`is_year`] (a bare 1900–2100 with no counted plural), [`is_age`],
//! [`people_over`] and [`after_aged`] (a number that is someone's age, so its unit is
//! years), [`same_sentence_percent`] (points a percentage moved by are percentage
//! points). Durations are scaled to days with [`scale_interval`].
//!
//! ```text
//! "The rocker, 67, was spotted" → 67 years
//! "at least 2000 soldiers"      → a count, not the year 2000
//! ```

use crate::claims::qualifiers::Qualifier;
use crate::claims::tokens::{Tok, TokKind};
use crate::claims::types::{Figure, Interval, Kind};
use crate::claims::units::{LEXICON, UnitKind};

use super::Ctx;
use super::number::Core;
use super::unit_phrase::{UnitPhrase, is_plural};

/// Words after "points" that compare two levels ("four points lower", "cuatro
/// puntos menos").
pub(super) const COMPARATIVES: &[&str] = &[
    "less", "more", "lower", "higher", "up", "down", "menos", "más", "mas", "arriba", "abajo",
    "por",
];

/// Words that make points an index's own ("el Ibex subió 200 puntos, un 2 %").
pub(super) const INDEX_WORDS: &[&str] = &[
    "index", "índice", "indice", "ibex", "dow", "ftse", "nasdaq", "nikkei", "dax", "cac", "s&p",
    "bolsa", "merval", "ipc", "stocks", "shares",
];

/// Does the sentence of token `start` state a percentage, before or after it?
pub(super) fn same_sentence_percent(ctx: &Ctx, start: usize, prev: &[(Figure, usize)]) -> bool {
    let s = ctx.tok_sentence[start];
    let earlier = prev
        .iter()
        .rev()
        .take_while(|(_, end)| ctx.tok_sentence[end.saturating_sub(1)] == s)
        .any(|(f, _)| f.kind == Kind::Percent);
    earlier
        || ctx.sentence_toks(s).iter().any(|t| {
            t.is_punct("%") || matches!(t.lower.as_str(), "percent" | "porcentaje" | "ciento")
        })
}

/// "The rocker, 67, was spotted": a bare whole number set off by commas after a
/// word is an age.
pub(super) fn is_age(ctx: &Ctx, core: &Core, qualified: bool) -> bool {
    let toks = ctx.toks;
    let Some(v) = core
        .plain_digits
        .as_ref()
        .and_then(|d| d.parse::<u32>().ok())
    else {
        return false;
    };
    let before = core.start.checked_sub(2).map(|k| (&toks[k], &toks[k + 1]));
    let after = toks.get(core.end);
    // "to become, at 39, France's youngest president", "At 39, she ...".
    let at_age = core.start > 0
        && toks[core.start - 1].is("at")
        && (ctx.sentence_initial(core.start - 1)
            || core.start >= 2 && toks[core.start - 2].is_punct(","));
    (1..=120).contains(&v)
        && !qualified
        && (at_age
            || before.is_some_and(|(w, comma)| w.kind == TokKind::Word && comma.is_punct(",")))
        && after.is_some_and(|t| t.is_punct(",)"))
}

/// "people over 65", "children under five": a bound after a people noun is an age.
pub(super) fn people_over(ctx: &Ctx, core: &Core, start: usize) -> bool {
    let toks = ctx.toks;
    let bound = toks
        .get(start)
        .is_some_and(|q| matches!(q.lower.as_str(), "over" | "under" | "above" | "below"));
    let people = start.checked_sub(1).is_some_and(|k| {
        LEXICON
            .unit_at(toks, k)
            .is_some_and(|m| m.end == start && LEXICON.related(&m.entry.key, "person"))
    });
    bound
        && start < core.start
        && people
        && core.value.is_exact()
        && core
            .value
            .lo
            .is_some_and(|v| v.fract() == 0.0 && (1.0..=120.0).contains(&v))
}

/// "aged 18 to 65": ages in years.
pub(super) fn after_aged(toks: &[Tok], start: usize) -> bool {
    let Some(k) = start.checked_sub(1) else {
        return false;
    };
    if matches!(toks[k].lower.as_str(), "aged" | "ages" | "age") {
        return true;
    }
    // "at the age of 88", "a la edad de 88".
    if (toks[k].is("of") || toks[k].is("de"))
        && k >= 1
        && (toks[k - 1].is("age") || toks[k - 1].is("edad"))
    {
        return true;
    }
    // "He was 95.": a person's number ending the sentence is an age.
    if (toks[k].is("was") || toks[k].is("is"))
        && k >= 1
        && (toks[k - 1].is("he") || toks[k - 1].is("she"))
        && toks.get(start + 1).is_none_or(|p| p.is_punct(".;"))
    {
        return true;
    }
    // "aged 34 and 41": every age of the list.
    matches!(toks[k].lower.as_str(), "and" | "or" | ",")
        && k >= 1
        && toks[k - 1].kind == TokKind::Num
        && after_aged(toks, k - 1)
}

pub(super) fn scale_interval(v: Interval, f: f64) -> Interval {
    Interval {
        lo: v.lo.map(|x| x * f),
        hi: v.hi.map(|x| x * f),
        ..v
    }
}

/// A bare 4-digit 1900–2100 is a year unless a qualifier or a plural counted noun
/// makes it a count ("at least 2000 soldiers").
pub(super) fn is_year(
    core: &Core,
    up: &UnitPhrase,
    q: Option<Qualifier>,
    kind: Kind,
    range: bool,
) -> bool {
    let Some(d) = &core.plain_digits else {
        return false;
    };
    let v: f64 = d.parse().unwrap_or(0.0);
    let plausible = d.len() == 4 && (1900.0..=2100.0).contains(&v);
    let counted = up.head.is_some_and(|u| u.kind == UnitKind::Count) && is_plural(&up.head_surface);
    // "hasta 2030", "up to 2030" without a noun: until a year.
    let unqualified = q.is_none() || (q == Some(Qualifier::UpTo) && !up.has_head());
    plausible && unqualified && kind == Kind::Count && !counted && (!range || core.value.is_exact())
}
