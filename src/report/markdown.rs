//! Markdown: a verdict matrix and per-figure details, plain tables only.

use std::fmt::Write;

use super::{Options, Render, carried_note, compared_ids, label, tally_line, value_of};
use crate::compare::{Comparison, FigureRow, QuoteMatch, Verdict, WordOp};

pub struct Markdown;

/// Escapes text for a table cell or inline Markdown: no raw HTML, no broken tables.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.split_whitespace().collect::<Vec<_>>().join(" ").chars() {
        match c {
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// An autolink for http(s) URLs only (CommonMark would link `<javascript:…>` too);
/// anything else is escaped text.
fn autolink(url: &str) -> String {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    if (lower.starts_with("http://") || lower.starts_with("https://"))
        && !u.contains(|c: char| c.is_whitespace() || c == '<')
    {
        format!("<{}>", u.replace('>', "%3E"))
    } else {
        md(u)
    }
}

fn mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Agree => "✅ agree",
        Verdict::Compatible => "🟦 compatible",
        Verdict::Diverge => "❌ **diverge**",
        Verdict::Missing => "⬜ missing",
    }
}

impl Render for Markdown {
    fn render(&self, c: &Comparison, _: &Options) -> String {
        let mut o = String::new();
        let _ = writeln!(o, "# {}\n", md(&c.title));
        if let Some(a) = &c.reference.article {
            let _ = writeln!(
                o,
                "Reference: **{}** ({}), captured {}, version {}.\n",
                md(&a.title),
                autolink(&a.url),
                a.captured.format("%Y-%m-%d %H:%M UTC"),
                a.version
            );
        }
        let _ = writeln!(o, "**Summary:** {}\n", tally_line(c));

        let ids = compared_ids(c);
        let _ = writeln!(o, "## Figures\n");
        let _ = write!(o, "| Reference figure |");
        for id in &ids {
            let _ = write!(o, " {} |", md(id));
        }
        let _ = write!(o, "\n|---|");
        for _ in &ids {
            let _ = write!(o, "---|");
        }
        let _ = writeln!(o);
        for row in &c.rows {
            let _ = write!(o, "| {} |", md(&label(&row.reference)));
            for id in &ids {
                let cell = row.cells.get(*id);
                let text = cell.map_or(String::new(), |cell| {
                    let v = cell
                        .figure
                        .as_ref()
                        .map(|f| format!(" ({})", md(&f.text)))
                        .unwrap_or_default();
                    format!("{}{v}", mark(cell.verdict))
                });
                let _ = write!(o, " {text} |");
            }
            let _ = writeln!(o);
        }

        let _ = writeln!(o, "\n## Outlets\n");
        let _ = writeln!(o, "| Outlet | Status | Article |\n|---|---|---|");
        for s in &c.outlets {
            let art = match (&s.article, &s.error) {
                (Some(a), _) => format!("{} ({})", md(&a.title), md(&a.url)),
                (None, Some(e)) => md(e),
                _ => String::new(),
            };
            let _ = writeln!(o, "| {} | {} | {} |", md(&s.name), s.status.as_str(), art);
        }

        let _ = writeln!(o, "\n## Details\n");
        for row in &c.rows {
            let _ = writeln!(o, "### {}\n", md(&label(&row.reference)));
            let _ = writeln!(o, "> {}\n", md(&row.reference.sentence));
            if let Some(d) = &row.derivation {
                let _ = writeln!(o, "Derived: {}\n", md(&d.how));
            }
            let _ = writeln!(o, "Corroboration: {}\n", md(&corroboration(row)));
            for id in &ids {
                let Some(cell) = row.cells.get(*id) else {
                    continue;
                };
                match &cell.figure {
                    Some(f) => {
                        let derived = match &cell.derivation {
                            Some(d) => format!(", derived: {}", md(&d.how)),
                            None => String::new(),
                        };
                        let _ = writeln!(
                            o,
                            "- **{}**: {}: “{}” ({}{derived}; score {}; snapshot v{} {}, {})",
                            md(id),
                            cell.verdict.as_str(),
                            md(&f.sentence),
                            md(&cell.why),
                            cell.score.unwrap_or(0.0),
                            cell.evidence.version,
                            cell.evidence.captured.format("%Y-%m-%d %H:%M UTC"),
                            md(&cell.evidence.hash)
                        );
                    }
                    None => {
                        let _ = writeln!(o, "- **{}**: missing", md(id));
                    }
                }
            }
            let _ = writeln!(o);
        }
        sources(&mut o, c);
        quotes(&mut o, c);
        framing(&mut o, c);
        history(&mut o, c);
        o
    }
}

