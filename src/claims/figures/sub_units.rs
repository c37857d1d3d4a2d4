//! Sub-units: cents, pence, céntimos.
//!
//! Entry point, a step of `build`: [`read`]. An amount in a sub-unit keeps its value
//! as written ("50 cents" is 50 cent; compared as 0.50 of the main unit, see
//! `units::in_compared_unit`), in the one currency the sentence names ("12 centavos
//! de dólar"), else in the sub-unit's own (`subunit` and `currency` in `units.toml`). A main amount followed by a small whole number is one sum: with the
//! sub-unit named ("3 dollars 50 cents", "trece euros y cuarenta y cinco céntimos"),
//! or after a currency noun or code, at the end of its clause or right after it
//! ("15 dollars and 15.", "17 USD 25", "15 dolares 50 puedes"), never before a noun it
//! counts ("5 dollars and 20 people").
//!
//! ```text
//! "470 pence a share"            → 470 GBP pence, unit penny
//! "it only cost 3 dollars 50 cents" → 3.50 USD, unit dollar
//! ```

use crate::claims::tokens::TokKind;
use crate::claims::types::{Figure, Interval, Kind};
use crate::claims::units::{LEXICON, UnitKind};

use super::Ctx;
use super::build::Draft;
use super::currency::{is_code, sentence_currencies};
use super::number::{Scan, scan_core};
use super::scale::scale_at;

/// Words that join a main amount to its sub-unit amount.
const LINKS: &[&str] = &["and", "y", "con"];

/// Step: a sub-unit amount as a share of its currency, or summed onto the amount
/// before it.
pub(super) fn read(ctx: &Ctx, d: &mut Draft, prev: &[(Figure, usize)]) {
    if d.kind != Kind::Money {
        return;
    }
    if let Some(u) = d.up.head.filter(|u| u.subunit > 0.0) {
        let mut codes = sentence_currencies(ctx, d.start, prev);
        d.currency = if codes.len() == 1 {
            codes.pop()
        } else {
            u.currency.clone()
        };
        return;
    }
    summed(ctx, d);
}

/// "3 dollars 50 cents", "15 dolares y 15", "17 USD 25": the amount and its cents.
fn summed(ctx: &Ctx, d: &mut Draft) {
    let toks = ctx.toks;
    let Some(v) = d
        .value
        .lo
        .filter(|v| d.value.is_exact() && v.fract() == 0.0 && *v >= 0.0 && !d.core.scaled)
    else {
        return;
    };
    let end = d.fig_end();
    // The main unit is written right before: a currency noun or a code.
    let written = !d.up.borrowed
        && d.up
            .head
            .is_some_and(|u| u.kind == UnitKind::Money && u.subunit == 0.0)
        || end > 0 && is_code(ctx, end - 1);
    let linked = toks
        .get(end)
        .is_some_and(|t| LINKS.contains(&t.lower.as_str()));
    let k = end + usize::from(linked);
    if ctx.tok_sentence.get(k) != ctx.tok_sentence.get(d.start) {
        return;
    }
    let Scan::Core(c) = scan_core(ctx, k) else {
        return;
    };
    let Some(n) = c.value.lo.filter(|n| {
        c.value.is_exact()
            && n.fract() == 0.0
            && (1.0..=99.0).contains(n)
            && !(c.scaled || c.ordinal || c.fraction || c.multiple || c.vague || c.approx)
    }) else {
        return;
    };
    let sub = LEXICON
        .unit_at(toks, c.end)
        .filter(|m| m.entry.kind == UnitKind::Money && m.entry.subunit > 0.0);
    let (share, last) = match sub {
        Some(m) => (m.entry.subunit, m.end),
        None if written && clause_ends(ctx, c.end, linked) => (0.01, c.end),
        None => return,
    };
    d.value = Interval::exact(v + n * share);
    d.tail = last;
}

/// Nothing counted follows the cents at `k`: the clause ends, another "and" follows,
/// or (with no "and" before) a word that is no unit nor describes one ("15 USD 50
/// more").
fn clause_ends(ctx: &Ctx, k: usize, linked: bool) -> bool {
    let toks = ctx.toks;
    let Some(t) = toks.get(k) else {
        return true;
    };
    if ctx.tok_sentence[k] != ctx.tok_sentence[k - 1] {
        return true;
    }
    match t.kind {
        TokKind::Punct => !t.is_punct("%-/"),
        TokKind::Num => false,
        TokKind::Word => {
            LINKS.contains(&t.lower.as_str())
                || !linked
                    && LEXICON.unit_at(toks, k).is_none()
                    // "50 more" is more money; "20 new cars" counts cars.
                    && LEXICON
                        .modifier_at(toks, k)
                        .is_none_or(|m| LEXICON.unit_at(toks, m.end).is_none())
                    && scale_at(toks, k, t.start == toks[k - 1].end).is_none()
                    && !matches!(t.lower.as_str(), "of" | "de" | "del")
        }
    }
}
