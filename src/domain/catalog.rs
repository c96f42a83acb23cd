//! The catalog: framework content as data (processes, questions, attributes,
//! objectives, service rules), parsed from JSON and validated.
//!
//! Invariants after [`Catalog::parse`] succeeds:
//! - every id is non-empty, lower-case `[a-z0-9-]` and unique in its kind
//!   (question ids unique across generic and process-specific questions);
//! - the nine attributes PA1.1..PA5.2 are present with their levels;
//! - every process has 1..=12 PA1.1 questions, exactly one of them quick-scan;
//! - every attribute PA2.1..PA5.2 has 1..=4 generic questions, exactly one quick;
//! - every template names known processes once each, with targets 1..=5;
//! - every objective map and service rule names known processes, with weights
//!   1..=2 (objectives) and points 1..=3 (rules); a rule's discounts name
//!   known processes with a factor 0.0..=1.0.

use super::attribute::Attribute;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The format name every catalog file carries.
pub const CATALOG_FORMAT: &str = "itsm-catalog";
/// The catalog file format version this app writes; version 1 files are
/// read too and migrated ([`Catalog::parse`]).
pub const CATALOG_FORMAT_VERSION: u32 = 2;
/// At most this many PA1.1 questions per process.
pub const MAX_PROCESS_QUESTIONS: usize = 12;
/// At most this many generic questions per attribute PA2.1..PA5.2.
pub const MAX_GENERIC_PER_ATTRIBUTE: usize = 4;
/// A generic question's `title` (a roadmap heading) has at most this many characters.
pub const MAX_TITLE_CHARS: usize = 60;
/// The default catalog, embedded at build time for tests, benches and tools.
/// The app never refers to it: it fetches [`DEFAULT_CATALOG_FILE`] when an
/// assessment opens, so the start-up bundle does not carry it (a journey
/// checks the built wasm holds none of its text).
pub const DEFAULT_CATALOG_JSON: &str = include_str!("../../catalog/default.json");
/// Where the app serves the default catalog file (copied there by Trunk).
pub const DEFAULT_CATALOG_FILE: &str = "/default.json";
/// The default catalog's id and version (checked against the file by a test).
pub const DEFAULT_CATALOG_ID: &str = "itsm-default";
pub const DEFAULT_CATALOG_VERSION: &str = "2.0.0";

/// The capability level an attribute id belongs to, if it is one of the nine.
pub fn attribute_level(id: &str) -> Option<u8> {
    Attribute::parse(id).map(Attribute::level)
}

/// One-line meanings of the answer levels shown beside the buttons.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(non_snake_case)]
pub struct AnswerMeanings {
    pub N: String,
    pub P: String,
    pub L: String,
    pub F: String,
    pub NA: String,
    pub DK: String,
}

/// A capability level 0..=5 with its name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelInfo {
    pub level: u8,
    pub name: String,
    pub description: String,
}

/// A process attribute (PA1.1 .. PA5.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeInfo {
    pub id: String,
    pub level: u8,
    pub name: String,
    pub description: String,
}

/// A question template asked of every process for one attribute PA2.1..PA5.2.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenericQuestion {
    pub id: String,
    pub attribute: String,
    #[serde(default)]
    pub quick: bool,
    pub text: String,
    pub action: String,
    /// The action's name when several processes share it, a few words for a
    /// roadmap heading ("Owners and clear responsibilities for steps and handovers"); without it the
    /// action's first clause is used (the roadmap's `short_title`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// What to look at to check the answer ("Look at: …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// How much work the action is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<Effort>,
    /// A clause or objective the question rests on ("ISO/IEC 20000-1:2018 8.6.1").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// A process-specific (PA1.1) question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessQuestion {
    pub id: String,
    #[serde(default)]
    pub quick: bool,
    pub text: String,
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// What to look at to check the answer ("Look at: …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// How much work the action is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<Effort>,
    /// A clause or objective the question rests on ("ISO/IEC 20000-1:2018 8.6.1").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// A per-process rewording of a generic question: each field given replaces
/// the generic one, the others are kept (at least one must be given).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// The size of the work an action asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Effort {
    /// Days of work for one or two people.
    S,
    /// Weeks of work, or several people involved.
    M,
    /// Months of work, or a change across teams.
    L,
}

impl Effort {
    /// The letter used in files and tables.
    pub fn code(self) -> &'static str {
        match self {
            Effort::S => "S",
            Effort::M => "M",
            Effort::L => "L",
        }
    }

    /// The time it takes, in one word, as the roadmap's tags show it.
    pub fn span(self) -> &'static str {
        match self {
            Effort::S => "days",
            Effort::M => "weeks",
            Effort::L => "months",
        }
    }

    /// Words for the size, as shown beside an action.
    pub fn label(self) -> &'static str {
        match self {
            Effort::S => "small effort (days)",
            Effort::M => "medium effort (weeks)",
            Effort::L => "large effort (months)",
        }
    }
}

