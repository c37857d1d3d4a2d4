//! Number cores: a number before its qualifier and unit are read.
//!
//! Entry point: [`scan_core`], at one token. It reads a share ("one in five", "a
//! third of"), then by token kind digits ([`digit_core`]: "1,200", "3rd", "1990s",
//! "-4", "1,5 millones") or words ([`word_core`]: "two hundred", "una veintena",
//! "dozens", "a decade", "first", "double"). Digits that name rather than count are
//! skipped through `traps`. [`noun_ordinal`] reads the ordinal whose noun comes first
//! ("el minuto 89"); the step [`regroup_thousands`] rereads "1,200" once the unit is
//! known. Word lists: `[number]` in `figures.toml`.
//!
//! ```text
//! "unos 1,500 kilómetros" at "1,500" → Core { value: [1500, 1500], .. } (no decimal
//!                                        ends in a zero, so the comma groups thousands)
//! ```

use std::cell::RefCell;

use crate::claims::dates;
use crate::claims::fractions;
use crate::claims::lang::is_function_word;
use crate::claims::numbers::{Convention, is_number_word, parse_digits, parse_words};
use crate::claims::qualifiers;
use crate::claims::tokens::{Tok, TokKind};
use crate::claims::types::{Figure, Interval, Kind};
use crate::claims::units::{LEXICON, UnitKind};
use crate::claims::word_hash::WordMap;

use super::build::Draft;
use super::fraction::{ends_in_scale, fraction_at, is_vulgar};
use super::ordinal::{is_ordinal_word, ordinal_at};
use super::scale::{apply_scales, lower_groups, multiplier_at, scale_at};
use super::traps::trap;
use super::unit_phrase::{looks_like_verb, whole_count};
use super::words::{WORDS, has};
use super::{Ctx, plain_figure};

/// A number before its qualifier and unit are read.
#[derive(Debug, Clone)]
pub(super) struct Core {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: Interval,
    /// Written as one plain digit run with no separators (year candidate).
    pub(super) plain_digits: Option<String>,
    pub(super) ordinal: bool,
    pub(super) vague: bool,
    pub(super) scaled: bool,
    /// A bare "one"/"uno"/"una": a figure only before a known unit.
    pub(super) bare_one: bool,
    /// Explicit year interval ("1990s").
    pub(super) year: bool,
    /// A share of a group ("a third of"), in percent.
    pub(super) fraction: bool,
    /// A multiple ("double", "el triple", "tenfold"): counts times.
    pub(super) multiple: bool,
    /// A share of a point ("a quarter of a point", "a half-point"): in points.
    pub(super) point_share: bool,
    /// A collective numeral that only approximates its value ("una veintena"):
    /// "about" unless another qualifier bounds it.
    pub(super) approx: bool,
    /// The value read with the separator as a thousands mark, when the digits are
    /// ambiguous ("1,200" in a comma-decimal article) and were read as decimals.
    pub(super) thousands: Option<f64>,
    /// A decade of someone's life ("in her 80s"): the value is in years.
    pub(super) age_decade: bool,
}

pub(super) enum Scan {
    Core(Core),
    Skip(usize),
    Nothing,
}

/// "en el minuto 89": an ordinal whose noun comes first.
pub(super) fn noun_ordinal(ctx: &Ctx, i: usize) -> Option<Figure> {
    let toks = ctx.toks;
    let t = toks.get(i).filter(|t| t.kind == TokKind::Num)?;
    let mut noun = toks.get(i.checked_sub(1)?)?;
    let mut first = i - 1;
    // "su gol número 400": the noun before "número" is the one numbered in order.
    let numbered = noun.is("número")
        && i >= 3
        && toks[i - 2].kind == TokKind::Word
        && !toks[i - 2].cap
        && !is_function_word(&toks[i - 2].lower)
        && matches!(
            toks[i - 3].lower.as_str(),
            "su" | "sus" | "el" | "la" | "mi" | "tu" | "nuestro" | "nuestra"
        );
    if numbered {
        first = i - 2;
        noun = &toks[first];
    }
    if !(numbered || has(&WORDS.number.ordinal_nouns, noun.lower.as_str()))
        || !t.lower.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let n: f64 = t.lower.parse().ok()?;
    let mut fig = plain_figure(ctx, first, i + 1, Interval::exact(n), Kind::Ordinal);
    fig.unit = noun.lower.clone();
    fig.unit_key = LEXICON
        .unit_at(toks, first)
        .map_or_else(|| noun.lower.clone(), |m| m.entry.key.clone());
    Some(fig)
}

