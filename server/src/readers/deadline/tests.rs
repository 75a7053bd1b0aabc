//! Tests: the working-day deadline, the default calendar and the holiday list parser.
use super::*;
use time::macros::{date, datetime};
use time::{Date, Weekday};

/// A deadline for something received at a Vietnam local time.
fn due(received: PrimitiveDateTime, days: u32, holidays: &Holidays) -> PrimitiveDateTime {
    let from = received.assume_offset(OfficeHours::VIETNAM.offset);
    let d = add_working_days(from, days, &OfficeHours::VIETNAM, holidays);
    assert_eq!(d.offset(), UtcOffset::UTC);
    let local = d.to_offset(OfficeHours::VIETNAM.offset);
    PrimitiveDateTime::new(local.date(), local.time())
}

fn none() -> Holidays {
    Holidays::default()
}

#[test]
fn weekdays() {
    // 2026-03-09 is a Monday.
    assert_eq!(date!(2026 - 03 - 09).weekday(), Weekday::Monday);
    assert_eq!(
        due(datetime!(2026-03-09 10:00), 1, &none()),
        datetime!(2026-03-10 17:00)
    );
    assert_eq!(
        due(datetime!(2026-03-11 09:30), 1, &none()),
        datetime!(2026-03-12 17:00)
    );
    assert_eq!(
        due(datetime!(2026-03-09 10:00), 2, &none()),
        datetime!(2026-03-11 17:00)
    );
    assert_eq!(
        due(datetime!(2026-03-09 10:00), 7, &none()),
        datetime!(2026-03-18 17:00)
    );
    assert_eq!(
        due(datetime!(2026-03-09 10:00), 0, &none()),
        datetime!(2026-03-09 17:00)
    );
}

#[test]
fn opening_and_closing_times() {
    let monday = |t| due(PrimitiveDateTime::new(date!(2026 - 03 - 09), t), 1, &none());
    assert_eq!(
        monday(time::macros::time!(07:59)),
        datetime!(2026-03-10 17:00)
    );
    assert_eq!(
        monday(time::macros::time!(08:00)),
        datetime!(2026-03-10 17:00)
    );
    assert_eq!(
        monday(time::macros::time!(16:59)),
        datetime!(2026-03-10 17:00)
    );
    assert_eq!(
        monday(time::macros::time!(17:00)),
        datetime!(2026-03-11 17:00)
    );
    assert_eq!(
        monday(time::macros::time!(23:59)),
        datetime!(2026-03-11 17:00)
    );
}

#[test]
fn the_instant_is_read_in_vietnam_time() {
    // 2026-03-09 09:59 UTC is 16:59 in Vietnam; 10:00 UTC is 17:00.
    let h = OfficeHours::VIETNAM;
    let before = add_working_days(datetime!(2026-03-09 09:59 UTC), 1, &h, &none());
    let after = add_working_days(datetime!(2026-03-09 10:00 UTC), 1, &h, &none());
    assert_eq!(before, datetime!(2026-03-10 10:00 UTC));
    assert_eq!(after, datetime!(2026-03-11 10:00 UTC));
    // Sunday 20:00 UTC is already Monday 03:00 in Vietnam: a working day, before opening.
    let sunday_night = add_working_days(datetime!(2026-03-08 20:00 UTC), 1, &h, &none());
    assert_eq!(sunday_night, datetime!(2026-03-10 10:00 UTC));
}

#[test]
fn closing_time_is_configurable() {
    let h = OfficeHours {
        offset: time::macros::offset!(+7),
        closes: time::macros::time!(16:30),
    };
    let at = |t| {
        add_working_days(
            datetime!(2026-03-09 00:00 +7).replace_time(t),
            1,
            &h,
            &none(),
        )
    };
    assert_eq!(
        at(time::macros::time!(16:29)),
        datetime!(2026-03-10 16:30 +7)
    );
    assert_eq!(
        at(time::macros::time!(16:30)),
        datetime!(2026-03-11 16:30 +7)
    );
    assert_eq!(OfficeHours::default(), OfficeHours::VIETNAM);
}

