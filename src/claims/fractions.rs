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
    ("tercio", 3.0, None),
    ("tercios", 3.0, None),
    ("tercera", 3.0, Some("parte")),
    ("terceras", 3.0, Some("partes")),
    ("cuarta", 4.0, Some("parte")),
    ("cuartas", 4.0, Some("partes")),
    ("quinta", 5.0, Some("parte")),
    ("quintas", 5.0, Some("partes")),
    ("décima", 10.0, Some("parte")),
];

/// Words that may follow a share standing alone ("by a third in a year", "en un
/// tercio desde 2020"); "to" and "past" are left out ("a quarter to six").
const BARE_SHARE_FOLLOWERS: &[&str] = &[
    "in", "on", "since", "from", "over", "last", "this", "after", "compared", "and", "but", "en",
    "desde", "durante", "con", "y", "pero", "frente", "respecto", "tras", "during", "within",
    "across", "among",
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
    // "half of", "half the", but not "the first half of".
    if t.is("half") && !matches!(prev, "first" | "second" | "other" | "and" | "a") {
        // "cut journey times by (up to) half": a change by half of what was.
        let by = (i.saturating_sub(3)..i)
            .rev()
            .find(|&k| toks[k].is("by"))
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
    // "a quarter of a point" is part of a point, read with the point.
    if toks.get(i + 2).is_some_and(|o| o.is("of"))
        && toks.get(i + 3).is_some_and(|a| a.is("a"))
        && toks
            .get(i + 4)
            .is_some_and(|p| p.is("point") || p.is("percentage"))
    {
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
        let plural = num > 1.0 && d.lower.ends_with('s');
        // "rose by nearly a third in the week", "cayó en un tercio.": with no noun
        // after it, a singular denominator can only be a share of what went before.
        let bare = toks.get(end).is_none_or(|n| {
            (n.kind == TokKind::Punct && !n.is_punct("-‐"))
                || BARE_SHARE_FOLLOWERS.contains(&n.lower.as_str())
        });
        return (num < den && (plural || bare || is_of(toks.get(end)))).then_some(Share {
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
