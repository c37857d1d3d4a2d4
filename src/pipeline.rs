//! Pipeline: runs the stages in order for one story.
//!
//! [`fetch_story`] is discover → fetch → extract → snapshot (the scheduled job);
//! [`compare_story`] is snapshots → claims → compare, with no network, so a report can
//! be reproduced from what is on disk. One outlet's failure becomes that outlet's
//! status; only a failure that leaves nothing to compare stops the run.

use std::sync::Arc;

use chrono::Utc;
use serde::Serialize;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::claims;
use crate::compare::{self, ArticleInfo, Comparison, Status, Subject};
pub use crate::compare::{ArticleHistory, VersionEntry};
use crate::config::{Outlet, Reference, Story};
use crate::error::{Error, Result};
use crate::extract::{self, Article};
use crate::fetch::{self, FetchOptions, Fetcher, Validators};
use crate::snapshot::{
    ArticleRecord, Event, EventKind, FetchFacts, OutletRecord, REFERENCE_DIR, Saved, Store,
    article_key,
};

/// Outlets worked on at the same time. Requests are limited by the fetcher (per host
/// and globally); this only bounds the tasks and buffers alive at once.
pub const OUTLETS_AT_ONCE: usize = 64;
/// An extracted body shorter than this many words is not taken for an article.
pub const MIN_ARTICLE_WORDS: usize = 40;
/// A new extraction shorter than this share of the previous version's words is taken
/// for a failed extraction, not an edit.
pub const COLLAPSE_RATIO: f64 = 0.4;

/// What a fetch run did for one outlet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletOutcome {
    /// Outlet id.
    pub id: String,
    /// Result.
    pub status: Status,
    /// Why, when not ok.
    pub error: Option<String>,
    /// Articles snapshotted (new or unchanged).
    pub articles: Vec<ArticleRecord>,
    /// The store could not be written for this outlet (a full disk, permissions): the
    /// run's exit code says so even though the other outlets went on.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub store_failed: bool,
}

/// What a fetch run did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FetchSummary {
    /// Story id.
    pub story: String,
    /// Whether the reference got a new version.
    pub reference_changed: bool,
    /// Per outlet, in story-file order.
    pub outlets: Vec<OutletOutcome>,
}

impl FetchSummary {
    /// Outlets with an article.
    pub fn ok_count(&self) -> usize {
        self.outlets
            .iter()
            .filter(|o| o.status == Status::Ok)
            .count()
    }

    /// Outlets whose snapshots could not be written.
    pub fn store_failures(&self) -> usize {
        self.outlets.iter().filter(|o| o.store_failed).count()
    }

    /// New versions written in this run (reference excluded).
    pub fn new_versions(&self) -> usize {
        self.outlets
            .iter()
            .flat_map(|o| &o.articles)
            .filter(|a| a.changed)
            .count()
    }
}

/// Discovers, fetches, extracts and snapshots the reference and every outlet.
pub async fn fetch_story(
    story: &Story,
    store: &Store,
    opts: &FetchOptions,
) -> Result<FetchSummary> {
    fetch_story_observed(story, store, opts, &|_| {}).await
}

