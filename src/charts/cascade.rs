//! The cascade picture: the organization's own objectives → strategy
//! decisions → IT services → processes, as four columns of boxes joined by
//! curves whose width follows the link's weight; each process box is coloured
//! by its gap (target met, one level short, two or more short). A chart
//! function like the others: `Cascade` in, SVG string out, names escaped.
//!
//! Every box is one `<g data-node="column:id">`; every link one
//! `<g data-link="from-id>to-id">`. When more processes are raised than fit,
//! the last line says "and N more processes".

use super::{blend, bold, fit, font, message_chart, rgb, ChartOptions, Svg, Theme, MIN_WIDTH, PALETTE};
use crate::domain::cascade::Cascade;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const PAD: i32 = 12;
const HEAD_H: i32 = 26;
const BOX_GAP: i32 = 8;
const HEADINGS: [&str; 4] = ["Objectives", "Decisions", "IT services", "Processes"];

/// The fill of a process box for its gap.
fn gap_fill(gap: Option<i8>, theme: &Theme, dark: bool) -> RGBColor {
    let base = match gap {
        None => return theme.track,
        Some(g) if g <= 0 => rgb(PALETTE[2]),
        Some(1) => rgb(PALETTE[1]),
        Some(_) => rgb(PALETTE[5]),
    };
    blend(base, theme.bg, if dark { 0.55 } else { 0.35 })
}

/// Points of a horizontal S-curve from `a` to `b`, for a polyline.
fn curve(a: (i32, i32), b: (i32, i32)) -> Vec<(i32, i32)> {
    let (x0, y0, x1, y1) = (a.0 as f64, a.1 as f64, b.0 as f64, b.1 as f64);
    let mx = (x0 + x1) / 2.0;
    (0..=16)
        .map(|i| {
            let t = i as f64 / 16.0;
            let u = 1.0 - t;
            // Cubic Bézier with control points (mx, y0) and (mx, y1).
            let x = u * u * u * x0 + 3.0 * u * u * t * mx + 3.0 * u * t * t * mx + t * t * t * x1;
            let y = u * u * u * y0 + 3.0 * u * u * t * y0 + 3.0 * u * t * t * y1 + t * t * t * y1;
            (x.round() as i32, y.round() as i32)
        })
        .collect()
}

