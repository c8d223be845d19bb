//! The temporal lexicon (`gazetteer/time_lexicon.tsv`): words, their classes and values.

use crate::hash::FastMap;
use crate::{Error, Result};
use std::path::Path;

/// Word classes of the lexicon (see the header of `time_lexicon.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Month,
    Weekday,
    Number,
    Ordinal,
    Unit,
    Rel,
    Mod,
    Deictic,
    Ref,
    Season,
    PartDay,
    Set,
    Offset,
    Future,
    Prep,
    Age,
    Past,
    Det,
    Clock,
    Deadline,
    YearWord,
    Holiday,
    UnitAdj,
    Approx,
    Magnitude,
}

impl Class {
    fn parse(s: &str) -> Option<Class> {
        Some(match s {
            "month" => Class::Month,
            "weekday" => Class::Weekday,
            "number" => Class::Number,
            "ordinal" => Class::Ordinal,
            "unit" => Class::Unit,
            "rel" => Class::Rel,
            "mod" => Class::Mod,
            "deictic" => Class::Deictic,
            "ref" => Class::Ref,
            "season" => Class::Season,
            "partday" => Class::PartDay,
            "set" => Class::Set,
            "offset" => Class::Offset,
            "future" => Class::Future,
            "prep" => Class::Prep,
            "age" => Class::Age,
            "past" => Class::Past,
            "det" => Class::Det,
            "clock" => Class::Clock,
            "deadline" => Class::Deadline,
            "yearword" => Class::YearWord,
            "holiday" => Class::Holiday,
            "unitadj" => Class::UnitAdj,
            "approx" => Class::Approx,
            "magnitude" => Class::Magnitude,
            _ => return None,
        })
    }

    /// Classes whose words start a candidate time expression (the scanner's trigger words).
    pub fn is_trigger(self) -> bool {
        matches!(
            self,
            Class::Month
                | Class::Weekday
                | Class::Unit
                | Class::Deictic
                | Class::Ref
                | Class::Season
                | Class::Set
                | Class::PartDay
                | Class::Clock
                | Class::YearWord
                | Class::Holiday
        )
    }
}

/// One lexicon entry.
#[derive(Debug, Clone)]
pub struct Entry {
    pub class: Class,
    pub value: String,
    /// Integer value when `value` is one.
    pub num: Option<i64>,
    pub ambiguous: bool,
    pub abbr: bool,
    pub needs_the: bool,
    /// Holidays: only as "<word> Day" ("Election Day", "Labor Day").
    pub needs_day: bool,
    /// References: only as an adjective before a noun that is no time unit ("its current
    /// position", not "the current quarter" nor "the current" of a river).
    pub attributive: bool,
    /// Approximators: only before a year or a quarter ("fiscal 1989"), not a quantity.
    pub period: bool,
    /// Future cues: a verb whose simple present reports a scheduled event ("meets"); not
    /// after "to" (an infinitive: "flew there to meet him").
    pub present: bool,
    /// Deictic words: counted from the day in force (the day the story tells last), else
    /// from the DCT ("overnight": the night before it).
    pub in_force: bool,
}

/// The loaded lexicon: lower-case word → entries (hashed with the shared word hash: a
/// lookup per token of every article, where SipHash was a tenth of the tagger's time).
#[derive(Debug, Default)]
pub struct Lexicon {
    words: FastMap<Box<[u8]>, Vec<Entry>>,
    /// Bit [`shape_bit`] of every word (its length, first and last byte): most tokens looked
    /// up are ruled out by it before they are hashed. Empty: none is.
    shape: Vec<u64>,
}

/// The longest word [`Lexicon::get`] looks up.
const MAX_WORD: usize = 24;

/// A word's bit in [`Lexicon::shape`] (a word of 1 to [`MAX_WORD`] bytes): the same for either
/// case of an ASCII letter (setting bit 0x20 lower-cases a letter; other bytes that then
/// collide only let more words through to the look-up).
#[inline]
fn shape_bit(b: &[u8]) -> usize {
    let fold = |x: u8| usize::from((x | 0x20) & 31);
    b.len() * 1024 + fold(b[0]) * 32 + fold(b[b.len() - 1])
}

