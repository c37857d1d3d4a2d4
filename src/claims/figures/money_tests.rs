//! Money reading end to end: one test per rule of `currency`, `shared_sign` and
//! `sub_units`, each with the case it must leave alone.

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
        "dollar",
        "AUD",
    );
    check(
        "alcanzar los 10050 millones de dólares de Hong Kong.",
        "es",
        10050e6,
        "dollar",
        "HKD",
    );
    check("He lost 10000 bitcoins", "en", 10000.0, "bitcoin", "XBT");
}

#[test]
fn signs_and_codes_after_the_number() {
    check("nor is 10 € much", "en", 10.0, "euro", "EUR");
    check("115USD", "en", 115.0, "dollar", "USD");
    check(
        "Perdieron 75 USD millones en tres años.",
        "es",
        75e6,
        "dollar",
        "USD",
    );
    check("the price was 50 million USD.", "en", 50e6, "dollar", "USD");
    check(
        "losses in excess of 30 MUSD were reported",
        "en",
        30e6,
        "dollar",
        "USD",
    );
    check("Obtén 2 meses por 20 MXN$", "es", 20.0, "peso", "MXN");
    // A code glued to the next number is that number's sign.
    let cards = read("we are giving away 3 USD50 cards.", "en");
    assert!(
        cards.iter().any(|f| f.1 == 3.0 && f.2 == Kind::Count),
        "{cards:#?}"
    );
    // Codes that are words are no codes.
    for text in [
        "ALL 5 solutions are wrong.",
        "He lost his pen 7 times.",
        "The runway 27 ILS approach was closed.",
    ] {
        assert!(
            read(text, "en").iter().all(|f| f.2 != Kind::Money),
            "{text}"
        );
    }
}

#[test]
fn signs_and_codes_before_the_number() {
    check("USD115.5", "en", 115.5, "dollar", "USD");
    check(
        "ranges between c $ 16.4 million",
        "en",
        16.4e6,
        "dollar",
        "CAD",
    );
    check("Sell Mex$ 10 million forward", "en", 10e6, "peso", "MXN");
    check(
        "un contrato de U$D 10 mil millones",
        "es",
        10e9,
        "dollar",
        "USD",
    );
    check("annual revenues of MAUD 60", "en", 60e6, "dollar", "AUD");
    // An article before "$" is no prefix.
    check(
        "announced a $400 million package",
        "en",
        400e6,
        "dollar",
        "USD",
    );
    // A sign the figure before ended with is not the next one's.
    let pair = read("rmb 10 usd 20", "en");
    let codes: Vec<_> = pair
        .iter()
        .map(|f| f.4.clone().unwrap_or_default())
        .collect();
    assert_eq!(codes, ["CNY", "USD"], "{pair:#?}");
}

#[test]
fn shared_signs_from_context() {
    // Spanish "$" naming nothing is the dollar; a peso place or noun makes it pesos.
    check(
        "Malone demandó a la Fox por $ 1,6 millones.",
        "es",
        1.6e6,
        "dollar",
        "USD",
    );
    check(
        "El intendente de Rosario presentó un presupuesto de $450.000 millones.",
        "es",
        450e9,
        "peso",
        "MXN",
    );
    check(
        "Tel salió a la bolsa australiana a $ 2 por acción.",
        "es",
        2.0,
        "dollar",
        "AUD",
    );
    check(
        "La inflación de Argentina no cede.\n\nEl boleto costará $ 700 desde marzo.",
        "es",
        700.0,
        "peso",
        "MXN",
    );
    // English writes other dollars with a prefix: its bare "$" stays the US dollar.
    check(
        "Tel floated in Australia at $2 a share.",
        "en",
        2.0,
        "dollar",
        "USD",
    );
    check(
        "Exports to Japan reached ¥5 trillion.",
        "en",
        5e12,
        "yen",
        "JPY",
    );
    check("China's budget of ¥5 trillion", "en", 5e12, "yuan", "CNY");
}

