//! events stage.
