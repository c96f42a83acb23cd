//! The headline figures of the results, shared by the results page and the report.

use crate::domain::results::{FLOOR_LEVEL_MEANS, INDICATIVE};
use crate::ui::state::Session;
use leptos::prelude::*;

fn fmt_opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_else(|| "–".into())
}

/// Headline figures.
#[component]
pub fn Summary() -> impl IntoView {
    let state = expect_context::<Session>();
    move || {
        state.results.with(|r| {
            r.as_ref().map(|r| {
                let floor = fmt_opt(r.floor_level);
                let mean = r.mean_index.map(crate::domain::results::index_text).unwrap_or_else(|| "–".into());
                let done = crate::domain::results::percent_text(r.completion());
                let missing = r.asked - r.answered;
                view! {
                    <dl class="stats">
                        <div>
                            <dt>"Processes in scope"</dt>
                            <dd id="stat-scope">{r.in_scope().count()}</dd>
                        </div>
                        <div>
                            <dt>"Answered"</dt>
                            <dd id="stat-done">{done}</dd>
                        </div>
                        <div>
                            <dt>"Floor level"</dt>
                            <dd id="stat-floor">{floor}</dd>
                        </div>
                        <div>
                            <dt>"Mean capability index"</dt>
                            <dd id="stat-index">{mean}<span class="muted small">" / 5"</span></dd>
                        </div>
                    </dl>
                    {(!r.unknown_answers.is_empty())
                        .then(|| {
                            view! {
                                <p class="notice" id="unknown-note">
                                    {format!(
                                        "{} answers belong to questions this catalog does not know (another catalog version?). They are kept, exported and imported unchanged, but not scored.",
                                        r.unknown_answers.len(),
                                    )}
                                </p>
                            }
                        })}
                    {(missing > 0)
                        .then(|| {
                            view! {
                                <p class="notice" id="incomplete-note">
                                    {format!(
                                        "{missing} questions in scope are not answered yet: the results are provisional. See the follow-up list below.",
                                    )}
                                </p>
                            }
                        })}
                    <p class="muted small">{FLOOR_LEVEL_MEANS}</p>
                    <p class="muted small" id="indicative-note">
                        {INDICATIVE}
                    </p>
                }
            })
        })
    }
}
