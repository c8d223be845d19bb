//! Event filters shared by `extract` and `timeline`.

use super::common::parse_date;
use clap::Args;
use frontline::model::{Event, EventType};

#[derive(Args, Debug, Clone, Default)]
pub struct EventFilter {
    /// Keep only these event types (repeatable or comma-separated).
    #[arg(long = "type", value_delimiter = ',')]
    pub types: Vec<String>,
    /// Keep only events in these countries (ISO codes, repeatable or comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub country: Vec<String>,
    /// Keep only events where an actor's name contains this text (case-insensitive).
    #[arg(long)]
    pub actor: Option<String>,
    /// Keep only events on or after this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub from: Option<chrono::NaiveDate>,
    /// Keep only events on or before this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub to: Option<chrono::NaiveDate>,
    /// Keep only events inside this box: min_lon,min_lat,max_lon,max_lat.
    #[arg(long, value_delimiter = ',', num_args = 4)]
    pub bbox: Vec<f64>,
}

impl EventFilter {
    /// Checks the filter's values.
    pub fn validate(&self) -> anyhow::Result<()> {
        for t in &self.types {
            if EventType::parse(t).is_none() {
                let all: Vec<&str> = EventType::every().map(|t| t.as_str()).collect();
                anyhow::bail!("unknown event type {t:?} (one of: {})", all.join(", "));
            }
        }
        if !self.bbox.is_empty() && self.bbox.len() != 4 {
            anyhow::bail!("--bbox takes min_lon,min_lat,max_lon,max_lat");
        }
        Ok(())
    }

    pub fn keep(&self, e: &Event) -> bool {
        if !self.types.is_empty() && !self.types.iter().any(|t| t == e.event_type.as_str()) {
            return false;
        }
        let place = e.place.as_ref();
        if !self.country.is_empty()
            && !place.is_some_and(|p| {
                self.country
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(&p.country_code))
            })
        {
            return false;
        }
        if let Some(a) = &self.actor {
            let a = a.to_lowercase();
            if !e
                .agents
                .iter()
                .chain(&e.targets)
                .any(|x| x.name.to_lowercase().contains(&a))
            {
                return false;
            }
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(d) = e.date else { return false };
            let (start, end) = frontline::graph::merge::date_range(&d);
            if self.from.is_some_and(|f| end < f) || self.to.is_some_and(|t| start > t) {
                return false;
            }
        }
        if let [min_lon, min_lat, max_lon, max_lat] = self.bbox[..] {
            let Some(p) = place else { return false };
            if p.longitude < min_lon
                || p.longitude > max_lon
                || p.latitude < min_lat
                || p.latitude > max_lat
            {
                return false;
            }
        }
        true
    }
}
