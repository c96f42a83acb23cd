//! The assessment: plain data about one organization's assessment, and every
//! change to it as an [`Action`] applied by [`Assessment::apply`].
//!
//! Invariants kept by `apply` (it refuses an action that would break them):
//! - objective importance is 0..=5, service criticality 1..=5, target levels 0..=5;
//! - there is always at least one participant, and `active` names one of them;
//! - ids of services, custom objectives, participants and strategy decisions
//!   are unique;
//! - a decision's text is 1..=[`MAX_DECISION_TEXT`] characters, it names a
//!   rated catalog objective or a custom objective when added or edited, and
//!   it links only listed services, each once. Removing a service unlinks it;
//!   removing a custom objective removes its decisions; rating a catalog
//!   objective 0 keeps its decisions (they pass nothing on until it is rated).
//!
//! - an action-plan entry belongs to a roadmap step (`step:<process>:<level>`)
//!   or a shared initiative (`initiative:<generic question id>`), its due date
//!   is a date or empty, and an entry with nothing in it is removed. Entries
//!   stay when their step is reached or leaves the roadmap: they are the record
//!   of what was planned.
//!
//! Answers are keyed by [`QuestionKey`] (`"process/question"`). Keys the loaded
//! catalog does not know are kept untouched (they may belong to another catalog
//! version) and reported by evaluation, never dropped.

use super::catalog::{Audience, Catalog, ChangeRate, ProcessWeight, Sourcing, Template};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Longest name (organization, service, objective, participant) accepted.
pub const MAX_NAME: usize = 120;
/// Longest free text (descriptions, context, notes, rationales) accepted.
pub const MAX_TEXT: usize = 4000;
/// Most services one assessment may list.
pub const MAX_SERVICES: usize = 100;
/// Most custom objectives one assessment may hold.
pub const MAX_CUSTOM_OBJECTIVES: usize = 30;
/// Most participants one assessment may hold.
pub const MAX_PARTICIPANTS: usize = 60;
/// Most strategy decisions one assessment may hold.
pub const MAX_DECISIONS: usize = 100;
/// Longest decision text accepted (a decision is one short sentence).
pub const MAX_DECISION_TEXT: usize = 300;
/// Most action-plan entries one assessment may hold.
pub const MAX_PLAN_ENTRIES: usize = 1000;
/// Longest action-plan key accepted.
const MAX_PLAN_KEY: usize = 200;

/// One answer on the N/P/L/F scale, or not applicable, or don't know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Answer {
    N,
    P,
    L,
    F,
    /// Not applicable: excluded from the score.
    NA,
    /// Don't know: counts as unanswered and goes on the follow-up list.
    DK,
}

impl Answer {
    /// All answers in button order.
    pub const ALL: [Answer; 6] = [Answer::N, Answer::P, Answer::L, Answer::F, Answer::NA, Answer::DK];

    /// Steps on the scale (N=0 .. F=3); `None` for NA and DK.
    pub fn steps(self) -> Option<u8> {
        match self {
            Answer::N => Some(0),
            Answer::P => Some(1),
            Answer::L => Some(2),
            Answer::F => Some(3),
            Answer::NA | Answer::DK => None,
        }
    }

    /// The answer for a number of steps 0..=3.
    pub fn from_steps(steps: u8) -> Option<Answer> {
        match steps {
            0 => Some(Answer::N),
            1 => Some(Answer::P),
            2 => Some(Answer::L),
            3 => Some(Answer::F),
            _ => None,
        }
    }

    /// Short code as written in files and CSV: N, P, L, F, NA, DK.
    pub fn code(self) -> &'static str {
        match self {
            Answer::N => "N",
            Answer::P => "P",
            Answer::L => "L",
            Answer::F => "F",
            Answer::NA => "NA",
            Answer::DK => "DK",
        }
    }

    /// Human label for buttons.
    pub fn label(self) -> &'static str {
        match self {
            Answer::N => "Not",
            Answer::P => "Partially",
            Answer::L => "Largely",
            Answer::F => "Fully",
            Answer::NA => "Not applicable",
            Answer::DK => "Don't know",
        }
    }
}

/// Identifies one question as asked of one process: `"process/question"`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QuestionKey(pub String);

impl QuestionKey {
    /// The key of `question` asked of `process`.
    pub fn new(process: &str, question: &str) -> QuestionKey {
        // Built by hand: `format!` costs several times as much, and every
        // evaluation (one per answer) makes a key per question asked.
        let mut key = String::with_capacity(process.len() + 1 + question.len());
        key.push_str(process);
        key.push('/');
        key.push_str(question);
        QuestionKey(key)
    }
    /// The process part, if the key is well formed.
    pub fn process(&self) -> Option<&str> {
        self.0.split_once('/').map(|(p, _)| p)
    }
    /// The question part, if the key is well formed.
    pub fn question(&self) -> Option<&str> {
        self.0.split_once('/').map(|(_, q)| q)
    }
}

