//! The editable Word report: a title page, the one-minute summary, the goals
//! cascade, the capability profile, the charts as pictures (drawn as PNG by
//! the page), the business view, the action plan by horizon, the notes and the
//! method. Real heading styles (they show in the navigation pane and can make
//! a table of contents), real tables and page breaks, so it edits like any
//! document. Every text goes in as text: nothing the user typed is markup.

use crate::domain::assessment::{initiative_key, step_key, Assessment, SizeBand};
use crate::domain::cascade::Cascade;
use crate::domain::plan::{executive_summary, Projection};
use crate::domain::results::{Horizon, Results, FLOOR_LEVEL_MEANS, INDICATIVE};
use crate::domain::roadmap::{later_line, shared_line};
use crate::domain::units::index_text;
use crate::domain::Catalog;
use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Footer, IndentLevel, Level, LevelJc, LevelText, LineSpacing,
    LineSpacingType, NumberFormat, Numbering, NumberingId, PageMargin, PageNum, Paragraph, Pic, Run, RunFonts, Shading,
    SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableCellMargins, TableRow, WidthType,
};

/// A chart as the page drew it: a PNG and its size in pixels.
pub struct ChartImage {
    pub title: String,
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// What the report is made from.
pub struct DocxInput<'a> {
    pub catalog: &'a Catalog,
    pub assessment: &'a Assessment,
    pub results: &'a Results,
    /// The result once the work `projection` counts is done.
    pub projected: &'a Results,
    pub projection: Projection,
    pub cascade: &'a Cascade,
    /// Pictures to place, by title: "Goals cascade", "Capability radar",
    /// "Gap to target", "Attribute heatmap", "Objective support".
    pub charts: &'a [ChartImage],
}

/// Text width of an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 2 * MARGIN as usize;
const MARGIN: i32 = 1134;
/// English Metric Units per twip.
const EMU_PER_TWIP: u32 = 635;
const BLUE: &str = "1F4E79";
/// The bullet list's numbering id (1 is the package's default decimal list).
const BULLETS: usize = 2;

/// The report as .docx bytes.
pub fn report(input: &DocxInput) -> Result<Vec<u8>, String> {
    let mut doc = base();
    for block in title_page(input)
        .into_iter()
        .chain(summary(input))
        .chain(cascade(input))
        .chain(profile(input))
        .chain(business(input))
        .chain(plan(input))
        .chain(notes(input))
        .chain(method(input))
    {
        doc = match block {
            Block::P(p) => doc.add_paragraph(*p),
            Block::T(t) => doc.add_table(*t),
        };
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| format!("the Word report could not be written: {e}"))?;
    Ok(out.into_inner())
}

/// A paragraph or a table, in document order.
enum Block {
    P(Box<Paragraph>),
    T(Box<Table>),
}

/// Page, fonts, the heading styles, bullets and the page-number footer.
fn base() -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .size(size)
            .bold()
            .color(BLUE)
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(if level == 0 { 360 } else { 200 }).after(80))
    };
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Right)
            .add_run(Run::new().add_text("ITSM capability assessment · page ").size(16).color("595959"))
            .add_page_num(PageNum::new())
            .size(16),
    );
    Docx::new()
        .page_size(11906, 16838)
        .page_margin(PageMargin::new().top(MARGIN).bottom(MARGIN).left(MARGIN).right(MARGIN))
        .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri").cs("Calibri"))
        .default_size(21)
        .default_line_spacing(LineSpacing::new().after(100).line(264).line_rule(LineSpacingType::Auto))
        .add_style(
            Style::new("Title", StyleType::Paragraph).name("Title").based_on("Normal").size(52).bold().color(BLUE),
        )
        .add_style(heading("Heading1", "heading 1", 32, 0))
        .add_style(heading("Heading2", "heading 2", 26, 1))
        .add_style(heading("Heading3", "heading 3", 22, 2))
        .add_style(Style::new("Caption", StyleType::Paragraph).name("caption").based_on("Normal").size(18).italic())
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(0, Start::new(1), NumberFormat::new("bullet"), LevelText::new("•"), LevelJc::new("left"))
                    .indent(Some(567), Some(SpecialIndentType::Hanging(283)), None, None),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .footer(footer)
}

/// Text fit for a document: no control characters (a line break becomes a
/// break in the run).
fn clean(s: &str) -> String {
    s.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect()
}

