//! The fetcher against servers on 127.0.0.1: robots.txt, retries, timeouts, redirects,
//! size caps, gzip bombs, charsets and conditional GET.

mod common;

use std::io::Write;
use std::time::{Duration, Instant};

use common::{Reply, Server, fast_options};
use storydiff::fetch::{FetchError, Fetcher, Validators};

const PAGE: &str = "<html><body><p>Hello</p></body></html>";

#[tokio::test]
async fn robots_txt_disallow_blocks_and_is_read_once() {
    let server = Server::start(|req| match req.path.as_str() {
        "/robots.txt" => Reply::new(200, "User-agent: *\nDisallow: /private/\n"),
        _ => Reply::html(PAGE),
    })
    .await;
    let f = Fetcher::new(&fast_options()).unwrap();
    let err = f.fetch(&server.url("/private/a.html")).await.unwrap_err();
    assert!(matches!(err, FetchError::Blocked { .. }), "{err:?}");
    assert!(err.to_string().contains("blocked by robots.txt"));
    assert_eq!(
        server.hits("/private/a.html"),
        0,
        "a blocked URL is never requested"
    );
    f.fetch(&server.url("/public.html")).await.unwrap();
    f.fetch(&server.url("/public2.html")).await.unwrap();
    assert_eq!(server.hits("/robots.txt"), 1);
}