/// A process a template puts in scope, with its target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateProcess {
    pub process: String,
    pub target: u8,
}

/// A starting point for a new assessment: which processes are in scope and
/// their targets (the processes it leaves out start out of scope).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub id: String,
    pub name: String,
    pub description: String,
    pub processes: Vec<TemplateProcess>,
}

/// What the start page shows of a catalog before it is loaded: its name and
/// its templates. The default catalog's is [`default_head`], so the start page
/// needs no catalog file.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogHead {
    pub id: String,
    pub version: String,
    pub name: String,
    pub templates: Vec<TemplateHead>,
}

/// A template as the start page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateHead {
    pub id: String,
    pub name: String,
    pub description: String,
    /// How many processes it puts in scope.
    pub processes: usize,
    /// The highest target it sets.
    pub top_target: u8,
}

/// The default catalog's head, written out so the start page shows the
/// templates without loading the catalog (a test checks it against the file).
pub fn default_head() -> CatalogHead {
    let t = |id: &str, name: &str, description: &str, processes, top_target| TemplateHead {
        id: id.into(),
        name: name.into(),
        description: description.into(),
        processes,
        top_target,
    };
    CatalogHead {
        id: DEFAULT_CATALOG_ID.into(),
        version: DEFAULT_CATALOG_VERSION.into(),
        name: "ITSM capability catalog".into(),
        templates: vec![
            t(
                "small-it-team",
                "Small IT team",
                "The eight processes a small IT team leans on every day, with level 2 (planned and tracked) as the target: a realistic first goal.",
                8,
                2,
            ),
            t(
                "service-provider",
                "Service provider",
                "For an IT team that delivers services to customers under agreements: supplier, service level and relationship management aim for level 3, the rest of daily delivery for level 2.",
                14,
                3,
            ),
            t(
                "iso20000-readiness",
                "ISO/IEC 20000-1 readiness",
                "Every process in scope with level 3 (a defined, shared process) as the baseline, as a management system certified against ISO/IEC 20000-1 would need.",
                27,
                3,
            ),
        ],
    }
}

/// An ITSM process.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Process {
    pub id: String,
    pub name: String,
    /// Lower-case phrase put into generic question sentences.
    pub term: String,
    pub purpose: String,
    #[serde(default)]
    pub fitsm: Vec<String>,
    #[serde(default)]
    pub itil: Vec<String>,
    /// ISO/IEC 20000-1:2018 clause numbers ("8.6.1").
    #[serde(default)]
    pub iso20000: Vec<String>,
    /// COBIT 2019 governance and management objective ids ("DSS02").
    #[serde(default)]
    pub cobit: Vec<String>,
    pub questions: Vec<ProcessQuestion>,
    #[serde(default)]
    pub overrides: BTreeMap<String, Override>,
}

impl Process {
    /// The framework references of the process, each named: FitSM, ITIL 4,
    /// ISO/IEC 20000-1:2018 clauses and COBIT 2019 objectives (those given).
    pub fn references(&self) -> Vec<(&'static str, String)> {
        [
            ("FitSM", &self.fitsm),
            ("ITIL 4", &self.itil),
            ("ISO/IEC 20000-1:2018", &self.iso20000),
            ("COBIT 2019", &self.cobit),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(name, v)| (name, v.join(", ")))
        .collect()
    }

    /// The references on one line: "FitSM PR9 · ITIL 4 Incident management · …".
    pub fn reference_line(&self) -> String {
        self.references().into_iter().map(|(name, v)| format!("{name} {v}")).collect::<Vec<_>>().join(" · ")
    }
}

/// A process an objective needs, with weight 2 (primary) or 1 (secondary).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessWeight {
    pub process: String,
    pub weight: u8,
}

/// A business objective from the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub id: String,
    pub name: String,
    pub description: String,
    pub processes: Vec<ProcessWeight>,
}

/// Who uses a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    External,
    Internal,
}

/// How a service is sourced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sourcing {
    Inhouse,
    Bought,
    Outsourced,
    Saas,
}

impl Audience {
    /// Who uses a service with this audience list, in words.
    pub fn describe(list: &[Audience]) -> &'static str {
        match (list.contains(&Audience::External), list.contains(&Audience::Internal)) {
            (true, true) => "Customers and staff",
            (true, false) => "External customers",
            (false, true) => "Internal users",
            _ => "Nobody yet",
        }
    }
}

