//! Tagger tests: the hand-labelled seed set and one test per rule family.

use super::*;
use crate::model::TimePrecision;
use std::path::PathBuf;

fn tagger() -> TimeTagger {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer");
    TimeTagger::load(&dir).expect("time lexicon loads")
}

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

const DCT: (i32, u32, u32) = (2021, 7, 8);

fn dct() -> Option<NaiveDate> {
    Some(d(DCT.0, DCT.1, DCT.2))
}

/// (text, value, precision) of every mention.
fn tag(t: &TimeTagger, s: &str) -> Vec<(String, String, Option<TimePrecision>)> {
    t.tag(s, dct())
        .into_iter()
        .map(|m| (m.text, m.value, m.date.map(|d| d.precision)))
        .collect()
}

fn one(t: &TimeTagger, s: &str, text: &str) -> TimeMention {
    let ms = t.tag(s, dct());
    ms.iter()
        .find(|m| m.text == text)
        .cloned()
        .unwrap_or_else(|| panic!("{text:?} not tagged in {s:?}: {ms:?}"))
}

#[test]
fn seed_tsv() {
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    let path = shared.join("eval/time/news_seed_dct2021-07-08.tsv");
    if !path.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let t = tagger();
    let text = std::fs::read_to_string(&path).unwrap();
    let mut n = 0;
    let mut failures = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (sentence, expr, value, precision) = (cols[0], cols[1], cols[2], cols[3]);
        n += 1;
        let start = sentence.find(expr).expect("expression in sentence");
        let span = Span::new(start, start + expr.len());
        let ms = t.tag(sentence, dct());
        let m = ms.iter().find(|m| m.span.overlaps(span));
        let no_date = value == "-"
            || value.ends_with("_REF")
            || precision == "inherit"
            || precision == "none";
        if no_date {
            if let Some(m) = m.filter(|m| m.date.is_some()) {
                failures.push(format!("{expr:?}: expected no date, got {m:?}"));
            }
            continue;
        }
        let Some(m) = m else {
            failures.push(format!("{expr:?} not tagged in {sentence:?}"));
            continue;
        };
        let value_ok = m.value == value || m.value.starts_with(&format!("{value}T"));
        let prec_ok = m.date.map(|d| d.precision) == TimePrecision::parse(precision);
        if !value_ok || !prec_ok {
            failures.push(format!(
                "{expr:?}: want {value} {precision}, got {} {:?}",
                m.value, m.date
            ));
        }
    }
    assert_eq!(n, 31, "seed rows");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn values(t: &TimeTagger, s: &str) -> Vec<(String, String)> {
    tag(t, s).into_iter().map(|(a, b, _)| (a, b)).collect()
}

