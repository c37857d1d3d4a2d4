//! Currency: which money a figure counts.
//!
//! Entry points, steps of `build`: [`sign_before`] and [`sign_after`], a currency sign
//! or code on either side of the number, glued or spaced ("$5", "US$ 5", "EUR 125",
//! "10 €", "115USD", "75 USD millones", "30 MUSD"); [`code_after`], a code after the
//! number that is the next amount's sign; [`weight_or_money`], English "pounds" as
//! sterling; and [`left_unsaid`], a scaled amount with no noun in a
//! sentence about money (a currency it names, `money_verbs` and `money_nouns` in
//! `figures.toml`). [`money_key`] names the unit of an ISO code; [`is_code`] tells the
//! traps a word glued to digits is a currency code. Signs and codes are data: the
//! `codes` and `symbols` of the money units in `units.toml`; a sign several
//! currencies share ("$", "¥") is settled by `shared_sign`.
//!
//! ```text
//! "US$ 5 millones"             → USD, starting at "US"
//! "75 USD millones"            → 75,000,000 USD
//! "$450.000 millones en Rosario" → MXN, the peso (a peso country's place)
//! ```

use crate::claims::lang::is_function_word;
use crate::claims::tokens::{Tok, TokKind};
use crate::claims::types::{Figure, Kind};
use crate::claims::units::{LEXICON, Unit, UnitKind};

use super::Ctx;
use super::build::Draft;
use super::elided::people_unsaid;
use super::scale::scale_at;
use super::shared_sign;
use super::words::{WORDS, has};

/// A currency sign or code read beside a number.
struct Sign {
    /// The currency it names.
    unit: &'static Unit,
    /// Its token range.
    start: usize,
    end: usize,
    /// A multiple written into the code: "MUSD" is millions of dollars.
    factor: f64,
}

/// "MUSD", "MEUR": a capital M before a code writes millions (finance shorthand).
fn millions_code(ctx: &Ctx, t: &Tok) -> Option<&'static Unit> {
    let raw = &ctx.text[t.start..t.end];
    let code = raw.strip_prefix('M')?;
    (code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()))
        .then(|| LEXICON.money_code(code))
        .flatten()
}

/// Is token `k` a currency code ("USD", "MUSD")? The traps let digits glued to one
/// stand ("USD115", "115USD") and let one follow a number ("30 MUSD" is no model).
pub(super) fn is_code(ctx: &Ctx, k: usize) -> bool {
    ctx.toks.get(k).is_some_and(|t| {
        t.kind == TokKind::Word
            && (LEXICON.money_code(&t.lower).is_some() || millions_code(ctx, t).is_some())
    })
}

/// The sign written by tokens `a..b`, if they make one: a symbol ("€", "C$", "U$D",
/// "S/"), a code ("USD", "MUSD") or a code with a dollar sign ("MXN$"). The tokens
/// of a sign are glued, but for a spaced prefix before "$" ("c $ 16.4 million").
fn sign_in(ctx: &Ctx, a: usize, b: usize) -> Option<Sign> {
    let toks = ctx.toks.get(a..b)?;
    if toks.iter().any(|t| t.kind == TokKind::Num) {
        return None;
    }
    let glued = toks.windows(2).all(|w| w[0].end == w[1].start);
    // Not an article before the sign: "a $400 million package" is no A$.
    let prefix = toks.len() == 2
        && toks[0].kind == TokKind::Word
        && !is_function_word(&toks[0].lower)
        && toks[1].lower == "$";
    if !glued && !prefix {
        return None;
    }
    let joined: String = toks.iter().map(|t| t.lower.as_str()).collect();
    let sign = |unit: &'static Unit, factor: f64| Sign {
        unit,
        start: a,
        end: b,
        factor,
    };
    let shared = LEXICON.money_symbol(&joined);
    if let Some(&first) = shared.first() {
        let unit = if shared.len() > 1 {
            shared_sign::resolve(ctx, a, &joined, &shared)
        } else {
            first
        };
        return Some(sign(unit, 1.0));
    }
    match toks {
        [t] if t.kind == TokKind::Word => LEXICON
            .money_code(&t.lower)
            .map(|u| sign(u, 1.0))
            .or_else(|| millions_code(ctx, t).map(|u| sign(u, 1e6))),
        [t, d] if glued && d.lower == "$" => LEXICON.money_code(&t.lower).map(|u| sign(u, 1.0)),
        _ => None,
    }
}

