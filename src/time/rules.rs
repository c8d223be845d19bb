//! Local parsing: from a trigger token, grow a time expression left and right using the
//! lexicon classes, and say what it means ([`Sem`]), before any calendar resolution.

use super::calendar::HolidayRule;
use super::lexicon::{Class, Entry, Lexicon};

/// A token of a local window: byte span into the text and its kind.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub s: usize,
    pub e: usize,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// Starts with a digit ("2021", "2nd", "1990s").
    Num,
    Punct,
}

/// Tokenizes `text[lo..hi]` into `out`: runs of letters, runs of digits+letters, single
/// punctuation characters. Hyphens, apostrophes and dots are separate tokens.
pub fn tokenize(text: &str, lo: usize, hi: usize, out: &mut Vec<Tok>) {
    out.clear();
    tokenize_onto(text, lo, hi, out);
}

/// The tokens of a window `text[lo..hi]`, as [`tokenize`] gives them, reusing those of the
/// window `out` holds (`held`, updated) where the new one overlaps it and lies no further
/// left: the candidates of a text come in order and their windows overlap, so most of each
/// window need not be read again. `lo` and `hi` are on character boundaries.
pub fn tokenize_window(
    text: &str,
    lo: usize,
    hi: usize,
    out: &mut Vec<Tok>,
    held: &mut (usize, usize),
) {
    let (plo, phi) = *held;
    *held = (lo, hi);
    if lo < plo || lo >= phi || hi < phi {
        tokenize(text, lo, hi, out);
        return;
    }
    let gone = out.partition_point(|t| t.e <= lo);
    out.drain(..gone);
    // a word the new start cuts: its rest, which is what reading from `lo` gives (a
    // punctuation token is one character, so never cut)
    if let Some(t) = out.first_mut() {
        if t.s < lo {
            t.s = lo;
            t.kind = if text.as_bytes()[lo].is_ascii_digit() {
                Kind::Num
            } else {
                Kind::Word
            };
        }
    }
    // the last token may be a word the old end cut: read it again from its start
    let from = match out.last() {
        Some(t) if t.e == phi => {
            let s = t.s;
            out.pop();
            s
        }
        _ => phi,
    };
    tokenize_onto(text, from, hi, out);
}

/// [`tokenize`] without clearing `out` first: appends the tokens of `text[lo..hi]`.
fn tokenize_onto(text: &str, lo: usize, hi: usize, out: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let mut i = lo;
    while i < hi {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_alphanumeric() || c >= 0x80 {
            // a word: ASCII alnum or non-ASCII letters
            let start = i;
            let mut j = i;
            loop {
                // (speed) a run of ASCII letters and digits, sixteen bytes at a time
                j = crate::text::alnum_run_end(&b[..hi], j);
                if j < hi && b[j] >= 0x80 {
                    let ch = text[j..].chars().next().unwrap_or(' ');
                    if crate::text::is_alnum(ch) {
                        j += ch.len_utf8();
                        continue;
                    }
                }
                break;
            }
            if j == start {
                // a non-ASCII non-letter: one punctuation char
                let ch = text[i..].chars().next().unwrap_or(' ');
                let l = ch.len_utf8();
                if !ch.is_whitespace() {
                    out.push(Tok {
                        s: i,
                        e: i + l,
                        kind: Kind::Punct,
                    });
                }
                i += l;
                continue;
            }
            let kind = if c.is_ascii_digit() {
                Kind::Num
            } else {
                Kind::Word
            };
            out.push(Tok {
                s: start,
                e: j,
                kind,
            });
            i = j;
        } else {
            out.push(Tok {
                s: i,
                e: i + 1,
                kind: Kind::Punct,
            });
            i += 1;
        }
    }
}

/// `Sem::Abs::yrel` of "May that year": the year of the date told last.
pub const THAT_YEAR: i64 = i64::MIN;

/// What an expression means, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// An explicit date; missing year inferred from the reference time and tense.
    Abs {
        y: Option<i32>,
        m: u32,
        d: Option<u32>,
        /// "last May" (-1), "next March" (+1).
        rel: Option<i64>,
        /// "June last year" (-1), "May this year" (0).
        yrel: Option<i64>,
    },
    Year(i32),
    /// "the week of March 6": the week of a day.
    WeekOf(Box<Sem>),
    /// "the day before last Tuesday": a day `n` days from the day meant.
    DayShift(Box<Sem>, i64),
    /// A half year: "the first half of 1990" (`h` 1), "the last half of 1989" (2).
    Half {
        y: i32,
        h: u32,
    },
    /// A decade by its first year; `true` when definite ("the 1990s": TimeML `199`, a bare
    /// "1990s": `199X`).
    Decade(i32, bool),
    Quarter {
        y: Option<i32>,
        /// 0 = the quarter last mentioned ("the 1988 period").
        q: u32,
        /// Year relative to the reference time ("next year's first quarter").
        yrel: Option<i64>,
    },
    Season {
        y: Option<i32>,
        s: &'static str,
        rel: Option<i64>,
    },
    Weekday {
        wd: i64,
        rel: Option<i64>,
        part: Option<&'static str>,
        /// "Wednesday last week" (-1), "Tuesday next week" (+1), "Monday this week" (0): the
        /// day of that week, counted from the reference time's week.
        week: Option<i64>,
    },
    /// Day offset from the reference time ("yesterday").
    Deictic {
        days: i64,
        part: Option<&'static str>,
    },
    /// `n` units from the reference time, at the unit's granularity ("last week", "two days ago").
    RelUnit {
        unit: &'static str,
        n: i64,
    },
    /// `n` units before the reference time ("two days ago"); after a quarter, "a year ago" is
    /// that quarter a year before.
    Ago {
        unit: &'static str,
        n: i64,
    },
    /// `n` units from the previous date mentioned ("three days later", "the previous day").
    PrevOffset {
        unit: &'static str,
        n: i64,
    },
    Weekend {
        rel: Option<i64>,
    },
    Ref(&'static str),
    Duration(String),
    Set(String),
    /// "hours after <event>": takes the date in force.
    EventAnchored,
    /// "the previous Friday" (`dir` -1), "the following Monday" (+1), from the date in force.
    PrevWeekday {
        wd: i64,
        dir: i64,
    },
    /// A year before Christ.
    Bc(i32),
    /// A season of a year before Christ ("the spring of 480 BC": BC0480-SP).
    SeasonBc(i32, &'static str),
    /// A month of a year before Christ ("April 480 BC": BC0480-04).
    MonthBc(i32, u32),
    /// A part of a day ("the night of 20 June 1791": 1791-06-20TNI); `from` is the first
    /// token of the day's own expression.
    PartOf {
        day: Box<Sem>,
        part: &'static str,
        from: usize,
    },
    /// A clock time, on the day of `day` (a weekday or deictic meaning) or the reference day.
    Clock {
        h: u32,
        min: u32,
        day: Option<Box<Sem>>,
    },
    /// A holiday ("Thanksgiving", "Election Day", "last Christmas", "Easter 2021").
    Holiday {
        rule: HolidayRule,
        y: Option<i32>,
        rel: Option<i64>,
    },
    /// A century before Christ, by its number minus one ("the 4th century BC": BC03).
    CenturyBc(i32),
    /// A century by its number minus one ("the 20th century": 19).
    Century(i32),
    /// "the year" (`n` 0), "the latest fiscal year" (-1): the year in force in a history, else
    /// the reference time's.
    TheYear {
        n: i64,
    },
    /// "the month": the month in force in a history, else the reference time's.
    TheMonth,
    /// "by year-end", "since year's end": the year in force (a history) or the reference
    /// time's, the one before in a past-tense clause ("since year-end").
    YearEnd,
    /// A part of the day in force ("by mid afternoon"), else of the reference day, or of a
    /// day `days` after it ("the next morning"); with `near`, only a day told in the same or
    /// the previous sentence is in force ("overnight").
    PartOfDay {
        part: &'static str,
        days: i64,
        near: bool,
    },
    /// An age ("a 21-year-old", "52 years old"): consumed so it never becomes a date, not
    /// reported as a time expression.
    Age,
    /// "the quarter": the quarter last mentioned, else the last complete quarter before the
    /// reference time; "the latest quarter" (`latest`): always the latter.
    LatestQuarter {
        latest: bool,
    },
}

/// A parsed expression: token range `[a, b)` and meaning.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub a: usize,
    pub b: usize,
    pub sem: Sem,
}

/// Parsing context over one window of tokens.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub lex: &'a Lexicon,
    /// Tokens before this index belong to an earlier expression.
    pub min: usize,
}

fn unit_static(v: &str) -> &'static str {
    match v {
        "D" => "D",
        "W" => "W",
        "2W" => "2W",
        "M" => "M",
        "Y" => "Y",
        "Q" => "Q",
        "DE" => "DE",
        "CE" => "CE",
        "TH" => "TH",
        "TM" => "TM",
        "TS" => "TS",
        "WE" => "WE",
        "PQ" => "PQ",
        _ => "X",
    }
}

fn code_static(v: &str) -> Option<&'static str> {
    Some(match v {
        "MO" => "MO",
        "AF" => "AF",
        "EV" => "EV",
        "NI" => "NI",
        "SP" => "SP",
        "SU" => "SU",
        "FA" => "FA",
        "WI" => "WI",
        "PRESENT_REF" => "PRESENT_REF",
        "PAST_REF" => "PAST_REF",
        "FUTURE_REF" => "FUTURE_REF",
        _ => return None,
    })
}

/// TIMEX3 duration value of `n` units (`n` = None for vague quantities).
pub fn duration_value(n: Option<i64>, unit: &str) -> String {
    let q = n.map_or("X".to_string(), |n| n.to_string());
    match unit {
        "TH" => format!("PT{q}H"),
        "TM" => format!("PT{q}M"),
        "TS" => format!("PT{q}S"),
        "WE" => format!("P{q}WE"),
        "2W" => format!("P{}W", n.map_or("X".to_string(), |n| (2 * n).to_string())),
        // decades and centuries in years, as TimeBank does
        "DE" | "CE" => match n {
            Some(n) => format!("P{}Y", n * if unit == "DE" { 10 } else { 100 }),
            // vague decades in years too ("decades-long": PXY)
            None => format!("PX{}", if unit == "DE" { "Y" } else { "C" }),
        },
        u => format!("P{q}{u}"),
    }
}

