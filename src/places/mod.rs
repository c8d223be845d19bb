//! Places stage: the gazetteer, place-name recognition and resolution.
//!
//! The built gazetteer (see `gazetteer/README.md`) is a directory holding:
//! - `places.bin.zst` (or an older build's `places.bin.gz`): every GeoNames populated place of the dump with its folded names
//!   (primary, ASCII and Latin-script alternates), in the compact form of [`store`];
//! - `admin1.tsv`, `countries.tsv` (required) and `admin2.tsv` (optional): built, readable;
//! - hand-written, optional: `countries_aliases.tsv` (other names of countries),
//!   `admin1_aliases.tsv` (other names of provinces: "Calif.", "BC"), `region_points.tsv`
//!   (GeoNames points of countries and provinces, replacing the built centres),
//!   `demonyms.tsv` (`CC<TAB>Afghan;Afghani`), `places_context.tsv` (stop words, titles,
//!   "province"-like suffixes, feature words), `places_extra.tsv` (continents).
//!
//! Resolution signals (see `find.rs`): population (log scale), feature class (capital, admin
//! seats), primary vs alternate name, countries named in the article (names, demonyms,
//! confidently resolved places; scaled by their share), provinces named, proximity to other
//! resolved places, "X province"/"X district"/"X city" hints, the seat-named-like-its-province
//! rule, a penalty for countries the article never mentions, one sense per discourse, "X,
//! <region>" (its own reading for that mention), the fame of capitals and cities of a
//! million over small namesakes, a region meant where a town answers to its name only as an
//! alternate, districts by bare name ("Kent") where their country is named. Evidence that a
//! name is a place at all (the recognition bar, higher for one word than for several) is
//! kept apart from what only weighs homonyms. A dateline lends only its country. Fuzzy
//! matches (skeleton + edit distance) are limited to countries the article names. A
//! mention's confidence is its margin over the best reading more than 25 km away (a town
//! and the district named after it are no doubt about where).
//!
//! [`Gazetteer::find_places`] matches folded token n-grams against hash lookups (no automaton
//! to build at start) and resolves each name from the evidence of the whole article.

pub mod build;
mod find;
mod fuzzy;
pub mod gwn;
mod pairs;
pub mod store;

pub use build::{build, BuildReport};
pub use gwn::{evaluate_gwn, GwnReport};

use crate::model::{GeoPrecision, Place, PlaceMention};
use crate::text::fold;
use crate::{Error, Result};
use std::collections::HashMap;

use std::path::Path;
use std::sync::OnceLock;
use store::{Store, NONE};

/// A country of the gazetteer.
#[derive(Debug, Clone)]
pub struct Country {
    pub cc: String,
    pub iso3: String,
    pub name: String,
    pub capital: String,
    pub geonameid: u32,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// An admin-1 region (province, state, governorate, oblast).
#[derive(Debug, Clone)]
pub struct Admin1 {
    /// GeoNames code `CC.A1` (`AF.02`).
    pub code: String,
    pub cc: String,
    pub name: String,
    pub geonameid: u32,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// What a name in the small (country / admin-1 / demonym) table stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Small {
    Country(u32),
    Admin1(u32),
    Demonym(u32),
    /// A toponym above the country level (`places_extra.tsv`).
    Extra(u32),
    /// An admin-2 region by its full name ("Orange County").
    Admin2(u32),
    /// An admin-2 region by its name without "District"/"County": only after "district".
    Admin2Stem(u32),
    /// An admin-2 region by its whole name where that name has no division word ("Kent",
    /// "Fife"): after "district" as a stem is, and bare as a reading that needs the article
    /// to name its country (and no town of its country to answer to the name).
    Admin2Bare(u32),
    /// A place of the table by a name GeoNames lacks (`places_aliases.tsv`).
    Place(u32),
}

/// An admin-2 region (district, county).
#[derive(Debug, Clone)]
pub struct Admin2 {
    /// GeoNames code `CC.A1.A2`.
    pub code: String,
    pub cc: String,
    /// Admin-1 index, if known.
    pub admin1: Option<u32>,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// A toponym above the country level (continent, region) from `places_extra.tsv`.
#[derive(Debug, Clone)]
pub struct Extra {
    pub name: String,
    pub geonameid: u32,
    pub lat: f64,
    pub lon: f64,
    pub feature_code: String,
}

/// Context words from `places_context.tsv`.
#[derive(Debug, Default, Clone)]
pub(crate) struct Context {
    /// Capitalised words that are not place names in running text ("May", "Police").
    pub stop: FastSet<String>,
    /// Titles before person names ("Mr", "President").
    pub title: FastSet<String>,
    /// The lengths and first letters of `title` (every token before a capitalised one is
    /// asked about: most are told apart without a hash).
    pub title_mask: WordMask,
    /// Every word of the sets above with the [`Context::flags`] of the sets holding it, so
    /// that the words around a name are asked about with one probe.
    pub all: FastMap<String, u8>,
    /// `all` for fast lookups.
    pub fast: WordFlags,
    /// Words after a name that make it an admin-1 region ("province", "state").
    pub admin1: FastSet<String>,
    /// Words after a name that make it a town ("city", "town").
    pub city: FastSet<String>,
    /// Words after a name that make it a district ("district").
    pub admin2: FastSet<String>,
    /// Capitalised words after a name that make it a natural feature ("River").
    pub feature: FastSet<String>,
    /// Words that are usually a person's given name or surname ("Paul", "Chen"): alone, not
    /// a place unless a country, a province or a city of 100,000 or more.
    pub person: FastSet<String>,
    /// Nouns a place name modifies as an attribute of a person or an organisation
    /// ("Liverpool forward", "Kabul bureau", "Paris-based"): such a name is no event location.
    pub modifier: FastSet<String>,
    /// Capitalised words that make a name around them a building's or an institution's
    /// ("Cornell University", "Hotel Kyjev", "Embassy of Armenia"): in toponym mode the
    /// embedded name is not reported, for the toponym is the facility, which the gazetteer
    /// does not have, not the town or country it is named after.
    pub facility: FastSet<String>,
    /// Words of meeting before "in" that make the name after it a town where people met or
    /// signed ("talks in Geneva", "signed in Doha"): a venue abroad is a place even in an
    /// article about another country.
    pub venue: FastSet<String>,
    /// Nouns that make a name a part of the town named after them ("the X favela in Y",
    /// "the X district of Y"): a far namesake of the part is no reading of it.
    pub part: FastSet<String>,
}

impl Context {
    pub(crate) const STOP: u8 = 1;
    pub(crate) const TITLE: u8 = 2;
    pub(crate) const ADMIN1: u8 = 4;
    pub(crate) const ADMIN2: u8 = 8;
    pub(crate) const CITY: u8 = 16;
    pub(crate) const FEATURE: u8 = 32;
    pub(crate) const PERSON: u8 = 64;
    pub(crate) const MODIFIER: u8 = 128;

    /// Which sets hold folded word `w` (a bit each, 0: none).
    #[inline]
    pub(crate) fn flags(&self, w: &str) -> u8 {
        self.fast.get(w)
    }

