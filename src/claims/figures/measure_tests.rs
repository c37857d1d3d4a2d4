//! One test per rule of the measure classes (issue 11): temperature scales, unit
//! signs and powers, unit letters that are scales, measures in two units, bracketed
//! units, and a measure not lent across a clause. Each reads a whole sentence through
//! [`analyze`], with a negative case where one matters.

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

/// (value, unit key) of the single figure whose text contains `needle`.
fn read(text: &str, lang: &str, needle: &str) -> (f64, String) {
    let figs = figures(text, lang);
    let found: Vec<_> = figs.iter().filter(|f| f.text.contains(needle)).collect();
    assert_eq!(
        found.len(),
        1,
        "{needle:?} in {:?}",
        figs.iter().map(|f| &f.text).collect::<Vec<_>>()
    );
    (
        found[0].value.lo.unwrap_or(f64::NAN),
        found[0].unit_key.clone(),
    )
}

fn check(text: &str, lang: &str, needle: &str, v: f64, key: &str) {
    let kinds: Vec<_> = figures(text, lang).iter().map(|f| f.kind).collect();
    assert!(kinds.iter().all(|k| *k == Kind::Count), "{text}: {kinds:?}");
    let (got, k) = read(text, lang, needle);
    assert!((got - v).abs() < 1e-6, "{text}: {got}");
    assert_eq!(k, key, "{text}");
}

#[test]
fn temperature_scales_written_after_the_degree() {
    check(
        "Normal is 98.6 degrees F at rest.",
        "en",
        "98.6",
        98.6,
        "fahrenheit",
    );
    check("Hizo -5 grados Fahrenheit.", "es", "5", -5.0, "fahrenheit");
    check(
        "Water boils at 100 degrees Celsius.",
        "en",
        "100",
        100.0,
        "degree",
    );
    check(
        "Deje que esté a 40 centígrados.",
        "es",
        "40",
        40.0,
        "degree",
    );
    check("It reached 10.5 celcius.", "en", "10.5", 10.5, "degree");
}

#[test]
fn unit_signs_and_powers_are_part_of_the_unit() {
    check("Set the thermostat to 85°.", "en", "85", 85.0, "degree");
    check("La cuajada está a 37ºC.", "es", "37", 37.0, "degree");
    check("It was 100 °F outside.", "en", "100", 100.0, "fahrenheit");
    check(
        "Panthers range over 190 km2 of swamp.",
        "en",
        "190",
        190.0,
        "square kilometer",
    );
    check(
        "The plot is 24703m2 in all.",
        "en",
        "24703",
        24703.0,
        "square meter",
    );
    check("It drove at 10km/h all day.", "en", "10", 10.0, "kilometer");
    // An ordinal indicator stays one: "1º" before no scale.
    let f = figures("Quedó en el 1º puesto.", "es");
    assert!(f.iter().any(|f| f.kind == Kind::Ordinal), "{f:?}");
}

#[test]
fn a_glued_m_is_a_metre_where_the_sentence_measures() {
    check(
        "The capacity is 100t and the outreach is 48m.",
        "en",
        "48",
        48.0,
        "meter",
    );
    check("1m is equal to 10 dm.", "en", "1m", 1.0, "meter");
    // Money, or a noun counted after it: millions.
    let (v, _) = read("The crane cost £48m and lifts 100t.", "en", "48");
    assert_eq!(v, 48e6);
    let (v, _) = read("The city has 4m people and 20 km of road.", "en", "4m");
    assert_eq!(v, 4e6);
}

#[test]
fn a_spaced_capital_k_is_a_kelvin_beside_a_temperature() {
    check(
        "Convertir 200 K en fahrenheit.",
        "es",
        "200",
        200.0,
        "kelvin",
    );
    let (v, _) = read("The stadium holds 50 K fans.", "en", "50");
    assert_eq!(v, 50e3);
}

#[test]
fn feet_and_inches_are_one_length() {
    check(
        "He is 5 feet 2 inches tall.",
        "en",
        "5 feet",
        5.0 + 2.0 / 12.0,
        "foot",
    );
    check(
        "The length is 12 ft 2 in more or less.",
        "en",
        "12",
        12.0 + 2.0 / 12.0,
        "foot",
    );
    // "in" opening a place is no inch.
    check("She ran 5 ft 2 in London.", "en", "5 ft", 5.0, "foot");
}

#[test]
fn a_unit_in_brackets_after_the_number() {
    check("The weight is 20 (kg).", "en", "20", 20.0, "kilogram");
    check("The weight is 20 [kg].", "en", "20", 20.0, "kilogram");
}

#[test]
fn a_measure_is_not_lent_across_a_clause() {
    let figs = figures("A lake averages two feet deep; and 3) predicts rain.", "en");
    let three = figs.iter().find(|f| f.text == "3");
    assert!(three.is_none_or(|f| f.unit_key != "foot"), "{figs:?}");
}