/// A run of `text`, its line breaks kept.
fn run(text: &str) -> Run {
    let text = clean(text);
    let mut r = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(line);
    }
    r
}

fn p(text: &str) -> Block {
    Block::P(Box::new(Paragraph::new().add_run(run(text))))
}

fn heading(level: usize, text: &str) -> Block {
    Block::P(Box::new(Paragraph::new().style(&format!("Heading{level}")).keep_next(true).add_run(run(text))))
}

fn bullet(text: &str) -> Block {
    Block::P(Box::new(Paragraph::new().numbering(NumberingId::new(BULLETS), IndentLevel::new(0)).add_run(run(text))))
}

/// "Label: text", the label bold.
fn labelled(label: &str, text: &str) -> Block {
    Block::P(Box::new(Paragraph::new().add_run(run(&format!("{label}: ")).bold()).add_run(run(text))))
}

fn page_break() -> Block {
    Block::P(Box::new(Paragraph::new().add_run(Run::new().add_break(BreakType::Page))))
}

/// A table with a shaded header row; `widths` are shares of the text width.
fn table(heads: &[&str], widths: &[usize], rows: Vec<Vec<String>>) -> Block {
    let total: usize = widths.iter().sum();
    let twips: Vec<usize> = widths.iter().map(|w| TEXT_WIDTH * w / total.max(1)).collect();
    let cell = |text: &str, w: usize, head: bool| {
        let r = if head { run(text).bold().color("FFFFFF") } else { run(text) };
        let para = Paragraph::new()
            .line_spacing(LineSpacing::new().after(0).line(240).line_rule(LineSpacingType::Auto))
            .add_run(r.size(18));
        let c = TableCell::new().width(w, WidthType::Dxa).add_paragraph(para);
        if head {
            c.shading(Shading::new().fill(BLUE))
        } else {
            c
        }
    };
    let mut out = vec![TableRow::new(heads.iter().zip(&twips).map(|(h, w)| cell(h, *w, true)).collect()).cant_split()];
    out.extend(
        rows.iter()
            .map(|row| TableRow::new(row.iter().zip(&twips).map(|(t, w)| cell(t, *w, false)).collect()).cant_split()),
    );
    let margins = TableCellMargins::new().margin(40, 85, 40, 85);
    Block::T(Box::new(Table::new(out).set_grid(twips).width(TEXT_WIDTH, WidthType::Dxa).margins(margins)))
}

/// The chart of this title as a picture the text width wide, with its caption.
fn figure(input: &DocxInput, title: &str, caption: &str) -> Vec<Block> {
    let Some(c) = input.charts.iter().find(|c| c.title == title && c.width > 0 && c.height > 0) else {
        return Vec::new();
    };
    let w = TEXT_WIDTH as u32 * EMU_PER_TWIP;
    let h = (u64::from(w) * u64::from(c.height) / u64::from(c.width)) as u32;
    let pic = Pic::new_with_dimensions(c.png.clone(), c.width, c.height).size(w, h);
    vec![
        Block::P(Box::new(Paragraph::new().keep_next(true).add_run(Run::new().add_image(pic)))),
        Block::P(Box::new(Paragraph::new().style("Caption").add_run(run(&format!("{title}. {caption}"))))),
    ]
}

fn level(l: Option<u8>) -> String {
    l.map_or_else(|| "–".to_string(), |l| l.to_string())
}

fn index(m: Option<f64>) -> String {
    m.map_or_else(|| "–".to_string(), crate::domain::results::index_text)
}

fn title_page(input: &DocxInput) -> Vec<Block> {
    let a = input.assessment;
    let o = &a.organization;
    let mut out = vec![
        Block::P(Box::new(
            Paragraph::new()
                .line_spacing(LineSpacing::new().before(2400))
                .add_run(Run::new().add_text("ITSM capability assessment").size(28).color("595959")),
        )),
        Block::P(Box::new(Paragraph::new().style("Title").add_run(run(&a.name)))),
    ];
    let org = if o.name.trim().is_empty() { "Organization not named" } else { o.name.as_str() };
    out.push(Block::P(Box::new(Paragraph::new().add_run(run(org).bold().size(28)))));
    let mut facts = vec![o.size.map(SizeBand::label).unwrap_or("size not given").to_string()];
    if !o.sector.trim().is_empty() {
        facts.push(o.sector.clone());
    }
    if !a.date.is_empty() {
        facts.push(format!("assessed {}", a.date));
    }
    facts.push(a.mode.label().to_string());
    out.push(p(&facts.join(" · ")));
    if !o.context.trim().is_empty() {
        out.push(p(&o.context));
    }
    let people: Vec<&str> = a.participants.iter().map(|x| x.name.as_str()).collect();
    if !people.is_empty() {
        out.push(labelled("Participants", &people.join(", ")));
    }
    out.push(labelled("Catalog", &format!("{} · version {}", input.catalog.name, input.catalog.version)));
    out.push(Block::P(Box::new(Paragraph::new().add_run(run(INDICATIVE).italic().color("595959")))));
    out.push(page_break());
    out
}

