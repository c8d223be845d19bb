//! Scoring against gold annotations, exactly by the "Scoring" section of `GUIDELINES.md`.
//!
//! [`load_gold`] reads `gold.jsonl`; predictions come from extracted events
//! (`Prediction::from(&event)`) or from an output CSV ([`read_predictions_csv`]); [`score`]
//! matches them one to one within each article and returns a [`Report`] (plain text with
//! `Display`, `{:#}` adding the unmatched lists; JSON with `serde`).

pub mod gold;
pub mod score;

pub use gold::{load_gold, parse_gold, GoldActors, GoldDoc, GoldEvent, GoldLocation};
pub use score::{
    read_predictions, read_predictions_csv, score, Accuracy, ArticleScore, Counts, FieldScores,
    MatchedPair, Prediction, Report, TypeScore, UnmatchedGold, UnmatchedPrediction,
};
