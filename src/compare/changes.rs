//! Changes between two versions of one article, labelled the way an editor reads them:
//! headline changed, figure changed, quote altered or trimmed, attribution dropped,
//! hedge added or removed, correction note added, paragraphs added or removed; and a
//! word-level diff (similar) so a stealth edit of "36" to "37" shows as exactly that.

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

use super::{Verdict, align};
use crate::claims::{self, Claims};
use crate::extract::Article;

/// What kind of change an edit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// The headline differs.
    HeadlineChanged,
    /// A figure about the same quantity has another value.
    FigureChanged,
    /// A figure was added.
    FigureAdded,
    /// A figure was removed.
    FigureRemoved,
    /// A quote's words changed.
    QuoteAltered,
    /// A quote was shortened (the new words are part of the old).
    QuoteTrimmed,
    /// A quote was removed.
    QuoteRemoved,
    /// A quote or figure lost its attribution.
    AttributionDropped,
    /// A hedge ("reportedly", "supuestamente") was added.
    HedgeAdded,
    /// A hedge was removed.
    HedgeRemoved,
    /// A correction or update note was added.
    CorrectionAdded,
    /// Paragraphs were added.
    ParagraphsAdded,
    /// Paragraphs were removed.
    ParagraphsRemoved,
    /// Paragraphs were reworded.
    ParagraphsEdited,
}

impl ChangeKind {
    /// Human label.
    pub fn label(&self) -> &'static str {
        match self {
            ChangeKind::HeadlineChanged => "headline changed",
            ChangeKind::FigureChanged => "figure changed",
            ChangeKind::FigureAdded => "figure added",
            ChangeKind::FigureRemoved => "figure removed",
            ChangeKind::QuoteAltered => "quote altered",
            ChangeKind::QuoteTrimmed => "quote trimmed",
            ChangeKind::QuoteRemoved => "quote removed",
            ChangeKind::AttributionDropped => "attribution dropped",
            ChangeKind::HedgeAdded => "hedge added",
            ChangeKind::HedgeRemoved => "hedge removed",
            ChangeKind::CorrectionAdded => "correction note added",
            ChangeKind::ParagraphsAdded => "paragraphs added",
            ChangeKind::ParagraphsRemoved => "paragraphs removed",
            ChangeKind::ParagraphsEdited => "paragraphs edited",
        }
    }
}

/// One labelled change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The label.
    pub kind: ChangeKind,
    /// What changed, briefly ("36 new diplomats → 37 new diplomats").
    pub detail: String,
}

/// Openings of correction and update notes, English and Spanish (lower case).
const CORRECTION_MARKERS: &[&str] = &[
    "correction",
    "an earlier version of this",
    "a previous version of this",
    "this article has been updated",
    "this story has been updated",
    "this article was updated",
    "editor's note",
    "editor’s note",
    "update:",
    "updated:",
    "clarification",
    "corrección",
    "fe de erratas",
    "una versión anterior de",
    "este artículo fue actualizado",
    "esta nota fue actualizada",
    "nota del editor",
    "nota de la redacción",
    "actualización:",
    "aclaración",
];

/// Share of words two paragraphs must share to count as one paragraph edited.
const SAME_PARAGRAPH: f64 = 0.5;

/// The labelled changes from `old` to `new`.
pub fn changes(old: &Article, new: &Article) -> Vec<Change> {
    let mut out = Vec::new();
    if old.title.trim() != new.title.trim() {
        out.push(Change {
            kind: ChangeKind::HeadlineChanged,
            detail: format!("“{}” → “{}”", old.title.trim(), new.title.trim()),
        });
    }
    paragraph_changes(old, new, &mut out);
    let (a, b) = (claims::analyze(old), claims::analyze(new));
    figure_changes(&a, &b, &mut out);
    quote_changes(&a, &b, &mut out);
    hedge_changes(&a, &b, &mut out);
    out
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_lowercase).collect()
}

fn overlap(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let common = wa.iter().filter(|w| wb.contains(w)).count();
    common as f64 / wa.len().max(wb.len()) as f64
}

