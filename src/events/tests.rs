//! Rule families of the event stage, on sentences written for these tests, run through the
//! whole pipeline (shipped gazetteer): one test per core type, voice, nominalisation,
//! possessive, coordination, reported speech, and each modality that must not give an event.

use crate::model::*;
use crate::pipeline::Pipeline;
use chrono::{Datelike, NaiveDate};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::load(&crate::default_gazetteer_dir()).expect("gazetteer loads"))
}

#[test]
fn event_ids_hash_the_formatted_parts() {
    for (doc, t, s, c) in [
        ("doc-1", EventType::Assault, 0usize, 0usize),
        ("a longer document id, made up", EventType::Protest, 9, 10),
        ("x", EventType::AirStrike, 123_456, usize::MAX),
    ] {
        assert_eq!(
            super::event_id(doc, t, s, c),
            super::short_hash(&[&format!("{doc}\u{1f}{t}\u{1f}{s}\u{1f}{c}")])
        );
    }
}

/// A one-paragraph article published on Thursday 8 July 2021.
fn article(text: &str) -> Article {
    Article {
        id: "t".into(),
        text: text.into(),
        published: NaiveDate::from_ymd_opt(2021, 7, 8),
        published_from: PublishedFrom::Field,
        source: None,
        url: None,
        origin: "test".into(),
    }
}

/// Events of a one-paragraph article published on Thursday 8 July 2021.
fn events(text: &str) -> Vec<Event> {
    pipeline().extract(&article(text))
}

fn of_type(evs: &[Event], t: EventType) -> Vec<&Event> {
    evs.iter().filter(|e| e.event_type == t).collect()
}

fn names(actors: &[Actor]) -> Vec<&str> {
    actors.iter().map(|a| a.name.as_str()).collect()
}

#[test]
fn assault_active_voice_with_date_place_and_sides() {
    let evs = events("Taliban fighters attacked government positions in Kunduz on Tuesday.");
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].agents), vec!["Taliban"]);
    assert_eq!(a[0].place.as_ref().unwrap().name, "Kunduz");
    assert_eq!(
        a[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 6).unwrap()
    );
    assert_eq!(a[0].date.unwrap().precision, TimePrecision::Day);
}

#[test]
fn seizure_passive_voice_takes_the_agent_after_by() {
    let evs = events("The town of Taloqan was overrun by the Taliban on Sunday.");
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(names(&s[0].agents), vec!["Taliban"]);
    assert_eq!(s[0].place.as_ref().unwrap().name, "Taloqan");
}

#[test]
fn seizure_fell_to_and_coordinated_places() {
    let evs = events("On Monday the towns of Shibirghan and Taloqan fell to the Taliban.");
    let s = of_type(&evs, EventType::Seizure);
    let places: Vec<&str> = s
        .iter()
        .map(|e| e.place.as_ref().unwrap().name.as_str())
        .collect();
    assert!(places.contains(&"Taloqan"), "{places:?}");
    assert!(
        s.iter().all(|e| names(&e.agents) == vec!["Taliban"]),
        "{s:#?}"
    );
}

#[test]
fn nominalisation_and_possessive_give_the_agent() {
    let evs = events("The Houthis' offensive on Marib began on Friday.");
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].agents), vec!["Houthis"]);
}

#[test]
fn prisoner_release_with_the_released_as_target_not_agent() {
    let evs = events("Insurgents freed dozens of prisoners from the jail in Ghazni on Wednesday.");
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert!(
        !names(&r[0].agents).contains(&"Civilians"),
        "{:?}",
        r[0].agents
    );
}

#[test]
fn talks_list_every_party() {
    let evs = events(
        "Delegations of the Afghan government and the Taliban held talks in Doha on Saturday.",
    );
    let t = of_type(&evs, EventType::Talks);
    assert_eq!(t.len(), 1, "{evs:#?}");
    let agents = names(&t[0].agents);
    assert!(agents.contains(&"Taliban"), "{agents:?}");
    assert!(agents.len() >= 2, "{agents:?}");
    assert_eq!(t[0].place.as_ref().unwrap().name, "Doha");
}

#[test]
fn reported_speech_keeps_the_event_and_not_the_speaker_as_agent() {
    let evs = events("Residents said the militants had captured the city of Zaranj on Friday.");
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert!(
        !names(&s[0].agents).contains(&"Civilians"),
        "{:?}",
        s[0].agents
    );
}

#[test]
fn the_same_event_told_twice_is_one_event() {
    let evs = events(
        "Rebels launched an assault on Kunduz on Wednesday. The attack on Kunduz lasted hours.",
    );
    assert_eq!(of_type(&evs, EventType::Assault).len(), 1, "{evs:#?}");
}

#[test]
fn modalities_give_no_event() {
    for text in [
        "The Taliban threatened to attack Kunduz.",
        "The army plans to recapture Kunduz next month.",
        "The envoy urged both sides to hold talks in Doha.",
        "The group denied that it attacked the convoy in Kunduz.",
        "If the army withdraws, the rebels could seize Kunduz.",
        "Talks will resume in Doha next week.",
        "The city of Kunduz is not falling.",
        "Will the rebels capture Kunduz?",
        "Al-Shabaab often attacks hotels in Mogadishu.",
    ] {
        let evs = events(text);
        assert!(evs.is_empty(), "{text:?} gave {evs:#?}");
    }
}

#[test]
fn a_future_date_is_no_event() {
    let evs = events("Government forces attacked rebel positions in Kunduz on 12 July 2021.");
    assert!(of_type(&evs, EventType::Assault).is_empty(), "{evs:#?}");
}

#[test]
fn fatalities_attach_to_the_violent_event() {
    let evs =
        events("An air strike hit a market in Kunduz on Tuesday, killing at least 12 people.");
    let a = of_type(&evs, EventType::AirStrike);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].fatalities, Some(12));
    // the killing is part of the strike, not an event of its own
    assert!(of_type(&evs, EventType::AttackOnCivilians).is_empty());
}

#[test]
fn the_country_after_a_trigger_is_the_articles_country() {
    let evs = events(
        "Rebels attacked Kunduz on Tuesday. Foreign troops completed their withdrawal from the country on Wednesday.",
    );
    let w = of_type(&evs, EventType::Withdrawal);
    assert_eq!(w.len(), 1, "{evs:#?}");
    let p = w[0].place.as_ref().unwrap();
    assert_eq!(p.precision, GeoPrecision::Country);
    assert_eq!(p.country_code, "AF");
}

#[test]
fn reported_speech_pronoun_subject_is_the_speaker() {
    let evs = events("The Iraqi army said on Monday that it had recaptured the town of Baiji.");
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(names(&s[0].agents), vec!["Iraqi army"]);
    let evs = events("Moscow said it had completed the withdrawal of its troops from the area.");
    let w = of_type(&evs, EventType::Withdrawal);
    assert_eq!(w.len(), 1, "{evs:#?}");
    assert_eq!(
        w[0].agents.first().map(|a| a.country.as_deref()),
        Some(Some("RU"))
    );
}

#[test]
fn a_weapon_named_with_a_demonym_is_fired_by_that_state() {
    let evs = events("On Tuesday a Syrian rocket hit a market in Idlib, killing nine people.");
    let e = of_type(&evs, EventType::Shelling);
    assert_eq!(e.len(), 1, "{evs:#?}");
    assert_eq!(
        e[0].agents.first().and_then(|a| a.country.as_deref()),
        Some("SY")
    );
    assert_eq!(names(&e[0].targets), vec!["Civilians"]);
}

#[test]
fn a_craft_with_a_demonym_that_opens_the_trigger_is_its_agent() {
    // the trigger "jets fired" starts on the actor's head noun
    let evs = events("Turkish jets fired rockets at a depot near Dohuk on Monday.");
    let e = of_type(&evs, EventType::AirStrike);
    assert_eq!(e.len(), 1, "{evs:#?}");
    assert_eq!(
        e[0].agents.first().and_then(|a| a.country.as_deref()),
        Some("TR")
    );
    // "bombs" is a weapon of the state its demonym names
    let evs = events("Syrian bombs hit a bakery in Idlib on Monday, killing five people.");
    let e = of_type(&evs, EventType::AirStrike);
    assert_eq!(e.len(), 1, "{evs:#?}");
    assert_eq!(
        e[0].agents.first().and_then(|a| a.country.as_deref()),
        Some("SY")
    );
}

#[test]
fn coordinated_subjects_are_all_agents() {
    let evs =
        events("Somali troops and allied clan militias captured the town of Bulo Burde on Monday.");
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(s[0].agents.len(), 2, "{:?}", names(&s[0].agents));
    assert_eq!(s[0].agents[0].country.as_deref(), Some("SO"));
}

