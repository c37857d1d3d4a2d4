//! Extract: from an HTML page to an [`Article`]. Pure, no I/O. Entry point: [`extract`].
//!
//! The page is parsed by `dom`, an HTML parser that builds only what extraction reads.
//! Metadata comes from JSON-LD, `<meta>` tags and visible markup (`metadata`); the
//! body from a Readability-style scoring of candidate containers (`body`), with the
//! JSON-LD `articleBody` as a fallback when the DOM yields little text; the language,
//! when undeclared, from the body's function words (`lang`); and whether the page is
//! an article at all (`status`). Heuristic vocabularies and thresholds live in `rules`.

mod article;
mod body;
mod dates;
mod dom;
mod lang;
mod metadata;
mod rules;
mod status;
#[cfg(test)]
mod tests;

pub use article::{Article, PageStatus};

use dom::Dom;

/// Extracts the article (metadata, body paragraphs and page status) from an HTML page.
///
/// `url` is the page's address, used to resolve relative links. Never panics; pages
/// that are not HTML yield whatever text they hold.
pub fn extract(html: &str, url: Option<&str>) -> Article {
    let doc = Dom::parse(html);
    let meta = metadata::metadata(&doc, url);
    let mut body = body::extract(&doc, &meta.title);
    if let Some(ld_body) = &meta.body {
        let ld: Vec<String> = ld_body
            .lines()
            .map(metadata::collapse)
            .filter(|l| !l.is_empty())
            .collect();
        let dom_len: usize = body.paragraphs.iter().map(|p| p.chars().count()).sum();
        let ld_len: usize = ld.iter().map(|p| p.chars().count()).sum();
        if (dom_len as f64) < ld_len as f64 * rules::JSONLD_BODY_SHARE {
            body.paragraphs = ld;
            body.body_link_share = 0.0;
        }
    }
    let status = status::classify(&doc, &meta, &body);
    let lang = meta
        .lang
        .clone()
        .or_else(|| lang::detect(body.paragraphs.iter().map(String::as_str)).map(str::to_string));
    Article {
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        modified: meta.modified,
        lang,
        canonical_url: meta.canonical,
        site_name: meta.site_name,
        status,
        paragraphs: body.paragraphs,
    }
}
