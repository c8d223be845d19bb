//! Benchmark: merging 1 million synthetic events across articles.
//!
//! `cargo bench --bench merge [-- N]`. Events have a realistic spread: 13 types weighted
//! towards battles, 60 countries with 300 places each, dates over five years at mixed
//! precision, and about one event in three re-reported by another outlet (nearby spelling,
//! same day). Prints time and peak memory (VmHWM) for each of several runs and their median.

use chrono::{Duration, NaiveDate};
use frontline::graph::merge_across;
use frontline::model::*;
use std::time::Instant;

/// A small deterministic generator (xorshift), so every run merges the same events.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn synthetic(n: usize) -> Vec<Event> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let weights = [30, 20, 6, 6, 4, 10, 8, 5, 6, 2, 2, 4, 7];
    let total: u64 = weights.iter().sum();
    let start = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or_default();
    let mut out = Vec::with_capacity(n);
    let mut i = 0usize;
    while out.len() < n {
        let mut r = rng.below(total);
        let mut t = 0;
        while r >= weights[t] {
            r -= weights[t];
            t += 1;
        }
        let country = rng.below(60);
        let place_no = rng.below(300);
        let day = start + Duration::days(rng.below(5 * 365) as i64);
        let precision = match rng.below(20) {
            0 => TimePrecision::Month,
            1 => TimePrecision::Week,
            _ => TimePrecision::Day,
        };
        let copies = if rng.below(3) == 0 { 2 } else { 1 };
        let group = rng.below(8) + country * 8;
        for c in 0..copies {
            i += 1;
            let lat = (country as f64) * 2.0 - 60.0 + (place_no as f64) * 0.05 + c as f64 * 0.01;
            let lon = (country as f64) * 5.0 - 150.0 + (place_no as f64) * 0.05;
            out.push(Event {
                id: format!("{i:016x}"),
                event_type: EventType::ALL[t],
                acled_event_type: String::new(),
                acled_sub_event_type: String::new(),
                cameo_code: String::new(),
                date: Some(EventDate {
                    date: day,
                    precision,
                }),
                date_explicit: true,
                agents: vec![Actor {
                    name: format!("group-{group}"),
                    actor_type: Some(ActorType::Rebels),
                    country: None,
                }],
                targets: vec![],
                location: None,
                place: Some(Place {
                    geonameid: None,
                    name: format!("place-{country}-{place_no}-{c}"),
                    country_code: format!("C{country:02}"),
                    country: format!("Country {country}"),
                    admin1: Some(format!("A{}", place_no / 30)),
                    admin2: None,
                    latitude: lat,
                    longitude: lon,
                    feature_code: "PPL".into(),
                    population: 1000,
                    precision: GeoPrecision::Point,
                }),
                fatalities: None,
                evidence: vec![Evidence {
                    doc_id: format!("doc-{}", i / 3 + c * 7_000_000),
                    source: None,
                    url: None,
                    published: None,
                    sentence: String::new(),
                    span: Span::default(),
                    char_start: 0,
                    char_end: 0,
                    trigger: String::new(),
                    rule: String::new(),
                }],
                confidence: 0.5,
            });
        }
    }
    out.truncate(n);
    out
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let runs = 3;
    let mut times = Vec::new();
    for run in 1..=runs {
        let events = synthetic(n);
        let t = Instant::now();
        let merged = merge_across(events);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "run {run}: merged {n} events into {} in {secs:.2} s; peak RSS so far {:.0} MB",
            merged.len(),
            peak_rss_mb()
        );
        times.push(secs);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "merge: median {:.2} s over {runs} runs for {n} events ({:.0} events/s); peak RSS {:.0} MB",
        times[runs / 2],
        n as f64 / times[runs / 2],
        peak_rss_mb()
    );
}
