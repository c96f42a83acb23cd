//! Domain benchmark: `cargo bench --bench domain` prints catalog parse +
//! validate time and `evaluate` time for the full catalog (every process in
//! scope, full mode, fully answered) with 1 and with 30 participants.
//! Figures are medians over many runs, release build, native.

mod common;

use common::{measure, report};
use itsm_maturity::domain::assessment::CatalogRef;
use itsm_maturity::domain::catalog::DEFAULT_CATALOG_JSON;
use itsm_maturity::domain::format::{decode, decode_answers, AnswersFile, Envelope};
use itsm_maturity::domain::sample::synthetic;
use itsm_maturity::domain::Action;
use itsm_maturity::domain::{evaluate, Catalog};

fn main() {
    println!("Domain benchmark (release, native; median of many runs)");
    report(
        "catalog parse + validate (default catalog)",
        "",
        5.0,
        measure(200, || Catalog::parse(DEFAULT_CATALOG_JSON)),
    );
    let c = Catalog::default_catalog();
    let questions: usize = c.processes.iter().map(|p| c.questions_for(p, false).len()).sum();
    println!("  catalog: {} processes, {questions} questions in full mode", c.processes.len());
    for n in [1, 30] {
        let a = synthetic(&c, n);
        report(
            &format!("evaluate: full catalog, full mode, {n} participant(s)"),
            "",
            2.0,
            measure(300, || evaluate(&c, &a)),
        );
    }
    let env = Envelope::new(synthetic(&c, 30), CatalogRef { id: c.id.clone(), version: c.version.clone() });
    let text = env.encode();
    let size = format!("{:.0} KB", text.len() as f64 / 1024.0);
    report("export (encode): 30 participants, full catalog", &size, 50.0, measure(100, || env.encode()));
    report("import (decode + validate): 30 participants, full catalog", &size, 50.0, measure(100, || decode(&text)));
    // A workshop: 30 participants' "my answers" files merged into one assessment.
    let crowd = synthetic(&c, 30);
    let cref = CatalogRef { id: c.id.clone(), version: c.version.clone() };
    let files: Vec<String> = crowd
        .participants
        .iter()
        .map(|p| {
            let mut one = crowd.clone();
            one.active = p.id.clone();
            AnswersFile::of(&one, cref.clone()).map(|f| f.encode()).unwrap_or_default()
        })
        .collect();
    let mut target = synthetic(&c, 1);
    target.participants[0].answers.clear();
    target.participants[0].name = "Me".into();
    report(
        "merge 30 participant files (decode + import + evaluate)",
        &format!("{:.0} KB", files.iter().map(|f| f.len()).sum::<usize>() as f64 / 1024.0),
        50.0,
        measure(50, || {
            let mut a = target.clone();
            for f in &files {
                if let Ok(file) = decode_answers(f) {
                    let _ = a.apply(Action::ImportParticipant(file.participant));
                }
            }
            evaluate(&c, &a)
        }),
    );
}
