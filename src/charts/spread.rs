//! Workshop spread: one row per process, in the order given (the catalog
//! order of [`spread`](crate::domain::workshop::spread)), on the 0–5
//! capability-index scale. Each row draws a whisker from the lowest to the
//! highest participant's own index, a dot per participant, and the consensus
//! as a large diamond on top; the consensus figure and the range are written
//! at the right.
//!
//! - A row where everyone agrees (`min == max`) keeps its end caps, dots and
//!   diamond, so it never vanishes.
//! - Dots at nearby values are moved up or down a lane (a small beeswarm) so
//!   that each stays visible; past the outer lanes they overlap, and their
//!   translucency shows the crowd.
//! - Every row is one `<g data-process="id">`; inside it the whisker is a
//!   `<g class="range">`, each participant's dot a `<g class="participant">`
//!   with the tooltip "name: 2.31", and the consensus a `<g class="consensus">`.
//!   Participant names appear only in those tooltips (escaped once, by
//!   [`Svg::group`]).
//! - No row: a message instead of a chart.

use super::{
    bold, fit, font, label_width, message_chart, text_width, wrap_legend, Area, ChartOptions, Drawn, Svg, Theme,
    MIN_WIDTH,
};
use crate::domain::workshop::Spread;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const PAD: i32 = 12;
const AXIS_H: i32 = 22;
const LINE_H: i32 = 15;
const DOT_R: i32 = 5;
/// Vertical offsets tried, in order, for a participant's dot.
const LANES: [i32; 3] = [0, -10, 10];
/// The height of a row's plot: the outer lanes and their dots, plus a margin.
const PLOT_H: i32 = 2 * (10 + DOT_R) + 6;
/// Above the plot of a stacked row: its label line.
const STACKED_LABEL_H: i32 = 20;
/// Below this width, each row puts its label above its plot.
const STACK_BELOW: i32 = 520;
const VALUE_SIZE: f64 = 12.0;
const RANGE_SIZE: f64 = 11.0;