impl Sourcing {
    /// All four, in the order the service form offers them.
    pub const ALL: [Sourcing; 4] = [Sourcing::Inhouse, Sourcing::Bought, Sourcing::Outsourced, Sourcing::Saas];
    /// The value in files ("inhouse").
    pub fn code(self) -> &'static str {
        match self {
            Sourcing::Inhouse => "inhouse",
            Sourcing::Bought => "bought",
            Sourcing::Outsourced => "outsourced",
            Sourcing::Saas => "saas",
        }
    }
    /// The words shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Sourcing::Inhouse => "Built in-house",
            Sourcing::Bought => "Bought and customized",
            Sourcing::Outsourced => "Outsourced",
            Sourcing::Saas => "SaaS (cloud service)",
        }
    }
    /// The sourcing with this file value.
    pub fn of_code(code: &str) -> Option<Sourcing> {
        Sourcing::ALL.into_iter().find(|s| s.code() == code)
    }
}

impl ChangeRate {
    /// All four, slowest first.
    pub const ALL: [ChangeRate; 4] = [ChangeRate::Rarely, ChangeRate::Monthly, ChangeRate::Weekly, ChangeRate::Daily];
    /// The value in files ("weekly").
    pub fn code(self) -> &'static str {
        match self {
            ChangeRate::Rarely => "rarely",
            ChangeRate::Monthly => "monthly",
            ChangeRate::Weekly => "weekly",
            ChangeRate::Daily => "daily",
        }
    }
    /// The words shown to users.
    pub fn label(self) -> &'static str {
        match self {
            ChangeRate::Rarely => "Rarely",
            ChangeRate::Monthly => "About monthly",
            ChangeRate::Weekly => "Weekly",
            ChangeRate::Daily => "Daily or more",
        }
    }
    /// The rate with this file value.
    pub fn of_code(code: &str) -> Option<ChangeRate> {
        ChangeRate::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// How often a service changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeRate {
    Rarely,
    Monthly,
    Weekly,
    Daily,
}

/// The conditions of a service rule; an absent condition matches anything.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleCondition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Vec<Audience>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sourcing: Option<Vec<Sourcing>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_rate: Option<Vec<ChangeRate>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_criticality: Option<u8>,
}

/// A process a rule raises, with points 1..=3 (multiplied by the service weight).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulePoints {
    pub process: String,
    pub points: u8,
}

/// A process whose relevance from a matching service is multiplied by
/// `factor` (0.0..=1.0): the part a provider does for you (SaaS: availability).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Discount {
    pub process: String,
    pub factor: f64,
}

/// A declarative rule from service attributes to process relevance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceRule {
    pub id: String,
    /// A short phrase about the service, shown in brackets after its name:
    /// "service 'Payment' (bought and customized, criticality 5)".
    pub label: String,
    #[serde(default)]
    pub when: RuleCondition,
    pub raises: Vec<RulePoints>,
    /// Optional: processes whose contribution from a matching service is discounted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discounts: Vec<Discount>,
}

/// The whole catalog file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub format: String,
    pub format_version: u32,
    pub id: String,
    pub version: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub answers: AnswerMeanings,
    pub levels: Vec<LevelInfo>,
    pub attributes: Vec<AttributeInfo>,
    pub generic_questions: Vec<GenericQuestion>,
    pub processes: Vec<Process>,
    pub objectives: Vec<Objective>,
    pub service_rules: Vec<ServiceRule>,
    /// Starting points offered on the start page (new in version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<Template>,
    /// Every process's questions as asked in full mode, resolved once on first
    /// use ([`Catalog::plan`]); a catalog is not changed after it is parsed.
    #[serde(skip)]
    plan: PlanCache,
}

/// The resolved questions of a catalog, computed once. Not part of the file
/// and not compared: two catalogs are equal when their content is.
#[derive(Default, Clone)]
struct PlanCache(std::sync::OnceLock<Plan>);

#[derive(Clone)]
struct Plan {
    questions: Vec<Vec<ResolvedQuestion>>,
    /// Every answer key `process/question` with its (process, question)
    /// position in `questions`, sorted by key.
    keys: Vec<(String, usize, usize)>,
}

impl PartialEq for PlanCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl fmt::Debug for PlanCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PlanCache")
    }
}

/// A question as asked of one process: generic templates filled in, overrides applied.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedQuestion {
    /// The catalog question id (generic or process-specific).
    pub id: String,
    pub attribute: Attribute,
    pub level: u8,
    pub quick: bool,
    pub text: Text,
    pub action: Text,
    pub hint: Option<Text>,
    pub evidence: Option<Text>,
    pub effort: Option<Effort>,
    pub reference: Option<Text>,
}

