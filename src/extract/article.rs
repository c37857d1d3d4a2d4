use serde::{Deserialize, Serialize};

/// An article as extracted from a page: metadata plus the body as paragraphs.
///
/// Paragraphs are plain text (no markup), whitespace-normalised, in reading order;
/// subheadings, list items and blockquotes are paragraphs of their own.
///
/// Every field has a serde default, so snapshots written before a field existed
/// still load.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    /// Headline.
    pub title: String,
    /// Author(s) as printed, if found.
    pub byline: Option<String>,
    /// Publication time: RFC 3339 when the page gives a time of day (a time without an
    /// offset takes the offset of another timestamp on the page, and stays a local
    /// `YYYY-MM-DDTHH:MM:SS` when there is none), `YYYY-MM-DD` when it gives only a day.
    pub published: Option<String>,
    /// Last modification time, normalised like `published`.
    pub modified: Option<String>,
    /// BCP 47 primary language subtag ("en", "es"): declared by the page, else
    /// detected from the body text.
    pub lang: Option<String>,
    /// Canonical URL declared by the page (`<link rel=canonical>`, else `og:url`).
    /// Snapshots written before the rename call it `canonical`.
    #[serde(alias = "canonical")]
    pub canonical_url: Option<String>,
    /// Publisher name declared by the page.
    pub site_name: Option<String>,
    /// Whether the page holds an article at all (see [`PageStatus`]).
    pub status: PageStatus,
    /// Body paragraphs (whatever text was found, whatever the status).
    pub paragraphs: Vec<String>,
}

/// What kind of page the extractor saw. Anything but [`PageStatus::Article`] means the
/// paragraphs are not the story's text and should not be compared or versioned as such.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PageStatus {
    /// An article body was found.
    #[default]
    Article,
    /// An index, section or tag page, or a page with no article text.
    NotAnArticle,
    /// Only a teaser is readable: the rest is behind a paywall or a login.
    Paywalled,
    /// A cookie / consent wall stands in for the page.
    ConsentWall,
}

impl PageStatus {
    /// The status as written in JSON (`article`, `not_an_article`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            PageStatus::Article => "article",
            PageStatus::NotAnArticle => "not_an_article",
            PageStatus::Paywalled => "paywalled",
            PageStatus::ConsentWall => "consent_wall",
        }
    }
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
        // Plain text declares no language: read it from the words, as for a page
        // without `lang`, so a `.txt` reference is compared as what it is.
        let lang = super::lang::detect(
            std::iter::once(title.as_str()).chain(paragraphs.iter().map(String::as_str)),
        )
        .map(str::to_string);
        Article {
            title,
            paragraphs,
            lang,
            ..Article::default()
        }
    }
}
