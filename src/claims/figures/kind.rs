//! Kinds: whether a number is a percentage, money, a duration, a year or a count.
//!
//! Entry points, steps of `build`: [`percent_sign`], [`from_unit`] (what the unit
//! noun makes of the figure), [`percentage_points`], [`ordinal_or_duration`] (a
//! duration in days), [`is_year_figure`] and [`tenths_of_a_point`]. [`is_age`],
//! [`people_over`] and [`after_aged`] tell the unit step a number is someone's age.
//! Word lists: `[kind]` in `figures.toml`.
//!
//! ```text
//! "The rocker, 67, was spotted" → 67 years (24,455 days)
//! "at least 2000 soldiers"      → a count, not the year 2000
//! "In 1998"                     → the year 1998
//! ```

use crate::claims::qualifiers::{self, Qualifier};
use crate::claims::tokens::{Tok, TokKind};
use crate::claims::types::{Figure, Interval, Kind};
use crate::claims::units::{LEXICON, UnitKind};

use super::Ctx;
use super::build::Draft;
use super::number::{Core, Scan, scan_core};
use super::unit_phrase::{UnitPhrase, is_plural};
use super::words::{WORDS, has};

/// Does the sentence of token `start` state a percentage, before or after it?
fn same_sentence_percent(ctx: &Ctx, start: usize, prev: &[(Figure, usize)]) -> bool {
    let s = ctx.tok_sentence[start];
    let earlier = prev
        .iter()
        .rev()
        .take_while(|(_, end)| ctx.tok_sentence[end.saturating_sub(1)] == s)
        .any(|(f, _)| f.kind == Kind::Percent);
    let toks = ctx.sentence_toks(s);
    earlier
        || toks.iter().any(|t| {
            t.is_punct("%") || matches!(t.lower.as_str(), "percent" | "porcentaje" | "ciento")
        })
        // British "per cent".
        || toks.windows(2).any(|w| w[0].is("per") && w[1].is("cent"))
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
    // "She was 91 and is survived by", "he is 67.": a person's pronoun, a copula and
    // a bare number that ends the clause.
    let pronoun_copula = before.is_some_and(|(p, be)| {
        matches!(p.lower.as_str(), "he" | "she")
            && matches!(be.lower.as_str(), "was" | "is" | "turned" | "turns")
    }) && after.is_none_or(|t| t.is_punct(".,;") || t.is("and"));
    // "died Saturday at 91", "Dies at 94", "passed away on Monday at 88": the age at
    // death, with at most two words (a day, "on") between the verb and "at".
    let died_at = core.start >= 2
        && toks[core.start - 1].is("at")
        && toks[core.start.saturating_sub(5)..core.start - 1]
            .iter()
            .any(|t| matches!(t.lower.as_str(), "died" | "dies" | "away"))
        && after.is_none_or(|t| {
            t.is_punct(".,;")
                || matches!(
                    t.lower.as_str(),
                    "and" | "after" | "of" | "following" | "in" | "on"
                )
        });
    // "su hija, de 78, fueron rescatadas": Spanish sets the age off with "de".
    let de_apposition = core.start >= 3
        && toks[core.start - 1].is("de")
        && toks[core.start - 2].is_punct(",")
        && toks[core.start - 3].kind == TokKind::Word
        && (toks[core.start - 3].cap && !ctx.sentence_initial(core.start - 3)
            || person_noun_ending(toks, core.start - 2))
        && after.is_none_or(|t| t.is_punct(".,;)"));
    (1..=120).contains(&v)
        && !qualified
        && (pronoun_copula
            || de_apposition
            || died_at
            || age_list(toks, core.start)
            || (at_age
                || before.is_some_and(|(w, comma)| w.kind == TokKind::Word && comma.is_punct(",")))
                && after.is_some_and(|t| t.is_punct(",)")))
}

/// "brothers Liam and Jack Doyle, 19 and 22, of murder": a list of bare whole numbers
/// set off by commas after a word is a list of ages, each number one of them.
fn age_list(toks: &[Tok], at: usize) -> bool {
    let age = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Num && t.lower.parse::<u32>().is_ok_and(|v| (1..=120).contains(&v))
        })
    };
    let joint = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.is("and") || t.is("y") || t.is_punct(","))
    };
    let (mut first, mut last) = (at, at);
    while first >= 2 && joint(first - 1) && age(first - 2) {
        first -= 2;
    }
    while joint(last + 1) && age(last + 2) {
        last += 2;
    }
    let opened =
        first >= 2 && toks[first - 1].is_punct(",") && toks[first - 2].kind == TokKind::Word;
    let closed = toks.get(last + 1).is_some_and(|t| t.is_punct(",)"));
    last > first && opened && closed
}

/// Does a noun of people ("hija", "the driver") end just before token `end`?
fn person_noun_ending(toks: &[Tok], end: usize) -> bool {
    (end.saturating_sub(3)..end).any(|k| {
        LEXICON
            .unit_at(toks, k)
            .is_some_and(|m| m.end == end && LEXICON.related(&m.entry.key, "person"))
    })
}

