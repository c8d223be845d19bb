//! The event graph as JSON: `{"nodes": [{"id", "kind", ...}], "edges": [{"source", "target",
//! "relation", "basis"}]}`.

use super::{io_err, ExportSummary, Exporter};
use crate::graph::{EventGraph, Link};
use crate::model::Event;
use crate::Result;
use petgraph::visit::EdgeRef;
use serde_json::{json, Value};
use std::io::Write;

pub struct GraphJsonExporter;

impl Exporter for GraphJsonExporter {
    fn write(
        &self,
        events: &[Event],
        links: &[Link],
        out: &mut dyn Write,
    ) -> Result<ExportSummary> {
        let g = EventGraph::build(events, links);
        let nodes: Vec<Value> = g
            .graph
            .node_weights()
            .map(|n| {
                let mut v = serde_json::to_value(n).unwrap_or(Value::Null);
                if let Some(o) = v.as_object_mut() {
                    o.insert("id".into(), json!(n.key()));
                }
                v
            })
            .collect();
        let edges: Vec<Value> = g
            .graph
            .edge_references()
            .map(|e| {
                json!({
                    "source": g.graph[e.source()].key(),
                    "target": g.graph[e.target()].key(),
                    "relation": e.weight().relation,
                    "basis": e.weight().basis,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &json!({"nodes": nodes, "edges": edges}))
            .map_err(crate::Error::write("graph JSON"))?;
        out.write_all(b"\n").map_err(io_err)?;
        Ok(ExportSummary {
            written: events.len(),
            skipped: 0,
        })
    }
}
