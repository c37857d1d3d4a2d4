//! Extraction accuracy on the shared public benchmark, as a floor the project may not
//! drop below: F1 ≥ 0.970 and precision ≥ 0.95 by the benchmark's own scorer.
//!
//! The benchmark is not in this repository: CI keeps a copy of `shared/` beside the
//! clone, so it is looked for at `<repo>/../shared/bench/article-extraction`. Without
//! it, or without `python3` for the scorer, the test prints why and passes. Pages are
//! extracted in-process (seconds, even in a debug build) and the predictions are
//! scored by `evaluate.py --predictions`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

const MIN_F1: f64 = 0.970;
const MIN_PRECISION: f64 = 0.95;

fn bench_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/article-extraction")
}

fn python() -> Option<&'static str> {
    Command::new("python3")
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| "python3")
}

/// `(F1, precision)` from the scorer's `THIS` row.
fn parse_scores(out: &str) -> Option<(f64, f64)> {
    let row = out.lines().find(|l| l.starts_with("THIS"))?;
    let mut cols = row.split_whitespace().skip(1);
    let f1 = cols.next()?.parse().ok()?;
    let precision = cols.next()?.parse().ok()?;
    Some((f1, precision))
}

#[test]
fn benchmark_f1_and_precision_stay_above_the_floor() {
    let dir = bench_dir();
    let Some(python) = python() else {
        println!("skipped: python3 is not available to run the benchmark scorer");
        return;
    };
    if !dir.join("evaluate.py").is_file() {
        println!("skipped: no benchmark at {}", dir.display());
        return;
    }
    let mut predictions = serde_json::Map::new();
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir.join("html"))
        .expect("read benchmark html/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    pages.sort();
    assert!(pages.len() > 100, "only {} benchmark pages", pages.len());
    for page in &pages {
        let name = page.file_name().unwrap_or_default().to_string_lossy();
        let id = name.trim_end_matches(".html.gz").to_string();
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(page).expect("open page"))
            .read_to_end(&mut bytes)
            .expect("gunzip page");
        // Decoded as `storydiff inspect` decodes a file.
        let html = storydiff::fetch::decode(&bytes, None);
        let article = storydiff::extract::extract(&html, None);
        predictions.insert(id, serde_json::json!({ "articleBody": article.text() }));
    }
    let file = tempfile::NamedTempFile::new().expect("temp file");
    serde_json::to_writer(&file, &predictions).expect("write predictions");
    let out = Command::new(python)
        .arg(dir.join("evaluate.py"))
        .arg("--predictions")
        .arg(file.path())
        .output()
        .expect("run evaluate.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "evaluate.py failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (f1, precision) = parse_scores(&stdout).expect("a THIS row in the scorer's output");
    println!("{stdout}");
    assert!(
        f1 >= MIN_F1 && precision >= MIN_PRECISION,
        "extraction fell below the floor (F1 {f1:.3} < {MIN_F1} or precision \
         {precision:.3} < {MIN_PRECISION}):\n{stdout}"
    );
}

#[test]
fn scorer_output_is_parsed() {
    let out = "extractor            F1   prec recall  exact\n\
               trafilatura       0.958  0.938  0.978  0.293\n\
               THIS              0.977  0.974  0.980  0.470\n";
    assert_eq!(parse_scores(out), Some((0.977, 0.974)));
    assert_eq!(parse_scores("no rows"), None);
}
