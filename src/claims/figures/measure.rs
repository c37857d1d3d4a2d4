//! Measures: a unit letter that is also a scale, cents written "c", and a measure in
//! two units.
//!
//! Entry points, steps of `build` right after the unit phrase: [`letter_unit`],
//! [`cents_not_celsius`] and [`in_two_units`]. A glued "m" and a spaced "K" are
//! scales ("£48m", "50 K fans") unless the sentence says they measure: a glued "m"
//! is a metre when the sentence measures something else and names no money; a
//! capital "K" is a kelvin when it names a temperature. A length in feet and inches
//! is one length in feet.
//!
//! ```text
//! "capacity is 100t and outreach is 48m" → 48 meter (not 48,000,000)
//! "convertir 200 K en fahrenheit"        → 200 kelvin
//! "he is 5 feet 2 inches"                → 5.1667 foot
//! ```

use crate::claims::tokens::{Tok, TokKind};
use crate::claims::types::{Figure, Interval, Kind};
use crate::claims::units::LEXICON;

use super::Ctx;
use super::build::Draft;

/// Step: a scale letter that is a unit here ("48m" a metre, "200 K" a kelvin).
pub(super) fn letter_unit(ctx: &Ctx, d: &mut Draft, prev: &[(Figure, usize)]) {
    let toks = ctx.toks;
    if !d.core.scaled || d.up.has_head() || d.currency.is_some() || d.kind != Kind::Count {
        return;
    }
    let k = d.core.end - 1;
    let letter = &toks[k];
    let glued = k > 0 && letter.start == toks[k - 1].end;
    let s = ctx.tok_sentence[k];
    // The sentence's other tokens.
    let a = ctx.tok_sentence.partition_point(|&x| x < s);
    let b = ctx.tok_sentence.partition_point(|&x| x <= s);
    let others: Vec<usize> = (a..b)
        .filter(|&i| i < d.core.start || i >= d.core.end)
        .collect();
    let (key, scale) = if letter.is("m") && glued {
        let measured = others.iter().any(|&i| measure_after_number(toks, i))
            || prev
                .iter()
                .any(|(f, e)| ctx.tok_sentence[e - 1] == s && is_measure(&f.unit_key));
        let money = others.iter().any(|&i| {
            !LEXICON.money_symbol(&toks[i].lower).is_empty()
                || LEXICON
                    .unit_at(toks, i)
                    .is_some_and(|m| m.entry.currency.is_some())
        });
        // "48m people": a noun after it is counted in millions.
        let noun_after = toks
            .get(k + 1)
            .is_some_and(|n| n.kind == TokKind::Word && ctx.tok_sentence[k + 1] == s)
            && !crate::claims::lang::is_function_word(&toks[k + 1].lower);
        if !(measured && !money && !noun_after) {
            return;
        }
        ("meter", 1e6)
    } else if letter.is("k") && letter.cap && !glued {
        let temperature = others.iter().any(|&i| {
            matches!(toks[i].lower.as_str(), "temperature" | "temperatura")
                || LEXICON
                    .unit_at(toks, i)
                    .is_some_and(|m| LEXICON.related(&m.entry.key, "degree"))
        });
        if !temperature {
            return;
        }
        ("kelvin", 1e3)
    } else {
        return;
    };
    d.value = Interval {
        lo: d.value.lo.map(|v| v / scale),
        hi: d.value.hi.map(|v| v / scale),
        ..d.value
    };
    d.core.scaled = false;
    d.up.head = LEXICON.unit(key);
    d.up.head_surface = letter.lower.clone();
    d.up.start = k;
    d.up.end = k + 1;
}

/// Step: a lower-case "c" glued to a number is cents ("raised its dividend by 11c to
/// 17c a share"); Celsius is written with a capital ("40C") or a degree sign.
pub(super) fn cents_not_celsius(ctx: &Ctx, d: &mut Draft) {
    let toks = ctx.toks;
    let glued_c = d.up.end == d.up.start + 1
        && d.up.start == d.core.end
        && toks[d.up.start].lower == "c"
        && !toks[d.up.start].cap
        && toks[d.up.start].start == toks[d.core.end - 1].end;
    if glued_c && d.up.head.is_some_and(|u| u.key == "degree") {
        d.up.head = LEXICON.unit("cent");
    }
}

/// Step: "2 grados bajo cero", "5 degrees below zero": a temperature below zero is
/// negative, and the words are part of its text.
pub(super) fn below_zero(ctx: &Ctx, d: &mut Draft) {
    let toks = ctx.toks;
    let temperature = d.up.head.is_some_and(|u| u.is_temperature());
    let e = d.up.end;
    let below = toks.get(e).is_some_and(|t| t.is("bajo") || t.is("below"))
        && toks
            .get(e + 1)
            .is_some_and(|t| t.is("cero") || t.is("zero"));
    if !(temperature && below && !d.up.borrowed) {
        return;
    }
    if let (Some(lo), Some(hi)) = (d.value.lo, d.value.hi)
        && lo >= 0.0
    {
        d.value = Interval {
            lo: Some(-hi),
            hi: Some(-lo),
            lo_strict: d.value.hi_strict,
            hi_strict: d.value.lo_strict,
        };
        d.tail = d.tail.max(e + 2);
    }
}

fn is_measure(key: &str) -> bool {
    LEXICON.unit(key).is_some_and(|u| u.measure)
}

/// Is token `i` a unit of measure written after a number ("100t", "10 dm")?
fn measure_after_number(toks: &[Tok], i: usize) -> bool {
    i > 0
        && toks[i - 1].kind == TokKind::Num
        && LEXICON.unit_at(toks, i).is_some_and(|m| m.entry.measure)
}

/// Step: "5 feet 2 inches", "12 ft 2 in", "5 feet and 2 inches": the smaller unit
/// (`whole` and `parts` in `units.toml`) summed onto the larger as a share of it.
pub(super) fn in_two_units(ctx: &Ctx, d: &mut Draft) {
    let toks = ctx.toks;
    let Some(whole) = d.up.head.filter(|u| u.measure && !d.up.borrowed) else {
        return;
    };
    let Some(v) = d
        .value
        .lo
        .filter(|_| d.value.is_exact() && d.kind == Kind::Count)
    else {
        return;
    };
    let mut k = d.up.end;
    if toks.get(k).is_some_and(|t| t.is("and") || t.is("y")) {
        k += 1;
    }
    let Some(n) = toks
        .get(k)
        .filter(|t| t.kind == TokKind::Num && ctx.tok_sentence[k] == ctx.tok_sentence[d.start])
        .and_then(|t| t.lower.replace(',', ".").parse::<f64>().ok())
    else {
        return;
    };
    let part = LEXICON
        .unit_at(toks, k + 1)
        .map(|m| (m.entry, m.end))
        // "12 ft 2 in": after feet, "in" is the inch, unless it opens a place or time.
        .or_else(|| {
            let inch = LEXICON.unit("inch")?;
            let opens = |t: &Tok| {
                t.kind == TokKind::Num || t.cap || matches!(t.lower.as_str(), "the" | "a" | "an")
            };
            (whole.key == "foot"
                && toks.get(k + 1).is_some_and(|t| t.is("in"))
                && toks.get(k + 2).is_none_or(|t| !opens(t)))
            .then_some((inch, k + 2))
        });
    let Some((unit, end)) = part.filter(|(u, _)| u.whole.as_deref() == Some(whole.key.as_str()))
    else {
        return;
    };
    if n < 0.0 || n >= unit.parts {
        return;
    }
    d.value = Interval::exact(v + n / unit.parts);
    d.tail = end;
}