#[test]
fn an_implicit_state_side_takes_the_articles_own_name_for_it() {
    let evs = events(
        "Security forces guarded the roads into Kano. On Monday, suspected jihadists attacked \
         a checkpoint outside the city.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    let target = a[0].targets.first().map(|t| t.name.as_str());
    assert_ne!(
        target,
        Some("Nigerian forces"),
        "{:?}",
        names(&a[0].targets)
    );
    assert_eq!(
        a[0].targets.first().and_then(|t| t.country.as_deref()),
        Some("NG")
    );
}

#[test]
fn people_seized_are_abducted_and_people_taken_somewhere_are_moved() {
    let evs = events("Gunmen seized the mayor and his wife at a roadblock near Kano on Monday.");
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
    let evs = events("The freed students were later taken to a hospital in Kano.");
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
}

#[test]
fn a_toll_is_no_new_event() {
    // the deaths of the bombing just told
    let evs = events(
        "A car bomb exploded outside a police station in Kirkuk on Monday. At least nine \
         people were killed, officials said.",
    );
    assert_eq!(of_type(&evs, EventType::Bombing).len(), 1, "{evs:#?}");
    assert!(
        of_type(&evs, EventType::AttackOnCivilians).is_empty(),
        "{evs:#?}"
    );
    // a war's toll
    let evs = events("Thousands of people have been killed in the region since 2015.");
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn counts_of_attacks_and_fighting_that_went_on_are_no_event() {
    let evs = events("The group has carried out scores of attacks on soldiers in Mali.");
    assert!(evs.is_empty(), "{evs:#?}");
    let evs = events(
        "Rebels attacked an army base near Goma on Monday. On Tuesday the fighting went on.",
    );
    assert_eq!(of_type(&evs, EventType::Assault).len(), 1, "{evs:#?}");
}

#[test]
fn a_participle_with_by_is_passive_and_a_backer_is_no_side() {
    let evs = events(
        "On Monday, soldiers freed by the Iran-backed rebels were flown from Sanaa to Aden.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(r[0].agents.len(), 1, "{:?}", r[0].agents);
    assert_eq!(r[0].agents[0].actor_type, Some(ActorType::Rebels));
    assert!(
        !names(&r[0].targets).contains(&"Iran"),
        "{:?}",
        r[0].targets
    );
    let evs = events("Forces freed by the Iran-backed Houthi rebels landed in Aden on Monday.");
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(names(&r[0].agents), vec!["Houthis"], "{evs:#?}");
}

#[test]
fn they_with_no_agent_told_yet_is_the_last_armed_subject() {
    let evs = events(
        "Rebels have been pressing on Bunia for a week, and officials said the rebels now held \
         most of its police posts. On Monday they overran the town's main market.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].agents.first().and_then(|a| a.actor_type),
        Some(ActorType::Rebels),
        "{:?}",
        s[0].agents
    );
}

#[test]
fn actors_of_a_since_reference_clause_take_no_side() {
    let evs = events(
        "Rebels overran Kunduz on Monday, the first city to fall to them since American \
         troops began their withdrawal.",
    );
    assert!(
        !evs.iter().any(|e| e.event_type == EventType::Withdrawal),
        "{evs:?}"
    );
    let e = evs
        .iter()
        .find(|e| e.event_type == EventType::Seizure || e.event_type == EventType::Assault)
        .expect("the overrun is an event");
    assert!(
        !e.targets.iter().any(|a| a.name.contains("American")),
        "{:?}",
        e.targets
    );
}

#[test]
fn a_since_reference_clause_with_its_own_date_is_a_background_event() {
    let evs = events(
        "The rebels freed 40 soldiers in Kunduz on Monday, the first release since the \
         insurgents captured the city in late May.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    let d = s[0].date.expect("dated");
    assert_eq!(d.precision, TimePrecision::Month);
    // (late May: the 25th stands for the part of the month, at month precision)
    assert_eq!(d.date, NaiveDate::from_ymd_opt(2021, 5, 25).unwrap());
    assert_eq!(
        of_type(&evs, EventType::PrisonerRelease).len(),
        1,
        "{evs:#?}"
    );
}

#[test]
fn since_before_a_gerund_dates_the_event_it_names() {
    let evs = events(
        "The insurgents have advanced north since seizing Taloqan, the provincial capital, \
         in mid-June.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].date.map(|d| (d.date, d.precision)),
        Some((
            NaiveDate::from_ymd_opt(2021, 6, 15).unwrap(),
            TimePrecision::Month
        ))
    );
}

#[test]
fn a_claim_names_the_agent_of_the_violence_told_and_is_no_new_event() {
    let evs = events(
        "A car bomb exploded near a police station in Kandahar on Tuesday. The Taliban said \
         on Wednesday they had carried out the attack.",
    );
    let b = of_type(&evs, EventType::Bombing);
    assert_eq!(b.len(), 1, "{evs:#?}");
    assert_eq!(names(&b[0].agents), vec!["Taliban"]);
    assert!(of_type(&evs, EventType::Assault).is_empty(), "{evs:#?}");
}

#[test]
fn clash_sides_are_those_between_not_witnesses_or_backers() {
    let evs = events(
        "Residents said clashes broke out in Kunduz on Tuesday between Taliban fighters and \
         government forces backed by US aircraft.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    let sides: Vec<&str> = names(&a[0].agents)
        .into_iter()
        .chain(names(&a[0].targets))
        .collect();
    assert!(sides.contains(&"Taliban"), "{sides:?}");
    assert!(
        !sides
            .iter()
            .any(|n| n.contains("Residents") || n.contains("US")),
        "{sides:?}"
    );
}

#[test]
fn arrests_without_a_named_agent_are_by_the_state_forces() {
    let evs =
        events("Afghan police said 40 of the escaped prisoners had been recaptured in Kunduz.");
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert!(
        a[0].agents
            .iter()
            .any(|x| x.actor_type == Some(ActorType::StateForces)),
        "{:?}",
        a[0].agents
    );
}

#[test]
fn a_pronoun_after_a_speech_verb_skips_any_ly_adverb() {
    let evs = events(
        "The United States said on Sunday that it had temporarily withdrawn its troops from \
         Kunduz.",
    );
    let w = of_type(&evs, EventType::Withdrawal);
    assert_eq!(w.len(), 1, "{evs:#?}");
    assert_eq!(names(&w[0].agents), vec!["United States"]);
}

#[test]
fn default_targets_follow_the_sentence() {
    // a non-state agent: the other armed side the sentence names, not the state by default
    let evs = events(
        "Kurdish-led fighters said on Tuesday they had taken Manbij, the last town held by the \
         Islamic State group in the province.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(names(&s[0].targets), vec!["Islamic State"]);
    // a group qualifying a person is no side
    let evs = events(
        "On Saturday the Taliban overran Shibirghan, the stronghold of militia leader Abdul \
         Rashid Dostum.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert!(
        s[0].targets
            .iter()
            .all(|t| t.actor_type == Some(ActorType::StateForces)),
        "{:?}",
        s[0].targets
    );
    // a bomb with no one named against it hit the people around it
    let evs = events("Two car bombs exploded outside a hotel in Kabul on Friday, witnesses said.");
    let b = of_type(&evs, EventType::Bombing);
    assert_eq!(b.len(), 1, "{evs:#?}");
    assert_eq!(names(&b[0].targets), vec!["Civilians"]);
}

#[test]
fn a_told_event_dated_only_by_a_later_clause_is_no_new_one() {
    let evs = events(
        "Gunmen attacked a police post in Kunduz on Tuesday. The attack came hours after \
         soldiers left the town on Monday.",
    );
    assert_eq!(of_type(&evs, EventType::Assault).len(), 1, "{evs:#?}");
}

#[test]
fn coordinated_days_date_the_event_by_the_first() {
    let evs = events("Last Sunday and Monday, Afghan authorities freed 200 prisoners in Kunduz.");
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(
        r[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 4).unwrap()
    );
}

#[test]
fn a_broken_truce_and_a_battle_entering_its_fifth_day_are_no_events() {
    let evs = events(
        "On Monday rebels attacked army outposts in Kunduz, ending a truce that had held \
         there for a year. The battle for the city entered its fifth day on Thursday.",
    );
    assert!(of_type(&evs, EventType::Agreement).is_empty(), "{evs:#?}");
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
}

#[test]
fn a_place_after_a_new_subject_belongs_to_its_own_verb() {
    let evs = events(
        "The Taliban took Kunduz on Sunday. Officials said government forces there put up \
         little resistance; some surrendered and others fled across the border into Tajikistan.",
    );
    let s = of_type(&evs, EventType::Surrender);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_ne!(
        s[0].place.as_ref().map(|p| p.country_code.as_str()),
        Some("TJ"),
        "{:?}",
        s[0].place
    );
}

#[test]
fn air_strikes_reported_by_a_state_are_flown_by_its_forces() {
    let evs = events(
        "The Afghan defence ministry said air strikes had hit Taliban positions around \
         Kunduz on Tuesday, killing dozens of insurgents.",
    );
    let a = of_type(&evs, EventType::AirStrike);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].agents.len(), 1, "{:?}", a[0].agents);
    let agent = &a[0].agents[0];
    assert_eq!(agent.country.as_deref(), Some("AF"));
    assert!(!agent.name.to_lowercase().contains("ministry"), "{agent:?}");
}

#[test]
fn an_event_with_no_place_yet_is_placed_in_the_story_s_country() {
    let evs = events(
        "Myanmar has been under army rule since February. Officials said on Friday that the \
         junta had freed 23,000 prisoners in an annual amnesty.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    let p = r[0].place.as_ref().expect("a country-level place");
    assert_eq!(p.country_code, "MM");
    assert_eq!(p.precision, GeoPrecision::Country);
}

#[test]
fn a_state_raid_that_detains_is_an_arrest_and_overnight_dates_by_the_morning() {
    let evs = events(
        "Overnight, police raided homes in Kunduz and detained opponents of the government, \
         residents said.",
    );
    assert!(of_type(&evs, EventType::Assault).is_empty(), "{evs:#?}");
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    // published Thursday 8 July: the night of the 7th to the 8th, reported that morning
    assert_eq!(
        a[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 8).unwrap()
    );
}

#[test]
fn surrender_is_to_the_attacker_and_state_strikes_on_sheltering_civilians_hit_civilians() {
    let evs = events(
        "Taliban fighters attacked Kunduz on Monday. Officials said some soldiers surrendered.",
    );
    let s = of_type(&evs, EventType::Surrender);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(names(&s[0].targets), vec!["Taliban"]);
    let evs = events(
        "A Russian air strike destroyed a theatre in Mariupol on Monday, where hundreds of \
         civilians were sheltering.",
    );
    let a = of_type(&evs, EventType::AirStrike);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].targets), vec!["Civilians"]);
}

#[test]
fn an_unnamed_village_takes_the_town_the_story_names_next() {
    let evs = events(
        "Gunmen killed 40 people in a raid on a village in northern Afghanistan on Tuesday. \
         The attackers struck Khanabad before dawn.",
    );
    let placed: Vec<&str> = evs
        .iter()
        .filter_map(|e| e.place.as_ref().map(|p| p.name.as_str()))
        .collect();
    assert!(!placed.is_empty(), "{evs:#?}");
    assert!(placed.iter().all(|n| *n == "Khanabad"), "{placed:?}");
}

#[test]
fn where_a_named_person_comes_from_is_no_event_place() {
    let evs = events(
        "Fighting raged in Kunduz on Monday. On Tuesday the president received envoys, former \
         presidents Joaquim Chissano of Mozambique and Ellen Johnson Sirleaf of Liberia, for \
         talks.",
    );
    let t = of_type(&evs, EventType::Talks);
    assert_eq!(t.len(), 1, "{evs:#?}");
    let cc = t[0].place.as_ref().map(|p| p.country_code.as_str());
    assert!(!matches!(cc, Some("MZ" | "LR")), "{:?}", t[0].place);
}

#[test]
fn forces_backing_the_attacker_are_no_target() {
    let evs = events(
        "Kurdish-led fighters launched an assault on Manbij on Monday, backed by coalition air \
         strikes and special forces.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert!(
        !a[0]
            .targets
            .iter()
            .any(|t| t.name.contains("special forces")),
        "{:?}",
        a[0].targets
    );
}

#[test]
fn a_wire_dateline_is_where_the_reporter_sat() {
    // the dateline's words are found by the dash between them and the story, not as a token
    let evs = events(
        "NAIROBI, Kenya (Reuters) - Ethiopia's government and Tigrayan rebels agreed to a \
         ceasefire, the African Union said.",
    );
    let a = of_type(&evs, EventType::Agreement);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_ne!(a[0].location.as_deref(), Some("Kenya"), "{:#?}", a[0]);
}

#[test]
fn what_was_agreed_follows_agreed_to() {
    let evs = events(
        "Envoys of both sides held peace talks in Doha on Tuesday and agreed to keep up dialogue.",
    );
    assert!(of_type(&evs, EventType::Agreement).is_empty(), "{evs:#?}");
    assert_eq!(of_type(&evs, EventType::Talks).len(), 1, "{evs:#?}");
    let evs = events("The army and the rebels agreed to a truce in Juba on Tuesday.");
    assert_eq!(of_type(&evs, EventType::Agreement).len(), 1, "{evs:#?}");
}

#[test]
fn a_trigger_inside_a_longer_one_of_another_type_is_its_word() {
    let evs = events("An air raid on the airport of Misrata on Monday destroyed two planes.");
    assert_eq!(of_type(&evs, EventType::AirStrike).len(), 1, "{evs:#?}");
    assert!(of_type(&evs, EventType::Assault).is_empty(), "{evs:#?}");
}

#[test]
fn a_general_word_reported_as_launched_is_an_event_of_its_own() {
    // "attack" is weak, but "launched an attack" tells it; the town's seizure in March is
    // another event
    let evs = events(
        "On Tuesday, government troops pushed east and launched an attack toward Misrata, which \
         the rebels seized in March.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].agents[0].actor_type, Some(ActorType::StateForces));
    assert_eq!(of_type(&evs, EventType::Seizure).len(), 1, "{evs:#?}");
}

#[test]
fn a_definite_reference_through_modifiers_or_a_possessive_is_the_event_told() {
    let evs = events(
        "Rebels stormed the town of Bunia on Tuesday. The final assault came after the last \
         soldiers left on Sunday.",
    );
    assert_eq!(of_type(&evs, EventType::Assault).len(), 1, "{evs:#?}");
    let evs = events(
        "Russia completed the withdrawal of its troops from Kherson on Wednesday. Moscow's \
         retreat did not end the shelling.",
    );
    assert_eq!(of_type(&evs, EventType::Withdrawal).len(), 1, "{evs:#?}");
}

#[test]
fn a_reference_that_came_before_another_event_takes_no_date_of_its_own() {
    // "the attacks followed a drop in violence in March": the time relates the attacks told to
    // something else
    let evs = events(
        "BUNIA, Congo, July 8 - Gunmen attacked two police stations in Bunia on Tuesday, killing \
         six officers. The attacks followed a drop in violence in the province in March.",
    );
    assert_eq!(of_type(&evs, EventType::Assault).len(), 1, "{evs:#?}");
}

#[test]
fn a_leader_meeting_his_own_commanders_holds_no_talks() {
    let evs = events(
        "The defence minister met commanders at a military camp near Bunia on Tuesday and \
         promised them new vehicles.",
    );
    assert!(of_type(&evs, EventType::Talks).is_empty(), "{evs:#?}");
    let evs =
        events("Church elders met Taliban commanders in Kunduz on Tuesday to seek a local truce.");
    assert_eq!(of_type(&evs, EventType::Talks).len(), 1, "{evs:#?}");
}

#[test]
fn a_retreat_told_as_the_time_of_a_strike_is_no_withdrawal() {
    let evs = events(
        "Gunmen attacked an army camp near Djibo on Tuesday. Helicopters struck the gunmen as \
         they pulled back towards the border, the army said.",
    );
    assert!(of_type(&evs, EventType::Withdrawal).is_empty(), "{evs:#?}");
    let evs = events("Rebel fighters pulled back from the town of Bunia on Tuesday.");
    assert_eq!(of_type(&evs, EventType::Withdrawal).len(), 1, "{evs:#?}");
}

#[test]
fn a_definite_reference_with_its_own_date_and_place_completes_the_event() {
    let evs = events(
        "NAIROBI (Reuters) - Both sides have agreed to a permanent cessation of hostilities, \
         mediators said. The deal was signed late on Tuesday in Juba by envoys of both sides.",
    );
    let a = of_type(&evs, EventType::Agreement);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].place.as_ref().unwrap().name, "Juba", "{:#?}", a[0]);
    assert_eq!(
        a[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 6).unwrap()
    );
}

#[test]
fn a_place_in_a_later_clause_is_where_something_else_is() {
    // "northern Shan State" is where the fighting drove the army out, not where the parties met
    let evs = events(
        "The army and the rebels agreed to a truce after talks brokered by Beijing, the latest \
         attempt to halt fighting that has driven the army out of large parts of northern Shan \
         State. Envoys of the two sides held the talks in Kunming, officials said.",
    );
    let t = of_type(&evs, EventType::Talks);
    assert_eq!(t.len(), 1, "{evs:#?}");
    assert_eq!(t[0].place.as_ref().unwrap().name, "Kunming", "{:#?}", t[0]);
    let a = of_type(&evs, EventType::Agreement);
    assert!(
        a.iter()
            .all(|e| e.place.as_ref().unwrap().precision == GeoPrecision::Country),
        "{a:#?}"
    );
}

#[test]
fn an_aim_is_no_event_but_what_was_managed_or_came_first_is() {
    for text in [
        "Tarhuna was the last stronghold of the rebels, completing the collapse of their \
         campaign to seize the capital.",
        "The militants have waged an offensive since January to capture the oil-rich region of \
         Marib.",
    ] {
        let evs = events(text);
        assert!(
            of_type(&evs, EventType::Seizure).is_empty(),
            "{text:?} gave {evs:#?}"
        );
    }
    let evs = events("On Monday the rebels managed to capture the town of Bunia.");
    assert_eq!(of_type(&evs, EventType::Seizure).len(), 1, "{evs:#?}");
    let evs =
        events("On Monday Zaranj became the first provincial capital to fall to the Taliban.");
    assert_eq!(of_type(&evs, EventType::Seizure).len(), 1, "{evs:#?}");
    // "to" before a noun is a preposition: the clashes happened
    let evs = events("The arrest of the governor led to clashes in Kano on Monday.");
    assert_eq!(of_type(&evs, EventType::Assault).len(), 1, "{evs:#?}");
}

#[test]
fn a_count_of_months_reaches_across_a_modifier() {
    let evs = events("Four months of street fighting left much of the city of Mosul in ruins.");
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn strikes_that_back_a_side_are_no_event_of_their_own() {
    let evs = events("The operation is supported by US air strikes and African Union troops.");
    assert!(evs.is_empty(), "{evs:#?}");
    // the backed side's own action stays, done by it and not by its backer
    let evs = events(
        "On Saturday, Syrian government troops backed by Russian air power recaptured the town \
         of Mayadin.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].agents[0].country.as_deref(),
        Some("SY"),
        "{:?}",
        s[0].agents
    );
}

#[test]
fn a_person_seized_in_a_relative_clause_is_abducted() {
    let evs = events("Rebels freed the mayor of Bunia, who had been seized by gunmen on Monday.");
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
}

#[test]
fn a_step_taken_after_a_push_is_the_takers_and_a_raid_framing_a_killing_is_that_killing() {
    let evs = events(
        "US-backed fighters said on Tuesday they had taken full control of Raqqa, the capital of \
         the Islamic State group's caliphate, after a final push on the militants' last \
         positions.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        names(&a[0].agents),
        vec!["US-backed fighters"],
        "{:#?}",
        a[0]
    );
    assert_eq!(names(&a[0].targets), vec!["Islamic State"], "{:#?}", a[0]);
    let evs =
        events("Gunmen killed at least 30 villagers in an overnight raid near Kano on Monday.");
    assert!(of_type(&evs, EventType::Assault).is_empty(), "{evs:#?}");
    let k = of_type(&evs, EventType::AttackOnCivilians);
    assert_eq!(k.len(), 1, "{evs:#?}");
    assert!(!k[0].agents.is_empty(), "{:#?}", k[0]);
}

#[test]
fn the_subject_of_a_noun_phrase_is_its_head_and_people_who_flee_do_not_withdraw() {
    let evs = events(
        "Residents said many families linked to the Kaniyat militia, which ran the town for \
         years, fled east on Friday.",
    );
    assert!(of_type(&evs, EventType::Withdrawal).is_empty(), "{evs:#?}");
    // armed men named beside their families still withdraw
    let evs =
        events("Hundreds of local IS members and their families left the city of Raqqa on Sunday.");
    let w = of_type(&evs, EventType::Withdrawal);
    assert_eq!(w.len(), 1, "{evs:#?}");
    assert_eq!(names(&w[0].agents), vec!["Islamic State"], "{:#?}", w[0]);
}

#[test]
fn a_pronoun_takes_the_subject_of_an_earlier_clause_of_its_sentence() {
    let evs = events(
        "The rebels captured the town of Gharyan on Thursday. GNA forces later said they had \
         pushed the attackers back, and on Sunday they announced a counter-offensive.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].agents), vec!["GNA"], "{:#?}", a[0]);
}

#[test]
fn a_when_clause_names_who_fired_and_a_jailbreak_frees_by_the_attackers() {
    let evs = events(
        "A young woman was shot in the head on Tuesday when police used live rounds to disperse \
         a crowd in Mandalay.",
    );
    let k = of_type(&evs, EventType::AttackOnCivilians);
    assert_eq!(k.len(), 1, "{evs:#?}");
    assert_eq!(
        k[0].agents.first().and_then(|a| a.actor_type),
        Some(ActorType::StateForces),
        "{:#?}",
        k[0]
    );
    let evs = events(
        "Nearly 900 inmates escaped from a prison near Abuja after suspected Islamist fighters \
         blasted their way into it on Tuesday night.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(
        r[0].agents.first().and_then(|a| a.actor_type),
        Some(ActorType::Rebels),
        "{:#?}",
        r[0]
    );
}

#[test]
fn a_deal_that_names_no_party_is_between_the_parties_of_the_last_one() {
    let evs = events(
        "The swap was agreed last month in Geneva after talks between the Houthis and the \
         government. It is the first step to carry out an agreement reached in Sweden in \
         December 2018.",
    );
    // The agreement reached in Sweden is told apart by its date: "Geneva" alone, in an
    // article naming Sweden and not Switzerland, is below the one-word recognition bar, so
    // the swap agreed there may take Sweden as its place too.
    let a: Vec<&Event> = of_type(&evs, EventType::Agreement)
        .into_iter()
        .filter(|e| e.place.as_ref().is_some_and(|p| p.country_code == "SE"))
        .filter(|e| {
            e.date
                .as_ref()
                .is_some_and(|d| chrono::Datelike::year(&d.date) == 2018)
        })
        .collect();
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert!(names(&a[0].agents).contains(&"Houthis"), "{:#?}", a[0]);
}

#[test]
fn a_verb_coordinated_after_and_shares_the_subject_and_since_undates_it() {
    let evs = events(
        "The government, backed by clan militias, launched an offensive against al-Shabaab in \
         Hiiraan in August and has since pushed into Galmudug.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].agents.first().and_then(|x| x.actor_type),
        Some(ActorType::StateForces),
        "{:#?}",
        a[0]
    );
}

#[test]
fn a_time_said_is_no_date_of_a_reference() {
    // "the deadliest attack" restates the killing; "said Saturday" dates the report
    let evs = events(
        "Gunmen killed at least 30 villagers near Kano on Friday, the government said Saturday, \
         the deadliest attack on the town.",
    );
    assert!(of_type(&evs, EventType::Assault).is_empty(), "{evs:#?}");
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
}

#[test]
fn with_no_town_in_focus_events_take_the_province_the_story_named() {
    let evs = events(
        "Gunmen struck a village in Yagha province late on Friday. They first attacked a post of \
         a civilian militia.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_ne!(
        a[0].place.as_ref().unwrap().precision,
        GeoPrecision::Country,
        "{:#?}",
        a[0]
    );
    assert!(!a[0].agents.is_empty(), "{:#?}", a[0]);
}

#[test]
fn a_claim_replaces_a_side_inferred_from_the_story() {
    let evs = events(
        "Afghan aircraft struck insurgent positions in Lashkar Gah on Tuesday. In Kabul, a car \
         bomb exploded late on Tuesday near the minister's house, followed by a gun battle. The \
         Taliban said on Wednesday they had carried out the attack.",
    );
    for e in evs
        .iter()
        .filter(|e| e.place.as_ref().is_some_and(|p| p.name == "Kabul"))
    {
        assert_eq!(names(&e.agents), vec!["Taliban"], "{e:#?}");
    }
}

#[test]
fn a_wire_dateline_dates_nothing_even_when_a_quote_splits_the_clause() {
    // the dash of "(Reuters) -" is no word token: the dateline ends at the first word after it
    let evs = events(
        "GAO, Mali, July 8 (Reuters) - Gunmen freed a \"high-value\" hostage hours after \
         seizing him on Tuesday, a local official said.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(
        r[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 6).unwrap()
    );
}

#[test]
fn a_toll_told_on_its_own_counts_the_violence_just_told() {
    let evs = events(
        "A car bomb exploded near a police station in Kandahar on Tuesday. \
         At least nine people were killed, officials said.",
    );
    let b = of_type(&evs, EventType::Bombing);
    assert_eq!(b.len(), 1, "{evs:#?}");
    assert_eq!(b[0].fatalities, Some(9));
}

#[test]
fn a_later_toll_counts_the_story_s_first_fighting_and_a_war_s_toll_counts_none() {
    let evs = events(
        "Taliban fighters attacked the city of Kunduz on Tuesday. \
         Residents fled to nearby villages. \
         A local official said the bodies of dozens of fighters lay in the streets.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].fatalities, Some(12));

    let evs = events(
        "Taliban fighters attacked the city of Kunduz on Tuesday. \
         The war has killed 300 people in the province over the years.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].fatalities, None);
}

#[test]
fn hours_before_a_told_event_is_that_event_s_day() {
    let evs = events(
        "Russian and Ukrainian negotiators held talks in Istanbul on Tuesday. \
         On Wednesday, Russian forces shelled Kharkiv. \
         Hours before the talks opened, a missile struck the regional administration \
         building in Mykolaiv.",
    );
    let strikes: Vec<&Event> = evs
        .iter()
        .filter(|e| {
            matches!(
                e.event_type,
                EventType::Shelling | EventType::AirStrike | EventType::Assault
            ) && e.location.as_deref() == Some("Mykolaiv")
        })
        .collect();
    assert_eq!(strikes.len(), 1, "{evs:#?}");
    assert_eq!(
        strikes[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 6).unwrap()
    );
}

#[test]
fn a_strike_is_a_protest_only_when_workers_strike() {
    let evs = events("An air strike killed five workers at a factory in Idlib on Tuesday.");
    assert!(of_type(&evs, EventType::Protest).is_empty(), "{evs:#?}");
    assert_eq!(of_type(&evs, EventType::AirStrike).len(), 1, "{evs:#?}");
    let evs = events("Teachers in Nairobi began a strike on Monday over unpaid salaries.");
    assert_eq!(of_type(&evs, EventType::Protest).len(), 1, "{evs:#?}");
}

#[test]
fn a_toll_so_far_counts_no_one_event() {
    let evs = events(
        "Taliban fighters attacked the city of Kunduz on Tuesday. \
         Residents fled to nearby villages. \
         Officials said 40 people had been killed there so far.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].fatalities, None);
}

#[test]
fn a_country_s_province_places_the_event_in_the_province_and_a_country_subject_acts() {
    let evs = events(
        "Pakistan carried out air strikes in Afghanistan's Paktika province on Friday night, \
         officials said.",
    );
    let a = of_type(&evs, EventType::AirStrike);
    assert_eq!(a.len(), 1, "{evs:#?}");
    let p = a[0].place.as_ref().expect("a place");
    assert_eq!(p.precision, GeoPrecision::Admin1, "{p:?}");
    assert_eq!(p.country_code, "AF", "{p:?}");
    assert_eq!(a[0].agents.len(), 1, "{:?}", a[0].agents);
    assert_eq!(a[0].agents[0].country.as_deref(), Some("PK"));
}

#[test]
fn people_an_armed_group_detains_are_abducted() {
    let evs = events(
        "Islamic State fighters rounded up twelve farmers near Menaka on Monday, residents said.",
    );
    let a = of_type(&evs, EventType::AttackOnCivilians);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].acled_sub_event_type, "Abduction/forced disappearance");
    assert!(of_type(&evs, EventType::Arrest).is_empty(), "{evs:#?}");
    // the police still arrest
    let evs = events("Police arrested twelve men near Menaka on Monday, officials said.");
    assert_eq!(of_type(&evs, EventType::Arrest).len(), 1, "{evs:#?}");
}

#[test]
fn where_a_withdrawing_force_regrouped_is_not_where_it_withdrew() {
    let evs = events(
        "Militants overran an army camp near Douentza on Tuesday. Soldiers who survived had \
         pulled out of the camp and regrouped in Mopti, officials said.",
    );
    let w = of_type(&evs, EventType::Withdrawal);
    assert_eq!(w.len(), 1, "{evs:#?}");
    assert_eq!(w[0].location.as_deref(), Some("Douentza"), "{:?}", w[0]);
}

#[test]
fn the_story_stays_where_its_events_happened() {
    // a town named in a relative clause is not where "the town" of the next sentence is
    let evs = events(
        "Rebels said on Monday they had captured Bara, which sits on the road between El Obeid \
         and Omdurman. A military source said troops had withdrawn from the town on Sunday.",
    );
    let w = of_type(&evs, EventType::Withdrawal);
    assert_eq!(w.len(), 1, "{evs:#?}");
    assert_eq!(w[0].location.as_deref(), Some("Bara"), "{:?}", w[0]);
}

#[test]
fn a_country_after_by_is_a_mediator_not_the_place() {
    let evs = events(
        "Russia and Ukraine swapped 150 prisoners of war each on Tuesday in an exchange brokered \
         by the United Arab Emirates, officials in Kyiv said.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert!(!r.is_empty(), "{evs:#?}");
    for e in r {
        let cc = e.place.as_ref().map(|p| p.country_code.as_str());
        assert_ne!(cc, Some("AE"), "{e:?}");
    }
}

#[test]
fn seizing_power_is_no_seizure_of_territory() {
    let evs = events("The junta, which seized power in 2021, has vowed to retake the north.");
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
}

#[test]
fn captions_and_stamps_above_the_dateline_do_not_date_the_story() {
    // published Thursday 8 July 2021: the caption's Friday and the stamp's Thursday are not
    // the story's; its first named day (Wednesday) dates the undated lede
    let evs = events(
        "In this photo taken Friday, July 2, 2021, families queue for water near the border.\n\n\
         Updated 10:05 AM GMT, July 8, 2021\n\n\
         JUBA, South Sudan (AP) — Government troops have captured the rebel stronghold of Yei, \
         the army says.\n\n\
         The army announced late Wednesday that its operations in the town were over.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].date.map(|d| d.date),
        NaiveDate::from_ymd_opt(2021, 7, 7),
        "{:#?}",
        s[0]
    );
}

#[test]
fn actors_of_a_temporal_clause_after_a_deal_are_no_parties() {
    let evs = events(
        "Israel's security cabinet approved the ceasefire deal with Hezbollah on Tuesday, hours \
         after Israeli warplanes pounded the southern city of Tyre.",
    );
    let a = of_type(&evs, EventType::Agreement);
    assert_eq!(a.len(), 1, "{evs:#?}");
    let names = names(&a[0].agents);
    assert!(!names.iter().any(|n| n.contains("warplanes")), "{names:?}");
    assert_ne!(a[0].location.as_deref(), Some("Tyre"), "{:?}", a[0]);
}

#[test]
fn unplain_bytes_tell_the_plain_tokens() {
    let t = "Rebels' U.S.-led al-Shabaab fighters — “Niafunké” 3.5 km, 1,200 people; a–b x'y end";
    for a in 0..=t.len() {
        if !t.is_char_boundary(a) {
            continue;
        }
        let seg = &t.as_bytes()[a..];
        let mut odd = Vec::new();
        super::unplain(seg, &mut odd);
        let want: Vec<usize> = (0..seg.len())
            .filter(|&k| matches!(seg[k], b'\'' | b'-' | 0x80..))
            .collect();
        assert_eq!(odd, want, "from {a}");
        for tok in crate::text::tokens(t, crate::model::Span::new(a, t.len())) {
            let (s, e) = (tok.span.start - a, tok.span.end - a);
            let plain = !odd.iter().any(|&p| s <= p && p < e);
            assert_eq!(plain, crate::text::is_plain_word(tok.text), "{}", tok.text);
        }
    }
}

#[test]
fn next_newline_finds_the_first_line_break_from_any_offset() {
    let t = "a short line\nthen one a good deal longer than sixteen bytes é\n\nlast, no break";
    let b = t.as_bytes();
    for i in 0..=b.len() + 1 {
        let naive = b
            .get(i..)
            .and_then(|r| r.iter().position(|&x| x == b'\n'))
            .map(|p| i + p);
        assert_eq!(super::next_newline(b, i), naive, "from {i}");
    }
}

#[test]
fn every_furniture_phrase_in_any_case_ends_the_body() {
    let p = pipeline();
    let path = crate::default_gazetteer_dir().join("furniture.tsv");
    let list = std::fs::read_to_string(path).expect("furniture list");
    let phrases: Vec<&str> = list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert!(!phrases.is_empty());
    for f in phrases {
        for line in [f.to_string(), f.to_uppercase(), f.to_lowercase()] {
            let text = format!("Rebels took the town.\n  {line}: more news\nmore");
            assert_eq!(p.events.body_end(&text), 22, "{line}");
        }
    }
    // a line whose first byte starts no phrase is no furniture ("+Related")
    let text = "Rebels took the town.\n+Related: more news";
    assert_eq!(p.events.body_end(text), text.len());
}

#[test]
fn body_ends_at_furniture_and_teasers_only() {
    let p = pipeline();
    // furniture: a line that starts with a furniture phrase (any case, quotes or not)
    let text = "Rebels took the town.\nRELATED: more news\nmore";
    assert_eq!(p.events.body_end(text), text.find("RELATED").unwrap());
    let text = "Rebels took the town.\n“Related” is a word here.\nRelatedly, nothing.";
    assert_eq!(p.events.body_end(text), text.len());
    // a teaser of another story in the second half, with each kind of dash and date
    for teaser in [
        "Army deploys after clashes in the north - 22 Mar 2014",
        "Aid agencies struggle to feed the refugees — Nov. 24",
        "Aid agencies struggle to feed the refugees – June 3, 2019",
    ] {
        assert!(super::may_be_teaser(teaser), "{teaser}");
        let text = format!(
            "Rebels took the town on Monday after a long siege.\nThe army said it would retake it within days.\n{teaser}\nx"
        );
        assert_eq!(
            p.events.body_end(&text),
            text.find(teaser).unwrap(),
            "{teaser}"
        );
    }
    // prose, or a dash followed by more than a date, is no teaser
    for line in [
        "Fighting resumed - officials said the rebels had taken two more villages.",
        "The talks ended without a deal.",
        "Truce - 22 Mar",
    ] {
        let text =
            format!("Rebels took the town on Monday after a long siege and a battle.\n{line}");
        assert_eq!(p.events.body_end(&text), text.len(), "{line}");
    }
    assert!(!super::may_be_teaser(
        "Fighting resumed - officials said the rebels had won."
    ));
}

#[test]
fn a_ministry_s_troops_clear_a_town_not_the_ministry() {
    let evs = events(
        "Taliban fighters stormed Kunduz on Monday. By the evening, the Afghan defence ministry \
         said its troops had cleared most neighbourhoods of Kunduz.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert!(!s.is_empty(), "{evs:#?}");
    for e in s {
        for a in &e.agents {
            assert!(!a.name.to_lowercase().contains("ministry"), "{e:?}");
        }
    }
}

#[test]
fn a_country_in_a_hyphenated_modifier_is_no_place() {
    let evs = events(
        "Israeli warplanes struck the southern Lebanese city of Tyre on Monday. The cabinet \
         approved the U.S.-brokered \
         ceasefire deal with Hezbollah on Tuesday, and the U.S.- and French-mediated truce \
         took effect.",
    );
    let a = of_type(&evs, EventType::Agreement);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_ne!(
        a[0].place.as_ref().map(|p| p.country_code.as_str()),
        Some("US")
    );
}

#[test]
fn a_country_joined_to_a_proper_adjective_is_no_place() {
    let evs = events(
        "Fighting raged in Sonora state on Sunday. Six dual U.S.-Mexican citizens were shot dead \
         on Monday when gunmen ambushed their cars on a dirt road.",
    );
    let a = of_type(&evs, EventType::AttackOnCivilians);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_ne!(
        a[0].place.as_ref().map(|p| p.country_code.as_str()),
        Some("US"),
        "{evs:#?}"
    );
}

#[test]
fn a_neighbouring_country_named_as_a_border_is_no_place() {
    let evs = events(
        "Colombia's ELN rebels attacked army positions on Monday in the Catatumbo region \
         bordering Venezuela.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_ne!(
        a[0].place.as_ref().map(|p| p.country_code.as_str()),
        Some("VE")
    );
}

#[test]
fn a_time_of_an_earlier_coordinated_verb_does_not_date_the_next_one() {
    let evs = events(
        "Government forces retook the eastern side of the city in January and launched an \
         assault on the western districts on June 19.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.map(|d| d.date),
        NaiveDate::from_ymd_opt(2021, 6, 19)
    );
}

#[test]
fn a_time_in_a_relative_clause_dates_that_clause_only() {
    let evs = events(
        "On Saturday, government forces launched an attack toward Sirte, which the rebels \
         seized in January.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.map(|d| d.date),
        NaiveDate::from_ymd_opt(2021, 7, 3)
    );
}

#[test]
fn a_time_in_the_trigger_nouns_own_relative_clause_dates_it() {
    // the deal's own clause dates it, not the release it governs
    let evs = events(
        "The two sides swapped 300 detainees in May 2021 under a prisoner deal that the \
         negotiators concluded in Muscat the previous month.",
    );
    let a = of_type(&evs, EventType::Agreement);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.map(|d| (d.date, d.precision)),
        Some((
            NaiveDate::from_ymd_opt(2021, 4, 1).unwrap(),
            TimePrecision::Month
        ))
    );
    // a later step of the deal told in the clause does not date it
    let evs =
        events("The two sides agreed in Muscat in March to a truce, which took effect in May.");
    let a = of_type(&evs, EventType::Agreement);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.map(|d| d.date),
        NaiveDate::from_ymd_opt(2021, 3, 1)
    );
}

#[test]
fn an_opening_time_gives_way_to_a_later_conjuncts_own_time() {
    let evs = events(
        "Last month, troops shelled the hills near Tikrit, and the army declared victory over \
         the militants in Mosul in April.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].date.map(|d| d.date),
        NaiveDate::from_ymd_opt(2021, 4, 1)
    );
    // past a possessive apposition of the place ("Iraq's second city")
    let evs = events(
        "Last month, troops shelled the hills near Tikrit, and the army declared victory over \
         the militants in Mosul, Iraq's second city, in April.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].date.map(|d| d.date),
        NaiveDate::from_ymd_opt(2021, 4, 1)
    );
}

#[test]
fn captives_other_than_prisoners_are_released_and_troops_pull_out() {
    let evs = events(
        "The schoolgirls were released in Jangebe on Tuesday. Turkish troops began pulling \
         out of the base on Wednesday.",
    );
    assert_eq!(
        of_type(&evs, EventType::PrisonerRelease).len(),
        1,
        "{evs:#?}"
    );
    assert_eq!(of_type(&evs, EventType::Withdrawal).len(), 1, "{evs:#?}");
    // a party quitting a deal is no troop withdrawal
    let evs = events("The government said on Monday it was pulling out of the peace deal.");
    assert!(of_type(&evs, EventType::Withdrawal).is_empty(), "{evs:#?}");
}

#[test]
fn protesters_who_storm_a_building_hold_a_violent_demonstration() {
    let evs = events("Angry protesters stormed the parliament building in Yerevan on Tuesday.");
    assert!(of_type(&evs, EventType::Assault).is_empty(), "{evs:#?}");
    let p = of_type(&evs, EventType::Protest);
    assert_eq!(p.len(), 1, "{evs:#?}");
    assert_eq!(p[0].acled_sub_event_type, "Violent demonstration");
}

#[test]
fn a_crowd_named_by_who_they_are_is_the_protests_agent() {
    let evs = events(
        "Several thousand Mosul residents rallied outside the governor's office on Friday. \
         Displaced villagers staged a sit-in in Dohuk on Saturday. \
         Hundreds of people marched through Erbil on Sunday.",
    );
    let p = of_type(&evs, EventType::Protest);
    let names: Vec<&str> = p.iter().map(|e| e.agents[0].name.as_str()).collect();
    assert_eq!(
        names,
        ["Mosul residents", "Displaced villagers", "Protesters"],
        "{evs:#?}"
    );
    assert!(p
        .iter()
        .all(|e| e.agents[0].actor_type == Some(ActorType::Protesters)));
}

#[test]
fn a_country_before_personnel_is_no_place() {
    let evs = events(
        "A suicide bomber struck outside Kabul airport on Thursday, and 18 US personnel were \
         wounded.",
    );
    let b = of_type(&evs, EventType::Bombing);
    assert_eq!(b.len(), 1, "{evs:#?}");
    assert_eq!(
        b[0].place.as_ref().map(|p| p.country_code.as_str()),
        Some("AF")
    );
}

#[test]
fn a_brokered_truce_is_an_agreement_and_hostages_taken_an_abduction() {
    let evs =
        events("A 72-hour ceasefire brokered by Washington on Monday largely held in Khartoum.");
    assert_eq!(of_type(&evs, EventType::Agreement).len(), 1, "{evs:#?}");
    let evs = events("Gunmen took about 40 hostages in Kidal on Monday.");
    let a = of_type(&evs, EventType::AttackOnCivilians);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].acled_sub_event_type, "Abduction/forced disappearance");
}

#[test]
fn a_town_named_like_its_province_is_placed_at_the_town() {
    let evs = events(
        "Malian troops took control of Kidal on Tuesday, capturing the desert stronghold of \
         Tuareg rebels. Residents said the column entered Kidal without meeting resistance. \
         The column set out from Anefis, south of Kidal. The United Nations mission left its \
         Kidal camp and its base at Tessalit last month. Fighting resumed in August near Ber, \
         in the Timbuktu region. Kidal has been a symbol of the state's weakness since 2012.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert!(!s.is_empty(), "{evs:#?}");
    let p = s[0].place.as_ref().expect("a place");
    assert_eq!(p.precision, GeoPrecision::Point, "{p:?}");
    assert_eq!(p.name, "Kidal");
}

#[test]
fn a_building_occupied_by_force_is_seized_but_occupied_territories_are_not() {
    let evs =
        events("Hundreds of gunmen occupied the city hall and a hospital in Marawi on Tuesday.");
    assert_eq!(of_type(&evs, EventType::Seizure).len(), 1, "{evs:#?}");
    let evs = events("Settlers rallied in the occupied territories on Tuesday.");
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
}

#[test]
fn a_participle_before_its_noun_tells_no_event_but_a_siege_since_a_month_does() {
    let evs =
        events("Further west, the besieged city of Kunduz came under artillery fire on Sunday.");
    assert!(of_type(&evs, EventType::Assault).is_empty(), "{evs:#?}");
    assert_eq!(of_type(&evs, EventType::Shelling).len(), 1, "{evs:#?}");
    let evs = events(
        "In Kunduz, which the insurgents have encircled since the start of May, officials said \
         food was running out.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.map(|d| (d.date, d.precision)),
        Some((
            NaiveDate::from_ymd_opt(2021, 5, 5).unwrap(),
            TimePrecision::Month
        ))
    );
}

#[test]
fn a_craft_is_no_side_of_a_release() {
    let evs = events(
        "Planes carrying freed detainees landed in Sanaa on Wednesday as the warring parties \
         began an exchange of 300 prisoners.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert!(!r.is_empty(), "{evs:#?}");
    assert!(
        r.iter().all(|e| !names(&e.agents).contains(&"Planes")),
        "{evs:#?}"
    );
}

#[test]
fn an_exchange_between_the_two_sides_is_between_the_sides_of_the_fighting() {
    let evs = events(
        "Taliban fighters attacked Afghan forces in Kunduz on Monday. The two sides swapped \
         40 prisoners on Tuesday.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    let a = names(&r[0].agents);
    assert!(a.contains(&"Taliban"), "{a:?}");
    assert_eq!(a.len(), 2, "{a:?}");
}

#[test]
fn a_signed_declaration_is_an_agreement() {
    let evs = events(
        "Envoys of the army and the rebels met in Jeddah on Monday and signed a declaration \
         committing them to protect civilians.",
    );
    assert_eq!(of_type(&evs, EventType::Agreement).len(), 1, "{evs:#?}");
}

#[test]
fn a_gerund_of_retaking_reports_the_seizure() {
    let evs = events(
        "The prime minister arrived in Mosul on Sunday to congratulate the armed forces on \
         recapturing the city from Islamic State.",
    );
    assert_eq!(of_type(&evs, EventType::Seizure).len(), 1, "{evs:#?}");
}

#[test]
fn a_killing_with_its_own_armed_subject_is_no_toll_of_the_last_violence() {
    let evs = events(
        "Gangs stormed the town of Mirebalais on Monday and took control of the police \
         station. Residents said gang members killed at least a dozen people as they moved \
         through the town.",
    );
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
    // a toll told with no killer of its own still counts the dead of the attack told
    let evs = events(
        "Gangs stormed the town of Mirebalais on Monday. At least a dozen people were killed.",
    );
    assert!(
        of_type(&evs, EventType::AttackOnCivilians).is_empty(),
        "{evs:#?}"
    );
}

#[test]
fn a_town_that_opens_an_installation_name_places_the_event() {
    let evs = events(
        "Dozens of prisoners escaped from the Taloqan Central Detention Centre outside Kunduz \
         on Monday.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(r[0].place.as_ref().unwrap().name, "Taloqan", "{evs:#?}");
}

#[test]
fn a_town_qualified_by_a_country_is_never_a_namesake_abroad() {
    for text in [
        "Insurgents attacked the northern Mozambican town of Palma on Wednesday.",
        "Insurgents attacked Palma, Mozambique, on Wednesday.",
        "Insurgents attacked Mozambique's Palma on Wednesday.",
    ] {
        let evs = events(text);
        let a = of_type(&evs, EventType::Assault);
        assert_eq!(a.len(), 1, "{text}: {evs:#?}");
        assert_eq!(
            a[0].place.as_ref().map(|p| p.country_code.as_str()),
            Some("MZ"),
            "{text}: {evs:#?}"
        );
    }
}

#[test]
fn the_country_an_envoy_is_sent_to_is_no_event_place() {
    let evs = events(
        "Gunmen shot dead Norway's ambassador to Kenya outside a hotel in Mombasa on Monday.",
    );
    let a: Vec<&Event> = evs.iter().filter(|e| e.place.is_some()).collect();
    assert!(!a.is_empty(), "{evs:#?}");
    assert!(
        a.iter()
            .all(|e| e.place.as_ref().unwrap().name == "Mombasa"),
        "{evs:#?}"
    );
}

#[test]
fn nigerias_federal_capital_territory_is_its_province() {
    let evs =
        events("Gunmen attacked a police checkpoint in the Federal Capital Territory on Tuesday.");
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].place.as_ref().unwrap().country_code, "NG", "{evs:#?}");
}

#[test]
fn remote_violence_that_hurts_people_and_names_no_armed_side_hits_civilians() {
    let evs = events(
        "Ukrainian troops held the line near Bakhmut on Monday. Russian missiles hit \
         Zaporizhzhia overnight, killing one person.",
    );
    let sh = of_type(&evs, EventType::Shelling);
    assert_eq!(sh.len(), 1, "{evs:#?}");
    assert_eq!(names(&sh[0].targets), vec!["Civilians"]);
    // an armed side named as hit stays the target
    let evs = events(
        "Russian missiles hit Ukrainian positions near Bakhmut overnight, killing one soldier.",
    );
    let sh = of_type(&evs, EventType::Shelling);
    assert!(!names(&sh[0].targets).contains(&"Civilians"), "{evs:#?}");
}

#[test]
fn a_time_closing_a_reduced_relative_dates_the_relative_not_the_main_verb() {
    // published Thursday 8 July 2021: "last week" is the abduction's, the release is today's
    let evs = events(
        "The pupils abducted from a boarding school near Kaduna last week have regained their \
         freedom, the governor said.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(r[0].date.unwrap().precision, TimePrecision::Day, "{evs:#?}");
    let a = of_type(&evs, EventType::AttackOnCivilians);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.unwrap().precision,
        TimePrecision::Week,
        "{evs:#?}"
    );
}

#[test]
fn a_time_after_a_reduced_relative_of_the_object_dates_the_participle() {
    // published Thursday 8 July 2021: "last year" is when the crew were seized, not the day
    // they were let go
    let evs = events(
        "Militiamen freed the fishing crew seized near the harbour last year, a port official \
         said on Wednesday.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_ne!(
        r[0].date.unwrap().precision,
        TimePrecision::Year,
        "{evs:#?}"
    );
    // "men armed with rifles": what the men are, the time still dates the arrest
    let evs = events("Police arrested four men armed with rifles on Tuesday in the market.");
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 6).unwrap(),
        "{evs:#?}"
    );
}

#[test]
fn a_trigger_n_days_after_the_main_clause_is_that_much_earlier() {
    let evs = events(
        "Both sides signed a truce in Doha on Tuesday. The truce came three days after \
         rebel commanders said their fighters had captured Marib.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    // Tuesday 6 July, three days before: Saturday 3 July
    assert_eq!(
        s[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 3).unwrap(),
        "{evs:#?}"
    );
    // the main clause's own day: "on Thursday, a day after ..."
    let evs = events(
        "Delegates met in Doha on Thursday, a day after rebel commanders said their fighters \
         had captured Marib.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 7).unwrap(),
        "{evs:#?}"
    );
    // hours after: the main clause's day
    let evs = events(
        "The air strike came hours after militants captured the district centre of Khanabad.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 8).unwrap()
    );
}

#[test]
fn a_pronoun_after_the_captives_is_the_captor_and_frees_them_later() {
    let evs = events(
        "Gunmen of the Islamic State returned some of the villagers they abducted from \
         Kunduz on Monday. Officials said 20 of the villagers seized in the raid had been \
         freed.",
    );
    let a = of_type(&evs, EventType::AttackOnCivilians);
    assert!(!a.is_empty(), "{evs:#?}");
    assert_eq!(names(&a[0].agents), vec!["Islamic State"], "{evs:#?}");
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(names(&r[0].agents), vec!["Islamic State"], "{evs:#?}");
}

#[test]
fn a_sentence_telling_only_an_unrealised_event_does_not_move_the_story() {
    let evs = events(
        "Government forces and the rebels agreed to a truce in Kunduz on Tuesday. A prisoner \
         swap is expected to take place in Herat next month. On Wednesday the rebels attacked \
         positions on the edge of the city.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].place.as_ref().unwrap().name, "Kunduz", "{evs:#?}");
}

#[test]
fn a_named_definite_reference_is_the_event_told_and_a_wave_of_them_is_no_event() {
    let evs = events(
        "Gunmen abducted 130 pupils from a school in Kaduna on Monday. The Kaduna abduction \
         was followed by a wave of kidnappings across the north.",
    );
    let a = of_type(&evs, EventType::AttackOnCivilians);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 5).unwrap(),
        "{evs:#?}"
    );
}

#[test]
fn people_whom_a_side_captured_are_no_territory_taken() {
    let evs = events(
        "Two soldiers whom the rebels captured in May were handed back at the border on Monday.",
    );
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
    // civilians so taken are abducted
    let evs = events("The villagers whom the militants captured in Kunduz on Monday were freed.");
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
}

#[test]
fn countries_that_help_broker_a_deal_are_no_place_of_it() {
    let evs = events(
        "The truce, brokered by Qatar with the help of Egypt and the United States, was \
         announced on Wednesday after weeks of negotiations in Doha.",
    );
    let a = of_type(&evs, EventType::Agreement);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].place.as_ref().unwrap().name, "Doha", "{evs:#?}");
}

#[test]
fn a_required_instrument_after_with_may_stand_past_the_usual_window() {
    let evs = events(
        "Government forces pounded the town of Maidan Shahr in central Wardak with rocket \
         launchers and heavy artillery on Tuesday.",
    );
    assert_eq!(of_type(&evs, EventType::Shelling).len(), 1, "{evs:#?}");
}

#[test]
fn fighters_of_a_named_group_are_that_group_and_helpers_are_no_side() {
    let evs = events(
        "Fighters of the Government of National Accord, helped by armed villagers, attacked \
         the town of Tarhuna from the north on Monday.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].agents), vec!["GNA"]);
    assert!(
        !names(&a[0].targets).contains(&"Fighters"),
        "{:?}",
        a[0].targets
    );
    // linked to is no membership: the fighters stay unnamed
    let evs = events("Fighters linked to al-Qaeda attacked an army post near Gao on Monday.");
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert!(
        !names(&a[0].agents).contains(&"al-Qaeda"),
        "{:?}",
        a[0].agents
    );
}

#[test]
fn an_internationally_recognised_government_is_the_country_s_not_yemen_s() {
    let evs = events(
        "Forces loyal to Libya's internationally recognised government attacked Tarhuna on \
         Monday.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert!(
        a[0].agents
            .iter()
            .all(|x| x.country.as_deref() != Some("YE")),
        "{:?}",
        a[0].agents
    );
}

#[test]
fn troops_firing_on_a_crowd_of_protesters_attack_civilians_and_the_protest_stands() {
    let evs = events(
        "Soldiers fired on hundreds of demonstrators who had blocked the ring road in Mandalay \
         on Monday, killing three.",
    );
    let a = of_type(&evs, EventType::AttackOnCivilians);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].targets), vec!["Protesters"]);
    assert_eq!(of_type(&evs, EventType::Protest).len(), 1, "{evs:#?}");
    let evs = events(
        "Riot police moved on the camp before dawn on Tuesday, firing live rounds at the sit-in.",
    );
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
}

#[test]
fn stones_thrown_by_a_crowd_make_a_protest_and_fighters_giving_themselves_up_surrender() {
    let evs = events("Angry youths pelted the minister's convoy with stones in Dapchi on Monday.");
    assert_eq!(of_type(&evs, EventType::Protest).len(), 1, "{evs:#?}");
    let evs =
        events("Dozens of militia fighters gave themselves up to the army near Gharyan on Sunday.");
    assert_eq!(of_type(&evs, EventType::Surrender).len(), 1, "{evs:#?}");
}

#[test]
fn a_truce_observed_or_taking_effect_is_an_agreement() {
    let evs = events("Both sides observed a three-day truce over the holiday last week.");
    assert_eq!(of_type(&evs, EventType::Agreement).len(), 1, "{evs:#?}");
    let evs = events("A truce between the two armies took effect on Wednesday evening.");
    assert_eq!(of_type(&evs, EventType::Agreement).len(), 1, "{evs:#?}");
}

#[test]
fn a_mine_that_killed_went_off_and_left_behind_is_no_withdrawal() {
    let evs = events("On Sunday a mine left behind by the rebels killed two soldiers near Kidal.");
    assert_eq!(of_type(&evs, EventType::Bombing).len(), 1, "{evs:#?}");
    assert!(of_type(&evs, EventType::Withdrawal).is_empty(), "{evs:#?}");
    let evs = events("Two mines exploded on the road to Kidal on Sunday, wounding a driver.");
    assert_eq!(of_type(&evs, EventType::Bombing).len(), 1, "{evs:#?}");
}

#[test]
fn meeting_resistance_a_cabinet_meeting_and_protest_leaders_are_no_events() {
    for text in [
        "Rebels moved into the town centre on Sunday and met little resistance.",
        "The president chaired an emergency meeting of the security council in Niamey on Monday.",
        "Protest leaders said on Monday that they would return to the streets.",
    ] {
        let evs = events(text);
        assert!(evs.is_empty(), "{text}: {evs:#?}");
    }
}

#[test]
fn a_killing_told_with_a_blast_is_the_blast() {
    let evs = events("An explosion at a market in Gao killed at least nine people on Sunday.");
    assert_eq!(of_type(&evs, EventType::Bombing).len(), 1, "{evs:#?}");
    assert!(
        of_type(&evs, EventType::AttackOnCivilians).is_empty(),
        "{evs:#?}"
    );
}

#[test]
fn a_person_captured_is_arrested_not_territory_seized() {
    let evs = events(
        "His brother, who ran the smuggling ring for a decade, was recaptured in Tijuana on \
         Monday.",
    );
    assert_eq!(of_type(&evs, EventType::Arrest).len(), 1, "{evs:#?}");
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
    let evs = events("Police recaptured six of the escaped inmates in Tijuana on Monday.");
    assert_eq!(of_type(&evs, EventType::Arrest).len(), 1, "{evs:#?}");
    // a town captured stays a seizure whoever tells it
    let evs = events("He said the town was captured by rebels on Monday.");
    assert_eq!(of_type(&evs, EventType::Seizure).len(), 1, "{evs:#?}");
}

#[test]
fn one_state_s_forces_coordinated_in_a_clash_are_one_side() {
    let evs = events(
        "The fighting erupted on Tuesday, when soldiers and police raided a house in Kidal.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert!(!a.is_empty(), "{evs:#?}");
    assert!(
        a.iter().all(|e| !e
            .targets
            .iter()
            .any(|t| t.name.eq_ignore_ascii_case("police"))),
        "{evs:#?}"
    );
}

#[test]
fn the_people_arrested_are_the_target_as_written() {
    let evs = events("Police in Niamey detained three civil society activists on Wednesday.");
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].targets), vec!["civil society activists"]);
    let evs = events("Soldiers arrested Omar Haidara, 41, at a checkpoint near Gao on Monday.");
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].targets), vec!["Omar Haidara"]);
    // a pronoun names no one
    let evs = events("Police detained four of them in Gao on Monday.");
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert!(a[0].targets.is_empty(), "{evs:#?}");
}

#[test]
fn envoys_of_the_two_generals_are_the_sides_of_the_fighting() {
    let evs = events(
        "The RSF attacked army bases in Khartoum on Monday. Envoys of the two generals met \
         in Jeddah on Saturday.",
    );
    let t = of_type(&evs, EventType::Talks);
    assert_eq!(t.len(), 1, "{evs:#?}");
    assert_eq!(t[0].agents.len(), 2, "{:?}", t[0].agents);
    assert!(names(&t[0].agents).contains(&"RSF"), "{:?}", t[0].agents);
}

#[test]
fn residents_who_tell_of_a_strike_are_not_hit_by_it() {
    let evs = events(
        "Fighters of the GNA seized Gharyan on Wednesday. Residents said LNA warplanes struck \
         targets in Gharyan early on Thursday.",
    );
    let a = of_type(&evs, EventType::AirStrike);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert!(
        !names(&a[0].targets).contains(&"Civilians"),
        "{:?}",
        a[0].targets
    );
}

#[test]
fn an_undated_sentence_after_a_dated_episode_goes_on_with_it() {
    // the sentence before tells an episode weeks before the story by its date: the next
    // one, with no time of its own, goes on with it
    let evs = events(
        "Soldiers shelled rebel positions in Kunduz on Tuesday. The siege began on April 3, \
         when militants attacked a police post in Kunduz. Dozens of gunmen occupied the town \
         hall.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 4, 3).unwrap()
    );
    // a sentence that measures from the episode ("since") leaves the story's day in force
    let evs = events(
        "Soldiers shelled rebel positions in Kunduz on Tuesday. Hundreds have fled since \
         militants attacked a police post in Kunduz on April 3. Dozens of gunmen occupied the \
         town hall.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 6).unwrap()
    );
    // nor does one that dates the episode in a relative clause
    let evs = events(
        "Soldiers shelled rebel positions in Kunduz on Tuesday. The convoy came from Baghlan, \
         which militants attacked on April 3. Dozens of gunmen occupied the town hall in \
         Kunduz.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 6).unwrap()
    );
}

#[test]
fn forces_entering_or_driving_into_a_town_take_it() {
    let evs = events("Rebel troops entered it almost unopposed on Monday.");
    assert_eq!(of_type(&evs, EventType::Seizure).len(), 1, "{evs:#?}");
    let evs = events("Government troops drove into the port city on Friday to cheering crowds.");
    assert_eq!(of_type(&evs, EventType::Seizure).len(), 1, "{evs:#?}");
    assert!(
        of_type(&evs, EventType::AttackOnCivilians).is_empty(),
        "{evs:#?}"
    );
    // people moving into a town take nothing
    let evs = events("Thousands of displaced families moved into the city on Friday.");
    assert!(evs.is_empty(), "{evs:#?}");
    // a town named before "which ... took"
    let evs = events(
        "The rebels hold several towns, including Kunlong, which their fighters took on Monday.",
    );
    assert_eq!(of_type(&evs, EventType::Seizure).len(), 1, "{evs:#?}");
}

#[test]
fn storming_a_sit_in_is_violence_against_civilians_but_an_attack_in_protest_is_not() {
    let evs =
        events("Security forces stormed the sit-in outside the ministry in Khartoum on Monday.");
    let a = of_type(&evs, EventType::AttackOnCivilians);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].targets), vec!["Protesters"]);
    assert!(of_type(&evs, EventType::Assault).is_empty(), "{evs:#?}");
    let evs = events("Rebels attacked the town of Kidal in protest at the arrests on Monday.");
    assert_eq!(of_type(&evs, EventType::Assault).len(), 1, "{evs:#?}");
}

