//! Money reading end to end: one test per rule of `currency` and `sub_units`, each with the case it must leave alone.

use crate::claims::analyze;
use crate::claims::types::{Figure, Kind};
use crate::extract::Article;

fn figures(text: &str, lang: &str) -> Vec<Figure> {
    let article = Article {
        paragraphs: text.split("\n\n").map(String::from).collect(),
        lang: Some(lang.to_string()),
        ..Article::default()
    };
    analyze(&article).figures
}

/// (text, value, kind, unit key, currency) of every figure.
fn read(text: &str, lang: &str) -> Vec<(String, f64, Kind, String, Option<String>)> {
    figures(text, lang)
        .into_iter()
        .map(|f| {
            let v = f.value.lo.unwrap_or(f64::NAN);
            (f.text, v, f.kind, f.unit_key, f.currency)
        })
        .collect()
}

/// The one money figure of `text`: (value, unit key, currency).
fn money(text: &str, lang: &str) -> (f64, String, String) {
    let m: Vec<_> = read(text, lang)
        .into_iter()
        .filter(|f| f.2 == Kind::Money)
        .collect();
    assert_eq!(m.len(), 1, "{text}: {m:#?}");
    let (_, v, _, key, cur) = m[0].clone();
    (v, key, cur.unwrap_or_default())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

#[track_caller]
fn check(text: &str, lang: &str, v: f64, key: &str, code: &str) {
    let (got, k, c) = money(text, lang);
    assert!(close(got, v), "{text}: {got} ≠ {v}");
    assert_eq!((k.as_str(), c.as_str()), (key, code), "{text}");
}

#[test]
fn currency_nouns_as_data() {
    check(
        "including 450,000 yen by the prime minister",
        "en",
        450000.0,
        "yen",
        "JPY",
    );
    check(
        "a value of 528 million francs on the stake",
        "en",
        528e6,
        "franc",
        "CHF",
    );
    check("fined 10,000 swiss francs.", "en", 10000.0, "franc", "CHF");
    check(
        "125 million australian dollars of bonds",
        "en",
        125e6,
        "australian dollar",
        "AUD",
    );
    check(
        "alcanzar los 10050 millones de dólares de Hong Kong.",
        "es",
        10050e6,
        "hong kong dollar",
        "HKD",
    );
    check("He lost 10000 bitcoins", "en", 10000.0, "bitcoin", "XBT");
}

#[test]
fn sub_units_as_shares() {
    check("a bid of 470 pence a share", "en", 4.7, "penny", "GBP");
    check(
        "un dividendo de 12 centavos de dólar",
        "es",
        0.12,
        "cent",
        "USD",
    );
    check("shares fell 34 cents", "en", 0.34, "cent", "USD");
}

#[test]
fn pounds_weight_or_sterling() {
    check(
        "operating profit improved to 361 million pounds",
        "en",
        361e6,
        "pound",
        "GBP",
    );
    for text in [
        "The reality star lost 40 pounds in six months.",
        "The firm recalled 2 million pounds of beef.",
    ] {
        let f = read(text, "en");
        assert!(
            f.iter().any(|f| f.2 == Kind::Count && f.3 == "pound"),
            "{text}: {f:#?}"
        );
    }
}
