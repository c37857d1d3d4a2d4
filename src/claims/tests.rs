//! End-to-end tests of [`analyze`]: the demo story's constructions in both
//! languages, figure traps, and robustness on arbitrary text.

use super::*;

fn article(text: &str, lang: Option<&str>) -> Article {
    Article {
        paragraphs: text.split("\n\n").map(String::from).collect(),
        lang: lang.map(String::from),
        ..Article::default()
    }
}

fn figures(text: &str, lang: &str) -> Vec<Figure> {
    analyze(&article(text, Some(lang))).figures
}

/// The single figure whose text contains `needle`.
fn fig<'a>(figs: &'a [Figure], needle: &str) -> &'a Figure {
    let found: Vec<_> = figs.iter().filter(|f| f.text.contains(needle)).collect();
    assert_eq!(
        found.len(),
        1,
        "{needle:?} in {:#?}",
        figs.iter().map(|f| &f.text).collect::<Vec<_>>()
    );
    found[0]
}

fn check(f: &Figure, lo: Option<f64>, hi: Option<f64>, kind: Kind, unit_key: &str) {
    assert_eq!((f.value.lo, f.value.hi), (lo, hi), "{f:#?}");
    assert_eq!(f.kind, kind, "{f:#?}");
    assert_eq!(f.unit_key, unit_key, "{f:#?}");
}

fn exact(v: f64) -> (Option<f64>, Option<f64>) {
    (Some(v), Some(v))
}

#[test]
fn demo_english() {
    let text = "Mexico approved 37 new diplomats for the Russian embassy, officials said, in addition to the 49 already accredited. \
                By comparison, the US embassy, which has 46 diplomats, is smaller.\n\n\
                Analysts say at least 150 KGB officers operated in Mexico; others say more than 150 KGB officers. \
                Under a 2020 law, envoys must register. The war began in February 2022. Later, 36 new diplomats arrived.";
    let figs = figures(text, "en");
    let f37 = fig(&figs, "37");
    let (lo, hi) = exact(37.0);
    check(f37, lo, hi, Kind::Count, "diplomat");
    assert_eq!(f37.modifiers, ["new"]);
    assert_eq!(f37.unit, "new diplomats");
    assert_eq!(f37.attribution.as_deref(), Some("officials"));
    let f49 = fig(&figs, "49");
    check(f49, Some(49.0), Some(49.0), Kind::Count, "diplomat");
    assert!(
        f49.modifiers.contains(&"existing".to_string())
            && !f49.modifiers.contains(&"new".to_string())
    );
    let f46 = fig(&figs, "46");
    check(f46, Some(46.0), Some(46.0), Kind::Count, "diplomat");
    assert!(f46.modifiers.contains(&"american".to_string()), "{f46:#?}");
    let least = fig(&figs, "at least 150");
    check(least, Some(150.0), None, Kind::Count, "officer");
    assert!(!least.value.lo_strict);
    assert_eq!(least.modifiers, ["kgb"]);
    let more = fig(&figs, "more than 150");
    check(more, Some(150.0), None, Kind::Count, "officer");
    assert!(more.value.lo_strict);
    check(
        fig(&figs, "2020"),
        Some(2020.0),
        Some(2020.0),
        Kind::Year,
        "",
    );
    check(
        fig(&figs, "February 2022"),
        Some(20220201.0),
        Some(20220228.0),
        Kind::Date,
        "",
    );
    let f36 = fig(&figs, "36");
    check(f36, Some(36.0), Some(36.0), Kind::Count, "diplomat");
    assert_eq!(f36.modifiers, ["new"]);
}

#[test]
fn demo_spanish() {
    let text = "México aprobó 37 nuevos diplomáticos rusos, además de los 49 ya acreditados. \
                La embajada de Estados Unidos cuenta con 46 diplomáticos estadounidenses.\n\n\
                Hay al menos 150 agentes de la KGB, y otros hablan de más de 150 oficiales del KGB. \
                Con treinta y siete nuevos diplomáticos, Rusia tendría 86 diplomáticos en total. \
                Una ley de 2020 lo permite desde febrero de 2022.";
    let figs = figures(text, "es");
    let f37 = fig(&figs, "37 nuevos");
    check(f37, Some(37.0), Some(37.0), Kind::Count, "diplomat");
    assert_eq!(f37.modifiers, ["new", "russian"]);
    assert_eq!(f37.unit, "nuevos diplomáticos rusos");
    let f49 = fig(&figs, "49");
    check(f49, Some(49.0), Some(49.0), Kind::Count, "diplomat");
    assert_eq!(f49.modifiers, ["existing"]);
    let f46 = fig(&figs, "46");
    check(f46, Some(46.0), Some(46.0), Kind::Count, "diplomat");
    assert_eq!(f46.modifiers, ["american"]);
    let least = fig(&figs, "al menos 150");
    check(least, Some(150.0), None, Kind::Count, "agent");
    assert_eq!(least.modifiers, ["kgb"]);
    assert_eq!(least.unit, "agentes de la kgb");
    let more = fig(&figs, "más de 150");
    check(more, Some(150.0), None, Kind::Count, "officer");
    assert!(more.value.lo_strict);
    assert_eq!(more.modifiers, ["kgb"]);
    assert!(units_related(&least.unit_key, &more.unit_key));
    let words = fig(&figs, "treinta y siete");
    check(words, Some(37.0), Some(37.0), Kind::Count, "diplomat");
    assert_eq!(words.modifiers, ["new"]);
    let f86 = fig(&figs, "86");
    check(f86, Some(86.0), Some(86.0), Kind::Count, "diplomat");
    check(
        fig(&figs, "2020"),
        Some(2020.0),
        Some(2020.0),
        Kind::Year,
        "",
    );
    check(
        fig(&figs, "febrero de 2022"),
        Some(20220201.0),
        Some(20220228.0),
        Kind::Date,
        "",
    );
}

#[test]
fn spans_point_into_the_text() {
    let text =
        "Según la cancillería, llegaron 37 nuevos diplomáticos.\n\nOtro párrafo con 12,5% más.";
    let art = article(text, None);
    let full = art.text();
    for f in analyze(&art).figures {
        assert_eq!(&full[f.span[0]..f.span[1]], f.text);
        assert!(full.contains(&f.sentence));
    }
}

#[test]
fn number_formats_by_language() {
    let es = figures(
        "Se perdieron 1.234 empleos y el PIB cayó 12,5 por ciento.",
        "es",
    );
    check(
        fig(&es, "1.234"),
        Some(1234.0),
        Some(1234.0),
        Kind::Count,
        "job",
    );
    check(
        fig(&es, "12,5"),
        Some(12.5),
        Some(12.5),
        Kind::Percent,
        "percent",
    );
    let en = figures("It rose 1.234 points, or 3.5%, and 1,234 jobs went.", "en");
    check(
        fig(&en, "1.234"),
        Some(1.234),
        Some(1.234),
        Kind::Count,
        "point",
    );
    check(
        fig(&en, "3.5%"),
        Some(3.5),
        Some(3.5),
        Kind::Percent,
        "percent",
    );
    check(
        fig(&en, "1,234"),
        Some(1234.0),
        Some(1234.0),
        Kind::Count,
        "job",
    );
    let spaced = figures(
        "Había 1 234 personas y la temperatura bajó a -4 grados.",
        "es",
    );
    check(
        fig(&spaced, "1 234"),
        Some(1234.0),
        Some(1234.0),
        Kind::Count,
        "person",
    );
    assert_eq!(fig(&spaced, "-4").value.lo, Some(-4.0));
}

