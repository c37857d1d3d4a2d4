//! Plain text for a terminal: fits 100 columns; ANSI colours only when asked.

use std::fmt::Write;

use super::{Options, Render, carried_note, compared_ids, label, tally_line, value_of};
use crate::compare::{Comparison, FigureRow, QuoteMatch, Status, Verdict, WordOp};

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

/// "2 agree (1 independent) · 1 diverge · 1 missing", and who stated each value first.
fn corroboration_lines(row: &FigureRow) -> (String, Option<String>) {
    let c = &row.corroboration;
    let counts: Vec<String> = Verdict::ALL
        .iter()
        .filter_map(|v| {
            let n = c.outlets.get(v).copied().unwrap_or(0);
            let i = c.independent.get(v).copied().unwrap_or(0);
            (n > 0).then(|| {
                if *v != Verdict::Missing && i != n {
                    format!("{n} {} ({i} independent)", v.as_str())
                } else {
                    format!("{n} {}", v.as_str())
                }
            })
        })
        .collect();
    let first: Vec<String> = c
        .first
        .iter()
        .map(|f| {
            // Minutes are enough to order who said it first.
            let at = f.at.get(..16).unwrap_or(&f.at).replace('T', " ");
            format!(
                "{} {} {at}",
                value_of(row.reference.kind, &f.value),
                f.outlet
            )
        })
        .collect();
    let first = (!first.is_empty()).then(|| format!("first: {}", first.join("; ")));
    (counts.join(" · "), first)
}

/// Splits `s` into lines of at most `n` characters on spaces.
fn wrap(s: &str, n: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in s.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > n {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines.into_iter().map(|l| fit(&l, n)).collect()
}

fn quotes(o: &mut String, c: &Comparison, idw: usize, opts: &Options) {
    if c.quotes.is_empty() {
        return;
    }
    let _ = writeln!(o, "\nQuotes: the reference's, outlet by outlet");
    for q in &c.quotes {
        let who = q.reference.speaker.as_deref().unwrap_or("unattributed");
        let head = format!("“{}” — {who}", q.reference.text);
        let _ = writeln!(o, "\n  {}", paint(&fit(&head, WIDTH - 2), "1", opts));
        if q.carried_by == 0 && q.comparable > 0 {
            let _ = writeln!(o, "    carried by no outlet that could be judged");
        }
        for id in compared_ids(c) {
            let Some(cell) = q.cells.get(id) else {
                continue;
            };
            let detail = match (cell.status, &cell.quote) {
                (QuoteMatch::OtherSpeaker, Some(oq)) => format!(
                    "SAME WORDS, OTHER SPEAKER: {}",
                    oq.speaker.as_deref().unwrap_or("?")
                ),
                (QuoteMatch::Reworded, Some(_)) => format!("reworded: {}", diff_line(&cell.diff)),
                (QuoteMatch::Translated, Some(oq)) => format!("TRANSLATED: “{}”", oq.text),
                (status, _) => status.as_str().replace('_', " "),
            };
            let _ = writeln!(
                o,
                "    {:<idw$}  {}",
                fit(id, idw),
                fit(&detail, WIDTH - idw - 6)
            );
            if let Some(line) = carried_note(cell) {
                let _ = writeln!(o, "    {:<idw$}  {}", "", fit(&line, WIDTH - idw - 6));
            }
        }
    }
    let extra: Vec<String> = c
        .quote_extras
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(id, v)| format!("{id} {}", v.len()))
        .collect();
    if !extra.is_empty() {
        let line = format!("Quotes not in the reference: {}", extra.join(", "));
        let _ = writeln!(o, "\n{}", fit(&line, WIDTH));
    }
}

/// A word diff as `[-removed-]{+added+}` around the shared words.
fn diff_line(ops: &[WordOp]) -> String {
    ops.iter()
        .map(|w| match w.op.as_str() {
            "delete" => format!("[-{}-]", w.text),
            "insert" => format!("{{+{}+}}", w.text),
            _ => w.text.clone(),
        })
        .collect()
}

