//! `frontline eval --acled` end to end: every ACLED sub-event type is reachable, on snippets
//! written for this test (`tests/data/acled_subtypes.tsv`), and bad snippet files fail clearly.

mod common;

use assert_cmd::Command;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// ACLED's 25 sub-event types (ACLED codebook).
const ACLED_SUB_TYPES: [&str; 25] = [
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Sexual violence",
    "Attack",
    "Abduction/forced disappearance",
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
];

fn snippets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/acled_subtypes.tsv")
}

#[test]
fn every_acled_sub_event_type_is_reachable() {
    let stdout = common::stdout_ok(
        Command::cargo_bin("frontline")
            .unwrap()
            .args(["eval", "--json", "--acled"])
            .arg(snippets()),
    );
    let r: serde_json::Value = serde_json::from_slice(&stdout).expect("JSON report");
    let per: &serde_json::Map<String, serde_json::Value> =
        r["per_sub_type"].as_object().expect("per_sub_type");
    let labelled: BTreeSet<&str> = per.keys().map(String::as_str).collect();
    let all: BTreeSet<&str> = ACLED_SUB_TYPES.into_iter().collect();
    assert_eq!(labelled, all, "the test file labels every sub-event type");
    let wrong: Vec<String> = r["misses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| format!("{} ({} coded as {:?})", m["id"], m["gold"], m["predicted"]))
        .collect();
    assert!(wrong.is_empty(), "miscoded snippets: {wrong:#?}");
    assert_eq!(r["lead_correct"], r["snippets"]);
}

#[test]
fn the_event_types_of_the_snippets_are_those_labelled() {
    // the same snippets through `extract`: each snippet's labelled event type and ACLED codes
    // come out together
    let text = std::fs::read_to_string(snippets()).unwrap();
    let mut jsonl = String::new();
    let mut expected = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        assert_eq!(c.len(), 6, "{line}");
        jsonl.push_str(
            &serde_json::json!({"id": c[0], "published": c[1], "text": c[5]}).to_string(),
        );
        jsonl.push('\n');
        expected.push((
            c[0].to_string(),
            c[2].to_string(),
            c[3].to_string(),
            c[4].to_string(),
        ));
    }
    let out = Command::cargo_bin("frontline")
        .unwrap()
        .args(["extract", "--no-merge", "-"])
        .write_stdin(jsonl)
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut rdr = csv::Reader::from_reader(&out.stdout[..]);
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    for (id, t, acled_t, sub) in expected {
        let found = rows
            .iter()
            .any(|r| r[1] == *id && r[4] == *t && r[5] == *acled_t && r[6] == *sub);
        assert!(found, "{id}: no {t} event coded {acled_t} / {sub}");
    }
}

#[test]
fn a_snippet_file_without_labels_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("s.csv");
    std::fs::write(&f, "notes\nSoldiers clashed with rebels.\n").unwrap();
    let out = Command::cargo_bin("frontline")
        .unwrap()
        .args(["eval", "--acled"])
        .arg(&f)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("s.csv") && err.contains("sub_event_type"),
        "{err}"
    );
}
