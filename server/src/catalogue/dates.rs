//! Parses catalogue dates (`DD/MM/YYYY`, `MM/YYYY`, `YYYY`, ISO forms) and year ranges into the
//! closed interval of days they cover.

use std::fmt;
use time::{Date, Month};

/// How much of a date was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A parsed date: the interval it covers and its canonical text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateValue {
    pub first: Date,
    pub last: Date,
    pub precision: Precision,
}

impl DateValue {
    /// The canonical text: `DD/MM/YYYY`, `MM/YYYY` or `YYYY`, zero-padded.
    pub fn text(&self) -> String {
        let d = self.first;
        match self.precision {
            Precision::Day => format!("{:02}/{:02}/{:04}", d.day(), u8::from(d.month()), d.year()),
            Precision::Month => format!("{:02}/{:04}", u8::from(d.month()), d.year()),
            Precision::Year => format!("{:04}", d.year()),
        }
    }
}

/// A value that is not a possible date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub value: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ngày không hợp lệ: {} (dùng DD/MM/YYYY, MM/YYYY hoặc YYYY)",
            self.value
        )
    }
}

fn num(s: &str, min_len: usize, max_len: usize) -> Option<u32> {
    if s.len() < min_len || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn year(s: &str) -> Option<i32> {
    num(s, 4, 4)
        .filter(|y| *y >= 1)
        .and_then(|y| i32::try_from(y).ok())
}

fn month(m: u32) -> Option<Month> {
    u8::try_from(m).ok().and_then(|m| Month::try_from(m).ok())
}

fn day(y: i32, m: u32, d: u32) -> Option<DateValue> {
    let month = month(m)?;
    let date = Date::from_calendar_date(y, month, u8::try_from(d).ok()?).ok()?;
    Some(DateValue {
        first: date,
        last: date,
        precision: Precision::Day,
    })
}

fn whole_month(y: i32, m: u32) -> Option<DateValue> {
    let month = month(m)?;
    let first = Date::from_calendar_date(y, month, 1).ok()?;
    let last = Date::from_calendar_date(y, month, month.length(y)).ok()?;
    Some(DateValue {
        first,
        last,
        precision: Precision::Month,
    })
}

fn whole_year(y: i32) -> Option<DateValue> {
    let first = Date::from_calendar_date(y, Month::January, 1).ok()?;
    let last = Date::from_calendar_date(y, Month::December, 31).ok()?;
    Some(DateValue {
        first,
        last,
        precision: Precision::Year,
    })
}

/// Parses one date: `DD/MM/YYYY` (also `D/M/YYYY`, `.` or `-` between parts), `MM/YYYY`, `YYYY`,
/// ISO `YYYY-MM-DD` and `YYYY-MM`. 1996 covers the whole year, 02/1996 the whole month.
pub fn parse(s: &str) -> Result<DateValue, DateError> {
    let t = s.trim();
    let err = || DateError {
        value: t.to_string(),
    };
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    let iso = t.contains('-') && parts.first().is_some_and(|p| p.len() == 4);
    let parsed = match parts.as_slice() {
        [y] => year(y).and_then(whole_year),
        [y, m] if iso => year(y)
            .zip(num(m, 2, 2))
            .and_then(|(y, m)| whole_month(y, m)),
        [y, m, d] if iso => year(y)
            .zip(num(m, 2, 2))
            .zip(num(d, 2, 2))
            .and_then(|((y, m), d)| day(y, m, d)),
        [m, y] => year(y)
            .zip(num(m, 1, 2))
            .and_then(|(y, m)| whole_month(y, m)),
        [d, m, y] => year(y)
            .zip(num(m, 1, 2))
            .zip(num(d, 1, 2))
            .and_then(|((y, m), d)| day(y, m, d)),
        _ => None,
    };
    parsed.ok_or_else(err)
}

/// Parses a range such as `1991-2010`, `1991 – 2010` or `16/01/1996 - 19/09/1996`; a single date
/// is a range of itself. The start must not come after the end.
pub fn parse_range(s: &str) -> Result<(DateValue, DateValue), DateError> {
    let t = s.trim();
    if let Ok(d) = parse(t) {
        return Ok((d, d));
    }
    let err = || DateError {
        value: t.to_string(),
    };
    let normalised = t.replace(['–', '—'], "-");
    let pieces: Vec<&str> = if let Some((a, b)) = normalised.split_once(" - ") {
        vec![a, b]
    } else if let Some((a, b)) = normalised.split_once(" đến ") {
        vec![a, b]
    } else {
        normalised.split('-').collect()
    };
    let [a, b] = pieces.as_slice() else {
        return Err(err());
    };
    let (a, b) = (parse(a).map_err(|_| err())?, parse(b).map_err(|_| err())?);
    if a.first > b.last {
        return Err(err());
    }
    Ok((a, b))
}

/// The first and last day covered by a date or a range, if it is one.
pub fn interval(s: &str) -> Option<(Date, Date)> {
    parse_range(s).ok().map(|(a, b)| (a.first, b.last))
}

/// The ISO form `YYYY-MM-DD` of a day.
pub fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn span(s: &str) -> (Date, Date) {
        let d = parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        (d.first, d.last)
    }

    #[test]
    fn full_dates_in_every_accepted_form() {
        assert_eq!(
            span("16/01/1996"),
            (date!(1996 - 01 - 16), date!(1996 - 01 - 16))
        );
        assert_eq!(
            span("6/1/1996"),
            (date!(1996 - 01 - 06), date!(1996 - 01 - 06))
        );
        assert_eq!(
            span("1996-01-16"),
            (date!(1996 - 01 - 16), date!(1996 - 01 - 16))
        );
        assert_eq!(
            span(" 16.01.1996 "),
            (date!(1996 - 01 - 16), date!(1996 - 01 - 16))
        );
        assert_eq!(
            span("16-01-1996"),
            (date!(1996 - 01 - 16), date!(1996 - 01 - 16))
        );
        assert_eq!(
            parse("6/1/1996").map(|d| d.text()),
            Ok("06/01/1996".to_string())
        );
        assert_eq!(
            parse("1996-01-16").map(|d| d.text()),
            Ok("16/01/1996".to_string())
        );
    }

    #[test]
    fn a_year_or_a_month_covers_all_of_it() {
        assert_eq!(span("1996"), (date!(1996 - 01 - 01), date!(1996 - 12 - 31)));
        assert_eq!(
            span("02/1996"),
            (date!(1996 - 02 - 01), date!(1996 - 02 - 29))
        );
        assert_eq!(
            span("2/1997"),
            (date!(1997 - 02 - 01), date!(1997 - 02 - 28))
        );
        assert_eq!(
            span("1900-02"),
            (date!(1900 - 02 - 01), date!(1900 - 02 - 28))
        );
        assert_eq!(
            span("02/2000"),
            (date!(2000 - 02 - 01), date!(2000 - 02 - 29))
        );
        assert_eq!(
            span("11/2001"),
            (date!(2001 - 11 - 01), date!(2001 - 11 - 30))
        );
        assert_eq!(
            parse("1996-02").map(|d| (d.text(), d.precision)),
            Ok(("02/1996".into(), Precision::Month))
        );
        assert_eq!(parse("1996").map(|d| d.text()), Ok("1996".into()));
    }

    #[test]
    fn leap_days_only_in_leap_years() {
        assert!(parse("29/02/1996").is_ok());
        assert!(parse("29/02/2000").is_ok());
        assert!(parse("29/02/1900").is_err());
        assert!(parse("29/02/1997").is_err());
    }

    #[test]
    fn impossible_dates_are_errors_in_vietnamese_naming_the_value() {
        for bad in [
            "31/02/1996",
            "32/01/1996",
            "00/01/1996",
            "13/1996",
            "1996-13-01",
            "96",
            "abc",
            "",
            "1/2/3/1996",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse("31/02/1996").map_err(|e| e.to_string()),
            Err("ngày không hợp lệ: 31/02/1996 (dùng DD/MM/YYYY, MM/YYYY hoặc YYYY)".to_string())
        );
    }

    #[test]
    fn ranges_of_years_and_dates() {
        assert_eq!(
            interval("1991-2010"),
            Some((date!(1991 - 01 - 01), date!(2010 - 12 - 31)))
        );
        assert_eq!(
            interval("1991 – 2010"),
            Some((date!(1991 - 01 - 01), date!(2010 - 12 - 31)))
        );
        assert_eq!(
            interval("16/01/1996 - 19/09/1996"),
            Some((date!(1996 - 01 - 16), date!(1996 - 09 - 19)))
        );
        assert_eq!(
            interval("02/1996"),
            Some((date!(1996 - 02 - 01), date!(1996 - 02 - 29)))
        );
        assert_eq!(interval("2010-1991"), None, "start after end");
        assert_eq!(interval("1991-20100"), None);
        assert!(parse_range("1991-2010-2020").is_err());
    }
}
