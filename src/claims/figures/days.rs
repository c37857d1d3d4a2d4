//! Days: dates, and spans and lists of days in one month.
//!
//! Entry point: [`dates_at`], tried by [`extract`](super::extract) at each token
//! before any number: a span ([`day_span`]: "entre el 28 y el 30 de noviembre",
//! "between 3 and 6 February"), a day listed before a full date ([`paired_day`]: "los
//! días 17, 18, 24 y 25 de noviembre" gives each day its month), a street named by a
//! date (`street_nouns` in `figures.toml`: "la calle 5 de Mayo", skipped), then a date
//! from `claims::dates` and the later days of its month ("August 22 and 23").
//!
//! ```text
//! "entre el 28 y el 30 de noviembre" → a date interval [yyyy1128, yyyy1130]
//! ```

use crate::claims::dates;
use crate::claims::qualifiers;
use crate::claims::tokens::{Tok, TokKind};
use crate::claims::types::{Figure, Interval, Kind};
use crate::claims::units::LEXICON;

use super::words::{WORDS, has};
use super::{Ctx, plain_figure};

/// A bare day of the month at `i` (1–31, no noun after it): its value.
fn paired_day(toks: &[Tok], i: usize) -> Option<f64> {
    let day = day_number(toks, i)?;
    // "17, 18, 24 y 25 de noviembre": a comma goes on to the next day of a list.
    let listed = toks.get(i + 1).is_some_and(|c| c.is_punct(","))
        && day_number(toks, i + 2).is_some()
        && day_list_last(toks, i) > i + 2;
    // Before a date, the day must be joined to it: "22 y 23 de agosto".
    let joined = toks
        .get(i + 1)
        .is_some_and(|c| matches!(c.lower.as_str(), "and" | "or" | "&" | "y" | "o" | "e"));
    let after_joiner = i > 0
        && matches!(
            toks[i - 1].lower.as_str(),
            "and" | "or" | "&" | "y" | "o" | "e"
        );
    (joined || after_joiner || listed).then_some(day)
}

/// "on 3 March last year", "el 3 de marzo del año pasado": a date written without
/// its year falls in the year before the article's.
fn year_before(toks: &[Tok], d: &dates::DateMatch) -> bool {
    let explicit =
        (d.start..d.end).any(|k| toks[k].kind == TokKind::Num && toks[k].lower.len() == 4);
    let phrase = |p: &str| qualifiers::match_phrase(toks, d.end, p).is_some();
    !explicit && (phrase("last year") || phrase("del año pasado") || phrase("el año pasado"))
}

/// Moves a `yyyymmdd` interval by whole years.
fn shift_year(v: Interval, years: f64) -> Interval {
    let by = |b: Option<f64>| b.map(|x| x + years * 10_000.0);
    Interval {
        lo: by(v.lo),
        hi: by(v.hi),
        ..v
    }
}

/// "entre el 28 y el 30 de noviembre", "between 3 and 6 February": a span of days in
/// one month, as one date interval. Starts at the first day; (figure, end index).
fn day_span(ctx: &Ctx, i: usize) -> Option<(Figure, usize)> {
    let toks = ctx.toks;
    let article = |k: usize| definite(toks, k);
    let mut intro = i.checked_sub(1)?;
    if article(intro) {
        intro = intro.checked_sub(1)?;
    }
    let between = toks[intro].is("between") || toks[intro].is("entre");
    // "del 3 al 17 de julio", "from 3 to 17 July".
    let from = ["del", "desde", "from"].iter().any(|w| toks[intro].is(w));
    if !(between || from) {
        return None;
    }
    let first = day_number(toks, i)?;
    if !joins_span(toks.get(i + 1)?, between) {
        return None;
    }
    let k = i + 2 + usize::from(article(i + 2));
    day_number(toks, k)?;
    let d = dates::date_at(toks, k, ctx.year)?;
    let last = d.value.lo.filter(|_| d.value.is_exact())?;
    let lo = last - last % 100.0 + first;
    (lo < last).then(|| {
        let fig = plain_figure(ctx, intro, d.end, Interval::closed(lo, last), Kind::Date);
        (fig, d.end)
    })
}

/// After a date of one day, "to"/"through"/"-" and a later full date ("July 17",
/// "el 12 de mayo"), or, after a date ending in its day ("April 12"), a later day of
/// the same month ("18"): the span's last day and the index after it. After
/// "between"/"entre", the joiner is "and"/"y" ("entre el 24 de abril y el 12 de mayo").
fn span_end(ctx: &Ctx, d: &dates::DateMatch) -> Option<(f64, usize)> {
    let toks = ctx.toks;
    let v = d
        .value
        .lo
        .filter(|v| d.value.is_exact() && v % 100.0 != 0.0)?;
    let article = |k: usize| definite(toks, k);
    let before = d
        .start
        .checked_sub(1 + usize::from(d.start > 0 && article(d.start - 1)));
    let between = before.is_some_and(|b| toks[b].is("between") || toks[b].is("entre"));
    if !joins_span(toks.get(d.end)?, between) {
        return None;
    }
    let k = d.end + 1 + usize::from(article(d.end + 1));
    let ends_in_day = toks[d.end - 1].kind == TokKind::Num && toks[d.end - 1].lower.len() <= 2;
    let (hi, end) = match dates::date_at(toks, k, ctx.year) {
        // "del 15 de noviembre al 8 de marzo": an end with no year of its own before
        // the start falls in the next year.
        Some(e) => {
            let hi = e.value.lo.filter(|_| e.value.is_exact())?;
            let own_year =
                (e.start..e.end).any(|j| toks[j].kind == TokKind::Num && toks[j].lower.len() == 4);
            let next_year = !own_year && hi < v && hi + 10_000.0 > v;
            (if next_year { hi + 10_000.0 } else { hi }, e.end)
        }
        // A bare day ends the span only where no noun follows ("to 18 among").
        None if ends_in_day && k == d.end + 1 => (v - v % 100.0 + day_number(toks, k)?, k + 1),
        None => return None,
    };
    (hi > v && hi - v < 10_000.0).then_some((hi, end))
}

