//! One test per rule added after held-out batches 38 and 39 (issue 11): what an
//! ordinal orders, counts of who spoke with a Spanish plural verb, clock times,
//! temperatures below zero, shares of a point in Spanish, "she was 91", Spanish
//! verbs of change in any tense, and places named by their number. Sentences are
//! written for these tests; each rule has a negative case where one matters.

use super::tests::{check_readings, fig, figures};
use crate::claims::Kind;

#[test]
fn an_ordinal_orders_the_last_noun_of_a_compound() {
    check_readings(&[
        (
            "en",
            "It was their ninth away win of the year.",
            "ninth",
            Some(9.0),
            Some(9.0),
            Kind::Ordinal,
            "win",
        ),
        (
            "en",
            "The club's 20th straight league defeat.",
            "20th",
            Some(20.0),
            Some(20.0),
            Kind::Ordinal,
            "defeat",
        ),
        (
            "en",
            "Police said it was the fourth such robbery since May.",
            "fourth",
            Some(4.0),
            Some(4.0),
            Kind::Ordinal,
            "robbery",
        ),
        (
            "en",
            "She won her 31st race over hurdles.",
            "31st",
            Some(31.0),
            Some(31.0),
            Kind::Ordinal,
            "race",
        ),
        (
            "en",
            "Goals came in the 12th and 80th minutes.",
            "12th",
            Some(12.0),
            Some(12.0),
            Kind::Ordinal,
            "minute",
        ),
        (
            "es",
            "Actuó en el segundo de sus cuatro conciertos.",
            "segundo",
            Some(2.0),
            Some(2.0),
            Kind::Ordinal,
            "concert",
        ),
        // A period is what its ordinal orders, whatever noun follows.
        (
            "en",
            "The firm posted its second quarter profit.",
            "second",
            Some(2.0),
            Some(2.0),
            Kind::Ordinal,
            "quarter",
        ),
    ]);
    // "3.7 million march across": a count's singular word before a preposition is
    // a verb, and the people are left unsaid.
    let f = fig("Some 2.1 million march across the country.", "en", "2.1");
    assert_ne!(f.unit_key, "march");
}

#[test]
fn a_spanish_plural_speech_verb_says_who_spoke() {
    for text in [
        "El detenido pasó la noche en el calabozo, según explicaron dos portavoces.",
        "La reunión terminó sin acuerdo, informaron tres funcionarios.",
        "Hubo tensiones, señalaron dos fuentes de la cancillería.",
    ] {
        assert!(figures(text, "es").is_empty(), "{text}");
    }
    // A count that did something is still a figure.
    let f = fig("Dos portavoces dimitieron ayer.", "es", "Dos");
    assert_eq!(f.value.lo, Some(2.0));
}

#[test]
fn clock_times_are_no_durations() {
    for text in [
        "El choque ocurrió sobre las 5.40 horas del domingo.",
        "La oficina abre de 9.00 a 14.00 horas.",
        "11.40 — Los bomberos controlan el fuego.",
    ] {
        assert!(figures(text, "es").is_empty(), "{text}");
    }
    // With a dot for decimals, "2.30 horas" may be a span of time.
    let f = fig("Sufrió un retraso de 2.30 horas.", "es", "2.30");
    assert_eq!(f.kind, Kind::Duration);
}

#[test]
fn temperatures_below_zero() {
    check_readings(&[
        (
            "es",
            "Los termómetros marcaron menos 8 grados en Soria.",
            "8",
            Some(-8.0),
            Some(-8.0),
            Kind::Count,
            "degree",
        ),
        (
            "es",
            "Se esperan mínimas de 4 grados bajo cero.",
            "4",
            Some(-4.0),
            Some(-4.0),
            Kind::Count,
            "degree",
        ),
        (
            "en",
            "It fell to 10 degrees below zero.",
            "10",
            Some(-10.0),
            Some(-10.0),
            Kind::Count,
            "degree",
        ),
    ]);
    // "menos" before anything but a temperature is no sign.
    let f = fig("Obtuvo cuatro puntos menos que en 2019.", "es", "cuatro");
    assert_eq!(f.value.lo, Some(4.0));
}

