//! Sentence splitting for news text.

use crate::model::Span;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "rev", "st", "jr",
    "sr", "gov", "sen", "rep", "pres", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k",
    "e.g", "i.e", "a.m", "p.m", "mt", "ft", "approx", "dept", "brig", "adm", "cmdr", "lieut",
];

/// The longest of [`ABBREVIATIONS`], in bytes: a longer word is none of them.
const ABBREVIATION_MAX: usize = {
    let mut m = 0;
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > m {
            m = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    m
};

/// Splits `text` into sentences. Paragraph breaks (a newline) always end a sentence; `.`, `!`
/// and `?` end one when followed by white space and an upper-case letter, digit or quote, and
/// the word before is not a known abbreviation or a single initial.
pub fn sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    // (speed: room for a sentence per 64 bytes, so that the list seldom grows)
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut start = 0usize;
    let mut i = 0usize;
    let push = |out: &mut Vec<Span>, s: usize, e: usize| {
        let seg = &text[s..e];
        let lead = seg.len() - seg.trim_start().len();
        let trail = seg.len() - seg.trim_end().len();
        if lead + trail < seg.len() {
            out.push(Span::new(s + lead, e - trail));
        }
    };
    while i < bytes.len() {
        i = next_stop(bytes, i);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if b == b'\n' {
            push(&mut out, start, i);
            start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?') && is_boundary(text, i) {
            // include closing quotes/brackets after the punctuation
            let mut end = i + 1;
            while end < bytes.len() {
                let rest = &text[end..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | ')' | '”' | '’' | '»') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            push(&mut out, start, end);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push(&mut out, start, bytes.len());
    out
}

/// The index of the first `\n`, `.`, `!` or `?` at or after `i` (the only bytes that can end
/// a sentence), else `bytes.len()`; sixteen bytes per SSE2 step (SSE2 is part of every x86-64
/// CPU), then the tail through [`next_stop_swar`].
#[cfg(target_arch = "x86_64")]
fn next_stop(bytes: &[u8], mut i: usize) -> usize {
    use core::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    while let Some(chunk) = bytes.get(i..i + 16) {
        // SAFETY: SSE2 is baseline on x86-64; the unaligned load reads the 16 bytes of `chunk`.
        let stops = unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
            let eq = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8));
            _mm_movemask_epi8(_mm_or_si128(
                _mm_or_si128(eq(b'\n'), eq(b'.')),
                _mm_or_si128(eq(b'!'), eq(b'?')),
            )) as u32
                & 0xffff
        };
        if stops != 0 {
            return i + stops.trailing_zeros() as usize;
        }
        i += 16;
    }
    next_stop_swar(bytes, i)
}

/// [`next_stop`] elsewhere.
#[cfg(not(target_arch = "x86_64"))]
fn next_stop(bytes: &[u8], i: usize) -> usize {
    next_stop_swar(bytes, i)
}

/// [`next_stop`], eight bytes at a time.
fn next_stop_swar(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has = |x: u64, b: u8| {
        let y = x ^ (ONES * u64::from(b));
        y.wrapping_sub(ONES) & !y & HIGH != 0
    };
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_le_bytes(w);
        if has(x, b'\n') || has(x, b'.') || has(x, b'!') || has(x, b'?') {
            break;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if matches!(b, b'\n' | b'.' | b'!' | b'?') {
            return i;
        }
        i += 1;
    }
    i
}

fn is_boundary(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    let after = after.trim_start_matches(['"', '\'', ')', '”', '’', '»']);
    let trimmed = after.trim_start_matches([' ', '\t']);
    if trimmed.len() == after.len() && !trimmed.is_empty() && !trimmed.starts_with('\n') {
        return false; // no space after: "U.S.", "3.5", "..."
    }
    let next = trimmed.chars().next();
    match next {
        None => return true,
        Some('\n') => return true,
        Some(c) if c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(') =>
            {}
        Some(_) => return false,
    }
    if text.as_bytes()[i] != b'.' {
        return true;
    }
    // the word before the full stop
    let before = &text[..i];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false; // an initial: "John F. Kennedy"
    }
    // (the abbreviations are lower-case ASCII: no lower-cased copy of the word is needed)
    !(word.len() <= ABBREVIATION_MAX && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t)
            .into_iter()
            .map(|s| &t[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_on_full_stops_and_paragraphs() {
        let t = "Troops entered the town. The army said so!\nNew paragraph here";
        assert_eq!(
            split(t),
            vec![
                "Troops entered the town.",
                "The army said so!",
                "New paragraph here"
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside() {
        let t = "The U.S. envoy met Gen. Haftar on Nov. 4 in Benghazi. He left.";
        assert_eq!(
            split(t),
            vec![
                "The U.S. envoy met Gen. Haftar on Nov. 4 in Benghazi.",
                "He left."
            ]
        );
    }

    #[test]
    fn every_abbreviation_in_any_case_keeps_the_sentence_whole() {
        for a in ABBREVIATIONS {
            assert!(a.len() <= ABBREVIATION_MAX);
            for w in [a.to_string(), a.to_uppercase()] {
                let t = format!("They met {w}. Haftar there.");
                assert_eq!(split(&t), vec![t.as_str()], "{w}");
            }
        }
        // a longer word ends the sentence
        assert_eq!(split("They met Lieutenant. Haftar left.").len(), 2);
    }

    #[test]
    fn next_stop_finds_the_first_stop_byte() {
        let t = "abcdefghijklmnop qrstuvwx. yz\nAB é?CD!xxxxxxxxxxxxxxxxx";
        let b = t.as_bytes();
        for i in 0..=b.len() {
            let naive = (i..b.len())
                .find(|&k| matches!(b[k], b'\n' | b'.' | b'!' | b'?'))
                .unwrap_or(b.len());
            assert_eq!(next_stop(b, i), naive, "from {i}");
        }
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let t = "“The city is not falling,” she said. “We will hold.” Then silence.";
        assert_eq!(
            split(t),
            vec![
                "“The city is not falling,” she said.",
                "“We will hold.”",
                "Then silence."
            ]
        );
    }
}
