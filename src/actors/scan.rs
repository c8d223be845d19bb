//! The fast path of actor recognition: a byte trie of the dictionary's patterns walked only
//! from word starts (of the folded text the places stage reads too, `crate::text::words`).
//!
//! It gives exactly what an overlapping Aho-Corasick search filtered to word starts gave, at a
//! fraction of the cost: most words cannot start any pattern, so the trie dies within a byte
//! or two.

use crate::text::words::Word;
#[cfg(test)]
use crate::text::{fold16, fold_char, ASCII_FOLD};

/// ASCII letters and digits (what `char::is_alphanumeric` says of an ASCII byte).
const fn ascii_alnum_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric();
        i += 1;
    }
    t
}

static ASCII_ALNUM: [bool; 256] = ascii_alnum_table();

#[cfg(test)]
const ONES: u64 = 0x0101_0101_0101_0101;
#[cfg(test)]
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The ASCII bytes `lo..=hi` (and, with `high`, every byte from 0x80 on): a superset of the
/// bytes that start patterns, tested eight bytes at a time.
#[derive(Debug, Clone, Copy)]
struct StartRange {
    lo: u8,
    hi: u8,
    high: bool,
}

impl StartRange {
    /// The smallest such range holding every byte of `start`.
    fn new(start: &[bool; 256]) -> StartRange {
        let ascii = || (0u8..0x80).filter(|&x| start[x as usize]);
        match (ascii().next(), ascii().next_back()) {
            (Some(lo), Some(hi)) => StartRange {
                lo,
                hi,
                high: start[0x80..].iter().any(|&s| s),
            },
            // no ASCII start byte: an empty range
            _ => StartRange {
                lo: 1,
                hi: 0,
                high: start[0x80..].iter().any(|&s| s),
            },
        }
    }

    /// Can one of the eight bytes of `x` start a pattern?
    #[cfg(test)]
    fn may_hold(&self, x: u64) -> bool {
        self.lanes(x) != 0
    }

    /// A bit for each of sixteen bytes that may start a pattern (lies in the range), given the
    /// bits of the bytes from 0x80 on.
    #[inline]
    fn mask16(&self, chunk: &[u8; 16], high: u32) -> u32 {
        let high = if self.high { high } else { 0 };
        if self.lo > self.hi {
            return high;
        }
        #[cfg(target_arch = "x86_64")]
        let in_range = {
            use core::arch::x86_64::{
                __m128i, _mm_cmpgt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
                _mm_set1_epi8,
            };
            // SAFETY: SSE2 is baseline on x86-64; the unaligned load reads the 16 bytes of
            // `chunk`. (signed compares: bytes from 0x80 on are negative, so below `lo`, which
            // is ASCII)
            unsafe {
                let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
                let below = _mm_cmpgt_epi8(_mm_set1_epi8(self.lo as i8), v);
                let above = _mm_cmpgt_epi8(v, _mm_set1_epi8(self.hi as i8));
                !(_mm_movemask_epi8(_mm_or_si128(below, above)) as u32) & 0xffff
            }
        };
        #[cfg(not(target_arch = "x86_64"))]
        let in_range = chunk.iter().enumerate().fold(0, |m, (i, &x)| {
            m | u32::from((self.lo..=self.hi).contains(&x)) << i
        });
        in_range | high
    }

    /// The high bit of each byte of `x` that may start a pattern (lies in the range): eight
    /// bytes at a time without SSE2, the reference [`Self::mask16`] is tested against.
    #[cfg(test)]
    fn lanes(&self, x: u64) -> u64 {
        let low7 = x & !HIGH;
        // high bit of each byte: its low seven bits are at least `lo`, more than `hi`
        let ge_lo = low7 + ONES * u64::from(0x80 - self.lo);
        let gt_hi = low7 + ONES * u64::from(0x7f - self.hi);
        let in_range = if self.lo <= self.hi {
            ge_lo & !gt_hi & !x & HIGH
        } else {
            0
        };
        let high = if self.high { x & HIGH } else { 0 };
        in_range | high
    }
}

