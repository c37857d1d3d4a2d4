//! One test per rule added after held-out batches 50 and 51 (issue 11): spans in units
//! of time, fiscal years, the Indian lakh grouping, a minus inside brackets, tallies
//! after "voting", partitives after a possessive, a rank word used as a noun, races
//! named by their distance, spans of dates across a new year and caps on amounts. Sentences are written for these tests; each rule
//! has a negative case where one matters.

use super::tests::{check_readings, fig, figures};
use crate::claims::Kind;

const MINUTE: f64 = 1.0 / 1440.0;

#[test]
fn a_span_in_two_units_of_time_is_one() {
    check_readings(&[
        (
            "en",
            "He was jailed for 11 years and four months on Tuesday.",
            "11 years and four months",
            Some(11.0 * 365.0 + 4.0 * 30.0),
            Some(11.0 * 365.0 + 4.0 * 30.0),
            Kind::Duration,
            "year",
        ),
        (
            "es",
            "Terminó con un tiempo de 3 minutos y 34 segundos.",
            "3 minutos y 34 segundos",
            Some((3.0 + 34.0 / 60.0) * MINUTE),
            Some((3.0 + 34.0 / 60.0) * MINUTE),
            Kind::Duration,
            "minute",
        ),
    ]);
    let f = fig("She won by 1min 12sec.", "en", "1min 12sec");
    assert!((f.value.lo.unwrap() - 1.2 * MINUTE).abs() < 1e-12);
    // A larger unit second, or a count after a comma, is another figure.
    assert_eq!(
        figures("It took two minutes and three hours.", "en").len(),
        2
    );
    assert_eq!(figures("It took two hours, 30 people died.", "en").len(), 2);
}

#[test]
fn fiscal_years_and_indian_grouping() {
    let f = fig(
        "BHP shipped 290 million tonnes in the 2024-25 financial year.",
        "en",
        "2024-25",
    );
    assert_eq!(
        (f.kind, f.value.lo, f.value.hi),
        (Kind::Year, Some(2024.0), Some(2025.0))
    );
    // Not the next year's digits: no fiscal year.
    let figs = figures("The score was 2024-31 at the break.", "en");
    assert!(
        figs.iter()
            .all(|f| f.kind != Kind::Year || f.value.is_exact()),
        "{figs:?}"
    );
    let f = fig(
        "Gold hit a high of ₹1,01,350 per 10 grams.",
        "en",
        "1,01,350",
    );
    assert_eq!((f.value.lo, f.kind), (Some(101_350.0), Kind::Money));
    let f = fig("The rally drew 1,20,000 people.", "en", "1,20,000");
    assert_eq!(f.value.lo, Some(120_000.0));
}

#[test]
fn a_minus_inside_brackets_and_tallies_after_voting() {
    let f = fig("El Ibex 35 cerró en 14.850,3 puntos (-1,1 %).", "es", "1,1");
    assert_eq!(f.value.lo, Some(-1.1));
    // A dash glued to a number before it still joins a range.
    let f = fig("Prices rose 10-20% last year.", "en", "10-20");
    assert_eq!((f.value.lo, f.value.hi), (Some(10.0), Some(20.0)));
    for n in ["10", "2"] {
        let figs = figures("The jury deliberated before voting 10-2 to convict.", "en");
        let f = figs
            .iter()
            .find(|f| f.text == n)
            .expect("each side of the tally");
        assert_eq!(f.unit_key, "vote");
    }
}

#[test]
fn partitives_after_a_possessive_and_ranks_used_as_nouns() {
    let f = fig("Two of her four brothers died.", "en", "Two");
    assert_eq!(f.unit_key, "brother");
    let figs = figures("Anotó cinco triples en el último cuarto.", "es");
    assert!(figs.iter().all(|f| f.kind != Kind::Ordinal), "{figs:?}");
    assert_eq!(
        fig("Ganó en el primer cuarto.", "es", "primer").kind,
        Kind::Ordinal
    );
}

#[test]
fn races_named_by_distance_and_reservoir_volumes() {
    let figs = figures(
        "She broke the record in the women's 5,000m, clocking 14 minutes.",
        "en",
    );
    assert!(figs.iter().all(|f| !f.text.contains("5,000")), "{figs:?}");
    let f = fig("Los embalses guardan 191 hectómetros cúbicos.", "es", "191");
    assert_eq!(f.unit_key, "cubic hectometer");
}

#[test]
fn spans_in_three_units_and_across_a_new_year() {
    let f = fig("Sawe won in 2hr 2min 27sec.", "en", "2hr");
    let want = (2.0 + (2.0 + 27.0 / 60.0) / 60.0) / 24.0;
    assert!((f.value.lo.unwrap() - want).abs() < 1e-12, "{:?}", f.value);
    let f = fig("Ganó en 2 horas, 2 minutos y 5 segundos.", "es", "2 horas");
    assert_eq!(f.unit_key, "hour");
    let f = fig(
        "Exhibirá del 15 de noviembre al 8 de marzo 40 obras.",
        "es",
        "noviembre",
    );
    // No article date here, so the year is 0 and the end falls in year 1.
    assert_eq!((f.value.lo, f.value.hi), (Some(1115.0), Some(10_308.0)));
    let f = fig(
        "Police recorded 6 953 murders between October and December 2024.",
        "en",
        "October",
    );
    assert_eq!(
        (f.value.lo, f.value.hi),
        (Some(20_241_001.0), Some(20_241_231.0))
    );
    // A later end in the same year stays in it.
    let f = fig("Del 3 de marzo al 9 de abril.", "es", "marzo");
    assert_eq!(f.value.hi, Some(409.0));
}

#[test]
fn caps_on_amounts_are_upper_bounds() {
    let f = fig(
        "Payments would be capped at £100,000 per farm.",
        "en",
        "100,000",
    );
    assert_eq!((f.value.lo, f.value.hi), (Some(0.0), Some(100_000.0)));
    let f = fig("Ayudas con un tope de 300 euros.", "es", "300");
    assert_eq!((f.value.lo, f.value.hi), (Some(0.0), Some(300.0)));
}
