//! The event graph in Graphviz DOT: events as boxes, actors as ellipses, places as houses,
//! sources as notes; edges labelled with their relation.

use super::{io_err, ExportSummary, Exporter};
use crate::graph::{EventGraph, Link, Node};
use crate::model::Event;
use crate::Result;
use petgraph::visit::EdgeRef;
use std::io::Write;

pub struct DotExporter;

fn quote(s: &str) -> String {
    format!(
        "\"{}\"",
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', " ")
    )
}

impl Exporter for DotExporter {
    fn write(
        &self,
        events: &[Event],
        links: &[Link],
        out: &mut dyn Write,
    ) -> Result<ExportSummary> {
        let g = EventGraph::build(events, links);
        let mut s =
            String::from("digraph frontline {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        for n in g.graph.node_weights() {
            let shape = match n {
                Node::Event { .. } => "box",
                Node::Actor { .. } => "ellipse",
                Node::Place { .. } => "house",
                Node::Source { .. } => "note",
            };
            s.push_str(&format!(
                "  {} [label={}, shape={shape}, kind={}];\n",
                quote(&n.key()),
                quote(&n.label()),
                quote(n.kind())
            ));
        }
        for e in g.graph.edge_references() {
            let w = e.weight();
            s.push_str(&format!(
                "  {} -> {} [label={}{}];\n",
                quote(&g.graph[e.source()].key()),
                quote(&g.graph[e.target()].key()),
                quote(&w.relation),
                if w.basis.is_empty() {
                    String::new()
                } else {
                    format!(", tooltip={}", quote(&w.basis))
                }
            ));
        }
        s.push_str("}\n");
        out.write_all(s.as_bytes()).map_err(io_err)?;
        Ok(ExportSummary {
            written: events.len(),
            skipped: 0,
        })
    }
}
