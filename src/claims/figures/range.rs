//! Ranges: a second number joined to a core.
//!
//! Entry points: [`join_bounds`], after each figure, joins a lower and an upper
//! bound ("more than 10 and less than 40"), and [`join_months`] two whole months into one
//! span ("between January and March"); [`extend_range`], the first step of `build`: "30-40", "30 to 40",
//! "between 30 and 40", "entre el 2 % y el 2,5 %", "£35 to £65"; not a score after a
//! result verb ("ganó 1-2") or a change ("rose from 5.1 to 5.6"). [`in_dash_pair`] and
//! [`score_second`] tell a score "N-M" apart.
//!
//! ```text
//! "between 1 and 2 million dollars" → [1,000,000, 2,000,000], starting at "between"
//! ```

use crate::claims::qualifiers;
use crate::claims::tokens::{Tok, TokKind};
use crate::claims::types::{Figure, Interval, Kind};
use crate::claims::units::{LEXICON, UnitKind};

use super::Ctx;
use super::number::{Core, Scan, scan_core};
use super::scale::scale_at;
use super::words::{WORDS, has};

/// A range after the core: "30-40", "30 to 40", "between 30 and 40", "entre 30 y 40",
/// "de 30 a 40". Returns (value, end, start of "between"/"entre" if any).
pub(super) fn extend_range(ctx: &Ctx, core: &Core) -> (Interval, usize, Option<usize>) {
    // A range stays inside its sentence ("-12.99" and "-5.44%" in two table cells).
    let s = ctx.tok_sentence[core.start];
    let toks = &ctx.toks[..ctx.tok_sentence.partition_point(|&x| x <= s)];
    let plain = (core.value, core.end, None);
    if core.vague || core.fraction || !core.value.is_exact() {
        return plain;
    }
    let article = |k: usize| {
        toks.get(k).is_some_and(|t| {
            matches!(t.lower.as_str(), "el" | "la" | "los" | "las") || core.ordinal && t.is("the")
        })
    };
    // "entre el 2 % y el 2,5 %": an article may stand before each number, and
    // "between $5,000 and $40,000" a currency sign.
    let sign = core.start > 0 && toks[core.start - 1].is_punct("£$€¥");
    let back = if core.start > 0 && article(core.start - 1) {
        2
    } else {
        1
    } + usize::from(sign);
    let intro = core.start.checked_sub(back);
    let before = intro.map(|k| toks[k].lower.as_str());
    let between = matches!(before, Some("between" | "entre" | "from" | "de" | "desde"));
    // Ordinals make a range only between two ranks: "between the tenth and the
    // fifteenth", "entre quinta y vigésima".
    if core.ordinal && !matches!(before, Some("between" | "entre")) {
        return plain;
    }
    // "rose from 5.1 to 5.6": after a verb of change, a before and an after.
    let changed = matches!(before, Some("from" | "de" | "desde"))
        && (core.start.saturating_sub(4)..core.start - 1)
            .any(|k| qualifiers::is_change_verb(&toks[k]));
    // "raised rates by 0.25 to 5.25%", "rises by another £85 to £1,849", "fell
    // 34,000 to 444,000": the change and the level reached, once "to" follows (not
    // "cut emissions by 50%-52%", a range of the change).
    // Closures: looked up only when "to" follows, not at every number.
    let by_change = || {
        (core.start.saturating_sub(3)..core.start).any(|k| toks[k].is("by"))
            && (core.start.saturating_sub(6)..core.start)
                .any(|k| qualifiers::is_change_verb(&toks[k]))
    };
    let verb_change = || intro.is_some_and(|k| qualifiers::is_change_verb(&toks[k]));
    if changed {
        return plain;
    }
    // "between 2% and 2.5%": a percent sign on each number.
    let percent = toks.get(core.end).is_some_and(|t| t.is_punct("%"));
    let mut at = core.end + usize::from(percent);
    // "between 44 mg and 50 mg": a unit on each number, the same one.
    let first_unit = LEXICON
        .unit_at(toks, at)
        .filter(|u| between && !percent && u.entry.kind != UnitKind::Money)
        .filter(|u| {
            toks.get(u.end)
                .is_some_and(|t| t.is("and") || t.is("y") || t.is("to") || t.is("a"))
        });
    if let Some(u) = &first_unit {
        at = u.end;
    }
    // "8- to 16-meter": a hyphen hangs on the first number of a compound adjective.
    if toks
        .get(at)
        .is_some_and(|h| h.is_punct("-") && h.start == toks[at - 1].end)
        && toks.get(at + 1).is_some_and(|t| t.is("to"))
    {
        at += 1;
    }
    let Some(sep) = toks.get(at) else {
        return plain;
    };
    // "30-40", "1000 - 5000", "1000 – 5000": spaced or not, a dash between numbers.
    let dash = !percent && sep.is_punct("-–—");
    // "5.25%-5.5%": a dash glued on both sides joins two percentages.
    let percent_dash = percent
        && sep.is_punct("-–—")
        && sep.start == toks[at - 1].end
        && toks.get(at + 1).is_some_and(|n| n.start == sep.end);
    let dash = dash || percent_dash;
    // "ganó 1-2 en Valladolid", "6-7, 6-4, 6-4": a score after a result verb, or in a
    // list of set scores, is two counts even when it rises.
    let sentence_from = ctx.sentence_first_tok(s, core.start);
    let result = (core.start.saturating_sub(6).max(sentence_from)..core.start)
        .any(|k| has(&WORDS.traps.result_verbs, toks[k].lower.as_str()));
    let set_list = |k: usize| in_dash_pair(toks, k);
    let listed = toks.get(core.end + 2).is_some_and(|c| c.is_punct(",")) && set_list(core.end + 3)
        || core.start >= 2
            && toks[core.start - 1].is_punct(",")
            && set_list(core.start.saturating_sub(4));
    let dash = dash && !(result || listed) || percent_dash;
    // "between 30 and 40", "entre 30 y 40", "from 30 to 40", "de 30 a 40"; not "los
    // terremotos de 1985 y 2017", two years.
    let and_between = matches!(before, Some("between" | "entre"));
    let word = (and_between && (sep.is("and") || sep.is("y")))
        || (between && (sep.is("to") || sep.is("a") || sep.is("hasta")))
        || sep.is("to")
        // "20 through 100", "20~100".
        || sep.is("through")
        || sep.is("thru")
        || sep.is_punct("~");
    let to = sep.is("to") || sep.is("a") || sep.is("hasta");
    if to && (by_change() || verb_change()) {
        return plain;
    }
    // "a range of 4.25% to 4.50%": a percentage range needs "between"/"from", a glued
    // dash, or "to" after "range of"/"rango de".
    let range_of = core.start >= 2
        && toks[core.start - 1].is("of") | toks[core.start - 1].is("de")
        && matches!(
            toks[core.start - 2].lower.as_str(),
            "range" | "band" | "rango" | "banda"
        );
    let percent_range = !percent || between || percent_dash || range_of && to;
    if !(dash || word) || !percent_range {
        return plain;
    }
    let mut k = at + 1 + usize::from(between && article(at + 1));
    // "£35 to £65": the currency repeated before the second number.
    if toks.get(k).is_some_and(|c| c.is_punct("£$€¥"))
        && core.start > 0
        && toks[core.start - 1].is_punct("£$€¥")
        && toks.get(k + 1).is_some_and(|n| n.start == toks[k].end)
    {
        k += 1;
    }
    let Scan::Core(second) = scan_core(ctx, k) else {
        return plain;
    };
    if second.ordinal != core.ordinal || second.vague || second.bare_one || !second.value.is_exact()
    {
        return plain;
    }
    // "between the first and second rounds": two events, each ranked; a range of
    // ranks names no noun after the second ("ranks between tenth and fifteenth").
    if core.ordinal
        && toks.get(second.end).is_some_and(|n| {
            n.kind == TokKind::Word
                && !["in", "of", "on", "at", "en", "de", "del"].contains(&n.lower.as_str())
        })
    {
        return plain;
    }
    if percent && !toks.get(second.end).is_some_and(|t| t.is_punct("%")) {
        return plain;
    }
    if let Some(u) = &first_unit
        && LEXICON
            .unit_at(toks, second.end)
            .is_none_or(|v| v.entry.key != u.entry.key)
    {
        return plain;
    }
    let (mut lo, hi) = (core.value.lo.unwrap_or(0.0), second.value.hi.unwrap_or(0.0));
    // "between 1 and 2 million": the scale of the second applies to the first. So
    // it does to "entre 10.000 y 11.000 millones", where the first is below the
    // number written before the second's last scale word; not to "from 2,000 to 3
    // million".
    if second.scaled && !core.scaled {
        if lo < 1e3 {
            lo *= 10f64.powi((hi.log10().floor() as i32 / 3) * 3);
        } else if let Some(last) = scale_at(toks, second.end - 1, false)
            && lo < hi / last
        {
            lo *= last;
        }
    }
    if lo >= hi || lo.is_nan() || hi.is_nan() {
        return plain;
    }
    let start = intro.filter(|_| between);
    let mut value = Interval::closed(lo, hi);
    if core.plain_digits.is_none() {
        value.lo = Some(lo);
    }
    (value, second.end, start)
}