pub(super) fn scan_core(ctx: &Ctx, i: usize) -> Scan {
    let Some(t) = ctx.toks.get(i) else {
        return Scan::Nothing;
    };
    // A fraction of a scale ("a quarter million") is an amount, not a share of a
    // group; any other fraction is tried after the shares.
    let fraction = fraction_at(ctx, i);
    if let Some((v, end)) = fraction.filter(|&(_, end)| ends_in_scale(ctx, end)) {
        return Scan::Core(Core {
            scaled: true,
            ..number_core(i, end, Interval::exact(v), None)
        });
    }
    if let Some(sh) = fractions::share_at(ctx.toks, i, ctx.conv) {
        // "one-half of one percentage point": the share is of the point.
        if let Some((v, point)) = fractions::share_of_a_point(ctx.toks, &sh) {
            return Scan::Core(Core {
                point_share: true,
                ..number_core(sh.start, point, Interval::exact(v), None)
            });
        }
        return Scan::Core(Core {
            fraction: true,
            ..number_core(sh.start, sh.end, Interval::exact(sh.percent), None)
        });
    }
    if let Some((v, end)) = fraction {
        return Scan::Core(number_core(i, end, Interval::exact(v), None));
    }
    if let Some(core) = signed_core(ctx, i).or_else(|| age_decade(ctx.toks, i)) {
        return Scan::Core(core);
    }
    match t.kind {
        TokKind::Word => word_core(ctx, i),
        TokKind::Num => digit_core(ctx, i),
        TokKind::Punct => Scan::Nothing,
    }
}

/// "minus 5", "negative one", "minus five percent", "menos 12 grados": a sign in
/// words. Not "plus or minus 3 points", a margin either way; Spanish "menos" only
/// before a temperature ("cuatro puntos menos", "menos de 12" are no signs).
fn signed_core(ctx: &Ctx, i: usize) -> Option<Core> {
    let toks = ctx.toks;
    let menos = toks[i].is("menos");
    if !matches!(toks[i].lower.as_str(), "minus" | "negative") && !menos {
        return None;
    }
    let margin = i >= 2 && toks[i - 1].is("or") && toks[i - 2].is("plus")
        || i >= 1 && toks[i - 1].is_punct("±/");
    if margin {
        return None;
    }
    let Scan::Core(mut core) = scan_core(ctx, i + 1) else {
        return None;
    };
    let v = core.value.lo.filter(|_| core.value.is_exact())?;
    if menos
        && LEXICON
            .unit_at(toks, core.end)
            .is_none_or(|m| !m.entry.is_temperature())
    {
        return None;
    }
    if core.ordinal || core.year || core.fraction || core.multiple || v <= 0.0 {
        return None;
    }
    core.start = i;
    core.value = Interval::exact(-v);
    core.plain_digits = None;
    core.bare_one = false;
    core.thousands = core.thousands.map(|th| -th);
    Some(core)
}

