//! The part of a long page below its first screen, drawn one frame after the
//! rest: the figures and charts at the top paint first, the tables and plans
//! below follow in the next task (nothing is left out, only drawn later).

use crate::ui::route::scroll_to_id;
use leptos::prelude::*;
use std::time::Duration;

/// Draws `children` after the page's first paint. A link to a place inside
/// them (`#roadmap`) still lands there: once they are drawn, the element the
/// address names is scrolled into view.
#[component]
pub fn AfterFirstPaint(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    let wrapper = NodeRef::<leptos::html::Div>::new();
    // The frame's callback runs before its paint; the timeout after it.
    request_animation_frame(move || {
        set_timeout(
            move || {
                if ready.try_set(true).is_some() {
                    return; // the page has gone meanwhile
                }
                request_animation_frame(move || scroll_to_hash_inside(wrapper));
            },
            Duration::ZERO,
        )
    });
    view! {
        <div class="after-first-paint" node_ref=wrapper>
            {move || ready.get().then(|| children())}
        </div>
    }
}

/// Scrolls to the element the address's hash names, when it is inside `wrapper`.
fn scroll_to_hash_inside(wrapper: NodeRef<leptos::html::Div>) {
    let (Ok(hash), Some(w)) = (window().location().hash(), wrapper.get_untracked()) else { return };
    if let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) {
        scroll_to_id(id, |el| w.contains(Some(el)));
    }
}
