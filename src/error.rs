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
    pub fn gazetteer(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::Gazetteer {
            path: path.into(),
            message: message.into(),
        }
    }
}
