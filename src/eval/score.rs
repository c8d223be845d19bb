//! Matching predictions to gold events and computing the figures, exactly by the "Scoring"
//! section of `GUIDELINES.md`.
//!
//! Readings of the rules where the text leaves a choice (all stated in the report notes too):
//! - Dates, as written ("lies in the gold `date_range`, or within 1 day ... at `day`, ..."):
//!   the predicted date agrees when it lies in the gold `date_range` (where given) OR by the
//!   gold precision (day: within 1 day; week: same ISO week; month: same month; year: same
//!   year). The range never narrows the precision rule: a month-precision prediction (dated the
//!   1st, as the CSV contract says) of a gold "2020-09" event with range [09-15, 09-30] agrees.
//!   The predicted date is the CSV's `event_date` (first day of its period).
//! - Places: within 50 km of the gold point always agrees; where the gold `geo_precision` is
//!   `admin1` or `admin2` the same admin1 also agrees (folded names, a trailing
//!   "province"/"state"/"region"/"governorate"/"oblast"/"department" ignored, and the same
//!   country where both give one); where it is `country`, the same country also agrees.
//! - One to one, best first within each article: candidate pairs sorted by place distance
//!   (km, a prediction without coordinates counts as infinitely far), then date distance (days
//!   from the predicted date to the gold date's period), then non-optional gold before optional,
//!   then gold order, then prediction order; taken greedily.
//! - Optional gold events, and the predictions matched to them, leave every count.
//! - Predictions for an article that has no gold line are not scored (counted in
//!   `unscored_predictions`); nor are predictions of the extension types (looting,
//!   weapons_seizure, base_established), which the guidelines do not count as events (counted
//!   in `extension_predictions`).
//! - Field accuracies are over the matched non-optional pairs; `target_found` leaves out the
//!   pairs whose gold target list is empty (counted in `empty_gold_target`), and likewise
//!   `agent_found` for an empty gold agent list.

use super::gold::{GoldDoc, GoldEvent};
use crate::model::{Event, EventDate, EventType, GeoPrecision, TimePrecision};
use crate::text::fold;
use crate::{Error, Result};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;

/// Distance (km) within which a predicted place agrees with the gold point.
pub const MATCH_KM: f64 = 50.0;
/// Distance (km) within which a matched place counts as right.
pub const PLACE_OK_KM: f64 = 25.0;
/// Trailing words ignored when comparing admin1 names ("Shan State" = "Shan", "Kherson Oblast"
/// = "Kherson": GeoNames snapshots differ on them).
const ADMIN1_SUFFIXES: [&str; 6] = [
    "province",
    "state",
    "region",
    "governorate",
    "oblast",
    "department",
];

/// One predicted event, as far as scoring needs it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prediction {
    pub doc_id: String,
    pub event_type: EventType,
    pub date: Option<EventDate>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub country_code: Option<String>,
    pub admin1: Option<String>,
    pub geo_precision: Option<GeoPrecision>,
    pub agents: Vec<String>,
    pub targets: Vec<String>,
    pub fatalities: Option<u32>,
}

impl From<&Event> for Prediction {
    fn from(e: &Event) -> Self {
        let place = e.place.as_ref();
        Prediction {
            doc_id: e.doc_id().to_string(),
            event_type: e.event_type,
            date: e.date,
            latitude: place.map(|p| p.latitude),
            longitude: place.map(|p| p.longitude),
            country_code: place
                .map(|p| p.country_code.clone())
                .filter(|c| !c.is_empty()),
            admin1: place.and_then(|p| p.admin1.clone()),
            geo_precision: place.map(|p| p.precision),
            agents: e.agents.iter().map(|a| a.name.clone()).collect(),
            targets: e.targets.iter().map(|a| a.name.clone()).collect(),
            fatalities: e.fatalities,
        }
    }
}

impl Prediction {
    fn point(&self) -> Option<(f64, f64)> {
        Some((self.latitude?, self.longitude?))
    }
}

/// Reads predictions from a CSV in the output contract of issue 3 (columns found by header
/// name; `doc_id` and `event_type` are required, every other column may be missing or empty).
/// `actor1` + `assoc_actor_1` (`;`-separated) are the agents, `actor2` + `assoc_actor_2` the
/// targets. A row whose `doc_id` names several articles (`a;b`, an event merged across
/// articles) gives one prediction for each. Errors name the file and line.
pub fn read_predictions_csv(path: &Path) -> Result<Vec<Prediction>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    read_predictions(file, &path.display().to_string())
}

/// [`read_predictions_csv`] from any reader; `origin` names the source in errors.
pub fn read_predictions<R: std::io::Read>(reader: R, origin: &str) -> Result<Vec<Prediction>> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(reader);
    let headers = rdr
        .headers()
        .map_err(|e| Error::Input {
            origin: format!("{origin}:1"),
            message: format!("cannot read CSV header: {e}"),
        })?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().trim_start_matches('\u{feff}') == name)
    };
    let need = |name: &str| {
        col(name).ok_or_else(|| Error::Input {
            origin: format!("{origin}:1"),
            message: format!("CSV header has no `{name}` column"),
        })
    };
    let c_doc = need("doc_id")?;
    let c_type = need("event_type")?;
    let c_date = col("event_date");
    let c_prec = col("time_precision");
    let c_lat = col("latitude");
    let c_lon = col("longitude");
    let c_cc = col("country_code");
    let c_adm1 = col("admin1");
    let c_geo = col("geo_precision");
    let c_a1 = col("actor1");
    let c_aa1 = col("assoc_actor_1");
    let c_a2 = col("actor2");
    let c_aa2 = col("assoc_actor_2");
    let c_fat = col("fatalities");

    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| Error::Input {
            origin: format!("{origin}:{}", e.position().map_or(0, |p| p.line())),
            message: format!("malformed CSV record: {e}"),
        })?;
        let line = rec.position().map_or(0, |p| p.line());
        let err = |message: String| Error::Input {
            origin: format!("{origin}:{line}"),
            message,
        };
        let get = |c: Option<usize>| -> Option<&str> {
            c.and_then(|i| rec.get(i))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let doc_ids = get(Some(c_doc)).ok_or_else(|| err("empty doc_id".into()))?;
        let ty = get(Some(c_type)).unwrap_or("");
        let event_type =
            EventType::parse(ty).ok_or_else(|| err(format!("unknown event_type {ty:?}")))?;
        let precision = match get(c_prec) {
            None => TimePrecision::Day,
            Some(p) => TimePrecision::parse(p)
                .ok_or_else(|| err(format!("unknown time_precision {p:?}")))?,
        };
        let date = match get(c_date) {
            None => None,
            Some(s) => {
                let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .ok()
                    .or_else(|| super::gold::parse_partial_date(s))
                    .ok_or_else(|| err(format!("bad event_date {s:?}")))?;
                Some(EventDate { date: d, precision })
            }
        };
        let num = |c: Option<usize>, name: &str| -> Result<Option<f64>> {
            match get(c) {
                None => Ok(None),
                Some(s) => s
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .map(Some)
                    .ok_or_else(|| err(format!("bad {name} {s:?}"))),
            }
        };
        let fatalities = match get(c_fat) {
            None => None,
            Some(n) => Some(
                n.parse::<u32>()
                    .map_err(|_| err(format!("bad fatalities {n:?}")))?,
            ),
        };
        let latitude = num(c_lat, "latitude")?;
        let longitude = num(c_lon, "longitude")?;
        let geo_precision = match get(c_geo) {
            None => None,
            Some(g) => Some(
                GeoPrecision::parse(g)
                    .ok_or_else(|| err(format!("unknown geo_precision {g:?}")))?,
            ),
        };
        let names = |a: Option<usize>, b: Option<usize>| -> Vec<String> {
            [get(a), get(b)]
                .into_iter()
                .flatten()
                .flat_map(|cell| cell.split(';'))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        };
        let pred = Prediction {
            doc_id: String::new(),
            event_type,
            date,
            latitude,
            longitude,
            country_code: get(c_cc).map(str::to_string),
            admin1: get(c_adm1).map(str::to_string),
            geo_precision,
            agents: names(c_a1, c_aa1),
            targets: names(c_a2, c_aa2),
            fatalities,
        };
        // An event merged across articles names them all (`a;b`): it is a prediction of each.
        for id in doc_ids.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            out.push(Prediction {
                doc_id: id.to_string(),
                ..pred.clone()
            });
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The matching rules.

/// Great-circle distance in km (haversine, mean Earth radius 6371.0088 km).
pub fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    const R: f64 = 6371.0088;
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let dlat = lat2 - lat1;
    let dlon = lon2 - lon1;
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * R * h.sqrt().min(1.0).asin()
}

