//! Time stage: a rule-based temporal tagger (TIMEX3 values) and date resolution.
//!
//! STUB: interface only; the helper owning `src/time/` fills it in.

use crate::model::TimeMention;
use crate::Result;
use chrono::NaiveDate;
use std::path::Path;

/// The temporal tagger, with its lexicon loaded from the gazetteer directory.
pub struct TimeTagger {}

impl TimeTagger {
    pub fn load(_dir: &Path) -> Result<TimeTagger> {
        Ok(TimeTagger {})
    }

    /// Tags every time expression in `text` (byte spans, in text order), resolving relative ones
    /// against `dct` (publication date) or the previous date mentioned.
    pub fn tag(&self, _text: &str, _dct: Option<NaiveDate>) -> Vec<TimeMention> {
        Vec::new()
    }
}
