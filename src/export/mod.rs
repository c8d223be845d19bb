//! Export stage: one file per format behind one trait, [`Exporter`].

mod csv;
mod geojson;
mod jsonl;
mod row;

pub use self::csv::CsvExporter;
pub use self::geojson::GeoJsonExporter;
pub use self::jsonl::JsonlExporter;
pub use row::{EventRow, COLUMNS};

use crate::model::Event;
use crate::Result;
use std::io::Write;

/// What an export wrote.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    pub written: usize,
    /// Events left out (GeoJSON: events without coordinates).
    pub skipped: usize,
}

/// An output format.
pub trait Exporter {
    /// Writes `events` to `out`.
    fn write(&self, events: &[Event], out: &mut dyn Write) -> Result<ExportSummary>;
}

/// Output formats by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Geojson,
    Jsonl,
}

impl Format {
    /// The format a file name implies (`.csv`, `.geojson`/`.json`, `.jsonl`).
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".csv") {
            Some(Format::Csv)
        } else if name.ends_with(".geojson") || name.ends_with(".json") {
            Some(Format::Geojson)
        } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            Some(Format::Jsonl)
        } else {
            None
        }
    }

    pub fn exporter(self) -> Box<dyn Exporter> {
        match self {
            Format::Csv => Box::new(CsvExporter),
            Format::Geojson => Box::new(GeoJsonExporter),
            Format::Jsonl => Box::new(JsonlExporter),
        }
    }
}

fn io_err(e: std::io::Error) -> crate::Error {
    crate::Error::io("<output>", e)
}
