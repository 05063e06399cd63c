//! The `settings!` macro: from one entry per setting, everything a setting needs.
//!
//! Each entry gives the setting's name, its resolved type and default; its type in the config
//! file (with any serde or schemars attribute) and how that becomes the resolved value; the
//! check a config file's value must pass; its flag (`none`, a `value` flag, an `on` flag, or
//! an on/off `switch` pair); and how `supple config` shows it. From those it makes:
//! - `ConfigFile`: the config file's fields, each optional, with `validate`;
//! - `Flags`: what the command line said, the same fields; `SessionFlags`, the clap options
//!   that fill it (flattened into the commands that take them);
//! - `Settings`: each value with where it came from; `resolve` and `lines`.

/// See the module's documentation.
#[macro_export]
macro_rules! settings {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident: $ty:ty = $default:expr;
            file $(#[$fmeta:meta])* $fty:ty => $from_file:expr;
            check $check:expr;
            flag $kind:ident $(($($flag:tt)*))?;
            show $show:expr;
    )*) => {
        /// The config file. Every field is optional; a missing one keeps its default.
        #[derive(
            Debug, Clone, Default, PartialEq, Eq,
            serde::Serialize, serde::Deserialize, schemars::JsonSchema,
        )]
        #[serde(deny_unknown_fields)]
        pub struct ConfigFile {
            /// Path or URL of the JSON Schema, for editors.
            #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
            pub schema: Option<String>,
            $(
                $(#[doc = $doc])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                $(#[$fmeta])*
                pub $name: Option<$fty>,
            )*
        }

        impl ConfigFile {
            /// Every value within its limits, or the field, the fault and the fix.
            pub fn validate(&self, file: &str) -> Result<(), $crate::content::ContentError> {
                $(
                    if let Some(value) = &self.$name {
                        ($check)(file, stringify!($name), value)?;
                    }
                )*
                Ok(())
            }
        }

        /// What the command line says, where it says anything: the config file's fields.
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct Flags {
            $(pub $name: Option<$fty>,)*
        }

        impl Flags {
            /// `self` with `over`'s values where it has them (a subcommand's flags over the
            /// ones given before it).
            pub fn or(self, over: Flags) -> Flags {
                Flags { $($name: over.$name.or(self.$name),)* }
            }
        }

        /// The settings' flags, for the commands that take them (a session, `plan`,
        /// `config`).
        #[derive(Debug, Clone, Default)]
        pub struct SessionFlags(pub Flags);

        impl clap::FromArgMatches for SessionFlags {
            fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
                Ok(SessionFlags(Flags {
                    $($name: $crate::settings_flag_value!(matches, $name, $fty, $kind $(($($flag)*))?),)*
                }))
            }

            fn update_from_arg_matches(
                &mut self,
                matches: &clap::ArgMatches,
            ) -> Result<(), clap::Error> {
                *self = Self::from_arg_matches(matches)?;
                Ok(())
            }
        }

        impl clap::Args for SessionFlags {
            fn augment_args(cmd: clap::Command) -> clap::Command {
                $(let cmd = $crate::settings_flag_args!(cmd, $name, $kind $(($($flag)*))?);)*
                cmd
            }

            fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
                Self::augment_args(cmd)
            }
        }

        /// Every setting, resolved: flags over the config file over the defaults.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Settings {
            $(
                $(#[doc = $doc])*
                pub $name: Setting<$ty>,
            )*
        }

        /// Flags over the file over the defaults.
        pub fn resolve(file: Option<&ConfigFile>, flags: &Flags) -> Settings {
            let file = file.cloned().unwrap_or_default();
            Settings {
                $(
                    $name: match (flags.$name.clone(), file.$name) {
                        (Some(value), _) => Setting {
                            source: Source::Flag($crate::settings_flag_name!(
                                &value, $kind $(($($flag)*))?
                            )),
                            value: ($from_file)(value),
                        },
                        (None, Some(value)) => Setting {
                            value: ($from_file)(value),
                            source: Source::File,
                        },
                        (None, None) => Setting {
                            value: $default,
                            source: Source::Default,
                        },
                    },
                )*
            }
        }

        impl Settings {
            /// The settings as `supple config` prints them, one per line with its source.
            pub fn lines(&self) -> Vec<String> {
                vec![$(
                    format!(
                        "{:<16} {:<22} {}",
                        stringify!($name),
                        ($show)(&self.$name.value),
                        self.$name.source
                    ),
                )*]
            }
        }
    };
}

/// The clap arguments of one setting's flag.
#[macro_export]
#[doc(hidden)]
macro_rules! settings_flag_args {
    ($cmd:ident, $name:ident, none) => {
        $cmd
    };
    ($cmd:ident, $name:ident, value($long:literal, $value_name:literal, $parser:expr, $help:literal)) => {
        $cmd.arg(
            clap::Arg::new(stringify!($name))
                .long($long)
                .value_name($value_name)
                .value_parser($parser)
                .help($help),
        )
    };
    ($cmd:ident, $name:ident, on($long:literal, $help:literal)) => {
        $cmd.arg(
            clap::Arg::new(stringify!($name))
                .long($long)
                .action(clap::ArgAction::SetTrue)
                .help($help),
        )
    };
    ($cmd:ident, $name:ident, switch($on:literal, $on_help:literal, $off:literal, $off_help:literal)) => {
        $cmd.arg(
            clap::Arg::new(stringify!($name))
                .long($on)
                .action(clap::ArgAction::SetTrue)
                .conflicts_with($off)
                .help($on_help),
        )
        .arg(
            clap::Arg::new($off)
                .long($off)
                .action(clap::ArgAction::SetTrue)
                .help($off_help),
        )
    };
}

/// One setting's value as the command line gave it, or `None`.
#[macro_export]
#[doc(hidden)]
macro_rules! settings_flag_value {
    ($m:ident, $name:ident, $fty:ty, none) => {
        None
    };
    ($m:ident, $name:ident, $fty:ty, value($($rest:tt)*)) => {
        $m.get_one::<$fty>(stringify!($name)).cloned()
    };
    ($m:ident, $name:ident, $fty:ty, on($($rest:tt)*)) => {
        $m.get_flag(stringify!($name)).then_some(true)
    };
    ($m:ident, $name:ident, $fty:ty, switch($on:literal, $on_help:literal, $off:literal, $off_help:literal)) => {
        match ($m.get_flag(stringify!($name)), $m.get_flag($off)) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        }
    };
}

/// The flag that set a value, as `supple config` names it ("--no-sound").
#[macro_export]
#[doc(hidden)]
macro_rules! settings_flag_name {
    ($value:expr, none) => {{
        let _ = $value;
        ""
    }};
    ($value:expr, value($long:literal, $($rest:tt)*)) => {{
        let _ = $value;
        concat!("--", $long)
    }};
    ($value:expr, on($long:literal, $($rest:tt)*)) => {{
        let _ = $value;
        concat!("--", $long)
    }};
    ($value:expr, switch($on:literal, $on_help:literal, $off:literal, $off_help:literal)) => {
        if *$value {
            concat!("--", $on)
        } else {
            concat!("--", $off)
        }
    };
}
