//! Durable file writes for the store, and the fault points the crash tests use.
//!
//! A file is written to a temp file in its directory, fsynced, renamed into place
//! (without clobbering, for versions), then the directory is fsynced. Each step is a
//! named fault point: with `STORYDIFF_FAULT=crash:page.renamed` (or `enospc:...`, with
//! `@N` to pick the N-th time the point is reached) a test process aborts, or gets a
//! "no space left" error, exactly there. Without the variable the points cost one
//! cached environment read.

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// Prefix of temp files; a run killed mid-write can leave one behind.
pub(super) const TEMP_PREFIX: &str = ".tmp-";

/// What a fault point does when it fires.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fault {
    Crash,
    NoSpace,
}

struct Plan {
    fault: Fault,
    point: String,
    nth: usize,
    seen: AtomicUsize,
}

fn plan() -> Option<&'static Plan> {
    static PLAN: OnceLock<Option<Plan>> = OnceLock::new();
    PLAN.get_or_init(|| {
        let spec = std::env::var("STORYDIFF_FAULT").ok()?;
        let (fault, rest) = spec.split_once(':')?;
        let fault = match fault {
            "crash" => Fault::Crash,
            "enospc" => Fault::NoSpace,
            _ => return None,
        };
        let (point, nth) = match rest.split_once('@') {
            Some((p, n)) => (p, n.parse().ok()?),
            None => (rest, 1),
        };
        Some(Plan {
            fault,
            point: point.to_string(),
            nth,
            seen: AtomicUsize::new(0),
        })
    })
    .as_ref()
}

/// A named step of a write; see the module docs.
pub(super) fn fault_point(name: &str, path: &Path) -> Result<()> {
    let Some(p) = plan() else { return Ok(()) };
    if p.point != name || p.seen.fetch_add(1, Ordering::SeqCst) + 1 != p.nth {
        return Ok(());
    }
    match p.fault {
        Fault::Crash => {
            eprintln!(
                "storydiff: fault injection: crash at {name} ({})",
                path.display()
            );
            std::process::abort()
        }
        Fault::NoSpace => Err(Error::io(path, std::io::Error::from_raw_os_error(28))),
    }
}

/// Writes a file that must not exist yet: versions are never overwritten. `kind`
/// names the fault points (`<kind>.written` before the rename, `<kind>.renamed` after).
pub(super) fn write_new(path: &Path, bytes: &[u8], kind: &str) -> Result<()> {
    let tmp = write_temp(path, bytes, kind)?;
    tmp.persist_noclobber(path)
        .map_err(|e| Error::io(path, e.error))?;
    fault_point(&format!("{kind}.renamed"), path)?;
    sync_dir(path)
}

/// Atomically replaces a file.
pub(super) fn write_replace(path: &Path, bytes: &[u8], kind: &str) -> Result<()> {
    let tmp = write_temp(path, bytes, kind)?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    fault_point(&format!("{kind}.renamed"), path)?;
    sync_dir(path)
}

fn write_temp(path: &Path, bytes: &[u8], kind: &str) -> Result<tempfile::NamedTempFile> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    fault_point(&format!("{kind}.write"), path)?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| Error::io(tmp.path(), e))?;
    fault_point(&format!("{kind}.written"), path)?;
    Ok(tmp)
}

/// Makes a rename durable: on Unix the directory entry needs its own fsync.
pub(super) fn sync_dir(path: &Path) -> Result<()> {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| Error::io(dir, e))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

pub(super) fn to_json<T: Serialize>(v: &T) -> Vec<u8> {
    let mut s = serde_json::to_vec_pretty(v).expect("snapshot types serialise");
    s.push(b'\n');
    s
}

pub(super) fn read_json<T: DeserializeOwned>(path: &Path) -> Result<T> {
    let bytes = fs::read(path).map_err(|e| Error::io(path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| Error::CorruptSnapshot {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

/// The file names in `dir` (none when it does not exist).
pub(super) fn file_names(dir: &Path) -> Result<Vec<String>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    Ok(entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .collect())
}
