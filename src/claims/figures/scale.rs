//! Scales after a number: "thousand", "millones", "bn", "k", "lakh"; and the
//! multiplier "dozen" ([`multiplier_at`]).
//!
//! Entry point: [`apply_scales`], right after the digits of a core; [`scale_at`]
//! reads one scale word (a glued "3m" or "4b" is a scale, a spaced "3 m" is not).
//!
//! ```text
//! "2 mil millones"     → 2 × 1,000 × 1,000,000 = 2,000,000,000
//! "7 mil 800 millones" → (7,000 + 800) × 1,000,000 (Mexican usage)
//! ```

use crate::claims::numbers::parse_words;
use crate::claims::tokens::{Tok, TokKind};
use crate::claims::units::LEXICON;

use super::words::{WORDS, has};

/// Scale words after a number: (multiplier, token count).
pub(super) fn scale_at(toks: &[Tok], j: usize, glued: bool) -> Option<f64> {
    let t = toks.get(j)?;
    if t.kind != TokKind::Word {
        return None;
    }
    let w = t.lower.as_str();
    let spaced = match w {
        // "322 hundred": digits before "hundred" are hundreds.
        "hundred" => Some(1e2),
        "thousand" | "mil" => Some(1e3),
        // South Asian scales: "13 lakh" is 1,300,000, "1 crore" 10,000,000.
        "lakh" | "lakhs" => Some(1e5),
        "crore" | "crores" => Some(1e7),
        "million" | "millions" | "millón" | "millon" | "millones" => Some(1e6),
        "billion" | "billions" => Some(1e9),
        "trillion" | "billón" | "billones" => Some(1e12),
        _ => None,
    };
    let suffix = match w {
        "k" => Some(1e3),
        "m" | "mn" | "mln" => Some(1e6),
        "bn" | "bln" | "b" | "mdd" => Some(1e9),
        "tn" | "trn" | "tln" | "trln" => Some(1e12),
        _ => None,
    };
    // "1.8m tall", "a 10m-deep trench": the metre of a measure, not a million.
    if w == "m" && measured_after(toks, j + 1) {
        return None;
    }
    // "24703m2", "10km/h" is no scale: a longer unit form starts at the letter.
    if suffix.is_some() && LEXICON.unit_at(toks, j).is_some_and(|m| m.end > j + 1) {
        return None;
    }
    // "mdd"/"mmdd" are Mexican shorthand for millions of dollars; keep bn/m glued only.
    if glued {
        suffix.or(spaced)
    } else {
        spaced.or(suffix.filter(|_| w != "m" && w != "b"))
    }
}

/// Does an adjective of size follow at `k` ("tall", "-long"), so that a glued "m"
/// before it is a metre?
fn measured_after(toks: &[Tok], mut k: usize) -> bool {
    if toks
        .get(k)
        .is_some_and(|h| h.is_punct("-") && h.start == toks[k - 1].end)
    {
        k += 1;
    }
    toks.get(k)
        .is_some_and(|a| has(&WORDS.number.measure_adjectives, a.lower.as_str()))
}

/// "3 dozen", "3 docenas": a multiplier after digits that counts, not a scale of
/// magnitude. (multiplier, end).
pub(super) fn multiplier_at(toks: &[Tok], j: usize) -> Option<(f64, usize)> {
    let t = toks.get(j).filter(|t| t.kind == TokKind::Word)?;
    matches!(t.lower.as_str(), "dozen" | "dozens" | "docena" | "docenas").then_some((12.0, j + 1))
}

/// After digits and a scale word, smaller groups that continue the number: "4
/// thousand 3 hundred and 21" is 4,321, "3 hundred and one" 301. A group is digits
/// and a smaller scale word, or after "and"/"y" a last part below 100 (digits or
/// words) that no scale follows. `scale` is the last scale read. (value, end).
pub(super) fn lower_groups(toks: &[Tok], mut j: usize, mut v: f64, mut scale: f64) -> (f64, usize) {
    let digits = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokKind::Num && t.lower.chars().all(|c| c.is_ascii_digit()))
            .and_then(|t| t.lower.parse::<f64>().ok())
    };
    loop {
        if let Some(n) = digits(j)
            && let Some(s) = scale_at(toks, j + 1, false).filter(|&s| s < scale && n * s < scale)
        {
            v += n * s;
            scale = s;
            j += 2;
            continue;
        }
        let and = toks.get(j).is_some_and(|t| t.is("and") || t.is("y"));
        if and && scale >= 100.0 {
            let last = match digits(j + 1) {
                Some(n) => Some((n, j + 2)),
                None => parse_words(toks, j + 1).map(|w| (w.value, w.end)),
            };
            if let Some((n, end)) = last.filter(|&(n, e)| {
                n < 100.0 && n.fract() == 0.0 && scale_at(toks, e, false).is_none()
            }) {
                return (v + n, end);
            }
        }
        return (v, j);
    }
}

/// Multiplies by following scale words ("1.5 million", "2 mil millones", "3bn").
pub(super) fn apply_scales(toks: &[Tok], mut j: usize, mut v: f64) -> (f64, usize, bool) {
    let mut scaled = false;
    // "a 567-million-kilometre journey": a hyphen glued on both sides before the scale.
    if toks
        .get(j)
        .is_some_and(|h| h.is_punct("-") && h.start == toks[j - 1].end)
        && toks
            .get(j + 1)
            .is_some_and(|w| w.start == toks[j].end && scale_at(toks, j + 1, false).is_some())
    {
        j += 1;
    }
    while let Some(m) = scale_at(
        toks,
        j,
        toks[j - 1].end == toks.get(j).map_or(0, |t| t.start),
    ) {
        v *= m;
        j += 1;
        scaled = true;
        // Mexican "7 mil 800 millones": thousands and hundreds of millions.
        if m == 1e3
            && let Some(n) = toks.get(j).filter(|n| n.kind == TokKind::Num)
            && let Ok(h) = n.lower.parse::<f64>()
            && h < 1e3
            && let Some(big) = scale_at(toks, j + 1, false).filter(|&b| b >= 1e6)
        {
            v = (v + h) * big;
            j += 2;
        }
    }
    (v, j, scaled)
}
