//! Fetch: HTTP GET with a size cap, redirect limits and charset decoding.
//!
//! One [`Fetcher`] (one connection pool) serves a whole run. A failed fetch is a
//! [`FetchError`] value that the pipeline turns into an outlet result; it never stops
//! the run. Discovery of the story's article in an outlet's feeds is [`mod@discover`].

mod decode;
pub mod discover;
pub mod robots;
pub mod sitemap;
pub mod sniff;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tokio::sync::{OnceCell, Semaphore};
use url::Url;

pub use decode::decode;
pub use discover::{Candidate, discover};
pub use robots::Robots;

/// Default cap on a response body, counted on decompressed bytes.
pub const DEFAULT_MAX_BYTES: usize = 10 * 1024 * 1024;
/// Default total timeout of one request.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Redirects followed before giving up.
pub const MAX_REDIRECTS: usize = 5;
/// Default minimum delay between two requests to one host.
pub const DEFAULT_MIN_DELAY: Duration = Duration::from_secs(1);
/// Default number of requests in flight across hosts.
pub const DEFAULT_CONCURRENCY: usize = 32;
/// A robots.txt `Crawl-delay` above this is capped (a run must end).
pub const MAX_CRAWL_DELAY: Duration = Duration::from_secs(60);

/// A URL as fetched and compared: the `#fragment` only names a place in the page (it
/// is never sent), so two links that differ only there are one article.
pub fn normalize(mut url: Url) -> Url {
    url.set_fragment(None);
    url
}

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
    /// Minimum time between two requests to one host (robots.txt `Crawl-delay` may raise it).
    pub min_delay: Duration,
    /// Requests in flight at once, across all hosts.
    pub concurrency: usize,
    /// Retries after a connection failure, a 429 or a 5xx.
    pub retries: u32,
    /// First backoff delay; it doubles per retry, plus up to as much again of jitter.
    pub retry_base: Duration,
    /// Longest wait accepted from `Retry-After` or backoff; a longer one fails the URL.
    pub max_retry_wait: Duration,
    /// Obey robots.txt.
    pub robots: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            user_agent: default_user_agent(),
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            max_bytes: DEFAULT_MAX_BYTES,
            min_delay: DEFAULT_MIN_DELAY,
            concurrency: DEFAULT_CONCURRENCY,
            retries: 3,
            retry_base: Duration::from_secs(1),
            max_retry_wait: Duration::from_secs(120),
            robots: true,
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

