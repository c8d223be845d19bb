//! Digest of the whole `analyse` output (every mention, every trigger kept or not, every event
//! with all its fields) over the first 3000 articles of the news corpus and the dev articles.
//! A speed-up of the event or actor stage must leave it unchanged:
//! `cargo test --release --lib events::digest -- --ignored --nocapture`
//! (set `EVENTS_DUMP=<file>` to write each article's analysis, one line each, for a diff).

use crate::ingest::{read_inputs, IngestOptions};
use crate::pipeline::Pipeline;
use sha2::{Digest, Sha256};
use std::io::Write;

#[test]
#[ignore]
fn output_digest() {
    let Some(shared) = crate::testcorpus::shared() else {
        return;
    };
    let mut data = crate::testcorpus::news_lines(&shared, 3000).join("\n");
    data.push('\n');
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("temp dir: {e}"),
    };
    let path = dir.path().join("corpus.jsonl");
    if let Err(e) = std::fs::write(&path, data) {
        panic!("write corpus: {e}");
    }
    let inputs = [path, shared.join("eval/dev/articles.jsonl")];
    let articles = read_inputs(&inputs, &IngestOptions::default()).articles;
    let pipeline = match Pipeline::load(&crate::default_gazetteer_dir()) {
        Ok(p) => p,
        Err(e) => panic!("gazetteer: {e}"),
    };
    let mut dump = std::env::var_os("EVENTS_DUMP").map(|p| match std::fs::File::create(&p) {
        Ok(f) => std::io::BufWriter::new(f),
        Err(e) => panic!("EVENTS_DUMP: {e}"),
    });
    let mut hash = Sha256::new();
    let (mut events, mut triggers) = (0usize, 0usize);
    for a in &articles {
        let an = pipeline.analyse(a);
        events += an.events.len();
        triggers += an.triggers.len();
        let line = format!("{}\t{an:?}", a.id);
        hash.update(line.as_bytes());
        hash.update(b"\n");
        if let Some(d) = dump.as_mut() {
            let _ = writeln!(d, "{line}");
        }
    }
    let digest: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    println!(
        "events digest over {} articles: {events} events, {triggers} triggers, sha256 {digest}",
        articles.len()
    );
    assert!(events > 1000, "only {events} events");
}
