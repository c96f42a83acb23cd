//! The action plan read against results: which roadmap work a projection
//! counts as done (and the assessment as it would be then), and, in a
//! follow-up, what became of the baseline's planned items; and the executive
//! summary a manager reads first.

use super::assessment::{initiative_key, step_key, Agreed, Answer, Assessment, PlanEntry, PlanStatus, QuestionKey};
use super::results::{Horizon, Results, SupportBand};
use std::collections::BTreeSet;

/// Which roadmap work a projected result counts as done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Projection {
    /// The steps and initiatives marked done in the plan.
    Done,
    /// Those marked done or in progress.
    Started,
    /// Everything in this horizon and the ones before it, except what the
    /// plan dropped, and what is done or in progress in any horizon.
    Through(Horizon),
}

impl Projection {
    /// Every choice, in the order a form offers them.
    pub const ALL: [Projection; 5] = [
        Projection::Done,
        Projection::Started,
        Projection::Through(Horizon::Now),
        Projection::Through(Horizon::Next),
        Projection::Through(Horizon::Later),
    ];

    /// Its id in forms.
    pub fn id(self) -> &'static str {
        match self {
            Projection::Done => "done",
            Projection::Started => "started",
            Projection::Through(Horizon::Now) => "now",
            Projection::Through(Horizon::Next) => "next",
            Projection::Through(Horizon::Later) => "later",
        }
    }

    /// The choice with this id.
    pub fn from_id(id: &str) -> Option<Projection> {
        Projection::ALL.into_iter().find(|p| p.id() == id)
    }

    /// In words, completing "Projected when …".
    pub fn label(self) -> &'static str {
        match self {
            Projection::Done => "every item marked done is fully in place",
            Projection::Started => "every item done or in progress is finished and fully in place",
            Projection::Through(Horizon::Now) => "everything planned to start now is finished and fully in place",
            Projection::Through(Horizon::Next) => "everything planned for now and next is finished and fully in place",
            Projection::Through(Horizon::Later) => {
                "the whole roadmap, except dropped items, is finished and fully in place"
            }
        }
    }

    fn counts(self, status: PlanStatus, horizon: Horizon) -> bool {
        match self {
            Projection::Done => status == PlanStatus::Done,
            Projection::Started => matches!(status, PlanStatus::Done | PlanStatus::InProgress),
            // What is done or under way counts whatever its horizon: a best
            // case through Now is never below "done or in progress".
            Projection::Through(h) => {
                matches!(status, PlanStatus::Done | PlanStatus::InProgress)
                    || (status != PlanStatus::Dropped && horizon <= h)
            }
        }
    }
}

/// The questions whose answers the work `p` counts as done would raise: the
/// actions of each counted step, the items of each counted initiative, and
/// the items of any initiative that belong to a counted step.
pub fn projected_keys(a: &Assessment, r: &Results, p: Projection) -> BTreeSet<QuestionKey> {
    let status = |key: String| a.plan.get(&key).map(|e| e.status).unwrap_or_default();
    let mut keys = BTreeSet::new();
    let mut steps = BTreeSet::new();
    for s in &r.roadmap {
        if p.counts(status(step_key(&s.process, s.level)), s.horizon) {
            keys.extend(s.actions.iter().map(|x| x.key.clone()));
            steps.insert((s.process.as_str(), s.level));
        }
    }
    for i in &r.initiatives {
        let own = status(initiative_key(&i.id));
        if own == PlanStatus::Dropped {
            continue;
        }
        // Each item by its own step's horizon: "Now complete" does not raise
        // the part of an initiative that belongs to a Next step.
        keys.extend(
            i.processes
                .iter()
                .filter(|x| {
                    p.counts(own, Horizon::of_wave(x.wave)) || steps.contains(&(x.process.as_str(), x.step_level))
                })
                .map(|x| x.key.clone()),
        );
    }
    keys
}

/// The assessment as it would be once the work `p` counts is done: each of
/// its questions agreed "fully" (with a note saying it is projected). Evaluate
/// it with the same catalog for the projected result.
pub fn projected(a: &Assessment, r: &Results, p: Projection) -> Assessment {
    let mut next = a.clone();
    for key in projected_keys(a, r, p) {
        next.agreed.insert(key, Agreed { answer: Answer::F, note: "projected: planned work done".into() });
    }
    next
}

/// Where a planned item of a baseline stands in a follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The step's level is reached (an initiative: its practice is in place,
    /// answered Largely or Fully, in every process it served).
    Reached,
    /// An initiative in place in `done` of the `of` processes it served.
    Partly { done: usize, of: usize },
    /// Answered, and not reached.
    NotYet,
    /// The follow-up has no answers for it yet (or does not assess the process).
    NotAssessed,
}

