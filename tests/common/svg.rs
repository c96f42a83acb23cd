//! Reading numbers and text boxes out of chart SVGs in tests.
#![allow(dead_code)]

use roxmltree::{Document, Node};

/// A numeric attribute of an SVG element (panics in tests when missing).
pub fn number(node: Node, attr: &str) -> f64 {
    node.attribute(attr).unwrap().parse().unwrap()
}

/// Estimated box (x0, y0, x1, y1) of a `<text>`: the same rough sans-serif
/// metrics for every glyph, centred on `y` (plotters writes `dy="0.5ex"`).
pub fn text_box(n: Node) -> (f64, f64, f64, f64) {
    let (x, y, size) = (number(n, "x"), number(n, "y"), number(n, "font-size"));
    let w = n.text().unwrap_or_default().trim().chars().count() as f64 * size * 0.55;
    let x0 = match n.attribute("text-anchor") {
        Some("end") => x - w,
        Some("middle") => x - w / 2.0,
        _ => x,
    };
    (x0, y - size * 0.45, x0 + w, y + size * 0.45)
}

/// Parses the SVG (panics when it is not well-formed XML) and checks the
/// accessible root: `<svg role="img" aria-label=…>` whose first child is a
/// `<title>` with the same text.
pub fn parse(svg: &str) -> Document<'_> {
    let doc = Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    let label = root.attribute("aria-label").unwrap_or_default();
    assert!(label.len() > 20, "aria-label too short: {label:?}");
    let title = root.first_element_child().unwrap();
    assert_eq!(title.tag_name().name(), "title");
    assert_eq!(title.text(), Some(label));
    doc
}
