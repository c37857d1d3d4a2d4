//! Figures: numbers with their qualifier, kind, unit and source.
//!
//! One left-to-right pass over the tokens. At each token it tries, in order, a
//! date, then a number "core" (a share such as "one in five", digits, number words,
//! a vague plural, an ordinal); a core then grows a range, a scale, a qualifier, a
//! currency and a unit phrase. Numbers that are part of names or identifiers are
//! skipped (see [`trap`]), and so are lines of page furniture ("Updated 14:32 GMT")
//! and counts that only say who spoke ("two officials said").
//!
//! A number with no noun of its own takes one, in this order: the noun of the number
//! it is paired with ("5 to 7 pesos", "200 of the 1,500 residents"), the subject of a
//! verb of change ("the staff grew from 49 to 86"), the noun of the figure before
//! ("52 votes to 48").

use std::cell::OnceCell;

use super::dates;
use super::fractions;
use super::lang::is_function_word;
use super::numbers::{Convention, parse_digits, parse_words};
use super::qualifiers::{self, Qualifier};
use super::speech::find_source;
use super::tokens::{Tok, TokKind};
use super::types::{Figure, Interval, Kind};
use super::units::{LEXICON, Unit, UnitKind, crude_singular};

/// What the figure pass needs to know about the article.
pub(crate) struct Ctx<'a> {
    /// `Article::text()`.
    pub text: &'a str,
    /// Its tokens.
    pub toks: &'a [Tok],
    /// Sentence byte ranges.
    pub sentences: &'a [(usize, usize)],
    /// Sentence index of each token.
    pub tok_sentence: Vec<usize>,
    /// "en" or "es".
    pub lang: &'static str,
    /// The article's decimal convention.
    pub conv: Convention,
    /// Year for dates written without one (from the publication date), if known.
    pub year: Option<i32>,
    /// Byte ranges where numbers are not figures (URLs, e-mail addresses).
    pub excluded: Vec<(usize, usize)>,
    /// Per-sentence facts, computed once so a long sentence full of numbers stays
    /// linear.
    pub cache: SentenceCache,
}

/// Facts about each sentence that several figures in it ask for.
pub(crate) struct SentenceCache {
    /// First token index of each sentence.
    first_tok: Vec<usize>,
    /// The source each sentence names, once looked up.
    source: Vec<OnceCell<Option<String>>>,
}

impl SentenceCache {
    /// An empty cache for `n` sentences, given each token's sentence.
    pub fn new(tok_sentence: &[usize], n: usize) -> SentenceCache {
        let mut first_tok = vec![usize::MAX; n];
        for (i, &s) in tok_sentence.iter().enumerate() {
            if let Some(f) = first_tok.get_mut(s) {
                *f = (*f).min(i);
            }
        }
        SentenceCache {
            first_tok,
            source: (0..n).map(|_| OnceCell::new()).collect(),
        }
    }
}

impl Ctx<'_> {
    /// Is token `i` the first word of its sentence (ignoring opening punctuation)?
    fn sentence_initial(&self, i: usize) -> bool {
        let s = self.tok_sentence[i];
        (0..i)
            .rev()
            .take_while(|&k| self.tok_sentence[k] == s)
            .all(|k| self.toks[k].kind == TokKind::Punct)
    }

    /// First token index of sentence `s` (`from` is a token inside it).
    fn sentence_first_tok(&self, s: usize, from: usize) -> usize {
        self.cache
            .first_tok
            .get(s)
            .copied()
            .filter(|&f| f <= from)
            .unwrap_or(from)
    }

    fn sentence_text(&self, i: usize) -> String {
        self.sentences
            .get(self.tok_sentence[i])
            .map(|&(a, b)| self.text[a..b].to_string())
            .unwrap_or_default()
    }

    /// Tokens of sentence `s` (a slice of `toks`).
    fn sentence_toks(&self, s: usize) -> &[Tok] {
        let a = self.tok_sentence.partition_point(|&x| x < s);
        let b = self.tok_sentence.partition_point(|&x| x <= s);
        &self.toks[a..b]
    }
}

/// Assigns each token the index of the sentence containing its start.
pub(crate) fn sentence_of_tokens(toks: &[Tok], sentences: &[(usize, usize)]) -> Vec<usize> {
    let mut s = 0;
    toks.iter()
        .map(|t| {
            while s + 1 < sentences.len() && sentences[s].1 <= t.start {
                s += 1;
            }
            s
        })
        .collect()
}

/// A number before its qualifier and unit are read.
#[derive(Debug, Clone)]
struct Core {
    start: usize,
    end: usize,
    value: Interval,
    /// Written as one plain digit run with no separators (year candidate).
    plain_digits: Option<String>,
    ordinal: bool,
    vague: bool,
    scaled: bool,
    /// A bare "one"/"uno"/"una": a figure only before a known unit.
    bare_one: bool,
    /// Explicit year interval ("1990s").
    year: bool,
    /// A share of a group ("a third of"), in percent.
    fraction: bool,
    /// A multiple ("double", "el triple", "tenfold"): counts times.
    multiple: bool,
    /// A collective numeral that only approximates its value ("una veintena"):
    /// "about" unless another qualifier bounds it.
    approx: bool,
    /// The value read with the separator as a thousands mark, when the digits are
    /// ambiguous ("1,200" in a comma-decimal article) and were read as decimals.
    thousands: Option<f64>,
}

enum Scan {
    Core(Core),
    Skip(usize),
    Nothing,
}

/// How many tokens back a verb of change may stand from the number it governs.
const LOOK_BACK: usize = 12;

/// Reads every figure of the article.
pub(crate) fn extract(ctx: &Ctx) -> Vec<Figure> {
    let mut figs: Vec<(Figure, usize)> = Vec::new();
    // Per sentence, the token index where reporting starts after page furniture (0
    // for a sentence of reporting).
    let furniture: Vec<usize> = (0..ctx.sentences.len())
        .map(|s| {
            let toks = ctx.sentence_toks(s);
            let offset = ctx.tok_sentence.partition_point(|&x| x < s);
            if is_furniture(toks) {
                offset + reporting_after(toks)
            } else {
                0
            }
        })
        .collect();
    let mut i = 0;
    while i < ctx.toks.len() {
        let t = &ctx.toks[i];
        if i < furniture[ctx.tok_sentence[i]]
            || ctx
                .excluded
                .iter()
                .any(|&(a, b)| t.start >= a && t.start < b)
        {
            i += 1;
            continue;
        }
        // "entre el 28 y el 30 de noviembre", "between 3 and 6 February": one span.
        if let Some((fig, end)) = day_span(ctx, i) {
            figs.push((fig, end));
            i = end;
            continue;
        }
        // "los días 22 y 23 de agosto", "los días 17, 18, 24 y 25 de noviembre": a
        // day before a full date shares its month.
        if let Some(day) = paired_day(ctx.toks, i)
            && let last = day_list_last(ctx.toks, i)
            && last > i
            && let Some(d) = dates::date_at(ctx.toks, last, ctx.year)
            && let Some(v) = d.value.lo.filter(|_| d.value.is_exact())
        {
            let value = Interval::exact(v - v % 100.0 + day);
            figs.push((plain_figure(ctx, i, i + 1, value, Kind::Date), i + 1));
            i += 1;
            continue;
        }
        // "la calle 5 de Mayo", "Avenida 16 de Septiembre": a street named by a date.
        let street = i > 0
            && matches!(
                ctx.toks[i - 1].lower.as_str(),
                "calle"
                    | "avenida"
                    | "av"
                    | "avda"
                    | "plaza"
                    | "colonia"
                    | "street"
                    | "avenue"
                    | "paseo"
                    | "boulevard"
                    | "bulevar"
                    | "puente"
                    | "estación"
                    | "estacion"
            );
        if street && ctx.toks[i].kind == TokKind::Num {
            i = dates::date_at(ctx.toks, i, ctx.year).map_or(i + 1, |d| d.end);
            continue;
        }
        if let Some(mut d) = dates::date_at(ctx.toks, i, ctx.year)
            .or_else(|| dates::bare_month(ctx.toks, i, ctx.year))
        {
            // Only with a year known from the article (dates are `yyyymmdd`).
            if year_before(ctx.toks, &d) && d.value.lo.is_some_and(|v| v >= 1e7) {
                d.value = shift_year(d.value, -1.0);
            }
            let fig = plain_figure(ctx, d.start, d.end, d.value, Kind::Date);
            figs.push((fig, d.end));
            i = d.end;
            // "on August 22 and 23", "August 22, 23 and 24": later days of the same
            // month.
            while let Some(v) = d.value.lo.filter(|_| d.value.is_exact())
                && ctx.toks[i - 1].kind == TokKind::Num
                && ctx.toks.get(i).is_some_and(|c| {
                    c.is_punct(",") || matches!(c.lower.as_str(), "and" | "or" | "&" | "y" | "o")
                })
                && let Some(day) = paired_day(ctx.toks, i + 1)
            {
                let value = Interval::exact(v - v % 100.0 + day);
                let fig = plain_figure(ctx, i + 1, i + 2, value, Kind::Date);
                figs.push((fig, i + 2));
                i += 2;
            }
            continue;
        }
        if let Some(fig) = noun_ordinal(ctx, i) {
            figs.push((fig, i + 1));
            i += 1;
            continue;
        }
        match scan_core(ctx, i) {
            Scan::Core(core) => {
                let end = core.end;
                match build(ctx, core, &figs) {
                    Some((fig, fig_end)) => {
                        figs.push((fig, fig_end));
                        i = fig_end.max(end);
                    }
                    None => i = end,
                }
            }
            Scan::Skip(end) => i = end.max(i + 1),
            Scan::Nothing => i += 1,
        }
    }
    figs.into_iter().map(|(f, _)| f).collect()
}

/// A bare day of the month at `i` (1–31, no noun after it): its value.
fn paired_day(toks: &[Tok], i: usize) -> Option<f64> {
    let day = day_number(toks, i)?;
    // "17, 18, 24 y 25 de noviembre": a comma goes on to the next day of a list.
    let listed = toks.get(i + 1).is_some_and(|c| c.is_punct(","))
        && day_number(toks, i + 2).is_some()
        && day_list_last(toks, i) > i + 2;
    // Before a date, the day must be joined to it: "22 y 23 de agosto".
    let joined = toks
        .get(i + 1)
        .is_some_and(|c| matches!(c.lower.as_str(), "and" | "or" | "&" | "y" | "o" | "e"));
    let after_joiner = i > 0
        && matches!(
            toks[i - 1].lower.as_str(),
            "and" | "or" | "&" | "y" | "o" | "e"
        );
    (joined || after_joiner || listed).then_some(day)
}

/// "on 3 March last year", "el 3 de marzo del año pasado": a date written without
/// its year falls in the year before the article's.
fn year_before(toks: &[Tok], d: &dates::DateMatch) -> bool {
    let explicit =
        (d.start..d.end).any(|k| toks[k].kind == TokKind::Num && toks[k].lower.len() == 4);
    let phrase = |p: &str| qualifiers::match_phrase(toks, d.end, p).is_some();
    !explicit && (phrase("last year") || phrase("del año pasado") || phrase("el año pasado"))
}

/// Moves a `yyyymmdd` interval by whole years.
fn shift_year(v: Interval, years: f64) -> Interval {
    let by = |b: Option<f64>| b.map(|x| x + years * 10_000.0);
    Interval {
        lo: by(v.lo),
        hi: by(v.hi),
        ..v
    }
}

/// "entre el 28 y el 30 de noviembre", "between 3 and 6 February": a span of days in
/// one month, as one date interval. Starts at the first day; (figure, end index).
fn day_span(ctx: &Ctx, i: usize) -> Option<(Figure, usize)> {
    let toks = ctx.toks;
    let article = |k: usize| toks.get(k).is_some_and(|a| a.is("el") || a.is("the"));
    let mut intro = i.checked_sub(1)?;
    if article(intro) {
        intro = intro.checked_sub(1)?;
    }
    if !(toks[intro].is("between") || toks[intro].is("entre")) {
        return None;
    }
    let first = day_number(toks, i)?;
    let joiner = toks.get(i + 1)?;
    if !(joiner.is("and") || joiner.is("y")) {
        return None;
    }
    let k = i + 2 + usize::from(article(i + 2));
    day_number(toks, k)?;
    let d = dates::date_at(toks, k, ctx.year)?;
    let last = d.value.lo.filter(|_| d.value.is_exact())?;
    let lo = last - last % 100.0 + first;
    (lo < last).then(|| {
        let fig = plain_figure(ctx, intro, d.end, Interval::closed(lo, last), Kind::Date);
        (fig, d.end)
    })
}

/// A day of the month written alone, not counting a noun after it.
fn day_number(toks: &[Tok], i: usize) -> Option<f64> {
    let t = toks.get(i).filter(|t| t.kind == TokKind::Num)?;
    let day = t
        .lower
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    LEXICON
        .unit_at(toks, i + 1)
        .is_none()
        .then_some(f64::from(day))
}

/// The last day of a list of days starting at `i` ("17, 18, 24 y 25"): its index.
fn day_list_last(toks: &[Tok], i: usize) -> usize {
    let mut k = i;
    while toks.get(k + 1).is_some_and(|c| c.is_punct(",")) && day_number(toks, k + 2).is_some() {
        k += 2;
    }
    if toks
        .get(k + 1)
        .is_some_and(|c| matches!(c.lower.as_str(), "and" | "or" | "&" | "y" | "o" | "e"))
        && day_number(toks, k + 2).is_some()
    {
        k += 2;
    }
    k
}

/// In a furniture line, where reporting joined to it starts ("Updated 10:42 GMT · 3
/// min read — Opposition leader Samira Haddad was released after 11 days"): after
/// the last separator followed by a capitalised clause of six words or more that
/// is no furniture itself. The line's length when there is none.
fn reporting_after(toks: &[Tok]) -> usize {
    (0..toks.len())
        .rev()
        .filter(|&k| toks[k].is_punct("—–|·•"))
        .find(|&k| {
            let rest = &toks[k + 1..];
            rest.iter().filter(|t| t.kind == TokKind::Word).count() >= 6
                && rest.first().is_some_and(|w| w.cap)
                && !is_furniture(rest)
        })
        .map_or(toks.len(), |k| k + 1)
}