impl Outcome {
    /// In words.
    pub fn label(self) -> String {
        match self {
            Outcome::Reached => "Reached".into(),
            Outcome::Partly { done, of } => format!("In place in {done} of {of} processes"),
            Outcome::NotYet => "Not reached yet".into(),
            Outcome::NotAssessed => "Not assessed in this follow-up yet".into(),
        }
    }
}

/// What became of one planned item of a baseline, seen from a follow-up.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanOutcome {
    /// The plan key.
    pub key: String,
    /// What it was, in words: "Change management → level 2".
    pub what: String,
    /// The plan as the baseline left it.
    pub entry: PlanEntry,
    pub outcome: Outcome,
}

/// The baseline's plan, item by item, against the follow-up's results: the
/// planned items (an owner, a date, a note or a status other than not
/// started) of the baseline's roadmap, in its order. Items whose step left
/// the baseline's roadmap are not listed. A process the follow-up has not
/// answered yet is "not assessed", never "not reached".
pub fn plan_outcomes(baseline: &Assessment, base: &Results, now: &Results) -> Vec<PlanOutcome> {
    let assessed = |process: &str| now.process(process).filter(|p| p.in_scope && p.answered > 0);
    let mut out = Vec::new();
    let planned = |key: &str| baseline.plan.get(key).filter(|e| !e.is_empty()).cloned();
    for (n, i) in base.initiatives.iter().enumerate() {
        let key = initiative_key(&i.id);
        if let Some(entry) = planned(&key) {
            let answered: Vec<bool> = i
                .processes
                .iter()
                .filter_map(|x| {
                    let q = assessed(&x.process)?.questions.iter().find(|q| q.key == x.key)?;
                    q.effective.percent().map(|pct| pct >= 66.0)
                })
                .collect();
            let (done, of) = (answered.iter().filter(|d| **d).count(), i.processes.len());
            let outcome = match done {
                _ if answered.is_empty() => Outcome::NotAssessed,
                d if d == of => Outcome::Reached,
                0 => Outcome::NotYet,
                d => Outcome::Partly { done: d, of },
            };
            let what = i.summary(n + 1);
            out.push(PlanOutcome { key, what, entry, outcome });
        }
    }
    for s in &base.roadmap {
        let key = step_key(&s.process, s.level);
        if let Some(entry) = planned(&key) {
            let outcome = match assessed(&s.process) {
                None => Outcome::NotAssessed,
                Some(p) if p.level >= s.level => Outcome::Reached,
                Some(_) => Outcome::NotYet,
            };
            out.push(PlanOutcome { key, what: format!("{} → level {}", s.process_name, s.level), entry, outcome });
        }
    }
    out
}

/// One objective the executive summary names as most at risk.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveRisk {
    pub name: String,
    pub importance: u8,
    /// Percent 0..=100.
    pub support: f64,
    pub band: SupportBand,
    /// Names of its weakest in-scope processes below target.
    pub weakest: Vec<String>,
}

/// One of the first steps of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstStep {
    /// "Change management → level 2".
    pub what: String,
    pub horizon: Horizon,
    /// Its plan, when it has one.
    pub plan: Option<PlanEntry>,
}

/// The executive summary's most urgent process at the lowest level: its
/// name, level, index and target, and how many processes share that level.
#[derive(Debug, Clone, PartialEq)]
pub struct Weakest {
    pub name: String,
    pub level: u8,
    pub index: f64,
    pub target: u8,
    /// In-scope processes at this level (1 when it is the only one).
    pub at_level: usize,
    /// None of its questions is answered yet: its level 0 is not a finding.
    pub unanswered: bool,
}

/// What a manager reads first: the floor level, how many processes are at
/// target, how complete the answers are, the objectives most at risk with the
/// processes that put them at risk, and the first steps of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct ExecutiveSummary {
    pub floor_level: Option<u8>,
    /// The process at the floor level (the most urgent of them on a tie).
    pub weakest: Option<Weakest>,
    pub mean_index: Option<f64>,
    pub in_scope: usize,
    /// In-scope processes with a target above 0, and how many of them meet it.
    pub with_target: usize,
    pub at_target: usize,
    /// Rated objectives with at least one process in scope (support known).
    pub rated_objectives: usize,
    /// Share of in-scope questions answered, 0.0..=1.0.
    pub completion: f64,
    /// Up to three rated objectives below 70 % support: the lower band first,
    /// then the more important, then the lower support.
    pub at_risk: Vec<ObjectiveRisk>,
    /// Up to three roadmap steps not dropped, in roadmap order.
    pub first_steps: Vec<FirstStep>,
}

