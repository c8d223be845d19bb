//! Finding an article's publication date in its text: an explicit footer ("Published in Dawn,
//! July 8th, 2021", "First published on Tue 15 Aug 2023"), a date line at the top ("March 29,
//! 2022", "Updated 9:31 AM GMT, November 29, 2020"), a wire dateline ("KABUL, Aug 8 (Reuters) -",
//! the year inferred from the text), a closing "Updated ..." line. Page furniture further down
//! (teaser headlines with their own dates, photo captions) never decides it.

use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

const MONTH: &str = r"(?i:(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\.?";

static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
    .expect("valid regex")
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH},?\s+(\d{{4}})\b"
    ))
    .expect("valid regex")
});
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:\b|T)").expect("valid regex"));
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^[ \t]*(?:first[ \t]+)?published\b[^\n]{0,80}$").expect("valid regex")
});
/// A closing line about the report itself: "This report was filed from Mogadishu on May 28,
/// 2023.", "Filed from Kabul, 3 May 2021", "This article was written on ...".
static FILED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:filed\b|this[ \t]+(?:report|article|story|dispatch)\b)")
        .expect("valid regex")
});
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[A-Z][A-Z'’.\- ]{{2,}}(?:,[ \t]*[A-Z][A-Za-z.\- ]+)?,[ \t]*{MONTH}[ \t]+(\d{{1,2}})\b(?:,?[ \t]+(\d{{4}})\b)?"
    ))
    .expect("valid regex")
});
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:copyright|©)\s*(?:\(c\)\s*)?((?:19|20)\d\d)").expect("valid regex")
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b{MONTH}\s+(\d{{1,2}})\b(?:,?\s+((?:19|20)\d\d))?"
    ))
    .expect("valid regex")
});
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(19[5-9]\d|20\d\d)\b").expect("valid regex"));
/// "A year ago, in March 2024", "two years ago, in 2022": the story's year, counted back.
static YEARS_AGO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(a|one|two|three|four|five)\s+years?\s+ago,?\s+(?:in\s+)?(?:[a-z]+\.?\s+)?(?:\d{1,2},?\s+)?((?:19|20)\d\d)\b",
    )
    .expect("valid regex")
});
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
        .expect("valid regex")
});

fn month_number(s: &str) -> Option<u32> {
    let s = s.to_ascii_lowercase();
    let m = match s.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// The month a whole word names ("July", "Sept", "dec"; not "marched" or "decided").
fn month_word(w: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let l = w.to_ascii_lowercase();
    let n = NAMES
        .iter()
        .position(|m| *m == l || (l.len() >= 3 && l.len() <= 4 && m.starts_with(&l)))?;
    u32::try_from(n + 1).ok()
}

/// The first complete calendar date written in `s` ("July 8th, 2021", "15 Aug 2023",
/// "2021-07-08"), with the byte range it occupies.
pub fn parse_date_phrase(s: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let mut best: Option<(NaiveDate, std::ops::Range<usize>)> = None;
    let mut consider = |d: Option<NaiveDate>, r: std::ops::Range<usize>| {
        if let Some(d) = d {
            if best.as_ref().is_none_or(|(_, b)| r.start < b.start) {
                best = Some((d, r));
            }
        }
    };
    if let Some(c) = MDY.captures(s) {
        let d = (|| {
            NaiveDate::from_ymd_opt(c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?)
        })();
        consider(d, c.get(0).map_or(0..0, |m| m.range()));
    }
    if let Some(c) = DMY.captures(s) {
        let d = (|| {
            NaiveDate::from_ymd_opt(c[3].parse().ok()?, month_number(&c[2])?, c[1].parse().ok()?)
        })();
        consider(d, c.get(0).map_or(0..0, |m| m.range()));
    }
    if let Some(c) = ISO.captures(s) {
        let d = (|| {
            NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
        })();
        consider(d, c.get(0).map_or(0..0, |m| m.range()));
    }
    best
}

/// True when `line` is essentially a date: once the date, weekday and clock time, "Updated"
/// and separators are removed, (almost) nothing is left.
fn is_date_line(line: &str) -> Option<NaiveDate> {
    if line.len() > 90 {
        return None;
    }
    let (date, range) = parse_date_phrase(line)?;
    let rest = format!("{} {}", &line[..range.start], &line[range.end..]);
    let leftover: usize = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let w = w.to_ascii_lowercase();
            !matches!(
                w.as_str(),
                "updated"
                    | "published"
                    | "posted"
                    | "last"
                    | "on"
                    | "at"
                    | "am"
                    | "pm"
                    | "gmt"
                    | "utc"
                    | "est"
                    | "edt"
                    | "bst"
                    | "cet"
                    | "pst"
                    | "ist"
                    | "pkt"
                    | "mon"
                    | "tue"
                    | "tues"
                    | "wed"
                    | "thu"
                    | "thur"
                    | "thurs"
                    | "fri"
                    | "sat"
                    | "sun"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
            )
        })
        .map(str::len)
        .sum();
    (leftover <= 4).then_some(date)
}

