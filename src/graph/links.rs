//! Links between events: temporal order from resolved dates (within each article), and from
//! explicit cues in the text ("hours after", "coincided with", `gazetteer/temporal_cues.tsv`).

use crate::model::*;
use crate::{Error, Result};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// How two events relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// `from` happened before `to`.
    Before,
    /// Same day.
    SameDay,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Before => "before",
            Relation::SameDay => "same_day",
        }
    }
}

/// A link between two events, with the cue or rule that made it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Link {
    pub from: String,
    pub to: String,
    pub relation: Relation,
    pub basis: String,
}

/// The temporal cue table.
pub struct TemporalCues {
    cues: Vec<(String, Relation)>,
}

impl TemporalCues {
    pub fn load(path: &Path) -> Result<TemporalCues> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let mut cues = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut c = line.split('\t').map(str::trim);
            let (Some(cue), Some(rel)) = (c.next(), c.next()) else {
                return Err(Error::gazetteer(
                    path,
                    format!("line {}: cue<TAB>relation", i + 1),
                ));
            };
            let rel = match rel {
                "before" => Relation::Before,
                "same_day" => Relation::SameDay,
                _ => {
                    return Err(Error::gazetteer(
                        path,
                        format!("line {}: relation must be before or same_day", i + 1),
                    ))
                }
            };
            cues.push((cue.to_lowercase(), rel));
        }
        Ok(TemporalCues { cues })
    }

    fn find(&self, sentence: &str) -> Option<(&str, Relation)> {
        let s = sentence.to_lowercase();
        self.cues
            .iter()
            .find(|(cue, _)| {
                s.match_indices(cue.as_str()).any(|(i, _)| {
                    let before = s[..i].chars().next_back();
                    let after = s[i + cue.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
            })
            .map(|(c, r)| (c.as_str(), *r))
    }
}

/// Links between the events of each article: explicit cues tie an event to the one reported just
/// before it; otherwise consecutive dates (day precision) give `before`, equal days `same_day`.
pub fn temporal_links(events: &[Event], cues: &TemporalCues) -> Vec<Link> {
    let mut by_doc: BTreeMap<&str, Vec<(&Event, &Evidence)>> = BTreeMap::new();
    for e in events {
        for ev in &e.evidence {
            by_doc.entry(ev.doc_id.as_str()).or_default().push((e, ev));
        }
    }
    let mut links = Vec::new();
    // the pairs of events linked so far, in either direction (ids in order), for the test
    // below: a look-up instead of a scan of every link of the corpus
    let mut linked: crate::hash::FastSet<(&str, &str)> = Default::default();
    fn pair<'e>(a: &'e str, b: &'e str) -> (&'e str, &'e str) {
        if a <= b {
            (a, b)
        } else {
            (b, a)
        }
    }
    for (_, mut reports) in by_doc {
        reports.sort_by_key(|(e, ev)| (ev.char_start, e.event_type));
        reports.dedup_by_key(|(e, _)| e.id.clone());
        // cues: the event just before in the text (in an earlier sentence)
        for i in 1..reports.len() {
            let (e, ev) = reports[i];
            let Some((cue, rel)) = cues.find(&ev.sentence) else {
                continue;
            };
            if let Some((prev, _)) = reports[..i]
                .iter()
                .rev()
                .find(|(p, pev)| p.id != e.id && pev.char_start < ev.char_start)
            {
                linked.insert(pair(&prev.id, &e.id));
                links.push(Link {
                    from: prev.id.clone(),
                    to: e.id.clone(),
                    relation: rel,
                    basis: format!("cue: {cue}"),
                });
            }
        }
        // dates: day-precision events in date order
        let mut dated: Vec<&Event> = reports
            .iter()
            .map(|(e, _)| *e)
            .filter(|e| e.date.is_some_and(|d| d.precision == TimePrecision::Day))
            .collect();
        dated.sort_by_key(|e| (e.date.map(|d| d.date), e.id.clone()));
        for w in dated.windows(2) {
            let (a, b) = (w[0], w[1]);
            let (Some(da), Some(db)) = (a.date, b.date) else {
                continue;
            };
            let relation = if da.date == db.date {
                Relation::SameDay
            } else {
                Relation::Before
            };
            if linked.insert(pair(&a.id, &b.id)) {
                links.push(Link {
                    from: a.id.clone(),
                    to: b.id.clone(),
                    relation,
                    basis: format!("dates: {} {} {}", da.date, relation.as_str(), db.date),
                });
            }
        }
    }
    links.sort();
    links.dedup();
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::test_events::event;

    /// An assault on day `day` of July 2021 reported in sentence `sentence` of each of `docs`
    /// (at char `at` there).
    fn ev(id: &str, day: u32, docs: &[(&str, usize, &str)]) -> Event {
        docs.iter()
            .fold(
                event(id, EventType::Assault, day),
                |e, &(doc, at, sentence)| e.report(doc, sentence, at, at + sentence.len()),
            )
            .build()
    }

    /// A pair of events is linked once, by the first article that links it (by a cue or by
    /// their dates), whichever way round a later article would link it.
    #[test]
    fn a_pair_reported_by_two_articles_is_linked_once() {
        let cues = TemporalCues {
            cues: vec![("hours after".into(), Relation::SameDay)],
        };
        let a = ev(
            "a",
            3,
            &[("d1", 0, "Rebels raided a post."), ("d2", 90, "x")],
        );
        let b = ev(
            "b",
            5,
            &[
                ("d1", 40, "Hours after the raid, troops hit back."),
                ("d2", 10, "y"),
            ],
        );
        let c = ev("c", 5, &[("d2", 50, "z")]);
        let links = temporal_links(&[a, b, c], &cues);
        let pairs: Vec<(&str, &str, &str)> = links
            .iter()
            .map(|l| (l.from.as_str(), l.to.as_str(), l.basis.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("a", "b", "cue: hours after"),
                ("b", "c", "dates: 2021-07-05 same_day 2021-07-05"),
            ]
        );
    }
}
