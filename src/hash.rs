//! Hashing for the small maps and sets of the hot paths, keyed by our own data (words,
//! names, codes): one word-at-a-time hash shared by every stage (SipHash's protection against
//! chosen keys is not needed, and it is slower).

use std::hash::{BuildHasherDefault, Hasher};

/// A hash of a short byte string (a word, a name), eight bytes at a time: for the small
/// string maps of the hot path (SipHash, and FNV with one multiply per byte, are slower).
/// The gazetteer's prebuilt tables keep their own hash (`places::hash_bytes`).
#[inline]
pub fn word_hash(b: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (b.len() as u64).wrapping_mul(K);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut x = [0u8; 8];
        x.copy_from_slice(c);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(x)).wrapping_mul(K);
    }
    let r = chunks.remainder();
    if !r.is_empty() {
        h = (h.rotate_left(23) ^ tail_u64(r)).wrapping_mul(K);
    }
    h ^ (h >> 32)
}

/// The 1 to 7 bytes of `r` as a little-endian `u64`, zero-padded: two overlapping reads
/// instead of a copy of variable length (a call to `memcpy`).
#[inline]
pub fn tail_u64(r: &[u8]) -> u64 {
    let n = r.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([r[0], r[1], r[2], r[3]]);
        let hi = u32::from_le_bytes([r[n - 4], r[n - 3], r[n - 2], r[n - 1]]);
        u64::from(lo) | u64::from(hi) << ((n - 4) * 8)
    } else {
        // 1 to 3 bytes: the first, the middle and the last (some the same).
        u64::from(r[0]) | u64::from(r[n / 2]) << (n / 2 * 8) | u64::from(r[n - 1]) << ((n - 1) * 8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_reads_agree_with_a_padded_copy() {
        let b: Vec<u8> = (1..=7u8).map(|x| x.wrapping_mul(37) | 0x80).collect();
        for n in 1..=7 {
            let mut x = [0u8; 8];
            x[..n].copy_from_slice(&b[..n]);
            assert_eq!(tail_u64(&b[..n]), u64::from_le_bytes(x), "{n}");
        }
    }
}

/// [`word_hash`] as a `Hasher` (what [`FastMap`] and [`FastSet`] use).
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, b: &[u8]) {
        self.0 = (self.0.rotate_left(29) ^ word_hash(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    #[inline]
    fn write_u8(&mut self, x: u8) {
        self.0 = (self.0.rotate_left(29) ^ u64::from(x)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    #[inline]
    fn write_u32(&mut self, x: u32) {
        self.0 = (self.0.rotate_left(29) ^ u64::from(x)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
}

pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<WordHasher>>;
pub type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<WordHasher>>;
