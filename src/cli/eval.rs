//! `frontline eval`: score extraction against gold annotations (`GUIDELINES.md`), or a stage
//! against a corpus (`--places`, `--timeml`, `--wikiwars`), or ACLED sub-event coding on
//! labelled snippets (`--acled`).

use super::common::{ingest, load_pipeline, parse_date};
use chrono::NaiveDate;
use clap::Args;
use frontline::eval::{load_gold, read_predictions_csv, score, Prediction};
use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Gold annotations, one article a line (gold.jsonl).
    #[arg(value_name = "GOLD.jsonl", required_unless_present_any = ["places", "timeml", "wikiwars", "acled"])]
    pub gold: Option<PathBuf>,
    /// The articles the gold annotates (articles.jsonl); events are extracted from them unless
    /// --pred is given.
    #[arg(value_name = "ARTICLES.jsonl", required_unless_present_any = ["pred", "places", "timeml", "wikiwars", "acled"])]
    pub articles: Option<PathBuf>,
    /// Score this CSV of predictions (the `extract` output) instead of extracting.
    #[arg(long, value_name = "PRED.csv")]
    pub pred: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also list the unmatched gold events and predictions (always in the JSON).
    #[arg(long, short)]
    pub verbose: bool,
    /// Gazetteer directory (default: $FRONTLINE_GAZETTEER, else the source tree's gazetteer/).
    #[arg(long, value_name = "DIR")]
    pub gazetteer: Option<PathBuf>,
    /// Publication date for articles whose date is neither a field nor in the text.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Score place resolution against a GeoWebNews-style XML file (GWN.xml).
    #[arg(long, value_name = "FILE")]
    pub places: Option<PathBuf>,
    /// Score the temporal tagger against a folder of TimeML files (TIMEX3).
    #[arg(long, value_name = "DIR")]
    pub timeml: Option<PathBuf>,
    /// Score the temporal tagger against WikiWars (TIMEX2 values): the check of anchoring.
    #[arg(long, value_name = "DIR")]
    pub wikiwars: Option<PathBuf>,
    /// Score ACLED sub-event coding on labelled snippets (CSV or TSV with `notes`/`text` and
    /// `sub_event_type`/`acled_sub_event_type` columns, as ACLED exports give them).
    #[arg(long, value_name = "FILE")]
    pub acled: Option<PathBuf>,
    /// With --timeml / --wikiwars: list the misses, spurious expressions and value mismatches
    /// (to stderr) over all expressions, over DATE/TIME alone with `--errors dt`, or with the
    /// correct matches too with `--errors ok`.
    #[arg(long, value_name = "all|dt|ok", num_args = 0..=1, default_missing_value = "all",
          value_parser = ["all", "dt", "ok"])]
    pub errors: Option<String>,
}

/// One section of the output: a name, its JSON (pretty-printed, fields in declaration order)
/// and its text.
struct Section {
    name: &'static str,
    json: String,
    text: String,
}

