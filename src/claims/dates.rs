//! Calendar dates: "February 2022", "febrero de 2022", "Sept. 19", "24 de septiembre",
//! "23.09.2023", "2023-09-23". Values are `yyyymmdd`; a month spans its first to
//! last day; a date without a year uses the article's year, or 0 when unknown.

use std::sync::LazyLock;

use super::tokens::{Tok, TokKind};
use super::types::Interval;
use super::word_hash::WordMap;

/// Month names and abbreviations, English then Spanish.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
];

/// Spanish month names, which are written in lower case.
const SPANISH_FROM: usize = 24;

/// A date found in the tokens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DateMatch {
    /// First token.
    pub start: usize,
    /// Token index one past the date.
    pub end: usize,
    /// `yyyymmdd` or a month's span.
    pub value: Interval,
}

/// The month a word names. English names must be capitalised ("may" is a verb).
pub(crate) fn month(t: &Tok) -> Option<u32> {
    // Month names are letters only, 3 to 10 of them: most tokens fail this cheaply.
    if t.kind != TokKind::Word || !(3..=10).contains(&t.lower.len()) {
        return None;
    }
    let &(m, english_only) = MONTH_NAMES.get(t.lower.as_str())?;
    (t.cap || !english_only).then_some(m)
}

/// Each month name: its month, and whether only English writes it (so it must be
/// capitalised). Looked up at nearly every token, hence hashed.
static MONTH_NAMES: LazyLock<WordMap<&'static str, (u32, bool)>> = LazyLock::new(|| {
    let mut names = WordMap::default();
    for (idx, &(name, m)) in MONTHS.iter().enumerate() {
        let english_only =
            idx < SPANISH_FROM && !MONTHS[SPANISH_FROM..].iter().any(|(n, _)| *n == name);
        names.entry(name).or_insert((m, english_only));
    }
    names
});

fn num(t: Option<&Tok>) -> Option<u32> {
    let t = t?;
    (t.kind == TokKind::Num && t.lower.chars().all(|c| c.is_ascii_digit()))
        .then(|| t.lower.parse().ok())
        .flatten()
}

