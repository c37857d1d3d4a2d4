//! Metadata extraction: title, byline, publication and modification times, language,
//! canonical URL and site name. Sources in order of trust: JSON-LD (article types,
//! arrays, `@graph`, `@id` references), then Open Graph / `article:*` / Dublin Core
//! `<meta>` tags, then `<time datetime>`, then visible bylines and datelines.

use std::collections::HashMap;

use serde_json::Value;

use super::dom::{Attr, Dom, NodeId, Tag, tag};
use super::{dates, rules};
/// Metadata found on a page, plus the JSON-LD `articleBody` when present.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    /// Headline.
    pub title: String,
    /// Author(s).
    pub byline: Option<String>,
    /// Publication time (see [`dates`] for the format).
    pub published: Option<String>,
    /// Last modification time.
    pub modified: Option<String>,
    /// Declared primary language subtag.
    pub lang: Option<String>,
    /// Canonical URL.
    pub canonical: Option<String>,
    /// Publisher name.
    pub site_name: Option<String>,
    /// JSON-LD `articleBody`, used when the DOM yields too little text.
    pub body: Option<String>,
    /// JSON-LD says the article is not free to read (`isAccessibleForFree: false`).
    pub not_free: bool,
}

/// Elements with tag `t`, in document order.
fn by_tag<'d>(doc: &'d Dom<'_>, t: Tag) -> impl Iterator<Item = NodeId> + 'd {
    doc.elements().filter(move |&(_, e)| e == t).map(|(n, _)| n)
}

/// `<time datetime>` elements.
fn time_datetime<'d>(doc: &'d Dom<'_>) -> impl Iterator<Item = NodeId> + 'd {
    by_tag(doc, tag::TIME).filter(|&n| doc.attr(n, Attr::Datetime).is_some())
}

fn class_has(doc: &Dom<'_>, n: NodeId, words: &[&str]) -> bool {
    doc.attr(n, Attr::Class)
        .is_some_and(|c| words.iter().any(|w| c.contains(w)))
}

/// Reads the metadata of a parsed page. `url` resolves a relative canonical link.
pub fn metadata(doc: &Dom<'_>, url: Option<&str>) -> Meta {
    let metas = meta_map(doc);
    let ld = json_ld(doc);
    let m = |k: &str| metas.get(k).cloned().filter(|v| !v.is_empty());
    let first = |keys: &[&str]| keys.iter().find_map(|k| m(k));

    let title = ld
        .headline
        .clone()
        .or_else(|| first(&["og:title", "twitter:title", "dc.title", "dcterms.title"]))
        .or_else(|| first_text(doc, tag::H1))
        .or_else(|| first_text(doc, tag::TITLE).map(|t| strip_site_suffix(&t)))
        .unwrap_or_default();

    let byline = ld
        .authors
        .clone()
        .or_else(|| m("author"))
        .or_else(|| m("article:author").filter(|a| !a.contains("://") && !a.starts_with('/')))
        .or_else(|| first(&["dc.creator", "dcterms.creator"]))
        .or_else(|| visible_byline(doc));

    // Dates: machine-readable sources first, then the visible dateline.
    let (time_pub, time_mod) = time_elements(doc);
    let published = ld
        .published
        .iter()
        .cloned()
        .chain(
            [
                "article:published_time",
                "og:published_time",
                "datepublished",
                "dc.date",
                "dc.date.issued",
                "dcterms.issued",
                "dcterms.created",
                "dcterms.date",
                // Less standard names many CMSs emit, often the page's only date.
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "publication_date",
                "citation_publication_date",
                "parsely-pub-date",
                "sailthru.date",
                "article.published",
            ]
            .iter()
            .filter_map(|k| m(k)),
        )
        .find_map(|s| dates::parse(&s))
        .or(time_pub);
    let modified = ld
        .modified
        .iter()
        .cloned()
        .chain(
            [
                "article:modified_time",
                "og:updated_time",
                "datemodified",
                "dc.date.modified",
                "dcterms.modified",
            ]
            .iter()
            .filter_map(|k| m(k)),
        )
        .find_map(|s| dates::parse(&s))
        .or(time_mod);
    let (published, modified) = match (published, modified) {
        (Some(p), m) => (Some(p), m),
        (None, m) => {
            let (vp, vm) = visible_dates(doc);
            (vp, m.or(vm))
        }
    };
    let page_offset = published
        .and_then(|s| s.offset())
        .or_else(|| modified.and_then(|s| s.offset()))
        .or_else(|| page_offset(doc, &metas));
    let published = published.map(|s| s.render(page_offset));
    let modified = modified.map(|s| s.render(page_offset));

    let lang = doc
        .attr(doc.root_element(), Attr::Lang)
        .and_then(primary_subtag)
        .or_else(|| {
            ["content-language", "og:locale", "dc.language", "language"]
                .iter()
                .find_map(|k| m(k).as_deref().and_then(primary_subtag))
        })
        .or_else(|| ld.lang.as_deref().and_then(primary_subtag));

    let canonical = by_tag(doc, tag::LINK)
        .filter(|&l| doc.attr(l, Attr::Href).is_some())
        .find(|&l| {
            doc.attr(l, Attr::Rel).is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|l| doc.attr(l, Attr::Href))
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| m("og:url"))
        .map(|h| resolve(&h, url));

    let site_name = m("og:site_name")
        .or_else(|| ld.publisher.clone())
        .or_else(|| first(&["dc.publisher", "dcterms.publisher"]));

    Meta {
        title: collapse(&title),
        byline: byline.map(|b| collapse(&b)).filter(|b| !b.is_empty()),
        published,
        modified,
        lang,
        canonical,
        site_name: site_name.map(|s| collapse(&s)),
        body: ld.body,
        not_free: ld.not_free,
    }
}

