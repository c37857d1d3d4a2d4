//! Verdict accuracy over hand-written stories (`tests/fixtures/stories/<story>/`):
//! a reference, 3–5 outlets in English and Spanish, and an answer key (`key.toml`)
//! giving the verdict a journalist would give each (reference figure × outlet).
//!
//! Runs extract → claims → compare as a library on the files. Fails when accuracy
//! over all cells drops below [`ACCURACY_MIN`], on any false "diverge", when the
//! expected reprint groups are not found, or when an expected internal inconsistency
//! is not flagged (or one is flagged where none is). Prints the figures:
//! `cargo test --test compare_accuracy -- --nocapture`.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use storydiff::compare::{self, Comparison, Subject};

/// The floor verdict accuracy may not drop below.
const ACCURACY_MIN: f64 = 0.95;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Key {
    title: String,
    lang: String,
    published: Option<String>,
    outlet: Vec<KeyOutlet>,
    figure: Vec<KeyFigure>,
    /// Groups of outlets that are reprints of one copy (reference id: `reference`).
    #[serde(default)]
    reprints: Vec<Vec<String>>,
    /// Articles whose stated change contradicts their own numbers.
    #[serde(default)]
    inconsistent: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyOutlet {
    id: String,
    lang: String,
    published: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFigure {
    /// The reference figure's exact text.
    text: String,
    outlets: BTreeMap<String, String>,
}

fn subject(dir: &Path, id: &str, lang: &str, published: Option<&str>) -> Subject {
    let file = if id == "reference" {
        dir.join("reference.txt")
    } else {
        dir.join(format!("{id}.txt"))
    };
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    common::subjects::from_text(
        id,
        &text,
        lang,
        published,
        &format!("file://{}", file.display()),
    )
}

fn stories() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("key.toml").exists())
        .collect();
    dirs.sort();
    dirs
}

fn run(dir: &Path) -> (Key, Comparison) {
    let key: Key = toml::from_str(&std::fs::read_to_string(dir.join("key.toml")).unwrap())
        .unwrap_or_else(|e| panic!("{}/key.toml: {e}", dir.display()));
    let reference = subject(dir, "reference", &key.lang, key.published.as_deref());
    let outlets = key
        .outlet
        .iter()
        .map(|o| subject(dir, &o.id, &o.lang, o.published.as_deref()))
        .collect();
    let story = dir.file_name().unwrap().to_string_lossy().to_string();
    let generated = "2024-06-01T12:00:00Z".parse().unwrap();
    let c = compare::compare(&story, &key.title, reference, outlets, generated);
    (key, c)
}

#[test]
fn verdict_accuracy_over_the_hand_labelled_stories() {
    let dirs = stories();
    assert!(
        dirs.len() >= 8,
        "expected at least 8 stories, found {}",
        dirs.len()
    );
    let (mut cells, mut right, mut false_diverge) = (0usize, 0usize, 0usize);
    let mut wrong = Vec::new();
    let mut other = Vec::new();
    for dir in &dirs {
        let (key, c) = run(dir);
        let story = &c.story;
        let (mut s_cells, mut s_right) = (0, 0);
        for f in &key.figure {
            let row = c.rows.iter().find(|r| r.reference.text == f.text);
            for (outlet, want) in &f.outlets {
                cells += 1;
                s_cells += 1;
                let cell = row.and_then(|r| r.cells.get(outlet));
                let got = match (row, cell) {
                    (None, _) => "(no such reference figure)",
                    (_, None) => "(no cell)",
                    (_, Some(cell)) => cell.verdict.as_str(),
                };
                if got == want {
                    right += 1;
                    s_right += 1;
                } else {
                    if got == "diverge" {
                        false_diverge += 1;
                    }
                    wrong.push(format!(
                        "{story}: “{}” in {outlet}: want {want}, got {got} ({:?}; {:?})",
                        f.text,
                        cell.and_then(|c| c.figure.as_ref()).map(|f| &f.text),
                        cell.map(|c| &c.why)
                    ));
                }
            }
        }
        let unlisted: Vec<&str> = c
            .rows
            .iter()
            .filter(|r| !r.derived && !key.figure.iter().any(|f| f.text == r.reference.text))
            .map(|r| r.reference.text.as_str())
            .collect();
        println!(
            "{story:<22} {s_right:>3}/{s_cells:<3} cells right; reference figures not in the key: {unlisted:?}"
        );
        // Reprint groups: each expected group is exactly one source group.
        for group in &key.reprints {
            let found = c.sources.iter().any(|g| {
                let mut a = g.members.clone();
                let mut b = group.clone();
                a.sort();
                b.sort();
                a == b
            });
            if !found {
                other.push(format!(
                    "{story}: reprint group {group:?} not found: {:?}",
                    c.sources
                ));
            }
        }
        let grouped: usize = c.sources.iter().filter(|g| g.members.len() > 1).count();
        if grouped != key.reprints.len() {
            other.push(format!(
                "{story}: {grouped} multi-article source groups, key has {}: {:?}",
                key.reprints.len(),
                c.sources
            ));
        }
        let mut flagged: Vec<&String> = c.inconsistencies.keys().collect();
        flagged.sort();
        let mut want: Vec<&String> = key.inconsistent.iter().collect();
        want.sort();
        if flagged != want {
            other.push(format!(
                "{story}: inconsistencies flagged in {flagged:?}, key says {want:?}: {:?}",
                c.inconsistencies
            ));
        }
    }
    let accuracy = right as f64 / cells as f64;
    println!(
        "verdict accuracy: {right}/{cells} = {accuracy:.3} over {} stories; false diverge: {false_diverge}",
        dirs.len()
    );
    for w in &wrong {
        println!("  wrong: {w}");
    }
    for o in &other {
        println!("  {o}");
    }
    assert_eq!(
        false_diverge,
        0,
        "false diverge verdicts:\n{}",
        wrong.join("\n")
    );
    assert!(
        accuracy >= ACCURACY_MIN,
        "accuracy {accuracy:.3} below {ACCURACY_MIN}:\n{}",
        wrong.join("\n")
    );
    assert!(other.is_empty(), "{}", other.join("\n"));
}

