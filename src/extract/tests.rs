//! Fixture and robustness tests for [`super::extract`].
//!
//! Fixtures live in `tests/fixtures/extract/<case>/` (override the directory with the
//! `STORYDIFF_FIXTURES` environment variable): `expected.txt` holds the body paragraphs
//! separated by a blank line, optional `meta.json` the expected `title`, `byline`,
//! `published`, `modified`, `lang`, `canonical`, `site_name` and `status` (a key that
//! is absent is not checked, except `status`, which defaults to `article`; `null`
//! expects no value), and the page is `page.html` or
//! the repo-relative path written in `source.txt`. A case whose `status` is not
//! `article` may omit `expected.txt`: what text a non-article yields is not specified.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use super::{Article, PageStatus, extract};

fn fixtures_dir() -> PathBuf {
    std::env::var_os("STORYDIFF_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/extract"
            ))
        })
}

/// Repo root: the fixtures directory is `<root>/tests/fixtures/extract`.
fn repo_root(fixtures: &Path) -> PathBuf {
    fixtures
        .ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

fn read_page(case: &Path, root: &Path) -> Option<String> {
    let bytes = if case.join("page.html").exists() {
        std::fs::read(case.join("page.html")).ok()?
    } else {
        let rel = std::fs::read_to_string(case.join("source.txt")).ok()?;
        std::fs::read(root.join(rel.trim())).ok()?
    };
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// Returns a description of every mismatch in one fixture case.
fn check_case(case: &Path, root: &Path) -> Vec<String> {
    let name = case.file_name().unwrap_or_default().to_string_lossy();
    let mut errs = Vec::new();
    let Some(html) = read_page(case, root) else {
        return vec![format!("{name}: no page.html or readable source.txt")];
    };
    let meta: Option<serde_json::Value> = match std::fs::read_to_string(case.join("meta.json")) {
        Ok(m) => match serde_json::from_str(&m) {
            Ok(v) => Some(v),
            Err(e) => return vec![format!("{name}: bad meta.json: {e}")],
        },
        Err(_) => None,
    };
    let article = extract(&html, Some("https://example.org/news/story.html"));
    let wants_article = meta
        .as_ref()
        .and_then(|m| m.get("status"))
        .is_none_or(|s| s == "article");
    match std::fs::read_to_string(case.join("expected.txt")) {
        Ok(expected) => check_body(&name, &expected, &article.paragraphs, &mut errs),
        Err(_) if wants_article => return vec![format!("{name}: no expected.txt")],
        Err(_) => {}
    }
    if wants_article && article.status != PageStatus::Article {
        errs.push(format!(
            "{name}: status: expected \"article\", got {:?}",
            article.status.as_str()
        ));
    }
    if let Some(m) = meta {
        let got = [
            ("title", Some(article.title.clone())),
            ("byline", article.byline.clone()),
            ("published", article.published.clone()),
            ("modified", article.modified.clone()),
            ("lang", article.lang.clone()),
            ("canonical", article.canonical_url.clone()),
            ("site_name", article.site_name.clone()),
            ("status", Some(article.status.as_str().to_string())),
        ];
        for (key, actual) in got {
            if let Some(want) = m.get(key) {
                let want = want.as_str().map(str::to_string);
                if want != actual {
                    errs.push(format!("{name}: {key}: expected {want:?}, got {actual:?}"));
                }
            }
        }
    }
    errs
}

/// Compares body paragraphs, listing extra (`+`) and missing (`-`) ones.
fn check_body(name: &str, expected: &str, actual: &[String], errs: &mut Vec<String>) {
    let expected: Vec<String> = expected
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    if actual != expected {
        let mut msg = format!("{name}: body paragraphs differ\n--- expected\n");
        for p in &expected {
            let _ = writeln!(msg, "  | {p}");
        }
        msg.push_str("--- actual\n");
        for p in actual {
            let marker = if expected.contains(p) { " " } else { "+" };
            let _ = writeln!(msg, " {marker}| {p}");
        }
        for p in expected.iter().filter(|p| !actual.contains(p)) {
            let _ = writeln!(msg, " -| {p}");
        }
        errs.push(msg);
    }
}
#[test]
fn fixtures() {
    let dir = fixtures_dir();
    let root = repo_root(&dir);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no fixtures in {}", dir.display());
    let errs: Vec<String> = cases.iter().flat_map(|c| check_case(c, &root)).collect();
    assert!(
        errs.is_empty(),
        "{} of {} fixture checks failed:\n\n{}",
        errs.len(),
        cases.len(),
        errs.join("\n")
    );
}

/// Pieces of markup that stress the tokenizer, the tree builder and every heuristic.
const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"comments\">",
    "<div class=\"article-body\">",
    "</div>",
    "<br>",
    "<br/>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<script>",
    "</script>",
    "<a href=x>",
    "</a>",
    "<h1>",
    "<h2>",
    "<ul><li>",
    "</li></ul>",
    "<blockquote>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "ñ",
    "€",
    "日本語",
    ",",
    ".",
    " ",
    "\n",
    "\u{0}",
    "<!--",
    "-->",
    "<",
    ">",
    "\"",
    "'",
    "=",
    "<time datetime=",
    "2024-03-01T10:00:00+01:00",
    "March 3, 2024, 10:30 p.m. EST",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":",
    "{\"@graph\":[{\"@id\":\"#a\",\"name\":\"A\"},{\"author\":{\"@id\":\"#a\"}}]}",
    "[[[[",
    "}",
    "<meta property=\"og:title\" content=",
    "<meta name=\"DC.date\" content=",
    "<html lang=",
    "<svg>",
    "hidden",
    "text with words, the council said",
    "el ayuntamiento dijo que la obra",
    "Subscribe to continue reading",
    "We use cookies",
    "<article>",
    "<body>",
    "<template>",
    "<noscript>",
    "<p class=\"byline\">By ",
];

/// Invariants that hold for any input.
fn check_sane(a: &Article) -> Result<(), TestCaseError> {
    for p in &a.paragraphs {
        prop_assert!(
            !p.is_empty() && p.trim() == p,
            "untrimmed paragraph {:?}",
            p
        );
    }
    prop_assert!(serde_json::to_string(a).is_ok());
    Ok(())
}

fn tag_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => prop::collection::vec(any::<u8>(), 0..8)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ];
    prop::collection::vec(piece, 0..300).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        // Callers decode lossily, as fetch does for undeclared charsets.
        check_sane(&extract(&String::from_utf8_lossy(&bytes), None))?;
    }

    #[test]
    fn never_panics_on_arbitrary_strings(s in any::<String>()) {
        check_sane(&extract(&s, Some("not a url")))?;
    }

    #[test]
    fn never_panics_on_tag_soup(s in tag_soup()) {
        check_sane(&extract(&s, Some("https://example.org/a/b")))?;
    }
}

