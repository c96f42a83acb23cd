//! Comparison with a baseline: one row per process, a diverging bar of the
//! change in capability index (`current − baseline`) from a zero line —
//! improvement to the right in bluish green, decline to the left in
//! vermillion (Okabe–Ito: apart for every common colour-vision deficiency) —
//! with the change written at the right ("+0.83", "−0.20", "0.00") and
//! "level 1 → 3" when the capability level moved.
//!
//! - Rows run from the largest improvement to the largest decline; equal
//!   changes keep the input order (a stable sort).
//! - A change that prints as 0.00 (|Δ| < 0.005) counts as no change: it sorts
//!   as 0, is marked with a small ring on the zero line, and its row is
//!   `data-direction="flat"`; the others are `"up"` or `"down"`.
//! - The axis is symmetric around 0 and reaches the largest |Δ|, rounded up
//!   to a round number, and at least ±1, so small changes do not look big.
//! - Every row is one `<g data-process="id" data-direction="…">`; its bar is
//!   a `<g class="bar">` whose tooltip gives both indices.
//! - No row: a message instead of a chart.

use super::spread::fitting;
use super::{
    bold, fit, font, label_width, message_chart, rgb, text_width, wrap_legend, ChartOptions, Svg, Theme, MIN_WIDTH,
    PALETTE,
};
use crate::domain::results::{change_text, index_text};
use crate::domain::workshop::Delta;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const PAD: i32 = 12;
const AXIS_H: i32 = 22;
const ROW_H: i32 = 30;
const LINE_H: i32 = 15;
const BAR_H: i32 = 14;
/// Above the bar of a stacked row: its label line.
const STACKED_LABEL_H: i32 = 20;
/// Below this width, each row puts its label above its bar.
const STACK_BELOW: i32 = 520;
/// Tick labels closer than this (px) would run into each other.
const MIN_TICK_GAP: f64 = 32.0;
const VALUE_SIZE: f64 = 12.0;

/// Which way a process moved since the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Flat,
}

impl Direction {
    /// The value of the row's `data-direction` attribute.
    pub fn attr(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Flat => "flat",
        }
    }
}

/// One process's row.
struct Row<'a> {
    delta: &'a Delta,
    /// The change, 0 when it prints as 0.00.
    change: f64,
    direction: Direction,
    value: String,
    /// "level 1 → 3" when the capability level changed.
    levels: Option<String>,
}

