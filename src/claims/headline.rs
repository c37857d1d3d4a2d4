//! Headlines: the title's figures, read like the body's with the body's number
//! convention, marked `headline`, their spans in the title. Entry points: [`figures`]
//! for the title, [`body_figures`] for the body, whose Title Case paragraphs
//! (subheads, headlines pasted into the text) are read the same way.
//!
//! ```text
//! "Jobless Claims Fall 34,000 to 444,000" → 34,000 and 444,000, headline
//! ```

use super::numbers::Convention;
use super::types::Figure;
use super::{dates, read_figures, sentences, tokens};

/// The headline's figures, read with the body's number convention. A headline in
/// title case ("Jobless Claims Fall 34,000 to 444,000") is read in sentence case,
/// so its capitals do not make names of its words ("Fall 34,000" as "Boeing 737");
/// the figures keep the headline's own spelling.
pub(super) fn figures(
    title: &str,
    lang: &'static str,
    conv: Convention,
    year: Option<i32>,
) -> Vec<Figure> {
    if title.trim().is_empty() {
        return Vec::new();
    }
    let read = sentence_case(title);
    let toks = tokens::tokenize(&read);
    let sentences = sentences::split(&read);
    let figs = read_figures(&read, &toks, &sentences, lang, conv, year);
    restore(figs, title, &sentences)
        .into_iter()
        .map(|mut f| {
            f.headline = true;
            f
        })
        .collect()
}

/// The body's figures: as [`read_figures`] reads them, except that a paragraph in
/// Title Case is read in sentence case, its figures keeping the text as written.
pub(super) fn body_figures(
    text: &str,
    toks: &[tokens::Tok],
    sentences: &[(usize, usize)],
    lang: &'static str,
    conv: Convention,
    year: Option<i32>,
) -> Vec<Figure> {
    let read: String = text
        .split("\n\n")
        .map(sentence_case)
        .collect::<Vec<_>>()
        .join("\n\n");
    if read == text {
        return read_figures(text, toks, sentences, lang, conv, year);
    }
    let read_toks = tokens::tokenize(&read);
    let read_sentences = sentences::split(&read);
    let figs = read_figures(&read, &read_toks, &read_sentences, lang, conv, year);
    restore(figs, text, &read_sentences)
}

/// Figures read from a recased copy of `original` (byte for byte as long), with their
/// text and sentence taken from `original`.
fn restore(figs: Vec<Figure>, original: &str, sentences: &[(usize, usize)]) -> Vec<Figure> {
    figs.into_iter()
        .filter_map(|mut f| {
            f.text = original.get(f.span[0]..f.span[1])?.to_string();
            if let Some(&(a, b)) = sentences
                .iter()
                .find(|(a, b)| (*a..*b).contains(&f.span[0]))
            {
                f.sentence = original.get(a..b)?.to_string();
            }
            Some(f)
        })
        .collect()
}

/// A title-case headline in sentence case, byte for byte as long: each capitalised
/// word after the first lower-cased, acronyms ("NHS", "US") kept. Other text is
/// returned as it is.
fn sentence_case(title: &str) -> String {
    // Title Case capitalises nearly every word of four letters or more after the
    // first; a sentence with names ("He moved into 11 Downing Street on Friday")
    // does not. Acronyms do not count either way.
    let long: Vec<&str> = title
        .split_whitespace()
        .skip(1)
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .filter(|w| w.chars().any(char::is_lowercase))
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if long.len() < 2 || capitalised * 10 < long.len() * 8 {
        return title.to_string();
    }
    let mut out = String::with_capacity(title.len());
    let mut first = true;
    let mut word_start = true;
    for (i, c) in title.char_indices() {
        if c.is_whitespace() {
            word_start = true;
            out.push(c);
            continue;
        }
        let word = title[i..].split_whitespace().next().unwrap_or("");
        let acronym = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !word.chars().any(char::is_lowercase);
        // Month names keep their capital: "Jan. 6" is a date.
        let month = word_start
            && tokens::tokenize(word)
                .first()
                .is_some_and(|t| dates::month(t).is_some());
        let lower: Vec<char> = c.to_lowercase().collect();
        let same_len = lower.len() == 1 && lower[0].len_utf8() == c.len_utf8();
        if word_start && !first && c.is_uppercase() && !acronym && !month && same_len {
            out.push(lower[0]);
        } else {
            out.push(c);
        }
        if word_start {
            first = false;
        }
        word_start = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Kind, analyze};
    use crate::extract::Article;

    fn article(title: &str, body: &str) -> Article {
        Article {
            title: title.into(),
            paragraphs: vec![body.into()],
            lang: Some("en".into()),
            ..Article::default()
        }
    }

    #[test]
    fn title_case_is_read_in_sentence_case_byte_for_byte() {
        let t = "Jobless Claims Fall 34,000 to 444,000 as NHS Hires in Jan. 2021";
        let s = sentence_case(t);
        assert_eq!(
            s,
            "Jobless claims fall 34,000 to 444,000 as NHS hires in Jan. 2021"
        );
        assert_eq!(s.len(), t.len());
        // A headline already in sentence case is left alone.
        let plain = "Jobless claims fall to 444,000 in Ohio";
        assert_eq!(sentence_case(plain), plain);
    }

    #[test]
    fn headline_figures_come_after_the_body_with_spans_in_the_title() {
        let a = article(
            "Jobless Claims Fall 34,000 to 444,000",
            "New claims for benefits fell by 34,000 last week.",
        );
        let figs = analyze(&a).figures;
        let head: Vec<_> = figs.iter().filter(|f| f.headline).collect();
        assert_eq!(head.len(), 2, "{figs:?}");
        assert!(!figs[0].headline, "the body comes first: {figs:?}");
        for f in head {
            assert_eq!(&a.title[f.span[0]..f.span[1]], f.text);
            assert_eq!(f.sentence, a.title);
            assert_eq!(f.kind, Kind::Count);
        }
        // A Title Case paragraph in the body is read the same way, its text kept.
        let c = article("Markets", "Jobless Claims Fall 34,000 To 444,000 In May");
        let figs = analyze(&c).figures;
        assert!(
            figs.iter().any(|f| f.text == "444,000" && !f.headline),
            "{figs:?}"
        );
        assert!(figs.iter().all(|f| !f.text.contains("Fall")), "{figs:?}");
        // A headline with no number gives none, and the body's spans are unchanged.
        let b = article("Markets Rally on Rate Hopes", "Shares rose 3% on Friday.");
        let figs = analyze(&b).figures;
        assert_eq!(figs.len(), 1);
        assert_eq!(&b.text()[figs[0].span[0]..figs[0].span[1]], "3%");
    }
}
