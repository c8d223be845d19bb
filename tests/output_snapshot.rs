//! Snapshot of the exports: `output/` holds what frontline writes for the example article;
//! this test writes them again and compares byte for byte. When output changes on purpose,
//! run `scripts/regenerate-output.sh`, read the diff of `output/`, and commit it.

use assert_cmd::Command;
use std::path::Path;

const ARTICLE: &str = "tests/data/articles/qala-i-naw-2021-07-08.txt";

fn check(args: &[&str], snapshot: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(Path::new(snapshot).file_name().unwrap());
    let status = Command::cargo_bin("frontline")
        .unwrap()
        .current_dir(root)
        .args(args)
        .arg(ARTICLE)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let got = std::fs::read_to_string(&out).unwrap();
    let want = std::fs::read_to_string(root.join(snapshot)).unwrap_or_default();
    assert!(
        got == want,
        "{snapshot} is out of date: run scripts/regenerate-output.sh and review the diff"
    );
}

#[test]
fn csv_snapshot() {
    check(&["extract"], "output/qala-i-naw.csv");
}

#[test]
fn geojson_snapshot() {
    check(&["extract"], "output/qala-i-naw.geojson");
}

#[test]
fn jsonl_snapshot() {
    check(&["extract"], "output/qala-i-naw.jsonl");
}

#[test]
fn annotate_snapshot() {
    check(&["annotate"], "output/qala-i-naw.annotate.jsonl");
}
