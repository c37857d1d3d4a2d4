//! Claims made by hand: figures whose bounds, spans and texts `claims::analyze` would
//! never give (open, reversed, infinite or NaN bounds; spans off the text; a text its
//! sentence does not contain). `compare` is public and runs on whatever claims it is
//! handed, so it must not panic on these either.

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::sample::{Index, select};
use storydiff::claims::{Claims, Figure, Framing, FramingHit, Interval, Kind, Paraphrase, Quote};

use super::words::{CURRENCIES, MODIFIERS, UNIT_KEYS};
use super::{assembled, number};

fn bound() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        2 => Just(None),
        6 => (-1000.0f64..1e7).prop_map(|v| Some(v.round())),
        2 => select(&[0.0, -0.0, 1e308, -1e308, f64::INFINITY, f64::NEG_INFINITY, f64::NAN,
            f64::MIN_POSITIVE, 20230915.0, 20221301.0, 99999999999.0][..]).prop_map(Some),
    ]
}

fn interval() -> impl Strategy<Value = Interval> {
    prop_oneof![
        bound().prop_map(|b| Interval {
            lo: b,
            hi: b,
            lo_strict: false,
            hi_strict: false
        }),
        (bound(), bound(), any::<bool>(), any::<bool>()).prop_map(
            |(lo, hi, lo_strict, hi_strict)| Interval {
                lo,
                hi,
                lo_strict,
                hi_strict
            }
        ),
    ]
}

fn kind() -> impl Strategy<Value = Kind> {
    select(
        &[
            Kind::Count,
            Kind::Money,
            Kind::Percent,
            Kind::Year,
            Kind::Date,
            Kind::Duration,
            Kind::Ordinal,
        ][..],
    )
}

/// A span: where the text really is, or anywhere, reversed included.
fn span(real: [usize; 2]) -> impl Strategy<Value = [usize; 2]> {
    prop_oneof![
        3 => Just(real),
        1 => (0usize..600, 0usize..600).prop_map(|(a, b)| [a, b]),
        1 => Just([usize::MAX, 0]),
    ]
}

/// A piece of `sentence` between two character boundaries, with where it stands.
fn slice(sentence: &str, a: Index, b: Index) -> (String, [usize; 2]) {
    let bounds: Vec<usize> = sentence
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(sentence.len()))
        .collect();
    let (x, y) = (a.get(&bounds), b.get(&bounds));
    let (x, y) = (*x.min(y), *x.max(y));
    (sentence[x..y].to_string(), [x, y])
}

fn figure(sentences: Vec<String>) -> impl Strategy<Value = Figure> {
    let text = (
        any::<Index>(),
        any::<Index>(),
        any::<Index>(),
        prop::option::weighted(0.3, number()),
    );
    (
        text,
        interval(),
        kind(),
        select(UNIT_KEYS),
        prop::collection::vec(select(MODIFIERS), 0..3),
        prop::option::of(select(CURRENCIES)),
        any::<bool>(),
    )
        .prop_flat_map(
            move |((s, a, b, other), value, kind, unit_key, modifiers, currency, said)| {
                let sentence = s.get(&sentences).clone();
                let (own, real) = slice(&sentence, a, b);
                let text = other.unwrap_or(own);
                (Just(text), span(real)).prop_map(move |(text, span)| Figure {
                    unit: format!("{unit_key}s"),
                    text,
                    value,
                    kind,
                    unit_key: unit_key.to_string(),
                    modifiers: modifiers.iter().map(|m| m.to_string()).collect(),
                    currency: currency.map(str::to_string),
                    span,
                    sentence: sentence.clone(),
                    attribution: said.then(|| "officials <b>".to_string()),
                    headline: false,
                })
            },
        )
}

/// Claims over one to four assembled sentences, and the article text they come from.
pub fn claims() -> impl Strategy<Value = (Claims, String)> {
    prop::collection::vec(assembled(), 1..5).prop_flat_map(|sentences| {
        let text = sentences.join(" ");
        let n = sentences.len();
        let quote = (
            any::<Index>(),
            any::<Index>(),
            any::<Index>(),
            any::<bool>(),
        );
        let hit = (
            any::<Index>(),
            select(&["label", "scare_quote", "hedge", "emotive", "?"][..]),
        );
        (
            prop::collection::vec(figure(sentences.clone()), 0..8),
            prop::collection::vec(quote, 0..3),
            prop::collection::vec(hit, 0..4),
            0usize..3,
            Just(sentences),
        )
            .prop_map(move |(mut figures, quotes, hits, words, sentences)| {
                // Text order, as claims gives them, most of the time.
                if n % 2 == 0 {
                    figures.sort_by_key(|f| f.span[0]);
                }
                let quotes: Vec<Quote> = quotes
                    .into_iter()
                    .map(|(s, a, b, named)| {
                        let sentence = s.get(&sentences).clone();
                        let (text, span) = slice(&sentence, a, b);
                        Quote {
                            text,
                            speaker: named.then(|| "Ana Pérez".into()),
                            span,
                            sentence,
                        }
                    })
                    .collect();
                let hits: Vec<FramingHit> = hits
                    .into_iter()
                    .map(|(w, category)| {
                        let words: Vec<&str> = text.split(' ').collect();
                        FramingHit {
                            term: w.get(&words).to_string(),
                            category: category.into(),
                            neutral: Some("diplomats".into()),
                            span: [0, 0],
                        }
                    })
                    .collect();
                let mut per_1000 = BTreeMap::new();
                // A density over no words: what a careless division would give.
                per_1000.insert("label".to_string(), if words == 0 { f64::NAN } else { 1.5 });
                let paraphrases = vec![Paraphrase {
                    source: "officials".into(),
                    cue: "said".into(),
                    span: [0, text.len()],
                    sentence: sentences[0].clone(),
                }];
                let claims = Claims {
                    figures,
                    quotes,
                    framing: Framing {
                        words,
                        hits,
                        per_1000,
                    },
                    paraphrases,
                };
                (claims, text.clone())
            })
    })
}