/// (text, value) of each expression, the text read as a history (narrative mode).
fn history_values(t: &TimeTagger, s: &str) -> Vec<(String, String)> {
    t.tag_with(s, dct(), true)
        .into_iter()
        .map(|m| (m.text, m.value))
        .collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn explicit_dates_and_ranges() {
    let t = tagger();
    assert_eq!(
        values(&t, "It ended on July 7, 2021."),
        vec![pair("July 7, 2021", "2021-07-07")]
    );
    assert_eq!(
        values(&t, "Fighting on 7 July 2020 killed four."),
        vec![pair("7 July 2020", "2020-07-07")]
    );
    assert_eq!(
        values(&t, "The report (2021-07-07) said so."),
        vec![pair("2021-07-07", "2021-07-07")]
    );
    assert_eq!(
        values(&t, "Talks ran June 3-5 in Doha."),
        vec![pair("June 3-5", "2021-06-03")]
    );
    assert_eq!(
        values(&t, "The raid came on Sept. 30."),
        vec![pair("Sept. 30", "2020-09-30")]
    );
    assert_eq!(
        values(&t, "from Monday 22 March 2021"),
        vec![pair("Monday 22 March 2021", "2021-03-22")]
    );
    assert_eq!(
        values(&t, "in March 2019 and in 2018"),
        vec![pair("March 2019", "2019-03"), pair("2018", "2018")]
    );
    assert_eq!(
        values(&t, "on Friday, July 2, the army left"),
        vec![pair("Friday, July 2", "2021-07-02")]
    );
    assert_eq!(
        values(&t, "June last year"),
        vec![pair("June last year", "2020-06")]
    );
    let m = one(&t, "It began on June 30.", "June 30");
    assert_eq!(m.anchor, Anchor::Dct);
    assert_eq!(
        one(&t, "It began on June 30, 2021.", "June 30, 2021").anchor,
        Anchor::None
    );
}

#[test]
fn months_seasons_years_decades() {
    let t = tagger();
    assert_eq!(
        values(&t, "The town fell in the summer of 2019."),
        vec![pair("the summer of 2019", "2019-SU")]
    );
    assert_eq!(
        values(&t, "They attacked last winter."),
        vec![pair("last winter", "2020-WI")]
    );
    assert_eq!(
        values(&t, "Unrest in the 1990s"),
        vec![pair("the 1990s", "199")]
    );
    assert_eq!(
        values(&t, "Unrest in the mid-1990s and in 1980s Beirut"),
        vec![pair("the mid-1990s", "199"), pair("1980s", "198X")]
    );
    assert_eq!(
        values(&t, "Wars of the last decade"),
        vec![pair("the last decade", "201")]
    );
    assert_eq!(
        values(&t, "Since early 2020 the group has grown."),
        vec![pair("early 2020", "2020")]
    );
    assert_eq!(values(&t, "the 1996 bombing"), vec![pair("1996", "1996")]);
    assert_eq!(
        values(&t, "Profit fell in the third quarter."),
        vec![pair("the third quarter", "2021-Q3")]
    );
    // (the month's date lies in the part named: late June is dated the 25th, at month precision)
    let m = one(&t, "The rebels withdrew in late June.", "late June");
    assert_eq!(m.date.unwrap().date, d(2021, 6, 25));
}

#[test]
fn weekdays_by_tense() {
    let t = tagger();
    assert_eq!(
        values(&t, "Rebels attacked on Friday."),
        vec![pair("Friday", "2021-07-02")]
    );
    assert_eq!(
        values(&t, "Talks will resume on Friday."),
        vec![pair("Friday", "2021-07-09")]
    );
    assert_eq!(
        values(&t, "The envoy said Thursday that..."),
        vec![pair("Thursday", "2021-07-08")]
    );
    assert_eq!(
        values(&t, "It happened last Thursday."),
        vec![pair("last Thursday", "2021-07-01")]
    );
    assert_eq!(
        values(&t, "They meet next Monday."),
        vec![pair("next Monday", "2021-07-12")]
    );
    assert_eq!(
        values(&t, "Shelling on Tuesday night"),
        vec![pair("Tuesday night", "2021-07-06")]
    );
    // a cue inside a later subordinate clause does not make the weekday future
    assert_eq!(
        values(
            &t,
            "He told reporters earlier Thursday that he was planning a visit."
        ),
        vec![pair("Thursday", "2021-07-08")]
    );
    assert_eq!(
        values(&t, "The offer expires at 5 p.m. EDT July 9, 2021."),
        vec![pair("5 p.m. EDT July 9, 2021", "2021-07-09T17:00")]
    );
    assert_eq!(
        values(&t, "a raid at 9 a.m. Tuesday"),
        vec![pair("9 a.m. Tuesday", "2021-07-06T09:00")]
    );
}

#[test]
fn deadlines_and_multiword_future_cues() {
    let t = tagger();
    // a weekday after a deadline preposition is the next one
    assert_eq!(
        values(
            &t,
            "Officials gave the families until 9 a.m. Tuesday to sign."
        ),
        vec![pair("9 a.m. Tuesday", "2021-07-13T09:00")]
    );
    // a month after a deadline is the one nearest the DCT
    assert_eq!(
        values(&t, "The program to repay the loan by January"),
        vec![pair("January", "2022-01")]
    );
    assert_eq!(
        values(&t, "Fighting lasted until May."),
        vec![pair("May", "2021-05")]
    );
    assert_eq!(
        values(&t, "Until Thursday, they had not named a suspect."),
        vec![pair("Thursday", "2021-07-08")]
    );
    assert_eq!(
        values(&t, "He could arrive as early as Tuesday."),
        vec![pair("Tuesday", "2021-07-13")]
    );
    assert_eq!(
        values(&t, "The company is to resume trading in Paris Tuesday."),
        vec![pair("Tuesday", "2021-07-13")]
    );
    assert_eq!(
        values(&t, "The dividend is payable Jan. 2 to holders."),
        vec![pair("Jan. 2", "2022-01-02")]
    );
    // "the plan" is a noun, not a future cue
    assert_eq!(
        values(&t, "The board announced the plan June 21."),
        vec![pair("June 21", "2021-06-21")]
    );
}

#[test]
fn future_auxiliary_far_back_in_the_clause() {
    let t = tagger();
    // "will" fifteen tokens before the month, no past verb between
    assert_eq!(
        values(
            &t,
            "Two judges will be named to the board of the regional water authority for a term in March."
        ),
        vec![pair("March", "2022-03")]
    );
    // a past verb near the month keeps it past, whatever comes further back
    assert_eq!(
        values(
            &t,
            "Critics will recall that the board of the regional water authority raised the tariff in March."
        ),
        vec![pair("March", "2021-03")]
    );
}

#[test]
fn fronted_weekday_takes_the_tense_after_the_comma() {
    let t = tagger();
    assert_eq!(
        values(
            &t,
            "On Tuesday, the dockworkers' union plans to stage a strike."
        ),
        vec![pair("Tuesday", "2021-07-13")]
    );
    assert_eq!(
        values(
            &t,
            "On Tuesday, the dockworkers' union planned to stage a strike."
        ),
        vec![pair("Tuesday", "2021-07-06")]
    );
    // "holiday plans" is a noun: the clause's verb is past
    assert_eq!(
        values(
            &t,
            "On Friday, when the minister set aside his holiday plans, crowds gathered."
        ),
        vec![pair("Friday", "2021-07-02")]
    );
    assert_eq!(
        values(&t, "Also Sunday, the mayor will open the bridge."),
        vec![pair("Sunday", "2021-07-11")]
    );
}

/// `PROBE_DCT=2021-07-08 PROBE="text" cargo test --lib time::tests::probe -- --ignored --nocapture`
#[test]
#[ignore]
fn probe() {
    let t = tagger();
    let text = std::env::var("PROBE").unwrap_or_default();
    let dct = std::env::var("PROBE_DCT")
        .ok()
        .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    for m in t.tag(&text, dct) {
        println!("{:?} {:?} {} {:?}", m.text, m.timex_type, m.value, m.anchor);
    }
}

#[test]
fn deictic_and_offsets() {
    let t = tagger();
    assert_eq!(
        values(&t, "Today and tomorrow"),
        vec![pair("Today", "2021-07-08"), pair("tomorrow", "2021-07-09")]
    );
    assert_eq!(
        values(&t, "Troops left two days ago."),
        vec![pair("two days ago", "2021-07-06")]
    );
    assert_eq!(
        values(&t, "Rebels struck overnight."),
        vec![pair("overnight", "2021-07-07TNI")]
    );
    assert_eq!(
        values(&t, "It came late last month."),
        vec![pair("late last month", "2021-06")]
    );
    assert_eq!(
        values(&t, "They plan talks early next year."),
        vec![pair("early next year", "2022")]
    );
    assert_eq!(values(&t, "a year ago"), vec![pair("a year ago", "2020")]);
    assert_eq!(
        values(
            &t,
            "More raids are likely in the coming days; days ago, a convoy was hit."
        ),
        vec![
            pair("the coming days", "FUTURE_REF"),
            pair("days ago", "PAST_REF")
        ]
    );
    assert_eq!(
        one(&t, "Troops left two days ago.", "two days ago").anchor,
        Anchor::Dct
    );
}

#[test]
fn previous_anchoring() {
    let t = tagger();
    let s = "The siege began on March 3, 2020. The next day, the town fell. Three days later the army returned.";
    assert_eq!(
        values(&t, s),
        vec![
            pair("March 3, 2020", "2020-03-03"),
            pair("The next day", "2020-03-04"),
            pair("Three days later", "2020-03-07")
        ]
    );
    assert_eq!(
        values(
            &t,
            "The truce began on June 30, 2021. The previous Friday was calm."
        ),
        vec![
            pair("June 30, 2021", "2021-06-30"),
            pair("The previous Friday", "2021-06-25")
        ]
    );
    let m = one(&t, s, "Three days later");
    assert_eq!(m.anchor, Anchor::Previous);
    assert_eq!(
        values(
            &t,
            "Militants attacked on May 2, 2021. The previous day was calm."
        ),
        vec![
            pair("May 2, 2021", "2021-05-02"),
            pair("The previous day", "2021-05-01")
        ]
    );
    // no DCT: absolute dates resolve, DCT-relative ones get no date, previous-anchored ones do
    let ms = t.tag(
        "On June 30, 2021 it began; yesterday it ended; two days later...",
        None,
    );
    assert_eq!(ms[0].date.unwrap().date, d(2021, 6, 30));
    assert_eq!(ms[1].text, "yesterday");
    assert_eq!(ms[1].date, None);
    assert_eq!(ms[1].anchor, Anchor::None);
    assert_eq!(ms[2].date.unwrap().date, d(2021, 7, 2));
}

#[test]
fn previous_anchoring_skips_background_periods() {
    let t = tagger();
    // a background year between the story's day and "the next day" is not the anchor
    let s = "On Wednesday rebels seized the town, which troops had retaken in 2016. \
             The next day, the army shelled it. A week later, talks began.";
    assert_eq!(
        values(&t, s),
        vec![
            pair("Wednesday", "2021-07-07"),
            pair("2016", "2016"),
            pair("The next day", "2021-07-08"),
            pair("A week later", "2021-W28")
        ]
    );
    assert_eq!(one(&t, s, "The next day").anchor, Anchor::Previous);
    // with no day-precise date before, a day offset after a year is a day of that year (as
    // TimeML anchors it on the last date), not the day after the DCT
    let s = "The group was founded in 2009. The next day is not the point; hours after the \
             raid, police came.";
    let m = one(&t, s, "The next day");
    assert_eq!(m.value, "2009-XX-XX");
    assert_eq!(m.anchor, Anchor::Previous);
    // a year offset after a year is still anchored on it
    assert_eq!(
        values(
            &t,
            "The war began in 2014. A year later, a truce was signed."
        ),
        vec![pair("2014", "2014"), pair("A year later", "2015")]
    );
}

#[test]
fn spelled_out_years() {
    let t = tagger();
    assert_eq!(
        values(
            &t,
            "In January nineteen ninety-seven and in nineteen eighty, before the year two thousand, two thousand troops came."
        ),
        vec![
            pair("January nineteen ninety-seven", "1997-01"),
            pair("nineteen eighty", "1980"),
            pair("the year two thousand", "2000")
        ]
    );
    assert_eq!(
        values(&t, "the winter of nineteen ninety-four; nineteen soldiers"),
        vec![pair("the winter of nineteen ninety-four", "1994-WI")]
    );
}

#[test]
fn centuries_decade_words_and_year_lists() {
    let t = tagger();
    assert_eq!(
        values(
            &t,
            "Since the 20th century and the nineties, in his sixties"
        ),
        vec![pair("the 20th century", "19"), pair("the nineties", "199")]
    );
    assert_eq!(
        values(&t, "in the 4th century BC"),
        vec![pair("the 4th century BC", "BC03")]
    );
    assert_eq!(
        values(
            &t,
            "earnings in both 1990 and 1991; visits in 1994, 1995 and 1997; bonds due 1993"
        ),
        vec![
            pair("1990", "1990"),
            pair("1991", "1991"),
            pair("1994", "1994"),
            pair("1995", "1995"),
            pair("1997", "1997"),
            pair("1993", "1993")
        ]
    );
    // a quantity is no year
    assert_eq!(values(&t, "it sold 1200 units"), vec![]);
}

#[test]
fn halves_quarters_and_present() {
    let t = tagger();
    assert_eq!(
        values(
            &t,
            "It took 5 1/2 hours, then two and a half years, and a minute and a half."
        ),
        vec![
            pair("5 1/2 hours", "PT5H30M"),
            pair("two and a half years", "P2Y6M"),
            pair("a minute and a half", "PT1M30S")
        ]
    );
    assert_eq!(
        values(
            &t,
            "Profit fell in the past two quarters and in coming quarters; he won three quarters of the vote. These days it is calm."
        ),
        vec![
            pair("the past two quarters", "P2Q"),
            pair("coming quarters", "FUTURE_REF"),
            pair("These days", "PRESENT_REF")
        ]
    );
    assert_eq!(
        values(
            &t,
            "Sales rose in the third quarter. In the latest period costs fell, as in the same period last year; a period of calm."
        ),
        vec![
            pair("the third quarter", "2021-Q3"),
            pair("the latest period", "2021-Q2"),
            pair("the same period last year", "2020-Q2")
        ]
    );
    assert_eq!(
        values(&t, "Floods come each July; every period of calm ends."),
        vec![pair("each July", "XXXX-07")]
    );
    assert_eq!(
        values(&t, "They met at midday."),
        vec![pair("midday", "2021-07-08T12:00")]
    );
}

#[test]
fn holidays() {
    let t = tagger();
    assert_eq!(
        values(
            &t,
            "Rebels attacked on Easter Sunday; last Christmas was quiet; the vote falls on Election Day."
        ),
        vec![
            pair("Easter Sunday", "2021-04-04"),
            pair("last Christmas", "2020-12-25"),
            pair("Election Day", "2021-11-02")
        ]
    );
    assert_eq!(
        values(
            &t,
            "Talks will resume after Thanksgiving, as on Christmas Eve 2019."
        ),
        vec![
            pair("Thanksgiving", "2021-11-25"),
            pair("Christmas Eve 2019", "2019-12-24")
        ]
    );
    // not a holiday: lower case, or without "Day"
    assert_eq!(
        values(&t, "the election commission; Labor Party; easter eggs"),
        vec![]
    );
}

#[test]
fn recent_periods() {
    let t = tagger();
    assert_eq!(
        values(&t, "Clashes grew in recent weeks, as in recent years."),
        vec![
            pair("recent weeks", "PXW"),
            pair("recent years", "PAST_REF")
        ]
    );
    assert_eq!(
        values(&t, "in recent weeks and months"),
        vec![pair("recent weeks", "PAST_REF")]
    );
}

#[test]
fn the_year_and_fiscal_years() {
    let t = tagger();
    assert_eq!(
        values(
            &t,
            "Sales for the full year rose; by the end of the year, the current fiscal year"
        ),
        vec![
            pair("the full year", "2021"),
            pair("the end of the year", "2021"),
            pair("the current fiscal year", "2021")
        ]
    );
    assert_eq!(
        values(
            &t,
            "Talks resume at the end of the month; the month-long siege; the month before"
        ),
        // "month-long" is a duration (TIMEX3), not "the month"
        vec![
            pair("the end of the month", "2021-07"),
            pair("month-long", "P1M")
        ]
    );
    assert_eq!(
        values(&t, "Profit in the year ended June 30 rose."),
        vec![pair("the year", "P1Y"), pair("June 30", "2021-06-30")]
    );
    assert_eq!(
        values(&t, "Results for the latest fiscal year"),
        vec![pair("the latest fiscal year", "2020")]
    );
}

#[test]
fn current_as_an_adjective() {
    let t = tagger();
    // an attributive "current" is the present; "then current" the present of the past
    assert_eq!(
        values(&t, "He entered his current position in April."),
        vec![pair("current", "PRESENT_REF"), pair("April", "2021-04")]
    );
    assert_eq!(
        values(&t, "Shares were sold at the then current price."),
        vec![pair("then current", "PAST_REF")]
    );
    // a period after it is the period's ("the current quarter"), a noun "current" no time
    assert_eq!(
        values(&t, "Sales in the current quarter rose."),
        vec![pair("the current quarter", "2021-Q3")]
    );
    assert_eq!(
        values(&t, "Results for the current fiscal year"),
        vec![pair("the current fiscal year", "2021")]
    );
    assert!(t.tag("The current of the river rose.", dct()).is_empty());
    assert!(t.tag("They swam against the current.", dct()).is_empty());
}

#[test]
fn added_quantities_are_durations() {
    let t = tagger();
    assert_eq!(
        values(
            &t,
            "Troops stay for two more weeks, then an additional year."
        ),
        vec![
            pair("two more weeks", "P2W"),
            pair("an additional year", "P1Y")
        ]
    );
    assert_eq!(
        values(
            &t,
            "Eight trading days after the crash, it recovered in five business days."
        ),
        vec![
            pair("Eight trading days", "P8D"),
            pair("five business days", "P5D")
        ]
    );
    // bare plural units after "for", "within", "in": vague durations
    assert_eq!(
        values(&t, "Troops came within weeks, the first time in years."),
        vec![pair("weeks", "PXW"), pair("years", "PXY")]
    );
    // "day-long", "decades-long": durations (vague decades in years, as TimeBank has it)
    assert_eq!(
        values(
            &t,
            "After a day-long meeting they ended a decades-long feud."
        ),
        vec![pair("day-long", "P1D"), pair("decades-long", "PXY")]
    );
    // "over the years": a vague duration
    assert_eq!(
        values(&t, "Over the years the feud deepened."),
        vec![pair("the years", "PXY")]
    );
    // "more than" is no added quantity (it is the duration's modifier, inside its extent)
    assert_eq!(
        values(&t, "The siege lasted more than two years."),
        vec![pair("more than two years", "P2Y")]
    );
}

#[test]
fn parts_of_days() {
    let t = tagger();
    // a part of a deictic day, of the day in force, the morning after it
    assert_eq!(
        values(&t, "Shares fell at mid-afternoon yesterday."),
        vec![pair("mid-afternoon yesterday", "2021-07-07TAF")]
    );
    assert_eq!(
        values(
            &t,
            "On Monday the court met. By mid afternoon it had ruled."
        ),
        vec![
            pair("Monday", "2021-07-05"),
            pair("mid afternoon", "2021-07-05TAF")
        ]
    );
    assert_eq!(
        values(
            &t,
            "He was arrested on Monday and appeared in court the next morning."
        ),
        vec![
            pair("Monday", "2021-07-05"),
            pair("the next morning", "2021-07-06TMO")
        ]
    );
    // "the previous evening", "the night before" (ending a clause): the day before's
    assert_eq!(
        values(
            &t,
            "The mayor resigned on Monday. Guards had left the depot the previous evening."
        ),
        vec![
            pair("Monday", "2021-07-05"),
            pair("the previous evening", "2021-07-04TEV")
        ]
    );
    assert_eq!(
        values(
            &t,
            "The ferry sank on Monday. Its crew had quarrelled the night before."
        ),
        vec![
            pair("Monday", "2021-07-05"),
            pair("the night before", "2021-07-04TNI")
        ]
    );
    // a bare part of the day is no time expression
    assert!(t.tag("He jogs in the morning.", dct()).is_empty());
}

#[test]
fn pairs_of_days() {
    let t = tagger();
    // "April 24 and 25": two dates; a year after the pair is both days'
    assert_eq!(
        values(&t, "The summit met on April 24 and 25."),
        vec![pair("April 24", "2021-04-24"), pair("25", "2021-04-25")]
    );
    assert_eq!(
        values(
            &t,
            "Talks were held on March 7 and 8, 2019. The next day it rained."
        ),
        vec![
            pair("March 7", "2019-03-07"),
            pair("8, 2019", "2019-03-08"),
            pair("The next day", "2019-03-09")
        ]
    );
    // a number of things after "and" is no day
    assert_eq!(
        values(&t, "On June 3 and 25 soldiers died."),
        vec![pair("June 3", "2021-06-03")]
    );
}

#[test]
fn year_end() {
    let t = tagger();
    // the end of the year: the year (TIMEX3 mod END), last year's in a past clause
    assert_eq!(
        values(&t, "It expects to close the deal by year-end."),
        vec![pair("year-end", "2021")]
    );
    assert_eq!(
        values(&t, "Hiring should resume by year's end."),
        vec![pair("year's end", "2021")]
    );
    assert_eq!(
        values(&t, "The index has fallen 5% since year-end."),
        vec![pair("year-end", "2020")]
    );
    // an adjective without a preposition is no time expression
    assert!(t.tag("Its year-end net was higher.", dct()).is_empty());
}

#[test]
fn durations_sets_and_ages_are_not_dates() {
    let t = tagger();
    let ms = t.tag(
        "The siege lasted for three days and the two-year war goes on.",
        dct(),
    );
    assert_eq!(ms.len(), 2);
    assert!(ms
        .iter()
        .all(|m| m.date.is_none() && m.timex_type == TimexType::Duration));
    assert_eq!(ms[0].value, "P3D");
    assert_eq!(ms[1].value, "P2Y");
    let ms = t.tag("Protests happen every Friday and patrols run daily.", dct());
    assert_eq!(ms.len(), 2);
    assert!(ms
        .iter()
        .all(|m| m.date.is_none() && m.timex_type == TimexType::Set));
    assert_eq!(ms[0].value, "XXXX-WXX-5");
    // ages are consumed and never reported, let alone dated
    assert!(t
        .tag("A 21-year-old man and a woman, 45 years old, died.", dct())
        .is_empty());
    assert_eq!(
        values(&t, "for the past two months"),
        vec![pair("the past two months", "P2M")]
    );
    assert_eq!(
        values(&t, "within 24 hours"),
        vec![pair("24 hours", "PT24H")]
    );
}

#[test]
fn false_friends() {
    let t = tagger();
    // modal "may", a person called May, "March" as a verb, the Sun newspaper
    assert!(t
        .tag("Rebels may attack the town, May said.", dct())
        .is_empty());
    assert!(t
        .tag("Thousands will march on the capital.", dct())
        .is_empty());
    assert!(t
        .tag("Protesters plan to March to parliament.", dct())
        .is_empty());
    assert!(t.tag("The Sun reported the attack.", dct()).is_empty());
    // ordinals and quantities
    assert!(t
        .tag("The 2nd Battalion lost 2000 men and 1,500 vehicles.", dct())
        .is_empty());
    assert!(t
        .tag("It cost $2019 and 2020 people fled.", dct())
        .is_empty());
    assert!(t.tag("Prices fall in spring markets.", dct()).is_empty());
    assert!(t.tag("The fall of Kunduz shocked Kabul.", dct()).is_empty());
    assert!(t.tag("It airs from 1130 to 1215 GMT.", dct()).is_empty());
    assert!(t
        .tag("Dealers blamed the fall in value of the bonds.", dct())
        .is_empty());
    assert_eq!(
        values(&t, "Talks resume in the fall."),
        vec![pair("the fall", "2021-FA")]
    );
    assert!(t.tag("Qal'ah-ye Now lies west of Herat.", dct()).is_empty());
    assert!(t.tag("A mayor and a dayton official", dct()).is_empty());
    // but the month is found where it is one
    assert_eq!(
        values(&t, "Fighting resumed in May."),
        vec![pair("May", "2021-05")]
    );
    assert_eq!(
        values(&t, "On March 3 the army advanced."),
        vec![pair("March 3", "2021-03-03")]
    );
}

#[test]
fn titles_and_names_are_not_times() {
    let t = tagger();
    // capitalised time nouns inside a programme or film title
    assert!(t
        .tag("Baker said on ABC's \"This Week\" that talks go on.", dct())
        .is_empty());
    assert!(t.tag("It was like the film High Noon.", dct()).is_empty());
    assert!(t.tag("This is VOA Today.", dct()).is_empty());
    // a sentence-initial capital, a holiday name and plain lowercase stay times
    assert_eq!(
        values(&t, "Today the army advanced. This week it halted."),
        vec![pair("Today", "2021-07-08"), pair("This week", "2021-W27")]
    );
    assert_eq!(
        values(&t, "Polls open on Election Day 2020."),
        vec![pair("Election Day 2020", "2020-11-03")]
    );
}

#[test]
fn dateline_year_carries_without_dct_but_background_years_do_not() {
    let t = tagger();
    let s = "KABUL, August 8, 2021 - Fighting raged. The city fell in 2015. Troops leave by the end of August.";
    let ms = t.tag(s, None);
    let end = ms.iter().find(|m| m.text == "the end of August").unwrap();
    assert_eq!(end.value, "2021-08");
    assert_eq!(end.anchor, Anchor::Previous);
    // with a DCT, news dates without a year go by the DCT and tense
    let ms = t.tag("The city fell in 2015. In June, troops left.", dct());
    assert_eq!(ms[1].value, "2021-06");
    // narrative mode (histories): the year in force carries, in chronological order
    let ms = t.tag_with(
        "In December 1941 Japan attacked. In January the Allies met.",
        dct(),
        true,
    );
    assert_eq!(ms[1].value, "1942-01");
}

#[test]
fn spans_are_byte_offsets() {
    let t = tagger();
    let s = "Qal‘ah-ye Now fell on 7 July.";
    let ms = t.tag(s, dct());
    assert_eq!(ms.len(), 1);
    assert_eq!(&s[ms[0].span.start..ms[0].span.end], "7 July");
}

#[test]
fn quarters_and_year_ago_periods() {
    let t = tagger();
    let d0 = Some(d(1989, 10, 26));
    let v = |s: &str| -> Vec<(String, String)> {
        t.tag(s, d0)
            .into_iter()
            .map(|m| (m.text, m.value))
            .collect()
    };
    assert_eq!(
        v("Profit rose in the third quarter, up from a year ago."),
        vec![
            pair("the third quarter", "1989-Q3"),
            pair("a year ago", "1988-Q3")
        ]
    );
    assert_eq!(
        v("Profit rose in the third quarter. In the year-ago period it fell."),
        vec![
            pair("the third quarter", "1989-Q3"),
            pair("the year-ago period", "1988-Q3")
        ]
    );
    assert_eq!(
        v("For the quarter a year ago, it earned more."),
        vec![pair("the quarter a year ago", "1988-Q3")]
    );
    assert_eq!(
        v("Sales in the latest quarter rose."),
        vec![pair("the latest quarter", "1989-Q3")]
    );
    assert_eq!(
        v("The current quarter began well."),
        vec![pair("The current quarter", "1989-Q4")]
    );
    assert_eq!(
        v("Net sales for this year's third quarter fell."),
        vec![pair("this year's third quarter", "1989-Q3")]
    );
    assert_eq!(
        v("in the 1988 second quarter"),
        vec![pair("the 1988 second quarter", "1988-Q2")]
    );
    assert_eq!(
        v("Sales rose in the third quarter; sales for last year's quarter were lower."),
        vec![
            pair("the third quarter", "1989-Q3"),
            pair("last year's quarter", "1988-Q3")
        ]
    );
}

#[test]
fn participles_past_plans_and_through() {
    let t = tagger();
    let d0 = Some(d(1989, 10, 30)); // a Monday
    let v = |s: &str| -> Vec<(String, String)> {
        t.tag(s, d0)
            .into_iter()
            .map(|m| (m.text, m.value))
            .collect()
    };
    // "to be published" is no past tense: the November ahead
    assert_eq!(
        v("Guidelines to be published in early November will decide it."),
        vec![pair("early November", "1989-11")]
    );
    // but a plain past participle still is
    assert_eq!(
        v("The guidelines published in early November changed it."),
        vec![pair("early November", "1988-11")]
    );
    // "had been scheduled", "as previously planned": a plan in the past
    assert_eq!(
        v("The offer had been scheduled to expire Friday."),
        vec![pair("Friday", "1989-10-27")]
    );
    assert_eq!(
        v("The offer is scheduled to expire Friday."),
        vec![pair("Friday", "1989-11-03")]
    );
    // "through January": a deadline, the January nearest the DCT
    assert_eq!(
        v("It lends up to $90 million through January."),
        vec![pair("January", "1990-01")]
    );
}

#[test]
fn adjectival_year_ago_keeps_a_period_already_a_year_back() {
    let t = tagger();
    let d0 = Some(d(1989, 10, 30));
    let v = |s: &str| -> Vec<(String, String)> {
        t.tag(s, d0)
            .into_iter()
            .map(|m| (m.text, m.value))
            .collect()
    };
    // the period in force is last year's: "year-earlier" is that year
    assert_eq!(
        v("Last year, net was $2 million. The year-earlier results were restated."),
        vec![pair("Last year", "1988"), pair("year-earlier", "1988")]
    );
    // the period in force is this year's: a year before it
    assert_eq!(
        v("In 1989 net rose. The year-earlier results were restated."),
        vec![pair("1989", "1989"), pair("year-earlier", "1988")]
    );
    // "a year earlier" as an adverb still moves back a year
    assert_eq!(
        v("Last year, net rose. A year earlier it fell."),
        vec![pair("Last year", "1988"), pair("A year earlier", "1987")]
    );
}

#[test]
fn reporting_period_in_force_survives_a_day() {
    // a day ("ended Sept. 29") between the reported quarter and "the 1988 period" / "the
    // quarter" does not replace the period in force; a comparison period does not become it
    let t = tagger();
    let d0 = Some(d(1989, 10, 26));
    let v: Vec<(String, String)> = t
        .tag(
            "Net rose in the fiscal first quarter ended Sept. 29. In the 1988 period it fell. \
             It shipped more in the quarter.",
            d0,
        )
        .into_iter()
        .map(|m| (m.text, m.value))
        .collect();
    assert_eq!(
        v,
        vec![
            pair("the fiscal first quarter", "1989-Q1"),
            pair("Sept. 29", "1989-09-29"),
            pair("the 1988 period", "1988-Q1"),
            pair("the quarter", "1989-Q1"),
        ]
    );
    // the quarter reported is the first named: an aside about another quarter or an
    // outlook does not replace it
    let v: Vec<String> = t
        .tag(
            "Net rose in the third quarter. After a flat second quarter, sales grew; \
             next year's first quarter looks weak. In the 1988 period net fell.",
            d0,
        )
        .into_iter()
        .map(|m| m.value)
        .collect();
    assert_eq!(v, vec!["1989-Q3", "1989-Q2", "1990-Q1", "1988-Q3"]);
    // "a year ago" / "a year earlier" after the day the quarter ended: that quarter
    for s in [
        "Net rose in the fiscal first quarter ended Sept. 29, from $3 million a year ago.",
        "Net rose in the fiscal first quarter ended Sept. 29, from $3 million a year earlier.",
    ] {
        let v: Vec<String> = t.tag(s, d0).into_iter().map(|m| m.value).collect();
        assert_eq!(v, vec!["1989-Q1", "1989-09-29", "1988-Q1"], "{s}");
    }
}

#[test]
#[ignore]
fn dump_seed() {
    let t = tagger();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/eval/time/news_seed_dct2021-07-08.tsv"
    ))
    .unwrap();
    for line in text.lines().skip(2) {
        let s = line.split('\t').next().unwrap();
        println!("{s}\n   {:?}", tag(&t, s));
    }
}

