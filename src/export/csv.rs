//! CSV for spreadsheets: UTF-8, header row, one event a row, `;` inside multi-valued cells.

use super::{io_err, EventRow, ExportSummary, Exporter, COLUMNS};
use crate::model::Event;
use crate::Result;
use std::io::Write;

pub struct CsvExporter;

impl Exporter for CsvExporter {
    fn write(
        &self,
        events: &[Event],
        _links: &[crate::graph::Link],
        out: &mut dyn Write,
    ) -> Result<ExportSummary> {
        let mut w = csv::Writer::from_writer(out);
        let csv_err = super::csv_err("CSV");
        w.write_record(COLUMNS).map_err(csv_err)?;
        for e in events {
            w.write_record(EventRow::new(e).cells()).map_err(csv_err)?;
        }
        w.flush().map_err(io_err)?;
        Ok(ExportSummary {
            written: events.len(),
            skipped: 0,
        })
    }
}
