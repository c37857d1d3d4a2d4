//! One self-contained HTML page: no scripts, no external assets, charts as inline SVG.
//! Every piece of page content goes through [`esc`]; links are emitted only for
//! http(s) URLs, so a hostile page cannot inject markup, handlers or `javascript:`.

use std::fmt::Write;

use super::{Options, Render, carried_note, compared_ids, label, tally_line, value_of};
use crate::claims::Figure;
use crate::compare::{
    ArticleInfo, Cell, Comparison, Density, Evidence, FramingContrast, QuoteMatch, Subject,
    Verdict, WordOp,
};

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

/// The sentence with the figure's words marked (first occurrence), escaped.
fn marked(sentence: &str, f: &Figure) -> String {
    match sentence
        .find(f.text.as_str())
        .filter(|_| !f.text.is_empty())
    {
        Some(i) => format!(
            "{}<mark>{}</mark>{}",
            esc(&sentence[..i]),
            esc(&f.text),
            esc(&sentence[i + f.text.len()..])
        ),
        None => esc(sentence),
    }
}

/// The first `n` hex digits of a `sha256:` hash, for display.
fn short_hash(h: &str) -> &str {
    let end = h.len().min("sha256:".len() + 12);
    h.get(..end).unwrap_or(h)
}

const CSS: &str = "\
:root{--agree:#d8f3dc;--compatible:#dbeafe;--diverge:#fecaca;--missing:#f4f4f5}\
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:78rem;padding:0 1rem;color:#1b1b1b}\
h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}\
table{border-collapse:collapse;margin:1rem 0;width:100%}\
th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}\
thead th{background:#f3f3f3}tbody th{font-weight:600;background:#fafafa;min-width:14rem}\
td.agree{background:var(--agree)}td.compatible{background:var(--compatible)}\
td.diverge{background:var(--diverge);font-weight:600}td.missing{background:var(--missing);color:#666}\
.badge{display:inline-block;padding:0 .4rem;border-radius:.6rem;font-size:.8em;border:1px solid #bbb}\
.badge.agree{background:var(--agree)}.badge.compatible{background:var(--compatible)}\
.badge.diverge{background:var(--diverge)}.badge.missing{background:var(--missing)}\
.sent{color:#444;font-size:.9em}.muted{color:#777;font-size:.9em}mark{background:#fde68a;padding:0 .1rem}\
.side{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:.6rem;margin:.5rem 0 1rem}\
.side>div{border:1px solid #ddd;border-radius:.3rem;padding:.5rem}.side>div.ref{border-color:#888;background:#fafafa}\
details{margin:.4rem 0}summary{cursor:pointer}\
.st-ok{color:#166534}.st-error{color:#b91c1c}.st-not_found{color:#a16207}\
.charts{display:flex;flex-wrap:wrap;gap:1.2rem}.charts figure{margin:0;max-width:24rem}\
del{background:#fecaca;text-decoration:line-through}ins{background:#bbf7d0;text-decoration:none}\
.diff{font-family:ui-monospace,monospace;font-size:.85em;white-space:pre-wrap}\
.derived{font-style:italic;color:#555;font-size:.85em}\
@media print{details{display:block}summary{display:none}}";

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
        header(&mut o, c);
        matrix(&mut o, c);
        figure_details(&mut o, c);
        sources(&mut o, c);
        inconsistencies(&mut o, c);
        extras(&mut o, c);
        quotes(&mut o, c);
        framing(&mut o, c);
        history(&mut o, c);
        outlets(&mut o, c);
        let _ = writeln!(
            o,
            "<footer><p class=\"muted\">Generated {} by storydiff {} from the snapshots on disk.</p></footer></body></html>",
            c.generated.to_rfc3339(),
            env!("CARGO_PKG_VERSION")
        );
        o
    }
}

fn header(o: &mut String, c: &Comparison) {
    let _ = writeln!(o, "<header><h1>{}</h1>", esc(&c.title));
    let _ = writeln!(
        o,
        "<p class=\"muted\">Story <code>{}</code></p>",
        esc(&c.story)
    );
    if let Some(a) = &c.reference.article {
        let _ = writeln!(
            o,
            "<p>Reference: {} <span class=\"muted\">{}</span></p>",
            link(&a.url, &a.title),
            evidence(a)
        );
    }
    let _ = writeln!(
        o,
        "<p id=\"summary\"><strong>Summary:</strong> {}</p></header>",
        esc(&tally_line(c))
    );
}

