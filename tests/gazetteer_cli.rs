//! `frontline gazetteer build` on a tiny hand-made GeoNames dump, then loading it; a missing
//! or corrupt gazetteer gives a clear error and a non-zero exit.

use assert_cmd::Command;
use frontline::model::GeoPrecision;
use frontline::places::Gazetteer;
use predicates::prelude::*;
use predicates::str::contains;
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/geonames")
        .join(name)
}

fn build_into(out: &Path) {
    Command::cargo_bin("frontline")
        .unwrap()
        .args(["gazetteer", "build", "--out"])
        .arg(out)
        .arg(data("AF.txt"))
        .arg(data("admin1CodesASCII.txt"))
        .arg(data("countryInfo.txt"))
        .arg(data("admin2Codes.txt"))
        .assert()
        .success()
        .stderr(contains("3 places"));
}

#[test]
fn builds_and_loads_a_small_dump() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gaz");
    build_into(&out);
    for f in ["places.bin.zst", "admin1.tsv", "countries.tsv"] {
        assert!(out.join(f).exists(), "{f} written");
    }
    Command::cargo_bin("frontline")
        .unwrap()
        .args(["gazetteer", "info", "--gazetteer"])
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("3 places"));

    let g = Gazetteer::load(&out).unwrap();
    let text = "The Taliban entered Qal’ah-ye Now, the capital of Badghis province, and later \
                moved towards Kabul.";
    let m = g.find_places(text);
    let names: Vec<&str> = m.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(names, ["Qal’ah-ye Now", "Badghis", "Kabul"], "{m:?}");
    let q = m[0].place.as_ref().unwrap();
    assert_eq!(q.geonameid, Some(1129867));
    assert_eq!(q.admin1.as_deref(), Some("Badghis"));
    assert_eq!(q.admin2.as_deref(), Some("Qala-e-Naw District"));
    assert_eq!(&text[m[0].span.start..m[0].span.end], "Qal’ah-ye Now");
    let b = m[1].place.as_ref().unwrap();
    assert_eq!(b.precision, GeoPrecision::Admin1);
    let k = m[2].place.as_ref().unwrap();
    assert_eq!(k.feature_code, "PPLC");
    assert_eq!(g.country("AF").unwrap().precision, GeoPrecision::Country);
    assert_eq!(g.admin1_name("AF", "24"), Some("Kunduz"));
}

#[test]
fn missing_gazetteer_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("frontline")
        .unwrap()
        .args(["gazetteer", "info", "--gazetteer"])
        .arg(dir.path().join("nowhere"))
        .assert()
        .failure()
        .stderr(contains("places.bin.zst").and(contains("missing")));
}

#[test]
fn corrupt_gazetteer_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gaz");
    build_into(&out);
    let bin = out.join("places.bin.zst");
    // Not a place table at all, then one whose content is truncated.
    std::fs::write(&bin, b"this is not a gazetteer").unwrap();
    let e = Gazetteer::load(&out).err().unwrap().to_string();
    assert!(
        e.contains("bad magic") && e.contains("places.bin.zst"),
        "{e}"
    );
    Command::cargo_bin("frontline")
        .unwrap()
        .args(["gazetteer", "info", "--gazetteer"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(contains("places.bin.zst"));

    build_into(&out);
    let raw = std::fs::read(&bin).unwrap();
    std::fs::write(&bin, &raw[..raw.len() / 2]).unwrap();
    let e = Gazetteer::load(&out).err().unwrap().to_string();
    assert!(e.contains("places.bin.zst") && e.contains("corrupt"), "{e}");

    // A malformed countries.tsv line names the file and line.
    build_into(&out);
    std::fs::write(out.join("countries.tsv"), "AF\tAFG\tAfghanistan\n").unwrap();
    let e = Gazetteer::load(&out).err().unwrap().to_string();
    assert!(e.contains("countries.tsv") && e.contains("line 1"), "{e}");
}

#[test]
fn build_rejects_a_file_that_is_not_a_dump() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("cities.txt");
    std::fs::write(&bad, "just,some,csv\n").unwrap();
    Command::cargo_bin("frontline")
        .unwrap()
        .args(["gazetteer", "build", "--out"])
        .arg(dir.path().join("gaz"))
        .arg(&bad)
        .assert()
        .failure()
        .stderr(contains("19-column"));
}
