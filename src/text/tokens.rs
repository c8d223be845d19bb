//! Word tokens with byte spans.

use crate::model::Span;

/// A word token: letters/digits plus inner apostrophes, hyphens and dots ("U.S.", "al-Shabaab").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub span: Span,
}

impl Token<'_> {
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Tokenizes `text[range]`; spans are offsets into `text`.
pub fn tokens(text: &str, range: Span) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    tokens_into(text, range, &mut out);
    out
}

/// A char that joins the letters either side of it into one word.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‘')
}

/// Does a joiner continue a word when `rest` follows it? When a letter or digit follows,
/// possibly after one more joiner (as in "U.S.-led").
fn joins(rest: &str) -> bool {
    let mut rest = rest.chars();
    match rest.next() {
        Some(n) if super::is_alnum(n) => true,
        Some(n) if is_joiner(n) => rest.next().is_some_and(super::is_alnum),
        _ => false,
    }
}

/// ASCII letters and digits.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// For each of 16 bytes, a bit if it is an ASCII letter or digit, and a bit if it may need
/// a closer look inside or between words: an ASCII joiner (`'`, `-`, `.`) or no ASCII.
#[cfg(target_arch = "x86_64")]
#[inline]
fn masks16(chunk: &[u8; 16]) -> (u32, u32) {
    use core::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let (alnum, high) = super::ascii_masks16(chunk);
    // SAFETY: SSE2 is baseline on x86-64; the unaligned load reads the 16 bytes of `chunk`.
    let joiners = unsafe {
        let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
        let eq = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8));
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(eq(b'\''), eq(b'-')), eq(b'.'))) as u32 & 0xffff
    };
    (alnum, high | joiners)
}

