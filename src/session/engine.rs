//! The session state machine: which step is running, for how long, and what happened.
//!
//! Pure code: every operation takes the current instant from the caller. A step ends at exactly
//! `its start + its duration` (its start being the previous step's planned end, shifted only by
//! pauses), whenever and however often the engine is polled, so a long session never drifts.

use std::time::{Duration, Instant};

use super::plan::{Phase, Plan, PlanStep};
use super::tally::{Outcome, StepRecord, Tally};

/// Within this much of a step's start, "back" goes to the previous step instead of restarting.
pub const BACK_GRACE: Duration = Duration::from_secs(2);

/// The countdown marks before the end of a hold, rest, switch or get-ready step.
pub const COUNTDOWN_MARKS: [u8; 3] = [3, 2, 1];

/// Holds at least this long are marked at their middle (the voice says "Halfway").
pub const HALFWAY_FROM: Duration = Duration::from_secs(20);

/// Something that happened, with the instant it happened at (a step boundary's planned instant,
/// not the moment the engine noticed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    StepStarted {
        index: usize,
        phase: Phase,
        at: Instant,
    },
    Countdown {
        index: usize,
        seconds_left: u8,
        at: Instant,
    },
    /// The middle of a hold of at least [`HALFWAY_FROM`].
    Halfway {
        index: usize,
        at: Instant,
    },
    StepCompleted {
        index: usize,
        phase: Phase,
        at: Instant,
    },
    StepSkipped {
        index: usize,
        phase: Phase,
        at: Instant,
    },
    Paused {
        at: Instant,
    },
    Resumed {
        at: Instant,
    },
    SessionComplete {
        at: Instant,
        early: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Built, not started.
    Ready,
    Running,
    Paused,
    /// Ended: `early` when the person quit before the last step ended.
    Finished {
        early: bool,
    },
}

/// A session in progress.
#[derive(Debug, Clone)]
pub struct Engine {
    plan: Plan,
    status: Status,
    current: usize,
    /// Active time spent in the current step before `running_since`.
    step_acc: Duration,
    /// When the current stretch of running time began; `None` unless running.
    running_since: Option<Instant>,
    /// Whether `StepStarted` has been emitted for the current step (a step entered while paused
    /// is announced when it first runs).
    announced: bool,
    /// The countdown marks not yet passed in this step (all three at the step's start).
    marks_left: usize,
    /// Whether this step's halfway mark is still to come.
    halfway_left: bool,
    /// Active time of the steps already left.
    session_acc: Duration,
    paused_at: Option<Instant>,
    paused_total: Duration,
    last_now: Option<Instant>,
    started_at: Option<Instant>,
    finished_at: Option<Instant>,
    records: Vec<StepRecord>,
}