/// Capture time, version and content hash: what a verdict rests on.
fn evidence(a: &ArticleInfo) -> String {
    format!(
        "captured {} · v{} · <code title=\"{}\">{}</code>",
        a.captured.format("%Y-%m-%d %H:%M UTC"),
        a.version,
        esc(&a.hash),
        esc(short_hash(&a.hash))
    )
}

fn badge(v: Verdict) -> String {
    format!("<span class=\"badge {0}\">{0}</span>", v.as_str())
}

fn matrix(o: &mut String, c: &Comparison) {
    let ids = compared_ids(c);
    let _ = writeln!(
        o,
        "<section><h2>Figures: the reference against each outlet</h2>\
         <p class=\"muted\">{} {} {} {} · hover a cell for why; details below.</p>",
        badge(Verdict::Agree),
        badge(Verdict::Compatible),
        badge(Verdict::Diverge),
        badge(Verdict::Missing)
    );
    let _ = write!(
        o,
        "<table id=\"matrix\"><thead><tr><th>Reference figure</th>"
    );
    for id in &ids {
        let _ = write!(o, "<th data-outlet=\"{0}\">{0}</th>", esc(id));
    }
    let _ = writeln!(o, "</tr></thead><tbody>");
    for (i, row) in c.rows.iter().enumerate() {
        let _ = write!(
            o,
            "<tr data-figure=\"{i}\"><th><a href=\"#fig-{i}\">{}</a>{}<div class=\"sent\">{}</div></th>",
            esc(&label(&row.reference)),
            row.derivation
                .as_ref()
                .map(|d| format!("<div class=\"derived\">derived: {}</div>", esc(&d.how)))
                .unwrap_or_default(),
            marked(&row.reference.sentence, &row.reference)
        );
        for id in &ids {
            match row.cells.get(*id) {
                Some(cell) => {
                    let mut text = cell
                        .figure
                        .as_ref()
                        .map(|f| format!("<div>{}</div>", esc(&f.text)))
                        .unwrap_or_default();
                    if cell.derived {
                        text.push_str("<div class=\"derived\">derived</div>");
                    }
                    let _ = write!(
                        o,
                        "<td class=\"{0}\" data-outlet=\"{1}\" data-verdict=\"{0}\" title=\"{2}\">{0}{text}</td>",
                        cell.verdict.as_str(),
                        esc(id),
                        esc(&cell.why),
                    );
                }
                None => o.push_str("<td></td>"),
            }
        }
        let _ = writeln!(o, "</tr>");
    }
    let _ = writeln!(o, "</tbody></table></section>");
}

/// Per reference figure: the sentences side by side with the figures marked, each
/// verdict's reason and the snapshot it rests on.
fn figure_details(o: &mut String, c: &Comparison) {
    if c.rows.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "<section id=\"details\"><h2>Each figure, side by side</h2>"
    );
    for (i, row) in c.rows.iter().enumerate() {
        let _ = writeln!(
            o,
            "<details id=\"fig-{i}\"{}><summary><strong>{}</strong> {}</summary><div class=\"side\">",
            if row.cells.values().any(|x| x.verdict == Verdict::Diverge) {
                " open"
            } else {
                ""
            },
            esc(&label(&row.reference)),
            row_tally(row.cells.values())
        );
        let first: Vec<String> = row
            .corroboration
            .first
            .iter()
            .map(|f| {
                format!(
                    "{} by {} ({} {})",
                    esc(&value_of(row.reference.kind, &f.value)),
                    esc(&f.outlet),
                    esc(&f.basis),
                    esc(&f.at)
                )
            })
            .collect();
        let independent: Vec<String> = row
            .corroboration
            .independent
            .iter()
            .map(|(v, n)| format!("{n} {}", v.as_str()))
            .collect();
        let _ = writeln!(
            o,
            "<div class=\"ref\"><strong>Reference</strong><p>{}</p>{}\
             <div class=\"muted\">Independent sources: {}</div><div class=\"muted\">First stated: {}</div></div>",
            marked(&row.reference.sentence, &row.reference),
            row.derivation
                .as_ref()
                .map(|d| format!("<div class=\"derived\">derived: {}</div>", esc(&d.how)))
                .unwrap_or_default(),
            if independent.is_empty() {
                "none".to_string()
            } else {
                esc(&independent.join(", "))
            },
            first.join("; ")
        );
        for s in &c.outlets {
            let Some(cell) = row.cells.get(&s.id) else {
                continue;
            };
            outlet_cell(o, s, cell);
        }
        let _ = writeln!(o, "</div></details>");
    }
    let _ = writeln!(o, "</section>");
}