/// For each of 16 bytes, a bit if it is an ASCII letter or digit, and a bit if it is no ASCII.
#[inline]
fn masks16(chunk: &[u8; 16]) -> (u32, u32) {
    #[cfg(target_arch = "x86_64")]
    {
        crate::text::ascii_masks16(chunk)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        chunk.iter().enumerate().fold((0, 0), |(a, h), (i, &x)| {
            (
                a | u32::from(x.is_ascii_alphanumeric()) << i,
                h | u32::from(x >= 0x80) << i,
            )
        })
    }
}

/// Marks a transition into a state where patterns end.
const OUT_FLAG: u32 = 1 << 31;

/// States at most this deep get a dense row of transitions; deeper ones, nearly all with one
/// child, a short list.
const DENSE_DEPTH: usize = 2;

/// One transition of a sparse state: byte class and target (with [`OUT_FLAG`]).
#[derive(Debug, Clone, Copy)]
struct Edge {
    class: u16,
    target: u32,
}

/// A byte trie of patterns, compact enough to stay in cache: the shallow states (where nearly
/// every walk ends) as dense rows over the bytes the patterns use, the deeper ones as short
/// lists of transitions. States are numbered breadth first; the root is 0.
pub(crate) struct Trie {
    /// Byte → class; class 0 for bytes no pattern holds.
    classes: [u16; 256],
    n_classes: usize,
    /// Whether some pattern starts with the byte.
    start: [bool; 256],
    /// No pattern starts with a lower-case ASCII letter (case-sensitive acronyms).
    few_starts: bool,
    /// Every pattern starts with an alphanumeric char, so only at the start of a word (a run
    /// of them): matches can be looked for from the words of the text alone.
    word_initial: bool,
    /// The bytes that start patterns, as a range for testing eight bytes at once.
    starts: StartRange,
    /// Per pair of byte classes `c1 * n_classes + c2` starting a pattern, bit `l` set where
    /// its first word (alphanumeric chars) is `l` bytes long, or `l - 1` for a one-word
    /// pattern (a possessive "s" may follow), lengths from [`MAX_LEN`] on sharing a bit.
    word_lens: Vec<u16>,
    /// Bit `(c1 * n_classes + c2) * n_classes + c3` is set where a pattern can start with
    /// bytes of classes c1, c2, c3 (class 0 standing for any byte, or none, after a pattern
    /// of one or two bytes).
    prefix3: Vec<u64>,
    /// States `0..n_dense` (the shallow ones).
    n_dense: usize,
    /// `state * n_classes + class` → next state, with [`OUT_FLAG`] set where patterns end
    /// there; 0 (the root, never a target) for none.
    dense: Vec<u32>,
    /// For state `n_dense + i`, its transitions are `edges[edge_start[i]..edge_start[i + 1]]`.
    edge_start: Vec<u32>,
    edges: Vec<Edge>,
    /// Per state, the range of `outs` holding the patterns that end there (in pattern order).
    out_range: Vec<(u32, u32)>,
    outs: Vec<u32>,
    /// With [`Self::for_whole_words`]: bit `word_hash(w) % FIRST_WORD_BITS` set for the first
    /// word `w` of each pattern (and `w` + "s" for a one-word pattern); a word start whose word
    /// has no bit set is not walked. Empty: every word start is walked.
    first_words: Vec<u64>,
}

