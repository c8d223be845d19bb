//! Evaluation of the tagger on TimeML (`.tml`, TIMEX3) and WikiWars (TIMEX2) corpora.
//!
//! Each document's text (TimeML: the `<TEXT>` element; WikiWars: `<TEXT>` of the inline key
//! files) is stripped of tags and entity-decoded; the gold time expressions keep their offsets
//! in that plain text. The tagger runs on the plain text with the document's reference date.
//!
//! Scores: a system mention matches a gold one (one-to-one, in text order) when their spans
//! overlap (relaxed) or are equal (strict). Type and value accuracy are over relaxed matches;
//! value F1 counts a relaxed match with the gold value as correct, so value P = correct/system,
//! value R = correct/gold. Each figure is given over all expressions and over DATE/TIME alone
//! (gold and system restricted to DATE/TIME).
//!
//! WikiWars has no document creation time worth using (the download date); the reference date
//! of a document is the first absolute, fully specified date the tagger finds in it (a day,
//! month or year with no relative anchor), which for these narratives is the start of the
//! story. TIMEX2 carries no type: DURATION is read from `P...` values, SET from `set="YES"` or
//! `XXXX-WXX` weekly values, TIME from values with a `T`, DATE otherwise.

//!
//! Values are compared as written canonically ([`same_value`]: two-digit week numbers, clock
//! hours with minutes), nothing else forgiven; the share with the strings compared exactly is
//! printed below the table.
//!
//! Figures (`frontline eval --timeml ../shared/eval/time/TBAQ-cleaned`, `--wikiwars`):
//! TBAQ-cleaned (256 documents, 1822 TIMEX3) relaxed span F1 0.946, strict 0.883, value F1
//! 0.843, value accuracy 0.891 (0.904 on DATE/TIME, 1323/1464; 0.900 with exact strings);
//! WikiWars (22 documents, 2659 TIMEX2) relaxed span F1 0.909, value accuracy 0.914 (0.937 on
//! DATE/TIME). Of the 141 DATE/TIME value errors left on TBAQ-cleaned, 2 are the tagger's
//! (clock times "ten days before" an event whose day was told long before); the rest are gold errors (values contradicting
//! the DCT or the text, weekdays a week off the DCT, a story whose header date is not the
//! DCT), underspecified gold values (`1989-WXX` for "last week", `1949-XX` for "1949"), gold
//! granularities unlike the expression's, part-of-day ("Sunday night": TNI or TEV 9 times, the day
//! alone 5 times; "Friday morning": TMO 3 times, the day alone 6 times) and earnings-period
//! choices on which TimeBank disagrees with itself.
//! The error list: `frontline eval --timeml DIR --errors [all|dt|ok]` (to stderr), or
//! `TIME_ERRORS=1` (and `TIME_OK=1`, `TIME_DT=1`) with the ignored `tbaq` / `wikiwars` tests
//! below.

use super::TimeTagger;
use crate::model::{Anchor, Span, TimexType};
use crate::{Error, Result};
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// Precision, recall, F1 and the counts behind them.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Prf {
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(correct: usize, system: usize, gold: usize) -> Prf {
        let p = if system == 0 {
            0.0
        } else {
            correct as f64 / system as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            correct as f64 / gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf {
            correct,
            precision: p,
            recall: r,
            f1: f,
        }
    }
}

/// Scores over one selection of expressions.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Scores {
    pub gold: usize,
    pub system: usize,
    pub relaxed: Prf,
    pub strict: Prf,
    /// Share of relaxed matches with the gold type.
    pub type_accuracy: f64,
    /// Share of relaxed matches with the gold value (compared as written canonically: see
    /// [`same_value`]).
    pub value_accuracy: f64,
    /// The same share with the value strings compared exactly, as the gold writes them.
    pub value_accuracy_exact: f64,
    pub value: Prf,
}

/// The report of [`evaluate_timeml`] / [`evaluate_wikiwars`].
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct TimemlReport {
    pub corpus: String,
    pub documents: usize,
    pub overall: Scores,
    pub date_time: Scores,
}

