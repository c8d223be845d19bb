//! The words of an article, found once for the stages that match names in the folded text
//! (places and actors): the folded text (as [`crate::text::FoldedText`]) with a sparse map back
//! to original offsets, and its words (runs of alphanumeric folded chars) with their original
//! starts, case and possessives. [`Words::new`] folds and finds the words in one pass.

#[cfg(test)]
use crate::text::{fold16, ASCII_FOLD};
use crate::text::{fold64_words, fold_char};

#[derive(Debug, Clone, Copy)]
/// A word of the folded text: a run of alphanumeric folded chars.
pub struct Word {
    pub fs: u32,
    pub fe: u32,
    /// Original byte offset of the first char.
    pub os: u32,
    /// Its first char is upper-case in the original text.
    pub cap: bool,
    /// Written with a possessive `'s` (folded away to a trailing `s`): "Russia's".
    pub poss: bool,
}

/// Whether one of the eight bytes of `w` is not plain ASCII for folding: non-ASCII, or a
/// byte folding deletes (`'`, `` ` ``, NUL).
#[cfg(test)]
fn special8(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    w & HIGH != 0 || zero(w) || zero(w ^ (ONES * b'\'' as u64)) || zero(w ^ (ONES * b'`' as u64))
}

/// [`ASCII_FOLD`] of a byte it does not delete, without a table (so the loop vectorises).
#[cfg(test)]
#[inline]
fn fold_ascii(x: u8) -> u8 {
    let x = if x.wrapping_sub(b'A') < 26 { x + 32 } else { x };
    if x == b'-' || x == b'_' || x.wrapping_sub(9) < 5 {
        b' '
    } else {
        x
    }
}

/// The folded text of an article with a map back to original byte offsets: the same text
/// and offsets as [`crate::text::FoldedText`], built a run of ASCII at a time (the usual
/// case) and through [`fold_char`] elsewhere. The map is sparse: one entry per stretch of
/// folded bytes that map one to one onto original bytes, and one per non-ASCII char, so an
/// article of plain ASCII has a single entry however long it is.
pub struct Folded {
    pub folded: String,
    /// `(folded start, original start, one_to_one)`, by folded start: folded byte `i` of an
    /// entry comes from original byte `orig + (i - start)` (one to one) or `orig` (all the
    /// bytes of one folded non-ASCII char).
    map: Vec<(u32, u32, bool)>,
    original_len: usize,
}

impl Folded {
    #[cfg(test)]
    pub fn new(text: &str) -> Folded {
        Folded::new_in(text, Vec::new(), Vec::new())
    }

