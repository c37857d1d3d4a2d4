//! Comparison subjects built from plain text, as the accuracy tests need them.

use sha2::{Digest, Sha256};
use storydiff::compare::Subject;
use storydiff::extract::Article;
use storydiff::pipeline::{Capture, subject_of};

/// A subject for `compare::compare` from a plain-text article (title line, then
/// paragraphs), as `inspect` or a `.txt` reference would read it.
pub fn from_text(id: &str, text: &str, lang: &str, published: Option<&str>, url: &str) -> Subject {
    let mut article = Article::from_text(text);
    article.lang = Some(lang.to_string());
    article.published = published.map(str::to_string);
    let hash = Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>();
    let capture = Capture {
        url: url.to_string(),
        captured: "2024-06-01T12:00:00Z".parse().unwrap(),
        hash: format!("sha256:{hash}"),
        version: 1,
        score: None,
        matched: Vec::new(),
    };
    subject_of(id, id, &article, capture)
}
