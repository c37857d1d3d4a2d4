//! Extract: from an HTML page to an [`Article`]. Pure, no I/O. Entry point: [`extract`].

mod article;

pub use article::Article;

/// Extracts the article (metadata and body paragraphs) from an HTML page.
///
/// `url` is the page's address, used to resolve relative links.
pub fn extract(html: &str, url: Option<&str>) -> Article {
    let _ = (html, url);
    Article::default()
}
