//! Wires the stages together: one [`Pipeline`] holds the loaded knowledge and turns articles
//! into events.

use crate::actors::ActorDictionary;
use crate::events::{EventExtractor, Mentions, Prescan, TriggerMention};
use crate::graph::{Link, TemporalCues};
use crate::model::{Actor, Article, Event, Span};
use crate::places::Gazetteer;
use crate::text::sentences;
use crate::text::words::Words;
use crate::time::TimeTagger;
use crate::Result;
use rayon::prelude::*;
use std::path::Path;

/// Everything the pipeline knows, loaded once from a gazetteer directory.
pub struct Pipeline {
    pub gazetteer: Gazetteer,
    pub tagger: TimeTagger,
    pub actors: ActorDictionary,
    pub events: EventExtractor,
    pub cues: TemporalCues,
}

/// One article read by every stage.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub mentions: Mentions,
    pub triggers: Vec<TriggerMention>,
    /// Events of the article, reports of the same event merged.
    pub events: Vec<Event>,
}

impl Pipeline {
    pub fn load(dir: &Path) -> Result<Pipeline> {
        let gazetteer = Gazetteer::load(dir)?;
        // The gazetteer's tables built on first need (the fuzzy index, the two-word filter:
        // some 100 ms of CPU) are built on other threads while the lexicons load, so that the
        // first article does not wait for them.
        let rest = std::thread::scope(|sc| {
            sc.spawn(|| gazetteer.prepare());
            Ok::<_, crate::Error>((
                TimeTagger::load(dir)?,
                ActorDictionary::load(dir)?,
                EventExtractor::load(dir)?,
                TemporalCues::load(&dir.join("temporal_cues.tsv"))?,
            ))
        });
        let (tagger, actors, mut events, cues) = rest?;
        events.set_machines(actors.machine_nouns());
        events.set_captives(actors.captive_words());
        events.set_civil_sites(actors.civil_site_words());
        events.set_place_adjectives(actors.place_adjectives());
        Ok(Pipeline {
            gazetteer,
            tagger,
            actors,
            events,
            cues,
        })
    }

    /// The state forces of a country, for the side an event's text leaves implicit.
    fn state_forces(&self, cc: &str) -> Option<Actor> {
        self.actors.state(cc, false)
    }

    /// Runs every stage on one article.
    pub fn analyse(&self, article: &Article) -> Analysis {
        let body_end = self.events.body_end(&article.text);
        let sents = sentences(&article.text[..body_end]);
        self.analyse_to(article, body_end, &sents, Prescan::none())
    }

    /// [`Self::analyse`] of the article whose body ends at `body_end`
    /// ([`EventExtractor::body_end`]) and is made of the sentences `sents`.
    /// `pre` is what [`EventExtractor::prescan`] read of the sentences (or nothing).
    fn analyse_to<'t>(
        &self,
        article: &'t Article,
        body_end: usize,
        sents: &[Span],
        pre: Prescan<'t>,
    ) -> Analysis {
        let body = &article.text[..body_end];
        // the folded text and its words, found once for the places and the actors
        let words = Words::new(body);
        let places = self.gazetteer.find_places_in(body, &words);
        let focus = crate::events::main_country(&places);
        let mentions = Mentions {
            times: self.tagger.tag(body, article.published),
            actors: self.actors.find_actors_in(body, &words, focus.as_deref()),
            main_country: focus.as_deref().and_then(|cc| self.gazetteer.country(cc)),
            places,
        };
        words.recycle();
        let forces = |cc: &str| self.state_forces(cc);
        let (events, triggers) = self
            .events
            .extract_after(article, body_end, sents, &mentions, &forces, pre);
        Analysis {
            mentions,
            triggers,
            events: crate::graph::merge_events(events),
        }
    }

    /// The events of one article (reports of the same event merged) and its triggers: those
    /// of [`Self::analyse`], without the mentions. (Speed: an article none of whose sentences
    /// holds a trigger tells no event, and its places, dates and actors are not looked for.)
    pub fn events_of(&self, article: &Article) -> (Vec<Event>, Vec<TriggerMention>) {
        let body_end = self.events.body_end(&article.text);
        let sents = sentences(&article.text[..body_end]);
        let pre = self.events.prescan(&article.text, &sents);
        if pre.first.is_none() {
            return (Vec::new(), Vec::new());
        }
        let a = self.analyse_to(article, body_end, &sents, pre);
        (a.events, a.triggers)
    }

    /// Extracts the events of one article (reports of the same event merged).
    pub fn extract(&self, article: &Article) -> Vec<Event> {
        self.events_of(article).0
    }

    /// Extracts the events of many articles in parallel, then (with `merge`) merges reports of
    /// the same event across articles. The result does not depend on the number of threads.
    pub fn extract_all(&self, articles: &[Article], merge: bool) -> Vec<Event> {
        let per_article: Vec<Vec<Event>> = articles.par_iter().map(|a| self.extract(a)).collect();
        let events: Vec<Event> = per_article.into_iter().flatten().collect();
        if merge {
            crate::graph::merge_across(events)
        } else {
            events
        }
    }

    /// Temporal links between events (dates and cues).
    pub fn link(&self, events: &[Event]) -> Vec<Link> {
        crate::graph::temporal_links(events, &self.cues)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn load_builds_the_gazetteers_first_need_tables() {
        let p = super::Pipeline::load(&crate::default_gazetteer_dir()).expect("gazetteer loads");
        assert!(p.gazetteer.pairs.get().is_some());
        assert!(p.gazetteer.fuzzy.get().is_some());
    }
}
