//! In-process extraction speed: `cargo bench --bench extract_speed -- DIR [ROUNDS]`.
//!
//! Reads every `*.html.gz` page in DIR into memory, then times `fetch::decode` +
//! `extract::extract` over all of them, ROUNDS times (default 5) on the calling thread,
//! and prints one JSON line: pages, rounds, the wall and CPU seconds of each round,
//! and pages per second for the median round (wall, and CPU: on a shared machine the
//! CPU time is the steadier figure). CPU time is read from `/proc/self/schedstat`
//! (Linux); elsewhere it is reported as null. Run by `benches/extract_speed.py`, which compares it
//! with trafilatura on the same pages.

use std::io::Read;
use std::time::Instant;

#[path = "util/cpu.rs"]
mod cpu;
use cpu::cpu_ns;

fn main() {
    // `cargo bench` passes `--bench`; take the first other arguments.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: cargo bench --bench extract_speed -- DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("read the page directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    let pages: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(p).expect("open page"))
                .read_to_end(&mut out)
                .expect("gunzip page");
            out
        })
        .collect();
    let mut secs = Vec::new();
    let mut cpu_secs = Vec::new();
    let mut words = 0usize;
    for _ in 0..rounds {
        let t = Instant::now();
        let c = cpu_ns();
        words = 0;
        for bytes in &pages {
            let html = storydiff::fetch::decode(bytes, None);
            let article = storydiff::extract::extract(&html, None);
            words += article.word_count();
        }
        secs.push(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, cpu_ns()) {
            cpu_secs.push(b.saturating_sub(a) as f64 / 1e9);
        }
    }
    let median = |v: &[f64]| -> Option<f64> {
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied()
    };
    let pps = |s: Option<f64>| s.map(|s| pages.len() as f64 / s);
    println!(
        "{}",
        serde_json::json!({
            "pages": pages.len(),
            "rounds": rounds,
            "seconds": secs,
            "cpu_seconds": cpu_secs,
            "pages_per_second": pps(median(&secs)),
            "pages_per_cpu_second": pps(median(&cpu_secs)),
            "words": words,
        })
    );
}
