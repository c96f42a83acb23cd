//! Units side by side and one unit over time: three charts of a
//! [`Comparison`] or a [`History`] (see `domain::units`).
//!
//! - [`units_radar`]: one closed outline per unit (column) over the compared
//!   processes (rows, in row order), capability index 0–5 on rings 1–5. Each
//!   unit has its own Okabe–Ito colour, its own dash pattern and its own
//!   marker shape, so the outlines tell apart without colour (yellow, faint
//!   on white, gets a darker edge). A unit whose assessment has no answers is
//!   only in the legend ("… — no answers"), never drawn as zero; a process
//!   out of scope or unanswered in a unit is left out of that unit's outline
//!   (the outline joins its scored vertices) and a note under the chart says
//!   so. Each unit is one `<g data-unit="column index">`; each axis one
//!   `<g data-process="id">` placed as on the capability radar, and numbered
//!   with a key below when names would be cramped or cut to a stub. With one
//!   or two processes a radar cannot be drawn: grouped horizontal bars
//!   instead (one per unit with answers, its label beside it), with a note.
//! - [`units_heatmap`]: processes (rows) × units (columns), each scored cell
//!   coloured by capability level on one ordered scale (level 0 the strongest
//!   warning colour, 5 the calmest; lightness changes steadily with the level,
//!   so the order reads in grey and for every colour-vision deficiency) and
//!   labelled "L2 · 2.4" ("L2" over "2.4" in narrow cells); out of scope a
//!   light neutral "–", no answers hatched. A last column "Lowest" gives each
//!   process's lowest index, the weakest unit in its tooltip. Each cell is one
//!   `<g data-process="id" data-unit="column index">` whose tooltip says what
//!   it is. Columns too narrow for a date are numbered, their labels listed in
//!   a key below; when names would get less than 100 px, each goes on a line
//!   above its row of cells.
//! - [`trend_chart`]: one unit's history: the floor level (dashed) and the
//!   mean index (solid) per date on top (dates evenly spaced, oldest first),
//!   then one row per process: a sparkline of its index over the same dates
//!   (a gap where it was not scored) and "1.2 → 2.4 ▲" from its first to its
//!   last scored date ("=" when both print the same). Each row is one
//!   `<g data-process="id" data-direction="up|down|flat|once">` whose tooltip
//!   lists every date's index. Narrow charts put each name above its row.
//! - Nothing to draw (no row, no unit with answers, fewer than two dates): a
//!   message instead of a chart.

use super::radar::{axis_angle, label_box, short_name, Label};
use super::{
    blend, bold, fit, font, index_text, label_width, message_chart, rgb, text_on, text_width, wrap_legend, Area,
    ChartOptions, Drawn, Svg, Theme, MIN_WIDTH, PALETTE,
};
use crate::domain::sort_stable;
use crate::domain::units::{Cell, Column, Comparison, Direction, History, Row};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use std::f64::consts::PI;

const PAD: i32 = 12;
const LINE_H: i32 = 15;
/// The width of a legend symbol and the gap after it.
const SYMBOL_W: i32 = 34;
/// The units' colours, as indices into [`PALETTE`]: the first units get the
/// colours furthest apart; yellow, faint on white, comes last.
const UNIT_COLOURS: [usize; 8] = [0, 5, 2, 1, 3, 4, 7, 6];
/// The units' dash patterns (on, off, … in px; empty: solid).
const DASHES: [&[i32]; 8] = [&[], &[9, 5], &[2, 4], &[10, 4, 2, 4], &[5, 3], &[14, 4, 2, 4, 2, 4], &[3, 8], &[18, 6]];
/// Said under the radar when a unit's outline skips a process.
const LEFT_OUT: &str = "Out of scope or unanswered processes are left out of a unit's outline.";

/// The colour of unit (column) `k`; black reads as the text colour on the dark background.
fn unit_colour(k: usize, theme: &Theme, dark: bool) -> RGBColor {
    match UNIT_COLOURS[k % UNIT_COLOURS.len()] {
        7 if dark => theme.text,
        i => rgb(PALETTE[i]),
    }
}

/// A darker edge under unit `k`'s lines and markers where its colour is
/// faint on the background (yellow on white).
fn casing(k: usize, theme: &Theme, dark: bool) -> Option<RGBColor> {
    (UNIT_COLOURS[k % UNIT_COLOURS.len()] == 6 && !dark).then(|| blend(theme.text, theme.bg, 0.35))
}

/// Draws unit `k`'s line through `points` (its dash pattern, over its casing).
fn unit_line(area: &Area, k: usize, points: &[(i32, i32)], theme: &Theme, dark: bool) -> Drawn {
    let pieces = dashes(points, DASHES[k % DASHES.len()]);
    if let Some(edge) = casing(k, theme, dark) {
        for piece in &pieces {
            area.draw(&PathElement::new(piece.clone(), edge.stroke_width(4)))?;
        }
    }
    for piece in pieces {
        area.draw(&PathElement::new(piece, unit_colour(k, theme, dark).stroke_width(2)))?;
    }
    Ok(())
}

/// `points` as the pieces of a line dashed with `pattern` (solid when empty).
fn dashes(points: &[(i32, i32)], pattern: &[i32]) -> Vec<Vec<(i32, i32)>> {
    if pattern.is_empty() || pattern.iter().any(|&p| p <= 0) {
        return vec![points.to_vec()];
    }
    let round = |p: (f64, f64)| (p.0.round() as i32, p.1.round() as i32);
    let (mut out, mut piece) = (Vec::new(), Vec::new());
    let (mut k, mut left, mut on) = (0, pattern[0] as f64, true);
    for w in points.windows(2) {
        let (a, b) = ((w[0].0 as f64, w[0].1 as f64), (w[1].0 as f64, w[1].1 as f64));
        let len = (b.0 - a.0).hypot(b.1 - a.1);
        if on && piece.is_empty() {
            piece.push(round(a));
        }
        let mut t = 0.0;
        while len - t > left {
            t += left;
            let p = round((a.0 + (b.0 - a.0) * t / len, a.1 + (b.1 - a.1) * t / len));
            if on {
                piece.push(p);
                out.push(std::mem::take(&mut piece));
            } else {
                piece = vec![p];
            }
            on = !on;
            k = (k + 1) % pattern.len();
            left = pattern[k] as f64;
        }
        left -= len - t;
        if on {
            piece.push(round(b));
        }
    }
    if on && piece.len() > 1 {
        out.push(piece);
    }
    out
}

