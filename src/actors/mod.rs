//! Actors stage: the actor dictionary and actor recognition.
//!
//! Knowledge lives in four files of the gazetteer directory:
//! - `actors.tsv`: named actors (armed groups, special state actors, international bodies) with
//!   aliases, ACLED type, country and the people who speak for them;
//! - `demonyms.tsv` and `actor_countries.tsv`: from them a state actor is made for every country
//!   ("Afghan forces", "the Nigerian government", "Kyiv", "Russia");
//! - `actor_nouns.tsv`: force and government nouns, descriptors ("the militants", "government
//!   forces", "residents"), head nouns of unknown actors ("Kaniyat militia"), and the words that
//!   give a country name or a capital an actor reading ("Moscow said").
//!
//! Recognition runs two byte tries built once in [`ActorDictionary::load`] and walked only from
//! word starts (folded patterns over the folded text; acronyms such as "IS" as written over the
//! original text; see `scan.rs` for the fast folding and the cheap rejection of words),
//! combines adjacent hits (demonym + force noun, named actor + "fighters", "forces loyal to
//! X"), keeps the longest non-overlapping mentions and resolves descriptors left to right:
//! - state descriptors ("government forces", "the authorities") → the latest explicit mention
//!   of the focus country's state (forces first, then government), else the descriptor's own
//!   words with the focus country (annotators list such words as aliases;
//!   [`ActorDictionary::canonical_state`] turns them into `<Demonym> forces`);
//! - armed descriptors ("the militants", "gunmen") → the latest armed group of a compatible
//!   type, preferring groups whose name or `descriptors` fit the word and groups local to the
//!   focus country; unresolved ones are kept as written ("Suspected jihadists"), except bare
//!   anaphors ("the group") which are dropped;
//! - "its"/"their" → the previous actor, "his"/"her" → the previous person's actor;
//! - "civilians", "residents", "protesters"... → the generic sides Civilians, Protesters,
//!   Rioters.
//!
//! Naming (scored against annotators' aliases, which list the article's own forms): named
//! actors by canonical name, or by the full name the article spells for them when it never
//! writes the canonical one (another spelling, an acronym's name; see `name_as_spelled`); a state named by demonym/capital/possessive + noun as written
//! ("Afghan commandos", "Kabul government", "Ethiopia's army"); a country or capital in an actor
//! reading by the country's name or the capital as written ("Russia", "Moscow"); a demonym
//! before an attack noun by the country ("a Russian air strike" → Russia). Use [`side_key`] to
//! compare sides, [`ActorDictionary::canonical_state`] for one name per state.

mod data;
mod scan;

use crate::hash::{FastMap, FastSet};
use crate::model::{Actor, ActorMention, ActorType, Span};
use crate::text::words::{Folded, Words};
use crate::text::{fold, FoldedText};
use crate::{Error, Result};
use data::{is_case_sensitive, read_tsv, split_list};
use scan::Trie;
use std::path::Path;

/// Pattern strings of the two automata, while loading.
#[derive(Default)]
struct Pats {
    folded: Vec<String>,
    exact: Vec<String>,
}

/// What a pattern of the automaton stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PatKind {
    /// A dictionary actor (canonical name, alias or speaker).
    Named(u32),
    /// A country name.
    Country(u32),
    /// A capital or seat of power.
    Metonym(u32),
    /// A demonym.
    Demonym(u32),
    /// A noun phrase of `actor_nouns.tsv`.
    Noun(u32),
}

struct Pattern {
    kind: PatKind,
    /// A speaker's name (a person standing for the actor).
    speaker: bool,
}

/// The classes a noun phrase of `actor_nouns.tsv` belongs to.
#[derive(Debug, Clone, Default)]
struct NounInfo {
    force: bool,
    gov: bool,
    state_desc: bool,
    gov_desc: bool,
    armed: Option<ActorType>,
    /// An armed descriptor that fits any armed group ("gunmen").
    armed_any: bool,
    /// Only a reference back ("the group"): no mention when unresolved.
    anaphor: bool,
    civilian: bool,
    protester: bool,
    rioter: bool,
    head: Option<ActorType>,
    modifier: bool,
    /// One person by office ("foreign minister", "spokesman").
    person: bool,
    /// An attack or operation by a state ("air strike", "withdrawal").
    attack: bool,
    /// A weapon or craft ("aircraft", "drones"): "Afghan aircraft" names what struck, not the
    /// side's name for what follows.
    machine: bool,
}

impl NounInfo {
    fn state_noun(&self) -> bool {
        self.force || self.gov
    }
}

struct Country {
    code: String,
    /// Canonical name ("Russia").
    name: String,
    /// First demonym ("Russian"), for generated names.
    demonym: Option<String>,
}

/// One raw automaton hit, checked for word boundaries.
#[derive(Debug, Clone, Copy)]
struct Hit {
    /// Folded byte range.
    fs: usize,
    fe: usize,
    /// Original byte range.
    os: usize,
    oe: usize,
    kind: PatKind,
    /// Followed by a possessive `'s` (not part of the range).
    poss: bool,
    speaker: bool,
    /// Followed by a compound suffix ("-led", "-backed").
    compound: bool,
}

/// The generic sides: canonical name (looked up in actors.tsv) and type.
const GENERICS: [(&str, ActorType); 3] = [
    ("Civilians", ActorType::Civilians),
    ("Protesters", ActorType::Protesters),
    ("Rioters", ActorType::Rioters),
];

/// A possessive determiner before a descriptor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Det {
    None,
    /// "its", "their": the previous actor.
    Its,
    /// "his", "her": the previous person's actor.
    His,
}

/// How a candidate mention gets its actor.
#[derive(Debug, Clone)]
enum CandKind {
    /// An explicit actor; `gov` marks a state's civil side ("government", a capital).
    Fixed { actor: Actor, gov: bool },
    /// A generic side (Civilians, Protesters, Rioters).
    Generic(Actor),
    /// A state descriptor; `gov` for government descriptors; `det` after "its"/"their";
    /// `machine` for a weapon or craft ("drones"), which takes any mention of its state.
    State { gov: bool, det: Det, machine: bool },
    /// A non-state armed descriptor, typed when unresolved; `any` when it fits any armed group.
    Armed {
        ty: ActorType,
        any: bool,
        det: Det,
        anaphor: bool,
    },
}

#[derive(Debug, Clone)]
struct Cand {
    start: usize,
    end: usize,
    prio: u8,
    kind: CandKind,
    /// Named by a person who speaks for the actor ("Khalifa Haftar"): antecedent of "his".
    person: bool,
    /// Only a modifier ("AU-led talks", "al-Qaeda-linked"): not an antecedent of descriptors.
    modifier: bool,
    /// One person named by office ("Iranian Foreign Minister") or a weapon ("Afghan
    /// aircraft"): not an antecedent of "government forces".
    role_person: bool,
}

/// Canonical actors with aliases, ACLED types and countries, and the automaton that finds them.
pub struct ActorDictionary {
    entries: Vec<Actor>,
    /// Per entry, the folded descriptor words news use for it ("militants", "rebels").
    entry_descriptors: Vec<FastSet<String>>,
    /// Per entry, the countries (ISO alpha-2) where it fights besides its own.
    entry_areas: Vec<FastSet<String>>,
    /// Folded canonical names, aliases and speakers → entry.
    by_key: FastMap<String, u32>,
    /// Folded aliases that several entries list ("coalition warplanes": the US-led coalition's
    /// in Iraq and Syria, the Saudi-led one's in Yemen) → those entries: the one whose
    /// country or `areas` hold the article's country is meant.
    shared_keys: FastMap<String, Vec<u32>>,
    /// Folded full-name aliases → entry: another spelling of the canonical name ("Popular
    /// Mobilisation Forces") or the name an acronym stands for ("Rapid Support Forces" for
    /// RSF); see [`full_name_of`].
    full_names: FastMap<String, u32>,
    countries: Vec<Country>,
    by_code: FastMap<String, u32>,
    /// Folded demonym → country.
    demonyms: FastMap<String, u32>,
    /// Folded country name → country.
    country_keys: FastMap<String, u32>,
    /// Folded capital or seat → country.
    metonym_keys: FastMap<String, u32>,
    nouns: Vec<NounInfo>,
    noun_keys: FastMap<String, u32>,
    metonym_verbs: FastSet<String>,
    metonym_aux: FastSet<String>,
    metonym_prev: FastSet<String>,
    place_prev: FastSet<String>,
    /// Words that may stand between a `place_prev` word and the name ("in western Myanmar").
    place_adj: FastSet<String>,
    place_noun: FastSet<String>,
    not_after: FastSet<String>,
    /// People whose capture is an arrest, not a seizure of territory (class `captive`).
    captives: FastSet<String>,
    /// Places of civilian life whose storming hits civilians (class `civil_site`).
    civil_sites: FastSet<String>,
    not_name: FastSet<String>,
    patterns: Vec<Pattern>,
    /// Folded patterns, run over the folded text.
    trie: Trie,
    exact_patterns: Vec<Pattern>,
    /// Case-sensitive aliases ("IS", "UN"), run over the original text.
    trie_exact: Trie,
    /// Per country, its actor in a diplomatic role (see `country_actor`).
    country_actors: Vec<Actor>,
    /// Civilians, Protesters, Rioters.
    generics: [Actor; 3],
}

