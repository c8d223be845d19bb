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

fn dates_compatible(a: &Event, b: &Event, strict: bool) -> bool {
    match (a.date, b.date) {
        (Some(x), Some(y)) => {
            let (xs, xe) = date_range(&x);
            let (ys, ye) = date_range(&y);
            // (within an article) an inherited date, or an event that happens once to a
            // place, yields a day
            let yields = !(a.date_explicit && b.date_explicit) || once_at_one_place(a, b);
            if !strict && yields {
                // an inherited date (the story's day) yields to a stated one a day away at most
                let slack = Duration::days(1);
                return xs - slack <= ye && ys - slack <= xe;
            }
            xs <= ye && ys <= xe
        }
        _ => true,
    }
}

/// Are `a` and `b` an event that happens once to a place (a town taken, a garrison that
/// surrenders or pulls out, a meeting, a deal, a release) told at the same town? Then a day
/// between their dates is how the reports date it ("said on Monday its forces had taken the
/// town", "took the town on Sunday"), not two events; fighting, shelling and strikes go on day
/// after day and stay apart.
fn once_at_one_place(a: &Event, b: &Event) -> bool {
    let point = |e: &Event| {
        e.place
            .as_ref()
            .filter(|p| p.precision == GeoPrecision::Point)
            .and_then(|p| p.geonameid)
    };
    matches!(
        a.event_type,
        EventType::Seizure
            | EventType::Surrender
            | EventType::Withdrawal
            | EventType::Talks
            | EventType::Agreement
            | EventType::PrisonerRelease
    ) && point(a).is_some()
        && point(a) == point(b)
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

pub(crate) fn places_compatible(a: &Event, b: &Event) -> bool {
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

/// Sides agree when one is unknown or they share an actor (state actors by country: "Afghan
/// commandos" and "Afghan forces" are one side).
pub(crate) fn actors_compatible(a: &[Actor], b: &[Actor]) -> bool {
    a.is_empty() || b.is_empty() || shares_side(a, b)
}

/// Do `a` and `b` name an actor of one side (false when either is empty)?
fn shares_side(a: &[Actor], b: &[Actor]) -> bool {
    use crate::actors::side_key;
    a.iter().any(|x| {
        let kx = side_key(x);
        b.iter().any(|y| side_key(y) == kx)
    })
}

/// Do the two events tell one armed clash between the same pair of sides the other way round
/// ("troops stormed the militants' positions" and "the militants fought the troops")? One's
/// agent is among the other's targets, and the other's agent among the first's targets (or
/// the first names no target). GUIDELINES.md counts one event per type, place, day and pair
/// of sides, whichever side a sentence puts first. Only assaults told on the same day: a
/// town taken and retaken, or prisoners freed by each side of a swap, are two events.
fn sides_reversed(a: &Event, b: &Event) -> bool {
    if a.event_type != EventType::Assault {
        return false;
    }
    // told on one day, not a month's fighting and a day of it
    let day = |e: &Event| {
        e.date
            .filter(|d| d.precision == TimePrecision::Day)
            .map(|d| d.date)
    };
    if day(a).is_none() || day(a) != day(b) {
        return false;
    }
    let turned = |x: &Event, y: &Event| {
        shares_side(&x.agents, &y.targets)
            && (x.targets.is_empty() || shares_side(&y.agents, &x.targets))
    };
    turned(a, b) || turned(b, a)
}

/// Can `a` and `b` be reports of one event? Within an article (`strict` false) an inherited
/// date yields to a stated one, and one pair of sides told the other way round is one pair;
/// across articles dates must overlap.
pub fn compatible(a: &Event, b: &Event, strict: bool) -> bool {
    a.event_type == b.event_type
        && (strict || !listed_apart(a, b))
        && dates_compatible(a, b, strict)
        && (places_compatible(a, b) || (!strict && (unnamed_place(a) || unnamed_place(b))))
        && (actors_compatible(&a.agents, &b.agents) || (!strict && sides_reversed(a, b)))
}

/// Were `a` and `b` told by one trigger of one sentence at two places it lists ("retook
/// Hadrut and Fuzuli", "struck the airports of Bahir Dar and Gondar")? A list names places
/// apart, however near they lie: two events. Only for what happens once to a place (a town
/// taken, a garrison that surrenders or pulls out, prisoners freed): fighting or a protest
/// told in twin towns ("clashes in Khartoum and Omdurman") is coded once.
fn listed_apart(a: &Event, b: &Event) -> bool {
    let ids = |e: &Event| e.place.as_ref().and_then(|p| p.geonameid);
    matches!(
        a.event_type,
        EventType::Seizure
            | EventType::Surrender
            | EventType::Withdrawal
            | EventType::PrisonerRelease
    ) && ids(a).is_some()
        && ids(b).is_some()
        && ids(a) != ids(b)
        && a.evidence.iter().any(|x| {
            b.evidence
                .iter()
                .any(|y| x.doc_id == y.doc_id && x.span == y.span && x.trigger == y.trigger)
        })
}

/// A place no report named (the story's country, given where the text names none): within
/// an article it is no evidence of another place ("after talks brokered by Beijing" and "held
/// peace talks in China" are one meeting).
fn unnamed_place(e: &Event) -> bool {
    e.location.is_none()
}

/// How precise an event is, most precise first when sorted ascending.
fn precision_key(e: &Event) -> (bool, GeoPrecision, bool, TimePrecision, bool) {
    (
        unnamed_place(e),
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
    // an empty side is filled in, never with an actor the other side already holds (a clash
    // told the other way round names the agent as its target)
    let (mut agents, mut targets) = (other.agents, other.targets);
    agents.retain(|x| !shares_side(std::slice::from_ref(x), &into.targets));
    targets.retain(|x| !shares_side(std::slice::from_ref(x), &into.agents));
    // people freed or arrested that one report names only as people ("Planes carrying
    // freed detainees landed ...") and another by their side ("the government freed 190
    // Houthi fighters"): the side goes first, the people stay
    let people = |a: &Actor| {
        matches!(
            a.actor_type,
            Some(ActorType::Civilians | ActorType::Protesters)
        )
    };
    if matches!(
        into.event_type,
        EventType::PrisonerRelease | EventType::Arrest
    ) && !into.targets.is_empty()
        && into.targets.iter().all(people)
    {
        let sides: Vec<Actor> = targets
            .iter()
            .filter(|a| a.actor_type.is_some() && !people(a))
            .cloned()
            .collect();
        if !sides.is_empty() {
            let named_people = std::mem::replace(&mut into.targets, sides);
            into.targets.extend(named_people);
        }
    }
    for (mine, theirs) in [(&mut into.agents, agents), (&mut into.targets, targets)] {
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

/// Adds `ev` to a cluster (its event and member ids).
fn join(cluster: &mut (Event, Vec<String>), ev: Event) {
    cluster.1.push(ev.id.clone());
    absorb(&mut cluster.0, ev);
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
        match clusters.iter().position(|(c, _)| compatible(c, &ev, false)) {
            Some(i) => join(&mut clusters[i], ev),
            None => {
                let id = ev.id.clone();
                clusters.push((ev, vec![id]));
            }
        }
    }
    finish(clusters)
}

/// Turns clusters into events: merged ids from member ids, evidence in text order, events in
/// (doc, offset, type) order.
fn finish(clusters: Vec<(Event, Vec<String>)>) -> Vec<Event> {
    let out: Vec<Event> = clusters
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
    let docs = rank_strings(
        out.iter()
            .filter_map(|e| e.evidence.first().map(|x| x.doc_id.as_str())),
    );
    let mut keys: Vec<_> = out
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let first = e
                .evidence
                .first()
                .map(|x| (docs[x.doc_id.as_str()], x.char_start));
            (first, e.event_type, id_key(&e.id), i)
        })
        .collect();
    keys.sort_unstable();
    let order: Vec<usize> = keys.into_iter().map(|k| k.3).collect();
    let mut slots: Vec<Option<Event>> = out.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Merges reports of the same event across articles. Blocking on (type, country) and an index
/// of clusters by day keep it near-linear: an event is only compared with clusters whose dates
/// overlap its own. Two events of one article never merge here (the within-article merge has
/// already decided about them). Events are taken most precise first, so a vague report joins
/// a precise one.
pub fn merge_across(events: Vec<Event>) -> Vec<Event> {
    use std::collections::HashMap;
    // order (by index: events are large) by block, then most precise first; compact keys
    // (interned countries, numeric ids) keep the sort cheap
    fn country(e: &Event) -> &str {
        e.place.as_ref().map_or("", |p| p.country_code.as_str())
    }
    let countries = rank_strings(events.iter().map(country));
    let mut keys: Vec<_> = events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            (
                e.event_type,
                countries[country(e)],
                precision_key(e),
                id_key(&e.id),
                i,
            )
        })
        .collect();
    keys.sort_unstable();
    let order: Vec<usize> = keys.into_iter().map(|k| k.4).collect();
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    let mut clusters: Vec<(Event, Vec<String>)> = Vec::new();
    // clusters of the current block by each day their date covers; undated ones apart
    let mut by_day: HashMap<NaiveDate, Vec<usize>> = HashMap::new();
    let mut undated: Vec<usize> = Vec::new();
    let mut block: Option<(EventType, String)> = None;
    let mut block_start = 0;
    for i in order {
        let Some(ev) = slots[i].take() else { continue };
        if block
            .as_ref()
            .is_none_or(|(t, c)| *t != ev.event_type || c != country(&ev))
        {
            block = Some((ev.event_type, country(&ev).to_string()));
            by_day.clear();
            undated.clear();
            block_start = clusters.len();
        }
        let range = ev.date.as_ref().map(date_range);
        let candidates: Vec<usize> = match range {
            Some((s, e)) => {
                let mut c: Vec<usize> = s
                    .iter_days()
                    .take_while(|d| *d <= e)
                    .filter_map(|d| by_day.get(&d))
                    .flatten()
                    .copied()
                    .collect();
                c.extend(&undated);
                c.sort_unstable();
                c.dedup();
                c
            }
            None => (block_start..clusters.len()).collect(),
        };
        let slot = candidates.into_iter().find(|&i| {
            let c = &clusters[i].0;
            !c.evidence
                .iter()
                .any(|x| ev.evidence.iter().any(|y| y.doc_id == x.doc_id))
                && compatible(c, &ev, true)
        });
        match slot {
            Some(i) => join(&mut clusters[i], ev),
            None => {
                let i = clusters.len();
                match range {
                    Some((s, e)) => {
                        for d in s.iter_days().take_while(|d| *d <= e) {
                            by_day.entry(d).or_default().push(i);
                        }
                    }
                    None => undated.push(i),
                }
                let id = ev.id.clone();
                clusters.push((ev, vec![id]));
            }
        }
    }
    finish(clusters)
}

/// Each distinct string's rank in sorted order.
fn rank_strings<'a>(
    items: impl Iterator<Item = &'a str>,
) -> std::collections::HashMap<&'a str, u32> {
    let mut uniq: Vec<&str> = items.collect();
    uniq.sort_unstable();
    uniq.dedup();
    uniq.into_iter()
        .enumerate()
        .map(|(i, s)| (s, i as u32))
        .collect()
}

