//! Fuzzy fallback for spellings in no list (`Qalay-i-Naw`, `Shiberghan`): a consonant
//! skeleton of the folded name finds candidates, an edit distance on the folded letters
//! confirms them. Built lazily, on the first unmatched name, from the places' own names.

use super::Gazetteer;

/// Places smaller than this are not fuzzy candidates (too many near-homonyms); 0 = unknown.
const MIN_POP: u32 = 1000;

pub(crate) struct FuzzyIndex {
    /// (skeleton hash, country index, name index), sorted, for each country holding a place
    /// of that name big enough to be a candidate: a skeleton's run, then the article's
    /// countries' ranges within it, are found by binary search before any string work. One
    /// flat vector, so that building it (on the first unmatched name) allocates once.
    /// Each entry also holds where the name's bytes lie in the string pool (start, length
    /// with the number of its letters: [`pack_len`]), so that candidates are measured
    /// without two more scattered reads.
    by_skeleton: Vec<(u64, u32, u32, u32, u32)>,
    /// Skeleton hash → its run in `by_skeleton` (one probe instead of a binary search over
    /// a vector far bigger than the cache): an open-addressing table of `(hash, start,
    /// end)` indexed by the hash's low bits (it is a hash already), `end == 0` for empty.
    runs: Vec<Run>,
}

/// A slot of [`FuzzyIndex`]'s `runs`, in one half cache line.
#[derive(Clone, Copy, Default)]
#[repr(C, align(32))]
struct Run {
    hash: u64,
    start: u32,
    /// 0: an empty slot.
    end: u32,
    /// The [`country_bit`]s of the run's countries, so that a skeleton with no name in the
    /// article's countries (nearly every unknown word) is told apart without reading its run.
    countries: u64,
}

/// The bit of country index `c` in a 64-bit country mask (collisions only let more through).
#[inline]
pub(crate) fn country_bit(c: u32) -> u64 {
    1 << (c % 64)
}

/// The letter map of [`skeleton`] (`None`: dropped).
#[inline]
fn skel_char(c: char) -> Option<char> {
    Some(match c {
        'h' => return None,
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' => 'a',
        'q' | 'c' => 'k',
        'v' => 'b',
        'j' => 'g',
        c => c,
    })
}

/// [`skel_char`] of each ASCII byte: 0 for a byte that is no letter or digit, 1 for `h`
/// (a letter the skeleton drops), else the letter or digit it is written as.
const SKEL_ASCII: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = if !c.is_ascii_alphanumeric() {
            0
        } else {
            match c {
                b'h' => 1,
                b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w' => b'a',
                b'q' | b'c' => b'k',
                b'v' => b'b',
                b'j' => b'g',
                c => c,
            }
        };
        i += 1;
    }
    t
};

/// Without allocating: the hash of the skeleton of the letters of `folded` (see
/// `skeleton`, kept for the tests), its length in bytes and the length in bytes of the
/// letters.
pub(crate) fn skeleton_key(folded: &str) -> (u64, usize, usize) {
    let s = folded
        .strip_prefix("al ")
        .or_else(|| folded.strip_prefix("el "))
        .unwrap_or(folded);
    let mut h: u64 = 0xcbf29ce484222325;
    let (mut sk, mut nl) = (0, 0);
    if s.is_ascii() {
        // The same, byte by byte.
        let mut last = 0u8;
        for &c in s.as_bytes() {
            let m = SKEL_ASCII[c as usize & 127];
            if m <= 1 {
                // Not a letter or digit (0), or `h` (1): a letter, but dropped.
                nl += usize::from(m);
                continue;
            }
            nl += 1;
            if last != m {
                h ^= m as u64;
                h = h.wrapping_mul(0x100000001b3);
                sk += 1;
                last = m;
            }
        }
        return (h ^ (h >> 29), sk, nl);
    }
    let mut last = None;
    for c in s.chars().filter(|c| c.is_alphanumeric()) {
        nl += c.len_utf8();
        let Some(m) = skel_char(c) else { continue };
        if last != Some(m) {
            h ^= m as u64;
            h = h.wrapping_mul(0x100000001b3);
            sk += m.len_utf8();
            last = Some(m);
        }
    }
    (h ^ (h >> 29), sk, nl)
}

