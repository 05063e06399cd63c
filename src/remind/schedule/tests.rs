//! The schedule's tests: times and days read, refused with the likely value, and written
//! for systemd and cron.

use super::*;

#[test]
fn times_and_days_read_back_from_what_is_written() {
    let r = Reminder {
        at: At { hour: 7, minute: 5 },
        days: parse_days("fri,Mon,wednesday,mon").unwrap_or(Days::EVERY),
    };
    assert_eq!(r.on_calendar(), "Mon,Wed,Fri *-*-* 07:05:00");
    assert_eq!(r.cron_fields(), "5 7 * * 1,3,5");
    assert_eq!(Reminder::from_on_calendar(&r.on_calendar()), Some(r));
    assert_eq!(Reminder::from_cron(&r.cron_fields()), Some(r));
    let sunday = Reminder {
        days: parse_days("sun").unwrap_or(Days::EVERY),
        ..r
    };
    assert_eq!(sunday.cron_fields(), "5 7 * * 0");
    assert_eq!(Reminder::from_cron("5 7 * * 0"), Some(sunday));
}

fn at(hour: u8, minute: u8) -> At {
    At { hour, minute }
}

#[test]
fn times_are_read_on_either_clock() {
    for (typed, hour, minute) in [
        ("7:30", 7, 30),
        ("07:30", 7, 30),
        (" 19:30 ", 19, 30),
        ("00:00", 0, 0),
        ("23:59", 23, 59),
        ("7:30pm", 19, 30),
        ("7:30 PM", 19, 30),
        ("7:30am", 7, 30),
        ("07:30pm", 19, 30),
        ("7pm", 19, 0),
        ("7 am", 7, 0),
        ("7 a.m.", 7, 0),
        ("7:15 P.M.", 19, 15),
        ("12am", 0, 0),
        ("12:30am", 0, 30),
        ("12pm", 12, 0),
        ("12:45 pm", 12, 45),
        ("11:59pm", 23, 59),
        ("1am", 1, 0),
    ] {
        assert_eq!(parse_at(typed), Ok(at(hour, minute)), "{typed:?}");
    }
}

/// Each refusal: what was typed, what is wrong, the likely time where there is one, and
/// how to write a time.
#[test]
fn wrong_times_are_named_with_the_likely_one() {
    for (typed, said) in [
        (
            "25:00",
            "`25:00`: the hour is 25, and hours go from 00 to 23",
        ),
        ("24:00", "did you mean `00:00` (midnight)?"),
        (
            "7:60",
            "`7:60`: the minutes are 60, and minutes go from 00 to 59",
        ),
        ("7:60pm", "the minutes are 60"),
        (
            "13pm",
            "`13pm`: the hour is 13, and with am or pm hours go from 1 to 12",
        ),
        ("13pm", "did you mean `13:00`?"),
        (
            "0am",
            "the hour is 0, and with am or pm hours go from 1 to 12",
        ),
        ("0:30am", "did you mean `00:30`?"),
        ("13:30am", "the hour is 13"),
        (
            "7",
            "`7` has no minutes, and no am or pm to say which 7 o'clock",
        ),
        ("7", "did you mean `07:00` (7am) or `19:00` (7pm)?"),
        ("12", "`12:00` (noon) or `00:00` (midnight)"),
        ("19", "`19` has no minutes\n"),
        ("19", "did you mean `19:00`?"),
        ("1930", "`1930` is not a time\n  fix: did you mean `19:30`?"),
        ("0730", "did you mean `07:30`?"),
        ("730pm", "did you mean `7:30pm`?"),
        ("19.30", "did you mean `19:30`?"),
        ("7.30 pm", "did you mean `7:30pm`?"),
        ("19h30", "did you mean `19:30`?"),
        ("7:30p", "did you mean `7:30pm`?"),
        ("07:30:00", "did you mean `07:30`?"),
        ("7:5", "did you mean `7:05` or `7:50`?"),
        ("", "no time given"),
        ("noon", "`noon` is not a time\n  fix: write"),
        ("7:30 pm pm", "is not a time"),
        ("-7:30", "is not a time"),
        ("7:3\u{1b}[0m", "`7:3\\u{1b}[0m` is not a time"),
    ] {
        let error = parse_at(typed).expect_err(typed);
        assert!(error.contains(said), "{typed:?}: {said:?} not in {error:?}");
        assert!(
            error.ends_with(
                "fix: write 24-hour HH:MM, such as 19:30, or 12-hour with am or pm, such \
                 as 7:30pm or 7pm"
            ) || error.contains("? write 24-hour HH:MM"),
            "{error}"
        );
    }
    // Only a guess that is itself a time is offered.
    for typed in ["25", "99999", "2530", "7:30xm", "13.30pm"] {
        let error = parse_at(typed).expect_err(typed);
        assert!(!error.contains("did you mean"), "{typed:?}: {error}");
    }
}

