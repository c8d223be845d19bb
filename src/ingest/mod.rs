//! Ingest stage: articles from `.txt` files, JSON Lines corpora (`.jsonl`, `.jsonl.gz`),
//! folders and stdin, each with its publication date.
//!
//! Bad input (unreadable file, invalid UTF-8, empty article, malformed JSONL line, missing
//! `text`) becomes a [`crate::Error::Input`] naming the file and line in
//! [`Ingested::problems`]; the rest of the input is still read.

mod published;

pub use published::{find_publication_date, parse_date_phrase};

use crate::model::{Article, PublishedFrom};
use crate::{Error, Result};
use chrono::NaiveDate;
use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Options of the ingest stage.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Publication date for articles whose date is neither a field nor found in the text.
    pub default_date: Option<NaiveDate>,
}

/// What was read: the articles, and the problems met on the way.
#[derive(Debug, Default)]
pub struct Ingested {
    pub articles: Vec<Article>,
    pub problems: Vec<Error>,
}

/// One JSON Lines record.
#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    published: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

/// Reads every input: files, folders (recursively, in sorted order) and `-` for stdin.
pub fn read_inputs(inputs: &[PathBuf], opts: &IngestOptions) -> Ingested {
    let mut out = Ingested::default();
    for input in inputs {
        if input.as_os_str() == "-" {
            let mut buf = Vec::new();
            match std::io::stdin().read_to_end(&mut buf) {
                Ok(_) => read_bytes("<stdin>", "stdin", buf, Kind::Sniff, opts, &mut out),
                Err(e) => out.problems.push(Error::io("<stdin>", e)),
            }
        } else if input.is_dir() {
            let mut files = Vec::new();
            if let Err(e) = collect_files(input, &mut files) {
                out.problems.push(e);
            }
            files.sort();
            for f in files {
                read_file(&f, opts, &mut out);
            }
        } else {
            read_file(input, opts, &mut out);
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Jsonl,
    /// stdin: JSON Lines if every non-blank line is a JSON object, else one text article.
    Sniff,
}

fn kind_of(path: &Path) -> Option<(Kind, bool)> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if name.ends_with(".jsonl.gz") || name.ends_with(".ndjson.gz") {
        Some((Kind::Jsonl, true))
    } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        Some((Kind::Jsonl, false))
    } else if name.ends_with(".txt.gz") {
        Some((Kind::Text, true))
    } else if name.ends_with(".txt") {
        Some((Kind::Text, false))
    } else {
        None
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else if kind_of(&path).is_some() {
            out.push(path);
        }
    }
    Ok(())
}

fn read_file(path: &Path, opts: &IngestOptions, out: &mut Ingested) {
    let origin = path.display().to_string();
    // Unknown extensions given explicitly are read as plain text.
    let (kind, gz) = kind_of(path).unwrap_or((Kind::Text, false));
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            out.problems.push(Error::io(path, e));
            return;
        }
    };
    let bytes = if gz {
        let mut dec = flate2::read::MultiGzDecoder::new(&bytes[..]);
        let mut buf = Vec::new();
        if let Err(e) = dec.read_to_end(&mut buf) {
            out.problems.push(Error::Input {
                origin,
                message: format!("cannot decompress: {e}"),
            });
            return;
        }
        buf
    } else {
        bytes
    };
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .map(|n| {
            n.trim_end_matches(".gz")
                .trim_end_matches(".txt")
                .to_string()
        })
        .unwrap_or_else(|| origin.clone());
    read_bytes(&origin, &stem, bytes, kind, opts, out);
}

fn read_bytes(
    origin: &str,
    id: &str,
    bytes: Vec<u8>,
    kind: Kind,
    opts: &IngestOptions,
    out: &mut Ingested,
) {
    let kind = if kind == Kind::Sniff {
        let looks_jsonl = bytes
            .split(|&b| b == b'\n')
            .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
            .all(|l| l.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'));
        if looks_jsonl && !bytes.iter().all(u8::is_ascii_whitespace) {
            Kind::Jsonl
        } else {
            Kind::Text
        }
    } else {
        kind
    };
    match kind {
        Kind::Jsonl => read_jsonl(origin, &bytes, opts, out),
        _ => match String::from_utf8(bytes) {
            Ok(text) => push_article(
                out,
                opts,
                origin.to_string(),
                id.to_string(),
                text,
                None,
                None,
                None,
            ),
            Err(e) => out.problems.push(Error::Input {
                origin: origin.to_string(),
                message: format!(
                    "invalid UTF-8 at byte {}: skipped",
                    e.utf8_error().valid_up_to()
                ),
            }),
        },
    }
}

fn read_jsonl(origin: &str, bytes: &[u8], opts: &IngestOptions, out: &mut Ingested) {
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let lineno = i + 1;
        let at = format!("{origin}:{lineno}");
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let line = match std::str::from_utf8(line) {
            Ok(l) => l,
            Err(e) => {
                out.problems.push(Error::Input {
                    origin: at,
                    message: format!("invalid UTF-8 at byte {}: line skipped", e.valid_up_to()),
                });
                continue;
            }
        };
        let rec: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                out.problems.push(Error::Input {
                    origin: at,
                    message: format!("malformed JSON ({e}): line skipped"),
                });
                continue;
            }
        };
        let Some(text) = rec.text else {
            out.problems.push(Error::Input {
                origin: at,
                message: "missing \"text\" field: line skipped".into(),
            });
            continue;
        };
        let id = match rec.id {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{}:{lineno}", Path::new(origin).display()),
        };
        let published = match rec.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(p) => match parse_published_field(p) {
                Some(d) => Some(d),
                None => {
                    out.problems.push(Error::Input {
                        origin: at.clone(),
                        message: format!(
                            "unreadable \"published\" value {p:?}: looking for the date in the text"
                        ),
                    });
                    None
                }
            },
        };
        push_article(out, opts, at, id, text, published, rec.source, rec.url);
    }
}