impl fmt::Display for QuestionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Size band by number of IT staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SizeBand {
    #[serde(rename = "1-10")]
    Tiny,
    #[serde(rename = "11-50")]
    Small,
    #[serde(rename = "51-250")]
    Medium,
    #[serde(rename = "251-1000")]
    Large,
    #[serde(rename = "1000+")]
    Huge,
}

impl SizeBand {
    pub const ALL: [SizeBand; 5] = [SizeBand::Tiny, SizeBand::Small, SizeBand::Medium, SizeBand::Large, SizeBand::Huge];
    /// The label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            SizeBand::Tiny => "1–10 IT staff",
            SizeBand::Small => "11–50 IT staff",
            SizeBand::Medium => "51–250 IT staff",
            SizeBand::Large => "251–1000 IT staff",
            SizeBand::Huge => "more than 1000 IT staff",
        }
    }
}

/// The organization being assessed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Organization {
    pub name: String,
    /// The part of the organization assessed: a site, department, subsidiary
    /// or team (empty: the whole organization). Assessments of one
    /// organization are compared unit by unit and followed over time per unit.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub unit: String,
    pub size: Option<SizeBand>,
    pub sector: String,
    pub context: String,
}

/// An objective written by the user, mapped to processes by the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomObjective {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub importance: u8,
    #[serde(default)]
    pub processes: Vec<ProcessWeight>,
}

/// An IT service the business depends on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub criticality: u8,
    pub audience: Vec<Audience>,
    pub sourcing: Sourcing,
    pub change_rate: ChangeRate,
}

/// A strategy decision management takes to reach a business objective, and
/// the IT services it depends on: the link objective → decision → service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub id: String,
    /// The objective id (a catalog objective or a custom one).
    pub objective: String,
    /// "take orders on the website and by phone, phone staff using the website".
    pub text: String,
    /// Ids of the services the decision depends on.
    #[serde(default)]
    pub services: Vec<String>,
}

/// The user's decision on one process's scope and target, with a rationale.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ScopeDecision {
    /// `None` follows the suggestion (in scope iff relevance > 0).
    pub in_scope: Option<bool>,
    /// `None` follows the suggested target.
    pub target: Option<u8>,
    pub rationale: String,
}

/// One participant's answer with an optional note or evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// One person's set of answers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Participant {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub answers: BTreeMap<QuestionKey, AnswerEntry>,
    /// When the facilitator last imported this person's answers file
    /// (milliseconds since the epoch); `None` for answers given on this device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<f64>,
    /// How many answers files of this person were imported (more than one:
    /// a later file replaced the earlier answers).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub files: u16,
}

fn is_zero(n: &u16) -> bool {
    *n == 0
}

/// Where an item of the action plan stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Dropped,
}

impl PlanStatus {
    /// Every status, in the order a plan moves through them.
    pub const ALL: [PlanStatus; 4] =
        [PlanStatus::NotStarted, PlanStatus::InProgress, PlanStatus::Done, PlanStatus::Dropped];

    /// Its id in files and forms.
    pub fn id(self) -> &'static str {
        match self {
            PlanStatus::NotStarted => "not_started",
            PlanStatus::InProgress => "in_progress",
            PlanStatus::Done => "done",
            PlanStatus::Dropped => "dropped",
        }
    }

    /// The status with this id.
    pub fn from_id(id: &str) -> Option<PlanStatus> {
        PlanStatus::ALL.into_iter().find(|s| s.id() == id)
    }

    /// In words.
    pub fn label(self) -> &'static str {
        match self {
            PlanStatus::NotStarted => "Not started",
            PlanStatus::InProgress => "In progress",
            PlanStatus::Done => "Done",
            PlanStatus::Dropped => "Dropped",
        }
    }
}

/// The plan for one roadmap step or shared initiative: who does it, by when,
/// how far it is, and a note.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlanEntry {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// ISO date `YYYY-MM-DD`, or empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    #[serde(default)]
    pub status: PlanStatus,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl PlanEntry {
    /// Nothing decided yet: no owner, date or note, not started.
    pub fn is_empty(&self) -> bool {
        *self == PlanEntry::default()
    }

    /// Its status, owner and due date in one line: "In progress · Ana · due 2027-01-31".
    pub fn line(&self) -> String {
        let mut parts = vec![self.status.label().to_string()];
        if !self.owner.trim().is_empty() {
            parts.push(self.owner.trim().to_string());
        }
        if !self.due.is_empty() {
            parts.push(format!("due {}", self.due));
        }
        parts.join(" · ")
    }
}

