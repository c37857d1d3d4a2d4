//! JSON, schema `storydiff.report/1` (documented in the README). Field names here are
//! a public interface: add fields, never rename or remove them.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Value, json};

use super::{Options, Render};
use crate::claims::Figure;
use crate::compare::{Comparison, Subject, Verdict};

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
    /// The span is in the article's title, not its body.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    headline: bool,
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
        headline: f.headline,
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

/// Verdict counts with every verdict present, zeros included.
fn counts(m: &BTreeMap<Verdict, usize>) -> BTreeMap<&'static str, usize> {
    Verdict::ALL
        .iter()
        .map(|v| (v.as_str(), m.get(v).copied().unwrap_or(0)))
        .collect()
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
                                "explanation": cell.explanation,
                                "derived": cell.derived,
                                "derivation": cell.derivation,
                                "evidence": {
                                    "url": cell.evidence.url,
                                    "captured": cell.evidence.captured.to_rfc3339(),
                                    "hash": cell.evidence.hash,
                                    "version": cell.evidence.version,
                                },
                                "source": cell.source,
                            }),
                        )
                    })
                    .collect();
                let c = &row.corroboration;
                json!({
                    "ref": figure(&row.reference),
                    "derived": row.derived,
                    "derivation": row.derivation,
                    "outlets": cells,
                    "corroboration": {
                        "outlets": counts(&c.outlets),
                        "independent": counts(&c.independent),
                        "first": c.first.iter().map(|f| json!({
                            "value": f.value, "outlet": f.outlet, "at": f.at, "basis": f.basis,
                        })).collect::<Vec<_>>(),
                    },
                })
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
            "inconsistencies": c.inconsistencies.iter().map(|(id, list)| {
                let list: Vec<Value> = list.iter().map(|i| json!({
                    "stated": figure(&i.stated), "implied": i.implied, "from": i.from, "how": i.how,
                })).collect();
                (id.as_str(), list)
            }).collect::<BTreeMap<_, _>>(),
            "sources": c.sources,
            "quotes": c.quotes,
            "quote_extras": c.quote_extras,
            "framing": c.framing,
            "history": c.history,
        });
        let mut s = serde_json::to_string_pretty(&doc).expect("report serialises");
        s.push('\n');
        s
    }
}