#[test]
fn the_twelve_hour_form_is_shown_beside_the_24_hour_one() {
    for (hour, minute, twelve) in [
        (0, 0, "12:00am"),
        (0, 30, "12:30am"),
        (7, 5, "7:05am"),
        (12, 0, "12:00pm"),
        (19, 30, "7:30pm"),
        (23, 59, "11:59pm"),
    ] {
        assert_eq!(at(hour, minute).twelve_hour(), twelve);
        assert_eq!(parse_at(twelve), Ok(at(hour, minute)), "{twelve}");
    }
    let every = Reminder {
        at: at(19, 30),
        days: Days::EVERY,
    };
    assert_eq!(every.to_string(), "19:30 (7:30pm) every day");
    let some = Reminder {
        days: parse_days("mon,fri").unwrap_or(Days::EVERY),
        ..every
    };
    assert_eq!(some.to_string(), "19:30 (7:30pm) on Mon, Fri");
    assert_eq!(some.flags(), "--at 19:30 --days mon,fri");
}

#[test]
fn days_are_read_by_name_range_and_group() {
    let days = |text: &str| parse_days(text).map(|d| d.to_string());
    for (typed, shown) in [
        ("mon,wed,fri", "Mon, Wed, Fri"),
        ("Mon, WED ,Friday", "Mon, Wed, Fri"),
        ("thurs,tues,satur", "Tue, Thu, Sat"),
        ("sun,sun,SUNDAY", "Sun"),
        ("mon,,fri,", "Mon, Fri"),
        (" mon , fri ", "Mon, Fri"),
        ("mon-fri", "Mon, Tue, Wed, Thu, Fri"),
        ("Mon - Wed", "Mon, Tue, Wed"),
        ("fri-mon", "Mon, Fri, Sat, Sun"),
        ("wed-wed", "Wed"),
        ("weekdays", "Mon, Tue, Wed, Thu, Fri"),
        ("weekday", "Mon, Tue, Wed, Thu, Fri"),
        ("WEEKENDS", "Sat, Sun"),
        ("weekend,wed", "Wed, Sat, Sun"),
        ("daily", "every day"),
        ("every day", "every day"),
        ("Every  Day", "every day"),
        ("everyday", "every day"),
        ("weekdays,weekends", "every day"),
        ("mon-sun", "every day"),
    ] {
        assert_eq!(days(typed).as_deref(), Ok(shown), "{typed:?}");
    }
}

/// Each refusal: the item, its place, the likely day where there is one, and every form
/// `--days` takes.
#[test]
fn wrong_days_are_named_with_the_likely_one() {
    for (typed, said) in [
        (
            "mon,wed,fry",
            "`fry` (item 3 of 3) is not a day of the week\n  fix: did you mean `fri`?",
        ),
        (
            "Fry",
            "`Fry` is not a day of the week\n  fix: did you mean `fri`?",
        ),
        ("thrusday", "did you mean `thursday`?"),
        ("wensday", "did you mean `wednesday`?"),
        ("weds", "did you mean `wed`?"),
        ("mo", "did you mean `mon`?"),
        ("weekdys", "did you mean `weekdays`?"),
        ("dayly", "did you mean `daily`?"),
        (
            "sat,Mon-Fry",
            "`Fry` (in `Mon-Fry`, item 2 of 2) is not a day of the week",
        ),
        (
            "mon-",
            "`mon-` is not a range of days: a range is two days with a dash",
        ),
        ("mon-wed-fri", "`mon-wed-fri` is not a range of days"),
        (
            "weekdays-sun",
            "`weekdays` (in `weekdays-sun`) is not a day",
        ),
        ("mon wed fri", "did you mean `mon,wed,fri`?"),
        ("", "no day given"),
        (" , ,", "no day given"),
        ("mon\nday", "`mon\\u{a}day` is not a day"),
        (
            "xyzzy",
            "`xyzzy` is not a day of the week\n  fix: name days",
        ),
    ] {
        let error = parse_days(typed).expect_err(typed);
        assert!(error.contains(said), "{typed:?}: {said:?} not in {error:?}");
        assert!(
            error.ends_with(
                "separated by commas, such as mon,wed,fri; a range such as mon-fri; or \
                 weekdays, weekends or daily (leave --days out for every day)"
            ),
            "{error}"
        );
    }
}
