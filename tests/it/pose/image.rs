//! The picture path: what the terminal's replies mean, when supple asks at all, and the bytes
//! of a fixed figure at a fixed cell size, held to golden files (tests/it/pose/golden). Set
//! SUPPLE_WRITE_GOLDEN=1 to write them anew after an intended change, and look at the
//! pictures again (scripts/check-xterm-sixel.sh shows the sixel one in a real xterm).

use ratatui::layout::Rect;
use supple::image::query::{Replies, parse};
use supple::image::{Picture, Protocol, Support, choose, encode, not_asked};
use supple::session::Side;

fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |name| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }
}

#[test]
fn replies_are_read_whatever_order_and_noise() {
    // xterm -ti vt340: no kitty, no cell size (window ops off), a white background, sixel.
    let xterm = parse(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?63;1;2;4;6;9;15;16;22;28c");
    assert_eq!(
        xterm,
        Replies {
            kitty: false,
            attributes: Some(vec![63, 1, 2, 4, 6, 9, 15, 16, 22, 28]),
            cell: None,
            background: Some([255, 255, 255]),
        }
    );
    assert!(xterm.sixel());
    // kitty: OK to the graphics query, a cell of 10x21 pixels, a dark background.
    let kitty = parse(b"\x1b_Gi=31;OK\x1b\\\x1b[6;21;10t\x1b]11;rgb:1e1e/1e1e/2e2e\x07\x1b[?62;c");
    assert!(kitty.kitty);
    assert_eq!(kitty.cell, Some((10, 21)));
    assert_eq!(kitty.background, Some([30, 30, 46]));
    assert!(!kitty.sixel());
    // tmux answers only the device attributes, without sixel.
    let tmux = parse(b"\x1b[?1;2c");
    assert!(!tmux.kitty && !tmux.sixel() && tmux.attributes.is_some());
    // An error to the kitty query is no support.
    assert!(!parse(b"\x1b_Gi=31;ENOTSUPPORTED:x\x1b\\\x1b[?62c").kitty);
    // Nothing at all (a terminal that never answers).
    assert_eq!(parse(b""), Replies::default());
}

#[test]
fn the_protocol_follows_the_terminal() {
    let none = env(&[]);
    let kitty = parse(b"\x1b_Gi=31;OK\x1b\\\x1b[?62c");
    assert_eq!(
        choose(&kitty, None, &none).map(|s| s.protocol),
        Some(Protocol::Kitty)
    );
    let sixel = parse(b"\x1b[?63;4c");
    // Sixel needs the cell size: from the reply or the kernel.
    assert_eq!(choose(&sixel, None, &none), None);
    let support = choose(&sixel, Some((9, 19)), &none).expect("sixel");
    assert_eq!((support.protocol, support.cell), (Protocol::Sixel, (9, 19)));
    let wezterm = env(&[("TERM_PROGRAM", "WezTerm")]);
    assert_eq!(
        choose(&kitty, None, &wezterm).map(|s| s.protocol),
        Some(Protocol::Iterm2)
    );
    assert_eq!(choose(&parse(b"\x1b[?1;2c"), Some((9, 19)), &none), None);
}

#[test]
fn pictures_are_not_asked_for_where_they_cannot_be_kept() {
    let term = |t: &'static str| [("TERM", t)];
    assert_eq!(not_asked(true, env(&term("xterm-256color"))), None);
    assert!(not_asked(false, env(&term("xterm-256color"))).is_some());
    assert!(not_asked(true, env(&[("TERM", "xterm"), ("NO_COLOR", "1")])).is_some());
    assert_eq!(
        not_asked(true, env(&[("TERM", "xterm"), ("NO_COLOR", "")])),
        None
    );
    assert!(
        not_asked(
            true,
            env(&[("TERM", "xterm"), ("TMUX", "/tmp/tmux-0/default,1,0")])
        )
        .is_some()
    );
    assert!(not_asked(true, env(&term("tmux-256color"))).is_some());
    assert!(not_asked(true, env(&term("screen"))).is_some());
    assert!(not_asked(true, env(&term("dumb"))).is_some());
}

fn golden(name: &str, bytes: &[u8]) {
    let path = format!("{}/tests/it/pose/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("SUPPLE_WRITE_GOLDEN").is_some() {
        std::fs::write(&path, bytes).expect("write golden");
    }
    let want = std::fs::read(&path).unwrap_or_default();
    assert!(
        want == bytes,
        "{name}: the encoded picture differs from the golden file ({} bytes now, {} there); \
         if intended, run SUPPLE_WRITE_GOLDEN=1 cargo test --test pose and look at it again",
        bytes.len(),
        want.len()
    );
}

fn anchor(protocol: Protocol) -> Vec<u8> {
    let picture = Picture {
        area: Rect::new(40, 2, 24, 10),
        id: "anchor-stretch".into(),
        frame: 0,
        side: Side::Left,
        working: supple::ui::theme::Theme::side_rgb(Side::Left),
        color: true,
    };
    let support = Support {
        protocol,
        cell: (8, 16),
        background: [0, 0, 0],
    };
    let pose = supple::pose::builtin("anchor-stretch").expect("pose");
    encode(pose, &picture, &support).expect("encoded")
}

#[test]
fn the_sixel_picture_is_as_the_golden_file() {
    let bytes = anchor(Protocol::Sixel);
    // A sixel picture: DCS, 1:1 pixels of 24x10 cells of 8x16, defined colours, ST.
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.starts_with("\x1bP0;0;0q\"1;1;192;160"),
        "{}",
        &text[..40]
    );
    assert!(text.ends_with("\x1b\\"));
    // Its colours: black, and the left leg's cyan among them.
    assert!(text.contains(";2;40;100;100"), "the working leg's cyan");
    golden("anchor-stretch-24x10-8x16.sixel", &bytes);
}

