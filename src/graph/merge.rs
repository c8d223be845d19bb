//! Merging reports of the same event: same type, compatible dates, places and actors.
//!
//! Within an article (and across articles) the same assault told three times is one event.
//! Events are considered most precise first; each joins the first cluster it is compatible
//! with, so a country-level report joins a town-level one but two different towns stay apart.

use crate::model::*;
use crate::places::distance_km;
use chrono::{Datelike, Duration, NaiveDate};

/// Places closer than this are the same place (km).
pub const SAME_PLACE_KM: f64 = 25.0;

/// First and last day of a date at its precision.
pub fn date_range(d: &EventDate) -> (NaiveDate, NaiveDate) {
    let start = d.date;
    let end = match d.precision {
        TimePrecision::Day => start,
        TimePrecision::Week => start + Duration::days(6),
        TimePrecision::Month => {
            let (y, m) = if start.month() == 12 {
                (start.year() + 1, 1)
            } else {
                (start.year(), start.month() + 1)
            };
            NaiveDate::from_ymd_opt(y, m, 1).map_or(start, |n| n - Duration::days(1))
        }
        TimePrecision::Year => NaiveDate::from_ymd_opt(start.year(), 12, 31).unwrap_or(start),
    };
    (start, end)
}

fn dates_compatible(a: &Event, b: &Event) -> bool {
    match (a.date, b.date) {
        (Some(x), Some(y)) => {
            if !(a.date_explicit && b.date_explicit) {
                return true; // an inherited date yields to a stated one
            }
            let (xs, xe) = date_range(&x);
            let (ys, ye) = date_range(&y);
            xs <= ye && ys <= xe
        }
        _ => true,
    }
}

/// Is `inner` inside `outer`'s area (admin1 or country)?
fn inside(inner: &Place, outer: &Place) -> bool {
    inner.country_code == outer.country_code
        && match outer.precision {
            GeoPrecision::Country => true,
            GeoPrecision::Admin1 | GeoPrecision::Admin2 => {
                outer.admin1.is_some() && inner.admin1 == outer.admin1
            }
            GeoPrecision::Point => false,
        }
}

fn places_compatible(a: &Event, b: &Event) -> bool {
    match (&a.place, &b.place) {
        (Some(x), Some(y)) => {
            (x.geonameid.is_some() && x.geonameid == y.geonameid)
                || inside(x, y)
                || inside(y, x)
                || (x.precision == y.precision && distance_km(x, y) <= SAME_PLACE_KM)
        }
        _ => true,
    }
}

fn actors_compatible(a: &[Actor], b: &[Actor]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.iter().any(|y| x.name == y.name))
}

/// Can `a` and `b` be reports of one event?
pub fn compatible(a: &Event, b: &Event) -> bool {
    a.event_type == b.event_type
        && dates_compatible(a, b)
        && places_compatible(a, b)
        && actors_compatible(&a.agents, &b.agents)
}

/// How precise an event is, most precise first when sorted ascending.
fn precision_key(e: &Event) -> (GeoPrecision, bool, TimePrecision, bool) {
    (
        e.place
            .as_ref()
            .map_or(GeoPrecision::Country, |p| p.precision),
        e.place.is_none(),
        e.date.map_or(TimePrecision::Year, |d| d.precision),
        !e.date_explicit,
    )
}

/// Folds `other` into `into`, keeping the most precise facts and every report.
fn absorb(into: &mut Event, other: Event) {
    if into.place.is_none() {
        into.place = other.place;
        into.location = other.location;
    }
    let better_date = match (into.date, other.date) {
        (None, Some(_)) => true,
        (Some(a), Some(b)) => {
            (!into.date_explicit && other.date_explicit)
                || (into.date_explicit == other.date_explicit && b.precision < a.precision)
        }
        _ => false,
    };
    if better_date {
        into.date = other.date;
        into.date_explicit = other.date_explicit;
    }
    for (mine, theirs) in [
        (&mut into.agents, other.agents),
        (&mut into.targets, other.targets),
    ] {
        if mine.is_empty() {
            *mine = theirs;
        }
    }
    into.fatalities = match (into.fatalities, other.fatalities) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    into.confidence = into.confidence.max(other.confidence);
    into.evidence.extend(other.evidence);
}