#[test]
fn scales_and_money() {
    let en = figures(
        "The deal is worth $4.2bn, or 1.5 million people, and 3bn rubles.",
        "en",
    );
    let d = fig(&en, "$4.2bn");
    assert_eq!(
        (d.kind, d.currency.as_deref(), d.value.lo),
        (Kind::Money, Some("USD"), Some(4.2e9))
    );
    assert_eq!(d.unit_key, "dollar");
    check(
        fig(&en, "1.5 million"),
        Some(1.5e6),
        Some(1.5e6),
        Kind::Count,
        "person",
    );
    let r = fig(&en, "3bn");
    assert_eq!(
        (r.kind, r.currency.as_deref(), r.value.lo),
        (Kind::Money, Some("RUB"), Some(3e9))
    );
    let es = figures(
        "Costó 200.000 millones de pesos y 2 mil millones de dólares; US$ 5 más.",
        "es",
    );
    let p = fig(&es, "200.000");
    assert_eq!(
        (p.kind, p.currency.as_deref(), p.value.lo),
        (Kind::Money, Some("MXN"), Some(2e11))
    );
    let u = fig(&es, "2 mil millones");
    assert_eq!(
        (u.kind, u.currency.as_deref(), u.value.lo),
        (Kind::Money, Some("USD"), Some(2e9))
    );
    let eur = figures("Pagó €300 y MXN 500 y 10 euros.", "es");
    assert_eq!(fig(&eur, "€300").currency.as_deref(), Some("EUR"));
    assert_eq!(fig(&eur, "MXN 500").currency.as_deref(), Some("MXN"));
    assert_eq!(fig(&eur, "10 euros").currency.as_deref(), Some("EUR"));
}

#[test]
fn percent_forms() {
    let en = figures(
        "Turnout was 60 per cent, then 61 percent, then nearly 60%.",
        "en",
    );
    check(
        fig(&en, "60 per cent"),
        Some(60.0),
        Some(60.0),
        Kind::Percent,
        "percent",
    );
    check(
        fig(&en, "61 percent"),
        Some(61.0),
        Some(61.0),
        Kind::Percent,
        "percent",
    );
    check(
        fig(&en, "nearly 60%"),
        Some(54.0),
        Some(60.0),
        Kind::Percent,
        "percent",
    );
    let es = figures("La participación fue del 60 por ciento.", "es");
    check(
        fig(&es, "60 por ciento"),
        Some(60.0),
        Some(60.0),
        Kind::Percent,
        "percent",
    );
}

#[test]
fn qualifiers_and_ranges() {
    let en = figures(
        "About 100 people came. Up to 30 soldiers, fewer than 20 victims, between 30 and 40 homes, 30-40 cases, dozens of migrants and more than two dozen tourists.",
        "en",
    );
    let about = fig(&en, "About 100");
    assert!(
        (about.value.lo.unwrap() - 90.0).abs() < 1e-9
            && (about.value.hi.unwrap() - 110.0).abs() < 1e-9
    );
    check(
        fig(&en, "Up to 30"),
        Some(0.0),
        Some(30.0),
        Kind::Count,
        "soldier",
    );
    let fewer = fig(&en, "fewer than 20");
    assert!(fewer.value.hi_strict && fewer.value.hi == Some(20.0));
    check(
        fig(&en, "between 30 and 40"),
        Some(30.0),
        Some(40.0),
        Kind::Count,
        "home",
    );
    check(
        fig(&en, "30-40"),
        Some(30.0),
        Some(40.0),
        Kind::Count,
        "case",
    );
    let dozens = fig(&en, "dozens");
    assert_eq!(
        (dozens.value.lo, dozens.value.hi, dozens.unit_key.as_str()),
        (Some(24.0), Some(100.0), "migrant")
    );
    let more = fig(&en, "two dozen");
    assert_eq!(
        (more.value.lo, more.value.hi, more.value.lo_strict),
        (Some(24.0), None, true)
    );
    assert_eq!(more.unit_key, "tourist");
    let es = figures(
        "Llegaron alrededor de 100 turistas, casi 50 migrantes, entre 30 y 40 viviendas, hasta 20 heridos, menos de 10 muertos, decenas de víctimas y miles de personas, como mínimo.",
        "es",
    );
    assert_eq!(fig(&es, "alrededor de 100").unit_key, "tourist");
    check(
        fig(&es, "casi 50"),
        Some(45.0),
        Some(50.0),
        Kind::Count,
        "migrant",
    );
    check(
        fig(&es, "entre 30 y 40"),
        Some(30.0),
        Some(40.0),
        Kind::Count,
        "home",
    );
    check(
        fig(&es, "hasta 20"),
        Some(0.0),
        Some(20.0),
        Kind::Count,
        "injured",
    );
    assert!(fig(&es, "menos de 10").value.hi_strict);
    assert_eq!(fig(&es, "decenas").value.lo, Some(20.0));
    assert_eq!(fig(&es, "miles").unit_key, "person");
}

#[test]
fn number_words() {
    let en = figures(
        "Thirty-seven diplomats and a dozen spies met one official; no one else came, and one of them left.",
        "en",
    );
    check(
        fig(&en, "Thirty-seven"),
        Some(37.0),
        Some(37.0),
        Kind::Count,
        "diplomat",
    );
    check(
        fig(&en, "a dozen"),
        Some(12.0),
        Some(12.0),
        Kind::Count,
        "spy",
    );
    check(
        fig(&en, "one official"),
        Some(1.0),
        Some(1.0),
        Kind::Count,
        "official",
    );
    assert_eq!(en.len(), 3, "{en:#?}");
    let es = figures(
        "Una docena de espías, dos decenas de agentes y una ley; uno de ellos habló.",
        "es",
    );
    check(
        fig(&es, "Una docena"),
        Some(12.0),
        Some(12.0),
        Kind::Count,
        "spy",
    );
    check(
        fig(&es, "dos decenas"),
        Some(20.0),
        Some(20.0),
        Kind::Count,
        "agent",
    );
    assert_eq!(es.len(), 2, "{es:#?}");
}

