//! supple: a full-screen terminal coach for hamstring stretches.
//!
//! `content` loads routines, `session` runs them (pure, clock injected), and the binary
//! in `main.rs` wires them to the command line.

#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod app;
pub mod audio;
pub mod builder;
pub mod cli;
pub mod content;
pub mod flextest;
pub mod history;
pub mod image;
pub mod keys;
pub mod notify;
pub mod output;
pub mod paths;
pub mod plain;
pub mod pose;
pub mod quiet;
pub mod remind;
pub mod runtime;
pub mod safe_text;
pub mod safety;
pub mod session;
pub mod settings;
pub mod term;
pub mod tui;
pub mod ui;