/// Does a pair "N-M" of glued numbers start at token `i`?
pub(super) fn in_dash_pair(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.kind == TokKind::Num)
        && toks
            .get(i + 1)
            .is_some_and(|d| d.is_punct("-–") && d.start == toks[i].end)
        && toks
            .get(i + 2)
            .is_some_and(|n| n.kind == TokKind::Num && n.start == toks[i + 1].end)
}

/// Is the number at `i` the second of a score "N-M" with M <= N?
pub(super) fn score_second(toks: &[Tok], i: usize, value: Interval) -> bool {
    let Some(d) = i.checked_sub(1) else {
        return false;
    };
    let glued = toks[d].is_punct("-–") && toks[d].end == toks[i].start;
    glued
        && d >= 1
        && toks[d - 1].end == toks[d].start
        && toks[d - 1].kind == TokKind::Num
        && toks[d - 1]
            .lower
            .parse::<f64>()
            .is_ok_and(|first| value.hi.is_some_and(|v| v <= first))
}

/// Step after a figure is read: a lower bound and an upper bound of one quantity,
/// joined by "and"/"but"/"y"/"pero" or a comma, are one interval: "more than 10 and
/// less than 40" is (10, 40), "como máximo 100 y como mínimo 20" [20, 100]. Only when
/// the first names no noun of its own (else "more than 100 people died and at least 20
/// were hurt" would join) and the bounds leave room between them.
pub(super) fn join_bounds(ctx: &Ctx, figs: &mut Vec<(Figure, usize)>) {
    let n = figs.len();
    if n < 2 {
        return;
    }
    let (a, b) = (&figs[n - 2].0, &figs[n - 1].0);
    let Some(between) = ctx.text.get(a.span[1]..b.span[0]).map(str::trim) else {
        return;
    };
    let word = between.trim_start_matches(',').trim();
    let joined = matches!(word, "and" | "but" | "y" | "e" | "pero") || between == ",";
    let lower = |f: &Figure| f.value.lo.is_some() && f.value.hi.is_none();
    let upper = |f: &Figure| {
        f.value.hi.is_some() && f.value.lo.is_none_or(|l| l == 0.0) && !f.value.is_exact()
    };
    let same = a.kind == b.kind
        && a.unit.is_empty()
        && (a.unit_key == b.unit_key || a.unit_key.is_empty())
        && a.sentence == b.sentence;
    if !joined || !same {
        return;
    }
    let (lo, hi) = if lower(a) && upper(b) {
        (a, b)
    } else if upper(a) && lower(b) {
        (b, a)
    } else {
        return;
    };
    let value = Interval {
        lo: lo.value.lo,
        lo_strict: lo.value.lo_strict,
        hi: hi.value.hi,
        hi_strict: hi.value.hi_strict,
    };
    if value.lo >= value.hi {
        return;
    }
    let span = [a.span[0], b.span[1]];
    let mut merged = b.clone();
    merged.value = value;
    merged.span = span;
    merged.text = ctx.text[span[0]..span[1]].to_string();
    let end = figs[n - 1].1;
    figs.truncate(n - 2);
    figs.push((merged, end));
}

