//! supple's integration tests, as one binary (one link instead of one per file): each module
//! tests one part through the library or the real binary; `common` holds what they share,
//! and `supple()` there starts the binary in a home of its own.

mod architecture;
mod audio;
mod audio_device;
mod bad_routines;
mod builder;
mod builder_e2e;
mod cli;
mod common;
mod completions;
mod config;
mod content;
mod dose;
mod e2e_tmux;
mod engine;
mod flex_screen;
mod flex_test;
mod history;
mod history_screen;
mod hostile;
mod keys;
mod loaders_fuzz;
mod notify;
mod output_errors;
mod plain;
mod pose;
mod remind;
mod run_loop;
mod schema;
mod screens;
mod status;
mod voice;
mod watchdog;
