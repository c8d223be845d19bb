//! The compact binary form of the place table (`places.bin.zst`, in the container of
//! [`super::build::pack_table`]; older builds gzipped it as `places.bin.gz`).
//!
//! Layout (little endian, after decompression):
//! `MAGIC`, then a string pool (`u32` count, `u32` lengths, the bytes), the feature-code table,
//! the country-code table, the places (fixed 32-byte records), the name index (sorted folded
//! names with their postings) and (version 2) the prebuilt lookup tables: the open-addressing
//! name table and the first-word filter, `u64` words each. Loading copies a few large buffers,
//! allocates no string per name and hashes none (a version-1 file has no tables: they are
//! built at load).

use crate::{Error, Result};
use std::path::Path;

pub const MAGIC: &[u8; 8] = b"FLGAZ\x02\x00\x00";
/// The first version: no prebuilt lookup tables (still read; the tables are built at load).
pub const MAGIC_V1: &[u8; 8] = b"FLGAZ\x01\x00\x00";

/// No value (admin code, admin2 name).
pub const NONE: u32 = u32::MAX;

/// One place as stored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceRec {
    pub geonameid: u32,
    pub lat: f32,
    pub lon: f32,
    pub population: u32,
    /// Index into the feature-code table.
    pub fcode: u16,
    /// Index into the country-code table.
    pub country: u16,
    /// Pool index of the admin-1 code (`AF.02`), or [`NONE`].
    pub admin1: u32,
    /// Pool index of the admin-2 name, or [`NONE`].
    pub admin2: u32,
    /// Pool index of the display name.
    pub name: u32,
}

/// An interned string pool: one buffer plus offsets.
#[derive(Debug, Default, Clone)]
pub struct Pool {
    pub buf: String,
    /// `offsets[i]..offsets[i + 1]` is string `i`.
    pub offsets: Vec<u32>,
}