#[test]
fn points_that_measure_a_percentage() {
    check_readings(&[
        (
            "es",
            "El banco bajó los tipos un cuarto de punto, hasta el 3 %.",
            "cuarto",
            Some(0.25),
            Some(0.25),
            Kind::Percent,
            "percentage point",
        ),
        (
            "es",
            "La encuesta tiene un margen de error de 2,5 puntos y da al PP el 33 %.",
            "2,5",
            Some(2.5),
            Some(2.5),
            Kind::Percent,
            "percentage point",
        ),
        (
            "en",
            "The Fed raised rates by 50 basis points.",
            "50",
            Some(50.0),
            Some(50.0),
            Kind::Percent,
            "basis point",
        ),
    ]);
}

#[test]
fn a_pronoun_and_a_copula_before_a_bare_number_give_an_age() {
    let f = fig(
        "The actor died on Sunday. He was 84 and had two sons.",
        "en",
        "84",
    );
    assert_eq!((f.kind, f.value.lo), (Kind::Duration, Some(84.0 * 365.0)));
    // Not a count with its noun.
    let f = fig("She was 3 points behind.", "en", "3");
    assert_eq!(f.kind, Kind::Count);
}

#[test]
fn the_age_at_death_after_died_at() {
    for (text, n) in [
        ("Margaret Ellison died Saturday at 91.", "91"),
        ("Film Pioneer Dies at 94", "94"),
        (
            "He passed away on Monday at 88 after a short illness.",
            "88",
        ),
    ] {
        let f = fig(text, "en", n);
        let v: f64 = n.parse().unwrap();
        assert_eq!(
            (f.kind, f.value.lo),
            (Kind::Duration, Some(v * 365.0)),
            "{text}"
        );
    }
    // A time of arrival is not an age.
    let f = fig("The plane died at 3,000 feet.", "en", "3,000 feet");
    assert_eq!(f.kind, Kind::Count);
}

#[test]
fn hace_after_a_number_is_a_time_phrase_not_its_noun() {
    let f = fig(
        "El partido obtuvo 137 escaños, frente a los 121 de hace cuatro años.",
        "es",
        "121",
    );
    assert_ne!(f.unit_key, "hace");
}

#[test]
fn two_whole_months_set_out_as_a_span_are_one_date() {
    for (text, lang, span) in [
        (
            "Sales rose between January and March.",
            "en",
            "January and March",
        ),
        ("Work runs from April to June.", "en", "April to June"),
        (
            "Perú exportó cobre entre enero y marzo.",
            "es",
            "enero y marzo",
        ),
        ("Las obras irán de abril a junio.", "es", "abril a junio"),
    ] {
        let f = fig(text, lang, span);
        assert_eq!(f.kind, Kind::Date, "{text}");
        let (lo, hi) = (f.value.lo.unwrap(), f.value.hi.unwrap());
        // From the first day of one month to the last of a later one.
        assert_eq!(lo % 100.0, 1.0, "{text}: {lo}");
        assert!(hi - lo >= 200.0 && hi % 100.0 >= 30.0, "{text}: {lo}..{hi}");
    }
    // Two days set out as a span are one date, across months too; two months in a
    // list stay two.
    for (text, lang) in [
        ("Cases rose between January 1 and June 14.", "en"),
        ("Se celebrará entre el 1 de enero y el 14 de junio.", "es"),
        ("Obras desde el 1 de enero hasta el 14 de junio.", "es"),
    ] {
        let figs = figures(text, lang);
        assert_eq!(figs.len(), 1, "{text}: {figs:?}");
        let v = figs[0].value;
        assert_eq!(
            (v.lo.unwrap() % 10000.0, v.hi.unwrap() % 10000.0),
            (101.0, 614.0),
            "{text}"
        );
    }
    let figs = figures("Sales fell in January and rose in March.", "en");
    assert_eq!(figs.len(), 2);
}

