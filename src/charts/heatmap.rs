//! Attribute heatmap: in-scope processes (rows, the one priority order) × the
//! process attributes (columns, grouped by capability level, headed in words:
//! "Planned", "Controlled", …; the codes PA1.1–PA5.2 where a column is too narrow,
//! and always in the tooltips and the text table). Only the levels up to the
//! highest target (or level reached) are drawn: what nobody aims for is not a
//! wall of red; a line under the legend says which levels are left out. A cell
//! above its own process's target is drawn faded.
//! Each cell is coloured by its N/P/L/F rating and carries the letter, or "–"
//! on a neutral cell when unrated ("n/a" when the attribute is not
//! applicable: every question answered N/A), so colour is never the only cue.
//!
//! Colours: the app's one rating scale ([`super::RATING_SCALE`], ColorBrewer
//! RdYlBu, colour-blind safe): N the strongest warning (red), P orange,
//! L light blue, F blue, so a weak profile reads as weak on a projector; the
//! letter is black or white, whichever contrasts more with its cell. Every row is one
//! `<g data-process="id">`; every cell has a tooltip with its achievement.

use super::{
    blend, bold, fit, font, label_width, message_chart, rgb, text_on, text_width, ChartOptions, Svg, Theme, MIN_WIDTH,
    RATING_SCALE,
};
use crate::domain::results::Results;
use crate::domain::scoring::{AttributeScore, Rating};
use crate::domain::Attribute;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const PAD: i32 = 12;
const HEADER_H: i32 = 44;
const ROW_H: i32 = 28;
const LEGEND_H: i32 = 34;
/// Extra space between the column groups of two capability levels.
const LEVEL_GAP: i32 = 6;

/// The fill of a cell with this rating (`None` = unrated) on background `bg`.
fn rating_colour(rating: Option<Rating>, dark: bool) -> RGBColor {
    match rating {
        Some(Rating::N) => rgb(RATING_SCALE[0]),
        Some(Rating::P) => rgb(RATING_SCALE[1]),
        Some(Rating::L) => rgb(RATING_SCALE[2]),
        Some(Rating::F) => rgb(RATING_SCALE[3]),
        None if dark => rgb("#334152"),
        None => rgb("#E4E9F0"),
    }
}

