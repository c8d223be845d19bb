//! Reports of one event from different outlets (different spellings of the place, relative
//! dates from different publication days) merge into one event with all sources; another
//! event the same day in the same province stays apart; `--no-merge` keeps every report.

mod common;

use assert_cmd::Command;
use std::path::Path;

fn rows(extra: &[&str]) -> Vec<csv::StringRecord> {
    let input =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/merge/kunduz-three-outlets.jsonl");
    let stdout = common::stdout_ok(
        Command::cargo_bin("frontline")
            .unwrap()
            .arg("extract")
            .args(extra)
            .arg(input),
    );
    csv::Reader::from_reader(&stdout[..])
        .records()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn same_event_from_two_outlets_merges_and_a_nearby_one_stays_apart() {
    let rows = rows(&[]);
    let seizures: Vec<_> = rows.iter().filter(|r| &r[4] == "seizure").collect();
    assert_eq!(seizures.len(), 2, "{rows:?}");
    let merged = seizures
        .iter()
        .find(|r| r[1].contains(';'))
        .expect("a merged event");
    assert_eq!(&merged[1], "outlet-a;outlet-b");
    assert_eq!(&merged[24], "Outlet A;Outlet B");
    assert_eq!(
        &merged[25],
        "https://a.example/kunduz;https://b.example/qunduz"
    );
    // "on Sunday" from a Monday and from a Tuesday paper: the same day
    assert_eq!(&merged[2], "2021-08-08");
    let other = seizures.iter().find(|r| !r[1].contains(';')).unwrap();
    assert_eq!(&other[1], "outlet-c");
    assert_eq!(&other[2], "2021-08-08");
    assert_eq!(&other[16], &merged[16], "same province");
}

#[test]
fn no_merge_keeps_every_report_and_merged_ids_are_stable() {
    let separate = rows(&["--no-merge"]);
    assert_eq!(separate.iter().filter(|r| &r[4] == "seizure").count(), 3);
    let a: Vec<String> = rows(&[]).iter().map(|r| r[0].to_string()).collect();
    let b: Vec<String> = rows(&[]).iter().map(|r| r[0].to_string()).collect();
    assert_eq!(a, b);
}