/// The action-plan key of the step that brings `process` to `level`.
pub fn step_key(process: &str, level: u8) -> String {
    format!("step:{process}:{level}")
}

/// The action-plan key of the shared initiative built on generic question `id`.
pub fn initiative_key(id: &str) -> String {
    format!("initiative:{id}")
}

/// Whether `key` names a step (`step:<process>:<level 1–5>`) or an initiative.
fn valid_plan_key(key: &str) -> bool {
    let id_ok = |s: &str| !s.is_empty() && !s.contains(char::is_whitespace);
    if key.len() > MAX_PLAN_KEY {
        return false;
    }
    if let Some(rest) = key.strip_prefix("step:") {
        return rest.rsplit_once(':').is_some_and(|(p, l)| id_ok(p) && matches!(l, "1" | "2" | "3" | "4" | "5"));
    }
    key.strip_prefix("initiative:").is_some_and(id_ok)
}

/// Checks one action-plan entry: a step or initiative key, an owner and a note
/// within their lengths, a date or none (also run on imported files).
pub fn check_plan_entry(key: &str, entry: &PlanEntry) -> Result<(), ActionError> {
    if !valid_plan_key(key) {
        return Err(ActionError::Unknown { what: "roadmap step or initiative", id: key.to_string() });
    }
    text("owner", &entry.owner, MAX_NAME)?;
    text("plan note", &entry.note, MAX_TEXT)?;
    if !valid_date(&entry.due) {
        return Err(ActionError::BadDate(entry.due.clone()));
    }
    Ok(())
}

/// The answer a facilitator agreed for a question; it overrides the consensus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreed {
    pub answer: Answer,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// How deep an assessment goes: quick scan (one question per attribute),
/// up to each target (every question up to one level above each process's
/// target) or full (all questions). Files without a mode are quick scans, as
/// they were before the other depths existed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Quick,
    Target,
    Full,
}

impl Mode {
    /// The depth in words, as files and reports name it.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Quick => "quick scan",
            Mode::Target => "assessed to one level above each target",
            Mode::Full => "full assessment",
        }
    }

    /// The highest capability level whose questions are asked of a process
    /// with this `target`: one above the target (at least level 2) when
    /// going up to each target, every level otherwise.
    pub fn deepest(self, target: u8) -> u8 {
        match self {
            Mode::Target => (target.max(1) + 1).min(5),
            Mode::Quick | Mode::Full => 5,
        }
    }

    /// Whether a question of capability `level` (`quick` when it is the
    /// attribute's quick-scan question) is asked of a process with `target`.
    pub fn asks(self, quick: bool, level: u8, target: u8) -> bool {
        match self {
            Mode::Quick => quick,
            Mode::Target => level <= self.deepest(target),
            Mode::Full => true,
        }
    }

    /// What this depth asks of a process with `target`, for its page:
    /// "questions up to level 3, one above the target".
    pub fn asked_text(self, target: u8) -> String {
        match self {
            Mode::Quick => "one quick-scan question per attribute, up to level 5".into(),
            Mode::Target if target == 0 => "every question up to level 2, as for a target of level 1".into(),
            _ if target == 0 || target >= 4 => "every question, up to level 5".into(),
            Mode::Target => format!("every question up to level {}, one above the target", self.deepest(target)),
            Mode::Full => {
                let beyond = match target + 2 {
                    5 => "level 5 beyond the target is".to_string(),
                    4 => "levels 4 and 5 beyond the target are".to_string(),
                    from => format!("levels {from} to 5 beyond the target are"),
                };
                format!("every question up to level 5; {beyond} optional")
            }
        }
    }

    /// How many questions this depth asks of these processes, each with its
    /// target (unknown ids count nothing).
    pub fn questions_asked<'a>(
        self,
        catalog: &super::catalog::Catalog,
        processes: impl IntoIterator<Item = (&'a str, u8)>,
    ) -> usize {
        let plan = catalog.plan();
        processes
            .into_iter()
            .filter_map(|(id, target)| catalog.processes.iter().position(|p| p.id == id).map(|i| (i, target)))
            .map(|(i, target)| plan[i].iter().filter(|q| self.asks(q.quick, q.level, target)).count())
            .sum()
    }
}

/// Which catalog an assessment was made with.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CatalogRef {
    pub id: String,
    pub version: String,
}