fn word_core(ctx: &Ctx, i: usize) -> Scan {
    let toks = ctx.toks;
    let t = &toks[i];
    if let Some((value, end)) = qualifiers::several_at(toks, i) {
        return Scan::Core(Core {
            vague: true,
            ..number_core(i, end, value, None)
        });
    }
    if let Some((v, approx, of)) = qualifiers::collective_at(toks, i) {
        return Scan::Core(Core {
            approx,
            ..number_core(i, of, Interval::exact(v), None)
        });
    }
    if let Some((value, of)) = qualifiers::vague_at(toks, i) {
        return Scan::Core(Core {
            vague: true,
            ..number_core(i, of, value, None)
        });
    }
    // "for a decade", "hace una década", "in less than a year": one unit of time;
    // not "9% more than a year earlier", which dates a comparison.
    // "un 8 % más que hace un año" compares with a year ago just the same, and so does
    // "frente a los 112 de hace un año".
    let compared_then = i >= 2
        && toks[i - 1].is("hace")
        && matches!(toks[i - 2].lower.as_str(), "que" | "than" | "de");
    let dated = compared_then
        || toks
            .get(i + 2)
            .is_some_and(|w| has(&WORDS.number.dated_after, w.lower.as_str()));
    // "a year and a half", "un año y medio": a span however it is introduced.
    let and_a_half = |k: usize| {
        toks.get(k).is_some_and(|a| a.is("and"))
            && toks.get(k + 1).is_some_and(|a| a.is("a"))
            && toks.get(k + 2).is_some_and(|h| h.is("half"))
            || toks.get(k).is_some_and(|y| y.is("y"))
                && toks
                    .get(k + 1)
                    .is_some_and(|m| m.is("medio") || m.is("media"))
    };
    let duration_at = |k: usize| {
        LEXICON
            .unit_at(toks, k)
            .filter(|u| u.entry.kind == UnitKind::Duration)
    };
    if matches!(t.lower.as_str(), "a" | "an" | "un" | "una")
        && duration_at(i + 1).is_some_and(|u| and_a_half(u.end))
    {
        return Scan::Core(number_core(i, i + 1, Interval::exact(1.0), None));
    }
    if matches!(t.lower.as_str(), "a" | "an" | "un" | "una")
        && duration_at(i + 1).is_some()
        && !dated
        && i.checked_sub(1).is_some_and(|k| {
            let more_less = k > 0 && matches!(toks[k - 1].lower.as_str(), "menos" | "más" | "mas");
            // "for the first time in nearly a decade", "en casi un año".
            let hedged = k > 0
                && matches!(
                    toks[k].lower.as_str(),
                    "nearly" | "almost" | "about" | "casi"
                )
                && matches!(
                    toks[k - 1].lower.as_str(),
                    "in" | "for" | "over" | "within" | "after" | "en" | "durante" | "tras"
                );
            // "for at least a fortnight", "durante al menos un año": any qualifier
            // between a preposition of time and the unit.
            let qualified = qualifiers::prefix_before(toks, i).is_some_and(|(_, q)| {
                q > 0
                    && matches!(
                        toks[q - 1].lower.as_str(),
                        "for" | "over" | "within" | "in" | "durante" | "en" | "tras"
                    )
            });
            hedged
                || qualified
                || matches!(
                    toks[k].lower.as_str(),
                    "for" | "over" | "within" | "than" | "after" | "hace" | "durante" | "tras"
                )
                || (toks[k].is("de") && more_less)
                // "dejaron 44 muertos en un mes, según", "poorer by ₹5.2 lakh crore
                // in a day": a span closing its clause.
                || ((toks[k].is("en") || toks[k].is("in"))
                    && toks.get(i + 2).is_none_or(|n| {
                        n.kind == TokKind::Punct
                            || matches!(n.lower.as_str(), "según" | "y" | "and" | "but" | "pero")
                    }))
                // "to open a year late", "un mes antes de lo previsto" aside: how late.
                || toks
                    .get(i + 2)
                    .is_some_and(|n| matches!(n.lower.as_str(), "late" | "early" | "behind"))
        })
    {
        return Scan::Core(number_core(i, i + 1, Interval::exact(1.0), None));
    }
    if let Some(core) = multiple_core(toks, i) {
        return Scan::Core(core);
    }
    // "a quarter-point", "a half-point", "a quarter point": a share of a percentage
    // point.
    let hyphen = toks
        .get(i + 1)
        .is_some_and(|h| h.is_punct("-") && h.start == t.end);
    if matches!(t.lower.as_str(), "quarter" | "half")
        && toks
            .get(i + 1 + usize::from(hyphen))
            .is_some_and(|p| p.is("point"))
    {
        let v = if t.lower == "quarter" { 0.25 } else { 0.5 };
        return Scan::Core(Core {
            point_share: true,
            ..number_core(i, i + 1, Interval::exact(v), None)
        });
    }
    // "half a percentage point", "medio punto porcentual", "media hora"; each word in
    // its language ("media reports" is English news).
    let half_word = if ctx.lang == "es" {
        ["medio", "media"].as_slice()
    } else {
        &["half"]
    };
    if half_word.contains(&t.lower.as_str()) {
        let k = if toks.get(i + 1).is_some_and(|a| a.is("a") || a.is("an")) {
            i + 2
        } else {
            i + 1
        };
        if LEXICON.unit_at(toks, k).is_some() && (k == i + 2 || t.lower != "half") {
            return Scan::Core(number_core(i, k, Interval::exact(0.5), None));
        }
    }
    if let Some(o) = ordinal_at(toks, i, ctx.lang).filter(|o| !(o.plural && o.prefixed)) {
        let (n, end) = (o.value, o.end);
        let last = &toks[end - 1];
        let idiom = WORDS.number.ordinal_idioms.iter().any(|p| {
            let n_words = p.split(' ').count();
            (i.saturating_sub(n_words - 1)..=i)
                .any(|s| qualifiers::match_phrase(toks, s, p).is_some_and(|e| e > i))
        });
        let after_number = i > 0 && toks[i - 1].kind == TokKind::Num;
        // "second-highest": a rank among superlatives, not a count of anything.
        // "the second most expensive", "el segundo más caro" too.
        let superlative = toks
            .get(end)
            .is_some_and(|h| h.is_punct("-") && h.start == last.end)
            && toks
                .get(end + 1)
                .is_some_and(|w| w.lower.ends_with("est") || w.is("most") || w.is("least"))
            || toks.get(end).is_some_and(|w| {
                matches!(
                    w.lower.as_str(),
                    "most" | "least" | "más" | "menos" | "mejor" | "peor" | "mayor" | "menor"
                ) || has(&WORDS.number.superlatives, w.lower.as_str())
            });
        // "el segundo grupo más votado", "el tercer país más poblado": Spanish puts the
        // noun between the rank and its superlative.
        let superlative = superlative
            || ctx.lang == "es"
                && i > 0
                && matches!(
                    toks[i - 1].lower.as_str(),
                    "el" | "la" | "los" | "las" | "su"
                )
                && toks.get(end).is_some_and(|n| n.kind == TokKind::Word)
                && toks
                    .get(end + 1)
                    .is_some_and(|m| m.is("más") || m.is("menos"))
                && toks
                    .get(end + 2)
                    .is_some_and(|a| a.kind == TokKind::Word && !a.is("de"));
        // "the first 72 hours": the ordinal orders a span, the number is the figure.
        // "the first one" is an ordinal and a pronoun.
        let before_number = toks.get(end).is_some_and(|n| {
            n.kind == TokKind::Num || parse_words(toks, end).is_some_and(|w| !w.bare_one)
        });
        // "first proposed in 1998", "first reported by": an adverb before a participle.
        let adverb = t.lower == "first"
            && toks
                .get(end)
                .is_some_and(|p| p.kind == TokKind::Word && looks_like_verb(&p.lower, "en"))
            && LEXICON.unit_at(toks, end + 1).is_none();
        // "la Comisión Séptima del Senado": a capitalised ordinal after a name is part
        // of it.
        // So is one before a capitalised word: "la Quinta Vergara", "Fifth Avenue".
        let named = t.cap
            && !ctx.sentence_initial(i)
            && i > 0
            && (toks[i - 1].cap && toks[i - 1].kind == TokKind::Word
                || toks
                    .get(end)
                    .is_some_and(|n| n.cap && n.kind == TokKind::Word));
        // "a first-time buyer", "second-time offenders": a compound adjective.
        let compound = toks
            .get(end)
            .is_some_and(|h| h.is_punct("-") && h.start == toks[end - 1].end)
            && toks
                .get(end + 1)
                .is_some_and(|w| w.is("time") && w.start == toks[end].end);
        // "en el último cuarto", "the final third": after a rank, the word is a noun
        // (a quarter of a game, a part), not a rank itself.
        let after_rank = i > 0
            && (matches!(
                toks[i - 1].lower.as_str(),
                "último" | "última" | "penúltimo" | "penúltima" | "last" | "final"
            ) || toks[i - 1].kind == TokKind::Word && is_ordinal_word(&toks[i - 1].lower));
        // "400.000 euros por décimo", "por segundo": after "por"/"cada" with no noun,
        // the word is a noun (a lottery ticket, a second), not a rank.
        let noun_use = i > 0
            && matches!(toks[i - 1].lower.as_str(), "por" | "cada" | "per")
            && toks.get(end).is_none_or(|n| n.kind == TokKind::Punct);
        if idiom
            || after_number
            || superlative
            || before_number
            || adverb
            || named
            || compound
            || noun_use
            || after_rank
        {
            return Scan::Skip(end);
        }
        return Scan::Core(ordinal_core(i, end, n));
    }
    // "once" is English for "one time"; only a number in Spanish.
    if t.lower == "once" && ctx.lang == "en" {
        return Scan::Nothing;
    }
    let Some(w) = parse_words(toks, i) else {
        return Scan::Nothing;
    };
    // "a fifth Six Nations title", "the Three Gorges dam": a capitalised number word
    // inside a sentence, before another capitalised word, is part of a name.
    if t.cap
        && !ctx.sentence_initial(i)
        && toks
            .get(w.end)
            .is_some_and(|n| n.kind == TokKind::Word && n.cap && n.start > toks[w.end - 1].end)
    {
        return Scan::Skip(w.end + 1);
    }
    Scan::Core(Core {
        scaled: w.value >= 1e3,
        bare_one: w.bare_one,
        ..number_core(i, w.end, Interval::exact(w.value), None)
    })
}