impl<'a> Ctx<'a> {
    pub fn w(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.s..t.e])
    }
    fn ok(&self, i: usize) -> bool {
        i >= self.min && i < self.toks.len()
    }
    fn is(&self, i: usize, word: &str) -> bool {
        self.ok(i) && self.w(i).eq_ignore_ascii_case(word)
    }
    /// Token `i`, or the "the" right before it ("the week of", "the night of").
    fn with_the(&self, i: usize) -> usize {
        if i > self.min && self.is(i - 1, "the") {
            i - 1
        } else {
            i
        }
    }
    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(i, w))
    }
    fn punct(&self, i: usize, chars: &str) -> bool {
        self.ok(i) && self.toks[i].kind == Kind::Punct && chars.contains(self.w(i))
    }
    pub fn cls(&self, i: usize, c: Class) -> Option<&'a Entry> {
        if !self.ok(i) || self.toks[i].kind != Kind::Word {
            return None;
        }
        self.lex.entry(self.w(i), c)
    }
    fn cap(&self, i: usize) -> bool {
        self.w(i)
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_uppercase)
    }
    fn is_dash(&self, i: usize) -> bool {
        self.punct(i, "-–—")
    }
    /// Digits of a numeric token: (value, digit count, suffix).
    fn digits(&self, i: usize) -> Option<(i64, usize, &'a str)> {
        if !self.ok(i) || self.toks[i].kind != Kind::Num {
            return None;
        }
        let w = self.w(i);
        let nd = w.bytes().take_while(u8::is_ascii_digit).count();
        if nd > 9 {
            return None;
        }
        Some((w[..nd].parse().ok()?, nd, &w[nd..]))
    }
    /// A day of month: "7", "7th", "21st".
    fn day_num(&self, i: usize) -> Option<u32> {
        let (v, nd, suf) = self.digits(i)?;
        let suf_ok = suf.is_empty() || ["st", "nd", "rd", "th"].contains(&suf);
        (nd <= 2 && (1..=31).contains(&v) && suf_ok && !self.digit_context(i)).then_some(v as u32)
    }
    /// No space between token `i` and the next.
    fn adjacent(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.e == b.s,
            _ => false,
        }
    }
    /// A number continues across "," or "." with digits ("1,000", "3.5").
    fn digit_context(&self, i: usize) -> bool {
        (self.punct(i + 1, ",.:")
            && self.adjacent(i)
            && self.adjacent(i + 1)
            && self
                .digits(i + 2)
                .is_some_and(|d| d.2.is_empty() && d.1 >= 2))
            || (i >= 2
                && self.punct(i.wrapping_sub(1), ",.:$")
                && self.adjacent(i.wrapping_sub(1))
                && self.adjacent(i.wrapping_sub(2))
                && self.digits(i.wrapping_sub(2)).is_some())
            || (i >= 1 && self.punct(i.wrapping_sub(1), "$£€#"))
    }
    /// A four-digit year 1000–2099 ("2021").
    fn year_num(&self, i: usize) -> Option<i32> {
        let (v, nd, suf) = self.digits(i)?;
        (nd == 4 && suf.is_empty() && (1000..=2099).contains(&v) && !self.digit_context(i))
            .then_some(v as i32)
    }
    /// Token `i` is a four-digit year 1000–2099, even inside an earlier expression (a list
    /// of years: "1990 and 1991").
    fn year_token(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            let w = &self.text[t.s..t.e];
            t.kind == Kind::Num
                && w.len() == 4
                && w.bytes().all(|c| c.is_ascii_digit())
                && w.parse::<i32>().is_ok_and(|v| (1000..=2099).contains(&v))
        }) && !(i > 0
            && self.toks[i - 1].kind == Kind::Punct
            && "$£€#".contains(&self.text[self.toks[i - 1].s..self.toks[i - 1].e]))
    }

    /// The TimeML extent of a parsed expression: a modifier of its quantity belongs to it
    /// ("nearly two years", "more than four hours", "at least 30 days", lexicon class
    /// `approx`), so does "fiscal" before a year or quarter ("fiscal 1989", "the fiscal
    /// first quarter"); the article of a noun that a hyphenated expression modifies does not
    /// ("the 30-day period", "the third-quarter results").
    pub fn extent(&self, mut p: Parsed) -> Parsed {
        // a rate: "$500 million a year", "four flights a week", "700 seats per week" is a SET
        if let Sem::Duration(v) = &p.sem {
            if p.b == p.a + 2 && self.is_any(p.a, &["a", "per"]) && p.a > 0 {
                // the words before may belong to an earlier expression ("24 hours a day")
                let k = p.a - 1;
                let word = |i: usize, c: Class| {
                    self.toks[i].kind == Kind::Word && self.lex.entry(self.w(i), c).is_some()
                };
                let num = |i: usize| self.toks[i].kind == Kind::Num || word(i, Class::Number);
                let counted_noun = self.toks[k].kind == Kind::Word
                    && self.w(k).len() > 2
                    && self.w(k).ends_with('s')
                    && !word(k, Class::Prep)
                    && (k.saturating_sub(3)..k).any(num);
                if self.toks[k].kind == Kind::Num || word(k, Class::Magnitude) || counted_noun {
                    let v = v.clone();
                    return Parsed {
                        a: p.a,
                        b: p.b,
                        sem: Sem::Set(v),
                    };
                }
            }
        }
        // "the week of March 6": the week containing the day
        if matches!(p.sem, Sem::Abs { d: Some(_), .. })
            && p.a >= 2 + self.min
            && self.is(p.a - 1, "of")
            && self.is(p.a - 2, "week")
        {
            return Parsed {
                a: self.with_the(p.a - 2),
                b: p.b,
                sem: Sem::WeekOf(Box::new(p.sem)),
            };
        }
        // "the night of 20 June 1791", "the morning of April 19": that part of the day
        if matches!(p.sem, Sem::Abs { d: Some(_), .. })
            && p.a >= 2 + self.min
            && self.is(p.a - 1, "of")
        {
            if let Some(part) = self
                .cls(p.a - 2, Class::PartDay)
                .and_then(|pd| code_static(&pd.value))
            {
                return Parsed {
                    a: self.with_the(p.a - 2),
                    b: p.b,
                    sem: Sem::PartOf {
                        day: Box::new(p.sem),
                        part,
                        from: p.a,
                    },
                };
            }
        }
        // "Easter week", "Christmas week": the week containing the holiday
        if matches!(p.sem, Sem::Holiday { y: None, .. }) && self.is(p.b, "week") && !self.cap(p.b) {
            return Parsed {
                a: p.a,
                b: p.b + 1,
                sem: Sem::WeekOf(Box::new(p.sem)),
            };
        }
        // "the third-quarter earnings": "the" is the noun's
        if p.b == p.a + 4
            && self.is(p.a, "the")
            && self.is_dash(p.a + 2)
            && self.adjacent(p.a + 1)
            && self.adjacent(p.a + 2)
            && self.toks.get(p.b).is_some_and(|t| t.kind == Kind::Word)
            && !matches!(p.sem, Sem::Decade(..))
        {
            p.a += 1;
            return p;
        }
        if p.a == 0 || p.a <= self.min {
            return p;
        }
        let k = p.a - 1;
        let Some(e) = self.cls(k, Class::Approx) else {
            return p;
        };
        let period = matches!(p.sem, Sem::Year(_) | Sem::Quarter { .. });
        let quantity = self.quantity(p.a).is_some() || self.is_any(p.a, &["a", "an"]);
        let counted = matches!(
            p.sem,
            Sem::Duration(_) | Sem::Ago { .. } | Sem::PrevOffset { .. }
        );
        if e.period {
            if !period {
                return p;
            }
            p.a = k;
            // "the fiscal first quarter"
            if matches!(p.sem, Sem::Quarter { .. }) && k > self.min && self.is(k - 1, "the") {
                p.a = k - 1;
            }
            return p;
        }
        if !(quantity && counted) {
            return p;
        }
        // the words before the entry's word ("more" of "more than"), longest first
        let mut best = None;
        for alt in e.value.split('|') {
            let words: Vec<&str> = alt.split_whitespace().filter(|w| *w != "-").collect();
            if words.len() > k - self.min {
                continue;
            }
            let start = k - words.len();
            if words.iter().enumerate().all(|(j, w)| self.is(start + j, w))
                && best.is_none_or(|b| start < b)
            {
                best = Some(start);
            }
        }
        if let Some(start) = best {
            p.a = start;
        }
        p
    }

    /// A quantity: digits or a number word ("three", "a", "several").
    fn quantity(&self, i: usize) -> Option<Option<i64>> {
        if let Some((v, nd, suf)) = self.digits(i) {
            if suf.is_empty() && nd <= 4 && !self.digit_context(i) {
                return Some(Some(v));
            }
            return None;
        }
        let e = self.cls(i, Class::Number)?;
        Some(e.num)
    }

    fn is_temporal_prep(&self, i: usize) -> bool {
        self.cls(i, Class::Prep).is_some()
    }

    /// Extends `a` left over a modifier: "early May", "mid-June", "the end of June", and
    /// "late last month" when `rel_ok`.
    fn left_mod(&self, a: usize) -> usize {
        if a == 0 {
            return a;
        }
        if self.is_dash(a.wrapping_sub(1)) && a >= 2 && self.is(a.wrapping_sub(2), "mid") {
            return a.wrapping_sub(2);
        }
        if self.cls(a.wrapping_sub(1), Class::Mod).is_some()
            && !self.is_any(a.wrapping_sub(1), &["end", "start"])
        {
            return a.wrapping_sub(1);
        }
        if a >= 3
            && self.is(a.wrapping_sub(1), "of")
            && self.is_any(a.wrapping_sub(2), &["end", "beginning", "start", "middle"])
        {
            return if self.is(a.wrapping_sub(3), "the") {
                a.wrapping_sub(3)
            } else {
                a.wrapping_sub(2)
            };
        }
        a
    }

    /// Parses the expression around trigger token `i`.
    pub fn parse(&self, i: usize) -> Option<Parsed> {
        if self.toks.get(i)?.kind == Kind::Num {
            return self.parse_number(i);
        }
        // "a.m."/"p.m." are three tokens: a . m
        if self.is_any(i, &["a", "p"]) && self.punct(i + 1, ".") && self.is(i + 2, "m") {
            return self.parse_clock(i);
        }
        let entries = self.lex.get(self.w(i));
        for e in entries {
            let r = match e.class {
                Class::Month => self.parse_month(i, e),
                Class::Weekday => self.parse_weekday(i, e),
                Class::Deictic => self.parse_deictic(i, e),
                Class::Unit => self.parse_unit(i, e),
                Class::Ref => self.parse_ref(i, e),
                Class::Season => self.parse_season(i, e),
                Class::Set => self.parse_set(i, e),
                Class::PartDay => self.parse_partday(i, e),
                Class::Clock => self.parse_clock(i),
                Class::YearWord => self.parse_spelled_year(i),
                Class::Holiday => self.parse_holiday(i, e),
                _ => None,
            };
            if r.is_some() {
                return r;
            }
        }
        None
    }

    fn parse_number(&self, i: usize) -> Option<Parsed> {
        let (v, nd, suf) = self.digits(i)?;
        if let Some(p) = self.parse_clock24(i, v, nd, suf) {
            return Some(p);
        }
        // ISO date 2021-07-08
        if nd == 4 && suf.is_empty() && self.punct(i + 1, "-") && self.punct(i + 3, "-") {
            let m = self.digits(i + 2).filter(|d| d.1 == 2 && d.2.is_empty())?.0 as u32;
            let d = self.digits(i + 4).filter(|d| d.1 == 2 && d.2.is_empty())?.0 as u32;
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some(Parsed {
                    a: i,
                    b: i + 5,
                    sem: Sem::Abs {
                        y: Some(v as i32),
                        m,
                        d: Some(d),
                        rel: None,
                        yrel: None,
                    },
                });
            }
        }
        // decade "the 1990s", "1990s"
        if nd == 4
            && (suf == "s" || (suf.is_empty() && self.punct(i + 1, "'") && self.is(i + 2, "s")))
            && v % 10 == 0
            && (1000..=2090).contains(&v)
        {
            let b = if suf.is_empty() { i + 3 } else { i + 1 };
            let a = if i > 0 && self.is(i.wrapping_sub(1), "the") {
                i.wrapping_sub(1)
            } else {
                i
            };
            let mut a = self.left_mod(a);
            // "the mid-1990s", "the late 1970s"
            if a < i && a > 0 && !self.is(a, "the") && self.is(a - 1, "the") {
                a -= 1;
            }
            let definite = self.is(a, "the");
            return Some(Parsed {
                a,
                b,
                sem: Sem::Decade(v as i32, definite),
            });
        }
        // years before Christ: "499 BC", "31 B.C."
        if suf.is_empty()
            && nd <= 4
            && (self.is_any(i + 1, &["BC", "BCE"])
                || (self.is(i + 1, "B") && self.punct(i + 2, ".") && self.is(i + 3, "C")))
        {
            let b = if self.is(i + 1, "B") {
                if self.punct(i + 4, ".") {
                    i + 5
                } else {
                    i + 4
                }
            } else {
                i + 2
            };
            return Some(Parsed {
                a: i,
                b,
                sem: Sem::Bc(v as i32),
            });
        }
        // the second year of a range: "1915-17"
        if nd == 2 && suf.is_empty() && i >= 2 && self.is_dash(i - 1) && self.adjacent(i - 1) {
            if let Some(y0) = self.year_num(i - 2) {
                let y = y0 / 100 * 100 + v as i32;
                if y > y0 {
                    return Some(Parsed {
                        a: i,
                        b: i + 1,
                        sem: Sem::Year(y),
                    });
                }
            }
        }
        let y = self.year_num(i)?;
        // a clock time, not a year: "from 1130 to 1215 GMT"
        if (i + 1..i + 4).any(|k| {
            let w = self.w(k);
            w.len() == 3
                && w.bytes().all(|c| c.is_ascii_uppercase())
                && (w.ends_with('T') || w == "UTC")
                || w.eq_ignore_ascii_case("hrs")
        }) {
            return None;
        }
        // "the first half of 1990", "the last half of 1989", "the first two quarters of
        // 1990": TIMEX3 halves H1 / H2
        if i >= 4
            && self.is(i - 1, "of")
            && self.is(i - 2, "quarters")
            && self.is(i - 3, "two")
            && self.is_any(i - 4, &["first", "last"])
        {
            let h = if self.is(i - 4, "first") { 1 } else { 2 };
            let a = if i >= 5 && self.is(i - 5, "the") {
                i - 5
            } else {
                i - 4
            };
            return Some(Parsed {
                a,
                b: i + 1,
                sem: Sem::Half { y, h },
            });
        }
        if i >= 3 && self.is(i - 1, "of") && self.is(i - 2, "half") {
            let h = if self.is_any(i - 3, &["last", "latter", "second"]) {
                Some(2)
            } else if self.is(i - 3, "first") {
                Some(1)
            } else {
                None
            };
            if let Some(h) = h {
                let a = if i >= 4 && self.is(i - 4, "the") {
                    i - 4
                } else {
                    i - 3
                };
                return Some(Parsed {
                    a,
                    b: i + 1,
                    sem: Sem::Half { y, h },
                });
            }
        }
        // a year: needs a temporal context on the left or an end of phrase on the right
        // "and", "or", "to" only continue a list or range of years ("1994 and 1995")
        let weak = i > 0 && (self.is_any(i - 1, &["and", "or", "to"]) || self.punct(i - 1, ","));
        let prev_ok = i > 0
            && (weak && i >= 2 && self.year_token(i - 2)
                || !weak && self.is_temporal_prep(i.wrapping_sub(1))
                || self.cls(i.wrapping_sub(1), Class::Mod).is_some()
                || self.cls(i.wrapping_sub(1), Class::Det).is_some()
                || (self.is(i.wrapping_sub(1), "s")
                    && self.punct(i.wrapping_sub(2), "'’")
                    && (1900..=2099).contains(&v))
                || (self.is_dash(i.wrapping_sub(1)) && i >= 2 && self.year_num(i - 2).is_some())
                || (self.is_dash(i.wrapping_sub(1))
                    && i >= 2
                    && self.is(i.wrapping_sub(2), "mid")));
        // a range of years "1861-1865", "1915-17": each end is a year
        let range_start = self.is_dash(i + 1)
            && self
                .digits(i + 2)
                .is_some_and(|d| d.2.is_empty() && (d.1 == 4 || d.1 == 2));
        let next_ok = i + 1 >= self.toks.len()
            || range_start
            || (self.toks[i + 1].kind == Kind::Punct
                && !self.punct(i + 1, "%$-")
                && !(self.punct(i + 1, ",.") && self.digits(i + 2).is_some()));
        // older years need a range or brackets to be told from quantities: "1861-1865", "(1789)"
        let plausible = (1900..=2099).contains(&y)
            || range_start
            || (i > 0 && self.punct(i - 1, "(") && self.punct(i + 1, ")"));
        // the first of a list of years: "both 1990 and 1991"
        let list_start =
            plausible && self.is_any(i + 1, &["and", "or"]) && self.year_num(i + 2).is_some();
        if !prev_ok && !list_start && (!next_ok || !plausible) {
            return None;
        }
        // "the 1988 second quarter"
        if let Some(o) = self.cls(i + 1, Class::Ordinal) {
            if self.is(i + 2, "quarter") && (1..=4).contains(&o.num.unwrap_or(0)) {
                let a = if i > 0 && self.is(i - 1, "the") {
                    i - 1
                } else {
                    i
                };
                return Some(Parsed {
                    a,
                    b: i + 3,
                    sem: Sem::Quarter {
                        y: Some(y),
                        q: o.num.unwrap_or(1) as u32,
                        yrel: None,
                    },
                });
            }
        }
        // "the 1988 quarter", "the 1989 period": that year's quarter in force
        if self.is_any(i + 1, &["quarter", "period"]) && i > 0 && self.is(i - 1, "the") {
            return Some(Parsed {
                a: i - 1,
                b: i + 2,
                sem: Sem::Quarter {
                    y: Some(y),
                    q: 0,
                    yrel: None,
                },
            });
        }
        // "2019-20" or "2019-2020" ranges are left as the first year
        let a = self.left_mod(i);
        Some(Parsed {
            a,
            b: i + 1,
            sem: Sem::Year(y),
        })
    }

    fn parse_month(&self, i: usize, e: &Entry) -> Option<Parsed> {
        let m = e.num? as u32;
        let w = self.w(i);
        let all_caps = w.len() > 1 && w.bytes().all(|c| c.is_ascii_uppercase());
        if !self.cap(i) {
            return None;
        }
        let mut j = i + 1;
        let dot = self.punct(j, ".");
        if e.abbr && dot {
            j += 1;
        }
        // "April 480 BC"
        if self.toks.get(j).is_some_and(|t| t.kind == Kind::Num) {
            if let Some(Parsed {
                sem: Sem::Bc(v), b, ..
            }) = self.parse(j)
            {
                return Some(Parsed {
                    a: i,
                    b,
                    sem: Sem::MonthBc(v, m),
                });
            }
        }
        // day after: "July 7", "July 7, 2021", "June 3-5"
        let mut d = None;
        let mut y = None;
        if let Some(dd) = self.day_num(j) {
            // not "May 5 soldiers": a day is not followed by a unit or a noun of quantity
            if self.cls(j + 1, Class::Unit).is_none() {
                d = Some(dd);
                j += 1;
                if self.is_dash(j) && self.day_num(j + 1).is_some() {
                    j += 2;
                }
            }
        }
        if d.is_some() {
            if self.punct(j, ",") && self.year_num(j + 1).is_some() {
                y = self.year_num(j + 1);
                j += 2;
            } else if let Some(yy) = self.year_num(j) {
                y = Some(yy);
                j += 1;
            }
        } else if let Some(yy) = self.year_num(j) {
            y = Some(yy);
            j += 1;
        } else if let Some((yy, end)) = self.spelled_year(j) {
            y = Some(yy);
            j = end;
        } else if (self.punct(j, ",") && !self.digit_context(j + 1) || self.is(j, "of"))
            && self.year_num(j + 1).is_some()
        {
            y = self.year_num(j + 1);
            j += 2;
        }
        let mut a = i;
        // day before: "7 July", "7th of July", "the 7th of July"
        if d.is_none() && i > 0 {
            if let Some(dd) = self.day_num(i.wrapping_sub(1)) {
                d = Some(dd);
                a = i.wrapping_sub(1);
                // a day range "12-14 July" starts on its first day
                if a >= 2 && self.is_dash(a - 1) {
                    if let Some(d0) = self.day_num(a - 2) {
                        if d0 < dd {
                            d = Some(d0);
                            a -= 2;
                        }
                    }
                }
            } else if i >= 2 && self.is(i.wrapping_sub(1), "of") {
                if let Some(dd) = self.day_num(i.wrapping_sub(2)) {
                    d = Some(dd);
                    a = if i >= 3 && self.is(i.wrapping_sub(3), "the") {
                        i.wrapping_sub(3)
                    } else {
                        i.wrapping_sub(2)
                    };
                }
            }
            if d.is_some() && y.is_none() {
                if let Some(yy) = self.year_num(j) {
                    y = Some(yy);
                    j += 1;
                } else if self.punct(j, ",") {
                    if let Some(yy) = self.year_num(j + 1) {
                        y = Some(yy);
                        j += 2;
                    }
                }
            }
        }
        // "in August and September 1914", "between March and April 1918", "May 5 and June 7,
        // 2021": a month coordinated with a dated one shares its year (the year is not part of
        // this expression)
        if y.is_none() {
            y = self.coordinated_year(j);
        }
        // "June last year", "May 5 this year"; "May that year": the year told last
        let mut yrel = None;
        if y.is_none() && self.is(j + 1, "year") {
            if let Some(r) = self.cls(j, Class::Rel) {
                if self.is_any(j, &["last", "this", "next"]) {
                    yrel = r.num;
                    j += 2;
                }
            } else if self.is(j, "that") {
                yrel = Some(THAT_YEAR);
                j += 2;
            }
        } else if y.is_none()
            && self.is(j, "that")
            && self.is(j + 1, "same")
            && self.is(j + 2, "year")
        {
            // "in May that same year"
            yrel = Some(THAT_YEAR);
            j += 3;
        } else if y.is_none() && self.is(j, "of") {
            // "in November of that year", "in May of the same year"
            if self.is(j + 1, "that") && self.is(j + 2, "year") {
                yrel = Some(THAT_YEAR);
                j += 3;
            } else if self.is_any(j + 1, &["the", "that"])
                && self.is(j + 2, "same")
                && self.is(j + 3, "year")
            {
                yrel = Some(THAT_YEAR);
                j += 4;
            }
        }
        let strong = d.is_some() || y.is_some() || yrel.is_some();
        // abbreviations need a following dot, day or year; "May"/"March" a day, year or a
        // temporal word before them; all-caps words (headlines) a day or year
        if e.abbr && !strong && !dot {
            return None;
        }
        let prev_temporal = a > 0
            && (self.is_temporal_prep(a.wrapping_sub(1))
                || self.cls(a.wrapping_sub(1), Class::Mod).is_some()
                || self.cls(a.wrapping_sub(1), Class::Rel).is_some()
                || self.is_dash(a.wrapping_sub(1)));
        // "plan to March", "Theresa May and May": weak prepositions do not vouch for a
        // month that is also a verb or a name
        let prev_weak = a > 0 && self.is_any(a - 1, &["to", "and", "or", "for", "on"]);
        if (e.ambiguous || all_caps) && !strong && (!prev_temporal || prev_weak) {
            return None;
        }
        if e.abbr && dot && !strong {
            j = i + 2;
        } else if e.abbr && dot && d.is_none() {
            // "Sept. 2021"
        }
        // "last May", "next March", "this June"; "the previous April", "the following March"
        // count from the reference time (rel -2 / 2: the date in force, else the DCT)
        let mut rel = None;
        if d.is_none() && y.is_none() && a > 0 {
            if let Some(r) = self.cls(a.wrapping_sub(1), Class::Rel) {
                if self.is_any(a.wrapping_sub(1), &["following", "previous", "preceding"])
                    && a >= 2
                    && self.is(a.wrapping_sub(2), "the")
                {
                    rel = r.num.map(|n| 2 * n.signum());
                    a -= 2;
                } else if !self.is_any(
                    a.wrapping_sub(1),
                    &["past", "current", "following", "previous", "preceding"],
                ) {
                    rel = r.num;
                    a -= 1;
                }
            }
        }
        // "the army's capture of the town that August": the month of the year told last
        if d.is_none()
            && y.is_none()
            && rel.is_none()
            && yrel.is_none()
            && a > 0
            && self.is(a - 1, "that")
            && self.demonstrative_that(a - 1, j.max(i + 1))
        {
            yrel = Some(THAT_YEAR);
            a -= 1;
        }
        if d.is_none() {
            a = self.left_mod(a);
        }
        // "Friday, July 2"
        if d.is_some() && a > 0 {
            if self.cls(a.wrapping_sub(1), Class::Weekday).is_some() {
                a -= 1;
            } else if a >= 2
                && self.punct(a.wrapping_sub(1), ",")
                && self.cls(a.wrapping_sub(2), Class::Weekday).is_some()
            {
                a -= 2;
            }
        }
        // a trailing dot of an abbreviation is part of the expression only when it ends it
        let b = j.max(i + 1);
        Some(Parsed {
            a,
            b,
            sem: Sem::Abs { y, m, d, rel, yrel },
        })
    }

    /// Is the "that" at `k` before a month ending before token `end` a demonstrative ("the
    /// capture of the town that August", "in that October") rather than a complementizer
    /// ("said that March was the deadliest month")? After a preposition, or when the month
    /// ends its clause or a "when"/"after"/"before" clause follows.
    fn demonstrative_that(&self, k: usize, end: usize) -> bool {
        (k > 0 && self.is_temporal_prep(k - 1) && !self.is_any(k - 1, &["and", "or", "to"]))
            || !self.ok(end)
            || self.punct(end, ",.;:!?)")
            || self.is_any(end, &["when", "after", "before", "as", "while"])
    }

    /// The year of a dated month coordinated with the one ending before `j`: "and September
    /// 1914", "to April 5, 1918", "or June 2021".
    fn coordinated_year(&self, j: usize) -> Option<i32> {
        if !(self.is_any(j, &["and", "or", "to", "through", "until"]) || self.is_dash(j)) {
            return None;
        }
        let mut k = j + 1;
        // "5 and 7 September 1914" is a day list, not a month: only a month follows
        if self.day_num(k).is_some() && self.cls(k + 1, Class::Month).is_some() {
            k += 1;
        }
        let month = self.cls(k, Class::Month)?;
        if !self.cap(k) {
            return None;
        }
        k += 1;
        if month.abbr && self.punct(k, ".") {
            k += 1;
        }
        if self.day_num(k).is_some() && self.year_num(k).is_none() {
            k += 1;
            if self.punct(k, ",") {
                k += 1;
            }
        }
        self.year_num(k)
    }

    fn parse_weekday(&self, i: usize, e: &Entry) -> Option<Parsed> {
        if !self.cap(i) {
            return None;
        }
        let wd = e.num?;
        // "Friday, July 2" or "Friday July 2": the date decides
        let j = if self.punct(i + 1, ",") { i + 2 } else { i + 1 };
        // also "Monday 22 July": the month comes after the day
        let jm = if self.day_num(j).is_some() { j + 1 } else { j };
        if let Some(me) = self.cls(jm, Class::Month) {
            if let Some(mut p) = self.parse_month(jm, me) {
                if let Sem::Abs { d: Some(_), .. } = p.sem {
                    if p.a <= j {
                        p.a = i;
                        return Some(p);
                    }
                }
            }
        }
        // "Tuesday nights", "on Monday and Tuesday nights": that part of every such day
        let plural_part = |k: usize| {
            let stem = self.w(k).strip_suffix('s')?;
            code_static(&self.lex.entry(stem, Class::PartDay)?.value)
        };
        let weekly = |p: &str, b: usize| Parsed {
            a: i,
            b,
            sem: Sem::Set(format!("XXXX-WXX-{wd}T{p}")),
        };
        if let Some(p) = plural_part(i + 1) {
            return Some(weekly(p, i + 2));
        }
        if self.is_any(i + 1, &["and", "or"]) && self.cls(i + 2, Class::Weekday).is_some() {
            if let Some(p) = plural_part(i + 3) {
                return Some(weekly(p, i + 1));
            }
        }
        let mut b = i + 1;
        let mut part = None;
        if let Some(pd) = self.cls(i + 1, Class::PartDay) {
            part = code_static(&pd.value);
            b = i + 2;
        }
        let mut a = i;
        let mut rel = None;
        if i > 0 {
            if let Some(r) = self.cls(i.wrapping_sub(1), Class::Rel) {
                // "the previous Friday", "the following Monday": from the date in force
                if self.is_any(i - 1, &["previous", "preceding", "following"]) {
                    let a = if i >= 2 && self.is(i - 2, "the") {
                        i - 2
                    } else {
                        i - 1
                    };
                    return Some(Parsed {
                        a,
                        b,
                        sem: Sem::PrevWeekday {
                            wd,
                            dir: r.num.unwrap_or(-1),
                        },
                    });
                }
                rel = r.num;
                a = i.wrapping_sub(1);
            }
        }
        // "late Friday", "early Monday"
        if rel.is_none() && a > 0 && self.is_any(a - 1, &["early", "late"]) {
            a -= 1;
        }
        // "Wednesday last week", "Tuesday next week": the day of that week
        let mut week = None;
        if rel.is_none() && self.is(b + 1, "week") {
            if let Some(r) = self.cls(b, Class::Rel) {
                if self.is_any(b, &["last", "next", "this"]) {
                    week = Some(r.num.unwrap_or(0));
                    b += 2;
                }
            }
        }
        Some(Parsed {
            a,
            b,
            sem: Sem::Weekday {
                wd,
                rel,
                part,
                week,
            },
        })
    }

    /// A 24-hour clock time, "at 19:15", "by 08:30 GMT": hours and minutes with a word
    /// before that asks for a time of day, or a time zone or "local time" after (not "won
    /// 2:1", not "10:30 a.m.", which [`Self::parse_clock`] reads).
    fn parse_clock24(&self, i: usize, v: i64, nd: usize, suf: &str) -> Option<Parsed> {
        if !(suf.is_empty() && nd <= 2 && v <= 23 && self.punct(i + 1, ":")) {
            return None;
        }
        if !(self.adjacent(i) && self.adjacent(i + 1)) {
            return None;
        }
        let (mm, 2, "") = self.digits(i + 2)? else {
            return None;
        };
        if mm > 59 || self.is_any(i + 3, &["a", "p", "am", "pm"]) {
            return None;
        }
        let asks = i > 0
            && self.is_any(
                i - 1,
                &[
                    "at",
                    "by",
                    "from",
                    "until",
                    "till",
                    "before",
                    "after",
                    "around",
                    "about",
                    "since",
                    "to",
                    "between",
                    "and",
                    "approximately",
                    "shortly",
                    "hours",
                ],
            );
        let tz = self.w(i + 3);
        let zone = tz.len() == 3
            && tz.bytes().all(|c| c.is_ascii_uppercase())
            && (tz.ends_with('T') || tz == "UTC");
        let local = self.is(i + 3, "local") && self.is_any(i + 4, &["time", "hours"]);
        if !(asks || zone || local) {
            return None;
        }
        let b = if zone {
            i + 4
        } else if local {
            i + 5
        } else {
            i + 3
        };
        Some(Parsed {
            a: i,
            b,
            sem: Sem::Clock {
                h: v as u32,
                min: mm as u32,
                day: None,
            },
        })
    }

    /// "9 a.m.", "10:30 p.m. EDT Thursday", "noon Thursday", "midnight".
    fn parse_clock(&self, i: usize) -> Option<Parsed> {
        let (mut h, mut min, a, mut b);
        let named = self
            .cls(i, Class::Clock)
            .and_then(|e| e.value.split_once(':'))
            .and_then(|(hh, mm)| Some((hh.parse::<u32>().ok()?, mm.parse::<u32>().ok()?)));
        if let Some((hh, mm)) = named {
            // "noon", "midnight", "midday" (lexicon HH:MM)
            h = hh;
            min = mm;
            a = i;
            b = i + 1;
        } else {
            let pm = self.is(i, "p");
            b = if self.punct(i + 3, ".") { i + 4 } else { i + 3 };
            // the hour: "9 a.m." or "10:30 a.m."
            let (hh, mm, start) =
                if i >= 3 && self.punct(i - 2, ":") && self.digits(i - 1).is_some_and(|d| d.1 == 2)
                {
                    (self.digits(i - 3)?.0, self.digits(i - 1)?.0, i - 3)
                } else if i >= 1 {
                    (self.digits(i - 1)?.0, 0, i - 1)
                } else {
                    return None;
                };
            if !(1..=12).contains(&hh) || mm > 59 || start < self.min {
                return None;
            }
            h = (hh % 12 + if pm { 12 } else { 0 }) as u32;
            min = mm as u32;
            a = start;
        }
        // a time zone: "EDT", "GMT"
        let tz = self.w(b);
        if (tz.len() == 3
            && tz.bytes().all(|c| c.is_ascii_uppercase())
            && (tz.ends_with('T') || tz == "UTC"))
            && self.ok(b)
        {
            b += 1;
        }
        // the day: "9 a.m. Tuesday", "noon today", "midnight Friday"
        let mut day = None;
        let k = if self.punct(b, ",") { b + 1 } else { b };
        if let Some(p) = self
            .cls(k, Class::Weekday)
            .and_then(|e| self.parse_weekday(k, e))
            .or_else(|| {
                self.cls(k, Class::Deictic)
                    .and_then(|e| self.parse_deictic(k, e))
            })
            // "5 p.m. EST Nov. 9"
            .or_else(|| {
                self.cls(k, Class::Month)
                    .and_then(|e| self.parse_month(k, e))
                    .filter(|p| matches!(p.sem, Sem::Abs { d: Some(_), .. }))
            })
        {
            if p.a == k {
                day = Some(Box::new(p.sem));
                b = p.b;
            }
        }
        let _ = (&mut h, &mut min);
        Some(Parsed {
            a,
            b,
            sem: Sem::Clock { h, min, day },
        })
    }

    fn parse_deictic(&self, i: usize, e: &Entry) -> Option<Parsed> {
        let (off, part) = match e.value.split_once(':') {
            Some((o, p)) => (o, code_static(p)),
            None => (e.value.as_str(), None),
        };
        let days: i64 = off.trim_end_matches('D').parse().ok()?;
        let mut b = i + 1;
        let mut part = part;
        if let Some(pd) = self.cls(i + 1, Class::PartDay) {
            if part.is_none() {
                part = code_static(&pd.value);
                b = i + 2;
            }
        }
        // "overnight": the night before the day in force
        if let (true, Some(part)) = (e.in_force, part) {
            return Some(Parsed {
                a: i,
                b,
                sem: Sem::PartOfDay {
                    part,
                    days,
                    near: true,
                },
            });
        }
        // "today's", fine; "Today" as a newspaper/programme name is rare enough
        Some(Parsed {
            a: i,
            b,
            sem: Sem::Deictic { days, part },
        })
    }

    fn parse_partday(&self, i: usize, e: &Entry) -> Option<Parsed> {
        let part = code_static(&e.value)?;
        if i == 0 {
            return None;
        }
        if self.is(i.wrapping_sub(1), "this") {
            return Some(Parsed {
                a: i.wrapping_sub(1),
                b: i + 1,
                sem: Sem::Deictic {
                    days: 0,
                    part: Some(part),
                },
            });
        }
        if self.is(i.wrapping_sub(1), "last") && part == "NI" {
            return Some(Parsed {
                a: i.wrapping_sub(1),
                b: i + 1,
                sem: Sem::Deictic {
                    days: -1,
                    part: Some(part),
                },
            });
        }
        // "mid-afternoon", "mid afternoon"
        let a = if self.is(i - 1, "mid") {
            i - 1
        } else if i >= 2 && self.is_dash(i - 1) && self.is(i - 2, "mid") {
            i - 2
        } else {
            i
        };
        // "mid-afternoon yesterday": that part of the deictic day
        if let Some(d) = self.cls(i + 1, Class::Deictic) {
            if !d.value.contains(':') {
                let days: i64 = d.value.trim_end_matches('D').parse().ok()?;
                return Some(Parsed {
                    a,
                    b: i + 2,
                    sem: Sem::Deictic {
                        days,
                        part: Some(part),
                    },
                });
            }
        }
        // "the next morning", "early the following evening": that part of the day after the
        // date in force
        // ("the previous night", "late the preceding evening": the day before's)
        if a == i && i >= 2 && self.is(i - 2, "the") {
            let days = if self.is_any(i - 1, &["next", "following"]) {
                Some(1)
            } else if self.is_any(i - 1, &["previous", "preceding"]) {
                Some(-1)
            } else {
                None
            };
            if let Some(days) = days {
                return Some(Parsed {
                    a: self.left_mod(i - 2),
                    b: i + 1,
                    sem: Sem::PartOfDay {
                        part,
                        days,
                        near: false,
                    },
                });
            }
        }
        // "the night before" at the end of a clause (not "the night before the vote", which
        // a date of its own follows): that part of the day before the date in force
        if a == i
            && self.is(i - 1, "the")
            && self.is(i + 1, "before")
            && (i + 2 >= self.toks.len() || self.toks[i + 2].kind == Kind::Punct)
        {
            return Some(Parsed {
                a: self.left_mod(i - 1),
                b: i + 2,
                sem: Sem::PartOfDay {
                    part,
                    days: -1,
                    near: false,
                },
            });
        }
        // "by mid afternoon": that part of the day in force
        if a < i
            && a > 0
            && (self.cls(a - 1, Class::Prep).is_some()
                || self.cls(a - 1, Class::Deadline).is_some())
        {
            return Some(Parsed {
                a,
                b: i + 1,
                sem: Sem::PartOfDay {
                    part,
                    days: 0,
                    near: false,
                },
            });
        }
        None
    }

    fn parse_ref(&self, i: usize, e: &Entry) -> Option<Parsed> {
        let r = code_static(&e.value)?;
        let mut a = i;
        if e.needs_the {
            // "the future", "the near future", "the past" (not "the past two months")
            if i >= 1 && self.is(i.wrapping_sub(1), "the") {
                a = i.wrapping_sub(1);
            } else if i >= 2
                && self.is(i.wrapping_sub(1), "near")
                && self.is(i.wrapping_sub(2), "the")
            {
                a = i.wrapping_sub(2);
            } else {
                return None;
            }
            if self.quantity(i + 1).is_some() || self.cls(i + 1, Class::Unit).is_some() {
                return None;
            }
        } else if self.is(i, "now")
            && (self.is_dash(i + 1) || (i > 0 && self.is_dash(i.wrapping_sub(1))))
        {
            return None;
        }
        if e.attributive {
            let before_noun = self.ok(i + 1)
                && self.toks[i + 1].kind == Kind::Word
                && self
                    .w(i + 1)
                    .as_bytes()
                    .first()
                    .is_some_and(u8::is_ascii_lowercase);
            // not before a function word ("the current of the river")
            let function_word = self.cls(i + 1, Class::Prep).is_some()
                || self.cls(i + 1, Class::Det).is_some()
                || self.cls(i + 1, Class::Past).is_some()
                || self.cls(i + 1, Class::Future).is_some();
            if !before_noun
                || function_word
                || (i + 1..i + 3).any(|k| self.cls(k, Class::Unit).is_some())
            {
                return None;
            }
            // "the then current price": a present of the past
            if i > 0 && self.is(i - 1, "then") {
                return Some(Parsed {
                    a: i - 1,
                    b: i + 1,
                    sem: Sem::Ref("PAST_REF"),
                });
            }
        }
        // a capitalised "Now"/"Soon" inside a sentence is part of a name ("Qal'ah-ye Now")
        if self.cap(i) && i > 0 && self.toks[i - 1].kind != Kind::Punct {
            return None;
        }
        Some(Parsed {
            a,
            b: i + 1,
            sem: Sem::Ref(r),
        })
    }

    /// A spelled-out year starting at token `i`: "nineteen ninety-six", "nineteen eighty"
    /// (century word, tens, optional unit), or "two thousand". Gives the year and the token
    /// after it.
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        if self.is(i, "two") && self.is(i + 1, "thousand") {
            return Some((2000, i + 2));
        }
        let c = self.cls(i, Class::YearWord)?.num?;
        if !(10..=20).contains(&c) {
            return None;
        }
        let tens = self.cls(i + 1, Class::Number)?.num?;
        if !(20..=90).contains(&tens) || tens % 10 != 0 {
            return None;
        }
        let mut y = c * 100 + tens;
        let mut end = i + 2;
        if self.is_dash(end) {
            if let Some(u) = self.cls(end + 1, Class::Number).and_then(|e| e.num) {
                if (1..=9).contains(&u) {
                    y += u;
                    end += 2;
                }
            }
        }
        Some((y as i32, end))
    }

    /// "Thanksgiving", "Thanksgiving Day", "Election Day", "Christmas Eve", "last Easter",
    /// "Christmas 2020".
    fn parse_holiday(&self, i: usize, e: &Entry) -> Option<Parsed> {
        let mut rule = HolidayRule::parse(&e.value)?;
        if !self.cap(i) {
            return None;
        }
        let mut b = i + 1;
        // "Valentine's Day"
        if self.punct(b, "'’") && self.is(b + 1, "s") {
            b += 2;
        }
        let day = self.is(b, "Day") && self.cap(b);
        if e.needs_day && !day {
            return None;
        }
        if day || (self.is_any(b, &["Sunday", "Monday"]) && matches!(rule, HolidayRule::Easter(_)))
        {
            if let HolidayRule::Easter(off) = rule {
                if self.is(b, "Monday") {
                    rule = HolidayRule::Easter(off + 1);
                }
            }
            b += 1;
        } else if self.is(b, "Eve") {
            rule = match rule {
                HolidayRule::Fixed(m, d) if d > 1 => HolidayRule::Fixed(m, d - 1),
                HolidayRule::Easter(off) => HolidayRule::Easter(off - 1),
                other => other,
            };
            b += 1;
        }
        let mut y = None;
        if let Some(yy) = self.year_num(b) {
            y = Some(yy);
            b += 1;
        }
        let mut a = i;
        let mut rel = None;
        if i > 0 {
            if let Some(r) = self.cls(i - 1, Class::Rel) {
                if self.is_any(i - 1, &["last", "this", "next"]) {
                    rel = r.num;
                    a = i - 1;
                }
            }
        }
        Some(Parsed {
            a,
            b,
            sem: Sem::Holiday { rule, y, rel },
        })
    }

    /// A reporting period (lexicon unit `PQ`): "the latest period" (the last complete quarter),
    /// "the same period last year", "the comparable period a year earlier" (the quarter in
    /// force, a year before). Any other "period" is no time expression.
    fn parse_period(&self, i: usize) -> Option<Parsed> {
        if i < 2 || !self.is(i - 2, "the") {
            return None;
        }
        if self.is(i - 1, "latest") {
            return Some(Parsed {
                a: i - 2,
                b: i + 1,
                sem: Sem::LatestQuarter { latest: true },
            });
        }
        if !self.is_any(i - 1, &["same", "comparable", "corresponding"]) {
            return None;
        }
        let b = if self.is(i + 1, "last") && self.is(i + 2, "year") {
            i + 3
        } else if self.is_any(i + 1, &["a", "one"])
            && self.is(i + 2, "year")
            && self.is_any(i + 3, &["ago", "earlier"])
        {
            i + 4
        } else {
            return None;
        };
        Some(Parsed {
            a: i - 2,
            b,
            sem: Sem::Quarter {
                y: None,
                q: 0,
                yrel: Some(-1),
            },
        })
    }

    /// Durations with a half: "5 1/2 hours" (quantity `qa` = the "2" of "1/2"), "two and a
    /// half years", "a minute and a half". Units without an exact half in TIMEX3 are left out.
    fn half_duration(
        &self,
        i: usize,
        unit: &'static str,
        qa: Option<usize>,
        n: Option<i64>,
    ) -> Option<Parsed> {
        let mut start = None;
        let mut whole = None;
        let mut b = i + 1;
        if let (Some(q), Some(2)) = (qa, n) {
            if q >= 3 && self.punct(q - 1, "/") && self.is(q - 2, "1") {
                if let Some(Some(w)) = self.quantity(q - 3) {
                    start = Some(q - 3);
                    whole = Some(w);
                }
            }
        }
        if start.is_none()
            && i >= 4
            && self.is(i - 1, "half")
            && self.is(i - 2, "a")
            && self.is(i - 3, "and")
        {
            if let Some(Some(w)) = self.quantity(i - 4) {
                start = Some(i - 4);
                whole = Some(w);
            }
        }
        if start.is_none() && self.is(i + 1, "and") && self.is(i + 2, "a") && self.is(i + 3, "half")
        {
            if let (Some(q), Some(w)) = (qa, n) {
                start = Some(q);
                whole = Some(w);
                b = i + 4;
            }
        }
        let (a, w) = (start?, whole?);
        let value = match unit {
            "Y" => format!("P{w}Y6M"),
            "D" => format!("P{w}DT12H"),
            "TH" => format!("PT{w}H30M"),
            "TM" => format!("PT{w}M30S"),
            _ => return None,
        };
        Some(Parsed {
            a,
            b,
            sem: Sem::Duration(value),
        })
    }

    /// "nineteen ninety-six", "the year nineteen ninety", "the year two thousand".
    fn parse_spelled_year(&self, i: usize) -> Option<Parsed> {
        // "the nineties": a decade word right after "the"
        if let Some(v) = self.cls(i, Class::YearWord).and_then(|e| e.num) {
            if v >= 1000 && self.w(i).ends_with('s') {
                if i == 0 || !self.is(i - 1, "the") {
                    return None;
                }
                let a = self.left_mod(i - 1);
                return Some(Parsed {
                    a,
                    b: i + 1,
                    sem: Sem::Decade(v as i32, true),
                });
            }
        }
        let (start, y, b) = if self.is(i, "thousand") {
            // only "the year two thousand": "two thousand troops" is a number
            if i < 3 || !self.is(i - 2, "year") || !self.is(i - 3, "the") {
                return None;
            }
            let (y, b) = self.spelled_year(i - 1)?;
            (i - 1, y, b)
        } else {
            let (y, b) = self.spelled_year(i)?;
            (i, y, b)
        };
        let a = if start >= 2 && self.is(start - 1, "year") && self.is(start - 2, "the") {
            start - 2
        } else {
            start
        };
        Some(Parsed {
            a,
            b,
            sem: Sem::Year(y),
        })
    }

    fn parse_season(&self, i: usize, e: &Entry) -> Option<Parsed> {
        let s = code_static(&e.value)?;
        let mut b = i + 1;
        let mut y = None;
        if let Some(yy) = self.year_num(i + 1) {
            y = Some(yy);
            b = i + 2;
        } else if self.is(i + 1, "of") && self.year_num(i + 2).is_some() {
            y = self.year_num(i + 2);
            b = i + 3;
        } else if let Some((yy, end)) = self.spelled_year(i + 1 + usize::from(self.is(i + 1, "of")))
        {
            y = Some(yy);
            b = end;
        } else if self.is(i + 1, "of") {
            // "the spring of 480 BC"
            if let Some(Parsed {
                sem: Sem::Bc(v),
                b: end,
                ..
            }) = self.parse(i + 2)
            {
                let a = if i > 0 && self.is(i - 1, "the") {
                    i - 1
                } else {
                    i
                };
                return Some(Parsed {
                    a: self.left_mod(a),
                    b: end,
                    sem: Sem::SeasonBc(v, s),
                });
            }
        }
        let mut a = i;
        let mut rel = None;
        let mut ctx = y.is_some();
        if i > 0 {
            if let Some(r) = self.cls(i.wrapping_sub(1), Class::Rel) {
                rel = r.num;
                a = i.wrapping_sub(1);
                ctx = true;
            } else if self.is(i.wrapping_sub(1), "the") {
                a = i.wrapping_sub(1);
                // "in the fall", but not "the fall in prices"
                ctx = !e.ambiguous || (i >= 2 && self.is_temporal_prep(i - 2));
            } else if self.is_temporal_prep(i.wrapping_sub(1)) && !e.ambiguous {
                ctx = true;
            }
        }
        // "spring"/"fall" need context; others too when lower-case words could be nouns
        if !ctx {
            return None;
        }
        // "the fall of Kunduz", "the spring of discontent"
        if y.is_none() && self.is(i + 1, "of") {
            return None;
        }
        let a = self.left_mod(a);
        Some(Parsed {
            a,
            b,
            sem: Sem::Season { y, s, rel },
        })
    }

    fn parse_set(&self, i: usize, e: &Entry) -> Option<Parsed> {
        if e.value != "EVERY" {
            return Some(Parsed {
                a: i,
                b: i + 1,
                sem: Sem::Set(e.value.clone()),
            });
        }
        // "every day", "every two weeks", "every Friday", "each year"
        let (n, j) = match self.quantity(i + 1) {
            Some(q)
                if self
                    .cls(i + 1, Class::Number)
                    .is_none_or(|_| !self.is_any(i + 1, &["a", "an", "some", "many"])) =>
            {
                (q, i + 2)
            }
            _ => (Some(1), i + 1),
        };
        if let Some(u) = self.cls(j, Class::Unit).filter(|u| u.value != "PQ") {
            return Some(Parsed {
                a: i,
                b: j + 1,
                sem: Sem::Set(duration_value(n, unit_static(&u.value))),
            });
        }
        // "each July", "every March"
        if let Some(m) = self.cls(j, Class::Month).and_then(|m| m.num) {
            if self.cap(j) && j == i + 1 {
                return Some(Parsed {
                    a: i,
                    b: j + 1,
                    sem: Sem::Set(format!("XXXX-{m:02}")),
                });
            }
        }
        if let Some(wd) = self.cls(j, Class::Weekday) {
            let mut b = j + 1;
            let mut part = String::new();
            if let Some(pd) = self.cls(j + 1, Class::PartDay) {
                part = format!("T{}", pd.value);
                b += 1;
            }
            return Some(Parsed {
                a: i,
                b,
                sem: Sem::Set(format!("XXXX-WXX-{}{part}", wd.num?)),
            });
        }
        None
    }

    fn parse_unit(&self, i: usize, e: &Entry) -> Option<Parsed> {
        let unit = unit_static(&e.value);
        if unit == "PQ" {
            return self.parse_period(i);
        }
        let plural = self.w(i).ends_with('s') || self.w(i).ends_with("ies");
        // "the 20th century", "11th century"
        if unit == "CE" && !plural && i > 0 {
            if let Some((n, nd, suf)) = self.digits(i - 1) {
                if nd <= 2 && ["st", "nd", "rd", "th"].contains(&suf) && (1..=21).contains(&n) {
                    let a = if i >= 2 && self.is(i - 2, "the") {
                        i - 2
                    } else {
                        i - 1
                    };
                    // "the 4th century BC", "the 9th century B.C."
                    let bc_end = if self.is_any(i + 1, &["BC", "BCE"]) {
                        Some(i + 2)
                    } else if self.is(i + 1, "B") && self.punct(i + 2, ".") && self.is(i + 3, "C") {
                        Some(if self.punct(i + 4, ".") { i + 5 } else { i + 4 })
                    } else {
                        None
                    };
                    return Some(match bc_end {
                        Some(b) => Parsed {
                            a,
                            b,
                            sem: Sem::CenturyBc(n as i32 - 1),
                        },
                        None => Parsed {
                            a,
                            b: i + 1,
                            sem: Sem::Century(n as i32 - 1),
                        },
                    });
                }
            }
        }
        // "a day-long meeting", "a decades-long battle": a duration (a quantity before,
        // "two-week-long", is the quantity's)
        if self.is_dash(i + 1)
            && self.adjacent(i)
            && self.is(i + 2, "long")
            && !(i > 0 && self.is_dash(i - 1))
            && !(i > 0 && self.quantity(i - 1).is_some() && !self.is_any(i - 1, &["a", "an"]))
        {
            let n = if plural { None } else { Some(1) };
            return Some(Parsed {
                a: i,
                b: i + 3,
                sem: Sem::Duration(duration_value(n, unit)),
            });
        }
        // "over the years", "over the decades": a vague duration
        if plural && i >= 2 && self.is(i - 1, "the") && self.is(i - 2, "over") && unit != "WE" {
            return Some(Parsed {
                a: i - 1,
                b: i + 1,
                sem: Sem::Duration(duration_value(None, unit)),
            });
        }
        // quantity on the left: "three days", "two-year", "a few days", "the past two months"
        let mut qa = None; // start token of the quantity
        let mut n: Option<i64> = None;
        let mut hyphen = false;
        if i > 0 {
            if let Some(q) = self.quantity(i.wrapping_sub(1)) {
                qa = Some(i.wrapping_sub(1));
                n = q;
            } else if self.is_dash(i.wrapping_sub(1)) && i >= 2 {
                if let Some(q) = self.quantity(i.wrapping_sub(2)) {
                    qa = Some(i.wrapping_sub(2));
                    n = q;
                    hyphen = true;
                }
            } else if i >= 3
                && self.is(i.wrapping_sub(1), "of")
                && self.is(i.wrapping_sub(2), "couple")
            {
                qa = Some(i.wrapping_sub(2));
                n = Some(2);
            } else if i >= 2 && self.cls(i.wrapping_sub(1), Class::UnitAdj).is_some() {
                // "two more weeks", "an additional year", "eight trading days"
                if let Some(q) = self.quantity(i.wrapping_sub(2)) {
                    qa = Some(i.wrapping_sub(2));
                    n = q;
                }
            }
        }
        // a compound number: "twenty four hours", "thirty-five days"
        if let (Some(q), Some(units)) = (qa, n) {
            if (1..=9).contains(&units) && !self.is_any(q, &["a", "an"]) && q > 0 {
                let t = if self.is_dash(q - 1) && q >= 2 && self.adjacent(q - 2) {
                    q - 2
                } else {
                    q - 1
                };
                if let Some(tens) = self.cls(t, Class::Number).and_then(|e| e.num) {
                    if (20..=90).contains(&tens) && tens % 10 == 0 {
                        qa = Some(t);
                        n = Some(tens + units);
                    }
                }
            }
        }
        // a half more: "5 1/2 hours", "two and a half years", "a minute and a half"
        if !hyphen {
            if let Some(p) = self.half_duration(i, unit, qa, n) {
                return Some(p);
            }
        }
        // "a" alone is only a quantity for singular units ("a year ago", "a week")
        if let Some(q) = qa {
            if self.is_any(q, &["a", "an"]) && plural {
                qa = None;
            }
            if self.is_any(q, &["some", "many"]) && !plural {
                qa = None;
            }
            // "a year-earlier loss": the article of a noun modified by "year-earlier"
            if self.is_any(q, &["a", "an"])
                && self.is_dash(i + 1)
                && self.adjacent(i)
                && self.is_any(i + 2, &["earlier", "ago"])
            {
                qa = None;
            }
        }
        if let Some(mut qa) = qa {
            // "a few", "a couple of", "the first nine", "the past two"
            if qa > 0 && self.is_any(qa, &["few", "couple"]) && self.is(qa.wrapping_sub(1), "a") {
                qa -= 1;
            }
            let vague = n.is_none();
            // "two weeks ago", "three days later", "a year earlier"
            if !hyphen || self.cls(i + 1, Class::Offset).is_none() {
                // fallthrough below
            }
            let off_i = if hyphen { None } else { Some(i + 1) };
            if let Some(oi) = off_i {
                if let Some(off) = self.cls(oi, Class::Offset) {
                    let k = n.unwrap_or(1);
                    let word = self.w(oi).to_ascii_lowercase();
                    if word == "ago" {
                        if vague {
                            return Some(Parsed {
                                a: qa,
                                b: oi + 1,
                                sem: Sem::Ref("PAST_REF"),
                            });
                        }
                        if unit.starts_with('T') {
                            return Some(Parsed {
                                a: qa,
                                b: oi + 1,
                                sem: Sem::Ago { unit: "D", n: 0 },
                            });
                        }
                        return Some(Parsed {
                            a: qa,
                            b: oi + 1,
                            sem: Sem::Ago { unit, n: -k },
                        });
                    }
                    if word == "later" || word == "earlier" {
                        if vague || unit.starts_with('T') {
                            return Some(Parsed {
                                a: qa,
                                b: i + 1,
                                sem: Sem::Duration(duration_value(n, unit)),
                            });
                        }
                        let sign = if off.value == "-" { -1 } else { 1 };
                        return Some(Parsed {
                            a: qa,
                            b: oi + 1,
                            sem: Sem::PrevOffset { unit, n: sign * k },
                        });
                    }
                }
            }
            // a duration (or an age: "21-year-old", "21 years old")
            if hyphen && self.is_dash(i + 1) && self.cls(i + 2, Class::Age).is_some() {
                return Some(Parsed {
                    a: qa,
                    b: i + 3,
                    sem: Sem::Age,
                });
            } else if !hyphen && self.cls(i + 1, Class::Age).is_some() {
                return Some(Parsed {
                    a: qa,
                    b: i + 2,
                    sem: Sem::Age,
                });
            }
            let b = i + 1;
            // "two quarters", "several quarters": a duration; not "the first two quarters"
            // nor a single "a quarter" (a quarter of the votes)
            if unit == "Q"
                && (!plural
                    || (qa > 0 && self.cls(qa - 1, Class::Ordinal).is_some())
                    || self.is(i + 1, "of") && self.year_num(i + 2).is_none())
            {
                return None;
            }
            let mut a = qa;
            if a > 0 && self.cls(a.wrapping_sub(1), Class::Ordinal).is_some() {
                a -= 1; // "the first nine months"
            }
            if a > 0 && self.cls(a.wrapping_sub(1), Class::Rel).is_some() {
                a -= 1; // "the past two months", "the next few hours"
            }
            if a > 0 && self.is(a.wrapping_sub(1), "the") {
                a -= 1;
            }
            return Some(Parsed {
                a,
                b,
                sem: Sem::Duration(duration_value(n, unit)),
            });
        }
        // "the second and fourth quarters" (of every year): a set
        if unit == "Q" && plural && i > 0 {
            if let Some(q) = self.cls(i - 1, Class::Ordinal).and_then(|o| o.num) {
                if (1..=4).contains(&q) {
                    return Some(Parsed {
                        a: i - 1,
                        b: i + 1,
                        sem: Sem::Set(format!("XXXX-Q{q}")),
                    });
                }
            }
        }
        // quarters: "the third quarter", "third-quarter", "the fourth quarter of 1989"
        if unit == "Q" && !plural {
            let (oa, q) = if let Some(o) = (i > 0)
                .then(|| self.cls(i.wrapping_sub(1), Class::Ordinal))
                .flatten()
            {
                (i.wrapping_sub(1), o.num?)
            } else if i >= 2
                && self.is_dash(i.wrapping_sub(1))
                && self.cls(i.wrapping_sub(2), Class::Ordinal).is_some()
            {
                (
                    i.wrapping_sub(2),
                    self.cls(i.wrapping_sub(2), Class::Ordinal)?.num?,
                )
            } else if i > 0
                && self.is_any(
                    i.wrapping_sub(1),
                    &["the", "latest", "current", "same", "this"],
                )
            {
                let mut a = i.wrapping_sub(1);
                if self.is_any(a, &["latest", "current", "same"])
                    && a > 0
                    && self.is(a.wrapping_sub(1), "the")
                {
                    a -= 1;
                }
                // "the quarter a year ago": that quarter, a year before
                if self.is_any(i + 1, &["a", "one"])
                    && self.is(i + 2, "year")
                    && self.is_any(i + 3, &["ago", "earlier"])
                {
                    return Some(Parsed {
                        a,
                        b: i + 4,
                        sem: Sem::Quarter {
                            y: None,
                            q: 0,
                            yrel: Some(-1),
                        },
                    });
                }
                if self.is_any(i - 1, &["current", "this"]) {
                    return Some(Parsed {
                        a,
                        b: i + 1,
                        sem: Sem::Ago { unit: "Q", n: 0 },
                    });
                }
                let latest = self.is(i - 1, "latest");
                return Some(Parsed {
                    a,
                    b: i + 1,
                    sem: Sem::LatestQuarter { latest },
                });
            } else {
                return None;
            };
            if !(1..=4).contains(&q) {
                return None;
            }
            let mut b = i + 1;
            let mut y = None;
            if self.is(i + 1, "of") && self.year_num(i + 2).is_some() {
                y = self.year_num(i + 2);
                b = i + 3;
            }
            let mut yrel = None;
            let mut oa = oa;
            // "the 1988 second quarter"
            if y.is_none() && oa > 0 {
                if let Some(yy) = self.year_num(oa - 1) {
                    y = Some(yy);
                    oa -= 1;
                }
            }
            // "this year's third quarter", "next year's first quarter"
            if y.is_none()
                && oa >= 4
                && self.is(oa - 1, "s")
                && self.punct(oa - 2, "'’")
                && self.is(oa - 3, "year")
            {
                if let Some(r) = self.cls(oa - 4, Class::Rel) {
                    yrel = r.num;
                    oa -= 4;
                }
            }
            let a = if oa > 0 && self.is(oa.wrapping_sub(1), "the") {
                oa.wrapping_sub(1)
            } else {
                oa
            };
            return Some(Parsed {
                a,
                b,
                sem: Sem::Quarter {
                    y,
                    q: q as u32,
                    yrel,
                },
            });
        }
        // "on the first day", "the second day of the offensive": in an account, a day of the
        // events told, the day in force; not a day of a calendar period ("the first day of the
        // year", "of March", "of each month", "of Ramadan")
        if unit == "D" && !plural && i >= 2 && self.is(i - 2, "the") {
            if let Some(o) = self.cls(i - 1, Class::Ordinal) {
                let calendar = self.is(i + 1, "of") && {
                    let mut j = i + 2;
                    // "the eleventh day of the eleventh month"
                    while self.is_any(j, &["the", "this", "that", "each", "every", "next", "last"])
                        || self.cls(j, Class::Ordinal).is_some()
                    {
                        j += 1;
                    }
                    self.cls(j, Class::Unit).is_some()
                        || self.cls(j, Class::Month).is_some()
                        || self.cls(j, Class::Holiday).is_some()
                        || self.cls(j, Class::Season).is_some()
                        || self.year_num(j).is_some()
                        || self.parse(j).is_some()
                };
                if o.num.is_some() && !calendar {
                    return Some(Parsed {
                        a: i - 2,
                        b: i + 1,
                        sem: Sem::PrevOffset { unit, n: 0 },
                    });
                }
            }
        }
        // "on day one", "by day 3": the day in force likewise (not "from day one", an idiom
        // for "from the start", nor a capitalised title "Day One")
        if unit == "D"
            && !plural
            && i >= 1
            && self.is_any(i - 1, &["on", "by"])
            && self.w(i) == "day"
        {
            let small = |n: i64| (1..=99).contains(&n);
            let number = self
                .cls(i + 1, Class::Number)
                .and_then(|e| e.num)
                .is_some_and(small)
                || (self.ok(i + 1)
                    && self.toks[i + 1].kind == Kind::Num
                    && self.w(i + 1).parse::<i64>().is_ok_and(small));
            let unit_after = self.cls(i + 2, Class::Unit).is_some();
            if number && !unit_after {
                return Some(Parsed {
                    a: i,
                    b: i + 2,
                    sem: Sem::PrevOffset { unit, n: 0 },
                });
            }
        }
        // "the same day", "that same day", "that year": the period in force
        if !plural && i > 0 && !unit.starts_with('T') && unit != "WE" && unit != "Q" {
            let mut a = None;
            if self.is(i - 1, "same") && i >= 2 && self.is_any(i - 2, &["the", "that"]) {
                a = Some(i - 2);
            } else if self.is(i - 1, "that") {
                a = Some(i - 1);
            }
            if let Some(a) = a {
                return Some(Parsed {
                    a,
                    b: i + 1,
                    sem: Sem::PrevOffset { unit, n: 0 },
                });
            }
        }
        // "year-earlier", "year-ago"
        if !plural && self.is_dash(i + 1) && self.is_any(i + 2, &["earlier", "ago"]) {
            // "the year-ago quarter", "the year-earlier period": the quarter in force, a year
            // before
            if unit == "Y" && self.is_any(i + 3, &["quarter", "period"]) {
                let a = if i > 0 && self.is(i - 1, "the") {
                    i - 1
                } else {
                    i
                };
                return Some(Parsed {
                    a,
                    b: i + 4,
                    sem: Sem::Quarter {
                        y: None,
                        q: 0,
                        yrel: Some(-1),
                    },
                });
            }
            let sem = if self.is(i + 2, "ago") {
                Sem::Ago { unit, n: -1 }
            } else {
                Sem::PrevOffset { unit, n: -1 }
            };
            return Some(Parsed {
                a: i,
                b: i + 3,
                sem,
            });
        }
        // "by year-end", "around year end", "since year's end" (after a temporal preposition;
        // "year-end net" is an adjective): the end of the year in force
        if unit == "Y" && !plural && i > 0 {
            let b = if self.is_dash(i + 1) && self.is(i + 2, "end") {
                Some(i + 3)
            } else if self.is(i + 1, "end") {
                Some(i + 2)
            } else if self.punct(i + 1, "'’") && self.is(i + 2, "s") && self.is(i + 3, "end") {
                Some(i + 4)
            } else {
                None
            };
            let after_prep = self.cls(i - 1, Class::Prep).is_some()
                || self.cls(i - 1, Class::Deadline).is_some();
            if let (Some(b), true) = (b, after_prep) {
                return Some(Parsed {
                    a: i,
                    b,
                    sem: Sem::YearEnd,
                });
            }
        }
        // "the year", "the fiscal year", "the full year", "the current fiscal year": the year of
        // the reference time; "the year ended Sept. 30": a year's duration
        if unit == "Y" && !plural && i > 0 {
            let j = if self.is_any(i - 1, &["fiscal", "full"]) {
                i - 1
            } else {
                i
            };
            let rel = j > 0 && self.is_any(j - 1, &["current", "latest"]);
            let k = if rel { j - 1 } else { j };
            let followed = self.year_num(i + 1).is_some()
                || self.cls(i + 1, Class::Number).is_some()
                || self.cls(i + 1, Class::Offset).is_some()
                || self.is_any(i + 1, &["'", "’", "-"])
                // "the Year III" of a calendar
                || (self.ok(i + 1) && !self.w(i + 1).is_empty() && self.w(i + 1).bytes().all(|c| b"IVX".contains(&c)));
            if k > 0 && self.is(k - 1, "the") && !followed {
                let a = self.left_mod(k - 1);
                let sem = if self.is_any(i + 1, &["ended", "ending"]) && a == k - 1 {
                    Sem::Duration(duration_value(Some(1), unit))
                } else if self.is(j - 1, "latest") {
                    Sem::TheYear { n: -1 }
                } else {
                    Sem::TheYear { n: 0 }
                };
                return Some(Parsed { a, b: i + 1, sem });
            }
        }
        // "the month", "the end of the month": the month in force in a history, else the DCT's
        if unit == "M" && !plural && i > 0 && self.is(i - 1, "the") {
            let followed = self.cls(i + 1, Class::Number).is_some()
                || self.cls(i + 1, Class::Offset).is_some()
                || self.is_any(i + 1, &["'", "’", "-", "of"]);
            if !followed {
                let a = self.left_mod(i - 1);
                return Some(Parsed {
                    a,
                    b: i + 1,
                    sem: Sem::TheMonth,
                });
            }
        }
        // "last week", "this month", "next year", "late last month", "the previous day"
        if i > 0 && !plural {
            if let Some(r) = self.cls(i.wrapping_sub(1), Class::Rel) {
                let rn = r.num?;
                // "last year's quarter", "last year's period": the quarter in force, a year
                // before
                if unit == "Y"
                    && rn != 0
                    && self.punct(i + 1, "'’")
                    && self.is(i + 2, "s")
                    && self.is_any(i + 3, &["quarter", "period"])
                {
                    return Some(Parsed {
                        a: i - 1,
                        b: i + 4,
                        sem: Sem::Quarter {
                            y: None,
                            q: 0,
                            yrel: Some(rn),
                        },
                    });
                }
                // "this year's third quarter", "next year's first quarter"
                if unit == "Y"
                    && self.punct(i + 1, "'’")
                    && self.is(i + 2, "s")
                    && self.is(i + 4, "quarter")
                {
                    if let Some(q) = self.cls(i + 3, Class::Ordinal).and_then(|o| o.num) {
                        if (1..=4).contains(&q) {
                            return Some(Parsed {
                                a: i - 1,
                                b: i + 5,
                                sem: Sem::Quarter {
                                    y: None,
                                    q: q as u32,
                                    yrel: Some(rn),
                                },
                            });
                        }
                    }
                }
                let rw = self.w(i.wrapping_sub(1)).to_ascii_lowercase();
                let mut a = i.wrapping_sub(1);
                let the = a > 0 && self.is(a.wrapping_sub(1), "the");
                if the {
                    a -= 1;
                }
                let sem = if unit == "WE" {
                    Sem::Weekend { rel: Some(rn) }
                } else if the && rw == "past" && unit == "Y" {
                    // "over the past year": TimeBank dates it, the year before the DCT's
                    Sem::RelUnit { unit, n: -1 }
                } else if the && rw == "past" {
                    Sem::Duration(duration_value(Some(1), unit))
                } else if matches!(rw.as_str(), "previous" | "following" | "preceding")
                    || (the && rw == "next")
                {
                    if unit.starts_with('T') {
                        return None;
                    }
                    Sem::PrevOffset { unit, n: rn }
                } else if unit.starts_with('T') {
                    Sem::Duration(duration_value(Some(1), unit))
                } else if rw == "past" {
                    Sem::RelUnit { unit, n: -1 }
                } else {
                    Sem::RelUnit { unit, n: rn }
                };
                let a = self.left_mod(a);
                return Some(Parsed { a, b: i + 1, sem });
            }
            if self.is(i.wrapping_sub(1), "the") {
                if unit == "WE" {
                    let a = self.left_mod(i.wrapping_sub(1));
                    return Some(Parsed {
                        a,
                        b: i + 1,
                        sem: Sem::Weekend { rel: None },
                    });
                }
                // "the day before", "the day after" (at the end of a clause)
                if unit == "D" && self.is_any(i + 1, &["before", "after"]) {
                    let end = i + 2 >= self.toks.len() || self.toks[i + 2].kind == Kind::Punct;
                    if end {
                        let n = if self.is(i + 1, "before") { -1 } else { 1 };
                        return Some(Parsed {
                            a: i.wrapping_sub(1),
                            b: i + 2,
                            sem: Sem::PrevOffset { unit, n },
                        });
                    }
                    // "the day before last Tuesday('s hearing)", "the day after Christmas": a
                    // day from the date that follows
                    let n = if self.is(i + 1, "before") { -1 } else { 1 };
                    for j in i + 2..(i + 4).min(self.toks.len()) {
                        let Some(p) = self.parse(j) else { continue };
                        let day = matches!(
                            p.sem,
                            Sem::Weekday { .. }
                                | Sem::Abs { d: Some(_), .. }
                                | Sem::Deictic { .. }
                                | Sem::Holiday { .. }
                        );
                        if p.a == i + 2 && day {
                            return Some(Parsed {
                                a: i.wrapping_sub(1),
                                b: p.b,
                                sem: Sem::DayShift(Box::new(p.sem), n),
                            });
                        }
                    }
                }
            }
        }
        // bare plurals: "for years", "in recent weeks", "hours after ... "
        if plural {
            // "days ago": some time back
            if self.is(i + 1, "ago") && !unit.starts_with('T') {
                return Some(Parsed {
                    a: i,
                    b: i + 2,
                    sem: Sem::Ref("PAST_REF"),
                });
            }
            // "in the coming days", "over the past weeks"
            if i > 0 && !unit.starts_with('T') {
                if let Some(r) = self.cls(i - 1, Class::Rel) {
                    if !self.is_any(i - 1, &["this", "current"]) {
                        let a = if i >= 2 && self.is(i - 2, "the") {
                            i - 2
                        } else {
                            i - 1
                        };
                        let r = if r.num.unwrap_or(0) > 0 {
                            "FUTURE_REF"
                        } else {
                            "PAST_REF"
                        };
                        return Some(Parsed {
                            a,
                            b: i + 1,
                            sem: Sem::Ref(r),
                        });
                    }
                }
            }
            // "in the days before the attack": the unit alone, a vague duration
            if i > 0
                && self.is(i.wrapping_sub(1), "the")
                && self.is_any(i + 1, &["after", "before", "ahead"])
            {
                return Some(Parsed {
                    a: i,
                    b: i + 1,
                    sem: Sem::Duration(duration_value(None, unit)),
                });
            }
            if self.is_any(i + 1, &["after", "before"])
                && i + 2 < self.toks.len()
                && self.toks[i + 2].kind == Kind::Word
                && !(i > 0 && self.is_any(i.wrapping_sub(1), &["for", "recent", "the"]))
            {
                return Some(Parsed {
                    a: i,
                    b: i + 2,
                    sem: Sem::EventAnchored,
                });
            }
            // "these days": the present
            if i > 0 && unit == "D" && self.is(i - 1, "these") {
                return Some(Parsed {
                    a: i - 1,
                    b: i + 1,
                    sem: Sem::Ref("PRESENT_REF"),
                });
            }
            // "in recent years": the recent past; "in recent weeks": a vague stretch of weeks
            // up to now, as TimeBank has it
            if i > 0 && self.is(i.wrapping_sub(1), "recent") {
                let coordinated =
                    self.is_any(i + 1, &["and", "or"]) && self.cls(i + 2, Class::Unit).is_some();
                let sem = if matches!(unit, "D" | "W" | "M") && !coordinated {
                    Sem::Duration(duration_value(None, unit))
                } else {
                    Sem::Ref("PAST_REF")
                };
                return Some(Parsed {
                    a: i.wrapping_sub(1),
                    b: i + 1,
                    sem,
                });
            }
            // "for years", "within weeks", "the first time in years"
            if i > 0 && self.is_any(i.wrapping_sub(1), &["for", "over", "within", "in"]) {
                return Some(Parsed {
                    a: i,
                    b: i + 1,
                    sem: Sem::Duration(duration_value(None, unit)),
                });
            }
        }
        None
    }
}
