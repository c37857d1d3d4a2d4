//! How stored articles changed between versions: plain data for reports, built by
//! the pipeline from the snapshot store with [`super::changes`] and [`super::word_diff`].

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Change;

/// The versions and events of one stored article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleHistory {
    /// Outlet id (`reference` for the reference).
    pub outlet: String,
    /// Store key of the article.
    pub key: String,
    /// The article's URL (as last fetched).
    pub url: String,
    /// Versions, oldest first, each with its changes from the one before.
    pub versions: Vec<VersionEntry>,
    /// Removals, failed extractions and failed fetches.
    pub events: Vec<crate::snapshot::Event>,
}

/// One version in an [`ArticleHistory`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionEntry {
    /// Version number.
    pub version: u32,
    /// When it was captured.
    pub captured: DateTime<Utc>,
    /// Content hash.
    pub hash: String,
    /// Headline.
    pub title: String,
    /// Words in the body.
    pub words: usize,
    /// Labelled changes from the previous version.
    pub changes: Vec<Change>,
    /// Word-level diff hunks from the previous version.
    pub diff: Vec<String>,
}