/// "2 agree (1 independent), 1 diverge; first: 37 by reference (published …)".
fn corroboration(row: &FigureRow) -> String {
    let c = &row.corroboration;
    let counts: Vec<String> = Verdict::ALL
        .iter()
        .map(|v| {
            let n = c.outlets.get(v).copied().unwrap_or(0);
            let i = c.independent.get(v).copied().unwrap_or(0);
            format!("{n} {} ({i} independent)", v.as_str())
        })
        .collect();
    let first: Vec<String> = c
        .first
        .iter()
        .map(|f| {
            format!(
                "{} by {} ({} {})",
                value_of(row.reference.kind, &f.value),
                f.outlet,
                f.basis,
                f.at
            )
        })
        .collect();
    format!("{}; first: {}", counts.join(", "), first.join("; "))
}

fn sources(o: &mut String, c: &Comparison) {
    let _ = writeln!(o, "## Independent sources\n");
    let _ = writeln!(o, "| Source | Articles | Containment |\n|---|---|---|");
    for (i, g) in c.sources.iter().enumerate() {
        let sim = g.similarity.map(|s| format!("{s:.2}")).unwrap_or_default();
        let _ = writeln!(o, "| {} | {} | {sim} |", i + 1, md(&g.members.join(", ")));
    }
    if !c.inconsistencies.is_empty() {
        let _ = writeln!(o, "\n## Numbers that contradict their own article\n");
        for (id, list) in &c.inconsistencies {
            for i in list {
                let _ = writeln!(
                    o,
                    "- **{}**: {} (“{}”)",
                    md(id),
                    md(&i.how),
                    md(&i.stated.sentence)
                );
            }
        }
    }
    let _ = writeln!(o);
}

/// A word diff with removed words struck through and added ones in bold.
fn diff(ops: &[WordOp]) -> String {
    ops.iter()
        .map(|w| {
            let t = md(&w.text);
            let pad = |s: String| {
                let lead = if w.text.starts_with(' ') { " " } else { "" };
                let trail = if w.text.ends_with(' ') { " " } else { "" };
                format!("{lead}{s}{trail}")
            };
            match w.op.as_str() {
                "delete" if !t.is_empty() => pad(format!("~~{t}~~")),
                "insert" if !t.is_empty() => pad(format!("**{t}**")),
                _ => pad(t),
            }
        })
        .collect()
}

fn quotes(o: &mut String, c: &Comparison) {
    if c.quotes.is_empty() {
        return;
    }
    let ids = compared_ids(c);
    let _ = writeln!(o, "## Quotes\n");
    for q in &c.quotes {
        let who = q.reference.speaker.as_deref().unwrap_or("unattributed");
        let _ = writeln!(o, "> “{}” — {}\n", md(&q.reference.text), md(who));
        if q.carried_by == 0 && q.comparable > 0 {
            let _ = writeln!(o, "Carried by no outlet that could be judged.\n");
        }
        for id in &ids {
            let Some(cell) = q.cells.get(*id) else {
                continue;
            };
            let detail = match (cell.status, &cell.quote) {
                (QuoteMatch::OtherSpeaker, Some(oq)) => format!(
                    "**same words, other speaker**: {}",
                    md(oq.speaker.as_deref().unwrap_or("?"))
                ),
                (QuoteMatch::Reworded, Some(_)) => format!("reworded: {}", diff(&cell.diff)),
                (QuoteMatch::Translated, Some(oq)) => {
                    format!("**translated**: “{}”", md(&oq.text))
                }
                (status, _) => status.as_str().replace('_', " "),
            };
            let note = carried_note(cell)
                .map(|n| format!(" ({})", md(&n)))
                .unwrap_or_default();
            let _ = writeln!(o, "- **{}**: {detail}{note}", md(id));
        }
        let _ = writeln!(o);
    }
    for (id, extra) in c.quote_extras.iter().filter(|(_, v)| !v.is_empty()) {
        let _ = writeln!(
            o,
            "Quotes in **{}** that the reference does not carry:\n",
            md(id)
        );
        for q in extra {
            let who = q.speaker.as_deref().unwrap_or("unattributed");
            let _ = writeln!(o, "- “{}” — {}", md(&q.text), md(who));
        }
        let _ = writeln!(o);
    }
}

