//! The session engine driven by a hand-moved clock: exact timing, pause, skip, back, restart,
//! per-leg tally, and properties over random operations.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use supple::content::{Library, parse_routine};
use supple::session::{BACK_GRACE, Engine, Event, Outcome, Phase, Plan, Side, Status};

const SHORT: &str = r#"{
  "name": "short",
  "title": "Short",
  "defaults": { "lead_in_seconds": 5, "transition_seconds": 4, "rest_seconds": 3, "switch_seconds": 2 },
  "steps": [
    { "exercise": "jog-in-place", "seconds": 10 },
    { "exercise": "anchor-stretch", "seconds": 7, "reps": 2 },
    { "exercise": "seated-stretch", "seconds": 6, "reps": 2 }
  ]
}"#;

fn plan_of(text: &str) -> Plan {
    let library = Library::builtin().expect("library");
    let routine = parse_routine("test", text, library.exercises()).expect("routine");
    Plan::build(&routine, &library).expect("plan")
}

fn short() -> Plan {
    plan_of(SHORT)
}

fn s(secs: u64) -> Duration {
    Duration::from_secs(secs)
}

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

fn completions(events: &[Event]) -> Vec<(usize, Instant)> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::StepCompleted { index, at, .. } => Some((*index, *at)),
            _ => None,
        })
        .collect()
}

#[test]
fn short_plan_has_the_expected_shape() {
    let plan = short();
    let phases: Vec<(Phase, Side, u64)> = plan
        .steps
        .iter()
        .map(|s| (s.phase, s.side, s.duration.as_secs()))
        .collect();
    assert_eq!(
        phases,
        [
            (Phase::GetReady, Side::None, 5),
            (Phase::Cardio, Side::None, 10),
            (Phase::Rest, Side::Left, 4),
            (Phase::Hold, Side::Left, 7),
            (Phase::Rest, Side::Left, 3),
            (Phase::Hold, Side::Left, 7),
            (Phase::SwitchLeg, Side::Right, 2),
            (Phase::Hold, Side::Right, 7),
            (Phase::Rest, Side::Right, 3),
            (Phase::Hold, Side::Right, 7),
            (Phase::Rest, Side::Both, 4),
            (Phase::Hold, Side::Both, 6),
            (Phase::Rest, Side::Both, 3),
            (Phase::Hold, Side::Both, 6),
        ]
    );
    assert_eq!(plan.total(), s(74));
}

#[test]
fn alternate_order_switches_legs_every_hold() {
    let plan = plan_of(
        r#"{ "name": "alt", "title": "Alt", "defaults": { "lead_in_seconds": 0 },
            "steps": [ { "exercise": "lying-stretch", "reps": 2, "order": "alternate" } ] }"#,
    );
    let sides: Vec<(Phase, Side, u32)> = plan
        .steps
        .iter()
        .map(|s| (s.phase, s.side, s.rep))
        .collect();
    assert_eq!(
        sides,
        [
            (Phase::Hold, Side::Left, 1),
            (Phase::SwitchLeg, Side::Right, 1),
            (Phase::Hold, Side::Right, 1),
            (Phase::SwitchLeg, Side::Left, 2),
            (Phase::Hold, Side::Left, 2),
            (Phase::SwitchLeg, Side::Right, 2),
            (Phase::Hold, Side::Right, 2),
        ]
    );
}

#[test]
fn countdown_marks_fall_exactly_three_two_one_seconds_before_a_hold_ends() {
    let plan = short();
    let mut engine = Engine::new(plan.clone());
    let t0 = Instant::now();
    let mut events = engine.start(t0);
    let mut t = Duration::ZERO;
    while t <= plan.total() {
        t += ms(100);
        events.extend(engine.update(t0 + t));
    }
    let hold = 3; // first hold: starts at 19 s, lasts 7 s
    let marks: Vec<(u8, Instant)> = events
        .iter()
        .filter_map(|e| match e {
            Event::Countdown {
                index,
                seconds_left,
                at,
            } if *index == hold => Some((*seconds_left, *at)),
            _ => None,
        })
        .collect();
    let end = t0 + s(26);
    assert_eq!(marks, [(3, end - s(3)), (2, end - s(2)), (1, end - s(1))]);
    // Cardio has no countdown; a 2 s switch only has marks that fit in it.
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Event::Countdown { index: 1, .. }))
    );
    let switch_marks: Vec<u8> = events
        .iter()
        .filter_map(|e| match e {
            Event::Countdown {
                index: 6,
                seconds_left,
                ..
            } => Some(*seconds_left),
            _ => None,
        })
        .collect();
    assert_eq!(switch_marks, [1]);
}

