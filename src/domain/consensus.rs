//! Combining several participants' answers to one question: the consensus
//! (median in steps, N=0 .. F=3), the spread (max − min in steps) and the
//! effective answer that drives the score (an agreed answer wins).
//!
//! Only N/P/L/F answers are scored. When nobody gave a scored answer, the
//! question is not applicable if someone said N/A, otherwise unanswered.

use super::assessment::Answer;
use serde::Serialize;

/// Tally of one question's answers across participants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Tally {
    /// How many participants answered N, P, L, F.
    pub steps: [u16; 4],
    pub not_applicable: u16,
    pub dont_know: u16,
}

impl Tally {
    /// Counts one answer.
    pub fn add(&mut self, answer: Answer) {
        match answer.steps() {
            Some(s) => self.steps[s as usize] += 1,
            None if answer == Answer::NA => self.not_applicable += 1,
            None => self.dont_know += 1,
        }
    }

    /// Tally of a list of answers.
    pub fn of(answers: impl IntoIterator<Item = Answer>) -> Tally {
        let mut t = Tally::default();
        for a in answers {
            t.add(a);
        }
        t
    }

    /// Number of scored (N/P/L/F) answers.
    pub fn scored(&self) -> u16 {
        self.steps.iter().sum()
    }

    /// Lowest scored step.
    pub fn min(&self) -> Option<u8> {
        (0..4u8).find(|&s| self.steps[s as usize] > 0)
    }

    /// Highest scored step.
    pub fn max(&self) -> Option<u8> {
        (0..4u8).rev().find(|&s| self.steps[s as usize] > 0)
    }

    /// The answers counted, in scale order, each with its code: N, P, L, F,
    /// then N/A and "?" (don't know); answers nobody gave are left out.
    pub fn counts(&self) -> Vec<(&'static str, u16)> {
        let mut v: Vec<(&'static str, u16)> = ["N", "P", "L", "F"].into_iter().zip(self.steps).collect();
        v.push(("N/A", self.not_applicable));
        v.push(("?", self.dont_know));
        v.retain(|(_, n)| *n > 0);
        v
    }

    /// Everyone who answered, whatever the answer.
    pub fn answered(&self) -> u16 {
        self.scored() + self.not_applicable + self.dont_know
    }

    /// The distribution in words: "N 3 · P 8 · L 6 · F 3" (and "· N/A 1",
    /// "· ? 2"), with "· 2 not answered" when `people` is more than answered.
    pub fn summary(&self, people: usize) -> String {
        let mut parts: Vec<String> = self.counts().into_iter().map(|(c, n)| format!("{c} {n}")).collect();
        let open = people.saturating_sub(self.answered() as usize);
        if open > 0 {
            parts.push(format!("{open} not answered"));
        }
        if parts.is_empty() {
            return "No answers yet".into();
        }
        parts.join(" · ")
    }

    /// Spread in steps (max − min), 0 when fewer than two scored answers.
    pub fn spread(&self) -> u8 {
        match (self.min(), self.max()) {
            (Some(lo), Some(hi)) => hi - lo,
            _ => 0,
        }
    }

    /// The k-th smallest scored step (0-based).
    fn nth(&self, k: u16) -> u8 {
        let mut seen = 0;
        for s in 0..4u8 {
            seen += self.steps[s as usize];
            if k < seen {
                return s;
            }
        }
        3
    }

    /// The two middle scored answers (in steps) of an even count when they
    /// differ by two steps or more: the group is split and the median is an
    /// answer nobody may have given (10 N and 10 L: P). `None` otherwise.
    pub fn split(&self) -> Option<(u8, u8)> {
        let n = self.scored();
        if n < 2 || n % 2 == 1 {
            return None;
        }
        let (lo, hi) = (self.nth((n - 1) / 2), self.nth(n / 2));
        (hi - lo >= 2).then_some((lo, hi))
    }

    /// Where a group stands, for a facilitator: two camps (the two middle
    /// answers two steps or more apart), no majority (answers two steps or
    /// more apart and none held by more than half), or a median worth naming.
    /// `None` without scored answers.
    pub fn stance(&self) -> Option<Stance> {
        let n = self.scored();
        let median = self.median()?;
        if let Some((lo, hi)) = self.split() {
            let below: u16 = self.steps[..=lo as usize].iter().sum();
            let above: u16 = self.steps[hi as usize..].iter().sum();
            return Some(Stance::Camps {
                low: (lo, below),
                high: (hi, above),
                low_or_lower: below > self.steps[lo as usize],
                high_or_higher: above > self.steps[hi as usize],
            });
        }
        // One answer held by more than half the group: its median stands.
        let most = self.steps.iter().copied().max().unwrap_or(0);
        if self.spread() >= 2 && most * 2 <= n {
            return Some(Stance::NoMajority);
        }
        Some(Stance::Median(median))
    }

    /// Median in steps (0.0..=3.0, halves possible for even counts).
    pub fn median(&self) -> Option<f64> {
        let n = self.scored();
        if n == 0 {
            return None;
        }
        let lo = self.nth((n - 1) / 2) as f64;
        let hi = self.nth(n / 2) as f64;
        Some((lo + hi) / 2.0)
    }
}

/// Where a group's answers to one question stand ([`Tally::stance`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stance {
    /// Two camps two steps or more apart: (step, how many) each side; "or
    /// lower" / "or higher" when a side holds more than one answer.
    Camps { low: (u8, u16), high: (u8, u16), low_or_lower: bool, high_or_higher: bool },
    /// Spread over the scale, no answer held by half the group.
    NoMajority,
    /// A median that stands for the group (steps, halves possible).
    Median(f64),
}

