//! Scoring of ACLED sub-event coding on labelled snippets: a CSV (or TSV) with one snippet a
//! row, as ACLED's exports give them (`notes` and `sub_event_type`) or as our own test file
//! writes them (`text` and `acled_sub_event_type`). Each snippet is run through the pipeline as
//! an article of its own; its coding is the ACLED sub-event type of its lead event (of its
//! first sentence that reports events, the one ACLED's precedence codes: the territory taken
//! rather than the battle for it), and it is *found* when any of its events has the type.
//!
//! Columns, by header name (case-insensitive): the text (`notes` or `text`, required), the
//! label (`sub_event_type` or `acled_sub_event_type`, required), an id (`event_id_cnty`, `id`;
//! else the row number) and a reference date (`published`, else `event_date`: ACLED notes
//! date events against it, "On 3 March, ...").

use crate::model::{Article, Event, PublishedFrom};
use crate::pipeline::Pipeline;
use crate::{Error, Result};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// One labelled snippet.
#[derive(Debug, Clone, PartialEq)]
pub struct Snippet {
    pub id: String,
    pub text: String,
    pub sub_event_type: String,
    pub published: Option<NaiveDate>,
}

/// Counts for one labelled sub-event type.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct SubTypeScore {
    pub snippets: usize,
    /// The lead event has the label.
    pub lead_correct: usize,
    /// Some event has the label.
    pub found: usize,
    /// No event at all.
    pub no_event: usize,
}

/// A snippet whose lead event is not of its labelled type.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Miss {
    pub id: String,
    pub gold: String,
    /// The lead event's sub-event type, empty where no event was found.
    pub predicted: String,
}

/// The scores over a file of snippets.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct AcledReport {
    pub snippets: usize,
    pub lead_correct: usize,
    pub found: usize,
    pub no_event: usize,
    /// Share of snippets whose lead event has the labelled sub-event type.
    pub lead_accuracy: f64,
    /// Share of snippets with some event of the labelled sub-event type.
    pub found_rate: f64,
    pub per_sub_type: BTreeMap<String, SubTypeScore>,
    pub misses: Vec<Miss>,
}

/// Reads a labelled snippet file (CSV, or TSV when the header holds a tab; `#` lines before
/// the header are comments).
pub fn read_snippets(path: &Path) -> Result<Vec<Snippet>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_snippets(&text, &path.display().to_string())
}

/// Parses a labelled snippet file; `origin` names it in errors.
pub fn parse_snippets(text: &str, origin: &str) -> Result<Vec<Snippet>> {
    // leading comment lines (our TSV documents itself) are skipped, keeping line numbers
    let skipped = text
        .lines()
        .take_while(|l| l.starts_with('#') || l.trim().is_empty())
        .count();
    let body: String = text.lines().skip(skipped).collect::<Vec<_>>().join("\n");
    let header_line = body.lines().next().unwrap_or("");
    let delimiter = if header_line.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .quoting(delimiter == b',')
        .from_reader(body.as_bytes());
    let bad = |line: usize, message: String| Error::Input {
        origin: format!("{origin}:{}", line + skipped),
        message,
    };
    let headers = rdr
        .headers()
        .map_err(|e| bad(1, format!("unreadable header: {e}")))?
        .clone();
    let col = |names: &[&str]| {
        headers
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    };
    let c_text = col(&["notes", "text"])
        .ok_or_else(|| bad(1, "header has no `notes` or `text` column".into()))?;
    let c_sub = col(&["sub_event_type", "acled_sub_event_type"]).ok_or_else(|| {
        bad(
            1,
            "header has no `sub_event_type` or `acled_sub_event_type` column".into(),
        )
    })?;
    let c_id = col(&["event_id_cnty", "id"]);
    let c_date = col(&["published"]).or_else(|| col(&["event_date"]));
    let mut out = Vec::new();
    for (n, rec) in rdr.records().enumerate() {
        let line = n + 2;
        let rec = rec.map_err(|e| bad(line, format!("malformed row: {e}")))?;
        let get = |c: usize| rec.get(c).map(str::trim).unwrap_or("");
        let text = get(c_text);
        let sub = get(c_sub);
        if text.is_empty() || sub.is_empty() {
            return Err(bad(line, "empty text or sub-event type".into()));
        }
        let published = match c_date.map(get).filter(|s| !s.is_empty()) {
            None => None,
            Some(d) => Some(parse_day(d).ok_or_else(|| bad(line, format!("bad date {d:?}")))?),
        };
        out.push(Snippet {
            id: c_id
                .map(get)
                .filter(|s| !s.is_empty())
                .map_or_else(|| format!("row{line}"), str::to_string),
            text: text.to_string(),
            sub_event_type: sub.to_string(),
            published,
        });
    }
    Ok(out)
}

/// ISO dates, and ACLED's "03 March 2023" / "3 March 2023".
fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d %B %Y"))
        .ok()
}

/// ACLED's precedence among the sub-event types one sentence can report (its codebook codes
/// one event): a change of territory outranks the battle that made it, remote violence and
/// violence against civilians outrank an armed clash, a riot outranks the protest's policing,
/// which outranks arrests. Types not listed rank last.
const PRECEDENCE: [&str; 24] = [
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
    "Chemical weapon",
    "Suicide bomb",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Sexual violence",
    "Abduction/forced disappearance",
    "Mob violence",
    "Violent demonstration",
    "Excessive force against protesters",
    "Protest with intervention",
    "Attack",
    "Armed clash",
    "Peaceful protest",
    "Agreement",
    "Arrests",
    "Disrupted weapons use",
    "Looting/property destruction",
    "Headquarters or base established",
    "Change to group/activity",
];

