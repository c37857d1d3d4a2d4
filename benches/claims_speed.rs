//! Figure-reading speed: `cargo bench --bench claims_speed [-- DIR [ROUNDS]]`.
//!
//! Extracts every page of DIR once (default: the shared extraction benchmark's
//! `html/`, 181 real news pages; `*.html` or `*.html.gz`), then times
//! `claims::analyze` (figures, quotes and framing) over all the articles, ROUNDS
//! times (default 5). Prints one JSON line: articles, words, the median round and the
//! milliseconds per 1,000 words (wall and CPU). Issue 11's goal: under 1 ms per 1,000 words.
//! With `CLAIMS_SPEED_DUMP=FILE` it also writes every claim read, one JSON line per
//! article, so a change made for speed can be shown to read exactly the same.

use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

#[path = "util/cpu.rs"]
mod cpu;
use cpu::cpu_ns;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let dir = args.first().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/article-extraction/html")
    });
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no pages at {} (give a directory of pages)", dir.display());
        std::process::exit(2);
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.to_string_lossy();
            n.ends_with(".html") || n.ends_with(".html.gz")
        })
        .collect();
    paths.sort();
    let articles: Vec<storydiff::extract::Article> = paths
        .iter()
        .map(|p| {
            let mut bytes = Vec::new();
            let f = std::fs::File::open(p).expect("open page");
            if p.to_string_lossy().ends_with(".gz") {
                flate2::read::GzDecoder::new(f)
                    .read_to_end(&mut bytes)
                    .expect("gunzip");
            } else {
                std::io::BufReader::new(f)
                    .read_to_end(&mut bytes)
                    .expect("read");
            }
            storydiff::extract::extract(&storydiff::fetch::decode(&bytes, None), None)
        })
        .collect();
    let words: usize = articles.iter().map(|a| a.word_count()).sum();
    let mut secs = Vec::with_capacity(rounds);
    let mut cpu = Vec::with_capacity(rounds);
    let mut figures = 0;
    for _ in 0..rounds {
        let (t, c) = (Instant::now(), cpu_ns());
        figures = articles
            .iter()
            .map(|a| storydiff::claims::analyze(a).figures.len())
            .sum::<usize>();
        secs.push(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, cpu_ns()) {
            cpu.push(b.saturating_sub(a) as f64 / 1e9);
        }
    }
    if let Ok(out) = std::env::var("CLAIMS_SPEED_DUMP") {
        let lines: Vec<String> = articles
            .iter()
            .map(|a| serde_json::to_string(&storydiff::claims::analyze(a)).expect("claims as JSON"))
            .collect();
        std::fs::write(&out, lines.join("\n")).expect("write the dump");
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied()
    };
    let (wall, cpu) = (median(&mut secs).unwrap_or(0.0), median(&mut cpu));
    let per_1000 = |s: f64| s * 1000.0 / (words as f64 / 1000.0);
    println!(
        "{}",
        serde_json::json!({
            "articles": articles.len(),
            "words": words,
            "figures": figures,
            "rounds": rounds,
            "median_seconds": wall,
            "median_cpu_seconds": cpu,
            "ms_per_1000_words": per_1000(wall),
            "cpu_ms_per_1000_words": cpu.map(per_1000),
            "goal_ms_per_1000_words": 1.0,
        })
    );
}
