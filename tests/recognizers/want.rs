//! Expected results normalised ([`Want`]), and how a predicted figure is judged
//! against one ([`judge`]) or counted in a file's precision ([`in_class`]).

use storydiff::claims::{Figure, Kind};

use crate::spec::{Lexicon, Model, SpecResult};

/// Relative tolerance on values: the specs round fractions (0.666666666666667).
pub(crate) const TOLERANCE: f64 = 1e-6;

/// An expected result, normalised.
#[derive(Debug, Clone)]
pub(crate) enum Want {
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
    /// An amount in one of `codes` (amount = value × factor: 50 cents is 0.50). A
    /// figure may state it in the main unit (0.50) or as written in the sub-unit (50).
    Money {
        v: f64,
        written: f64,
        codes: Vec<String>,
    },
    /// A value with a unit key ("mile", "year", "degree").
    Unit { v: f64, keys: Vec<String> },
}

/// Reads a spec number: Spanish files write the decimal comma ("0,25", "1,2E+15").
pub(crate) fn number(s: &str, spanish: bool) -> Option<f64> {
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
pub(crate) fn currency_codes(name: &str) -> Option<(Vec<String>, f64)> {
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
pub(crate) fn temperature_keys(name: &str) -> Vec<String> {
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
pub(crate) fn unscored_result(r: &SpecResult) -> Option<&'static str> {
    matches!(r.field("value"), None | Some("null"))
        .then_some("a unit or word named without a number (convert 10 celsius to fahrenheit)")
}

pub(crate) fn want(model: Model, r: &SpecResult, spanish: bool, lex: &Lexicon) -> Want {
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
                written: v(),
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

pub(crate) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 + TOLERANCE * a.abs().max(b.abs())
}

pub(crate) fn close_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => close(x, y),
        _ => false,
    }
}

/// The numbers a figure states: its value, or for an interval its finite bounds and
/// its midpoint ("about $14 million" is [12.6m, 15.4m] around 14m; "more than 500
/// years" states 500). A lower bound of zero is storydiff's floor, not stated.
pub(crate) fn stated(f: &Figure) -> Vec<f64> {
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
pub(crate) fn divisors(f: &Figure, lex: &Lexicon, fraction: bool) -> Vec<f64> {
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

pub(crate) fn states(f: &Figure, v: f64, lex: &Lexicon, fraction: bool) -> bool {
    let values = stated(f);
    divisors(f, lex, fraction)
        .iter()
        .any(|d| values.iter().any(|&x| close(x / d, v)))
}

/// How a figure relates to an expected result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Verdict {
    Match,
    OtherCurrency,
    OtherUnit,
    OtherKind,
    OtherValue,
}

impl Verdict {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Verdict::Match => "match",
            Verdict::OtherCurrency => "right amount, other currency",
            Verdict::OtherUnit => "right value, other unit",
            Verdict::OtherKind => "right value, other kind",
            Verdict::OtherValue => "other value or interval",
        }
    }
}

pub(crate) fn judge(model: Model, w: &Want, f: &Figure, lex: &Lexicon) -> Verdict {
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
        Want::Money { v, written, codes } => {
            let as_written = written != v && states(f, *written, lex, false);
            if !(states(f, *v, lex, false) || as_written) {
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
/// Unit keys of temperatures.
const TEMPERATURE: &[&str] = &["degree", "celsius", "fahrenheit", "kelvin"];

pub(crate) fn in_class(model: Model, f: &Figure, lex: &Lexicon) -> bool {
    match model {
        Model::Number => !matches!(f.kind, Kind::Ordinal | Kind::Date),
        Model::Range => !f.value.is_exact() && !matches!(f.kind, Kind::Date | Kind::Year),
        Model::Percent => f.kind == Kind::Percent,
        Model::Ordinal => f.kind == Kind::Ordinal,
        Model::Currency => f.kind == Kind::Money,
        // Temperatures have their own file, so a degree is not a dimension.
        Model::Dimension => {
            f.kind == Kind::Count
                && lex.measures.contains(&f.unit_key)
                && !TEMPERATURE.contains(&f.unit_key.as_str())
        }
        Model::Age => f.kind == Kind::Duration,
        Model::Temperature => f.kind == Kind::Count && TEMPERATURE.contains(&f.unit_key.as_str()),
    }
}

pub(crate) fn show_figure(f: &Figure) -> String {
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

pub(crate) fn show_want(w: &Want) -> String {
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
        Want::Money { v, codes, .. } => format!("{v} {}", codes.join("|")),
        Want::Unit { v, keys } => format!("{v} [{}]", keys.join("|")),
    }
}
