//! GeoWebNews (Gritta et al. 2019) evaluation: `frontline eval --places GWN.xml`.
//!
//! The file is `<articles><article><text>…</text><toponyms><toponym>` with `extractedName`,
//! `type`, `start`/`end` (character offsets into the unescaped text), and for the toponyms that
//! have coordinates `geonamesID`, `latitude`, `longitude`. Gold = the toponyms with
//! coordinates. Predictions are [`Gazetteer::find_toponyms`] (place names plus country
//! adjectives and continents, which GeoWebNews counts as toponyms). A predicted mention is recognised when its character span overlaps a gold
//! span (one to one); precision counts every predicted mention. Resolution is scored on the
//! recognised ones: error in km from the gold point, share within 161 km (100 miles, the
//! field's usual figure), share with the exact geonameid (among gold toponyms with an id).

use super::{haversine_km, Gazetteer};
use crate::text::CharIndex;
use crate::{Error, Result};
use serde::Serialize;
use std::fmt;
use std::path::Path;

/// The figures of one run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GwnReport {
    pub articles: usize,
    pub gold: usize,
    pub predicted: usize,
    pub recognised: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Recognised toponyms whose prediction has coordinates.
    pub resolved: usize,
    /// Share of recognised toponyms within 161 km (unresolved count as misses).
    pub within_161km: f64,
    /// Share of recognised toponyms with a gold geonameid whose prediction has that id.
    pub exact_geonameid: f64,
    pub mean_error_km: f64,
    pub median_error_km: f64,
    pub seconds: f64,
    /// Every recognised toponym resolved more than 161 km from the gold (or not resolved),
    /// for error analysis: printed by `{:#}` (`frontline eval --places FILE -v`).
    pub far: Vec<GwnMiss>,
}

/// A recognised toponym resolved more than 161 km from its gold point.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GwnMiss {
    /// Index of the article in the file.
    pub article: usize,
    /// The gold toponym's text.
    pub gold_text: String,
    pub gold_geonameid: Option<u32>,
    pub gold_lat: f64,
    pub gold_lon: f64,
    /// Our mention's text, and what it resolved to (`name, CC, feature code`; empty: none).
    pub text: String,
    pub ours: String,
    pub km: Option<f64>,
    /// Whether any reading of the gold text in the gazetteer lies within 161 km of the gold
    /// point (false: the gazetteer lacks the place by that name).
    pub candidate_within: bool,
}

impl fmt::Display for GwnReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "GeoWebNews: {} articles, {} gold toponyms with coordinates, {} predicted",
            self.articles, self.gold, self.predicted
        )?;
        writeln!(
            f,
            "recognition: P {:.3}  R {:.3}  F1 {:.3}  ({} recognised)",
            self.precision, self.recall, self.f1, self.recognised
        )?;
        writeln!(
            f,
            "resolution (recognised): within 161 km {:.3}  exact geonameid {:.3}  mean error {:.1} km  median {:.1} km  ({} with coordinates)",
            self.within_161km, self.exact_geonameid, self.mean_error_km, self.median_error_km, self.resolved
        )?;
        write!(f, "time: {:.2} s", self.seconds)?;
        if f.alternate() {
            writeln!(f)?;
            writeln!(
                f,
                "far (> 161 km) or unresolved: {} (candidate within 161 km: {})",
                self.far.len(),
                self.far.iter().filter(|m| m.candidate_within).count()
            )?;
            writeln!(
                f,
                "article\tgold text\tgold id\tgold lat,lon\tour text\tour pick\tkm\tcandidate within"
            )?;
            for m in &self.far {
                writeln!(
                    f,
                    "{}\t{}\t{}\t{:.3},{:.3}\t{}\t{}\t{}\t{}",
                    m.article,
                    m.gold_text,
                    m.gold_geonameid.map(|i| i.to_string()).unwrap_or_default(),
                    m.gold_lat,
                    m.gold_lon,
                    m.text,
                    m.ours,
                    m.km.map(|k| format!("{k:.0}"))
                        .unwrap_or_else(|| "-".into()),
                    if m.candidate_within { "yes" } else { "no" }
                )?;
            }
        }
        Ok(())
    }
}

