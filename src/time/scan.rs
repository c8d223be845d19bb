//! The fast path of the trigger scan: the matches that the tagger's Aho-Corasick search
//! (ASCII case-insensitive, leftmost-longest, non-overlapping) gives at word starts, found by
//! walking a small trie only from the starts of ASCII letter-and-digit runs, sixteen bytes of
//! text classified per SSE2 step.
//!
//! Why only word starts: the tagger drops every match that follows an ASCII letter or digit.
//! A match inside a word still hides later matches up to its end; but a pattern made only of
//! letters and digits ends inside that word, before the next word start. So only a pattern
//! with another byte after its first (a "crossing" one, such as "a.m.") can hide a word start
//! from inside a word; where one occurs inside a word the caller runs the full search instead.

/// Sixteen bytes' ASCII letters and digits, one bit each (lowest bit first).
#[inline]
fn alnum_mask16(chunk: &[u8; 16]) -> u32 {
    #[cfg(target_arch = "x86_64")]
    {
        crate::text::ascii_masks16(chunk).0
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        chunk
            .iter()
            .enumerate()
            .fold(0, |m, (i, b)| m | u32::from(b.is_ascii_alphanumeric()) << i)
    }
}

/// Sixteen bytes' bytes equal to `x`, one bit each (lowest bit first).
#[inline]
fn eq_mask16(chunk: &[u8; 16], x: u8) -> u32 {
    #[cfg(target_arch = "x86_64")]
    {
        use core::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
        };
        // SAFETY: SSE2 is baseline on x86-64; the unaligned load reads the 16 bytes of `chunk`.
        unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
            _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(x as i8))) as u32 & 0xffff
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        chunk
            .iter()
            .enumerate()
            .fold(0, |m, (i, &b)| m | u32::from(b == x) << i)
    }
}

/// Bits of `TriggerScan::prefix3` (8 KB).
const PREFIX_BITS: usize = 1 << 16;

