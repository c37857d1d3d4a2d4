//! The whole pipeline on the bundled demo story, served on 127.0.0.1 by the library,
//! checked against the demo's answer key (`demo/expected.toml`).

use std::collections::BTreeMap;
use std::process::Command;

use serde::Deserialize;
use storydiff::compare::{Comparison, Status, Verdict};
use storydiff::fetch::FetchOptions;
use storydiff::snapshot::Store;
use storydiff::{demo, pipeline};

#[derive(Deserialize)]
struct Key {
    unrelated: Vec<String>,
    figure: Vec<KeyFigure>,
}

#[derive(Deserialize)]
struct KeyFigure {
    value: f64,
    unit: String,
    outlets: BTreeMap<String, String>,
}

fn key() -> Key {
    toml::from_str(include_str!("../demo/expected.toml")).expect("demo/expected.toml parses")
}

/// Runs fetch then compare on the demo story into `dir`.
async fn run_demo(dir: &std::path::Path) -> (Comparison, pipeline::FetchSummary, String) {
    let site = demo::serve().await.unwrap();
    let story = demo::story(&site.base).unwrap();
    let store = Store::new(dir);
    let opts = FetchOptions {
        min_delay: std::time::Duration::ZERO,
        ..FetchOptions::default()
    };
    let summary = pipeline::fetch_story(&story, &store, &opts).await.unwrap();
    let c = pipeline::compare_story(&story, &store).unwrap();
    (c, summary, site.base.to_string())
}

