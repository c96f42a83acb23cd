//! Typed navigation: every address the app links to is built here, from
//! [`Step`] and an assessment id. No page builds a route string itself.

//!
//! It is also the app's router (a few dozen lines instead of a routing crate,
//! which was the largest single item of the start-up bundle): the address is a
//! signal, back/forward and clicks on the app's own links change it without a
//! page load, and the pages are chosen from it by [`Page`] and [`Step`].

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The start page.
pub const START: &str = "/";

/// A page of one assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Organization,
    Objectives,
    Strategy,
    Services,
    Scope,
    /// The questions of one process.
    Process(String),
    Results,
    Report,
    Workshop,
    Present,
}

impl Step {
    /// The steps of the flow, as the stepper shows them (Process stands for "Questions").
    pub const FLOW: [(&'static str, &'static str); 7] = [
        ("organization", "Organization"),
        ("objectives", "Objectives"),
        ("strategy", "Strategy"),
        ("services", "IT services"),
        ("scope", "Scope & targets"),
        ("process", "Questions"),
        ("results", "Results"),
    ];

    /// The address of this step of assessment `id`.
    pub fn href(&self, id: &str) -> String {
        match self {
            Step::Process(pid) => format!("/a/{id}/process/{pid}"),
            other => format!("/a/{id}/{}", other.slug()),
        }
    }

    /// The "Questions" step: the process page of `entry`, else scope (nothing in scope).
    pub fn questions(entry: Option<&str>) -> Step {
        entry.map_or(Step::Scope, |pid| Step::Process(pid.to_string()))
    }

    /// The first path segment after the assessment id.
    pub fn slug(&self) -> &'static str {
        match self {
            Step::Organization => "organization",
            Step::Objectives => "objectives",
            Step::Strategy => "strategy",
            Step::Services => "services",
            Step::Scope => "scope",
            Step::Process(_) => "process",
            Step::Results => "results",
            Step::Report => "report",
            Step::Workshop => "workshop",
            Step::Present => "present",
        }
    }

    /// The step a flow slug names (the process step needs its process id separately).
    pub fn of_slug(slug: &str) -> Option<Step> {
        Some(match slug {
            "organization" => Step::Organization,
            "objectives" => Step::Objectives,
            "strategy" => Step::Strategy,
            "services" => Step::Services,
            "scope" => Step::Scope,
            "results" | "" => Step::Results,
            "report" => Step::Report,
            "workshop" => Step::Workshop,
            "present" => Step::Present,
            _ => return None,
        })
    }
}

/// Where a path points: the assessment id and the flow slug after it
/// (`"/a/x/process/incident"` → `("x", "process")`); `None` outside an assessment.
pub fn parse_path(path: &str) -> Option<(String, String)> {
    let rest = path.strip_prefix("/a/")?;
    let mut parts = rest.split('/');
    let id = parts.next().filter(|s| !s.is_empty())?.to_string();
    Some((id, parts.next().unwrap_or("").to_string()))
}

/// The kind of page an address shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Start,
    /// A step of one assessment (which one: [`step_of_path`]).
    Assessment,
    /// The assessments of one organization ([`org_href`]).
    Organization,
    NotFound,
}

/// The page of an organization's assessments: units side by side and history.
pub fn org_href(key: &str) -> String {
    format!("/org/{key}")
}

/// The organization key a path names (`/org/<key>`, a trailing slash allowed).
pub fn org_of_path(path: &str) -> Option<String> {
    let rest = path.strip_prefix("/org/")?;
    let key = rest.strip_suffix('/').unwrap_or(rest);
    (!key.is_empty() && !key.contains('/')).then(|| key.to_string())
}

/// The page `path` shows: the start page, a step of an assessment, or none.
pub fn page_of(path: &str) -> Page {
    if path.is_empty() || path == START {
        return Page::Start;
    }
    if step_of_path(path).is_some() {
        Page::Assessment
    } else if org_of_path(path).is_some() {
        Page::Organization
    } else {
        Page::NotFound
    }
}

/// The step of an assessment `path` names (`/a/:id`, `/a/:id/<slug>`,
/// `/a/:id/process/:pid`, a trailing slash allowed); `None` for any other path.
pub fn step_of_path(path: &str) -> Option<Step> {
    let rest = path.strip_prefix("/a/")?;
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let mut parts = rest.split('/');
    parts.next().filter(|id| !id.is_empty())?;
    let step = match (parts.next(), parts.next()) {
        (None, _) => Step::Results,
        (Some("process"), Some(pid)) if !pid.is_empty() => Step::Process(pid.to_string()),
        (Some("process"), _) | (Some(""), _) => return None,
        (Some(slug), None) => Step::of_slug(slug)?,
        (Some(_), Some(_)) => return None,
    };
    parts.next().is_none().then_some(step)
}

