//! How a group answered one question: a bar with one segment per answer
//! given (N P L F, then N/A and "?", then those who have not answered), each
//! as wide as its count and labelled with it, and the same in words. The
//! names behind each answer are there on demand, not one chip per person.

use crate::domain::assessment::Answer;
use crate::domain::consensus::Tally;
use leptos::prelude::*;

/// The CSS class of an answer code's segment.
fn segment_class(code: &str) -> &'static str {
    match code {
        "N" => "dist-seg dist-n",
        "P" => "dist-seg dist-p",
        "L" => "dist-seg dist-l",
        "F" => "dist-seg dist-f",
        "N/A" => "dist-seg dist-na",
        "?" => "dist-seg dist-dk",
        _ => "dist-seg dist-open",
    }
}

/// The answer distribution of one question among `people` participants.
#[component]
pub fn Distribution(
    /// The answers counted.
    tally: Tally,
    /// How many participants there are (those not counted have not answered).
    people: usize,
    /// Each participant's name and answer, shown on demand; empty: no names.
    #[prop(optional)]
    names: Vec<(String, Option<Answer>)>,
) -> impl IntoView {
    let summary = tally.summary(people);
    let open = people.saturating_sub(tally.answered() as usize);
    let mut segments: Vec<(&'static str, String, usize)> =
        tally.counts().into_iter().map(|(c, n)| (segment_class(c), format!("{c} {n}"), n as usize)).collect();
    if open > 0 {
        segments.push((segment_class(""), format!("– {open}"), open));
    }
    let names = (!names.is_empty()).then(|| {
        let chips = names
            .into_iter()
            .map(|(n, a)| {
                let code = a.map(|a| a.code()).unwrap_or("–");
                view! { <span class=format!("chip chip-{}", code.to_lowercase())>{n}": "<strong>{code}</strong></span> }
            })
            .collect_view();
        view! {
            <details class="dist-names">
                <summary>"Who answered what"</summary>
                <p class="answers-row">{chips}</p>
            </details>
        }
    });
    view! {
        <div class="dist-line">
            <div class="dist" role="img" aria-label=format!("Answers: {summary}")>
                {segments
                    .into_iter()
                    .map(|(class, label, n)| {
                        view! {
                            <span class=class style=format!("flex: {n} 1 0")>
                                {label}
                            </span>
                        }
                    })
                    .collect_view()}
            </div>
            <span class="small dist-text" aria-hidden="true">
                {summary}
            </span>
        </div>
        {names}
    }
}
