//! Shares of a group, read as percentages: "half of", "a third of", "two-thirds
//! of", "one in five", "9 out of 10", "la mitad de", "dos tercios de", "uno de
//! cada cinco".
//!
//! A share is a percentage because that is how the same fact is stated elsewhere
//! ("one in five adults" and "20% of adults" must compare). The fraction words
//! need "of"/"de" after them: "the third quarter" is an ordinal, "a third of the
//! aid" a share.

use super::numbers::{Convention, parse_digits, parse_words};
use super::tokens::{Tok, TokKind};
use super::units::{LEXICON, UnitKind};

/// A share found in the tokens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Share {
    /// First token.
    pub start: usize,
    /// Token index one past the share's words (before "of"/"de").
    pub end: usize,
    /// The share in percent.
    pub percent: f64,
}

/// Denominator words: (word, denominator, words that must follow it).
const DENOMINATORS: &[(&str, f64, Option<&str>)] = &[
    ("third", 3.0, None),
    ("thirds", 3.0, None),
    ("quarter", 4.0, None),
    ("quarters", 4.0, None),
    ("fifth", 5.0, None),
    ("fifths", 5.0, None),
    ("tenth", 10.0, None),
    ("tenths", 10.0, None),
    // "one eighth", "five eighths", "one-half": more denominators. "sixth" and
    // "seventh" are ordinals too, so a singular one needs "of" or nothing after it.
    ("half", 2.0, None),
    ("sixth", 6.0, None),
    ("sixths", 6.0, None),
    ("seventh", 7.0, None),
    ("sevenths", 7.0, None),
    ("eighth", 8.0, None),
    ("eighths", 8.0, None),
    ("ninth", 9.0, None),
    ("ninths", 9.0, None),
    ("hundredth", 100.0, None),
    ("hundredths", 100.0, None),
    ("thousandth", 1000.0, None),
    ("thousandths", 1000.0, None),
    ("tercio", 3.0, None),
    ("tercios", 3.0, None),
    ("tercera", 3.0, Some("parte")),
    ("terceras", 3.0, Some("partes")),
    ("cuarta", 4.0, Some("parte")),
    ("cuartas", 4.0, Some("partes")),
    ("quinta", 5.0, Some("parte")),
    ("quintas", 5.0, Some("partes")),
    ("décima", 10.0, Some("parte")),
    // Spanish masculine denominators are ordinals and nouns too ("tres cuartos" may be
    // three rooms, "cinco medios" five outlets): see `ES_MASCULINE`.
    ("cuarto", 4.0, None),
    ("cuartos", 4.0, None),
    ("quinto", 5.0, None),
    ("quintos", 5.0, None),
    ("sexto", 6.0, None),
    ("sextos", 6.0, None),
    ("octavo", 8.0, None),
    ("octavos", 8.0, None),
    ("décimo", 10.0, None),
    ("décimos", 10.0, None),
    ("centésimo", 100.0, None),
    ("centésimos", 100.0, None),
    ("milésimo", 1000.0, None),
    ("milésimos", 1000.0, None),
];

/// Spanish denominators that are a share only before "de" or with nothing after
/// them ("tres cuartos de la población", "un octavo."), never on their own plural.
const ES_MASCULINE: &[&str] = &[
    "cuarto",
    "cuartos",
    "quinto",
    "quintos",
    "sexto",
    "sextos",
    "octavo",
    "octavos",
    "décimo",
    "décimos",
    "centésimo",
    "centésimos",
    "milésimo",
    "milésimos",
];

/// Words that may follow a share standing alone ("by a third in a year", "en un
/// tercio desde 2020"); "to" and "past" are left out ("a quarter to six").
const BARE_SHARE_FOLLOWERS: &[&str] = &[
    "in", "on", "since", "from", "over", "last", "this", "after", "compared", "and", "but", "en",
    "desde", "durante", "con", "y", "pero", "frente", "respecto", "tras", "during", "within",
    "across", "among",
    // "roughly a fifth less than last year", "a third below": a share of a comparison.
    "less", "more", "lower", "higher", "below", "above", "fewer", "smaller", "larger", "bigger",
    "menos", "más", "mas", "menor", "mayor", "inferior", "superior",
];