/// The longest sign ending right before token `i`, not reaching back to `floor`.
fn sign_ending_at(ctx: &Ctx, i: usize, floor: usize) -> Option<Sign> {
    (1..=3)
        .rev()
        .filter_map(|n| i.checked_sub(n).filter(|&a| a >= floor))
        .find_map(|a| sign_in(ctx, a, i))
}

/// The longest sign starting at token `j`.
fn sign_starting_at(ctx: &Ctx, j: usize) -> Option<Sign> {
    (1..=3).rev().find_map(|n| sign_in(ctx, j, j + n))
}

/// The unit key of a currency code ("USD" → "dollar").
pub(super) fn money_key(code: Option<&str>) -> String {
    code.and_then(|c| LEXICON.money_key(c))
        .unwrap_or_default()
        .to_string()
}

/// Step: a currency sign or code before the number ("$5", "US$ 5", "EUR 125",
/// "USD115") makes the figure money and starts its text; a sign the figure before
/// ended with is not this one's ("10 rmb 20 usd").
pub(super) fn sign_before(ctx: &Ctx, d: &mut Draft, prev: &[(Figure, usize)]) {
    if d.core.fraction {
        return;
    }
    let floor = prev.last().map_or(0, |(_, end)| *end);
    if let Some(s) = sign_ending_at(ctx, d.start, floor) {
        d.start = s.start;
        d.currency = s.unit.currency.clone();
        scale_value(d, s.factor);
        return;
    }
    // "R14.8 million", "R2.2 billion": the rand's capital R, glued to an amount in
    // millions or more (a bare "R2" names a road or a model).
    let toks = ctx.toks;
    if d.core.scaled
        && d.start > floor
        && toks[d.start - 1].lower == "r"
        && toks[d.start - 1].cap
        && toks[d.start - 1].end == toks[d.start].start
        && let Some(rand) = LEXICON.money_code("zar")
    {
        d.start -= 1;
        d.currency = rand.currency.clone();
    }
}

/// Step: a sign or code after the number ("10 €", "115USD", "20 MXN$", "50 million
/// USD"), then a scale word after it ("75 USD millones"). Not when a sign came before
/// ("rmb 10 usd 20"), nor a code glued to the next number ("3 USD50 cards").
pub(super) fn sign_after(ctx: &Ctx, d: &mut Draft) {
    if d.currency.is_some() || d.core.fraction || d.core.ordinal {
        return;
    }
    let toks = ctx.toks;
    let Some(s) = sign_starting_at(ctx, d.end) else {
        return;
    };
    let glued_on = |k: usize| toks.get(k).is_some_and(|n| n.start == toks[k - 1].end);
    if glued_on(s.end) && toks[s.end].kind == TokKind::Num && !glued_on(s.start) {
        return;
    }
    d.currency = s.unit.currency.clone();
    d.end = s.end;
    scale_value(d, s.factor);
    if let Some(m) = scale_at(toks, d.end, glued_on(d.end)) {
        scale_value(d, m);
        d.end += 1;
    }
    // "10 $ 30 cent": a sub-unit's sign makes its value a share ("50¢" is $0.50).
    if s.unit.subunit > 0.0 {
        scale_value(d, s.unit.subunit);
    }
}

/// Multiplies the draft's value, which is then no year nor a thousands reading.
fn scale_value(d: &mut Draft, f: f64) {
    if f == 1.0 {
        return;
    }
    d.value = super::kind::scale_interval(d.value, f);
    d.core.plain_digits = None;
    d.core.thousands = None;
    d.core.scaled |= f > 1.0;
}

