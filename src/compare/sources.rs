//! Independent sources: articles that are near-duplicates (shared wire copy,
//! reprints, lightly edited rewrites) count as one source.
//!
//! Each body becomes a set of word [`SHINGLE`]-grams over folded words. Two articles
//! are the same source when the *containment* of the smaller set in the larger
//! (|A ∩ B| / min(|A|, |B|)) reaches [`SOURCE_MIN`]: containment rather than Jaccard,
//! because a reprint that cuts or adds paragraphs keeps a high containment while its
//! Jaccard drops. Only articles in the same language are compared (a translation shares
//! no shingles, and is judged an independent telling). Grouping is transitive.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::{Status, Subject};
use crate::fetch::discover::fold;

/// Words per shingle.
pub const SHINGLE: usize = 4;
/// Containment at or above which two articles are one source. Reprints and lightly
/// trimmed wire copy share nearly all their 4-grams (0.9 and up); independent reports,
/// even ones that borrow phrases, stay around half or below.
pub const SOURCE_MIN: f64 = 0.6;

/// One independent source: an article and its near-duplicates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceGroup {
    /// Article ids (`reference` or outlet ids), in story order.
    pub members: Vec<String>,
    /// The highest containment that joined two members (`None` for a lone article).
    pub similarity: Option<f64>,
}

/// Groups the reference and every outlet with an article. The reference's group
/// comes first.
pub(super) fn group(reference: &Subject, outlets: &[Subject]) -> Vec<SourceGroup> {
    let subjects: Vec<&Subject> = std::iter::once(reference)
        .chain(
            outlets
                .iter()
                .filter(|o| o.status == Status::Ok && o.article.is_some()),
        )
        .collect();
    let sets: Vec<HashSet<String>> = subjects.iter().map(|s| shingles(&s.text)).collect();
    let lang = |s: &Subject| {
        s.article
            .as_ref()
            .and_then(|a| a.lang.as_deref())
            .map(|l| l.get(..2).unwrap_or(l).to_ascii_lowercase())
    };
    let n = subjects.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut cmat = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let (li, lj) = (lang(subjects[i]), lang(subjects[j]));
            if li.is_some() && lj.is_some() && li != lj {
                continue;
            }
            let c = containment(&sets[i], &sets[j]);
            cmat[i][j] = c;
            if c >= SOURCE_MIN {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        match groups.iter_mut().find(|(r, _)| *r == root) {
            Some((_, g)) => g.push(i),
            None => groups.push((root, vec![i])),
        }
    }
    groups
        .into_iter()
        .map(|(_, idx)| {
            let mut similarity: Option<f64> = None;
            for (k, &i) in idx.iter().enumerate() {
                for &j in &idx[k + 1..] {
                    let c = cmat[i.min(j)][i.max(j)];
                    if c >= SOURCE_MIN {
                        similarity = Some(similarity.map_or(c, |s| s.max(c)));
                    }
                }
            }
            SourceGroup {
                members: idx.iter().map(|&i| subjects[i].id.clone()).collect(),
                similarity: similarity.map(|c| (c * 100.0).round() / 100.0),
            }
        })
        .collect()
}

fn find(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        r = parent[r];
    }
    parent[i] = r;
    r
}

/// Word `SHINGLE`-grams of a text, over folded words.
fn shingles(text: &str) -> HashSet<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect();
    words.windows(SHINGLE).map(|w| w.join(" ")).collect()
}

/// |A ∩ B| / min(|A|, |B|); 0 when either is empty.
fn containment(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / small as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trimmed_reprint_is_contained_and_a_rewrite_is_not() {
        let wire = "Heavy rain flooded the northern valley on Monday and rescuers said at least \
                    twelve people died while forty more were taken to hospital in the city";
        let reprint = format!("{wire}. Local officials promised help.");
        let rewrite = "Rescuers in the northern valley counted twelve dead after Monday's floods; \
                       hospitals in the city took in forty injured people";
        let (a, b, c) = (shingles(wire), shingles(&reprint), shingles(rewrite));
        assert!(containment(&a, &b) >= SOURCE_MIN);
        assert!(containment(&a, &c) < SOURCE_MIN);
    }
}
