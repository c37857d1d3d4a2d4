//! Qualifiers: the words that make a figure's value an interval.
//!
//! Entry points, steps of `build`: [`before`] (the qualifier before the figure, read
//! by [`prefix_qualifier`]), [`after`] ("150 or more") and [`settle`] (the interval).
//! The wording lives in `claims::qualifiers`; this stage decides whether the words
//! bound *this* figure: an article may stand between ("casi el 60 %"), "hasta" after
//! a verb of change is the value reached, and "over" after a count spreads it over
//! time ("1,400 messages over three months").
//!
//! ```text
//! "casi el 60 %"                       → Nearly, from "casi": [54, 60]
//! "crecieron un 12 %, hasta 8.900 millones" → 8,900,000,000 exactly: the level reached
//! ```

use crate::claims::numbers::parse_words;
use crate::claims::qualifiers::{self, Qualifier};
use crate::claims::tokens::{Tok, TokKind};
use crate::claims::types::{Figure, Kind};
use crate::claims::units::{LEXICON, UnitKind};

use super::build::Draft;
use super::{Ctx, LOOK_BACK};

/// Phrases of likeness a rounding word may stand before ("roughly the size of").
const LIKENESS: &[&str] = &[
    "the size of",
    "the equivalent of",
    "the same as",
    "the area of",
    "el tamaño de",
    "el equivalente a",
    "el equivalente de",
    "la superficie de",
];

/// The qualifier before token `start`, if it bounds this figure: (qualifier, first
/// token).
fn prefix_qualifier(
    ctx: &Ctx,
    start: usize,
    prev: &[(Figure, usize)],
) -> Option<(Qualifier, usize)> {
    let toks = ctx.toks;
    let (q, s) = qualifiers::prefix_before(toks, start)
        .or_else(|| {
            // "casi el 60 %", "superó los 90 dólares": an article between. Never
            // "hasta el 11 %", which is the value reached.
            // "casi un 60 %", "hasta un 30 %": the indefinite article is no value
            // reached, so "hasta" keeps its bound after it.
            let art = start.checked_sub(1)?;
            let indefinite = matches!(toks[art].lower.as_str(), "un" | "una");
            if !indefinite && !matches!(toks[art].lower.as_str(), "el" | "la" | "los" | "las") {
                return None;
            }
            qualifiers::prefix_before(toks, art)
                .filter(|(q, _)| indefinite || *q != Qualifier::UpTo)
        })
        .or_else(|| {
            // "roughly the size of 2,000 football pitches", "casi el equivalente a 40": a
            // comparison between a rounding word and the number it rounds.
            let k = LIKENESS.iter().find_map(|p| {
                let n = p.split(' ').count();
                let k = start.checked_sub(n)?;
                (qualifiers::match_phrase(toks, k, p) == Some(start)).then_some(k)
            })?;
            qualifiers::prefix_before(toks, k).filter(|(q, _)| {
                matches!(
                    q,
                    Qualifier::About | Qualifier::Nearly | Qualifier::MoreThan
                )
            })
        })?;
    // "<>30" (not equal), "=>30", "=<30": a sign glued to another is no bound.
    if toks[s].is_punct("<>")
        && s > 0
        && toks[s - 1].is_punct("<>=")
        && toks[s - 1].end == toks[s].start
    {
        return None;
    }
    let word = toks[s].lower.as_str();
    // "apenas dos más de los 176", "ten more than the 40 last year": a number before
    // "more"/"más" is the difference; the number after is compared, not bounded.
    let difference = matches!(word, "more" | "más" | "mas" | "fewer" | "less" | "menos")
        && s > 0
        && (toks[s - 1].kind == TokKind::Num || parse_words(toks, s - 1).is_some());
    if difference {
        return None;
    }
    // The verb is near ("crecieron un 12 % interanual, hasta 8.900 millones").
    let from = ctx
        .sentence_first_tok(ctx.tok_sentence[s], s)
        .max(s.saturating_sub(LOOK_BACK));
    if word == "hasta" && (from..s).any(|k| qualifiers::is_change_verb(&toks[k])) {
        return None;
    }
    // "unemployment ticks up to 4.1%", "rose up to 30": "up" is the verb's, "to" the
    // level reached; not after a verb that cuts ("will cut up to 2,000 jobs").
    let cuts = |t: &Tok| {
        [
            "cut", "reduc", "slash", "trim", "lower", "shrink", "drop", "decreas", "los",
        ]
        .iter()
        .any(|stem| t.lower.starts_with(stem))
    };
    if word == "up" && s > 0 && qualifiers::is_change_verb(&toks[s - 1]) && !cuts(&toks[s - 1]) {
        return None;
    }
    // "nine hours over two days": "over" right after a figure spreads it; so it does
    // after a count earlier in the clause ("sent 1,400 messages to the victim over
    // three months"), when a unit of time follows.
    // So it does after a percentage or an amount ("a 40% pay rise over four years").
    // Not "85% of people over 65", where no unit of time follows: an age bound.
    let time_follows = LEXICON
        .unit_at(toks, start + 1)
        .or_else(|| LEXICON.unit_at(toks, start + 2))
        .is_some_and(|u| u.entry.kind == UnitKind::Duration);
    let spread = time_follows
        && prev.last().is_some_and(|(f, e)| {
            *e == s
                || (f.kind == Kind::Count && !f.unit_key.is_empty()
                    || matches!(f.kind, Kind::Percent | Kind::Money))
                    && *e <= s
                    && s - *e <= 6
                    && ctx.tok_sentence[*e - 1] == ctx.tok_sentence[s]
        });
    if word == "over" && spread {
        return None;
    }
    Some((q, s))
}

