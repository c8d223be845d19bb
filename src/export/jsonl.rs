//! JSON Lines: one event a line, the CSV's fields with actors and sources as arrays, plus the
//! evidence of every report (sentence, character span, trigger and rule) and a confidence.

use super::{io_err, EventRow, ExportSummary, Exporter};
use crate::model::Event;
use crate::Result;
use serde::Serialize;
use std::io::Write;

pub struct JsonlExporter;

#[derive(Serialize)]
struct EvidenceOut<'a> {
    doc_id: &'a str,
    start: usize,
    end: usize,
    sentence: &'a str,
    trigger: &'a str,
    rule: &'a str,
}

#[derive(Serialize)]
struct Line<'a> {
    #[serde(flatten)]
    row: EventRow,
    confidence: f32,
    date_explicit: bool,
    evidence: Vec<EvidenceOut<'a>>,
}

impl Exporter for JsonlExporter {
    fn write(
        &self,
        events: &[Event],
        _links: &[crate::graph::Link],
        out: &mut dyn Write,
    ) -> Result<ExportSummary> {
        for e in events {
            let line = Line {
                row: EventRow::new(e),
                confidence: (e.confidence * 100.0).round() / 100.0,
                date_explicit: e.date_explicit,
                evidence: e
                    .evidence
                    .iter()
                    .map(|x| EvidenceOut {
                        doc_id: &x.doc_id,
                        start: x.char_start,
                        end: x.char_end,
                        sentence: &x.sentence,
                        trigger: &x.trigger,
                        rule: &x.rule,
                    })
                    .collect(),
            };
            serde_json::to_writer(&mut *out, &line).map_err(crate::Error::write("JSONL"))?;
            out.write_all(b"\n").map_err(io_err)?;
        }
        out.flush().map_err(io_err)?;
        Ok(ExportSummary {
            written: events.len(),
            skipped: 0,
        })
    }
}
