//! Figure reading scored on test suites written by another project: the English and
//! Spanish specs of Microsoft Recognizers-Text (MIT), read at run time from
//! `../shared/bench/numbers/recognizers` (or `$STORYDIFF_RECOGNIZERS`) and never
//! copied into this repository. Without that directory the test prints a notice and
//! passes.
//!
//! Every case's `Input` is analysed alone, as one paragraph in the language of its
//! folder. Each spec file labels one class of figure, so a file is scored on that
//! class: an expected result and a predicted figure match by the rules of the file's
//! [`Model`], one to one, a figure taking first a result whose text it overlaps. A
//! predicted figure counts in a file's precision when it is of the class the file
//! labels, or when it overlaps a labelled span (a reading of labelled text that must
//! then be right); a year in a currency case is neither. Recall is matched results over expected results,
//! precision matched figures over counted figures. "Sentence-like" cases have four
//! or more words that are not numbers (see [`sentence_like`]); "all" is every scored
//! case, fragments such as "two thousand" included.
//!
//! Cases and results not scored are counted by class (see [`Skip`] and
//! [`unscored_result`]). README.md, "Claims, measured", explains each choice.
//!
//! ```sh
//! cargo test --test recognizers -- --nocapture   # per file and language, then every miss by class
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use storydiff::claims::{self, Figure, Kind};
use storydiff::extract::Article;

/// The lowest recall and precision over all scored cases of each language, a little
/// under the first measurement (en R 0.465 P 0.434, es R 0.370 P 0.311), so that a
/// regression fails while the reader is being improved. Raise it with the reader.
const FLOOR: [(&str, f64, f64); 2] = [("en", 0.45, 0.42), ("es", 0.35, 0.29)];

/// Relative tolerance on values: the specs round fractions (0.666666666666667).
const TOLERANCE: f64 = 1e-6;

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Case {
    input: String,
    results: Vec<SpecResult>,
}

#[derive(Deserialize, Clone)]
#[serde(rename_all = "PascalCase")]
struct SpecResult {
    text: String,
    type_name: String,
    #[serde(default)]
    resolution: Option<serde_json::Map<String, serde_json::Value>>,
    /// First and last character (inclusive) of `text` in the input.
    start: usize,
    end: usize,
}

impl SpecResult {
    fn field(&self, key: &str) -> Option<&str> {
        self.resolution.as_ref()?.get(key)?.as_str()
    }
}

/// What a spec file labels, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Model {
    /// Cardinals, fractions, decimals: a value of any kind but ordinal and date.
    Number,
    /// Intervals ("more than 30", "between 20 and 30").
    Range,
    Percent,
    Ordinal,
    /// Money with its currency.
    Currency,
    /// A count of a unit of measure.
    Dimension,
    /// An age, read as a duration.
    Age,
    Temperature,
}

impl Model {
    fn from_file(name: &str) -> Option<Model> {
        Some(match name {
            "NumberModel.json" => Model::Number,
            "NumberRangeModel.json" => Model::Range,
            "PercentModel.json" => Model::Percent,
            "OrdinalModel.json" => Model::Ordinal,
            "CurrencyModel.json" => Model::Currency,
            "DimensionModel.json" => Model::Dimension,
            "AgeModel.json" => Model::Age,
            "TemperatureModel.json" => Model::Temperature,
            _ => return None,
        })
    }
}

/// The unit lexicon, read from `src/claims/units.toml`: days per duration unit,
/// surface form to key, which keys are units of measure.
struct Lexicon {
    days: HashMap<String, f64>,
    forms: HashMap<String, String>,
    measures: Vec<String>,
}

impl Lexicon {
    fn load() -> Lexicon {
        #[derive(Deserialize)]
        struct File {
            unit: Vec<Unit>,
        }
        #[derive(Deserialize)]
        struct Unit {
            key: String,
            forms: Vec<String>,
            #[serde(default)]
            days: f64,
            #[serde(default)]
            measure: bool,
        }
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/claims/units.toml");
        let text = std::fs::read_to_string(path).expect("read units.toml");
        let file: File = toml::from_str(&text).expect("parse units.toml");
        let mut lex = Lexicon {
            days: HashMap::new(),
            forms: HashMap::new(),
            measures: Vec::new(),
        };
        for u in file.unit {
            if u.days > 0.0 {
                lex.days.insert(u.key.clone(), u.days);
            }
            if u.measure {
                lex.measures.push(u.key.clone());
            }
            for f in u.forms {
                lex.forms.entry(f).or_insert_with(|| u.key.clone());
            }
        }
        lex
    }

