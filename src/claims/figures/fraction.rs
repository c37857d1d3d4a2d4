//! Fractions stated as numbers, not as shares of a group (`claims::fractions` reads
//! "two thirds of", "one in five" as percentages): "three fifths", "a twenty-first",
//! "tres dosmilésimos", "un veintiunavo", a whole number and a fraction ("twenty and
//! three fifths", "uno con un medio", "3 million and a quarter"), "one over three",
//! "1 sobre 21", digits "3/4", "2 1/4", "¾".
//!
//! Entry point: [`fraction_at`], at one token, before the cardinal is read. Rules:
//! - [`over`]: "one over three": a number, "over"/"sobre", a number, then nothing.
//! - [`mixed`]: a whole number, "and"/"con", a fraction below one, scaled by the
//!   whole's last scale ("3 million and a quarter" is 3,250,000).
//! - [`simple`]: a numerator and a denominator word: plural after a number above one
//!   ("twenty fifths"), singular after "a"/"one"/"un" with nothing after it ("a
//!   trillionth."): "a third term" is an ordinal, and singular shares with "of" are
//!   `share_at`'s.
//! - [`digits`]: "3/4" where nothing around makes it a date, "2 1/4", "¾", "2½".
//!
//! ```text
//! "tres quintos por ciento" at "tres" → (0.6, end before "por")
//! ```

use crate::claims::numbers::{glued_words_es, parse_words};
use crate::claims::tokens::{Tok, TokKind};
use crate::claims::units::LEXICON;
use crate::fetch::discover::fold;

use super::Ctx;
use super::ordinal::ordinal_at;
use super::scale::{apply_scales, scale_at};

/// Unicode fractions: "¾", "½".
const VULGAR: &[(&str, f64)] = &[
    ("½", 0.5),
    ("⅓", 1.0 / 3.0),
    ("⅔", 2.0 / 3.0),
    ("¼", 0.25),
    ("¾", 0.75),
    ("⅕", 0.2),
    ("⅖", 0.4),
    ("⅗", 0.6),
    ("⅘", 0.8),
    ("⅙", 1.0 / 6.0),
    ("⅚", 5.0 / 6.0),
    ("⅛", 0.125),
    ("⅜", 0.375),
    ("⅝", 0.625),
    ("⅞", 0.875),
];

/// Words before "3/4" that make it a day and month: "on 3/4", "el 3/4".
const DATE_CUES: &[&str] = &[
    "on", "since", "until", "from", "by", "el", "del", "desde", "hasta", "día", "dia",
];

/// The value and the token after it, if a fraction starts at `i`.
pub(super) fn fraction_at(ctx: &Ctx, i: usize) -> Option<(f64, usize)> {
    over(ctx, i).or_else(|| mixed(ctx, i)).or_else(|| {
        let (v, end) = simple(ctx, i).or_else(|| digits(ctx, i))?;
        // "a quarter million", "three quarters billion": a fraction of the scale.
        Some(match scale_at(ctx.toks, end, false) {
            Some(s) => (v * s, end + 1),
            None => (v, end),
        })
    })
}

/// Does a fraction ending before `end` end in a scale word ("five and a half
/// million", "a quarter billion")? Then it is an amount, not a share of a group.
pub(super) fn ends_in_scale(ctx: &Ctx, end: usize) -> bool {
    scale_at(ctx.toks, end - 1, false).is_some()
}

/// Nothing after `k` but punctuation, a percent or "of"/"de": the fraction ends a
/// phrase ("1 over 3.", "tres quintos por ciento").
fn closes(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_none_or(|t| {
        t.kind == TokKind::Punct && !t.is_punct("/-")
            || matches!(
                t.lower.as_str(),
                "por" | "percent" | "per" | "of" | "de" | "del"
            )
    })
}

/// A whole number at `k`: words or plain digits, (value, end).
fn whole(toks: &[Tok], k: usize) -> Option<(f64, usize)> {
    let t = toks.get(k)?;
    if t.kind == TokKind::Num {
        let v: f64 = t.lower.parse().ok()?;
        return Some((v, k + 1));
    }
    parse_words(toks, k).map(|n| (n.value, n.end))
}

