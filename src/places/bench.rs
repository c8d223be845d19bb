//! Place-stage benchmark over `../shared/corpus/news.jsonl.xz` (100 MB of news):
//! `cargo test --release --lib places::bench -- --ignored --nocapture`
//! Prints gazetteer load time (median of 5), recognition+resolution throughput on one core
//! (median of 3 passes), recognition and resolution throughput apart (per CPU second: a pass
//! of recognition alone, then the whole stage), mentions found and peak memory (VmHWM).

use super::Gazetteer;
use std::path::Path;
use std::time::Instant;

/// CPU time of this thread in seconds (`/proc/thread-self/schedstat`; 0 where absent), so
/// the figure does not depend on what else the machine runs.
fn cpu_s() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

/// CPU time of the whole process (all threads, live or ended) in seconds, from
/// `/proc/self/stat` (clock ticks of 10 ms; 0 where absent).
fn process_cpu_s() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ticks = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(0.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[test]
#[ignore]
fn bench() {
    let corpus = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/news.jsonl.xz"
    ));
    if !corpus.exists() {
        eprintln!("skipping: ../shared not found (no benchmark corpus)");
        return;
    }
    let out = match std::process::Command::new("xz")
        .arg("-dc")
        .arg(corpus)
        .output()
    {
        Ok(o) if o.status.success() => o.stdout,
        _ => {
            eprintln!("skipping: `xz -dc` failed");
            return;
        }
    };
    let texts: Vec<String> = String::from_utf8_lossy(&out)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    drop(out);
    // BENCH_MB=20 limits the text measured (the figure is on the full 100 MB).
    let limit: usize = std::env::var("BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(usize::MAX, |mb: usize| mb * 1_000_000);
    let mut total = 0;
    let texts: Vec<String> = texts
        .into_iter()
        .take_while(|t| {
            total += t.len();
            total <= limit
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer");
    let mut loads = Vec::new();
    let mut load_cpu = Vec::new();
    let mut g = None;
    for _ in 0..5 {
        drop(g.take());
        let t = Instant::now();
        let c = process_cpu_s();
        g = Some(Gazetteer::load(&dir).expect("load"));
        loads.push(t.elapsed().as_secs_f64() * 1000.0);
        load_cpu.push((process_cpu_s() - c) * 1000.0);
    }
    let Some(g) = g else { return };
    // The tables built on first need (see `load_phases`) are built before timing.
    g.prepare();
    let mut rates = Vec::new();
    let mut cpu_rates = Vec::new();
    let mut recog_rates = Vec::new();
    let mut resol_rates = Vec::new();
    let mut mentions = 0;
    let mut recognised = 0;
    for _ in 0..3 {
        // Recognition alone (names found, with their readings), then the whole stage; the
        // resolution figure is the bytes over the difference of the two CPU times.
        let c = cpu_s();
        recognised = 0;
        for x in &texts {
            recognised += super::find::recognise(&g, x);
        }
        let recog_s = (cpu_s() - c).max(1e-9);
        let t = Instant::now();
        let c = cpu_s();
        mentions = 0;
        for x in &texts {
            mentions += g.find_places(x).len();
        }
        let full_s = (cpu_s() - c).max(1e-9);
        rates.push(bytes as f64 / 1e6 / t.elapsed().as_secs_f64());
        cpu_rates.push(bytes as f64 / 1e6 / full_s);
        recog_rates.push(bytes as f64 / 1e6 / recog_s);
        resol_rates.push(bytes as f64 / 1e6 / (full_s - recog_s).max(1e-9));
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let hwm = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("VmHWM: ?")
        .to_string();
    eprintln!(
        "places bench: {} articles, {:.1} MB; load median {:.0} ms (runs {:?}; CPU of all \
         threads median {:.0} ms); \
         find_places median {:.1} MB/s on one core (runs {:?}; per CPU second {:.1} MB/s); \
         per CPU second, medians: recognition {:.1} MB/s ({recognised} names), resolution \
         {:.1} MB/s (the whole stage less recognition); \
         {mentions} mentions; {hwm}",
        texts.len(),
        bytes as f64 / 1e6,
        median(loads.clone()),
        loads.iter().map(|x| x.round()).collect::<Vec<_>>(),
        median(load_cpu),
        median(rates.clone()),
        rates
            .iter()
            .map(|x| (x * 10.0).round() / 10.0)
            .collect::<Vec<_>>(),
        median(cpu_rates),
        median(recog_rates),
        median(resol_rates),
    );
}

/// Cost of the phases of `find_places` on the first `BENCH_MB` (default 40) MB of the corpus
/// (a phase must take well over the CPU clock's tick, 4 ms on some machines, to be measured):
/// `cargo test --release --lib places::bench::phases -- --ignored --nocapture`
#[test]
#[ignore]
fn phases() {
    let corpus = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/news.jsonl.xz"
    ));
    if !corpus.exists() {
        eprintln!("skipping: ../shared not found (no benchmark corpus)");
        return;
    }
    let Ok(out) = std::process::Command::new("xz")
        .arg("-dc")
        .arg(corpus)
        .output()
    else {
        return;
    };
    let limit: usize = std::env::var("BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(40_000_000, |mb: usize| mb * 1_000_000);
    let mut total = 0;
    let texts: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .take_while(|t| {
            total += t.len();
            total <= limit
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer");
    let g = Gazetteer::load(&dir).expect("load");
    for x in texts.iter().take(200) {
        g.find_places(x);
    }
    let rate = |c: f64| bytes as f64 / 1e6 / c.max(1e-9);
    let c = cpu_s();
    let mut n = 0;
    for x in &texts {
        n += super::find::phase_fold_tokenize(x);
    }
    let fold = rate(cpu_s() - c);
    let c = cpu_s();
    for x in &texts {
        n += super::find::phase_recognise(&g, x);
    }
    let recog = rate(cpu_s() - c);
    let c = cpu_s();
    for x in &texts {
        n += super::find::phase_recognise_memo(&g, x);
    }
    let recog_memo = rate(cpu_s() - c);
    let c = cpu_s();
    for x in &texts {
        n += g.find_places(x).len();
    }
    let full = rate(cpu_s() - c);
    eprintln!(
        "phases per CPU second: fold+tokenize {fold:.1} MB/s; + capitalised-token lookups \
         {recog:.1} MB/s (each distinct word once, as find_places: {recog_memo:.1} MB/s); \
         whole find_places {full:.1} MB/s ({n})"
    );
}

/// Where the gazetteer load time goes, on one thread (CPU ms per step):
/// `cargo test --release --lib places::bench::load_phases -- --ignored --nocapture`
#[test]
#[ignore]
fn load_phases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer");
    if !dir.join(super::build::PLACE_TABLE).exists() && !dir.join("places.bin.gz").exists() {
        eprintln!("skipping: gazetteer not built");
        return;
    }
    let ms = |c: f64| ((cpu_s() - c) * 1000.0).round();
    let c = cpu_s();
    let (bin, raw) = super::build::read_place_table(&dir).expect("read");
    let gunzip = ms(c);
    let c = cpu_s();
    let store = super::store::Store::decode(&raw, &bin).expect("decode");
    let decode = ms(c);
    // Prebuilt in a version-2 file (then these are not load costs, measured for reference).
    let prebuilt = !store.table.is_empty();
    let c = cpu_s();
    let table = super::name_table(&store);
    let tab = ms(c);
    let c = cpu_s();
    let first = super::first_filter(&store);
    let fw = ms(c);
    eprintln!("tables prebuilt in the file: {prebuilt}");
    let c = cpu_s();
    let g = Gazetteer::load_readable(&dir).expect("readable");
    let readable = ms(c);
    // Built on first need, not at load (for reference).
    let full = Gazetteer::load(&dir).expect("load");
    let c = cpu_s();
    let pairs = super::pairs::PairFilter::build(&full);
    let pair_ms = ms(c);
    drop(pairs);
    let c = cpu_s();
    full.fuzzy_candidates("qalayinaw", &[]);
    let fuzzy_ms = ms(c);
    eprintln!("built on first need (CPU ms): two-word filter {pair_ms}, fuzzy index {fuzzy_ms}");
    eprintln!(
        "load phases (CPU ms): read+decompress {gunzip} ({} MB raw), decode {decode}, name table {tab} \
         ({} slots), first-word filter {fw} ({} bytes), readable files {readable} \
         ({} admin-1)",
        raw.len() / 1_000_000,
        table.len(),
        first.bytes(),
        g.admin1.len()
    );
}

/// The articles `find_places` spends longest on (for finding superlinear cases):
/// `cargo test --release --lib places::bench::slowest -- --ignored --nocapture`
#[test]
#[ignore]
fn slowest() {
    let corpus = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/news.jsonl.xz"
    ));
    if !corpus.exists() {
        eprintln!("skipping: ../shared not found (no benchmark corpus)");
        return;
    }
    let Ok(out) = std::process::Command::new("xz")
        .arg("-dc")
        .arg(corpus)
        .output()
    else {
        return;
    };
    let limit: usize = std::env::var("BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(30_000_000, |mb: usize| mb * 1_000_000);
    let mut total = 0;
    let texts: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .take_while(|t| {
            total += t.len();
            total <= limit
        })
        .collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer");
    let g = Gazetteer::load(&dir).expect("load");
    // SLOWEST_PREPARE=1 builds the tables built on first need before timing (else the
    // first article that needs them pays for them).
    if std::env::var_os("SLOWEST_PREPARE").is_some() {
        let t = std::time::Instant::now();
        g.prepare();
        eprintln!("prepare: {:.0} ms", t.elapsed().as_secs_f64() * 1000.0);
    }
    let mut times: Vec<(f64, usize, usize)> = Vec::new();
    let mut sum = 0.0;
    for (i, x) in texts.iter().enumerate() {
        let c = cpu_s();
        let n = g.find_places(x).len();
        let t = cpu_s() - c;
        sum += t;
        times.push((t, i, n));
    }
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    eprintln!("total {sum:.2} s CPU over {} articles", texts.len());
    for &(t, i, n) in times.iter().take(15) {
        let x = &texts[i];
        let caps = x
            .split_whitespace()
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .count();
        eprintln!(
            "{:8.1} ms  article {i}: {} bytes, {caps} capitalised words, {n} mentions: {:?}",
            t * 1000.0,
            x.len(),
            x.chars().take(60).collect::<String>()
        );
    }
}

/// The texts of the first `n` corpus articles (empty when the corpus is absent).
fn corpus_texts(n: usize) -> Vec<String> {
    let corpus = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/news.jsonl.xz"
    ));
    if !corpus.exists() {
        return Vec::new();
    }
    let Ok(out) = std::process::Command::new("xz")
        .arg("-dc")
        .arg(corpus)
        .output()
    else {
        return Vec::new();
    };
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .take(n)
        .collect()
}

