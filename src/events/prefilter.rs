//! A cheap test of a sentence's raw text, before it is tokenised and folded: can any trigger
//! of the lexicon, or a death word, match in it at all? (Speed only: a sentence the test rules
//! out would give no trigger and no toll when read in full.)
//!
//! Each trigger needs every literal word of its phrase, and one of its `requires` words, to
//! match a folded word of the sentence: as a whole word, or as a word's start for a stem. (The
//! word of the phrase whose alternatives are longest, "killed" rather than "was", is looked up;
//! the others are then tested on the set of literals the sentence holds.) A folded word is its token lower-cased, except where the token holds an
//! apostrophe, a hyphen or a non-ASCII letter. So a sentence may hold a trigger only where
//! - an alternative occurs in the raw text, ignoring ASCII case, at the start of a word (and,
//!   for a whole word, not followed by an ASCII letter or digit), or
//! - a token has such a char after a beginning that starts an alternative (its folded form
//!   may then spell the alternative where the raw text does not: "at-tack", "kil’led").

use super::lexicon::{TriggerLexicon, WordPat};

/// Byte → 1 + its place among the ASCII letters (either case) and digits; 0 for other bytes.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 26 {
        t[b'a' as usize + i] = 1 + i as u8;
        t[b'A' as usize + i] = 1 + i as u8;
        i += 1;
    }
    let mut d = 0;
    while d < 10 {
        t[b'0' as usize + d] = 27 + d as u8;
        d += 1;
    }
    t
};

/// Letters and digits, and none.
const N_CLASSES: usize = 37;

/// A literal's id (its place in the filter's list of literals).
type Lit = u32;

/// No literal ends at a state.
const NO_LIT: Lit = Lit::MAX;

/// Set in a target of [`SentenceFilter::walk`] where a word's-start literal ends (most
/// states end none, and the scan then looks up nothing more).
const HAS_STEM: u16 = 1 << 15;

/// At most this many literals (a bitset of them on the stack per sentence); past it the filter
/// lets every sentence through.
const MAX_LITS: usize = 64 * 64;

/// See the module documentation.
pub struct SentenceFilter {
    /// A trie of the literals over [`CLASS`]: per state, the next state by class (0 for none:
    /// the root is never a target). Empty: the filter lets every sentence through.
    next: Vec<[u16; N_CLASSES]>,
    /// `next` flattened for the scan (`state * N_CLASSES + class`), each target with
    /// [`HAS_STEM`] set where a word's-start literal ends there.
    walk: Vec<u16>,
    /// Per state: the literal that is a word's start ending there, and the whole-word one
    /// ([`NO_LIT`] for none).
    stem_lit: Vec<Lit>,
    whole_lit: Vec<Lit>,
    /// What a sentence must hold for a trigger (or a death word) to match: per condition, its
    /// groups of literals (`groups[cond.0..cond.1]`), each a range of `alts`; a condition is
    /// met when every group has a literal in the sentence.
    conds: Vec<(u32, u32)>,
    groups: Vec<(u32, u32)>,
    alts: Vec<Lit>,
    /// Per literal, the conditions whose first group holds it (only those are looked at).
    by_lit: Vec<Vec<u32>>,
    /// The conditions before this one are those of the words ([`SentenceFilter::new`]'s
    /// `words`); the others are the triggers' ([`SentenceFilter::may_hold_both`]).
    first_trigger: u32,
}

/// One condition of [`SentenceFilter`]: groups of alternative literals `(word, is_stem)`; its
/// first group is the one whose literals are looked up.
type Condition = Vec<Vec<(String, bool)>>;

impl SentenceFilter {
    /// The filter for the triggers of `lexicon` and the folded words `words` (whole words).
    ///
    /// A trigger can match only where every literal word of its phrase, and one of its
    /// `requires` words, occurs in the sentence; the first group of its condition (the one
    /// looked up) is the word of the phrase whose shortest alternative is longest.
    pub fn new(lexicon: &TriggerLexicon, words: &[&str]) -> SentenceFilter {
        let first_trigger = words.len() as u32;
        let mut conds: Vec<Condition> = words
            .iter()
            .map(|w| vec![vec![(w.to_string(), false)]])
            .collect();
        for t in &lexicon.triggers {
            let mut groups: Condition = t
                .phrase
                .words
                .iter()
                .filter_map(|w| match w {
                    WordPat::Any(alts) => Some(alts.clone()),
                    WordPat::Gap => None,
                })
                .collect();
            // (a phrase with no literal word could match any sentence: no filter then)
            let Some(best) = groups
                .iter()
                .enumerate()
                .max_by_key(|(_, alts)| alts.iter().map(|(a, _)| a.len()).min().unwrap_or(0))
                .map(|(k, _)| k)
            else {
                return Self::from_conditions(vec![vec![vec![(String::new(), true)]]], 0);
            };
            groups.swap(0, best);
            if let Some(WordPat::Any(alts)) = t.requires.as_ref().and_then(|r| r.words.first()) {
                groups.push(alts.clone());
            }
            conds.push(groups);
        }
        Self::from_conditions(conds, first_trigger)
    }