/// "one over three", "1 sobre 21", "2000 over 3".
fn over(ctx: &Ctx, i: usize) -> Option<(f64, usize)> {
    let toks = ctx.toks;
    let (num, j) = whole(toks, i)?;
    let word = if ctx.lang == "es" { "sobre" } else { "over" };
    if !toks.get(j).is_some_and(|o| o.is(word)) {
        return None;
    }
    let (den, end) = whole(toks, j + 1)?;
    (den > 0.0 && closes(toks, end)).then_some((num / den, end))
}

/// A denominator word at `k`: (denominator, plural).
fn denominator(ctx: &Ctx, k: usize) -> Option<(f64, bool, usize)> {
    let toks = ctx.toks;
    let t = toks.get(k).filter(|t| t.kind == TokKind::Word)?;
    let w = fold(&t.lower);
    let fixed = match (ctx.lang, w.as_str()) {
        ("en", "half") => Some((2.0, false)),
        ("en", "halves") => Some((2.0, true)),
        ("en", "quarter") => Some((4.0, false)),
        ("en", "quarters") => Some((4.0, true)),
        // "una media de 11 kilos" is an average: only the masculine halves.
        ("es", "medio") => Some((2.0, false)),
        ("es", "medios") => Some((2.0, true)),
        ("es", "tercio") => Some((3.0, false)),
        ("es", "tercios") => Some((3.0, true)),
        _ => None,
    };
    if let Some((d, plural)) = fixed {
        return Some((d, plural, k + 1));
    }
    // "veintiunavos", "treintavo", "cientocincoavos": a glued cardinal and "-avo".
    if ctx.lang == "es" {
        let avo = ["avos", "avas", "avo", "ava"]
            .iter()
            .find_map(|s| w.strip_suffix(s).map(|stem| (stem, s.ends_with('s'))));
        if let Some((stem, plural)) = avo {
            let den = glued_words_es(stem).or_else(|| glued_words_es(&format!("{stem}a")));
            if let Some(d) = den.filter(|&d| d > 2.0) {
                return Some((d, plural, k + 1));
            }
        }
    }
    let o = ordinal_at(toks, k, ctx.lang)?;
    // "second", "segundo" are units of time; "first" no denominator; "dos décimas"
    // are tenths of a point (`kind::percentage_points`), "tres décimos" lottery tickets.
    let last = fold(&toks[o.end - 1].lower);
    let taken = ["second", "segund", "decim"]
        .iter()
        .any(|s| last.starts_with(s));
    if taken || o.value < 3.0 {
        return None;
    }
    Some((o.value, o.plural, o.end))
}

/// "three fifths", "twenty one fifths", "a trillionth", "un centésimo", "tres
/// dosmilésimos".
fn simple(ctx: &Ctx, i: usize) -> Option<(f64, usize)> {
    let toks = ctx.toks;
    let t = toks.get(i)?;
    // "a hundred trillionth" is the 10^14th: "a hundred" is a cardinal.
    let scale_next = toks.get(i + 1).is_some_and(|n| {
        ["hundred", "thousand", "million", "billion", "trillion"].contains(&n.lower.as_str())
    });
    let (num, mut k) = if matches!(t.lower.as_str(), "a" | "an" | "un" | "una") && !scale_next {
        (1.0, i + 1)
    } else {
        whole(toks, i)?
    };
    // "five - eighths", "two-thirds".
    if toks.get(k).is_some_and(|h| h.is_punct("-‐")) {
        k += 1;
    }
    let (den, plural, end) = denominator(ctx, k)?;
    // Singular after one, plural after more. Spanish nouns that are denominators too
    // ("un medio de transporte", "tres cuartos de baño") only where the phrase ends.
    let noun_es = ctx.lang == "es"
        && ["medio", "medios", "cuarto", "cuartos"].contains(&fold(&toks[end - 1].lower).as_str());
    let ends = |k: usize| {
        toks.get(k)
            .is_none_or(|n| n.kind == TokKind::Punct || n.is("por"))
    };
    let ok = if noun_es {
        ends(end) && (num == 1.0) != plural
    } else if num == 1.0 {
        !plural && (closes(toks, end) || scale_at(toks, end, false).is_some())
    } else {
        plural && num > 0.0
    };
    ok.then_some((num / den, end))
}

