//! Dev-set check: every gold location name of `../shared/eval/dev` that occurs in its article
//! must be recognised there and resolve within 25 km of the gold point (or to the gold
//! province / country where the gold precision is coarser). Uses the shipped gazetteer.

use super::{haversine_km, Gazetteer};
use crate::model::GeoPrecision;
use crate::text::fold;
use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn dev_gold_places_resolve() {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    let dev = shared.join("eval/dev");
    if !dev.join("gold.jsonl").exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let gdir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer");
    if !gdir.join("places.bin.gz").exists() {
        eprintln!("skipping: gazetteer/places.bin.gz not built");
        return;
    }
    let g = Gazetteer::load(&gdir).expect("load gazetteer");
    let arts = std::fs::read_to_string(dev.join("articles.jsonl")).expect("articles");
    let gold = std::fs::read_to_string(dev.join("gold.jsonl")).expect("gold");
    let mut texts = std::collections::HashMap::new();
    for l in arts.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(l).expect("article json");
        texts.insert(
            v["id"].as_str().unwrap_or("").to_string(),
            v["text"].as_str().unwrap_or("").to_string(),
        );
    }
    let (mut checked, mut ok, mut unrec) = (0, 0, 0);
    let mut failures = Vec::new();
    for l in gold.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(l).expect("gold json");
        let id = v["id"].as_str().unwrap_or("");
        let Some(text) = texts.get(id) else { continue };
        let mentions = g.find_places(text);
        let mut seen = BTreeSet::new();
        for e in v["events"].as_array().into_iter().flatten() {
            let loc = &e["location"];
            let name = loc["name"].as_str().unwrap_or("");
            if !seen.insert(name.to_string()) {
                continue;
            }
            let lower = text.to_lowercase();
            let Some(pos) = lower.find(&name.to_lowercase()) else {
                continue;
            };
            if lower.len() != text.len() {
                continue;
            }
            let span = (pos, pos + name.len());
            let prec = GeoPrecision::parse(loc["geo_precision"].as_str().unwrap_or("point"))
                .unwrap_or(GeoPrecision::Point);
            // Only names that are place names (not "the north of the country").
            let inside: Vec<_> = mentions
                .iter()
                .filter(|m| m.span.start < span.1 && span.0 < m.span.end)
                .collect();
            if inside.is_empty() && prec != GeoPrecision::Point {
                continue;
            }
            checked += 1;
            let (glat, glon) = (
                loc["lat"].as_f64().unwrap_or(0.0),
                loc["lon"].as_f64().unwrap_or(0.0),
            );
            let gcc = loc["country"].as_str().unwrap_or("");
            let ga1 = loc["admin1"].as_str().map(fold);
            let good = inside.iter().any(|m| {
                let Some(p) = &m.place else { return false };
                let d = haversine_km(glat, glon, p.latitude, p.longitude);
                match prec {
                    GeoPrecision::Point | GeoPrecision::Admin2 => d <= 25.0,
                    GeoPrecision::Admin1 => {
                        d <= 25.0
                            || (p.country_code == gcc
                                && ga1.as_deref().is_some_and(|a| {
                                    p.admin1
                                        .as_deref()
                                        .map(fold)
                                        .is_some_and(|b| b == a || b.contains(a) || a.contains(&b))
                                }))
                    }
                    GeoPrecision::Country => p.country_code == gcc,
                }
            });
            if inside.is_empty() {
                unrec += 1;
            }
            if good {
                ok += 1;
            } else {
                failures.push(format!(
                    "{id}: {name:?} ({prec:?}) -> {:?}",
                    inside
                        .iter()
                        .map(|m| m.place.as_ref().map(|p| (
                            p.name.clone(),
                            p.country_code.clone(),
                            p.admin1.clone(),
                            (haversine_km(glat, glon, p.latitude, p.longitude)) as i64
                        )))
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    eprintln!(
        "dev gold places: {checked} checked, {ok} resolved correctly, {unrec} not recognised"
    );
    for f in &failures {
        eprintln!("  FAIL {f}");
    }
    assert!(checked > 0);
    assert!(failures.is_empty(), "{} dev places wrong", failures.len());
}
