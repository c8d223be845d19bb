//! Helpers shared by the integration tests.

use assert_cmd::Command;
use std::path::Path;

/// Runs `cmd` and returns what it printed; fails the test, showing its stderr, if it does
/// not succeed.
#[allow(dead_code)] // each test crate uses its own part of this module
pub fn stdout_ok(cmd: &mut Command) -> Vec<u8> {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// `frontline eval GOLD ARTICLES --json`, parsed; fails the test if it does not succeed.
#[allow(dead_code)]
pub fn eval_json(gold: &Path, articles: &Path) -> serde_json::Value {
    let stdout = stdout_ok(
        Command::cargo_bin("frontline")
            .unwrap()
            .arg("eval")
            .arg(gold)
            .arg(articles)
            .arg("--json"),
    );
    serde_json::from_slice(&stdout).expect("eval --json prints JSON")
}
