//! Fuzzy fallback for spellings in no list (`Qalay-i-Naw`, `Shiberghan`): a consonant
//! skeleton of the folded name finds candidates, an edit distance on the folded letters
//! confirms them. Built lazily, on the first unmatched name, from the places' own names.

use super::Gazetteer;

/// Places smaller than this are not fuzzy candidates (too many near-homonyms); 0 = unknown.
const MIN_POP: u32 = 1000;

pub(crate) struct FuzzyIndex {
    /// Skeleton -> name indices (distinct names).
    by_skeleton: super::FastMap<String, Vec<u32>>,
}

/// Letters of a folded name without spaces and without a leading `al`/`el` article.
pub(crate) fn letters(folded: &str) -> String {
    let s = folded
        .strip_prefix("al ")
        .or_else(|| folded.strip_prefix("el "))
        .unwrap_or(folded);
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Skeleton key: `h` dropped, each run of vowels (`a e i o u y w`) one `a`, `q`/`c` as `k`,
/// `v` as `w`... so `hodeidah`/`hodeida`, `shiberghan`/`shibirghan`, `qalayinaw`/`qalainaw`
/// and `seiyun`/`sayun` share a key.
pub(crate) fn skeleton(letters: &str) -> String {
    let mut out = String::with_capacity(letters.len());
    for c in letters.chars() {
        let m = match c {
            'h' => continue,
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' => 'a',
            'q' | 'c' => 'k',
            'v' => 'b',
            'j' => 'g',
            c => c,
        };
        if !out.ends_with(m) {
            out.push(m);
        }
    }
    out
}

/// Letters with `h` dropped and every vowel (`a e i o u y w`) written `a`, not collapsed:
/// `hodeidah` and `hudaydah` both give `adaada`.
pub(crate) fn vowel_mapped(letters: &str) -> String {
    letters
        .chars()
        .filter(|&c| c != 'h')
        .map(|c| match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' => 'a',
            'q' | 'c' => 'k',
            'v' => 'b',
            'j' => 'g',
            c => c,
        })
        .collect()
}

/// Levenshtein distance on chars, giving up (returning `max + 1`) beyond `max`.
pub(crate) fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

impl FuzzyIndex {
    fn build(g: &Gazetteer) -> FuzzyIndex {
        let s = &g.store;
        let mut by_skeleton: super::FastMap<String, Vec<u32>> = super::FastMap::default();
        for (i, &k) in s.name_keys.iter().enumerate() {
            let a = s.post_start[i] as usize;
            let b = s.post_start[i + 1] as usize;
            let any = s.postings[a..b].iter().any(|&x| {
                let pop = s.places[(x >> 1) as usize].population;
                pop == 0 || pop >= MIN_POP
            });
            if !any {
                continue;
            }
            let l = letters(s.pool.get(k));
            if l.len() < 5 {
                continue;
            }
            by_skeleton.entry(skeleton(&l)).or_default().push(i as u32);
        }
        FuzzyIndex { by_skeleton }
    }
}

impl Gazetteer {
    /// Places whose own name is a near spelling of the folded `key`.
    /// Only places whose country index passes `keep` (checked before any string work).
    pub(crate) fn fuzzy_candidates(&self, key: &str, keep: impl Fn(u32) -> bool) -> Vec<u32> {
        let idx = self.fuzzy.get_or_init(|| FuzzyIndex::build(self));
        let l = letters(key);
        let sk = skeleton(&l);
        if sk.len() < 4 || l.len() < 6 {
            return Vec::new();
        }
        let Some(v) = idx.by_skeleton.get(&sk) else {
            return Vec::new();
        };
        let lv = vowel_mapped(&l);
        let max = (l.chars().count() / 5).clamp(1, 2);
        let st = &self.store;
        let mut out: Vec<u32> = Vec::new();
        for &name in v.iter().take(200) {
            let raw = st.pool.get(st.name_keys[name as usize]);
            if raw.len() + 3 < key.len() || key.len() + 6 < raw.len() {
                continue;
            }
            let a = st.post_start[name as usize] as usize;
            let b = st.post_start[name as usize + 1] as usize;
            let wanted = |x: &u32| {
                let p = x >> 1;
                let pop = st.places[p as usize].population;
                (pop == 0 || pop >= MIN_POP) && self.place_country(p).is_some_and(&keep)
            };
            if !st.postings[a..b].iter().any(wanted) {
                continue;
            }
            let other = letters(raw);
            if edit_distance(&l, &other, max) > max
                || edit_distance(&lv, &vowel_mapped(&other), 1) > 1
            {
                continue;
            }
            out.extend(
                st.postings[a..b]
                    .iter()
                    .filter(|x| wanted(x))
                    .map(|&x| x >> 1),
            );
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeletons_agree_across_spellings() {
        assert_eq!(
            skeleton(&letters("shiberghan")),
            skeleton(&letters("shibirghan"))
        );
        assert_eq!(
            skeleton(&letters("qalay i naw")),
            skeleton(&letters("qala i naw"))
        );
        assert_eq!(
            skeleton(&letters("al mayadin")),
            skeleton(&letters("mayadin"))
        );
        assert_ne!(skeleton("kabul"), skeleton("kandahar"));
        assert_eq!(skeleton("hodeidah"), skeleton("hodeida"));
        assert_eq!(skeleton("seiyun"), skeleton("sayun"));
    }

    #[test]
    fn edit_distance_is_bounded() {
        assert_eq!(edit_distance("qalayinaw", "qalainaw", 2), 1);
        assert_eq!(edit_distance("kitten", "sitting", 3), 3);
        assert_eq!(edit_distance("abc", "xyzxyz", 1), 2);
    }
}
