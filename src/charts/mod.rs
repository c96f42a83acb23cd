//! Charts as pure functions from results to SVG strings (plotters' SVG
//! backend), testable natively. Every piece of user text that reaches an SVG
//! is escaped exactly once: plotters escapes the text it draws, and the few
//! parts written by hand here (the root `<svg>` with its `<title>`, and `<g>`
//! groups with `data-process` / `data-objective` and tooltip `<title>`s, which
//! plotters cannot emit) go through [`escape`].
//!
//! How a chart is built: shapes and text are drawn with plotters onto an
//! [`SVGBackend`], one fragment at a time ([`Svg::draw`]); the fragments are
//! stitched into one document whose root carries `role="img"`, an
//! `aria-label` and a `<title>`. Widths come from [`ChartOptions`]; heights
//! follow from the content (rows × row height).

pub mod cascade;
pub mod delta;
pub mod gaps;
pub mod heatmap;
pub mod objectives;
pub mod radar;
pub mod spread;
pub mod units;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::fmt::Write as _;

/// The one rating scale of the app (ColorBrewer RdYlBu, four classes:
/// colour-blind safe and ordered): N the strongest warning (red), P orange,
/// L light blue, F blue. The heatmap, the distribution bars, the answer
/// buttons, the report and the presenter use these hues (the CSS holds the
/// same values as `--rate-n` … `--rate-f`).
pub const RATING_SCALE: [&str; 4] = ["#A50026", "#FDAE61", "#ABD9E9", "#2C7BB6"];

/// The colour-blind-safe palette (Okabe–Ito) used by every chart.
pub const PALETTE: [&str; 8] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

/// How to draw a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartOptions {
    /// Width in pixels (at least [`MIN_WIDTH`] is used); the height follows from the content.
    pub width: u32,
    /// Light text on a dark background.
    pub dark: bool,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions { width: 800, dark: false }
    }
}

/// The narrowest width a chart is laid out for.
pub const MIN_WIDTH: u32 = 320;

/// The font stack of every chart text (the app's own stack).
const FONT: &str = "system-ui, Segoe UI, Roboto, Helvetica, Arial, sans-serif";

/// Colours of the light or dark theme (the app's surface and text colours,
/// Okabe–Ito for data).
pub(crate) struct Theme {
    pub bg: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub track: RGBColor,
    /// Current capability.
    pub current: RGBColor,
    /// Target level.
    pub target: RGBColor,
    /// A target that is met.
    pub met: RGBColor,
    /// Text saying a target is met (readable on `bg`).
    pub met_text: RGBColor,
}

impl Theme {
    pub fn of(opts: &ChartOptions) -> Theme {
        if opts.dark {
            Theme {
                bg: rgb("#18202A"),
                text: rgb("#E8EDF3"),
                muted: rgb("#A9B4C2"),
                grid: rgb("#3A4859"),
                track: rgb("#212B37"),
                current: rgb(PALETTE[4]),
                target: rgb(PALETTE[1]),
                met: rgb(PALETTE[2]),
                met_text: rgb("#7FD49B"),
            }
        } else {
            Theme {
                bg: rgb("#FFFFFF"),
                text: rgb("#1B2430"),
                muted: rgb("#4F5B69"),
                grid: rgb("#D5DCE5"),
                track: rgb("#EEF2F7"),
                current: rgb(PALETTE[0]),
                target: rgb(PALETTE[5]),
                met: rgb(PALETTE[2]),
                met_text: rgb("#1D6B3A"),
            }
        }
    }
}

/// `#RRGGBB` to a colour (black for anything else; only constants are passed).
pub(crate) fn rgb(hex: &str) -> RGBColor {
    let channel = |i: usize| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(0);
    RGBColor(channel(1), channel(3), channel(5))
}

