//! What several subcommands share: reading inputs with warnings, atomic output.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use frontline::ingest::{read_inputs, IngestOptions, Ingested};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The input options every article-reading subcommand takes.
#[derive(clap::Args, Debug)]
pub struct InputArgs {
    /// Articles: .txt files, .jsonl/.jsonl.gz corpora, folders, or - for stdin.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Publication date for articles with none in their record or text (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Gazetteer directory (default: $FRONTLINE_GAZETTEER, else the shipped gazetteer/).
    #[arg(long)]
    pub gazetteer: Option<PathBuf>,
}

/// Parses `--date YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

/// Reads the inputs, printing a warning for each problem and for each article without a
/// publication date. Returns the articles and whether anything was skipped.
pub fn ingest(inputs: &[PathBuf], date: Option<NaiveDate>) -> (Ingested, bool) {
    let ingested = read_inputs(inputs, &IngestOptions { default_date: date });
    for p in &ingested.problems {
        eprintln!("frontline: warning: {p}");
    }
    for a in ingested.articles.iter().filter(|a| a.published.is_none()) {
        eprintln!(
            "frontline: warning: {}: article {:?} has no publication date (no field, none in the text, no --date): relative dates are left unresolved",
            a.origin, a.id
        );
    }
    let skipped = !ingested.problems.is_empty();
    (ingested, skipped)
}

/// Writes to `path` atomically (a temporary file in the same folder, renamed when complete), or
/// to stdout when `path` is None.
pub fn write_output(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    match path {
        None => {
            let stdout = std::io::stdout();
            let mut lock = std::io::BufWriter::new(stdout.lock());
            write(&mut lock)?;
            lock.flush().context("writing to stdout")?;
            Ok(())
        }
        Some(path) => {
            let dir = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            let tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
            {
                let mut w = std::io::BufWriter::new(tmp.as_file());
                write(&mut w)?;
                w.flush()
                    .with_context(|| format!("writing {}", path.display()))?;
            }
            // a temporary file is private (0600); the output gets the usual permissions
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ = tmp
                    .as_file()
                    .set_permissions(std::fs::Permissions::from_mode(0o644));
            }
            tmp.persist(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            Ok(())
        }
    }
}

/// Loads the pipeline from `dir`, else the default gazetteer directory.
pub fn load_pipeline(dir: Option<&Path>) -> Result<frontline::pipeline::Pipeline> {
    let dir = dir
        .map(Path::to_path_buf)
        .unwrap_or_else(frontline::default_gazetteer_dir);
    frontline::pipeline::Pipeline::load(&dir)
        .with_context(|| format!("cannot load the gazetteer from {}", dir.display()))
}
