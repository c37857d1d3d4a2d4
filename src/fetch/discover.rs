//! Discover: finds an outlet's article on the story in its feeds (RSS 0.9/1.0/2.0,
//! Atom, JSON Feed) or sitemaps (news sitemaps, plain sitemaps, sitemap indexes).
//!
//! Feed items are scored by the reference terms they contain: the story's keywords,
//! the reference's recurring proper nouns and numbers, and its title words. Proper
//! nouns and numbers carry across languages, and a six-letter prefix match lets
//! cognates meet ("diplomáticos" ~ "diplomats"), so an English reference finds Spanish
//! coverage. Items below [`MIN_SCORE`] or matching fewer than [`MIN_TERMS`] distinct
//! terms are not on the story: an outlet with none is `not_found`, never a random pick.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use url::Url;

use super::Fetcher;
use super::sitemap::{self, Sitemap};
use crate::config::{Outlet, Story};
use crate::extract::Article;

/// Minimum relevance score for a feed item to count as on the story.
pub const MIN_SCORE: f64 = 5.0;
/// Minimum number of distinct reference terms a feed item must contain.
pub const MIN_TERMS: usize = 3;

const W_KEYWORD: f64 = 2.0;
const W_PROPER: f64 = 1.5;
const W_NUMBER: f64 = 1.5;
const W_TITLE: f64 = 1.0;
/// Words this long or longer match on their first `PREFIX` letters (cognates, plurals).
const PREFIX: usize = 6;

/// An article URL picked for an outlet, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The article's URL.
    pub url: Url,
    /// The feed item's title, if it came from a feed.
    pub title: Option<String>,
    /// The feed item's date.
    pub published: Option<DateTime<Utc>>,
    /// Relevance score (`None` for articles listed in the story file).
    pub score: Option<f64>,
    /// The reference terms the item matched.
    pub matched: Vec<String>,
    /// Where it came from: a feed URL, or `story file`.
    pub source: String,
}

/// What discovery found for one outlet.
#[derive(Debug, Clone, Default)]
pub struct Discovery {
    /// Articles to fetch, best first.
    pub candidates: Vec<Candidate>,
    /// Feed items read.
    pub considered: usize,
    /// Feeds that could not be fetched or parsed, with the reason.
    pub feed_errors: Vec<String>,
}

/// Finds `outlet`'s articles on the story: the explicit `articles` first, then the
/// best feed items above the threshold, up to the story's `max_articles`.
pub async fn discover(
    story: &Story,
    outlet: &Outlet,
    reference: &Article,
    fetcher: &Fetcher,
) -> Discovery {
    let mut out = Discovery::default();
    for url in &outlet.articles {
        out.candidates.push(Candidate {
            url: url.clone(),
            title: None,
            published: None,
            score: None,
            matched: Vec::new(),
            source: "story file".into(),
        });
    }
    if outlet.feeds.is_empty() {
        return out;
    }
    let terms = Terms::new(reference, &story.keywords);
    let mut items = Vec::new();
    for feed_url in &outlet.feeds {
        match read_source(feed_url, fetcher).await {
            Ok(found) => items.extend(found),
            Err(e) => out.feed_errors.push(e),
        }
    }
    out.considered = items.len();
    let max = outlet.max_articles.unwrap_or(story.max_articles);
    let ranked = rank(items, &terms, story.since, story.until);
    for c in ranked {
        if out.candidates.len() >= max {
            break;
        }
        if !out.candidates.iter().any(|p| p.url == c.url) {
            out.candidates.push(c);
        }
    }
    out
}

/// Child sitemaps read from one sitemap index.
pub const MAX_CHILD_SITEMAPS: usize = 10;

/// Reads the items of an RSS/Atom feed, a sitemap, or a sitemap index (one level).
async fn read_source(url: &Url, fetcher: &Fetcher) -> Result<Vec<Item>, String> {
    let f = fetcher.fetch(url).await.map_err(|e| e.to_string())?;
    match sitemap::parse(&f.text, &f.final_url, url.as_str()) {
        Some(Sitemap::Urls(items)) => Ok(items),
        Some(Sitemap::Index(children)) => {
            let mut items = Vec::new();
            for child in children.iter().take(MAX_CHILD_SITEMAPS) {
                let c = fetcher.fetch(child).await.map_err(|e| e.to_string())?;
                match sitemap::parse(&c.text, &c.final_url, url.as_str()) {
                    Some(Sitemap::Urls(found)) => items.extend(found),
                    _ => return Err(format!("{child}: not a sitemap (listed in {url})")),
                }
            }
            Ok(items)
        }
        None => feed_rs::parser::parse(f.body.as_slice())
            .map(|feed| feed_items(&feed, url, &f.final_url))
            .map_err(|e| format!("{url}: neither an RSS/Atom feed nor a sitemap: {e}")),
    }
}