/// Whether a key of skeleton length `sk` and `nl` letters is long enough to be tried.
#[inline]
fn long_enough(sk: usize, nl: usize) -> bool {
    sk >= 4 && nl >= 6
}

/// The skeleton hash of folded `key` if [`Gazetteer::fuzzy_candidates`] can find anything
/// for it (it finds nothing for a skeleton too short), without the index.
pub(crate) fn fuzzy_skeleton(key: &str) -> Option<u64> {
    let (h, sk, nl) = skeleton_key(key);
    long_enough(sk, nl).then_some(h)
}

/// Letters of a folded name without spaces and without a leading `al`/`el` article.
#[cfg(test)]
pub(crate) fn letters(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    letters_into(folded, &mut out);
    out
}

/// Appends [`letters`] of `folded` to `out`.
fn letters_into(folded: &str, out: &mut String) {
    let s = folded
        .strip_prefix("al ")
        .or_else(|| folded.strip_prefix("el "))
        .unwrap_or(folded);
    if s.is_ascii() {
        // Each run of ASCII letters and digits pushed whole.
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let e = crate::text::alnum_run_end(b, i);
            if e > i {
                out.push_str(&s[i..e]);
                i = e;
            } else {
                i += 1;
            }
        }
    } else {
        out.extend(s.chars().filter(|c| c.is_alphanumeric()));
    }
}

/// Skeleton key: `h` dropped, each run of vowels (`a e i o u y w`) one `a`, `q`/`c` as `k`,
/// `v` as `w`... so `hodeidah`/`hodeida`, `shiberghan`/`shibirghan`, `qalayinaw`/`qalainaw`
/// and `seiyun`/`sayun` share a key.
#[cfg(test)]
pub(crate) fn skeleton(letters: &str) -> String {
    let mut out = String::with_capacity(letters.len());
    for c in letters.chars() {
        let Some(m) = skel_char(c) else { continue };
        if !out.ends_with(m) {
            out.push(m);
        }
    }
    out
}

/// Appends `letters` with `h` dropped and every vowel (`a e i o u y w`) written `a`, not
/// collapsed, to `out`: `hodeidah` and `hudaydah` both give `adaada`.
fn vowel_mapped_into(letters: &str, out: &mut String) {
    out.extend(letters.chars().filter(|&c| c != 'h').map(|c| match c {
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' => 'a',
        'q' | 'c' => 'k',
        'v' => 'b',
        'j' => 'g',
        c => c,
    }));
}

/// Reused buffers for [`edit_distance`] (no allocation per pair of names).
struct Scratch {
    a: Vec<char>,
    b: Vec<char>,
    prev: Vec<usize>,
    cur: Vec<usize>,
    /// [`levenshtein_ascii`]'s table of positions per byte, all zero between calls.
    peq: [u64; 128],
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch {
            a: Vec::new(),
            b: Vec::new(),
            prev: Vec::new(),
            cur: Vec::new(),
            peq: [0; 128],
        }
    }
}

impl Scratch {
    /// [`edit_distance`]: the same answer to whether the distance is within `max`, and the
    /// same distance when it is.
    fn distance(&mut self, a: &str, b: &str, max: usize) -> usize {
        if a.is_ascii() && b.is_ascii() && b.len() < 64 {
            return levenshtein_ascii(a.as_bytes(), b.as_bytes(), max, &mut self.peq);
        }
        self.a.clear();
        self.a.extend(a.chars());
        self.b.clear();
        self.b.extend(b.chars());
        bounded_levenshtein(&self.a, &self.b, max, &mut self.prev, &mut self.cur)
    }
}

