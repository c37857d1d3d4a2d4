//! Figures: numbers with their qualifier, kind, unit and source.
//!
//! One left-to-right pass over the tokens, [`extract`]. At each token it tries, in
//! order, a date or span of days (`days`), an ordinal named after its noun ("minuto
//! 89"), then a number core (`number`); `build` grows a core into a figure, one named
//! step after the other. Each stage is one file whose doc names its entry point and
//! gives an example; its word lists are a table of `figures.toml`, beside `units.toml`
//! (loaded by `words`):
//!
//! | stage | file | example |
//! |---|---|---|
//! | number core | `number.rs` | "1.500", "two hundred", "3rd", "dozens", "double" |
//! | scale | `scale.rs` | "2 mil millones" → 2,000,000,000 |
//! | range | `range.rs` | "between 30 and 40" → [30, 40] |
//! | qualifier | `qualifier.rs` | "more than 150" → (150, +∞) |
//! | currency | `currency.rs` | "US$ 5", "10 €", "115USD", "75 USD millones" |
//! | shared signs | `shared_sign.rs` | "$" in Spanish copy naming Rosario → MXN |
//! | sub-units | `sub_units.rs` | "50 cents" → 0.50 USD, "3 dollars 50 cents" → 3.50 |
//! | unit phrase | `unit_phrase.rs` | "37 new Russian diplomats" → diplomat, [new, russian] |
//! | measures | `measure.rs` | "outreach is 48m" → 48 meter, "5 feet 2 inches" |
//! | kind | `kind.rs` | "in 1998" → a year, "3 years" → 1,095 days |
//! | traps | `traps.rs` | "Boeing 737", "COVID-19", "14:00", "+34 912 345 678" |
//! | rejects | `reject.rs` | "call 911", "two officials said", "Adele's 25" |
//! | elided noun | `elided.rs` | "the staff grew from 49 to 86" → staff |
//! | dates and days | `days.rs` | "entre el 28 y el 30 de noviembre" |
//! | page furniture | `furniture.rs` | "Updated 14:32 GMT", "5 min read" |
//! | assembly | `build.rs` | the order in which the steps run |
//! | word lists | `words.rs`, `../figures.toml` | `id_nouns`: "article 5", "flight 17" |
//!
//! A number with no noun of its own takes one, in this order: the noun of the number
//! it is paired with ("5 to 7 pesos", "200 of the 1,500 residents"), the subject of a
//! verb of change ("the staff grew from 49 to 86"), the noun of the figure before
//! ("52 votes to 48").

mod build;
#[cfg(test)]
mod clause_tests;
mod currency;
pub(crate) use currency::article_currency;
mod days;
mod elided;
mod fraction;
mod furniture;
mod kind;
mod measure;
#[cfg(test)]
mod measure_tests;
#[cfg(test)]
mod money_tests;
mod number;
mod ordinal;
mod qualifier;
mod range;
mod reject;
#[cfg(test)]
mod round49_tests;
#[cfg(test)]
mod round50_tests;
mod scale;
mod shared_sign;
mod sub_units;
#[cfg(test)]
mod tests;
mod traps;
mod unit_phrase;
mod words;

use std::cell::OnceCell;

use crate::claims::numbers::Convention;
use crate::claims::speech::find_source;
use crate::claims::tokens::{Tok, TokKind};
use crate::claims::types::{Figure, Interval, Kind};

use build::build;
use number::{Scan, may_start, noun_ordinal, scan_core};

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
    /// Keys of the currencies whose places the article names (`shared_sign`).
    places: OnceCell<Vec<String>>,
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
            places: OnceCell::new(),
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

#[cfg(test)]
thread_local! {
    /// Tests turn the `may_start` gate off to show it skips only what reads nothing.
    pub(super) static NO_GATE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn gate_off() -> bool {
    #[cfg(test)]
    return NO_GATE.with(|g| g.get());
    #[cfg(not(test))]
    false
}

/// How many tokens back a verb of change may stand from the number it governs.
const LOOK_BACK: usize = 12;

/// Reads every figure of the article.
pub(crate) fn extract(ctx: &Ctx) -> Vec<Figure> {
    let mut figs: Vec<(Figure, usize)> = Vec::new();
    let furniture = furniture::reporting_starts(ctx);
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
        if !may_start(t) && !gate_off() {
            i += 1;
            continue;
        }
        if let Some(next) = days::dates_at(ctx, i, &mut figs) {
            range::join_months(ctx, &mut figs);
            i = next;
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
                        range::join_bounds(ctx, &mut figs);
                        i = fig_end.max(end);
                    }
                    None => i = end,
                }
            }
            Scan::Skip(end) => i = end.max(i + 1),
            Scan::Nothing => i += 1,
        }
    }
    let mut figs: Vec<Figure> = figs.into_iter().map(|(f, _)| f).collect();
    currency::article_currency(&mut figs);
    figs
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
        headline: false,
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
