//! Dates of the account pages in Vietnamese notation: `dd/mm/yyyy`, and stored UTC instants
//! shown in Vietnam time (UTC+7) as `dd/mm/yyyy HH:MM`.

/// Vietnam's offset from UTC, in minutes (no daylight saving time).
const VIETNAM_OFFSET_MINUTES: i64 = 7 * 60;

/// `YYYY-MM-DD` (anything after the date is ignored) as `dd/mm/yyyy`; other text as given.
pub fn vn_date(iso: &str) -> String {
    match parse_date(iso) {
        Some((y, m, d)) => format!("{d:02}/{m:02}/{y:04}"),
        None => iso.to_string(),
    }
}

/// An ISO-8601 instant (`2025-03-04T17:30:00Z`, with or without seconds, fractions or an
/// offset; no offset means UTC) as `dd/mm/yyyy HH:MM` in Vietnam time; other text as given.
pub fn vn_datetime(iso: &str) -> String {
    match parse_instant(iso) {
        Some(minutes) => {
            let local = minutes + VIETNAM_OFFSET_MINUTES;
            let (days, minute_of_day) = (local.div_euclid(1440), local.rem_euclid(1440));
            let (y, m, d) = civil_from_days(days);
            let (h, min) = (minute_of_day / 60, minute_of_day % 60);
            format!("{d:02}/{m:02}/{y:04} {h:02}:{min:02}")
        }
        None => iso.to_string(),
    }
}

fn number(s: &str) -> Option<i64> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn parse_date(s: &str) -> Option<(i64, i64, i64)> {
    let s = s.trim();
    let date = s.get(..10)?;
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (number(y)?, number(m)?, number(d)?);
    ((1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)).then_some((y, m, d))
}

/// Minutes since 1970-01-01T00:00Z.
fn parse_instant(s: &str) -> Option<i64> {
    let s = s.trim();
    let (y, m, d) = parse_date(s)?;
    let rest = s.get(10..)?;
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (h, min) = (number(rest.get(0..2)?)?, number(rest.get(3..5)?)?);
    if rest.get(2..3)? != ":" || h > 23 || min > 59 {
        return None;
    }
    // Skip seconds and fractions, then read the offset.
    let tail = rest
        .get(5..)?
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.');
    let offset = match tail {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match tail.get(..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let digits: String = tail[1..].chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 {
                return None;
            }
            sign * (number(&digits[..2])? * 60 + number(&digits[2..])?)
        }
    };
    Some(days_from_civil(y, m, d) * 1440 + h * 60 + min - offset)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_index = (m + 9) % 12; // March = 0
    let day_of_year = (153 * month_index + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let d = day_of_year - (153 * month_index + 2) / 5 + 1;
    let m = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let y = year_of_era + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_vietnamese_order() {
        assert_eq!(vn_date("2026-03-04"), "04/03/2026");
        assert_eq!(vn_date("2026-03-04T10:00:00Z"), "04/03/2026");
        assert_eq!(vn_date("2026-02-30"), "2026-02-30");
        assert_eq!(vn_date("soon"), "soon");
    }

    #[test]
    fn instants_in_vietnam_time() {
        assert_eq!(vn_datetime("2025-03-04T10:05:00Z"), "04/03/2025 17:05");
        assert_eq!(vn_datetime("2025-12-31T17:30:59.123Z"), "01/01/2026 00:30");
        assert_eq!(vn_datetime("2024-02-28T20:00:00+00:00"), "29/02/2024 03:00");
        assert_eq!(vn_datetime("2025-03-04T08:00:00+07:00"), "04/03/2025 08:00");
        assert_eq!(vn_datetime("2025-03-04 01:00"), "04/03/2025 08:00");
        assert_eq!(vn_datetime("2025-03-04T01:00:00-0130"), "04/03/2025 09:30");
        assert_eq!(vn_datetime("2025-03-04"), "2025-03-04");
        assert_eq!(vn_datetime("not a date"), "not a date");
    }

    #[test]
    fn day_counts_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        for days in [-1, 59, 365, 11_016, 19_782, 20_454, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