pub fn run(args: EvalArgs) -> anyhow::Result<i32> {
    let mut sections: Vec<Section> = Vec::new();
    let mut code = 0;

    if let Some(gold_path) = &args.gold {
        let mut gold = load_gold(gold_path)?;
        // (the gazetteer names the regions the places are compared by)
        let pipeline = load_pipeline(args.gazetteer.as_deref())?;
        let mut preds: Vec<Prediction> = match (&args.pred, &args.articles) {
            (Some(pred), _) => read_predictions_csv(pred)?,
            (None, Some(articles)) => {
                let (ingested, skipped) = ingest(std::slice::from_ref(articles), args.date);
                if skipped {
                    code = 1;
                }
                let ids: HashSet<&str> = ingested.articles.iter().map(|a| a.id.as_str()).collect();
                for doc in &gold {
                    if !ids.contains(doc.id.as_str()) {
                        eprintln!(
                            "frontline: warning: gold article {:?} is not among the articles; its events count as missed",
                            doc.id
                        );
                    }
                }
                ingested
                    .articles
                    .iter()
                    .flat_map(|a| pipeline.extract(a))
                    .map(|e| Prediction::from(&e))
                    .collect()
            }
            (None, None) => anyhow::bail!("give ARTICLES.jsonl or --pred PRED.csv"),
        };
        frontline::eval::canonical_admin1(&mut gold, &mut preds, &pipeline.gazetteer);
        let report = score(&gold, &preds);
        if report.unscored_predictions > 0 {
            eprintln!(
                "frontline: warning: {} predictions for articles without gold were not scored",
                report.unscored_predictions
            );
        }
        sections.push(Section {
            name: "events",
            json: serde_json::to_string_pretty(&report)?,
            text: if args.verbose {
                format!("{report:#}")
            } else {
                format!("{report}")
            },
        });
    }

    if let Some(path) = &args.acled {
        let snippets = frontline::eval::acled::read_snippets(path)?;
        let pipeline = load_pipeline(args.gazetteer.as_deref())?;
        let r = frontline::eval::acled::evaluate(&pipeline, &snippets);
        sections.push(Section {
            name: "acled",
            json: serde_json::to_string_pretty(&r)?,
            text: if args.verbose {
                format!("{r:#}")
            } else {
                format!("{r}")
            },
        });
    }

    if let Some(path) = &args.places {
        let dir = args
            .gazetteer
            .clone()
            .unwrap_or_else(frontline::default_gazetteer_dir);
        let gaz = frontline::places::Gazetteer::load(&dir)?;
        let r = frontline::places::gwn::evaluate_gwn(&gaz, path)?;
        sections.push(Section {
            name: "places",
            json: serde_json::to_string_pretty(&r)?,
            // -v lists the far resolutions.
            text: if args.verbose {
                format!("{r:#}")
            } else {
                r.to_string()
            },
        });
    }
    if args.timeml.is_some() || args.wikiwars.is_some() {
        let dir = args
            .gazetteer
            .clone()
            .unwrap_or_else(frontline::default_gazetteer_dir);
        let tagger = frontline::time::TimeTagger::load(&dir)?;
        let listing = match args.errors.as_deref() {
            Some("dt") => Some(frontline::time::timeml::ErrorListing::DateTime),
            Some("ok") => Some(frontline::time::timeml::ErrorListing::WithMatches),
            Some(_) => Some(frontline::time::timeml::ErrorListing::All),
            None => None,
        };
        let run = |dir: &PathBuf, wikiwars: bool| -> anyhow::Result<_> {
            use frontline::time::timeml::{
                evaluate_timeml, evaluate_wikiwars, evaluate_with_errors,
            };
            Ok(match listing {
                Some(l) => {
                    let (r, errors) = evaluate_with_errors(&tagger, dir, wikiwars, l)?;
                    for e in &errors {
                        eprintln!("{e}");
                    }
                    r
                }
                None if wikiwars => evaluate_wikiwars(&tagger, dir)?,
                None => evaluate_timeml(&tagger, dir)?,
            })
        };
        if let Some(dir) = &args.timeml {
            let r = run(dir, false)?;
            sections.push(Section {
                name: "timeml",
                json: serde_json::to_string_pretty(&r)?,
                text: r.to_string(),
            });
        }
        if let Some(dir) = &args.wikiwars {
            let r = run(dir, true)?;
            sections.push(Section {
                name: "wikiwars",
                json: serde_json::to_string_pretty(&r)?,
                text: r.to_string(),
            });
        }
    }

    print_sections(&sections, args.json)?;
    Ok(code)
}

/// One section prints as it is; several print under their names (a JSON object keyed by name).
/// Written through one lock on stdout, so a closed pipe (`| head`) is an error the caller
/// sees, not a panic.
fn print_sections(sections: &[Section], json: bool) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        match sections {
            [one] => writeln!(out, "{}", one.json)?,
            _ => {
                // Section names are plain identifiers: no escaping needed.
                let body: Vec<String> = sections
                    .iter()
                    .map(|s| format!("\"{}\": {}", s.name, s.json))
                    .collect();
                writeln!(out, "{{\n{}\n}}", body.join(",\n"))?;
            }
        }
    } else {
        for (i, s) in sections.iter().enumerate() {
            if sections.len() > 1 {
                if i > 0 {
                    writeln!(out)?;
                }
                writeln!(out, "== {} ==", s.name)?;
            }
            write!(out, "{}", s.text)?;
        }
    }
    out.flush()?;
    Ok(())
}
