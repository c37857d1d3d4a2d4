//! One self-contained HTML page: no scripts, no external assets. Every piece of page
//! content goes through [`esc`]; links are emitted only for http(s) URLs.

use std::fmt::Write;

use super::{Options, Render, compared_ids, label, tally_line};
use crate::compare::{Comparison, Verdict};

pub struct Html;

/// Escapes text for HTML element content and double-quoted attributes.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A link when the URL is http(s), else the escaped text (no `javascript:` hrefs).
fn link(url: &str, text: &str) -> String {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
            esc(url.trim()),
            esc(text)
        )
    } else {
        esc(text)
    }
}

const CSS: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b}\
table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}\
th{background:#f3f3f3}td.agree{background:#d8f3dc}td.compatible{background:#dbeafe}td.diverge{background:#fecaca;font-weight:600}\
td.missing{background:#f4f4f5;color:#666}.sent{color:#444;font-size:.9em}.muted{color:#777}.st-ok{color:#166534}.st-error{color:#b91c1c}.st-not_found{color:#a16207}";

fn cell_class(v: Verdict) -> &'static str {
    v.as_str()
}

impl Render for Html {
    fn render(&self, c: &Comparison, _: &Options) -> String {
        let mut o = String::new();
        let _ = write!(
            o,
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{} · storydiff</title><style>{CSS}</style></head><body>\n",
            esc(&c.title)
        );
        let _ = writeln!(o, "<h1>{}</h1>", esc(&c.title));
        if let Some(a) = &c.reference.article {
            let _ = writeln!(
                o,
                "<p>Reference: {} <span class=\"muted\">captured {} · version {} · {}</span></p>",
                link(&a.url, &a.title),
                a.captured.format("%Y-%m-%d %H:%M UTC"),
                a.version,
                esc(&a.hash)
            );
        }
        let _ = writeln!(
            o,
            "<p><strong>Summary:</strong> {}</p>",
            esc(&tally_line(c))
        );

        let ids = compared_ids(c);
        let _ = writeln!(
            o,
            "<h2>Figures</h2>\n<table id=\"matrix\"><thead><tr><th>Reference figure</th>"
        );
        for id in &ids {
            let _ = write!(o, "<th>{}</th>", esc(id));
        }
        let _ = writeln!(o, "</tr></thead><tbody>");
        for row in &c.rows {
            let _ = write!(
                o,
                "<tr><th>{}<div class=\"sent\">{}</div></th>",
                esc(&label(&row.reference)),
                esc(&row.reference.sentence)
            );
            for id in &ids {
                match row.cells.get(*id) {
                    Some(cell) => {
                        let detail = cell
                            .figure
                            .as_ref()
                            .map(|f| {
                                format!(
                                    "<div>{}</div><div class=\"sent\">{}</div>",
                                    esc(&f.text),
                                    esc(&f.sentence)
                                )
                            })
                            .unwrap_or_default();
                        let _ = write!(
                            o,
                            "<td class=\"{}\" data-outlet=\"{}\" title=\"{}\">{}{detail}</td>",
                            cell_class(cell.verdict),
                            esc(id),
                            esc(&cell.why),
                            cell.verdict.as_str()
                        );
                    }
                    None => o.push_str("<td></td>"),
                }
            }
            let _ = writeln!(o, "</tr>");
        }
        let _ = writeln!(o, "</tbody></table>");

        let _ = writeln!(
            o,
            "<h2>Outlets</h2>\n<table id=\"outlets\"><thead><tr><th>Outlet</th><th>Status</th><th>Article</th><th>Captured</th></tr></thead><tbody>"
        );
        for s in &c.outlets {
            let (art, cap) = match (&s.article, &s.error) {
                (Some(a), _) => (
                    link(&a.url, &a.title),
                    format!(
                        "{} · v{}",
                        a.captured.format("%Y-%m-%d %H:%M UTC"),
                        a.version
                    ),
                ),
                (None, Some(e)) => (esc(e), String::new()),
                _ => (String::new(), String::new()),
            };
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td class=\"st-{}\">{}</td><td>{art}</td><td>{cap}</td></tr>",
                esc(&s.name),
                s.status.as_str(),
                s.status.as_str()
            );
        }
        let _ = writeln!(o, "</tbody></table>");

        let extras: Vec<_> = c.extras.iter().filter(|(_, v)| !v.is_empty()).collect();
        if !extras.is_empty() {
            let _ = writeln!(o, "<h2>Figures not in the reference</h2><ul>");
            for (id, figs) in extras {
                let list: Vec<String> = figs.iter().map(|f| esc(&f.text)).collect();
                let _ = writeln!(
                    o,
                    "<li><strong>{}</strong>: {}</li>",
                    esc(id),
                    list.join("; ")
                );
            }
            let _ = writeln!(o, "</ul>");
        }
        let _ = writeln!(
            o,
            "<p class=\"muted\">Generated {} by storydiff {}.</p></body></html>",
            c.generated.to_rfc3339(),
            env!("CARGO_PKG_VERSION")
        );
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_refuses_script_links() {
        assert_eq!(esc("<script>\"x'&"), "&lt;script&gt;&quot;x&#39;&amp;");
        assert_eq!(link("javascript:alert(1)", "t"), "t");
        assert!(link("https://a.test/?q=\"><b>", "x").contains("&quot;&gt;&lt;b&gt;"));
    }
}