#[test]
fn the_kitty_picture_is_as_the_golden_file() {
    let bytes = anchor(Protocol::Kitty);
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.starts_with("\x1b_Ga=T,f=100,t=d,i=1,c=24,r=10,C=1,q=2,m="),
        "{}",
        &text[..60]
    );
    // Every chunk is a complete APC of at most 4096 bytes of data.
    for chunk in text.split("\x1b\\").filter(|c| !c.is_empty()) {
        let data = chunk.split_once(';').map_or("", |(_, d)| d);
        assert!(data.len() <= 4096);
    }
    golden("anchor-stretch-24x10-8x16.kitty", &bytes);
}

/// Decoded again, the sixel picture shows the figure where the PNG does: the same pixels are
/// ink and background (a picture compared as a picture, not byte for byte).
#[test]
fn the_sixel_picture_decodes_to_the_figure() {
    let bytes = anchor(Protocol::Sixel);
    let (w, h) = (192usize, 160usize);
    let decoded = decode_sixel(&bytes, w, h);
    let pose = supple::pose::builtin("anchor-stretch").expect("pose");
    let figure = supple::pose::figure(pose, 0);
    let palette = supple::pose::raster::Palette::dark([85, 255, 255]);
    let pixmap =
        supple::pose::raster::render(&figure, &palette, w as u32, h as u32).expect("pixmap");
    let rgba = supple::pose::raster::rgba(&pixmap);
    let mut differ = 0;
    for i in 0..w * h {
        let ink = rgba[i * 4 + 3] > 128;
        let shown = decoded[i] != [0, 0, 0];
        differ += usize::from(ink != shown);
    }
    // Only the anti-aliased edges may fall either way.
    assert!(
        differ * 100 < 3 * w * h,
        "{differ} of {} pixels differ",
        w * h
    );
    assert!(decoded.iter().filter(|p| **p != [0, 0, 0]).count() > 500);
}

/// A small sixel reader for the test: colour registers, `#n`, repeats, `$` and `-`.
fn decode_sixel(bytes: &[u8], w: usize, h: usize) -> Vec<[u8; 3]> {
    let text = String::from_utf8_lossy(bytes);
    let body = &text[text.find('q').expect("q") + 1..];
    let mut registers = std::collections::HashMap::new();
    let mut pixels = vec![[0u8; 3]; w * h];
    let (mut x, mut band, mut colour) = (0usize, 0usize, [0u8; 3]);
    let mut chars = body.chars().peekable();
    let number = |chars: &mut std::iter::Peekable<std::str::Chars>| {
        let mut n = String::new();
        while let Some(c) = chars.peek().filter(|c| c.is_ascii_digit()) {
            n.push(*c);
            chars.next();
        }
        n.parse::<usize>().unwrap_or(0)
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for _ in 0..3 {
                    number(&mut chars);
                    chars.next();
                }
                number(&mut chars);
            }
            '#' => {
                let n = number(&mut chars);
                if chars.peek() == Some(&';') {
                    chars.next();
                    let mut v = [0usize; 4];
                    for (i, slot) in v.iter_mut().enumerate() {
                        *slot = number(&mut chars);
                        if i < 3 {
                            chars.next();
                        }
                    }
                    let pct = |p: usize| (p * 255 / 100) as u8;
                    registers.insert(n, [pct(v[1]), pct(v[2]), pct(v[3])]);
                } else {
                    colour = registers[&n];
                }
            }
            '$' => x = 0,
            '-' => {
                x = 0;
                band += 6;
            }
            '!' => {
                let n = number(&mut chars);
                let c = chars.next().expect("sixel");
                for _ in 0..n {
                    put(&mut pixels, w, h, x, band, c, colour);
                    x += 1;
                }
            }
            '?'..='~' => {
                put(&mut pixels, w, h, x, band, c, colour);
                x += 1;
            }
            _ => {}
        }
    }
    pixels
}