/// A catalog text as resolved for one process: shared, so every evaluation
/// (one per answer) copies a pointer, not the words.
pub type Text = std::sync::Arc<str>;

/// Everything that can be wrong with a catalog file, each with a message a
/// trainer editing the file can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogError {
    /// The text is not JSON of the expected shape (serde's message with line and column).
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    WrongFormat {
        found: String,
    },
    UnsupportedVersion {
        found: u32,
    },
    BadId {
        kind: &'static str,
        id: String,
    },
    DuplicateId {
        kind: &'static str,
        id: String,
    },
    UnknownProcess {
        place: String,
        process: String,
    },
    UnknownAttribute {
        question: String,
        attribute: String,
    },
    AttributesIncomplete {
        detail: String,
    },
    LevelsIncomplete,
    NoProcessQuestions {
        process: String,
    },
    TooManyQuestions {
        place: String,
        count: usize,
        max: usize,
    },
    /// A generic question's title is too long for a heading, or names `{process}`.
    BadTitle {
        question: String,
        max: usize,
    },
    AttributeWithoutQuestion {
        attribute: String,
    },
    QuickScan {
        place: String,
        count: usize,
    },
    WeightOutOfRange {
        objective: String,
        process: String,
        weight: u8,
    },
    PointsOutOfRange {
        rule: String,
        process: String,
        points: u8,
    },
    CriticalityOutOfRange {
        rule: String,
        value: u8,
    },
    /// A discount factor outside 0..=1 (kept as written, for the message).
    FactorOutOfRange {
        rule: String,
        process: String,
        factor: String,
    },
    UnknownOverride {
        process: String,
        question: String,
    },
    EmptyText {
        place: String,
    },
    EmptyMap {
        kind: &'static str,
        id: String,
    },
    /// An override that replaces nothing.
    EmptyOverride {
        process: String,
        question: String,
    },
    TargetOutOfRange {
        template: String,
        process: String,
        target: u8,
    },
    DuplicateTemplateProcess {
        template: String,
        process: String,
    },
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use CatalogError::*;
        match self {
            Syntax { line, column, message } => {
                write!(f, "line {line}, column {column}: {message}")
            }
            WrongFormat { found } => write!(
                f,
                "field 'format' is \"{found}\", expected \"{CATALOG_FORMAT}\": this is not a catalog file"
            ),
            UnsupportedVersion { found } => write!(
                f,
                "field 'format_version' is {found}, this app reads versions 1 to {CATALOG_FORMAT_VERSION}"
            ),
            BadId { kind, id } => write!(
                f,
                "{kind} id \"{id}\" is not allowed: use lower-case letters, digits and '-' only (1–64 characters)"
            ),
            DuplicateId { kind, id } => write!(f, "duplicate {kind} id \"{id}\": ids must be unique"),
            UnknownProcess { place, process } => {
                write!(f, "{place} refers to unknown process \"{process}\"")
            }
            UnknownAttribute { question, attribute } => write!(
                f,
                "generic question \"{question}\" names attribute \"{attribute}\", expected one of PA2.1, PA2.2, PA3.1, PA3.2, PA4.1, PA4.2, PA5.1, PA5.2"
            ),
            AttributesIncomplete { detail } => write!(f, "attributes: {detail}"),
            LevelsIncomplete => write!(f, "levels: expected exactly the six levels 0 to 5, in order"),
            NoProcessQuestions { process } => write!(
                f,
                "process \"{process}\" has no PA1.1 questions: add at least one process-specific question"
            ),
            TooManyQuestions { place, count, max } => {
                write!(f, "{place} has {count} questions, at most {max} are allowed")
            }
            BadTitle { question, max } => write!(
                f,
                "generic question \"{question}\" title: a heading of at most {max} characters that names no single process (no {{process}})"
            ),
            AttributeWithoutQuestion { attribute } => write!(
                f,
                "attribute {attribute} has no generic question: every attribute needs at least one"
            ),
            QuickScan { place, count } => write!(
                f,
                "{place} has {count} quick-scan questions, expected exactly one (\"quick\": true)"
            ),
            WeightOutOfRange { objective, process, weight } => write!(
                f,
                "objective \"{objective}\" gives process \"{process}\" weight {weight}, expected 1 (secondary) or 2 (primary)"
            ),
            PointsOutOfRange { rule, process, points } => write!(
                f,
                "service rule \"{rule}\" gives process \"{process}\" {points} points, expected 1 to 3"
            ),
            CriticalityOutOfRange { rule, value } => write!(
                f,
                "service rule \"{rule}\" has min_criticality {value}, expected 1 to 5"
            ),
            FactorOutOfRange { rule, process, factor } => write!(
                f,
                "service rule \"{rule}\" discounts process \"{process}\" by factor {factor}, expected a number from 0 to 1 (0.3 counts the service at 30 %)"
            ),
            UnknownOverride { process, question } => write!(
                f,
                "process \"{process}\" overrides unknown generic question \"{question}\""
            ),
            EmptyText { place } => write!(f, "{place} is empty"),
            EmptyMap { kind, id } => write!(f, "{kind} \"{id}\" names no process"),
            EmptyOverride { process, question } => write!(
                f,
                "process \"{process}\" overrides generic question \"{question}\" without giving a text, action, hint or evidence"
            ),
            TargetOutOfRange { template, process, target } => write!(
                f,
                "template \"{template}\" gives process \"{process}\" target {target}, expected 1 to 5"
            ),
            DuplicateTemplateProcess { template, process } => {
                write!(f, "template \"{template}\" names process \"{process}\" twice")
            }
        }
    }
}