/// Step: a code read as the unit noun is the next amount's sign when this one has a
/// sign already ("rmb 10 usd 20") or a number is glued to it ("3 USD50 cards").
pub(super) fn code_after(ctx: &Ctx, d: &mut Draft) {
    let toks = ctx.toks;
    let k = d.up.start;
    let next_glued = toks
        .get(k + 1)
        .is_some_and(|n| n.kind == TokKind::Num && n.start == toks[k].end);
    if d.up.head.is_some() && is_code(ctx, k) && (d.currency.is_some() || next_glued) {
        d.up = super::unit_phrase::UnitPhrase {
            start: d.end,
            end: d.end,
            ..Default::default()
        };
    }
}

/// Step: English "pounds" (and Spanish "libras") is a weight ("lost 40 pounds")
/// unless the amount is in millions or follows a word for money ("profit ... 361
/// million pounds", "paid 50 pounds"); then it is sterling. Not "2 million pounds of
/// beef".
pub(super) fn weight_or_money(ctx: &Ctx, d: &mut Draft) {
    let toks = ctx.toks;
    let pounds =
        d.up.head.is_none() && d.up.unknown_head.as_deref() == Some("pound") && ctx.lang == "en";
    let of_something = toks.get(d.up.end).is_some_and(|t| t.is("of"));
    let money_word = (d.start.saturating_sub(4)..d.start).any(|k| money_word(&toks[k]));
    if pounds && !of_something && (d.core.scaled || money_word) {
        d.up.head = LEXICON.unit("pound");
        d.up.unknown_head = None;
    }
    // Spanish "libras" alone is a weight too ("bajó 25 libras"), unless no sign, and
    // the amount in millions or after a word for money ("pagó 50 libras").
    let libras = ctx.lang == "es"
        && d.up.head.is_some_and(|u| u.key == "pound")
        && d.up.end == d.up.start + 1
        && matches!(toks[d.up.start].lower.as_str(), "libra" | "libras")
        && !(d.start..d.core.start).any(|k| toks[k].is_punct("£"));
    if libras && !(d.core.scaled || money_word) {
        d.up.head = None;
        d.up.unknown_head = Some("pound".to_string());
        d.currency = None;
    }
}

fn money_word(t: &Tok) -> bool {
    has(&WORDS.currency.money_verbs, t.lower.as_str())
        || has(&WORDS.currency.money_nouns, t.lower.as_str())
}

/// The main currencies (no sub-unit) the sentence of token `start` names: amounts
/// read before it and currency nouns and codes anywhere in it.
pub(super) fn sentence_currencies(
    ctx: &Ctx,
    start: usize,
    prev: &[(Figure, usize)],
) -> Vec<String> {
    let s = ctx.tok_sentence[start];
    let mut codes: Vec<String> = prev
        .iter()
        .filter(|(f, e)| f.kind == Kind::Money && ctx.tok_sentence[e.saturating_sub(1)] == s)
        .filter(|(f, _)| LEXICON.unit(&f.unit_key).is_none_or(|u| u.subunit == 0.0))
        .filter_map(|(f, _)| f.currency.clone())
        .collect();
    let toks = ctx.sentence_toks(s);
    for k in 0..toks.len() {
        if let Some(c) = LEXICON
            .unit_at(toks, k)
            .filter(|m| m.entry.kind == UnitKind::Money && m.entry.subunit == 0.0)
            .and_then(|m| m.entry.currency.clone())
        {
            codes.push(c);
        }
    }
    codes.sort();
    codes.dedup();
    codes
}

