//! `frontline eval` end to end on the hand-made files of `tests/data/eval/` (see its README for
//! how each expected figure follows from the rules).

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/eval")).join(name)
}

fn frontline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_frontline"))
}

fn close(v: &Value, want: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - want).abs() < 1e-9)
}

fn assert_counts(v: &Value, gold: u64, pred: u64, matched: u64) {
    assert_eq!(v["gold"], gold, "{v}");
    assert_eq!(v["predicted"], pred, "{v}");
    assert_eq!(v["matched"], matched, "{v}");
    let p = if pred == 0 {
        0.0
    } else {
        matched as f64 / pred as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        matched as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    assert!(close(&v["precision"], p), "{v}");
    assert!(close(&v["recall"], r), "{v}");
    assert!(close(&v["f1"], f), "{v}");
}

fn run_json() -> Value {
    let out = frontline()
        .arg("eval")
        .arg(data("gold.jsonl"))
        .arg(data("articles.jsonl"))
        .arg("--pred")
        .arg(data("pred.csv"))
        .arg("--json")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "1 predictions for articles without gold",
        ))
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("eval --json prints JSON")
}

#[test]
fn figures_match_the_hand_computed_ones() {
    let j = run_json();
    // 7 non-optional gold events, 9 scored predictions (11 rows - 1 matched to the optional
    // withdrawal - 1 for article t3 that has no gold), 6 matches.
    assert_counts(&j["overall"], 7, 9, 6);
    assert!(close(&j["overall"]["f1"], 0.75));
    assert_counts(&j["core"], 6, 8, 5);
    assert_eq!(j["optional_gold"], 1);
    assert_eq!(j["optional_matched"], 1);
    assert_eq!(j["unscored_predictions"], 1);
    assert_eq!(j["unscored_doc_ids"][0], "t3");

    let per_type = j["per_type"].as_array().unwrap();
    let t = |name: &str| {
        per_type
            .iter()
            .find(|t| t["event_type"] == name)
            .unwrap_or_else(|| panic!("no {name} in {per_type:?}"))
    };
    assert_counts(t("assault"), 2, 2, 1);
    assert_counts(t("seizure"), 2, 3, 2);
    assert_counts(t("prisoner_release"), 1, 1, 1);
    assert_counts(t("talks"), 1, 2, 1);
    assert_counts(t("agreement"), 1, 1, 1);
    assert_eq!(
        per_type.len(),
        5,
        "withdrawal (optional only) and protest (t3) are out"
    );

    let f = &j["fields"];
    assert_eq!(f["pairs"], 6);
    let acc = |k: &str| (f[k]["correct"].clone(), f[k]["total"].clone());
    assert_eq!(acc("date_exact"), (5.into(), 6.into()));
    assert_eq!(acc("place_within_25km"), (4.into(), 6.into()));
    assert_eq!(acc("agent_found"), (5.into(), 6.into()));
    assert_eq!(acc("target_found"), (2.into(), 3.into()));
    assert_eq!(f["empty_gold_target"], 3);
    assert_eq!(f["empty_gold_agent"], 0);

    let arts = j["per_article"].as_array().unwrap();
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0]["doc_id"], "t1");
    assert_counts(&arts[0], 4, 5, 4);
    assert_eq!(arts[0]["optional_matched"], 1);
    assert_eq!(arts[1]["doc_id"], "t2");
    assert_counts(&arts[1], 3, 4, 2);
}

#[test]
fn json_lists_the_misses_and_the_pairs() {
    let j = run_json();
    let ug = j["unmatched_gold"].as_array().unwrap();
    assert_eq!(ug.len(), 1);
    assert_eq!(ug[0]["doc_id"], "t2");
    assert_eq!(ug[0]["event_type"], "assault");
    assert!(ug[0]["near_miss"]
        .as_str()
        .unwrap()
        .contains("date 2024-05-02"));

    let up = j["unmatched_predictions"].as_array().unwrap();
    let idx: Vec<u64> = up
        .iter()
        .map(|u| u["pred_index"].as_u64().unwrap())
        .collect();
    // p1 (the farther of two seizures), q0 (two days off), q3 (talks nobody annotated).
    assert_eq!(idx, vec![1, 6, 9]);

    // Greedy best-first: the seizure at 0 km (p2), not the one at 40 km (p1), takes gold #1.
    let m = j["matches"].as_array().unwrap();
    let seizure = m
        .iter()
        .find(|m| m["doc_id"] == "t1" && m["gold_index"] == 1)
        .unwrap();
    assert_eq!(seizure["pred_index"], 2);
    assert_eq!(seizure["agent_found"], false);
    // The admin1 match (pred admin1 "Hill" for gold "Hill Province", 111 km away).
    let release = m
        .iter()
        .find(|m| m["doc_id"] == "t1" && m["gold_index"] == 3)
        .unwrap();
    assert_eq!(release["pred_index"], 4);
    assert_eq!(release["place_within_25km"], false);
    assert_eq!(release["target_found"], Value::Null);
}

#[test]
fn text_output_and_verbose() {
    let plain = frontline()
        .arg("eval")
        .arg(data("gold.jsonl"))
        .arg("--pred")
        .arg(data("pred.csv"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let plain = String::from_utf8(plain).unwrap();
    assert!(plain.contains("overall"), "{plain}");
    assert!(plain.contains("0.750"), "{plain}");
    assert!(!plain.contains("unmatched gold"), "{plain}");

    frontline()
        .arg("eval")
        .arg(data("gold.jsonl"))
        .arg("--pred")
        .arg(data("pred.csv"))
        .arg("--verbose")
        .assert()
        .success()
        .stdout(predicate::str::contains("unmatched gold (1)"))
        .stdout(predicate::str::contains("unmatched predictions (3)"));
}

#[test]
fn without_pred_it_extracts_from_the_articles() {
    let out = frontline()
        .arg("eval")
        .arg(data("gold.jsonl"))
        .arg(data("articles.jsonl"))
        .arg("--json")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let j: Value = serde_json::from_slice(&out).unwrap();
    // The gold side does not depend on the extractor.
    assert_eq!(j["overall"]["gold"], 7);
    assert_eq!(j["per_article"].as_array().unwrap().len(), 2);
}

#[test]
fn bad_gold_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    let good = std::fs::read_to_string(data("gold.jsonl")).unwrap();
    std::fs::write(&gold, format!("{good}{{\"id\": \"x\", \"events\": [}}\n")).unwrap();
    frontline()
        .arg("eval")
        .arg(&gold)
        .arg("--pred")
        .arg(data("pred.csv"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("gold.jsonl:3"));
}

#[test]
fn bad_prediction_csv_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.csv");
    std::fs::write(
        &pred,
        "doc_id,event_type,event_date\nt1,assault,2024-03-13\nt1,raid,2024-03-13\n",
    )
    .unwrap();
    frontline()
        .arg("eval")
        .arg(data("gold.jsonl"))
        .arg("--pred")
        .arg(&pred)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pred.csv:3"))
        .stderr(predicate::str::contains("raid"));
}

#[test]
fn needs_articles_or_pred() {
    frontline()
        .arg("eval")
        .arg(data("gold.jsonl"))
        .assert()
        .failure();
}