#[test]
fn falling_darkness_taking_office_a_fighting_force_and_rockets_falling_take_no_town() {
    for text in [
        "As darkness fell on Monday, soldiers waited outside the city of Gao.",
        "The new mayor took office in the city on Monday.",
        "He served in an elite fighting force in Gao until Monday.",
        "The commander had been heading to Gao to attend a meeting with rebel leaders.",
    ] {
        let evs = events(text);
        assert!(evs.is_empty(), "{text}: {evs:#?}");
    }
    let evs = events("Rockets fell on the airport of Gao on Monday.");
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
    let evs = events("The town of Gao fell to the rebels on Monday.");
    assert_eq!(of_type(&evs, EventType::Seizure).len(), 1, "{evs:#?}");
}

#[test]
fn rockets_that_fell_on_a_place_are_shelling() {
    let evs = events("On Monday, rockets fell on the airport of Gao, halting flights for hours.");
    assert_eq!(of_type(&evs, EventType::Shelling).len(), 1, "{evs:#?}");
}

#[test]
fn aircraft_that_fired_on_a_target_made_an_air_strike() {
    let evs = events("Army helicopters fired on rebel positions outside Gao on Sunday.");
    assert_eq!(of_type(&evs, EventType::AirStrike).len(), 1, "{evs:#?}");
    // helicopters named near a shooting by soldiers did not fire
    let evs = events("Soldiers fired on rebels near Gao on Sunday after helicopters landed.");
    assert!(of_type(&evs, EventType::AirStrike).is_empty(), "{evs:#?}");
}

