//! Graph stage: merging reports of the same event, and the event graph.

pub mod merge;

pub use merge::merge_events;
