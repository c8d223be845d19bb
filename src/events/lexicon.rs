//! Phrase patterns and the trigger lexicon (`gazetteer/triggers.tsv`).

use crate::model::EventType;
use crate::{Error, Result};
use std::path::Path;

/// One word of a phrase pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordPat {
    /// Any of these exact folded words or stems (`stem*`).
    Any(Vec<(String, bool)>),
    /// A gap of up to 3 words.
    Gap,
}

impl WordPat {
    /// One word's alternatives (`a|b|stem*`), a gap sign included as a word.
    pub fn parse_alternatives(w: &str) -> WordPat {
        match Self::parse(w) {
            WordPat::Gap => WordPat::Any(vec![("~".into(), false)]),
            p => p,
        }
    }

    fn parse(w: &str) -> WordPat {
        if w == "~" {
            return WordPat::Gap;
        }
        WordPat::Any(
            w.split('|')
                .filter(|a| !a.is_empty())
                .map(|a| match a.strip_suffix('*') {
                    Some(stem) => (crate::text::fold(stem), true),
                    None => (crate::text::fold(a), false),
                })
                .collect(),
        )
    }

    /// Does folded word `w` match?
    pub fn matches(&self, w: &str) -> bool {
        match self {
            WordPat::Any(alts) => alts.iter().any(|(a, stem)| {
                if *stem {
                    w.starts_with(a.as_str())
                } else {
                    w == a
                }
            }),
            WordPat::Gap => true,
        }
    }
}

/// A phrase: words in order, possibly with gaps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub words: Vec<WordPat>,
}

impl Phrase {
    pub fn parse(s: &str) -> Phrase {
        Phrase {
            words: s.split_whitespace().map(WordPat::parse).collect(),
        }
    }

    /// If the phrase matches starting at `words[i]`, the index of its last word.
    pub fn match_at(&self, words: &[&str], i: usize) -> Option<usize> {
        fn go(pats: &[WordPat], words: &[&str], i: usize) -> Option<usize> {
            let (first, rest) = pats.split_first()?;
            match first {
                WordPat::Gap => {
                    for skip in 0..=3 {
                        if let Some(end) = go(rest, words, i + skip) {
                            return Some(end);
                        }
                    }
                    None
                }
                p => {
                    let w = words.get(i)?;
                    if !p.matches(w) {
                        return None;
                    }
                    if rest.is_empty() {
                        Some(i)
                    } else {
                        go(rest, words, i + 1)
                    }
                }
            }
        }
        go(&self.words, words, i)
    }
}

/// A filter over the first three bytes of words (hashed into 2^16 bits): a word whose first
/// bytes start no key of an index cannot start a phrase, and skips the hash lookup. (A key of
/// three bytes or more is the start of every word it indexes; a shorter one is the whole word.)
pub struct KeyFilter {
    bits: Vec<u64>,
}

impl KeyFilter {
    #[inline]
    fn slot(w: &str) -> usize {
        let b = w.as_bytes();
        let n = b.len().min(3);
        let mut h = n as u32;
        for &x in &b[..n] {
            h = h.wrapping_mul(0x0100_0193) ^ u32::from(x);
        }
        (h.wrapping_mul(0x9e37_79b1) >> 16) as usize
    }

    /// A filter that lets through every word starting as one of `keys` does (keys are
    /// [`key_str`] of words: prefixes of the words they index).
    pub fn new<'k>(keys: impl IntoIterator<Item = &'k str>) -> KeyFilter {
        let mut bits = vec![0u64; 1 << 10];
        for k in keys {
            let s = Self::slot(k);
            bits[s >> 6] |= 1 << (s & 63);
        }
        KeyFilter { bits }
    }

    /// Could `w` have an index key of the filter?
    pub fn may(&self, w: &str) -> bool {
        let s = Self::slot(w);
        self.bits[s >> 6] & (1 << (s & 63)) != 0
    }
}

/// A map keyed by short words, with the shared word hasher ([`crate::hash`]).
pub type WordMap<V> = crate::hash::FastMap<String, V>;

