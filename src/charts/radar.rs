//! Radar (spider) chart: the capability index (0–5) of every in-scope process,
//! current against target, one axis per process in catalog order, rings 1–5.
//!
//! - No process in scope: a message instead of a chart.
//! - One or two processes: a radar needs three axes, so the same data is shown
//!   as horizontal bars (current index, target level) with a note saying why.
//! - Every process gets one `<g data-process="id">` holding its axis label and
//!   markers; labels drop a trailing " management" and wrap onto two lines,
//!   and a cut label carries the full name as a tooltip.

use super::{
    fit, font, label_width, message_chart, one_decimal, text_width, Area, ChartOptions, Drawn, Svg, Theme, MIN_WIDTH,
};
use crate::domain::evaluate::{ProcessResult, Results};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use std::f64::consts::PI;

const PAD: i32 = 12;
const LEGEND_H: i32 = 34;
const LINE_H: i32 = 15;

/// The radar chart of current index vs target level per in-scope process.
pub fn radar(results: &Results, opts: &ChartOptions) -> String {
    let procs: Vec<&ProcessResult> = results.in_scope().collect();
    match procs.len() {
        0 => message_chart(opts, "Capability radar: no process in scope yet.", "No process in scope yet"),
        1 | 2 => bars(&procs, opts),
        _ => spider(&procs, opts),
    }
}

fn aria_label(n: usize) -> String {
    let s = if n == 1 { "" } else { "es" };
    format!("Capability radar: current capability index and target level (0–5) of {n} in-scope process{s}.")
}

/// The label of an axis: "Incident management" reads as "Incident" on a radar.
fn short_name(name: &str) -> &str {
    let trimmed = name.trim();
    let cut = trimmed.len().saturating_sub(" management".len());
    match trimmed.get(cut..) {
        Some(tail) if cut > 0 && tail.eq_ignore_ascii_case(" management") => &trimmed[..cut],
        _ => trimmed,
    }
}

/// The legend: a filled swatch for Current, a dashed line for Target.
fn legend(area: &Area, theme: &Theme, width: i32) -> Drawn {
    let y = PAD + 10;
    let x = PAD;
    area.draw(&Rectangle::new([(x, y - 7), (x + 22, y + 7)], theme.current.mix(0.22).filled()))?;
    area.draw(&Rectangle::new([(x, y - 7), (x + 22, y + 7)], theme.current.stroke_width(2)))?;
    area.draw(&Text::new("Current", (x + 30, y), font(13.0, theme.text, HPos::Left, VPos::Center)))?;
    let x2 = x + 30 + text_width("Current", 13.0) as i32 + 24;
    area.draw(&DashedPathElement::new(vec![(x2, y), (x2 + 24, y)], 5, 3, theme.target.stroke_width(2)))?;
    area.draw(&Text::new("Target", (x2 + 32, y), font(13.0, theme.text, HPos::Left, VPos::Center)))?;
    area.draw(&Text::new("Capability index 0–5", (width - PAD, y), font(12.0, theme.muted, HPos::Right, VPos::Center)))
}