impl Stance {
    /// In words: "Split: 10 say N, 10 say L — agree an answer", "No majority —
    /// agree an answer", "median P", "median between P and L".
    pub fn text(self) -> String {
        match self {
            Stance::Camps { .. } | Stance::NoMajority => format!("{} — agree an answer", self.described()),
            Stance::Median(_) => self.described(),
        }
    }

    /// The answers' shape without the prompt: "Split: 10 say N, 10 say L",
    /// "No majority", "median P" (for a question already agreed).
    pub fn described(self) -> String {
        let letter = |s: u8| Answer::from_steps(s).map(|a| a.code()).unwrap_or("?");
        let say =
            |(s, c): (u8, u16), more: &str| format!("{c} {} {}{more}", if c == 1 { "says" } else { "say" }, letter(s));
        match self {
            Stance::Camps { low, high, low_or_lower, high_or_higher } => format!(
                "Split: {}, {}",
                say(low, if low_or_lower { " or lower" } else { "" }),
                say(high, if high_or_higher { " or higher" } else { "" })
            ),
            Stance::NoMajority => "No majority".into(),
            Stance::Median(m) if m.fract() == 0.0 => format!("median {}", letter(m as u8)),
            Stance::Median(m) => format!("median between {} and {}", letter(m.floor() as u8), letter(m.ceil() as u8)),
        }
    }
}

/// The answer that drives the score of one question.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Effective {
    /// Scored: steps 0.0..=3.0 (halves from an even-count median).
    Scored(f64),
    NotApplicable,
    /// No scored answer; `dont_know` when someone said "don't know".
    Unanswered {
        dont_know: bool,
    },
}

impl Effective {
    /// The effective answer from an agreed answer (if any) or the tally.
    pub fn resolve(agreed: Option<Answer>, tally: &Tally) -> Effective {
        if let Some(a) = agreed {
            return match a.steps() {
                Some(s) => Effective::Scored(s as f64),
                None if a == Answer::NA => Effective::NotApplicable,
                None => Effective::Unanswered { dont_know: true },
            };
        }
        match tally.median() {
            Some(m) => Effective::Scored(m),
            None if tally.not_applicable > 0 => Effective::NotApplicable,
            None => Effective::Unanswered { dont_know: tally.dont_know > 0 },
        }
    }

    /// Score in percent for scored answers.
    pub fn percent(self) -> Option<f64> {
        match self {
            Effective::Scored(s) => Some(s / 3.0 * 100.0),
            _ => None,
        }
    }

    /// Whether the effective answer is Fully.
    pub fn is_fully(self) -> bool {
        matches!(self, Effective::Scored(s) if s >= 3.0)
    }
}