fn row_tally<'a>(cells: impl Iterator<Item = &'a Cell>) -> String {
    let mut n = [0usize; 4];
    for cell in cells {
        n[match cell.verdict {
            Verdict::Agree => 0,
            Verdict::Compatible => 1,
            Verdict::Diverge => 2,
            Verdict::Missing => 3,
        }] += 1;
    }
    format!(
        "<span class=\"muted\">{} agree · {} compatible · {} diverge · {} missing</span>",
        n[0], n[1], n[2], n[3]
    )
}

fn outlet_cell(o: &mut String, s: &Subject, cell: &Cell) {
    let body = match &cell.figure {
        Some(f) => format!("<p>{}</p>", marked(&f.sentence, f)),
        None => "<p class=\"muted\">No matching figure in this article.</p>".into(),
    };
    let derived = cell
        .derivation
        .as_ref()
        .map(|d| format!("<div class=\"derived\">derived: {}</div>", esc(&d.how)))
        .unwrap_or_default();
    let _ = writeln!(
        o,
        "<div class=\"{}\"><strong>{}</strong> {}{body}{derived}<div class=\"muted\">{}</div>\
         <div class=\"muted\">{} · {}</div></div>",
        cell.verdict.as_str(),
        esc(&s.name),
        badge(cell.verdict),
        esc(&cell.why),
        link(&cell.evidence.url, "article"),
        cell_evidence(&cell.evidence)
    );
}

fn cell_evidence(e: &Evidence) -> String {
    format!(
        "captured {} · v{} · <code title=\"{}\">{}</code>",
        e.captured.format("%Y-%m-%d %H:%M UTC"),
        e.version,
        esc(&e.hash),
        esc(short_hash(&e.hash))
    )
}

/// Near-duplicate articles (wire copy, reprints) count as one source.
fn sources(o: &mut String, c: &Comparison) {
    if c.sources.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "<section id=\"sources\"><h2>Independent sources</h2><p class=\"muted\">{} independent \
         sources among {} articles. Articles sharing most of their wording (shared wire copy, \
         reprints) are one source: corroboration counts sources, not copies.</p><ul>",
        c.sources.len(),
        c.sources.iter().map(|g| g.members.len()).sum::<usize>()
    );
    for g in &c.sources {
        let sim = g
            .similarity
            .map(|x| {
                format!(
                    " <span class=\"muted\">(shared wording {:.0}%)</span>",
                    x * 100.0
                )
            })
            .unwrap_or_default();
        let _ = writeln!(o, "<li>{}{sim}</li>", esc(&g.members.join(" = ")));
    }
    let _ = writeln!(o, "</ul></section>");
}

fn inconsistencies(o: &mut String, c: &Comparison) {
    if c.inconsistencies.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "<section id=\"inconsistencies\"><h2>Numbers that contradict their own article</h2><ul>"
    );
    for (id, list) in &c.inconsistencies {
        for i in list {
            let _ = writeln!(
                o,
                "<li><strong>{}</strong>: {} <div class=\"sent\">{}</div></li>",
                esc(id),
                esc(&i.how),
                marked(&i.stated.sentence, &i.stated)
            );
        }
    }
    let _ = writeln!(o, "</ul></section>");
}

/// A word diff as deletions and insertions.
fn word_ops(ops: &[WordOp]) -> String {
    ops.iter()
        .map(|w| match w.op.as_str() {
            "delete" => format!("<del>{}</del>", esc(&w.text)),
            "insert" => format!("<ins>{}</ins>", esc(&w.text)),
            _ => esc(&w.text),
        })
        .collect()
}

