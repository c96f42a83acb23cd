//! Capability scoring per ISO/IEC 33020: attribute achievement, N/P/L/F rating,
//! the gated capability level with the reasons it stops, the gated index, and
//! the suggested target level.
//!
//! - Achievement is a percentage 0..=100, the mean of answered question scores
//!   (N 0, P 33⅓, L 66⅔, F 100); N/A excluded; don't-know counts as unanswered.
//! - Rating: N 0–15 %, P >15–50 %, L >50–85 %, F >85–100 %.
//! - **Not applicable**: an attribute whose asked questions are all N/A is not
//!   applicable (`applicable == false`): it is left out of the gate and of the
//!   index, and never blocks.
//! - **Provisional**: a rated attribute whose scored answers cover fewer than
//!   half of its asked non-N/A questions (the rest unanswered or don't know).
//! - Level n is reached iff every applicable level-n attribute is rated L or F
//!   and every applicable attribute of every lower level is rated F. Unrated
//!   applicable attributes block. A level without an applicable attribute is
//!   passed when the levels below are. A process with no applicable attribute
//!   at all has nothing to rate: level 0, index 0.0, no blocker.
//! - Index (gated) = level reached + the mean achievement fraction of the next
//!   level's applicable attributes (unrated count 0), at most
//!   [`NEXT_LEVEL_CAP`], so it lies in [level, level + 1); 5.0 at level 5.
//! - [`index_parts`] is something else: each level's *own* mean achievement,
//!   for the explain view. The parts do not add up to the index.
//! - Target: from relevance bands and the organization's size band, level 5
//!   never, level 4 only for 251+ IT staff; below [`OUT_OF_SCOPE_BELOW`] no
//!   target is suggested (see [`suggested_target`]).

use super::assessment::SizeBand;
use super::attribute::Attribute;
use serde::Serialize;

/// An attribute rating on the N/P/L/F scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Rating {
    N,
    P,
    L,
    F,
}

impl Rating {
    /// The single letter.
    pub fn code(self) -> &'static str {
        match self {
            Rating::N => "N",
            Rating::P => "P",
            Rating::L => "L",
            Rating::F => "F",
        }
    }
    /// The word for the rating.
    pub fn word(self) -> &'static str {
        match self {
            Rating::N => "Not achieved",
            Rating::P => "Partially achieved",
            Rating::L => "Largely achieved",
            Rating::F => "Fully achieved",
        }
    }
    /// The achievement band in words, as shown in "explain this score".
    pub fn band(self) -> &'static str {
        match self {
            Rating::N => "0–15 %",
            Rating::P => "more than 15 % up to 50 %",
            Rating::L => "more than 50 % up to 85 %",
            Rating::F => "more than 85 %",
        }
    }
}

/// The rating for an achievement percentage (boundaries belong to the lower band).
pub fn rating(achievement: f64) -> Rating {
    // A tiny tolerance so that 50.000000001 from float sums still counts as 50.
    const EPS: f64 = 1e-9;
    if achievement <= 15.0 + EPS {
        Rating::N
    } else if achievement <= 50.0 + EPS {
        Rating::P
    } else if achievement <= 85.0 + EPS {
        Rating::L
    } else {
        Rating::F
    }
}

/// Achievement and rating of one attribute of one process.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttributeScore {
    pub attribute: Attribute,
    pub level: u8,
    /// Mean score of the answered questions, percent; `None` when unrated.
    pub achievement: Option<f64>,
    pub rating: Option<Rating>,
    /// Questions asked in the current mode.
    pub asked: usize,
    /// Questions with a scored answer (N/P/L/F or a scored consensus).
    pub answered: usize,
    pub not_applicable: usize,
    pub dont_know: usize,
    /// `false` when every asked question is N/A: left out of gate and index.
    pub applicable: bool,
    /// Rated from fewer than half of its asked non-N/A questions.
    pub provisional: bool,
}

impl AttributeScore {
    /// Builds the score from the scored answers in percent (unanswered, DK and
    /// N/A questions are only counted in `asked`, `na` and `dk`).
    pub fn from_scores(attribute: Attribute, scores: &[f64], asked: usize, na: usize, dk: usize) -> Self {
        let level = attribute.level();
        let achievement = if scores.is_empty() { None } else { Some(scores.iter().sum::<f64>() / scores.len() as f64) };
        let applicable = !(asked > 0 && na >= asked);
        AttributeScore {
            attribute,
            level,
            achievement,
            rating: achievement.map(rating),
            asked,
            answered: scores.len(),
            not_applicable: na,
            dont_know: dk,
            applicable,
            provisional: applicable && !scores.is_empty() && scores.len() * 2 < asked.saturating_sub(na),
        }
    }