#[test]
fn people_killed_in_an_assault_are_its_targets() {
    let evs =
        events("Two Abu Sayyaf commanders were killed in a pre-dawn assault near Jolo on Monday.");
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert!(!names(&a[0].agents).contains(&"Abu Sayyaf"), "{evs:#?}");
    assert!(names(&a[0].targets).contains(&"Abu Sayyaf"), "{evs:#?}");
}

#[test]
fn the_town_refers_to_the_place_called_a_town_over_a_bare_named_one() {
    let evs = events(
        "Rebels seized the mountain town of Taloqan on Sunday. Officials in Kunduz said the \
         army would strike back. On Tuesday government troops attacked positions inside the \
         town from three sides.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].place.as_ref().unwrap().name, "Taloqan");
}

#[test]
fn the_province_refers_to_the_last_province_named() {
    let evs = events(
        "Militants overran the district of Khanabad in Kunduz province on Sunday. Officials \
         in Kabul said the army would strike back. Troops shelled rebel positions across the \
         province on Tuesday.",
    );
    let s = of_type(&evs, EventType::Shelling);
    assert_eq!(s.len(), 1, "{evs:#?}");
    let p = s[0].place.as_ref().unwrap();
    assert_eq!(
        (p.name.as_str(), p.precision),
        ("Kunduz", GeoPrecision::Admin1)
    );
}

#[test]
fn a_given_name_before_a_surname_is_no_place_even_where_a_province_is_so_called() {
    let g = &pipeline().gazetteer;
    for t in [
        "Russia's Vladimir Putin said on Monday that talks would go on.",
        "Presidents Vladimir Putin and Emmanuel Macron spoke by phone.",
    ] {
        let m = g.find_places(t);
        assert!(m.iter().all(|m| m.text != "Vladimir"), "{t}: {m:?}");
    }
    // the town itself is still a place
    let m = g.find_places("Drones struck an oil depot in Vladimir on Monday.");
    assert!(m.iter().any(|m| m.text == "Vladimir"), "{m:?}");
}

#[test]
fn a_big_city_in_focus_is_the_city_whatever_the_story_called_it() {
    let evs = events(
        "In Mandalay, the country's second city, soldiers fired on marchers on Monday. In \
         Yangon, police fired tear gas at protesters on Monday. Police later arrested more than \
         300 demonstrators in the city.",
    );
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].place.as_ref().unwrap().name, "Yangon");
}

