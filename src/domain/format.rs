//! The versioned envelope every stored or exported assessment travels in:
//! `{format, version, app_version, catalog {id, version}, assessment}`.
//!
//! Version policy: `VERSION` is the newest format this app writes. Older
//! versions are migrated forward on decode (fixtures of each released version
//! live in `tests/fixtures/`); a newer version is refused with a clear message,
//! never guessed at. Decoding never panics: every failure is a [`FormatError`]
//! naming the line, column and field path — of the file as given, also when it
//! was migrated.
//!
//! Versions: 1 — the first release; 2 — `assessment.strategy` (decisions per
//! objective and the services they depend on); a version-1 file loads with an
//! empty strategy; 3 — `assessment.plan` (owner, due date, status and note per
//! roadmap step or shared initiative); a version-2 file loads with an empty plan.

use super::assessment::{Assessment, CatalogRef};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The format name of assessment files.
pub const FORMAT: &str = "itsm-assessment";
/// The newest envelope version, the one this app writes.
pub const VERSION: u32 = 3;
/// The app version recorded in files it writes.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
/// Files larger than this are refused before parsing.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// A stored or exported assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub version: u32,
    pub app_version: String,
    pub catalog: CatalogRef,
    pub assessment: Assessment,
}

/// Why a document could not be read. Nothing is written when this is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    TooLarge {
        bytes: usize,
    },
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    NotAnObject,
    WrongFormat {
        found: String,
    },
    FutureVersion {
        found: u64,
    },
    BadVersion,
    Field {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// Well-formed, but breaks a rule of the assessment model.
    Invalid {
        path: String,
        message: String,
    },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::TooLarge { bytes } => write!(
                f,
                "the file is {:.1} MB; assessment files are at most {} MB",
                *bytes as f64 / 1_048_576.0,
                MAX_BYTES / 1_048_576
            ),
            FormatError::Syntax { line, column, message } => {
                write!(f, "this is not valid JSON (line {line}, column {column}): {message}")
            }
            FormatError::NotAnObject => write!(f, "the file holds JSON, but not an assessment (expected an object)"),
            FormatError::WrongFormat { found } if found.is_empty() => {
                write!(f, "field 'format' is missing: this is not an assessment file from this app")
            }
            FormatError::WrongFormat { found } => write!(
                f,
                "field 'format' is \"{found}\", expected \"{FORMAT}\" or \"{BACKUP_FORMAT}\": this is not an assessment file"
            ),
            FormatError::FutureVersion { found } => write!(
                f,
                "this file is format version {found}, made by a newer version of the app; this one reads up to version {VERSION}"
            ),
            FormatError::BadVersion => write!(f, "field 'version' is missing or not a whole number"),
            FormatError::Field { path, line, column, message } => {
                write!(f, "field '{path}' (line {line}, column {column}): {message}")
            }
            FormatError::Invalid { path, message } => write!(f, "field '{path}' {message}"),
        }
    }
}

impl std::error::Error for FormatError {}

impl Envelope {
    /// Wraps an assessment in the current envelope version.
    pub fn new(a: Assessment, catalog: CatalogRef) -> Envelope {
        Envelope { format: FORMAT.into(), version: VERSION, app_version: APP_VERSION.into(), catalog, assessment: a }
    }

