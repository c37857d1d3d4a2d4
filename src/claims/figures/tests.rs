//! One test per rule of the number classes (issue 11): fractions, number words,
//! negatives, scales on digits, ranges, separators, and the English news traps. Each
//! reads a whole sentence through [`analyze`], with a negative case where one matters.

use crate::claims::{Figure, Kind, analyze};
use crate::extract::Article;

pub(super) fn figures(text: &str, lang: &str) -> Vec<Figure> {
    analyze(&Article {
        paragraphs: vec![text.to_string()],
        lang: Some(lang.to_string()),
        ..Article::default()
    })
    .figures
}

/// The single figure whose text contains `needle`.
pub(super) fn fig(text: &str, lang: &str, needle: &str) -> Figure {
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

#[test]
fn comparisons_bound_a_number() {
    let f = fig(
        "This is a number which is greater than 100 today.",
        "en",
        "100",
    );
    assert_eq!(
        (f.value.lo, f.value.hi, f.value.lo_strict),
        (Some(100.0), None, true)
    );
    let f = fig(
        "Busca los números primos menores o iguales a 100",
        "es",
        "100",
    );
    assert_eq!(f.value.hi, Some(100.0));
    assert!(!f.value.hi_strict);
    let f = fig("Is it still the case when x >= 30 here", "en", "30");
    assert_eq!((f.value.lo, f.value.hi), (Some(30.0), None));
    let f = fig("Is it still the case when <-30 here", "en", "30");
    assert_eq!((f.value.lo, f.value.hi), (None, Some(-30.0)));
}

#[test]
fn a_bound_after_the_number() {
    let f = fig("His score is 200 or greater this year.", "en", "200");
    assert_eq!((f.value.lo, f.value.hi), (Some(200.0), None));
    // "or less than 6000" bounds the next number, not this one.
    let f = fig("His score is equal to 5000 or less than 6000", "en", "5000");
    assert_eq!(value(&f), exact(5000.0));
    let f = fig("His score is more than 5000 or equal to 6000", "en", "5000");
    assert!(f.value.lo_strict, "{f:?}");
    let f = fig("Is it still the case when x <>30 here", "en", "30");
    assert_eq!(value(&f), exact(30.0));
    let f = fig("His score is more than 5000 or equal to it", "en", "5000");
    assert_eq!((f.value.lo, f.value.lo_strict), (Some(5000.0), false));
    // A bound after outweighs the rounding before.
    let f = fig(
        "There are about five hundred or more in stock.",
        "en",
        "hundred",
    );
    assert_eq!((f.value.lo, f.value.hi), (Some(500.0), None));
}

#[test]
fn a_lower_and_an_upper_bound_join() {
    let f = fig(
        "x is larger than 10 and smaller than 20 in the test.",
        "en",
        "10",
    );
    assert_eq!((f.value.lo, f.value.hi), (Some(10.0), Some(20.0)));
    let f = fig(
        "Hay como máximo 100 y como mínimo 20 manzanas.",
        "es",
        "100",
    );
    assert_eq!((f.value.lo, f.value.hi), (Some(20.0), Some(100.0)));
    // Each bound names its own noun: two figures.
    let figs = figures(
        "More than 100 people died and fewer than 20 homes were left standing.",
        "en",
    );
    assert_eq!(figs.len(), 2, "{figs:?}");
}

#[test]
fn ranges_with_units_on_both_numbers_and_hanging_hyphens() {
    let f = fig("Patients took between 44 mg and 50 mg a day.", "en", "44");
    assert_eq!((f.value.lo, f.value.hi), (Some(44.0), Some(50.0)));
    let f = fig(
        "They built 8- to 16-meter walls along the coast.",
        "en",
        "8",
    );
    assert_eq!((f.value.lo, f.value.hi), (Some(8.0), Some(16.0)));
    let f = fig(
        "The number range is 1000 – 5000 in the table.",
        "en",
        "1000",
    );
    assert_eq!((f.value.lo, f.value.hi), (Some(1000.0), Some(5000.0)));
}

#[test]
fn fractions_are_shares() {
    let f = fig("Only one eighth of the budget was spent.", "en", "eighth");
    assert_eq!((value(&f), f.kind), (exact(12.5), Kind::Percent));
    let f = fig("More than half of the voters stayed home.", "en", "half");
    assert_eq!((f.value.lo, f.value.hi), (Some(50.0), None));
    // "an hour and a half" is no half of anything.
    let figs = figures("The meeting lasted an hour and a half on Monday.", "en");
    assert!(figs.iter().all(|f| f.kind != Kind::Percent), "{figs:?}");
}

#[test]
fn a_share_of_a_point_is_in_points() {
    let f = fig(
        "The bank raised rates by one-half of one percentage point on Tuesday.",
        "en",
        "half",
    );
    assert_eq!(value(&f), exact(0.5));
    assert_eq!(f.unit_key, "percentage point");
}

#[test]
fn english_news_traps() {
    // "media" is Spanish for half only in Spanish.
    let figs = figures("Media reports said the talks had stalled.", "en");
    assert!(figs.is_empty(), "{figs:?}");
    // "too cute by half" changes nothing by half.
    let figs = figures("The plan was too cute by half, critics said.", "en");
    assert!(figs.is_empty(), "{figs:?}");
    // A title after an ordinal starts a name.
    let figs = figures("It is the first Mr. Smith has faced in court.", "en");
    assert!(figs.iter().all(|f| f.unit_key != "mr"), "{figs:?}");
    // The head of an English compound is its last noun.
    let f = fig(
        "Two of the law enforcement officials declined to comment.",
        "en",
        "Two",
    );
    assert_eq!(f.unit_key, "official");
    // A participle is no noun of a compound: it counts the people itself.
    let f = fig(
        "The flood left 140 injured residents in shelters.",
        "en",
        "140",
    );
    assert_ne!(f.unit_key, "resident");
    // A noun before a verb keeps its place as head.
    let f = fig("Congress passed two laws requiring audits.", "en", "two");
    assert_eq!(f.unit_key, "law");
}

#[test]
fn separators_and_notation() {
    let f = fig("His blood alcohol level was .08 at the time.", "en", "08");
    assert_eq!(value(&f), exact(0.08));
    assert_eq!(f.text, ".08");
    let f = fig("El nivel fue de ,08 según la prueba.", "es", "08");
    assert_eq!(value(&f), exact(0.08));
    // A full stop glued to a word is no decimal mark.
    let figs = figures("Prices rose in 2019.08 was the code.", "en");
    assert!(figs.iter().all(|f| value(f) != exact(0.08)), "{figs:?}");
    // English writes "4.800" as a decimal; Spanish "1,500 kilómetros" groups thousands.
    let f = fig("The index closed at 4.800 on Friday.", "en", "4.800");
    assert_eq!(value(&f), exact(4.8));
    let f = fig("Recorrieron 1,500 kilómetros en tren.", "es", "1,500");
    assert_eq!(value(&f), exact(1500.0));
    let f = fig("The sample held 1.3e6 cells in all.", "en", "1.3");
    assert_eq!(value(&f), exact(1.3e6));
}

#[test]
fn digits_and_scale_words_continue_the_number() {
    let f = fig("He left 4 thousand 3 hundred and 21 books.", "en", "4");
    assert_eq!(value(&f), exact(4321.0));
    assert_eq!(f.unit_key, "book");
    let f = fig("I can give you 3 hundred and 21 yuan.", "en", "3");
    assert_eq!((value(&f), f.kind), (exact(321.0), Kind::Money));
    // A range keeps its two ends, and a second scale starts a second number.
    let f = fig("between 2 million and 3 million people", "en", "2");
    assert_eq!(value(&f), (Some(2e6), Some(3e6)));
    let figs = figures("There were 3 million cars and 21 thousand trucks.", "en");
    assert_eq!(figs.len(), 2, "{figs:?}");
}

#[test]
fn a_range_of_ranks_but_not_two_ranked_events() {
    let f = fig(
        "He ranks between the tenth and the fifteenth.",
        "en",
        "tenth",
    );
    assert_eq!(
        (value(&f), f.kind),
        ((Some(10.0), Some(15.0)), Kind::Ordinal)
    );
    let f = fig("Quedó clasificada entre quinta y vigésima.", "es", "quinta");
    assert_eq!(value(&f), (Some(5.0), Some(20.0)));
    let figs = figures("Rain fell between the first and second rounds.", "en");
    assert_eq!(figs.len(), 2, "{figs:?}");
}

#[test]
fn fractions_and_words_before_a_unit_of_measure() {
    for (text, needle, v) in [
        ("The track is a 1/4 mile paved oval.", "1/4", 0.25),
        ("It takes more than 10 1/2 miles of cable.", "10", 10.5),
        ("That one mile can change a race.", "one", 1.0),
        ("The six-mile trip took three hours.", "six", 6.0),
    ] {
        let f = fig(text, "en", needle);
        assert_eq!(
            (f.value.lo, f.unit_key.as_str()),
            (Some(v), "mile"),
            "{text}"
        );
    }
    // Still not figures: a date, a pronoun.
    assert!(
        figures("The vote on 3/4 was close.", "en")
            .iter()
            .all(|f| f.value.lo != Some(0.75))
    );
    assert!(figures("She is the one who came.", "en").is_empty());
}

#[test]
fn a_glued_lower_case_c_is_cents() {
    let f = fig("It raised its dividend by 11c to 17c a share.", "en", "17c");
    assert_eq!(
        (f.value.lo, f.kind, f.unit_key.as_str()),
        (Some(17.0), Kind::Money, "cent")
    );
    let f = fig("Temperatures topped 40C in Seville.", "en", "40C");
    assert_eq!((f.kind, f.unit_key.as_str()), (Kind::Count, "degree"));
}

#[test]
fn por_cien_is_percent() {
    let f = fig(
        "Cumplió el ochenta y cuatro por cien del plan.",
        "es",
        "ochenta",
    );
    assert_eq!((value(&f), f.kind), (exact(84.0), Kind::Percent));
}

/// (language, text, the figure's text contains, lo, hi, kind, unit key).
type Reading = (
    &'static str,
    &'static str,
    &'static str,
    Option<f64>,
    Option<f64>,
    Kind,
    &'static str,
);

pub(super) fn check_readings(cases: &[Reading]) {
    for &(lang, text, needle, lo, hi, kind, key) in cases {
        let f = fig(text, lang, needle);
        assert_eq!(
            (f.value.lo, f.value.hi, f.kind, f.unit_key.as_str()),
            (lo, hi, kind, key),
            "{text}"
        );
    }
}

/// Classes from held-out batches 31 to 34 (after their first runs).
#[test]
fn readings_from_batches_31_and_32() {
    let inf = None;
    let cases: &[Reading] = &[
        (
            "en",
            "Haaland scored twice before half-time.",
            "twice",
            Some(2.0),
            Some(2.0),
            Kind::Count,
            "time",
        ),
        (
            "en",
            "The bill passed 52-47, with two Republicans joining.",
            "two",
            Some(2.0),
            Some(2.0),
            Kind::Count,
            "republican",
        ),
        (
            "en",
            "It was 44 degrees, and people older than 70 stayed in.",
            "70",
            Some(25550.0),
            inf,
            Kind::Duration,
            "year",
        ),
        (
            "en",
            "Fines rose, and half of each fine goes to the family.",
            "half",
            Some(50.0),
            Some(50.0),
            Kind::Percent,
            "percent",
        ),
        (
            "en",
            "Unemployment ticks up to 4.1% in May.",
            "4.1",
            Some(4.1),
            Some(4.1),
            Kind::Percent,
            "percent",
        ),
        (
            "en",
            "Forecasters expect 200mm or more by Wednesday.",
            "200",
            Some(200.0),
            inf,
            Kind::Count,
            "millimeter",
        ),
        (
            "en",
            "Qantas will buy 20 Airbus A321XLR jets this year.",
            "20",
            Some(20.0),
            Some(20.0),
            Kind::Count,
            "jet",
        ),
        (
            "en",
            "It approved a Rs 12,000 crore package.",
            "12,000",
            Some(1.2e11),
            Some(1.2e11),
            Kind::Money,
            "rupee",
        ),
        (
            "en",
            "It pledged A$3 billion for hydrogen.",
            "A$3",
            Some(3e9),
            Some(3e9),
            Kind::Money,
            "dollar",
        ),
        (
            "en",
            "Inflation fell to 3.2% as the FTSE 100 closed 85 points higher.",
            "85",
            Some(85.0),
            Some(85.0),
            Kind::Count,
            "point",
        ),
        (
            "es",
            "Obtuvo el 52,4 % frente al 47,6 %, una diferencia de 4,8 puntos.",
            "4,8",
            Some(4.8),
            Some(4.8),
            Kind::Percent,
            "percentage point",
        ),
        (
            "es",
            "Sumó apenas dos más de los 176 que exige la ley.",
            "176",
            Some(176.0),
            Some(176.0),
            Kind::Count,
            "",
        ),
        (
            "es",
            "Hace una década no llegaba al 25 %, y hoy sí.",
            "25",
            Some(0.0),
            Some(25.0),
            Kind::Percent,
            "percent",
        ),
        (
            "es",
            "Ofreció 250 € a cada uno, según dijeron dos portavoces.",
            "250",
            Some(250.0),
            Some(250.0),
            Kind::Money,
            "euro",
        ),
        (
            "es",
            "Prevé invertir entre 10.000 y 11.000 millones de euros.",
            "entre",
            Some(1e10),
            Some(1.1e10),
            Kind::Money,
            "euro",
        ),
        (
            "es",
            "Hubo un centenar de intervenciones en la noche.",
            "centenar",
            Some(90.0),
            Some(110.00000000000001),
            Kind::Count,
            "intervention",
        ),
        (
            "es",
            "Detuvo a 14 presuntos integrantes de la banda.",
            "14",
            Some(14.0),
            Some(14.0),
            Kind::Count,
            "member",
        ),
        (
            "es",
            "Ayudas de 300 euros por familia con tres hijos o más.",
            "tres",
            Some(3.0),
            inf,
            Kind::Count,
            "child",
        ),
    ];
    check_readings(cases);
    let more: &[Reading] = &[
        (
            "en",
            "A poll of 1,015 likely voters was taken.",
            "1,015",
            Some(1015.0),
            Some(1015.0),
            Kind::Count,
            "voter",
        ),
        (
            "en",
            "It will add 14 weekly flights to Perth.",
            "14",
            Some(14.0),
            Some(14.0),
            Kind::Count,
            "flight",
        ),
        (
            "en",
            "It confirmed 27 new measles cases on Monday.",
            "27",
            Some(27.0),
            Some(27.0),
            Kind::Count,
            "case",
        ),
        (
            "en",
            "The crop is roughly a fifth below last season.",
            "fifth",
            Some(18.0),
            Some(22.0),
            Kind::Percent,
            "percent",
        ),
        (
            "en",
            "The shilling gained 2.5pc to a new high.",
            "2.5",
            Some(2.5),
            Some(2.5),
            Kind::Percent,
            "percent",
        ),
        (
            "en",
            "A poll puts her ahead by 4 points, 48% to 44%.",
            "4 points",
            Some(4.0),
            Some(4.0),
            Kind::Percent,
            "percentage point",
        ),
        (
            "es",
            "Recortó su tasa en 25 puntos base, a 10,75 %.",
            "25",
            Some(25.0),
            Some(25.0),
            Kind::Percent,
            "basis point",
        ),
        (
            "en",
            "Rates rose, and a quarter of the victims were under 25.",
            "quarter",
            Some(25.0),
            Some(25.0),
            Kind::Percent,
            "percent",
        ),
        (
            "en",
            "Rates rose, and a quarter of the victims were under 25.",
            "under",
            Some(0.0),
            Some(9125.0),
            Kind::Duration,
            "year",
        ),
        (
            "es",
            "El kilo subió hasta 45.000 guaraníes en Asunción.",
            "45.000",
            Some(45000.0),
            Some(45000.0),
            Kind::Money,
            "guarani",
        ),
        (
            "en",
            "The painting, completed in 1889, sold last week.",
            "1889",
            Some(1889.0),
            Some(1889.0),
            Kind::Year,
            "",
        ),
        // Without a publication date, dates are mmdd.
        (
            "en",
            "The poll was taken April 12 to 18 among adults.",
            "April",
            Some(412.0),
            Some(418.0),
            Kind::Date,
            "",
        ),
        (
            "en",
            "They met from July 3 to July 17 in Geneva.",
            "July",
            Some(703.0),
            Some(717.0),
            Kind::Date,
            "",
        ),
        (
            "es",
            "Se celebra del 3 al 17 de julio en Sevilla.",
            "3",
            Some(703.0),
            Some(717.0),
            Kind::Date,
            "",
        ),
        (
            "en",
            "The programme lasted a year and a half.",
            "year",
            Some(547.5),
            Some(547.5),
            Kind::Duration,
            "year",
        ),
        (
            "en",
            "He stole R14.8 million from the fund.",
            "R14.8",
            Some(14.8e6),
            Some(14.8e6),
            Kind::Money,
            "rand",
        ),
    ];
    check_readings(more);
    // Ranks among superlatives are no figures.
    assert!(figures("Fue el segundo mejor estreno del año.", "es").is_empty());
    assert!(figures("It was the second biggest debut.", "en").is_empty());
    // A capitalised plural that ends the text.
    assert_eq!(figures("They counted two Republicans", "en").len(), 1);
    // Not figures: speakers, names.
    assert!(figures("Ofreció ayuda, según dijeron dos portavoces.", "es").is_empty());
    assert!(figures("Cantó en la Quinta Vergara ante el público.", "es").is_empty());
}

/// The gate that passes over words nothing starts with (`number::may_start`) changes
/// no reading: every labelled sentence reads the same with it off.
#[test]
fn the_start_gate_skips_only_words_that_read_nothing() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/claims");
    let mut sentences = 0;
    for entry in std::fs::read_dir(&dir).expect("the labelled sets") {
        let path = entry.expect("a file").path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let file: toml::Value = toml::from_str(&std::fs::read_to_string(&path).expect("read"))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for s in file
            .get("sentence")
            .and_then(|s| s.as_array())
            .into_iter()
            .flatten()
        {
            let (Some(text), Some(lang)) = (
                s.get("text").and_then(|t| t.as_str()),
                s.get("lang").and_then(|l| l.as_str()),
            ) else {
                continue;
            };
            let gated = format!("{:?}", figures(text, lang));
            super::NO_GATE.with(|g| g.set(true));
            let ungated = format!("{:?}", figures(text, lang));
            super::NO_GATE.with(|g| g.set(false));
            assert_eq!(gated, ungated, "{}: {text}", path.display());
            sentences += 1;
        }
    }
    assert!(sentences > 2000, "{sentences} sentences");
}
