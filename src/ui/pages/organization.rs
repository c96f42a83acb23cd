//! Step 1: the organization and the assessment header.

use crate::domain::assessment::{HeaderField, SizeBand};
use crate::domain::Action;
use crate::ui::components::step_nav::StepNav;
use crate::ui::route::Step;
use crate::ui::state::Session;
use leptos::prelude::*;

/// A text field bound to one header field, with its inline error.
#[component]
fn Field(
    /// Element id (also the label's `for`).
    id: &'static str,
    /// Visible label.
    label: &'static str,
    /// Help shown under the field.
    #[prop(optional)]
    help: &'static str,
    /// The current value.
    value: Signal<String>,
    /// Builds the change from the typed text.
    make: fn(String) -> HeaderField,
    /// Input type: "text" or "textarea" (dates are typed as YYYY-MM-DD, one form everywhere).
    #[prop(default = "text")]
    kind: &'static str,
    /// A message when the stored value is empty, e.g. "Give the assessment a name".
    #[prop(optional)]
    required: Option<&'static str>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let error = RwSignal::new(None::<String>);
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Some(msg) = required.filter(|_| text.trim().is_empty()) {
            error.set(Some(msg.to_string()));
            return;
        }
        match state.try_dispatch(Action::SetHeader(make(text))) {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(capitalize(&e.to_string()))),
        }
    };
    let err_id = format!("{id}-error");
    let help_id = format!("{id}-help");
    let described = move || {
        let mut ids = Vec::new();
        if !help.is_empty() {
            ids.push(help_id.clone());
        }
        if error.with(|e| e.is_some()) {
            ids.push(format!("{id}-error"));
        }
        ids.join(" ")
    };
    let input = if kind == "textarea" {
        view! {
            <textarea
                id=id
                rows="4"
                prop:value=move || value.get()
                on:input=on_input
                aria-describedby=described
                aria-invalid=move || error.with(|e| e.is_some()).to_string()
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                type=kind
                prop:value=move || value.get()
                on:input=on_input
                aria-describedby=described
                aria-invalid=move || error.with(|e| e.is_some()).to_string()
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-invalid=move || error.with(|e| e.is_some())>
            <label for=id>{label}</label>
            {input}
            {(!help.is_empty())
                .then(|| {
                    view! {
                        <p class="field-help" id=format!("{id}-help")>
                            {help}
                        </p>
                    }
                })}
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="field-error" id=err_id.clone()>
                                {e}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// The organization form.
#[component]
pub fn OrganizationPage() -> impl IntoView {
    let state = expect_context::<Session>();
    let read = move |f: fn(&crate::domain::Assessment) -> String| {
        Signal::derive(move || state.assessment.with(|a| a.as_ref().map(f).unwrap_or_default()))
    };
    let id = move || state.assessment.with(|a| a.as_ref().map(|a| a.id.clone()).unwrap_or_default());
    let size =
        move || state.assessment.with(|a| a.as_ref().and_then(|a| a.organization.size)).map(size_value).unwrap_or("");
    let on_size = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let band = SizeBand::ALL.into_iter().find(|b| size_value(*b) == v);
        state.dispatch(Action::SetHeader(HeaderField::Size(band)));
    };
    view! {
        <section class="card step">
            <h1>"Organization"</h1>
            <p class="muted">"Who is being assessed, and when. This appears on the report."</p>
            <div class="form-grid">
                <Field
                    id="assessment-name-input"
                    label="Assessment name"
                    value=read(|a| a.name.clone())
                    make=HeaderField::AssessmentName
                    required="Give the assessment a name, for example “Service desk review 2026”."
                />
                <Field
                    id="assessment-date"
                    label="Assessment date"
                    help="As YYYY-MM-DD, like every date in the app and its reports."
                    value=read(|a| a.date.clone())
                    make=HeaderField::Date
                />
                <Field
                    id="assessor-input"
                    label="Assessor (optional)"
                    help="Who leads the assessment: shown on the report and the presenter's title slide."
                    value=read(|a| a.assessor.clone())
                    make=HeaderField::Assessor
                />
                <Field
                    id="org-name-input"
                    label="Organization name"
                    value=read(|a| a.organization.name.clone())
                    make=HeaderField::OrgName
                />
                <Field
                    id="org-unit-input"
                    label="Unit (optional)"
                    help="A site, department, subsidiary or team, when only part of the organization is assessed. Assessments of one organization are compared unit by unit and followed over time."
                    value=read(|a| a.organization.unit.clone())
                    make=HeaderField::Unit
                />
                <div class="field">
                    <label for="org-size">"Size of the IT organization"</label>
                    <select id="org-size" on:change=on_size prop:value=size>
                        <option value="">"Choose a size band"</option>
                        {SizeBand::ALL
                            .into_iter()
                            .map(|b| view! { <option value=size_value(b)>{b.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <Field
                    id="org-sector"
                    label="Sector"
                    help="For example retail, public sector, healthcare, software."
                    value=read(|a| a.organization.sector.clone())
                    make=HeaderField::Sector
                />
            </div>
            <Field
                id="org-context"
                label="Context"
                kind="textarea"
                help="What is going on: growth plans, recent incidents, audits, reorganizations. Helps whoever reads the report."
                value=read(|a| a.organization.context.clone())
                make=HeaderField::Context
            />
        </section>
        {move || {
            let id = id();
            view! { <StepNav next=(Step::Objectives.href(&id), "Business objectives".to_string()) /> }
        }}
    }
}

fn size_value(b: SizeBand) -> &'static str {
    match b {
        SizeBand::Tiny => "1-10",
        SizeBand::Small => "11-50",
        SizeBand::Medium => "51-250",
        SizeBand::Large => "251-1000",
        SizeBand::Huge => "1000+",
    }
}
