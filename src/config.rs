//! Config: reads and validates a story file (`feeds/<story>.toml`).
//!
//! Every problem is reported with the file, line, column and field it concerns, before
//! anything is fetched, so a scheduled job fails loudly on a typo instead of silently
//! watching the wrong thing. Entry point: [`load`] (or [`parse`] for text in memory).

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;
use url::Url;

/// Default number of articles kept per outlet when discovery finds several on the story.
pub const DEFAULT_MAX_ARTICLES: usize = 1;

/// A validated story: what to compare, against what.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// The story id: the story file's stem. Used as a directory name.
    pub id: String,
    /// The story file this was read from.
    pub path: PathBuf,
    /// Human title of the story.
    pub title: String,
    /// Where the reference article is.
    pub reference: Reference,
    /// Terms that help discovery find the story in feeds (any language).
    pub keywords: Vec<String>,
    /// Feed items published before this day are ignored.
    pub since: Option<NaiveDate>,
    /// Feed items published after this day are ignored.
    pub until: Option<NaiveDate>,
    /// Articles kept per outlet (best first).
    pub max_articles: usize,
    /// User-Agent override for every request of this story.
    pub user_agent: Option<String>,
    /// The outlets to compare, in file order.
    pub outlets: Vec<Outlet>,
}

/// Where the reference article comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Reference {
    /// Fetched over HTTP(S).
    Url(Url),
    /// A local `.html`/`.htm` or `.txt` file (resolved against the story file's directory).
    File(PathBuf),
}

impl Story {
    /// Where the reference is, spelled the same however the story file was reached: a
    /// URL, or a local file's path relative to the story file's directory (`/`
    /// separators), absolute when it lies elsewhere. Its snapshot key derives from it.
    pub fn reference_location(&self) -> String {
        match &self.reference {
            Reference::Url(u) => u.to_string(),
            Reference::File(p) => {
                let dir = self.path.parent().unwrap_or(Path::new(""));
                match p.strip_prefix(dir) {
                    Ok(rel) if !dir.as_os_str().is_empty() => rel
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/"),
                    _ => p.display().to_string(),
                }
            }
        }
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reference::Url(u) => write!(f, "{u}"),
            Reference::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// One outlet of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct Outlet {
    /// Lowercase slug; the outlet's snapshot directory name.
    pub id: String,
    /// Display name (defaults to the id).
    pub name: String,
    /// Language hint ("en", "es").
    pub lang: Option<String>,
    /// RSS/Atom feeds to discover the story's article in.
    pub feeds: Vec<Url>,
    /// Explicit article URLs, compared without discovery.
    pub articles: Vec<Url>,
    /// Per-outlet override of [`Story::max_articles`].
    pub max_articles: Option<usize>,
}

/// An invalid story file: where and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.render())]
pub struct ConfigError {
    /// The story file.
    pub file: PathBuf,
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column of the problem.
    pub column: usize,
    /// The field concerned, as a path (`outlet[2].id`), or `(file)`.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl ConfigError {
    /// `file:line:column: field: message`, leaving out what does not apply (a file
    /// that cannot be read has no line; a syntax error has no field).
    fn render(&self) -> String {
        let mut s = self.file.display().to_string();
        if self.line > 0 {
            s.push_str(&format!(":{}:{}", self.line, self.column));
        }
        if !self.field.is_empty() && self.field != "(file)" {
            s.push_str(": ");
            s.push_str(&self.field);
        }
        format!("{s}: {}", self.message)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStory {
    title: Spanned<String>,
    reference: Spanned<String>,
    #[serde(default)]
    keywords: Vec<String>,
    since: Option<Spanned<RawDate>>,
    until: Option<Spanned<RawDate>>,
    max_articles: Option<Spanned<i64>>,
    user_agent: Option<String>,
    #[serde(default)]
    outlet: Vec<Spanned<RawOutlet>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutlet {
    id: Spanned<String>,
    name: Option<String>,
    lang: Option<Spanned<String>>,
    #[serde(default)]
    feeds: Vec<Spanned<String>>,
    #[serde(default)]
    articles: Vec<Spanned<String>>,
    max_articles: Option<Spanned<i64>>,
}

/// A date written as a string ("2023-06-01") or as a TOML date (2023-06-01).
#[derive(Deserialize)]
#[serde(untagged)]
enum RawDate {
    Text(String),
    Toml(toml::value::Datetime),
}

/// Reads and validates the story file at `path`.
pub fn load(path: &Path) -> Result<Story, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        file: path.to_path_buf(),
        line: 0,
        column: 0,
        field: "(file)".into(),
        message: format!("cannot read the story file: {e}"),
    })?;
    // One story, one identity: `feeds/x.toml` from one directory and its absolute path
    // from another must find the same snapshots and the same reference.
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    parse(&text, &canonical).map_err(|mut e| {
        e.file = path.to_path_buf();
        e
    })
}

/// Validates story-file text; `path` names the file in errors, gives the story id
/// (its stem) and anchors a relative `reference` path.
pub fn parse(text: &str, path: &Path) -> Result<Story, ConfigError> {
    let cx = Cx { text, path };
    let raw: RawStory = toml::from_str(text).map_err(|e| cx.toml_error(&e))?;
    let id = story_id(path).ok_or_else(|| {
        cx.err(
            0..0,
            "(file)",
            "the file name must be a slug (lowercase letters, digits, '-') ending in .toml: \
             it becomes the story's snapshot directory",
        )
    })?;
    let title = raw.title.get_ref().trim().to_string();
    if title.is_empty() {
        return Err(cx.err(raw.title.span(), "title", "must not be empty"));
    }
    let reference = cx.reference(&raw.reference)?;
    let since = raw
        .since
        .as_ref()
        .map(|d| cx.date(d, "since"))
        .transpose()?;
    let until = raw
        .until
        .as_ref()
        .map(|d| cx.date(d, "until"))
        .transpose()?;
    if let (Some(s), Some(u), Some(us)) = (since, until, &raw.until)
        && s > u
    {
        return Err(cx.err(
            us.span(),
            "until",
            &format!("`until` ({u}) is before `since` ({s})"),
        ));
    }
    let max_articles = match &raw.max_articles {
        Some(m) => cx.count(m, "max_articles")?,
        None => DEFAULT_MAX_ARTICLES,
    };
    if raw.outlet.is_empty() {
        return Err(cx.err(
            0..0,
            "outlet",
            "no [[outlet]] tables: a story needs at least one outlet",
        ));
    }
    let mut outlets: Vec<Outlet> = Vec::with_capacity(raw.outlet.len());
    for (i, o) in raw.outlet.iter().enumerate() {
        let outlet = cx.outlet(i, o)?;
        if outlets.iter().any(|p| p.id == outlet.id) {
            return Err(cx.err(
                o.get_ref().id.span(),
                &format!("outlet[{i}].id"),
                &format!("duplicate outlet id `{}`", outlet.id),
            ));
        }
        outlets.push(outlet);
    }
    Ok(Story {
        id,
        path: path.to_path_buf(),
        title,
        reference,
        keywords: raw
            .keywords
            .iter()
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect(),
        since,
        until,
        max_articles,
        user_agent: raw.user_agent,
        outlets,
    })
}

/// True for a lowercase slug: `[a-z0-9]+(-[a-z0-9]+)*`. Such names are safe as
/// directory names on every platform (no `/`, `..`, spaces or case clashes).
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn story_id(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    is_slug(stem).then(|| stem.to_string())
}

/// Validation context: the text and file, to turn byte spans into line and column.
struct Cx<'a> {
    text: &'a str,
    path: &'a Path,
}

