//! End-to-end runs of the `frontline` binary: inputs of every kind, the output contract, bad
//! input, atomic output and stable ids.

mod common;

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const HEADER: &str = "event_id,doc_id,event_date,time_precision,event_type,acled_event_type,acled_sub_event_type,cameo_code,actor1,actor1_type,assoc_actor_1,actor2,actor2_type,assoc_actor_2,country,country_code,admin1,admin2,location,latitude,longitude,geo_precision,geonameid,fatalities,source,url,published,notes,evidence_start,evidence_end";

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/articles")
        .join(name)
}

fn frontline() -> Command {
    Command::cargo_bin("frontline").expect("binary built")
}

fn csv_rows(out: &[u8]) -> Vec<csv::StringRecord> {
    let mut r = csv::Reader::from_reader(out);
    r.records().map(|r| r.expect("valid CSV row")).collect()
}

fn header_of(out: &[u8]) -> String {
    String::from_utf8_lossy(out)
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

#[test]
fn txt_input_gives_the_csv_contract() {
    let stdout = common::stdout_ok(
        frontline()
            .args(["extract"])
            .arg(data("qala-i-naw-2021-07-08.txt")),
    );
    assert_eq!(header_of(&stdout), HEADER);
    let rows = csv_rows(&stdout);
    assert!(!rows.is_empty());
    let types: Vec<&str> = rows.iter().map(|r| &r[4]).collect();
    for t in ["assault", "seizure", "prisoner_release", "talks"] {
        assert!(types.contains(&t), "no {t} in {types:?}");
    }
    for r in &rows {
        assert_eq!(&r[1], "qala-i-naw-2021-07-08");
        assert_eq!(&r[26], "2021-07-08", "publication date from the footer");
        // the evidence offsets point at the sentence in the article (char offsets)
        let text = std::fs::read_to_string(data("qala-i-naw-2021-07-08.txt")).unwrap();
        let (s, e): (usize, usize) = (r[28].parse().unwrap(), r[29].parse().unwrap());
        let sentence: String = text.chars().skip(s).take(e - s).collect();
        assert_eq!(sentence, r[27].to_string());
    }
    // nothing is dated after publication, and the storming is dated Wednesday 7 July
    assert!(rows.iter().all(|r| &r[2] <= "2021-07-08"));
    assert!(rows
        .iter()
        .any(|r| &r[4] == "assault" && &r[2] == "2021-07-07" && &r[3] == "day"));
}

#[test]
fn jsonl_input_to_geojson_file() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("events.geojson");
    common::stdout_ok(
        frontline()
            .arg("extract")
            .arg(data("kunduz-2021-08-09.jsonl"))
            .arg("-o")
            .arg(&out_path),
    );
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    for f in features {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(c.len(), 2);
        let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
        assert_eq!(f["properties"]["longitude"].as_f64(), Some(lon));
        assert_eq!(f["properties"]["latitude"].as_f64(), Some(lat));
        for col in HEADER.split(',') {
            assert!(f["properties"].get(col).is_some(), "missing property {col}");
        }
    }
    // no temporary files left beside the output
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn jsonl_output_has_arrays_and_evidence() {
    let out = frontline()
        .args(["extract", "--format", "jsonl"])
        .arg(data("kunduz-2021-08-09.jsonl"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!lines.is_empty());
    for l in &lines {
        assert!(l["assoc_actor_1"].is_array());
        assert!(l["source"].is_array());
        assert!(l["evidence"].as_array().is_some_and(|e| !e.is_empty()));
        assert!(l["evidence"][0]["rule"]
            .as_str()
            .is_some_and(|r| r.starts_with("triggers.tsv:")));
    }
    // the threat and the future talks of the Yemen article are not events
    assert!(!lines.iter().any(|l| l["doc_id"][0] == "example-yemen-swap"
        && (l["event_type"] == "talks" && l["event_date"].as_str() > Some("2020-10-16"))));
    assert!(!lines
        .iter()
        .any(|l| l["doc_id"][0] == "example-yemen-swap" && l["event_type"] == "assault"));
}

#[test]
fn folder_and_stdin_inputs() {
    let stdout = common::stdout_ok(
        frontline()
            .arg("extract")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles")),
    );
    let rows = csv_rows(&stdout);
    let docs: std::collections::BTreeSet<String> = rows.iter().map(|r| r[1].to_string()).collect();
    for d in ["example-kunduz", "qala-i-naw-2021-07-08", "talks-doha"] {
        assert!(docs.contains(d), "{d} missing from {docs:?}");
    }

    let text = std::fs::read_to_string(data("talks-doha.txt")).unwrap();
    let out = frontline()
        .args(["extract", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = csv_rows(&out.stdout);
    assert!(rows.iter().any(|r| &r[4] == "talks" && &r[1] == "stdin"));
    // talks have parties, not an agent and a target: the second party is actor 2, as ACLED
    // codes agreements ("Delegations of the Afghan government and the Taliban met")
    let talks = rows.iter().find(|r| &r[4] == "talks").unwrap();
    assert_eq!(
        (&talks[8], &talks[11]),
        ("Afghan government", "Taliban"),
        "{talks:?}"
    );
}

#[test]
fn bad_input_is_named_skipped_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    let bad_utf8 = dir.path().join("latin1.txt");
    std::fs::write(&bad_utf8, b"Rebels captured the town of Caf\xe9 on Monday.").unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\": \"ok\", \"published\": \"2021-08-09\", \"text\": \"Rebels captured the town of Kunduz on Sunday.\"}\n{broken\n{\"id\": \"notext\"}\n",
    )
    .unwrap();
    let missing = dir.path().join("missing.txt");
    let out = frontline()
        .arg("extract")
        .args([&bad_utf8, &empty, &corpus, &missing])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit status says something was skipped"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("latin1.txt") && err.contains("invalid UTF-8"),
        "{err}"
    );
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    assert!(
        err.contains("corpus.jsonl:2") && err.contains("malformed JSON"),
        "{err}"
    );
    assert!(
        err.contains("corpus.jsonl:3") && err.contains("missing \"text\""),
        "{err}"
    );
    assert!(err.contains("missing.txt"), "{err}");
    let rows = csv_rows(&out.stdout);
    assert!(rows.iter().any(|r| &r[1] == "ok" && &r[4] == "seizure"));
}

#[test]
fn failed_run_leaves_existing_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("events.csv");
    std::fs::write(&out_path, "previous results\n").unwrap();
    let out = frontline()
        .arg("extract")
        .arg(data("talks-doha.txt"))
        .arg("-o")
        .arg(&out_path)
        .arg("--gazetteer")
        .arg(dir.path().join("no-such-gazetteer"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-gazetteer"));
    assert_eq!(
        std::fs::read_to_string(&out_path).unwrap(),
        "previous results\n"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn article_without_date_is_named_and_still_gives_absolute_dates() {
    let out = frontline()
        .args(["extract", "-"])
        .write_stdin(
            "Rebels captured the town of Kunduz on 3 March 2019. They attacked it again on Monday.",
        )
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("stdin") && err.contains("no publication date"),
        "{err}"
    );
    let rows = csv_rows(&out.stdout);
    assert!(rows
        .iter()
        .any(|r| &r[4] == "seizure" && &r[2] == "2019-03-03"));
}

#[test]
fn ids_are_stable_across_input_order_and_threads() {
    let ids = |files: &[PathBuf], threads: &str| -> Vec<String> {
        let out = frontline()
            .env("RAYON_NUM_THREADS", threads)
            .arg("extract")
            .args(files)
            .output()
            .unwrap();
        let mut ids: Vec<String> = csv_rows(&out.stdout)
            .iter()
            .map(|r| r[0].to_string())
            .collect();
        ids.sort();
        ids
    };
    let a = data("kunduz-2021-08-09.jsonl");
    let b = data("qala-i-naw-2021-07-08.txt");
    let one = ids(&[a.clone(), b.clone()], "1");
    assert!(!one.is_empty());
    assert_eq!(one, ids(&[b, a], "2"));
}

/// A reader that stops after the first bytes (`frontline extract ... | head -c 100`) ends the run
/// quietly with status 0: no panic message, no error. The sets' 200-odd articles give far more
/// output than a pipe buffer holds, so the writer does meet the closed pipe.
#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    use std::io::Read;
    use std::process::{Command as Std, Stdio};
    let sets = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let inputs: Vec<PathBuf> = ["blind3", "blind5", "blind7", "blind9"]
        .iter()
        .map(|s| sets.join(s).join("articles.jsonl"))
        .collect();
    let bin = assert_cmd::cargo::cargo_bin("frontline");
    let mut child = Std::new(bin)
        .arg("extract")
        .args(&inputs)
        .args(["--format", "jsonl"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let mut first = [0u8; 100];
    child
        .stdout
        .take()
        .expect("piped stdout")
        .read_exact(&mut first)
        .expect("some output");
    // the read end is dropped here: the rest of the output meets a closed pipe
    let out = child.wait_with_output().expect("binary ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert!(!stderr.contains("error"), "stderr: {stderr}");
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
}