/// Throughput on news text: `cargo test --release --lib time::tests::throughput -- --ignored --nocapture`
/// (reads the first 3000 articles of `../shared/corpus/news.jsonl.xz` through `xz -dc`).
#[test]
#[ignore]
fn throughput() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/news.jsonl.xz"
    );
    if !Path::new(path).exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "xz -dc {path} | head -n {}",
            std::env::var("TIME_BENCH_LINES").unwrap_or_else(|_| "3000".into())
        ))
        .output()
        .expect("xz runs");
    let docs: Vec<(String, Option<NaiveDate>)> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let text = v["text"].as_str().unwrap_or("").to_string();
            let dct = v["published"]
                .as_str()
                .and_then(|s| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok());
            (text, dct)
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let t = tagger();
    let mut runs = Vec::new();
    let mut mentions = 0;
    for _ in 0..3 {
        let start = std::time::Instant::now();
        mentions = docs
            .iter()
            .map(|(text, dct)| t.tag(text, *dct).len())
            .sum::<usize>();
        runs.push(start.elapsed().as_secs_f64());
    }
    runs.sort_by(|a, b| a.total_cmp(b));
    let median = runs[1];
    println!(
        "{} docs, {:.1} MB, {mentions} mentions; median of 3: {:.3}s = {:.1} MB/s (single thread)",
        docs.len(),
        bytes as f64 / 1e6,
        median,
        bytes as f64 / 1e6 / median
    );
}

