//! `storydiff inspect` on the demo pages: `--text` gives the body without furniture,
//! `--json` gives the article and the expected figures.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn inspect(page: &Path, flag: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(["inspect", flag])
        .arg(page)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn paragraphs(s: &str) -> Vec<String> {
    s.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Every `tests/fixtures/extract/demo-*` case: the page's body, exactly.
#[test]
fn text_is_the_body_without_furniture() {
    let dir = root().join("tests/fixtures/extract");
    let mut cases = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let case = entry.unwrap().path();
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("demo-") {
            continue;
        }
        cases += 1;
        let source = std::fs::read_to_string(case.join("source.txt")).unwrap();
        let got = paragraphs(&inspect(&root().join(source.trim()), "--text"));
        let want = paragraphs(&std::fs::read_to_string(case.join("expected.txt")).unwrap());
        if got != want {
            let missing: Vec<_> = want.iter().filter(|p| !got.contains(p)).collect();
            let extra: Vec<_> = got.iter().filter(|p| !want.contains(p)).collect();
            failures.push(format!(
                "{name}:\n  missing: {missing:#?}\n  extra: {extra:#?}"
            ));
        }
    }
    assert!(
        cases >= 5,
        "expected the reference and four outlet pages, found {cases}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn json_has_the_article_and_its_figures() {
    let page = root().join("demo/site/la-gaceta/2023/09/rusia-amplia-diplomaticos-mexico.html");
    let v: serde_json::Value = serde_json::from_str(&inspect(&page, "--json")).unwrap();
    let article = &v["article"];
    assert_eq!(article["lang"], "es");
    assert!(article["title"].as_str().unwrap().len() > 10);
    assert!(
        article["published"]
            .as_str()
            .unwrap()
            .starts_with("2023-09-24")
    );
    let figures = v["claims"]["figures"].as_array().unwrap();
    let has = |lo: f64, hi: Option<f64>, kind: &str, unit: &str| {
        figures.iter().any(|f| {
            f["value"]["lo"].as_f64() == Some(lo)
                && f["value"]["hi"].as_f64() == hi
                && f["kind"] == kind
                && (unit.is_empty() || f["unit_key"] == unit)
        })
    };
    let all: Vec<_> = figures
        .iter()
        .map(|f| f["text"].as_str().unwrap_or(""))
        .collect();
    assert!(
        has(37.0, Some(37.0), "count", "diplomat"),
        "37 nuevos diplomáticos: {all:?}"
    );
    assert!(has(49.0, Some(49.0), "count", "diplomat"), "49: {all:?}");
    assert!(has(46.0, Some(46.0), "count", "diplomat"), "46: {all:?}");
    assert!(has(150.0, None, "count", ""), "al menos 150: {all:?}");
    assert!(has(2020.0, Some(2020.0), "year", ""), "2020: {all:?}");
    // Reader comments and share counts are furniture, not figures.
    let text = article["text"].as_str().unwrap();
    assert!(!text.contains("120"), "a comment leaked into the body");
    assert!(
        v["claims"]["quotes"]
            .as_array()
            .is_some_and(|q| !q.is_empty())
    );
}

/// `--json` says whether the page is an article at all.
#[test]
fn json_shows_the_page_status() {
    let status = |case: &str| {
        let page = root()
            .join("tests/fixtures/extract")
            .join(case)
            .join("page.html");
        let v: serde_json::Value = serde_json::from_str(&inspect(&page, "--json")).unwrap();
        v["article"]["status"].as_str().unwrap().to_string()
    };
    assert_eq!(status("semantic-article-en"), "article");
    assert_eq!(status("index-page-en"), "not_an_article");
    assert_eq!(status("paywall-es"), "paywalled");
    assert_eq!(status("consent-wall-en"), "consent_wall");
}
