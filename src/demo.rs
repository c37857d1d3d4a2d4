//! Demo: the bundled story, served by the binary itself on a loopback port.
//!
//! The demo's story file and pages use the reserved host [`DEMO_HOST`]; [`serve`]
//! rewrites it to the real `http://127.0.0.1:PORT` in everything it serves, and
//! [`story`] does the same in the story file, so the demo runs the real pipeline
//! (feeds, discovery, HTTP, extraction, snapshots) without any network.

use std::path::Path;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;
use url::Url;

use crate::config::{self, ConfigError, Story};

mod site {
    include!(concat!(env!("OUT_DIR"), "/demo_site.rs"));
}

/// The placeholder origin used by the demo files.
pub const DEMO_HOST: &str = "http://demo.storydiff.invalid";
/// The demo story file, as bundled.
pub const STORY_TOML: &str = include_str!("../demo/story.toml");
/// The story file name the demo story is read as (its stem is the story id).
pub const STORY_PATH: &str = "demo/russia-mexico.toml";

/// The bundled files: (URL path, bytes).
pub fn files() -> &'static [(&'static str, &'static [u8])] {
    site::SITE
}

/// A running demo site; stops when dropped.
#[derive(Debug)]
pub struct DemoSite {
    /// Its origin, `http://127.0.0.1:PORT`.
    pub base: Url,
    task: JoinHandle<()>,
}

impl Drop for DemoSite {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Serves the bundled files on a free 127.0.0.1 port.
pub async fn serve() -> std::io::Result<DemoSite> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
    let base = format!("http://{}", listener.local_addr()?);
    let origin = base.clone();
    let task = tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let origin = origin.clone();
            tokio::spawn(async move {
                let _ = answer(stream, &origin).await;
            });
        }
    });
    Ok(DemoSite {
        base: Url::parse(&base).expect("loopback origin is a URL"),
        task,
    })
}

/// The demo story, pointed at a running site.
pub fn story(base: &Url) -> Result<Story, ConfigError> {
    let origin = base.as_str().trim_end_matches('/');
    config::parse(
        &STORY_TOML.replace(DEMO_HOST, origin),
        Path::new(STORY_PATH),
    )
}

/// Reads one request head and answers it (HTTP/1.1, one request per connection).
async fn answer(mut stream: TcpStream, origin: &str) -> std::io::Result<()> {
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await?;
        if n == 0 || head.len() > 16 * 1024 {
            return Ok(());
        }
        head.extend_from_slice(&buf[..n]);
    }
    let line = String::from_utf8_lossy(&head);
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let found = files().iter().find(|(p, _)| *p == path);
    let (status, ctype, body): (&str, &str, Vec<u8>) = match (method, found) {
        ("GET" | "HEAD", Some((p, bytes))) => {
            let text = String::from_utf8_lossy(bytes).replace(DEMO_HOST, origin);
            ("200 OK", content_type(p), text.into_bytes())
        }
        ("GET" | "HEAD", None) => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found\n".to_vec(),
        ),
        _ => (
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            Vec::new(),
        ),
    };
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes()).await?;
    if method != "HEAD" {
        stream.write_all(&body).await?;
    }
    stream.shutdown().await
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "xml" | "rss" => "application/rss+xml; charset=utf-8",
        "atom" => "application/atom+xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