/// The executive summary of results `r` of assessment `a`.
pub fn executive_summary(a: &Assessment, r: &Results) -> ExecutiveSummary {
    let name = |pid: &String| r.process(pid).map_or_else(|| pid.clone(), |p| p.name.clone());
    // Least supported first by band, then the more important, then the lower support.
    let mut rated: Vec<&super::results::ObjectiveSupport> =
        r.objectives.iter().filter(|o| o.support.is_some()).collect();
    super::sort::sort_stable(&mut rated, |a, b| {
        a.band()
            .cmp(&b.band())
            .then(b.importance.cmp(&a.importance))
            .then(a.support.unwrap_or(0.0).total_cmp(&b.support.unwrap_or(0.0)))
    });
    let rated_objectives = rated.len();
    let at_risk = rated
        .into_iter()
        .filter_map(|o| {
            let support = o.support?;
            let band = SupportBand::of(support);
            (band != SupportBand::Supported).then(|| ObjectiveRisk {
                name: o.name.clone(),
                importance: o.importance,
                support,
                band,
                weakest: o.weakest.iter().map(name).collect(),
            })
        })
        .take(3)
        .collect();
    let first_steps = r
        .roadmap
        .iter()
        .filter_map(|s| {
            let plan = a.plan.get(&step_key(&s.process, s.level)).cloned();
            // A step marked done that is still on the roadmap stays: the answers do not show it yet.
            let closed = plan.as_ref().is_some_and(|p| p.status == PlanStatus::Dropped);
            (!closed).then(|| FirstStep {
                what: format!("{} → level {}", s.process_name, s.level),
                horizon: s.horizon,
                plan,
            })
        })
        .take(3)
        .collect();
    let (at_target, with_target) = r.targets_met();
    ExecutiveSummary {
        floor_level: r.floor_level,
        weakest: r.in_scope_by_priority().into_iter().min_by_key(|p| p.level).map(|p| Weakest {
            name: p.name.clone(),
            level: p.level,
            index: p.index,
            target: p.target,
            at_level: r.in_scope().filter(|q| q.level == p.level).count(),
            unanswered: p.answered == 0,
        }),
        mean_index: r.mean_index,
        in_scope: r.in_scope().count(),
        with_target,
        at_target,
        rated_objectives,
        completion: r.completion(),
        at_risk,
        first_steps,
    }
}

impl ExecutiveSummary {
    /// The summary's first sentence: "Floor level 0: 3 processes are at level
    /// 0. Of these, Information security management has the highest priority
    /// (capability index 0.41, target level 3). Mean capability index of the
    /// 8 processes in scope: 1.02. 0 of the 8 processes with a target meet
    /// it. 100 % of the questions answered." With one process at the floor:
    /// "Floor level 0: Supplier management (…)."
    pub fn headline(&self) -> String {
        use super::results::index_text;
        let weakest = self.weakest.as_ref().map_or_else(String::new, |w| {
            let target = if w.target > 0 { format!(", target level {}", w.target) } else { String::new() };
            let figures = if w.unanswered {
                format!("(no answers yet, counted as level 0{target})")
            } else {
                format!("(capability index {}{target})", index_text(w.index))
            };
            let below = w.target > w.level;
            match w.at_level {
                1 => format!("Floor level {}: {} {figures}. ", w.level, w.name),
                // Priority names one of them only when it is below its target.
                n if below => format!(
                    "Floor level {}: {n} processes are at level {}. Of these, {} has the highest priority {figures}. ",
                    w.level, w.level, w.name
                ),
                n => format!("Floor level {}: {n} processes are at level {}, each at its target. ", w.level, w.level),
            }
        });
        let mean = self.mean_index.map_or_else(String::new, |m| {
            let of = match self.in_scope {
                1 => "the process in scope".to_string(),
                n => format!("the {n} processes in scope"),
            };
            format!("Mean capability index of {of}: {}. ", index_text(m))
        });
        let targets = match self.with_target {
            0 => "No process in scope has a target. ".to_string(),
            1 => format!("{} of the 1 process with a target meets it. ", self.at_target),
            n => format!("{} of the {n} processes with a target meet it. ", self.at_target),
        };
        format!("{weakest}{mean}{targets}{} of the questions answered.", super::results::percent_text(self.completion))
    }
}