/// Lines of page furniture rather than reporting: "Updated 14:32 GMT", "Read
/// more: ...", "5 min read", "1,204 shares", "Comentarios (37)".
fn is_furniture(toks: &[Tok]) -> bool {
    const OPENERS: &[&str] = &[
        "updated",
        "posted",
        "published",
        "last updated",
        "read more",
        "related",
        "see also",
        "actualizado",
        "publicado",
        "lee también",
        "leer más",
        "te puede interesar",
        "ver también",
    ];
    const WORDS: &[&str] = &[
        "shares",
        "share",
        "comments",
        "comment",
        "views",
        "likes",
        "min",
        "mins",
        "minute",
        "minutes",
        "read",
        "reading",
        "comentarios",
        "comentario",
        "compartir",
        "compartidos",
        "lectura",
        "de",
        "visitas",
        "vistas",
        "lecturas",
        // Galleries: "Fotos: 12 imágenes", "Video (2:45)".
        "fotos",
        "photos",
        "imágenes",
        "imagenes",
        "images",
        "pictures",
        "vídeo",
        "video",
        "galería",
        "gallery",
    ];
    let Some(first) = toks.iter().position(|t| t.kind != TokKind::Punct) else {
        return false;
    };
    // "Updated 14:32 GMT", "Posted at 09:15", "Actualizado el 23/09": the opener is
    // followed by a time, a colon or a preposition ("Updated figures show" is news).
    // A byline strip ("By Jane Doe | Published 07:45 BST") sets its fields off with
    // bars or dots, so an opener may also start any field.
    let field_starts = std::iter::once(first).chain(
        toks.iter()
            .enumerate()
            .filter(|(_, t)| ["|", "·", "•"].iter().any(|p| t.is_punct(p)))
            .map(|(k, _)| k + 1),
    );
    for start in field_starts {
        let opened = OPENERS
            .iter()
            .find_map(|p| qualifiers::match_phrase(toks, start, p));
        if let Some(end) = opened
            && toks.get(end).is_none_or(|t| {
                t.kind == TokKind::Num
                    || t.is_punct(":")
                    || matches!(t.lower.as_str(), "at" | "on" | "el" | "a" | "hace" | "hoy")
            })
        {
            return true;
        }
    }
    // "Follow us on Twitter | 2 comments": any field of a strip may be the counter.
    toks.split(|t| ["|", "·", "•"].iter().any(|p| t.is_punct(p)))
        .any(|field| {
            let words: Vec<&Tok> = field.iter().filter(|t| t.kind == TokKind::Word).collect();
            let numbered = field.iter().any(|t| t.kind == TokKind::Num);
            !words.is_empty()
                && words.len() <= 4
                && words.iter().all(|w| WORDS.contains(&w.lower.as_str()))
                && (numbered || field.len() == toks.len())
        })
}

/// Nouns that number an event in sequence: "minuto 89" is the 89th minute.
const ORDINAL_NOUNS: &[&str] = &["minute", "minuto"];

/// "en el minuto 89": an ordinal whose noun comes first.
fn noun_ordinal(ctx: &Ctx, i: usize) -> Option<Figure> {
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
    if !(numbered || ORDINAL_NOUNS.contains(&noun.lower.as_str()))
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

/// A figure with no unit (dates, years).
fn plain_figure(ctx: &Ctx, a: usize, b: usize, value: Interval, kind: Kind) -> Figure {
    let span = [ctx.toks[a].start, ctx.toks[b - 1].end];
    Figure {
        text: ctx.text[span[0]..span[1]].to_string(),
        value,
        kind,
        unit: String::new(),
        unit_key: String::new(),
        modifiers: Vec::new(),
        currency: None,
        span,
        sentence: ctx.sentence_text(a),
        attribution: attribution(ctx, a),
    }
}

fn attribution(ctx: &Ctx, i: usize) -> Option<String> {
    let s = ctx.tok_sentence[i];
    let find = || {
        find_source(ctx.text, ctx.sentence_toks(s))
            .filter(|src| !src.pronoun)
            .map(|src| src.text)
    };
    match ctx.cache.source.get(s) {
        Some(cell) => cell.get_or_init(find).clone(),
        None => find(),
    }
}

// ------------------------------------------------------------------ cores

/// English ordinal words.
const ORDINALS_EN: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// Spanish ordinal stems (masculine/feminine/plural endings added on lookup).
const ORDINALS_ES: &[&str] = &[
    "primer", "segund", "tercer", "cuart", "quint", "sext", "séptim", "octav", "noven", "décim",
];

fn ordinal_word(w: &str) -> Option<f64> {
    if let Some(p) = ORDINALS_EN.iter().position(|o| *o == w) {
        return Some(p as f64 + 1.0);
    }
    let ending = |stem: &str| {
        w.strip_prefix(stem)
            .is_some_and(|rest| matches!(rest, "o" | "a" | "os" | "as"))
    };
    // "undécimo título", "duodécima edición", "vigésimo aniversario".
    if let Some(v) = [
        ("undécim", 11.0),
        ("duodécim", 12.0),
        ("vigésim", 20.0),
        ("trigésim", 30.0),
    ]
    .iter()
    .find_map(|(stem, v)| ending(stem).then_some(*v))
    {
        return Some(v);
    }
    ORDINALS_ES
        .iter()
        .position(|stem| {
            w.strip_prefix(stem)
                .is_some_and(|rest| matches!(rest, "" | "o" | "a" | "os" | "as"))
                && !(*stem != "primer" && *stem != "tercer" && w == *stem)
        })
        .map(|p| p as f64 + 1.0)
}

/// Phrases where an ordinal word is part of a title or idiom, not a figure.
const ORDINAL_IDIOMS: &[&str] = &[
    "first lady",
    "first minister",
    "at first",
    "first of all",
    "primer ministro",
    "primera ministra",
    "primera dama",
    "de primera",
    "primera mano",
    "first hand",
    "first-hand",
    "segunda mano",
    "second hand",
    "cuarto de",
    // Knockout rounds: "octavos de final" is the last sixteen, not an eighth.
    "octavos de",
    "cuartos de",
    "dieciseisavos de",
    "de octavos",
    "de cuartos",
    "en octavos",
    "en cuartos",
];

fn scan_core(ctx: &Ctx, i: usize) -> Scan {
    let Some(t) = ctx.toks.get(i) else {
        return Scan::Nothing;
    };
    if let Some(sh) = fractions::share_at(ctx.toks, i, ctx.conv) {
        return Scan::Core(Core {
            fraction: true,
            ..number_core(sh.start, sh.end, Interval::exact(sh.percent), None)
        });
    }
    match t.kind {
        TokKind::Word => word_core(ctx, i),
        TokKind::Num => digit_core(ctx, i),
        TokKind::Punct => Scan::Nothing,
    }
}

fn word_core(ctx: &Ctx, i: usize) -> Scan {
    let toks = ctx.toks;
    let t = &toks[i];
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
    // "un 8 % más que hace un año" compares with a year ago just the same.
    let compared_then =
        i >= 2 && toks[i - 1].is("hace") && matches!(toks[i - 2].lower.as_str(), "que" | "than");
    let dated = compared_then
        || toks.get(i + 2).is_some_and(|w| {
            matches!(
                w.lower.as_str(),
                "earlier" | "ago" | "before" | "later" | "antes" | "después" | "atrás"
            )
        });
    if matches!(t.lower.as_str(), "a" | "an" | "un" | "una")
        && LEXICON
            .unit_at(toks, i + 1)
            .is_some_and(|u| u.entry.kind == UnitKind::Duration)
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
            hedged
                || matches!(
                    toks[k].lower.as_str(),
                    "for" | "over" | "within" | "than" | "after" | "hace" | "durante" | "tras"
                )
                || (toks[k].is("de") && more_less)
                // "dejaron 44 muertos en un mes, según": a span closing its clause.
                || (toks[k].is("en")
                    && toks.get(i + 2).is_none_or(|n| {
                        n.kind == TokKind::Punct || n.is("según")
                    }))
        })
    {
        return Scan::Core(number_core(i, i + 1, Interval::exact(1.0), None));
    }
    if let Some(core) = multiple_core(toks, i) {
        return Scan::Core(core);
    }
    // "by a quarter of a point", "half of a percentage point": a share of a point.
    if matches!(t.lower.as_str(), "quarter" | "half")
        && toks.get(i + 1).is_some_and(|o| o.is("of"))
        && toks.get(i + 2).is_some_and(|a| a.is("a"))
        && toks
            .get(i + 3)
            .is_some_and(|p| p.is("point") || p.is("percentage"))
    {
        let v = if t.lower == "quarter" { 0.25 } else { 0.5 };
        return Scan::Core(number_core(i, i + 3, Interval::exact(v), None));
    }
    // "a quarter-point", "a half-point": a share of a percentage point.
    if matches!(t.lower.as_str(), "quarter" | "half")
        && toks
            .get(i + 1)
            .is_some_and(|h| h.is_punct("-") && h.start == t.end)
        && toks.get(i + 2).is_some_and(|p| p.is("point"))
    {
        let v = if t.lower == "quarter" { 0.25 } else { 0.5 };
        return Scan::Core(number_core(i, i + 1, Interval::exact(v), None));
    }
    // "half a percentage point", "medio punto porcentual", "media hora".
    if matches!(t.lower.as_str(), "half" | "medio" | "media") {
        let k = if toks.get(i + 1).is_some_and(|a| a.is("a") || a.is("an")) {
            i + 2
        } else {
            i + 1
        };
        if LEXICON.unit_at(toks, k).is_some() && (k == i + 2 || t.lower != "half") {
            return Scan::Core(number_core(i, k, Interval::exact(0.5), None));
        }
    }
    if let Some(n) = ordinal_word(&t.lower) {
        let idiom = ORDINAL_IDIOMS.iter().any(|p| {
            let n_words = p.split(' ').count();
            (i.saturating_sub(n_words - 1)..=i)
                .any(|s| qualifiers::match_phrase(toks, s, p).is_some_and(|e| e > i))
        });
        let after_number = i > 0 && toks[i - 1].kind == TokKind::Num;
        // "second-highest": a rank among superlatives, not a count of anything.
        // "the second most expensive", "el segundo más caro" too.
        let superlative = toks
            .get(i + 1)
            .is_some_and(|h| h.is_punct("-") && h.start == t.end)
            && toks.get(i + 2).is_some_and(|w| w.lower.ends_with("est"))
            || toks
                .get(i + 1)
                .is_some_and(|w| matches!(w.lower.as_str(), "most" | "least" | "más" | "menos"));
        // "the first 72 hours": the ordinal orders a span, the number is the figure.
        let before_number = toks
            .get(i + 1)
            .is_some_and(|n| n.kind == TokKind::Num || parse_words(toks, i + 1).is_some());
        // "first proposed in 1998", "first reported by": an adverb before a participle.
        let adverb = t.lower == "first"
            && toks
                .get(i + 1)
                .is_some_and(|p| p.kind == TokKind::Word && looks_like_verb(&p.lower, "en"))
            && LEXICON.unit_at(toks, i + 2).is_none();
        // "la Comisión Séptima del Senado": a capitalised ordinal after a name is part
        // of it.
        let named = t.cap
            && !ctx.sentence_initial(i)
            && i > 0
            && toks[i - 1].cap
            && toks[i - 1].kind == TokKind::Word;
        if idiom || after_number || superlative || before_number || adverb || named {
            return Scan::Skip(i + 1);
        }
        return Scan::Core(ordinal_core(i, i + 1, n));
    }
    // "once" is English for "one time"; only a number in Spanish.
    if t.lower == "once" && ctx.lang == "en" {
        return Scan::Nothing;
    }
    let Some(w) = parse_words(toks, i) else {
        return Scan::Nothing;
    };
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

/// Scale words after a number: (multiplier, token count).
fn scale_at(toks: &[Tok], j: usize, glued: bool) -> Option<f64> {
    let t = toks.get(j)?;
    if t.kind != TokKind::Word {
        return None;
    }
    let w = t.lower.as_str();
    let spaced = match w {
        "thousand" | "mil" => Some(1e3),
        "million" | "millions" | "millón" | "millon" | "millones" => Some(1e6),
        "billion" | "billions" => Some(1e9),
        "trillion" | "billón" | "billones" => Some(1e12),
        _ => None,
    };
    let suffix = match w {
        "k" => Some(1e3),
        "m" | "mn" | "mln" => Some(1e6),
        "bn" | "b" | "mdd" => Some(1e9),
        "tn" | "trn" => Some(1e12),
        _ => None,
    };
    // "mdd"/"mmdd" are Mexican shorthand for millions of dollars; keep bn/m glued only.
    if glued {
        suffix.or(spaced)
    } else {
        spaced.or(suffix.filter(|_| w != "m" && w != "b"))
    }
}

