//! Fatalities: numbers and number words tied to killed / dead / bodies, read conservatively
//! (`gazetteer/quantities.tsv`).

use super::lexicon::WordMap;
use crate::{Error, Result};
use std::path::Path;

pub struct Quantities {
    words: WordMap<u32>,
    /// What words around a number say about it (the non-numeric rows of the table).
    marks: WordMap<Mark>,
    /// (speed) The bytes a number can start with: digits, the comma, and the first byte of
    /// each number word. Most words are ruled out by their first byte.
    first: [bool; 256],
}

/// What a word next to a number says about it (`quantities.tsv`, second column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    /// After the number: it measures something ("200 metres", "90 percent", "12 hours").
    Measure,
    /// After the number, before any death word: it counts the hurt ("260 wounded").
    Hurt,
    /// Between "killing" and its number ("killing at least a dozen").
    Approx,
}

/// A death toll a sentence states: its value and the word its number starts at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Toll {
    pub at: usize,
    pub value: u32,
}

/// The toll of the event told by words `first..=last` of a sentence: the first toll after
/// them, else the nearest before them ("killed 81 villagers in X, and days later attacked a
/// base in Y, killing 20 soldiers": 81 and 20; "12 people died when a bomb went off": 12).
pub fn nearest_toll(tolls: &[Toll], first: usize, last: usize) -> Option<u32> {
    tolls
        .iter()
        .find(|t| t.at > last)
        .or_else(|| tolls.iter().rev().find(|t| t.at < first))
        .or_else(|| tolls.first())
        .map(|t| t.value)
}