impl std::error::Error for CatalogError {}

/// Whether `id` is a valid catalog or assessment id.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Catalog {
    /// Parses and validates a catalog; returns every validation error found.
    pub fn parse(text: &str) -> Result<Catalog, Vec<CatalogError>> {
        let catalog: Catalog = serde_json::from_str(text).map_err(|e| {
            vec![CatalogError::Syntax {
                line: e.line(),
                column: e.column(),
                message: e.to_string().split(" at line ").next().unwrap_or("").to_string(),
            }]
        })?;
        let mut catalog = catalog;
        if catalog.format_version == 1 {
            catalog.migrate_v1();
        }
        let errors = catalog.validate();
        if errors.is_empty() {
            Ok(catalog)
        } else {
            Err(errors)
        }
    }

    /// Brings a version-1 catalog to version 2. Version 2 only adds optional
    /// fields (references, evidence prompts, efforts, templates) and lets an
    /// override replace single fields, so a version-1 file keeps every question
    /// and rule as written; what it lacks is shown as "not given".
    fn migrate_v1(&mut self) {
        self.format_version = CATALOG_FORMAT_VERSION;
    }

    /// What the start page shows of this catalog.
    pub fn head(&self) -> CatalogHead {
        CatalogHead {
            id: self.id.clone(),
            version: self.version.clone(),
            name: self.name.clone(),
            templates: self
                .templates
                .iter()
                .map(|t| TemplateHead {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    description: t.description.clone(),
                    processes: t.processes.len(),
                    top_target: t.processes.iter().map(|p| p.target).max().unwrap_or(0),
                })
                .collect(),
        }
    }

    /// The embedded default catalog (tests, benches and tools; not the app).
    pub fn default_catalog() -> Catalog {
        // Parsed once per run, then cloned: cheaper than parsing and validating again.
        static DEFAULT: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                // The embedded file is checked by a test; a broken build cannot ship.
                Catalog::parse(DEFAULT_CATALOG_JSON)
                    .unwrap_or_else(|e| panic!("the embedded default catalog is invalid: {e:?}"))
            })
            .clone()
    }

    /// Every validation error in the catalog (empty when valid).
    pub fn validate(&self) -> Vec<CatalogError> {
        let mut errors = Vec::new();
        let mut push = |e| errors.push(e);
        if self.format != CATALOG_FORMAT {
            push(CatalogError::WrongFormat { found: self.format.clone() });
        }
        if !(1..=CATALOG_FORMAT_VERSION).contains(&self.format_version) {
            push(CatalogError::UnsupportedVersion { found: self.format_version });
        }
        if !valid_id(&self.id) {
            push(CatalogError::BadId { kind: "catalog", id: self.id.clone() });
        }
        if self.levels.len() != 6 || self.levels.iter().enumerate().any(|(i, l)| l.level as usize != i) {
            push(CatalogError::LevelsIncomplete);
        }
        // Attributes: exactly the nine, with their levels.
        let mut seen = BTreeSet::new();
        for a in &self.attributes {
            match attribute_level(&a.id) {
                None => push(CatalogError::AttributesIncomplete { detail: format!("unknown attribute \"{}\"", a.id) }),
                Some(l) if l != a.level => push(CatalogError::AttributesIncomplete {
                    detail: format!("{} belongs to level {l}, not {}", a.id, a.level),
                }),
                Some(_) => {
                    if !seen.insert(a.id.as_str()) {
                        push(CatalogError::DuplicateId { kind: "attribute", id: a.id.clone() });
                    }
                }
            }
        }
        for id in Attribute::ALL.map(Attribute::id) {
            if !seen.contains(id) {
                push(CatalogError::AttributesIncomplete { detail: format!("{id} is missing") });
            }
        }

        // Question ids are unique across the whole catalog.
        let mut question_ids = BTreeSet::new();

        let mut generic_ids = BTreeSet::new();
        for q in &self.generic_questions {
            check_id("question", &q.id, &mut question_ids, &mut push);
            generic_ids.insert(q.id.as_str());
            match attribute_level(&q.attribute) {
                Some(l) if l >= 2 => {}
                _ => push(CatalogError::UnknownAttribute { question: q.id.clone(), attribute: q.attribute.clone() }),
            }
            check_text(&format!("generic question \"{}\" text", q.id), &q.text, &mut push);
            check_text(&format!("generic question \"{}\" action", q.id), &q.action, &mut push);
            check_optional(&format!("generic question \"{}\"", q.id), [&q.hint, &q.evidence, &q.reference], &mut push);
            if let Some(title) = &q.title {
                check_text(&format!("generic question \"{}\" title", q.id), title, &mut push);
                if title.chars().count() > MAX_TITLE_CHARS || title.contains("{process}") {
                    push(CatalogError::BadTitle { question: q.id.clone(), max: MAX_TITLE_CHARS });
                }
            }
        }
        for attr in Attribute::ALL.into_iter().skip(1) {
            let level = attr.level();
            let qs: Vec<_> = self.generic_questions.iter().filter(|q| q.attribute == attr.id()).collect();
            if qs.is_empty() {
                push(CatalogError::AttributeWithoutQuestion { attribute: attr.to_string() });
                continue;
            }
            if qs.len() > MAX_GENERIC_PER_ATTRIBUTE {
                push(CatalogError::TooManyQuestions {
                    place: format!("attribute {attr} (level {level})"),
                    count: qs.len(),
                    max: MAX_GENERIC_PER_ATTRIBUTE,
                });
            }
            let quick = qs.iter().filter(|q| q.quick).count();
            if quick != 1 {
                push(CatalogError::QuickScan { place: format!("attribute {attr}"), count: quick });
            }
        }

        let mut process_ids = BTreeSet::new();
        for p in &self.processes {
            check_id("process", &p.id, &mut process_ids, &mut push);
            check_text(&format!("process \"{}\" name", p.id), &p.name, &mut push);
            check_text(&format!("process \"{}\" term", p.id), &p.term, &mut push);
            check_text(&format!("process \"{}\" purpose", p.id), &p.purpose, &mut push);
            if p.questions.is_empty() {
                push(CatalogError::NoProcessQuestions { process: p.id.clone() });
            } else {
                if p.questions.len() > MAX_PROCESS_QUESTIONS {
                    push(CatalogError::TooManyQuestions {
                        place: format!("process \"{}\" (PA1.1)", p.id),
                        count: p.questions.len(),
                        max: MAX_PROCESS_QUESTIONS,
                    });
                }
                let quick = p.questions.iter().filter(|q| q.quick).count();
                if quick != 1 {
                    push(CatalogError::QuickScan { place: format!("process \"{}\" (PA1.1)", p.id), count: quick });
                }
            }
            for q in &p.questions {
                check_id("question", &q.id, &mut question_ids, &mut push);
                check_text(&format!("question \"{}\" text", q.id), &q.text, &mut push);
                check_text(&format!("question \"{}\" action", q.id), &q.action, &mut push);
                check_optional(&format!("question \"{}\"", q.id), [&q.hint, &q.evidence, &q.reference], &mut push);
            }
            for (qid, o) in &p.overrides {
                if !generic_ids.contains(qid.as_str()) {
                    push(CatalogError::UnknownOverride { process: p.id.clone(), question: qid.clone() });
                }
                let fields = [("text", &o.text), ("action", &o.action), ("hint", &o.hint), ("evidence", &o.evidence)];
                if fields.iter().all(|(_, v)| v.is_none()) {
                    push(CatalogError::EmptyOverride { process: p.id.clone(), question: qid.clone() });
                }
                for (name, value) in fields {
                    if let Some(v) = value {
                        check_text(&format!("process \"{}\" override \"{qid}\" {name}", p.id), v, &mut push);
                    }
                }
            }
        }

        let mut objective_ids = BTreeSet::new();
        for o in &self.objectives {
            check_id("objective", &o.id, &mut objective_ids, &mut push);
            check_text(&format!("objective \"{}\" name", o.id), &o.name, &mut push);
            if o.processes.is_empty() {
                push(CatalogError::EmptyMap { kind: "objective", id: o.id.clone() });
            }
            for pw in &o.processes {
                if !process_ids.contains(pw.process.as_str()) {
                    push(CatalogError::UnknownProcess {
                        place: format!("objective \"{}\"", o.id),
                        process: pw.process.clone(),
                    });
                }
                if !(1..=2).contains(&pw.weight) {
                    push(CatalogError::WeightOutOfRange {
                        objective: o.id.clone(),
                        process: pw.process.clone(),
                        weight: pw.weight,
                    });
                }
            }
        }

        let mut rule_ids = BTreeSet::new();
        for r in &self.service_rules {
            check_id("service rule", &r.id, &mut rule_ids, &mut push);
            check_text(&format!("service rule \"{}\" label", r.id), &r.label, &mut push);
            if let Some(c) = r.when.min_criticality {
                if !(1..=5).contains(&c) {
                    push(CatalogError::CriticalityOutOfRange { rule: r.id.clone(), value: c });
                }
            }
            if r.raises.is_empty() {
                push(CatalogError::EmptyMap { kind: "service rule", id: r.id.clone() });
            }
            for rp in &r.raises {
                if !process_ids.contains(rp.process.as_str()) {
                    push(CatalogError::UnknownProcess {
                        place: format!("service rule \"{}\"", r.id),
                        process: rp.process.clone(),
                    });
                }
                if !(1..=3).contains(&rp.points) {
                    push(CatalogError::PointsOutOfRange {
                        rule: r.id.clone(),
                        process: rp.process.clone(),
                        points: rp.points,
                    });
                }
            }
            for d in &r.discounts {
                if !process_ids.contains(d.process.as_str()) {
                    push(CatalogError::UnknownProcess {
                        place: format!("service rule \"{}\" discounts", r.id),
                        process: d.process.clone(),
                    });
                }
                if !(0.0..=1.0).contains(&d.factor) {
                    push(CatalogError::FactorOutOfRange {
                        rule: r.id.clone(),
                        process: d.process.clone(),
                        factor: d.factor.to_string(),
                    });
                }
            }
        }
        self.validate_templates(&process_ids, &mut push);
        errors
    }

    fn validate_templates(&self, process_ids: &BTreeSet<&str>, push: &mut dyn FnMut(CatalogError)) {
        let mut template_ids = BTreeSet::new();
        for t in &self.templates {
            check_id("template", &t.id, &mut template_ids, push);
            check_text(&format!("template \"{}\" name", t.id), &t.name, push);
            check_text(&format!("template \"{}\" description", t.id), &t.description, push);
            if t.processes.is_empty() {
                push(CatalogError::EmptyMap { kind: "template", id: t.id.clone() });
            }
            let mut named = BTreeSet::new();
            for tp in &t.processes {
                if !process_ids.contains(tp.process.as_str()) {
                    push(CatalogError::UnknownProcess {
                        place: format!("template \"{}\"", t.id),
                        process: tp.process.clone(),
                    });
                } else if !named.insert(tp.process.as_str()) {
                    push(CatalogError::DuplicateTemplateProcess {
                        template: t.id.clone(),
                        process: tp.process.clone(),
                    });
                }
                if !(1..=5).contains(&tp.target) {
                    push(CatalogError::TargetOutOfRange {
                        template: t.id.clone(),
                        process: tp.process.clone(),
                        target: tp.target,
                    });
                }
            }
        }
    }

    /// The template with this id.
    pub fn template(&self, id: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.id == id)
    }

    /// A capability level in words for people who do not know the scale:
    /// "Level 1 · Performed" (level 0: "Level 0 · Incomplete").
    pub fn level_words(&self, level: u8) -> String {
        match self.level_name(level) {
            Some(name) => format!("Level {level} · {name}"),
            None => format!("Level {level}"),
        }
    }

    /// The name of a capability level alone ("Established"), if it has one.
    pub fn level_name(&self, level: u8) -> Option<String> {
        match self.levels.iter().find(|l| l.level == level) {
            Some(l) => Some(l.name.clone()),
            None if level == 0 => Some("Incomplete".into()),
            None => None,
        }
    }

    /// The process with this id.
    pub fn process(&self, id: &str) -> Option<&Process> {
        self.processes.iter().find(|p| p.id == id)
    }

    /// The catalog objective with this id.
    pub fn objective(&self, id: &str) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.id == id)
    }

    /// The attribute description for an id.
    pub fn attribute(&self, id: &str) -> Option<&AttributeInfo> {
        self.attributes.iter().find(|a| a.id == id)
    }

    /// How many questions an assessment asks in quick scan and in full mode.
    pub fn question_counts(&self) -> (usize, usize) {
        let generic_quick = self.generic_questions.iter().filter(|q| q.quick).count();
        let quick = self.processes.iter().map(|p| p.questions.iter().filter(|q| q.quick).count() + generic_quick).sum();
        let full = self.processes.iter().map(|p| p.questions.len() + self.generic_questions.len()).sum();
        (quick, full)
    }

    /// Every process's questions in full mode, in catalog order (the same as
    /// [`Catalog::questions_for`] with `quick_only` false), resolved once.
    pub fn plan(&self) -> &[Vec<ResolvedQuestion>] {
        &self.resolved().questions
    }

    /// Every answer key (`process/question`) with the process's and the
    /// question's position in [`Catalog::plan`], sorted by key like an answer map.
    pub fn answer_keys(&self) -> &[(String, usize, usize)] {
        &self.resolved().keys
    }

    fn resolved(&self) -> &Plan {
        self.plan.0.get_or_init(|| {
            let questions: Vec<Vec<ResolvedQuestion>> =
                self.processes.iter().map(|p| self.questions_for(p, false)).collect();
            let mut keys: Vec<(String, usize, usize)> = questions
                .iter()
                .enumerate()
                .flat_map(|(pi, qs)| {
                    let process = &self.processes[pi].id;
                    qs.iter().enumerate().map(move |(qi, q)| (format!("{process}/{}", q.id), pi, qi))
                })
                .collect();
            keys.sort_unstable();
            Plan { questions, keys }
        })
    }

    /// The questions of one process in attribute order (PA1.1 first), generic
    /// templates filled in and overrides applied. `quick_only` keeps the quick scan.
    pub fn questions_for(&self, process: &Process, quick_only: bool) -> Vec<ResolvedQuestion> {
        let mut out = Vec::with_capacity(process.questions.len() + self.generic_questions.len());
        for q in &process.questions {
            if quick_only && !q.quick {
                continue;
            }
            out.push(ResolvedQuestion {
                id: q.id.clone(),
                attribute: Attribute::Pa11,
                level: 1,
                quick: q.quick,
                text: q.text.as_str().into(),
                action: q.action.as_str().into(),
                hint: q.hint.as_deref().map(Text::from),
                evidence: q.evidence.as_deref().map(Text::from),
                effort: q.effort,
                reference: q.reference.as_deref().map(Text::from),
            });
        }
        for attr in Attribute::ALL.into_iter().skip(1) {
            for q in self.generic_questions.iter().filter(|q| q.attribute == attr.id()) {
                if quick_only && !q.quick {
                    continue;
                }
                let o = process.overrides.get(&q.id);
                let pick = |own: Option<&Option<String>>, generic: &Option<String>| {
                    own.and_then(Option::as_ref).or(generic.as_ref()).map(|t| t.replace("{process}", &process.term))
                };
                let text = o.and_then(|o| o.text.as_ref()).unwrap_or(&q.text);
                let action = o.and_then(|o| o.action.as_ref()).unwrap_or(&q.action);
                out.push(ResolvedQuestion {
                    id: q.id.clone(),
                    attribute: attr,
                    level: attr.level(),
                    quick: q.quick,
                    text: text.replace("{process}", &process.term).into(),
                    action: action.replace("{process}", &process.term).into(),
                    hint: pick(o.map(|o| &o.hint), &q.hint).map(Text::from),
                    evidence: pick(o.map(|o| &o.evidence), &q.evidence).map(Text::from),
                    effort: q.effort,
                    reference: q.reference.as_deref().map(Text::from),
                });
            }
        }
        out
    }
}

fn check_text(place: &str, text: &str, push: &mut dyn FnMut(CatalogError)) {
    if text.trim().is_empty() {
        push(CatalogError::EmptyText { place: place.to_string() });
    }
}

/// An id must be well formed and not seen before among its kind.
fn check_id<'a>(kind: &'static str, id: &'a str, seen: &mut BTreeSet<&'a str>, push: &mut dyn FnMut(CatalogError)) {
    if !valid_id(id) {
        push(CatalogError::BadId { kind, id: id.to_string() });
    } else if !seen.insert(id) {
        push(CatalogError::DuplicateId { kind, id: id.to_string() });
    }
}

/// Optional texts (hint, evidence, reference), when given, must not be blank.
fn check_optional(place: &str, fields: [&Option<String>; 3], push: &mut dyn FnMut(CatalogError)) {
    for (name, value) in ["hint", "evidence", "reference"].into_iter().zip(fields) {
        if let Some(v) = value {
            check_text(&format!("{place} {name}"), v, push);
        }
    }
}
