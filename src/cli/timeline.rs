//! `frontline timeline`: the (merged) events in chronological order, grouped by day (coarser
//! dates at their period), as an aligned table in the terminal, or Markdown / CSV with `-o`.

use super::common::{ingest, write_output, InputArgs};
use super::filters::EventFilter;
use anyhow::Result;
use clap::Args;
use frontline::model::{Event, TimePrecision};
use std::io::Write;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output file: `.md` for Markdown, `.csv` for CSV (written atomically); default: a table
    /// on stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Keep reports of the same event from different articles apart.
    #[arg(long)]
    pub no_merge: bool,
    #[command(flatten)]
    pub filter: EventFilter,
}

/// The period label an event is grouped under.
pub fn period(e: &Event) -> String {
    match e.date {
        None => "undated".into(),
        Some(d) => match d.precision {
            TimePrecision::Day => d.date.format("%Y-%m-%d").to_string(),
            TimePrecision::Week => d.date.format("%G-W%V").to_string(),
            TimePrecision::Month => d.date.format("%Y-%m").to_string(),
            TimePrecision::Year => d.date.format("%Y").to_string(),
        },
    }
}

fn actors(e: &Event) -> String {
    let names = |v: &[frontline::model::Actor]| {
        v.iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    if e.targets.is_empty() {
        names(&e.agents)
    } else {
        format!("{} → {}", names(&e.agents), names(&e.targets))
    }
}

fn location(e: &Event) -> String {
    match &e.place {
        Some(p) => format!(
            "{} ({})",
            e.location.clone().unwrap_or_else(|| p.name.clone()),
            p.country_code
        ),
        None => e.location.clone().unwrap_or_default(),
    }
}

/// The rows of the timeline: (period, type, actors, location, fatalities, sources).
fn rows(events: &mut [Event]) -> Vec<[String; 6]> {
    events.sort_by(|a, b| {
        let ka = (a.date.map(|d| d.date), a.date.map(|d| d.precision));
        let kb = (b.date.map(|d| d.date), b.date.map(|d| d.precision));
        // undated last
        (ka.0.is_none(), ka)
            .cmp(&(kb.0.is_none(), kb))
            .then_with(|| a.event_type.cmp(&b.event_type))
            .then_with(|| a.id.cmp(&b.id))
    });
    events
        .iter()
        .map(|e| {
            [
                period(e),
                e.event_type.as_str().to_string(),
                actors(e),
                location(e),
                e.fatalities.map(|f| f.to_string()).unwrap_or_default(),
                e.evidence.len().to_string(),
            ]
        })
        .collect()
}

const HEADERS: [&str; 6] = [
    "date",
    "type",
    "actors",
    "location",
    "fatalities",
    "sources",
];

fn table(rows: &[[String; 6]], w: &mut dyn Write) -> std::io::Result<()> {
    let mut width = HEADERS.map(|h| h.chars().count());
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let line = |cells: [&str; 6]| {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c}{}", " ".repeat(width[i] - c.chars().count())))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(w, "{}", line(HEADERS))?;
    let mut last = "";
    for r in rows {
        // the date is written once per group
        let date = if r[0] == last { "" } else { r[0].as_str() };
        last = &r[0];
        writeln!(w, "{}", line([date, &r[1], &r[2], &r[3], &r[4], &r[5]]))?;
    }
    Ok(())
}

fn markdown(rows: &[[String; 6]], w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, "# Timeline\n")?;
    let mut last: Option<&str> = None;
    for r in rows {
        if last != Some(r[0].as_str()) {
            if last.is_some() {
                writeln!(w)?;
            }
            writeln!(w, "## {}\n", r[0])?;
            writeln!(w, "| type | actors | location | fatalities | sources |")?;
            writeln!(w, "|---|---|---|---|---|")?;
            last = Some(&r[0]);
        }
        let cell = |s: &str| s.replace('|', "\\|");
        writeln!(
            w,
            "| {} | {} | {} | {} | {} |",
            cell(&r[1]),
            cell(&r[2]),
            cell(&r[3]),
            r[4],
            r[5]
        )?;
    }
    Ok(())
}

pub fn run(args: TimelineArgs) -> Result<i32> {
    args.filter.validate()?;
    let pipeline = super::common::load_pipeline(args.input.gazetteer.as_deref())?;
    let (ingested, skipped) = ingest(&args.input.inputs, args.input.date);
    let mut events = pipeline.extract_all(&ingested.articles, !args.no_merge);
    events.retain(|e| args.filter.keep(e));
    let rows = rows(&mut events);
    let ext = args
        .output
        .as_ref()
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    write_output(args.output.as_deref(), |w| {
        match ext.as_deref() {
            Some("csv") => {
                let mut c = csv::Writer::from_writer(w);
                c.write_record(HEADERS)?;
                for r in &rows {
                    c.write_record(r)?;
                }
                c.flush()?;
            }
            Some("md") | Some("markdown") => markdown(&rows, w)?,
            _ => table(&rows, w)?,
        }
        Ok(())
    })?;
    Ok(if skipped { 1 } else { 0 })
}