/// [`fetch_story`], calling `on_outlet` as each outlet finishes (in completion order),
/// so a terminal can show progress. The callback runs on the caller's task.
pub async fn fetch_story_observed(
    story: &Story,
    store: &Store,
    opts: &FetchOptions,
    on_outlet: &(dyn Fn(&OutletOutcome) + Send + Sync),
) -> Result<FetchSummary> {
    let _lock = store.lock(&story.id)?;
    let mut opts = opts.clone();
    if let Some(ua) = &story.user_agent {
        opts.user_agent = ua.clone();
    }
    let fetcher = Fetcher::new(&opts)?;
    let (reference, reference_changed) = snapshot_reference(story, store, &fetcher).await?;

    let reference = Arc::new(reference);
    let story_arc = Arc::new(story.clone());
    let limit = Arc::new(Semaphore::new(OUTLETS_AT_ONCE));
    let mut tasks = JoinSet::new();
    for (i, outlet) in story.outlets.iter().enumerate() {
        let (story, reference, fetcher, store, outlet, limit) = (
            story_arc.clone(),
            reference.clone(),
            fetcher.clone(),
            store.clone(),
            outlet.clone(),
            limit.clone(),
        );
        tasks.spawn(async move {
            let _permit = limit.acquire_owned().await;
            let outcome = match fetch_outlet(&story, &outlet, &reference, &fetcher, &store).await {
                Ok(o) => o,
                Err(e) => failed_outlet(&store, &story.id, &outlet.id, e),
            };
            (i, outcome)
        });
    }
    let mut outcomes: Vec<Option<OutletOutcome>> = vec![None; story.outlets.len()];
    while let Some(joined) = tasks.join_next().await {
        let (i, outcome) = joined.expect("outlet task panicked");
        on_outlet(&outcome);
        outcomes[i] = Some(outcome);
    }
    Ok(FetchSummary {
        story: story.id.clone(),
        reference_changed,
        outlets: outcomes.into_iter().flatten().collect(),
    })
}

/// Snapshots the reference; falls back to its latest snapshot when it cannot be read.
async fn snapshot_reference(
    story: &Story,
    store: &Store,
    fetcher: &Fetcher,
) -> Result<(Article, bool)> {
    let location = story.reference_location();
    let loaded = match &story.reference {
        Reference::Url(url) => fetcher
            .fetch(url)
            .await
            .and_then(|f| f.require_html().map(|_| f))
            .map(|f| {
                let article = extract::extract(&f.text, Some(f.final_url.as_str()));
                (article, facts(&f), f.body)
            })
            .map_err(|e| e.to_string()),
        Reference::File(path) => std::fs::read(path)
            .map(|bytes| {
                let text = fetch::decode(&bytes, None);
                let is_txt = path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
                let article = if is_txt {
                    Article::from_text(&text)
                } else {
                    extract::extract(&text, None)
                };
                let f = FetchFacts {
                    url: location.clone(),
                    final_url: location.clone(),
                    fetched_at: Utc::now(),
                    status: 0,
                    etag: None,
                    last_modified: None,
                    content_type: None,
                };
                (article, f, bytes)
            })
            .map_err(|e| e.to_string()),
    };
    let key = reference_key(story, store, &location)?;
    match loaded {
        Ok((article, f, raw)) if !article.paragraphs.is_empty() => {
            let saved = store.save(&story.id, REFERENCE_DIR, &key, &article, &f, &raw)?;
            let rec = record(&key, &location, None, &[], &saved);
            store.write_status(
                &story.id,
                REFERENCE_DIR,
                &OutletRecord {
                    checked: Utc::now(),
                    status: "ok".into(),
                    error: None,
                    articles: vec![rec],
                },
            )?;
            let changed = matches!(saved, Saved::New(_));
            Ok((saved.version().article.clone(), changed))
        }
        other => {
            let reason = match other {
                Err(e) => e,
                _ => "no article text found on the page".into(),
            };
            match store.latest(&story.id, REFERENCE_DIR, &key)? {
                Some(v) => {
                    tracing::warn!(%location, %reason, "reference unavailable; using its latest snapshot");
                    Ok((v.article, false))
                }
                None => Err(Error::Reference { location, reason }),
            }
        }
    }
}

/// The reference's store key. Stores written before locations were spelled one way
/// keyed a local reference by the path as typed; the key they recorded stays in use
/// when it names the same file, so upgrading adds no "new reference version".
fn reference_key(story: &Story, store: &Store, location: &str) -> Result<String> {
    let key = article_key(location);
    if let Reference::File(path) = &story.reference
        && let Ok(Some(rec)) = store.read_status(&story.id, REFERENCE_DIR)
        && let Some(old) = rec.articles.first()
        && old.key != key
        && std::fs::canonicalize(&old.url).is_ok_and(|p| &p == path)
    {
        return Ok(old.key.clone());
    }
    Ok(key)
}