fn summary(input: &DocxInput) -> Vec<Block> {
    let (a, r, then) = (input.assessment, input.results, input.projected);
    let s = executive_summary(a, r);
    let mut out = vec![heading(1, "In one minute")];
    out.push(table(
        &["Figure", "Today", &format!("Best case if {}", input.projection.label())],
        &[4, 3, 3],
        vec![
            vec!["Floor level".into(), level(r.floor_level), level(then.floor_level)],
            vec!["Mean capability index".into(), index(r.mean_index), index(then.mean_index)],
            vec![
                "Processes at target".into(),
                format!("{} of {}", s.at_target, s.with_target),
                format!("{} of {}", then.targets_met().0, then.targets_met().1),
            ],
            vec!["Questions answered".into(), crate::domain::results::percent_text(s.completion), "–".into()],
        ],
    ));
    out.push(Block::P(Box::new(Paragraph::new().add_run(run(FLOOR_LEVEL_MEANS).size(18).color("595959")))));
    if s.at_risk.is_empty() {
        let all = if s.rated_objectives == 0 {
            "No rated objective has a process in scope yet."
        } else {
            "Every rated objective is supported at 70 % or more."
        };
        out.push(p(all));
    } else {
        out.push(heading(2, "The least supported objectives"));
        for o in &s.at_risk {
            let by = if o.weakest.is_empty() {
                String::new()
            } else {
                format!(" Furthest behind target: {}.", o.weakest.join(", "))
            };
            out.push(bullet(&format!("{} — {:.0} % support, {}.{by}", o.name, o.support, o.band.label())));
        }
    }
    if !s.first_steps.is_empty() {
        out.push(heading(2, "The first steps"));
        for f in &s.first_steps {
            let plan = f.plan.as_ref().map(|p| format!(" — {}", p.line())).unwrap_or_default();
            out.push(bullet(&format!("{} ({}){plan}", f.what, f.horizon.label())));
        }
    }
    out
}

/// Objective → decisions → services → processes, as the picture shows it.
fn cascade(input: &DocxInput) -> Vec<Block> {
    let c = input.cascade;
    let mut out = vec![heading(1, "From business objectives to processes")];
    if c.columns[0].is_empty() {
        out.push(p("No strategy decision links a rated objective to a service yet, so there is no cascade to show. \
             Processes were judged on the objectives and answers alone."));
        return out;
    }
    out.push(p(
        "Each rated objective is pursued through strategy decisions; those rely on IT services, and the services \
         make these processes relevant.",
    ));
    out.extend(figure(input, "Goals cascade", "Thicker lines carry more weight."));
    let linked = |column: usize, from: usize| -> Vec<usize> {
        c.links.iter().filter(|l| l.column == column && l.from == from).map(|l| l.to).collect()
    };
    let names = |column: usize, ids: &[usize]| -> String {
        // Items of a list: a decision written as a sentence loses its full stop ("delivery; Take …").
        let mut v: Vec<&str> =
            ids.iter().filter_map(|i| c.columns[column].get(*i)).map(|n| n.label.trim_end_matches('.')).collect();
        v.dedup();
        if v.is_empty() {
            "–".into()
        } else {
            v.join("; ")
        }
    };
    let rows = c.columns[0]
        .iter()
        .enumerate()
        .map(|(oi, o)| {
            let decisions = linked(0, oi);
            let mut services: Vec<usize> = decisions.iter().flat_map(|d| linked(1, *d)).collect();
            services.sort_unstable();
            services.dedup();
            let mut processes: Vec<usize> = services.iter().flat_map(|s| linked(2, *s)).collect();
            processes.sort_unstable();
            processes.dedup();
            vec![o.label.clone(), names(1, &decisions), names(2, &services), names(3, &processes)]
        })
        .collect();
    out.push(table(&["Objective", "Strategy decisions", "Services", "Processes raised"], &[3, 4, 3, 4], rows));
    if c.more_processes > 0 {
        out.push(p(&format!(
            "{} more in-scope processes are raised through these services; the profile lists them all.",
            c.more_processes
        )));
    }
    out
}

