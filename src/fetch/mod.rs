//! Fetch: HTTP GET with a size cap, redirect limits and charset decoding.
//!
//! One [`Fetcher`] (one connection pool) serves a whole run. A failed fetch is a
//! [`FetchError`] value that the pipeline turns into an outlet result; it never stops
//! the run. Discovery of the story's article in an outlet's feeds is [`discover`].

mod decode;
pub mod discover;

use std::time::Duration;

use chrono::{DateTime, Utc};
use url::Url;

pub use decode::decode;
pub use discover::{Candidate, discover};

/// Default cap on a response body, counted on decompressed bytes.
pub const DEFAULT_MAX_BYTES: usize = 10 * 1024 * 1024;
/// Default total timeout of one request.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Redirects followed before giving up.
pub const MAX_REDIRECTS: usize = 5;

/// The User-Agent sent unless the story overrides it.
pub fn default_user_agent() -> String {
    format!(
        "storydiff/{} (+{})",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_REPOSITORY")
    )
}

/// How the fetcher behaves.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// User-Agent header.
    pub user_agent: String,
    /// Total time allowed for one request, body included.
    pub timeout: Duration,
    /// Time allowed to connect.
    pub connect_timeout: Duration,
    /// Largest body accepted, in decompressed bytes.
    pub max_bytes: usize,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            user_agent: default_user_agent(),
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// A successful response: the facts a snapshot keeps, the raw bytes and decoded text.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL requested.
    pub url: Url,
    /// The URL after redirects.
    pub final_url: Url,
    /// HTTP status (2xx here).
    pub status: u16,
    /// `ETag` response header.
    pub etag: Option<String>,
    /// `Last-Modified` response header.
    pub last_modified: Option<String>,
    /// `Content-Type` response header.
    pub content_type: Option<String>,
    /// When the response arrived.
    pub fetched_at: DateTime<Utc>,
    /// The body as received (after content-encoding is undone).
    pub body: Vec<u8>,
    /// The body decoded to text (see [`decode`]).
    pub text: String,
}

/// Why a fetch failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// The server answered with a non-success status.
    #[error("HTTP {status} from {url}")]
    Status {
        /// The URL requested.
        url: String,
        /// The status code.
        status: u16,
    },
    /// No complete answer in time.
    #[error("timed out fetching {url}")]
    Timeout {
        /// The URL requested.
        url: String,
    },
    /// The body grew past the cap; nothing is kept.
    #[error("{url}: response larger than {limit} bytes")]
    TooLarge {
        /// The URL requested.
        url: String,
        /// The cap in bytes.
        limit: usize,
    },
    /// Redirect loop, too many redirects, or a redirect to a non-HTTP scheme.
    #[error("{url}: {reason}")]
    Redirect {
        /// The URL requested.
        url: String,
        /// What went wrong.
        reason: String,
    },
    /// Connection, TLS, or protocol failure.
    #[error("cannot fetch {url}: {reason}")]
    Network {
        /// The URL requested.
        url: String,
        /// The root cause.
        reason: String,
    },
}

/// A shared HTTP client.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    max_bytes: usize,
}

impl Fetcher {
    /// Builds the client (rustls with the ring provider; gzip and brotli).
    pub fn new(opts: &FetchOptions) -> crate::Result<Fetcher> {
        // reqwest is built without a default crypto provider; install ring once.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let redirects = reqwest::redirect::Policy::custom(|attempt| {
            if attempt.previous().len() > MAX_REDIRECTS {
                attempt.error(format!("more than {MAX_REDIRECTS} redirects"))
            } else if !matches!(attempt.url().scheme(), "http" | "https") {
                let msg = format!(
                    "redirect to unsupported scheme `{}`",
                    attempt.url().scheme()
                );
                attempt.error(msg)
            } else if attempt.previous().contains(attempt.url()) {
                attempt.error("redirect loop")
            } else {
                attempt.follow()
            }
        });
        let client = reqwest::Client::builder()
            .user_agent(opts.user_agent.clone())
            .timeout(opts.timeout)
            .connect_timeout(opts.connect_timeout)
            .redirect(redirects)
            .build()
            .map_err(|e| crate::Error::Client(error_chain(&e)))?;
        Ok(Fetcher {
            client,
            max_bytes: opts.max_bytes,
        })
    }

    /// GETs `url`, reading at most the configured number of bytes.
    pub async fn fetch(&self, url: &Url) -> Result<Fetched, FetchError> {
        let u = url.to_string();
        let mut resp = self
            .client
            .get(url.clone())
            .send()
            .await
            .map_err(|e| classify(&u, &e))?;
        let status = resp.status().as_u16();
        if !resp.status().is_success() {
            return Err(FetchError::Status { url: u, status });
        }
        let header = |name: reqwest::header::HeaderName| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let etag = header(reqwest::header::ETAG);
        let last_modified = header(reqwest::header::LAST_MODIFIED);
        let content_type = header(reqwest::header::CONTENT_TYPE);
        let final_url = resp.url().clone();
        let mut body = Vec::new();
        // Count decompressed bytes as they stream, so a gzip bomb stops at the cap.
        while let Some(chunk) = resp.chunk().await.map_err(|e| classify(&u, &e))? {
            if body.len() + chunk.len() > self.max_bytes {
                return Err(FetchError::TooLarge {
                    url: u,
                    limit: self.max_bytes,
                });
            }
            body.extend_from_slice(&chunk);
        }
        let text = decode(&body, content_type.as_deref());
        Ok(Fetched {
            url: url.clone(),
            final_url,
            status,
            etag,
            last_modified,
            content_type,
            fetched_at: Utc::now(),
            body,
            text,
        })
    }
}

fn classify(url: &str, e: &reqwest::Error) -> FetchError {
    let url = url.to_string();
    if e.is_timeout() {
        FetchError::Timeout { url }
    } else if e.is_redirect() {
        FetchError::Redirect {
            url,
            reason: error_chain(e),
        }
    } else {
        FetchError::Network {
            url,
            reason: error_chain(e),
        }
    }
}

/// The error and its sources, most specific last, without repeats.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut parts: Vec<String> = vec![e.to_string()];
    let mut src = e.source();
    while let Some(s) = src {
        let msg = s.to_string();
        if !parts.iter().any(|p| p.contains(&msg)) {
            parts.push(msg);
        }
        src = s.source();
    }
    parts.join(": ")
}
