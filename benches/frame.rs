//! How long one frame of a hold takes to build and render, without terminal I/O, at 80x24,
//! 120x40 and 200x60, drawn as the terminal draws it (with the panel cache).
//! Also a moving figure, and a picture encoded for the terminal. Run with
//! `cargo bench --bench frame`. The loop draws one frame a second during a hold, so
//! this number is the render share of supple's CPU use per second.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use supple::app::App;
use supple::audio::SoundStatus;
use supple::content::{Library, builtin_routines};
use supple::session::{Phase, Plan};

fn main() {
    let library = Library::builtin().expect("library");
    let loaded = builtin_routines(&library)
        .expect("routines")
        .into_iter()
        .find(|r| r.routine.name == "hamstring")
        .expect("hamstring");
    let plan = Plan::build(&loaded.routine, &library).expect("plan");
    let hold = plan
        .steps
        .iter()
        .find(|s| s.phase == Phase::Hold)
        .expect("a hold")
        .start;
    let frames: u32 = std::env::var("FRAMES")
        .ok()
        .and_then(|f| f.parse().ok())
        .unwrap_or(2_000);
    for size in [(80u16, 24u16), (120, 40), (200, 60)] {
        // Each frame a second later, as during a 20 s hold.
        let per = time_frames(&plan, size, frames, |i| {
            hold + Duration::from_millis(u64::from(i % 20) * 1000 + 1)
        });
        println!(
            "frame at {}x{}: {per:?} to build the view, render and diff",
            size.0, size.1
        );
    }
    // A move whose figure goes through its key frames: a frame every 400 ms (2.5 a second,
    // plus one a second for the digits), the figure drawn anew each time.
    let lunges = plan
        .steps
        .iter()
        .find(|s| s.phase == Phase::Dynamic)
        .expect("a move")
        .start;
    for size in [(120u16, 40u16), (200, 60)] {
        let per = time_frames(&plan, size, 500, |i| {
            lunges + Duration::from_millis(u64::from(i % 50) * 400 + 1)
        });
        println!(
            "moving figure at {}x{}: {per:?} a frame (3.5 frames a second)",
            size.0, size.1
        );
    }
    // A picture for the terminal: rasterised and encoded once per step, key frame or resize.
    let pose = supple::pose::builtin("anchor-stretch").expect("pose");
    for protocol in [
        supple::image::Protocol::Kitty,
        supple::image::Protocol::Sixel,
    ] {
        let picture = supple::image::Picture {
            area: ratatui::layout::Rect::new(0, 0, 48, 25),
            id: "anchor-stretch".into(),
            frame: 0,
            side: supple::session::Side::Left,
            working: supple::ui::theme::Theme::side_rgb(supple::session::Side::Left),
            color: true,
        };
        let support = supple::image::Support {
            protocol,
            cell: (10, 20),
            background: [0, 0, 0],
        };
        let start = Instant::now();
        let mut bytes = 0;
        for _ in 0..20 {
            bytes = supple::image::encode(pose, &picture, &support)
                .expect("picture")
                .len();
        }
        println!(
            "picture of 48x25 cells (480x500 px) as {protocol:?}: {:?} to draw and encode, {} KB",
            start.elapsed() / 20,
            bytes / 1024
        );
    }
}

/// The time a frame takes on average over `frames` frames at `(w, h)`, drawn as the terminal
/// draws them (with the panel cache), frame `i` at `at(i)` into the session.
fn time_frames(
    plan: &Plan,
    (w, h): (u16, u16),
    frames: u32,
    at: impl Fn(u32) -> Duration,
) -> Duration {
    let mut app = App::new(plan.clone(), true);
    app.set_sound(SoundStatus::Off(""));
    let t0 = Instant::now();
    app.start(t0);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    let mut cache = supple::ui::FrameCache::default();
    let start = Instant::now();
    for i in 0..frames {
        let now = t0 + at(i);
        app.tick(now);
        terminal
            .draw(|frame| {
                if let Some(vm) = app.view(now) {
                    supple::ui::draw_cached(frame, &vm, &mut cache);
                }
            })
            .expect("draw");
        black_box(terminal.backend());
    }
    start.elapsed() / frames
}