/// The one currency the sentence of token `start` names.
fn sentence_currency(ctx: &Ctx, start: usize, prev: &[(Figure, usize)]) -> Option<String> {
    let mut codes = sentence_currencies(ctx, start, prev);
    (codes.len() == 1).then(|| codes.remove(0))
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
    // "costaría 112 millones al año; la Consejería la eleva a 150 millones": a scaled
    // amount with no noun after an amount of money in its sentence is money too.
    let money_earlier = prev
        .iter()
        .rev()
        .take_while(|(_, e)| ctx.tok_sentence[*e - 1] == ctx.tok_sentence[start])
        .find(|(f, _)| f.kind == Kind::Money);
    if d.kind == Kind::Count
        && !d.up.has_head()
        && d.core.scaled
        && !people_unsaid(toks, start, d.end)
        && let Some((f, _)) = money_earlier
    {
        d.kind = Kind::Money;
        d.currency = f.currency.clone();
    }
    // "El Gobierno reclamaba 1.200 millones de dólares. Aldana solo invirtió 410
    // millones": a sentence that names no currency goes on in the one the previous
    // sentence of its paragraph names.
    if d.kind == Kind::Count
        && !d.up.has_head()
        && d.core.scaled
        && !people_unsaid(toks, start, d.end)
        && sentence_currencies(ctx, start, prev).is_empty()
        && let Some(code) = previous_sentence_currency(ctx, start, prev)
    {
        d.kind = Kind::Money;
        d.currency = Some(code);
    }
    if d.kind == Kind::Count
        && !d.up.has_head()
        && d.core.scaled
        && (start.saturating_sub(3)..start).any(|k| money_word(&toks[k]))
    {
        d.kind = Kind::Money;
    }
}

/// The one currency of the sentence before token `start`'s, when both are in one
/// paragraph (no blank line between them).
fn previous_sentence_currency(ctx: &Ctx, start: usize, prev: &[(Figure, usize)]) -> Option<String> {
    let s = ctx.tok_sentence[start];
    let first = ctx.sentence_first_tok(s, start);
    let before = first.checked_sub(1)?;
    if ctx.tok_sentence[before] + 1 != s
        || ctx.text[ctx.toks[before].end..ctx.toks[first].start].contains("\n\n")
    {
        return None;
    }
    sentence_currency(ctx, before, prev)
}

/// After reading: an amount whose currency nothing near it names ("costaría 112
/// millones al año") is in the article's currency, when every amount that names one
/// names the same. Reporters name the currency once.
pub(crate) fn article_currency(figs: &mut [Figure]) {
    let mut named = figs
        .iter()
        .filter(|f| f.kind == Kind::Money)
        .filter_map(|f| f.currency.as_deref());
    let Some(first) = named.next().map(str::to_string) else {
        return;
    };
    if named.any(|c| c != first) {
        return;
    }
    // "- Clientes: 3,2 millones" restates "3,2 millones de clientes": millions the
    // article names elsewhere are what it names them.
    let named: Vec<f64> = figs
        .iter()
        .filter(|f| f.kind == Kind::Count && !f.unit.is_empty())
        .filter_map(|f| f.value.lo)
        .collect();
    for f in figs.iter_mut() {
        if bare_millions(f) && !f.value.lo.is_some_and(|v| named.contains(&v)) {
            f.kind = Kind::Money;
        }
    }
    for f in figs.iter_mut() {
        if f.kind == Kind::Money && f.currency.is_none() {
            f.unit_key = money_key(Some(&first));
            f.currency = Some(first.clone());
        }
    }
}

/// "El agujero supera los 12.000 millones", "más de 800 millones en 2021": in an
/// article about money in one currency, millions with no noun of their own are that
/// money. Not people ("8.5 million without power" has its people key) and never a
/// noun the text writes.
fn bare_millions(f: &Figure) -> bool {
    const SCALES: &[&str] = &[
        "million", "millions", "millón", "millon", "millones", "billion", "billions", "bn",
        "trillion", "billón", "billon", "billones",
    ];
    f.kind == Kind::Count
        && f.unit.is_empty()
        && f.value.lo.is_some_and(|v| v >= 1e6)
        && !LEXICON.counts_people(&f.unit_key)
        && f.text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| SCALES.contains(&w.to_lowercase().as_str()))
}