fn profile(input: &DocxInput) -> Vec<Block> {
    let (a, r) = (input.assessment, input.results);
    let mut out = vec![heading(1, "Scope, targets and capability")];
    out.push(p("The processes in scope, in the order the roadmap takes them (the largest gaps of the most relevant \
                processes first)."));
    let rows = r
        .in_scope_by_priority()
        .into_iter()
        .map(|p| {
            let rationale = a.scope.get(&p.id).map(|d| d.rationale.trim().to_string()).unwrap_or_default();
            let why = if rationale.is_empty() { p.relevance.top_reasons(2).join("; ") } else { rationale };
            let target = p.target_note().map_or_else(|| p.target.to_string(), |n| format!("{} {n}", p.target));
            let then = input.projected.process(&p.id).map_or("–".into(), |x| x.level.to_string());
            let level = format!("{}{}", p.level, if p.provisional { " (provisional)" } else { "" });
            vec![p.name.clone(), target, level, index_text(p.index), then, why]
        })
        .collect();
    out.push(table(
        &["Process", "Target", "Level", "Index", "Best case", "Rationale or main reasons"],
        &[10, 4, 4, 4, 4, 16],
        rows,
    ));
    let left_out: Vec<Vec<String>> = r
        .processes
        .iter()
        .filter(|p| !p.in_scope)
        .filter_map(|p| {
            let d = a.scope.get(&p.id)?;
            let why = if d.rationale.trim().is_empty() { "No reason given." } else { d.rationale.trim() };
            Some(vec![p.name.clone(), why.to_string()])
        })
        .collect();
    if !left_out.is_empty() {
        out.push(heading(2, "Left out of scope, and why"));
        out.push(table(&["Process", "Reason"], &[10, 26], left_out));
    }
    out.push(heading(2, "Charts"));
    out.extend(figure(
        input,
        "Capability radar",
        "Capability index of each process in scope against its target level.",
    ));
    out.extend(figure(input, "Gap to target", "Processes by priority; the bar is the distance to the target."));
    out.extend(figure(input, "Attribute heatmap", "Each process attribute rated N, P, L or F."));
    out
}

fn business(input: &DocxInput) -> Vec<Block> {
    let r = input.results;
    let name = |pid: &String| r.process(pid).map_or_else(|| pid.clone(), |p| p.name.clone());
    let mut out = vec![heading(1, "What it means for the business")];
    out.push(p("How well the processes each objective depends on reach their targets, weighted by how much each \
         process matters to it."));
    let rows = r
        .objectives_by_risk()
        .into_iter()
        .map(|o| {
            let then = input.projected.objectives.iter().find(|x| x.id == o.id).and_then(|x| x.support);
            let pct = |s: Option<f64>| s.map_or_else(|| "–".into(), |s| format!("{s:.0} %"));
            vec![
                o.name.clone(),
                o.importance.to_string(),
                pct(o.support),
                o.band().map_or("no process in scope", |b| b.label()).to_string(),
                pct(then),
                o.weakest.iter().map(name).collect::<Vec<_>>().join(", "),
            ]
        })
        .collect();
    out.push(table(
        &["Objective", "Importance", "Support", "Band", "Best case", "Furthest behind target"],
        &[7, 6, 4, 5, 4, 11],
        rows,
    ));
    out.extend(figure(
        input,
        "Objective support",
        "One bar per rated objective: how far the processes it relies on support it today.",
    ));
    out
}

