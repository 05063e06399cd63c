//! The weekly dose and the suggestions: pure functions over synthetic months of history
//! (regular, gappy, asymmetric, with the `older` setting), each trigger at its boundary (the
//! day before and the day of), and what `supple plan` prints of them. "Today" is always given;
//! the real date is never read.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday, date};
use supple::cli::plan::suggestions_text;
use supple::history::change::smallest_real_change;
use supple::history::dose::{self, WEEKLY_SECONDS, WeekSeconds, WeekSoFar, week_sentence, weeks};
use supple::history::progress::{TIGHTER_FOR_DAYS, TighterLeg, tighter_leg};
use supple::history::suggest::{
    self, GAP_WARNING_DAYS, Inputs, Suggestion, days_since_last, next_hold, regular_weeks,
    suggestions,
};
use supple::history::{FlexTest, LegSeconds, Overview, SessionRecord, TestResult};
use supple::session::Side;

/// A session on `day` at 08:00 UTC with `left` and `right` seconds of holds.
fn on(day: Date, left: u64, right: u64) -> SessionRecord {
    crate::common::held_session(
        day.at(8, 0, 0, 0).in_tz("UTC").expect("a time in UTC"),
        left,
        right,
    )
}

/// A session of `left` and `right` seconds on each of `weekdays` from `from` through
/// `through`.
fn sessions_on(
    weekdays: &[Weekday],
    from: Date,
    through: Date,
    left: u64,
    right: u64,
) -> Vec<SessionRecord> {
    let mut out = Vec::new();
    let mut day = from;
    while day <= through {
        if weekdays.contains(&day.weekday()) {
            out.push(on(day, left, right));
        }
        day = day.tomorrow().expect("a next day");
    }
    out
}

const MWF: [Weekday; 3] = [Weekday::Monday, Weekday::Wednesday, Weekday::Friday];

/// Monday 2 November 2026: the first day of each synthetic history.
fn start() -> Date {
    date(2026, 11, 2)
}

fn plus(day: Date, days: i64) -> Date {
    day.checked_add(days.days()).expect("a date")
}

fn inputs(hold: u32, older: bool) -> Inputs {
    Inputs {
        older,
        hold_seconds: Some(hold),
        tighter_leg: None,
    }
}

#[test]
fn the_dose_is_60_s_per_leg_on_5_days_a_week() {
    assert_eq!(dose::SECONDS_PER_DAY, 60);
    assert_eq!(dose::DAYS_PER_WEEK, 5);
    assert_eq!(WEEKLY_SECONDS, 300);
    assert_eq!(dose::clock(WEEKLY_SECONDS), "5:00");
    // Its sources are said where it is shown: ACSM and the hamstring studies for the floor,
    // Johnson et al. for a day's seconds however they are split, Ingram et al. for what lies
    // above it.
    for source in [
        "ACSM",
        "Willy et al. 2001",
        "Reid & Kim 2014",
        "Johnson et al. 2014",
    ] {
        assert!(dose::DOSE_SOURCE.contains(source), "{source}");
    }
    assert!(dose::ABOVE_THE_DOSE.contains("Ingram et al. 2024"));
    assert_eq!(dose::clock(dose::MOST_GAIN_SECONDS), "10:00");
}

#[test]
fn weeks_run_monday_to_sunday_and_the_last_ends_today() {
    // Three regular weeks, and today is Tuesday of the fourth.
    let today = date(2026, 11, 24);
    let history = sessions_on(&MWF, start(), today, 80, 60);
    let shown = weeks(&history, today, 3);
    let mondays: Vec<Date> = shown.iter().map(|w| w.monday).collect();
    assert_eq!(
        mondays,
        vec![date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)]
    );
    assert_eq!(shown[0].days.len(), 7);
    assert_eq!(shown[2].days.len(), 2, "Monday and today");
    assert_eq!(shown[0].days_stretched, 3);
    assert_eq!(
        shown[0].held,
        LegSeconds {
            left: 240,
            right: 180
        }
    );
    assert_eq!(shown[2].days_stretched, 1);
    // Asking for none still gives this week.
    assert_eq!(weeks(&history, today, 0).len(), 1);
    // This week is the last of them.
    assert_eq!(dose::this_week(&history, today), shown[2]);
}