fn parse_type(path: &Path, line: usize, s: &str) -> Result<Option<ActorType>> {
    if s.is_empty() {
        return Ok(None);
    }
    ActorType::parse(s)
        .map(Some)
        .ok_or_else(|| Error::gazetteer(path, format!("line {line}: unknown actor type {s:?}")))
}

/// Collapses runs of whitespace to one space.
fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

/// The folded word starting at `pos` after one space, as a folded byte range.
fn next_word(f: &str, pos: usize) -> Option<(usize, usize)> {
    let rest = f.get(pos..)?;
    let rest2 = rest.strip_prefix(' ')?;
    let start = pos + 1;
    let len = rest2
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(rest2.len(), |(i, _)| i);
    (len > 0).then_some((start, start + len))
}

/// The folded word ending at `pos` before one space, as a folded byte range.
fn prev_word(f: &str, pos: usize) -> Option<(usize, usize)> {
    let before = f.get(..pos)?.strip_suffix(' ')?;
    let end = before.len();
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start < end).then_some((start, end))
}

/// True where the text around `[start, end)` is written in capitals only (wire copy such as
/// "GUERRILLAS ATTACKED THE TOWN"): there acronyms and capitalisation mean nothing.
fn caps_context(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().rev().take(40);
    let after = text[end..].chars().take(40);
    let mut upper = 0;
    // (nearly always a lower-case letter comes within a few chars: stop there)
    for c in after.chain(before) {
        if c.is_lowercase() {
            return false;
        } else if c.is_uppercase() {
            upper += 1;
        }
    }
    upper >= 8
}

/// Is `text[start..end]` the middle of a hyphenated name, with a hyphen and a letter on
/// both sides ("AU" in "PORT-AU-PRINCE")? Such a part names no actor.
fn inside_hyphenated(text: &str, start: usize, end: usize) -> bool {
    let hyphen = |c: char| matches!(c, '-' | '‐' | '‑');
    let mut before = text[..start].chars().rev();
    let mut after = text[end..].chars();
    before.next().is_some_and(hyphen)
        && before.next().is_some_and(char::is_alphanumeric)
        && after.next().is_some_and(hyphen)
        && after.next().is_some_and(char::is_alphanumeric)
}

/// The word of the original text ending just before byte `pos` (after one space).
fn prev_word_orig(text: &str, pos: usize) -> Option<&str> {
    let before = text.get(..pos)?.strip_suffix(' ')?;
    let ws = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(&before[ws..]).filter(|w| !w.is_empty())
}

fn alnum_at(f: &str, pos: usize) -> bool {
    f[pos..].chars().next().is_some_and(char::is_alphanumeric)
}

impl ActorDictionary {
    /// Loads `actors.tsv`, `demonyms.tsv`, `actor_countries.tsv` and `actor_nouns.tsv` from the
    /// gazetteer directory `dir` and builds the automaton.
    pub fn load(dir: &Path) -> Result<ActorDictionary> {
        let mut d = ActorDictionary {
            entries: Vec::new(),
            entry_descriptors: Vec::new(),
            entry_areas: Vec::new(),
            by_key: FastMap::default(),
            shared_keys: FastMap::default(),
            full_names: FastMap::default(),
            countries: Vec::new(),
            by_code: FastMap::default(),
            demonyms: FastMap::default(),
            country_keys: FastMap::default(),
            metonym_keys: FastMap::default(),
            nouns: Vec::new(),
            noun_keys: FastMap::default(),
            metonym_verbs: FastSet::default(),
            metonym_aux: FastSet::default(),
            metonym_prev: FastSet::default(),
            place_prev: FastSet::default(),
            place_adj: FastSet::default(),
            place_noun: FastSet::default(),
            not_after: FastSet::default(),
            captives: FastSet::default(),
            civil_sites: FastSet::default(),
            not_name: FastSet::default(),
            patterns: Vec::new(),
            trie: Trie::new::<&str>(&[]),
            exact_patterns: Vec::new(),
            trie_exact: Trie::new::<&str>(&[]),
            country_actors: Vec::new(),
            generics: [GENERICS[0].0, GENERICS[1].0, GENERICS[2].0].map(|n| Actor {
                name: n.to_string(),
                actor_type: None,
                country: None,
            }),
        };
        let mut pats = Pats::default();

        // countries and demonyms
        let path = dir.join("demonyms.tsv");
        for row in read_tsv(&path, 2)? {
            let code = row.get(0).to_ascii_uppercase();
            let ci = d.country_index(&code);
            for dem in split_list(row.get(1)) {
                if d.countries[ci as usize].demonym.is_none() {
                    d.countries[ci as usize].demonym = Some(dem.to_string());
                }
                let key = fold(dem);
                d.demonyms.entry(key.clone()).or_insert(ci);
                d.push_pattern(&mut pats, key, PatKind::Demonym(ci), dem, (false, false));
            }
        }
        let path = dir.join("actor_countries.tsv");
        for row in read_tsv(&path, 2)? {
            let code = row.get(0).to_ascii_uppercase();
            let ci = d.country_index(&code);
            for (i, name) in split_list(row.get(1)).enumerate() {
                if i == 0 {
                    d.countries[ci as usize].name = name.to_string();
                }
                let key = fold(name);
                d.country_keys.entry(key.clone()).or_insert(ci);
                d.push_pattern(&mut pats, key, PatKind::Country(ci), name, (false, false));
            }
            for m in split_list(row.get(2)) {
                let key = fold(m);
                d.metonym_keys.entry(key.clone()).or_insert(ci);
                d.push_pattern(&mut pats, key, PatKind::Metonym(ci), m, (false, false));
            }
        }

        // named actors
        let path = dir.join("actors.tsv");
        for row in read_tsv(&path, 2)? {
            let name = row.get(0).to_string();
            let actor_type = parse_type(&path, row.line, row.get(1))?;
            let country = Some(row.get(2).to_ascii_uppercase()).filter(|c| !c.is_empty());
            let idx = d.entries.len() as u32;
            d.entries.push(Actor {
                name: name.clone(),
                actor_type,
                country,
            });
            d.entry_descriptors
                .push(split_list(row.get(5)).map(fold).collect());
            d.entry_areas.push(
                split_list(row.get(6))
                    .map(|c| c.to_ascii_uppercase())
                    .collect(),
            );
            let n_aliases = 1 + split_list(row.get(3)).count();
            let names = std::iter::once(name.as_str())
                .chain(split_list(row.get(3)))
                .chain(split_list(row.get(4)));
            for (k, alias) in names.enumerate() {
                let (alias, forced) = match alias.strip_prefix('=') {
                    Some(a) => (a, true),
                    None => (alias, false),
                };
                let key = fold(alias);
                let first = *d.by_key.entry(key.clone()).or_insert(idx);
                if first != idx {
                    let shared = d.shared_keys.entry(key.clone()).or_insert(vec![first]);
                    if !shared.contains(&idx) {
                        shared.push(idx);
                    }
                }
                let speaker = k >= n_aliases;
                // (a state keeps the naming convention, "Afghan government", and takes only
                // another spelling or its acronym spelled out: "Sudanese Armed Forces" for SAF)
                let state = actor_type == Some(ActorType::StateForces);
                if k > 0 && !speaker && full_name_of(&name, alias, &key, !state) {
                    d.full_names.entry(key.clone()).or_insert(idx);
                }
                d.push_pattern(
                    &mut pats,
                    key,
                    PatKind::Named(idx),
                    alias,
                    (forced, speaker),
                );
            }
        }

        // nouns and cue words
        let path = dir.join("actor_nouns.tsv");
        for row in read_tsv(&path, 2)? {
            let class = row.get(0);
            let phrase = row.get(1);
            let ty = parse_type(&path, row.line, row.get(2))?;
            match class {
                "metonym_verb" => {
                    d.metonym_verbs.insert(fold(phrase));
                    continue;
                }
                "metonym_aux" => {
                    d.metonym_aux.insert(fold(phrase));
                    continue;
                }
                "metonym_prev" => {
                    d.metonym_prev.insert(fold(phrase));
                    continue;
                }
                "place_prev" => {
                    d.place_prev.insert(fold(phrase));
                    continue;
                }
                "place_adj" => {
                    d.place_adj.insert(fold(phrase));
                    continue;
                }
                "place_noun" => {
                    d.place_noun.insert(fold(phrase));
                    continue;
                }
                "not_after" => {
                    d.not_after.insert(fold(phrase));
                    continue;
                }
                "captive" => {
                    d.captives.insert(fold(phrase));
                    continue;
                }
                "civil_site" => {
                    d.civil_sites.insert(fold(phrase));
                    continue;
                }
                "not_name" => {
                    d.not_name.insert(phrase.to_string());
                    continue;
                }
                _ => {}
            }
            let key = fold(phrase);
            let ni = match d.noun_keys.get(&key) {
                Some(&i) => i,
                None => {
                    let i = d.nouns.len() as u32;
                    d.nouns.push(NounInfo::default());
                    d.noun_keys.insert(key.clone(), i);
                    d.push_pattern(&mut pats, key, PatKind::Noun(i), phrase, (false, false));
                    i
                }
            };
            let info = &mut d.nouns[ni as usize];
            match class {
                "force" => info.force = true,
                "gov" => info.gov = true,
                "state_desc" => info.state_desc = true,
                "gov_desc" => info.gov_desc = true,
                "armed_desc" => info.armed = Some(ty.unwrap_or(ActorType::Rebels)),
                "armed_any" => {
                    info.armed = Some(ty.unwrap_or(ActorType::Rebels));
                    info.armed_any = true;
                }
                "anaphor" => {
                    info.armed = Some(ty.unwrap_or(ActorType::Rebels));
                    info.armed_any = true;
                    info.anaphor = true;
                }
                "civilian" => info.civilian = true,
                "protester" => info.protester = true,
                "rioter" => info.rioter = true,
                "head" => info.head = Some(ty.unwrap_or(ActorType::Rebels)),
                "modifier" => info.modifier = true,
                "person" => info.person = true,
                "attack" => info.attack = true,
                "machine" => info.machine = true,
                other => {
                    return Err(Error::gazetteer(
                        &path,
                        format!("line {}: unknown class {other:?}", row.line),
                    ))
                }
            }
        }

        d.trie = Trie::for_whole_words(&pats.folded);
        d.trie_exact = Trie::new(&pats.exact);
        d.country_actors = (0..d.countries.len() as u32)
            .map(|ci| d.make_country_actor(ci))
            .collect();
        for (i, (name, ty)) in GENERICS.iter().enumerate() {
            d.generics[i] = d.make_generic(name, *ty);
        }
        Ok(d)
    }

