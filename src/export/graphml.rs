//! The event graph in GraphML (Gephi, yEd, networkx): typed nodes and edges with attributes.

use super::{io_err, ExportSummary, Exporter};
use crate::graph::{EventGraph, Link, Node};
use crate::model::Event;
use crate::Result;
use petgraph::visit::EdgeRef;
use std::io::Write;

pub struct GraphMlExporter;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Node attributes: (key, GraphML type).
const NODE_KEYS: &[(&str, &str)] = &[
    ("kind", "string"),
    ("label", "string"),
    ("event_type", "string"),
    ("date", "string"),
    ("time_precision", "string"),
    ("fatalities", "int"),
    ("sources", "int"),
    ("actor_type", "string"),
    ("level", "string"),
    ("country_code", "string"),
    ("latitude", "double"),
    ("longitude", "double"),
    ("geonameid", "long"),
    ("url", "string"),
    ("published", "string"),
];

fn attrs(n: &Node) -> Vec<(&'static str, String)> {
    let mut v = vec![("kind", n.kind().to_string()), ("label", n.label())];
    match n {
        Node::Event {
            event_type,
            date,
            time_precision,
            fatalities,
            sources,
            ..
        } => {
            v.push(("event_type", event_type.clone()));
            if let Some(d) = date {
                v.push(("date", d.clone()));
            }
            if let Some(p) = time_precision {
                v.push(("time_precision", p.clone()));
            }
            if let Some(f) = fatalities {
                v.push(("fatalities", f.to_string()));
            }
            v.push(("sources", sources.to_string()));
        }
        Node::Actor { actor_type, .. } => {
            if let Some(t) = actor_type {
                v.push(("actor_type", t.clone()));
            }
        }
        Node::Place {
            level,
            country_code,
            latitude,
            longitude,
            geonameid,
            ..
        } => {
            v.push(("level", level.clone()));
            v.push(("country_code", country_code.clone()));
            if let (Some(la), Some(lo)) = (latitude, longitude) {
                v.push(("latitude", la.to_string()));
                v.push(("longitude", lo.to_string()));
            }
            if let Some(g) = geonameid {
                v.push(("geonameid", g.to_string()));
            }
        }
        Node::Source { url, published, .. } => {
            if let Some(u) = url {
                v.push(("url", u.clone()));
            }
            if let Some(p) = published {
                v.push(("published", p.clone()));
            }
        }
    }
    v
}

impl Exporter for GraphMlExporter {
    fn write(
        &self,
        events: &[Event],
        links: &[Link],
        out: &mut dyn Write,
    ) -> Result<ExportSummary> {
        let g = EventGraph::build(events, links);
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
        );
        for (k, t) in NODE_KEYS {
            s.push_str(&format!(
                "  <key id=\"{k}\" for=\"node\" attr.name=\"{k}\" attr.type=\"{t}\"/>\n"
            ));
        }
        s.push_str(
            "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n",
        );
        s.push_str("  <key id=\"basis\" for=\"edge\" attr.name=\"basis\" attr.type=\"string\"/>\n");
        s.push_str("  <graph id=\"frontline\" edgedefault=\"directed\">\n");
        for n in g.graph.node_weights() {
            s.push_str(&format!("    <node id=\"{}\">\n", esc(&n.key())));
            for (k, v) in attrs(n) {
                s.push_str(&format!("      <data key=\"{k}\">{}</data>\n", esc(&v)));
            }
            s.push_str("    </node>\n");
        }
        for (i, e) in g.graph.edge_references().enumerate() {
            let w = e.weight();
            s.push_str(&format!(
                "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">\n      <data key=\"relation\">{}</data>\n",
                esc(&g.graph[e.source()].key()),
                esc(&g.graph[e.target()].key()),
                esc(&w.relation)
            ));
            if !w.basis.is_empty() {
                s.push_str(&format!(
                    "      <data key=\"basis\">{}</data>\n",
                    esc(&w.basis)
                ));
            }
            s.push_str("    </edge>\n");
        }
        s.push_str("  </graph>\n</graphml>\n");
        out.write_all(s.as_bytes()).map_err(io_err)?;
        Ok(ExportSummary {
            written: events.len(),
            skipped: 0,
        })
    }
}