/// Rule 2: the predicted day agrees with the gold date.
pub fn dates_agree(gold: &GoldEvent, pred: NaiveDate) -> bool {
    if let Some((first, last)) = gold.date_range {
        if first <= pred && pred <= last {
            return true;
        }
    }
    match gold.time_precision {
        TimePrecision::Day => (pred - gold.start).num_days().abs() <= 1,
        TimePrecision::Week => pred.iso_week() == gold.start.iso_week(),
        TimePrecision::Month => {
            pred.year() == gold.start.year() && pred.month() == gold.start.month()
        }
        TimePrecision::Year => pred.year() == gold.start.year(),
    }
}

/// "Date exact": the same day, or the same period at the gold's coarser precision.
pub fn date_exact(gold: &GoldEvent, pred: NaiveDate) -> bool {
    gold.start <= pred && pred <= gold.period_end()
}

/// "Date right": exact, or a day of the gold `date_range` (every day the text allows).
pub fn date_right(gold: &GoldEvent, pred: NaiveDate) -> bool {
    date_exact(gold, pred)
        || gold
            .date_range
            .is_some_and(|(first, last)| first <= pred && pred <= last)
}

/// Days from `pred` to the gold date's period (0 inside it): the "closest date" of matching.
fn date_distance(gold: &GoldEvent, pred: NaiveDate) -> i64 {
    let end = gold.period_end();
    if pred < gold.start {
        (gold.start - pred).num_days()
    } else if pred > end {
        (pred - end).num_days()
    } else {
        0
    }
}

/// The key admin1 names are compared by: folded, a trailing "province", "state", "region",
/// "governorate", "oblast" or "department" dropped.
pub fn admin1_key(name: &str) -> String {
    let mut f = fold(name);
    for suffix in ADMIN1_SUFFIXES {
        if let Some(stem) = f.strip_suffix(suffix) {
            if let Some(stem) = stem.strip_suffix(' ') {
                if !stem.is_empty() {
                    f.truncate(stem.len());
                    break;
                }
            }
        }
    }
    f
}

fn same_country(gold: &GoldEvent, pred: &Prediction) -> bool {
    match (&gold.location.country, &pred.country_code) {
        (Some(g), Some(p)) => g.trim().eq_ignore_ascii_case(p.trim()),
        _ => false,
    }
}

fn same_admin1(gold: &GoldEvent, pred: &Prediction) -> bool {
    let (Some(g), Some(p)) = (&gold.location.admin1, &pred.admin1) else {
        return false;
    };
    let countries_differ = matches!(
        (&gold.location.country, &pred.country_code),
        (Some(gc), Some(pc)) if !gc.trim().eq_ignore_ascii_case(pc.trim())
    );
    !countries_differ && admin1_key(g) == admin1_key(p)
}

/// Distance (km) from the predicted point to the gold point, when both have one.
fn distance(gold: &GoldEvent, pred: &Prediction) -> Option<f64> {
    Some(haversine_km(gold.point()?, pred.point()?))
}

/// A gold place told as a province, district or country holds the prediction: the same
/// admin1 (or country), whatever the distance between the two reference points.
fn place_in_gold_region(gold: &GoldEvent, pred: &Prediction) -> bool {
    match gold.location.geo_precision {
        GeoPrecision::Point => false,
        GeoPrecision::Admin1 | GeoPrecision::Admin2 => same_admin1(gold, pred),
        GeoPrecision::Country => same_country(gold, pred),
    }
}

/// Rule 3: the places agree.
pub fn places_agree(gold: &GoldEvent, pred: &Prediction) -> bool {
    if distance(gold, pred).is_some_and(|d| d <= MATCH_KM) {
        return true;
    }
    place_in_gold_region(gold, pred)
}

/// Rules 1–3 together: may `pred` match `gold`?
pub fn can_match(gold: &GoldEvent, pred: &Prediction) -> bool {
    gold.event_type == pred.event_type
        && pred.date.is_some_and(|d| dates_agree(gold, d.date))
        && places_agree(gold, pred)
}

fn norm_name(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Does one of `predicted` equal, case-insensitively, one of the `gold` names or an alias of
/// one (from the article's `aliases`)?
pub fn actor_found(
    gold: &[String],
    aliases: &HashMap<String, Vec<String>>,
    predicted: &[String],
) -> bool {
    // Only the gold names' own aliases: an alias that is itself a canonical name does not
    // bring in that name's aliases.
    let gold_keys: HashSet<String> = gold.iter().map(|g| norm_name(g)).collect();
    let mut accepted = gold_keys.clone();
    for (name, alts) in aliases {
        if gold_keys.contains(&norm_name(name)) {
            accepted.extend(alts.iter().map(|a| norm_name(a)));
        }
    }
    predicted.iter().any(|p| accepted.contains(&norm_name(p)))
}

/// One matched pair: indices into the article's gold events and into all predictions.
struct Pair {
    gold: usize,
    pred: usize,
}

/// One-to-one matching of one article's predictions (indices into `preds`), best first.
fn match_article(gold: &[GoldEvent], preds: &[Prediction], idx: &[usize]) -> Vec<Pair> {
    let mut cands: Vec<(f64, i64, bool, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for &pi in idx {
            let p = &preds[pi];
            if can_match(g, p) {
                let dd = p.date.map_or(i64::MAX, |d| date_distance(g, d.date));
                let pd = distance(g, p).unwrap_or(f64::INFINITY);
                cands.push((pd, dd, g.optional, gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
            .then(a.4.cmp(&b.4))
    });
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used: HashSet<usize> = HashSet::new();
    let mut pairs = Vec::new();
    for (_, _, _, gi, pi) in cands {
        if !gold_used[gi] && !pred_used.contains(&pi) {
            gold_used[gi] = true;
            pred_used.insert(pi);
            pairs.push(Pair { gold: gi, pred: pi });
        }
    }
    pairs
}

// ---------------------------------------------------------------------------------------------
// The report.

/// Matched / predicted / gold counts with micro precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Counts {
    fn add(&mut self, gold: usize, predicted: usize, matched: usize) {
        self.gold += gold;
        self.predicted += predicted;
        self.matched += matched;
    }
    fn finish(mut self) -> Self {
        self.precision = ratio(self.matched, self.predicted);
        self.recall = ratio(self.matched, self.gold);
        self.f1 = if self.precision + self.recall > 0.0 {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        } else {
            0.0
        };
        self
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores of one event type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeScore {
    pub event_type: EventType,
    #[serde(flatten)]
    pub counts: Counts,
}

/// `correct` out of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
    pub rate: f64,
}

impl Accuracy {
    fn push(&mut self, ok: bool) {
        self.total += 1;
        if ok {
            self.correct += 1;
        }
        self.rate = ratio(self.correct, self.total);
    }
}

/// Accuracies on the matched (non-optional) pairs.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FieldScores {
    pub pairs: usize,
    pub date_exact: Accuracy,
    /// Exact, or within the gold `date_range`.
    pub date_right: Accuracy,
    pub place_within_25km: Accuracy,
    /// Within 25 km, or in the gold's admin1 (or country) where the gold is told at that
    /// precision (issue 4's "the right province where the gold says admin1").
    pub place_right: Accuracy,
    pub agent_found: Accuracy,
    pub target_found: Accuracy,
    /// The predicted fatalities equal the gold's, over the pairs whose gold gives a number.
    pub fatalities_exact: Accuracy,
    /// Pairs left out of `agent_found` because the gold agent list is empty.
    pub empty_gold_agent: usize,
    /// Pairs left out of `target_found` because the gold target list is empty.
    pub empty_gold_target: usize,
}

/// Scores of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleScore {
    pub doc_id: String,
    #[serde(flatten)]
    pub counts: Counts,
    /// Optional gold events of the article, and how many of them a prediction matched.
    pub optional_gold: usize,
    pub optional_matched: usize,
}

/// A matched non-optional pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchedPair {
    pub doc_id: String,
    pub event_type: EventType,
    /// Index of the gold event in its article's `events`.
    pub gold_index: usize,
    /// Index of the prediction in the input list (for a CSV: its data row, from 0, where no
    /// earlier row named several articles).
    pub pred_index: usize,
    pub gold_date: String,
    pub pred_date: Option<NaiveDate>,
    pub distance_km: Option<f64>,
    pub date_exact: bool,
    pub place_within_25km: bool,
    pub place_right: bool,
    pub agent_found: Option<bool>,
    pub target_found: Option<bool>,
    /// Gold and predicted fatalities.
    pub gold_fatalities: Option<u32>,
    pub pred_fatalities: Option<u32>,
}

impl MatchedPair {
    /// The field checks this pair fails, in words.
    pub fn wrong_fields(&self) -> Vec<String> {
        let mut w = Vec::new();
        if !self.date_exact {
            let pred = self
                .pred_date
                .map_or_else(|| "none".to_string(), |d| d.to_string());
            w.push(format!("date {pred} for {}", self.gold_date));
        }
        if !self.place_within_25km {
            w.push(match self.distance_km {
                Some(km) => format!("place {km:.0} km away"),
                None => "place without coordinates".to_string(),
            });
        }
        if self.agent_found == Some(false) {
            w.push("agent not found".to_string());
        }
        if self.target_found == Some(false) {
            w.push("target not found".to_string());
        }
        if let Some(n) = self.gold_fatalities {
            if self.pred_fatalities != Some(n) {
                let pred = self
                    .pred_fatalities
                    .map_or_else(|| "none".to_string(), |p| p.to_string());
                w.push(format!("fatalities {pred} for {n}"));
            }
        }
        w
    }
}

/// A non-optional gold event no prediction matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnmatchedGold {
    pub doc_id: String,
    pub gold_index: usize,
    pub event_type: EventType,
    pub date: String,
    pub time_precision: TimePrecision,
    pub location: String,
    pub evidence: String,
    /// Why the closest unmatched prediction of the same type in the article did not match.
    pub near_miss: Option<String>,
}

