//! The HTML report: rendered in headless Chromium (screenshot and DOM), and proof that
//! hostile page content never becomes markup.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Reply, Server, fast_options};
use scraper::{Html, Selector};
use storydiff::compare::Comparison;
use storydiff::report::{self, Format, Options};
use storydiff::{demo, pipeline, snapshot::Store};

async fn demo_comparison(dir: &Path) -> Comparison {
    let site = demo::serve().await.unwrap();
    let story = demo::story(&site.base).unwrap();
    let store = Store::new(dir);
    pipeline::fetch_story(&story, &store, &fast_options())
        .await
        .unwrap();
    pipeline::compare_story(&story, &store).unwrap()
}

/// Debian's `chromium`, or `$STORYDIFF_CHROMIUM`. Missing is a failure under CI (whose
/// script installs it) and a skip elsewhere.
fn chromium() -> Option<PathBuf> {
    let candidates = std::env::var_os("STORYDIFF_CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(
            ["chromium", "chromium-browser", "google-chrome"]
                .iter()
                .filter_map(|name| {
                    std::env::var_os("PATH").and_then(|paths| {
                        std::env::split_paths(&paths)
                            .map(|d| d.join(name))
                            .find(|p| p.is_file())
                    })
                }),
        );
    let found = candidates.into_iter().next();
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have Chromium: .ci/run installs Debian's `chromium`"
        );
        eprintln!("skipping: no chromium on PATH (apt-get install chromium)");
    }
    found
}

/// Runs headless Chromium on a local file with `args`, killing it after a minute.
fn run_chromium(bin: &Path, profile: &Path, args: &[String], page: &Path) -> Vec<u8> {
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-extensions",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut out = Vec::new();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        use std::io::Read;
        let _ = stdout.read_to_end(&mut out);
        out
    });
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chromium_renders_the_matrix_with_the_expected_verdicts() {
    let Some(bin) = chromium() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let c = demo_comparison(&tmp.path().join("snaps")).await;
    let page = tmp.path().join("report.html");
    std::fs::write(&page, report::render(&c, Format::Html, &Options::default())).unwrap();
    let profile = tmp.path().join("profile");

    let shot = tmp.path().join("shot.png");
    run_chromium(
        &bin,
        &profile,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,1800".into(),
        ],
        &page,
    );
    let png = std::fs::read(&shot).expect("chromium wrote a screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(png.len() > 20_000, "a blank page? {} bytes", png.len());

    // The DOM as Chromium built it: the matrix, one row per reference figure, one cell
    // per outlet carrying the comparison's verdict.
    let dom = run_chromium(&bin, &profile, &["--dump-dom".into()], &page);
    let dom = Html::parse_document(&String::from_utf8_lossy(&dom));
    let sel = |s: &str| Selector::parse(s).unwrap();
    let rows: Vec<_> = dom.select(&sel("table#matrix tbody tr")).collect();
    assert_eq!(
        rows.len(),
        c.rows.len(),
        "one matrix row per reference figure"
    );
    let headers: Vec<String> = dom
        .select(&sel("table#matrix thead th[data-outlet]"))
        .map(|th| th.value().attr("data-outlet").unwrap().to_string())
        .collect();
    assert_eq!(
        headers,
        ["la-gaceta", "northern-ledger", "capital-wire", "el-faro"]
    );
    for (row, tr) in c.rows.iter().zip(&rows) {
        for td in tr.select(&sel("td[data-outlet]")) {
            let outlet = td.value().attr("data-outlet").unwrap();
            let want = row.cells[outlet].verdict.as_str();
            assert_eq!(td.value().attr("data-verdict"), Some(want), "{outlet}");
            assert!(
                td.value()
                    .has_class(want, scraper::CaseSensitivity::CaseSensitive)
            );
        }
    }
    // The demo's stealth edit: the 37-diplomat row has northern-ledger diverging.
    let diverge: Vec<String> = dom
        .select(&sel("td[data-verdict=diverge]"))
        .map(|td| td.text().collect::<String>())
        .collect();
    assert!(
        diverge.iter().any(|t| t.contains("36 new diplomats")),
        "{diverge:?}"
    );
    assert!(dom.select(&sel("td[data-verdict=agree]")).count() > 10);
    assert!(dom.select(&sel("td[data-verdict=missing]")).count() > 0);
    assert!(
        dom.select(&sel("#framing svg rect")).count() > 0,
        "framing charts"
    );
}

const HOSTILE: &str = r#"<script>alert('x')</script>"onerror=alert(1) <img src=x onerror=alert(2)> javascript:alert(3)"#;