/// The article texts of the GeoWebNews file (entities left as written: only a test input).
fn gwn_texts() -> Vec<String> {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/eval/geo/GWN.xml"
    ));
    let Ok(xml) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut rest = xml.as_str();
    while let Some(a) = rest.find("<text>") {
        let t = &rest[a + 6..];
        let Some(b) = t.find("</text>") else { break };
        out.push(
            t[..b]
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&"),
        );
        rest = &t[b..];
    }
    out
}

/// A digest of the whole output of `find_places` and `find_toponyms` (spans, texts, places
/// with every field, confidences) over the first 5,000 corpus articles and the GeoWebNews
/// texts, so that a speed-up can be checked to change nothing:
/// `cargo test --release --lib places::bench::digest -- --ignored --nocapture`
/// (`DIGEST_DUMP=FILE` also writes one digest per article, to find where two runs differ).
#[test]
#[ignore]
fn digest() {
    use std::hash::{Hash, Hasher};
    let texts: Vec<String> = corpus_texts(5000).into_iter().chain(gwn_texts()).collect();
    if texts.is_empty() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer");
    let g = Gazetteer::load(&dir).expect("load");
    let mut all = std::collections::hash_map::DefaultHasher::new();
    let mut dump = String::new();
    let mut n = 0;
    for (i, x) in texts.iter().enumerate() {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for m in g.find_places(x).iter().chain(g.find_toponyms(x).iter()) {
            n += 1;
            format!("{m:?}").hash(&mut h);
        }
        let d = h.finish();
        d.hash(&mut all);
        dump.push_str(&format!("{i}\t{d:016x}\n"));
    }
    if let Some(p) = std::env::var_os("DIGEST_DUMP") {
        std::fs::write(p, dump).expect("write dump");
    }
    eprintln!(
        "places digest: {:016x} ({} texts, {n} mentions)",
        all.finish(),
        texts.len()
    );
}

