//! Extract: from an HTML page to an [`Article`]. Pure, no I/O. Entry point: [`extract`].
//!
//! Metadata comes from JSON-LD, `<meta>` tags and visible markup (`metadata`); the
//! body from a Readability-style scoring of candidate containers (`body`), with the
//! JSON-LD `articleBody` as a fallback when the DOM yields little text. Heuristic
//! vocabularies and thresholds live in `rules`.

mod article;
mod body;
mod metadata;
mod nesting;
mod rules;
#[cfg(test)]
mod tests;

pub use article::Article;

use scraper::Html;

/// Extracts the article (metadata and body paragraphs) from an HTML page.
///
/// `url` is the page's address, used to resolve relative links. Never panics; pages
/// that are not HTML yield whatever text they hold.
pub fn extract(html: &str, url: Option<&str>) -> Article {
    let doc = Html::parse_document(&nesting::flatten(html));
    let meta = metadata::metadata(&doc, url);
    let mut paragraphs = body::paragraphs(&doc, &meta.title);
    if let Some(ld_body) = &meta.body {
        let ld: Vec<String> = ld_body
            .lines()
            .map(metadata::collapse)
            .filter(|l| !l.is_empty())
            .collect();
        let dom_len: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
        let ld_len: usize = ld.iter().map(|p| p.chars().count()).sum();
        if (dom_len as f64) < ld_len as f64 * rules::JSONLD_BODY_SHARE {
            paragraphs = ld;
        }
    }
    Article {
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        lang: meta.lang,
        canonical: meta.canonical,
        site_name: meta.site_name,
        paragraphs,
    }
}