/// `fg` at `alpha` over `bg`, as an opaque colour (so overlapping shapes and
/// striped rows do not change a data colour).
pub(crate) fn blend(fg: RGBColor, bg: RGBColor, alpha: f64) -> RGBColor {
    let mix = |f: u8, b: u8| (f as f64 * alpha + b as f64 * (1.0 - alpha)).round().clamp(0.0, 255.0) as u8;
    RGBColor(mix(fg.0, bg.0), mix(fg.1, bg.1), mix(fg.2, bg.2))
}

/// The width of a label column: the longest label at `size`, within `min`..=`max` px.
pub(crate) fn label_width<'a>(labels: impl Iterator<Item = &'a str>, size: f64, min: f64, max: f64) -> i32 {
    let longest = labels.map(|l| text_width(l.trim(), size)).fold(0.0, f64::max);
    longest.ceil().clamp(min, max.max(min)) as i32
}

/// Black or white, whichever reads better on `bg` (WCAG relative luminance).
pub(crate) fn text_on(bg: RGBColor) -> RGBColor {
    let lin = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(bg.0) + 0.7152 * lin(bg.1) + 0.0722 * lin(bg.2);
    // Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05).
    if (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) {
        RGBColor(0, 0, 0)
    } else {
        RGBColor(255, 255, 255)
    }
}

/// A text style of `size` CSS pixels anchored at (`h`, `v`).
pub(crate) fn font(size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    // plotters' SVG backend writes `font-size` as size / 1.24 (see [`Svg::draw`]).
    TextStyle { font: (FONT, size * 1.24).into_font(), color: color.to_backend_color(), pos: Pos::new(h, v) }
}

/// The same, bold.
pub(crate) fn bold(size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: (FONT, size * 1.24).into_font().style(FontStyle::Bold),
        color: color.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

/// A placed legend entry: symbol, text, x, y.
pub(crate) type LegendEntry<'a> = (u8, &'a str, i32, i32);

/// Lays legend entries out left to right from (`pad`, `pad + 10`), wrapping to a
/// new line (22 px lower) when an entry would pass the right edge. Each entry is
/// its symbol, its text and the width of its symbol. Returns (symbol, text, x, y)
/// per entry, the x where a further entry would start, and the y of the last line.
pub(crate) fn wrap_legend<'a>(items: &[(u8, &'a str, i32)], width: i32, pad: i32) -> (Vec<LegendEntry<'a>>, i32, i32) {
    let mut legend = Vec::new();
    let (mut lx, mut ly) = (pad, pad + 10);
    for &(symbol, text, symbol_w) in items {
        let w = symbol_w + text_width(text, 12.0) as i32 + 18;
        if lx + w - 18 > width - pad && lx > pad {
            (lx, ly) = (pad, ly + 22);
        }
        legend.push((symbol, text, lx, ly));
        lx += w;
    }
    (legend, lx, ly)
}

/// Estimated width in pixels of `text` at `size` px. No font file is read
/// (charts render the same everywhere); the advance widths are those of
/// DejaVu Sans, the widest common default sans-serif, so labels fit in
/// narrower fonts too.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' => 0.28,
            'I' | 'J' => 0.30,
            ' ' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' => 0.33,
            'f' | 't' => 0.37,
            'r' | '(' | ')' | '[' | ']' | '-' | '/' => 0.41,
            '"' => 0.46,
            '–' => 0.5,
            'c' | 's' | 'z' => 0.54,
            'k' | 'v' | 'x' | 'y' => 0.6,
            'w' => 0.82,
            'm' => 0.98,
            'a'..='z' => 0.63,
            '0'..='9' | '%' => 0.64,
            'M' => 0.87,
            'W' => 0.99,
            'A'..='Z' => 0.73,
            '&' => 0.78,
            '<' | '>' | '=' | '+' | '→' | '✓' => 0.84,
            '…' | '—' => 1.0,
            c if (c as u32) >= 0x2E80 => 1.0,
            _ => 0.7,
        })
        .sum();
    em * size
}

