//! The two-word filter: for the hash of the first two words of a name (as folded, with the
//! separator between them), the most words of any name starting so. Most capitalised
//! sequences of an article ("Prime Minister", "Donald Trump", "New Delhi police") start no
//! name of two words or more: the filter says so without a probe of the big name table.
//! Built on first need from every name the lookups can meet (the place table and the
//! country, region, demonym and alias names), so it never says "none" wrongly; collisions
//! only over-estimate.

use super::Gazetteer;

/// Slots (a power of two), 2 bits each: 512 KB, for some 10^5 distinct pairs.
const PAIR_BITS: usize = 1 << 21;

pub(crate) struct PairFilter(Vec<u64>);

/// End of the second word of a folded name and its number of words (up to 3; words are
/// runs of alphanumeric chars, as the recogniser's tokens).
fn second_word(key: &str) -> (usize, u8) {
    let mut words = 0u8;
    let mut end = key.len();
    let mut in_word = false;
    for (i, c) in key.char_indices() {
        let w = c.is_alphanumeric();
        if w && !in_word {
            words += 1;
            if words == 3 {
                return (end, 3);
            }
        } else if !w && in_word && words == 2 {
            end = i;
        }
        in_word = w;
    }
    (end, words)
}

impl PairFilter {
    fn note(&mut self, key: &str) {
        let (end, words) = second_word(key);
        if words < 2 {
            return;
        }
        let slot = super::word_hash(&key.as_bytes()[..end]) as usize & (PAIR_BITS - 1);
        let (w, sh) = (slot / 32, (slot % 32) * 2);
        let v = u64::from(words);
        if v > (self.0[w] >> sh) & 3 {
            self.0[w] = (self.0[w] & !(3 << sh)) | (v << sh);
        }
    }

    /// The most words of a name whose first two words are `pair` (0: none; `usize::MAX`:
    /// three or more).
    #[cfg(test)]
    pub(crate) fn get(&self, pair: &str) -> usize {
        self.get_hashed(super::word_hash(pair.as_bytes()))
    }

    /// [`PairFilter::get`] of a pair whose [`super::word_hash`] is `h`.
    #[inline]
    pub(crate) fn get_hashed(&self, h: u64) -> usize {
        let slot = h as usize & (PAIR_BITS - 1);
        match (self.0[slot / 32] >> ((slot % 32) * 2)) & 3 {
            3 => usize::MAX,
            v => v as usize,
        }
    }

    pub(crate) fn build(g: &Gazetteer) -> PairFilter {
        let mut f = PairFilter(vec![0; PAIR_BITS / 32]);
        let s = &g.store;
        for &k in &s.name_keys {
            f.note(s.pool.get(k));
        }
        for k in g.small.keys() {
            f.note(k);
        }
        f
    }
}

impl Gazetteer {
    /// Builds now, side by side on two threads, the tables `find_places` otherwise builds on
    /// first need (the fuzzy index, some 70 ms of CPU, and the two-word filter, some 20 ms),
    /// so that no article pays for them. Calling it is optional; later calls do nothing.
    pub fn prepare(&self) {
        std::thread::scope(|sc| {
            sc.spawn(|| {
                self.pairs.get_or_init(|| PairFilter::build(self));
                self.small_filter();
            });
            self.fuzzy_index();
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_words_and_counts() {
        assert_eq!(second_word("kabul"), (5, 1));
        assert_eq!(second_word("new york"), (8, 2));
        assert_eq!(second_word("new york city"), (8, 3));
        assert_eq!(second_word("st. louis park"), (9, 3));
        assert_eq!(second_word("s\u{e3}o paulo"), (10, 2));
    }

    #[test]
    fn prepare_builds_the_first_need_tables() {
        let g = super::super::testgaz::gazetteer();
        g.prepare();
        assert!(g.pairs.get().is_some() && g.fuzzy.get().is_some());
        let m = g.find_places("The Taliban attacked Qalay-i-Naw in Afghanistan.");
        assert!(m.iter().any(|x| x.text == "Qalay-i-Naw"), "{m:?}");
    }

    #[test]
    fn filter_knows_every_pair() {
        let g = super::super::testgaz::gazetteer();
        let f = PairFilter::build(g);
        // "Imam Sahib District" (admin-2).
        assert_eq!(f.get("imam sahib"), usize::MAX);
        assert_eq!(f.get("prime minister"), 0);
        assert_eq!(f.get("qalah ye"), usize::MAX);
        assert_eq!(f.get("qala i"), usize::MAX);
    }
}