    /// [`Context::flags`] of a word given as its bytes (no char boundaries to check).
    #[inline]
    pub(crate) fn flags_of(&self, w: &[u8]) -> u8 {
        self.fast.get_bytes(w)
    }
}

/// [`Context::all`] as an open-addressing table of words of up to 16 bytes held inline (two
/// words compared, no string behind a pointer), and a map for longer words: the words around
/// every name are asked about, most of them in no list.
#[derive(Debug, Default, Clone)]
pub(crate) struct WordFlags {
    /// `(bytes 0..8, bytes 8..16, length, flags)`; length 0: an empty slot.
    slots: Vec<(u64, u64, u8, u8)>,
    long: FastMap<String, u8>,
}

impl WordFlags {
    /// The word's bytes zero-padded to 16, if it has 1 to 16.
    #[inline(always)]
    fn inline(w: &[u8]) -> Option<(u64, u64)> {
        if w.is_empty() || w.len() > 16 {
            return None;
        }
        // Reads of the bytes, not a copy of variable length (a call to `memcpy`).
        let word8 = |r: &[u8]| match r.len() {
            0 => 0,
            8 => u64::from_le_bytes([r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]]),
            _ => crate::hash::tail_u64(r),
        };
        let (lo, hi) = w.split_at(w.len().min(8));
        Some((word8(lo), word8(hi)))
    }

    #[inline]
    fn slot(lo: u64, hi: u64, len: usize, mask: usize) -> usize {
        let h = (lo ^ hi.rotate_left(29) ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 32) as usize & mask
    }

    pub(crate) fn build(all: &FastMap<String, u8>) -> WordFlags {
        let n = (all.len() * 4).next_power_of_two().max(16);
        let mut slots = vec![(0u64, 0u64, 0u8, 0u8); n];
        let mut long = FastMap::default();
        for (w, &f) in all {
            let Some((lo, hi)) = Self::inline(w.as_bytes()) else {
                long.insert(w.clone(), f);
                continue;
            };
            let mut k = Self::slot(lo, hi, w.len(), n - 1);
            while slots[k].2 != 0 {
                k = (k + 1) & (n - 1);
            }
            slots[k] = (lo, hi, w.len() as u8, f);
        }
        WordFlags { slots, long }
    }

    /// [`WordFlags::get`] of a word of no byte or of more than 16.
    #[cold]
    fn get_long(&self, w: &str) -> u8 {
        self.long.get(w).copied().unwrap_or(0)
    }

    #[inline(always)]
    pub(crate) fn get(&self, w: &str) -> u8 {
        self.get_bytes(w.as_bytes())
    }

    /// [`WordFlags::get`] of a word given as its bytes.
    #[inline(always)]
    pub(crate) fn get_bytes(&self, b: &[u8]) -> u8 {
        let Some((lo, hi)) = Self::inline(b) else {
            return std::str::from_utf8(b).map_or(0, |w| self.get_long(w));
        };
        if self.slots.is_empty() {
            return 0;
        }
        let mask = self.slots.len() - 1;
        let mut k = Self::slot(lo, hi, b.len(), mask);
        loop {
            let (a, c, len, f) = self.slots[k];
            if len == 0 {
                return 0;
            }
            if a == lo && c == hi && len as usize == b.len() {
                return f;
            }
            k = (k + 1) & mask;
        }
    }
}

/// A 256-bit filter of words by length and first byte: [`WordMask::may_bytes`] is true for every
/// word noted (and some others).
#[derive(Debug, Default, Clone)]
pub(crate) struct WordMask([u64; 4]);

impl WordMask {
    #[inline]
    fn bit(w: &[u8]) -> usize {
        (w.len().min(15) << 4) | (w.first().copied().unwrap_or(0) as usize & 15)
    }
    pub(crate) fn note(&mut self, w: &str) {
        let b = Self::bit(w.as_bytes());
        self.0[b / 64] |= 1 << (b % 64);
    }
    /// Whether word `w` (its bytes) may have been noted.
    #[inline]
    pub(crate) fn may_bytes(&self, w: &[u8]) -> bool {
        let b = Self::bit(w);
        self.0[b / 64] & (1 << (b % 64)) != 0
    }
}

/// Per feature code: how much being that kind of place counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rank {
    Capital,
    Admin1Seat,
    Admin2Seat,
    Seat,
    Division,
    Other,
}

/// The loaded gazetteer (places, admin-1 regions, countries with demonyms).
pub struct Gazetteer {
    pub(crate) store: Store,
    /// Open-addressing table: `tag << 32 | (name index + 1)` (0 = empty), where `tag` is the
    /// upper half of the name's hash, so most misses are rejected without touching the
    /// string pool.
    table: Vec<u64>,
    pub(crate) ranks: Vec<Rank>,
    /// Store country index → index into `countries` (or `NONE`).
    pub(crate) store_country: Vec<u32>,
    /// Store pool index of an admin-1 code → index into `admin1`.
    pub(crate) admin1_of_code: FastMap<u32, u32>,
    pub(crate) countries: Vec<Country>,
    country_by_cc: FastMap<String, u32>,
    pub(crate) admin1: Vec<Admin1>,
    admin1_by_code: FastMap<String, u32>,
    /// Folded country, admin-1 and demonym names.
    pub(crate) small: FastMap<String, Vec<Small>>,
    /// For the hash of a folded first word: the most words of any name starting with it
    /// (0: no name starts so). Collisions only over-estimate.
    pub(crate) first: FirstFilter,
    pub(crate) extras: Vec<Extra>,
    pub(crate) admin2: Vec<Admin2>,
    pub(crate) context: Context,
    pub(crate) fuzzy: OnceLock<fuzzy::FuzzyIndex>,
    /// The two-word filter (built on first need).
    pub(crate) pairs: OnceLock<pairs::PairFilter>,
    /// A bit per [`hash_bytes`] slot of the keys of `small` (built on first need): most
    /// keys the recogniser looks up are in no small table, and this says so from 256 KB
    /// instead of a probe of the map.
    small_filter: OnceLock<Vec<u64>>,
    /// (country code in capitals, compass direction) → the first province of that country
    /// named for the direction (built on first need; see [`Gazetteer::direction_province`]).
    directions: OnceLock<FastMap<(String, &'static str), u32>>,
    /// Admin-1 index → its seat: the most populous place of that region whose feature code
    /// is PPLA (built on first need; see [`Gazetteer::admin1_seat`]).
    seats: OnceLock<FastMap<u32, u32>>,
}

/// Bits of the small-table filter (a power of two).
const SMALL_FILTER_BITS: usize = 1 << 21;

pub(crate) use crate::hash::{word_hash, FastMap, FastSet};

/// Size of the first-token filter (entries, a power of two).
const FIRST_BITS: usize = 1 << 21;

/// Bits of a name-table slot that hold the name index (plus one); the rest hold the upper
/// bits of the name's hash.
pub(crate) fn index_bits(names: usize) -> u32 {
    (usize::BITS - (names + 1).leading_zeros()).max(20)
}

/// A name-table slot's hash tag is trusted without comparing strings when it has at least
/// this many bits (a false match then has odds of about one in 2^36 per probe).
const TRUSTED_TAG_BITS: u32 = 36;

/// The open-addressing name table of a store (see [`Gazetteer`]'s `table`).
pub(crate) fn name_table(store: &Store) -> Vec<u64> {
    let n = store.name_keys.len();
    let cap = (n * 2).next_power_of_two().max(16);
    let mut table = vec![0u64; cap];
    let mask = cap - 1;
    let tag_mask = !0u64 << index_bits(n);
    for (i, &k) in store.name_keys.iter().enumerate() {
        let full = hash_bytes(store.pool.get(k).as_bytes());
        let mut h = full as usize & mask;
        while table[h] != 0 {
            h = (h + 1) & mask;
        }
        table[h] = (full & tag_mask) | (i as u64 + 1);
    }
    table
}

/// The first-word filter: per hash slot of a folded first word, 2 bits for the most words
/// of a name starting with it (0 none, 1, 2, 3 = three or more). 512 KB, so that it stays in
/// a core's cache: every capitalised token of a text is tried against it.
#[derive(Clone)]
pub(crate) struct FirstFilter(Vec<u64>);

impl Default for FirstFilter {
    fn default() -> Self {
        FirstFilter(vec![0; Self::WORDS])
    }
}

impl FirstFilter {
    /// Number of `u64` words.
    pub(crate) const WORDS: usize = FIRST_BITS / 32;

