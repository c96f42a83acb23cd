use itsm_maturity::domain::sample::sample;
use itsm_maturity::domain::{evaluate, Catalog};
fn main() {
    let c = Catalog::default_catalog();
    let a = sample().unwrap().assessment;
    let r = evaluate(&c, &a);
    for p in &r.processes {
        println!("{:24} rel {:3} scope {:5} target {} sugg {:?} level {} index {:.2} {}", p.id, p.relevance.score, p.in_scope, p.target, p.suggested_target, p.level, p.index, p.relevance.top_reasons(1).join(""));
    }
    println!("action lines {} initiatives {} steps {}", r.action_lines(), r.initiatives.len(), r.roadmap.len());
    for s in &r.roadmap { println!("  {} → {} : {} actions, {} initiatives", s.process, s.level, s.actions.len(), s.initiatives.len()); }
    let d = itsm_maturity::domain::workshop::discuss_list(&r);
    for x in &d { println!("  {} {} {:?}", x.process_name, x.text, x.why); }
    println!("discuss {}", d.len());
}