    /// [`Folded::new`] in the buffers of an earlier one (see [`Folded::into_buffers`]), so
    /// that an article allocates nothing here once the buffers are big enough. (The
    /// recogniser folds and finds the words in one pass, [`fold_tokenize_in`]; this is its
    /// reference in the tests.)
    #[cfg(test)]
    fn new_in(text: &str, mut out: Vec<u8>, mut map: Vec<(u32, u32, bool)>) -> Folded {
        let b = text.as_bytes();
        out.clear();
        out.reserve(b.len());
        map.clear();
        let mut i = 0;
        while i < b.len() {
            // A run of ASCII bytes that are not deleted maps one to one: folded sixteen
            // bytes at a time up to the first special byte, then byte by byte.
            let run = i;
            let out_start = out.len();
            while let Some(c) = b.get(i..i + 16) {
                let mut x = [0u8; 16];
                x.copy_from_slice(c);
                let (folded, special) = fold16(&x);
                // The bytes before the first special one (all 16 if none).
                let n = special.trailing_zeros().min(16) as usize;
                out.reserve(16);
                let len = out.len();
                // SAFETY: `reserve` made room for 16 more bytes past `len`, all written here
                // (a fixed-size copy, no call); only the first `n` become part of the vector.
                unsafe {
                    std::ptr::copy_nonoverlapping(folded.as_ptr(), out.as_mut_ptr().add(len), 16);
                    out.set_len(len + n);
                }
                i += n;
                if n < 16 {
                    break;
                }
            }
            while i < b.len() && b[i] < 0x80 && ASCII_FOLD[b[i] as usize] != 0 {
                out.push(fold_ascii(b[i]));
                i += 1;
            }
            if i > run {
                push_ascii_run(&mut map, out_start, run);
            }
            if i >= b.len() {
                break;
            }
            if b[i] < 0x80 {
                // A deleted byte: the next run starts a new entry.
                i += 1;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            let l = c.len_utf8();
            let f = fold_char(c);
            if f != '\0' {
                let f = if f.is_whitespace() { ' ' } else { f };
                let mut buf = [0u8; 4];
                let e = f.encode_utf8(&mut buf);
                map.push((out.len() as u32, i as u32, e.len() == 1));
                out.extend_from_slice(e.as_bytes());
            }
            i += l;
        }
        // Only whole chars were pushed, each valid UTF-8.
        let folded = String::from_utf8(out).unwrap_or_default();
        Folded {
            folded,
            map,
            original_len: text.len(),
        }
    }

    /// The buffers, emptied, for [`Folded::new_in`].
    pub fn into_buffers(self) -> (Vec<u8>, Vec<(u32, u32, bool)>) {
        let mut f = self.folded.into_bytes();
        f.clear();
        let mut map = self.map;
        map.clear();
        (f, map)
    }

    /// Original byte offset of folded byte offset `i` (start of a match).
    #[inline]
    pub fn orig_start(&self, i: usize) -> usize {
        if i >= self.folded.len() {
            return self.original_len;
        }
        let k = self.map.partition_point(|&(fs, _, _)| fs as usize <= i);
        match k.checked_sub(1).and_then(|k| self.map.get(k)) {
            Some(&(fs, os, true)) => os as usize + (i - fs as usize),
            Some(&(_, os, false)) => os as usize,
            None => self.original_len,
        }
    }

    /// [`Folded::orig_start`] for offsets visited in increasing order: `k` is a cursor into
    /// the map, starting at 0 (no binary search per token).
    #[inline]
    pub fn orig_start_seq(&self, i: usize, k: &mut usize) -> usize {
        if i >= self.folded.len() {
            return self.original_len;
        }
        while *k + 1 < self.map.len() && self.map[*k + 1].0 as usize <= i {
            *k += 1;
        }
        match self.map.get(*k) {
            Some(&(fs, os, true)) if fs as usize <= i => os as usize + (i - fs as usize),
            Some(&(fs, os, false)) if fs as usize <= i => os as usize,
            _ => self.orig_start(i),
        }
    }

    /// [`Folded::orig_end`] for offsets visited in (mostly) increasing order, with a cursor
    /// as [`Folded::orig_start_seq`].
    #[inline]
    pub fn orig_end_seq(&self, text: &str, i: usize, k: &mut usize) -> usize {
        if i == 0 || i > self.folded.len() {
            return self.orig_end(text, i);
        }
        let b = self.orig_start_seq(i - 1, k);
        let x = text.as_bytes().get(b).copied().unwrap_or(0);
        b + if x < 0x80 {
            1
        } else {
            text.get(b..)
                .and_then(|t| t.chars().next())
                .map_or(0, char::len_utf8)
        }
    }

    /// The folded offset of the first folded byte that comes from original byte `orig` or
    /// later (the inverse of [`Self::orig_start`]): one binary search over the map.
    pub fn folded_start(&self, orig: usize) -> usize {
        // the last entry that starts at or before `orig`
        let k = self.map.partition_point(|&(_, os, _)| os as usize <= orig);
        let Some(&(fs, os, one)) = k.checked_sub(1).and_then(|k| self.map.get(k)) else {
            // before the first entry (or no entry): its first folded byte
            return self.map.first().map_or(self.folded.len(), |m| m.0 as usize);
        };
        let (fs, os) = (fs as usize, os as usize);
        let next_f = self.map.get(k).map_or(self.folded.len(), |n| n.0 as usize);
        if one {
            (fs + (orig - os)).min(next_f)
        } else if orig == os {
            fs
        } else {
            next_f
        }
    }

    /// Original byte offset just after the char at folded offset `i - 1` (end of a match).
    #[inline]
    pub fn orig_end(&self, text: &str, i: usize) -> usize {
        if i == 0 {
            return 0;
        }
        if i > self.folded.len() {
            return self.original_len;
        }
        let b = self.orig_start(i - 1);
        let x = text.as_bytes().get(b).copied().unwrap_or(0);
        b + if x < 0x80 {
            1
        } else {
            text.get(b..)
                .and_then(|t| t.chars().next())
                .map_or(0, char::len_utf8)
        }
    }
}

#[cfg(test)]
pub(crate) fn tokenize(ft: &Folded, text: &str) -> Vec<Word> {
    tokenize_in(ft, text, Vec::new(), Vec::new()).0
}

/// [`tokenize`] into the buffer `toks` (emptied first), with the indices of the capitalised
/// tokens, in order, in `caps` (emptied first).
#[cfg(test)]
fn tokenize_in(
    ft: &Folded,
    text: &str,
    mut toks: Vec<Word>,
    mut caps: Vec<u32>,
) -> (Vec<Word>, Vec<u32>) {
    let f = ft.folded.as_str();
    let fb = f.as_bytes();
    let tb = text.as_bytes();
    toks.clear();
    caps.clear();
    toks.reserve(f.len() / 4 + 8);
    // The spans first (a tight loop), then the original offsets, capitals and possessives
    // in a second pass over them.
    word_spans(f, |s, e| {
        toks.push(Word {
            fs: s as u32,
            fe: e as u32,
            os: s as u32,
            cap: false,
            poss: false,
        })
    });
    let upper = |o: usize| match tb.get(o) {
        Some(&x) if x < 0x80 => x.is_ascii_uppercase(),
        _ => text
            .get(o..)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| c.is_uppercase()),
    };
    // Folded and original text coincide byte for byte (plain ASCII without apostrophes):
    // then no possessive is seen either (its apostrophe would have been deleted).
    if ft.map.len() <= 1 && fb.len() == tb.len() {
        for (i, t) in toks.iter_mut().enumerate() {
            t.cap = upper(t.fs as usize);
            if t.cap {
                caps.push(i as u32);
            }
        }
        return (toks, caps);
    }
    let map = ft.map.as_slice();
    let possessive = |e: usize, b: usize| {
        let oe = b + 1;
        e >= 1
            && oe >= 2
            && matches!(tb.get(b), Some(b's' | b'S'))
            && (matches!(tb[oe - 2], b'\'' | b'`')
                || (oe >= 4 && tb[oe - 4..oe - 1] == [0xE2, 0x80, 0x99]))
    };
    // The tokens starting in each stretch of the map, in order: their original offsets
    // follow from the stretch's start.
    let mut ti = 0;
    for (k, &(fs, os, one)) in map.iter().enumerate() {
        let (fs, os) = (fs as usize, os as usize);
        let end = map.get(k + 1).map_or(usize::MAX, |m| m.0 as usize);
        let orig = |i: usize| {
            if i < fs || i >= end {
                ft.orig_start(i)
            } else if one {
                os + (i - fs)
            } else {
                os
            }
        };
        while let Some(t) = toks.get_mut(ti) {
            let (s, e) = (t.fs as usize, t.fe as usize);
            if s >= end {
                break;
            }
            let o = orig(s);
            t.os = o as u32;
            t.cap = upper(o);
            // A possessive ends in a folded `s` (from `s` or `S`) right after an apostrophe
            // the folding deleted, so in a later stretch than the token's start (a deleted
            // byte ends a stretch).
            t.poss = e - s > 2 && e > end && fb[e - 1] == b's' && possessive(e, orig(e - 1));
            if t.cap {
                caps.push(ti as u32);
            }
            ti += 1;
        }
    }
    (toks, caps)
}

