//! Messages that must not be missed: errors (with a download when saving
//! fails), a conflict with another tab, data moved aside at start, and passing
//! notices. Errors are announced assertively, notices politely.

use crate::domain::format::Envelope;
use crate::storage;
use crate::ui::state::{AppState, SaveStatus};
use crate::ui::util::{download, slug};
use leptos::prelude::*;

fn download_envelope(env: &Envelope) {
    download(&format!("{}.itsm.json", slug(&env.assessment.name)), "application/json", &env.encode());
}

/// The banners shown under the top bar.
#[component]
pub fn Banner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let save_failed =
        move || matches!(state.save_status.get(), SaveStatus::Failed(_)) && state.conflict.with(|c| c.is_none());
    let download_mine = move |_| {
        if let Some(env) = state.envelope() {
            download_envelope(&env);
        }
    };
    view! {
        <div class="banner-region" role="alert" aria-live="assertive">
            {move || state.error.get().map(|msg| view! {
                <div class="banner banner-error" id="error-banner">
                    <span>{msg}</span>
                    <span class="banner-actions">
                        {save_failed().then(|| view! { <button class="btn btn-ghost" id="download-unsaved" on:click=download_mine>"Download a copy"</button> })}
                        <button class="btn btn-ghost" on:click=move |_| state.error.set(None)>"Dismiss"</button>
                    </span>
                </div>
            })}
            {move || state.conflict.get().map(|_| view! {
                <div class="banner banner-error" id="conflict-banner">
                    <span>"This assessment was changed in another tab or window while you had unsaved changes here. Nothing was overwritten."</span>
                    <span class="banner-actions">
                        <button class="btn btn-ghost" id="load-theirs" on:click=move |_| state.load_theirs()>"Load the other version"</button>
                        <button class="btn btn-ghost" id="keep-mine" on:click=move |_| state.keep_mine()>"Keep this version"</button>
                        <button class="btn btn-ghost" on:click=download_mine>"Download this version"</button>
                    </span>
                </div>
            })}
            {move || {
                let list = state.quarantine.get();
                (!list.is_empty()).then(|| view! {
                    <div class="banner banner-error" id="quarantine-banner">
                        <div>
                            <p><strong>"Some saved data could not be read."</strong>" It was moved aside, untouched; everything else works as usual."</p>
                            <ul>
                                {list.into_iter().map(|q| {
                                    let key = q.key.clone();
                                    let key2 = q.key.clone();
                                    let label = q.name.clone().map(|n| format!("“{n}”")).unwrap_or_else(|| format!("assessment {}", q.id));
                                    let file = format!("{}-unreadable.json", slug(&q.id));
                                    view! {
                                        <li data-key=q.key.clone()>
                                            {label}": "{q.reason.clone()}" "
                                            <button class="btn btn-ghost btn-small download-raw" on:click=move |_| {
                                                if let Some(text) = storage::read_quarantined(&key) {
                                                    download(&file, "application/json", &text);
                                                }
                                            }>"Download the raw text"</button>
                                            <button class="btn btn-ghost btn-small" on:click=move |_| {
                                                storage::discard_quarantined(&key2);
                                                state.quarantine.update(|l| l.retain(|x| x.key != key2));
                                            }>"Delete it"</button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </div>
                        <button class="btn btn-ghost" on:click=move |_| state.quarantine.set(Vec::new())>"Hide"</button>
                    </div>
                })
            }}
        </div>
        <div class="banner-region" role="status" aria-live="polite">
            {move || state.notice.get().map(|msg| view! {
                <div class="banner banner-info" id="notice-banner">
                    <span>{msg}</span>
                    <button class="btn btn-ghost" on:click=move |_| state.notice.set(None)>"Dismiss"</button>
                </div>
            })}
        </div>
    }
}