    /// The keys a unit named in a spec may take ("Kilómetro" → kilometer). A speed
    /// takes the key of its distance ("Mile per hour" → mile), as the lexicon has no
    /// speeds; the specs call "tonnes" and "100t" a ton, so a ton is either.
    fn keys_of(&self, name: &str) -> Vec<String> {
        // Spanish names of units the lexicon has no Spanish form for.
        const SPANISH: &[(&str, &str)] = &[
            ("libra", "pound"),
            ("pie cúbico", "cubic foot"),
            ("tonelada métrica", "metric ton"),
            ("centímetro cúbico", "cubic centimeter"),
        ];
        let name = name.to_lowercase();
        let name = SPANISH
            .iter()
            .find(|(es, _)| *es == name)
            .map_or(name.as_str(), |(_, en)| en);
        let head = name
            .split(" per ")
            .next()
            .and_then(|h| h.split(" por ").next())
            .unwrap_or(name);
        let key = self.forms.get(head).map_or(head, String::as_str);
        match key {
            "ton" => vec!["ton".to_string(), "tonne".to_string()],
            k => vec![k.to_string()],
        }
    }
}

/// An expected result, normalised.
#[derive(Debug, Clone)]
enum Want {
    /// A stated number: cardinal, percent (in percent) or ordinal. `fraction` lets a
    /// percentage stand for a fraction ("two thirds" is 66.67%).
    Value { v: f64, fraction: bool },
    /// An interval; `None` is an open end.
    Range {
        lo: Option<f64>,
        hi: Option<f64>,
        lo_strict: bool,
        hi_strict: bool,
    },
    /// An amount in one of `codes` (amount = value × factor: 50 cents is 0.50).
    Money { v: f64, codes: Vec<String> },
    /// A value with a unit key ("mile", "year", "degree").
    Unit { v: f64, keys: Vec<String> },
}

/// Reads a spec number: Spanish files write the decimal comma ("0,25", "1,2E+15").
fn number(s: &str, spanish: bool) -> Option<f64> {
    let s = s.trim().trim_end_matches('%');
    let s = if spanish {
        s.replace(',', ".")
    } else {
        s.to_string()
    };
    s.parse().ok()
}

/// Currencies a spec names without an ISO code: the codes that name may stand for,
/// and the factor from the named unit to the currency ("cent" is 0.01 of a dollar or
/// euro). A dollar sign alone is any dollar; storydiff says which.
fn currency_codes(name: &str) -> Option<(Vec<String>, f64)> {
    const DOLLARS: &[&str] = &["USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD"];
    let (codes, factor): (&[&str], f64) = match name.to_lowercase().as_str() {
        "dollar" | "dólar" => (DOLLARS, 1.0),
        "united states dollar" | "dólar estadounidense" => (&["USD"], 1.0),
        "canadian dollar" | "dólar canadiense" => (&["CAD"], 1.0),
        "australian dollar" | "dólar australiano" => (&["AUD"], 1.0),
        "hong kong dollar" | "dólar de hong kong" => (&["HKD"], 1.0),
        "cent" | "centavo" => (&["USD", "CAD", "AUD", "NZD", "HKD", "EUR"], 0.01),
        "pound" | "libra" => (&["GBP"], 1.0),
        "pence" | "penny" | "penique" => (&["GBP"], 0.01),
        "franc" | "franco" => (&["FRF", "CHF", "BEF", "LUF"], 1.0),
        "swiss franc" | "franco suizo" => (&["CHF"], 1.0),
        "euro" => (&["EUR"], 1.0),
        "yen" => (&["JPY"], 1.0),
        "yuan chino" => (&["CNY"], 1.0),
        "peseta" => (&["ESP"], 1.0),
        "finnish markka" | "marco finlandés" => (&["FIM"], 1.0),
        "netherlands guilder" | "florín neerlandés" => (&["NLG"], 1.0),
        "rupee" => (&["INR", "PKR", "LKR", "NPR"], 1.0),
        "bitcoin" => (&["XBT", "BTC"], 1.0),
        "satoshi" => (&["XBT", "BTC"], 1e-8),
        "sen" => (&["JPY", "MYR", "IDR"], 0.01),
        _ => return None,
    };
    Some((codes.iter().map(|c| c.to_string()).collect(), factor))
}