/// The largest of a sentence's tolls (what a toll told with no violence of its own counts).
pub fn largest(tolls: &[Toll]) -> Option<u32> {
    tolls.iter().map(|t| t.value).max()
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

/// Words after "a" that make it no count of one ("a number of", "a total of").
const SOME: &[&str] = &[
    "number", "total", "few", "handful", "dozen", "score", "series",
];

/// Words allowed between a number and a death word ("dozens of Taliban fighters had been
/// killed").
const MAX_GAP: usize = 6;

impl Quantities {
    pub fn load(path: &Path) -> Result<Quantities> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let mut words = WordMap::default();
        let mut marks = WordMap::default();
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
            let mark = match v.trim() {
                "measure" => Some(Mark::Measure),
                "hurt" => Some(Mark::Hurt),
                "approx" => Some(Mark::Approx),
                _ => None,
            };
            if let Some(mark) = mark {
                marks.insert(crate::text::fold(w), mark);
                continue;
            }
            let v: u32 = v.trim().parse().map_err(|_| {
                Error::gazetteer(
                    path,
                    format!("line {}: a number, measure, hurt or approx", i + 1),
                )
            })?;
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
        Ok(Quantities {
            words,
            marks,
            first,
        })
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
        largest(&self.tolls_grouped(words, grouped))
    }

    fn mark(&self, word: &str) -> Option<Mark> {
        self.marks.get(word).copied()
    }

    /// Every death toll of a sentence's folded words, in order (see [`Self::fatalities`]).
    /// Coordinated counts add up: "killing four police officers and two road workers" is 6.
    pub fn tolls_grouped(&self, words: &[&str], grouped: impl Fn(usize) -> bool) -> Vec<Toll> {
        let mut tolls = Vec::new();
        let mut skip_to = 0;
        for (i, w) in words.iter().enumerate() {
            if i < skip_to {
                continue;
            }
            let Some(mut v) = self.value(w) else { continue };
            // "some 1,200", "a few dozen": the word before the number only qualifies it
            let digits = w.bytes().all(|b| b.is_ascii_digit() || b == b',');
            if !digits && words.get(i + 1).is_some_and(|n| self.value(n).is_some()) {
                continue;
            }
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
            // "tens of thousands", "hundreds of thousands": the count of the larger unit
            let plural = |w: &str| w.ends_with('s') && !w.bytes().any(|b| b.is_ascii_digit());
            if plural(w) && words.get(i + 1) == Some(&"of") {
                if let Some(m) = words
                    .get(i + 2)
                    .filter(|n| plural(n))
                    .and_then(|n| self.value(n))
                    .filter(|&m| m > v)
                {
                    v = v.saturating_mul(m);
                    i += 2;
                    skip_to = i + 1;
                }
            }
            let next = words.get(i + 1).copied().unwrap_or("");
            if self.mark(next) == Some(Mark::Measure)
                || ((1900..=2100).contains(&v) && w.len() == 4 && i == start)
            {
                continue;
            }
            let window = i + 1..(i + 1 + MAX_GAP).min(words.len());
            // forward: "12 soldiers were killed" ("killing" takes its own object after it:
            // "on Oct. 17, killing 13")
            let fwd = window
                .clone()
                .find(|&j| words[j] != "killing" && DEATH.contains(&words[j]));
            // "40 killed and some 260 wounded": the hurt, not the dead
            let hurt = window
                .take_while(|&j| fwd.is_none_or(|f| j < f))
                .any(|j| self.mark(words[j]) == Some(Mark::Hurt));
            // backward: "killing 12", "bodies of tens", "killed at least a dozen" (only words
            // of quantity between)
            let killed = |w: &str| matches!(w, "killing" | "killed" | "bodies" | "deaths");
            let mut j = start;
            while j > 0 && start - j < 4 && self.mark(words[j - 1]) == Some(Mark::Approx) {
                j -= 1;
            }
            let back = j > 0 && killed(words[j - 1]);
            // the object of "killing" is a toll whatever follows ("killing three people and
            // wounding 20"); a number before its verb is one unless it counts the hurt
            let ok = back || (!hurt && fwd.is_some_and(|j| !(words[j] == "lives" && j > i + 2)));
            if !ok {
                continue;
            }
            // "killing four police officers and two civilian road workers": one toll
            if fwd.is_none() {
                let and = (i + 1..(i + 5).min(words.len())).find(|&k| words[k] == "and");
                if let Some(k) = and.filter(|&k| {
                    (i + 1..k).all(|x| self.value(words[x]).is_none() && !is_death_word(words[x]))
                }) {
                    let more = match words.get(k + 1).copied() {
                        Some("a" | "an") => Some(1).filter(|_| {
                            words
                                .get(k + 2)
                                .is_some_and(|n| self.value(n).is_none() && !SOME.contains(n))
                        }),
                        Some(n) => self.value(n),
                        None => None,
                    };
                    // not "... and 30 wounded", "and 3 were hurt", "and 200 metres"
                    let after = |x: usize| words.get(x).copied().unwrap_or("");
                    let own_count = self.mark(after(k + 2)) == Some(Mark::Measure)
                        || (k + 2..(k + 5).min(words.len())).any(|x| {
                            self.mark(words[x]) == Some(Mark::Hurt) || is_death_word(words[x])
                        });
                    if let Some(m) = more.filter(|_| !own_count) {
                        v = v.saturating_add(m);
                        skip_to = skip_to.max(k + 2);
                    }
                }
            }
            tolls.push(Toll {
                at: start,
                value: v,
            });
        }
        tolls
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

    #[test]
    fn measures_and_counts_of_the_hurt_are_not_tolls() {
        assert_eq!(
            toll("troops pushed 300 metres into the old town and killed 25 fighters"),
            Some(25)
        );
        assert_eq!(
            toll("officials said 15 people had been killed and some 140 wounded"),
            Some(15)
        );
        assert_eq!(toll("nine were injured and two later died"), Some(2));
        // the object of "killing" is a toll, whatever is told after it
        assert_eq!(
            toll("rockets hit the market, killing five people and wounding 30"),
            Some(5)
        );
        // "killing" is no death word for a number before it: "on May 14, killing eight"
        let q = Quantities::load(&crate::default_gazetteer_dir().join("quantities.tsv")).unwrap();
        let words = [
            "struck", "the", "port", "on", "may", "14", "killing", "eight",
        ];
        assert_eq!(q.fatalities(&words), Some(8));
    }

    #[test]
    fn words_of_quantity_may_stand_between_killing_and_the_number() {
        assert_eq!(
            toll("the raiders killed at least a dozen villagers"),
            Some(12)
        );
        assert_eq!(toll("killing an estimated 40 people"), Some(40));
        // "some" before a number qualifies it: not a toll of its own
        assert_eq!(toll("killing some 1,200 people"), Some(1200));
        assert_eq!(
            toll("the fighting has killed tens of thousands of people"),
            Some(10_000)
        );
    }

    #[test]
    fn coordinated_counts_of_the_dead_add_up() {
        assert_eq!(
            toll("a mine blew up, killing three policemen and two farm workers"),
            Some(5)
        );
        assert_eq!(
            toll("gunmen opened fire, killing four guards and a driver"),
            Some(5)
        );
        // a count of the hurt or another clause does not add
        assert_eq!(
            toll("the blast killed six soldiers and 20 were wounded"),
            Some(6)
        );
        assert_eq!(
            toll("militants killed 12 people and set 30 shops on fire"),
            Some(12)
        );
    }

    #[test]
    fn an_event_takes_the_toll_nearest_its_trigger() {
        // "fighters killed 60 villagers in A, and days later attacked a base in B, killing
        // 15 soldiers"
        let tolls = [Toll { at: 3, value: 60 }, Toll { at: 16, value: 15 }];
        assert_eq!(nearest_toll(&tolls, 2, 2), Some(60));
        assert_eq!(nearest_toll(&tolls, 11, 11), Some(15));
        assert_eq!(nearest_toll(&[], 0, 0), None);
        // the toll after the trigger wins over a nearer one before it
        let tolls = [Toll { at: 3, value: 7 }, Toll { at: 9, value: 9 }];
        assert_eq!(nearest_toll(&tolls, 4, 4), Some(9));
        // none after: the nearest before
        assert_eq!(nearest_toll(&tolls, 12, 13), Some(9));
    }
}