/// `<time datetime>` values: the one marked as publication (`itemprop`, `pubdate`,
/// else the first), and one marked as an update.
fn time_elements(doc: &Dom<'_>) -> (Option<dates::Stamp>, Option<dates::Stamp>) {
    let mut published = None;
    let mut first = None;
    let mut modified = None;
    let itemprop_dates = doc.elements().map(|(n, _)| n).filter(|&n| {
        matches!(
            doc.attr(n, Attr::Itemprop),
            Some("datePublished" | "dateModified")
        )
    });
    for e in itemprop_dates.chain(time_datetime(doc)) {
        let Some(stamp) = doc
            .attr(e, Attr::Datetime)
            .or_else(|| doc.attr(e, Attr::Content))
            .and_then(dates::parse)
        else {
            continue;
        };
        let names = format!(
            "{} {}",
            doc.attr(e, Attr::Itemprop).unwrap_or(""),
            doc.attr(e, Attr::Class).unwrap_or("")
        )
        .to_ascii_lowercase();
        if names.contains("modified") || names.contains("updated") || names.contains("actualiz") {
            modified.get_or_insert(stamp);
        } else if names.contains("published") || doc.attr(e, Attr::Pubdate).is_some() {
            published.get_or_insert(stamp);
        } else {
            first.get_or_insert(stamp);
        }
    }
    (published.or(first), modified)
}

/// Dates printed in dateline-like elements ("Published March 3, 2024",
/// "Actualizado el 4 de marzo de 2024"), split into publication and update.
fn visible_dates(doc: &Dom<'_>) -> (Option<dates::Stamp>, Option<dates::Stamp>) {
    let mut published = None;
    let mut modified = None;
    let datelines = doc.elements().map(|(n, _)| n).filter(|&n| {
        class_has(
            doc,
            n,
            &["date", "Date", "fecha", "time", "publish", "updated"],
        ) || doc
            .attr(n, Attr::Id)
            .is_some_and(|i| i.contains("date") || i.contains("fecha"))
    });
    for e in datelines.take(rules::DATELINE_SCAN_ELEMENTS) {
        let text = collapse(&doc.text_content(e));
        if text.is_empty() || text.chars().count() > 120 {
            continue;
        }
        let Some(stamp) = dates::parse_visible(&text) else {
            continue;
        };
        let lower = text.to_lowercase();
        let names = format!(
            "{} {}",
            doc.attr(e, Attr::Class).unwrap_or(""),
            doc.attr(e, Attr::Id).unwrap_or("")
        )
        .to_ascii_lowercase();
        let update = rules::UPDATE_WORDS
            .iter()
            .any(|w| lower.starts_with(w) || names.contains(w));
        if update {
            modified.get_or_insert(stamp);
        } else {
            published.get_or_insert(stamp);
        }
        if published.is_some() && modified.is_some() {
            break;
        }
    }
    (published, modified)
}

