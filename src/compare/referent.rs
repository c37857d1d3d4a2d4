//! What a number is about, beyond its unit: the thing an amount measures ("$6 trillion
//! budget" is a budget, "$5 trillion in new spending" is spending, "45% of the vote" is
//! the vote), and whether the number is a level or a change ("claims fell by 20,000"
//! is a change; "405,000 claims" a level). Two figures whose referents differ are
//! different quantities however alike their sentences.

use std::collections::HashSet;

use crate::claims::{Figure, Kind};
use crate::fetch::discover::fold;

/// Words that end the phrase an amount opens: prepositions, conjunctions, auxiliaries.
const PHRASE_END: &[&str] = &[
    "over", "to", "from", "by", "on", "at", "with", "for", "in", "of", "than", "since", "after",
    "before", "during", "and", "or", "but", "that", "which", "who", "is", "was", "are", "were",
    "will", "would", "has", "have", "had", "be", "been", "this", "next", "last", "a", "an", "por",
    "para", "con", "desde", "hasta", "que", "y", "o", "es", "fue", "son", "será", "sera",
    "durante", "tras", "entre", "en", "de", "del", "al", "a",
];

/// Determiners skipped at the start of the phrase ("of the vote").
const DETERMINERS: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "el", "la", "los", "las", "un", "una", "su", "sus",
    "lo",
];

/// Words of the unit phrase that name the measure itself, not what it measures.
const MEASURE_WORDS: &[&str] = &[
    "percent",
    "per",
    "cent",
    "ciento",
    "por",
    "point",
    "points",
    "punto",
    "puntos",
    "percentage",
    "dollar",
    "dollars",
    "euro",
    "euros",
    "peso",
    "pesos",
    "pound",
    "pounds",
    "yen",
    "dólares",
    "dolares",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "millones",
    "millón",
    "millon",
    "mil",
    "billones",
];

/// The content words naming what an amount measures: its unit phrase's words beyond
/// the measure ("$6 trillion budget proposal" → budget, proposal), else the phrase it
/// opens with "in" / "of" / "en" / "de" ("$5 trillion in new federal spending" → new,
/// federal, spending). Only for money and percentages; empty when nothing is named.
pub(super) fn measured(f: &Figure) -> HashSet<String> {
    // Counts have their unit; years, dates and durations measure time.
    if !matches!(f.kind, Kind::Money | Kind::Percent) {
        return HashSet::new();
    }
    let content = |w: &str| w.chars().count() >= 3 && !w.chars().any(|c| c.is_ascii_digit());
    let from_unit: HashSet<String> = f
        .unit
        .split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| content(w) && !MEASURE_WORDS.contains(&w.as_str()))
        .collect();
    if !from_unit.is_empty() {
        return from_unit;
    }
    let Some(rest) = after(f) else {
        return HashSet::new();
    };
    // The phrase stops at the first punctuation mark.
    let mut words: Vec<String> = Vec::new();
    for w in rest.split_whitespace() {
        let bare = w.trim_end_matches([',', '.', ';', ':', ')', '"', '”']);
        words.push(fold(bare));
        if bare.len() != w.len() {
            break;
        }
    }
    let mut it = words.iter().map(String::as_str);
    if !matches!(it.next(), Some("in" | "of" | "en" | "de")) {
        return HashSet::new();
    }
    it.skip_while(|w| DETERMINERS.contains(w))
        .take_while(|w| !PHRASE_END.contains(w))
        .take(4)
        .filter(|w| content(w) && !MEASURE_WORDS.contains(w))
        .map(str::to_string)
        .collect()
}

/// The period a change is measured over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Period {
    Year,
    Quarter,
    Month,
}

/// Phrases that name the period of a change, folded (no accents).
const PERIODS: &[(&str, Period)] = &[
    ("year-over-year", Period::Year),
    ("year-on-year", Period::Year),
    ("from a year earlier", Period::Year),
    ("from a year ago", Period::Year),
    ("than a year ago", Period::Year),
    ("than a year earlier", Period::Year),
    ("over the past year", Period::Year),
    ("in the past year", Period::Year),
    ("12 months", Period::Year),
    ("twelve months", Period::Year),
    ("same period", Period::Year),
    ("annual", Period::Year),
    ("interanual", Period::Year),
    ("hace un ano", Period::Year),
    ("el ano anterior", Period::Year),
    ("mismo periodo", Period::Year),
    ("quarter-on-quarter", Period::Quarter),
    ("quarter-over-quarter", Period::Quarter),
    ("previous quarter", Period::Quarter),
    ("trimestre anterior", Period::Quarter),
    ("month-over-month", Period::Month),
    ("month-on-month", Period::Month),
    ("monthly", Period::Month),
    ("previous month", Period::Month),
    ("a month earlier", Period::Month),
    ("mes anterior", Period::Month),
    ("mensual", Period::Month),
    ("intermensual", Period::Month),
];

