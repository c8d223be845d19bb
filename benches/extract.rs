//! Benchmark: end-to-end `extract` throughput (all stages, full gazetteer) on one core, and
//! the place stage alone, over news text from `../shared/corpus/news.jsonl.xz` (read in place
//! with `xz -dc`; never copied into the repo).
//!
//! `cargo bench --bench extract [-- MEGABYTES]` (default 60 MB). Prints the gazetteer load
//! time (wall), then MB/s and articles/s per CPU second of the thread for each of 3 runs and
//! their median (and each extract run's wall-clock MB/s). `-- MB digest` prints a SHA-256 of
//! every article's events and triggers instead (to check that a speed change changes no
//! output); `-- MB once` runs extract once (for `valgrind --tool=callgrind`).

use frontline::ingest::{read_inputs, IngestOptions};
use frontline::pipeline::Pipeline;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

/// The allocator of the `frontline` binary (src/main.rs), so that the figures are its own.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// CPU time of this thread in seconds (`/proc/thread-self/schedstat`; 0 where absent): on a
/// shared machine, a figure that does not depend on what else runs.
fn cpu_s() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

/// Wall and thread CPU seconds since `(wall, cpu)` was taken.
struct Clock(Instant, f64);

impl Clock {
    fn start() -> Clock {
        Clock(Instant::now(), cpu_s())
    }
    fn wall(&self) -> f64 {
        self.0.elapsed().as_secs_f64()
    }
    fn cpu(&self) -> f64 {
        (cpu_s() - self.1).max(1e-9)
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let mb: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(60);
    // `digest`: a SHA-256 of every article's events and triggers (Debug), to check that a
    // speed change leaves the output unchanged; `once`: one extract run only (for callgrind)
    let mode_digest = std::env::args().any(|a| a == "digest");
    let mode_once = std::env::args().any(|a| a == "once");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news.jsonl.xz");
    if !corpus.exists() {
        eprintln!(
            "extract bench: {} not found; nothing to measure",
            corpus.display()
        );
        return;
    }
    let out = std::process::Command::new("xz")
        .arg("-dc")
        .arg(&corpus)
        .output()
        .expect("xz runs");
    let mut data = out.stdout;
    // whole lines up to the requested size
    if data.len() > mb << 20 {
        let cut = data[..mb << 20]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(data.len(), |p| p + 1);
        data.truncate(cut);
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("corpus.jsonl");
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(&data))
        .expect("write corpus");
    let ingested = read_inputs(&[path], &IngestOptions::default());
    let articles = ingested.articles;
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mbytes = bytes as f64 / (1 << 20) as f64;
    println!(
        "corpus: {} articles, {mbytes:.1} MB of text",
        articles.len()
    );

    let gaz = frontline::default_gazetteer_dir();
    if mode_digest || mode_once {
        let pipeline = Pipeline::load(&gaz).expect("gazetteer loads");
        let t = Clock::start();
        let mut hasher = Sha256::new();
        let mut n = 0usize;
        for a in &articles {
            let (events, triggers) = pipeline.events_of(a);
            n += events.len();
            if mode_digest {
                hasher.update(format!("{events:?}\n{triggers:?}\n").as_bytes());
            }
        }
        let s = t.cpu();
        println!(
            "extract once: {:.2} MB/s per CPU second, {:.2} MB/s wall ({n} events)",
            mbytes / s,
            mbytes / t.wall()
        );
        if mode_digest {
            let d = hasher.finalize();
            let hex: String = d.iter().map(|b| format!("{b:02x}")).collect();
            println!("digest: {hex}");
        }
        return;
    }
    let mut loads = Vec::new();
    let mut pipeline = None;
    for _ in 0..3 {
        let t = Clock::start();
        pipeline = Some(Pipeline::load(&gaz).expect("gazetteer loads"));
        loads.push(t.wall() * 1000.0);
    }
    let Some(pipeline) = pipeline else { return };
    println!(
        "pipeline load (gazetteer, lexicons): median {:.0} ms",
        median(loads)
    );

    let mut places = Vec::new();
    for run in 1..=3 {
        let t = Clock::start();
        let mut n = 0usize;
        for a in &articles {
            n += pipeline.gazetteer.find_places(&a.text).len();
        }
        let s = t.cpu();
        println!("places run {run}: {:.1} MB/s ({n} mentions)", mbytes / s);
        places.push(mbytes / s);
    }
    // each stage alone, to show where the time goes (body end and time tagger one run; actors
    // and events the fastest of 3)
    {
        let t = Clock::start();
        let bodies: Vec<&str> = articles
            .iter()
            .map(|a| &a.text[..pipeline.events.body_end(&a.text)])
            .collect();
        let body_s = t.cpu();
        let t = Clock::start();
        let n: usize = articles
            .iter()
            .zip(&bodies)
            .map(|(a, b)| pipeline.tagger.tag(b, a.published).len())
            .sum();
        let time_s = t.cpu();
        // the actor and event stages, the fastest of 3 runs (they are short)
        let mut actor_runs = Vec::new();
        let mut m = 0usize;
        for _ in 0..3 {
            let t = Clock::start();
            m = bodies
                .iter()
                .map(|b| pipeline.actors.find_actors(b, None).len())
                .sum();
            actor_runs.push(t.cpu());
        }
        let actor_s = actor_runs.into_iter().fold(f64::INFINITY, f64::min);
        // the event stage alone, on mentions found beforehand
        let analysed: Vec<_> = articles.iter().map(|a| pipeline.analyse(a)).collect();
        let forces = |cc: &str| pipeline.actors.state(cc, false);
        let mut event_runs = Vec::new();
        let mut e = 0usize;
        for _ in 0..3 {
            let t = Clock::start();
            e = articles
                .iter()
                .zip(&bodies)
                .zip(&analysed)
                .map(|((a, b), an)| {
                    pipeline
                        .events
                        .extract(a, b.len(), &an.mentions, &forces)
                        .0
                        .len()
                })
                .sum();
            event_runs.push(t.cpu());
        }
        let event_s = event_runs.into_iter().fold(f64::INFINITY, f64::min);
        println!(
            "stages: body end {:.0} MB/s; time tagger {:.1} MB/s ({n} times); actors {:.1} MB/s ({m} actors); events {:.1} MB/s ({e} events before merging)",
            mbytes / body_s,
            mbytes / time_s,
            mbytes / actor_s,
            mbytes / event_s
        );
    }
    let mut rates = Vec::new();
    let mut per_article = Vec::new();
    for run in 1..=3 {
        let t = Clock::start();
        let mut n = 0usize;
        for a in &articles {
            n += pipeline.extract(a).len();
        }
        let (s, wall) = (t.cpu(), t.wall());
        println!(
            "extract run {run}: {:.2} MB/s, {:.0} articles/s ({n} events) per CPU second; {:.2} MB/s wall",
            mbytes / s,
            articles.len() as f64 / s,
            mbytes / wall
        );
        rates.push(mbytes / s);
        per_article.push(articles.len() as f64 / s);
    }
    println!(
        "one core: places {:.1} MB/s; extract {:.2} MB/s, {:.0} articles/s (per CPU second, medians of 3)",
        median(places),
        median(rates),
        median(per_article)
    );
}