#[test]
fn durations_ordinals_dates() {
    let en = figures(
        "The talks lasted three years, then 48 hours; it was the first visit and the 3rd round on Sept. 19.",
        "en",
    );
    check(
        fig(&en, "three years"),
        Some(3.0 * 365.0),
        Some(3.0 * 365.0),
        Kind::Duration,
        "year",
    );
    check(
        fig(&en, "48 hours"),
        Some(2.0),
        Some(2.0),
        Kind::Duration,
        "hour",
    );
    check(
        fig(&en, "first"),
        Some(1.0),
        Some(1.0),
        Kind::Ordinal,
        "visit",
    );
    check(
        fig(&en, "3rd"),
        Some(3.0),
        Some(3.0),
        Kind::Ordinal,
        "round",
    );
    assert_eq!(fig(&en, "Sept. 19").kind, Kind::Date);
    let es = figures(
        "Duró dos semanas; fue el tercer mandato y el primer viaje, el 24 de septiembre, y en 2020 hubo otro el 23.09.2023.",
        "es",
    );
    check(
        fig(&es, "dos semanas"),
        Some(14.0),
        Some(14.0),
        Kind::Duration,
        "week",
    );
    check(
        fig(&es, "tercer"),
        Some(3.0),
        Some(3.0),
        Kind::Ordinal,
        "mandato",
    );
    assert_eq!(fig(&es, "primer").kind, Kind::Ordinal);
    assert_eq!(fig(&es, "24 de septiembre").value.lo, Some(924.0));
    check(fig(&es, "2020"), Some(2020.0), Some(2020.0), Kind::Year, "");
    check(
        fig(&es, "23.09.2023"),
        Some(20230923.0),
        Some(20230923.0),
        Kind::Date,
        "",
    );
}

#[test]
fn traps_are_not_figures() {
    let en = figures(
        "The G7 met about COVID-19 and the Boeing 737 under Article 5, while F-16 jets flew at 14:00 and 2 p.m.; call +1 555 123 4567 or 555-1234, see https://example.com/2023/page-12 or mail a1@x.org, 24/7.",
        "en",
    );
    assert!(en.is_empty(), "{en:#?}");
    let es = figures(
        "Según el artículo 5 de la ley, a las 10 de la mañana llegó el vuelo 370.",
        "es",
    );
    assert!(es.is_empty(), "{es:#?}");
}

#[test]
fn quotes_keep_their_numbers() {
    let text = "“We expelled 37 spies from the country,” Laura Medina said.";
    let c = analyze(&article(text, Some("en")));
    assert_eq!(c.quotes.len(), 1);
    assert_eq!(c.quotes[0].speaker.as_deref(), Some("Laura Medina"));
    assert_eq!(fig(&c.figures, "37").unit_key, "spy");
    assert_eq!(
        fig(&c.figures, "37").attribution.as_deref(),
        Some("Laura Medina")
    );
}

#[test]
fn language_guess_without_hint() {
    let c = analyze(&article(
        "El gobierno dijo que hay 1.234 personas en la ciudad y que la cifra es de 3,5 por ciento.",
        None,
    ));
    assert_eq!(fig(&c.figures, "1.234").value.lo, Some(1234.0));
    let c = analyze(&article(
        "The government said that 1.234 of the points and the rest were lost.",
        None,
    ));
    assert_eq!(fig(&c.figures, "1.234").value.lo, Some(1.234));
}

#[test]
fn units_related_is_public() {
    assert!(units_related("agent", "officer"));
    assert!(units_related("spy", "officer"));
    assert!(!units_related("diplomat", "soldier"));
    assert!(units_related("widget", "widget"));
}

/// Deterministic pseudo-random generator for the robustness test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn never_panics_on_arbitrary_text() {
    let pieces = [
        "“",
        "”",
        "«",
        "»",
        "‘",
        "’",
        "'",
        "\"",
        "$",
        "€",
        "%",
        "-",
        "–",
        ".",
        ",",
        ":",
        "/",
        "+",
        "(",
        ")",
        "1",
        "23",
        "1.234",
        "1,5",
        "2020",
        "99999999999999999999999999",
        "0",
        "de",
        "y",
        "and",
        "million",
        "millones",
        "more than",
        "al menos",
        "February",
        "febrero",
        "the",
        "one",
        "un",
        "dozen",
        " ",
        "\n\n",
        "é",
        "ñ",
        "🙂",
        "\u{301}",
        "\u{202f}",
        "U.S.",
        "said",
        "dijo",
        "a las",
        "between",
        "entre",
        "per cent",
        "por ciento",
        "ya acreditados",
        "embassy",
        "KGB",
        "first",
        "st",
        "bn",
        "s",
        "º",
    ];
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..400 {
        let len = (rng.next() % 80) as usize;
        let mut s = String::new();
        for _ in 0..len {
            let r = rng.next();
            if r.is_multiple_of(5) {
                s.push(char::from_u32((r >> 8) as u32 % 0x3_0000).unwrap_or('x'));
            } else {
                s.push_str(pieces[(r >> 8) as usize % pieces.len()]);
            }
            if r.is_multiple_of(3) {
                s.push(' ');
            }
        }
        for lang in [Some("en"), Some("es"), None] {
            let art = article(&s, lang);
            let c = analyze(&art);
            let full = art.text();
            for f in &c.figures {
                assert!(full.get(f.span[0]..f.span[1]).is_some(), "{s:?}");
            }
        }
    }
    let long = "9".repeat(100_000);
    let _ = analyze(&article(&long, None));
    let _ = analyze(&article(&"1,".repeat(20_000), Some("es")));
    let _ = analyze(&article(&"“".repeat(5_000), None));
}

#[test]
fn constructions_found_on_the_demo_pages() {
    let es = figures(
        "El gasto será de 7 mil 800 millones de pesos, un 12 por ciento más.",
        "es",
    );
    let p = fig(&es, "7 mil 800");
    assert_eq!((p.value.lo, p.kind), (Some(7.8e9), Kind::Money), "{p:#?}");
    let en = figures(
        "He was tracked by at least 3 other clubs and scored 11% over three seasons. \
         The death toll from the storm that hit the coast this week rose to 14 on Thursday.",
        "en",
    );
    assert_eq!(fig(&en, "3 other").unit_key, "club");
    assert_eq!(fig(&en, "11%").text, "11%");
    assert_eq!(fig(&en, "three seasons").unit_key, "season");
    assert_eq!(fig(&en, "14").unit_key, "death");
    let c = analyze(&article(
        "Homes in three states were still without power, utilities said. \
         Each added accreditation widens the room, Medina added.",
        Some("en"),
    ));
    assert_eq!(
        fig(&c.figures, "three states").attribution.as_deref(),
        Some("utilities")
    );
    let sources: Vec<&str> = c.paraphrases.iter().map(|p| p.source.as_str()).collect();
    assert_eq!(sources, ["utilities", "Medina"]);
}
#[test]
fn quotes_in_every_mark_with_speakers() {
    let c = analyze(&article(
        "«No vamos a tolerar espionaje en nuestro territorio», afirmó el canciller Juan Ramírez. \
         ‘We will not tolerate espionage on our soil,’ the minister, Ana Ruiz, warned. \
         \"Mexico is a sovereign country and decides its own diplomatic staff,\" said Laura Medina. \
         El diario, citado por Reuters, dijo que llegaron 37 diplomáticos.",
        Some("es"),
    ));
    let speakers: Vec<Option<&str>> = c.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [Some("Juan Ramírez"), Some("Ana Ruiz"), Some("Laura Medina")]
    );
    assert_eq!(c.paraphrases.len(), 1, "{:#?}", c.paraphrases);
    assert_eq!(
        (
            c.paraphrases[0].cue.as_str(),
            c.paraphrases[0].source.as_str()
        ),
        ("citado por", "Reuters")
    );
}