/// The address the app shows: the path of the page's URL (decoded), changed by
/// [`Navigate`], by clicks on the app's own links and by back/forward.
#[derive(Debug, Clone, Copy)]
pub struct Location {
    path: RwSignal<String>,
}

impl Location {
    fn set(self, path: String) {
        if self.path.with_untracked(|p| *p != path) {
            self.path.set(path);
        }
    }
}

/// The decoded path of the page's URL.
fn current_path() -> String {
    let raw = window().location().pathname().unwrap_or_else(|_| START.to_string());
    js_sys::decode_uri(&raw).map(String::from).unwrap_or(raw)
}

/// Starts following the address. Call once, in the root component.
pub fn provide_location() {
    let location = Location { path: RwSignal::new(current_path()) };
    provide_context(location);
    let back_forward = window_event_listener(leptos::ev::popstate, move |_| location.set(current_path()));
    let navigate = Navigate { location };
    let clicks = window_event_listener(leptos::ev::click, move |ev| {
        if let Some(href) = in_app_link(&ev) {
            ev.prevent_default();
            navigate.go(&href, false);
        }
    });
    on_cleanup(move || {
        back_forward.remove();
        clicks.remove();
    });
}

/// The address of the link a click follows, when the app should follow it
/// itself: a plain left click on a same-origin link to another page, not a
/// download, not for another window, not `rel="external"`.
fn in_app_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.alt_key() || ev.ctrl_key() || ev.shift_key() {
        return None;
    }
    let a = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    let external = a.get_attribute("rel").is_some_and(|r| r.split_ascii_whitespace().any(|p| p == "external"));
    if !a.target().is_empty() || a.has_attribute("download") || external {
        return None;
    }
    let here = window().location();
    if a.origin() != here.origin().ok()? {
        return None;
    }
    let (path, search, hash) = (a.pathname(), a.search(), a.hash());
    // A place on this page (the results menu): the browser scrolls there itself.
    let same_page = Some(&path) == here.pathname().ok().as_ref() && Some(&search) == here.search().ok().as_ref();
    if same_page && !hash.is_empty() {
        return None;
    }
    Some(format!("{path}{search}{hash}"))
}

/// The path of the page shown (decoded, without search or hash).
pub fn use_path() -> Memo<String> {
    let location = expect_context::<Location>();
    Memo::new(move |_| location.path.get())
}

/// Scrolls the element with this id into view, if it exists and `within` accepts it.
pub fn scroll_to_id(id: &str, within: impl Fn(&web_sys::Element) -> bool) {
    if let Some(el) = document().get_element_by_id(id).filter(|el| within(el)) {
        el.scroll_into_view();
    }
}

/// Goes to another page of the app without a page load.
#[derive(Debug, Clone, Copy)]
pub struct Navigate {
    location: Location,
}

/// How to go there: `replace` the current history entry instead of adding one.
#[derive(Debug, Clone, Copy, Default)]
pub struct NavigateOptions {
    pub replace: bool,
}

impl Navigate {
    /// Shows `href` (a path of this app, with an optional search and hash), at
    /// the top of the page or at the element the hash names.
    pub fn go(self, href: &str, replace: bool) {
        let w = window();
        if let Ok(history) = w.history() {
            // A history that refuses (sandboxed frames) leaves the address as it was; the page still changes.
            let _ = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
            } else if w.location().href().ok().is_some_and(|here| here.ends_with(href)) {
                Ok(())
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
            };
        }
        self.location.set(current_path());
        match href.split_once('#') {
            Some((_, hash)) if !hash.is_empty() => {
                let hash = hash.to_string();
                request_animation_frame(move || scroll_to_id(&hash, |_| true));
            }
            _ => w.scroll_to_with_x_and_y(0.0, 0.0),
        }
    }
}

/// The navigation function of the app: `navigate(href, options)`.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let navigate = Navigate { location: expect_context::<Location>() };
    move |href: &str, options: NavigateOptions| navigate.go(href, options.replace)
}

/// The assessment id in the address (empty when absent).
pub fn use_assessment_id() -> Signal<String> {
    let path = use_path();
    let id = Memo::new(move |_| path.with(|p| parse_path(p).map(|(id, _)| id).unwrap_or_default()));
    id.into()
}

/// The organization key in the address (empty when absent).
pub fn use_org_key() -> Memo<String> {
    let path = use_path();
    Memo::new(move |_| path.with(|p| org_of_path(p).unwrap_or_default()))
}

/// The process id in the address (empty when absent).
pub fn use_process_id() -> Memo<String> {
    let path = use_path();
    Memo::new(move |_| {
        path.with(|p| match step_of_path(p) {
            Some(Step::Process(pid)) => pid,
            _ => String::new(),
        })
    })
}