fn is_of(t: Option<&Tok>) -> bool {
    t.is_some_and(|t| t.is("of") || t.is("de") || t.is("del"))
}

/// A small whole number at `k` (digits or words): (value, end).
fn small_number(toks: &[Tok], k: usize, conv: Convention) -> Option<(f64, usize)> {
    let t = toks.get(k)?;
    match t.kind {
        TokKind::Num if t.lower.chars().all(|c| c.is_ascii_digit()) => {
            Some((parse_digits(&t.lower, conv)?, k + 1))
        }
        TokKind::Word => {
            let w = parse_words(toks, k)?;
            Some((w.value, w.end))
        }
        _ => None,
    }
}

/// A share starting at token `i`.
pub(crate) fn share_at(toks: &[Tok], i: usize, conv: Convention) -> Option<Share> {
    let t = toks.get(i)?;
    let prev = i.checked_sub(1).map_or("", |k| toks[k].lower.as_str());
    // "half of", "half the", but not "the first half of", or "two and half" (a
    // number and a half); ", and half of each fine" is a share.
    let after_number_and = prev == "and"
        && i >= 2
        && (toks[i - 2].kind == TokKind::Num
            || crate::claims::numbers::parse_words(toks, i - 2).is_some());
    if t.is("half") && !after_number_and && !matches!(prev, "first" | "second" | "other" | "a") {
        // "cut journey times by (up to) half": a change by half of what was.
        let by = (i.saturating_sub(3)..i)
            .rev()
            .find(|&k| toks[k].is("by"))
            // "too clever by half" is an idiom of excess, no change by half.
            .filter(|&b| !(b >= 2 && toks[b - 2].is("too")))
            .is_some_and(|b| {
                (b + 1..i).all(|k| {
                    matches!(
                        toks[k].lower.as_str(),
                        "up" | "to"
                            | "nearly"
                            | "almost"
                            | "about"
                            | "around"
                            | "more"
                            | "than"
                            | "over"
                            | "roughly"
                    )
                })
            });
        let next = toks.get(i + 1);
        let ok = next.is_some_and(|next| {
            next.is("of")
                || matches!(
                    next.lower.as_str(),
                    "the" | "its" | "their" | "his" | "her" | "all" | "those" | "these"
                )
        }) || by
            && next.is_none_or(|n| {
                n.kind == TokKind::Punct
                    || matches!(
                        n.lower.as_str(),
                        "in" | "over" | "since" | "from" | "by" | "within"
                    )
            });
        return ok.then_some(Share {
            start: i,
            end: i + 1,
            percent: 50.0,
        });
    }
    // "la mitad (de)": unlike "half", always a share.
    if t.is("la") && toks.get(i + 1).is_some_and(|m| m.is("mitad")) {
        return Some(Share {
            start: i,
            end: i + 2,
            percent: 50.0,
        });
    }
    // Numerator: "a", "one", "un", "two", "dos", "3".
    // "la tercera parte de": the article stands for one.
    let la_parte = t.is("la")
        && toks.get(i + 1).is_some_and(|d| {
            DENOMINATORS
                .iter()
                .any(|(w, _, then)| d.is(w) && then.is_some())
        });
    // "beat the Yankees 7-6 in 11 innings": a number closing a score is no numerator.
    if i > 0 && toks[i - 1].is_punct("-–") && toks[i - 1].end == t.start {
        return None;
    }
    // "an hour and a half", "3 million and a quarter": the fraction belongs to the
    // number or unit before; ", and a quarter of the victims" is a share.
    let after_amount = || {
        i >= 2
            && (toks[i - 2].kind == TokKind::Num
                || crate::claims::numbers::parse_words(toks, i - 2).is_some()
                || LEXICON.unit_at(toks, i - 2).is_some())
    };
    if matches!(t.lower.as_str(), "a" | "an") && matches!(prev, "and" | "y") && after_amount() {
        return None;
    }
    let (num, mut j) = match t.lower.as_str() {
        "a" | "an" | "un" | "una" => (1.0, i + 1),
        "la" if la_parte => (1.0, i + 1),
        _ => small_number(toks, i, conv)?,
    };
    if num <= 0.0 || num.fract() != 0.0 {
        return None;
    }
    // "two-thirds": a glued hyphen.
    if toks
        .get(j)
        .is_some_and(|h| h.is_punct("-‐") && h.start == toks[j - 1].end)
    {
        j += 1;
    }
    if let Some(d) = toks.get(j)
        && let Some(&(_, den, then)) = DENOMINATORS.iter().find(|(w, ..)| d.is(w))
    {
        let mut end = j + 1;
        if let Some(w) = then {
            if !toks.get(end).is_some_and(|t| t.is(w)) {
                return None;
            }
            end += 1;
        }
        // A plural denominator ("two-thirds", "dos tercios") is a fraction on its
        // own; a singular one needs "of" ("a third of", not "a third round").
        let masculine = ES_MASCULINE.contains(&d.lower.as_str());
        let plural = num > 1.0 && d.lower.ends_with('s') && !masculine;
        // "los cuartos de final": a knockout round, not a share.
        if toks.get(end).is_some_and(|o| o.is("de"))
            && toks.get(end + 1).is_some_and(|f| f.is("final"))
        {
            return None;
        }
        // "rose by nearly a third in the week", "cayó en un tercio.": with no noun
        // after it, a singular denominator can only be a share of what went before.
        let bare = toks.get(end).is_none_or(|n| {
            (n.kind == TokKind::Punct && !n.is_punct("-‐"))
                || !masculine && BARE_SHARE_FOLLOWERS.contains(&n.lower.as_str())
        });
        // "two hundredth" after a number above one is the 200th, not a share.
        // A Spanish masculine plural needs "de" or nothing after it ("tres cuartos de").
        // "only a fifth trust", "nearly a third say": a qualifier marks an amount,
        // which an ordinal ("a fifth term") never takes.
        let hedged = matches!(
            prev,
            "only"
                | "just"
                | "about"
                | "nearly"
                | "almost"
                | "roughly"
                | "around"
                | "barely"
                | "solo"
                | "sólo"
                | "casi"
                | "apenas"
        );
        let singular_ok =
            (num == 1.0 || d.lower.ends_with('s')) && (bare || hedged || is_of(toks.get(end)));
        return (num < den && (plural || singular_ok)).then_some(Share {
            start: i,
            end,
            percent: num / den * 100.0,
        });
    }
    // "one in five", "9 out of 10", "uno de cada cinco".
    let k = if toks.get(j).is_some_and(|w| w.is("in")) {
        j + 1
    } else if toks.get(j).is_some_and(|w| w.is("out"))
        && toks.get(j + 1).is_some_and(|w| w.is("of"))
        || toks.get(j).is_some_and(|w| w.is("de")) && toks.get(j + 1).is_some_and(|w| w.is("cada"))
    {
        j + 2
    } else {
        return None;
    };
    let (den, end) = small_number(toks, k, conv)?;
    // "5 in 10 minutes" is a rate of time, not a share.
    let timed = LEXICON
        .unit_at(toks, end)
        .is_some_and(|u| u.entry.kind == UnitKind::Duration);
    (den.fract() == 0.0 && num < den && den <= 1000.0 && !timed).then_some(Share {
        start: i,
        end,
        percent: num / den * 100.0,
    })
}