#[test]
fn friday_and_weekend() {
    // 2026-03-13 is a Friday.
    assert_eq!(date!(2026 - 03 - 13).weekday(), Weekday::Friday);
    assert_eq!(
        due(datetime!(2026-03-13 16:00), 1, &none()),
        datetime!(2026-03-16 17:00)
    );
    assert_eq!(
        due(datetime!(2026-03-13 17:00), 1, &none()),
        datetime!(2026-03-17 17:00)
    );
    assert_eq!(
        due(datetime!(2026-03-14 09:00), 1, &none()),
        datetime!(2026-03-17 17:00)
    );
    assert_eq!(
        due(datetime!(2026-03-15 23:00), 1, &none()),
        datetime!(2026-03-17 17:00)
    );
    assert_eq!(
        due(datetime!(2026-03-14 09:00), 0, &none()),
        datetime!(2026-03-16 17:00)
    );
}

#[test]
fn a_holiday_on_the_next_day() {
    // 2026-04-30 (Thursday) and 2026-05-01 (Friday) are public holidays.
    let h = Holidays::vietnam_default(2026);
    assert_eq!(
        due(datetime!(2026-04-29 10:00), 1, &h),
        datetime!(2026-05-04 17:00)
    );
    assert_eq!(
        due(datetime!(2026-04-30 10:00), 1, &h),
        datetime!(2026-05-05 17:00)
    );
    assert_eq!(
        due(datetime!(2026-04-28 10:00), 2, &h),
        datetime!(2026-05-04 17:00)
    );
}

#[test]
fn a_run_of_tet_holidays() {
    // Tết Bính Ngọ 2026: Monday 16 to Friday 20 February, entered by the archive.
    let h = Holidays::parse("2026-02-16..2026-02-20  # Tết Nguyên đán").unwrap();
    assert_eq!(
        due(datetime!(2026-02-13 15:00), 1, &h),
        datetime!(2026-02-23 17:00)
    );
    assert_eq!(
        due(datetime!(2026-02-12 15:00), 2, &h),
        datetime!(2026-02-23 17:00)
    );
    assert_eq!(
        due(datetime!(2026-02-17 08:00), 1, &h),
        datetime!(2026-02-24 17:00)
    );
    assert_eq!(
        due(datetime!(2026-02-13 15:00), 7, &h),
        datetime!(2026-03-03 17:00)
    );
}

#[test]
fn year_boundary() {
    let mut h = Holidays::vietnam_default(2025);
    h.merge(&Holidays::vietnam_default(2026));
    // Wednesday 31 December 2025, 16:00 → Thursday 1 January is a holiday → Friday 2 January.
    assert_eq!(
        due(datetime!(2025-12-31 16:00), 1, &h),
        datetime!(2026-01-02 17:00)
    );
    assert_eq!(
        due(datetime!(2025-12-31 17:30), 1, &h),
        datetime!(2026-01-05 17:00)
    );
    assert_eq!(
        due(datetime!(2025-12-31 16:00), 2, &h),
        datetime!(2026-01-05 17:00)
    );
}

#[test]
fn default_fixed_holidays_and_compensatory_days() {
    let off = |year: i32| -> Vec<Date> {
        let h = Holidays::vietnam_default(year);
        let start = Date::from_ordinal_date(year, 1).unwrap();
        std::iter::successors(Some(start), |d| d.next_day())
            .take_while(|d| d.year() == year)
            .filter(|d| d.weekday() != Weekday::Saturday && d.weekday() != Weekday::Sunday)
            .filter(|d| !h.is_working_day(*d))
            .collect()
    };
    // 2025: 2/9 on Tuesday, the decree took Monday 1/9.
    assert_eq!(
        off(2025),
        [
            date!(2025 - 01 - 01),
            date!(2025 - 04 - 30),
            date!(2025 - 05 - 01),
            date!(2025 - 09 - 01),
            date!(2025 - 09 - 02)
        ]
    );
    // 2023: 1/1 on Sunday → Monday 2/1; 30/4 Sunday → Tuesday 2/5; 2/9 Saturday → Friday 1/9 and Monday 4/9.
    assert_eq!(
        off(2023),
        [
            date!(2023 - 01 - 02),
            date!(2023 - 05 - 01),
            date!(2023 - 05 - 02),
            date!(2023 - 09 - 01),
            date!(2023 - 09 - 04)
        ]
    );
    // 2022: 30/4 Saturday and 1/5 Sunday → Monday 2/5 and Tuesday 3/5; 2/9 Friday → Thursday 1/9.
    let y2022 = off(2022);
    assert!(y2022.contains(&date!(2022 - 05 - 02)) && y2022.contains(&date!(2022 - 05 - 03)));
    assert!(y2022.contains(&date!(2022 - 09 - 01)) && y2022.contains(&date!(2022 - 09 - 02)));
    // 2024: 2/9 Monday → Tuesday 3/9; 2021: Thursday → Friday 3/9.
    assert!(off(2024).contains(&date!(2024 - 09 - 03)));
    assert!(off(2021).contains(&date!(2021 - 09 - 03)));
}