fn spider(procs: &[&ProcessResult], opts: &ChartOptions) -> String {
    let theme = Theme::of(opts);
    let width = opts.width.max(MIN_WIDTH) as i32;
    let n = procs.len();
    let label_size = if n > 12 { 12.0 } else { 13.0 };
    let side = ((width as f64) * 0.17).clamp(70.0, 150.0) as i32;
    let radius = ((width - 2 * side - 2 * PAD) / 2).clamp(60, 300);
    let v_room = 2 * LINE_H + 14;
    let (cx, cy) = (width / 2, LEGEND_H + v_room + radius);
    let height = cy + radius + v_room + PAD;

    let angle = |i: usize| -PI / 2.0 + 2.0 * PI * i as f64 / n as f64;
    let at = |i: usize, value: f64| {
        let (s, c) = angle(i).sin_cos();
        let r = radius as f64 * value.clamp(0.0, 5.0) / 5.0;
        (cx + (c * r).round() as i32, cy + (s * r).round() as i32)
    };
    let current: Vec<(i32, i32)> = procs.iter().enumerate().map(|(i, p)| at(i, p.index)).collect();
    let target: Vec<(i32, i32)> = procs.iter().enumerate().map(|(i, p)| at(i, p.target as f64)).collect();
    let closed = |pts: &[(i32, i32)]| pts.iter().chain(pts.first()).copied().collect::<Vec<_>>();

    let mut svg = Svg::new(width as u32, height as u32, &theme);
    svg.draw(|area| {
        legend(area, &theme, width)?;
        // Rings 1..5 and spokes.
        for ring in 1..=5 {
            let pts: Vec<(i32, i32)> = (0..n).map(|i| at(i, ring as f64)).collect();
            let style = if ring == 5 { theme.muted.stroke_width(1) } else { theme.grid.stroke_width(1) };
            area.draw(&PathElement::new(closed(&pts), style))?;
        }
        for i in 0..n {
            area.draw(&PathElement::new(vec![(cx, cy), at(i, 5.0)], theme.grid.stroke_width(1)))?;
        }
        // Ring values along the first (upward) axis.
        for ring in 1..=5 {
            let (x, y) = at(0, ring as f64);
            area.draw(&Text::new(ring.to_string(), (x + 5, y + 2), font(11.0, theme.muted, HPos::Left, VPos::Top)))?;
        }
        // Current: filled area; target: dashed outline on top.
        area.draw(&Polygon::new(current.clone(), theme.current.mix(0.22).filled()))?;
        area.draw(&PathElement::new(closed(&current), theme.current.stroke_width(2)))?;
        area.draw(&DashedPathElement::new(closed(&target), 6, 4, theme.target.stroke_width(2)))
    });

    let spacing = 2.0 * PI * radius as f64 / n as f64;
    for (i, p) in procs.iter().enumerate() {
        let (s, c) = angle(i).sin_cos();
        let r = radius as f64 + 12.0;
        let (x, y) = (cx + (c * r).round() as i32, cy + (s * r).round() as i32);
        let h = if c > 0.12 {
            HPos::Left
        } else if c < -0.12 {
            HPos::Right
        } else {
            HPos::Center
        };
        let max_w = match h {
            HPos::Left => (width - PAD - x) as f64,
            HPos::Right => (x - PAD) as f64,
            HPos::Center => (2 * (x - PAD).min(width - PAD - x)) as f64 * 0.95,
        }
        .min(if matches!(h, HPos::Center) { spacing * 1.6 } else { f64::MAX })
        .max(40.0);
        let name = short_name(&p.name);
        let (lines, cut) = fit(name, max_w, label_size, 2);
        let cut = cut || name != p.name.trim();
        let count = lines.len() as i32;
        // Centre y of line k: above the ring at the top, below at the bottom.
        let line_y = |k: i32| {
            if s < -0.6 {
                y - (count - 1 - k) * LINE_H - LINE_H / 2
            } else if s > 0.6 {
                y + k * LINE_H + LINE_H / 2
            } else {
                y + (2 * k - (count - 1)) * LINE_H / 2
            }
        };
        let (dot, mark) = (current[i], target[i]);
        let tooltip = cut.then_some(p.name.as_str());
        svg.group(&[("data-process", &p.id)], tooltip, |svg| {
            svg.draw(|area| {
                area.draw(&Circle::new(mark, 3, theme.target.filled()))?;
                area.draw(&Circle::new(dot, 4, theme.current.filled()))?;
                area.draw(&Circle::new(dot, 4, theme.bg.stroke_width(1)))?;
                for (k, line) in lines.iter().enumerate() {
                    let style = font(label_size, theme.text, h, VPos::Center);
                    area.draw(&Text::new(line.as_str(), (x, line_y(k as i32)), style))?;
                }
                Ok(())
            });
        });
    }
    svg.finish(&aria_label(n))
}

/// One or two processes: horizontal bars of current index and target level.
fn bars(procs: &[&ProcessResult], opts: &ChartOptions) -> String {
    let theme = Theme::of(opts);
    let width = opts.width.max(MIN_WIDTH) as i32;
    let row_h = 64;
    let label_w = label_width(procs.iter().map(|p| p.name.as_str()), 13.0, 60.0, width as f64 * 0.36);
    let (x0, x1) = (PAD + label_w + 12, width - PAD - 40);
    let top = LEGEND_H + 22;
    let height = top + procs.len() as i32 * row_h + 30;
    let x = |v: f64| x0 + ((x1 - x0) as f64 * v.clamp(0.0, 5.0) / 5.0).round() as i32;

    let mut svg = Svg::new(width as u32, height as u32, &theme);
    svg.draw(|area| {
        legend(area, &theme, width)?;
        for level in 0..=5 {
            let lx = x(level as f64);
            area.draw(&PathElement::new(vec![(lx, top), (lx, top + procs.len() as i32 * row_h)], theme.grid))?;
            let style = font(11.0, theme.muted, HPos::Center, VPos::Bottom);
            area.draw(&Text::new(level.to_string(), (lx, top - 4), style))?;
        }
        let note = "A radar needs at least three processes in scope; shown as bars.";
        let style = font(12.0, theme.muted, HPos::Left, VPos::Center);
        area.draw(&Text::new(note, (PAD, height - 16), style))
    });
    for (i, p) in procs.iter().enumerate() {
        let y = top + i as i32 * row_h;
        let (lines, cut) = fit(&p.name, label_w as f64, 13.0, 2);
        svg.group(&[("data-process", &p.id)], cut.then_some(p.name.as_str()), |svg| {
            svg.draw(|area| {
                let count = lines.len() as i32;
                for (k, line) in lines.iter().enumerate() {
                    let ly = y + row_h / 2 + (2 * k as i32 - (count - 1)) * LINE_H / 2;
                    let style = font(13.0, theme.text, HPos::Right, VPos::Center);
                    area.draw(&Text::new(line.as_str(), (PAD + label_w, ly), style))?;
                }
                let bars = [
                    (p.index, y + 14, theme.current, one_decimal(p.index)),
                    (p.target as f64, y + 34, theme.target, p.target.to_string()),
                ];
                for (value, by, colour, text) in bars {
                    area.draw(&Rectangle::new([(x0, by), (x(value).max(x0 + 2), by + 16)], colour.filled()))?;
                    let style = font(12.0, theme.text, HPos::Left, VPos::Center);
                    area.draw(&Text::new(text, (x(value).max(x0 + 2) + 6, by + 8), style))?;
                }
                Ok(())
            });
        });
    }
    svg.finish(&aria_label(procs.len()))
}
