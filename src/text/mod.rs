//! Text stage: sentences, tokens, offsets and the folding used to match names.

mod fold;
mod sentences;
mod tokens;
pub mod words;

#[cfg(test)]
pub(crate) use fold::fold16;
pub(crate) use fold::fold64_words;
pub use fold::{fold, fold_char, fold_into, is_plain_word, FoldedText, ASCII_FOLD};
pub use sentences::sentences;
pub use tokens::{tokens, tokens_into, Token};

/// `char::is_alphanumeric`, answered without the standard library's table look-up (some
/// 500 instructions a char) for the non-ASCII chars news text is full of: the General
/// Punctuation block U+2000..=U+206F (curly quotes, dashes, spaces: none is a letter or
/// digit) and the Latin letters U+00C0..=U+024F (all letters but `×` and `÷`). A test
/// compares it with the standard library's on every char.
#[inline]
pub fn is_alnum(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{2000}'..='\u{206F}' | '×' | '÷' => false,
        '\u{C0}'..='\u{24F}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// The end of the run of ASCII letters and digits that starts at `i` in `b` (`i` itself where
/// `b[i]` is none): sixteen bytes per SSE2 step (SSE2 is part of every x86-64 CPU), the last
/// bytes one at a time.
#[inline]
pub fn alnum_run_end(b: &[u8], mut i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    while let Some(chunk) = b.get(i..i + 16) {
        let Ok(chunk) = <&[u8; 16]>::try_from(chunk) else {
            break;
        };
        let other = !ascii_masks16(chunk).0 & 0xffff;
        if other != 0 {
            return i + other.trailing_zeros() as usize;
        }
        i += 16;
    }
    while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    i
}

/// The index of the first ASCII digit at or after `i` in `b`, else `b.len()`: sixteen bytes
/// per SSE2 step (SSE2 is part of every x86-64 CPU), the last bytes one at a time.
#[inline]
pub fn next_digit(b: &[u8], mut i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    while let Some(chunk) = b.get(i..i + 16) {
        use core::arch::x86_64::{
            __m128i, _mm_and_si128, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128,
            _mm_movemask_epi8, _mm_set1_epi8,
        };
        // SAFETY: SSE2 is baseline on x86-64; the unaligned load reads the 16 bytes of `chunk`.
        // (signed compares: bytes from 0x80 on are negative, so no digits)
        let digits = unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
            _mm_movemask_epi8(_mm_and_si128(
                _mm_cmpgt_epi8(v, _mm_set1_epi8((b'0' - 1) as i8)),
                _mm_cmplt_epi8(v, _mm_set1_epi8((b'9' + 1) as i8)),
            )) as u32
                & 0xffff
        };
        if digits != 0 {
            return i + digits.trailing_zeros() as usize;
        }
        i += 16;
    }
    while b.get(i).is_some_and(|x| !x.is_ascii_digit()) {
        i += 1;
    }
    i.min(b.len())
}

/// For each of 16 bytes, a bit if it is an ASCII letter or digit, and a bit if it is no ASCII
/// (0x80 and above): one SSE2 step (SSE2 is part of every x86-64 CPU).
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn ascii_masks16(chunk: &[u8; 16]) -> (u32, u32) {
    use core::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };
    // SAFETY: SSE2 is baseline on x86-64; the unaligned load reads the 16 bytes of `chunk`.
    unsafe {
        let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
        // (signed compares: bytes from 0x80 on are negative, so in no range)
        let range = |lo: u8, hi: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(v, _mm_set1_epi8((lo - 1) as i8)),
                _mm_cmplt_epi8(v, _mm_set1_epi8((hi + 1) as i8)),
            )
        };
        let alnum = _mm_or_si128(
            _mm_or_si128(range(b'0', b'9'), range(b'a', b'z')),
            range(b'A', b'Z'),
        );
        (
            _mm_movemask_epi8(alnum) as u32 & 0xffff,
            _mm_movemask_epi8(v) as u32 & 0xffff,
        )
    }
}

/// Converts byte offsets into character (Unicode scalar value) offsets for one text.
pub struct CharIndex<'a> {
    text: &'a str,
    /// Per block of 64 bytes, the number of chars that start before it, for O(64) lookups:
    /// `blocks[k]` counts those of the first `64 * k` bytes. Built as far as the look-ups
    /// reach (many texts need none, and many only their first part).
    blocks: std::cell::RefCell<Vec<usize>>,
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
            blocks: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// Character offset of byte offset `byte` (which must lie on a char boundary or at the end).
    pub fn char_offset(&self, byte: usize) -> usize {
        let b = self.text.as_bytes();
        let end = byte.min(b.len());
        let k = end / 64;
        let mut blocks = self.blocks.borrow_mut();
        if blocks.is_empty() {
            blocks.reserve(b.len() / 64 + 1);
            blocks.push(0);
        }
        // (`64 * k <= end`, so every block counted lies inside the text)
        while blocks.len() <= k {
            let j = blocks.len();
            let n = blocks[j - 1] + count_char_starts(&b[(j - 1) * 64..j * 64]);
            blocks.push(n);
        }
        blocks[k] + count_char_starts(&b[k * 64..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_alnum_says_what_the_standard_library_says_of_every_char() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(
                is_alnum(c),
                c.is_alphanumeric(),
                "{c:?} U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn next_digit_finds_the_first_digit() {
        let t = "no digits here at all, none; then 7 and é9, then 2024-05-01 ends".as_bytes();
        for i in 0..=t.len() + 1 {
            let naive = (i..t.len())
                .find(|&k| t[k].is_ascii_digit())
                .unwrap_or(t.len());
            assert_eq!(next_digit(t, i), naive, "from {i}");
        }
    }

    #[test]
    fn alnum_runs_end_at_the_first_other_byte() {
        let t = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ é_z-Q/9:@[`{ x";
        let b = t.as_bytes();
        for i in 0..=b.len() {
            let naive = (i..b.len())
                .find(|&k| !b[k].is_ascii_alphanumeric())
                .unwrap_or(b.len());
            assert_eq!(alnum_run_end(b, i), naive, "from {i}");
        }
        for x in 0u8..=255 {
            let mut a = *b"aaaaaaaaaaaaaaaaaaaa";
            a[9] = x;
            let want = if x.is_ascii_alphanumeric() { 20 } else { 9 };
            assert_eq!(alnum_run_end(&a, 0), want, "byte {x}");
        }
    }

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

    #[test]
    fn char_offsets_agree_in_any_order_of_look_up() {
        // (the index is built as far as the look-ups reach: backwards, forwards, jumping)
        let t = "Qal‘ah-ye Now – Badghis’ capital é, ".repeat(9);
        let starts: Vec<(usize, usize)> = t.char_indices().map(|(b, _)| b).enumerate().collect();
        for step in [1, 7, 64, 131] {
            let idx = CharIndex::new(&t);
            for k in (0..starts.len()).step_by(step).rev().chain(0..starts.len()) {
                let (ci, bi) = starts[k];
                assert_eq!(idx.char_offset(bi), ci, "{step} {bi}");
            }
            assert_eq!(idx.char_offset(t.len()), starts.len());
        }
    }
}
