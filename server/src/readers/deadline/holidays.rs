//! The archive's calendar of days off: Saturdays and Sundays, the public holidays, and the
//! exceptions the government decrees each year.
//!
//! [`Holidays::vietnam_default`] gives only what the Labour Code 2019 (art. 111–112) fixes by the
//! solar calendar: 1 January, 30 April, 1 May, 2 September and one day next to it, plus the
//! compensatory day off (nghỉ bù) on the next working day when one of these falls on a weekend.
//! **Lunar holidays — Tết Nguyên đán (5 days) and the Hùng Kings' day (10/3 âm lịch) — move every
//! year and are not included**: the archive enters them each year in its holiday list, together
//! with the day next to 2 September that the Prime Minister chooses (the default picks one by the
//! weekday, see [`national_day_pair`]) and any swapped days (a Saturday made a working day, written
//! `!2026-01-10`).
//!
//! The list format: entries separated by commas or new lines, `#` starts a comment:
//!
//! ```text
//! 2026-01-01, 2026-02-16..2026-02-20   # Tết: an inclusive range
//! 2026-04-27                           # Giỗ Tổ Hùng Vương
//! !2026-01-10                          # a working Saturday, or a default holiday moved away
//! ```

use std::collections::BTreeSet;
use time::{Date, Month, Weekday};

/// Days off besides weekends, and days worked despite being a weekend or a default holiday.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Holidays {
    off: BTreeSet<Date>,
    worked: BTreeSet<Date>,
}

/// A bad entry in the holiday list.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("dòng {line}, mục «{entry}»: {message}")]
pub struct HolidayError {
    /// 1-based line of the list.
    pub line: usize,
    /// The entry as written.
    pub entry: String,
    /// What is wrong and how to fix it, Vietnamese first.
    pub message: String,
}

/// The longest range accepted in one entry: longer ones are almost surely typing mistakes.
const MAX_RANGE_DAYS: i64 = 31;

impl Holidays {
    /// These days off (on top of weekends).
    pub fn new(days_off: impl IntoIterator<Item = Date>) -> Self {
        Self {
            off: days_off.into_iter().collect(),
            worked: BTreeSet::new(),
        }
    }

    /// The fixed-date public holidays of `year` (see the module documentation: no lunar holidays).
    pub fn vietnam_default(year: i32) -> Self {
        let day = |month, d| Date::from_calendar_date(year, month, d).ok();
        let (national_day, next_to_it) = national_day_pair(year);
        let fixed: BTreeSet<Date> = [day(Month::January, 1), day(Month::April, 30)]
            .into_iter()
            .chain([day(Month::May, 1), national_day, next_to_it])
            .flatten()
            .collect();
        let mut off = fixed.clone();
        for d in fixed.iter().filter(|d| is_weekend(**d)) {
            // Compensatory day: the next weekday that is not already off.
            let mut c = *d;
            while is_weekend(c) || off.contains(&c) {
                c = c
                    .next_day()
                    .expect("dates are far from the end of the calendar");
            }
            off.insert(c);
        }
        Self {
            off,
            worked: BTreeSet::new(),
        }
    }