    /// The envelope as pretty JSON.
    pub fn encode(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The envelope of `a` as [`Envelope::encode`] writes it, without copying the
/// assessment first (autosave of a large workshop: no clone of every answer).
pub fn encode_parts(a: &Assessment, catalog: &CatalogRef) -> String {
    #[derive(Serialize)]
    struct Borrowed<'a> {
        format: &'a str,
        version: u32,
        app_version: &'a str,
        catalog: &'a CatalogRef,
        assessment: &'a Assessment,
    }
    let doc = Borrowed { format: FORMAT, version: VERSION, app_version: APP_VERSION, catalog, assessment: a };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

fn strip_position(message: &str) -> String {
    message.split(" at line ").next().unwrap_or(message).to_string()
}

/// The format name of backups (several assessments in one file).
pub const BACKUP_FORMAT: &str = "itsm-backup";

/// A backup of several assessments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    pub app_version: String,
    pub assessments: Vec<Envelope>,
}

impl Backup {
    /// A backup of these envelopes in the current version.
    pub fn new(assessments: Vec<Envelope>) -> Backup {
        Backup { format: BACKUP_FORMAT.into(), version: VERSION, app_version: APP_VERSION.into(), assessments }
    }
    /// The backup as pretty JSON.
    pub fn encode(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// What an imported file holds: one assessment, or a backup of several.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub backup: bool,
    pub envelopes: Vec<Envelope>,
}

fn syntax(e: serde_json::Error) -> FormatError {
    FormatError::Syntax { line: e.line(), column: e.column(), message: strip_position(&e.to_string()) }
}

fn version_of(obj: &serde_json::Map<String, serde_json::Value>) -> Result<u64, FormatError> {
    let version = obj.get("version").and_then(|v| v.as_u64()).ok_or(FormatError::BadVersion)?;
    if version > VERSION as u64 {
        return Err(FormatError::FutureVersion { found: version });
    }
    if version == 0 {
        return Err(FormatError::BadVersion);
    }
    Ok(version)
}

/// Migrates a document's JSON (an assessment envelope or a backup of them)
/// from `version` to the current one, one step (n → n+1) at a time; each new
/// version adds one step here and a fixture in tests/fixtures.
fn migrate(version: u64, mut value: serde_json::Value) -> serde_json::Value {
    let mut v = version;
    while v < VERSION as u64 {
        // 1 → 2: assessments gain a strategy; 2 → 3: an action plan. Old files have none.
        // (A later step n → n+1 goes here as `(n, field, empty value)`.)
        let added = match v {
            1 => Some(("strategy", serde_json::Value::Array(Vec::new()))),
            2 => Some(("plan", serde_json::Value::Object(serde_json::Map::new()))),
            _ => None,
        };
        if let Some((field, empty)) = added {
            for_each_envelope(&mut value, |env| {
                if let Some(a) = env.get_mut("assessment").and_then(|a| a.as_object_mut()) {
                    a.entry(field).or_insert_with(|| empty.clone());
                }
            });
        }
        v += 1;
    }
    for_each_envelope(&mut value, |env| {
        env.insert("version".into(), serde_json::Value::from(VERSION));
    });
    if let Some(obj) = value.as_object_mut() {
        obj.insert("version".into(), serde_json::Value::from(VERSION));
    }
    value
}

/// Calls `f` on the envelope object itself, or on each envelope of a backup.
fn for_each_envelope(
    value: &mut serde_json::Value,
    mut f: impl FnMut(&mut serde_json::Map<String, serde_json::Value>),
) {
    let Some(obj) = value.as_object_mut() else { return };
    if let Some(list) = obj.get_mut("assessments").and_then(|l| l.as_array_mut()) {
        list.iter_mut().filter_map(|e| e.as_object_mut()).for_each(&mut f);
    } else {
        f(obj);
    }
}

fn deserialize_at<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, FormatError> {
    serde_json::from_str::<T>(text).map_err(|e| FormatError::Field {
        path: json_path_at(text, e.line(), e.column()),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })
}

/// The field path (`assessment.services[0].criticality`) of the value that
/// ends at `line`/`column` (1-based, as serde_json reports errors) in a JSON
/// text already known to be well formed. Walking the text once on the error
/// path keeps the decoder a single plain serde instantiation.
pub fn json_path_at(text: &str, line: usize, column: usize) -> String {
    enum Frame {
        Object { key: String, expect_key: bool },
        Array { index: usize },
    }
    let start = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum::<usize>();
    let end = (start + column).min(text.len());
    let bytes = &text.as_bytes()[..end];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Frame::Object { key: String::new(), expect_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = false;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let mut raw = Vec::new();
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    if let Some(&b) = bytes.get(i) {
                        raw.push(b);
                    }
                    i += 1;
                }
                if let Some(Frame::Object { key, expect_key: true }) = stack.last_mut() {
                    *key = String::from_utf8_lossy(&raw).into_owned();
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key, .. } if !key.is_empty() => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    if path.is_empty() {
        path.push_str("(top level)");
    }
    path
}

/// Reads an assessment envelope of any supported version.
pub fn decode(text: &str) -> Result<Envelope, FormatError> {
    match decode_any(text)? {
        Imported { backup: false, mut envelopes } if envelopes.len() == 1 => Ok(envelopes.remove(0)),
        _ => Err(FormatError::WrongFormat { found: BACKUP_FORMAT.into() }),
    }
}

/// Reads a single assessment or a backup of several, of any supported version,
/// and checks the invariants an assessment must keep.
pub fn decode_any(text: &str) -> Result<Imported, FormatError> {
    if text.len() > MAX_BYTES {
        return Err(FormatError::TooLarge { bytes: text.len() });
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(syntax)?;
    let obj = value.as_object().ok_or(FormatError::NotAnObject)?;
    let format = obj.get("format").and_then(|f| f.as_str()).unwrap_or("").to_string();
    let version = match format.as_str() {
        FORMAT | BACKUP_FORMAT => version_of(obj)?,
        other => return Err(FormatError::WrongFormat { found: other.chars().take(60).collect() }),
    };
    // The current version is read from the text itself so errors carry line and column.
    let migrated = (version != VERSION as u64).then(|| migrate(version, value).to_string());
    let source = migrated.as_deref().unwrap_or(text);
    let backup = format == BACKUP_FORMAT;
    let read = |source: &str| -> Result<Vec<Envelope>, FormatError> {
        if backup {
            Ok(deserialize_at::<Backup>(source)?.assessments)
        } else {
            Ok(vec![deserialize_at::<Envelope>(source)?])
        }
    };
    let envelopes = match read(source) {
        Ok(list) => list,
        // A migrated document is one line of JSON: name the place in the file as
        // given, where the same field is wrong (the migration only adds fields).
        Err(e) if migrated.is_some() => return Err(read(text).err().unwrap_or(e)),
        Err(e) => return Err(e),
    };
    for (i, env) in envelopes.iter().enumerate() {
        validate(env, &if backup { format!("assessments[{i}].") } else { String::new() })?;
    }
    Ok(Imported { backup, envelopes })
}

fn invalid(prefix: &str, path: &str, message: String) -> FormatError {
    FormatError::Invalid { path: format!("{prefix}{path}"), message }
}

/// The invariants `Assessment::apply` keeps, checked on data from outside.
fn validate(env: &Envelope, prefix: &str) -> Result<(), FormatError> {
    let a = &env.assessment;
    if a.id.is_empty() || a.id.len() > 80 || a.id.contains(['/', '\\']) {
        return Err(invalid(prefix, "assessment.id", "must be 1–80 characters without slashes".into()));
    }
    if a.participants.is_empty() {
        return Err(invalid(prefix, "assessment.participants", "needs at least one participant".into()));
    }
    if a.participant(&a.active).is_none() {
        return Err(invalid(prefix, "assessment.active", format!("names no participant (\"{}\")", a.active)));
    }
    for (id, imp) in &a.objectives {
        if *imp > 5 {
            return Err(invalid(
                prefix,
                &format!("assessment.objectives.{id}"),
                format!("importance {imp} is above 5"),
            ));
        }
    }
    for (i, s) in a.services.iter().enumerate() {
        if !(1..=5).contains(&s.criticality) {
            return Err(invalid(
                prefix,
                &format!("assessment.services[{i}].criticality"),
                format!("{} is not 1 to 5", s.criticality),
            ));
        }
    }
    for (i, o) in a.custom_objectives.iter().enumerate() {
        if o.importance > 5 {
            return Err(invalid(
                prefix,
                &format!("assessment.custom_objectives[{i}].importance"),
                format!("{} is above 5", o.importance),
            ));
        }
    }
    for (p, d) in &a.scope {
        if d.target.is_some_and(|t| t > 5) {
            return Err(invalid(prefix, &format!("assessment.scope.{p}.target"), "is above 5".into()));
        }
    }
    if !super::assessment::valid_logo(&a.logo) {
        return Err(invalid(prefix, "assessment.logo", "is not a PNG, JPEG, WebP or GIF image as a data URL".into()));
    }
    validate_strategy(a, prefix)?;
    validate_plan(a, prefix)
}

/// Action-plan entries: as many as an assessment may hold, each with a step or
/// initiative key, lengths within bounds and a real date (or none).
fn validate_plan(a: &Assessment, prefix: &str) -> Result<(), FormatError> {
    use super::assessment::{check_plan_entry, MAX_PLAN_ENTRIES};
    if a.plan.len() > MAX_PLAN_ENTRIES {
        return Err(invalid(prefix, "assessment.plan", format!("holds more than {MAX_PLAN_ENTRIES} entries")));
    }
    for (key, entry) in &a.plan {
        check_plan_entry(key, entry).map_err(|e| invalid(prefix, &format!("assessment.plan.{key}"), e.to_string()))?;
    }
    Ok(())
}

/// Strategy decisions: unique ids, a short non-empty text, links to listed
/// services only, each once. Objective ids are not checked here: they may
/// belong to another catalog version, and are kept like unknown objectives.
fn validate_strategy(a: &Assessment, prefix: &str) -> Result<(), FormatError> {
    use super::assessment::{MAX_DECISIONS, MAX_DECISION_TEXT};
    if a.strategy.len() > MAX_DECISIONS {
        return Err(invalid(prefix, "assessment.strategy", format!("holds more than {MAX_DECISIONS} decisions")));
    }
    for (i, d) in a.strategy.iter().enumerate() {
        let at = |field: &str| format!("assessment.strategy[{i}].{field}");
        if d.id.trim().is_empty() || a.strategy[..i].iter().any(|x| x.id == d.id) {
            return Err(invalid(prefix, &at("id"), format!("\"{}\" is empty or not unique", d.id)));
        }
        if d.text.trim().is_empty() || d.text.chars().count() > MAX_DECISION_TEXT {
            return Err(invalid(prefix, &at("text"), format!("must be 1–{MAX_DECISION_TEXT} characters")));
        }
        for (j, s) in d.services.iter().enumerate() {
            if !a.services.iter().any(|x| &x.id == s) {
                return Err(invalid(
                    prefix,
                    &at(&format!("services[{j}]")),
                    format!("names no listed service (\"{s}\")"),
                ));
            }
            if d.services[..j].contains(s) {
                return Err(invalid(prefix, &at(&format!("services[{j}]")), format!("links service \"{s}\" twice")));
            }
        }
    }
    Ok(())
}

/// The format name of one participant's answers ("my answers").
pub const ANSWERS_FORMAT: &str = "itsm-answers";

/// One participant's answers, made on their own device for the facilitator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswersFile {
    pub format: String,
    pub version: u32,
    pub app_version: String,
    pub catalog: CatalogRef,
    /// The assessment the answers belong to.
    pub assessment_id: String,
    pub assessment_name: String,
    pub participant: super::assessment::Participant,
}

impl AnswersFile {
    /// The active participant's answers of an assessment.
    pub fn of(a: &Assessment, catalog: CatalogRef) -> Option<AnswersFile> {
        Some(AnswersFile {
            format: ANSWERS_FORMAT.into(),
            version: VERSION,
            app_version: APP_VERSION.into(),
            catalog,
            assessment_id: a.id.clone(),
            assessment_name: a.name.clone(),
            participant: a.participant(&a.active)?.clone(),
        })
    }

    /// The file as pretty JSON.
    pub fn encode(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Reads a "my answers" file, with the same checks and messages as assessments.
pub fn decode_answers(text: &str) -> Result<AnswersFile, FormatError> {
    if text.len() > MAX_BYTES {
        return Err(FormatError::TooLarge { bytes: text.len() });
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(syntax)?;
    let obj = value.as_object().ok_or(FormatError::NotAnObject)?;
    match obj.get("format").and_then(|f| f.as_str()).unwrap_or("") {
        ANSWERS_FORMAT => {}
        other => {
            let found: String = other.chars().take(60).collect();
            return Err(FormatError::Invalid {
                path: "format".into(),
                message: format!(
                    "is \"{found}\", expected \"{ANSWERS_FORMAT}\": this is not a file of one participant's answers"
                ),
            });
        }
    }
    version_of(obj)?;
    let file: AnswersFile = deserialize_at(text)?;
    if file.participant.name.trim().is_empty() {
        return Err(FormatError::Invalid { path: "participant.name".into(), message: "is empty".into() });
    }
    Ok(file)
}
