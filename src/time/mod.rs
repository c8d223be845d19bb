//! Time stage: a rule-based temporal tagger (TIMEX3 values) and date resolution.
//!
//! How it works:
//! 1. **Scan**: the trigger words of `gazetteer/time_lexicon.tsv` (months, weekdays, units,
//!    deictics, seasons...; ASCII case-insensitive, leftmost-longest) at word starts, found by a
//!    trie walked only from the starts of words (`scan`; an Aho-Corasick pass over every byte
//!    where a pattern such as "a.m." occurs from inside a word), plus a byte scan for
//!    four-digit numbers, gives candidate positions.
//! 2. **Parse**: around each candidate a small window is tokenized and [`rules`] grows the
//!    expression left and right ("late last month", "July 7, 2021", "three days later") using
//!    the lexicon classes, giving its meaning ([`rules::Sem`]).
//! 3. **Resolve**: relative meanings are resolved against the publication date (DCT) or, for
//!    "the next day" / "three days later" / "a year earlier", against the last date mentioned
//!    (anchor `Previous`). Weekdays, months and weekends without a year take the tense of their
//!    clause: the most recent on or before the DCT in past-tense reporting, the next one when
//!    the clause has a future cue (lexicon class `future`: "will", "scheduled"...). A time
//!    fronted before its clause ("On Tuesday, the league plans to ...") takes the tense of the
//!    verb after the comma; a date with no cue of its own after one resolved forwards in the
//!    same sentence is future too; a future auxiliary heading a long clause ("is scheduled
//!    to spend ..., her first stop Tuesday morning") governs its last date. The day after
//!    "ended" in a sentence with no future cue has passed ("the quarter ended Oct. 31"); an
//!    apposition after an anaphoric time takes its year ("the year-ago quarter, the second
//!    quarter").
//!
//! Without a DCT, absolute dates still resolve; DCT-relative ones get an `XXXX` value and no
//! date; previous-anchored ones resolve when an earlier absolute date exists.

mod calendar;
mod lexicon;
mod rules;
mod scan;
pub mod timeml;

pub use calendar::Val;
pub use lexicon::{Class, Lexicon};

use crate::model::{Anchor, EventDate, Span, TimeMention, TimePrecision, TimexType};
use crate::{Error, Result};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use calendar::{weekday_after, weekday_before, weekday_from};
use chrono::{Datelike, Duration as Dur, NaiveDate};
use rules::{Ctx, Kind, Parsed, Sem, Tok};
use std::path::Path;

/// File name of the lexicon inside the gazetteer directory.
pub const LEXICON_FILE: &str = "time_lexicon.tsv";

/// Bytes of context tokenized around a candidate.
const WINDOW_BACK: usize = 100;
const WINDOW_FWD: usize = 100;

/// The temporal tagger, with its lexicon loaded from the gazetteer directory.
pub struct TimeTagger {
    lex: Lexicon,
    ac: AhoCorasick,
    /// The same search at word starts only, the fast path of [`Self::candidates`].
    scan: scan::TriggerScan,
    /// Per trigger pattern: only a capitalised occurrence can start an expression (months,
    /// weekdays).
    needs_cap: Vec<bool>,
}

impl TimeTagger {
    pub fn load(dir: &Path) -> Result<TimeTagger> {
        let lex = Lexicon::load(&dir.join(LEXICON_FILE))?;
        TimeTagger::from_lexicon(lex)
    }

    /// Builds a tagger from an already parsed lexicon.
    pub fn from_lexicon(lex: Lexicon) -> Result<TimeTagger> {
        let words = lex.trigger_words();
        let needs_cap = words
            .iter()
            .map(|w| {
                lex.get(w).iter().all(|e| {
                    matches!(e.class, Class::Month | Class::Weekday | Class::Holiday)
                        || !e.class.is_trigger()
                })
            })
            .collect();
        // a DFA whatever the number of trigger words (the automatic choice falls back to a
        // slower NFA past about a hundred patterns)
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .map_err(|e| Error::Other(format!("time lexicon automaton: {e}")))?;
        let scan = scan::TriggerScan::new(&words);
        Ok(TimeTagger {
            lex,
            ac,
            scan,
            needs_cap,
        })
    }

