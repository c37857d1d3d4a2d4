//! Every kind of bad story file stops `storydiff fetch` before any fetch, with exit
//! code 2 and a message naming the file, line and field.

use std::path::Path;
use std::process::Command;

const GOOD: &str = r#"title = "Russian diplomats in Mexico"
reference = "http://127.0.0.1:9/reference.html"
keywords = ["Russia", "Mexico"]
since = "2023-06-01"
until = "2023-12-31"

[[outlet]]
id = "el-observador"
name = "El Observador"
lang = "es"
feeds = ["http://127.0.0.1:9/rss.xml"]

[[outlet]]
id = "wire"
articles = ["http://127.0.0.1:9/a.html"]
"#;

/// Runs `storydiff fetch` on `text` saved as `name`; returns (exit code, stderr).
fn fetch(name: &str, text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(["fetch", "--retries", "0"])
        .arg(&path)
        .arg("--snapshots")
        .arg(dir.path().join("snapshots"))
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    assert!(
        code != 2 || !dir.path().join("snapshots").exists(),
        "a bad story file must stop before anything is written"
    );
    (code, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Asserts the error names `story.toml:LINE:` and the field.
fn assert_error(text: &str, line: usize, field: &str, words: &str) {
    let (code, err) = fetch("story.toml", text);
    assert_eq!(code, 2, "exit code; stderr: {err}");
    assert!(
        err.contains(&format!("story.toml:{line}:")),
        "expected line {line} in: {err}"
    );
    assert!(
        err.contains(&format!(": {field}: ")),
        "expected field `{field}` in: {err}"
    );
    assert!(err.contains(words), "expected `{words}` in: {err}");
}

#[test]
fn the_good_file_is_accepted() {
    // Sanity: it gets past validation (then fails to reach the reference on port 9).
    let (code, err) = fetch("story.toml", GOOD);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("reference article"), "{err}");
}

#[test]
fn unknown_key() {
    assert_error(
        &GOOD.replace("lang = ", "language = "),
        10,
        "language",
        "unknown field",
    );
}

#[test]
fn missing_title_and_reference() {
    let (code, err) = fetch(
        "story.toml",
        &GOOD.replace("title = \"Russian diplomats in Mexico\"\n", ""),
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("story.toml:") && err.contains("title") && err.contains("missing"),
        "{err}"
    );
    let (code, err) = fetch(
        "story.toml",
        &GOOD.replace("reference = \"http://127.0.0.1:9/reference.html\"\n", ""),
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("reference") && err.contains("missing"),
        "{err}"
    );
}

#[test]
fn outlet_without_feeds_or_articles() {
    let text = GOOD.replace("articles = [\"http://127.0.0.1:9/a.html\"]\n", "");
    assert_error(
        &text,
        14,
        "outlet[1].feeds",
        "neither `feeds` nor `articles`",
    );
}

#[test]
fn duplicate_outlet_ids() {
    assert_error(
        &GOOD.replace("id = \"wire\"", "id = \"el-observador\""),
        14,
        "outlet[1].id",
        "duplicate outlet id",
    );
}

#[test]
fn ids_that_are_not_slugs() {
    for bad in ["a/b", "..", "two words", "Wire", "../etc"] {
        let text = GOOD.replace("id = \"wire\"", &format!("id = \"{bad}\""));
        assert_error(&text, 14, "outlet[1].id", "is not a slug");
    }
}

#[test]
fn malformed_urls() {
    assert_error(
        &GOOD.replace("http://127.0.0.1:9/rss.xml", "not a url"),
        11,
        "outlet[0].feeds[0]",
        "not a valid URL",
    );
    assert_error(
        &GOOD.replace("http://127.0.0.1:9/a.html", "ftp://h.test/a"),
        15,
        "outlet[1].articles[0]",
        "only http and https",
    );
    assert_error(
        &GOOD.replace("http://127.0.0.1:9/reference.html", "http://"),
        2,
        "reference",
        "",
    );
}

#[test]
fn since_after_until() {
    assert_error(
        &GOOD.replace("2023-06-01", "2024-01-01"),
        5,
        "until",
        "is before `since`",
    );
}

#[test]
fn bad_dates_and_missing_reference_file() {
    assert_error(
        &GOOD.replace("\"2023-06-01\"", "\"June 2023\""),
        4,
        "since",
        "YYYY-MM-DD",
    );
    assert_error(
        &GOOD.replace("http://127.0.0.1:9/reference.html", "reference/nope.html"),
        2,
        "reference",
        "no such file",
    );
}

#[test]
fn toml_syntax_error() {
    let (code, err) = fetch(
        "story.toml",
        &GOOD.replace("name = \"El Observador\"", "name = \"El Observador"),
    );
    assert_eq!(code, 2, "{err}");
    // The field is the key on the broken line, not a token quoted in the message.
    assert!(
        err.contains("story.toml:9:") && err.contains(": name: "),
        "{err}"
    );
}

#[test]
fn story_file_name_must_be_a_slug() {
    let (code, err) = fetch("My Story.toml", GOOD);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("My Story.toml") && err.contains("slug"),
        "{err}"
    );
}

#[test]
fn missing_story_file() {
    let out = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(["report", "no/such/story.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("storydiff: error: no/such/story.toml: cannot read the story file:"),
        "no line or field for a file that cannot be read: {err}"
    );
}

#[test]
fn every_shipped_story_file_is_valid() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("feeds");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let story = storydiff::config::load(&path).unwrap_or_else(|e| panic!("{e}"));
            assert!(!story.outlets.is_empty());
            n += 1;
        }
    }
    assert!(n >= 1, "no story files in feeds/");
}
