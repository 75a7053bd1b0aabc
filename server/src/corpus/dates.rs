//! Calendar helpers for generated dates: day of year to day and month, `DD/MM/YYYY` text.

use super::render::{push_num, push_padded};

pub fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

pub fn days_in_year(year: u16) -> u16 {
    if is_leap(year) { 366 } else { 365 }
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The (day, month) of a zero-based day of the year.
pub fn day_month(year: u16, day_of_year: u16) -> (u8, u8) {
    let mut left = day_of_year;
    for month in 1..=12u8 {
        let len = u16::from(days_in_month(year, month));
        if left < len {
            // `left` < 31 here.
            return (u8::try_from(left + 1).unwrap_or(1), month);
        }
        left -= len;
    }
    (31, 12)
}

/// Appends `DD/MM/YYYY`.
pub fn push_date(out: &mut String, year: u16, day_of_year: u16) {
    let (day, month) = day_month(year, day_of_year);
    push_padded(out, u64::from(day), 2);
    out.push('/');
    push_padded(out, u64::from(month), 2);
    out.push('/');
    push_num(out, u64::from(year));
}

/// Appends `MM/YYYY`, a date known only to the month.
pub fn push_month(out: &mut String, year: u16, day_of_year: u16) {
    let (_, month) = day_month(year, day_of_year);
    push_padded(out, u64::from(month), 2);
    out.push('/');
    push_num(out, u64::from(year));
}