/// One assessment: everything the user entered, nothing derived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: String,
    pub name: String,
    /// ISO date `YYYY-MM-DD` of the assessment.
    #[serde(default)]
    pub date: String,
    /// Who led the assessment (a consultant, the facilitator), for the report.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assessor: String,
    /// The organization's logo for the report, as a `data:image/…;base64,`
    /// URL (kept with the assessment, never fetched from anywhere).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub logo: String,
    #[serde(default)]
    pub organization: Organization,
    #[serde(default)]
    pub mode: Mode,
    /// Importance 0..=5 of catalog objectives (absent = 0, not relevant).
    #[serde(default)]
    pub objectives: BTreeMap<String, u8>,
    #[serde(default)]
    pub custom_objectives: Vec<CustomObjective>,
    #[serde(default)]
    pub services: Vec<Service>,
    /// Strategy: decisions per objective and the services each depends on.
    #[serde(default)]
    pub strategy: Vec<Decision>,
    #[serde(default)]
    pub scope: BTreeMap<String, ScopeDecision>,
    pub participants: Vec<Participant>,
    /// The participant whose answers this device edits.
    pub active: String,
    #[serde(default)]
    pub agreed: BTreeMap<QuestionKey, Agreed>,
    /// The id of the assessment this one follows up, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
    /// The action plan: owner, due date, status and note per roadmap step or
    /// shared initiative ([`step_key`], [`initiative_key`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub plan: BTreeMap<String, PlanEntry>,
}

impl Assessment {
    /// A new empty assessment with one participant.
    pub fn new(id: &str, name: &str, date: &str) -> Assessment {
        Assessment {
            id: id.to_string(),
            name: name.to_string(),
            date: date.to_string(),
            assessor: String::new(),
            logo: String::new(),
            organization: Organization::default(),
            mode: Mode::Target,
            objectives: BTreeMap::new(),
            custom_objectives: Vec::new(),
            services: Vec::new(),
            strategy: Vec::new(),
            scope: BTreeMap::new(),
            participants: vec![Participant { id: "p1".into(), name: "Me".into(), ..Default::default() }],
            active: "p1".into(),
            agreed: BTreeMap::new(),
            baseline: None,
            plan: BTreeMap::new(),
        }
    }

    /// Fills scope and targets from a catalog template: every process it
    /// names is in scope with the template's target, every other process of
    /// the catalog out of scope, each with a rationale naming the template.
    /// Everything stays editable on the scope page.
    pub fn apply_template(&mut self, catalog: &Catalog, template: &Template) {
        self.scope = catalog
            .processes
            .iter()
            .map(|p| {
                let decision = match template.processes.iter().find(|t| t.process == p.id) {
                    Some(t) => ScopeDecision {
                        in_scope: Some(true),
                        target: Some(t.target),
                        rationale: format!("From the template \u{2018}{}\u{2019}.", template.name),
                    },
                    None => ScopeDecision {
                        in_scope: Some(false),
                        target: None,
                        rationale: format!(
                            "Left out by the template \u{2018}{}\u{2019}; take it in if it matters here.",
                            template.name
                        ),
                    },
                };
                (p.id.clone(), decision)
            })
            .collect();
    }

    /// The participant with this id.
    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    /// The strategy decision with this id.
    pub fn decision(&self, id: &str) -> Option<&Decision> {
        self.strategy.iter().find(|d| d.id == id)
    }

    /// Whether `id` names an objective a decision may belong to: a rated
    /// catalog objective or a custom objective.
    pub fn has_objective(&self, id: &str) -> bool {
        self.objectives.contains_key(id) || self.custom_objectives.iter().any(|c| c.id == id)
    }

    /// The answer the active participant gave, if any.
    pub fn my_answer(&self, key: &QuestionKey) -> Option<&AnswerEntry> {
        self.participant(&self.active).and_then(|p| p.answers.get(key))
    }
}

/// Which field of the organization / assessment header to set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum HeaderField {
    AssessmentName(String),
    Date(String),
    Assessor(String),
    /// A `data:` URL of a PNG, JPEG, WebP or GIF image (empty removes it).
    Logo(String),
    OrgName(String),
    Unit(String),
    Size(Option<SizeBand>),
    Sector(String),
    Context(String),
}

