//! Objective support bars: one horizontal bar per rated objective, 0–100 %.
//!
//! Order: [`Results::objectives_by_weight`] (importance × missing support,
//! highest first), the order of the business view and its text table. An objective none of whose processes is
//! in scope has no support figure: its row stays, labelled "no process in
//! scope", with an empty track. Every row is one `<g data-objective="id">`.

use super::{fit, font, label_width, message_chart, ChartOptions, Svg, Theme, MIN_WIDTH};
use crate::domain::results::Results;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const PAD: i32 = 12;
const AXIS_H: i32 = 30;
const ROW_H: i32 = 38;
const LINE_H: i32 = 15;
const BAR_H: i32 = 16;
/// Below this width, each row puts its label above its bar.
const STACK_BELOW: i32 = 520;

/// The support bars of every rated objective.
pub fn objective_bars(results: &Results, opts: &ChartOptions) -> String {
    let objectives = results.objectives_by_weight();
    if objectives.is_empty() {
        return message_chart(opts, "Objective support: no objective rated yet.", "No objective rated yet");
    }
    let theme = Theme::of(opts);
    let width = opts.width.max(MIN_WIDTH) as i32;
    // Narrow: each label sits above its bar; wide: labels in a column, long ones on two lines.
    let stacked = width < STACK_BELOW;
    let (label_w, row_h) = if stacked {
        (width - 2 * PAD - 8, 46)
    } else {
        (label_width(objectives.iter().map(|o| o.name.as_str()), 13.0, 60.0, width as f64 * 0.36), ROW_H)
    };
    let value_w = 52;
    let x0 = if stacked { PAD + 8 } else { PAD + label_w + 14 };
    let x1 = width - PAD - value_w;
    let top = PAD + AXIS_H;
    let rows_h = objectives.len() as i32 * row_h;
    let height = top + rows_h + PAD;
    let x = |pct: f64| x0 + ((x1 - x0) as f64 * pct.clamp(0.0, 100.0) / 100.0).round() as i32;
    let ticks: &[u32] = if x1 - x0 >= 260 { &[0, 25, 50, 75, 100] } else { &[0, 50, 100] };

    let mut svg = Svg::new(width as u32, height as u32, &theme);
    svg.draw(|area| {
        for &pct in ticks {
            let gx = x(pct as f64);
            if stacked {
                // Grid lines only beside the bars, not through the labels above them.
                for i in 0..objectives.len() as i32 {
                    let yc = top + i * row_h + 31;
                    area.draw(&PathElement::new(vec![(gx, yc - 11), (gx, yc + 11)], theme.grid))?;
                }
            } else {
                area.draw(&PathElement::new(vec![(gx, top), (gx, top + rows_h)], theme.grid))?;
            }
            let style = font(11.0, theme.muted, HPos::Center, VPos::Bottom);
            area.draw(&Text::new(format!("{pct} %"), (gx, top - 5), style))?;
        }
        Ok(())
    });

    for (i, o) in objectives.iter().enumerate() {
        let row_top = top + i as i32 * row_h;
        let (lines, cut) = fit(&o.name, label_w as f64, 13.0, if stacked { 1 } else { 2 });
        let yc = if stacked { row_top + 31 } else { row_top + row_h / 2 };
        svg.group(&[("data-objective", &o.id)], cut.then_some(o.name.as_str()), |svg| {
            svg.draw(|area| {
                let count = lines.len() as i32;
                for (k, line) in lines.iter().enumerate() {
                    let (at, h) = if stacked {
                        ((PAD + 8, row_top + 12), HPos::Left)
                    } else {
                        ((PAD + label_w, yc + (2 * k as i32 - (count - 1)) * LINE_H / 2), HPos::Right)
                    };
                    area.draw(&Text::new(line.as_str(), at, font(13.0, theme.text, h, VPos::Center)))?;
                }
                let (by0, by1) = (yc - BAR_H / 2, yc + BAR_H / 2);
                area.draw(&Rectangle::new([(x0, by0), (x1, by1)], theme.track.filled()))?;
                match o.support {
                    Some(pct) => {
                        let end = x(pct);
                        if end > x0 {
                            area.draw(&Rectangle::new([(x0, by0), (end, by1)], theme.current.filled()))?;
                        }
                        let style = font(12.0, theme.text, HPos::Left, VPos::Center);
                        area.draw(&Text::new(format!("{pct:.0} %"), (x1 + 8, yc), style))
                    }
                    None => {
                        area.draw(&Rectangle::new([(x0, by0), (x1, by1)], theme.grid.stroke_width(1)))?;
                        let style = font(12.0, theme.muted, HPos::Left, VPos::Center);
                        area.draw(&Text::new("no process in scope", (x0 + 8, yc), style))?;
                        area.draw(&Text::new("–", (x1 + 8, yc), font(12.0, theme.muted, HPos::Left, VPos::Center)))
                    }
                }
            });
        });
    }
    let s = if objectives.len() == 1 { "" } else { "s" };
    svg.finish(&format!(
        "Objective support: how well the in-scope processes support {} rated objective{s}, in percent.",
        objectives.len()
    ))
}