/// Unit `k`'s marker at `at`: circle, square, triangle or diamond, filled for
/// the first four units, hollow for the next four.
fn marker(area: &Area, k: usize, at: (i32, i32), colour: RGBColor, bg: RGBColor, edge: Option<RGBColor>) -> Drawn {
    let ((x, y), r) = (at, 4);
    let hollow = k % 8 >= 4;
    let fill = if hollow { bg } else { colour };
    let outline = if hollow { colour.stroke_width(2) } else { edge.unwrap_or(bg).stroke_width(1) };
    let shape: Vec<(i32, i32)> = match k % 4 {
        0 => {
            area.draw(&Circle::new(at, r, fill.filled()))?;
            return area.draw(&Circle::new(at, r, outline));
        }
        1 => vec![(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)],
        2 => vec![(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)],
        _ => vec![(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)],
    };
    let closed: Vec<(i32, i32)> = shape.iter().chain(shape.first()).copied().collect();
    if let Some(edge) = edge.filter(|_| hollow) {
        area.draw(&PathElement::new(closed.clone(), edge.stroke_width(4)))?;
    }
    area.draw(&Polygon::new(shape, fill.filled()))?;
    area.draw(&PathElement::new(closed, outline))
}

/// What a cell's tooltip says: "Kitchen · 2026-11-02 — Incident management:
/// level 2, index 2.43, target 3" (", provisional"), "…: out of scope", "…: no answers".
fn cell_tooltip(col: &Column, row: &Row, cell: &Cell) -> String {
    let what = match cell {
        Cell::Scored { level, index, provisional, .. } => {
            let provisional = if *provisional { ", provisional" } else { "" };
            format!("level {level}, index {}, {}{provisional}", index_text(*index), cell.target_text())
        }
        other => other.text(),
    };
    format!("{} — {}: {what}", col.label, row.name)
}

/// "L2 · 2.4".
fn level_index(level: u8, index: f64) -> String {
    format!("L{level} · {}", index_text(index))
}

/// A unit legend entry: column, text, whether the label was cut, x, y.
type UnitEntry = (usize, String, bool, i32, i32);

/// The unit legend, wrapped onto more lines when narrow (from the top of the
/// chart): every unit's label, "— no answers" after an empty one (which has
/// no symbol). Returns the entries and the y below the legend.
fn unit_legend(c: &Comparison, width: i32) -> (Vec<UnitEntry>, i32) {
    let room = (width - 2 * PAD - SYMBOL_W - 4) as f64;
    let texts: Vec<(String, bool)> = c
        .columns
        .iter()
        .map(|col| {
            let suffix = if col.empty { " — no answers" } else { "" };
            let (lines, cut) = fit(&col.label, room - text_width(suffix, 12.0), 12.0, 1);
            (format!("{}{suffix}", lines.concat()), cut)
        })
        .collect();
    let items: Vec<(u8, &str, i32)> = texts
        .iter()
        .zip(&c.columns)
        .map(|((text, _), col)| (0, text.as_str(), if col.empty { 0 } else { SYMBOL_W }))
        .collect();
    let (placed, _, ly) = wrap_legend(&items, width, PAD);
    let entries = placed.iter().zip(&texts).enumerate().map(|(k, (p, t))| (k, t.0.clone(), t.1, p.2, p.3)).collect();
    (entries, ly + 14)
}

/// Draws the unit legend; `bars` draws swatches instead of line samples.
fn draw_unit_legend(svg: &mut Svg, c: &Comparison, entries: &[UnitEntry], theme: &Theme, dark: bool, bars: bool) {
    for (k, text, cut, lx, y) in entries {
        let (k, lx, y) = (*k, *lx, *y);
        let col = &c.columns[k];
        svg.group(&[("class", "legend")], cut.then_some(col.label.as_str()), |svg| {
            svg.draw(|area| {
                let colour = unit_colour(k, theme, dark);
                let tx = if col.empty {
                    lx
                } else if bars {
                    area.draw(&Rectangle::new([(lx, y - 6), (lx + 24, y + 6)], colour.filled()))?;
                    lx + SYMBOL_W
                } else {
                    unit_line(area, k, &[(lx, y), (lx + 26, y)], theme, dark)?;
                    marker(area, k, (lx + 13, y), colour, theme.bg, casing(k, theme, dark))?;
                    lx + SYMBOL_W
                };
                let ink = if col.empty { theme.muted } else { theme.text };
                area.draw(&Text::new(text.as_str(), (tx, y), font(12.0, ink, HPos::Left, VPos::Center)))
            });
        });
    }
}

/// The radar of the units' capability index per process (bars for fewer
/// than three processes).
pub fn units_radar(c: &Comparison, opts: &ChartOptions) -> String {
    if c.rows.is_empty() || c.columns.iter().all(|col| col.empty) {
        return message_chart(
            opts,
            "Units side by side: nothing scored to compare yet.",
            "Nothing scored to compare yet",
        );
    }
    if c.rows.len() < 3 {
        return unit_bars(c, opts);
    }
    let mut drawn: Vec<usize> = (0..c.columns.len()).filter(|&k| !c.columns[k].empty).collect();
    if drawn.len() <= RADAR_UNITS {
        return unit_spider(c, opts, None);
    }
    // More outlines than this hide each other: four, the units of the roll-up first, said so.
    sort_stable(&mut drawn, |&a, &b| c.columns[a].apart.is_some().cmp(&c.columns[b].apart.is_some()));
    let keep = &drawn[..RADAR_UNITS];
    let note = format!(
        "The radar shows {RADAR_UNITS} of the {} units with answers (those rolled up first); the heatmap and the table show all of them.",
        drawn.len()
    );
    unit_spider(&c.subset(keep), opts, Some(note))
}

/// At most this many outlines on one radar.
pub const RADAR_UNITS: usize = 4;

/// The accessible label of the radar or its bars.
fn radar_label(c: &Comparison, missing: bool) -> String {
    let n = c.rows.len();
    let s = if n == 1 { "" } else { "es" };
    let units: Vec<&str> = c.columns.iter().filter(|col| !col.empty).map(|col| col.label.as_str()).collect();
    let empty: Vec<&str> = c.columns.iter().filter(|col| col.empty).map(|col| col.label.as_str()).collect();
    let mut label = format!(
        "Units side by side: capability index (0–5) of {n} process{s} in {} unit{}: {}.",
        units.len(),
        if units.len() == 1 { "" } else { "s" },
        units.join("; ")
    );
    if !empty.is_empty() {
        label.push_str(&format!(" No answers yet: {}.", empty.join("; ")));
    }
    if missing {
        label.push(' ');
        label.push_str(LEFT_OUT);
    }
    label
}

/// The label of an axis: the name without a trailing " management" (as on
/// the capability radar), nor the " and" that would leave hanging
/// ("Software development and management" reads "Software development").
fn axis_name(name: &str) -> &str {
    let short = short_name(name);
    short.strip_suffix(" and").or_else(|| short.strip_suffix(" &")).unwrap_or(short).trim_end()
}