/// Levenshtein distance on chars, giving up (returning `max + 1`) beyond `max` (the
/// reference for the tests; the fallback uses [`Scratch::distance`]).
#[cfg(test)]
pub(crate) fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    bounded_levenshtein(&a, &b, max, &mut Vec::new(), &mut Vec::new())
}

/// The last column of a bit-parallel Levenshtein table (Myers, as Hyyrö writes it) over a
/// pattern of `m` (1 to 64) bytes: vertical deltas as two bit vectors, and the distance of
/// the whole pattern to the text read so far.
struct MyersColumn {
    pv: u64,
    mv: u64,
    top: u64,
    score: usize,
}

impl MyersColumn {
    #[inline]
    fn new(m: usize) -> MyersColumn {
        MyersColumn {
            pv: !0,
            mv: 0,
            top: 1u64 << (m - 1),
            score: m,
        }
    }

    /// One byte of the text, given as the pattern's positions holding it (`eq`).
    #[inline(always)]
    fn step(&mut self, eq: u64) {
        let (pv, mv) = (self.pv, self.mv);
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let ph = mv | !(xh | pv);
        let mh = pv & xh;
        if ph & self.top != 0 {
            self.score += 1;
        } else if mh & self.top != 0 {
            self.score -= 1;
        }
        // Row 0 of the table grows by one per column: a 1 shifted into the horizontal
        // increases.
        let ph = (ph << 1) | 1;
        let mh = mh << 1;
        self.pv = mh | !(xv | ph);
        self.mv = ph & xv;
    }
}

/// The Levenshtein distance of ASCII `a` and `b` (`b` shorter than 64 bytes), `max + 1` for
/// any distance beyond `max`: bit-parallel (Myers, as Hyyrö writes it), one step per byte
/// of `a`. `peq` is all zero on entry and on return.
fn levenshtein_ascii(a: &[u8], b: &[u8], max: usize, peq: &mut [u64; 128]) -> usize {
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let m = b.len();
    if m == 0 {
        return a.len().min(max + 1);
    }
    for (j, &c) in b.iter().enumerate() {
        peq[usize::from(c & 127)] |= 1 << j;
    }
    let mut col = MyersColumn::new(m);
    for &c in a {
        col.step(peq[usize::from(c & 127)]);
    }
    let score = col.score;
    for &c in b {
        peq[usize::from(c & 127)] = 0;
    }
    score.min(max + 1)
}

/// The letters of a key (ASCII, at most 64) made a bit-parallel pattern once, so that each
/// candidate name is measured against it straight from its folded bytes: no copy of the
/// name's letters and no table per pair (the distance is symmetric: the same answers as
/// [`levenshtein_ascii`] of the two letter strings).
struct Pattern {
    /// Bit `j` of entry `c`: letter `j` of the key is byte `c`.
    peq: [u64; 128],
    /// The key's letters (their entries of `peq` are cleared for the next key).
    key: Vec<u8>,
}

impl Default for Pattern {
    fn default() -> Self {
        Pattern {
            peq: [0; 128],
            key: Vec::new(),
        }
    }
}

impl Pattern {
    /// Makes `letters` the pattern, if they are ASCII, one at least and at most 64 (else
    /// false, and the pattern is empty).
    fn set(&mut self, letters: &str) -> bool {
        for &c in &self.key {
            self.peq[usize::from(c & 127)] = 0;
        }
        self.key.clear();
        let b = letters.as_bytes();
        if !letters.is_ascii() || b.is_empty() || b.len() > 64 {
            return false;
        }
        for (j, &c) in b.iter().enumerate() {
            self.peq[usize::from(c & 127)] |= 1 << j;
        }
        self.key.extend_from_slice(b);
        true
    }

