//! Radar (spider) chart: the capability index (0–5) of every in-scope process,
//! current against target, one axis per process in the one priority order
//! (clockwise from the top, the most urgent first), rings 1–5.
//!
//! - No process in scope: a message instead of a chart.
//! - One or two processes: a radar needs three axes, so the same data is shown
//!   as horizontal bars (current index, target level) with a note saying why.
//! - Every process gets one `<g data-process="id">` holding its axis label and
//!   markers; labels drop a trailing " management", wrap onto two lines and
//!   are spread apart so that none overlaps; a label that is not the full name
//!   carries it as a tooltip. When names would be too cramped (narrow charts,
//!   many axes), axes are numbered and the names listed in a key below.
//! - [`radar_compare`] draws the same chart with a third series, the
//!   baseline's index per process (dotted outline, small squares; a bar in
//!   the fallback). A process the baseline does not know is drawn at 0, on
//!   the outline and as its marker alike. [`radar`] is the same code without
//!   that series, so the two charts never drift apart.

use super::{
    bold, fit, font, index_text, label_width, message_chart, text_width, Area, ChartOptions, Drawn, Svg, Theme,
    MIN_WIDTH,
};
use crate::domain::results::{ProcessResult, Results};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use std::f64::consts::PI;

const PAD: i32 = 12;
const LEGEND_H: i32 = 34;
const LINE_H: i32 = 15;

/// The radar chart of current index vs target level per in-scope process.
pub fn radar(results: &Results, opts: &ChartOptions) -> String {
    draw(results, None, opts)
}

/// The radar chart of `results` with the `baseline`'s index per in-scope
/// process as a third series (0 for a process the baseline does not know).
pub fn radar_compare(results: &Results, baseline: &Results, opts: &ChartOptions) -> String {
    draw(results, Some(baseline), opts)
}

/// The baseline series: its index for each process, in `procs` order.
type Baseline = Option<Vec<f64>>;

fn draw(results: &Results, baseline: Option<&Results>, opts: &ChartOptions) -> String {
    let procs: Vec<&ProcessResult> = results.in_scope_by_priority();
    let base: Baseline = baseline.map(|b| procs.iter().map(|p| b.process(&p.id).map_or(0.0, |x| x.index)).collect());
    match procs.len() {
        0 => message_chart(opts, "Capability radar: no process in scope yet.", "No process in scope yet"),
        1 | 2 => bars(&procs, base.as_deref(), opts),
        _ => spider(&procs, base.as_deref(), opts),
    }
}

fn aria_label(n: usize, compare: bool) -> String {
    let s = if n == 1 { "" } else { "es" };
    let series = if compare { "current capability index, baseline index" } else { "current capability index" };
    format!("Capability radar: {series} and target level (0–5) of {n} in-scope process{s}.")
}

/// The colour of the baseline series: the neutral muted ink, readable on both
/// backgrounds and apart from the current blue and the target orange by
/// lightness as well as hue; its dotted line tells it apart from the rings.
fn baseline_colour(theme: &Theme) -> RGBColor {
    theme.muted
}

/// The label of an axis: "Incident management" reads as "Incident" on a
/// radar, and "Software development and management" as "Software
/// development" (never "Software development and"); the full name is in the
/// axis's tooltip.
pub(crate) fn short_name(name: &str) -> &str {
    let trimmed = name.trim();
    let Some(short) = strip_suffix_ignore_case(trimmed, " management").filter(|s| !s.is_empty()) else {
        return trimmed;
    };
    strip_suffix_ignore_case(short, " and").filter(|s| !s.is_empty()).unwrap_or(short)
}

/// `text` without `suffix` (compared ignoring ASCII case), when it ends with it.
fn strip_suffix_ignore_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(suffix.len())?;
    text.get(cut..).filter(|t| t.eq_ignore_ascii_case(suffix)).map(|_| &text[..cut])
}