    /// The filter for conditions of folded literals (see [`Condition`]); those from
    /// `first_trigger` on are the triggers'.
    fn from_conditions(conds: Vec<Condition>, first_trigger: u32) -> SentenceFilter {
        let off = SentenceFilter {
            next: Vec::new(),
            walk: Vec::new(),
            stem_lit: Vec::new(),
            whole_lit: Vec::new(),
            conds: Vec::new(),
            groups: Vec::new(),
            alts: Vec::new(),
            by_lit: Vec::new(),
            first_trigger,
        };
        let mut f = SentenceFilter {
            next: vec![[0; N_CLASSES]],
            walk: Vec::new(),
            stem_lit: vec![NO_LIT],
            whole_lit: vec![NO_LIT],
            conds: Vec::new(),
            groups: Vec::new(),
            alts: Vec::new(),
            by_lit: Vec::new(),
            first_trigger,
        };
        for cond in conds {
            let first = f.groups.len() as u32;
            for (g, alts) in cond.iter().enumerate() {
                let start = f.alts.len() as u32;
                for (w, stem) in alts {
                    let Some(lit) = f.literal(w, *stem) else {
                        return off;
                    };
                    if g == 0 {
                        let c = f.conds.len() as u32;
                        if f.by_lit[lit as usize].last() != Some(&c) {
                            f.by_lit[lit as usize].push(c);
                        }
                    }
                    f.alts.push(lit);
                }
                f.groups.push((start, f.alts.len() as u32));
            }
            f.conds.push((first, f.groups.len() as u32));
        }
        f.walk = f
            .next
            .iter()
            .flatten()
            .map(|&t| match f.stem_lit[t as usize] {
                NO_LIT => t,
                _ => t | HAS_STEM,
            })
            .collect();
        f
    }

