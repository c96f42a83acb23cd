//! The end of an add / edit form: its error line, then Save and Cancel.

use leptos::prelude::*;

/// The error (announced) and the form's buttons.
#[component]
pub fn FormFooter(
    /// Why the form cannot be saved yet.
    error: RwSignal<Option<String>>,
    /// Id of the submit button.
    submit_id: &'static str,
    /// The submit button's text.
    submit: &'static str,
    /// Closes the form without saving.
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        {move || {
            error
                .get()
                .map(|e| {
                    view! {
                        <p class="field-error" role="alert">
                            {e}
                        </p>
                    }
                })
        }}
        <div class="actions">
            <button type="submit" class="btn btn-primary" id=submit_id>
                {submit}
            </button>
            <button type="button" class="btn btn-secondary" on:click=move |_| on_cancel.run(())>
                "Cancel"
            </button>
        </div>
    }
}
