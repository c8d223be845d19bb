//! Calendar values of time expressions: TIMEX3 value strings and [`EventDate`]s.

use crate::model::{EventDate, TimePrecision, TimexType};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A resolved (or partly resolved) calendar value.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// A day, with an optional TIMEX3 part of day (`NI`, `MO`...).
    Day(NaiveDate, Option<&'static str>),
    /// A clock time on a day (hour, minute).
    DayTime(NaiveDate, u32, u32),
    /// The ISO week containing the date.
    Week(NaiveDate),
    /// The weekend starting on this Saturday.
    Weekend(NaiveDate),
    Month(i32, u32),
    Quarter(i32, u32),
    Season(i32, &'static str),
    Year(i32),
    /// A decade, by its first year (1990 for "the 1990s"); value `199X` as in TimeBank.
    Decade(i32),
    /// A day, week or month (the granularity) somewhere in a coarser known value: "six days
    /// later" after "in December 2020" is `2020-12-XX`, dated to that month.
    Within(Box<Val>, Gran),
    /// Anything else: reference values, unresolved dates (`XXXX-06`), durations, sets.
    Other(String),
}

/// `d.format("%Y-%m-%d")`, written without chrono's format-string parser where the year
/// has four digits (speed: every date mention's value is one); other years as chrono writes
/// them.
fn ymd(d: NaiveDate) -> String {
    let y = d.year();
    if !(0..=9999).contains(&y) {
        return d.format("%Y-%m-%d").to_string();
    }
    let (y, m, day) = (y as u32, d.month(), d.day());
    let digit = |v: u32| char::from(b'0' + (v % 10) as u8);
    let mut s = String::with_capacity(10);
    for c in [y / 1000, y / 100, y / 10, y] {
        s.push(digit(c));
    }
    s.push('-');
    s.push(digit(m / 10));
    s.push(digit(m));
    s.push('-');
    s.push(digit(day / 10));
    s.push(digit(day));
    s
}

/// Granularity of a value, finest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gran {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Val {
    /// The calendar year the value lies in, where it has one.
    pub fn year(&self) -> Option<i32> {
        match self {
            Val::Day(d, _) | Val::DayTime(d, ..) | Val::Week(d) | Val::Weekend(d) => Some(d.year()),
            Val::Month(y, _) | Val::Quarter(y, _) | Val::Season(y, _) | Val::Year(y) => Some(*y),
            Val::Within(v, _) => v.year(),
            Val::Decade(_) | Val::Other(_) => None,
        }
    }

    pub fn value(&self) -> String {
        match self {
            Val::Day(d, None) => ymd(*d),
            Val::Day(d, Some(p)) => format!("{}T{p}", ymd(*d)),
            Val::DayTime(d, h, m) => format!("{}T{h:02}:{m:02}", ymd(*d)),
            Val::Week(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Val::Weekend(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}-WE", w.year(), w.week())
            }
            Val::Month(y, m) => format!("{y:04}-{m:02}"),
            Val::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Val::Season(y, s) => format!("{y:04}-{s}"),
            Val::Year(y) => format!("{y:04}"),
            Val::Decade(y) => format!("{:03}X", y / 10),
            Val::Other(s) => s.clone(),
            Val::Within(v, g) => {
                let (y, m) = match **v {
                    Val::Month(y, m) => (y, Some(m)),
                    _ => match v.year() {
                        Some(y) => (y, None),
                        None => return v.value(),
                    },
                };
                match (g, m) {
                    (Gran::Day, Some(m)) => format!("{y:04}-{m:02}-XX"),
                    (Gran::Day, None) => format!("{y:04}-XX-XX"),
                    (Gran::Week, _) => format!("{y:04}-WXX"),
                    (_, Some(m)) => format!("{y:04}-{m:02}"),
                    _ => format!("{y:04}-XX"),
                }
            }
        }
    }

    pub fn timex_type(&self) -> TimexType {
        match self {
            Val::Day(_, Some(_)) | Val::DayTime(..) => TimexType::Time,
            _ => TimexType::Date,
        }
    }

    /// The calendar date (first day of the period) and its precision.
    pub fn event_date(&self) -> Option<EventDate> {
        let (date, precision) = match *self {
            Val::Day(d, _) | Val::DayTime(d, ..) => (d, TimePrecision::Day),
            Val::Week(d) => (monday_of(d), TimePrecision::Week),
            Val::Weekend(d) => (d, TimePrecision::Week),
            Val::Month(y, m) => (NaiveDate::from_ymd_opt(y, m, 1)?, TimePrecision::Month),
            Val::Quarter(y, q) => (
                NaiveDate::from_ymd_opt(y, (q.clamp(1, 4) - 1) * 3 + 1, 1)?,
                TimePrecision::Year,
            ),
            Val::Season(y, s) => {
                let m = match s {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                };
                (NaiveDate::from_ymd_opt(y, m, 1)?, TimePrecision::Year)
            }
            Val::Year(y) => (NaiveDate::from_ymd_opt(y, 1, 1)?, TimePrecision::Year),
            Val::Within(ref v, _) => return v.event_date(),
            Val::Decade(_) | Val::Other(_) => return None,
        };
        Some(EventDate { date, precision })
    }

    pub fn gran(&self) -> Option<Gran> {
        Some(match self {
            Val::Day(..) | Val::DayTime(..) => Gran::Day,
            Val::Week(_) | Val::Weekend(_) => Gran::Week,
            Val::Month(..) => Gran::Month,
            Val::Quarter(..) | Val::Season(..) => Gran::Quarter,
            Val::Year(_) => Gran::Year,
            Val::Within(v, _) => return v.gran(),
            _ => return None,
        })
    }

    /// A representative day of the value (its first day), for offsets.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.event_date().map(|e| e.date)
    }
}

