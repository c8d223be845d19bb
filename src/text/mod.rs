//! Text stage: sentences, tokens, offsets and the folding used to match names.

mod fold;
mod sentences;
mod tokens;

pub use fold::{fold, fold_char, fold_into, is_plain_word, FoldedText, ASCII_FOLD};
pub use sentences::sentences;
pub use tokens::{tokens, tokens_into, Token};

/// Converts byte offsets into character (Unicode scalar value) offsets for one text.
pub struct CharIndex<'a> {
    text: &'a str,
    /// Per block of 64 bytes, the number of chars that start before it, for O(64) lookups;
    /// built on the first look-up (many texts need none).
    blocks: std::cell::OnceCell<Vec<usize>>,
}

/// Does byte `b` start a char (is it no UTF-8 continuation byte)?
#[inline]
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// How many chars start in `bytes` (bytes that are no UTF-8 continuation byte, `10xxxxxx`),
/// eight bytes at a time.
fn count_char_starts(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut words = bytes.chunks_exact(8);
    let mut continuation = 0usize;
    for w in &mut words {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        let x = u64::from_le_bytes(a);
        // bit 7 set and bit 6 clear, per byte
        // (the bytes' flags summed by a multiply: no popcount instruction needed)
        let flags = (x & !(x << 1) & HIGH) >> 7;
        continuation += (flags.wrapping_mul(ONES) >> 56) as usize;
    }
    let tail = words.remainder();
    bytes.len() - continuation - tail.iter().filter(|&&b| !starts_char(b)).count()
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        CharIndex {
            text,
            blocks: std::cell::OnceCell::new(),
        }
    }

    fn blocks(&self) -> &[usize] {
        self.blocks.get_or_init(|| {
            let mut blocks = Vec::with_capacity(self.text.len() / 64 + 1);
            let mut n = 0usize;
            for chunk in self.text.as_bytes().chunks(64) {
                blocks.push(n);
                n += count_char_starts(chunk);
            }
            blocks
        })
    }

    /// Character offset of byte offset `byte` (which must lie on a char boundary or at the end).
    pub fn char_offset(&self, byte: usize) -> usize {
        let end = byte.min(self.text.len());
        let blocks = self.blocks();
        let k = end / 64;
        let Some(&c0) = blocks.get(k) else {
            // the end of a text whose length is a multiple of 64 (or empty)
            return self.text.as_bytes()[..end]
                .iter()
                .rev()
                .take(64)
                .filter(|&&b| starts_char(b))
                .count()
                + blocks.last().copied().unwrap_or(0);
        };
        c0 + count_char_starts(&self.text.as_bytes()[k * 64..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_scalars_not_bytes() {
        let t = "Qal‘ah-ye Now – Badghis’ capital é".repeat(10);
        let idx = CharIndex::new(&t);
        for (ci, (bi, _)) in t.char_indices().enumerate() {
            assert_eq!(idx.char_offset(bi), ci);
        }
        assert_eq!(idx.char_offset(t.len()), t.chars().count());
        assert_eq!(idx.char_offset(t.len() + 5), t.chars().count());
        // texts whose length is a multiple of 64 bytes, or empty
        for t in ["a".repeat(128), "é".repeat(32), String::new()] {
            let idx = CharIndex::new(&t);
            assert_eq!(idx.char_offset(t.len()), t.chars().count());
            assert_eq!(idx.char_offset(0), 0);
        }
    }
}
