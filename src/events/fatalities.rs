//! Fatalities: numbers and number words tied to killed / dead / bodies, read conservatively
//! (`gazetteer/quantities.tsv`).

use super::lexicon::WordMap;
use crate::{Error, Result};
use std::path::Path;

pub struct Quantities {
    words: WordMap<u32>,
    /// (speed) The bytes a number can start with: digits, the comma, and the first byte of
    /// each number word. Most words are ruled out by their first byte.
    first: [bool; 256],
}

/// Words that say people died.
pub(super) const DEATH: &[&str] = &[
    "killed", "dead", "died", "bodies", "killing", "deaths", "lives",
];
/// Which bytes start a word of [`DEATH`].
const fn first_bytes(words: &[&str]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < words.len() {
        let b = words[i].as_bytes();
        if !b.is_empty() {
            t[b[0] as usize] = true;
        }
        i += 1;
    }
    t
}

static DEATH_FIRST: [bool; 256] = first_bytes(DEATH);

/// Is `w` (folded) a word that says people died? (A sentence without one states no toll.)
/// (Asked of every word of the text: most are ruled out by their first byte.)
pub fn is_death_word(w: &str) -> bool {
    w.as_bytes()
        .first()
        .is_some_and(|&b| DEATH_FIRST[b as usize])
        && DEATH.contains(&w)
}

/// Words allowed between a number and a death word ("dozens of Taliban fighters had been
/// killed").
const MAX_GAP: usize = 6;

