//! Qualifiers and vague quantities, and the intervals they make.
//!
//! This is the one place where wording becomes interval arithmetic:
//!
//! | wording | interval for value `v` |
//! | --- | --- |
//! | "37" | `[v, v]` |
//! | "at least", "no fewer than", "al menos", "como mínimo", "v or more" | `[v, +∞)` |
//! | "more than", "over", "older than", "más de", "mayores de", "por encima de", "topped", "superó" | `(v, +∞)` |
//! | "nearly", "almost", "casi", "just under" | `[0.9v, v]` — closed at `v` because "nearly 60%" is often a rounded 60% |
//! | "about", "around", "some", "roughly", "alrededor de", "cerca de", "unos", "rondó" | `[0.9v, 1.1v]` |
//! | "up to", "as many as", "as much as", "at most", "hasta", "como máximo" | `[0, v]` |
//! | "fewer than", "less than", "under", "younger than", "menos de", "menores de", "por debajo de" | `[0, v)` |
//! | "30-40", "between 30 and 40", "entre 30 y 40" | `[30, 40]` |
//! | "dozens" | `[24, 100)`; "decenas" `[20, 100)` |
//! | "hundreds", "cientos", "centenares" | `[200, 1000)` |
//! | "thousands", "miles" | `[2000, 100000)` |
//! | "tens of thousands", "decenas de miles" | `[20000, 100000)` |
//! | "hundreds of thousands", "cientos de miles" | `[200000, 1000000)` |
//! | "millions", "millones" | `[2000000, 1000000000)` |
//!
//! Lower bounds of "up to"/"fewer than" are 0 for counts, money and percentages;
//! years, dates and ordinals ignore qualifiers (they stay exact). Spanish may put an
//! article between ("casi el 60 %", "más del 50 %"), except after "hasta", where "hasta
//! el 11 %" is the value reached; "hasta" after a verb of change ("subió hasta 8.900
//! millones") is likewise no bound.

use std::sync::LazyLock;

use super::tokens::Tok;
use super::types::Interval;
use super::word_hash::WordSet;

/// Width of "about" on either side, as a fraction of the value.
pub(crate) const ABOUT: f64 = 0.1;
/// How far below the value "nearly" reaches, as a fraction of the value.
pub(crate) const NEARLY: f64 = 0.1;

/// A qualifier before (or after) a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Qualifier {
    /// `[v, +∞)`.
    AtLeast,
    /// `(v, +∞)`.
    MoreThan,
    /// `[0.9v, v]`.
    Nearly,
    /// `[0.9v, 1.1v]`.
    About,
    /// `[0, v]`.
    UpTo,
    /// `[0, v)`.
    LessThan,
}