#[test]
fn a_week_reaches_the_dose_only_when_both_legs_do() {
    let today = date(2026, 11, 29); // a Sunday
    // Asymmetric: the left leg gets its five minutes, the right does not.
    let uneven = sessions_on(&MWF, date(2026, 11, 23), today, 100, 60);
    let week = dose::this_week(&uneven, today);
    assert_eq!(
        week.held,
        LegSeconds {
            left: 300,
            right: 180
        }
    );
    // A day counts up to its 60 s: three days of 100 s are 3:00 toward the dose.
    assert_eq!(
        week.counted,
        LegSeconds {
            left: 180,
            right: 180
        }
    );
    assert!(!week.reached());
    assert_eq!(
        week.seconds().against_dose(),
        "left 3:00 of 5:00, right 3:00 of 5:00 counted (held 5:00 and 3:00; up to 60 s a day \
         counts)"
    );
    // Five days of 60 s on the left and 50 s on the right: the left leg reaches it.
    let five = sessions_on(
        &[
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
        ],
        date(2026, 11, 23),
        today,
        60,
        50,
    );
    let week = dose::this_week(&five, today);
    assert!(!week.reached());
    assert_eq!(
        week.seconds().against_dose(),
        "left 5:00 of 5:00, right 4:10 of 5:00"
    );
    let even = sessions_on(
        &[
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Saturday,
        ],
        date(2026, 11, 23),
        today,
        70,
        60,
    );
    assert!(dose::this_week(&even, today).reached());
}

/// Two long sessions on two days are two days' share of a 5-day dose: 2:00 of 5:00 counted,
/// however long they were, and never "reached".
#[test]
fn two_long_sessions_do_not_reach_a_5_day_dose() {
    let today = date(2026, 11, 29); // a Sunday
    let two = vec![
        on(date(2026, 11, 23), 320, 320),
        on(date(2026, 11, 25), 320, 320),
    ];
    let week = dose::this_week(&two, today);
    assert_eq!(
        (week.held, week.counted),
        (
            LegSeconds {
                left: 640,
                right: 640
            },
            LegSeconds {
                left: 120,
                right: 120
            }
        )
    );
    assert_eq!(week.days_stretched, 2);
    assert!(!week.reached());
    assert_eq!(
        week_sentence(week.seconds()),
        "This week: left 2:00 of 5:00, right 2:00 of 5:00 counted (held 10:40 and 10:40; up to \
         60 s a day counts)."
    );
    // Two sessions on one day are one day's share.
    let same_day = vec![
        on(date(2026, 11, 23), 40, 40),
        crate::common::held_session(
            date(2026, 11, 23)
                .at(19, 0, 0, 0)
                .in_tz("UTC")
                .expect("a time"),
            40,
            40,
        ),
    ];
    assert_eq!(
        dose::this_week(&same_day, today).counted,
        LegSeconds {
            left: 60,
            right: 60
        }
    );
    // The summary's week, before and after today's session, by the same rule.
    let monday = date(2026, 11, 23);
    let so_far = WeekSoFar::of(&dose::this_week(&two[..1], monday));
    assert_eq!(
        so_far.seconds().counted,
        LegSeconds {
            left: 60,
            right: 60
        }
    );
    let after = so_far.with(LegSeconds {
        left: 30,
        right: 30,
    });
    assert_eq!(
        after.seconds().counted,
        LegSeconds {
            left: 60,
            right: 60
        }
    );
    assert_eq!(
        after.seconds().held,
        LegSeconds {
            left: 350,
            right: 350
        }
    );
}