impl Trie {
    pub fn new<S: AsRef<[u8]>>(patterns: &[S]) -> Trie {
        let mut classes = [0u16; 256];
        let mut n_classes = 1usize;
        for p in patterns {
            for &b in p.as_ref() {
                if classes[b as usize] == 0 {
                    classes[b as usize] = n_classes as u16;
                    n_classes += 1;
                }
            }
        }
        // the plain trie, states in insertion order, children by class
        let mut children: Vec<Vec<(u16, u32)>> = vec![Vec::new()];
        let mut outs_of: Vec<Vec<u32>> = vec![Vec::new()];
        for (pid, p) in patterns.iter().enumerate() {
            let mut s = 0usize;
            for &b in p.as_ref() {
                let c = classes[b as usize];
                s = match children[s].iter().find(|e| e.0 == c) {
                    Some(&(_, t)) => t as usize,
                    None => {
                        let t = outs_of.len();
                        outs_of.push(Vec::new());
                        children.push(Vec::new());
                        children[s].push((c, t as u32));
                        t
                    }
                };
            }
            if s != 0 {
                outs_of[s].push(pid as u32);
            }
        }
        for ch in &mut children {
            ch.sort_unstable();
        }
        // breadth-first numbering, with depths
        let n_states = outs_of.len();
        let mut order = Vec::with_capacity(n_states);
        let mut depth = Vec::with_capacity(n_states);
        let mut new_id = vec![0u32; n_states];
        order.push(0usize);
        depth.push(0usize);
        let mut k = 0;
        while k < order.len() {
            let s = order[k];
            for &(_, t) in &children[s] {
                new_id[t as usize] = order.len() as u32;
                order.push(t as usize);
                depth.push(depth[k] + 1);
            }
            k += 1;
        }
        let n_dense = depth.iter().take_while(|&&d| d <= DENSE_DEPTH).count();
        let target = |t: u32| {
            let flag = if outs_of[t as usize].is_empty() {
                0
            } else {
                OUT_FLAG
            };
            new_id[t as usize] | flag
        };
        let mut dense = vec![0u32; n_dense * n_classes];
        let mut edge_start = vec![0u32];
        let mut edges = Vec::new();
        let mut outs = Vec::new();
        let mut out_range = Vec::with_capacity(n_states);
        for (ns, &s) in order.iter().enumerate() {
            for &(c, t) in &children[s] {
                if ns < n_dense {
                    dense[ns * n_classes + c as usize] = target(t);
                } else {
                    edges.push(Edge {
                        class: c,
                        target: target(t),
                    });
                }
            }
            if ns >= n_dense {
                edge_start.push(edges.len() as u32);
            }
            let a = outs.len() as u32;
            outs.extend_from_slice(&outs_of[s]);
            out_range.push((a, outs.len() as u32));
        }
        let nc = n_classes;
        let mut prefix3 = vec![0u64; (nc * nc * nc).div_ceil(64)];
        let mut set = |key: usize| prefix3[key >> 6] |= 1 << (key & 63);
        let ends = |s: usize| !outs_of[s].is_empty();
        for &(c1, t1) in &children[0] {
            let (c1, t1) = (c1 as usize, t1 as usize);
            if ends(t1) {
                (0..nc * nc).for_each(|r| set(c1 * nc * nc + r));
            }
            for &(c2, t2) in &children[t1] {
                let (c2, t2) = (c2 as usize, t2 as usize);
                if ends(t2) {
                    (0..nc).for_each(|c3| set((c1 * nc + c2) * nc + c3));
                }
                for &(c3, _) in &children[t2] {
                    set((c1 * nc + c2) * nc + c3 as usize);
                }
            }
        }
        let mut start = [false; 256];
        for (b, &c) in classes.iter().enumerate() {
            start[b] = c != 0 && children[0].iter().any(|e| e.0 == c);
        }
        let few_starts = (b'a'..=b'z').all(|x| !start[x as usize]);
        let word_initial = patterns.iter().all(|p| {
            std::str::from_utf8(p.as_ref())
                .ok()
                .and_then(|p| p.chars().next())
                .is_some_and(char::is_alphanumeric)
        });
        let starts = StartRange::new(&start);
        let mut word_lens = vec![0u16; nc * nc];
        for p in patterns {
            let p = p.as_ref();
            let Some(&b0) = p.first() else { continue };
            let c1 = classes[b0 as usize] as usize;
            let lens: u16 = match first_word_len(p) {
                Some(l) if l == p.len() => 1 << l.min(MAX_LEN) | 1 << (l + 1).min(MAX_LEN),
                Some(l) => 1 << l.min(MAX_LEN),
                None => u16::MAX,
            };
            match p.get(1) {
                Some(&b1) => word_lens[c1 * nc + classes[b1 as usize] as usize] |= lens,
                None => (0..nc).for_each(|c2| word_lens[c1 * nc + c2] |= lens),
            }
        }
        Trie {
            classes,
            n_classes,
            start,
            few_starts,
            word_initial,
            starts,
            word_lens,
            prefix3,
            n_dense,
            dense,
            edge_start,
            edges,
            out_range,
            outs,
            first_words: Vec::new(),
        }
    }

