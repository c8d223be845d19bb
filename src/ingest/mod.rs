//! ingest stage.