/// A prediction that matched no gold event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnmatchedPrediction {
    pub pred_index: usize,
    #[serde(flatten)]
    pub prediction: Prediction,
}

/// Everything `score` finds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// All types, micro-averaged.
    pub overall: Counts,
    /// The four core types (assault, seizure, prisoner_release, talks), micro-averaged.
    pub core: Counts,
    /// Each type that occurs in the gold or the predictions.
    pub per_type: Vec<TypeScore>,
    pub fields: FieldScores,
    pub per_article: Vec<ArticleScore>,
    /// Optional gold events (out of every count) and predictions matched to them (likewise).
    pub optional_gold: usize,
    pub optional_matched: usize,
    /// Predictions of extension types (looting, weapons_seizure, base_established), which
    /// GUIDELINES.md does not count as events (not scored).
    pub extension_predictions: usize,
    /// Predictions for articles that have no gold line (not scored).
    pub unscored_predictions: usize,
    pub unscored_doc_ids: Vec<String>,
    pub matches: Vec<MatchedPair>,
    pub unmatched_gold: Vec<UnmatchedGold>,
    pub unmatched_predictions: Vec<UnmatchedPrediction>,
    /// How the rules were read where GUIDELINES.md leaves a choice.
    pub notes: Vec<String>,
}

const NOTES: [&str; 6] = [
    "dates: the predicted date agrees if it lies in the gold date_range (where given) or by the gold precision (day: +-1 day, week: same ISO week, month: same month, year: same year)",
    "places: <= 50 km from the gold point; for gold admin1/admin2 also the same admin1 (other names of a region read as its GeoNames name by `eval`; folded, trailing province/state/region/governorate/oblast/department ignored), for gold country also the same country",
    "one to one within each article, best first: place distance, then days to the gold period, then non-optional gold first, then input order",
    "optional gold events and the predictions matched to them are left out of every count",
    "predictions of the extension types (looting, weapons_seizure, base_established) are not events in GUIDELINES.md's sense and are left out of every count",
    "field accuracies are over matched non-optional pairs; agent_found/target_found leave out pairs whose gold list is empty (empty_gold_agent/empty_gold_target)",
];

/// Why no prediction matched `gold`: the closest unmatched prediction of its type and the rule
/// it fails; else an unmatched prediction of another type that agrees on date and place; else
/// a matched one of its type that went to another gold event.
fn near_miss(
    gold: &GoldEvent,
    preds: &[Prediction],
    article: &[usize],
    matched: &HashSet<usize>,
) -> Option<String> {
    let dist = |pi: usize| distance(gold, &preds[pi]).unwrap_or(f64::INFINITY);
    let closest = |keep: &dyn Fn(usize) -> bool| {
        article
            .iter()
            .copied()
            .filter(|&pi| keep(pi))
            .map(|pi| (pi, dist(pi)))
            .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
    };
    let same_type = |pi: usize| preds[pi].event_type == gold.event_type;
    if let Some((pi, km)) = closest(&|pi| same_type(pi) && !matched.contains(&pi)) {
        let p = &preds[pi];
        let mut why = Vec::new();
        match p.date {
            None => why.push("no date".to_string()),
            Some(d) if !dates_agree(gold, d.date) => why.push(format!("date {} disagrees", d.date)),
            Some(_) => {}
        }
        if !places_agree(gold, p) {
            why.push(if km.is_finite() {
                format!("place {km:.0} km away")
            } else {
                "no coordinates and no admin1/country match".to_string()
            });
        }
        return Some(format!("prediction #{pi}: {}", why.join(", ")));
    }
    let other_type = |pi: usize| {
        let p = &preds[pi];
        !same_type(pi)
            && !matched.contains(&pi)
            && p.date.is_some_and(|d| dates_agree(gold, d.date))
            && places_agree(gold, p)
    };
    if let Some((pi, _)) = closest(&other_type) {
        return Some(format!(
            "prediction #{pi} agrees on date and place but is a {}",
            preds[pi].event_type
        ));
    }
    closest(&|pi| same_type(pi) && matched.contains(&pi))
        .map(|(pi, _)| format!("prediction #{pi} matched another gold event"))
}

