//! The event ontology (`gazetteer/event_types.tsv`): ACLED, CAMEO and PLOVER codes per type,
//! and the ACLED sub-event refinement (`gazetteer/sub_events.tsv`): the words around a trigger
//! and the agent's actor type choose among ACLED's 25 sub-event types ("a suicide bomber" is
//! a Suicide bomb, tear gas against a protest is a Protest with intervention, state forces
//! taking a town is Government regains territory).

use super::lexicon::{Phrase, WordPat};
use crate::model::{ActorType, EventType};
use crate::{Error, Result};
use std::collections::HashMap;
use std::path::Path;

/// Words either side of the trigger within which a refinement cue counts.
const CUE_WINDOW: usize = 20;

/// One line of `sub_events.tsv`.
#[derive(Debug, Clone)]
pub struct SubEventRule {
    pub types: Vec<EventType>,
    /// Words near the trigger; `None`: no words needed.
    pub cue: Option<Phrase>,
    /// The actor type the event's first agent must have.
    pub agent: Option<ActorType>,
    /// The actor type the event's first target must have (`target:TYPE` in the agent column).
    pub target: Option<ActorType>,
    pub acled_event_type: String,
    pub acled_sub_event_type: String,
    /// Line in the data file.
    pub line: usize,
    /// (speed) The first bytes a word can have to match the cue's first word (a bit per
    /// byte), all bits set where that word is a gap or has an empty alternative.
    head_bytes: [u64; 4],
    /// (speed) The bits (see [`pair_slot`]) of the first two bytes of each alternative of the
    /// cue's first word, which every word it matches starts with; `None` where that word is a
    /// gap or has an alternative shorter than two bytes (or there is no cue).
    head_pairs: Option<[u64; 16]>,
}

/// The bit of a word's first two bytes in a set of 1,024 bits.
#[inline]
fn pair_slot(b0: u8, b1: u8) -> usize {
    ((u32::from(b0) << 8 | u32::from(b1)).wrapping_mul(0x9e37_79b1) >> 22) as usize
}

/// Sets bit `k` of a bit set.
#[inline]
fn set_bit(bits: &mut [u64], k: usize) {
    bits[k >> 6] |= 1 << (k & 63);
}

/// Is bit `k` of a bit set set?
#[inline]
fn has_bit(bits: &[u64], k: usize) -> bool {
    bits[k >> 6] >> (k & 63) & 1 != 0
}

/// The two first-word filters of a rule whose cue is `cue`, read in one pass over the
/// alternatives of that word: [`SubEventRule::head_bytes`] and [`SubEventRule::head_pairs`].
fn head_filters(cue: Option<&Phrase>) -> ([u64; 4], Option<[u64; 16]>) {
    let Some(WordPat::Any(alts)) = cue.and_then(|c| c.words.first()) else {
        return ([u64::MAX; 4], None);
    };
    let mut bytes = [0u64; 4];
    let mut pairs = Some([0u64; 16]);
    for (a, _) in alts {
        match a.as_bytes().first() {
            Some(&b) => set_bit(&mut bytes, usize::from(b)),
            // an empty alternative matches a word of any first byte
            None => bytes = [u64::MAX; 4],
        }
        match (a.as_bytes(), pairs.as_mut()) {
            (&[b0, b1, ..], Some(p)) => set_bit(p, pair_slot(b0, b1)),
            _ => pairs = None,
        }
    }
    (bytes, pairs)
}