pub fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

pub fn weekday_from(n: i64) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The given weekday on or before `d` (`strict`: before).
pub fn weekday_before(d: NaiveDate, wd: Weekday, strict: bool) -> NaiveDate {
    let mut back =
        (7 + d.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64) % 7;
    if strict && back == 0 {
        back = 7;
    }
    d - Duration::days(back)
}

/// The given weekday on or after `d` (`strict`: after).
pub fn weekday_after(d: NaiveDate, wd: Weekday, strict: bool) -> NaiveDate {
    let mut fwd =
        (7 + wd.num_days_from_monday() as i64 - d.weekday().num_days_from_monday() as i64) % 7;
    if strict && fwd == 0 {
        fwd = 7;
    }
    d + Duration::days(fwd)
}

/// Adds months to (year, month).
pub fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let t = y as i64 * 12 + (m as i64 - 1) + n;
    (t.div_euclid(12) as i32, (t.rem_euclid(12) + 1) as u32)
}

/// Shifts a value by `n` units (`D W M Q Y DE CE`), keeping the coarser of its own granularity
/// and the unit's.
/// When a holiday falls in a year (see the `holiday` class of `time_lexicon.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayRule {
    /// A fixed month and day ("12-25").
    Fixed(u32, u32),
    /// The `n`th weekday (1 = Monday) of a month, `n` = -1 for the last, then `offset` days
    /// ("4:4:11" Thanksgiving, "1:1:11+1" the US Election Day).
    Nth {
        n: i32,
        wd: u32,
        month: u32,
        offset: i64,
    },
    /// Days from Easter Sunday ("E+0", "E-2").
    Easter(i64),
}

impl HolidayRule {
    pub fn parse(s: &str) -> Option<HolidayRule> {
        let s = s.trim();
        if let Some(off) = s.strip_prefix('E') {
            return Some(HolidayRule::Easter(
                off.trim_start_matches('+').parse().ok()?,
            ));
        }
        if let Some((m, d)) = s.split_once('-').filter(|_| !s.contains(':')) {
            let (m, d) = (m.parse().ok()?, d.parse().ok()?);
            NaiveDate::from_ymd_opt(2000, m, d)?;
            return Some(HolidayRule::Fixed(m, d));
        }
        let (main, offset) = match s.split_once('+') {
            Some((a, b)) => (a, b.parse().ok()?),
            None => (s, 0),
        };
        let mut it = main.split(':');
        let n: i32 = it.next()?.parse().ok()?;
        let wd: u32 = it.next()?.parse().ok()?;
        let month: u32 = it.next()?.parse().ok()?;
        ((1..=7).contains(&wd) && (1..=12).contains(&month) && n != 0 && (-1..=5).contains(&n))
            .then_some(HolidayRule::Nth {
                n,
                wd,
                month,
                offset,
            })
    }

    /// The holiday's date in year `y`.
    pub fn date(self, y: i32) -> Option<NaiveDate> {
        match self {
            HolidayRule::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
            HolidayRule::Nth {
                n,
                wd,
                month,
                offset,
            } => {
                let w = weekday_from(wd as i64);
                let d = if n > 0 {
                    let first = NaiveDate::from_ymd_opt(y, month, 1)?;
                    weekday_after(first, w, false) + Duration::weeks(n as i64 - 1)
                } else {
                    let (ny, nm) = add_months(y, month, 1);
                    let last = NaiveDate::from_ymd_opt(ny, nm, 1)? - Duration::days(1);
                    weekday_before(last, w, false)
                };
                d.checked_add_signed(Duration::days(offset))
            }
            HolidayRule::Easter(off) => easter(y)?.checked_add_signed(Duration::days(off)),
        }
    }
}