/// Every change a user can make. The UI never edits an assessment any other way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Action {
    SetHeader(HeaderField),
    SetMode(Mode),
    SetObjectiveImportance {
        objective: String,
        importance: u8,
    },
    AddCustomObjective(CustomObjective),
    UpdateCustomObjective(CustomObjective),
    RemoveCustomObjective {
        id: String,
    },
    AddService(Service),
    UpdateService(Service),
    RemoveService {
        id: String,
    },
    /// Adds a strategy decision (its services may be listed already).
    AddDecision(Decision),
    /// Replaces the decision with the same id (objective, text, services).
    UpdateDecision(Decision),
    RemoveDecision {
        id: String,
    },
    /// The decision depends on this service.
    LinkService {
        decision: String,
        service: String,
    },
    UnlinkService {
        decision: String,
        service: String,
    },
    SetScope {
        process: String,
        in_scope: Option<bool>,
    },
    SetTarget {
        process: String,
        target: Option<u8>,
    },
    SetRationale {
        process: String,
        rationale: String,
    },
    Answer {
        key: QuestionKey,
        answer: Option<Answer>,
    },
    Note {
        key: QuestionKey,
        note: String,
    },
    AddParticipant(Participant),
    RenameParticipant {
        id: String,
        name: String,
    },
    RemoveParticipant {
        id: String,
    },
    SetActiveParticipant {
        id: String,
    },
    SetAgreed {
        key: QuestionKey,
        agreed: Option<Agreed>,
    },
    /// Merges a participant's answers from their own device: replaces the
    /// participant with the same name, or adds a new one under a fresh id.
    ImportParticipant(Participant),
    /// Compares with an earlier assessment (or with none).
    SetBaseline {
        id: Option<String>,
    },
    /// Sets the plan of a roadmap step or initiative; an empty entry removes it.
    SetPlan {
        item: String,
        entry: PlanEntry,
    },
}

/// Why an action was refused; the assessment is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionError {
    OutOfRange {
        what: &'static str,
        value: i64,
        min: i64,
        max: i64,
    },
    TooLong {
        what: &'static str,
        max: usize,
    },
    Empty {
        what: &'static str,
    },
    Unknown {
        what: &'static str,
        id: String,
    },
    Duplicate {
        what: &'static str,
        id: String,
    },
    Limit {
        what: &'static str,
        max: usize,
    },
    LastParticipant,
    BadDate(String),
    /// Not a PNG, JPEG, WebP or GIF image of at most [`MAX_LOGO`] characters as a data URL.
    BadLogo,
    /// The assessment is open read-only (its catalog is not loaded).
    ReadOnly,
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActionError::OutOfRange { what, value, min, max } => {
                write!(f, "{what} must be between {min} and {max} (got {value})")
            }
            ActionError::TooLong { what, max } => {
                write!(f, "{what} is too long: at most {max} characters")
            }
            ActionError::Empty { what } => write!(f, "{what} cannot be empty"),
            ActionError::Unknown { what, id } => write!(f, "there is no {what} with id \"{id}\""),
            ActionError::Duplicate { what, id } => {
                write!(f, "a {what} with id \"{id}\" already exists")
            }
            ActionError::Limit { what, max } => write!(f, "at most {max} {what} per assessment"),
            ActionError::LastParticipant => {
                write!(f, "an assessment needs at least one participant")
            }
            ActionError::BadDate(d) => write!(f, "\"{d}\" is not a date; use the form 2026-11-23"),
            ActionError::BadLogo => {
                write!(f, "a logo must be a PNG, JPEG, WebP or GIF image of at most {} KB", MAX_LOGO * 3 / 4 / 1024)
            }
            ActionError::ReadOnly => write!(f, "this assessment is open read-only because its catalog is not loaded"),
        }
    }
}

impl std::error::Error for ActionError {}

fn range(what: &'static str, value: u8, min: u8, max: u8) -> Result<(), ActionError> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(ActionError::OutOfRange { what, value: value.into(), min: min.into(), max: max.into() })
    }
}

fn text(what: &'static str, value: &str, max: usize) -> Result<(), ActionError> {
    if value.chars().count() > max {
        Err(ActionError::TooLong { what, max })
    } else {
        Ok(())
    }
}

fn name(what: &'static str, value: &str) -> Result<(), ActionError> {
    if value.trim().is_empty() {
        return Err(ActionError::Empty { what });
    }
    text(what, value, MAX_NAME)
}

/// Longest logo accepted, as data-URL characters (about 300 KB of image).
pub const MAX_LOGO: usize = 400_000;

/// Whether `v` is empty or a base64 data URL of a PNG, JPEG, WebP or GIF image within [`MAX_LOGO`].
pub fn valid_logo(v: &str) -> bool {
    if v.is_empty() {
        return true;
    }
    let Some(rest) = v.strip_prefix("data:image/") else { return false };
    let Some((kind, data)) = rest.split_once(";base64,") else { return false };
    v.len() <= MAX_LOGO
        && matches!(kind, "png" | "jpeg" | "webp" | "gif")
        && !data.is_empty()
        && data.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

/// Whether `d` is an ISO date `YYYY-MM-DD` with a plausible month and day (or empty).
pub fn valid_date(d: &str) -> bool {
    if d.is_empty() {
        return true;
    }
    let parts: Vec<&str> = d.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return false;
    }
    let num = |s: &str| s.bytes().all(|b| b.is_ascii_digit()).then(|| s.parse::<u32>().ok()).flatten();
    matches!((num(parts[0]), num(parts[1]), num(parts[2])), (Some(_), Some(m), Some(day)) if (1..=12).contains(&m) && (1..=31).contains(&day))
}