/// A temperature unit's accepted keys: storydiff's "degree" is Celsius or unstated.
fn temperature_keys(name: &str) -> Vec<String> {
    let keys: &[&str] = match name.to_lowercase().as_str() {
        "c" | "grado celsius" => &["degree", "celsius"],
        "f" | "grado fahrenheit" => &["fahrenheit"],
        "kelvin" => &["kelvin"],
        "degree" | "grado" => &["degree"],
        other => panic!("temperature unit {other:?}"),
    };
    keys.iter().map(|k| k.to_string()).collect()
}

/// Why an expected result is not scored (the case still is, on its other results):
/// a unit or word named without a number has no value to read ("convert 10 celsius
/// to fahrenheit" labels "fahrenheit" too; "a small percent").
fn unscored_result(r: &SpecResult) -> Option<&'static str> {
    matches!(r.field("value"), None | Some("null"))
        .then_some("a unit or word named without a number (convert 10 celsius to fahrenheit)")
}

fn want(model: Model, r: &SpecResult, spanish: bool, lex: &Lexicon) -> Want {
    let value = r.field("value").unwrap_or_default();
    let v = || number(value, spanish).unwrap_or_else(|| panic!("value {value:?}"));
    match model {
        Model::Number => Want::Value {
            v: v(),
            fraction: r.field("subtype") == Some("fraction"),
        },
        Model::Percent | Model::Ordinal => Want::Value {
            v: v(),
            fraction: false,
        },
        Model::Range => {
            let inner = &value[1..value.len() - 1];
            let (a, b) = inner.split_once(',').expect("range a,b");
            Want::Range {
                lo: number(a, false),
                hi: number(b, false),
                lo_strict: value.starts_with('('),
                hi_strict: value.ends_with(')'),
            }
        }
        Model::Currency => {
            let (codes, factor) = match r.field("isoCurrency") {
                Some(iso) => (vec![iso.to_string()], 1.0),
                None => {
                    let unit = r.field("unit").unwrap_or_default();
                    currency_codes(unit).unwrap_or_else(|| panic!("currency {unit:?}"))
                }
            };
            Want::Money {
                v: v() * factor,
                codes,
            }
        }
        Model::Dimension => Want::Unit {
            v: v(),
            keys: lex.keys_of(r.field("unit").unwrap_or_default()),
        },
        Model::Age => {
            let unit = r.field("unit").unwrap_or_default();
            // "a man of age 87": an age in years.
            let keys = if unit == "Age" {
                vec!["year".to_string()]
            } else {
                lex.keys_of(unit)
            };
            Want::Unit { v: v(), keys }
        }
        Model::Temperature => Want::Unit {
            v: v(),
            keys: temperature_keys(r.field("unit").unwrap_or_default()),
        },
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 + TOLERANCE * a.abs().max(b.abs())
}

fn close_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => close(x, y),
        _ => false,
    }
}

/// The numbers a figure states: its value, or for an interval its finite bounds and
/// its midpoint ("about $14 million" is [12.6m, 15.4m] around 14m; "more than 500
/// years" states 500). A lower bound of zero is storydiff's floor, not stated.
fn stated(f: &Figure) -> Vec<f64> {
    let (lo, hi) = (f.value.lo, f.value.hi);
    if let (Some(a), Some(b)) = (lo, hi)
        && a == b
    {
        return vec![a];
    }
    let mut out: Vec<f64> = [lo.filter(|&a| a != 0.0), hi]
        .into_iter()
        .flatten()
        .collect();
    if let (Some(a), Some(b)) = (lo, hi) {
        out.push((a + b) / 2.0);
    }
    out
}

/// The factors by which a figure's value may be divided to give the number as
/// written: 1; days per unit for a duration ("3 years" is 1,095 days); 100 for a
/// percentage standing for a fraction.
fn divisors(f: &Figure, lex: &Lexicon, fraction: bool) -> Vec<f64> {
    let mut out = vec![1.0];
    if f.kind == Kind::Duration
        && let Some(&d) = lex.days.get(&f.unit_key)
    {
        out.push(d);
    }
    if fraction && f.kind == Kind::Percent {
        out.push(100.0);
    }
    out
}

fn states(f: &Figure, v: f64, lex: &Lexicon, fraction: bool) -> bool {
    let values = stated(f);
    divisors(f, lex, fraction)
        .iter()
        .any(|d| values.iter().any(|&x| close(x / d, v)))
}

/// How a figure relates to an expected result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Match,
    OtherCurrency,
    OtherUnit,
    OtherKind,
    OtherValue,
}

impl Verdict {
    fn label(self) -> &'static str {
        match self {
            Verdict::Match => "match",
            Verdict::OtherCurrency => "right amount, other currency",
            Verdict::OtherUnit => "right value, other unit",
            Verdict::OtherKind => "right value, other kind",
            Verdict::OtherValue => "other value or interval",
        }
    }
}