fn quotes(o: &mut String, c: &Comparison) {
    let extras: usize = c.quote_extras.values().map(Vec::len).sum();
    if c.quotes.is_empty() && extras == 0 {
        return;
    }
    let _ = writeln!(
        o,
        "<section id=\"quotes\"><h2>Quotes</h2><p class=\"muted\">The reference's quotes, \
         outlet by outlet; wording differences as a word diff (struck: reference only, \
         green: outlet only). A quote in the other language is paired through the bilingual \
         lexicon and marked <em>translated</em>, with the words that did not carry over; \
         where nothing pairs it reads <em>other language</em>, not absent.</p>"
    );
    for q in &c.quotes {
        let _ = writeln!(
            o,
            "<div class=\"quote\"><p><strong>“{}”</strong> — {} <span class=\"muted\">carried by {} of {} comparable outlets</span></p><ul>",
            esc(&q.reference.text),
            esc(q.reference.speaker.as_deref().unwrap_or("unattributed")),
            q.carried_by,
            q.comparable
        );
        for s in c.outlets.iter().filter(|s| q.cells.contains_key(&s.id)) {
            let cell = &q.cells[&s.id];
            let detail = match (cell.status, &cell.quote) {
                (QuoteMatch::OtherSpeaker, Some(oq)) => format!(
                    " — attributed to <strong>{}</strong>{}",
                    esc(oq.speaker.as_deref().unwrap_or("nobody")),
                    if cell.diff.is_empty() {
                        String::new()
                    } else {
                        format!("<div class=\"diff\">{}</div>", word_ops(&cell.diff))
                    }
                ),
                (QuoteMatch::Reworded, Some(_)) => {
                    format!("<div class=\"diff\">{}</div>", word_ops(&cell.diff))
                }
                (QuoteMatch::Translated, Some(oq)) => format!(" — “{}”", esc(&oq.text)),
                _ => String::new(),
            };
            let detail = match carried_note(cell) {
                Some(n) => format!("{detail}<div class=\"muted\">{}</div>", esc(&n)),
                None => detail,
            };
            let _ = writeln!(
                o,
                "<li data-outlet=\"{}\" data-quote=\"{}\">{}: {}{detail}</li>",
                esc(&s.id),
                cell.status.as_str(),
                esc(&s.name),
                esc(&cell.status.as_str().replace('_', " "))
            );
        }
        let _ = writeln!(o, "</ul></div>");
    }
    if extras > 0 {
        let _ = writeln!(o, "<h3>Quotes the reference does not carry</h3><ul>");
        for (id, list) in &c.quote_extras {
            for q in list {
                let _ = writeln!(
                    o,
                    "<li><strong>{}</strong>: “{}” — {}</li>",
                    esc(id),
                    esc(&q.text),
                    esc(q.speaker.as_deref().unwrap_or("unattributed"))
                );
            }
        }
        let _ = writeln!(o, "</ul>");
    }
    let _ = writeln!(o, "</section>");
}

/// How each compared article changed since first captured, with its word diffs.
fn history(o: &mut String, c: &Comparison) {
    if c.history.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "<section id=\"history\"><h2>Changed since first captured</h2>"
    );
    for h in &c.history {
        let _ = writeln!(
            o,
            "<details open><summary><strong>{}</strong> {} <span class=\"muted\">{} versions</span></summary><ul>",
            esc(&h.outlet),
            link(&h.url, &h.url),
            h.versions.len()
        );
        for v in &h.versions {
            let labels: Vec<String> = v
                .changes
                .iter()
                .map(|ch| format!("<strong>{}</strong>: {}", ch.kind.label(), esc(&ch.detail)))
                .collect();
            let diff: String = v
                .diff
                .iter()
                .map(|d| format!("<div class=\"diff\">{}</div>", hunk(d)))
                .collect();
            let _ = writeln!(
                o,
                "<li>v{} <span class=\"muted\">{} · <code>{}</code> · {} words</span>{}{diff}</li>",
                v.version,
                v.captured.format("%Y-%m-%d %H:%M UTC"),
                esc(short_hash(&v.hash)),
                v.words,
                if labels.is_empty() {
                    String::new()
                } else {
                    format!("<div>{}</div>", labels.join("; "))
                }
            );
        }
        for e in &h.events {
            let _ = writeln!(
                o,
                "<li>{} <strong>{}</strong>: {}</li>",
                e.time.format("%Y-%m-%d %H:%M UTC"),
                e.kind.as_str().replace('_', " "),
                esc(e.detail.as_deref().unwrap_or(""))
            );
        }
        let _ = writeln!(o, "</ul></details>");
    }
    let _ = writeln!(o, "</section>");
}