/// Axis labels around a radar of `radius` (the placement of the capability
/// radar), or `None` when names would be too cramped.
fn name_labels(names: &[&str], radius: i32, width: i32, size: f64) -> Option<Vec<Label>> {
    let n = names.len();
    let spacing = 2.0 * PI * radius as f64 / n as f64;
    if spacing < 2.0 * LINE_H as f64 + 8.0 {
        return None;
    }
    let half = width / 2;
    let centre = (0.5 * (PI / n as f64).sin()).min(0.12);
    let mut labels: Vec<Label> = names
        .iter()
        .enumerate()
        .map(|(i, full)| {
            let (s, c) = axis_angle(i, n).sin_cos();
            let r = radius as f64 + 12.0;
            let (x, y) = ((c * r).round() as i32, (s * r).round() as i32);
            let (h, room) = if c > centre {
                (HPos::Left, (half - PAD - x) as f64)
            } else if c < -centre {
                (HPos::Right, (half - PAD + x) as f64)
            } else {
                (HPos::Center, ((2 * (half - PAD - x.abs())) as f64 * 0.95).min(spacing * 1.6))
            };
            let name = axis_name(full);
            let (lines, cut) = fit(name, room.max(40.0), size, 2);
            let height = lines.len() as i32 * LINE_H;
            let top = if s < -0.6 {
                y - height
            } else if s > 0.6 {
                y
            } else {
                y - height / 2
            };
            Label { cut: cut || name != full.trim(), lines, h, x, top, height, fixed: matches!(h, HPos::Center) }
        })
        .collect();
    // Spread each side's labels (top to bottom) so that none overlaps the next.
    let right: Vec<usize> = (0..n).filter(|&i| !matches!(labels[i].h, HPos::Right)).collect();
    let mut left: Vec<usize> = (0..n).filter(|&i| !matches!(labels[i].h, HPos::Left)).collect();
    left.reverse();
    for mut order in [right, left] {
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
    // A name cut to a stub ("Infrast…") says less than a number and the key.
    let stub = labels.iter().any(|l| l.lines.iter().any(|t| t.ends_with('…') && t.chars().count() < 12));
    let boxes: Vec<(f64, f64, f64, f64)> = labels.iter().map(|l| label_box(l, size)).collect();
    let touching = stub
        || boxes
            .iter()
            .enumerate()
            .any(|(i, p)| boxes[i + 1..].iter().any(|q| p.0 < q.2 && q.0 < p.2 && p.1 < q.3 && q.1 < p.3));
    (!touching).then_some(labels)
}

/// Where the radar goes: centre, radius, axis labels (named, or numbered
/// with a key of `key_rows` × `key_cols` below, from `chart_bottom`).
struct Spider {
    cx: i32,
    cy: i32,
    radius: i32,
    n: usize,
    labels: Vec<Label>,
    numbered: bool,
    label_size: f64,
    chart_bottom: i32,
    key_col_w: i32,
    key_rows: usize,
}

const KEY_LINE: i32 = 17;
const KEY_SIZE: f64 = 12.0;

impl Spider {
    fn of(names: &[&str], width: i32, top: i32) -> Spider {
        let n = names.len();
        let label_size = if n > 12 { 12.0 } else { 13.0 };
        let radius_for = |side: i32| ((width - 2 * side - 2 * PAD) / 2).clamp(50, 300);
        let named_radius = radius_for(((width as f64) * 0.17).clamp(70.0, 150.0) as i32);
        let (radius, labels, numbered) = match name_labels(names, named_radius, width, label_size) {
            Some(labels) => (named_radius, labels, false),
            None => {
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
        let sines = (0..n).map(|i| axis_angle(i, n).sin());
        let ring_top = sines.clone().fold(0.0, f64::min) * radius as f64;
        let ring_bottom = sines.fold(0.0, f64::max) * radius as f64;
        let label_top = labels.iter().map(|l| l.top).min().unwrap_or(0);
        let label_bottom = labels.iter().map(|l| l.top + l.height).max().unwrap_or(0);
        let cy = top + 10 - (ring_top.floor() as i32).min(label_top);
        let chart_bottom = cy + (ring_bottom.ceil() as i32).max(label_bottom) + 10;
        let widest = names.iter().map(|p| text_width(p, KEY_SIZE)).fold(0.0, f64::max) as i32 + 30;
        let key_col_w = widest.min(width - 2 * PAD).max(1);
        let key_cols = ((width - 2 * PAD) / key_col_w).max(1) as usize;
        let key_rows = if numbered { n.div_ceil(key_cols) } else { 0 };
        Spider { cx: width / 2, cy, radius, n, labels, numbered, label_size, chart_bottom, key_col_w, key_rows }
    }

    /// The point of `value` (0–5) on axis `i`.
    fn at(&self, i: usize, value: f64) -> (i32, i32) {
        let (s, c) = axis_angle(i, self.n).sin_cos();
        let r = self.radius as f64 * value.clamp(0.0, 5.0) / 5.0;
        (self.cx + (c * r).round() as i32, self.cy + (s * r).round() as i32)
    }

    /// The y below the key (the chart's bottom when axes are named).
    fn bottom(&self) -> i32 {
        self.chart_bottom + self.key_rows as i32 * KEY_LINE
    }

    /// Rings 1–5, spokes and the ring values along the upward axis.
    fn grid(&self, area: &Area, theme: &Theme) -> Drawn {
        for ring in 1..=5 {
            let pts: Vec<(i32, i32)> = (0..=self.n).map(|i| self.at(i % self.n, ring as f64)).collect();
            let style = if ring == 5 { theme.muted.stroke_width(1) } else { theme.grid.stroke_width(1) };
            area.draw(&PathElement::new(pts, style))?;
        }
        for i in 0..self.n {
            area.draw(&PathElement::new(vec![(self.cx, self.cy), self.at(i, 5.0)], theme.grid.stroke_width(1)))?;
        }
        for ring in 1..=5 {
            let (x, y) = self.at(0, ring as f64);
            area.draw(&Text::new(ring.to_string(), (x + 5, y + 2), font(11.0, theme.muted, HPos::Left, VPos::Top)))?;
        }
        Ok(())
    }

    /// Axis `i`'s label and, when numbered, its line in the key.
    fn label(&self, area: &Area, theme: &Theme, i: usize, key: Option<&[String]>) -> Drawn {
        let label = &self.labels[i];
        for (k, line) in label.lines.iter().enumerate() {
            let y = self.cy + label.top + k as i32 * LINE_H + LINE_H / 2;
            let style = if self.numbered {
                bold(self.label_size, theme.text, label.h, VPos::Center)
            } else {
                font(self.label_size, theme.text, label.h, VPos::Center)
            };
            area.draw(&Text::new(line.as_str(), (self.cx + label.x, y), style))?;
        }
        if let Some(lines) = key {
            let rows = self.key_rows.max(1);
            let (col, row) = (i / rows, i % rows);
            let (kx, ky) =
                (PAD + col as i32 * self.key_col_w, self.chart_bottom + row as i32 * KEY_LINE + KEY_LINE / 2);
            let number = bold(KEY_SIZE, theme.text, HPos::Right, VPos::Center);
            area.draw(&Text::new((i + 1).to_string(), (kx + 20, ky), number))?;
            for line in lines {
                area.draw(&Text::new(
                    line.as_str(),
                    (kx + 28, ky),
                    font(KEY_SIZE, theme.text, HPos::Left, VPos::Center),
                ))?;
            }
        }
        Ok(())
    }
}

/// Three processes or more: one outline per unit.
fn unit_spider(c: &Comparison, opts: &ChartOptions, capped: Option<String>) -> String {
    let theme = Theme::of(opts);
    let width = opts.width.max(MIN_WIDTH) as i32;
    let (entries, legend_bottom) = unit_legend(c, width);
    let names: Vec<&str> = c.rows.iter().map(|r| r.name.as_str()).collect();
    let spider = Spider::of(&names, width, legend_bottom);
    let missing =
        c.columns.iter().enumerate().any(|(k, col)| !col.empty && c.rows.iter().any(|r| r.cells[k].index().is_none()));
    let mut note = if missing { fit(LEFT_OUT, (width - 2 * PAD) as f64, 12.0, 3).0 } else { Vec::new() };
    if let Some(text) = &capped {
        // With room to spare: digits run wider than the average glyph.
        note.extend(fit(text, (width - 2 * PAD) as f64 * 0.92, 12.0, 3).0);
    }
    let note_top = spider.bottom() + 6;
    let height = note_top + note.len() as i32 * LINE_H + PAD;

    let mut svg = Svg::new(width as u32, height as u32, &theme);
    svg.draw(|area| spider.grid(area, &theme));
    draw_unit_legend(&mut svg, c, &entries, &theme, opts.dark, false);
    for (k, col) in c.columns.iter().enumerate().filter(|(_, col)| !col.empty) {
        let colour = unit_colour(k, &theme, opts.dark);
        let points: Vec<(i32, i32)> =
            c.rows.iter().enumerate().filter_map(|(i, r)| r.cells[k].index().map(|v| spider.at(i, v))).collect();
        let outline: Vec<(i32, i32)> = match points.len() {
            0 | 1 => Vec::new(),
            2 => points.clone(),
            _ => points.iter().chain(points.first()).copied().collect(),
        };
        svg.group(&[("data-unit", &k.to_string())], Some(col.label.as_str()), |svg| {
            svg.draw(|area| {
                unit_line(area, k, &outline, &theme, opts.dark)?;
                let edge = casing(k, &theme, opts.dark);
                points.iter().try_for_each(|&p| marker(area, k, p, colour, theme.bg, edge))
            });
        });
    }
    for (i, row) in c.rows.iter().enumerate() {
        let key = spider.numbered.then(|| fit(&row.name, (spider.key_col_w - 30) as f64, KEY_SIZE, 1));
        let cut = spider.labels[i].cut || key.as_ref().is_some_and(|k| k.1);
        svg.group(&[("data-process", &row.process)], cut.then_some(row.name.as_str()), |svg| {
            svg.draw(|area| spider.label(area, &theme, i, key.as_ref().map(|k| k.0.as_slice())));
        });
    }
    svg.draw(|area| {
        for (k, line) in note.iter().enumerate() {
            let y = note_top + k as i32 * LINE_H + LINE_H / 2;
            area.draw(&Text::new(line.as_str(), (PAD, y), font(12.0, theme.muted, HPos::Left, VPos::Center)))?;
        }
        Ok(())
    });
    let mut label = radar_label(c, missing);
    if let Some(text) = capped {
        label.push(' ');
        label.push_str(&text);
    }
    svg.finish(&label)
}

/// One or two processes: per process, one bar per unit with answers (the
/// unit's label beside it, so the bars read without colour).
fn unit_bars(c: &Comparison, opts: &ChartOptions) -> String {
    const HEAD_H: i32 = 24;
    const BAR_STEP: i32 = 22;
    let theme = Theme::of(opts);
    let width = opts.width.max(MIN_WIDTH) as i32;
    let units: Vec<usize> = (0..c.columns.len()).filter(|&k| !c.columns[k].empty).collect();
    let (entries, legend_bottom) = unit_legend(c, width);
    let label_w = label_width(units.iter().map(|&k| c.columns[k].label.as_str()), 12.0, 60.0, width as f64 * 0.36);
    let (x0, x1) = (PAD + label_w + 10, width - PAD - text_width("L5 · 5.0", 12.0).ceil() as i32 - 10);
    let x = |v: f64| x0 + ((x1 - x0) as f64 * v.clamp(0.0, 5.0) / 5.0).round() as i32;
    let top = legend_bottom + 20;
    let row_h = HEAD_H + units.len() as i32 * BAR_STEP + 8;
    let note = fit("A radar needs at least three processes; shown as bars.", (width - 2 * PAD) as f64, 12.0, 2).0;
    let note_top = top + c.rows.len() as i32 * row_h + 4;
    let height = note_top + note.len() as i32 * LINE_H + PAD;

    let mut svg = Svg::new(width as u32, height as u32, &theme);
    svg.draw(|area| {
        for level in 0..=5 {
            let lx = x(level as f64);
            let style = font(11.0, theme.muted, HPos::Center, VPos::Bottom);
            area.draw(&Text::new(level.to_string(), (lx, top - 4), style))?;
            for i in 0..c.rows.len() as i32 {
                let y = top + i * row_h + HEAD_H;
                area.draw(&PathElement::new(vec![(lx, y - 2), (lx, y + units.len() as i32 * BAR_STEP)], theme.grid))?;
            }
        }
        for (k, line) in note.iter().enumerate() {
            let y = note_top + k as i32 * LINE_H + LINE_H / 2;
            area.draw(&Text::new(line.as_str(), (PAD, y), font(12.0, theme.muted, HPos::Left, VPos::Center)))?;
        }
        Ok(())
    });
    draw_unit_legend(&mut svg, c, &entries, &theme, opts.dark, true);
    for (i, row) in c.rows.iter().enumerate() {
        let y = top + i as i32 * row_h;
        let (name, cut) = fit(&row.name, (width - 2 * PAD) as f64, 13.0, 1);
        svg.group(&[("data-process", &row.process)], cut.then_some(row.name.as_str()), |svg| {
            svg.draw(|area| {
                let style = bold(13.0, theme.text, HPos::Left, VPos::Center);
                area.draw(&Text::new(name.concat(), (PAD, y + HEAD_H / 2), style))
            });
            for (j, &k) in units.iter().enumerate() {
                let (col, cell) = (&c.columns[k], &row.cells[k]);
                let by = y + HEAD_H + j as i32 * BAR_STEP;
                let (label, _) = fit(&col.label, label_w as f64, 12.0, 1);
                svg.group(&[("data-unit", &k.to_string())], Some(&cell_tooltip(col, row, cell)), |svg| {
                    svg.draw(|area| {
                        let style = font(12.0, theme.text, HPos::Right, VPos::Center);
                        area.draw(&Text::new(label.concat(), (PAD + label_w, by + BAR_STEP / 2), style))?;
                        let ink = font(12.0, theme.text, HPos::Left, VPos::Center);
                        match cell {
                            Cell::Scored { level, index, .. } => {
                                let end = x(*index).max(x0 + 2);
                                let colour = unit_colour(k, &theme, opts.dark);
                                area.draw(&Rectangle::new([(x0, by + 3), (end, by + BAR_STEP - 3)], colour.filled()))?;
                                area.draw(&Text::new(level_index(*level, *index), (end + 6, by + BAR_STEP / 2), ink))
                            }
                            other => {
                                let style = font(12.0, theme.muted, HPos::Left, VPos::Center);
                                area.draw(&Text::new(other.text(), (x0 + 4, by + BAR_STEP / 2), style))
                            }
                        }
                    });
                });
            }
        });
    }
    svg.finish(&radar_label(c, false))
}

// ------------------------------------------------------------------ heatmap

/// The fills of capability levels 0–5: vermillion (the warning) through
/// orange and sand to pale blue (calm) on light; on dark, the same hues with
/// lightness running the other way, so level 0 stands out most on both.
/// Lightness changes steadily from one level to the next (OKLab), so the
/// order reads in grey and with any colour-vision deficiency.
/// Ordered red → yellow → blue (after ColorBrewer's colour-blind-safe
/// RdYlBu): level 0 the strongest warning, each step a clear change of hue,
/// level 5 a mid blue that neither the grey of "out of scope" nor the hatch
/// of "no answers" resembles. A diverging scale: lightness peaks at level 3,
/// so on a black-and-white print level 1 and level 5 can look alike; every
/// cell is labelled with its level for that reason.
const LEVELS_LIGHT: [&str; 6] = ["#A50026", "#F46D43", "#FDAE61", "#FEE090", "#ABD9E9", "#74ADD1"];
const LEVELS_DARK: [&str; 6] = ["#FF7A66", "#D9692E", "#B07A1E", "#7D6B1E", "#2D6A8A", "#1F4466"];

/// The fill of a cell of capability `level`.
fn level_colour(level: u8, dark: bool) -> RGBColor {
    let scale = if dark { LEVELS_DARK } else { LEVELS_LIGHT };
    rgb(scale[(level as usize).min(5)])
}

/// The heatmap's layout: the name column, the cells and the header.
struct Grid {
    name_size: f64,
    label_w: i32,
    x0: i32,
    cell_w: i32,
    /// Above the cells of a row: its name, when names are not beside the cells (else 0).
    name_h: i32,
    cell_h: i32,
    /// "L2 · 2.4" on one line (else "L2" over "2.4").
    one_line: bool,
    /// Column headers are numbers, the labels listed in a key.
    numbered: bool,
    top: i32,
    /// Where the "Lowest" column starts.
    lowest_x: i32,
}

/// Space between the unit columns and the "Lowest" column.
const LOWEST_GAP: i32 = 8;
const MAX_CELL_W: i32 = 132;
const HEADER_SIZE: f64 = 11.5;

impl Grid {
    fn of(c: &Comparison, width: i32) -> Grid {
        let name_size = if width < 480 { 11.5 } else { 13.0 };
        let cols = c.columns.len() as i32 + 1;
        // The width of a cell when the cells start at `x0`.
        let room = |x0: i32| (width - PAD - x0 - LOWEST_GAP) / cols;
        // Names get a third of the width, or what cells of 36 px leave when that is more.
        let names = (width as f64 * 0.32).max((width - 2 * PAD - 10 - LOWEST_GAP - 36 * cols) as f64);
        let mut label_w = label_width(c.rows.iter().map(|r| r.name.as_str()), name_size, 60.0, names);
        // Cells get at least 30 px, taken from the name column; when that
        // leaves it under 100 px, each name goes on a line above its cells.
        if room(PAD + label_w + 10) < 30 {
            label_w = width - 2 * PAD - 10 - LOWEST_GAP - 30 * cols;
        }
        let stacked = label_w < 100;
        let (x0, name_h) = if stacked { (PAD, 20) } else { (PAD + label_w + 10, 0) };
        let name_size = if stacked { 12.5 } else { name_size };
        let cell_w = room(x0).clamp(24, MAX_CELL_W);
        let one_line = text_width("L5 · 5.0", 12.0) + 10.0 <= cell_w as f64;
        // A header needs room for a date ("2026-11-02") on a line.
        let numbered = (cell_w as f64) < text_width("2026-11-02", HEADER_SIZE) + 6.0;
        let top = PAD + if numbered { LINE_H + 8 } else { 2 * LINE_H + 10 };
        let lowest_x = x0 + c.columns.len() as i32 * cell_w + LOWEST_GAP;
        let cell_h = if one_line { 28 } else { 36 };
        Grid { name_size, label_w, x0, cell_w, name_h, cell_h, one_line, numbered, top, lowest_x }
    }

    fn row_h(&self) -> i32 {
        self.name_h + self.cell_h
    }

    /// The header lines of a column label: the unit, then the rest ("2026-11-02 · name").
    fn header(&self, label: &str) -> (Vec<String>, bool) {
        let room = (self.cell_w - 6) as f64;
        match label.split_once(" · ") {
            Some((unit, rest)) => {
                let (a, cut_a) = fit(unit, room, HEADER_SIZE, 1);
                let (b, cut_b) = fit(rest, room, HEADER_SIZE, 1);
                ([a, b].concat(), cut_a || cut_b)
            }
            None => fit(label, room, HEADER_SIZE, 2),
        }
    }
}

/// Draws one heatmap cell: fill (hatched for `None` = no answers) and text
/// lines centred in it.
fn heat_cell(area: &Area, theme: &Theme, rect: [(i32, i32); 2], fill: Option<RGBColor>, lines: &[String]) -> Drawn {
    let [(x0, y0), (x1, y1)] = rect;
    area.draw(&Rectangle::new(rect, fill.unwrap_or(theme.track).filled()))?;
    let ink = match fill {
        Some(f) if f != theme.track => text_on(f),
        _ => theme.muted,
    };
    if fill.is_none() {
        // Hatching: diagonal lines 7 px apart, clipped to the cell.
        let (w, h) = (x1 - x0, y1 - y0);
        for d in (-h..w).step_by(7) {
            let (a, b) = ((x0 + d.max(0), y1 - (-d).max(0)), (x0 + (d + h).min(w), y1 - h + ((d + h) - w).max(0)));
            area.draw(&PathElement::new(vec![a, b], theme.grid.stroke_width(1)))?;
        }
    }
    let count = lines.len() as i32;
    for (k, line) in lines.iter().enumerate() {
        let y = (y0 + y1) / 2 + (2 * k as i32 - (count - 1)) * 13 / 2;
        area.draw(&Text::new(line.as_str(), ((x0 + x1) / 2, y), bold(12.0, ink, HPos::Center, VPos::Center)))?;
    }
    Ok(())
}

/// The text lines of a cell `w` px wide.
fn cell_lines(cell: &Cell, grid: &Grid) -> Vec<String> {
    let fits = |t: &str| text_width(t, 12.0) * 1.1 + 6.0 <= grid.cell_w as f64;
    match cell {
        Cell::Scored { level, index, .. } if grid.one_line => vec![level_index(*level, *index)],
        Cell::Scored { level, index, .. } => vec![format!("L{level}"), index_text(*index)],
        Cell::OutOfScope => vec!["–".into()],
        Cell::NoAnswers if fits("no answers") => vec!["no answers".into()],
        Cell::NoAnswers if fits("answers") => vec!["no".into(), "answers".into()],
        Cell::NotAssessed if fits("not assessed") => vec!["not assessed".into()],
        Cell::NotAssessed if fits("assessed") => vec!["not".into(), "assessed".into()],
        Cell::NoAnswers | Cell::NotAssessed => Vec::new(),
    }
}

/// The heatmap of capability level and index per process (rows) and unit
/// (columns), with each process's lowest index in a last column.
pub fn units_heatmap(c: &Comparison, opts: &ChartOptions) -> String {
    if c.rows.is_empty() || c.columns.is_empty() {
        return message_chart(
            opts,
            "Units side by side: nothing scored to compare yet.",
            "Nothing scored to compare yet",
        );
    }
    let theme = Theme::of(opts);
    let width = opts.width.max(MIN_WIDTH) as i32;
    let grid = Grid::of(c, width);
    let rows_h = c.rows.len() as i32 * grid.row_h();
    let legend_top = grid.top + rows_h + 12;
    let (legend, legend_bottom) = level_legend(width, legend_top);
    let key_top = legend_bottom + 4;
    let key_lines = if grid.numbered { c.columns.len() as i32 } else { 0 };
    let height = key_top + key_lines * KEY_LINE + PAD;

    let mut svg = Svg::new(width as u32, height as u32, &theme);
    svg.draw(|area| {
        let style = bold(HEADER_SIZE, theme.text, HPos::Center, VPos::Center);
        let lowest = if text_width("Lowest", HEADER_SIZE) * 1.1 + 4.0 <= grid.cell_w as f64 { "Lowest" } else { "Min" };
        area.draw(&Text::new(lowest, (grid.lowest_x + grid.cell_w / 2, grid.top - 10), style))?;
        draw_level_legend(area, &theme, opts.dark, &legend)
    });
    for (k, col) in c.columns.iter().enumerate() {
        let (lines, cut) = if grid.numbered { (vec![(k + 1).to_string()], true) } else { grid.header(&col.label) };
        let key = grid.numbered.then(|| fit(&col.label, (width - 2 * PAD - 28) as f64, KEY_SIZE, 1).0.concat());
        let x = grid.x0 + k as i32 * grid.cell_w + grid.cell_w / 2;
        svg.group(&[("data-column", &k.to_string())], cut.then_some(col.label.as_str()), |svg| {
            svg.draw(|area| {
                let ink = if col.empty { theme.muted } else { theme.text };
                let count = lines.len() as i32;
                for (j, line) in lines.iter().enumerate() {
                    let y = grid.top - 10 - (count - 1 - j as i32) * LINE_H;
                    area.draw(&Text::new(line.as_str(), (x, y), bold(HEADER_SIZE, ink, HPos::Center, VPos::Center)))?;
                }
                if let Some(key) = &key {
                    let ky = key_top + k as i32 * KEY_LINE + KEY_LINE / 2;
                    let number = bold(KEY_SIZE, theme.text, HPos::Right, VPos::Center);
                    area.draw(&Text::new((k + 1).to_string(), (PAD + 16, ky), number))?;
                    let style = font(KEY_SIZE, theme.text, HPos::Left, VPos::Center);
                    area.draw(&Text::new(key.as_str(), (PAD + 24, ky), style))?;
                }
                Ok(())
            });
        });
    }
    for (i, row) in c.rows.iter().enumerate() {
        heat_row(&mut svg, c, row, &grid, grid.top + i as i32 * grid.row_h(), &theme, opts.dark);
    }
    let s = if c.rows.len() == 1 { "" } else { "es" };
    let units: Vec<&str> = c.columns.iter().map(|col| col.label.as_str()).collect();
    svg.finish(&format!(
        "Units side by side: capability level and index of {} process{s} (rows) in {} units (columns: {}), and \
         each process's lowest index.",
        c.rows.len(),
        c.columns.len(),
        units.join("; ")
    ))
}

/// One process's row: its name, a cell per unit and its lowest index.
fn heat_row(svg: &mut Svg, c: &Comparison, row: &Row, grid: &Grid, y: i32, theme: &Theme, dark: bool) {
    let stacked = grid.name_h > 0;
    let room = if stacked { grid.lowest_x + grid.cell_w - PAD } else { grid.label_w };
    let (name, cut) = fit(&row.name, room as f64, grid.name_size, 1);
    svg.group(&[("data-process", &row.process), ("class", "name")], cut.then_some(row.name.as_str()), |svg| {
        svg.draw(|area| {
            let (at, h) = if stacked {
                ((PAD, y + grid.name_h / 2 + 2), HPos::Left)
            } else {
                ((PAD + grid.label_w, y + grid.cell_h / 2), HPos::Right)
            };
            area.draw(&Text::new(name.concat(), at, font(grid.name_size, theme.text, h, VPos::Center)))
        });
    });
    let y = y + grid.name_h;
    let rect = |x: i32| [(x + 1, y + 1), (x + grid.cell_w - 1, y + grid.cell_h - 1)];
    for (k, (col, cell)) in c.columns.iter().zip(&row.cells).enumerate() {
        let fill = match cell {
            Cell::Scored { level, .. } => Some(level_colour(*level, dark)),
            Cell::OutOfScope => Some(theme.track),
            Cell::NoAnswers | Cell::NotAssessed => None,
        };
        let lines = cell_lines(cell, grid);
        let unit = k.to_string();
        let attrs = [("data-process", row.process.as_str()), ("data-unit", unit.as_str())];
        svg.group(&attrs, Some(&cell_tooltip(col, row, cell)), |svg| {
            let x = grid.x0 + k as i32 * grid.cell_w;
            svg.draw(|area| heat_cell(area, theme, rect(x), fill, &lines));
        });
    }
    let Some(min) = row.min_index else { return };
    let level = row.weakest.first().and_then(|&k| row.cells[k].level()).unwrap_or(0);
    let lines = cell_lines(
        &Cell::Scored { level, index: min, target: 0, gap: 0, attributes: Vec::new(), provisional: false },
        grid,
    );
    let tooltip = format!("{}: lowest index {}, in {}", row.name, index_text(min), c.weakest_label(row));
    let attrs = [("data-process", row.process.as_str()), ("data-roll-up", "lowest")];
    svg.group(&attrs, Some(&tooltip), |svg| {
        svg.draw(|area| heat_cell(area, theme, rect(grid.lowest_x), Some(level_colour(level, dark)), &lines));
    });
}

/// A level legend entry: what it shows (level 0–5, 6 out of scope, 7 no
/// answers, 8 the caption), text, x, y.
type LevelEntry = (u8, &'static str, i32, i32);

/// The legend of the heatmap's fills from `top`, wrapped; returns the entries and the y below.
fn level_legend(width: i32, top: i32) -> (Vec<LevelEntry>, i32) {
    let items: [(u8, &str, i32); 9] = [
        (8, "Capability level", 0),
        (0, "L0", 24),
        (1, "L1", 24),
        (2, "L2", 24),
        (3, "L3", 24),
        (4, "L4", 24),
        (5, "L5", 24),
        (6, "Out of scope", 24),
        (7, "No answers", 24),
    ];
    let (placed, _, ly) = wrap_legend(&items, width, PAD);
    let shift = top - (PAD + 10) + 9;
    (placed.into_iter().map(|(s, t, x, y)| (s, t, x, y + shift)).collect(), ly + shift + 12)
}

fn draw_level_legend(area: &Area, theme: &Theme, dark: bool, legend: &[LevelEntry]) -> Drawn {
    for &(symbol, text, lx, y) in legend {
        let rect = [(lx, y - 9), (lx + 18, y + 9)];
        match symbol {
            0..=5 => heat_cell(area, theme, rect, Some(level_colour(symbol, dark)), &[])?,
            6 => heat_cell(area, theme, rect, Some(theme.track), &["–".to_string()])?,
            7 => heat_cell(area, theme, rect, None, &[])?,
            _ => {
                area.draw(&Text::new(text, (lx, y), font(12.0, theme.muted, HPos::Left, VPos::Center)))?;
                continue;
            }
        }
        area.draw(&Text::new(text, (lx + 24, y), font(12.0, theme.text, HPos::Left, VPos::Center)))?;
    }
    Ok(())
}

// -------------------------------------------------------------------- trend

/// Which way a process moved from its first to its last scored date, as
/// `data-direction` and arrow, by the one rule of every arrow
/// ([`Direction::of`]: a change of level always shows).
fn direction(scored: &[(u8, f64)]) -> (&'static str, &'static str) {
    match (scored.first(), scored.last()) {
        (Some(&a), Some(&b)) if scored.len() > 1 => match Direction::of(a, b) {
            Direction::Same => ("flat", "="),
            d => (d.name(), d.mark()),
        },
        _ => ("once", ""),
    }
}

/// The trend chart's layout: the plot (`x0`..`x1`, shared by the top chart
/// and the sparklines, so a date sits at the same x in both).
struct Trend {
    x0: i32,
    x1: i32,
    /// x of each date.
    xs: Vec<i32>,
    /// Top and bottom of the top chart's plot.
    plot: (i32, i32),
    rows_top: i32,
}

const TREND_ROW_H: i32 = 30;
/// Below this width, each trend row puts its name above its sparkline.
const STACK_BELOW: i32 = 520;
const SPARK_H: i32 = 20;
/// The floor level's dash pattern (the mean index is solid).
const FLOOR_DASH: &[i32] = &[7, 4];

/// Colours of a rise and a fall, as text readable on the background.
fn change_ink(dir: &str, theme: &Theme, dark: bool) -> RGBColor {
    match (dir, dark) {
        ("up", true) => rgb("#7FD49B"),
        ("up", false) => rgb("#1D6B3A"),
        ("down", true) => rgb("#FF9B6A"),
        ("down", false) => rgb("#B04A00"),
        _ => theme.muted,
    }
}

/// The points of values (0–5) at `xs` between `y0` (5) and `y1` (0).
fn points(xs: &[i32], values: &[Option<f64>], (y0, y1): (i32, i32)) -> Vec<Option<(i32, i32)>> {
    let y = |v: f64| y1 - ((y1 - y0) as f64 * v.clamp(0.0, 5.0) / 5.0).round() as i32;
    xs.iter().zip(values).map(|(&x, v)| v.map(|v| (x, y(v)))).collect()
}

/// Lines between neighbouring points that both exist (a gap where one is missing).
fn series(area: &Area, pts: &[Option<(i32, i32)>], colour: RGBColor, pattern: &[i32]) -> Drawn {
    for run in pts.split(Option::is_none) {
        let run: Vec<(i32, i32)> = run.iter().flatten().copied().collect();
        for piece in dashes(&run, pattern).into_iter().filter(|p| p.len() > 1) {
            area.draw(&PathElement::new(piece, colour.stroke_width(2)))?;
        }
    }
    Ok(())
}

/// A trend row's tooltip: "Incident management: 2026-03-01 0.0 · 2026-07-01 – · 2026-11-02 1.5".
fn values_tooltip(name: &str, dates: &[String], values: &[Option<f64>]) -> String {
    let each: Vec<String> =
        dates.iter().zip(values).map(|(d, v)| format!("{d} {}", v.map_or("–".to_string(), index_text))).collect();
    format!("{name}: {}", each.join(" · "))
}

/// The history of one unit: floor level and mean index per date, then each
/// process's index over the dates with its change from first to last.
pub fn trend_chart(h: &History, opts: &ChartOptions) -> String {
    let c = &h.over_time;
    let dates: Vec<String> =
        h.dates().iter().map(|d| if d.is_empty() { "undated".to_string() } else { d.to_string() }).collect();
    if dates.len() < 2 || c.rows.is_empty() {
        let message = if dates.len() < 2 { "A history needs two dated assessments" } else { "Nothing scored yet" };
        return message_chart(opts, &format!("Unit history: {}.", message.to_lowercase()), message);
    }
    let theme = Theme::of(opts);
    let width = opts.width.max(MIN_WIDTH) as i32;
    let items = [(0, "Mean index", SYMBOL_W), (1, "Floor level (lowest process)", SYMBOL_W)];
    let (legend, _, ly) = wrap_legend(&items, width, PAD);
    // Narrow: each row's name on a line of its own above its sparkline.
    let stacked = width < STACK_BELOW;
    let label_w = label_width(c.rows.iter().map(|r| r.name.as_str()), 13.0, 70.0, width as f64 * 0.3);
    let right_w = (text_width("5.0 → 5.0 ▲", 12.0) * 1.1).ceil() as i32;
    let x0 = if stacked { PAD + 30 } else { PAD + label_w + 16 };
    let x1 = width - PAD - right_w - 14;
    let (name_h, row_h) = if stacked { (18, TREND_ROW_H + 18) } else { (0, TREND_ROW_H) };
    let m = dates.len() as i32;
    let xs: Vec<i32> = (0..m).map(|j| x0 + (x1 - x0) * j / (m - 1)).collect();
    let plot = (ly + 26, ly + 26 + 110);
    let layout = Trend { x0, x1, xs, plot, rows_top: plot.1 + 36 };
    let height = layout.rows_top + c.rows.len() as i32 * row_h + PAD;

    let mut svg = Svg::new(width as u32, height as u32, &theme);
    svg.draw(|area| {
        for &(symbol, text, lx, y) in &legend {
            let (colour, pattern) = if symbol == 0 { (theme.current, &[][..]) } else { (theme.target, FLOOR_DASH) };
            series(area, &[Some((lx, y)), Some((lx + 26, y))], colour, pattern)?;
            marker(area, symbol as usize, (lx + 13, y), colour, theme.bg, None)?;
            area.draw(&Text::new(text, (lx + SYMBOL_W, y), font(12.0, theme.text, HPos::Left, VPos::Center)))?;
        }
        trend_top(area, h, &layout, &dates, &theme)?;
        // What the right-hand figures compare: every arrow there is since the first date scored.
        let style = font(11.0, theme.muted, HPos::Right, VPos::Center);
        area.draw(&Text::new("first → last date", (width - PAD, layout.rows_top - 8), style))
    });
    let mut counts = (0, 0);
    for (i, (row, (_, values))) in c.rows.iter().zip(h.series()).enumerate() {
        let top = layout.rows_top + i as i32 * row_h;
        let y = top + name_h;
        let scored: Vec<(u8, f64)> = row.cells.iter().filter_map(|c| Some((c.level()?, c.index()?))).collect();
        let (dir, arrow) = direction(&scored);
        counts.0 += usize::from(dir == "up");
        counts.1 += usize::from(dir == "down");
        let change = match (scored.first(), scored.last()) {
            (Some(&a), Some(&b)) if scored.len() > 1 => format!("{} → {} {arrow}", index_text(a.1), index_text(b.1)),
            (Some(&a), _) => index_text(a.1),
            _ => "–".to_string(),
        };
        let (name, _) = fit(&row.name, if stacked { width - 2 * PAD } else { label_w } as f64, 13.0, 1);
        let tooltip = values_tooltip(&row.name, &dates, &values);
        svg.group(&[("data-process", &row.process), ("data-direction", dir)], Some(&tooltip), |svg| {
            svg.draw(|area| {
                let (at, h) =
                    if stacked { ((PAD, top + 10), HPos::Left) } else { ((PAD + label_w, y + 15), HPos::Right) };
                area.draw(&Text::new(name.concat(), at, font(13.0, theme.text, h, VPos::Center)))?;
                let band = (y + (TREND_ROW_H - SPARK_H) / 2, y + (TREND_ROW_H + SPARK_H) / 2);
                area.draw(&Rectangle::new([(x0 - 6, band.0 - 2), (x1 + 6, band.1 + 2)], theme.track.filled()))?;
                let pts = points(&layout.xs, &values, band);
                series(area, &pts, theme.current, &[])?;
                for &p in pts.iter().flatten() {
                    area.draw(&Circle::new(p, 2, theme.current.filled()))?;
                }
                let ink = bold(12.0, change_ink(dir, &theme, opts.dark), HPos::Right, VPos::Center);
                area.draw(&Text::new(change, (width - PAD, y + TREND_ROW_H / 2), ink))
            });
        });
    }
    let n = c.rows.len();
    svg.finish(&format!(
        "History of {}: floor level and mean capability index (0–5) at {m} dates from {} to {}, and the index of {n} \
         process{} over those dates: {} rose, {} fell, {} unchanged or scored once.",
        c.columns[0].unit,
        dates[0],
        dates[dates.len() - 1],
        if n == 1 { "" } else { "es" },
        counts.0,
        counts.1,
        n - counts.0 - counts.1
    ))
}

/// The top chart: grid 0–5, the dates, the floor level and the mean index,
/// with the newest values written at the right.
fn trend_top(area: &Area, h: &History, layout: &Trend, dates: &[String], theme: &Theme) -> Drawn {
    let (y0, y1) = layout.plot;
    let (x0, x1) = (layout.x0, layout.x1);
    for v in 0..=5 {
        let y = y1 - (y1 - y0) * v / 5;
        let line = if v == 0 { theme.muted } else { theme.grid };
        area.draw(&PathElement::new(vec![(x0 - 6, y), (x1 + 6, y)], line))?;
        area.draw(&Text::new(v.to_string(), (x0 - 12, y), font(11.0, theme.muted, HPos::Right, VPos::Center)))?;
    }
    // Date labels: every `step`-th so that none runs into the next; the newest always.
    let date_w = dates.iter().map(|d| text_width(d, 11.0)).fold(0.0, f64::max) + 10.0;
    let gap = (x1 - x0) as f64 / (dates.len() - 1) as f64;
    let step = ((date_w / gap).ceil() as usize).max(1);
    let last = dates.len() - 1;
    for (j, (d, &x)) in dates.iter().zip(&layout.xs).enumerate() {
        let shown = j == last || (j % step == 0 && last - j >= step);
        area.draw(&PathElement::new(vec![(x, y1), (x, y1 + 4)], if shown { theme.muted } else { theme.grid }))?;
        if shown {
            area.draw(&Text::new(d.as_str(), (x, y1 + 14), font(11.0, theme.muted, HPos::Center, VPos::Center)))?;
        }
    }
    let floor: Vec<Option<f64>> = h.floor().iter().map(|f| f.map(f64::from)).collect();
    let mean: Vec<Option<f64>> = h.over_time.columns.iter().map(|col| col.mean_index).collect();
    let (floor_pts, mean_pts) = (points(&layout.xs, &floor, layout.plot), points(&layout.xs, &mean, layout.plot));
    series(area, &floor_pts, theme.target, FLOOR_DASH)?;
    series(area, &mean_pts, theme.current, &[])?;
    for &p in floor_pts.iter().flatten() {
        marker(area, 1, p, theme.target, theme.bg, None)?;
    }
    for &p in mean_pts.iter().flatten() {
        marker(area, 0, p, theme.current, theme.bg, None)?;
    }
    // The newest values at the right, apart when they would touch.
    let (m, f) = (mean_pts.last().copied().flatten(), floor_pts.last().copied().flatten());
    let close = matches!((m, f), (Some(a), Some(b)) if (a.1 - b.1).abs() < 14);
    if let (Some(p), Some(v)) = (m, mean.last().copied().flatten()) {
        let y = if close { p.1.min(f.map_or(p.1, |f| f.1)) - 7 } else { p.1 };
        let style = bold(12.0, theme.text, HPos::Left, VPos::Center);
        area.draw(&Text::new(format!("mean {}", index_text(v)), (x1 + 10, y), style))?;
    }
    if let (Some(p), Some(v)) = (f, floor.last().copied().flatten()) {
        let y = if close { p.1.max(m.map_or(p.1, |m| m.1)) + 7 } else { p.1 };
        let style = font(12.0, theme.text, HPos::Left, VPos::Center);
        area.draw(&Text::new(format!("floor {v:.0}"), (x1 + 10, y), style))?;
    }
    Ok(())
}