fn check_service(s: &Service) -> Result<(), ActionError> {
    name("service name", &s.name)?;
    text("service description", &s.description, MAX_TEXT)?;
    range("criticality", s.criticality, 1, 5)?;
    if s.audience.is_empty() {
        return Err(ActionError::Empty { what: "service audience" });
    }
    Ok(())
}

impl Assessment {
    fn check_decision(&self, d: &Decision) -> Result<(), ActionError> {
        if d.id.trim().is_empty() {
            return Err(ActionError::Empty { what: "decision id" });
        }
        if d.text.trim().is_empty() {
            return Err(ActionError::Empty { what: "decision text" });
        }
        text("decision text", &d.text, MAX_DECISION_TEXT)?;
        if !self.has_objective(&d.objective) {
            return Err(ActionError::Unknown { what: "rated objective", id: d.objective.clone() });
        }
        for (i, s) in d.services.iter().enumerate() {
            if !self.services.iter().any(|x| &x.id == s) {
                return Err(ActionError::Unknown { what: "service", id: s.clone() });
            }
            if d.services[..i].contains(s) {
                return Err(ActionError::Duplicate { what: "service link", id: s.clone() });
            }
        }
        Ok(())
    }

    fn decision_mut(&mut self, id: &str) -> Result<&mut Decision, ActionError> {
        self.strategy
            .iter_mut()
            .find(|d| d.id == id)
            .ok_or_else(|| ActionError::Unknown { what: "decision", id: id.to_string() })
    }
}

fn check_custom(o: &CustomObjective) -> Result<(), ActionError> {
    name("objective name", &o.name)?;
    text("objective description", &o.description, MAX_TEXT)?;
    range("importance", o.importance, 0, 5)?;
    for pw in &o.processes {
        range("process weight", pw.weight, 1, 2)?;
    }
    Ok(())
}

