//! `supple figure` (the pose as SVG or PNG, for the README and docs) and `supple show` (an
//! exercise's figure, set-up, cues, caution, needs and source, as text), and the figures of
//! `supple plan --figures`.

use std::io::Write;

use anyhow::{Context, bail};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::args::FigureArgs;
use crate::content::pose::Pose;
use crate::content::{Exercise, Library, did_you_mean};
use crate::pose::raster::{self, Palette};
use crate::pose::{self, svg};
use crate::session::Side;
use crate::ui::figure::FigureView;
use crate::ui::theme::Theme;

/// The ids of the flexibility tests' poses, as `supple figure` and `supple show` take them.
pub const TEST_POSES: [&str; 4] = [
    "test-aket",
    "test-slr",
    "test-sit-reach",
    "test-sit-reach-one",
];

/// A picture format for `supple figure`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

/// The pose of `id` (an exercise or a test), or an error naming the known ids.
pub fn find_pose(id: &str) -> anyhow::Result<&'static Pose> {
    if let Some(pose) = pose::builtin(id) {
        return Ok(pose);
    }
    let known: Vec<&str> = pose::builtin_poses().keys().map(String::as_str).collect();
    let shown = crate::safe_text::quote(id, 40);
    match did_you_mean(id, known.iter().copied()) {
        Some(name) => bail!("no exercise or test has the id `{shown}`: did you mean `{name}`?"),
        None => bail!(
            "no exercise or test has the id `{shown}`; known: {}",
            known.join(", ")
        ),
    }
}

/// The colour of the working leg in pictures for the docs: the leg band's colour for the
/// left leg, yellow for both legs.
fn docs_palette(pose: &Pose) -> Palette {
    let working = match pose.working {
        crate::content::pose::Working::Both => Theme::side_rgb(Side::Both),
        _ => Theme::side_rgb(Side::Left),
    };
    Palette {
        background: Some([24, 24, 28]),
        ..Palette::dark(working)
    }
}

pub use super::args::DOC_FRAME_WIDTH;

/// The pose's key frames side by side, as SVG.
pub fn svg_of(pose: &Pose, frame_width: u32) -> String {
    let palette = docs_palette(pose);
    let figure = pose::figure(pose, 0);
    let (w, h) = svg::size_for(&figure, frame_width);
    let count = pose.frames.len().max(1);
    let total = w * count as u32;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{total}\" height=\"{h}\" \
         viewBox=\"0 0 {total} {h}\">\n"
    );
    for i in 0..count {
        let one = svg::svg(&pose::figure(pose, i), &palette, w, h);
        // Each frame as a nested picture at its place in the row.
        let inner = one.replacen("<svg ", &format!("<svg x=\"{}\" ", w * i as u32), 1);
        out.push_str(&inner);
    }
    out.push_str("</svg>\n");
    out
}

/// The pose's key frames side by side, as PNG bytes.
pub fn png_of(pose: &Pose, frame_width: u32) -> anyhow::Result<Vec<u8>> {
    let palette = docs_palette(pose);
    let figure = pose::figure(pose, 0);
    let (w, h) = svg::size_for(&figure, frame_width);
    let count = pose.frames.len().max(1) as u32;
    let mut row = tiny_skia::Pixmap::new(w * count, h).context("the picture is too large")?;
    for i in 0..count {
        let one = raster::render(&pose::figure(pose, i as usize), &palette, w, h)
            .context("the picture is too large")?;
        row.draw_pixmap(
            i32::try_from(w * i).unwrap_or(0),
            0,
            one.as_ref(),
            &tiny_skia::PixmapPaint::default(),
            tiny_skia::Transform::identity(),
            None,
        );
    }
    raster::png(&row).map_err(anyhow::Error::msg)
}

/// `supple show ID`: the figure, set-up, cues, caution, needs and source.
pub fn run(out: &mut impl Write, exercise: &str) -> anyhow::Result<bool> {
    let library = Library::builtin()?;
    show(out, exercise, &library, !crate::term::utf8_locale())?;
    Ok(true)
}

/// `supple figure ID --svg|--png [-o FILE]`: the picture's own bytes, not text, so past the
/// safe writer.
pub fn figure(args: &FigureArgs) -> anyhow::Result<bool> {
    use std::io::IsTerminal;
    let format = if args.png { Format::Png } else { Format::Svg };
    figure_command(
        &mut crate::output::stdout(),
        &args.exercise,
        format,
        args.width,
        args.output.as_deref(),
        std::io::stdout().is_terminal(),
    )?;
    Ok(true)
}