    fn country_index(&mut self, code: &str) -> u32 {
        if let Some(&i) = self.by_code.get(code) {
            return i;
        }
        let i = self.countries.len() as u32;
        self.countries.push(Country {
            code: code.to_string(),
            name: code.to_string(),
            demonym: None,
        });
        self.by_code.insert(code.to_string(), i);
        i
    }

    /// Adds a pattern: folded `key` to the folded automaton, or, for an alias matched only
    /// as written, `written` to the exact automaton.
    fn push_pattern(
        &mut self,
        pats: &mut Pats,
        key: String,
        kind: PatKind,
        written: &str,
        flags: (bool, bool),
    ) {
        let (forced, speaker) = flags;
        if key.is_empty() {
            return;
        }
        if forced || is_case_sensitive(written) {
            pats.exact.push(written.to_string());
            self.exact_patterns.push(Pattern { kind, speaker });
        } else {
            pats.folded.push(key);
            self.patterns.push(Pattern { kind, speaker });
        }
    }

    fn country_actor(&self, ci: u32) -> Actor {
        self.country_actors[ci as usize].clone()
    }

    fn make_country_actor(&self, ci: u32) -> Actor {
        let c = &self.countries[ci as usize];
        if let Some(&e) = self.by_key.get(&fold(&c.name)) {
            let a = &self.entries[e as usize];
            if a.country.as_deref() == Some(c.code.as_str()) {
                return a.clone();
            }
        }
        Actor {
            name: c.name.clone(),
            actor_type: Some(ActorType::StateForces),
            country: Some(c.code.clone()),
        }
    }

    fn state_actor(&self, name: String, ci: u32) -> Actor {
        Actor {
            name,
            actor_type: Some(ActorType::StateForces),
            country: Some(self.countries[ci as usize].code.clone()),
        }
    }

    /// The default name of a state's forces (`gov` false: "`<Demonym> forces`") or government
    /// (`gov` true: "`<Demonym> government`"), for descriptors with no explicit antecedent.
    fn default_state(&self, ci: u32, gov: bool) -> Actor {
        let c = &self.countries[ci as usize];
        let base = c.demonym.as_deref().unwrap_or(&c.name);
        let name = format!("{base} {}", if gov { "government" } else { "forces" });
        match self.by_key.get(&fold(&name)) {
            Some(&e) => self.entries[e as usize].clone(),
            None => self.state_actor(name, ci),
        }
    }

    fn generic(&self, ty: ActorType) -> Actor {
        let i = GENERICS.iter().position(|g| g.1 == ty).unwrap_or(0);
        self.generics[i].clone()
    }

    fn make_generic(&self, name: &str, ty: ActorType) -> Actor {
        match self.by_key.get(&fold(name)) {
            Some(&e) => self.entries[e as usize].clone(),
            None => Actor {
                name: name.to_string(),
                actor_type: Some(ty),
                country: None,
            },
        }
    }

    /// Folded words for people whose capture is an arrest (class `captive`: "he", "inmates",
    /// "fugitive", "kingpin").
    pub fn captive_words(&self) -> crate::hash::FastSet<String> {
        self.captives.clone()
    }

    /// Folded words for places of civilian life (class `civil_site`: "school", "hotel").
    pub fn civil_site_words(&self) -> crate::hash::FastSet<String> {
        self.civil_sites.clone()
    }

    /// Folded compass adjectives (class `place_adj`: "northern", "southeastern") that may
    /// stand before a place name.
    pub fn place_adjectives(&self) -> crate::hash::FastSet<String> {
        self.place_adj.clone()
    }

    /// The folded weapons and craft of `actor_nouns.tsv` (class `machine`: "planes",
    /// "drones", "missiles"): what strikes, never a side that frees, meets or arrests.
    pub fn machine_nouns(&self) -> crate::hash::FastSet<String> {
        self.noun_keys
            .iter()
            .filter(|(_, &i)| self.nouns[i as usize].machine)
            .map(|(k, _)| k.clone())
            .collect()
    }

    /// The state actor of country `code` (ISO alpha-2): its forces, or with `gov` its
    /// government, as named where the text gives no explicit name ("Afghan forces",
    /// "Afghan government").
    pub fn state(&self, code: &str, gov: bool) -> Option<Actor> {
        let ci = *self.by_code.get(&code.to_ascii_uppercase())?;
        Some(self.default_state(ci, gov))
    }

    /// The country named `name` ("Russia", "U.S.") as an actor in a diplomatic role.
    pub fn country_actor_by_name(&self, name: &str) -> Option<Actor> {
        let ci = *self.country_keys.get(&fold(name))?;
        Some(self.country_actor(ci))
    }

    /// A state actor named as written ("Afghan commandos", "Kabul", "Malian authorities")
    /// renamed to its country's default name: "`<Demonym> government`" when its head noun is a
    /// civil one, else "`<Demonym> forces`". Dictionary actors and non-state actors come back
    /// unchanged. For outputs that prefer one name per state over the annotators' habit of
    /// listing the text's own forms.
    pub fn canonical_state(&self, actor: &Actor) -> Actor {
        if actor.actor_type != Some(ActorType::StateForces)
            || self.by_key.contains_key(&fold(&actor.name))
        {
            return actor.clone();
        }
        let Some(&ci) = actor.country.as_deref().and_then(|cc| self.by_code.get(cc)) else {
            return actor.clone();
        };
        let key = fold(&actor.name);
        if self.country_keys.contains_key(&key) {
            return actor.clone();
        }
        // the head noun: the longest known noun phrase ending the name
        let gov = self.metonym_keys.contains_key(&key)
            || std::iter::once(0)
                .chain(key.match_indices(' ').map(|(i, _)| i + 1))
                .find_map(|i| self.noun_keys.get(&key[i..]))
                .is_some_and(|&n| {
                    let info = &self.nouns[n as usize];
                    (info.gov || info.gov_desc) && !info.force && !info.state_desc
                });
        self.default_state(ci, gov)
    }

    /// The country that leads a descriptor written "U.S.-led forces" or "Saudi-led troops".
    fn leading_country(&self, written: &str) -> Option<&str> {
        let (stem, _) = written.split_once("-led ")?;
        let stem = stem.rsplit(' ').next().unwrap_or(stem);
        let key = fold(stem);
        let ci = self
            .country_keys
            .get(&key)
            .or_else(|| self.country_keys.get(key.trim_end_matches('.')))
            .or_else(|| self.demonyms.get(&key))?;
        Some(self.countries[*ci as usize].code.as_str())
    }

    /// Canonical country name of an ISO alpha-2 code.
    pub fn country_name(&self, code: &str) -> Option<&str> {
        let ci = *self.by_code.get(&code.to_ascii_uppercase())?;
        Some(self.countries[ci as usize].name.as_str())
    }

    /// The ISO alpha-2 code of the country of a demonym ("Afghan" → "AF").
    pub fn country_of_demonym(&self, word: &str) -> Option<&str> {
        let ci = *self.demonyms.get(&fold(word))?;
        Some(self.countries[ci as usize].code.as_str())
    }

