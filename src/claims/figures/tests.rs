//! One test per rule of the number classes (issue 11): fractions, number words,
//! negatives, scales on digits, ranges, separators, and the English news traps. Each
//! reads a whole sentence through [`analyze`], with a negative case where one matters.

use crate::claims::{Figure, Kind, analyze};
use crate::extract::Article;

fn figures(text: &str, lang: &str) -> Vec<Figure> {
    analyze(&Article {
        paragraphs: vec![text.to_string()],
        lang: Some(lang.to_string()),
        ..Article::default()
    })
    .figures
}

/// The single figure whose text contains `needle`.
fn fig(text: &str, lang: &str, needle: &str) -> Figure {
    let figs = figures(text, lang);
    let found: Vec<_> = figs.iter().filter(|f| f.text.contains(needle)).collect();
    assert_eq!(
        found.len(),
        1,
        "{needle:?} in {:?}",
        figs.iter().map(|f| &f.text).collect::<Vec<_>>()
    );
    found[0].clone()
}

fn value(f: &Figure) -> (Option<f64>, Option<f64>) {
    (f.value.lo, f.value.hi)
}

fn exact(v: f64) -> (Option<f64>, Option<f64>) {
    (Some(v), Some(v))
}

#[test]
fn spanish_hundreds_tens_y_units_are_one_number() {
    let f = fig(
        "La empresa tiene trescientos cuarenta y siete empleados.",
        "es",
        "trescientos",
    );
    assert_eq!(value(&f), exact(347.0));
    assert_eq!(f.unit_key, "employee");
}

#[test]
fn digits_times_a_dozen() {
    let f = fig("She bought 3 dozen eggs at the market.", "en", "3");
    assert_eq!(value(&f), exact(36.0));
    let f = fig("Compró 3 docenas de huevos en el mercado.", "es", "3");
    assert_eq!(value(&f), exact(36.0));
}

#[test]
fn south_asian_and_short_scales_on_digits() {
    assert_eq!(
        value(&fig("The firm raised 13 lakh in a day.", "en", "13")),
        exact(1.3e6)
    );
    assert_eq!(
        value(&fig("Revenue reached 10 bln last year.", "en", "10")),
        exact(1e10)
    );
    assert_eq!(
        value(&fig("The hall held 322 hundred fans.", "en", "322")),
        exact(32_200.0)
    );
}

#[test]
fn a_glued_m_before_a_size_is_a_metre() {
    let f = fig("The player is 1.8m tall and fast.", "en", "1.8");
    assert_eq!(value(&f), exact(1.8));
    // A glued "m" with no size after it stays a million.
    let f = fig("The club paid 48m for the striker.", "en", "48");
    assert_eq!(value(&f), exact(48e6));
}

#[test]
fn signs_in_words_and_a_spaced_minus_before_degrees() {
    let f = fig(
        "Overnight it fell to minus 5 degrees in the valley.",
        "en",
        "5",
    );
    assert_eq!(value(&f), exact(-5.0));
    assert!(f.text.starts_with("minus"), "{f:?}");
    let f = fig("Cómo convertir - 20 grados a otra escala hoy", "es", "20");
    assert_eq!(value(&f), exact(-20.0));
    // A margin either way is no sign.
    let f = fig(
        "The poll has a margin of plus or minus 3 points for the sample.",
        "en",
        "3",
    );
    assert_eq!(f.value.hi, Some(3.0));
    // A spaced dash before a count sets off a clause.
    let f = fig("The team won again - 20 games in a row now.", "en", "20");
    assert_eq!(value(&f), exact(20.0));
}

#[test]
fn figure_kinds_are_unchanged_for_plain_counts() {
    let f = fig("Officials said 37 diplomats arrived.", "en", "37");
    assert_eq!(f.kind, Kind::Count);
}
