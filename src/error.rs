//! The library's error type. A failure of one outlet is not an error: it is an
//! outlet result (see [`crate::pipeline::OutletStatus`]); these errors stop a whole run.

use std::path::PathBuf;

use crate::config::ConfigError;

/// Errors that stop a storydiff operation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The story file is invalid; the message names file, line and field.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// Reading or writing a file failed. The I/O error is part of the message, not a
    /// separate source, so `{:#}` chains do not print it twice.
    #[error("{}: {error}", path.display())]
    Io {
        /// The file or directory involved.
        path: PathBuf,
        /// The underlying error.
        error: std::io::Error,
    },
    /// A stored snapshot file could not be read back.
    #[error("{}: corrupt snapshot: {reason}", path.display())]
    CorruptSnapshot {
        /// The snapshot file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The HTTP client could not be built.
    #[error("cannot set up the HTTP client: {0}")]
    Client(String),
    /// The reference article could not be fetched or read.
    #[error("reference article {location}: {reason}")]
    Reference {
        /// URL or path of the reference.
        location: String,
        /// Why it failed.
        reason: String,
    },
    /// No snapshot of the reference exists yet (run `storydiff fetch` first).
    #[error("no snapshot of the reference for story `{story}` in {}: run `storydiff fetch` first", dir.display())]
    NoReferenceSnapshot {
        /// The story id.
        story: String,
        /// The snapshot directory searched.
        dir: PathBuf,
    },
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            error: source,
        }
    }
}

/// Result alias for the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