async fn fetch_outlet(
    story: &Story,
    outlet: &Outlet,
    reference: &Article,
    fetcher: &Fetcher,
    store: &Store,
) -> Result<OutletOutcome> {
    let found = fetch::discover(story, outlet, reference, fetcher).await;
    tracing::info!(
        outlet = %outlet.id,
        considered = found.considered,
        picked = found.candidates.len(),
        feed_errors = found.feed_errors.len(),
        "discovered"
    );
    for c in &found.candidates {
        tracing::debug!(outlet = %outlet.id, url = %c.url, score = ?c.score, matched = ?c.matched, source = %c.source, "candidate");
    }
    let mut outcome = OutletOutcome {
        id: outlet.id.clone(),
        status: Status::Ok,
        error: None,
        articles: Vec::new(),
        store_failed: false,
    };
    let mut errors: Vec<String> = found.feed_errors.clone();
    for c in &found.candidates {
        match check_article(story, outlet, c, fetcher, store).await? {
            Ok(rec) => outcome.articles.push(rec),
            Err(e) => errors.push(e),
        }
    }
    if outcome.articles.is_empty() {
        if found.candidates.is_empty() && found.feed_errors.len() < outlet.feeds.len() {
            outcome.status = Status::NotFound;
            outcome.error = Some(format!(
                "no article on the story among {} feed items{}",
                found.considered,
                if errors.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", errors.join("; "))
                }
            ));
        } else {
            outcome.status = Status::Error;
            outcome.error = Some(if errors.is_empty() {
                "nothing to fetch".into()
            } else {
                errors.join("; ")
            });
        }
    }
    match &outcome.error {
        Some(e) => {
            tracing::warn!(outlet = %outlet.id, status = outcome.status.as_str(), error = %e, "outlet done")
        }
        None => {
            tracing::info!(outlet = %outlet.id, articles = outcome.articles.len(), "outlet done")
        }
    }
    store.write_status(
        &story.id,
        &outlet.id,
        &OutletRecord {
            checked: Utc::now(),
            status: outcome.status.as_str().into(),
            error: outcome.error.clone(),
            articles: outcome.articles.clone(),
        },
    )?;
    Ok(outcome)
}

/// A store failure spoils only its own outlet: a corrupt snapshot file (which `verify`
/// names) or a write that failed (a full disk) becomes that outlet's error, recorded in
/// its `status.json` so no earlier "ok" outlives it, and the other outlets go on.
fn failed_outlet(store: &Store, story: &str, id: &str, e: Error) -> OutletOutcome {
    let (error, store_failed) = match &e {
        Error::CorruptSnapshot { .. } => (format!("{e} (run `storydiff verify`)"), false),
        Error::Io { .. } => (format!("cannot store the snapshot: {e}"), true),
        _ => (e.to_string(), true),
    };
    tracing::warn!(outlet = id, error = %error, "outlet failed");
    let rec = OutletRecord {
        checked: Utc::now(),
        status: Status::Error.as_str().into(),
        error: Some(error.clone()),
        articles: Vec::new(),
    };
    if let Err(w) = store.write_status(story, id, &rec) {
        tracing::warn!(outlet = id, error = %w, "cannot record the outlet's status");
    }
    OutletOutcome {
        id: id.to_string(),
        status: Status::Error,
        error: Some(error),
        articles: Vec::new(),
        store_failed,
    }
}

