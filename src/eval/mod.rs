//! Scoring against gold annotations, exactly by `GUIDELINES.md`.
//!
//! STUB: interface only; the helper owning `src/eval/` fills it in.