impl Engine {
    pub fn new(plan: Plan) -> Self {
        let records = vec![StepRecord::default(); plan.steps.len()];
        Engine {
            plan,
            status: Status::Ready,
            current: 0,
            step_acc: Duration::ZERO,
            running_since: None,
            announced: false,
            marks_left: COUNTDOWN_MARKS.len(),
            halfway_left: false,
            session_acc: Duration::ZERO,
            paused_at: None,
            paused_total: Duration::ZERO,
            last_now: None,
            started_at: None,
            finished_at: None,
            records,
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn status(&self) -> Status {
        self.status
    }

    pub fn is_active(&self) -> bool {
        matches!(self.status, Status::Running | Status::Paused)
    }

    pub fn index(&self) -> usize {
        self.current
    }

    pub fn step(&self) -> Option<&PlanStep> {
        self.plan.steps.get(self.current)
    }

    /// The step after the current one.
    pub fn next_step(&self) -> Option<&PlanStep> {
        self.plan.steps.get(self.current + 1)
    }

    pub fn records(&self) -> &[StepRecord] {
        &self.records
    }

    pub fn tally(&self) -> Tally {
        Tally::new(&self.plan, &self.records)
    }

    pub fn started_at(&self) -> Option<Instant> {
        self.started_at
    }

    pub fn finished_at(&self) -> Option<Instant> {
        self.finished_at
    }

    /// Time spent paused, including a pause still going on at `now`.
    pub fn paused_total(&self, now: Instant) -> Duration {
        let now = self.clamp(now);
        self.paused_total
            + self
                .paused_at
                .map_or(Duration::ZERO, |p| now.saturating_duration_since(p))
    }

    /// Never lets time run backwards: an instant before one already seen counts as that one.
    fn clamp(&self, now: Instant) -> Instant {
        match self.last_now {
            Some(last) if now < last => last,
            _ => now,
        }
    }

    fn observe(&mut self, now: Instant) -> Instant {
        let now = self.clamp(now);
        self.last_now = Some(now);
        now
    }

    fn duration(&self) -> Duration {
        self.step().map_or(Duration::ZERO, |s| s.duration)
    }

    /// Active time in the current step, excluding pauses.
    pub fn step_elapsed(&self, now: Instant) -> Duration {
        let now = self.clamp(now);
        let running = self
            .running_since
            .map_or(Duration::ZERO, |since| now.saturating_duration_since(since));
        (self.step_acc + running).min(self.duration())
    }

    pub fn step_remaining(&self, now: Instant) -> Duration {
        if matches!(self.status, Status::Finished { .. }) {
            return Duration::ZERO;
        }
        self.duration().saturating_sub(self.step_elapsed(now))
    }

    /// Active time of the whole session so far (what really ran, excluding pauses).
    pub fn session_elapsed(&self, now: Instant) -> Duration {
        match self.status {
            Status::Finished { .. } => self.session_acc,
            _ => self.session_acc + self.step_elapsed(now),
        }
    }

    /// Planned time left: the rest of this step and every step after it.
    pub fn session_remaining(&self, now: Instant) -> Duration {
        match (self.status, self.step()) {
            (Status::Finished { .. }, _) | (_, None) => Duration::ZERO,
            (_, Some(step)) => {
                (self.plan.total() - step.start).saturating_sub(self.step_elapsed(now))
            }
        }
    }

    /// The next instant at which the engine will emit an event if left running: the next
    /// countdown or halfway mark or the end of the step. `None` unless running.
    pub fn next_deadline(&self) -> Option<Instant> {
        self.next_mark(true)
    }

    /// [`Engine::next_deadline`], leaving out the halfway mark unless `halfway` (it is only
    /// heard where the voice speaks).
    pub fn next_mark(&self, halfway: bool) -> Option<Instant> {
        let since = self.running_since?;
        let step = self.step()?;
        let step_start = since.checked_sub(self.step_acc)?;
        let end = step_start + step.duration;
        let mark = COUNTDOWN_MARKS
            .get(COUNTDOWN_MARKS.len() - self.marks_left..)
            .and_then(|marks| marks.first())
            .filter(|_| step.phase.has_countdown())
            .map(|&k| Duration::from_secs(u64::from(k)))
            .filter(|&k| step.duration > k)
            .map(|k| end - k);
        let halfway = (halfway && self.halfway_left).then(|| step_start + step.duration / 2);
        Some(
            [mark, halfway]
                .into_iter()
                .flatten()
                .fold(end, |soonest, at| soonest.min(at)),
        )
    }

    /// Starts the session at `now` with its first step.
    pub fn start(&mut self, now: Instant) -> Vec<Event> {
        let now = self.observe(now);
        let mut events = Vec::new();
        if self.status != Status::Ready {
            return events;
        }
        self.started_at = Some(now);
        if self.plan.steps.is_empty() {
            self.finish_at(now, false, &mut events);
            return events;
        }
        self.status = Status::Running;
        self.enter(0, now, &mut events);
        events
    }

    /// Advances to `now`: completes every step whose end has passed, at its planned instant.
    pub fn update(&mut self, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        self.advance(now, &mut events);
        events
    }

    fn advance(&mut self, now: Instant, events: &mut Vec<Event>) {
        let now = self.observe(now);
        while self.status == Status::Running {
            let Some(since) = self.running_since else {
                return;
            };
            let Some(step) = self.step().cloned() else {
                return;
            };
            let elapsed = self.step_acc + now.saturating_duration_since(since);
            let step_start = since.checked_sub(self.step_acc).unwrap_or(since);
            if elapsed >= step.duration {
                let at = step_start + step.duration;
                if let Some(record) = self.records.get_mut(self.current)
                    && step.phase.is_work()
                {
                    // A step's held time is its longest attempt: going back over it, or
                    // restarting it, does not count the same stretch twice.
                    record.held = record.held.max(step.duration);
                    record.outcome = record.outcome.max(Outcome::Completed);
                }
                events.push(Event::StepCompleted {
                    index: self.current,
                    phase: step.phase,
                    at,
                });
                self.session_acc += step.duration;
                if self.current + 1 >= self.plan.steps.len() {
                    self.finish_at(at, false, events);
                    return;
                }
                self.enter(self.current + 1, at, events);
                continue;
            }
            if self.halfway_left && elapsed >= step.duration / 2 {
                self.halfway_left = false;
                events.push(Event::Halfway {
                    index: self.current,
                    at: step_start + step.duration / 2,
                });
            }
            // Countdown: only the latest mark passed is announced; older ones are stale.
            if step.phase.has_countdown() {
                let remaining = step.duration - elapsed;
                let mut latest = None;
                while self.marks_left > 0 {
                    let k = COUNTDOWN_MARKS[COUNTDOWN_MARKS.len() - self.marks_left];
                    let mark = Duration::from_secs(u64::from(k));
                    if step.duration <= mark {
                        self.marks_left -= 1;
                        continue;
                    }
                    if remaining > mark {
                        break;
                    }
                    latest = Some((k, step_start + step.duration - mark));
                    self.marks_left -= 1;
                }
                if let Some((seconds_left, at)) = latest {
                    events.push(Event::Countdown {
                        index: self.current,
                        seconds_left,
                        at,
                    });
                }
            }
            return;
        }
    }

    /// Makes step `index` current, starting at `at` (or waiting, if paused).
    fn enter(&mut self, index: usize, at: Instant, events: &mut Vec<Event>) {
        self.current = index;
        self.step_acc = Duration::ZERO;
        self.marks_left = COUNTDOWN_MARKS.len();
        self.halfway_left = self
            .plan
            .steps
            .get(index)
            .is_some_and(|s| s.phase == Phase::Hold && s.duration >= HALFWAY_FROM);
        self.announced = false;
        if self.status == Status::Running {
            self.running_since = Some(at);
            self.announce(at, events);
        } else {
            self.running_since = None;
        }
    }

    fn announce(&mut self, at: Instant, events: &mut Vec<Event>) {
        if self.announced {
            return;
        }
        if let Some(step) = self.step() {
            events.push(Event::StepStarted {
                index: self.current,
                phase: step.phase,
                at,
            });
            self.announced = true;
        }
    }

    fn finish_at(&mut self, at: Instant, early: bool, events: &mut Vec<Event>) {
        if let Some(paused_at) = self.paused_at.take() {
            self.paused_total += at.saturating_duration_since(paused_at);
        }
        self.status = Status::Finished { early };
        self.running_since = None;
        self.finished_at = Some(at);
        events.push(Event::SessionComplete { at, early });
    }

    /// Leaves the current step part-way: its active time counts as held, its result is at
    /// least `outcome`.
    fn leave_partial(&mut self, now: Instant, outcome: Outcome) {
        let elapsed = self.step_elapsed(now);
        if let Some(step) = self.step()
            && step.phase.is_work()
            && let Some(record) = self.records.get_mut(self.current)
        {
            record.held = record.held.max(elapsed);
            record.outcome = record.outcome.max(outcome);
        }
        self.session_acc += elapsed;
        self.step_acc = Duration::ZERO;
        if self.running_since.is_some() {
            self.running_since = Some(now);
        }
    }

    pub fn pause(&mut self, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        self.advance(now, &mut events);
        let now = self.clamp(now);
        if self.status == Status::Running {
            self.step_acc = self.step_elapsed(now);
            self.running_since = None;
            self.status = Status::Paused;
            self.paused_at = Some(now);
            events.push(Event::Paused { at: now });
        }
        events
    }

    pub fn resume(&mut self, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        let now = self.observe(now);
        if self.status == Status::Paused {
            if let Some(paused_at) = self.paused_at.take() {
                self.paused_total += now.saturating_duration_since(paused_at);
            }
            self.status = Status::Running;
            self.running_since = Some(now);
            events.push(Event::Resumed { at: now });
            self.announce(now, &mut events);
        }
        events
    }

    pub fn toggle_pause(&mut self, now: Instant) -> Vec<Event> {
        match self.status {
            Status::Paused => self.resume(now),
            _ => self.pause(now),
        }
    }

    /// Ends the current step now and moves to the next one. A work step left this way is
    /// a skipped repetition; the time it ran still counts as held.
    pub fn skip(&mut self, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        self.advance(now, &mut events);
        let now = self.clamp(now);
        if !self.is_active() {
            return events;
        }
        let Some(step) = self.step().cloned() else {
            return events;
        };
        self.leave_partial(now, Outcome::Skipped);
        events.push(Event::StepSkipped {
            index: self.current,
            phase: step.phase,
            at: now,
        });
        if self.current + 1 >= self.plan.steps.len() {
            self.finish_at(now, false, &mut events);
        } else {
            self.enter(self.current + 1, now, &mut events);
        }
        events
    }

    /// Goes back to the start of the current step, or to the previous step when the current
    /// one began less than [`BACK_GRACE`] ago.
    pub fn back(&mut self, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        self.advance(now, &mut events);
        let now = self.clamp(now);
        if !self.is_active() {
            return events;
        }
        let target = if self.step_elapsed(now) < BACK_GRACE {
            self.current.saturating_sub(1)
        } else {
            self.current
        };
        self.leave_partial(now, Outcome::Pending);
        // The step gone back to is being done again: its skip is undone (done stays done).
        if let Some(record) = self.records.get_mut(target)
            && record.outcome == Outcome::Skipped
        {
            record.outcome = Outcome::Pending;
        }
        self.enter(target, now, &mut events);
        events
    }

    /// Starts the current step again from its beginning.
    pub fn restart_step(&mut self, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        self.advance(now, &mut events);
        let now = self.clamp(now);
        if !self.is_active() {
            return events;
        }
        self.leave_partial(now, Outcome::Pending);
        self.enter(self.current, now, &mut events);
        events
    }

    /// Ends the session before its last step: the step under way keeps the time it ran, but
    /// counts as neither done nor skipped (the person stopped; they did not pass it over).
    pub fn finish(&mut self, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        self.advance(now, &mut events);
        let now = self.clamp(now);
        if !self.is_active() {
            return events;
        }
        self.leave_partial(now, Outcome::Pending);
        self.finish_at(now, true, &mut events);
        events
    }
}