    /// Resolves a descriptor head ("government forces", "the authorities", "residents") without
    /// context: a state descriptor to the forces or government of `country` (ISO alpha-2),
    /// generic sides to Civilians/Protesters/Rioters. `None` for non-state armed descriptors
    /// ("the militants": they need context, see [`Self::find_actors`]) and unknown words.
    pub fn resolve_descriptor(&self, head: &str, country: Option<&str>) -> Option<Actor> {
        let mut key = fold(head);
        for det in ["the ", "its ", "their ", "his ", "her "] {
            if let Some(rest) = key.strip_prefix(det) {
                key = rest.to_string();
                break;
            }
        }
        let info = &self.nouns[*self.noun_keys.get(&key)? as usize];
        if info.state_desc || info.gov_desc {
            let ci = *self.by_code.get(&country?.to_ascii_uppercase())?;
            return Some(self.default_state(ci, info.gov_desc && !info.state_desc));
        }
        if info.civilian {
            return Some(self.generic(ActorType::Civilians));
        }
        if info.protester {
            return Some(self.generic(ActorType::Protesters));
        }
        if info.rioter {
            return Some(self.generic(ActorType::Rioters));
        }
        None
    }

    /// The actor named `name`: a dictionary actor by canonical name, alias or speaker, a
    /// country name, or a generated state actor (`<Demonym> <force or government noun>`,
    /// `<capital> <noun>`, `<Country>'s <noun>`).
    pub fn get(&self, name: &str) -> Option<Actor> {
        let key = fold(name);
        if let Some(&e) = self.by_key.get(&key) {
            return Some(self.entries[e as usize].clone());
        }
        if let Some(&ci) = self.country_keys.get(&key) {
            return Some(self.country_actor(ci));
        }
        if let Some(&ci) = self.metonym_keys.get(&key) {
            return Some(self.state_actor(collapse_ws(name), ci));
        }
        // "<prefix> <noun>" with a demonym, capital or possessive country as prefix
        for (i, _) in key.match_indices(' ') {
            let (left, right) = (&key[..i], &key[i + 1..]);
            let Some(&ni) = self.noun_keys.get(right) else {
                continue;
            };
            if !self.nouns[ni as usize].state_noun() {
                continue;
            }
            let ci = self
                .demonyms
                .get(left)
                .or_else(|| self.metonym_keys.get(left))
                .or_else(|| {
                    left.strip_suffix('s')
                        .and_then(|l| self.country_keys.get(l))
                });
            if let Some(&ci) = ci {
                return Some(self.state_actor(collapse_ws(name), ci));
            }
        }
        None
    }

    /// Finds actor references in `text` (byte spans, in text order). `focus_country` (ISO code of
    /// the article's main country, if known) resolves descriptors such as "government forces".
    ///
    /// Naming: dictionary actors by canonical name; a state named by demonym or capital plus a
    /// noun as written ("Afghan commandos", "Kabul government"); a country or capital in an
    /// actor reading by the country's name or the capital as written ("Russia", "Moscow");
    /// descriptors by the actor they resolve to (`descriptor: true`); unknown actors as written.
    pub fn find_actors(&self, text: &str, focus_country: Option<&str>) -> Vec<ActorMention> {
        let words = Words::new(text);
        let out = self.find_actors_in(text, &words, focus_country);
        words.recycle();
        out
    }

    /// [`Self::find_actors`] of `text` whose folded text and words are `words`
    /// ([`Words::new`] of it, shared with the other stages that read them).
    pub fn find_actors_in(
        &self,
        text: &str,
        words: &Words,
        focus_country: Option<&str>,
    ) -> Vec<ActorMention> {
        let hits = self.hits(text, words);
        let cands = self.candidates(text, &words.folded, &hits);
        let chosen = select(cands);
        self.resolve(text, chosen, focus_country)
    }

    /// The same as [`Self::find_actors`], kept for older callers: `_folded` is not read (the
    /// stage reads [`Words`], the folded text and words shared with the places stage: see
    /// [`Self::find_actors_in`]).
    pub fn find_actors_folded(
        &self,
        text: &str,
        _folded: &FoldedText,
        focus_country: Option<&str>,
    ) -> Vec<ActorMention> {
        self.find_actors(text, focus_country)
    }

    /// Automaton hits with word boundaries and case checks.
    fn hits(&self, text: &str, words: &Words) -> Vec<Hit> {
        let ft = &words.folded;
        let f = ft.folded.as_str();
        let mut hits = Vec::new();
        // (the trie reports only matches at word starts)
        self.trie.find_at_words(f, &words.toks, |fs, fe, pid| {
            let mut poss = false;
            if alnum_at(f, fe) {
                // a possessive "'s" folds to a bare "s"
                let s_then_boundary = f[fe..].starts_with('s') && !alnum_at(f, fe + 1);
                let os = ft.orig_start(fe);
                let apostrophe = text[..os].chars().next_back().is_some_and(is_apostrophe);
                if !(s_then_boundary && apostrophe) {
                    return;
                }
                poss = true;
            }
            let pat = &self.patterns[pid];
            let (os, oe) = (ft.orig_start(fs), ft.orig_end(text, fe));
            if let PatKind::Demonym(_) = pat.kind {
                if !text[os..].chars().next().is_some_and(char::is_uppercase) {
                    return;
                }
            }
            // (the hyphen first: most hits have none, and the next word is then not read)
            let compound = text[oe..].starts_with(['-', '‐', '‑'])
                && next_word(f, fe)
                    .is_some_and(|(s, e)| COMPOUND_SUFFIXES.iter().any(|x| x[1..] == f[s..e]));
            hits.push(Hit {
                fs,
                fe,
                os,
                oe,
                kind: pat.kind,
                poss,
                speaker: pat.speaker,
                compound,
            });
        });
        // aliases matched only as written, over the original text
        self.trie_exact.find_at_word_starts(text, |os, oe, pid| {
            let mut poss = false;
            let mut rest = text[oe..].chars();
            if rest.next().is_some_and(char::is_alphanumeric) {
                return;
            }
            if text[oe..].chars().next().is_some_and(is_apostrophe)
                && rest.next() == Some('s')
                && !rest.next().is_some_and(char::is_alphanumeric)
            {
                poss = true;
            }
            if caps_context(text, os, oe) || inside_hyphenated(text, os, oe) {
                return;
            }
            let (fs, fe) = (ft.folded_start(os), ft.folded_start(oe));
            let pat = &self.exact_patterns[pid];
            // (the hyphen first: most hits have none, and the next word is then not read)
            let compound = text[oe..].starts_with(['-', '‐', '‑'])
                && next_word(f, fe)
                    .is_some_and(|(s, e)| COMPOUND_SUFFIXES.iter().any(|x| x[1..] == f[s..e]));
            hits.push(Hit {
                fs,
                fe,
                os,
                oe,
                kind: pat.kind,
                poss,
                speaker: pat.speaker,
                compound,
            });
        });
        hits.sort_by_key(|h| (h.fs, std::cmp::Reverse(h.fe)));
        hits
    }

