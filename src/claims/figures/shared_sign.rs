//! Shared signs: which currency a "$" or a "¥" names.
//!
//! Entry point: [`resolve`], for a sign that several money units of `units.toml`
//! list among their `symbols`. English copy writes other dollars with a prefix or a
//! noun ("C$", "Australian dollars"), so its bare "$" is the US dollar. Otherwise the
//! text decides, nearest evidence first: the one currency among the sign's that the
//! sentence names by noun or code ("$5 millones, en dólares", not "el dólar", which
//! is priced in another); the one whose `places`
//! the sentence names ("en Rosario", "Japan"); in Spanish, the one whose places the
//! article names (a Latin American paper writes its peso as "$" and names its
//! country somewhere); else the first unit listing the sign (the dollar, the yen).
//!
//! ```text
//! "Malone demandó a la Fox por $ 1,6 millones"          → USD (nothing named)
//! "El intendente de Rosario presentó $450.000 millones" → MXN, the peso
//! "Tel salió a bolsa en Australia a $ 2 por acción"     → AUD
//! ```

use crate::claims::tokens::Tok;
use crate::claims::units::{LEXICON, Match, Unit, UnitKind};

use super::Ctx;

/// Words before a currency noun that name the currency itself, not an amount of it.
const ITSELF: &[&str] = &["el", "del", "al", "por", "the", "per"];

/// The currency the sign `sign` at token `at` names, among `units` (default first).
pub(super) fn resolve(ctx: &Ctx, at: usize, sign: &str, units: &[&'static Unit]) -> &'static Unit {
    let first = units[0];
    if ctx.lang == "en" && sign == "$" {
        return first;
    }
    let toks = ctx.sentence_toks(ctx.tok_sentence[at]);
    // "El dólar blue cerró a $1.230": the currency itself ("el dólar", "por dólar")
    // is priced in another, so only an amount of it names the sign's.
    let noun = |toks: &[Tok], k: usize| {
        LEXICON.unit_at(toks, k).filter(|m| {
            m.entry.kind == UnitKind::Money
                && k.checked_sub(1)
                    .is_none_or(|p| !ITSELF.contains(&toks[p].lower.as_str()))
        })
    };
    let place = |toks: &[Tok], k: usize| LEXICON.place_at(toks, k);
    if let Some(u) = one_of(units, named(toks, noun).iter().map(|u| u.key.as_str())) {
        return u;
    }
    if let Some(u) = one_of(units, named(toks, place).iter().map(|u| u.key.as_str())) {
        return u;
    }
    if ctx.lang == "es" {
        let article = ctx.cache.places.get_or_init(|| {
            named(ctx.toks, place)
                .iter()
                .map(|u| u.key.clone())
                .collect()
        });
        if let Some(u) = one_of(units, article.iter().map(String::as_str)) {
            return u;
        }
    }
    first
}

/// Every unit `lookup` finds along `toks`, once each.
fn named<'a>(
    toks: &[Tok],
    lookup: impl Fn(&[Tok], usize) -> Option<Match<'a, Unit>>,
) -> Vec<&'a Unit> {
    let mut found: Vec<&Unit> = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        match lookup(toks, k) {
            Some(m) => {
                if !found.iter().any(|u| u.key == m.entry.key) {
                    found.push(m.entry);
                }
                k = m.end;
            }
            None => k += 1,
        }
    }
    found
}

/// The one unit among `units` whose key is among `keys`, if exactly one is.
fn one_of<'k>(
    units: &[&'static Unit],
    keys: impl Iterator<Item = &'k str>,
) -> Option<&'static Unit> {
    let mut hits: Vec<&'static Unit> = Vec::new();
    for key in keys {
        if let Some(&u) = units.iter().find(|u| u.key == key)
            && !hits.iter().any(|h| h.key == u.key)
        {
            hits.push(u);
        }
    }
    (hits.len() == 1).then(|| hits[0])
}