    /// Candidate start positions: trigger words on word boundaries and four-digit numbers.
    fn candidates(&self, text: &str) -> Vec<usize> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let keep = |s: usize, e: usize, pid: usize| {
            !(s > 0 && b[s - 1].is_ascii_alphanumeric()
                || e < b.len() && b[e].is_ascii_alphanumeric()
                || self.needs_cap[pid] && !b[s].is_ascii_uppercase())
        };
        // (speed) the matches at word starts alone, where that gives the same
        match self.scan.word_start_matches(b) {
            Some(ms) => out.extend(
                ms.into_iter()
                    .filter(|&(s, e, pid)| keep(s, e, pid))
                    .map(|m| m.0),
            ),
            None => out.extend(
                self.ac
                    .find_iter(text)
                    .filter(|m| keep(m.start(), m.end(), m.pattern().as_usize()))
                    .map(|m| m.start()),
            ),
        }
        let mut i = 0;
        while i < b.len() {
            if b[i].is_ascii_digit() {
                let s = i;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                let free = s == 0 || !b[s - 1].is_ascii_alphanumeric();
                let n = i - s;
                let rest = &b[i..b.len().min(i + 5)];
                let bc = rest.starts_with(b" BC") || rest.starts_with(b" B.C");
                let range_end = n == 2
                    && s >= 5
                    && b[s - 1] == b'-'
                    && b[s - 5..s - 1].iter().all(u8::is_ascii_digit);
                // "19:15": a 24-hour clock time (the rules decide from the words around it)
                let clock = n <= 2
                    && b.get(i) == Some(&b':')
                    && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                    && b.get(i + 2).is_some_and(u8::is_ascii_digit)
                    && !b.get(i + 3).is_some_and(u8::is_ascii_digit);
                if free && (n == 4 || (n <= 4 && bc) || range_end || clock) {
                    out.push(s);
                }
            } else {
                // (speed) to the next digit, sixteen bytes at a time
                i = crate::text::next_digit(b, i + 1);
            }
        }
        out.sort_unstable();
        out
    }

    /// Tags every time expression in `text` (byte spans, in text order), resolving relative ones
    /// against `dct` (publication date) or the previous date mentioned.
    pub fn tag(&self, text: &str, dct: Option<NaiveDate>) -> Vec<TimeMention> {
        self.tag_with(text, dct, false)
    }

    /// Like [`TimeTagger::tag`]; with `narrative`, the year of the last explicit date stays in
    /// force for later dates without a year (histories such as WikiWars, where `dct` is only a
    /// fallback). Without it (news) that happens only when there is no DCT.
    pub fn tag_with(
        &self,
        text: &str,
        dct: Option<NaiveDate>,
        narrative_mode: bool,
    ) -> Vec<TimeMention> {
        let mut out = Vec::new();
        // (speed: room for the tokens of a window, so that the list seldom grows)
        let mut toks: Vec<Tok> = Vec::with_capacity(WINDOW_BACK + WINDOW_FWD);
        // the window `toks` holds (none yet)
        let mut held = (0usize, 0usize);
        let mut last_end = 0usize;
        // the index in `out` of a clock time without a day of its own, told last
        let mut bare_clock: Option<usize> = None;
        let mut st = DocState {
            dct,
            last: None,
            narrative: None,
            narrative_mode,
            last_day: None,
            day_events: Vec::new(),
            reported_quarter: None,
            future_end: None,
            last_day_end: 0,
            last_end: 0,
            last_absolute: false,
            coarse_near: false,
            last_past_day: None,
            prev: None,
        };
        for p in self.candidates(text) {
            if p < last_end {
                continue;
            }
            let lo = floor_boundary(text, p.saturating_sub(WINDOW_BACK));
            let hi = ceil_boundary(text, (p + WINDOW_FWD).min(text.len()));
            rules::tokenize_window(text, lo, hi, &mut toks, &mut held);
            let Ok(i) = toks.binary_search_by(|t| t.s.cmp(&p)) else {
                continue;
            };
            let min = toks.partition_point(|t| t.s < last_end);
            let ctx = Ctx {
                text,
                toks: &toks,
                lex: &self.lex,
                min,
            };
            let Some(parsed) = ctx.parse(i) else {
                continue;
            };
            let parsed = match ctx.extent(parsed) {
                // TimeML (news) marks the day alone in "the night of Oct. 23"; TIMEX2
                // (histories) takes the part of the day in
                Parsed {
                    sem: Sem::PartOf { day, from, .. },
                    b,
                    ..
                } if !narrative_mode => Parsed {
                    a: from,
                    b,
                    sem: *day,
                },
                p => p,
            };
            if parsed.b <= parsed.a || parsed.b > toks.len() {
                continue;
            }
            // a history's bare "on the second day" is of some event told loosely (TIMEX2 leaves
            // it unresolved), and "the first day of the war" after a month is the war's start:
            // only "the fifth day of the rebellion" right after a day is kept there
            if narrative_mode
                && parsed.sem == (Sem::PrevOffset { unit: "D", n: 0 })
                && parsed.b == parsed.a + 3
                && ctx.lex.entry(ctx.w(parsed.a + 1), Class::Ordinal).is_some()
                && (!ctx.w(parsed.b).eq_ignore_ascii_case("of")
                    || st.last.as_ref().and_then(Val::gran) != Some(calendar::Gran::Day))
            {
                continue;
            }
            let span = Span::new(toks[parsed.a].s, toks[parsed.b - 1].e);
            if parsed.sem == Sem::Age || in_title(&ctx, &parsed) {
                last_end = span.end;
                continue;
            }
            if !narrative_mode && dct.is_some() {
                // news: dates without a year go by the DCT and tense (background years such
                // as "since 1980. In September..." do not carry over)
                st.narrative = None;
            }
            let m = self.resolve(&ctx, &parsed, span, &mut st);
            last_end = span.end;
            // "at about 1 a.m. on Friday", "10:35 a.m. (0735 GMT) Friday": a bare clock time
            // right before a day is on that day, not on the day told before
            if let Some(k) = bare_clock.take() {
                clock_on_next_day(text, &mut out[k], &m);
            }
            if matches!(parsed.sem, Sem::Clock { day: None, .. }) {
                bare_clock = Some(out.len());
            }
            // "April 24 and 25": the second day of a pair is a date of its own
            let pair = match (&parsed.sem, m.date) {
                (Sem::Abs { d: Some(d0), .. }, Some(ed))
                    if ed.precision == crate::model::TimePrecision::Day =>
                {
                    self.second_day(text, span.end, *d0)
                        .map(|p| (p, ed.date, *d0))
                }
                _ => None,
            };
            let mut m = m;
            let mut second = None;
            if let Some(((s2, e2, d2, year), first, d0)) = pair {
                // "July 7 and 8, 2020": the year after the pair is both days'
                let (y, anchor) = match year {
                    Some(y) => (y, Anchor::None),
                    None => (first.year(), m.anchor),
                };
                if let (Some(a), Some(b)) = (
                    NaiveDate::from_ymd_opt(y, first.month(), d0),
                    NaiveDate::from_ymd_opt(y, first.month(), d2),
                ) {
                    let (va, vb) = (Val::Day(a, None), Val::Day(b, None));
                    m.value = va.value();
                    m.date = va.event_date();
                    m.anchor = anchor;
                    // the later day is the date in force
                    st.last = Some(vb.clone());
                    st.last_end = e2;
                    st.last_absolute = anchor == Anchor::None;
                    st.last_day = Some(vb.clone());
                    st.last_day_end = e2;
                    if year.is_some() {
                        st.narrative = Some((y, first.month()));
                    }
                    second = Some((s2, e2, vb, anchor));
                }
            }
            out.push(m);
            if let Some((s2, e2, val, anchor)) = second {
                out.push(TimeMention {
                    span: Span::new(s2, e2),
                    text: text[s2..e2].to_string(),
                    timex_type: TimexType::Date,
                    value: val.value(),
                    date: val.event_date(),
                    anchor,
                });
                last_end = e2;
            }
        }
        out
    }

    /// After a date ending at `end`: " and 25" / " or 25" ending the phrase (punctuation or a
    /// preposition next), a later day of the same month: (start, end, day).
    #[allow(clippy::type_complexity)]
    fn second_day(
        &self,
        text: &str,
        end: usize,
        d0: u32,
    ) -> Option<(usize, usize, u32, Option<i32>)> {
        let b = text.as_bytes();
        let skip = |mut i: usize| {
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            i
        };
        let i = skip(end);
        let w_end = i + b[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let conj = &text[i..w_end];
        if !(conj == "and" || conj == "or") || w_end == i {
            return None;
        }
        let s2 = skip(w_end);
        if s2 == w_end {
            return None;
        }
        let e2 = s2 + b[s2..].iter().take_while(|c| c.is_ascii_digit()).count();
        if e2 == s2 || e2 - s2 > 2 {
            return None;
        }
        let d2: u32 = text[s2..e2].parse().ok()?;
        if d2 <= d0 || d2 > 31 {
            return None;
        }
        let after = skip(e2);
        // a year after the pair: ", 2020" or " 2020"
        let y_at = if b.get(after) == Some(&b',') {
            skip(after + 1)
        } else {
            after
        };
        let y_end = y_at
            + b[y_at.min(b.len())..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
        if y_end == y_at + 4 && b.get(y_end).is_none_or(|c| !c.is_ascii_alphanumeric()) {
            let y: i32 = text[y_at..y_end].parse().ok()?;
            return (1000..=2099)
                .contains(&y)
                .then_some((s2, y_end, d2, Some(y)));
        }
        let ok = match b.get(after) {
            None => true,
            Some(c) if after == e2 && c.is_ascii_alphanumeric() => false,
            Some(c) if c.is_ascii_alphabetic() => {
                let w = &text[after
                    ..after
                        + b[after..]
                            .iter()
                            .take_while(|c| c.is_ascii_alphabetic())
                            .count()];
                self.lex.entry(w, Class::Prep).is_some() && self.lex.entry(w, Class::Unit).is_none()
            }
            Some(c) => !c.is_ascii_digit() && !matches!(c, b'%' | b'$' | b'-'),
        };
        ok.then_some((s2, e2, d2, None))
    }

    /// Whether the sentence before byte `end` names a period of several months other than a
    /// quarter: "the nine months", "the first six months", "the first half" (a number above
    /// three, or an ordinal, before a month unit; "half" after an ordinal).
    fn longer_period_before(&self, text: &str, end: usize) -> bool {
        let b = text.as_bytes();
        let mut start = end;
        while start > 0 && end - start < 400 {
            let c = b[start - 1];
            if c == b'\n'
                || (c == b'.' && b.get(start).is_some_and(|&n| n == b' ') && {
                    // a sentence end: not after an abbreviation or a number ("Sept.", "Corp.")
                    let w = text[..start - 1]
                        .rsplit(|ch: char| !ch.is_ascii_alphanumeric())
                        .next()
                        .unwrap_or("");
                    !(w.len() <= 4 && w.as_bytes().first().is_some_and(u8::is_ascii_uppercase))
                })
            {
                break;
            }
            start -= 1;
        }
        let start = ceil_boundary(text, start);
        let words: Vec<&str> = text[start..end]
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        words.windows(2).any(|p| {
            let (w0, w1) = (p[0], p[1]);
            let unit = self.lex.entry(w1, Class::Unit);
            let months = unit.is_some_and(|e| e.value == "M");
            let half = w1.eq_ignore_ascii_case("half");
            let number = self
                .lex
                .entry(w0, Class::Number)
                .and_then(|e| e.num)
                .or_else(|| w0.parse::<i64>().ok());
            let ordinal = self.lex.entry(w0, Class::Ordinal).is_some();
            (months && number.is_some_and(|n| n > 3 && n < 12)) || (half && ordinal)
        })
    }

    fn resolve(&self, ctx: &Ctx, parsed: &Parsed, span: Span, st: &mut DocState) -> TimeMention {
        // "Wednesday's ruling": a weekday naming an event by its day is, in news, a day
        // passed, whatever the tense of the clause around the noun ("would appeal
        // Wednesday's ruling")
        let possessive = matches!(parsed.sem, Sem::Weekday { rel: None, .. })
            && parsed.b + 1 < ctx.toks.len()
            && ctx.toks[parsed.b].s == ctx.toks[parsed.b - 1].e
            && matches!(ctx.w(parsed.b), "'" | "’")
            && ctx.w(parsed.b + 1) == "s";
        // a date without a cue of its own after one resolved forwards in the same sentence
        // shares its future ("flights would leave on Monday from March 30, with the third
        // departing from August 6")
        let future_before = st.future_end.filter(|&e| {
            e <= span.start && !ctx.text[e..span.start].contains(['.', '!', '?', ';', '\n'])
        });
        let told = std::cell::Cell::new(None);
        let tense_of = || {
            if let Some(t) = told.get() {
                return t;
            }
            let t = if possessive {
                Tense::Past
            } else {
                match tense(ctx, parsed.a, parsed.b) {
                    Tense::Unknown if future_before.is_some() => Tense::Future,
                    t => t,
                }
            };
            told.set(Some(t));
            t
        };
        st.coarse_near = st.last_absolute
            && st.last_end <= span.start
            && st.sentence_ends_between(ctx.text, st.last_end, span.start, 1) == 0
            && !st.day_told_near(ctx.text, span.start);
        let (val, anchor, ttype) = match year_ago_period_in_force(ctx, parsed, st)
            .map(|v| (v, Anchor::Previous))
            .or_else(|| quarter_ended(ctx, parsed, st.dct).map(|v| (v, Anchor::Dct)))
            .or_else(|| last_year_figure(ctx, parsed, st).map(|v| (v, Anchor::Previous)))
        {
            Some((v, a)) => (v, a, TimexType::Date),
            None => resolve_sem(
                &parsed.sem,
                st.dct,
                &tense_of,
                match parsed.sem {
                    Sem::PartOfDay { near: true, .. }
                        if !st.day_told_near(ctx.text, span.start)
                            && !st.story_day_before_weekend(ctx.text, span.start) =>
                    {
                        None
                    }
                    // a clock time told after the very words of an earlier day's event
                    Sem::Clock { day: None, .. } => event_words(ctx.text, span.start)
                        .and_then(|w| {
                            st.day_events
                                .iter()
                                .rev()
                                .find(|(k, _)| *k == w)
                                .map(|(_, v)| v)
                        })
                        .or_else(|| st.anchor_for(&parsed.sem)),
                    _ => st.anchor_for(&parsed.sem),
                },
                st.narrative,
            ),
        };
        // "left their camp on Oct. 31, ahead of the Dec. 31 deadline ... The rebels occupied
        // the camp the same day": a day offset in a past-tense clause counts from the last day
        // told that has passed, not from a coming one
        let (val, anchor, ttype) = match (&parsed.sem, &val, st.dct, &st.last_past_day) {
            (Sem::PrevOffset { unit: "D", .. }, Val::Day(..), Some(r), Some(past))
                if anchor == Anchor::Previous
                    && !st.narrative_mode
                    && val.first_day().is_some_and(|d| d > r)
                    && tense_of() == Tense::Past =>
            {
                let past = past.clone();
                resolve_sem(&parsed.sem, st.dct, &tense_of, Some(&past), st.narrative)
            }
            _ => (val, anchor, ttype),
        };
        // "the second quarter ended Oct. 31", "the fiscal year ended March 31": the end of a
        // period reported has passed, even a few days after the DCT (as the quarter's own year
        // in [`quarter_ended`]), where a past clause otherwise keeps the DCT's year for a date
        // set ahead. Only "ended": after other past forms the day is often an object or a
        // passive plan ("named 7 June as the day", "to be completed March 13", "the date was
        // June 12"), which a 36,922-article corpus showed moved wrongly
        let (val, anchor, ttype) = match (&parsed.sem, &val, st.dct) {
            (
                Sem::Abs {
                    y: None,
                    d: Some(_),
                    rel: None,
                    yrel: None,
                    ..
                },
                Val::Day(day, None),
                Some(r),
            ) if anchor == Anchor::Dct
                && *day > r
                && !st.narrative_mode
                && parsed.a > 0
                && ctx.toks[parsed.a - 1].kind == Kind::Word
                && ctx.w(parsed.a - 1) == "ended"
                && !future_cue_earlier_in_sentence(ctx, parsed.a) =>
            {
                match day.with_year(day.year() - 1) {
                    Some(d1) => (Val::Day(d1, None), anchor, ttype),
                    None => (val, anchor, ttype),
                }
            }
            _ => (val, anchor, ttype),
        };
        // an apposition names the time an anaphoric expression before it refers to: "in the
        // comparable year-ago quarter, the second quarter ended Oct. 31", "the next day, May
        // 30" (only a comma between) take its year. Not after an absolute or DCT-relative
        // time: a list ("in December, January and February"), a fronted phrase ("Before
        // 1991, Nov. 7 was a holiday") or "last year, 24 June" are no appositions
        let appositive = matches!(
            parsed.sem,
            Sem::Quarter {
                y: None,
                yrel: None,
                q: 1..=4
            } | Sem::Abs {
                y: None,
                rel: None,
                yrel: None,
                ..
            }
        );
        let val = match (st.prev, val.year()) {
            (Some((e, y0)), Some(y))
                if appositive && y != y0 && e <= span.start && {
                    ctx.text[e..span.start].trim() == ","
                } =>
            {
                match val {
                    Val::Quarter(_, q) => Val::Quarter(y0, q),
                    Val::Month(_, m) => Val::Month(y0, m),
                    Val::Day(d, p) => d.with_year(y0).map_or(Val::Day(d, p), |d| Val::Day(d, p)),
                    v => v,
                }
            }
            _ => val,
        };
        match told.get() {
            Some(Tense::Future) => st.future_end = Some(span.end),
            Some(Tense::Past) => st.future_end = None,
            _ => {}
        }
        // "This quarter's loss includes charges" in a report on a quarter already ended: the
        // quarter reported, not the one the report appears in (unless the clause looks ahead)
        let val = match (&parsed.sem, &st.reported_quarter, st.dct) {
            (
                Sem::RelUnit { unit: "Q", n: 0 } | Sem::Ago { unit: "Q", n: 0 },
                Some(q @ Val::Quarter(..)),
                Some(r),
            ) if ctx.w(parsed.a).eq_ignore_ascii_case("this")
                && !st.narrative_mode
                && q.first_day().is_some_and(|d| (r - d).num_days() < 183)
                && val
                    .first_day()
                    .is_some_and(|d| d > q.first_day().unwrap_or(d))
                && tense_of() != Tense::Future =>
            {
                q.clone()
            }
            _ => val,
        };
        // "for the nine months, ... compared with ... a year earlier": the comparison is with
        // the longer period the sentence is about, not the quarter reported, so only its year
        let val = match val {
            Val::Quarter(y, _)
                if matches!(
                    parsed.sem,
                    Sem::Ago { unit: "Y", .. }
                        | Sem::PrevOffset { unit: "Y", .. }
                        | Sem::Quarter {
                            y: Some(_),
                            q: 0,
                            ..
                        }
                ) && self.longer_period_before(ctx.text, span.start) =>
            {
                Val::Year(y)
            }
            v => v,
        };
        // year offsets ("a year ago", "a year earlier") compare with the period in force rather
        // than move it
        let year_offset = matches!(
            parsed.sem,
            Sem::Ago { unit: "Y", .. }
                | Sem::PrevOffset { unit: "Y", .. }
                | Sem::Quarter {
                    yrel: Some(_),
                    q: 0,
                    ..
                }
        );
        if ttype == TimexType::Date || ttype == TimexType::Time {
            st.prev = val
                .year()
                .filter(|_| anchor == Anchor::Previous || year_offset)
                .map(|y| (span.end, y));
        }
        if (ttype == TimexType::Date || ttype == TimexType::Time)
            && val.gran().is_some()
            && !year_offset
        {
            st.last = Some(val.clone());
            st.last_end = span.end;
            st.last_absolute = anchor == Anchor::None;
            if val.gran() == Some(calendar::Gran::Day) {
                st.last_day = Some(val.clone());
                st.last_day_end = span.end;
                if let Some(w) = event_words(ctx.text, span.start) {
                    st.day_events.push((w, val.clone()));
                }
                if st
                    .dct
                    .is_some_and(|r| val.first_day().is_some_and(|d| d <= r))
                {
                    st.last_past_day = Some(val.clone());
                }
            }
            // the period a report is about is the first quarter it names (its lede), not a
            // comparison ("the 1988 period"), an aside ("after a flat second quarter") nor an
            // outlook after the DCT ("next year's first quarter")
            let comparison = matches!(parsed.sem, Sem::Quarter { q: 0, .. });
            let outlook = st
                .dct
                .is_some_and(|r| val.first_day().is_some_and(|d| d > r));
            if matches!(val, Val::Quarter(..))
                && !comparison
                && !outlook
                && st.reported_quarter.is_none()
            {
                st.reported_quarter = Some(val.clone());
            }
            // the year of an explicit date stays in force for later month/day mentions until
            // a DCT-relative expression takes over
            match anchor {
                // in news only a full date ("August 8, 2021" in a dateline) sets the year of
                // later dates, not a background year ("overran in 2015")
                // a history's aside to another era ("the largest battle since 1813",
                // "documents found in 2004") leaves the year of the account in force: a bare
                // year over a decade before it (or a generation after it) does not set it
                // nor does a year in a clause about plans ("a campaign planned for 1976"
                // told on 10 March 1975)
                Anchor::None
                    if st.narrative_mode
                        && matches!(val, Val::Year(..))
                        && st.narrative.is_some_and(|(y0, _)| {
                            val.first_day()
                                .is_some_and(|d| d.year() < y0 - 10 || d.year() > y0 + 30)
                                || tense(ctx, parsed.a, parsed.b) == Tense::Future
                        }) => {}
                Anchor::None | Anchor::Previous
                    if st.narrative_mode || matches!(val, Val::Day(..) | Val::DayTime(..)) =>
                {
                    let month = match val {
                        Val::Day(..) | Val::DayTime(..) | Val::Month(..) => {
                            val.first_day().map_or(0, |d| d.month())
                        }
                        _ => 0,
                    };
                    st.narrative = val.first_day().map(|d| (d.year(), month));
                }
                Anchor::Dct if !st.narrative_mode => st.narrative = None,
                _ => {}
            }
        }
        let date = match ttype {
            TimexType::Date | TimexType::Time => val.event_date(),
            _ => None,
        };
        // "a week ago", "two weeks ago": the week, told by the day that many weeks before the
        // DCT (the likeliest day of it) rather than by its Monday
        let date = match (&parsed.sem, anchor, st.dct, date) {
            (Sem::Ago { unit: "W", n }, Anchor::Dct, Some(r), Some(d))
                if d.precision == TimePrecision::Week && *n < 0 =>
            {
                Some(EventDate {
                    date: r + Dur::weeks(*n),
                    ..d
                })
            }
            // "a year ago": the DCT's month a year before (the value stays the year, as
            // TimeML writes it; an event told so is dated to that month)
            (Sem::Ago { unit: "Y", n: -1 }, Anchor::Dct, Some(r), Some(d))
                if d.precision == TimePrecision::Year =>
            {
                NaiveDate::from_ymd_opt(r.year() - 1, r.month(), 1)
                    .map(|date| EventDate {
                        date,
                        precision: TimePrecision::Month,
                    })
                    .or(Some(d))
            }
            _ => date,
        };
        // "early May", "the end of March": a month told by its part is dated by a day of that
        // part (5th, 15th, 25th), the precision staying the month, so that the date an export
        // carries lies in the part the text names
        // (the part is the lexicon's `mod` word that opens the span: "early", "mid", "late",
        // "the beginning / middle / end of"; not a comparative, "earlier this month", which
        // measures back from the DCT and may fall before the 5th)
        let part = (parsed.a..(parsed.a + 2).min(parsed.b))
            .find_map(|i| {
                let w = &ctx.text[ctx.toks[i].s..ctx.toks[i].e];
                ctx.cls(i, Class::Mod).filter(|_| !w.ends_with("er"))
            })
            .map(|e| e.value.as_str());
        let date = date.map(|d| part_of_month(part, d));
        TimeMention {
            span,
            text: ctx.text[span.start..span.end].to_string(),
            timex_type: ttype,
            value: val.value(),
            date,
            anchor: if date.is_some() { anchor } else { Anchor::None },
        }
    }
}

/// The three words told right before an expression starting at `start`, in its sentence,
/// lower-cased, prepositions and "last" before the expression left out ("he was shot to
/// death last Oct. 23": "shot to death"), when one of them is a word of four letters or more:
/// what names the event the date is of.
fn event_words(text: &str, start: usize) -> Option<[String; 3]> {
    const BEFORE: [&str; 12] = [
        "at", "on", "last", "by", "around", "about", "until", "after", "before", "since", "in",
        "from",
    ];
    let lo = floor_boundary(text, start.saturating_sub(80));
    let head = text.get(lo..start)?;
    let head = head
        .rfind(['!', '?', ';', '\n', '"'])
        .map_or(head, |k| &head[k + 1..]);
    let head = head.rfind(". ").map_or(head, |k| &head[k + 2..]);
    // the words from the last one back, those of `BEFORE` at the end left out, and only the
    // three kept lower-cased (no word lower-cases to one of `BEFORE` unless it is one ignoring
    // ASCII case: the only non-ASCII capital with an ASCII lower case is the Kelvin sign)
    let mut words = head
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip_while(|w| BEFORE.iter().any(|b| w.eq_ignore_ascii_case(b)));
    let (c, b, a) = (words.next()?, words.next()?, words.next()?);
    let kept = [a, b, c].map(str::to_lowercase);
    if kept.iter().all(|w| w.chars().count() < 4) {
        return None;
    }
    Some(kept)
}

/// A month-precision date moved to the day that stands for the part of the month the
/// expression names (TIMEX3 mod `START` the 5th, `MID` the 15th, `END` the 25th); other
/// dates as they are.
fn part_of_month(part: Option<&str>, d: EventDate) -> EventDate {
    if d.precision != TimePrecision::Month {
        return d;
    }
    let day = match part {
        Some("START") => 5,
        Some("MID") => 15,
        Some("END") => 25,
        _ => return d,
    };
    EventDate {
        date: d.date.with_day(day).unwrap_or(d.date),
        ..d
    }
}

/// Whether a future cue (lexicon class `future`: "will", "expects", "expected"...) comes
/// before token `a` in its sentence ("will take charges in the quarter ended March 31"). The
/// text is read back to the sentence's start (at most 400 bytes), past the token window.
fn future_cue_earlier_in_sentence(ctx: &Ctx, a: usize) -> bool {
    let end = ctx.toks[a].s;
    let lo = floor_boundary(ctx.text, end.saturating_sub(400));
    let before = &ctx.text[lo..end];
    let start = before
        .rfind(['!', '?', ';', '\n'])
        .map_or(0, |i| i + 1)
        .max(before.rfind(". ").map_or(0, |i| i + 2));
    before[start..]
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| !w.is_empty() && ctx.lex.entry(w, Class::Future).is_some())
}

