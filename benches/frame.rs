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
    for (w, h) in [(80u16, 24u16), (120, 40), (200, 60)] {
        let mut app = App::new(plan.clone(), true);
        app.set_sound(SoundStatus::Off(""));
        let t0 = Instant::now();
        app.start(t0);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        let mut cache = supple::ui::FrameCache::default();
        let frames: u32 = std::env::var("FRAMES")
            .ok()
            .and_then(|f| f.parse().ok())
            .unwrap_or(2_000);
        let start = Instant::now();
        for i in 0..frames {
            // Each frame a second later, as during a 20 s hold.
            let now = t0 + hold + Duration::from_millis(u64::from(i % 20) * 1000 + 1);
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
        let per = start.elapsed() / frames;
        println!("frame at {w}x{h}: {per:?} to build the view, render and diff");
    }
    // A move whose figure goes through its key frames: a frame every 400 ms (2.5 a second,
    // plus one a second for the digits), the figure drawn anew each time.
    let lunges = plan
        .steps
        .iter()
        .find(|s| s.phase == Phase::Dynamic)
        .expect("a move")
        .start;
    for (w, h) in [(120u16, 40u16), (200, 60)] {
        let mut app = App::new(plan.clone(), true);
        app.set_sound(SoundStatus::Off(""));
        let t0 = Instant::now();
        app.start(t0);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        let mut cache = supple::ui::FrameCache::default();
        let frames: u32 = 500;
        let start = Instant::now();
        for i in 0..frames {
            let now = t0 + lunges + Duration::from_millis(u64::from(i % 50) * 400 + 1);
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
        let per = start.elapsed() / frames;
        println!("moving figure at {w}x{h}: {per:?} a frame (3.5 frames a second)");
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