/// `find_places` alone, `BENCH_PASSES` (default 5) times over the first `BENCH_MB` (default
/// 10) MB, for a profiler (`perf record` on the test binary):
/// `cargo test --release --lib places::bench::profile -- --ignored --nocapture`
#[test]
#[ignore]
fn profile() {
    let limit: usize = std::env::var("BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(10_000_000, |mb: usize| mb * 1_000_000);
    let passes: usize = std::env::var("BENCH_PASSES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let mut total = 0;
    // BENCH_FILE=F.jsonl reads the texts from a small file instead (for callgrind).
    let texts = match std::env::var_os("BENCH_FILE") {
        Some(p) => std::fs::read_to_string(p)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect(),
        None => corpus_texts(usize::MAX),
    };
    let texts: Vec<String> = texts
        .into_iter()
        .take_while(|t| {
            total += t.len();
            total <= limit
        })
        .collect();
    if texts.is_empty() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer");
    let g = Gazetteer::load(&dir).expect("load");
    // The tables built on first need are not part of the profile.
    g.prepare();
    let mut n = 0;
    // BENCH_REPEAT=k runs each article k times in a row (warm caches: how much of the time
    // is memory traffic).
    let repeat: usize = std::env::var("BENCH_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let passes = passes.div_ceil(repeat);
    // BENCH_RECOGNISE=1: recognition alone.
    let recog_only = std::env::var_os("BENCH_RECOGNISE").is_some();
    let c = cpu_s();
    for _ in 0..passes {
        for x in &texts {
            for _ in 0..repeat {
                n += if recog_only {
                    super::find::recognise(&g, x)
                } else {
                    g.find_places(x).len()
                };
            }
        }
    }
    let passes = passes * repeat;
    let s = cpu_s() - c;
    eprintln!(
        "profile: {passes} passes over {:.1} MB: {:.1} MB/s per CPU second ({n})",
        bytes as f64 / 1e6,
        (passes * bytes) as f64 / 1e6 / s.max(1e-9)
    );
}