/// The legend: a filled swatch for Current; for Target a dashed line (radar)
/// or a bar swatch (bars); the same for Baseline (dotted) when comparing.
fn legend(area: &Area, theme: &Theme, width: i32, bars: bool, compare: bool) -> Drawn {
    let y = PAD + 10;
    let x = PAD;
    if bars {
        area.draw(&Rectangle::new([(x, y - 6), (x + 22, y + 6)], theme.current.filled()))?;
    } else {
        area.draw(&Rectangle::new([(x, y - 7), (x + 22, y + 7)], theme.current.mix(0.22).filled()))?;
        area.draw(&Rectangle::new([(x, y - 7), (x + 22, y + 7)], theme.current.stroke_width(2)))?;
    }
    area.draw(&Text::new("Current", (x + 30, y), font(13.0, theme.text, HPos::Left, VPos::Center)))?;
    let x2 = x + 30 + text_width("Current", 13.0) as i32 + 24;
    if bars {
        area.draw(&Rectangle::new([(x2, y - 6), (x2 + 22, y + 6)], theme.target.filled()))?;
    } else {
        area.draw(&DashedPathElement::new(vec![(x2, y), (x2 + 24, y)], 5, 3, theme.target.stroke_width(2)))?;
    }
    area.draw(&Text::new("Target", (x2 + 32, y), font(13.0, theme.text, HPos::Left, VPos::Center)))?;
    let mut end = x2 + 32 + text_width("Target", 13.0) as i32;
    if compare {
        let x3 = end + 24;
        if bars {
            area.draw(&Rectangle::new([(x3, y - 6), (x3 + 22, y + 6)], baseline_colour(theme).filled()))?;
        } else {
            area.draw(&DashedPathElement::new(
                vec![(x3, y), (x3 + 24, y)],
                3,
                3,
                baseline_colour(theme).stroke_width(2),
            ))?;
        }
        area.draw(&Text::new("Baseline", (x3 + 32, y), font(13.0, theme.text, HPos::Left, VPos::Center)))?;
        end = x3 + 32 + text_width("Baseline", 13.0) as i32;
    }
    let note = "Capability index 0–5";
    let free = width - PAD - (end + 16);
    if text_width(note, 12.0) as i32 <= free {
        area.draw(&Text::new(note, (width - PAD, y), font(12.0, theme.muted, HPos::Right, VPos::Center)))?;
    }
    Ok(())
}

/// Where an axis label goes, relative to the centre of the radar.
pub(crate) struct Label {
    pub lines: Vec<String>,
    /// The full name is not shown as is (cut, shortened or wrapped).
    pub cut: bool,
    pub h: HPos,
    pub x: i32,
    /// Top of the label's box; `height` = lines × line height.
    pub top: i32,
    pub height: i32,
    /// Labels on the centre line are not moved when neighbours are spread.
    pub fixed: bool,
}

/// Axis labels around a radar of `radius`, or `None` when names would be too
/// cramped (then axes are numbered and the names listed in a key).
fn name_labels(procs: &[&ProcessResult], radius: i32, width: i32, size: f64) -> Option<Vec<Label>> {
    let n = procs.len();
    let spacing = 2.0 * PI * radius as f64 / n as f64;
    if spacing < 2.0 * LINE_H as f64 + 8.0 {
        return None;
    }
    let half = width / 2;
    // Only the axis pointing straight up or down is labelled centred; with an
    // odd count, the two axes either side of the bottom go left and right.
    let centre = (0.5 * (PI / n as f64).sin()).min(0.12);
    let mut labels: Vec<Label> = procs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (s, c) = axis_angle(i, n).sin_cos();
            let r = radius as f64 + 12.0;
            let (x, y) = ((c * r).round() as i32, (s * r).round() as i32);
            let (h, room) = if c > centre {
                (HPos::Left, (half - PAD - x) as f64)
            } else if c < -centre {
                (HPos::Right, (half - PAD + x) as f64)
            } else {
                (HPos::Center, (2 * (half - PAD - x.abs())) as f64 * 0.95)
            };
            let room = if matches!(h, HPos::Center) { room.min(spacing * 1.6) } else { room };
            let name = short_name(&p.name);
            let (lines, cut) = fit(name, room.max(40.0), size, 2);
            let height = lines.len() as i32 * LINE_H;
            // Above the ring at the top, below it at the bottom, centred on the sides.
            let top = if s < -0.6 {
                y - height
            } else if s > 0.6 {
                y
            } else {
                y - height / 2
            };
            Label { cut: cut || name != p.name.trim(), lines, h, x, top, height, fixed: matches!(h, HPos::Center) }
        })
        .collect();
    // Spread each side's labels (top to bottom) so that none overlaps the next.
    let right: Vec<usize> = (0..n).filter(|&i| !matches!(labels[i].h, HPos::Right)).collect();
    let mut left: Vec<usize> = (0..n).filter(|&i| !matches!(labels[i].h, HPos::Left)).collect();
    left.reverse();
    for side in [right, left] {
        let mut order = side;
        crate::domain::sort_stable(&mut order, |&a, &b| labels[a].top.cmp(&labels[b].top));
        for k in 1..order.len() {
            let (prev, cur) = (order[k - 1], order[k]);
            let min_top = labels[prev].top + labels[prev].height + 3;
            if labels[cur].top < min_top && !labels[cur].fixed {
                labels[cur].top = min_top;
            }
        }
        for k in (0..order.len().saturating_sub(1)).rev() {
            let (cur, next) = (order[k], order[k + 1]);
            let max_top = labels[next].top - 3 - labels[cur].height;
            if labels[cur].top > max_top && !labels[cur].fixed {
                labels[cur].top = max_top;
            }
        }
    }
    // Labels that still touch (two fixed ones at the bottom of a many-axis
    // radar) mean names do not fit: number the axes instead.
    let boxes: Vec<(f64, f64, f64, f64)> = labels.iter().map(|l| label_box(l, size)).collect();
    let touching = boxes
        .iter()
        .enumerate()
        .any(|(i, p)| boxes[i + 1..].iter().any(|q| p.0 < q.2 && q.0 < p.2 && p.1 < q.3 && q.1 < p.3));
    (!touching).then_some(labels)
}

