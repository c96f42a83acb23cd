//! "Removed “X”. Undo": the offer to bring back the item just removed.

use crate::domain::Action;
use crate::ui::state::Session;
use leptos::prelude::*;

/// Shows the undo offer while `removed` holds an item; Undo dispatches the
/// action that adds it back.
#[component]
pub fn UndoNotice<T: Clone + Send + Sync + 'static>(
    /// The item just removed, if any.
    removed: RwSignal<Option<T>>,
    /// Its name, for the message.
    name: fn(&T) -> String,
    /// The action that brings it back.
    restore: fn(T) -> Action,
    /// The Undo button's id, when a test or a link needs it.
    #[prop(optional)]
    button_id: Option<&'static str>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    move || {
        removed.get().map(|item| {
            let label = format!("Removed “{}”. ", name(&item));
            view! {
                <p class="notice undo" role="status">
                    {label}
                    <button
                        class="btn-link"
                        id=button_id
                        on:click=move |_| {
                            state.dispatch(restore(item.clone()));
                            removed.set(None);
                        }
                    >
                        "Undo"
                    </button>
                </p>
            }
        })
    }
}
