//! Plain text for a terminal: fits 100 columns; ANSI colours only when asked.

use std::fmt::Write;

use super::{Options, Render, compared_ids, label, tally_line};
use crate::compare::{Comparison, Status, Verdict};

pub struct Text;

const WIDTH: usize = 100;

/// Cuts `s` to `n` characters, marking the cut with an ellipsis.
fn fit(s: &str, n: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn paint(s: &str, code: &str, opts: &Options) -> String {
    if opts.color {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

fn verdict(v: Verdict, opts: &Options) -> String {
    let (word, code) = match v {
        Verdict::Agree => ("agree", "32"),
        Verdict::Compatible => ("compatible", "36"),
        Verdict::Diverge => ("DIVERGE", "1;31"),
        Verdict::Missing => ("missing", "2"),
    };
    paint(&format!("{word:<10}"), code, opts)
}

impl Render for Text {
    fn render(&self, c: &Comparison, opts: &Options) -> String {
        let mut o = String::new();
        let _ = writeln!(
            o,
            "{}",
            paint(
                &fit(&format!("storydiff: {} ({})", c.title, c.story), WIDTH),
                "1",
                opts
            )
        );
        if let Some(a) = &c.reference.article {
            let _ = writeln!(o, "Reference: {}", fit(&a.title, WIDTH - 11));
            let _ = writeln!(o, "           {}", fit(&a.url, WIDTH - 11));
            let _ = writeln!(
                o,
                "           captured {} · v{} · {} figures",
                a.captured.format("%Y-%m-%d %H:%M UTC"),
                a.version,
                c.reference.claims.figures.len()
            );
        }
        let idw = c
            .outlets
            .iter()
            .map(|s| s.id.chars().count())
            .max()
            .unwrap_or(6)
            .clamp(6, 24);

        let _ = writeln!(o, "\nOutlets");
        for s in &c.outlets {
            let status = match s.status {
                Status::Ok => paint("ok        ", "32", opts),
                Status::NotFound => paint("not found ", "33", opts),
                Status::Error => paint("error     ", "31", opts),
            };
            let detail = match (&s.article, &s.error) {
                (Some(a), _) => format!("{} [{}]", a.title, a.lang.as_deref().unwrap_or("?")),
                (None, Some(e)) => e.clone(),
                (None, None) => String::new(),
            };
            let _ = writeln!(
                o,
                "  {:<idw$}  {status}{}",
                s.id,
                fit(&detail, WIDTH - idw - 14)
            );
            if let Some(a) = &s.article {
                let _ = writeln!(
                    o,
                    "  {:<idw$}            {}",
                    "",
                    fit(&a.url, WIDTH - idw - 14)
                );
            }
        }

        let ids = compared_ids(c);
        let _ = writeln!(o, "\nFigures: reference against each outlet");
        if c.rows.is_empty() {
            let _ = writeln!(o, "  (the reference states no figures)");
        }
        for row in &c.rows {
            let _ = writeln!(
                o,
                "\n  {}",
                paint(&fit(&label(&row.reference), WIDTH - 2), "1", opts)
            );
            let _ = writeln!(o, "    “{}”", fit(&row.reference.sentence, WIDTH - 6));
            for id in &ids {
                let Some(cell) = row.cells.get(*id) else {
                    continue;
                };
                let what = cell
                    .figure
                    .as_ref()
                    .map(|f| format!("{}  · {}", f.text, cell.why))
                    .unwrap_or_default();
                let _ = writeln!(
                    o,
                    "    {:<idw$}  {} {}",
                    id,
                    verdict(cell.verdict, opts),
                    fit(&what, WIDTH - idw - 17)
                );
            }
        }

        let extras: Vec<_> = c.extras.iter().filter(|(_, v)| !v.is_empty()).collect();
        if !extras.is_empty() {
            let _ = writeln!(o, "\nFigures not in the reference");
            for (id, figs) in extras {
                let list = figs
                    .iter()
                    .map(|f| f.text.as_str())
                    .collect::<Vec<_>>()
                    .join("; ");
                let _ = writeln!(o, "  {:<idw$}  {}", id, fit(&list, WIDTH - idw - 4));
            }
        }

        let _ = writeln!(o, "\nSummary: {}", tally_line(c));
        o
    }
}