    /// Longest noun hit starting at folded offset `fs`.
    fn noun_at<'h>(&self, hits: &'h [Hit], fs: usize) -> Option<(&'h Hit, &NounInfo)> {
        let i = hits.partition_point(|h| h.fs < fs);
        hits[i..]
            .iter()
            .take_while(|h| h.fs == fs)
            .find_map(|h| match h.kind {
                PatKind::Noun(n) => Some((h, &self.nouns[n as usize])),
                _ => None,
            })
    }

    /// A state noun (force or government) right after folded offset `fe` (after one space, or
    /// after a possessive "s ").
    fn state_noun_after<'h>(&self, hits: &'h [Hit], h: &Hit) -> Option<&'h Hit> {
        let at = if h.poss { h.fe + 2 } else { h.fe + 1 };
        self.noun_at(hits, at)
            .filter(|(n, info)| info.state_noun() && !info.modifier && n.fs == at)
            .map(|(n, _)| n)
    }

    /// Whether a country name or capital at `h` reads as an actor: followed (perhaps after an
    /// auxiliary, or after "and <another name>") by a reporting/diplomatic verb, or preceded by
    /// "by", "with", "between"...
    fn actor_reading(&self, f: &str, hits: &[Hit], h: &Hit) -> bool {
        if h.poss {
            return false;
        }
        if let Some((s, e)) = prev_word(f, h.fs) {
            // "the foreign ministers of Russia": an actor after a government noun + "of"
            if &f[s..e] == "of" {
                let gov_before = prev_word(f, s).is_some_and(|(s2, e2)| {
                    self.noun_keys
                        .get(&f[s2..e2])
                        .is_some_and(|&n| self.nouns[n as usize].state_noun())
                });
                if gov_before {
                    return true;
                }
            }
            if self.place_prev.contains(&f[s..e]) {
                return false;
            }
            // "rebels in western Myanmar said": a compass word between the preposition and
            // the name leaves it a place
            if self.place_adj.contains(&f[s..e])
                && prev_word(f, s).is_some_and(|(s2, e2)| self.place_prev.contains(&f[s2..e2]))
            {
                return false;
            }
            if self.metonym_prev.contains(&f[s..e]) {
                // "the border with Lebanon" stays a place
                let place_noun =
                    prev_word(f, s).is_some_and(|(s2, e2)| self.place_noun.contains(&f[s2..e2]));
                return !place_noun;
            }
        }
        let mut pos = h.fe;
        for _ in 0..4 {
            let Some((s, e)) = next_word(f, pos) else {
                return false;
            };
            let w = &f[s..e];
            if self.metonym_verbs.contains(w) {
                return true;
            }
            if self.metonym_aux.contains(w) {
                pos = e;
                continue;
            }
            if w == "and" {
                // "Russia and Ukraine agreed": skip the coordinated name
                let i = hits.partition_point(|x| x.fs < e + 1);
                match hits[i..].iter().take_while(|x| x.fs == e + 1).find(|x| {
                    matches!(
                        x.kind,
                        PatKind::Country(_) | PatKind::Metonym(_) | PatKind::Named(_)
                    )
                }) {
                    Some(x) => {
                        pos = x.fe;
                        continue;
                    }
                    None => return false,
                }
            }
            return false;
        }
        false
    }

    fn candidates(&self, text: &str, ft: &Folded, hits: &[Hit]) -> Vec<Cand> {
        let f = ft.folded.as_str();
        let mut out = Vec::new();
        for h in hits {
            // compound adjectives: "US-backed", "Iran-aligned", "al-Qaeda-linked"
            // (dictionary actors stay, as modifiers: "AU-led talks")
            if h.compound && !matches!(h.kind, PatKind::Noun(_) | PatKind::Named(_)) {
                continue;
            }
            match h.kind {
                PatKind::Demonym(ci) => {
                    if let Some(n) = self.state_noun_after(hits, h) {
                        let name = collapse_ws(&text[h.os..n.oe]);
                        out.push(self.fixed(h.os, n.oe, 2, name, ci, n));
                    } else if let Some(n) = self.coordinated_noun(f, hits, h) {
                        // "Afghan and US aircraft": "Afghan aircraft"
                        let name =
                            format!("{} {}", collapse_ws(&text[h.os..h.oe]), &text[n.os..n.oe]);
                        out.push(self.fixed(h.os, h.oe, 2, name, ci, n));
                    } else if self.attack_noun_after(hits, h) {
                        // "a Russian air strike", "the US withdrawal": the country acts
                        out.push(self.country_cand(h, ci));
                    } else if let Some((n, ty)) = self.armed_noun_after(hits, h) {
                        // "Kurdish fighters", "a Turkish gunman": a non-state actor of that
                        // country, as written
                        out.push(Cand {
                            start: h.os,
                            end: n.oe,
                            prio: 2,
                            kind: CandKind::Fixed {
                                actor: Actor {
                                    name: collapse_ws(&text[h.os..n.oe]),
                                    actor_type: Some(ty),
                                    country: Some(self.countries[ci as usize].code.clone()),
                                },
                                gov: false,
                            },
                            person: false,
                            modifier: false,
                            role_person: false,
                        });
                    }
                }
                PatKind::Country(ci) | PatKind::Metonym(ci) => {
                    let metonym = matches!(h.kind, PatKind::Metonym(_));
                    if let Some(n) = self.state_noun_after(hits, h) {
                        // "Ethiopia's army", "Kabul government", "Tripoli forces"
                        if h.poss || metonym {
                            let name = collapse_ws(&text[h.os..n.oe]);
                            out.push(self.fixed(h.os, n.oe, 2, name, ci, n));
                            continue;
                        }
                    }
                    if h.poss && !metonym && self.attack_noun_after(hits, h) {
                        // "Russia's invasion"
                        out.push(self.country_cand(h, ci));
                        continue;
                    }
                    if self.actor_reading(f, hits, h) {
                        let actor = if metonym {
                            self.state_actor(collapse_ws(&text[h.os..h.oe]), ci)
                        } else {
                            self.country_actor(ci)
                        };
                        out.push(Cand {
                            start: h.os,
                            end: h.oe,
                            prio: 2,
                            kind: CandKind::Fixed { actor, gov: true },
                            person: false,
                            modifier: false,
                            role_person: false,
                        });
                    }
                }
                PatKind::Named(e) => {
                    let key = &f[h.fs..h.fe];
                    let countryish =
                        self.country_keys.contains_key(key) || self.metonym_keys.contains_key(key);
                    let actor = self.entries[e as usize].clone();
                    let mut end = h.oe;
                    let mut prio = 3;
                    // "Taliban fighters", "Haftar's forces", "Houthi officials"
                    let at = if h.poss { h.fe + 2 } else { h.fe + 1 };
                    if let Some((n, info)) = self.noun_at(hits, at) {
                        if info.force || info.gov || info.armed.is_some() || info.head.is_some() {
                            end = n.oe;
                            // "Syrian government troops": the forces, named as written by the
                            // demonym rule, not the government
                            if info.force && actor.name.to_lowercase().ends_with("government") {
                                prio = 1;
                            }
                        }
                    }
                    if countryish && end == h.oe && !h.compound && !self.actor_reading(f, hits, h) {
                        continue;
                    }
                    let person = h.speaker;
                    let modifier = h.compound;
                    let gov = actor.name.to_lowercase().contains("government") || countryish;
                    out.push(Cand {
                        start: h.os,
                        end,
                        prio,
                        kind: CandKind::Fixed { actor, gov },
                        person,
                        modifier,
                        role_person: false,
                    });
                }
                PatKind::Noun(ni) => self.noun_candidates(text, ft, hits, h, ni, &mut out),
            }
        }
        out
    }

    /// An explicit state mention named `name`, civil or military by its noun.
    fn fixed(&self, start: usize, end: usize, prio: u8, name: String, ci: u32, noun: &Hit) -> Cand {
        let (gov, person) = match noun.kind {
            PatKind::Noun(n) => {
                let info = &self.nouns[n as usize];
                (info.gov && !info.force, (info.person, info.machine))
            }
            _ => (false, (false, false)),
        };
        let (person, machine) = person;
        Cand {
            start,
            end,
            prio,
            kind: CandKind::Fixed {
                actor: self.state_actor(name, ci),
                gov,
            },
            person,
            modifier: false,
            role_person: person || machine,
        }
    }

    /// "<noun> loyal to <named actor>" (also "allied with", "aligned with"), with up to three
    /// words ("eastern commander") before the name: a mention of that actor.
    fn loyal_to(&self, f: &str, hits: &[Hit], h: &Hit) -> Option<Cand> {
        let rest = &f[h.fe..];
        let skip = [
            "loyal to",
            "allied with",
            "allied to",
            "aligned with",
            "backing",
        ]
        .iter()
        .find_map(|p| {
            rest.strip_prefix(' ')
                .and_then(|r| r.strip_prefix(p))
                .map(|_| 1 + p.len())
        })?;
        let mut pos = h.fe + skip;
        for _ in 0..4 {
            let at = pos + 1;
            let i = hits.partition_point(|x| x.fs < at);
            if let Some(n) = hits[i..]
                .iter()
                .take_while(|x| x.fs == at)
                .find(|x| matches!(x.kind, PatKind::Named(_)) && !x.compound)
            {
                if let PatKind::Named(e) = n.kind {
                    return Some(Cand {
                        start: h.os,
                        end: n.oe,
                        prio: 2,
                        kind: CandKind::Fixed {
                            actor: self.entries[e as usize].clone(),
                            gov: false,
                        },
                        person: false,
                        modifier: false,
                        role_person: false,
                    });
                }
            }
            pos = next_word(f, pos)?.1;
        }
        None
    }

    /// Whether an attack or operation noun ("air strike", "offensive", "withdrawal") follows
    /// `h` (after one space or a possessive "s ").
    fn attack_noun_after(&self, hits: &[Hit], h: &Hit) -> bool {
        let at = if h.poss { h.fe + 2 } else { h.fe + 1 };
        self.noun_at(hits, at)
            .is_some_and(|(n, info)| info.attack && n.fs == at)
    }

    /// A non-state armed noun ("fighters", "gunman") right after `h`, with its type.
    fn armed_noun_after<'h>(&self, hits: &'h [Hit], h: &Hit) -> Option<(&'h Hit, ActorType)> {
        let at = h.fe + 1;
        self.noun_at(hits, at)
            .and_then(|(n, info)| match info.armed {
                Some(ty) if !info.anaphor && !h.poss && n.fs == at => Some((n, ty)),
                _ => None,
            })
    }

    /// The country `ci` itself as a mention over `h`.
    fn country_cand(&self, h: &Hit, ci: u32) -> Cand {
        Cand {
            start: h.os,
            end: h.oe,
            prio: 2,
            kind: CandKind::Fixed {
                actor: self.country_actor(ci),
                gov: false,
            },
            person: false,
            modifier: false,
            role_person: false,
        }
    }

    /// For "Afghan and US aircraft", "Egyptian, Qatari and US mediators", "Saudi and Houthi
    /// officials": the state noun after the last of the coordinated demonyms (or names).
    fn coordinated_noun<'h>(&self, f: &str, hits: &'h [Hit], h: &Hit) -> Option<&'h Hit> {
        let mut h = h;
        for _ in 0..4 {
            let rest = f.get(h.fe..)?;
            let off = [" and ", " or ", ", and ", ", "]
                .iter()
                .find(|sep| rest.starts_with(**sep))?
                .len();
            let at = h.fe + off;
            let i = hits.partition_point(|x| x.fs < at);
            let d2 = hits[i..]
                .iter()
                .take_while(|x| x.fs == at)
                .find(|x| matches!(x.kind, PatKind::Demonym(_) | PatKind::Named(_)))?;
            if let Some(n) = self.state_noun_after(hits, d2) {
                return Some(n);
            }
            h = d2;
        }
        None
    }

    fn noun_candidates(
        &self,
        text: &str,
        ft: &Folded,
        hits: &[Hit],
        h: &Hit,
        ni: u32,
        out: &mut Vec<Cand>,
    ) {
        let info = &self.nouns[ni as usize];
        if info.modifier {
            return;
        }
        let f = ft.folded.as_str();
        // "military positions": an adjective, not an actor
        if let Some((s, e)) = next_word(f, h.fe) {
            if !h.poss && self.not_after.contains(&f[s..e]) {
                return;
            }
        }
        // "the offices of the country's intelligence service": a building, not an actor
        if (info.state_desc || info.gov_desc) && building_of_before(text, h.os) {
            return;
        }
        // "the Government Girls Science ... College": part of a proper name
        let capital = |i: usize| text[i..].chars().next().is_some_and(char::is_uppercase);
        if capital(h.os) && text[h.oe..].starts_with(' ') && capital(h.oe + 1) {
            return;
        }
        // "forces loyal to Khalifa Haftar", "fighters loyal to the Taliban": that actor
        if info.state_desc || info.armed.is_some() || info.head.is_some() {
            if let Some(c) = self.loyal_to(f, hits, h) {
                out.push(c);
            }
        }
        let mut end = h.oe;
        let mut force_poss = false;
        // "the government's forces"; "the junta's planned election", "the army's capture of
        // the town": the descriptor alone
        if h.poss && (info.state_desc || info.gov_desc) {
            if let Some((n, _)) = self.noun_at(hits, h.fe + 2).filter(|(_, i)| i.force) {
                end = n.oe;
                force_poss = true;
            }
        }
        // modifiers before: "suspected jihadists", "heavily armed gunmen"
        let mut fs = h.fs;
        let mut os = h.os;
        loop {
            let i = hits.partition_point(|x| x.fs < fs.saturating_sub(64));
            let m = hits[i..].iter().take_while(|x| x.fs < fs).find(|x| {
                x.fe + 1 == fs
                    && matches!(x.kind, PatKind::Noun(n) if self.nouns[n as usize].modifier)
            });
            match m {
                Some(m) => {
                    fs = m.fs;
                    os = m.os;
                }
                None => break,
            }
        }
        // "US-backed fighters", "Iran-aligned militias"
        if let Some(cs) = compound_modifier_before(text, os) {
            os = cs;
            // "Islamic State-linked insurgents", "Al Qaeda-affiliated fighters": the name of
            // several words the compound's first part ends is part of the modifier
            if let Some(x) = hits.iter().find(|x| {
                x.os < cs
                    && x.oe > cs
                    && x.oe < h.os
                    && matches!(x.kind, PatKind::Named(_) | PatKind::Country(_))
            }) {
                os = x.os;
            }
        }
        let det = match prev_word_orig(text, os) {
            Some(w) => with_lower(w, |w| match w {
                "its" | "their" => Det::Its,
                "his" | "her" => Det::His,
                _ => Det::None,
            }),
            None => Det::None,
        };
        let kind = if info.state_desc || info.gov_desc {
            Some(CandKind::State {
                gov: info.gov_desc && !info.state_desc && !force_poss,
                det,
                machine: info.machine,
            })
        } else if let Some(ty) = info.armed {
            Some(CandKind::Armed {
                ty,
                any: info.armed_any,
                det,
                anaphor: info.anaphor,
            })
        } else if info.civilian {
            Some(CandKind::Generic(self.generic(ActorType::Civilians)))
        } else if info.protester {
            Some(CandKind::Generic(self.generic(ActorType::Protesters)))
        } else if info.rioter {
            Some(CandKind::Generic(self.generic(ActorType::Rioters)))
        } else {
            None
        };
        if let Some(kind) = kind {
            out.push(Cand {
                start: os,
                end,
                prio: 0,
                kind,
                person: false,
                modifier: false,
                role_person: false,
            });
        }
        // an unknown capitalised name before a head noun: "Kaniyat militia"
        if let (Some(ty), false) = (info.head, caps_context(text, h.os, h.oe)) {
            if let Some(start) = self.unknown_name_start(text, h.os) {
                let name = collapse_ws(&text[start..h.oe]);
                out.push(Cand {
                    start,
                    end: h.oe,
                    prio: 1,
                    kind: CandKind::Fixed {
                        actor: Actor {
                            name,
                            actor_type: Some(ty),
                            country: None,
                        },
                        gov: false,
                    },
                    person: false,
                    modifier: false,
                    role_person: false,
                });
            }
        }
    }

    /// Start of the run of capitalised words (at most four, separated by single spaces or
    /// hyphens) ending just before byte `end`, skipping words of the `not_name` list at its
    /// start.
    fn unknown_name_start(&self, text: &str, end: usize) -> Option<usize> {
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut pos = end;
        while words.len() < 4 {
            let before = &text[..pos];
            let Some(before) = before.strip_suffix(' ') else {
                break;
            };
            let wstart = before
                .char_indices()
                .rev()
                .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || is_apostrophe(c)))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let word = &before[wstart..];
            if word.is_empty()
                || !word.chars().next().is_some_and(char::is_uppercase)
                || is_compound_modifier(word)
            {
                break;
            }
            words.push((wstart, word));
            pos = wstart;
        }
        // drop not_name words from the start of the name (the end of `words`)
        while let Some(&(_, w)) = words.last() {
            if self.not_name.contains(w) || self.demonyms.contains_key(&fold(w)) {
                words.pop();
            } else {
                break;
            }
        }
        // a name made only of function words or demonyms is no name
        if words.iter().any(|&(_, w)| self.not_name.contains(w)) {
            return None;
        }
        words.last().map(|&(s, _)| s)
    }

    /// The antecedent of an armed descriptor among the armed groups seen so far (most recent
    /// last), among groups of a compatible type (`any`: every armed group; else the same
    /// type): the most recent one whose name holds the descriptor's head word ("the alliance"
    /// → "Three Brotherhood Alliance") or whose `descriptors` in actors.tsv do ("militants" →
    /// Islamic State rather than the SDF), else the most recent named one, else the most
    /// recent one.
    fn resolve_armed(
        &self,
        armed: &[(Actor, bool, String)],
        ty: ActorType,
        any: bool,
        written: &str,
        focus: Option<&str>,
    ) -> Option<Actor> {
        let ok = |a: &Actor| any || a.actor_type == Some(ty);
        let folded = fold(written);
        let head = folded.rsplit(' ').next().unwrap_or("");
        let stem = head.trim_end_matches('s');
        let fits = |key: &str| {
            (stem.len() > 3 && key.split(' ').any(|w| w == head || w == stem))
                || self
                    .by_key
                    .get(key)
                    .and_then(|&e| self.entry_descriptors.get(e as usize))
                    .is_some_and(|d| d.contains(head))
        };
        // groups of the article's own country first: the local affiliate before its
        // global parent ("JNIM ... al-Qaeda ... the jihadists")
        let local = |a: &Actor, key: &str| {
            focus.is_some()
                && (a.country.as_deref() == focus
                    || self
                        .by_key
                        .get(key)
                        .and_then(|&e| self.entry_areas.get(e as usize))
                        .is_some_and(|areas| focus.is_some_and(|f| areas.contains(f))))
        };
        let find = |pred: &dyn Fn(&Actor, bool, &str) -> bool| {
            armed
                .iter()
                .rev()
                .find(|(a, named, key)| ok(a) && pred(a, *named, key))
        };
        find(&|a, _, key| local(a, key) && fits(key))
            .or_else(|| find(&|_, _, key| fits(key)))
            .or_else(|| find(&|a, named, key| named && local(a, key)))
            .or_else(|| find(&|_, named, _| named))
            .or_else(|| find(&|_, _, _| true))
            .map(|(a, _, _)| a.clone())
    }

    /// What a bare anaphor of an international body ("the coalition") points back at: the
    /// latest external actor before it whose name holds the noun ("US-led coalition"), else
    /// the dictionary's body of that noun that fights in the story's country (the Saudi-led
    /// coalition in a story from Yemen). None otherwise: the anaphor is dropped.
    fn resolve_body(
        &self,
        out: &[ActorMention],
        written: &str,
        focus: Option<&str>,
    ) -> Option<Actor> {
        let folded = fold(written);
        let head = folded.rsplit(' ').next().unwrap_or("");
        let names = |a: &Actor| {
            a.actor_type == Some(ActorType::External) && fold(&a.name).split(' ').any(|w| w == head)
        };
        out.iter()
            .rev()
            .map(|m| &m.actor)
            .find(|a| names(a))
            .cloned()
            .or_else(|| {
                let focus = focus?;
                self.entries
                    .iter()
                    .enumerate()
                    .find(|(e, a)| {
                        names(a)
                            && self
                                .entry_areas
                                .get(*e)
                                .is_some_and(|areas| areas.contains(focus))
                    })
                    .map(|(_, a)| a.clone())
            })
    }

    /// The entry an alias several entries list means in an article about `focus` (ISO
    /// alpha-2): the one whose country or areas hold it ("coalition warplanes" in a story from
    /// Yemen: the Saudi-led coalition). `None` for an alias of one entry or no such entry.
    fn shared_in_focus(&self, written: &str, focus: Option<&str>) -> Option<Actor> {
        let focus = focus?;
        let entries = self.shared_keys.get(&fold(written))?;
        entries
            .iter()
            .find(|&&e| {
                let a = &self.entries[e as usize];
                a.country.as_deref() == Some(focus)
                    || self
                        .entry_areas
                        .get(e as usize)
                        .is_some_and(|areas| areas.contains(focus))
            })
            .map(|&e| self.entries[e as usize].clone())
    }

    /// Resolves descriptors left to right.
    fn resolve(&self, text: &str, chosen: Vec<Cand>, focus: Option<&str>) -> Vec<ActorMention> {
        let focus = focus.and_then(|c| self.by_code.get(&c.to_ascii_uppercase()).copied());
        let focus_code = focus.map(|ci| self.countries[ci as usize].code.as_str());
        // (the actors remembered below are held as indices into `out`: each is the actor of
        // the mention pushed at the end of the step that remembers it, cloned only when used)
        let mut last_state: FastMap<(String, bool), usize> = FastMap::default();
        let mut last_state_country: Option<String> = None;
        // armed groups seen so far: (actor, named in the text rather than a descriptor)
        let mut armed: Vec<(Actor, bool, String)> = Vec::new();
        let mut last_any: Option<usize> = None;
        // the last actor that stood as a subject, not as an object of a verb or preposition:
        // "its" and "their" refer back to it ("The alliance launched an offensive, attacking
        // military positions. ... its fighters captured the town": the alliance's)
        let mut last_subject: Option<usize> = None;
        let mut last_person: Option<usize> = None;
        let mut out: Vec<ActorMention> = Vec::with_capacity(chosen.len());
        // unresolved armed descriptors that bring in a new actor ("An ethnic armed group said
        // ..."): the story names it next
        let mut introduced: Vec<(usize, ActorType, bool)> = Vec::new();
        for c in chosen {
            let here = out.len();
            let written = &text[c.start..c.end];
            let (actor, descriptor) = match c.kind {
                CandKind::Fixed { actor, .. } if c.modifier => (actor, false),
                CandKind::Fixed { actor, gov } => {
                    let actor = self.shared_in_focus(written, focus_code).unwrap_or(actor);
                    if c.person {
                        last_person = Some(here);
                    }
                    if actor.actor_type == Some(ActorType::StateForces) && !c.role_person {
                        if let Some(cc) = &actor.country {
                            last_state.insert((cc.clone(), gov), here);
                            last_state_country = Some(cc.clone());
                        }
                    }
                    if is_armed_group(&actor) {
                        armed.push((actor.clone(), true, fold(&actor.name)));
                    }
                    last_any = Some(here);
                    (actor, false)
                }
                CandKind::Generic(actor) => (actor, true),
                CandKind::State { gov, det, machine } => {
                    let antecedent = match det {
                        Det::Its => last_subject.or(last_any),
                        Det::His => last_person.or(last_any),
                        Det::None => None,
                    }
                    .map(|i| &out[i].actor);
                    let focus_cc = focus.map(|ci| self.countries[ci as usize].code.as_str());
                    let led_by = self.leading_country(written);
                    let actor = match (antecedent, det, led_by) {
                        (Some(a), Det::Its | Det::His, _) => a.clone(),
                        // "U.S.-led forces", "Saudi-led troops": the leading country's forces,
                        // foreign ones where the story is about another country
                        (_, _, Some(cc)) => Actor {
                            name: strip_det(written),
                            actor_type: Some(if focus_cc.is_some_and(|f| f != cc) {
                                ActorType::External
                            } else {
                                ActorType::StateForces
                            }),
                            country: Some(cc.to_string()),
                        },
                        _ => {
                            let cc = focus
                                .map(|ci| self.countries[ci as usize].code.clone())
                                .or_else(|| last_state_country.clone());
                            match cc {
                                // (a force descriptor never stands for the civil
                                // government: "federal troops" after "the Ethiopian
                                // government said" keep their own words; a state's drones
                                // are its, whoever was named)
                                Some(cc) => last_state
                                    .get(&(cc.clone(), gov))
                                    .or_else(|| {
                                        (gov || machine)
                                            .then(|| last_state.get(&(cc.clone(), !gov)))
                                            .flatten()
                                    })
                                    .map(|&i| out[i].actor.clone())
                                    // no explicit mention of that state yet: the descriptor's
                                    // own words, which annotators list as aliases ("government
                                    // forces"), with the country for `side_key`
                                    .unwrap_or_else(|| Actor {
                                        name: strip_det(written),
                                        actor_type: Some(ActorType::StateForces),
                                        country: Some(cc),
                                    }),
                                None => Actor {
                                    name: strip_det(written),
                                    actor_type: Some(ActorType::StateForces),
                                    country: None,
                                },
                            }
                        }
                    };
                    last_any = Some(here);
                    (actor, true)
                }
                CandKind::Armed {
                    ty,
                    any,
                    det,
                    anaphor,
                } => {
                    let antecedent = match det {
                        Det::Its => last_subject.or(last_any),
                        Det::His => last_person.or(last_any),
                        Det::None => None,
                    }
                    .map(|i| &out[i].actor);
                    let actor = match (antecedent, det) {
                        (Some(a), Det::Its | Det::His) => a.clone(),
                        // "the coalition": a foreign body named by that noun, else none
                        _ if ty == ActorType::External => {
                            match self.resolve_body(&out, written, focus_code) {
                                Some(a) => a,
                                None => continue,
                            }
                        }
                        _ => match self.resolve_armed(&armed, ty, any, written, focus_code) {
                            Some(a) => a,
                            None if anaphor => continue,
                            None => {
                                let a = Actor {
                                    name: strip_det(written),
                                    actor_type: Some(ty),
                                    country: None,
                                };
                                armed.push((a.clone(), false, fold(&a.name)));
                                if indefinite_before(text, c.start) {
                                    introduced.push((here, ty, any));
                                }
                                a
                            }
                        },
                    };
                    last_any = Some(here);
                    (actor, true)
                }
            };
            if !object_position(text, c.start) {
                last_subject = Some(here);
            }
            out.push(ActorMention {
                span: Span::new(c.start, c.end),
                text: written.to_string(),
                actor,
                descriptor,
            });
        }
        name_introduced_groups(&mut out, &introduced);
        self.name_as_spelled(&mut out);
        out
    }

    /// Names a dictionary actor as the article spells its full name when the article never
    /// writes the canonical name (or that name is an acronym): annotators name an actor the way the article does ("Popular
    /// Mobilisation Forces", "Baloch Liberation Army", "Rapid Support Forces"). The first full
    /// name written wins; descriptors and acronyms don't count.
    fn name_as_spelled(&self, out: &mut [ActorMention]) {
        let mut spelled: FastMap<u32, String> = FastMap::default();
        let mut canonical_written: FastSet<u32> = FastSet::default();
        for m in out.iter().filter(|m| !m.descriptor) {
            let key = fold(&m.text);
            if let Some(&idx) = self.full_names.get(&key) {
                if self.entries[idx as usize].name == m.actor.name {
                    spelled.entry(idx).or_insert_with(|| collapse_ws(&m.text));
                }
            } else if let Some(&idx) = self.by_key.get(&key) {
                // (an acronym written beside its spelled-out name does not keep it: "the
                // Rapid Support Forces (RSF)")
                if self.entries[idx as usize].name == m.actor.name
                    && key == fold(&m.actor.name)
                    && !is_acronym(&m.actor.name)
                {
                    canonical_written.insert(idx);
                }
            }
        }
        spelled.retain(|idx, _| !canonical_written.contains(idx));
        if spelled.is_empty() {
            return;
        }
        let renames: FastMap<&str, &str> = spelled
            .iter()
            .map(|(&idx, name)| (self.entries[idx as usize].name.as_str(), name.as_str()))
            .collect();
        for m in out.iter_mut() {
            if let Some(name) = renames.get(m.actor.name.as_str()) {
                m.actor.name = (*name).to_string();
            }
        }
    }
}

