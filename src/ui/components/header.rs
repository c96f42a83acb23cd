//! The top bar: product name and the privacy promise.

use crate::ui::route::START;
use leptos::prelude::*;

/// The app header shown on every page.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">
            "Skip to content"
        </a>
        <header class="topbar">
            <a class="brand" href=START>
                <span class="brand-mark" aria-hidden="true">
                    "◆"
                </span>
                <span class="brand-name">"ITSM Maturity"</span>
            </a>
            <span class="privacy" title="Nothing you enter is sent anywhere">
                "Private: data stays in this browser"
            </span>
        </header>
        <super::banner::Banner />
    }
}