/// Articles that changed since first captured: each later version's labelled changes,
/// then removals and failed extractions. `storydiff history` has the word diffs.
fn history(o: &mut String, c: &Comparison, idw: usize) {
    if c.history.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "\nChanged since first captured (details: storydiff history)"
    );
    for h in &c.history {
        let _ = writeln!(
            o,
            "  {:<idw$}  {}",
            fit(&h.outlet, idw),
            fit(&h.url, WIDTH - idw - 4)
        );
        for v in h.versions.iter().skip(1) {
            let head = format!("v{} {}", v.version, v.captured.format("%Y-%m-%d %H:%M"));
            let labels: Vec<String> = v
                .changes
                .iter()
                .map(|ch| format!("{}: {}", ch.kind.label(), ch.detail))
                .collect();
            let text = if labels.is_empty() {
                "reworded".to_string()
            } else {
                labels.join("; ")
            };
            let _ = writeln!(
                o,
                "  {:<idw$}  {head}  {}",
                "",
                fit(&text, WIDTH.saturating_sub(idw + 6 + head.chars().count()))
            );
        }
        for e in &h.events {
            let line = format!(
                "{} {}: {}",
                e.time.format("%Y-%m-%d %H:%M"),
                e.kind.as_str(),
                e.detail.as_deref().unwrap_or("")
            );
            let _ = writeln!(o, "  {:<idw$}  {}", "", fit(&line, WIDTH - idw - 4));
        }
    }
}

