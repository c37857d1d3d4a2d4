//! Snapshot: the versioned, append-only store of extracted articles.
//!
//! Layout: `<root>/<story>/<outlet>/<article>/vNNNN.json` (the extracted article, fetch
//! facts and content hash) beside `vNNNN.html.gz` (the raw page), plus
//! `<root>/<story>/<outlet>/status.json`, the outlet's result in the latest run. The
//! reference is stored as the outlet `_reference` (never a valid outlet slug).
//!
//! Versions are never rewritten: a new one is written to a temp file, fsynced, and
//! renamed without clobbering, then the directory is fsynced, so a killed run leaves
//! the old state or the new one, never a torn file. A fetch whose extracted text
//! hashes like the latest version adds nothing. Entry point: [`Store`].

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use flate2::Compression;
use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::extract::Article;
use files::{file_names, read_json, to_json, write_new, write_replace};

mod files;
mod verify;

pub use verify::Verification;

/// Schema tag of a version file.
pub const VERSION_SCHEMA: &str = "storydiff.snapshot/1";
/// Directory name under which the reference article is stored.
pub const REFERENCE_DIR: &str = "_reference";

/// What the fetch of a version looked like.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FetchFacts {
    /// URL requested (or the path of a local reference file).
    pub url: String,
    /// URL after redirects.
    pub final_url: String,
    /// When it was fetched.
    pub fetched_at: DateTime<Utc>,
    /// HTTP status (0 for a local file).
    pub status: u16,
    /// `ETag` header.
    pub etag: Option<String>,
    /// `Last-Modified` header.
    pub last_modified: Option<String>,
    /// `Content-Type` header.
    pub content_type: Option<String>,
}

/// One stored version of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    /// Always [`VERSION_SCHEMA`].
    pub schema: String,
    /// 1-based version number.
    pub version: u32,
    /// `sha256:<hex>` of the extracted title and paragraphs.
    pub hash: String,
    /// The fetch that produced it.
    pub fetch: FetchFacts,
    /// The extracted article.
    pub article: Article,
}

/// Result of [`Store::save`].
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// A new version was written.
    New(Version),
    /// The text matched the latest version; nothing was written.
    Unchanged(Version),
}

impl Saved {
    /// The version now current.
    pub fn version(&self) -> &Version {
        match self {
            Saved::New(v) | Saved::Unchanged(v) => v,
        }
    }
}

/// Something that happened to an article other than "unchanged": kept in
/// `<article>/events.json` so `history` can tell an edit from a failed fetch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// When it happened.
    pub time: DateTime<Utc>,
    /// What happened.
    pub kind: EventKind,
    /// The version current after it.
    pub version: Option<u32>,
    /// Details (an error message, word counts).
    pub detail: Option<String>,
}

/// Kinds of [`Event`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The page answered 404 or 410: it was taken down.
    Removed,
    /// The page came back after being removed.
    Restored,
    /// The page was fetched but extraction collapsed (far shorter, or not an article);
    /// not taken for an edit, no version stored.
    ExtractionFailed,
    /// The fetch failed (timeout, 5xx, network); says nothing about the article.
    FetchFailed,
}

impl EventKind {
    /// The name used in `events.json` and reports.
    pub fn as_str(&self) -> &'static str {
        match self {
            EventKind::Removed => "removed",
            EventKind::Restored => "restored",
            EventKind::ExtractionFailed => "extraction_failed",
            EventKind::FetchFailed => "fetch_failed",
        }
    }
}

/// The outlet's result in the latest run, kept so `report` works from disk alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletRecord {
    /// When the run checked this outlet.
    pub checked: DateTime<Utc>,
    /// `ok`, `error` or `not_found`.
    pub status: String,
    /// Why, when not ok.
    pub error: Option<String>,
    /// The articles picked, by store key, with why they were picked.
    pub articles: Vec<ArticleRecord>,
}