fn digit_core(ctx: &Ctx, i: usize) -> Scan {
    let toks = ctx.toks;
    if let Some(end) = trap(ctx, i) {
        return Scan::Skip(end);
    }
    let t = &toks[i];
    // Ordinal suffixes: "3rd", "21st", "3er", "1º", "1.ª".
    if let Some(end) = ordinal_suffix(toks, i) {
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
    let Some(mut v) = parse_digits(&t.lower, ctx.conv) else {
        return Scan::Skip(i + 1);
    };
    if is_negative(toks, i) {
        v = -v;
    }
    let plain = t
        .lower
        .chars()
        .all(|c| c.is_ascii_digit())
        .then(|| t.lower.clone());
    // "3,400 millones", "unos 1,500 kilómetros" (Mexico): a decimal is not written
    // with a trailing zero ("3,4 millones"), so the separator groups thousands.
    if let Some(th) = thousands_reading(&t.lower)
        && th != v.abs()
        && t.lower.ends_with('0')
    {
        v = th.copysign(v);
    }
    let (v, end, scaled) = apply_scales(toks, i + 1, v);
    // The figure's text starts at the minus sign.
    let start = if v < 0.0 { i - 1 } else { i };
    let mut core = number_core(start, end, Interval::exact(v), plain);
    core.scaled = scaled;
    core.thousands = thousands_reading(&t.lower).filter(|&th| !scaled && th != v);
    if scaled {
        core.plain_digits = None;
    }
    Scan::Core(core)
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

/// Multiplies by following scale words ("1.5 million", "2 mil millones", "3bn").
fn apply_scales(toks: &[Tok], mut j: usize, mut v: f64) -> (f64, usize, bool) {
    let mut scaled = false;
    // "a 567-million-kilometre journey": a hyphen glued on both sides before the scale.
    if toks
        .get(j)
        .is_some_and(|h| h.is_punct("-") && h.start == toks[j - 1].end)
        && toks
            .get(j + 1)
            .is_some_and(|w| w.start == toks[j].end && scale_at(toks, j + 1, false).is_some())
    {
        j += 1;
    }
    while let Some(m) = scale_at(
        toks,
        j,
        toks[j - 1].end == toks.get(j).map_or(0, |t| t.start),
    ) {
        v *= m;
        j += 1;
        scaled = true;
        // Mexican "7 mil 800 millones": thousands and hundreds of millions.
        if m == 1e3
            && let Some(n) = toks.get(j).filter(|n| n.kind == TokKind::Num)
            && let Ok(h) = n.lower.parse::<f64>()
            && h < 1e3
            && let Some(big) = scale_at(toks, j + 1, false).filter(|&b| b >= 1e6)
        {
            v = (v + h) * big;
            j += 2;
        }
    }
    (v, j, scaled)
}

/// "-4": a minus sign glued to the number and not part of a range or identifier.
fn is_negative(toks: &[Tok], i: usize) -> bool {
    let Some(minus) = i.checked_sub(1).map(|k| &toks[k]) else {
        return false;
    };
    if !minus.is_punct("-−") || minus.end != toks[i].start {
        return false;
    }
    i < 2 || toks[i - 2].end != minus.start
}

/// Adjacent ordinal suffix after digits: the end index.
fn ordinal_suffix(toks: &[Tok], i: usize) -> Option<usize> {
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
    (ok && s.lower != "°").then_some(j + 1)
}

// ------------------------------------------------------------------ traps

/// Words before a number that make it an identifier ("article 5", "flight 17").
const ID_NOUNS: &[&str] = &[
    "article",
    "artículo",
    "articulo",
    "section",
    "sección",
    "chapter",
    "capítulo",
    "clause",
    "cláusula",
    "resolution",
    "resolución",
    "decree",
    "decreto",
    "flight",
    "vuelo",
    "route",
    "ruta",
    "line",
    "línea",
    "room",
    "page",
    "página",
    "number",
    "número",
    "num",
    "núm",
    "model",
    "modelo",
    "version",
    "versión",
    "item",
    "paragraph",
    "párrafo",
    "highway",
    "carretera",
    // "a la altura del kilómetro 1.020": a road marker, not a distance.
    "kilómetro",
    "kilometro",
    "milepost",
    "title",
    "título",
    "apollo",
    "boeing",
    "airbus",
    "covid",
    "windows",
    "iphone",
    "no",
    "nos",
    "n",
    "exp",
    "expediente",
    "folio",
    "case",
    "caso",
    "lote",
    "gate",
    "puerta",
    "platform",
    "andén",
    "amendment",
    "enmienda",
    "fracción",
    "inciso",
    "ley",
    "interstate",
    "junction",
    "junctions",
    "category",
    "categoría",
    "categoria",
    "channel",
    "episode",
    "episodio",
    "box",
    "apartado",
    "correos",
    "form",
    "formulario",
    // "los estudiantes de grado 11", "grade 9 pupils": a school year.
    "grado",
    "grade",
    // "Olympics day 9", "stage 14 of the Tour": a day or stage named by its number.
    "day",
    "stage",
    "etapa",
    "matchday",
];

/// Adjacent letters allowed after digits (scales, ordinals, decades, units).
fn allowed_suffix(toks: &[Tok], j: usize) -> bool {
    let w = toks[j].lower.as_str();
    matches!(
        w,
        "k" | "m"
            | "mn"
            | "mln"
            | "bn"
            | "b"
            | "tn"
            | "trn"
            | "st"
            | "nd"
            | "rd"
            | "th"
            | "er"
            | "º"
            | "ª"
            | "o"
            | "a"
            | "os"
            | "as"
            | "ra"
            | "ro"
            | "s"
            | "mdd"
            | "thousand"
            | "million"
            | "millions"
            | "billion"
            | "billions"
            | "trillion"
    ) || LEXICON.unit_at(toks, j).is_some()
}

/// A single capital letter glued to digits names a model or a plan ("4T", "5G"),
/// except the scale and temperature letters ("10K", "3M", "4B", "-4C").
fn model_letter(t: &Tok) -> bool {
    t.cap && t.lower.chars().count() == 1 && !matches!(t.lower.as_str(), "k" | "m" | "b" | "c")
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
    let word = match t.lower.as_str() {
        "double" | "doble" | "twice" => Some(2.0),
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
    let v = fold.or(word.filter(|_| framed && !verb_after))?;
    Some(Core {
        multiple: true,
        ..number_core(i, i + 1, Interval::exact(v), None)
    })
}

/// Words that make a distance the name of a race ("100m hurdles", "200 metros libres").
const RACE_EVENTS: &[&str] = &[
    "final",
    "finals",
    "hurdles",
    "freestyle",
    "relay",
    "sprint",
    "dash",
    "heat",
    "heats",
    "breaststroke",
    "butterfly",
    "backstroke",
    "medley",
    "steeplechase",
    "lisos",
    "vallas",
    "libres",
    "libre",
    "braza",
    "mariposa",
    "espalda",
    "relevos",
    "estilos",
    "obstáculos",
    "title",
    "titles",
    "record",
    "champion",
    "gold",
];

/// If the number at `i` is not a figure, the token index to resume at.
fn trap(ctx: &Ctx, i: usize) -> Option<usize> {
    let toks = ctx.toks;
    let t = &toks[i];
    let prev = i.checked_sub(1).map(|k| &toks[k]);
    let next = toks.get(i + 1);
    // Glued to letters before: "G7", "A320". After: "737MAX", "5G", "3D", "14h".
    if prev.is_some_and(|p| p.kind == TokKind::Word && p.end == t.start) {
        return Some(i + 1);
    }
    // "el 8M", "del 15-M": a day of the month and a month initial name a date.
    let day_name = prev.is_some_and(|p| matches!(p.lower.as_str(), "el" | "del" | "al"))
        && t.lower.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        && toks
            .get(i + 1)
            .filter(|n| n.end - n.start == 1 && n.cap)
            .is_some_and(|n| n.start == t.end && "mfsnjaode".contains(n.lower.as_str()));
    if day_name {
        return Some(i + 2);
    }
    // "the 100m final", "los 400 metros vallas": a race named by its distance.
    // "in the 100m", "ganó los 100 metros en 9,81": a definite distance that ends the
    // phrase names the race too.
    let definite = prev.is_some_and(|p| matches!(p.lower.as_str(), "the" | "los" | "el"));
    if let Some(n) = next
        && matches!(n.lower.as_str(), "m" | "metres" | "meters" | "metros")
        && (toks
            .get(i + 2)
            .is_some_and(|e| RACE_EVENTS.contains(&e.lower.as_str()))
            || definite
                && toks.get(i + 2).is_none_or(|e| {
                    e.kind == TokKind::Punct || matches!(e.lower.as_str(), "in" | "en")
                }))
    {
        return Some(i + 2);
    }
    if let Some(n) = next.filter(|n| n.kind == TokKind::Word && n.start == t.end)
        && (!allowed_suffix(toks, i + 1)
            || model_letter(n)
            || matches!(n.lower.as_str(), "h" | "am" | "pm" | "hrs"))
    {
        return Some(i + 2);
    }
    // "10-K", "7-E": a hyphen and one capital letter name a form or a model.
    if toks
        .get(i + 1)
        .is_some_and(|h| h.is_punct("-") && h.start == t.end)
        && let Some(l) = toks.get(i + 2)
        && l.start == toks[i + 1].end
        && l.kind == TokKind::Word
        && l.cap
        && l.lower.chars().count() == 1
    {
        return Some(i + 3);
    }
    // "F-16", "COVID-19", "Su-35" (but "mid-2020" is a year).
    if let (Some(p), Some(w)) = (prev, i.checked_sub(2).map(|k| &toks[k]))
        && p.is_punct("-‐")
        && p.start == w.end
        && p.end == t.start
        && w.kind == TokKind::Word
        && !matches!(w.lower.as_str(), "mid" | "pre" | "post" | "late" | "early")
    {
        return Some(i + 1);
    }
    if let Some(end) = time_or_phone(ctx, i) {
        return Some(end);
    }
    // "quoting reference 20000345678": nine plain digits or more with no scale or
    // unit after them number a case or an account, not a count.
    if t.kind == TokKind::Num
        && t.lower.len() >= 9
        && t.lower.chars().all(|c| c.is_ascii_digit())
        && LEXICON.unit_at(toks, i + 1).is_none()
        && scale_at(toks, i + 1, false).is_none()
    {
        return Some(i + 1);
    }
    // "the 737 MAX": a model named by a number and a capitalised word that is no
    // unit, modifier ("37 KGB officers") or currency code.
    if let Some(n) = next.filter(|n| {
        n.kind == TokKind::Word
            && n.lower.chars().count() >= 3
            && ctx.text[n.start..n.end].chars().all(|c| c.is_uppercase())
    }) && t.kind == TokKind::Num
        && LEXICON.unit_at(toks, i + 1).is_none()
        && LEXICON.modifier_at(toks, i + 1).is_none()
        && LEXICON.unit_at(toks, i + 2).is_none()
        && !matches!(
            n.lower.as_str(),
            "usd"
                | "eur"
                | "gbp"
                | "mxn"
                | "rub"
                | "cny"
                | "jpy"
                | "ars"
                | "cop"
                | "clp"
                | "pen"
                | "brl"
                | "uah"
                | "gmt"
                | "bst"
                | "utc"
                | "cet"
                | "cest"
                | "est"
                | "edt"
                | "pst"
        )
    {
        return Some(i + 2);
    }
    // "pay Portsmouth City 85 million euros": names are not counted in millions,
    // so a spelled-out scale after the number makes it an amount.
    let scaled = matches!(
        next.map(|n| n.lower.as_str()),
        Some("million" | "millions" | "billion" | "trillion" | "millones" | "millón" | "mil")
    );
    if let Some(p) = prev
        && !scaled
        && identifier_word(ctx, i - 1, p)
    {
        return Some(identifier_list_end(toks, i));
    }
    None
}

/// "junctions 10 and 11", "articles 3 to 5": the numbers after an identifier
/// noun are all identifiers. The index after the last.
fn identifier_list_end(toks: &[Tok], mut i: usize) -> usize {
    while toks.get(i + 1).is_some_and(|c| {
        matches!(
            c.lower.as_str(),
            "and" | "or" | "to" | "y" | "o" | "a" | "," | "&" | "-"
        )
    }) && toks.get(i + 2).is_some_and(|n| n.kind == TokKind::Num)
        // "la Línea 1 y 15 pasajeros": a number with a counted noun starts a new clause.
        && LEXICON.unit_at(toks, i + 3).is_none()
    {
        i += 2;
    }
    i + 1
}

/// Is the word before a number a name or identifier noun ("Boeing 737", "article 5")?
fn identifier_word(ctx: &Ctx, k: usize, p: &Tok) -> bool {
    if p.is_punct("#№") {
        return true;
    }
    // "No. 22", "art. 5": an abbreviated identifier noun.
    if p.is_punct(".")
        && let Some(w) = k.checked_sub(1).map(|b| &ctx.toks[b])
        && w.end == p.start
        && matches!(
            w.lower.as_str(),
            "no" | "nos" | "nº" | "núm" | "num" | "art" | "exp" | "vol"
        )
    {
        return true;
    }
    if p.kind != TokKind::Word {
        return false;
    }
    // "la Copa 40 años después": a number before a plural unit of time measures
    // the time, whatever name stands before it.
    if LEXICON
        .unit_at(ctx.toks, k + 2)
        .is_some_and(|m| m.entry.kind == UnitKind::Duration && is_plural(&ctx.toks[k + 2].lower))
    {
        return false;
    }
    if ID_NOUNS.contains(&p.lower.as_str()) {
        return true;
    }
    // "iOS 17", "macOS 14": a capital after a small letter marks a product name
    // (not "EU's" or "NGOs", whose capitals come first).
    let word: Vec<char> = ctx.text[p.start..p.end].chars().collect();
    if word
        .windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase())
    {
        return true;
    }
    // "Top 10 things to do": a list headline numbers its items.
    if p.lower == "top" && ctx.sentence_initial(k) {
        return true;
    }
    let possessive = p.lower.ends_with("'s") || p.lower.ends_with("’s");
    let neutral = dates::month(p).is_some()
        || possessive
        || is_function_word(&p.lower)
        || qualifiers::prefix_before(ctx.toks, k + 1).is_some()
        || matches!(
            p.lower.as_str(),
            "us" | "u.s." | "usd" | "mxn" | "eur" | "gbp" | "rub"
        )
        || ctx.sentence_initial(k);
    // A capitalised word mid-sentence names something: "Boeing 737", "Apollo 11";
    // a capitalised plural is a team or a people, not a model ("the Celtics 112-104").
    // "NHS 111" is an acronym, not a plural.
    let acronym = ctx.text[p.start..p.end].chars().all(|c| !c.is_lowercase());
    let plural = p.lower.ends_with('s') && !p.lower.ends_with("ss") && !acronym;
    p.cap && !neutral && !plural && !result_after_team(ctx.toks, k) && !gapped(ctx, k)
}

/// "el PP obtiene 137 escaños y el PSOE 121,": a name and a bare number after a
/// conjunction repeat the clause before with its verb and noun left out, so the
/// number is a figure. Needs a number earlier in the sentence to repeat.
fn gapped(ctx: &Ctx, k: usize) -> bool {
    let toks = ctx.toks;
    let bare = toks.get(k + 2).is_none_or(|n| n.is_punct(",;.)"));
    if !bare || k == 0 {
        return false;
    }
    let mut c = k - 1;
    if matches!(toks[c].lower.as_str(), "the" | "el" | "la" | "los" | "las") && c > 0 {
        c -= 1;
    }
    let conj = toks[c].is_punct(",;")
        || matches!(
            toks[c].lower.as_str(),
            "and" | "while" | "y" | "e" | "mientras"
        );
    let first = ctx.sentence_first_tok(ctx.tok_sentence[k], k);
    conj && (first..c).any(|j| toks[j].kind == TokKind::Num)
}

/// Verbs that report a match result: the team they name is followed by a score.
const RESULT_VERBS: &[&str] = &[
    "beat",
    "beats",
    "defeated",
    "defeat",
    "thrashed",
    "edged",
    "routed",
    "downed",
    "crushed",
    "overcame",
    "hammered",
    "drew",
    "lost",
    "won",
    "venció",
    "vence",
    "ganó",
    "gana",
    "derrotó",
    "derrota",
    "goleó",
    "golea",
    "perdió",
    "pierde",
    "empató",
    "empata",
    "superó",
    "batió",
    "arrolló",
    "cayó",
    "cae",
    "beating",
    "defeating",
    "losing",
    "edging",
    "venciendo",
    "derrotando",
    "ganando",
    "perdiendo",
    "superando",
    "vencer",
    "ganar",
    "derrotar",
    "perder",
    "empatar",
    "golear",
    "superar",
];

/// "beat Luton 4-3", "perdió ante el Girona 2-1": the name at `k` is a team when a
/// result verb comes shortly before it and a score "N-M" right after it.
fn result_after_team(toks: &[Tok], k: usize) -> bool {
    let score = toks.get(k + 2).is_some_and(|h| h.is_punct("-–"))
        && toks.get(k + 3).is_some_and(|n| n.kind == TokKind::Num)
        && toks[k + 1].end == toks[k + 2].start
        && toks[k + 2].end == toks[k + 3].start;
    score && (k.saturating_sub(4)..k).any(|j| RESULT_VERBS.contains(&toks[j].lower.as_str()))
}

/// Times of day ("14:00", "2 p.m.", "a las 10") and phone numbers: the end index.
fn time_or_phone(ctx: &Ctx, i: usize) -> Option<usize> {
    let toks = ctx.toks;
    let t = &toks[i];
    let glued = |a: usize, b: usize| toks.get(b).is_some_and(|y| toks[a].end == y.start);
    let next_is = |k: usize, p: &str| toks.get(k).is_some_and(|x| x.is_punct(p));
    // "14:00", "3:1".
    if next_is(i + 1, ":")
        && glued(i, i + 1)
        && toks.get(i + 2).is_some_and(|x| x.kind == TokKind::Num)
    {
        return Some(i + 3);
    }
    // "24/7", "1/2", "23/09" (dates are read before this).
    if (next_is(i + 1, "/") && glued(i, i + 1))
        || (i > 0 && toks[i - 1].is_punct("/") && glued(i - 1, i))
    {
        return Some(i + 1);
    }
    let next_word = toks.get(i + 1).map(|x| x.lower.as_str()).unwrap_or("");
    if matches!(
        next_word,
        "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m" | "o'clock" | "o’clock" | "hrs" | "hs"
    ) {
        return Some(i + 2);
    }
    // "a las 10": an hour, unless a counted noun follows ("de las 15 solicitudes").
    let value: f64 = t.lower.parse().unwrap_or(f64::MAX);
    let prev_las = i > 0 && matches!(toks[i - 1].lower.as_str(), "las" | "la");
    let before_las = i > 1 && matches!(toks[i - 2].lower.as_str(), "a" | "desde" | "hasta" | "de");
    // "a las 22.30 horas": the hour noun closes a time of day, it counts nothing.
    let hour_noun = toks
        .get(i + 1)
        .is_some_and(|x| matches!(x.lower.as_str(), "horas" | "hora" | "h" | "hs"));
    let counted = LEXICON.unit_at(toks, i + 1).is_some() && !hour_noun;
    if prev_las && before_las && value <= 24.0 && !counted {
        return Some(i + 1);
    }
    // Opening hours: "atención de 9 a 18 horas de lunes a viernes", "open from 9 to
    // 5": a range of hours with a word for a timetable in the sentence.
    if i > 0
        && matches!(toks[i - 1].lower.as_str(), "de" | "desde" | "from")
        && matches!(next_word, "a" | "hasta" | "to" | "till" | "until")
        && let Some(second) = toks.get(i + 2).filter(|x| x.kind == TokKind::Num)
        && second.lower.parse::<f64>().is_ok_and(|v| v <= 24.0)
        && value <= 24.0
    {
        let s = ctx.tok_sentence[i];
        let timetable = ctx.sentence_toks(s).iter().any(|x| {
            matches!(
                x.lower.as_str(),
                "horario"
                    | "atención"
                    | "abierto"
                    | "abierta"
                    | "abre"
                    | "open"
                    | "opens"
                    | "lunes"
                    | "viernes"
                    | "monday"
                    | "friday"
                    | "weekdays"
                    | "daily"
            )
        });
        if timetable {
            let end = i + 3;
            let hours = toks
                .get(end)
                .is_some_and(|x| matches!(x.lower.as_str(), "h" | "horas" | "hrs" | "pm" | "am"));
            return Some(end + usize::from(hours));
        }
    }
    // Phones: "+34 912 345 678", "(555) 123-4567", "555-1234".
    if i > 0 && toks[i - 1].is_punct("+(") && glued(i - 1, i) {
        return Some(skip_digit_chain(toks, i));
    }
    // "020 7946 0321", "55 5555 0000": a leading zero, or three or more digit groups
    // one space apart, is a phone number or a code.
    let groups = spaced_digit_groups(ctx, i);
    let leading_zero = t.lower.len() >= 3
        && t.lower.starts_with('0')
        && t.lower.chars().all(|c| c.is_ascii_digit());
    // "llama al 900 123 456": six digits or more after a word for calling.
    let cue = (i.saturating_sub(3)..i).any(|k| PHONE_CUES.contains(&toks[k].lower.as_str()));
    let digits = toks[i..groups.0]
        .iter()
        .map(|x| x.lower.chars().filter(char::is_ascii_digit).count())
        .sum::<usize>();
    // A cue further back in the clause ("el teléfono de información es el 900 123
    // 456") needs a number as long as a full phone number.
    let far_cue = (i.saturating_sub(7)..i).any(|k| PHONE_CUES.contains(&toks[k].lower.as_str()));
    if (cue && digits >= 6) || (far_cue && digits >= 8) {
        return Some(groups.0);
    }
    // One token "1 234 567" is a grouped number; a phone needs two tokens or more.
    if (groups.1 >= 3 && groups.0 > i + 1) || leading_zero {
        return Some(groups.0);
    }
    if next_is(i + 1, "-") && glued(i, i + 1) && glued(i + 1, i + 2) {
        let second = toks.get(i + 2).filter(|x| x.kind == TokKind::Num)?;
        let third_group = next_is(i + 3, "-") && glued(i + 2, i + 3);
        let phone = t.lower.len() == 3 && second.lower.len() >= 4;
        if third_group || phone {
            return Some(skip_digit_chain(toks, i));
        }
    }
    None
}

/// Words that announce a phone number.
const PHONE_CUES: &[&str] = &[
    "call",
    "phone",
    "telephone",
    "tel",
    "fax",
    "whatsapp",
    "llama",
    "llame",
    "llamar",
    "marca",
    "marque",
    "teléfono",
    "telefono",
];

/// Digit tokens one space apart from `i`: (end index, number of digit groups,
/// counting the groups inside "800 911").
fn spaced_digit_groups(ctx: &Ctx, i: usize) -> (usize, usize) {
    let toks = ctx.toks;
    let groups_in = |t: &Tok| 1 + t.lower.matches(char::is_whitespace).count();
    let mut j = i;
    let mut groups = groups_in(&toks[i]);
    while let Some(n) = toks.get(j + 1)
        && n.kind == TokKind::Num
        && ctx.text[toks[j].end..n.start] == *" "
    {
        groups += groups_in(n);
        j += 1;
    }
    (j + 1, groups)
}

/// End of a run of digits, hyphens, dots and brackets (a phone number).
fn skip_digit_chain(toks: &[Tok], mut j: usize) -> usize {
    while toks.get(j).is_some_and(|x| {
        x.kind == TokKind::Num
            || x.is_punct("-().") && toks.get(j + 1).is_some_and(|y| y.kind == TokKind::Num)
    }) {
        j += 1;
    }
    j
}

// ------------------------------------------------------------------ building

/// Currency symbols and codes before a number: ISO code.
fn currency_before(toks: &[Tok], i: usize) -> Option<(String, usize)> {
    let p = toks.get(i.checked_sub(1)?)?;
    let code = |w: &str| match w {
        "usd" | "us" | "u.s." => Some("USD"),
        "mxn" | "mx" => Some("MXN"),
        "eur" => Some("EUR"),
        "gbp" => Some("GBP"),
        "rub" => Some("RUB"),
        "r" => Some("BRL"),
        _ => None,
    };
    let sym = match p.lower.as_str() {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "₽" => Some("RUB"),
        "¥" => Some("CNY"),
        "/" if i >= 2 && toks[i - 2].lower == "s" && toks[i - 2].end == p.start => Some("PEN"),
        w => {
            code(w).filter(|_| p.kind == TokKind::Word && !matches!(w, "us" | "u.s." | "mx" | "r"))
        }
    }?;
    let mut start = i - 1;
    let mut iso = sym.to_string();
    // "S/ 6.150": Peru's sol.
    if iso == "PEN" {
        start -= 1;
    }
    // "US$", "MX$", "R$".
    if p.lower == "$"
        && let Some(q) = start.checked_sub(1).map(|k| &toks[k])
        && q.end == p.start
        && let Some(c) = code(&q.lower)
    {
        iso = c.to_string();
        start -= 1;
    }
    Some((iso, start))
}

/// "his fourth Tour de France title", "third Bond Street raid this month", "20th
/// English league title": an English ordinal before a name orders the noun after the
/// name (the last of a compound); "de" inside "Tour de France" belongs to the name.
/// (Spanish names the thing first: "su tercera Copa del Rey".)
fn noun_after_name<'a>(ctx: &Ctx, up: &mut UnitPhrase<'a>) {
    let toks = ctx.toks;
    if !toks
        .get(up.start)
        .is_some_and(|t| t.cap && t.kind == TokKind::Word)
    {
        return;
    }
    let same = |k: usize| ctx.tok_sentence.get(k) == Some(&ctx.tok_sentence[up.start]);
    let content = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Word
                && !t.cap
                && !is_function_word(&t.lower)
                && !looks_like_verb(&t.lower, ctx.lang)
        })
    };
    let Some(mut k) = (up.start + 1..up.start + 6)
        .take_while(|&k| same(k) && toks[k].kind == TokKind::Word)
        .find(|&k| content(k))
    else {
        return;
    };
    while k + 1 < up.start + 8 && same(k + 1) && content(k + 1) && !toks[k].lower.ends_with('s') {
        k += 1;
    }
    if let Some(m) = LEXICON.unit_at(toks, k) {
        up.head = Some(m.entry);
        up.unknown_head = None;
        up.end = m.end;
    } else {
        up.head = None;
        up.unknown_head = Some(crude_singular(&toks[k].lower, ctx.lang));
        up.head_surface = toks[k].lower.clone();
        up.end = k + 1;
    }
}

