use serde::{Deserialize, Serialize};

/// An article as extracted from a page: metadata plus the body as paragraphs.
///
/// Paragraphs are plain text (no markup), whitespace-normalised, in reading order;
/// subheadings, list items and blockquotes are paragraphs of their own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Headline.
    pub title: String,
    /// Author(s) as printed, if found.
    pub byline: Option<String>,
    /// Publication time, RFC 3339 when the page gives a full timestamp, else as found.
    pub published: Option<String>,
    /// BCP 47 primary language subtag ("en", "es"), if known.
    pub lang: Option<String>,
    /// Canonical URL declared by the page.
    pub canonical: Option<String>,
    /// Publisher name declared by the page.
    pub site_name: Option<String>,
    /// Body paragraphs.
    pub paragraphs: Vec<String>,
}

impl Article {
    /// The body as one string, paragraphs separated by a blank line.
    ///
    /// Every span in `claims` is a byte range into this string.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    /// Number of words in the body (whitespace-separated tokens).
    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum()
    }

    /// Builds an article from plain text: the first non-empty line is the title,
    /// the rest splits into paragraphs on blank lines.
    pub fn from_text(text: &str) -> Article {
        let text = text.trim_start_matches('\u{feff}');
        let mut blocks = text
            .split("\n\n")
            .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|b| !b.is_empty());
        let first = blocks.next().unwrap_or_default();
        // A title is one line; if the first block is a long paragraph, it is body.
        let (title, lead) = match text.trim_start().split_once('\n') {
            Some((line, _)) if first.starts_with(line.trim()) && line.trim() != first => {
                let title = line.trim().to_string();
                let rest = first[title.len()..].trim().to_string();
                (title, Some(rest))
            }
            _ => (first, None),
        };
        let mut paragraphs: Vec<String> = lead.into_iter().filter(|s| !s.is_empty()).collect();
        paragraphs.extend(blocks);
        Article {
            title,
            paragraphs,
            ..Article::default()
        }
    }
}