/// One picked article in an [`OutletRecord`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The article's directory name in the store.
    pub key: String,
    /// Its URL.
    pub url: String,
    /// Relevance score from discovery (`None` if listed in the story file).
    pub score: Option<f64>,
    /// Reference terms the feed item matched.
    pub matched: Vec<String>,
    /// The current version number.
    pub version: u32,
    /// Whether this run added that version.
    pub changed: bool,
    /// What this run noticed besides (removed, extraction failed, fetch failed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When this run added a version after an earlier one: the labelled changes
    /// ("figure changed: 36 new diplomats → 37 new diplomats").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<String>,
}

/// The snapshot store rooted at a directory.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

/// Holds a story's lock until dropped.
#[derive(Debug)]
pub struct StoryLock {
    _file: File,
}

impl Store {
    /// A store at `root` (created on first write).
    pub fn new(root: impl Into<PathBuf>) -> Store {
        Store { root: root.into() }
    }

    /// The store's root directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Takes the story's lock, waiting for another run holding it to finish, so two
    /// scheduled runs never interleave their writes.
    pub fn lock(&self, story: &str) -> Result<StoryLock> {
        let dir = self.root.join(story);
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let path = dir.join(".lock");
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        if file.try_lock().is_err() {
            tracing::warn!(story, "another storydiff run holds the story lock; waiting");
            file.lock().map_err(|e| Error::io(&path, e))?;
        }
        Ok(StoryLock { _file: file })
    }

    /// Stores `article` as a new version unless its text hashes like the latest one.
    ///
    /// The write protocol, so a run killed at any point (or stopped by a full disk)
    /// leaves a state the next run continues from: the raw page `vNNNN.html.gz` is
    /// written first, the record `vNNNN.json` last; the record is the commit point, and
    /// version numbers come from records only. A page whose record never arrived is an
    /// interrupted write: the next save moves it to `set-aside/` (where `verify` lists
    /// it) instead of tripping over it, and removes temp files no rename claimed. Call
    /// it under the story's [`lock`](Store::lock).
    pub fn save(
        &self,
        story: &str,
        outlet: &str,
        key: &str,
        article: &Article,
        fetch: &FetchFacts,
        raw: &[u8],
    ) -> Result<Saved> {
        let dir = self.root.join(story).join(outlet).join(key);
        let hash = content_hash(article);
        let latest = self.latest(story, outlet, key)?;
        if let Some(v) = latest.as_ref().filter(|v| v.hash == hash) {
            return Ok(Saved::Unchanged(v.clone()));
        }
        let n = latest.map_or(1, |v| v.version + 1);
        let version = Version {
            schema: VERSION_SCHEMA.into(),
            version: n,
            hash,
            fetch: fetch.clone(),
            article: article.clone(),
        };
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        recover(&dir, n)?;
        // Raw page first: a record never points at a page that is not there.
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        gz.write_all(raw)
            .and_then(|_| gz.flush())
            .map_err(|e| Error::io(&dir, e))?;
        let gz = gz.finish().map_err(|e| Error::io(&dir, e))?;
        write_new(&dir.join(page_name(n)), &gz, "page")?;
        write_new(&dir.join(record_name(n)), &to_json(&version), "record")?;
        Ok(Saved::New(version))
    }

    /// The latest version of an article, if any, checked against its content hash.
    pub fn latest(&self, story: &str, outlet: &str, key: &str) -> Result<Option<Version>> {
        let dir = self.root.join(story).join(outlet).join(key);
        match version_numbers(&dir)?.last() {
            Some(n) => read_version(&dir, *n).map(Some),
            None => Ok(None),
        }
    }

    /// Every version of an article, oldest first, each checked against its content hash.
    pub fn versions(&self, story: &str, outlet: &str, key: &str) -> Result<Vec<Version>> {
        let dir = self.root.join(story).join(outlet).join(key);
        version_numbers(&dir)?
            .into_iter()
            .map(|n| read_version(&dir, n))
            .collect()
    }

    /// The article's events, oldest first.
    pub fn events(&self, story: &str, outlet: &str, key: &str) -> Result<Vec<Event>> {
        let path = self
            .root
            .join(story)
            .join(outlet)
            .join(key)
            .join("events.json");
        if !path.exists() {
            return Ok(Vec::new());
        }
        read_json(&path)
    }