/// Merges compatible events; ids of merged events derive from their members' ids, so they do
/// not depend on input order. The result is sorted by (doc, first evidence offset, type).
pub fn merge_events(mut events: Vec<Event>) -> Vec<Event> {
    events.sort_by(|a, b| {
        precision_key(a)
            .cmp(&precision_key(b))
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut clusters: Vec<(Event, Vec<String>)> = Vec::new();
    // blocking: only events of one type can merge
    for ev in events {
        let slot = clusters.iter().position(|(c, _)| compatible(c, &ev));
        match slot {
            Some(i) => {
                let (c, ids) = &mut clusters[i];
                ids.push(ev.id.clone());
                absorb(c, ev);
            }
            None => {
                let id = ev.id.clone();
                clusters.push((ev, vec![id]));
            }
        }
    }
    let mut out: Vec<Event> = clusters
        .into_iter()
        .map(|(mut e, mut ids)| {
            if ids.len() > 1 {
                ids.sort();
                e.id = merged_id(&ids);
            }
            e.evidence
                .sort_by(|a, b| (&a.doc_id, a.char_start).cmp(&(&b.doc_id, b.char_start)));
            e
        })
        .collect();
    out.sort_by(|a, b| {
        let ka = a.evidence.first().map(|e| (e.doc_id.clone(), e.char_start));
        let kb = b.evidence.first().map(|e| (e.doc_id.clone(), e.char_start));
        ka.cmp(&kb)
            .then_with(|| a.event_type.cmp(&b.event_type))
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

/// The id of a merged event: a hash of its members' ids (sorted).
pub fn merged_id(ids: &[String]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for id in ids {
        h.update(id.as_bytes());
        h.update([0x1e]);
    }
    h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, cc: &str, lat: f64, lon: f64, precision: GeoPrecision) -> Place {
        Place {
            geonameid: None,
            name: name.into(),
            country_code: cc.into(),
            country: cc.into(),
            admin1: Some("A1".into()),
            admin2: None,
            latitude: lat,
            longitude: lon,
            feature_code: String::new(),
            population: 0,
            precision,
        }
    }

    fn ev(
        id: &str,
        t: EventType,
        day: u32,
        explicit: bool,
        p: Option<Place>,
        agent: &str,
    ) -> Event {
        Event {
            id: id.into(),
            event_type: t,
            acled_event_type: String::new(),
            acled_sub_event_type: String::new(),
            cameo_code: String::new(),
            date: NaiveDate::from_ymd_opt(2021, 7, day).map(|date| EventDate {
                date,
                precision: TimePrecision::Day,
            }),
            date_explicit: explicit,
            agents: vec![Actor {
                name: agent.into(),
                actor_type: None,
                country: None,
            }],
            targets: vec![],
            location: p.as_ref().map(|p| p.name.clone()),
            place: p,
            fatalities: None,
            evidence: vec![Evidence {
                doc_id: "d".into(),
                source: None,
                url: None,
                published: None,
                sentence: id.into(),
                span: Span::default(),
                char_start: id.len(),
                char_end: 0,
                trigger: String::new(),
                rule: String::new(),
            }],
            confidence: 0.5,
        }
    }

    #[test]
    fn country_level_report_joins_the_town_level_one() {
        let town = place("Qala i Naw", "AF", 34.98, 63.13, GeoPrecision::Point);
        let country = place("Afghanistan", "AF", 33.0, 66.0, GeoPrecision::Country);
        let a = ev("a", EventType::Assault, 7, true, Some(country), "Taliban");
        let b = ev("bb", EventType::Assault, 7, false, Some(town), "Taliban");
        let merged = merge_events(vec![a, b]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].place.as_ref().unwrap().name, "Qala i Naw");
        assert_eq!(merged[0].evidence.len(), 2);
        assert!(merged[0].date_explicit);
    }

    #[test]
    fn different_towns_days_types_or_sides_stay_apart() {
        let k = place("Kunduz", "AF", 36.7, 68.9, GeoPrecision::Point);
        let t = place("Taloqan", "AF", 36.7, 69.5, GeoPrecision::Point);
        let v = vec![
            ev("a", EventType::Seizure, 8, true, Some(k.clone()), "Taliban"),
            ev("b", EventType::Seizure, 8, true, Some(t), "Taliban"),
            ev("c", EventType::Seizure, 6, true, Some(k.clone()), "Taliban"),
            ev("d", EventType::Assault, 8, true, Some(k.clone()), "Taliban"),
            ev("e", EventType::Seizure, 8, true, Some(k), "Afghan forces"),
        ];
        assert_eq!(merge_events(v).len(), 5);
    }

    #[test]
    fn merged_ids_do_not_depend_on_order() {
        let k = place("Kunduz", "AF", 36.7, 68.9, GeoPrecision::Point);
        let a = ev("a", EventType::Seizure, 8, true, Some(k.clone()), "Taliban");
        let b = ev("b", EventType::Seizure, 8, false, Some(k), "Taliban");
        let m1 = merge_events(vec![a.clone(), b.clone()]);
        let m2 = merge_events(vec![b, a]);
        assert_eq!(m1.len(), 1);
        assert_eq!(m1[0].id, m2[0].id);
        assert_ne!(m1[0].id, "a");
    }

    #[test]
    fn ranges_by_precision() {
        let d = |y, m, dd, p| EventDate {
            date: NaiveDate::from_ymd_opt(y, m, dd).unwrap(),
            precision: p,
        };
        assert_eq!(
            date_range(&d(2021, 2, 1, TimePrecision::Month)).1,
            NaiveDate::from_ymd_opt(2021, 2, 28).unwrap()
        );
        assert_eq!(
            date_range(&d(2021, 6, 28, TimePrecision::Week)).1,
            NaiveDate::from_ymd_opt(2021, 7, 4).unwrap()
        );
    }
}