/// The one currency the sentence of token `start` names, from an amount before it or
/// a currency word anywhere in it.
fn sentence_currency(ctx: &Ctx, start: usize, prev: &[(Figure, usize)]) -> Option<String> {
    let s = ctx.tok_sentence[start];
    let mut codes: Vec<String> = prev
        .iter()
        .filter(|(f, e)| f.kind == Kind::Money && ctx.tok_sentence[e.saturating_sub(1)] == s)
        .filter_map(|(f, _)| f.currency.clone())
        .collect();
    let toks = ctx.sentence_toks(s);
    for k in 0..toks.len() {
        if let Some(c) = LEXICON
            .unit_at(toks, k)
            .filter(|m| m.entry.kind == UnitKind::Money)
            .and_then(|m| m.entry.currency.clone())
        {
            codes.push(c);
        }
    }
    codes.dedup();
    (codes.len() == 1).then(|| codes.remove(0))
}

/// Does the sentence of token `i` name the dollar ("dólares", "USD")?
fn names_dollars(ctx: &Ctx, i: usize) -> bool {
    ctx.sentence_toks(ctx.tok_sentence[i]).iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "dólar" | "dólares" | "dolar" | "dolares" | "usd" | "estadounidenses"
        )
    })
}

/// The unit phrase after a number.
#[derive(Debug, Default)]
struct UnitPhrase<'a> {
    /// Token range of the written unit (empty when none).
    start: usize,
    end: usize,
    head: Option<&'a Unit>,
    /// Head word when it is not in the lexicon.
    unknown_head: Option<String>,
    head_surface: String,
    modifiers: Vec<(String, String)>,
    /// Taken from a paired number ("5 to 7 pesos"): not part of this figure's text.
    borrowed: bool,
}

impl UnitPhrase<'_> {
    fn has_head(&self) -> bool {
        self.head.is_some() || self.unknown_head.is_some()
    }
}

const DETS: &[&str] = &[
    "the", "los", "las", "la", "el", "its", "their", "sus", "these", "those",
];

fn is_word_at(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.kind == TokKind::Word)
}