/// `text` cut to fit `max_px` at `size` px, with an ellipsis when cut.
fn truncate(text: &str, max_px: f64, size: f64) -> String {
    if text_width(text, size) <= max_px {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        let mut candidate = out.clone();
        candidate.push(c);
        candidate.push('…');
        if text_width(&candidate, size) > max_px {
            break;
        }
        out.push(c);
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}

/// Word-wraps `text` into at most `max_lines` lines of at most `max_px`;
/// returns the lines and whether they differ from `text` on one line (cut or
/// wrapped: then the full text goes in a tooltip, so it is in the document once).
pub(crate) fn fit(text: &str, max_px: f64, size: f64, max_lines: usize) -> (Vec<String>, bool) {
    let text = text.trim();
    if text_width(text, size) <= max_px || max_lines <= 1 {
        let line = truncate(text, max_px, size);
        let cut = line != text;
        return (vec![line], cut);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let last_line = lines.len() + 1 >= max_lines;
        let mut line = word.to_string();
        if last_line {
            // The last line takes everything left, cut if needed.
            for w in words.by_ref() {
                line.push(' ');
                line.push_str(w);
            }
            lines.push(truncate(&line, max_px, size));
            break;
        }
        while let Some(w) = words.peek() {
            let candidate = format!("{line} {w}");
            if text_width(&candidate, size) > max_px {
                break;
            }
            line = candidate;
            words.next();
        }
        lines.push(truncate(&line, max_px, size));
    }
    let cut = lines.len() > 1 || lines.first().is_none_or(|l| l != text);
    (lines, cut)
}

/// The plotters drawing area of one fragment.
pub(crate) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
/// What drawing a fragment returns.
pub(crate) type Drawn = Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// An SVG document assembled from plotters fragments and hand-written groups.
pub(crate) struct Svg {
    width: u32,
    height: u32,
    bg: RGBColor,
    body: String,
}

impl Svg {
    pub fn new(width: u32, height: u32, theme: &Theme) -> Svg {
        Svg { width, height, bg: theme.bg, body: String::with_capacity(16 * 1024) }
    }

    /// Draws with plotters; the backend's own `<svg>` wrapper is dropped and
    /// its content appended to the document.
    pub fn draw(&mut self, f: impl FnOnce(&Area) -> Drawn) {
        let mut buf = String::with_capacity(1024);
        let drawn = {
            let area = SVGBackend::with_string(&mut buf, (self.width, self.height)).into_drawing_area();
            f(&area).is_ok() && area.present().is_ok()
        };
        // Writing to a String cannot fail; should plotters ever report an
        // error, the fragment is left out rather than breaking the document.
        if !drawn {
            return;
        }
        let start = buf.find('>').map_or(buf.len(), |i| i + 1);
        let end = buf.rfind("</svg>").unwrap_or(buf.len()).max(start);
        // Font sizes come back from plotters' division by 1.24 as 13.000000000000002: round them.
        let mut rest = buf[start..end].trim_start_matches('\n');
        while let Some(i) = rest.find("font-size=\"") {
            let (head, tail) = rest.split_at(i + "font-size=\"".len());
            self.body.push_str(head);
            let len = tail.find('"').unwrap_or(tail.len());
            match tail[..len].parse::<f64>() {
                Ok(size) => {
                    let _ = write!(self.body, "{}", (size * 100.0).round() / 100.0);
                }
                Err(_) => self.body.push_str(&tail[..len]),
            }
            rest = &tail[len..];
        }
        self.body.push_str(rest);
    }

    /// A `<g>` with escaped attributes and an optional tooltip `<title>`, around what `f` draws.
    pub fn group(&mut self, attrs: &[(&str, &str)], tooltip: Option<&str>, f: impl FnOnce(&mut Svg)) {
        self.body.push_str("<g");
        for (key, value) in attrs {
            let _ = write!(self.body, " {key}=\"{}\"", escape(value));
        }
        self.body.push('>');
        if let Some(t) = tooltip {
            let _ = write!(self.body, "<title>{}</title>", escape(t));
        }
        self.body.push('\n');
        f(self);
        self.body.push_str("</g>\n");
    }

    /// The finished document: root `<svg role="img">` with `aria-label` and `<title>`, background, body.
    pub fn finish(self, label: &str) -> String {
        let label = escape(label);
        let (w, h) = (self.width, self.height);
        let RGBColor(r, g, b) = self.bg;
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
             role=\"img\" aria-label=\"{label}\">\n<title>{label}</title>\n\
             <rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#{r:02X}{g:02X}{b:02X}\"/>\n{}</svg>\n",
            self.body
        )
    }
}