fn ordinal_core(start: usize, end: usize, n: f64) -> Core {
    Core {
        ordinal: true,
        ..number_core(start, end, Interval::exact(n), None)
    }
}

fn digit_core(ctx: &Ctx, i: usize) -> Scan {
    let toks = ctx.toks;
    if let Some(end) = trap(ctx, i) {
        return Scan::Skip(end);
    }
    let t = &toks[i];
    // Ordinal suffixes: "3rd", "21st", "3er", "1º", "1.ª", "11vo", "2da".
    if let Some(end) = ordinal_suffix(toks, i, ctx.lang == "es") {
        // "40,000th": thousands grouped in either convention.
        let n = t.lower.parse::<f64>().ok().or_else(|| {
            let digits: String = t
                .lower
                .chars()
                .filter(|c| !matches!(c, ',' | '.'))
                .collect();
            let grouped = t.lower.contains([',', '.']) && digits.len() >= 4;
            grouped.then(|| digits.parse::<f64>().ok()).flatten()
        });
        return match n {
            Some(n) => Scan::Core(ordinal_core(i, end, n)),
            None => Scan::Skip(end),
        };
    }
    // "2024-25", "2024–25": a fiscal year or a season, its second year written with
    // two digits.
    if let Some(y) = fiscal_year(toks, i) {
        return Scan::Core(Core {
            year: true,
            ..number_core(i, i + 3, Interval::closed(y, y + 1.0), None)
        });
    }
    // Decades: "1990s".
    if let Some(next) = toks
        .get(i + 1)
        .filter(|n| n.start == t.end && n.lower == "s")
        && t.lower.len() == 4
        && t.lower.ends_with('0')
        && let Ok(y) = t.lower.parse::<f64>()
    {
        let _ = next;
        return Scan::Core(Core {
            year: true,
            ..number_core(i, i + 2, Interval::closed(y, y + 9.0), None)
        });
    }
    // ".08", ",08": a decimal mark with no digits before it.
    let leading_mark = leading_decimal(ctx, i);
    let raw = if leading_mark {
        format!("0{}{}", toks[i - 1].lower, t.lower)
    } else {
        t.lower.clone()
    };
    let Some(mut v) = parse_digits(&raw, ctx.conv) else {
        return Scan::Skip(i + 1);
    };
    let mut first = if leading_mark { i - 1 } else { i };
    if first > 0 && is_negative(toks, first) {
        v = -v;
        first -= 1;
    }
    let mut plain =
        (!leading_mark && t.lower.chars().all(|c| c.is_ascii_digit())).then(|| t.lower.clone());
    // "3,400 millones", "unos 1,500 kilómetros" (Mexico): a decimal is not written
    // with a trailing zero ("3,4 millones"), so the separator groups thousands. Not in
    // English, where "4.800" is a decimal written to three places.
    if let Some(th) = thousands_reading(&t.lower)
        && th != v.abs()
        && t.lower.ends_with('0')
        && ctx.lang == "es"
    {
        v = th.copysign(v);
    }
    // "1e10", "1.3e6", "12.32e+14": scientific notation.
    let mut digits_end = i + 1;
    if let Some((exp, e)) = exponent_at(toks, i + 1) {
        v *= 10f64.powi(exp);
        digits_end = e;
        plain = None;
    }
    let (v, end, scaled) = apply_scales(toks, digits_end, v);
    // "4 thousand 3 hundred and 21": smaller groups after a spaced scale word.
    let (v, end) = match scale_at(toks, end - 1, false) {
        Some(s) if scaled && end > digits_end && toks[end - 1].start > toks[end - 2].end => {
            lower_groups(toks, end, v, s)
        }
        _ => (v, end),
    };
    let (v, end, multiplied) = match multiplier_at(toks, end) {
        Some((m, e)) => (v * m, e, true),
        None => (v, end, false),
    };
    // The figure's text starts at the minus sign or the leading mark.
    let mut core = number_core(first, end, Interval::exact(v), plain);
    core.scaled = scaled;
    core.thousands = thousands_reading(&t.lower).filter(|&th| !scaled && th != v);
    if scaled || multiplied {
        core.plain_digits = None;
    }
    Scan::Core(core)
}

