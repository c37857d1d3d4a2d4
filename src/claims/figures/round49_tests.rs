//! One test per rule added after held-out batch 49 (issue 11): decades of a life,
//! Spanish ages set off with "de", bound verbs in every form, spans of days across
//! months, an ordinal that borrows the noun of the one it is joined to, shares after
//! a rounding word, likeness phrases, sub-units as written and numbers drawn in a
//! lottery. Sentences are written for these tests; each rule has a negative case
//! where one matters.

use super::tests::{check_readings, fig, figures};
use crate::claims::{Kind, in_compared_unit};

const YEAR: f64 = 365.0;

#[test]
fn decades_of_a_life_and_spanish_ages_after_de() {
    let f = fig("A woman in her 80s was treated at the scene.", "en", "80s");
    assert_eq!((f.kind, f.unit_key.as_str()), (Kind::Duration, "year"));
    assert_eq!(
        (f.value.lo, f.value.hi),
        (Some(80.0 * YEAR), Some(90.0 * YEAR))
    );
    assert!(f.value.hi_strict, "up to the next decade");
    let f = fig("He is in his early forties.", "en", "forties");
    assert_eq!(f.value.lo, Some(40.0 * YEAR));
    // Not a decade of a life: a decade of the calendar.
    let f = fig("Prices in the 1980s were lower.", "en", "1980s");
    assert_eq!(f.kind, Kind::Year);
    check_readings(&[(
        "es",
        "Una mujer de 102 años y su hija, de 78, fueron rescatadas.",
        "78",
        Some(78.0 * YEAR),
        Some(78.0 * YEAR),
        Kind::Duration,
        "year",
    )]);
    // After a thing, ", de 120," is the whole the count is part of.
    let f = fig("Se vendieron 30 pisos, de 120, en un mes.", "es", "120");
    assert_eq!(f.kind, Kind::Count);
}

#[test]
fn spanish_bound_verbs_in_every_form() {
    for (text, needle) in [
        (
            "El Gobierno confía en superar los siete millones este año.",
            "siete",
        ),
        ("La inflación ha rebasado el 5 %.", "5"),
        ("Las ventas sobrepasaron los 300 millones de euros.", "300"),
    ] {
        let f = fig(text, "es", needle);
        assert!(
            f.value.lo_strict && f.value.hi.is_none(),
            "{text}: {:?}",
            f.value
        );
    }
    let f = fig("El precio rondaba los 40 euros.", "es", "40");
    assert_eq!((f.value.lo, f.value.hi), (Some(36.0), Some(44.0)));
    // "-ir" verbs of change in the future: a before and an after, not a range.
    let figs = figures("El boleto subirá de 5 a 7 pesos.", "es");
    let values: Vec<_> = figs.iter().map(|f| (f.value.lo, f.value.hi)).collect();
    assert_eq!(values, [(Some(5.0), Some(5.0)), (Some(7.0), Some(7.0))]);
}

#[test]
fn spans_closing_a_clause_before_a_conjunction() {
    let f = fig(
        "Agotó tres estadios en una semana y ya suma 14 millones de oyentes.",
        "es",
        "semana",
    );
    assert_eq!((f.kind, f.value.lo), (Kind::Duration, Some(7.0)));
    // A week that dates a comparison stays no figure.
    let figs = figures("Sales were 9% higher than a year earlier.", "en");
    assert!(figs.iter().all(|f| f.kind != Kind::Duration), "{figs:?}");
}

#[test]
fn ordinals_as_nouns_and_borrowed_nouns() {
    // "por décimo": a lottery ticket; "por segunda vez" stays a rank.
    let figs = figures("El Gordo deja 400.000 euros por décimo.", "es");
    assert!(figs.iter().all(|f| f.kind != Kind::Ordinal), "{figs:?}");
    assert_eq!(
        fig("Ganó por segunda vez.", "es", "segunda").kind,
        Kind::Ordinal
    );
    check_readings(&[
        (
            "es",
            "Es el primer puerto de España y el cuarto del Mediterráneo.",
            "cuarto",
            Some(4.0),
            Some(4.0),
            Kind::Ordinal,
            "port",
        ),
        (
            "en",
            "It was the second round and the third was delayed.",
            "third",
            Some(3.0),
            Some(3.0),
            Kind::Ordinal,
            "round",
        ),
        (
            "es",
            "Recaudó 2,3 millones de euros en su primer fin de semana.",
            "primer",
            Some(1.0),
            Some(1.0),
            Kind::Ordinal,
            "weekend",
        ),
    ]);
    // Not joined: an ordinal alone orders nothing named.
    let f = fig("Ferrer finished fourth on Sunday.", "en", "fourth");
    assert_eq!(f.unit_key, "");
}

#[test]
fn shares_after_a_rounding_word_and_likeness_phrases() {
    let f = fig(
        "Only a fifth trust either main party to fix it.",
        "en",
        "fifth",
    );
    assert_eq!((f.kind, f.value.lo), (Kind::Percent, Some(20.0)));
    assert_eq!(
        fig("He won a fifth term.", "en", "fifth").kind,
        Kind::Ordinal
    );
    let f = fig(
        "The park covers 1,450 hectares, roughly the size of 2,000 football pitches.",
        "en",
        "2,000",
    );
    assert_eq!((f.value.lo, f.value.hi), (Some(1800.0), Some(2200.0)));
    assert_eq!(f.unit_key, "pitch");
    // A likeness with no rounding word leaves the number exact.
    let f = fig("It is the size of 2,000 football pitches.", "en", "2,000");
    assert!(f.value.is_exact());
}

#[test]
fn sub_units_are_read_as_written_and_compared_in_the_main_unit() {
    let f = fig(
        "A single fare will rise 25 cents to $3.15.",
        "en",
        "25 cents",
    );
    assert_eq!((f.value.lo, f.unit_key.as_str()), (Some(25.0), "cent"));
    let main = in_compared_unit(&f).expect("a sub-unit is compared in its main unit");
    assert_eq!(
        (main.value.lo, main.unit_key.as_str()),
        (Some(0.25), "dollar")
    );
    let f = fig("Orkem bid 470 pence a share.", "en", "470");
    let main = in_compared_unit(&f).expect("pence in pounds");
    assert_eq!(
        (main.unit_key.as_str(), f.currency.as_deref()),
        ("pound", Some("GBP"))
    );
    // A sum in the main unit is compared as it is.
    let f = fig("It cost 3 dollars 50 cents.", "en", "3 dollars");
    assert_eq!(f.value.lo, Some(3.5));
    assert!(in_compared_unit(&f).is_none());
}

#[test]
fn numbers_drawn_and_places_named_by_number() {
    let figs = figures(
        "The winner matched all six numbers: 7, 19, 22, 41 and 58.",
        "en",
    );
    let texts: Vec<_> = figs.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["six numbers"]);
    let figs = figures("El tren saldrá por la vía 8.", "es");
    assert!(figs.is_empty(), "{figs:?}");
    check_readings(&[(
        "en",
        "Leaders of the 27 member states met.",
        "27",
        Some(27.0),
        Some(27.0),
        Kind::Count,
        "member state",
    )]);
}