fn hostile_page(n: u32) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    format!(
        "<!DOCTYPE html><html lang=en><head><title>{t}</title>\
         <meta property=\"og:title\" content=\"{ta}\"></head><body><article><h1>{t}</h1>\
         <p>Mexico cleared {n} new diplomats for the Russian embassy, {h} officials said on Tuesday in a statement.</p>\
         <p>“{h} We follow every rule of the Vienna Convention,” the ambassador &lt;script&gt; said to reporters in Mexico City.</p>\
         <p>The embassy already had 49 diplomats accredited before the decision, and critics called them {h} spies.</p>\
         <p>Russia and Mexico have kept diplomatic relations since the nineteenth century, with long gaps in between them.</p>\
         </article></body></html>",
        t = esc(HOSTILE),
        ta = esc(HOSTILE).replace('"', "&quot;"),
        h = esc(HOSTILE),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_titles_bodies_quotes_and_urls_never_become_markup() {
    // The outlet page changes between two fetches, so the report has a history too.
    let edit = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(36));
    let served = edit.clone();
    let server = Server::start(move |req| match req.path.as_str() {
        "/robots.txt" => Reply::new(404, ""),
        "/ref.html" => Reply::html(hostile_page(37)),
        _ => Reply::html(hostile_page(
            served.load(std::sync::atomic::Ordering::SeqCst),
        )),
    })
    .await;
    let tmp = tempfile::tempdir().unwrap();
    let story_path = tmp.path().join("hostile.toml");
    std::fs::write(
        &story_path,
        format!(
            r#"title = "<script>alert('title')</script> \"onerror=x"
reference = "{b}/ref.html"
[[outlet]]
id = "evil"
name = "<img src=x onerror=alert('name')> javascript:alert(4)"
articles = ["{b}/news/a.html?q=%22onerror=alert(5)%3Cscript%3E"]
"#,
            b = server.base
        ),
    )
    .unwrap();
    let story = storydiff::config::load(&story_path).unwrap();
    let store = Store::new(tmp.path().join("snaps"));
    pipeline::fetch_story(&story, &store, &fast_options())
        .await
        .unwrap();
    edit.store(35, std::sync::atomic::Ordering::SeqCst);
    pipeline::fetch_story(&story, &store, &fast_options())
        .await
        .unwrap();
    let mut c = pipeline::compare_story(&story, &store).unwrap();
    assert_eq!(
        c.history.len(),
        1,
        "the edited outlet article has a history"
    );
    assert!(c.outlets[0].article.is_some(), "{:?}", c.outlets[0].error);
    assert!(!c.rows.is_empty(), "no figures: {:?}", c.reference.claims);
    assert!(
        !c.outlets[0].claims.quotes.is_empty(),
        "no quotes: {:?}",
        c.outlets[0].claims
    );
    // URLs that are not http(s) never become links.
    c.outlets[0].article.as_mut().unwrap().url = "javascript:alert(6)".into();
    c.reference.article.as_mut().unwrap().url = " JAVASCRIPT:alert(7)".into();

    let html = report::render(&c, Format::Html, &Options::default());
    let doc = Html::parse_document(&html);
    let all = Selector::parse("*").unwrap();
    let mut elements = 0;
    for el in doc.select(&all) {
        elements += 1;
        let name = el.value().name();
        assert!(
            !["script", "img", "iframe", "object", "embed"].contains(&name),
            "<{name}> survived as markup"
        );
        for (attr, value) in el.value().attrs() {
            assert!(!attr.starts_with("on"), "handler attribute {attr}={value}");
            let v = value.trim().to_ascii_lowercase();
            assert!(!v.starts_with("javascript:"), "{attr}={value} on <{name}>");
        }
    }
    assert!(elements > 50);
    assert!(html.contains("id=\"history\"") && html.contains("<del>36</del><ins>35</ins>"));
    // The hostile words are still there, as text a reader can see.
    let text: String = doc.root_element().text().collect();
    for words in [
        "<script>alert('title')</script>",
        "onerror=alert(1)",
        "javascript:alert(3)",
    ] {
        assert!(text.contains(words), "{words} missing from the page text");
    }
    // Markdown escapes the same content: no raw tags for a forge to render.
    let md = report::render(&c, Format::Markdown, &Options::default());
    // The only bare `<` allowed opens an http(s) autolink.
    let raw_tag = md
        .match_indices('<')
        .find(|(i, _)| !md[..*i].ends_with('\\') && !md[*i..].starts_with("<http"));
    assert!(raw_tag.is_none(), "unescaped `<` in Markdown: {md}");
}