const DECADES_OF_LIFE: [&str; 8] = [
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// Words that start a reading without being number, ordinal, month or vague words:
/// articles standing for one ("a dozen", "un año", "la mitad"), halves and
/// quarters, signs in words and multiples. See [`may_start`].
const OTHER_STARTS: &[&str] = &[
    "a",
    "an",
    "un",
    "una",
    "la",
    "half",
    "quarter",
    "medio",
    "media",
    "minus",
    "negative",
    "menos",
    "once",
    "twice",
    "thrice",
    "double",
    "doble",
    "triple",
    "treble",
    "cuádruple",
    "quadruple",
    "twofold",
    "threefold",
    "fourfold",
    "fivefold",
    "tenfold",
    "hundredfold",
    // "several hundred", "varios millones", "unos cuantos miles" (`several_at`).
    "several",
    "varios",
    "varias",
    "unos",
    "unas",
];

/// Can anything be read starting at token `t`? Every stage tried at a word
/// (`days::dates_at`, [`noun_ordinal`], [`scan_core`]) first asks for a month, a
/// number word, an ordinal word, a vague quantity, a decade of a life or one of
/// `OTHER_STARTS` there; other words (most of any text) are passed over unread.
/// Digits and signs are always tried.
pub(super) fn may_start(t: &Tok) -> bool {
    if t.kind != TokKind::Word {
        return true;
    }
    // The answer depends on the word and its capital only, and the same words recur
    // through a text: each is worked out once per thread.
    thread_local! {
        static SEEN: RefCell<WordMap<String, [Option<bool>; 2]>> = RefCell::default();
    }
    let cap = usize::from(t.cap);
    if let Some(known) = SEEN.with(|s| s.borrow().get(t.lower.as_str()).and_then(|v| v[cap])) {
        return known;
    }
    let answer = word_may_start(t);
    SEEN.with(|s| {
        let mut s = s.borrow_mut();
        // Bounded: a long-running process reading many texts starts afresh.
        if s.len() > 200_000 {
            s.clear();
        }
        s.entry(t.lower.clone()).or_default()[cap] = Some(answer);
    });
    answer
}

fn word_may_start(t: &Tok) -> bool {
    let w = t.lower.as_str();
    OTHER_STARTS.contains(&w)
        || dates::month(t).is_some()
        || is_number_word(w)
        || is_ordinal_word(w)
        || qualifiers::starts_vague(w)
        || DECADES_OF_LIFE.contains(&w)
        || is_vulgar(w)
}

/// "2024-25": the first year, when the two digits glued after a dash or a slash are
/// the next year's last two.
fn fiscal_year(toks: &[Tok], i: usize) -> Option<f64> {
    let t = &toks[i];
    let y: u32 = t
        .lower
        .parse()
        .ok()
        .filter(|y| t.lower.len() == 4 && (1900..2100).contains(y))?;
    let sep = toks
        .get(i + 1)
        .filter(|s| s.is_punct("-–/") && s.start == t.end)?;
    let next = toks
        .get(i + 2)
        .filter(|n| n.kind == TokKind::Num && n.start == sep.end && n.lower.len() == 2)?;
    (next.lower.parse::<u32>().ok()? == (y + 1) % 100).then_some(f64::from(y))
}

/// "in her 80s", "in his early forties", "their late 20s": a decade of a person's
/// life, the ages from its first year up to the next decade.
fn age_decade(toks: &[Tok], i: usize) -> Option<Core> {
    let t = &toks[i];
    let (tens, end) = match t.kind {
        TokKind::Num => {
            let s = toks
                .get(i + 1)
                .filter(|n| n.start == t.end && n.lower == "s")?;
            let _ = s;
            let v: f64 = t.lower.parse().ok().filter(|_| t.lower.len() == 2)?;
            (v, i + 2)
        }
        _ => {
            let k = DECADES_OF_LIFE.iter().position(|w| t.is(w))?;
            (20.0 + 10.0 * k as f64, i + 1)
        }
    };
    if tens < 10.0 || tens % 10.0 != 0.0 {
        return None;
    }
    let mut k = i.checked_sub(1)?;
    if matches!(toks[k].lower.as_str(), "early" | "mid" | "late") {
        k = k.checked_sub(1)?;
    }
    let owner = matches!(
        toks[k].lower.as_str(),
        "his" | "her" | "their" | "my" | "your" | "our"
    ) && k > 0
        && toks[k - 1].is("in");
    owner.then(|| Core {
        age_decade: true,
        ..number_core(
            i,
            end,
            Interval {
                hi_strict: true,
                ..Interval::closed(tens, tens + 10.0)
            },
            None,
        )
    })
}

fn number_core(start: usize, end: usize, value: Interval, plain: Option<String>) -> Core {
    Core {
        start,
        end,
        value,
        plain_digits: plain,
        ordinal: false,
        vague: false,
        scaled: false,
        bare_one: false,
        year: false,
        fraction: false,
        thousands: None,
        multiple: false,
        approx: false,
        point_share: false,
        age_decade: false,
    }
}

/// "1,200" or "1.200": one separator and three digits after it, so the digits
/// alone cannot say whether it groups thousands. The thousands reading.
fn thousands_reading(raw: &str) -> Option<f64> {
    let (a, b) = raw.split_once([',', '.'])?;
    let ok = b.len() == 3
        && !a.is_empty()
        && a.len() <= 3
        && a != "0"
        && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit());
    ok.then(|| format!("{a}{b}").parse().ok()).flatten()
}