struct GoldTop {
    start: usize,
    end: usize,
    geonameid: Option<u32>,
    lat: f64,
    lon: f64,
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(j) = tail.find(';').filter(|&j| j <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let ent = &tail[1..j];
        let c = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &tail[j + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The content of the first `<tag>…</tag>` in `s` (None for `<tag/>` or absent).
fn tag<'a>(s: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let a = s.find(&open)? + open.len();
    let b = s[a..].find(&close)? + a;
    Some(&s[a..b])
}

fn parse(xml: &str, path: &Path) -> Result<Vec<(String, Vec<GoldTop>)>> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<article") {
        let after = &rest[i..];
        let end = after
            .find("</article>")
            .ok_or_else(|| Error::gazetteer(path, "unterminated <article>"))?;
        let art = &after[..end];
        rest = &after[end + "</article>".len()..];
        let text = unescape(tag(art, "text").unwrap_or(""));
        let mut tops = Vec::new();
        let mut tr = art;
        while let Some(j) = tr.find("<toponym>") {
            let t = &tr[j..];
            let k = t.find("</toponym>").unwrap_or(t.len());
            let top = &t[..k];
            tr = &t[k..];
            let lat = tag(top, "latitude").and_then(|v| v.trim().parse::<f64>().ok());
            let lon = tag(top, "longitude").and_then(|v| v.trim().parse::<f64>().ok());
            let (Some(lat), Some(lon)) = (lat, lon) else {
                continue;
            };
            // A few toponyms have negative offsets (they lie outside the text): skipped.
            let (Some(s), Some(e)) = (
                tag(top, "start").and_then(|v| v.trim().parse::<usize>().ok()),
                tag(top, "end").and_then(|v| v.trim().parse::<usize>().ok()),
            ) else {
                continue;
            };
            tops.push(GoldTop {
                start: s,
                end: e,
                geonameid: tag(top, "geonamesID").and_then(|v| v.trim().parse().ok()),
                lat,
                lon,
            });
        }
        out.push((text, tops));
    }
    if out.is_empty() {
        return Err(Error::gazetteer(
            path,
            "no <article> found: not a GeoWebNews file",
        ));
    }
    Ok(out)
}

/// Characters `start..end` of `text`.
fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// Scores recognition and resolution of `gaz` on the GeoWebNews file at `path`.
pub fn evaluate_gwn(gaz: &Gazetteer, path: &Path) -> Result<GwnReport> {
    let xml = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let docs = parse(&xml, path)?;
    let t0 = std::time::Instant::now();
    let mut r = GwnReport {
        articles: docs.len(),
        ..Default::default()
    };
    let mut errors: Vec<f64> = Vec::new();
    let mut within = 0usize;
    let (mut id_total, mut id_ok) = (0usize, 0usize);
    for (article, (text, gold)) in docs.iter().enumerate() {
        let pred = gaz.find_toponyms(text);
        let ci = CharIndex::new(text);
        let spans: Vec<(usize, usize)> = pred
            .iter()
            .map(|m| (ci.char_offset(m.span.start), ci.char_offset(m.span.end)))
            .collect();
        r.gold += gold.len();
        r.predicted += pred.len();
        let mut used = vec![false; pred.len()];
        for g in gold {
            let hit = spans
                .iter()
                .enumerate()
                .find(|&(k, &(s, e))| !used[k] && s < g.end && g.start < e);
            let Some((k, _)) = hit else { continue };
            used[k] = true;
            r.recognised += 1;
            if g.geonameid.is_some() {
                id_total += 1;
            }
            let p = pred[k].place.as_ref();
            let d = p.map(|p| haversine_km(g.lat, g.lon, p.latitude, p.longitude));
            if d.is_none_or(|d| d > 161.0) {
                let gold_text = char_slice(text, g.start, g.end);
                r.far.push(GwnMiss {
                    article,
                    candidate_within: gaz
                        .candidate_points(&gold_text)
                        .into_iter()
                        .any(|(la, lo)| haversine_km(g.lat, g.lon, la, lo) <= 161.0),
                    gold_text,
                    gold_geonameid: g.geonameid,
                    gold_lat: g.lat,
                    gold_lon: g.lon,
                    text: pred[k].text.clone(),
                    ours: p
                        .map(|p| format!("{}, {}, {}", p.name, p.country_code, p.feature_code))
                        .unwrap_or_default(),
                    km: d,
                });
            }
            let (Some(p), Some(d)) = (p, d) else {
                continue;
            };
            r.resolved += 1;
            errors.push(d);
            if d <= 161.0 {
                within += 1;
            }
            if g.geonameid.is_some() && g.geonameid == p.geonameid {
                id_ok += 1;
            }
        }
    }
    r.seconds = t0.elapsed().as_secs_f64();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    r.precision = ratio(r.recognised, r.predicted);
    r.recall = ratio(r.recognised, r.gold);
    r.f1 = if r.precision + r.recall > 0.0 {
        2.0 * r.precision * r.recall / (r.precision + r.recall)
    } else {
        0.0
    };
    r.within_161km = ratio(within, r.recognised);
    r.exact_geonameid = ratio(id_ok, id_total);
    if !errors.is_empty() {
        r.mean_error_km = errors.iter().sum::<f64>() / errors.len() as f64;
        errors.sort_by(f64::total_cmp);
        r.median_error_km = errors[errors.len() / 2];
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_format_and_unescapes() {
        let xml = r#"<?xml version="1.0" ?><articles><article file="0"><title>t</title>
<text>Rain in Doha &amp; &quot;Tripoli&quot; today.</text><toponyms>
<toponym><extractedName>Doha</extractedName><type>Literal</type><start>8</start><end>12</end>
<geonamesID>290030</geonamesID><latitude>25.28545</latitude><longitude>51.53096</longitude></toponym>
<toponym><extractedName>today</extractedName><type>Non_Toponym</type><start>26</start><end>31</end></toponym>
<toponym><extractedName>Tripoli</extractedName><type>Literal</type><start>16</start><end>23</end>
<geonamesID/><latitude>34.43667</latitude><longitude>35.84972</longitude></toponym>
</toponyms></article></articles>"#;
        let docs = parse(xml, Path::new("x")).unwrap();
        assert_eq!(docs.len(), 1);
        let (text, tops) = &docs[0];
        assert_eq!(text, "Rain in Doha & \"Tripoli\" today.");
        assert_eq!(tops.len(), 2, "the toponym without coordinates is not gold");
        let t: String = text.chars().skip(tops[1].start).take(7).collect();
        assert_eq!(t, "Tripoli");
        assert_eq!(tops[1].geonameid, None);

        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.xml");
        std::fs::write(&p, xml).unwrap();
        let r = evaluate_gwn(super::super::testgaz::gazetteer(), &p).unwrap();
        assert_eq!(r.gold, 2);
        assert_eq!(r.recognised, 2, "{r}");
        assert!((r.recall - 1.0).abs() < 1e-9);
        assert_eq!(r.exact_geonameid, 1.0);
        assert!(r.to_string().contains("within 161 km"));
    }

    #[test]
    fn rejects_non_gwn_files() {
        assert!(parse("<html></html>", Path::new("x")).is_err());
    }
}

/// The full GeoWebNews figures with the shipped gazetteer:
/// `cargo test --release --lib places::gwn::full -- --ignored --nocapture`.
#[cfg(test)]
#[test]
#[ignore]
fn full() {
    let shared = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/eval/geo/GWN.xml"
    ));
    if !shared.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let g = Gazetteer::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer")).unwrap();
    if std::env::var_os("FL_ART").is_none() {
        let r = evaluate_gwn(&g, shared).unwrap();
        eprintln!("{r}");
    }
    if std::env::var_os("GWN_DUMP").is_some() {
        dump(&g, shared);
    }
}

