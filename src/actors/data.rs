//! Reading the actor knowledge files of `gazetteer/`.

use crate::{Error, Result};
use std::path::Path;

/// One data line of a TSV file: its 1-based line number and its trimmed fields.
pub(crate) struct Row {
    pub line: usize,
    pub fields: Vec<String>,
}

impl Row {
    /// Field `i`, or "" where the line is shorter.
    pub fn get(&self, i: usize) -> &str {
        self.fields.get(i).map_or("", String::as_str)
    }
}

/// Reads a tab-separated file, skipping blank lines and `#` comments; every row must have at
/// least `min_fields` fields.
pub(crate) fn read_tsv(path: &Path, min_fields: usize) -> Result<Vec<Row>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut rows = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let fields: Vec<String> = line.split('\t').map(|f| f.trim().to_string()).collect();
        if fields.len() < min_fields || fields[0].is_empty() {
            return Err(Error::gazetteer(
                path,
                format!(
                    "line {}: expected at least {min_fields} tab-separated columns",
                    i + 1
                ),
            ));
        }
        rows.push(Row {
            line: i + 1,
            fields,
        });
    }
    Ok(rows)
}

/// The items of a `;`-separated list cell.
pub(crate) fn split_list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// True for an alias matched only as written: an explicit `=` prefix, or an acronym of capitals
/// (dots allowed) of at most five letters ("IS", "AA", "U.N.").
pub(crate) fn is_case_sensitive(alias: &str) -> bool {
    let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
    letters > 0
        && letters <= 5
        && alias
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_case_sensitive() {
        assert!(is_case_sensitive("IS"));
        assert!(is_case_sensitive("U.N."));
        assert!(is_case_sensitive("M23"));
        assert!(!is_case_sensitive("Taliban"));
        assert!(!is_case_sensitive("ISWAP-led"));
        assert!(!is_case_sensitive("Nato"));
    }

    #[test]
    fn split_list_trims_and_drops_empties() {
        let v: Vec<&str> = split_list(" a; b ;;c").collect();
        assert_eq!(v, vec!["a", "b", "c"]);
    }
}