impl Quantities {
    pub fn load(path: &Path) -> Result<Quantities> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let mut words = WordMap::default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut c = line.split('\t');
            let (Some(w), Some(v)) = (c.next(), c.next()) else {
                return Err(Error::gazetteer(
                    path,
                    format!("line {}: word<TAB>value", i + 1),
                ));
            };
            let v: u32 = v
                .trim()
                .parse()
                .map_err(|_| Error::gazetteer(path, format!("line {}: bad value", i + 1)))?;
            words.insert(crate::text::fold(w), v);
        }
        let mut first = [false; 256];
        for x in (b'0'..=b'9').chain([b',']) {
            first[x as usize] = true;
        }
        for w in words.keys() {
            match w.as_bytes().first() {
                Some(&x) => first[x as usize] = true,
                // (an empty number word: every word must be looked up)
                None => first = [true; 256],
            }
        }
        Ok(Quantities { words, first })
    }

    /// The value of a number written as digits ("1,200") or a word ("dozens").
    pub fn value(&self, word: &str) -> Option<u32> {
        // digits and commas, at least one digit: the digits' value (none past u32)
        let b = word.as_bytes();
        if b.first().is_some_and(|&x| !self.first[x as usize]) {
            return None;
        }
        if b.iter().all(|&c| c.is_ascii_digit() || c == b',') && b.iter().any(u8::is_ascii_digit) {
            let mut v: u32 = 0;
            for &c in b.iter().filter(|&&c| c != b',') {
                v = v.checked_mul(10)?.checked_add(u32::from(c - b'0'))?;
            }
            return Some(v);
        }
        self.words.get(word).copied()
    }

    /// The largest death toll stated in a sentence's folded words: "N ... killed|dead|died",
    /// "killing N", "bodies of N". Numbers followed by years, percent or units are not tolls.
    pub fn fatalities(&self, words: &[&str]) -> Option<u32> {
        self.fatalities_grouped(words, |_| false)
    }

    /// [`Self::fatalities`], where `grouped(i)` says that only a comma stands between words
    /// `i` and `i + 1` in the text: "1,200" is one number that the tokens split in two.
    pub fn fatalities_grouped(
        &self,
        words: &[&str],
        grouped: impl Fn(usize) -> bool,
    ) -> Option<u32> {
        let mut best: Option<u32> = None;
        let mut skip_to = 0;
        for (i, w) in words.iter().enumerate() {
            if i < skip_to {
                continue;
            }
            let Some(mut v) = self.value(w) else { continue };
            // "1,200", "13,000", "1,000,000": digit groups of three after a comma
            let start = i;
            let mut i = i;
            if w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) {
                while grouped(i)
                    && words
                        .get(i + 1)
                        .is_some_and(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
                {
                    let Some(g) = self.value(words[i + 1]) else {
                        break;
                    };
                    v = v.saturating_mul(1000).saturating_add(g);
                    i += 1;
                }
                skip_to = i + 1;
            }
            let next = words.get(i + 1).copied().unwrap_or("");
            if matches!(
                next,
                "percent"
                    | "per"
                    | "km"
                    | "kilometers"
                    | "kilometres"
                    | "miles"
                    | "year"
                    | "years"
                    | "days"
                    | "hours"
                    | "months"
                    | "weeks"
                    | "minutes"
                    | "people's"
            ) || ((1900..=2100).contains(&v) && w.len() == 4 && i == start)
            {
                continue;
            }
            // forward: "12 soldiers were killed"
            let fwd =
                (i + 1..(i + 1 + MAX_GAP).min(words.len())).find(|&j| DEATH.contains(&words[j]));
            // backward: "killing 12", "bodies of tens"
            let back = (start.saturating_sub(3)..start)
                .any(|j| matches!(words[j], "killing" | "killed" | "bodies" | "deaths"));
            let ok = match fwd {
                // "killed" directly after a bare number reads "N killed"; "lives" needs "N lives"
                Some(j) => {
                    !((words[j] == "killing" && j > i + 1) || (words[j] == "lives" && j > i + 2))
                }
                None => back,
            };
            if ok {
                best = Some(best.map_or(v, |b: u32| b.max(v)));
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_in_digit_groups_is_one_toll() {
        let q = Quantities::load(&crate::default_gazetteer_dir().join("quantities.tsv")).unwrap();
        // the tokens of "killed 1,200 people" and "killing 13,000" with the commas between
        let words = ["gunmen", "killed", "1", "200", "people"];
        assert_eq!(q.fatalities_grouped(&words, |i| i == 2), Some(1200));
        let words = [
            "the", "war", "has", "cost", "1", "000", "000", "lives", "killing", "13", "000",
        ];
        assert_eq!(
            q.fatalities_grouped(&words, |i| matches!(i, 4 | 5 | 9)),
            Some(1_000_000)
        );
        // "on June 5, 300 people were killed": a comma and a space part two numbers
        let words = ["on", "june", "5", "300", "people", "were", "killed"];
        assert_eq!(q.fatalities_grouped(&words, |_| false), Some(300));
    }

    #[test]
    fn death_words_pass_the_first_byte_filter_and_others_do_not() {
        for w in DEATH {
            assert!(is_death_word(w), "{w}");
        }
        for w in ["", "kill", "deadline", "bodily", "wounded", "life", "x"] {
            assert!(!is_death_word(w), "{w}");
        }
    }

    fn toll(s: &str) -> Option<u32> {
        let q = Quantities::load(&crate::default_gazetteer_dir().join("quantities.tsv")).unwrap();
        let folded: Vec<String> = s
            .split(|c: char| c.is_whitespace() || c == '“' || c == '”' || c == '"')
            .filter(|w| !w.is_empty())
            .map(|w| crate::text::fold(w.trim_matches(|c: char| c == ',' || c == '.')))
            .collect();
        let words: Vec<&str> = folded.iter().map(String::as_str).collect();
        q.fatalities(&words)
    }

    #[test]
    fn numbers_and_words_tied_to_death() {
        assert_eq!(
            toll("at least 12 people were killed in the attack"),
            Some(12)
        );
        assert_eq!(
            toll("air strikes hit the town, killing dozens of fighters"),
            Some(12)
        );
        assert_eq!(
            toll("the bodies of “tens” of fighters lay in the streets"),
            Some(10)
        );
        assert_eq!(toll("1,200 soldiers died"), Some(1200));
        assert_eq!(toll("several civilians were killed"), Some(3));
        assert_eq!(
            toll("adding that dozens of Taliban fighters had been killed"),
            Some(12)
        );
    }

    #[test]
    fn values_of_digits_with_commas_and_of_words() {
        let q = Quantities::load(&crate::default_gazetteer_dir().join("quantities.tsv")).unwrap();
        assert_eq!(q.value("1,200"), Some(1200));
        assert_eq!(q.value("12"), Some(12));
        assert_eq!(q.value("4294967295"), Some(u32::MAX));
        // past u32, or no digit at all: no number
        assert_eq!(q.value("4294967296"), None);
        assert_eq!(q.value(",,"), None);
        assert_eq!(q.value("12a"), None);
        assert_eq!(q.value("dozens"), Some(12));
        // every number word passes the first-byte filter; other first bytes do not
        for (w, v) in &q.words {
            assert_eq!(q.value(w), Some(*v), "{w}");
        }
        assert_eq!(q.value("killed"), None);
        assert_eq!(q.value(""), None);
    }

    #[test]
    fn a_number_split_at_its_thousands_comma_is_read_whole() {
        // the pipeline's words lose the comma of "40,000"
        let q = Quantities::load(&crate::default_gazetteer_dir().join("quantities.tsv")).unwrap();
        let words = ["the", "war", "has", "killed", "40", "000", "people"];
        assert_eq!(q.fatalities_grouped(&words, |i| i == 4), Some(40_000));
        let words = ["killing", "1", "200", "villagers"];
        assert_eq!(q.fatalities_grouped(&words, |i| i == 1), Some(1_200));
        let words = ["12", "soldiers", "were", "killed"];
        assert_eq!(q.fatalities_grouped(&words, |_| false), Some(12));
    }

    #[test]
    fn other_numbers_are_not_tolls() {
        assert_eq!(toll("a city of 75,000 people"), None);
        assert_eq!(toll("more than 90 percent of troops left"), None);
        assert_eq!(toll("the war that began in 2015 killed many"), None);
        assert_eq!(toll("23,000 prisoners were freed"), None);
    }
}