#[test]
fn every_cell_carries_its_evidence_and_explains_itself() {
    for dir in stories() {
        let (_, c) = run(&dir);
        for row in &c.rows {
            for (id, cell) in &row.cells {
                let o = c.outlets.iter().find(|o| &o.id == id).unwrap();
                let a = o.article.as_ref().unwrap();
                assert_eq!(cell.evidence.url, a.url);
                assert_eq!(cell.evidence.hash, a.hash);
                assert!(cell.explanation.starts_with(cell.verdict.as_str()));
                // The mention that made the pair is quoted: the row's own, or a
                // restatement of it (the headline's, say).
                assert!(
                    cell.explanation.contains(&row.reference.sentence)
                        || c.reference
                            .claims
                            .figures
                            .iter()
                            .any(|f| f.value == row.reference.value
                                && cell.explanation.contains(&f.sentence)),
                    "{}",
                    cell.explanation
                );
                if let Some(f) = &cell.figure {
                    assert!(cell.explanation.contains(&f.sentence));
                }
                assert!(c.sources[cell.source].members.contains(id));
            }
        }
    }
}

#[test]
fn quotes_reprints_and_inconsistencies_in_the_stories() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories");
    let (_, c) = run(&root.join("election-result"));
    let q = &c.quotes[0];
    let status = |id: &str| q.cells[id].status;
    use compare::QuoteMatch;
    assert_eq!(status("la-voz"), QuoteMatch::Same);
    assert_eq!(status("el-norte"), QuoteMatch::Reworded);
    assert!(
        q.cells["el-norte"]
            .diff
            .iter()
            .any(|w| w.op == "insert" && w.text == "gran")
    );
    // The same words, put in another politician's mouth.
    assert_eq!(status("radio-sur"), QuoteMatch::OtherSpeaker);
    assert_eq!(status("valdoria-today"), QuoteMatch::OtherLanguage);
    assert_eq!((q.carried_by, q.comparable), (3, 3));

    // A reprint corroborates once: two outlets agree, one independent source.
    let (_, c) = run(&root.join("transfer-fee"));
    let fee = c
        .rows
        .iter()
        .find(|r| r.reference.text == "85 million euros")
        .unwrap();
    assert_eq!(fee.corroboration.outlets[&compare::Verdict::Agree], 2);
    assert_eq!(fee.corroboration.independent[&compare::Verdict::Agree], 1);
    // sport-wire published the 85 million before the reference did.
    let first = &fee.corroboration.first[0];
    assert_eq!(
        (first.outlet.as_str(), first.basis.as_str()),
        ("sport-wire", "published")
    );

    let (_, c) = run(&root.join("city-budget"));
    let bad = &c.inconsistencies["bay-times"][0];
    assert_eq!(bad.implied, 13.6);
    assert!(
        bad.how.starts_with("$2.2 billion → $2.5 billion"),
        "{}",
        bad.how
    );
}

#[test]
fn every_story_renders_in_100_columns_and_as_documented_json() {
    use storydiff::report::{Format, Options, render};
    for dir in stories() {
        let (_, c) = run(&dir);
        let text = render(&c, Format::Text, &Options::default());
        for line in text.lines() {
            assert!(line.chars().count() <= 100, "{}: {line}", c.story);
        }
        let json: serde_json::Value =
            serde_json::from_str(&render(&c, Format::Json, &Options::default())).unwrap();
        for key in [
            "inconsistencies",
            "sources",
            "quotes",
            "quote_extras",
            "framing",
        ] {
            assert!(json.get(key).is_some(), "{}: no {key}", c.story);
        }
        for row in json["figures"].as_array().unwrap() {
            assert!(row["corroboration"]["independent"]["agree"].is_u64());
            for cell in row["outlets"].as_object().unwrap().values() {
                for key in ["url", "captured", "hash", "version"] {
                    assert!(cell["evidence"].get(key).is_some(), "{}: {key}", c.story);
                }
                assert!(cell["explanation"].is_string() && cell["derived"].is_boolean());
            }
        }
    }
}