/// The first UTC offset stated by any timestamp on the page (meta keys in name
/// order, so the answer does not depend on hash order).
fn page_offset(doc: &Dom<'_>, metas: &HashMap<String, String>) -> Option<chrono::FixedOffset> {
    let mut keys: Vec<&String> = metas
        .keys()
        .filter(|k| k.contains("time") || k.contains("date"))
        .collect();
    keys.sort();
    keys.iter()
        .filter_map(|k| dates::parse(&metas[*k]))
        .chain(
            time_datetime(doc).filter_map(|t| doc.attr(t, Attr::Datetime).and_then(dates::parse)),
        )
        .find_map(|s| s.offset())
}

/// Collapses runs of whitespace to one space and trims.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `<meta>` content keyed by lower-cased name / property / itemprop / http-equiv;
/// the first occurrence wins.
fn meta_map(doc: &Dom<'_>) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for e in by_tag(doc, tag::META) {
        let Some(content) = doc.attr(e, Attr::Content) else {
            continue;
        };
        for key in [Attr::Name, Attr::Property, Attr::Itemprop, Attr::HttpEquiv] {
            if let Some(k) = doc.attr(e, key) {
                map.entry(k.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.trim().to_string());
            }
        }
    }
    map
}

fn first_text(doc: &Dom<'_>, t: Tag) -> Option<String> {
    by_tag(doc, t)
        .map(|e| collapse(&doc.text_content(e)))
        .find(|t| !t.is_empty())
}

/// "Headline | Site" → "Headline".
fn strip_site_suffix(t: &str) -> String {
    let t = collapse(t);
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if !head.trim().is_empty() && tail.chars().count() < head.chars().count() {
                return head.trim().to_string();
            }
        }
    }
    t
}

/// "es-ES" / "es_ES" / "EN" → "es" / "en".
fn primary_subtag(s: &str) -> Option<String> {
    let p = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let ok = (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic());
    ok.then_some(p)
}

fn resolve(href: &str, base: Option<&str>) -> String {
    match base.and_then(|b| url::Url::parse(b).ok()) {
        Some(b) => b
            .join(href)
            .map(|u| u.to_string())
            .unwrap_or_else(|_| href.to_string()),
        None => href.to_string(),
    }
}

/// Byline from visible markup: `rel=author` / `itemprop=author`, then author/byline classes.
fn visible_byline(doc: &Dom<'_>) -> Option<String> {
    let from = |e: NodeId| -> Option<String> {
        let inner = doc
            .descendants(e)
            .skip(1)
            .find(|&n| doc.attr(n, Attr::Itemprop) == Some("name"))
            .unwrap_or(e);
        let text = doc
            .attr(inner, Attr::Content)
            .map(str::to_string)
            .unwrap_or_else(|| collapse(&doc.text_content(inner)));
        let text = strip_by(&text);
        (!text.is_empty() && text.chars().count() <= 100).then_some(text)
    };
    let rel_author = |n: NodeId, t: Tag| {
        (t == tag::A
            && doc.attr(n, Attr::Rel).is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("author"))
            }))
            || doc.attr(n, Attr::Itemprop) == Some("author")
    };
    let class_author =
        |n: NodeId| class_has(doc, n, &["byline", "author", "Byline", "Author", "autor"]);
    doc.elements()
        .filter(|&(n, t)| rel_author(n, t))
        .find_map(|(n, _)| from(n))
        .or_else(|| {
            doc.elements()
                .filter(|&(n, _)| class_author(n))
                .find_map(|(n, _)| from(n))
        })
        .or_else(|| text_byline(doc))
}