/// The largest scale a whole number ends in: 10^6 for "3 million".
fn last_scale(toks: &[Tok], end: usize, v: f64) -> f64 {
    let scale = match toks.get(end.wrapping_sub(1)).map(|t| fold(&t.lower)) {
        Some(w) if w.starts_with("thousand") || w == "mil" => 1e3,
        Some(w) if w.starts_with("million") || w.starts_with("millon") => 1e6,
        Some(w) if w.starts_with("billion") => 1e9,
        Some(w) if w.starts_with("trillion") || w.starts_with("billon") => 1e12,
        _ => 1.0,
    };
    if v % scale == 0.0 { scale } else { 1.0 }
}

/// "twenty and three fifths", "one hundred and three and two thirds", "cien con tres
/// cuartos", "3 million and a quarter", "siete con cincuenta" (Spanish "con" before
/// a cardinal is a spoken decimal point: 7.50).
fn mixed(ctx: &Ctx, i: usize) -> Option<(f64, usize)> {
    let toks = ctx.toks;
    let (mut w, mut j) = whole(toks, i)?;
    // "3 million": digits and a scale word.
    if toks[i].kind == TokKind::Num {
        (w, j, _) = apply_scales(toks, j, w);
    }
    let joiner = if ctx.lang == "es" { "con" } else { "and" };
    if !toks.get(j).is_some_and(|a| a.is(joiner)) {
        return None;
    }
    if let Some((f, end)) = simple(ctx, j + 1).filter(|&(f, _)| f < 1.0) {
        let whole_scale = last_scale(toks, j, w);
        // A scale after the fraction: "five and a half million" is 5,500,000; after
        // a scaled whole, "one billion and a half million" adds half a million.
        return Some(match scale_at(toks, end, false) {
            Some(s) if whole_scale > s => (w + f * s, end + 1),
            Some(s) if whole_scale == 1.0 => ((w + f) * s, end + 1),
            _ => (w + f * whole_scale, end),
        });
    }
    // "siete con cincuenta", "doscientos con setenta y uno": words on both sides.
    if ctx.lang == "es" && toks[i].kind == TokKind::Word {
        let d = parse_words(toks, j + 1)
            .filter(|d| d.value >= 1.0 && d.value.fract() == 0.0 && !d.bare_one)?;
        if !closes(toks, d.end) {
            return None;
        }
        let frac: f64 = format!("0.{}", d.value as u64).parse().ok()?;
        return Some((w + frac, d.end));
    }
    None
}

/// "3/4", "-4/5", "2 1/4", "¾", "2½": digit fractions, where no date cue comes before
/// ("on 3/4" is a day) and the fraction closes its phrase.
/// Is `w` a vulgar fraction sign ("½")?
pub(super) fn is_vulgar(w: &str) -> bool {
    VULGAR.iter().any(|(s, _)| *s == w)
}

fn digits(ctx: &Ctx, i: usize) -> Option<(f64, usize)> {
    let toks = ctx.toks;
    let t = &toks[i];
    let vulgar = |k: usize| {
        toks.get(k)
            .and_then(|v| VULGAR.iter().find(|(s, _)| v.lower == *s))
            .map(|p| p.1)
    };
    if let Some(v) = vulgar(i) {
        return Some((v, i + 1));
    }
    if t.kind != TokKind::Num || !t.lower.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: f64 = t.lower.parse().ok()?;
    if let Some(v) = vulgar(i + 1).filter(|_| toks[i + 1].start == t.end) {
        return Some((n + v, i + 2));
    }
    let prev = i.checked_sub(1).map(|k| &toks[k]);
    if prev.is_some_and(|p| DATE_CUES.contains(&p.lower.as_str()) || p.is_punct("/")) {
        return None;
    }
    let slash_at = |k: usize| -> Option<(f64, usize)> {
        let (a, s, b) = (toks.get(k)?, toks.get(k + 1)?, toks.get(k + 2)?);
        let glued = s.is_punct("/") && a.end == s.start && s.end == b.start;
        let digits =
            |x: &Tok| x.kind == TokKind::Num && x.lower.chars().all(|c| c.is_ascii_digit());
        if !(glued && digits(a) && digits(b)) || toks.get(k + 3).is_some_and(|n| n.is_punct("/")) {
            return None;
        }
        let (a, b): (f64, f64) = (a.lower.parse().ok()?, b.lower.parse().ok()?);
        // "Ley 39/2015", "crime reference 22/118734": a year or a code.
        (b > 0.0 && b <= 100.0 && a < b).then_some((a / b, k + 3))
    };
    // "1/4 mile", "10 1/2 miles", "1/2 taza": a fraction of a unit of measure.
    let measure_after = |k: usize| LEXICON.unit_at(toks, k).is_some_and(|u| u.entry.measure);
    // A bare "3/4" may be a day and month, "9/11" a name: a fraction only before
    // "%", "of", "de", a unit of measure, or standing alone. "2 1/4": a whole number
    // and a fraction.
    let (v, end) = match slash_at(i) {
        Some((f, end)) => {
            let sign_only = i == 0 || i == 1 && toks[0].is_punct("-−");
            let alone = sign_only && end == toks.len();
            let share = toks.get(end).is_some_and(|n| {
                n.is_punct("%") || ["of", "de", "del", "percent"].contains(&n.lower.as_str())
            });
            if measure_after(end) {
                return Some((f, end));
            }
            if !(alone || share) {
                return None;
            }
            (f, end)
        }
        None => {
            let (f, end) = slash_at(i + 1).filter(|_| toks[i + 1].start > t.end)?;
            if measure_after(end) {
                return Some((n + f, end));
            }
            (n + f, end)
        }
    };
    // "-4/5": a minus not glued after something else ("10-4/5" is no sign).
    let signed = prev.is_some_and(|p| p.is_punct("-−") && (i == 1 || toks[i - 2].end != p.start));
    let v = if signed { -v } else { v };
    closes(toks, end).then_some((v, end))
}