/// A `history` diff hunk (`[-old-]{+new+}` markers) as escaped deletions and insertions.
fn hunk(d: &str) -> String {
    let mut out = String::new();
    let mut rest = d;
    while !rest.is_empty() {
        let del = rest.find("[-");
        let ins = rest.find("{+");
        let (at, open, close, tag) = match (del, ins) {
            (Some(a), Some(b)) if b < a => (b, "{+", "+}", "ins"),
            (Some(a), _) => (a, "[-", "-]", "del"),
            (None, Some(b)) => (b, "{+", "+}", "ins"),
            (None, None) => {
                out.push_str(&esc(rest));
                break;
            }
        };
        out.push_str(&esc(&rest[..at]));
        let inner = &rest[at + open.len()..];
        match inner.find(close) {
            Some(end) => {
                let _ = write!(out, "<{tag}>{}</{tag}>", esc(&inner[..end]));
                rest = &inner[end + close.len()..];
            }
            None => {
                out.push_str(&esc(&rest[at..]));
                break;
            }
        }
    }
    out
}

fn extras(o: &mut String, c: &Comparison) {
    let extras: Vec<_> = c.extras.iter().filter(|(_, v)| !v.is_empty()).collect();
    if extras.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "<section id=\"extras\"><h2>Figures not in the reference</h2><ul>"
    );
    for (id, figs) in extras {
        let list: Vec<String> = figs
            .iter()
            .map(|f| {
                format!(
                    "<span title=\"{}\">{}</span>",
                    esc(&f.sentence),
                    esc(&f.text)
                )
            })
            .collect();
        let _ = writeln!(
            o,
            "<li><strong>{}</strong>: {}</li>",
            esc(id),
            list.join("; ")
        );
    }
    let _ = writeln!(o, "</ul></section>");
}

/// Framing of each outlet beside the reference's: densities as bar charts, label
/// choices, scare quotes, headline terms and distinctive words. English and Spanish
/// are set side by side across the languages (marked so); other languages are not.
fn framing(o: &mut String, c: &Comparison) {
    if c.framing.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "<section id=\"framing\"><h2>Framing</h2><p class=\"muted\">Lexicon hits per 1,000 \
         words, the outlet in blue beside the reference in grey; distinctive words by weighted \
         log-odds with an informative Dirichlet prior (z-scores, |z| &gt; 1.96).</p><div class=\"charts\">"
    );
    for s in c.outlets.iter().filter(|s| c.framing.contains_key(&s.id)) {
        let f = &c.framing[&s.id];
        if !f.comparable {
            let _ = writeln!(
                o,
                "<figure data-outlet=\"{}\"><figcaption><strong>{}</strong>: <span class=\"muted\">\
                 a language the lexicons do not hold: not set beside it</span></figcaption></figure>",
                esc(&s.id),
                esc(&s.name)
            );
            continue;
        }
        let mark = if f.across_languages {
            " <span class=\"muted\">other language: labels through the bilingual label sets, \
             each side's own lexicon, no distinctive words</span>"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "<figure data-outlet=\"{}\" data-across=\"{}\"><figcaption><strong>{}</strong>{mark}</figcaption>{}{}</figure>",
            esc(&s.id),
            f.across_languages,
            esc(&s.name),
            bars(&f.densities),
            contrast_notes(f)
        );
    }
    let _ = writeln!(o, "</div></section>");
}

fn contrast_notes(f: &FramingContrast) -> String {
    let mut notes = Vec::new();
    let list = |v: &[String]| {
        if v.is_empty() {
            "none".to_string()
        } else {
            esc(&v.join(", "))
        }
    };
    for l in &f.labels {
        notes.push(format!(
            "Label for <em>{}</em>: reference {}, outlet {}",
            esc(&l.neutral),
            list(&l.reference),
            list(&l.outlet)
        ));
    }
    if !f.scare_quotes_reference.is_empty() || !f.scare_quotes_outlet.is_empty() {
        notes.push(format!(
            "Scare quotes: reference {}; outlet {}",
            list(&f.scare_quotes_reference),
            list(&f.scare_quotes_outlet)
        ));
    }
    notes.push(format!(
        "Headline framing terms: reference {}; outlet {}",
        list(&f.headline_reference),
        list(&f.headline_outlet)
    ));
    if !f.distinctive.is_empty() {
        let terms: Vec<String> = f
            .distinctive
            .iter()
            .map(|t| {
                format!(
                    "{} <span class=\"muted\">(z {:+.2})</span>",
                    esc(&t.term),
                    t.z
                )
            })
            .collect();
        notes.push(format!("Distinctive words: {}", terms.join(", ")));
    }
    format!(
        "<ul class=\"sent\"><li>{}</li></ul>",
        notes.join("</li><li>")
    )
}