/// Fetches one picked article and stores what changed. The outer `Result` is a store
/// failure (stops the run); the inner `Err` is this article's reason for having no
/// version to compare.
async fn check_article(
    story: &Story,
    outlet: &Outlet,
    c: &fetch::Candidate,
    fetcher: &Fetcher,
    store: &Store,
) -> Result<std::result::Result<ArticleRecord, String>> {
    let key = article_key(c.url.as_str());
    let (sid, oid) = (story.id.as_str(), outlet.id.as_str());
    let latest = store.latest(sid, oid, &key)?;
    let was_removed = store
        .events(sid, oid, &key)?
        .last()
        .is_some_and(|e| e.kind == EventKind::Removed);
    let validators = latest
        .as_ref()
        .map_or_else(Validators::default, |v| Validators {
            etag: v.fetch.etag.clone(),
            last_modified: v.fetch.last_modified.clone(),
        });
    let event = |kind, version: Option<u32>, detail: String| Event {
        time: Utc::now(),
        kind,
        version,
        detail: Some(detail),
    };
    let rec = |v: &crate::snapshot::Version, changed: bool, note: Option<String>| ArticleRecord {
        key: key.clone(),
        url: c.url.to_string(),
        score: c.score,
        matched: c.matched.clone(),
        version: v.version,
        changed,
        note,
        changes: Vec::new(),
    };
    // Only an HTML page can become a version; a PDF or an image is this URL's error.
    let answer = match fetcher.fetch_if_changed(&c.url, &validators).await {
        Ok(Some(f)) => f.require_html().map(|_| Some(f)),
        other => other,
    };
    let fetched = match answer {
        Ok(Some(f)) => f,
        // 304 Not Modified: the latest version stands.
        Ok(None) => {
            tracing::info!(url = %c.url, "304 not modified");
            let Some(v) = &latest else {
                return Ok(Err(format!(
                    "{}: 304 Not Modified but nothing stored",
                    c.url
                )));
            };
            // A page back after a removal, unchanged, is still a page that came back.
            if was_removed {
                let back = event(
                    EventKind::Restored,
                    Some(v.version),
                    "the page is back".into(),
                );
                store.add_event(sid, oid, &key, back)?;
            }
            return Ok(Ok(rec(v, false, None)));
        }
        Err(e) => {
            let Some(v) = latest else {
                return Ok(Err(e.to_string()));
            };
            let (kind, note) = if e.is_gone() {
                (EventKind::Removed, format!("removed: {e}"))
            } else {
                (
                    EventKind::FetchFailed,
                    format!("fetch failed, showing v{}: {e}", v.version),
                )
            };
            if !(kind == EventKind::Removed && was_removed) {
                store.add_event(sid, oid, &key, event(kind, Some(v.version), e.to_string()))?;
            }
            return Ok(Ok(rec(&v, false, Some(note))));
        }
    };
    let article = extract::extract(&fetched.text, Some(fetched.final_url.as_str()));
    tracing::info!(
        url = %fetched.final_url,
        status = fetched.status,
        bytes = fetched.body.len(),
        words = article.word_count(),
        "fetched and extracted"
    );
    if let Some(why) = collapsed(&article, latest.as_ref().map(|v| &v.article)) {
        let Some(v) = latest else {
            return Ok(Err(format!("{}: not an article ({why})", c.url)));
        };
        store.add_event(
            sid,
            oid,
            &key,
            event(EventKind::ExtractionFailed, Some(v.version), why.clone()),
        )?;
        return Ok(Ok(rec(
            &v,
            false,
            Some(format!("extraction failed ({why}), showing v{}", v.version)),
        )));
    }
    let saved = store.save(sid, oid, &key, &article, &facts(&fetched), &fetched.body)?;
    tracing::info!(
        outlet = oid,
        key = %key,
        version = saved.version().version,
        new = matches!(saved, Saved::New(_)),
        "snapshot"
    );
    if was_removed {
        let v = saved.version().version;
        store.add_event(
            sid,
            oid,
            &key,
            event(EventKind::Restored, Some(v), "the page is back".into()),
        )?;
    }
    let mut r = rec(saved.version(), matches!(saved, Saved::New(_)), None);
    if let (Saved::New(_), Some(prev)) = (&saved, &latest) {
        r.changes = compare::changes(&prev.article, &article)
            .iter()
            .map(|c| format!("{}: {}", c.kind.label(), c.detail))
            .collect();
        tracing::info!(outlet = oid, key = %key, changes = ?r.changes, "edited");
    }
    Ok(Ok(r))
}