/// The adjectival "year-ago" / "year-earlier" ("the year-earlier results") in news compares
/// with the period reported; when the period in force already lies in a year before the DCT's
/// ("Last year, net was ... The year-earlier results"), it is that period, not one more year
/// back.
fn year_ago_period_in_force(ctx: &Ctx, parsed: &Parsed, st: &DocState) -> Option<Val> {
    let adjectival = matches!(
        parsed.sem,
        Sem::Ago { unit: "Y", n: -1 } | Sem::PrevOffset { unit: "Y", n: -1 }
    ) && parsed.b == parsed.a + 3
        && ctx.w(parsed.a + 1) == "-";
    if !adjectival || st.narrative_mode {
        return None;
    }
    let dct = st.dct?;
    let last = st.anchor_for(&parsed.sem)?;
    let before = matches!(last, Val::Year(..) | Val::Quarter(..))
        && last.first_day().is_some_and(|d| d.year() < dct.year());
    before.then(|| last.clone())
}

/// "a loss of $3 million last year", "from last year's $1.55 billion" in a report on a
/// quarter of the DCT's year: the figure compared is the year-ago quarter's, not the year's.
fn last_year_figure(ctx: &Ctx, parsed: &Parsed, st: &DocState) -> Option<Val> {
    if st.narrative_mode || !matches!(parsed.sem, Sem::RelUnit { unit: "Y", n: -1 }) {
        return None;
    }
    let Some(Val::Quarter(y, q)) = st.reported_quarter else {
        return None;
    };
    if st.dct.is_none_or(|r| r.year() != y) {
        return None;
    }
    let (a, b) = (parsed.a, parsed.b);
    let after_amount = a > 0 && {
        let w = ctx.w(a - 1);
        ctx.lex
            .entry(w, Class::Magnitude)
            .is_some_and(|e| e.num.unwrap_or(0) >= 1000)
    };
    let before_amount = b + 2 < ctx.toks.len()
        && matches!(ctx.w(b), "'" | "’")
        && ctx.w(b + 1) == "s"
        && ctx.w(b + 2) == "$";
    (after_amount || before_amount).then_some(Val::Quarter(y - 1, q))
}