/// [`tokens`] into a buffer the caller reuses (cleared first).
///
/// (Speed: on x86-64, sixteen bytes at a time up to the first byte that may join words or is
/// no ASCII, where words are the runs of ASCII letters and digits; that byte, and the last
/// bytes of the text, one char at a time.)
pub fn tokens_into<'t>(text: &'t str, range: Span, out: &mut Vec<Token<'t>>) {
    out.clear();
    let seg = &text[range.start..range.end];
    let b = seg.as_bytes();
    let n = b.len();
    // (speed: room for a token per four bytes, more than news text has, so that the buffer
    // does not grow token by token)
    out.reserve(n / 4 + 1);
    let token = |s: usize, e: usize| Token {
        text: &seg[s..e],
        span: Span::new(range.start + s, range.start + e),
    };
    // (`i` is always a char boundary; `start` is the start of the word `i` is inside)
    let mut i = 0;
    let mut start: Option<usize> = None;
    while i < n {
        #[cfg(target_arch = "x86_64")]
        if let Some(chunk) = b.get(i..i + 16) {
            let Ok(chunk) = <&[u8; 16]>::try_from(chunk) else {
                break;
            };
            let (alnum, special) = masks16(chunk);
            // the bytes before the first special one: a word there ends at the first byte
            // that is no letter or digit (none of them joins)
            let k = (special | 1 << 16).trailing_zeros();
            if k > 0 {
                let lim = ((1u64 << k) - 1) as u32;
                let mut pos = 0;
                while pos < k {
                    if start.is_none() {
                        let rest = (alnum & lim) >> pos;
                        if rest == 0 {
                            break;
                        }
                        pos += rest.trailing_zeros();
                        start = Some(i + pos as usize);
                    }
                    let rest = (!alnum & lim) >> pos;
                    if rest == 0 {
                        break;
                    }
                    pos += rest.trailing_zeros();
                    if let Some(s) = start.take() {
                        out.push(token(s, i + pos as usize));
                    }
                }
                i += k as usize;
                continue;
            }
        }
        // one char: `b[i]` may join words, is no ASCII, or lies in the last bytes
        let x = b[i];
        if ASCII_WORD[x as usize] {
            start.get_or_insert(i);
            i += 1;
            continue;
        }
        let (c, len) = if x < 0x80 {
            (x as char, 1)
        } else {
            match seg[i..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        match start {
            // between words: a word starts at a letter or digit
            None => {
                if x >= 0x80 && super::is_alnum(c) {
                    start = Some(i);
                }
                i += len;
            }
            // inside a word: letters and digits, and joiners that a letter or digit follows
            Some(s) => {
                if (x >= 0x80 && super::is_alnum(c)) || (is_joiner(c) && joins(&seg[i + len..])) {
                    i += len;
                } else {
                    // (the char is looked at again between words)
                    out.push(token(s, i));
                    start = None;
                }
            }
        }
    }
    if let Some(s) = start {
        out.push(token(s, n));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-by-char tokenizer [`tokens_into`] replaced, as the reference it must agree with.
    fn reference_tokens_into<'t>(text: &'t str, range: Span, out: &mut Vec<Token<'t>>) {
        out.clear();
        let seg = &text[range.start..range.end];
        let bytes = seg.as_bytes();
        let mut start: Option<usize> = None;
        let is_joiner = |c: char| matches!(c, '\'' | '’' | '-' | '.' | '‘');
        let mut i = 0;
        while let Some(&x) = bytes.get(i) {
            if x.is_ascii_alphanumeric() {
                // a run of ASCII letters and digits: inside one word
                if start.is_none() {
                    start = Some(i);
                }
                i += 1;
                while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    i += 1;
                }
                continue;
            }
            // (`i` is always a char boundary)
            let (c, len) = if x < 0x80 {
                (x as char, 1)
            } else {
                match seg.get(i..).and_then(|t| t.chars().next()) {
                    Some(c) => (c, c.len_utf8()),
                    None => break,
                }
            };
            let word_char = if x < 0x80 {
                x.is_ascii_alphanumeric()
            } else {
                c.is_alphanumeric()
            };
            // a joiner continues a word when a letter or digit follows (possibly after one more
            // joiner, as in "U.S.-led")
            let joiner = !word_char && start.is_some() && is_joiner(c) && {
                let mut rest = seg[i + len..].chars();
                match rest.next() {
                    Some(n) if n.is_alphanumeric() => true,
                    Some(n) if is_joiner(n) => rest.next().is_some_and(char::is_alphanumeric),
                    _ => false,
                }
            };
            if word_char || joiner {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start.take() {
                out.push(Token {
                    text: &seg[s..i],
                    span: Span::new(range.start + s, range.start + i),
                });
            }
            i += len;
        }
        if let Some(s) = start {
            out.push(Token {
                text: &seg[s..],
                span: Span::new(range.start + s, range.end),
            });
        }
    }

    #[test]
    fn tokens_agree_with_the_char_by_char_reference() {
        let samples = [
            "the U.S.-led coalition hit al-Shabaab's base.",
            "‘Al-Shabaab’ — Ma’rib; Niafunké's army. 3.5 km, 1,200 people -- x- -y 'q' a.. b.-c",
            "İstanbul’s ’’x ǅ ﬁghters\u{00A0}and\tIS' men… “rebels” ... end.",
            "",
            "-.'",
            "a",
            "é",
            "x-’y z.'-w v-",
            // runs of plain words longer than sixteen bytes, across sixteen-byte steps
            "Rebels attacked 12 army posts near the town on Monday, officials said; 3 died",
            "abcdefghijklmnopqrstuvwxyz0123456789 xy, (z) 1234567890123456-7 the end",
        ];
        for s in samples {
            for a in 0..=s.len() {
                for b in a..=s.len() {
                    if !s.is_char_boundary(a) || !s.is_char_boundary(b) {
                        continue;
                    }
                    let span = Span::new(a, b);
                    let mut got = Vec::new();
                    let mut want = Vec::new();
                    tokens_into(s, span, &mut got);
                    reference_tokens_into(s, span, &mut want);
                    assert_eq!(got, want, "{:?}", &s[a..b]);
                }
            }
        }
    }

    #[test]
    fn tokens_keep_inner_joiners() {
        let t = "the U.S.-led coalition hit al-Shabaab's base.";
        let toks: Vec<&str> = tokens(t, Span::new(0, t.len()))
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            toks,
            vec![
                "the",
                "U.S.-led",
                "coalition",
                "hit",
                "al-Shabaab's",
                "base"
            ]
        );
    }
}