impl fmt::Display for TimemlReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: {} documents", self.corpus, self.documents)?;
        writeln!(
            f,
            "{:<10} {:>6} {:>6}  {:>17}  {:>17}  {:>7} {:>7}  {:>17}",
            "",
            "gold",
            "system",
            "relaxed P/R/F1",
            "strict P/R/F1",
            "type",
            "value",
            "value P/R/F1"
        )?;
        for (name, s) in [("all", &self.overall), ("DATE/TIME", &self.date_time)] {
            let prf = |p: &Prf| format!("{:.3}/{:.3}/{:.3}", p.precision, p.recall, p.f1);
            writeln!(
                f,
                "{:<10} {:>6} {:>6}  {:>17}  {:>17}  {:>7.3} {:>7.3}  {:>17}",
                name,
                s.gold,
                s.system,
                prf(&s.relaxed),
                prf(&s.strict),
                s.type_accuracy,
                s.value_accuracy,
                prf(&s.value)
            )?;
        }
        writeln!(
            f,
            "value accuracy with the value strings compared exactly: all {:.3}, DATE/TIME {:.3}",
            self.overall.value_accuracy_exact, self.date_time.value_accuracy_exact
        )?;
        Ok(())
    }
}

/// A gold or system expression in a plain-text document.
#[derive(Debug, Clone)]
pub(crate) struct Expr {
    pub span: Span,
    pub ttype: TimexType,
    pub value: String,
}

/// A parsed evaluation document.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    pub name: String,
    pub text: String,
    pub dct: Option<NaiveDate>,
    pub gold: Vec<Expr>,
}

fn files_with(dir: &Path, suffix: &str, out: &mut Vec<PathBuf>) -> Result<()> {
    let rd = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in rd {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let p = entry.path();
        if p.is_dir() {
            files_with(&p, suffix, out)?;
        } else if p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(suffix))
        {
            out.push(p);
        }
    }
    Ok(())
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(k) = tag[from..].find(name) {
        let at = from + k;
        from = at + name.len();
        let before_ok = at == 0 || tag.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = &tag[at + name.len()..];
        let rest = rest.trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let rest = rest[1..].trim_start();
        let q = rest.chars().next()?;
        if q != '"' && q != '\'' {
            return None;
        }
        let body = &rest[1..];
        return body.find(q).map(|e| &body[..e]);
    }
    None
}

fn timex_type(s: &str) -> TimexType {
    match s {
        "TIME" => TimexType::Time,
        "DURATION" => TimexType::Duration,
        "SET" => TimexType::Set,
        _ => TimexType::Date,
    }
}

fn decode_entity(s: &str) -> Option<(&'static str, usize)> {
    for (e, r) in [
        ("&amp;", "&"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&apos;", "'"),
    ] {
        if s.starts_with(e) {
            return Some((r, e.len()));
        }
    }
    None
}

/// Strips tags from `xml`, keeping the expressions of `tag_name` (`TIMEX3` or `TIMEX2`,
/// possibly nested) with their plain-text spans. `typer` maps an opening tag to (type, value).
fn strip(
    xml: &str,
    tag_name: &str,
    typer: &dyn Fn(&str) -> (TimexType, String),
) -> (String, Vec<Expr>) {
    let mut text = String::with_capacity(xml.len());
    let mut gold = Vec::new();
    let mut stack: Vec<(usize, TimexType, String)> = Vec::new();
    let open = format!("<{tag_name}");
    let close = format!("</{tag_name}");
    let mut i = 0;
    while i < xml.len() {
        let rest = &xml[i..];
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(xml.len(), |e| i + e + 1);
            let tag = &xml[i..end];
            if tag.starts_with(&open)
                && tag[open.len()..]
                    .starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/')
            {
                if !tag.ends_with("/>") {
                    let (t, v) = typer(tag);
                    stack.push((text.len(), t, v));
                }
            } else if tag.starts_with(&close) {
                if let Some((s, t, v)) = stack.pop() {
                    gold.push(Expr {
                        span: Span::new(s, text.len()),
                        ttype: t,
                        value: v,
                    });
                }
            }
            i = end;
        } else if rest.starts_with('&') {
            match decode_entity(rest) {
                Some((r, l)) => {
                    text.push_str(r);
                    i += l;
                }
                None => {
                    text.push('&');
                    i += 1;
                }
            }
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            text.push(c);
            i += c.len_utf8();
        }
    }
    gold.sort_by_key(|e| (e.span.start, e.span.end));
    // trim spaces inside gold spans
    for g in &mut gold {
        let s = &text[g.span.start..g.span.end];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead + trail < s.len() {
            g.span = Span::new(g.span.start + lead, g.span.end - trail);
        }
    }
    (text, gold)
}