#[test]
fn the_week_sentence_says_each_leg_against_the_dose() {
    let same = |left, right| WeekSeconds {
        held: LegSeconds { left, right },
        counted: LegSeconds { left, right },
    };
    assert_eq!(
        week_sentence(same(260, 220)),
        "This week: left 4:20 of 5:00, right 3:40 of 5:00."
    );
    assert_eq!(
        week_sentence(same(300, 300)),
        "This week: left 5:00 of 5:00, right 5:00 of 5:00. The week's dose is reached."
    );
    assert_eq!(
        week_sentence(WeekSeconds {
            held: LegSeconds {
                left: 420,
                right: 330
            },
            counted: LegSeconds {
                left: 300,
                right: 300
            },
        }),
        "This week: left 5:00 of 5:00, right 5:00 of 5:00 counted (held 7:00 and 5:30; up to 60 \
         s a day counts). The week's dose is reached."
    );
}

#[test]
fn longer_holds_come_on_the_day_the_third_regular_week_is_made() {
    // Mon, Wed, Fri from Monday 2 November: the third week is made on Friday 20 November.
    let friday = date(2026, 11, 20);
    let thursday = plus(friday, -1);
    let before = sessions_on(&MWF, start(), thursday, 60, 60);
    assert_eq!(regular_weeks(&before, thursday), 2);
    assert_eq!(suggestions(&before, thursday, &inputs(20, false)), vec![]);
    let made = sessions_on(&MWF, start(), friday, 60, 60);
    assert_eq!(regular_weeks(&made, friday), 3);
    assert_eq!(
        suggestions(&made, friday, &inputs(20, false)),
        vec![Suggestion::LongerHolds {
            weeks: 3,
            from: 20,
            to: 30,
            older: false
        }]
    );
    // Friday morning, before Friday's session, it is not there yet.
    assert_eq!(regular_weeks(&before, friday), 2);
    // The current week does not break the run before it is over: on Monday of the fourth
    // week, before any session, three weeks still stand.
    assert_eq!(regular_weeks(&made, date(2026, 11, 23)), 3);
    // A week with only two days ends the run once it is over.
    let mut broken = made.clone();
    broken.retain(|s| s.day() != date(2026, 11, 18));
    assert_eq!(regular_weeks(&broken, friday), 2, "the week is not over");
    assert_eq!(regular_weeks(&broken, date(2026, 11, 23)), 0, "now it is");
}

#[test]
fn holds_grow_to_30_s_or_to_60_s_with_the_older_setting() {
    assert_eq!(next_hold(20, false), Some(30));
    assert_eq!(next_hold(25, false), Some(30));
    assert_eq!(next_hold(10, false), Some(30), "at least 30 s: ACSM's top");
    assert_eq!(next_hold(30, false), None, "30 s did as well as 60 s");
    assert_eq!(next_hold(45, false), None);
    assert_eq!(next_hold(20, true), Some(30));
    assert_eq!(next_hold(30, true), Some(40));
    assert_eq!(next_hold(55, true), Some(60));
    assert_eq!(next_hold(60, true), None);

    let friday = date(2026, 11, 20);
    let regular = sessions_on(&MWF, start(), friday, 60, 60);
    assert_eq!(suggestions(&regular, friday, &inputs(30, false)), vec![]);
    assert_eq!(
        suggestions(&regular, friday, &inputs(30, true)),
        vec![Suggestion::LongerHolds {
            weeks: 3,
            from: 30,
            to: 40,
            older: true
        }]
    );
    // A plan without static holds gets no hold suggestion.
    let none = Inputs {
        hold_seconds: None,
        ..inputs(0, false)
    };
    assert_eq!(suggestions(&regular, friday, &none), vec![]);
    // Each names its source: Bandy for 30 s, ACSM's older adults for more.
    let text = |older| {
        let s = suggestions(&regular, friday, &inputs(20, older));
        (s[0].why(), s[0].source())
    };
    assert!(text(false).1.contains("Bandy"), "{:?}", text(false));
    assert!(text(true).1.contains("ACSM"), "{:?}", text(true));
    assert!(text(true).0.contains("older"), "{:?}", text(true));
    // The house rules say they are supple's own.
    assert!(
        text(false).0.contains("supple's own rules, not a study's"),
        "{:?}",
        text(false)
    );
}

