//! Quotes across outlets: the reference's quotes found again (by word overlap, helped
//! by the speaker), a word diff where the wording differs, and the same words put in
//! another speaker's mouth flagged.
//!
//! An outlet in the other language (English / Spanish) is judged through the bilingual
//! lexicon: a quote pairs when enough of its content words carry over (names and
//! numbers by themselves, other words through their translations). A quote nothing
//! pairs with stays "other language" there, never "absent": the lexicon is not a
//! translator, and calling a quote missing on its word would be false.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

use super::{Status, Subject};
use crate::claims::Quote;
use crate::claims::lexicon;
use crate::fetch::discover::fold;

/// Share of the shorter quote's words the other must hold to be the same quote.
const QUOTE_MIN: f64 = 0.6;
/// Lower share accepted when both name the same speaker (a trimmed or reworded quote).
const QUOTE_MIN_SAME_SPEAKER: f64 = 0.35;
/// Across languages, share of the shorter quote's content words that must carry over.
const TRANSLATED_MIN: f64 = 0.5;
/// Lower share accepted across languages when both name the same speaker.
const TRANSLATED_MIN_SAME_SPEAKER: f64 = 0.3;
/// Content words that must carry over on each side before a translated pair counts.
const TRANSLATED_MIN_WORDS: usize = 3;

/// How an outlet carries one reference quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteMatch {
    /// The same words, the same (or an unnamed) speaker.
    Same,
    /// The same quote with different wording (see the diff).
    Reworded,
    /// The same statement in the other language (see the words that did not carry).
    Translated,
    /// The same words (or, across languages, the same statement) attributed to someone
    /// else.
    OtherSpeaker,
    /// The outlet does not carry it.
    Absent,
    /// The outlet writes in another language: not judged.
    OtherLanguage,
}

impl QuoteMatch {
    /// The serialised name.
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteMatch::Same => "same",
            QuoteMatch::Reworded => "reworded",
            QuoteMatch::Translated => "translated",
            QuoteMatch::OtherSpeaker => "other_speaker",
            QuoteMatch::Absent => "absent",
            QuoteMatch::OtherLanguage => "other_language",
        }
    }
}

/// One step of a word diff from the reference's wording to the outlet's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordOp {
    /// `"equal"`, `"delete"` (reference only) or `"insert"` (outlet only).
    pub op: String,
    /// The words (with their spacing).
    pub text: String,
}

/// One reference quote in one outlet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteCell {
    /// How the outlet carries it.
    pub status: QuoteMatch,
    /// The outlet's quote, when found.
    pub quote: Option<Quote>,
    /// Share of the shorter quote's words found in the other.
    pub overlap: Option<f64>,
    /// Word diff from reference to outlet; empty unless `reworded` or `other_speaker`
    /// with different words (a translation has no word diff: see `lost` and `added`).
    pub diff: Vec<WordOp>,
    /// Across languages: the reference's content words with no counterpart in the
    /// outlet's quote (a trimmed or altered translation shows here).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lost: Vec<String>,
    /// Across languages: the outlet's content words with no counterpart in the reference.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
}

/// One reference quote across outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRow {
    /// The reference's quote.
    pub reference: Quote,
    /// Per outlet id with an article.
    pub cells: BTreeMap<String, QuoteCell>,
    /// Outlets that carry it (same, reworded, translated or other speaker).
    pub carried_by: usize,
    /// Outlets that could be judged: those in the reference's language, and those in
    /// the other language whose article pairs this quote.
    pub comparable: usize,
}