/// A map from index keys ([`key_str`] of words) to lists: keys of up to three bytes packed
/// into a number (no string hashing or comparison), longer ones (non-ASCII) as strings.
#[derive(Default)]
pub struct KeyMap {
    short: crate::hash::FastMap<u32, Vec<usize>>,
    long: WordMap<Vec<usize>>,
    filter: Option<KeyFilter>,
    /// Once sealed, the short keys again as an open-addressing table (a power of two long):
    /// (packed key, 1 + index in `short_lists`), 0 for an empty slot; a probe or two per
    /// word instead of a general hash map's look-up.
    table: Vec<(u32, u32)>,
    short_lists: Vec<Vec<usize>>,
}

impl KeyMap {
    fn pack(k: &str) -> Option<u32> {
        let b = k.as_bytes();
        (b.len() <= 3).then(|| {
            b.iter().enumerate().fold(b.len() as u32, |acc, (i, &x)| {
                acc | u32::from(x) << (8 * i + 8)
            })
        })
    }

    /// Appends `v` to the list of key `k`.
    pub fn push(&mut self, k: &str, v: usize) {
        // (a push after sealing leaves the table behind: look-ups go to the map again)
        self.table.clear();
        match Self::pack(k) {
            Some(p) => self.short.entry(p).or_default().push(v),
            None => self.long.entry(k.to_string()).or_default().push(v),
        }
    }

    /// The list of key `k`, if any.
    pub fn last_of(&self, k: &str) -> Option<usize> {
        self.get(k).and_then(|v| v.last().copied())
    }

    /// Builds the first-bytes filter once every key is in.
    pub fn seal(&mut self, keys: &[String]) {
        self.filter = Some(KeyFilter::new(keys.iter().map(String::as_str)));
        let size = (self.short.len() * 4).next_power_of_two().max(16);
        let mut table = vec![(0u32, 0u32); size];
        let mut lists = Vec::with_capacity(self.short.len());
        for (&p, list) in &self.short {
            let mut i = Self::slot(p, size - 1);
            while table[i].1 != 0 {
                i = (i + 1) & (size - 1);
            }
            lists.push(list.clone());
            table[i] = (p, lists.len() as u32);
        }
        self.table = table;
        self.short_lists = lists;
    }

    #[inline]
    fn slot(p: u32, mask: usize) -> usize {
        (p.wrapping_mul(0x9e37_79b1) >> 12) as usize & mask
    }

    /// The list of the index key of word `w`.
    #[inline]
    pub fn get_word(&self, w: &str) -> Option<&Vec<usize>> {
        if self.filter.as_ref().is_some_and(|f| !f.may(w)) {
            return None;
        }
        self.get(key_str(w))
    }

    fn get(&self, k: &str) -> Option<&Vec<usize>> {
        match Self::pack(k) {
            Some(p) if !self.table.is_empty() => {
                let mask = self.table.len() - 1;
                let mut i = Self::slot(p, mask);
                loop {
                    let (key, v) = self.table[i];
                    if v == 0 {
                        return None;
                    }
                    if key == p {
                        return self.short_lists.get(v as usize - 1);
                    }
                    i = (i + 1) & mask;
                }
            }
            Some(p) => self.short.get(&p),
            None => self.long.get(k),
        }
    }
}

fn key(w: &str) -> String {
    key_str(w).to_string()
}

/// The first three characters of a word (its index key), without allocating.
pub(super) fn key_str(w: &str) -> &str {
    let b = w.as_bytes();
    if b.len() <= 3 {
        return w;
    }
    if b[..3].is_ascii() {
        return &w[..3];
    }
    let end = w.char_indices().nth(3).map_or(w.len(), |(i, _)| i);
    &w[..end]
}

/// Words before a trigger within which its `requires` word may stand: a subject's head noun
/// may open a long noun phrase ("A warplane belonging to forces loyal to commander X struck").
const REQUIRES_BEFORE: usize = 12;

/// How a trigger's arguments are read from the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Roles {
    /// Subject acts on object (passive voice detected).
    Svo,
    /// Nominalisation: "X's assault on Y", "assault by X on Y", "X launched an assault on Y".
    Nominal,
    /// "PLACE fell to AGENT".
    FellTo,
    /// Every actor is a party (talks, agreements, clashes).
    Parties,
}