/// With the `older` setting, ACSM's 30 s for older adults applies from the start: a shorter
/// hold gets 30 s suggested at once, before any regular week; from 30 s on, the house rule
/// (3 regular weeks, 10 s steps) takes it towards 60 s.
#[test]
fn with_the_older_setting_30_s_is_suggested_at_once() {
    let monday = start();
    for history in [vec![], vec![on(monday, 20, 20)]] {
        let found = suggestions(&history, monday, &inputs(20, true));
        assert_eq!(found, vec![Suggestion::OlderHolds { from: 20 }]);
        let short = found[0].short();
        assert!(
            short.contains("you could hold each stretch 30 s now (--hold 30"),
            "{short}"
        );
        assert!(found[0].why().contains("from now"), "{}", found[0].why());
        assert!(found[0].source().contains("ACSM"));
    }
    // Without the setting, 20 s is within ACSM's 10 to 30 s: nothing before regular weeks.
    assert_eq!(suggestions(&[], monday, &inputs(20, false)), vec![]);
    // At 30 s already, nothing until the regular weeks; then 10 s more.
    assert_eq!(suggestions(&[], monday, &inputs(30, true)), vec![]);
    let friday = date(2026, 11, 20);
    let regular = sessions_on(&MWF, start(), friday, 60, 60);
    assert_eq!(
        suggestions(&regular, friday, &inputs(20, true)),
        vec![Suggestion::OlderHolds { from: 20 }],
        "30 s at once, not a longer-hold step on top"
    );
    // `plan --why`'s rules say which parts are supple's own.
    let rules = suggest::rules().join(" ");
    assert!(
        rules.contains("The 3 weeks and the 10 s steps are supple's own rules"),
        "{rules}"
    );
    assert!(rules.contains("30 s at once for a shorter hold"), "{rules}");
}

#[test]
fn three_a_week_keeps_it_from_the_day_the_sixth_regular_week_is_made() {
    // Six weeks of Mon, Wed, Fri from 2 November: the sixth is made on Friday 11 December.
    let friday = date(2026, 12, 11);
    let thursday = plus(friday, -1);
    let before = sessions_on(&MWF, start(), thursday, 60, 60);
    let keeps = |s: &[Suggestion]| {
        s.iter()
            .any(|s| matches!(s, Suggestion::ThreeAWeekKeeps { .. }))
    };
    assert!(!keeps(&suggestions(&before, thursday, &inputs(30, false))));
    let made = sessions_on(&MWF, start(), friday, 60, 60);
    let found = suggestions(&made, friday, &inputs(30, false));
    assert_eq!(found, vec![Suggestion::ThreeAWeekKeeps { weeks: 6 }]);
    assert!(found[0].source().contains("Reid & Kim 2014"));
    assert!(found[0].short().contains("3 sessions a week"));
}

