//! `frontline annotate`: the mentions each stage found, one article a JSON line, with character
//! offsets: how an analyst checks why a place, date or event was chosen.

use super::common::{ingest, write_output, InputArgs};
use anyhow::Result;
use clap::Args;
use frontline::text::CharIndex;
use serde_json::{json, Value};
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct AnnotateArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output file (JSON Lines, written atomically); default stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn run(args: AnnotateArgs) -> Result<i32> {
    let pipeline = super::common::load_pipeline(args.input.gazetteer.as_deref())?;
    let (ingested, skipped) = ingest(&args.input.inputs, args.input.date);
    write_output(args.output.as_deref(), |w| {
        for article in &ingested.articles {
            let a = pipeline.analyse(article);
            let idx = CharIndex::new(&article.text);
            let c = |b: usize| idx.char_offset(b);
            let places: Vec<Value> = a
                .mentions
                .places
                .iter()
                .map(|m| {
                    let p = m.place.as_ref();
                    json!({
                        "start": c(m.span.start), "end": c(m.span.end), "text": m.text,
                        "geonameid": p.and_then(|p| p.geonameid),
                        "name": p.map(|p| &p.name),
                        "latitude": p.map(|p| p.latitude), "longitude": p.map(|p| p.longitude),
                        "country_code": p.map(|p| &p.country_code),
                        "admin1": p.and_then(|p| p.admin1.as_ref()),
                        "feature_code": p.map(|p| &p.feature_code),
                        "geo_precision": p.map(|p| p.precision.as_str()),
                        "confidence": m.confidence,
                    })
                })
                .collect();
            let times: Vec<Value> = a
                .mentions
                .times
                .iter()
                .map(|t| {
                    json!({
                        "start": c(t.span.start), "end": c(t.span.end), "text": t.text,
                        "type": t.timex_type, "value": t.value,
                        "precision": t.date.map(|d| d.precision.as_str()),
                        "anchor": t.anchor,
                    })
                })
                .collect();
            let actors: Vec<Value> = a
                .mentions
                .actors
                .iter()
                .map(|m| {
                    json!({
                        "start": c(m.span.start), "end": c(m.span.end), "text": m.text,
                        "actor": m.actor.name,
                        "actor_type": m.actor.actor_type.map(|t| t.as_str()),
                        "country": m.actor.country, "descriptor": m.descriptor,
                    })
                })
                .collect();
            let triggers: Vec<Value> = a
                .triggers
                .iter()
                .map(|t| {
                    json!({
                        "start": c(t.span.start), "end": c(t.span.end), "text": t.text,
                        "event_type": t.event_type, "rule": t.rule, "modality": t.modality,
                    })
                })
                .collect();
            let line = json!({
                "id": article.id,
                "published": article.published.map(|d| d.to_string()),
                "places": places, "times": times, "actors": actors, "triggers": triggers,
                "events": a.events.iter().map(|e| &e.id).collect::<Vec<_>>(),
            });
            serde_json::to_writer(&mut *w, &line)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    })?;
    Ok(if skipped { 1 } else { 0 })
}