fn element<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let s = xml.find(&format!("<{name}>"))? + name.len() + 2;
    let e = xml[s..].find(&format!("</{name}>"))? + s;
    Some(&xml[s..e])
}

pub(crate) fn read_timeml(path: &Path) -> Result<Doc> {
    let xml = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let origin = path.display().to_string();
    let dct = element(&xml, "DCT")
        .and_then(|d| attr(d, "value"))
        .and_then(|v| NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok());
    let body = element(&xml, "TEXT").ok_or_else(|| Error::Input {
        origin: origin.clone(),
        message: "no <TEXT> element".into(),
    })?;
    let typer = |tag: &str| {
        (
            timex_type(attr(tag, "type").unwrap_or("DATE")),
            attr(tag, "value").unwrap_or("").to_string(),
        )
    };
    let (text, gold) = strip(body, "TIMEX3", &typer);
    Ok(Doc {
        name: origin,
        text,
        dct,
        gold,
    })
}

pub(crate) fn read_wikiwars(path: &Path) -> Result<Doc> {
    let xml = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let origin = path.display().to_string();
    let body = element(&xml, "TEXT").ok_or_else(|| Error::Input {
        origin: origin.clone(),
        message: "no <TEXT> element".into(),
    })?;
    let typer = |tag: &str| {
        let v = attr(tag, "val").unwrap_or("").to_string();
        let t = if attr(tag, "set").is_some_and(|s| s.eq_ignore_ascii_case("yes"))
            || v.starts_with("XXXX-WXX")
        {
            TimexType::Set
        } else if v.starts_with('P') {
            TimexType::Duration
        } else if v.contains('T') && !v.ends_with("_REF") {
            TimexType::Time
        } else {
            TimexType::Date
        };
        (t, v)
    };
    let (text, gold) = strip(body, "TIMEX2", &typer);
    Ok(Doc {
        name: origin,
        text,
        dct: None,
        gold,
    })
}

#[derive(Default)]
struct Counts {
    gold: usize,
    system: usize,
    relaxed: usize,
    strict: usize,
    type_ok: usize,
    value_ok: usize,
    value_exact: usize,
}

impl Counts {
    fn scores(&self) -> Scores {
        let acc = |n: usize| {
            if self.relaxed == 0 {
                0.0
            } else {
                n as f64 / self.relaxed as f64
            }
        };
        Scores {
            gold: self.gold,
            system: self.system,
            relaxed: Prf::new(self.relaxed, self.system, self.gold),
            strict: Prf::new(self.strict, self.system, self.gold),
            type_accuracy: acc(self.type_ok),
            value_accuracy: acc(self.value_ok),
            value_accuracy_exact: acc(self.value_exact),
            value: Prf::new(self.value_ok, self.system, self.gold),
        }
    }
}

/// Scores one document's system expressions against gold, adding to `c`; mismatches go to
/// `errors` when given.
fn score(
    gold: &[&Expr],
    sys: &[&Expr],
    c: &mut Counts,
    text: &str,
    errors: Option<&mut Vec<String>>,
) {
    c.gold += gold.len();
    c.system += sys.len();
    let mut used = vec![false; sys.len()];
    let mut errs = Vec::new();
    let snippet = |s: Span| text.get(s.start..s.end).unwrap_or("").replace('\n', " ");
    for g in gold {
        let m = sys
            .iter()
            .enumerate()
            .find(|(k, s)| !used[*k] && s.span.overlaps(g.span));
        match m {
            Some((k, s)) => {
                used[k] = true;
                c.relaxed += 1;
                if s.span == g.span {
                    c.strict += 1;
                }
                if s.ttype == g.ttype {
                    c.type_ok += 1;
                }
                if s.value == g.value {
                    c.value_exact += 1;
                }
                if same_value(&s.value, &g.value) {
                    c.value_ok += 1;
                    errs.push(format!(
                        "OK     gold {:?} {} | sys {:?}",
                        snippet(g.span),
                        g.value,
                        snippet(s.span)
                    ));
                } else {
                    let lo = crate::time::floor_boundary(text, g.span.start.saturating_sub(60));
                    let hi = crate::time::ceil_boundary(text, (g.span.end + 60).min(text.len()));
                    errs.push(format!(
                        "VALUE  gold {:?} {} {:?} | sys {:?} {} {:?} ctx {:?}",
                        snippet(g.span),
                        g.value,
                        g.ttype,
                        snippet(s.span),
                        s.value,
                        s.ttype,
                        snippet(Span::new(lo, hi))
                    ));
                }
            }
            None => {
                let lo = crate::time::floor_boundary(text, g.span.start.saturating_sub(40));
                let hi = crate::time::ceil_boundary(text, (g.span.end + 40).min(text.len()));
                errs.push(format!(
                    "MISS   {:?} {} {:?} ctx {:?}",
                    snippet(g.span),
                    g.value,
                    g.ttype,
                    snippet(Span::new(lo, hi))
                ))
            }
        }
    }
    for (k, s) in sys.iter().enumerate() {
        if !used[k] {
            let lo = crate::time::floor_boundary(text, s.span.start.saturating_sub(50));
            let hi = crate::time::ceil_boundary(text, (s.span.end + 50).min(text.len()));
            errs.push(format!(
                "EXTRA  {:?} {} {:?} ctx {:?}",
                snippet(s.span),
                s.value,
                s.ttype,
                snippet(Span::new(lo, hi))
            ));
        }
    }
    if let Some(e) = errors {
        e.extend(errs);
    }
}