/// One line of the trigger lexicon.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub event_type: EventType,
    pub phrase: Phrase,
    pub text: String,
    pub requires: Option<Phrase>,
    /// The required word must follow the trigger (written `>word|word` in the data): "agreed
    /// to a ceasefire", not "held peace talks and agreed to keep up dialogue".
    pub requires_after: bool,
    /// Words just before the trigger that show it is not a report of this event.
    pub excludes: Option<Phrase>,
    pub roles: Roles,
    /// A general word that yields to a strong trigger in the same sentence.
    pub weak: bool,
    pub sub_event: Option<String>,
    /// Line in the data file, for "why is this an event?".
    pub line: usize,
}

/// A trigger found in a sentence: token range `[first, last]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggerMatch {
    pub trigger: usize,
    pub first: usize,
    pub last: usize,
    /// The trigger had a `requires` condition, now satisfied (more specific than one without).
    pub specific: bool,
}

/// The trigger lexicon, indexed by each trigger's first word.
pub struct TriggerLexicon {
    pub triggers: Vec<Trigger>,
    index: FirstWordIndex,
    /// (kept, also): a trigger of type `also` overlapping one of type `kept` that was kept
    /// first is kept too (`trigger_overlaps.tsv`, [`Self::load_overlaps`]).
    kept_together: Vec<(EventType, EventType)>,
}

/// The triggers that may start at a word, by the word: for a word that is an exact alternative
/// of some trigger's first word, the list of exactly the triggers whose first word matches it;
/// for any other word, only a trigger with a stem (`attack*`) can match, so the triggers with
/// stems that share the word's first three chars ([`key_str`]). Either list keeps trigger order
/// (the order in which matches tie), with each trigger once.
#[derive(Default)]
struct FirstWordIndex {
    /// First bytes of every key: most words are ruled out before any look-up.
    filter: Option<KeyFilter>,
    by_word: WordMap<Vec<usize>>,
    stems: KeyMap,
}

