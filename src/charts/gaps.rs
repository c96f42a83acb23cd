//! Gap bars: one row per in-scope process in the app's one priority order
//! (`Results::in_scope_by_priority`), on a 0–5 capability scale. Each row draws the gap as a bar
//! from the current capability index (dot) to the target level (diamond).
//!
//! A process whose capability level is at or above its target (the domain's
//! `gap <= 0`) is drawn in the "target met" style: a green bar and "✓ target
//! met". Its index may still sit below the target (the index is continuous,
//! the level is gated), so "met" follows the level, as the roadmap does.
//! Every row is one `<g data-process="id">`, top to bottom in priority order.

use super::{
    blend, bold, fit, font, index_text, label_width, message_chart, wrap_legend, ChartOptions, Svg, Theme, MIN_WIDTH,
};
use crate::domain::results::Results;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const PAD: i32 = 12;
const AXIS_H: i32 = 22;
const ROW_H: i32 = 30;

/// Below this width, each row puts its label above its bar.
const STACK_BELOW: i32 = 520;

/// The gap chart of in-scope processes, sorted by priority.
pub fn gap_bars(results: &Results, opts: &ChartOptions) -> String {
    let procs = results.in_scope_by_priority();
    if procs.is_empty() {
        return message_chart(opts, "Capability gaps: no process in scope yet.", "No process in scope yet");
    }
    let theme = Theme::of(opts);
    let width = opts.width.max(MIN_WIDTH) as i32;
    let stacked = width < STACK_BELOW;
    let (label_w, right_w, row_h) = if stacked {
        (width - 2 * PAD - 8, 78, 46)
    } else {
        (label_width(procs.iter().map(|p| p.name.as_str()), 13.0, 80.0, width as f64 * 0.36), 96, ROW_H)
    };
    let x0 = if stacked { PAD + 8 } else { PAD + label_w + 14 };
    let x1 = width - PAD - right_w - 10;
    let x = |v: f64| x0 + ((x1 - x0) as f64 * v.clamp(0.0, 5.0) / 5.0).round() as i32;
    let met_count = procs.iter().filter(|p| p.level >= p.target).count();
    let (gap_fill, met_fill) = (blend(theme.target, theme.bg, 0.35), blend(theme.met, theme.bg, 0.45));

    // Legend items (symbol, text, symbol width), wrapped onto more lines when narrow.
    let items = [(0, "Current index", 16), (1, "Target level", 16), (2, "Gap", 28), (3, "Target met", 28)];
    let (legend, _, ly) = wrap_legend(&items, width, PAD);
    let top = ly + 14 + AXIS_H;
    let rows_h = procs.len() as i32 * row_h;
    let height = top + rows_h + PAD;

    let mut svg = Svg::new(width as u32, height as u32, &theme);
    svg.draw(|area| {
        for &(symbol, text, lx, y) in &legend {
            let text_x = lx + if symbol < 2 { 16 } else { 28 };
            match symbol {
                0 => area.draw(&Circle::new((lx + 6, y), 5, theme.current.filled()))?,
                1 => area.draw(&Polygon::new(diamond(lx + 6, y, 6), theme.target.filled()))?,
                2 => area.draw(&Rectangle::new([(lx, y - 5), (lx + 22, y + 5)], gap_fill.filled()))?,
                _ => area.draw(&Rectangle::new([(lx, y - 5), (lx + 22, y + 5)], met_fill.filled()))?,
            }
            area.draw(&Text::new(text, (text_x, y), font(12.0, theme.text, HPos::Left, VPos::Center)))?;
        }
        // Light bands on every other row help the eye across the wide rows.
        for i in (1..procs.len() as i32).step_by(2) {
            let ry = top + i * row_h;
            area.draw(&Rectangle::new([(PAD, ry), (width - PAD, ry + row_h)], theme.track.filled()))?;
        }
        // Scale and grid.
        for level in 0..=5 {
            let gx = x(level as f64);
            if stacked {
                // Grid lines only beside the bars, not through the labels above them.
                for i in 0..procs.len() as i32 {
                    let yc = top + i * row_h + 31;
                    area.draw(&PathElement::new(vec![(gx, yc - 11), (gx, yc + 11)], theme.grid))?;
                }
            } else {
                area.draw(&PathElement::new(vec![(gx, top), (gx, top + rows_h)], theme.grid))?;
            }
            let style = font(11.0, theme.muted, HPos::Center, VPos::Bottom);
            area.draw(&Text::new(level.to_string(), (gx, top - 5), style))?;
        }
        let (note, note_x, h) = if stacked {
            ("by priority", width - PAD, HPos::Right)
        } else {
            ("Highest priority first", PAD + label_w, HPos::Right)
        };
        area.draw(&Text::new(note, (note_x, top - 5), font(11.0, theme.muted, h, VPos::Bottom)))
    });

    for (i, p) in procs.iter().enumerate() {
        let row_top = top + i as i32 * row_h;
        let (label_at, label_h, yc) = if stacked {
            ((PAD + 8, row_top + 12), HPos::Left, row_top + 31)
        } else {
            ((PAD + label_w, row_top + row_h / 2), HPos::Right, row_top + row_h / 2)
        };
        let (lines, cut) = fit(&p.name, label_w as f64, 13.0, 1);
        let met = p.level >= p.target;
        let (cur, tgt) = (x(p.index), x(p.target as f64));
        svg.group(&[("data-process", &p.id)], cut.then_some(p.name.as_str()), |svg| {
            svg.draw(|area| {
                for line in &lines {
                    area.draw(&Text::new(line.as_str(), label_at, font(13.0, theme.text, label_h, VPos::Center)))?;
                }
                let (from, to) = (cur.min(tgt), cur.max(tgt).max(cur.min(tgt) + 1));
                let bar = if met { met_fill } else { gap_fill };
                area.draw(&Rectangle::new([(from, yc - 6), (to, yc + 6)], bar.filled()))?;
                area.draw(&Polygon::new(diamond(tgt, yc, 7), theme.target.filled()))?;
                area.draw(&Circle::new((cur, yc), 5, theme.current.filled()))?;
                area.draw(&Circle::new((cur, yc), 5, theme.bg.stroke_width(1)))?;
                let (note, style) = if met {
                    ("✓ target met".to_string(), bold(12.0, theme.met_text, HPos::Left, VPos::Center))
                } else {
                    (
                        format!("{} → {}", index_text(p.index), p.target),
                        font(12.0, theme.text, HPos::Left, VPos::Center),
                    )
                };
                area.draw(&Text::new(note, (x1 + 14, yc), style))
            });
        });
    }
    let s = if procs.len() == 1 { "" } else { "es" };
    svg.finish(&format!(
        "Capability gaps of {} in-scope process{s}, highest priority first: each bar runs from the current \
         capability index to the target level; {met_count} already meet their target.",
        procs.len()
    ))
}

/// A diamond of half-size `r` centred on (`x`, `y`).
fn diamond(x: i32, y: i32, r: i32) -> Vec<(i32, i32)> {
    vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
}