fn paragraph_changes(old: &Article, new: &Article, out: &mut Vec<Change>) {
    let mut removed: Vec<&String> = old
        .paragraphs
        .iter()
        .filter(|p| !new.paragraphs.contains(p))
        .collect();
    let mut added: Vec<&String> = new
        .paragraphs
        .iter()
        .filter(|p| !old.paragraphs.contains(p))
        .collect();
    // Pair reworded paragraphs so an edit is not reported as a removal plus an addition.
    let mut edited = 0;
    removed.retain(
        |r| match added.iter().position(|a| overlap(r, a) >= SAME_PARAGRAPH) {
            Some(i) => {
                added.remove(i);
                edited += 1;
                false
            }
            None => true,
        },
    );
    for p in new
        .paragraphs
        .iter()
        .filter(|p| !old.paragraphs.contains(p))
    {
        let lower = p.to_lowercase();
        let is_note = CORRECTION_MARKERS
            .iter()
            .any(|m| lower.starts_with(m) || lower.starts_with(&format!("*{m}")));
        let had_note = old.paragraphs.iter().any(|q| q == p);
        if is_note && !had_note {
            out.push(Change {
                kind: ChangeKind::CorrectionAdded,
                detail: clip(p, 160),
            });
        }
    }
    if !added.is_empty() {
        out.push(Change {
            kind: ChangeKind::ParagraphsAdded,
            detail: format!("{}: “{}”", added.len(), clip(added[0], 100)),
        });
    }
    if !removed.is_empty() {
        out.push(Change {
            kind: ChangeKind::ParagraphsRemoved,
            detail: format!("{}: “{}”", removed.len(), clip(removed[0], 100)),
        });
    }
    if edited > 0 {
        out.push(Change {
            kind: ChangeKind::ParagraphsEdited,
            detail: format!("{edited}"),
        });
    }
}

fn figure_changes(a: &Claims, b: &Claims, out: &mut Vec<Change>) {
    let (cells, extras) = align(a, b);
    for (f, cell) in a.figures.iter().zip(cells) {
        match (cell.verdict, &cell.figure) {
            (Verdict::Missing, _) => out.push(Change {
                kind: ChangeKind::FigureRemoved,
                detail: f.text.clone(),
            }),
            (Verdict::Agree, Some(g)) => {
                if f.attribution.is_some() && g.attribution.is_none() {
                    out.push(Change {
                        kind: ChangeKind::AttributionDropped,
                        detail: format!(
                            "{} (was: {})",
                            g.text,
                            f.attribution.as_deref().unwrap_or("")
                        ),
                    });
                }
            }
            (_, Some(g)) => out.push(Change {
                kind: ChangeKind::FigureChanged,
                detail: format!("{} → {}", f.text, g.text),
            }),
            (_, None) => {}
        }
    }
    for g in extras {
        out.push(Change {
            kind: ChangeKind::FigureAdded,
            detail: g.text,
        });
    }
}

fn quote_changes(a: &Claims, b: &Claims, out: &mut Vec<Change>) {
    let mut used = vec![false; b.quotes.len()];
    for q in &a.quotes {
        if let Some(i) = b.quotes.iter().position(|r| r.text == q.text) {
            used[i] = true;
            if q.speaker.is_some() && b.quotes[i].speaker.is_none() {
                out.push(Change {
                    kind: ChangeKind::AttributionDropped,
                    detail: format!(
                        "“{}” (was: {})",
                        clip(&q.text, 80),
                        q.speaker.as_deref().unwrap_or("")
                    ),
                });
            }
            continue;
        }
        let best = b
            .quotes
            .iter()
            .enumerate()
            .filter(|(i, _)| !used[*i])
            .map(|(i, r)| {
                (
                    i,
                    overlap(&q.text, &r.text).max(
                        if r.text.len() >= 20 && q.text.contains(&r.text) {
                            1.0
                        } else {
                            0.0
                        },
                    ),
                )
            })
            .filter(|(_, s)| *s >= 0.4)
            .max_by(|x, y| x.1.total_cmp(&y.1));
        match best {
            Some((i, _)) => {
                used[i] = true;
                let r = &b.quotes[i];
                let kind = if q.text.contains(r.text.trim_end_matches(['.', ',', '…'])) {
                    ChangeKind::QuoteTrimmed
                } else {
                    ChangeKind::QuoteAltered
                };
                out.push(Change {
                    kind,
                    detail: format!("“{}” → “{}”", clip(&q.text, 80), clip(&r.text, 80)),
                });
                if q.speaker.is_some() && r.speaker.is_none() {
                    out.push(Change {
                        kind: ChangeKind::AttributionDropped,
                        detail: format!(
                            "“{}” (was: {})",
                            clip(&r.text, 80),
                            q.speaker.as_deref().unwrap_or("")
                        ),
                    });
                }
            }
            None => out.push(Change {
                kind: ChangeKind::QuoteRemoved,
                detail: clip(&q.text, 100),
            }),
        }
    }
}