    /// Appends an event to the article's log (rewritten atomically).
    pub fn add_event(&self, story: &str, outlet: &str, key: &str, event: Event) -> Result<()> {
        let dir = self.root.join(story).join(outlet).join(key);
        let mut events = self.events(story, outlet, key)?;
        events.push(event);
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        remove_temps(&dir)?;
        write_replace(&dir.join("events.json"), &to_json(&events), "events")
    }

    /// Records the outlet's result in this run.
    pub fn write_status(&self, story: &str, outlet: &str, rec: &OutletRecord) -> Result<()> {
        let dir = self.root.join(story).join(outlet);
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        // Each run ends an outlet here: tidy what killed runs left in it.
        remove_temps(&dir)?;
        for key in self.articles(story, outlet)? {
            remove_temps(&dir.join(key))?;
        }
        write_replace(&dir.join("status.json"), &to_json(rec), "status")
    }

    /// The outlet's result in the latest run, if it ran.
    pub fn read_status(&self, story: &str, outlet: &str) -> Result<Option<OutletRecord>> {
        let path = self.root.join(story).join(outlet).join("status.json");
        if !path.exists() {
            return Ok(None);
        }
        read_json(&path).map(Some)
    }

    /// The article keys stored for an outlet, sorted.
    pub fn articles(&self, story: &str, outlet: &str) -> Result<Vec<String>> {
        let dir = self.root.join(story).join(outlet);
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io(&dir, e)),
        };
        let mut keys: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
        keys.sort();
        Ok(keys)
    }
}

/// The store key of an article URL: a readable slug of its path plus a short hash of
/// its path and query, so different pages never share a directory. Scheme and host are
/// left out of the hash on purpose: the outlet directory already names the publication,
/// and an article's history must survive the site moving to https or to a new host
/// name (or the demo's loopback port changing between runs).
pub fn article_key(url: &str) -> String {
    let trimmed = url.split('#').next().unwrap_or(url);
    let path = trimmed.split_once("://").map_or(trimmed, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, p)| p)
    });
    let last = path
        .split(['/', '?'])
        .rfind(|s| !s.is_empty())
        .unwrap_or("index");
    let stem = last.rsplit_once('.').map_or(last, |(s, _)| s);
    let mut slug: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    slug.truncate(60);
    if slug.is_empty() {
        slug.push_str("page");
    }
    let digest = hex(&Sha256::digest(path.as_bytes()));
    format!("{}-{}", slug.trim_end_matches('-'), &digest[..8])
}

