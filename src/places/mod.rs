//! Places stage: the gazetteer, place-name recognition and resolution.
//!
//! STUB: interface only; the helper owning `src/places/` fills it in.

use crate::model::{Place, PlaceMention};
use crate::Result;
use std::path::Path;

/// The loaded gazetteer (places, admin-1 regions, countries with demonyms).
pub struct Gazetteer {}

impl Gazetteer {
    /// Loads the built gazetteer from `dir` (see `gazetteer/README.md`).
    pub fn load(_dir: &Path) -> Result<Gazetteer> {
        Ok(Gazetteer {})
    }

    /// Finds and resolves every place name in `text` (byte spans), using the whole text as
    /// context.
    pub fn find_places(&self, _text: &str) -> Vec<PlaceMention> {
        Vec::new()
    }

    /// The country with ISO code `cc`, as a country-precision place.
    pub fn country(&self, _cc: &str) -> Option<Place> {
        None
    }

    /// The ISO code of the country whose demonym or name is `word` ("Afghan", "Iranian").
    pub fn country_of_demonym(&self, _word: &str) -> Option<&str> {
        None
    }
}

/// Great-circle (haversine) distance between two places, in km.
pub fn distance_km(a: &Place, b: &Place) -> f64 {
    use geo::{Distance, Haversine, Point};
    Haversine::distance(
        Point::new(a.longitude, a.latitude),
        Point::new(b.longitude, b.latitude),
    ) / 1000.0
}