/// Quote rows for the reference's quotes, and each same-language outlet's quotes the
/// reference does not have.
pub(super) fn compare(
    reference: &Subject,
    outlets: &[Subject],
) -> (Vec<QuoteRow>, BTreeMap<String, Vec<Quote>>) {
    let ref_lang = lang(reference);
    let mut rows: Vec<QuoteRow> = reference
        .claims
        .quotes
        .iter()
        .map(|q| QuoteRow {
            reference: q.clone(),
            cells: BTreeMap::new(),
            carried_by: 0,
            comparable: 0,
        })
        .collect();
    let mut extras = BTreeMap::new();
    for o in outlets
        .iter()
        .filter(|o| o.status == Status::Ok && o.article.is_some())
    {
        let same_lang = ref_lang.is_none() || lang(o).is_none() || lang(o) == ref_lang;
        if !same_lang {
            let (rl, ol) = (ref_lang.as_deref().unwrap_or("en"), lang(o));
            let used = across(&mut rows, o, rl, ol.as_deref().unwrap_or("en"));
            extras.insert(o.id.clone(), unused(o, used));
            continue;
        }
        let mut used = vec![false; o.claims.quotes.len()];
        for row in &mut rows {
            row.comparable += 1;
            let best = o
                .claims
                .quotes
                .iter()
                .enumerate()
                .filter(|(j, _)| !used[*j])
                .filter_map(|(j, q)| {
                    let ov = overlap(&row.reference.text, &q.text);
                    let same_speaker = speakers_match(&row.reference, q) == Some(true);
                    let ok = ov >= QUOTE_MIN || (same_speaker && ov >= QUOTE_MIN_SAME_SPEAKER);
                    ok.then_some((j, ov + if same_speaker { 0.2 } else { 0.0 }, ov))
                })
                .max_by(|a, b| a.1.total_cmp(&b.1));
            let c = match best {
                Some((j, _, ov)) => {
                    used[j] = true;
                    row.carried_by += 1;
                    let q = &o.claims.quotes[j];
                    let same_words = words(&row.reference.text) == words(&q.text);
                    let status = if speakers_match(&row.reference, q) == Some(false) {
                        QuoteMatch::OtherSpeaker
                    } else if same_words {
                        QuoteMatch::Same
                    } else {
                        QuoteMatch::Reworded
                    };
                    QuoteCell {
                        status,
                        quote: Some(q.clone()),
                        overlap: Some((ov * 100.0).round() / 100.0),
                        diff: if same_words {
                            Vec::new()
                        } else {
                            diff(&row.reference.text, &q.text)
                        },
                        lost: Vec::new(),
                        added: Vec::new(),
                    }
                }
                None => cell(QuoteMatch::Absent),
            };
            row.cells.insert(o.id.clone(), c);
        }
        extras.insert(o.id.clone(), unused(o, used));
    }
    (rows, extras)
}

