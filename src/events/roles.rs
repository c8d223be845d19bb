//! Reading an event's arguments from its sentence by shallow syntax: subject and object around
//! a verb, passive voice with "by", possessives and "on/against" after nominalisations,
//! "fell to", parties of talks; the place tied to the trigger by a preposition; the date nearest
//! the trigger.

use super::lexicon::Roles;
use super::{is_civilian_side, WITH};
use crate::actors::is_armed_group;
use crate::model::*;
use crate::text::{CharIndex, Token};

/// Auxiliaries that make a following participle passive.
const BE: &[&str] = &["was", "were", "is", "are", "be", "been", "being"];
/// Adverbs skipped when looking for an auxiliary or a subject.
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "reportedly",
    "allegedly",
    "then",
    "already",
    "eventually",
    "briefly",
    "again",
    "finally",
    "quickly",
    "largely",
    "mostly",
    "partly",
    "fully",
    "since",
    "had",
    "have",
    "has",
    "subsequently",
    "successfully",
    "first",
    "yesterday",
    "today",
    "tonight",
    "overnight",
];
/// Words that open a new clause's subject after "and"/"but" ("and others fled").
const NEW_SUBJECTS: &[&str] = &[
    "others", "some", "many", "most", "they", "he", "she", "we", "it",
];

/// Nouns for a person that an actor name can qualify ("militia leader", "Taliban commander").
const PERSON_HEADS: &[&str] = &[
    "leader",
    "leaders",
    "commander",
    "commanders",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "head",
    "founder",
];

/// Words ending in "-ly" that are no adverbs.
const NOT_ADVERBS: &[&str] = &[
    "family", "rally", "ally", "italy", "july", "assembly", "supply", "reply", "apply", "holy",
    "anomaly", "monopoly", "elderly",
];

/// An adverb skipped when looking for an auxiliary or a subject: a listed one, or any word
/// in "-ly" ("temporarily", "swiftly") that is not a noun such as "family".
fn is_adverb(w: &str) -> bool {
    ADVERBS.contains(&w) || (w.len() > 4 && w.ends_with("ly") && !NOT_ADVERBS.contains(&w))
}

/// An auxiliary or an adverb, which stands between a subject and its verb ("the girls were
/// later taken", "he had been quickly recaptured").
pub(super) fn is_aux_or_adverb(w: &str) -> bool {
    BE.contains(&w) || is_adverb(w)
}

/// A noun for a town or a city ("drove into the southern city", "the town centre").
pub(super) fn is_town_noun(w: &str) -> bool {
    PLACE_ANAPHORS.contains(&w)
        || TOWN_ANAPHORS.contains(&w)
        || matches!(w, "cities" | "centre" | "center")
}

/// Prepositions that tie a place to the trigger.
const PLACE_PREPS: &[&str] = &[
    "in", "on", "at", "near", "of", "into", "to", "toward", "towards", "around", "outside",
    "across", "inside", "over", "against", "from", "within",
];
/// Verbs of reported speech: the actor before them is a speaker.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "announced",
    "claimed",
    "reported",
    "stated",
    "according",
    "tweeted",
    "wrote",
    "declared",
    "confirmed",
    "alleged",
    "insisted",
    "accused",
];
/// Verbs that carry a nominalised event ("launched an assault", "completed the withdrawal"),
/// skipped with determiners when looking for the nominalisation's subject.
const SUPPORT: &[&str] = &[
    "announced",
    "launched",
    "carried",
    "out",
    "completed",
    "began",
    "started",
    "mounted",
    "staged",
    "conducted",
    "made",
    "held",
    "led",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
];
/// Verbs of impact after a weapon or strike ("a missile hit X", "air strikes pounded X"): what
/// follows is the target.
const IMPACT: &[&str] = &[
    "hit",
    "hits",
    "struck",
    "strike",
    "strikes",
    "hitting",
    "striking",
    "targeted",
    "targeting",
    "pounded",
    "pounding",
    "destroyed",
    "damaged",
    "slammed",
    "killed",
    "killing",
];
/// Words that follow a subject (auxiliaries, adverbs and common irregular past verbs).
const SUBJECT_NEXT: &[&str] = &[
    "now",
    "still",
    "took",
    "held",
    "fought",
    "made",
    "began",
    "kept",
    "seized",
    "overran",
    "said",
    "say",
    "says",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "hold",
    "control",
    "controlled",
    "launched",
    "stormed",
    "attacked",
    "advanced",
    "entered",
    "struck",
    "hit",
    "shot",
    "fled",
    "left",
    "broke",
    "blew",
    "drove",
    "went",
    "came",
    "ran",
];
/// Subject pronouns that refer back to the last agent.
const PRONOUNS: &[&str] = &["they", "it", "he", "she", "we"];
/// Words that open a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "when", "after", "before", "because", "while", "where", "which", "who", "whom", "whose", "as",
    "since", "once",
];
/// Determiners of a definite reference.
const DEFINITE: &[&str] = &["the", "this", "that", "its", "their"];
/// Prepositions of a time adjunct.
const TIME_PREPS: &[&str] = &[
    "after",
    "before",
    "since",
    "following",
    "until",
    "during",
    "amid",
];
/// Place mentions resolved with less confidence than this are not used as event locations.
pub(super) const MIN_PLACE_CONFIDENCE: f32 = 0.35;

/// What a resolved place can become in the story once a sentence names it: the focus place
/// (a town), or the focus area (a province or district); a country neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FocusLevel {
    Town,
    Area,
}

/// The [`FocusLevel`] of a place. The one rule of [`Sentence::last_point_place`],
/// [`Sentence::last_area_place`] and [`Sentence::called_places`], which the sentence
/// prefilter ([`super::prefilter::FocusAnchors`]) reads too.
#[inline]
pub(super) fn focus_level(p: &Place) -> Option<FocusLevel> {
    match p.precision {
        GeoPrecision::Point => Some(FocusLevel::Town),
        GeoPrecision::Admin1 | GeoPrecision::Admin2 => Some(FocusLevel::Area),
        GeoPrecision::Country => None,
    }
}

/// Is a resolved place mention confident enough to be one of a sentence's places?
#[inline]
pub(super) fn confident_place(m: &PlaceMention) -> bool {
    m.confidence >= MIN_PLACE_CONFIDENCE
        // "talks in Geneva" in a story about Yemen: a big city far from the story's country
        // is resolved with little confidence, but it is that city
        || (m.confidence >= MIN_BIG_CITY_CONFIDENCE
            && m.text.chars().count() >= 5
            && m.place.as_ref().is_some_and(|p| {
                p.precision == GeoPrecision::Point && p.population >= BIG_CITY_POPULATION
            }))
}

/// The confidence a city of [`BIG_CITY_POPULATION`] people needs to be a sentence's place.
const MIN_BIG_CITY_CONFIDENCE: f32 = 0.05;
/// A city this big is named for itself, far from the story's country or not.
const BIG_CITY_POPULATION: u64 = 100_000;

/// Is the mention at `span` part of a hyphenated word ("Pul" of "Pul-e-Charkhi") rather than
/// a name of its own (two names joined by a hyphen, "Abuja-Kaduna", are each one)?
fn hyphen_part(text: &str, span: Span) -> bool {
    let after = text[span.end..].strip_prefix('-');
    let before = text[..span.start].strip_suffix('-');
    let lower_next = after.is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()));
    // ("e-Charkhi", not "Kabul-Kandahar": the word before the hyphen is all lower case)
    // (but "al-Hazm", "el-Fasher": an Arabic article before the hyphen is part of the name)
    let lower_prev = before.is_some_and(|r| {
        let word = r.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        !word.is_empty() && word.chars().all(char::is_lowercase) && !ARABIC_ARTICLES.contains(&word)
    });
    lower_next || lower_prev
}

/// The date of a time mention if it names a day: narrative time moves with it
/// ([`Sentence::last_day_date`], and the sentence prefilter).
#[inline]
pub(super) fn day_date(date: Option<EventDate>) -> Option<EventDate> {
    date.filter(|d| d.precision == TimePrecision::Day)
}
/// Words that may stand between a verb and the place that is its object.
const OBJECT_WORDS: &[&str] = &[
    "the",
    "a",
    "town",
    "city",
    "village",
    "district",
    "capital",
    "provincial",
    "regional",
    "key",
    "strategic",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "port",
    "border",
    "of",
    // the Arabic article the gazetteer's name leaves out: "seized al-Hazm"
    "al",
    "el",
    "ad",
    "ar",
    "ash",
    "az",
    "ath",
];
/// The Arabic article as English-language news writes it before a hyphen ("al-Hazm",
/// "el-Fasher", "ash-Shaddadi"): the place name the gazetteer matches follows it.
const ARABIC_ARTICLES: &[&str] = &["al", "el", "ad", "ar", "ash", "az", "ath", "as", "at", "an"];
/// Words within which a place outside the trigger's clause may still be its place.
const NEAR_PLACE_WORDS: usize = 8;
/// Nouns that, after "the", point back at the town a story is about ("the town's
/// residents", "on the eastern outskirts"; possessives folded without the apostrophe).
const TOWN_ANAPHORS: &[&str] = &["town", "towns", "village"];
/// ... and at the city ("the city's southern districts").
const CITY_ANAPHORS: &[&str] = &["city", "citys"];
/// Nouns other than town and city that say what a place is ("Shibirghan, capital of Jowzjan
/// province", "the besieged port of Mariupol"): a place so introduced is what "the city"
/// after it refers to.
const SETTLEMENT_NOUNS: &[&str] = &["capital", "port", "hometown", "stronghold"];
/// Nouns that point back at the province or region a story is about.
const AREA_ANAPHORS: &[&str] = &["province", "region", "provinces", "regions", "governorate"];

/// What a definite place noun of a sentence points back at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryPlace {
    /// "the town", "the village"
    Town,
    /// "the city"
    City,
    /// a capital, a port: named as a town, but not what "the town" refers to
    Settlement,
    /// "the province", "the region"
    Area,
}
/// Nouns that refer back to the place in focus.
const PLACE_ANAPHORS: &[&str] = &["city", "town", "village", "capital", "district", "area"];

/// Is the place mention a whole country ("Egypt", not a town or a province)?
fn is_country(p: &Located<'_, PlaceMention>) -> bool {
    p.item
        .place
        .as_ref()
        .is_some_and(|x| x.precision == GeoPrecision::Country)
}

/// Is the place mention a country's capital ("Kabul", GeoNames feature PPLC)?
fn is_capital(p: &Located<'_, PlaceMention>) -> bool {
    p.item
        .place
        .as_ref()
        .is_some_and(|x| x.feature_code == "PPLC")
}

/// Is the place mention a state, named by its country or its capital ("Russia", "Kyiv")?
fn is_state(p: &Located<'_, PlaceMention>) -> bool {
    is_country(p) || is_capital(p)
}

/// A trigger's date told as an offset from its main clause's ([`Sentence::offset_clause`]).
pub struct Offset {
    /// Days from the main clause's day (negative: earlier).
    pub days: i64,
    pub precision: TimePrecision,
    /// The main clause's own time, before the offset phrase.
    pub base: Option<EventDate>,
}

/// "hours after", "minutes later": the same day as what they are anchored to, which is the
/// event in force, not the last date written.
fn is_sub_day_offset(t: &TimeMention) -> bool {
    t.anchor == Anchor::Previous && {
        let l = t.text.to_lowercase();
        l.contains("hour") || l.contains("minute")
    }
}

/// The day an event at time `t` is dated by: the time's own date, except that a night told
/// as "overnight" (TimeML: the night before) dates an event by the morning it ends, the day
/// the story reports it, as conflict datasets code overnight raids.
fn event_day(t: &TimeMention) -> Option<EventDate> {
    let d = t.date?;
    if t.text.eq_ignore_ascii_case("overnight") && t.anchor == Anchor::Dct {
        return Some(EventDate {
            date: d.date.succ_opt()?,
            ..d
        });
    }
    Some(d)
}

/// An actor of no known type is a name the dictionary does not know; after a verb of
/// capture it is as likely a place as a person, so it does not rule out a seizure.
fn is_place_like_actor(a: &Actor) -> bool {
    a.actor_type.is_none()
}

/// The word after a hyphen that `rest` starts with, lower-cased ("-backed" gives "backed";
/// "- and" an empty word); None without the hyphen.
fn hyphen_word(rest: &str) -> Option<String> {
    let rest = rest.strip_prefix('-')?;
    Some(
        rest.chars()
            .take_while(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// The longest distance a place is measured off by ("370 km south-west of Mogadishu").
const MEASURED_MAX_KM: f64 = 1000.0;

/// The point `km` kilometres from (`lat`, `lon`) on compass bearing `bearing` (degrees),
/// on a sphere of the mean Earth radius.
pub(crate) fn offset_point(lat: f64, lon: f64, km: f64, bearing: f64) -> (f64, f64) {
    let d = km / 6371.0;
    let (p1, l1, t) = (lat.to_radians(), lon.to_radians(), bearing.to_radians());
    let p2 = (p1.sin() * d.cos() + p1.cos() * d.sin() * t.cos()).asin();
    let l2 = l1 + (t.sin() * d.sin() * p1.cos()).atan2(d.cos() - p1.sin() * p2.sin());
    (p2.to_degrees(), (l2.to_degrees() + 540.0) % 360.0 - 180.0)
}

/// A capital, a province seat or a city of 100,000 people: what a story may call "the city".
pub fn is_big_city(p: &Place) -> bool {
    p.population >= BIG_CITY_POPULATION || matches!(p.feature_code.as_str(), "PPLC" | "PPLA")
}

/// "Iran-backed rebels", "Saudi-led forces" (when not a name of its own): the backer
/// qualifies the actor that follows and is no side of the event.
fn is_backer(text: &str, span: Span) -> bool {
    let Some(word) = hyphen_word(&text[span.end..]) else {
        return false;
    };
    matches!(
        word.as_str(),
        "backed"
            | "led"
            | "aligned"
            | "supported"
            | "sponsored"
            | "allied"
            | "funded"
            | "armed"
            | "trained"
            | "based"
            | "held"
            | "controlled"
            | "run"
    )
}

/// How an indefinite event noun hangs on another verb of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Adjunct {
    /// "in / during / amid a raid": the frame of the other event, the same violence.
    Frame,
    /// "after / following a push": an earlier step by the same side.
    Before,
}

/// A mention located on the sentence's tokens.
struct Located<'m, T> {
    first: usize,
    last: usize,
    item: &'m T,
}

/// One sentence with its words and the mentions inside it.
pub(super) struct Sentence<'a> {
    text: &'a str,
    pub span: Span,
    toks: &'a [Token<'a>],
    pub words: Vec<&'a str>,
    /// Punctuation that separates clauses just before word i.
    boundary_before: Vec<bool>,
    actors: Vec<Located<'a, ActorMention>>,
    places: Vec<Located<'a, PlaceMention>>,
    /// Word ranges of place names the gazetteer could not resolve.
    unresolved: Vec<(usize, usize)>,
    times: Vec<Located<'a, TimeMention>>,
    /// Durations ("two days", "hours"), for "N days after ..." clauses.
    durations: Vec<Located<'a, TimeMention>>,
    /// Actor mentions of the article before this sentence (for default sides).
    earlier_actors: &'a [&'a ActorMention],
    /// The words read around places and triggers (`role_words.tsv`).
    pub(super) vocab: &'a super::role_words::RoleWords,
    /// [`Self::dateline_end`], computed on first need.
    dateline: std::cell::OnceCell<usize>,
    /// The death tolls the sentence states, read once for it and all its events.
    pub tolls: std::cell::OnceCell<Vec<super::fatalities::Toll>>,
    /// [`Self::usable_place`] of each place, once asked (0 not yet, 1 no, 2 yes): each
    /// trigger of the sentence asks again. Forgotten where the actors change.
    usable: Vec<std::cell::Cell<u8>>,
}

/// The mentions of one article indexed once for all its sentences: each list's items in order
/// of their start (so a sentence finds its own by binary search), and the actors in order with
/// the prefix that ends before each sentence.
pub(super) struct MentionIndex<'m> {
    mentions: &'m super::Mentions,
    actors: SpanIndex,
    places: SpanIndex,
    times: SpanIndex,
    /// Every actor mention, in the article's order.
    actor_refs: Vec<&'m ActorMention>,
    /// Do the actors' ends never decrease (then those before a sentence are a prefix)?
    actor_ends_sorted: bool,
}

/// Items of one mention list by start: (start, end, index in the list).
struct SpanIndex {
    by_start: Vec<(usize, usize, usize)>,
    /// The list is already in order of start (the usual case): no reordering needed.
    in_order: bool,
}

impl SpanIndex {
    fn new<T>(items: &[T], span_of: impl Fn(&T) -> Span) -> SpanIndex {
        let mut by_start: Vec<(usize, usize, usize)> = items
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let sp = span_of(t);
                (sp.start, sp.end, i)
            })
            .collect();
        let in_order = by_start.windows(2).all(|w| w[0].0 <= w[1].0);
        if !in_order {
            by_start.sort_by_key(|&(s, _, i)| (s, i));
        }
        SpanIndex { by_start, in_order }
    }

    /// Indices (in list order) of the items inside `within` that overlap it.
    fn inside(&self, within: Span, out: &mut Vec<usize>) {
        out.clear();
        let lo = self.by_start.partition_point(|&(s, _, _)| s < within.start);
        for &(s, e, i) in &self.by_start[lo..] {
            if s >= within.end {
                break;
            }
            let sp = Span::new(s, e);
            if within.contains(sp) && sp.overlaps(within) {
                out.push(i);
            }
        }
        if !self.in_order {
            out.sort_unstable();
        }
    }
}

impl<'m> MentionIndex<'m> {
    pub fn new(mentions: &'m super::Mentions) -> MentionIndex<'m> {
        MentionIndex {
            mentions,
            actors: SpanIndex::new(&mentions.actors, |m| m.span),
            places: SpanIndex::new(&mentions.places, |m| m.span),
            times: SpanIndex::new(&mentions.times, |m| m.span),
            actor_refs: mentions.actors.iter().collect(),
            actor_ends_sorted: mentions
                .actors
                .windows(2)
                .all(|w| w[0].span.end <= w[1].span.end),
        }
    }

    /// The actor mentions of the article that end before `span` starts, in the article's
    /// order (a slice of the index when they are a prefix of it).
    pub fn earlier_actors(&self, span: Span) -> std::borrow::Cow<'_, [&'m ActorMention]> {
        if self.actor_ends_sorted {
            let k = self
                .mentions
                .actors
                .partition_point(|m| m.span.end <= span.start);
            std::borrow::Cow::Borrowed(&self.actor_refs[..k])
        } else {
            std::borrow::Cow::Owned(
                self.mentions
                    .actors
                    .iter()
                    .filter(|m| m.span.end <= span.start)
                    .collect(),
            )
        }
    }
}

/// The items at `idx` of `items` located on the sentence's tokens (those that cover a token).
fn locate<'m, T>(
    toks: &[Token<'_>],
    items: &'m [T],
    idx: &[usize],
    span_of: impl Fn(&T) -> Span,
) -> Vec<Located<'m, T>> {
    let mut out = Vec::with_capacity(idx.len());
    for &k in idx {
        let item = &items[k];
        let sp = span_of(item);
        // tokens are in text order: the first that ends after the mention starts, the last
        // that starts before it ends
        let first = toks.partition_point(|t| t.span.end <= sp.start);
        let end = toks.partition_point(|t| t.span.start < sp.end);
        if first < end {
            out.push(Located {
                first,
                last: end - 1,
                item,
            });
        }
    }
    out
}