#[tokio::test]
async fn robots_txt_server_error_blocks_the_host() {
    let server = Server::start(|req| match req.path.as_str() {
        "/robots.txt" => Reply::new(503, ""),
        _ => Reply::html(PAGE),
    })
    .await;
    let mut opts = fast_options();
    opts.retries = 0;
    let f = Fetcher::new(&opts).unwrap();
    let err = f.fetch(&server.url("/a.html")).await.unwrap_err();
    assert!(
        matches!(err, FetchError::RobotsUnreachable { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("HTTP 503"), "{err}");
    assert_eq!(server.hits("/a.html"), 0);
}

#[tokio::test]
async fn retry_after_429_then_success() {
    // A stateful handler: first answer 429 with Retry-After: 1, then 200.
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let c = count.clone();
    let server = Server::start(move |req| {
        if req.path == "/robots.txt" {
            return Reply::new(404, "");
        }
        if c.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 {
            Reply::new(429, "slow down").header("Retry-After", "1")
        } else {
            Reply::html(PAGE)
        }
    })
    .await;
    let f = Fetcher::new(&fast_options()).unwrap();
    let t = Instant::now();
    let page = f.fetch(&server.url("/a.html")).await.unwrap();
    assert!(page.text.contains("Hello"));
    assert!(
        t.elapsed() >= Duration::from_millis(950),
        "Retry-After honoured: {:?}",
        t.elapsed()
    );
    assert_eq!(server.hits("/a.html"), 2);
}

#[tokio::test]
async fn two_500s_then_success_and_a_bounded_number_of_retries() {
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let c = count.clone();
    let server = Server::start(move |req| match req.path.as_str() {
        "/robots.txt" => Reply::new(404, ""),
        "/always" => Reply::new(502, ""),
        _ if c.fetch_add(1, std::sync::atomic::Ordering::SeqCst) < 2 => Reply::new(500, ""),
        _ => Reply::html(PAGE),
    })
    .await;
    let f = Fetcher::new(&fast_options()).unwrap();
    f.fetch(&server.url("/a.html")).await.unwrap();
    assert_eq!(server.hits("/a.html"), 3);
    let err = f.fetch(&server.url("/always")).await.unwrap_err();
    assert_eq!(
        err,
        FetchError::Status {
            url: server.url("/always").to_string(),
            status: 502
        }
    );
    assert_eq!(server.hits("/always"), 4, "1 try + 3 retries");
}

#[tokio::test]
async fn a_stalled_server_times_out() {
    let server = Server::start(|req| match req.path.as_str() {
        "/robots.txt" => Reply::new(404, ""),
        _ => Reply {
            stall: Some(Duration::from_secs(5)),
            ..Reply::html(PAGE)
        },
    })
    .await;
    let mut opts = fast_options();
    opts.timeout = Duration::from_millis(300);
    let f = Fetcher::new(&opts).unwrap();
    let err = f.fetch(&server.url("/slow")).await.unwrap_err();
    assert!(matches!(err, FetchError::Timeout { .. }), "{err:?}");
}

#[tokio::test]
async fn redirect_loop_and_redirect_limit() {
    let server = Server::start(|req| {
        let p = req.path.as_str();
        match p {
            "/robots.txt" => Reply::new(404, ""),
            "/loop-a" => Reply::new(302, "").header("Location", "/loop-b"),
            "/loop-b" => Reply::new(302, "").header("Location", "/loop-a"),
            "/ftp" => Reply::new(301, "").header("Location", "ftp://127.0.0.1/x"),
            "/file" => Reply::new(301, "").header("Location", "file:///etc/passwd"),
            _ if p.starts_with("/hop/") => {
                let n: u32 = p[5..].parse().unwrap();
                if n == 0 {
                    Reply::html(PAGE)
                } else {
                    Reply::new(302, "").header("Location", &format!("/hop/{}", n - 1))
                }
            }
            _ => Reply::html(PAGE),
        }
    })
    .await;
    let f = Fetcher::new(&fast_options()).unwrap();
    let err = f.fetch(&server.url("/loop-a")).await.unwrap_err();
    assert!(matches!(err, FetchError::Redirect { .. }), "{err:?}");
    assert!(err.to_string().contains("redirect loop"), "{err}");
    let ok = f.fetch(&server.url("/hop/5")).await.unwrap();
    assert_eq!(
        ok.final_url.path(),
        "/hop/0",
        "five redirects are followed; final URL kept"
    );
    let err = f.fetch(&server.url("/hop/6")).await.unwrap_err();
    assert!(err.to_string().contains("more than 5 redirects"), "{err}");
    let err = f.fetch(&server.url("/ftp")).await.unwrap_err();
    assert!(err.to_string().contains("`ftp` scheme is refused"), "{err}");
    // A redirect to a local file is refused as such, never reported as "HTTP 301".
    let err = f.fetch(&server.url("/file")).await.unwrap_err();
    assert!(matches!(err, FetchError::Redirect { .. }), "{err:?}");
    assert!(
        err.to_string().contains("`file` scheme is refused"),
        "{err}"
    );
    assert!(err.to_string().contains("file:///etc/passwd"), "{err}");
}

#[tokio::test]
async fn body_over_the_cap_and_a_gzip_bomb() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // 64 MiB of zeros compresses to ~64 KiB.
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..64 {
        gz.write_all(&chunk).unwrap();
    }
    let bomb = gz.finish().unwrap();
    assert!(bomb.len() < 200_000);
    let server = Server::start(move |req| match req.path.as_str() {
        "/robots.txt" => Reply::new(404, ""),
        "/big" => Reply::html(vec![b'a'; 3 << 20]),
        "/bomb" => Reply::new(200, bomb.clone())
            .header("Content-Type", "text/html")
            .header("Content-Encoding", "gzip"),
        _ => Reply::html(PAGE),
    })
    .await;
    let mut opts = fast_options();
    opts.max_bytes = 1 << 20;
    let f = Fetcher::new(&opts).unwrap();
    let err = f.fetch(&server.url("/big")).await.unwrap_err();
    assert!(
        matches!(err, FetchError::TooLarge { limit: 1048576, .. }),
        "{err:?}"
    );
    let err = f.fetch(&server.url("/bomb")).await.unwrap_err();
    assert!(matches!(err, FetchError::TooLarge { .. }), "{err:?}");
}

#[tokio::test]
async fn charsets_from_meta_and_by_detection() {
    let latin1 = {
        let mut p = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>Canc".to_vec();
        p.extend_from_slice(&[0xfa]); // ú
        p.extend_from_slice(b"n, M");
        p.extend_from_slice(&[0xe9]); // é
        p.extend_from_slice(b"xico</p></body></html>");
        p
    };
    let cyrillic = encoding_rs::WINDOWS_1251
        .encode("<html><body><p>Посольство России в Мексике получило тридцать семь новых дипломатов.</p></body></html>")
        .0
        .into_owned();
    let server = Server::start(move |req| match req.path.as_str() {
        "/robots.txt" => Reply::new(404, ""),
        "/latin1" => Reply::new(200, latin1.clone()).header("Content-Type", "text/html"),
        _ => Reply::new(200, cyrillic.clone()).header("Content-Type", "text/html"),
    })
    .await;
    let f = Fetcher::new(&fast_options()).unwrap();
    assert!(
        f.fetch(&server.url("/latin1"))
            .await
            .unwrap()
            .text
            .contains("Cancún, México")
    );
    let ru = f.fetch(&server.url("/ru")).await.unwrap().text;
    assert!(ru.contains("Посольство России"), "{ru}");
}

#[tokio::test]
async fn conditional_get_304() {
    let server = Server::start(
        |req| match (req.path.as_str(), req.header("if-none-match")) {
            ("/robots.txt", _) => Reply::new(404, ""),
            (_, Some("\"v1\"")) => Reply::new(304, ""),
            _ => Reply::html(PAGE)
                .header("ETag", "\"v1\"")
                .header("Last-Modified", "Mon, 25 Sep 2023 10:00:00 GMT"),
        },
    )
    .await;
    let f = Fetcher::new(&fast_options()).unwrap();
    let first = f.fetch(&server.url("/a")).await.unwrap();
    assert_eq!(first.etag.as_deref(), Some("\"v1\""));
    let v = Validators {
        etag: first.etag.clone(),
        last_modified: first.last_modified.clone(),
    };
    assert!(
        f.fetch_if_changed(&server.url("/a"), &v)
            .await
            .unwrap()
            .is_none()
    );
    let log = server.log.lock().unwrap();
    let last = log.last().unwrap();
    assert_eq!(
        last.header("if-modified-since"),
        Some("Mon, 25 Sep 2023 10:00:00 GMT")
    );
}

#[tokio::test]
async fn one_request_at_a_time_per_host_with_the_minimum_delay() {
    let server = Server::start(|req| match req.path.as_str() {
        "/robots.txt" => Reply::new(200, "User-agent: *\nCrawl-delay: 0.3\n"),
        _ => Reply::html(PAGE),
    })
    .await;
    let f = Fetcher::new(&fast_options()).unwrap();
    let t = Instant::now();
    let (u1, u2, u3) = (server.url("/1"), server.url("/2"), server.url("/3"));
    let (a, b, c) = tokio::join!(f.fetch(&u1), f.fetch(&u2), f.fetch(&u3));
    a.unwrap();
    b.unwrap();
    c.unwrap();
    // robots.txt, then three pages, each at least 0.3 s after the previous request.
    assert!(
        t.elapsed() >= Duration::from_millis(850),
        "{:?}",
        t.elapsed()
    );
}

#[tokio::test]
async fn user_agent_names_storydiff_and_can_be_overridden() {
    let server = Server::start(|req| match req.path.as_str() {
        // Only the override's product token is kept out of /news/.
        "/robots.txt" => Reply::new(200, "User-agent: newsroom-bot\nDisallow: /news/\n"),
        _ => Reply::html(PAGE),
    })
    .await;
    let f = Fetcher::new(&fast_options()).unwrap();
    f.fetch(&server.url("/news/a.html")).await.unwrap();
    let ua = server.log.lock().unwrap()[1]
        .header("user-agent")
        .unwrap()
        .to_string();
    assert!(
        ua.starts_with(&format!("storydiff/{}", env!("CARGO_PKG_VERSION"))) && ua.contains("http"),
        "{ua}"
    );
    let mut opts = fast_options();
    opts.user_agent = "newsroom-bot/1.0 (+https://example.org)".into();
    let f = Fetcher::new(&opts).unwrap();
    let err = f.fetch(&server.url("/news/b.html")).await.unwrap_err();
    assert!(matches!(err, FetchError::Blocked { .. }), "{err:?}");
    f.fetch(&server.url("/about.html")).await.unwrap();
    let log = server.log.lock().unwrap();
    assert_eq!(
        log.last().unwrap().header("user-agent"),
        Some("newsroom-bot/1.0 (+https://example.org)")
    );
}
