//! The words the event stage reads around a sentence's places and triggers
//! (`gazetteer/role_words.tsv`): nouns that continue a place's name, nouns that end an
//! installation's name, diplomats' titles, the objects that make an act one against
//! protesters, and speakers whose place is where a report came from.

use super::lexicon::WordPat;
use crate::{Error, Result};
use std::path::Path;

/// The classes of `role_words.tsv`, each a word pattern (exact words and `stem*`s, tried in
/// file order as the trigger words are).
#[derive(Debug, Clone)]
pub struct RoleWords {
    /// `name_noun`: "Kandahar Airport", "Yobe State".
    pub name_nouns: WordPat,
    /// `installation`: "Bagram Air Base".
    pub installations: WordPat,
    /// `envoy`: "ambassador to Turkey".
    pub envoys: WordPat,
    /// `protest_object`: "stormed the sit-in".
    pub protest_objects: WordPat,
    /// `speaker`: "officials in Misrata said".
    pub speakers: WordPat,
    /// `event_party`: "facilitators of the attack".
    pub event_parties: WordPat,
    /// `rescue`: "hostages were rescued, the army said".
    pub rescues: WordPat,
    /// `suffered`: what happens to a place ("Kabul's fall", "the siege"), so that a capital's
    /// possessive before it stays the place rather than the state that acts.
    pub suffered: WordPat,
    /// `sent_away`: verbs of moving people or things away from the scene ("flights were
    /// diverted to Misrata", "families fled to Uganda"): the place after their "to" is where
    /// they went, not where the story is.
    pub sent_away: WordPat,
    /// `place_of`: nouns whose "of" names the place itself ("the town of Kunduz", "parts of
    /// Kunduz"), unlike those of people ("the governor of Ghazni").
    pub place_of: WordPat,
    /// `held_ground`: nouns of ground a force holds ("army positions", "rebel bases"): an
    /// actor right before one says whose ground was taken; it is not what was taken.
    pub held_ground: WordPat,
    /// `speech_venue`: audiences whose "in|at X", after a verb of telling, names where
    /// something was said ("told reporters in Abuja"), not where anything happened.
    pub speech_venues: WordPat,
    /// `seat`: governing bodies whose "in X" names their seat ("the Taliban administration in
    /// Kabul"): part of how an actor is named, not where anything happened.
    pub seats: WordPat,
    /// `hand_over`: verbs of handing people over ("handed back to Rwanda"): a state named
    /// right after their "to" is the side that receives them, not where it happened.
    pub hand_over: WordPat,
    /// `pact`: nouns of a deal ("peace deal", "ceasefire"): a time that belongs to one ("the
    /// 2016 peace deal", "a truce signed in October 2020") dates the deal, not a violent act.
    pub pacts: WordPat,
    /// `later_phase`: words of a later step in an event's life ("which took effect in
    /// August", "that collapsed in March"): a time in a relative clause after the trigger that
    /// holds one dates that step, not the event.
    pub later_phase: WordPat,
    /// `crowd_group`: nouns that name a crowd by who its people are ("STC supporters rallied",
    /// "displaced residents staged a rally"): the protest's agent in the text's words.
    pub crowd_groups: WordPat,
    /// `crowd_count`: words that count a crowd ("several hundred", "thousands of"), which end
    /// the name of a [`Self::crowd_groups`] group.
    pub crowd_counts: WordPat,
    /// `count_lead`: words that open a count of people before its number or noun ("about 80
    /// pupils", "more than 30", "dozens of"), besides the quantities lexicon's numbers: a
    /// verb of taking followed by one takes people, not ground.
    pub count_leads: WordPat,
    /// `fired`: participles that make a weapon's reduced relative ("mortar rounds fired by the
    /// militants", "rockets launched by the group"): the actor after their "by" fired it.
    pub fired: WordPat,
    /// `own_ranks`: people a leader meets of his own side or of no side ("met commanders",
    /// "met reporters"): right after a verb of meeting, no talks between parties.
    pub own_ranks: WordPat,
    /// `quarter`: nouns after a name that make it a quarter of a town ("held the Sayedabad
    /// neighbourhood"): the quarter lies in the town in focus, not at a far namesake.
    pub quarters: WordPat,
    /// `state_participle`: participles after a noun of people that say what the people are
    /// ("men armed with knives", "fighters linked to the group"), not what was done to them:
    /// a time after one still dates the trigger before it.
    pub state_participles: WordPat,
    /// Compass adjectives of a phrase of place ("in northern Mozambique"): the actor
    /// dictionary's `place_adj` class, set by the event extractor (not read from this file).
    pub place_adjectives: crate::hash::FastSet<String>,
}