/// "people over 65", "children under five": a bound after a people noun is an age.
pub(super) fn people_over(ctx: &Ctx, core: &Core, start: usize) -> bool {
    let toks = ctx.toks;
    // "people older than 70", "los menores de 18": the comparison is of ages.
    let age_word = toks.get(start).is_some_and(|q| {
        matches!(
            q.lower.as_str(),
            "older" | "younger" | "mayores" | "menores"
        )
    });
    let than = toks
        .get(start + 1)
        .is_some_and(|t| t.is("than") || t.is("de"));
    if age_word && than && core.start == start + 2 && whole_age(core) {
        return true;
    }
    let bound = toks
        .get(start)
        .is_some_and(|q| matches!(q.lower.as_str(), "over" | "under" | "above" | "below"));
    // "people over 65", "the victims were under 25": a people noun, maybe a copula.
    let copula = start
        .checked_sub(1)
        .is_some_and(|k| matches!(toks[k].lower.as_str(), "were" | "are" | "was" | "is"));
    let noun_end = if copula { start - 1 } else { start };
    let people = person_noun_ending(toks, noun_end);
    bound && start < core.start && people && whole_age(core)
}

/// A whole number a person's age could be.
fn whole_age(core: &Core) -> bool {
    core.value.is_exact()
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

/// Every bound of `v` times `f` (durations in days, cents in dollars).
pub(super) fn scale_interval(v: Interval, f: f64) -> Interval {
    Interval {
        lo: v.lo.map(|x| x * f),
        hi: v.hi.map(|x| x * f),
        ..v
    }
}

/// A bare 4-digit 1900–2100 is a year unless a qualifier or a plural counted noun
/// makes it a count ("at least 2000 soldiers").
fn is_year(core: &Core, up: &UnitPhrase, q: Option<Qualifier>, kind: Kind, range: bool) -> bool {
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

/// Step: a percent sign after the number ("12%", "12 %") makes a percentage; a share
/// ("a third of") is one already and counts nothing itself.
pub(super) fn percent_sign(ctx: &Ctx, d: &mut Draft) {
    if d.core.fraction {
        d.kind = Kind::Percent;
    } else if ctx.toks.get(d.end).is_some_and(|t| t.is_punct("%")) {
        d.kind = Kind::Percent;
        d.end += 1;
    }
}

/// Step: what the unit noun makes of the figure: "per cent" a percentage, "pesos"
/// money in its currency; a currency sign makes any count money.
pub(super) fn from_unit(d: &mut Draft) {
    d.unit_kind = d.up.head.map(|u| u.kind).unwrap_or_default();
    match d.unit_kind {
        UnitKind::Percent if d.kind == Kind::Count => d.kind = Kind::Percent,
        UnitKind::Money => {
            d.kind = Kind::Money;
            d.currency =
                d.up.head
                    .and_then(|u| u.currency.clone())
                    .or(d.currency.take());
        }
        _ => {}
    }
    if d.currency.is_some() && d.kind == Kind::Count {
        d.kind = Kind::Money;
    }
}

/// Step: points that are percentage points. "a quarter-point" (a share of a point)
/// only moves a rate; "cayó casi seis puntos, hasta el 69,9 %" and "cuatro puntos
/// menos" move a percentage the sentence states, unless the sentence is about a
/// stock index, whose points are its own ("rose 1.234 points, or 3.5%" restates the
/// move as a percentage: index points).
pub(super) fn percentage_points(ctx: &Ctx, d: &mut Draft, prev: &[(Figure, usize)]) {
    let toks = ctx.toks;
    let start = d.start;
    let points = |d: &Draft| d.kind == Kind::Count && d.up.head.is_some_and(|u| u.key == "point");
    if points(d) && d.core.point_share {
        d.kind = Kind::Percent;
        d.up.head = LEXICON.unit("percentage point");
    }
    let up_end = d.up.end;
    let restated = toks.get(up_end).is_some_and(|c| c.is_punct(",("))
        && toks
            .get(up_end + 1)
            .is_some_and(|w| matches!(w.lower.as_str(), "or" | "o" | "un" | "a"))
        || toks.get(up_end).is_some_and(|c| c.is_punct("("));
    let index = ctx
        .sentence_toks(ctx.tok_sentence[start])
        .iter()
        .any(|t| has(&WORDS.kind.index_words, t.lower.as_str()));
    // "down four points from last month": "down"/"up" move a percentage too, and "a
    // gap of 4.8 points" separates two.
    let moved_points = !restated
        && (start.saturating_sub(2)..start).any(|k| {
            qualifiers::is_change_verb(&toks[k])
                || matches!(toks[k].lower.as_str(), "down" | "up")
                || has(&WORDS.kind.gap_nouns, toks[k].lower.as_str())
        })
        && !index;
    if points(d) && moved_points && same_sentence_percent(ctx, start, prev) {
        d.kind = Kind::Percent;
        d.up.head = LEXICON.unit("percentage point");
    }
    if points(d)
        && !index
        && (up_end..up_end + 1).chain(up_end.checked_sub(1)).any(|k| {
            toks.get(k)
                .is_some_and(|t| has(&WORDS.kind.comparatives, t.lower.as_str()))
        })
        && same_sentence_percent(ctx, start, prev)
    {
        d.kind = Kind::Percent;
        d.up.head = LEXICON.unit("percentage point");
    }
}

/// Step: an ordinal core is an ordinal whatever its noun; a count of a unit of time
/// is a duration, in days ("3 years" is 1,095).
/// Step: "11 years and four months", "1min 12sec", "2 horas, 2 minutos y 5
/// segundos": a span written in units of time, each smaller than the last, is one
/// span, in the first unit.
pub(super) fn compound_duration(ctx: &Ctx, d: &mut Draft) {
    let toks = ctx.toks;
    let Some(first) =
        d.up.head
            .filter(|u| u.kind == UnitKind::Duration && u.days > 0.0)
    else {
        return;
    };
    let Some(mut total) = d.value.lo.filter(|_| {
        d.kind == Kind::Count && d.value.is_exact() && !d.up.borrowed && !d.core.ordinal
    }) else {
        return;
    };
    let (mut k, mut last_days) = (d.up.end.max(d.tail), first.days);
    loop {
        let joined = toks
            .get(k)
            .is_some_and(|t| t.is("and") || t.is("y") || t.is_punct(","));
        let at = k + usize::from(joined);
        let Scan::Core(more) = scan_core(ctx, at) else {
            break;
        };
        let Some(w) = more
            .value
            .lo
            .filter(|_| more.value.is_exact() && !more.ordinal && !more.fraction && !more.vague)
        else {
            break;
        };
        let Some(unit) = LEXICON.unit_at(toks, more.end).filter(|m| {
            m.entry.kind == UnitKind::Duration && (0.0..last_days).contains(&m.entry.days)
        }) else {
            break;
        };
        total += w * unit.entry.days / first.days;
        (k, last_days) = (unit.end, unit.entry.days);
        d.tail = unit.end;
    }
    d.value = Interval::exact(total);
}

pub(super) fn ordinal_or_duration(d: &mut Draft) {
    if d.core.ordinal {
        d.kind = Kind::Ordinal;
    } else if d.kind == Kind::Count && d.unit_kind == UnitKind::Duration && !d.core.year {
        d.kind = Kind::Duration;
        let days = d.up.head.map_or(1.0, |u| u.days);
        d.value = scale_interval(d.value, days);
    }
}

/// Step: is the figure a year? A decade ("1990s"), a span of two four-digit ends
/// with no noun ("entre 1163 y 1345", older years too), a plausible year after "in"
/// or "since" unless a plural noun follows ("a fire in 2012 killed 112 workers", but
/// "in 2012 cases"), or a bare 1900–2100 ([`is_year`]).
pub(super) fn is_year_figure(ctx: &Ctx, d: &Draft) -> bool {
    let toks = ctx.toks;
    let core = &d.core;
    let year_span = d.range_start.is_some()
        && d.kind == Kind::Count
        && !d.up.has_head()
        && core.plain_digits.as_ref().is_some_and(|p| p.len() == 4)
        && [d.value.lo, d.value.hi]
            .iter()
            .all(|b| b.is_some_and(|v| v.fract() == 0.0 && (1000.0..=2100.0).contains(&v)));
    let after_in = core.start > 0
        && matches!(
            toks[core.start - 1].lower.as_str(),
            "in" | "since" | "en" | "desde"
        )
        && d.qualifier.is_none()
        && !d.up.head_surface.ends_with('s')
        // "completed in 1889", "su fundación en 1819": older years after "in" too.
        && core.plain_digits.as_ref().is_some_and(|p| {
            p.len() == 4
                && p.parse::<f64>()
                    .is_ok_and(|v| (1500.0..=2100.0).contains(&v))
        });
    core.year
        || year_span
        || after_in
        || is_year(core, &d.up, d.qualifier, d.kind, d.range_start.is_some())
}

/// Step: "se situó en el 3,5 %, dos décimas menos": after a percentage, Spanish
/// counts a change in tenths of a point (elsewhere "décimas" may be of a second).
pub(super) fn tenths_of_a_point(ctx: &Ctx, d: &mut Draft, prev: &[(Figure, usize)]) {
    if d.kind == Kind::Count
        && d.up.unknown_head.as_deref() == Some("décima")
        && same_sentence_percent(ctx, d.start, prev)
    {
        d.kind = Kind::Percent;
        d.value = scale_interval(d.value, 0.1);
        d.up.unknown_head = None;
        d.up.head = LEXICON.unit("percentage point");
    }
}