impl Assessment {
    /// Applies one action; on error the assessment is unchanged.
    pub fn apply(&mut self, action: Action) -> Result<(), ActionError> {
        match action {
            Action::SetHeader(field) => match field {
                HeaderField::AssessmentName(v) => {
                    name("assessment name", &v)?;
                    self.name = v;
                }
                HeaderField::Date(v) => {
                    if !valid_date(&v) {
                        return Err(ActionError::BadDate(v));
                    }
                    self.date = v;
                }
                HeaderField::OrgName(v) => {
                    text("organization name", &v, MAX_NAME)?;
                    self.organization.name = v;
                }
                HeaderField::Logo(v) => {
                    if !valid_logo(&v) {
                        return Err(ActionError::BadLogo);
                    }
                    self.logo = v;
                }
                HeaderField::Assessor(v) => {
                    text("assessor", &v, MAX_NAME)?;
                    self.assessor = v;
                }
                HeaderField::Unit(v) => {
                    text("unit", &v, MAX_NAME)?;
                    self.organization.unit = v;
                }
                HeaderField::Size(v) => self.organization.size = v,
                HeaderField::Sector(v) => {
                    text("sector", &v, MAX_NAME)?;
                    self.organization.sector = v;
                }
                HeaderField::Context(v) => {
                    text("context", &v, MAX_TEXT)?;
                    self.organization.context = v;
                }
            },
            Action::SetMode(m) => self.mode = m,
            Action::SetObjectiveImportance { objective, importance } => {
                range("importance", importance, 0, 5)?;
                if let Some(c) = self.custom_objectives.iter_mut().find(|c| c.id == objective) {
                    c.importance = importance;
                } else if importance == 0 {
                    self.objectives.remove(&objective);
                } else {
                    self.objectives.insert(objective, importance);
                }
            }
            Action::AddCustomObjective(o) => {
                check_custom(&o)?;
                if self.custom_objectives.len() >= MAX_CUSTOM_OBJECTIVES {
                    return Err(ActionError::Limit { what: "custom objectives", max: MAX_CUSTOM_OBJECTIVES });
                }
                if self.custom_objectives.iter().any(|c| c.id == o.id) {
                    return Err(ActionError::Duplicate { what: "objective", id: o.id });
                }
                self.custom_objectives.push(o);
            }
            Action::UpdateCustomObjective(o) => {
                check_custom(&o)?;
                let slot = self
                    .custom_objectives
                    .iter_mut()
                    .find(|c| c.id == o.id)
                    .ok_or_else(|| ActionError::Unknown { what: "objective", id: o.id.clone() })?;
                *slot = o;
            }
            Action::RemoveCustomObjective { id } => {
                let before = self.custom_objectives.len();
                self.custom_objectives.retain(|c| c.id != id);
                if before == self.custom_objectives.len() {
                    return Err(ActionError::Unknown { what: "objective", id });
                }
                self.strategy.retain(|d| d.objective != id);
            }
            Action::AddService(s) => {
                check_service(&s)?;
                if self.services.len() >= MAX_SERVICES {
                    return Err(ActionError::Limit { what: "services", max: MAX_SERVICES });
                }
                if self.services.iter().any(|x| x.id == s.id) {
                    return Err(ActionError::Duplicate { what: "service", id: s.id });
                }
                self.services.push(s);
            }
            Action::UpdateService(s) => {
                check_service(&s)?;
                let slot = self
                    .services
                    .iter_mut()
                    .find(|x| x.id == s.id)
                    .ok_or_else(|| ActionError::Unknown { what: "service", id: s.id.clone() })?;
                *slot = s;
            }
            Action::RemoveService { id } => {
                let before = self.services.len();
                self.services.retain(|s| s.id != id);
                if before == self.services.len() {
                    return Err(ActionError::Unknown { what: "service", id });
                }
                for d in &mut self.strategy {
                    d.services.retain(|s| *s != id);
                }
            }
            Action::AddDecision(d) => {
                self.check_decision(&d)?;
                if self.strategy.len() >= MAX_DECISIONS {
                    return Err(ActionError::Limit { what: "strategy decisions", max: MAX_DECISIONS });
                }
                if self.decision(&d.id).is_some() {
                    return Err(ActionError::Duplicate { what: "decision", id: d.id });
                }
                self.strategy.push(d);
            }
            Action::UpdateDecision(d) => {
                self.check_decision(&d)?;
                let id = d.id.clone();
                *self.decision_mut(&id)? = d;
            }
            Action::RemoveDecision { id } => {
                self.decision_mut(&id)?;
                self.strategy.retain(|d| d.id != id);
            }
            Action::LinkService { decision, service } => {
                if !self.services.iter().any(|s| s.id == service) {
                    return Err(ActionError::Unknown { what: "service", id: service });
                }
                let d = self.decision_mut(&decision)?;
                if d.services.contains(&service) {
                    return Err(ActionError::Duplicate { what: "service link", id: service });
                }
                d.services.push(service);
            }
            Action::UnlinkService { decision, service } => {
                let d = self.decision_mut(&decision)?;
                if !d.services.contains(&service) {
                    return Err(ActionError::Unknown { what: "service link", id: service });
                }
                d.services.retain(|s| *s != service);
            }
            Action::SetScope { process, in_scope } => {
                self.scope.entry(process).or_default().in_scope = in_scope;
            }
            Action::SetTarget { process, target } => {
                if let Some(t) = target {
                    range("target level", t, 0, 5)?;
                }
                self.scope.entry(process).or_default().target = target;
            }
            Action::SetRationale { process, rationale } => {
                text("rationale", &rationale, MAX_TEXT)?;
                self.scope.entry(process).or_default().rationale = rationale;
            }
            Action::Answer { key, answer } => {
                let active = self.active.clone();
                let p = self.participant_mut(&active)?;
                let entry = p.answers.entry(key.clone()).or_insert(AnswerEntry { answer: None, note: String::new() });
                entry.answer = answer;
                if entry.answer.is_none() && entry.note.is_empty() {
                    p.answers.remove(&key);
                }
            }
            Action::Note { key, note } => {
                text("note", &note, MAX_TEXT)?;
                let active = self.active.clone();
                let p = self.participant_mut(&active)?;
                let entry = p.answers.entry(key.clone()).or_insert(AnswerEntry { answer: None, note: String::new() });
                entry.note = note;
                if entry.answer.is_none() && entry.note.is_empty() {
                    p.answers.remove(&key);
                }
            }
            Action::AddParticipant(p) => {
                name("participant name", &p.name)?;
                if self.participants.len() >= MAX_PARTICIPANTS {
                    return Err(ActionError::Limit { what: "participants", max: MAX_PARTICIPANTS });
                }
                if self.participants.iter().any(|x| x.id == p.id) {
                    return Err(ActionError::Duplicate { what: "participant", id: p.id });
                }
                self.participants.push(p);
            }
            Action::RenameParticipant { id, name: new_name } => {
                name("participant name", &new_name)?;
                self.participant_mut(&id)?.name = new_name;
            }
            Action::RemoveParticipant { id } => {
                if self.participant(&id).is_none() {
                    return Err(ActionError::Unknown { what: "participant", id });
                }
                if self.participants.len() == 1 {
                    return Err(ActionError::LastParticipant);
                }
                self.participants.retain(|p| p.id != id);
                if self.active == id {
                    self.active = self.participants[0].id.clone();
                }
            }
            Action::SetActiveParticipant { id } => {
                self.participant_mut(&id)?;
                self.active = id;
            }
            Action::ImportParticipant(mut p) => {
                name("participant name", &p.name)?;
                let same = |x: &Participant| x.name.trim().eq_ignore_ascii_case(p.name.trim());
                if let Some(slot) = self.participants.iter_mut().find(|x| same(x)) {
                    p.id = slot.id.clone();
                    // Answers given on this device and then a file count as one earlier set.
                    let before = slot.files.max(u16::from(!slot.answers.is_empty()));
                    p.files = before.saturating_add(1);
                    *slot = p;
                } else {
                    p.files = 1;
                    if self.participants.len() >= MAX_PARTICIPANTS {
                        return Err(ActionError::Limit { what: "participants", max: MAX_PARTICIPANTS });
                    }
                    let mut n = self.participants.len() + 1;
                    while self.participants.iter().any(|x| x.id == format!("p{n}")) {
                        n += 1;
                    }
                    p.id = format!("p{n}");
                    // A facilitator's empty default participant makes way for the first real one.
                    if self.participants.len() == 1
                        && self.participants[0].answers.is_empty()
                        && self.participants[0].name == "Me"
                    {
                        let keep = self.participants[0].id.clone();
                        p.id = keep;
                        self.participants[0] = p;
                    } else {
                        self.participants.push(p);
                    }
                }
            }
            Action::SetPlan { item, entry } => {
                check_plan_entry(&item, &entry)?;
                if entry.is_empty() {
                    self.plan.remove(&item);
                } else {
                    if !self.plan.contains_key(&item) && self.plan.len() >= MAX_PLAN_ENTRIES {
                        return Err(ActionError::Limit { what: "action-plan entries", max: MAX_PLAN_ENTRIES });
                    }
                    self.plan.insert(item, entry);
                }
            }
            Action::SetBaseline { id } => {
                if id.as_deref() == Some(self.id.as_str()) {
                    return Err(ActionError::Unknown { what: "earlier assessment", id: self.id.clone() });
                }
                self.baseline = id;
            }
            Action::SetAgreed { key, agreed } => match agreed {
                Some(a) => {
                    text("note", &a.note, MAX_TEXT)?;
                    self.agreed.insert(key, a);
                }
                None => {
                    self.agreed.remove(&key);
                }
            },
        }
        Ok(())
    }

