//! Scoring against gold annotations, exactly by the "Scoring" section of `GUIDELINES.md`.
//!
//! [`load_gold`] reads `gold.jsonl`; predictions come from extracted events
//! (`Prediction::from(&event)`) or from an output CSV ([`read_predictions_csv`]); [`score`]
//! matches them one to one within each article and returns a [`Report`] (plain text with
//! `Display`, `{:#}` adding the unmatched lists; JSON with `serde`). [`acled`] scores ACLED
//! sub-event coding on labelled snippets.

pub mod acled;
pub mod gold;
pub mod score;

pub use gold::{load_gold, parse_gold, GoldActors, GoldDoc, GoldEvent, GoldLocation};
pub use score::{
    read_predictions, read_predictions_csv, score, Accuracy, ArticleScore, Counts, FieldScores,
    MatchedPair, Prediction, Report, TypeScore, UnmatchedGold, UnmatchedPrediction,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EventDate;
    use std::path::Path;

    /// Each gold event as a prediction, at the gold's own date, precision and place.
    fn as_predictions(docs: &[GoldDoc]) -> Vec<Prediction> {
        docs.iter()
            .flat_map(|d| {
                d.events.iter().map(move |e| Prediction {
                    doc_id: d.id.clone(),
                    event_type: e.event_type,
                    date: Some(EventDate {
                        date: e.start,
                        precision: e.time_precision,
                    }),
                    latitude: e.location.lat,
                    longitude: e.location.lon,
                    country_code: e.location.country.clone(),
                    admin1: e.location.admin1.clone(),
                    geo_precision: Some(e.location.geo_precision),
                    agents: e.actors.agent.clone(),
                    targets: e.actors.target.clone(),
                    fatalities: e.fatalities,
                })
            })
            .collect()
    }

    #[test]
    fn dev_gold_loads_and_scores_itself_perfectly() {
        let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
        let path = dir.join("eval/dev/gold.jsonl");
        if !path.exists() {
            eprintln!("skipping: ../shared not found");
            return;
        }
        let gold = load_gold(&path).unwrap();
        assert!(gold.len() >= 20, "{} articles", gold.len());
        let seed = gold.iter().find(|d| d.id == "dawn-2021-07-08").unwrap();
        assert!(seed.aliases.contains_key("Taliban"));
        let optional: usize = gold
            .iter()
            .map(|d| d.events.iter().filter(|e| e.optional).count())
            .sum();
        let total: usize = gold.iter().map(|d| d.events.len()).sum();

        let preds = as_predictions(&gold);
        let r = score(&gold, &preds);
        assert_eq!(r.overall.gold, total - optional);
        assert_eq!(r.overall.predicted, total - optional);
        assert_eq!(r.overall.matched, total - optional);
        assert_eq!(r.optional_gold, optional);
        assert_eq!(r.optional_matched, optional);
        assert_eq!(r.fields.date_exact.correct, r.fields.pairs);
        assert_eq!(r.fields.place_within_25km.correct, r.fields.pairs);
        assert_eq!(r.fields.agent_found.correct, r.fields.agent_found.total);
        assert_eq!(r.fields.target_found.correct, r.fields.target_found.total);
        assert_eq!(
            r.fields.fatalities_exact.correct,
            r.fields.fatalities_exact.total
        );
        assert!(r.unmatched_gold.is_empty() && r.unmatched_predictions.is_empty());

        // Nothing predicted: recall 0 on every article, precision 0 by convention.
        let r = score(&gold, &[]);
        assert_eq!(
            (r.overall.matched, r.overall.recall, r.overall.f1),
            (0, 0.0, 0.0)
        );
    }
}
