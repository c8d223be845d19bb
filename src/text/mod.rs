//! Text stage: sentences, tokens, offsets and the folding used to match names.

mod fold;
mod sentences;
mod tokens;

pub use fold::{fold, fold_char, fold_into, FoldedText, ASCII_FOLD};
pub use sentences::sentences;
pub use tokens::{tokens, tokens_into, Token};

/// Converts byte offsets into character (Unicode scalar value) offsets for one text.
pub struct CharIndex<'a> {
    text: &'a str,
    /// (byte offset, char offset) checkpoints every 64 chars, for O(64) lookups; built on the
    /// first look-up (many texts need none).
    checkpoints: std::cell::OnceCell<Vec<(usize, usize)>>,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        CharIndex {
            text,
            checkpoints: std::cell::OnceCell::new(),
        }
    }

    fn checkpoints(&self) -> &[(usize, usize)] {
        self.checkpoints.get_or_init(|| {
            let text = self.text;
            let mut checkpoints = Vec::with_capacity(text.len() / 64 + 1);
            // a char starts at every byte that is no UTF-8 continuation byte
            let mut ci = 0usize;
            for (bi, &b) in text.as_bytes().iter().enumerate() {
                if (b as i8) >= -0x40 {
                    if ci.is_multiple_of(64) {
                        checkpoints.push((bi, ci));
                    }
                    ci += 1;
                }
            }
            checkpoints
        })
    }

    /// Character offset of byte offset `byte` (which must lie on a char boundary or at the end).
    pub fn char_offset(&self, byte: usize) -> usize {
        let checkpoints = self.checkpoints();
        let i = match checkpoints.binary_search_by(|&(b, _)| b.cmp(&byte)) {
            Ok(i) => return checkpoints[i].1,
            Err(0) => return 0,
            Err(i) => i - 1,
        };
        let (b0, c0) = checkpoints[i];
        let end = byte.min(self.text.len());
        c0 + self.text.get(b0..end).map_or(0, |s| s.chars().count())
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
    }
}
