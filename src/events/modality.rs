//! Modality: threats, plans, calls, denials, conditionals, questions, future and negation keep a
//! trigger from becoming an event (`gazetteer/modality.tsv`).

use super::lexicon::{key_str, KeyMap, Phrase, WordPat};
use crate::{Error, Result};
use std::path::Path;

#[derive(Debug, Clone)]
struct Cue {
    phrase: Phrase,
    after: bool,
    /// Only right before the trigger ("scores of attacks").
    adjacent: bool,
    /// Before a "since" that comes before the trigger ("the first attack since troops began
    /// their pullout"): the cue makes the "since" clause a reference point in the past.
    since: bool,
    kind: String,
    /// Only before a trigger whose first word is one of these (the 4th column): "to" marks a
    /// purpose only before a verb ("a campaign to seize the capital"), not before a noun
    /// ("led to clashes").
    only: Option<WordPat>,
}

/// The kind of a cue that says the trigger did happen after all ("managed to capture"): it
/// stops the search for the cues after it in the file.
const FACT: &str = "fact";
/// Words between an adjacent cue and the trigger that a count or claim still reaches across
/// ("months of street fighting", "carried out the deadly attack"): modifiers, not actors.
const ADJACENT_MODIFIERS: usize = 2;

/// The modality cues.
/// What the caller knows of the sentence's words, for [`ModalityLexicon::unrealised_with`]:
/// `modifier(i)`, word `i` may stand between an adjacent count or claim and the trigger (it is
/// no actor's word); `in_time(i)`, word `i` belongs to a time expression, where no cue starts.
pub struct WordsOf<'f> {
    pub modifier: &'f dyn Fn(usize) -> bool,
    pub in_time: &'f dyn Fn(usize) -> bool,
    /// Word `i` is a word of a count ("some", "13,000", "dozens"): the words examined after a
    /// trigger start past the count that follows it ("killed some 13,000 people since 2014").
    pub count: &'f dyn Fn(usize) -> bool,
}

pub struct ModalityLexicon {
    cues: Vec<Cue>,
    /// Cues by the index key (first three chars) of each alternative of their first word.
    by_key: KeyMap,
    /// Cues that any word may start (a short stem, a gap): always tried.
    always: Vec<usize>,
    /// The longest cue, in words.
    max_len: usize,
}

/// Words examined before a trigger.
const BEFORE: usize = 8;
/// Words examined after a trigger.
const AFTER: usize = 3;
/// Words examined before a "since" for a `since` cue ("the deadliest attack in the country
/// since").
const BEFORE_SINCE: usize = 10;