/// Scores `preds` against `gold` by the rules of `GUIDELINES.md` (see the module docs).
pub fn score(gold: &[GoldDoc], preds: &[Prediction]) -> Report {
    let mut by_doc: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut extension_predictions = 0;
    for (i, p) in preds.iter().enumerate() {
        // the guidelines count only their own types as events
        if !p.event_type.is_guideline() {
            extension_predictions += 1;
            continue;
        }
        by_doc.entry(p.doc_id.as_str()).or_default().push(i);
    }
    let gold_ids: HashSet<&str> = gold.iter().map(|d| d.id.as_str()).collect();

    let mut overall = Counts::default();
    let mut core = Counts::default();
    let mut per_type: BTreeMap<EventType, Counts> = BTreeMap::new();
    let mut fields = FieldScores::default();
    let mut per_article = Vec::new();
    let mut matches = Vec::new();
    let mut unmatched_gold = Vec::new();
    let mut unmatched_predictions = Vec::new();
    let (mut optional_gold, mut optional_matched) = (0, 0);
    let empty = Vec::new();

    for doc in gold {
        let idx = by_doc.get(doc.id.as_str()).unwrap_or(&empty);
        let pairs = match_article(&doc.events, preds, idx);
        let mut gold_match: Vec<Option<usize>> = vec![None; doc.events.len()];
        let mut pred_matched: HashSet<usize> = HashSet::new();
        for pair in &pairs {
            gold_match[pair.gold] = Some(pair.pred);
            pred_matched.insert(pair.pred);
        }
        let mut art = Counts::default();
        let (mut art_opt, mut art_opt_matched) = (0, 0);

        for (gi, g) in doc.events.iter().enumerate() {
            if g.optional {
                art_opt += 1;
                if gold_match[gi].is_some() {
                    art_opt_matched += 1;
                }
                continue;
            }
            per_type.entry(g.event_type).or_default().add(1, 0, 0);
            art.add(1, 0, 0);
            match gold_match[gi] {
                Some(pi) => {
                    per_type.entry(g.event_type).or_default().add(0, 0, 1);
                    art.add(0, 0, 1);
                    let p = &preds[pi];
                    let pred_date = p.date.map(|d| d.date);
                    let dist = distance(g, p);
                    let date_ok = pred_date.is_some_and(|d| date_exact(g, d));
                    let place_ok = dist.is_some_and(|d| d <= PLACE_OK_KM);
                    let place_right = place_ok || place_in_gold_region(g, p);
                    let agent_ok = (!g.actors.agent.is_empty())
                        .then(|| actor_found(&g.actors.agent, &doc.aliases, &p.agents));
                    let target_ok = (!g.actors.target.is_empty())
                        .then(|| actor_found(&g.actors.target, &doc.aliases, &p.targets));
                    fields.pairs += 1;
                    fields.date_exact.push(date_ok);
                    fields
                        .date_right
                        .push(pred_date.is_some_and(|d| date_right(g, d)));
                    fields.place_within_25km.push(place_ok);
                    fields.place_right.push(place_right);
                    match agent_ok {
                        Some(ok) => fields.agent_found.push(ok),
                        None => fields.empty_gold_agent += 1,
                    }
                    match target_ok {
                        Some(ok) => fields.target_found.push(ok),
                        None => fields.empty_gold_target += 1,
                    }
                    if let Some(n) = g.fatalities {
                        fields.fatalities_exact.push(p.fatalities == Some(n));
                    }
                    matches.push(MatchedPair {
                        doc_id: doc.id.clone(),
                        event_type: g.event_type,
                        gold_index: gi,
                        pred_index: pi,
                        gold_date: g.date.clone(),
                        pred_date,
                        distance_km: dist,
                        date_exact: date_ok,
                        place_within_25km: place_ok,
                        place_right,
                        agent_found: agent_ok,
                        target_found: target_ok,
                        gold_fatalities: g.fatalities,
                        pred_fatalities: p.fatalities,
                    });
                }
                None => {
                    unmatched_gold.push(UnmatchedGold {
                        doc_id: doc.id.clone(),
                        gold_index: gi,
                        event_type: g.event_type,
                        date: g.date.clone(),
                        time_precision: g.time_precision,
                        location: g.location.name.clone(),
                        evidence: g.evidence.clone(),
                        near_miss: near_miss(g, preds, idx, &pred_matched),
                    });
                }
            }
        }
        for &pi in idx {
            let p = &preds[pi];
            let to_optional = pairs
                .iter()
                .any(|pair| pair.pred == pi && doc.events[pair.gold].optional);
            if to_optional {
                continue;
            }
            per_type.entry(p.event_type).or_default().add(0, 1, 0);
            art.add(0, 1, 0);
            if !pred_matched.contains(&pi) {
                unmatched_predictions.push(UnmatchedPrediction {
                    pred_index: pi,
                    prediction: p.clone(),
                });
            }
        }
        overall.add(art.gold, art.predicted, art.matched);
        optional_gold += art_opt;
        optional_matched += art_opt_matched;
        per_article.push(ArticleScore {
            doc_id: doc.id.clone(),
            counts: art.finish(),
            optional_gold: art_opt,
            optional_matched: art_opt_matched,
        });
    }

    for (t, c) in &per_type {
        if t.is_core() {
            core.add(c.gold, c.predicted, c.matched);
        }
    }
    let mut unscored_doc_ids: Vec<String> = by_doc
        .keys()
        .filter(|id| !gold_ids.contains(*id))
        .map(|id| id.to_string())
        .collect();
    unscored_doc_ids.sort();
    let unscored_predictions = unscored_doc_ids
        .iter()
        .map(|id| by_doc.get(id.as_str()).map_or(0, Vec::len))
        .sum();

    Report {
        overall: overall.finish(),
        core: core.finish(),
        per_type: per_type
            .into_iter()
            .map(|(event_type, c)| TypeScore {
                event_type,
                counts: c.finish(),
            })
            .collect(),
        fields,
        per_article,
        optional_gold,
        optional_matched,
        extension_predictions,
        unscored_predictions,
        unscored_doc_ids,
        matches,
        unmatched_gold,
        unmatched_predictions,
        notes: NOTES.iter().map(|s| s.to_string()).collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// Text output.

fn counts_row(f: &mut fmt::Formatter<'_>, label: &str, c: &Counts) -> fmt::Result {
    writeln!(
        f,
        "{label:<22} {:>5} {:>5} {:>5}  {:>6.3} {:>6.3} {:>6.3}",
        c.gold, c.predicted, c.matched, c.precision, c.recall, c.f1
    )
}

fn acc_row(f: &mut fmt::Formatter<'_>, label: &str, a: &Accuracy, extra: &str) -> fmt::Result {
    writeln!(
        f,
        "  {label:<18} {:>4}/{:<4} {:>6.3}{extra}",
        a.correct, a.total, a.rate
    )
}

/// Plain-text report; the alternate form (`{:#}`) adds the unmatched gold events and
/// predictions (the CLI's `--verbose`).
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<22} {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}",
            "", "gold", "pred", "match", "P", "R", "F1"
        )?;
        counts_row(f, "overall", &self.overall)?;
        counts_row(f, "core (4 types)", &self.core)?;
        for t in &self.per_type {
            counts_row(f, &format!("  {}", t.event_type), &t.counts)?;
        }
        writeln!(
            f,
            "optional gold events left out: {} (matched by {} predictions, also left out)",
            self.optional_gold, self.optional_matched
        )?;
        if self.extension_predictions > 0 {
            writeln!(
                f,
                "predictions of types beyond GUIDELINES.md, not scored: {}",
                self.extension_predictions
            )?;
        }
        if self.unscored_predictions > 0 {
            writeln!(
                f,
                "predictions for articles without gold, not scored: {} ({})",
                self.unscored_predictions,
                self.unscored_doc_ids.join(", ")
            )?;
        }
        writeln!(f)?;
        writeln!(f, "on {} matched pairs:", self.fields.pairs)?;
        acc_row(f, "date exact", &self.fields.date_exact, "")?;
        acc_row(f, "date in range", &self.fields.date_right, "")?;
        acc_row(f, "place <= 25 km", &self.fields.place_within_25km, "")?;
        acc_row(
            f,
            "place right",
            &self.fields.place_right,
            "  (<= 25 km, or the gold's admin1 or country where the gold is told so)",
        )?;
        acc_row(
            f,
            "agent found",
            &self.fields.agent_found,
            &format!(
                "  ({} with no gold agent left out)",
                self.fields.empty_gold_agent
            ),
        )?;
        acc_row(
            f,
            "target found",
            &self.fields.target_found,
            &format!(
                "  ({} with no gold target left out)",
                self.fields.empty_gold_target
            ),
        )?;
        acc_row(
            f,
            "fatalities exact",
            &self.fields.fatalities_exact,
            "  (pairs whose gold gives a number)",
        )?;
        writeln!(f)?;
        writeln!(
            f,
            "{:<40} {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}  optional",
            "article", "gold", "pred", "match", "P", "R", "F1"
        )?;
        for a in &self.per_article {
            let c = &a.counts;
            writeln!(
                f,
                "{:<40} {:>5} {:>5} {:>5}  {:>6.3} {:>6.3} {:>6.3}  {}/{}",
                a.doc_id,
                c.gold,
                c.predicted,
                c.matched,
                c.precision,
                c.recall,
                c.f1,
                a.optional_matched,
                a.optional_gold
            )?;
        }
        if f.alternate() {
            writeln!(f)?;
            let wrong: Vec<(&MatchedPair, Vec<String>)> = self
                .matches
                .iter()
                .map(|m| (m, m.wrong_fields()))
                .filter(|(_, w)| !w.is_empty())
                .collect();
            writeln!(f, "matched pairs with a wrong field ({}):", wrong.len())?;
            for (m, w) in wrong {
                writeln!(
                    f,
                    "  {} gold #{} = prediction #{} {}: {}",
                    m.doc_id,
                    m.gold_index,
                    m.pred_index,
                    m.event_type,
                    w.join(", ")
                )?;
            }
            writeln!(f, "unmatched gold ({}):", self.unmatched_gold.len())?;
            for g in &self.unmatched_gold {
                writeln!(
                    f,
                    "  {} #{} {} {} ({}) at {}{}",
                    g.doc_id,
                    g.gold_index,
                    g.event_type,
                    g.date,
                    g.time_precision,
                    g.location,
                    g.near_miss
                        .as_ref()
                        .map(|m| format!(" -- nearest: {m}"))
                        .unwrap_or_default()
                )?;
                if !g.evidence.is_empty() {
                    writeln!(f, "      \"{}\"", g.evidence)?;
                }
            }
            writeln!(
                f,
                "unmatched predictions ({}):",
                self.unmatched_predictions.len()
            )?;
            for u in &self.unmatched_predictions {
                let p = &u.prediction;
                let date = p
                    .date
                    .map(|d| format!("{} ({})", d.date, d.precision))
                    .unwrap_or_else(|| "no date".into());
                let place = match (p.latitude, p.longitude) {
                    (Some(la), Some(lo)) => format!("{la:.4},{lo:.4}"),
                    _ => "no coordinates".into(),
                };
                writeln!(
                    f,
                    "  {} #{} {} {} at {} {}/{} agents [{}] targets [{}]",
                    p.doc_id,
                    u.pred_index,
                    p.event_type,
                    date,
                    place,
                    p.country_code.as_deref().unwrap_or("-"),
                    p.admin1.as_deref().unwrap_or("-"),
                    p.agents.join("; "),
                    p.targets.join("; ")
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::gold::{GoldActors, GoldLocation};
    use crate::model::{Actor, Evidence, Place, Span};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A gold point event at (lat, lon) in country XX, admin1 "North".
    fn g(ty: EventType, date: &str, prec: TimePrecision, lat: f64, lon: f64) -> GoldEvent {
        let start = super::super::gold::parse_partial_date(date).unwrap();
        GoldEvent {
            event_type: ty,
            date: date.to_string(),
            time_precision: prec,
            date_range: None,
            location: GoldLocation {
                name: "Somewhere".into(),
                country: Some("XX".into()),
                admin1: Some("North".into()),
                lat: Some(lat),
                lon: Some(lon),
                geo_precision: GeoPrecision::Point,
            },
            actors: GoldActors {
                agent: vec!["Rebels".into()],
                target: vec!["Army".into()],
            },
            fatalities: None,
            optional: false,
            evidence: String::new(),
            start: super::super::gold::period_bounds(start, prec).0,
        }
    }

    fn p(doc: &str, ty: EventType, date: &str, lat: f64, lon: f64) -> Prediction {
        Prediction {
            doc_id: doc.into(),
            event_type: ty,
            date: Some(EventDate {
                date: d(date),
                precision: TimePrecision::Day,
            }),
            latitude: Some(lat),
            longitude: Some(lon),
            country_code: Some("XX".into()),
            admin1: Some("North".into()),
            geo_precision: Some(GeoPrecision::Point),
            agents: vec!["Rebels".into()],
            targets: vec!["Army".into()],
            fatalities: None,
        }
    }

    fn doc(id: &str, events: Vec<GoldEvent>) -> GoldDoc {
        GoldDoc {
            id: id.into(),
            aliases: HashMap::new(),
            events,
        }
    }

    /// Degrees of latitude per km (along a meridian).
    const DEG_PER_KM: f64 = 1.0 / 111.195;

    use EventType::*;
    use TimePrecision::*;

    #[test]
    fn haversine_is_right() {
        // One degree of latitude is about 111.2 km; London–Paris is about 343.5 km.
        assert!((haversine_km((10.0, 20.0), (11.0, 20.0)) - 111.195).abs() < 0.01);
        let lp = haversine_km((51.5074, -0.1278), (48.8566, 2.3522));
        assert!((lp - 343.5).abs() < 1.0, "{lp}");
        assert_eq!(haversine_km((1.0, 2.0), (1.0, 2.0)), 0.0);
    }

    #[test]
    fn day_precision_allows_one_day() {
        let e = g(Assault, "2021-07-07", Day, 0.0, 0.0);
        assert!(dates_agree(&e, d("2021-07-06")));
        assert!(dates_agree(&e, d("2021-07-07")));
        assert!(dates_agree(&e, d("2021-07-08")));
        assert!(!dates_agree(&e, d("2021-07-09")));
        assert!(!dates_agree(&e, d("2021-07-05")));
        assert!(date_exact(&e, d("2021-07-07")));
        assert!(!date_exact(&e, d("2021-07-08")));
        assert!(!date_right(&e, d("2021-07-08")));
    }

    #[test]
    fn week_precision_is_the_iso_week() {
        // 2016-12-13 is a Tuesday; its ISO week runs Mon 12 .. Sun 18.
        let e = g(Agreement, "2016-12-13", Week, 0.0, 0.0);
        assert!(dates_agree(&e, d("2016-12-12")));
        assert!(dates_agree(&e, d("2016-12-18")));
        assert!(!dates_agree(&e, d("2016-12-11")));
        assert!(!dates_agree(&e, d("2016-12-19")));
        assert!(date_exact(&e, d("2016-12-18")));
        assert!(!date_exact(&e, d("2016-12-19")));
        // ISO week 2020-W53 spans the new year: Thu 2020-12-31 and Sun 2021-01-03.
        let e = g(Talks, "2020-12-31", Week, 0.0, 0.0);
        assert!(dates_agree(&e, d("2021-01-03")));
        assert!(!dates_agree(&e, d("2021-01-04")));
    }

    #[test]
    fn month_and_year_precision() {
        let e = g(Seizure, "2021-05", Month, 0.0, 0.0);
        assert!(dates_agree(&e, d("2021-05-01")));
        assert!(dates_agree(&e, d("2021-05-31")));
        assert!(!dates_agree(&e, d("2021-06-01")));
        assert!(!dates_agree(&e, d("2020-05-15")));
        assert!(date_exact(&e, d("2021-05-20")));
        let e = g(Seizure, "2015", Year, 0.0, 0.0);
        assert!(dates_agree(&e, d("2015-12-31")));
        assert!(!dates_agree(&e, d("2016-01-01")));
        assert!(date_exact(&e, d("2015-03-01")));
    }

    #[test]
    fn date_range_or_precision() {
        let mut e = g(Talks, "2021-07-07", Day, 0.0, 0.0);
        e.date_range = Some((d("2021-07-08"), d("2021-07-10")));
        // In the range.
        assert!(dates_agree(&e, d("2021-07-09")));
        assert!(dates_agree(&e, d("2021-07-10")));
        // Out of the range but within 1 day of the gold date.
        assert!(dates_agree(&e, d("2021-07-06")));
        // Neither.
        assert!(!dates_agree(&e, d("2021-07-05")));
        assert!(!dates_agree(&e, d("2021-07-11")));
        // A range wider than the precision widens it...
        let mut e = g(Seizure, "2021-05", Month, 0.0, 0.0);
        e.date_range = Some((d("2021-05-01"), d("2021-07-08")));
        assert!(dates_agree(&e, d("2021-07-08")));
        assert!(!dates_agree(&e, d("2021-07-09")));
        // ...a narrower one does not narrow it: a month-precision prediction (dated the 1st)
        // of the same month agrees.
        let mut e = g(Agreement, "2020-09", Month, 0.0, 0.0);
        e.date_range = Some((d("2020-09-15"), d("2020-09-30")));
        assert!(dates_agree(&e, d("2020-09-01")));
        assert!(dates_agree(&e, d("2020-09-25")));
        assert!(!dates_agree(&e, d("2020-10-01")));
        // "Date exact" means the gold period, whatever the range.
        assert!(date_exact(&e, d("2020-09-01")));
        let mut e = g(Talks, "2021-07-07", Day, 0.0, 0.0);
        e.date_range = Some((d("2021-07-07"), d("2021-07-08")));
        assert!(date_exact(&e, d("2021-07-07")));
        assert!(!date_exact(&e, d("2021-07-08")));
        // "Date in range": exact, or any day of the range
        assert!(date_right(&e, d("2021-07-08")));
        assert!(!date_right(&e, d("2021-07-09")));
    }

    #[test]
    fn point_places_need_50_km() {
        let e = g(Assault, "2021-07-07", Day, 30.0, 60.0);
        assert!(places_agree(
            &e,
            &p("a", Assault, "2021-07-07", 30.0 + 49.0 * DEG_PER_KM, 60.0)
        ));
        assert!(!places_agree(
            &e,
            &p("a", Assault, "2021-07-07", 30.0 + 51.0 * DEG_PER_KM, 60.0)
        ));
        // Same admin1 is not enough for a gold point.
        let far = p("a", Assault, "2021-07-07", 31.0, 60.0);
        assert_eq!(far.admin1, e.location.admin1);
        assert!(!places_agree(&e, &far));
        // No coordinates: no match for a gold point.
        let mut none = p("a", Assault, "2021-07-07", 0.0, 0.0);
        none.latitude = None;
        none.longitude = None;
        assert!(!places_agree(&e, &none));
    }

    #[test]
    fn admin1_gold_accepts_same_admin1_or_50_km() {
        let mut e = g(Assault, "2020-10-15", Day, 15.5, 45.3);
        e.location.geo_precision = GeoPrecision::Admin1;
        e.location.admin1 = Some("Ma’rib".into());
        e.location.country = Some("YE".into());
        let mut q = p("a", Assault, "2020-10-15", 16.5, 46.3); // ~150 km away
        q.country_code = Some("YE".into());
        q.admin1 = Some("Marib Governorate".into());
        assert!(places_agree(&e, &q));
        q.admin1 = Some("MARIB".into());
        assert!(places_agree(&e, &q));
        // Same admin1 name in another country does not count.
        q.country_code = Some("SA".into());
        assert!(!places_agree(&e, &q));
        // Another admin1, far away: no; another admin1 but within 50 km: yes.
        q.country_code = Some("YE".into());
        q.admin1 = Some("Al Jawf".into());
        assert!(!places_agree(&e, &q));
        q.latitude = Some(15.5 + 40.0 * DEG_PER_KM);
        q.longitude = Some(45.3);
        assert!(places_agree(&e, &q));
        // No coordinates, same admin1: yes.
        let mut r = q.clone();
        r.latitude = None;
        r.longitude = None;
        r.admin1 = Some("Ma'rib".into());
        assert!(places_agree(&e, &r));
        // admin2 gold: same admin1 too.
        e.location.geo_precision = GeoPrecision::Admin2;
        assert!(places_agree(&e, &r));
    }

    #[test]
    fn admin1_suffixes_are_tolerated() {
        assert_eq!(admin1_key("Sar-e Pol Province"), admin1_key("Sar-e Pol"));
        assert_eq!(admin1_key("'Asir Region"), admin1_key("Asir"));
        assert_eq!(admin1_key("Kherson Governorate"), "kherson");
        assert_eq!(admin1_key("Upper Nile State"), "upper nile");
        assert_eq!(admin1_key("Kherson Oblast"), admin1_key("Kherson"));
        assert_eq!(admin1_key("La Guajira Department"), "la guajira");
        assert_eq!(admin1_key("Shan State"), admin1_key("Shan"));
        assert_eq!(admin1_key("Province"), "province");
        assert_ne!(admin1_key("Helmand"), admin1_key("Kandahar"));
    }

    #[test]
    fn country_gold_accepts_same_country() {
        let mut e = g(Seizure, "2021-05", Month, 33.0, 66.0);
        e.location.geo_precision = GeoPrecision::Country;
        e.location.admin1 = None;
        e.location.country = Some("AF".into());
        let mut q = p("a", Seizure, "2021-05-10", 36.7, 68.9); // Kunduz, ~420 km away
        q.country_code = Some("af".into());
        assert!(places_agree(&e, &q));
        q.country_code = Some("PK".into());
        assert!(!places_agree(&e, &q));
        q.country_code = None;
        assert!(!places_agree(&e, &q));
    }

    #[test]
    fn type_and_date_are_required() {
        let e = g(Assault, "2021-07-07", Day, 30.0, 60.0);
        assert!(can_match(&e, &p("a", Assault, "2021-07-07", 30.0, 60.0)));
        assert!(!can_match(&e, &p("a", Seizure, "2021-07-07", 30.0, 60.0)));
        let mut q = p("a", Assault, "2021-07-07", 30.0, 60.0);
        q.date = None;
        assert!(!can_match(&e, &q));
    }

    #[test]
    fn a_place_is_right_within_25_km_or_in_the_region_the_gold_names() {
        // a gold province: 40 km from its reference point, in that province
        let mut e = g(Assault, "2021-07-07", Day, 30.0, 60.0);
        e.location.geo_precision = GeoPrecision::Admin1;
        let q = p("a", Assault, "2021-07-07", 30.0 + 40.0 * DEG_PER_KM, 60.0);
        let r = score(&[doc("a", vec![e.clone()])], std::slice::from_ref(&q));
        assert_eq!(r.fields.place_within_25km.correct, 0);
        assert_eq!(r.fields.place_right.correct, 1);
        assert!(r.matches[0].place_right && !r.matches[0].place_within_25km);
        // another province is not right, nor is a gold town 40 km away
        let mut other = q.clone();
        other.admin1 = Some("South".into());
        let r = score(&[doc("a", vec![e.clone()])], &[other]);
        assert_eq!(r.fields.place_right.correct, 0);
        e.location.geo_precision = GeoPrecision::Point;
        let r = score(&[doc("a", vec![e])], &[q]);
        assert_eq!(
            (r.fields.place_right.correct, r.fields.place_right.total),
            (0, 1)
        );
    }

    #[test]
    fn matching_is_one_to_one_closest_place_first() {
        // gold0 at P0, gold1 30 km north; pred0 20 km north of P0, pred1 at P0.
        let g0 = g(Assault, "2021-07-07", Day, 30.0, 60.0);
        let g1 = g(Assault, "2021-07-07", Day, 30.0 + 30.0 * DEG_PER_KM, 60.0);
        let preds = vec![
            p("a", Assault, "2021-07-07", 30.0 + 20.0 * DEG_PER_KM, 60.0),
            p("a", Assault, "2021-07-07", 30.0, 60.0),
        ];
        let r = score(&[doc("a", vec![g0.clone(), g1.clone()])], &preds);
        assert_eq!(r.overall.matched, 2);
        let pairs: Vec<(usize, usize)> = r
            .matches
            .iter()
            .map(|m| (m.gold_index, m.pred_index))
            .collect();
        assert!(
            pairs.contains(&(0, 1)) && pairs.contains(&(1, 0)),
            "{pairs:?}"
        );

        // One prediction cannot match two gold events.
        let r = score(&[doc("a", vec![g0.clone(), g0.clone()])], &preds[1..]);
        assert_eq!(
            (r.overall.gold, r.overall.predicted, r.overall.matched),
            (2, 1, 1)
        );
        assert_eq!(r.unmatched_gold.len(), 1);
        // Nor one gold event two predictions.
        let two = vec![preds[1].clone(), preds[1].clone()];
        let r = score(&[doc("a", vec![g0])], &two);
        assert_eq!(
            (r.overall.gold, r.overall.predicted, r.overall.matched),
            (1, 2, 1)
        );
        assert_eq!(r.unmatched_predictions.len(), 1);
        assert_eq!(r.overall.precision, 0.5);
        assert_eq!(r.overall.recall, 1.0);
    }

    #[test]
    fn closest_date_breaks_place_ties() {
        let g0 = g(Seizure, "2021-07-07", Day, 30.0, 60.0);
        let g1 = g(Seizure, "2021-07-08", Day, 30.0, 60.0);
        // pred0 (07-08) agrees with both; pred1 (07-06) only with g0.
        let preds = vec![
            p("a", Seizure, "2021-07-08", 30.0, 60.0),
            p("a", Seizure, "2021-07-06", 30.0, 60.0),
        ];
        let r = score(&[doc("a", vec![g0, g1])], &preds);
        let pairs: Vec<(usize, usize)> = r
            .matches
            .iter()
            .map(|m| (m.gold_index, m.pred_index))
            .collect();
        assert!(
            pairs.contains(&(1, 0)) && pairs.contains(&(0, 1)),
            "{pairs:?}"
        );
        assert_eq!(r.fields.date_exact.correct, 1);
    }

    #[test]
    fn matching_stays_within_the_article() {
        let r = score(
            &[
                doc("a", vec![g(Talks, "2021-07-07", Day, 30.0, 60.0)]),
                doc("b", vec![]),
            ],
            &[p("b", Talks, "2021-07-07", 30.0, 60.0)],
        );
        assert_eq!(
            (r.overall.gold, r.overall.predicted, r.overall.matched),
            (1, 1, 0)
        );
        assert_eq!(r.per_article[0].counts.gold, 1);
        assert_eq!(r.per_article[1].counts.predicted, 1);
    }

    #[test]
    fn optional_gold_leaves_both_counts() {
        let mut opt = g(Withdrawal, "2021-07-06", Day, 33.0, 66.0);
        opt.optional = true;
        let mut opt2 = opt.clone();
        opt2.event_type = Arrest;
        let real = g(Assault, "2021-07-07", Day, 30.0, 60.0);
        let preds = vec![
            p("a", Withdrawal, "2021-07-06", 33.0, 66.0), // matches optional: dropped
            p("a", Assault, "2021-07-07", 30.0, 60.0),    // matches real
            p("a", Assault, "2021-01-01", 30.0, 60.0),    // false positive
        ];
        let r = score(&[doc("a", vec![opt, opt2, real])], &preds);
        assert_eq!(
            (r.overall.gold, r.overall.predicted, r.overall.matched),
            (1, 2, 1)
        );
        assert_eq!((r.optional_gold, r.optional_matched), (2, 1));
        assert!(
            r.unmatched_gold.is_empty(),
            "missing an optional event is not penalised"
        );
        assert_eq!(r.unmatched_predictions.len(), 1);
        assert_eq!(r.unmatched_predictions[0].pred_index, 2);
        assert!(r
            .per_type
            .iter()
            .all(|t| t.event_type != Withdrawal || (t.counts.gold, t.counts.predicted) == (0, 0)));
        assert_eq!(r.per_article[0].optional_matched, 1);
    }

    #[test]
    fn non_optional_gold_wins_ties() {
        let mut opt = g(Seizure, "2021-07-07", Day, 30.0, 60.0);
        opt.optional = true;
        let real = g(Seizure, "2021-07-07", Day, 30.0, 60.0);
        let r = score(
            &[doc("a", vec![opt, real])],
            &[p("a", Seizure, "2021-07-07", 30.0, 60.0)],
        );
        assert_eq!(
            (r.overall.gold, r.overall.predicted, r.overall.matched),
            (1, 1, 1)
        );
    }

    #[test]
    fn actors_match_names_and_aliases_case_insensitively() {
        let mut aliases = HashMap::new();
        aliases.insert(
            "Afghan government forces".to_string(),
            vec!["security forces".to_string(), "ANDSF".to_string()],
        );
        aliases.insert(
            "Air Force".to_string(),
            vec!["Afghan government forces".to_string(), "planes".to_string()],
        );
        let found = |gold: &str, names: &[&str]| -> bool {
            let v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
            actor_found(&[gold.to_string()], &aliases, &v)
        };
        let agf = "Afghan government forces";
        assert!(found(agf, &["Afghan government forces"]));
        assert!(found(agf, &["AFGHAN  Government forces"]));
        assert!(found(agf, &["Taliban", "andsf"]));
        assert!(found(agf, &["Security Forces"]));
        assert!(!found(agf, &["Taliban"]));
        assert!(!found(agf, &["Afghan government"]));
        assert!(!found(agf, &[]));
        // Aliases are not transitive: "Air Force" lists "Afghan government forces" as an alias,
        // which does not bring in that name's own aliases; nor the other way round.
        assert!(found("Air Force", &["afghan government forces"]));
        assert!(!found("Air Force", &["ANDSF"]));
        assert!(!found(agf, &["planes"]));
        // The alias map is looked up case-insensitively too.
        assert!(found("afghan government FORCES", &["andsf"]));
    }

    #[test]
    fn field_accuracies_on_matched_pairs() {
        let mut a = doc(
            "a",
            vec![
                g(Assault, "2021-07-07", Day, 30.0, 60.0),
                g(Talks, "2021-07-07", Day, 35.0, 51.0),
            ],
        );
        a.events[1].actors = GoldActors {
            agent: vec!["Government".into(), "Rebels".into()],
            target: vec![],
        };
        a.aliases.insert("Army".into(), vec!["the troops".into()]);
        let mut p0 = p("a", Assault, "2021-07-08", 30.0 + 30.0 * DEG_PER_KM, 60.0);
        p0.agents = vec!["rebels".into()];
        p0.targets = vec!["The Troops".into()];
        let mut p1 = p("a", Talks, "2021-07-07", 35.0, 51.0);
        p1.agents = vec!["Mediators".into()];
        p1.targets = vec![];
        let r = score(&[a], &[p0, p1]);
        assert_eq!(r.fields.pairs, 2);
        assert_eq!(
            (r.fields.date_exact.correct, r.fields.date_exact.total),
            (1, 2)
        );
        assert_eq!(
            (
                r.fields.place_within_25km.correct,
                r.fields.place_within_25km.total
            ),
            (1, 2)
        );
        assert_eq!(
            (r.fields.agent_found.correct, r.fields.agent_found.total),
            (1, 2)
        );
        // The talks pair has no gold target: left out of target_found.
        assert_eq!(
            (r.fields.target_found.correct, r.fields.target_found.total),
            (1, 1)
        );
        assert_eq!(r.fields.empty_gold_target, 1);
        assert_eq!(r.matches[1].target_found, None);
        assert_eq!(
            r.matches[0].wrong_fields(),
            vec!["date 2021-07-08 for 2021-07-07", "place 30 km away"]
        );
        assert_eq!(r.matches[1].wrong_fields(), vec!["agent not found"]);
        let verbose = format!("{r:#}");
        assert!(
            verbose.contains("a gold #1 = prediction #1 talks: agent not found"),
            "{verbose}"
        );
    }

    #[test]
    fn per_type_and_core_figures() {
        let a = doc(
            "a",
            vec![
                g(Assault, "2021-07-07", Day, 30.0, 60.0),
                g(Seizure, "2021-07-07", Day, 30.0, 60.0),
                g(AirStrike, "2021-07-07", Day, 30.0, 60.0),
            ],
        );
        let preds = vec![
            p("a", Assault, "2021-07-07", 30.0, 60.0),
            p("a", AirStrike, "2021-07-07", 30.0, 60.0),
            p("a", Protest, "2021-07-07", 30.0, 60.0),
            p("zzz", Assault, "2021-07-07", 30.0, 60.0),
        ];
        let r = score(&[a], &preds);
        assert_eq!(
            (r.overall.gold, r.overall.predicted, r.overall.matched),
            (3, 3, 2)
        );
        assert_eq!((r.core.gold, r.core.predicted, r.core.matched), (2, 1, 1));
        assert_eq!(r.core.precision, 1.0);
        assert_eq!(r.core.recall, 0.5);
        assert!((r.core.f1 - 2.0 / 3.0).abs() < 1e-12);
        let t = |ty| {
            r.per_type
                .iter()
                .find(|t| t.event_type == ty)
                .unwrap()
                .counts
        };
        assert_eq!(
            (t(Seizure).gold, t(Seizure).predicted, t(Seizure).matched),
            (1, 0, 0)
        );
        assert_eq!((t(Protest).gold, t(Protest).predicted), (0, 1));
        assert_eq!(r.unscored_predictions, 1);
        assert_eq!(r.unscored_doc_ids, vec!["zzz".to_string()]);
        assert_eq!(r.unmatched_gold.len(), 1);
        // The seizure was missed; the protest sits at its date and place.
        let m = r.unmatched_gold[0].near_miss.as_deref().unwrap();
        assert!(m.contains("#2") && m.contains("is a protest"), "{m}");
    }

    #[test]
    fn fatalities_are_scored_where_the_gold_gives_a_number() {
        let mut with = g(Assault, "2021-07-07", Day, 30.0, 60.0);
        with.fatalities = Some(12);
        let a = doc(
            "a",
            vec![
                with.clone(),
                with,
                g(Seizure, "2021-07-07", Day, 30.0, 60.0),
            ],
        );
        let mut right = p("a", Assault, "2021-07-07", 30.0, 60.0);
        right.fatalities = Some(12);
        let mut wrong = right.clone();
        wrong.fatalities = Some(3);
        let preds = vec![right, wrong, p("a", Seizure, "2021-07-07", 30.0, 60.0)];
        let r = score(&[a], &preds);
        assert_eq!(r.fields.pairs, 3);
        assert_eq!(
            (
                r.fields.fatalities_exact.correct,
                r.fields.fatalities_exact.total
            ),
            (1, 2)
        );
        let csv = "doc_id,event_type,fatalities\na,assault,7\na,seizure,\n";
        let p = read_predictions(csv.as_bytes(), "p.csv").unwrap();
        assert_eq!((p[0].fatalities, p[1].fatalities), (Some(7), None));
    }

    #[test]
    fn extension_types_are_no_events_of_the_guidelines() {
        let a = doc("a", vec![g(Assault, "2021-07-07", Day, 30.0, 60.0)]);
        let preds = vec![
            p("a", Assault, "2021-07-07", 30.0, 60.0),
            p("a", Looting, "2021-07-07", 30.0, 60.0),
            p("a", WeaponsSeizure, "2021-07-07", 30.0, 60.0),
        ];
        let r = score(&[a], &preds);
        assert_eq!(
            (r.overall.gold, r.overall.predicted, r.overall.matched),
            (1, 1, 1)
        );
        assert_eq!(r.extension_predictions, 2);
        assert!(r.unmatched_predictions.is_empty());
        assert!(r
            .to_string()
            .contains("beyond GUIDELINES.md, not scored: 2"));
    }

    #[test]
    fn near_miss_says_why() {
        let a = doc("a", vec![g(Assault, "2021-07-07", Day, 30.0, 60.0)]);
        let r = score(&[a], &[p("a", Assault, "2021-07-20", 30.0, 60.0)]);
        let m = r.unmatched_gold[0].near_miss.as_deref().unwrap();
        assert!(m.contains("date 2021-07-20"), "{m}");

        let a = doc("a", vec![g(Assault, "2021-07-07", Day, 30.0, 60.0)]);
        let r = score(&[a], &[p("a", Assault, "2021-07-07", 31.0, 60.0)]);
        let m = r.unmatched_gold[0].near_miss.as_deref().unwrap();
        assert!(m.contains("place 111 km away"), "{m}");

        let a = doc("a", vec![g(Assault, "2021-07-07", Day, 30.0, 60.0)]);
        let r = score(&[a], &[p("a", Seizure, "2021-07-07", 30.0, 60.0)]);
        let m = r.unmatched_gold[0].near_miss.as_deref().unwrap();
        assert!(m.contains("is a seizure"), "{m}");

        let e = g(Assault, "2021-07-07", Day, 30.0, 60.0);
        let a = doc("a", vec![e.clone(), e]);
        let r = score(&[a], &[p("a", Assault, "2021-07-07", 30.0, 60.0)]);
        let m = r.unmatched_gold[0].near_miss.as_deref().unwrap();
        assert!(m.contains("matched another gold event"), "{m}");
    }

    #[test]
    fn reads_prediction_csv_by_header_name() {
        let csv = "\
event_type,doc_id,event_date,time_precision,actor1,assoc_actor_1,actor2,assoc_actor_2,country_code,admin1,latitude,longitude,geo_precision,notes
seizure,a1,2021-07-01,month,Rebels,Allies; Friends,Army,,XX,North,30.5,60.25,point,\"They took it, all of it.\"
talks,a1,,,,,,,,,,,,
";
        let preds = read_predictions(csv.as_bytes(), "p.csv").unwrap();
        assert_eq!(preds.len(), 2);
        let q = &preds[0];
        assert_eq!(q.doc_id, "a1");
        assert_eq!(q.event_type, Seizure);
        assert_eq!(
            q.date,
            Some(EventDate {
                date: d("2021-07-01"),
                precision: Month
            })
        );
        assert_eq!(q.agents, vec!["Rebels", "Allies", "Friends"]);
        assert_eq!(q.targets, vec!["Army"]);
        assert_eq!((q.latitude, q.longitude), (Some(30.5), Some(60.25)));
        assert_eq!(q.country_code.as_deref(), Some("XX"));
        assert_eq!(q.admin1.as_deref(), Some("North"));
        assert_eq!(q.geo_precision, Some(GeoPrecision::Point));
        let e = &preds[1];
        assert_eq!((e.date, e.latitude, e.admin1.clone()), (None, None, None));
        assert!(e.agents.is_empty() && e.targets.is_empty());

        let merged = "doc_id,event_type\na1; b2,assault\n";
        let preds = read_predictions(merged.as_bytes(), "p.csv").unwrap();
        let ids: Vec<&str> = preds.iter().map(|p| p.doc_id.as_str()).collect();
        assert_eq!(ids, vec!["a1", "b2"]);
        assert_eq!(preds[0].event_type, preds[1].event_type);
    }

    #[test]
    fn prediction_csv_errors_name_file_and_line() {
        let err = |csv: &str| {
            read_predictions(csv.as_bytes(), "p.csv")
                .unwrap_err()
                .to_string()
        };
        let e = err("doc_id,event_type\na,assault\nb,picnic\n");
        assert!(e.starts_with("p.csv:3:") && e.contains("picnic"), "{e}");
        let e = err("doc_id,event_type,event_date\na,assault,July 7\n");
        assert!(e.starts_with("p.csv:2:") && e.contains("event_date"), "{e}");
        let e = err("doc_id,event_date\na,2021-07-07\n");
        assert!(e.starts_with("p.csv:1:") && e.contains("event_type"), "{e}");
        let e = err("doc_id,event_type,latitude\na,assault,north\n");
        assert!(e.contains("latitude"), "{e}");
        let e = err("doc_id,event_type,fatalities\na,assault,dozens\n");
        assert!(e.starts_with("p.csv:2:") && e.contains("fatalities"), "{e}");
        let e = read_predictions_csv(Path::new("/nonexistent/p.csv"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("/nonexistent/p.csv"), "{e}");
    }

    #[test]
    fn prediction_from_event() {
        let actor = |n: &str| Actor {
            name: n.into(),
            actor_type: None,
            country: None,
        };
        let ev = Event {
            id: "e1".into(),
            event_type: Seizure,
            acled_event_type: String::new(),
            acled_sub_event_type: String::new(),
            cameo_code: String::new(),
            date: Some(EventDate {
                date: d("2021-07-07"),
                precision: Day,
            }),
            date_explicit: true,
            agents: vec![actor("Rebels"), actor("Allies")],
            targets: vec![actor("Army")],
            location: Some("the town".into()),
            place: Some(Place {
                geonameid: Some(1),
                name: "Town".into(),
                country_code: "XX".into(),
                country: "Xland".into(),
                admin1: Some("North".into()),
                admin2: None,
                latitude: 30.0,
                longitude: 60.0,
                feature_code: "PPLA".into(),
                population: 1000,
                precision: GeoPrecision::Point,
            }),
            fatalities: None,
            evidence: vec![Evidence {
                doc_id: "a1".into(),
                source: None,
                url: None,
                published: None,
                sentence: String::new(),
                span: Span::new(0, 0),
                char_start: 0,
                char_end: 0,
                trigger: String::new(),
                rule: String::new(),
            }],
            confidence: 1.0,
        };
        let q = Prediction::from(&ev);
        assert_eq!(q, {
            let mut x = p("a1", Seizure, "2021-07-07", 30.0, 60.0);
            x.agents = vec!["Rebels".into(), "Allies".into()];
            x
        });
    }

    #[test]
    fn report_text_and_json() {
        let a = doc("a", vec![g(Assault, "2021-07-07", Day, 30.0, 60.0)]);
        let r = score(&[a], &[p("a", Seizure, "2021-07-07", 30.0, 60.0)]);
        let plain = format!("{r}");
        assert!(plain.contains("overall"), "{plain}");
        assert!(!plain.contains("unmatched gold"), "{plain}");
        let verbose = format!("{r:#}");
        assert!(verbose.contains("unmatched gold (1)"), "{verbose}");
        assert!(
            verbose.contains("matched pairs with a wrong field (0)"),
            "{verbose}"
        );
        assert!(verbose.contains("unmatched predictions (1)"), "{verbose}");
        let j = serde_json::to_value(&r).unwrap();
        assert_eq!(j["overall"]["gold"], 1);
        assert_eq!(j["overall"]["matched"], 0);
        assert_eq!(j["per_type"][0]["event_type"], "assault");
        assert_eq!(j["unmatched_predictions"][0]["event_type"], "seizure");
        assert_eq!(j["unmatched_predictions"][0]["doc_id"], "a");
    }
}
