//! Messages and locale formatting.
//!
//! A small typed catalogue (`messages.rs`) rather than an i18n crate: every
//! key is an enum variant and each locale is an exhaustive `match`, so a
//! missing translation does not compile, and the bundle carries no runtime
//! parser. Numbers, dates, plurals and relative days go through the
//! browser's `Intl` (`format.rs`), which knows each locale's rules.

mod format;
mod labels;
mod messages;
mod words;

pub use format::*;
pub use labels::*;
pub use messages::Msg;
pub use words::*;

/// The page's languages. Any other browser language falls back to en-US.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    EnUs,
    ItIt,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::EnUs, Locale::ItIt];

    /// The BCP 47 tag, for `Intl` and `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::EnUs => "en-US",
            Locale::ItIt => "it-IT",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::EnUs => "English",
            Locale::ItIt => "Italiano",
        }
    }

    /// Reads a browser language (`it`, `it-IT`, `it-CH`, `en-GB`, ...).
    pub fn from_tag(tag: &str) -> Locale {
        if tag.trim().to_ascii_lowercase().starts_with("it") {
            Locale::ItIt
        } else {
            Locale::EnUs
        }
    }

    /// A static message in this locale.
    pub fn t(self, m: Msg) -> &'static str {
        messages::text(self, m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_languages() {
        assert_eq!(Locale::from_tag("it"), Locale::ItIt);
        assert_eq!(Locale::from_tag("it-CH"), Locale::ItIt);
        assert_eq!(Locale::from_tag("en-GB"), Locale::EnUs);
        assert_eq!(Locale::from_tag("fr-FR"), Locale::EnUs);
        assert_eq!(Locale::from_tag(""), Locale::EnUs);
    }
}