impl Lexicon {
    pub fn load(path: &Path) -> Result<Lexicon> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Lexicon::parse(&text).map_err(|m| Error::gazetteer(path, m))
    }

    pub fn parse(text: &str) -> std::result::Result<Lexicon, String> {
        let mut lex = Lexicon::default();
        let mut header = false;
        for (ln, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if !header {
                header = true;
                if line.starts_with("word\t") {
                    continue;
                }
            }
            let mut cols = line.split('\t');
            let word = cols.next().unwrap_or("").trim().to_ascii_lowercase();
            let class = cols.next().unwrap_or("").trim();
            let value = cols.next().unwrap_or("").trim().to_string();
            let flags = cols.next().unwrap_or("");
            if word.is_empty() || value.is_empty() {
                return Err(format!("line {}: expected word, class, value", ln + 1));
            }
            let class = Class::parse(class)
                .ok_or_else(|| format!("line {}: unknown class {class:?}", ln + 1))?;
            let flag = |f: &str| flags.split(',').any(|x| x.trim() == f);
            let entry = Entry {
                class,
                num: value.parse().ok(),
                value,
                ambiguous: flag("ambiguous"),
                abbr: flag("abbr"),
                needs_the: flag("needs_the"),
                needs_day: flag("needs_day"),
                attributive: flag("attributive"),
                period: flag("period"),
                present: flag("present"),
                in_force: flag("in_force"),
            };
            lex.words
                .entry(word.into_bytes().into_boxed_slice())
                .or_default()
                .push(entry);
        }
        if lex.words.is_empty() {
            return Err("no entries".into());
        }
        lex.shape = vec![0; (MAX_WORD + 1) * 1024 / 64];
        for w in lex.words.keys().filter(|w| w.len() <= MAX_WORD) {
            let k = shape_bit(w);
            lex.shape[k / 64] |= 1 << (k % 64);
        }
        Ok(lex)
    }

    /// Entries of a word (any case); no allocation.
    pub fn get(&self, word: &str) -> &[Entry] {
        let b = word.as_bytes();
        if b.len() > MAX_WORD || b.is_empty() || !b.is_ascii() {
            return &[];
        }
        if let Some(&bits) = self.shape.get(shape_bit(b) / 64) {
            if bits >> (shape_bit(b) % 64) & 1 == 0 {
                return &[];
            }
        }
        let mut buf = [0u8; MAX_WORD];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        self.words
            .get(&buf[..b.len()])
            .map_or(&[], |v| v.as_slice())
    }

    /// The entry of `word` in `class`, if any.
    pub fn entry(&self, word: &str, class: Class) -> Option<&Entry> {
        self.get(word).iter().find(|e| e.class == class)
    }

    /// Every trigger word (for the scanner).
    pub fn trigger_words(&self) -> Vec<String> {
        self.words
            .iter()
            .filter(|(_, es)| es.iter().any(|e| e.class.is_trigger()))
            .map(|(w, _)| String::from_utf8_lossy(w).into_owned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_found_in_any_case_and_a_word_of_another_shape_is_not() {
        let lex = Lexicon::parse(
            "word\tclass\tvalue\tflags\ntomorrow\tdeictic\t1\t-\n3rd\tordinal\t3\t-\n",
        )
        .expect("lexicon parses");
        for w in ["tomorrow", "TOMORROW", "Tomorrow", "3rd", "3RD"] {
            assert!(!lex.get(w).is_empty(), "{w}");
        }
        // the same length, first and last byte (looked up), and other shapes (ruled out)
        for w in [
            "tomorrxw",
            "tomorro",
            "3r",
            "",
            "tomorrow-and-the-day-after",
        ] {
            assert!(lex.get(w).is_empty(), "{w}");
        }
    }

    #[test]
    fn parses_entries_and_rejects_bad_classes() {
        let lex =
            Lexicon::parse("# c\nword\tclass\tvalue\tflags\nMay\tmonth\t5\tambiguous\n").unwrap();
        let e = lex.entry("MAY", Class::Month).unwrap();
        assert_eq!(e.num, Some(5));
        assert!(e.ambiguous);
        assert!(Lexicon::parse("x\tnope\t1\n").is_err());
    }
}