/// Do the words before byte `start` make what follows the owner of a building ("the offices
/// of the", "the provincial office of the country's", "headquarters of")?
fn building_of_before(text: &str, start: usize) -> bool {
    let head = &text[..start.min(text.len())];
    let mut seen_of = false;
    for w in head.split_whitespace().rev().take(5) {
        let is = |words: &[&str]| words.iter().any(|x| w.eq_ignore_ascii_case(x));
        if seen_of {
            return is(&[
                "office",
                "offices",
                "headquarters",
                "building",
                "buildings",
                "compound",
            ]);
        }
        if is(&["of"]) {
            seen_of = true;
        } else if !(is(&["the", "its", "their"]) || w.ends_with("'s") || w.ends_with("’s")) {
            return false;
        }
    }
    false
}

/// Does the mention starting at byte `start` stand as an object: after a preposition or a
/// verb form ("attacking military positions", "fired on the convoy"), a determiner between?
fn object_position(text: &str, start: usize) -> bool {
    let mut pos = start;
    for _ in 0..2 {
        let Some(w) = prev_word_orig(text, pos) else {
            return false;
        };
        if with_lower(w, |lw| matches!(lw, "the" | "a" | "an")) {
            pos -= w.len() + 1;
            continue;
        }
        return with_lower(w, |lw| {
            matches!(
                lw,
                "of" | "on"
                    | "to"
                    | "at"
                    | "in"
                    | "against"
                    | "with"
                    | "from"
                    | "by"
                    | "for"
                    | "into"
                    | "toward"
                    | "towards"
                    | "between"
                    | "over"
                    | "near"
                    | "around"
            ) || (lw.len() > 4 && (lw.ends_with("ing") || lw.ends_with("ed")))
        });
    }
    false
}

