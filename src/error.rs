//! Library errors.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A problem with one input record; the rest of the input can still be processed.
    #[error("{origin}: {message}")]
    Input { origin: String, message: String },
    /// A knowledge file under `gazetteer/` is missing or malformed.
    #[error("gazetteer {path}: {message}")]
    Gazetteer { path: PathBuf, message: String },
    /// Writing an export failed (a full disk, a reader that closed the pipe): the I/O error
    /// stays the source, so a caller can tell a closed pipe from other failures.
    #[error("writing {format}: {source}")]
    Write {
        format: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Other(String),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
    /// The error of writing `format` (CSV, JSONL...), from a writer's error that wraps an I/O
    /// error (`csv::Error`, `serde_json::Error` and `std::io::Error` all convert).
    pub fn write<E>(format: &'static str) -> impl Fn(E) -> Self + Copy
    where
        E: Into<std::io::Error>,
    {
        move |e| Error::Write {
            format,
            source: e.into(),
        }
    }
    pub fn gazetteer(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::Gazetteer {
            path: path.into(),
            message: message.into(),
        }
    }
}
