//! Claims: the figures, quotes and framing an article states.
//!
//! Pure text processing: no I/O. Entry point: [`analyze`].

mod types;

pub use types::{Claims, Figure, Framing, FramingHit, Interval, Kind, Quote};

use crate::extract::Article;

/// Reads the figures, quotes and framing out of an article's body.
pub fn analyze(article: &Article) -> Claims {
    let _ = article;
    Claims::default()
}