/// A feed entry reduced to what ranking needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Link to the article.
    pub url: Url,
    /// Entry title.
    pub title: String,
    /// Entry summary or description (text).
    pub summary: String,
    /// Publication (or update) time.
    pub published: Option<DateTime<Utc>>,
    /// The feed it came from.
    pub feed: String,
}

fn feed_items(feed: &feed_rs::model::Feed, feed_url: &Url, base: &Url) -> Vec<Item> {
    feed.entries
        .iter()
        .filter_map(|e| {
            let href = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())?
                .href
                .trim()
                .to_string();
            let url = super::normalize(base.join(&href).ok()?);
            if !matches!(url.scheme(), "http" | "https") {
                return None;
            }
            Some(Item {
                url,
                title: e
                    .title
                    .as_ref()
                    .map(|t| t.content.clone())
                    .unwrap_or_default(),
                summary: e
                    .summary
                    .as_ref()
                    .map(|t| strip_tags(&t.content))
                    .unwrap_or_default(),
                published: e.published.or(e.updated),
                feed: feed_url.to_string(),
            })
        })
        .collect()
}

/// Ranks items by relevance; keeps those on the story inside the date window.
pub fn rank(
    items: Vec<Item>,
    terms: &Terms,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = items
        .into_iter()
        .filter(|it| {
            let day = it.published.map(|p| p.date_naive());
            since.is_none_or(|s| day.is_none_or(|d| d >= s))
                && until.is_none_or(|u| day.is_none_or(|d| d <= u))
        })
        .filter_map(|it| {
            let (score, matched) = terms.score(&format!("{} {}", it.title, it.summary));
            (score >= MIN_SCORE && matched.len() >= MIN_TERMS).then(|| Candidate {
                url: it.url,
                title: Some(it.title),
                published: it.published,
                score: Some((score * 100.0).round() / 100.0),
                matched,
                source: it.feed,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(b.published.cmp(&a.published))
    });
    out
}

/// The reference's distinctive terms with their weights.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    weights: BTreeMap<String, f64>,
}

impl Terms {
    /// Collects terms from the reference article and the story keywords.
    pub fn new(reference: &Article, keywords: &[String]) -> Terms {
        let mut weights: BTreeMap<String, f64> = BTreeMap::new();
        let mut add = |t: String, w: f64| {
            let e = weights.entry(t).or_insert(0.0);
            *e = e.max(w);
        };
        for k in keywords {
            for t in tokens(k) {
                if !is_stopword(&t) {
                    add(t, W_KEYWORD);
                }
            }
        }
        for t in tokens(&reference.title) {
            if t.chars().count() >= 4 && !is_stopword(&t) {
                add(t, W_TITLE);
            }
        }
        // Proper nouns and numbers that recur in the reference are its fingerprint.
        let body = format!("{}\n{}", reference.title, reference.text());
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for w in body.split(|c: char| !c.is_alphanumeric()) {
            let first = w.chars().next();
            let numeric = w.len() >= 2 && w.chars().all(|c| c.is_ascii_digit());
            if numeric || (first.is_some_and(char::is_uppercase) && w.chars().count() >= 3) {
                *counts.entry(fold(w)).or_default() += 1;
            }
        }
        for (t, n) in counts {
            if n >= 2 && !is_stopword(&t) {
                let w = if t.chars().all(|c| c.is_ascii_digit()) {
                    W_NUMBER
                } else {
                    W_PROPER
                };
                add(t, w);
            }
        }
        Terms { weights }
    }

    /// Score of a text and the distinct terms it matched.
    pub fn score(&self, text: &str) -> (f64, Vec<String>) {
        let toks: HashSet<String> = tokens(text).collect();
        let mut score = 0.0;
        let mut matched = Vec::new();
        for (term, w) in &self.weights {
            if toks.iter().any(|t| same_word(t, term)) {
                score += w;
                matched.push(term.clone());
            }
        }
        (score, matched)
    }
}

fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (ca, cb) = (a.chars().count(), b.chars().count());
    ca >= PREFIX && cb >= PREFIX && a.chars().take(PREFIX).eq(b.chars().take(PREFIX))
}

/// Lower-cased, accent-folded word tokens.
fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
}

/// Lower-cases and strips the accents of Latin letters, so "México" meets "Mexico".
pub fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' | 'ã' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' | 'õ' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