/// The cascade picture.
pub fn cascade_chart(c: &Cascade, opts: &ChartOptions) -> String {
    if c.is_empty() {
        return message_chart(
            opts,
            "Goals cascade: no strategy decision is linked to a service yet.",
            "Link strategy decisions to services to see the cascade",
        );
    }
    let theme = Theme::of(opts);
    let width = opts.width.max(MIN_WIDTH) as i32;
    let narrow = width < 640;
    let size: f64 = if narrow { 10.5 } else { 12.5 };
    let line_h = (size * 1.25).round() as i32;
    let gutter = if narrow { 18 } else { 44 };
    let col_w = (width - 2 * PAD - 3 * gutter) / 4;
    let lines = if narrow { 3 } else { 2 };
    let box_h = line_h * lines + 10;
    let rows = c.columns.iter().map(|col| col.len()).max().unwrap_or(1) as i32;
    let more_h = if c.more_processes > 0 { 20 } else { 0 };
    let legend_h = 26;
    let body_h = rows * (box_h + BOX_GAP);
    let height = PAD + HEAD_H + body_h + more_h + legend_h + PAD;
    let col_x = |k: usize| PAD + k as i32 * (col_w + gutter);
    // Each box's label, on up to `lines` lines; a column with room to spare
    // (fewer boxes than the tallest) gives its long labels as many lines as
    // fit, up to three times as many, so a decision reads whole rather than
    // cut ("by phon…").
    let texts: Vec<Vec<(Vec<String>, bool)>> = c
        .columns
        .iter()
        .map(|col| {
            let each = body_h / (col.len().max(1) as i32) - BOX_GAP - 10;
            let max_lines = (each / line_h).clamp(lines, 3 * lines);
            col.iter().map(|n| fit(&n.label, (col_w - 12) as f64, size, max_lines as usize)).collect()
        })
        .collect();
    let height_of = |k: usize, i: usize| (texts[k][i].0.len() as i32 * line_h + 10).max(box_h);
    // Each column's boxes are centred vertically against the tallest column.
    let tops: Vec<Vec<i32>> = (0..c.columns.len())
        .map(|k| {
            let n = c.columns[k].len();
            let total: i32 = (0..n).map(|i| height_of(k, i) + BOX_GAP).sum();
            let mut y = PAD + HEAD_H + (body_h - total).max(0) / 2;
            (0..n)
                .map(|i| {
                    let top = y;
                    y += height_of(k, i) + BOX_GAP;
                    top
                })
                .collect()
        })
        .collect();
    let box_y = |k: usize, i: usize| tops[k][i];
    let mid_y = |k: usize, i: usize| tops[k][i] + height_of(k, i) / 2;
    let max_w = c.links.iter().map(|l| l.weight).fold(0.0, f64::max).max(1e-9);
    let mut svg = Svg::new(width as u32, height as u32, &theme);
    svg.draw(|area| {
        for (k, h) in HEADINGS.iter().enumerate() {
            let style = bold(if narrow { 11.0 } else { 12.5 }, theme.muted, HPos::Left, VPos::Center);
            area.draw(&Text::new(*h, (col_x(k), PAD + 9), style))?;
        }
        Ok(())
    });
    for l in &c.links {
        let (a, b) = (&c.columns[l.column][l.from], &c.columns[l.column + 1][l.to]);
        let from = (col_x(l.column) + col_w, mid_y(l.column, l.from));
        let to = (col_x(l.column + 1), mid_y(l.column + 1, l.to));
        let stroke = 1 + (5.0 * l.weight / max_w).round() as u32;
        let colour = blend(theme.current, theme.bg, 0.45);
        let key = format!("{}>{}", a.id, b.id);
        let tip = format!("{} → {}", a.label, b.label);
        svg.group(&[("data-link", &key)], Some(&tip), |svg| {
            svg.draw(|area| area.draw(&PathElement::new(curve(from, to), colour.stroke_width(stroke))).map(|_| ()));
        });
    }
    for (k, col) in c.columns.iter().enumerate() {
        for (i, n) in col.iter().enumerate() {
            let (x, y, h) = (col_x(k), box_y(k, i), height_of(k, i));
            let fill = if k == 3 { gap_fill(n.gap, &theme, opts.dark) } else { theme.track };
            let (text, cut) = texts[k][i].clone();
            let key = format!("{k}:{}", n.id);
            let tip = match n.gap {
                Some(g) if g > 0 => format!("{}: {g} level{} below target", n.label, if g == 1 { "" } else { "s" }),
                Some(_) => format!("{}: target met", n.label),
                None if cut => n.label.clone(),
                None => String::new(),
            };
            svg.group(&[("data-node", &key)], (!tip.is_empty()).then_some(tip.as_str()), |svg| {
                svg.draw(|area| {
                    area.draw(&Rectangle::new([(x, y), (x + col_w, y + h)], fill.filled()))?;
                    area.draw(&Rectangle::new([(x, y), (x + col_w, y + h)], theme.grid.stroke_width(1)))?;
                    let top = y + (h - text.len() as i32 * line_h) / 2 + line_h / 2;
                    for (j, t) in text.iter().enumerate() {
                        let style = font(size, theme.text, HPos::Left, VPos::Center);
                        area.draw(&Text::new(t.as_str(), (x + 6, top + j as i32 * line_h), style))?;
                    }
                    Ok(())
                });
            });
        }
    }
    if c.more_processes > 0 {
        let more = format!("and {} more process{}", c.more_processes, if c.more_processes == 1 { "" } else { "es" });
        // Right-aligned under the process column, so it never runs off a narrow chart.
        svg.draw(|area| {
            let style = font(11.5, theme.muted, HPos::Right, VPos::Center);
            area.draw(&Text::new(more.as_str(), (col_x(3) + col_w, PAD + HEAD_H + body_h + 8), style)).map(|_| ())
        });
    }
    // Legend of the process colours.
    let items: [(Option<i8>, &str); 3] = if narrow {
        [(Some(0), "target met"), (Some(1), "1 level short"), (Some(2), "2+ short")]
    } else {
        [(Some(0), "target met"), (Some(1), "one level below target"), (Some(2), "two or more levels below")]
    };
    svg.draw(|area| {
        let y = height - PAD - 9;
        let mut x = PAD;
        for (gap, label) in items {
            area.draw(&Rectangle::new([(x, y - 7), (x + 14, y + 7)], gap_fill(gap, &theme, opts.dark).filled()))?;
            area.draw(&Rectangle::new([(x, y - 7), (x + 14, y + 7)], theme.grid.stroke_width(1)))?;
            area.draw(&Text::new(label, (x + 19, y), font(11.0, theme.text, HPos::Left, VPos::Center)))?;
            x += 19 + super::text_width(label, 11.0) as i32 + 16;
        }
        Ok(())
    });
    let counts: Vec<String> =
        HEADINGS.iter().zip(&c.columns).map(|(h, col)| format!("{} {}", col.len(), h.to_lowercase())).collect();
    svg.finish(&format!(
        "Goals cascade: {}, joined where each depends on the next; processes coloured by their gap to target.",
        counts.join(", ")
    ))
}