/// "the quarter ended July 31": the calendar quarter holding most of the three months that
/// ended on that day (a fiscal quarter May-July is the second), the day's year the latest
/// on or before the DCT's day.
fn quarter_ended(ctx: &Ctx, parsed: &Parsed, dct: Option<NaiveDate>) -> Option<Val> {
    if !matches!(parsed.sem, Sem::LatestQuarter { latest: false })
        || parsed.b + 1 >= ctx.toks.len()
        || !["ended", "ending"]
            .iter()
            .any(|w| ctx.w(parsed.b).eq_ignore_ascii_case(w))
    {
        return None;
    }
    let Sem::Abs {
        y, m, d: Some(d), ..
    } = ctx.parse(parsed.b + 1)?.sem
    else {
        return None;
    };
    let year = match (y, dct) {
        (Some(y), _) => y,
        (None, Some(r)) if (m, d) > (r.month(), r.day()) => r.year() - 1,
        (None, Some(r)) => r.year(),
        (None, None) => return None,
    };
    let mid = NaiveDate::from_ymd_opt(year, m, d)? - Dur::days(45);
    Some(Val::Quarter(mid.year(), (mid.month() - 1) / 3 + 1))
}

/// A capitalised deictic time inside a name or title ("ABC's \"This Week\"", "High Noon",
/// "VOA Today"): a unit, deictic, part of day or clock word written with a capital after the
/// expression's first token, or right after a capitalised word. Only deictic meanings are
/// concerned: named periods ("the Hundred Days", "the Six-Day War") are durations on purpose
/// (TIMEX2 annotates them), and so are holidays ("Election Day").
fn in_title(ctx: &Ctx, parsed: &Parsed) -> bool {
    if !matches!(
        parsed.sem,
        Sem::RelUnit { .. } | Sem::Deictic { .. } | Sem::Clock { .. }
    ) {
        return false;
    }
    let titled = |k: usize| {
        let w = ctx.w(k);
        let b = w.as_bytes();
        ctx.toks[k].kind == Kind::Word
            && b.len() > 1
            && b[0].is_ascii_uppercase()
            && b[1..].iter().any(u8::is_ascii_lowercase)
    };
    let time_noun = |k: usize| {
        let w = ctx.w(k);
        [Class::Unit, Class::Deictic, Class::PartDay, Class::Clock]
            .iter()
            .any(|&c| ctx.lex.entry(w, c).is_some())
    };
    (parsed.a..parsed.b).any(|k| {
        if !titled(k) || !time_noun(k) {
            return false;
        }
        if k > parsed.a {
            return true;
        }
        // right after a capitalised word or an all-caps name on the same line
        k > 0
            && ctx.toks[k - 1].kind == Kind::Word
            && ctx.w(k - 1).as_bytes()[0].is_ascii_uppercase()
            && !ctx.text[ctx.toks[k - 1].e..ctx.toks[k].s].contains('\n')
    })
}

/// What a document's earlier expressions leave for the later ones.
struct DocState {
    dct: Option<NaiveDate>,
    /// The last date mentioned (anchor of "the next day", "three days later").
    last: Option<Val>,
    /// Year (and month, 0 if none) of the last explicit or previous-anchored date, for dates
    /// without a year in narratives.
    narrative: Option<(i32, u32)>,
    narrative_mode: bool,
    /// The last day-precise date mentioned ("On Wednesday" before "which they had held in
    /// 2016"): what day and week offsets fall back on when the last date is coarser.
    last_day: Option<Val>,
    /// The quarter a report is about: the first quarter named that is no comparison and
    /// has begun by the DCT ("the fiscal first quarter" before "the quarter ended Sept. 29",
    /// "the 1988 period", "after a flat second quarter"): what "the quarter", "the 1988
    /// period" and year-ago comparisons refer back to.
    reported_quarter: Option<Val>,
    /// Where the last expression whose clause is in the future ended.
    future_end: Option<usize>,
    /// Where the last day-precise date ended.
    last_day_end: usize,
    /// Where the last date ([`Self::last`]) ended, and whether it was absolute (a year of its
    /// own: "In May 2020", not "two weeks ago").
    last_end: usize,
    last_absolute: bool,
    /// Whether the expression being resolved is in the sentence of the last date, an
    /// absolute one, and no day was told before it in that sentence ("The boys were freed on
    /// March 12. In May 2020, others were abducted and released six days later").
    coarse_near: bool,
    /// Each day-precise date told with the words right before it ([`event_words`]): a bare
    /// clock time after the same words is on that day ("was shot to death last Oct. 23" ...
    /// "was shot to death at 10 p.m.").
    day_events: Vec<([String; 3], Val)>,
    /// The last day-precise date on or before the DCT: the anchor of "the same day" in a
    /// past-tense clause when the date told last is a coming one ("the Dec. 31 deadline").
    last_past_day: Option<Val>,
    /// Where the last date or time with a year ended, and its year, when it was resolved
    /// against an earlier date ("the next day") or is a year-ago comparison ("the year-ago
    /// quarter"): what an apposition
    /// right after it ("the year-ago quarter, the second quarter", "the next day, May 30")
    /// names.
    prev: Option<(usize, i32)>,
}

impl DocState {
    /// Whether the last day-precise date was told in the sentence of `start`, before it (a
    /// full stop, question or exclamation mark before a capital ends a sentence; "Feb. 1"
    /// does not). A day of the sentence before is not enough: in news, "Missiles also
    /// struck Dnipro overnight" after a sentence about Friday is the night before the story
    /// ran, as the own-words sets' annotators read it.
    fn day_told_near(&self, text: &str, start: usize) -> bool {
        self.sentence_ends_since_last_day(text, start, 1) == Some(0)
    }

