//! Subcommands, one file each.

pub mod annotate;
mod common;
pub mod eval;
pub mod extract;
mod filters;
pub mod gazetteer;
pub mod timeline;

use clap::{Parser, Subcommand};

/// Conflict-event timeline extractor: news articles in; dated, geocoded events out.
#[derive(Parser, Debug)]
#[command(name = "frontline", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract events from articles and write CSV, GeoJSON or JSONL.
    Extract(extract::ExtractArgs),
    /// Write the mentions (places, times, actors, triggers) found in each article as JSONL.
    Annotate(annotate::AnnotateArgs),
    /// Score extraction against gold annotations (GUIDELINES.md), or a stage against a corpus.
    Eval(eval::EvalArgs),
    /// The events in chronological order, grouped by day: a table, Markdown or CSV.
    Timeline(timeline::TimelineArgs),
    /// Build or inspect the gazetteer.
    Gazetteer(gazetteer::GazetteerArgs),
}

/// Runs a command; returns the process exit code (0 ok, 1 some input skipped).
pub fn run(cli: Cli) -> anyhow::Result<i32> {
    match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Annotate(a) => annotate::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Timeline(a) => timeline::run(a),
        Command::Gazetteer(a) => gazetteer::run(a),
    }
}