/// `supple figure ID --svg|--png [-o FILE]`, writing to `out`.
pub fn figure_command(
    out: &mut impl Write,
    id: &str,
    format: Format,
    width: u32,
    output: Option<&std::path::Path>,
    stdout_is_terminal: bool,
) -> anyhow::Result<()> {
    let pose = find_pose(id)?;
    let bytes = match format {
        Format::Svg => svg_of(pose, width).into_bytes(),
        Format::Png => png_of(pose, width)?,
    };
    match output {
        Some(path) => crate::paths::write_whole(path, &bytes)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None if format == Format::Png && stdout_is_terminal => bail!(
            "a PNG is not text to show in the terminal: write it to a file with `-o {id}.png`, \
             or redirect the output"
        ),
        None => out.write_all(&bytes)?,
    }
    Ok(())
}

/// A figure as lines of text (braille, or ASCII), `width` x `height` cells, the working leg
/// in the left leg's colour where `color`.
pub fn figure_text(pose: &Pose, width: u16, height: u16, theme: Theme) -> Vec<String> {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    FigureView {
        pose,
        frame: 0,
        side: Side::Left,
        theme,
    }
    .render(area, &mut buf);
    let mut lines: Vec<String> = (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    while lines.first().is_some_and(String::is_empty) {
        lines.remove(0);
    }
    lines
}

/// `supple show EXERCISE`: the figure, how to get into position, the cues, the caution, what
/// it needs and where it comes from.
pub fn show(out: &mut impl Write, id: &str, library: &Library, ascii: bool) -> anyhow::Result<()> {
    let exercise = library.get(id);
    let pose = pose::builtin(id);
    let (Some(exercise), pose) = (exercise, pose) else {
        if let Some(pose) = pose {
            // A flexibility test's pose: the figure alone; `supple test` has its steps.
            for line in figure_text(pose, 40, 12, Theme::with(false, ascii)) {
                writeln!(out, "  {line}")?;
            }
            writeln!(
                out,
                "\nThe flexibility test: `supple test` guides it step by step."
            )?;
            return Ok(());
        }
        let known: Vec<&str> = library.exercises().iter().map(|e| e.id.as_str()).collect();
        let shown = crate::safe_text::quote(id, 40);
        match did_you_mean(id, known.iter().copied()) {
            Some(name) => bail!("no exercise has the id `{shown}`: did you mean `{name}`?"),
            None => bail!(
                "no exercise has the id `{shown}`; known: {}",
                known.join(", ")
            ),
        }
    };
    write_exercise(out, exercise, pose, ascii)
}

fn write_exercise(
    out: &mut impl Write,
    exercise: &Exercise,
    pose: Option<&Pose>,
    ascii: bool,
) -> anyhow::Result<()> {
    let sides = match exercise.sides {
        crate::content::Sides::Each => "each leg in turn",
        crate::content::Sides::Both => "both legs at once",
        crate::content::Sides::None => "no leg in particular",
    };
    writeln!(
        out,
        "{} ({}): {}, {sides}",
        exercise.name,
        exercise.id,
        exercise.kind.name()
    )?;
    writeln!(out, "{}", exercise.focus.to_uppercase())?;
    if let Some(pose) = pose {
        writeln!(out)?;
        for line in figure_text(pose, 40, 12, Theme::with(false, ascii)) {
            writeln!(out, "  {line}")?;
        }
        if pose.frames.len() > 1 {
            writeln!(
                out,
                "  (the first of {} key frames; the screen shows them in turn)",
                pose.frames.len()
            )?;
        }
    }
    writeln!(out)?;
    if let Some(setup) = &exercise.setup {
        writeln!(out, "Set-up: {setup}")?;
    }
    for cue in &exercise.cues {
        writeln!(out, "- {cue}")?;
    }
    writeln!(out, "Caution: {}", exercise.caution)?;
    if !exercise.needs.is_empty() {
        writeln!(
            out,
            "Needs: {}.",
            crate::content::Need::list(&exercise.needs)
        )?;
    }
    if let Some(source) = &exercise.source {
        writeln!(out, "Source: {source}")?;
    }
    writeln!(out, "{}", crate::safety::CAUTION)?;
    Ok(())
}

/// `supple plan --figures`: each exercise of the plan once, its name and its figure.
pub fn plan_figures(
    out: &mut impl Write,
    plan: &crate::session::Plan,
    ascii: bool,
) -> std::io::Result<()> {
    for exercise in &plan.exercises {
        writeln!(out, "{} ({})", exercise.name, exercise.id)?;
        match pose::builtin(&exercise.id) {
            Some(pose) => {
                for line in figure_text(pose, 30, 8, Theme::with(false, ascii)) {
                    writeln!(out, "  {line}")?;
                }
            }
            None => writeln!(out, "  (no figure)")?,
        }
        writeln!(out)?;
    }
    Ok(())
}