fn is_stopword(t: &str) -> bool {
    const STOP: &[&str] = &[
        "the",
        "and",
        "for",
        "with",
        "this",
        "that",
        "while",
        "from",
        "its",
        "has",
        "have",
        "was",
        "were",
        "are",
        "but",
        "not",
        "into",
        "about",
        "after",
        "over",
        "more",
        "than",
        "during",
        "however",
        "although",
        "according",
        "currently",
        "its",
        "their",
        "they",
        "los",
        "las",
        "del",
        "por",
        "para",
        "con",
        "una",
        "que",
        "como",
        "más",
        "mas",
        "sus",
        "entre",
        "desde",
        "sobre",
        "este",
        "esta",
        "pero",
        "según",
        "segun",
        "durante",
        "aunque",
        "mientras",
        "el",
        "la",
        "de",
        "en",
        "y",
        "a",
        "in",
        "of",
        "to",
        "on",
        "is",
    ];
    STOP.contains(&t)
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference() -> Article {
        Article {
            title: "Mexico lets Russia add 37 diplomats to its embassy".into(),
            paragraphs: vec![
                "Mexico approved 37 more Russian diplomats, on top of 49 already in Mexico City."
                    .into(),
                "Russia now has more diplomats in Mexico than the United States, which has 46."
                    .into(),
                "Analysts in Mexico City worry about Russia and espionage; 37 is a big jump."
                    .into(),
            ],
            ..Article::default()
        }
    }

    fn item(title: &str, summary: &str) -> Item {
        Item {
            url: Url::parse(&format!("http://h.test/{}", title.len())).unwrap(),
            title: title.into(),
            summary: summary.into(),
            published: None,
            feed: "http://h.test/rss".into(),
        }
    }

    #[test]
    fn finds_spanish_coverage_of_an_english_reference() {
        let terms = Terms::new(&reference(), &["Rusia".into(), "diplomáticos".into()]);
        let ranked = rank(
            vec![
                item(
                    "Presupuesto del agua en la Ciudad de México",
                    "El gobierno destina 500 millones.",
                ),
                item(
                    "Rusia suma 37 diplomáticos en México",
                    "La embajada rusa crece.",
                ),
            ],
            &terms,
            None,
            None,
        );
        assert_eq!(ranked.len(), 1, "{ranked:?}");
        assert!(ranked[0].title.as_deref().unwrap().starts_with("Rusia"));
        for t in ["rusia", "37", "mexico"] {
            assert!(ranked[0].matched.iter().any(|m| m == t), "{t}: {ranked:?}");
        }
    }

    #[test]
    fn date_window_excludes_items() {
        let terms = Terms::new(&reference(), &[]);
        let mut it = item("Russia adds 37 diplomats in Mexico", "");
        it.published = Some("2022-01-01T00:00:00Z".parse().unwrap());
        let d = NaiveDate::from_ymd_opt(2023, 1, 1);
        assert!(rank(vec![it.clone()], &terms, d, None).is_empty());
        assert_eq!(rank(vec![it], &terms, None, None).len(), 1);
    }

    #[test]
    fn unrelated_items_are_not_on_the_story() {
        let terms = Terms::new(&reference(), &["Mexico".into()]);
        let r = rank(
            vec![item("Hurricane season ends", "Storms hit the Gulf coast.")],
            &terms,
            None,
            None,
        );
        assert!(r.is_empty());
    }

    #[test]
    fn rss1_rss2_and_atom_feeds_give_items_with_absolute_links() {
        let base = Url::parse("http://h.test/feeds/x.xml").unwrap();
        let rss1 = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="http://h.test/"><title>H</title><link>http://h.test/</link><description>d</description></channel>
  <item rdf:about="http://h.test/a.html"><title>Rusia suma diplomáticos</title><link>http://h.test/a.html</link><description>&lt;b&gt;La embajada&lt;/b&gt; crece</description></item>
</rdf:RDF>"#;
        let rss2 = r#"<rss version="2.0"><channel><title>H</title>
  <item><title>Russia adds envoys</title><link>/b.html</link><pubDate>Tue, 26 Sep 2023 10:00:00 GMT</pubDate></item>
</channel></rss>"#;
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>H</title><id>x</id><updated>2023-09-26T10:00:00Z</updated>
  <entry><title>Embassy grows</title><id>c</id><updated>2023-09-27T10:00:00Z</updated>
    <link rel="alternate" href="http://h.test/c.html"/><summary>Mexico City</summary></entry>
</feed>"#;
        let mut got = Vec::new();
        for xml in [rss1, rss2, atom] {
            let feed = feed_rs::parser::parse(xml.as_bytes()).expect(xml);
            got.extend(feed_items(&feed, &base, &base));
        }
        let urls: Vec<&str> = got.iter().map(|i| i.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "http://h.test/a.html",
                "http://h.test/b.html",
                "http://h.test/c.html"
            ]
        );
        assert_eq!(got[0].summary.trim(), "La embajada  crece");
        assert_eq!(
            got[1].published.unwrap().to_rfc3339(),
            "2023-09-26T10:00:00+00:00"
        );
        assert_eq!(got[2].title, "Embassy grows");
    }
}