impl Pool {
    pub fn get(&self, i: u32) -> &str {
        let i = i as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.buf.get(a as usize..b as usize).unwrap_or(""),
            _ => "",
        }
    }
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The decoded store.
#[derive(Debug, Default, Clone)]
pub struct Store {
    pub pool: Pool,
    pub fcodes: Vec<String>,
    pub countries: Vec<String>,
    pub places: Vec<PlaceRec>,
    /// Pool index of each folded name, sorted by name.
    pub name_keys: Vec<u32>,
    /// `post_start[i]..post_start[i + 1]` are the postings of name `i`.
    pub post_start: Vec<u32>,
    /// `place index << 1 | primary` (primary: the name is the place's own or ASCII name).
    pub postings: Vec<u32>,
    /// The prebuilt open-addressing name table (see `Gazetteer`), or empty: built at load.
    pub table: Vec<u64>,
    /// The prebuilt first-word filter words (see `FirstFilter`), or empty: built at load.
    pub first: Vec<u64>,
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn f32(&mut self, v: f32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn strs(&mut self, v: &[String]) {
        self.u32(v.len() as u32);
        for s in v {
            self.u32(s.len() as u32);
        }
        for s in v {
            self.0.extend_from_slice(s.as_bytes());
        }
    }
    fn u32s(&mut self, v: &[u32]) {
        self.u32(v.len() as u32);
        for &x in v {
            self.u32(x);
        }
    }
    fn u64s(&mut self, v: &[u64]) {
        self.u32(v.len() as u32);
        for &x in v {
            self.0.extend_from_slice(&x.to_le_bytes());
        }
    }
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    path: &'a Path,
}

impl<'a> Reader<'a> {
    fn corrupt(&self, what: &str) -> Error {
        Error::gazetteer(
            self.path,
            format!(
                "corrupt or truncated place table ({what} at byte {})",
                self.pos
            ),
        )
    }
    fn bytes(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).ok_or_else(|| self.corrupt(what))?;
        let s = self
            .buf
            .get(self.pos..end)
            .ok_or_else(|| self.corrupt(what))?;
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self, what: &str) -> Result<u32> {
        let b = self.bytes(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u16(&mut self, what: &str) -> Result<u16> {
        let b = self.bytes(2, what)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn f32(&mut self, what: &str) -> Result<f32> {
        Ok(f32::from_bits(self.u32(what)?))
    }
    fn count(&mut self, what: &str, elem: usize) -> Result<usize> {
        let n = self.u32(what)? as usize;
        if n.saturating_mul(elem) > self.buf.len() - self.pos {
            return Err(self.corrupt(what));
        }
        Ok(n)
    }
    fn pool(&mut self, what: &str) -> Result<Pool> {
        let n = self.count(what, 4)?;
        let mut offsets = Vec::with_capacity(n + 1);
        let mut total: u32 = 0;
        offsets.push(0);
        for _ in 0..n {
            let l = self.u32(what)?;
            total = total.checked_add(l).ok_or_else(|| self.corrupt(what))?;
            offsets.push(total);
        }
        let bytes = self.bytes(total as usize, what)?;
        let buf = std::str::from_utf8(bytes)
            .map_err(|_| self.corrupt(what))?
            .to_string();
        // Every offset must be a char boundary for `Pool::get` to be safe to slice.
        if offsets.iter().any(|&o| !buf.is_char_boundary(o as usize)) {
            return Err(self.corrupt(what));
        }
        Ok(Pool { buf, offsets })
    }
    fn strs(&mut self, what: &str) -> Result<Vec<String>> {
        let p = self.pool(what)?;
        Ok((0..p.len() as u32).map(|i| p.get(i).to_string()).collect())
    }
    fn u32s(&mut self, what: &str) -> Result<Vec<u32>> {
        let n = self.count(what, 4)?;
        let b = self.bytes(n * 4, what)?;
        Ok(b.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
    fn u64s(&mut self, what: &str) -> Result<Vec<u64>> {
        let n = self.count(what, 8)?;
        let b = self.bytes(n * 8, what)?;
        Ok(b.chunks_exact(8)
            .map(|c| {
                let mut x = [0u8; 8];
                x.copy_from_slice(c);
                u64::from_le_bytes(x)
            })
            .collect())
    }
}

impl Store {
    /// Serialises (uncompressed).
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(self.pool.buf.len() * 2));
        w.0.extend_from_slice(MAGIC);
        let strings: Vec<String> = (0..self.pool.len() as u32)
            .map(|i| self.pool.get(i).to_string())
            .collect();
        w.strs(&strings);
        w.strs(&self.fcodes);
        w.strs(&self.countries);
        w.u32(self.places.len() as u32);
        for p in &self.places {
            w.u32(p.geonameid);
            w.f32(p.lat);
            w.f32(p.lon);
            w.u32(p.population);
            w.u16(p.fcode);
            w.u16(p.country);
            w.u32(p.admin1);
            w.u32(p.admin2);
            w.u32(p.name);
        }
        w.u32s(&self.name_keys);
        w.u32s(&self.post_start);
        w.u32s(&self.postings);
        // The lookup tables, prebuilt so that loading need not hash a million names.
        if self.table.is_empty() {
            w.u64s(&super::name_table(self));
        } else {
            w.u64s(&self.table);
        }
        if self.first.is_empty() {
            w.u64s(super::first_filter(self).words());
        } else {
            w.u64s(&self.first);
        }
        w.0
    }

    /// Deserialises and checks every index.
    pub fn decode(buf: &[u8], path: &Path) -> Result<Store> {
        let v1 = buf.get(..MAGIC_V1.len()) == Some(MAGIC_V1);
        if !v1 && (buf.len() < MAGIC.len() || &buf[..MAGIC.len()] != MAGIC) {
            return Err(Error::gazetteer(
                path,
                "not a frontline place table (bad magic); rebuild it with `frontline gazetteer build`",
            ));
        }
        let mut r = Reader {
            buf,
            pos: MAGIC.len(),
            path,
        };
        let pool = r.pool("string pool")?;
        let fcodes = r.strs("feature codes")?;
        let countries = r.strs("country codes")?;
        let n = r.count("places", 32)?;
        let mut places = Vec::with_capacity(n);
        for _ in 0..n {
            places.push(PlaceRec {
                geonameid: r.u32("place")?,
                lat: r.f32("place")?,
                lon: r.f32("place")?,
                population: r.u32("place")?,
                fcode: r.u16("place")?,
                country: r.u16("place")?,
                admin1: r.u32("place")?,
                admin2: r.u32("place")?,
                name: r.u32("place")?,
            });
        }
        let name_keys = r.u32s("name keys")?;
        let post_start = r.u32s("posting starts")?;
        let postings = r.u32s("postings")?;
        let (table, first) = if v1 {
            (Vec::new(), Vec::new())
        } else {
            (r.u64s("name table")?, r.u64s("first-word filter")?)
        };
        let npool = pool.len() as u32;
        let bad_place = places.iter().any(|p| {
            p.fcode as usize >= fcodes.len()
                || p.country as usize >= countries.len()
                || p.name >= npool
                || (p.admin1 != NONE && p.admin1 >= npool)
                || (p.admin2 != NONE && p.admin2 >= npool)
        });
        let bad_index = post_start.len() != name_keys.len() + 1
            || name_keys.iter().any(|&k| k >= npool)
            || post_start.windows(2).any(|w| w[0] > w[1])
            || post_start
                .last()
                .is_some_and(|&l| l as usize != postings.len())
            || postings.iter().any(|&x| (x >> 1) as usize >= places.len());
        // A prebuilt table must have the shape the loader expects and point at real names.
        let ib = super::index_bits(name_keys.len());
        let bad_tables = (!table.is_empty()
            && (!table.len().is_power_of_two()
                || table.len() < name_keys.len()
                || !table.contains(&0)
                || table
                    .iter()
                    .any(|&t| (t & !(!0u64 << ib)) as usize > name_keys.len())))
            || (!first.is_empty() && first.len() != super::FirstFilter::WORDS);
        if bad_place || bad_index || bad_tables || r.pos != buf.len() {
            return Err(r.corrupt("indices"));
        }
        Ok(Store {
            pool,
            fcodes,
            countries,
            places,
            name_keys,
            post_start,
            postings,
            table,
            first,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Store {
        let mut pool = Pool::default();
        pool.offsets.push(0);
        for s in ["Kabul", "kabul", "AF.13"] {
            pool.buf.push_str(s);
            pool.offsets.push(pool.buf.len() as u32);
        }
        Store {
            pool,
            fcodes: vec!["PPLC".into()],
            countries: vec!["AF".into()],
            places: vec![PlaceRec {
                geonameid: 1138958,
                lat: 34.5,
                lon: 69.2,
                population: 3_000_000,
                fcode: 0,
                country: 0,
                admin1: 2,
                admin2: NONE,
                name: 0,
            }],
            name_keys: vec![1],
            post_start: vec![0, 1],
            postings: vec![1],
            table: Vec::new(),
            first: Vec::new(),
        }
    }

    #[test]
    fn round_trips() {
        let s = tiny();
        let b = s.encode();
        let d = Store::decode(&b, Path::new("x")).unwrap();
        assert_eq!(d.places, s.places);
        assert_eq!(d.pool.get(2), "AF.13");
        assert_eq!(d.postings, vec![1]);
        // The lookup tables are written prebuilt and read back.
        assert!(d.table.len().is_power_of_two());
        assert_eq!(d.table.iter().filter(|&&t| t != 0).count(), 1);
        assert_eq!(d.first.len(), crate::places::FirstFilter::WORDS);
        assert_eq!(d.encode(), b);
    }

    #[test]
    fn reads_the_first_version_and_rejects_bad_tables() {
        let s = tiny();
        let b = s.encode();
        // Version 1: the same without the two tables.
        let d = Store::decode(&b, Path::new("x")).unwrap();
        let table_bytes = 4 + d.table.len() * 8;
        let first_bytes = 4 + d.first.len() * 8;
        let mut v1 = b[..b.len() - table_bytes - first_bytes].to_vec();
        v1[..8].copy_from_slice(MAGIC_V1);
        let d1 = Store::decode(&v1, Path::new("x")).unwrap();
        assert!(d1.table.is_empty() && d1.first.is_empty());
        assert_eq!(d1.places, s.places);
        // A table slot pointing past the names is damage.
        let mut bad = b.clone();
        let at = b.len() - first_bytes - 8;
        bad[at..at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(Store::decode(&bad, Path::new("x")).is_err());
    }

    #[test]
    fn rejects_truncated_and_bad_magic() {
        let b = tiny().encode();
        for cut in [0, 5, 20, b.len() - 1] {
            assert!(
                Store::decode(&b[..cut], Path::new("x")).is_err(),
                "cut {cut}"
            );
        }
        let mut bad = b.clone();
        bad[0] = b'X';
        let e = Store::decode(&bad, Path::new("x")).unwrap_err().to_string();
        assert!(e.contains("bad magic"), "{e}");
    }
}
