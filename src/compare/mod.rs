//! Compare: aligns each outlet's figures with the reference's and gives verdicts.
//!
//! For every reference figure, the outlet figure about the same quantity is sought:
//! same kind, compatible unit (across languages, through `claims`' unit keys),
//! compatible modifiers ("new" vs "existing" diplomats are different quantities), and
//! a similar sentence. Pairs are taken best first, one-to-one within an article.
//!
//! The rule is deliberately asymmetric. Equal values are themselves evidence that two
//! figures speak of the same thing, so an agreeing pair needs less context than a
//! diverging one; a "diverge" is only claimed when unit, modifiers and context match
//! without help from the values ([`DIVERGE_MIN`]). A false "diverge" sends a reporter
//! after a discrepancy that does not exist; a false "missing" costs far less.
//!
//! Pure: runs on claims read from snapshots. Entry point: [`compare`].

mod changes;

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::claims::{Claims, Figure, Kind};
use crate::fetch::discover::fold;

pub use changes::{Change, ChangeKind, changes, word_diff};

/// Minimum match score (values included) for two figures to be paired at all.
pub const MATCH_MIN: f64 = 1.0;
/// Minimum match score without the value bonus for a pair to be called "diverge".
pub const DIVERGE_MIN: f64 = 1.3;

/// Whether an outlet's article could be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// An article was fetched and extracted.
    Ok,
    /// Fetching or extracting failed (see the error).
    Error,
    /// Discovery found no article on the story.
    NotFound,
}

impl Status {
    /// The serialised name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Error => "error",
            Status::NotFound => "not_found",
        }
    }
}

/// The article a side of the comparison rests on, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleInfo {
    /// The article's URL.
    pub url: String,
    /// Headline.
    pub title: String,
    /// Byline.
    pub byline: Option<String>,
    /// Publication time as the page states it.
    pub published: Option<String>,
    /// Language.
    pub lang: Option<String>,
    /// When the compared version was captured.
    pub captured: DateTime<Utc>,
    /// Content hash of the compared version.
    pub hash: String,
    /// The compared version number.
    pub version: u32,
    /// Words in the body.
    pub words: usize,
    /// Discovery's relevance score (`None` when listed in the story file).
    pub score: Option<f64>,
    /// The reference terms that made discovery pick it.
    pub matched: Vec<String>,
}

/// One side of the comparison: the reference or an outlet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subject {
    /// Outlet id (`reference` for the reference).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Whether there is an article.
    pub status: Status,
    /// Why not, when there is none.
    pub error: Option<String>,
    /// The article, when there is one.
    pub article: Option<ArticleInfo>,
    /// What the article states.
    pub claims: Claims,
}

/// The verdict on one reference figure in one outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Same interval.
    Agree,
    /// Different but overlapping intervals ("at least 150" / "more than 150").
    Compatible,
    /// Disjoint intervals (37 / 36).
    Diverge,
    /// The outlet states no figure about this quantity.
    Missing,
}

impl Verdict {
    /// The serialised name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Compatible => "compatible",
            Verdict::Diverge => "diverge",
            Verdict::Missing => "missing",
        }
    }
}

/// One reference figure in one outlet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// The verdict.
    pub verdict: Verdict,
    /// The outlet's figure it rests on (none when missing).
    pub figure: Option<Figure>,
    /// Match score of the pair.
    pub score: Option<f64>,
    /// Why the pair was made, in words.
    pub why: String,
}

/// One reference figure across outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureRow {
    /// The reference figure.
    pub reference: Figure,
    /// Per outlet id, for outlets that have an article.
    pub cells: BTreeMap<String, Cell>,
}

/// The whole comparison of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Story id.
    pub story: String,
    /// Story title.
    pub title: String,
    /// When this comparison was made.
    pub generated: DateTime<Utc>,
    /// The reference side.
    pub reference: Subject,
    /// The outlets, in story-file order.
    pub outlets: Vec<Subject>,
    /// One row per reference figure, in reference text order.
    pub rows: Vec<FigureRow>,
    /// Per outlet id: its figures that match no reference figure (new information).
    pub extras: BTreeMap<String, Vec<Figure>>,
}

impl Comparison {
    /// Number of cells with each verdict, over all rows.
    pub fn tally(&self) -> BTreeMap<Verdict, usize> {
        let mut t = BTreeMap::new();
        for row in &self.rows {
            for cell in row.cells.values() {
                *t.entry(cell.verdict).or_insert(0) += 1;
            }
        }
        t
    }
}

/// Compares every outlet with the reference.
pub fn compare(
    story: &str,
    title: &str,
    reference: Subject,
    outlets: Vec<Subject>,
    generated: DateTime<Utc>,
) -> Comparison {
    let mut rows: Vec<FigureRow> = reference
        .claims
        .figures
        .iter()
        .map(|f| FigureRow {
            reference: f.clone(),
            cells: BTreeMap::new(),
        })
        .collect();
    let mut extras = BTreeMap::new();
    for outlet in outlets.iter().filter(|o| o.status == Status::Ok) {
        let (cells, unmatched) = align(&reference.claims, &outlet.claims);
        for (row, cell) in rows.iter_mut().zip(cells) {
            row.cells.insert(outlet.id.clone(), cell);
        }
        extras.insert(outlet.id.clone(), unmatched);
    }
    Comparison {
        story: story.to_string(),
        title: title.to_string(),
        generated,
        reference,
        outlets,
        rows,
        extras,
    }
}