#[test]
fn launching_an_offensive_tells_it_and_the_past_week_is_the_story_s_time() {
    // "began their offensive": a new event, not a reference back to the seizure told first
    let evs = events(
        "Rebels have taken full control of Gao, the army said on Saturday. The rebels began \
         their offensive to take the town in October, throwing wave after wave of fighters at \
         its defences.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].date.unwrap().date.month(), 10);
    // "in the past week" does not go on with the October episode
    let evs = events(
        "The rebels began their offensive on Gao on October 3. In the past week, army \
         aircraft dropped dozens of bombs a day on rebel positions in the town.",
    );
    let s = of_type(&evs, EventType::AirStrike);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_ne!(s[0].date.unwrap().date.month(), 10, "{evs:#?}");
}

#[test]
fn hostages_taken_a_transition_agreed_and_a_unit_evacuated() {
    let evs = events("Gunmen took a priest and several parishioners hostage in Marawi on Tuesday.");
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
    let evs = events("On Monday the generals and the opposition agreed on a transition period.");
    assert_eq!(of_type(&evs, EventType::Agreement).len(), 1, "{evs:#?}");
    let evs = events("A small U.S. military unit based in Tripoli was evacuated on Sunday.");
    let w = of_type(&evs, EventType::Withdrawal);
    assert_eq!(w.len(), 1, "{evs:#?}");
    assert_eq!(names(&w[0].agents), vec!["United States"]);
    // civilians evacuated: no withdrawal
    let evs = events("Hundreds of civilians were evacuated from Tripoli on Sunday.");
    assert!(of_type(&evs, EventType::Withdrawal).is_empty(), "{evs:#?}");
}

#[test]
fn an_armed_group_storming_a_school_attacks_civilians_but_an_ambush_near_a_village_is_a_clash() {
    let evs = events("Gunmen stormed the Government Girls Secondary School in Jangebe on Friday.");
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
    assert!(of_type(&evs, EventType::Assault).is_empty(), "{evs:#?}");
    let evs = events("On Friday, an ambush near the village of Tongo Tongo killed eight soldiers.");
    assert_eq!(of_type(&evs, EventType::Assault).len(), 1, "{evs:#?}");
    // "rescued" people are freed
    let evs =
        events("Police said 40 people had been rescued from the hotel in Mogadishu on Friday.");
    assert_eq!(
        of_type(&evs, EventType::PrisonerRelease).len(),
        1,
        "{evs:#?}"
    );
}

#[test]
fn captives_handed_back_are_released_and_a_month_of_may_is_no_modal() {
    let evs = events(
        "Two soldiers whom the army captured in late May were handed back at the border near \
         Goma on Monday.",
    );
    assert_eq!(
        of_type(&evs, EventType::PrisonerRelease).len(),
        1,
        "{evs:#?}"
    );
    // a modal "may" still keeps an event out
    let evs = events("The rebels may attack Goma on Monday.");
    assert!(evs.is_empty(), "{evs:#?}");
    // control handed back is a withdrawal, not a release
    let evs = events("The army handed back control of the base near Goma on Monday.");
    assert!(
        of_type(&evs, EventType::PrisonerRelease).is_empty(),
        "{evs:#?}"
    );
}

#[test]
fn hopes_a_truce_raised_do_not_make_it_a_plan() {
    let evs = events(
        "The attack dimmed hopes raised by a three-day truce observed by both sides over the \
         holiday in June.",
    );
    assert_eq!(of_type(&evs, EventType::Agreement).len(), 1, "{evs:#?}");
    let evs = events("Both sides hope to sign a truce in Doha next week.");
    assert!(of_type(&evs, EventType::Agreement).is_empty(), "{evs:#?}");
}

#[test]
fn a_passive_capture_that_opens_the_sentence_is_read_without_a_subject() {
    // (the word before the auxiliaries does not exist: no underflow, no arrest)
    let evs = events("Was recaptured in Gao on Monday.");
    assert!(of_type(&evs, EventType::Arrest).is_empty(), "{evs:#?}");
}

#[test]
fn where_the_speakers_or_the_fighters_come_from_is_no_event_place() {
    // the story is about Kunduz; the officials who spoke sit in Kabul
    let evs = events(
        "The Taliban attacked Kunduz on Monday. Police officials in Kabul said on Tuesday that \
         dozens of suspects had been detained.",
    );
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].place.as_ref().map(|p| p.name.as_str()), Some("Kunduz"));
    // an insertion about the fighters' home town does not place what they did
    let evs = events(
        "Government troops fought their way into Kunduz on Monday. Militiamen of the \
         alliance, recruited mostly from the city of Mazar-i-Sharif, overran the last rebel \
         positions on Tuesday.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert!(!s.is_empty(), "{evs:#?}");
    assert!(
        s.iter()
            .all(|e| e.place.as_ref().map(|p| p.name.as_str()) != Some("Mazar-i-Sharif")),
        "{evs:#?}"
    );
}

#[test]
fn strikes_by_aircraft_and_raised_hands_are_events() {
    let evs = events("Since Monday, US aircraft have carried out 40 strikes on Kunduz.");
    assert_eq!(of_type(&evs, EventType::AirStrike).len(), 1, "{evs:#?}");
    // workers' strikes stay protests, not air strikes
    let evs = events("Teachers in Kabul went on strike on Monday.");
    assert!(of_type(&evs, EventType::AirStrike).is_empty(), "{evs:#?}");
    let evs = events(
        "The Taliban attacked Kunduz on Monday. On Tuesday dozens of the militants came out of \
         the ruins with their hands raised.",
    );
    assert_eq!(of_type(&evs, EventType::Surrender).len(), 1, "{evs:#?}");
}

#[test]
fn an_offensive_that_began_on_a_date_is_an_event_and_one_that_began_is_a_reference() {
    let evs = events(
        "Hundreds of militants have been killed since the offensive on Kunduz began on May 23.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.map(|d| (d.date.month(), d.date.day())),
        Some((5, 23))
    );
    // no date of its own: "the clashes" refer back, they do not move the ambush
    let evs = events(
        "Taliban fighters ambushed a convoy in Kunduz on Monday. In Kabul, traders rallied on \
         Tuesday to demand that the road, closed since the clashes began, be reopened.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].place.as_ref().map(|p| p.name.as_str()), Some("Kunduz"));
}

#[test]
fn gunships_strike_guns_falling_silent_take_nothing_and_a_route_is_no_place() {
    let evs = events("A US gunship struck a hospital in Kunduz on Monday.");
    assert_eq!(of_type(&evs, EventType::AirStrike).len(), 1, "{evs:#?}");
    let evs = events("The guns fell largely silent in Kunduz on Tuesday.");
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
    // "Kabul-Kandahar" names the road, not where the ambush was
    let evs = events("Gunmen ambushed an army convoy on the Kabul-Kandahar highway on Monday.");
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert!(
        a[0].place
            .as_ref()
            .is_some_and(|p| p.name != "Kabul" && p.name != "Kandahar"),
        "{:?}",
        a[0].place
    );
}

#[test]
fn armed_men_shot_dead_are_an_assault_and_the_passive_names_them_the_target() {
    let evs = events("Five soldiers were shot dead by rebels at a checkpoint in Kunduz on Monday.");
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].targets), vec!["soldiers"]);
    assert!(of_type(&evs, EventType::AttackOnCivilians).is_empty());
    // villagers, and a state hit in its envoy, stay violence against civilians
    let evs = events("Gunmen shot dead five villagers in Kunduz on Monday.");
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
    let evs = events("Russia's ambassador was shot dead by a gunman in Kabul on Monday.");
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
}

#[test]
fn a_place_after_an_apposition_and_a_blown_up_track() {
    let evs = events(
        "The Taliban attacked Kunduz on Monday. On Tuesday the president signed a peace \
         agreement with Hezb-i-Islami, the militant group led by a former warlord, in a \
         ceremony in Kabul.",
    );
    let a = of_type(&evs, EventType::Agreement);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].place.as_ref().map(|p| p.name.as_str()), Some("Kabul"));
    let evs = events("Gunmen blew up a section of the railway near Kaduna on Monday.");
    assert_eq!(of_type(&evs, EventType::Bombing).len(), 1, "{evs:#?}");
}

#[test]
fn a_person_named_in_full_seized_is_abducted_and_handed_over_is_freed() {
    let evs = events("Luis Ortega was seized by armed men in Kunduz on Monday.");
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
    // a town stays a town
    let evs = events("Kunduz was seized by the Taliban on Monday.");
    assert_eq!(of_type(&evs, EventType::Seizure).len(), 1, "{evs:#?}");
    let evs =
        events("The rebels handed Ortega over on Tuesday to a humanitarian commission in Kunduz.");
    assert_eq!(
        of_type(&evs, EventType::PrisonerRelease).len(),
        1,
        "{evs:#?}"
    );
}

#[test]
fn the_ends_of_a_route_are_no_event_place_but_a_withdrawal_leaves_its_origin() {
    let evs = events(
        "The bus, carrying 40 passengers from Kabul to Kandahar, was stopped on Monday when \
         militants blew up a section of the road.",
    );
    let b = of_type(&evs, EventType::Bombing);
    assert_eq!(b.len(), 1, "{evs:#?}");
    assert!(
        b[0].place
            .as_ref()
            .is_none_or(|p| p.name != "Kabul" && p.name != "Kandahar"),
        "{:?}",
        b[0].place
    );
    let evs = events("Government troops withdrew from Kunduz to Mazar-i-Sharif on Monday.");
    let w = of_type(&evs, EventType::Withdrawal);
    assert_eq!(w.len(), 1, "{evs:#?}");
    assert_eq!(w[0].place.as_ref().map(|p| p.name.as_str()), Some("Kunduz"));
}

#[test]
fn the_city_is_not_the_town_in_focus_but_the_big_city_named_before() {
    let evs = events(
        "The rebels launched their offensive on Kabul on Monday. The same day they took \
         Maidan Shahr, a town in the hills south of the capital. On Wednesday they captured \
         the old airfield, some 20km from the city centre.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 2, "{evs:#?}");
    let airfield = s.iter().find(|e| e.date.is_some_and(|d| d.date.day() == 7));
    assert_eq!(
        airfield
            .and_then(|e| e.place.as_ref())
            .map(|p| p.name.as_str()),
        Some("Kabul"),
        "{evs:#?}"
    );
}

#[test]
fn a_contrasting_clause_brings_its_own_place() {
    let evs = events(
        "In Kabul, protesters massed outside the ministry on Monday, while in the second city, \
         Herat, thousands marched through the streets.",
    );
    let p = of_type(&evs, EventType::Protest);
    let names: Vec<_> = p
        .iter()
        .filter_map(|e| e.place.as_ref().map(|x| x.name.as_str()))
        .collect();
    assert!(
        names.contains(&"Kabul") && names.contains(&"Herāt"),
        "{evs:#?}"
    );
}

#[test]
fn an_exchange_of_prisoners_carried_out_is_a_release_but_one_agreed_is_not() {
    let evs =
        events("Last week the two sides carried out their first exchange of prisoners of war.");
    assert_eq!(
        of_type(&evs, EventType::PrisonerRelease).len(),
        1,
        "{evs:#?}"
    );
    let evs =
        events("The two sides agreed to carry out a larger exchange of prisoners next month.");
    assert!(
        of_type(&evs, EventType::PrisonerRelease).is_empty(),
        "{evs:#?}"
    );
}

#[test]
fn a_big_city_far_from_the_story_is_its_place_but_part_of_a_hyphenated_name_is_not() {
    let evs = events(
        "The Houthis freed 100 prisoners in Sanaa on Monday. The swap was agreed in March at \
         UN-sponsored talks in Geneva.",
    );
    let t = of_type(&evs, EventType::Talks);
    assert_eq!(t.len(), 1, "{evs:#?}");
    assert_eq!(
        t[0].place.as_ref().map(|p| p.country_code.as_str()),
        Some("CH")
    );
    let evs =
        events("Taliban fighters freed thousands of inmates from Pul-e-Charkhi prison on Monday.");
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert!(
        r[0].place.as_ref().is_none_or(|p| p.country_code == "AF"),
        "{:?}",
        r[0].place
    );
}

#[test]
fn a_country_name_before_a_noun_qualifies_it_and_is_no_place() {
    let evs = events(
        "A small U.S. military unit based in Tripoli was evacuated on Sunday, officials said.",
    );
    assert!(
        evs.iter()
            .all(|e| e.place.as_ref().is_none_or(|p| p.country_code != "US")),
        "{evs:#?}"
    );
    // after a preposition of place it is the place
    let evs = events("Fighting in Ukraine killed 12 soldiers on Monday.");
    assert!(
        evs.iter()
            .any(|e| e.place.as_ref().is_some_and(|p| p.country_code == "UA")),
        "{evs:#?}"
    );
}

#[test]
fn a_speaker_placed_by_a_phrase_of_place_is_the_pronouns_antecedent() {
    let evs = events(
        "Insurgents in northern Mozambique said on Monday they had overrun an army post \
         near Mocimboa da Praia.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(names(&s[0].agents), ["Insurgents"], "{:?}", s[0].agents);
}

#[test]
fn a_rescue_told_in_the_passive_is_made_by_the_forces_that_report_it() {
    let evs =
        events("Twelve hostages were rescued from a farm near Kaduna on Sunday, the army said.");
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(names(&r[0].agents), ["army"], "{:?}", r[0].agents);
}

#[test]
fn the_facilitators_of_the_attack_name_the_attack_told_not_a_new_one() {
    let evs = events(
        "Gunmen attacked a police post in Quetta on Tuesday. On Wednesday police said they had \
         arrested three suspected facilitators of the attack in raids.",
    );
    assert_eq!(of_type(&evs, EventType::Assault).len(), 1, "{evs:#?}");
    assert_eq!(of_type(&evs, EventType::Arrest).len(), 1, "{evs:#?}");
}

#[test]
fn a_country_s_capital_is_its_capital_city() {
    let evs = events("Heavy fighting broke out in South Sudan's capital on Monday.");
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].place.as_ref().map(|p| p.name.as_str()), Some("Juba"));
}

#[test]
fn a_department_or_directorate_not_in_the_dictionary_is_a_state_force() {
    let evs = events(
        "Gunmen attacked a police post in Quetta on Tuesday. On Wednesday the Counter Terrorism \
         Department said it had arrested three suspects in Quetta.",
    );
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].agents.first().and_then(|x| x.actor_type),
        Some(ActorType::StateForces),
        "{:?}",
        a[0].agents
    );
}

#[test]
fn fighting_that_went_on_into_a_day_of_its_own_is_that_day_s_battle() {
    let evs = events(
        "The Taliban attacked Kunduz on Monday. Fighting continued in the city on Wednesday.",
    );
    assert_eq!(of_type(&evs, EventType::Assault).len(), 2, "{evs:#?}");
    // with no day of its own it is the battle already told
    let evs = events("The Taliban attacked Kunduz on Monday. Fighting continued into the night.");
    assert_eq!(of_type(&evs, EventType::Assault).len(), 1, "{evs:#?}");
}

#[test]
fn a_capital_s_possessive_before_the_trigger_names_the_state_not_the_place() {
    let evs = events(
        "Rebels attacked Lashio on Monday. The truce was sealed in January after talks in \
         Kunming under Beijing's mediation.",
    );
    let t = of_type(&evs, EventType::Talks);
    assert!(!t.is_empty(), "{evs:#?}");
    assert!(
        t.iter()
            .all(|e| e.place.as_ref().is_none_or(|p| p.name != "Beijing")),
        "{evs:#?}"
    );
}

