//! Comparison subjects built from plain text, as the accuracy tests need them.

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use storydiff::claims;
use storydiff::compare::{ArticleInfo, Status, Subject};
use storydiff::extract::Article;

/// A subject for `compare::compare` from a plain-text article (title line, then
/// paragraphs), as `inspect` or a `.txt` reference would read it.
pub fn from_text(id: &str, text: &str, lang: &str, published: Option<&str>, url: &str) -> Subject {
    let mut article = Article::from_text(text);
    article.lang = Some(lang.to_string());
    article.published = published.map(str::to_string);
    let claims = claims::analyze(&article);
    let captured: DateTime<Utc> = "2024-06-01T12:00:00Z".parse().unwrap();
    Subject {
        id: id.to_string(),
        name: id.to_string(),
        status: Status::Ok,
        error: None,
        article: Some(ArticleInfo {
            url: url.to_string(),
            title: article.title.clone(),
            byline: None,
            published: article.published.clone(),
            lang: article.lang.clone(),
            captured,
            hash: format!(
                "sha256:{}",
                Sha256::digest(text.as_bytes())
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>()
            ),
            version: 1,
            words: article.word_count(),
            score: None,
            matched: Vec::new(),
        }),
        claims,
        text: article.text(),
    }
}