fn weekday_of(name: &str) -> Option<Weekday> {
    name.parse().ok()
}

/// Chooses the year of a dateline's month and day: the years the text mentions (and the year
/// after each) are candidates. A story is written after the past it tells, so a candidate
/// before the latest month or year the text names ("came under attack in July 2019") loses;
/// among the rest, the one whose calendar puts the weekdays the text names on the dateline day
/// (or the day before) wins, then the earliest (the story tells its recent past).
fn infer_year(text: &str, month: u32, day: u32, fallback: Option<NaiveDate>) -> Option<NaiveDate> {
    // the latest period the text names as past: "July 2019" from its first day, "2019" from
    // 1 January (not a year still to come: "elections brought forward to 2024")
    let latest = YEAR
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(1)?;
            let y: i32 = m.as_str().parse().ok()?;
            let before = text[..m.start()].trim_end();
            if names_year_to_come(before) {
                return None;
            }
            let word = before.rsplit(|c: char| !c.is_ascii_alphabetic()).next();
            let mo = word.and_then(month_word).unwrap_or(1);
            NaiveDate::from_ymd_opt(y, mo, 1)
        })
        .max();
    // "a year ago, in March 2024": the story's year itself
    let counted_back: Vec<i32> = YEARS_AGO
        .captures_iter(text)
        .filter_map(|c| {
            let n = match c[1].to_ascii_lowercase().as_str() {
                "a" | "one" => 1,
                "two" => 2,
                "three" => 3,
                "four" => 4,
                _ => 5,
            };
            Some(c[2].parse::<i32>().ok()? + n)
        })
        .collect();
    let mut years: Vec<i32> = YEAR
        .captures_iter(text)
        .filter_map(|c| c[1].parse().ok())
        .flat_map(|y: i32| [y, y + 1])
        .collect();
    if let Some(f) = fallback {
        years.push(f.year());
    }
    years.sort_unstable();
    years.dedup();
    let weekdays: Vec<Weekday> = WEEKDAY
        .captures_iter(text)
        .filter_map(|c| weekday_of(&c[1]))
        .collect();
    years
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .max_by_key(|d| {
            let prev = d.pred_opt().map(|p| p.weekday());
            let score: usize = weekdays
                .iter()
                .map(|&w| {
                    if w == d.weekday() {
                        2
                    } else if Some(w) == prev {
                        1
                    } else {
                        0
                    }
                })
                .sum();
            let after_latest = latest.is_none_or(|l| *d >= l);
            let counted = counted_back.contains(&d.year());
            (counted, after_latest, score, std::cmp::Reverse(d.year()))
        })
}

/// Does the text before a year say it is still to come ("forward to 2024", "until 2030", "by
/// 2026", "scheduled for 2025")?
fn names_year_to_come(before: &str) -> bool {
    let mut words = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase);
    let (last, prev) = (
        words.next().unwrap_or_default(),
        words.next().unwrap_or_default(),
    );
    match last.as_str() {
        "until" | "till" | "by" => true,
        "to" => matches!(
            prev.as_str(),
            "forward" | "postponed" | "delayed" | "pushed" | "extended" | "back"
        ),
        "for" => matches!(prev.as_str(), "scheduled" | "planned" | "set" | "due"),
        "in" => matches!(prev.as_str(), "due" | "held" | "expected"),
        _ => false,
    }
}