fn judge(model: Model, w: &Want, f: &Figure, lex: &Lexicon) -> Verdict {
    match w {
        Want::Value { v, fraction } => {
            if !states(f, *v, lex, *fraction) {
                return Verdict::OtherValue;
            }
            let kind_ok = match model {
                Model::Percent => f.kind == Kind::Percent,
                Model::Ordinal => f.kind == Kind::Ordinal,
                _ => !matches!(f.kind, Kind::Ordinal | Kind::Date),
            };
            if kind_ok {
                Verdict::Match
            } else {
                Verdict::OtherKind
            }
        }
        Want::Range {
            lo,
            hi,
            lo_strict,
            hi_strict,
        } => {
            let one_sided = lo.is_none() != hi.is_none();
            let fits = divisors(f, lex, true).iter().any(|d| {
                let scale = |b: Option<f64>| b.map(|x| x / d);
                // A floor of zero under an upper bound is an open lower end here.
                let flo = match (f.value.lo, f.value.hi) {
                    (Some(z), Some(_)) if z == 0.0 && lo.is_none() => None,
                    (l, _) => scale(l),
                };
                close_opt(flo, *lo)
                    && close_opt(scale(f.value.hi), *hi)
                    // "between 20 and 30" is [20, 30) in the specs and [20, 30] here;
                    // strictness decides only a one-sided bound ("more than", "at least").
                    && (!one_sided
                        || (lo.is_none() || f.value.lo_strict == *lo_strict)
                            && (hi.is_none() || f.value.hi_strict == *hi_strict))
            });
            if !fits {
                Verdict::OtherValue
            } else if matches!(f.kind, Kind::Date | Kind::Year) {
                Verdict::OtherKind
            } else {
                Verdict::Match
            }
        }
        Want::Money { v, codes } => {
            if !states(f, *v, lex, false) {
                Verdict::OtherValue
            } else if f.kind != Kind::Money {
                Verdict::OtherKind
            } else if !f.currency.as_ref().is_some_and(|c| codes.contains(c)) {
                Verdict::OtherCurrency
            } else {
                Verdict::Match
            }
        }
        Want::Unit { v, keys } => {
            if !states(f, *v, lex, false) {
                return Verdict::OtherValue;
            }
            let kind = if model == Model::Age {
                Kind::Duration
            } else {
                Kind::Count
            };
            if f.kind != kind {
                Verdict::OtherKind
            } else if !keys.contains(&f.unit_key) {
                Verdict::OtherUnit
            } else {
                Verdict::Match
            }
        }
    }
}

/// Is a figure of the class a file labels (and so counted in its precision even
/// where nothing is labelled)?
fn in_class(model: Model, f: &Figure, lex: &Lexicon) -> bool {
    match model {
        Model::Number => !matches!(f.kind, Kind::Ordinal | Kind::Date),
        Model::Range => !f.value.is_exact() && !matches!(f.kind, Kind::Date | Kind::Year),
        Model::Percent => f.kind == Kind::Percent,
        Model::Ordinal => f.kind == Kind::Ordinal,
        Model::Currency => f.kind == Kind::Money,
        Model::Dimension => f.kind == Kind::Count && lex.measures.contains(&f.unit_key),
        Model::Age => f.kind == Kind::Duration,
        Model::Temperature => {
            f.kind == Kind::Count
                && ["degree", "celsius", "fahrenheit", "kelvin"].contains(&f.unit_key.as_str())
        }
    }
}

/// A case not scored, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Skip {
    /// "next", "last", "the one before the last": a place relative to a list.
    RelativeOrdinal,
    /// An IP address, a phone number, a code ("SCP-173"), a version or exercise number.
    Identifier,
    /// The pieces of a date written with slashes ("5/17/2018").
    DatePart,
    /// A Number-model case with no number because its number carries a unit
    /// ("the 180ml liquid"): the unit models label those, and storydiff reads them.
    GluedUnit,
    /// An ordinal label on a fraction's denominator ("forty two and a third").
    FractionDenominator,
    /// Portuguese in a Spanish file ("Temperatura corporal média já não é 37º C").
    Portuguese,
}

impl Skip {
    fn label(self) -> &'static str {
        match self {
            Skip::RelativeOrdinal => "relative ordinals (next, last, previous)",
            Skip::Identifier => "identifiers (IP address, phone, code, version or exercise number)",
            Skip::DatePart => "parts of a date written with slashes",
            Skip::GluedUnit => "Number model, no number where a unit is glued on (180ml)",
            Skip::FractionDenominator => "ordinal label on a fraction's denominator (and a third)",
            Skip::Portuguese => "Portuguese in a Spanish file",
        }
    }
}