/// Whether two TIMEX values are the same once written canonically: week numbers with two
/// digits (the gold's `2000-W8` is `2000-W08`) and clock hours with minutes (`T17` is
/// `T17:00`, `T24` is `T24:00`). Nothing else is forgiven: a coarser or finer value, an
/// `XX` placeholder or another day is a different value.
pub(crate) fn same_value(a: &str, b: &str) -> bool {
    a == b || canonical(a) == canonical(b)
}

fn canonical(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 3);
    let b = v.as_bytes();
    let mut i = 0;
    while i < b.len() {
        out.push(b[i] as char);
        // "-W8" (end or "-" after) -> "-W08"
        if b[i] == b'W'
            && i > 0
            && b[i - 1] == b'-'
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            && b.get(i + 2).is_none_or(|&c| c == b'-')
        {
            out.push('0');
        }
        // "T17" at the end -> "T17:00"
        if b[i] == b'T'
            && i + 3 == b.len()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
        {
            out.push_str(&v[i + 1..]);
            out.push_str(":00");
            return out;
        }
        i += 1;
    }
    out
}

fn system_exprs(
    tagger: &TimeTagger,
    text: &str,
    dct: Option<NaiveDate>,
    narrative: bool,
) -> Vec<Expr> {
    tagger
        .tag_with(text, dct, narrative)
        .into_iter()
        .map(|m| Expr {
            span: m.span,
            ttype: m.timex_type,
            value: m.value,
        })
        .collect()
}

fn is_dt(t: TimexType) -> bool {
    matches!(t, TimexType::Date | TimexType::Time)
}

pub(crate) fn evaluate_docs(
    tagger: &TimeTagger,
    corpus: &str,
    docs: &[Doc],
    narrative: bool,
    mut errors: Option<&mut Vec<String>>,
    dt_errors: bool,
) -> TimemlReport {
    let mut all = Counts::default();
    let mut dt = Counts::default();
    for doc in docs {
        let dct = match doc.dct {
            Some(d) => Some(d),
            None => first_absolute_date(tagger, &doc.text),
        };
        let sys = system_exprs(tagger, &doc.text, dct, narrative);
        let g: Vec<&Expr> = doc.gold.iter().collect();
        let s: Vec<&Expr> = sys.iter().collect();
        if let Some(e) = errors.as_deref_mut() {
            e.push(format!("## {} dct={:?}", doc.name, dct));
        }
        let (e_all, e_dt) = if dt_errors {
            (None, errors.as_deref_mut())
        } else {
            (errors.as_deref_mut(), None)
        };
        score(&g, &s, &mut all, &doc.text, e_all);
        let g: Vec<&Expr> = doc.gold.iter().filter(|e| is_dt(e.ttype)).collect();
        let s: Vec<&Expr> = sys.iter().filter(|e| is_dt(e.ttype)).collect();
        score(&g, &s, &mut dt, &doc.text, e_dt);
    }
    TimemlReport {
        corpus: corpus.to_string(),
        documents: docs.len(),
        overall: all.scores(),
        date_time: dt.scores(),
    }
}