fn framing(o: &mut String, c: &Comparison, idw: usize) {
    let comparable: Vec<_> = c.framing.iter().filter(|(_, f)| f.comparable).collect();
    if comparable.is_empty() {
        return;
    }
    let _ = writeln!(o, "\nFraming against the reference (per 1,000 words)");
    if comparable.iter().any(|(_, f)| f.across_languages) {
        let _ = writeln!(
            o,
            "{}",
            fit(
                "  [other language]: labels via bilingual label sets; each side's own lexicon; \
                 no distinctive words",
                WIDTH
            )
        );
    }
    let pad = " ".repeat(idw + 4);
    for (id, f) in comparable {
        let dens: Vec<String> = f
            .densities
            .iter()
            .filter(|d| d.reference > 0.0 || d.outlet > 0.0)
            .map(|d| format!("{} {:.1}/{:.1}", d.category, d.reference, d.outlet))
            .collect();
        let dens = if dens.is_empty() {
            "no framing-lexicon words in either".to_string()
        } else {
            format!("ref/outlet: {}", dens.join(", "))
        };
        let dens = if f.across_languages {
            format!("[other language] {dens}")
        } else {
            dens
        };
        let _ = writeln!(
            o,
            "  {:<idw$}  {}",
            fit(id, idw),
            fit(&dens, WIDTH - idw - 4)
        );
        for l in &f.labels {
            let side = |terms: &[String], neutral: usize| {
                if terms.is_empty() {
                    format!("“{}” ({neutral}×)", l.neutral)
                } else {
                    terms.join("/")
                }
            };
            let line = format!(
                "labels: reference says {}, outlet says {}",
                side(&l.reference, l.reference_neutral),
                side(&l.outlet, l.outlet_neutral)
            );
            let _ = writeln!(o, "{pad}{}", fit(&line, WIDTH - idw - 4));
        }
        if !f.scare_quotes_reference.is_empty() || !f.scare_quotes_outlet.is_empty() {
            let line = format!(
                "scare quotes: reference {:?}, outlet {:?}",
                f.scare_quotes_reference, f.scare_quotes_outlet
            );
            let _ = writeln!(o, "{pad}{}", fit(&line, WIDTH - idw - 4));
        }
        if !f.headline_reference.is_empty() || !f.headline_outlet.is_empty() {
            let line = format!(
                "headline: reference [{}], outlet [{}]",
                f.headline_reference.join(", "),
                f.headline_outlet.join(", ")
            );
            let _ = writeln!(o, "{pad}{}", fit(&line, WIDTH - idw - 4));
        }
        if !f.distinctive.is_empty() {
            let terms: Vec<String> = f
                .distinctive
                .iter()
                .map(|t| format!("{} {:+.1}", t.term, t.z))
                .collect();
            let line = format!("distinctive (z): {}", terms.join(", "));
            let _ = writeln!(o, "{pad}{}", fit(&line, WIDTH - idw - 4));
        }
    }
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
        // The id column: ids longer than it are cut (`fit`), so lines stay in WIDTH.
        // The reference's own id heads rows too (its inconsistencies).
        let idw = std::iter::once(&c.reference)
            .chain(&c.outlets)
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
                fit(&s.id, idw),
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
            if let Some(d) = &row.derivation {
                let _ = writeln!(o, "    derived: {}", fit(&d.how, WIDTH - 13));
            }
            let (counts, first) = corroboration_lines(row);
            let _ = writeln!(o, "    {}", fit(&counts, WIDTH - 4));
            if let Some(first) = first {
                let _ = writeln!(o, "    {}", fit(&first, WIDTH - 4));
            }
            for id in &ids {
                let Some(cell) = row.cells.get(*id) else {
                    continue;
                };
                let derived = if cell.derived { " (derived)" } else { "" };
                let what = cell
                    .figure
                    .as_ref()
                    .map(|f| format!("{}{derived}  · {}", f.text, cell.why))
                    .unwrap_or_default();
                let _ = writeln!(
                    o,
                    "    {:<idw$}  {} {}",
                    fit(id, idw),
                    verdict(cell.verdict, opts),
                    fit(&what, WIDTH - idw - 17)
                );
                // A divergence is what a reporter acts on: show its sentence and evidence.
                if let (Verdict::Diverge, Some(f)) = (cell.verdict, &cell.figure) {
                    let pad = " ".repeat(idw + 17);
                    let _ = writeln!(o, "{pad}“{}”", fit(&f.sentence, WIDTH - idw - 19));
                    let e = &cell.evidence;
                    let ev = format!(
                        "v{} captured {} {}",
                        e.version,
                        e.captured.format("%Y-%m-%d %H:%M UTC"),
                        e.hash
                    );
                    let _ = writeln!(o, "{pad}{}", fit(&ev, WIDTH - idw - 17));
                }
            }
        }

        let groups: Vec<_> = c.sources.iter().filter(|g| g.members.len() > 1).collect();
        let _ = writeln!(
            o,
            "\nIndependent sources: {} among {} articles",
            c.sources.len(),
            c.sources.iter().map(|g| g.members.len()).sum::<usize>()
        );
        for g in groups {
            let sim = g
                .similarity
                .map(|s| format!(" (containment {s:.2})"))
                .unwrap_or_default();
            let line = format!("one source: {}{sim}", g.members.join(" = "));
            let _ = writeln!(o, "  {}", fit(&line, WIDTH - 2));
        }

        if !c.inconsistencies.is_empty() {
            let _ = writeln!(o, "\nNumbers that contradict their own article");
            for (id, list) in &c.inconsistencies {
                for i in list {
                    for (k, line) in wrap(&i.how, WIDTH - idw - 4).iter().enumerate() {
                        let id = if k == 0 { fit(id, idw) } else { String::new() };
                        let _ = writeln!(o, "  {id:<idw$}  {line}");
                    }
                }
            }
        }

        quotes(&mut o, c, idw, opts);
        framing(&mut o, c, idw);
        history(&mut o, c, idw);

        let extras: Vec<_> = c.extras.iter().filter(|(_, v)| !v.is_empty()).collect();
        if !extras.is_empty() {
            let _ = writeln!(o, "\nFigures not in the reference");
            for (id, figs) in extras {
                let list = figs
                    .iter()
                    .map(|f| f.text.as_str())
                    .collect::<Vec<_>>()
                    .join("; ");
                let _ = writeln!(
                    o,
                    "  {:<idw$}  {}",
                    fit(id, idw),
                    fit(&list, WIDTH - idw - 4)
                );
            }
        }

        let _ = writeln!(o, "\nSummary: {}", tally_line(c));
        o
    }
}
