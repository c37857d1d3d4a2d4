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
use crate::config::{Outlet, Reference, Story};
use crate::error::{Error, Result};
use crate::extract::{self, Article};
use crate::fetch::{self, FetchOptions, Fetcher};
use crate::snapshot::{
    ArticleRecord, FetchFacts, OutletRecord, REFERENCE_DIR, Saved, Store, article_key,
};

/// Outlets fetched at the same time.
pub const DEFAULT_CONCURRENCY: usize = 8;
/// An extracted body shorter than this many words is not taken for an article.
pub const MIN_ARTICLE_WORDS: usize = 40;

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
    let _lock = store.lock(&story.id)?;
    let mut opts = opts.clone();
    if let Some(ua) = &story.user_agent {
        opts.user_agent = ua.clone();
    }
    let fetcher = Fetcher::new(&opts)?;
    let (reference, reference_changed) = snapshot_reference(story, store, &fetcher).await?;

    let reference = Arc::new(reference);
    let story_arc = Arc::new(story.clone());
    let limit = Arc::new(Semaphore::new(DEFAULT_CONCURRENCY));
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
            let outcome = fetch_outlet(&story, &outlet, &reference, &fetcher, &store).await;
            (i, outcome)
        });
    }
    let mut outcomes: Vec<Option<OutletOutcome>> = vec![None; story.outlets.len()];
    while let Some(joined) = tasks.join_next().await {
        let (i, outcome) = joined.expect("outlet task panicked");
        outcomes[i] = Some(outcome?);
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
    let location = story.reference.to_string();
    let loaded = match &story.reference {
        Reference::Url(url) => fetcher
            .fetch(url)
            .await
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
                    url: path.display().to_string(),
                    final_url: path.display().to_string(),
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
    let key = article_key(&location);
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

async fn fetch_outlet(
    story: &Story,
    outlet: &Outlet,
    reference: &Article,
    fetcher: &Fetcher,
    store: &Store,
) -> Result<OutletOutcome> {
    let found = fetch::discover(story, outlet, reference, fetcher).await;
    let mut outcome = OutletOutcome {
        id: outlet.id.clone(),
        status: Status::Ok,
        error: None,
        articles: Vec::new(),
    };
    let mut errors: Vec<String> = found.feed_errors.clone();
    for c in &found.candidates {
        let key = article_key(c.url.as_str());
        let fetched = match fetcher.fetch(&c.url).await {
            Ok(f) => f,
            Err(e) => {
                errors.push(e.to_string());
                continue;
            }
        };
        let article = extract::extract(&fetched.text, Some(fetched.final_url.as_str()));
        if article.word_count() < MIN_ARTICLE_WORDS {
            errors.push(format!(
                "{}: not an article ({} words of body text found)",
                c.url,
                article.word_count()
            ));
            continue;
        }
        let saved = store.save(
            &story.id,
            &outlet.id,
            &key,
            &article,
            &facts(&fetched),
            &fetched.body,
        )?;
        outcome
            .articles
            .push(record(&key, c.url.as_str(), c.score, &c.matched, &saved));
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
        .map(|o| subject(store, &story.id, &o.id, &o.id, &o.name, o.lang.as_deref()))
        .collect::<Result<Vec<_>>>()?;
    Ok(compare::compare(
        &story.id,
        &story.title,
        reference,
        outlets,
        Utc::now(),
    ))
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
    s.claims = claims::analyze(&article);
    s.article = Some(ArticleInfo {
        url: v.fetch.final_url.clone(),
        title: article.title.clone(),
        byline: article.byline.clone(),
        published: article.published.clone(),
        lang: article.lang.clone(),
        captured: v.fetch.fetched_at,
        hash: v.hash.clone(),
        version: v.version,
        words: article.word_count(),
        score: first.score,
        matched: first.matched.clone(),
    });
    Ok(s)
}