impl Cx<'_> {
    fn err(&self, span: std::ops::Range<usize>, field: &str, message: &str) -> ConfigError {
        let (line, column) = line_col(self.text, span.start);
        ConfigError {
            file: self.path.to_path_buf(),
            line,
            column,
            field: field.to_string(),
            message: message.to_string(),
        }
    }

    fn toml_error(&self, e: &toml::de::Error) -> ConfigError {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim().to_string();
        // serde names the field in its message ("unknown field `x`", "missing field `y`");
        // otherwise the key under the span is the field.
        let field = message
            .contains("field `")
            .then(|| backticked(&message))
            .flatten()
            .or_else(|| key_at(self.text, span.start))
            .unwrap_or_else(|| "(syntax)".to_string());
        self.err(span, &field, &message)
    }

    fn reference(&self, r: &Spanned<String>) -> Result<Reference, ConfigError> {
        let s = r.get_ref().trim();
        if s.is_empty() {
            return Err(self.err(r.span(), "reference", "must not be empty"));
        }
        if s.contains("://") {
            return self.url(r, "reference").map(Reference::Url);
        }
        let path = self.path.parent().unwrap_or(Path::new(".")).join(s);
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if !matches!(ext.as_deref(), Some("html" | "htm" | "txt")) {
            return Err(self.err(
                r.span(),
                "reference",
                &format!("`{s}`: a reference file must be .html, .htm or .txt"),
            ));
        }
        if !path.is_file() {
            return Err(self.err(
                r.span(),
                "reference",
                &format!("`{s}`: no such file (looked for {})", path.display()),
            ));
        }
        Ok(Reference::File(
            std::fs::canonicalize(&path).unwrap_or(path),
        ))
    }

    fn url(&self, u: &Spanned<String>, field: &str) -> Result<Url, ConfigError> {
        let s = u.get_ref().trim();
        let url = Url::parse(s)
            .map_err(|e| self.err(u.span(), field, &format!("`{s}` is not a valid URL: {e}")))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(self.err(
                u.span(),
                field,
                &format!("`{s}`: only http and https URLs are supported"),
            ));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(self.err(u.span(), field, &format!("`{s}` has no host")));
        }
        Ok(crate::fetch::normalize(url))
    }

    fn date(&self, d: &Spanned<RawDate>, field: &str) -> Result<NaiveDate, ConfigError> {
        let text = match d.get_ref() {
            RawDate::Text(s) => s.trim().to_string(),
            RawDate::Toml(dt) => dt.to_string(),
        };
        NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
            self.err(
                d.span(),
                field,
                &format!("`{text}` is not a date: write YYYY-MM-DD"),
            )
        })
    }

    fn count(&self, n: &Spanned<i64>, field: &str) -> Result<usize, ConfigError> {
        match usize::try_from(*n.get_ref()) {
            Ok(v) if (1..=100).contains(&v) => Ok(v),
            _ => Err(self.err(
                n.span(),
                field,
                &format!("{} is out of range: use 1 to 100", n.get_ref()),
            )),
        }
    }

    fn outlet(&self, i: usize, o: &Spanned<RawOutlet>) -> Result<Outlet, ConfigError> {
        let raw = o.get_ref();
        let f = |name: &str| format!("outlet[{i}].{name}");
        let id = raw.id.get_ref().trim().to_string();
        if !is_slug(&id) {
            return Err(self.err(
                raw.id.span(),
                &f("id"),
                &format!(
                    "`{id}` is not a slug: use lowercase letters, digits and '-' \
                     (it becomes a directory name)"
                ),
            ));
        }
        if raw.feeds.is_empty() && raw.articles.is_empty() {
            return Err(self.err(
                raw.id.span(),
                &f("feeds"),
                &format!("outlet `{id}` has neither `feeds` nor `articles`: give at least one"),
            ));
        }
        let feeds = raw
            .feeds
            .iter()
            .enumerate()
            .map(|(j, u)| self.url(u, &format!("outlet[{i}].feeds[{j}]")))
            .collect::<Result<Vec<_>, _>>()?;
        let articles = raw
            .articles
            .iter()
            .enumerate()
            .map(|(j, u)| self.url(u, &format!("outlet[{i}].articles[{j}]")))
            .collect::<Result<Vec<_>, _>>()?;
        // The same article listed twice (perhaps with another #fragment) is fetched once.
        let mut articles_seen = std::collections::HashSet::new();
        let articles: Vec<Url> = articles
            .into_iter()
            .filter(|u| articles_seen.insert(u.clone()))
            .collect();
        let lang = match &raw.lang {
            Some(l) => {
                let v = l.get_ref().trim().to_ascii_lowercase();
                if !(2..=3).contains(&v.len()) || !v.bytes().all(|b| b.is_ascii_lowercase()) {
                    return Err(self.err(
                        l.span(),
                        &f("lang"),
                        &format!(
                            "`{v}` is not a language code: use two letters like \"en\" or \"es\""
                        ),
                    ));
                }
                Some(v)
            }
            None => None,
        };
        let max_articles = raw
            .max_articles
            .as_ref()
            .map(|m| self.count(m, &f("max_articles")))
            .transpose()?;
        Ok(Outlet {
            name: raw
                .name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .unwrap_or(&id)
                .to_string(),
            id,
            lang,
            feeds,
            articles,
            max_articles,
        })
    }
}