/// The whitespace-separated word around a character range of the input.
fn word_around(input: &str, r: &SpecResult) -> (String, String) {
    let chars: Vec<char> = input.chars().collect();
    let (mut a, mut b) = (r.start.min(chars.len()), (r.end + 1).min(chars.len()));
    while a > 0 && !chars[a - 1].is_whitespace() {
        a -= 1;
    }
    while b < chars.len() && !chars[b].is_whitespace() {
        b += 1;
    }
    let before: String = chars[..a].iter().collect();
    let prev = before
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_lowercase();
    (chars[a..b].iter().collect(), prev)
}

fn skip(model: Model, spanish: bool, case: &Case, lex: &Lexicon) -> Option<Skip> {
    let input = case.input.as_str();
    if spanish && portuguese(input) {
        return Some(Skip::Portuguese);
    }
    if model == Model::Number && case.results.is_empty() && glued_unit(input, lex) {
        return Some(Skip::GluedUnit);
    }
    for r in &case.results {
        if r.type_name == "ordinal.relative" {
            return Some(Skip::RelativeOrdinal);
        }
        let (word, prev) = word_around(input, r);
        let w = word.trim_matches(|c: char| c == '.' || c == ',' || c == '?');
        if date_with_slashes(w) {
            return Some(Skip::DatePart);
        }
        if identifier(w) || ["version", "nr.", "nrs."].contains(&prev.as_str()) {
            return Some(Skip::Identifier);
        }
        if model == Model::Ordinal && (prev == "a" || prev == "un") {
            let before: String = input.chars().take(r.start).collect();
            let joiner = before.split_whitespace().rev().nth(1).map(fold);
            if joiner.is_some_and(|j| ["and", "y", "con"].contains(&j.as_str())) {
                return Some(Skip::FractionDenominator);
            }
        }
    }
    None
}

/// "5/17/2018": digit groups split by slashes, the last of four digits.
fn date_with_slashes(w: &str) -> bool {
    let parts: Vec<&str> = w.split('/').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && parts[2].len() == 4
}

/// "192.168.1.2", "+1-222-2222/2222", "SCP-173": not quantities.
fn identifier(w: &str) -> bool {
    let groups = |sep: char| w.split(sep).filter(|g| !g.is_empty()).count();
    let digits_and = |extra: &str| w.chars().all(|c| c.is_ascii_digit() || extra.contains(c));
    let dotted_quad = groups('.') == 4 && digits_and(".");
    let phone = w.starts_with('+') && digits_and("+-/") && groups('-') >= 3;
    let code = w.split_once('-').is_some_and(|(a, b)| {
        !a.is_empty()
            && a.chars().all(|c| c.is_ascii_alphabetic())
            && !b.is_empty()
            && b.chars().all(|c| c.is_ascii_digit())
    });
    dotted_quad || phone || code
}

/// A number with a unit of measure glued on ("180ml", "29km", ",25ml").
fn glued_unit(input: &str, lex: &Lexicon) -> bool {
    input.split_whitespace().any(|w| {
        let i = w.find(|c: char| c.is_alphabetic());
        i.is_some_and(|i| {
            i > 0
                && w[..i]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                && w[..i].chars().any(|c| c.is_ascii_digit())
                && lex
                    .forms
                    .get(&w[i..].to_lowercase())
                    .is_some_and(|k| lex.measures.contains(k))
        })
    })
}

/// Portuguese words no Spanish sentence has, or a sentence opening with "E" and a
/// number (Portuguese "é": "E 100 ºC?").
fn portuguese(input: &str) -> bool {
    const WORDS: &[&str] = &["já", "não", "média", "baixou"];
    let mut words = input.split_whitespace();
    let first_two = (words.next(), words.next());
    input
        .split(|c: char| !c.is_alphabetic())
        .any(|w| WORDS.contains(&w.to_lowercase().as_str()))
        || matches!(first_two, (Some("E"), Some(n)) if n.starts_with(|c: char| c.is_ascii_digit()))
}

/// Lower case without accents, so "veintitrés" and "veintitres" read the same.
fn fold(w: &str) -> String {
    w.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' | 'ü' => 'u',
            c => c,
        })
        .collect()
}