/// `f` of the word lower-cased: without an allocation where the word is plain ASCII of up to
/// 32 bytes (as nearly every word is), else of `str::to_lowercase`.
fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = w.as_bytes();
    let mut buf = [0u8; 32];
    if b.len() <= buf.len() && b.is_ascii() {
        let buf = &mut buf[..b.len()];
        buf.copy_from_slice(b);
        buf.make_ascii_lowercase();
        if let Ok(l) = std::str::from_utf8(buf) {
            return f(l);
        }
    }
    f(&w.to_lowercase())
}

/// Suffixes of compound modifiers ("US-backed", "Saudi-led").
const COMPOUND_SUFFIXES: [&str; 18] = [
    "-backed",
    "-led",
    "-aligned",
    "-allied",
    "-supported",
    "-sponsored",
    "-linked",
    "-affiliated",
    "-inspired",
    "-held",
    "-controlled",
    "-occupied",
    "-run",
    "-ruled",
    "-dominated",
    "-friendly",
    "-installed",
    "-appointed",
];

fn is_compound_modifier(word: &str) -> bool {
    // (the suffixes are lower-case ASCII: compared without a lower-cased copy of the word)
    let w = word.as_bytes();
    w.contains(&b'-')
        && COMPOUND_SUFFIXES.iter().any(|s| {
            w.len() >= s.len() && w[w.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes())
        })
}

