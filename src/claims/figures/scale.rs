//! Scales after a number: "thousand", "millones", "bn", "k".
//!
//! Entry point: [`apply_scales`], right after the digits of a core; [`scale_at`]
//! reads one scale word (a glued "3m" or "4b" is a scale, a spaced "3 m" is not).
//!
//! ```text
//! "2 mil millones"     → 2 × 1,000 × 1,000,000 = 2,000,000,000
//! "7 mil 800 millones" → (7,000 + 800) × 1,000,000 (Mexican usage)
//! ```

use crate::claims::tokens::{Tok, TokKind};

/// Scale words after a number: (multiplier, token count).
pub(super) fn scale_at(toks: &[Tok], j: usize, glued: bool) -> Option<f64> {
    let t = toks.get(j)?;
    if t.kind != TokKind::Word {
        return None;
    }
    let w = t.lower.as_str();
    let spaced = match w {
        "thousand" | "mil" => Some(1e3),
        "million" | "millions" | "millón" | "millon" | "millones" => Some(1e6),
        "billion" | "billions" => Some(1e9),
        "trillion" | "billón" | "billones" => Some(1e12),
        _ => None,
    };
    let suffix = match w {
        "k" => Some(1e3),
        "m" | "mn" | "mln" => Some(1e6),
        "bn" | "b" | "mdd" => Some(1e9),
        "tn" | "trn" => Some(1e12),
        _ => None,
    };
    // "mdd"/"mmdd" are Mexican shorthand for millions of dollars; keep bn/m glued only.
    if glued {
        suffix.or(spaced)
    } else {
        spaced.or(suffix.filter(|_| w != "m" && w != "b"))
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
