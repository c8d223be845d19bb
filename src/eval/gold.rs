//! The gold annotation format of `GUIDELINES.md` (`gold.jsonl`, one article a line).

use crate::model::{EventType, GeoPrecision, TimePrecision};
use crate::{Error, Result};
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// The gold events of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldDoc {
    pub id: String,
    /// Canonical actor name → other names that count as the same actor.
    pub aliases: HashMap<String, Vec<String>>,
    pub events: Vec<GoldEvent>,
}

/// One gold event, with every field of the gold format.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldEvent {
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// The date as given: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    pub time_precision: TimePrecision,
    /// Every acceptable day, `[first, last]`, when the text leaves a range.
    pub date_range: Option<(NaiveDate, NaiveDate)>,
    pub location: GoldLocation,
    pub actors: GoldActors,
    pub fatalities: Option<u32>,
    pub optional: bool,
    pub evidence: String,
    /// First day of the period `date` denotes (parsed from `date`).
    #[serde(skip)]
    pub start: NaiveDate,
}

/// `location` of a gold event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldLocation {
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geo_precision: GeoPrecision,
}

/// `actors` of a gold event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GoldActors {
    #[serde(default)]
    pub agent: Vec<String>,
    #[serde(default)]
    pub target: Vec<String>,
}

impl GoldEvent {
    /// The last day of the period `date` denotes at `time_precision` (the ISO week of `start`
    /// at week precision).
    pub fn period_end(&self) -> NaiveDate {
        period_bounds(self.start, self.time_precision).1
    }

    /// The point `(lat, lon)`, when both are given.
    pub fn point(&self) -> Option<(f64, f64)> {
        Some((self.location.lat?, self.location.lon?))
    }
}

