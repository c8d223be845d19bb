//! GeoJSON (RFC 7946) for mapping tools: a FeatureCollection of Point features
//! (`[longitude, latitude]`) with the CSV columns as properties. Events without coordinates are
//! left out and counted in the summary. With `links`, each link between events in different
//! places adds a LineString feature from one to the other.

use super::{io_err, row::COLUMNS, EventRow, ExportSummary, Exporter};
use crate::model::Event;
use crate::Result;
use serde_json::{json, Map, Value};
use std::io::Write;

pub struct GeoJsonExporter {
    /// Add a LineString per link between events in different places.
    pub links: bool,
}

fn properties(row: &EventRow) -> Map<String, Value> {
    let cells = row.cells();
    let mut props = Map::new();
    for (k, v) in COLUMNS.iter().zip(cells) {
        let value = match *k {
            "latitude" => row.latitude.map_or(Value::Null, |x| json!(x)),
            "longitude" => row.longitude.map_or(Value::Null, |x| json!(x)),
            "geonameid" => row.geonameid.map_or(Value::Null, |x| json!(x)),
            "fatalities" => row.fatalities.map_or(Value::Null, |x| json!(x)),
            "evidence_start" => json!(row.evidence_start),
            "evidence_end" => json!(row.evidence_end),
            _ if v.is_empty() => Value::Null,
            _ => Value::String(v),
        };
        props.insert((*k).to_string(), value);
    }
    props
}

impl Exporter for GeoJsonExporter {
    fn write(
        &self,
        events: &[Event],
        links: &[crate::graph::Link],
        out: &mut dyn Write,
    ) -> Result<ExportSummary> {
        let mut features = Vec::new();
        let mut skipped = 0;
        for e in events {
            let row = EventRow::new(e);
            let (Some(lat), Some(lon)) = (row.latitude, row.longitude) else {
                skipped += 1;
                continue;
            };
            features.push(json!({
                "type": "Feature",
                "id": row.event_id,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": properties(&row),
            }));
        }
        let written = features.len();
        if self.links {
            let coords: std::collections::HashMap<&str, [f64; 2]> = events
                .iter()
                .filter_map(|e| {
                    let p = e.place.as_ref()?;
                    Some((e.id.as_str(), [p.longitude, p.latitude]))
                })
                .collect();
            for l in links {
                let (Some(a), Some(b)) = (coords.get(l.from.as_str()), coords.get(l.to.as_str()))
                else {
                    continue;
                };
                if a == b {
                    continue;
                }
                features.push(json!({
                    "type": "Feature",
                    "geometry": {"type": "LineString", "coordinates": [a, b]},
                    "properties": {
                        "from_event_id": l.from, "to_event_id": l.to,
                        "relation": l.relation.as_str(), "basis": l.basis,
                    },
                }));
            }
        }
        let fc = json!({"type": "FeatureCollection", "features": features});
        serde_json::to_writer_pretty(&mut *out, &fc).map_err(crate::Error::write("GeoJSON"))?;
        out.write_all(b"\n").map_err(io_err)?;
        out.flush().map_err(io_err)?;
        Ok(ExportSummary { written, skipped })
    }
}