    /// The state in words for the explain view: "67 % · L", "not applicable",
    /// "unrated", with "(provisional: 1 of 7 answered)" when it applies.
    pub fn describe(&self) -> String {
        if !self.applicable {
            return "not applicable (every question answered N/A)".into();
        }
        match (self.achievement, self.rating) {
            (Some(pct), Some(r)) if self.provisional => format!(
                "{pct:.0} % · {} (provisional: rated from {} of {} applicable questions)",
                r.code(),
                self.answered,
                self.asked - self.not_applicable
            ),
            (Some(pct), Some(r)) => format!("{pct:.0} % · {}", r.code()),
            _ if self.asked == 0 => "not asked (beyond one level above the target)".into(),
            _ => "unrated: no answered question".into(),
        }
    }
}

/// Why a process does not reach the next capability level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Blocker {
    /// The attribute has no answered question, so it cannot be rated.
    Unrated { attribute: Attribute },
    /// The attribute's questions are beyond the depth chosen (up to one
    /// level above the target), so none was asked.
    NotAsked { attribute: Attribute },
    /// An attribute of the next level is rated N or P; it needs L or F.
    BelowLargely { attribute: Attribute, rating: Rating },
    /// An attribute of a lower level is rated L or less; it needs F.
    LowerNotFully { attribute: Attribute, rating: Rating },
}

impl Blocker {
    /// The attribute concerned.
    pub fn attribute(&self) -> Attribute {
        match self {
            Blocker::Unrated { attribute }
            | Blocker::NotAsked { attribute }
            | Blocker::BelowLargely { attribute, .. }
            | Blocker::LowerNotFully { attribute, .. } => *attribute,
        }
    }
    /// One sentence for the explain view.
    pub fn describe(&self) -> String {
        match self {
            Blocker::Unrated { attribute } => {
                format!("{attribute} has no answered question yet, so it cannot be rated")
            }
            Blocker::NotAsked { attribute } => format!(
                "{attribute} was not asked: this assessment goes up to one level above each target; choose the \
                 full assessment on the scope page to rate it"
            ),
            Blocker::BelowLargely { attribute, rating } => {
                format!("{attribute} is rated {} ({}); it needs at least L", rating.code(), rating.word())
            }
            Blocker::LowerNotFully { attribute, rating } => format!(
                "{attribute} is rated {} ({}); every attribute of a lower level must be F",
                rating.code(),
                rating.word()
            ),
        }
    }
}

/// The gated capability level and, when below 5, what blocks the next level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Capability {
    pub level: u8,
    pub blockers: Vec<Blocker>,
}

/// What stops `attrs` from reaching `level`; empty when it is reached.
/// Attributes that are not applicable never block.
pub fn blockers_for(attrs: &[AttributeScore], level: u8) -> Vec<Blocker> {
    let mut out = Vec::new();
    for a in attrs.iter().filter(|a| a.level <= level && a.applicable) {
        match a.rating {
            None if a.asked == 0 => out.push(Blocker::NotAsked { attribute: a.attribute }),
            None => out.push(Blocker::Unrated { attribute: a.attribute }),
            Some(r) if a.level == level && r < Rating::L => {
                out.push(Blocker::BelowLargely { attribute: a.attribute, rating: r })
            }
            Some(r) if a.level < level && r < Rating::F => {
                out.push(Blocker::LowerNotFully { attribute: a.attribute, rating: r })
            }
            Some(_) => {}
        }
    }
    out
}

/// The capability level per the gate rule, with the blockers of the next level.
pub fn capability(attrs: &[AttributeScore]) -> Capability {
    if !attrs.iter().any(|a| a.applicable) {
        return Capability { level: 0, blockers: Vec::new() };
    }
    let mut level = 0;
    for n in 1..=5u8 {
        if blockers_for(attrs, n).is_empty() {
            level = n;
        } else {
            break;
        }
    }
    let blockers = if level < 5 { blockers_for(attrs, level + 1) } else { Vec::new() };
    Capability { level, blockers }
}