impl FirstWordIndex {
    fn new(triggers: &[Trigger]) -> FirstWordIndex {
        fn first_alts(t: &Trigger) -> &[(String, bool)] {
            match t.phrase.words.first() {
                Some(WordPat::Any(alts)) => alts,
                _ => &[],
            }
        }
        let mut keys: Vec<String> = Vec::new();
        let mut stems = KeyMap::default();
        let mut stem_keys = Vec::new();
        let mut by_word: WordMap<Vec<usize>> = WordMap::default();
        for (i, t) in triggers.iter().enumerate() {
            let alts = first_alts(t);
            let has_stem = alts.iter().any(|(_, stem)| *stem);
            for (a, stem) in alts {
                let k = key(a);
                if has_stem && stems.last_of(&k) != Some(i) {
                    stems.push(&k, i);
                    stem_keys.push(k.clone());
                }
                keys.push(k);
                if !stem {
                    by_word.entry(a.clone()).or_default();
                }
            }
        }
        // an exact word's list: the triggers sharing its key (those an index by keys would
        // try) whose first word matches it
        let mut by_key: WordMap<Vec<usize>> = WordMap::default();
        for (i, t) in triggers.iter().enumerate() {
            for (a, _) in first_alts(t) {
                let list = by_key.entry(key(a)).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        for (w, list) in &mut by_word {
            if let Some(cands) = by_key.get(key_str(w)) {
                let matching = cands
                    .iter()
                    .filter(|&&i| triggers[i].phrase.words[0].matches(w));
                list.extend(matching);
            }
        }
        stems.seal(&stem_keys);
        FirstWordIndex {
            filter: Some(KeyFilter::new(keys.iter().map(String::as_str))),
            by_word,
            stems,
        }
    }

    /// The triggers to try at word `w` (a superset of those whose first word matches it).
    #[inline]
    fn get(&self, w: &str) -> &[usize] {
        if self.filter.as_ref().is_some_and(|f| !f.may(w)) {
            return &[];
        }
        if let Some(list) = self.by_word.get(w) {
            return list;
        }
        self.stems.get_word(w).map_or(&[], Vec::as_slice)
    }
}

impl TriggerLexicon {
    pub fn load(path: &Path) -> Result<TriggerLexicon> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Self::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<TriggerLexicon> {
        let mut triggers = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let bad = |m: &str| Error::gazetteer(path, format!("line {line_no}: {m}: {line:?}"));
            if cols.len() < 7 {
                return Err(bad(
                    "expected 7 tab-separated columns: type, phrase, requires, excludes, roles, sub_event, strength",
                ));
            }
            let event_type = EventType::parse(cols[0]).ok_or_else(|| bad("unknown event type"))?;
            let roles = match cols[4] {
                "svo" => Roles::Svo,
                "nominal" => Roles::Nominal,
                "fell_to" => Roles::FellTo,
                "parties" => Roles::Parties,
                _ => return Err(bad("unknown roles (svo, nominal, fell_to, parties)")),
            };
            let weak = match cols[6] {
                "weak" => true,
                "strong" => false,
                _ => return Err(bad("strength must be strong or weak")),
            };
            let phrase = Phrase::parse(cols[1]);
            if phrase.words.is_empty() || matches!(phrase.words.first(), Some(WordPat::Gap)) {
                return Err(bad("empty phrase or phrase starting with a gap"));
            }
            let one_word = |c: &str| match c {
                "" | "-" => None,
                r => Some(Phrase {
                    words: vec![WordPat::parse(r)],
                }),
            };
            let (requires_after, req_col) = match cols[2].strip_prefix('>') {
                Some(r) => (true, r),
                None => (false, cols[2]),
            };
            let requires = one_word(req_col);
            // (excludes may be a phrase: "as they" before "withdrew")
            let excludes = Some(cols[3])
                .filter(|c| !c.is_empty() && *c != "-")
                .map(Phrase::parse);
            let sub_event = Some(cols[5])
                .filter(|s| !s.is_empty() && *s != "-")
                .map(|s| s.to_string());
            triggers.push(Trigger {
                event_type,
                phrase,
                text: cols[1].to_string(),
                requires,
                requires_after,
                excludes,
                roles,
                weak,
                sub_event,
                line: line_no,
            });
        }
        let index = FirstWordIndex::new(&triggers);
        Ok(TriggerLexicon {
            triggers,
            index,
            kept_together: Vec::new(),
        })
    }

    /// Reads `trigger_overlaps.tsv`: the pairs of types whose overlapping triggers are both
    /// kept ([`Self::find`]).
    pub fn load_overlaps(&mut self, path: &Path) -> Result<()> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        self.parse_overlaps(&text, path)
    }

