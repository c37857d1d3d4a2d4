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
use std::time::{Duration, Instant};

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
            ("canonical", article.canonical.clone()),
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

/// Small deterministic generator (xorshift) so the fuzz loop needs no extra crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn never_panics_on_arbitrary_input() {
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<div class=\"comments\">",
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
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":",
        "[[[[",
        "}",
        "<meta property=\"og:title\" content=",
        "<html lang=",
        "<svg>",
        "hidden",
        "text with words",
        "<article>",
        "<body>",
        "<template>",
        "<noscript>",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..400 {
        let mut s = String::new();
        let n = rng.next() % 200;
        for _ in 0..n {
            if rng.next().is_multiple_of(4) {
                // Raw arbitrary bytes, decoded lossily as callers do.
                let bytes: Vec<u8> = (0..rng.next() % 8).map(|_| rng.next() as u8).collect();
                s.push_str(&String::from_utf8_lossy(&bytes));
            } else {
                s.push_str(PIECES[(rng.next() % PIECES.len() as u64) as usize]);
            }
        }
        let a = extract(&s, Some("not a url"));
        for p in &a.paragraphs {
            assert!(!p.is_empty() && p.trim() == p, "untrimmed paragraph {p:?}");
        }
    }
    let _ = extract("", None);
    let _ = extract("\u{feff}", Some("https://example.org/"));
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

#[test]
fn large_page_finishes() {
    let mut html = String::from("<html><body><article>");
    let mut i = 0;
    while html.len() < 5_000_000 {
        i += 1;
        html.push_str(&format!(
            "<p>The committee met on day {i}, and it approved 14 of the 20 proposals, \
             according to the minutes published later that evening.</p>\n"
        ));
    }
    html.push_str("</article></body></html>");
    let start = Instant::now();
    let a = extract(&html, None);
    assert!(a.paragraphs.len() > 10_000);
    // Generous bound: debug builds are slow; this guards against quadratic blow-ups.
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "took {:?}",
        start.elapsed()
    );
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
                 "canonical":null,"site_name":null,"paragraphs":["One."]}"#;
    let a: Article = serde_json::from_str(old).expect("old article JSON loads");
    assert_eq!(a.status, PageStatus::Article);
    assert_eq!(a.modified, None);
    assert_eq!(a.paragraphs, vec!["One."]);
    let v = serde_json::to_value(Article {
        status: PageStatus::NotAnArticle,
        ..Article::default()
    })
    .expect("serialises");
    assert_eq!(v["status"], "not_an_article");
}
