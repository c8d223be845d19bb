//! Test support: the shared evaluation data beside the repository (`../shared/`), read in
//! place and never copied into the repo. Used by the ignored digest tests of the stages.

use std::io::BufRead;
use std::path::{Path, PathBuf};

/// `../shared`, or `None` (with a message) where it is absent.
pub(crate) fn shared() -> Option<PathBuf> {
    let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")).to_path_buf();
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared not found");
        None
    }
}

/// The first `n` lines (JSON Lines articles) of `shared/corpus/news.jsonl.xz`, reading
/// `xz -dc` as it comes and stopping it there.
pub(crate) fn news_lines(shared: &Path, n: usize) -> Vec<String> {
    let corpus = shared.join("corpus/news.jsonl.xz");
    let mut child = match std::process::Command::new("xz")
        .arg("-dc")
        .arg(&corpus)
        .stdout(std::process::Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => panic!("xz -dc {}: {e}", corpus.display()),
    };
    let mut lines = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        for line in std::io::BufReader::new(stdout).lines().take(n) {
            match line {
                Ok(l) => lines.push(l),
                Err(e) => panic!("reading xz output: {e}"),
            }
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    lines
}