/// The workshop spread chart: consensus, min–max whisker and one dot per
/// participant, for each process of `spreads` in the given order.
pub fn spread_chart(spreads: &[Spread], opts: &ChartOptions) -> String {
    if spreads.is_empty() {
        return message_chart(opts, "Workshop spread: no process in scope yet.", "No process in scope yet");
    }
    let theme = Theme::of(opts);
    let width = opts.width.max(MIN_WIDTH) as i32;
    let stacked = width < STACK_BELOW;
    // The range, and where agreed answers shape the consensus (even outside
    // the range) a short note beside it: "0.00–0.00 · 1 agreed".
    let ranges: Vec<String> = spreads
        .iter()
        .map(|s| match s.agreed {
            0 => s.range_text(),
            n => format!("{} · {n} agreed", s.range_text()),
        })
        .collect();
    let range_w = ranges.iter().map(|r| text_width(r, RANGE_SIZE)).fold(0.0, f64::max).ceil() as i32;
    // Bold digits run a little wider than the estimate.
    let value_w = (text_width("5.00", VALUE_SIZE) * 1.1).ceil() as i32;
    let (label_w, right_w, row_h) = if stacked {
        // The column is as wide as its header; its figures align right under it.
        // Each row's label takes the line but for its own range text (see below).
        let header_w = text_width("Consensus", 11.0).ceil() as i32;
        (width - 2 * PAD - 8, value_w.max(header_w), STACKED_LABEL_H + PLOT_H)
    } else {
        let label_w = label_width(spreads.iter().map(|s| s.name.as_str()), 13.0, 80.0, width as f64 * 0.32);
        (label_w, value_w + 8 + range_w, PLOT_H + 2)
    };
    let x0 = if stacked { PAD + 8 } else { PAD + label_w + 16 };
    let x1 = width - PAD - right_w - 14;
    // The right edge of the consensus figures.
    let value_x = if stacked { width - PAD } else { x1 + 14 + value_w };
    let x = |v: f64| x0 + ((x1 - x0) as f64 * clean(v).clamp(0.0, 5.0) / 5.0).round() as i32;

    // Legend items (symbol, text, symbol width), wrapped onto more lines when narrow.
    let items = [(0, "Participant", 18), (1, "Consensus", 18), (2, "Range: lowest to highest", 30)];
    let (legend, _, ly) = wrap_legend(&items, width, PAD);
    let top = ly + 16 + AXIS_H;
    let rows_h = spreads.len() as i32 * row_h;
    let height = top + rows_h + PAD;
    let plot_y = |row_top: i32| if stacked { row_top + STACKED_LABEL_H + PLOT_H / 2 } else { row_top + row_h / 2 };

    let mut svg = Svg::new(width as u32, height as u32, &theme);
    svg.draw(|area| {
        for &(symbol, text, lx, y) in &legend {
            let text_x = lx + if symbol < 2 { 18 } else { 30 };
            match symbol {
                0 => dot(area, &theme, (lx + 7, y))?,
                1 => consensus_mark(area, &theme, lx + 7, y, 7)?,
                _ => whisker(area, &theme, lx + 1, lx + 23, y, 6)?,
            }
            area.draw(&Text::new(text, (text_x, y), font(12.0, theme.text, HPos::Left, VPos::Center)))?;
        }
        // Light bands on every other row help the eye across the wide rows.
        for i in (1..spreads.len() as i32).step_by(2) {
            let ry = top + i * row_h;
            area.draw(&Rectangle::new([(PAD, ry), (width - PAD, ry + row_h)], theme.track.filled()))?;
        }
        for level in 0..=5 {
            let gx = x(level as f64);
            if stacked {
                // Grid lines only beside the plots, not through the labels above them.
                for i in 0..spreads.len() as i32 {
                    let yc = plot_y(top + i * row_h);
                    area.draw(&PathElement::new(vec![(gx, yc - PLOT_H / 2), (gx, yc + PLOT_H / 2)], theme.grid))?;
                }
            } else {
                area.draw(&PathElement::new(vec![(gx, top), (gx, top + rows_h)], theme.grid))?;
            }
            let style = font(11.0, theme.muted, HPos::Center, VPos::Bottom);
            area.draw(&Text::new(level.to_string(), (gx, top - 5), style))?;
        }
        let muted = |h| font(11.0, theme.muted, h, VPos::Bottom);
        if let Some(note) = (!stacked).then(|| fitting(&["Capability index", "Index"], label_w)).flatten() {
            area.draw(&Text::new(note, (PAD + label_w, top - 5), muted(HPos::Right)))?;
        }
        // The header of the consensus figures: over them when stacked, over figures and ranges otherwise.
        if stacked {
            area.draw(&Text::new("Consensus", (value_x, top - 5), muted(HPos::Right)))
        } else {
            area.draw(&Text::new("Consensus", (x1 + 14, top - 5), muted(HPos::Left)))
        }
    });

    for (i, (s, range)) in spreads.iter().zip(&ranges).enumerate() {
        let row_top = top + i as i32 * row_h;
        let yc = plot_y(row_top);
        let room = if stacked { label_w - text_width(range, RANGE_SIZE).ceil() as i32 - 12 } else { label_w };
        let (lines, cut) = fit(&s.name, room.max(40) as f64, 13.0, if stacked { 1 } else { 2 });
        let (lo, hi) = (clean(s.min).min(clean(s.max)), clean(s.min).max(clean(s.max)));
        let dots = lanes(s.per_participant.iter().map(|(_, v)| x(*v)), x(s.consensus));
        svg.group(&[("data-process", &s.process)], cut.then_some(s.name.as_str()), |svg| {
            svg.draw(|area| {
                let count = lines.len() as i32;
                for (k, line) in lines.iter().enumerate() {
                    let (at, h) = if stacked {
                        ((PAD + 8, row_top + STACKED_LABEL_H / 2 + 2), HPos::Left)
                    } else {
                        ((PAD + label_w, yc + (2 * k as i32 - (count - 1)) * LINE_H / 2), HPos::Right)
                    };
                    area.draw(&Text::new(line.as_str(), at, font(13.0, theme.text, h, VPos::Center)))?;
                }
                let value = bold(VALUE_SIZE, theme.text, HPos::Right, VPos::Center);
                area.draw(&Text::new(two(s.consensus), (value_x, yc), value))?;
                let (at, h) = if stacked {
                    ((width - PAD, row_top + STACKED_LABEL_H / 2 + 2), HPos::Right)
                } else {
                    ((value_x + 8, yc), HPos::Left)
                };
                area.draw(&Text::new(range.as_str(), at, font(RANGE_SIZE, theme.muted, h, VPos::Center)))
            });
            svg.group(&[("class", "range")], None, |svg| {
                svg.draw(|area| whisker(area, &theme, x(lo), x(hi), yc, 7));
            });
            for ((name, v), at) in s.per_participant.iter().zip(&dots) {
                let tooltip = format!("{name}: {}", two(*v));
                svg.group(&[("class", "participant")], Some(&tooltip), |svg| {
                    svg.draw(|area| dot(area, &theme, (at.0, yc + at.1)));
                });
            }
            let agreed = s.agreed_note().map(|n| format!(", {n}")).unwrap_or_default();
            let tooltip = format!("Consensus: {}{agreed} (participants {})", two(s.consensus), s.range_text());
            svg.group(&[("class", "consensus")], Some(&tooltip), |svg| {
                svg.draw(|area| consensus_mark(area, &theme, x(s.consensus), yc, 8));
            });
        });
    }
    let n = spreads.len();
    let people = spreads.iter().map(|s| s.per_participant.len()).max().unwrap_or(0);
    let (s, ps) = (if n == 1 { "" } else { "es" }, if people == 1 { "" } else { "s" });
    svg.finish(&format!(
        "Workshop spread of {n} process{s} and {people} participant{ps}: for each process the consensus \
         capability index (0–5) as a diamond, a dot per participant's own index, and a whisker from the \
         lowest to the highest."
    ))
}