/// The heatmap of attribute ratings of the in-scope processes.
pub fn heatmap(results: &Results, opts: &ChartOptions) -> String {
    let procs: Vec<_> = results.in_scope_by_priority();
    if procs.is_empty() {
        return message_chart(opts, "Attribute ratings: no process in scope yet.", "No process in scope yet");
    }
    let theme = Theme::of(opts);
    let width = opts.width.max(MIN_WIDTH) as i32;
    // Process names are set smaller on a phone-width chart, so more of each name fits.
    let name_size = if width < 480 { 11.5 } else { 13.0 };
    let label_w = label_width(procs.iter().map(|p| p.name.as_str()), name_size, 60.0, width as f64 * 0.36);
    let x0 = PAD + label_w + 12;
    // The levels anyone aims for (or has reached): the columns drawn.
    let reach = procs.iter().map(|p| p.target.max(p.level).max(1)).max().unwrap_or(5).min(5);
    let attrs: Vec<Attribute> = Attribute::ALL.into_iter().filter(|a| a.level() <= reach).collect();
    let ncols = attrs.len() as i32;
    let cell_w = ((width - PAD - x0 - (reach as i32 - 1) * LEVEL_GAP) / ncols).clamp(14, 120);
    let level_of = |col: usize| attrs.get(col).map_or(1, |a| a.level() as i32);
    let col_x = |col: usize| x0 + col as i32 * cell_w + (level_of(col) - 1) * LEVEL_GAP;
    let top = PAD + HEADER_H;
    // A name that does not fit one line gets two, or on a phone three (every row grows), not an ellipsis.
    let lines_needed = |n: usize| procs.iter().all(|p| !fit(&p.name, label_w as f64, name_size, n).1);
    let lines_max = if lines_needed(1) {
        1
    } else if lines_needed(2) || width >= 480 {
        2
    } else {
        3
    };
    let row_h = ROW_H + (lines_max as i32 - 1) * 13;
    let rows_h = procs.len() as i32 * row_h;
    let legend_top = top + rows_h + 14;
    let wide = cell_w >= 48;
    let small = if wide { 12.0 } else { 10.0 };

    // Legend items, wrapped onto more lines when the chart is narrow.
    let not_asked = procs.iter().any(|p| attrs.iter().any(|&a| p.attribute(a).is_some_and(|s| s.asked == 0)));
    let unrated = if not_asked { "Unrated · blank: not asked" } else { "Unrated" };
    let items: [(Option<Rating>, &str, &str); 5] = [
        (Some(Rating::N), "N", "Not achieved (≤ 15 %)"),
        (Some(Rating::P), "P", "Partially (≤ 50 %)"),
        (Some(Rating::L), "L", "Largely (≤ 85 %)"),
        (Some(Rating::F), "F", "Fully (> 85 %)"),
        (None, "–", unrated),
    ];
    let mut placed = Vec::new();
    let (mut lx, mut ly) = (PAD, legend_top);
    for (rating, letter, word) in items {
        let w = 24 + text_width(word, 12.0) as i32 + 18;
        if lx + w > width - PAD && lx > PAD {
            lx = PAD;
            ly += 26;
        }
        placed.push((rating, letter, word, lx, ly));
        lx += w;
    }
    let left_out = (reach < 5).then(|| {
        let levels = if reach == 4 { "Level 5 is".to_string() } else { format!("Levels {}–5 are", reach + 1) };
        format!("{levels} above every target and not drawn; the table lists all nine attributes.")
    });
    let note_y = ly + LEGEND_H - 4;
    let height = if left_out.is_some() { note_y + 20 } else { ly + LEGEND_H - 6 };

    let mut svg = Svg::new(width as u32, height as u32, &theme);
    svg.draw(|area| {
        // Two header rows: capability levels, then attribute ids.
        for level in 1..=reach as i32 {
            let cols: Vec<usize> = (0..attrs.len()).filter(|&c| level_of(c) == level).collect();
            let (first, last) = (cols.first().copied().unwrap_or(0), cols.last().copied().unwrap_or(0));
            let (a, b) = (col_x(first), col_x(last) + cell_w);
            let fits = (b - a) as f64 >= text_width("Level 5", 11.0) * 1.1 + 4.0;
            let text = if fits { format!("Level {level}") } else { format!("L{level}") };
            let style = bold(11.0, theme.text, HPos::Center, VPos::Center);
            area.draw(&Text::new(text, ((a + b) / 2, PAD + 10), style))?;
            area.draw(&PathElement::new(vec![(a + 2, PAD + 20), (b - 2, PAD + 20)], theme.grid.stroke_width(2)))?;
        }
        // In words where every word fits its column, otherwise the codes.
        let worded = attrs.iter().all(|a| text_width(a.heading(), small) + 6.0 <= cell_w as f64);
        for (c, a) in attrs.iter().enumerate() {
            let attr = a.id();
            // Narrow cells keep only what the level header above does not say: "PA2.1" → "2.1" → "1".
            let short = attr.trim_start_matches("PA");
            let text = if worded {
                a.heading().to_string()
            } else if wide {
                attr.to_string()
            } else if cell_w >= 24 {
                short.to_string()
            } else {
                short.rsplit('.').next().unwrap_or(short).to_string()
            };
            let style = font(small, theme.muted, HPos::Center, VPos::Center);
            area.draw(&Text::new(text, (col_x(c) + cell_w / 2, PAD + 33), style))?;
        }
        // Legend.
        for &(rating, letter, word, lx, ly) in &placed {
            let fill = rating_colour(rating, opts.dark);
            area.draw(&Rectangle::new([(lx, ly), (lx + 18, ly + 18)], fill.filled()))?;
            let ink = if rating.is_some() { text_on(fill) } else { theme.muted };
            area.draw(&Text::new(letter, (lx + 9, ly + 9), bold(11.0, ink, HPos::Center, VPos::Center)))?;
            area.draw(&Text::new(word, (lx + 24, ly + 9), font(12.0, theme.text, HPos::Left, VPos::Center)))?;
        }
        if let Some(note) = &left_out {
            let (lines, _) = fit(note, (width - 2 * PAD) as f64, 12.0, 2);
            for (k, line) in lines.iter().enumerate() {
                let at = (PAD, note_y + k as i32 * 15);
                area.draw(&Text::new(line.as_str(), at, font(12.0, theme.muted, HPos::Left, VPos::Top)))?;
            }
        }
        Ok(())
    });

    for (i, p) in procs.iter().enumerate() {
        let y = top + i as i32 * row_h;
        let (lines, cut) = fit(&p.name, label_w as f64, name_size, lines_max);
        let line_h = (name_size * 1.2) as i32;
        let first_y = y + row_h / 2 - (lines.len() as i32 - 1) * line_h / 2;
        svg.group(&[("data-process", &p.id)], cut.then_some(p.name.as_str()), |svg| {
            svg.draw(|area| {
                for (k, line) in lines.iter().enumerate() {
                    let style = font(name_size, theme.text, HPos::Right, VPos::Center);
                    area.draw(&Text::new(line.as_str(), (PAD + label_w, first_y + k as i32 * line_h), style))?;
                }
                Ok(())
            });
            // Above this process's own target: faded, so the eye stays on what it aims for.
            let own = p.target.max(p.level).max(1);
            for (c, &attr) in attrs.iter().enumerate() {
                let score = p.attribute(attr);
                let rating = score.and_then(|a| a.rating);
                let beyond = attr.level() > own;
                let fill = rating_colour(rating, opts.dark);
                let fill = if beyond { blend(fill, theme.bg, 0.35) } else { fill };
                let (letter, ink) = match rating {
                    Some(r) if beyond => (r.code(), theme.muted),
                    Some(r) => (r.code(), text_on(fill)),
                    None if score.is_some_and(|a| !a.applicable) => ("n/a", theme.muted),
                    None if score.is_some_and(|a| a.asked == 0) => ("", theme.muted),
                    None => ("–", theme.muted),
                };
                let cx = col_x(c);
                svg.group(&[("data-attribute", attr.id())], Some(&tooltip(attr.id(), score)), |svg| {
                    svg.draw(|area| {
                        area.draw(&Rectangle::new([(cx + 1, y + 1), (cx + cell_w - 1, y + row_h - 1)], fill.filled()))?;
                        let style = bold(13.0, ink, HPos::Center, VPos::Center);
                        area.draw(&Text::new(letter, (cx + cell_w / 2, y + row_h / 2), style))
                    });
                });
            }
        });
    }
    let s = if procs.len() == 1 { "" } else { "es" };
    let last = attrs.last().map_or("PA5.2", |a| a.id());
    svg.finish(&format!(
        "Attribute ratings (N, P, L, F or unrated) of the process attributes PA1.1 to {last} (up to the highest \
         target, level {reach}) for {} in-scope process{s}.",
        procs.len()
    ))
}

/// "PA2.1: 67 % — L, largely achieved" (", provisional" when so),
/// "PA2.1: not applicable" or "PA2.1: unrated (no answered question)".
fn tooltip(attr: &str, score: Option<&AttributeScore>) -> String {
    if score.is_some_and(|s| !s.applicable) {
        return format!("{attr}: not applicable (every question answered N/A)");
    }
    if score.is_some_and(|s| s.asked == 0) {
        return format!("{attr}: not asked (the assessment goes up to one level above the target)");
    }
    let provisional = if score.is_some_and(|s| s.provisional) { ", provisional" } else { "" };
    match score.and_then(|s| s.achievement.zip(s.rating)) {
        Some((pct, r)) => format!("{attr}: {pct:.0} % — {}, {}{provisional}", r.code(), r.word().to_lowercase()),
        None => format!("{attr}: unrated (no answered question)"),
    }
}