fn plan(input: &DocxInput) -> Vec<Block> {
    let (a, r) = (input.assessment, input.results);
    let mut out = vec![page_break(), heading(1, "Action plan")];
    if r.roadmap.is_empty() && r.initiatives.is_empty() {
        out.push(p("Every process in scope is at its target: there is nothing to plan."));
        return out;
    }
    out.push(p("The steps in the order to take them: each brings one process up one level, lowest levels and most \
         important processes first. Work that several processes need in the same form is one shared initiative, \
         listed once after the steps of its horizon."));
    let plan_line = |key: String| {
        a.plan.get(&key).map(|e| {
            let note = if e.note.trim().is_empty() { String::new() } else { format!(" — {}", e.note.trim()) };
            format!("{}{note}", e.line())
        })
    };
    for h in [Horizon::Now, Horizon::Next, Horizon::Later] {
        let steps: Vec<_> = r.roadmap.iter().filter(|s| s.horizon == h).collect();
        let shared: Vec<_> = r.initiatives_in(h).collect();
        if steps.is_empty() && shared.is_empty() {
            continue;
        }
        out.push(heading(2, h.label()));
        for s in steps {
            out.push(heading(3, &format!("{} → level {}", s.process_name, s.level)));
            if let Some(line) = plan_line(step_key(&s.process, s.level)) {
                out.push(labelled("Plan", &line));
            }
            for x in &s.actions {
                let effort = x.effort.map(|e| format!(" · {}", e.label())).unwrap_or_default();
                out.push(bullet(&format!("{}{effort}", x.text)));
            }
            if let Some(line) = shared_line(r, s) {
                out.push(p(&line));
            }
        }
        for (n, i) in shared {
            out.push(heading(3, &format!("Shared initiative #{n}: {}", i.title)));
            out.push(labelled("For", &i.served()));
            if let Some(line) = plan_line(initiative_key(&i.id)) {
                out.push(labelled("Plan", &line));
            }
            let effort = i.effort.map(|e| format!(" · {} for each process", e.label())).unwrap_or_default();
            out.push(p(&format!("{}{effort}", i.text)));
            if let Some(later) = later_line(r, i) {
                out.push(p(&later));
            }
        }
    }
    out
}

fn notes(input: &DocxInput) -> Vec<Block> {
    let list = &input.results.notes;
    let agreed = crate::domain::workshop::agreed_lines(input.assessment, input.results);
    if list.is_empty() && agreed.is_empty() {
        return Vec::new();
    }
    let mut out = vec![page_break(), heading(1, "Notes and evidence")];
    if !agreed.is_empty() {
        let rows = agreed
            .iter()
            .map(|l| {
                vec![
                    l.process.clone(),
                    l.question.clone(),
                    l.answer.code().to_string(),
                    l.answers.clone(),
                    l.note.clone(),
                ]
            })
            .collect();
        out.push(heading(2, "Agreed in the workshop"));
        out.push(table(&["Process", "Question", "Agreed", "The answers were", "Why"], &[3, 6, 1, 2, 6], rows));
    }
    if list.is_empty() {
        return out;
    }
    let rows = list
        .iter()
        .map(|n| {
            vec![
                n.process.clone(),
                n.question.clone(),
                n.answer.map_or("–", |x| x.code()).to_string(),
                n.participant.clone(),
                n.note.clone(),
            ]
        })
        .collect();
    if !agreed.is_empty() {
        out.push(heading(2, "Notes"));
    }
    out.push(table(&["Process", "Question", "Answer", "Who", "Note"], &[3, 6, 1, 2, 6], rows));
    out
}

fn method(input: &DocxInput) -> Vec<Block> {
    let c = input.catalog;
    vec![
        heading(1, "Method"),
        p("Each process in scope was assessed against the process attributes of ISO/IEC 33020, from performance \
           (PA 1.1) up to continuous improvement (PA 5.2). Each question was answered N (not), P (partly), L (largely) \
           or F (fully in place); questions that do not apply are left out of the rating instead of counting as zero."),
        p("An attribute's achievement is the mean of its answers (N 0 %, P 33 %, L 67 %, F 100 %; \"don't know\" \
           counts as unanswered) and is rated N up to 15 %, P up to 50 %, L up to 85 % and F above. A process reaches \
           a level when that level's attributes are rated at least L and every attribute of the levels below is F. \
           The index adds the progress towards the next level to the level reached. A level resting on fewer than \
           half of its questions answered is marked provisional."),
        p("Which processes are in scope, and their targets, follow from the business objectives, the strategy \
           decisions and the services that depend on IT; each is listed with its reasons and can be set by hand. \
           The best case scores the assessment again with every action of the chosen items (steps and shared initiatives) taken as fully in place."),
        labelled("Catalog", &format!("{} · version {}", c.name, c.version)),
        labelled("Caution", INDICATIVE),
        Block::P(Box::new(
            Paragraph::new().add_run(
                run(
                    "Made with ITSM Maturity in the browser: no data left the device it was entered on. Process names \
                 after FitSM and ITIL 4; the questions are the catalog's own.",
                )
                .size(18)
                .color("595959"),
            ),
        )),
    ]
}