/// Articles that changed since first captured, with each version's labelled changes.
fn history(o: &mut String, c: &Comparison) {
    if c.history.is_empty() {
        return;
    }
    let _ = writeln!(o, "## Changed since first captured\n");
    for h in &c.history {
        let _ = writeln!(o, "- **{}** ({})", md(&h.outlet), autolink(&h.url));
        for v in h.versions.iter().skip(1) {
            let labels: Vec<String> = v
                .changes
                .iter()
                .map(|ch| format!("{}: {}", ch.kind.label(), md(&ch.detail)))
                .collect();
            let _ = writeln!(
                o,
                "  - v{} ({}): {}",
                v.version,
                v.captured.format("%Y-%m-%d %H:%M UTC"),
                if labels.is_empty() {
                    "reworded".to_string()
                } else {
                    labels.join("; ")
                }
            );
        }
        for e in &h.events {
            let _ = writeln!(
                o,
                "  - {} {}: {}",
                e.time.format("%Y-%m-%d %H:%M UTC"),
                e.kind.as_str(),
                md(e.detail.as_deref().unwrap_or(""))
            );
        }
    }
    let _ = writeln!(o);
}

fn framing(o: &mut String, c: &Comparison) {
    let comparable: Vec<_> = c.framing.iter().filter(|(_, f)| f.comparable).collect();
    if comparable.is_empty() {
        return;
    }
    let _ = writeln!(o, "## Framing against the reference\n");
    let _ = writeln!(
        o,
        "Densities are hits per 1,000 words. An outlet marked *other language* is set \
         beside the reference through the bilingual label sets and each language's own \
         lexicon; its distinctive words are not computed (log-odds across two languages \
         compares vocabularies, not framing).\n"
    );
    for (id, f) in comparable {
        let mark = if f.across_languages {
            " (other language)"
        } else {
            ""
        };
        let _ = writeln!(o, "### {}{mark}\n", md(id));
        let _ = writeln!(o, "| Category | Reference | Outlet |\n|---|---|---|");
        for d in &f.densities {
            let _ = writeln!(
                o,
                "| {} | {:.1} | {:.1} |",
                md(&d.category),
                d.reference,
                d.outlet
            );
        }
        let _ = writeln!(o);
        for l in &f.labels {
            let side = |terms: &[String], neutral: usize| {
                if terms.is_empty() {
                    format!("“{}” ({neutral} times)", md(&l.neutral))
                } else {
                    md(&terms.join(", "))
                }
            };
            let _ = writeln!(
                o,
                "- Label: the reference says {}, the outlet says {}",
                side(&l.reference, l.reference_neutral),
                side(&l.outlet, l.outlet_neutral)
            );
        }
        if !f.scare_quotes_reference.is_empty() || !f.scare_quotes_outlet.is_empty() {
            let _ = writeln!(
                o,
                "- Scare quotes: reference {}; outlet {}",
                md(&f.scare_quotes_reference.join(", ")),
                md(&f.scare_quotes_outlet.join(", "))
            );
        }
        let _ = writeln!(
            o,
            "- Headline framing terms: reference {}; outlet {}",
            md(&f.headline_reference.join(", ")),
            md(&f.headline_outlet.join(", "))
        );
        if !f.distinctive.is_empty() {
            let terms: Vec<String> = f
                .distinctive
                .iter()
                .map(|t| format!("{} (z {:+.2})", md(&t.term), t.z))
                .collect();
            let _ = writeln!(
                o,
                "- Distinctive words (weighted log-odds): {}",
                terms.join(", ")
            );
        }
        let _ = writeln!(o);
    }
}