/// Easter Sunday of the Gregorian year `y` (the computus in its usual arithmetic form).
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

pub fn shift(v: &Val, unit: &str, n: i64) -> Option<Val> {
    let d = v.first_day()?;
    let g = v.gran()?;
    Some(match unit {
        "D" => {
            let nd = d.checked_add_signed(Duration::days(n))?;
            match g {
                Gran::Day => Val::Day(nd, None),
                _ => return None,
            }
        }
        "W" => {
            // "two weeks later": a week, as TimeML has it
            Val::Week(d.checked_add_signed(Duration::weeks(n))?)
        }
        "M" => {
            // "fifteen months later", "that month": a month
            let (y, m) = add_months(d.year(), d.month(), n);
            Val::Month(y, m)
        }
        "Q" => {
            let (y, m) = add_months(d.year(), d.month(), 3 * n);
            Val::Quarter(y, (m - 1) / 3 + 1)
        }
        "Y" | "DE" | "CE" => {
            let k = match unit {
                "DE" => 10,
                "CE" => 100,
                _ => 1,
            } * n;
            let y = d.year() + k as i32;
            // "two decades earlier": the decade (TimeML 194), "a century later" the century
            match unit {
                "DE" => return Some(Val::Other(format!("{:03}", y.div_euclid(10)))),
                "CE" => return Some(Val::Other(format!("{:02}", y.div_euclid(100)))),
                _ => {}
            }
            match v {
                Val::Quarter(_, q) => Val::Quarter(y, *q),
                Val::Season(_, s) => Val::Season(y, s),
                _ => Val::Year(y),
            }
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn values_and_dates() {
        assert_eq!(Val::Week(d(2021, 7, 1)).value(), "2021-W26");
        assert_eq!(
            Val::Week(d(2021, 7, 1)).event_date().unwrap().date,
            d(2021, 6, 28)
        );
        assert_eq!(Val::Weekend(d(2021, 7, 3)).value(), "2021-W26-WE");
        assert_eq!(Val::Day(d(2021, 7, 6), Some("NI")).value(), "2021-07-06TNI");
        assert_eq!(Val::Decade(1990).value(), "199X");
        // holidays
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(easter(2000), Some(d(2000, 4, 23)));
        assert_eq!(easter(2021), Some(d(2021, 4, 4)));
        assert_eq!(easter(1998), Some(d(1998, 4, 12)));
        let thanks = HolidayRule::parse("4:4:11").unwrap();
        assert_eq!(thanks.date(1999), Some(d(1999, 11, 25)));
        let election = HolidayRule::parse("1:1:11+1").unwrap();
        assert_eq!(election.date(1998), Some(d(1998, 11, 3)));
        let memorial = HolidayRule::parse("-1:1:5").unwrap();
        assert_eq!(memorial.date(2021), Some(d(2021, 5, 31)));
        assert_eq!(
            HolidayRule::parse("12-25").unwrap().date(2021),
            Some(d(2021, 12, 25))
        );
        assert_eq!(
            HolidayRule::parse("E-2").unwrap().date(2021),
            Some(d(2021, 4, 2))
        );
        assert_eq!(HolidayRule::parse("13-40"), None);
        assert_eq!(Val::Decade(1990).event_date(), None);
    }

    #[test]
    fn weekday_arithmetic() {
        let thu = d(2021, 7, 8);
        assert_eq!(weekday_before(thu, Weekday::Thu, false), thu);
        assert_eq!(weekday_before(thu, Weekday::Fri, false), d(2021, 7, 2));
        assert_eq!(weekday_after(thu, Weekday::Fri, false), d(2021, 7, 9));
        assert_eq!(weekday_after(thu, Weekday::Thu, true), d(2021, 7, 15));
    }

    #[test]
    fn shifting() {
        assert_eq!(
            shift(&Val::Day(d(2021, 6, 30), None), "D", 3),
            Some(Val::Day(d(2021, 7, 3), None))
        );
        assert_eq!(
            shift(&Val::Quarter(1989, 3), "Y", -1),
            Some(Val::Quarter(1988, 3))
        );
        assert_eq!(add_months(2021, 1, -1), (2020, 12));
    }

    #[test]
    fn day_values_are_written_as_chrono_writes_them() {
        for (y, m, dd) in [
            (2021, 6, 3),
            (1999, 12, 31),
            (7, 1, 9),
            (0, 2, 29),
            (9999, 12, 1),
        ] {
            let day = d(y, m, dd);
            assert_eq!(ymd(day), day.format("%Y-%m-%d").to_string());
        }
        for y in [-1, -45, 10000, 12345] {
            let day = d(y, 3, 4);
            assert_eq!(ymd(day), day.format("%Y-%m-%d").to_string());
        }
    }
}
