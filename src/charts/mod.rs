//! Charts as pure functions from results to SVG strings (plotters' SVG
//! backend), testable natively. Every piece of user text that reaches an SVG
//! goes through [`escape`].

/// The colour-blind-safe palette (Okabe–Ito) used by every chart.
pub const PALETTE: [&str; 8] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

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
    use super::escape;

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