#[test]
fn the_archive_list_corrects_the_default() {
    let mut h = Holidays::vietnam_default(2026);
    // 2/9/2026 is a Wednesday: the default also takes Thursday 3/9 off.
    assert!(!h.is_working_day(date!(2026 - 09 - 03)));
    let list = "!2026-09-03, 2026-09-01\n!2026-01-10 # Saturday worked in exchange for 2 January\n2026-01-02";
    h.merge(&Holidays::parse(list).unwrap());
    assert!(h.is_working_day(date!(2026 - 09 - 03)));
    assert!(!h.is_working_day(date!(2026 - 09 - 01)));
    assert!(h.is_working_day(date!(2026 - 01 - 10)));
    assert!(!h.is_working_day(date!(2026 - 01 - 02)));
    // The worked Saturday counts as a working day for deadlines.
    assert_eq!(
        due(datetime!(2026-01-09 16:00), 1, &h),
        datetime!(2026-01-10 17:00)
    );
    // A later list that takes the day off again wins.
    h.merge(&Holidays::new([date!(2026 - 01 - 10)]));
    assert!(!h.is_working_day(date!(2026 - 01 - 10)));
}

#[test]
fn parser_accepts_the_documented_format() {
    let h = Holidays::parse("2026-01-01, 2026-02-16..2026-02-20, 2026-04-27\n\n  # comment only\n")
        .unwrap();
    let mut want = vec![date!(2026 - 01 - 01), date!(2026 - 04 - 27)];
    want.extend(
        (16..=20).map(|d| Date::from_calendar_date(2026, time::Month::February, d).unwrap()),
    );
    want.sort();
    assert_eq!(h, Holidays::new(want));
    assert_eq!(Holidays::parse("").unwrap(), Holidays::default());
    assert!(Holidays::parse("2026-02-16 .. 2026-02-20").is_ok());
}

#[test]
fn parser_errors_name_the_bad_entry() {
    let err = |text: &str| Holidays::parse(text).unwrap_err();
    let e = err("2026-01-01,\n2026-02-30");
    assert_eq!((e.line, e.entry.as_str()), (2, "2026-02-30"));
    assert!(e.message.contains("không có trên lịch"), "{}", e.message);
    assert!(
        e.to_string().starts_with("dòng 2, mục «2026-02-30»:"),
        "{e}"
    );
    let e = err("2026-1-1");
    assert!(e.message.contains("NNNN-TT-NN") && e.message.contains("\"2026-1-1\""));
    assert!(err("1/1/2026").message.contains("NNNN-TT-NN"));
    assert!(err("2026-13-01").message.contains("tháng (01–12)"));
    assert!(
        err("2026-02-20..2026-02-16")
            .message
            .contains("ngày đầu của khoảng sau ngày cuối")
    );
    assert!(
        err("2026-02-16..2026-12-20")
            .message
            .contains("dài hơn 31 ngày")
    );
    assert!(err("2026-02-16..").message.contains("NNNN-TT-NN"));
    let e = err("2026-09-03\n!2026-09-01..2026-09-05");
    assert_eq!(e.line, 2);
    assert!(
        e.message
            .contains("ngày 2026-09-03 vừa được ghi là ngày nghỉ"),
        "{}",
        e.message
    );
}

#[test]
fn national_day_pairs() {
    assert_eq!(national_day_pair_of(2025), date!(2025 - 09 - 01));
    assert_eq!(national_day_pair_of(2024), date!(2024 - 09 - 03));
    assert_eq!(national_day_pair_of(2023), date!(2023 - 09 - 01));
    assert_eq!(national_day_pair_of(2022), date!(2022 - 09 - 01));
    assert_eq!(national_day_pair_of(2021), date!(2021 - 09 - 03));
}

fn national_day_pair_of(year: i32) -> Date {
    holidays::national_day_pair(year).1.unwrap()
}
