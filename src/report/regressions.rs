//! Regressions found by the property tests in `tests/no_panic.rs`, on comparisons
//! built from short texts through claims and compare.

use chrono::{DateTime, Utc};

use super::{Format, Options, render};
use crate::compare::{Comparison, Subject, compare};
use crate::extract::Article;

fn subject(id: &str, text: &str, lang: &str) -> Subject {
    let article = Article {
        title: "Title".into(),
        paragraphs: text.split("\n\n").map(String::from).collect(),
        lang: Some(lang.into()),
        ..Article::default()
    };
    let capture = crate::pipeline::Capture {
        url: format!("https://{id}.example/a"),
        captured: DateTime::<Utc>::UNIX_EPOCH,
        hash: "h".into(),
        version: 1,
        score: None,
        matched: Vec::new(),
    };
    crate::pipeline::subject_of(id, id, &article, capture)
}

/// The reference and outlets `(id, text)`, all in `lang`.
fn comparison(reference: &str, outlets: &[(&str, &str)], lang: &str) -> Comparison {
    compare(
        "story",
        "Story",
        subject("reference", reference, lang),
        outlets.iter().map(|(id, t)| subject(id, t, lang)).collect(),
        DateTime::<Utc>::UNIX_EPOCH,
    )
}

fn assert_fits_100_columns(c: &Comparison) {
    let text = render(c, Format::Text, &Options::default());
    for line in text.lines() {
        assert!(line.chars().count() <= 100, "{line:?}\n{text}");
    }
}

#[test]
fn the_reference_id_fits_its_column_beside_short_outlet_ids() {
    // The reference's inconsistency is listed under its id, longer than "ap".
    let s = "The embassy staff rose from 49 translators accredited in the capital \
             to 86 translators accredited in the capital, a 60% jump.";
    let c = comparison(s, &[("ap", s)], "en");
    assert!(c.inconsistencies.contains_key("reference"), "{c:?}");
    assert_fits_100_columns(&c);
}

#[test]
fn an_outlet_id_longer_than_the_column_is_cut() {
    let id = "a-very-long-outlet-identifier-that-is-a-valid-slug-of-sixty-four";
    assert!(crate::config::is_slug(id));
    let s = "The embassy has 49 diplomats.";
    let c = comparison(s, &[(id, "The embassy has 48 diplomats.")], "en");
    assert_fits_100_columns(&c);
}