#[test]
fn empty_and_bom_only_pages_are_not_articles() {
    for html in ["", "\u{feff}", "<html></html>"] {
        let a = extract(html, None);
        assert!(a.paragraphs.is_empty(), "{html:?}");
        assert_eq!(a.status, PageStatus::NotAnArticle, "{html:?}");
    }
}

#[test]
fn deep_nesting_does_not_overflow() {
    let n = 100_000;
    let html = format!(
        "{}<p>Deep text, still here.</p>{}",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    // Run on a small thread stack so recursion anywhere would show up.
    let a = std::thread::Builder::new()
        .stack_size(4 * 1024 * 1024)
        .spawn(move || extract(&html, None))
        .expect("spawn")
        .join()
        .expect("extract on deep nesting panicked or overflowed");
    assert_eq!(a.paragraphs, vec!["Deep text, still here."]);
}

/// A 50 MB article finishes with all of its text. No time limit here: a timed test
/// fails on a busy machine; speed is measured by `benches/extract_speed.py`.
#[test]
fn fifty_megabyte_page_finishes() {
    const SIZE: usize = 50_000_000;
    let mut html = String::with_capacity(SIZE + 4096);
    html.push_str(
        "<html><head><title>Minutes | Gazette</title></head><body>\
         <nav><a href=\"/\">Home</a></nav><article><h1>Minutes</h1>",
    );
    let mut n = 0usize;
    while html.len() < SIZE {
        n += 1;
        let _ = writeln!(
            html,
            "<p>The committee met on day {n}, and it approved 14 of the 20 proposals, \
             according to the minutes published later that evening.</p>"
        );
    }
    html.push_str("</article><footer>Gazette</footer></body></html>");
    let a = extract(&html, None);
    assert_eq!(a.title, "Minutes");
    assert_eq!(a.status, PageStatus::Article);
    assert_eq!(a.paragraphs.len(), n);
    assert!(a.paragraphs[0].starts_with("The committee met on day 1,"));
    assert!(a.paragraphs[n - 1].starts_with(&format!("The committee met on day {n},")));
}

#[test]
fn br_separated_text_becomes_paragraphs() {
    let a = extract(
        "<body><div class=\"content\">First paragraph of the story, long enough to count as \
         real text in the body.<br><br>Second paragraph, also long enough to be scored as \
         prose by the extractor.<br>Same paragraph after one break.</div></body>",
        None,
    );
    assert_eq!(
        a.paragraphs,
        vec![
            "First paragraph of the story, long enough to count as real text in the body.",
            "Second paragraph, also long enough to be scored as prose by the extractor. Same \
             paragraph after one break.",
        ]
    );
}

#[test]
fn hidden_and_script_content_is_skipped() {
    let a = extract(
        "<body><article><p>Visible paragraph with enough words, commas, and length to win.</p>\
         <p hidden>Hidden 1</p><p aria-hidden=\"true\">Hidden 2</p>\
         <p style=\"display: none\">Hidden 3</p><script>var x = 1;</script>\
         <template><p>Template text</p></template></article></body>",
        None,
    );
    assert_eq!(
        a.paragraphs,
        vec!["Visible paragraph with enough words, commas, and length to win."]
    );
}

#[test]
fn snapshots_written_before_modified_and_status_still_load() {
    let old = r#"{"title":"T","byline":null,"published":"2024-01-01","lang":"en",
                 "canonical":"https://x.test/a","site_name":null,"paragraphs":["One."]}"#;
    let a: Article = serde_json::from_str(old).expect("old article JSON loads");
    assert_eq!(a.status, PageStatus::Article);
    assert_eq!(a.modified, None);
    assert_eq!(a.paragraphs, vec!["One."]);
    assert_eq!(a.canonical_url.as_deref(), Some("https://x.test/a"));
    let v = serde_json::to_value(Article {
        status: PageStatus::NotAnArticle,
        ..Article::default()
    })
    .expect("serialises");
    assert_eq!(v["status"], "not_an_article");
}