/// A horizontal bar chart: one pair of bars (reference, outlet) per category.
fn bars(densities: &[Density]) -> String {
    let max = densities
        .iter()
        .flat_map(|d| [d.reference, d.outlet])
        .fold(0.0f64, f64::max)
        .max(1.0);
    let (label_w, bar_w, row_h) = (90.0, 200.0, 26.0);
    let height = (densities.len().max(1) as f64) * row_h + 4.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{height}\" role=\"img\" \
         viewBox=\"0 0 {w} {height}\" font-size=\"11\" font-family=\"system-ui,sans-serif\">",
        w = label_w + bar_w + 40.0
    );
    if densities.is_empty() {
        let _ = write!(svg, "<text x=\"0\" y=\"14\">no framing terms</text>");
    }
    for (i, d) in densities.iter().enumerate() {
        let y = i as f64 * row_h + 2.0;
        let (r, v) = (d.reference, d.outlet);
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{:.1}\">{}</text>\
             <rect x=\"{label_w}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"10\" fill=\"#9ca3af\"><title>reference: {r:.1}</title></rect>\
             <rect x=\"{label_w}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\" fill=\"#2563eb\"><title>outlet: {v:.1}</title></rect>\
             <text x=\"{:.1}\" y=\"{:.1}\">{v:.1}</text>",
            y + 15.0,
            esc(&d.category.replace('_', " ")),
            r / max * bar_w,
            y + 11.0,
            v / max * bar_w,
            label_w + v / max * bar_w + 3.0,
            y + 20.0,
        );
    }
    svg.push_str("</svg>");
    svg
}

fn outlets(o: &mut String, c: &Comparison) {
    let _ = writeln!(
        o,
        "<section><h2>Outlets</h2>\n<table id=\"outlets\"><thead><tr><th>Outlet</th><th>Status</th>\
         <th>Article</th><th>Evidence</th><th>Picked because</th></tr></thead><tbody>"
    );
    for s in &c.outlets {
        let (art, ev, why) = match (&s.article, &s.error) {
            (Some(a), _) => (
                link(&a.url, &a.title),
                evidence(a),
                match a.score {
                    Some(score) => format!("score {score:.1}: {}", esc(&a.matched.join(", "))),
                    None => "listed in the story file".into(),
                },
            ),
            (None, Some(e)) => (esc(e), String::new(), String::new()),
            _ => (String::new(), String::new(), String::new()),
        };
        let _ = writeln!(
            o,
            "<tr data-outlet=\"{}\"><td>{}</td><td class=\"st-{}\">{}</td><td>{art}</td><td class=\"muted\">{ev}</td><td class=\"muted\">{why}</td></tr>",
            esc(&s.id),
            esc(&s.name),
            s.status.as_str(),
            s.status.as_str()
        );
    }
    let _ = writeln!(o, "</tbody></table></section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_refuses_script_links() {
        assert_eq!(esc("<script>\"x'&"), "&lt;script&gt;&quot;x&#39;&amp;");
        assert_eq!(link("javascript:alert(1)", "t"), "t");
        assert_eq!(link(" JavaScript:alert(1)", "<b>"), "&lt;b&gt;");
        assert!(link("https://a.test/?q=\"><b>", "x").contains("&quot;&gt;&lt;b&gt;"));
    }

    #[test]
    fn history_hunks_become_escaped_deletions_and_insertions() {
        assert_eq!(
            hunk("approved [-36-]{+37+} <new> diplomats"),
            "approved <del>36</del><ins>37</ins> &lt;new&gt; diplomats"
        );
        assert_eq!(hunk("a {+<b>+} c [-x"), "a <ins>&lt;b&gt;</ins> c [-x");
    }

    #[test]
    fn figures_are_marked_inside_escaped_sentences() {
        // Built from JSON so the test survives new (defaulted) Figure fields.
        let f: Figure = serde_json::from_value(serde_json::json!({
            "text": "37 <new> diplomats", "value": {"lo": 37.0, "hi": 37.0}, "kind": "count",
            "unit": "new diplomats", "unit_key": "diplomat", "modifiers": ["new"],
            "currency": null, "span": [0, 0], "sentence": "", "attribution": null
        }))
        .unwrap();
        assert_eq!(
            marked("Mexico cleared 37 <new> diplomats & more.", &f),
            "Mexico cleared <mark>37 &lt;new&gt; diplomats</mark> &amp; more."
        );
        assert_eq!(marked("<i>", &f), "&lt;i&gt;");
    }
}