    /// Whether a night "overnight" is the night before the day told last rather than the
    /// night before the DCT, the day told in this sentence aside: the day was told in the
    /// sentence just before and the DCT is the first weekday after it, with only a weekend
    /// between ("London shares closed lower Friday. They were depressed by overnight losses
    /// in New York" in a Monday paper: Thursday night, not Sunday night, when markets sleep).
    fn story_day_before_weekend(&self, text: &str, start: usize) -> bool {
        use chrono::Datelike;
        let (Some(Val::Day(d, _) | Val::DayTime(d, ..)), Some(r)) = (&self.last_day, self.dct)
        else {
            return false;
        };
        let gap = (r - *d).num_days();
        (2..=3).contains(&gap)
            && d.iter_days()
                .skip(1)
                .take_while(|x| *x < r)
                .all(|x| matches!(x.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun))
            && self.sentence_ends_since_last_day(text, start, 2) == Some(1)
    }

    /// How many sentence ends (up to `limit`) lie between the last day-precise date and
    /// `start`, if a day was told before it.
    fn sentence_ends_since_last_day(
        &self,
        text: &str,
        start: usize,
        limit: usize,
    ) -> Option<usize> {
        if self.last_day.is_none() || self.last_day_end > start {
            return None;
        }
        Some(self.sentence_ends_between(text, self.last_day_end, start, limit))
    }

    /// How many sentence ends lie between byte offsets `from` and `to` of `text`, counted up
    /// to `limit` (the callers ask for none or one: the scan stops at the last one asked
    /// about, not at `to`).
    fn sentence_ends_between(&self, text: &str, from: usize, to: usize, limit: usize) -> usize {
        let Some(b) = text.as_bytes().get(from..to) else {
            return 0;
        };
        (0..b.len())
            .filter(|&i| {
                matches!(b[i], b'.' | b'!' | b'?')
                    && b.get(i + 1).is_some_and(u8::is_ascii_whitespace)
                    && b[i + 1..]
                        .iter()
                        .find(|c| !c.is_ascii_whitespace() && !matches!(c, b'"' | b'\''))
                        .is_some_and(u8::is_ascii_uppercase)
            })
            .take(limit)
            .count()
    }

    /// The date a previous-anchored meaning is resolved against: the last date mentioned when
    /// it is at least as precise as the offset's unit, else (in news) the last day-precise
    /// date (a background year or month between a story's day and "the next day" is
    /// skipped), else none (the DCT).
    fn anchor_for(&self, sem: &Sem) -> Option<&Val> {
        use calendar::Gran;
        let needed = match sem {
            // "a year earlier" after "the quarter ended Sept. 30": that quarter a year before
            Sem::PrevOffset { unit: "Y", .. }
                if !self.narrative_mode
                    && matches!(self.last, Some(Val::Day(..) | Val::DayTime(..)))
                    && self.reported_quarter.is_some() =>
            {
                return self.reported_quarter.as_ref();
            }
            // "that same day" after an event told by its month: a day of that month
            Sem::PrevOffset { unit: "D", n: 0 } if matches!(self.last, Some(Val::Month(..))) => {
                return self.last.as_ref();
            }
            Sem::PrevOffset { unit, .. } => match *unit {
                "D" | "TH" | "TM" | "TS" => Gran::Day,
                "W" | "2W" | "WE" => Gran::Week,
                "M" => Gran::Month,
                "Q" => Gran::Quarter,
                _ => Gran::Year,
            },
            // "days before rebels swept into Damascus", after "in early December": the event
            // told last, at the precision it was told (not an older day)
            Sem::EventAnchored => return self.last.as_ref(),
            // "in May that year": the year of the date told last
            Sem::Abs {
                yrel: Some(rules::THAT_YEAR),
                ..
            } => return self.last.as_ref(),
            Sem::PrevWeekday { .. } | Sem::Clock { day: None, .. } | Sem::PartOfDay { .. } => {
                Gran::Day
            }
            // "the quarter", "the 1988 period": the reporting period in force, even when a
            // day ("ended Sept. 29") was mentioned since
            Sem::LatestQuarter { latest: false }
            | Sem::Quarter {
                q: 0, yrel: None, ..
            } => return self.reported_quarter.as_ref().or(self.last.as_ref()),
            // year-ago comparisons are with the period reported, not with an outlook: a
            // quarter after the DCT ("losses through the third quarter of 1990") is skipped
            Sem::Quarter {
                q: 0,
                yrel: Some(_),
                ..
            }
            | Sem::Ago { unit: "Y", .. } => {
                // the day a quarter ended ("the quarter ended Sept. 30") leaves the quarter
                // the period compared
                let last = match (self.last.as_ref(), self.reported_quarter.as_ref()) {
                    (Some(Val::Day(..) | Val::DayTime(..)), Some(q)) => Some(q),
                    (l, _) => l,
                };
                return match (last, self.dct) {
                    (Some(v @ Val::Quarter(..)), Some(r))
                        if v.first_day().is_some_and(|d| d > r) =>
                    {
                        None
                    }
                    (l, _) => l,
                };
            }
            _ => return self.last.as_ref(),
        };
        // histories move on through their years: there the last date stays the anchor
        if self.narrative_mode {
            return self.last.as_ref();
        }
        // with no day told before, a coarser last date ("In December 2020 ... six days
        // later") is still the anchor, at its own precision, rather than the DCT; so it is
        // when told in the offset's own sentence, after a day of an earlier one
        match self.last.as_ref() {
            Some(v) if v.gran().is_some_and(|g| g <= needed) => Some(v),
            Some(v) if self.coarse_near && matches!(sem, Sem::PrevOffset { .. }) => Some(v),
            Some(v) => self.last_day.as_ref().or(Some(v)),
            None => None,
        }
    }
}

/// A clock time without a day (`clock`, resolved on the day in force) followed by a day-precise
/// date `next` with only "on", a comma or a parenthesis (another zone's time) between takes
/// that date's day: "at about 1 a.m. on Friday".
fn clock_on_next_day(text: &str, clock: &mut TimeMention, next: &TimeMention) {
    let Some(nd) = next.date.filter(|d| d.precision == TimePrecision::Day) else {
        return;
    };
    if next.timex_type != TimexType::Date || clock.span.end > next.span.start {
        return;
    }
    let gap = text[clock.span.end..next.span.start].trim();
    let gap = gap.strip_prefix(',').unwrap_or(gap).trim();
    let gap = match gap.strip_prefix('(') {
        Some(rest) => match rest.find(')') {
            Some(close) if !rest[..close].contains(['.', '\n']) => rest[close + 1..].trim(),
            _ => return,
        },
        None => gap,
    };
    if !(gap.is_empty() || gap == "on" || gap == ",") {
        return;
    }
    let Some((_, time)) = clock.value.split_once('T') else {
        return;
    };
    clock.value = format!("{}T{time}", nd.date.format("%Y-%m-%d"));
    clock.date = Some(EventDate {
        date: nd.date,
        precision: TimePrecision::Day,
    });
    clock.anchor = next.anchor;
}

pub(crate) fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub(crate) fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Tense of the clause around an expression, as far as cheap cues tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
    /// After a deadline preposition ("until Tuesday", "by February") in a clause without a
    /// future cue: a weekday is the next one, a month the one nearest the DCT.
    Deadline,
}

