//! Compare: aligns each outlet's figures, quotes and framing with the reference's.
//!
//! For every reference figure, the outlet figure about the same quantity is sought
//! (`align`): same kind, compatible unit (across languages, through `claims`' unit
//! keys), compatible modifiers ("new" vs "existing" diplomats are different
//! quantities), and a similar sentence. Pairs are an optimal one-to-one assignment
//! within an article, not first come first served.
//!
//! Each pair's probability of stating one quantity comes from a logistic model fitted
//! to labelled cells (`pair_model`, weights in `pair_model.toml`). The rule is
//! deliberately asymmetric: equal values are themselves evidence that two figures
//! speak of the same thing, so the model gives agreeing pairs more; and a "diverge"
//! is decided by a second model, fitted on pairs of disjoint values alone, from
//! `diverge_min` (set where the fitted disjoint pairs above it are right 95% of the
//! time). A false "diverge" sends a reporter after a discrepancy that does not exist;
//! a false "missing" costs far less.
//!
//! Besides the verdict matrix: figures implied by an article's own arithmetic and
//! the stated changes that contradict it (`derive`), near-duplicate articles grouped
//! into independent sources (`sources`), quotes matched across outlets with word
//! diffs (`quotes`), and framing contrasts with distinctive terms (`framing`).
//!
//! Pure: runs on claims read from snapshots. Entry point: [`compare`].

mod align;
mod changes;
mod compared;
mod current;
mod derive;
mod evidence;
mod framing;
mod history;
mod pair_model;
mod quotes;
mod referent;
mod restated;
mod sources;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::claims::{Claims, Figure, Interval, Quote};

pub use align::verdict;
pub use changes::{Change, ChangeKind, changes, word_diff};
pub use compared::compared;
pub use derive::Inconsistency;
pub use framing::{
    Density, DistinctiveTerm, FramingContrast, LabelChoice, PRIOR_SHARE, TOP_TERMS, Z_MIN,
};
pub use history::{ArticleHistory, VersionEntry};
pub use quotes::{QuoteCell, QuoteMatch, QuoteRow, WordOp};
pub use sources::{SHINGLE, SOURCE_MIN, SourceGroup};

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
    /// The article body (`Article::text()`), for reprint detection and term contrasts;
    /// empty when there is no article.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
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

    /// All verdicts, in report order.
    pub const ALL: [Verdict; 4] = [
        Verdict::Agree,
        Verdict::Compatible,
        Verdict::Diverge,
        Verdict::Missing,
    ];
}

/// Where a cell's outlet side comes from: enough to find the exact text again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Outlet article URL.
    pub url: String,
    /// When the compared version was captured.
    pub captured: DateTime<Utc>,
    /// Content hash of the compared snapshot version.
    pub hash: String,
    /// The compared snapshot version number.
    pub version: u32,
}

/// How a figure the article never states was worked out from figures it does state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Derivation {
    /// The operation: `"sum"` (parts and their total) or `"difference"` (a change
    /// from one count to another).
    pub op: String,
    /// The stated figures it was computed from, as written.
    pub from: Vec<String>,
    /// In words: "37 new diplomats + 49 diplomats = 86".
    pub how: String,
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
    /// Why the pair was made, in words (the match features).
    pub why: String,
    /// The whole verdict in one sentence: both values, both sentences, score and reason.
    pub explanation: String,
    /// The outlet figure is implied by the article's arithmetic, not stated.
    pub derived: bool,
    /// How it was derived, when `derived`.
    pub derivation: Option<Derivation>,
    /// The outlet article version the cell rests on.
    pub evidence: Evidence,
    /// Index of the outlet's independent-source group in [`Comparison::sources`].
    pub source: usize,
}

/// The earliest outlet to state one value of a reference figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FirstStated {
    /// The value.
    pub value: Interval,
    /// The outlet id (`reference` for the reference).
    pub outlet: String,
    /// Its publication time, else its capture time (RFC 3339 or as the page gives it).
    pub at: String,
    /// `"published"` or `"captured"`: which time `at` is.
    pub basis: String,
}

/// How one reference figure fares across outlets.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Corroboration {
    /// Outlets per verdict (reprints counted each time).
    pub outlets: BTreeMap<Verdict, usize>,
    /// Independent sources per verdict: source groups with at least one outlet giving
    /// it, the reference's own group left out.
    pub independent: BTreeMap<Verdict, usize>,
    /// Per distinct value stated (reference included), the earliest to state it.
    pub first: Vec<FirstStated>,
}