    /// The Levenshtein distance of the key's letters and the [`letters`] of folded ASCII
    /// name `name` (its ASCII letters and digits, a leading `al `/`el ` dropped), `max + 1`
    /// for any distance beyond `max`: Myers' steps (as Hyyrö writes them), one per letter of
    /// the name, the other bytes skipped.
    fn distance_to_name(&self, name: &[u8], max: usize) -> usize {
        let s = name
            .strip_prefix(b"al ")
            .or_else(|| name.strip_prefix(b"el "))
            .unwrap_or(name);
        let m = self.key.len();
        if m == 0 {
            return max + 1;
        }
        let mut col = MyersColumn::new(m);
        for &c in s {
            if c.is_ascii_alphanumeric() {
                col.step(self.peq[usize::from(c)]);
            }
        }
        col.score.min(max + 1)
    }
}

/// The Levenshtein distance of `a` and `b`, giving up (`max + 1`) beyond `max`; `prev` and
/// `cur` are work rows.
fn bounded_levenshtein(
    a: &[char],
    b: &[char],
    max: usize,
    prev: &mut Vec<usize>,
    cur: &mut Vec<usize>,
) -> usize {
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    prev.clear();
    prev.extend(0..=b.len());
    cur.clear();
    cur.resize(b.len() + 1, 0);
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(prev, cur);
    }
    prev[b.len()]
}

/// A name's length in bytes with, when both fit, the number of bytes of its [`letters`]
/// (`nl`, as [`skeleton_key`] counts them): bit 31 set, the letters in bits 16 to 30 and the
/// length in the low 16 bits. Otherwise the length alone (bit 31 clear).
fn pack_len(len: u32, nl: usize) -> u32 {
    match u32::try_from(nl) {
        Ok(nl) if len < 1 << 16 && nl < 1 << 15 => 1 << 31 | nl << 16 | len,
        _ => len & !(1 << 31),
    }
}

/// The length in bytes and, if known, the number of bytes of the letters of a
/// [`pack_len`] field.
#[inline]
fn unpack_len(x: u32) -> (usize, Option<usize>) {
    if x & 1 << 31 != 0 {
        ((x & 0xffff) as usize, Some((x >> 16 & 0x7fff) as usize))
    } else {
        (x as usize, None)
    }
}