#[test]
fn heuristics_keep_their_limits() {
    let en = figures(
        "Updated figures show 37 diplomats said to be spies. \
         There were 120 reported cases among 37 Texas residents.",
        "en",
    );
    assert_eq!(fig(&en, "37 diplomats").unit_key, "diplomat");
    assert_eq!(fig(&en, "120").unit_key, "case");
    assert_eq!(fig(&en, "37 Texas").unit_key, "resident");
    let furniture = figures("Updated 14:32 GMT. Posted at 09:15 by the desk.", "en");
    assert!(furniture.is_empty(), "{furniture:#?}");
}

#[test]
fn one_unit_of_time_only_after_a_cue() {
    let es = figures(
        "Creció en menos de un año; de un día para otro cambió todo.",
        "es",
    );
    assert_eq!(es.len(), 1, "{es:#?}");
    assert_eq!((es[0].kind, es[0].value.hi), (Kind::Duration, Some(365.0)));
    let en = figures("Sales rose 9% from a year earlier, for a decade.", "en");
    let durations: Vec<&str> = en
        .iter()
        .filter(|f| f.kind == Kind::Duration)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(durations, ["a decade"]);
}

#[test]
fn held_out_classes() {
    // A definite article and a small number word opening a clause refer back.
    let figs = figures("Biden met Xi, and the two leaders agreed to talk.", "en");
    assert!(figs.iter().all(|f| !f.text.contains("two")), "{figs:#?}");
    let figs = figures("Los dos líderes se reunieron en Ginebra.", "es");
    assert!(figs.is_empty(), "{figs:#?}");
    // Partitives and digits stay figures.
    let figs = figures("Two of the three suspects were freed.", "en");
    check(
        fig(&figs, "three"),
        Some(3.0),
        Some(3.0),
        Kind::Count,
        "suspect",
    );
    // Age bounds and qualifiers before an indefinite article.
    let figs = figures(
        "Los mayores de 65 años y casi un 60 % de los jóvenes.",
        "es",
    );
    let age = fig(&figs, "65");
    assert_eq!(
        (age.value.lo, age.value.hi, age.value.lo_strict),
        (Some(65.0 * 365.0), None, true)
    );
    check(
        fig(&figs, "60"),
        Some(54.0),
        Some(60.0),
        Kind::Percent,
        "percent",
    );
    // A spelled scale makes the number after a name an amount.
    let figs = figures("The club will pay Portsmouth City 85 million euros.", "en");
    check(
        fig(&figs, "85"),
        Some(85e6),
        Some(85e6),
        Kind::Money,
        "euro",
    );
    // A team after a result verb keeps its score.
    let figs = figures("Arsenal beat Luton 4-3 on Saturday.", "en");
    assert_eq!(figs.len(), 2, "{figs:#?}");
    // Times and phone numbers.
    let figs = figures(
        "Publicó la foto a las 22.30 horas; el teléfono de ayuda es el 900 123 456.",
        "es",
    );
    assert!(figs.is_empty(), "{figs:#?}");
    let figs = figures("By Jane Doe | Published 07:45 BST, 12 March 2023", "en");
    assert!(figs.is_empty(), "{figs:#?}");
    // A share with no noun after it.
    let figs = figures("Admissions rose by nearly a third in the week.", "en");
    let third = fig(&figs, "third");
    assert_eq!(third.kind, Kind::Percent);
    assert!((third.value.lo.unwrap() - 30.0).abs() < 1e-9, "{third:#?}");
}

#[test]
fn second_held_out_classes() {
    let figs = figures(
        "Un sismo de magnitud 6,3 y una condena de seis años y medio.",
        "es",
    );
    check(
        fig(&figs, "6,3"),
        Some(6.3),
        Some(6.3),
        Kind::Count,
        "magnitude",
    );
    check(
        fig(&figs, "seis"),
        Some(6.5 * 365.0),
        Some(6.5 * 365.0),
        Kind::Duration,
        "year",
    );
    let figs = figures("La participación fue del 66 %, cuatro puntos menos.", "es");
    check(
        fig(&figs, "cuatro"),
        Some(4.0),
        Some(4.0),
        Kind::Percent,
        "percentage point",
    );
    let figs = figures("El índice subió un 1,2 %, hasta los 10.102 puntos.", "es");
    check(
        fig(&figs, "10.102"),
        Some(10102.0),
        Some(10102.0),
        Kind::Count,
        "point",
    );
    let figs = figures(
        "She won the 100m final; he spent 2 million on a yacht.",
        "en",
    );
    assert_eq!(figs.len(), 1, "{figs:#?}");
    assert_eq!(fig(&figs, "2 million").kind, Kind::Money);
    let figs = figures(
        "The rate is 5.25%-5.5%, and 20 of the EU's 27 members agree.",
        "en",
    );
    check(
        fig(&figs, "5.25"),
        Some(5.25),
        Some(5.5),
        Kind::Percent,
        "percent",
    );
    check(
        fig(&figs, "20"),
        Some(20.0),
        Some(20.0),
        Kind::Count,
        "member",
    );
    let figs = figures("Measles cases topped 42,000, up from 941.", "en");
    assert_eq!(fig(&figs, "42,000").unit_key, "case");
}

#[test]
fn third_held_out_classes() {
    let figs = figures("Top 10 things to do", "en");
    assert!(figs.is_empty(), "{figs:#?}");
    let figs = figures("iOS 17 runs on 76% of phones; winds reached 180 mph.", "en");
    assert_eq!(figs.len(), 2, "{figs:#?}");
    assert_eq!(fig(&figs, "180").unit_key, "mile");
    let figs = figures("Atención de 9 a 18 horas de lunes a viernes.", "es");
    assert!(figs.is_empty(), "{figs:#?}");
    let figs = figures("La espera fue de 9 a 18 horas.", "es");
    assert_eq!(figs.len(), 1, "{figs:#?}");
    let figs = figures(
        "El Athletic ganó la Copa 40 años después, tras vencer al Mallorca 4-2.",
        "es",
    );
    check(
        fig(&figs, "40"),
        Some(40.0 * 365.0),
        Some(40.0 * 365.0),
        Kind::Duration,
        "year",
    );
    assert_eq!(figs.len(), 3, "{figs:#?}");
    let figs = figures(
        "Obtuvo el 52,4 % de los votos, 1,3 puntos más que su rival.",
        "es",
    );
    check(
        fig(&figs, "1,3"),
        Some(1.3),
        Some(1.3),
        Kind::Percent,
        "percentage point",
    );
}