impl SubEventRule {
    /// Does the rule fit an event of type `t` whose trigger spans words `first..=last` of
    /// `words` (folded), with first agent and first target of the types `sides` gives?
    pub fn fits(
        &self,
        t: EventType,
        words: &[&str],
        first: usize,
        last: usize,
        sides: Sides,
    ) -> bool {
        if !self.types.contains(&t) {
            return false;
        }
        if (self.agent.is_some() && self.agent != sides.agent)
            || (self.target.is_some() && self.target != sides.target)
        {
            return false;
        }
        let Some(cue) = &self.cue else {
            return true;
        };
        let lo = first.saturating_sub(CUE_WINDOW);
        let hi = (last + CUE_WINDOW + 1).min(words.len());
        // (the first word tested here, before a call per word: most words start no cue)
        let head = cue.words.first();
        // (a word can only match an alternative that starts with the same byte)
        let may_start = |w: &str| {
            w.as_bytes()
                .first()
                .is_none_or(|&b| has_bit(&self.head_bytes, usize::from(b)))
        };
        (lo..hi).any(|i| {
            may_start(words[i])
                && head.is_none_or(|p| matches!(p, WordPat::Gap) || p.matches(words[i]))
                && cue.match_at(&words[..hi], i).is_some()
        })
    }
}

/// The actor types of an event's first agent and first target.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sides {
    pub agent: Option<ActorType>,
    pub target: Option<ActorType>,
}