/// A "By Jane Doe" line in the page text (old table layouts have no byline markup).
fn text_byline(doc: &Dom<'_>) -> Option<String> {
    doc.descendants(doc.root_element())
        .take(rules::BYLINE_SCAN_NODES)
        .filter(|&n| {
            let p = doc.parent(n);
            p != super::dom::NONE
                && doc
                    .tag(p)
                    .is_some_and(|t| !doc.is_skip(t) && t != tag::TITLE)
        })
        .filter_map(|n| doc.text(n).map(collapse))
        .find(|t| rules::looks_like_byline(t))
        .map(|t| strip_by(&t))
        .filter(|t| !t.is_empty())
}

/// "By Jane Doe, Staff Writer" → "Jane Doe".
fn strip_by(t: &str) -> String {
    let mut t = collapse(t);
    let lower = t.to_lowercase();
    for p in rules::BYLINE_PREFIXES {
        if lower.starts_with(p) && t.is_char_boundary(p.len()) {
            t = t[p.len()..].trim().to_string();
            break;
        }
    }
    // Drop trailing ", Staff Writer"-style role segments.
    let parts: Vec<&str> = t
        .split(',')
        .map(str::trim)
        .filter(|seg| {
            let l = seg.to_lowercase();
            !seg.is_empty()
                && !l
                    .split_whitespace()
                    .any(|w| rules::BYLINE_ROLES.contains(&w))
        })
        .collect();
    if parts.is_empty() {
        t
    } else {
        parts.join(", ")
    }
}

/// Fields of the first article object in the page's JSON-LD.
#[derive(Default)]
struct LdArticle {
    not_free: bool,
    headline: Option<String>,
    authors: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    publisher: Option<String>,
    lang: Option<String>,
    body: Option<String>,
}

fn is_article_type(v: Option<&Value>) -> bool {
    let ok = |s: &str| s.ends_with("Article") || s.ends_with("BlogPosting") || s == "Report";
    match v {
        Some(Value::String(s)) => ok(s),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(ok)),
        _ => false,
    }
}

/// Names in an `author` / `publisher` value; `{"@id": ...}` references are looked up
/// in `ids` (nodes elsewhere in the `@graph`).
fn names(v: &Value, ids: &HashMap<String, String>) -> Vec<String> {
    match v {
        Value::String(s) => vec![collapse(s)],
        Value::Object(o) => match o.get("name") {
            Some(n) => names(n, &HashMap::new()),
            None => o
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| ids.get(id))
                .map(|n| vec![collapse(n)])
                .unwrap_or_default(),
        },
        Value::Array(a) => a.iter().flat_map(|x| names(x, ids)).collect(),
        _ => Vec::new(),
    }
}

fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Array(a) => a.iter().find_map(|x| string(Some(x))),
        _ => None,
    }
}

/// `false` or `"False"`.
fn is_false(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => !b,
        Some(Value::String(s)) => s.trim().eq_ignore_ascii_case("false"),
        _ => false,
    }
}

/// Every JSON-LD block of the page, parsed (unparseable ones skipped).
fn ld_blocks(doc: &Dom<'_>) -> Vec<Value> {
    let mut out = Vec::new();
    for script in by_tag(doc, tag::SCRIPT) {
        if !doc
            .attr(script, Attr::Type)
            .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
        {
            continue;
        }
        let raw: String = doc.text_content(script);
        let raw = raw
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->");
        let raw = raw.trim().trim_end_matches(';');
        if let Ok(v) = serde_json::from_str::<Value>(raw) {
            out.push(v);
        }
    }
    out
}

/// Visits every object in `v` (arrays, `@graph`, nested values) without recursion.
fn walk<'a>(v: &'a Value, mut f: impl FnMut(&'a serde_json::Map<String, Value>)) {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(a) => stack.extend(a.iter().rev()),
            Value::Object(o) => {
                f(o);
                for child in o.values().rev() {
                    if matches!(child, Value::Array(_) | Value::Object(_)) {
                        stack.push(child);
                    }
                }
            }
            _ => {}
        }
    }
}

