//! A builder of the events the graph stage's tests merge and link (`merge.rs`, `links.rs`).

use crate::model::*;
use chrono::NaiveDate;

/// An event under construction: `event(id, type, day)` and then what the test needs.
pub(crate) struct EventBuilder(Event);

/// An event of type `t` on day `day` of July 2021, told with an explicit date, with no sides,
/// no place and no report yet.
pub(crate) fn event(id: &str, t: EventType, day: u32) -> EventBuilder {
    EventBuilder(Event {
        id: id.into(),
        event_type: t,
        acled_event_type: String::new(),
        acled_sub_event_type: String::new(),
        cameo_code: String::new(),
        date: NaiveDate::from_ymd_opt(2021, 7, day).map(|date| EventDate {
            date,
            precision: TimePrecision::Day,
        }),
        date_explicit: true,
        agents: vec![],
        targets: vec![],
        location: None,
        place: None,
        fatalities: None,
        evidence: vec![],
        confidence: 0.5,
    })
}

impl EventBuilder {
    /// Is the date told in the report (not carried over from earlier in the story)?
    pub(crate) fn explicit(mut self, explicit: bool) -> Self {
        self.0.date_explicit = explicit;
        self
    }

    /// An agent named `name`, of no known type or country.
    pub(crate) fn agent(mut self, name: &str) -> Self {
        self.0.agents.push(Actor {
            name: name.into(),
            actor_type: None,
            country: None,
        });
        self
    }

    /// The place, named as the location by its own name.
    pub(crate) fn place(mut self, p: Option<Place>) -> Self {
        self.0.location = p.as_ref().map(|p| p.name.clone());
        self.0.place = p;
        self
    }

    /// A report in document `doc`: `sentence`, at chars `char_start..char_end` there.
    pub(crate) fn report(
        mut self,
        doc: &str,
        sentence: &str,
        char_start: usize,
        char_end: usize,
    ) -> Self {
        self.0.evidence.push(Evidence {
            doc_id: doc.into(),
            source: None,
            url: None,
            published: None,
            sentence: sentence.into(),
            span: Span::default(),
            char_start,
            char_end,
            trigger: String::new(),
            rule: String::new(),
        });
        self
    }

    pub(crate) fn build(self) -> Event {
        self.0
    }
}