/// The first absolute date (no relative anchor) the tagger finds in `text`.
pub fn first_absolute_date(tagger: &TimeTagger, text: &str) -> Option<NaiveDate> {
    tagger
        .tag(text, None)
        .into_iter()
        .find(|m| m.anchor == Anchor::None && m.date.is_some())
        .and_then(|m| m.date.map(|d| d.date))
}

pub(crate) fn load_timeml(dir: &Path) -> Result<Vec<Doc>> {
    let mut files = Vec::new();
    files_with(dir, ".tml", &mut files)?;
    files.sort();
    files.iter().map(|p| read_timeml(p)).collect()
}

pub(crate) fn load_wikiwars(dir: &Path) -> Result<Vec<Doc>> {
    let mut files = Vec::new();
    files_with(dir, ".key.xml", &mut files)?;
    if files.is_empty() {
        // plain inline files (any .xml with TIMEX2)
        files_with(dir, ".xml", &mut files)?;
    }
    files.sort();
    files.iter().map(|p| read_wikiwars(p)).collect()
}

/// Which lines [`evaluate_with_errors`] lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorListing {
    /// Misses, extras and value mismatches over all expressions.
    All,
    /// The same over DATE/TIME expressions alone.
    DateTime,
    /// All expressions, the correct matches too (`OK` lines).
    WithMatches,
}

/// As [`evaluate_timeml`] (or [`evaluate_wikiwars`] when `wikiwars`), also returning one line
/// per miss (`MISS`), spurious expression (`EXTRA`) and value mismatch (`VALUE`), each with its
/// context, under a `##` line per document.
pub fn evaluate_with_errors(
    tagger: &TimeTagger,
    dir: &Path,
    wikiwars: bool,
    listing: ErrorListing,
) -> Result<(TimemlReport, Vec<String>)> {
    let docs = if wikiwars {
        load_wikiwars(dir)?
    } else {
        load_timeml(dir)?
    };
    if docs.is_empty() {
        return Err(Error::Other(format!(
            "no evaluation files under {}",
            dir.display()
        )));
    }
    let mut errors = Vec::new();
    let r = evaluate_docs(
        tagger,
        &dir.display().to_string(),
        &docs,
        wikiwars,
        Some(&mut errors),
        listing == ErrorListing::DateTime,
    );
    if listing != ErrorListing::WithMatches {
        errors.retain(|e| !e.starts_with("OK "));
    }
    Ok((r, errors))
}

/// Runs the tagger over every TimeML `.tml` file under `dir` (recursively), each with its
/// document creation time, and scores it against the inline TIMEX3 annotations.
pub fn evaluate_timeml(tagger: &TimeTagger, dir: &Path) -> Result<TimemlReport> {
    let docs = load_timeml(dir)?;
    if docs.is_empty() {
        return Err(Error::Other(format!(
            "no .tml files under {}",
            dir.display()
        )));
    }
    Ok(evaluate_docs(
        tagger,
        &dir.display().to_string(),
        &docs,
        false,
        None,
        false,
    ))
}

