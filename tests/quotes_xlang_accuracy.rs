//! Quotes followed across English and Spanish, scored against the written stories of
//! `tests/fixtures/quotes-xlang` (labelling rules in its README).
//!
//! `cargo test --release --test quotes_xlang_accuracy -- --nocapture` prints, overall
//! and per set of `sets.toml`: recall of same-statement pairs (translated, trimmed,
//! paraphrased, misattributed), precision of the pairs made, and how often a quote was
//! paired with a different statement by the same speaker. `QUOTE_STORIES=DIR` scores
//! another directory of stories (a new batch at first sight); `QUOTE_MISSES=1` prints
//! every miss and false pair.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use storydiff::compare::{self, Comparison, QuoteMatch, QuoteRow};

struct Story {
    name: String,
    comparison: Comparison,
    key: toml::Table,
}

#[derive(Default)]
struct Score {
    /// Same-statement pairs in the key, and those the comparison made.
    same: usize,
    found: usize,
    /// Misattributed pairs, and those flagged as another speaker's.
    misattributed: usize,
    flagged: usize,
    /// Pairs the comparison made on labelled rows, and the right ones among them.
    made: usize,
    right: usize,
    /// Different statements by the same speaker, and those paired anyway.
    traps: usize,
    trapped: usize,
    /// Reference quotes of the key the quote reader did not find.
    unread: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.same += o.same;
        self.found += o.found;
        self.misattributed += o.misattributed;
        self.flagged += o.flagged;
        self.made += o.made;
        self.right += o.right;
        self.traps += o.traps;
        self.trapped += o.trapped;
        self.unread += o.unread;
    }

    fn line(&self) -> String {
        let r = |a: usize, b: usize| {
            if b == 0 {
                "-".to_string()
            } else {
                format!("{:.3} ({a}/{b})", a as f64 / b as f64)
            }
        };
        format!(
            "recall {}  precision {}  different statement paired {}  misattribution flagged {}  reference quotes unread {}",
            r(self.found, self.same),
            r(self.right, self.made),
            r(self.trapped, self.traps),
            r(self.flagged, self.misattributed),
            self.unread
        )
    }
}

/// Folded, whitespace-collapsed, quote marks dropped: how key strings meet quote text.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !"“”«»\"'‘’".contains(*c))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn holds(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

fn load(dir: &Path) -> Story {
    let read = |f: &str| {
        std::fs::read_to_string(dir.join(f))
            .unwrap_or_else(|e| panic!("{}/{f}: {e}", dir.display()))
    };
    let key: toml::Table = toml::from_str(&read("key.toml"))
        .unwrap_or_else(|e| panic!("{}/key.toml: {e}", dir.display()));
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let subject = |id: &str, lang: &str, text: &str| {
        common::subjects::from_text(id, text, lang, None, &format!("{name}/{id}"))
    };
    let lang = key["lang"].as_str().expect("lang");
    let outlets = key["outlet"]
        .as_array()
        .expect("[[outlet]]")
        .iter()
        .map(|o| {
            let id = o["id"].as_str().expect("outlet id");
            subject(
                id,
                o["lang"].as_str().expect("outlet lang"),
                &read(&format!("{id}.txt")),
            )
        })
        .collect();
    let comparison = compare::compare(
        &name,
        "",
        subject("reference", lang, &read("reference.txt")),
        outlets,
        "2024-06-01T12:00:00Z".parse().unwrap(),
    );
    Story {
        name,
        comparison,
        key,
    }
}

fn row<'a>(c: &'a Comparison, words: &str) -> Option<&'a QuoteRow> {
    c.quotes.iter().find(|r| holds(&r.reference.text, words))
}

