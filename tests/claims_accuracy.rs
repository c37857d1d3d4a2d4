//! Figure accuracy over the labelled sentences in `tests/fixtures/claims/`.
//!
//! Every sentence is analysed alone; a predicted figure is a true positive when
//! its interval (bounds and strictness), kind and unit key match an expected figure
//! not matched yet. Precision and recall over the whole set must stay at or above
//! [`FLOOR`]. Run with `--nocapture` to see every figure and every miss.

use std::path::Path;

use serde::Deserialize;
use storydiff::claims::{self, Figure, Kind};
use storydiff::extract::Article;

/// The lowest precision and recall the parser may score.
const FLOOR: f64 = 0.95;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    year: i32,
    sentence: Vec<Sentence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sentence {
    style: String,
    lang: String,
    text: String,
    figures: Vec<Expected>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Expected {
    value: Option<f64>,
    lo: Option<f64>,
    hi: Option<f64>,
    #[serde(default)]
    lo_strict: bool,
    #[serde(default)]
    hi_strict: bool,
    kind: Kind,
    unit: String,
}

impl Expected {
    fn bounds(&self) -> (Option<f64>, Option<f64>) {
        match self.value {
            Some(v) => (Some(v), Some(v)),
            None => (self.lo, self.hi),
        }
    }

    fn matches(&self, f: &Figure) -> bool {
        let (lo, hi) = self.bounds();
        same(lo, f.value.lo)
            && same(hi, f.value.hi)
            && self.lo_strict == f.value.lo_strict
            && self.hi_strict == f.value.hi_strict
            && self.kind == f.kind
            // Keys are lower case; a label written "Spaniard" means the same key, and
            // "light-year" the same as "light year".
            && self.unit.to_lowercase().replace('-', " ") == f.unit_key.replace('-', " ")
    }

    fn show(&self) -> String {
        let (lo, hi) = self.bounds();
        format!(
            "{}{}, {}{} {} [{}]",
            if self.lo_strict { "(" } else { "[" },
            bound(lo),
            bound(hi),
            if self.hi_strict { ")" } else { "]" },
            self.kind.as_str(),
            self.unit
        )
    }
}

/// Equal bounds, up to rounding in the labels (two-thirds is written 66.666667).
/// A labelled bound `a` and a read one `b`. A label cannot write a repeating fraction
/// ("two thirds" as 66.67): a read value whose decimals do not end is compared to the
/// decimals the label wrote, within half of its last one.
fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            let exact = (x - y).abs() <= 1e-9 + 1e-6 * x.abs().max(y.abs());
            let repeating = ((y * 1e6).round() - y * 1e6).abs() > 1e-3;
            let decimals = format!("{x}").split_once('.').map_or(0, |(_, d)| d.len());
            let written = decimals >= 2 && (x - y).abs() <= 0.5 * 10f64.powi(-(decimals as i32));
            exact || (repeating && written)
        }
        _ => false,
    }
}

fn bound(b: Option<f64>) -> String {
    b.map_or("inf".to_string(), |v| format!("{v}"))
}

fn show(f: &Figure) -> String {
    format!(
        "{:?} {}{}, {}{} {} [{}]",
        f.text,
        if f.value.lo_strict { "(" } else { "[" },
        bound(f.value.lo),
        bound(f.value.hi),
        if f.value.hi_strict { ")" } else { "]" },
        f.kind.as_str(),
        f.unit_key
    )
}

fn load() -> Vec<(String, i32, Sentence)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/claims");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/claims")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).expect("read fixture");
        let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        for s in file.sentence {
            out.push((name.clone(), file.year, s));
        }
    }
    out
}

#[test]
fn figures_precision_and_recall() {
    let sentences = load();
    let spanish = sentences.iter().filter(|(_, _, s)| s.lang == "es").count();
    assert!(sentences.len() >= 200, "{} sentences", sentences.len());
    assert!(spanish >= 80, "{spanish} Spanish sentences");
    let (mut tp, mut predicted, mut expected) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    // Per file (tp, predicted, expected): a new batch's first-run score is its own row.
    let mut per_file: Vec<(String, usize, usize, usize)> = Vec::new();
    for (file, year, s) in &sentences {
        let article = Article {
            paragraphs: vec![s.text.clone()],
            lang: Some(s.lang.clone()),
            published: Some(format!("{year}-10-15T12:00:00Z")),
            ..Article::default()
        };
        let figures = claims::analyze(&article).figures;
        let mut used = vec![false; s.figures.len()];
        let mut wrong = Vec::new();
        for f in &figures {
            let hit = (0..s.figures.len()).find(|&k| !used[k] && s.figures[k].matches(f));
            match hit {
                Some(k) => used[k] = true,
                None => wrong.push(show(f)),
            }
        }
        let missed: Vec<String> = s
            .figures
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(e, _)| e.show())
            .collect();
        let found = used.iter().filter(|u| **u).count();
        tp += found;
        predicted += figures.len();
        expected += s.figures.len();
        if per_file.last().is_none_or(|(f, ..)| f != file) {
            per_file.push((file.clone(), 0, 0, 0));
        }
        let row = per_file.last_mut().expect("row just pushed");
        row.1 += found;
        row.2 += figures.len();
        row.3 += s.figures.len();
        println!("[{file} {} {}] {}", s.style, s.lang, s.text);
        for f in &figures {
            println!("    {}", show(f));
        }
        if !wrong.is_empty() || !missed.is_empty() {
            misses.push(format!(
                "[{file} {}] {}\n    unexpected: {wrong:?}\n    missed:     {missed:?}",
                s.style, s.text
            ));
        }
    }
    let precision = tp as f64 / predicted.max(1) as f64;
    let recall = tp as f64 / expected.max(1) as f64;
    println!();
    for m in &misses {
        println!("{m}");
    }
    println!();
    for (file, tp, predicted, expected) in &per_file {
        println!(
            "{file}: {expected} expected, {predicted} predicted, precision {:.3}, recall {:.3}",
            *tp as f64 / (*predicted).max(1) as f64,
            *tp as f64 / (*expected).max(1) as f64
        );
    }
    println!(
        "\n{} sentences ({spanish} Spanish), {expected} expected figures, {predicted} predicted, {tp} correct",
        sentences.len()
    );
    println!("precision {precision:.3}, recall {recall:.3} (floor {FLOOR})");
    assert!(
        precision >= FLOOR && recall >= FLOOR,
        "precision {precision:.3}, recall {recall:.3}: below {FLOOR}; {} sentences with errors",
        misses.len()
    );
}