fn precedence(sub: &str) -> usize {
    PRECEDENCE
        .iter()
        .position(|p| *p == sub)
        .unwrap_or(PRECEDENCE.len())
}

/// The lead event of a snippet: of the events its first eventful sentence reports, the one
/// ACLED's precedence codes ([`PRECEDENCE`]).
fn lead(events: &[Event]) -> Option<&Event> {
    events.iter().min_by_key(|e| {
        let sentence = e.evidence.first().map_or(usize::MAX, |x| x.span.start);
        (sentence, precedence(&e.acled_sub_event_type))
    })
}

/// Runs every snippet through `pipeline` and scores the sub-event types.
pub fn evaluate(pipeline: &Pipeline, snippets: &[Snippet]) -> AcledReport {
    let mut r = AcledReport::default();
    for s in snippets {
        let article = Article {
            id: s.id.clone(),
            text: s.text.clone(),
            published: s.published,
            published_from: PublishedFrom::Field,
            source: None,
            url: None,
            origin: "snippets".into(),
        };
        let events = pipeline.extract(&article);
        let score = r.per_sub_type.entry(s.sub_event_type.clone()).or_default();
        score.snippets += 1;
        r.snippets += 1;
        let predicted = lead(&events).map_or("", |e| e.acled_sub_event_type.as_str());
        if events.is_empty() {
            score.no_event += 1;
            r.no_event += 1;
        }
        if predicted == s.sub_event_type {
            score.lead_correct += 1;
            r.lead_correct += 1;
        } else {
            r.misses.push(Miss {
                id: s.id.clone(),
                gold: s.sub_event_type.clone(),
                predicted: predicted.to_string(),
            });
        }
        if events
            .iter()
            .any(|e| e.acled_sub_event_type == s.sub_event_type)
        {
            score.found += 1;
            r.found += 1;
        }
    }
    let share = |a: usize| {
        if r.snippets == 0 {
            0.0
        } else {
            a as f64 / r.snippets as f64
        }
    };
    r.lead_accuracy = share(r.lead_correct);
    r.found_rate = share(r.found);
    r
}

impl fmt::Display for AcledReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} snippets: lead event's sub-event type correct {} ({:.3}); some event of the type {} ({:.3}); no event {}",
            self.snippets,
            self.lead_correct,
            self.lead_accuracy,
            self.found,
            self.found_rate,
            self.no_event
        )?;
        writeln!(
            f,
            "{:<40} {:>5} {:>5} {:>5} {:>5}",
            "sub-event type", "n", "lead", "found", "none"
        )?;
        for (t, s) in &self.per_sub_type {
            writeln!(
                f,
                "{:<40} {:>5} {:>5} {:>5} {:>5}",
                t, s.snippets, s.lead_correct, s.found, s.no_event
            )?;
        }
        if f.alternate() {
            for m in &self.misses {
                let p = if m.predicted.is_empty() {
                    "(no event)"
                } else {
                    &m.predicted
                };
                writeln!(f, "  {}: {} coded as {}", m.id, m.gold, p)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_acled_exports_and_our_tsv() {
        let csv = "event_id_cnty,event_date,event_type,sub_event_type,notes\n\
                   XX1,03 March 2023,Battles,Armed clash,\"On 3 March 2023, soldiers clashed with rebels.\"\n";
        let s = parse_snippets(csv, "t.csv").unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].id, "XX1");
        assert_eq!(s[0].sub_event_type, "Armed clash");
        assert_eq!(s[0].published, NaiveDate::from_ymd_opt(2023, 3, 3));
        let tsv = "# a comment\nid\tacled_sub_event_type\ttext\na\tGrenade\tA grenade went off.\n";
        let s = parse_snippets(tsv, "t.tsv").unwrap();
        assert_eq!(s[0].id, "a");
        assert_eq!(s[0].text, "A grenade went off.");
        assert_eq!(s[0].published, None);
    }

    #[test]
    fn acled_precedence_codes_the_territory_not_the_battle() {
        assert!(precedence("Government regains territory") < precedence("Armed clash"));
        assert!(precedence("Air/drone strike") < precedence("Attack"));
        assert!(precedence("Violent demonstration") < precedence("Protest with intervention"));
        assert!(precedence("Protest with intervention") < precedence("Arrests"));
        assert_eq!(precedence("Something else"), PRECEDENCE.len());
    }

    #[test]
    fn bad_rows_name_the_file_and_line() {
        let e = parse_snippets("notes,sub_event_type\nsome text,\n", "s.csv").unwrap_err();
        assert!(e.to_string().contains("s.csv:2"), "{e}");
        let e = parse_snippets("notes\nx\n", "s.csv").unwrap_err();
        assert!(e.to_string().contains("sub_event_type"), "{e}");
        let e = parse_snippets(
            "id\tsub_event_type\ttext\tpublished\na\tOther\tx\tsoon\n",
            "s.tsv",
        )
        .unwrap_err();
        assert!(e.to_string().contains("bad date"), "{e}");
    }
}