    /// A trie for callers that keep only matches that end a word, or that a possessive "s"
    /// and a word's end follow: [`Self::find_at_word_starts`] may then leave out matches
    /// that end inside a word (it walks only from words that are the first word of a pattern,
    /// or, for a one-word pattern, that word and "s"), and reports every other match.
    pub fn for_whole_words<S: AsRef<[u8]>>(patterns: &[S]) -> Trie {
        let mut t = Trie::new(patterns);
        let mut bits = vec![0u64; FIRST_WORD_BITS / 64];
        let mut set = |w: &[u8]| {
            let h = crate::hash::word_hash(w) as usize % FIRST_WORD_BITS;
            bits[h / 64] |= 1 << (h % 64);
        };
        for p in patterns {
            let p = p.as_ref();
            // (a pattern that is no UTF-8 leaves every word start walked)
            let Some(l) = first_word_len(p) else { return t };
            set(&p[..l]);
            if l == p.len() {
                set(&[p, b"s"].concat());
            }
        }
        t.first_words = bits;
        t
    }

    /// Can word `w` be the first word of a pattern (see `first_words`)?
    #[inline]
    fn first_word_may(&self, w: &[u8]) -> bool {
        if self.first_words.is_empty() {
            return true;
        }
        let h = crate::hash::word_hash(w) as usize % FIRST_WORD_BITS;
        self.first_words[h / 64] >> (h % 64) & 1 != 0
    }

    /// The transition of state `s` on byte class `c` (0 for none).
    #[inline]
    fn step(&self, s: usize, c: u16) -> u32 {
        if s < self.n_dense {
            return self.dense[s * self.n_classes + c as usize];
        }
        let i = s - self.n_dense;
        let (a, z) = (self.edge_start[i] as usize, self.edge_start[i + 1] as usize);
        self.edges[a..z]
            .iter()
            .find(|e| e.class == c)
            .map_or(0, |e| e.target)
    }

    /// Calls `emit(end, pattern)` for every pattern that `hay[start..]` starts with, shorter
    /// patterns first.
    #[inline]
    fn walk(&self, hay: &[u8], start: usize, emit: &mut impl FnMut(usize, usize)) {
        let mut s = 0usize;
        for (k, &b) in hay[start..].iter().enumerate() {
            let c = self.classes[b as usize];
            if c == 0 {
                return;
            }
            let t = self.step(s, c);
            if t == 0 {
                return;
            }
            s = (t & !OUT_FLAG) as usize;
            if t & OUT_FLAG != 0 {
                let (a, z) = self.out_range[s];
                for &pid in &self.outs[a as usize..z as usize] {
                    emit(start + k + 1, pid as usize);
                }
            }
        }
    }

    /// Calls `emit(start, end, pattern)` for every occurrence of a pattern in `hay` that starts
    /// a word (at the start or after a char that is not alphanumeric), in order of start, shorter
    /// patterns first.
    ///
    /// A walk starts only at a byte that can begin a pattern, after a char that is not
    /// alphanumeric, where the next three bytes can begin a pattern (a bit of `prefix3`).
    pub fn find_at_word_starts(&self, hay: &str, emit: impl FnMut(usize, usize, usize)) {
        if self.few_starts {
            self.find_by_bytes(hay, emit);
        } else {
            self.find_by_words(hay, emit);
        }
    }

    /// [`Self::find_at_word_starts`] of `hay` whose words (runs of alphanumeric chars, in
    /// order) are `words`: where every pattern starts a word, the walks start from them, and
    /// the text between them is not read.
    pub fn find_at_words(
        &self,
        hay: &str,
        words: &[Word],
        mut emit: impl FnMut(usize, usize, usize),
    ) {
        if self.few_starts || !self.word_initial {
            return self.find_at_word_starts(hay, emit);
        }
        let b = hay.as_bytes();
        let nc = self.n_classes;
        let cl = |i: usize| b.get(i).map_or(0, |&x| self.classes[x as usize] as usize);
        for w in words {
            let (p, word_end) = (w.fs as usize, w.fe as usize);
            if self.start[b[p] as usize]
                && self.may_start_word(b, p, word_end, cl(p) * nc + cl(p + 1), cl(p + 2))
            {
                self.walk(b, p, &mut |e, pid| emit(p, e, pid));
            }
        }
    }