/// ".08" (",08" in comma-decimal copy): the article's decimal mark glued before the
/// digits with nothing glued before it, as in "a blood alcohol level of .08". Not the
/// full stop of "in 2019.08" or "No.08".
fn leading_decimal(ctx: &Ctx, i: usize) -> bool {
    let toks = ctx.toks;
    let Some(mark) = i.checked_sub(1).map(|k| &toks[k]) else {
        return false;
    };
    let decimal = match ctx.conv {
        Convention::DotDecimal => ".",
        Convention::CommaDecimal => ",",
    };
    mark.is_punct(decimal)
        && mark.end == toks[i].start
        && (i < 2 || toks[i - 2].end != mark.start || toks[i - 2].is_punct("-−"))
        && toks[i].lower.chars().all(|c| c.is_ascii_digit())
}

/// "e10", "e+14", "e-1" glued after digits: (exponent, end).
pub(super) fn exponent_at(toks: &[Tok], j: usize) -> Option<(i32, usize)> {
    let e = toks
        .get(j)
        .filter(|e| e.is("e") && e.start == toks[j - 1].end)?;
    let mut k = j + 1;
    let mut sign = 1;
    if let Some(s) = toks.get(k).filter(|s| s.is_punct("+-") && s.start == e.end) {
        sign = if s.lower == "-" { -1 } else { 1 };
        k += 1;
    }
    let n = toks
        .get(k)
        .filter(|n| n.kind == TokKind::Num && n.start == toks[k - 1].end)?;
    let exp: i32 = n.lower.parse().ok().filter(|x: &i32| *x <= 300)?;
    Some((sign * exp, k + 1))
}