/// A label's box (left, top, right, bottom) around the chart centre.
pub(crate) fn label_box(l: &Label, size: f64) -> (f64, f64, f64, f64) {
    let w = l.lines.iter().map(|t| text_width(t, size)).fold(0.0, f64::max);
    let x = l.x as f64;
    let (left, right) = match l.h {
        HPos::Left => (x, x + w),
        HPos::Right => (x - w, x),
        HPos::Center => (x - w / 2.0, x + w / 2.0),
    };
    (left, l.top as f64, right, (l.top + l.height) as f64)
}

/// The angle of axis `i` of `n`, the first pointing up, clockwise.
pub(crate) fn axis_angle(i: usize, n: usize) -> f64 {
    -PI / 2.0 + 2.0 * PI * i as f64 / n as f64
}

fn spider(procs: &[&ProcessResult], base: Option<&[f64]>, opts: &ChartOptions) -> String {
    let theme = Theme::of(opts);
    let width = opts.width.max(MIN_WIDTH) as i32;
    let n = procs.len();
    let label_size = if n > 12 { 12.0 } else { 13.0 };
    let radius_for = |side: i32| ((width - 2 * side - 2 * PAD) / 2).clamp(50, 300);
    let named_radius = radius_for(((width as f64) * 0.17).clamp(70.0, 150.0) as i32);
    let (radius, labels, numbered) = match name_labels(procs, named_radius, width, label_size) {
        Some(labels) => (named_radius, labels, false),
        None => {
            // Numbered axes need little room; the names go in a key below.
            let radius = radius_for(30);
            let labels = (0..n)
                .map(|i| {
                    let (s, c) = axis_angle(i, n).sin_cos();
                    let r = radius as f64 + 10.0;
                    let (x, y) = ((c * r).round() as i32, (s * r).round() as i32);
                    let h = if c > 0.12 {
                        HPos::Left
                    } else if c < -0.12 {
                        HPos::Right
                    } else {
                        HPos::Center
                    };
                    let lines = vec![(i + 1).to_string()];
                    Label { lines, cut: false, h, x, top: y - LINE_H / 2, height: LINE_H, fixed: true }
                })
                .collect();
            (radius, labels, true)
        }
    };

    // Vertical extent: the rings' vertices and the labels, whichever reach further.
    let ring_top = (0..n).map(|i| axis_angle(i, n).sin()).fold(0.0, f64::min) * radius as f64;
    let ring_bottom = (0..n).map(|i| axis_angle(i, n).sin()).fold(0.0, f64::max) * radius as f64;
    let label_top = labels.iter().map(|l| l.top).min().unwrap_or(0);
    let label_bottom = labels.iter().map(|l| l.top + l.height).max().unwrap_or(0);
    let cx = width / 2;
    let cy = LEGEND_H + 10 - (ring_top.floor() as i32).min(label_top);
    let chart_bottom = cy + (ring_bottom.ceil() as i32).max(label_bottom) + 10;

    // The key of numbered axes: columns of "n  name", column by column.
    let key_size = 12.0;
    let key_col_w = if numbered {
        let widest = procs.iter().map(|p| text_width(&p.name, key_size)).fold(0.0, f64::max) as i32 + 30;
        widest.min(width - 2 * PAD)
    } else {
        1
    };
    let key_cols = if numbered { ((width - 2 * PAD) / key_col_w).max(1) as usize } else { 1 };
    let key_rows = if numbered { n.div_ceil(key_cols) } else { 0 };
    let key_line = 17;
    let height = chart_bottom + key_rows as i32 * key_line + PAD;

    let at = |i: usize, value: f64| {
        let (s, c) = axis_angle(i, n).sin_cos();
        let r = radius as f64 * value.clamp(0.0, 5.0) / 5.0;
        (cx + (c * r).round() as i32, cy + (s * r).round() as i32)
    };
    let current: Vec<(i32, i32)> = procs.iter().enumerate().map(|(i, p)| at(i, p.index)).collect();
    let target: Vec<(i32, i32)> = procs.iter().enumerate().map(|(i, p)| at(i, p.target as f64)).collect();
    let before: Option<Vec<(i32, i32)>> = base.map(|b| b.iter().enumerate().map(|(i, &v)| at(i, v)).collect());
    let closed = |pts: &[(i32, i32)]| pts.iter().chain(pts.first()).copied().collect::<Vec<_>>();

    let mut svg = Svg::new(width as u32, height as u32, &theme);
    svg.draw(|area| {
        legend(area, &theme, width, false, base.is_some())?;
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
        // Current: filled area; baseline: dotted outline, under the current
        // outline (so it shows only where the two differ); target: dashed outline on top.
        area.draw(&Polygon::new(current.clone(), theme.current.mix(0.22).filled()))?;
        if let Some(before) = &before {
            area.draw(&DashedPathElement::new(closed(before), 3, 3, baseline_colour(&theme).stroke_width(2)))?;
        }
        area.draw(&PathElement::new(closed(&current), theme.current.stroke_width(2)))?;
        area.draw(&DashedPathElement::new(closed(&target), 6, 4, theme.target.stroke_width(2)))
    });

    for (i, (p, label)) in procs.iter().zip(&labels).enumerate() {
        let (dot, mark) = (current[i], target[i]);
        let key = numbered.then(|| {
            let (col, row) = (i / key_rows.max(1), i % key_rows.max(1));
            let (kx, ky) = (PAD + col as i32 * key_col_w, chart_bottom + row as i32 * key_line + key_line / 2);
            let (lines, cut) = fit(&p.name, (key_col_w - 30) as f64, key_size, 1);
            (kx, ky, lines, cut)
        });
        let cut = label.cut || key.as_ref().is_some_and(|k| k.3);
        svg.group(&[("data-process", &p.id)], cut.then_some(p.name.as_str()), |svg| {
            svg.draw(|area| {
                area.draw(&Circle::new(mark, 3, theme.target.filled()))?;
                if let Some((bx, by)) = before.as_ref().and_then(|b| b.get(i).copied()) {
                    area.draw(&Rectangle::new([(bx - 3, by - 3), (bx + 3, by + 3)], baseline_colour(&theme).filled()))?;
                }
                area.draw(&Circle::new(dot, 4, theme.current.filled()))?;
                area.draw(&Circle::new(dot, 4, theme.bg.stroke_width(1)))?;
                for (k, line) in label.lines.iter().enumerate() {
                    let y = cy + label.top + k as i32 * LINE_H + LINE_H / 2;
                    let style = if numbered {
                        bold(label_size, theme.text, label.h, VPos::Center)
                    } else {
                        font(label_size, theme.text, label.h, VPos::Center)
                    };
                    area.draw(&Text::new(line.as_str(), (cx + label.x, y), style))?;
                }
                if let Some((kx, ky, lines, _)) = &key {
                    let number = bold(key_size, theme.text, HPos::Right, VPos::Center);
                    area.draw(&Text::new((i + 1).to_string(), (kx + 20, *ky), number))?;
                    for line in lines {
                        let style = font(key_size, theme.text, HPos::Left, VPos::Center);
                        area.draw(&Text::new(line.as_str(), (kx + 28, *ky), style))?;
                    }
                }
                Ok(())
            });
        });
    }
    svg.finish(&aria_label(n, base.is_some()))
}