#[test]
fn a_page_dated_only_by_a_plain_meta_date_gets_it_and_its_days_resolve() {
    let html = "<html lang=\"en\"><head><meta name=\"date\" content=\"2013-06-28\">\
                <title>Vote</title></head><body><article><h1>House passes the bill</h1>\
                <p>The House passed the farm bill on June 28 by a vote of 234 to 195, \
                after a debate that ran late into the night and split both parties.</p>\
                </article></body></html>";
    let article = crate::extract::extract(html, None);
    assert_eq!(article.published.as_deref(), Some("2013-06-28"));
    let claims = crate::claims::analyze(&article);
    let day = claims
        .figures
        .iter()
        .find(|f| f.kind == crate::claims::Kind::Date)
        .expect("June 28 is read");
    assert_eq!(day.value.lo, Some(20130628.0), "{day:?}");
}

#[test]
fn a_plain_text_article_gets_the_language_of_its_words() {
    let es = "Llegan 37 diplomáticos rusos a México\n\nLa embajada de Rusia en la capital \
              cuenta ya con 86 diplomáticos, según los datos que la cancillería entregó \
              a los senadores de la comisión. Los nuevos llegaron en las últimas semanas \
              y se suman a los 49 que ya estaban en el país.";
    assert_eq!(Article::from_text(es).lang.as_deref(), Some("es"));
    let en = "Russia sends 37 more diplomats to Mexico\n\nThe embassy in the capital now \
              has 86 diplomats, according to figures the foreign ministry gave to the \
              senators of the committee. The newcomers arrived in the last few weeks and \
              join the 49 who were already in the country.";
    assert_eq!(Article::from_text(en).lang.as_deref(), Some("en"));
    // Too few words to tell stays unknown rather than guessed.
    assert_eq!(Article::from_text("37").lang, None);
}
