//! Modality: threats, plans, calls, denials, conditionals, questions, future and negation keep a
//! trigger from becoming an event (`gazetteer/modality.tsv`).

use super::lexicon::Phrase;
use crate::{Error, Result};
use std::path::Path;

#[derive(Debug, Clone)]
struct Cue {
    phrase: Phrase,
    after: bool,
    /// Only right before the trigger ("scores of attacks").
    adjacent: bool,
    kind: String,
}

/// The modality cues.
pub struct ModalityLexicon {
    cues: Vec<Cue>,
}

/// Words examined before a trigger.
const BEFORE: usize = 8;
/// Words examined after a trigger.
const AFTER: usize = 3;

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
            let (after, adjacent) = match cols.get(1) {
                Some(&"before") => (false, false),
                Some(&"after") => (true, false),
                Some(&"adjacent") => (false, true),
                _ => {
                    return Err(Error::gazetteer(
                        path,
                        format!(
                            "line {}: expected cue<TAB>before|after|adjacent<TAB>kind",
                            i + 1
                        ),
                    ))
                }
            };
            cues.push(Cue {
                phrase: Phrase::parse(cols[0]),
                after,
                adjacent,
                kind: cols.get(2).unwrap_or(&"unrealised").to_string(),
            });
        }
        Ok(ModalityLexicon { cues })
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
        if question {
            return Some("question");
        }
        let lo = first.saturating_sub(BEFORE).max(clause_start);
        let hi = (last + 1 + AFTER).min(clause_end).min(words.len());
        for cue in &self.cues {
            if cue.adjacent {
                let lo = first
                    .saturating_sub(cue.phrase.words.len())
                    .max(clause_start);
                if (lo..first).any(|i| cue.phrase.match_at(words, i) == Some(first - 1)) {
                    return Some(&cue.kind);
                }
                continue;
            }
            let range = if cue.after { last + 1..hi } else { lo..first };
            for i in range.clone() {
                if let Some(end) = cue.phrase.match_at(words, i) {
                    if end < range.end || (cue.after && end < hi) {
                        return Some(&cue.kind);
                    }
                }
            }
        }
        None
    }
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
    }
}