    /// Reads a holiday list (format in the module documentation).
    pub fn parse(text: &str) -> Result<Self, HolidayError> {
        let mut holidays = Self::default();
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            let content = line.split_once('#').map_or(line, |(before, _)| before);
            for entry in content.split(',').map(str::trim).filter(|e| !e.is_empty()) {
                let error = |message: String| HolidayError {
                    line: line_no,
                    entry: entry.to_string(),
                    message,
                };
                let (worked, range) = match entry.strip_prefix('!') {
                    Some(rest) => (true, rest.trim()),
                    None => (false, entry),
                };
                let (first, last) = match range.split_once("..") {
                    Some((a, b)) => (parse_date(a.trim()), parse_date(b.trim())),
                    None => (parse_date(range), parse_date(range)),
                };
                let (first, last) = (first.map_err(&error)?, last.map_err(&error)?);
                if first > last {
                    return Err(error(
                        "ngày đầu của khoảng sau ngày cuối — viết ngày sớm hơn trước, ví dụ \
                         2026-02-16..2026-02-20 (the range starts after it ends)"
                            .into(),
                    ));
                }
                if (last - first).whole_days() >= MAX_RANGE_DAYS {
                    return Err(error(format!(
                        "khoảng nghỉ dài hơn {MAX_RANGE_DAYS} ngày, có lẽ gõ nhầm năm hoặc tháng — \
                         kiểm tra lại (a range longer than {MAX_RANGE_DAYS} days is probably a typo)"
                    )));
                }
                let mut d = first;
                loop {
                    let (this, other) = if worked {
                        (&mut holidays.worked, &holidays.off)
                    } else {
                        (&mut holidays.off, &holidays.worked)
                    };
                    if other.contains(&d) {
                        return Err(error(format!(
                            "ngày {d} vừa được ghi là ngày nghỉ vừa là ngày làm việc (có dấu !) — \
                             giữ một trong hai (the date is listed both as a day off and as a \
                             working day)"
                        )));
                    }
                    this.insert(d);
                    if d == last {
                        break;
                    }
                    d = d
                        .next_day()
                        .expect("the range ends before the end of the calendar");
                }
            }
        }
        Ok(holidays)
    }

    /// Adds another calendar, which wins where the two disagree (its `!` working days over this
    /// one's days off and its days off over this one's working days), so an
    /// archive's list can correct [`Holidays::vietnam_default`].
    pub fn merge(&mut self, other: &Holidays) {
        self.off
            .extend(other.off.iter().filter(|d| !other.worked.contains(d)));
        self.off.retain(|d| !other.worked.contains(d));
        self.worked.retain(|d| !other.off.contains(d));
        self.worked.extend(&other.worked);
    }

    /// Whether staff work on `day`.
    pub fn is_working_day(&self, day: Date) -> bool {
        self.worked.contains(&day) || !(is_weekend(day) || self.off.contains(&day))
    }

    /// The first working day after `day`.
    pub fn next_working_day(&self, day: Date) -> Date {
        let mut d = day;
        loop {
            d = d
                .next_day()
                .expect("dates are far from the end of the calendar");
            if self.is_working_day(d) {
                return d;
            }
        }
    }
}

fn is_weekend(day: Date) -> bool {
    matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// National Day (2 September) and the day next to it that the default calendar takes off. The
/// Prime Minister decides each year; the default follows the choices of 2021–2025, which make a
/// long weekend: the day before when 2/9 is a Tuesday, Friday or Saturday, the day after
/// otherwise (for a Wednesday this is a guess that the archive should check).
pub fn national_day_pair(year: i32) -> (Option<Date>, Option<Date>) {
    let Ok(national) = Date::from_calendar_date(year, Month::September, 2) else {
        return (None, None);
    };
    let next = match national.weekday() {
        Weekday::Tuesday | Weekday::Friday | Weekday::Saturday => national.previous_day(),
        _ => national.next_day(),
    };
    (Some(national), next)
}

/// A date written `YYYY-MM-DD`.
fn parse_date(text: &str) -> Result<Date, String> {
    let parts: Vec<&str> = text.split('-').collect();
    let shape = parts.len() == 3
        && parts.iter().zip([4, 2, 2]).all(|(p, n)| p.len() == n)
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !shape {
        return Err(format!(
            "\"{text}\" không phải ngày dạng NNNN-TT-NN (năm-tháng-ngày), ví dụ 2026-02-16 — \
             viết lại; nhiều ngày liền nhau viết 2026-02-16..2026-02-20 (not a date in YYYY-MM-DD form)"
        ));
    }
    let number = |p: &str| p.parse::<u16>().unwrap_or(0);
    let month = u8::try_from(number(parts[1]))
        .ok()
        .and_then(|m| Month::try_from(m).ok());
    month
        .and_then(|m| {
            let day = u8::try_from(number(parts[2])).ok()?;
            Date::from_calendar_date(i32::from(number(parts[0])), m, day).ok()
        })
        .ok_or_else(|| {
            format!(
                "ngày {text} không có trên lịch — kiểm tra lại tháng (01–12) và ngày trong tháng \
                 (no such date)"
            )
        })
}