impl FuzzyIndex {
    fn build(g: &Gazetteer) -> FuzzyIndex {
        let s = &g.store;
        let mut by_skeleton: Vec<(u64, u32, u32, u32, u32)> = Vec::with_capacity(s.name_keys.len());
        let mut ccs: Vec<u32> = Vec::new();
        // Each place's country if it is big enough to be a candidate (else NONE), in one
        // sequential pass: the postings below then read this small array, not the scattered
        // place records.
        let country: Vec<u32> = s
            .places
            .iter()
            .enumerate()
            .map(|(p, r)| {
                if r.population != 0 && r.population < MIN_POP {
                    return super::store::NONE;
                }
                g.place_country(p as u32).unwrap_or(super::store::NONE)
            })
            .collect();
        for (i, &k) in s.name_keys.iter().enumerate() {
            // The name first (sequential in the pool), the places (scattered) only if needed.
            let (h, _, nl) = skeleton_key(s.pool.get(k));
            if nl < 5 {
                continue;
            }
            let a = s.post_start[i] as usize;
            let b = s.post_start[i + 1] as usize;
            ccs.clear();
            for &x in &s.postings[a..b] {
                let c = country[(x >> 1) as usize];
                if c != super::store::NONE && !ccs.contains(&c) {
                    ccs.push(c);
                }
            }
            let k = k as usize;
            let (start, end) = match (s.pool.offsets.get(k), s.pool.offsets.get(k + 1)) {
                (Some(&a), Some(&b)) => (a, b),
                _ => (0, 0),
            };
            let len = pack_len(end - start, nl);
            by_skeleton.extend(ccs.iter().map(|&c| (h, c, i as u32, start, len)));
        }
        // Sorted by a counting sort on the top 16 bits of the hash, then each (small)
        // bucket on its own: the order of a sort of the whole vector, the sorting in cache.
        let by_skeleton = {
            let mut start = vec![0usize; (1 << 16) + 1];
            for e in &by_skeleton {
                start[(e.0 >> 48) as usize + 1] += 1;
            }
            for k in 1..start.len() {
                start[k] += start[k - 1];
            }
            let mut at = start.clone();
            let mut sorted = vec![(0u64, 0u32, 0u32, 0u32, 0u32); by_skeleton.len()];
            for e in by_skeleton {
                let b = (e.0 >> 48) as usize;
                sorted[at[b]] = e;
                at[b] += 1;
            }
            for w in start.windows(2) {
                sorted[w[0]..w[1]].sort_unstable();
            }
            sorted
        };
        let mut n: usize = 0;
        for (k, x) in by_skeleton.iter().enumerate() {
            if k == 0 || by_skeleton[k - 1].0 != x.0 {
                n += 1;
            }
        }
        let mut runs = vec![Run::default(); (n + n / 2).next_power_of_two().max(16)];
        let mask = runs.len() - 1;
        let mut a = 0;
        while a < by_skeleton.len() {
            let h = by_skeleton[a].0;
            let mut b = a + 1;
            while b < by_skeleton.len() && by_skeleton[b].0 == h {
                b += 1;
            }
            let mut k = h as usize & mask;
            while runs[k].end != 0 {
                k = (k + 1) & mask;
            }
            runs[k] = Run {
                hash: h,
                start: a as u32,
                end: b as u32,
                countries: by_skeleton[a..b]
                    .iter()
                    .fold(0, |m, e| m | country_bit(e.1)),
            };
            a = b;
        }
        FuzzyIndex { by_skeleton, runs }
    }

    /// The run of skeleton hash `h` in `by_skeleton`, if some country of mask `countries`
    /// (see [`country_bit`]) may hold a name of that skeleton.
    #[inline]
    fn run(&self, h: u64, countries: u64) -> Option<(u32, u32)> {
        let mask = self.runs.len() - 1;
        let mut k = h as usize & mask;
        loop {
            let r = &self.runs[k];
            if r.end == 0 {
                return None;
            }
            if r.hash == h {
                return (r.countries & countries != 0).then_some((r.start, r.end));
            }
            k = (k + 1) & mask;
        }
    }
}

impl Gazetteer {
    /// The fuzzy index, built on first need.
    pub(crate) fn fuzzy_index(&self) -> &FuzzyIndex {
        self.fuzzy.get_or_init(|| FuzzyIndex::build(self))
    }

    /// Places whose own name is a near spelling of the folded `key`.
    /// Only places in the countries `keep` (sorted country indices).
    #[cfg(test)]
    pub(crate) fn fuzzy_candidates(&self, key: &str, keep: &[u32]) -> Vec<u32> {
        match fuzzy_skeleton(key) {
            Some(h) => self
                .fuzzy_candidates_many(&[(key, h)], keep)
                .pop()
                .unwrap_or_default(),
            None => Vec::new(),
        }
    }