/// One reference figure across outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureRow {
    /// The reference figure.
    pub reference: Figure,
    /// The reference figure is implied by the reference's arithmetic, not stated.
    pub derived: bool,
    /// How it was derived, when `derived`.
    pub derivation: Option<Derivation>,
    /// Per outlet id, for outlets that have an article.
    pub cells: BTreeMap<String, Cell>,
    /// Counts of verdicts and independent sources, and who stated each value first.
    pub corroboration: Corroboration,
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
    /// One row per reference figure, stated ones in reference text order, then
    /// derived ones.
    pub rows: Vec<FigureRow>,
    /// Per outlet id: its figures that match no reference figure (new information).
    pub extras: BTreeMap<String, Vec<Figure>>,
    /// Per article id (`reference` or an outlet id): stated changes that contradict
    /// the article's own numbers. Articles with none are absent.
    pub inconsistencies: BTreeMap<String, Vec<Inconsistency>>,
    /// Independent sources: groups of near-duplicate articles (reference included);
    /// every article with text is in exactly one group.
    pub sources: Vec<SourceGroup>,
    /// One row per reference quote.
    pub quotes: Vec<QuoteRow>,
    /// Per outlet id: quotes the reference does not carry (same-language outlets only).
    pub quote_extras: BTreeMap<String, Vec<Quote>>,
    /// Per outlet id: its framing against the reference's.
    pub framing: BTreeMap<String, FramingContrast>,
    /// Stored articles that changed since first captured (several versions, removals,
    /// failed extractions). Empty from [`compare`]; the pipeline fills it from the store.
    #[serde(default)]
    pub history: Vec<ArticleHistory>,
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

/// The figures of `s` that the comparison compares ([`compared`]).
fn compared_figures(s: &Subject) -> Vec<crate::claims::Figure> {
    s.claims
        .figures
        .iter()
        .filter(|f| compared(f))
        .cloned()
        .collect()
}

/// Why two figures would or would not be paired: the evidence and its account, for
/// looking into a wrong cell (the accuracy tests print it for missed divergences).
#[doc(hidden)]
pub fn pair_why(a: &Figure, b: &Figure, same_language: bool) -> String {
    let model = &*pair_model::MODEL;
    match evidence::pair_score(a, b, same_language) {
        Some(m) => format!(
            "p {:.2} (pairs from {:.2}), if apart {:.2} (diverges from {:.2}): {}",
            m.probability, model.match_min, m.diverge_probability, model.diverge_min, m.why
        ),
        None => "cannot be paired (kind, currency or unit differ)".to_string(),
    }
}

/// The features the fitted pair scorer reads for two figures, with their names
/// (`None` when they cannot be paired): what `scripts/fit_pairs.py` fits on.
#[doc(hidden)]
pub fn pair_features(
    a: &Figure,
    b: &Figure,
    same_language: bool,
) -> Option<Vec<(&'static str, f64)>> {
    let m = evidence::pair_score(a, b, same_language)?;
    Some(
        pair_model::NAMES
            .iter()
            .copied()
            .zip(m.features.values())
            .collect(),
    )
}

