//! Events stage: triggers from the lexicon, modality filtering, and each event's actors, place,
//! date and fatalities read from its sentence and the article around it.

pub mod fatalities;
pub mod lexicon;
pub mod modality;
pub mod ontology;
mod prefilter;
mod role_words;
mod roles;

use crate::model::*;
use crate::text::{fold_into, sentences, tokens_into, CharIndex};
use crate::{Error, Result};
use chrono::NaiveDate;
use fatalities::Quantities;
use lexicon::{Roles, TriggerLexicon, TriggerMatch};
use modality::ModalityLexicon;
use ontology::Ontology;
use role_words::RoleWords;
use sha2::{Digest, Sha256};
use std::path::Path;

/// Everything the event stage knows, loaded from the gazetteer directory.
pub struct EventExtractor {
    pub triggers: TriggerLexicon,
    pub modality: ModalityLexicon,
    pub ontology: Ontology,
    pub quantities: Quantities,
    /// The words read around places and triggers (`role_words.tsv`).
    role_words: RoleWords,
    furniture: Vec<String>,
    /// The longest furniture phrase, in bytes.
    furniture_max: usize,
    /// Every furniture phrase is plain ASCII (so an ASCII line start can be compared as is).
    furniture_ascii: bool,
    /// The bytes a line that starts with a furniture phrase can start with: a phrase's first
    /// byte in either ASCII case, and every byte from 0x80 on (a char that may lower-case to
    /// anything). Most lines are ruled out by their first byte.
    furniture_first: [bool; 256],
    /// Weapons and craft, folded (the actor dictionary's machine nouns, set by
    /// [`Self::set_machines`]): what strikes, never the side that frees, meets or arrests
    /// ("Planes carrying freed detainees landed").
    machines: crate::hash::FastSet<String>,
    /// People whose capture is an arrest ([`Self::set_captives`]).
    captives: crate::hash::FastSet<String>,
    /// Places of civilian life ([`Self::set_civil_sites`]).
    civil_sites: crate::hash::FastSet<String>,
    /// Rules out, before it is tokenised, a sentence that can hold no trigger or death word;
    /// its answer for the triggers alone rules out an article that tells no event
    /// ([`Self::prescan`]).
    prefilter: prefilter::SentenceFilter,
}

/// What [`EventExtractor::prescan`] read of an article's sentences, handed on to
/// [`EventExtractor::extract_after`] so that no sentence is tested or read twice.
pub struct Prescan<'t> {
    /// The first sentence that holds a trigger (none: the article tells no event).
    pub first: Option<usize>,
    /// Per sentence before it (and it), the raw-text test for a trigger or a death word
    /// ([`prefilter::SentenceFilter::may_hold`]).
    may_hold: Vec<bool>,
    /// That sentence's tokens, folded words (`bounds` into `folded`) and triggers.
    toks: Vec<crate::text::Token<'t>>,
    folded: String,
    bounds: Vec<(usize, usize)>,
    found: Vec<TriggerMatch>,
}

impl Prescan<'_> {
    /// Nothing read yet (every sentence is read by [`EventExtractor::extract_after`]).
    pub fn none() -> Self {
        Prescan {
            first: None,
            may_hold: Vec::new(),
            toks: Vec::new(),
            folded: String::new(),
            bounds: Vec::new(),
            found: Vec::new(),
        }
    }
}

/// The mentions found in one article by the earlier stages (byte spans into the text).
#[derive(Debug, Default, Clone)]
pub struct Mentions {
    pub places: Vec<PlaceMention>,
    pub times: Vec<TimeMention>,
    pub actors: Vec<ActorMention>,
    /// The country most of the article's places are in, as a country-precision place.
    pub main_country: Option<Place>,
}

/// A trigger found in the text, kept or not, for `annotate` ("why is this an event?").
#[derive(Debug, Clone, serde::Serialize)]
pub struct TriggerMention {
    pub span: Span,
    pub text: String,
    pub event_type: EventType,
    /// `triggers.tsv:LINE`
    pub rule: String,
    /// `fact`, or the modality that kept it out (`future`, `negation`, `threat`...).
    pub modality: String,
}

/// What the event stage needs from the actor dictionary: the state forces of a country.
pub type StateForces<'a> = &'a dyn Fn(&str) -> Option<Actor>;

/// A headline followed by a dash and a date, with no full stop: a link to another story.
static TEASER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^[^.!?]{10,160}\s[-–—]\s(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)$",
    )
    .expect("valid regex")
});

/// Can the (trimmed) line be a [`TEASER`]? (A cheap test before the regex, read backwards
/// from the line's end: what follows the teaser's dash is a short date of digits, ASCII
/// letters, white space, a full stop and a comma, with no dash in it; so the last dash of the
/// line comes after at most 17 other chars that are no white space, all of those kinds.)
fn may_be_teaser(t: &str) -> bool {
    let mut solid = 0;
    for c in t.chars().rev() {
        if matches!(c, '-' | '–' | '—') {
            return solid > 0;
        }
        if c.is_whitespace() {
            continue;
        }
        solid += 1;
        if solid > 17 || !(c.is_numeric() || c.is_ascii_alphabetic() || c == '.' || c == ',') {
            return false;
        }
    }
    false
}

/// Puts in `out`, in order, the positions in `b` of the bytes that a token may hold besides
/// letters, digits and full stops: an apostrophe, a hyphen, and every byte from 0x80 on. (A
/// token of [`crate::text::tokens`] without any is [`crate::text::is_plain_word`].) Sixteen
/// bytes per SSE2 step (SSE2 is part of every x86-64 CPU), the last bytes one at a time.
fn unplain(b: &[u8], out: &mut Vec<usize>) {
    out.clear();
    let odd = |x: u8| x == b'\'' || x == b'-' || x >= 0x80;
    let mut i = 0;
    #[cfg(target_arch = "x86_64")]
    while let Some(chunk) = b.get(i..i + 16) {
        use core::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
            _mm_set1_epi8,
        };
        // SAFETY: SSE2 is baseline on x86-64; the unaligned load reads the 16 bytes of `chunk`.
        let mut m = unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
            let eq = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8));
            (_mm_movemask_epi8(_mm_or_si128(eq(b'\''), eq(b'-'))) | _mm_movemask_epi8(v)) as u32
                & 0xffff
        };
        while m != 0 {
            out.push(i + m.trailing_zeros() as usize);
            m &= m - 1;
        }
        i += 16;
    }
    for (k, &x) in b.iter().enumerate().skip(i) {
        if odd(x) {
            out.push(k);
        }
    }
}

/// The index of the first `\n` at or after `i` in `b`: sixteen bytes per SSE2 step (SSE2 is
/// part of every x86-64 CPU), the last bytes one at a time.
fn next_newline(b: &[u8], mut i: usize) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    while let Some(chunk) = b.get(i..i + 16) {
        use core::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
        };
        // SAFETY: SSE2 is baseline on x86-64; the unaligned load reads the 16 bytes of `chunk`.
        let nl = unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
            _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8))) as u32 & 0xffff
        };
        if nl != 0 {
            return Some(i + nl.trailing_zeros() as usize);
        }
        i += 16;
    }
    b.get(i..)?.iter().position(|&x| x == b'\n').map(|p| i + p)
}

/// [`EventExtractor::furniture_first`] of the (lower-cased) furniture phrases.
fn furniture_first_bytes(furniture: &[String]) -> [bool; 256] {
    let mut t = [false; 256];
    for x in t.iter_mut().skip(0x80) {
        *x = true;
    }
    for f in furniture {
        if let Some(&x) = f.as_bytes().first() {
            t[x as usize] = true;
            t[x.to_ascii_uppercase() as usize] = true;
            t[x.to_ascii_lowercase() as usize] = true;
        }
    }
    t
}

/// Days before publication within which a dated event sets the story's "date in force".
const STORY_WINDOW_DAYS: i64 = 7;
/// A quarter named in a story ("the Sayedabad neighbourhood") placed this far (km) from the
/// town in focus is another place of its name: the quarter is the focus town's.
const QUARTER_KM: f64 = 30.0;