    pub(crate) fn words(&self) -> &[u64] {
        &self.0
    }

    fn note(&mut self, h: u64, words: u8) {
        let slot = h as usize & (FIRST_BITS - 1);
        let (w, sh) = (slot / 32, (slot % 32) * 2);
        let v = u64::from(words.min(3));
        if v > (self.0[w] >> sh) & 3 {
            self.0[w] = (self.0[w] & !(3 << sh)) | (v << sh);
        }
    }
    /// The most words (`usize::MAX` for three or more).
    #[inline]
    fn get(&self, h: u64) -> usize {
        let slot = h as usize & (FIRST_BITS - 1);
        match (self.0[slot / 32] >> ((slot % 32) * 2)) & 3 {
            3 => usize::MAX,
            v => v as usize,
        }
    }
    /// Size in bytes.
    #[cfg(test)]
    pub(crate) fn bytes(&self) -> usize {
        self.0.len() * 8
    }
}

/// The first-word filter over a store's names. Names are sorted, so a run of names sharing
/// a first word is noted once, with the most words of the run.
pub(crate) fn first_filter(store: &Store) -> FirstFilter {
    let mut first = FirstFilter::default();
    let mut run: (&[u8], u8) = (&[], 0);
    for &k in &store.name_keys {
        let key = store.pool.get(k);
        let (w, words) = first_word(key);
        if words == 0 {
            continue;
        }
        let fw = &key.as_bytes()[..w];
        if fw == run.0 {
            run.1 = run.1.max(words);
            continue;
        }
        if !run.0.is_empty() {
            first.note(hash_bytes(run.0), run.1);
        }
        run = (fw, words);
    }
    if !run.0.is_empty() {
        first.note(hash_bytes(run.0), run.1);
    }
    first
}

/// End of the first word of a folded name and its number of words (0: none).
fn first_word(key: &str) -> (usize, u8) {
    let mut words = 0u8;
    let mut first_end = key.len();
    let mut in_word = false;
    if key.is_ascii() {
        for (i, &c) in key.as_bytes().iter().enumerate() {
            let w = c.is_ascii_alphanumeric();
            if w && !in_word {
                words = words.saturating_add(1);
            } else if !w && in_word && words == 1 {
                first_end = i;
            }
            in_word = w;
        }
        return (first_end, words);
    }
    for (i, c) in key.char_indices() {
        let w = c.is_alphanumeric();
        if w && !in_word {
            words = words.saturating_add(1);
        } else if !w && in_word && words == 1 {
            first_end = i;
        }
        in_word = w;
    }
    (first_end, words)
}

/// Notes folded name `key` in the first-word filter: the most words of a name starting with
/// its first word.
fn note_first(first: &mut FirstFilter, key: &str) {
    let (w, words) = first_word(key);
    if words == 0 {
        return;
    }
    first.note(hash_bytes(&key.as_bytes()[..w]), words);
}

/// [`fold`] with a fast path for ASCII names (most of the gazetteer's): the same result.
pub(crate) fn fold_fast(s: &str) -> String {
    if !s.is_ascii() {
        return fold(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for &b in s.as_bytes() {
        match b {
            b'\'' | b'`' | 0 => {}
            b'-' | b'_' | b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => {
                if !space {
                    out.push(' ');
                    space = true;
                }
            }
            _ => {
                out.push(b.to_ascii_lowercase() as char);
                space = false;
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Byte hash used by the name table (FNV-1a, 64 bit).
#[inline]
pub(crate) fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h ^ (h >> 29)
}

fn read_text(path: &Path) -> Result<Option<String>> {
    match std::fs::read(path) {
        Ok(b) => String::from_utf8(b)
            .map(Some)
            .map_err(|_| Error::gazetteer(path, "not UTF-8")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, e)),
    }
}

fn data_lines(s: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    s.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn bad_line(path: &Path, line: usize, what: &str) -> Error {
    Error::gazetteer(path, format!("line {line}: {what}"))
}

impl Gazetteer {
    /// Loads the built gazetteer from `dir` (see `gazetteer/README.md`).
    pub fn load(dir: &Path) -> Result<Gazetteer> {
        // The place table decompresses and decodes on one thread while this one parses the
        // readable files; then the name hash table and the first-word filter are built side
        // by side.
        let panicked = || Error::gazetteer(dir.join(build::PLACE_TABLE), "loader thread panicked");
        let (store, g) = std::thread::scope(|sc| {
            let h = sc.spawn(|| -> Result<Store> {
                let (path, raw) = build::read_place_table(dir)?;
                Store::decode(&raw, &path)
            });
            let g = Gazetteer::load_readable(dir);
            (h.join().unwrap_or_else(|_| Err(panicked())), g)
        });
        let mut store = store?;
        let mut g = g?;
        // Tables prebuilt in the file (decode checked their shape) are taken as they are;
        // a place table of the first version has none, and they are built here.
        let prebuilt = (
            std::mem::take(&mut store.table),
            std::mem::take(&mut store.first),
        );
        let (table, mut first) = match prebuilt {
            (t, f) if !t.is_empty() && f.len() == FirstFilter::WORDS => (t, FirstFilter(f)),
            _ => {
                let (table, first) = std::thread::scope(|sc| {
                    let h = sc.spawn(|| name_table(&store));
                    let first = first_filter(&store);
                    (h.join().map_err(|_| panicked()), first)
                });
                (table?, first)
            }
        };
        for k in g.small.keys() {
            note_first(&mut first, k);
        }
        g.store = store;
        g.table = table;
        g.first = first;
        g.link_store();
        let al_path = dir.join("places_aliases.tsv");
        if let Some(t) = read_text(&al_path)? {
            g.add_aliases(&al_path, &t)?;
        }
        Ok(g)
    }

    /// The readable half of the gazetteer (countries, regions, context words), over an
    /// empty place table.
    fn load_readable(dir: &Path) -> Result<Gazetteer> {
        let ctry_path = dir.join("countries.tsv");
        let ctry_text = read_text(&ctry_path)?
            .ok_or_else(|| Error::gazetteer(&ctry_path, "missing (part of the built gazetteer)"))?;
        let a1_path = dir.join("admin1.tsv");
        let a1_text = read_text(&a1_path)?
            .ok_or_else(|| Error::gazetteer(&a1_path, "missing (part of the built gazetteer)"))?;
        let aliases = read_text(&dir.join("countries_aliases.tsv"))?;
        let demonyms = read_text(&dir.join("demonyms.tsv"))?;
        let context = read_text(&dir.join("places_context.tsv"))?;
        let mut g = Gazetteer::from_parts(
            Store::default(),
            (&ctry_path, &ctry_text),
            (&a1_path, &a1_text),
            aliases.as_deref().unwrap_or(""),
            demonyms.as_deref().unwrap_or(""),
        )?;
        let a1_aliases = dir.join("admin1_aliases.tsv");
        if let Some(t) = read_text(&a1_aliases)? {
            g.add_admin1_aliases(&a1_aliases, &t)?;
        }
        let pts_path = dir.join("region_points.tsv");
        if let Some(t) = read_text(&pts_path)? {
            g.set_region_points(&pts_path, &t)?;
        }
        if let Some(c) = context {
            g.context = parse_context(&dir.join("places_context.tsv"), &c)?;
        }
        let a2_path = dir.join("admin2.tsv");
        if let Some(t) = read_text(&a2_path)? {
            g.add_admin2(&a2_path, &t)?;
        }
        let extra_path = dir.join("places_extra.tsv");
        if let Some(t) = read_text(&extra_path)? {
            g.add_extras(&extra_path, &t)?;
        }
        Ok(g)
    }

    pub(crate) fn from_parts(
        store: Store,
        (ctry_path, ctry_text): (&Path, &str),
        (a1_path, a1_text): (&Path, &str),
        aliases: &str,
        demonyms: &str,
    ) -> Result<Gazetteer> {
        let mut countries = Vec::new();
        for (no, c) in data_lines(ctry_text) {
            if c.len() < 8 || c[0].len() != 2 {
                return Err(bad_line(ctry_path, no, "expected iso2, iso3, name, capital, geonameid, latitude, longitude, population"));
            }
            let (Ok(lat), Ok(lon)) = (c[5].parse::<f64>(), c[6].parse::<f64>()) else {
                return Err(bad_line(ctry_path, no, "bad latitude/longitude"));
            };
            countries.push(Country {
                cc: c[0].to_string(),
                iso3: c[1].to_string(),
                name: c[2].to_string(),
                capital: c[3].to_string(),
                geonameid: c[4].parse().unwrap_or(0),
                lat,
                lon,
                population: c[7].parse().unwrap_or(0),
            });
        }
        let country_by_cc: FastMap<String, u32> = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.cc.clone(), i as u32))
            .collect();
        let mut small: FastMap<String, Vec<Small>> = FastMap::default();
        let mut add = |name: &str, s: Small| {
            let k = fold_fast(name);
            if k.len() < 2 {
                return;
            }
            let v = small.entry(k).or_default();
            if !v.contains(&s) {
                v.push(s);
            }
        };
        for (i, c) in countries.iter().enumerate() {
            add(&c.name, Small::Country(i as u32));
        }
        for (_, c) in data_lines(aliases) {
            if let (Some(&i), Some(names)) = (country_by_cc.get(c[0].trim()), c.get(1)) {
                for n in names.split(';') {
                    add(n.trim(), Small::Country(i));
                }
            }
        }
        for (_, c) in data_lines(demonyms) {
            if let (Some(&i), Some(names)) = (country_by_cc.get(c[0].trim()), c.get(1)) {
                for n in names.split(';') {
                    add(n.trim(), Small::Demonym(i));
                }
            }
        }
        let mut admin1 = Vec::new();
        for (no, c) in data_lines(a1_text) {
            if c.len() < 7 {
                return Err(bad_line(
                    a1_path,
                    no,
                    "expected code, name, ascii name, geonameid, latitude, longitude, population",
                ));
            }
            let (Ok(lat), Ok(lon)) = (c[4].parse::<f64>(), c[5].parse::<f64>()) else {
                return Err(bad_line(a1_path, no, "bad latitude/longitude"));
            };
            let i = admin1.len() as u32;
            admin1.push(Admin1 {
                code: c[0].to_string(),
                cc: c[0].split('.').next().unwrap_or("").to_string(),
                name: c[1].to_string(),
                geonameid: c[3].parse().unwrap_or(0),
                lat,
                lon,
                population: c[6].parse().unwrap_or(0),
            });
            add(c[1], Small::Admin1(i));
            add(c[2], Small::Admin1(i));
            for n in c.get(7).map_or("", |s| s).split(';') {
                add(n.trim(), Small::Admin1(i));
                // "Badghis Province" also answers to "Badghis".
                for suf in [
                    " province",
                    " governorate",
                    " oblast",
                    " region",
                    " state",
                    " prefecture",
                ] {
                    let f = fold_fast(n);
                    if let Some(stem) = f.strip_suffix(suf) {
                        add(stem, Small::Admin1(i));
                    }
                }
            }
        }
        let admin1_by_code: FastMap<String, u32> = admin1
            .iter()
            .enumerate()
            .map(|(i, a)| (a.code.clone(), i as u32))
            .collect();
        let table = name_table(&store);
        let mut g = Gazetteer {
            store,
            table,
            ranks: Vec::new(),
            store_country: Vec::new(),
            admin1_of_code: FastMap::default(),
            countries,
            country_by_cc,
            admin1,
            admin1_by_code,
            small,
            first: FirstFilter::default(),
            extras: Vec::new(),
            admin2: Vec::new(),
            context: Context::default(),
            fuzzy: OnceLock::new(),
            pairs: OnceLock::new(),
            small_filter: OnceLock::new(),
            directions: OnceLock::new(),
            seats: OnceLock::new(),
        };
        g.link_store();
        Ok(g)
    }

    /// Links the place table to the regions: admin-1 codes, feature ranks, countries.
    fn link_store(&mut self) {
        let store = &self.store;
        let mut admin1_of_code = FastMap::default();
        let mut last = NONE;
        for p in &store.places {
            // Places come grouped by country and province: skip repeats cheaply.
            if p.admin1 == NONE || p.admin1 == last || admin1_of_code.contains_key(&p.admin1) {
                continue;
            }
            last = p.admin1;
            if let Some(&i) = self.admin1_by_code.get(store.pool.get(p.admin1)) {
                admin1_of_code.insert(p.admin1, i);
            }
        }
        self.ranks = store
            .fcodes
            .iter()
            .map(|f| match f.as_str() {
                "PPLC" => Rank::Capital,
                "PPLA" => Rank::Admin1Seat,
                "PPLA2" => Rank::Admin2Seat,
                "PPLA3" | "PPLA4" | "PPLA5" | "PPLG" => Rank::Seat,
                f if f.starts_with("ADM") => Rank::Division,
                _ => Rank::Other,
            })
            .collect();
        self.store_country = store
            .countries
            .iter()
            .map(|cc| self.country_by_cc.get(cc).copied().unwrap_or(NONE))
            .collect();
        self.admin1_of_code = admin1_of_code;
    }

    /// `admin1_aliases.tsv`: other names of provinces ("Calif.", "BC"). Unknown codes are
    /// ignored, as in `region_points.tsv`.
    fn add_admin1_aliases(&mut self, path: &Path, text: &str) -> Result<()> {
        for (no, c) in data_lines(text) {
            let Some(names) = c.get(1) else {
                return Err(bad_line(path, no, "expected code, names"));
            };
            let Some(&i) = self.admin1_by_code.get(c[0].trim()) else {
                continue;
            };
            for n in names.split(';').map(str::trim) {
                let k = fold_fast(n);
                if k.len() < 2 {
                    continue;
                }
                let v = self.small.entry(k).or_default();
                if !v.contains(&Small::Admin1(i)) {
                    v.push(Small::Admin1(i));
                }
            }
        }
        Ok(())
    }

    /// `region_points.tsv`: the point that stands for a whole country or province (the
    /// GeoNames country or ADM1 feature), replacing the built centre of `countries.tsv` or
    /// `admin1.tsv`. Unknown codes are ignored, so one file serves gazetteers built from
    /// smaller dumps.
    fn set_region_points(&mut self, path: &Path, text: &str) -> Result<()> {
        for (no, c) in data_lines(text) {
            if c.len() < 3 {
                return Err(bad_line(path, no, "expected code, latitude, longitude"));
            }
            let (Ok(lat), Ok(lon)) = (c[1].trim().parse::<f64>(), c[2].trim().parse::<f64>())
            else {
                return Err(bad_line(path, no, "bad latitude/longitude"));
            };
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                return Err(bad_line(path, no, "latitude/longitude out of range"));
            }
            let code = c[0].trim();
            if let Some(&i) = self.country_by_cc.get(code) {
                let ctry = &mut self.countries[i as usize];
                (ctry.lat, ctry.lon) = (lat, lon);
            } else if let Some(&i) = self.admin1_by_code.get(code) {
                let a1 = &mut self.admin1[i as usize];
                (a1.lat, a1.lon) = (lat, lon);
            }
        }
        Ok(())
    }

    fn add_extras(&mut self, path: &Path, text: &str) -> Result<()> {
        for (no, c) in data_lines(text) {
            if c.len() < 5 {
                return Err(bad_line(
                    path,
                    no,
                    "expected names, geonameid, latitude, longitude, feature code",
                ));
            }
            let (Ok(lat), Ok(lon)) = (c[2].trim().parse::<f64>(), c[3].trim().parse::<f64>())
            else {
                return Err(bad_line(path, no, "bad latitude/longitude"));
            };
            let i = self.extras.len() as u32;
            let mut names = c[0].split(';').map(str::trim).filter(|n| !n.is_empty());
            let Some(first) = names.next() else {
                return Err(bad_line(path, no, "no name"));
            };
            self.extras.push(Extra {
                name: first.to_string(),
                geonameid: c[1].trim().parse().unwrap_or(0),
                lat,
                lon,
                feature_code: c[4].trim().to_string(),
            });
            for n in std::iter::once(first).chain(names) {
                let k = fold_fast(n);
                if k.len() >= 2 {
                    self.small.entry(k).or_default().push(Small::Extra(i));
                }
            }
        }
        Ok(())
    }

    /// The most words a name starting with folded word `w` can have (0: none).
    #[cfg(test)]
    pub(crate) fn first_word_max(&self, w: &str) -> usize {
        self.first.get(hash_bytes(w.as_bytes()))
    }

    /// [`Gazetteer::first_word_max`] of a word whose [`hash_bytes`] is `h`.
    #[inline]
    pub(crate) fn first_word_max_hashed(&self, h: u64) -> usize {
        self.first.get(h)
    }

    /// `places_aliases.tsv`: `geonameid<TAB>name;name`, names in use that GeoNames does not
    /// list for a place of the table ("Shire" for Inda Silase). Ids not in the table are
    /// ignored (a smaller gazetteer).
    fn add_aliases(&mut self, path: &Path, text: &str) -> Result<()> {
        let mut want: HashMap<u32, Vec<String>> = HashMap::new();
        for (no, c) in data_lines(text) {
            let (Some(id), Some(names)) = (c[0].trim().parse::<u32>().ok(), c.get(1)) else {
                return Err(bad_line(path, no, "expected geonameid<TAB>name;name"));
            };
            want.entry(id).or_default().extend(
                names
                    .split(';')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(fold_fast),
            );
        }
        if want.is_empty() {
            return Ok(());
        }
        for (i, p) in self.store.places.iter().enumerate() {
            let Some(names) = want.get(&p.geonameid) else {
                continue;
            };
            for k in names {
                if k.len() < 3 {
                    continue;
                }
                note_first(&mut self.first, k);
                let v = self.small.entry(k.clone()).or_default();
                if !v.contains(&Small::Place(i as u32)) {
                    v.push(Small::Place(i as u32));
                }
            }
        }
        Ok(())
    }

    fn add_admin2(&mut self, path: &Path, text: &str) -> Result<()> {
        for (no, c) in data_lines(text) {
            if c.len() < 5 {
                return Err(bad_line(
                    path,
                    no,
                    "expected code, name, latitude, longitude, population",
                ));
            }
            let (Ok(lat), Ok(lon)) = (c[2].parse::<f64>(), c[3].parse::<f64>()) else {
                return Err(bad_line(path, no, "bad latitude/longitude"));
            };
            let code = c[0];
            let mut parts = code.split('.');
            let cc = parts.next().unwrap_or("").to_string();
            let a1code = format!("{cc}.{}", parts.next().unwrap_or(""));
            let i = self.admin2.len() as u32;
            self.admin2.push(Admin2 {
                code: code.to_string(),
                cc,
                admin1: self.admin1_by_code.get(&a1code).copied(),
                name: c[1].to_string(),
                lat,
                lon,
                population: c[4].parse().unwrap_or(0),
            });
            let k = fold_fast(c[1]);
            if k.len() < 3 {
                continue;
            }
            for suf in [
                " district",
                " county",
                " municipality",
                " raion",
                " rayon",
                " parish",
            ] {
                if let Some(stem) = k.strip_suffix(suf) {
                    self.small
                        .entry(stem.to_string())
                        .or_default()
                        .push(Small::Admin2Stem(i));
                    // Only names that say what they are ("Orange County") match bare.
                    self.small
                        .entry(k.clone())
                        .or_default()
                        .push(Small::Admin2(i));
                    break;
                }
            }
            // Every district is also reachable by its bare name, or the name without a
            // French/Spanish/Portuguese "Province du ..." prefix, when the words around say it
            // is a division ("Oudalan province", "the province of Yagha").
            let mut stem = k.as_str();
            for pre in [
                "province du ",
                "province de la ",
                "province de l ",
                "province de ",
                "province des ",
                "provincia de ",
                "provincia del ",
                "provincia di ",
                "departement du ",
                "departement de ",
                "departamento de ",
                "district de ",
                "district du ",
            ] {
                if let Some(rest) = stem.strip_prefix(pre) {
                    stem = rest;
                    break;
                }
            }
            if stem.len() >= 3 {
                // A name that is the whole name of the district and says nothing of what it
                // is ("Kent", "Fife"): a reading of its own (see `Small::Admin2Bare`).
                let bare = stem.len() == k.len();
                let v = self.small.entry(stem.to_string()).or_default();
                if !v.contains(&Small::Admin2Stem(i)) && !v.contains(&Small::Admin2(i)) {
                    v.push(if bare {
                        Small::Admin2Bare(i)
                    } else {
                        Small::Admin2Stem(i)
                    });
                }
            }
        }
        Ok(())
    }

    pub(crate) fn admin2_place(&self, i: u32) -> Place {
        let a = &self.admin2[i as usize];
        let country = self
            .country_by_cc
            .get(&a.cc)
            .map(|&c| self.countries[c as usize].name.clone())
            .unwrap_or_default();
        Place {
            geonameid: None,
            name: a.name.clone(),
            country_code: a.cc.clone(),
            country,
            admin1: a.admin1.map(|x| self.admin1[x as usize].name.clone()),
            admin2: Some(a.name.clone()),
            latitude: a.lat,
            longitude: a.lon,
            feature_code: "ADM2".into(),
            population: a.population,
            precision: GeoPrecision::Admin2,
        }
    }

    pub(crate) fn extra_place(&self, i: u32) -> Place {
        let e = &self.extras[i as usize];
        Place {
            geonameid: (e.geonameid != 0).then_some(e.geonameid),
            name: e.name.clone(),
            country_code: String::new(),
            country: String::new(),
            admin1: None,
            admin2: None,
            latitude: e.lat,
            longitude: e.lon,
            feature_code: e.feature_code.clone(),
            population: 0,
            precision: GeoPrecision::Country,
        }
    }

    /// Postings (`place << 1 | primary`) of a folded name.
    #[inline]
    pub(crate) fn lookup(&self, key: &str) -> &[u32] {
        self.postings(self.lookup_name(key))
    }

    /// Postings (`place << 1 | primary`) of name `i` of the name table (none for
    /// `u32::MAX`).
    #[inline]
    pub(crate) fn postings(&self, i: u32) -> &[u32] {
        let i = i as usize;
        match (
            self.store.post_start.get(i),
            self.store.post_start.get(i + 1),
        ) {
            (Some(&a), Some(&b)) => self
                .store
                .postings
                .get(a as usize..b as usize)
                .unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Index in the name table of a folded name (`u32::MAX`: none), without reading its
    /// postings.
    #[inline]
    pub(crate) fn lookup_name(&self, key: &str) -> u32 {
        self.lookup_name_hashed(key, hash_bytes(key.as_bytes()))
    }

    /// [`Gazetteer::lookup_name`] of `key` whose [`hash_bytes`] is `full`.
    #[inline]
    pub(crate) fn lookup_name_hashed(&self, key: &str, full: u64) -> u32 {
        let mask = self.table.len() - 1;
        let ib = index_bits(self.store.name_keys.len());
        let tag_mask = !0u64 << ib;
        let trusted = 64 - ib >= TRUSTED_TAG_BITS;
        let tag = full & tag_mask;
        let mut h = full as usize & mask;
        loop {
            let slot = self.table[h];
            if slot == 0 {
                return u32::MAX;
            }
            let i = ((slot & !tag_mask) as usize).wrapping_sub(1);
            // With a long tag, the strings need not be compared (three fewer cache misses).
            if slot & tag_mask == tag
                && (trusted || self.store.pool.get(self.store.name_keys[i]) == key)
            {
                return i as u32;
            }
            h = (h + 1) & mask;
        }
    }

    /// The first province of country `cc` (any case) named for compass direction `d`
    /// ("north", "south", "east" or "west"): "Northern District", "South Governorate",
    /// "Northern". The provinces are indexed once, on first need, not scanned per mention.
    pub(crate) fn direction_province(&self, cc: &str, d: &str) -> Option<u32> {
        let map = self.directions.get_or_init(|| {
            let mut m: FastMap<(String, &'static str), u32> = FastMap::default();
            for (i, a) in self.admin1.iter().enumerate() {
                let n = fold(&a.name);
                let (head, rest) = n.split_once(' ').unwrap_or((n.as_str(), ""));
                if !matches!(
                    rest,
                    "" | "district" | "region" | "province" | "governorate"
                ) {
                    continue;
                }
                for d in ["north", "south", "east", "west"] {
                    if head == d || head.strip_prefix(d) == Some("ern") {
                        m.entry((a.cc.to_ascii_uppercase(), d)).or_insert(i as u32);
                    }
                }
            }
            m
        });
        map.get(&(cc.to_ascii_uppercase(), d)).copied()
    }

    /// The small-table filter, built on first need.
    pub(crate) fn small_filter(&self) -> &[u64] {
        self.small_filter.get_or_init(|| {
            let mut f = vec![0u64; SMALL_FILTER_BITS / 64];
            for k in self.small.keys() {
                let b = hash_bytes(k.as_bytes()) as usize & (SMALL_FILTER_BITS - 1);
                f[b / 64] |= 1 << (b % 64);
            }
            f
        })
    }

    /// The small-table (country, region, demonym) readings of a folded name whose
    /// [`hash_bytes`] is `h`.
    #[inline]
    pub(crate) fn small_hashed(&self, key: &str, h: u64) -> Option<&Vec<Small>> {
        let filter = self.small_filter();
        let b = h as usize & (SMALL_FILTER_BITS - 1);
        if filter[b / 64] & (1 << (b % 64)) == 0 {
            return None;
        }
        self.small.get(key)
    }

    /// The points of every reading the gazetteer has for `name` (places of the table,
    /// countries, provinces, districts and extras; "the" and a possessive "'s" dropped):
    /// for error analysis (is a far resolution a choice among readings, or a lack?).
    pub fn candidate_points(&self, name: &str) -> Vec<(f64, f64)> {
        let mut key = fold(name.trim());
        for suffix in [" s", "s"] {
            if key.ends_with(suffix) && (name.ends_with("'s") || name.ends_with("’s")) {
                key.truncate(key.len() - suffix.len());
                break;
            }
        }
        let key = key.strip_prefix("the ").unwrap_or(&key).to_string();
        let mut out: Vec<(f64, f64)> = self
            .lookup(&key)
            .iter()
            .map(|&p| {
                let r = &self.store.places[(p >> 1) as usize];
                (r.lat as f64, r.lon as f64)
            })
            .collect();
        for s in self.small.get(&key).into_iter().flatten() {
            let p = match *s {
                Small::Country(i) | Small::Demonym(i) => self.country_place(i),
                Small::Admin1(i) => self.admin1_place(i),
                Small::Extra(i) => self.extra_place(i),
                Small::Admin2(i) | Small::Admin2Stem(i) | Small::Admin2Bare(i) => {
                    self.admin2_place(i)
                }
                Small::Place(i) => self.place(i),
            };
            out.push((p.latitude, p.longitude));
        }
        out
    }

    /// Number of places and distinct folded names.
    pub fn stats(&self) -> (usize, usize) {
        (self.store.places.len(), self.store.name_keys.len())
    }

    /// Finds and resolves every place name in `text` (byte spans), using the whole text as
    /// context.
    pub fn find_places(&self, text: &str) -> Vec<PlaceMention> {
        find::find_places(self, text, false)
    }

    /// [`Gazetteer::find_places`] of `text` whose folded text and words are `words`
    /// ([`crate::text::words::Words::new`] of it, shared with the other stages that read them).
    pub fn find_places_in(
        &self,
        text: &str,
        words: &crate::text::words::Words,
    ) -> Vec<PlaceMention> {
        find::find_places_in(self, text, words, false)
    }

    /// Every toponym in the sense of geoparsing corpora (GeoWebNews): the mentions of
    /// [`Gazetteer::find_places`] plus country adjectives used as modifiers ("Russian
    /// troops" → Russia) and names above the country level (continents, `places_extra.tsv`).
    /// These are not event locations, so `find_places` leaves them out.
    pub fn find_toponyms(&self, text: &str) -> Vec<PlaceMention> {
        find::find_places(self, text, true)
    }

    /// The country with ISO code `cc`, as a country-precision place.
    pub fn country(&self, cc: &str) -> Option<Place> {
        let i = *self.country_by_cc.get(&cc.trim().to_ascii_uppercase())?;
        Some(self.country_place(i))
    }

    pub(crate) fn country_place(&self, i: u32) -> Place {
        let c = &self.countries[i as usize];
        Place {
            geonameid: (c.geonameid != 0).then_some(c.geonameid),
            name: c.name.clone(),
            country_code: c.cc.clone(),
            country: c.name.clone(),
            admin1: None,
            admin2: None,
            latitude: c.lat,
            longitude: c.lon,
            feature_code: "PCLI".into(),
            population: c.population,
            precision: GeoPrecision::Country,
        }
    }

    /// The ISO code of the country whose demonym or name is `word` ("Afghan", "Iranian").
    pub fn country_of_demonym(&self, word: &str) -> Option<&str> {
        let v = self.small.get(&fold(word))?;
        v.iter().find_map(|s| match *s {
            Small::Demonym(i) | Small::Country(i) => Some(self.countries[i as usize].cc.as_str()),
            _ => None,
        })
    }

    /// The admin-1 region of country `cc` called `name` ("Badghis", "Badghis Province",
    /// "Ma'rib"), as an admin1-precision place.
    pub fn admin1_by_name(&self, cc: &str, name: &str) -> Option<Place> {
        let mut key = fold(name);
        let v = loop {
            if let Some(v) = self.small.get(&key) {
                break v;
            }
            let stem = key.rsplit_once(' ')?.0.to_string();
            key = stem;
        };
        v.iter().find_map(|s| match *s {
            Small::Admin1(i) if self.admin1[i as usize].cc.eq_ignore_ascii_case(cc.trim()) => {
                Some(self.admin1_place(i))
            }
            _ => None,
        })
    }

    /// Is `name` (folded) the GeoNames name of an admin-1 region of country `cc`? ("Moscow"
    /// is the city's region, though it is also another name of Moscow Oblast.)
    pub fn is_admin1_name(&self, cc: &str, name: &str) -> bool {
        let key = fold(name);
        self.admin1
            .iter()
            .any(|a| a.cc.eq_ignore_ascii_case(cc.trim()) && fold(&a.name) == key)
    }

    /// The seat of admin-1 region `a` (an index of the admin-1 table: "the Sinaloa state
    /// capital" is Culiacan): the most populous PPLA place of the region.
    pub(crate) fn admin1_seat(&self, a: u32) -> Option<Place> {
        let seats = self.seats.get_or_init(|| {
            let Some(ppla) = self.store.fcodes.iter().position(|f| f == "PPLA") else {
                return FastMap::default();
            };
            let mut m: FastMap<u32, u32> = FastMap::default();
            for (i, r) in self.store.places.iter().enumerate() {
                if r.fcode as usize != ppla {
                    continue;
                }
                let Some(a) = self.place_admin1(i as u32) else {
                    continue;
                };
                let e = m.entry(a).or_insert(i as u32);
                if self.store.places[*e as usize].population < r.population {
                    *e = i as u32;
                }
            }
            m
        });
        seats.get(&a).map(|&p| self.place(p))
    }

    /// The name of admin-1 region `code` of country `cc` (`"AF"`, `"02"` → `Badghis`).
    pub fn admin1_name(&self, cc: &str, code: &str) -> Option<&str> {
        let i = self.admin1_by_code.get(&format!("{cc}.{code}"))?;
        Some(self.admin1[*i as usize].name.as_str())
    }

    pub(crate) fn admin1_place(&self, i: u32) -> Place {
        let a = &self.admin1[i as usize];
        let country = self
            .country_by_cc
            .get(&a.cc)
            .map(|&c| self.countries[c as usize].name.clone())
            .unwrap_or_default();
        Place {
            geonameid: (a.geonameid != 0).then_some(a.geonameid),
            name: a.name.clone(),
            country_code: a.cc.clone(),
            country,
            admin1: Some(a.name.clone()),
            admin2: None,
            latitude: a.lat,
            longitude: a.lon,
            feature_code: "ADM1".into(),
            population: a.population,
            precision: GeoPrecision::Admin1,
        }
    }

    /// Admin-1 index of a stored place.
    pub(crate) fn place_admin1(&self, p: u32) -> Option<u32> {
        let r = &self.store.places[p as usize];
        self.admin1_of_code.get(&r.admin1).copied()
    }

    /// Country index of a stored place.
    pub(crate) fn place_country(&self, p: u32) -> Option<u32> {
        let r = &self.store.places[p as usize];
        let c = *self.store_country.get(r.country as usize)?;
        (c != NONE).then_some(c)
    }

    pub(crate) fn place(&self, p: u32) -> Place {
        let r = &self.store.places[p as usize];
        let cc = self
            .store
            .countries
            .get(r.country as usize)
            .cloned()
            .unwrap_or_default();
        let country = self
            .place_country(p)
            .map(|c| self.countries[c as usize].name.clone())
            .unwrap_or_default();
        let fcode = self
            .store
            .fcodes
            .get(r.fcode as usize)
            .cloned()
            .unwrap_or_default();
        let precision = match fcode.as_str() {
            "ADM2" => GeoPrecision::Admin2,
            "ADM1" => GeoPrecision::Admin1,
            _ => GeoPrecision::Point,
        };
        Place {
            geonameid: Some(r.geonameid),
            name: self.store.pool.get(r.name).to_string(),
            country_code: cc,
            country,
            admin1: self
                .place_admin1(p)
                .map(|a| self.admin1[a as usize].name.clone()),
            admin2: (r.admin2 != NONE).then(|| self.store.pool.get(r.admin2).to_string()),
            latitude: r.lat as f64,
            longitude: r.lon as f64,
            feature_code: fcode,
            population: r.population as u64,
            precision,
        }
    }
}

fn parse_context(path: &Path, text: &str) -> Result<Context> {
    let mut c = Context::default();
    for (no, cols) in data_lines(text) {
        if cols.len() < 2 {
            return Err(bad_line(path, no, "expected kind<TAB>word"));
        }
        let kind = cols[0].trim();
        let flag = match kind {
            "stop" => Context::STOP,
            "title" => Context::TITLE,
            "admin1" => Context::ADMIN1,
            "admin2" => Context::ADMIN2,
            "city" => Context::CITY,
            "feature" => Context::FEATURE,
            "person" => Context::PERSON,
            "modifier" => Context::MODIFIER,
            "facility" | "venue" | "part" => 0,
            other => return Err(bad_line(path, no, &format!("unknown kind {other:?}"))),
        };
        let w = fold_fast(cols[1]);
        if kind == "facility" {
            c.facility.insert(w);
            continue;
        }
        if kind == "venue" {
            c.venue.insert(w);
            continue;
        }
        if kind == "part" {
            c.part.insert(w);
            continue;
        }
        if flag == Context::TITLE {
            c.title_mask.note(&w);
        }
        *c.all.entry(w.clone()).or_default() |= flag;
        let set = match kind {
            "stop" => &mut c.stop,
            "title" => &mut c.title,
            "admin1" => &mut c.admin1,
            "admin2" => &mut c.admin2,
            "city" => &mut c.city,
            "feature" => &mut c.feature,
            "person" => &mut c.person,
            _ => &mut c.modifier,
        };
        set.insert(w);
    }
    c.fast = WordFlags::build(&c.all);
    Ok(c)
}

/// Great-circle distance in kilometres (haversine, mean Earth radius 6371 km).
pub fn distance_km(a: &Place, b: &Place) -> f64 {
    haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)
}

/// Great-circle distance between two points, in kilometres.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod bench;
#[cfg(test)]
mod devtest;
#[cfg(test)]
pub(crate) mod testgaz;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_points_replace_built_centres() {
        let g = testgaz::gazetteer();
        let af = &g.countries[g.country_by_cc["AF"] as usize];
        assert_eq!((af.lat, af.lon), (33.0, 66.0));
        let badghis = &g.admin1[g.admin1_by_code["AF.02"] as usize];
        assert_eq!((badghis.lat, badghis.lon), (35.0, 63.5));
        // a province without a point keeps its built centre
        let kunduz = &g.admin1[g.admin1_by_code["AF.24"] as usize];
        assert_ne!((kunduz.lat, kunduz.lon), (35.0, 63.5));
        let mut g2 = Gazetteer::from_parts(
            Store::default(),
            (
                Path::new("c.tsv"),
                "AF\tAFG\tAfghanistan\tKabul\t1\t34\t66\t100\n",
            ),
            (Path::new("a.tsv"), ""),
            "",
            "",
        )
        .unwrap();
        let err = g2
            .set_region_points(Path::new("region_points.tsv"), "# c\nAF\tnorth\t66\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("region_points.tsv") && err.contains('2'),
            "{err}"
        );
        assert!(g2
            .set_region_points(Path::new("r.tsv"), "AF\t95\t66\n")
            .is_err());
    }

    #[test]
    fn fast_fold_agrees_with_fold() {
        for x in [
            "Ma'rib",
            " Qala-i-Naw ",
            "St. Louis",
            "A\t\x0b\x0c\r\nB",
            "x__`y`",
            "--",
            "Sao Paulo",
            "S\u{e3}o Paulo",
            "",
        ] {
            assert_eq!(fold_fast(x), fold(x), "{x:?}");
        }
        for b in 0u8..128 {
            let x = format!("a{}b {} c", b as char, b as char);
            assert_eq!(fold_fast(&x), fold(&x), "{b}");
        }
    }

    #[test]
    fn context_flags_name_every_list_of_a_word() {
        let c = parse_context(
            Path::new("places_context.tsv"),
            "# kind word\nstop\tMay\ntitle\tGeneral\nstop\tGeneral\nadmin1\tProvince\n",
        )
        .unwrap();
        assert_eq!(c.flags("general"), Context::STOP | Context::TITLE);
        assert_eq!(c.flags("province"), Context::ADMIN1);
        assert_eq!(c.flags("may"), Context::STOP);
        assert_eq!(c.flags("kabul"), 0);
        // Every word of the lists, short or long, answers as the map does.
        let mut all = FastMap::default();
        for (i, w) in [
            "a",
            "general",
            "province",
            "ninechars",
            "sixteen letters!",
            "seventeen letters",
            "x y z w v u t s r",
        ]
        .iter()
        .enumerate()
        {
            all.insert(w.to_string(), 1u8 << i);
        }
        let f = WordFlags::build(&all);
        for (w, &v) in &all {
            assert_eq!(f.get(w), v, "{w}");
            assert_eq!(f.get_bytes(w.as_bytes()), v, "{w}");
        }
        assert_eq!(f.get("generals"), 0);
        assert_eq!(c.flags_of(b"general"), Context::STOP | Context::TITLE);
        assert!(c.title_mask.may_bytes(b"general"));
        assert_eq!(f.get(""), 0);
        assert_eq!(WordFlags::default().get("a"), 0);
        assert!(c.title_mask.may_bytes(b"general") && c.title.contains("general"));
        assert!(parse_context(Path::new("c.tsv"), "town\tX\n").is_err());
    }

    #[test]
    fn haversine_is_sane() {
        // Kabul to Kandahar is about 450 km.
        let d = haversine_km(34.528, 69.172, 31.610, 65.710);
        assert!((440.0..470.0).contains(&d), "{d}");
        assert_eq!(haversine_km(1.0, 2.0, 1.0, 2.0), 0.0);
    }

    #[test]
    fn lookups_of_countries_admin1_and_demonyms() {
        let g = testgaz::gazetteer();
        assert_eq!(g.country_of_demonym("Afghan"), Some("AF"));
        assert_eq!(g.country_of_demonym("Lebanese"), Some("LB"));
        assert_eq!(g.country_of_demonym("Martian"), None);
        let c = g.country("af").unwrap();
        assert_eq!(c.precision, GeoPrecision::Country);
        assert_eq!(c.name, "Afghanistan");
        let a = g.admin1_by_name("AF", "Badghis Province").unwrap();
        assert_eq!(a.precision, GeoPrecision::Admin1);
        assert_eq!(a.name, "Badghis");
        assert!(g.admin1_by_name("IR", "Badghis").is_none());
        assert_eq!(g.admin1_name("AF", "02"), Some("Badghis"));
    }

    #[test]
    fn missing_gazetteer_is_a_clear_error() {
        let d = tempfile::tempdir().unwrap();
        let e = Gazetteer::load(d.path()).err().unwrap().to_string();
        assert!(e.contains("places.bin.zst") && e.contains("missing"), "{e}");
    }
}