/// "a quarter of a point", "one-half of one percentage point", "un cuarto de punto":
/// a share of a point, in points, and the index of "point"/"percentage"/"punto".
pub(crate) fn share_of_a_point(toks: &[Tok], sh: &Share) -> Option<(f64, usize)> {
    let of = toks.get(sh.end)?;
    // "by a quarter point", "a half percentage point": the share before the point.
    if of.is("point") || of.is("percentage") && toks.get(sh.end + 1).is_some_and(|p| p.is("point"))
    {
        return Some((sh.percent / 100.0, sh.end));
    }
    let one = toks.get(sh.end + 1)?;
    let article = matches!(one.lower.as_str(), "a" | "an" | "one" | "un");
    let k = sh.end + 1 + usize::from(article);
    let point = toks.get(k)?;
    // English needs its article ("a quarter of a point"); Spanish often has none.
    let spanish = of.is("de") && point.is("punto");
    ((of.is("of") && article && (point.is("point") || point.is("percentage"))) || spanish)
        .then_some((sh.percent / 100.0, k))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn share(text: &str) -> Option<f64> {
        share_at(&tokenize(text), 0, Convention::DotDecimal).map(|s| s.percent)
    }

    #[test]
    fn shares_in_both_languages() {
        assert_eq!(share("half of the staff"), Some(50.0));
        assert_eq!(share("la mitad de los votos"), Some(50.0));
        assert_eq!(share("one in five adults"), Some(20.0));
        assert_eq!(share("9 out of 10 shoppers"), Some(90.0));
        assert_eq!(share("nueve de cada diez"), Some(90.0));
        assert_eq!(share("uno de cada cinco"), Some(20.0));
        assert_eq!(share("dos tercios de los"), Some(2.0 / 3.0 * 100.0));
        assert_eq!(share("two-thirds of Americans"), Some(2.0 / 3.0 * 100.0));
        assert_eq!(share("a quarter of homes"), Some(25.0));
        assert_eq!(share("una cuarta parte de"), Some(25.0));
        assert_eq!(share("a two-thirds majority"), None);
        assert_eq!(share("two-thirds majority"), Some(2.0 / 3.0 * 100.0));
        assert_eq!(share("la tercera parte de los"), Some(1.0 / 3.0 * 100.0));
        assert_eq!(share("a third in the week to"), Some(1.0 / 3.0 * 100.0));
        assert_eq!(share("un tercio desde 2020"), Some(1.0 / 3.0 * 100.0));
        assert_eq!(share("a quarter."), Some(25.0));
    }

    #[test]
    fn more_denominators() {
        assert_eq!(share("one eighth"), Some(12.5));
        assert_eq!(share("five eighths of the vote"), Some(62.5));
        assert_eq!(share("one-half of voters"), Some(50.0));
        assert_eq!(share("a half"), Some(50.0));
        assert_eq!(share("tres cuartos de la población"), Some(75.0));
        assert_eq!(share("un octavo."), Some(12.5));
    }

    #[test]
    fn not_shares_of_more_denominators() {
        assert_eq!(share("a sixth sense"), None);
        assert_eq!(share("two hundredth"), None);
        assert_eq!(share("tres cuartos y un baño"), None);
        assert_eq!(share("cinco medios"), None);
        assert_eq!(share("tres cuartos de final"), None);
        let toks = tokenize("an hour and a half");
        assert_eq!(share_at(&toks, 3, Convention::DotDecimal), None);
        let toks = tokenize("too cute by half.");
        assert_eq!(share_at(&toks, 3, Convention::DotDecimal), None);
    }

    #[test]
    fn not_shares() {
        assert_eq!(share("third quarter"), None);
        assert_eq!(share("a third round"), None);
        assert_eq!(share("a quarter past six"), None);
        assert_eq!(share("a quarter to six"), None);
        assert_eq!(share("half a million"), None);
        assert_eq!(share("five in 10 minutes"), None);
        assert_eq!(share("12 in 2020"), None);
    }
}
