//! The error / notice banner, announced to screen readers.

use crate::ui::state::AppState;
use leptos::prelude::*;

/// Shows the current error, if any, with a dismiss button.
#[component]
pub fn Banner() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="banner-region" role="alert" aria-live="assertive">
            {move || state.error.get().map(|msg| view! {
                <div class="banner banner-error">
                    <span>{msg}</span>
                    <button class="btn btn-ghost" on:click=move |_| state.error.set(None)>"Dismiss"</button>
                </div>
            })}
        </div>
    }
}