fn put(
    pixels: &mut [[u8; 3]],
    w: usize,
    h: usize,
    x: usize,
    band: usize,
    c: char,
    colour: [u8; 3],
) {
    let bits = c as u32 - 63;
    for dy in 0..6 {
        let y = band + dy;
        if bits & (1 << dy) != 0 && x < w && y < h {
            pixels[y * w + x] = colour;
        }
    }
}

/// A late answer to the query (a slow link) is read by crossterm as keys: Alt+], then the
/// letters of `11;rgb:ffff/...` (an `r` restarts the step), then Alt+\. For a while after an
/// unanswered query such a string is dropped whole; keys before and after it are kept.
#[test]
fn a_late_answer_never_acts_as_keys() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use std::time::{Duration, Instant};
    use supple::image::query::{LATE, LateReplies};
    let key = |c: char, m: KeyModifiers| Event::Key(KeyEvent::new(KeyCode::Char(c), m));
    let plain = |c| key(c, KeyModifiers::NONE);
    let mut late = LateReplies::default();
    let t0 = Instant::now();
    late.expect(t0 + LATE);
    assert!(
        !late.drops(&plain('n'), t0),
        "a key before the answer is a key"
    );
    let mut answer = vec![key(']', KeyModifiers::ALT)];
    answer.extend("11;rgb:ffff/ffff/ffff".chars().map(plain));
    answer.push(key('\\', KeyModifiers::ALT));
    for event in &answer {
        assert!(
            late.drops(event, t0 + Duration::from_millis(300)),
            "{event:?} kept"
        );
    }
    assert!(!late.drops(&plain('r'), t0 + Duration::from_millis(400)));
    // Once the time is over, or when nothing was asked, Alt+] is a key like any other.
    assert!(!late.drops(
        &key(']', KeyModifiers::ALT),
        t0 + LATE + Duration::from_secs(1)
    ));
    let mut never = LateReplies::default();
    assert!(!never.drops(&key('_', KeyModifiers::ALT), t0));
}

/// A picture goes once: drawing the same again writes nothing; a sixel picture that goes away
/// (a pause, another size) asks for the screen to be drawn anew, since its pixels stay until
/// text covers them; kitty's are deleted.
#[test]
fn a_picture_is_sent_once_and_taken_away_cleanly() {
    use supple::image::{Pictures, Shown};
    let picture = Picture {
        area: Rect::new(40, 2, 24, 10),
        id: "anchor-stretch".into(),
        frame: 0,
        side: Side::Left,
        working: supple::ui::theme::Theme::side_rgb(Side::Left),
        color: true,
    };
    let support = |protocol| Support {
        protocol,
        cell: (8, 16),
        background: [0, 0, 0],
    };
    let mut sixel = Pictures::new(support(Protocol::Sixel));
    let mut out = Vec::new();
    assert_eq!(
        sixel.show(Some(&picture), &mut out).expect("show"),
        Shown::Done
    );
    assert!(
        out.starts_with(b"\x1b[3;41H\x1bP"),
        "at the area's top-left cell"
    );
    let mut again = Vec::new();
    assert_eq!(
        sixel.show(Some(&picture), &mut again).expect("show"),
        Shown::Done
    );
    assert!(again.is_empty(), "the same picture is not sent twice");
    assert_eq!(sixel.show(None, &mut again).expect("show"), Shown::Redraw);
    assert_eq!(sixel.show(None, &mut again).expect("show"), Shown::Done);
    // The next key frame of a move replaces the picture in place.
    let next = Picture {
        frame: 1,
        id: "leg-lunges".into(),
        ..picture.clone()
    };
    assert_eq!(
        sixel.show(Some(&next), &mut again).expect("show"),
        Shown::Done
    );
    let mut kitty = Pictures::new(support(Protocol::Kitty));
    let mut out = Vec::new();
    kitty.show(Some(&picture), &mut out).expect("show");
    let mut gone = Vec::new();
    assert_eq!(kitty.show(None, &mut gone).expect("show"), Shown::Done);
    assert_eq!(gone, b"\x1b_Ga=d,d=A,q=2\x1b\\");
}