#[test]
fn fourth_held_out_classes() {
    let figs = figures("Police are questioning two men, aged 34 and 41.", "en");
    check(
        fig(&figs, "41"),
        Some(41.0 * 365.0),
        Some(41.0 * 365.0),
        Kind::Duration,
        "year",
    );
    let figs = figures(
        "The Dodgers beat the Yankees 7-6 in 11 innings to take a 3-1 series lead.",
        "en",
    );
    assert_eq!(figs.len(), 5, "{figs:#?}");
    assert!(
        figs.iter().filter(|f| f.unit_key.is_empty()).count() == 4,
        "{figs:#?}"
    );
    let figs = figures("The commission voted 4-1 to approve it.", "en");
    assert!(figs.iter().all(|f| f.unit_key == "vote"), "{figs:#?}");
    let figs = figures("Follow us on Twitter | 2 comments", "en");
    assert!(figs.is_empty(), "{figs:#?}");
    let figs = figures(
        "Aprobó un plan de 3.000 millones. Hace un siglo no llegaba a los 42 años.",
        "es",
    );
    assert_eq!(fig(&figs, "3.000").kind, Kind::Money);
    check(
        fig(&figs, "siglo"),
        Some(36500.0),
        Some(36500.0),
        Kind::Duration,
        "century",
    );
    let age = fig(&figs, "42");
    assert_eq!(
        (age.value.hi, age.value.hi_strict),
        (Some(42.0 * 365.0), true)
    );
}

#[test]
fn fifth_held_out_classes() {
    let figs = figures("The bank raised rates by a quarter-point to 5.25%.", "en");
    check(
        fig(&figs, "quarter"),
        Some(0.25),
        Some(0.25),
        Kind::Percent,
        "percentage point",
    );
    check(
        fig(&figs, "5.25"),
        Some(5.25),
        Some(5.25),
        Kind::Percent,
        "percent",
    );
    let figs = figures("Call 999 in an emergency or 101 for anything else.", "en");
    assert!(figs.is_empty(), "{figs:#?}");
    let figs = figures(
        "He scored his 40,000th point for a population of 400,000.",
        "en",
    );
    check(
        fig(&figs, "40,000th"),
        Some(40000.0),
        Some(40000.0),
        Kind::Ordinal,
        "point",
    );
    assert_eq!(fig(&figs, "400,000").unit_key, "person");
    let figs = figures(
        "Dos trenes chocaron en la Línea 1 y 15 pasajeros resultaron heridos.",
        "es",
    );
    check(
        fig(&figs, "15"),
        Some(15.0),
        Some(15.0),
        Kind::Count,
        "passenger",
    );
    let figs = figures(
        "Creció un 8 % más que hace un año, por un fraude de 680 millones.",
        "es",
    );
    assert!(figs.iter().all(|f| f.kind != Kind::Duration), "{figs:#?}");
    assert_eq!(fig(&figs, "680").kind, Kind::Money);
}

#[test]
fn sixth_held_out_classes() {
    let figs = figures(
        "He sent 1,400 messages to the victim over three months.",
        "en",
    );
    check(
        fig(&figs, "three"),
        Some(90.0),
        Some(90.0),
        Kind::Duration,
        "month",
    );
    let figs = figures("He waited over three hours.", "en");
    assert!(fig(&figs, "three").value.lo_strict);
    let figs = figures("La manifestación del 8M reunió a 120.000 personas.", "es");
    assert_eq!(figs.len(), 1, "{figs:#?}");
    let figs = figures(
        "Récord para un mes de julio. Subió desde su mínimo de marzo.",
        "es",
    );
    assert_eq!(figs.len(), 1, "{figs:#?}");
    let figs = figures(
        "Perdió el 72 % de sus pasajeros: 17,1 millones frente a 61,7 millones.",
        "es",
    );
    assert_eq!(fig(&figs, "61,7").unit_key, "passenger");
    let figs = figures(
        "El paro subió en 49.558 personas en septiembre, hasta 3,77 millones.",
        "es",
    );
    assert_eq!(fig(&figs, "3,77").unit_key, "person");
    let figs = figures("The S&P 500 has gained 68% since its March low.", "en");
    assert!(figs.iter().any(|f| f.kind == Kind::Date), "{figs:#?}");
}

#[test]
fn seventh_held_out_classes() {
    let figs = figures("Pilots will strike on August 22 and 23.", "en");
    assert_eq!(figs.len(), 2, "{figs:#?}");
    assert!(figs.iter().all(|f| f.kind == Kind::Date), "{figs:#?}");
    let figs = figures("Huelga los días 22 y 23 de agosto.", "es");
    assert_eq!(figs.len(), 2, "{figs:#?}");
    assert!(figs.iter().all(|f| f.kind == Kind::Date), "{figs:#?}");
    let figs = figures("A galaxy 55 million light years away; a 60ft yacht.", "en");
    assert_eq!(fig(&figs, "55").unit_key, "light year");
    assert_eq!(fig(&figs, "60").unit_key, "foot");
    let figs = figures(
        "La participación cayó casi seis puntos, hasta el 69,9 %.",
        "es",
    );
    assert_eq!(fig(&figs, "seis").unit_key, "percentage point");
    let figs = figures("El Ibex subió 200 puntos, un 2 %.", "es");
    assert_eq!(fig(&figs, "200").unit_key, "point");
    let figs = figures("Se construyó entre 1163 y 1345.", "es");
    assert_eq!(fig(&figs, "1163").kind, Kind::Year);
}

#[test]
fn eighth_held_out_classes() {
    let figs = figures("Messi marcó su gol número 400 en octavos de final.", "es");
    assert_eq!(figs.len(), 1, "{figs:#?}");
    check(
        fig(&figs, "400"),
        Some(400.0),
        Some(400.0),
        Kind::Ordinal,
        "goal",
    );
    let figs = figures("Causó la muerte de una persona y 44 heridos.", "es");
    check(
        fig(&figs, "una persona"),
        Some(1.0),
        Some(1.0),
        Kind::Count,
        "person",
    );
    let figs = figures(
        "Tesla produced 53,239 Model 3 cars before 78,011 spectators.",
        "en",
    );
    assert_eq!(fig(&figs, "53,239").unit_key, "car");
    assert_eq!(fig(&figs, "78,011").unit_key, "spectator");
    let figs = figures("Ganó la segunda vuelta.", "es");
    assert_eq!(fig(&figs, "segunda").unit_key, "round");
}

#[test]
fn ninth_held_out_classes() {
    let figs = figures("Macron won, at 39, the presidency.", "en");
    check(
        fig(&figs, "39"),
        Some(39.0 * 365.0),
        Some(39.0 * 365.0),
        Kind::Duration,
        "year",
    );
    let figs = figures(
        "They paid more than double the record, up tenfold since 2015.",
        "en",
    );
    let double = fig(&figs, "double");
    assert_eq!((double.value.lo, double.value.lo_strict), (Some(2.0), true));
    assert_eq!(double.unit_key, "time");
    check(
        fig(&figs, "tenfold"),
        Some(10.0),
        Some(10.0),
        Kind::Count,
        "time",
    );
    let figs = figures("A double murder; they plan to double the budget.", "en");
    assert!(figs.is_empty(), "{figs:#?}");
    let figs = figures(
        "Pagó el doble del anterior récord; tiene doble nacionalidad.",
        "es",
    );
    assert_eq!(figs.len(), 1, "{figs:#?}");
    let figs = figures("Cayó en la ida de octavos ante 34 nacionalidades.", "es");
    assert_eq!(figs.len(), 1, "{figs:#?}");
    assert_eq!(fig(&figs, "34").unit_key, "nationality");
}

