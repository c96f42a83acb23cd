//! Step 3: the IT services the business depends on.

use crate::domain::assessment::{Service, MAX_SERVICES};
use crate::domain::catalog::{Audience, ChangeRate, Sourcing};
use crate::domain::Action;
use crate::ui::components::form_footer::FormFooter;
use crate::ui::components::step_nav::StepNav;
use crate::ui::components::undo_notice::UndoNotice;
use crate::ui::route::Step;
use crate::ui::state::Session;
use crate::ui::util::new_id;
use leptos::prelude::*;

const CRITICALITY: [&str; 5] = ["1 — Low", "2 — Moderate", "3 — Important", "4 — High", "5 — Vital"];
/// The services step.
#[component]
pub fn ServicesPage() -> impl IntoView {
    let state = expect_context::<Session>();
    let editing = RwSignal::new(None::<Option<String>>);
    let list = move || state.assessment.with(|a| a.as_ref().map(|a| a.services.clone()).unwrap_or_default());
    let id = move || state.assessment.with(|a| a.as_ref().map(|a| a.id.clone()).unwrap_or_default());
    let full = move || list().len() >= MAX_SERVICES;
    // The last removed service, offered back until another change.
    let removed = RwSignal::new(None::<Service>);

    view! {
        <section class="card step">
            <h1>"IT services"</h1>
            <p class="muted">
                "List the IT services the business depends on. Who uses a service, how critical it is, how it is sourced "
                "and how often it changes all raise particular processes: an outsourced service needs supplier management, "
                "a service that changes weekly needs change and release management."
            </p>
            {move || {
                let services = list();
                if services.is_empty() {
                    view! {
                        <div class="empty" id="no-services">
                            <p>
                                <strong>"No services yet."</strong>
                            </p>
                            <p class="muted">
                                "Start with the two or three services customers or staff would notice first if they stopped: the website, the ordering or payment system, email, telephony."
                            </p>
                        </div>
                    }
                        .into_any()
                } else {
                    view! {
                        <ul class="service-list">
                            {services
                                .into_iter()
                                .map(|s| view! { <ServiceItem s=s editing=editing removed=removed /> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
            <UndoNotice removed=removed name=|x| x.name.clone() restore=Action::AddService button_id="undo-remove" />
            {move || match editing.get() {
                None if full() => {
                    view! {
                        <p class="muted">
                            {format!(
                                "You have listed {MAX_SERVICES} services, the most one assessment holds. Group related services to add more.",
                            )}
                        </p>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <button class="btn btn-secondary" id="add-service" on:click=move |_| editing.set(Some(None))>
                            "Add a service"
                        </button>
                    }
                        .into_any()
                }
                Some(target) => {
                    let existing = target.as_ref().and_then(|id| list().into_iter().find(|s| &s.id == id));
                    view! { <ServiceForm existing=existing on_done=Callback::new(move |_| editing.set(None)) /> }
                        .into_any()
                }
            }}
        </section>
        {move || {
            let id = id();
            view! {
                <StepNav
                    back=(Step::Strategy.href(&id), "Strategy".to_string())
                    next=(Step::Scope.href(&id), "Scope & targets".to_string())
                />
            }
        }}
    }
}

/// One listed service with its attributes, edit and remove.
#[component]
fn ServiceItem(
    /// The service.
    s: Service,
    /// Which service's form is open.
    editing: RwSignal<Option<Option<String>>>,
    /// The service just removed (for undo).
    removed: RwSignal<Option<Service>>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let edit_id = s.id.clone();
    let gone = s.clone();
    let remove = move |_| {
        if state.try_dispatch(Action::RemoveService { id: gone.id.clone() }).is_ok() {
            removed.set(Some(gone.clone()));
        }
    };
    view! {
        <li class="service" data-service=s.id.clone()>
            <div>
                <h3>{s.name.clone()}</h3>
                <p class="muted">{s.description.clone()}</p>
                <p class="tags">
                    <span class="tag">{format!("Criticality {}", s.criticality)}</span>
                    <span class="tag">{Audience::describe(&s.audience)}</span>
                    <span class="tag">{s.sourcing.label()}</span>
                    <span class="tag">{format!("Changes: {}", s.change_rate.label().to_lowercase())}</span>
                </p>
            </div>
            <div class="row-actions">
                <button class="btn btn-small" on:click=move |_| editing.set(Some(Some(edit_id.clone())))>
                    "Edit"
                </button>
                <button class="btn btn-small btn-danger" on:click=remove>
                    "Remove"
                </button>
            </div>
        </li>
    }
}

/// Add / edit form for one service.
#[component]
pub(crate) fn ServiceForm(
    /// The service being edited; `None` adds a new one.
    existing: Option<Service>,
    /// Called when saved or cancelled.
    on_done: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let is_new = existing.is_none();
    let base = existing.unwrap_or_else(|| Service {
        id: new_id("svc"),
        name: String::new(),
        description: String::new(),
        criticality: 3,
        audience: vec![Audience::Internal],
        sourcing: Sourcing::Inhouse,
        change_rate: ChangeRate::Monthly,
    });
    let draft = RwSignal::new(base);
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut s = draft.get_untracked();
        s.name = s.name.trim().to_string();
        if s.name.is_empty() {
            error.set(Some("Give the service a name.".into()));
            return;
        }
        if s.audience.is_empty() {
            error.set(Some("Tick who uses the service: external customers, internal users or both.".into()));
            return;
        }
        let result = if is_new {
            state.try_dispatch(Action::AddService(s))
        } else {
            state.try_dispatch(Action::UpdateService(s))
        };
        match result {
            Ok(()) => on_done.run(()),
            Err(e) => error.set(Some(format!("Not saved: {e}."))),
        }
    };
    let toggle = move |who: Audience| {
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            draft.update(|s| {
                s.audience.retain(|a| *a != who);
                if on {
                    s.audience.push(who);
                    crate::domain::sort_stable(&mut s.audience, |a, b| a.cmp(b));
                }
            });
        }
    };
    view! {
        <form class="subform" on:submit=save aria-label=if is_new { "New service" } else { "Edit service" } novalidate>
            <h3>{if is_new { "New service" } else { "Edit service" }}</h3>
            <div class="form-grid">
                <div class="field">
                    <label for="svc-name">"Name"</label>
                    <input
                        id="svc-name"
                        type="text"
                        maxlength="120"
                        prop:value=move || draft.with(|s| s.name.clone())
                        on:input=move |ev| draft.update(|s| s.name = event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="svc-criticality">"Criticality"</label>
                    <select
                        id="svc-criticality"
                        prop:value=move || draft.with(|s| s.criticality.to_string())
                        on:change=move |ev| {
                            draft.update(|s| s.criticality = event_target_value(&ev).parse().unwrap_or(3))
                        }
                    >
                        {(1..=5u8)
                            .map(|n| view! { <option value=n.to_string()>{CRITICALITY[(n - 1) as usize]}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="svc-sourcing">"Sourcing"</label>
                    <select
                        id="svc-sourcing"
                        prop:value=move || draft.with(|s| s.sourcing.code())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(x) = Sourcing::of_code(&v) {
                                draft.update(|s| s.sourcing = x)
                            }
                        }
                    >
                        {Sourcing::ALL.map(|s| view! { <option value=s.code()>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="svc-rate">"How often it changes"</label>
                    <select
                        id="svc-rate"
                        prop:value=move || draft.with(|s| s.change_rate.code())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(x) = ChangeRate::of_code(&v) {
                                draft.update(|s| s.change_rate = x)
                            }
                        }
                    >
                        {ChangeRate::ALL.map(|r| view! { <option value=r.code()>{r.label()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="field">
                <label for="svc-description">"Short description"</label>
                <input
                    id="svc-description"
                    type="text"
                    prop:value=move || draft.with(|s| s.description.clone())
                    on:input=move |ev| draft.update(|s| s.description = event_target_value(&ev))
                />
            </div>
            <fieldset class="checks">
                <legend>"Who uses it?"</legend>
                <label>
                    <input
                        type="checkbox"
                        id="svc-external"
                        prop:checked=move || draft.with(|s| s.audience.contains(&Audience::External))
                        on:change=toggle(Audience::External)
                    />
                    " External customers"
                </label>
                <label>
                    <input
                        type="checkbox"
                        id="svc-internal"
                        prop:checked=move || draft.with(|s| s.audience.contains(&Audience::Internal))
                        on:change=toggle(Audience::Internal)
                    />
                    " Internal users"
                </label>
            </fieldset>
            <FormFooter
                error=error
                submit_id="save-service"
                submit=if is_new { "Add service" } else { "Save changes" }
                on_cancel=on_done
            />
        </form>
    }
}