#[test]
fn pausing_shifts_the_rest_of_the_plan_by_exactly_the_pause() {
    let plan = short();
    let mut engine = Engine::new(plan.clone());
    let t0 = Instant::now();
    let mut events = engine.start(t0);
    events.extend(engine.update(t0 + ms(21_300)));
    assert_eq!(engine.index(), 3);
    let pause = ms(123_457);
    events.extend(engine.pause(t0 + ms(21_300)));
    assert_eq!(engine.status(), Status::Paused);
    // Time stands still while paused.
    let frozen = engine.step_remaining(t0 + ms(21_300));
    assert_eq!(engine.step_remaining(t0 + ms(21_300) + pause / 2), frozen);
    assert!(
        engine.update(t0 + ms(21_300) + pause / 2).is_empty(),
        "nothing happens while paused"
    );
    events.extend(engine.resume(t0 + ms(21_300) + pause));
    let mut t = ms(21_300) + pause;
    while engine.is_active() {
        t += ms(777);
        events.extend(engine.update(t0 + t));
    }
    for (index, at) in completions(&events) {
        let step = &plan.steps[index];
        let planned = t0 + step.start + step.duration;
        let expected = if index < 3 { planned } else { planned + pause };
        assert_eq!(at, expected, "step {index}");
    }
    assert_eq!(engine.paused_total(t0 + t), pause);
    assert_eq!(engine.session_elapsed(t0 + t), plan.total());
}

#[test]
fn skip_ends_the_step_now_and_counts_what_was_held() {
    let plan = short();
    let mut engine = Engine::new(plan.clone());
    let t0 = Instant::now();
    engine.start(t0);
    engine.update(t0 + s(19)); // first hold (left, rep 1) starts at 19 s
    assert_eq!(engine.index(), 3);
    let events = engine.skip(t0 + ms(23_500));
    // The 3 s countdown mark (at 23 s) is noticed first, then the skip.
    assert!(matches!(
        events[0],
        Event::Countdown {
            index: 3,
            seconds_left: 3,
            ..
        }
    ));
    assert!(matches!(
        events[1],
        Event::StepSkipped {
            index: 3,
            phase: Phase::Hold,
            ..
        }
    ));
    assert!(
        matches!(events[2], Event::StepStarted { index: 4, phase: Phase::Rest, at } if at == t0 + ms(23_500))
    );
    let tally = engine.tally();
    let left = tally
        .rows
        .iter()
        .find(|r| r.side == Side::Left && r.phase == Phase::Hold)
        .expect("row");
    assert_eq!((left.done, left.skipped, left.planned), (0, 1, 2));
    assert_eq!(
        left.held,
        ms(4_500),
        "a skipped hold adds the seconds it really ran"
    );
    // The next step runs its full length from the skip.
    let events = engine.update(t0 + ms(23_500) + s(3));
    assert_eq!(completions(&events), [(4, t0 + ms(26_500))]);
}

/// A hold skipped by mistake and gone back to is being done again: ended there, it counts as
/// neither done nor skipped (as any step the session ends in), its seconds as held.
#[test]
fn going_back_to_a_skipped_step_undoes_the_skip() {
    let plan = short();
    let mut engine = Engine::new(plan.clone());
    let t0 = Instant::now();
    engine.start(t0);
    engine.update(t0 + s(22)); // 3 s into the first hold
    engine.skip(t0 + s(22));
    engine.back(t0 + s(23)); // 1 s into the next step: back to the hold
    assert_eq!(engine.index(), 3);
    engine.finish(t0 + s(25));
    let tally = engine.tally();
    let left = tally
        .rows
        .iter()
        .find(|r| r.side == Side::Left && r.phase == Phase::Hold)
        .expect("row");
    assert_eq!((left.done, left.skipped), (0, 0));
    assert_eq!(left.held, s(3), "the longest attempt");
}

