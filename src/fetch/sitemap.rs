//! Sitemaps: `<urlset>` (with Google News `news:` entries) and `<sitemapindex>`.
//!
//! News sitemaps list an outlet's recent articles with title, date and keywords, which
//! is what discovery needs; a plain sitemap gives URLs and `lastmod` only, so the URL's
//! slug stands in for the title ("rusia-amplia-diplomaticos" → "rusia amplia diplomaticos").

use chrono::{DateTime, NaiveDate, Utc};
use quick_xml::Reader;
use quick_xml::events::Event;
use url::Url;

use super::discover::Item;

/// What a sitemap document holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Sitemap {
    /// A `<urlset>`: article entries.
    Urls(Vec<Item>),
    /// A `<sitemapindex>`: more sitemaps to read.
    Index(Vec<Url>),
}

#[derive(Default)]
struct Entry {
    loc: String,
    title: String,
    keywords: String,
    date: String,
    lastmod: String,
}

/// Parses `xml` as a sitemap; `None` when it is not one (a feed, HTML, garbage).
/// Relative locations resolve against `base`; `feed` names the source in results.
pub fn parse(xml: &str, base: &Url, feed: &str) -> Option<Sitemap> {
    let mut reader = Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut root: Option<String> = None;
    let mut entry = Entry::default();
    let mut items = Vec::new();
    let mut children = Vec::new();
    loop {
        let event = reader.read_event().ok()?;
        match event {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_string();
                if root.is_none() {
                    if name != "urlset" && name != "sitemapindex" {
                        return None;
                    }
                    root = Some(name.clone());
                }
                if name == "url" || name == "sitemap" {
                    entry = Entry::default();
                }
                path.push(name);
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                match name.as_str() {
                    "url" => items.extend(item(&entry, base, feed)),
                    "sitemap" => children.extend(base.join(entry.loc.trim()).ok()),
                    _ => {}
                }
            }
            Event::Text(t) => push_text(&mut entry, &path, &t.xml10_content()),
            Event::CData(t) => push_text(&mut entry, &path, &t.xml10_content()),
            Event::GeneralRef(r) => {
                let s = match r.resolve_char_ref().ok().flatten() {
                    Some(c) => c.to_string(),
                    None => match r.into_inner().as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        _ => String::new(),
                    },
                };
                push_text(&mut entry, &path, &s);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    match root.as_deref() {
        Some("urlset") => Some(Sitemap::Urls(items)),
        Some("sitemapindex") => Some(Sitemap::Index(children)),
        _ => None,
    }
}

fn push_text(entry: &mut Entry, path: &[String], text: &str) {
    let field = match path.last().map(String::as_str) {
        Some("loc") => &mut entry.loc,
        Some("title") => &mut entry.title,
        Some("keywords") => &mut entry.keywords,
        Some("publication_date") => &mut entry.date,
        Some("lastmod") => &mut entry.lastmod,
        _ => return,
    };
    field.push_str(text);
}

fn item(e: &Entry, base: &Url, feed: &str) -> Option<Item> {
    let url = super::normalize(base.join(e.loc.trim()).ok()?);
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let title = if e.title.trim().is_empty() {
        slug_words(&url)
    } else {
        e.title.trim().to_string()
    };
    let date = if e.date.trim().is_empty() {
        &e.lastmod
    } else {
        &e.date
    };
    Some(Item {
        url,
        title,
        summary: e.keywords.trim().to_string(),
        published: parse_date(date.trim()),
        feed: feed.to_string(),
    })
}

/// The last path segment's words: a title for entries that have none.
fn slug_words(url: &Url) -> String {
    let last = url
        .path_segments()
        .and_then(|mut s| s.rfind(|p| !p.is_empty()))
        .unwrap_or("");
    let stem = last.rsplit_once('.').map_or(last, |(s, _)| s);
    stem.split(['-', '_', '+'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// W3C datetime: a full timestamp, or a bare date taken as midnight UTC.
fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            let day = NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
            Some(day.and_hms_opt(0, 0, 0)?.and_utc())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://h.test/sitemap.xml").unwrap()
    }

    #[test]
    fn news_sitemap_entries() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://h.test/2023/09/rusia-amplia-diplomaticos.html</loc>
    <news:news><news:publication><news:name>El Diario</news:name><news:language>es</news:language></news:publication>
      <news:publication_date>2023-09-24T08:15:00-06:00</news:publication_date>
      <news:title>Rusia suma 37 diplomáticos &amp; más en México</news:title>
      <news:keywords><![CDATA[Rusia, México, embajada]]></news:keywords></news:news></url>
  <url><loc>/deportes/final-copa.html</loc><lastmod>2023-09-20</lastmod></url>
</urlset>"#;
        let Some(Sitemap::Urls(items)) = parse(xml, &base(), "sm") else {
            panic!()
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].title, "Rusia suma 37 diplomáticos & más en México");
        assert_eq!(items[0].summary, "Rusia, México, embajada");
        assert_eq!(
            items[0].published.unwrap().to_rfc3339(),
            "2023-09-24T14:15:00+00:00"
        );
        assert_eq!(
            items[1].url.as_str(),
            "https://h.test/deportes/final-copa.html"
        );
        assert_eq!(items[1].title, "final copa");
        assert!(items[1].published.is_some());
    }

    #[test]
    fn index_and_non_sitemaps() {
        let xml = "<sitemapindex><sitemap><loc>https://h.test/news-1.xml</loc></sitemap>\
                   <sitemap><loc>news-2.xml</loc></sitemap></sitemapindex>";
        let Some(Sitemap::Index(children)) = parse(xml, &base(), "sm") else {
            panic!()
        };
        assert_eq!(children[1].as_str(), "https://h.test/news-2.xml");
        assert!(
            parse(
                "<rss version=\"2.0\"><channel></channel></rss>",
                &base(),
                "x"
            )
            .is_none()
        );
        assert!(parse("not xml at all <<<", &base(), "x").is_none());
    }
}