impl RoleWords {
    pub fn load(path: &Path) -> Result<RoleWords> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Self::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<RoleWords> {
        let empty = || WordPat::Any(Vec::new());
        let mut w = RoleWords {
            name_nouns: empty(),
            installations: empty(),
            envoys: empty(),
            protest_objects: empty(),
            speakers: empty(),
            event_parties: empty(),
            rescues: empty(),
            suffered: empty(),
            sent_away: empty(),
            place_of: empty(),
            held_ground: empty(),
            speech_venues: empty(),
            seats: empty(),
            hand_over: empty(),
            pacts: empty(),
            later_phase: empty(),
            crowd_groups: empty(),
            crowd_counts: empty(),
            count_leads: empty(),
            fired: empty(),
            quarters: empty(),
            state_participles: empty(),
            own_ranks: empty(),
            place_adjectives: Default::default(),
        };
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let bad =
                |what: &str| Error::gazetteer(path, format!("line {}: {what}: {line:?}", i + 1));
            let (class, word) = match line.split('\t').map(str::trim).collect::<Vec<_>>()[..] {
                [class, word] if !word.is_empty() && word != "~" => (class, word),
                _ => return Err(bad("expected class<TAB>word")),
            };
            let into = match class {
                "name_noun" => &mut w.name_nouns,
                "installation" => &mut w.installations,
                "envoy" => &mut w.envoys,
                "protest_object" => &mut w.protest_objects,
                "speaker" => &mut w.speakers,
                "event_party" => &mut w.event_parties,
                "rescue" => &mut w.rescues,
                "suffered" => &mut w.suffered,
                "sent_away" => &mut w.sent_away,
                "place_of" => &mut w.place_of,
                "held_ground" => &mut w.held_ground,
                "speech_venue" => &mut w.speech_venues,
                "seat" => &mut w.seats,
                "hand_over" => &mut w.hand_over,
                "pact" => &mut w.pacts,
                "later_phase" => &mut w.later_phase,
                "crowd_group" => &mut w.crowd_groups,
                "crowd_count" => &mut w.crowd_counts,
                "count_lead" => &mut w.count_leads,
                "fired" => &mut w.fired,
                "quarter" => &mut w.quarters,
                "state_participle" => &mut w.state_participles,
                "own_ranks" => &mut w.own_ranks,
                _ => return Err(bad("unknown class")),
            };
            let (WordPat::Any(alts), WordPat::Any(more)) =
                (into, WordPat::parse_alternatives(word))
            else {
                return Err(bad("expected a word"));
            };
            if more.iter().any(|(a, _)| a.is_empty()) || more.len() != 1 {
                return Err(bad("one word that folds to some letters"));
            }
            alts.extend(more);
        }
        Ok(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_fold_their_words_and_read_stems() {
        let w = RoleWords::parse(
            "# a comment\nname_noun\tProvince\nprotest_object\tsit-in\nprotest_object\tmarch*\n",
            Path::new("t.tsv"),
        )
        .unwrap();
        assert!(w.name_nouns.matches("province"));
        assert!(w.protest_objects.matches("sit in"));
        assert!(w.protest_objects.matches("marchers"));
        assert!(!w.protest_objects.matches("province"));
        assert!(!w.envoys.matches("envoy"));
    }

    #[test]
    fn a_bad_line_names_file_and_line() {
        for bad in [
            "nonsense\tword\n",
            "envoy\n",
            "envoy\t*\n",
            "envoy\ta|b\n",
            "envoy\t~\n",
        ] {
            let e = RoleWords::parse(&format!("# c\n{bad}"), Path::new("t.tsv"))
                .unwrap_err()
                .to_string();
            assert!(e.contains("t.tsv") && e.contains("line 2"), "{bad:?}: {e}");
        }
    }

    #[test]
    fn the_shipped_file_loads() {
        let w = RoleWords::load(&crate::default_gazetteer_dir().join("role_words.tsv")).unwrap();
        assert!(w.envoys.matches("ambassador"));
        assert!(w.installations.matches("barracks"));
        assert!(w.protest_objects.matches("demonstrators"));
        assert!(w.rescues.matches("rescued"));
        assert!(w.speakers.matches("officials"));
        assert!(w.event_parties.matches("facilitators"));
        assert!(w.suffered.matches("siege") && !w.suffered.matches("mediation"));
        assert!(w.sent_away.matches("diverted") && !w.sent_away.matches("returned"));
        assert!(w.place_of.matches("town") && !w.place_of.matches("governor"));
        assert!(w.held_ground.matches("positions") && !w.held_ground.matches("soldiers"));
        assert!(w.speech_venues.matches("reporters") && !w.speech_venues.matches("fighters"));
        assert!(w.seats.matches("administration") && !w.seats.matches("town"));
        assert!(w.hand_over.matches("handed") && !w.hand_over.matches("fled"));
        assert!(w.pacts.matches("ceasefire") && !w.pacts.matches("attack"));
        assert!(w.crowd_groups.matches("residents") && !w.crowd_groups.matches("people"));
        assert!(w.crowd_counts.matches("thousands") && !w.crowd_counts.matches("displaced"));
        assert!(w.fired.matches("fired") && !w.fired.matches("killed"));
        assert!(w.quarters.matches("neighbourhood") && !w.quarters.matches("district"));
        assert!(w.state_participles.matches("armed") && !w.state_participles.matches("captured"));
        assert!(w.own_ranks.matches("commanders") && !w.own_ranks.matches("rebels"));
        // filled from the actor dictionary, not from this file
        assert!(w.place_adjectives.is_empty());
    }
}
