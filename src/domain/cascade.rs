//! The goals cascade of one assessment as a graph, for its picture: rated
//! objectives → their strategy decisions → the services those depend on → the
//! in-scope processes those services raise. Built from the assessment and its
//! results; nothing here scores anything.
//!
//! Invariants: every link joins a node of one column to a node of the next;
//! link weights are > 0; processes are the in-scope ones raised through a
//! service, in the priority order, at most `max_processes` of them (the rest
//! are counted in `more_processes`).

use super::assessment::Assessment;
use super::catalog::Catalog;
use super::relevance::Reason;
use super::results::Results;
use serde::Serialize;

/// One box of the picture.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CascadeNode {
    pub id: String,
    pub label: String,
    /// Processes only: target − level (≤ 0 when the target is met).
    pub gap: Option<i8>,
}

/// A line between two boxes of neighbouring columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CascadeLink {
    /// Column of the start (0 objectives, 1 decisions, 2 services); the end is in `column + 1`.
    pub column: usize,
    pub from: usize,
    pub to: usize,
    /// Objective importance (objective → decision → service) or the points a
    /// service adds to a process (service → process).
    pub weight: f64,
}

/// The four columns and their links.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Cascade {
    /// Objectives, decisions, services, processes.
    pub columns: [Vec<CascadeNode>; 4],
    pub links: Vec<CascadeLink>,
    /// In-scope processes raised through a service but not drawn.
    pub more_processes: usize,
}

impl Cascade {
    /// Whether there is anything to draw (at least one decision linked to a service).
    pub fn is_empty(&self) -> bool {
        self.links.iter().all(|l| l.column != 1)
    }

    /// Every link in words, in column order: "Card payment → Card payment at the door (5)".
    pub fn describe_links(&self) -> Vec<String> {
        self.links
            .iter()
            .map(|l| {
                let (a, b) = (&self.columns[l.column][l.from], &self.columns[l.column + 1][l.to]);
                format!("{} → {} ({})", a.label, b.label, (l.weight * 10.0).round() / 10.0)
            })
            .collect()
    }
}

/// One process of the cascade read backwards: the services that raise it and
/// the objectives those serve.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProcessTrace {
    pub process: String,
    /// target − level (≤ 0 at target).
    pub gap: Option<i8>,
    pub services: Vec<String>,
    pub objectives: Vec<String>,
}

impl Cascade {
    /// Each drawn process with what depends on it, in the picture's order.
    pub fn by_process(&self) -> Vec<ProcessTrace> {
        let back = |col: usize, to: &[usize]| -> Vec<usize> {
            let mut from: Vec<usize> =
                self.links.iter().filter(|l| l.column == col && to.contains(&l.to)).map(|l| l.from).collect();
            from.sort_unstable();
            from.dedup();
            from
        };
        let labels = |col: usize, idx: &[usize]| idx.iter().map(|&i| self.columns[col][i].label.clone()).collect();
        self.columns[3]
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let services = back(2, &[i]);
                let objectives = back(0, &back(1, &services));
                ProcessTrace {
                    process: p.label.clone(),
                    gap: p.gap,
                    services: labels(2, &services),
                    objectives: labels(0, &objectives),
                }
            })
            .collect()
    }
}

/// How many processes the picture draws (page, report, Word file); the rest are counted.
pub const MAX_PROCESSES: usize = 12;

/// The cascade of `a` as evaluated in `r`, with at most `max_processes` processes.
pub fn cascade(catalog: &Catalog, a: &Assessment, r: &Results, max_processes: usize) -> Cascade {
    let importance = |id: &str| -> u8 {
        a.objectives
            .get(id)
            .copied()
            .or_else(|| a.custom_objectives.iter().find(|o| o.id == id).map(|o| o.importance))
            .unwrap_or(0)
    };
    let objective_name = |id: &str| -> String {
        catalog
            .objective(id)
            .map(|o| o.name.clone())
            .or_else(|| a.custom_objectives.iter().find(|o| o.id == id).map(|o| o.name.clone()))
            .unwrap_or_else(|| id.to_string())
    };
    let decisions: Vec<_> = a.strategy.iter().filter(|d| importance(&d.objective) > 0).collect();
    let mut out = Cascade::default();
    let mut objectives: Vec<String> = Vec::new();
    for d in &decisions {
        if !objectives.contains(&d.objective) {
            objectives.push(d.objective.clone());
        }
    }
    out.columns[0] =
        objectives.iter().map(|o| CascadeNode { id: o.clone(), label: objective_name(o), gap: None }).collect();
    out.columns[1] =
        decisions.iter().map(|d| CascadeNode { id: d.id.clone(), label: d.text.clone(), gap: None }).collect();
    out.columns[2] =
        a.services.iter().map(|s| CascadeNode { id: s.id.clone(), label: s.name.clone(), gap: None }).collect();
    for (di, d) in decisions.iter().enumerate() {
        let w = importance(&d.objective) as f64;
        if let Some(oi) = objectives.iter().position(|o| *o == d.objective) {
            out.links.push(CascadeLink { column: 0, from: oi, to: di, weight: w });
        }
        for sid in &d.services {
            if let Some(si) = a.services.iter().position(|s| s.id == *sid) {
                out.links.push(CascadeLink { column: 1, from: di, to: si, weight: w });
            }
        }
    }
    // Processes raised through a service, in the one priority order of the app.
    let service_points = |p: &super::results::ProcessResult| -> Vec<(usize, f64)> {
        p.relevance
            .contributions
            .iter()
            .filter_map(|c| match &c.reason {
                Reason::Service { id, .. } => a.services.iter().position(|s| s.id == *id).map(|si| (si, c.points)),
                _ => None,
            })
            .collect()
    };
    let raised: Vec<_> = r.in_scope_by_priority().into_iter().filter(|p| !service_points(p).is_empty()).collect();
    out.more_processes = raised.len().saturating_sub(max_processes);
    for (pi, p) in raised.into_iter().take(max_processes).enumerate() {
        out.columns[3].push(CascadeNode { id: p.id.clone(), label: p.name.clone(), gap: Some(p.gap) });
        for (si, points) in service_points(p) {
            match out.links.iter_mut().find(|l| l.column == 2 && l.from == si && l.to == pi) {
                Some(l) => l.weight = l.weight.max(points),
                None => out.links.push(CascadeLink { column: 2, from: si, to: pi, weight: points }),
            }
        }
    }
    out
}