#[test]
fn bounds_as_much_as_and_por_debajo_de() {
    let f = fig(
        "As much as 150 millimetres of rain fell.",
        "en",
        "As much as 150 millimetres",
    );
    assert_eq!((f.value.lo, f.value.hi), (Some(0.0), Some(150.0)));
    let f = fig(
        "El paro se sitúa por debajo de los 2,6 millones de personas.",
        "es",
        "por debajo de los 2,6 millones de personas",
    );
    assert_eq!((f.value.hi, f.value.hi_strict), (Some(2.6e6), true));
}

#[test]
fn spanish_verbs_of_change_in_any_tense() {
    // After a verb of change "hasta" is the value reached, not a bound.
    check_readings(&[
        (
            "es",
            "El hospital ha reducido hasta 30 días la espera.",
            "30",
            Some(30.0),
            Some(30.0),
            Kind::Duration,
            "day",
        ),
        (
            "es",
            "La cifra de parados había bajado hasta 2.700.000 personas.",
            "2.700.000",
            Some(2.7e6),
            Some(2.7e6),
            Kind::Count,
            "person",
        ),
    ]);
    // "pasado" means "last": the bound stays.
    let f = fig(
        "El año pasado hasta 40 barcos llegaron al puerto.",
        "es",
        "40",
    );
    assert_eq!(f.value.lo, Some(0.0));
}

#[test]
fn places_and_parts_named_by_a_number() {
    for text in [
        "Fue trasladado a la comisaría del distrito 4.",
        "El avión tuvo una falla en el motor 1.",
        "Passengers waited at Terminal 2.",
    ] {
        let lang = if text.starts_with("Pass") { "en" } else { "es" };
        assert!(figures(text, lang).is_empty(), "{text}");
    }
}

#[test]
fn numbers_in_addresses_are_no_figures() {
    for (lang, text) in [
        (
            "en",
            "The shooting happened on 7th Street near the station.",
        ),
        ("en", "He moved into 11 Downing Street on Friday."),
        ("es", "La oficina de la calle Serrano, 58, cerró."),
        ("es", "Vive en la Carrera 15 de Bogotá."),
        ("es", "Tocaron la Sinfonía n.º 5 de Mahler."),
    ] {
        assert!(figures(text, lang).is_empty(), "{text}");
    }
    // A count before a lower-case "street" is still a count.
    let f = fig("They searched 5 streets for the boy.", "en", "5");
    assert_eq!(f.value.lo, Some(5.0));
}

#[test]
fn east_african_shillings_and_a_fortnight() {
    let f = fig("Exports earned KSh 90.2 billion last year.", "en", "90.2");
    assert_eq!((f.kind, f.currency.as_deref()), (Kind::Money, Some("KES")));
    let f = fig(
        "The road stays shut for at least a fortnight.",
        "en",
        "fortnight",
    );
    assert_eq!(
        (f.kind, f.value.lo, f.value.hi),
        (Kind::Duration, Some(14.0), None)
    );
    // "at least a year ago" dates a comparison: no span.
    assert!(figures("At least a year ago it was open.", "en").is_empty());
}

#[test]
fn an_unknown_word_before_to_is_no_ordered_noun() {
    let f = fig("The first unit due to open is in Leeds.", "en", "first");
    assert_eq!(f.unit_key, "unit");
}

#[test]
fn a_change_and_the_level_it_reached_are_two_figures() {
    for (text, a, b) in [
        (
            "The cap rises by another £70 to £1,650 in April.",
            "£70",
            "£1,650",
        ),
        ("Weekly claims fell 21,000 to 390,000.", "21,000", "390,000"),
        (
            "The budget grows by $4 million to $96 million.",
            "$4 million",
            "$96 million",
        ),
    ] {
        assert_eq!(
            fig(text, "en", a).value.hi,
            fig(text, "en", a).value.lo,
            "{text}"
        );
        assert!(!fig(text, "en", b).text.contains(a), "{text}");
    }
    // A range of the change itself stays one figure.
    let f = fig("They aim to cut emissions by 40%-45% by 2030.", "en", "40%");
    assert_eq!((f.value.lo, f.value.hi), (Some(40.0), Some(45.0)));
    // "a range of" makes two percentages one range.
    let f = fig("It kept rates in a range of 3.75% to 4%.", "en", "3.75%");
    assert_eq!((f.value.lo, f.value.hi), (Some(3.75), Some(4.0)));
    // After a verb that cuts, "up to" is a bound again.
    let f = fig("The firm will cut up to 900 jobs.", "en", "900");
    assert_eq!((f.value.lo, f.value.hi), (Some(0.0), Some(900.0)));
}