/// The tense of the clause around tokens `[a, b)`: the verb right next to the expression when
/// it is telling, else a future cue or a past-tense verb earlier in the clause.
fn tense(ctx: &Ctx, a: usize, b: usize) -> Tense {
    let toks = ctx.toks;
    let boundary = |k: usize| -> bool {
        let t = toks[k];
        if t.kind != Kind::Punct {
            return false;
        }
        let w = &ctx.text[t.s..t.e];
        if matches!(w, "!" | "?" | ";") {
            return true;
        }
        if w == "." {
            // not after an abbreviation or an initial
            if k == 0 {
                return true;
            }
            let prev = ctx.w(k - 1);
            let abbr = prev.len() <= 4
                && prev.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
                && (prev.len() == 1 || ctx.lex.entry(prev, Class::Month).is_some());
            return !abbr;
        }
        false
    };
    let newline_between = |k1: usize, k2: usize| ctx.text[toks[k1].e..toks[k2].s].contains('\n');
    let cue = |k: usize| -> bool {
        let t = toks[k];
        if t.kind != Kind::Word {
            return false;
        }
        let w = ctx.w(k);
        // "is to resume", "are to meet"
        if w.eq_ignore_ascii_case("to") {
            return k > 0
                && ["is", "are"]
                    .iter()
                    .any(|x| ctx.w(k - 1).eq_ignore_ascii_case(x))
                && toks.get(k + 1).is_some_and(|t| t.kind == Kind::Word);
        }
        // "as early as Tuesday", "as soon as"
        if w.eq_ignore_ascii_case("early") {
            return k > 0
                && ctx.w(k - 1).eq_ignore_ascii_case("as")
                && ctx.w(k + 1).eq_ignore_ascii_case("as");
        }
        let Some(fe) = ctx.lex.entry(w, Class::Future) else {
            return false;
        };
        if fe.present && k > 0 && ctx.w(k - 1).eq_ignore_ascii_case("to") {
            return false;
        }
        // "had been scheduled", "as previously planned": a plan in the past
        if k > 0
            && ["had", "previously"]
                .iter()
                .any(|x| ctx.w(k - 1).eq_ignore_ascii_case(x))
            || k > 1
                && ctx.w(k - 1).eq_ignore_ascii_case("been")
                && ctx.w(k - 2).eq_ignore_ascii_case("had")
        {
            return false;
        }
        // "the plan", "its plans": a noun, not a cue
        if (w.eq_ignore_ascii_case("plan") || w.eq_ignore_ascii_case("plans"))
            && k > 0
            && ctx.lex.entry(ctx.w(k - 1), Class::Det).is_some()
        {
            return false;
        }
        // "the junta's planned election", "a planned offensive": a participle qualifying a
        // noun, not the clause's tense
        if w.ends_with("ed")
            && k > 0
            && (ctx.lex.entry(ctx.w(k - 1), Class::Det).is_some()
                || (ctx.w(k - 1).eq_ignore_ascii_case("s")
                    && k > 1
                    && matches!(ctx.w(k - 2), "'" | "’"))
                || ctx.w(k - 1).ends_with("'s")
                || ctx.w(k - 1).ends_with("’s"))
        {
            return false;
        }
        if w.eq_ignore_ascii_case("ll") {
            return k > 0 && matches!(ctx.w(k - 1), "'" | "’");
        }
        if w.eq_ignore_ascii_case("set") {
            return ctx.w(k + 1).eq_ignore_ascii_case("to");
        }
        // "is due to arrive", "are due back", "is due on Friday"; not "due to the rain"
        // (a cause) nor "was due" (a plan in the past)
        if w.eq_ignore_ascii_case("due") {
            let after = ctx.w(k + 1);
            return k > 0
                && ["is", "are"]
                    .iter()
                    .any(|x| ctx.w(k - 1).eq_ignore_ascii_case(x))
                && (["on", "in", "back", "out"]
                    .iter()
                    .any(|x| after.eq_ignore_ascii_case(x))
                    || after.eq_ignore_ascii_case("to")
                        && toks.get(k + 2).is_some_and(|t| t.kind == Kind::Word)
                        && ctx.lex.entry(ctx.w(k + 2), Class::Det).is_none());
        }
        if w.eq_ignore_ascii_case("going") {
            return ctx.w(k + 1).eq_ignore_ascii_case("to");
        }
        true
    };
    // the verb right before (over up to two prepositions) or right after decides when it is
    // a future cue or clearly past ("said Friday", "predicted Wednesday")
    let verb = |k: usize| -> Option<bool> {
        if cue(k) {
            return Some(true);
        }
        let t = toks[k];
        if t.kind != Kind::Word {
            return None;
        }
        let w = ctx.w(k);
        if ctx.lex.entry(w, Class::Past).is_some() {
            return Some(false);
        }
        let lower_start = w.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
        // a participle after "to be" / "will be" ("to be published in early November",
        // "will be completed Monday") is no past tense ("could be located Wednesday" is)
        if k > 1
            && ctx.w(k - 1).eq_ignore_ascii_case("be")
            && ["to", "will", "shall"]
                .iter()
                .any(|x| ctx.w(k - 2).eq_ignore_ascii_case(x))
        {
            return None;
        }
        (lower_start && w.len() > 4 && w.ends_with("ed")).then_some(false)
    };
    let mut k = a;
    let mut steps = 0;
    let mut deadline = false;
    while k > 0 && steps < 2 && ctx.lex.entry(ctx.w(k - 1), Class::Prep).is_some() {
        // "since May": a preposition that is itself a past cue
        if ctx.lex.entry(ctx.w(k - 1), Class::Past).is_some() {
            return Tense::Past;
        }
        // "until mid-November", "by May": a deadline may lie either side of the DCT; only a
        // future cue in its clause tells
        if ctx.lex.entry(ctx.w(k - 1), Class::Deadline).is_some() {
            deadline = true;
            break;
        }
        k -= 1;
        steps += 1;
    }
    if deadline {
        // a future cue in the clause makes it future; an auxiliary in the past ("had not
        // called", "were") past; else it stays a deadline
        let past_word = |k: usize| {
            let w = ctx.w(k);
            ["had", "was", "were", "did"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
        };
        let mut past = false;
        let stop = a.saturating_sub(12);
        let mut k = a;
        while k > stop {
            k -= 1;
            if boundary(k) || newline_between(k, k + 1) {
                break;
            }
            if cue(k) {
                return Tense::Future;
            }
            past |= past_word(k);
        }
        let mut k = b;
        while k < toks.len().min(b + 8) {
            if boundary(k) || (k > 0 && newline_between(k - 1, k)) {
                break;
            }
            if cue(k) {
                return Tense::Future;
            }
            past |= past_word(k);
            k += 1;
        }
        return if past { Tense::Past } else { Tense::Deadline };
    }
    if k > 0 {
        if let Some(f) = verb(k - 1) {
            return if f { Tense::Future } else { Tense::Past };
        }
    }
    if b < toks.len() {
        if let Some(f) = verb(b) {
            return if f { Tense::Future } else { Tense::Past };
        }
    }
    // where the phrase starts, with its prepositions ("On Tuesday")
    let head = k;
    let mut past = false;
    let mut k = a;
    // past verbs count over the ten tokens before; a future auxiliary further back in the
    // same clause still governs when no past verb came between ("will be named commander
    // of the crew for a mission in December")
    let near = a.saturating_sub(10);
    let stop = a.saturating_sub(16);
    // whether the clause goes on further back than the scan looked
    let mut open = true;
    while k > stop {
        k -= 1;
        if boundary(k) || newline_between(k, k + 1) {
            open = false;
            break;
        }
        let far = k < near;
        if far && past {
            open = false;
            break;
        }
        match verb(k) {
            Some(true) => return Tense::Future,
            Some(false) if far => {
                open = false;
                break;
            }
            Some(false) => past = true,
            None => {}
        }
    }
    let open = open && k == stop && !past;
    // a time fronted before its clause ("On Tuesday, the league plans to ...", "Also Sunday,
    // crowds rallied"): the clause's verb comes after the comma
    let starts = |i: usize| {
        if i == 0 {
            ctx.text[..toks[0].s].trim().is_empty()
        } else {
            boundary(i - 1) || newline_between(i - 1, i)
        }
    };
    let fronted = !past
        && b < toks.len()
        && ctx.w(b) == ","
        && (starts(head)
            || head > 0
                && toks[head - 1].kind == Kind::Word
                && ctx.w(head - 1).as_bytes()[0].is_ascii_uppercase()
                && starts(head - 1));
    let reach = if fronted { b + 16 } else { b + 2 };
    let mut k = b + usize::from(fronted);
    while k < toks.len().min(reach) {
        if boundary(k) || (k > 0 && newline_between(k - 1, k)) {
            break;
        }
        if fronted {
            // only a modal or a verb of intent before "to" ("plans to") is the clause's
            // future; "planned to", "vacation plans" are not
            let w = ctx.w(k);
            let modal = ["will", "would", "shall", "ll", "might", "could", "to"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x));
            match verb(k) {
                Some(true) if w.ends_with("ed") => return Tense::Past,
                Some(true) if modal || ctx.w(k + 1).eq_ignore_ascii_case("to") => {
                    return Tense::Future
                }
                Some(false) => return Tense::Past,
                _ => {}
            }
        } else if cue(k) {
            return Tense::Future;
        }
        k += 1;
    }
    if past {
        return Tense::Past;
    }
    // nothing near: a future auxiliary heading a long clause still governs a date at its end
    // ("is scheduled to spend five hours in the capital, her first stop Tuesday morning")
    // when no past verb comes between it and the date in the same sentence; a modal of
    // possibility that far back ("could not stop the bullet that tore ... Friday night")
    // says nothing of the date
    let mut k = stop;
    while open && k > 0 && a - k < 40 {
        k -= 1;
        if boundary(k) || newline_between(k, k + 1) {
            break;
        }
        // nor a verb whose simple present tells a plan ("Obama visits Israel" in a caption
        // far before "on March 20")
        let modal = ["could", "would", "might", "should"]
            .iter()
            .any(|x| ctx.w(k).eq_ignore_ascii_case(x))
            || ctx
                .lex
                .entry(ctx.w(k), Class::Future)
                .is_some_and(|e| e.present);
        match verb(k) {
            Some(true) if modal => break,
            Some(true) => return Tense::Future,
            Some(false) => break,
            None => {}
        }
    }
    Tense::Unknown
}