/// Why an extraction is not taken for a version: too short to be an article, or far
/// shorter than the previous version (a consent wall or a broken template, not an edit).
fn collapsed(new: &Article, previous: Option<&Article>) -> Option<String> {
    // Extraction already recognised a paywall, consent wall or index page.
    if new.status != extract::PageStatus::Article {
        return Some(new.status.as_str().replace('_', " "));
    }
    let words = new.word_count();
    if words < MIN_ARTICLE_WORDS {
        return Some(format!("{words} words of body text"));
    }
    let before = previous.map_or(0, Article::word_count);
    if before >= 100 && (words as f64) < COLLAPSE_RATIO * before as f64 {
        return Some(format!(
            "{words} words where the previous version had {before}"
        ));
    }
    None
}

fn facts(f: &fetch::Fetched) -> FetchFacts {
    FetchFacts {
        url: f.url.to_string(),
        final_url: f.final_url.to_string(),
        fetched_at: f.fetched_at,
        status: f.status,
        etag: f.etag.clone(),
        last_modified: f.last_modified.clone(),
        content_type: f.content_type.clone(),
    }
}

fn record(
    key: &str,
    url: &str,
    score: Option<f64>,
    matched: &[String],
    saved: &Saved,
) -> ArticleRecord {
    ArticleRecord {
        key: key.to_string(),
        url: url.to_string(),
        score,
        matched: matched.to_vec(),
        version: saved.version().version,
        changed: matches!(saved, Saved::New(_)),
        note: None,
        changes: Vec::new(),
    }
}