/// One or two processes: horizontal bars of current index and target level
/// (and baseline index when comparing).
fn bars(procs: &[&ProcessResult], base: Option<&[f64]>, opts: &ChartOptions) -> String {
    let theme = Theme::of(opts);
    let width = opts.width.max(MIN_WIDTH) as i32;
    let row_h = if base.is_some() { 84 } else { 64 };
    let label_w = label_width(procs.iter().map(|p| p.name.as_str()), 13.0, 60.0, width as f64 * 0.36);
    let (x0, x1) = (PAD + label_w + 12, width - PAD - 40);
    let top = LEGEND_H + 22;
    let height = top + procs.len() as i32 * row_h + 30;
    let x = |v: f64| x0 + ((x1 - x0) as f64 * v.clamp(0.0, 5.0) / 5.0).round() as i32;

    let mut svg = Svg::new(width as u32, height as u32, &theme);
    svg.draw(|area| {
        legend(area, &theme, width, true, base.is_some())?;
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
                let mut bars = vec![
                    (p.index, y + 14, theme.current, index_text(p.index)),
                    (p.target as f64, y + 34, theme.target, p.target.to_string()),
                ];
                if let Some(&b) = base.and_then(|b| b.get(i)) {
                    bars.push((b, y + 54, baseline_colour(&theme), index_text(b)));
                }
                for (value, by, colour, text) in bars {
                    area.draw(&Rectangle::new([(x0, by), (x(value).max(x0 + 2), by + 16)], colour.filled()))?;
                    let style = font(12.0, theme.text, HPos::Left, VPos::Center);
                    area.draw(&Text::new(text, (x(value).max(x0 + 2) + 6, by + 8), style))?;
                }
                Ok(())
            });
        });
    }
    svg.finish(&aria_label(procs.len(), base.is_some()))
}