/// Validators from a stored version, for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Validators {
    /// Sent as `If-None-Match`.
    pub etag: Option<String>,
    /// Sent as `If-Modified-Since`.
    pub last_modified: Option<String>,
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
    /// The site's robots.txt disallows the URL for our user agent.
    #[error("blocked by robots.txt: {url}")]
    Blocked {
        /// The URL requested.
        url: String,
    },
    /// The site's robots.txt could not be read (5xx or no answer): per RFC 9309 the
    /// whole host is off limits for this run.
    #[error("robots.txt unreachable ({reason}); not fetching {url}")]
    RobotsUnreachable {
        /// The URL requested.
        url: String,
        /// Why robots.txt could not be read.
        reason: String,
    },
    /// The body is not an HTML page (a PDF, an image, JSON...): never an article.
    #[error("{url}: not an HTML page ({kind})")]
    NotHtml {
        /// The URL requested.
        url: String,
        /// Its media type, from its bytes or its `Content-Type`.
        kind: String,
    },
    /// A success status with no body at all.
    #[error("{url}: empty response (HTTP {status} with no body)")]
    Empty {
        /// The URL requested.
        url: String,
        /// The status code.
        status: u16,
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

impl FetchError {
    /// True when the page is gone for good (404 or 410), as opposed to a failed fetch.
    pub fn is_gone(&self) -> bool {
        matches!(
            self,
            FetchError::Status {
                status: 404 | 410,
                ..
            }
        )
    }
}

impl Fetched {
    /// `Ok` when the body is an HTML page, else the error naming what it is instead.
    pub fn require_html(&self) -> Result<(), FetchError> {
        sniff::html_or_why(&self.body, self.content_type.as_deref()).map_err(|why| match why {
            sniff::NotHtml::Empty => FetchError::Empty {
                url: self.url.to_string(),
                status: self.status,
            },
            sniff::NotHtml::Other(kind) => FetchError::NotHtml {
                url: self.url.to_string(),
                kind,
            },
        })
    }
}

/// A shared, polite HTTP client: one request at a time per host with a minimum delay,
/// a global limit across hosts, robots.txt read once per host, bounded retries.
#[derive(Debug, Clone)]
pub struct Fetcher {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    client: reqwest::Client,
    opts: FetchOptions,
    agent_token: String,
    hosts: std::sync::Mutex<HashMap<String, Arc<Host>>>,
    global: Semaphore,
}

/// Per-host state: the politeness gate (time of the last request) and robots.txt.
#[derive(Debug, Default)]
struct Host {
    gate: tokio::sync::Mutex<Option<Instant>>,
    robots: OnceCell<Robots>,
}

/// What one attempt gave.
enum Attempt {
    Done(Box<Fetched>),
    NotModified,
    Retry(FetchError, Option<Duration>),
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
                    "redirect to `{}`: the `{}` scheme is refused (only http and https are fetched)",
                    attempt.url(),
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
        // robots.txt groups name a product token: the User-Agent up to the first '/'.
        let agent_token = opts
            .user_agent
            .split(['/', ' '])
            .next()
            .unwrap_or("storydiff")
            .to_ascii_lowercase();
        Ok(Fetcher {
            inner: Arc::new(Inner {
                client,
                opts: opts.clone(),
                agent_token,
                hosts: Default::default(),
                global: Semaphore::new(opts.concurrency.max(1)),
            }),
        })
    }

    /// GETs `url`.
    pub async fn fetch(&self, url: &Url) -> Result<Fetched, FetchError> {
        match self.get(url, &Validators::default()).await? {
            Some(f) => Ok(f),
            // No validators were sent, so a 304 is a broken server.
            None => Err(FetchError::Status {
                url: url.to_string(),
                status: 304,
            }),
        }
    }

    /// GETs `url` unless it is unchanged since `v` (`Ok(None)` on 304 Not Modified).
    pub async fn fetch_if_changed(
        &self,
        url: &Url,
        v: &Validators,
    ) -> Result<Option<Fetched>, FetchError> {
        self.get(url, v).await
    }

    fn host(&self, url: &Url) -> Arc<Host> {
        let key = format!(
            "{}://{}:{}",
            url.scheme(),
            url.host_str().unwrap_or(""),
            url.port_or_known_default().unwrap_or(0)
        );
        let mut hosts = self.inner.hosts.lock().expect("host table lock");
        hosts.entry(key).or_default().clone()
    }

    async fn get(&self, url: &Url, v: &Validators) -> Result<Option<Fetched>, FetchError> {
        let host = self.host(url);
        let opts = &self.inner.opts;
        let mut delay = opts.min_delay;
        if opts.robots && url.path() != "/robots.txt" {
            let robots = host.robots.get_or_init(|| self.load_robots(url)).await;
            let path = match url.query() {
                Some(q) => format!("{}?{q}", url.path()),
                None => url.path().to_string(),
            };
            if let Some(reason) = &robots.unreachable {
                return Err(FetchError::RobotsUnreachable {
                    url: url.to_string(),
                    reason: reason.clone(),
                });
            }
            if !robots.allowed(&path) {
                return Err(FetchError::Blocked {
                    url: url.to_string(),
                });
            }
            if let Some(d) = robots.crawl_delay {
                delay = delay.max(d.min(MAX_CRAWL_DELAY));
            }
        }
        let mut attempt = 0;
        loop {
            let outcome = {
                // Host gate first: a task waiting out a host's delay holds no global slot.
                let mut last = host.gate.lock().await;
                if let Some(t) = *last {
                    let ready = t + delay;
                    tokio::time::sleep_until(ready.into()).await;
                }
                let _permit = self.inner.global.acquire().await.expect("semaphore open");
                let outcome = self.attempt(url, v).await;
                *last = Some(Instant::now());
                outcome
            };
            match outcome? {
                Attempt::Done(f) => return Ok(Some(*f)),
                Attempt::NotModified => return Ok(None),
                Attempt::Retry(err, retry_after) => {
                    if attempt >= opts.retries {
                        return Err(err);
                    }
                    let wait = retry_after.unwrap_or_else(|| backoff(opts.retry_base, attempt));
                    if wait > opts.max_retry_wait {
                        return Err(err);
                    }
                    tracing::info!(%url, error = %err, wait_ms = wait.as_millis() as u64, "retrying");
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
            }
        }
    }

    /// One request; errors that a retry cannot fix are `Err`.
    async fn attempt(&self, url: &Url, v: &Validators) -> Result<Attempt, FetchError> {
        let u = url.to_string();
        let mut req = self.inner.client.get(url.clone());
        if let Some(etag) = &v.etag {
            req = req.header(reqwest::header::IF_NONE_MATCH, etag);
        }
        if let Some(lm) = &v.last_modified {
            req = req.header(reqwest::header::IF_MODIFIED_SINCE, lm);
        }
        let mut resp = match req.send().await {
            Ok(r) => r,
            Err(e) if e.is_connect() => return Ok(Attempt::Retry(classify(&u, &e), None)),
            Err(e) => return Err(classify(&u, &e)),
        };
        let status = resp.status().as_u16();
        if status == 304 && (v.etag.is_some() || v.last_modified.is_some()) {
            return Ok(Attempt::NotModified);
        }
        if status == 429 || (500..600).contains(&status) {
            let wait = resp
                .headers()
                .get(reqwest::header::RETRY_AFTER)
                .and_then(|h| h.to_str().ok())
                .and_then(retry_after);
            return Ok(Attempt::Retry(FetchError::Status { url: u, status }, wait));
        }
        if resp.status().is_redirection() {
            // reqwest hands back, unfollowed, a redirect to a scheme it cannot fetch.
            let target = resp
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|h| h.to_str().ok())
                .and_then(|l| resp.url().join(l).ok());
            if let Some(t) = target.filter(|t| !matches!(t.scheme(), "http" | "https")) {
                return Err(FetchError::Redirect {
                    url: u,
                    reason: format!(
                        "redirect to `{}`: the `{}` scheme is refused (only http and https are fetched)",
                        t.as_str().chars().take(200).collect::<String>(),
                        t.scheme()
                    ),
                });
            }
        }
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
        let max = self.inner.opts.max_bytes;
        let mut body = Vec::new();
        // Count decompressed bytes as they stream, so a gzip bomb stops at the cap.
        while let Some(chunk) = resp.chunk().await.map_err(|e| classify(&u, &e))? {
            if body.len() + chunk.len() > max {
                return Err(FetchError::TooLarge { url: u, limit: max });
            }
            body.extend_from_slice(&chunk);
        }
        let text = decode(&body, content_type.as_deref());
        Ok(Attempt::Done(Box::new(Fetched {
            url: url.clone(),
            final_url,
            status,
            etag,
            last_modified,
            content_type,
            fetched_at: Utc::now(),
            body,
            text,
        })))
    }

    /// Reads the host's robots.txt (RFC 9309: 4xx allows all, 5xx or no answer blocks all).
    async fn load_robots(&self, url: &Url) -> Robots {
        let Ok(robots_url) = url.join("/robots.txt") else {
            return Robots::allow_all();
        };
        // Boxed: get() calls this for every host, and this calls get() for robots.txt.
        match Box::pin(self.get(&robots_url, &Validators::default())).await {
            Ok(Some(f)) => Robots::parse(&f.text, &self.inner.agent_token),
            Ok(None) => Robots::allow_all(),
            Err(FetchError::Status { status, .. }) if (400..500).contains(&status) => {
                Robots::allow_all()
            }
            Err(e) => {
                tracing::info!(%robots_url, error = %e, "robots.txt unreachable: not fetching from this host");
                Robots::unreachable(e.to_string())
            }
        }
    }
}

