//! The event ontology (`gazetteer/event_types.tsv`): ACLED, CAMEO and PLOVER codes per type.

use crate::model::EventType;
use crate::{Error, Result};
use std::collections::HashMap;
use std::path::Path;

/// Codes of one event type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeCodes {
    pub acled_event_type: String,
    pub acled_sub_event_type: String,
    pub cameo: String,
    pub plover: String,
}

pub struct Ontology {
    codes: HashMap<EventType, TypeCodes>,
}

impl Ontology {
    pub fn load(path: &Path) -> Result<Ontology> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let mut codes = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let c: Vec<&str> = line.split('\t').map(str::trim).collect();
            let bad = || Error::gazetteer(path, format!("line {}: {line:?}", i + 1));
            if c.len() < 5 {
                return Err(bad());
            }
            let t = EventType::parse(c[0]).ok_or_else(bad)?;
            codes.insert(
                t,
                TypeCodes {
                    acled_event_type: c[1].into(),
                    acled_sub_event_type: c[2].into(),
                    cameo: c[3].into(),
                    plover: c[4].into(),
                },
            );
        }
        if let Some(t) = EventType::ALL.iter().find(|t| !codes.contains_key(t)) {
            return Err(Error::gazetteer(
                path,
                format!("no line for event type {t}"),
            ));
        }
        Ok(Ontology { codes })
    }

    pub fn codes(&self, t: EventType) -> Option<&TypeCodes> {
        self.codes.get(&t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_has_acled_codes() {
        let o = Ontology::load(&crate::default_gazetteer_dir().join("event_types.tsv")).unwrap();
        assert_eq!(
            o.codes(EventType::AirStrike).unwrap().acled_sub_event_type,
            "Air/drone strike"
        );
        assert_eq!(o.codes(EventType::Seizure).unwrap().cameo, "192");
    }
}