/// Prints false positives, misses and far resolutions (for error analysis).
#[cfg(test)]
fn dump(g: &Gazetteer, path: &Path) {
    let xml = std::fs::read_to_string(path).unwrap();
    let only: Option<usize> = std::env::var("FL_ART").ok().and_then(|v| v.parse().ok());
    for (ai, (text, gold)) in parse(&xml, path).unwrap().into_iter().enumerate() {
        if only.is_some_and(|o| o != ai) {
            continue;
        }
        let pred = g.find_toponyms(&text);
        let ci = CharIndex::new(&text);
        let spans: Vec<(usize, usize)> = pred
            .iter()
            .map(|m| (ci.char_offset(m.span.start), ci.char_offset(m.span.end)))
            .collect();
        let chars: Vec<char> = text.chars().collect();
        for (k, &(s, e)) in spans.iter().enumerate() {
            let hit = gold.iter().find(|t| s < t.end && t.start < e);
            match hit {
                None => eprintln!("FP\t{}\t{ai}", pred[k].text),
                Some(t) => {
                    if let Some(p) = &pred[k].place {
                        let d = haversine_km(t.lat, t.lon, p.latitude, p.longitude);
                        if d > 161.0 {
                            eprintln!(
                                "FAR\t{}\t{}\t{}\t{}\t{}\t{:.0}\t{ai}\tgold {:?} {:.2},{:.2}\tconf {:.2}",
                                pred[k].text, p.name, p.country_code, p.admin1.as_deref().unwrap_or(""), p.feature_code, d, t.geonameid, t.lat, t.lon, pred[k].confidence
                            );
                        }
                    } else {
                        eprintln!("UNRES\t{}\t{ai}", pred[k].text);
                    }
                }
            }
        }
        for t in &gold {
            if !spans.iter().any(|&(s, e)| s < t.end && t.start < e) {
                let name: String = chars[t.start.min(chars.len())..t.end.min(chars.len())]
                    .iter()
                    .collect();
                eprintln!("MISS\t{name}\t{ai}");
            }
        }
    }
}
