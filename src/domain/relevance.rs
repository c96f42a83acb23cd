//! Relevance of each process (0..=100) on an absolute scale, derived from the
//! rated business objectives, the strategy (objective → decision → service)
//! and the services, with every contribution kept so the UI can say why.
//!
//! Rules (PRODUCT.md §4):
//! - an objective contributes importance (0..=5) × map weight (1 secondary,
//!   2 primary) to each process it maps to;
//! - a service counts once per process: the strongest matching rule that
//!   raises the process (most points; ties: the first in catalog order), its
//!   points × the service weight, times the factor of every matching rule that
//!   discounts the process (0..=1: the provider's part of a SaaS service);
//! - the service weight is the higher of its criticality (1..=5) and the
//!   importance of the rated objectives whose strategy decisions depend on it;
//!   such a contribution names the whole chain objective → decision → service;
//! - score = round(100 × raw / (raw + [`HALF_AT`])), at least 1 when raw > 0:
//!   the same inputs give the same score whatever other processes score, 25
//!   raw points give 50, and modest inputs give a modest score.

use super::assessment::{Assessment, Service};
use super::catalog::{Catalog, ServiceRule};
use serde::Serialize;
use std::collections::BTreeMap;

/// Raw points that give a relevance of 50.
pub const HALF_AT: f64 = 25.0;

/// The relevance score 0..=100 of a raw sum of points (see the module rules).
pub fn score_of(raw: f64) -> u8 {
    if raw > 0.0 {
        ((100.0 * raw / (raw + HALF_AT)).round() as u8).max(1)
    } else {
        0
    }
}

/// How a service is tied to a business objective through the strategy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrategyLink {
    pub objective: String,
    pub objective_name: String,
    pub importance: u8,
    pub decision: String,
    pub decision_text: String,
}

/// What raised a process's relevance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Reason {
    Objective {
        id: String,
        name: String,
        importance: u8,
        weight: u8,
        custom: bool,
    },
    Service {
        id: String,
        name: String,
        /// The strongest matching rule that raises the process.
        rule: String,
        label: String,
        criticality: u8,
        points: u8,
        /// The higher of the criticality and the importance of `via`'s objective.
        weight: u8,
        /// The process's term ("supplier management"), the end of the chain.
        process: String,
        /// 1.0, or the product of the matching rules' discounts for the process.
        factor: f64,
        /// Labels of the discounting rules ("outsourced or SaaS"), joined.
        discount: Option<String>,
        /// The most important rated objective whose decision depends on the service.
        via: Option<Box<StrategyLink>>,
    },
}

impl Reason {
    /// The reason in one plain sentence, about the process it raises:
    /// "Objective “Card payment” (importance 5 of 5) relies heavily on this
    /// process" (a primary link, which several processes of one objective may
    /// have; "also relies on this process" for a secondary one), or "Service “Payment system” (bought and customized,
    /// criticality 3 of 5), which “Card payment” (importance 5 of 5) relies
    /// on through the decision “Card payment at the door”", with "; counted
    /// at 40 % (outsourced or SaaS)" when a rule discounts it.
    pub fn describe(&self) -> String {
        match self {
            Reason::Objective { name, importance, weight, .. } => format!(
                "Objective “{name}” (importance {importance} of 5) {} this process",
                if *weight >= 2 { "relies heavily on" } else { "also relies on" }
            ),
            Reason::Service { name, label, criticality, factor, discount, via, .. } => {
                let mut out = format!("Service “{name}” ({label}, criticality {criticality} of 5)");
                if let Some(v) = via {
                    out.push_str(&format!(
                        ", which “{}” (importance {} of 5) relies on through the decision “{}”",
                        v.objective_name,
                        v.importance,
                        v.decision_text.trim().trim_end_matches('.')
                    ));
                }
                if let Some(d) = discount {
                    out.push_str(&format!("; counted at {:.0} % ({d})", factor * 100.0));
                }
                out
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
    /// The sum of the contributions' points.
    pub raw: f64,
    /// 0..=100 on the absolute scale of [`score_of`].
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

/// For each service id, its strongest strategy link: the rated objective of
/// highest importance whose decision depends on it (ties: the first decision).
pub fn strategy_links(catalog: &Catalog, a: &Assessment) -> BTreeMap<String, StrategyLink> {
    let mut out: BTreeMap<String, StrategyLink> = BTreeMap::new();
    for d in &a.strategy {
        let objective = match a.custom_objectives.iter().find(|c| c.id == d.objective) {
            Some(c) => Some((c.name.clone(), c.importance)),
            None => {
                catalog.objective(&d.objective).map(|o| (o.name.clone(), a.objectives.get(&o.id).copied().unwrap_or(0)))
            }
        };
        let Some((objective_name, importance)) = objective.filter(|o| o.1 > 0) else { continue };
        for s in &d.services {
            if out.get(s).is_some_and(|l| l.importance >= importance) {
                continue;
            }
            out.insert(
                s.clone(),
                StrategyLink {
                    objective: d.objective.clone(),
                    objective_name: objective_name.clone(),
                    importance,
                    decision: d.id.clone(),
                    decision_text: d.text.clone(),
                },
            );
        }
    }
    out
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
    let links = strategy_links(catalog, a);
    for s in &a.services {
        let via = links.get(&s.id);
        let weight = s.criticality.max(via.map_or(0, |l| l.importance));
        let matching: Vec<&ServiceRule> = catalog.service_rules.iter().filter(|r| rule_matches(r, s)).collect();
        // The strongest matching rule per process, in first-raised order.
        let mut best: Vec<(&str, u8, &ServiceRule)> = Vec::new();
        for rule in &matching {
            for rp in &rule.raises {
                match best.iter_mut().find(|b| b.0 == rp.process) {
                    Some(b) if rp.points > b.1 => *b = (rp.process.as_str(), rp.points, rule),
                    Some(_) => {}
                    None => best.push((rp.process.as_str(), rp.points, rule)),
                }
            }
        }
        for (process, points, rule) in best {
            let discounts: Vec<(&str, f64)> = matching
                .iter()
                .flat_map(|r| r.discounts.iter().filter(|d| d.process == process).map(|d| (r.label.as_str(), d.factor)))
                .collect();
            let factor: f64 = discounts.iter().map(|d| d.1).product();
            let term = catalog.process(process).map_or(process, |p| p.term.as_str());
            let reason = Reason::Service {
                id: s.id.clone(),
                name: s.name.clone(),
                rule: rule.id.clone(),
                label: rule.label.clone(),
                criticality: s.criticality,
                points,
                weight,
                process: term.to_string(),
                factor,
                discount: (!discounts.is_empty()).then(|| discounts.iter().map(|d| d.0).collect::<Vec<_>>().join(", ")),
                via: via.cloned().map(Box::new),
            };
            add(process, reason, points as f64 * weight as f64 * factor);
        }
    }
    for r in out.values_mut() {
        r.score = score_of(r.raw);
        // Largest first; ties keep their input order (objectives before services).
        super::sort::sort_stable(&mut r.contributions, |x, y| y.points.total_cmp(&x.points));
    }
    out
}