/// Number words of both languages: cardinals, scales, fractions and ordinals.
fn number_word(w: &str) -> bool {
    const EN: &str = "zero nought naught one two three four five six seven eight nine ten eleven \
        twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty \
        thirty forty fifty sixty seventy eighty ninety hundred thousand million billion \
        trillion lakh crore dozen dozens half halves quarter first second third fourth \
        fifth sixth seventh eighth ninth nineth tenth twelfth twentieth thirtieth \
        fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth \
        millionth billionth trillionth";
    const ES: &str = "cero un uno una dos tres cuatro cinco seis siete ocho nueve diez once doce trece \
        catorce quince veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa \
        cien ciento quinientos quinientas mil millon millones billon billones docena \
        medio media mitad tercio cuarto quinto sexto septimo octavo noveno decimo primer \
        primero primera segundo segunda tercer tercero tercera";
    let w = fold(w);
    let base = w.strip_suffix('s').unwrap_or(&w);
    let listed = |l: &str| l.split_whitespace().any(|x| x == w || x == base);
    let nth = |s: &str| {
        // "twenty-fifths", "eleventh", "sixteenth"
        s.strip_suffix("th").is_some_and(|stem| {
            let e = format!("{stem}e");
            EN.split_whitespace().any(|x| x == stem || x == e)
        })
    };
    listed(EN)
        || listed(ES)
        || nth(base)
        || ["veinti", "dieci", "treintai"]
            .iter()
            .any(|p| w.starts_with(p))
        || ["cientos", "cientas", "avo", "avos", "ava", "avas"]
            .iter()
            .any(|s| w.ends_with(s))
        || w.contains("esim")
}

/// Four or more words that are not numbers. A word has a letter; a numeral ("1,234",
/// "10k") is a number; "and", "y", "con", "coma", "point" between two numbers join
/// them ("one hundred and six") and do not count.
fn sentence_like(input: &str) -> bool {
    let toks: Vec<String> = input
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|t| !t.is_empty())
        .collect();
    let is_num = |t: &str| {
        t.chars().any(|c| c.is_ascii_digit())
            || t.split('-').all(|p| !p.is_empty() && number_word(p))
    };
    const JOINERS: &[&str] = &[
        "and", "y", "e", "con", "coma", "point", "punto", "over", "sobre",
    ];
    let mut words = 0;
    for (i, t) in toks.iter().enumerate() {
        if is_num(t) || !t.chars().any(char::is_alphabetic) {
            continue;
        }
        let joins = JOINERS.contains(&fold(t).as_str())
            && i > 0
            && is_num(&toks[i - 1])
            && toks.get(i + 1).is_some_and(|n| is_num(n));
        if !joins {
            words += 1;
        }
    }
    words >= 4
}

/// Counts for one row: results expected and matched, figures counted and matched.
#[derive(Default, Clone, Copy)]
struct Tally {
    cases: usize,
    expected: usize,
    found: usize,
    predicted: usize,
    correct: usize,
    /// Figures not counted: out of the file's class, on unlabelled text.
    ignored: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.cases += o.cases;
        self.expected += o.expected;
        self.found += o.found;
        self.predicted += o.predicted;
        self.correct += o.correct;
        self.ignored += o.ignored;
    }
    fn recall(&self) -> f64 {
        self.found as f64 / self.expected.max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }
    fn show(&self) -> String {
        format!(
            "{:>4} {:>4} {:>4} {:>4}  R {:.3}  P {:.3}",
            self.cases,
            self.expected,
            self.predicted,
            self.found,
            self.recall(),
            self.precision()
        )
    }
}

fn show_figure(f: &Figure) -> String {
    let b = |x: Option<f64>| x.map_or("inf".to_string(), |v| format!("{v}"));
    format!(
        "{:?} {}{}, {}{} {} [{}]{}",
        f.text,
        if f.value.lo_strict { "(" } else { "[" },
        b(f.value.lo),
        b(f.value.hi),
        if f.value.hi_strict { ")" } else { "]" },
        f.kind.as_str(),
        f.unit_key,
        f.currency
            .as_deref()
            .map(|c| format!(" {c}"))
            .unwrap_or_default()
    )
}

fn show_want(w: &Want) -> String {
    match w {
        Want::Value { v, .. } => format!("{v}"),
        Want::Range {
            lo,
            hi,
            lo_strict,
            hi_strict,
        } => format!(
            "{}{}, {}{}",
            if *lo_strict { "(" } else { "[" },
            lo.map_or("-inf".into(), |v| v.to_string()),
            hi.map_or("inf".into(), |v| v.to_string()),
            if *hi_strict { ")" } else { "]" }
        ),
        Want::Money { v, codes } => format!("{v} {}", codes.join("|")),
        Want::Unit { v, keys } => format!("{v} [{}]", keys.join("|")),
    }
}