/// Start of a compound modifier word ("US-backed") just before byte `pos` (after one space).
fn compound_modifier_before(text: &str, pos: usize) -> Option<usize> {
    let before = text[..pos].strip_suffix(' ')?;
    let ws = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    is_compound_modifier(&before[ws..]).then_some(ws)
}

/// A key under which two actors count as the same side when deduplicating events: state
/// actors (state forces with a country) by country, so "Afghan commandos", "Afghan forces",
/// "Kabul" and "Afghanistan" agree; crowds of protesters as one side whatever their words;
/// any other actor by its folded name.
pub fn side_key(actor: &Actor) -> String {
    match (&actor.actor_type, &actor.country) {
        (Some(ActorType::StateForces), Some(cc)) => format!("state:{cc}"),
        // a crowd named by who they are ("STC supporters", "displaced residents") is the
        // protesters' side whatever its words
        (Some(ActorType::Protesters), _) => "protesters".to_string(),
        _ => fold(&actor.name),
    }
}

/// Is the folded alias `key` the canonical name spelled another way ("popular mobilisation
/// forces" for "Popular Mobilization Forces", "baloch liberation army" for "Balochistan
/// Liberation Army": a few letters apart), spelled out (the initials of "rapid support
/// forces" make "RSF") or, with `own_names`, another proper name ("Islamic State in the
/// Greater Sahara")? Names of two words or more only; "the Taliban" or "Islamic State group"
/// (the canonical name with more words) are no other spelling.
fn full_name_of(canonical: &str, alias: &str, key: &str, own_names: bool) -> bool {
    const LINKS: [&str; 7] = ["of", "the", "for", "and", "al", "wal", "in"];
    let words: Vec<&str> = key.split_whitespace().collect();
    if words.len() < 2 || words[0] == "the" {
        return false;
    }
    let canon = fold(canonical);
    // (a state's forces named as a government would read as its civil side: "Government of
    // National Accord" stays GNA)
    let civil = |s: &str| {
        ["government", "authorities", "ministry"]
            .iter()
            .any(|w| s.contains(w))
    };
    if !own_names && civil(key) && !civil(&canon) {
        return false;
    }
    if is_acronym(canonical) {
        let initials: String = words
            .iter()
            .filter(|w| !LINKS.contains(w))
            .filter_map(|w| w.chars().next())
            .collect();
        return initials == canon;
    }
    if key.contains(canon.as_str()) {
        return false;
    }
    // a proper name of its own: every word but the links capitalised, no acronym inside
    // ("Islamic State in the Greater Sahara"; not "Coalition warplanes", "UN Security Council")
    let proper = alias.split([' ', '-']).filter(|w| !w.is_empty()).all(|w| {
        LINKS.contains(&w.to_lowercase().as_str())
            || (w.starts_with(|c: char| c.is_uppercase())
                && !w
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase()))
    });
    let (a, b): (Vec<char>, Vec<char>) = (canon.chars().collect(), key.chars().collect());
    (own_names && proper)
        || (canon.split_whitespace().count() >= 2
            && edit_distance(&a, &b) <= (a.len().max(b.len()) / 5).max(2))
}

/// A name written as an acronym ("RSF", "TPLF").
fn is_acronym(name: &str) -> bool {
    name.len() >= 2 && name.chars().all(|c| c.is_ascii_uppercase())
}

/// Levenshtein distance between two strings of characters.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// How far (bytes) after an armed descriptor that introduces a group ("An ethnic armed group
/// in northern Myanmar said ...") the story may name that group.
const INTRODUCED_NAMED_WITHIN: usize = 600;

/// Is the descriptor at `start` indefinite: "a"/"an" before it, with at most two words
/// between ("an ethnic armed group", "a rebel alliance")?
fn indefinite_before(text: &str, start: usize) -> bool {
    let mut pos = start;
    for _ in 0..3 {
        let Some(w) = prev_word_orig(text, pos) else {
            return false;
        };
        if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") {
            return true;
        }
        if !w.chars().all(char::is_alphabetic) {
            return false;
        }
        pos -= w.len() + 1;
    }
    false
}

/// "An ethnic armed group in northern Myanmar said it had taken the town ... The Ta'ang
/// National Liberation Army (TNLA) said its fighters ...": a lead that introduces an armed
/// group by an indefinite descriptor no earlier actor resolves names it next. Each such
/// mention (and the mentions resolved to it since) takes the first named armed group of a
/// fitting type that follows within [`INTRODUCED_NAMED_WITHIN`] bytes.
fn name_introduced_groups(out: &mut [ActorMention], introduced: &[(usize, ActorType, bool)]) {
    for &(i, ty, any) in introduced {
        let end = out[i].span.end;
        let Some(j) = (i + 1..out.len()).find(|&j| {
            let m = &out[j];
            !m.descriptor
                && is_armed_group(&m.actor)
                && (any || m.actor.actor_type == Some(ty))
                && m.span.start <= end + INTRODUCED_NAMED_WITHIN
        }) else {
            continue;
        };
        let (old, new) = (out[i].actor.clone(), out[j].actor.clone());
        for m in &mut out[i..j] {
            if m.actor == old {
                m.actor = new.clone();
            }
        }
    }
}

/// A non-state armed group: rebels or a militia.
pub fn is_armed_group(a: &Actor) -> bool {
    matches!(
        a.actor_type,
        Some(ActorType::Rebels | ActorType::PoliticalMilitia | ActorType::IdentityMilitia)
    )
}

/// A descriptor as written without a leading article ("the militants" → "militants").
fn strip_det(s: &str) -> String {
    let s = collapse_ws(s);
    for det in ["the ", "The ", "its ", "Its ", "their ", "Their "] {
        if let Some(rest) = s.strip_prefix(det) {
            return rest.to_string();
        }
    }
    s
}

/// Keeps the longest non-overlapping candidates (higher priority on ties, then the earlier;
/// then the one found first), in text order.
///
/// (Speed: the choice reads only spans and priorities, so it is made on small keys, sorted
/// with the index as the last key (the order a stable sort gives); the candidates themselves
/// are moved once, those kept.)
fn select(cands: Vec<Cand>) -> Vec<Cand> {
    use std::cmp::Reverse;
    let mut order: Vec<(Reverse<usize>, Reverse<u8>, usize, usize)> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| (Reverse(c.end - c.start), Reverse(c.prio), c.start, i))
        .collect();
    order.sort_unstable();
    // (start, end, index) of the candidates taken, in order of start
    let mut taken: Vec<(usize, usize, usize)> = Vec::new();
    for &(.., i) in &order {
        let c = &cands[i];
        let k = taken.partition_point(|t| t.0 < c.start);
        let clash_prev = k > 0 && taken[k - 1].1 > c.start;
        let clash_next = k < taken.len() && taken[k].0 < c.end;
        if !clash_prev && !clash_next {
            taken.insert(k, (c.start, c.end, i));
        }
    }
    let mut cands: Vec<Option<Cand>> = cands.into_iter().map(Some).collect();
    taken.iter().filter_map(|t| cands[t.2].take()).collect()
}

#[cfg(test)]
mod tests;
