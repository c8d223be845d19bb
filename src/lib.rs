//! frontline: conflict-event timeline extraction.
//!
//! The pipeline, in the order data flows:
//! [`ingest`] → [`text`] → mentions ([`places`], [`time`], [`actors`], trigger lexicon in
//! [`events`]) → [`events`] → [`graph`] → [`export`]. [`eval`] scores the result against gold
//! annotations; [`pipeline`] wires the stages together.

pub mod actors;
pub mod error;
pub mod eval;
pub mod events;
pub mod export;
pub mod graph;
pub mod hash;
pub mod ingest;
pub mod model;
pub mod pipeline;
pub mod places;
#[cfg(test)]
mod testcorpus;
pub mod text;
pub mod time;

pub use error::{Error, Result};
pub use model::*;

/// The gazetteer directory used when none is given: `$FRONTLINE_GAZETTEER`, else the
/// `gazetteer/` folder of the source tree the binary was built from.
pub fn default_gazetteer_dir() -> std::path::PathBuf {
    if let Some(d) = std::env::var_os("FRONTLINE_GAZETTEER") {
        return d.into();
    }
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer")
}