#[test]
fn tenth_held_out_classes() {
    let figs = figures(
        "Samsung recalled 2.5 million phones after 35 reports of fires.",
        "en",
    );
    assert_eq!(fig(&figs, "35").unit_key, "report");
    let figs = figures(
        "España sumó 17 medallas, siete de ellas de oro, y su tercer oro.",
        "es",
    );
    assert_eq!(fig(&figs, "siete").unit_key, "medal");
    assert_eq!(fig(&figs, "tercer").unit_key, "gold");
    let figs = figures(
        "Bolt won the 100m. Ganó los 100 metros en 9,81 segundos.",
        "es",
    );
    assert_eq!(figs.len(), 1, "{figs:#?}");
    let figs = figures(
        "Pagó 1 millón por Vardy y armó una plantilla de 57 millones.",
        "es",
    );
    assert!(figs.iter().all(|f| f.kind == Kind::Money), "{figs:#?}");
}

#[test]
fn eleventh_held_out_classes() {
    let figs = figures(
        "Rates rose for the first time in nearly a decade, by a quarter of a point.",
        "en",
    );
    check(
        fig(&figs, "quarter"),
        Some(0.25),
        Some(0.25),
        Kind::Percent,
        "percentage point",
    );
    check(
        fig(&figs, "decade"),
        Some(3285.0),
        Some(3650.0),
        Kind::Duration,
        "decade",
    );
    let figs = figures(
        "Tickets cost £35 to £65; it was the first developed country to default.",
        "en",
    );
    check(
        fig(&figs, "35"),
        Some(35.0),
        Some(65.0),
        Kind::Money,
        "pound",
    );
    assert_eq!(fig(&figs, "first").unit_key, "country");
    let figs = figures(
        "Superó los 150 puntos básicos con 9 concejales y tres misas.",
        "es",
    );
    assert_eq!(fig(&figs, "150").unit_key, "basis point");
    assert_eq!(fig(&figs, "9").unit_key, "councillor");
    assert_eq!(fig(&figs, "tres").unit_key, "mass");
}

#[test]
fn twelfth_held_out_classes() {
    let figs = figures(
        "A fire in 2012 killed 112 workers; Apple sold 10 million iPhone 6 handsets.",
        "en",
    );
    assert_eq!(fig(&figs, "2012").kind, Kind::Year);
    assert_eq!(fig(&figs, "10 million").unit_key, "handset");
    let figs = figures(
        "Controla unos 90.000 kilómetros cuadrados y tiene cinco eurodiputados.",
        "es",
    );
    assert_eq!(fig(&figs, "90.000").unit_key, "square kilometer");
    assert_eq!(fig(&figs, "cinco").unit_key, "mep");
}

#[test]
fn thirteenth_held_out_classes() {
    let figs = figures(
        "Una inflación cercana al 28 % y 6,2 millones de parados.",
        "es",
    );
    check(
        fig(&figs, "28"),
        Some(25.2),
        Some(28.0 * 1.1),
        Kind::Percent,
        "percent",
    );
    assert_eq!(fig(&figs, "6,2").unit_key, "unemployed");
    let figs = figures("Vídeo (2:45) | Fotos: 12 imágenes", "es");
    assert!(figs.is_empty(), "{figs:#?}");
    let figs = figures(
        "Huelga contra los recortes de 1.000 millones; hubo 30.000 desahucios.",
        "es",
    );
    assert_eq!(fig(&figs, "1.000").kind, Kind::Money);
    assert_eq!(fig(&figs, "30.000").unit_key, "eviction");
}

#[test]
fn fourteenth_held_out_classes() {
    let figs = figures(
        "It had 4,252 people on board; 32 died. Bolt kept his 100m title.",
        "en",
    );
    assert_eq!(fig(&figs, "32").unit_key, "person");
    assert_eq!(figs.len(), 2, "{figs:#?}");
    let figs = figures(
        "It cost $65 billion and left 8.5 million without power.",
        "en",
    );
    assert_eq!(fig(&figs, "8.5").kind, Kind::Count);
    let figs = figures("El Gobierno recortará 10.000 millones en sanidad.", "es");
    assert_eq!(fig(&figs, "10.000").kind, Kind::Money);
}

#[test]
fn collective_numerals() {
    let figs = figures("Una veintena de familias fueron desalojadas.", "es");
    check(
        fig(&figs, "veintena"),
        Some(18.0),
        Some(22.0),
        Kind::Count,
        "family",
    );
    let figs = figures(
        "Llegaron más de un centenar de migrantes y un par de periodistas.",
        "es",
    );
    let f = fig(&figs, "centenar");
    assert_eq!(
        (f.value.lo, f.value.lo_strict, f.value.hi),
        (Some(100.0), true, None)
    );
    check(
        fig(&figs, "par"),
        Some(2.0),
        Some(2.0),
        Kind::Count,
        "journalist",
    );
    // A quarantine with its own number is no "about 40".
    let figs = figures("Impusieron una cuarentena de 14 días.", "es");
    assert!(
        figs.iter().all(|f| !f.text.contains("cuarentena")),
        "{figs:#?}"
    );
    check(
        fig(&figs, "14"),
        Some(14.0),
        Some(14.0),
        Kind::Duration,
        "day",
    );
}

#[test]
fn people_left_unsaid() {
    let figs = figures("Hurricane Sandy left 8.5 million without power.", "en");
    check(
        fig(&figs, "8.5"),
        Some(8.5e6),
        Some(8.5e6),
        Kind::Count,
        "person",
    );
    let figs = figures("Je suis Charlie: 3.7 million march across France.", "en");
    check(
        fig(&figs, "3.7"),
        Some(3.7e6),
        Some(3.7e6),
        Kind::Count,
        "person",
    );
    // Sales are no people.
    let figs = figures("It sold 3.7 million last year.", "en");
    assert_eq!(fig(&figs, "3.7").unit_key, "");
}

#[test]
fn titles_days_and_service_numbers() {
    let figs = figures(
        "Adele's 25 sold 3.38 million copies in its first week.",
        "en",
    );
    assert!(figs.iter().all(|f| f.text != "25"), "{figs:#?}");
    // A possessive answering a count before it is a count.
    let figs = figures("Obama won 332 electoral votes to Romney's 206.", "en");
    check(
        fig(&figs, "206"),
        Some(206.0),
        Some(206.0),
        Kind::Count,
        "vote",
    );
    let figs = figures("Live: Olympics day 9 as it happened", "en");
    assert!(figs.is_empty(), "{figs:#?}");
    let figs = figures("Residents can report potholes on 311 or online.", "en");
    assert!(figs.is_empty(), "{figs:#?}");
    let figs = figures("The probe flew a 567-million-kilometre journey.", "en");
    check(
        fig(&figs, "567"),
        Some(5.67e8),
        Some(5.67e8),
        Kind::Count,
        "kilometer",
    );
}

