//! What the terminal can show, read from the environment as terminals and C libraries do.

/// The locale's character set is UTF-8: the first of LC_ALL, LC_CTYPE and LANG that is set
/// decides, as in the C library. With none set, UTF-8 is assumed, since every terminal of the
/// last decade is; a locale such as `C`, `POSIX` or `en_US.ISO-8859-1` gets plain ASCII.
pub fn utf8_locale() -> bool {
    utf8_locale_from(|name| std::env::var(name).ok())
}

/// [`utf8_locale`], with the environment given.
pub fn utf8_locale_from(var: impl Fn(&str) -> Option<String>) -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))
        .is_none_or(|locale| {
            let locale = locale.to_ascii_lowercase();
            locale.contains("utf-8") || locale.contains("utf8")
        })
}

/// The terminal cannot move its cursor (TERM unset or `dumb`: an editor's shell buffer, a
/// pipe to a log): the full screen would come out as garbage.
pub fn dumb() -> bool {
    dumb_from(std::env::var("TERM").ok().as_deref())
}

/// [`dumb`], with TERM given.
pub fn dumb_from(term: Option<&str>) -> bool {
    matches!(term, None | Some("" | "dumb"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_first_locale_variable_set_decides() {
        assert!(utf8_locale_from(env(&[])));
        assert!(utf8_locale_from(env(&[("LANG", "en_GB.UTF-8")])));
        assert!(utf8_locale_from(env(&[("LANG", "C.utf8")])));
        assert!(!utf8_locale_from(env(&[("LANG", "C")])));
        assert!(!utf8_locale_from(env(&[("LANG", "de_DE.ISO-8859-1")])));
        assert!(!utf8_locale_from(env(&[
            ("LC_ALL", "POSIX"),
            ("LANG", "en_US.UTF-8")
        ])));
        assert!(utf8_locale_from(env(&[
            ("LC_ALL", ""),
            ("LANG", "en_US.UTF-8")
        ])));
        assert!(utf8_locale_from(env(&[
            ("LC_CTYPE", "UTF-8"),
            ("LANG", "C")
        ])));
    }

    #[test]
    fn dumb_terminals_are_those_that_cannot_address_the_cursor() {
        assert!(dumb_from(None));
        assert!(dumb_from(Some("dumb")));
        assert!(dumb_from(Some("")));
        assert!(!dumb_from(Some("xterm-256color")));
        assert!(!dumb_from(Some("tmux-256color")));
    }
}