    /// Can a pattern start with the word `b[p..word_end]`, whose first two bytes have the
    /// classes `k2` (`c1 * n_classes + c2`) and the third `c3`? (Its length, its first
    /// three bytes and its hash are tested, cheapest first.)
    #[inline(always)]
    fn may_start_word(&self, b: &[u8], p: usize, word_end: usize, k2: usize, c3: usize) -> bool {
        let len = (word_end - p).min(MAX_LEN);
        if self.word_lens[k2] >> len & 1 == 0 {
            return false;
        }
        let key = k2 * self.n_classes + c3;
        self.prefix3[key >> 6] >> (key & 63) & 1 != 0 && self.first_word_may(&b[p..word_end])
    }

    /// [`Self::find_at_word_starts`] for patterns that start with few bytes (capitals):
    /// one look-up per byte, and a closer look only at those bytes.
    fn find_by_bytes(&self, hay: &str, mut emit: impl FnMut(usize, usize, usize)) {
        let b = hay.as_bytes();
        let nc = self.n_classes;
        let cl = |i: usize| b.get(i).map_or(0, |&x| self.classes[x as usize] as usize);
        // after an ASCII letter or digit (bit 0: before the chunk)
        let mut after_alnum_bit = 0u32;
        let mut base = 0;
        while base < b.len() {
            // the bytes of the next sixteen that may start a pattern and follow no ASCII
            // letter or digit (all of a shorter tail): sixteen bytes none of which can are
            // skipped at once
            let mut lanes = match b
                .get(base..base + 16)
                .and_then(|w| <&[u8; 16]>::try_from(w).ok())
            {
                Some(w) => {
                    let (alnum, high) = masks16(w);
                    let may = self.starts.mask16(w, high);
                    let after = (alnum << 1 | after_alnum_bit) & 0xffff;
                    after_alnum_bit = alnum >> 15 & 1;
                    may & !after
                }
                None => (1u32 << (b.len() - base)) - 1,
            };
            while lanes != 0 {
                let p = base + lanes.trailing_zeros() as usize;
                lanes &= lanes - 1;
                let x = b[p];
                // (no pattern starts with a UTF-8 continuation byte, so `p` is a char boundary)
                if !self.start[x as usize] {
                    continue;
                }
                let after_alnum = match p.checked_sub(1).map(|q| b[q]) {
                    None => false,
                    Some(y) if y < 0x80 => ASCII_ALNUM[y as usize],
                    Some(_) => hay[..p]
                        .chars()
                        .next_back()
                        .is_some_and(crate::text::is_alnum),
                };
                if after_alnum {
                    continue;
                }
                let key = (cl(p) * nc + cl(p + 1)) * nc + cl(p + 2);
                if self.prefix3[key >> 6] >> (key & 63) & 1 != 0 {
                    self.walk(b, p, &mut |e, pid| emit(p, e, pid));
                }
            }
            base += 16;
        }
    }

    /// [`Self::find_at_word_starts`] for patterns that may start with any letter: from word
    /// start to word start, skipping the letters between.
    fn find_by_words(&self, hay: &str, mut emit: impl FnMut(usize, usize, usize)) {
        let b = hay.as_bytes();
        let n = b.len();
        let nc = self.n_classes;
        let cl = |i: usize| b.get(i).map_or(0, |&x| self.classes[x as usize] as usize);
        // `p` is always a char boundary that follows no alphanumeric char
        let mut p = 0;
        while p < n {
            // the end of the word at `p` (its alphanumeric chars), and the char after the
            // char that ends it
            let mut q = p;
            let (word_end, next) = loop {
                q = crate::text::alnum_run_end(b, q);
                let Some(&y) = b.get(q) else {
                    break (q, q);
                };
                if y < 0x80 {
                    break (q, q + 1);
                }
                let Some(c) = hay.get(q..).and_then(|t| t.chars().next()) else {
                    break (q, n);
                };
                if !crate::text::is_alnum(c) {
                    break (q, q + c.len_utf8());
                }
                q += c.len_utf8();
            };
            if self.start[b[p] as usize]
                && self.may_start_word(b, p, word_end, cl(p) * nc + cl(p + 1), cl(p + 2))
            {
                self.walk(b, p, &mut |e, pid| emit(p, e, pid));
            }
            p = next;
        }
    }
}

/// Bits of `Trie::first_words` (8 KB).
const FIRST_WORD_BITS: usize = 1 << 16;

/// Word lengths (in bytes) from this one on share a bit of `Trie::word_lens`.
const MAX_LEN: usize = 15;