/// Resolves a meaning to a value, an anchor and a TIMEX3 type.
fn resolve_sem(
    sem: &Sem,
    dct: Option<NaiveDate>,
    tense: &dyn Fn() -> Tense,
    last: Option<&Val>,
    narrative: Option<(i32, u32)>,
) -> (Val, Anchor, TimexType) {
    use TimexType::*;
    let other = |s: String| (Val::Other(s), Anchor::None, Date);
    match *sem {
        Sem::Abs {
            y: Some(y), m, d, ..
        } => match d {
            Some(d) => match NaiveDate::from_ymd_opt(y, m, d) {
                Some(date) => (Val::Day(date, None), Anchor::None, Date),
                None => other(format!("{y:04}-{m:02}-{d:02}")),
            },
            None => (Val::Month(y, m), Anchor::None, Date),
        },
        Sem::Abs {
            y: None,
            m,
            d,
            yrel: Some(rules::THAT_YEAR),
            ..
        } => match last.and_then(Val::year).or(dct.map(|r| r.year())) {
            Some(y) => match d {
                Some(d) => match NaiveDate::from_ymd_opt(y, m, d) {
                    Some(date) => (Val::Day(date, None), Anchor::Previous, Date),
                    None => other(format!("{y:04}-{m:02}-{d:02}")),
                },
                None => (Val::Month(y, m), Anchor::Previous, Date),
            },
            None => other(format!("XXXX-{m:02}")),
        },
        Sem::Abs {
            y: None,
            m,
            d,
            yrel: Some(k),
            ..
        } => match dct {
            Some(r) => {
                let y = r.year() + k as i32;
                match d {
                    Some(d) => match NaiveDate::from_ymd_opt(y, m, d) {
                        Some(date) => (Val::Day(date, None), Anchor::Dct, Date),
                        None => other(format!("{y:04}-{m:02}-{d:02}")),
                    },
                    None => (Val::Month(y, m), Anchor::Dct, Date),
                }
            }
            None => other(format!("XXXX-{m:02}")),
        },
        // narrative: "On March 3, 2019 ... On March 5" takes the year in force when it is not
        // the DCT's
        Sem::Abs {
            y: None,
            m,
            d,
            rel: rel @ (None | Some(-2) | Some(2)),
            ..
        } if narrative.is_some() => {
            let (y, last_month) = narrative.unwrap_or_default();
            let y = match rel {
                // "the previous April": the last April before the month in force
                Some(-2) if last_month > 0 && m >= last_month => y - 1,
                // "the following March": the first March after it
                Some(2) if last_month > 0 && m <= last_month => y + 1,
                Some(_) => y,
                // a chronological account: a month more than half a year before the one in
                // force is the next year's (the nearer occurrence; a gap of three or more
                // made a list of the same year's months jump: WikiWars 0.887 -> 0.897)
                None if last_month > m && last_month - m >= 7 => y + 1,
                None => y,
            };
            match d {
                Some(d) => match NaiveDate::from_ymd_opt(y, m, d) {
                    Some(date) => (Val::Day(date, None), Anchor::Previous, Date),
                    None => other(format!("XXXX-{m:02}-{d:02}")),
                },
                None => (Val::Month(y, m), Anchor::Previous, Date),
            }
        }
        Sem::Abs {
            y: None, m, d, rel, ..
        } => {
            let Some(r) = dct else {
                return match d {
                    Some(d) => other(format!("XXXX-{m:02}-{d:02}")),
                    None => other(format!("XXXX-{m:02}")),
                };
            };
            let dd = d.unwrap_or(1);
            let year = match rel {
                // "last February" written in March is a year back: the month just ended
                // would be "last month"
                Some(-1) if d.is_none() && m + 1 == r.month() => r.year() - 1,
                Some(-1 | -2) => {
                    if m < r.month() {
                        r.year()
                    } else {
                        r.year() - 1
                    }
                }
                Some(1 | 2) => {
                    if m > r.month() {
                        r.year()
                    } else {
                        r.year() + 1
                    }
                }
                Some(_) => r.year(),
                None => {
                    let key = (m, if d.is_some() { dd } else { 1 });
                    let dct_key = (r.month(), if d.is_some() { r.day() } else { 1 });
                    // months between the date in the DCT's year and the DCT
                    let ahead =
                        (m as i32 - r.month() as i32) * 31 + (key.1 as i32 - dct_key.1 as i32);
                    match tense() {
                        // future: a date more than two months back is next year's
                        Tense::Future if ahead < -62 => r.year() + 1,
                        // an explicit day up to a week ahead is still this year's
                        // an explicit day up to two months ahead is more likely a date set
                        // in the future than last year's
                        Tense::Past if d.is_some() && ahead > 62 => r.year() - 1,
                        Tense::Past if d.is_none() && key > dct_key => r.year() - 1,
                        // no tense cue: the year that puts the date nearest the DCT
                        // news reports the past more than it announces: more than three
                        // months ahead is last year's
                        Tense::Unknown if ahead > 92 => r.year() - 1,
                        // a deadline: the year that puts the date nearest the DCT
                        Tense::Deadline if ahead > 183 => r.year() - 1,
                        Tense::Deadline if ahead < -183 => r.year() + 1,
                        _ => r.year(),
                    }
                }
            };
            match d {
                Some(d) => match NaiveDate::from_ymd_opt(year, m, d) {
                    Some(date) => (Val::Day(date, None), Anchor::Dct, Date),
                    None => other(format!("XXXX-{m:02}-{d:02}")),
                },
                None => (Val::Month(year, m), Anchor::Dct, Date),
            }
        }
        Sem::Year(y) => (Val::Year(y), Anchor::None, Date),
        Sem::Half { y, h } => other(format!("{y:04}-H{h}")),
        Sem::DayShift(ref inner, n) => match resolve_sem(inner, dct, tense, last, narrative) {
            (Val::Day(d, _), a, _) => (Val::Day(d + Dur::days(n), None), a, Date),
            r => r,
        },
        Sem::WeekOf(ref inner) => {
            // "as Easter week began": in the past tense, a holiday week already begun is this
            // one, though the holiday itself is days ahead
            let dct = match **inner {
                Sem::Holiday { rel: None, .. } if tense() == Tense::Past => {
                    dct.map(|r| r + Dur::days(6))
                }
                _ => dct,
            };
            match resolve_sem(inner, dct, tense, last, narrative) {
                (Val::Day(d, _), a, _) => (Val::Week(d), a, Date),
                r => r,
            }
        }
        Sem::Decade(y, false) => (Val::Decade(y), Anchor::None, Date),
        Sem::Decade(y, true) => other(format!("{:03}", y / 10)),
        Sem::Quarter {
            y: Some(y), q: 0, ..
        } => match (last, dct) {
            (Some(Val::Quarter(_, q)), _) => (Val::Quarter(y, *q), Anchor::Previous, Date),
            (_, Some(r)) => {
                let (_, m) = calendar::add_months(r.year(), r.month(), -3);
                (Val::Quarter(y, (m - 1) / 3 + 1), Anchor::Dct, Date)
            }
            _ => (Val::Year(y), Anchor::None, Date),
        },
        // "the year-ago quarter": the quarter in force (else the last complete one), a year
        // before
        Sem::Quarter {
            y: None,
            q: 0,
            yrel: Some(k),
        } => match (last, dct) {
            (Some(Val::Quarter(y, q)), _) => {
                (Val::Quarter(y + k as i32, *q), Anchor::Previous, Date)
            }
            (_, Some(r)) => {
                let (y, m) = calendar::add_months(r.year(), r.month(), -3);
                (
                    Val::Quarter(y + k as i32, (m - 1) / 3 + 1),
                    Anchor::Dct,
                    Date,
                )
            }
            _ => other("XXXX-QX".into()),
        },
        Sem::Quarter { y: Some(y), q, .. } => (Val::Quarter(y, q), Anchor::None, Date),
        Sem::Quarter {
            y: None,
            q,
            yrel: Some(k),
        } => match dct {
            Some(r) => (Val::Quarter(r.year() + k as i32, q), Anchor::Dct, Date),
            None => other(format!("XXXX-Q{q}")),
        },
        Sem::Quarter { y: None, q, .. } => match dct {
            Some(r) => {
                let started = (q - 1) * 3 < r.month();
                let y = if started || tense() == Tense::Future {
                    r.year()
                } else {
                    r.year() - 1
                };
                (Val::Quarter(y, q), Anchor::Dct, Date)
            }
            None => other(format!("XXXX-Q{q}")),
        },
        Sem::Season { y: Some(y), s, .. } => (Val::Season(y, s), Anchor::None, Date),
        // a history: the season of the year in force ("In June 1941 ... the summer"), the next
        // year's when it starts well before the month in force; "next spring" the one after
        Sem::Season { y: None, s, rel } if narrative.is_some() => {
            let (y, last_month) = narrative.unwrap_or_default();
            let start = match s {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let year = match rel {
                Some(1) if last_month > 0 && start > last_month => y,
                Some(1) => y + 1,
                Some(-1) if last_month > 0 && start + 3 <= last_month => y,
                Some(-1) => y - 1,
                _ if last_month > start && last_month - start >= 7 => y + 1,
                _ => y,
            };
            (Val::Season(year, s), Anchor::Previous, Date)
        }
        Sem::Season { y: None, s, rel } => {
            let Some(r) = dct else {
                return other(format!("XXXX-{s}"));
            };
            let start = match s {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let m = r.month();
            let year = match rel {
                Some(-1) => {
                    if start + 3 <= m {
                        r.year()
                    } else {
                        r.year() - 1
                    }
                }
                Some(1) => {
                    if start > m {
                        r.year()
                    } else {
                        r.year() + 1
                    }
                }
                _ => r.year(),
            };
            (Val::Season(year, s), Anchor::Dct, Date)
        }
        Sem::PrevWeekday { wd, dir } => {
            let w = weekday_from(wd);
            let (base, anchor) = match (last, dct) {
                (Some(Val::Day(d, _) | Val::DayTime(d, ..)), _) => (*d, Anchor::Previous),
                (_, Some(r)) => (r, Anchor::Dct),
                _ => return other(format!("XXXX-WXX-{wd}")),
            };
            let d = if dir < 0 {
                weekday_before(base, w, true)
            } else {
                weekday_after(base, w, true)
            };
            (Val::Day(d, None), anchor, Date)
        }
        Sem::Weekday {
            wd,
            rel,
            part,
            week,
        } => {
            let Some(r) = dct else {
                let p = part.map_or(String::new(), |p| format!("T{p}"));
                return other(format!("XXXX-WXX-{wd}{p}"));
            };
            let w = weekday_from(wd);
            let d = match (rel, week) {
                (_, Some(n)) => {
                    let monday = r - Dur::days(r.weekday().num_days_from_monday() as i64);
                    monday + Dur::days(7 * n + w.num_days_from_monday() as i64)
                }
                (rel, None) => match rel {
                    Some(-1) => weekday_before(r, w, true),
                    Some(1) => weekday_after(r, w, true),
                    _ if matches!(tense(), Tense::Future | Tense::Deadline) => {
                        weekday_after(r, w, false)
                    }
                    _ => weekday_before(r, w, false),
                },
            };
            // TimeBank gives "Friday night" the day's value (and often tags "Friday" alone),
            // "Friday morning" a TIME; TNI loses on TBAQ (0.888 -> 0.885)
            match part {
                Some(p) if p != "NI" => (Val::Day(d, Some(p)), Anchor::Dct, Time),
                _ => (Val::Day(d, None), Anchor::Dct, Date),
            }
        }
        Sem::Deictic { days, part } => {
            let t = if part.is_some() { Time } else { Date };
            match dct {
                Some(r) => (Val::Day(r + Dur::days(days), part), Anchor::Dct, t),
                None => (
                    Val::Other(match part {
                        Some(p) => format!("XXXX-XX-XXT{p}"),
                        None => "XXXX-XX-XX".into(),
                    }),
                    Anchor::None,
                    t,
                ),
            }
        }
        Sem::Ago { unit: "Y", n } if matches!(last, Some(Val::Quarter(..))) => match last {
            Some(Val::Quarter(y, q)) => (Val::Quarter(y + n as i32, *q), Anchor::Previous, Date),
            _ => other(String::new()),
        },
        // "a decade ago": the year, as TimeBank has it
        Sem::Ago { unit: "DE", n } => match dct {
            Some(r) => (Val::Year(r.year() + 10 * n as i32), Anchor::Dct, Date),
            None => other("XXXX".into()),
        },
        Sem::RelUnit { unit, n } | Sem::Ago { unit, n } => {
            let Some(r) = dct else {
                return other("XXXX-XX-XX".into());
            };
            let v = match unit {
                "D" => Val::Day(r + Dur::days(n), None),
                "W" => Val::Week(r + Dur::weeks(n)),
                "2W" => Val::Week(r + Dur::weeks(2 * n)),
                "M" => {
                    let (y, m) = calendar::add_months(r.year(), r.month(), n);
                    Val::Month(y, m)
                }
                "Q" => {
                    let (y, m) = calendar::add_months(r.year(), r.month(), 3 * n);
                    Val::Quarter(y, (m - 1) / 3 + 1)
                }
                "Y" => Val::Year(r.year() + n as i32),
                "DE" => Val::Other(format!("{:03}", (r.year() + 10 * n as i32) / 10)),
                "CE" => Val::Other(format!("{:02}", (r.year() + 100 * n as i32) / 100)),
                _ => Val::Day(r, None),
            };
            (v, Anchor::Dct, Date)
        }
        Sem::PrevOffset { unit, n } => {
            let base = last
                .cloned()
                .map(|v| (v, Anchor::Previous))
                .or_else(|| dct.map(|r| (Val::Day(r, None), Anchor::Dct)));
            let n = if unit == "2W" { 2 * n } else { n };
            let unit = if unit == "2W" { "W" } else { unit };
            // "six days later" or "that same day" after "in December 2020": a day (week,
            // month) of the coarser date it counts from, `2020-12-XX`, dated to that month
            let finer = match unit {
                "D" => Some(calendar::Gran::Day),
                "W" => Some(calendar::Gran::Week),
                "M" => Some(calendar::Gran::Month),
                _ => None,
            };
            if let (Some((v, Anchor::Previous)), Some(f)) = (&base, finer) {
                if v.gran().is_some_and(|g| g > f) && (n != 0 || unit == "D") {
                    let inner = match v {
                        Val::Within(inner, _) => inner.clone(),
                        v => Box::new(v.clone()),
                    };
                    return (Val::Within(inner, f), Anchor::Previous, Date);
                }
            }
            match base.and_then(|(v, a)| calendar::shift(&v, unit, n).map(|s| (s, a))) {
                Some((v, a)) => (v, a, Date),
                None => other("XXXX-XX-XX".into()),
            }
        }
        Sem::Weekend { rel } => {
            let Some(r) = dct else {
                return other("XXXX-WXX-WE".into());
            };
            let sat = weekday_from(6);
            let d = match rel {
                // "last weekend" told on a Saturday or Sunday is the weekend before this one
                Some(-1) if matches!(r.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun) => {
                    weekday_before(r, sat, false) - Dur::days(7)
                }
                Some(-1) => weekday_before(r, sat, false),
                Some(1) => weekday_after(r, sat, true),
                _ if tense() == Tense::Future => weekday_after(r, sat, false),
                _ => {
                    if r.weekday() == chrono::Weekday::Sun {
                        r - Dur::days(1)
                    } else {
                        weekday_before(r, sat, false)
                    }
                }
            };
            (Val::Weekend(d), Anchor::Dct, Date)
        }
        Sem::Century(c) => other(format!("{c:02}")),
        Sem::CenturyBc(c) => other(format!("BC{c:02}")),
        Sem::Holiday {
            rule, y: Some(y), ..
        } => match rule.date(y) {
            Some(d) => (Val::Day(d, None), Anchor::None, Date),
            None => other(format!("{y:04}")),
        },
        // a history: the year in force
        Sem::Holiday {
            rule,
            y: None,
            rel: None,
        } if narrative.is_some() => {
            let (y, _) = narrative.unwrap_or_default();
            match rule.date(y) {
                Some(d) => (Val::Day(d, None), Anchor::Previous, Date),
                None => other("XXXX-XX-XX".into()),
            }
        }
        Sem::Holiday { rule, y: None, rel } => {
            let Some(r) = dct else {
                return other("XXXX-XX-XX".into());
            };
            let around = |y: i32| rule.date(y);
            let (this, prev, next) = (around(r.year()), around(r.year() - 1), around(r.year() + 1));
            let (Some(this), Some(prev), Some(next)) = (this, prev, next) else {
                return other("XXXX-XX-XX".into());
            };
            let before = if this <= r { this } else { prev };
            let after = if this >= r { this } else { next };
            let d = match rel {
                Some(-1) => {
                    if this < r {
                        this
                    } else {
                        prev
                    }
                }
                Some(1) => {
                    if this > r {
                        this
                    } else {
                        next
                    }
                }
                Some(_) => this,
                None => match tense() {
                    Tense::Future => after,
                    Tense::Past => before,
                    // the occurrence nearest the DCT
                    _ => {
                        if (after - r) < (r - before) {
                            after
                        } else {
                            before
                        }
                    }
                },
            };
            (Val::Day(d, None), Anchor::Dct, Date)
        }
        Sem::TheMonth => match (narrative, dct) {
            (Some((y, m)), _) if m > 0 => (Val::Month(y, m), Anchor::Previous, Date),
            (_, Some(r)) => (Val::Month(r.year(), r.month()), Anchor::Dct, Date),
            _ => other("XXXX-XX".into()),
        },
        Sem::TheYear { n } => match (narrative, dct) {
            (Some((y, _)), _) => (Val::Year(y + n as i32), Anchor::Previous, Date),
            (None, Some(r)) => (Val::Year(r.year() + n as i32), Anchor::Dct, Date),
            _ => other("XXXX".into()),
        },
        Sem::YearEnd => match (narrative, dct) {
            (Some((y, _)), _) => (Val::Year(y), Anchor::Previous, Date),
            (None, Some(r)) => {
                let y = if tense() == Tense::Past {
                    r.year() - 1
                } else {
                    r.year()
                };
                (Val::Year(y), Anchor::Dct, Date)
            }
            _ => other("XXXX".into()),
        },
        Sem::Ref(s) => (Val::Other(s.to_string()), Anchor::None, Date),
        Sem::Duration(ref s) => (Val::Other(s.clone()), Anchor::None, Duration),
        Sem::Set(ref s) => (Val::Other(s.clone()), Anchor::None, Set),
        Sem::Age => other(String::new()),
        Sem::Bc(y) => other(format!("BC{y:04}")),
        Sem::SeasonBc(y, s) => other(format!("BC{y:04}-{s}")),
        Sem::MonthBc(y, m) => other(format!("BC{y:04}-{m:02}")),
        Sem::PartOf { ref day, part, .. } => match resolve_sem(day, dct, tense, last, narrative) {
            (Val::Day(d, _), a, _) => (Val::Day(d, Some(part)), a, Time),
            r => r,
        },
        Sem::Clock { h, min, ref day } => {
            let (base, anchor) = match day {
                Some(inner) => {
                    let (v, a, _) = resolve_sem(inner, dct, tense, last, narrative);
                    (v, a)
                }
                // a bare clock time is on the day in force, else the DCT
                None => match (last, dct) {
                    (Some(Val::Day(d, _) | Val::DayTime(d, ..)), _) => {
                        (Val::Day(*d, None), Anchor::Previous)
                    }
                    (_, Some(r)) => (Val::Day(r, None), Anchor::Dct),
                    _ => (Val::Other(String::new()), Anchor::None),
                },
            };
            match base {
                Val::Day(d, _) => (Val::DayTime(d, h, min), anchor, Time),
                _ => (
                    Val::Other(format!("XXXX-XX-XXT{h:02}:{min:02}")),
                    Anchor::None,
                    Time,
                ),
            }
        }
        Sem::PartOfDay { part, days, .. } => match (last, dct) {
            (Some(Val::Day(d, _) | Val::DayTime(d, ..)), _) => (
                Val::Day(*d + Dur::days(days), Some(part)),
                Anchor::Previous,
                Time,
            ),
            (_, Some(r)) => (Val::Day(r + Dur::days(days), Some(part)), Anchor::Dct, Time),
            _ => (Val::Other(format!("XXXX-XX-XXT{part}")), Anchor::None, Time),
        },
        Sem::LatestQuarter { latest } => match (last, dct) {
            (Some(v @ Val::Quarter(..)), _) if !latest => (v.clone(), Anchor::Previous, Date),
            (_, Some(r)) => {
                let (y, m) = calendar::add_months(r.year(), r.month(), -3);
                (Val::Quarter(y, (m - 1) / 3 + 1), Anchor::Dct, Date)
            }
            _ => other("XXXX-QX".into()),
        },
        Sem::EventAnchored => match last {
            Some(v @ (Val::Day(..) | Val::Week(..) | Val::Month(..))) => {
                (v.clone(), Anchor::Previous, Date)
            }
            Some(Val::DayTime(d, ..)) => (Val::Day(*d, None), Anchor::Previous, Date),
            _ => match dct {
                Some(r) => (Val::Day(r, None), Anchor::Previous, Date),
                None => other("XXXX-XX-XX".into()),
            },
        },
    }
}

#[cfg(test)]
mod tests;