/// The highest share of the next level the index shows while that level is
/// not reached (its own attributes may all be F while a lower one is not).
pub const NEXT_LEVEL_CAP: f64 = 0.99;

/// Mean achievement fraction (0.0..=1.0) of the applicable attributes of one
/// level, unrated counting 0; `None` when the level has no applicable attribute.
fn level_mean(attrs: &[AttributeScore], level: u8) -> Option<f64> {
    let of_level: Vec<_> = attrs.iter().filter(|a| a.level == level && a.applicable).collect();
    (!of_level.is_empty())
        .then(|| of_level.iter().map(|a| a.achievement.unwrap_or(0.0) / 100.0).sum::<f64>() / of_level.len() as f64)
}

/// Each level's own mean achievement (level 1 first), 0.0..=1.0 each, over
/// its applicable attributes (0.0 for a level with none): what the explain
/// view shows beside the gate. These are *not* shares of the gated index and
/// do not add up to it; see [`capability_index`].
pub fn index_parts(attrs: &[AttributeScore]) -> [f64; 5] {
    let mut parts = [0.0; 5];
    for (n, part) in (1..=5u8).zip(parts.iter_mut()) {
        *part = level_mean(attrs, n).unwrap_or(0.0);
    }
    parts
}

/// The gated capability index 0.0..=5.0: the level reached plus the mean
/// achievement of the next level's applicable attributes, capped at
/// [`NEXT_LEVEL_CAP`], so it lies in [level, level + 1); 5.0 at level 5.
pub fn capability_index(attrs: &[AttributeScore]) -> f64 {
    let level = capability(attrs).level;
    if level >= 5 {
        return 5.0;
    }
    if !attrs.iter().any(|a| a.applicable) {
        return 0.0;
    }
    level as f64 + level_mean(attrs, level + 1).unwrap_or(0.0).min(NEXT_LEVEL_CAP)
}

/// Below this relevance no target is suggested: the process is out of scope by default.
pub const OUT_OF_SCOPE_BELOW: u8 = 15;

/// A suggested target level with its reason in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TargetSuggestion {
    /// `None`: out of scope by default.
    pub level: Option<u8>,
    /// "relevance 72 → level 3", or why it is capped, or why there is none.
    pub reason: String,
}

/// The highest level suggested for an IT organization of this size: 2 for
/// 1–10 people, 3 for 11–250 or an unknown size, 4 for 251 and more.
pub fn size_cap(size: Option<SizeBand>) -> u8 {
    match size {
        Some(SizeBand::Tiny) => 2,
        Some(SizeBand::Small | SizeBand::Medium) | None => 3,
        Some(SizeBand::Large | SizeBand::Huge) => 4,
    }
}

/// The level the relevance alone suggests: ≥ 80 → 4, ≥ 50 → 3, ≥ 30 → 2,
/// ≥ [`OUT_OF_SCOPE_BELOW`] → 1, else none. Never 5.
pub fn relevance_band(relevance: u8) -> Option<u8> {
    match relevance {
        80.. => Some(4),
        50.. => Some(3),
        30.. => Some(2),
        r if r >= OUT_OF_SCOPE_BELOW => Some(1),
        _ => None,
    }
}

/// The suggested target for a relevance 0..=100 and the organization's size:
/// the relevance band ([`relevance_band`]) capped by [`size_cap`], with the reason.
pub fn suggested_target(relevance: u8, size: Option<SizeBand>) -> TargetSuggestion {
    let Some(band) = relevance_band(relevance) else {
        return TargetSuggestion {
            level: None,
            reason: format!(
                "relevance {relevance} is below {OUT_OF_SCOPE_BELOW}: no target suggested, out of scope by default"
            ),
        };
    };
    let cap = size_cap(size);
    if band <= cap {
        return TargetSuggestion { level: Some(band), reason: format!("relevance {relevance} → level {band}") };
    }
    let why = match size {
        Some(SizeBand::Tiny) => "for an IT organization of 1–10 people".to_string(),
        Some(SizeBand::Small) => "for an IT organization of 11–50 people".to_string(),
        Some(SizeBand::Medium) => "for an IT organization of 51–250 people".to_string(),
        Some(s) => format!("for an IT organization of {}", s.label()),
        None => "because the size of the IT organization is not set".to_string(),
    };
    TargetSuggestion {
        level: Some(cap),
        reason: format!("relevance {relevance} would suggest level {band}; capped at {cap} {why}"),
    }
}
