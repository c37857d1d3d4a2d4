//! Markdown: a verdict matrix and per-figure details, plain tables only.

use std::fmt::Write;

use super::{Options, Render, compared_ids, label, tally_line};
use crate::compare::{Comparison, Verdict};

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
            for id in &ids {
                let Some(cell) = row.cells.get(*id) else {
                    continue;
                };
                match &cell.figure {
                    Some(f) => {
                        let _ = writeln!(
                            o,
                            "- **{}**: {}: “{}” ({})",
                            md(id),
                            cell.verdict.as_str(),
                            md(&f.sentence),
                            md(&cell.why)
                        );
                    }
                    None => {
                        let _ = writeln!(o, "- **{}**: missing", md(id));
                    }
                }
            }
            let _ = writeln!(o);
        }
        o
    }
}