#[test]
fn a_spanish_rank_before_its_superlative_and_one_closing_a_tally() {
    assert!(figures("Habló el tercer partido más votado.", "es").is_empty());
    let f = fig("Aprobó la subida por seis votos contra uno.", "es", "uno");
    assert_eq!((f.value.lo, f.unit_key.as_str()), (Some(1.0), "vote"));
    // A bare "uno" with no tally before it is still no figure.
    assert!(figures("Uno de ellos habló con la prensa.", "es").is_empty());
}

#[test]
fn more_names_times_and_ranks_that_count_nothing() {
    for (lang, text) in [
        ("en", "It was the third-most-read story of the year."),
        ("en", "Delays hit the 07.42 from Leeds."),
        ("es", "La reunión será en la sala 3 del Senado."),
    ] {
        assert!(figures(text, lang).is_empty(), "{text}");
    }
    // A decimal below one is still a figure.
    let f = fig("Rates rose 0.25 points.", "en", "0.25");
    assert_eq!(f.value.lo, Some(0.25));
}

#[test]
fn points_ages_and_spans_after_the_number() {
    check_readings(&[
        (
            "en",
            "The bank cut its rate by a quarter point to 3%.",
            "quarter",
            Some(0.25),
            Some(0.25),
            Kind::Percent,
            "percentage point",
        ),
        (
            "en",
            "The trial enrolled adults aged 60 or older.",
            "60",
            Some(60.0 * 365.0),
            None,
            Kind::Duration,
            "year",
        ),
        (
            "en",
            "Some 9,000 patients have waited longer than two years.",
            "two",
            Some(730.0),
            None,
            Kind::Duration,
            "year",
        ),
    ]);
}

/// Batch 45: a chamber's tally, people made to flee, a measure of two words
/// hyphenated before its noun, and a year ago that only dates a comparison.
#[test]
fn tallies_after_a_chamber_and_hyphenated_measures() {
    let votes: Vec<(f64, String)> = figures("The bill cleared the Senate 52-48 on Thursday.", "en")
        .iter()
        .map(|f| (f.value.lo.unwrap_or(0.0), f.unit_key.clone()))
        .collect();
    assert_eq!(votes, [(52.0, "vote".into()), (48.0, "vote".into())]);
    // Without a vote in the sentence, a name before a number still names a model.
    assert!(figures("She flew the Boeing 737-800 to Lisbon.", "en").is_empty());
    check_readings(&[
        (
            "en",
            "The wildfire forced 12,000 to flee their homes.",
            "12,000",
            Some(12000.0),
            Some(12000.0),
            Kind::Count,
            "person",
        ),
        (
            "en",
            "Crews battled a 40-square-mile blaze.",
            "40",
            Some(40.0),
            Some(40.0),
            Kind::Count,
            "square mile",
        ),
        (
            "en",
            "The comet will pass 0.6 astronomical units from Earth.",
            "0.6",
            Some(0.6),
            Some(0.6),
            Kind::Count,
            "astronomical unit",
        ),
    ]);
    let wait = figures(
        "La espera bajó a 87 días, frente a los 112 de hace un año.",
        "es",
    );
    assert!(
        wait.iter()
            .all(|f| f.kind != Kind::Duration || f.value.lo == Some(87.0)),
        "{wait:?}"
    );
}