/// First and last day of the period of `precision` containing `d`.
pub(crate) fn period_bounds(d: NaiveDate, precision: TimePrecision) -> (NaiveDate, NaiveDate) {
    match precision {
        TimePrecision::Day => (d, d),
        TimePrecision::Week => {
            let monday = d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
            (monday, monday + Duration::days(6))
        }
        TimePrecision::Month => {
            let first = d.with_day(1).unwrap_or(d);
            let next = if d.month() == 12 {
                NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
            };
            (first, next.map_or(d, |n| n - Duration::days(1)))
        }
        TimePrecision::Year => (
            NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d),
            NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d),
        ),
    }
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` to the first day of the period.
pub fn parse_partial_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let mut parts = s.split('-');
    let y = parts.next()?;
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = y.parse().ok()?;
    let mut num = |len_ok: fn(usize) -> bool| -> Option<Option<u32>> {
        match parts.next() {
            None => Some(None),
            Some(p) if len_ok(p.len()) && p.bytes().all(|b| b.is_ascii_digit()) => {
                Some(Some(p.parse().ok()?))
            }
            Some(_) => None,
        }
    };
    let m = num(|l| l == 2)?;
    let d = num(|l| l == 2)?;
    if parts.next().is_some() || (m.is_none() && d.is_some()) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m.unwrap_or(1), d.unwrap_or(1))
}

#[derive(Deserialize)]
struct RawDoc {
    id: String,
    #[serde(default)]
    aliases: HashMap<String, Vec<String>>,
    #[serde(default)]
    events: Vec<RawEvent>,
}

#[derive(Deserialize)]
struct RawEvent {
    #[serde(rename = "type")]
    event_type: String,
    date: String,
    time_precision: String,
    #[serde(default)]
    date_range: Option<Vec<String>>,
    location: GoldLocation,
    #[serde(default)]
    actors: GoldActors,
    #[serde(default)]
    fatalities: Option<serde_json::Value>,
    #[serde(default)]
    optional: Option<bool>,
    #[serde(default)]
    evidence: Option<String>,
}

fn convert_event(raw: RawEvent) -> std::result::Result<GoldEvent, String> {
    let event_type = EventType::parse(&raw.event_type)
        .ok_or_else(|| format!("unknown event type {:?}", raw.event_type))?;
    let time_precision = TimePrecision::parse(&raw.time_precision)
        .ok_or_else(|| format!("unknown time_precision {:?}", raw.time_precision))?;
    let start = parse_partial_date(&raw.date)
        .ok_or_else(|| format!("bad date {:?} (want YYYY, YYYY-MM or YYYY-MM-DD)", raw.date))?;
    let start = period_bounds(start, time_precision).0;
    let date_range = match raw.date_range {
        None => None,
        Some(r) => {
            if r.len() != 2 {
                return Err(format!("date_range must have 2 dates, has {}", r.len()));
            }
            let parse = |s: &str| {
                NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                    .map_err(|_| format!("bad date_range date {s:?} (want YYYY-MM-DD)"))
            };
            let (a, b) = (parse(&r[0])?, parse(&r[1])?);
            if b < a {
                return Err(format!("date_range [{a}, {b}] ends before it starts"));
            }
            Some((a, b))
        }
    };
    let fatalities = match raw.fatalities {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::Number(n)) => Some(
            n.as_u64()
                .and_then(|v| u32::try_from(v).ok())
                .ok_or_else(|| format!("bad fatalities {n}"))?,
        ),
        Some(v) => return Err(format!("bad fatalities {v} (want a number)")),
    };
    Ok(GoldEvent {
        event_type,
        date: raw.date,
        time_precision,
        date_range,
        location: raw.location,
        actors: raw.actors,
        fatalities,
        optional: raw.optional.unwrap_or(false),
        evidence: raw.evidence.unwrap_or_default(),
        start,
    })
}

/// Parses gold JSON Lines text; `origin` names the source in errors (`origin:line: ...`).
pub fn parse_gold(text: &str, origin: &str) -> Result<Vec<GoldDoc>> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let lineno = i + 1;
        let err = |message: String| Error::Input {
            origin: format!("{origin}:{lineno}"),
            message,
        };
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawDoc =
            serde_json::from_str(line).map_err(|e| err(format!("malformed gold line: {e}")))?;
        let mut events = Vec::with_capacity(raw.events.len());
        for (k, ev) in raw.events.into_iter().enumerate() {
            events.push(convert_event(ev).map_err(|m| err(format!("event {k}: {m}")))?);
        }
        if let Some(prev) = seen.insert(raw.id.clone(), lineno) {
            return Err(err(format!(
                "duplicate article id {:?} (first on line {prev})",
                raw.id
            )));
        }
        docs.push(GoldDoc {
            id: raw.id,
            aliases: raw.aliases,
            events,
        });
    }
    Ok(docs)
}

/// Loads a `gold.jsonl` file. Errors name the file and the line.
pub fn load_gold(path: &Path) -> Result<Vec<GoldDoc>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| Error::Input {
        origin: path.display().to_string(),
        message: format!("invalid UTF-8: {e}"),
    })?;
    parse_gold(&text, &path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn partial_dates_parse_to_first_day() {
        assert_eq!(parse_partial_date("2021-07-08"), Some(d("2021-07-08")));
        assert_eq!(parse_partial_date("2021-05"), Some(d("2021-05-01")));
        assert_eq!(parse_partial_date("2015"), Some(d("2015-01-01")));
        assert_eq!(parse_partial_date("2021-13"), None);
        assert_eq!(parse_partial_date("21-05"), None);
        assert_eq!(parse_partial_date("2021-5-1"), None);
        assert_eq!(parse_partial_date("2021-05-01-02"), None);
        assert_eq!(parse_partial_date(""), None);
    }

    #[test]
    fn periods_have_the_right_bounds() {
        // 2016-12-13 is a Tuesday: ISO week Mon 12 .. Sun 18.
        assert_eq!(
            period_bounds(d("2016-12-13"), TimePrecision::Week),
            (d("2016-12-12"), d("2016-12-18"))
        );
        assert_eq!(
            period_bounds(d("2020-02-10"), TimePrecision::Month),
            (d("2020-02-01"), d("2020-02-29"))
        );
        assert_eq!(
            period_bounds(d("2020-12-10"), TimePrecision::Month),
            (d("2020-12-01"), d("2020-12-31"))
        );
        assert_eq!(
            period_bounds(d("2020-06-10"), TimePrecision::Year),
            (d("2020-01-01"), d("2020-12-31"))
        );
    }

    const LINE: &str = r#"{"id": "a1", "aliases": {"Rebels": ["the fighters"]}, "events": [{"type": "seizure", "date": "2020-03", "time_precision": "month", "date_range": ["2020-03-01", "2020-04-02"], "location": {"name": "Town", "country": "XX", "admin1": null, "lat": 1.5, "lon": 2.5, "geo_precision": "point"}, "actors": {"agent": ["Rebels"], "target": []}, "fatalities": 12, "optional": true, "evidence": "They took the town."}]}"#;

    #[test]
    fn reads_every_field() {
        let docs = parse_gold(LINE, "g.jsonl").unwrap();
        assert_eq!(docs.len(), 1);
        let doc = &docs[0];
        assert_eq!(doc.id, "a1");
        assert_eq!(doc.aliases["Rebels"], vec!["the fighters".to_string()]);
        let e = &doc.events[0];
        assert_eq!(e.event_type, EventType::Seizure);
        assert_eq!(e.date, "2020-03");
        assert_eq!(e.start, d("2020-03-01"));
        assert_eq!(e.period_end(), d("2020-03-31"));
        assert_eq!(e.time_precision, TimePrecision::Month);
        assert_eq!(e.date_range, Some((d("2020-03-01"), d("2020-04-02"))));
        assert_eq!(e.location.name, "Town");
        assert_eq!(e.location.country.as_deref(), Some("XX"));
        assert_eq!(e.location.admin1, None);
        assert_eq!(e.point(), Some((1.5, 2.5)));
        assert_eq!(e.location.geo_precision, GeoPrecision::Point);
        assert_eq!(e.actors.agent, vec!["Rebels".to_string()]);
        assert!(e.actors.target.is_empty());
        assert_eq!(e.fatalities, Some(12));
        assert!(e.optional);
        assert_eq!(e.evidence, "They took the town.");
    }

    #[test]
    fn errors_name_file_and_line() {
        let text = format!("{LINE}\n\n{{\"id\": \"b\", \"events\": [{{\"type\": \"picnic\"}}]}}\n");
        let e = parse_gold(&text, "g.jsonl").unwrap_err().to_string();
        assert!(e.starts_with("g.jsonl:3:"), "{e}");

        let bad_type = LINE.replace("\"seizure\"", "\"picnic\"");
        let e = parse_gold(&bad_type, "g.jsonl").unwrap_err().to_string();
        assert!(e.contains("g.jsonl:1") && e.contains("picnic"), "{e}");

        let bad_date = LINE.replace("\"2020-03\"", "\"March 2020\"");
        let e = parse_gold(&bad_date, "g.jsonl").unwrap_err().to_string();
        assert!(e.contains("bad date"), "{e}");

        let dup = format!("{LINE}\n{LINE}\n");
        let e = parse_gold(&dup, "g.jsonl").unwrap_err().to_string();
        assert!(e.contains("g.jsonl:2") && e.contains("duplicate"), "{e}");

        let e = parse_gold("not json", "g.jsonl").unwrap_err().to_string();
        assert!(e.starts_with("g.jsonl:1:"), "{e}");
    }

    #[test]
    fn load_gold_reports_missing_file() {
        let e = load_gold(Path::new("/nonexistent/gold.jsonl"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("/nonexistent/gold.jsonl"), "{e}");
    }
}
