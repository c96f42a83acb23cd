//! Relevance of each process (0..=100) derived from the rated business
//! objectives (importance × map weight) and the services (rule points ×
//! criticality). The largest raw sum in the assessment becomes 100; every
//! contribution is kept so the UI can say why.

use super::assessment::{Assessment, Service};
use super::catalog::{Catalog, ServiceRule};
use serde::Serialize;
use std::collections::BTreeMap;

/// What raised a process's relevance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Reason {
    Objective { id: String, name: String, importance: u8, weight: u8, custom: bool },
    Service { id: String, name: String, rule: String, label: String, criticality: u8, points: u8 },
}

impl Reason {
    /// The reason in words: "objective 'Card payment' rated 5 (primary)".
    pub fn describe(&self) -> String {
        match self {
            Reason::Objective { name, importance, weight, .. } => format!(
                "objective '{name}' rated {importance} ({})",
                if *weight >= 2 { "primary" } else { "secondary" }
            ),
            Reason::Service { name, label, criticality, .. } => {
                format!("service '{name}' {label} (criticality {criticality})")
            }
        }
    }
}

/// One contribution to a process's relevance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    pub reason: Reason,
    pub points: f64,
}

/// The relevance of one process with its reasons, largest first.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Relevance {
    pub raw: f64,
    /// 0..=100; the most relevant process of the assessment is 100.
    pub score: u8,
    pub contributions: Vec<Contribution>,
}

impl Relevance {
    /// The top `n` reasons in words.
    pub fn top_reasons(&self, n: usize) -> Vec<String> {
        self.contributions.iter().take(n).map(|c| c.reason.describe()).collect()
    }
}

/// Whether a service matches a rule's conditions.
pub fn rule_matches(rule: &ServiceRule, s: &Service) -> bool {
    let w = &rule.when;
    w.audience.as_ref().is_none_or(|a| a.iter().any(|x| s.audience.contains(x)))
        && w.sourcing.as_ref().is_none_or(|v| v.contains(&s.sourcing))
        && w.change_rate.as_ref().is_none_or(|v| v.contains(&s.change_rate))
        && w.min_criticality.is_none_or(|m| s.criticality >= m)
}

/// Relevance of every catalog process (processes nothing raises get score 0).
pub fn relevance(catalog: &Catalog, a: &Assessment) -> BTreeMap<String, Relevance> {
    let mut out: BTreeMap<String, Relevance> =
        catalog.processes.iter().map(|p| (p.id.clone(), Relevance::default())).collect();
    let mut add = |process: &str, reason: Reason, points: f64| {
        if let Some(r) = out.get_mut(process) {
            r.raw += points;
            r.contributions.push(Contribution { reason, points });
        }
    };
    for o in &catalog.objectives {
        let importance = a.objectives.get(&o.id).copied().unwrap_or(0);
        if importance == 0 {
            continue;
        }
        for pw in &o.processes {
            let reason = Reason::Objective {
                id: o.id.clone(),
                name: o.name.clone(),
                importance,
                weight: pw.weight,
                custom: false,
            };
            add(&pw.process, reason, (importance * pw.weight) as f64);
        }
    }
    for o in a.custom_objectives.iter().filter(|o| o.importance > 0) {
        for pw in &o.processes {
            let reason = Reason::Objective {
                id: o.id.clone(),
                name: o.name.clone(),
                importance: o.importance,
                weight: pw.weight,
                custom: true,
            };
            add(&pw.process, reason, (o.importance * pw.weight) as f64);
        }
    }
    for s in &a.services {
        for rule in catalog.service_rules.iter().filter(|r| rule_matches(r, s)) {
            for rp in &rule.raises {
                let reason = Reason::Service {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    rule: rule.id.clone(),
                    label: rule.label.clone(),
                    criticality: s.criticality,
                    points: rp.points,
                };
                add(&rp.process, reason, (rp.points * s.criticality) as f64);
            }
        }
    }
    let max = out.values().map(|r| r.raw).fold(0.0, f64::max);
    for r in out.values_mut() {
        // A process raised at all is never rounded down to "not relevant".
        r.score = if max > 0.0 && r.raw > 0.0 { ((r.raw / max * 100.0).round() as u8).max(1) } else { 0 };
        // Largest first; ties keep their input order (objectives before services).
        super::sort::sort_stable(&mut r.contributions, |x, y| y.points.total_cmp(&x.points));
    }
    out
}