/// Prints the mentions of the dev articles: `cargo test --lib time::tests::dump_dev -- --ignored --nocapture`
#[test]
#[ignore]
fn dump_dev() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/eval/dev/articles.jsonl"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let t = tagger();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let body = v["text"].as_str().unwrap_or("");
        let dct = v["published"]
            .as_str()
            .and_then(|s| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok());
        println!("## {} {:?}", v["id"], dct);
        for m in t.tag(body, dct) {
            let lo = crate::time::floor_boundary(body, m.span.start.saturating_sub(50));
            let hi = crate::time::ceil_boundary(body, (m.span.end + 30).min(body.len()));
            println!(
                "  {:<28} {:<14} {:?} {:?}   | {}",
                m.text,
                m.value,
                m.date.map(|d| d.precision),
                m.anchor,
                body[lo..hi].replace('\n', " ")
            );
        }
    }
}

/// Prints a sample of corpus mentions: `cargo test --release --lib time::tests::dump_corpus -- --ignored --nocapture`
#[test]
#[ignore]
fn dump_corpus() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/news.jsonl.xz"
    );
    let Ok(out) = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("xz -dc {path} | head -n 400"))
        .output()
    else {
        return;
    };
    let t = tagger();
    let mut k = 0usize;
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let body = v["text"].as_str().unwrap_or("");
        let dct = v["published"]
            .as_str()
            .and_then(|s| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok());
        for m in t.tag(body, dct) {
            k += 1;
            if k % 17 != 3 {
                continue;
            }
            let lo = crate::time::floor_boundary(body, m.span.start.saturating_sub(50));
            let hi = crate::time::ceil_boundary(body, (m.span.end + 30).min(body.len()));
            println!(
                "{:?} {:<24} {:<14} {:?} | {}",
                dct,
                m.text,
                m.value,
                m.anchor,
                body[lo..hi].replace('\n', " ")
            );
        }
    }
}