fn json_ld(doc: &Dom<'_>) -> LdArticle {
    let blocks = ld_blocks(doc);
    // Named nodes, for `"author": {"@id": "#jane"}` references.
    let mut ids: HashMap<String, String> = HashMap::new();
    for v in &blocks {
        walk(v, |o| {
            if let (Some(id), Some(name)) = (
                o.get("@id").and_then(Value::as_str),
                o.get("name").and_then(Value::as_str),
            ) {
                ids.entry(id.to_string())
                    .or_insert_with(|| name.to_string());
            }
        });
    }
    let mut out = LdArticle::default();
    for v in &blocks {
        walk(v, |o| {
            if is_false(o.get("isAccessibleForFree")) {
                out.not_free = true;
            }
            if !is_article_type(o.get("@type")) {
                return;
            }
            let fill = |slot: &mut Option<String>, val: Option<String>| {
                if slot.is_none() {
                    *slot = val;
                }
            };
            fill(
                &mut out.headline,
                string(o.get("headline"))
                    .or_else(|| string(o.get("name")))
                    .map(|h| collapse(&h)),
            );
            let a = o.get("author").map(|a| names(a, &ids)).unwrap_or_default();
            let a: Vec<String> = a.into_iter().filter(|n| !n.is_empty()).collect();
            fill(&mut out.authors, (!a.is_empty()).then(|| a.join(", ")));
            fill(&mut out.published, string(o.get("datePublished")));
            fill(&mut out.modified, string(o.get("dateModified")));
            fill(
                &mut out.publisher,
                o.get("publisher")
                    .and_then(|p| names(p, &ids).into_iter().next()),
            );
            fill(&mut out.lang, string(o.get("inLanguage")));
            fill(&mut out.body, string(o.get("articleBody")));
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Meta {
        metadata(&Dom::parse(html), Some("https://example.org/news/a"))
    }

    #[test]
    fn json_ld_graph_and_arrays() {
        let m = meta(
            r#"<html lang="es-ES"><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},
             {"@type":["NewsArticle"],"headline":"Sube el agua","datePublished":"2024-03-01T10:00:00+01:00",
              "author":[{"@type":"Person","name":"Ana Ruiz"},{"name":"Luis Gil"}],
              "publisher":{"@type":"Organization","name":"Diario Uno"}}]}
            </script></head><body><h1>Otro</h1></body></html>"#,
        );
        assert_eq!(m.title, "Sube el agua");
        assert_eq!(m.byline.as_deref(), Some("Ana Ruiz, Luis Gil"));
        assert_eq!(m.published.as_deref(), Some("2024-03-01T10:00:00+01:00"));
        assert_eq!(m.lang.as_deref(), Some("es"));
        assert_eq!(m.site_name.as_deref(), Some("Diario Uno"));
    }

    #[test]
    fn fallbacks() {
        let m = meta(
            r#"<html><head><title>Bridge reopens | City Paper</title>
            <meta property="og:locale" content="en_GB">
            <meta property="article:author" content="https://example.org/staff/jo">
            <link rel="canonical" href="/news/bridge"></head>
            <body><p class="byline">By Jo Bloggs</p><time datetime="2024-05-02">May 2</time></body></html>"#,
        );
        assert_eq!(m.title, "Bridge reopens");
        assert_eq!(m.byline.as_deref(), Some("Jo Bloggs"));
        assert_eq!(m.published.as_deref(), Some("2024-05-02"));
        assert_eq!(m.lang.as_deref(), Some("en"));
        assert_eq!(
            m.canonical.as_deref(),
            Some("https://example.org/news/bridge")
        );
    }

    #[test]
    fn dublin_core_and_og() {
        let m = meta(
            r#"<head><meta name="DC.date" content="2023-11-20T08:30:00Z">
            <meta property="og:title" content="OG headline"><meta property="og:url" content="https://x.test/a">
            <meta property="og:site_name" content="X Times"></head>"#,
        );
        assert_eq!(m.title, "OG headline");
        assert_eq!(m.published.as_deref(), Some("2023-11-20T08:30:00Z"));
        assert_eq!(m.canonical.as_deref(), Some("https://x.test/a"));
        assert_eq!(m.site_name.as_deref(), Some("X Times"));
    }
}