fn find_row<'a>(c: &'a Comparison, f: &KeyFigure) -> &'a storydiff::compare::FigureRow {
    c.rows
        .iter()
        .find(|r| {
            r.reference.value.lo == Some(f.value)
                && (f.unit.is_empty() || r.reference.unit_key == f.unit)
        })
        .unwrap_or_else(|| {
            let have: Vec<_> = c.rows.iter().map(|r| &r.reference.text).collect();
            panic!(
                "no reference figure {} {}; reference figures: {have:?}",
                f.value, f.unit
            )
        })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_verdicts_match_the_answer_key() {
    let tmp = tempfile::tempdir().unwrap();
    let (c, summary, base) = run_demo(tmp.path()).await;
    for o in &summary.outlets {
        assert_eq!(o.status, Status::Ok, "{}: {:?}", o.id, o.error);
    }
    let mut wrong = Vec::new();
    for f in key().figure {
        let row = find_row(&c, &f);
        for (outlet, want) in &f.outlets {
            let got = row
                .cells
                .get(outlet)
                .map(|cell| cell.verdict.as_str())
                .unwrap_or("(none)");
            if got != want {
                let cell = row.cells.get(outlet);
                wrong.push(format!(
                    "{} {} in {outlet}: want {want}, got {got} ({:?}, {:?})",
                    f.value,
                    f.unit,
                    cell.and_then(|c| c.figure.as_ref()).map(|f| &f.text),
                    cell.map(|c| &c.why)
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "verdicts differ from demo/expected.toml:\n{}",
        wrong.join("\n")
    );
    // The demo shows every kind of verdict the issue names.
    let tally = c.tally();
    for v in [Verdict::Agree, Verdict::Diverge, Verdict::Missing] {
        assert!(
            tally.get(&v).copied().unwrap_or(0) > 0,
            "no {v:?} verdict: {tally:?}"
        );
    }
    // The unrelated feed items were neither picked nor compared.
    let unrelated: Vec<String> = key()
        .unrelated
        .iter()
        .map(|u| u.replace(demo::DEMO_HOST, base.trim_end_matches('/')))
        .collect();
    for o in &c.outlets {
        let url = &o.article.as_ref().unwrap().url;
        assert!(
            !unrelated.contains(url),
            "{} compared an unrelated article {url}",
            o.id
        );
    }
    for o in &summary.outlets {
        assert_eq!(o.articles.len(), 1, "{}: {:?}", o.id, o.articles);
        assert!(
            !unrelated.contains(&o.articles[0].url),
            "{} snapshotted {}",
            o.id,
            o.articles[0].url
        );
        assert!(o.articles[0].score.is_some() && !o.articles[0].matched.is_empty());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_translated_quote_and_framing_are_compared_across_languages() {
    use storydiff::compare::QuoteMatch;
    let tmp = tempfile::tempdir().unwrap();
    let (c, _, _) = run_demo(tmp.path()).await;
    let q = &c.quotes[0];
    // La Gaceta carries the analyst's words in Spanish, under her name.
    let cell = &q.cells["la-gaceta"];
    assert_eq!(cell.status, QuoteMatch::Translated, "{cell:?}");
    let oq = cell.quote.as_ref().unwrap();
    assert!(oq.text.contains("Moscú") && oq.speaker.as_deref() == Some("Laura Medina"));
    assert!(
        cell.overlap.unwrap() >= 0.3 && !cell.lost.is_empty(),
        "{cell:?}"
    );
    // El Faro quotes someone else entirely: not paired, and not called absent.
    assert_eq!(q.cells["el-faro"].status, QuoteMatch::OtherLanguage);
    assert_eq!(q.cells["northern-ledger"].status, QuoteMatch::Absent);
    // Framing: the Spanish outlets are set beside the English reference, marked so,
    // with label choices through the bilingual sets and no distinctive words.
    for id in ["la-gaceta", "el-faro"] {
        let f = &c.framing[id];
        assert!(f.comparable && f.across_languages, "{id}: {f:?}");
        assert!(f.distinctive.is_empty(), "{id}: {f:?}");
        assert!(!f.densities.is_empty(), "{id}: {f:?}");
        let l = f
            .labels
            .iter()
            .find(|l| l.neutral == "diplomats")
            .expect("label");
        assert!(
            l.outlet.iter().any(|t| t == "agentes") && l.outlet_neutral > 0,
            "{l:?}"
        );
    }
    assert!(!c.framing["capital-wire"].across_languages);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_run_adds_no_versions_and_keeps_the_first() {
    let tmp = tempfile::tempdir().unwrap();
    let (first, s1, _) = run_demo(tmp.path()).await;
    assert!(s1.new_versions() >= 4, "{s1:?}");
    let (second, s2, _) = run_demo(tmp.path()).await;
    assert_eq!(
        s2.new_versions(),
        0,
        "unchanged pages add no version: {s2:?}"
    );
    assert_eq!(first.rows.len(), second.rows.len());
    for (a, b) in first.outlets.iter().zip(&second.outlets) {
        assert_eq!(
            a.article.as_ref().unwrap().hash,
            b.article.as_ref().unwrap().hash
        );
        assert_eq!(b.article.as_ref().unwrap().version, 1);
    }
}

fn storydiff(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn demo_command_prints_a_json_report_with_the_documented_fields() {
    let (code, out, err) = storydiff(&["demo", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["schema"], "storydiff.report/1");
    assert_eq!(v["story"], "russia-mexico");
    assert!(chrono::DateTime::parse_from_rfc3339(v["generated"].as_str().unwrap()).is_ok());
    assert!(
        v["reference"]["url"]
            .as_str()
            .unwrap()
            .starts_with("http://127.0.0.1:")
    );
    assert!(v["reference"]["title"].is_string());
    let ref_figs = v["reference"]["figures"].as_array().unwrap();
    assert!(!ref_figs.is_empty());
    for f in ref_figs {
        for field in ["text", "value", "kind", "unit", "sentence"] {
            assert!(!f[field].is_null(), "figure lacks {field}: {f}");
        }
        assert!(f["value"]["lo"].is_number() || f["value"]["lo"].is_null());
        assert!(f["value"]["hi"].is_number() || f["value"]["hi"].is_null());
    }
    let outlets = v["outlets"].as_array().unwrap();
    assert_eq!(outlets.len(), 4);
    for o in outlets {
        assert_eq!(o["status"], "ok", "{o}");
        assert!(o["error"].is_null());
        for field in ["url", "title", "published", "lang"] {
            assert!(
                o["article"].get(field).is_some(),
                "article lacks {field}: {o}"
            );
        }
        assert!(o["figures"].is_array());
    }
    let mut verdicts = std::collections::BTreeSet::new();
    for row in v["figures"].as_array().unwrap() {
        assert!(row["ref"]["text"].is_string());
        for (_, cell) in row["outlets"].as_object().unwrap() {
            let verdict = cell["verdict"].as_str().unwrap();
            assert!(["agree", "compatible", "diverge", "missing"].contains(&verdict));
            assert_eq!(cell["figure"].is_null(), verdict == "missing", "{cell}");
            verdicts.insert(verdict.to_string());
        }
    }
    for want in ["agree", "diverge", "missing"] {
        assert!(verdicts.contains(want), "no {want} in the report");
    }
}

#[test]
fn demo_text_report_fits_100_columns_and_shows_the_divergence() {
    let (code, out, err) = storydiff(&["demo"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("DIVERGE") && out.contains("agree") && out.contains("missing"),
        "{out}"
    );
    assert!(!out.contains('\x1b'), "no colours when piped");
    for line in out.lines() {
        assert!(line.chars().count() <= 100, "line over 100 columns: {line}");
    }
}

#[test]
fn run_then_report_offline_from_snapshots() {
    // Serve the demo site from this process, point a story file at it, use the binary.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site = rt.block_on(demo::serve()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let feeds = tmp.path().join("feeds");
    std::fs::create_dir(&feeds).unwrap();
    let story = feeds.join("russia-mexico.toml");
    let origin = site.base.as_str().trim_end_matches('/').to_string();
    std::fs::write(&story, demo::STORY_TOML.replace(demo::DEMO_HOST, &origin)).unwrap();
    let story = story.to_str().unwrap();
    let (code, run_md, err) = storydiff(&["run", story, "--format", "md", "--delay", "0"]);
    assert_eq!(code, 0, "{err}");
    assert!(run_md.contains("| Reference figure |"), "{run_md}");
    // Snapshots default to snapshots/ beside feeds/.
    assert!(
        tmp.path()
            .join("snapshots/russia-mexico/_reference")
            .is_dir()
    );
    drop(site);
    rt.shutdown_background();
    // The site is gone: report works from disk alone and says the same.
    let (code, report_md, err) = storydiff(&["report", story, "--format", "md"]);
    assert_eq!(code, 0, "{err}");
    let table = |s: &str| {
        s.lines()
            .filter(|l| l.starts_with('|'))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(table(&run_md), table(&report_md));
    let html = tmp.path().join("r.html");
    let (code, _, err) = storydiff(&["report", story, "-f", "html", "-o", html.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(html).unwrap();
    assert!(page.contains("<table id=\"matrix\">") && page.contains("class=\"diverge\""));
}

#[test]
fn unreachable_outlets_are_outlet_results_not_a_crash() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site = rt.block_on(demo::serve()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let origin = site.base.as_str().trim_end_matches('/');
    let story = tmp.path().join("broken.toml");
    std::fs::write(
        &story,
        format!(
            r#"title = "Russian diplomats in Mexico"
reference = "{origin}/reference/mexico-russia-diplomats.html"
[[outlet]]
id = "gone"
articles = ["{origin}/no/such/page.html"]
[[outlet]]
id = "closed-port"
feeds = ["http://127.0.0.1:9/rss.xml"]
"#
        ),
    )
    .unwrap();
    let snaps = tmp.path().join("snaps");
    let (code, out, err) = storydiff(&[
        "run",
        story.to_str().unwrap(),
        "--snapshots",
        snaps.to_str().unwrap(),
        "-f",
        "json",
        "--delay",
        "0",
        "--retries",
        "1",
    ]);
    assert_eq!(code, 3, "no outlet fetched: exit 3; {err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let outlets = v["outlets"].as_array().unwrap();
    assert_eq!(outlets[0]["status"], "error");
    assert!(
        outlets[0]["error"].as_str().unwrap().contains("HTTP 404"),
        "{}",
        outlets[0]
    );
    assert_eq!(outlets[1]["status"], "error");
    assert!(
        outlets[1]["error"]
            .as_str()
            .unwrap()
            .contains("127.0.0.1:9"),
        "{}",
        outlets[1]
    );
    drop(site);
}

#[test]
fn cron_output_is_one_summary_line_and_logs_are_opt_in() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let site = rt.block_on(demo::serve()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let story = tmp.path().join("russia-mexico.toml");
    let origin = site.base.as_str().trim_end_matches('/').to_string();
    std::fs::write(&story, demo::STORY_TOML.replace(demo::DEMO_HOST, &origin)).unwrap();
    let fetch = |log: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_storydiff"));
        cmd.args(["fetch", story.to_str().unwrap(), "--delay", "0"])
            .env_remove("RUST_LOG");
        if let Some(l) = log {
            cmd.env("RUST_LOG", l);
        }
        let out = cmd.output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // Piped (as under cron): no progress bar, nothing on stdout, one line on stderr.
    let (code, out, err) = fetch(None);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.is_empty(), "{out}");
    assert_eq!(
        err,
        "russia-mexico: 4 of 4 outlets ok, 4 new versions, new reference version\n"
    );
    // RUST_LOG=info adds what each stage did; the second run finds nothing new.
    let (code, _, err) = fetch(Some("info"));
    assert_eq!(code, Some(0), "{err}");
    for stage in [
        "discovered",
        "fetched and extracted",
        "snapshot",
        "outlet done",
    ] {
        assert!(err.contains(stage), "no `{stage}` log line: {err}");
    }
    assert!(
        err.trim_end()
            .ends_with("russia-mexico: 4 of 4 outlets ok, 0 new versions"),
        "{err}"
    );
    drop(site);
    rt.shutdown_background();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corrupt_snapshot_spoils_only_its_outlet() {
    let tmp = tempfile::tempdir().unwrap();
    run_demo(tmp.path()).await;
    let dir = tmp.path().join("russia-mexico/el-faro");
    let article = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_dir())
        .unwrap();
    let v1 = article.join("v0001.json");
    std::fs::write(&v1, "{\"broken").unwrap();
    // Fetch and compare go on for the others; el-faro says what is wrong and where.
    let (c, summary, _) = run_demo(tmp.path()).await;
    for o in &summary.outlets {
        if o.id == "el-faro" {
            assert_eq!(o.status, storydiff::compare::Status::Error);
            let e = o.error.as_deref().unwrap();
            assert!(e.contains("v0001.json") && e.contains("corrupt"), "{e}");
        } else {
            assert_eq!(o.status, storydiff::compare::Status::Ok, "{o:?}");
        }
    }
    let faro = c.outlets.iter().find(|o| o.id == "el-faro").unwrap();
    assert!(faro.article.is_none() && faro.error.as_deref().unwrap().contains("v0001.json"));
    assert_eq!(c.outlets.iter().filter(|o| o.article.is_some()).count(), 3);
    // The corrupt file is left as it was for `verify` to name.
    assert_eq!(std::fs::read_to_string(&v1).unwrap(), "{\"broken");
    let v = Store::new(tmp.path()).verify().unwrap();
    assert_eq!(v.problems.len(), 1, "{:?}", v.problems);
}
