//! The graph exports load in the tools that read them: GraphML (XML structure checked here,
//! and networkx where Python has it), DOT (rendered by Graphviz where installed), GeoJSON link
//! lines (RFC 7946 LineStrings), the links CSV, and the timeline views.

mod common;

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles")
}

fn run(args: &[&str]) -> Vec<u8> {
    common::stdout_ok(
        Command::cargo_bin("frontline")
            .unwrap()
            .args(args)
            .arg(articles()),
    )
}

#[test]
fn graphml_is_well_formed_with_declared_keys_and_resolvable_edges() {
    let xml = String::from_utf8(run(&["extract", "--format", "graphml"])).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "graphml");
    let keys: Vec<&str> = root
        .children()
        .filter(|n| n.has_tag_name("key"))
        .filter_map(|n| n.attribute("id"))
        .collect();
    let graph = root.children().find(|n| n.has_tag_name("graph")).unwrap();
    let nodes: std::collections::HashSet<&str> = graph
        .children()
        .filter(|n| n.has_tag_name("node"))
        .filter_map(|n| n.attribute("id"))
        .collect();
    let kinds: std::collections::HashSet<String> = graph
        .descendants()
        .filter(|n| n.has_tag_name("data") && n.attribute("key") == Some("kind"))
        .filter_map(|n| n.text().map(str::to_string))
        .collect();
    for k in ["event", "actor", "place", "source"] {
        assert!(kinds.contains(k), "no {k} node");
    }
    for d in graph.descendants().filter(|n| n.has_tag_name("data")) {
        assert!(
            keys.contains(&d.attribute("key").unwrap()),
            "undeclared key"
        );
    }
    let mut relations = std::collections::HashSet::new();
    for e in graph.children().filter(|n| n.has_tag_name("edge")) {
        assert!(nodes.contains(e.attribute("source").unwrap()));
        assert!(nodes.contains(e.attribute("target").unwrap()));
        for d in e.children().filter(|n| n.has_tag_name("data")) {
            if d.attribute("key") == Some("relation") {
                relations.insert(d.text().unwrap_or("").to_string());
            }
        }
    }
    for r in ["agent", "located_in", "part_of", "reported_by"] {
        assert!(relations.contains(r), "no {r} edge in {relations:?}");
    }

    // networkx, where available
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.graphml");
    std::fs::write(&path, &xml).unwrap();
    let py = std::process::Command::new("python3")
        .arg("-c")
        .arg("import sys, networkx; g = networkx.read_graphml(sys.argv[1]); print(g.number_of_nodes())")
        .arg(&path)
        .output();
    match py {
        Ok(o) if o.status.success() => {
            let n: usize = String::from_utf8_lossy(&o.stdout).trim().parse().unwrap();
            assert_eq!(n, nodes.len());
        }
        _ => eprintln!("skipping the networkx check: python3 with networkx not available"),
    }
}

#[test]
fn dot_renders_where_graphviz_is_installed() {
    let dot = run(&["extract", "--format", "dot"]);
    let text = String::from_utf8(dot.clone()).unwrap();
    assert!(text.starts_with("digraph frontline {") && text.trim_end().ends_with('}'));
    assert!(text.contains("->"));
    let child = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    match child {
        Ok(mut c) => {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(&dot).unwrap();
            let o = c.wait_with_output().unwrap();
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
        Err(_) => eprintln!("skipping the render check: Graphviz `dot` not installed"),
    }
}

#[test]
fn geojson_links_are_linestrings_and_links_csv_has_its_header() {
    let dir = tempfile::tempdir().unwrap();
    let links = dir.path().join("links.csv");
    let out = Command::cargo_bin("frontline")
        .unwrap()
        .args(["extract", "--format", "geojson", "--links", "--links-csv"])
        .arg(&links)
        .arg(articles())
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut lines = 0;
    for f in v["features"].as_array().unwrap() {
        match f["geometry"]["type"].as_str().unwrap() {
            "Point" => {}
            "LineString" => {
                lines += 1;
                let c = f["geometry"]["coordinates"].as_array().unwrap();
                assert!(c.len() >= 2);
                for p in c {
                    let p = p.as_array().unwrap();
                    assert_eq!(p.len(), 2);
                    assert!(p[0].as_f64().unwrap().abs() <= 180.0);
                    assert!(p[1].as_f64().unwrap().abs() <= 90.0);
                }
                assert_ne!(c[0], c[1]);
                assert!(f["properties"]["relation"].is_string());
            }
            other => panic!("unexpected geometry {other}"),
        }
    }
    let csv = std::fs::read_to_string(&links).unwrap();
    assert!(csv.starts_with("from_event_id,to_event_id,relation,basis"));
    assert_eq!(lines > 0, csv.lines().count() > 1 || lines == 0);
}

#[test]
fn timeline_table_markdown_and_csv() {
    let table = String::from_utf8(run(&["timeline"])).unwrap();
    assert!(table.starts_with("date"));
    let dates: Vec<&str> = table
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.len() >= 4 && w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "chronological");

    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("t.md");
    Command::cargo_bin("frontline")
        .unwrap()
        .args(["timeline", "--type", "seizure", "-o"])
        .arg(&md)
        .arg(articles())
        .assert()
        .success();
    let md = std::fs::read_to_string(&md).unwrap();
    assert!(md.starts_with("# Timeline"));
    assert!(md.contains("| seizure |"));
    assert!(!md.contains("| talks |"), "the --type filter applies");

    Command::cargo_bin("frontline")
        .unwrap()
        .args(["timeline", "--type", "bogus"])
        .arg(articles())
        .assert()
        .failure();
}