    fn participant_mut(&mut self, id: &str) -> Result<&mut Participant, ActionError> {
        self.participants
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or_else(|| ActionError::Unknown { what: "participant", id: id.to_string() })
    }
}

impl Assessment {
    /// A copy under a new id and name: everything, answers included.
    pub fn duplicate(&self, new_id: &str, name: &str) -> Assessment {
        Assessment { id: new_id.into(), name: name.into(), ..self.clone() }
    }

    /// A follow-up: the same organization, objectives, strategy, services,
    /// scope, mode and action plan (owners and dates carry on; done items are
    /// in progress until the new answers show them); answers start empty;
    /// this assessment is recorded as the baseline.
    pub fn follow_up(&self, new_id: &str, date: &str) -> Assessment {
        // "Shop baseline assessment" → "Shop follow-up assessment", not "… baseline assessment — follow-up".
        let name = if self.name.contains("baseline") {
            self.name.replacen("baseline", "follow-up", 1)
        } else {
            format!("{} — follow-up", self.name)
        };
        let mut next = Assessment::new(new_id, &name, date);
        next.organization = self.organization.clone();
        next.mode = self.mode;
        next.objectives = self.objectives.clone();
        next.custom_objectives = self.custom_objectives.clone();
        next.services = self.services.clone();
        next.strategy = self.strategy.clone();
        next.scope = self.scope.clone();
        // The plan carries on; what the baseline marked done is in progress
        // here until the follow-up's answers show it.
        next.plan = self.plan.clone();
        for e in next.plan.values_mut() {
            if e.status == PlanStatus::Done {
                e.status = PlanStatus::InProgress;
            }
        }
        next.baseline = Some(self.id.clone());
        next
    }
}