#[test]
fn load_reports_missing_or_bad_lexicon() {
    let dir = std::env::temp_dir().join(format!("frontline-time-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    assert!(matches!(
        TimeTagger::load(&dir),
        Err(crate::Error::Io { .. })
    ));
    std::fs::write(
        dir.join(LEXICON_FILE),
        "word\tclass\tvalue\nmay\tmonthly\t5\n",
    )
    .unwrap();
    assert!(matches!(
        TimeTagger::load(&dir),
        Err(crate::Error::Gazetteer { .. })
    ));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn halves_of_a_named_year() {
    let t = tagger();
    assert_eq!(
        values(&t, "Sales should recover in the second half of 2022."),
        vec![pair("the second half of 2022", "2022-H2")]
    );
    assert_eq!(
        values(&t, "Margins were thin during the first half of 2019."),
        vec![pair("the first half of 2019", "2019-H1")]
    );
    assert_eq!(
        values(
            &t,
            "Losses will last through the first two quarters of 2023."
        ),
        vec![pair("the first two quarters of 2023", "2023-H1")]
    );
}

#[test]
fn the_past_year_is_the_year_before() {
    let t = tagger();
    assert_eq!(
        values(&t, "Attacks doubled over the past year, officials said."),
        vec![pair("the past year", "2020")]
    );
    // other units stay durations
    assert_eq!(
        values(&t, "Attacks doubled over the past month."),
        vec![pair("the past month", "P1M")]
    );
}

#[test]
fn year_ago_comparison_of_a_longer_period() {
    let t = tagger();
    let d0 = Some(d(1989, 10, 26));
    let v: Vec<(String, String)> = t
        .tag(
            "The mill earned $5 million in the third quarter, up from $4 million a year \
             earlier. For the nine months, it earned $12 million, against $10 million a year \
             earlier.",
            d0,
        )
        .into_iter()
        .map(|m| (m.text, m.value))
        .collect();
    assert_eq!(
        v,
        vec![
            pair("the third quarter", "1989-Q3"),
            pair("a year earlier", "1988-Q3"),
            pair("the nine months", "P9M"),
            pair("a year earlier", "1988"),
        ]
    );
}

#[test]
fn possessive_weekday_is_a_day_passed() {
    let t = tagger();
    // DCT Thursday 2021-07-08: the clause's "would" does not move "Tuesday's ruling" ahead
    assert_eq!(
        values(&t, "The family said it would appeal Tuesday's ruling."),
        vec![pair("Tuesday", "2021-07-06")]
    );
    assert_eq!(
        values(&t, "The family said it would appeal on Tuesday."),
        vec![pair("Tuesday", "2021-07-13")]
    );
}

#[test]
fn extent_of_modifiers_and_articles() {
    let t = tagger();
    assert_eq!(
        values(&t, "The convoy waited nearly two hours at the gate."),
        vec![pair("nearly two hours", "PT2H")]
    );
    assert_eq!(
        values(&t, "Talks lasted at least three days."),
        vec![pair("at least three days", "P3D")]
    );
    assert_eq!(
        values(&t, "They held him for no more than ten days."),
        vec![pair("no more than ten days", "P10D")]
    );
    assert_eq!(
        values(&t, "Revenue rose in fiscal 2020, the ministry said."),
        vec![pair("fiscal 2020", "2020")]
    );
    // the article of the noun a hyphenated expression modifies stays out
    assert_eq!(
        values(&t, "The rebels agreed to the 30-day truce."),
        vec![pair("30-day", "P30D")]
    );
}

#[test]
fn week_of_a_day() {
    let t = tagger();
    assert_eq!(
        values(
            &t,
            "A hearing is set for the week of July 19, officials said."
        ),
        vec![pair("the week of July 19", "2021-W29")]
    );
}

#[test]
fn rates_are_sets() {
    let t = tagger();
    assert_eq!(
        values(&t, "The plant burns $3 million a year in fuel."),
        vec![pair("a year", "P1Y")]
    );
    let m = one(
        &t,
        "The airline runs four flights a week to Kabul.",
        "a week",
    );
    assert_eq!(m.timex_type, TimexType::Set);
    let m = one(&t, "The convoy was stopped within a week.", "a week");
    assert_eq!(m.timex_type, TimexType::Duration);
}

#[test]
fn day_before_or_after_a_day() {
    let t = tagger();
    // DCT Thursday 2021-07-08
    assert_eq!(
        values(&t, "He met them the day before last Tuesday's hearing."),
        vec![pair("the day before last Tuesday", "2021-07-05")]
    );
    assert_eq!(
        values(&t, "The truce began the day after July 4, 2021."),
        vec![pair("the day after July 4, 2021", "2021-07-05")]
    );
}

#[test]
fn present_tense_schedule_verbs_are_future() {
    let t = tagger();
    // DCT Thursday 2021-07-08: "meet Monday" in the present is the coming Monday
    assert_eq!(
        values(&t, "The two leaders meet separately Monday with the envoy."),
        vec![pair("Monday", "2021-07-12")]
    );
    assert_eq!(
        values(&t, "The two leaders met separately Monday with the envoy."),
        vec![pair("Monday", "2021-07-05")]
    );
    // an infinitive is no present tense
    assert_eq!(
        values(
            &t,
            "The envoy flew to Kabul on Monday to meet the governor."
        ),
        vec![pair("Monday", "2021-07-05")]
    );
}

#[test]
fn compound_number_words() {
    let t = tagger();
    assert_eq!(
        values(
            &t,
            "Fighting went on for twenty-four hours and then thirty five days."
        ),
        vec![
            pair("twenty-four hours", "PT24H"),
            pair("thirty five days", "P35D")
        ]
    );
}

#[test]
fn seasons_in_a_history_follow_the_year_in_force() {
    let t = tagger();
    let v: Vec<(String, String)> = t
        .tag_with(
            "The war began in March 1915. In June 1917 the army crossed the river. \
             In the summer the rains came, and by the winter the front was quiet. \
             Next spring they attacked again.",
            Some(d(1915, 3, 1)),
            true,
        )
        .into_iter()
        .map(|m| (m.text, m.value))
        .collect();
    assert_eq!(
        v,
        vec![
            pair("March 1915", "1915-03"),
            pair("June 1917", "1917-06"),
            pair("the summer", "1917-SU"),
            pair("the winter", "1917-WI"),
            pair("Next spring", "1918-SP"),
        ]
    );
}

#[test]
fn history_dates_keep_the_year_in_force_even_the_reference_year() {
    let t = tagger();
    // the reference date of a history is its first date; a later day of that same year in a
    // past-tense account stays in that year (not the year before)
    let v: Vec<(String, String)> = t
        .tag_with(
            "The archduke was shot on 28 June 1914. On 7 August, troops invaded the colony.",
            Some(d(1914, 6, 28)),
            true,
        )
        .into_iter()
        .map(|m| (m.text, m.value))
        .collect();
    assert_eq!(
        v,
        vec![
            pair("28 June 1914", "1914-06-28"),
            pair("7 August", "1914-08-07")
        ]
    );
}

#[test]
fn twenty_four_hour_clock_times() {
    let t = tagger();
    assert_eq!(
        values(&t, "The assault began at 19:15 and ended by 23:40 GMT."),
        vec![
            pair("19:15", "2021-07-08T19:15"),
            pair("23:40 GMT", "2021-07-08T23:40")
        ]
    );
    assert_eq!(
        values(&t, "Shelling resumed 06:30 local time."),
        vec![pair("06:30 local time", "2021-07-08T06:30")]
    );
    // not clock times: a score, a ratio, a twelve-hour time read elsewhere
    assert!(values(&t, "The home side won 2:1 and led 14:07 at half-time.").is_empty());
    assert_eq!(
        values(&t, "It started at 10:30 a.m."),
        vec![pair("10:30 a.m.", "2021-07-08T10:30")]
    );
}

#[test]
fn an_event_anchored_expression_takes_the_last_date_at_its_precision() {
    let t = tagger();
    // "days before" the event told after "in early December" is in that December, not on the
    // older day told before it
    let s = "On Sunday the dam was shelled. A day earlier drones struck a convoy. Rebels took \
             the city in early December, days before the capital fell.";
    let m = one(&t, s, "days before");
    assert_eq!(m.value, "2020-12");
    assert_eq!(m.anchor, Anchor::Previous);
}

#[test]
fn coordinated_month_shares_the_dated_months_year() {
    let t = tagger();
    assert_eq!(
        values(&t, "The siege lasted through August and September 1916."),
        vec![pair("August", "1916-08"), pair("September 1916", "1916-09")]
    );
    assert_eq!(
        values(&t, "Losses between March and April 2012 were heavy."),
        vec![pair("March", "2012-03"), pair("April 2012", "2012-04")]
    );
    assert_eq!(
        values(&t, "Talks ran from May 3 to June 9, 2019."),
        vec![
            pair("May 3", "2019-05-03"),
            pair("June 9, 2019", "2019-06-09")
        ]
    );
    // no year after the second month: the first goes by the DCT as before
    assert_eq!(
        values(&t, "Convoys sailed in March and April."),
        vec![pair("March", "2021-03"), pair("April", "2021-04")]
    );
}

#[test]
fn previous_and_following_months_count_from_the_date_in_force() {
    let t = tagger();
    let v = |s: &str| history_values(&t, s);
    // a history: "the previous April" does not start a new year
    assert_eq!(
        v("On 8 August 1917 the line broke. The hill taken the previous April was lost. On 20 August the army fell back."),
        vec![
            pair("8 August 1917", "1917-08-08"),
            pair("the previous April", "1917-04"),
            pair("20 August", "1917-08-20")
        ]
    );
    assert_eq!(
        v("In October 1860 the vote was held. The state seceded the following March."),
        vec![
            pair("October 1860", "1860-10"),
            pair("the following March", "1861-03")
        ]
    );
}

#[test]
fn an_aside_to_another_era_leaves_the_narrative_year() {
    let t = tagger();
    let v = |s: &str| history_values(&t, s);
    assert_eq!(
        v("On 3 May 1921 the rebels rose. It was the largest rising since 1848. On 9 June they were crushed."),
        vec![
            pair("3 May 1921", "1921-05-03"),
            pair("1848", "1848"),
            pair("9 June", "1921-06-09")
        ]
    );
    // a nearby year moves the account on
    assert_eq!(
        v("On 3 May 1921 the rebels rose. In 1923 a truce held until March."),
        vec![
            pair("3 May 1921", "1921-05-03"),
            pair("1923", "1923"),
            pair("March", "1923-03")
        ]
    );
}

#[test]
fn holiday_weeks() {
    let t = tagger();
    // DCT Thursday 2021-07-08; Christmas 2021 falls on a Saturday in ISO week 51
    assert_eq!(
        values(&t, "Shops will close over Christmas week."),
        vec![pair("Christmas week", "2021-W51")]
    );
    // a week already begun in the past tense is this one, not last year's
    let ms = t.tag(
        "Pilgrims gathered as Easter week began.",
        Some(d(2019, 4, 15)),
    );
    assert_eq!(ms[0].text, "Easter week");
    assert_eq!(ms[0].value, "2019-W16");
}

#[test]
fn a_month_goes_to_the_nearer_year_of_the_account() {
    let t = tagger();
    let v = |s: &str| history_values(&t, s);
    // a list of that year's earlier months stays in the year
    assert_eq!(
        v("By September 1940 the raids had begun, after a siege opened in June."),
        vec![pair("September 1940", "1940-09"), pair("June", "1940-06")]
    );
    // seasons alike: the summer told after an October is that year's
    assert_eq!(
        v("The line held in October 1916, though losses over the summer were grave."),
        vec![
            pair("October 1916", "1916-10"),
            pair("the summer", "1916-SU")
        ]
    );
    // a month more than half a year back is the next year's
    assert_eq!(
        v("The fleet sailed in November 1940. It reached the cape in March."),
        vec![pair("November 1940", "1940-11"), pair("March", "1941-03")]
    );
}

#[test]
fn a_sentence_future_carries_to_later_dates_without_a_cue() {
    let t = tagger();
    assert_eq!(
        values(
            &t,
            "Two new ferries would sail from the northern port on Monday, with a third, larger boat leaving from December 6."
        ),
        vec![pair("Monday", "2021-07-12"), pair("December 6", "2021-12-06")]
    );
    // not over a sentence boundary
    assert_eq!(
        values(
            &t,
            "Ferries will sail on Monday. Figures for the harbour's traffic on December 6 are below."
        ),
        vec![pair("Monday", "2021-07-12"), pair("December 6", "2020-12-06")]
    );
}

#[test]
fn last_month_name_of_the_month_just_ended_is_a_year_back() {
    let t = tagger();
    // written in July: "last June" is not the month just ended ("last month")
    assert_eq!(
        values(&t, "The dam burst last June."),
        vec![pair("last June", "2020-06")]
    );
    assert_eq!(
        values(&t, "The dam burst last May."),
        vec![pair("last May", "2021-05")]
    );
}

#[test]
fn overnight_is_the_night_before_a_day_told_just_before() {
    let t = tagger();
    assert_eq!(
        values(
            &t,
            "Shares in Tokyo closed lower on Friday as dealers blamed overnight losses in London."
        ),
        vec![
            pair("Friday", "2021-07-02"),
            pair("overnight", "2021-07-01TNI")
        ]
    );
    // a day of the sentence before does not carry: the night before the DCT
    assert_eq!(
        values(
            &t,
            "Shelling hit the town on Friday. Missiles also struck the city overnight."
        )
        .last(),
        Some(&pair("overnight", "2021-07-07TNI"))
    );
    // a day told several sentences back is background: the night before the DCT
    let v = values(
        &t,
        "The junta took power on Feb. 1. Crowds marched again. Unions joined them. Overnight, police raided homes.",
    );
    assert_eq!(v.last(), Some(&pair("Overnight", "2021-07-07TNI")));
}

#[test]
fn overnight_after_a_friday_in_a_monday_paper_is_the_night_before_that_friday() {
    let t = tagger();
    let monday = NaiveDate::from_ymd_opt(2021, 7, 12);
    let text = "Tokyo stocks ended weaker on Friday. Brokers blamed overnight selling in Chicago.";
    let v: Vec<_> = t
        .tag(text, monday)
        .into_iter()
        .map(|m| (m.text, m.value))
        .collect();
    assert_eq!(
        v,
        vec![
            ("Friday".to_string(), "2021-07-09".to_string()),
            ("overnight".to_string(), "2021-07-08TNI".to_string())
        ]
    );
    // a weekday between the day told and the DCT: the night before the DCT
    let tuesday = NaiveDate::from_ymd_opt(2021, 7, 13);
    let v = t.tag(text, tuesday);
    assert_eq!(v.last().map(|m| m.value.as_str()), Some("2021-07-12TNI"));
    // the day told several sentences back: the night before the DCT
    let text = "Tokyo stocks ended weaker on Friday. Dealers were cautious. Brokers blamed overnight selling in Chicago.";
    let v = t.tag(text, monday);
    assert_eq!(v.last().map(|m| m.value.as_str()), Some("2021-07-11TNI"));
}

#[test]
fn the_quarter_ended_a_day_is_the_calendar_quarter_holding_most_of_it() {
    let t = tagger();
    // May to July: mostly the second quarter; July 31 is last year's (the DCT is July 8)
    let v = values(&t, "The retailer lost money in the quarter ended July 31.");
    assert_eq!(v[0], pair("the quarter", "2020-Q2"));
    let v = values(&t, "The retailer lost money in the quarter ended Feb. 28.");
    assert_eq!(v[0], pair("the quarter", "2021-Q1"));
    let v = values(&t, "Net rose in the quarter ending June 30, 2020.");
    assert_eq!(v[0], pair("the quarter", "2020-Q2"));
}

#[test]
fn last_year_figure_in_a_quarterly_report_is_the_year_ago_quarter() {
    let t = tagger();
    let v = values(
        &t,
        "In the second quarter, the brewer earned $12 million, compared with $9 million last year.",
    );
    assert_eq!(v.last(), Some(&pair("last year", "2020-Q2")));
    let v = values(
        &t,
        "Second-quarter sales were $80 million, up from last year's $70 million.",
    );
    assert_eq!(v.last(), Some(&pair("last year", "2020-Q2")));
    // no figure: the year
    let v = values(
        &t,
        "In the second quarter, the brewer earned $12 million. It was sold last year.",
    );
    assert_eq!(v.last(), Some(&pair("last year", "2020")));
}

#[test]
fn that_same_day_after_an_event_told_by_its_month() {
    let t = tagger();
    let v = values(
        &t,
        "The last envoy was expelled in March. His office was shut that same day.",
    );
    assert_eq!(v.last(), Some(&pair("that same day", "2021-03-XX")));
    // after a day, that day
    let v = values(
        &t,
        "The envoy was expelled on Monday. His office was shut that same day.",
    );
    assert_eq!(v.last(), Some(&pair("that same day", "2021-07-05")));
}

#[test]
fn weekday_with_a_plural_part_of_day_is_a_weekly_set() {
    let t = tagger();
    assert_eq!(
        values(&t, "The market opens on Friday and Saturday evenings."),
        vec![
            pair("Friday", "XXXX-WXX-5TEV"),
            pair("Saturday evenings", "XXXX-WXX-6TEV")
        ]
    );
    assert_eq!(
        values(&t, "The choir meets on Sunday mornings."),
        vec![pair("Sunday mornings", "XXXX-WXX-7TMO")]
    );
    // one evening: a date
    assert_eq!(
        values(&t, "The market opened on Friday evening."),
        vec![pair("Friday evening", "2021-07-02TEV")]
    );
}

#[test]
fn approximators_belong_to_the_extent() {
    let t = tagger();
    assert_eq!(
        values(&t, "The dam was built about ten years ago."),
        vec![pair("about ten years ago", "2011")]
    );
    assert_eq!(
        values(&t, "The siege lasted almost three months."),
        vec![pair("almost three months", "P3M")]
    );
    // not before a word that is no quantity
    assert_eq!(
        values(&t, "They argued about the year 2019."),
        vec![pair("2019", "2019")]
    );
}

#[test]
fn part_of_a_dated_day_in_histories() {
    let t = tagger();
    assert_eq!(
        history_values(
            &t,
            "The garrison slipped away on the night of 12 March 1814."
        ),
        vec![pair("the night of 12 March 1814", "1814-03-12TNI")]
    );
    // news (TimeML): the day alone
    assert_eq!(
        values(&t, "The convoy was hit on the night of July 3."),
        vec![pair("July 3", "2021-07-03")]
    );
    // a season of a year before Christ
    assert_eq!(
        history_values(&t, "The fleet sailed in the spring of 412 BC."),
        vec![pair("the spring of 412 BC", "BC0412-SP")]
    );
}

#[test]
fn month_of_a_year_before_christ() {
    let t = tagger();
    assert_eq!(
        history_values(&t, "The army crossed the strait in April 412 BC."),
        vec![pair("April 412 BC", "BC0412-04")]
    );
}

#[test]
fn a_planned_year_leaves_the_account_year_in_force() {
    let t = tagger();
    let v = history_values(
        &t,
        "On 10 March 1941, the army opened its offensive, planned as the first stage of a campaign in 1942. The town fell on 11 March.",
    );
    assert_eq!(v.last(), Some(&pair("11 March", "1941-03-11")));
    // a year told as what happened moves the account on
    let v = history_values(
        &t,
        "On 10 March 1941, the army opened its offensive. In 1942 the front broke. The town fell on 11 March.",
    );
    assert_eq!(v.last(), Some(&pair("11 March", "1942-03-11")));
}

#[test]
fn decades_earlier_is_a_decade_and_leaves_the_year_in_force() {
    let t = tagger();
    let v = history_values(
        &t,
        "In 1965 the envoy repeated a warning made almost two decades earlier. In March, the first brigade landed.",
    );
    assert_eq!(
        v,
        vec![
            pair("1965", "1965"),
            pair("almost two decades earlier", "194"),
            pair("March", "1965-03")
        ]
    );
}

#[test]
fn a_planned_thing_after_a_possessive_leaves_the_past_tense() {
    let t = tagger();
    // the DCT is Thursday 2021-07-08: the protest was staged, so Tuesday is the one before
    assert_eq!(
        values(
            &t,
            "Students staged a protest against the junta's planned election on Tuesday."
        ),
        vec![pair("Tuesday", "2021-07-06")]
    );
    // a plan itself still looks forward
    assert_eq!(
        values(&t, "The junta planned to hold the vote on Tuesday."),
        vec![pair("Tuesday", "2021-07-13")]
    );
}

#[test]
fn a_month_that_year_is_in_the_year_told_last() {
    let t = tagger();
    assert_eq!(
        values(
            &t,
            "The war began in April 2019. Envoys met in Jeddah in May that year."
        ),
        vec![
            pair("April 2019", "2019-04"),
            pair("May that year", "2019-05")
        ]
    );
}

/// Windows that move forward over a text, reusing the tokens they share, give the tokens a
/// fresh reading of each window gives: words cut at either end (ASCII, digits, non-ASCII
/// letters), punctuation, non-ASCII spaces and dashes.
#[test]
fn windows_reuse_the_tokens_they_share() {
    let text = "On 12th May 2019, the Ba\u{e7}ao\u{e2}\u{80}\u{94}Deïr\u{a0}road — shut for 3½ days — \
                reopened at 10:30 a.m.; \u{201c}Quoted\u{201d} 1990s Zürich-based talks, 55km away.";
    let text = text.repeat(3);
    let cut = |i: usize| {
        let mut i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    for step in [1usize, 3, 7, 13, 40] {
        for width in [5usize, 17, 60, 200] {
            let (mut held, mut toks) = ((0, 0), Vec::new());
            let mut fresh = Vec::new();
            let mut p = 0;
            while p < text.len() {
                let (lo, hi) = (cut(p.saturating_sub(width)), cut(p + width));
                rules::tokenize_window(&text, lo, hi, &mut toks, &mut held);
                rules::tokenize(&text, lo, hi, &mut fresh);
                let spans = |v: &[rules::Tok]| -> Vec<(usize, usize, rules::Kind)> {
                    v.iter().map(|t| (t.s, t.e, t.kind)).collect()
                };
                assert_eq!(
                    spans(&toks),
                    spans(&fresh),
                    "step {step} width {width} at {p}"
                );
                p += step;
            }
        }
    }
}

/// The candidate scan: trigger words as whole words in any case (months and weekdays only
/// capitalised), "a.m." only before a word boundary, and numbers that start a word: years,
/// clock times and the end of a year range.
#[test]
fn candidates_are_whole_trigger_words_and_numbers() {
    let t = tagger();
    let text = "Mayday: on Monday at 9 a.m. the 1990s ended; may is lower-case, MONDAY shouts, \
                yesterdays no, a.m.x no, 12:30 yes, A320 no, 1914-18 yes, éWinter.";
    let found: Vec<&str> = t
        .candidates(text)
        .into_iter()
        .map(|p| {
            let w = &text[p..];
            let n = w
                .find(|c: char| !c.is_ascii_alphanumeric() && c != '.')
                .unwrap_or(w.len());
            w[..n].trim_end_matches('.')
        })
        .collect();
    assert_eq!(
        found,
        vec!["Monday", "a.m", "1990s", "MONDAY", "12", "1914", "18", "Winter"]
    );
}

/// "N days later" after a date told only by its month or year counts from that date and keeps
/// its precision (a day of that month), not the DCT.
#[test]
fn offset_after_a_coarser_date_keeps_its_precision() {
    let t = tagger();
    let m = one(
        &t,
        "In March 2019 the miners were taken from the camp, and freed nine days later.",
        "nine days later",
    );
    assert_eq!(m.value, "2019-03-XX");
    assert_eq!(m.anchor, Anchor::Previous);
    let date = m.date.expect("a date");
    assert_eq!(
        (date.date, date.precision),
        (d(2019, 3, 1), TimePrecision::Month)
    );
    // a year: a week of that year, dated to the year
    let m = one(
        &t,
        "The dam was seized in 2016. Two weeks later the militia lost it again.",
        "Two weeks later",
    );
    assert_eq!(m.value, "2016-WXX");
    assert_eq!(m.date.map(|d| d.precision), Some(TimePrecision::Year));
    // a chain of offsets stays in that month
    let v = values(
        &t,
        "In May 2018 the convoy was ambushed. Two days later the road was closed, and the \
         next day it reopened.",
    );
    assert_eq!(v.last(), Some(&pair("the next day", "2018-05-XX")));
    // a day told before is still the anchor of "the next day"
    let v = values(
        &t,
        "The talks opened on June 2, 2020. The next day they stalled.",
    );
    assert_eq!(v.last(), Some(&pair("The next day", "2020-06-03")));
}

/// "a fortnight later" is two weeks after the date in force.
#[test]
fn a_fortnight_later_is_two_weeks() {
    let t = tagger();
    let v = values(
        &t,
        "The port fell on June 2, 2020. A fortnight later it was retaken.",
    );
    assert_eq!(v.last(), Some(&pair("A fortnight later", "2020-W25")));
}

/// A weekend is dated to its Saturday (week precision), not to the Monday of its week.
#[test]
fn a_weekend_is_dated_to_its_saturday() {
    let t = tagger();
    for (s, text) in [
        ("The ceasefire was agreed last weekend.", "last weekend"),
        ("Raids continued over the weekend.", "the weekend"),
        ("Villagers fled this weekend.", "this weekend"),
    ] {
        let m = one(&t, s, text);
        let date = m.date.expect("a date");
        assert_eq!(date.date.weekday(), chrono::Weekday::Sat, "{s}");
        assert_eq!(date.precision, TimePrecision::Week);
        assert!(m.value.ends_with("-WE"), "{s}: {}", m.value);
    }
    let m = one(&t, "The ceasefire was agreed last weekend.", "last weekend");
    assert_eq!(m.date.map(|d| d.date), Some(d(2021, 7, 3)));
}

/// "on the first day" in an account is the day in force, anchored on the last date told;
/// a day of a calendar period ("the first day of the month") is not.
#[test]
fn an_ordinal_day_of_the_events_is_the_day_in_force() {
    let t = tagger();
    let s = "The siege began on March 9, 2020. On the first day, the bridge was blown up.";
    let m = one(&t, s, "the first day");
    assert_eq!(m.value, "2020-03-09");
    assert_eq!(m.anchor, Anchor::Previous);
    let v = values(
        &t,
        "The strike began on May 4, 2019. By the third day of the strike, the mines were idle.",
    );
    assert_eq!(v.last(), Some(&pair("the third day", "2019-05-04")));
    // a calendar period's day is not the day in force
    for s in [
        "Fees are paid on the first day of the month.",
        "The siege began on March 9, 2020. Fees were paid on the second day of each week.",
        "The siege began on March 9, 2020. Courts reopened on the first day of 2021.",
    ] {
        assert!(
            t.tag(s, dct())
                .iter()
                .all(|m| !m.text.ends_with(" day") || m.anchor != Anchor::Previous),
            "{s}: {:?}",
            t.tag(s, dct())
        );
    }
}

/// "on day one", "by day 2" of a told event is the day in force; "from day one" (from the
/// start) is no date.
#[test]
fn on_day_one_is_the_day_in_force() {
    let t = tagger();
    let s = "The blockade started on June 12, 2020. On day one, ferries were turned back.";
    let m = one(&t, s, "day one");
    assert_eq!(
        (m.value.as_str(), m.anchor),
        ("2020-06-12", Anchor::Previous)
    );
    let v = values(
        &t,
        "The blockade started on June 12, 2020. By day 2 the fuel ran short.",
    );
    assert_eq!(v.last(), Some(&pair("day 2", "2020-06-12")));
    assert!(values(&t, "The mayor fought the plan from day one.").is_empty());
}

#[test]
fn that_before_a_month_is_the_year_told_last() {
    let t = tagger();
    // a demonstrative "that" before a month: the year told last, not the DCT's
    let s = "The rebels were routed in 2015, and the town changed hands that October, \
             residents recalled.";
    assert_eq!(one(&t, s, "that October").value, "2015-10");
    let s = "The siege began in 2012 and ended in March of that year with a truce.";
    assert_eq!(one(&t, s, "March of that year").value, "2012-03");
    let s = "The bridge was blown up in 2016; in May of the same year the dam fell.";
    assert_eq!(one(&t, s, "May of the same year").value, "2016-05");
    // a complementizer "that" before a month leaves the month to the DCT and tense
    let s = "Officials said that June was the bloodiest month of the war.";
    assert_eq!(one(&t, s, "June").value, "2021-06");
}

#[test]
fn a_day_offset_in_a_past_clause_skips_a_coming_date() {
    let t = tagger();
    // the date told last is a deadline after the DCT: "the same day" in a past-tense clause
    // is the last day told that has passed
    let s = "The monitors left the outpost on June 30, ahead of the Aug. 1 deadline set by \
             the council. Militiamen moved into the outpost the same day.";
    assert_eq!(one(&t, s, "the same day").value, "2021-06-30");
    // in a future clause the coming date stays the anchor
    let s = "The monitors left the outpost on June 30. The vote is set for Sept. 15 and the \
             results will be announced the same day.";
    assert_eq!(one(&t, s, "the same day").value, "2021-09-15");
}

#[test]
fn last_weekend_told_on_a_weekend_is_the_one_before() {
    let t = tagger();
    let s = "The ceasefire was agreed last weekend.";
    // told on Saturday 10 July 2021 or Sunday 11 July: the weekend of 3-4 July
    for dct in [d(2021, 7, 10), d(2021, 7, 11)] {
        let m = t.tag(s, Some(dct));
        assert_eq!(m[0].date.map(|x| x.date), Some(d(2021, 7, 3)), "{dct}");
    }
    // told on a Monday: the weekend just ended
    let m = t.tag(s, Some(d(2021, 7, 12)));
    assert_eq!(m[0].date.map(|x| x.date), Some(d(2021, 7, 10)));
}

#[test]
fn this_quarter_in_a_report_on_an_ended_quarter_is_the_one_reported() {
    let t = tagger();
    let s = "Acme reported a loss for the second quarter ended June 30. This quarter's loss \
             includes charges of $2 million.";
    assert_eq!(one(&t, s, "This quarter").value, "2021-Q2");
    // a clause that looks ahead means the quarter the report appears in
    let s = "Acme reported a loss for the second quarter ended June 30. Sales will rise this \
             quarter, it said.";
    assert_eq!(one(&t, s, "this quarter").value, "2021-Q3");
}

#[test]
fn a_year_period_compared_with_nine_months_is_that_year() {
    let t = tagger();
    let s = "For the first nine months, net was $3 million, compared with a loss of $1 million \
             in the 2020 period.";
    assert_eq!(one(&t, s, "the 2020 period").value, "2020");
}

#[test]
fn weeks_ago_date_events_by_the_day_that_many_weeks_back() {
    let t = tagger();
    // Thursday 8 July 2021: "a week ago" is the week of Thursday 1 July, told by that day
    let m = one(&t, "A week ago, gunmen raided the village.", "A week ago");
    assert_eq!(m.value, "2021-W26");
    assert_eq!(
        m.date,
        Some(EventDate {
            date: d(2021, 7, 1),
            precision: TimePrecision::Week
        })
    );
    // "last week" stays its Monday
    let m = one(&t, "Gunmen raided the village last week.", "last week");
    assert_eq!(m.date.map(|x| x.date), Some(d(2021, 6, 28)));
}

#[test]
fn a_year_ago_dates_events_by_the_month_a_year_back() {
    let t = tagger();
    // Thursday 8 July 2021: "a year ago" is the year 2020 (TimeML's value), and an event told
    // so is dated to July 2020
    let m = one(
        &t,
        "The dam burst a year ago, flooding the valley.",
        "a year ago",
    );
    assert_eq!(m.value, "2020");
    assert_eq!(
        m.date,
        Some(EventDate {
            date: d(2020, 7, 1),
            precision: TimePrecision::Month
        })
    );
    // "two years ago" stays the year
    let m = one(&t, "The dam burst two years ago.", "two years ago");
    assert_eq!(m.date.map(|x| x.precision), Some(TimePrecision::Year));
}

#[test]
fn a_future_auxiliary_heading_a_long_clause_governs_its_last_date() {
    let t = tagger();
    // Thursday 8 July 2021: the plan's Saturday is the coming one
    let s = "The envoy is scheduled to fly to the capital, then to the camps of the east, her \
             last stop Saturday morning.";
    assert_eq!(one(&t, s, "Saturday morning").value, "2021-07-10TMO");
    // a modal of possibility that far back does not: the night told has passed
    let s = "Nothing could stop the water that tore through the town, the bus depot and the old \
             market square Monday night.";
    assert_eq!(one(&t, s, "Monday night").value, "2021-07-05");
    // nor a simple present that far back
    let s = "The minister visits the north, then the camps of the east and the old border \
             posts of the hills on Monday.";
    assert_eq!(one(&t, s, "Monday").value, "2021-07-05");
}

#[test]
fn is_due_looks_ahead_but_due_to_a_cause_does_not() {
    let t = tagger();
    // Thursday 8 July 2021
    let s = "The convoy is due to reach the border crossing on Monday.";
    assert_eq!(one(&t, s, "Monday").value, "2021-07-12");
    let s = "The last payment is due on Friday, the ministry says.";
    assert_eq!(one(&t, s, "Friday").value, "2021-07-09");
    // a cause leaves the past reading
    let s = "The delay is due to the floods on Monday.";
    assert_eq!(one(&t, s, "Monday").value, "2021-07-05");
}

#[test]
fn midnight_is_the_end_of_the_day_named() {
    let t = tagger();
    // Thursday 8 July 2021: the offer runs out as Friday ends
    let m = one(
        &t,
        "The offer will expire at midnight Friday.",
        "midnight Friday",
    );
    assert_eq!(m.value, "2021-07-09T24:00");
    assert_eq!(m.date.map(|x| x.date), Some(d(2021, 7, 9)));
    let m = one(&t, "On July 2, a curfew began at midnight.", "midnight");
    assert_eq!(m.value, "2021-07-02T24:00");
}

#[test]
fn the_day_a_reported_period_ended_has_passed() {
    let t = tagger();
    // Thursday 8 July 2021: a period that "ended July 31" ended last year
    let s = "In the year-ago period, the second quarter ended July 31, the firm lost $3 million.";
    assert_eq!(one(&t, s, "July 31").value, "2020-07-31");
    // other past forms before a day leave a date set ahead this year's
    let s = "The party named July 20 as the day of the vote.";
    assert_eq!(one(&t, s, "July 20").value, "2021-07-20");
    let s = "The shares are to be issued July 20.";
    assert_eq!(one(&t, s, "July 20").value, "2021-07-20");
}

#[test]
fn an_apposition_takes_the_year_of_the_time_it_names() {
    let t = tagger();
    // Thursday 8 July 2021
    let s = "In the year-ago quarter, the first quarter, the mill lost money.";
    assert_eq!(one(&t, s, "the first quarter").value, "2020-Q1");
    let s = "Rebels attacked the post on Dec. 31, 2019. The next day, Jan. 1, they withdrew.";
    assert_eq!(one(&t, s, "Jan. 1").value, "2020-01-01");
    // a list of months, or a fronted absolute year, is no apposition
    let s = "Arrests rose in December, January and February.";
    assert_eq!(one(&t, s, "January").value, "2021-01");
    let s = "Before 1991, Nov. 7 was a holiday.";
    assert_ne!(one(&t, s, "Nov. 7").value, "1991-11-07");
}

#[test]
fn a_period_ended_in_a_clause_that_looks_ahead_keeps_its_year() {
    let t = tagger();
    // Thursday 8 July 2021: charges to come in a quarter that ends this month
    let s = "The firm will take a charge in the second quarter ended July 31.";
    assert_eq!(one(&t, s, "July 31").value, "2021-07-31");
}

#[test]
fn a_part_of_a_month_dates_the_event_inside_that_part() {
    let t = tagger();
    for (text, day) in [
        ("late March", 25),
        ("the end of March", 25),
        ("early March", 5),
        ("mid-March", 15),
        ("March", 1),
    ] {
        let m = one(&t, &format!("The talks collapsed in {text}."), text);
        let d = m.date.expect("a date");
        assert_eq!((d.date.month(), d.date.day()), (3, day), "{text}: {m:?}");
        assert_eq!(d.precision, TimePrecision::Month, "{text}");
        assert!(
            m.value.ends_with("-03"),
            "{text}: the TIMEX3 value is the month: {m:?}"
        );
    }
}

#[test]
fn a_comparative_is_no_part_of_the_month() {
    // "later this month" measures from the DCT; it names no part, so keeps the month's date
    let t = tagger();
    let m = one(
        &t,
        "The talks will resume later this month.",
        "later this month",
    );
    let d = m.date.expect("a date");
    assert_eq!(
        (d.date.month(), d.date.day(), d.precision),
        (7, 1, TimePrecision::Month)
    );
}

/// The word-start scan of the trigger words finds, with the shipped lexicon, what the full
/// Aho-Corasick search keeps at word starts.
#[test]
fn trigger_scan_agrees_with_the_full_search_on_the_lexicon() {
    let t = tagger();
    let texts = [
        "Late last month the council met on Tuesday morning; by mid-September, two weeks \
         later, the talks (held every Monday at 9 a.m. and 3 P.M.) had stalled.",
        "YESTERDAY's vote, tonight's rally and this weekend's march: the decade-long dispute \
         goes on, said the spokesman, whose Mayday call came at noon.",
        "In spring 2019 and again last autumn the fortnightly reports, quarterly figures and \
         a three-year plan were shelved; nowadays no one mentions them.",
        "é-day, Ramadan, Christmas Eve, midnight Friday, the 1990s, 12:30, A320, tomorrow.",
    ];
    for text in texts {
        let b = text.as_bytes();
        let full: Vec<(usize, usize, usize)> =
            t.ac.find_iter(text)
                .filter(|m| m.start() == 0 || !b[m.start() - 1].is_ascii_alphanumeric())
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
        assert!(full.len() > 3, "{text:?}");
        assert_eq!(t.scan.word_start_matches(b), Some(full), "{text:?}");
    }
}

#[test]
fn a_bare_clock_time_after_the_words_of_an_earlier_days_event_is_on_that_day() {
    let t = tagger();
    let v = values(
        &t,
        "The mayor was stabbed outside his office on June 3. The knife was found on July 1 in a drain. The mayor was stabbed outside his office at 9 p.m. after a meeting.",
    );
    assert_eq!(v.last(), Some(&pair("9 p.m.", "2021-06-03T21:00")));
    // other words: the day told last
    let v = values(
        &t,
        "The mayor was stabbed outside his office on June 3. The knife was found on July 1 in a drain. Police divers searched the canal at 9 p.m. that evening.",
    );
    assert_eq!(v[2], pair("9 p.m.", "2021-07-01T21:00"));
}

#[test]
fn a_weekday_of_last_or_next_week_is_that_day_of_that_week() {
    // the DCT is Thursday 8 July 2021: last week ran from 28 June to 4 July
    let t = tagger();
    assert_eq!(
        values(&t, "On Wednesday last week, a mine exploded."),
        vec![pair("Wednesday last week", "2021-06-30")]
    );
    assert_eq!(
        values(&t, "Talks open on Tuesday next week."),
        vec![pair("Tuesday next week", "2021-07-13")]
    );
    assert_eq!(
        values(&t, "He spoke on Monday this week."),
        vec![pair("Monday this week", "2021-07-05")]
    );
    // a bare weekday is still the most recent one
    assert_eq!(
        values(&t, "A mine exploded on Wednesday."),
        vec![pair("Wednesday", "2021-07-07")]
    );
}

#[test]
fn event_words_are_the_last_three_before_the_expression() {
    // the reference: every word of the head lower-cased, prepositions at the end dropped
    fn reference(text: &str, start: usize) -> Option<[String; 3]> {
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
        let mut words: Vec<String> = head
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        while words.last().is_some_and(|w| BEFORE.contains(&w.as_str())) {
            words.pop();
        }
        let n = words.len();
        if n < 3 || words[n - 3..].iter().all(|w| w.chars().count() < 4) {
            return None;
        }
        Some([
            words[n - 3].clone(),
            words[n - 2].clone(),
            words[n - 1].clone(),
        ])
    }
    let texts = [
        "The convoy was ambushed near the ford late ON Tuesday.",
        "Nothing. He was shot to death last Oct. 23 in the port.",
        "A bridge that ÉTAIT closed reopened until İN March 2020.",
        "Talks; we met him at 5 p.m.",
        "so we went up by it in May",
        "Ａ full-width ＷＯＲＤ and the Kelvin \u{212A}ey from 1999",
        "",
    ];
    let mut some = 0;
    for t in texts {
        for (start, _) in t.char_indices().chain([(t.len(), ' ')]) {
            let got = event_words(t, start);
            some += usize::from(got.is_some());
            assert_eq!(got, reference(t, start), "{t:?} at {start}");
        }
    }
    assert!(some > 20, "{some}");
}

#[test]
fn a_bare_clock_time_right_before_a_day_is_on_that_day() {
    let t = tagger();
    // DCT Thursday 2021-07-08: "Monday" is 2021-07-05, the day told before is Tuesday
    let s = "The mayor spoke on Tuesday. Raiders hit the depot at about 3 a.m. on Monday. \
             A second blast came at 4 p.m. (1300 GMT) Monday. Police arrived at 6 p.m.";
    assert_eq!(one(&t, s, "3 a.m.").value, "2021-07-05T03:00");
    assert_eq!(one(&t, s, "4 p.m.").value, "2021-07-05T16:00");
    // with no day after it, a clock time stays on the day told last
    assert_eq!(one(&t, s, "6 p.m.").value, "2021-07-05T18:00");
}

#[test]
fn nights_count_as_days_after_a_date() {
    let t = tagger();
    let s = "The fighters crossed the river on June 30, 2021. Two nights later they attacked \
             the post. The men had spent three nights in the forest.";
    assert_eq!(one(&t, s, "Two nights later").value, "2021-07-02");
    assert_eq!(one(&t, s, "three nights").value, "P3D");
}

#[test]
fn a_day_offset_counts_from_a_coarser_absolute_date_of_its_own_sentence() {
    let t = tagger();
    let s = "The convoy reached the port on Monday. In May 2019, rebels seized 40 \
             traders on the road and freed them five days later.";
    // a day of that month, not five days after Monday
    assert_eq!(one(&t, s, "five days later").value, "2019-05-XX");
    // a DCT-relative week is no such date: the day told before stays the anchor
    let s = "The convoy reached the port on Monday. Two weeks ago rebels seized the road, \
             and the previous day they had shelled it.";
    assert_eq!(one(&t, s, "the previous day").value, "2021-07-04");
}