/// Parses `sub_events.tsv`.
pub fn parse_sub_events(text: &str, path: &Path) -> Result<Vec<SubEventRule>> {
    let mut rules = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |what: &str| Error::gazetteer(path, format!("line {}: {what}: {line:?}", i + 1));
        let c: Vec<&str> = line.split('\t').map(str::trim).collect();
        if c.len() != 5 {
            return Err(bad(
                "expected 5 tab-separated columns: types, cue, agent, acled_event_type, acled_sub_event_type",
            ));
        }
        let types = c[0]
            .split(',')
            .map(|t| EventType::parse(t).ok_or_else(|| bad("unknown event type")))
            .collect::<Result<Vec<_>>>()?;
        let cue = (c[1] != "-").then(|| Phrase::parse(c[1]));
        let (head_bytes, head_pairs) = head_filters(cue.as_ref());
        let side = |a: &str| ActorType::parse(a).ok_or_else(|| bad("unknown actor type"));
        let (agent, target) = match (c[2], c[2].strip_prefix("target:")) {
            ("-", _) => (None, None),
            (_, Some(t)) => (None, Some(side(t)?)),
            (a, None) => (Some(side(a)?), None),
        };
        if c[3].is_empty() || c[4].is_empty() {
            return Err(bad("empty ACLED code"));
        }
        rules.push(SubEventRule {
            types,
            head_bytes,
            head_pairs,
            cue,
            agent,
            target,
            acled_event_type: c[3].into(),
            acled_sub_event_type: c[4].into(),
            line: i + 1,
        });
    }
    Ok(rules)
}

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
    rules: Vec<SubEventRule>,
    /// (speed) Per event type, the rules for it, in file order ([`Self::set_rules`]).
    rules_by_type: HashMap<EventType, Vec<usize>>,
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
        if let Some(t) = EventType::every().find(|t| !codes.contains_key(t)) {
            return Err(Error::gazetteer(
                path,
                format!("no line for event type {t}"),
            ));
        }
        Ok(Ontology {
            codes,
            rules: Vec::new(),
            rules_by_type: HashMap::new(),
        })
    }

    /// Sets the refinement rules (`sub_events.tsv`).
    pub fn set_rules(&mut self, rules: Vec<SubEventRule>) {
        self.rules_by_type.clear();
        for (i, r) in rules.iter().enumerate() {
            for &t in &r.types {
                let list = self.rules_by_type.entry(t).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        self.rules = rules;
    }

    /// Loads `event_types.tsv` and, where present beside it, `sub_events.tsv`.
    pub fn load_dir(dir: &Path) -> Result<Ontology> {
        let mut o = Ontology::load(&dir.join("event_types.tsv"))?;
        let path = dir.join("sub_events.tsv");
        match std::fs::read_to_string(&path) {
            Ok(text) => o.set_rules(parse_sub_events(&text, &path)?),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&path, e)),
        }
        Ok(o)
    }

    /// The first refinement rule that fits the event (see [`SubEventRule::fits`]).
    pub fn refine(
        &self,
        t: EventType,
        words: &[&str],
        first: usize,
        last: usize,
        sides: Sides,
    ) -> Option<&SubEventRule> {
        // (only the rules for the type: another one never fits)
        let rules = self.rules_by_type.get(&t)?;
        // (speed) the first two bytes of the words within the cue window: a rule whose cue's
        // first word starts with none of them (`head_pairs`) does not fit, and its words are
        // not read
        let lo = first.saturating_sub(CUE_WINDOW);
        let hi = (last + CUE_WINDOW + 1).min(words.len());
        let mut present = [0u64; 16];
        for w in words.get(lo..hi).unwrap_or_default() {
            if let &[b0, b1, ..] = w.as_bytes() {
                set_bit(&mut present, pair_slot(b0, b1));
            }
        }
        rules.iter().map(|&i| &self.rules[i]).find(|r| {
            r.head_pairs
                .as_ref()
                .is_none_or(|h| h.iter().zip(&present).any(|(a, b)| a & b != 0))
                && r.fits(t, words, first, last, sides)
        })
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
        for t in EventType::EXTENSION {
            assert!(o.codes(t).is_some(), "{t}");
        }
    }

    #[test]
    fn the_head_filters_admit_every_word_a_cue_can_start_with() {
        let cue = Phrase::parse("tear|smoke gas");
        let (bytes, pairs) = head_filters(Some(&cue));
        assert!(has_bit(&bytes, usize::from(b't')) && has_bit(&bytes, usize::from(b's')));
        assert!(!has_bit(&bytes, usize::from(b'g')));
        let pairs = pairs.unwrap();
        assert!(has_bit(&pairs, pair_slot(b't', b'e')));
        assert!(has_bit(&pairs, pair_slot(b's', b'm')));
        // a one-byte alternative: first bytes, but no pair filter
        let (bytes, pairs) = head_filters(Some(&Phrase::parse("tear|t* gas")));
        assert!(has_bit(&bytes, usize::from(b't')) && pairs.is_none());
        // an empty alternative, a gap or no cue: no filter at all
        let none = ([u64::MAX; 4], None);
        assert_eq!(head_filters(Some(&Phrase::parse("*|tear gas"))), none);
        assert_eq!(head_filters(Some(&Phrase::parse("~ gas"))), none);
        assert_eq!(head_filters(None), none);
    }

    fn rules(tsv: &str) -> Ontology {
        let mut o =
            Ontology::load(&crate::default_gazetteer_dir().join("event_types.tsv")).unwrap();
        o.set_rules(parse_sub_events(tsv, Path::new("t.tsv")).unwrap());
        o
    }

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(crate::text::fold).collect()
    }

    #[test]
    fn a_cue_near_the_trigger_refines_the_sub_event_type() {
        let o = rules("bombing\tsuicide ~ bomber\t-\tExplosions/Remote violence\tSuicide bomb\n");
        let w = words("a suicide car bomber struck the gate");
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        let r = o
            .refine(EventType::Bombing, &w, 4, 4, Sides::default())
            .unwrap();
        assert_eq!(r.acled_sub_event_type, "Suicide bomb");
        // another type, or the cue beyond the window, does not refine
        assert!(o
            .refine(EventType::Shelling, &w, 4, 4, Sides::default())
            .is_none());
        let far = words(&format!("suicide bomber {} blast", "x ".repeat(30)));
        let far: Vec<&str> = far.iter().map(String::as_str).collect();
        assert!(o
            .refine(
                EventType::Bombing,
                &far,
                far.len() - 1,
                far.len() - 1,
                Sides::default()
            )
            .is_none());
    }

    #[test]
    fn the_first_rule_for_the_events_type_decides_whatever_other_types_rules_precede() {
        let o = rules(
            "shelling\tsuicide\t-\tExplosions/Remote violence\tShelling/artillery/missile attack\n\
             bombing,shelling\tcar\t-\tExplosions/Remote violence\tRemote explosive/landmine/IED\n\
             bombing\tsuicide\t-\tExplosions/Remote violence\tSuicide bomb\n",
        );
        let w = words("a suicide car bomber struck the gate");
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        let sub = |t| {
            o.refine(t, &w, 4, 4, Sides::default())
                .map(|r| r.acled_sub_event_type.clone())
        };
        assert_eq!(
            sub(EventType::Bombing).as_deref(),
            Some("Remote explosive/landmine/IED")
        );
        assert_eq!(
            sub(EventType::Shelling).as_deref(),
            Some("Shelling/artillery/missile attack")
        );
        assert_eq!(sub(EventType::AirStrike), None);
    }

    #[test]
    fn an_agent_condition_and_the_first_fitting_rule_decide() {
        let o = rules(
            "seizure\twithout a fight\t-\tStrategic developments\tNon-violent transfer of territory\n\
             seizure\t-\tstate_forces\tBattles\tGovernment regains territory\n",
        );
        let w = words("troops retook the town");
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        let state = Sides {
            agent: Some(ActorType::StateForces),
            target: None,
        };
        let rebels = Sides {
            agent: Some(ActorType::Rebels),
            target: None,
        };
        assert_eq!(
            o.refine(EventType::Seizure, &w, 1, 1, state)
                .unwrap()
                .acled_sub_event_type,
            "Government regains territory"
        );
        assert!(o.refine(EventType::Seizure, &w, 1, 1, rebels).is_none());
        let w = words("troops retook the town without a fight");
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        assert_eq!(
            o.refine(EventType::Seizure, &w, 1, 1, state)
                .unwrap()
                .acled_sub_event_type,
            "Non-violent transfer of territory"
        );
    }

    #[test]
    fn a_target_condition_reads_the_first_target() {
        let o = rules("assault\t-\ttarget:civilians\tViolence against civilians\tAttack\n");
        let w = words("gunmen attacked villagers");
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        let civilians = Sides {
            agent: Some(ActorType::Rebels),
            target: Some(ActorType::Civilians),
        };
        assert_eq!(
            o.refine(EventType::Assault, &w, 1, 1, civilians)
                .unwrap()
                .acled_event_type,
            "Violence against civilians"
        );
        let soldiers = Sides {
            target: Some(ActorType::StateForces),
            ..civilians
        };
        assert!(o.refine(EventType::Assault, &w, 1, 1, soldiers).is_none());
    }

    #[test]
    fn bad_rule_lines_name_the_line() {
        for bad in [
            "bombing\tx\t-\tA\n",
            "bombings\tx\t-\tA\tB\n",
            "bombing\tx\tsoldiers\tA\tB\n",
            "bombing\tx\ttarget:soldiers\tA\tB\n",
            "bombing\tx\t-\t\tB\n",
        ] {
            let e = parse_sub_events(&format!("# c\n{bad}"), Path::new("s.tsv")).unwrap_err();
            assert!(e.to_string().contains("line 2"), "{bad:?}: {e}");
        }
    }

    #[test]
    fn shipped_rules_load() {
        let o = Ontology::load_dir(&crate::default_gazetteer_dir()).unwrap();
        assert!(o.rules.len() > 20);
    }

    /// The filter on the first two bytes of a cue lets through every rule that fits, cues
    /// with a one-letter alternative included, and rules out the others.
    #[test]
    fn cues_are_found_through_the_two_byte_filter() {
        let o = rules(
            "assault\tsuicide ~ bomb*\t-\tExplosions/Remote violence\tSuicide bomb\n\
             assault\ta|an ~ drone*\t-\tExplosions/Remote violence\tAir/drone strike\n",
        );
        let line = |w: &[&str]| {
            o.refine(
                EventType::Assault,
                w,
                w.len() - 2,
                w.len() - 2,
                Sides::default(),
            )
            .map(|r| r.line)
        };
        assert_eq!(
            line(&["a", "suicide", "car", "bomber", "attacked", "it"]),
            Some(1)
        );
        assert_eq!(line(&["a", "drone", "attacked", "it"]), Some(2));
        assert_eq!(line(&["gunmen", "attacked", "it"]), None);
    }
}