#[test]
fn dev_batch_classes() {
    // A spread after a percentage; an age bound after a people noun.
    let figs = figures("The union wants a 40% pay rise over four years.", "en");
    check(
        fig(&figs, "four"),
        Some(1460.0),
        Some(1460.0),
        Kind::Duration,
        "year",
    );
    let figs = figures("Jabs go to 85% of people over 65 by December.", "en");
    let f = fig(&figs, "65");
    assert_eq!(
        (f.value.lo, f.value.lo_strict, f.kind),
        (Some(23725.0), true, Kind::Duration)
    );
    // An adverb, not an ordinal.
    let figs = figures("The bypass, first proposed in 1998, opens soon.", "en");
    assert!(figs.iter().all(|f| f.kind != Kind::Ordinal), "{figs:#?}");
    // A hyphenated compound describes the noun after it.
    let figs = figures("It includes eight air-defence launchers.", "en");
    check(
        fig(&figs, "eight"),
        Some(8.0),
        Some(8.0),
        Kind::Count,
        "launcher",
    );
    // A modal verb ends the phrase, and a city's size counts people; "millones"
    // takes its noun with "de".
    let figs = figures("A city of 600,000 cannot find the money.", "en");
    assert_eq!(fig(&figs, "600,000").unit_key, "person");
    let figs = figures("A budget of 600,000 cannot pay for it.", "en");
    assert_eq!(fig(&figs, "600,000").unit_key, "");
    let figs = figures(
        "Colombia acoge a 2,9 millones de migrantes, de los cuales 1,6 millones ya tienen permiso.",
        "es",
    );
    check(
        fig(&figs, "1,6"),
        Some(1.6e6),
        Some(1.6e6),
        Kind::Count,
        "migrant",
    );
    // A Spanish "$" is the currency its sentence names ("pesos", "dólares"); money has
    // no three decimals.
    let figs = figures(
        "Un presupuesto de $450.000 millones y un bono de 3,000 pesos.",
        "es",
    );
    assert_eq!(fig(&figs, "450").unit_key, "peso");
    check(
        fig(&figs, "3,000"),
        Some(3000.0),
        Some(3000.0),
        Kind::Money,
        "peso",
    );
    let figs = figures("Pagó $5 millones, en dólares.", "es");
    assert_eq!(fig(&figs, "$5").unit_key, "dollar");
    // An acronym before a number names a service.
    let figs = figures("Call NHS 111 for advice.", "en");
    assert!(figs.is_empty(), "{figs:#?}");
}

#[test]
fn lists_of_days_share_the_month() {
    let text = "Huelga los días 17, 18, 24 y 25 de noviembre de 2023.";
    let figs = figures(text, "es");
    let days: Vec<f64> = figs.iter().filter_map(|f| f.value.lo).collect();
    assert_eq!(
        days,
        [20231117.0, 20231118.0, 20231124.0, 20231125.0],
        "{figs:#?}"
    );
    let figs = figures("Strikes on August 22, 23 and 24.", "en");
    let days: Vec<f64> = figs
        .iter()
        .filter_map(|f| f.value.lo.map(|v| v % 100.0))
        .collect();
    assert_eq!(days, [22.0, 23.0, 24.0], "{figs:#?}");
    assert!(figs.iter().all(|f| f.kind == Kind::Date));
    // A count after a date and a comma is no day.
    let figs = figures("On March 3, 2023, 12 of them left.", "en");
    assert!(
        figs.iter()
            .any(|f| f.kind == Kind::Count && f.value.lo == Some(12.0))
    );
}

#[test]
fn change_by_half() {
    let figs = figures(
        "It will cut journey times by up to half, the council said.",
        "en",
    );
    check(
        fig(&figs, "half"),
        Some(0.0),
        Some(50.0),
        Kind::Percent,
        "percent",
    );
    let figs = figures("Prices fell by half in 2023.", "en");
    check(
        fig(&figs, "half"),
        Some(50.0),
        Some(50.0),
        Kind::Percent,
        "percent",
    );
    // Not an hour and a half, nor a first half.
    let figs = figures("He won by a goal in the first half.", "en");
    assert!(figs.iter().all(|f| f.kind != Kind::Percent), "{figs:#?}");
}

#[test]
fn figures_stay_in_their_sentence() {
    let figs = figures(
        "Meal 1\n\nEat every two hours.\n\nDow -12.99\n\n-5.44% on the day",
        "en",
    );
    assert!(figs.iter().all(|f| !f.text.contains('\n')), "{figs:#?}");
    assert_eq!(figs[0].unit_key, "", "{figs:#?}");
}

#[test]
fn second_dev_round_classes() {
    // A margin takes the noun said before it.
    let figs = figures("Arsenal stay top on 50 points, five clear of City.", "en");
    check(
        fig(&figs, "five"),
        Some(5.0),
        Some(5.0),
        Kind::Count,
        "point",
    );
    // A name owns the number; the votes before lend theirs.
    let figs = figures(
        "Petro obtuvo 11.281.013 votos, frente a los 10.580.412 de Rodolfo Hernández.",
        "es",
    );
    check(
        fig(&figs, "10.580.412"),
        Some(10580412.0),
        Some(10580412.0),
        Kind::Count,
        "vote",
    );
    // Magnitude before the number wins over the noun after it.
    let figs = figures("The magnitude 5.9 quake struck at night.", "en");
    assert_eq!(fig(&figs, "5.9").unit_key, "magnitude");
    // "down four points" after a percentage moves it in percentage points.
    let figs = figures(
        "Only 38 percent approve, down four points from last month.",
        "en",
    );
    check(
        fig(&figs, "four"),
        Some(4.0),
        Some(4.0),
        Kind::Percent,
        "percentage point",
    );
    // Two years, not a range.
    let figs = figures("El mismo día que los terremotos de 1985 y 2017.", "es");
    assert_eq!(
        figs.iter().filter(|f| f.kind == Kind::Year).count(),
        2,
        "{figs:#?}"
    );
    // A date in the year before; a span of days; a copula's noun.
    let mut a = article("He hit the cyclist on 3 March last year.", Some("en"));
    a.published = Some("2022-10-15T12:00:00Z".to_string());
    let figs = analyze(&a).figures;
    check(&figs[0], Some(20210303.0), Some(20210303.0), Kind::Date, "");
    let figs = figures("He hit the cyclist on 3 March last year.", "en");
    assert!(figs[0].value.lo.is_some_and(|v| v >= 0.0), "{figs:#?}");
    let text = "Rendirán la prueba entre el 28 y el 30 de noviembre de 2022.";
    let figs = figures(text, "es");
    check(&figs[0], Some(20221128.0), Some(20221130.0), Kind::Date, "");
    let figs = figures(
        "Acogió a 150.000 refugiados, de los que 56.000 son menores.",
        "es",
    );
    assert_eq!(fig(&figs, "56.000").unit_key, "minor");
}

