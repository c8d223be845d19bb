//! Domain types shared by every pipeline stage.
//!
//! Offsets inside the library are **byte** offsets into `Article::text` (cheap to slice);
//! exports convert them to Unicode-scalar (character) offsets with [`crate::text::CharIndex`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A byte range `[start, end)` into an article's text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Where an article's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedFrom {
    /// The `published` field of a JSONL record.
    Field,
    /// Found in the text (dateline or footer).
    Text,
    /// The `--date` option.
    Option,
    /// Unknown.
    None,
}

/// One news article, as read by `ingest`.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub text: String,
    pub published: Option<NaiveDate>,
    pub published_from: PublishedFrom,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Where it came from (file path, with `:line` for JSONL) for messages.
    pub origin: String,
}

/// Granularity of a resolved date (the CSV's `time_precision`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimePrecision {
    Day,
    Week,
    Month,
    Year,
}

impl TimePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            TimePrecision::Day => "day",
            TimePrecision::Week => "week",
            TimePrecision::Month => "month",
            TimePrecision::Year => "year",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" => Some(TimePrecision::Day),
            "week" => Some(TimePrecision::Week),
            "month" => Some(TimePrecision::Month),
            "year" => Some(TimePrecision::Year),
            _ => None,
        }
    }
}

impl fmt::Display for TimePrecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A calendar date at some precision: `date` is the first day of the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EventDate {
    pub date: NaiveDate,
    pub precision: TimePrecision,
}

/// TIMEX3 type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// What a relative time expression was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    /// The document creation (publication) time.
    Dct,
    /// The last date mentioned before it.
    Previous,
    /// Absolute, or unresolved.
    None,
}

/// A time expression found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeMention {
    pub span: Span,
    pub text: String,
    pub timex_type: TimexType,
    /// TIMEX3 value (`2021-07-07`, `2021-05`, `2021-W27`, `P3D`, `XXXX-XX-XX`...).
    pub value: String,
    /// Calendar date the expression denotes, when it denotes one.
    pub date: Option<EventDate>,
    pub anchor: Anchor,
}

/// Geographic precision of a resolved place (the CSV's `geo_precision`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GeoPrecision {
    Point,
    Admin2,
    Admin1,
    Country,
}

impl GeoPrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            GeoPrecision::Point => "point",
            GeoPrecision::Admin2 => "admin2",
            GeoPrecision::Admin1 => "admin1",
            GeoPrecision::Country => "country",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "point" => Some(GeoPrecision::Point),
            "admin2" => Some(GeoPrecision::Admin2),
            "admin1" => Some(GeoPrecision::Admin1),
            "country" => Some(GeoPrecision::Country),
            _ => None,
        }
    }
}

/// A resolved gazetteer place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub geonameid: Option<u32>,
    /// Gazetteer name.
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    /// Country name.
    pub country: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub latitude: f64,
    pub longitude: f64,
    /// GeoNames feature code (`PPLA`, `ADM1`, `PCLI`...).
    pub feature_code: String,
    pub population: u64,
    pub precision: GeoPrecision,
}

/// A place name found in the text, with its resolution (if any).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceMention {
    pub span: Span,
    pub text: String,
    pub place: Option<Place>,
    pub confidence: f32,
}

/// ACLED actor types (inter codes 1–8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    StateForces,
    Rebels,
    PoliticalMilitia,
    IdentityMilitia,
    Rioters,
    Protesters,
    Civilians,
    External,
}

impl ActorType {
    /// The ACLED label.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorType::StateForces => "State Forces",
            ActorType::Rebels => "Rebel Groups",
            ActorType::PoliticalMilitia => "Political Militias",
            ActorType::IdentityMilitia => "Identity Militias",
            ActorType::Rioters => "Rioters",
            ActorType::Protesters => "Protesters",
            ActorType::Civilians => "Civilians",
            ActorType::External => "External/Other Forces",
        }
    }
    /// Parse a data-file spelling: `state_forces`, `State Forces`, `1`...
    pub fn parse(s: &str) -> Option<Self> {
        let k: String = s
            .trim()
            .to_ascii_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        Some(match k.as_str() {
            "1" | "stateforces" | "state" => ActorType::StateForces,
            "2" | "rebels" | "rebelgroups" | "rebel" => ActorType::Rebels,
            "3" | "politicalmilitia" | "politicalmilitias" => ActorType::PoliticalMilitia,
            "4" | "identitymilitia" | "identitymilitias" => ActorType::IdentityMilitia,
            "5" | "rioters" => ActorType::Rioters,
            "6" | "protesters" => ActorType::Protesters,
            "7" | "civilians" => ActorType::Civilians,
            "8" | "external" | "externalotherforces" | "other" => ActorType::External,
            _ => return None,
        })
    }
}

/// An actor: canonical name plus what the dictionary knows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Actor {
    pub name: String,
    pub actor_type: Option<ActorType>,
    /// ISO 3166-1 alpha-2 of the country it belongs to, if any.
    pub country: Option<String>,
}