impl<'a> Row<'a> {
    fn of(delta: &'a Delta) -> Row<'a> {
        // The change of the two figures as shown ("1.40 → 1.53" is "+0.13").
        let value = change_text(clean(delta.baseline_index), clean(delta.current_index));
        let direction = match value.chars().next() {
            Some('+') => Direction::Up,
            Some('\u{2212}') => Direction::Down,
            _ => Direction::Flat,
        };
        let raw = if delta.delta.is_finite() { delta.delta } else { 0.0 };
        let change = if direction == Direction::Flat { 0.0 } else { raw };
        let levels = (delta.baseline_level != delta.current_level)
            .then(|| format!("level {} → {}", delta.baseline_level, delta.current_level));
        Row { delta, change, direction, value, levels }
    }
}

/// Colours of improvement and decline: (bar, text readable on the background).
struct Colours {
    up: RGBColor,
    up_text: RGBColor,
    down: RGBColor,
    down_text: RGBColor,
}

impl Colours {
    fn of(opts: &ChartOptions) -> Colours {
        let (up_text, down_text) = if opts.dark { ("#7FD49B", "#FF9B6A") } else { ("#1D6B3A", "#B04A00") };
        Colours { up: rgb(PALETTE[2]), up_text: rgb(up_text), down: rgb(PALETTE[5]), down_text: rgb(down_text) }
    }
}

/// The comparison chart: the change of each process's capability index
/// since the baseline, largest improvement first.
pub fn delta_chart(deltas: &[Delta], opts: &ChartOptions) -> String {
    if deltas.is_empty() {
        return message_chart(opts, "Comparison with the baseline: no process to compare.", "No process to compare");
    }
    let mut rows: Vec<Row> = deltas.iter().map(Row::of).collect();
    // A stable sort keeps the input order among equal changes.
    crate::domain::sort_stable(&mut rows, |a, b| b.change.total_cmp(&a.change));
    let theme = Theme::of(opts);
    let colours = Colours::of(opts);
    let width = opts.width.max(MIN_WIDTH) as i32;
    let stacked = width < STACK_BELOW;

    // Bold digits run a little wider than the estimate.
    let value_w = rows.iter().map(|r| text_width(&r.value, VALUE_SIZE) * 1.1).fold(0.0, f64::max).ceil() as i32;
    let level_w = rows.iter().filter_map(|r| r.levels.as_deref()).map(|l| text_width(l, 12.0)).fold(0.0, f64::max);
    let level_w = level_w.ceil() as i32;
    let (label_w, right_w, row_h) = if stacked {
        // Each row's label takes the line but for its own level text (see below).
        (width - 2 * PAD - 8, value_w, STACKED_LABEL_H + ROW_H)
    } else {
        let label_w = label_width(rows.iter().map(|r| r.delta.name.as_str()), 13.0, 80.0, width as f64 * 0.32);
        (label_w, value_w + if level_w > 0 { 10 + level_w } else { 0 }, ROW_H)
    };
    // Wide: room for half a tick label ("−2.5") between the label column and the plot.
    let x0 = if stacked { PAD + 8 } else { PAD + label_w + 16 + (text_width("−2.5", 11.0) / 2.0).ceil() as i32 };
    let x1 = width - PAD - right_w - 14;
    let largest = rows.iter().map(|r| r.change.abs()).fold(0.0, f64::max);
    let (extent, step) = scale(largest, (x1 - x0) as f64);
    let zero = (x0 + x1) / 2;
    let x = |v: f64| zero + ((x1 - x0) as f64 / 2.0 * v.clamp(-extent, extent) / extent).round() as i32;

    // Legend items (symbol, text, symbol width), wrapped onto more lines when narrow.
    let items = [(0, "Improved", 30), (1, "Declined", 30), (2, "No change", 30)];
    let (legend, lx, ly) = wrap_legend(&items, width, PAD);
    let note = "Change in capability index since the baseline";
    let show_note = lx + text_width(note, 12.0) as i32 <= width - PAD;
    let top = ly + 16 + AXIS_H;
    let rows_h = rows.len() as i32 * row_h;
    let height = top + rows_h + PAD;
    let bar_y = |row_top: i32| if stacked { row_top + STACKED_LABEL_H + ROW_H / 2 } else { row_top + row_h / 2 };

    let mut svg = Svg::new(width as u32, height as u32, &theme);
    svg.draw(|area| {
        for &(symbol, text, lx, y) in &legend {
            match symbol {
                0 => area.draw(&Rectangle::new([(lx, y - 6), (lx + 22, y + 6)], colours.up.filled()))?,
                1 => area.draw(&Rectangle::new([(lx, y - 6), (lx + 22, y + 6)], colours.down.filled()))?,
                _ => area.draw(&Circle::new((lx + 11, y), 4, theme.muted.stroke_width(2)))?,
            }
            area.draw(&Text::new(text, (lx + 30, y), font(12.0, theme.text, HPos::Left, VPos::Center)))?;
        }
        if show_note {
            let style = font(12.0, theme.muted, HPos::Right, VPos::Center);
            area.draw(&Text::new(note, (width - PAD, PAD + 10), style))?;
        }
        // Light bands on every other row help the eye across the wide rows.
        for i in (1..rows.len() as i32).step_by(2) {
            let ry = top + i * row_h;
            area.draw(&Rectangle::new([(PAD, ry), (width - PAD, ry + row_h)], theme.track.filled()))?;
        }
        let ticks = (extent / step + 1e-9).floor() as i32;
        for k in -ticks..=ticks {
            let v = k as f64 * step;
            let gx = x(v);
            let line = if k == 0 { theme.muted } else { theme.grid };
            if stacked {
                // Grid lines only beside the bars, not through the labels above them.
                for i in 0..rows.len() as i32 {
                    let yc = bar_y(top + i * row_h);
                    area.draw(&PathElement::new(vec![(gx, yc - ROW_H / 2 + 2), (gx, yc + ROW_H / 2 - 2)], line))?;
                }
            } else {
                area.draw(&PathElement::new(vec![(gx, top), (gx, top + rows_h)], line))?;
            }
            let style = font(11.0, theme.muted, HPos::Center, VPos::Bottom);
            area.draw(&Text::new(tick_label(v), (gx, top - 5), style))?;
        }
        let notes = ["Largest improvement first", "Largest first"];
        if let Some(note) = (!stacked).then(|| fitting(&notes, label_w)).flatten() {
            let style = font(11.0, theme.muted, HPos::Right, VPos::Bottom);
            area.draw(&Text::new(note, (PAD + label_w, top - 5), style))?;
        }
        Ok(())
    });

    for (i, row) in rows.iter().enumerate() {
        let d = row.delta;
        let row_top = top + i as i32 * row_h;
        let yc = bar_y(row_top);
        let label_line = row_top + STACKED_LABEL_H / 2 + 2;
        let room = match &row.levels {
            Some(levels) if stacked => label_w - text_width(levels, 12.0).ceil() as i32 - 12,
            _ => label_w,
        };
        let (lines, cut) = fit(&d.name, room.max(40) as f64, 13.0, if stacked { 1 } else { 2 });
        let attrs = [("data-process", d.process.as_str()), ("data-direction", row.direction.attr())];
        svg.group(&attrs, cut.then_some(d.name.as_str()), |svg| {
            svg.draw(|area| {
                let count = lines.len() as i32;
                for (k, line) in lines.iter().enumerate() {
                    let (at, h) = if stacked {
                        ((PAD + 8, label_line), HPos::Left)
                    } else {
                        ((PAD + label_w, yc + (2 * k as i32 - (count - 1)) * LINE_H / 2), HPos::Right)
                    };
                    area.draw(&Text::new(line.as_str(), at, font(13.0, theme.text, h, VPos::Center)))?;
                }
                let ink = match row.direction {
                    Direction::Up => colours.up_text,
                    Direction::Down => colours.down_text,
                    Direction::Flat => theme.muted,
                };
                let value = bold(VALUE_SIZE, ink, HPos::Right, VPos::Center);
                area.draw(&Text::new(row.value.as_str(), (x1 + 14 + value_w, yc), value))?;
                if let Some(levels) = &row.levels {
                    let (at, h) = if stacked {
                        ((width - PAD, label_line), HPos::Right)
                    } else {
                        ((x1 + 14 + value_w + 10, yc), HPos::Left)
                    };
                    area.draw(&Text::new(levels.as_str(), at, font(12.0, theme.muted, h, VPos::Center)))?;
                }
                Ok(())
            });
            let tooltip = format!(
                "Baseline {} → now {}",
                index_text(clean(d.baseline_index)),
                index_text(clean(d.current_index))
            );
            svg.group(&[("class", "bar")], Some(&tooltip), |svg| {
                svg.draw(|area| {
                    let (from, to) = (x(0.0), x(row.change));
                    let (y0, y1) = (yc - BAR_H / 2, yc + BAR_H / 2);
                    match row.direction {
                        Direction::Up => {
                            area.draw(&Rectangle::new([(from, y0), (to.max(from + 2), y1)], colours.up.filled()))
                        }
                        Direction::Down => {
                            area.draw(&Rectangle::new([(to.min(from - 2), y0), (from, y1)], colours.down.filled()))
                        }
                        Direction::Flat => {
                            area.draw(&Circle::new((from, yc), 4, theme.bg.filled()))?;
                            area.draw(&Circle::new((from, yc), 4, theme.muted.stroke_width(2)))
                        }
                    }
                });
            });
        });
    }
    let count = |dir: Direction| rows.iter().filter(|r| r.direction == dir).count();
    let n = rows.len();
    let s = if n == 1 { "" } else { "es" };
    svg.finish(&format!(
        "Change in capability index (0–5) of {n} process{s} since the baseline, largest improvement first: \
         {} improved, {} declined, {} unchanged.",
        count(Direction::Up),
        count(Direction::Down),
        count(Direction::Flat)
    ))
}

/// The axis half-width and tick step for a largest change of `largest`
/// across a plot of `plot_w` px: at least ±1, rounded up to a half or whole
/// number; the step divides the half-width (so the ends carry a tick) and
/// leaves room between tick labels.
fn scale(largest: f64, plot_w: f64) -> (f64, f64) {
    let extent = if largest <= 1.0 {
        1.0
    } else if largest <= 2.0 {
        (largest * 2.0).ceil() / 2.0
    } else {
        largest.ceil()
    };
    let divides = |step: f64| ((extent / step) - (extent / step).round()).abs() < 1e-9;
    let roomy = |step: f64| plot_w / 2.0 * step / extent >= MIN_TICK_GAP;
    let step = [0.5, 1.0, 2.0, 2.5, 5.0].into_iter().find(|&s| s <= extent && divides(s) && roomy(s)).unwrap_or(extent);
    (extent, step)
}

/// "−1", "−0.5", "0", "+0.5", "+1".
fn tick_label(v: f64) -> String {
    let digits = if (v - v.round()).abs() < 1e-9 { 0 } else { 1 };
    if v.abs() < 1e-9 {
        "0".to_string()
    } else if v > 0.0 {
        format!("+{v:.digits$}")
    } else {
        format!("\u{2212}{:.digits$}", -v)
    }
}

/// A value fit to print (0 for anything not finite).
fn clean(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}