/// A numeric sort key for an event id (ids are 16 hex digits), with the id itself as a
/// fallback for ids of another form.
fn id_key(id: &str) -> (u64, &str) {
    match u64::from_str_radix(id, 16) {
        Ok(n) if id.len() == 16 => (n, ""),
        _ => (u64::MAX, id),
    }
}

/// The id of a merged event: a hash of its members' ids (sorted).
pub fn merged_id(ids: &[String]) -> String {
    let parts: Vec<&str> = ids.iter().map(String::as_str).collect();
    crate::events::short_hash(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::test_events::event;

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
        event(id, t, day)
            .explicit(explicit)
            .agent(agent)
            .place(p)
            .report("d", id, id.len(), 0)
            .build()
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
    fn places_one_trigger_lists_stay_apart_however_near() {
        // "retook Arlon and Bastogne" (two towns a few km apart here, one verb): two events
        let town = |name: &str, id: u32, lon: f64| {
            let mut p = place(name, "BE", 49.8, lon, GeoPrecision::Point);
            p.geonameid = Some(id);
            p
        };
        let told = |id: &str, p: Place| {
            let mut e = ev(id, EventType::Seizure, 8, true, Some(p), "army");
            e.evidence[0].span = Span { start: 10, end: 60 };
            e.evidence[0].trigger = "retook".into();
            e
        };
        let v = vec![
            told("a", town("Arlon", 1, 5.81)),
            told("b", town("Bastogne", 2, 5.72)),
        ];
        assert_eq!(merge_events(v).len(), 2);
        // told by two sentences, towns that near are one place
        let mut b = told("b", town("Bastogne", 2, 5.72));
        b.evidence[0].span = Span { start: 70, end: 99 };
        let v = vec![told("a", town("Arlon", 1, 5.81)), b];
        assert_eq!(merge_events(v).len(), 1);
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
    fn crowds_named_in_other_words_are_one_protest() {
        let k = place("Kherson", "UA", 46.6, 32.6, GeoPrecision::Point);
        let crowd = |id: &str, name: &str| {
            let mut e = ev(id, EventType::Protest, 8, true, Some(k.clone()), name);
            e.agents[0].actor_type = Some(ActorType::Protesters);
            e
        };
        let v = vec![crowd("a", "Kherson residents"), crowd("bb", "Protesters")];
        assert_eq!(merge_events(v).len(), 1);
    }

    #[test]
    fn within_an_article_a_place_no_report_named_is_no_other_place() {
        // "talks brokered by Beijing" (placed in the story's country only) and "held peace
        // talks in Kunming": one meeting, in Kunming; across articles places must agree
        let kunming = place("Kunming", "CN", 25.04, 102.71, GeoPrecision::Point);
        let country = place("Myanmar", "MM", 21.0, 96.0, GeoPrecision::Country);
        let mut unnamed = ev("a", EventType::Talks, 7, false, Some(country), "China");
        unnamed.location = None;
        let named = ev("bb", EventType::Talks, 7, false, Some(kunming), "China");
        assert!(!compatible(&unnamed, &named, true));
        let merged = merge_events(vec![unnamed, named]);
        assert_eq!(merged.len(), 1, "{merged:#?}");
        assert_eq!(merged[0].place.as_ref().unwrap().name, "Kunming");
    }

    #[test]
    fn one_clash_told_from_either_side_is_one_event() {
        // "Soldiers stormed the rebels' camp near Tessit on Monday" and "the rebels said they
        // fought off the soldiers there on Monday": one pair of sides, one day, one assault
        let p = place("Tessit", "ML", 15.01, 0.98, GeoPrecision::Point);
        let mut a = ev(
            "a",
            EventType::Assault,
            5,
            true,
            Some(p.clone()),
            "soldiers",
        );
        a.targets = ev("x", EventType::Assault, 5, true, None, "rebels").agents;
        let mut b = ev("bb", EventType::Assault, 5, true, Some(p.clone()), "rebels");
        b.targets = ev("y", EventType::Assault, 5, true, None, "soldiers").agents;
        let one = merge_events(vec![a.clone(), b.clone()]);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].agents.len(), 1);
        assert_eq!(one[0].targets.len(), 1);
        assert_ne!(one[0].agents[0].name, one[0].targets[0].name);
        // a report with no target takes none from the other way round: its agent is the
        // other's target
        let mut lone = a.clone();
        lone.targets.clear();
        let m = merge_events(vec![lone, b.clone()]);
        assert_eq!(m.len(), 1);
        assert!(m[0].targets.iter().all(|t| t.name != m[0].agents[0].name));
        // another day, or a town taken by one side and retaken by the other: two events
        let mut c = b.clone();
        c.date = ev("z", EventType::Assault, 6, true, None, "").date;
        assert_eq!(merge_events(vec![a.clone(), c]).len(), 2);
        let (mut s1, mut s2) = (a, b);
        s1.event_type = EventType::Seizure;
        s2.event_type = EventType::Seizure;
        assert_eq!(merge_events(vec![s1, s2]).len(), 2);
    }

    #[test]
    fn a_town_taken_told_a_day_apart_is_one_seizure_but_battles_stay_apart() {
        // "the rebels said on Tuesday they had taken Menaka" and "rebels took Menaka on
        // Monday": one seizure; a clash on Monday and one on Tuesday there are two
        let mut p = place("Menaka", "ML", 15.92, 2.40, GeoPrecision::Point);
        p.geonameid = Some(2454533);
        let a = ev("a", EventType::Seizure, 5, true, Some(p.clone()), "rebels");
        let b = ev("bb", EventType::Seizure, 6, true, Some(p.clone()), "rebels");
        assert_eq!(merge_events(vec![a.clone(), b.clone()]).len(), 1);
        let (mut c, mut d) = (a, b);
        c.event_type = EventType::Assault;
        d.event_type = EventType::Assault;
        assert_eq!(merge_events(vec![c, d]).len(), 2);
        // two days apart, or across articles: apart
        let e = ev("e", EventType::Seizure, 5, true, Some(p.clone()), "rebels");
        let f = ev("ff", EventType::Seizure, 7, true, Some(p.clone()), "rebels");
        assert_eq!(merge_events(vec![e.clone(), f]).len(), 2);
        let g = in_doc(
            ev("g", EventType::Seizure, 6, true, Some(p), "rebels"),
            "other",
        );
        assert_eq!(merge_across(vec![in_doc(e, "one"), g]).len(), 2);
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

    fn in_doc(mut e: Event, doc: &str) -> Event {
        for x in &mut e.evidence {
            x.doc_id = doc.into();
        }
        e
    }

    #[test]
    fn across_articles_same_event_merges_with_all_sources() {
        let k = place("Kunduz", "AF", 36.72, 68.86, GeoPrecision::Point);
        let k2 = place("Qunduz", "AF", 36.73, 68.85, GeoPrecision::Point);
        let t = place("Taloqan", "AF", 36.7, 69.5, GeoPrecision::Point);
        let a = in_doc(
            ev("a", EventType::Seizure, 8, true, Some(k), "Taliban"),
            "reuters",
        );
        let b = in_doc(
            ev("b", EventType::Seizure, 8, true, Some(k2), "Taliban"),
            "afp",
        );
        let c = in_doc(
            ev("c", EventType::Seizure, 8, true, Some(t), "Taliban"),
            "ap",
        );
        let d = in_doc(ev("d", EventType::Seizure, 1, true, None, "Taliban"), "ap");
        let merged = merge_across(vec![a, b, c, d]);
        assert_eq!(
            merged.len(),
            3,
            "{:?}",
            merged.iter().map(|e| &e.id).collect::<Vec<_>>()
        );
        let k = merged.iter().find(|e| e.evidence.len() == 2).unwrap();
        let docs: Vec<&str> = k.evidence.iter().map(|x| x.doc_id.as_str()).collect();
        assert_eq!(docs, vec!["afp", "reuters"]);
    }

    #[test]
    fn across_articles_never_merges_two_events_of_one_article() {
        let k = place("Kunduz", "AF", 36.72, 68.86, GeoPrecision::Point);
        let a = in_doc(
            ev("a", EventType::Assault, 8, true, Some(k.clone()), "Taliban"),
            "x",
        );
        let b = in_doc(
            ev("b", EventType::Assault, 8, true, Some(k), "Taliban"),
            "x",
        );
        assert_eq!(merge_across(vec![a, b]).len(), 2);
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