/// An actor reference found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorMention {
    pub span: Span,
    pub text: String,
    pub actor: Actor,
    /// True for descriptors ("the militants") resolved from context rather than named.
    pub descriptor: bool,
}

/// Event types: the thirteen of `GUIDELINES.md` ([`EventType::ALL`]), then the extension
/// types ([`EventType::EXTENSION`]) that reach ACLED sub-event types no guideline type covers
/// (looting, disrupted weapons use, bases established). The guidelines do not count the
/// extension types as events, so `eval` leaves them out of its scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    Assault,
    Seizure,
    PrisonerRelease,
    Talks,
    Agreement,
    AirStrike,
    Shelling,
    Bombing,
    AttackOnCivilians,
    Surrender,
    Withdrawal,
    Arrest,
    Protest,
    /// Extension: looting or destruction of property (ACLED Looting/property destruction).
    Looting,
    /// Extension: weapons seized, a bomb defused, a missile or drone intercepted (ACLED
    /// Disrupted weapons use).
    WeaponsSeizure,
    /// Extension: an armed group sets up a base or headquarters (ACLED Headquarters or base
    /// established).
    BaseEstablished,
}

impl EventType {
    pub const ALL: [EventType; 13] = [
        EventType::Assault,
        EventType::Seizure,
        EventType::PrisonerRelease,
        EventType::Talks,
        EventType::Agreement,
        EventType::AirStrike,
        EventType::Shelling,
        EventType::Bombing,
        EventType::AttackOnCivilians,
        EventType::Surrender,
        EventType::Withdrawal,
        EventType::Arrest,
        EventType::Protest,
    ];
    /// Types beyond the guidelines, for ACLED sub-event types no guideline type covers.
    pub const EXTENSION: [EventType; 3] = [
        EventType::Looting,
        EventType::WeaponsSeizure,
        EventType::BaseEstablished,
    ];
    /// The four core types of the project.
    pub const CORE: [EventType; 4] = [
        EventType::Assault,
        EventType::Seizure,
        EventType::PrisonerRelease,
        EventType::Talks,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Assault => "assault",
            EventType::Seizure => "seizure",
            EventType::PrisonerRelease => "prisoner_release",
            EventType::Talks => "talks",
            EventType::Agreement => "agreement",
            EventType::AirStrike => "air_strike",
            EventType::Shelling => "shelling",
            EventType::Bombing => "bombing",
            EventType::AttackOnCivilians => "attack_on_civilians",
            EventType::Surrender => "surrender",
            EventType::Withdrawal => "withdrawal",
            EventType::Arrest => "arrest",
            EventType::Protest => "protest",
            EventType::Looting => "looting",
            EventType::WeaponsSeizure => "weapons_seizure",
            EventType::BaseEstablished => "base_established",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        EventType::every().find(|t| t.as_str() == s)
    }

    /// Every type: the guideline types, then the extension types.
    pub fn every() -> impl Iterator<Item = EventType> {
        EventType::ALL.into_iter().chain(EventType::EXTENSION)
    }

    /// One of the thirteen types of `GUIDELINES.md` (scored by `eval`).
    pub fn is_guideline(self) -> bool {
        !EventType::EXTENSION.contains(&self)
    }

    pub fn is_core(self) -> bool {
        EventType::CORE.contains(&self)
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One source that reports an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub doc_id: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    /// The evidence sentence.
    pub sentence: String,
    /// Byte span of the sentence in the article.
    pub span: Span,
    /// Character (Unicode scalar) offsets of the sentence, end exclusive.
    pub char_start: usize,
    pub char_end: usize,
    /// The trigger words and the rule that fired.
    pub trigger: String,
    pub rule: String,
}

/// One extracted event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// Stable id derived from content (see `events::event_id`).
    pub id: String,
    pub event_type: EventType,
    pub acled_event_type: String,
    pub acled_sub_event_type: String,
    pub cameo_code: String,
    pub date: Option<EventDate>,
    /// The date comes from a time expression tied to the event (not inherited from context).
    pub date_explicit: bool,
    /// Agents (first is `actor1`, the rest `assoc_actor_1`; talks and deals with no target
    /// have parties: their second is `actor2` in the exports, see `export::EventRow`).
    pub agents: Vec<Actor>,
    /// Targets (first is `actor2`, the rest `assoc_actor_2`).
    pub targets: Vec<Actor>,
    /// Location as written in the text.
    pub location: Option<String>,
    pub place: Option<Place>,
    pub fatalities: Option<u32>,
    /// Every report of this event; the first is the primary one.
    pub evidence: Vec<Evidence>,
    pub confidence: f32,
}

impl Event {
    pub fn doc_id(&self) -> &str {
        self.evidence
            .first()
            .map(|e| e.doc_id.as_str())
            .unwrap_or("")
    }
}
