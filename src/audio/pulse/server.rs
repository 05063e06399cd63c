//! Where a sound server listens, found as libpulse finds it, and the cookie that lets a
//! client in.

use std::ffi::OsString;
use std::path::PathBuf;

/// Where a sound server listens, and the cookie that lets a client in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    pub socket: PathBuf,
    /// `None`: none was found (PipeWire asks for none; PulseAudio turns a client away).
    pub cookie: Option<PathBuf>,
}

impl Server {
    /// The server the environment points to, found as libpulse finds it: `PULSE_SERVER` (a
    /// local socket, `unix:PATH` or a path: this client speaks to no other), else
    /// `$PULSE_RUNTIME_PATH/native`, else `$XDG_RUNTIME_DIR/pulse/native`; with the cookie from
    /// `PULSE_COOKIE`, else the first of `$XDG_CONFIG_HOME/pulse/cookie`,
    /// `~/.config/pulse/cookie` and `~/.pulse-cookie` that exists. `var` reads a variable.
    /// Where there is none, why.
    pub fn find(var: impl Fn(&str) -> Option<OsString>) -> Result<Server, String> {
        let var = |name: &str| var(name).filter(|v| !v.is_empty());
        let socket = match var("PULSE_SERVER") {
            Some(servers) => {
                let servers = servers.to_string_lossy();
                local_socket(&servers).ok_or_else(|| {
                    format!("PULSE_SERVER={servers} names no local socket, the only kind supple speaks to")
                })?
            }
            None => var("PULSE_RUNTIME_PATH")
                .map(|dir| PathBuf::from(dir).join("native"))
                .or_else(|| {
                    var("XDG_RUNTIME_DIR").map(|dir| PathBuf::from(dir).join("pulse/native"))
                })
                .ok_or("no sound server: XDG_RUNTIME_DIR is not set")?,
        };
        if !socket.exists() {
            return Err(format!("no sound server at {}", socket.display()));
        }
        let home = var("HOME").map(PathBuf::from);
        let cookie = [
            var("PULSE_COOKIE").map(PathBuf::from),
            var("XDG_CONFIG_HOME").map(|dir| PathBuf::from(dir).join("pulse/cookie")),
            home.as_ref().map(|home| home.join(".config/pulse/cookie")),
            home.map(|home| home.join(".pulse-cookie")),
        ]
        .into_iter()
        .flatten()
        .find(|path| path.is_file());
        Ok(Server { socket, cookie })
    }
}

/// The first local socket in a `PULSE_SERVER` list (`unix:/run/user/1000/pulse/native` or a
/// path, each perhaps after a `{machine-id}`); `None` where it names only remote servers.
fn local_socket(servers: &str) -> Option<PathBuf> {
    servers.split_whitespace().find_map(|entry| {
        let entry = match entry.strip_prefix('{') {
            Some(rest) => rest.split_once('}')?.1,
            None => entry,
        };
        let path = entry.strip_prefix("unix:").unwrap_or(entry);
        path.starts_with('/').then(|| PathBuf::from(path))
    })
}