fn hedge_changes(a: &Claims, b: &Claims, out: &mut Vec<Change>) {
    let hedges = |c: &Claims| -> Vec<String> {
        c.framing
            .hits
            .iter()
            .filter(|h| h.category == "hedge")
            .map(|h| h.term.to_lowercase())
            .collect()
    };
    let (mut ha, mut hb) = (hedges(a), hedges(b));
    // Multiset difference: a hedge used twice then once was removed once.
    let mut added = Vec::new();
    for h in hb.drain(..) {
        match ha.iter().position(|x| *x == h) {
            Some(i) => {
                ha.remove(i);
            }
            None => added.push(h),
        }
    }
    if !added.is_empty() {
        out.push(Change {
            kind: ChangeKind::HedgeAdded,
            detail: added.join(", "),
        });
    }
    if !ha.is_empty() {
        out.push(Change {
            kind: ChangeKind::HedgeRemoved,
            detail: ha.join(", "),
        });
    }
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

/// Word-level diff hunks of two texts, with a few words of context: deleted words as
/// `[-old-]`, inserted as `{+new+}`.
pub fn word_diff(old: &str, new: &str) -> Vec<String> {
    let diff = TextDiff::from_words(old, new);
    // Context in tokens; whitespace runs are tokens too, so 8 is about four words.
    diff.grouped_ops(8)
        .iter()
        .map(|group| {
            let mut hunk = String::new();
            let mut pending: Option<ChangeTag> = None;
            for op in group {
                for change in diff.iter_changes(op) {
                    let tag = change.tag();
                    if pending != Some(tag) {
                        match pending {
                            Some(ChangeTag::Delete) => hunk.push_str("-]"),
                            Some(ChangeTag::Insert) => hunk.push_str("+}"),
                            _ => {}
                        }
                        match tag {
                            ChangeTag::Delete => hunk.push_str("[-"),
                            ChangeTag::Insert => hunk.push_str("{+"),
                            ChangeTag::Equal => {}
                        }
                        pending = Some(tag);
                    }
                    hunk.push_str(&change.value().replace("\n\n", " ¶ "));
                }
            }
            match pending {
                Some(ChangeTag::Delete) => hunk.push_str("-]"),
                Some(ChangeTag::Insert) => hunk.push_str("+}"),
                _ => {}
            }
            hunk.trim().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(title: &str, paras: &[&str]) -> Article {
        Article {
            title: title.into(),
            paragraphs: paras.iter().map(|s| s.to_string()).collect(),
            ..Article::default()
        }
    }

    #[test]
    fn a_stealth_edit_of_one_number_is_exactly_that() {
        let d = word_diff(
            "Mexico approved 36 new diplomats for the embassy.",
            "Mexico approved 37 new diplomats for the embassy.",
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].contains("[-36-]{+37+}"), "{d:?}");
    }

    #[test]
    fn headline_correction_and_paragraph_labels() {
        let old = art(
            "Embassy grows",
            &[
                "First paragraph about the embassy staff.",
                "A paragraph that goes away later on.",
            ],
        );
        let new = art(
            "Embassy grows again",
            &[
                "First paragraph about the embassy staff.",
                "Correction: an earlier version of this article misstated the number of diplomats.",
            ],
        );
        let kinds: Vec<ChangeKind> = changes(&old, &new).iter().map(|c| c.kind).collect();
        for k in [
            ChangeKind::HeadlineChanged,
            ChangeKind::CorrectionAdded,
            ChangeKind::ParagraphsAdded,
            ChangeKind::ParagraphsRemoved,
        ] {
            assert!(kinds.contains(&k), "{k:?} in {kinds:?}");
        }
    }

    fn kinds(old: &Article, new: &Article) -> Vec<ChangeKind> {
        changes(old, new).iter().map(|c| c.kind).collect()
    }

    #[test]
    fn figure_quote_attribution_and_hedge_labels() {
        let old = art(
            "Embassy grows",
            &[
                "Mexico cleared 37 new diplomats for the Russian embassy, officials said.",
                "\"We follow the rules of the Vienna Convention in every case,\" the ambassador said.",
                "The embassy employs 49 diplomats, according to the foreign ministry.",
            ],
        );
        let new = art(
            "Embassy grows",
            &[
                "Mexico reportedly cleared 36 new diplomats for the Russian embassy.",
                "\"We follow the rules of the Vienna Convention,\" the ambassador said.",
                "The embassy employs 49 diplomats.",
            ],
        );
        let got = kinds(&old, &new);
        for k in [
            ChangeKind::FigureChanged,
            ChangeKind::QuoteTrimmed,
            ChangeKind::AttributionDropped,
            ChangeKind::HedgeAdded,
        ] {
            assert!(got.contains(&k), "{k:?} in {got:?}");
        }
        assert!(!got.contains(&ChangeKind::HeadlineChanged), "{got:?}");
        // The way back removes the hedge and changes the figure again.
        let back = kinds(&new, &old);
        assert!(back.contains(&ChangeKind::HedgeRemoved), "{back:?}");
        assert!(back.contains(&ChangeKind::FigureChanged), "{back:?}");
    }

    #[test]
    fn a_reworded_quote_is_altered_and_identical_articles_have_no_changes() {
        let old = art(
            "Embassy grows",
            &["\"The decision is sovereign and final,\" the minister said on Tuesday."],
        );
        let new = art(
            "Embassy grows",
            &["\"The decision is sovereign and will be reviewed,\" the minister said on Tuesday."],
        );
        assert!(kinds(&old, &new).contains(&ChangeKind::QuoteAltered));
        assert!(changes(&old, &old).is_empty());
    }
}
