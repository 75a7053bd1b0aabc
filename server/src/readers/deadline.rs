//! Working days and staff deadlines: "within one working day" for checking a new reader's identity
//! (Circular 05/2025/TT-BNV art. 35), and the request deadlines of reader-services.md §3, which
//! count working days (Monday–Friday less the archive's holidays) in Vietnam time.
//!
//! # The rule
//!
//! The day of receipt is not counted (as for every period counted in days, Civil Code 2015
//! art. 147): a deadline of `n` working days ends at closing time (17:00 local unless configured)
//! of the `n`-th working day after the day of receipt.
//!
//! Receipt outside working hours counts from the next working day: a request received after
//! closing time, or on a weekend or holiday, is treated as received at the opening of the next
//! working day; one received before opening on a working day counts as received that day. So, for
//! one working day, with no holidays:
//!
//! | received (Vietnam time) | due |
//! |---|---|
//! | Monday 07:59, 08:00 or 16:59 | Tuesday 17:00 |
//! | Monday 17:00 | Wednesday 17:00 |
//! | Friday 16:00 | Monday 17:00 |
//! | Friday 17:00, Saturday, Sunday | Tuesday 17:00 |
//!
//! Zero working days means closing time of the (effective) day of receipt.

use time::{OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

mod holidays;

pub use holidays::{HolidayError, Holidays};

/// The archive's time zone and closing time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OfficeHours {
    /// The archive's offset from UTC (Vietnam: +07:00, no daylight saving).
    pub offset: UtcOffset,
    /// End of the working day, local time: receipts from then on count from the next working
    /// day, and deadlines fall at this time.
    pub closes: Time,
}

impl OfficeHours {
    /// Vietnam time (UTC+7), closing at 17:00.
    pub const VIETNAM: OfficeHours = OfficeHours {
        offset: time::macros::offset!(+7),
        closes: time::macros::time!(17:00),
    };
}

impl Default for OfficeHours {
    fn default() -> Self {
        Self::VIETNAM
    }
}

/// The deadline of something received at `from` and due within `days` working days, following
/// the rule in the module documentation; returned in UTC.
pub fn add_working_days(
    from: OffsetDateTime,
    days: u32,
    hours: &OfficeHours,
    holidays: &Holidays,
) -> OffsetDateTime {
    let local = from.to_offset(hours.offset);
    let mut day = local.date();
    if !holidays.is_working_day(day) || local.time() >= hours.closes {
        day = holidays.next_working_day(day);
    }
    for _ in 0..days {
        day = holidays.next_working_day(day);
    }
    PrimitiveDateTime::new(day, hours.closes)
        .assume_offset(hours.offset)
        .to_offset(UtcOffset::UTC)
}

#[cfg(test)]
mod tests;