#[test]
fn a_gap_is_mentioned_from_three_weeks_and_said_otherwise_from_four() {
    // A regular month, then nothing after Friday 27 November.
    let last = date(2026, 11, 27);
    let history = sessions_on(&MWF, start(), last, 60, 60);
    let gap = |days: i64| {
        suggestions(&history, plus(last, days), &inputs(30, false))
            .into_iter()
            .find(|s| matches!(s, Suggestion::Gap { .. }))
    };
    assert_eq!(days_since_last(&history, plus(last, 20)), Some(20));
    assert_eq!(gap(20), None, "the day before");
    assert_eq!(
        gap(i64::from(GAP_WARNING_DAYS)),
        Some(Suggestion::Gap { days: 21 })
    );
    let near = gap(27).expect("a word");
    assert!(near.short().contains("this week"), "{}", near.short());
    assert!(near.why().contains("in the next day"), "{}", near.why());
    assert!(
        gap(21)
            .expect("a word")
            .why()
            .contains("in the next 7 days")
    );
    let gone = gap(28).expect("a word");
    assert!(gone.short().contains("four weeks"), "{}", gone.short());
    assert!(gone.source().contains("Willy"));
    // The gap also ends the regular weeks, so no other suggestion stands.
    assert_eq!(
        suggestions(&history, plus(last, 28), &inputs(20, false)),
        vec![Suggestion::Gap { days: 28 }]
    );
    // No history, no gap: nothing to say before the first session.
    assert_eq!(days_since_last(&[], last), None);
    assert_eq!(suggestions(&[], last, &inputs(20, false)), vec![]);
}

#[test]
fn a_gappy_history_counts_only_the_run_that_reaches_today() {
    // Three regular weeks, a week with one session, then two regular weeks.
    let mut history = sessions_on(&MWF, start(), date(2026, 11, 22), 60, 60);
    history.push(on(date(2026, 11, 25), 60, 60));
    history.extend(sessions_on(
        &MWF,
        date(2026, 11, 30),
        date(2026, 12, 11),
        60,
        60,
    ));
    let friday = date(2026, 12, 11);
    assert_eq!(regular_weeks(&history, friday), 2);
    assert_eq!(suggestions(&history, friday, &inputs(20, false)), vec![]);
    // Sessions too short to count do not make a week regular.
    let short: Vec<SessionRecord> = sessions_on(&MWF, start(), date(2026, 11, 20), 0, 0)
        .into_iter()
        .map(|mut s| {
            for e in &mut s.exercises {
                e.done = 0;
                e.held_seconds = 5;
            }
            s
        })
        .collect();
    assert_eq!(regular_weeks(&short, date(2026, 11, 20)), 0);
}

/// A result of `test` on `day` at 09:00 UTC.
fn tested(test: FlexTest, day: Date, left: u16, right: u16) -> TestResult {
    TestResult::new(
        day.at(9, 0, 0, 0).in_tz("UTC").expect("a time in UTC"),
        test,
        (Some(left), Some(right), None),
        None,
        None,
    )
    .expect("a valid result")
}

#[test]
fn the_tighter_leg_suggestion_takes_the_leg_a_test_found_tighter() {
    let right = TighterLeg {
        leg: Side::Right,
        test: FlexTest::Aket,
        by: 9,
        taken: start(),
    };
    assert_eq!(
        suggest::tighter_leg(Some(right)),
        Some(Suggestion::TighterLeg(right))
    );
    let both = TighterLeg {
        leg: Side::Both,
        ..right
    };
    assert_eq!(suggest::tighter_leg(Some(both)), None);
    assert_eq!(suggest::tighter_leg(None), None);
    let found = suggestions(
        &[],
        start(),
        &Inputs {
            tighter_leg: Some(right),
            ..inputs(20, false)
        },
    );
    assert_eq!(found, vec![Suggestion::TighterLeg(right)]);
    let short = found[0].short();
    assert!(short.contains("right leg tested tighter by 9°"), "{short}");
    assert!(
        short.contains("active knee extension, Mon 2 Nov"),
        "{short}"
    );
    // A tighter leg in a sore back can be a nerve: ask first.
    assert!(
        short.contains(
            "If it is your painful side, or the test brought on leg symptoms, ask a \
             physiotherapist first."
        ),
        "{short}"
    );
    // The sources named: the test's measuring error, and how much healthy legs differ.
    assert!(found[0].source().contains("Neto"), "{}", found[0].source());
    assert!(
        found[0].source().contains("Boyd & Villa 2012"),
        "{}",
        found[0].source()
    );
}

