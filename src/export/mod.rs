//! Export stage: one file per format behind one trait, [`Exporter`].

mod csv;
mod dot;
mod geojson;
mod graph_json;
mod graphml;
mod jsonl;
mod links_csv;
mod row;

pub use self::csv::CsvExporter;
pub use self::dot::DotExporter;
pub use self::geojson::GeoJsonExporter;
pub use self::graph_json::GraphJsonExporter;
pub use self::graphml::GraphMlExporter;
pub use self::jsonl::JsonlExporter;
pub use links_csv::write_links_csv;
pub use row::{EventRow, COLUMNS};

use crate::graph::Link;
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
    /// Writes `events` (and, for formats that show them, the `links` between them) to `out`.
    fn write(&self, events: &[Event], links: &[Link], out: &mut dyn Write)
        -> Result<ExportSummary>;
}

/// Output formats by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Geojson,
    Jsonl,
    /// GraphML (Gephi, yEd, networkx).
    Graphml,
    /// Graphviz DOT.
    Dot,
    /// The graph as JSON: `{"nodes": [...], "edges": [...]}`.
    GraphJson,
}

impl Format {
    /// The format a file name implies (`.csv`, `.geojson`/`.json`, `.jsonl`).
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".csv") {
            Some(Format::Csv)
        } else if name.ends_with(".graph.json") {
            Some(Format::GraphJson)
        } else if name.ends_with(".geojson") || name.ends_with(".json") {
            Some(Format::Geojson)
        } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            Some(Format::Jsonl)
        } else if name.ends_with(".graphml") {
            Some(Format::Graphml)
        } else if name.ends_with(".dot") || name.ends_with(".gv") {
            Some(Format::Dot)
        } else {
            None
        }
    }

    /// The exporter; `geo_links` adds link LineStrings to GeoJSON.
    pub fn exporter(self, geo_links: bool) -> Box<dyn Exporter> {
        match self {
            Format::Csv => Box::new(CsvExporter),
            Format::Geojson => Box::new(GeoJsonExporter { links: geo_links }),
            Format::Jsonl => Box::new(JsonlExporter),
            Format::Graphml => Box::new(GraphMlExporter),
            Format::Dot => Box::new(DotExporter),
            Format::GraphJson => Box::new(GraphJsonExporter),
        }
    }
}

/// The error of a CSV writer: its I/O error (a full disk, a closed pipe) as the source, so the
/// CLI can tell a reader that went away; `csv` wraps I/O errors in its own type.
fn csv_err(format: &'static str) -> impl Fn(::csv::Error) -> crate::Error + Copy {
    move |e| match e.into_kind() {
        ::csv::ErrorKind::Io(source) => crate::Error::Write { format, source },
        other => crate::Error::Other(format!("writing {format}: {other:?}")),
    }
}

fn io_err(e: std::io::Error) -> crate::Error {
    crate::Error::io("<output>", e)
}
