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
        let mut x = [0u8; 8];
        x[..r.len()].copy_from_slice(r);
        h = (h.rotate_left(23) ^ u64::from_le_bytes(x)).wrapping_mul(K);
    }
    h ^ (h >> 32)
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