/// Character range (inclusive end) to byte range.
fn byte_span(input: &str, start: usize, end: usize) -> (usize, usize) {
    let at = |n: usize| input.char_indices().nth(n).map_or(input.len(), |(b, _)| b);
    (at(start), at(end + 1))
}

fn spec_dir() -> PathBuf {
    std::env::var_os("STORYDIFF_RECOGNIZERS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/numbers/recognizers"),
        PathBuf::from,
    )
}

/// One spec file: language, "group/model" name, model and cases.
struct SpecFile {
    lang: &'static str,
    name: String,
    model: Model,
    cases: Vec<Case>,
}

fn load(root: &Path) -> Vec<SpecFile> {
    let mut out = Vec::new();
    for group in ["Number", "NumberWithUnit"] {
        for (folder, lang) in [("English", "en"), ("Spanish", "es")] {
            let dir = root.join(group).join(folder);
            let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .map(|e| e.expect("dir entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect();
            paths.sort();
            for path in paths {
                let file = path.file_name().unwrap().to_string_lossy().to_string();
                let Some(model) = Model::from_file(&file) else {
                    continue;
                };
                let text = std::fs::read_to_string(&path).expect("read spec");
                // One file starts with a byte-order mark.
                let cases = serde_json::from_str(text.trim_start_matches('\u{feff}'))
                    .unwrap_or_else(|e| panic!("{file}: {e}"));
                let name = format!("{group}/{}", file.trim_end_matches(".json"));
                out.push(SpecFile {
                    lang,
                    name,
                    model,
                    cases,
                });
            }
        }
    }
    out
}

/// Misses by (model, class): one printable entry each.
type Misses = BTreeMap<(String, String), Vec<String>>;

/// Scores one case: matches its figures to its expected results and files every
/// miss and every wrong figure under its class.
fn score_case(
    spec: &SpecFile,
    n: usize,
    wants: &[(SpecResult, Want)],
    case: &Case,
    lex: &Lexicon,
    misses: &mut Misses,
) -> Tally {
    let model = spec.model;
    let article = Article {
        paragraphs: vec![case.input.clone()],
        lang: Some(spec.lang.to_string()),
        published: Some("2024-06-15T12:00:00Z".to_string()),
        ..Article::default()
    };
    let figures = claims::analyze(&article).figures;
    let span = |r: &SpecResult| byte_span(&case.input, r.start, r.end);
    let overlaps = |f: &Figure, (a, b): (usize, usize)| f.span[0] < b && a < f.span[1];
    // Labelled text includes results not scored: a figure there is a reading of it.
    let labelled = |f: &Figure| case.results.iter().any(|r| overlaps(f, span(r)));
    let mut used = vec![false; wants.len()];
    let mut tally = Tally {
        cases: 1,
        expected: wants.len(),
        ..Tally::default()
    };
    let mut wrong = Vec::new();
    for f in &figures {
        // A result the figure overlaps first ("zero is 0": the digit is the second
        // zero), then any.
        let open = |k: usize| !used[k] && judge(model, &wants[k].1, f, lex) == Verdict::Match;
        let hit = (0..wants.len())
            .find(|&k| open(k) && overlaps(f, span(&wants[k].0)))
            .or_else(|| (0..wants.len()).find(|&k| open(k)));
        if let Some(k) = hit {
            used[k] = true;
            tally.found += 1;
            tally.correct += 1;
            tally.predicted += 1;
        } else if in_class(model, f, lex) || labelled(f) {
            tally.predicted += 1;
            wrong.push(f);
        } else {
            tally.ignored += 1;
        }
    }
    let head = format!("[{} #{n}] {:?}", spec.lang, case.input);
    let mut file = |class: String, line: String| {
        misses
            .entry((format!("{model:?}"), class))
            .or_default()
            .push(format!("{head}\n      {line}"));
    };
    for ((r, w), _) in wants.iter().zip(&used).filter(|(_, u)| !**u) {
        let near: Vec<&Figure> = figures.iter().filter(|f| overlaps(f, span(r))).collect();
        let class = near
            .iter()
            .map(|f| judge(model, w, f, lex))
            .min()
            .map_or("not read", Verdict::label);
        let got = if near.is_empty() {
            "nothing there".to_string()
        } else {
            near.iter()
                .map(|f| show_figure(f))
                .collect::<Vec<_>>()
                .join(", ")
        };
        file(
            format!("missed: {class}"),
            format!("want {:?} {}; got {got}", r.text, show_want(w)),
        );
    }
    for f in wrong {
        let class = if labelled(f) {
            "unexpected: misread labelled text".to_string()
        } else {
            format!("unexpected: {} where nothing is labelled", f.kind.as_str())
        };
        file(class, format!("got {}", show_figure(f)));
    }
    tally
}

#[test]
fn recognizers_recall_and_precision() {
    let root = spec_dir();
    if !root.is_dir() {
        println!(
            "recognizers: {} not found, nothing scored (set STORYDIFF_RECOGNIZERS)",
            root.display()
        );
        return;
    }
    let lex = Lexicon::load();
    // (language, file) → (sentence-like, all)
    let mut rows: BTreeMap<(&str, String), (Tally, Tally)> = BTreeMap::new();
    let mut skipped: BTreeMap<(Skip, &str, String), (usize, usize)> = BTreeMap::new();
    let mut unscored: BTreeMap<(&str, String), usize> = BTreeMap::new();
    let mut misses = Misses::new();
    for spec in load(&root) {
        let spanish = spec.lang == "es";
        let row = rows.entry((spec.lang, spec.name.clone())).or_default();
        for (n, case) in spec.cases.iter().enumerate() {
            if let Some(why) = skip(spec.model, spanish, case, &lex) {
                let e = skipped
                    .entry((why, spec.lang, spec.name.clone()))
                    .or_default();
                e.0 += 1;
                e.1 += case.results.len();
                continue;
            }
            let mut wants = Vec::new();
            for r in &case.results {
                match unscored_result(r) {
                    Some(why) => {
                        *unscored
                            .entry((why, format!("{} {}", spec.lang, spec.name)))
                            .or_default() += 1
                    }
                    None => wants.push((r.clone(), want(spec.model, r, spanish, &lex))),
                }
            }
            let tally = score_case(&spec, n, &wants, case, &lex, &mut misses);
            if sentence_like(&case.input) {
                row.0.add(&tally);
            }
            row.1.add(&tally);
        }
    }

    let mut report = String::new();
    for ((model, class), lines) in &misses {
        let _ = writeln!(report, "\n== {model}: {class} ({})", lines.len());
        for l in lines {
            let _ = writeln!(report, "  {l}");
        }
    }
    let _ = writeln!(report, "\nMisses and wrong figures by class:");
    for ((model, class), lines) in &misses {
        let _ = writeln!(report, "  {model:<12} {class:<50} {:>4}", lines.len());
    }
    let _ = writeln!(report, "\nNot scored, whole cases (cases, results):");
    for ((why, lang, file), (cases, results)) in &skipped {
        let label = why.label();
        let _ = writeln!(
            report,
            "  {lang} {file:<34} {cases:>3} {results:>3}  {label}"
        );
    }
    let _ = writeln!(report, "Not scored, single results:");
    for ((why, file), n) in &unscored {
        let _ = writeln!(report, "  {file:<37} {n:>3}      {why}");
    }
    let _ = writeln!(
        report,
        "\n{:<37} {:^37}   {:^37}",
        "", "sentence-like: cases exp pred ok", "all cases: cases exp pred ok"
    );
    let mut per_lang: BTreeMap<&str, (Tally, Tally)> = BTreeMap::new();
    for ((lang, file), (like, all)) in &rows {
        let _ = writeln!(report, "{lang} {file:<34} {}   {}", like.show(), all.show());
        let t = per_lang.entry(lang).or_default();
        t.0.add(like);
        t.1.add(all);
    }
    let mut both = (Tally::default(), Tally::default());
    for (lang, (like, all)) in &per_lang {
        let (l, a) = (like.show(), all.show());
        let _ = writeln!(report, "{lang} {:<34} {l}   {a}", "all files");
        both.0.add(like);
        both.1.add(all);
    }
    let (l, a) = (both.0.show(), both.1.show());
    let _ = writeln!(report, "{:<37} {l}   {a}", "en+es all files");
    for (lang, (_, all)) in &per_lang {
        let n = all.ignored;
        let _ = writeln!(
            report,
            "{lang}: {n} figures outside the file's class and on unlabelled text, not counted"
        );
    }
    println!("{report}");

    for (lang, recall, precision) in FLOOR {
        let all = per_lang[lang].1;
        assert!(
            all.recall() >= recall && all.precision() >= precision,
            "{lang}: recall {:.3}, precision {:.3}, below the floor ({recall}, {precision})",
            all.recall(),
            all.precision()
        );
    }
}
