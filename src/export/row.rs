//! The output contract: one flat row per event, shared by every format.

use crate::model::*;
use serde::Serialize;

/// CSV columns, in order.
pub const COLUMNS: [&str; 30] = [
    "event_id",
    "doc_id",
    "event_date",
    "time_precision",
    "event_type",
    "acled_event_type",
    "acled_sub_event_type",
    "cameo_code",
    "actor1",
    "actor1_type",
    "assoc_actor_1",
    "actor2",
    "actor2_type",
    "assoc_actor_2",
    "country",
    "country_code",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "geonameid",
    "fatalities",
    "source",
    "url",
    "published",
    "notes",
    "evidence_start",
    "evidence_end",
];

/// One event in the output contract's fields. Multi-valued cells are lists here; the CSV joins
/// them with `;`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventRow {
    pub event_id: String,
    pub doc_id: Vec<String>,
    pub event_date: Option<String>,
    pub time_precision: Option<&'static str>,
    pub event_type: &'static str,
    pub acled_event_type: String,
    pub acled_sub_event_type: String,
    pub cameo_code: String,
    pub actor1: Option<String>,
    pub actor1_type: Option<&'static str>,
    pub assoc_actor_1: Vec<String>,
    pub actor2: Option<String>,
    pub actor2_type: Option<&'static str>,
    pub assoc_actor_2: Vec<String>,
    pub country: Option<String>,
    pub country_code: Option<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub location: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: Option<&'static str>,
    pub geonameid: Option<u32>,
    pub fatalities: Option<u32>,
    pub source: Vec<String>,
    pub url: Vec<String>,
    pub published: Option<String>,
    pub notes: String,
    pub evidence_start: usize,
    pub evidence_end: usize,
}

fn unique(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in items {
        if !i.is_empty() && !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

fn round(x: f64) -> f64 {
    (x * 1e5).round() / 1e5
}

impl EventRow {
    pub fn new(e: &Event) -> EventRow {
        let first = e.evidence.first();
        let place = e.place.as_ref();
        // talks and deals have parties, not an agent and a target: as ACLED codes them, the
        // second party is actor 2 (the others stay associated with actor 1)
        let parties = matches!(e.event_type, EventType::Talks | EventType::Agreement)
            && e.targets.is_empty()
            && e.agents.len() >= 2;
        let (side1, side2): (Vec<&Actor>, Vec<&Actor>) = if parties {
            (
                e.agents
                    .iter()
                    .take(1)
                    .chain(e.agents.iter().skip(2))
                    .collect(),
                e.agents.iter().skip(1).take(1).collect(),
            )
        } else {
            (e.agents.iter().collect(), e.targets.iter().collect())
        };
        EventRow {
            event_id: e.id.clone(),
            doc_id: unique(e.evidence.iter().map(|x| x.doc_id.clone())),
            event_date: e.date.map(|d| d.date.format("%Y-%m-%d").to_string()),
            time_precision: e.date.map(|d| d.precision.as_str()),
            event_type: e.event_type.as_str(),
            acled_event_type: e.acled_event_type.clone(),
            acled_sub_event_type: e.acled_sub_event_type.clone(),
            cameo_code: e.cameo_code.clone(),
            actor1: side1.first().map(|a| a.name.clone()),
            actor1_type: side1
                .first()
                .and_then(|a| a.actor_type)
                .map(ActorType::as_str),
            assoc_actor_1: side1.iter().skip(1).map(|a| a.name.clone()).collect(),
            actor2: side2.first().map(|a| a.name.clone()),
            actor2_type: side2
                .first()
                .and_then(|a| a.actor_type)
                .map(ActorType::as_str),
            assoc_actor_2: side2.iter().skip(1).map(|a| a.name.clone()).collect(),
            country: place.map(|p| p.country.clone()),
            country_code: place.map(|p| p.country_code.clone()),
            admin1: place.and_then(|p| p.admin1.clone()),
            admin2: place.and_then(|p| p.admin2.clone()),
            location: e.location.clone().or_else(|| place.map(|p| p.name.clone())),
            latitude: place.map(|p| round(p.latitude)),
            longitude: place.map(|p| round(p.longitude)),
            geo_precision: place.map(|p| p.precision.as_str()),
            geonameid: place.and_then(|p| p.geonameid),
            fatalities: e.fatalities,
            source: unique(e.evidence.iter().filter_map(|x| x.source.clone())),
            url: unique(e.evidence.iter().filter_map(|x| x.url.clone())),
            published: first
                .and_then(|x| x.published)
                .map(|d| d.format("%Y-%m-%d").to_string()),
            notes: first.map(|x| x.sentence.clone()).unwrap_or_default(),
            evidence_start: first.map_or(0, |x| x.char_start),
            evidence_end: first.map_or(0, |x| x.char_end),
        }
    }

    /// The row as CSV cells, in [`COLUMNS`] order.
    pub fn cells(&self) -> Vec<String> {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        let s = |v: Option<&'static str>| v.unwrap_or("").to_string();
        let n = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
        vec![
            self.event_id.clone(),
            self.doc_id.join(";"),
            o(&self.event_date),
            s(self.time_precision),
            self.event_type.to_string(),
            self.acled_event_type.clone(),
            self.acled_sub_event_type.clone(),
            self.cameo_code.clone(),
            o(&self.actor1),
            s(self.actor1_type),
            self.assoc_actor_1.join(";"),
            o(&self.actor2),
            s(self.actor2_type),
            self.assoc_actor_2.join(";"),
            o(&self.country),
            o(&self.country_code),
            o(&self.admin1),
            o(&self.admin2),
            o(&self.location),
            n(self.latitude),
            n(self.longitude),
            s(self.geo_precision),
            self.geonameid.map(|g| g.to_string()).unwrap_or_default(),
            self.fatalities.map(|f| f.to_string()).unwrap_or_default(),
            self.source.join(";"),
            self.url.join(";"),
            o(&self.published),
            self.notes.replace(['\n', '\r'], " "),
            self.evidence_start.to_string(),
            self.evidence_end.to_string(),
        ]
    }
}