/// The first of `notes` that fits in `room` px at 11 px.
pub(super) fn fitting<'a>(notes: &[&'a str], room: i32) -> Option<&'a str> {
    notes.iter().copied().find(|n| text_width(n, 11.0).ceil() as i32 <= room)
}

/// Two decimals, as every other page shows the index ([`index_text`]).
fn two(v: f64) -> String {
    super::index_text(clean(v))
}

/// A value fit to draw and print (0 for anything not finite).
fn clean(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

/// For dots at `xs`, the (x, vertical offset) that keeps each clear of the
/// consensus diamond at `mark` (on the middle lane) and of the dots placed
/// before it, lowest values first; when no lane is clear, the one with the
/// most room.
fn lanes(xs: impl Iterator<Item = i32>, mark: i32) -> Vec<(i32, i32)> {
    let xs: Vec<i32> = xs.collect();
    let mut order: Vec<usize> = (0..xs.len()).collect();
    crate::domain::sort_stable(&mut order, |&a, &b| xs[a].cmp(&xs[b]));
    let mut placed: Vec<(i32, i32)> = Vec::with_capacity(xs.len());
    let mut out = vec![(0, 0); xs.len()];
    // Squared distances between centres: dots may touch, the diamond's tips may reach a dot's edge.
    let (dot_gap, mark_gap) = ((2 * DOT_R - 1).pow(2), (2 * DOT_R).pow(2));
    for i in order {
        let x = xs[i];
        // The room left at `lane` (negative: overlapping).
        let room = |lane: i32| {
            let dots = placed
                .iter()
                .rev()
                .take_while(|p| x - p.0 < 2 * DOT_R)
                .map(|p| (x - p.0).pow(2) + (lane - p.1).pow(2) - dot_gap)
                .min()
                .unwrap_or(i32::MAX);
            dots.min((x - mark).pow(2) + lane.pow(2) - mark_gap)
        };
        let lane = LANES.iter().copied().find(|&l| room(l) >= 0).unwrap_or_else(|| {
            // The first lane with the most room.
            LANES.iter().copied().fold(LANES[0], |best, l| if room(l) > room(best) { l } else { best })
        });
        placed.push((x, lane));
        out[i] = (x, lane);
    }
    out
}

/// A participant's dot: translucent, with a ring of the background colour.
fn dot(area: &Area, theme: &Theme, at: (i32, i32)) -> Drawn {
    area.draw(&Circle::new(at, DOT_R, theme.current.mix(0.75).filled()))?;
    area.draw(&Circle::new(at, DOT_R, theme.bg.stroke_width(1)))
}

/// The consensus: a diamond of half-size `r` with a halo of the background colour.
fn consensus_mark(area: &Area, theme: &Theme, x: i32, y: i32, r: i32) -> Drawn {
    area.draw(&Polygon::new(diamond(x, y, r + 2), theme.bg.filled()))?;
    area.draw(&Polygon::new(diamond(x, y, r), theme.target.filled()))
}

/// A whisker from `from` to `to` at `y`, with end caps of half-height `h`.
fn whisker(area: &Area, theme: &Theme, from: i32, to: i32, y: i32, h: i32) -> Drawn {
    let style = theme.muted.stroke_width(2);
    area.draw(&PathElement::new(vec![(from, y), (to, y)], style))?;
    area.draw(&PathElement::new(vec![(from, y - h), (from, y + h)], style))?;
    area.draw(&PathElement::new(vec![(to, y - h), (to, y + h)], style))
}

/// A diamond of half-size `r` centred on (`x`, `y`).
fn diamond(x: i32, y: i32, r: i32) -> Vec<(i32, i32)> {
    vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
}