/// Qualifier phrases before a number, longest first within each language.
const PREFIXES: &[(&str, Qualifier)] = &[
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("longer than", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    // Market slang for above and below: "north of $400 million", "south of $10".
    ("north of", Qualifier::MoreThan),
    ("south of", Qualifier::LessThan),
    // "the better part of half a billion", "the best part of an hour": most of it.
    ("the better part of", Qualifier::Nearly),
    ("the best part of", Qualifier::Nearly),
    ("in excess of", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("just under", Qualifier::Nearly),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("close to", Qualifier::Nearly),
    ("an estimated", Qualifier::About),
    ("approximately", Qualifier::About),
    ("roughly", Qualifier::About),
    ("around", Qualifier::About),
    ("about", Qualifier::About),
    ("some", Qualifier::About),
    ("as many as", Qualifier::UpTo),
    // A limit set on an amount: "capped at £100,000", "con un tope de 300 euros".
    ("capped at", Qualifier::UpTo),
    ("limited to", Qualifier::UpTo),
    ("a maximum of", Qualifier::UpTo),
    ("un tope de", Qualifier::UpTo),
    ("as much as", Qualifier::UpTo),
    ("no more than", Qualifier::UpTo),
    ("at most", Qualifier::UpTo),
    ("up to", Qualifier::UpTo),
    // Ages: "older than 65", "children younger than 12".
    ("older than", Qualifier::MoreThan),
    ("younger than", Qualifier::LessThan),
    ("fewer than", Qualifier::LessThan),
    ("less than", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("por lo menos", Qualifier::AtLeast),
    ("al menos", Qualifier::AtLeast),
    ("como mínimo", Qualifier::AtLeast),
    ("un mínimo de", Qualifier::AtLeast),
    ("no menos de", Qualifier::AtLeast),
    ("por encima de", Qualifier::MoreThan),
    ("por debajo de", Qualifier::LessThan),
    ("más de", Qualifier::MoreThan),
    ("mas de", Qualifier::MoreThan),
    ("casi", Qualifier::Nearly),
    ("poco menos de", Qualifier::Nearly),
    ("alrededor de", Qualifier::About),
    ("en torno a", Qualifier::About),
    ("cerca de", Qualifier::About),
    ("aproximadamente", Qualifier::About),
    ("unos", Qualifier::About),
    ("unas", Qualifier::About),
    ("un máximo de", Qualifier::UpTo),
    ("como máximo", Qualifier::UpTo),
    ("no más de", Qualifier::UpTo),
    ("hasta", Qualifier::UpTo),
    ("menos de", Qualifier::LessThan),
    // A level not reached: "no llegaba a los 42 años", "did not reach 40".
    ("no llegaba a", Qualifier::LessThan),
    ("no llega a", Qualifier::LessThan),
    ("no llegó a", Qualifier::LessThan),
    ("no llegaba al", Qualifier::LessThan),
    ("no llega al", Qualifier::LessThan),
    ("no llegó al", Qualifier::LessThan),
    ("no alcanzaba", Qualifier::LessThan),
    ("no alcanza", Qualifier::LessThan),
    ("did not reach", Qualifier::LessThan),
    ("failed to reach", Qualifier::LessThan),
    // Ages: "los mayores de 65 años", "menores de 18 años".
    ("mayores de", Qualifier::MoreThan),
    ("mayor de", Qualifier::MoreThan),
    ("menores de", Qualifier::LessThan),
    ("menor de", Qualifier::LessThan),
    // "del" is "de" + "el" ("más del 50 %"): generated from the "de" forms above
    // (`ALL_PREFIXES`); these have no "de"/"a" form.
    ("cercana al", Qualifier::About),
    ("cercano al", Qualifier::About),
    ("próxima al", Qualifier::About),
    ("próximo al", Qualifier::About),
    // Verbs that state a bound: "topped $1 million", "superó los 90 dólares".
    ("topped", Qualifier::MoreThan),
    ("tops", Qualifier::MoreThan),
    ("exceeded", Qualifier::MoreThan),
    ("exceeds", Qualifier::MoreThan),
    ("surpassed", Qualifier::MoreThan),
    // Spanish ones ("superó", "superar", "rondaba") are conjugated from
    // `BOUND_STEMS_ES`.
    ("hovered around", Qualifier::About),
    // Comparisons: "greater than 100", "mayor que 100", "superiores a 30", "x>10".
    ("greater than", Qualifier::MoreThan),
    ("larger than", Qualifier::MoreThan),
    ("bigger than", Qualifier::MoreThan),
    ("higher than", Qualifier::MoreThan),
    ("exceed", Qualifier::MoreThan),
    ("exceeding", Qualifier::MoreThan),
    ("surpass", Qualifier::MoreThan),
    ("surpassing", Qualifier::MoreThan),
    (">", Qualifier::MoreThan),
    ("smaller than", Qualifier::LessThan),
    ("lower than", Qualifier::LessThan),
    ("<", Qualifier::LessThan),
    ("mayor que", Qualifier::MoreThan),
    ("mayores que", Qualifier::MoreThan),
    ("mayor a", Qualifier::MoreThan),
    ("mayores a", Qualifier::MoreThan),
    ("superior a", Qualifier::MoreThan),
    ("superiores a", Qualifier::MoreThan),
    ("más alto que", Qualifier::MoreThan),
    ("más alta que", Qualifier::MoreThan),
    ("menor que", Qualifier::LessThan),
    ("menores que", Qualifier::LessThan),
    ("menor a", Qualifier::LessThan),
    ("menores a", Qualifier::LessThan),
    ("inferior a", Qualifier::LessThan),
    ("inferiores a", Qualifier::LessThan),
    ("más bajo que", Qualifier::LessThan),
    ("más baja que", Qualifier::LessThan),
    // With "or equal": the bound is reached. "less than or equal to 30", ">= 30".
    ("greater than or equal to", Qualifier::AtLeast),
    ("more than or equal to", Qualifier::AtLeast),
    ("greater or equal than", Qualifier::AtLeast),
    ("bigger or equal than", Qualifier::AtLeast),
    ("higher or equal than", Qualifier::AtLeast),
    ("larger or equal than", Qualifier::AtLeast),
    ("equal to or more than", Qualifier::AtLeast),
    ("equal to or greater than", Qualifier::AtLeast),
    ("at least or equal to", Qualifier::AtLeast),
    ("> =", Qualifier::AtLeast),
    ("less than or equal to", Qualifier::UpTo),
    ("smaller than or equal to", Qualifier::UpTo),
    ("less or equal than", Qualifier::UpTo),
    ("smaller or equal than", Qualifier::UpTo),
    ("lower or equal than", Qualifier::UpTo),
    ("equal to or less than", Qualifier::UpTo),
    ("equal to or fewer than", Qualifier::UpTo),
    ("< =", Qualifier::UpTo),
    ("mayor o igual a", Qualifier::AtLeast),
    ("mayor o igual que", Qualifier::AtLeast),
    ("mayores o iguales a", Qualifier::AtLeast),
    ("mayores o iguales que", Qualifier::AtLeast),
    ("igual o mayor que", Qualifier::AtLeast),
    ("igual o mayor a", Qualifier::AtLeast),
    ("igual a o mayor que", Qualifier::AtLeast),
    ("menor o igual a", Qualifier::UpTo),
    ("menor o igual que", Qualifier::UpTo),
    ("menores o iguales a", Qualifier::UpTo),
    ("menores o iguales que", Qualifier::UpTo),
    ("igual o menor que", Qualifier::UpTo),
    ("igual o menor a", Qualifier::UpTo),
    ("igual a o menor que", Qualifier::UpTo),
];

/// Verbs of change: after one, "from 5 to 7" is two values and "hasta" is the
/// value reached ("subió hasta 8.900 millones"), not an upper bound.
const CHANGE_VERBS: &[&str] = &[
    // English verbs of change in every form; "ticks up to 4.1%", "edged up to": a
    // small move, the level reached after it.
    "ticks",
    "ticked",
    "ticking",
    "edged",
    "edges",
    "edging",
    "inched",
    "inches",
    "inching",
    "crept",
    "creeps",
    "creeping",
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "climb",
    "climbs",
    "climbed",
    "climbing",
    "drop",
    "drops",
    "dropped",
    "dropping",
    "increase",
    "increases",
    "increased",
    "increasing",
    "decrease",
    "decreases",
    "decreased",
    "decreasing",
    "grew",
    "grow",
    "grows",
    "grown",
    "growing",
    "jump",
    "jumps",
    "jumped",
    "jumping",
    "slid",
    "slides",
    "sliding",
    "slump",
    "slumps",
    "slumped",
    "slumping",
    "surge",
    "surges",
    "surged",
    "surging",
    "soar",
    "soars",
    "soared",
    "soaring",
    "plunge",
    "plunges",
    "plunged",
    "plunging",
    "decline",
    "declines",
    "declined",
    "declining",
    "went",
    "goes",
    "gone",
    "raise",
    "raises",
    "raised",
    "raising",
    "lower",
    "lowers",
    "lowered",
    "lowering",
    "cut",
    "cuts",
    "cutting",
    "reduce",
    "reduces",
    "reduced",
    "reducing",
    "boost",
    "boosts",
    "boosted",
    "boosting",
    "hike",
    "hikes",
    "hiked",
    "hiking",
    "slash",
    "slashes",
    "slashed",
    "slashing",
    "trim",
    "trims",
    "trimmed",
    "trimming",
    "swell",
    "swells",
    "swelled",
    "swollen",
    "shrink",
    "shrinks",
    "shrank",
    "shrunk",
    "shrinking",
    "double",
    "doubles",
    "doubled",
    "doubling",
    "dip",
    "dips",
    "dipped",
    "dipping",
    "tumble",
    "tumbles",
    "tumbled",
    "tumbling",
    "sink",
    "sinks",
    "sank",
    "sunk",
    "sinking",
    "rally",
    "rallies",
    "rallied",
    "rallying",
    "gain",
    "gains",
    "gained",
    "gaining",
    "expand",
    "expands",
    "expanded",
    "expanding",
    "narrow",
    "narrows",
    "narrowed",
    "narrowing",
    "widen",
    "widens",
    "widened",
    "widening",
];

/// Spanish verbs that state a bound, by stem, and the endings they take: "superó",
/// "superar los siete millones", "ha rebasado", "rondaba el 40 %", "excedió".
const BOUND_STEMS_ES: &[(&str, Qualifier)] = &[
    ("super", Qualifier::MoreThan),
    ("rebas", Qualifier::MoreThan),
    ("sobrepas", Qualifier::MoreThan),
    ("rond", Qualifier::About),
];
const BOUND_ENDINGS_AR: &[&str] = &[
    "ó", "aron", "a", "an", "ar", "ará", "arán", "aba", "aban", "ado", "ando", "aría", "arían",
    "e", "en",
];

/// The Spanish bound verbs in every form `BOUND_STEMS_ES` gives, and "exceder"'s.
fn bound_verbs_es() -> impl Iterator<Item = (String, Qualifier)> {
    let ar = BOUND_STEMS_ES.iter().flat_map(|(stem, q)| {
        BOUND_ENDINGS_AR
            .iter()
            .map(move |e| (format!("{stem}{e}"), *q))
    });
    let er = [
        "excedió",
        "excedieron",
        "excede",
        "exceden",
        "exceder",
        "excedía",
    ]
    .into_iter()
    .map(|w| (w.to_string(), Qualifier::MoreThan));
    ar.chain(er)
}

static BOUND_VERBS: LazyLock<WordSet<String>> = LazyLock::new(|| {
    ["topped", "tops", "exceeded", "exceeds", "surpassed"]
        .into_iter()
        .map(str::to_string)
        .chain(bound_verbs_es().map(|(w, _)| w))
        .collect()
});

/// Verbs that state a bound ("topped 42,000", "superó los 90"): like verbs of
/// change, their subject is what the number counts.
pub(crate) fn is_bound_verb(t: &Tok) -> bool {
    BOUND_VERBS.contains(t.lower.as_str())
}

/// Stems of Spanish verbs of change in "-ar", conjugated by [`is_change_verb`].
const CHANGE_STEMS_AR: &[&str] = &[
    "baj",
    "aument",
    "avanz",
    "depreci",
    "apreci",
    "repunt",
    "elev",
    "recort",
    "increment",
    "rebaj",
    "dispar",
    "desplom",
    "dupl",
    "tripl",
    "multiplic",
    "pas",
];
/// Stems of Spanish verbs of change in "-er"/"-ir".
const CHANGE_STEMS_ER: &[&str] = &["sub", "crec", "retroced", "descend", "ascend"];
/// Irregular Spanish forms: "redujo", "cayó", "disminuyó".
const CHANGE_IRREGULAR_ES: &[&str] = &[
    "redujo",
    "redujeron",
    "reduce",
    "reducen",
    "reducido",
    "reducida",
    "reducirá",
    "cayó",
    "cayeron",
    "cae",
    "caen",
    "caído",
    "caerá",
    "disminuyó",
    "disminuyeron",
    "disminuye",
    "disminuyen",
    "disminuido",
    "disminuida",
];

/// Is `t` a verb of change? English forms are listed; Spanish ones are conjugated
/// from stems ("subió", "subieron", "ha subido", "bajaba", "crecerá"), except
/// "pasado"/"pasada", which mostly mean "last" ("el año pasado").
pub(crate) fn is_change_verb(t: &Tok) -> bool {
    const AR: &[&str] = &[
        "ó", "aron", "a", "an", "ado", "ada", "ados", "adas", "aba", "aban", "ará", "arán", "ando",
        "ar", "aría", "arían",
    ];
    // "-er" and "-ir" verbs differ only in the future, conditional and infinitive
    // ("crecerá", "subirá").
    const ER: &[&str] = &[
        "ió", "ieron", "e", "en", "ido", "ida", "ía", "ían", "erá", "erán", "iendo", "irá", "irán",
        "er", "ir", "ería", "iría",
    ];
    let w = t.lower.as_str();
    let conjugated = |stems: &[&str], endings: &[&str]| {
        stems.iter().any(|s| {
            w.strip_prefix(s)
                .is_some_and(|rest| endings.contains(&rest))
        })
    };
    CHANGE_VERBS.contains(&w)
        || CHANGE_IRREGULAR_ES.contains(&w)
        || !matches!(w, "pasado" | "pasada" | "pasados" | "pasadas")
            && (conjugated(CHANGE_STEMS_AR, AR) || conjugated(CHANGE_STEMS_ER, ER))
}

/// Qualifier phrases after a number ("150 or more", "150 como mínimo").
const SUFFIXES: &[(&str, Qualifier)] = &[
    ("or more", Qualifier::AtLeast),
    // "adults aged 50 or older", "de 18 años o más".
    ("or older", Qualifier::AtLeast),
    ("or over", Qualifier::AtLeast),
    ("or greater", Qualifier::AtLeast),
    ("or higher", Qualifier::AtLeast),
    ("or above", Qualifier::AtLeast),
    ("o más", Qualifier::AtLeast),
    ("o mayor", Qualifier::AtLeast),
    ("o superior", Qualifier::AtLeast),
    ("como mínimo", Qualifier::AtLeast),
    ("por lo menos", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("al menos", Qualifier::AtLeast),
    ("or so", Qualifier::About),
    ("or less", Qualifier::UpTo),
    ("or fewer", Qualifier::UpTo),
    ("or lower", Qualifier::UpTo),
    ("or below", Qualifier::UpTo),
    ("o menos", Qualifier::UpTo),
    ("o menor", Qualifier::UpTo),
    ("o inferior", Qualifier::UpTo),
    ("como máximo", Qualifier::UpTo),
];

/// Words after "or equal" that close a strict bound: "more than 5000 or equal (to
/// it)", "menos de 5000 o igual".
const OR_EQUAL: &[&str] = &["or equal", "o igual"];

/// Vague plural quantities: words (space-joined), interval, and whether "of"/"de"
/// must follow.
const VAGUE: &[(&str, f64, f64)] = &[
    ("tens of thousands", 2e4, 1e5),
    ("hundreds of thousands", 2e5, 1e6),
    ("tens of millions", 2e7, 1e8),
    ("hundreds of millions", 2e8, 1e9),
    ("decenas de miles", 2e4, 1e5),
    ("cientos de miles", 2e5, 1e6),
    ("centenares de miles", 2e5, 1e6),
    ("decenas de millones", 2e7, 1e8),
    ("cientos de millones", 2e8, 1e9),
    ("dozens", 24.0, 100.0),
    ("docenas", 24.0, 100.0),
    ("decenas", 20.0, 100.0),
    ("hundreds", 200.0, 1e3),
    ("cientos", 200.0, 1e3),
    ("centenares", 200.0, 1e3),
    ("millares", 2e3, 1e5),
    ("thousands", 2e3, 1e5),
    ("miles", 2e3, 1e5),
    ("millions", 2e6, 1e9),
    ("millones", 2e6, 1e9),
];

/// Collective numerals after "un"/"una"/"a" and before "de"/"of": word, value, and
/// whether the word only approximates it ("una veintena" is about 20, "un par" is 2).
const COLLECTIVES: &[(&str, f64, bool)] = &[
    ("par", 2.0, false),
    ("couple", 2.0, false),
    ("decena", 10.0, true),
    ("quincena", 15.0, true),
    ("veintena", 20.0, true),
    ("treintena", 30.0, true),
    ("cuarentena", 40.0, true),
    ("cincuentena", 50.0, true),
    ("centenar", 100.0, true),
    ("millar", 1000.0, true),
];

/// "una veintena de familias", "a couple of hours", "medio centenar de municipios"
/// (half of one): (value, approximate, index of "de"/"of"). Not "una cuarentena de
/// 14 días", a quarantine with its own number.
pub(crate) fn collective_at(toks: &[Tok], i: usize) -> Option<(f64, bool, usize)> {
    let share = match toks.get(i)?.lower.as_str() {
        "un" | "una" | "a" => 1.0,
        "medio" | "media" => 0.5,
        _ => return None,
    };
    let w = toks.get(i + 1)?;
    let &(_, v, approx) = COLLECTIVES.iter().find(|(f, _, _)| w.is(f))?;
    // "media par" is no Spanish: half goes only with the collectives that count tens.
    if share < 1.0 && v < 10.0 {
        return None;
    }
    let v = v * share;
    let of = toks.get(i + 2)?;
    let counted = toks.get(i + 3)?;
    ((of.is("de") || of.is("of")) && counted.kind == super::tokens::TokKind::Word).then_some((
        v,
        approx,
        i + 2,
    ))
}

/// Words of `toks[i..]` joined by spaces, if `phrase` matches there: the end index.
pub(crate) fn match_phrase(toks: &[Tok], i: usize, phrase: &str) -> Option<usize> {
    let mut j = i;
    for w in phrase.split(' ') {
        if !toks.get(j)?.is(w) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// Last words of the prefix phrases and first words of the vague ones: most tokens are
/// neither, and a set lookup spares trying every phrase at every number (the reader's
/// hottest loop).
static PREFIX_LAST: LazyLock<WordSet<String>> = LazyLock::new(|| {
    ALL_PREFIXES
        .iter()
        .filter_map(|(p, _)| p.rsplit(' ').next().map(str::to_string))
        .collect()
});

/// The prefixes, and each Spanish one ending in "de" or "a" also with the article
/// contracted into it: "cerca de" gives "cerca del" ("cerca del 8 %"), "en torno a"
/// gives "en torno al" ("en torno al 60 %").
static ALL_PREFIXES: LazyLock<Vec<(String, Qualifier)>> = LazyLock::new(|| {
    let mut all: Vec<(String, Qualifier)> = PREFIXES
        .iter()
        .map(|(p, q)| (p.to_string(), *q))
        .chain(bound_verbs_es())
        .collect();
    for (p, q) in PREFIXES {
        let contracted = p
            .strip_suffix(" de")
            .map(|head| format!("{head} del"))
            .or_else(|| p.strip_suffix(" a").map(|head| format!("{head} al")));
        if let Some(c) = contracted
            && !all.iter().any(|(x, _)| *x == c)
        {
            all.push((c, *q));
        }
    }
    all
});
static VAGUE_FIRST: LazyLock<WordSet<&'static str>> = LazyLock::new(|| {
    VAGUE
        .iter()
        .filter_map(|(p, _, _)| p.split(' ').next())
        .collect()
});

/// The qualifier phrase ending right before token `end`: (qualifier, start index).
pub(crate) fn prefix_before(toks: &[Tok], end: usize) -> Option<(Qualifier, usize)> {
    let last = toks.get(end.checked_sub(1)?)?;
    if !PREFIX_LAST.contains(last.lower.as_str()) {
        return None;
    }
    // The longest match wins: "no more than" over "more than".
    ALL_PREFIXES
        .iter()
        .filter_map(|(phrase, q)| {
            let n = phrase.split(' ').count();
            let start = end.checked_sub(n)?;
            (match_phrase(toks, start, phrase) == Some(end)).then_some((*q, start))
        })
        .min_by_key(|&(_, start)| start)
}

/// A qualifier phrase starting at token `i`: (qualifier, end index).
/// Not "5000 or less than 6000", where the words start a bound of the next number.
pub(crate) fn suffix_at(toks: &[Tok], i: usize) -> Option<(Qualifier, usize)> {
    SUFFIXES
        .iter()
        .find_map(|(phrase, q)| match_phrase(toks, i, phrase).map(|end| (*q, end)))
        .filter(|&(_, end)| {
            !toks
                .get(end)
                .is_some_and(|t| matches!(t.lower.as_str(), "than" | "que" | "de" | "a"))
        })
}

/// "or equal (to)" / "o igual (a)" at `i`, closing a strict bound: its end.
pub(crate) fn or_equal_at(toks: &[Tok], i: usize) -> Option<usize> {
    let end = OR_EQUAL.iter().find_map(|p| match_phrase(toks, i, p))?;
    let end = match toks.get(end) {
        Some(t) if t.is("to") || t.is("a") => end + 1,
        _ => end,
    };
    // "more than 5000 or equal to 6000": a number after it is another value.
    let number_after = toks
        .get(end)
        .is_some_and(|t| t.kind == super::tokens::TokKind::Num);
    (!number_after).then_some(end)
}

/// May a vague quantity start with word `w` ("dozens", "tens", "cientos")?
pub(crate) fn starts_vague(w: &str) -> bool {
    VAGUE_FIRST.contains(w)
}

/// A vague quantity starting at token `i` and followed by "of"/"de": (interval,
/// index of the "of"/"de").
pub(crate) fn vague_at(toks: &[Tok], i: usize) -> Option<(Interval, usize)> {
    if !VAGUE_FIRST.contains(toks.get(i)?.lower.as_str()) {
        return None;
    }
    VAGUE.iter().find_map(|(phrase, lo, hi)| {
        let end = match_phrase(toks, i, phrase)?;
        let of = toks.get(end)?;
        // "left tens of thousands homeless": a state stands for the people.
        let state = matches!(
            of.lower.as_str(),
            "homeless"
                | "injured"
                | "dead"
                | "missing"
                | "displaced"
                | "wounded"
                | "stranded"
                | "heridos"
                | "muertos"
                | "desaparecidos"
                | "damnificados"
                | "desplazados"
        );
        (of.is("of") || of.is("de") || state).then_some((half_open(*lo, *hi), end))
    })
}

/// "Several hundred", "a few million", "varios millones": some units of a scale,
/// [3, 10) of it for "several", [2, 10) for "a few" (narrower than "hundreds", [2,
/// 10), which says less): (interval, index after the scale word).
pub(crate) fn several_at(toks: &[Tok], i: usize) -> Option<(Interval, usize)> {
    const SOME: &[(&str, f64)] = &[
        ("several", 3.0),
        ("a few", 2.0),
        ("varios", 3.0),
        ("varias", 3.0),
        ("unos cuantos", 2.0),
        ("unas cuantas", 2.0),
    ];
    const SCALES: &[(&str, f64)] = &[
        ("hundred", 1e2),
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
        ("cientos", 1e2),
        ("mil millones", 1e9),
        ("miles", 1e3),
        ("millones", 1e6),
    ];
    let (after, least) = SOME
        .iter()
        .find_map(|(p, least)| Some((match_phrase(toks, i, p)?, *least)))?;
    SCALES.iter().find_map(|(w, scale)| {
        let end = match_phrase(toks, after, w)?;
        Some((half_open(least * scale, 10.0 * scale), end))
    })
}

fn half_open(lo: f64, hi: f64) -> Interval {
    Interval {
        lo: Some(lo),
        hi: Some(hi),
        lo_strict: false,
        hi_strict: true,
    }
}

/// Applies a qualifier to an interval (exact values and ranges alike).
pub(crate) fn apply(q: Qualifier, v: Interval) -> Interval {
    let lo = v.lo.unwrap_or(0.0);
    let hi = v.hi.unwrap_or(lo);
    match q {
        Qualifier::AtLeast => Interval {
            hi: None,
            hi_strict: false,
            ..v
        },
        Qualifier::MoreThan => Interval {
            lo: Some(hi),
            hi: None,
            lo_strict: true,
            hi_strict: false,
        },
        Qualifier::Nearly => Interval::closed(lo.min(hi * (1.0 - NEARLY)), hi),
        Qualifier::About => Interval::closed(lo * (1.0 - ABOUT), hi * (1.0 + ABOUT)),
        // Below a negative bound there is no floor: "<-30" is (-∞, -30).
        Qualifier::UpTo => Interval {
            lo: (hi >= 0.0).then_some(0.0),
            ..Interval::closed(hi, hi)
        },
        Qualifier::LessThan => Interval {
            lo: (hi >= 0.0).then_some(0.0),
            hi: Some(hi),
            lo_strict: false,
            hi_strict: true,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn prefix(text: &str) -> Option<Qualifier> {
        let toks = tokenize(text);
        prefix_before(&toks, toks.len()).map(|(q, _)| q)
    }

    #[test]
    fn prefixes_in_both_languages() {
        assert_eq!(prefix("at least"), Some(Qualifier::AtLeast));
        assert_eq!(prefix("Al menos"), Some(Qualifier::AtLeast));
        assert_eq!(prefix("como mínimo"), Some(Qualifier::AtLeast));
        assert_eq!(prefix("more than"), Some(Qualifier::MoreThan));
        assert_eq!(prefix("más de"), Some(Qualifier::MoreThan));
        assert_eq!(prefix("nearly"), Some(Qualifier::Nearly));
        assert_eq!(prefix("alrededor de"), Some(Qualifier::About));
        assert_eq!(prefix("unos"), Some(Qualifier::About));
        assert_eq!(prefix("up to"), Some(Qualifier::UpTo));
        assert_eq!(prefix("menos de"), Some(Qualifier::LessThan));
        assert_eq!(prefix("the"), None);
        assert_eq!(prefix("no more than"), Some(Qualifier::UpTo));
        assert_eq!(prefix("no más de"), Some(Qualifier::UpTo));
        assert_eq!(prefix("north of"), Some(Qualifier::MoreThan));
        assert_eq!(prefix("south of"), Some(Qualifier::LessThan));
        assert_eq!(prefix("the better part of"), Some(Qualifier::Nearly));
    }

    #[test]
    fn several_of_a_scale_is_two_to_ten_of_it() {
        let at = |text: &str| several_at(&tokenize(text), 0).map(|(v, end)| (v.lo, v.hi, end));
        assert_eq!(
            at("several hundred people"),
            Some((Some(300.0), Some(1000.0), 2))
        );
        assert_eq!(at("a few million"), Some((Some(2e6), Some(1e7), 3)));
        assert_eq!(
            at("varios millones de afectados"),
            Some((Some(3e6), Some(1e7), 2))
        );
        assert_eq!(at("several people"), None);
    }

    #[test]
    fn half_a_collective_is_half_its_count() {
        let at = |text: &str| collective_at(&tokenize(text), 0).map(|(v, approx, _)| (v, approx));
        assert_eq!(at("medio centenar de municipios"), Some((50.0, true)));
        assert_eq!(at("medio millar de heridos"), Some((500.0, true)));
        assert_eq!(at("un centenar de heridos"), Some((100.0, true)));
        assert_eq!(at("media par de zapatos"), None);
        assert_eq!(at("la media de edad"), None);
    }

    #[test]
    fn intervals() {
        let v = Interval::exact(150.0);
        let more = apply(Qualifier::MoreThan, v);
        assert_eq!(
            (more.lo, more.hi, more.lo_strict),
            (Some(150.0), None, true)
        );
        let least = apply(Qualifier::AtLeast, v);
        assert_eq!(
            (least.lo, least.hi, least.lo_strict),
            (Some(150.0), None, false)
        );
        let nearly = apply(Qualifier::Nearly, Interval::exact(60.0));
        assert_eq!((nearly.lo, nearly.hi), (Some(54.0), Some(60.0)));
        let about = apply(Qualifier::About, Interval::exact(100.0));
        assert!(
            (about.lo.unwrap() - 90.0).abs() < 1e-9 && (about.hi.unwrap() - 110.0).abs() < 1e-9
        );
        let up = apply(Qualifier::UpTo, v);
        assert_eq!((up.lo, up.hi), (Some(0.0), Some(150.0)));
        let less = apply(Qualifier::LessThan, v);
        assert_eq!(
            (less.lo, less.hi, less.hi_strict),
            (Some(0.0), Some(150.0), true)
        );
        let range_more = apply(Qualifier::MoreThan, Interval::exact(24.0));
        assert!(!range_more.overlaps(&Interval::exact(24.0)));
    }

    #[test]
    fn vague_quantities() {
        let toks = tokenize("dozens of diplomats");
        let (iv, of) = vague_at(&toks, 0).unwrap();
        assert_eq!(
            (iv.lo, iv.hi, iv.hi_strict, of),
            (Some(24.0), Some(100.0), true, 1)
        );
        let toks = tokenize("decenas de miles de personas");
        assert_eq!(vague_at(&toks, 0).unwrap().0.lo, Some(2e4));
        assert!(vague_at(&tokenize("hundreds"), 0).is_none());
    }
}
