//! Compiles the spoken clips into the binary: one table of (key, Ogg Vorbis bytes), sorted by
//! key, written from the list in assets/voice/phrases.tsv (see scripts/make-voice.sh).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let list = "assets/voice/phrases.tsv";
    println!("cargo::rerun-if-changed={list}");
    println!("cargo::rerun-if-changed=assets/voice");
    let text = std::fs::read_to_string(list).unwrap_or_default();
    let mut keys: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect();
    keys.sort_unstable();
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut table =
        String::from("/// Every clip: its key and its Ogg Vorbis bytes, sorted by key.\n");
    table.push_str("pub static CLIPS: &[(&str, &[u8])] = &[\n");
    for key in keys {
        let path = Path::new(&root).join(format!("assets/voice/{key}.ogg"));
        // A clip missing from the folder is left out here; a test names it.
        if path.is_file() {
            let _ = writeln!(
                table,
                "    ({key:?}, include_bytes!({:?})),",
                path.display().to_string()
            );
        }
    }
    table.push_str("];\n");
    let out = std::env::var("OUT_DIR").unwrap_or_default();
    let _ = std::fs::write(Path::new(&out).join("voice_clips.rs"), table);
}