/// `published` fields: ISO dates, ISO date-times, or a date phrase.
fn parse_published_field(p: &str) -> Option<NaiveDate> {
    let head = p.get(..10).unwrap_or(p);
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .or_else(|| parse_date_phrase(p).map(|(d, _)| d))
}

#[allow(clippy::too_many_arguments)]
fn push_article(
    out: &mut Ingested,
    opts: &IngestOptions,
    origin: String,
    id: String,
    text: String,
    published: Option<NaiveDate>,
    source: Option<String>,
    url: Option<String>,
) {
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    if text.trim().is_empty() {
        out.problems.push(Error::Input {
            origin,
            message: format!("article {id:?} is empty: skipped"),
        });
        return;
    }
    let (published, published_from) = match published {
        Some(d) => (Some(d), PublishedFrom::Field),
        None => match find_publication_date(&text, opts.default_date) {
            Some(d) => (Some(d), PublishedFrom::Text),
            None => match opts.default_date {
                Some(d) => (Some(d), PublishedFrom::Option),
                None => (None, PublishedFrom::None),
            },
        },
    };
    out.articles.push(Article {
        id,
        text,
        published,
        published_from,
        source: source.filter(|s| !s.trim().is_empty()),
        url: url.filter(|s| !s.trim().is_empty()),
        origin,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
        let p = dir.join(name);
        std::fs::File::create(&p)
            .and_then(|mut f| f.write_all(content))
            .unwrap();
        p
    }

    #[test]
    fn reads_jsonl_and_reports_bad_lines_by_number() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "a.jsonl",
            b"{\"id\":\"a\",\"text\":\"Troops entered the town.\",\"published\":\"2021-07-08\"}\n\
              not json\n\
              {\"id\":\"c\"}\n\
              {\"id\":\"d\",\"text\":\"  \"}\n\
              {\"id\":7,\"text\":\"Rebels withdrew.\"}\n",
        );
        let got = read_inputs(&[p], &IngestOptions::default());
        let ids: Vec<_> = got.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "7"]);
        assert_eq!(
            got.articles[0].published,
            NaiveDate::from_ymd_opt(2021, 7, 8)
        );
        let msgs: Vec<String> = got.problems.iter().map(|e| e.to_string()).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(msgs[0].contains("a.jsonl:2") && msgs[0].contains("malformed JSON"));
        assert!(msgs[1].contains("a.jsonl:3") && msgs[1].contains("missing \"text\""));
        assert!(msgs[2].contains("a.jsonl:4") && msgs[2].contains("empty"));
    }

    #[test]
    fn folders_are_read_recursively_in_sorted_order_and_gz_is_decompressed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        write(dir.path(), "b.txt", b"Second article text.");
        write(dir.path(), "a.txt", b"First article text.");
        write(dir.path(), "ignored.csv", b"x,y");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"{\"id\":\"z\",\"text\":\"Zipped.\"}\n")
            .unwrap();
        write(&dir.path().join("sub"), "c.jsonl.gz", &gz.finish().unwrap());
        let got = read_inputs(&[dir.path().to_path_buf()], &IngestOptions::default());
        let ids: Vec<_> = got.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "b", "z"]);
        assert!(got.problems.is_empty());
    }

    #[test]
    fn invalid_utf8_and_missing_files_are_problems_not_panics() {
        let dir = tempfile::tempdir().unwrap();
        let bad = write(dir.path(), "bad.txt", b"caf\xe9 bombing");
        let good = write(dir.path(), "good.txt", b"Fine text.");
        let missing = dir.path().join("missing.txt");
        let got = read_inputs(&[bad, missing, good], &IngestOptions::default());
        assert_eq!(got.articles.len(), 1);
        assert_eq!(got.problems.len(), 2);
        assert!(got.problems[0].to_string().contains("bad.txt"));
        assert!(got.problems[0].to_string().contains("invalid UTF-8"));
        assert!(got.problems[1].to_string().contains("missing.txt"));
    }

    #[test]
    fn default_date_is_the_last_resort() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "a.txt", b"Rebels attacked a base on Monday.");
        let d = NaiveDate::from_ymd_opt(2020, 1, 2);
        let got = read_inputs(&[p], &IngestOptions { default_date: d });
        assert_eq!(got.articles[0].published, d);
        assert_eq!(got.articles[0].published_from, PublishedFrom::Option);
    }
}
