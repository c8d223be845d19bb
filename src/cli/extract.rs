//! `frontline extract`: articles in; events out as CSV, GeoJSON, JSONL or a graph.

use super::common::{ingest, write_output, InputArgs};
use super::filters::EventFilter;
use anyhow::{Context, Result};
use clap::Args;
use frontline::export::{write_links_csv, Format};
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output file (written atomically); without it, CSV goes to stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Output format; defaults from the output file's extension, else CSV.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Keep reports of the same event from different articles apart.
    #[arg(long)]
    pub no_merge: bool,
    /// Also write the links between events to this CSV file.
    #[arg(long)]
    pub links_csv: Option<PathBuf>,
    /// GeoJSON: add a LineString per link between events in different places.
    #[arg(long)]
    pub links: bool,
    #[command(flatten)]
    pub filter: EventFilter,
}

pub fn run(args: ExtractArgs) -> Result<i32> {
    args.filter.validate()?;
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Csv);
    let pipeline = super::common::load_pipeline(args.input.gazetteer.as_deref())?;
    let (ingested, skipped) = ingest(&args.input.inputs, args.input.date);
    let mut events = pipeline.extract_all(&ingested.articles, !args.no_merge);
    events.retain(|e| args.filter.keep(e));
    let links = pipeline.link(&events);
    let mut summary = Default::default();
    write_output(args.output.as_deref(), |w| {
        summary = format.exporter(args.links).write(&events, &links, w)?;
        Ok(())
    })?;
    if let Some(p) = &args.links_csv {
        write_output(Some(p), |w| Ok(write_links_csv(&links, w)?))
            .with_context(|| format!("writing {}", p.display()))?;
    }
    let summary: frontline::export::ExportSummary = summary;
    if summary.skipped > 0 {
        eprintln!(
            "frontline: warning: {} event(s) without coordinates left out of the GeoJSON",
            summary.skipped
        );
    }
    eprintln!(
        "frontline: {} article(s), {} event(s) written{}",
        ingested.articles.len(),
        summary.written,
        args.output
            .as_ref()
            .map(|p| format!(" to {}", p.display()))
            .unwrap_or_default()
    );
    Ok(if skipped { 1 } else { 0 })
}
