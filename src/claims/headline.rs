//! The headline's figures: read like the body's, with the body's number convention,
//! marked `headline`, their spans in the title. Entry point: [`figures`].
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
    read_figures(&read, &toks, &sentences, lang, conv, year)
        .into_iter()
        .filter_map(|mut f| {
            f.text = title.get(f.span[0]..f.span[1])?.to_string();
            f.sentence = title.to_string();
            f.headline = true;
            Some(f)
        })
        .collect()
}

/// A title-case headline in sentence case, byte for byte as long: each capitalised
/// word after the first lower-cased, acronyms ("NHS", "US") kept. Other text is
/// returned as it is.
fn sentence_case(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if long.len() < 3 || capitalised * 10 < long.len() * 6 {
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
        // A headline with no number gives none, and the body's spans are unchanged.
        let b = article("Markets Rally on Rate Hopes", "Shares rose 3% on Friday.");
        let figs = analyze(&b).figures;
        assert_eq!(figs.len(), 1);
        assert_eq!(&b.text()[figs[0].span[0]..figs[0].span[1]], "3%");
    }
}
