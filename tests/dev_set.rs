//! The dev set of `../shared/eval/` (read in place, never copied): the seed article's gold
//! events are all found and its page furniture yields nothing; the whole set is scored by
//! `frontline eval` and must not fall below the last recorded figures.
//! Skips with a message where `../shared/` is absent.

mod common;

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev");
    if p.join("gold.jsonl").exists() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared not found (the dev set lives outside the repo)");
        None
    }
}

fn eval_json(dev: &Path) -> serde_json::Value {
    common::eval_json(&dev.join("gold.jsonl"), &dev.join("articles.jsonl"))
}

#[test]
fn seed_article_gold_events_are_all_found() {
    let Some(dev) = shared() else { return };
    let report = eval_json(&dev);
    let events = report.get("events").unwrap_or(&report);
    let unmatched: Vec<&serde_json::Value> = events["unmatched_gold"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["doc_id"] == "dawn-2021-07-08")
        .collect();
    assert!(unmatched.is_empty(), "seed events missed: {unmatched:#?}");
}

#[test]
fn seed_page_furniture_yields_no_event() {
    let Some(dev) = shared() else { return };
    let seed = dev.join("dawn-2021-07-08.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    let footer = text.find("Published in Dawn").expect("seed footer");
    let footer_chars = text[..footer].chars().count();
    let out = Command::cargo_bin("frontline")
        .unwrap()
        .args(["extract", "--format", "jsonl"])
        .arg(&seed)
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() >= 7, "{} events", lines.len());
    for l in &lines {
        assert_eq!(
            l["published"], "2021-07-08",
            "date from the footer, not the teasers"
        );
        for e in l["evidence"].as_array().unwrap() {
            assert!(
                e["end"].as_u64().unwrap() as usize <= footer_chars,
                "event from the page furniture: {e}"
            );
        }
    }
}

#[test]
fn seed_captions_and_body_give_one_talks_and_one_assault_event() {
    let Some(dev) = shared() else { return };
    let out = Command::cargo_bin("frontline")
        .unwrap()
        .args(["extract", "--format", "jsonl"])
        .arg(dev.join("dawn-2021-07-08.txt"))
        .output()
        .unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let of = |t: &str| -> Vec<&serde_json::Value> {
        lines.iter().filter(|l| l["event_type"] == t).collect()
    };
    let talks = of("talks");
    assert_eq!(talks.len(), 1, "{talks:#?}");
    // the two repeated captions and the body sentence are reports of it
    assert!(
        talks[0]["evidence"].as_array().unwrap().len() >= 3,
        "{:#}",
        talks[0]
    );
    assert_eq!(talks[0]["location"], "Tehran");
    let assaults = of("assault");
    assert_eq!(assaults.len(), 1, "{assaults:#?}");
    assert!(assaults[0]["evidence"].as_array().unwrap().len() >= 2);
}

#[test]
fn dev_set_scores_do_not_regress() {
    let Some(dev) = shared() else { return };
    let report = eval_json(&dev);
    let events = report.get("events").unwrap_or(&report);
    let f1 = |k: &str| events[k]["f1"].as_f64().unwrap();
    let field = |k: &str| events["fields"][k]["rate"].as_f64().unwrap_or(0.0);
    eprintln!(
        "dev set: overall F1 {:.3}, core F1 {:.3}, agent {:.3}, target {:.3}",
        f1("overall"),
        f1("core"),
        field("agent_found"),
        field("target_found")
    );
    // floors a little under the figures recorded in the README
    assert!(f1("overall") >= 0.91, "overall F1 {}", f1("overall"));
    assert!(f1("core") >= 0.90, "core F1 {}", f1("core"));
    assert!(
        field("agent_found") >= 0.88,
        "agent {}",
        field("agent_found")
    );
    assert!(
        field("target_found") >= 0.80,
        "target {}",
        field("target_found")
    );
}
