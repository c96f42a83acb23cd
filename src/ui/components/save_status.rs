//! The save indicator, announced politely to screen readers.

use crate::ui::library::Library;
use crate::ui::state::SaveStatus;
use leptos::prelude::*;

/// "Saving…", "Saved in this browser" or the failure.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let library = expect_context::<Library>();
    let text = move || match library.save_status.get() {
        SaveStatus::Idle => "All changes saved in this browser".to_string(),
        SaveStatus::Pending => "Saving…".to_string(),
        SaveStatus::Saved => "Saved in this browser".to_string(),
        SaveStatus::Failed(_) => "Not saved — see the message above".to_string(),
        SaveStatus::InMemory => "Not saved: kept in this tab only".to_string(),
    };
    let class = move || match library.save_status.get() {
        SaveStatus::Failed(_) | SaveStatus::InMemory => "save-status save-failed",
        SaveStatus::Pending => "save-status save-pending",
        _ => "save-status",
    };
    view! {
        <span id="save-status" class=class role="status" aria-live="polite">
            {text}
        </span>
    }
}