/// Reads the unit noun phrase from token `j`: up to three modifiers, a head noun,
/// then known modifiers after it ("agentes de la KGB", "diplomáticos rusos").
fn unit_phrase<'a>(ctx: &Ctx, mut j: usize) -> UnitPhrase<'a> {
    // The noun stays in the number's sentence: "Meal 1" is no count of the words of
    // the next paragraph.
    let s = ctx.tok_sentence[j.saturating_sub(1)];
    let toks = &ctx.toks[..ctx.tok_sentence.partition_point(|&x| x <= s)];
    // "35-year-old": a glued hyphen is a space here.
    let mut hyphenated = false;
    if toks
        .get(j)
        .is_some_and(|t| t.is_punct("-") && t.start == toks[j - 1].end)
        && is_word_at(toks, j + 1)
    {
        j += 1;
        hyphenated = true;
    }
    // "of the" / "de los" before a known unit ("thousands of people", "millones de pesos").
    if let Some(t) = toks.get(j)
        && (t.is("of") || t.is("de") || t.is("del"))
    {
        let k = if toks
            .get(j + 1)
            .is_some_and(|d| DETS.contains(&d.lower.as_str()))
        {
            j + 2
        } else {
            j + 1
        };
        let known = LEXICON.unit_at(toks, k).is_some() || LEXICON.modifier_at(toks, k).is_some();
        // "20 of the EU's 27 members": a possessive is one more determiner.
        let mut k = k;
        if toks
            .get(k)
            .is_some_and(|w| w.lower.ends_with("'s") || w.lower.ends_with("’s"))
        {
            k += 1;
        }
        // "seis de los once jueces", "of the 27 members": a second number, not a noun.
        let number =
            parse_words(toks, k).is_some() || toks.get(k).is_some_and(|n| n.kind == TokKind::Num);
        // "los 29 del día anterior": "del" before a singular is not what is counted.
        // Nor does "de la"/"de el" ("a 39 de la mayoría absoluta"): a partitive
        // counts members of a plural.
        let singular_article =
            t.is("del") || t.is("de") && toks.get(j + 1).is_some_and(|d| d.is("la") || d.is("el"));
        let singular_del = singular_article && toks.get(k).is_none_or(|n| !is_plural(&n.lower));
        // "siete de ellas", "two of them": a pronoun points back to the noun before.
        let pronoun = toks.get(k).is_some_and(|p| {
            matches!(
                p.lower.as_str(),
                "ellos"
                    | "ellas"
                    | "them"
                    | "those"
                    | "these"
                    | "estos"
                    | "estas"
                    | "esos"
                    | "esas"
            )
        });
        // "frente a los 10.580.412 de Rodolfo Hernández": a name owns the number.
        let name = toks.get(k).is_some_and(|n| n.cap) && !known;
        if !singular_del
            && !pronoun
            && !name
            && (known || is_word_at(toks, k) && !is_function_word(&toks[k].lower) && !number)
        {
            j = k;
        }
    }
    // "cifra en 1.500 los soldados": the counted noun after an article.
    if toks.get(j).is_some_and(|t| t.is("los") || t.is("las"))
        && LEXICON.unit_at(toks, j + 1).is_some()
    {
        j += 1;
    }
    let mut up = UnitPhrase {
        start: j,
        end: j,
        ..UnitPhrase::default()
    };
    let mut k = j;
    let mut adjectives = 0;
    // The last nationality read, with its surface: "1.1 million Venezuelans".
    let mut people: Option<(String, String)> = None;
    while adjectives <= 3 && is_word_at(toks, k) {
        if let Some(m) = LEXICON.unit_at(toks, k) {
            up.head = Some(m.entry);
            up.head_surface = ctx.text[toks[k].start..toks[m.end - 1].end].to_lowercase();
            k = m.end;
            break;
        }
        if let Some(m) = LEXICON.modifier_at(toks, k) {
            up.modifiers
                .push((m.entry.key.clone(), m.entry.group.clone()));
            people = (m.entry.group == "nationality")
                .then(|| (m.entry.key.clone(), toks[m.end - 1].lower.clone()));
            k = m.end;
            up.end = k;
            adjectives += 1;
            continue;
        }
        // "53,239 Model 3 cars", "10 million iPhone 6 handsets": a named model between
        // the number and its noun.
        let camel = ctx.text[toks[k].start..toks[k].end]
            .chars()
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| w[0].is_lowercase() && w[1].is_uppercase());
        if (toks[k].cap || camel)
            && toks.get(k + 1).is_some_and(|n| n.kind == TokKind::Num)
            && is_word_at(toks, k + 2)
            && adjectives < 3
        {
            adjectives += 1;
            k += 2;
            continue;
        }
        // "35 reports of fires", "two accounts of": a speech word before "of" is a noun.
        if super::speech::is_speech_verb(&toks[k])
            && toks.get(k + 1).is_some_and(|o| o.is("of"))
            && english_plural(&toks[k])
        {
            up.unknown_head = Some(crude_singular(&toks[k].lower, ctx.lang));
            up.head_surface = toks[k].lower.clone();
            k += 1;
            break;
        }
        // "the first developed country": a participle before a known noun.
        // (English only: a Spanish verb comes before its subject, "40 resultaron heridas".)
        // "70 breeding females": before a plural too.
        if ctx.lang == "en"
            && looks_like_verb(&toks[k].lower, ctx.lang)
            && (LEXICON.unit_at(toks, k + 1).is_some()
                || toks.get(k + 1).is_some_and(english_plural))
        {
            adjectives += 1;
            k += 1;
            continue;
        }
        // "37 reported cases", "120 estimated deaths", "11 reported violations": a
        // participle before a noun.
        if super::speech::is_speech_verb(&toks[k])
            && (LEXICON.unit_at(toks, k + 1).is_some()
                || ctx.lang == "en" && toks.get(k + 1).is_some_and(english_plural))
        {
            adjectives += 1;
            k += 1;
            continue;
        }
        // "eight air-defence launchers", "400 long-range drones": a hyphenated
        // compound before another word describes the noun after it.
        let glued = |a: usize| toks.get(a).is_some_and(|t| t.start == toks[a - 1].end);
        if ctx.lang == "en"
            && toks.get(k + 1).is_some_and(|h| h.is_punct("-"))
            && glued(k + 1)
            && glued(k + 2)
            && is_word_at(toks, k + 2)
            && is_word_at(toks, k + 3)
            && !glued(k + 3)
            && adjectives < 3
        {
            adjectives += 1;
            k += 3;
            continue;
        }
        let w = &toks[k].lower;
        if is_function_word(w)
            || UNIT_STOPS.contains(&w.as_str())
            || parse_words(toks, k).is_some()
            || super::speech::is_speech_verb(&toks[k])
            || dates::month(&toks[k]).is_some()
            || looks_like_verb(w, ctx.lang)
        {
            break;
        }
        // Unknown content word: Spanish puts the head first, English last, and an
        // English plural is the head ("two crashes killed", "places sold").
        let next_content = is_word_at(toks, k + 1)
            && toks[k + 1].start > toks[k].end
            && !is_function_word(&toks[k + 1].lower)
            && !super::speech::is_speech_verb(&toks[k + 1]);
        // "a 6.8-magnitude quake", "a 12-member jury": the word glued to the number
        // is what it measures; the noun after is the thing described.
        let compound = hyphenated && k == j;
        if ctx.lang == "en"
            && next_content
            && adjectives < 3
            && !english_plural(&toks[k])
            && !compound
        {
            adjectives += 1;
            k += 1;
            continue;
        }
        up.unknown_head = Some(crude_singular(w, ctx.lang));
        up.head_surface = w.clone();
        k += 1;
        break;
    }
    // A people named by nationality alone: "venezolanos", "Venezuelans".
    if !up.has_head()
        && let Some((key, surface)) = people.filter(|(_, s)| s.ends_with('s'))
    {
        up.modifiers.retain(|(m, _)| *m != key);
        up.unknown_head = Some(key);
        up.head_surface = surface;
    }
    if up.has_head() {
        k = post_modifiers(toks, k.max(up.end), &mut up.modifiers);
        up.end = k;
    }
    up
}

/// Prepositions that end a unit phrase ("11% over three seasons").
const UNIT_STOPS: &[&str] = &[
    "over", "under", "across", "during", "without", "within", "ahead", "behind", "through",
    "despite", "toward", "towards", "around", "sin", "tras", "hacia",
    // "fixed 48,000 last year": a time phrase after the number, not its noun.
    "last", "next",
    // "17,1 millones frente a 61,7 millones": a comparison, not a noun.
    "frente", "versus", "vs", "contra",
    // "a city of 600,000 cannot find", "1,6 millones ya tienen": a verb's company.
    "cannot", "can", "could", "will", "would", "must", "should", "may", "might", "still", "already",
    "also", "now", "ya", "aún", "todavía", "también", "ahora",
    // "five clear of City", "two short of a majority": a margin, its noun said before.
    "clear", "adrift", "apart", "short",
    // "a dozen never shown in public": a negated verb, its noun said before.
    "never", "not", "nunca",
];

/// Does an unknown word look like a verb rather than a counted noun ("40
/// resultaron heridas", "45,000 watched")?
fn looks_like_verb(w: &str, lang: &str) -> bool {
    if lang == "en" {
        // Irregular participles too: "out of 2.1 million cast", "1,200 sold".
        const IRREGULAR: &[&str] = &[
            "cast", "sold", "won", "lost", "held", "made", "paid", "built", "taken", "given",
            "seen", "shot", "hurt", "left", "spent", "brought", "caught", "found", "kept",
            "bought", "sent", "struck", "thrown", "written", "chosen", "flown", "driven",
        ];
        // Four letters too ("32 died", "12 fled"), but not "seed" or "need".
        let past = w.len() >= 4 && w.ends_with("ed") && !w.ends_with("eed");
        // "more than 40,000 waiting": a participle (not a noun the lexicon knows,
        // "meeting", nor a plural, "buildings").
        let participle = w.len() > 5 && w.ends_with("ing") && LEXICON.unit(w).is_none();
        return past || participle || IRREGULAR.contains(&w);
    }
    const ENDINGS: &[&str] = &[
        "aron", "ieron", "aban", "ían", "arán", "erán", "irán", "ará", "erá", "irá", "aría",
        "ería", "iría",
    ];
    ENDINGS.iter().any(|e| w.ends_with(e)) || (w.ends_with('ó') && w.chars().count() > 3)
}

/// An English common noun that looks plural ("crashes", "pints"), not "-ss", "-us",
/// "-ous", "-is" or a capitalised name ("37 Texas residents").
fn english_plural(t: &Tok) -> bool {
    let w = t.lower.as_str();
    !t.cap
        && w.len() > 3
        && w.ends_with('s')
        && !["ss", "us", "is", "'s", "’s"]
            .iter()
            .any(|e| w.ends_with(e))
}

/// Known modifiers after the head: "rusos", "de la KGB", "ya acreditados", "en total".
fn post_modifiers(toks: &[Tok], mut k: usize, mods: &mut Vec<(String, String)>) -> usize {
    loop {
        if let Some(m) = LEXICON.modifier_at(toks, k) {
            mods.push((m.entry.key.clone(), m.entry.group.clone()));
            k = m.end;
            continue;
        }
        let of = toks
            .get(k)
            .is_some_and(|t| t.is("of") || t.is("de") || t.is("del"));
        if !of {
            return k;
        }
        let d = if toks
            .get(k + 1)
            .is_some_and(|t| DETS.contains(&t.lower.as_str()))
        {
            k + 2
        } else {
            k + 1
        };
        match LEXICON.modifier_at(toks, d) {
            Some(m) => {
                mods.push((m.entry.key.clone(), m.entry.group.clone()));
                k = m.end;
            }
            None => return k,
        }
    }
}

/// Is a unit surface a plural (so a 4-digit number before it counts, not dates)?
fn is_plural(surface: &str) -> bool {
    surface.ends_with('s')
        || matches!(
            surface,
            "people"
                | "children"
                | "men"
                | "women"
                | "staff"
                | "personal"
                | "dead"
                | "injured"
                | "wounded"
                | "killed"
                | "missing"
        )
}

