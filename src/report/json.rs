//! JSON, schema `storydiff.report/1` (documented in the README). Field names here are
//! a public interface: add fields, never rename or remove them.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Value, json};

use super::{Options, Render};
use crate::claims::Figure;
use crate::compare::{Comparison, Subject};

/// Schema tag of the JSON report.
pub const SCHEMA: &str = "storydiff.report/1";

pub struct Json;

#[derive(Serialize)]
struct FigureOut<'a> {
    text: &'a str,
    value: &'a crate::claims::Interval,
    kind: &'a str,
    unit: &'a str,
    unit_key: &'a str,
    modifiers: &'a [String],
    currency: Option<&'a str>,
    sentence: &'a str,
    span: [usize; 2],
    attribution: Option<&'a str>,
}

fn figure(f: &Figure) -> FigureOut<'_> {
    FigureOut {
        text: &f.text,
        value: &f.value,
        kind: f.kind.as_str(),
        unit: &f.unit,
        unit_key: &f.unit_key,
        modifiers: &f.modifiers,
        currency: f.currency.as_deref(),
        sentence: &f.sentence,
        span: f.span,
        attribution: f.attribution.as_deref(),
    }
}

fn subject(s: &Subject) -> Value {
    json!({
        "id": s.id,
        "name": s.name,
        "status": s.status.as_str(),
        "error": s.error,
        "article": s.article.as_ref().map(|a| json!({
            "url": a.url,
            "title": a.title,
            "byline": a.byline,
            "published": a.published,
            "lang": a.lang,
            "captured": a.captured.to_rfc3339(),
            "hash": a.hash,
            "version": a.version,
            "words": a.words,
            "discovery": { "score": a.score, "matched": a.matched },
        })),
        "figures": s.claims.figures.iter().map(figure).collect::<Vec<_>>(),
        "quotes": s.claims.quotes,
        "framing": { "words": s.claims.framing.words, "per_1000": s.claims.framing.per_1000 },
    })
}

impl Render for Json {
    fn render(&self, c: &Comparison, _: &Options) -> String {
        let reference = c.reference.article.as_ref();
        let mut refv = subject(&c.reference);
        if let Some(obj) = refv.as_object_mut() {
            obj.insert("url".into(), json!(reference.map(|a| &a.url)));
            obj.insert("title".into(), json!(reference.map(|a| &a.title)));
        }
        let rows: Vec<Value> = c
            .rows
            .iter()
            .map(|row| {
                let cells: BTreeMap<&str, Value> = row
                    .cells
                    .iter()
                    .map(|(id, cell)| {
                        (
                            id.as_str(),
                            json!({
                                "verdict": cell.verdict.as_str(),
                                "figure": cell.figure.as_ref().map(figure),
                                "score": cell.score,
                                "why": cell.why,
                            }),
                        )
                    })
                    .collect();
                json!({ "ref": figure(&row.reference), "outlets": cells })
            })
            .collect();
        let extras: BTreeMap<&str, Vec<FigureOut>> = c
            .extras
            .iter()
            .map(|(id, fs)| (id.as_str(), fs.iter().map(figure).collect()))
            .collect();
        let doc = json!({
            "schema": SCHEMA,
            "story": c.story,
            "title": c.title,
            "generated": c.generated.to_rfc3339(),
            "reference": refv,
            "outlets": c.outlets.iter().map(subject).collect::<Vec<_>>(),
            "figures": rows,
            "extras": extras,
        });
        let mut s = serde_json::to_string_pretty(&doc).expect("report serialises");
        s.push('\n');
        s
    }
}
