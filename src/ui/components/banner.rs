//! Messages that must not be missed: errors (with a download when saving
//! fails), storage the browser refuses, a conflict with another tab, data
//! moved aside at start, and passing notices. Errors are announced
//! assertively, notices politely.

use crate::ui::library::Library;
use crate::ui::state::{Notices, SaveStatus};
use leptos::prelude::*;

/// The banners shown under the top bar.
#[component]
pub fn Banner() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let library = expect_context::<Library>();
    let save_failed =
        move || matches!(library.save_status.get(), SaveStatus::Failed(_)) && library.conflict.with(|c| c.is_none());
    // Shown above <main>, under index.html's static top bar.
    let (errors, notices_region) = (NodeRef::new(), NodeRef::new());
    crate::ui::util::move_into_slot(errors, "banner-slot");
    crate::ui::util::move_into_slot(notices_region, "banner-slot");
    view! {
        <div class="banner-region" role="alert" aria-live="assertive" node_ref=errors>
            {move || {
                notices
                    .error
                    .get()
                    .map(|msg| {
                        view! {
                            <div class="banner banner-error" id="error-banner">
                                <span>{msg}</span>
                                <span class="banner-actions">
                                    {save_failed()
                                        .then(|| {
                                            view! {
                                                <button
                                                    class="btn btn-ghost"
                                                    id="download-unsaved"
                                                    on:click=move |_| library.export_open()
                                                >
                                                    "Download a copy"
                                                </button>
                                            }
                                        })} <button class="btn btn-ghost" on:click=move |_| notices.error.set(None)>
                                        "Dismiss"
                                    </button>
                                </span>
                            </div>
                        }
                    })
            }}
            <StorageBlocked />
            {move || {
                library
                    .conflict
                    .get()
                    .map(|_| {
                        view! {
                            <div class="banner banner-error" id="conflict-banner">
                                <span>
                                    "This assessment was changed in another tab or window while you had unsaved changes here. Nothing was overwritten."
                                </span>
                                <span class="banner-actions">
                                    <button
                                        class="btn btn-ghost"
                                        id="load-theirs"
                                        on:click=move |_| library.load_theirs()
                                    >
                                        "Load the other version"
                                    </button>
                                    <button class="btn btn-ghost" id="keep-mine" on:click=move |_| library.keep_mine()>
                                        "Keep this version"
                                    </button>
                                    <button class="btn btn-ghost" on:click=move |_| library.export_open()>
                                        "Download this version"
                                    </button>
                                </span>
                            </div>
                        }
                    })
            }}
            <MovedAside />
        </div>
        <div class="banner-region" role="status" aria-live="polite" node_ref=notices_region>
            {move || {
                notices
                    .notice
                    .get()
                    .map(|msg| {
                        view! {
                            <div class="banner banner-info" id="notice-banner">
                                <span>{msg}</span>
                                <button class="btn btn-ghost" on:click=move |_| notices.notice.set(None)>
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// The browser lets nothing be stored: say so once, and offer the way out.
#[component]
fn StorageBlocked() -> impl IntoView {
    let library = expect_context::<Library>();
    move || {
        library.unavailable.get().map(|why| {
            view! {
                <div class="banner banner-error" id="storage-blocked-banner">
                    <span>
                        <strong>"Nothing will be saved in this browser."</strong>
                        " It does not let this site store data (the browser says: "
                        {why}
                        "). You can work as usual, but your work lives in this tab only: download a copy before you close the tab."
                    </span>
                    <span class="banner-actions">
                        <button class="btn btn-ghost" id="download-in-memory" on:click=move |_| library.export_open()>
                            "Download a copy"
                        </button>
                    </span>
                </div>
            }
        })
    }
}

/// Stored data that could not be read, moved aside untouched.
#[component]
fn MovedAside() -> impl IntoView {
    let library = expect_context::<Library>();
    move || {
        let list = library.quarantine.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="banner banner-error" id="quarantine-banner">
                    <div>
                        <p>
                            <strong>"Some saved data could not be read."</strong>
                            " It was moved aside, untouched; everything else works as usual."
                        </p>
                        <ul>
                            {list
                                .into_iter()
                                .map(|q| {
                                    let key = q.key.clone();
                                    let label = q
                                        .name
                                        .clone()
                                        .map(|n| format!("“{n}”"))
                                        .unwrap_or_else(|| format!("assessment {}", q.id));
                                    let reason = q.reason.clone();
                                    let item = q.clone();
                                    view! {
                                        <li data-key=q
                                            .key
                                            .clone()>
                                            {label}": "{reason}" "
                                            <button
                                                class="btn btn-ghost btn-small download-raw"
                                                on:click=move |_| library.download_quarantined(&item)
                                            >
                                                "Download the raw text"
                                            </button>
                                            <button
                                                class="btn btn-ghost btn-small"
                                                on:click=move |_| library.discard_quarantined(&key)
                                            >
                                                "Delete it"
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </div>
                    <button class="btn btn-ghost" on:click=move |_| library.hide_quarantine()>
                        "Hide"
                    </button>
                </div>
            }
        })
    }
}