#[test]
fn a_verb_phrase_after_an_insertion_is_no_insertion_and_places_what_follows() {
    let evs = events(
        "Government troops, backed by aircraft, launched their offensive on Kunduz in June, and \
         in November pushed into the city's eastern districts.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 2, "{evs:#?}");
    assert!(
        a.iter()
            .all(|e| e.place.as_ref().is_some_and(|p| p.name == "Kunduz")),
        "{evs:#?}"
    );
}

#[test]
fn a_speaker_placed_by_a_compass_phrase_reads_the_dictionary_s_place_adjectives() {
    // "southeastern" is a place adjective of actor_nouns.tsv, not of a list in the code
    let evs = events(
        "Insurgents in southeastern Mozambique said on Monday they had overrun an army post \
         near Mocimboa da Praia.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(names(&s[0].agents), ["Insurgents"], "{:?}", s[0].agents);
}

#[test]
fn a_capital_s_fall_is_still_its_own() {
    let evs = events("Kabul's fall to the Taliban on Sunday shocked the region.");
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(s[0].place.as_ref().map(|p| p.name.as_str()), Some("Kabul"));
}

#[test]
fn a_meeting_abroad_is_the_venue_of_later_talks_but_not_the_scene_of_the_story() {
    let evs = events(
        "Separatist fighters took control of Aden on Saturday after four days of clashes with \
         government troops. On Monday their leaders held talks with Saudi officials in Riyadh. \
         Thousands of protesters rallied in the city centre on Tuesday. The two delegations \
         met again on Wednesday.",
    );
    let place_of = |t: EventType| -> Vec<String> {
        of_type(&evs, t)
            .iter()
            .filter_map(|e| e.place.as_ref().map(|p| p.name.clone()))
            .collect()
    };
    assert_eq!(place_of(EventType::Protest), vec!["Aden"], "{evs:#?}");
    let talks = place_of(EventType::Talks);
    assert!(
        !talks.is_empty() && talks.iter().all(|p| p == "Riyadh"),
        "{evs:#?}"
    );
}

#[test]
fn a_place_things_were_sent_away_to_does_not_move_the_story() {
    let evs = events(
        "Heavy fighting broke out in Tripoli on Saturday. Flights at the city's airport were \
         diverted to Misrata. Convoys of fighters that had advanced on the capital pulled back \
         on Sunday.",
    );
    let w = of_type(&evs, EventType::Withdrawal);
    assert_eq!(w.len(), 1, "{evs:#?}");
    assert_eq!(
        w[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Tripoli"),
        "{evs:#?}"
    );
}

#[test]
fn two_capitals_between_which_talks_are_held_are_the_states_not_the_venue() {
    let evs = events(
        "Peace talks between Moscow and Kyiv, last held face to face in Istanbul in March, have \
         stalled.",
    );
    let t = of_type(&evs, EventType::Talks);
    assert_eq!(t.len(), 1, "{evs:#?}");
    assert_eq!(
        t[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Istanbul"),
        "{evs:#?}"
    );
}

#[test]
fn a_place_someone_came_from_does_not_move_the_story() {
    let evs = events(
        "Gunmen killed 30 travellers in an attack on Auno, near Maiduguri, on Sunday night. \
         \"They came on motorcycles,\" said a trader travelling from Kano. Troops exchanged \
         fire with the insurgents on the edge of the town.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert!(!a.is_empty(), "{evs:#?}");
    assert!(
        a.iter()
            .all(|e| e.place.as_ref().is_none_or(|p| p.name != "Kano")),
        "{evs:#?}"
    );
}

#[test]
fn a_capital_that_describes_something_is_its_government_not_a_place() {
    let evs = events(
        "Indian warplanes struck what New Delhi described as a militant training camp on \
         Tuesday.",
    );
    let s = of_type(&evs, EventType::AirStrike);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_ne!(
        s[0].place.as_ref().map(|p| p.name.as_str()),
        Some("New Delhi"),
        "{evs:#?}"
    );
}

#[test]
fn a_region_in_an_apposition_to_a_town_is_not_the_place_of_a_later_clause() {
    let evs = events(
        "Rebels seized Lysychansk, a city in Luhansk province, on Sunday and government troops \
         withdrew.",
    );
    let w = of_type(&evs, EventType::Withdrawal);
    assert_eq!(w.len(), 1, "{evs:#?}");
    assert_eq!(
        w[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Lysychansk"),
        "{evs:#?}"
    );
}

#[test]
fn a_region_after_a_town_it_holds_is_not_the_place_of_a_later_clause() {
    let evs = events(
        "In March 2019, 40 pupils were abducted in Gusau in Zamfara State, and released a week \
         later.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(
        r[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Gusau"),
        "{evs:#?}"
    );
}

#[test]
fn a_name_after_the_bank_of_is_a_river_not_the_province() {
    let evs = events(
        "Sudan's army retook Sennar on Thursday. On Friday, troops seized a village on the \
         eastern bank of the Blue Nile, opposite the city, residents said.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 2, "{evs:#?}");
    assert!(
        s.iter()
            .all(|e| e.place.as_ref().is_some_and(|p| p.name != "Blue Nile")),
        "{evs:#?}"
    );
}

#[test]
fn a_place_that_ranks_the_event_in_an_apposition_is_not_its_place() {
    let evs = events(
        "The raid came days after a car bomb at a market in Kandahar killed at least 40 \
         people, the deadliest attack in Afghanistan this year.",
    );
    let b = of_type(&evs, EventType::Bombing);
    assert_eq!(b.len(), 1, "{evs:#?}");
    // Kandahar, the town, not the country
    assert_eq!(
        b[0].place.as_ref().map(|p| p.precision),
        Some(GeoPrecision::Point),
        "{evs:#?}"
    );
}

#[test]
fn troops_that_fell_back_withdrew_and_took_nothing() {
    let evs = events(
        "Government troops abandoned their positions overnight and fell back to the airport on \
         the city's outskirts.",
    );
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
    assert_eq!(of_type(&evs, EventType::Withdrawal).len(), 1, "{evs:#?}");
    // what falls back and is no force neither withdraws nor is taken
    let evs = events("Lifted sanctions fell back on the country last year.");
    assert!(evs.is_empty(), "{evs:#?}");
}

#[test]
fn the_place_of_an_office_is_not_the_subject_of_a_passive() {
    let evs = events(
        "The governor of Ghazni was arrested by government forces in Maidan Shahr on Thursday.",
    );
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    // GeoNames calls Maidan Shahr "Maydanshakhr"
    assert_eq!(
        a[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Maydanshakhr"),
        "{evs:#?}"
    );
}

#[test]
fn being_ready_or_willing_to_meet_is_no_meeting() {
    for s in [
        "The rebel leader has since said he was ready for a meeting without conditions.",
        "The rebel leader said he was willing to hold talks with the army.",
    ] {
        let evs = events(s);
        assert!(of_type(&evs, EventType::Talks).is_empty(), "{s}: {evs:#?}");
    }
}

#[test]
fn a_place_in_what_the_news_comes_as_is_another_story() {
    let evs = events(
        "The fighting in the north comes as Afghanistan's international donors prepare to \
         gather in Brussels.",
    );
    assert!(
        evs.iter()
            .all(|e| e.place.as_ref().is_none_or(|p| p.name != "Brussels")),
        "{evs:#?}"
    );
}

#[test]
fn a_place_in_a_clause_weeks_after_is_that_clauses_place() {
    let evs = events(
        "Artillery struck the town of Jermuk on Tuesday. More than 200 soldiers were killed in \
         two days of fighting. The fighting came two weeks after the two leaders met in \
         Brussels for talks.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert!(!a.is_empty(), "{evs:#?}");
    assert!(
        a.iter()
            .all(|e| e.place.as_ref().is_none_or(|p| p.name != "Brussels")),
        "{evs:#?}"
    );
}

#[test]
fn a_town_taken_after_a_fight_is_taken_from_the_other_side_of_it() {
    let evs = events(
        "Hayat Tahrir al-Sham fighters clashed with Ahrar al-Sham near Idlib on Monday. On \
         Tuesday Hayat Tahrir al-Sham fighters captured the town of Saraqeb.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    let targets: Vec<_> = s[0].targets.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(targets, vec!["Ahrar al-Sham"], "{evs:#?}");
}

#[test]
fn gunmen_storming_a_studio_attack_civilians() {
    let evs =
        events("Masked gunmen stormed the studio of a television station in Guayaquil on Tuesday.");
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
    assert!(of_type(&evs, EventType::Assault).is_empty(), "{evs:#?}");
}

#[test]
fn fighters_who_overran_army_positions_took_ground() {
    let evs = events("Rebels overran army positions near Deir ez-Zor on Monday.");
    assert_eq!(of_type(&evs, EventType::Seizure).len(), 1, "{evs:#?}");
}

#[test]
fn troops_ordered_out_of_a_town_withdrew_from_it() {
    let evs = events("Government troops were ordered out of the town of Kunduz on Sunday.");
    let w = of_type(&evs, EventType::Withdrawal);
    assert_eq!(w.len(), 1, "{evs:#?}");
    assert_eq!(
        w[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Kunduz"),
        "{evs:#?}"
    );
}

#[test]
fn an_opening_time_dates_the_verb_after_a_long_subject() {
    let evs = events(
        "Last month, fighters of the rival Islamic State West Africa Province (ISWAP) attacked \
         a military base in Monguno, and on Saturday a roadside bomb struck a military truck \
         near Damboa.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    let d = a[0].date.expect("dated");
    assert_eq!(d.precision, TimePrecision::Month, "{evs:#?}");
}

#[test]
fn towns_coordinated_after_a_compass_phrase_are_both_taken() {
    let evs = events(
        "The insurgents captured Herat in the west and Ghazni, a provincial capital south-west \
         of Kabul, on Thursday.",
    );
    let names: Vec<_> = of_type(&evs, EventType::Seizure)
        .iter()
        .filter_map(|e| e.place.as_ref().map(|p| p.name.clone()))
        .collect();
    assert!(
        names.iter().any(|n| n == "Ghazni") && names.iter().any(|n| n.starts_with("Her")),
        "{evs:#?}"
    );
}

#[test]
fn talks_that_produced_a_ceasefire_agreement_tell_the_agreement() {
    let evs = events(
        "Talks between the two sides opened in Jeddah in May and produced a short-term ceasefire \
         agreement on May 20.",
    );
    assert_eq!(of_type(&evs, EventType::Agreement).len(), 1, "{evs:#?}");
}

#[test]
fn a_dual_dateline_names_where_the_reporters_sat() {
    let evs = events(
        "NEW DELHI/ISLAMABAD - Pakistan handed back a captured Indian pilot at the border on \
         Friday.",
    );
    assert!(!evs.is_empty(), "{evs:#?}");
    assert!(
        evs.iter().all(|e| e
            .place
            .as_ref()
            .is_none_or(|p| p.name != "New Delhi" && p.name != "Islamabad")),
        "{evs:#?}"
    );
}

#[test]
fn a_side_that_stepped_up_its_attacks_tells_a_trend_not_an_event() {
    let evs = events(
        "Rebels attacked an army post near Kunduz on Monday, killing four soldiers. Elsewhere, \
         the Taliban have stepped up attacks on outposts in Herat province this year.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 5).unwrap(),
        "{evs:#?}"
    );
}

#[test]
fn where_a_minister_told_reporters_is_not_where_the_captives_were_freed() {
    let evs = events(
        "Gunmen freed 40 pupils they had seized in Kankara, parents said on Tuesday. The \
         information minister told reporters in Abuja that 38 of them had been released.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert!(!r.is_empty(), "{evs:#?}");
    assert!(
        r.iter()
            .all(|e| e.place.as_ref().is_some_and(|p| p.name == "Kankara")),
        "{evs:#?}"
    );
}

#[test]
fn artillery_that_killed_is_shelling_and_bombs_that_hit_are_an_air_strike() {
    let evs = events(
        "In the northern city of Kunduz, government artillery on Wednesday killed 10 people \
         queuing for water. A week earlier, bombs hit a clinic in Baghlan on July 1.",
    );
    assert_eq!(of_type(&evs, EventType::Shelling).len(), 1, "{evs:#?}");
    assert!(
        of_type(&evs, EventType::AttackOnCivilians).is_empty(),
        "{evs:#?}"
    );
    assert_eq!(of_type(&evs, EventType::AirStrike).len(), 1, "{evs:#?}");
}

#[test]
fn the_province_of_a_governor_a_report_is_attributed_to_is_not_the_scene() {
    let evs = events(
        "Fighting raged in Kunduz on Monday. On Tuesday, Taliban fighters took over the city's \
         main hospital, according to the governor of Baghlan province.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(s[0].place.as_ref().unwrap().name, "Kunduz", "{evs:#?}");
}

#[test]
fn a_weekday_next_to_last_week_dates_the_event_to_that_day() {
    // published Thursday 2021-07-08: last week is 28 June - 4 July
    let evs = events(
        "On Wednesday last week, five soldiers were wounded when a mine exploded near Kunduz.",
    );
    let b = of_type(&evs, EventType::Bombing);
    assert_eq!(b.len(), 1, "{evs:#?}");
    let d = b[0].date.unwrap();
    assert_eq!(
        d.date,
        NaiveDate::from_ymd_opt(2021, 6, 30).unwrap(),
        "{evs:#?}"
    );
    assert_eq!(d.precision, TimePrecision::Day, "{evs:#?}");
}

#[test]
fn fighters_who_had_given_themselves_up_or_laid_down_their_weapons_surrendered() {
    let evs = events(
        "More than 200 militants had given themselves up to Kurdish forces around Kunduz since \
         Saturday. On Tuesday, 80 soldiers laid down their weapons at a base in Herat. Under \
         the deal, the remaining fighters are to lay down their arms in Ghazni.",
    );
    let s = of_type(&evs, EventType::Surrender);
    assert_eq!(s.len(), 2, "{evs:#?}");
    assert!(s
        .iter()
        .all(|e| e.place.as_ref().is_some_and(|p| p.name != "Ghazni")));
}

#[test]
fn the_capital_of_a_ministry_that_said_so_is_not_the_scene() {
    let evs = events(
        "Government forces have pulled out of Zmiinyi, the outpost they captured in May, the \
         defence ministry in Kabul said on Thursday. The Taliban said their fighters had driven \
         the soldiers off the island after a heavy bombardment.",
    );
    assert!(!evs.is_empty(), "{evs:#?}");
    assert!(
        evs.iter()
            .all(|e| e.place.as_ref().is_some_and(|p| p.name != "Kabul")),
        "{evs:#?}"
    );
}

#[test]
fn a_time_in_a_pronoun_clause_after_the_trigger_dates_that_clause() {
    let evs = events(
        "Gunmen released the pupils they had abducted in May from a school in Kaduna. Troops \
         later stormed the camp when they reached Zaria on Wednesday.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(r[0].date.unwrap().date.month(), 7, "{evs:#?}");
    // "when they reached Zaria on Wednesday": a clause of the same time
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 7).unwrap(),
        "{evs:#?}"
    );
}

#[test]
fn arms_and_equipment_seized_are_no_territory_taken() {
    let evs = events(
        "Troops crushed the militants in Kunduz on Monday and seized large quantities of their \
         equipment. On Tuesday, police seized an arsenal at a safe house in Herat.",
    );
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
    assert_eq!(
        of_type(&evs, EventType::WeaponsSeizure).len(),
        2,
        "{evs:#?}"
    );
}

#[test]
fn a_date_after_a_towns_apposition_dates_the_clause_before_it() {
    let evs = events(
        "The army broke the siege of its base in late June, after recapturing Kunduz, the \
         capital of Kunduz province, on June 11, 2021.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 6, 11).unwrap(),
        "{evs:#?}"
    );
}

#[test]
fn a_state_captives_are_handed_back_to_is_not_where_it_happened() {
    let evs = events(
        "Three soldiers captured in a border clash were handed back to Rwanda at a crossing near \
         Kasese on Tuesday.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(
        r[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Kasese"),
        "{evs:#?}"
    );
}

#[test]
fn a_place_in_a_concession_after_a_deal_is_not_its_place() {
    let evs = events(
        "Militia leaders met in Bunia on Monday. The two sides signed a ceasefire on Tuesday, \
         though fighting continued in Djugu and Irumu.",
    );
    let a = of_type(&evs, EventType::Agreement);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Bunia"),
        "{evs:#?}"
    );
}

#[test]
fn the_day_a_report_was_made_yields_to_the_reports_own_time() {
    let evs = events(
        "The police said on Monday that officers had freed nine abducted traders during a raid \
         last week.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    let d = r[0].date.expect("dated");
    assert_eq!(d.precision, TimePrecision::Week, "{evs:#?}");
    assert_eq!(d.date, NaiveDate::from_ymd_opt(2021, 6, 28).unwrap());
}

#[test]
fn a_video_released_is_no_release_of_captives() {
    let evs = events(
        "Security officials say the gang worked with the insurgents, and in June it released a \
         video showing captives being beaten, prompting outrage.",
    );
    assert!(
        of_type(&evs, EventType::PrisonerRelease).is_empty(),
        "{evs:#?}"
    );
}

#[test]
fn talks_on_extending_a_truce_conclude_no_agreement() {
    let evs = events(
        "Government and rebel envoys held talks in Addis Ababa on Monday on extending a ceasefire \
         that expires next week.",
    );
    assert_eq!(of_type(&evs, EventType::Talks).len(), 1, "{evs:#?}");
    assert!(of_type(&evs, EventType::Agreement).is_empty(), "{evs:#?}");
}

#[test]
fn a_time_after_a_pluperfect_of_the_object_dates_that_earlier_act() {
    let evs = events("Militants released on Tuesday the nine traders they had kidnapped near Gusau two weeks ago.");
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(
        r[0].date.map(|d| d.date),
        NaiveDate::from_ymd_opt(2021, 7, 6),
        "{evs:#?}"
    );
}

#[test]
fn a_capital_officials_spoke_in_is_not_where_the_captives_were_freed() {
    let evs = events(
        "Gunmen stormed the village of Kankara on Monday. The interior minister told reporters \
         in Abuja on Tuesday that all 40 abducted villagers had been freed.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(
        r[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Kankara"),
        "{evs:#?}"
    );
}

#[test]
fn the_captives_released_told_again_with_its_place_are_one_release_there() {
    let evs = events(
        "The 40 students abducted from a school in Gusau last month have been freed, the police \
         said on Thursday. The students were released on Wednesday in a forest near Tsafe and \
         taken to hospital.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(
        r[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Tsafe"),
        "{evs:#?}"
    );
}

#[test]
fn a_meeting_told_again_in_a_where_clause_is_the_talks_at_that_place() {
    let evs = events(
        "The truce was agreed in March after talks in the Kenyan town of Naivasha, where \
         delegates of the army and the rebels met under Moscow's mediation.",
    );
    let t = of_type(&evs, EventType::Talks);
    assert_eq!(t.len(), 1, "{evs:#?}");
    assert_eq!(
        t[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Naivasha"),
        "{evs:#?}"
    );
}

#[test]
fn a_time_after_a_closed_relative_clause_dates_the_main_verb() {
    let evs = events(
        "Talks between the army and the rebels in Jeddah, which resumed in late May, were \
         adjourned early this month without a deal.",
    );
    let t = of_type(&evs, EventType::Talks);
    assert_eq!(t.len(), 1, "{evs:#?}");
    let d = t[0].date.expect("dated").date;
    assert!(
        d >= NaiveDate::from_ymd_opt(2021, 7, 1).unwrap()
            && d < NaiveDate::from_ymd_opt(2021, 7, 8).unwrap(),
        "{evs:#?}"
    );
}

#[test]
fn several_rounds_of_negotiations_are_no_one_meeting() {
    let evs = events(
        "The Colombian government held several rounds of negotiations with the ELN in Havana and \
         Oslo last year.",
    );
    assert!(of_type(&evs, EventType::Talks).is_empty(), "{evs:#?}");
}

#[test]
fn a_ceasefire_ended_but_told_as_brokered_is_an_agreement() {
    let evs = events(
        "The rebels resumed their offensive in late June, ending a truce that Qatar brokered in \
         Doha in January.",
    );
    let a = of_type(&evs, EventType::Agreement);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].date.map(|d| d.date.month()), Some(1), "{evs:#?}");
}

#[test]
fn two_states_that_swap_prisoners_are_its_sides_not_its_place() {
    let evs = events(
        "Shelling hit Kharkiv on Monday. Last week, Russia and Ukraine each handed over 50 \
         prisoners of war in a swap brokered by Turkey.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(
        r[0].place.as_ref().map(|p| p.country_code.as_str()),
        Some("UA"),
        "{evs:#?}"
    );
}

#[test]
fn a_truce_told_by_its_ground_was_concluded_at_the_talks_abroad_of_its_day() {
    let evs = events(
        "South Sudan's government and the rebels agreed on Thursday to a ceasefire in the town \
         of Malakal. The accord was announced at the close of a week of negotiations in \
         Naivasha, Kenya.",
    );
    let a = of_type(&evs, EventType::Agreement);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Naivasha"),
        "{evs:#?}"
    );
}

#[test]
fn arrangements_for_an_exchange_are_no_exchange() {
    let evs = events("Delegates confirmed arrangements for a prisoner exchange on Thursday.");
    assert!(
        of_type(&evs, EventType::PrisonerRelease).is_empty(),
        "{evs:#?}"
    );
}

#[test]
fn captives_released_at_a_rate_are_no_release() {
    let evs = events(
        "Israel said the pause can be extended by a day for every additional 10 hostages released.",
    );
    assert!(
        of_type(&evs, EventType::PrisonerRelease).is_empty(),
        "{evs:#?}"
    );
}

#[test]
fn talks_between_the_two_sides_take_the_parties_named_before() {
    let evs = events(
        "Delegations of the Afghan government and the Taliban met in Doha on Saturday for the \
         first direct talks between the two sides.",
    );
    let t = of_type(&evs, EventType::Talks);
    assert_eq!(t.len(), 1, "{evs:#?}");
    let names: Vec<&str> = t[0].agents.iter().map(|a| a.name.as_str()).collect();
    assert!(names.contains(&"Taliban") && names.len() >= 2, "{evs:#?}");
}

#[test]
fn missiles_fired_by_jets_are_an_air_strike_not_shelling() {
    let evs = events(
        "Government jets fired missiles at rebel camps near Kunduz on Wednesday. Rebel drones \
         and missiles struck Herat on Thursday.",
    );
    let s = of_type(&evs, EventType::Shelling);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(s[0].place.as_ref().unwrap().name, "Herāt", "{evs:#?}");
    assert_eq!(of_type(&evs, EventType::AirStrike).len(), 2, "{evs:#?}");
}

#[test]
fn a_town_named_right_after_the_country_an_attack_hit_is_its_place() {
    let evs = events(
        "More than 300 rockets were fired at Afghanistan on Wednesday, some reaching Jalalabad, \
         where a house was hit.",
    );
    let s = of_type(&evs, EventType::Shelling);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(s[0].place.as_ref().unwrap().name, "Jalālābād", "{evs:#?}");
}

#[test]
fn the_seat_of_an_administration_called_on_is_not_where_the_story_moves() {
    let evs = events(
        "Militants attacked an army base in Kunduz on Tuesday. The army called on the \
         government in Tashkent to deny its soil to such groups. Police said on Wednesday \
         they had arrested two men.",
    );
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].place.as_ref().unwrap().name, "Kunduz", "{evs:#?}");
}

#[test]
fn armed_group_attacking_a_camp_of_displaced_or_a_community_attacks_civilians() {
    // a camp of displaced people, a community, homes: places of civilian life
    let evs = events(
        "Rebel fighters attacked a displacement camp near the town of Kobo on Tuesday, killing 12 people.",
    );
    assert_eq!(of_type(&evs, EventType::AttackOnCivilians).len(), 1);
    assert!(of_type(&evs, EventType::Assault).is_empty());
    let evs = events("Militia fighters stormed homes in the village of Ugba on Monday night.");
    assert_eq!(of_type(&evs, EventType::AttackOnCivilians).len(), 1);
    // an army camp is no such place
    let evs = events("Rebel fighters attacked an army camp near the town of Kobo on Tuesday.");
    assert_eq!(of_type(&evs, EventType::Assault).len(), 1);
    assert!(of_type(&evs, EventType::AttackOnCivilians).is_empty());
}

#[test]
fn a_deals_time_does_not_date_the_violence_of_its_sentence() {
    // the clashes are the story's (its date), not the deal's
    let evs = events(
        "The clashes in Gulu threaten the peace agreement signed in Nairobi in August last year.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 8).unwrap()
    );
    // a time right before the deal's noun is the deal's
    let evs = events("Gunmen shot dead two farmers who had signed the 2016 peace deal in Gulu.");
    let a = of_type(&evs, EventType::AttackOnCivilians);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].date.unwrap().date.year(), 2021);
}

#[test]
fn gunmen_killing_men_on_a_day_of_their_own_attack_civilians() {
    // "men" killed, like "killing ... men", are people hurt (the weak "killed" asks for them)
    let evs = events("Last week, gunmen killed five men who had gone to fetch water near Gao.");
    let a = of_type(&evs, EventType::AttackOnCivilians);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].agents), vec!["gunmen"]);
}

#[test]
fn any_force_attacking_homes_and_killing_civilians_attacks_civilians() {
    // soldiers, not only armed groups, when the sentence tells civilians hurt
    let evs =
        events("Soldiers stormed a residential compound in Juba on Monday, killing two residents.");
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
    assert!(of_type(&evs, EventType::Assault).is_empty());
    // soldiers storming a hotel with no civilian hurt told: an assault (on those inside)
    let evs = events("Soldiers stormed the hotel in Juba on Monday.");
    assert!(
        of_type(&evs, EventType::AttackOnCivilians).is_empty(),
        "{evs:#?}"
    );
}

#[test]
fn fighters_carrying_off_schoolgirls_abduct_them() {
    let evs = events("Gunmen carried off 40 schoolgirls from a school in Zamfara on Friday.");
    let a = of_type(&evs, EventType::AttackOnCivilians);
    assert_eq!(a.len(), 1, "{evs:#?}");
    // what is carried off without people is no abduction
    let evs = events("Gunmen carried off weapons from a police post in Zamfara on Friday.");
    assert!(
        of_type(&evs, EventType::AttackOnCivilians).is_empty(),
        "{evs:#?}"
    );
}

#[test]
fn the_group_an_attack_is_claimed_by_or_blamed_on_is_its_agent() {
    let evs = events(
        "A suicide bomber killed 31 people at a wedding hall in Kabul on Monday in an attack \
         claimed by the Taliban.",
    );
    let b = of_type(&evs, EventType::Bombing);
    assert_eq!(b.len(), 1, "{evs:#?}");
    assert_eq!(names(&b[0].agents), vec!["Taliban"], "{:#?}", b[0]);
    // the police who blame are speakers, not the agent
    let evs = events(
        "A car bomb that police blamed on al-Shabaab exploded outside a hotel in Mogadishu on \
         Sunday, killing nine people.",
    );
    let b = of_type(&evs, EventType::Bombing);
    assert_eq!(b.len(), 1, "{evs:#?}");
    assert_eq!(names(&b[0].agents), vec!["al-Shabaab"], "{:#?}", b[0]);
    // a group named only as another's link is not the one blamed
    let evs = events(
        "A bomb killed 12 people at a market in Jolo on Friday in an attack blamed on an \
         al-Qaeda-linked faction.",
    );
    let b = of_type(&evs, EventType::Bombing);
    assert_eq!(b.len(), 1, "{evs:#?}");
    assert!(!names(&b[0].agents).contains(&"al-Qaeda"), "{:#?}", b[0]);
}

#[test]
fn an_event_of_the_headline_folds_into_the_story_that_tells_it_again() {
    let evs = events(
        "Last 9 abducted aid workers freed in Mali after a month\n\nBAMAKO — The remaining nine \
         members of a group of aid workers abducted by jihadists a month ago were freed on \
         Wednesday, officials and their charity said.\n\nThe charity said it was thankful for \
         the release.\n",
    );
    // the headline's "abducted" is the abduction the story dates a month back: one event
    let a = of_type(&evs, EventType::AttackOnCivilians);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.map(|d| d.date.format("%Y-%m").to_string()),
        Some("2021-06".to_string()),
        "{:#?}",
        a[0]
    );
    assert!(
        a[0].evidence
            .iter()
            .any(|x| x.sentence.starts_with("Last 9")),
        "{:#?}",
        a[0]
    );
    assert_eq!(
        of_type(&evs, EventType::PrisonerRelease).len(),
        1,
        "{evs:#?}"
    );
    // the headline's town, inside the country the story names, is the finer place
    let evs = events(
        "Taliban attack police post in Ghazni city\n\nKABUL — Taliban fighters attacked a \
         police post in eastern Afghanistan on Tuesday, killing six officers, officials said.\n",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].location.as_deref(), Some("Ghazni"), "{:#?}", a[0]);
    assert_eq!(
        a[0].date.map(|d| d.date.to_string()),
        Some("2021-07-06".to_string()),
        "{:#?}",
        a[0]
    );
    // a headline that is a full sentence is no headline
    assert_eq!(
        super::headline_end("One sentence.\n\nAnother one here."),
        None
    );
    assert_eq!(
        super::headline_end("Rebels take border town\n\nThe rest."),
        Some(23)
    );
}

#[test]
fn the_people_an_arrest_names_are_its_target() {
    // the passive's subject
    let evs = events("Two suspects were detained near the scene on Tuesday, police in Kano said.");
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].targets), vec!["suspects"], "{:#?}", a[0]);
    // any count of the quantity words, not only the small ones
    let evs = events("Eleven men were arrested in Kano on Tuesday, police said.");
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].targets), vec!["men"], "{:#?}", a[0]);
    // "men suspected of ..." are suspects; "several" is a count
    let evs = events(
        "Police in Garissa said on Tuesday they had detained ten men suspected of supplying the \
         militants with fuel.",
    );
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].targets), vec!["Suspects"], "{:#?}", a[0]);
    let evs = events("Soldiers arrested several suspects around Mopti on Sunday, officials said.");
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].targets), vec!["suspects"], "{:#?}", a[0]);
}

#[test]
fn what_hit_and_killed_is_the_weapon_not_an_attack_on_civilians() {
    // the barrage, the projectile and the blasts are the event; the dead are its toll
    for (text, t) in [
        (
            "A barrage hit a bus station in Kharkiv on Tuesday, killing five civilians.",
            EventType::Shelling,
        ),
        (
            "On Monday a projectile launched from across the border hit a school in Sderot, \
             wounding two pupils.",
            EventType::Shelling,
        ),
        (
            "Two suicide blasts outside a police post in Quetta on Tuesday killed nine people.",
            EventType::Bombing,
        ),
        (
            "A blast at a market in Maiduguri on Tuesday killed seven shoppers.",
            EventType::Bombing,
        ),
    ] {
        let evs = events(text);
        assert_eq!(of_type(&evs, t).len(), 1, "{text}: {evs:#?}");
        assert!(
            of_type(&evs, EventType::AttackOnCivilians).is_empty(),
            "{text}: {evs:#?}"
        );
    }
}

#[test]
fn an_article_no_sentence_of_which_holds_a_trigger_is_left_before_its_mentions() {
    let p = pipeline();
    let sents = crate::text::sentences;
    // no trigger word at all, and words of a trigger phrase too far apart to be it ("opened
    // ~ front": the raw-text test lets the sentence through, the lexicon finds nothing)
    let quiet = "The ministry in Kabul published its budget on Monday.\nShops in Herat opened \
                 late on the day the new bridge at the front of the market was finished.";
    let far = &quiet[quiet.find("Shops").unwrap_or(0)..];
    assert!(p.events.prefilter.may_hold_both(far).0);
    assert!(!p.events.holds_trigger(quiet, &sents(quiet)));
    // `analyse` (for annotate) still finds its mentions; it tells no event either way
    let full = p.analyse(&article(quiet));
    assert!(!full.mentions.places.is_empty(), "{full:#?}");
    assert!(
        full.events.is_empty() && full.triggers.is_empty(),
        "{full:#?}"
    );
    let (events, triggers) = p.events_of(&article(quiet));
    assert!(events.is_empty() && triggers.is_empty());
    // an article with a trigger is read in full: the events and triggers of `analyse`
    let told = "Shops in Herat opened late.\nGunmen attacked a checkpoint in Kunduz on Tuesday.";
    assert!(p.events.holds_trigger(told, &sents(told)));
    let (events, triggers) = p.events_of(&article(told));
    let full = p.analyse(&article(told));
    assert!(!events.is_empty());
    assert_eq!(
        format!("{events:?} {triggers:?}"),
        format!("{:?} {:?}", full.events, full.triggers)
    );
}

#[test]
fn a_day_in_a_since_clause_does_not_move_the_story_on() {
    // the day a "since" clause measures from is not the day the story goes on with
    let evs = events(
        "Troops captured the airport on Wednesday, the biggest gain since the prime minister \
         spoke on television five days ago. Police units stormed the terminal shortly \
         after dawn.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 7).unwrap()
    );
    // "since Monday" itself tells the days that follow from Monday
    let evs = events(
        "Militants stormed the town on Saturday. At least 40 policemen had been killed since \
         Monday, a council member said. Some police at outposts had surrendered to the \
         militants.",
    );
    let a = of_type(&evs, EventType::Surrender);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 5).unwrap()
    );
}

