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
        Some(n) if n.is_alphanumeric() => true,
        Some(n) if is_joiner(n) => rest.next().is_some_and(char::is_alphanumeric),
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

/// [`tokens`] into a buffer the caller reuses (cleared first).
pub fn tokens_into<'t>(text: &'t str, range: Span, out: &mut Vec<Token<'t>>) {
    out.clear();
    let seg = &text[range.start..range.end];
    let b = seg.as_bytes();
    let n = b.len();
    // (`i` is always a char boundary)
    let mut i = 0;
    while i < n {
        // between words: a word starts at a letter or digit
        let x = b[i];
        if !ASCII_WORD[x as usize] {
            if x < 0x80 {
                i += 1;
                continue;
            }
            let Some(c) = seg[i..].chars().next() else {
                break;
            };
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        // inside a word: letters and digits, and joiners that a letter or digit follows
        while i < n {
            let x = b[i];
            if ASCII_WORD[x as usize] {
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
            if (x >= 0x80 && c.is_alphanumeric()) || (is_joiner(c) && joins(&seg[i + len..])) {
                i += len;
            } else {
                break;
            }
        }
        out.push(Token {
            text: &seg[start..i],
            span: Span::new(range.start + start, range.start + i),
        });
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
