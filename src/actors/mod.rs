//! Actors stage: the actor dictionary and actor recognition.
//!
//! STUB: interface only; the helper owning `src/actors/` fills it in.

use crate::model::{Actor, ActorMention};
use crate::Result;
use std::path::Path;

/// Canonical actors with aliases, ACLED types and countries.
pub struct ActorDictionary {}

impl ActorDictionary {
    pub fn load(_dir: &Path) -> Result<ActorDictionary> {
        Ok(ActorDictionary {})
    }

    /// Finds actor references in `text` (byte spans, in text order). `focus_country` (ISO code of
    /// the article's main country, if known) resolves descriptors such as "government forces".
    pub fn find_actors(&self, _text: &str, _focus_country: Option<&str>) -> Vec<ActorMention> {
        Vec::new()
    }

    /// The actor with canonical name `name`, if in the dictionary.
    pub fn get(&self, _name: &str) -> Option<Actor> {
        None
    }
}