#[test]
fn the_tighter_leg_comes_from_a_difference_of_at_least_the_measuring_error() {
    let today = start();
    for test in [FlexTest::Aket, FlexTest::Slr, FlexTest::SitReach] {
        let error = smallest_real_change(test);
        // Left 40, right 40 + difference: for the knee extension the right is then tighter
        // (more short of straight), for the others the right is looser, so the left tighter.
        let tighter = if test == FlexTest::Aket {
            Side::Right
        } else {
            Side::Left
        };
        let one_less = [tested(test, today, 40, 40 + error - 1)];
        assert_eq!(tighter_leg(&one_less, today), None, "{test}: {error} - 1");
        let at = [tested(test, today, 40, 40 + error)];
        assert_eq!(
            tighter_leg(&at, today),
            Some(TighterLeg {
                leg: tighter,
                test,
                by: error,
                taken: today
            }),
            "{test}: {error}"
        );
        // Said as "at least" the error and "may be real", never "beyond" it.
        let why = suggest::tighter_leg(tighter_leg(&at, today))
            .expect("a suggestion")
            .why();
        let unit = test.unit().after();
        assert!(
            why.contains(&format!(
                "by {error}{unit}, at least the test's measuring error of {error}{unit}, so the \
                 difference may be real"
            )),
            "{why}"
        );
        assert!(!why.contains("beyond"), "{why}");
    }
}

#[test]
fn only_the_latest_recent_test_of_each_kind_names_the_tighter_leg() {
    let today = date(2026, 12, 28);
    let asymmetric = |day| tested(FlexTest::Aket, day, 30, 40);
    // A test 8 weeks old still counts; a day older, no longer.
    let eight_weeks = today.checked_sub(TIGHTER_FOR_DAYS.days()).expect("a date");
    assert_eq!(TIGHTER_FOR_DAYS, 56);
    assert_eq!(
        tighter_leg(&[asymmetric(eight_weeks)], today).map(|t| t.leg),
        Some(Side::Right)
    );
    assert_eq!(
        tighter_leg(&[asymmetric(plus(eight_weeks, -1))], today),
        None
    );
    // A newer test of the same kind with the legs alike: nothing.
    let alike = tested(FlexTest::Aket, plus(today, -3), 33, 36);
    assert_eq!(
        tighter_leg(&[asymmetric(plus(today, -30)), alike], today),
        None
    );
    // Another kind of test agreeing: the most recent is named as the source.
    let slr = tested(FlexTest::Slr, plus(today, -2), 80, 70);
    let found = tighter_leg(&[asymmetric(plus(today, -30)), slr], today).expect("a leg");
    assert_eq!(
        (found.leg, found.test, found.by),
        (Side::Right, FlexTest::Slr, 10)
    );
    // Two kinds naming different legs: neither counts.
    let slr_other = tested(FlexTest::Slr, plus(today, -2), 70, 80);
    assert_eq!(
        tighter_leg(&[asymmetric(plus(today, -30)), slr_other], today),
        None
    );
    // Both legs together say nothing of either leg.
    let together = TestResult::new(
        today.at(9, 0, 0, 0).in_tz("UTC").expect("a time"),
        FlexTest::SitReach,
        (None, None, Some(30)),
        None,
        None,
    )
    .expect("a result");
    assert_eq!(tighter_leg(&[together], today), None);
}

