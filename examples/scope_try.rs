use itsm_maturity::domain::sample::sample;
use itsm_maturity::domain::{evaluate, Action, Catalog};
fn main() {
    let c = Catalog::default_catalog();
    for drop in [vec![], vec!["release", "service-validation", "it-asset"], vec!["release", "service-validation", "it-asset", "security"], vec!["service-validation", "it-asset"]] {
        let mut a = sample().unwrap().assessment;
        for p in &drop { a.apply(Action::SetScope { process: p.to_string(), in_scope: Some(false) }).unwrap(); }
        if std::env::args().nth(1).is_some() { a.apply(Action::SetTarget { process: "security".into(), target: Some(2) }).unwrap(); }
        let r = evaluate(&c, &a);
        let pa11: usize = r.roadmap.iter().map(|s| s.actions.len()).sum();
        println!("{drop:?}: lines {} (own {pa11}, initiatives {})", r.action_lines(), r.initiatives.len());
    }
}
