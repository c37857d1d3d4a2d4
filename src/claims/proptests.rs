//! Property tests: the figure reader never panics and keeps its spans inside the
//! text, and numbers written in either language's conventions read back as the
//! value they were written from.

use proptest::prelude::*;

use super::numbers::{Convention, parse_digits};
use super::{Kind, analyze};
use crate::extract::Article;

fn article(text: &str, lang: Option<&str>) -> Article {
    Article {
        paragraphs: text.split("\n\n").map(String::from).collect(),
        lang: lang.map(String::from),
        published: Some("2023-10-15".to_string()),
        ..Article::default()
    }
}

/// Writes `int` with `thousands` between groups of three and `frac` after
/// `decimal`: the ways English ("1,234.5"), Spanish ("1.234,5") and typeset text
/// ("1 234,5") write a number.
fn write_number(int: u64, frac: &str, thousands: Option<char>, decimal: char) -> String {
    let digits = int.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0
            && (digits.len() - i).is_multiple_of(3)
            && let Some(sep) = thousands
        {
            out.push(sep);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

fn value_of(int: u64, frac: &str) -> f64 {
    format!("{int}.{frac}0").parse().unwrap_or(f64::NAN)
}

/// Pieces of news text that exercise every rule, to mix with arbitrary characters.
const PIECES: &[&str] = &[
    "1,234",
    "1.234",
    "12,5",
    "3.5",
    "-4",
    "2020",
    "1 234",
    "0,5",
    "23.09.2023",
    "14:00",
    "$",
    "US$",
    "€",
    "%",
    "per cent",
    "por ciento",
    "million",
    "millones",
    "mil",
    "bn",
    "k",
    "at least",
    "more than",
    "al menos",
    "más de",
    "casi el",
    "hasta",
    "between",
    "entre",
    "and",
    "y",
    "to",
    "a",
    "de",
    "of the",
    "de los",
    "half",
    "la mitad",
    "a third of",
    "one in",
    "de cada",
    "out of",
    "dozens of",
    "decenas de",
    "first",
    "tercer",
    "3rd",
    "25.º",
    "minuto",
    "February",
    "febrero",
    "Sept.",
    "in",
    "rose",
    "subió",
    "from",
    "people",
    "personas",
    "diplomats",
    "años",
    "years",
    "hours",
    "Boeing",
    "No.",
    "G7",
    "COVID-19",
    "+34",
    "(555)",
    "555-1234",
    "https://x.org/2023",
    ",",
    ".",
    ":",
    "-",
    "–",
    "(",
    ")",
    "“",
    "”",
    "«",
    "»",
    "\n\n",
    "Updated",
    "shares",
    "said",
    "dijo",
    "según",
    "¡",
    "¿",
    "é",
    "\u{301}",
    "\u{a0}",
    "\u{202f}",
    "🙂",
    "9999999999999999999999",
];

fn news_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => (0u64..100_000).prop_map(|n| n.to_string()),
    ];
    proptest::collection::vec((piece, proptest::bool::weighted(0.6)), 0..60).prop_map(|parts| {
        let mut s = String::new();
        for (p, space) in parts {
            s.push_str(&p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

fn check_spans(text: &str, lang: Option<&str>) {
    let art = article(text, lang);
    let full = art.text();
    let claims = analyze(&art);
    for f in &claims.figures {
        assert_eq!(
            full.get(f.span[0]..f.span[1]),
            Some(f.text.as_str()),
            "{text:?}"
        );
        assert!(f.value.lo.is_none_or(|v| !v.is_nan()), "{text:?}");
        assert!(f.value.hi.is_none_or(|v| !v.is_nan()), "{text:?}");
    }
    for q in &claims.quotes {
        assert!(full.get(q.span[0]..q.span[1]).is_some(), "{text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_text(chars in proptest::collection::vec(any::<char>(), 0..300)) {
        let text: String = chars.into_iter().collect();
        for lang in [Some("en"), Some("es"), None] {
            check_spans(&text, lang);
        }
    }

    #[test]
    fn never_panics_on_news_like_text(text in news_like()) {
        for lang in [Some("en"), Some("es"), None] {
            check_spans(&text, lang);
        }
    }

    #[test]
    fn digits_round_trip_in_every_convention(
        int in 0u64..10_000_000_000,
        frac in "[0-9]{0,4}",
        spaced in any::<bool>(),
    ) {
        let want = value_of(int, &frac);
        for conv in [Convention::DotDecimal, Convention::CommaDecimal] {
            let (thousands, decimal) = match conv {
                Convention::DotDecimal => (',', '.'),
                Convention::CommaDecimal => ('.', ','),
            };
            let sep = if spaced { ' ' } else { thousands };
            for grouping in [Some(sep), None] {
                let s = write_number(int, &frac, grouping, decimal);
                let back = parse_digits(&s, conv);
                prop_assert_eq!(back, Some(want), "{} under {:?}", s, conv);
            }
        }
    }

    #[test]
    fn written_counts_read_back_through_the_article(int in 1_000u64..1_000_000_000, spaced in any::<bool>()) {
        // A grouped count in a one-number article: its language settles the separator.
        for (lang, sep, noun) in [("en", ',', "people"), ("es", '.', "personas")] {
            let sep = if spaced { '\u{a0}' } else { sep };
            let text = format!("{} {noun} came.", write_number(int, "", Some(sep), '.'));
            let figs = analyze(&article(&text, Some(lang))).figures;
            prop_assert_eq!(figs.len(), 1, "{}", text);
            prop_assert_eq!(figs[0].kind, Kind::Count);
            prop_assert_eq!(figs[0].value.lo, Some(int as f64), "{}", text);
        }
    }

    #[test]
    fn written_percentages_read_back_through_the_article(int in 0u64..1000, frac in "[0-9]{1,2}") {
        let want = value_of(int, &frac);
        for (lang, text) in [
            ("en", format!("Turnout was {}%.", write_number(int, &frac, None, '.'))),
            ("es", format!("La participación fue del {} %.", write_number(int, &frac, None, ','))),
        ] {
            let figs = analyze(&article(&text, Some(lang))).figures;
            prop_assert_eq!(figs.len(), 1, "{}", text);
            prop_assert_eq!(figs[0].kind, Kind::Percent);
            prop_assert_eq!(figs[0].value.lo, Some(want), "{}", text);
        }
    }
}
