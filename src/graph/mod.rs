//! Graph stage: merging reports of the same event, links between events, and the event graph
//! (events, actors, places with their admin hierarchy, sources) in petgraph.

pub mod links;
pub mod merge;
#[cfg(test)]
pub(crate) mod test_events;

pub use links::{temporal_links, Link, Relation, TemporalCues};
pub use merge::{merge_across, merge_events};

use crate::model::*;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;
use std::collections::HashMap;

/// A node of the event graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Node {
    Event {
        id: String,
        event_type: String,
        date: Option<String>,
        time_precision: Option<String>,
        location: Option<String>,
        fatalities: Option<u32>,
        sources: usize,
    },
    Actor {
        name: String,
        actor_type: Option<String>,
    },
    /// A place, or an admin area or country above it.
    Place {
        name: String,
        level: String,
        country_code: String,
        latitude: Option<f64>,
        longitude: Option<f64>,
        geonameid: Option<u32>,
    },
    Source {
        doc_id: String,
        source: Option<String>,
        url: Option<String>,
        published: Option<String>,
    },
}

impl Node {
    /// A stable, unique key for the node (used as the node id in exports).
    pub fn key(&self) -> String {
        match self {
            Node::Event { id, .. } => format!("event:{id}"),
            Node::Actor { name, .. } => format!("actor:{name}"),
            Node::Place {
                name,
                level,
                country_code,
                geonameid,
                ..
            } => match geonameid {
                Some(g) => format!("place:{g}"),
                None => format!("{level}:{country_code}:{name}"),
            },
            Node::Source { doc_id, .. } => format!("source:{doc_id}"),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Node::Event { .. } => "event",
            Node::Actor { .. } => "actor",
            Node::Place { .. } => "place",
            Node::Source { .. } => "source",
        }
    }

    pub fn label(&self) -> String {
        match self {
            Node::Event {
                event_type, date, ..
            } => format!("{event_type} {}", date.as_deref().unwrap_or("")),
            Node::Actor { name, .. } => name.clone(),
            Node::Place { name, .. } => name.clone(),
            Node::Source { doc_id, .. } => doc_id.clone(),
        }
    }
}

/// An edge of the event graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge {
    /// `agent`, `target`, `located_in`, `part_of`, `reported_by`, `before`, `same_day`.
    pub relation: String,
    /// The cue or rule behind an event-event link; empty for the others.
    pub basis: String,
}

/// Events, actors, places and sources, with their relations.
pub struct EventGraph {
    pub graph: DiGraph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
    pub links: Vec<Link>,
}

impl EventGraph {
    /// Builds the graph of `events` with the event-event `links`.
    pub fn build(events: &[Event], links: &[Link]) -> EventGraph {
        let mut g = EventGraph {
            graph: DiGraph::new(),
            index: HashMap::new(),
            links: links.to_vec(),
        };
        for e in events {
            let ev = g.node(Node::Event {
                id: e.id.clone(),
                event_type: e.event_type.as_str().into(),
                date: e.date.map(|d| d.date.to_string()),
                time_precision: e.date.map(|d| d.precision.as_str().into()),
                location: e.location.clone(),
                fatalities: e.fatalities,
                sources: e.evidence.len(),
            });
            for (actors, rel) in [(&e.agents, "agent"), (&e.targets, "target")] {
                for a in actors.iter() {
                    let n = g.node(Node::Actor {
                        name: a.name.clone(),
                        actor_type: a.actor_type.map(|t| t.as_str().into()),
                    });
                    g.edge(ev, n, rel, "");
                }
            }
            if let Some(p) = &e.place {
                let n = g.place_with_hierarchy(p);
                g.edge(ev, n, "located_in", "");
            }
            for x in &e.evidence {
                let n = g.node(Node::Source {
                    doc_id: x.doc_id.clone(),
                    source: x.source.clone(),
                    url: x.url.clone(),
                    published: x.published.map(|d| d.to_string()),
                });
                g.edge(ev, n, "reported_by", "");
            }
        }
        for l in links {
            let (Some(&a), Some(&b)) = (
                g.index.get(&format!("event:{}", l.from)),
                g.index.get(&format!("event:{}", l.to)),
            ) else {
                continue;
            };
            g.edge(a, b, l.relation.as_str(), &l.basis);
        }
        g
    }

    fn node(&mut self, n: Node) -> NodeIndex {
        let key = n.key();
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.graph.add_node(n);
        self.index.insert(key, i);
        i
    }

    fn edge(&mut self, a: NodeIndex, b: NodeIndex, relation: &str, basis: &str) {
        if self
            .graph
            .edges_connecting(a, b)
            .any(|e| e.weight().relation == relation)
        {
            return;
        }
        self.graph.add_edge(
            a,
            b,
            Edge {
                relation: relation.into(),
                basis: basis.into(),
            },
        );
    }

    /// The place node, linked `part_of` its admin2, admin1 and country.
    fn place_with_hierarchy(&mut self, p: &Place) -> NodeIndex {
        let area = |name: &str, level: &str| Node::Place {
            name: name.into(),
            level: level.into(),
            country_code: p.country_code.clone(),
            latitude: None,
            longitude: None,
            geonameid: None,
        };
        let mut chain = Vec::new();
        if p.precision == GeoPrecision::Point {
            chain.push(Node::Place {
                name: p.name.clone(),
                level: "point".into(),
                country_code: p.country_code.clone(),
                latitude: Some(p.latitude),
                longitude: Some(p.longitude),
                geonameid: p.geonameid,
            });
        }
        if p.precision <= GeoPrecision::Admin2 {
            if let Some(a2) = &p.admin2 {
                chain.push(area(a2, "admin2"));
            }
        }
        if p.precision <= GeoPrecision::Admin1 {
            if let Some(a1) = &p.admin1 {
                chain.push(area(a1, "admin1"));
            }
        }
        chain.push(Node::Place {
            name: p.country.clone(),
            level: "country".into(),
            country_code: p.country_code.clone(),
            latitude: None,
            longitude: None,
            geonameid: None,
        });
        let ids: Vec<NodeIndex> = chain.into_iter().map(|n| self.node(n)).collect();
        for w in ids.windows(2) {
            self.edge(w[0], w[1], "part_of", "");
        }
        ids[0]
    }
}