/// "-4": a minus sign glued to the number and not part of a range or identifier.
fn is_negative(toks: &[Tok], i: usize) -> bool {
    let Some(minus) = i.checked_sub(1).map(|k| &toks[k]) else {
        return false;
    };
    if !minus.is_punct("-−") {
        return false;
    }
    // "convertir - 20 grados": a spaced minus after a word, before degrees; elsewhere
    // a spaced dash sets off a clause or joins a range.
    let spaced_degrees = minus.end != toks[i].start
        && i >= 2
        && toks[i - 2].kind == TokKind::Word
        && LEXICON
            .unit_at(toks, i + 1)
            .is_some_and(|u| LEXICON.related(&u.entry.key, "degree"));
    // Glued to what comes before, the dash joins ("10-20"), unless that is a sign of
    // comparison ("<-30") or an opening bracket ("(-1,1 %)").
    let joined = i >= 2 && toks[i - 2].end == minus.start && !toks[i - 2].is_punct("<>=([");
    (minus.end == toks[i].start || spaced_degrees) && !joined
}

/// Spanish ordinal abbreviations, the last letters of the word: "2da" (segunda),
/// "5to" (quinto), "7mo" (séptimo), "11vo" (undécimo), "9no", "21avo". Spanish
/// only: "6mo" is six months in English.
const SUFFIXES_ES: &[&str] = &[
    "do", "da", "to", "ta", "mo", "ma", "vo", "va", "no", "na", "avo", "ava", "ero", "era",
];