/// Pairs the reference's quotes with an outlet's in the other language, best evidence
/// first, each quote at most once; fills the outlet's cell in every row. Returns which
/// of the outlet's quotes were paired.
fn across(rows: &mut [QuoteRow], o: &Subject, ref_lang: &str, lang: &str) -> Vec<bool> {
    let quotes = &o.claims.quotes;
    let mut candidates = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        for (j, q) in quotes.iter().enumerate() {
            let c = lexicon::carried(&row.reference.text, ref_lang, &q.text, lang);
            let same_speaker = speakers_match(&row.reference, q) == Some(true);
            let min = if same_speaker {
                TRANSLATED_MIN_SAME_SPEAKER
            } else {
                TRANSLATED_MIN
            };
            if c.share >= min && c.matched.0.min(c.matched.1) >= TRANSLATED_MIN_WORDS {
                let score = c.share + if same_speaker { 0.2 } else { 0.0 };
                candidates.push((score, i, j, c));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used = vec![false; quotes.len()];
    let mut done = vec![false; rows.len()];
    for (_, i, j, c) in candidates {
        if used[j] || done[i] {
            continue;
        }
        (used[j], done[i]) = (true, true);
        let row = &mut rows[i];
        let q = &quotes[j];
        row.carried_by += 1;
        row.comparable += 1;
        let status = if speakers_match(&row.reference, q) == Some(false) {
            QuoteMatch::OtherSpeaker
        } else {
            QuoteMatch::Translated
        };
        let c = QuoteCell {
            status,
            quote: Some(q.clone()),
            overlap: Some((c.share * 100.0).round() / 100.0),
            diff: Vec::new(),
            lost: c.lost,
            added: c.added,
        };
        row.cells.insert(o.id.clone(), c);
    }
    for (row, _) in rows.iter_mut().zip(done).filter(|(_, d)| !d) {
        row.cells
            .insert(o.id.clone(), cell(QuoteMatch::OtherLanguage));
    }
    used
}

/// The outlet's quotes that no reference quote took.
fn unused(o: &Subject, used: Vec<bool>) -> Vec<Quote> {
    o.claims
        .quotes
        .iter()
        .zip(used)
        .filter(|(_, u)| !u)
        .map(|(q, _)| q.clone())
        .collect()
}

fn cell(status: QuoteMatch) -> QuoteCell {
    QuoteCell {
        status,
        quote: None,
        overlap: None,
        diff: Vec::new(),
        lost: Vec::new(),
        added: Vec::new(),
    }
}

fn lang(s: &Subject) -> Option<String> {
    let l = s.article.as_ref()?.lang.as_deref()?;
    Some(l.get(..2).unwrap_or(l).to_ascii_lowercase())
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// Share of the shorter quote's distinct words found in the other.
fn overlap(a: &str, b: &str) -> f64 {
    let (wa, wb): (HashSet<String>, HashSet<String>) = (
        words(a).into_iter().collect(),
        words(b).into_iter().collect(),
    );
    let small = wa.len().min(wb.len());
    if small == 0 {
        return 0.0;
    }
    wa.intersection(&wb).count() as f64 / small as f64
}

/// Whether two quotes name the same speaker: `None` when either names none. Surnames
/// decide, so "John Feeley" and "Feeley" are one speaker.
fn speakers_match(a: &Quote, b: &Quote) -> Option<bool> {
    let last = |q: &Quote| -> Option<String> { words(q.speaker.as_deref()?).last().cloned() };
    let (x, y) = (last(a)?, last(b)?);
    Some(x == y)
}

/// Word-level diff from `a` to `b`. Changed words separated by a lone space are one
/// change ("every home" → "the homes"), as a reader sees them.
fn diff(a: &str, b: &str) -> Vec<WordOp> {
    let d = TextDiff::from_words(a, b);
    let mut out: Vec<WordOp> = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    let flush = |out: &mut Vec<WordOp>, del: &mut String, ins: &mut String| {
        // Spacing held back after the last changed word goes back to the equal text.
        let tail_len = del.len() - del.trim_end().len();
        let tail = del[del.len() - tail_len..].to_string();
        let ins_trim = ins.trim_end().len();
        ins.truncate(ins_trim);
        del.truncate(del.len() - tail_len);
        for (op, text) in [("delete", &mut *del), ("insert", &mut *ins)] {
            if !text.is_empty() {
                out.push(WordOp {
                    op: op.into(),
                    text: std::mem::take(text),
                });
            }
        }
        tail
    };
    for change in d.iter_all_changes() {
        let v = change.value();
        match change.tag() {
            ChangeTag::Delete => del.push_str(v),
            ChangeTag::Insert => ins.push_str(v),
            ChangeTag::Equal if v.trim().is_empty() && !(del.is_empty() && ins.is_empty()) => {
                del.push_str(v);
                if !ins.is_empty() {
                    ins.push_str(v);
                }
            }
            ChangeTag::Equal => {
                let mut text = if del.is_empty() && ins.is_empty() {
                    String::new()
                } else {
                    flush(&mut out, &mut del, &mut ins)
                };
                text.push_str(v);
                match out.last_mut() {
                    Some(last) if last.op == "equal" => last.text.push_str(&text),
                    _ => out.push(WordOp {
                        op: "equal".into(),
                        text,
                    }),
                }
            }
        }
    }
    if !(del.is_empty() && ins.is_empty()) {
        let tail = flush(&mut out, &mut del, &mut ins);
        if !tail.is_empty() {
            out.push(WordOp {
                op: "equal".into(),
                text: tail,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_marks_changed_words() {
        let d = diff("we will rebuild every home", "we will rebuild the homes");
        let ops: Vec<(&str, &str)> = d.iter().map(|w| (w.op.as_str(), w.text.as_str())).collect();
        assert!(ops.contains(&("delete", "every home")));
        assert!(ops.contains(&("insert", "the homes")));
        assert!(overlap("we will rebuild every home", "we will rebuild the homes") >= 0.6);
    }
}