/// "el", "the" at `k`: the article a day may take in a span ("entre el 28 y el 30").
fn definite(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|a| a.is("el") || a.is("the"))
}

/// Does `sep` join the two ends of a span of days: "and"/"y" after "between"/"entre",
/// else "to", "through", "al", "a", "hasta" or a dash?
fn joins_span(sep: &Tok, between: bool) -> bool {
    if between {
        return sep.is("and") || sep.is("y");
    }
    ["to", "through", "until", "al", "a", "hasta"]
        .iter()
        .any(|w| sep.is(w))
        || sep.is_punct("-–")
}

/// A day of the month written alone, not counting a noun after it.
fn day_number(toks: &[Tok], i: usize) -> Option<f64> {
    let t = toks.get(i).filter(|t| t.kind == TokKind::Num)?;
    let day = t
        .lower
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    LEXICON
        .unit_at(toks, i + 1)
        .is_none()
        .then_some(f64::from(day))
}

/// The last day of a list of days starting at `i` ("17, 18, 24 y 25"): its index.
fn day_list_last(toks: &[Tok], i: usize) -> usize {
    let mut k = i;
    while toks.get(k + 1).is_some_and(|c| c.is_punct(",")) && day_number(toks, k + 2).is_some() {
        k += 2;
    }
    if toks
        .get(k + 1)
        .is_some_and(|c| matches!(c.lower.as_str(), "and" | "or" | "&" | "y" | "o" | "e"))
        && day_number(toks, k + 2).is_some()
    {
        k += 2;
    }
    k
}

/// At token `i`, a date, or a span or list of days: pushes its figures and returns
/// the token to resume at. A street named by a date ("la calle 5 de Mayo") is skipped.
pub(super) fn dates_at(ctx: &Ctx, i: usize, figs: &mut Vec<(Figure, usize)>) -> Option<usize> {
    // "entre el 28 y el 30 de noviembre", "between 3 and 6 February": one span.
    if let Some((fig, end)) = day_span(ctx, i) {
        figs.push((fig, end));
        return Some(end);
    }
    // "los días 22 y 23 de agosto", "los días 17, 18, 24 y 25 de noviembre": a
    // day before a full date shares its month.
    if let Some(day) = paired_day(ctx.toks, i)
        && let last = day_list_last(ctx.toks, i)
        && last > i
        && let Some(d) = dates::date_at(ctx.toks, last, ctx.year)
        && let Some(v) = d.value.lo.filter(|_| d.value.is_exact())
    {
        let value = Interval::exact(v - v % 100.0 + day);
        figs.push((plain_figure(ctx, i, i + 1, value, Kind::Date), i + 1));
        return Some(i + 1);
    }
    // "la calle 5 de Mayo", "Avenida 16 de Septiembre": a street named by a date.
    let street = i > 0 && has(&WORDS.days.street_nouns, ctx.toks[i - 1].lower.as_str());
    if street && ctx.toks[i].kind == TokKind::Num {
        return Some(dates::date_at(ctx.toks, i, ctx.year).map_or(i + 1, |d| d.end));
    }
    let mut d = dates::date_at(ctx.toks, i, ctx.year)
        .or_else(|| dates::bare_month(ctx.toks, i, ctx.year))?;
    // Only with a year known from the article (dates are `yyyymmdd`).
    if year_before(ctx.toks, &d) && d.value.lo.is_some_and(|v| v >= 1e7) {
        d.value = shift_year(d.value, -1.0);
    }
    // "April 12 to 18", "July 3 to July 17", "12-18 April" is `day_span`'s: a span.
    if let Some((hi, end)) = span_end(ctx, &d) {
        let lo = d.value.lo.unwrap_or(hi);
        let fig = plain_figure(ctx, d.start, end, Interval::closed(lo, hi), Kind::Date);
        figs.push((fig, end));
        return Some(end);
    }
    let fig = plain_figure(ctx, d.start, d.end, d.value, Kind::Date);
    figs.push((fig, d.end));
    let mut i = d.end;
    // "on August 22 and 23", "August 22, 23 and 24": later days of the same month.
    while let Some(v) = d.value.lo.filter(|_| d.value.is_exact())
        && ctx.toks[i - 1].kind == TokKind::Num
        && ctx.toks.get(i).is_some_and(|c| {
            c.is_punct(",") || matches!(c.lower.as_str(), "and" | "or" | "&" | "y" | "o")
        })
        && let Some(day) = paired_day(ctx.toks, i + 1)
    {
        let value = Interval::exact(v - v % 100.0 + day);
        let fig = plain_figure(ctx, i + 1, i + 2, value, Kind::Date);
        figs.push((fig, i + 2));
        i += 2;
    }
    Some(i)
}
