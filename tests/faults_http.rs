//! Hostile and broken responses through the whole fetch stage, on 127.0.0.1: bodies that
//! are not pages, refused redirects, empty answers, endless and stalled bodies, links
//! that differ by a fragment, and one story reached by two path spellings. Fetcher-level
//! faults (robots.txt, 429/Retry-After, 5xx, timeouts, redirect loops, size caps, gzip
//! bombs, charsets, 304) are in `fetch.rs`; kills and full disks in `faults_store.rs`.

mod common;

use std::time::{Duration, Instant};

use common::site::{REFERENCE, article, bin, story_file};
use common::{Reply, Server, fast_options};
use storydiff::compare::Status;
use storydiff::fetch::{FetchError, Fetcher};
use storydiff::pipeline;
use storydiff::snapshot::Store;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06";
const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_html_pages_become_articles_and_every_refusal_is_named() {
    let server = Server::start(|req| match req.path.as_str() {
        "/robots.txt" => Reply::new(404, ""),
        "/a/0.html" => Reply::new(200, PDF).header("Content-Type", "application/pdf"),
        // The header lies; the bytes decide.
        "/a/1.html" => Reply::new(200, PNG).header("Content-Type", "text/html"),
        "/a/2.html" => Reply::new(200, PDF).header("Content-Type", "text/html; charset=utf-8"),
        "/a/3.html" => {
            Reply::new(200, "{\"diplomats\": 37}").header("Content-Type", "application/json")
        }
        "/a/4.html" => Reply::new(200, "").header("Content-Type", "text/html"),
        "/a/5.html" => Reply::new(301, "").header("Location", "file:///etc/passwd"),
        // An XHTML page served as XML is a page.
        "/a/6.html" => Reply::new(
            200,
            format!(
                "<?xml version=\"1.0\"?>\n{}",
                article(37).replace("<!DOCTYPE html>", "")
            ),
        )
        .header("Content-Type", "application/xhtml+xml"),
        _ => Reply::new(404, ""),
    })
    .await;
    let tmp = tempfile::tempdir().unwrap();
    let story = storydiff::config::load(&story_file(tmp.path(), &server.base, 7)).unwrap();
    let store = Store::new(tmp.path().join("snapshots"));
    let s = pipeline::fetch_story(&story, &store, &fast_options())
        .await
        .unwrap();
    let expect = [
        "not an HTML page (application/pdf)",
        "not an HTML page (image/png)",
        "not an HTML page (application/pdf)",
        "not an HTML page (application/json)",
        "empty response (HTTP 200 with no body)",
        "redirect to `file:///etc/passwd`: the `file` scheme is refused",
    ];
    for (i, want) in expect.iter().enumerate() {
        let o = &s.outlets[i];
        assert_eq!(o.status, Status::Error, "outlet-{i}: {o:?}");
        let err = o.error.as_deref().unwrap();
        assert!(err.contains(want), "outlet-{i}: {err}");
        assert!(!err.contains("HTTP 301"), "outlet-{i}: {err}");
        assert!(
            store.articles("story", &o.id).unwrap().is_empty(),
            "outlet-{i}: a non-page was stored"
        );
        // status.json says the same as the run.
        let rec = store.read_status("story", &o.id).unwrap().unwrap();
        assert_eq!(rec.status, "error");
    }
    assert_eq!(s.outlets[6].status, Status::Ok, "{:?}", s.outlets[6]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outlet_that_turns_to_an_error_says_so_in_its_status_file() {
    let serve_pdf = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = serve_pdf.clone();
    let server = Server::start(move |req| match req.path.as_str() {
        "/robots.txt" => Reply::new(404, ""),
        _ if flag.load(std::sync::atomic::Ordering::SeqCst) => {
            Reply::new(200, PDF).header("Content-Type", "application/pdf")
        }
        _ => Reply::html(article(36)),
    })
    .await;
    let tmp = tempfile::tempdir().unwrap();
    let story = storydiff::config::load(&story_file(tmp.path(), &server.base, 1)).unwrap();
    let store = Store::new(tmp.path().join("snapshots"));
    pipeline::fetch_story(&story, &store, &fast_options())
        .await
        .unwrap();
    assert_eq!(
        store
            .read_status("story", "outlet-0")
            .unwrap()
            .unwrap()
            .status,
        "ok"
    );
    // Next run the URL serves a PDF: the stored version stands, the run says why.
    serve_pdf.store(true, std::sync::atomic::Ordering::SeqCst);
    let s = pipeline::fetch_story(&story, &store, &fast_options())
        .await
        .unwrap();
    let note = s.outlets[0].articles[0].note.as_deref().unwrap();
    assert!(
        note.contains("not an HTML page (application/pdf)"),
        "{note}"
    );
    let rec = store.read_status("story", "outlet-0").unwrap().unwrap();
    assert!(
        rec.articles[0]
            .note
            .as_deref()
            .unwrap()
            .contains("not an HTML page"),
        "{rec:?}"
    );
    let key = &store.articles("story", "outlet-0").unwrap()[0];
    assert_eq!(store.versions("story", "outlet-0", key).unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_that_differ_only_by_a_fragment_are_one_article() {
    let server = Server::start(|req| match req.path.as_str() {
        "/robots.txt" => Reply::new(404, ""),
        "/feed.xml" => {
            let item = |link: &str| {
                format!(
                    "<item><title>Mexico approves 37 new Russian diplomats for the embassy</title>\
                     <link>{link}</link><description>Russia's embassy in Mexico City grows to 86 \
                     diplomats, ahead of the United States.</description></item>"
                )
            };
            Reply::new(
                200,
                format!(
                    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>{}{}{}</channel></rss>",
                    item("/news/embassy.html#comments"),
                    item("/news/embassy.html"),
                    item("/news/embassy.html#top"),
                ),
            )
            .header("Content-Type", "application/rss+xml")
        }
        _ => Reply::html(article(37)),
    })
    .await;
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("reference.txt"), REFERENCE).unwrap();
    let path = tmp.path().join("story.toml");
    std::fs::write(
        &path,
        format!(
            "title = \"Russian diplomats in Mexico\"\nreference = \"reference.txt\"\nmax_articles = 3\n\n\
             [[outlet]]\nid = \"o\"\nfeeds = [\"{0}/feed.xml\"]\narticles = [\"{0}/a.html#x\", \"{0}/a.html\"]\n",
            server.base
        ),
    )
    .unwrap();
    let story = storydiff::config::load(&path).unwrap();
    assert_eq!(
        story.outlets[0].articles.len(),
        1,
        "listed twice, kept once"
    );
    let store = Store::new(tmp.path().join("snapshots"));
    let s = pipeline::fetch_story(&story, &store, &fast_options())
        .await
        .unwrap();
    let urls: Vec<&str> = s.outlets[0]
        .articles
        .iter()
        .map(|a| a.url.as_str())
        .collect();
    assert_eq!(urls.len(), 2, "{urls:?}");
    assert!(urls.iter().all(|u| !u.contains('#')), "{urls:?}");
    assert_eq!(server.hits("/news/embassy.html"), 1);
    assert_eq!(server.hits("/a.html"), 1);
}

#[test]
fn one_story_reached_by_two_path_spellings_is_one_story() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(Server::start(|req| match req.path.as_str() {
        "/robots.txt" => Reply::new(404, ""),
        _ => Reply::html(article(36)),
    }));
    let tmp = tempfile::tempdir().unwrap();
    let feeds = tmp.path().join("newsroom/feeds");
    std::fs::create_dir_all(&feeds).unwrap();
    story_file(&feeds, &server.base, 1);
    std::fs::create_dir_all(tmp.path().join("elsewhere")).unwrap();
    let run = |cwd: &std::path::Path, story: &std::path::Path| {
        let out = bin()
            .args(["fetch", "--delay", "0"])
            .arg(story)
            .current_dir(cwd)
            .env_remove("RUST_LOG")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let first = run(&tmp.path().join("newsroom"), "feeds/story.toml".as_ref());
    assert!(first.contains("new reference version"), "{first}");
    let absolute = feeds.join("story.toml");
    let second = run(&tmp.path().join("elsewhere"), &absolute);
    assert!(!second.contains("new reference version"), "{second}");
    let third = run(&feeds, "./../feeds/story.toml".as_ref());
    assert!(!third.contains("new reference version"), "{third}");
    // One snapshot directory beside feeds/, one reference key.
    let store = Store::new(tmp.path().join("newsroom/snapshots"));
    assert_eq!(store.articles("story", "_reference").unwrap().len(), 1);
    assert!(!tmp.path().join("elsewhere/snapshots").exists());
    assert!(!feeds.join("snapshots").exists());
}

/// A raw server for what the programmable one cannot do: a body that never ends, and
/// one that stops halfway and stalls.
async fn raw_server() -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut buf = [0u8; 1024];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match s.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                let head = String::from_utf8_lossy(&head).into_owned();
                if head.starts_with("GET /robots.txt") {
                    let _ = s
                        .write_all(
                            b"HTTP/1.1 404 X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                        )
                        .await;
                } else if head.starts_with("GET /endless") {
                    let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n").await;
                    let chunk = format!(
                        "10000\r\n{}\r\n",
                        "<p>news</p>".repeat(65536 / 11 + 1).get(..65536).unwrap()
                    );
                    // Bounded: 256 MiB at most, far past any cap under test.
                    for _ in 0..4096 {
                        if s.write_all(chunk.as_bytes()).await.is_err() {
                            return;
                        }
                    }
                } else {
                    let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><body><p>The first half of").await;
                    tokio::time::sleep(Duration::from_secs(20)).await;
                }
            });
        }
    });
    (base, task)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_endless_body_stops_at_the_cap_and_a_stalled_body_times_out() {
    let (base, task) = raw_server().await;
    let mut opts = fast_options();
    opts.max_bytes = 1 << 20;
    opts.timeout = Duration::from_secs(2);
    opts.retries = 0;
    let f = Fetcher::new(&opts).unwrap();
    let started = Instant::now();
    let err = f
        .fetch(&url::Url::parse(&format!("{base}/endless")).unwrap())
        .await
        .unwrap_err();
    assert!(matches!(err, FetchError::TooLarge { .. }), "{err:?}");
    let err = f
        .fetch(&url::Url::parse(&format!("{base}/stall")).unwrap())
        .await
        .unwrap_err();
    assert!(matches!(err, FetchError::Timeout { .. }), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(10));
    task.abort();
}

#[tokio::test]
async fn an_unknown_charset_label_falls_back_to_the_bytes() {
    let body = "<html><body><p>Rusia envía 37 diplomáticos más a México.</p></body></html>";
    let server = Server::start(move |req| match req.path.as_str() {
        "/robots.txt" => Reply::new(404, ""),
        "/bogus" => Reply::new(200, body).header("Content-Type", "text/html; charset=x-no-such-9"),
        _ => Reply::new(200, encoding_rs::WINDOWS_1252.encode(body).0.into_owned())
            .header("Content-Type", "text/html; charset=\"\""),
    })
    .await;
    let f = Fetcher::new(&fast_options()).unwrap();
    for path in ["/bogus", "/empty-label"] {
        let text = f.fetch(&server.url(path)).await.unwrap().text;
        assert!(
            text.contains("envía 37 diplomáticos más a México"),
            "{path}: {text}"
        );
    }
}