impl ModalityLexicon {
    pub fn load(path: &Path) -> Result<ModalityLexicon> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Self::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<ModalityLexicon> {
        let mut cues = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let (after, adjacent, since) = match cols.get(1) {
                Some(&"before") => (false, false, false),
                Some(&"after") => (true, false, false),
                Some(&"adjacent") => (false, true, false),
                Some(&"since") => (false, false, true),
                _ => {
                    return Err(Error::gazetteer(
                        path,
                        format!(
                            "line {}: expected cue<TAB>before|after|adjacent|since<TAB>kind",
                            i + 1
                        ),
                    ))
                }
            };
            cues.push(Cue {
                phrase: Phrase::parse(cols[0]),
                after,
                adjacent,
                since,
                kind: cols.get(2).unwrap_or(&"unrealised").to_string(),
                only: cols
                    .get(3)
                    .filter(|c| !c.is_empty() && **c != "-")
                    .map(|c| WordPat::parse_alternatives(c)),
            });
        }
        let mut by_key = KeyMap::default();
        let mut keys = Vec::new();
        let mut always = Vec::new();
        for (i, c) in cues.iter().enumerate() {
            match c.phrase.words.first() {
                Some(WordPat::Any(alts))
                    if alts
                        .iter()
                        .all(|(a, stem)| !*stem || a.chars().count() >= 3) =>
                {
                    for (a, _) in alts {
                        let k = key_str(a);
                        if by_key.last_of(k) != Some(i) {
                            by_key.push(k, i);
                        }
                        keys.push(k.to_string());
                    }
                }
                _ => always.push(i),
            }
        }
        let max_len = cues.iter().map(|c| c.phrase.words.len()).max().unwrap_or(0);
        by_key.seal(&keys);
        Ok(ModalityLexicon {
            cues,
            by_key,
            always,
            max_len,
        })
    }

    /// Puts in `out`, in order, the cues whose first word could match a word of
    /// `words[from..to]`; the others cannot match there.
    fn possible(&self, words: &[&str], from: usize, to: usize, out: &mut Vec<usize>) {
        out.clear();
        out.extend_from_slice(&self.always);
        for w in &words[from.min(words.len())..to.min(words.len())] {
            if let Some(cs) = self.by_key.get_word(w) {
                out.extend_from_slice(cs);
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// The modality that keeps the trigger at words `[first, last]` from being a fact, if any.
    /// `clause_start`/`clause_end` bound the trigger's clause (word indices, end exclusive);
    /// `question` says the sentence is a question.
    pub fn unrealised(
        &self,
        words: &[&str],
        first: usize,
        last: usize,
        clause_start: usize,
        clause_end: usize,
        question: bool,
    ) -> Option<&str> {
        self.unrealised_with(
            words,
            first,
            last,
            (clause_start, clause_end),
            question,
            WordsOf {
                modifier: &|_| false,
                in_time: &|_| false,
                count: &|_| false,
            },
        )
    }

    /// [`Self::unrealised`], where `modifier(i)` says word `i` may stand between an adjacent
    /// count or claim and the trigger (it is no actor's word: "dozens of gunmen attacked" is
    /// one attack, "dozens of deadly attacks" many), and `in_time(i)` that word `i` belongs to
    /// a time expression, where no cue starts ("in late May" holds no modal "may").
    pub fn unrealised_with(
        &self,
        words: &[&str],
        first: usize,
        last: usize,
        (clause_start, clause_end): (usize, usize),
        question: bool,
        words_of: WordsOf<'_>,
    ) -> Option<&str> {
        let WordsOf {
            modifier,
            in_time,
            count,
        } = words_of;
        if question {
            return Some("question");
        }
        let lo = first.saturating_sub(BEFORE).max(clause_start);
        let counted = (last + 1..clause_end.min(words.len()))
            .take_while(|&i| count(i))
            .count();
        let hi = (last + 1 + counted + AFTER)
            .min(clause_end)
            .min(words.len());
        // the last "since" before the trigger in its clause, or the one that opens it (a
        // caller bounds the clause after its subordinator)
        let since_at = (lo.saturating_sub(1)..first)
            .rev()
            .find(|&i| words[i] == "since");
        if let Some(kind) = since_at.and_then(|s| self.landmark_before(words, s)) {
            return Some(kind);
        }
        // every word a cue below may start at lies in [from, to)
        let adj_lo = first
            .saturating_sub(self.max_len + ADJACENT_MODIFIERS)
            .max(clause_start);
        let (from, to) = (lo.min(adj_lo), hi.max(first));
        // (speed: room for the cues of a long stretch, so that the list seldom grows)
        let mut possible = Vec::with_capacity(self.always.len() + 64);
        self.possible(words, from, to, &mut possible);
        for cue in possible.iter().map(|&ci| &self.cues[ci]) {
            if cue.since {
                continue;
            }
            if cue.only.as_ref().is_some_and(|o| !o.matches(words[first])) {
                continue;
            }
            if cue.adjacent {
                // "since seizing Bukavu in February": "since" before a gerund is the
                // preposition, and the event is a dated one, not an adverb's "has since taken"
                if cue.phrase.words.len() == 1
                    && first > 0
                    && words[first - 1] == "since"
                    && words[first].ends_with("ing")
                {
                    continue;
                }
                // counts and claims reach across a modifier or two ("months of street
                // fighting"); other adjacent cues end right before the trigger
                let reach = if matches!(cue.kind.as_str(), "aggregate" | "claim") {
                    ADJACENT_MODIFIERS
                } else {
                    0
                };
                for gap in 0..=reach {
                    let Some(end) = first.checked_sub(gap + 1) else {
                        break;
                    };
                    if end < clause_start || (end + 1..first).any(|k| !modifier(k)) {
                        break;
                    }
                    let lo = (end + 1)
                        .saturating_sub(cue.phrase.words.len() + 3)
                        .max(clause_start);
                    if (lo..=end).any(|i| cue.phrase.match_at(words, i) == Some(end)) {
                        return found(cue);
                    }
                }
                continue;
            }
            let range = if cue.after { last + 1..hi } else { lo..first };
            for i in range.clone() {
                // "captured in late May": a word of a time expression starts no cue
                if in_time(i) {
                    continue;
                }
                // "the first town to fall since ...": the "since" measures this event, it
                // does not make it a running count
                if words[i] == "since" && self.landmark_before(words, i).is_some() {
                    continue;
                }
                // "a protest against the junta's planned election": after the trigger, a cue
                // after a possessive or a determiner qualifies another noun
                if cue.after
                    && i > last + 1
                    && (matches!(
                        words[i - 1],
                        "the" | "a" | "an" | "its" | "their" | "his" | "her"
                    ) || words[i - 1].ends_with("'s")
                        || words[i - 1].ends_with("’s")
                        || words[i - 1] == "s")
                {
                    continue;
                }
                if let Some(end) = cue.phrase.match_at(words, i) {
                    if end < range.end || (cue.after && end < hi) {
                        return found(cue);
                    }
                }
            }
        }
        None
    }

    /// The kind of the `since` cue ("first", "deadliest") within 10 words before the "since"
    /// at word `s`, if any.
    fn landmark_before(&self, words: &[&str], s: usize) -> Option<&str> {
        let from = s.saturating_sub(BEFORE_SINCE);
        self.cues
            .iter()
            .filter(|c| c.since)
            .find(|c| (from..s).any(|i| c.phrase.match_at(words, i).is_some_and(|e| e < s)))
            .map(|c| c.kind.as_str())
    }

    /// Words of the sentence that open a reference clause: each "since" after a landmark
    /// ("the first attack since troops began their pullout"). What follows it up to the end
    /// of its clause is the past the story measures from: no event, and no side of one.
    /// A "since" that ends the sentence opens nothing.
    pub fn reference_clauses(&self, words: &[&str]) -> Vec<usize> {
        (0..words.len().saturating_sub(1))
            .filter(|&s| words[s] == "since" && self.landmark_before(words, s).is_some())
            .collect()
    }
}

/// The kind of a matched cue, or None for a "fact" cue.
fn found(cue: &Cue) -> Option<&str> {
    Some(cue.kind.as_str()).filter(|k| *k != FACT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, trigger: &str) -> Option<String> {
        let dir = crate::default_gazetteer_dir();
        let m = ModalityLexicon::load(&dir.join("modality.tsv")).unwrap();
        let folded: Vec<String> = sentence.split_whitespace().map(crate::text::fold).collect();
        let words: Vec<&str> = folded.iter().map(String::as_str).collect();
        let t = words.iter().position(|w| *w == trigger).unwrap();
        m.unrealised(&words, t, t, 0, words.len(), sentence.ends_with('?'))
            .map(str::to_string)
    }

    #[test]
    fn possible_cues_are_in_order_once_and_hold_every_cue_whose_first_word_occurs() {
        let dir = crate::default_gazetteer_dir();
        let m = ModalityLexicon::load(&dir.join("modality.tsv")).unwrap();
        let sentence = "officials said the army may have planned to launch more attacks \
                        since the first raid, but denied it would never threaten talks";
        let folded: Vec<String> = sentence.split_whitespace().map(crate::text::fold).collect();
        let words: Vec<&str> = folded.iter().map(String::as_str).collect();
        let mut out = Vec::new();
        for from in 0..words.len() {
            for to in from..=words.len() {
                m.possible(&words, from, to, &mut out);
                assert!(out.windows(2).all(|p| p[0] < p[1]), "{out:?}");
                for (ci, cue) in m.cues.iter().enumerate() {
                    let first = cue.phrase.words.first();
                    if words[from..to]
                        .iter()
                        .any(|w| first.is_none_or(|p| p.matches(w)))
                    {
                        assert!(out.contains(&ci), "cue {ci} in {from}..{to}");
                    }
                }
            }
        }
    }

    #[test]
    fn facts_pass() {
        assert_eq!(
            check("Rebels captured the town on Monday", "captured"),
            None
        );
        assert_eq!(
            check("the government held talks with the rebels", "talks"),
            None
        );
        // "planes" is no plan, "urgent talks" no call, "considerable fighting" no thought
        assert_eq!(
            check("Planes carried prisoners freed by the rebels", "freed"),
            None
        );
        assert_eq!(
            check("the two sides held urgent talks in Doha", "talks"),
            None
        );
        assert_eq!(
            check("there was considerable fighting in the town", "fighting"),
            None
        );
        // a quantifier of the attackers is no aggregate of attacks
        assert_eq!(
            check(
                "Dozens of gunmen attacked the village on Monday",
                "attacked"
            ),
            None
        );
    }

    #[test]
    fn earlier_rounds_of_talks_and_released_recordings_are_no_event() {
        assert_eq!(
            check("Previous rounds of talks in Geneva collapsed", "talks").as_deref(),
            Some("aggregate")
        );
        assert_eq!(
            check(
                "A video released by the brigade showed its soldiers",
                "released"
            )
            .as_deref(),
            Some("generic")
        );
        // a passive verb of a strike after "it was" is the strike, not a reference back
        assert_eq!(check("when it was hit by a drone", "hit"), None);
        assert_eq!(
            check("it was the first attack on the town", "attack").as_deref(),
            Some("reference")
        );
    }

    #[test]
    fn rallied_forces_campaign_rallies_and_agreed_exchanges_are_no_event() {
        assert_eq!(
            check("The governor flew to the front to rally troops", "rally").as_deref(),
            Some("generic")
        );
        assert_eq!(
            check("He was shot as he left a campaign rally", "rally").as_deref(),
            Some("generic")
        );
        assert_eq!(
            check(
                "The sides agreed to carry out a prisoner exchange",
                "prisoner"
            )
            .as_deref(),
            Some("plan")
        );
        assert_eq!(
            check("Later rounds of talks have stalled", "talks").as_deref(),
            Some("aggregate")
        );
    }

    #[test]
    fn feared_fighting_and_prison_riots_are_no_event() {
        assert_eq!(
            check(
                "Families fled the villages fearing further fighting",
                "fighting"
            )
            .as_deref(),
            Some("hypothetical")
        );
        assert_eq!(
            check("Inmates rioted in the central prison on Tuesday", "rioted").as_deref(),
            Some("generic")
        );
    }

    #[test]
    fn each_modality_blocks() {
        assert_eq!(
            check("Rebels threatened to attack the town", "attack").as_deref(),
            Some("threat")
        );
        assert_eq!(
            check("The army plans to recapture the city", "recapture").as_deref(),
            Some("plan")
        );
        assert_eq!(
            check("He urged both sides to hold talks", "talks").as_deref(),
            Some("call")
        );
        assert_eq!(
            check("The group denied it attacked the convoy", "attacked").as_deref(),
            Some("denial")
        );
        assert_eq!(
            check("If troops withdraw the town could fall", "withdraw").as_deref(),
            Some("condition")
        );
        assert_eq!(
            check("Talks will resume next week", "talks").as_deref(),
            Some("future")
        );
        assert_eq!(
            check("The city is not falling", "falling").as_deref(),
            Some("negation")
        );
        assert_eq!(
            check("Did the rebels seize the base?", "seize").as_deref(),
            Some("question")
        );
        assert_eq!(
            check(
                "The group has carried out scores of attacks on soldiers",
                "attacks"
            )
            .as_deref(),
            Some("aggregate")
        );
        assert_eq!(
            check("Four months of fighting left the city in ruins", "fighting").as_deref(),
            Some("aggregate")
        );
        assert_eq!(
            check("All parts of the city will be cleared", "cleared").as_deref(),
            Some("future")
        );
        assert_eq!(
            check(
                "It was the deadliest raid on the town since soldiers began their withdrawal",
                "withdrawal"
            )
            .as_deref(),
            Some("since")
        );
    }

    #[test]
    fn a_running_toll_is_an_aggregate_but_a_landmark_event_is_not() {
        assert_eq!(
            check(
                "at least 35 people had been killed since Thursday",
                "killed"
            )
            .as_deref(),
            Some("aggregate")
        );
        assert_eq!(
            check(
                "Zaranj became the first city to fall since troops began their withdrawal",
                "fall"
            ),
            None
        );
    }

    #[test]
    fn most_of_a_count_is_no_landmark_before_a_running_toll() {
        // "most of them" counts the dead; "the most serious raid since ..." measures an event
        assert_eq!(
            check(
                "at least 60 people, most of them farmers, have been killed since Sunday",
                "killed"
            )
            .as_deref(),
            Some("aggregate")
        );
        assert_eq!(
            check(
                "It was the most serious raid on the camp since the army withdrew",
                "withdrew"
            )
            .as_deref(),
            Some("since")
        );
    }

    #[test]
    fn dead_of_a_battle_or_bombardment_are_its_toll() {
        for s in [
            "more than 80 people were killed in the fighting around the port",
            "nine villagers died in clashes between the two militias",
            "six people were killed in drone strikes on the market",
            "four children were killed in the shelling of the town",
        ] {
            let trigger = if s.contains("died") { "died" } else { "killed" };
            assert_eq!(check(s, trigger).as_deref(), Some("reference"), "{s}");
        }
        // killed in a place, or by someone: an attack of its own
        assert_eq!(
            check("gunmen killed 12 villagers in the town of Gao", "killed"),
            None
        );
        assert_eq!(check("twelve farmers were killed in Gao", "killed"), None);
    }

    #[test]
    fn talks_ruled_out_or_only_agreed_upon_are_not_held() {
        assert_eq!(
            check(
                "The president has ruled out negotiations with the rebels",
                "negotiations"
            )
            .as_deref(),
            Some("negation")
        );
        assert_eq!(
            check(
                "the two governments agreed to start talks on their border next month",
                "talks"
            )
            .as_deref(),
            Some("plan")
        );
        // talks held before a deal was agreed are a fact
        assert_eq!(
            check(
                "the two sides agreed to a truce after talks in Doha",
                "talks"
            ),
            None
        );
    }

    #[test]
    fn fighting_called_off_or_weeks_of_it_is_no_one_battle() {
        assert_eq!(
            check(
                "the two leaders ordered their men to stop fighting on Monday",
                "fighting"
            )
            .as_deref(),
            Some("negation")
        );
        assert_eq!(
            check(
                "the town was quiet after weeks of fighting between the militias",
                "fighting"
            )
            .as_deref(),
            Some("aggregate")
        );
        // weeks of talks or strikes are told as one event of that type
        assert_eq!(
            check("the deal came after weeks of talks in Doha", "talks"),
            None
        );
    }

    #[test]
    fn talks_that_something_befalls_are_a_reference() {
        assert_eq!(
            check(
                "the kidnapping strained the government's peace talks with the rebels",
                "talks"
            )
            .as_deref(),
            Some("reference")
        );
    }

    #[test]
    fn a_cue_qualifying_another_noun_after_the_trigger_is_no_modality() {
        assert_eq!(
            check(
                "students staged a protest against the junta's planned election",
                "protest"
            ),
            None
        );
        assert_eq!(
            check("talks planned for next week", "talks").as_deref(),
            Some("future")
        );
        assert_eq!(
            check(
                "The remaining detainees are to be exchanged on Thursday",
                "exchanged"
            )
            .as_deref(),
            Some("future")
        );
    }

    #[test]
    fn beliefs_are_hypothetical() {
        assert_eq!(
            check(
                "The brothers are believed to have taken over the town in 2016",
                "taken"
            )
            .as_deref(),
            Some("hypothetical")
        );
    }

    #[test]
    fn counts_and_spans_after_the_trigger_are_aggregates() {
        assert_eq!(
            check(
                "The rebels waged a campaign across the north, seizing dozens of districts",
                "seizing"
            )
            .as_deref(),
            Some("aggregate")
        );
        assert_eq!(
            check("a province where foreign troops fought for years", "fought").as_deref(),
            Some("aggregate")
        );
        // people killed in numbers are one attack's toll
        assert_eq!(
            check("Gunmen attacked dozens of villagers on Monday", "attacked"),
            None
        );
    }

    #[test]
    fn a_since_clause_blocks_only_after_a_landmark() {
        // the landmark word itself is still an event
        assert_eq!(
            check(
                "Rebels seized the first town since troops began their withdrawal",
                "seized"
            ),
            None
        );
        // a plain "since" clause without "first"/superlative is left to the date rules
        assert_eq!(
            check(
                "Fighting has raged since rebels launched an offensive in May",
                "offensive"
            ),
            None
        );
        assert_eq!(
            check(
                "Gunmen killed 30 people, the worst attack since the army withdrew",
                "withdrew"
            )
            .as_deref(),
            Some("since")
        );
    }
    fn check_with_modifiers(sentence: &str, trigger: &str, actor_words: &[&str]) -> Option<String> {
        let dir = crate::default_gazetteer_dir();
        let m = ModalityLexicon::load(&dir.join("modality.tsv")).unwrap();
        let folded: Vec<String> = sentence.split_whitespace().map(crate::text::fold).collect();
        let words: Vec<&str> = folded.iter().map(String::as_str).collect();
        let t = words.iter().position(|w| *w == trigger).unwrap();
        m.unrealised_with(
            &words,
            t,
            t,
            (0, words.len()),
            false,
            WordsOf {
                modifier: &|i| !actor_words.contains(&words[i]),
                in_time: &|_| false,
                count: &|i| {
                    words[i].starts_with(|c: char| c.is_ascii_digit()) || words[i] == "some"
                },
            },
        )
        .map(str::to_string)
    }

    #[test]
    fn a_count_reaches_across_modifiers_but_not_across_an_actor() {
        assert_eq!(
            check_with_modifiers(
                "Four months of street fighting ruined the city",
                "fighting",
                &[]
            )
            .as_deref(),
            Some("aggregate")
        );
        assert_eq!(
            check_with_modifiers(
                "Dozens of gunmen attacked the village",
                "attacked",
                &["gunmen"]
            ),
            None
        );
    }

    #[test]
    fn cues_after_a_trigger_are_looked_for_past_its_count() {
        // "since" is the fourth word after "killed", the first past the count
        assert_eq!(
            check_with_modifiers(
                "the war which has killed some 13,000 people since 2014",
                "killed",
                &[]
            )
            .as_deref(),
            Some("aggregate")
        );
        // without a count, the fourth word after the trigger is out of reach
        assert_eq!(
            check_with_modifiers(
                "gunmen killed the village chief there since nobody paid",
                "killed",
                &[]
            ),
            None
        );
    }

    #[test]
    fn to_before_a_verb_is_a_purpose_unless_the_verb_before_makes_it_happen() {
        assert_eq!(
            check("the collapse of its campaign to seize the capital", "seize").as_deref(),
            Some("purpose")
        );
        assert_eq!(
            check("the rebels managed to capture the town", "capture"),
            None
        );
        assert_eq!(
            check("the first capital to fall to the rebels", "fall"),
            None
        );
        assert_eq!(
            check("the arrest led to clashes in the city", "clashes"),
            None
        );
    }

    #[test]
    fn talks_suspended_or_broken_off_are_no_meeting() {
        assert_eq!(
            check(
                "the president suspended peace talks with the rebels",
                "peace"
            )
            .as_deref(),
            Some("reference")
        );
        assert_eq!(
            check(
                "the government broke off negotiations in May",
                "negotiations"
            )
            .as_deref(),
            Some("reference")
        );
        assert_eq!(check("the two sides held talks in Doha", "talks"), None);
    }

    #[test]
    fn since_before_a_gerund_is_a_preposition() {
        assert_eq!(
            check(
                "the rebels have pushed south since seizing the port in February",
                "seizing"
            ),
            None
        );
    }

    #[test]
    fn since_right_before_the_verb_leaves_it_undated() {
        assert_eq!(
            check(
                "the alliance says it has since taken several towns",
                "taken"
            )
            .as_deref(),
            Some("undated")
        );
    }
}