/// Adjacent ordinal suffix after digits: the end index.
fn ordinal_suffix(toks: &[Tok], i: usize, spanish: bool) -> Option<usize> {
    let t = &toks[i];
    let mut j = i + 1;
    // "1.º": a dot between the digits and the indicator.
    if toks
        .get(j)
        .is_some_and(|d| d.is_punct(".") && d.start == t.end)
        && toks
            .get(j + 1)
            .is_some_and(|s| matches!(s.lower.as_str(), "º" | "ª" | "o" | "a"))
    {
        j += 1;
    }
    let s = toks.get(j).filter(|s| s.start == toks[j - 1].end)?;
    let ok = matches!(
        s.lower.as_str(),
        "st" | "nd" | "rd" | "th" | "er" | "º" | "ª" | "°" | "o" | "a" | "os" | "as" | "ra" | "ro"
    );
    let ok = ok || spanish && SUFFIXES_ES.contains(&s.lower.as_str());
    // "37ºC": a degree sign before its scale is no ordinal indicator.
    let scale = matches!(s.lower.as_str(), "º" | "°")
        && LEXICON.unit_at(toks, j).is_some_and(|m| m.end > j + 1);
    (ok && s.lower != "°" && !scale).then_some(j + 1)
}

/// "more than double the record", "el doble de la media", "up tenfold", "a 3-fold
/// rise": a multiple, counted in times. "Double" and "triple" are adjectives too ("a
/// double murder", "doble nacionalidad"), so they need "el" before them, or a
/// qualifier, or "the"/"de"/"que" after them.
fn multiple_core(toks: &[Tok], i: usize) -> Option<Core> {
    let t = &toks[i];
    let prev = i.checked_sub(1).map_or("", |k| toks[k].lower.as_str());
    let next = toks.get(i + 1).map_or("", |n| n.lower.as_str());
    let fold = match t.lower.as_str() {
        "twofold" => Some(2.0),
        "threefold" => Some(3.0),
        "fourfold" => Some(4.0),
        "fivefold" => Some(5.0),
        "tenfold" => Some(10.0),
        "hundredfold" => Some(100.0),
        _ => None,
    };
    // "scored twice", "thrice": adverbs, always a number of times.
    let adverb = match t.lower.as_str() {
        "twice" => Some(2.0),
        "thrice" => Some(3.0),
        _ => None,
    };
    let word = match t.lower.as_str() {
        "double" | "doble" => Some(2.0),
        "triple" | "treble" => Some(3.0),
        "cuádruple" | "quadruple" => Some(4.0),
        _ => None,
    };
    let framed = matches!(prev, "el" | "than" | "nearly" | "almost" | "casi" | "about")
        || matches!(
            next,
            "the" | "de" | "del" | "que" | "as" | "that" | "what" | "lo"
        );
    // "plans to double the budget": the verb, not a stated multiple.
    let verb_before = matches!(
        prev,
        "to" | "will" | "would" | "could" | "can" | "may" | "might" | "should" | "did" | "not"
    );
    let verb_after = verb_before
        || toks
            .get(i + 1)
            .is_some_and(|n| n.kind == TokKind::Word && n.lower.ends_with("ed"));
    let v = fold.or(adverb).or(word.filter(|_| framed && !verb_after))?;
    Some(Core {
        multiple: true,
        ..number_core(i, i + 1, Interval::exact(v), None)
    })
}

/// Step: "1,200" in a comma-decimal article was read as 1.2; "1,200 desaparecidos"
/// counts people, who come whole, so the separator groups thousands. So it does in
/// "un bono de 3,000 pesos": money has two decimals at most.
pub(super) fn regroup_thousands(d: &mut Draft) {
    if let Some(th) = d.core.thousands
        && d.range_start.is_none()
        && (d.kind == Kind::Count && whole_count(&d.up) || d.kind == Kind::Money && !d.core.scaled)
    {
        d.value = Interval::exact(th);
    }
}