impl<'a> Sentence<'a> {
    pub fn new(
        text: &'a str,
        span: Span,
        toks: &'a [Token<'a>],
        words: &[&'a str],
        index: &'a MentionIndex<'a>,
        earlier_actors: &'a [&'a ActorMention],
        vocab: &'a super::role_words::RoleWords,
    ) -> Sentence<'a> {
        let bytes = text.as_bytes();
        let boundary_before = (0..toks.len())
            .map(|i| {
                i > 0 && {
                    let (a, b) = (toks[i - 1].span.end, toks[i].span.start);
                    // (one space, the usual gap: read without slicing the text)
                    if b == a + 1 && bytes[a] == b' ' {
                        return false;
                    }
                    let between = &text[a..b];
                    // (plain spaces, the usual gap, hold no clause punctuation)
                    !between.bytes().all(|b| b == b' ')
                        && (between.contains([',', ';', ':', '—', '–', '(', ')', '"', '“', '”'])
                            || between.contains(" - "))
                }
            })
            .collect();
        let mentions = index.mentions;
        // (speed: room for the mentions of a long sentence, so that the list seldom grows)
        let mut idx = Vec::with_capacity(32);
        index.actors.inside(span, &mut idx);
        let actors = locate(toks, &mentions.actors, &idx, |m| m.span)
            .into_iter()
            .filter(|l| !is_backer(text, l.item.span))
            .collect();
        index.places.inside(span, &mut idx);
        let (mut places, mut unresolved) = (Vec::with_capacity(idx.len()), Vec::new());
        for l in locate(toks, &mentions.places, &idx, |m| m.span) {
            if l.item.place.is_none() {
                unresolved.push((l.first, l.last));
            } else if confident_place(l.item) && !hyphen_part(text, l.item.span) {
                places.push(l);
            }
        }
        index.times.inside(span, &mut idx);
        let (times, durations): (Vec<_>, Vec<_>) = locate(toks, &mentions.times, &idx, |m| m.span)
            .into_iter()
            .filter(|l| {
                l.item.timex_type == TimexType::Duration
                    || (l.item.date.is_some()
                        && matches!(l.item.timex_type, TimexType::Date | TimexType::Time)
                        && !is_sub_day_offset(l.item))
            })
            .partition(|l| l.item.timex_type != TimexType::Duration);
        Sentence {
            text,
            span,
            toks,
            words: words.to_vec(),
            boundary_before,
            actors,
            unresolved,
            times,
            durations,
            earlier_actors,
            vocab,
            dateline: std::cell::OnceCell::new(),
            tolls: std::cell::OnceCell::new(),
            usable: vec![std::cell::Cell::new(0); places.len()],
            places,
        }
    }

    /// The people a verb acts on, as written: the words after it past a count ("three civil
    /// society activists", "dozens of young men", "more than 300 demonstrators") up to a
    /// preposition, a relative or clause punctuation, four words at most; a plural noun or a
    /// capitalised name ("Ovidio Guzman"); None for a pronoun or anything else. `is_count`
    /// tells number words and digits (the quantities lexicon).
    pub fn people_after(&self, last: usize, is_count: impl Fn(&str) -> bool) -> Option<String> {
        // the words of a count besides the numbers themselves ("more than 300", "dozens of")
        const COUNT: &[&str] = &[
            "a", "an", "the", "many", "of", "more", "than", "at", "least", "about", "around",
            "nearly", "over", "up", "to", "several", "some", "dozens", "scores", "hundreds",
        ];
        const STOP: &[&str] = &[
            "in",
            "on",
            "at",
            "for",
            "during",
            "after",
            "before",
            "who",
            "whom",
            "which",
            "that",
            "and",
            "from",
            "near",
            "around",
            "outside",
            "with",
            "over",
            "across",
            "since",
            "as",
            "when",
            "while",
            "by",
            "to",
            "into",
            "suspected",
            "accused",
            "believed",
            "linked",
            "allegedly",
            "late",
            "early",
            "last",
            "yesterday",
            "today",
            "overnight",
            "following",
        ];
        let w = &self.words;
        let mut k = last + 1;
        while k < w.len()
            && (COUNT.contains(&w[k]) || is_count(w[k]))
            && !self.boundary_between(k - 1, k)
        {
            k += 1;
        }
        let start = k;
        while k < w.len()
            && k - start < 4
            && !STOP.contains(&w[k])
            && !self.boundary_between(k - 1, k)
        {
            k += 1;
        }
        if k == start {
            return None;
        }
        // "can file writ petitions": a verb phrase, not people
        const NOT_NOUN: &[&str] = &[
            "can", "could", "will", "would", "may", "might", "should", "must", "be", "been",
            "have", "has", "had", "is", "are", "was", "were", "not", "also", "them", "him", "her",
            "it", "us", "they", "what", "those", "these", "this",
        ];
        if w[start..k].iter().any(|x| NOT_NOUN.contains(x)) {
            return None;
        }
        let head = w[k - 1];
        let named = self.toks[start..k].iter().all(Token::is_capitalized);
        // a run of up to three capitalised words from `from` that is no place or actor
        let name_run = |from: usize| {
            let mut e = from;
            while e < w.len()
                && e - from < 3
                && (e == from || !self.boundary_between(e - 1, e))
                && self.toks[e].is_capitalized()
                && self.toks[e].text.chars().any(char::is_lowercase)
                && !self.word_in_mention(e)
            {
                e += 1;
            }
            e
        };
        // "arrested peasant leader Medardo Mairena", "freed the opposition politician Jawar
        // Mohammed": a title before a person's name of two words or more names the person
        if !named {
            let titled = (start + 1..k).find(|&i| {
                self.toks[i].is_capitalized()
                    && !self.toks[i - 1].is_capitalized()
                    && !matches!(w[i - 1], "of" | "the" | "a" | "an")
            });
            if let Some(n0) = titled {
                let e = name_run(n0);
                if e - n0 >= 2 {
                    return Some(self.text_of(n0, e - 1).to_string());
                }
            }
        }
        // "arrested a second man, Ricardo Carvajal, on Friday": the name in apposition (a run
        // of capitalised words that is no place or actor, closed by punctuation or the end)
        if !named && k < w.len() && self.boundary_before[k] {
            let e = name_run(k);
            if e > k && (e == w.len() || self.boundary_before[e]) {
                return Some(self.text_of(k, e - 1).to_string());
            }
        }
        let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss")
            || matches!(head, "men" | "women" | "people" | "children");
        // "detained ten men suspected of supplying the militants": suspects
        if plural && !named && matches!(w.get(k), Some(&"suspected" | &"accused")) {
            return Some("Suspects".to_string());
        }
        (named || plural).then(|| self.text_of(start, k - 1).to_string())
    }

    /// The people a passive arrest names before its verb ("two suspects were detained", "the
    /// five men were arrested"): a noun of people, after "the" or a count (`is_count`: the
    /// quantity words), just before the auxiliary; not "their positions were attacked".
    pub fn people_before_passive(
        &self,
        first: usize,
        is_count: impl Fn(&str) -> bool,
    ) -> Option<String> {
        let w = &self.words;
        let aux =
            (1..=2).find(|&b| first >= b && matches!(w[first - b], "were" | "was" | "been"))?;
        let head = first.checked_sub(aux + 1)?;
        let people = matches!(
            w[head],
            "suspects" | "men" | "women" | "people" | "members" | "militants" | "fighters"
        );
        if !people || self.toks[head].is_capitalized() || self.boundary_between(head, first) {
            return None;
        }
        let counted = head.checked_sub(1).map(|i| w[i]).is_some_and(|b| {
            matches!(b, "the" | "several" | "some" | "dozens")
                || is_count(b)
                || b.bytes().all(|c| c.is_ascii_digit())
        });
        counted.then(|| self.text_of(head, head).to_string())
    }

    /// The person a passive arrest names before its auxiliary, as written: "Mamu was
    /// arrested", "the governor, Dawood Laghmani, was arrested", "Medvedchuk, who faces
    /// charges, was detained", "Zambada, one of the founders, was arrested". A run of
    /// capitalised words (not a place, an actor or a pronoun) that ends the subject, read
    /// back over a relative "who" or over one insertion between commas.
    pub fn person_before_passive(&self, first: usize) -> Option<String> {
        let w = &self.words;
        let aux =
            (1..=2).find(|&b| first >= b && matches!(w[first - b], "were" | "was" | "been"))?;
        let mut end = (first - aux).checked_sub(1)?;
        // "had been", "has been"
        if matches!(w[end], "had" | "has" | "have") {
            end = end.checked_sub(1)?;
        }
        let named = |k: usize| {
            let t = &self.toks[k];
            t.is_capitalized() && t.text.chars().any(char::is_lowercase) && !self.word_in_mention(k)
        };
        if w[end] == "who" && self.boundary_before[end] {
            end = end.checked_sub(1)?;
        } else if self.boundary_before[end + 1] && !named(end) {
            // ", one of the cartel's founders, was arrested": back over the insertion to the
            // comma that opened it ("the governor, Dawood Laghmani, was": the name itself)
            let open = (end.saturating_sub(12)..=end)
                .rev()
                .find(|&k| k > 0 && self.boundary_before[k])?;
            end = open - 1;
        }
        if !named(end) {
            return None;
        }
        let mut start = end;
        while start > 0 && end - start < 3 && !self.boundary_before[start] && named(start - 1) {
            start -= 1;
        }
        // (a sentence-initial pronoun or determiner is no name: "He was arrested")
        const NOT_NAMES: &[&str] = &[
            "he",
            "she",
            "they",
            "it",
            "we",
            "i",
            "you",
            "this",
            "that",
            "these",
            "those",
            "the",
            "a",
            "an",
            "his",
            "her",
            "their",
            "its",
            "one",
            "some",
            "many",
            "most",
            "others",
            "all",
            "both",
            "police",
            "authorities",
        ];
        if start == end && NOT_NAMES.contains(&w[start]) {
            return None;
        }
        // the name opens its clause: nothing but a determiner or a comma before it
        let opens = start == 0
            || self.boundary_before[start]
            || matches!(
                w[start - 1],
                "and" | "but" | "when" | "after" | "before" | "as"
            );
        opens.then(|| self.text_of(start, end).to_string())
    }

    pub fn text_of(&self, first: usize, last: usize) -> &'a str {
        &self.text[self.toks[first].span.start..self.toks[last].span.end]
    }

    pub fn char_of(&self, i: usize, chars: &CharIndex<'_>) -> usize {
        chars.char_offset(self.toks[i].span.start)
    }

    /// Is the noun at word `first` a definite reference inside a time adjunct ("hours after the
    /// attack", "since the offensive")? Such a noun points back at an event already reported.
    /// Is the noun at word `first` the complement of a noun of the people of an event
    /// (`role_words.tsv` class `event_party`: "three suspected facilitators of the attack",
    /// "the victims of the bombing")? It names an event told already, whatever date its
    /// clause gives (that date is the other noun's).
    pub fn of_complement(&self, first: usize) -> bool {
        first >= 3
            && self.words[first - 1] == "the"
            && self.words[first - 2] == "of"
            && !self.boundary_before[first - 1]
            && self.vocab.event_parties.matches(self.words[first - 3])
    }

    /// Is the word of meeting at `last` followed by people of the meeter's own side or of no
    /// side (`role_words.tsv` class `own_ranks`: "met commanders at the camp", "a meeting with
    /// his generals", "met senior officers")? That meeting is no talks between parties ("met
    /// Taliban commanders" names a side, and still is).
    pub fn meets_own_ranks(&self, last: usize) -> bool {
        if !matches!(self.words[last], "met" | "meet" | "meets" | "meeting") {
            return false;
        }
        let mut i = last + 1;
        if self.words.get(i) == Some(&"with") {
            i += 1;
        }
        while self
            .words
            .get(i)
            .is_some_and(|w| matches!(*w, "his" | "her" | "its" | "their" | "senior" | "top"))
        {
            i += 1;
        }
        self.words
            .get(i)
            .is_some_and(|w| self.vocab.own_ranks.matches(w))
            && !(last + 1..=i).any(|k| self.boundary_before[k])
    }

    /// Is the noun ending at word `last` the subject of a verb that sets the event it names
    /// beside another ("the raid came weeks before the mission ends", "the attacks followed two
    /// smaller blasts")? The sentence relates an event told already to something else: its
    /// time is that relation, not a date of the event's own.
    pub fn relating_subject(&self, last: usize) -> bool {
        self.words.get(last + 1).is_some_and(|w| {
            matches!(
                *w,
                "came" | "comes" | "come" | "followed" | "follows" | "preceded" | "precedes"
            )
        }) && !self.boundary_before[last + 1]
    }

    /// The "after", "before" or "since" opening a time adjunct whose own clause has the verb
    /// at word `first` as its predicate ("hours after the rebels captured the town", "months
    /// after the group seized the capital"): a subject stands between them, so the clause
    /// tells an event of its own, a background one, not a reference to one told already
    /// ("after the attack"). Only a verb of the past in the active voice ("until the army
    /// withdraws", "since the capital was overrun" tell a state or an event told already; a
    /// gerund, "after the storming of the palace", is a noun).
    pub fn adjunct_clause_prep(&self, first: usize) -> Option<usize> {
        let w = self.words[first];
        if first < 2
            || w.ends_with("ing")
            || w.ends_with('s')
            || self.boundary_before[first]
            || BE.contains(&self.words[first - 1])
            || matches!(self.words[first - 1], "a" | "an")
            || DEFINITE.contains(&self.words[first - 1])
        {
            return None;
        }
        (first.saturating_sub(5)..first - 1)
            .rev()
            .take_while(|&k| !self.boundary_before[k + 1])
            .find(|&k| matches!(self.words[k], "after" | "before" | "since"))
    }

    pub fn in_time_adjunct(&self, first: usize) -> bool {
        self.time_adjunct_prep(first).is_some() && !self.begins_after(first)
    }

    /// Is the noun at word `first` the subject of a verb of beginning with a date of its own
    /// ("since the offensive on Fallujah began on May 23", "after the fighting broke out on
    /// Nov. 4")? The clause then tells when the event started: an event of the story, not a
    /// reference ("closed since the clashes began" still refers back).
    fn begins_after(&self, first: usize) -> bool {
        let end = (first + 7).min(self.words.len());
        let verb = (first + 1..end)
            .take_while(|&k| !self.boundary_before[k])
            .find(|&k| {
                matches!(
                    self.words[k],
                    "began" | "begun" | "started" | "erupted" | "launched"
                ) || (self.words[k] == "broke" && self.words.get(k + 1) == Some(&"out"))
            });
        verb.is_some_and(|v| {
            (v + 1..(v + 5).min(self.words.len()))
                .take_while(|&k| !self.boundary_before[k])
                .any(|k| self.word_in_time(k))
        })
    }

    /// The preposition of the time adjunct the noun at word `first` is a reference in (see
    /// [`Self::in_time_adjunct`]).
    fn time_adjunct_prep(&self, first: usize) -> Option<usize> {
        let mut i = first;
        // skip up to two modifiers between the determiner and the noun
        for _ in 0..3 {
            if i == 0 {
                return None;
            }
            i -= 1;
            if DEFINITE.contains(&self.words[i]) {
                let actor_between = self.actors.iter().any(|a| a.first > i && a.first < first);
                return (!actor_between && i > 0 && TIME_PREPS.contains(&self.words[i - 1]))
                    .then_some(i - 1);
            }
        }
        None
    }

    /// Is the noun at word `first` a reference in a time adjunct of hours or minutes ("hours
    /// before the talks", "shortly after the attack")? What it hangs on happened the same day
    /// as the event referred to.
    pub fn sub_day_reference(&self, first: usize) -> bool {
        self.time_adjunct_prep(first).is_some_and(|p| {
            p > 0
                && matches!(
                    self.words[p - 1],
                    "hours" | "hour" | "minutes" | "moments" | "shortly" | "just"
                )
        })
    }

    /// Where the trigger's own subordinate clause starts ("... may have died when a strike
    /// destroyed ..."): just after the last subordinator between `clause_start` and the trigger.
    pub fn subordinate_start(&self, first: usize, clause_start: usize) -> usize {
        (clause_start..first)
            .rev()
            // "has since taken": an adverb right before the verb opens no clause
            .find(|&i| {
                SUBORDINATORS.contains(&self.words[i])
                    && !(self.words[i] == "since" && i + 1 == first)
            })
            .map_or(clause_start, |i| i + 1)
    }

    /// Actors and times of a reference clause opening at word `since` ("... since U.S.-led
    /// forces began their withdrawal", "... since they seized power in 2021") are no side and
    /// no date of the sentence's events.
    /// Does the reference clause opened by the "since" at word `since` give its own date, to
    /// the month or better ("the first release since the rebels took the city in late
    /// January")? Then it tells a dated background event, which the guidelines count.
    pub fn reference_clause_dated(&self, since: usize) -> bool {
        let (_, end) = self.clause(since + 1, since + 1);
        self.times.iter().any(|t| {
            t.first > since
                && t.first < end
                && t.item
                    .date
                    .is_some_and(|d| d.precision <= crate::model::TimePrecision::Month)
        })
    }

    /// The word range (after the "since", to the end of its clause) of a reference clause.
    pub fn reference_clause_range(&self, since: usize) -> (usize, usize) {
        (since + 1, self.clause(since + 1, since + 1).1)
    }

    pub fn drop_reference_clause(&mut self, since: usize) {
        let (_, end) = self.clause(since + 1, since + 1);
        self.actors.retain(|a| a.first <= since || a.first >= end);
        self.times.retain(|t| t.first <= since || t.first >= end);
        self.usable.iter().for_each(|u| u.set(0));
    }

    /// Does the actor only back a side ("forces backed by the coalition", "Iran-backed")?
    fn backs(&self, a: &Located<'_, ActorMention>) -> bool {
        let by_at = |k: usize| {
            a.first >= k
                && matches!(self.words[a.first - k], "backed" | "supported" | "led")
                && self.words[a.first - k + 1] == "by"
        };
        // "backed by coalition air strikes and special forces": every actor after the
        // "backed by" in its clause
        let backed_before = (a.first.saturating_sub(8)..a.first.saturating_sub(1)).any(|k| {
            matches!(
                self.words[k],
                "backed" | "supported" | "aided" | "assisted" | "helped"
            ) && self.words[k + 1] == "by"
                && !(k + 1..=a.first).any(|b| self.boundary_before[b])
        });
        by_at(2) || by_at(3) || backed_before || is_backer(self.text, a.item.span)
    }

    /// Is the actor mention followed by a verb of speech ("the United States said")? It
    /// reports, and is no side of the events it reports.
    fn is_speaker(&self, m: &ActorMention) -> bool {
        SPEECH.contains(&self.word_after(m).as_str())
    }

    /// The word right after a mention, lower-cased.
    fn word_after(&self, m: &ActorMention) -> String {
        self.text[m.span.end..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect()
    }

    /// Does the mention qualify a person ("militia leader Dostum", "Taliban commander")?
    /// The person is named, not the group acting.
    fn qualifies_person(&self, m: &ActorMention) -> bool {
        PERSON_HEADS.contains(&self.word_after(m).as_str())
    }

    /// The actors of the sentence that can be a side of its events: not a backer ("backed by
    /// the coalition"), not a speaker ("the United States said"), not a group qualifying a
    /// person ("militia leader Dostum"), not "fighters" of a named group, in text order.
    fn sides(&self) -> impl Iterator<Item = &Actor> + '_ {
        self.actors
            .iter()
            .enumerate()
            .filter(|&(j, a)| {
                !self.backs(a)
                    && !self.is_speaker(a.item)
                    && !self.qualifies_person(a.item)
                    && !self.members_of_named(j)
            })
            .map(|(_, a)| &a.item.actor)
    }

    /// An armed side of the sentence other than `agent`: the opponent a sentence names
    /// without tying it to the trigger ("fighters took Raqqa, the capital of the Islamic
    /// State group's caliphate").
    pub fn other_armed_in_sentence(&self, agent: &Actor) -> Option<Actor> {
        self.sides()
            .find(|a| {
                *a != agent
                    && (is_armed_group(a)
                        || matches!(
                            a.actor_type,
                            Some(ActorType::StateForces | ActorType::External)
                        ))
            })
            .cloned()
    }

    /// The state forces of `cc` the sentence names as a side.
    pub fn state_forces_in_sentence(&self, cc: &str) -> Option<Actor> {
        self.sides()
            .find(|a| {
                a.actor_type == Some(ActorType::StateForces) && a.country.as_deref() == Some(cc)
            })
            .cloned()
    }

    /// A non-state armed side named in the sentence.
    pub fn non_state_armed_in_sentence(&self) -> Option<Actor> {
        self.sides().find(|a| is_armed_group(a)).cloned()
    }

    /// Civilians named as such in the sentence ("hundreds of civilians were sheltering"; not
    /// "people", who may be soldiers, and not speakers: "residents said").
    pub fn civilians_in_sentence(&self) -> Option<Actor> {
        self.actors
            .iter()
            .filter(|a| !self.is_speaker(a.item) && a.item.text.to_lowercase().contains("civilian"))
            .map(|a| &a.item.actor)
            .find(|a| a.actor_type == Some(ActorType::Civilians))
            .cloned()
    }

    /// Does a verb of harm with "in" or "during" stand right before the nominal trigger at
    /// `first` ("were killed in a pre-dawn assault", "died during the raid"), making the
    /// people before it its victims?
    pub fn victims_before(&self, first: usize) -> bool {
        let mut k = first;
        // up to three determiners and modifiers ("a pre-dawn", "the failed")
        for _ in 0..3 {
            if k > 0 && !matches!(self.words[k - 1], "in" | "during") {
                k -= 1;
            }
        }
        k >= 2
            && matches!(self.words[k - 1], "in" | "during")
            && matches!(
                self.words[k - 2],
                "killed" | "wounded" | "injured" | "died" | "hurt" | "captured" | "abducted"
            )
            && !self.boundary_between(k - 2, first)
    }

    /// Does a word `is_object` accepts stand as the object of the trigger at `first..=last`:
    /// within five words of its end, in its clause, before any preposition of place or
    /// purpose ("attacked the town in protest at", "an ambush near the village of X")? The
    /// trigger's own words may hold it ("stormed ~ building").
    pub fn object_word_after(
        &self,
        first: usize,
        last: usize,
        is_object: impl Fn(&str) -> bool,
    ) -> bool {
        (first + 1..(last + 6).min(self.words.len()))
            .take_while(|&k| {
                !self.boundary_between(first, k)
                    && !matches!(
                        self.words[k],
                        "in" | "at"
                            | "near"
                            | "outside"
                            | "around"
                            | "over"
                            | "after"
                            | "during"
                            | "for"
                            | "with"
                            | "by"
                            | "to"
                            | "from"
                            | "close"
                            | "inside"
                    )
            })
            .any(|k| is_object(self.words[k]))
    }

    /// Is what the trigger acts on a crowd of protesters ("stormed the sit-in", "the storming
    /// of the main protest camp", "attacked demonstrators")?
    pub fn protest_object_after(&self, first: usize, last: usize) -> bool {
        self.object_word_after(first, last, |w| self.vocab.protest_objects.matches(w))
    }

    /// The crowd that the subject right before a protest trigger at word `first` names by
    /// who its people are ("Thousands of STC supporters rallied", "Displaced residents staged a
    /// rally"), in the text's words: a [`super::role_words::RoleWords::crowd_groups`] noun with
    /// up to two modifiers before it (capitalised names, or adjectives in -ed), read back to a
    /// counting word or a clause boundary. `None` for a plain crowd ("hundreds of people").
    pub fn crowd_before(&self, first: usize) -> Option<String> {
        // ("staged a rally": the subject is before the light verb)
        let w = &self.words;
        let first = if first >= 2
            && matches!(w[first - 1], "a" | "an")
            && matches!(w[first - 2], "staged" | "held" | "organised" | "organized")
        {
            first - 2
        } else {
            first
        };
        let head = first.checked_sub(1)?;
        if self.boundary_before.get(first).copied().unwrap_or(true)
            || !self.vocab.crowd_groups.matches(self.words[head])
        {
            return None;
        }
        let mut start = head;
        while start > 0 && head - start < 2 && !self.boundary_before[start] {
            let (tok, w) = (self.toks[start - 1].text, self.words[start - 1]);
            let named = tok.chars().next().is_some_and(char::is_uppercase) && start - 1 > 0;
            let adjective = w.len() > 4 && w.ends_with("ed") && w.chars().all(char::is_alphabetic);
            if self.vocab.crowd_counts.matches(w) || !(named || adjective) {
                break;
            }
            start -= 1;
        }
        Some(self.text_of(start, head).to_string())
    }

    /// Does the sentence name civilians other than as speakers ("killing two residents"; not
    /// "residents said")?
    pub fn civilians_hurt(&self) -> bool {
        self.actors.iter().any(|a| {
            a.item.actor.actor_type == Some(ActorType::Civilians) && !self.is_speaker(a.item)
        })
    }

    /// A state side of the sentence other than `agent`.
    pub fn state_in_sentence(&self, agent: &Actor) -> Option<Actor> {
        self.sides()
            .find(|a| *a != agent && a.actor_type == Some(ActorType::StateForces))
            .cloned()
    }

    /// A state's forces speaking anywhere in the sentence ("Police said ...", "..., the army
    /// said").
    fn state_speaker(&self) -> Option<Actor> {
        self.actors
            .iter()
            .filter(|a| self.is_speaker(a.item))
            .map(|a| &a.item.actor)
            .find(|a| a.actor_type == Some(ActorType::StateForces))
            .cloned()
    }

    /// A state actor speaking before word `first` ("the defence ministry said ...").
    pub fn state_speaker_before(&self, first: usize) -> Option<Actor> {
        self.actors
            .iter()
            .filter(|a| a.last < first && self.is_speaker(a.item))
            .map(|a| &a.item.actor)
            .find(|a| a.actor_type == Some(ActorType::StateForces))
            .cloned()
    }

    /// Who claims the violence named at word `first` ("the Taliban said they had carried out
    /// the attack", "al-Shabaab claimed responsibility for the attack"): the last armed actor
    /// named before it in the sentence.
    pub fn claimant(&self, first: usize) -> Option<Actor> {
        self.actors
            .iter()
            .filter(|a| a.last < first && !is_civilian_side(&a.item.actor))
            .max_by_key(|a| a.last)
            .map(|a| a.item.actor.clone())
    }

    /// Does "the country" follow the trigger ("their pullout from the country")? It names the
    /// article's country.
    pub fn country_anaphor_after(&self, last: usize) -> bool {
        let hi = (last + 5).min(self.words.len());
        (last + 1..hi.saturating_sub(1))
            .any(|i| self.words[i] == "the" && self.words[i + 1] == "country")
    }

    /// Is the trigger at word `first` the means of support of another side's action ("forces
    /// backed by coalition air strikes", "the operation is supported by US air strikes")? It
    /// tells how a side is backed, not an event of its own.
    pub fn in_backing_phrase(&self, first: usize) -> bool {
        (2..=5).any(|back| {
            first >= back
                && self.words[first - back + 1] == "by"
                && matches!(
                    self.words[first - back],
                    "backed" | "supported" | "aided" | "assisted" | "covered"
                )
                && !(first - back + 1..=first).any(|b| self.boundary_before[b])
        })
    }

    /// The armed group a violent event is claimed by or blamed on ("killed 57 people in an
    /// attack claimed by Islamic State", "a car bomb that police blamed on the militants
    /// exploded"): the group named just after "claimed by", "blamed on" or "attributed to",
    /// near the trigger in its sentence. Who claims or blames is a speaker, not the agent.
    pub fn claimed_by(&self, first: usize) -> Option<Actor> {
        let lo = first.saturating_sub(8);
        (lo..self.words.len().saturating_sub(1))
            .filter(|&i| {
                matches!(
                    (self.words[i], self.words[i + 1]),
                    ("claimed", "by") | ("blamed", "on") | ("attributed", "to")
                )
            })
            .find_map(|i| {
                self.actors
                    .iter()
                    .find(|a| a.first > i + 1 && a.first <= i + 4)
                    // (not a group named as a link: "blamed on the al-Qaeda-linked ...")
                    .filter(|a| {
                        is_armed_group(&a.item.actor)
                            && !self
                                .text
                                .get(a.item.span.end..)
                                .is_some_and(|r| r.starts_with('-'))
                    })
                    .map(|a| a.item.actor.clone())
            })
    }

    /// The armed side acting in a "when" clause after the trigger ("a young woman was shot
    /// on Tuesday when police used live rounds to disperse a crowd"): the agent of an
    /// agentless passive.
    pub fn agent_of_when_clause(&self, last: usize) -> Option<Actor> {
        let when =
            (last + 1..self.words.len().min(last + 12)).find(|&i| self.words[i] == "when")?;
        let a = self
            .actors
            .iter()
            .find(|a| a.first > when && a.first <= when + 3)?;
        let armed = a.item.actor.actor_type == Some(ActorType::StateForces)
            || is_armed_group(&a.item.actor);
        (armed && !self.is_speaker(a.item)).then(|| a.item.actor.clone())
    }

    /// Is word `i` part of an actor mention?
    pub fn word_in_actor(&self, i: usize) -> bool {
        self.actors.iter().any(|a| a.first <= i && i <= a.last)
    }

    /// Is word `i` inside an actor or a place mention?
    fn word_in_mention(&self, i: usize) -> bool {
        self.word_in_actor(i) || self.places.iter().any(|p| p.first <= i && i <= p.last)
    }

    /// Is word `i` inside a time expression ("late May": no modal "may")?
    pub fn word_in_time(&self, i: usize) -> bool {
        self.times.iter().any(|t| t.first <= i && i <= t.last)
    }

    /// Is the noun at word `first` an indefinite adjunct of another verb of the sentence, with
    /// no "by X" of its own? "killed 132 people in an overnight raid" (a frame: the raid is
    /// how the killing was done), "took Raqqa after a final push on the militants' positions"
    /// (an earlier step, done by the same subject).
    pub fn adjunct_nominal(&self, first: usize, last: usize) -> Option<Adjunct> {
        if self.actor_after_word(last + 1, &["by"], 2).is_some() {
            return None;
        }
        for back in 2..=5 {
            let i = first.checked_sub(back)?;
            if self.boundary_before[i + 1] {
                return None;
            }
            let w = self.words[i];
            let kind = match w {
                "in" | "during" | "amid" => Some(Adjunct::Frame),
                "after" | "following" => Some(Adjunct::Before),
                _ => None,
            };
            if let Some(kind) = kind {
                return matches!(self.words[i + 1], "a" | "an").then_some(kind);
            }
            if self.word_in_actor(i) || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
                return None;
            }
        }
        None
    }

    /// Is the word at `first` introduced by a definite determiner ("the talks", "the final
    /// assault", "this week's attack") or a possessive ("its withdrawal", "Moscow's retreat")?
    /// Up to two modifiers may stand between; an actor among them makes the phrase a new
    /// description ("the Taliban attack"), not a reference back.
    /// Does a verb that starts an event stand before the nominal at `first`, past its
    /// determiner and up to two modifiers ("began their offensive", "launched a new assault")?
    pub fn launched_before(&self, first: usize) -> bool {
        (first.saturating_sub(4)..first).rev().any(|i| {
            matches!(
                self.words[i],
                "launched"
                    | "began"
                    | "begun"
                    | "started"
                    | "mounted"
                    | "opened"
                    | "unleashed"
                    | "staged"
            ) && !self.boundary_between(i, first)
        })
    }

    /// Does a verb that starts an event follow the nominal ending at word `last`, in its own
    /// relative clause or as its verb ("the offensive it launched on June 6", "an offensive
    /// that began in May", "the campaign was launched on Monday")? The noun then tells an event
    /// of its own, with its own start, not a reference back nor a word for the violence around.
    pub fn started_after(&self, last: usize) -> bool {
        const LINKS: &[&str] = &[
            "it",
            "they",
            "which",
            "that",
            "was",
            "were",
            "had",
            "has",
            "have",
            "been",
            "first",
            "officially",
            "formally",
            "only",
        ];
        let mut i = last + 1;
        while i < self.words.len() && i <= last + 4 {
            if self.boundary_before[i] {
                return false;
            }
            let w = self.words[i];
            if matches!(
                w,
                "launched" | "began" | "begun" | "started" | "opened" | "unleashed"
            ) {
                return true;
            }
            if !LINKS.contains(&w) {
                return false;
            }
            i += 1;
        }
        false
    }

    pub fn definite(&self, first: usize) -> bool {
        let possessive = |i: usize| {
            matches!(self.words[i], "its" | "their" | "his" | "her")
                || self.toks[i].text.ends_with("'s")
                || self.toks[i].text.ends_with("’s")
                || self.text[self.toks[i].span.end..].starts_with(['\'', '’'])
        };
        let actor_in = |a: usize, b: usize| self.actors.iter().any(|x| x.first < b && x.last >= a);
        for back in 1..=3 {
            let Some(i) = first.checked_sub(back) else {
                return false;
            };
            if back > 1 && self.boundary_before[i + 1] {
                return false;
            }
            if matches!(self.words[i], "the" | "this" | "that") {
                return !actor_in(i + 1, first);
            }
            if possessive(i) {
                return back == 1 || !actor_in(i + 1, first);
            }
            // a modifier is a plain word, or a name ("the Kuriga abduction"; an actor's
            // name, "the Taliban offensive", is told at the determiner)
            if !self.words[i].chars().all(|c| c.is_alphabetic() || c == '-') {
                return false;
            }
        }
        false
    }

    /// Is the noun at word `first` the object of a verb that reports it as done ("launched an
    /// attack", "mounted a coordinated offensive", "carried out a raid")? Then it tells an event
    /// of its own, even where the noun alone is a general word.
    pub fn supported(&self, first: usize) -> bool {
        const VERBS: &[&str] = &[
            "launched",
            "launch",
            "launching",
            "launches",
            "mounted",
            "mounting",
            "staged",
            "conducted",
            "unleashed",
            "out",
            "began",
            "begun",
            "started",
            "announced",
        ];
        for back in 1..=4 {
            let Some(i) = first.checked_sub(back) else {
                return false;
            };
            if self.boundary_before[i + 1] {
                return false;
            }
            let w = self.words[i];
            if VERBS.contains(&w) {
                return w != "out"
                    || i > 0 && matches!(self.words[i - 1], "carried" | "carry" | "carrying");
            }
            if back == 4 {
                return false;
            }
        }
        false
    }

    /// A trigger that ends an actor phrase is its head ("a Russian missile", "US air strikes")
    /// and still reports an event; one inside a name ("Volcano of Anger operation") does not.
    pub fn inside_name(&self, span: Span) -> bool {
        self.actors.iter().any(|a| {
            a.item.span.contains(span) && !a.item.descriptor && a.item.span.end != span.end
        })
    }

    /// The clause around words `[first, last]`: word range bounded by clause punctuation.
    pub fn clause(&self, first: usize, last: usize) -> (usize, usize) {
        let mut start = first;
        while start > 0 && !self.boundary_before[start] {
            start -= 1;
        }
        let mut end = last + 1;
        while end < self.words.len() && !self.boundary_before[end] {
            end += 1;
        }
        (start, end)
    }

    /// "after recapturing Wad Madani, the capital of Gezira state, on January 11": where a
    /// clause ends (`end`, the word after its boundary) at a place followed by an apposition
    /// set off by commas ("the capital of ...", "Iraq's second city"), the clause goes on
    /// after the apposition, to its next boundary.
    fn past_place_apposition(&self, end: usize) -> usize {
        let n = self.words.len();
        let opens = end < n
            && self.places.iter().any(|p| p.last + 1 == end)
            && (matches!(self.words[end], "the" | "a" | "an")
                || self
                    .words
                    .get(end + 1)
                    .is_some_and(|w| matches!(*w, "s" | "'s" | "\u{2019}s"))
                || self.words[end].ends_with("'s")
                // (folding drops the apostrophe: "Iraq's" is the word "iraqs")
                || self.toks[end].text.ends_with("'s")
                || self.toks[end].text.ends_with("\u{2019}s"));
        if !opens {
            return end;
        }
        let Some(close) = (end + 1..n).find(|&k| self.boundary_before[k]) else {
            return end;
        };
        (close + 1..n)
            .find(|&k| self.boundary_before[k])
            .unwrap_or(n)
    }

    /// Is the trigger a passive participle ("was overrun", "were freed")?
    pub fn is_passive_at(&self, first: usize) -> bool {
        self.passive_trigger(first)
    }

    /// Is the trigger passive, its auxiliary included in it ("was shot") or before it?
    pub fn passive_trigger(&self, first: usize) -> bool {
        BE.contains(&self.words[first]) || self.is_passive(first)
    }

    fn is_passive(&self, first: usize) -> bool {
        // "fighters released by the government": a participle with its agent after "by"
        if self.words[first].ends_with("ed") && self.words.get(first + 1) == Some(&"by") {
            return true;
        }
        let mut i = first;
        while i > 0 {
            i -= 1;
            let w = self.words[i];
            if BE.contains(&w) {
                return true;
            }
            if !is_adverb(w) {
                return false;
            }
        }
        false
    }

    fn actor_after_word(&self, from: usize, word: &[&str], within: usize) -> Option<Actor> {
        let hi = (from + within).min(self.words.len());
        let at = (from..hi).find(|&i| word.contains(&self.words[i]))?;
        self.actors
            .iter()
            .find(|a| a.first > at && a.first <= at + 4)
            .map(|a| a.item.actor.clone())
    }

    /// The actor closest before the trigger that can be its subject: not the speaker of a
    /// report ("Residents said the attack..."): an actor followed by a speech verb before the
    /// trigger only speaks.
    fn nearest_actor_before(&self, first: usize) -> Option<Actor> {
        self.nearest_actor_index_before(first)
            .map(|i| self.actors[i].item.actor.clone())
    }

    fn nearest_actor_index_before(&self, first: usize) -> Option<usize> {
        let i = (0..self.actors.len())
            .filter(|&i| self.actors[i].last < first)
            .filter(|&i| !(self.actors[i].last + 1..first).any(|w| SPEECH.contains(&self.words[w])))
            // "troops backed by Russian air power recaptured": the backer is no subject
            .filter(|&i| !self.backs(&self.actors[i]))
            .max_by_key(|&i| self.actors[i].last)?;
        Some(self.noun_phrase_head(i))
    }

    /// The actor heading the noun phrase that actor `i` ends: "families linked to the
    /// Kaniyat militia", "fighters of the group", "civilians caught between the army and the
    /// rebels" are the families, the fighters, the civilians.
    fn noun_phrase_head(&self, i: usize) -> usize {
        let a = &self.actors[i];
        let links = |w: &str| {
            matches!(
                w,
                "of" | "to"
                    | "with"
                    | "from"
                    | "among"
                    | "between"
                    | "linked"
                    | "loyal"
                    | "allied"
                    | "affiliated"
                    | "tied"
                    | "close"
                    | "belonging"
            )
        };
        let head = (0..self.actors.len()).filter(|&j| j != i).find(|&j| {
            let h = &self.actors[j];
            h.last < a.first
                && a.first - h.last <= 4
                && {
                    let between = &self.words[h.last + 1..a.first];
                    !between.is_empty()
                        && links(between[0])
                        && between
                            .iter()
                            .all(|w| links(w) || matches!(*w, "the" | "a" | "an" | "by"))
                }
                && !(h.last + 1..=a.first).any(|k| self.boundary_before[k])
        });
        match head {
            // "fighters of the Government of National Accord", "forces loyal to the
            // junta": an armed descriptor heading a named actor is that actor's men
            Some(j) if self.members_of_named(j) => i,
            Some(j) => self.noun_phrase_head(j),
            None => i,
        }
    }

    /// Is actor `j` a descriptor of armed men ("fighters", "troops", "gunmen") followed by the
    /// named actor they belong to ("fighters of the Government of National Accord", "troops
    /// loyal to the junta")? The named actor is the side; the descriptor names no one of its
    /// own. "fighters linked to al-Qaeda" are not al-Qaeda: only "of", "loyal to" and
    /// "belonging to" make them its members.
    fn members_of_named(&self, j: usize) -> bool {
        let h = &self.actors[j];
        h.item.descriptor
            && !matches!(
                h.item.actor.actor_type,
                Some(ActorType::Civilians | ActorType::Protesters | ActorType::Rioters)
            )
            && self
                .words
                .get(h.last + 1)
                .is_some_and(|w| matches!(*w, "of" | "loyal" | "belonging"))
            && self.actors.iter().any(|a| {
                !a.item.descriptor
                    && a.first > h.last + 1
                    && a.first - h.last <= 4
                    && self.words[h.last + 1..a.first]
                        .iter()
                        .all(|w| matches!(*w, "of" | "loyal" | "belonging" | "to" | "the"))
                    && !(h.last + 1..=a.first).any(|k| self.boundary_before[k])
            })
    }

    /// The actor containing the trigger ("a Russian missile", "Russia's air strike"): the
    /// country or group that fired it; or whose head noun opens the trigger ("Indian jets
    /// fired missiles", the trigger "jets fired").
    fn containing_actor(&self, first: usize, last: usize) -> Option<Actor> {
        self.actors
            .iter()
            .find(|a| a.first < first && (a.last >= last || a.last == first))
            .map(|a| a.item.actor.clone())
    }

    /// Actors coordinated before the actor at `i` ("troops and allied clan fighters"), in text
    /// order, `i` included.
    fn with_coordinated(&self, i: usize) -> Vec<Actor> {
        let mut out = vec![self.actors[i].item.actor.clone()];
        let mut first = self.actors[i].first;
        let joins = |w: &str| matches!(w, "and" | "," | "with");
        // "local IS members and their families": a plain noun or a possessive may stand
        // beside the "and"
        let filler = |w: &str| {
            w.chars().all(|c| c.is_ascii_lowercase())
                && !w.ends_with("ed")
                && !BE.contains(&w)
                && !SPEECH.contains(&w)
        };
        while first >= 2 {
            // "X and Y", "X and allied Y", "X members and their Y"
            let Some(j) = self.actors.iter().position(|a| {
                (a.last + 2 == first && joins(self.words[first - 1]))
                    || (a.last + 3 == first && joins(self.words[first - 2]))
                    || (a.last < first
                        && first - a.last == 4
                        && self.words[a.last + 2] == "and"
                        && filler(self.words[a.last + 1])
                        && filler(self.words[first - 1]))
            }) else {
                break;
            };
            out.insert(0, self.actors[j].item.actor.clone());
            first = self.actors[j].first;
        }
        out
    }

    /// The subject pronoun of the trigger, if that is its subject: "they overran", "it had
    /// completed the withdrawal" (through support verbs before a nominalisation).
    fn subject_pronoun(&self, first: usize, nominal: bool) -> Option<usize> {
        let mut i = first;
        let lo = first.saturating_sub(7);
        while i > lo {
            i -= 1;
            let w = self.words[i];
            if PRONOUNS.contains(&w) {
                return Some(i);
            }
            let skip = is_adverb(w) || BE.contains(&w) || (nominal && SUPPORT.contains(&w));
            if !skip || self.boundary_before[i + 1] && i + 1 < first {
                return None;
            }
        }
        None
    }

    /// Who speaks before a pronoun: "Russia said it had ...", "the army declared on Thursday
    /// that it had ...", "fighters said they had taken ...": the pronoun is the speaker.
    fn speaker_of(&self, pronoun: usize) -> Option<Actor> {
        let lo = pronoun.saturating_sub(6);
        let verb = (lo..pronoun)
            .rev()
            .find(|&i| SPEECH.contains(&self.words[i]))?;
        // nothing that could be another subject between the verb and the pronoun
        if self
            .actors
            .iter()
            .any(|a| a.first > verb && a.first < pronoun)
        {
            return None;
        }
        self.actors
            .iter()
            .filter(|a| {
                a.last < verb && (a.last + 3 >= verb || self.place_phrase(a.last + 1, verb))
            })
            .max_by_key(|a| a.last)
            .map(|a| a.item.actor.clone())
    }

    /// Are words `[from, to)` a phrase of place after a speaker ("in western Myanmar", "in
    /// northern Shan state", "from Kidal"): a preposition of place, then only words of a place
    /// name and compass words?
    fn place_phrase(&self, from: usize, to: usize) -> bool {
        let in_place = |i: usize| {
            self.places.iter().any(|p| p.first <= i && i <= p.last)
                || self.unresolved.iter().any(|&(f, l)| f <= i && i <= l)
        };
        from + 1 < to
            && matches!(self.words[from], "in" | "from" | "near")
            && (from + 1..to).any(in_place)
            && (from + 1..to).all(|i| {
                !self.boundary_before[i]
                    && (in_place(i)
                        || self.vocab.place_adjectives.contains(self.words[i])
                        || matches!(self.words[i], "the" | "state" | "province" | "region"))
            })
    }

    /// The agent a pronoun subject stands for when its speaker names it (else None: the
    /// caller takes the story's last agent). A possessive subject ("its jets", "their naval
    /// forces") counts only where a speaker owns it ([`Sentence::possessive_subject`]).
    pub fn pronoun_agent(&self, first: usize, roles: Roles) -> Option<Option<Actor>> {
        match self.subject_pronoun(first, roles == Roles::Nominal) {
            Some(p) => Some(self.speaker_of(p).or_else(|| self.earlier_subject(p))),
            None => self
                .possessive_subject(first, roles == Roles::Nominal)
                .and_then(|p| self.speaker_of(p))
                .map(Some),
        }
    }

    /// The possessive that opens the trigger's subject when that subject is a noun no actor
    /// mention covers: "the air force said its jets had struck", "the movement said on
    /// Monday its naval forces had seized a ship". Returns the index of "its"/"their"; the
    /// speaker before it is the owner, and so the agent.
    fn possessive_subject(&self, first: usize, nominal: bool) -> Option<usize> {
        let mut i = first;
        let lo = first.saturating_sub(7);
        while i > lo {
            i -= 1;
            let w = self.words[i];
            let skip = is_adverb(w) || BE.contains(&w) || (nominal && SUPPORT.contains(&w));
            if skip && !matches!(w, "its" | "their") {
                continue;
            }
            // the noun (with at most one word before it) after the possessive
            return (i.saturating_sub(2)..i)
                .rev()
                .find(|&k| matches!(self.words[k], "its" | "their"))
                .filter(|&k| {
                    (k + 1..=i).all(|j| {
                        !self.word_in_actor(j)
                            && !self.boundary_before[j]
                            && self.words[j].chars().all(|c| c.is_alphabetic() || c == '-')
                    })
                });
        }
        None
    }

    /// The armed subject of an earlier clause of the sentence, for a pronoun at word `p`
    /// ("GNA forces said they had pushed the attackers back, and on Sunday they announced a
    /// counter-offensive"): a subject is followed by its verb, an object is not.
    fn earlier_subject(&self, p: usize) -> Option<Actor> {
        let armed = |a: &Actor| a.actor_type == Some(ActorType::StateForces) || is_armed_group(a);
        self.actors
            .iter()
            .filter(|a| a.last < p && armed(&a.item.actor) && !self.backs(a))
            .filter(|a| {
                let next = self.word_after(a.item);
                next.ends_with("ed")
                    || BE.contains(&next.as_str())
                    || is_adverb(&next)
                    || SUBJECT_NEXT.contains(&next.as_str())
            })
            .max_by_key(|a| a.last)
            .map(|a| a.item.actor.clone())
    }

    /// The actor a weapon trigger's reduced relative names, and its last word: "mortar rounds
    /// fired by the militants", "rockets launched by the group" (a `fired` participle of
    /// `role_words.tsv` within two words after the trigger, then "by" and the actor).
    /// The participle may also sit inside a trigger that spans it ("a mine left behind by
    /// the militants killed", from `first`), and a particle may follow it ("left behind by").
    fn fired_by(&self, first: usize, last: usize) -> Option<(Actor, usize)> {
        let n = self.words.len();
        let verb =
            (first + 1..(last + 3).min(n)).find(|&i| self.vocab.fired.matches(self.words[i]))?;
        let by = if self.words.get(verb + 1) == Some(&"behind") {
            verb + 2
        } else {
            verb + 1
        };
        if self.words.get(by) != Some(&"by") {
            return None;
        }
        self.actors
            .iter()
            .find(|a| a.first > by && a.first <= by + 2)
            .map(|a| (a.item.actor.clone(), a.last))
    }

    /// The target after a verb of impact that follows the trigger ("a missile hit X").
    fn target_after_impact(&self, last: usize) -> Option<Actor> {
        let hi = (last + 4).min(self.words.len());
        let verb = (last + 1..hi).find(|&i| IMPACT.contains(&self.words[i]))?;
        self.first_actor_after(verb, 6).or_else(|| {
            // "... hit a block in Mykolaiv, killing seven people"
            let k = (verb + 1..self.words.len())
                .find(|&i| matches!(self.words[i], "killing" | "wounding" | "injuring"))?;
            self.actors
                .iter()
                .find(|a| a.first > k && a.first <= k + 6)
                .map(|a| a.item.actor.clone())
        })
    }

    /// The article's own name for the state forces of `cc`: a mention in this sentence, else
    /// the last one before it ("security forces", "GNA", "Somali government troops").
    pub fn named_state_forces(&self, cc: &str) -> Option<Actor> {
        let of_state = |a: &Actor| {
            a.actor_type == Some(ActorType::StateForces) && a.country.as_deref() == Some(cc)
        };
        self.actors
            .iter()
            .filter(|a| !self.backs(a))
            .map(|a| &a.item.actor)
            .find(|a| of_state(a))
            .or_else(|| {
                self.earlier_actors
                    .iter()
                    .map(|m| &m.actor)
                    .rfind(|a| of_state(a))
            })
            .cloned()
    }

    /// The object of an active trigger: the actor the trigger's own words end on ("fired on
    /// several thousand demonstrators"), else the first one after it.
    fn object_of(&self, first: usize, last: usize) -> Option<Actor> {
        self.actors
            .iter()
            .find(|a| a.first > first && a.last <= last)
            .map(|a| a.item.actor.clone())
            .or_else(|| self.first_actor_after(last, 6))
    }

    fn first_actor_after(&self, last: usize, within: usize) -> Option<Actor> {
        let (_, clause_end) = self.clause(last, last);
        self.actors
            .iter()
            .filter(|a| a.first > last && a.first <= last + within && a.first < clause_end)
            .min_by_key(|a| a.first)
            .map(|a| a.item.actor.clone())
    }

    /// A participle after "with/while/as" or opening a clause takes the sentence's subject.
    fn participle_subject(&self, first: usize) -> Option<Actor> {
        let w = self.words[first];
        if !w.ends_with("ing") {
            return None;
        }
        let (cs, _) = self.clause(first, first);
        if cs != first && !WITH.contains(&self.words[cs]) {
            return None;
        }
        // "with the militants seizing": the actor right before the participle is its subject
        if let Some(a) = self
            .actors
            .iter()
            .find(|a| a.last + 1 == first && a.first >= cs)
        {
            return Some(a.item.actor.clone());
        }
        self.actors
            .iter()
            .min_by_key(|a| a.first)
            .filter(|a| a.last < first)
            .map(|a| a.item.actor.clone())
    }

    /// Agents and targets of the trigger at words `[first, last]`.
    pub fn roles(&self, roles: Roles, first: usize, last: usize) -> (Vec<Actor>, Vec<Actor>) {
        let mut agents = Vec::new();
        let mut targets = Vec::new();
        let push = |v: &mut Vec<Actor>, a: Option<Actor>| {
            if let Some(a) = a {
                if !v.contains(&a) {
                    v.push(a);
                }
            }
        };
        // "a Russian missile hit ...", "Russia's air strikes on ...": the trigger sits inside
        // the actor that fired it
        if matches!(roles, Roles::Svo | Roles::Nominal) {
            if let Some(a) = self.containing_actor(first, last) {
                push(&mut agents, Some(a));
                push(
                    &mut targets,
                    self.actor_after_word(last + 1, &["on", "against", "targeting"], 3)
                        .or_else(|| self.target_after_impact(last)),
                );
                return (agents, targets);
            }
        }
        // "mortar rounds fired by the militants landed ...", "rockets launched by the group
        // hit ...": the weapon's reduced relative names who fired it
        if matches!(roles, Roles::Svo | Roles::Nominal) {
            if let Some((a, end)) = self.fired_by(first, last) {
                push(&mut agents, Some(a));
                push(&mut targets, self.target_after_impact(end));
                return (agents, targets);
            }
        }
        match roles {
            Roles::Svo => {
                // ("were shot": a trigger may hold its own auxiliary)
                if self.passive_trigger(first) {
                    push(&mut agents, self.actor_after_word(last + 1, &["by"], 4));
                    // "Seventeen hostages were rescued, the army said": the state's forces
                    // that tell of a rescue made it
                    if agents.is_empty()
                        && self.words[first..=last]
                            .iter()
                            .any(|w| self.vocab.rescues.matches(w))
                    {
                        push(&mut agents, self.state_speaker());
                    }
                    push(&mut targets, self.nearest_actor_before(first));
                } else if let Some(subj) = self.participle_subject(first) {
                    push(&mut agents, Some(subj));
                    push(&mut targets, self.object_of(first, last));
                } else {
                    if let Some(i) = self.nearest_actor_index_before(first) {
                        for a in self.with_coordinated(i) {
                            push(&mut agents, Some(a));
                        }
                    }
                    push(&mut targets, self.object_of(first, last));
                }
            }
            Roles::Nominal if self.victims_before(first) => {
                // "Hapilon and Maute were killed in a pre-dawn assault": the people killed
                // are its targets; only "by" names who made it
                push(&mut agents, self.actor_after_word(last + 1, &["by"], 2));
                push(&mut targets, self.nearest_actor_before(first));
            }
            Roles::Nominal => {
                // "assault by X", else the possessor or the subject before
                let by = self.actor_after_word(last + 1, &["by"], 2);
                push(&mut agents, by.or_else(|| self.nearest_actor_before(first)));
                push(
                    &mut targets,
                    self.actor_after_word(last + 1, &["on", "against", "targeting"], 3)
                        .or_else(|| self.target_after_impact(last)),
                );
            }
            Roles::FellTo => {
                // ("the fall of Herat to the Taliban": past the place's name)
                let reach = if self.words[last] == "of" { 5 } else { 2 };
                push(&mut agents, self.actor_after_word(last, &["to"], reach));
                if agents.is_empty() {
                    push(&mut agents, self.actor_after_word(last + 1, &["by"], 3));
                }
            }
            Roles::Parties => {
                // "clashes between X and Y": the sides named after "between"; else every
                // actor of the sentence but those who only back one side ("backed by X") and,
                // where armed sides are named, the civilians around them
                let (_, ce) = self.clause(last, last);
                // ("talks between the two sides": no actor named after it, no sides told there)
                let between = (last + 1..ce.min(last + 12))
                    .find(|&i| self.words[i] == "between")
                    .filter(|&b| self.actors.iter().any(|a| a.first > b && a.first < ce));
                // "approved the deal on Tuesday, hours after Israeli warplanes pounded Tyre":
                // the actors of a temporal clause after the trigger are no parties
                let temporal = (last + 2..self.words.len())
                    .find(|&i| self.opens_time_clause(i))
                    .filter(|_| between.is_none());
                let sides: Vec<&Located<'_, ActorMention>> = self
                    .actors
                    .iter()
                    .filter(|a| between.is_none_or(|b| a.first > b && a.first < ce))
                    .filter(|a| temporal.is_none_or(|k| a.first < k))
                    .filter(|a| !self.backs(a))
                    .collect();
                let armed = sides
                    .iter()
                    .filter(|a| !is_civilian_side(&a.item.actor))
                    .count();
                for a in sides {
                    if armed >= 2 && is_civilian_side(&a.item.actor) {
                        continue;
                    }
                    push(&mut agents, Some(a.item.actor.clone()));
                }
                // armed clashes: the first side acts, the others are targets
                if agents.len() > 1
                    && self.words[first..=last].iter().any(|w| {
                        matches!(
                            *w,
                            "clash"
                                | "clashes"
                                | "clashed"
                                | "fighting"
                                | "fought"
                                | "battle"
                                | "battled"
                                | "battles"
                                | "firefight"
                                | "exchanged"
                                | "exchanging"
                        )
                    })
                {
                    // "when soldiers and police raided a house": one state's forces are one
                    // side; the others are the targets
                    let first_side = agents[0].clone();
                    let (allies, others): (Vec<Actor>, Vec<Actor>) =
                        agents.drain(..).partition(|a| {
                            *a == first_side
                                || (first_side.actor_type == Some(ActorType::StateForces)
                                    && a.actor_type == Some(ActorType::StateForces)
                                    && a.country == first_side.country)
                        });
                    agents = allies;
                    targets = others;
                }
            }
        }
        (agents, targets)
    }

    /// The place tied to the trigger: after it through a preposition (same clause), else the
    /// nearest place of the sentence, else "the city" pointing back (None here: the caller uses
    /// the focus place). Places inside actor names ("Afghan forces", "Kabul government") don't count.
    pub fn place_for(
        &self,
        first: usize,
        last: usize,
        subject_first: bool,
        leaving: bool,
    ) -> Option<usize> {
        let chosen = self.place_for_at(first, last, subject_first, leaving)?;
        Some(
            self.town_named_after_country(chosen, last)
                .unwrap_or(chosen),
        )
    }

    /// "rockets were fired at Israel, some reaching Tel Aviv": where the place chosen is a
    /// country and a town of that country follows it closely after the trigger, the event is
    /// told down to that town (the most precise place the text gives).
    fn town_named_after_country(&self, chosen: usize, last: usize) -> Option<usize> {
        let c = &self.places[chosen];
        let cc = c
            .item
            .place
            .as_ref()
            .filter(|x| x.precision == GeoPrecision::Country)?
            .country_code
            .as_str();
        (0..self.places.len()).find(|&i| {
            let q = &self.places[i];
            q.first > c.last.max(last)
                && q.first <= c.last + 8
                && q.item
                    .place
                    .as_ref()
                    .is_some_and(|x| x.precision == GeoPrecision::Point && x.country_code == cc)
                && self.usable_place(q)
        })
    }

    /// [`Self::place_for`] before a country is told down to a town named right after it.
    fn place_for_at(
        &self,
        first: usize,
        last: usize,
        subject_first: bool,
        leaving: bool,
    ) -> Option<usize> {
        // "some surrendered and others fled into Iran": a place after a new subject belongs
        // to that clause's verb
        let other_clause = |i: usize| {
            (last + 1..self.places[i].first.saturating_sub(1)).any(|k| {
                (matches!(self.words[k], "and" | "but" | "while" | "whereas")
                    && NEW_SUBJECTS.contains(&self.words[k + 1]))
                    || (matches!(self.words[k], "as" | "while" | "whereas" | "because")
                        && self.boundary_before[k])
                    // "..., though fighting continued in Khartoum": a concession's place
                    || (matches!(self.words[k], "though" | "although")
                        && (self.boundary_before[k]
                            || (self.words[k - 1] == "even" && self.boundary_before[k - 1])))
                    // "the fighting comes as donors prepare to gather in Brussels"
                    || (self.words[k] == "as"
                        && matches!(self.words[k - 1], "comes" | "came" | "come"))
                    // "..., hours after warplanes pounded Tyre": that clause's place
                    || self.opens_time_clause(k)
            })
        };
        // those who leave leave a place: where they went ("fled across the border into Iran",
        // "pulled back to Mekelle") is not where they withdrew
        let destination = |i: usize| {
            leaving
                && self.places[i].first > last
                && ((last + 1..self.places[i].first).any(|k| {
                    // "... and regrouped in Mopti": a second verb of the same subject
                    self.words[k] == "and"
                        && self
                            .words
                            .get(k + 1)
                            .is_some_and(|w| w.len() > 4 && w.ends_with("ed"))
                }) || (last..self.places[i].first)
                    .rev()
                    .find(|&k| {
                        matches!(
                            self.words[k],
                            "from" | "of" | "in" | "to" | "into" | "toward" | "towards" | "across"
                        )
                        // ("towards the province of Marib": that "of" names the place)
                        && !(self.words[k] == "of"
                            && k > 0
                            && self.vocab.place_of.matches(self.words[k - 1]))
                    })
                    .is_some_and(|k| {
                        matches!(
                            self.words[k],
                            "to" | "into" | "toward" | "towards" | "across"
                        )
                    }))
        };
        let usable: Vec<usize> = (0..self.places.len())
            .filter(|&i| {
                self.usable_place(&self.places[i])
                    && !other_clause(i)
                    && !destination(i)
                    && !self.in_insertion_before(i, first)
                    && (leaving || !self.in_route(i))
                    && !self.capital_acting(i, first)
                    && !self.capitals_as_parties(i)
                    && !self.states_as_subject(i, first)
                    && !self.origin_of_movers(i, first)
                    && !self.launch_site(i)
            })
            .collect();
        let (clause_start, clause_end) = self.clause(last, last);
        let point = |i: &usize| {
            self.places[*i]
                .item
                .place
                .as_ref()
                .is_some_and(|x| x.precision == GeoPrecision::Point)
        };
        // "Sar-e-Pul ... fell", "Zaranj became the first capital to fall": the subject
        if subject_first {
            let sentence_start_subject = usable
                .iter()
                .copied()
                .filter(|&i| {
                    self.places[i].last < first
                        && self.places[i].first <= clause_start.max(1)
                        && !self.of_a_person(i)
                })
                .min_by_key(|&i| self.places[i].first);
            if sentence_start_subject.is_some() {
                return sentence_start_subject;
            }
        }
        let tied = usable
            .iter()
            .copied()
            .filter(|&i| {
                // near the trigger a place may sit just past a comma; further away it must
                // be in the trigger's clause
                let p = &self.places[i];
                p.first > last
                    && ((p.first <= last + 10 && p.first < clause_end + 6)
                        || (p.first <= last + 16 && p.first < clause_end))
            })
            .filter(|&i| {
                let between = &self.words[last + 1..self.places[i].first];
                // a preposition (the trigger's own last word counts: "push into X"), or a
                // direct object ("stormed X", "captured the town of X")
                PLACE_PREPS.contains(&self.words[last])
                    || between.iter().any(|w| PLACE_PREPS.contains(w))
                    || between.iter().all(|w| OBJECT_WORDS.contains(w))
            })
            .min_by_key(|&i| self.places[i].first)
            .or_else(|| self.place_after_apposition(last, &usable));
        // "the city" after the trigger refers back: to a town named earlier in this sentence,
        // else to the focus of the article (the caller's)
        let anaphor_first = self.place_anaphor_after(last);
        let antecedent = || {
            usable
                .iter()
                .copied()
                .filter(|i| self.places[*i].last < first && point(i))
                .max_by_key(|&i| self.places[i].last)
        };
        // "In Cairo, the president hosted ...": an opening adjunct places the whole sentence
        let opening = usable.iter().copied().find(|&i| {
            let p = &self.places[i];
            p.first == 1 && matches!(self.words[0], "in" | "at" | "near")
        });
        let far = |p: usize| self.places[p].first > last + 6;
        // "In Yangon, protesters massed ..., while in the second city, Mandalay, thousands
        // marched": a contrasting clause brings its own place before its trigger
        if let Some(o) = opening {
            let contrast = usable
                .iter()
                .copied()
                .filter(|&q| {
                    let (po, pq) = (&self.places[o], &self.places[q]);
                    pq.first > po.last
                        && pq.last < first
                        && (po.last + 1..pq.first)
                            .any(|k| matches!(self.words[k], "while" | "whereas" | "but"))
                })
                .max_by_key(|&q| self.places[q].first);
            if contrast.is_some() && tied.is_none_or(far) {
                return contrast;
            }
        }
        if let Some(o) = opening {
            if tied.is_none_or(far)
                && o != tied.unwrap_or(usize::MAX)
                && self.places[o].last < first
            {
                return Some(o);
            }
        }
        match (tied, anaphor_first) {
            (Some(p), Some(a)) if a < self.places[p].first => antecedent(),
            (Some(p), _) => Some(p),
            (None, Some(_)) => antecedent(),
            // else the nearest place of the sentence before the trigger, or after it in its
            // clause or a few words away; a place further on in a later clause ("..., the
            // latest attempt to halt fighting that has driven the junta out of northern Shan
            // State") is where something else is
            (None, None) => {
                let dist = |i: usize| {
                    let p = &self.places[i];
                    if p.first > last {
                        p.first - last
                    } else {
                        first - p.last
                    }
                };
                let nearest = usable
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let p = &self.places[i];
                        p.last < first
                            || dist(i) <= NEAR_PLACE_WORDS
                            || !self.later_clause(last, p.first)
                    })
                    .min_by_key(|&i| {
                        // prefer towns to countries at equal distance
                        (
                            dist(i) / 4,
                            self.places[i].item.place.as_ref().map(|x| x.precision),
                        )
                    });
                // "took Lysychansk, the last city in Luhansk province, and ... withdrew": a
                // region in an apposition to a town only says where the town is
                nearest.map(|i| {
                    if self.places[i].last < first {
                        self.town_of_apposition(i, &usable).unwrap_or(i)
                    } else {
                        i
                    }
                })
            }
        }
    }

    /// "commandos flown in from Herat and Kandahar had cleared the city": a place before the
    /// trigger after "from" that follows a verb of moving people or things (the `sent_away`
    /// class, "in" between) is where the movers came from, not where the event happened; so
    /// are the places listed with it.
    fn origin_of_movers(&self, i: usize, first: usize) -> bool {
        let mut j = i;
        loop {
            let p = &self.places[j];
            let f = p.first;
            if p.last >= first || f < 2 {
                return false;
            }
            if self.words[f - 1] == "from" {
                let k = if self.words[f - 2] == "in" {
                    f - 3
                } else {
                    f - 2
                };
                return self
                    .words
                    .get(k)
                    .is_some_and(|w| self.vocab.sent_away.matches(w));
            }
            // "from Herat and Kandahar", "from Herat, Kandahar and Kabul"
            let listed = (0..j).rev().find(|&q| {
                let l = self.places[q].last;
                (l + 2 == f && matches!(self.words[f - 1], "and" | "or"))
                    || (l + 1 == f && self.boundary_before[f])
            });
            match listed {
                Some(q) => j = q,
                None => return false,
            }
        }
    }

    /// "a missile fired from Yemen towards Eilat", "a drone launched from Lebanon hit a house
    /// in Haifa": a place after "from" right after a verb of firing (the `fired` class) is
    /// where the weapon was fired from; where another place follows it in the clause, that
    /// place, where it landed, is the event's.
    fn launch_site(&self, i: usize) -> bool {
        let p = &self.places[i];
        let f = p.first;
        if f < 2 || self.words[f - 1] != "from" || !self.vocab.fired.matches(self.words[f - 2]) {
            return false;
        }
        let (_, clause_end) = self.clause(p.last, p.last);
        self.places.iter().any(|q| {
            q.first > p.last + 1
                && q.first <= clause_end.max(p.last + 12)
                && confident_place(q.item)
        })
    }

    /// "briefly held the Sayedabad neighbourhood": is place mention `i` named as a quarter of
    /// a town (a `quarter` word of `role_words.tsv` right after it)? Not when "of" names the
    /// town ("the Duma neighbourhood of Damascus", "the Damascus suburb of Sayeda Zeynab").
    pub fn names_quarter(&self, i: usize) -> bool {
        let Some(p) = self.places.get(i) else {
            return false;
        };
        self.words
            .get(p.last + 1)
            .is_some_and(|w| self.vocab.quarters.matches(w))
            && self.words.get(p.last + 2) != Some(&"of")
    }

    /// "under Beijing's mediation", "Moscow's offensive": a capital's possessive right before
    /// the trigger names the state that acts (the capital's fall or siege is still its own).
    fn capital_acting(&self, i: usize, first: usize) -> bool {
        let p = &self.places[i];
        p.last + 1 == first
            && self.possessive(p)
            && is_capital(p)
            && !self.vocab.suffered.matches(self.words[first])
    }

    /// "talks between Moscow and Kyiv", "relations between Kabul and Islamabad": two capitals
    /// (or a capital and a country) joined by "between ... and" are the two states, not
    /// where anything happened.
    fn capitals_as_parties(&self, i: usize) -> bool {
        let state = |k: usize| is_state(&self.places[k]);
        let capital = |k: usize| is_capital(&self.places[k]);
        let word = |k: usize| self.words.get(k).copied();
        let p = &self.places[i];
        // the other side of the pair: after "and" when this one follows "between", before it
        let other = if p.first > 0 && word(p.first - 1) == Some("between") {
            word(p.last + 1)
                .filter(|w| *w == "and")
                .and_then(|_| (0..self.places.len()).find(|&k| self.places[k].first == p.last + 2))
        } else if p.first > 1 && word(p.first - 1) == Some("and") {
            (0..self.places.len()).find(|&k| {
                self.places[k].last + 2 == p.first
                    && self.places[k].first > 0
                    && word(self.places[k].first - 1) == Some("between")
            })
        } else {
            None
        };
        other.is_some_and(|k| state(k) && state(i) && (capital(k) || capital(i)))
    }

    /// "agreed to a ceasefire in the port city of Hodeidah", "a truce across the province":
    /// is place mention `i` the ground a truce covers (its phrase opens with a preposition
    /// right after "ceasefire", "truce" or "hostilities")?
    pub fn truce_scope(&self, i: usize) -> bool {
        let p = &self.places[i];
        let mut k = p.first;
        while k > 0 && k + 8 > p.first {
            if self.boundary_before[k] {
                return false;
            }
            k -= 1;
            if matches!(
                self.words[k],
                "in" | "across" | "around" | "throughout" | "for" | "along"
            ) {
                return k > 0 && matches!(self.words[k - 1], "ceasefire" | "truce" | "hostilities");
            }
        }
        false
    }

    /// "Russia and Ukraine each handed over 100 prisoners": two states (countries or
    /// capitals) joined by "and" right before the trigger (an auxiliary, an adverb, "each" or
    /// "both" between) are its two sides, not where it happened.
    fn states_as_subject(&self, i: usize, first: usize) -> bool {
        self.state_pair(i).is_some_and(|(start, end)| {
            end < first
                && !(start > 0 && PLACE_PREPS.contains(&self.words[start - 1]))
                && !(end + 1..=first).any(|k| self.boundary_before[k])
                && (end + 1..first).all(|k| {
                    is_aux_or_adverb(self.words[k])
                        || matches!(self.words[k], "each" | "both" | "have" | "has" | "had")
                })
        })
    }

    /// "Russia and Ukraine each handed over 100 prisoners of war in a swap": two states joined
    /// by "and" that open the clause the trigger at `first` ends (no clause boundary between)
    /// are its sides. (Only for exchanges, meetings and deals: "Syria and Iraq saw heavy
    /// fighting" is where the fighting was.)
    pub fn states_open_clause(&self, i: usize, first: usize) -> bool {
        self.state_pair(i).is_some_and(|(start, end)| {
            end < first
                && (start == 0 || self.boundary_before[start])
                && !(start > 0 && PLACE_PREPS.contains(&self.words[start - 1]))
                && !(start + 1..=first).any(|k| self.boundary_before[k])
        })
    }

    /// The first and last words of a pair of states ("Russia and Ukraine", "Kyiv and Moscow")
    /// that place mention `i` belongs to.
    fn state_pair(&self, i: usize) -> Option<(usize, usize)> {
        let state = |k: usize| is_state(&self.places[k]);
        let word = |k: usize| self.words.get(k).copied();
        let p = &self.places[i];
        if !state(i) {
            return None;
        }
        if word(p.last + 1) == Some("and") {
            (0..self.places.len())
                .find(|&k| self.places[k].first == p.last + 2 && state(k))
                .map(|k| (p.first, self.places[k].last))
        } else if p.first > 1 && word(p.first - 1) == Some("and") {
            (0..self.places.len())
                .find(|&k| self.places[k].last + 2 == p.first && state(k))
                .map(|k| (self.places[k].first, p.last))
        } else {
            None
        }
    }

    /// Is place mention `i` an end of a route, "from X to Y" ("a train carrying passengers
    /// from Quetta to Peshawar")? Such places say where something was going, not where the
    /// event happened (those who leave a place are read apart: see `place_for`).
    fn in_route(&self, i: usize) -> bool {
        let p = &self.places[i];
        let word = |k: usize| self.words.get(k).copied();
        let from_here = p.first > 0
            && word(p.first - 1) == Some("from")
            && word(p.last + 1) == Some("to")
            && self.places.iter().any(|q| q.first == p.last + 2);
        let to_here = p.first > 1
            && word(p.first - 1) == Some("to")
            && self
                .places
                .iter()
                .any(|q| q.last + 2 == p.first && q.first > 0 && word(q.first - 1) == Some("from"));
        from_here || to_here
    }

    /// "The governor of Ghazni was arrested": a place after "of" that follows no noun of
    /// place ([`super::role_words::RoleWords::place_of`]: "the town of", "parts of")
    /// qualifies who or what the subject is; it is not the subject itself.
    fn of_a_person(&self, i: usize) -> bool {
        let f = self.places[i].first;
        f >= 2 && self.words[f - 1] == "of" && !self.vocab.place_of.matches(self.words[f - 2])
    }

    /// The town whose apposition holds region `i` ("Lysychansk, the last big city in Luhansk
    /// province"): a town, then a boundary and a determiner, then "in" right before the
    /// region, with no boundary on the way. Or the town the region follows right after "in"
    /// ("abducted in Kankara in Katsina State, and released days later"), where the region
    /// holds it: the region only says where the town is.
    fn town_of_apposition(&self, i: usize, usable: &[usize]) -> Option<usize> {
        let p = &self.places[i];
        let precision = |k: usize| self.places[k].item.place.as_ref().map(|x| x.precision);
        if p.first == 0
            || self.words[p.first - 1] != "in"
            || precision(i).is_none_or(|x| x == GeoPrecision::Point)
        {
            return None;
        }
        let holds = |j: usize| {
            let (Some(t), Some(r)) = (self.places[j].item.place.as_ref(), p.item.place.as_ref())
            else {
                return false;
            };
            t.country_code == r.country_code
                && match r.precision {
                    GeoPrecision::Admin1 => t.admin1.is_some() && t.admin1 == r.admin1,
                    GeoPrecision::Admin2 => t.admin2.is_some() && t.admin2 == r.admin2,
                    _ => false,
                }
        };
        usable.iter().copied().find(|&j| {
            let town = &self.places[j];
            let open = town.last + 1;
            if precision(j) == Some(GeoPrecision::Point)
                && open + 1 == p.first
                && !self.boundary_before[open]
                && holds(j)
            {
                return true;
            }
            precision(j) == Some(GeoPrecision::Point)
                && open < p.first
                && p.first <= open + 12
                && self.boundary_before[open]
                && matches!(self.words[open], "the" | "a" | "an")
                && (open + 1..=p.first).all(|k| !self.boundary_before[k])
        })
    }

    /// "signed a peace agreement with Hezb-i-Islami, the militant group led by Gulbuddin
    /// Hekmatyar, in a ceremony in Kabul": after an apposition to the trigger's object closes,
    /// a phrase of place ("in ...", "at ...") resumes the trigger's clause. The place must
    /// come within four words of that preposition, with no verb or relative word on the way.
    fn place_after_apposition(&self, last: usize, usable: &[usize]) -> Option<usize> {
        let (_, clause_end) = self.clause(last, last);
        // the apposition: a boundary, then a determiner ("..., the militant group ...")
        if clause_end >= self.words.len()
            || clause_end > last + 8
            || !matches!(self.words[clause_end], "the" | "a" | "an")
        {
            return None;
        }
        let (_, app_end) = self.clause(clause_end, clause_end);
        if app_end >= self.words.len()
            || app_end > clause_end + 12
            || !matches!(self.words[app_end], "in" | "at")
        {
            return None;
        }
        usable.iter().copied().find(|&i| {
            let p = &self.places[i];
            p.first > app_end
                && p.first <= app_end + 4
                && (app_end + 1..p.first).all(|k| {
                    !self.boundary_before[k]
                        && !self.words[k].ends_with("ed")
                        && !matches!(self.words[k], "that" | "which" | "who" | "where")
                })
        })
    }

    /// Does a new clause open between word `last` and word `at`: a relative pronoun ("...
    /// fighting that has driven the junta out of X"), or clause punctuation followed by a noun
    /// phrase of its own (an apposition "..., the latest attempt to ...", a new subject "...,
    /// fighters were allowed to leave for X")?
    fn later_clause(&self, last: usize, at: usize) -> bool {
        (last + 1..at).any(|k| {
            matches!(self.words[k], "that" | "which" | "who" | "whom" | "whose")
                || (self.boundary_before[k]
                    && (matches!(self.words[k], "the" | "a" | "an")
                        || self.actors.iter().any(|a| a.first == k)))
        })
    }

    /// Is a place name the gazetteer could not resolve tied to the trigger ("captured
    /// Chinshwehaw")? Then the event's place is unknown below the country, whatever the focus.
    pub fn unresolved_place_tied(&self, last: usize) -> bool {
        self.unresolved.iter().any(|&(f, _)| {
            f > last
                && f <= last + 6
                && self.words[last + 1..f]
                    .iter()
                    .all(|w| OBJECT_WORDS.contains(w) || PLACE_PREPS.contains(w))
        })
    }

    /// Does place mention `i` come after word `last`?
    pub fn place_is_after(&self, i: usize, last: usize) -> bool {
        self.places.get(i).is_some_and(|p| p.first > last)
    }

    /// The text and place of place mention `i` of the sentence.
    pub fn place_of(&self, i: usize) -> Option<(String, Place, usize)> {
        let p = self.places.get(i)?;
        let mut place = p.item.place.clone()?;
        // "attacked near Katari, about 60 km south of Kaduna": the event is that far that way
        // from the place named, not in it
        if let Some((km, bearing)) = self.measured_from(i) {
            let (lat, lon) = offset_point(place.latitude, place.longitude, km, bearing);
            place.latitude = lat;
            place.longitude = lon;
            place.geonameid = None;
            place.admin2 = None;
            place.feature_code = String::new();
            place.population = 0;
            place.precision = GeoPrecision::Point;
        }
        Some((p.item.text.clone(), place, p.item.span.start))
    }

    /// "60 km south of Kaduna", "some 40 kilometres north-west of Mosul", "25 miles east
    /// of X": the distance in kilometres and the compass bearing in degrees that place
    /// mention `i` is measured off by, when a distance, a compass direction and "of" come
    /// right before it.
    pub fn measured_from(&self, i: usize) -> Option<(f64, f64)> {
        let f = self.places.get(i)?.first;
        // (the words are folded: lower case already)
        let word = |k: usize| self.words.get(k).copied();
        if f < 3 || word(f - 1)? != "of" {
            return None;
        }
        let bearing = match word(f - 2)? {
            "north" => 0.0,
            "northeast" | "north-east" => 45.0,
            "east" => 90.0,
            "southeast" | "south-east" => 135.0,
            "south" => 180.0,
            "southwest" | "south-west" => 225.0,
            "west" => 270.0,
            "northwest" | "north-west" => 315.0,
            _ => return None,
        };
        let unit_km = |u: &str| match u {
            "km" | "kms" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => Some(1.0),
            "mile" | "miles" => Some(1.609),
            _ => None,
        };
        let number = |w: &str| w.replace(',', "").parse::<f64>().ok();
        let u = word(f - 3)?;
        // "60 km", or one word: "60km"
        let km = match unit_km(u) {
            Some(factor) => number(word(f.checked_sub(4)?)?)? * factor,
            None => {
                let split = u.find(|c: char| c.is_ascii_alphabetic())?;
                number(&u[..split])? * unit_km(&u[split..])?
            }
        };
        (km > 0.0 && km <= MEASURED_MAX_KM).then_some((km, bearing))
    }

    /// Places coordinated with place `i` ("Shire, Alamata and Korem") or added by "as did X"
    /// after the trigger: each is the place of an event of its own.
    pub fn coordinated_places(&self, i: usize, last: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut prev = match self.places.get(i) {
            Some(p) => p.last,
            None => return out,
        };
        let precision = |j: usize| self.places[j].item.place.as_ref().map(|p| p.precision);
        let mut order: Vec<usize> = (0..self.places.len())
            .filter(|&j| self.places[j].first > prev && self.usable_place(&self.places[j]))
            .collect();
        order.sort_by_key(|&j| self.places[j].first);
        for j in order {
            // "captured Herat in the west and Ghazni": where the first one lies (the compass
            // words of the actor dictionary's place_adj class) is no break in the list
            let (between, compass_cut) = match &self.words[prev + 1..self.places[j].first] {
                ["in", "the", compass, rest @ ..]
                    if self.vocab.place_adjectives.contains(*compass) =>
                {
                    (rest, true)
                }
                all => (all, false),
            };
            let is_and = between.iter().all(|w| matches!(*w, "and" | "or"))
                && !(compass_cut && between.is_empty());
            let as_did = between.len() >= 2
                && between[between.len() - 2..] == ["as", "did"]
                && self.places[j].first > last;
            if (is_and && precision(j) == precision(i)) || as_did {
                out.push(j);
                prev = self.places[j].last;
            } else if !as_did {
                // only appositions ("capital of Takhar province") may sit between "as did" items
                if between.len() > 12 {
                    break;
                }
            }
        }
        out
    }

    /// The resolved place of town level or below that starts at word `at`, after an optional
    /// "the".
    fn town_at(&self, at: usize) -> Option<&Located<'_, PlaceMention>> {
        let at = if self.words.get(at) == Some(&"the") {
            at + 1
        } else {
            at
        };
        self.places.iter().find(|p| {
            p.first == at
                && self.usable_place(p)
                && p.item.place.as_ref().and_then(focus_level) == Some(FocusLevel::Town)
        })
    }

    /// Does a resolved place of town level or below start at word `at` ("the fall of Mosul",
    /// "the fall of the city of Mosul" is not one: the noun is written)?
    pub fn names_place_at(&self, at: usize) -> bool {
        self.town_at(at).is_some()
    }

    /// A town named at `at` (after an optional "the") that ends its phrase: only "from",
    /// punctuation or the sentence's end after it ("freed Masaya from the gangs", "liberated
    /// Mosul."), not a town that qualifies a noun ("freed Mosul residents").
    pub fn names_town_alone_at(&self, at: usize) -> bool {
        self.town_at(at).is_some_and(|p| {
            self.words
                .get(p.last + 1)
                .is_none_or(|w| *w == "from" || !w.starts_with(char::is_alphanumeric))
        })
    }

    /// Does only a comma stand between words `i` and `i + 1` ("1,200")?
    pub fn comma_only_after(&self, i: usize) -> bool {
        super::comma_only_after(self.text, self.toks, i)
    }

    fn usable_place(&self, p: &Located<'_, PlaceMention>) -> bool {
        // (a place of the sentence is answered once)
        let Some(memo) = self
            .places
            .iter()
            .position(|q| std::ptr::eq(q, p))
            .and_then(|i| self.usable.get(i))
        else {
            return self.place_is_usable(p);
        };
        match memo.get() {
            1 => false,
            2 => true,
            _ => {
                let usable = self.place_is_usable(p);
                memo.set(1 + u8::from(usable));
                usable
            }
        }
    }

    /// [`Self::usable_place`], worked out.
    fn place_is_usable(&self, p: &Located<'_, PlaceMention>) -> bool {
        let in_actor = self
            .actors
            .iter()
            .any(|a| a.item.span.overlaps(p.item.span));
        !in_actor
            && !self.is_dateline(p)
            && !self.in_longer_name(p)
            && !self.country_possessor(p)
            && !self.person_origin(p)
            && !self.country_by(p)
            && !self.compound_modifier(p)
            && !self.neighbour_country(p)
            && !self.envoy_post(p)
            && !self.handed_to_state(p)
            && !self.speakers_place(p)
            && !self.capital_speaking(p)
            && !self.speech_venue(p)
            && !self.seat_of_rulers(p)
            && !self.in_attribution(p)
            && !self.attributive_country(p)
            && !self.river_bank(p)
            && !self.superlative_scope(p)
    }

    /// "..., the deadliest attack in Somalia in two years": a place in an apposition that
    /// ranks the event (a comma, "the", a superlative, then "in" before the place) is the
    /// scope of the comparison, not where the event happened.
    fn superlative_scope(&self, p: &Located<'_, PlaceMention>) -> bool {
        let f = p.first;
        let superlative =
            |w: &str| matches!(w, "worst" | "most") || (w.len() > 4 && w.ends_with("est"));
        f >= 3
            && self.words[f - 1] == "in"
            && (f.saturating_sub(6)..f - 2).any(|k| {
                self.words[k] == "the"
                    && k > 0
                    && self.boundary_before[k]
                    // (an apposition after a comma, not "The heaviest fighting in X")
                    && self
                        .text
                        .get(self.toks[k - 1].span.end..self.toks[k].span.start)
                        .is_some_and(|gap| gap.contains(','))
                    && superlative(self.words[k + 1])
                    && (k + 1..=f).all(|j| !self.boundary_before[j])
            })
    }

    /// "seized the town on the eastern bank of the Blue Nile": a name after "bank of" or
    /// "banks of" is a river's, not the province or the town named like it.
    fn river_bank(&self, p: &Located<'_, PlaceMention>) -> bool {
        let f = p.first;
        let of = if f >= 2 && self.words[f - 1] == "the" {
            f - 2
        } else {
            f.wrapping_sub(1)
        };
        of >= 1
            && of < f
            && self.words[of] == "of"
            && matches!(self.words[of - 1], "bank" | "banks")
            // (not "the Bank of England")
            && !self.toks[of - 1].is_capitalized()
    }

    /// "..., according to the governor of the Donetsk region": the place of an office in the
    /// source a report is attributed to (after "of", from "according to" to the end of its
    /// clause) names whose official said it, not where the event happened. ("according to
    /// Gaza health officials" is left alone: officials of a place often tell of it.)
    fn in_attribution(&self, p: &Located<'_, PlaceMention>) -> bool {
        let of = |k: usize| k > 0 && self.words[k - 1] == "of";
        (of(p.first) || (p.first > 1 && self.words[p.first - 1] == "the" && of(p.first - 1)))
            && (1..p.first)
                .rev()
                .take_while(|&k| !self.boundary_before[k + 1])
                .take(10)
                .any(|k| self.words[k] == "to" && self.words[k - 1] == "according")
    }

    /// "called on the Taliban administration in Kabul to ...": the capital seat of a governing
    /// body (a word of the `seat` class before "in") names the actor, not a scene.
    fn seat_of_rulers(&self, p: &Located<'_, PlaceMention>) -> bool {
        is_capital(p)
            && p.first >= 2
            && self.words[p.first - 1] == "in"
            && self.vocab.seats.matches(self.words[p.first - 2])
    }

    /// "The minister told reporters in Abuja that ...", "said in Kabul on Monday that": a
    /// capital where something was said, not where the event happened: after an audience of
    /// the `speech_venue` class that was told or briefed, or after a verb of speech whose
    /// "that" follows. ("Freed prisoners speak to reporters in Chernihiv": where they are;
    /// "the trooper told reporters in Ferguson": officials away from the capital speak where
    /// things happen.)
    fn speech_venue(&self, p: &Located<'_, PlaceMention>) -> bool {
        let f = p.first;
        let told = |k: usize| {
            matches!(
                self.words[k],
                "told" | "tell" | "tells" | "telling" | "briefed" | "briefing" | "addressed"
            )
        };
        is_capital(p)
            && f >= 2
            && matches!(self.words[f - 1], "in" | "at")
            && ((f >= 3 && self.vocab.speech_venues.matches(self.words[f - 2]) && told(f - 3))
                || (SPEECH.contains(&self.words[f - 2])
                    && (p.last + 1..(p.last + 5).min(self.words.len()))
                        .any(|k| self.words[k] == "that")))
    }

    /// "a small U.S. military unit", "after U.S. Secretary of State Antony Blinken spoke": a
    /// country's name before a noun qualifies it (not after a preposition of place: "in
    /// Ukraine killed", and not before a function word: "Ukraine and Russia", "Syria on
    /// Monday").
    fn attributive_country(&self, p: &Located<'_, PlaceMention>) -> bool {
        if !is_country(p) {
            return false;
        }
        if p.first > 0 && PLACE_PREPS.contains(&self.words[p.first - 1]) {
            return false;
        }
        let rest = &self.text[p.item.span.end..];
        // "U.S.": the abbreviation's last point may lie outside the mention
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        if !rest.starts_with(' ') || !rest[1..].starts_with(char::is_alphabetic) {
            return false;
        }
        self.words.get(p.last + 1).is_some_and(|w| {
            !matches!(
                *w,
                "and"
                    | "or"
                    | "but"
                    | "nor"
                    | "on"
                    | "in"
                    | "at"
                    | "to"
                    | "from"
                    | "for"
                    | "of"
                    | "with"
                    | "by"
                    | "as"
                    | "since"
                    | "after"
                    | "before"
                    | "during"
                    | "until"
                    | "is"
                    | "was"
                    | "were"
                    | "are"
                    | "has"
                    | "had"
                    | "have"
                    | "will"
                    | "would"
                    | "last"
                    | "this"
                    | "next"
                    | "earlier"
                    | "later"
                    | "when"
                    | "where"
                    | "while"
                    | "which"
                    | "that"
                    | "who"
            ) && !self.word_in_time(p.last + 1)
        })
    }

    /// "an attack Ankara blamed on Syrian forces", "Moscow said its troops ...": a capital
    /// that is the subject of a verb of speech or blame (an auxiliary between) stands for
    /// its government, not for a place where anything happened.
    fn capital_speaking(&self, p: &Located<'_, PlaceMention>) -> bool {
        if !is_capital(p) || (p.first > 0 && PLACE_PREPS.contains(&self.words[p.first - 1])) {
            return false;
        }
        let mut k = p.last + 1;
        while self
            .words
            .get(k)
            .is_some_and(|w| matches!(*w, "has" | "had" | "have" | "also" | "later" | "quickly"))
        {
            k += 1;
        }
        self.words.get(k).is_some_and(|w| {
            SPEECH.contains(w) || matches!(*w, "blamed" | "blames" | "denied" | "denies")
        }) && !self
            .boundary_before
            .get(p.last + 1)
            .copied()
            .unwrap_or(false)
    }

    /// "Security officials in Misrata said ...": where the speakers sit, like a dateline,
    /// names where the report came from, not where the event happened.
    fn speakers_place(&self, p: &Located<'_, PlaceMention>) -> bool {
        p.first >= 2
            && self.words[p.first - 1] == "in"
            && self.vocab.speakers.matches(self.words[p.first - 2])
            && self
                .words
                .get(p.last + 1)
                .is_some_and(|w| matches!(*w, "said" | "say" | "says" | "told" | "reported"))
    }

    /// Does place mention `i` sit in an insertion set off by commas between the subject and
    /// the trigger at word `first`, one that opens with a participle or a relative pronoun
    /// ("Fighters of the operation, drawn mostly from brigades of Misrata, overran ...",
    /// "The militants, who had come from Raqqa, attacked ...")? Such a phrase describes an
    /// actor; the place in it is where they come from, not where the event happened.
    fn in_insertion_before(&self, i: usize, first: usize) -> bool {
        let p = &self.places[i];
        if p.last >= first || p.first == 0 {
            return false;
        }
        let Some(open) = (1..=p.first).rev().find(|&k| self.boundary_before[k]) else {
            return false;
        };
        let w = self.words[open];
        let opener = matches!(
            w,
            "who" | "which" | "whose" | "drawn" | "recruited" | "hailing"
        ) || (w.len() > 4 && w.ends_with("ed") && !matches!(w, "killed" | "seized"));
        opener
            && open > 1
            && self.text[self.toks[open - 1].span.end..self.toks[open].span.start].contains(',')
            && (p.last + 1..=first)
                .find(|&k| {
                    self.boundary_before[k]
                        && self.text[self.toks[k - 1].span.end..self.toks[k].span.start]
                            .contains(',')
                })
                // the insertion closes before the verb it interrupts ("..., drawn from
                // brigades of Misrata, overran"), not before another clause ("..., launched
                // their offensive on Hodeidah in June, and in November pushed")
                .is_some_and(|k| {
                    !matches!(
                        self.words[k],
                        "and" | "but" | "or" | "then" | "while" | "as" | "in" | "on" | "at"
                    )
                })
    }

    /// "Russia's ambassador to Turkey", "the UN envoy to Yemen": the country a diplomat is
    /// sent to names the post, not where anything happened.
    fn envoy_post(&self, p: &Located<'_, PlaceMention>) -> bool {
        p.first >= 2
            && self.words[p.first - 1] == "to"
            && self.vocab.envoys.matches(self.words[p.first - 2])
    }

    /// "were handed back to Rwanda at the border in Goma", "handed the pilot over to India":
    /// a state (a country or a capital) right after the "to" of a verb of handing people
    /// over ([`super::role_words::RoleWords::hand_over`], up to two words between) is the side
    /// that receives them, not where the handover happened.
    fn handed_to_state(&self, p: &Located<'_, PlaceMention>) -> bool {
        let f = p.first;
        is_state(p)
            && f >= 2
            && self.words[f - 1] == "to"
            && (f.saturating_sub(4)..f - 1).any(|k| self.vocab.hand_over.matches(self.words[k]))
    }

    /// "the U.S.-brokered deal", "a Qatar-mediated truce", "the U.S.- and French-brokered
    /// deal", "Kabul-based officials": a place inside a hyphenated modifier qualifies the noun
    /// after it and is not where anything happened.
    fn compound_modifier(&self, p: &Located<'_, PlaceMention>) -> bool {
        // "the Abuja-Kaduna train", "the Kabul-Jalalabad highway": two places joined by a
        // hyphen name a route, not where anything happened
        let joined = self.places.iter().any(|q| {
            (q.item.span.start == p.item.span.end + 1
                && self.text[p.item.span.end..].starts_with('-'))
                || (p.item.span.start == q.item.span.end + 1
                    && self.text[q.item.span.end..].starts_with('-'))
        });
        if joined {
            return true;
        }
        let after = &self.text[p.item.span.end..];
        // "U.S.-brokered": the abbreviation's last point may lie outside the mention
        let after = after.strip_prefix('.').unwrap_or(after);
        let Some(word) = hyphen_word(after) else {
            return false;
        };
        // a dangling hyphen: "U.S.- and French-brokered"
        let dangling = after[1..].starts_with(char::is_whitespace);
        // "dual U.S.-Mexican citizens": a country joined to a proper adjective qualifies
        // people, it places nothing
        let joined_name = is_country(p) && after[1..].starts_with(char::is_uppercase);
        dangling || joined_name || (word.len() > 3 && (word.ends_with("ed") || word == "based"))
    }

    /// "the region bordering Venezuela", "near the border with Iran": a neighbouring country
    /// named as a reference, not where anything happened.
    fn neighbour_country(&self, p: &Located<'_, PlaceMention>) -> bool {
        if !is_country(p) || p.first == 0 {
            return false;
        }
        let before = |k: usize| p.first.checked_sub(k).map(|i| self.words[i]);
        matches!(before(1), Some("bordering" | "borders"))
            || (before(1) == Some("with")
                && matches!(before(2), Some("border" | "borders" | "frontier")))
            || (before(1) == Some("the") && matches!(before(2), Some("bordering" | "borders")))
    }

    /// Does word `k` open a clause of another event close in time ("hours after", "days
    /// before", "shortly after")?
    fn opens_time_clause(&self, k: usize) -> bool {
        k > 0
            && matches!(self.words[k], "after" | "before")
            && matches!(
                self.words[k - 1],
                "hours"
                    | "days"
                    | "weeks"
                    | "months"
                    | "minutes"
                    | "moments"
                    | "shortly"
                    | "soon"
                    | "week"
                    | "month"
            )
    }

    /// "a swap brokered by the United Arab Emirates", "talks mediated by Qatar and Turkey": a
    /// country after "by" (or after "and" in such a list) is an actor, not where anything
    /// happened.
    fn country_by(&self, p: &Located<'_, PlaceMention>) -> bool {
        let country = is_country;
        let by_before = |q: &Located<'_, PlaceMention>| {
            let mut k = q.first;
            // "by the United Arab Emirates"
            while k > 0 && self.words[k - 1] == "the" {
                k -= 1;
            }
            // "with the help of Egypt", "with the backing of Turkey": a helper, an actor
            k > 0
                && (self.words[k - 1] == "by"
                    || (k >= 2
                        && self.words[k - 1] == "of"
                        && matches!(
                            self.words[k - 2],
                            "help" | "support" | "backing" | "mediation" | "assistance"
                        )))
        };
        if !country(p) {
            return false;
        }
        // "by Qatar and Egypt", "with the help of Egypt and the United States"
        let and_at = if p.first >= 2 && self.words[p.first - 1] == "the" {
            p.first - 2
        } else {
            p.first.saturating_sub(1)
        };
        by_before(p)
            || (and_at >= 1
                && self.words[and_at] == "and"
                && self
                    .places
                    .iter()
                    .any(|q| q.last + 1 == and_at && country(q) && by_before(q)))
    }

    /// "Joaquim Chissano of Mozambique": where a named person comes from, not where anything
    /// happened (two capitalised words, then "of", then the place).
    fn person_origin(&self, p: &Located<'_, PlaceMention>) -> bool {
        p.first >= 3
            && self.words[p.first - 1] == "of"
            && self.toks[p.first - 2].is_capitalized()
            && self.toks[p.first - 3].is_capitalized()
            && !self
                .places
                .iter()
                .any(|q| q.last + 2 == p.first || q.last + 3 == p.first)
    }

    /// "Yemen's warring parties", "Russia's ambassador": a country as possessor names whose
    /// people or things they are, not where something happened (a town's possessive, as in
    /// "Tripoli's airport", still places it).
    fn country_possessor(&self, p: &Located<'_, PlaceMention>) -> bool {
        is_country(p) && self.possessive(p)
    }

    /// Does a possessive "'s" follow the place mention ("Russia's", "Beijing's")?
    fn possessive(&self, p: &Located<'_, PlaceMention>) -> bool {
        let rest = &self.text[p.item.span.end..];
        rest.starts_with("'s") || rest.starts_with("’s")
    }

    /// Does "there" stand before the trigger in its clause ("forces there put up little
    /// resistance")? It points back at the place in focus.
    pub fn there_before(&self, first: usize) -> bool {
        let (cs, _) = self.clause(first, first);
        (cs..first).any(|i| {
            self.words[i] == "there"
                && !matches!(
                    self.words.get(i + 1).copied(),
                    Some("is" | "are" | "was" | "were" | "has" | "have" | "had")
                )
        })
    }

    /// Is the place name part of a longer proper name ("Zia Gul Habibi", "Fawad Aman")? A
    /// capitalised word right before it (not opening the sentence) or right after it (not a
    /// place noun such as "Province" or "Airport") makes it a person's or an organisation's name.
    fn in_longer_name(&self, p: &Located<'_, PlaceMention>) -> bool {
        let cap = |i: usize| self.toks[i].is_capitalized();
        let joined = |a: usize, b: usize| {
            self.text[self.toks[a].span.end..self.toks[b].span.start]
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”'))
                .is_empty()
        };
        // a lower-case mention ("the Eritrean capital") is no part of a name
        if !cap(p.first) {
            return false;
        }
        // the sentence's first word is capitalised anyway ("In Kabul, ..."); a possessive is
        // no part of the name ("Afghanistan's Paktika province")
        let possessive = |i: usize| {
            let t = self.toks[i].text;
            t.ends_with("'s") || t.ends_with("’s") || t.ends_with("s'") || t.ends_with("s’")
        };
        let before = p.first > 1
            && cap(p.first - 1)
            && !possessive(p.first - 1)
            && joined(p.first - 1, p.first);
        let after = p.last + 1 < self.toks.len()
            && cap(p.last + 1)
            && joined(p.last, p.last + 1)
            && !self.vocab.name_nouns.matches(self.words[p.last + 1]);
        // a town that opens the name of an installation ("the Kuje Medium Security
        // Custodial Centre") places it: the name's capitalised words end in such a noun
        let installation = || {
            let town = p
                .item
                .place
                .as_ref()
                .is_some_and(|x| x.precision == GeoPrecision::Point);
            let mut k = p.last + 1;
            while town && k < self.toks.len() && k <= p.last + 5 && cap(k) && joined(k - 1, k) {
                if self.vocab.installations.matches(self.words[k]) {
                    return true;
                }
                k += 1;
            }
            false
        };
        before || after && !installation()
    }

    /// Words of a wire dateline opening the sentence ("CULIACAN, Mexico, Oct 18 (Reuters) -"):
    /// where and when the report was filed, not where or when anything happened. 0 when the
    /// sentence opens with none.
    fn dateline_end(&self) -> usize {
        *self.dateline.get_or_init(|| self.find_dateline_end())
    }

    fn find_dateline_end(&self) -> usize {
        let Some(first) = self.toks.first() else {
            return 0;
        };
        let upper = first.text.chars().filter(|c| c.is_alphabetic()).count() > 2
            && !first.text.chars().any(|c| c.is_lowercase());
        if !upper {
            return 0;
        }
        // tokens are words only: the dash is found in the text between them
        let Some(last) = self.toks.get(15.min(self.toks.len() - 1)) else {
            return 0;
        };
        let head = &self.text[first.span.start..last.span.end];
        let dash = [" - ", " -- ", " — ", " – ", " —", " –"]
            .iter()
            .filter_map(|d| head.find(d))
            .min();
        match dash {
            Some(at) => {
                let at = first.span.start + at;
                self.toks.partition_point(|t| t.span.end <= at)
            }
            None => 0,
        }
    }

    /// The town of the sentence's dateline ("CULIACAN, Mexico -"), if it opens with one.
    pub fn dateline_town(&self) -> Option<(String, Place)> {
        self.places
            .iter()
            .filter(|p| {
                p.first == 0
                    && self.is_dateline(p)
                    && p.item.place.as_ref().and_then(focus_level) == Some(FocusLevel::Town)
            })
            .find_map(|p| Some((p.item.text.clone(), p.item.place.clone()?)))
    }

    fn is_dateline(&self, p: &Located<'_, PlaceMention>) -> bool {
        // every place before the dateline's dash ("NEW DELHI/ISLAMABAD -")
        if p.last < self.dateline_end() {
            return true;
        }
        let t = &p.item.text;
        let upper = t.chars().filter(|c| c.is_alphabetic()).count() > 2
            && !t.chars().any(|c| c.is_lowercase());
        if !upper || p.first > 0 {
            return false;
        }
        // a paragraph that opens with an upper-case place and a separator
        let after = self.text[p.item.span.end..].chars().next();
        matches!(after, Some(',' | ':' | '(' | ' ' | '—' | '–'))
    }

    /// The towns the sentence calls a town or a city ("the mountain town of Gharyan",
    /// "Bara, a town on the road to Omdurman", "Kunduz city"), and its provinces and districts,
    /// in text order.
    pub fn called_places(&self) -> Vec<(StoryPlace, &str, &Place)> {
        let noun = |w: &str| match w {
            "town" | "towns" | "village" | "villages" => Some(StoryPlace::Town),
            "city" | "cities" => Some(StoryPlace::City),
            _ => SETTLEMENT_NOUNS
                .contains(&w)
                .then_some(StoryPlace::Settlement),
        };
        let mut out = Vec::new();
        for p in self.places.iter().filter(|p| self.usable_place(p)) {
            let Some(place) = p.item.place.as_ref() else {
                continue;
            };
            let kind = match focus_level(place) {
                Some(FocusLevel::Area) => Some(StoryPlace::Area),
                Some(FocusLevel::Town) => {
                    // "the town of X"
                    let of = (p.first >= 2 && self.words[p.first - 1] == "of")
                        .then(|| noun(self.words[p.first - 2]))
                        .flatten();
                    // "X city"
                    let after = self.words.get(p.last + 1).and_then(|w| noun(w));
                    // "X, a (busy trading) town", "X, the city"
                    // "the Eritrean capital Asmara"
                    let before = p.first.checked_sub(1).and_then(|k| noun(self.words[k]));
                    // "X, a (busy trading) town", "X, capital of Y province"
                    let appos = || {
                        let k = p.last + 1;
                        if k >= self.words.len() || !self.boundary_before[k] {
                            return None;
                        }
                        if matches!(self.words[k], "a" | "an" | "the") {
                            (k + 1..(k + 5).min(self.words.len()))
                                .take_while(|&j| !self.boundary_before[j])
                                .find_map(|j| noun(self.words[j]))
                        } else {
                            noun(self.words[k])
                        }
                    };
                    of.or(after).or(before).or_else(appos)
                }
                _ => None,
            };
            if let Some(k) = kind {
                out.push((k, p.item.text.as_str(), place));
            }
        }
        out
    }

    /// The last town-level place of the sentence, to be the focus of what follows.
    /// ("relations between Moscow and Ankara": two states, no place the story moves to)
    pub fn last_point_place(&self) -> Option<(String, Place)> {
        self.places
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                self.usable_place(p)
                    && p.item.place.as_ref().and_then(focus_level) == Some(FocusLevel::Town)
                    && !self.away_from_scene(p)
                    && !self.capitals_as_parties(*i)
            })
            .map(|(_, p)| p)
            .max_by_key(|p| p.first)
            .and_then(|p| Some((p.item.text.clone(), p.item.place.clone()?)))
    }

    /// "The fall of Kandahar, the movement's birthplace, came hours after the insurgents
    /// captured Herat and Ghazni": the town of a subject of "came|comes" then (within three
    /// words) "after", "as" or "amid" is where the story stays; what follows is told as its
    /// background.
    pub fn came_after_subject_town(&self) -> Option<(String, Place)> {
        let n = self.words.len();
        let k = (1..n).find(|&k| {
            matches!(self.words[k], "came" | "comes")
                && (k + 1..(k + 4).min(n)).any(|j| matches!(self.words[j], "after" | "as" | "amid"))
        })?;
        self.places
            .iter()
            .filter(|p| {
                p.last < k
                    && self.usable_place(p)
                    && p.item.place.as_ref().and_then(focus_level) == Some(FocusLevel::Town)
                    && !self.away_from_scene(p)
            })
            .min_by_key(|p| p.first)
            .and_then(|p| Some((p.item.text.clone(), p.item.place.clone()?)))
    }

    /// A place away from the scene: where people or things came from ("a trader travelling
    /// from Kano"), or were sent or went to ("Flights were diverted to Misrata", "hundreds
    /// fled to Goma": [`super::role_words::RoleWords::sent_away`] before "to", one adverb
    /// between).
    fn away_from_scene(&self, p: &Located<'_, PlaceMention>) -> bool {
        let f = p.first;
        if f >= 1 && self.words[f - 1] == "from" {
            return true;
        }
        f >= 2
            && self.words[f - 1] == "to"
            && (self.vocab.sent_away.matches(self.words[f - 2])
                || (f >= 3 && self.vocab.sent_away.matches(self.words[f - 3])))
    }

    /// The last big city of the sentence (a capital, a province seat or a city of 100,000
    /// people), a place a later "the city" may mean when the town in focus is no city.
    pub fn last_big_city(&self) -> Option<(String, Place)> {
        self.places
            .iter()
            .filter(|p| {
                self.usable_place(p)
                    && p.item
                        .place
                        .as_ref()
                        .is_some_and(|x| x.precision == GeoPrecision::Point && is_big_city(x))
            })
            .max_by_key(|p| p.first)
            .and_then(|p| Some((p.item.text.clone(), p.item.place.clone()?)))
    }

    /// "the city" within a few words after the trigger at `last` (not "the city of X", which
    /// names it): the word's index.
    pub fn place_anaphor_after(&self, last: usize) -> Option<usize> {
        (last + 1..(last + 8).min(self.words.len())).find(|&i| {
            PLACE_ANAPHORS.contains(&self.words[i])
                && self.words[i - 1] == "the"
                // "the city of Kunduz", "the district centre of Imam Sahib" name it
                && !self.words[i + 1..(i + 3).min(self.words.len())].contains(&"of")
        })
    }

    /// Does the sentence point back with a definite place noun that names no place of its
    /// own ("inside the town", "the city's southern districts", "on the eastern outskirts",
    /// "across the province")? Such a noun means the place the story is about, which the
    /// caller knows; "the city of Kunduz" names it and is no such reference.
    pub fn story_place_anaphor(&self) -> Option<StoryPlace> {
        (1..self.words.len()).find_map(|i| {
            let kind = if TOWN_ANAPHORS.contains(&self.words[i]) {
                StoryPlace::Town
            } else if CITY_ANAPHORS.contains(&self.words[i]) {
                StoryPlace::City
            } else if AREA_ANAPHORS.contains(&self.words[i]) {
                StoryPlace::Area
            } else {
                return None;
            };
            // "the town", "the eastern outskirts" (one lower-case word between)
            let the = self.words[i - 1] == "the"
                || (i >= 2
                    && self.words[i - 2] == "the"
                    && !self.toks[i - 1].is_capitalized()
                    && !self.places.iter().any(|p| p.first <= i && p.last >= i - 1));
            let names_one = self.words[i + 1..(i + 3).min(self.words.len())].contains(&"of")
                || self
                    .places
                    .iter()
                    .any(|p| p.first <= i + 1 && p.last + 1 >= i);
            (the && !names_one).then_some(kind)
        })
    }

    /// The last province- or district-level place of the sentence (the story's area while no
    /// town is in focus: "The assailants struck Solhan, in Yagha province").
    pub fn last_area_place(&self) -> Option<(String, Place)> {
        self.places
            .iter()
            .filter(|p| {
                self.usable_place(p)
                    && p.item.place.as_ref().and_then(focus_level) == Some(FocusLevel::Area)
            })
            .max_by_key(|p| p.first)
            .and_then(|p| Some((p.item.text.clone(), p.item.place.clone()?)))
    }

    /// The date of the time expression nearest the trigger, preferring its own clause.
    pub fn date_for(&self, first: usize, last: usize, violent: bool) -> Option<EventDate> {
        let (cs, ce) = self.clause(first, last);
        let ce = self.past_place_apposition(ce);
        let dateline = self.dateline_end();
        let t = self
            .times
            .iter()
            .filter(|t| t.first >= dateline)
            // "were handed over in Tsafe and were driven overnight to Katsina": a time after
            // a second verb of the subject dates that verb
            // ("encircled and bombarded since March" share it)
            .filter(|t| t.first <= last || !self.next_predicate_between(last + 2, t.first))
            // "toward Sirte, which Hifter's forces seized in January": a relative clause's
            // time's (not after the comma that closes it before the main verb's auxiliary:
            // "Talks in Jeddah, which resumed in late October, were adjourned early this month")
            .filter(|t| {
                t.first <= last
                    || self.in_own_relative(last, t.first)
                    || !(last + 1..t.first).any(|k| {
                        matches!(self.words[k], "which" | "who" | "whose")
                            && !(k + 1..=t.first).any(|j| {
                                self.boundary_before[j]
                                    && (BE.contains(&self.words[j])
                                        || matches!(self.words[j], "have" | "has" | "had"))
                            })
                    })
            })
            // "months after the group seized the capital in 2014": the time that ends on the
            // preposition dates the main clause from the adjunct's event, not that event
            .filter(|t| !(t.last < first && self.adjunct_clause_prep(first) == Some(t.last)))
            // "the boys abducted from the school last week have regained their freedom": a
            // time between a reduced relative and the main verb's auxiliary dates the relative
            .filter(|t| !(t.last < first && self.time_of_reduced_relative(t.first, t.last, first)))
            // "handed over the girls they had snatched a month ago", "pulled out of the island
            // they captured in February": a time after a pronoun subject's own verb dates it
            // (but "the offensive they launched on June 6": the verb starts the noun's event)
            .filter(|t| {
                t.first <= last
                    || self.started_after(last)
                    || self.in_own_relative(last, t.first)
                    || !self.pronoun_clause_between(last + 1, t.first)
            })
            // "freeing the sailors captured off Crimea last year": a time after a reduced
            // relative of the trigger's object dates the participle's event
            .filter(|t| t.first <= last || !self.reduced_relative_between(last + 1, t.first))
            // "clashes threaten the peace agreement signed in August last year", "fighters who
            // had signed the 2016 peace deal were shot": a deal's time dates no violence
            .filter(|t| !(violent && self.time_of_pact(t.first, t.last, first, last)))
            .min_by_key(|t| {
                // ("Last month, fighters of the rival Islamic State West Africa Province
                // (ISWAP) attacked ...": a time that opens the sentence, before a comma, is
                // in the clause of the verbs that follow it, however long their subject)
                let opening = t.first == dateline
                    && t.last < first
                    && self.boundary_before.get(t.last + 1) == Some(&true);
                let in_clause = (t.first >= cs && t.first < ce) || opening;
                // ("Last month, troops retook Anah, and Abadi declared victory in Mosul in
                // July": an opening time reaches a later conjunct of ", and" only where that
                // conjunct tells no time of its own)
                let opening_of_earlier_conjunct = opening
                    && (t.last + 1..first)
                        .any(|k| self.boundary_before[k] && matches!(self.words[k], "and" | "but"));
                let d = if t.first > last {
                    t.first - last
                } else {
                    first.saturating_sub(t.last)
                };
                // "retook the east in January and launched their push on Feb. 19": a time
                // before an earlier verb of the subject dates that verb first
                // (an opening "On Saturday," dates every verb of the sentence)
                let earlier_verb =
                    in_clause && t.last < first && self.next_predicate_between(t.last + 1, first);
                (
                    self.dates_the_saying(t.first, t.last, first),
                    !self.in_own_relative(last, t.first),
                    !in_clause,
                    opening_of_earlier_conjunct,
                    earlier_verb,
                    d,
                )
            })?;
        // "last Sunday and Monday", "June 3 to 5": the event starts on the first day
        let start = self
            .times
            .iter()
            .find(|u| {
                u.last + 2 == t.first
                    && matches!(self.words[u.last + 1], "and" | "to" | "through" | "or")
                    && u.item.date.is_some_and(|d| {
                        t.item
                            .date
                            .is_some_and(|e| d.date < e.date && d.precision == e.precision)
                    })
            })
            .unwrap_or(t);
        event_day(start.item)
    }

    /// Is the time at word `tf` in a relative clause opened right after the trigger noun
    /// ending at `last` ("freed prisoners in October under a deal that the two sides reached
    /// the previous month", "the raid, which killed six people on Sunday")? That clause tells
    /// of the trigger's own event, before any time of the verb the noun depends on; not when
    /// it tells a later step ("the ceasefire, which took effect in August"). (Not a trigger
    /// in -ed or -ing: a verb, whose "that" opens a report or is a determiner.)
    fn in_own_relative(&self, last: usize, tf: usize) -> bool {
        let w = self.words[last];
        let opens = match self.words.get(last + 1).copied() {
            Some("that") => !self.boundary_before[last + 1],
            Some("which") => true,
            _ => false,
        };
        opens
            && tf > last + 2
            && !w.ends_with("ed")
            && !w.ends_with("ing")
            && !self.boundary_between(last + 1, tf)
            && !(last + 2..tf).any(|k| self.vocab.later_phase.matches(self.words[k]))
    }

    /// Does the time at `tf..=tl` belong to a deal named outside the trigger at
    /// `first..=last`: right before the deal's noun ("the 2016 peace deal", "an October 2020
    /// truce"), or after the noun's verb of concluding ("a ceasefire signed in Geneva in
    /// October 2020", "the accord reached in August")?
    fn time_of_pact(&self, tf: usize, tl: usize, first: usize, last: usize) -> bool {
        let outside = |k: usize| k < first || k > last;
        let before_noun = (tl + 1..(tl + 3).min(self.words.len()))
            .take_while(|&k| !self.boundary_before[k])
            .any(|k| outside(k) && self.vocab.pacts.matches(self.words[k]));
        if before_noun {
            return true;
        }
        // the noun, then its verb, then the time, with the trigger not between
        let from = tf.saturating_sub(8);
        (from..tf).any(|p| {
            self.vocab.pacts.matches(self.words[p])
                && !(p..tf).any(|k| k >= first && k <= last)
                && !(p + 1..=tf).any(|k| self.boundary_before[k])
                && matches!(
                    self.words.get(p + 1),
                    Some(&("signed" | "reached" | "agreed" | "brokered" | "sealed" | "struck"))
                )
        })
    }

    /// "The army said on Monday that troops had freed 14 women during an operation last
    /// week": a time between a verb of speech and the "that" of the report it introduces, before
    /// the trigger at `first`, dates the saying. Another time of the sentence dates the trigger
    /// first; the saying's day stands in only where the report tells none.
    fn dates_the_saying(&self, tf: usize, tl: usize, first: usize) -> bool {
        tl < first && self.words.get(tl + 1) == Some(&"that") && self.speech_time(tf)
    }

    /// "The agreement came two days after Aliyev said his troops had captured Shusha": a
    /// trigger inside a clause opened by "N days/weeks after" (or "before") happened that long
    /// before (after) the main clause, dated by the main clause's own time before the phrase
    /// (`base`) or else the story's. Hours give the main clause's day. None when the clause
    /// has a time of its own.
    pub fn offset_clause(&self, first: usize) -> Option<Offset> {
        let t = self.durations.iter().rev().find(|t| {
            t.last < first
                && matches!(
                    self.words.get(t.last + 1).copied(),
                    Some("after" | "before")
                )
                && !(t.last + 2..=first).any(|k| self.boundary_before[k])
        })?;
        // "a day after the rebels took the town on Sunday": the clause's own date
        let (_, ce) = self.clause(first, first);
        if self.times.iter().any(|u| u.first > t.last && u.first < ce) {
            return None;
        }
        let v = t.item.value.strip_prefix('P')?;
        let (n, precision) = if let Some(h) = v.strip_prefix('T') {
            h.strip_suffix('H')?.parse::<u32>().ok()?;
            (0, TimePrecision::Day)
        } else if let Some(d) = v.strip_suffix('D') {
            (d.parse::<i64>().ok()?, TimePrecision::Day)
        } else if let Some(w) = v.strip_suffix('W') {
            (7 * w.parse::<i64>().ok()?, TimePrecision::Week)
        } else {
            return None;
        };
        let sign = if self.words[t.last + 1] == "after" {
            -1
        } else {
            1
        };
        let base = self
            .times
            .iter()
            .filter(|u| u.last < t.first)
            .max_by_key(|u| u.last)
            .and_then(|u| event_day(u.item));
        Some(Offset {
            days: sign * n,
            precision,
            base,
        })
    }

    /// Does the time at words `[tf, tl]`, before the trigger at `first`, close a reduced
    /// relative of the subject ("the schoolboys abducted from Kankara last week have
    /// regained ...")? The time is followed by the main verb's auxiliary, and a participle right
    /// after a named or described actor comes before it, with no clause boundary between.
    fn time_of_reduced_relative(&self, tf: usize, tl: usize, first: usize) -> bool {
        let aux = matches!(
            self.words.get(tl + 1).copied(),
            Some("have" | "has" | "had" | "were" | "was" | "are" | "is")
        ) && (tl + 2..first)
            .all(|k| is_adverb(self.words[k]) || BE.contains(&self.words[k]));
        aux && (1..tf).rev().any(|k| self.reduced_relative(k))
    }

    /// Does a reduced relative of an event ("the sailors captured off Crimea", not "two men
    /// armed with knives": [`super::role_words::RoleWords::state_participles`]) open within
    /// words `[from, to)`, with no clause boundary from its participle to `to`?
    fn reduced_relative_between(&self, from: usize, to: usize) -> bool {
        let to = to.min(self.words.len());
        // only after a verb's object: "freeing the sailors", not "talks between a delegation"
        let verb = from >= 1 && {
            let t = self.words[from - 1];
            t.ends_with("ed") || t.ends_with("ing")
        };
        verb && (from + 1..to).any(|k| {
            let w = self.words[k];
            let p = self.words[k - 1];
            // a participle right after a noun of the object, then a preposition or the time
            // ("the sailors captured off Crimea last year", "the women abducted last week"),
            // not a finite verb of a clause of its own ("as crowds gathered on Thursday")
            w.len() > 4
                && w.ends_with("ed")
                && !self.vocab.state_participles.matches(w)
                && !self.toks[k].is_capitalized()
                && !self.boundary_before[k]
                && !matches!(
                    p,
                    "the"
                        | "a"
                        | "an"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                        | "and"
                        | "or"
                        | "but"
                        | "to"
                        | "by"
                        | "of"
                        | "in"
                        | "on"
                        | "at"
                        | "with"
                        | "had"
                        | "has"
                        | "have"
                        | "who"
                        | "which"
                        | "that"
                        | "they"
                        | "he"
                        | "she"
                        | "we"
                        | "it"
                )
                && !p.chars().all(|c| c.is_ascii_digit())
                && !BE.contains(&p)
                && !is_adverb(p)
                && (k + 1 == to
                    || matches!(
                        self.words.get(k + 1).copied(),
                        Some("off" | "from" | "in" | "at" | "on" | "near" | "during" | "by")
                    ))
                && !(from..k).any(|j| {
                    matches!(
                        self.words[j],
                        "as" | "when"
                            | "while"
                            | "after"
                            | "before"
                            | "because"
                            | "since"
                            | "where"
                            | "until"
                            | "and"
                            | "but"
                    )
                })
                && !(k + 1..=to).any(|j| self.boundary_before.get(j) == Some(&true))
        })
    }

    /// Does a clause with a pronoun subject ("they", "he", "she", "we") and a verb other than
    /// one of speech ("they had snatched", not "they said") start within words `[from, to)`?
    /// (Not one of the same time: "when they stormed", "as he left".)
    fn pronoun_clause_between(&self, from: usize, to: usize) -> bool {
        (from..to).any(|k| {
            matches!(self.words[k], "they" | "he" | "she" | "we")
                && !matches!(self.words[k - 1], "when" | "as" | "while" | "whenever")
                && {
                    let v = (k + 1..to).find(|&j| !matches!(self.words[j], "had" | "have" | "has"));
                    v.is_some_and(|j| !SPEECH.contains(&self.words[j]))
                }
        })
    }

    /// Does a coordinated predicate of the same subject start within words `[from, to)`
    /// ("... and launched", "... and were driven", "... but then withdrew")?
    fn next_predicate_between(&self, from: usize, to: usize) -> bool {
        (from..to.min(self.words.len())).any(|k| {
            matches!(self.words[k], "and" | "but")
                && self.words.get(k + 1).is_some_and(|w| {
                    BE.contains(w)
                        || matches!(*w, "then" | "later" | "had" | "has" | "have" | "that")
                        || (w.len() > 4 && w.ends_with("ed"))
                })
        })
    }

    /// The date the trigger at `[first, last]` carries itself: as [`Self::date_for`], but a
    /// time after a temporal subordinator or a "who" that follows the trigger dates that clause, not the
    /// trigger ("the final assault came after fighters left the city on Sunday").
    pub fn own_date_for(&self, first: usize, last: usize) -> Option<EventDate> {
        let (cs, ce) = self.clause(first, last);
        let dateline = self.dateline_end();
        self.times
            .iter()
            .filter(|t| t.first >= dateline)
            .filter(|t| {
                t.first <= last
                    || !(last + 1..t.first).any(|i| {
                        matches!(
                            self.words[i],
                            "after" | "before" | "when" | "while" | "once" | "who" | "whose"
                        )
                    })
            })
            // "the government said Saturday": when it was said, not when it happened
            .filter(|t| !self.speech_time(t.first))
            // a time of another clause dates that clause's verb ("killed 132 people in an
            // overnight raid ..., the deadliest attack"), unless it follows right after
            // (", announced on Saturday,")
            .filter(|t| (t.first >= cs && t.last < ce) || (t.first > last && t.first <= last + 4))
            .min_by_key(|t| {
                let in_clause = t.first >= cs && t.last < ce;
                let d = if t.first > last {
                    t.first - last
                } else {
                    first.saturating_sub(t.last)
                };
                (!in_clause, d)
            })
            .and_then(|t| event_day(t.item))
    }

    /// Does the time expression at word `at` date a verb of speech ("said Saturday", "said
    /// on Friday", "told reporters on Monday")?
    fn speech_time(&self, at: usize) -> bool {
        (at.saturating_sub(3)..at).any(|i| {
            SPEECH.contains(&self.words[i])
                && self.words[i + 1..at]
                    .iter()
                    .all(|w| matches!(*w, "on" | "late" | "early" | "reporters" | "journalists"))
        })
    }

    /// Does a coordinated verb phrase end right before the trigger, with no subject of its
    /// own ("launched an offensive in August and has since pushed into Galmudug")? Its
    /// subject is that of the verb before the "and".
    pub fn coordinated_verb(&self, first: usize) -> bool {
        let mut i = first;
        while i > 0 {
            i -= 1;
            let w = self.words[i];
            if matches!(w, "and" | "but" | "then") {
                return i > 0 && !self.word_in_actor(i - 1) && !self.boundary_before[i + 1];
            }
            if !(is_adverb(w) || BE.contains(&w)) {
                return false;
            }
        }
        false
    }

    /// The non-state armed actor mentioned last before the trigger's sentence or in it.
    pub fn last_armed_non_state_before(&self) -> Option<Actor> {
        self.actors
            .iter()
            .enumerate()
            .filter(|&(j, _)| !self.members_of_named(j))
            .map(|(_, a)| &a.item.actor)
            .rfind(|a| is_armed_group(a))
            .or_else(|| {
                self.earlier_actors
                    .iter()
                    .map(|m| &m.actor)
                    .rfind(|a| is_armed_group(a))
            })
            .cloned()
    }

    /// The armed actor (state or not) named last before word `first`, in this sentence or
    /// an earlier one: the antecedent of "they" when no event has told an agent yet.
    pub fn last_armed_before(&self, first: usize) -> Option<Actor> {
        let armed = |a: &Actor| a.actor_type == Some(ActorType::StateForces) || is_armed_group(a);
        // a subject is followed by its verb, not by the noun it qualifies ("police districts")
        let subject = |m: &ActorMention| {
            let next = self.word_after(m);
            next.ends_with("ed")
                || BE.contains(&next.as_str())
                || is_adverb(&next)
                || SUBJECT_NEXT.contains(&next.as_str())
        };
        self.actors
            .iter()
            .filter(|a| a.last < first)
            .map(|a| a.item)
            .rfind(|m| armed(&m.actor) && subject(m))
            .or_else(|| {
                self.earlier_actors
                    .iter()
                    .copied()
                    .rfind(|m| armed(&m.actor) && subject(m))
            })
            .map(|m| m.actor.clone())
    }

    /// The state or foreign forces of another country than `cc`, mentioned last (in the
    /// sentence, else before it): the other side of a war between states.
    pub fn last_foreign_state_before(&self, cc: Option<&str>) -> Option<Actor> {
        let other = |a: &Actor| {
            matches!(
                a.actor_type,
                Some(ActorType::StateForces) | Some(ActorType::External)
            ) && a.country.is_some()
                && a.country.as_deref() != cc
        };
        self.actors
            .iter()
            .map(|a| a.item)
            .rfind(|m| other(&m.actor) && !self.is_speaker(m))
            .or_else(|| {
                self.earlier_actors
                    .iter()
                    .copied()
                    .rfind(|m| other(&m.actor) && !self.is_speaker(m))
            })
            .map(|m| m.actor.clone())
    }

    /// Does the sentence hold a time expression after its dateline?
    /// Does the sentence measure a span back from now ("in the past week", "over the last
    /// few days")? It tells the story's own recent time, not an earlier episode's.
    pub fn recent_span(&self) -> bool {
        self.durations.iter().any(|t| {
            let l = t.item.text.to_ascii_lowercase();
            l.contains("past ") || l.contains("last ")
        })
    }

    pub fn has_times(&self) -> bool {
        let dateline = self.dateline_end();
        self.times.iter().any(|t| t.first >= dateline)
    }

    /// Is the time expression of the sentence that gives date `d` inside a relative clause
    /// ("Anefis, which troops seized in early October"): a "which" or "who" before it?
    pub fn date_in_relative(&self, d: EventDate) -> bool {
        self.times
            .iter()
            .filter(|t| event_day(t.item) == Some(d))
            .any(|t| {
                self.words[..t.first]
                    .iter()
                    .any(|w| matches!(*w, "which" | "who" | "whom" | "whose"))
            })
    }

    /// Is the trigger at `first` told in the present or present perfect ("has pushed", "are
    /// fighting"): an auxiliary of the present within the three words before it?
    pub fn present_perfect_before(&self, first: usize) -> bool {
        self.words[first.saturating_sub(3)..first]
            .iter()
            .any(|w| matches!(*w, "has" | "have" | "is" | "are"))
    }

    /// The date of the last day-precision time expression of the sentence (narrative time).
    /// A day in a clause opened by "since" ("the biggest gain since the offensive began five
    /// days ago") measures from an earlier episode and is passed over.
    pub fn last_day_date(&self) -> Option<EventDate> {
        self.times
            .iter()
            .rev()
            .filter(|t| !self.in_since_clause(t.first))
            .find_map(|t| day_date(t.item.date))
    }

    /// Does "since" open the clause of word `at`, before it and not right before it ("killed
    /// since Friday" goes on from Friday)?
    fn in_since_clause(&self, at: usize) -> bool {
        for k in (0..at).rev() {
            if self.words[k] == "since" {
                return k + 1 < at;
            }
            if self.boundary_before[k] {
                return false;
            }
        }
        false
    }

    /// The armed group the people a verb acts on are tied to ("detained dozens of men
    /// suspected of links to Islamic State", "arrested 11 men linked to the cartel", "members
    /// of the group"): a word of affiliation within eight words after the trigger, then a
    /// named armed group within four words, all in the trigger's clause.
    pub fn affiliated_group_after(&self, last: usize) -> Option<Actor> {
        const TIES: &[&str] = &[
            "linked",
            "links",
            "ties",
            "tied",
            "loyal",
            "belonging",
            "affiliated",
            "connected",
            "members",
            "member",
        ];
        let (_, clause_end) = self.clause(last, last);
        let hi = (last + 9).min(clause_end);
        let k = (last + 1..hi).find(|&k| TIES.contains(&self.words[k]))?;
        self.actors
            .iter()
            .filter(|a| a.first > k && a.first <= k + 4 && a.first < clause_end)
            .min_by_key(|a| a.first)
            .map(|a| &a.item.actor)
            .filter(|a| is_armed_group(a))
            .cloned()
    }

    /// The first actor within `within` words after the trigger, in its clause.
    pub fn object_actor_within(&self, last: usize, within: usize) -> Option<&Actor> {
        let (_, clause_end) = self.clause(last, last);
        self.actors
            .iter()
            .filter(|a| a.first > last && a.first <= last + within && a.first < clause_end)
            .min_by_key(|a| a.first)
            .map(|a| &a.item.actor)
    }

    /// Does clause punctuation stand between words `lo` and `hi` (after `lo`, up to `hi`)?
    pub fn boundary_between(&self, lo: usize, hi: usize) -> bool {
        (lo + 1..=hi).any(|k| self.boundary_before.get(k).copied().unwrap_or(false))
    }

    /// The actor just before the trigger, with only auxiliaries and adverbs between ("the
    /// girls were later taken", "the girls seized from ...").
    /// Is the word at `first` a participle that follows its subject's own verb after a comma
    /// ("fighters went from house to house, killing several men")? Its subject is then the
    /// one of that verb.
    pub fn participle_after_comma(&self, first: usize) -> bool {
        first > 0 && self.boundary_before[first] && self.words[first].ends_with("ing")
    }

    pub fn subject_right_before(&self, first: usize) -> Option<&Actor> {
        let a = self
            .actors
            .iter()
            .filter(|a| a.last < first)
            .max_by_key(|a| a.last)?;
        self.words[a.last + 1..first]
            .iter()
            .all(|w| is_aux_or_adverb(w))
            .then_some(&a.item.actor)
    }

    /// Is the passive trigger at `first` said of a person named by two capitalised words
    /// ("Luis Diaz was seized", "his wife, Cilenis Marulanda, were seized") that no actor or
    /// place reading claims? A town is one word or a known place; a person is named in full.
    pub fn named_person_before(&self, first: usize) -> bool {
        let mut i = first;
        while i > 0 && (BE.contains(&self.words[i - 1]) || is_adverb(self.words[i - 1])) {
            i -= 1;
        }
        // skip a closing comma of an apposition ("..., Cilenis Marulanda, were seized")
        if i < 2 || i == first {
            return false;
        }
        let (a, b) = (i - 2, i - 1);
        let claimed = |k: usize| {
            self.places.iter().any(|p| p.first <= k && k <= p.last)
                || self.actors.iter().any(|x| x.first <= k && k <= x.last)
        };
        self.toks[a].is_capitalized()
            && self.toks[b].is_capitalized()
            && !claimed(a)
            && !claimed(b)
            && self.text[self.toks[a].span.end..self.toks[b].span.start]
                .trim()
                .is_empty()
    }

    /// Is the passive trigger at `first` the verb of a relative clause about a person ("the
    /// mayor, who had been seized by troops")? "who" refers to people, never to a place.
    pub fn person_relative_before(&self, first: usize) -> bool {
        let mut i = first;
        while i > 0 {
            i -= 1;
            let w = self.words[i];
            if matches!(w, "who" | "whom") {
                return true;
            }
            if !(BE.contains(&w) || is_adverb(w)) {
                return false;
            }
        }
        false
    }

    /// "two soldiers whom Congo captured": the people the relative "whom" (within four words
    /// before the trigger, no clause boundary between) refers to, when an actor names them;
    /// `Some(None)` for a "whom" after no actor.
    pub fn whom_object_before(&self, first: usize) -> Option<Option<&Actor>> {
        let w = (first.saturating_sub(4)..first)
            .rev()
            .find(|&k| self.words[k] == "whom")?;
        if (w + 1..=first).any(|k| self.boundary_before[k]) {
            return None;
        }
        Some(
            self.actors
                .iter()
                .find(|a| a.last + 1 == w)
                .map(|a| &a.item.actor),
        )
    }

    /// Is place mention `i` inside a reduced relative of the subject of the trigger at
    /// `first` ("The schoolboys abducted from a school in Kankara last week have regained
    /// their freedom")? It says where the people were taken, and stands for the release only
    /// until a later report names where they were freed.
    pub fn place_in_subject_relative(&self, i: usize, first: usize) -> bool {
        let p = &self.places[i];
        if p.last >= first {
            return false;
        }
        let mut j = first;
        while j > 0 && is_aux_or_adverb(self.words[j - 1]) {
            j -= 1;
        }
        let aux = j < first
            || (j > 0 && matches!(self.words[j - 1], "have" | "has" | "had"))
            || matches!(self.words[first], "have" | "has" | "had");
        aux && (1..p.first)
            .any(|k| self.reduced_relative(k) && !self.next_predicate_between(k + 1, first))
    }

    /// "The hostages were released on Wednesday", "The boys were handed over in Tsafe": a
    /// passive trigger whose subject is a definite noun phrase ("the", "these" or "those",
    /// up to three words of its own, then the auxiliary) names people the story told of.
    pub fn definite_passive_subject(&self, first: usize) -> bool {
        if !self.passive_trigger(first) {
            return false;
        }
        let mut j = first;
        while j > 0 && is_aux_or_adverb(self.words[j - 1]) {
            j -= 1;
        }
        if j == first || j == 0 {
            return false;
        }
        // j - 1 is the subject's head noun
        (2..=4).any(|back| {
            j.checked_sub(back).is_some_and(|d| {
                matches!(self.words[d], "the" | "these" | "those")
                    && (d == 0 || self.boundary_before[d])
                    && !(d + 1..j).any(|k| self.boundary_before[k])
            })
        })
    }

    /// A past participle right after a noun phrase, not after an auxiliary: "the girls seized
    /// from the college" (a reduced relative clause, passive in meaning).
    pub fn reduced_relative(&self, first: usize) -> bool {
        first > 0
            && self.words[first].ends_with("ed")
            && self
                .actors
                .iter()
                .any(|a| a.last + 1 == first && !self.boundary_before[first])
            && !matches!(self.words.get(first + 1), Some(&("the" | "a" | "an")))
    }

    /// An armed actor right after the trigger ("captured soldiers", "seized two fighters").
    /// ("overran army positions": whose ground, not who, was taken.)
    pub fn object_actor_adjacent(&self, last: usize) -> Option<&Actor> {
        self.actors
            .iter()
            .find(|a| {
                a.first == last + 1
                    || (a.first == last + 2
                        && self.words[last + 1].chars().all(|c| c.is_ascii_digit()))
            })
            .filter(|a| {
                !self
                    .words
                    .get(a.last + 1)
                    .is_some_and(|w| self.vocab.held_ground.matches(w))
            })
            .map(|a| &a.item.actor)
            .filter(|a| !is_place_like_actor(a))
    }

    /// Actors of the sentence of one of these types.
    /// Is the actor named (or described) in this sentence?
    pub fn mentions_actor(&self, name: &str) -> bool {
        self.actors.iter().any(|a| a.item.actor.name == name)
    }

    pub fn actors_of_type(&self, types: &[ActorType]) -> Vec<Actor> {
        let mut out: Vec<Actor> = Vec::new();
        for a in &self.actors {
            if a.item.actor.actor_type.is_some_and(|t| types.contains(&t))
                && !out.iter().any(|o| o.name == a.item.actor.name)
            {
                out.push(a.item.actor.clone());
            }
        }
        out
    }
}
