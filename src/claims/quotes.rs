//! Direct quotations and their speakers; short quoted spans are scare quotes.
//!
//! Quote marks pair within a paragraph: “…”, «…», ‘…’, "…" and, for scare quotes
//! only, straight '…'. A span of four or more words is a quotation; one or two
//! words are a scare quote ('diplomats'); three words are neither.

use super::speech::{Source, find_source, find_source_cue};
use super::tokens::{Tok, is_letter, tokenize};
use super::types::{FramingHit, Paraphrase, Quote};

/// Words a quotation needs (fewer is a scare quote or a title).
const MIN_QUOTE_WORDS: usize = 4;
/// Most words a scare quote has.
const MAX_SCARE_WORDS: usize = 2;

/// A quoted span: byte range of the words inside the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quoted {
    /// Opening mark's byte offset.
    pub open: usize,
    /// Inner start.
    pub start: usize,
    /// Inner end.
    pub end: usize,
    /// One past the closing mark.
    pub close: usize,
}

/// Every quoted span of `text`, in order, marks paired within paragraphs.
pub(crate) fn quoted_spans(text: &str) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut base = 0;
    for para in text.split("\n\n") {
        spans_in(para, base, &mut out);
        base += para.len() + 2;
    }
    out
}

/// The closing mark for an opening one at `i` of `chars`, if it opens there.
fn closer_for(chars: &[(usize, char)], i: usize) -> Option<char> {
    let c = chars[i].1;
    let prev = i.checked_sub(1).map(|k| chars[k].1);
    let next = chars.get(i + 1).map(|x| x.1);
    let opens_word = prev.is_none_or(|p| !is_letter(p) && !p.is_ascii_digit());
    match c {
        '“' => Some('”'),
        '«' => Some('»'),
        '„' => Some('“'),
        '‘' if opens_word => Some('’'),
        '"' => Some('"'),
        '\'' if opens_word && next.is_some_and(is_letter) => Some('\''),
        _ => None,
    }
}

