//! Which figures the comparison compares: every figure the reader finds except the
//! dates the labelling rules leave out (`tests/fixtures/verdicts/README.md`), a month
//! named alone ("in June", "since March") and a date in the name of a body ("the Jan.
//! 6 committee"; "the Jan. 6 attack" and "9/11" date an event and are compared). They
//! stay in the claims and in `inspect`; they only get no row and pair with nothing.

use crate::claims::{Figure, Kind};

/// Nouns after a date without a year that make it part of a body's name.
const BODY_NOUNS: &[&str] = &[
    "committee",
    "commission",
    "panel",
    "select",
    "subcommittee",
    "comisión",
    "comision",
    "comité",
    "comite",
];

/// Is `f` compared with the other articles' figures?
pub fn compared(f: &Figure) -> bool {
    if f.kind != Kind::Date {
        return true;
    }
    let has_year = f
        .text
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4);
    let bare_month = !f.text.chars().any(|c| c.is_ascii_digit());
    if bare_month && !has_year {
        return false;
    }
    let after = f
        .sentence
        .find(&f.text)
        .map(|at| &f.sentence[at + f.text.len()..])
        .unwrap_or("");
    let next = after
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let names_body =
        !after.starts_with([',', '.', ';', ':']) && BODY_NOUNS.contains(&next.as_str());
    !names_body || has_year
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Interval;

    fn date(text: &str, sentence: &str, lo: f64, hi: f64) -> Figure {
        Figure {
            text: text.into(),
            value: Interval::closed(lo, hi),
            kind: Kind::Date,
            unit: String::new(),
            unit_key: String::new(),
            modifiers: Vec::new(),
            currency: None,
            span: [0, text.len()],
            sentence: sentence.into(),
            attribution: None,
            headline: false,
        }
    }

    #[test]
    fn months_alone_and_event_names_are_not_compared() {
        let s = "Prices rose in June, after the Jan. 6 committee met on June 28.";
        assert!(!compared(&date("June", s, 20210601.0, 20210630.0)));
        assert!(!compared(&date("Jan. 6", s, 20210106.0, 20210106.0)));
        assert!(compared(&date("June 28", s, 20210628.0, 20210628.0)));
        assert!(compared(&date(
            "June 2021",
            "It ended in June 2021.",
            20210601.0,
            20210630.0
        )));
        let dated = "Rioters stormed the Capitol on Jan. 6, 2021, the committee said.";
        assert!(compared(&date(
            "Jan. 6, 2021",
            dated,
            20210106.0,
            20210106.0
        )));
    }
}