/// 1-based line and column of byte offset `at`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = &text[..text.floor_char_boundary(at)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The first `…` quoted name in a serde message.
fn backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_string())
}

/// The key of the `key = value` line containing byte offset `at`.
fn key_at(text: &str, at: usize) -> Option<String> {
    let at = text.floor_char_boundary(at.min(text.len()));
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    (!key.is_empty()).then(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
title = "Russian diplomats in Mexico"
reference = "https://example.org/ref.html"
keywords = ["Russia", "Mexico"]
since = "2023-06-01"
until = 2023-12-31

[[outlet]]
id = "el-observador"
name = "El Observador"
lang = "es"
feeds = ["https://example.org/rss.xml"]

[[outlet]]
id = "wire"
articles = ["https://example.com/a"]
"#;

    fn parse_str(text: &str) -> Result<Story, ConfigError> {
        parse(text, Path::new("feeds/russia-mexico.toml"))
    }

    #[test]
    fn parses_a_good_story() {
        let s = parse_str(GOOD).unwrap();
        assert_eq!(s.id, "russia-mexico");
        assert_eq!(s.outlets.len(), 2);
        assert_eq!(s.outlets[1].name, "wire");
        assert_eq!(s.since, NaiveDate::from_ymd_opt(2023, 6, 1));
        assert_eq!(s.until, NaiveDate::from_ymd_opt(2023, 12, 31));
        assert_eq!(s.max_articles, 1);
    }

    #[test]
    fn slugs() {
        for ok in ["a", "el-observador", "bbc-mundo-2"] {
            assert!(is_slug(ok), "{ok}");
        }
        for bad in ["", "A", "a b", "a/b", "..", "-a", "a--b", "a_b", "é"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn line_and_column_of_an_unknown_key() {
        let text = GOOD.replace("lang = \"es\"", "language = \"es\"");
        let e = parse_str(&text).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (11, "language"), "{e}");
        assert!(
            e.to_string().starts_with("feeds/russia-mexico.toml:11:"),
            "{e}"
        );
    }

    #[test]
    fn a_bad_story_file_name_is_refused() {
        let e = parse(GOOD, Path::new("feeds/Russia Mexico.toml")).unwrap_err();
        assert_eq!(e.field, "(file)");
    }
}
