//! Dates of the account, staff and admin pages: ISO-8601 instants shown in Vietnam time (UTC+7)
//! as `dd/mm/yyyy HH:MM`, and calendar days as `dd/mm/yyyy`.

/// Vietnam's offset from UTC, in minutes (no daylight saving).
const VIETNAM_OFFSET_MINUTES: i64 = 7 * 60;

/// An ISO-8601 instant (`2025-03-04T05:06:07Z`, `…+07:00`, `2025-03-04 05:06:07`) as
/// `dd/mm/yyyy HH:MM` in Vietnam time. A time without an offset is taken as UTC. Text that is
/// not such an instant is returned unchanged.
pub fn vn_datetime(iso: &str) -> String {
    match utc_minutes(iso) {
        Some(minutes) => {
            let local = minutes + VIETNAM_OFFSET_MINUTES;
            let (year, month, day) = civil_from_days(local.div_euclid(24 * 60));
            let minute_of_day = local.rem_euclid(24 * 60);
            format!(
                "{day:02}/{month:02}/{year:04} {:02}:{:02}",
                minute_of_day / 60,
                minute_of_day % 60
            )
        }
        None => iso.to_string(),
    }
}

/// A calendar day `YYYY-MM-DD` (or the date part of an instant) as `dd/mm/yyyy`; other text is
/// returned unchanged.
pub fn vn_date(ymd: &str) -> String {
    match parse_date(ymd.trim()) {
        Some((year, month, day)) => format!("{day:02}/{month:02}/{year:04}"),
        None => ymd.to_string(),
    }
}

/// Minutes since 1970-01-01T00:00Z of an ISO-8601 instant (UTC when it has no offset).
pub fn utc_minutes(s: &str) -> Option<i64> {
    let s = s.trim();
    let (year, month, day) = parse_date(s.get(..10)?)?;
    let rest = s.get(10..)?;
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let hour = number(rest.get(0..2)?)?;
    if rest.get(2..3)? != ":" {
        return None;
    }
    let minute = number(rest.get(3..5)?)?;
    if hour > 23 || minute > 59 {
        return None;
    }
    // Skip the seconds and any fraction, then read the offset.
    let zone = rest[5..].trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.');
    let offset = zone_offset(zone.trim())?;
    let days = days_from_civil(year, month, day);
    Some(days * 24 * 60 + hour * 60 + minute - offset)
}

/// The offset of `Z`, `+07:00`, `+0700`, `-05` or nothing (UTC), in minutes.
fn zone_offset(zone: &str) -> Option<i64> {
    if zone.is_empty() || zone.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let (sign, digits) = match zone.split_at_checked(1)? {
        ("+", digits) => (1, digits),
        ("-", digits) => (-1, digits),
        _ => return None,
    };
    let digits = digits.replace(':', "");
    let (hours, minutes) = match digits.len() {
        2 => (number(&digits)?, 0),
        4 => (number(digits.get(..2)?)?, number(digits.get(2..)?)?),
        _ => return None,
    };
    Some(sign * (hours * 60 + minutes))
}

fn parse_date(s: &str) -> Option<(i64, i64, i64)> {
    let s = s.get(..10)?;
    let bytes = s.as_bytes();
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let (year, month, day) = (number(&s[..4])?, number(&s[5..7])?, number(&s[8..10])?);
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
}

fn number(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_shown_in_vietnam_time() {
        assert_eq!(vn_datetime("2025-03-04T05:06:07Z"), "04/03/2025 12:06");
        assert_eq!(
            vn_datetime("2025-03-04T20:30:00.123456Z"),
            "05/03/2025 03:30"
        );
        assert_eq!(vn_datetime("2025-03-04 05:06:07"), "04/03/2025 12:06");
        assert_eq!(vn_datetime("2025-03-05T17:00:00+07:00"), "05/03/2025 17:00");
        assert_eq!(vn_datetime("2024-12-31T23:59:59+00:00"), "01/01/2025 06:59");
        assert_eq!(vn_datetime("2024-02-29T18:00-0500"), "01/03/2024 06:00");
        assert_eq!(vn_datetime("2025-03-04T05:06"), "04/03/2025 12:06");
    }

    #[test]
    fn other_text_is_kept() {
        assert_eq!(vn_datetime("hôm qua"), "hôm qua");
        assert_eq!(vn_datetime("2025-13-04T05:06:07Z"), "2025-13-04T05:06:07Z");
        assert_eq!(vn_datetime(""), "");
    }

    #[test]
    fn days_are_shown_day_first() {
        assert_eq!(vn_date("2026-01-09"), "09/01/2026");
        assert_eq!(vn_date("2026-01-09T00:00:00Z"), "09/01/2026");
        assert_eq!(vn_date("soon"), "soon");
    }

    #[test]
    fn day_counts_round_trip() {
        for days in [-800_000, -1, 0, 1, 19_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(20_089), (2025, 1, 1));
    }
}