/// Step after a date is read: two whole months set out as a span ("between January
/// and March", "from April to June", "entre enero y marzo", "de abril a junio") are one
/// date interval, the first day of one to the last of the other. Two days ("between
/// January 1 and June 14") stay two dates.
pub(super) fn join_months(ctx: &Ctx, figs: &mut Vec<(Figure, usize)>) {
    let n = figs.len();
    if n < 2 {
        return;
    }
    let (a, b) = (&figs[n - 2].0, &figs[n - 1].0);
    let whole_month = |f: &Figure| {
        f.kind == Kind::Date
            && matches!((f.value.lo, f.value.hi), (Some(lo), Some(hi))
                if lo % 100.0 == 1.0 && (lo / 100.0).floor() == (hi / 100.0).floor() && hi - lo >= 27.0)
    };
    // "between October and December 2024": a first month written without its year
    // is in the year of the last.
    let year = |v: Option<f64>| v.map_or(0.0, |v| (v / 10_000.0).floor());
    let mut a_lo = a.value.lo;
    if year(a.value.lo) != year(b.value.lo) && !a.text.chars().any(|c| c.is_ascii_digit()) {
        a_lo = a_lo.map(|v| v + (year(b.value.lo) - year(a.value.lo)) * 10_000.0);
    }
    if !whole_month(a) || !whole_month(b) || a_lo >= b.value.lo || a.sentence != b.sentence {
        return;
    }
    let between = ctx.text.get(a.span[1]..b.span[0]).map_or("", str::trim);
    let before = ctx.text[..a.span[0]]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    let span_words = matches!(
        (before.as_str(), between),
        ("between" | "entre", "and" | "y" | "e")
            | (
                "from" | "de" | "desde",
                "to" | "through" | "until" | "a" | "al" | "hasta"
            )
    );
    if !span_words {
        return;
    }
    let span = [a.span[0], b.span[1]];
    let mut merged = a.clone();
    merged.value = Interval::closed(a_lo.unwrap_or(0.0), b.value.hi.unwrap_or(0.0));
    merged.span = span;
    merged.text = ctx.text[span[0]..span[1]].to_string();
    let end = figs[n - 1].1;
    figs.truncate(n - 2);
    figs.push((merged, end));
}