#[test]
fn back_restarts_the_step_or_goes_to_the_previous_one_near_its_start() {
    let plan = short();
    let mut engine = Engine::new(plan.clone());
    let t0 = Instant::now();
    engine.start(t0);
    engine.update(t0 + s(22)); // 3 s into the first hold
    engine.back(t0 + s(22));
    assert_eq!(engine.index(), 3, "past the grace: back restarts the step");
    assert_eq!(engine.step_remaining(t0 + s(22)), s(7));
    let again = t0 + s(22) + BACK_GRACE - ms(1);
    engine.back(again);
    assert_eq!(
        engine.index(),
        2,
        "near its start: back goes to the previous step"
    );
    assert_eq!(
        engine.step_remaining(again),
        s(4),
        "the previous step starts over"
    );
    // Seconds held before going back still count as held (the longest attempt: 3 s, then
    // just under 2 s), but not as a repetition.
    let tally = engine.tally();
    let left = tally
        .rows
        .iter()
        .find(|r| r.side == Side::Left && r.phase == Phase::Hold)
        .expect("row");
    assert_eq!((left.done, left.skipped, left.held), (0, 0, s(3)));
}

#[test]
fn restart_runs_the_current_step_again_in_full() {
    let plan = short();
    let mut engine = Engine::new(plan);
    let t0 = Instant::now();
    engine.start(t0);
    engine.update(t0 + s(8));
    assert_eq!(engine.index(), 1);
    let events = engine.restart_step(t0 + s(8));
    assert!(matches!(events[0], Event::StepStarted { index: 1, .. }));
    assert_eq!(engine.step_remaining(t0 + s(8)), s(10));
    let events = engine.update(t0 + s(18));
    assert_eq!(completions(&events), [(1, t0 + s(18))]);
}

#[test]
fn skip_while_paused_stays_paused_and_announces_on_resume() {
    let mut engine = Engine::new(short());
    let t0 = Instant::now();
    engine.start(t0);
    engine.pause(t0 + s(2));
    let events = engine.skip(t0 + s(3));
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Event::StepStarted { .. }))
    );
    assert_eq!(engine.status(), Status::Paused);
    assert_eq!(engine.step_remaining(t0 + s(60)), s(10));
    let events = engine.resume(t0 + s(60));
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::StepStarted { index: 1, .. }))
    );
}

#[test]
fn a_whole_session_tallies_every_leg() {
    let plan = short();
    let mut engine = Engine::new(plan.clone());
    let t0 = Instant::now();
    let mut events = engine.start(t0);
    events.extend(engine.update(t0 + s(3600)));
    assert!(
        matches!(events.last(), Some(Event::SessionComplete { early: false, at }) if *at == t0 + s(74))
    );
    assert_eq!(engine.status(), Status::Finished { early: false });
    let tally = engine.tally();
    let held = tally.held_per_leg();
    assert_eq!(
        held.left,
        s(14 + 12),
        "two 7 s left holds and two 6 s both-leg holds"
    );
    assert_eq!(held.right, s(14 + 12));
    let (left, right) = tally.hold_reps_per_leg();
    assert_eq!(
        (left.done, left.planned, right.done, right.planned),
        (4, 4, 4, 4)
    );
    assert!(
        engine
            .records()
            .iter()
            .all(|r| r.outcome != Outcome::Skipped)
    );
}

#[test]
fn finishing_early_keeps_what_was_done() {
    let plan = short();
    let mut engine = Engine::new(plan);
    let t0 = Instant::now();
    engine.start(t0);
    engine.update(t0 + s(28)); // first left hold done at 26 s, resting now
    let events = engine.finish(t0 + s(28));
    assert!(matches!(
        events.last(),
        Some(Event::SessionComplete { early: true, .. })
    ));
    let tally = engine.tally();
    let (left, right) = tally.hold_reps_per_leg();
    assert_eq!((left.done, right.done), (1, 0));
    assert_eq!(tally.held_per_leg().left, s(7));
    assert_eq!(engine.session_elapsed(t0 + s(99)), s(28));
}

#[test]
fn quitting_mid_hold_keeps_the_seconds_held_but_skips_nothing() {
    let mut engine = Engine::new(short());
    let t0 = Instant::now();
    engine.start(t0);
    engine.finish(t0 + s(31)); // 2 s into the second left hold (starts at 29 s)
    let tally = engine.tally();
    let (left, _) = tally.hold_reps_per_leg();
    // The person stopped; they did not pass the hold over.
    assert_eq!((left.done, left.skipped), (1, 0));
    assert_eq!(tally.held_per_leg().left, s(9));
}