/// Compares every outlet with the reference.
pub fn compare(
    story: &str,
    title: &str,
    reference: Subject,
    outlets: Vec<Subject>,
    generated: DateTime<Utc>,
) -> Comparison {
    let ref_figs = restated::merge(derive::with_derived(&compared_figures(&reference)));
    let mut rows: Vec<FigureRow> = ref_figs
        .iter()
        .map(|q| FigureRow {
            reference: q.first.figure.clone(),
            derived: q.first.derivation.is_some(),
            derivation: q.first.derivation.clone(),
            cells: BTreeMap::new(),
            corroboration: Corroboration::default(),
        })
        .collect();
    let sources = sources::group(&reference, &outlets);
    let group_of = |id: &str| {
        sources
            .iter()
            .position(|g| g.members.iter().any(|m| m == id))
            .unwrap_or(0)
    };
    let mut extras = BTreeMap::new();
    let mut inconsistencies = BTreeMap::new();
    let own = derive::inconsistencies(&reference.claims.figures);
    if !own.is_empty() {
        inconsistencies.insert(reference.id.clone(), own);
    }
    for outlet in outlets.iter().filter(|o| o.status == Status::Ok) {
        let Some(article) = &outlet.article else {
            continue;
        };
        let evidence = Evidence {
            url: article.url.clone(),
            captured: article.captured,
            hash: article.hash.clone(),
            version: article.version,
        };
        // An outlet is compared by the values it presents as current.
        let (stated, replaced) = current::current(compared_figures(outlet), &outlet.text);
        let mut out_figs = restated::merge(derive::with_derived(&stated));
        current::attach(&mut out_figs, replaced);
        let same_language = match (&reference.article, &outlet.article) {
            (Some(r), Some(o)) => r.lang.is_none() || o.lang.is_none() || r.lang == o.lang,
            _ => true,
        };
        let (cells, unmatched) = align::align(&ref_figs, &out_figs, &evidence, same_language);
        let source = group_of(&outlet.id);
        for (row, mut cell) in rows.iter_mut().zip(cells) {
            cell.source = source;
            row.cells.insert(outlet.id.clone(), cell);
        }
        extras.insert(outlet.id.clone(), unmatched);
        let own = derive::inconsistencies(&outlet.claims.figures);
        if !own.is_empty() {
            inconsistencies.insert(outlet.id.clone(), own);
        }
    }
    let ref_group = group_of(&reference.id);
    for row in &mut rows {
        row.corroboration = corroborate(row, &reference, &outlets, ref_group);
    }
    let (quote_rows, quote_extras) = quotes::compare(&reference, &outlets);
    let framing = framing::contrast(&reference, &outlets);
    Comparison {
        story: story.to_string(),
        title: title.to_string(),
        generated,
        reference,
        outlets,
        rows,
        extras,
        inconsistencies,
        sources,
        quotes: quote_rows,
        quote_extras,
        framing,
        history: Vec::new(),
    }
}

/// Verdict and independent-source counts of a row, and the first to state each value.
fn corroborate(
    row: &FigureRow,
    reference: &Subject,
    outlets: &[Subject],
    ref_group: usize,
) -> Corroboration {
    let mut c = Corroboration::default();
    let mut groups: BTreeMap<Verdict, Vec<usize>> = BTreeMap::new();
    for cell in row.cells.values() {
        *c.outlets.entry(cell.verdict).or_insert(0) += 1;
        let g = groups.entry(cell.verdict).or_default();
        // Reprints of the reference's own copy corroborate nothing.
        if cell.source != ref_group && !g.contains(&cell.source) {
            g.push(cell.source);
        }
    }
    for (v, g) in groups {
        c.independent.insert(v, g.len());
    }
    // Who said it first: earliest publication time, else capture time.
    let when = |s: &Subject| -> Option<(String, String)> {
        let a = s.article.as_ref()?;
        Some(match &a.published {
            Some(p) => (normalise_time(p), "published".to_string()),
            None => (a.captured.to_rfc3339(), "captured".to_string()),
        })
    };
    let mut stated: Vec<(Interval, &Subject)> = vec![(row.reference.value, reference)];
    for o in outlets {
        if let Some(f) = row.cells.get(&o.id).and_then(|c| c.figure.as_ref()) {
            stated.push((f.value, o));
        }
    }
    for (value, s) in &stated {
        let Some((at, basis)) = when(s) else { continue };
        match c.first.iter_mut().find(|f| f.value == *value) {
            Some(f) if f.at <= at => {}
            Some(f) => {
                f.outlet = s.id.clone();
                f.at = at;
                f.basis = basis;
            }
            None => c.first.push(FirstStated {
                value: *value,
                outlet: s.id.clone(),
                at,
                basis,
            }),
        }
    }
    c
}

/// Stated figures of one article against another's, for history's change labels
/// (`changes`): no derived figures, no evidence.
fn align(reference: &Claims, outlet: &Claims) -> (Vec<Cell>, Vec<Figure>) {
    // Each mention on its own: an edit to one of two restatements is still an edit.
    let stated = |c: &Claims| -> Vec<restated::Mentioned> {
        c.figures
            .iter()
            .map(|f| restated::Mentioned {
                first: derive::Derived {
                    figure: f.clone(),
                    derivation: None,
                },
                also: Vec::new(),
                replaced: Vec::new(),
                superseded: Vec::new(),
            })
            .collect()
    };
    let none = Evidence {
        url: String::new(),
        captured: DateTime::<Utc>::UNIX_EPOCH,
        hash: String::new(),
        version: 0,
    };
    align::align(&stated(reference), &stated(outlet), &none, true)
}

/// An RFC 3339 time in UTC when it parses, so times compare as strings; else as given.
fn normalise_time(t: &str) -> String {
    DateTime::parse_from_rfc3339(t)
        .map(|d| d.with_timezone(&Utc).to_rfc3339())
        .unwrap_or_else(|_| t.to_string())
}

#[cfg(test)]
mod tests;
