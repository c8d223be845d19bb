//! `frontline extract`: articles in; events out as CSV, GeoJSON or JSONL.

use super::common::{ingest, parse_date, write_output};
use anyhow::{Context, Result};
use clap::Args;
use frontline::export::Format;
use frontline::pipeline::Pipeline;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Articles: .txt files, .jsonl/.jsonl.gz corpora, folders, or - for stdin.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output file (written atomically); without it, CSV goes to stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Output format; defaults from the output file's extension, else CSV.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Publication date for articles with none in their record or text (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,
    /// Gazetteer directory (default: $FRONTLINE_GAZETTEER, else the shipped gazetteer/).
    #[arg(long)]
    pub gazetteer: Option<PathBuf>,
}

pub fn run(args: ExtractArgs) -> Result<i32> {
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Csv);
    let dir = args
        .gazetteer
        .clone()
        .unwrap_or_else(frontline::default_gazetteer_dir);
    let pipeline = Pipeline::load(&dir)
        .with_context(|| format!("cannot load the gazetteer from {}", dir.display()))?;
    let (ingested, skipped) = ingest(&args.inputs, args.date);
    let events = pipeline.extract_all(&ingested.articles);
    let mut summary = Default::default();
    write_output(args.output.as_deref(), |w| {
        summary = format.exporter().write(&events, w)?;
        Ok(())
    })?;
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