/// The byte length of the alphanumeric chars that start `pattern` (its first word).
fn first_word_len(pattern: &[u8]) -> Option<usize> {
    let s = std::str::from_utf8(pattern).ok()?;
    Some(
        s.char_indices()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(s.len(), |(i, _)| i),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_table_matches_fold_char() {
        for b in 0u8..128 {
            let f = fold_char(b as char);
            let want = if f == '\0' {
                0
            } else if f.is_whitespace() {
                b' '
            } else {
                f as u8
            };
            assert_eq!(ASCII_FOLD[b as usize], want, "byte {b}");
            assert_eq!(ASCII_ALNUM[b as usize], (b as char).is_alphanumeric());
        }
    }

    #[test]
    fn sixteen_bytes_fold_as_the_table_does() {
        for b in 0u8..=255 {
            for lane in 0..16 {
                let mut a = *b"xYzAZ@[{-_\t\n'`~7";
                a[lane] = b;
                let (f, special) = fold16(&a);
                for (j, &c) in a.iter().enumerate() {
                    let kept = c < 0x80 && ASCII_FOLD[c as usize] != 0;
                    assert_eq!(special >> j & 1 == 0, kept, "{a:?} lane {j}");
                    if kept {
                        assert_eq!(f[j], ASCII_FOLD[c as usize], "{a:?} lane {j}");
                    }
                }
            }
        }
    }

    #[test]
    fn matches_from_the_words_are_those_of_the_word_start_scan() {
        use crate::text::words::Words;
        let texts = [
            "The rebels' convoy met army units near the border; the rebel army's men fled.",
            "Islamic State fighters and the islamic state's allies: a state of war, ISIS-held",
            "Ré-élu, the élite unit's état-major (‘army’) and 12 armies",
            "",
        ];
        for pats in [
            &[
                "army",
                "rebel",
                "rebels",
                "islamic state",
                "state",
                "élite",
                "12 armies",
            ][..],
            // a pattern that does not start a word: the text is scanned as before
            &["army", "-held", "'s allies"][..],
        ] {
            let t = Trie::new(pats);
            for text in texts {
                let w = Words::new(text);
                let f = w.folded.folded.as_str();
                let (mut a, mut b) = (Vec::new(), Vec::new());
                t.find_at_word_starts(f, |s, e, p| a.push((s, e, p)));
                t.find_at_words(f, &w.toks, |s, e, p| b.push((s, e, p)));
                assert_eq!(a, b, "{pats:?} in {text:?}");
            }
        }
    }

    #[test]
    fn trie_finds_every_pattern_at_word_starts_only() {
        let t = Trie::new(&["is", "isl", "islamic state", "state", "é", "ab"]);
        let mut got = Vec::new();
        let text = "islamic state, this is é-ab";
        t.find_at_word_starts(text, |s, e, p| got.push((s, e, p)));
        // "this" holds "is" but not at a word start; "isl" matches as a prefix of "islamic"
        // (the caller checks the word end)
        assert_eq!(
            got,
            vec![
                (0, 2, 0),
                (0, 3, 1),
                (0, 13, 2),
                (8, 13, 3),
                (20, 22, 0),
                (23, 25, 4),
                (26, 28, 5)
            ]
        );
    }

    #[test]
    fn start_range_lets_through_every_start_byte_in_any_lane() {
        let sets: [&[u8]; 4] = [b"AUNI", b"0Z", "é".as_bytes(), b"\x01\x7f"];
        for set in sets {
            let mut start = [false; 256];
            for &x in set {
                start[x as usize] = true;
            }
            let r = StartRange::new(&start);
            for x in 0u8..=255 {
                for lane in 0..8 {
                    let mut a = *b"aaaaaaaa";
                    a[lane] = x;
                    let held = r.may_hold(u64::from_le_bytes(a));
                    if start[x as usize] {
                        assert!(held, "{set:?}: byte {x} in lane {lane}");
                    }
                    // (outside the range's bounds, no byte is let through)
                    let out = |y: u8| y < 0x80 && (y < r.lo || y > r.hi);
                    let outside = out(x) && out(b'a');
                    if outside {
                        assert!(!held, "{set:?}: byte {x} in lane {lane}");
                    }
                }
            }
        }
        // lower-case text holds no capital
        let caps = StartRange::new(&std::array::from_fn(|i| (i as u8).is_ascii_uppercase()));
        assert!(!caps.may_hold(u64::from_le_bytes(*b"the town")));
        assert!(caps.may_hold(u64::from_le_bytes(*b"the Town")));
    }

    #[test]
    fn sixteen_byte_start_mask_agrees_with_the_eight_byte_lanes() {
        let sets: [&[u8]; 5] = [b"AUNI", b"0Z", "é".as_bytes(), b"\x00\x7f", b""];
        for set in sets {
            let mut start = [false; 256];
            for &x in set {
                start[x as usize] = true;
            }
            let r = StartRange::new(&start);
            for x in 0u8..=255 {
                for lane in 0..16 {
                    let mut a = *b"aZ0 .-Q\x7faaaaaaaa";
                    a[lane] = x;
                    let (_, high) = masks16(&a);
                    let m = r.mask16(&a, high);
                    for (half, w) in a.chunks_exact(8).enumerate() {
                        let lanes = r.lanes(u64::from_le_bytes(w.try_into().unwrap()));
                        for j in 0..8 {
                            assert_eq!(
                                m >> (half * 8 + j) & 1 != 0,
                                lanes >> (8 * j + 7) & 1 != 0,
                                "{set:?}: byte {x} in lane {lane}, at {}",
                                half * 8 + j
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn capital_patterns_are_found_byte_by_byte_at_word_starts() {
        let t = Trie::new(&["IS", "UN", "U.N."]);
        assert!(t.few_starts);
        let mut got = Vec::new();
        t.find_at_word_starts("THIS IS, UN-led U.N. éUN", |s, e, p| got.push((s, e, p)));
        // "THIS" holds "IS" inside a word, "U.N." is no "UN", "éUN" has UN inside a word
        assert_eq!(got, vec![(5, 7, 0), (9, 11, 1), (16, 20, 2)]);
    }

    #[test]
    fn word_length_filter_keeps_whole_words_and_possessives() {
        let t = Trie::new(&["forces", "taliban", "the group", "u.s."]);
        let mut got = Vec::new();
        let text = "for forces talibans talibanxx the group u.s. the";
        t.find_at_word_starts(text, |s, e, p| got.push((s, e, p)));
        // "talibans" (a folded "Taliban's") keeps its match; "talibanxx" is not looked at
        assert_eq!(got, vec![(4, 10, 0), (11, 18, 1), (30, 39, 2), (40, 44, 3)]);
    }

    #[test]
    fn duplicate_patterns_come_in_pattern_order() {
        let t = Trie::new(&["kabul", "kab", "kabul"]);
        let mut got = Vec::new();
        t.find_at_word_starts("(Kabul) kabul", |s, e, p| got.push((s, e, p)));
        assert_eq!(got, vec![(8, 11, 1), (8, 13, 0), (8, 13, 2)]);
    }

    #[test]
    fn whole_word_trie_keeps_every_match_that_ends_a_word() {
        let pats = [
            "the",
            "the group",
            "isl",
            "islamic state",
            "taliban",
            "u.s.",
            "é",
            "état",
            "(x",
            "al shabaab",
            "7th",
        ];
        let all = Trie::new(&pats);
        let whole = Trie::for_whole_words(&pats);
        let text = "the groups isl islamic state islamist talibans taliban talibanx u.s. u.k. \
                    é état étatx (x the 7th al shabaab al shabaabs theme isle";
        let ends_word = |e: usize| {
            let rest = &text.as_bytes()[e..];
            let alnum = |i: usize| rest.get(i).is_some_and(u8::is_ascii_alphanumeric);
            !alnum(0) || (rest[0] == b's' && !alnum(1))
        };
        let (mut a, mut w) = (Vec::new(), Vec::new());
        all.find_at_word_starts(text, |s, e, p| a.push((s, e, p)));
        whole.find_at_word_starts(text, |s, e, p| w.push((s, e, p)));
        // the whole-word trie leaves out "isl" inside "islamist" and "isle"; nothing that ends
        // a word
        assert!(w.len() < a.len());
        assert!(w.iter().all(|m| a.contains(m)));
        a.retain(|&(_, e, _)| ends_word(e));
        w.retain(|&(_, e, _)| ends_word(e));
        assert!(a.len() > 10);
        assert_eq!(a, w);
    }
}