/// Month names after "from"/"desde"/"respecto a" name a month-on-month change ("the
/// 0.9 percent increase from March").
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// The period the figure's change is measured over, when its clause names one:
/// "3% from the same period in 2020" is a year, "0.9 percent from March" a month.
pub(super) fn period(f: &Figure) -> Option<Period> {
    let at = f.sentence.find(&f.text)?;
    let start = f.sentence[..at]
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(3)
        .map_or(0, |(i, _)| i);
    // The clause ends at the next stop after the figure's own text ("0.9" has one).
    let from = at + f.text.len();
    let end = f.sentence[from..]
        .find(['.', ';'])
        .map_or(f.sentence.len(), |e| from + e);
    let clause = fold(&f.sentence[start..end]);
    if let Some(&(_, p)) = PERIODS.iter().find(|(w, _)| clause.contains(w)) {
        return Some(p);
    }
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .any(|w| matches!(w[0], "from" | "desde" | "since") && MONTHS.contains(&w[1]))
        .then_some(Period::Month)
}

/// The sentence after the figure's own text.
fn after(f: &Figure) -> Option<&str> {
    let at = f.sentence.find(&f.text)?;
    f.sentence.get(at + f.text.len()..)
}

/// The number states a change, not a level: "by 20,000", "up 3 points", "a rise of 5%",
/// "en 20.000", "un aumento de 5%".
pub(super) fn is_change(f: &Figure) -> bool {
    let Some(at) = f.sentence.find(&f.text) else {
        return false;
    };
    let before: Vec<String> = f.sentence[..at]
        .split_whitespace()
        .rev()
        .take(3)
        .map(fold)
        .collect();
    let first = before.first().map(String::as_str);
    let second = before.get(1).map(String::as_str);
    matches!(first, Some("by" | "up" | "down"))
        || (matches!(first, Some("of" | "de"))
            && matches!(
                second,
                Some(
                    "rise"
                        | "increase"
                        | "drop"
                        | "decrease"
                        | "decline"
                        | "fall"
                        | "gain"
                        | "jump"
                        | "aumento"
                        | "alza"
                        | "caida"
                        | "descenso"
                        | "subida"
                )
            ))
}

#[cfg(test)]
mod period_tests {
    use super::*;
    use crate::claims::Interval;

    fn pct(text: &str, sentence: &str) -> Figure {
        Figure {
            text: text.into(),
            value: Interval::exact(1.0),
            kind: Kind::Percent,
            unit: "percent".into(),
            unit_key: "percent".into(),
            modifiers: Vec::new(),
            currency: None,
            span: [0, 0],
            sentence: sentence.into(),
            attribution: None,
            headline: false,
        }
    }

    #[test]
    fn the_period_of_a_change() {
        let yearly = pct(
            "3%",
            "The core CPI increased 3% from the same period in 2020.",
        );
        let monthly = pct(
            "0.9 percent",
            "The 0.9 percent CPI increase from March is the highest.",
        );
        assert_eq!(period(&yearly), Some(Period::Year));
        assert_eq!(period(&monthly), Some(Period::Month));
        assert_eq!(period(&pct("5%", "Prices rose 5% in the city.")), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Interval;

    fn money(text: &str, unit: &str, sentence: &str) -> Figure {
        Figure {
            text: text.into(),
            value: Interval::exact(1.0),
            kind: Kind::Money,
            unit: unit.into(),
            unit_key: "dollar".into(),
            modifiers: Vec::new(),
            currency: Some("USD".into()),
            span: [0, 0],
            sentence: sentence.into(),
            attribution: None,
            headline: false,
        }
    }

    #[test]
    fn what_an_amount_measures() {
        let s = "He proposed a $6 trillion budget and $5 trillion in new federal spending over the decade.";
        let budget = money("$6 trillion budget", "budget", s);
        assert_eq!(measured(&budget), HashSet::from(["budget".to_string()]));
        let spending = money("$5 trillion", "", s);
        let m = measured(&spending);
        assert!(m.contains("spending") && m.contains("federal"), "{m:?}");
        assert!(!m.contains("decade"), "the phrase ends at 'over': {m:?}");
        let vote = Figure {
            kind: Kind::Percent,
            ..money("45%", "", "She won 45% of the vote.")
        };
        assert_eq!(measured(&vote), HashSet::from(["vote".to_string()]));
        assert!(
            measured(&money(
                "$5 trillion",
                "",
                "It costs $5 trillion, they said."
            ))
            .is_empty()
        );
    }

    #[test]
    fn changes_and_levels() {
        let c = |text: &str, s: &str| is_change(&money(text, "", s));
        assert!(c("20,000", "Claims fell by 20,000 to 405,000."));
        assert!(!c("405,000", "Claims fell by 20,000 to 405,000."));
        assert!(c("5%", "It was a rise of 5% on the year."));
        assert!(!c("5%", "Unemployment stands at 5%."));
    }
}
