//! "Explain this score": each attribute's achievement, rating and band, the
//! gate rule, and exactly which answers block the next level.

use crate::domain::consensus::Effective;
use crate::domain::results::ProcessResult;
use crate::ui::state::Session;
use leptos::prelude::*;

fn effective_label(e: Effective) -> String {
    match e {
        Effective::Scored(s) if s.fract() == 0.0 => ["N", "P", "L", "F"][s as usize].to_string(),
        Effective::Scored(s) => format!("{:.1} steps", s),
        Effective::NotApplicable => "N/A".into(),
        Effective::Unanswered { dont_know: true } => "don't know".into(),
        Effective::Unanswered { dont_know: false } => "unanswered".into(),
    }
}

/// The derivation of one process's capability level and index.
#[component]
pub fn Explain(
    /// The evaluated process.
    p: ProcessResult,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let attr_name = move |id: &str| {
        session.with_catalog_untracked(|c| c.attribute(id).map(|a| a.name.clone())).flatten().unwrap_or_default()
    };
    let rows = p
        .attributes
        .iter()
        .map(|a| {
            let pct = a.achievement.map(|x| format!("{x:.0} %")).unwrap_or_else(|| "–".into());
            let rating = match a.rating {
                _ if !a.applicable => {
                    "n/a · every question answered N/A: left out of the level and the index".to_string()
                }
                Some(r) if a.provisional => {
                    format!("{} · {} · provisional: fewer than half of its questions answered", r.code(), r.band())
                }
                Some(r) => format!("{} · {}", r.code(), r.band()),
                None if a.asked == 0 => "not asked: beyond one level above the target".into(),
                None => "unrated: no answered question".into(),
            };
            let class = a
                .rating
                .map(|r| format!("rating rating-{}", r.code().to_lowercase()))
                .unwrap_or_else(|| "rating rating-u".into());
            view! {
                <tr data-attribute=a.attribute.id()>
                    <th scope="row">{a.attribute.id()}" "<span class="muted">{attr_name(a.attribute.id())}</span></th>
                    <td class="num">{a.level}</td>
                    <td class="num">
                        {if a.asked == 0 { "not asked".to_string() } else { format!("{} of {}", a.answered, a.asked) }}
                        {(a.not_applicable > 0).then(|| format!(" · {} N/A", a.not_applicable))}
                    </td>
                    <td class="num">{pct}</td>
                    <td>
                        <span class=class>{rating}</span>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let next = p.level + 1;
    let blocking = p
        .blocking_answers()
        .into_iter()
        .map(|(b, qs)| {
            let items = qs
                .iter()
                .map(|q| view! { <li>{q.text.clone()}" — "<strong>{effective_label(q.effective)}</strong></li> })
                .collect_view();
            view! { <li class="blocker">{b.describe()}<ul>{items}</ul></li> }
        })
        .collect_view();
    let index_parts: Vec<String> = p.index_by_level().iter().map(|&x| crate::domain::results::index_text(x)).collect();
    view! {
        <div class="explain" id=format!("explain-{}", p.id)>
            <table class="explain-table">
                <caption class="sr-only">{format!("Attribute ratings of {}", p.name)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Attribute"</th>
                        <th scope="col">"Level"</th>
                        <th scope="col">"Answered"</th>
                        <th scope="col">"Achievement"</th>
                        <th scope="col">"Rating"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="rule">
                "Ratings: N up to 15 %, P up to 50 %, L up to 85 %, F above 85 %. "
                "A level is reached when its own attributes are rated L or F "
                <strong>"and every attribute of every lower level is rated F"</strong>"."
            </p>
            <p>
                <strong>{format!("Capability level {}", p.level)}</strong>
                {format!(" · {}.", p.index_explained())}
            </p>
            <p class="muted small">
                {format!("Each level's own mean achievement, levels 1 to 5: {}.", index_parts.join(" · "))}
            </p>
            {if p.level >= 5 {
                view! { <p>"Level 5 is the highest level: nothing blocks."</p> }.into_any()
            } else {
                view! {
                    <p>
                        <strong>{format!("What blocks level {next}:")}</strong>
                    </p>
                    <ul class="blockers">{blocking}</ul>
                }
                    .into_any()
            }}
            {(p.target > p.level)
                .then(|| {
                    view! {
                        <p class="muted">
                            {format!("Target: level {}. The roadmap lists the actions to get there.", p.target)}
                        </p>
                    }
                })}
        </div>
    }
}
