//! The nine process attributes of ISO/IEC 33020 (PA1.1 .. PA5.2) as one enum,
//! each with its capability level. Files spell them "PA2.1"; the code never does.

use serde::{Serialize, Serializer};
use std::fmt;

/// A process attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Attribute {
    Pa11,
    Pa21,
    Pa22,
    Pa31,
    Pa32,
    Pa41,
    Pa42,
    Pa51,
    Pa52,
}

impl Attribute {
    /// All nine, in level order (PA1.1 first).
    pub const ALL: [Attribute; 9] = [
        Attribute::Pa11,
        Attribute::Pa21,
        Attribute::Pa22,
        Attribute::Pa31,
        Attribute::Pa32,
        Attribute::Pa41,
        Attribute::Pa42,
        Attribute::Pa51,
        Attribute::Pa52,
    ];

    /// The id as written in files and shown to users: "PA2.1".
    pub fn id(self) -> &'static str {
        match self {
            Attribute::Pa11 => "PA1.1",
            Attribute::Pa21 => "PA2.1",
            Attribute::Pa22 => "PA2.2",
            Attribute::Pa31 => "PA3.1",
            Attribute::Pa32 => "PA3.2",
            Attribute::Pa41 => "PA4.1",
            Attribute::Pa42 => "PA4.2",
            Attribute::Pa51 => "PA5.1",
            Attribute::Pa52 => "PA5.2",
        }
    }

    /// The capability level the attribute belongs to (1..=5).
    /// What the attribute means, in plain words for managers ("work is planned").
    pub fn plain(self) -> &'static str {
        match self {
            Attribute::Pa11 => "the work gets done",
            Attribute::Pa21 => "work is planned",
            Attribute::Pa22 => "outputs are controlled",
            Attribute::Pa31 => "one standard way",
            Attribute::Pa32 => "the standard is used",
            Attribute::Pa41 => "it is measured",
            Attribute::Pa42 => "steered by the figures",
            Attribute::Pa51 => "improved on purpose",
            Attribute::Pa52 => "changes carried through",
        }
    }
    /// A one-word column heading for charts ("Planned").
    pub fn heading(self) -> &'static str {
        match self {
            Attribute::Pa11 => "Done",
            Attribute::Pa21 => "Planned",
            Attribute::Pa22 => "Controlled",
            Attribute::Pa31 => "Standard",
            Attribute::Pa32 => "Used",
            Attribute::Pa41 => "Measured",
            Attribute::Pa42 => "Steered",
            Attribute::Pa51 => "Improved",
            Attribute::Pa52 => "Rolled out",
        }
    }
    pub fn level(self) -> u8 {
        match self {
            Attribute::Pa11 => 1,
            Attribute::Pa21 | Attribute::Pa22 => 2,
            Attribute::Pa31 | Attribute::Pa32 => 3,
            Attribute::Pa41 | Attribute::Pa42 => 4,
            Attribute::Pa51 | Attribute::Pa52 => 5,
        }
    }

    /// The attribute with this id ("PA2.1"), if it is one of the nine.
    pub fn parse(id: &str) -> Option<Attribute> {
        Attribute::ALL.into_iter().find(|a| a.id() == id)
    }
}

impl fmt::Display for Attribute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Attribute {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}