    /// The id of literal `w` (a stem if `stem`), added to the trie if new; `None` if it
    /// cannot be filtered on (it folds to nothing) or there are too many.
    fn literal(&mut self, w: &str, stem: bool) -> Option<Lit> {
        // (a literal is cut at its first char that is no ASCII lower-case letter or digit,
        // and is then a word's start: "anti-personnel" folds to "anti personnel")
        let cut = w
            .bytes()
            .position(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit()))
            .unwrap_or(w.len());
        if cut == 0 {
            return None;
        }
        let mut s = 0;
        for &x in &w.as_bytes()[..cut] {
            let c = CLASS[x as usize] as usize;
            s = match self.next[s][c] {
                0 => {
                    let t = u16::try_from(self.next.len())
                        .ok()
                        .filter(|&t| t < HAS_STEM)?;
                    self.next.push([0; N_CLASSES]);
                    self.stem_lit.push(NO_LIT);
                    self.whole_lit.push(NO_LIT);
                    self.next[s][c] = t;
                    t as usize
                }
                t => t as usize,
            };
        }
        let slot = if stem || cut < w.len() {
            &mut self.stem_lit[s]
        } else {
            &mut self.whole_lit[s]
        };
        if *slot == NO_LIT {
            if self.by_lit.len() >= MAX_LITS {
                return None;
            }
            *slot = self.by_lit.len() as Lit;
            self.by_lit.push(Vec::new());
        }
        Some(*slot)
    }

    /// Can a trigger or one of the words match in the sentence `s` (raw text)?
    pub fn may_hold(&self, s: &str) -> bool {
        self.may_hold_both(s).1
    }

    /// Can a trigger match in the sentence `s` (raw text), and can a trigger or one of the
    /// words? (One scan of the sentence gives both answers. The first is never false where a
    /// filter of the triggers alone would say true: the words' literals only make the walk
    /// go further.)
    pub fn may_hold_both(&self, s: &str) -> (bool, bool) {
        if self.next.is_empty() {
            return (true, true);
        }
        // the literals the sentence holds: a bitset, and those that start a condition
        let mut present = [0u64; MAX_LITS / 64];
        // (more keys than fit: every literal present is looked at)
        let mut keys = [NO_LIT; 32];
        let mut n_keys = 0;
        let mut note = |lit: Lit| {
            if lit != NO_LIT {
                let (w, bit) = (lit as usize >> 6, 1u64 << (lit & 63));
                if present[w] & bit == 0 {
                    present[w] |= bit;
                    if !self.by_lit[lit as usize].is_empty() {
                        if let Some(k) = keys.get_mut(n_keys) {
                            *k = lit;
                        }
                        n_keys += 1;
                    }
                }
            }
        };
        let b = s.as_bytes();
        let n = b.len();
        let mut i = 0;
        while i < n {
            let x = b[i];
            if CLASS[x as usize] == 0 {
                if x >= 0xc0 {
                    // a non-ASCII letter that starts a token (else the run of ASCII letters
                    // before it was looked at below): its folding may spell any literal
                    let Some(c) = s[i..].chars().next() else {
                        return (true, true);
                    };
                    if crate::text::is_alnum(c) && !(i > 0 && b[i - 1].is_ascii_alphanumeric()) {
                        return (true, true);
                    }
                    i += c.len_utf8();
                } else {
                    i += 1;
                }
                continue;
            }
            // a run of ASCII letters and digits, walked down the trie while it spells the
            // start of a literal
            let mut state = 0usize;
            let mut j = i;
            while let Some(&y) = b.get(j) {
                let c = CLASS[y as usize] as usize;
                if c == 0 {
                    break;
                }
                j += 1;
                let t = self.walk[state * N_CLASSES + c];
                if t == 0 {
                    // off the trie: the rest of the run, sixteen bytes at a time
                    j = crate::text::alnum_run_end(b, j);
                    state = usize::MAX;
                    break;
                }
                state = usize::from(t & !HAS_STEM);
                if t & HAS_STEM != 0 {
                    note(self.stem_lit[state]);
                }
            }
            if state != usize::MAX {
                note(self.whole_lit[state]);
                // the start of a literal, then a char that the folding drops or changes
                // ("at-tack", "kil’led", "killé"): the token's folding may spell it
                if matches!(b.get(j), Some(b'\'' | b'-' | 0xc0..))
                    && self.next[state].iter().any(|&t| t != 0)
                {
                    return (true, true);
                }
            }
            i = j;
        }
        let has = |lit: Lit| present[lit as usize >> 6] & (1 << (lit & 63)) != 0;
        // (a trigger's condition met ends the look; a word's is noted and the look goes on)
        let mut any = false;
        let mut trigger_met = |k: Lit| {
            self.by_lit[k as usize].iter().any(|&c| {
                let (g0, g1) = self.conds[c as usize];
                let met = self.groups[g0 as usize..g1 as usize]
                    .iter()
                    .all(|&(a0, a1)| self.alts[a0 as usize..a1 as usize].iter().any(|&l| has(l)));
                any |= met;
                met && c >= self.first_trigger
            })
        };
        let trigger = if n_keys <= keys.len() {
            keys[..n_keys].iter().any(|&k| trigger_met(k))
        } else {
            (0..self.by_lit.len() as Lit).any(|k| has(k) && trigger_met(k))
        };
        (trigger, any)
    }
}

/// The mentions of an article by which a sentence that tells no event can still move the
/// story on (the end of the sentence loop in [`super::EventExtractor::extract`]): a resolved
/// town, district or province confident enough to be a sentence's place (its last one becomes
/// the story's focus), and a time with a day's date (the date in force). A sentence with none of
/// them inside it, no trigger and no toll changes nothing, so it is left untokenised when the
/// raw-text test [`SentenceFilter::may_hold`] rules out both. The place and date rules are
/// those the sentence reads ([`super::roles::focus_level`], [`super::roles::day_date`]), so
/// the two cannot drift apart.
pub struct FocusAnchors {
    /// (start, end) of each such mention, in order of start.
    spans: Vec<(usize, usize)>,
}

impl FocusAnchors {
    pub fn new(mentions: &super::Mentions) -> FocusAnchors {
        use super::roles::{confident_place, day_date, focus_level};
        let places = mentions
            .places
            .iter()
            .filter(|m| confident_place(m) && m.place.as_ref().and_then(focus_level).is_some())
            .map(|m| m.span);
        let times = mentions
            .times
            .iter()
            .filter(|m| day_date(m.date).is_some())
            .map(|m| m.span);
        let mut spans: Vec<(usize, usize)> =
            places.chain(times).map(|s| (s.start, s.end)).collect();
        spans.sort_unstable();
        FocusAnchors { spans }
    }