#[test]
fn speaker_owns_a_possessive_subject() {
    // "X said its jets had struck": the speaker flew the strike, not its state at large
    let evs = events(
        "The Afghan Air Force said on Tuesday its jets had struck Taliban positions near \
         Kunduz.",
    );
    let a = of_type(&evs, EventType::AirStrike);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].agents), vec!["Afghan Air Force"]);
    // "their" + two words, the trigger a nominalisation
    let evs = events(
        "Government forces shelled villages near Ghazni on Sunday. The Taliban said on Monday \
         that their units carried out an assault on a checkpoint in Ghazni.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].agents), vec!["Taliban"]);
}

#[test]
fn freed_prisoners_are_the_target_of_a_release() {
    let evs =
        events("Taliban fighters freed hundreds of prisoners from the jail in Ghazni on Tuesday.");
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(names(&r[0].agents), vec!["Taliban"]);
    assert_eq!(names(&r[0].targets), vec!["Prisoners"]);
}

#[test]
fn a_weapon_fired_by_an_actor_is_that_actors() {
    // the actor after "fired by" fired the rounds; it is not what they hit
    let evs = events(
        "Soldiers raided a village near Kismayo on Sunday. On Monday, mortar rounds fired by \
         al-Shabaab militants hit a market in Kismayo, killing three civilians.",
    );
    let s = of_type(&evs, EventType::Shelling);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(names(&s[0].agents), vec!["al-Shabaab"]);
    assert!(
        !names(&s[0].targets).contains(&"al-Shabaab"),
        "{:?}",
        s[0].targets
    );
}

#[test]
fn a_mine_planted_by_an_actor_inside_the_trigger_is_that_actors() {
    // the gapped trigger "mine ... killed" spans the "planted by" of who laid it; what it
    // killed is the target
    let evs = events(
        "A landmine planted by the Taliban killed six Afghan soldiers near Ghazni on Monday.",
    );
    let b = of_type(&evs, EventType::Bombing);
    assert_eq!(b.len(), 1, "{evs:#?}");
    assert_eq!(names(&b[0].agents), vec!["Taliban"]);
    assert!(
        !names(&b[0].targets).contains(&"Civilians"),
        "{:?}",
        b[0].targets
    );
}

#[test]
fn freed_people_named_by_their_side_in_a_later_report_take_that_side() {
    // the first report names the freed only as detainees, the second by their side
    let evs = events(
        "Buses carrying freed detainees reached Aden on Tuesday after a prisoner exchange. \
         The government freed 60 Houthi fighters in Aden on Tuesday, officials said.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(
        names(&r[0].targets).first(),
        Some(&"Houthis"),
        "{:?}",
        r[0].targets
    );
}

#[test]
fn a_person_named_before_a_passive_arrest_is_its_target() {
    // the name in apposition, and the name before a relative clause
    let evs =
        events("The mayor of Kunduz, Rahim Sadiq, was arrested by police in Kabul on Tuesday.");
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].targets), vec!["Rahim Sadiq"]);
    let evs = events("Haidari, who denies the charges, was detained by police in Herat on Monday.");
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].targets), vec!["Haidari"]);
    // a pronoun is no name
    let evs = events("He was arrested by police in Herat on Monday.");
    let a = of_type(&evs, EventType::Arrest);
    assert!(a.iter().all(|e| e.targets.is_empty()), "{evs:#?}");
}

#[test]
fn a_name_in_apposition_to_the_people_arrested_is_the_target() {
    let evs = events("Police arrested a third suspect, Omar Haddad, in Tripoli on Friday.");
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].targets), vec!["Omar Haddad"]);
    // a speaker after the comma is no apposition
    let evs = events("Police arrested three men, Tripoli police said on Friday.");
    let a = of_type(&evs, EventType::Arrest);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].targets), vec!["men"]);
}

#[test]
fn a_named_quarter_is_in_the_town_in_focus_not_at_a_far_namesake() {
    let evs = events(
        "Insurgents stormed the town of Taloqan before dawn on Sunday, officials said. By the \
         afternoon the fighters had overrun the Jalalabad neighbourhood and set fire to the \
         market.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Taloqan"),
        "{evs:#?}"
    );
}

#[test]
fn the_place_forces_were_flown_in_from_is_not_where_they_fought() {
    let evs = events(
        "Rebels attacked the town of Kindu on Monday, residents said. On Tuesday, special \
         forces flown in from Kinshasa and Lubumbashi drove the rebels out of the town.",
    );
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Kindu"),
        "{evs:#?}"
    );
}

#[test]
fn the_town_whose_fall_came_after_other_captures_stays_the_story_place() {
    let evs = events(
        "Rebels took control of Kindu on Saturday after the army pulled out. The fall of Kindu, \
         a river port on the Congo, came hours after the rebels captured Kalemie and Uvira in \
         the east. Rebel fighters opened the gates of the city's prison and freed hundreds of \
         inmates, residents said.",
    );
    let r = of_type(&evs, EventType::PrisonerRelease);
    assert_eq!(r.len(), 1, "{evs:#?}");
    assert_eq!(
        r[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Kindu"),
        "{evs:#?}"
    );
}

#[test]
fn the_city_with_no_town_in_focus_is_the_dateline_town() {
    let evs = events(
        "KIRKUK, Iraq - Militants killed three policemen in an ambush on Monday, officials \
         said. On Tuesday, mortar rounds fired by the militants struck homes on the outskirts \
         of the city, wounding two children.",
    );
    let s = of_type(&evs, EventType::Shelling);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].place.as_ref().map(|p| p.name.as_str()),
        Some("Kirkuk"),
        "{evs:#?}"
    );
}

#[test]
fn a_clause_with_its_own_subject_in_a_time_adjunct_is_a_background_event() {
    // "months after the group seized X in January": a subject and a verb, an event of its own,
    // dated by its own time (not the "months after" the main clause is dated from), and no
    // scene of the story ("fighting went on" is still in Bunia)
    let evs = events(
        "Rebels seized the town of Bunia on Tuesday, the army said. The fall of Bunia came \
         months after the group seized Goma in January. Fighting went on for hours on \
         Wednesday, killing five soldiers.",
    );
    let s = of_type(&evs, EventType::Seizure);
    let goma: Vec<_> = s
        .iter()
        .filter(|e| e.place.as_ref().is_some_and(|p| p.name == "Goma"))
        .collect();
    assert_eq!(goma.len(), 1, "{evs:#?}");
    assert_eq!(goma[0].date.unwrap().date.month(), 1, "{evs:#?}");
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].place.as_ref().unwrap().name, "Bunia", "{evs:#?}");
    // "after the attack", "since the town was overrun": a reference, no second event
    let evs = events(
        "Gunmen attacked an army post in Kano on Tuesday. Police arrived hours after the attack.",
    );
    assert_eq!(of_type(&evs, EventType::Assault).len(), 1, "{evs:#?}");
    let evs = events("Aid groups have left Gao since the town was overrun.");
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
    // "took off": no town taken, in the adjunct or out of it
    let evs = events("The crash came minutes after the plane took off from Gao airport.");
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
}

#[test]
fn a_killing_participle_after_an_armed_subjects_own_verb_is_violence_of_its_own() {
    // not the toll of the clash told just before: the fighters who went from house to house
    // killed the men
    let evs = events(
        "Militia fighters attacked army positions outside Kosti on Saturday. Witnesses said \
         the militia fighters then went from house to house, killing several men.",
    );
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
    // a toll told with no killer of its own stays the clash's
    let evs = events(
        "Militia fighters attacked army positions outside Kosti on Saturday. Fighting went on \
         into the night, killing several men.",
    );
    assert!(
        of_type(&evs, EventType::AttackOnCivilians).is_empty(),
        "{evs:#?}"
    );
}

