//! Claims: the figures, quotes and framing an article states.
//!
//! Pure text processing: no I/O. Entry point: [`analyze`]. Every span is a byte
//! range into `Article::text()`, except a headline figure's, which is one into
//! `Article::title`.
//!
//! The stages, each in its own private module: `tokens` and `sentences` cut the text;
//! `headline` reads the title's figures the same way; `figures` reads numbers (`numbers`, `dates`) with their qualifiers (`qualifiers`,
//! where wording becomes intervals) and units (`units`, from `units.toml`), one file
//! per stage in `figures/` with its word lists in `figures.toml`; `quotes`
//! pairs quote marks and finds speakers (`speech`); `framing` matches the
//! `framing.toml` lexicons.

mod dates;
mod figures;
mod fractions;
mod framing;
mod headline;
mod lang;
pub(crate) mod lexicon;
mod numbers;
mod qualifiers;
mod quotes;
mod sentences;
mod speech;
mod tokens;
mod types;
mod units;
mod word_hash;

pub(crate) use framing::label_set;
pub use types::{Claims, Figure, Framing, FramingHit, Interval, Kind, Paraphrase, Quote};
pub(crate) use units::compared_as;
#[cfg(test)]
pub(crate) use units::in_compared_unit;

use crate::extract::Article;

/// Reads the figures, quotes and framing out of an article's body, and the figures
/// of its headline (marked `headline`, after the body's).
///
/// `article.lang` is a hint ("en", "es", "es-MX"); without one the language is
/// guessed from function words. Never panics; time is linear in the text for
/// practical inputs.
pub fn analyze(article: &Article) -> Claims {
    let text = article.text();
    let toks = tokens::tokenize(&text);
    let lang = lang::from_hint(article.lang.as_deref()).unwrap_or_else(|| lang::guess(&toks));
    let conv = numbers::Convention::detect(&toks, lang);
    let year = published_year(article.published.as_deref());
    let sentences = sentences::split(&text);
    // The body first: a headline restates it in fewer words, so a quantity that is
    // in both is named by the body's mention.
    let mut figures = headline::body_figures(&text, &toks, &sentences, lang, conv, year);
    figures.extend(headline::figures(&article.title, lang, conv, year));
    // The headline's amounts are in the currency the body names, and the other way.
    figures::article_currency(&mut figures);
    let (quotes, scare) = quotes::extract(&text, &sentences);
    let paraphrases = quotes::paraphrases(&text, &sentences, &quotes, &toks);
    let framing = framing::analyze(&text, &toks, scare);
    Claims {
        figures,
        quotes,
        framing,
        paraphrases,
    }
}

/// The figures of one text, cut into tokens and sentences.
fn read_figures(
    text: &str,
    toks: &[tokens::Tok],
    sentences: &[(usize, usize)],
    lang: &'static str,
    conv: numbers::Convention,
    year: Option<i32>,
) -> Vec<Figure> {
    let tok_sentence = figures::sentence_of_tokens(toks, sentences);
    let cache = figures::SentenceCache::new(&tok_sentence, sentences.len());
    let ctx = figures::Ctx {
        text,
        toks,
        sentences,
        tok_sentence,
        lang,
        conv,
        year,
        excluded: links(text),
        cache,
    };
    figures::extract(&ctx)
}

/// Do two unit keys name compatible counts? True for equal keys and for keys that
/// share a family in `units.toml` ("agent", "officer" and "spy" are all
/// intelligence staff), so "150 KGB officers" and "150 agentes de la KGB" compare.
pub fn units_related(a: &str, b: &str) -> bool {
    units::LEXICON.related(a, b)
}

/// Does the unit key count people ("person", "worker", "death")? See `units.toml`.
pub fn counts_people(key: &str) -> bool {
    units::LEXICON.counts_people(key)
}

/// Is one unit key a broader name for what the other counts ("turbine" for "wind
/// turbine", "person" for "worker")? See `units.toml` (`anyone`).
pub fn units_broader(a: &str, b: &str) -> bool {
    units::LEXICON.broader(a, b)
}

/// The year of an RFC 3339 or "yyyy-…" publication date.
fn published_year(published: Option<&str>) -> Option<i32> {
    let p = published?.trim();
    let y = p.get(..4)?;
    let year: i32 = y.parse().ok()?;
    (1900..=2100).contains(&year).then_some(year)
}

/// Byte ranges of URLs and e-mail addresses, whose digits are not figures.
fn links(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let w = word.trim_end();
        let lower = w.to_ascii_lowercase();
        let is_link = lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
            || (w.contains('@') && w.contains('.'))
            // "example.com/path-2023": a slash and a dot in a word starting with a letter.
            || (lower.contains('/')
                && lower.contains('.')
                && lower.starts_with(|c: char| c.is_ascii_alphabetic()));
        if is_link {
            out.push((offset, offset + w.len()));
        }
        offset += word.len();
    }
    out
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
