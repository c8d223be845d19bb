//! Helpers shared by the integration tests.

use assert_cmd::Command;
use std::path::Path;

/// `frontline eval GOLD ARTICLES --json`, parsed; fails the test if it does not succeed.
pub fn eval_json(gold: &Path, articles: &Path) -> serde_json::Value {
    let out = Command::cargo_bin("frontline")
        .unwrap()
        .arg("eval")
        .arg(gold)
        .arg(articles)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("eval --json prints JSON")
}