proptest! {
    /// However rarely or often the engine is polled, every step ends at exactly its planned
    /// instant and the session ends at exactly the plan's total.
    #[test]
    fn random_polling_never_drifts(intervals in prop::collection::vec(1u64..4_000, 1..400)) {
        let plan = short();
        let mut engine = Engine::new(plan.clone());
        let t0 = Instant::now();
        let mut events = engine.start(t0);
        let mut t = Duration::ZERO;
        for dt in intervals.iter().cycle() {
            if !engine.is_active() { break; }
            t += Duration::from_millis(*dt);
            events.extend(engine.update(t0 + t));
        }
        let done = completions(&events);
        prop_assert_eq!(done.len(), plan.steps.len());
        for (index, at) in done {
            let step = &plan.steps[index];
            prop_assert_eq!(at, t0 + step.start + step.duration);
        }
        prop_assert_eq!(engine.finished_at(), Some(t0 + plan.total()));
    }

    /// Any operations at any times: no panic, counts within the plan, time never backwards.
    #[test]
    fn any_operations_keep_the_invariants(ops in prop::collection::vec((0u8..8, 0u64..9_000), 0..120)) {
        let plan = short();
        let mut engine = Engine::new(plan.clone());
        let t0 = Instant::now();
        let mut t = Duration::ZERO;
        let mut last_elapsed = Duration::ZERO;
        let mut last_event_at = t0;
        for (op, dt) in ops {
            t += Duration::from_millis(dt);
            // Sometimes the caller's clock even steps backwards.
            let now = if op == 7 { t0 + t / 2 } else { t0 + t };
            let events = match op {
                0 => engine.start(now),
                1 => engine.update(now),
                2 => engine.toggle_pause(now),
                3 => engine.skip(now),
                4 => engine.back(now),
                5 => engine.restart_step(now),
                6 => engine.finish(now),
                _ => engine.update(now),
            };
            for e in &events {
                let at = match *e {
                    Event::StepStarted { at, .. } | Event::Countdown { at, .. } | Event::Halfway { at, .. } | Event::StepCompleted { at, .. }
                    | Event::StepSkipped { at, .. } | Event::Paused { at } | Event::Resumed { at }
                    | Event::SessionComplete { at, .. } => at,
                };
                prop_assert!(at >= last_event_at, "events in time order");
                last_event_at = at;
            }
            let elapsed = engine.session_elapsed(now);
            prop_assert!(elapsed >= last_elapsed, "session time never runs backwards");
            last_elapsed = elapsed;
            prop_assert!(engine.index() < plan.steps.len());
            prop_assert!(engine.step_remaining(now) <= plan.steps[engine.index()].duration);
            for row in engine.tally().rows {
                prop_assert!(row.done + row.skipped <= row.planned);
            }
        }
    }
}

/// Going back over a hold or restarting it does not count the same stretch twice: a step's
/// held time is its longest attempt.
#[test]
fn restarting_a_hold_does_not_inflate_the_time_held() {
    let mut engine = Engine::new(short());
    let t0 = Instant::now();
    engine.start(t0);
    // The first left hold runs 19 s to 26 s; restart it three times, 3 s in each time.
    let mut at = t0 + s(22);
    for _ in 0..3 {
        engine.update(at);
        engine.restart_step(at);
        at += s(3);
    }
    engine.update(at);
    assert_eq!(engine.tally().held_per_leg().left, s(3));
    // Then hold it to its end: 7 s, not 7 + 3 x 3.
    engine.update(at + s(7));
    assert_eq!(engine.tally().held_per_leg().left, s(7));
}

/// A hold of 20 s or more is marked at its exact middle, once, however it is polled; shorter
/// holds and other steps are not.
#[test]
fn long_holds_are_marked_halfway() {
    let plan = plan_of(
        r#"{ "name": "h", "title": "H", "defaults": { "lead_in_seconds": 0 },
            "steps": [ { "exercise": "seated-stretch", "seconds": 20, "reps": 2, "rest_seconds": 5 },
                       { "exercise": "seated-stretch", "seconds": 19 } ] }"#,
    );
    let mut engine = Engine::new(plan);
    let t0 = Instant::now();
    let mut events = engine.start(t0);
    let mut t = Duration::ZERO;
    while engine.is_active() {
        t += ms(250);
        events.extend(engine.update(t0 + t));
    }
    let halfways: Vec<Instant> = events
        .iter()
        .filter_map(|e| match e {
            Event::Halfway { at, .. } => Some(*at),
            _ => None,
        })
        .collect();
    // Holds at 0-20 s and 25-45 s (after a 5 s rest); the 19 s hold is not marked.
    assert_eq!(halfways, [t0 + s(10), t0 + s(35)]);
}