/// Finds the publication date written in an article's text, if any. `fallback` (the `--date`
/// option) only helps choose a dateline's year.
pub fn find_publication_date(text: &str, fallback: Option<NaiveDate>) -> Option<NaiveDate> {
    // 1. An explicit "Published ..." footer or header, anywhere. (Speed: a match is one whole
    // line, so each line is searched alone, and only one that opens with "first" or
    // "published" after its blanks, whose first letter has no case variant but the ASCII
    // ones: the same matches in the same order as a search of the whole text, without a
    // search that a single non-ASCII char anywhere in a long text makes slow, since the
    // automaton gives up on a Unicode word boundary there.)
    for line in text.split('\n') {
        let opening = line.trim_start_matches([' ', '\t']).as_bytes().first();
        if !matches!(opening, Some(b'f' | b'F' | b'p' | b'P')) {
            continue;
        }
        if let Some(m) = FOOTER.find(line) {
            if let Some((d, _)) = parse_date_phrase(m.as_str()) {
                return Some(d);
            }
        }
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let head = &lines[..lines.len().min(6)];
    // 2. A date line at the top.
    if let Some(d) = head.iter().find_map(|l| is_date_line(l)) {
        return Some(d);
    }
    // 3. A wire dateline: "KABUL, Aug 8 (Reuters) -".
    for l in head {
        if let Some(c) = DATELINE.captures(l) {
            if let (Some(m), Ok(day)) = (month_number(&c[1]), c[2].parse::<u32>()) {
                // "KHARTOUM, May 21, 2023 (Reuters) -": the dateline's own year
                let own = c
                    .get(3)
                    .and_then(|y| y.as_str().parse().ok())
                    .and_then(|y| NaiveDate::from_ymd_opt(y, m, day));
                if let Some(d) = own.or_else(|| infer_year(text, m, day, fallback)) {
                    return Some(d);
                }
            }
        }
    }
    // 4. A closing "Updated ..." or date line, or a closing line about the report ("This
    //    report was filed from Hermosillo on November 6, 2019.")
    if let Some(last) = lines.last() {
        if let Some(d) = is_date_line(last) {
            return Some(d);
        }
        if last.len() <= 160 && FILED.is_match(last) {
            if let Some((d, _)) = parse_date_phrase(last) {
                return Some(d);
            }
        }
    }
    // 5. Only a copyright year: the latest day of that year the story names ("Saturday,
    //    June 5") is the best estimate of when it was written.
    let year: i32 = COPYRIGHT.captures(text)?.get(1)?.as_str().parse().ok()?;
    MONTH_DAY
        .captures_iter(text)
        // a day written with another year is not this story's
        .filter(|c| c.get(3).is_none_or(|y| y.as_str() == year.to_string()))
        .filter_map(|c| NaiveDate::from_ymd_opt(year, month_number(&c[1])?, c[2].parse().ok()?))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn date_phrases() {
        assert_eq!(
            parse_date_phrase("July 8th, 2021").map(|x| x.0),
            d(2021, 7, 8)
        );
        assert_eq!(
            parse_date_phrase("Tue 15 Aug 2023").map(|x| x.0),
            d(2023, 8, 15)
        );
        assert_eq!(
            parse_date_phrase("Nov. 22, 2020").map(|x| x.0),
            d(2020, 11, 22)
        );
        assert_eq!(
            parse_date_phrase("at 2019-10-18T10:00").map(|x| x.0),
            d(2019, 10, 18)
        );
        assert_eq!(parse_date_phrase("in May 2021"), None);
    }

    #[test]
    fn footer_beats_teasers() {
        let t = "Caption line.\nBody of the story on Wednesday.\nPublished in The Daily Example, March 3rd, 2022\n\n28 Nov 2021\nTeaser headline\nUpdated 27 Nov 2021\n";
        assert_eq!(find_publication_date(t, None), d(2022, 3, 3));
        let t = "Body.\nFirst published on Tue 15 Aug 2023\n";
        assert_eq!(find_publication_date(t, None), d(2023, 8, 15));
    }

    /// The footer is found line by line as a search of the whole text found it: after blanks,
    /// in any case, past non-ASCII text, with a carriage return; never inside a line.
    #[test]
    fn footer_lines_wherever_they_stand() {
        let t = "“Rebels” shelled the café’s street.\n\t  PUBLISHED in The Example, March 3rd, 2022\r\nMore.";
        assert_eq!(find_publication_date(t, None), d(2022, 3, 3));
        let t = "Gunmen struck.\n   first  published on Tue 15 Aug 2023";
        assert_eq!(find_publication_date(t, None), d(2023, 8, 15));
        let t =
            "Gunmen struck.\nIt was published on Tue 15 Aug 2023 by a wire.\nMore text follows.";
        assert_eq!(find_publication_date(t, None), None);
    }

    #[test]
    fn date_line_at_top_but_not_a_caption() {
        let t = "In this photo taken Sunday, Nov. 22, 2020, refugees queue for food.\n\nUpdated 9:31 AM GMT, November 29, 2020\n\nNAIROBI (AP) — Body.";
        assert_eq!(find_publication_date(t, None), d(2020, 11, 29));
        let t = "Thu Dec 22, 2016 | 5:41pm EST\n\nBEIRUT, Dec 22 (Reuters) - Body.";
        assert_eq!(find_publication_date(t, None), d(2016, 12, 22));
    }

    #[test]
    fn a_dateline_with_its_own_year_takes_it() {
        assert_eq!(
            find_publication_date("KHARTOUM, May 21, 2023 (Wire) - Talks resumed.", None),
            d(2023, 5, 21)
        );
    }

    #[test]
    fn dateline_year_from_weekdays_and_years_in_text() {
        // 12 Feb is a Friday in 2021, a Wednesday in 2020.
        let t = "YANGON, Feb 12 (Reuters) - The junta freed prisoners on Friday. The November 2020 vote was disputed.";
        assert_eq!(find_publication_date(t, None), d(2021, 2, 12));
        // no year in the text: only the fallback can tell
        let t = "KABUL, Aug 8 (Reuters) - Fighters took the city on Sunday.";
        assert_eq!(find_publication_date(t, None), None);
        assert_eq!(find_publication_date(t, d(2021, 1, 1)), d(2021, 8, 8));
        // 12 Dec is a Wednesday in 2018, a Thursday in 2019; the story names July 2019 as past
        let t = "NIAMEY, Dec 12 (Wire) - Police detained three men on Wednesday. The camp was \
                 attacked in July 2019. An ambush in October 2017 killed eight soldiers.";
        assert_eq!(find_publication_date(t, None), d(2019, 12, 12));
        // a year still to come is no evidence; 16 Dec is a Friday in 2022
        let t = "LIMA, Dec 16 - Troops fired on marchers on Friday. The president was removed \
                 on Dec. 7, 2022. He proposed bringing the vote forward to 2024.";
        assert_eq!(find_publication_date(t, None), d(2022, 12, 16));
        // "a year ago, in March 2024": the story's year is 2025
        let t = "JUBA, April 1 - Gunmen raided the town on Monday. A year ago, in March 2024, \
                 the same group seized the bridge.";
        assert_eq!(find_publication_date(t, None), d(2025, 4, 1));
        // a month named late in a year: a dateline early in the next
        let t = "KABUL, Jan 5 (Wire) - The talks that began in December 2019 resumed.";
        assert_eq!(find_publication_date(t, None), d(2020, 1, 5));
    }

    #[test]
    fn copyright_year_and_the_latest_day_named() {
        let t = "OUAGADOUGOU (AP) — Gunmen struck late Friday and into the early hours of Saturday, June 5. An earlier raid came on May 30.\n\nCopyright 2021 The Associated Press.";
        assert_eq!(find_publication_date(t, None), d(2021, 6, 5));
        assert_eq!(
            find_publication_date("Rebels struck on June 5.", None),
            None
        );
    }

    #[test]
    fn closing_line_about_the_report() {
        let t = "GAO, Mali - Gunmen attacked a camp on Sunday.\n\nThis report was filed from Bamako on March 3, 2019.";
        assert_eq!(find_publication_date(t, None), d(2019, 3, 3));
        let t = "Gunmen attacked a camp on Sunday.\nFiled from Kabul, 3 May 2021";
        assert_eq!(find_publication_date(t, None), d(2021, 5, 3));
        // a closing sentence of the story that only names a date is not about the report
        let t = "Gunmen attacked a camp on Sunday.\nThe camp was first attacked on March 3, 2019.";
        assert_eq!(find_publication_date(t, None), None);
    }

    #[test]
    fn closing_updated_line() {
        let t = "SANAA, Yemen (AP) — Planes landed on Friday.\n\nUpdated 16 October 2020";
        assert_eq!(find_publication_date(t, None), d(2020, 10, 16));
        assert_eq!(find_publication_date("No date here at all.", None), None);
    }
}
