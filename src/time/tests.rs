//! Tagger tests: the hand-labelled seed set and one test per rule family.

use super::*;
use crate::model::TimePrecision;
use std::path::PathBuf;

fn tagger() -> TimeTagger {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer");
    TimeTagger::load(&dir).expect("time lexicon loads")
}

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

const DCT: (i32, u32, u32) = (2021, 7, 8);

fn dct() -> Option<NaiveDate> {
    Some(d(DCT.0, DCT.1, DCT.2))
}

/// (text, value, precision) of every mention.
fn tag(t: &TimeTagger, s: &str) -> Vec<(String, String, Option<TimePrecision>)> {
    t.tag(s, dct())
        .into_iter()
        .map(|m| (m.text, m.value, m.date.map(|d| d.precision)))
        .collect()
}

fn one(t: &TimeTagger, s: &str, text: &str) -> TimeMention {
    let ms = t.tag(s, dct());
    ms.iter()
        .find(|m| m.text == text)
        .cloned()
        .unwrap_or_else(|| panic!("{text:?} not tagged in {s:?}: {ms:?}"))
}

#[test]
fn seed_tsv() {
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    let path = shared.join("eval/time/news_seed_dct2021-07-08.tsv");
    if !path.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let t = tagger();
    let text = std::fs::read_to_string(&path).unwrap();
    let mut n = 0;
    let mut failures = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (sentence, expr, value, precision) = (cols[0], cols[1], cols[2], cols[3]);
        n += 1;
        let start = sentence.find(expr).expect("expression in sentence");
        let span = Span::new(start, start + expr.len());
        let ms = t.tag(sentence, dct());
        let m = ms.iter().find(|m| m.span.overlaps(span));
        let no_date = value == "-"
            || value.ends_with("_REF")
            || precision == "inherit"
            || precision == "none";
        if no_date {
            if let Some(m) = m.filter(|m| m.date.is_some()) {
                failures.push(format!("{expr:?}: expected no date, got {m:?}"));
            }
            continue;
        }
        let Some(m) = m else {
            failures.push(format!("{expr:?} not tagged in {sentence:?}"));
            continue;
        };
        let value_ok = m.value == value || m.value.starts_with(&format!("{value}T"));
        let prec_ok = m.date.map(|d| d.precision) == TimePrecision::parse(precision);
        if !value_ok || !prec_ok {
            failures.push(format!(
                "{expr:?}: want {value} {precision}, got {} {:?}",
                m.value, m.date
            ));
        }
    }
    assert_eq!(n, 31, "seed rows");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
#[ignore]
fn dump_seed() {
    let t = tagger();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/eval/time/news_seed_dct2021-07-08.tsv"
    ))
    .unwrap();
    for line in text.lines().skip(2) {
        let s = line.split('\t').next().unwrap();
        println!("{s}\n   {:?}", tag(&t, s));
    }
}