/// Runs the tagger over the WikiWars inline key files (`*.key.xml`, TIMEX2 `val`) under `dir`;
/// each document's reference date is its first absolute date (see the module notes).
pub fn evaluate_wikiwars(tagger: &TimeTagger, dir: &Path) -> Result<TimemlReport> {
    let docs = load_wikiwars(dir)?;
    if docs.is_empty() {
        return Err(Error::Other(format!(
            "no .key.xml files under {}",
            dir.display()
        )));
    }
    Ok(evaluate_docs(
        tagger,
        &dir.display().to_string(),
        &docs,
        true,
        None,
        false,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_keeps_gold_offsets() {
        let xml = r#"Bombs hit <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>."#;
        let typer = |tag: &str| {
            (
                timex_type(attr(tag, "type").unwrap_or("")),
                attr(tag, "value").unwrap_or("").to_string(),
            )
        };
        let (text, gold) = strip(xml, "TIMEX3", &typer);
        assert_eq!(text, "Bombs hit Friday & three days.");
        assert_eq!(&text[gold[0].span.start..gold[0].span.end], "Friday");
        assert_eq!(gold[1].ttype, TimexType::Duration);
        assert_eq!(gold[1].value, "P3D");
        assert_eq!(attr(r#"<X tid="t1" type="DATE">"#, "type"), Some("DATE"));
        assert_eq!(attr(r#"<X subtype="a" type="B">"#, "type"), Some("B"));
    }

    #[test]
    fn scores_relaxed_strict_and_values() {
        let e = |s, e2, v: &str| Expr {
            span: Span::new(s, e2),
            ttype: TimexType::Date,
            value: v.into(),
        };
        let gold = [e(0, 10, "A"), e(20, 30, "B"), e(40, 45, "C")];
        let sys = [e(0, 10, "A"), e(22, 30, "X"), e(50, 55, "D")];
        let mut c = Counts::default();
        let g: Vec<&Expr> = gold.iter().collect();
        let s: Vec<&Expr> = sys.iter().collect();
        score(&g, &s, &mut c, "", None);
        let sc = c.scores();
        assert_eq!(sc.relaxed.correct, 2);
        assert_eq!(sc.strict.correct, 1);
        assert_eq!(sc.value.correct, 1);
        assert!((sc.value_accuracy - 0.5).abs() < 1e-9);
    }

    #[test]
    fn values_compare_as_written_canonically_and_no_further() {
        assert!(same_value("2000-W08", "2000-W8"));
        assert!(same_value("2000-W08-WE", "2000-W8-WE"));
        assert!(same_value("1989-11-06T17:00", "1989-11-06T17"));
        assert!(same_value("1989-10-27T24:00", "1989-10-27T24"));
        assert!(!same_value("2000-W07", "2000-W8"));
        assert!(!same_value("1949", "1949-XX"));
        assert!(!same_value("1989-W43", "1989-WXX"));
        assert!(!same_value("1989-10-27T00:00", "1989-10-27T24"));
        assert!(!same_value("2021-07-08TMO", "2021-07-08"));
    }

    fn shared() -> Option<PathBuf> {
        let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/time"));
        if p.exists() {
            Some(p)
        } else {
            eprintln!("skipping: ../shared not found");
            None
        }
    }

    fn tagger() -> TimeTagger {
        TimeTagger::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer")).unwrap()
    }

    /// Floors on TBAQ-cleaned, so that regressions show (see the ignored `tbaq` for the table).
    #[test]
    fn tbaq_floors() {
        let Some(p) = shared() else { return };
        let t = tagger();
        let r = evaluate_timeml(&t, &p.join("TBAQ-cleaned")).unwrap();
        assert_eq!(r.documents, 256);
        assert_eq!(r.overall.gold, 1822);
        assert!(r.overall.relaxed.f1 >= 0.94, "{r}");
        assert!(r.overall.strict.f1 >= 0.875, "{r}");
        assert!(r.overall.value.f1 >= 0.83, "{r}");
        assert!(r.date_time.value_accuracy >= 0.90, "{r}");
    }

    /// `cargo test --release --lib time::timeml::tests::tbaq -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn tbaq() {
        let Some(p) = shared() else { return };
        let t = tagger();
        let docs = load_timeml(&p.join("TBAQ-cleaned")).unwrap();
        let mut errors = Vec::new();
        let r = evaluate_docs(
            &t,
            "TBAQ-cleaned",
            &docs,
            false,
            Some(&mut errors),
            std::env::var_os("TIME_DT").is_some(),
        );
        if std::env::var_os("TIME_ERRORS").is_some() {
            let ok = std::env::var_os("TIME_OK").is_some();
            for e in errors.iter().filter(|e| ok || !e.starts_with("OK ")) {
                println!("{e}");
            }
        }
        println!("{r}");
    }

    /// `cargo test --release --lib time::timeml::tests::wikiwars -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn wikiwars() {
        let Some(p) = shared() else { return };
        let t = tagger();
        let docs = load_wikiwars(&p.join("wikiwars")).unwrap();
        let mut errors = Vec::new();
        let r = evaluate_docs(
            &t,
            "WikiWars",
            &docs,
            true,
            Some(&mut errors),
            std::env::var_os("TIME_DT").is_some(),
        );
        if std::env::var_os("TIME_ERRORS").is_some() {
            let ok = std::env::var_os("TIME_OK").is_some();
            for e in errors.iter().filter(|e| ok || !e.starts_with("OK ")) {
                println!("{e}");
            }
        }
        println!("{r}");
    }
}