    /// Does such a mention lie inside `within`?
    pub fn any_inside(&self, within: crate::model::Span) -> bool {
        let lo = self.spans.partition_point(|&(s, _)| s < within.start);
        self.spans[lo..]
            .iter()
            .take_while(|&&(s, _)| s < within.end)
            .any(|&(_, e)| e <= within.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn filter() -> SentenceFilter {
        let lex = TriggerLexicon::parse(
            "assault\tattack*\t-\t-\tnominal\t-\tstrong\n\
             assault\twas ~ overrun\t-\t-\tsvo\t-\tstrong\n\
             talks\tmet\t-\t-\tparties\t-\tstrong\n\
             assault\tanti-aircraft fire\t-\t-\tnominal\t-\tstrong\n\
             agreement\tdeal\tsigned|reached\t-\tparties\t-\tstrong\n",
            Path::new("test.tsv"),
        )
        .expect("lexicon parses");
        SentenceFilter::new(&lex, &["killed"])
    }

    #[test]
    fn sentences_with_a_literal_at_a_word_start_may_hold_a_trigger() {
        let f = filter();
        for s in [
            "Gunmen ATTACKED the convoy.",
            "The camp was overrun at dawn.",
            "Two people were killed.",
            "The envoys met in the capital.",
            "He spoke of anti-aircraft fire.",
            "(Attack) on the port",
            "A deal was reached overnight.",
        ] {
            assert!(f.may_hold(s), "{s:?}");
        }
    }

    #[test]
    fn sentences_without_one_are_ruled_out() {
        let f = filter();
        for s in [
            "The minister spoke to reporters on Tuesday.",
            // inside a word, or a longer word than a whole-word literal
            "A counterattack was planned; the metro reopened, and overruns were costly.",
            "Nobody was skilled enough.",
            "The Taliban’s spokesman and al-Jazeera’s reporter were upbeat.",
        ] {
            assert!(!f.may_hold(s), "{s:?}");
        }
    }

    #[test]
    fn every_word_of_a_phrase_and_a_required_word_must_occur() {
        let f = filter();
        for s in [
            // "overrun" without "was", "anti-aircraft" without "fire"
            "The camp, overrun at dawn, burned.",
            "He spoke of anti-aircraft guns.",
            // "deal" without "signed" or "reached"
            "The deal is off, the envoy said.",
        ] {
            assert!(!f.may_hold(s), "{s:?}");
        }
        for s in [
            "Overrun at dawn, the camp was lost.",
            "They signed what both sides called a deal.",
        ] {
            assert!(f.may_hold(s), "{s:?}");
        }
    }

    #[test]
    fn tokens_whose_folding_may_spell_a_literal_are_let_through() {
        let f = filter();
        for s in [
            // the folded tokens "attack", "killed", "met" and "etat" (a non-ASCII start)
            "Rebels at-tacked the base.",
            "Five were kil’led.",
            "They m'et twice.",
            "État forces held the line.",
            "Rebels U.S.at-tacked it.",
        ] {
            assert!(f.may_hold(s), "{s:?}");
        }
    }

    /// Sentences the filter of the real lexicon rules out give no trigger and no death word
    /// when tokenised, folded and matched (words of the lexicon mixed with others, cased,
    /// hyphenated, with apostrophes and accents).
    #[test]
    fn ruled_out_sentences_hold_no_trigger_of_the_lexicon() {
        let dir = crate::default_gazetteer_dir();
        let lex = TriggerLexicon::load(&dir.join("triggers.tsv")).expect("lexicon loads");
        let death = super::super::fatalities::DEATH;
        let f = SentenceFilter::new(&lex, death);
        let mut vocab: Vec<String> = lex.triggers.iter().map(|t| t.text.clone()).collect();
        vocab.extend(death.iter().map(|w| w.to_string()));
        // each alternative of each word of a phrase, and of a required word, alone (so that
        // phrases of several words and triggers that require a word can match in full)
        for t in &lex.triggers {
            let pats = t
                .phrase
                .words
                .iter()
                .chain(t.requires.iter().flat_map(|r| &r.words));
            for p in pats {
                if let WordPat::Any(alts) = p {
                    vocab.extend(alts.iter().map(|(a, _)| a.clone()));
                }
            }
        }
        let plain = [
            "the",
            "army",
            "was",
            "to",
            "said",
            "town",
            "Kunduz",
            "al",
            "U.S.",
            "3.5",
            "on",
            "spokesman",
            "Monday",
            "of",
            "a",
            "and",
            "Niafunké",
            "in",
        ];
        let mut seed = 12345u64;
        let mut rand = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let (mut ruled_out, mut tried) = (0, 0);
        for _ in 0..40000 {
            let mut s = String::new();
            for _ in 0..1 + rand(8) {
                let mut w = if rand(4) == 0 {
                    vocab[rand(vocab.len())].replace(['*', '~', '|'], "")
                } else {
                    plain[rand(plain.len())].to_string()
                };
                // damage or dress the word
                let mut k = rand(w.len() + 1);
                while !w.is_char_boundary(k) {
                    k -= 1;
                }
                match rand(8) {
                    0 => w.insert(k, '-'),
                    1 => w.insert(k, '\''),
                    2 => w.insert(k, '’'),
                    3 => w = w.to_uppercase(),
                    4 => w = w.replacen('e', "é", 1),
                    5 => w = format!("x{w}"),
                    6 => w.push('s'),
                    _ => {}
                }
                s.push_str(&w);
                s.push(if rand(4) == 0 { '-' } else { ' ' });
            }
            tried += 1;
            if f.may_hold(&s) {
                continue;
            }
            ruled_out += 1;
            let toks = crate::text::tokens(&s, crate::model::Span::new(0, s.len()));
            let folded: Vec<String> = toks.iter().map(|t| crate::text::fold(t.text)).collect();
            let words: Vec<&str> = folded.iter().map(String::as_str).collect();
            assert!(lex.find(&words).is_empty(), "{s:?}: {words:?}");
            assert!(!words.iter().any(|w| death.contains(w)), "{s:?}");
        }
        // (the test means something only if many sentences are ruled out)
        assert!(ruled_out * 10 > tried, "{ruled_out} of {tried}");
    }

    /// Only a confident town, district or province, or a day's date, can move the story.
    #[test]
    fn focus_anchors_are_confident_towns_and_areas_and_days() {
        use crate::model::*;
        let place =
            |start: usize, end: usize, precision: GeoPrecision, confidence: f32| PlaceMention {
                span: Span::new(start, end),
                text: String::new(),
                place: Some(Place {
                    geonameid: None,
                    name: String::new(),
                    country_code: "XX".into(),
                    country: String::new(),
                    admin1: None,
                    admin2: None,
                    latitude: 0.0,
                    longitude: 0.0,
                    feature_code: String::new(),
                    population: 0,
                    precision,
                }),
                confidence,
            };
        let time = |start: usize, end: usize, precision: Option<TimePrecision>| TimeMention {
            span: Span::new(start, end),
            text: String::new(),
            timex_type: TimexType::Date,
            value: String::new(),
            date: precision.map(|precision| EventDate {
                date: chrono::NaiveDate::from_ymd_opt(2024, 5, 1).expect("a date"),
                precision,
            }),
            anchor: Anchor::None,
        };
        let mentions = super::super::Mentions {
            places: vec![
                place(0, 5, GeoPrecision::Country, 0.9),
                place(10, 15, GeoPrecision::Point, 0.1),
                place(20, 25, GeoPrecision::Point, 0.9),
                place(30, 35, GeoPrecision::Admin1, 0.9),
            ],
            times: vec![
                time(40, 45, Some(TimePrecision::Year)),
                time(50, 55, None),
                time(60, 65, Some(TimePrecision::Day)),
            ],
            ..Default::default()
        };
        let a = FocusAnchors::new(&mentions);
        let inside = |s: usize, e: usize| a.any_inside(Span::new(s, e));
        // a country, a doubtful town, a year, a time with no date: none
        assert!(!inside(0, 18));
        assert!(!inside(38, 58));
        // a town, a province, a day
        assert!(inside(18, 26));
        assert!(inside(28, 36));
        assert!(inside(58, 70));
        // one that only overlaps the sentence is not inside it
        assert!(!inside(22, 28));
    }

    #[test]
    fn a_phrase_with_no_literal_word_is_refused_so_the_filter_never_meets_one() {
        // (were one let in, `SentenceFilter::new` would turn the filter off)
        assert!(TriggerLexicon::parse(
            "assault\t~\t-\t-\tnominal\t-\tstrong\n",
            Path::new("test.tsv"),
        )
        .is_err());
    }

    #[test]
    fn a_literal_that_folds_to_nothing_turns_the_filter_off() {
        let f = SentenceFilter::from_conditions(vec![vec![vec![("’s".to_string(), false)]]], 0);
        assert!(f.may_hold("Nothing here."));
    }
}