#[test]
fn the_fall_of_a_town_is_its_seizure() {
    // "the fall of X to Y": X seized by Y
    let evs = events("The fall of Kunduz to the Taliban on Monday shocked officials in Kabul.");
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(s[0].place.as_ref().unwrap().name, "Kunduz");
    assert_eq!(names(&s[0].agents), vec!["Taliban"]);
    assert_eq!(
        s[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 7, 5).unwrap()
    );
    // what falls without being a place is no seizure
    let evs = events("Analysts in Kabul blamed the fall of the government on corruption.");
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
}

#[test]
fn a_drone_or_missile_that_slammed_into_a_target_is_a_strike() {
    // the weapon that crashed into what it hit names the type (GUIDELINES.md: drones are
    // air strikes, missiles shelling)
    let evs = events(
        "A drone slammed into a truck carrying soldiers near Kunduz on Tuesday, killing four.",
    );
    assert_eq!(of_type(&evs, EventType::AirStrike).len(), 1, "{evs:#?}");
    let evs = events("On Monday a missile crashed into a warehouse in Mazar-i-Sharif.");
    assert_eq!(of_type(&evs, EventType::Shelling).len(), 1, "{evs:#?}");
}

#[test]
fn troops_that_slipped_out_of_a_town_withdrew() {
    let evs = events("Government soldiers slipped out of Taloqan overnight on Tuesday.");
    let w = of_type(&evs, EventType::Withdrawal);
    assert_eq!(w.len(), 1, "{evs:#?}");
    assert_eq!(w[0].place.as_ref().unwrap().name, "Taloqan");
}

#[test]
fn an_attacker_taken_alive_is_arrested() {
    let evs = events("Police said one of the attackers was taken alive in Kunduz on Tuesday.");
    assert_eq!(of_type(&evs, EventType::Arrest).len(), 1, "{evs:#?}");
}

#[test]
fn a_strike_told_as_it_was_hit_is_no_reference_back() {
    // "it was" before a noun refers back ("it was the first attack"); before a passive
    // verb of a strike it tells the strike
    let evs = events(
        "The fuel convoy was crossing a bridge near Kunduz on Tuesday when it was hit by a \
         drone, officials said.",
    );
    assert_eq!(of_type(&evs, EventType::AirStrike).len(), 1, "{evs:#?}");
}

#[test]
fn an_exchange_agreed_to_is_a_deal_and_no_release_yet() {
    let evs = events(
        "After talks in Geneva, the two sides agreed on Monday to carry out a large prisoner \
         exchange.",
    );
    assert_eq!(of_type(&evs, EventType::Agreement).len(), 1, "{evs:#?}");
    assert!(
        of_type(&evs, EventType::PrisonerRelease).is_empty(),
        "{evs:#?}"
    );
}

#[test]
fn gunmen_who_opened_fire_on_a_patrol_attacked_it() {
    let evs = events("Gunmen opened fire on a police patrol near Kunduz on Tuesday.");
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(names(&a[0].agents), vec!["Gunmen"]);
}

#[test]
fn gunship_attacks_are_air_strikes() {
    let evs = events("Helicopter gunship attacks on insurgent positions near Taloqan killed 12 fighters on Monday.");
    assert_eq!(of_type(&evs, EventType::AirStrike).len(), 1, "{evs:#?}");
}

#[test]
fn a_workplace_stormed_or_a_clinic_overrun_killing_civilians_is_an_attack_on_them() {
    // places of civilian life (gazetteer/actor_nouns.tsv `civil_site`): a power station, a
    // health centre, a factory
    let evs = events("Gunmen stormed a power station near Kunduz on Monday, killing nine workers.");
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
    assert!(of_type(&evs, EventType::Assault).is_empty(), "{evs:#?}");
    // a place of civilian life overrun, its people killed: no town taken
    let evs = events("Militants overran a clinic in Kunduz on Tuesday, killing four nurses.");
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
    assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
    // ... but a clinic taken with no one hurt is a seizure
    let evs = events("Militants overran a clinic in Kunduz on Tuesday.");
    assert_eq!(of_type(&evs, EventType::Seizure).len(), 1, "{evs:#?}");
}

#[test]
fn people_seized_with_their_count_are_abducted() {
    // a participle with the people (or their count) right after it is the active verb, not
    // a reduced relative ("the girls seized from the school")
    for text in [
        "Militants seized 30 students from a school in Kunduz on Monday.",
        "On Tuesday, gunmen seized about 80 pupils of a religious school near Kunduz.",
        "Gunmen seized farmers in Kunduz on Monday.",
        // a number word or vague count from the quantities lexicon counts them too
        "On Tuesday, gunmen seized forty pupils of a religious school near Kunduz.",
        "Gunmen seized thousands of villagers near Kunduz on Monday.",
    ] {
        let evs = events(text);
        assert_eq!(
            of_type(&evs, EventType::AttackOnCivilians).len(),
            1,
            "{text}: {evs:#?}"
        );
        assert!(of_type(&evs, EventType::Seizure).is_empty(), "{evs:#?}");
    }
}

#[test]
fn forces_regrouped_from_an_area_withdrew_from_it() {
    let evs = events(
        "The army said on Tuesday that commanders were regrouping their forces from the area \
         around Taloqan.",
    );
    assert_eq!(of_type(&evs, EventType::Withdrawal).len(), 1, "{evs:#?}");
}

#[test]
fn a_running_toll_in_a_relative_clause_is_no_killing() {
    let evs = events(
        "The war in the north, which has killed some 300 people since 2014, shows no sign \
         of ending, officials said on Monday.",
    );
    assert!(
        of_type(&evs, EventType::AttackOnCivilians).is_empty(),
        "{evs:#?}"
    );
    // ... while a killing told as such stays an event
    let evs = events("Gunmen killed 13 villagers near Kunduz on Monday.");
    assert_eq!(
        of_type(&evs, EventType::AttackOnCivilians).len(),
        1,
        "{evs:#?}"
    );
}

#[test]
fn a_ceasefire_blown_up_is_no_bombing() {
    let evs =
        events("The rebels have blown up the ceasefire, a government spokesman said on Friday.");
    assert!(of_type(&evs, EventType::Bombing).is_empty(), "{evs:#?}");
    let evs = events("Militants blew up a bridge near Kunduz on Friday.");
    assert_eq!(of_type(&evs, EventType::Bombing).len(), 1, "{evs:#?}");
}

#[test]
fn a_town_freed_is_no_prisoner_release() {
    let evs =
        events("Police said on Tuesday that the operation had freed Kunduz from the militants.");
    assert!(
        of_type(&evs, EventType::PrisonerRelease).is_empty(),
        "{evs:#?}"
    );
    let evs = events("The militants freed 20 prisoners in Kunduz on Tuesday.");
    assert_eq!(
        of_type(&evs, EventType::PrisonerRelease).len(),
        1,
        "{evs:#?}"
    );
}

#[test]
fn one_of_the_deadliest_assaults_is_a_comparison() {
    let evs = events(
        "Gunmen stormed an army camp near Kunduz on Monday, killing 25 soldiers in one of the \
         deadliest assaults on the army this year.",
    );
    let assaults = of_type(&evs, EventType::Assault);
    assert_eq!(assaults.len(), 1, "{evs:#?}");
}

#[test]
fn a_round_table_is_talks() {
    let evs = events(
        "Government envoys and rebel leaders held a round table in Geneva on Tuesday under UN \
         auspices.",
    );
    assert_eq!(of_type(&evs, EventType::Talks).len(), 1, "{evs:#?}");
}

#[test]
fn an_ambassador_recalled_in_protest_is_no_demonstration() {
    let evs = events("Kabul recalled its ambassador from Islamabad in protest on Tuesday.");
    assert!(of_type(&evs, EventType::Protest).is_empty(), "{evs:#?}");
    // ... but a road blocked in protest is one
    let evs =
        events("Traders blocked the main road in Kunduz on Tuesday in protest against the tax.");
    assert_eq!(of_type(&evs, EventType::Protest).len(), 1, "{evs:#?}");
}

#[test]
fn an_aircraft_shot_down_is_no_attack_on_civilians() {
    // (the battle it fell in is told by its own words)
    let evs = events("The pilot was captured on Tuesday after his jet was shot down over Kunduz.");
    assert!(
        of_type(&evs, EventType::AttackOnCivilians).is_empty(),
        "{evs:#?}"
    );
}

#[test]
fn attackers_leaving_the_scene_withdraw_from_no_ground() {
    let evs = events(
        "Gunmen attacked a police post in Kunduz on Tuesday. The attackers withdrew toward the \
         hills after the fighting, police said.",
    );
    assert!(of_type(&evs, EventType::Withdrawal).is_empty(), "{evs:#?}");
    // ... troops that leave a town withdraw
    let evs = events("Government troops withdrew from Kunduz on Tuesday.");
    assert_eq!(of_type(&evs, EventType::Withdrawal).len(), 1, "{evs:#?}");
}

#[test]
fn a_release_or_swap_negotiated_by_a_mediator_is_no_meeting() {
    for text in [
        "The prisoner swap was negotiated by Qatari officials in Doha on Tuesday.",
        "Four hostages, whose release Norway negotiated, were freed in Kunduz on Tuesday.",
    ] {
        let evs = events(text);
        assert!(
            of_type(&evs, EventType::Talks).is_empty(),
            "{text}: {evs:#?}"
        );
    }
    let evs = events("Government envoys and the Taliban negotiated in Doha on Tuesday.");
    assert_eq!(of_type(&evs, EventType::Talks).len(), 1, "{evs:#?}");
}

#[test]
fn a_strike_that_hit_a_building_is_an_air_strike() {
    let evs = events(
        "A strike on Tuesday hit a house near the market in Kunduz and killed six people, \
         officials said.",
    );
    assert_eq!(of_type(&evs, EventType::AirStrike).len(), 1, "{evs:#?}");
    assert!(
        of_type(&evs, EventType::AttackOnCivilians).is_empty(),
        "{evs:#?}"
    );
    // ... a workers' strike is none
    let evs = events("A strike by teachers hit schools across Kunduz on Tuesday.");
    assert!(of_type(&evs, EventType::AirStrike).is_empty(), "{evs:#?}");
}

#[test]
fn an_offensive_with_its_own_start_is_an_event_beside_the_capture_that_ended_it() {
    let evs = events(
        "Government forces recaptured Kunduz on Tuesday, bringing to an end the offensive they \
         launched on June 6.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(
        a[0].date.unwrap().date,
        NaiveDate::from_ymd_opt(2021, 6, 6).unwrap()
    );
    assert_eq!(of_type(&evs, EventType::Seizure).len(), 1, "{evs:#?}");
}

#[test]
fn a_place_a_missile_was_fired_from_is_not_where_it_struck() {
    let evs = events(
        "The army said it shot down a rocket fired from Lebanon towards Haifa on Tuesday \
         morning.",
    );
    let s = of_type(&evs, EventType::Shelling);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(
        s[0].place.as_ref().map(|p| p.country_code.as_str()),
        Some("IL"),
        "{:?}",
        s[0].place
    );
    // with no other place, where it came from is all the text says
    let evs = events("On Tuesday, rockets fired from Lebanon killed two people, the army said.");
    assert!(
        evs.iter()
            .all(|e| e.place.as_ref().is_none_or(|p| p.country_code == "LB")),
        "{evs:#?}"
    );
}

#[test]
fn a_place_written_with_the_arabic_article_is_the_place() {
    let evs = events("Houthi fighters captured al-Hazm, a town in northern Yemen, on Sunday.");
    let s = of_type(&evs, EventType::Seizure);
    assert_eq!(s.len(), 1, "{evs:#?}");
    let p = s[0].place.as_ref().expect("a place");
    assert_eq!(p.country_code, "YE");
    assert_eq!(p.precision, GeoPrecision::Point, "{p:?}");
}

#[test]
fn where_troops_withdrew_towards_the_province_of_x_is_where_they_went() {
    let evs = events(
        "Houthi fighters seized the town of Hazm in Yemen on Sunday. Government troops \
         withdrew eastwards towards the province of Marib late on Sunday, residents said.",
    );
    let w = of_type(&evs, EventType::Withdrawal);
    assert_eq!(w.len(), 1, "{evs:#?}");
    // (GeoNames writes the province "Ma’rib")
    assert!(
        w[0].place.as_ref().is_none_or(|p| !p.name.ends_with("rib")),
        "{:?}",
        w[0].place
    );
}

#[test]
fn a_capital_that_speaks_or_blames_is_its_government_not_the_place() {
    // neither the capital that blames nor the two capitals of "relations between" place it
    let evs = events(
        "Fighting raged in Idlib province on Sunday. Relations between Moscow and Ankara \
         worsened. On Monday an air strike hit a convoy, an attack Ankara blamed on government \
         forces.",
    );
    let a = of_type(&evs, EventType::AirStrike);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert!(
        a[0].place.as_ref().is_none_or(|p| p.name != "Ankara"),
        "{:?}",
        a[0].place
    );
}

#[test]
fn a_title_before_a_name_gives_the_person_as_target() {
    for (text, t) in [
        (
            "Police arrested peasant leader Ramon Ortega at the airport in Managua on Saturday.",
            EventType::Arrest,
        ),
        (
            "Security forces detained the opposition politician Ramon Ortega in Managua on \
             Saturday.",
            EventType::Arrest,
        ),
    ] {
        let evs = events(text);
        let e = of_type(&evs, t);
        assert_eq!(e.len(), 1, "{text}: {evs:#?}");
        assert!(
            e[0].targets.iter().any(|a| a.name == "Ramon Ortega"),
            "{text}: {evs:#?}"
        );
    }
}

#[test]
fn two_violent_events_of_one_sentence_keep_their_own_tolls() {
    let evs = events(
        "An air strike hit a market in Kunduz on Monday, killing 45 people, and two days \
         later insurgents attacked an army base in Baghlan, killing about 16 soldiers.",
    );
    let strike = of_type(&evs, EventType::AirStrike);
    let assault = of_type(&evs, EventType::Assault);
    assert_eq!(strike.len(), 1, "{evs:#?}");
    assert_eq!(assault.len(), 1, "{evs:#?}");
    assert_eq!(strike[0].fatalities, Some(45));
    assert_eq!(assault[0].fatalities, Some(16));
}

#[test]
fn a_tally_of_strikes_moves_the_story_to_its_town() {
    // the tally is an aggregate (no event of its own), but it happened: "the city" after it is
    // the town it named, not the city told before
    let evs = events(
        "KABUL - Rebels took control of Kunduz, the capital of the province, on Monday. In \
         Baghlan, the governor handed over the city of Pul-e-Khumri, a lawmaker said. Since \
         May, jets have carried out dozens of strikes on rebel positions around Taloqan. \
         Residents said a strike earlier this month hit a clinic in the city.",
    );
    let a = of_type(&evs, EventType::AirStrike);
    assert_eq!(a.len(), 1, "{evs:#?}");
    assert_eq!(a[0].place.as_ref().unwrap().name, "Taloqan", "{:#?}", a[0]);
}

#[test]
fn a_place_measured_off_a_town_is_that_far_that_way() {
    let evs = events(
        "Gunmen ambushed a convoy on Sunday near a village about 50 km north of Kano, \
         police said.",
    );
    let a = of_type(&evs, EventType::Assault);
    assert_eq!(a.len(), 1, "{evs:#?}");
    let p = a[0].place.as_ref().unwrap();
    let kano = pipeline()
        .gazetteer
        .find_places("Fighting was reported in Kano.")
        .into_iter()
        .find_map(|m| m.place)
        .unwrap();
    let d = crate::places::distance_km(p, &kano);
    assert!((d - 50.0).abs() < 1.0, "{d} km: {p:#?}");
    assert!(p.latitude > kano.latitude, "{p:#?}");
    // "25 miles", one word "30km"
    let evs = events("Troops clashed with rebels on Sunday 30km west of Kano.");
    let p = of_type(&evs, EventType::Assault)[0].place.clone().unwrap();
    assert!(
        (crate::places::distance_km(&p, &kano) - 30.0).abs() < 1.0,
        "{p:#?}"
    );
    assert!(p.longitude < kano.longitude, "{p:#?}");
}

#[test]
fn a_province_s_capital_is_its_seat_not_the_province() {
    for (text, seat) in [
        (
            "Police detained two men on Tuesday in a suburb of the Sonora state capital.",
            "Hermosillo",
        ),
        (
            "Gunmen attacked a checkpoint on Tuesday in the Kandahar provincial capital.",
            "Kandahār",
        ),
        (
            "Gunmen attacked a checkpoint on Tuesday in Kano State's capital.",
            "Kano",
        ),
    ] {
        let evs = events(text);
        assert_eq!(evs.len(), 1, "{evs:#?}");
        let p = evs[0].place.as_ref().unwrap();
        assert_eq!(p.name, seat, "{text}: {p:#?}");
        assert_eq!(p.precision, GeoPrecision::Point, "{text}: {p:#?}");
    }
}

#[test]
fn a_release_that_names_the_person_freed_takes_the_person_as_target() {
    for text in [
        "In January the government freed the opposition politician Ramon Ortega from a prison \
         in Managua.",
        "Ramon Ortega was freed in a prisoner swap in Managua on Saturday.",
    ] {
        let evs = events(text);
        let e = of_type(&evs, EventType::PrisonerRelease);
        assert_eq!(e.len(), 1, "{text}: {evs:#?}");
        assert!(
            e[0].targets.iter().any(|a| a.name == "Ramon Ortega"),
            "{text}: {evs:#?}"
        );
    }
}

#[test]
fn an_arrest_of_people_tied_to_a_group_takes_the_group_as_target() {
    let evs = events(
        "Soldiers detained dozens of men suspected of links to Islamic State in Mosul on \
         Saturday.",
    );
    let e = of_type(&evs, EventType::Arrest);
    assert_eq!(e.len(), 1, "{evs:#?}");
    assert_eq!(names(&e[0].targets), vec!["Islamic State"], "{evs:#?}");
}

#[test]
fn a_count_of_people_captured_is_no_ground_taken() {
    for text in [
        "The ministry said nine of its soldiers were killed and 14 captured near Kunduz on \
         Tuesday.",
        "Twenty soldiers were captured during the fighting near Kunduz on Tuesday.",
    ] {
        let evs = events(text);
        assert!(
            of_type(&evs, EventType::Seizure).is_empty(),
            "{text}: {evs:#?}"
        );
    }
    // towns counted, or fighters counted as the subject of an active verb, are ground taken
    for text in [
        "Two towns were captured by the rebels near Kunduz on Tuesday.",
        "About 200 fighters captured Kunduz on Tuesday.",
    ] {
        let evs = events(text);
        assert_eq!(
            of_type(&evs, EventType::Seizure).len(),
            1,
            "{text}: {evs:#?}"
        );
    }
}