fn spans_in(para: &str, base: usize, out: &mut Vec<Quoted>) {
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let Some(close) = closer_for(&chars, i) else {
            i += 1;
            continue;
        };
        let open_at = chars[i].0;
        let found = (i + 1..chars.len()).find(|&k| {
            chars[k].1 == close && {
                // An apostrophe inside a word ("Russia’s") does not close.
                let next = chars.get(k + 1).map(|x| x.1);
                !(matches!(close, '’' | '\'') && next.is_some_and(is_letter))
            }
        });
        let Some(k) = found else {
            i += 1;
            continue;
        };
        // Straight single quotes only wrap short spans; longer ones are apostrophes.
        if close == '\'' && para[open_at..chars[k].0].split_whitespace().count() > MAX_SCARE_WORDS {
            i += 1;
            continue;
        }
        let inner_start = open_at + chars[i].1.len_utf8();
        let inner = &para[inner_start..chars[k].0];
        let lead = inner.len() - inner.trim_start().len();
        let trimmed = inner.trim();
        out.push(Quoted {
            open: base + open_at,
            start: base + inner_start + lead,
            end: base + inner_start + lead + trimmed.len(),
            close: base + chars[k].0 + close.len_utf8(),
        });
        i = k + 1;
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The sentence (byte range) containing `at`, or the paragraph slice around it.
fn sentence_at(sentences: &[(usize, usize)], at: usize) -> Option<usize> {
    sentences.iter().position(|&(a, b)| at >= a && at < b)
}

/// Quotations with speakers, plus scare-quote framing hits.
pub(crate) fn extract(text: &str, sentences: &[(usize, usize)]) -> (Vec<Quote>, Vec<FramingHit>) {
    let mut quotes = Vec::new();
    let mut scare = Vec::new();
    let mut last_speaker: Option<String> = None;
    for q in quoted_spans(text) {
        let words = word_count(&text[q.start..q.end]);
        if (1..=MAX_SCARE_WORDS).contains(&words) {
            scare.push(FramingHit {
                term: text[q.start..q.end].to_string(),
                category: "scare_quote".to_string(),
                neutral: None,
                span: [q.start, q.end],
            });
            continue;
        }
        if words < MIN_QUOTE_WORDS {
            continue;
        }
        let s_open = sentence_at(sentences, q.open);
        let sentence = s_open
            .map(|s| text[sentences[s].0..sentences[s].1].to_string())
            .unwrap_or_default();
        let speaker = speaker(text, sentences, &q).and_then(|s| {
            if s.pronoun {
                last_speaker.clone()
            } else {
                Some(s.text)
            }
        });
        if speaker.is_some() {
            last_speaker.clone_from(&speaker);
        }
        quotes.push(Quote {
            text: text[q.start..q.end].to_string(),
            speaker,
            span: [q.start, q.end],
            sentence,
        });
    }
    (quotes, scare)
}

/// Sentences without a quotation that attribute what they say to a named source
/// (a pronoun alone is not recorded: "he said" names no one new).
pub(crate) fn paraphrases(
    text: &str,
    sentences: &[(usize, usize)],
    quotes: &[Quote],
    toks: &[Tok],
) -> Vec<Paraphrase> {
    sentences
        .iter()
        .filter(|&&(a, b)| !quotes.iter().any(|q| q.span[0] < b && q.span[1] > a))
        .filter_map(|&(a, b)| {
            // The text's own tokens inside the sentence (no token crosses a sentence
            // boundary), rather than tokenizing each sentence again.
            let first = toks.partition_point(|t| t.start < a);
            let last = toks.partition_point(|t| t.start < b);
            let toks = &toks[first..last];
            let (source, cue) = find_source_cue(text, toks)?;
            (!source.pronoun).then(|| Paraphrase {
                source: source.text,
                cue: cue.to_lowercase(),
                span: [a, b],
                sentence: text[a..b].to_string(),
            })
        })
        .collect()
}

/// The speaker: after the closing mark in its sentence, before the opening mark,
/// then the next and previous sentences.
fn speaker(text: &str, sentences: &[(usize, usize)], q: &Quoted) -> Option<Source> {
    let s_close = sentence_at(sentences, q.close.saturating_sub(1));
    let s_open = sentence_at(sentences, q.open);
    let within = |a: usize, b: usize| -> Option<Source> {
        if a >= b {
            return None;
        }
        let toks: Vec<Tok> = shift(tokenize(&text[a..b]), a);
        find_source(text, &toks)
    };
    let after =
        s_close.and_then(|s| within(q.close, cut_at_next_quote(text, q.close, sentences[s].1)));
    let before = s_open.and_then(|s| within(sentences[s].0, q.open));
    after
        .or(before)
        .or_else(|| {
            let s = s_close? + 1;
            let &(a, b) = sentences.get(s)?;
            // The next sentence names the speaker only if it does not open a new quote.
            (!text[a..b].starts_with(['“', '«', '"']))
                .then(|| within(a, b))
                .flatten()
        })
        .or_else(|| {
            let s = s_open?.checked_sub(1)?;
            let &(a, b) = sentences.get(s)?;
            // "Medina said:" ending the previous sentence or paragraph.
            text[a..b]
                .trim_end()
                .ends_with(':')
                .then(|| within(a, b))
                .flatten()
        })
}

/// End of the text after a quote up to the next opening mark (another quote's
/// speaker is not this one's).
fn cut_at_next_quote(text: &str, from: usize, limit: usize) -> usize {
    text[from..limit]
        .find(['“', '«', '"'])
        .map_or(limit, |k| from + k)
}

/// Moves token spans from a slice's offsets to the whole text's.
fn shift(mut toks: Vec<Tok>, by: usize) -> Vec<Tok> {
    for t in &mut toks {
        t.start += by;
        t.end += by;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::super::sentences;
    use super::*;

    fn run(text: &str) -> (Vec<Quote>, Vec<FramingHit>) {
        extract(text, &sentences::split(text))
    }

    #[test]
    fn speaker_after_the_quote() {
        let (q, _) =
            run("“This is a hostile act by Moscow,” Laura Medina, a security analyst, said.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "This is a hostile act by Moscow,");
        assert_eq!(q[0].speaker.as_deref(), Some("Laura Medina"));
    }

    #[test]
    fn speaker_before_the_quote() {
        let (q, _) = run("Laura Medina, a security analyst, said: “The numbers do not add up.”");
        assert_eq!(q[0].speaker.as_deref(), Some("Laura Medina"));
        let (q, _) = run("El canciller Marcelo Ebrard dijo: «No hay nada que ocultar aquí».");
        assert_eq!(q[0].speaker.as_deref(), Some("Marcelo Ebrard"));
        let (q, _) = run("«No hay nada que ocultar», aseguró la portavoz Ana López.");
        assert_eq!(q[0].speaker.as_deref(), Some("Ana López"));
    }

    #[test]
    fn pronoun_resolves_to_previous_speaker() {
        let text = "“We are watching this closely,” Laura Medina said. “It is not normal at all,” she added.";
        let (q, _) = run(text);
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].speaker.as_deref(), Some("Laura Medina"));
    }

    #[test]
    fn scare_quotes_and_apostrophes() {
        let (q, s) = run("Russia’s 'diplomats' and «diplomáticos» arrived, as the “experts” say.");
        assert!(q.is_empty());
        let terms: Vec<_> = s.iter().map(|h| h.term.as_str()).collect();
        assert_eq!(terms, ["diplomats", "diplomáticos", "experts"]);
    }

    #[test]
    fn paraphrases_are_recorded_as_such() {
        let text = "According to the ministry, 37 diplomats arrived. \
                    Según la cancillería, llegaron 37 diplomáticos. \
                    “We expelled them all,” Laura Medina said. \
                    He said nothing else. The rain stopped.";
        let sentences = sentences::split(text);
        let (quotes, _) = extract(text, &sentences);
        let found = paraphrases(text, &sentences, &quotes, &tokenize(text));
        let got: Vec<(&str, &str)> = found
            .iter()
            .map(|p| (p.source.as_str(), p.cue.as_str()))
            .collect();
        assert_eq!(
            got,
            [("ministry", "according to"), ("cancillería", "según")]
        );
        assert!(found[0].sentence.starts_with("According to"));
    }

    #[test]
    fn unmatched_quotes_do_not_panic() {
        let (q, _) = run("He said “this never ends and goes on.\n\nNext «paragraph ' here");
        assert!(q.is_empty());
        let (q, _) = run("\"straight quotes with four words\" said Ana Ruiz.");
        assert_eq!(q[0].speaker.as_deref(), Some("Ana Ruiz"));
    }
}
