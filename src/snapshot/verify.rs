//! `verify`: re-reads the whole store and names every file that is not what was written.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::files::{TEMP_PREFIX, file_names};
use super::{SET_ASIDE_DIR, Store, page_name, page_number, read_version, version_numbers};
use crate::error::{Error, Result};

/// What [`Store::verify`] found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Verification {
    /// Versions checked.
    pub versions: usize,
    /// Corrupt or missing files, one line each naming the file.
    pub problems: Vec<String>,
    /// Temp files a killed run left behind (harmless: never read; the next save of
    /// that article removes them).
    pub leftovers: Vec<PathBuf>,
    /// Pages of an interrupted write whose record was never written (harmless: never
    /// read; the next save of that article sets them aside).
    pub incomplete: Vec<PathBuf>,
    /// Pages of interrupted writes already moved to `set-aside/`, kept for inspection.
    pub set_aside: Vec<PathBuf>,
}

impl Store {
    /// Re-reads every version under the root: parses it, re-hashes its article, checks
    /// its raw page decompresses and that version numbers have no gaps.
    pub fn verify(&self) -> Result<Verification> {
        let mut report = Verification::default();
        if let Err(e) = fs::metadata(self.root()) {
            return Err(Error::io(self.root(), e));
        }
        let mut dirs = vec![self.root().to_path_buf()];
        while let Some(dir) = dirs.pop() {
            let entries = fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))?;
            for e in entries.flatten() {
                if e.file_type().is_ok_and(|t| t.is_dir()) {
                    dirs.push(e.path());
                }
            }
            let names = file_names(&dir)?;
            if dir.file_name().is_some_and(|n| n == SET_ASIDE_DIR) {
                report.set_aside.extend(names.iter().map(|n| dir.join(n)));
                continue;
            }
            report.leftovers.extend(
                names
                    .iter()
                    .filter(|n| n.starts_with(TEMP_PREFIX))
                    .map(|n| dir.join(n)),
            );
            check_article_dir(&dir, &names, &mut report)?;
        }
        report.problems.sort();
        for list in [
            &mut report.leftovers,
            &mut report.incomplete,
            &mut report.set_aside,
        ] {
            list.sort();
        }
        Ok(report)
    }
}

fn check_article_dir(dir: &Path, names: &[String], report: &mut Verification) -> Result<()> {
    let numbers = version_numbers(dir)?;
    let last = numbers.last().copied().unwrap_or(0);
    for (i, n) in numbers.iter().enumerate() {
        report.versions += 1;
        if let Err(e) = read_version(dir, *n) {
            report.problems.push(e.to_string());
        }
        let gz = dir.join(page_name(*n));
        match fs::read(&gz) {
            Err(e) => report.problems.push(format!("{}: {e}", gz.display())),
            Ok(bytes) => {
                let mut out = Vec::new();
                if let Err(e) = flate2::read::GzDecoder::new(bytes.as_slice()).read_to_end(&mut out)
                {
                    report
                        .problems
                        .push(format!("{}: corrupt gzip: {e}", gz.display()));
                }
            }
        }
        if i as u32 + 1 != *n {
            report.problems.push(format!(
                "{}: version v{:04} is missing",
                dir.display(),
                i + 1
            ));
        }
    }
    report.incomplete.extend(
        names
            .iter()
            .filter(|name| page_number(name).is_some_and(|m| m > last))
            .map(|n| dir.join(n)),
    );
    Ok(())
}