/// The bit of `TriggerScan::prefix3` for three bytes (in the low bytes of `x`), the same for
/// either case of an ASCII letter (setting bit 0x20 of each byte lower-cases a letter; other
/// bytes that then collide only let more starts through to the walk).
#[inline]
fn prefix_hash(x: u32) -> usize {
    let x = (x | 0x0020_2020) & 0x00ff_ffff;
    (x.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// A trie of the lower-cased trigger words over byte classes (ASCII upper case sharing the
/// class of its lower case), with the patterns that can hide a word start from inside a word.
pub(crate) struct TriggerScan {
    /// Byte → class; 0 for bytes no pattern holds.
    classes: [u8; 256],
    n_classes: usize,
    /// `state * n_classes + class` → next state; 0 (the root, never a target) for none.
    next: Vec<u32>,
    /// Per state, 1 + the pattern that ends there, or 0.
    ends: Vec<u32>,
    /// Lower-cased patterns with a byte other than an ASCII letter or digit after the first,
    /// with the index of the first such byte.
    crossing: Vec<(Vec<u8>, usize)>,
    /// The bytes at those indices (each once).
    cross_bytes: Vec<u8>,
    /// Bit `prefix_hash(first three bytes)` set for each pattern's first three bytes (any third
    /// byte for a pattern of two): most word starts are passed over on one look-up. Empty with
    /// a pattern of one byte (every word start is walked).
    prefix3: Vec<u64>,
    /// False where some pattern is empty or does not start with an ASCII letter or digit: the
    /// fast path does not apply.
    usable: bool,
}

impl TriggerScan {
    pub fn new<S: AsRef<[u8]>>(patterns: &[S]) -> TriggerScan {
        let lower: Vec<Vec<u8>> = patterns
            .iter()
            .map(|p| p.as_ref().to_ascii_lowercase())
            .collect();
        let usable = lower
            .iter()
            .all(|p| p.first().is_some_and(u8::is_ascii_alphanumeric))
            && lower.len() < u32::MAX as usize;
        let mut classes = [0u8; 256];
        let mut n = 1usize;
        for p in &lower {
            for &b in p {
                if classes[b as usize] == 0 && n < 256 {
                    classes[b as usize] = n as u8;
                    n += 1;
                }
            }
        }
        // more than 255 distinct bytes cannot be told apart by a byte class
        let usable = usable && lower.iter().flatten().all(|&b| classes[b as usize] != 0);
        for b in b'A'..=b'Z' {
            classes[b as usize] = classes[b.to_ascii_lowercase() as usize];
        }
        let mut next = vec![0u32; n];
        let mut ends = vec![0u32];
        for (pid, p) in lower.iter().enumerate() {
            let mut s = 0usize;
            for &b in p {
                let k = s * n + classes[b as usize] as usize;
                if next[k] == 0 {
                    next[k] = ends.len() as u32;
                    ends.push(0);
                    next.resize(next.len() + n, 0);
                }
                s = next[k] as usize;
            }
            // (the first of equal patterns, as the leftmost-longest search reports)
            if s != 0 && ends[s] == 0 {
                ends[s] = pid as u32 + 1;
            }
        }
        let mut crossing = Vec::new();
        let mut cross_bytes = Vec::new();
        for p in &lower {
            if let Some(j) = p.iter().skip(1).position(|b| !b.is_ascii_alphanumeric()) {
                if !cross_bytes.contains(&p[j + 1]) {
                    cross_bytes.push(p[j + 1]);
                }
                crossing.push((p.clone(), j + 1));
            }
        }
        let mut prefix3 = vec![0u64; PREFIX_BITS / 64];
        let mut set = |key: u32| {
            let h = prefix_hash(key);
            prefix3[h / 64] |= 1 << (h % 64);
        };
        for p in &lower {
            let key =
                |third: u8| u32::from_le_bytes([p[0], p.get(1).copied().unwrap_or(0), third, 0]);
            match p.len() {
                0 | 1 => {}
                2 => (0..=255).for_each(|x| set(key(x))),
                _ => set(key(p[2])),
            }
        }
        if lower.iter().any(|p| p.len() < 2) {
            prefix3.clear();
        }
        TriggerScan {
            prefix3,
            classes,
            n_classes: n,
            next,
            ends,
            crossing,
            cross_bytes,
            usable,
        }
    }

    /// Can a pattern start at `b[s]` (by its first three bytes)?
    #[inline]
    fn may_start(&self, b: &[u8], s: usize) -> bool {
        if self.prefix3.is_empty() {
            return true;
        }
        let x = match b.get(s..s + 4) {
            Some(w) => u32::from_le_bytes([w[0], w[1], w[2], 0]),
            // (a missing byte reads as 0: a longer pattern cannot match there anyway)
            None => {
                u32::from_le_bytes([0, 1, 2, 3].map(|k| b.get(s + k).copied().unwrap_or(0)))
                    & 0xff_ffff
            }
        };
        let h = prefix_hash(x);
        self.prefix3[h / 64] >> (h % 64) & 1 != 0
    }

    /// The longest pattern that `b[s..]` starts with: (end, pattern).
    #[inline]
    fn longest(&self, b: &[u8], s: usize) -> Option<(usize, usize)> {
        let mut st = 0usize;
        let mut best = None;
        for (k, &x) in b[s..].iter().enumerate() {
            let c = self.classes[x as usize] as usize;
            if c == 0 {
                break;
            }
            st = self.next[st * self.n_classes + c] as usize;
            if st == 0 {
                break;
            }
            if self.ends[st] != 0 {
                best = Some((s + k + 1, self.ends[st] as usize - 1));
            }
        }
        best
    }

    /// Does a crossing pattern occur from inside a word, with its first byte that is no ASCII
    /// letter or digit at `e` (the end of a run of them)?
    fn crossing_at(&self, b: &[u8], e: usize) -> bool {
        self.crossing.iter().any(|(p, j)| {
            e > *j
                && b[e - j - 1].is_ascii_alphanumeric()
                && b.get(e - j..e - j + p.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(p))
        })
    }

    /// The matches (start, end, pattern) of a leftmost-longest non-overlapping ASCII
    /// case-insensitive search over `b` that start a word (at 0 or after a byte that is no
    /// ASCII letter or digit), in order; `None` where the fast path does not apply (the caller
    /// runs the full search).
    pub fn word_start_matches(&self, b: &[u8]) -> Option<Vec<(usize, usize, usize)>> {
        if !self.usable {
            return None;
        }
        // (speed: room for a match per 128 bytes, so that the list seldom grows)
        let mut out = Vec::with_capacity(b.len() / 128 + 1);
        // matches end here at the latest: no word start before it is looked at
        let mut resume = 0usize;
        // bit 0: the byte before the chunk is an ASCII letter or digit
        let mut carry = 0u32;
        let mut base = 0usize;
        while base < b.len() {
            let mut tail = [0u8; 16];
            let a: &[u8; 16] = match b.get(base..base + 16).and_then(|w| w.try_into().ok()) {
                Some(w) => w,
                // the tail, padded with bytes that are no letters
                None => {
                    tail[..b.len() - base].copy_from_slice(&b[base..]);
                    &tail
                }
            };
            let m = alnum_mask16(a);
            let before = (m << 1 | carry) & 0xffff;
            // run ends (no letter or digit after one) on a byte that a crossing pattern holds
            let mut run_ends = !m & before;
            if run_ends != 0 && !self.cross_bytes.is_empty() {
                run_ends &= self
                    .cross_bytes
                    .iter()
                    .fold(0, |acc, &x| acc | eq_mask16(a, x));
                while run_ends != 0 {
                    let e = base + run_ends.trailing_zeros() as usize;
                    run_ends &= run_ends - 1;
                    if e < b.len() && self.crossing_at(b, e) {
                        return None;
                    }
                }
            }
            let mut starts = m & !before;
            while starts != 0 {
                let s = base + starts.trailing_zeros() as usize;
                starts &= starts - 1;
                if s < resume || !self.may_start(b, s) {
                    continue;
                }
                if let Some((e, pid)) = self.longest(b, s) {
                    out.push((s, e, pid));
                    resume = e;
                }
            }
            carry = m >> 15 & 1;
            base += 16;
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};

    /// What the full search gives, filtered to word starts.
    fn reference(pats: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(pats)
            .unwrap();
        let b = text.as_bytes();
        ac.find_iter(text)
            .filter(|m| m.start() == 0 || !b[m.start() - 1].is_ascii_alphanumeric())
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect()
    }

    #[test]
    fn word_start_matches_are_those_of_the_full_search() {
        let pats = [
            "may", "monday", "day", "days", "the day", "week", "weekend", "a.m.", "p.m.", "noon",
            "today",
        ];
        let scan = TriggerScan::new(&pats);
        let texts = [
            "On Monday the days went by; the day after, a weekend and weeks, today.",
            "Mayday at 9 a.m. and 5 P.M., THE DAY todays todayx 7days é day",
            "the days",
            "weekends at noon",
            "",
            "day",
            "a long sentence of more than sixteen bytes that ends in a day",
        ];
        for t in texts {
            assert_eq!(
                scan.word_start_matches(t.as_bytes()),
                Some(reference(&pats, t)),
                "{t:?}"
            );
        }
    }

    #[test]
    fn a_crossing_pattern_inside_a_word_defers_to_the_full_search() {
        let scan = TriggerScan::new(&["a.m.", "monday"]);
        // "Panama.m." holds "a.m." from inside a word
        assert_eq!(scan.word_start_matches(b"Panama.m. Monday"), None);
        assert_eq!(
            scan.word_start_matches(b"at 9 a.m. Monday"),
            Some(vec![(5, 9, 0), (10, 16, 1)])
        );
        // a pattern that starts with a byte other than a letter or digit: never the fast path
        assert!(TriggerScan::new(&["'90s"])
            .word_start_matches(b"x")
            .is_none());
    }
}