#[test]
fn third_dev_round_classes() {
    // Reporting joined to a furniture strip is read; the strip is not.
    let figs = figures(
        "Updated 10:42 GMT · 3 min read · 214 comments — Opposition leader Samira Haddad was released after 11 days in custody.",
        "en",
    );
    assert_eq!(figs.len(), 1, "{figs:#?}");
    check(&figs[0], Some(11.0), Some(11.0), Kind::Duration, "day");
    // Ages said as such; a bond's maturity is its name.
    let figs = figures("He died at the age of 88, the Vatican said.", "en");
    check(
        fig(&figs, "88"),
        Some(32120.0),
        Some(32120.0),
        Kind::Duration,
        "year",
    );
    let figs = figures(
        "The yield on the 10-year Treasury note climbed to 4.63%.",
        "en",
    );
    assert!(figs.iter().all(|f| f.kind != Kind::Duration), "{figs:#?}");
    // "over" an amount that names a scheme is about it; a participle before a plural.
    let figs = figures("Court jails ex-minister over £4m bribery scheme", "en");
    check(
        fig(&figs, "£4m"),
        Some(4e6),
        Some(4e6),
        Kind::Money,
        "pound",
    );
    let figs = figures(
        "The truce held despite at least 11 reported violations.",
        "en",
    );
    assert_eq!(fig(&figs, "11").unit_key, "violation");
    // Officers are officers, as written, in a story about the police too.
    let figs = figures("Police said 1,300 officers would be deployed.", "en");
    assert_eq!(fig(&figs, "1,300").unit_key, "officer");
    // Ordinals inside names, and the noun after a name.
    let figs = figures(
        "La reforma se hundió en la Comisión Séptima del Senado.",
        "es",
    );
    assert!(figs.is_empty(), "{figs:#?}");
    let figs = figures(
        "Pogačar sealed his fourth Tour de France title on Sunday.",
        "en",
    );
    check(
        fig(&figs, "fourth"),
        Some(4.0),
        Some(4.0),
        Kind::Ordinal,
        "title",
    );
    // "un muerto y un centenar de heridos" opens a list of counts.
    let figs = figures("La jornada dejó un muerto y un centenar de heridos.", "es");
    check(
        fig(&figs, "un muerto"),
        Some(1.0),
        Some(1.0),
        Kind::Count,
        "death",
    );
    // Trailing zeros before a scale group thousands; a currency named in the sentence.
    let figs = figures(
        "Invertirá 3,400 millones de dólares. Gana 5.381 millones y paga 1,54 euros.",
        "es",
    );
    check(
        fig(&figs, "3,400"),
        Some(3.4e9),
        Some(3.4e9),
        Kind::Money,
        "dollar",
    );
    assert_eq!(fig(&figs, "5.381").kind, Kind::Money);
}

#[test]
fn final_batch_classes() {
    // A tally in a sentence about a vote.
    let figs = figures("The Senate passed the bill 68-31 on Friday.", "en");
    assert_eq!(fig(&figs, "68").unit_key, "vote");
    let figs = figures("Beat Luton 4-3 on Friday.", "en");
    assert_eq!(fig(&figs, "4").unit_key, "");
    // A participle ends the phrase, a noun in -ing does not.
    let figs = figures(
        "Hospitals treated 1.5 million patients, with 40,000 waiting for hours.",
        "en",
    );
    assert_eq!(fig(&figs, "40,000").unit_key, "patient");
    let figs = figures("Rates held for a fifth straight meeting.", "en");
    assert_eq!(fig(&figs, "fifth").unit_key, "meeting");
    // Ranks, negations, shares by a quarter, ranges with a currency sign.
    let figs = figures("It makes him the second most expensive player ever.", "en");
    assert!(figs.is_empty(), "{figs:#?}");
    let figs = figures("It gathers 200 works, including a dozen never shown.", "en");
    assert_eq!(fig(&figs, "dozen").unit_key, "work");
    let figs = figures("The drug cut the risk by a quarter during the trial.", "en");
    check(
        fig(&figs, "quarter"),
        Some(25.0),
        Some(25.0),
        Kind::Percent,
        "percent",
    );
    let figs = figures("Investors lost between $5,000 and $40,000 each.", "en");
    check(
        fig(&figs, "5,000"),
        Some(5000.0),
        Some(40000.0),
        Kind::Money,
        "dollar",
    );
    // The noun after a name; vague states; models; soles.
    let figs = figures(
        "Thieves struck in the third Bond Street raid this month.",
        "en",
    );
    assert_eq!(fig(&figs, "third").unit_key, "raid");
    let figs = figures("It left tens of thousands homeless.", "en");
    assert_eq!(fig(&figs, "tens").unit_key, "homeless");
    let figs = figures("The strike halted production of the 737 MAX.", "en");
    assert!(figs.is_empty(), "{figs:#?}");
    let figs = figures("Recibió sobornos por 2 millones de soles.", "es");
    check(
        fig(&figs, "soles"),
        Some(2e6),
        Some(2e6),
        Kind::Money,
        "sol",
    );
}

#[test]
fn after_the_last_batches() {
    // Scores after a result verb or in a list of sets are two counts, never a range.
    let figs = figures(
        "El Atlético ganó 1-2 en Valladolid y su undécimo título.",
        "es",
    );
    assert!(figs.iter().all(|f| f.value.is_exact()), "{figs:#?}");
    check(
        fig(&figs, "undécimo"),
        Some(11.0),
        Some(11.0),
        Kind::Ordinal,
        "title",
    );
    let figs = figures(
        "Djokovic beat Berrettini 6-7, 6-4, 6-4, 6-3 on Sunday.",
        "en",
    );
    assert_eq!(figs.len(), 8, "{figs:#?}");
    let figs = figures("Some 30-40 families left.", "en");
    assert!(!figs[0].value.is_exact(), "{figs:#?}");
    // Streets named by dates; Peru's sol sign; a toll counts deaths.
    let figs = figures("Acudir al módulo de la calle 5 de Mayo.", "es");
    assert!(figs.is_empty(), "{figs:#?}");
    let figs = figures("Un promedio de S/ 6.150 por metro cuadrado.", "es");
    check(
        fig(&figs, "6.150"),
        Some(6150.0),
        Some(6150.0),
        Kind::Money,
        "sol",
    );
    let figs = figures("The death toll since the coup topped 500.", "en");
    assert_eq!(fig(&figs, "500").unit_key, "death");
}

#[test]
fn spans_closing_a_clause_and_past_months() {
    let figs = figures("Dejaron 44 muertos en un mes, según la Defensoría.", "es");
    check(
        fig(&figs, "un mes"),
        Some(30.0),
        Some(30.0),
        Kind::Duration,
        "month",
    );
    // A span closing its clause before "y" is one all the same.
    let figs = figures(
        "Subieron un 40 % en una semana y ya hay 2.300 pacientes.",
        "es",
    );
    check(
        fig(&figs, "una semana"),
        Some(7.0),
        Some(7.0),
        Kind::Duration,
        "week",
    );
    let figs = figures("Entraron 8.000 migrantes el pasado mayo.", "es");
    assert!(figs.iter().any(|f| f.kind == Kind::Date), "{figs:#?}");
}

#[test]
fn references_and_trailing_zeros() {
    let figs = figures("Call police quoting reference 20000345678 today.", "en");
    assert!(figs.is_empty(), "{figs:#?}");
    let figs = figures("El tren recorrerá unos 1,500 kilómetros.", "es");
    check(
        fig(&figs, "1,500"),
        Some(1350.0),
        Some(1650.0000000000002),
        Kind::Count,
        "kilometer",
    );
    // A decimal written without a trailing zero stays a decimal.
    let figs = figures("El río creció 1,25 metros.", "es");
    check(
        fig(&figs, "1,25"),
        Some(1.25),
        Some(1.25),
        Kind::Count,
        "meter",
    );
}