/// Verdict cells for each reference figure (in order), and the outlet's unmatched figures.
fn align(reference: &Claims, outlet: &Claims) -> (Vec<Cell>, Vec<Figure>) {
    let r = &reference.figures;
    let o = &outlet.figures;
    let mut pairs: Vec<(f64, f64, usize, usize, String)> = Vec::new();
    for (i, a) in r.iter().enumerate() {
        for (j, b) in o.iter().enumerate() {
            if let Some(m) = pair_score(a, b) {
                let with_value = m.evidence + m.value_bonus;
                if with_value >= MATCH_MIN {
                    pairs.push((with_value, m.evidence, i, j, m.why));
                }
            }
        }
    }
    // Best pairs first; ties by text order so results are stable.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
    let mut cells: Vec<Option<Cell>> = vec![None; r.len()];
    let mut used = vec![false; o.len()];
    for (score, evidence, i, j, why) in pairs {
        if cells[i].is_some() || used[j] {
            continue;
        }
        let verdict = verdict(&r[i], &o[j]);
        if verdict == Verdict::Diverge && evidence < DIVERGE_MIN {
            // Not enough to say it is the same quantity with another value.
            continue;
        }
        used[j] = true;
        cells[i] = Some(Cell {
            verdict,
            figure: Some(o[j].clone()),
            score: Some((score * 100.0).round() / 100.0),
            why,
        });
    }
    let cells = cells
        .into_iter()
        .map(|c| {
            c.unwrap_or_else(|| Cell {
                verdict: Verdict::Missing,
                figure: None,
                score: None,
                why: "no figure about this quantity in the article".into(),
            })
        })
        .collect();
    let extras = o
        .iter()
        .zip(used)
        .filter(|(_, u)| !u)
        .map(|(f, _)| f.clone())
        .collect();
    (cells, extras)
}

/// The verdict for two figures taken to be about the same quantity.
pub fn verdict(a: &Figure, b: &Figure) -> Verdict {
    if a.value == b.value {
        Verdict::Agree
    } else if a.value.overlaps(&b.value) {
        Verdict::Compatible
    } else {
        Verdict::Diverge
    }
}

struct Match {
    /// Unit, modifier and context evidence, values aside.
    evidence: f64,
    /// Extra confidence from the values themselves.
    value_bonus: f64,
    why: String,
}

/// How likely two figures are about the same quantity; `None` when they cannot be.
fn pair_score(a: &Figure, b: &Figure) -> Option<Match> {
    if a.kind != b.kind {
        return None;
    }
    if a.kind == Kind::Money && a.currency != b.currency {
        return None;
    }
    let mut why = Vec::new();
    let mut evidence = match a.kind {
        Kind::Count => {
            if a.unit_key.is_empty() || b.unit_key.is_empty() {
                why.push("unit unknown".to_string());
                0.3
            } else if a.unit_key == b.unit_key {
                why.push(format!("same unit ({})", a.unit_key));
                1.0
            } else if crate::claims::units_related(&a.unit_key, &b.unit_key) {
                why.push(format!("related units ({} ~ {})", a.unit_key, b.unit_key));
                0.8
            } else {
                return None;
            }
        }
        // Years, dates, percentages, money: the kind is the unit; context decides.
        _ => {
            why.push(format!("same kind ({})", a.kind.as_str()));
            0.6
        }
    };
    let (ma, mb): (HashSet<&str>, HashSet<&str>) = (
        a.modifiers.iter().map(String::as_str).collect(),
        b.modifiers.iter().map(String::as_str).collect(),
    );
    if !ma.is_empty() && !mb.is_empty() {
        let common: Vec<&str> = ma.intersection(&mb).copied().collect();
        if common.is_empty() {
            why.push("different modifiers".to_string());
            evidence -= 0.8;
        } else {
            let share = common.len() as f64 / ma.len().max(mb.len()) as f64;
            evidence += 0.6 * share;
            let mut common = common;
            common.sort_unstable();
            why.push(format!("modifiers {}", common.join(", ")));
        }
    } else if ma.len() + mb.len() > 0 {
        evidence -= 0.1;
    }
    let ctx = context_overlap(&a.sentence, &b.sentence);
    if ctx > 0.0 {
        evidence += 0.6 * ctx;
        why.push(format!("context {:.0}%", ctx * 100.0));
    }
    let value_bonus = if a.value == b.value {
        0.8
    } else if a.value.overlaps(&b.value) {
        0.4
    } else {
        0.0
    };
    Some(Match {
        evidence,
        value_bonus,
        why: why.join("; "),
    })
}

/// Share of the smaller sentence's content words found in the other (numbers aside).
fn context_overlap(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit()))
            .map(fold)
            .collect::<HashSet<_>>()
            .into_iter()
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (small, large) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if small.is_empty() {
        return 0.0;
    }
    let hits = small
        .iter()
        .filter(|w| large.iter().any(|x| same_stem(w, x)))
        .count();
    hits as f64 / small.len() as f64
}

/// Equal, or sharing the first six letters (plurals, cognates across languages).
fn same_stem(a: &str, b: &str) -> bool {
    a == b
        || (a.chars().count() >= 6
            && b.chars().count() >= 6
            && a.chars().take(6).eq(b.chars().take(6)))
}
