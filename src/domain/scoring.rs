//! Capability scoring per ISO/IEC 33020: attribute achievement, N/P/L/F rating,
//! the gated capability level with the reasons it stops, and the continuous index.
//!
//! - Achievement is a percentage 0..=100, the mean of answered question scores
//!   (N 0, P 33⅓, L 66⅔, F 100); N/A excluded; don't-know counts as unanswered.
//! - Rating: N 0–15 %, P >15–50 %, L >50–85 %, F >85–100 %.
//! - Level n is reached iff every level-n attribute is rated L or F and every
//!   attribute of every lower level is rated F. Unrated attributes block.
//! - Index = Σ over levels 1..=5 of the mean achievement fraction of the level's
//!   attributes (unrated attributes count 0), so 0.0..=5.0.

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
}

impl AttributeScore {
    /// Builds the score from question scores in percent (`None` = unanswered or DK).
    pub fn from_scores(attribute: Attribute, scores: &[f64], asked: usize, na: usize, dk: usize) -> Self {
        let level = attribute.level();
        let achievement = if scores.is_empty() { None } else { Some(scores.iter().sum::<f64>() / scores.len() as f64) };
        AttributeScore {
            attribute,
            level,
            achievement,
            rating: achievement.map(rating),
            asked,
            answered: scores.len(),
            not_applicable: na,
            dont_know: dk,
        }
    }
}

/// Why a process does not reach the next capability level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Blocker {
    /// The attribute has no answered question, so it cannot be rated.
    Unrated { attribute: Attribute },
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
pub fn blockers_for(attrs: &[AttributeScore], level: u8) -> Vec<Blocker> {
    let mut out = Vec::new();
    for a in attrs.iter().filter(|a| a.level <= level) {
        match a.rating {
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

/// Each level's share of the capability index (level 1 first), 0.0..=1.0 each.
pub fn index_parts(attrs: &[AttributeScore]) -> [f64; 5] {
    let mut parts = [0.0; 5];
    for (n, part) in (1..=5u8).zip(parts.iter_mut()) {
        let level: Vec<_> = attrs.iter().filter(|a| a.level == n).collect();
        if !level.is_empty() {
            *part = level.iter().map(|a| a.achievement.unwrap_or(0.0) / 100.0).sum::<f64>() / level.len() as f64;
        }
    }
    parts
}

/// The continuous capability index 0.0..=5.0: the sum of [`index_parts`].
pub fn capability_index(attrs: &[AttributeScore]) -> f64 {
    index_parts(attrs).iter().sum()
}

/// The suggested target level for a relevance 0..=100; `None` = out of scope.
pub fn suggested_target(relevance: u8) -> Option<u8> {
    match relevance {
        75.. => Some(4),
        50.. => Some(3),
        25.. => Some(2),
        1.. => Some(1),
        0 => None,
    }
}