    pub fn parse_overlaps(&mut self, text: &str, path: &Path) -> Result<()> {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || {
                Error::gazetteer(
                    path,
                    format!(
                        "line {}: expected two event types, kept<TAB>also: {line:?}",
                        i + 1
                    ),
                )
            };
            let mut types = line.split('\t').map(|t| EventType::parse(t.trim()));
            match (types.next(), types.next(), types.next()) {
                (Some(Some(kept)), Some(Some(also)), None) => {
                    self.kept_together.push((kept, also));
                }
                _ => return Err(bad()),
            }
        }
        Ok(())
    }

    /// All trigger matches in a sentence's folded words. Of overlapping matches of one type the
    /// longest wins; where two types claim the same words, a satisfied `requires` condition
    /// (the more specific reading) beats none; a match inside a longer one of another type is
    /// a word of that phrase ("raid" in "air raid", "attack" in "suicide attack").
    pub fn find(&self, words: &[&str]) -> Vec<TriggerMatch> {
        let mut found: Vec<TriggerMatch> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            for &ti in self.index.get(w) {
                let t = &self.triggers[ti];
                let Some(last) = t.phrase.match_at(words, i) else {
                    continue;
                };
                if let Some(ex) = &t.excludes {
                    if (i.saturating_sub(4)..i)
                        .any(|j| ex.match_at(words, j).is_some_and(|e| e < i))
                    {
                        continue;
                    }
                }
                let specific = match &t.requires {
                    None => false,
                    Some(req) => {
                        let lo = if t.requires_after {
                            last + 1
                        } else {
                            i.saturating_sub(REQUIRES_BEFORE)
                        };
                        let hi = (last + 9).min(words.len());
                        let found = |lo: usize, hi: usize| {
                            (lo..hi)
                                .filter(|&j| j < i || j > last)
                                .any(|j| req.words[0].matches(words[j]))
                        };
                        // "pounded the town of Ariha in southern Idlib with rocket launchers":
                        // an instrument after "with" may stand further on (looked at only
                        // when the usual window has no required word)
                        let ok = found(lo, hi)
                            || (last + 1..(last + 13).min(words.len()))
                                .find(|&j| words[j] == "with")
                                .is_some_and(|w| found(hi, (w + 5).min(words.len())));
                        if !ok {
                            continue;
                        }
                        true
                    }
                };
                found.push(TriggerMatch {
                    trigger: ti,
                    first: i,
                    last,
                    specific,
                });
            }
        }
        // resolve overlaps: longer first, specific first
        found.sort_by_key(|m| {
            (
                std::cmp::Reverse(m.last - m.first),
                std::cmp::Reverse(m.specific),
                m.first,
            )
        });
        let mut kept: Vec<TriggerMatch> = Vec::new();
        for m in found {
            let t = &self.triggers[m.trigger];
            let clash = kept.iter().any(|k| {
                let overlap = k.first <= m.last && m.first <= k.last;
                let kt = &self.triggers[k.trigger];
                // a longer phrase holding the whole of a shorter one says more ("seized ~
                // weapons" is no seizure of territory), unless only the shorter is specific
                let inside =
                    k.first <= m.first && m.last <= k.last && k.last - k.first > m.last - m.first;
                // "fired on several thousand demonstrators": the crowd fired on was
                // protesting, two events that annotators code both (`trigger_overlaps.tsv`)
                let both_kept = || {
                    self.kept_together
                        .iter()
                        .any(|&(kept, also)| kt.event_type == kept && t.event_type == also)
                };
                overlap
                    && !both_kept()
                    && (kt.event_type == t.event_type
                        || (k.specific && !m.specific)
                        || (inside && (k.specific || !m.specific)))
            });
            if !clash {
                kept.push(m);
            }
        }
        kept.sort_by_key(|m| (m.first, m.trigger));
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_triggers_of_a_listed_pair_are_both_kept() {
        let triggers = "attack_on_civilians\tfired on ~ protesters\t-\t-\tsvo\t-\tstrong\n\
                        protest\tmarching\t-\t-\tsvo\t-\tstrong\n";
        let s = "police fired on the marching protesters";
        let mut l = lex(triggers);
        assert_eq!(types(&l, s).len(), 1);
        l.parse_overlaps("# c\nattack_on_civilians\tprotest\n", Path::new("o.tsv"))
            .unwrap();
        assert_eq!(
            types(&l, s),
            [
                (
                    "attack_on_civilians",
                    "fired on the marching protesters".to_string()
                ),
                ("protest", "marching".to_string())
            ]
        );
        // the pair is ordered: the protest kept first does not keep the attack
        let mut l = lex(triggers);
        l.parse_overlaps("protest\tattack_on_civilians\n", Path::new("o.tsv"))
            .unwrap();
        assert_eq!(types(&l, s).len(), 1);
        for bad in [
            "protest\n",
            "protest\tnonsense\n",
            "protest\tassault\tarrest\n",
        ] {
            let e = lex(triggers).parse_overlaps(bad, Path::new("o.tsv"));
            assert!(e.unwrap_err().to_string().contains("o.tsv"), "{bad:?}");
        }
    }

    fn lex(s: &str) -> TriggerLexicon {
        TriggerLexicon::parse(s, Path::new("test.tsv")).unwrap()
    }

    fn types(l: &TriggerLexicon, sentence: &str) -> Vec<(&'static str, String)> {
        let folded: Vec<String> = sentence.split_whitespace().map(crate::text::fold).collect();
        let words: Vec<&str> = folded.iter().map(String::as_str).collect();
        l.find(&words)
            .into_iter()
            .map(|m| {
                (
                    l.triggers[m.trigger].event_type.as_str(),
                    words[m.first..=m.last].join(" "),
                )
            })
            .collect()
    }

    #[test]
    fn key_map_finds_the_same_lists_sealed_or_not() {
        let mut m = KeyMap::default();
        let keys: Vec<String> = (0..300)
            .map(|i| format!("{}{}", char::from(b'a' + (i % 26) as u8), i % 97))
            .chain(["é", "ab", "x", "", "kill", "ñandú"].map(String::from))
            .collect();
        for (i, k) in keys.iter().enumerate() {
            m.push(key_str(k), i);
        }
        let probe: Vec<String> = keys
            .iter()
            .cloned()
            .chain(["zz9", "q", "killing", "éa"].map(String::from))
            .collect();
        let before: Vec<Option<Vec<usize>>> =
            probe.iter().map(|k| m.get(key_str(k)).cloned()).collect();
        m.seal(&keys);
        let after: Vec<Option<Vec<usize>>> =
            probe.iter().map(|k| m.get(key_str(k)).cloned()).collect();
        assert_eq!(before, after);
        assert!(m.get("zz9").is_none());
        // a key added after sealing is found too
        m.push("new", 7);
        assert_eq!(m.get("new"), Some(&vec![7]));
    }

    #[test]
    fn word_patterns_match_whole_words_and_stems() {
        let p = WordPat::parse("shell*|raid|kil*");
        for (w, want) in [
            ("shelling", true),
            ("shell", true),
            ("shel", false),
            ("raid", true),
            ("raids", false),
            ("rai", false),
            ("killed", true),
            ("ki", false),
            ("", false),
            ("attack", false),
        ] {
            assert_eq!(p.matches(w), want, "{w}");
        }
        let exact = WordPat::parse("raid");
        assert!(!exact.matches("raids") && !exact.matches("Raid") && exact.matches("raid"));
    }

    #[test]
    fn words_stems_alternatives_and_gaps() {
        let l =
            lex("seizure\tcaptur*\t-\t-\tsvo\t-\tstrong\nassault\tlaunched ~ assault|offensive\t-\t-\tnominal\t-\tstrong\n");
        assert_eq!(
            types(&l, "They captured the town"),
            vec![("seizure", "captured".to_string())]
        );
        assert_eq!(
            types(&l, "Rebels launched a major new offensive"),
            vec![("assault", "launched a major new offensive".to_string())]
        );
        assert!(types(&l, "Rebels launched a very long and major offensive").is_empty());
    }

    #[test]
    fn longest_match_of_a_type_wins_and_requires_is_checked() {
        let l = lex(
            "seizure\ttook\ttown|city\t-\tsvo\t-\tstrong\nseizure\ttook control\t-\t-\tsvo\t-\tstrong\nprisoner_release\treleased\tprisoner*\t-\tsvo\t-\tstrong\n",
        );
        assert_eq!(
            types(&l, "fighters took control of the city"),
            vec![("seizure", "took control".to_string())]
        );
        assert_eq!(
            types(&l, "fighters took the town"),
            vec![("seizure", "took".to_string())]
        );
        assert!(types(&l, "it took three days").is_empty());
        assert!(types(&l, "the ministry released a statement").is_empty());
        assert_eq!(types(&l, "they released 20 prisoners").len(), 1);
    }

    #[test]
    fn specific_reading_beats_generic_one_on_the_same_words() {
        let l = lex("seizure\trecaptured\t-\t-\tsvo\t-\tstrong\narrest\trecaptured\tprisoner*|inmate*\t-\tsvo\t-\tstrong\n");
        assert_eq!(
            types(&l, "most inmates were recaptured"),
            vec![("arrest", "recaptured".to_string())]
        );
        assert_eq!(
            types(&l, "troops recaptured the town"),
            vec![("seizure", "recaptured".to_string())]
        );
    }

    #[test]
    fn excludes_veto_the_words_before() {
        let l = lex("attack_on_civilians\tkilled\tpeople\twar\tsvo\t-\tweak\n");
        assert!(types(&l, "the war has killed 100,000 people").is_empty());
        assert_eq!(types(&l, "gunmen killed 12 people").len(), 1);
        assert!(l.triggers[0].weak);
    }

    #[test]
    fn a_phrase_of_excludes_vetoes_only_in_full() {
        let l = lex("withdrawal\twithdrew\t-\tas|while they\tsvo\t-\tstrong\n");
        assert!(types(&l, "jets struck the raiders as they withdrew").is_empty());
        assert_eq!(types(&l, "they withdrew from the hill").len(), 1);
        assert_eq!(types(&l, "as expected the rebels withdrew").len(), 1);
    }

    #[test]
    fn malformed_lines_name_the_line() {
        let e = TriggerLexicon::parse("# c\nbogus\tx\t-\t-\tsvo\t-\tstrong\n", Path::new("t.tsv"))
            .err()
            .unwrap();
        assert!(e.to_string().contains("line 2"), "{e}");
        assert!(TriggerLexicon::parse("assault\tx\n", Path::new("t.tsv")).is_err());
    }

    #[test]
    fn a_longer_phrase_of_another_type_holding_a_trigger_wins() {
        let l = lex("seizure\tseized\t-\t-\tsvo\t-\tstrong\n\
             weapons_seizure\tseized ~ weapons\t-\t-\tsvo\t-\tstrong\n\
             assault\traid\t-\t-\tnominal\t-\tstrong\n\
             air_strike\tair raid\t-\t-\tnominal\t-\tstrong\n");
        assert_eq!(
            types(&l, "police seized a cache of weapons"),
            vec![("weapons_seizure", "seized a cache of weapons".to_string())]
        );
        assert_eq!(
            types(&l, "an air raid hit the town"),
            vec![("air_strike", "air raid".to_string())]
        );
        assert_eq!(
            types(&l, "rebels seized the town"),
            vec![("seizure", "seized".to_string())]
        );
    }

    #[test]
    fn shipped_lexicon_loads() {
        let dir = crate::default_gazetteer_dir();
        let l = TriggerLexicon::load(&dir.join("triggers.tsv")).unwrap();
        assert!(l.triggers.len() > 100);
        for t in EventType::every() {
            assert!(
                l.triggers.iter().any(|x| x.event_type == t),
                "no trigger for {t}"
            );
        }
    }

    #[test]
    fn first_word_index_offers_every_matching_trigger_once_in_order() {
        let dir = crate::default_gazetteer_dir();
        let l = TriggerLexicon::load(&dir.join("triggers.tsv")).unwrap();
        // every first-word alternative, with endings and near misses of its first letters
        let mut words: Vec<String> = Vec::new();
        for t in &l.triggers {
            if let Some(WordPat::Any(alts)) = t.phrase.words.first() {
                for (a, _) in alts {
                    for w in [
                        a.clone(),
                        format!("{a}s"),
                        format!("{a}ed"),
                        a[..a.len() / 2].to_string(),
                    ] {
                        words.push(w);
                    }
                }
            }
        }
        words.extend(
            [
                "the", "to", "for", "with", "within", "control", "was", "wasp",
            ]
            .map(String::from),
        );
        for w in &words {
            let got = l.index.get(w);
            assert!(got.windows(2).all(|p| p[0] < p[1]), "{w}: {got:?}");
            for (i, t) in l.triggers.iter().enumerate() {
                if t.phrase.words[0].matches(w) {
                    assert!(got.contains(&i), "{w}: trigger {} not offered", t.line);
                }
            }
        }
        // an exact word is offered only the triggers it starts
        let l = lex("assault\twith*\t-\t-\tnominal\t-\tstrong\n\
                     talks\twithdrew\t-\t-\tparties\t-\tstrong\n\
                     talks\twith ~ talks\t-\t-\tparties\t-\tstrong\n");
        assert_eq!(l.index.get("with"), &[0, 2]);
        assert_eq!(l.index.get("withdrew"), &[0, 1]);
        assert_eq!(l.index.get("withheld"), &[0]);
        assert!(l.index.get("the").is_empty());
    }
}