/// Step: the qualifier before the figure ("more than 150", "casi el 60 %") starts
/// its text.
pub(super) fn before(ctx: &Ctx, d: &mut Draft, prev: &[(Figure, usize)]) {
    d.qualifier = prefix_qualifier(ctx, d.start, prev).map(|(q, s)| {
        d.start = s;
        q
    });
}

/// Step: a qualifier after the number ("150 or more", "30 al menos"), unless one
/// came before; a collective numeral ("una veintena") is "about" unless bounded.
pub(super) fn after(ctx: &Ctx, d: &mut Draft) {
    if let Some((q, e)) = qualifiers::suffix_at(ctx.toks, d.end) {
        // "about 500 or more": the bound after says more than the rounding before.
        let rounding = matches!(d.qualifier, Some(Qualifier::About | Qualifier::Nearly));
        if rounding && matches!(q, Qualifier::AtLeast | Qualifier::UpTo) {
            d.qualifier = Some(q);
        } else {
            d.qualifier = d.qualifier.or(Some(q));
        }
        d.end = e;
    }
    // "more than 5000 or equal to it", "menos de 5000 o igual": the bound is reached.
    if let Some(q @ (Qualifier::MoreThan | Qualifier::LessThan)) = d.qualifier
        && let Some(e) = qualifiers::or_equal_at(ctx.toks, d.end)
    {
        d.qualifier = Some(if q == Qualifier::MoreThan {
            Qualifier::AtLeast
        } else {
            Qualifier::UpTo
        });
        d.end = e;
    }
    if d.core.approx {
        d.qualifier = d.qualifier.or(Some(Qualifier::About));
    }
}

/// Step: a bound after the unit ("200mm or more", "tres hijos o más"), when none
/// came before or after the number.
pub(super) fn after_unit(ctx: &Ctx, d: &mut Draft) {
    if d.qualifier.is_some() || !d.up.has_head() || d.up.borrowed || d.up.end <= d.end {
        return;
    }
    if let Some((q @ (Qualifier::AtLeast | Qualifier::UpTo), e)) =
        qualifiers::suffix_at(ctx.toks, d.up.end)
    {
        d.qualifier = Some(q);
        d.tail = d.tail.max(e);
    }
}

/// Step: the qualifier turns the value into an interval ("more than 150" is
/// (150, +∞)); an ordinal keeps its rank. "over £4m bribery scheme": "over" is about
/// the amount, not above it, and leaves the figure's text.
pub(super) fn settle(ctx: &Ctx, d: &mut Draft) {
    if d.kind == Kind::Money
        && d.qualifier == Some(Qualifier::MoreThan)
        && ctx.toks[d.start].is("over")
        && d.up.unknown_head.is_some()
        && !d.up.head_surface.ends_with('s')
    {
        d.qualifier = None;
        d.start += 1;
    }
    if let Some(q) = d.qualifier.filter(|_| d.kind != Kind::Ordinal) {
        d.value = qualifiers::apply(q, d.value);
    }
}