#[cfg(test)]
mod tests {
    use crate::claims::figures::tests::figures as figures_of;

    fn value(text: &str, lang: &str) -> Vec<f64> {
        figures_of(text, lang)
            .iter()
            .filter_map(|f| f.value.lo)
            .collect()
    }

    #[test]
    fn fractions_in_words() {
        assert_eq!(value("twenty fifths", "en"), [4.0]);
        assert_eq!(value("three twenty-firsts", "en"), [3.0 / 21.0]);
        assert_eq!(value("a trillionth", "en"), [1e-12]);
        assert_eq!(value("a hundred trillionth", "en"), [1e14]);
        assert_eq!(value("tres dosmilésimos", "es"), [0.0015]);
        assert_eq!(value("un veintiunavo", "es"), [1.0 / 21.0]);
    }

    #[test]
    fn not_fractions() {
        // An ordinal before a noun; Spanish rooms; seconds.
        assert_eq!(value("for a third term", "en"), [3.0]);
        assert_eq!(value("tres cuartos y un baño", "es"), [3.0]);
        // A span of time, in days.
        let v = value("twenty seconds", "en");
        assert!(
            v.len() == 1 && (v[0] * 86_400.0 - 20.0).abs() < 1e-9,
            "{v:?}"
        );
    }

    #[test]
    fn whole_and_fraction() {
        assert_eq!(value("twenty and three fifths", "en"), [20.6]);
        assert_eq!(value("They have 3 million and a quarter", "en"), [3.25e6]);
        assert_eq!(
            value("The population is 3 million and a half", "en"),
            [3.5e6]
        );
        assert_eq!(value("five and a half million fish", "en"), [5.5e6]);
        assert_eq!(value("one billion and a half million", "en"), [1.0005e9]);
        assert_eq!(value("It costs a quarter million dollars.", "en"), [2.5e5]);
        assert_eq!(value("three quarters billion dollars", "en"), [7.5e8]);
        assert_eq!(value("cien con tres cuartos", "es"), [100.75]);
        assert_eq!(value("siete con cincuenta", "es"), [7.5]);
        // A decimal is whole digits: "uno y medio" is none.
        assert!(!value("once con uno y medio", "es").contains(&11.1));
        assert_eq!(value("dos cincoavos", "es"), [0.4]);
    }

    #[test]
    fn over_and_digits() {
        assert_eq!(value("one over three", "en"), [1.0 / 3.0]);
        assert_eq!(value("1 sobre 21", "es"), [1.0 / 21.0]);
        assert_eq!(value("3/4", "en"), [0.75]);
        assert_eq!(value("2 1/4", "en"), [2.25]);
        assert_eq!(value("the result is ¾", "en"), [0.75]);
        // A date, a law, an event.
        assert!(value("on 3/4 the", "en").iter().all(|&v| v != 0.75));
        assert!(value("la Ley 39/2015.", "es").iter().all(|&v| v >= 1.0));
        assert!(value("after 9/11, the war", "en").iter().all(|&v| v >= 1.0));
    }
}