    /// [`Gazetteer::fuzzy_candidates`] of each of `keys`, the same answers. The index is
    /// megabytes and each key's probe, run and names are scattered reads: done key after
    /// key, every read waits for memory. Here each step is done for all the keys, and what
    /// the next step reads is fetched ahead meanwhile. Each key comes with its
    /// [`fuzzy_skeleton`].
    pub(crate) fn fuzzy_candidates_many(
        &self,
        keys: &[(&str, u64)],
        keep: &[u32],
    ) -> Vec<Vec<u32>> {
        use super::find::prefetch;
        let idx = self.fuzzy_index();
        let mut out: Vec<Vec<u32>> = vec![Vec::new(); keys.len()];
        let countries = keep.iter().fold(0, |m, &c| m | country_bit(c));
        let mask = idx.runs.len() - 1;
        // Each key's slot of the run table fetched.
        for &(_, h) in keys {
            if let Some(r) = idx.runs.get(h as usize & mask) {
                prefetch(r);
            }
        }
        let hashes = keys.iter().map(|&(_, h)| Some(h));
        // Each key's run (if some country of the article may hold a name of that skeleton),
        // its first entries fetched.
        let runs: Vec<Option<(u32, u32)>> = hashes
            .map(|h| {
                let (a, b) = idx.run(h?, countries)?;
                if let Some(e) = idx.by_skeleton.get(a as usize) {
                    prefetch(e);
                }
                Some((a, b))
            })
            .collect();
        // The names of each run in the article's countries (key `i`'s are
        // `names[ranges[i]..ranges[i + 1]]`), the bytes of those of a length that may pass
        // fetched.
        let mut names: Vec<(u32, u32, u32)> = Vec::new();
        let mut ranges: Vec<usize> = Vec::with_capacity(keys.len() + 1);
        ranges.push(0);
        for (&(key, _), run) in keys.iter().zip(&runs) {
            let first = names.len();
            if let Some((a, b)) = *run {
                let v = &idx.by_skeleton[a as usize..b as usize];
                if v.len() <= 4 * keep.len() + 16 {
                    // A short run: one pass, most entries told apart by the country mask.
                    names.extend(
                        v.iter()
                            .filter(|e| {
                                countries & country_bit(e.1) != 0
                                    && keep.binary_search(&e.1).is_ok()
                            })
                            .map(|&(_, _, n, start, len)| (n, start, len)),
                    );
                } else {
                    for &c in keep {
                        let a = v.partition_point(|&(_, x, ..)| x < c);
                        let b = v.partition_point(|&(_, x, ..)| x <= c);
                        names.extend(v[a..b].iter().map(|&(_, _, n, start, len)| (n, start, len)));
                    }
                }
                names[first..].sort_unstable();
                // (dedup of the key's part)
                let mut w = first;
                for r in first..names.len() {
                    if w == first || names[w - 1] != names[r] {
                        names[w] = names[r];
                        w += 1;
                    }
                }
                names.truncate(w);
                for &(_, start, len) in names[first..].iter().take(200) {
                    let (len, _) = unpack_len(len);
                    if len + 3 < key.len() || key.len() + 6 < len {
                        continue;
                    }
                    if let Some(x) = self.store.pool.buf.as_bytes().get(start as usize) {
                        prefetch(x);
                    }
                }
            }
            ranges.push(names.len());
        }
        let st = &self.store;
        let mut other = String::new();
        let mut other_v = String::new();
        let mut scratch = Scratch::default();
        let (mut l, mut lv) = (String::new(), String::new());
        let mut pattern = Pattern::default();
        for (i, (&(key, _), out)) in keys.iter().zip(out.iter_mut()).enumerate() {
            let names = &names[ranges[i]..ranges[i + 1]];
            // Most unknown words have no name of that skeleton in the article's countries:
            // no string work for them.
            if names.is_empty() {
                continue;
            }
            l.clear();
            letters_into(key, &mut l);
            lv.clear();
            vowel_mapped_into(&l, &mut lv);
            let max = (l.chars().count() / 5).clamp(1, 2);
            let ascii_key = pattern.set(&l);
            for &(name, start, len) in names.iter().take(200) {
                let (len, nl) = unpack_len(len);
                if len + 3 < key.len() || key.len() + 6 < len {
                    continue;
                }
                let start = start as usize;
                let raw = st.pool.buf.get(start..start + len).unwrap_or("");
                // (most names are ASCII and fail here: told apart by their number of letters,
                // or measured without copying them)
                if ascii_key && raw.is_ascii() {
                    if nl.is_some_and(|nl| nl.abs_diff(l.len()) > max)
                        || pattern.distance_to_name(raw.as_bytes(), max) > max
                    {
                        continue;
                    }
                    other.clear();
                    letters_into(raw, &mut other);
                } else {
                    other.clear();
                    letters_into(raw, &mut other);
                    if scratch.distance(&l, &other, max) > max {
                        continue;
                    }
                }
                other_v.clear();
                vowel_mapped_into(&other, &mut other_v);
                if scratch.distance(&lv, &other_v, 1) > 1 {
                    continue;
                }
                let a = st.post_start[name as usize] as usize;
                let b = st.post_start[name as usize + 1] as usize;
                out.extend(st.postings[a..b].iter().map(|&x| x >> 1).filter(|&p| {
                    let pop = st.places[p as usize].population;
                    (pop == 0 || pop >= MIN_POP)
                        && self
                            .place_country(p)
                            .is_some_and(|c| keep.binary_search(&c).is_ok())
                }));
            }
            out.sort_unstable();
            out.dedup();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_keep_the_letters_and_digits_in_order() {
        for (name, want) in [
            ("al mayadin", "mayadin"),
            ("el  qala i naw 2", "qalainaw2"),
            (
                "a  long name with several words of some length, and more words",
                "alongnamewithseveralwordsofsomelengthandmorewords",
            ),
            ("", ""),
            ("  ", ""),
            ("niafunk\u{e9} x", "niafunk\u{e9}x"),
        ] {
            assert_eq!(letters(name), want, "{name:?}");
        }
    }

    #[test]
    fn skeletons_agree_across_spellings() {
        assert_eq!(
            skeleton(&letters("shiberghan")),
            skeleton(&letters("shibirghan"))
        );
        assert_eq!(
            skeleton(&letters("qalay i naw")),
            skeleton(&letters("qala i naw"))
        );
        assert_eq!(
            skeleton(&letters("al mayadin")),
            skeleton(&letters("mayadin"))
        );
        assert_ne!(skeleton("kabul"), skeleton("kandahar"));
        assert_eq!(skeleton("hodeidah"), skeleton("hodeida"));
        assert_eq!(skeleton("seiyun"), skeleton("sayun"));
    }

    #[test]
    fn skeleton_key_agrees_with_skeleton() {
        // Every printable ASCII byte, in both cases.
        let ascii: String = (b' '..=b'~').map(char::from).collect();
        for k in [
            "shiberghan",
            "al mayadin",
            "qalay i naw",
            "hodeidah",
            "s\u{e3}o",
            "kabul",
            "Hh qc vj W09 -x_y'z",
            ascii.as_str(),
        ] {
            let l = letters(k);
            let sk = skeleton(&l);
            let mut h: u64 = 0xcbf29ce484222325;
            for c in sk.chars() {
                h ^= c as u64;
                h = h.wrapping_mul(0x100000001b3);
            }
            assert_eq!(skeleton_key(k), (h ^ (h >> 29), sk.len(), l.len()), "{k}");
        }
    }

    #[test]
    fn ascii_distance_agrees_with_the_general_one() {
        let words = [
            "qalayinaw",
            "qalainaw",
            "kitten",
            "sitting",
            "abc",
            "xyzxyz",
            "",
            "a",
        ];
        let mut words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        // Pseudo-random words over a small alphabet (many near pairs), up to 63 bytes.
        let mut x: u64 = 12345;
        for k in 0..120 {
            let len = if k % 10 == 0 { 40 + k % 24 } else { k % 13 };
            let w: String = (0..len)
                .map(|_| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    char::from(b"abcaeh"[(x >> 60) as usize % 6])
                })
                .collect();
            words.push(w);
        }
        let mut peq = [0u64; 128];
        for a in &words {
            for b in &words {
                for max in 0..4 {
                    assert_eq!(
                        levenshtein_ascii(a.as_bytes(), b.as_bytes(), max, &mut peq),
                        edit_distance(a, b, max).min(max + 1),
                        "{a} {b} {max}"
                    );
                }
            }
        }
        assert_eq!(peq, [0u64; 128]);
    }

    #[test]
    fn many_keys_at_once_answer_as_one_at_a_time() {
        let g = super::super::testgaz::gazetteer();
        let af = g.country_by_cc.get("AF").copied().expect("AF");
        let lb = g.country_by_cc.get("LB").copied().expect("LB");
        let mut keep = vec![af, lb];
        keep.sort_unstable();
        let keys = [
            "qalayinaw",
            "sheberghaan",
            "kunduz",
            "qala ye naw",
            "zzzzzzzz",
            "tarskk",
        ];
        // The keys with a skeleton long enough ("zzzzzzzz" has none: nothing to find).
        let hashed: Vec<(&str, u64)> = keys
            .iter()
            .filter_map(|&k| Some((k, fuzzy_skeleton(k)?)))
            .collect();
        assert_eq!(hashed.len(), keys.len() - 1);
        assert!(g.fuzzy_candidates("zzzzzzzz", &keep).is_empty());
        let many = g.fuzzy_candidates_many(&hashed, &keep);
        assert_eq!(many.len(), hashed.len());
        for ((k, _), got) in hashed.iter().zip(&many) {
            assert_eq!(got, &g.fuzzy_candidates(k, &keep), "{k}");
        }
        assert!(fuzzy_skeleton("kabul").is_none());
        // Near spellings of Qala i Naw and Shibirghan are found, the made-up word is not.
        assert!(!many[0].is_empty() && !many[1].is_empty(), "{many:?}");
        assert!(g.fuzzy_candidates_many(&[], &keep).is_empty());
    }

    #[test]
    fn a_key_pattern_measures_names_as_their_letters_do() {
        let names = [
            "qala i naw",
            "al qalainaw",
            "el  qala-i-naw 2",
            "shibirghan",
            "kitten",
            "sitting",
            "a",
            "  ",
            "",
            "al ",
            "xyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyz",
        ];
        for key in [
            "qalayinaw",
            "shiberghan",
            "kitten",
            "a",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl",
        ] {
            let mut p = Pattern::default();
            assert!(p.set(key));
            for name in names {
                for max in 0..4 {
                    assert_eq!(
                        p.distance_to_name(name.as_bytes(), max),
                        edit_distance(key, &letters(name), max).min(max + 1),
                        "{key} {name:?} {max}"
                    );
                }
            }
        }
        let mut p = Pattern::default();
        assert!(!p.set("") && !p.set("niafunk\u{e9}") && p.set("kabul") && !p.set(""));
        assert_eq!(p.peq, [0; 128]);
    }

    #[test]
    fn packed_lengths_give_back_length_and_letters() {
        for (len, nl) in [
            (0, 0),
            (12, 9),
            (65535, 32767),
            (65536, 3),
            (7, 32768),
            (40, usize::MAX),
        ] {
            let (l, n) = unpack_len(pack_len(len, nl));
            assert_eq!(l, len as usize, "{len} {nl}");
            let fits = len < 1 << 16 && nl < 1 << 15;
            assert_eq!(n, fits.then_some(nl), "{len} {nl}");
        }
        // (the letters' count is the length of `letters`, as `skeleton_key` gives it)
        for name in ["al qala i naw", "hodeidah", "el  x-y 2", ""] {
            assert_eq!(skeleton_key(name).2, letters(name).len(), "{name}");
        }
    }

    #[test]
    fn edit_distance_is_bounded() {
        assert_eq!(edit_distance("qalayinaw", "qalainaw", 2), 1);
        assert_eq!(edit_distance("kitten", "sitting", 3), 3);
        assert_eq!(edit_distance("abc", "xyzxyz", 1), 2);
    }
}