/// Batch 46: a contracted article after a Spanish qualifier, an age after "aged" with
/// the clause going on, a list of ages set off by commas, and nouns the lexicon lacked.
#[test]
fn contracted_qualifiers_and_lists_of_ages() {
    check_readings(&[
        (
            "es",
            "La presa quedó ejecutada en torno al 60 % cuando se pararon las obras.",
            "60",
            Some(54.0),
            Some(66.0),
            Kind::Percent,
            "percent",
        ),
        (
            "en",
            "Patients aged 65 or older make up 43% of admissions.",
            "65",
            Some(65.0 * 365.0),
            None,
            Kind::Duration,
            "year",
        ),
        (
            "en",
            "The court convicted brothers Liam and Jack Doyle, 19 and 22, of murder.",
            "22",
            Some(22.0 * 365.0),
            Some(22.0 * 365.0),
            Kind::Duration,
            "year",
        ),
        (
            "es",
            "Salud reportó 17 defunciones en la última semana.",
            "17",
            Some(17.0),
            Some(17.0),
            Kind::Count,
            "death",
        ),
        (
            "es",
            "La alcaldía envió 40 pipas de agua a la colonia.",
            "40",
            Some(40.0),
            Some(40.0),
            Kind::Count,
            "tanker truck",
        ),
    ]);
    // Not a list of ages: the numbers count something named after them.
    let f = fig(
        "Sales rose in Spain, 12 and 15 percent, the firm said.",
        "en",
        "15",
    );
    assert_eq!(f.kind, Kind::Percent);
}

/// Batch 47: one unit of time that says how late or closes its clause, a number word
/// inside a name, and nouns the lexicon lacked.
#[test]
fn spans_of_one_unit_and_number_words_in_names() {
    check_readings(&[
        (
            "en",
            "The metro extension will open a year late.",
            "year",
            Some(365.0),
            Some(365.0),
            Kind::Duration,
            "year",
        ),
        (
            "en",
            "Investors were poorer by $5 billion in a day",
            "day",
            Some(1.0),
            Some(1.0),
            Kind::Duration,
            "day",
        ),
        (
            "es",
            "El Frente Amplio obtuvo 48 de las 99 bancas de Diputados.",
            "99",
            Some(99.0),
            Some(99.0),
            Kind::Count,
            "seat",
        ),
        (
            "es",
            "Los Teros ganaron con dos tries de Ardao.",
            "dos",
            Some(2.0),
            Some(2.0),
            Kind::Count,
            "try",
        ),
    ]);
    // Points that move a percentage written "per cent" are percentage points.
    let f = fig(
        "The load factor climbed 2.1 points to 87.5 per cent.",
        "en",
        "2.1",
    );
    assert_eq!(
        (f.kind, f.unit_key.as_str()),
        (Kind::Percent, "percentage point")
    );
    let named = figures("Ireland won the Six Nations title in Dublin.", "en");
    assert!(named.is_empty(), "{named:?}");
    // A number word that opens the sentence still counts.
    let counted = figures("Six Nations signed the treaty.", "en");
    assert_eq!(counted.len(), 1, "{counted:?}");
}

/// Batch 48: an ordinal in a compound adjective, a live-blog tag, and a multiple
/// lending no noun.
#[test]
fn compound_ordinals_and_multiples_lend_nothing() {
    // A live-blog tag numbers the update, not a quantity.
    let tagged = figures("UPDATE 2: The death toll has risen to 142.", "en");
    assert_eq!(tagged.len(), 1, "{tagged:?}");
    assert_eq!(tagged[0].value.lo, Some(142.0));
    let f = figures("The first-time buyer needs a deposit of £60,000.", "en");
    assert!(f.iter().all(|f| f.kind != Kind::Ordinal), "{f:?}");
    let f = fig(
        "La marcha reunió a cientos de miles de personas, el triple que hace diez años, y los organizadores calcularon hasta 1,5 millones.",
        "es",
        "1,5",
    );
    assert_ne!(f.unit_key, "time");
}

#[test]
fn a_noun_named_after_the_number_or_several_of_a_scale() {
    check_readings(&[
        (
            "es",
            "Sanidad eleva a 151 el número de personas atendidas.",
            "151",
            Some(151.0),
            Some(151.0),
            Kind::Count,
            "person",
        ),
        (
            "es",
            "Sube a cuatro la cifra de muertos en el accidente.",
            "cuatro",
            Some(4.0),
            Some(4.0),
            Kind::Count,
            "death",
        ),
        (
            "en",
            "Several hundred people gathered outside the court.",
            "Several hundred people",
            Some(300.0),
            Some(1000.0),
            Kind::Count,
            "person",
        ),
    ]);
}