/// The folded words of the tokens `toks` of sentence `sent` of `text`, into one buffer (no
/// allocation per word): word `k` is `folded[bounds[k].0..bounds[k].1]`. The buffer starts
/// with the sentence lower-cased, which is already the folding of its plain ASCII words
/// (letters, digits, dots); the others are folded after it. (`odd` is a scratch buffer.)
fn fold_words(
    text: &str,
    sent: Span,
    toks: &[crate::text::Token<'_>],
    folded: &mut String,
    bounds: &mut Vec<(usize, usize)>,
    odd: &mut Vec<usize>,
) {
    folded.clear();
    bounds.clear();
    // (speed: room for the folds longer than their tokens, and a bound per token)
    folded.reserve(sent.end - sent.start + 32);
    bounds.reserve(toks.len());
    folded.push_str(&text[sent.start..sent.end]);
    folded.make_ascii_lowercase();
    // (a token is plain, letters, digits and dots, unless it holds one of the bytes
    // `unplain` finds: those are read once for the sentence, not per token)
    unplain(&text.as_bytes()[sent.start..sent.end], odd);
    let mut k = 0;
    for t in toks {
        let (a, b) = (t.span.start - sent.start, t.span.end - sent.start);
        while odd.get(k).is_some_and(|&p| p < a) {
            k += 1;
        }
        if odd.get(k).is_none_or(|&p| p >= b) {
            bounds.push((a, b));
        } else {
            let start = folded.len();
            fold_into(t.text, folded);
            bounds.push((start, folded.len()));
        }
    }
}

/// Words that turn a following `-ing` trigger into a participle of the main clause.
const WITH: &[&str] = &["with", "while", "after", "before", "as"];

impl EventExtractor {
    pub fn load(dir: &Path) -> Result<EventExtractor> {
        let furniture_path = dir.join("furniture.tsv");
        let furniture = std::fs::read_to_string(&furniture_path)
            .map_err(|e| Error::io(&furniture_path, e))?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.to_lowercase())
            .collect::<Vec<String>>();
        let mut triggers = TriggerLexicon::load(&dir.join("triggers.tsv"))?;
        triggers.load_overlaps(&dir.join("trigger_overlaps.tsv"))?;
        Ok(EventExtractor {
            machines: Default::default(),
            captives: Default::default(),
            civil_sites: Default::default(),
            furniture_max: furniture.iter().map(String::len).max().unwrap_or(0),
            furniture_ascii: furniture.iter().all(|f| f.is_ascii()),
            furniture_first: furniture_first_bytes(&furniture),
            prefilter: prefilter::SentenceFilter::new(&triggers, fatalities::DEATH),
            triggers,
            modality: ModalityLexicon::load(&dir.join("modality.tsv"))?,
            ontology: Ontology::load_dir(dir)?,
            quantities: Quantities::load(&dir.join("quantities.tsv"))?,
            role_words: RoleWords::load(&dir.join("role_words.tsv"))?,
            furniture,
        })
    }

    /// The weapons and craft that are no side of a non-violent event (folded nouns, from
    /// [`crate::actors::ActorDictionary::machine_nouns`]).
    pub fn set_machines(&mut self, machines: crate::hash::FastSet<String>) {
        self.machines = machines;
    }

    /// The compass adjectives that may stand in a phrase of place (folded, from
    /// [`crate::actors::ActorDictionary::place_adjectives`]).
    pub fn set_place_adjectives(&mut self, adjectives: crate::hash::FastSet<String>) {
        self.role_words.place_adjectives = adjectives;
    }

    /// Does the seizure trigger `m` take a person ([`Self::set_captives`])? Passive: the word
    /// before its auxiliaries ("he was recaptured") or before a relative clause that ends
    /// there ("His father, who ..., was recaptured"); active: a captive word
    /// among the five after it, within its clause; nominal: "his capture", "the capture of
    /// the fugitive".
    fn person_taken(&self, s: &roles::Sentence<'_>, m: &TriggerMatch, roles: Roles) -> bool {
        let w = &s.words;
        let captive = |k: usize| w.get(k).is_some_and(|x| self.captives.contains(*x));
        let within_clause = |lo: usize, hi: usize| !s.boundary_between(lo, hi);
        match roles {
            Roles::Svo if s.is_passive_at(m.first) || s.reduced_relative(m.first) => {
                let mut k = m.first;
                while k > 0 && roles::is_aux_or_adverb(w[k - 1]) {
                    k -= 1;
                }
                // "His father, who built the cartel, was recaptured": the word before the
                // relative clause that ends right before the verb
                let before_relative = k > 0
                    && s.boundary_between(k - 1, k)
                    && (1..k)
                        .rev()
                        .find(|&j| {
                            s.boundary_between(j - 1, j) && matches!(w[j], "who" | "whom" | "whose")
                        })
                        .is_some_and(|j| captive(j - 1));
                (k > 0 && captive(k - 1)) || before_relative
            }
            Roles::Svo => (m.last + 1..(m.last + 6).min(w.len()))
                .any(|k| captive(k) && within_clause(m.last, k)),
            Roles::Nominal => {
                (m.first.saturating_sub(2)..m.first).any(|k| matches!(w[k], "his" | "her"))
                    || (w.get(m.last + 1) == Some(&"of")
                        && (m.last + 2..(m.last + 6).min(w.len()))
                            .any(|k| captive(k) && within_clause(m.last, k)))
            }
            _ => false,
        }
    }

    /// Places of civilian life whose storming by an armed group is an attack on civilians
    /// (folded words, from [`crate::actors::ActorDictionary::civil_site_words`]).
    pub fn set_civil_sites(&mut self, sites: crate::hash::FastSet<String>) {
        self.civil_sites = sites;
    }

    /// The people whose capture is an arrest, not territory taken (folded words, from
    /// [`crate::actors::ActorDictionary::captive_words`]).
    pub fn set_captives(&mut self, captives: crate::hash::FastSet<String>) {
        self.captives = captives;
    }

    /// Byte offset where the article body ends: the first line that starts with a furniture
    /// phrase ("Published in", "Read next", "Related"...), else the end of the text.
    /// A teaser line of another story ("Tripoli: army deploys after clashes - 22 Mar 2014",
    /// "Sudan struggles to feed refugees — Nov. 24") in the second half of the text also starts
    /// the furniture.
    pub fn body_end(&self, text: &str) -> usize {
        let b = text.as_bytes();
        // (the first line is never furniture)
        let mut offset = next_newline(b, 0).map_or(b.len(), |p| p + 1);
        while offset < b.len() {
            let end = next_newline(b, offset).map_or(b.len(), |p| p + 1);
            let t = text[offset..end].trim();
            if self.is_furniture(t)
                || (offset > text.len() / 2 && may_be_teaser(t) && TEASER.is_match(t))
            {
                return offset;
            }
            offset = end;
        }
        text.len()
    }

    /// Does the (trimmed) line start with a furniture phrase, then no letter or digit? (As the
    /// line lower-cased would; without lower-casing it where its start is plain ASCII.)
    fn is_furniture(&self, t: &str) -> bool {
        let b = t.as_bytes();
        if !b.first().is_some_and(|&x| self.furniture_first[x as usize]) {
            return false;
        }
        let n = (self.furniture_max + 1).min(b.len());
        if self.furniture_ascii && b[..n].is_ascii() {
            return self.furniture.iter().any(|f| {
                let f = f.as_bytes();
                b.len() >= f.len()
                    && b[..f.len()].eq_ignore_ascii_case(f)
                    && b.get(f.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
            });
        }
        // (with ASCII phrases only the first chars matter: a phrase and the char after it
        // come from at most as many chars of the line, whose lower case does not depend on
        // what follows unless it is a sigma, which matches no ASCII phrase anyway)
        let l = if self.furniture_ascii {
            let end = t
                .char_indices()
                .nth(self.furniture_max + 2)
                .map_or(t.len(), |(i, _)| i);
            t[..end].to_lowercase()
        } else {
            t.to_lowercase()
        };
        self.furniture.iter().any(|f| {
            l.starts_with(f.as_str())
                && l[f.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    }

    /// Does any of the sentences `sents` of an article's body (those of [`sentences`] of its
    /// text up to [`Self::body_end`]) hold a trigger? Every event and every trigger mention of
    /// [`Self::extract`] comes from a trigger the lexicon finds in one sentence's words, read
    /// as here; so where this is false, it returns none whatever the mentions, and the stages
    /// that find them can be left out. (A sentence the raw-text trigger test rules out holds
    /// none and is not tokenised.)
    pub fn holds_trigger(&self, text: &str, sents: &[Span]) -> bool {
        self.prescan(text, sents).first.is_some()
    }

    /// [`Self::holds_trigger`], with what it read for [`Self::extract_after`]: the sentences
    /// are read up to the first that holds a trigger.
    pub fn prescan<'t>(&self, text: &'t str, sents: &[Span]) -> Prescan<'t> {
        let mut pre = Prescan::none();
        pre.may_hold.reserve(sents.len());
        let mut odd = Vec::new();
        for (k, &sent) in sents.iter().enumerate() {
            let (trigger, any) = self.prefilter.may_hold_both(&text[sent.start..sent.end]);
            pre.may_hold.push(any);
            if !trigger {
                continue;
            }
            tokens_into(text, sent, &mut pre.toks);
            fold_words(
                text,
                sent,
                &pre.toks,
                &mut pre.folded,
                &mut pre.bounds,
                &mut odd,
            );
            let words: Vec<&str> = pre.bounds.iter().map(|&(a, b)| &pre.folded[a..b]).collect();
            pre.found = self.triggers.find(&words);
            if !pre.found.is_empty() {
                pre.first = Some(k);
                break;
            }
        }
        pre
    }

    /// Extracts the events of `article` from its mentions (not yet merged). `body_end` is
    /// [`Self::body_end`] of its text, computed once by the caller that also tagged the body.
    pub fn extract(
        &self,
        article: &Article,
        body_end: usize,
        mentions: &Mentions,
        state_forces: StateForces<'_>,
    ) -> (Vec<Event>, Vec<TriggerMention>) {
        let body = &article.text[..body_end.min(article.text.len())];
        self.extract_in(article, body_end, &sentences(body), mentions, state_forces)
    }

    /// [`Self::extract`] given the [`sentences`] of the body, `sents`.
    pub fn extract_in(
        &self,
        article: &Article,
        body_end: usize,
        sents: &[Span],
        mentions: &Mentions,
        state_forces: StateForces<'_>,
    ) -> (Vec<Event>, Vec<TriggerMention>) {
        let pre = Prescan::none();
        self.extract_after(article, body_end, sents, mentions, state_forces, pre)
    }

    /// [`Self::extract_in`] after [`Self::prescan`] of the same sentences (`pre`): what it
    /// read is not read again.
    pub fn extract_after<'t>(
        &self,
        article: &'t Article,
        body_end: usize,
        sents: &[Span],
        mentions: &Mentions,
        state_forces: StateForces<'_>,
        mut pre: Prescan<'t>,
    ) -> (Vec<Event>, Vec<TriggerMention>) {
        let text = &article.text;
        let body = &text[..body_end.min(text.len())];
        let chars = CharIndex::new(text);
        let dct = article.published;
        let story_begins = story_start(body);
        let mut state = ArticleState {
            in_force: story_date(&mentions.times, dct, story_begins, body.len()),
            focus_place: None,
            dateline_town: None,
            focus_area: None,
            venue: None,
            venue_sentence: 0,
            called_town: None,
            called_city: None,
            big_city: None,
            called: Vec::new(),
            named_area: None,
            last_agents: Vec::new(),
            last_attackers: Vec::new(),
            main_country: mentions
                .main_country
                .as_ref()
                .map(|p| p.country_code.clone())
                .or_else(|| main_country(&mentions.places)),
            country_place: mentions.main_country.clone(),
            own_place: false,
            inferred_agents: false,
            truce_scope: false,
            last_parties: None,
            last_sides: None,
            sentence_agents: Vec::new(),
            last_captors: Vec::new(),
            flashback: None,
            sentence_no: 0,
        };
        let mut events: Vec<Event> = Vec::new();
        // what each event's report left implicit, in the order of `events`
        let mut meta: Vec<EventMeta> = Vec::new();
        let mut triggers_out = Vec::new();
        let mut seen: Vec<EventType> = Vec::new();
        let mut last_violent_sentence: Option<usize> = None;
        // where the events of that sentence start in `events`
        let mut last_violent_start = 0;
        let mut folded = String::new();
        let mut bounds: Vec<(usize, usize)> = Vec::new();
        let mut odd: Vec<usize> = Vec::new();
        let index = roles::MentionIndex::new(mentions);
        let anchors = prefilter::FocusAnchors::new(mentions);
        let mut toks = Vec::new();
        // where the events of the last sentence that told any begin
        let mut prev_sentence_events = 0;
        for (sentence_no, &sent) in sents.iter().enumerate() {
            // (speed) a sentence with no place or date that can move the story, that can hold
            // no trigger or death word, is left before it is tokenised (the test below, read
            // on the raw text)
            let may_hold = |sent: Span| match pre.may_hold.get(sentence_no) {
                Some(&known) => known,
                None => self.prefilter.may_hold(&text[sent.start..sent.end]),
            };
            if !anchors.any_inside(sent) && !may_hold(sent) {
                continue;
            }
            // (the first sentence with a trigger was read by the prescan)
            let read = pre.first == Some(sentence_no);
            if read {
                std::mem::swap(&mut toks, &mut pre.toks);
                std::mem::swap(&mut folded, &mut pre.folded);
                std::mem::swap(&mut bounds, &mut pre.bounds);
            } else {
                tokens_into(text, sent, &mut toks);
                if toks.is_empty() {
                    continue;
                }
                fold_words(text, sent, &toks, &mut folded, &mut bounds, &mut odd);
            }
            let words: Vec<&str> = bounds.iter().map(|&(a, b)| &folded[a..b]).collect();
            let found = if read {
                std::mem::take(&mut pre.found)
            } else {
                self.triggers.find(&words)
            };
            // the largest toll the sentence states, read once for the sentence and its events
            let all_tolls = std::cell::OnceCell::new();
            // (speed) a sentence with no trigger, toll, or place or date that can move the
            // story (`FocusAnchors`) changes nothing below: what the end of this loop reads
            // from a sentence must be tested there too
            // (speed) a toll needs a death word
            let toll = words
                .iter()
                .any(|w| fatalities::is_death_word(w))
                .then(|| {
                    fatalities::largest(all_tolls.get_or_init(|| {
                        self.quantities
                            .tolls_grouped(&words, |i| comma_only_after(text, &toks, i))
                    }))
                })
                .flatten()
                .filter(|&n| {
                    n < AGGREGATE_TOLL
                        && !words.iter().any(|w| TOLL_OF_MANY.contains(w))
                        && !words.windows(2).any(|p| p == ["so", "far"])
                });
            if found.is_empty() && !anchors.any_inside(sent) && toll.is_none() {
                continue;
            }
            state.sentence_agents.clear();
            state.sentence_no = sentence_no;
            let earlier = index.earlier_actors(sent);
            let mut s = roles::Sentence::new(
                text,
                sent,
                &toks,
                &words,
                &index,
                &earlier,
                &self.role_words,
            );
            s.tolls = all_tolls;
            if sentence_no <= 1 && state.dateline_town.is_none() {
                state.dateline_town = s.dateline_town();
            }
            // a reference clause with a date of its own tells a background event; one
            // without is the point the story measures from, and no event
            let mut dated_references: Vec<(usize, usize)> = Vec::new();
            for since in self.modality.reference_clauses(&words) {
                if s.reference_clause_dated(since) {
                    dated_references.push(s.reference_clause_range(since));
                } else {
                    s.drop_reference_clause(since);
                }
            }
            let question = text[sent.start..sent.end].trim_end().ends_with('?');
            // "killed 132 people in an overnight raid": an assault named as the frame of
            // other violence of the sentence is that violence
            let frame = |m: &TriggerMatch| {
                let t = &self.triggers.triggers[m.trigger];
                t.event_type == EventType::Assault
                    && t.roles == Roles::Nominal
                    && s.adjunct_nominal(m.first, m.last) == Some(roles::Adjunct::Frame)
            };
            let other_violence = |m: &TriggerMatch| {
                found.iter().any(|o| {
                    o != m && !frame(o) && is_violent(self.triggers.triggers[o.trigger].event_type)
                })
            };
            // a weak trigger yields to a strong violent one in the same sentence
            let strong_violent = found.iter().any(|m| {
                let t = &self.triggers.triggers[m.trigger];
                !t.weak && is_violent(t.event_type) && !frame(m)
            });
            // "an explosion in a building killed 11 people": a killing told with a blast, a
            // shell or a strike, even one named by a weak word, is what they did
            let remote_violence = found.iter().any(|m| {
                matches!(
                    self.triggers.triggers[m.trigger].event_type,
                    EventType::Bombing | EventType::Shelling | EventType::AirStrike
                )
            });
            // a weak trigger of an extension type yields to any guideline one ("seized the
            // town and looted the market" is the seizure)
            let guideline = found
                .iter()
                .any(|m| self.triggers.triggers[m.trigger].event_type.is_guideline());
            let sentence_events = events.len();
            // "Hours before the talks opened, a missile struck ...": what the sentence tells
            // happened on the day of the event it is hours or minutes from
            if let Some(d) = found.iter().find_map(|m| {
                let t = self.triggers.triggers[m.trigger].event_type;
                if !s.sub_day_reference(m.first) {
                    return None;
                }
                events
                    .iter()
                    .rev()
                    .find(|e| e.event_type == t && e.date_explicit)
                    .and_then(|e| e.date)
            }) {
                state.in_force = Some(d);
            }
            // events of the sentence told by an "after a push" adjunct: done by the subject
            // of the verb they hang on
            let mut earlier_steps: Vec<usize> = Vec::new();
            // did the sentence tell an event that has not happened ("the swap is expected to
            // take place at Sanaa airport")? Its places are not where the story is.
            let mut unrealised_told = false;
            for &m in &found {
                let trig = &self.triggers.triggers[m.trigger];
                // ... unless a verb reports it as done ("launched an attack toward Sirte")
                if trig.weak && strong_violent && !s.supported(m.first) && !s.started_after(m.last)
                {
                    continue;
                }
                if trig.weak && guideline && !trig.event_type.is_guideline() {
                    continue;
                }
                if trig.weak && trig.event_type == EventType::AttackOnCivilians && remote_violence {
                    continue;
                }
                if frame(&m) && other_violence(&m) {
                    continue;
                }
                // "the besieged city of El Fasher", "a captured town": a participle before
                // its noun describes a state, it reports no event
                if trig.roles == Roles::Svo
                    && m.first == m.last
                    && words[m.first].ends_with("ed")
                    && m.first > 0
                    && matches!(words[m.first - 1], "the" | "a" | "an" | "its" | "their")
                {
                    continue;
                }
                // "came under renewed artillery fire": the attack told is the shelling inside
                // it, not a second, ground assault
                if trig.event_type == EventType::Assault
                    && found.iter().any(|o| {
                        o != &m
                            && o.first >= m.first
                            && o.last <= m.last
                            && matches!(
                                self.triggers.triggers[o.trigger].event_type,
                                EventType::Shelling | EventType::AirStrike | EventType::Bombing
                            )
                    })
                {
                    continue;
                }
                let span = Span::new(toks[m.first].span.start, toks[m.last].span.end);
                if s.inside_name(span) {
                    continue; // "Volcano of Anger", "Islamic State" are names, not triggers
                }
                if trig.event_type == EventType::Talks && s.meets_own_ranks(m.last) {
                    continue; // "the president met commanders at the camp": no talks
                }
                if trig.roles == Roles::Nominal && s.in_backing_phrase(m.first) {
                    continue; // "backed by coalition air strikes": support, not an event
                }
                // ("hours after the rebels captured the town": a clause of its own tells a
                // background event, and leaves the story where it was)
                let adjunct_clause =
                    trig.roles == Roles::Svo && s.adjunct_clause_prep(m.first).is_some();
                if s.in_time_adjunct(m.first) && !adjunct_clause {
                    continue; // "hours after the attack": a reference to an event told already
                }
                // "the talks", "the offensive" with no date of their own: the event told before
                // ("the attack" after a bombing is that bombing)
                let told = seen.contains(&trig.event_type)
                    || (trig.event_type == EventType::Assault
                        && seen.iter().any(|t| is_violent(*t)));
                // (a verb's participle is no noun that refers back: "the besieged port")
                // ("began their offensive", "launched its assault": a verb that starts the
                // event tells it, it does not refer back)
                let definite = (trig.roles != Roles::Svo
                    && s.definite(m.first)
                    && told
                    && !s.launched_before(m.first)
                    && !s.started_after(m.last))
                    // "The hostages were released on Wednesday in the forests": the captives
                    // whose release was just told
                    || (trig.event_type == EventType::PrisonerRelease
                        && told
                        && s.definite_passive_subject(m.first));
                let (cs, ce) = s.clause(m.first, m.last);
                // a modal of the main clause does not reach into "when ...", "after ..."
                let cs = s.subordinate_start(m.first, cs);
                let modality = self
                    .modality
                    .unrealised_with(
                        &words,
                        m.first,
                        m.last,
                        (cs, ce),
                        question,
                        modality::WordsOf {
                            modifier: &|i| !s.word_in_actor(i),
                            in_time: &|i| s.word_in_time(i),
                            count: &|i| words.get(i).is_some_and(|w| self.count_word(&s, w)),
                        },
                    )
                    .filter(|&kind| {
                        kind != SINCE
                            || !dated_references
                                .iter()
                                .any(|&(a, b)| (a..b).contains(&m.first))
                    })
                    // "Fighting continued in Kupiansk on Saturday": fighting that went on into
                    // a day of its own is that day's battle (ACLED codes each day); other
                    // verbs of it ("the battle entered its fifth day") take nothing
                    .filter(|&kind| {
                        kind != CONTINUATION
                            || trig.event_type != EventType::Assault
                            || s.own_date_for(m.first, m.last)
                                .is_none_or(|d| d.precision != TimePrecision::Day)
                    });
                triggers_out.push(TriggerMention {
                    span,
                    text: text[span.start..span.end].to_string(),
                    event_type: trig.event_type,
                    rule: format!("triggers.tsv:{}", trig.line),
                    modality: modality.unwrap_or("fact").to_string(),
                });
                // "the Taliban said they had carried out the attack": a claim names who did the
                // violence just told, when the report of it did not
                if modality == Some(CLAIM) {
                    let told = events
                        .iter()
                        .rev()
                        .find(|e| is_violent(e.event_type))
                        .and_then(|e| e.evidence.first())
                        .map(|e| e.span);
                    if let (Some(a), Some(told)) = (s.claimant(m.first), told) {
                        // every violence of the sentence that told it ("a car bomb exploded,
                        // followed by a gun battle")
                        for (ev, meta) in
                            events.iter_mut().zip(meta.iter_mut()).filter(|(e, meta)| {
                                is_violent(e.event_type)
                                    && (e.agents.is_empty() || meta.inferred_agents)
                                    && e.evidence.first().is_some_and(|x| x.span == told)
                            })
                        {
                            ev.targets.retain(|t| t.name != a.name);
                            ev.agents = vec![a.clone()];
                            meta.inferred_agents = false;
                        }
                        // the claimant is the story's attacker from here on
                        state.last_attackers = vec![a.clone()];
                        state.last_agents = vec![a];
                    }
                }
                if let Some(kind) = modality {
                    // (a tally of strikes, a claim, a background event did happen: its
                    // places are where the story is)
                    unrealised_told |= !matches!(
                        kind,
                        "aggregate"
                            | "claim"
                            | "continuation"
                            | "since"
                            | "undated"
                            | "generic"
                            | "reference"
                    );
                    continue;
                }
                // a definite reference may say more of the event it refers back to ("the
                // deal was signed on Wednesday in Pretoria", "held the talks in Kunming"): the
                // last event of its type takes its date and place if they agree; one with no
                // date of its own is that event in any case
                let own_date = definite
                    && s.own_date_for(m.first, m.last).is_some()
                    && !s.of_complement(m.first)
                    && !s.relating_subject(m.last);
                let antecedent = definite
                    .then(|| events.iter().rposition(|e| e.event_type == trig.event_type))
                    .flatten();
                if definite && !own_date && antecedent.is_none() {
                    continue;
                }
                if trig.weak && trig.event_type == EventType::AttackOnCivilians {
                    // "At least eight people were killed": the toll of the violence just told,
                    // not another event; "thousands have been killed": a war's toll
                    // ("gang members killed a dozen people as they moved through the town"
                    // names who killed: violence of its own)
                    // ("fighters went from house to house, killing several men": the subject
                    // of the verb the participle follows)
                    let own_killer = !s.passive_trigger(m.first)
                        && (s
                            .subject_right_before(m.first)
                            .is_some_and(crate::actors::is_armed_group)
                            || (s.participle_after_comma(m.first)
                                && s.roles(trig.roles, m.first, m.last)
                                    .0
                                    .iter()
                                    .any(crate::actors::is_armed_group)));
                    let toll_of_last = last_violent_sentence.is_some_and(|k| k + 1 >= sentence_no)
                        && s.date_for(m.first, m.last, true).is_none()
                        && !own_killer;
                    let war_toll = self.tolls(&s).iter().any(|t| t.value >= AGGREGATE_TOLL);
                    if toll_of_last || war_toll {
                        continue;
                    }
                }
                let built = self.build_event(article, &s, &m, &mut state, &chars, state_forces);
                let single = built.len() == 1;
                for ev in built {
                    if is_violent(ev.event_type) {
                        last_violent_sentence = Some(sentence_no);
                        last_violent_start = sentence_events;
                    }
                    seen.push(ev.event_type);
                    let ev = match antecedent {
                        Some(a) if single && events[a].event_type == ev.event_type => {
                            match fold_reference(
                                &mut events[a],
                                &mut meta[a].own_place,
                                ev,
                                state.own_place,
                            ) {
                                None => {
                                    // other reports of it in the antecedent's sentence learn
                                    // the same date and place
                                    let (t, span) =
                                        (events[a].event_type, events[a].evidence[0].span);
                                    let (date, explicit) =
                                        (events[a].date, events[a].date_explicit);
                                    let (place, location) =
                                        (events[a].place.clone(), events[a].location.clone());
                                    for (k, e) in events.iter_mut().enumerate() {
                                        if k != a && e.event_type == t && e.evidence[0].span == span
                                        {
                                            e.date = date;
                                            e.date_explicit = explicit;
                                            e.place = place.clone();
                                            e.location = location.clone();
                                            meta[k].own_place = meta[a].own_place;
                                        }
                                    }
                                    continue;
                                }
                                Some(_) if !own_date => continue,
                                Some(ev) => ev,
                            }
                        }
                        _ if definite && !own_date => continue,
                        _ => ev,
                    };
                    if trig.roles == Roles::Nominal
                        && s.adjunct_nominal(m.first, m.last) == Some(roles::Adjunct::Before)
                    {
                        earlier_steps.push(events.len());
                    }
                    events.push(ev);
                    meta.push(EventMeta {
                        own_place: state.own_place,
                        inferred_agents: state.inferred_agents,
                        truce_scope: state.truce_scope,
                        background: adjunct_clause,
                    });
                }
            }
            // "took full control of Raqqa after a final push on the militants' positions": the
            // push is the taker's
            if let Some(main) = (sentence_events..events.len()).find(|k| {
                !earlier_steps.contains(k)
                    && is_violent(events[*k].event_type)
                    && !events[*k].agents.is_empty()
            }) {
                let (agents, targets) = (events[main].agents.clone(), events[main].targets.clone());
                for &k in &earlier_steps {
                    let e = &mut events[k];
                    if !is_violent(e.event_type) {
                        continue;
                    }
                    e.agents = agents.clone();
                    e.targets.retain(|t| !agents.contains(t));
                    if e.targets.is_empty() {
                        e.targets = targets.clone();
                    }
                }
            }
            // "At least eight people were killed", "the bodies of tens of fighters lay in the
            // streets": a toll told with no violence of its own counts the dead of the
            // violence told just before it, else of the story's first fighting (a town taken
            // counts no dead of its own); within a sentence, remote violence before a clash
            if let Some(n) = toll {
                let own = events[sentence_events..]
                    .iter()
                    .any(|e| is_violent(e.event_type));
                let just_before = last_violent_sentence.is_some_and(|k| k + 1 == sentence_no);
                let fighting = |e: &Event| {
                    is_violent(e.event_type)
                        && e.event_type != EventType::Seizure
                        && e.fatalities.is_none()
                };
                let target = if own {
                    None
                } else if just_before {
                    let from = last_violent_start;
                    events[from..sentence_events]
                        .iter_mut()
                        .filter(|e| fighting(e))
                        .min_by_key(|e| toll_precedence(e.event_type))
                } else {
                    events.iter_mut().find(|e| fighting(e))
                };
                if let Some(e) = target {
                    e.fatalities = Some(n);
                }
            }
            // "police raided homes and detained opponents": a state raid that makes arrests
            // is the arrest operation, not an assault
            let told = &events[sentence_events..];
            if told.iter().any(|e| e.event_type == EventType::Arrest) {
                let raid_by_state = |e: &Event| {
                    e.event_type == EventType::Assault
                        && e.agents
                            .iter()
                            .all(|a| a.actor_type == Some(ActorType::StateForces))
                };
                let told = events.split_off(sentence_events);
                let metas = meta.split_off(sentence_events);
                for (e, m) in told.into_iter().zip(metas) {
                    if !raid_by_state(&e) {
                        events.push(e);
                        meta.push(m);
                    }
                }
            }
            // "held talks with the junta's foreign minister, ..., in Bangkok" and a "meeting"
            // or "met" of the same day in the same sentence: one meeting, told where a trigger
            // names its own place; the one that only took the story's place goes, and so does
            // one told in a "where" clause after the place of the other ("after talks in
            // Kunming, where envoys of both sides met under Beijing's mediation")
            let talks: Vec<usize> = (sentence_events..events.len())
                .filter(|&k| events[k].event_type == EventType::Talks)
                .collect();
            // (two meetings at least: most sentences have none)
            if talks.len() > 1 {
                let sentence_text = &text[sent.start..sent.end];
                let where_at = sentence_text.find(", where ");
                let after_where = |e: &Event| {
                    where_at.is_some_and(|w| {
                        sentence_text[w..].contains(e.evidence[0].trigger.as_str())
                            && !sentence_text[..w].contains(e.evidence[0].trigger.as_str())
                    })
                };
                let placed_elsewhere: Vec<usize> = talks
                    .iter()
                    .copied()
                    .filter(|&k| {
                        talks.iter().any(|&o| {
                            meta[o].own_place
                                && events[o].date == events[k].date
                                && events[o].evidence[0].trigger != events[k].evidence[0].trigger
                                && (!meta[k].own_place
                                    || (after_where(&events[k]) && !after_where(&events[o])))
                        })
                    })
                    .collect();
                for &k in placed_elsewhere.iter().rev() {
                    events.remove(k);
                    meta.remove(k);
                }
            }
            // The story is now where this sentence's events happened ("The RSF's capture of
            // Bara, which sits on the road to Omdurman, ..." leaves it in Bara); a sentence whose
            // events have no place of their own goes on where the story was ("pulled out of
            // the camp and regrouped in Mopti"); one that tells no event moves it to its last town.
            // A meeting abroad ("held talks with Saudi officials in Mecca", in a story about
            // Aden) is no scene of the story: "rallied in the city centre" after it is still
            // in the city fought over. Its place is the venue of the talks told next.
            let main_country = state.main_country.clone();
            let own_point = |venue: bool| {
                events[sentence_events..]
                    .iter()
                    .zip(&meta[sentence_events..])
                    .filter(|(_, m)| m.own_place && !m.background)
                    .filter_map(|(e, _)| match (&e.location, &e.place) {
                        (Some(l), Some(p)) if p.precision == GeoPrecision::Point => {
                            let abroad = is_diplomacy(e.event_type)
                                && main_country.as_ref().is_some_and(|c| *c != p.country_code);
                            (abroad == venue).then(|| (l.clone(), p.clone()))
                        }
                        _ => None,
                    })
                    .next_back()
            };
            let venue = own_point(true);
            let own_point = own_point(false).or_else(|| {
                venue
                    .clone()
                    .filter(|_| state.focus_place.is_none() && state.focus_area.is_none())
            });
            // "agreed on Thursday to a ceasefire in Hodeidah" and, next, "... at the close of a
            // week of negotiations north of Stockholm": a truce told by the ground it covers
            // was concluded at the venue of the talks of its day told with it
            if let Some((l, p)) = &venue {
                let talks_days: Vec<EventDate> = events[sentence_events..]
                    .iter()
                    .zip(&meta[sentence_events..])
                    .filter(|(e, m)| e.event_type == EventType::Talks && m.own_place)
                    .filter_map(|(e, _)| e.date)
                    .collect();
                for k in prev_sentence_events.min(sentence_events)..events.len() {
                    let same_day = events[k].date.is_some_and(|d| {
                        talks_days
                            .iter()
                            .any(|t| (t.date - d.date).num_days().abs() <= 1)
                    });
                    if events[k].event_type == EventType::Agreement
                        && meta[k].truce_scope
                        && same_day
                    {
                        events[k].place = Some(p.clone());
                        events[k].location = Some(l.clone());
                        meta[k].own_place = true;
                        meta[k].truce_scope = false;
                    }
                }
            }
            prev_sentence_events = sentence_events;
            if venue.is_some() {
                state.venue = venue;
                state.venue_sentence = sentence_no;
            }
            let goes_on = events.len() > sentence_events && state.focus_place.is_some();
            if let Some(p) = s.came_after_subject_town() {
                state.focus_place = Some(p);
            } else if let Some(p) = own_point {
                state.focus_place = Some(p);
            } else if !goes_on && !unrealised_told {
                if let Some(p) = s.last_point_place() {
                    state.focus_place = Some(p);
                } else if let Some(p) = s.last_area_place() {
                    state.focus_area = Some(p);
                }
            }
            // a sentence that tells an episode before the story's week by its date leaves that
            // date to the next sentence; not one that also tells a day of the story's week
            // ("launched an attack on Saturday toward Sirte, which they seized in January"), one
            // that measures from the episode ("have been detained since the coup on Feb. 1")
            // nor one that dates it in a relative clause ("set out from Anefis, which troops
            // seized in early October")
            let dated: Vec<EventDate> = events[sentence_events..]
                .iter()
                .filter(|e| e.date_explicit)
                .filter_map(|e| e.date)
                .collect();
            state.flashback = dated
                .last()
                .copied()
                .filter(|_| {
                    dated.iter().all(|d| flashback_date(*d, article.published))
                        && !words.contains(&"since")
                })
                .filter(|d| !s.date_in_relative(*d))
                .map(|d| (d, sentence_no));
            let mut towns: Vec<&str> = Vec::new();
            for (kind, text, p) in s.called_places() {
                let named = Some((text.to_string(), p.clone()));
                match kind {
                    roles::StoryPlace::Town => {
                        towns.push(&p.name);
                        state.called_town = named
                    }
                    roles::StoryPlace::City => state.called_city = named,
                    roles::StoryPlace::Settlement => {}
                    roles::StoryPlace::Area => state.named_area = named,
                }
                if kind != roles::StoryPlace::Area && !state.called.contains(&p.name) {
                    state.called.push(p.name.clone());
                }
            }
            // (a province seat the story calls a town is not "the city")
            if let Some(c) = s
                .last_big_city()
                .filter(|(_, p)| !towns.contains(&p.name.as_str()))
            {
                state.big_city = Some(c);
            }
            // narrative time moves with the days the story names (not those of the captions
            // and stamps above its dateline)
            if let (Some(d), Some(p), true) = (
                s.last_day_date(),
                article.published,
                sent.start >= story_begins,
            ) {
                if d.date <= p && (p - d.date).num_days() <= STORY_WINDOW_DAYS {
                    state.in_force = Some(d);
                }
            }
        }
        fold_headline_events(&mut events, headline_end(body));
        name_unnamed_villages(&mut events, &mentions.places);
        (events, triggers_out)
    }

    /// The death tolls a sentence states, read once for it and all its events.
    fn tolls<'s>(&self, s: &'s roles::Sentence<'_>) -> &'s [fatalities::Toll] {
        s.tolls.get_or_init(|| {
            self.quantities
                .tolls_grouped(&s.words, |i| s.comma_only_after(i))
        })
    }

    /// Is `w` a word of a count of people: a number or vague quantity (the quantities
    /// lexicon) or a word that opens one ("about", "more": `count_lead` in role_words.tsv)?
    fn count_word(&self, s: &roles::Sentence<'_>, w: &str) -> bool {
        self.quantities.value(w).is_some() || s.vocab.count_leads.matches(w)
    }

    /// Is the word before the participle at `first` (past "were", "had been"...) a count of
    /// people, with at most one noun between that is no town noun and an auxiliary after it
    /// ("12 captured", "30 soldiers were captured"; not "two towns were captured", "in 2019
    /// captured" nor "200 fighters captured the town")?
    fn count_before_participle(&self, s: &roles::Sentence<'_>, first: usize) -> bool {
        let mut i = first;
        while i > 0
            && matches!(
                s.words[i - 1],
                "were" | "was" | "been" | "had" | "have" | "being"
            )
        {
            i -= 1;
        }
        let count = |w: &str| {
            self.count_word(s, w) && !(w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        };
        // (a count and a noun before a participle with no auxiliary is an active subject:
        // "200 fighters captured the town")
        let passive = i < first;
        match i.checked_sub(1).map(|k| s.words[k]) {
            Some(w) if count(w) => true,
            Some(noun) if passive && !roles::is_town_noun(noun) && i >= 2 => count(s.words[i - 2]),
            _ => false,
        }
    }

    fn build_event(
        &self,
        article: &Article,
        s: &roles::Sentence<'_>,
        m: &TriggerMatch,
        state: &mut ArticleState,
        chars: &CharIndex<'_>,
        state_forces: StateForces<'_>,
    ) -> Vec<Event> {
        let trig = &self.triggers.triggers[m.trigger];
        let mut t = trig.event_type;
        let dct = article.published;
        // "gunmen seized Díaz and his wife": people seized are abducted, not territory taken
        let seized_people = t == EventType::Seizure
            && trig.roles == Roles::Svo
            && if s.is_passive_at(m.first) || s.reduced_relative(m.first) {
                // "the girls (were) seized from the school", "the mayor, who had been seized"
                s.subject_right_before(m.first)
                    .is_some_and(is_civilian_side)
                    || s.person_relative_before(m.first)
                    || s.named_person_before(m.first)
            } else {
                // "gunmen seized Díaz and his wife" (not "drove into the city to cheering
                // crowds": a phrase that ends on the town has taken the town)
                !roles::is_town_noun(s.words[m.last])
                    && s.object_actor_within(m.last, 5)
                        .is_some_and(is_civilian_side)
            }
            // "militants seized 30 students from a school", "seized about 80 pupils": a
            // participle with the people (or their count) right after it is active, whatever
            // a reduced relative reading says
            || (t == EventType::Seizure
                && trig.roles == Roles::Svo
                && (s.object_actor_adjacent(m.last).is_some_and(is_civilian_side)
                    || (s.words.get(m.last + 1).is_some_and(|w| self.count_word(s, w)) && s
                        .object_actor_within(m.last, 4)
                        .is_some_and(is_civilian_side))));
        // "two Rwandan soldiers whom Congo captured": people taken, not territory; civilians
        // so taken are abducted
        let whom = (t == EventType::Seizure && trig.roles == Roles::Svo)
            .then(|| s.whom_object_before(m.first))
            .flatten();
        if let Some(people) = whom {
            if !people.is_some_and(is_civilian_side) {
                return Vec::new();
            }
        }
        // "15 of its soldiers were killed and 12 captured", "30 soldiers were captured": a
        // count (of people, not of towns) before the participle is people taken, not ground;
        // civilians so taken are abducted, fighters taken in battle are no event of their own
        let counted = t == EventType::Seizure
            && trig.roles == Roles::Svo
            && self.count_before_participle(s, m.first);
        if counted
            && !s
                .subject_right_before(m.first)
                .is_some_and(is_civilian_side)
        {
            return Vec::new();
        }
        let seized_people = seized_people || whom.is_some() || counted;
        // "were taken to the camp", "taken out of the districts": people moved, not seized
        if t == EventType::Seizure
            && matches!(
                s.words.get(m.last + 1),
                Some(&("to" | "out" | "into" | "back"))
            )
            && s.subject_right_before(m.first)
                .is_some_and(is_civilian_side)
        {
            return Vec::new();
        }
        // "the junta, which seized power in 2021": a coup takes a state, not territory
        if t == EventType::Seizure && s.words.get(m.last + 1) == Some(&"power") {
            return Vec::new();
        }
        // "the fall of Mosul": a nominal fall takes the place it names, and nothing else falls
        // so ("the fall of the government", "the fall of prices")
        let fall_of = trig.roles == Roles::FellTo && s.words.get(m.last) == Some(&"of");
        if fall_of && !s.names_place_at(m.last + 1) {
            return Vec::new();
        }
        // "the operation had freed Masaya from the gangs": a town freed is ground won back,
        // not people released
        if t == EventType::PrisonerRelease
            && !s.is_passive_at(m.first)
            && s.names_town_alone_at(m.last + 1)
        {
            return Vec::new();
        }
        if seized_people {
            t = EventType::AttackOnCivilians;
        } else if t == EventType::Seizure && self.person_taken(s, m, trig.roles) {
            // "his father was recaptured", "police recaptured four of the escaped inmates",
            // "his brief capture": a person taken is arrested, not territory seized (an
            // armed group's arrest becomes an abduction below)
            t = EventType::Arrest;
        } else if t == EventType::Seizure
            && trig.roles == Roles::Svo
            && (s.object_actor_adjacent(m.last).is_some()
                || matches!(s.words.get(m.last + 1), Some(&("while" | "during"))))
        {
            // "captured soldiers", "soldiers captured while fighting": people taken, not
            // territory
            return Vec::new();
        }

        // date: a time expression of the sentence, nearest the trigger; else the story's date
        let main = || state.in_force.or_else(|| dct.map(day));
        // "came two days after Aliyev said his troops had captured Shusha", "talks on Thursday,
        // a day after the separatists agreed to disarm": that long before the main clause's
        // day (its own time, else the story's)
        let (date, date_explicit) = match s.offset_clause(m.first) {
            Some(o) => {
                let (base, explicit) = match o.base {
                    Some(d) => (Some(d), true),
                    None => (main(), false),
                };
                let shifted = base
                    .filter(|d| d.precision == TimePrecision::Day)
                    .and_then(|d| d.date.checked_add_signed(chrono::Duration::days(o.days)))
                    .map(|date| match o.precision {
                        // (a week is told by its Monday)
                        TimePrecision::Week => EventDate {
                            date: date
                                - chrono::Duration::days(i64::from(
                                    chrono::Datelike::weekday(&date).num_days_from_monday(),
                                )),
                            precision: o.precision,
                        },
                        _ => EventDate {
                            date,
                            precision: o.precision,
                        },
                    });
                (shifted.or(base), explicit)
            }
            None => match s.date_for(m.first, m.last, is_violent(t)) {
                Some(d) => (Some(d), true),
                // "The fighting erupted on May 23 ... Gunmen poured into the streets": the
                // episode the sentence before told by its date goes on
                None => match state.flashback {
                    Some((d, k))
                        if k + 1 == state.sentence_no
                            && !s.has_times()
                            && !s.recent_span()
                            && !s.present_perfect_before(m.first) =>
                    {
                        (Some(d), false)
                    }
                    _ => (main(), false),
                },
            },
        };
        if let (Some(d), Some(p)) = (date, dct) {
            if d.date > p {
                return Vec::new(); // future or scheduled: not an event yet
            }
            if date_explicit
                && d.precision == TimePrecision::Day
                && (p - d.date).num_days() <= STORY_WINDOW_DAYS
            {
                state.in_force = Some(d);
            }
        }

        // actors
        let (mut agents, mut targets) = s.roles(trig.roles, m.first, m.last);
        // "launched an offensive ... and has since pushed into X": the subject of the verb
        // before the "and"
        if trig.roles == Roles::Svo
            && !s.is_passive_at(m.first)
            && !state.sentence_agents.is_empty()
            && s.coordinated_verb(m.first)
        {
            targets.retain(|a| !state.sentence_agents.contains(a));
            agents = state.sentence_agents.clone();
        }
        // "the schoolgirls they abducted": the pronoun, not the people before it, acts
        if trig.roles == Roles::Svo
            && !agents.is_empty()
            && agents.iter().all(is_civilian_side)
            && !s.is_passive_at(m.first)
            && s.pronoun_agent(m.first, trig.roles).is_some()
        {
            for a in agents.drain(..) {
                if !targets.contains(&a) {
                    targets.push(a);
                }
            }
        }
        if agents.is_empty() && trig.roles != Roles::Parties {
            // "they overran": the story's last agent; "Russia said it had withdrawn": the speaker
            // "they overran" with no agent told yet: the last armed actor named before it
            if let Some(speaker) = s.pronoun_agent(m.first, trig.roles) {
                agents = match speaker {
                    Some(a) => vec![a],
                    None if !state.last_agents.is_empty() => state.last_agents.clone(),
                    None => s.last_armed_before(m.first).into_iter().collect(),
                };
            }
        }
        // "a U.S. military unit was evacuated": forces pulled out are who withdrew
        if t == EventType::Withdrawal && agents.is_empty() && s.is_passive_at(m.first) {
            agents.append(&mut targets);
        }
        // "Planes carrying freed detainees landed": a craft is no side of a release, a
        // meeting or an arrest
        if !is_violent(t) {
            agents.retain(|a| {
                let name = crate::text::fold(&a.name);
                let head = name.rsplit(' ').next().unwrap_or(&name);
                !self.machines.contains(head)
            });
        }
        // "protesters stormed the parliament": a crowd's force is a (violent) demonstration
        if matches!(t, EventType::Assault | EventType::Seizure)
            && trig.roles == Roles::Svo
            && !s.is_passive_at(m.first)
            && !agents.is_empty()
            && agents.iter().all(|a| {
                matches!(
                    a.actor_type,
                    Some(ActorType::Protesters | ActorType::Rioters)
                )
            })
        {
            t = EventType::Protest;
        }
        // the people acted on are never the agents of force or release ("freed prisoners",
        // "their families left"): civilians move to the targets
        let civilian_subject = !agents.is_empty() && agents.iter().all(is_civilian_side);
        if t != EventType::Protest {
            let (civil, armed): (Vec<Actor>, Vec<Actor>) =
                agents.into_iter().partition(is_civilian_side);
            agents = armed;
            for c in civil {
                if !targets.contains(&c) {
                    targets.push(c);
                }
            }
        }
        // "families linked to the militia fled east": people who flee are no forces withdrawing
        if t == EventType::Withdrawal
            && civilian_subject
            && trig.roles == Roles::Svo
            && !s.is_passive_at(m.first)
        {
            return Vec::new();
        }
        // "a young woman was shot when police used live rounds": the "when" clause names who
        // fired
        if agents.is_empty() && is_violent(t) && s.passive_trigger(m.first) {
            agents.extend(s.agent_of_when_clause(m.last));
        }
        // "in an attack claimed by Islamic State", "a car bomb that police blamed on the
        // militants": the group claimed or blamed did it (not the police who blame)
        if is_violent(t) && !agents.iter().any(crate::actors::is_armed_group) {
            if let Some(group) = s.claimed_by(m.first) {
                agents = vec![group];
            }
        }
        // "inmates escaped after gunmen blasted their way into the prison": a jailbreak frees
        // them by the armed group that attacked, else the story's attacker
        if agents.is_empty() && t == EventType::PrisonerRelease && civilian_subject {
            agents = s
                .non_state_armed_in_sentence()
                .map(|a| vec![a])
                .unwrap_or_else(|| {
                    state
                        .last_attackers
                        .iter()
                        .filter(|a| a.actor_type != Some(ActorType::StateForces))
                        .cloned()
                        .collect()
                });
        }
        // "more than 100 of the girls seized from the college had been freed": captives
        // whose release names no one were freed by the armed group that took them
        if agents.is_empty()
            && t == EventType::PrisonerRelease
            && !state.last_captors.is_empty()
            && targets.iter().any(is_civilian_side)
        {
            agents = state.last_captors.clone();
        }
        // "an agreement reached in Sweden in 2018": a meeting or deal that names no party is
        // between the parties of the story's last one
        // "The two sides swapped 40 prisoners", "both sides agreed", "envoys of the two
        // generals met": the sides of the fighting
        let two_sides = s.words.windows(2).any(|w| {
            matches!(w[0], "two" | "both" | "warring" | "opposing" | "rival")
                && matches!(
                    w[1],
                    "sides" | "parties" | "camps" | "generals" | "factions" | "armies"
                )
        });
        if two_sides && trig.roles == Roles::Parties && !is_violent(t) {
            if let Some(sides) = &state.last_sides {
                agents = sides.clone();
            }
        }
        if agents.is_empty() && trig.roles == Roles::Parties && !is_violent(t) {
            // ... else, for an exchange or a truce "between the two sides", the sides of
            // the last fighting
            if let Some(p) = state.last_parties.as_ref().or(state.last_sides.as_ref()) {
                agents = p.clone();
            }
        }
        // a town that fell, a place taken, a bomb that went off, rockets that struck: by
        // whoever has been attacking in this story (a bomb or an abduction only by a non-state
        // attacker; aircraft are not inferred)
        // "the defence ministry said air strikes had hit ...": a state reporting strikes no one
        // else is named for flew them
        if agents.is_empty() && t == EventType::AirStrike {
            if let Some(cc) = s.state_speaker_before(m.first).and_then(|a| a.country) {
                agents.extend(state_forces(&cc));
            }
        }
        state.inferred_agents = false;
        if agents.is_empty() && is_violent(t) && t != EventType::AirStrike {
            state.inferred_agents = true;
            agents = state.last_attackers.clone();
            if matches!(t, EventType::Bombing | EventType::AttackOnCivilians) {
                agents.retain(|a| a.actor_type != Some(ActorType::StateForces));
            }
        }
        if t == EventType::Protest {
            let protesters = s.actors_of_type(&[ActorType::Protesters, ActorType::Rioters]);
            let states = s.actors_of_type(&[ActorType::StateForces]);
            // whoever marches is, in the dataset's terms, a protester
            agents = if protesters.is_empty() {
                // "Thousands of STC supporters rallied": the crowd named by who they are
                let name = s
                    .crowd_before(m.first)
                    .unwrap_or_else(|| "Protesters".into());
                vec![Actor {
                    name,
                    actor_type: Some(ActorType::Protesters),
                    country: state.main_country.clone(),
                }]
            } else {
                protesters
            };
            targets = states;
        }
        // place: tied to the trigger, else in the sentence, else the story's focus; places
        // coordinated with it ("captured Shire, Alamata and Korem") are events of their own
        let subject_first = (trig.roles == Roles::FellTo && !fall_of) || s.is_passive_at(m.first);
        let mut places: Vec<(Option<String>, Option<Place>, usize)> = Vec::new();
        let there = s
            .there_before(m.first)
            .then(|| state.focus_place.clone())
            .flatten();
        let tied = if there.is_some() {
            None
        } else {
            s.place_for(m.first, m.last, subject_first, t == EventType::Withdrawal)
        };
        // "Russia and Ukraine each handed over 100 prisoners in a swap": the two states that
        // open the clause are the sides of an exchange, a meeting or a deal, not its place
        let tied = tied.filter(|&i| {
            !(matches!(
                t,
                EventType::PrisonerRelease | EventType::Talks | EventType::Agreement
            ) && s.states_open_clause(i, m.first))
        });
        if let Some((text, p)) = there {
            places.push((Some(text), Some(p), 0));
        } else if s.country_anaphor_after(m.last)
            && tied.is_none_or(|i| !s.place_is_after(i, m.last))
        {
            places.push((None, state.country_place.clone(), 0));
        } else {
            match tied {
                Some(i) => {
                    for j in std::iter::once(i).chain(s.coordinated_places(i, m.last)) {
                        if let Some((text, p, at)) = s.place_of(j) {
                            places.push((Some(text), Some(p), at));
                        }
                    }
                }
                None if s.unresolved_place_tied(m.last) => {
                    places.push((None, state.country_place.clone(), 0));
                }
                // no place yet in the story: the story's country, at country precision
                // "the town", "the province" with no name: the one the story names most
                None => {
                    // (a town in focus the story named as a town, a city, a capital or a
                    // port stays the referent: "Shibirghan, capital of Jowzjan province ...
                    // the city's prison")
                    let bare_focus = state
                        .focus_place
                        .as_ref()
                        .is_some_and(|(_, p)| !state.called.contains(&p.name));
                    // ("In Yangon, ... Police later arrested 300 demonstrators in the city": a
                    // big city in focus is "the city" whatever the story called it)
                    let small_focus = state
                        .focus_place
                        .as_ref()
                        .is_some_and(|(_, p)| !roles::is_big_city(p));
                    // ("took Gharyan, a town in the mountains ... some 30km south of the city
                    // centre": a place the story called a town is no "city"; the city is the
                    // big one the story named last)
                    let town_focus = state.focus_place.as_ref().is_some_and(|(_, p)| {
                        state
                            .called_town
                            .as_ref()
                            .is_some_and(|(_, t)| t.name == p.name)
                    });
                    let story = match s.story_place_anaphor() {
                        Some(roles::StoryPlace::Town) if bare_focus => state.called_town.as_ref(),
                        Some(roles::StoryPlace::City) if bare_focus && small_focus => {
                            state.called_city.as_ref()
                        }
                        Some(roles::StoryPlace::City) if town_focus => {
                            state.called_city.as_ref().or(state.big_city.as_ref())
                        }
                        Some(roles::StoryPlace::Area) => state.named_area.as_ref(),
                        // "On Sunday, soldiers patrolling the outskirts of the city ...", with no
                        // town in focus: the town of the dateline the story was filed from
                        Some(roles::StoryPlace::City | roles::StoryPlace::Town)
                            if state.focus_place.is_none() =>
                        {
                            state.dateline_town.as_ref()
                        }
                        _ => None,
                    };
                    // (talks go on at their venue; a deal is struck there when told next
                    // ("The two delegations agreed there ..."), but a truce told later is
                    // about the war's ground: "a 72-hour ceasefire brokered by Washington")
                    let venue = state.venue.as_ref().filter(|_| {
                        t == EventType::Talks
                            || (t == EventType::Agreement
                                && state.sentence_no <= state.venue_sentence + 1)
                    });
                    places.push(
                        match story
                            .or(venue)
                            .or(state.focus_place.as_ref())
                            .or(state.focus_area.as_ref())
                        {
                            Some((text, p)) => (Some(text.clone()), Some(p.clone()), 0),
                            None => (None, state.country_place.clone(), 0),
                        },
                    )
                }
            }
        }
        // "briefly held the Sayedabad neighbourhood": a quarter of the town in focus, not a
        // far place of the same name
        if let (Some(i), Some((ft, fp))) = (tied, state.focus_place.as_ref()) {
            let far = places[0]
                .1
                .as_ref()
                .is_some_and(|p| crate::places::distance_km(p, fp) > QUARTER_KM);
            if far && s.names_quarter(i) && fp.precision == GeoPrecision::Point {
                places.truncate(1);
                places[0] = (Some(ft.clone()), Some(fp.clone()), places[0].2);
            }
        }
        let place = places[0].1.clone();
        state.truce_scope = t == EventType::Agreement && tied.is_some_and(|i| s.truce_scope(i));
        state.own_place = tied.is_some()
            && places[0].0.is_some()
            && !tied.is_some_and(|i| {
                t == EventType::PrisonerRelease && s.place_in_subject_relative(i, m.first)
            });
        // "the fighters rounded up eight men from a village": an armed group does not arrest,
        // it abducts (ACLED: violence against civilians); fighters or soldiers it detains are
        // no civilians ("the SDF arrested twelve suspected Islamic State members")
        let abducted = t == EventType::Arrest
            && !agents.is_empty()
            && agents.iter().all(|a| {
                matches!(
                    a.actor_type,
                    Some(
                        ActorType::Rebels
                            | ActorType::PoliticalMilitia
                            | ActorType::IdentityMilitia
                    )
                )
            })
            && targets
                .iter()
                .all(|a| matches!(a.actor_type, None | Some(ActorType::Civilians)));
        if abducted {
            t = EventType::AttackOnCivilians;
        }
        // "the storming of the main protest camp", "police attacked demonstrators": force on
        // a crowd is violence against civilians (ACLED: excessive force against protesters);
        // "gunmen stormed the school", "a similar assault on the Asasey hotel": so is a
        // non-state armed group's assault on a place of civilian life; so is a place of
        // civilian life overrun where the sentence names civilians hurt ("overran the clinic,
        // killing four nurses")
        if t == EventType::Assault || (t == EventType::Seizure && s.civilians_hurt()) {
            let hit = if s.protest_object_after(m.first, m.last) {
                Some(ActorType::Protesters)
            } else if (agents
                .iter()
                .all(|a| a.actor_type.is_none() || crate::actors::is_armed_group(a))
                // "soldiers stormed a residential compound, killing a journalist": any
                // force's attack on such a place that hurt civilians
                || s.civilians_hurt())
                && s.object_word_after(m.first, m.last, |w| self.civil_sites.contains(w))
            {
                Some(ActorType::Civilians)
            } else {
                None
            };
            if let Some(side) = hit {
                t = EventType::AttackOnCivilians;
                targets.retain(is_civilian_side);
                if targets.is_empty() {
                    targets.push(generic_side(side));
                }
            }
        }
        // "police detained three civil society activists", "arrested Ovidio Guzman": the
        // people arrested, as written, when no actor names them
        if t == EventType::Arrest
            && targets.is_empty()
            && trig.roles == Roles::Svo
            && !s.is_passive_at(m.first)
        {
            // "detained dozens of men suspected of links to Islamic State": the group they
            // are tied to
            if let Some(group) = s.affiliated_group_after(m.last) {
                targets.push(group);
            } else if let Some(people) =
                s.people_after(m.last, |w| self.quantities.value(w).is_some())
            {
                targets.push(Actor {
                    name: people,
                    actor_type: None,
                    country: None,
                });
            }
        }
        // "two suspects were detained near the scene": the passive's subject; "Mamu was
        // arrested", "the governor, Dawood Laghmani, was arrested": the person, as written
        if t == EventType::Arrest && targets.is_empty() && s.is_passive_at(m.first) {
            if let Some(people) = s
                .people_before_passive(m.first, |w| self.quantities.value(w).is_some())
                .or_else(|| s.person_before_passive(m.first))
            {
                targets.push(Actor {
                    name: people,
                    actor_type: None,
                    country: None,
                });
            }
        }
        // "the government freed the opposition politician Jawar Mohammed", "Sentsov was
        // released in the swap": a release that names the person freed and no side frees
        // that person, as written
        if t == EventType::PrisonerRelease && targets.is_empty() && trig.roles == Roles::Svo {
            let person = if s.is_passive_at(m.first) {
                s.person_before_passive(m.first)
            } else {
                s.people_after(m.last, |w| self.quantities.value(w).is_some())
                    .filter(|p| is_personal_name(p))
            };
            if let Some(name) = person {
                targets.push(Actor {
                    name,
                    actor_type: None,
                    country: None,
                });
            }
        }
        // "Russian missiles hit Zaporizhzhia overnight, killing one person": remote violence
        // whose sentence names no armed side it hit, and counts people hurt, hit civilians
        if matches!(
            t,
            EventType::AirStrike | EventType::Shelling | EventType::Bombing
        ) && !targets.iter().any(|a| s.mentions_actor(&a.name))
            && s.civilians_hurt()
        {
            targets = vec![generic_side(ActorType::Civilians)];
        }
        // "gunmen shot dead five policemen", "five soldiers were shot dead": a shooting whose
        // victims are all armed men (not a government's officials) is an assault, not violence
        // against civilians
        if t == EventType::AttackOnCivilians
            && trig.sub_event.as_deref() == Some("Attack")
            && !targets.is_empty()
            && targets.iter().all(|a| {
                crate::actors::is_armed_group(a)
                    || (a.actor_type == Some(ActorType::StateForces) && names_armed_men(a))
            })
        {
            t = EventType::Assault;
        }
        // violence against civilians is, by definition, against civilians
        if t == EventType::AttackOnCivilians && !targets.iter().any(is_civilian_side) {
            targets.insert(0, generic_side(ActorType::Civilians));
        }
        if is_violent(t) && targets.is_empty() {
            targets = default_target(t, &agents, place.as_ref(), state, state_forces, s);
        }
        // "dozens of militants surrendered": to the side that has been attacking them
        if t == EventType::Surrender && targets.is_empty() {
            targets = state
                .last_attackers
                .iter()
                .filter(|a| !agents.contains(a))
                .cloned()
                .collect();
            if targets.is_empty() {
                targets = default_target(t, &agents, place.as_ref(), state, state_forces, s);
            }
        }
        // "443 of the escapees had been recaptured": arrests are made by the state's forces
        if t == EventType::Arrest && agents.is_empty() {
            let cc = place
                .as_ref()
                .map(|p| p.country_code.clone())
                .or_else(|| state.main_country.clone());
            agents
                .extend(cc.and_then(|cc| s.named_state_forces(&cc).or_else(|| state_forces(&cc))));
        }
        // aircraft are flown by a state's forces, not by its government or a ministry; and
        // no ministry storms or clears a town ("the ministry said its troops had cleared it")
        if is_violent(t) {
            for a in agents.iter_mut() {
                let ministry = a.actor_type == Some(ActorType::StateForces)
                    && a.name.to_lowercase().contains("ministry");
                if (t == EventType::AirStrike && is_civil_state(a)) || ministry {
                    if let Some(f) = a.country.as_deref().and_then(state_forces) {
                        *a = f;
                    }
                }
            }
        }
        targets.retain(|a| !agents.iter().any(|g| g.name == a.name));
        if is_diplomacy(t) && agents.len() >= 2 {
            state.last_parties = Some(agents.clone());
        }
        let armed_side = |a: &Actor| {
            !is_civilian_side(a) && a.actor_type.is_some_and(|t| t != ActorType::Civilians)
        };
        if is_violent(t)
            && !agents.is_empty()
            && agents.iter().all(armed_side)
            && targets.iter().any(armed_side)
        {
            let mut sides = agents.clone();
            sides.extend(targets.iter().filter(|a| armed_side(a)).cloned());
            state.last_sides = Some(sides);
        }
        let abduction = seized_people
            || trig
                .sub_event
                .as_deref()
                .is_some_and(|e| e.starts_with("Abduction"));
        if t == EventType::AttackOnCivilians && abduction && !agents.is_empty() {
            state.last_captors = agents
                .iter()
                .filter(|a| a.actor_type != Some(ActorType::StateForces))
                .cloned()
                .collect();
        }
        if !agents.is_empty() && trig.roles != Roles::Parties {
            state.sentence_agents = agents.clone();
            state.last_agents = agents.clone();
            if is_violent(t) && t != EventType::AttackOnCivilians {
                state.last_attackers = agents.clone();
            }
        }
        let fatalities = if is_violent(t) {
            fatalities::nearest_toll(self.tolls(s), m.first, m.last)
        } else {
            None
        };
        let Some(codes) = self.ontology.codes(t) else {
            return Vec::new();
        };
        // ACLED codes: people seized are abducted; else the first refinement rule that fits
        // (sub_events.tsv); else the trigger's sub-event type; else the type's default
        let refined = self.ontology.refine(
            t,
            &s.words,
            m.first,
            m.last,
            ontology::Sides {
                agent: agents.first().and_then(|a| a.actor_type),
                target: targets.first().and_then(|a| a.actor_type),
            },
        );
        let (acled_event_type, sub_event) = match (refined, &trig.sub_event) {
            _ if seized_people || abducted => (
                codes.acled_event_type.clone(),
                "Abduction/forced disappearance".to_string(),
            ),
            (Some(r), _) => (r.acled_event_type.clone(), r.acled_sub_event_type.clone()),
            (None, Some(sub)) => (codes.acled_event_type.clone(), sub.clone()),
            (None, None) => (
                codes.acled_event_type.clone(),
                codes.acled_sub_event_type.clone(),
            ),
        };
        let sent = s.span;
        let evidence = Evidence {
            doc_id: article.id.clone(),
            source: article.source.clone(),
            url: article.url.clone(),
            published: article.published,
            sentence: article.text[sent.start..sent.end].to_string(),
            span: sent,
            char_start: chars.char_offset(sent.start),
            char_end: chars.char_offset(sent.end),
            trigger: s.text_of(m.first, m.last).to_string(),
            rule: format!("triggers.tsv:{} ({})", trig.line, trig.text),
        };
        let mut confidence: f32 = 0.4;
        if date_explicit {
            confidence += 0.15;
        }
        if !agents.is_empty() {
            confidence += 0.15;
        }
        if place.is_some() {
            confidence += 0.15;
        }
        if m.specific || m.last > m.first {
            confidence += 0.1;
        }
        places
            .into_iter()
            .map(|(location, place, at)| Event {
                id: event_id(
                    &article.id,
                    t,
                    evidence.char_start,
                    s.char_of(m.first, chars) + chars.char_offset(at),
                ),
                event_type: t,
                acled_event_type: acled_event_type.clone(),
                acled_sub_event_type: sub_event.clone(),
                cameo_code: codes.cameo.clone(),
                date,
                date_explicit,
                agents: agents.clone(),
                targets: targets.clone(),
                location,
                place,
                fatalities,
                evidence: vec![evidence.clone()],
                confidence: confidence.min(1.0),
            })
            .collect()
    }
}

/// What an event's own report left implicit (kept beside the events of an article while
/// they are read).
#[derive(Debug, Clone, Copy)]
struct EventMeta {
    /// Its place was named in its own sentence (not the story's focus or country).
    own_place: bool,
    /// Its agents were not named for it but inferred from the story (its last attacker).
    inferred_agents: bool,
    /// A truce placed by the ground it covers ("a ceasefire in Hodeidah").
    truce_scope: bool,
    /// Told by a clause inside a time adjunct ("hours after the rebels captured X"): no
    /// scene of the story.
    background: bool,
}

/// What the extractor remembers while reading an article.
struct ArticleState {
    /// The date of the story being told (the lead event's), inherited by undated events.
    in_force: Option<EventDate>,
    /// The last town-level place mentioned ("the city" refers back to it).
    focus_place: Option<(String, Place)>,
    /// The last province or district mentioned, the place of events while no town is in focus.
    focus_area: Option<(String, Place)>,
    /// Where the last meeting or deal with a place of its own was held ("talks in Mecca"): the
    /// place of later talks told without one, not of the fighting the story goes back to.
    venue: Option<(String, Place)>,
    /// The sentence that named the venue.
    venue_sentence: usize,
    /// The last place the story called a town (or village), and a city ("the mountain town of
    /// Gharyan", "Bara, a town on the road to Omdurman"), and the last province or district it
    /// named: what "the town", "the city" or "the province" with no name of its own refers
    /// to, even where a town was named bare since ("the push on Tripoli").
    called_town: Option<(String, Place)>,
    called_city: Option<(String, Place)>,
    /// The last big city the story named ([`roles::is_big_city`]).
    big_city: Option<(String, Place)>,
    /// The names of the towns so called (by any of those nouns).
    called: Vec<String>,
    named_area: Option<(String, Place)>,
    /// The agents of the last event that named them.
    last_agents: Vec<Actor>,
    /// The agents of the last assault or seizure that named them.
    last_attackers: Vec<Actor>,
    /// The country most places of the article are in.
    main_country: Option<String>,
    /// The same country as a country-precision place.
    country_place: Option<Place>,
    /// Did the last event built take its place from its own sentence?
    own_place: bool,
    /// Were the last event's agents inferred from the story, not named for it?
    inferred_agents: bool,
    /// Was the last event built a truce placed by the ground it covers?
    truce_scope: bool,
    /// The parties of the last meeting or deal that named two or more.
    last_parties: Option<Vec<Actor>>,
    /// The two sides of the last violence between armed actors (its agents and targets).
    last_sides: Option<Vec<Actor>>,
    /// The agents of the last event of the current sentence that named them.
    sentence_agents: Vec<Actor>,
    /// The non-state agents of the last abduction ("the schoolgirls they abducted"): who
    /// holds the captives a later "were freed" frees.
    last_captors: Vec<Actor>,
    /// The date of the last event a sentence told explicitly when it lies before the story's
    /// week ("The fighting erupted on May 23"), with that sentence's number: the next
    /// sentence, told with no time of its own, goes on with that episode ("Gunmen poured
    /// into the streets").
    flashback: Option<(EventDate, usize)>,
    /// The town of the article's dateline ("CULIACAN, Mexico -"): "the city" of a story with
    /// no town in focus.
    dateline_town: Option<(String, Place)>,
    /// The number of the sentence being read.
    sentence_no: usize,
}

/// A person's name as [`roles::Sentence::people_after`] reads it: two words or more, each
/// capitalised ("Jawar Mohammed"; not "Suspects", not "dozens of men").
fn is_personal_name(s: &str) -> bool {
    let mut n = 0;
    for w in s.split_whitespace() {
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// The generic side of a type ("Civilians", "Protesters"), as the actor stage names it.
fn generic_side(t: ActorType) -> Actor {
    let name = match t {
        ActorType::Protesters => "Protesters",
        ActorType::Rioters => "Rioters",
        _ => "Civilians",
    };
    Actor {
        name: name.into(),
        actor_type: Some(t),
        country: None,
    }
}

fn day(d: NaiveDate) -> EventDate {
    EventDate {
        date: d,
        precision: TimePrecision::Day,
    }
}

/// Where the story begins: at its wire dateline ("NAIROBI, Kenya (AP) —") when one opens a
/// line near the top; what comes before (photo captions, an "Updated ..." stamp) is page
/// furniture whose dates are not the story's. 0 without a dateline.
fn story_start(body: &str) -> usize {
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        if at > 3000 {
            break;
        }
        // (the first 120 chars, borrowed)
        let head = &line[..line.char_indices().nth(120).map_or(line.len(), |(i, _)| i)];
        let first = head
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let capital_name = first.chars().count() > 2 && !first.chars().any(char::is_lowercase);
        let wire_dash = [" - ", " -- ", " — ", " – "]
            .iter()
            .any(|d| head.contains(d));
        if capital_name && wire_dash && head[first.len()..].starts_with([',', ' ']) {
            return at;
        }
        at += line.len();
    }
    0
}

/// The end of the article's headline: a first line of 3 to 25 words with no sentence end
/// ("Ukraine says it has retaken Robotyne in the south"), with more text after it.
fn headline_end(body: &str) -> Option<usize> {
    let lead = body.len() - body.trim_start().len();
    let line_end = lead + body[lead..].find('\n')?;
    let line = body[lead..line_end].trim_end();
    let words = line.split_whitespace().count();
    let ends_sentence = line.ends_with(['.', '!', '?', ':', '"', '\u{201d}']);
    (!ends_sentence && (3..=25).contains(&words) && !body[line_end..].trim().is_empty())
        .then_some(line_end)
}

/// A headline tells, in brief, the event its story tells in full: an event of the headline
/// folds into the story's first event of its type (which keeps its own date, place and sides,
/// and gains the headline as evidence); one the story does not tell again stays.
fn fold_headline_events(events: &mut Vec<Event>, headline_end: Option<usize>) {
    let Some(end) = headline_end else { return };
    let in_headline = |e: &Event| e.evidence.first().is_some_and(|x| x.span.start < end);
    let mut k = 0;
    while k < events.len() {
        let told_again = if in_headline(&events[k]) {
            let t = events[k].event_type;
            events
                .iter()
                .position(|o| o.event_type == t && !in_headline(o))
        } else {
            None
        };
        match told_again {
            Some(j) => {
                let headline = events.remove(k);
                let j = if j > k { j - 1 } else { j };
                let story = &mut events[j];
                // "Istanbul airport reopens after terror attack" over a story that places it
                // in Turkey: the headline's town, inside the story's region, is finer
                let finer = match (&headline.place, &story.place) {
                    (Some(h), Some(p)) => {
                        h.precision == GeoPrecision::Point
                            && p.precision != GeoPrecision::Point
                            && h.country_code == p.country_code
                            && (p.precision == GeoPrecision::Country || h.admin1 == p.admin1)
                    }
                    _ => false,
                };
                if finer {
                    story.place = headline.place;
                    story.location = headline.location;
                }
                story.evidence.extend(headline.evidence);
            }
            None => k += 1,
        }
    }
}

/// Is `d` the date of an episode before the story's week, told by its day, week or month
/// (a background year is no episode)?
fn flashback_date(d: EventDate, dct: Option<NaiveDate>) -> bool {
    let end = match d.precision {
        TimePrecision::Day => d.date,
        TimePrecision::Week => d.date + chrono::Duration::days(6),
        TimePrecision::Month => {
            // the month's last day
            let next = d.date + chrono::Duration::days(32);
            next - chrono::Duration::days(i64::from(chrono::Datelike::day(&next)))
        }
        _ => return false,
    };
    dct.is_some_and(|p| (p - end).num_days() > STORY_WINDOW_DAYS)
}

/// The story's date: the first day-precision date of the body (from its dateline on) in the
/// week before publication.
fn story_date(
    times: &[TimeMention],
    dct: Option<NaiveDate>,
    start: usize,
    body_end: usize,
) -> Option<EventDate> {
    let dct = dct?;
    times
        .iter()
        .filter(|t| t.span.start >= start && t.span.end <= body_end)
        .filter_map(|t| t.date)
        .find(|d| {
            d.precision == TimePrecision::Day
                && d.date <= dct
                && (dct - d.date).num_days() <= STORY_WINDOW_DAYS
        })
}

/// The country most resolved places of an article are in (ties: the first mentioned).
pub fn main_country(places: &[PlaceMention]) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for p in places.iter().filter_map(|m| m.place.as_ref()) {
        match counts.iter_mut().find(|(c, _)| *c == p.country_code) {
            Some((_, n)) => *n += 1,
            None => counts.push((p.country_code.clone(), 1)),
        }
    }
    counts
        .into_iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(c, _)| c)
}

/// Civilians and protesters: the side acted on, not an armed agent.
pub(super) fn is_civilian_side(a: &Actor) -> bool {
    matches!(
        a.actor_type,
        Some(ActorType::Civilians) | Some(ActorType::Protesters)
    )
}

/// Which of one sentence's events a toll told after it counts: remote violence (the bomb
/// that went off) before the violence against civilians or the clash around it.
fn toll_precedence(t: EventType) -> u8 {
    match t {
        EventType::Bombing | EventType::AirStrike | EventType::Shelling => 0,
        EventType::AttackOnCivilians => 1,
        _ => 2,
    }
}

/// A death toll this large is a war's or a campaign's count, not one event's.
const AGGREGATE_TOLL: u32 = 1000;
/// Words that make a toll the sum of many events ("the war has killed 300", "killed since
/// May"; "so far" too), not the toll of the violence just told.
const TOLL_OF_MANY: &[&str] = &[
    "war",
    "conflict",
    "insurgency",
    "since",
    "total",
    "year",
    "years",
    "months",
    "weeks",
    "tally",
    "overall",
    "altogether",
];

/// Meetings and deals: told where they were held, away from the scene of the fighting.
fn is_diplomacy(t: EventType) -> bool {
    matches!(t, EventType::Talks | EventType::Agreement)
}

/// Types where one side acts on another by force.
pub fn is_violent(t: EventType) -> bool {
    matches!(
        t,
        EventType::Assault
            | EventType::Seizure
            | EventType::AirStrike
            | EventType::Shelling
            | EventType::Bombing
            | EventType::AttackOnCivilians
    )
}

/// The other side when the sentence names none: a non-state agent fights the state forces of
/// the country it fights in; state forces fight the non-state armed actor last mentioned.
fn default_target(
    t: EventType,
    agents: &[Actor],
    place: Option<&Place>,
    state: &ArticleState,
    state_forces: StateForces<'_>,
    s: &roles::Sentence<'_>,
) -> Vec<Actor> {
    let civilians = || generic_side(ActorType::Civilians);
    let Some(agent) = agents.first() else {
        // a bomb with no one named behind it or against it hit the people around it
        return if t == EventType::Bombing {
            vec![civilians()]
        } else {
            Vec::new()
        };
    };
    let cc = place
        .map(|p| p.country_code.clone())
        .or_else(|| state.main_country.clone());
    // the other side of the fighting the story told last, when the agent was one side of it
    // ("federal troops had taken full control of Mekelle" after their battle with the TPLF)
    let other_side = || {
        let sides = state.last_sides.as_ref()?;
        if !sides.iter().any(|a| a.name == agent.name) {
            return None;
        }
        sides
            .iter()
            .find(|a| !agents.iter().any(|g| g.name == a.name))
            .cloned()
    };
    match agent.actor_type {
        // a state's violence: a non-state armed side of the sentence, else the civilians the
        // sentence names ("destroyed the theatre where hundreds of civilians were
        // sheltering"), else the other side of the story's last fighting, else the story's
        // armed group, else the other state at war
        Some(ActorType::StateForces) | Some(ActorType::External) => s
            .non_state_armed_in_sentence()
            .or_else(|| s.civilians_in_sentence().map(|_| civilians()))
            .or_else(other_side)
            .or_else(|| s.last_armed_non_state_before())
            .or_else(|| s.last_foreign_state_before(agent.country.as_deref()))
            .map(|a| vec![a])
            .unwrap_or_default(),
        // a bomb with no one named against it: the state if the sentence names it, else the
        // people around it
        _ if t == EventType::Bombing => {
            vec![s.state_in_sentence(agent).unwrap_or_else(civilians)]
        }
        // the state where it happened, if the sentence names it; else another armed side of
        // the sentence; else that state as the story names it
        _ => cc
            .as_deref()
            .and_then(|cc| s.state_forces_in_sentence(cc))
            .filter(|f| f != agent)
            .or_else(|| s.other_armed_in_sentence(agent))
            .or_else(other_side)
            .or_else(|| cc.and_then(|cc| s.named_state_forces(&cc).or_else(|| state_forces(&cc))))
            .filter(|f| f != agent)
            .map(|f| vec![f])
            .unwrap_or_default(),
    }
}

/// Nouns of an unnamed settlement ("an overnight raid on a village in northern Burkina Faso").
const UNNAMED_SETTLEMENTS: [&str; 6] = [
    "a village",
    "a town",
    "a small town",
    "a remote village",
    "a border town",
    "a district",
];

/// "Gunmen killed 132 people in a raid on a village in northern Burkina Faso ... The
/// assailants struck Solhan": an event placed only at country level by a sentence that
/// speaks of an unnamed village takes the next town of that country the story names (within
/// the next three sentences' worth of text).
fn name_unnamed_villages(events: &mut [Event], places: &[PlaceMention]) {
    const LOOKAHEAD_BYTES: usize = 600;
    for ev in events.iter_mut() {
        let Some(p) = &ev.place else { continue };
        if p.precision != GeoPrecision::Country {
            continue;
        }
        let Some(e) = ev.evidence.first() else {
            continue;
        };
        let sentence = e.sentence.to_lowercase();
        if !UNNAMED_SETTLEMENTS.iter().any(|u| sentence.contains(u)) {
            continue;
        }
        let cc = p.country_code.clone();
        let from = e.span.end;
        let named = places.iter().find(|m| {
            m.span.start >= from
                && m.span.start < from + LOOKAHEAD_BYTES
                && m.place
                    .as_ref()
                    .is_some_and(|q| q.precision == GeoPrecision::Point && q.country_code == cc)
        });
        if let Some(m) = named {
            ev.location = Some(m.text.clone());
            ev.place = m.place.clone();
        }
    }
}

/// Folds `ev`, a definite reference back to `into` with a date of its own ("The deal was
/// signed late on Wednesday in Pretoria" after "the two sides agreed to a cessation of
/// hostilities"), into it when nothing they tell disagrees: dates that overlap or lie a day
/// apart (or one of them inherited), places that agree (or one of them not named in its own
/// sentence), sides that agree. The reference's stated date replaces an inherited one, its
/// own place one that was inherited or coarser. Else `ev` comes back: another event.
fn fold_reference(
    into: &mut Event,
    into_own_place: &mut bool,
    ev: Event,
    ev_own_place: bool,
) -> Option<Event> {
    // a date inherited from the story yields to a stated one within the story's week
    let dates_agree = match (into.date, ev.date) {
        (Some(a), Some(b)) => {
            let (a0, a1) = crate::graph::merge::date_range(&a);
            let (b0, b1) = crate::graph::merge::date_range(&b);
            let slack = chrono::Duration::days(if into.date_explicit && ev.date_explicit {
                1
            } else {
                STORY_WINDOW_DAYS
            });
            a0 - slack <= b1 && b0 - slack <= a1
        }
        _ => true,
    };
    let finer = |a: &Option<Place>, b: &Option<Place>| match (a, b) {
        (Some(a), Some(b)) => a.precision < b.precision,
        (Some(_), None) => true,
        _ => false,
    };
    let places_agree = !(*into_own_place && ev_own_place)
        || crate::graph::merge::places_compatible(into, &ev)
        || finer(&ev.place, &into.place);
    let sides_agree = crate::graph::merge::actors_compatible(&into.agents, &ev.agents);
    if !(dates_agree && places_agree && sides_agree) {
        return Some(ev);
    }
    if ev.date.is_some() && (!into.date_explicit || into.date.is_none()) && ev.date_explicit {
        into.date = ev.date;
        into.date_explicit = true;
    }
    if ev_own_place && (!*into_own_place || finer(&ev.place, &into.place)) {
        into.place = ev.place;
        into.location = ev.location;
        *into_own_place = true;
    }
    // the parties of a meeting or deal add up; a side of violence is only filled in
    let parties = is_diplomacy(into.event_type);
    for (mine, theirs) in [
        (&mut into.agents, ev.agents),
        (&mut into.targets, ev.targets),
    ] {
        if mine.is_empty() || parties {
            for a in theirs {
                if !mine.contains(&a) {
                    mine.push(a);
                }
            }
        }
    }
    into.fatalities = match (into.fatalities, ev.fatalities) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    into.confidence = into.confidence.max(ev.confidence);
    into.evidence.extend(ev.evidence);
    None
}

/// A state actor named for its civil government ("Afghan government", "Malian authorities",
/// "defence ministry").
fn is_civil_state(a: &Actor) -> bool {
    a.actor_type == Some(ActorType::StateForces) && {
        let n = a.name.to_lowercase();
        n.contains("government") || n.contains("authorities") || n.contains("ministry")
    }
}

/// Does a state actor's name say it is armed men ("policemen", "government soldiers"), not
/// a state as such ("Russia", hit in its ambassador) or its civil servants? (The actor
/// dictionary's `force` class is wider: it holds machines and ministries too.)
fn names_armed_men(a: &Actor) -> bool {
    let n = a.name.to_lowercase();
    [
        "soldier", "troop", "force", "army", "police", "militar", "guard",
    ]
    .iter()
    .any(|w| n.contains(w))
}

/// The modality kind of a claim of responsibility (`modality.tsv`).
const CLAIM: &str = "claim";
/// The modality kind of fighting that went on (`modality.tsv`).
const CONTINUATION: &str = "continuation";
/// The kind of the modality cue before a "since" that opens a reference clause.
const SINCE: &str = "since";

/// A stable event id: the same input gives the same id whatever the order of files or
/// threads. It hashes the doc id, type, sentence and trigger (plus place) character offsets.
/// (Speed: the [`short_hash`] of `"{doc}\u{1f}{t}\u{1f}{sentence_char}\u{1f}{trigger_char}"`,
/// the parts hashed as they are written, with no string formatted first.)
pub fn event_id(doc: &str, t: EventType, sentence_char: usize, trigger_char: usize) -> String {
    let mut h = Sha256::new();
    h.update(doc.as_bytes());
    h.update([0x1f]);
    h.update(t.as_str().as_bytes());
    let mut digits = itoa::Buffer::new();
    for n in [sentence_char, trigger_char] {
        h.update([0x1f]);
        h.update(digits.format(n).as_bytes());
    }
    h.update([0x1e]);
    hex8(h)
}

/// The first 8 bytes, in hex, of the SHA-256 of `parts` (each followed by a separator).
pub fn short_hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0x1e]);
    }
    hex8(h)
}

/// Does only a comma stand between tokens `i` and `i + 1` of `toks` ("1,200")?
fn comma_only_after(text: &str, toks: &[crate::text::Token<'_>], i: usize) -> bool {
    toks.get(i + 1)
        .zip(toks.get(i))
        .is_some_and(|(b, a)| text.get(a.span.end..b.span.start) == Some(","))
}

/// The first 8 bytes, in hex, of the hash `h` has taken in.
fn hex8(h: Sha256) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(16);
    for &b in &h.finalize()[..8] {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

#[cfg(test)]
mod digest;
#[cfg(test)]
mod tests;