/// Builds a figure from a core: returns it and the token index after it.
fn build(ctx: &Ctx, core: Core, prev: &[(Figure, usize)]) -> Option<(Figure, usize)> {
    let toks = ctx.toks;
    let (value, mut end, range_start) = extend_range(ctx, &core);
    let mut start = core.start;
    let currency_prefix =
        currency_before(toks, start)
            .filter(|_| !core.fraction)
            .map(|(code, s)| {
                // "$450.000 millones" in Latin American copy is pesos, like the word
                // "pesos"; dollars there are written "US$" or named.
                if code == "USD"
                    && ctx.lang == "es"
                    && toks[s].lower == "$"
                    && !names_dollars(ctx, s)
                {
                    let peso = LEXICON.unit("peso").and_then(|u| u.currency.clone());
                    (peso.unwrap_or(code), s)
                } else {
                    (code, s)
                }
            });
    if let Some((_, s)) = &currency_prefix {
        start = *s;
    }
    let mut qualifier = prefix_qualifier(ctx, start, prev).map(|(q, s)| {
        start = s;
        q
    });
    if let Some(s) = range_start {
        start = start.min(s);
    }
    // Percent sign or word; a share is a percentage and counts nothing itself.
    let mut kind = Kind::Count;
    if core.fraction {
        kind = Kind::Percent;
    } else if toks.get(end).is_some_and(|t| t.is_punct("%")) {
        kind = Kind::Percent;
        end += 1;
    }
    if let Some((q, e)) = qualifiers::suffix_at(toks, end) {
        qualifier = qualifier.or(Some(q));
        end = e;
    }
    if core.approx {
        qualifier = qualifier.or(Some(Qualifier::About));
    }
    let mut up = if core.fraction {
        UnitPhrase {
            start: end,
            end,
            ..UnitPhrase::default()
        }
    } else {
        unit_phrase(ctx, end)
    };
    // "más de 1,6 millones ya tienen": Spanish "millones"/"millón" takes its noun
    // with "de", so a word right after it is no unit.
    let spanish_scale = ctx.lang == "es"
        && end > 0
        && matches!(
            toks[end - 1].lower.as_str(),
            "millones" | "millón" | "millon"
        )
        && toks[end - 1].kind == TokKind::Word;
    if spanish_scale
        && up.has_head()
        && up.start == end
        && up
            .head
            .is_none_or(|u| u.kind == UnitKind::Count && !u.measure)
    {
        up = UnitPhrase {
            start: end,
            end,
            ..UnitPhrase::default()
        };
    }
    if core.ordinal && ctx.lang == "en" {
        noun_after_name(ctx, &mut up);
    }
    // "a 3-1 series lead": the second number of a score (a dash pair that does not
    // rise, so no range) counts nothing of the noun after it.
    if score_second(toks, core.start, core.value) {
        up = UnitPhrase {
            start: end,
            end,
            ..UnitPhrase::default()
        };
    }
    if core.multiple {
        up = UnitPhrase {
            start: end,
            end,
            head: LEXICON.unit("time"),
            ..UnitPhrase::default()
        };
    }
    let plain_count = kind == Kind::Count && currency_prefix.is_none() && !core.ordinal;
    // "de los que 56.000 son menores", "of whom 300 were children": the noun after a
    // copula says what the number counts.
    if plain_count
        && !up.has_head()
        && toks
            .get(end)
            .is_some_and(|c| matches!(c.lower.as_str(), "son" | "eran" | "fueron" | "are" | "were"))
        && let Some(m) = LEXICON
            .unit_at(toks, end + 1)
            .filter(|m| m.entry.kind == UnitKind::Count && is_plural(&toks[m.end - 1].lower))
    {
        up.head = Some(m.entry);
        up.borrowed = true;
    }
    if plain_count && !up.has_head() {
        if let Some((borrowed, percent)) = borrowed_unit(ctx, end) {
            up = borrowed;
            if percent {
                kind = Kind::Percent;
            }
        } else if is_age(ctx, &core, qualifier.is_some())
            || after_aged(toks, start)
            || people_over(ctx, &core, start)
        {
            up.head = LEXICON.unit("year");
        }
    }
    let unit_kind = up.head.map(|u| u.kind).unwrap_or_default();
    let mut currency = currency_prefix.map(|(c, _)| c);
    match unit_kind {
        UnitKind::Percent if kind == Kind::Count => kind = Kind::Percent,
        UnitKind::Money => {
            kind = Kind::Money;
            currency = up.head.and_then(|u| u.currency.clone()).or(currency);
        }
        _ => {}
    }
    if currency.is_some() && kind == Kind::Count {
        kind = Kind::Money;
    }
    let mut value = value;
    // "1,200 desaparecidos": people come whole, so the separator groups thousands.
    // "un bono de 3,000 pesos": money has two decimals at most, so three digits after
    // the separator group thousands whatever the convention.
    if let Some(th) = core.thousands
        && range_start.is_none()
        && (kind == Kind::Count && whole_count(&up) || kind == Kind::Money && !core.scaled)
    {
        value = Interval::exact(th);
    }
    // "seis años y medio", "dos horas y media": half a unit more.
    if up.has_head()
        && !up.borrowed
        && value.is_exact()
        && toks.get(up.end).is_some_and(|t| t.is("y"))
        && toks
            .get(up.end + 1)
            .is_some_and(|t| t.is("medio") || t.is("media"))
    {
        value = Interval::exact(value.lo.unwrap_or(0.0) + 0.5);
        up.end += 2;
    }
    // "cuatro puntos menos" after a percentage: percentage points, not index points;
    // "a quarter-point" (a share of a point) only moves a rate.
    let point_share = toks[core.start].kind == TokKind::Word
        && matches!(toks[core.start].lower.as_str(), "quarter" | "half");
    if kind == Kind::Count && up.head.is_some_and(|u| u.key == "point") && point_share {
        kind = Kind::Percent;
        up.head = LEXICON.unit("percentage point");
    }
    // "cayó casi seis puntos, hasta el 69,9 %": points a percentage moved by, unless
    // the sentence is about a stock index, whose points are its own.
    // "rose 1.234 points, or 3.5%" restates the move as a percentage: index points.
    let restated = toks.get(up.end).is_some_and(|c| c.is_punct(",("))
        && toks
            .get(up.end + 1)
            .is_some_and(|w| matches!(w.lower.as_str(), "or" | "o" | "un" | "a"))
        || toks.get(up.end).is_some_and(|c| c.is_punct("("));
    // "down four points from last month": "down"/"up" move a percentage too.
    let moved_points = !restated
        && (start.saturating_sub(2)..start).any(|k| {
            qualifiers::is_change_verb(&toks[k]) || matches!(toks[k].lower.as_str(), "down" | "up")
        })
        && !ctx
            .sentence_toks(ctx.tok_sentence[start])
            .iter()
            .any(|t| INDEX_WORDS.contains(&t.lower.as_str()));
    if kind == Kind::Count
        && up.head.is_some_and(|u| u.key == "point")
        && moved_points
        && same_sentence_percent(ctx, start, prev)
    {
        kind = Kind::Percent;
        up.head = LEXICON.unit("percentage point");
    }
    if kind == Kind::Count
        && up.head.is_some_and(|u| u.key == "point")
        && (up.end..up.end + 1).chain(up.end.checked_sub(1)).any(|k| {
            toks.get(k)
                .is_some_and(|t| COMPARATIVES.contains(&t.lower.as_str()))
        })
        && same_sentence_percent(ctx, start, prev)
    {
        kind = Kind::Percent;
        up.head = LEXICON.unit("percentage point");
    }
    // "se gastó 2 millones", "paid 3 million for": an amount with its currency
    // left unsaid.
    // "pagó 1 millón por Vardy ... una plantilla de 57 millones": once a sentence
    // counts money, a later scaled amount with no noun is money too.
    // Only an amount "of"/"for" something ("una plantilla de 57 millones"), not
    // "left 8.5 million without power", whose noun is people.
    let money_before = prev.last().is_some_and(|(f, e)| {
        f.kind == Kind::Money && ctx.tok_sentence[*e - 1] == ctx.tok_sentence[start]
    }) && start
        .checked_sub(1)
        .is_some_and(|k| matches!(toks[k].lower.as_str(), "de" | "of" | "por" | "for" | "at"));
    if kind == Kind::Count && !up.has_head() && core.scaled && money_before {
        kind = Kind::Money;
        currency = prev.last().and_then(|(f, _)| f.currency.clone());
    }
    // "necesita 2.000 millones de dólares ... le ha inyectado más de 5.000 millones",
    // "Inditex gana 5.381 millones ... 1,54 euros por acción": a scaled amount with no
    // noun in a sentence that names a currency is money in it (not "left 8.5 million
    // without power", whose noun is people).
    if kind == Kind::Count
        && !up.has_head()
        && core.scaled
        && !people_unsaid(toks, start, end)
        && let Some(code) = sentence_currency(ctx, start, prev)
    {
        kind = Kind::Money;
        currency = Some(code);
    }
    if kind == Kind::Count
        && !up.has_head()
        && core.scaled
        && (start.saturating_sub(3)..start).any(|k| {
            MONEY_VERBS.contains(&toks[k].lower.as_str())
                || MONEY_NOUNS.contains(&toks[k].lower.as_str())
        })
    {
        kind = Kind::Money;
    }
    if core.ordinal {
        kind = Kind::Ordinal;
    } else if kind == Kind::Count && unit_kind == UnitKind::Duration {
        kind = Kind::Duration;
        let days = up.head.map_or(1.0, |u| u.days);
        value = scale_interval(value, days);
    }
    // "entre 1163 y 1345": two four-digit ends with no noun span years, older too.
    let year_span = range_start.is_some()
        && kind == Kind::Count
        && !up.has_head()
        && core.plain_digits.as_ref().is_some_and(|d| d.len() == 4)
        && [value.lo, value.hi]
            .iter()
            .all(|b| b.is_some_and(|v| v.fract() == 0.0 && (1000.0..=2100.0).contains(&v)));
    // "a fire in 2012 killed 112 workers": after "in"/"since", a plausible year is one
    // unless a plural noun follows ("in 2012 cases" would count).
    let after_in = core.start > 0
        && matches!(
            toks[core.start - 1].lower.as_str(),
            "in" | "since" | "en" | "desde"
        )
        && qualifier.is_none()
        && !up.head_surface.ends_with('s')
        && core.plain_digits.as_ref().is_some_and(|d| {
            d.len() == 4
                && d.parse::<f64>()
                    .is_ok_and(|v| (1900.0..=2100.0).contains(&v))
        });
    let year = core.year
        || year_span
        || after_in
        || is_year(&core, &up, qualifier, kind, range_start.is_some());
    if year {
        let fig = plain_figure(ctx, start, core.end.max(end), value, Kind::Year);
        return Some((fig, core.end.max(end)));
    }
    let known_unit = up.head.is_some();
    // "portería a cero": a bare zero counts nothing.
    let zero_word = toks[core.start].kind == TokKind::Word && core.value.hi == Some(0.0);
    if zero_word && !up.has_head() {
        return None;
    }
    if core.bare_one
        && !(toks[core.start].is("one") && known_unit && !pronoun_one(toks, core.start))
        && !(up.has_head() && closes_count_list(ctx, core.start, prev))
        && !opens_count_list(toks, core.start, &up)
    {
        return None;
    }
    if kind == Kind::Count
        && qualifier.is_none()
        && (anaphoric(ctx, &core, start, &up)
            || service_number(ctx, &core, &up)
            || possessive_title(ctx, &core, &up, prev))
    {
        return None;
    }
    // "over £4m bribery scheme": "over" is about the amount, not above it.
    if kind == Kind::Money
        && qualifier == Some(Qualifier::MoreThan)
        && toks[start].is("over")
        && up.unknown_head.is_some()
        && !up.head_surface.ends_with('s')
    {
        qualifier = None;
        start += 1;
    }
    if let Some(q) = qualifier.filter(|_| kind != Kind::Ordinal) {
        value = qualifiers::apply(q, value);
    }
    let fig_end = if up.end > up.start && !up.borrowed {
        up.end
    } else {
        end
    };
    if kind == Kind::Count && up.has_head() && in_attribution(ctx, start, fig_end) {
        return None;
    }
    // "se situó en el 3,5 %, dos décimas menos": after a percentage, Spanish counts
    // a change in tenths of a point (elsewhere "décimas" may be of a second).
    if kind == Kind::Count
        && up.unknown_head.as_deref() == Some("décima")
        && same_sentence_percent(ctx, start, prev)
    {
        kind = Kind::Percent;
        value = scale_interval(value, 0.1);
        up.unknown_head = None;
        up.head = LEXICON.unit("percentage point");
    }
    // "the 10-year Treasury note", "el bono a 10 años": a maturity names the bond.
    let maturity = kind == Kind::Duration
        && toks.get(fig_end).is_some_and(|n| {
            matches!(
                n.lower.as_str(),
                "treasury"
                    | "treasuries"
                    | "note"
                    | "notes"
                    | "bond"
                    | "bonds"
                    | "gilt"
                    | "gilts"
                    | "yield"
                    | "yields"
                    | "bund"
                    | "bunds"
            )
        });
    if maturity {
        return None;
    }
    let fig = finish(ctx, start, fig_end, value, kind, currency, up, prev);
    Some((fig, fig_end))
}

/// "14 votos a favor, 10 en contra y una abstención": "un"/"una"/"a"/"one" right
/// after a conjunction that closes a list of counts is the last count, not an article.
fn closes_count_list(ctx: &Ctx, start: usize, prev: &[(Figure, usize)]) -> bool {
    let toks = ctx.toks;
    let Some(c) = start.checked_sub(1) else {
        return false;
    };
    let conj = c;
    let joined = toks[conj].is_punct(",") || matches!(toks[conj].lower.as_str(), "and" | "y" | "e");
    // The count before is a tally item that borrowed its noun ("10 en contra" counts
    // votes); after a count with its own noun, "y una ley" is an article again.
    joined
        && prev.last().is_some_and(|(f, end)| {
            f.kind == Kind::Count
                && !f.unit_key.is_empty()
                && f.unit.is_empty()
                && *end <= conj
                && conj - *end <= 3
                && ctx.tok_sentence[*end - 1] == ctx.tok_sentence[start]
        })
}

/// Words after "points" that compare two levels ("four points lower", "cuatro
/// puntos menos").
const COMPARATIVES: &[&str] = &[
    "less", "more", "lower", "higher", "up", "down", "menos", "más", "mas", "arriba", "abajo",
    "por",
];

/// Words that make points an index's own ("el Ibex subió 200 puntos, un 2 %").
const INDEX_WORDS: &[&str] = &[
    "index", "índice", "indice", "ibex", "dow", "ftse", "nasdaq", "nikkei", "dax", "cac", "s&p",
    "bolsa", "merval", "ipc", "stocks", "shares",
];

/// Verbs of spending or earning: a scaled number after one is an amount of money.
const MONEY_VERBS: &[&str] = &[
    "spent",
    "spend",
    "spends",
    "paid",
    "pay",
    "pays",
    "cost",
    "costs",
    "invested",
    "raised",
    "earned",
    "gastó",
    "gasta",
    "gastará",
    "pagó",
    "paga",
    "pagará",
    "costó",
    "cuesta",
    "costará",
    "invirtió",
    "invertirá",
    "recaudó",
    "facturó",
    "ingresó",
];

/// Is the number at `start` the size of a population named shortly before it?
fn population_before(ctx: &Ctx, start: usize) -> bool {
    let from = ctx
        .sentence_first_tok(ctx.tok_sentence[start], start)
        .max(start.saturating_sub(10));
    // "a city of 600,000": a place sized by a bare number is sized in people.
    let place_of = start >= 2
        && (ctx.toks[start - 1].is("of") || ctx.toks[start - 1].is("de"))
        && matches!(
            ctx.toks[start - 2].lower.as_str(),
            "city"
                | "town"
                | "village"
                | "country"
                | "nation"
                | "island"
                | "ciudad"
                | "pueblo"
                | "país"
                | "pais"
                | "isla"
                | "localidad"
        );
    place_of
        || (from..start).any(|k| {
            matches!(
                ctx.toks[k].lower.as_str(),
                "population" | "población" | "poblacion"
            )
        })
}

/// The counted noun a population names: "the tiger population", "la población de
/// pingüinos".
fn population_kind(ctx: &Ctx, start: usize) -> Option<String> {
    let toks = ctx.toks;
    let from = ctx
        .sentence_first_tok(ctx.tok_sentence[start], start)
        .max(start.saturating_sub(10));
    let p = (from..start).find(|&k| {
        matches!(
            toks[k].lower.as_str(),
            "population" | "población" | "poblacion"
        )
    })?;
    let counted = |k: usize| {
        LEXICON
            .unit_at(toks, k)
            .filter(|m| m.entry.kind == UnitKind::Count)
    };
    let before = p.checked_sub(1).and_then(counted).filter(|m| m.end == p);
    let after = (toks.get(p + 1).is_some_and(|d| d.is("de") || d.is("of")))
        .then(|| counted(p + 2))
        .flatten();
    before.or(after).map(|m| m.entry.key.clone())
}

/// Does a pair "N-M" of glued numbers start at token `i`?
fn in_dash_pair(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.kind == TokKind::Num)
        && toks
            .get(i + 1)
            .is_some_and(|d| d.is_punct("-–") && d.start == toks[i].end)
        && toks
            .get(i + 2)
            .is_some_and(|n| n.kind == TokKind::Num && n.start == toks[i + 1].end)
}

/// Is the number at `i` the second of a score "N-M" with M <= N?
fn score_second(toks: &[Tok], i: usize, value: Interval) -> bool {
    let Some(d) = i.checked_sub(1) else {
        return false;
    };
    let glued = toks[d].is_punct("-–") && toks[d].end == toks[i].start;
    glued
        && d >= 1
        && toks[d - 1].end == toks[d].start
        && toks[d - 1].kind == TokKind::Num
        && toks[d - 1]
            .lower
            .parse::<f64>()
            .is_ok_and(|first| value.hi.is_some_and(|v| v <= first))
}

/// Nouns for an amount of money: "un plan de 3.000 millones", "a package of 2 billion".
const MONEY_NOUNS: &[&str] = &[
    "plan",
    "budget",
    "package",
    "fund",
    "bailout",
    "fine",
    "presupuesto",
    "paquete",
    "fondo",
    "rescate",
    "multa",
    "inversión",
    "partida",
    "crédito",
    "préstamo",
    "loan",
    "fraud",
    "fraude",
    "estafa",
    "desfalco",
    "malversación",
    "recortará",
    "recortó",
    "recorta",
    "recortar",
    "ahorrará",
    "ahorró",
    "recorte",
    "recortes",
    "cuts",
    "deuda",
    "debt",
    "déficit",
    "deficit",
];

/// "la muerte de una persona y 44 heridos": "un"/"una" and a known noun, then a
/// conjunction and a number, open a list of counts.
fn opens_count_list(toks: &[Tok], start: usize, up: &UnitPhrase) -> bool {
    matches!(toks[start].lower.as_str(), "un" | "una")
        && up.head.is_some()
        && !up.borrowed
        && toks
            .get(up.end)
            .is_some_and(|c| matches!(c.lower.as_str(), "y" | "e" | "and"))
        && (toks.get(up.end + 1).is_some_and(|n| n.kind == TokKind::Num)
            || parse_words(toks, up.end + 1).is_some()
            || qualifiers::collective_at(toks, up.end + 1).is_some())
}

/// Does the sentence of token `start` state a percentage, before or after it?
fn same_sentence_percent(ctx: &Ctx, start: usize, prev: &[(Figure, usize)]) -> bool {
    let s = ctx.tok_sentence[start];
    let earlier = prev
        .iter()
        .rev()
        .take_while(|(_, end)| ctx.tok_sentence[end.saturating_sub(1)] == s)
        .any(|(f, _)| f.kind == Kind::Percent);
    earlier
        || ctx.sentence_toks(s).iter().any(|t| {
            t.is_punct("%") || matches!(t.lower.as_str(), "percent" | "porcentaje" | "ciento")
        })
}

/// "The two leaders last met in 2021", "y los dos líderes acordaron": a definite
/// article and a small number word opening a clause point back at people or things
/// already introduced; the count was stated, if at all, where they were. Digits
/// ("the 27 member states") and partitives ("two of the three suspects") are new
/// information and stay figures.
fn anaphoric(ctx: &Ctx, core: &Core, start: usize, up: &UnitPhrase) -> bool {
    let toks = ctx.toks;
    let small_word = toks[core.start].kind == TokKind::Word
        && core.end == core.start + 1
        && core.value.lo == core.value.hi
        && core.value.lo.is_some_and(|v| (2.0..=10.0).contains(&v));
    if !small_word || start != core.start || !up.has_head() || start == 0 {
        return false;
    }
    let art = start - 1;
    if !matches!(toks[art].lower.as_str(), "the" | "los" | "las") {
        return false;
    }
    ctx.sentence_initial(art)
        || toks.get(art.wrapping_sub(1)).is_some_and(|b| {
            b.is_punct(",;")
                || matches!(
                    b.lower.as_str(),
                    "and" | "but" | "while" | "y" | "e" | "pero" | "mientras"
                )
        })
}