fn score(s: &Story, misses: bool) -> Score {
    let mut sc = Score::default();
    let rows = |k: &str| {
        s.key
            .get(k)
            .and_then(|v| v.as_array())
            .cloned()
            .unwrap_or_default()
    };
    let say = |what: &str, t: &toml::Value, got: Option<&str>| {
        if misses {
            println!(
                "  {} [{}] {what}: {:?} -> want {:?}, got {:?}",
                s.name,
                t["outlet"].as_str().unwrap_or(""),
                t["reference"].as_str().unwrap_or(""),
                t["quote"].as_str().unwrap_or(""),
                got.unwrap_or("-")
            );
        }
    };
    for p in rows("pair") {
        let (outlet, words) = (
            p["outlet"].as_str().unwrap(),
            p["reference"].as_str().unwrap(),
        );
        let label = p["label"].as_str().unwrap();
        let want = p["quote"].as_str().unwrap_or("");
        let Some(r) = row(&s.comparison, words) else {
            sc.unread += 1;
            if label != "absent" {
                sc.same += 1;
                say("reference quote unread", &p, None);
            }
            continue;
        };
        let cell = r.cells.get(outlet);
        let got = cell.and_then(|c| c.quote.as_ref()).map(|q| q.text.as_str());
        let paired = got.is_some();
        let right = label != "absent" && got.is_some_and(|g| holds(g, want));
        if paired {
            sc.made += 1;
            sc.right += usize::from(right);
            if !right {
                say(&format!("false pair ({label})"), &p, got);
            }
        }
        if label != "absent" {
            sc.same += 1;
            sc.found += usize::from(right);
            if !right && !paired {
                say(&format!("missed ({label})"), &p, got);
            }
        }
        if label == "misattributed" {
            sc.misattributed += 1;
            let flagged = right && cell.is_some_and(|c| c.status == QuoteMatch::OtherSpeaker);
            sc.flagged += usize::from(flagged);
            if right && !flagged {
                say("misattribution not flagged", &p, got);
            }
        }
    }
    for d in rows("different") {
        sc.traps += 1;
        let (outlet, words) = (
            d["outlet"].as_str().unwrap(),
            d["reference"].as_str().unwrap(),
        );
        let Some(r) = row(&s.comparison, words) else {
            continue;
        };
        let got = r
            .cells
            .get(outlet)
            .and_then(|c| c.quote.as_ref())
            .map(|q| q.text.as_str());
        if got.is_some_and(|g| holds(g, d["quote"].as_str().unwrap_or(""))) {
            sc.trapped += 1;
            say("paired with a different statement", &d, got);
        }
    }
    sc
}

fn stories_dir() -> PathBuf {
    std::env::var_os("QUOTE_STORIES").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quotes-xlang/stories"),
        PathBuf::from,
    )
}

#[test]
fn translated_quotes_pair_and_different_statements_do_not() {
    let dir = stories_dir();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("key.toml").exists())
        .collect();
    dirs.sort();
    if dirs.is_empty() {
        // The labelled set is being written (issue 18); until it lands there is nothing
        // to score. The demo test covers the pairing itself.
        eprintln!("skipped: no stories in {} yet", dir.display());
        return;
    }
    let misses = std::env::var_os("QUOTE_MISSES").is_some();
    let stories: Vec<Story> = dirs.iter().map(|d| load(d)).collect();
    let mut total = Score::default();
    let mut by_name = BTreeMap::new();
    for s in &stories {
        let sc = score(s, misses);
        total.add(&sc);
        by_name.insert(s.name.clone(), sc);
    }
    println!(
        "quotes across languages, {} stories: {}",
        stories.len(),
        total.line()
    );
    if let Ok(sets) = std::fs::read_to_string(dir.with_file_name("sets.toml")) {
        let sets: toml::Table = toml::from_str(&sets).expect("sets.toml parses");
        for set in sets["set"].as_array().expect("[[set]] tables") {
            let mut sc = Score::default();
            for name in set["stories"].as_array().expect("stories") {
                let name = name.as_str().expect("story name");
                sc.add(
                    by_name
                        .get(name)
                        .unwrap_or_else(|| panic!("sets.toml: no story {name}")),
                );
            }
            println!(
                "  set {}: {}",
                set["name"].as_str().unwrap_or("?"),
                sc.line()
            );
        }
    }
    if std::env::var_os("QUOTE_STORIES").is_some() {
        return;
    }
    // Floors for the shipped stories (README "Quotes across languages" has the rounds).
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    assert!(
        total.same >= 120,
        "the set holds {} same-statement pairs",
        total.same
    );
    assert!(ratio(total.right, total.made) >= 0.95, "{}", total.line());
    assert!(ratio(total.found, total.same) >= 0.85, "{}", total.line());
    assert!(
        ratio(total.trapped, total.traps) <= 0.05,
        "{}",
        total.line()
    );
}
