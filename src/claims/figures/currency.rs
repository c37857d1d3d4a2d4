//! Currency: which money a figure counts.
//!
//! Entry points, steps of `build`: [`sign_before`], the sign or code before a number
//! ("$", "€", "US$", "S/", "USD", read by [`currency_before`]), and [`left_unsaid`], a
//! scaled amount with no noun in a sentence about money (a currency it names,
//! `money_verbs` and `money_nouns` in `figures.toml`). [`money_key`] names the unit of
//! an ISO code.
//!
//! ```text
//! "US$ 5 millones"                                       → USD, starting at "US"
//! "$450.000 millones" in Spanish copy naming no dollar   → MXN (`dollar_words`)
//! ```

use crate::claims::tokens::{Tok, TokKind};
use crate::claims::types::{Figure, Kind};
use crate::claims::units::{LEXICON, UnitKind};

use super::Ctx;
use super::build::Draft;
use super::elided::people_unsaid;
use super::words::{WORDS, has};

/// Currency symbols and codes before a number: ISO code.
fn currency_before(toks: &[Tok], i: usize) -> Option<(String, usize)> {
    let p = toks.get(i.checked_sub(1)?)?;
    let code = |w: &str| match w {
        "usd" | "us" | "u.s." => Some("USD"),
        "mxn" | "mx" => Some("MXN"),
        "eur" => Some("EUR"),
        "gbp" => Some("GBP"),
        "rub" => Some("RUB"),
        "r" => Some("BRL"),
        _ => None,
    };
    let sym = match p.lower.as_str() {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "₽" => Some("RUB"),
        "¥" => Some("CNY"),
        "/" if i >= 2 && toks[i - 2].lower == "s" && toks[i - 2].end == p.start => Some("PEN"),
        w => {
            code(w).filter(|_| p.kind == TokKind::Word && !matches!(w, "us" | "u.s." | "mx" | "r"))
        }
    }?;
    let mut start = i - 1;
    let mut iso = sym.to_string();
    // "S/ 6.150": Peru's sol.
    if iso == "PEN" {
        start -= 1;
    }
    // "US$", "MX$", "R$".
    if p.lower == "$"
        && let Some(q) = start.checked_sub(1).map(|k| &toks[k])
        && q.end == p.start
        && let Some(c) = code(&q.lower)
    {
        iso = c.to_string();
        start -= 1;
    }
    Some((iso, start))
}

/// The one currency the sentence of token `start` names, from an amount before it or
/// a currency word anywhere in it.
fn sentence_currency(ctx: &Ctx, start: usize, prev: &[(Figure, usize)]) -> Option<String> {
    let s = ctx.tok_sentence[start];
    let mut codes: Vec<String> = prev
        .iter()
        .filter(|(f, e)| f.kind == Kind::Money && ctx.tok_sentence[e.saturating_sub(1)] == s)
        .filter_map(|(f, _)| f.currency.clone())
        .collect();
    let toks = ctx.sentence_toks(s);
    for k in 0..toks.len() {
        if let Some(c) = LEXICON
            .unit_at(toks, k)
            .filter(|m| m.entry.kind == UnitKind::Money)
            .and_then(|m| m.entry.currency.clone())
        {
            codes.push(c);
        }
    }
    codes.dedup();
    (codes.len() == 1).then(|| codes.remove(0))
}

/// Does the sentence of token `i` name the dollar ("dólares", "USD")?
fn names_dollars(ctx: &Ctx, i: usize) -> bool {
    ctx.sentence_toks(ctx.tok_sentence[i])
        .iter()
        .any(|t| has(&WORDS.currency.dollar_words, t.lower.as_str()))
}

/// The unit key of a currency code ("USD" → "dollar").
pub(super) fn money_key(code: Option<&str>) -> String {
    code.and_then(|c| LEXICON.money_key(c))
        .unwrap_or_default()
        .to_string()
}

/// Step: a currency sign or code before the number ("$5", "US$ 5", "EUR 125") makes
/// the figure money and starts its text. "$450.000 millones" in Latin American copy
/// is pesos, like the word "pesos"; dollars there are written "US$" or named.
pub(super) fn sign_before(ctx: &Ctx, d: &mut Draft) {
    let toks = ctx.toks;
    let currency_prefix = currency_before(toks, d.start)
        .filter(|_| !d.core.fraction)
        .map(|(code, s)| {
            if code == "USD" && ctx.lang == "es" && toks[s].lower == "$" && !names_dollars(ctx, s) {
                let peso = LEXICON.unit("peso").and_then(|u| u.currency.clone());
                (peso.unwrap_or(code), s)
            } else {
                (code, s)
            }
        });
    if let Some((code, s)) = currency_prefix {
        d.start = s;
        d.currency = Some(code);
    }
}

/// Step: a scaled amount with no noun is money when the sentence says so: after an
/// amount "of"/"for" something ("pagó 1 millón por Vardy ... una plantilla de 57
/// millones"), in a sentence that names one currency ("necesita 2.000 millones de
/// dólares ... más de 5.000 millones"), or after a verb of spending or a noun for an
/// amount ("paid 3 million", "un plan de 3.000 millones"). Not "left 8.5 million
/// without power", whose noun is people.
pub(super) fn left_unsaid(ctx: &Ctx, d: &mut Draft, prev: &[(Figure, usize)]) {
    let toks = ctx.toks;
    let start = d.start;
    let money_before = prev.last().is_some_and(|(f, e)| {
        f.kind == Kind::Money && ctx.tok_sentence[*e - 1] == ctx.tok_sentence[start]
    }) && start
        .checked_sub(1)
        .is_some_and(|k| matches!(toks[k].lower.as_str(), "de" | "of" | "por" | "for" | "at"));
    if d.kind == Kind::Count && !d.up.has_head() && d.core.scaled && money_before {
        d.kind = Kind::Money;
        d.currency = prev.last().and_then(|(f, _)| f.currency.clone());
    }
    if d.kind == Kind::Count
        && !d.up.has_head()
        && d.core.scaled
        && !people_unsaid(toks, start, d.end)
        && let Some(code) = sentence_currency(ctx, start, prev)
    {
        d.kind = Kind::Money;
        d.currency = Some(code);
    }
    if d.kind == Kind::Count
        && !d.up.has_head()
        && d.core.scaled
        && (start.saturating_sub(3)..start).any(|k| {
            has(&WORDS.currency.money_verbs, toks[k].lower.as_str())
                || has(&WORDS.currency.money_nouns, toks[k].lower.as_str())
        })
    {
        d.kind = Kind::Money;
    }
}