/// "según el 112", "call 911", "llamaron al 091": a bare number that is a source or
/// is dialled names a service; it counts nothing.
fn service_number(ctx: &Ctx, core: &Core, up: &UnitPhrase) -> bool {
    let toks = ctx.toks;
    if up.has_head() || toks[core.start].kind != TokKind::Num || core.start == 0 {
        return false;
    }
    let mut k = core.start - 1;
    if matches!(toks[k].lower.as_str(), "el" | "la" | "al") && k > 0 {
        k -= 1;
    }
    let w = toks[k].lower.as_str();
    // "Call 999 in an emergency or 101 for ...": the alternative number is dialled too.
    let from = ctx
        .sentence_first_tok(ctx.tok_sentence[k], k)
        .max(k.saturating_sub(8));
    if matches!(w, "or" | "o")
        && (from..k).any(|j| {
            matches!(
                toks[j].lower.as_str(),
                "call" | "dial" | "llame" | "llama" | "llamar" | "marque"
            )
        })
    {
        return true;
    }
    matches!(
        w,
        "según"
            | "segun"
            | "call"
            | "called"
            | "dial"
            | "dialled"
            | "dialed"
            | "llame"
            | "llamar"
            | "llamó"
            | "llamaron"
            | "llama"
            | "marque"
            | "marcar"
            | "marcó"
    ) || (w == "to" && k > 0 && toks[k - 1].is("according"))
        // "report potholes on 311", "llame al 112": a short public service number.
        || matches!(w, "on" | "via" | "al") && short_code(&toks[core.start].lower)
}

/// Three-digit public service numbers: the N11 codes (311, 911) and the emergency
/// numbers of Europe and Latin America (112, 999, 061, 091).
fn short_code(digits: &str) -> bool {
    let b = digits.as_bytes();
    b.len() == 3
        && b.iter().all(u8::is_ascii_digit)
        && (b[1..] == *b"11" && b[0] != b'0'
            || matches!(
                digits,
                "112" | "999" | "061" | "091" | "092" | "080" | "088"
            ))
}

/// "Adele's 25 sold 3.38 million copies": a bare number after a name's possessive
/// names a work or a shirt, unless it answers a count earlier in the sentence
/// ("won 332 electoral votes to Romney's 206").
fn possessive_title(ctx: &Ctx, core: &Core, up: &UnitPhrase, prev: &[(Figure, usize)]) -> bool {
    let toks = ctx.toks;
    if up.has_head() || core.scaled || toks[core.start].kind != TokKind::Num || core.start == 0 {
        return false;
    }
    let p = &toks[core.start - 1];
    let possessive = p.cap && (p.lower.ends_with("'s") || p.lower.ends_with("’s"));
    let s = ctx.tok_sentence[core.start];
    possessive
        && !prev
            .iter()
            .any(|(f, e)| f.kind == Kind::Count && ctx.tok_sentence[e.saturating_sub(1)] == s)
}

/// The qualifier before token `start`, if it bounds this figure: (qualifier, first
/// token).
fn prefix_qualifier(
    ctx: &Ctx,
    start: usize,
    prev: &[(Figure, usize)],
) -> Option<(Qualifier, usize)> {
    let toks = ctx.toks;
    let (q, s) = qualifiers::prefix_before(toks, start).or_else(|| {
        // "casi el 60 %", "superó los 90 dólares": an article between. Never
        // "hasta el 11 %", which is the value reached.
        // "casi un 60 %", "hasta un 30 %": the indefinite article is no value
        // reached, so "hasta" keeps its bound after it.
        let art = start.checked_sub(1)?;
        let indefinite = matches!(toks[art].lower.as_str(), "un" | "una");
        if !indefinite && !matches!(toks[art].lower.as_str(), "el" | "la" | "los" | "las") {
            return None;
        }
        qualifiers::prefix_before(toks, art).filter(|(q, _)| indefinite || *q != Qualifier::UpTo)
    })?;
    let word = toks[s].lower.as_str();
    // The verb is near ("crecieron un 12 % interanual, hasta 8.900 millones").
    let from = ctx
        .sentence_first_tok(ctx.tok_sentence[s], s)
        .max(s.saturating_sub(LOOK_BACK));
    if word == "hasta" && (from..s).any(|k| qualifiers::is_change_verb(&toks[k])) {
        return None;
    }
    // "nine hours over two days": "over" right after a figure spreads it; so it does
    // after a count earlier in the clause ("sent 1,400 messages to the victim over
    // three months"), when a unit of time follows.
    // So it does after a percentage or an amount ("a 40% pay rise over four years").
    // Not "85% of people over 65", where no unit of time follows: an age bound.
    let time_follows = LEXICON
        .unit_at(toks, start + 1)
        .or_else(|| LEXICON.unit_at(toks, start + 2))
        .is_some_and(|u| u.entry.kind == UnitKind::Duration);
    let spread = time_follows
        && prev.last().is_some_and(|(f, e)| {
            *e == s
                || (f.kind == Kind::Count && !f.unit_key.is_empty()
                    || matches!(f.kind, Kind::Percent | Kind::Money))
                    && *e <= s
                    && s - *e <= 6
                    && ctx.tok_sentence[*e - 1] == ctx.tok_sentence[s]
        });
    if word == "over" && spread {
        return None;
    }
    Some((q, s))
}

/// "5.1 to 5.6 per cent", "de 5 a 7 pesos", "200 of the 1,500 residents": a number
/// without a unit takes the unit of the number it is paired with. The phrase (marked
/// borrowed) and whether the other number is a percentage.
fn borrowed_unit<'a>(ctx: &Ctx, end: usize) -> Option<(UnitPhrase<'a>, bool)> {
    let toks = ctx.toks;
    let link = toks.get(end)?;
    let mut k = end + 1;
    if link.is("of") || link.is("de") {
        if toks
            .get(k)
            .is_some_and(|d| DETS.contains(&d.lower.as_str()))
        {
            k += 1;
        }
        // "20 of the EU's 27 members".
        if toks
            .get(k)
            .is_some_and(|w| w.lower.ends_with("'s") || w.lower.ends_with("’s"))
        {
            k += 1;
        }
    } else if !matches!(
        link.lower.as_str(),
        "to" | "a" | "al" | "and" | "y" | "or" | "o"
    ) {
        return None;
    }
    if toks.get(k).is_none_or(|t| t.kind == TokKind::Punct) {
        return None;
    }
    let Scan::Core(other) = scan_core(ctx, k) else {
        return None;
    };
    if other.ordinal || other.fraction || other.bare_one {
        return None;
    }
    if toks.get(other.end).is_some_and(|t| t.is_punct("%")) {
        return Some((UnitPhrase::default(), true));
    }
    let mut up = unit_phrase(ctx, other.end);
    up.borrowed = true;
    up.has_head().then_some((up, false))
}

/// "two officials said", "dijeron dos funcionarios", "according to three
/// witnesses": a count inside the attribution says who spoke, not what happened.
fn in_attribution(ctx: &Ctx, start: usize, end: usize) -> bool {
    let toks = ctx.toks;
    let speech = |k: usize| toks.get(k).is_some_and(super::speech::is_speech_verb);
    // "the figure of 37 diplomats tells the story": a plural count cannot be the
    // subject of "tells", "says".
    let agrees = |k: usize| ctx.lang != "en" || !toks[k].lower.ends_with('s');
    // ", dijeron dos funcionarios", ", said two officials": verb before its subject,
    // after a comma (not "others say more than 150 officers").
    let inverted = |k: usize| {
        k > 0
            && speech(k - 1)
            && (k < 2
                || toks[k - 2].is_punct(",")
                || ctx.tok_sentence[k - 2] != ctx.tok_sentence[k])
    };
    let clause_ends = toks.get(end).is_none_or(|t| t.is_punct(".,;:)"))
        || ctx.tok_sentence.get(end) != ctx.tok_sentence.get(start);
    let source_before = ["according to", "según", "segun", "citing"]
        .iter()
        .any(|p| {
            let n = p.split(' ').count();
            start
                .checked_sub(n)
                .is_some_and(|s| qualifiers::match_phrase(toks, s, p) == Some(start))
        });
    // "37 diplomats said to be spies": a passive, not a source.
    let passive = toks.get(end + 1).is_some_and(|t| t.is("to"));
    (speech(end) && agrees(end) && !passive)
        || (inverted(start) && clause_ends)
        || (source_before && clause_ends)
}

/// "The rocker, 67, was spotted": a bare whole number set off by commas after a
/// word is an age.
fn is_age(ctx: &Ctx, core: &Core, qualified: bool) -> bool {
    let toks = ctx.toks;
    let Some(v) = core
        .plain_digits
        .as_ref()
        .and_then(|d| d.parse::<u32>().ok())
    else {
        return false;
    };
    let before = core.start.checked_sub(2).map(|k| (&toks[k], &toks[k + 1]));
    let after = toks.get(core.end);
    // "to become, at 39, France's youngest president", "At 39, she ...".
    let at_age = core.start > 0
        && toks[core.start - 1].is("at")
        && (ctx.sentence_initial(core.start - 1)
            || core.start >= 2 && toks[core.start - 2].is_punct(","));
    (1..=120).contains(&v)
        && !qualified
        && (at_age
            || before.is_some_and(|(w, comma)| w.kind == TokKind::Word && comma.is_punct(",")))
        && after.is_some_and(|t| t.is_punct(",)"))
}

/// "people over 65", "children under five": a bound after a people noun is an age.
fn people_over(ctx: &Ctx, core: &Core, start: usize) -> bool {
    let toks = ctx.toks;
    let bound = toks
        .get(start)
        .is_some_and(|q| matches!(q.lower.as_str(), "over" | "under" | "above" | "below"));
    let people = start.checked_sub(1).is_some_and(|k| {
        LEXICON
            .unit_at(toks, k)
            .is_some_and(|m| m.end == start && LEXICON.related(&m.entry.key, "person"))
    });
    bound
        && start < core.start
        && people
        && core.value.is_exact()
        && core
            .value
            .lo
            .is_some_and(|v| v.fract() == 0.0 && (1.0..=120.0).contains(&v))
}

/// "aged 18 to 65": ages in years.
fn after_aged(toks: &[Tok], start: usize) -> bool {
    let Some(k) = start.checked_sub(1) else {
        return false;
    };
    if matches!(toks[k].lower.as_str(), "aged" | "ages" | "age") {
        return true;
    }
    // "at the age of 88", "a la edad de 88".
    if (toks[k].is("of") || toks[k].is("de"))
        && k >= 1
        && (toks[k - 1].is("age") || toks[k - 1].is("edad"))
    {
        return true;
    }
    // "He was 95.": a person's number ending the sentence is an age.
    if (toks[k].is("was") || toks[k].is("is"))
        && k >= 1
        && (toks[k - 1].is("he") || toks[k - 1].is("she"))
        && toks.get(start + 1).is_none_or(|p| p.is_punct(".;"))
    {
        return true;
    }
    // "aged 34 and 41": every age of the list.
    matches!(toks[k].lower.as_str(), "and" | "or" | ",")
        && k >= 1
        && toks[k - 1].kind == TokKind::Num
        && after_aged(toks, k - 1)
}

/// Is the unit something that only comes whole (people, homes), not a measure?
fn whole_count(up: &UnitPhrase) -> bool {
    match (up.head, &up.unknown_head) {
        (Some(u), _) => u.kind == UnitKind::Count && !u.measure,
        (None, Some(_)) => up.head_surface.ends_with('s'),
        _ => false,
    }
}

/// "no one", "the one", "one of", "one another": "one" as a pronoun.
fn pronoun_one(toks: &[Tok], i: usize) -> bool {
    let prev = i.checked_sub(1).map_or("", |k| toks[k].lower.as_str());
    let next = toks.get(i + 1).map_or("", |t| t.lower.as_str());
    matches!(
        prev,
        "no" | "any" | "the" | "this" | "that" | "every" | "each" | "which"
    ) || matches!(next, "of" | "another" | "by" | "who" | "that")
}

fn scale_interval(v: Interval, f: f64) -> Interval {
    Interval {
        lo: v.lo.map(|x| x * f),
        hi: v.hi.map(|x| x * f),
        ..v
    }
}

/// A bare 4-digit 1900–2100 is a year unless a qualifier or a plural counted noun
/// makes it a count ("at least 2000 soldiers").
fn is_year(core: &Core, up: &UnitPhrase, q: Option<Qualifier>, kind: Kind, range: bool) -> bool {
    let Some(d) = &core.plain_digits else {
        return false;
    };
    let v: f64 = d.parse().unwrap_or(0.0);
    let plausible = d.len() == 4 && (1900.0..=2100.0).contains(&v);
    let counted = up.head.is_some_and(|u| u.kind == UnitKind::Count) && is_plural(&up.head_surface);
    // "hasta 2030", "up to 2030" without a noun: until a year.
    let unqualified = q.is_none() || (q == Some(Qualifier::UpTo) && !up.has_head());
    plausible && unqualified && kind == Kind::Count && !counted && (!range || core.value.is_exact())
}