/// Compares the latest snapshots of the story's outlets with its reference. No network.
pub fn compare_story(story: &Story, store: &Store) -> Result<Comparison> {
    let reference = subject(
        store,
        &story.id,
        REFERENCE_DIR,
        "reference",
        "Reference",
        None,
    )?;
    if reference.status != Status::Ok {
        return Err(Error::NoReferenceSnapshot {
            story: story.id.clone(),
            dir: store.root().join(&story.id),
        });
    }
    let outlets = story
        .outlets
        .iter()
        .map(|o| {
            subject(store, &story.id, &o.id, &o.id, &o.name, o.lang.as_deref()).or_else(|e| match e
            {
                Error::CorruptSnapshot { .. } => Ok(Subject {
                    id: o.id.clone(),
                    name: o.name.clone(),
                    status: Status::Error,
                    error: Some(format!("{e} (run `storydiff verify`)")),
                    article: None,
                    claims: claims::Claims::default(),
                    text: String::new(),
                }),
                e => Err(e),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let mut c = compare::compare(&story.id, &story.title, reference, outlets, Utc::now());
    // The report shows how each compared article changed since it was first captured.
    c.history = history(story, store, None)?
        .into_iter()
        .filter(|h| h.versions.len() > 1 || !h.events.is_empty())
        .collect();
    Ok(c)
}

/// One side of the comparison from the store: the first picked article's latest version.
fn subject(
    store: &Store,
    story: &str,
    dir: &str,
    id: &str,
    name: &str,
    lang_hint: Option<&str>,
) -> Result<Subject> {
    let mut s = Subject {
        id: id.to_string(),
        name: name.to_string(),
        status: Status::Error,
        error: Some("not fetched yet: run `storydiff fetch` first".into()),
        article: None,
        claims: claims::Claims::default(),
        text: String::new(),
    };
    let Some(rec) = store.read_status(story, dir)? else {
        return Ok(s);
    };
    s.status = match rec.status.as_str() {
        "ok" => Status::Ok,
        "not_found" => Status::NotFound,
        _ => Status::Error,
    };
    s.error = rec.error.clone();
    let Some(first) = rec.articles.first() else {
        return Ok(s);
    };
    let Some(v) = store.latest(story, dir, &first.key)? else {
        s.status = Status::Error;
        s.error = Some(format!("snapshot {} is missing", first.key));
        return Ok(s);
    };
    let mut article = v.article.clone();
    if article.lang.is_none() {
        article.lang = lang_hint.map(str::to_string);
    }
    let capture = Capture {
        url: v.fetch.final_url.clone(),
        captured: v.fetch.fetched_at,
        hash: v.hash.clone(),
        version: v.version,
        score: first.score,
        matched: first.matched.clone(),
    };
    Ok(Subject {
        status: s.status,
        error: s.error,
        ..subject_of(id, name, &article, capture)
    })
}

/// How the compared version of an article was captured.
#[derive(Debug, Clone)]
pub struct Capture {
    /// The URL it was read from.
    pub url: String,
    /// When.
    pub captured: chrono::DateTime<Utc>,
    /// The version's content hash.
    pub hash: String,
    /// The version number.
    pub version: u32,
    /// Discovery's relevance score (`None` when listed in the story file).
    pub score: Option<f64>,
    /// The reference terms discovery matched.
    pub matched: Vec<String>,
}

/// One side of a comparison from an article: its claims read, its facts filled in.
/// What [`compare_story`] does with each stored article, for callers comparing
/// articles they hold in memory.
pub fn subject_of(id: &str, name: &str, article: &Article, capture: Capture) -> Subject {
    Subject {
        id: id.to_string(),
        name: name.to_string(),
        status: Status::Ok,
        error: None,
        claims: claims::analyze(article),
        text: article.text(),
        article: Some(ArticleInfo {
            url: capture.url,
            title: article.title.clone(),
            byline: article.byline.clone(),
            published: article.published.clone(),
            lang: article.lang.clone(),
            captured: capture.captured,
            hash: capture.hash,
            version: capture.version,
            words: article.word_count(),
            score: capture.score,
            matched: capture.matched,
        }),
    }
}

/// Every version of every stored article of the story (or of one outlet), with the
/// changes between consecutive versions. No network.
pub fn history(story: &Story, store: &Store, outlet: Option<&str>) -> Result<Vec<ArticleHistory>> {
    let mut dirs: Vec<(String, String)> = vec![(REFERENCE_DIR.into(), "reference".into())];
    dirs.extend(story.outlets.iter().map(|o| (o.id.clone(), o.id.clone())));
    let mut out = Vec::new();
    for (dir, id) in dirs {
        if outlet.is_some_and(|o| o != id) {
            continue;
        }
        for key in store.articles(&story.id, &dir)? {
            // A corrupt file hides only its own article's history; `verify` names it.
            let versions = match store.versions(&story.id, &dir, &key) {
                Err(e @ Error::CorruptSnapshot { .. }) => {
                    tracing::warn!(outlet = %id, %key, error = %e, "history skipped");
                    continue;
                }
                other => other?,
            };
            let Some(last) = versions.last() else {
                continue;
            };
            let url = last.fetch.url.clone();
            let mut entries = Vec::with_capacity(versions.len());
            let mut prev: Option<&crate::snapshot::Version> = None;
            for v in &versions {
                let (changes, diff) = match prev {
                    Some(p) => (
                        compare::changes(&p.article, &v.article),
                        compare::word_diff(
                            &format!("{}\n\n{}", p.article.title, p.article.text()),
                            &format!("{}\n\n{}", v.article.title, v.article.text()),
                        ),
                    ),
                    None => (Vec::new(), Vec::new()),
                };
                entries.push(VersionEntry {
                    version: v.version,
                    captured: v.fetch.fetched_at,
                    hash: v.hash.clone(),
                    title: v.article.title.clone(),
                    words: v.article.word_count(),
                    changes,
                    diff,
                });
                prev = Some(v);
            }
            out.push(ArticleHistory {
                outlet: id.clone(),
                key: key.clone(),
                url,
                versions: entries,
                events: store.events(&story.id, &dir, &key)?,
            });
        }
    }
    Ok(out)
}