#[test]
fn sub_units_as_written_and_sums() {
    // A sub-unit amount keeps its written value; it is compared in the main unit.
    check("a bid of 470 pence a share", "en", 470.0, "penny", "GBP");
    check(
        "un dividendo de 12 centavos de dólar",
        "es",
        12.0,
        "cent",
        "USD",
    );
    check(
        "it only cost 3 dollars 50 cents.",
        "en",
        3.5,
        "dollar",
        "USD",
    );
    check(
        "solo cuesta trece euros y cuarenta y cinco céntimos.",
        "es",
        13.45,
        "euro",
        "EUR",
    );
    check(
        "Por 15 dolares 50 puedes almorzar",
        "es",
        15.5,
        "dollar",
        "USD",
    );
    check(
        "The subscription will rise to 17 USD 25.",
        "en",
        17.25,
        "dollar",
        "USD",
    );
    // A number that counts a noun of its own is no cents.
    let people = read("It cost 5 dollars and 20 people came.", "en");
    assert!(
        people.iter().any(|f| f.1 == 5.0 && f.2 == Kind::Money),
        "{people:#?}"
    );
    assert!(
        people.iter().any(|f| f.1 == 20.0 && f.3 == "person"),
        "{people:#?}"
    );
    let years = read("He paid 10 dollars 20 years ago.", "en");
    assert!(
        years.iter().any(|f| f.1 == 10.0 && f.2 == Kind::Money),
        "{years:#?}"
    );
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
    // Spanish "libras": a weight unless in millions, after a word for money or a sign.
    for text in ["El bebé pesa más de dos libras.", "Logró bajar 25 libras."] {
        let f = read(text, "es");
        assert!(
            f.iter().any(|f| f.2 == Kind::Count && f.3 == "pound"),
            "{text}: {f:#?}"
        );
    }
    check("ganó 3 millones de libras", "es", 3e6, "pound", "GBP");
    check("pagó 50 libras por la entrada", "es", 50.0, "pound", "GBP");
}

#[test]
fn a_currency_named_once_carries_to_amounts_that_leave_it_unsaid() {
    // The previous sentence of the paragraph names it.
    let f = read(
        "El Gobierno reclamaba 1.200 millones de dólares. Según la fiscalía, la empresa solo invirtió 410 millones.",
        "es",
    );
    assert_eq!(
        (f[1].2, f[1].4.as_deref()),
        (Kind::Money, Some("USD")),
        "{f:?}"
    );
    // A blank line ends the paragraph, and a sentence of people stays people.
    let f = read(
        "El Gobierno reclamaba 1.200 millones de dólares.\n\nUnos 2 millones se manifestaron.",
        "es",
    );
    assert_eq!(f[1].2, Kind::Count, "{f:?}");
    // An amount earlier in the sentence makes a scaled number with no noun money.
    let f = read(
        "Su propuesta costaría 112 millones al año; la Consejería la eleva a 150 millones.",
        "es",
    );
    assert!(f.iter().all(|f| f.2 == Kind::Money), "{f:?}");
    // The article's one currency goes to amounts nothing near names.
    let f = read(
        "La planta recibió 30 millones de euros.\n\nSu propuesta costaría 112 millones al año.",
        "es",
    );
    assert_eq!(f[1].4.as_deref(), Some("EUR"), "{f:?}");
    // Two currencies in the article: an unnamed one stays unnamed.
    let f = read(
        "La planta recibió 30 millones de euros y 5 millones de dólares.\n\nSu propuesta costaría 112 millones al año.",
        "es",
    );
    assert_eq!((f[2].2, f[2].4.as_deref()), (Kind::Money, None), "{f:?}");
}

#[test]
fn millions_with_no_noun_are_the_money_of_an_article_in_one_currency() {
    // Another paragraph named the currency; "votos" before is no noun for millions.
    let f = read(
        "La empresa pagará 310 millones de dólares.\n\nEl fallo salió por cinco votos contra dos.\n\nDel total, 268 millones irán a Enertar.",
        "es",
    );
    let m = f
        .iter()
        .find(|f| f.0.starts_with("268"))
        .expect("268 millones");
    assert_eq!((m.2, m.4.as_deref()), (Kind::Money, Some("USD")), "{f:?}");
    // People stay people, a written noun stays the noun, and without money in the
    // article millions are no money.
    let f = read(
        "La empresa pagará 310 millones de euros.\n\nUnos 2 millones se manifestaron. Llegaron 3 millones de turistas.",
        "es",
    );
    assert!(f[1..].iter().all(|f| f.2 == Kind::Count), "{f:?}");
    let f = read("El agujero supera los 12.000 millones.", "es");
    assert_eq!(f[0].2, Kind::Count, "{f:?}");
    // Millions the article names elsewhere are what it names them.
    let f = read(
        "Tendrá 94.300 millones de euros en activos y 3,2 millones de clientes.\n\n- Clientes: 3,2 millones",
        "es",
    );
    assert_eq!(f[2].2, Kind::Count, "{f:?}");
}

#[test]
fn a_headline_amount_takes_the_currency_the_body_names() {
    let article = Article {
        title: "Lumatek invertirá 1.200 millones en Valdecastro".into(),
        paragraphs: vec!["La empresa invertirá 1.200 millones de euros en la planta.".into()],
        lang: Some("es".into()),
        ..Article::default()
    };
    let figs = analyze(&article).figures;
    let head = figs.iter().find(|f| f.headline).expect("a headline figure");
    assert_eq!(
        (head.kind, head.currency.as_deref()),
        (Kind::Money, Some("EUR")),
        "{figs:#?}"
    );
}