/// A range after the core: "30-40", "30 to 40", "between 30 and 40", "entre 30 y 40",
/// "de 30 a 40". Returns (value, end, start of "between"/"entre" if any).
fn extend_range(ctx: &Ctx, core: &Core) -> (Interval, usize, Option<usize>) {
    // A range stays inside its sentence ("-12.99" and "-5.44%" in two table cells).
    let s = ctx.tok_sentence[core.start];
    let toks = &ctx.toks[..ctx.tok_sentence.partition_point(|&x| x <= s)];
    let plain = (core.value, core.end, None);
    if core.ordinal || core.vague || core.fraction || !core.value.is_exact() {
        return plain;
    }
    let article = |k: usize| {
        toks.get(k)
            .is_some_and(|t| matches!(t.lower.as_str(), "el" | "la" | "los" | "las"))
    };
    // "entre el 2 % y el 2,5 %": an article may stand before each number, and
    // "between $5,000 and $40,000" a currency sign.
    let sign = core.start > 0 && toks[core.start - 1].is_punct("£$€¥");
    let back = if core.start > 0 && article(core.start - 1) {
        2
    } else {
        1
    } + usize::from(sign);
    let intro = core.start.checked_sub(back);
    let before = intro.map(|k| toks[k].lower.as_str());
    let between = matches!(before, Some("between" | "entre" | "from" | "de" | "desde"));
    // "rose from 5.1 to 5.6": after a verb of change, a before and an after.
    let changed = matches!(before, Some("from" | "de" | "desde"))
        && (core.start.saturating_sub(4)..core.start - 1)
            .any(|k| qualifiers::is_change_verb(&toks[k]));
    // "raised rates by 0.25 to 5.25%": the change and the level reached.
    let by_change = matches!(before, Some("by"))
        && (core.start.saturating_sub(5)..core.start).any(|k| qualifiers::is_change_verb(&toks[k]));
    if changed || by_change {
        return plain;
    }
    // "between 2% and 2.5%": a percent sign on each number.
    let percent = toks.get(core.end).is_some_and(|t| t.is_punct("%"));
    let at = core.end + usize::from(percent);
    let Some(sep) = toks.get(at) else {
        return plain;
    };
    let dash = !percent
        && sep.is_punct("-–—")
        && (sep.start == toks[core.end - 1].end
            || toks.get(core.end + 1).is_some_and(|n| n.start == sep.end));
    // "5.25%-5.5%": a dash glued on both sides joins two percentages.
    let percent_dash = percent
        && sep.is_punct("-–—")
        && sep.start == toks[at - 1].end
        && toks.get(at + 1).is_some_and(|n| n.start == sep.end);
    let dash = dash || percent_dash;
    // "ganó 1-2 en Valladolid", "6-7, 6-4, 6-4": a score after a result verb, or in a
    // list of set scores, is two counts even when it rises.
    let sentence_from = ctx.sentence_first_tok(s, core.start);
    let result = (core.start.saturating_sub(6).max(sentence_from)..core.start)
        .any(|k| RESULT_VERBS.contains(&toks[k].lower.as_str()));
    let set_list = |k: usize| in_dash_pair(toks, k);
    let listed = toks.get(core.end + 2).is_some_and(|c| c.is_punct(",")) && set_list(core.end + 3)
        || core.start >= 2
            && toks[core.start - 1].is_punct(",")
            && set_list(core.start.saturating_sub(4));
    let dash = dash && !(result || listed) || percent_dash;
    // "between 30 and 40", "entre 30 y 40", "from 30 to 40", "de 30 a 40"; not "los
    // terremotos de 1985 y 2017", two years.
    let and_between = matches!(before, Some("between" | "entre"));
    let word = (and_between && (sep.is("and") || sep.is("y")))
        || (between && (sep.is("to") || sep.is("a") || sep.is("hasta")))
        || sep.is("to");
    if !(dash || word) || (percent && !between && !percent_dash) {
        return plain;
    }
    let mut k = at + 1 + usize::from(between && article(at + 1));
    // "£35 to £65": the currency repeated before the second number.
    if toks.get(k).is_some_and(|c| c.is_punct("£$€¥"))
        && core.start > 0
        && toks[core.start - 1].is_punct("£$€¥")
        && toks.get(k + 1).is_some_and(|n| n.start == toks[k].end)
    {
        k += 1;
    }
    let Scan::Core(second) = scan_core(ctx, k) else {
        return plain;
    };
    if second.ordinal || second.vague || second.bare_one || !second.value.is_exact() {
        return plain;
    }
    if percent && !toks.get(second.end).is_some_and(|t| t.is_punct("%")) {
        return plain;
    }
    let (mut lo, hi) = (core.value.lo.unwrap_or(0.0), second.value.hi.unwrap_or(0.0));
    // "between 1 and 2 million": the scale of the second applies to the first.
    if second.scaled && !core.scaled && lo < 1e3 {
        let scale = 10f64.powi((hi.log10().floor() as i32 / 3) * 3);
        lo *= scale;
    }
    if lo >= hi || lo.is_nan() || hi.is_nan() {
        return plain;
    }
    let start = intro.filter(|_| between);
    let mut value = Interval::closed(lo, hi);
    if core.plain_digits.is_none() {
        value.lo = Some(lo);
    }
    (value, second.end, start)
}

#[allow(clippy::too_many_arguments)]
fn finish(
    ctx: &Ctx,
    start: usize,
    end: usize,
    value: Interval,
    kind: Kind,
    currency: Option<String>,
    up: UnitPhrase,
    prev: &[(Figure, usize)],
) -> Figure {
    let toks = ctx.toks;
    let span = [toks[start].start, toks[end - 1].end];
    let unit = if up.end > up.start {
        ctx.text[toks[up.start].start..toks[up.end - 1].end].to_lowercase()
    } else {
        String::new()
    };
    let mut modifiers: Vec<String> = Vec::new();
    let mut nationality = false;
    for (key, group) in &up.modifiers {
        nationality |= group == "nationality";
        if !modifiers.contains(key) {
            modifiers.push(key.clone());
        }
    }
    let mut unit_key = match (&up.head, &up.unknown_head) {
        (Some(u), _) => u.key.clone(),
        (None, Some(w)) => w.clone(),
        _ => String::new(),
    };
    if kind == Kind::Money && up.head.is_none_or(|u| u.kind != UnitKind::Money) {
        unit_key = money_key(currency.as_deref());
    }
    // An elided noun: the subject of a verb of change ("the staff grew from 49 to
    // 86"), else the noun of the figure before.
    // "de magnitud 6,3", "a magnitude 7.1 quake": the measure is named first.
    let measure_before = start
        .checked_sub(1)
        .is_some_and(|k| matches!(toks[k].lower.as_str(), "magnitude" | "magnitud"));
    // "the magnitude 5.9 quake" measures the quake in magnitude.
    if kind == Kind::Count && measure_before {
        unit_key = "magnitude".to_string();
    } else if kind == Kind::Count && !up.has_head() {
        // The numbers of a score ("a 3-1 series lead") borrow no noun from before.
        let score = in_dash_pair(toks, start) || in_dash_pair(toks, start.saturating_sub(2));
        // "subió en 49.558 personas en septiembre, hasta 3,77 millones": a count
        // with its noun stated just before lends it before the verb's subject does.
        // Dates between do not interrupt ("personas en septiembre, hasta").
        let stated = prev
            .iter()
            .rev()
            .find(|(f, _)| !matches!(f.kind, Kind::Date | Kind::Year))
            .filter(|(f, e)| {
                f.kind == Kind::Count
                    && !f.unit.is_empty()
                    && !f.unit_key.is_empty()
                    && start.saturating_sub(*e) <= 8
                    && ctx.tok_sentence[*e - 1] == ctx.tok_sentence[start]
            });
        if let Some((f, _)) = stated.filter(|_| !score) {
            unit_key = f.unit_key.clone();
        } else if !score {
            unit_key = subject_unit(ctx, start);
        }
        // "for a population of 400,000", "la población ... hasta los 3 millones".
        // "the wild tiger population has risen to 355": a population of a kind.
        if !score && population_before(ctx, start) {
            unit_key = population_kind(ctx, start).unwrap_or_else(|| "person".to_string());
        }
        if unit_key.is_empty() && !score {
            unit_key = inherited_unit(ctx, start, prev);
        }
        if unit_key.is_empty() && tally(ctx, start) {
            unit_key = "vote".to_string();
        }
        if unit_key.is_empty() && !score && people_unsaid(toks, start, end) {
            unit_key = "person".to_string();
        }
    }
    // A percentage is a share of whatever follows it; its unit is the percent.
    if kind == Kind::Percent && unit_key != "percentage point" {
        unit_key = "percent".to_string();
    }
    if kind == Kind::Count
        && !nationality
        && let Some(n) = institution_nationality(ctx, start, prev)
    {
        modifiers.push(n);
    }
    Figure {
        text: ctx.text[span[0]..span[1]].to_string(),
        value,
        kind,
        unit,
        unit_key,
        modifiers,
        currency,
        span,
        sentence: ctx.sentence_text(start),
        attribution: attribution(ctx, start),
    }
}

/// Verbs only people do, right after a bare count that is their subject ("3.7
/// million march across France", "200,000 fled").
const PEOPLE_VERBS: &[&str] = &[
    "march",
    "marched",
    "protest",
    "protested",
    "rally",
    "rallied",
    "demonstrated",
    "voted",
    "attended",
    "fled",
    "died",
    "perished",
    "queued",
    "signed",
    "gathered",
    "marcharon",
    "protestaron",
    "votaron",
    "asistieron",
    "huyeron",
    "murieron",
    "firmaron",
    "se",
    "acudieron",
    "participaron",
    "fallecieron",
];

/// A count of people whose noun is left unsaid: the subject of a verb only people
/// do, or the object of "left ... without" ("left 8.5 million without power",
/// "dejó a 2 millones sin luz").
fn people_unsaid(toks: &[Tok], start: usize, end: usize) -> bool {
    let Some(next) = toks.get(end).filter(|t| t.kind == TokKind::Word) else {
        return false;
    };
    // "se manifestaron", "se concentraron": a reflexive verb after "se".
    let reflexive = next.is("se")
        && toks
            .get(end + 1)
            .is_some_and(|v| v.lower.ends_with("aron") || v.lower.ends_with("ieron"));
    if PEOPLE_VERBS.contains(&next.lower.as_str()) && (!next.is("se") || reflexive) {
        return true;
    }
    let mut k = start;
    if k > 0 && toks[k - 1].is("a") {
        k -= 1;
    }
    k > 0
        && matches!(
            toks[k - 1].lower.as_str(),
            "left" | "leaving" | "leaves" | "dejó" | "dejaron" | "dejando" | "deja" | "dejan"
        )
        && matches!(
            next.lower.as_str(),
            "without" | "homeless" | "stranded" | "sin"
        )
}

/// "The vote was 9 to 4", "la votación quedó 5 a 2": bare numbers stated as the
/// outcome of a vote count votes.
fn tally(ctx: &Ctx, start: usize) -> bool {
    let toks = ctx.toks;
    // "passed the bill 68-31", "in a 5-2 vote": a dash pair in a sentence about a
    // vote.
    let pair = in_dash_pair(toks, start) || in_dash_pair(toks, start.saturating_sub(2));
    if pair
        && ctx.sentence_toks(ctx.tok_sentence[start]).iter().any(|t| {
            matches!(
                t.lower.as_str(),
                "vote"
                    | "votes"
                    | "voted"
                    | "bill"
                    | "motion"
                    | "ballot"
                    | "votación"
                    | "votacion"
                    | "votos"
                    | "votó"
                    | "votaron"
                    | "moción"
                    | "mocion"
            )
        })
    {
        return true;
    }
    let from = ctx
        .sentence_first_tok(ctx.tok_sentence[start], start)
        .max(start.saturating_sub(4));
    (from..start).any(|k| {
        matches!(
            toks[k].lower.as_str(),
            "vote" | "voted" | "tally" | "votación" | "votacion" | "recuento" | "votó" | "votaron"
        )
    })
}

/// "The embassy's staff grew from 49 to 86": the counted noun is the subject of
/// the verb of change before the number.
fn subject_unit(ctx: &Ctx, start: usize) -> String {
    let toks = ctx.toks;
    let from = ctx
        .sentence_first_tok(ctx.tok_sentence[start], start)
        .max(start.saturating_sub(LOOK_BACK));
    // A bound verb may be the figure's own first token ("topped 42,000").
    let Some(v) = (from..start + 1)
        .rev()
        .find(|&k| qualifiers::is_change_verb(&toks[k]) || qualifiers::is_bound_verb(&toks[k]))
    else {
        return String::new();
    };
    // The noun right before the verb, else the first counted noun of the clause
    // ("The death toll from the storm that battered the coast this week rose").
    let counted = |k: usize| {
        LEXICON
            .unit_at(toks, k)
            .filter(|m| m.entry.kind == UnitKind::Count)
    };
    let sentence = ctx.sentence_first_tok(ctx.tok_sentence[start], start);
    // "the death toll since the coup topped 500".
    if (sentence..v).any(|k| toks[k].is("toll")) {
        return "death".to_string();
    }
    (v.saturating_sub(3).max(from)..v)
        .find_map(|k| counted(k).filter(|m| m.end == v))
        .or_else(|| (sentence..v).find_map(counted))
        .map(|m| m.entry.key.clone())
        .unwrap_or_default()
}

/// The unit key of a currency code ("USD" → "dollar").
fn money_key(code: Option<&str>) -> String {
    code.and_then(|c| LEXICON.money_key(c))
        .unwrap_or_default()
        .to_string()
}

/// An elided noun ("the 49 already accredited"): the unit key of the nearest
/// earlier count figure in this sentence or the previous one.
fn inherited_unit(ctx: &Ctx, start: usize, prev: &[(Figure, usize)]) -> String {
    let s = ctx.tok_sentence[start];
    let near = || {
        prev.iter()
            .rev()
            .take_while(|(_, end)| ctx.tok_sentence[end.saturating_sub(1)] + 1 >= s)
    };
    near()
        .find(|(f, _)| f.kind == Kind::Count && !f.unit_key.is_empty())
        .map(|(f, _)| f.unit_key.clone())
        // "perdió el 72 % de sus pasajeros: 17,1 millones": the group a share was of.
        .or_else(|| {
            near()
                .filter(|(f, _)| f.kind == Kind::Percent && !f.unit.is_empty())
                .find_map(|(f, _)| {
                    let toks = super::tokens::tokenize(&f.unit);
                    (0..toks.len()).find_map(|k| {
                        LEXICON
                            .unit_at(&toks, k)
                            .filter(|m| m.entry.kind == UnitKind::Count)
                            .map(|m| m.entry.key.clone())
                    })
                })
        })
        .unwrap_or_default()
}

/// "the US embassy, which has 46 diplomats": the nationality an institution named
/// earlier in the clause lends to a staff count.
fn institution_nationality(ctx: &Ctx, start: usize, prev: &[(Figure, usize)]) -> Option<String> {
    let toks = ctx.toks;
    let s = ctx.tok_sentence[start];
    let mut from = ctx.sentence_first_tok(s, start);
    if let Some((_, end)) = prev.last()
        && *end <= start
        && ctx.tok_sentence[end.saturating_sub(1)] == s
    {
        from = from.max(*end);
    }
    for k in from..start {
        let Some(inst_end) = LEXICON.institution_at(toks, k) else {
            continue;
        };
        // Before: "US embassy", "Russia's embassy".
        for back in 1..=2 {
            if let Some(m) = k
                .checked_sub(back)
                .and_then(|b| LEXICON.modifier_at(toks, b))
                && m.end == k
                && m.entry.group == "nationality"
            {
                return Some(m.entry.key.clone());
            }
        }
        // After: "embajada estadounidense", "embassy of the United States".
        let mut mods = Vec::new();
        post_modifiers(toks, inst_end, &mut mods);
        if let Some((key, _)) = mods.into_iter().find(|(_, g)| g == "nationality") {
            return Some(key);
        }
    }
    None
}