/// A chart that only says `message`, centred (nothing to draw yet).
pub(crate) fn message_chart(opts: &ChartOptions, label: &str, message: &str) -> String {
    let theme = Theme::of(opts);
    let width = opts.width.max(MIN_WIDTH);
    let height = 120;
    let mut svg = Svg::new(width, height, &theme);
    svg.draw(|area| {
        let (w, h) = (width as i32, height as i32);
        area.draw(&Rectangle::new([(8, 8), (w - 8, h - 8)], theme.grid.stroke_width(1)))?;
        area.draw(&Text::new(message, (w / 2, h / 2), font(15.0, theme.muted, HPos::Center, VPos::Center)))
    });
    svg.finish(label)
}

/// A capability index as the tables show it ([`crate::domain::units::index_text`]).
pub use crate::domain::units::index_text;

/// Escapes text for use inside SVG/XML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, fit, rgb, text_on, ChartOptions, Svg, Theme, PALETTE};
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, VPos};

    #[test]
    fn fit_keeps_short_text_wraps_long_text_and_cuts_the_rest() {
        assert_eq!(fit("Change", 200.0, 13.0, 2), (vec!["Change".to_string()], false));
        let (lines, cut) = fit("Capacity and performance management", 200.0, 13.0, 2);
        assert_eq!((lines.len(), cut), (2, true));
        assert_eq!(lines.join(" "), "Capacity and performance management");
        let (lines, cut) = fit("Capacity and performance management", 100.0, 13.0, 1);
        assert!(cut && lines.len() == 1 && lines[0].ends_with('…') && lines[0].starts_with("Capacity"), "{lines:?}");
    }

    #[test]
    fn letters_are_black_or_white_whichever_reads_better() {
        assert_eq!(text_on(rgb(PALETTE[0])), RGBColor(255, 255, 255), "white on blue");
        assert_eq!(text_on(rgb(PALETTE[1])), RGBColor(0, 0, 0), "black on orange");
        assert_eq!(text_on(rgb(PALETTE[4])), RGBColor(0, 0, 0), "black on sky blue");
    }

    #[test]
    fn fragments_lose_their_wrapper_and_font_sizes_are_rounded() {
        let theme = Theme::of(&ChartOptions::default());
        let mut svg = Svg::new(100, 50, &theme);
        svg.draw(|area| area.draw(&Text::new("a<b", (5, 5), super::font(13.0, theme.text, HPos::Left, VPos::Top))));
        let out = svg.finish("Label & more");
        assert_eq!(out.matches("<svg").count(), 1);
        assert_eq!(out.matches("</svg>").count(), 1);
        assert!(out.contains("font-size=\"13\""), "{out}");
        assert!(out.contains("a&lt;b") && out.contains("aria-label=\"Label &amp; more\""), "{out}");
    }

    #[test]
    fn escapes_markup_quotes_and_ampersands() {
        assert_eq!(
            escape("<img src=x onerror=alert(1)> \"Pizza&Pizza\" 'x'"),
            "&lt;img src=x onerror=alert(1)&gt; &quot;Pizza&amp;Pizza&quot; &#39;x&#39;"
        );
    }

    #[test]
    fn drops_control_characters_that_break_xml() {
        assert_eq!(escape("a\u{1}b\u{0}c"), "abc");
    }
}
