//! Fuzzes the claims reader (figures, quotes, framing) on arbitrary text.
//!
//! The first byte picks the language hint so both number conventions are explored;
//! the rest is the article body. Besides not panicking, every span must lie on
//! character boundaries inside the text and cover the text the figure reports.

#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::claims;
use storydiff::extract::Article;

fuzz_target!(|data: &[u8]| {
    let Some((&hint, body)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let lang = match hint % 3 {
        0 => Some("en".to_string()),
        1 => Some("es".to_string()),
        _ => None,
    };
    let article = Article {
        paragraphs: text.split("\n\n").map(String::from).collect(),
        lang,
        published: Some("2023-10-15".to_string()),
        ..Article::default()
    };
    let full = article.text();
    let found = claims::analyze(&article);
    for f in &found.figures {
        assert_eq!(full.get(f.span[0]..f.span[1]), Some(f.text.as_str()));
    }
    for q in &found.quotes {
        assert!(full.get(q.span[0]..q.span[1]).is_some());
    }
    for h in &found.framing.hits {
        assert!(full.get(h.span[0]..h.span[1]).is_some());
    }
});