/// `sha256:<hex>` over the article's title and paragraphs.
pub fn content_hash(article: &Article) -> String {
    let mut h = Sha256::new();
    h.update(article.title.as_bytes());
    for p in &article.paragraphs {
        h.update(b"\n\n");
        h.update(p.as_bytes());
    }
    format!("sha256:{}", hex(&h.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn page_name(n: u32) -> String {
    format!("v{n:04}.html.gz")
}

/// The version number of a raw page file name (`v0004.html.gz` is 4).
fn page_number(name: &str) -> Option<u32> {
    name.strip_prefix('v')?
        .strip_suffix(".html.gz")?
        .parse()
        .ok()
}

fn record_name(n: u32) -> String {
    format!("v{n:04}.json")
}

/// Version numbers of the records in an article directory, ascending.
fn version_numbers(dir: &Path) -> Result<Vec<u32>> {
    let mut ns: Vec<u32> = file_names(dir)?
        .iter()
        .filter_map(|name| name.strip_prefix('v')?.strip_suffix(".json")?.parse().ok())
        .collect();
    ns.sort_unstable();
    Ok(ns)
}

/// Reads version `n` and checks it is what was written: its number and the hash of its
/// article. A mismatch (a hand edit, a damaged disk) is a corrupt snapshot, never
/// evidence.
fn read_version(dir: &Path, n: u32) -> Result<Version> {
    let path = dir.join(record_name(n));
    let v: Version = read_json(&path)?;
    let computed = content_hash(&v.article);
    let reason = if v.hash != computed {
        format!(
            "content hash mismatch (stored {}, computed {computed}): edited or damaged since it was written",
            v.hash
        )
    } else if v.version != n {
        format!("the file says version {} but is named v{n:04}", v.version)
    } else {
        return Ok(v);
    };
    Err(Error::CorruptSnapshot { path, reason })
}

/// Removes the temp files a killed run left in `dir`: no rename claimed them, so they
/// hold nothing stored. Only under the story lock, where no other writer is at work.
fn remove_temps(dir: &Path) -> Result<()> {
    for name in file_names(dir)? {
        if !name.starts_with(files::TEMP_PREFIX) {
            continue;
        }
        let path = dir.join(&name);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(Error::io(&path, e));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Subdirectory of an article where interrupted writes are moved.
pub const SET_ASIDE_DIR: &str = "set-aside";

/// Before version `next` is written: removes temp files no rename claimed and moves
/// pages whose record was never written (numbered `next` or later) to `set-aside/`.
fn recover(dir: &Path, next: u32) -> Result<()> {
    remove_temps(dir)?;
    for name in file_names(dir)? {
        let path = dir.join(&name);
        if page_number(&name).is_some_and(|m| m >= next) {
            let aside = dir.join(SET_ASIDE_DIR);
            fs::create_dir_all(&aside).map_err(|e| Error::io(&aside, e))?;
            let stamp = Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
            let to = aside.join(format!("{stamp}-{name}"));
            tracing::warn!(page = %path.display(), to = %to.display(), "setting aside a page whose version record was never written (an interrupted run)");
            fs::rename(&path, &to).map_err(|e| Error::io(&path, e))?;
            files::sync_dir(&to)?;
            files::sync_dir(&path)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> FetchFacts {
        FetchFacts {
            url: "http://h.test/a".into(),
            final_url: "http://h.test/a".into(),
            fetched_at: Utc::now(),
            status: 200,
            etag: None,
            last_modified: None,
            content_type: Some("text/html".into()),
        }
    }

    fn article(p: &str) -> Article {
        Article {
            title: "T".into(),
            paragraphs: vec![p.into()],
            ..Article::default()
        }
    }

    #[test]
    fn same_text_adds_no_version_and_changes_append() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::new(tmp.path());
        let a = article("Russia adds 36 diplomats.");
        let s1 = store
            .save("s", "o", "k", &a, &facts(), b"<p>x</p>")
            .unwrap();
        assert!(matches!(s1, Saved::New(ref v) if v.version == 1));
        let s2 = store
            .save("s", "o", "k", &a, &facts(), b"<p>y</p>")
            .unwrap();
        assert!(matches!(s2, Saved::Unchanged(ref v) if v.version == 1));
        let b = article("Russia adds 37 diplomats.");
        let s3 = store
            .save("s", "o", "k", &b, &facts(), b"<p>z</p>")
            .unwrap();
        assert!(matches!(s3, Saved::New(ref v) if v.version == 2));
        let all = store.versions("s", "o", "k").unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].article, a, "the first version is kept intact");
        assert!(tmp.path().join("s/o/k/v0001.html.gz").is_file());
        // No temp files are left behind.
        let names: Vec<_> = fs::read_dir(tmp.path().join("s/o/k"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(names.iter().all(|n| !n.starts_with(".tmp")), "{names:?}");
    }

    #[test]
    fn keys_are_readable_and_distinct() {
        let a = article_key("https://x.test/2023/09/rusia-amplia.html");
        assert!(a.starts_with("rusia-amplia-"), "{a}");
        assert_ne!(a, article_key("https://x.test/2024/01/rusia-amplia.html"));
        assert_ne!(
            a,
            article_key("https://x.test/2023/09/rusia-amplia.html?page=2")
        );
        // One page keeps one history across a move to https or a new host name.
        assert_eq!(
            a,
            article_key("http://www.x.test/2023/09/rusia-amplia.html#top")
        );
        assert!(crate::config::is_slug(&article_key("https://x.test/")));
    }
}