/// A run of ASCII text copied at one offset per byte, from `run` in the text to `out_start`
/// in the folded text: one map entry, or none where it goes on the last one.
fn push_ascii_run(map: &mut Vec<(u32, u32, bool)>, out_start: usize, run: usize) {
    let continues = map
        .last()
        .is_some_and(|&(fs, os, one)| one && os as usize + (out_start - fs as usize) == run);
    if !continues {
        map.push((out_start as u32, run as u32, true));
    }
}

/// [`Folded::new_in`] and [`tokenize_in`] in one pass over the text: the words (runs of
/// alphanumeric folded chars), their original starts, case and possessives are found while
/// folding, 64 bytes at a time where the text is ASCII (word starts and ends from the bit
/// masks of the SSE2 steps that fold), a char at a time elsewhere. The same folded text, map
/// and tokens as the two apart (a test compares them).
pub(crate) fn fold_tokenize_in(
    text: &str,
    (mut out, mut map): (Vec<u8>, Vec<(u32, u32, bool)>),
    (mut toks, mut caps): (Vec<Word>, Vec<u32>),
) -> (Folded, Vec<Word>, Vec<u32>) {
    let b = text.as_bytes();
    out.clear();
    out.reserve(b.len() + 64);
    map.clear();
    toks.clear();
    caps.clear();
    // A word takes a byte of the text at least, and another one separates it from the
    // next: room for them all, written without a check of the capacity each.
    let most = b.len() / 2 + 1;
    toks.reserve(most);
    caps.reserve(most);
    let (mut nt, mut nc) = (0usize, 0usize);
    let tspare = toks.spare_capacity_mut();
    let cspare = caps.spare_capacity_mut();
    // The word being read: open, its folded and original starts, capitalised.
    let (mut open, mut ofs, mut oos, mut ocap) = (false, 0u32, 0u32, false);
    // The folded offset of the last `s` or `S` written right after an apostrophe the
    // folding deletes (' ` or U+2019): a word ending on it is a possessive ("Russia's",
    // folded "russias").
    let mut poss_at = usize::MAX;
    macro_rules! start {
        ($fs:expr, $os:expr, $cap:expr) => {{
            open = true;
            ofs = $fs as u32;
            oos = $os as u32;
            ocap = $cap;
        }};
    }
    macro_rules! end {
        ($fe:expr) => {{
            let fe: usize = $fe;
            if ocap {
                if let Some(x) = cspare.get_mut(nc) {
                    x.write(nt as u32);
                    nc += 1;
                }
            }
            let poss = fe.wrapping_sub(1) == poss_at && fe - ofs as usize > 2;
            if let Some(x) = tspare.get_mut(nt) {
                x.write(Word {
                    fs: ofs,
                    fe: fe as u32,
                    os: oos,
                    cap: ocap,
                    poss,
                });
                nt += 1;
            }
        }};
    }
    let mut i = 0;
    while i < b.len() {
        // A run of ASCII bytes that are not deleted maps one to one: folded 64 bytes at a
        // time up to the first special byte (the last block zero-padded: NUL is special).
        let run = i;
        let out_start = out.len();
        loop {
            let mut blk = [0u8; 64];
            let src = match b.get(i..i + 64) {
                Some(x) => x,
                None => {
                    let rest = &b[i..];
                    blk[..rest.len()].copy_from_slice(rest);
                    &blk[..]
                }
            };
            let Ok(src) = <&[u8; 64]>::try_from(src) else {
                break;
            };
            let mut folded = [0u8; 64];
            let (special, alnum, upper) = fold64_words(src, &mut folded);
            out.reserve(64);
            let o = out.len();
            // SAFETY: `reserve` made room for 64 more bytes past `o`, all written here (a
            // fixed-size copy, no call); only the first `n` become part of the vector.
            unsafe {
                std::ptr::copy_nonoverlapping(folded.as_ptr(), out.as_mut_ptr().add(o), 64);
            }
            // The bytes before the first special one (all 64 if none).
            let n = special.trailing_zeros() as usize;
            // SAFETY: the first `n` of the 64 bytes written above.
            unsafe { out.set_len(o + n) };
            let valid = if n == 64 { !0 } else { (1u64 << n) - 1 };
            let a = alnum & valid;
            // Whether the byte before each one is alphanumeric (the first: a word is open).
            let before = (a << 1) | u64::from(open);
            let mut starts = a & !before;
            // The first byte after each word (the valid part of the block only).
            let mut ends = !a & before & valid;
            if open && ends != 0 {
                end!(o + ends.trailing_zeros() as usize);
                open = false;
                ends &= ends - 1;
            }
            if !open {
                // Starts and ends alternate from here.
                while starts != 0 {
                    let k = starts.trailing_zeros() as usize;
                    starts &= starts - 1;
                    start!(o + k, i + k, upper >> k & 1 != 0);
                    if ends == 0 {
                        break;
                    }
                    end!(o + ends.trailing_zeros() as usize);
                    open = false;
                    ends &= ends - 1;
                }
            }
            i += n;
            if n < 64 {
                break;
            }
        }
        if i > run {
            push_ascii_run(&mut map, out_start, run);
        }
        if i >= b.len() {
            break;
        }
        if b[i] < 0x80 {
            // A deleted byte (the word goes on): the next run starts a new entry.
            if matches!(b[i], b'\'' | b'`') && matches!(b.get(i + 1), Some(b's' | b'S')) {
                poss_at = out.len();
            }
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        let l = c.len_utf8();
        let f = fold_char(c);
        if f != '\0' {
            let f = if f.is_whitespace() { ' ' } else { f };
            match (alnum_char(f), open) {
                (true, false) => start!(out.len(), i, c.is_uppercase()),
                (false, true) => {
                    end!(out.len());
                    open = false;
                }
                _ => {}
            }
            let mut buf = [0u8; 4];
            let e = f.encode_utf8(&mut buf);
            map.push((out.len() as u32, i as u32, e.len() == 1));
            out.extend_from_slice(e.as_bytes());
        } else {
            if c == '\u{2019}' && matches!(b.get(i + l), Some(b's' | b'S')) {
                poss_at = out.len();
            }
        }
        i += l;
    }
    if open {
        end!(out.len());
    }
    debug_assert!(nt <= most && nc <= most);
    // SAFETY: the first `nt` (`nc`) slots of the spare capacity were written above.
    unsafe {
        toks.set_len(nt);
        caps.set_len(nc);
    }
    // Only whole chars were pushed, each valid UTF-8.
    let folded = String::from_utf8(out).unwrap_or_default();
    let ft = Folded {
        folded,
        map,
        original_len: text.len(),
    };
    (ft, toks, caps)
}

/// Bit `i` set for each byte `i` of `b` (8 bytes) that is an ASCII letter or digit, and the
/// same for the bytes that are not ASCII.
#[cfg(test)]
#[inline]
fn alnum_bits8(b: &[u8]) -> (u64, u64) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut x = [0u8; 8];
    x.copy_from_slice(b);
    let w = u64::from_le_bytes(x);
    let v = w & !HIGH;
    // High bit of each byte: `v >= lo` and `v > hi` (no carry between bytes below 0x80).
    let ge = |lo: u8| v.wrapping_add(ONES * u64::from(0x80 - lo)) & HIGH;
    let gt = |hi: u8| v.wrapping_add(ONES * u64::from(0x7f - hi)) & HIGH;
    let alnum =
        ((ge(b'0') & !gt(b'9')) | (ge(b'a') & !gt(b'z')) | (ge(b'A') & !gt(b'Z'))) & !(w & HIGH);
    // One bit per byte, byte 0 lowest.
    let pack = |m: u64| ((m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) & 0xff;
    (pack(alnum), pack(w & HIGH))
}

/// [`alnum_bits8`] of the 64 bytes of a block at once: bit `i` of the first mask for each
/// ASCII letter or digit, of the second for each byte that is not ASCII.
#[cfg(all(test, not(target_arch = "x86_64")))]
#[inline]
fn alnum_bits64(blk: &[u8; 64]) -> (u64, u64) {
    let (mut alnum, mut high) = (0u64, 0u64);
    for c in 0..8 {
        let (a, h) = alnum_bits8(&blk[c * 8..c * 8 + 8]);
        alnum |= a << (c * 8);
        high |= h << (c * 8);
    }
    (alnum, high)
}

/// [`alnum_bits8`] of the 64 bytes of a block at once, 16 bytes per SSE2 step (SSE2 is part
/// of every x86-64 CPU).
#[cfg(all(test, target_arch = "x86_64"))]
#[inline]
fn alnum_bits64(blk: &[u8; 64]) -> (u64, u64) {
    let (mut alnum, mut high) = (0u64, 0u64);
    for (c, chunk) in blk.chunks_exact(16).enumerate() {
        let Ok(chunk) = <&[u8; 16]>::try_from(chunk) else {
            continue;
        };
        let (a, h) = crate::text::ascii_masks16(chunk);
        alnum |= u64::from(a) << (c * 16);
        high |= u64::from(h) << (c * 16);
    }
    (alnum, high)
}

/// The runs of alphanumeric chars of folded text `f` (byte spans, in order): 64 bytes at a
/// time where they are ASCII (word starts and ends found from bit masks), a char at a time
/// elsewhere.
#[cfg(test)]
fn word_spans(f: &str, mut emit: impl FnMut(usize, usize)) {
    let fb = f.as_bytes();
    let n = fb.len();
    let mut i = 0;
    // Start of the word being read, if one is.
    let mut start: Option<usize> = None;
    while i < n {
        // The block's ASCII bytes up to the first non-ASCII one.
        let len = (n - i).min(64);
        // (a whole block read in place; the last one copied, zero-padded)
        let (alnum, high) = match fb
            .get(i..i + 64)
            .and_then(|b| <&[u8; 64]>::try_from(b).ok())
        {
            Some(blk) => alnum_bits64(blk),
            None => {
                let mut blk = [0u8; 64];
                blk[..len].copy_from_slice(&fb[i..i + len]);
                alnum_bits64(&blk)
            }
        };
        let limit = (high.trailing_zeros() as usize).min(len);
        let valid = if limit == 64 { !0 } else { (1u64 << limit) - 1 };
        let a = alnum & valid;
        // Whether the byte before each one is alphanumeric (the first: a word is open).
        let before = (a << 1) | u64::from(start.is_some());
        let mut starts = a & !before;
        // The first byte after each word (the valid part of the block only).
        let mut ends = !a & before & valid;
        if let Some(s) = start {
            if ends == 0 {
                // The word runs on past the valid bytes.
                i += limit;
            } else {
                emit(s, i + ends.trailing_zeros() as usize);
                ends &= ends - 1;
                start = None;
            }
        }
        if start.is_none() {
            // Starts and ends alternate from here.
            while starts != 0 {
                let s = i + starts.trailing_zeros() as usize;
                starts &= starts - 1;
                if ends == 0 {
                    start = Some(s);
                    break;
                }
                emit(s, i + ends.trailing_zeros() as usize);
                ends &= ends - 1;
            }
            i += limit;
        }
        if i >= n || limit == len {
            continue;
        }
        // A non-ASCII char.
        let Some(c) = f.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        match (alnum_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                emit(s, i);
                start = None;
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    if let Some(s) = start {
        emit(s, n);
    }
}

/// `c.is_alphanumeric()`, told without a table lookup for General Punctuation (curly quotes,
/// dashes, ellipses: the non-ASCII chars news text has most), none of which is.
#[inline]
pub(crate) fn alnum_char(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// [`word_spans`] a char at a time (the reference for the tests).
#[cfg(test)]
fn word_spans_slow(f: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in f.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, f.len()));
    }
    out
}

/// The folded text of an article and its words: what [`crate::places`] and [`crate::actors`]
/// read, built once per article ([`Words::new`]) and handed to both.
pub struct Words {
    pub folded: Folded,
    /// The words, in order.
    pub toks: Vec<Word>,
    /// The indices of the capitalised words in `toks`, in order.
    pub caps: Vec<u32>,
}

/// The buffers of the last [`Words`] of the thread, for the next article (which then
/// allocates only when it is the longest yet).
#[derive(Default)]
struct Buffers {
    folded: Vec<u8>,
    map: Vec<(u32, u32, bool)>,
    toks: Vec<Word>,
    caps: Vec<u32>,
}

thread_local! {
    static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::new(Buffers::default());
}

impl Words {
    /// Buffers bigger than this (bytes) are not kept.
    const MAX_KEPT: usize = 1 << 22;

    /// The folded text and words of `text` (in the buffers of the thread's last one).
    pub fn new(text: &str) -> Words {
        let b = BUFFERS
            .with(|b| b.try_borrow_mut().map(|mut b| std::mem::take(&mut *b)))
            .unwrap_or_default();
        let (folded, toks, caps) = fold_tokenize_in(text, (b.folded, b.map), (b.toks, b.caps));
        Words { folded, toks, caps }
    }

    /// Gives the buffers back to the thread, for the next [`Words::new`].
    pub fn recycle(self) {
        let small = |cap: usize, size: usize| cap * size <= Self::MAX_KEPT;
        if !small(self.folded.folded.capacity(), 1)
            || !small(self.toks.capacity(), size_of::<Word>())
        {
            return;
        }
        let (folded, map) = self.folded.into_buffers();
        let (mut toks, mut caps) = (self.toks, self.caps);
        toks.clear();
        caps.clear();
        BUFFERS.with(|b| {
            if let Ok(mut b) = b.try_borrow_mut() {
                *b = Buffers {
                    folded,
                    map,
                    toks,
                    caps,
                };
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLES: [&str; 6] = [
        "The Taliban's fighters-led assault on Kunduz\nkilled 12.",
        "‘Al-Shabaab’ — Ma’rib; Niafunké's Ǆ army ﬁghters\u{00A0}and\tIS' men",
        "'quoted' `ticks` __ -- '' ",
        "ÉTAT ISLAMIQUE à Gao, déjà vu: “rebels” ß æ ł ı",
        "",
        "ﬀ ǅ İstanbul’s ’’x",
    ];

    #[test]
    fn folded_start_is_the_first_folded_byte_from_an_original_offset_on() {
        for s in SAMPLES {
            let f = Folded::new(s);
            for orig in 0..=s.len() {
                // a binary search over `orig_start`
                let (mut lo, mut hi) = (0, f.folded.len());
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if f.orig_start(mid) < orig {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                assert_eq!(f.folded_start(orig), lo, "{s:?} at {orig}");
            }
        }
    }
    #[test]
    fn no_general_punctuation_is_alphanumeric() {
        for c in '\u{1FFF}'..='\u{2070}' {
            assert_eq!(super::alnum_char(c), c.is_alphanumeric(), "{:x}", c as u32);
        }
    }

    #[test]
    fn word_spans_agree_with_a_char_scan() {
        let mut texts: Vec<String> = vec![
            String::new(),
            "a".into(),
            " kabul ".into(),
            "qal\u{e1}h ye now \u{2014} s\u{e3}o paulo, 12 km; x".into(),
            "\u{645}\u{635}\u{631}".into(),
        ];
        // every byte class at every position of a block and across block ends
        let parts = [
            "ab", "9", " ", "-", "\u{e9}", "\u{2019}", "z", "@", "[", "`", "{", "/", ":", "A", "Z",
            "\u{7f}",
        ];
        for k in 0..400usize {
            let mut t = String::new();
            let mut x = k;
            while t.len() < 70 + k % 90 {
                t.push_str(parts[x % parts.len()]);
                x = x.wrapping_mul(2654435761).wrapping_add(k + 7) >> 3;
            }
            texts.push(t);
        }
        for t in &texts {
            let mut got = Vec::new();
            super::word_spans(t, |s, e| got.push((s, e)));
            assert_eq!(got, super::word_spans_slow(t), "{t:?}");
        }
    }

    #[test]
    fn tokens_agree_with_offsets_looked_up_one_by_one() {
        let texts = [
            "In Qal\u{2018}ah-ye Now (\u{201C}NIAFUNK\u{00C9}\u{201D}) Ma'rib's road, \
             S\u{00E3}o Paulo\u{2019}s \u{00C9}cole, Kabul`s ISTANBUL'S Herat\u{2019}S",
            "Plain ASCII: Kabul and Herat, Mosul's, Basra's.",
            "\u{2019}s 's Aleppo\u{2019}\u{2019}s \u{00DC}ber Zo\u{0308}e Tyre's",
            "",
        ];
        let mut possessives = 0;
        for t in texts {
            let ft = super::Folded::new(t);
            let fb = ft.folded.as_bytes();
            let tb = t.as_bytes();
            for tok in super::tokenize(&ft, t) {
                let (s, e) = (tok.fs as usize, tok.fe as usize);
                let o = ft.orig_start(s);
                assert_eq!(tok.os as usize, o, "{t:?} {s}");
                let cap = t[o..].chars().next().is_some_and(char::is_uppercase);
                assert_eq!(tok.cap, cap, "{t:?} {s}");
                let b = ft.orig_start(e - 1);
                let oe = b + 1;
                let poss = e - s > 2
                    && fb[e - 1] == b's'
                    && matches!(tb.get(b), Some(b's' | b'S'))
                    && oe >= 2
                    && (matches!(tb[oe - 2], b'\'' | b'`')
                        || (oe >= 4 && tb[oe - 4..oe - 1] == [0xE2, 0x80, 0x99]));
                assert_eq!(tok.poss, poss, "{t:?} {s}");
                possessives += usize::from(poss);
            }
        }
        assert!(possessives >= 8, "{possessives}");
    }

    #[test]
    fn one_pass_folding_and_tokens_agree_with_the_two_passes() {
        let mut texts: Vec<String> = vec![
            String::new(),
            "A".into(),
            "In Qal\u{2018}ah-ye Now (\u{201C}NIAFUNK\u{00C9}\u{201D}) Ma'rib's road, \
             S\u{00E3}o Paulo\u{2019}s \u{00C9}cole, Kabul`s ISTANBUL'S Herat\u{2019}S"
                .into(),
            "\u{2019}s 's Aleppo\u{2019}\u{2019}s \u{00DC}ber Zo\u{0308}e Tyre's Stra\u{00DF}e"
                .into(),
            "A plain ASCII sentence of more than sixteen bytes, Kabul's and Herat's, then-a_b\tc"
                .into(),
        ];
        // every byte class at every position of a chunk and across chunk ends
        let parts = [
            "ab", "9", " ", "-", "\u{e9}", "\u{c9}", "\u{2019}", "'", "s", "S", "Z", "@", "`",
            "\u{2014}", "\0", "Q", "\u{7f}", "\u{df}",
        ];
        for k in 0..600usize {
            let mut t = String::new();
            let mut x = k;
            while t.len() < 20 + k % 90 {
                t.push_str(parts[x % parts.len()]);
                x = x.wrapping_mul(2654435761).wrapping_add(k + 7) >> 3;
            }
            texts.push(t);
        }
        // and the repository's own-words articles (curly quotes, accents, possessives)
        for set in ["blind", "blind3", "blind5", "blind9"] {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/").to_string()
                + set
                + "/articles.jsonl";
            let all = std::fs::read_to_string(path).unwrap_or_default();
            texts.extend(
                all.lines()
                    .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                    .filter_map(|v| v["text"].as_str().map(str::to_string)),
            );
        }
        assert!(texts.len() > 640, "{}", texts.len());
        let key = |t: &super::Word| (t.fs, t.fe, t.os, t.cap, t.poss);
        let mut bufs = (Vec::new(), Vec::new());
        let mut tbufs = (Vec::new(), Vec::new());
        for t in &texts {
            let a = super::Folded::new(t);
            let (toks, caps) = super::tokenize_in(&a, t, Vec::new(), Vec::new());
            // (the buffers of the text before, to check they are emptied)
            let (b, toks2, caps2) = super::fold_tokenize_in(t, bufs, tbufs);
            assert_eq!(a.folded, b.folded, "{t:?}");
            assert_eq!(a.map, b.map, "{t:?}");
            assert_eq!(a.original_len, b.original_len, "{t:?}");
            assert_eq!(
                toks.iter().map(key).collect::<Vec<_>>(),
                toks2.iter().map(key).collect::<Vec<_>>(),
                "{t:?}"
            );
            assert_eq!(caps, caps2, "{t:?}");
            bufs = b.into_buffers();
            tbufs = (toks2, caps2);
        }
    }

    #[test]
    fn block_classes_agree_with_the_eight_byte_ones() {
        // Every byte value at every position of a block.
        for k in 0..256usize {
            let mut blk = [0u8; 64];
            for (j, b) in blk.iter_mut().enumerate() {
                *b = ((k + j * 37) % 256) as u8;
            }
            let (mut alnum, mut high) = (0u64, 0u64);
            for c in 0..8 {
                let (a, h) = super::alnum_bits8(&blk[c * 8..c * 8 + 8]);
                alnum |= a << (c * 8);
                high |= h << (c * 8);
            }
            assert_eq!(super::alnum_bits64(&blk), (alnum, high), "{blk:?}");
        }
    }

    #[test]
    fn byte_folding_agrees_with_the_table() {
        for x in 0u8..128 {
            if super::ASCII_FOLD[x as usize] != 0 {
                assert_eq!(super::fold_ascii(x), super::ASCII_FOLD[x as usize], "{x}");
            }
            let w = u64::from_le_bytes([b'a', b'b', x, b'c', b'd', b'e', b'f', b'g']);
            assert_eq!(
                super::special8(w),
                super::ASCII_FOLD[x as usize] == 0,
                "{x}"
            );
        }
        assert!(super::special8(u64::from_le_bytes(*b"abcdefg\xc3")));
        // Sixteen bytes at once: every byte value at every position.
        for x in 0u8..=255 {
            for j in 0..16 {
                let mut v = *b"Abc-def_ghiJKLmn";
                v[j] = x;
                let (folded, special) = crate::text::fold16(&v);
                for (k, &c) in v.iter().enumerate() {
                    let sp = c >= 0x80 || super::ASCII_FOLD[c as usize] == 0;
                    assert_eq!(special & (1 << k) != 0, sp, "{x} at {j}");
                    if !sp {
                        assert_eq!(folded[k], super::fold_ascii(c), "{x} at {j}");
                    }
                }
            }
        }
    }

    #[test]
    fn fast_folding_agrees_with_the_shared_one() {
        let t = "In Qal\u{2018}ah-ye Now\t(\u{201C}NIAFUNK\u{00C9}\u{201D}) Ma'rib\r\nS\u{00E3}o Paulo \u{2014} \
                 Stra\u{00DF}e\u{00A0}ISTANBUL's `x` \u{0130}zmir_1 \u{0645}\u{0635}\u{0631} \u{1F600}\u{000B}end \
                 A long plain ASCII stretch, then Kabul's-road\u{0}and NUL`s; more plain text ends";
        let a = super::Folded::new(t);
        let b = crate::text::FoldedText::new(t);
        assert_eq!(a.folded, b.folded);
        for i in 0..=a.folded.len() {
            assert_eq!(a.orig_start(i), b.orig_start(i), "{i}");
            if a.folded.is_char_boundary(i) {
                assert_eq!(a.orig_end(t, i), b.orig_end(t, i), "{i}");
            }
        }
    }
}
