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

/// "In the same admin1" is a matter of regions, not of spellings: each gold and predicted
/// admin1 name that is another name of a region of its country ("North Kivu", "Ninawa",
/// "Kyiv Oblast") becomes the GeoNames name ("Nord Kivu", "Nineveh", "Kiev"). A GeoNames
/// name stays as it is, and so do names the gazetteer does not know (compared folded, as
/// before).
pub fn canonical_admin1(
    gold: &mut [GoldDoc],
    preds: &mut [Prediction],
    gazetteer: &crate::places::Gazetteer,
) {
    let canon = |cc: Option<&String>, name: &mut Option<String>| {
        let (Some(cc), Some(n)) = (cc, name.as_ref()) else {
            return;
        };
        if gazetteer.is_admin1_name(cc, n) {
            return;
        }
        if let Some(region) = gazetteer.admin1_by_name(cc, n) {
            *name = Some(region.name);
        }
    };
    for e in gold.iter_mut().flat_map(|d| d.events.iter_mut()) {
        canon(e.location.country.as_ref(), &mut e.location.admin1);
    }
    for p in preds.iter_mut() {
        canon(p.country_code.as_ref(), &mut p.admin1);
    }
}

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

    #[test]
    fn admin1_names_are_compared_as_regions() {
        let g = crate::places::Gazetteer::load(&crate::default_gazetteer_dir()).unwrap();
        let line = r#"{"id": "a", "aliases": {}, "events": [{"type": "assault", "date": "2021-07-07", "time_precision": "day", "location": {"name": "North Kivu", "country": "CD", "admin1": "North Kivu", "lat": -0.4, "lon": 29.3, "geo_precision": "admin1"}, "actors": {"agent": [], "target": []}, "evidence": "x"}]}"#;
        let mut gold = parse_gold(line, "test").unwrap();
        let mut preds = as_predictions(&gold);
        preds[0].admin1 = Some("Nord Kivu".into());
        preds[0].latitude = Some(-1.7);
        preds[0].longitude = Some(29.1);
        // 145 km apart: only the region can match them, and GeoNames spells it otherwise
        assert_eq!(score(&gold, &preds).overall.matched, 0);
        canonical_admin1(&mut gold, &mut preds, &g);
        assert_eq!(
            gold[0].events[0].location.admin1.as_deref(),
            Some("Nord Kivu")
        );
        assert_eq!(score(&gold, &preds).overall.matched, 1);
        // a GeoNames name stays, though it is another region's other name ("Moscow" is the
        // city's region and an old name of Moscow Oblast); unknown names stay as written
        let mut moscow = vec![preds[0].clone()];
        moscow[0].country_code = Some("RU".into());
        moscow[0].admin1 = Some("Moscow".into());
        preds[0].admin1 = Some("Nowhere Land".into());
        canonical_admin1(&mut [], &mut moscow, &g);
        canonical_admin1(&mut gold, &mut preds, &g);
        assert_eq!(moscow[0].admin1.as_deref(), Some("Moscow"));
        assert_eq!(preds[0].admin1.as_deref(), Some("Nowhere Land"));
        assert_eq!(score(&gold, &preds).overall.matched, 0);
    }
}
