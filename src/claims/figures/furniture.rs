//! Page furniture: lines that are not reporting.
//!
//! Entry point: [`reporting_starts`], per sentence the token where reporting starts.
//! A line is furniture ([`is_furniture`]) when an opener such as "Updated" or "Read
//! more" is followed by a time, a colon or a preposition, or a field of a byline strip
//! is made only of counter words ("1,204 shares", "Comentarios (37)"); reporting glued
//! to it after a dash starts a long capitalised clause. Word lists: `[furniture]` in
//! `figures.toml`.
//!
//! ```text
//! "Updated 10:42 GMT · 3 min read — Opposition leader Samira Haddad was released
//!  after 11 days" → only "11 days" is read
//! ```

use crate::claims::qualifiers;
use crate::claims::tokens::{Tok, TokKind};

use super::Ctx;
use super::words::{WORDS, has};

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
        let opened = WORDS
            .furniture
            .openers
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
    // A sentence of more than four words with no separator has no such field.
    let separated = toks
        .iter()
        .any(|t| ["|", "·", "•"].iter().any(|p| t.is_punct(p)));
    if !separated
        && toks
            .iter()
            .filter(|t| t.kind == TokKind::Word)
            .nth(4)
            .is_some()
    {
        return false;
    }
    toks.split(|t| ["|", "·", "•"].iter().any(|p| t.is_punct(p)))
        .any(|field| {
            let words: Vec<&Tok> = field.iter().filter(|t| t.kind == TokKind::Word).collect();
            let numbered = field.iter().any(|t| t.kind == TokKind::Num);
            !words.is_empty()
                && words.len() <= 4
                && words
                    .iter()
                    .all(|w| has(&WORDS.furniture.counter_words, w.lower.as_str()))
                && (numbered || field.len() == toks.len())
        })
}

/// Per sentence, the token index where reporting starts after page furniture (0 for
/// a sentence of reporting).
pub(super) fn reporting_starts(ctx: &Ctx) -> Vec<usize> {
    (0..ctx.sentences.len())
        .map(|s| {
            let toks = ctx.sentence_toks(s);
            let offset = ctx.tok_sentence.partition_point(|&x| x < s);
            if is_furniture(toks) {
                offset + reporting_after(toks)
            } else {
                0
            }
        })
        .collect()
}