#[test]
fn plan_why_names_the_test_behind_the_tighter_leg() {
    let plan = crate::common::builtin_plan("quick");
    let today = date(2026, 11, 20);
    let tests = [tested(FlexTest::Aket, plus(today, -4), 27, 36)];
    let short = suggestions_text(&plan, (&[], &tests), today, false, false);
    assert!(
        short.contains("Suggestion: Your right leg tested tighter by 9°"),
        "{short}"
    );
    let why = suggestions_text(&plan, (&[], &tests), today, false, true);
    let flat = why.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in [
        "your active knee extension of Mon 16 Nov found your right leg tighter than the other \
         by 9°, at least the test's measuring error of 8°, so the difference may be real",
        "Healthy legs differ too, by about 5° on average in a straight-leg raise.",
        "ask a physiotherapist first",
        "Boyd & Villa 2012",
        "Source: Neto, Jacobsohn, Carita & Oliveira 2015",
        "taken in the last 8 weeks",
    ] {
        assert!(flat.contains(words), "{words}: {why}");
    }
    // Nine weeks later the same test no longer drives it.
    let later = plus(today, 63);
    let short = suggestions_text(&plan, (&[], &tests), later, false, false);
    assert!(!short.contains("tighter"), "{short}");
}

#[test]
fn a_rest_day_between_sessions_keeps_the_streak_and_two_end_it() {
    // Mon, Wed, Fri: one rest day between sessions, then the weekend.
    let history = sessions_on(&MWF, start(), date(2026, 11, 6), 60, 60);
    let streak = |today| Overview::new(&history, today, 7).streak;
    assert_eq!(streak(date(2026, 11, 6)), 3, "Friday");
    assert_eq!(streak(date(2026, 11, 7)), 3, "Saturday: a rest day");
    assert_eq!(streak(date(2026, 11, 8)), 3, "Sunday: still open");
    assert_eq!(streak(date(2026, 11, 9)), 0, "Monday: two days without one");
    // Every other day keeps it going for weeks.
    let alternate: Vec<SessionRecord> = (0..30).map(|n| on(plus(start(), n * 2), 60, 60)).collect();
    assert_eq!(Overview::new(&alternate, plus(start(), 58), 7).streak, 30);
}

#[test]
fn plan_prints_a_line_per_suggestion_and_why_says_the_sources() {
    // The quick routine holds for 20 s.
    let plan = crate::common::builtin_plan("quick");
    let friday = date(2026, 11, 20);
    let regular = sessions_on(&MWF, start(), friday, 60, 60);
    let short = suggestions_text(&plan, (&regular, &[]), friday, false, false);
    assert_eq!(
        short,
        "\nSuggestion: 3 regular weeks: you could hold each stretch 30 s (--hold 30, or \
         \"hold_seconds\": 30 in the config).\n(suggestions only: `supple plan --why` says \
         why, with sources)\n"
    );
    // The day before: nothing added to the plan at all.
    let thursday = plus(friday, -1);
    let before = sessions_on(&MWF, start(), thursday, 60, 60);
    assert_eq!(
        suggestions_text(&plan, (&before, &[]), thursday, false, false),
        ""
    );
    // With the older setting, 30 s at once, and the reason is ACSM's.
    let why = suggestions_text(&plan, (&regular, &[]), friday, true, true);
    for words in [
        "The weekly dose: 60 s per leg on 5 days a week (5:00 per leg a week).",
        "This week so far: left 3:00 of 5:00, right 3:00 of 5:00.",
        "A day counts up to its 60 s, however they are split into holds (Johnson et al. 2014",
        "The dose is a floor: a review of 189 studies (Ingram et al. 2024, Sports Medicine) \
         found gains grew up to about 10:00 of stretching per muscle a week",
        "Suggestion: Holds for older adults: 30 s instead of 20 s, from now.",
        "Source: ACSM",
        "When supple suggests what",
        "Reid & Kim 2014",
        "Willy, Kyle, Moore & Chleboun 2001",
        "Bandy, Irion & Briggler 1997",
    ] {
        let flat = why.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(words), "{words}: {why}");
    }
    assert!(why.lines().all(|l| l.chars().count() <= 92), "{why}");
    // With no history, --why still says the dose and the rules.
    let empty = suggestions_text(&plan, (&[], &[]), friday, false, true);
    assert!(empty.contains("No suggestion today."), "{empty}");
    assert!(empty.contains("When supple suggests what"), "{empty}");
}