fn year_at(toks: &[Tok], k: usize) -> Option<u32> {
    let y = num(toks.get(k))?;
    (toks[k].lower.len() == 4 && (1000..=2999).contains(&y)).then_some(y)
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn day_value(y: u32, m: u32, d: u32) -> Option<Interval> {
    let limit = if y == 0 {
        days_in(2000, m)
    } else {
        days_in(y, m)
    };
    (1..=12).contains(&m).then_some(())?;
    (1..=limit).contains(&d).then_some(())?;
    Some(Interval::exact(f64::from(y * 10000 + m * 100 + d)))
}

fn month_value(y: u32, m: u32) -> Interval {
    let base = f64::from(y * 10000 + m * 100);
    Interval::closed(base + 1.0, base + f64::from(days_in(y, m)))
}

/// A date starting at token `i`.
pub(crate) fn date_at(toks: &[Tok], i: usize, default_year: Option<i32>) -> Option<DateMatch> {
    let fallback = default_year
        .and_then(|y| u32::try_from(y).ok())
        .unwrap_or(0);
    month_first(toks, i, fallback)
        .or_else(|| day_first(toks, i, fallback))
        .or_else(|| numeric(toks, i))
}

/// A month named alone after a preposition ("in September", "hasta agosto"): the
/// month of `default_year` (year 0 when unknown). Without the preposition a month
/// word is too often something else ("March" the verb, "Mayo" a surname).
pub(crate) fn bare_month(toks: &[Tok], i: usize, default_year: Option<i32>) -> Option<DateMatch> {
    let m = month(toks.get(i)?)?;
    let prev = toks.get(i.checked_sub(1)?)?;
    let preposition = matches!(
        prev.lower.as_str(),
        "in" | "since"
            | "until"
            | "by"
            | "to"
            | "from"
            | "during"
            | "through"
            | "between"
            | "en"
            | "desde"
            | "hasta"
            | "durante"
            | "de"
            | "para"
            | "entre"
            // "el pasado mayo", "last May", "next March".
            | "pasado"
            | "last"
            | "next"
    );
    // "since its March low": a possessive before a capitalised month.
    let possessive = matches!(prev.lower.as_str(), "its" | "their") && toks[i].cap;
    // "récord para un mes de julio": any July, not this year's.
    let generic = prev.is("de")
        && i >= 3
        && toks[i - 2].is("mes")
        && matches!(toks[i - 3].lower.as_str(), "un" | "cualquier");
    if generic {
        return None;
    }
    // The second month of a pair: "between July and September", "julio y septiembre".
    let paired = matches!(prev.lower.as_str(), "and" | "or" | "y" | "o" | "a")
        && i.checked_sub(2)
            .and_then(|k| toks.get(k))
            .is_some_and(|m| month(m).is_some());
    // A short lower-case form is too often a word ("mar" is the sea in Spanish).
    let full = toks[i].cap || toks[i].lower.chars().count() > 3;
    let y = default_year
        .and_then(|y| u32::try_from(y).ok())
        .unwrap_or(0);
    ((preposition || paired || possessive) && full).then(|| DateMatch {
        start: i,
        end: i + 1,
        value: month_value(y, m),
    })
}

/// After a month (and its abbreviation dot), the next token index.
fn after_month(toks: &[Tok], i: usize) -> usize {
    match toks.get(i + 1) {
        Some(d) if d.is_punct(".") && d.start == toks[i].end => i + 2,
        _ => i + 1,
    }
}

/// "Sept. 19", "September 19, 2023", "February 2022", "febrero de 2022".
fn month_first(toks: &[Tok], i: usize, fallback: u32) -> Option<DateMatch> {
    let m = month(toks.get(i)?)?;
    let j = after_month(toks, i);
    if let Some(y) = year_at(toks, j) {
        return Some(DateMatch {
            start: i,
            end: j + 1,
            value: month_value(y, m),
        });
    }
    if toks
        .get(j)
        .is_some_and(|t| t.is("de") || t.is("del") || t.is("of"))
        && let Some(y) = year_at(toks, j + 1)
    {
        return Some(DateMatch {
            start: i,
            end: j + 2,
            value: month_value(y, m),
        });
    }
    let d = num(toks.get(j)).filter(|_| toks[j].lower.len() <= 2)?;
    let mut end = j + 1;
    // "19th".
    if toks.get(end).is_some_and(|s| {
        s.start == toks[j].end && matches!(s.lower.as_str(), "st" | "nd" | "rd" | "th")
    }) {
        end += 1;
    }
    let mut y = fallback;
    let comma = usize::from(toks.get(end).is_some_and(|t| t.is_punct(",")));
    if let Some(year) = year_at(toks, end + comma) {
        y = year;
        end += comma + 1;
    }
    Some(DateMatch {
        start: i,
        end,
        value: day_value(y, m, d)?,
    })
}

/// "19 September 2023", "24 de septiembre", "24 de septiembre de 2023".
fn day_first(toks: &[Tok], i: usize, fallback: u32) -> Option<DateMatch> {
    let d = num(toks.get(i)).filter(|_| toks[i].lower.len() <= 2)?;
    let mut j = i + 1;
    if toks.get(j).is_some_and(|t| t.is("de")) {
        j += 1;
    }
    let m = month(toks.get(j)?)?;
    let mut end = after_month(toks, j);
    let mut y = fallback;
    let link = usize::from(
        toks.get(end)
            .is_some_and(|t| t.is("de") || t.is("del") || t.is_punct(",")),
    );
    if let Some(year) = year_at(toks, end + link) {
        y = year;
        end += link + 1;
    }
    Some(DateMatch {
        start: i,
        end,
        value: day_value(y, m, d)?,
    })
}

/// "23.09.2023" (one token), "23/09/2023", "2023-09-23".
fn numeric(toks: &[Tok], i: usize) -> Option<DateMatch> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Num {
        return None;
    }
    let parts: Vec<&str> = t.lower.split('.').collect();
    if parts.len() == 3 && parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2 {
        let p: Vec<u32> = parts.iter().filter_map(|s| s.parse().ok()).collect();
        let value = day_value(*p.get(2)?, *p.get(1)?, *p.first()?)?;
        return Some(DateMatch {
            start: i,
            end: i + 1,
            value,
        });
    }
    // Separated by "/" or "-", all glued.
    let sep = toks.get(i + 1)?;
    if !sep.is_punct("/-") || sep.start != t.end {
        return None;
    }
    let glued = (i..i + 4).all(|k| toks.get(k + 1).is_some_and(|n| n.start == toks[k].end));
    let same_sep = toks.get(i + 3).is_some_and(|s| s.lower == sep.lower);
    if !glued || !same_sep {
        return None;
    }
    let (a, b, c) = (num(Some(t))?, num(toks.get(i + 2))?, num(toks.get(i + 4))?);
    let value = if t.lower.len() == 4 {
        day_value(a, b, c)?
    } else if toks[i + 4].lower.len() == 4 {
        // Day first unless impossible (a US "09/23/2023").
        day_value(c, b, a).or_else(|| day_value(c, a, b))?
    } else {
        return None;
    };
    Some(DateMatch {
        start: i,
        end: i + 5,
        value,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn date(text: &str) -> Option<(f64, f64, usize)> {
        let toks = tokenize(text);
        let d = date_at(&toks, 0, Some(2023))?;
        Some((d.value.lo?, d.value.hi?, d.end))
    }

    #[test]
    fn month_year() {
        assert_eq!(date("February 2022"), Some((20220201.0, 20220228.0, 2)));
        assert_eq!(date("febrero de 2022"), Some((20220201.0, 20220228.0, 3)));
        assert_eq!(date("February 2024"), Some((20240201.0, 20240229.0, 2)));
    }

    #[test]
    fn days() {
        assert_eq!(date("Sept. 19").map(|d| d.0), Some(20230919.0));
        assert_eq!(date("September 19, 2021").map(|d| d.0), Some(20210919.0));
        assert_eq!(date("24 de septiembre").map(|d| d.0), Some(20230924.0));
        assert_eq!(
            date("24 de septiembre de 2022").map(|d| d.0),
            Some(20220924.0)
        );
        assert_eq!(date("19 September 2020").map(|d| d.0), Some(20200919.0));
        assert_eq!(date("23.09.2023").map(|d| d.0), Some(20230923.0));
        assert_eq!(date("23/09/2023").map(|d| d.0), Some(20230923.0));
        assert_eq!(date("2023-09-23").map(|d| d.0), Some(20230923.0));
    }

    #[test]
    fn bare_months() {
        let pair = tokenize("between July and September");
        assert!(bare_month(&pair, 3, Some(2023)).is_some());
        let toks = tokenize("rose in September and hasta agosto, but May said; en el mar");
        let v = |i| bare_month(&toks, i, Some(2023)).map(|d| (d.value.lo, d.value.hi));
        assert_eq!(v(2), Some((Some(20230901.0), Some(20230930.0))));
        assert_eq!(v(5), Some((Some(20230801.0), Some(20230831.0))));
        assert_eq!(v(8), None);
        assert_eq!(v(13), None);
    }

    #[test]
    fn not_dates() {
        assert_eq!(date("may 2022"), None);
        assert_eq!(date("31 de febrero"), None);
        assert_eq!(date("37 diplomats"), None);
    }
}
