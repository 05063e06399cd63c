//! Each pose as the screen draws it: braille at the size the figure gets while getting into
//! position at 80x24 and during a hold at 200x60, and ASCII where the locale is not UTF-8
//! (snapshots in tests/it/snapshots, one per pose and size), in the leg's colour, thick enough to
//! read from the mat.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::Widget;
use supple::pose::{builtin, builtin_poses};
use supple::session::Side;
use supple::ui::figure::FigureView;
use supple::ui::theme::Theme;

/// The figure's area in the layout of a screen of this size.
fn figure_area(width: u16, height: u16, wordy: bool) -> Rect {
    supple::ui::areas(Rect::new(0, 0, width, height), wordy)
        .and_then(|a| a.figure)
        .expect("a figure at this size")
}

fn draw(id: &str, area: Rect, side: Side, theme: Theme) -> Buffer {
    let area = Rect { x: 0, y: 0, ..area };
    let mut buf = Buffer::empty(area);
    FigureView {
        pose: builtin(id).expect("pose"),
        frame: 0,
        side,
        theme,
    }
    .render(area, &mut buf);
    buf
}

fn text(buf: &Buffer) -> String {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let row: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
            format!("{}\n", row.trim_end())
        })
        .collect()
}

#[test]
fn braille_figures_at_80x24_and_200x60() {
    let small = figure_area(80, 24, true);
    let large = figure_area(200, 60, false);
    for id in builtin_poses().keys() {
        let theme = Theme::with(true, false);
        insta::assert_snapshot!(
            format!("figure_{id}_80x24"),
            text(&draw(id, small, Side::Left, theme))
        );
        insta::assert_snapshot!(
            format!("figure_{id}_200x60"),
            text(&draw(id, large, Side::Left, theme))
        );
    }
}

#[test]
fn ascii_figures_where_the_locale_is_not_utf8() {
    let small = figure_area(80, 24, true);
    for id in builtin_poses().keys() {
        let buf = draw(id, small, Side::Left, Theme::ascii());
        let shown = text(&buf);
        assert!(shown.is_ascii(), "{id}:\n{shown}");
        assert!(shown.contains('O'), "{id} has a head:\n{shown}");
        insta::assert_snapshot!(format!("figure_{id}_ascii_80x24"), shown);
    }
}

/// The working leg is drawn in the leg's colour: cyan for the left, magenta for the right,
/// as on the leg band; without colour, in none.
#[test]
fn the_working_leg_is_in_the_legs_colour() {
    let area = figure_area(80, 24, true);
    let count = |buf: &Buffer, color: Color| buf.content().iter().filter(|c| c.fg == color).count();
    for (side, color, other) in [
        (Side::Left, Color::LightCyan, Color::LightMagenta),
        (Side::Right, Color::LightMagenta, Color::LightCyan),
    ] {
        let buf = draw("anchor-stretch", area, side, Theme::with(true, false));
        assert!(
            count(&buf, color) >= 10,
            "{side:?}: {} cells",
            count(&buf, color)
        );
        assert_eq!(count(&buf, other), 0, "{side:?}");
    }
    let mono = draw(
        "anchor-stretch",
        area,
        Side::Left,
        Theme::with(false, false),
    );
    assert!(mono.content().iter().all(|c| c.fg == Color::Reset));
}

/// Lines of two or three dots, not one: a braille cell of a stroke holds several dots on
/// average (a one-dot line holds about two).
#[test]
fn braille_lines_are_thick_enough_to_read_from_the_mat() {
    let area = figure_area(80, 24, true);
    for id in builtin_poses().keys() {
        let buf = draw(id, area, Side::Left, Theme::with(true, false));
        let cells: Vec<u32> = buf
            .content()
            .iter()
            .filter_map(|c| c.symbol().chars().next())
            .filter(|ch| ('\u{2801}'..='\u{28FF}').contains(ch))
            .map(|ch| (ch as u32 - 0x2800).count_ones())
            .collect();
        let mean = f64::from(cells.iter().sum::<u32>()) / cells.len().max(1) as f64;
        assert!(mean >= 3.5, "{id}: {mean:.1} dots a cell");
        // And the figure fills its area: at least two thirds of its height or width.
        let rows = (0..buf.area.height)
            .filter(|&y| (0..buf.area.width).any(|x| buf[(x, y)].symbol() != " "))
            .count() as u16;
        let cols = (0..buf.area.width)
            .filter(|&x| (0..buf.area.height).any(|y| buf[(x, y)].symbol() != " "))
            .count() as u16;
        assert!(
            rows * 3 >= buf.area.height * 2 || cols * 3 >= buf.area.width * 2,
            "{id}: {cols}x{rows} of {}x{}",
            buf.area.width,
            buf.area.height
        );
    }
}

/// While getting into position at 80x24 the figure is at least a third of the width.
#[test]
fn the_figure_takes_a_third_of_the_width_at_80x24() {
    let area = figure_area(80, 24, true);
    assert!(area.width * 3 >= 80 - 2, "{area:?}");
    assert!(area.height >= 10, "{area:?}");
    // During a hold from 120x40 up, beside the digits; not below.
    assert!(
        supple::ui::areas(Rect::new(0, 0, 120, 40), false)
            .and_then(|a| a.figure)
            .is_some()
    );
    assert!(
        supple::ui::areas(Rect::new(0, 0, 100, 30), false)
            .and_then(|a| a.figure)
            .is_none()
    );
    // At 40x12 the digits and the leg keep the room.
    assert!(
        supple::ui::areas(Rect::new(0, 0, 40, 12), true)
            .and_then(|a| a.figure)
            .is_none()
    );
}