/// `base * 2^attempt` plus random jitter up to the same amount again.
fn backoff(base: Duration, attempt: u32) -> Duration {
    let step = base.saturating_mul(1u32 << attempt.min(16));
    let nanos = step.as_nanos().min(u64::MAX as u128) as u64;
    let jitter = if nanos == 0 {
        0
    } else {
        // RandomState is seeded randomly per instance: enough entropy for jitter.
        std::hash::BuildHasher::hash_one(&std::collections::hash_map::RandomState::new(), attempt)
            % nanos
    };
    step + Duration::from_nanos(jitter)
}

/// `Retry-After`: delay seconds or an HTTP-date.
fn retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = DateTime::parse_from_rfc2822(value).ok()?;
    let wait = when.with_timezone(&Utc) - Utc::now();
    Some(wait.to_std().unwrap_or(Duration::ZERO))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_takes_seconds_and_http_dates() {
        assert_eq!(retry_after(" 7 "), Some(Duration::from_secs(7)));
        let soon = (Utc::now() + chrono::Duration::seconds(30)).to_rfc2822();
        let wait = retry_after(&soon).unwrap();
        assert!(
            wait > Duration::from_secs(25) && wait <= Duration::from_secs(30),
            "{wait:?}"
        );
        // A date in the past means "now", garbage means no hint.
        assert_eq!(
            retry_after("Mon, 25 Sep 2023 10:00:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon"), None);
    }

    #[test]
    fn backoff_doubles_with_bounded_jitter() {
        let base = Duration::from_millis(100);
        for attempt in 0..5 {
            let step = base * (1 << attempt);
            let d = backoff(base, attempt);
            assert!(d >= step && d < step * 2, "attempt {attempt}: {d:?}");
        }
    }
}
