//! The one error a bad content file produces: where, what, and how to fix it.

use std::fmt;

use crate::safe_text::quote;

/// A problem in a routine or exercise file, precise enough to fix without guessing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ContentError {
    /// The file as the user named it (or `built-in:<name>`).
    pub file: String,
    /// 1-based line and column, where the JSON parser knows them.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Field path such as `steps[2].seconds`, where known.
    pub path: Option<String>,
    /// What was found and what was expected.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl ContentError {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        ContentError {
            file: file.into(),
            line: None,
            column: None,
            path: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn at_path(mut self, path: impl Into<String>) -> Self {
        let path = path.into();
        self.path = (!path.is_empty()).then_some(path);
        self
    }

    pub fn at_line(mut self, line: usize, column: usize) -> Self {
        if line > 0 {
            self.line = Some(line);
            self.column = Some(column);
        }
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// How much of a path, or of a name quoted in a message, is echoed: enough to recognise it,
/// never 20 KB of a pasted mistake.
const PATH_CHARS: usize = 200;
const QUOTED_CHARS: usize = 60;

/// `text` with each part in backticks (a name found in the file, or a known one) quoted
/// harmlessly and cut to a readable length.
fn shorten_quoted(text: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                quote(part, QUOTED_CHARS)
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

impl fmt::Display for ContentError {
    /// `file:line:column: at path: message` and the fix on a line of its own. Whatever came
    /// from the file or the command line is escaped and shortened here, for every caller.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", quote(&self.file, PATH_CHARS))?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(path) = &self.path {
            write!(f, ": at {}", quote(path, PATH_CHARS))?;
        }
        write!(f, ": {}", shorten_quoted(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  fix: {}", shorten_quoted(hint))?;
        }
        Ok(())
    }
}
