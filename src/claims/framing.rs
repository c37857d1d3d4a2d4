//! Framing lexicon hits (`framing.toml`): labels, hedges, intensifiers, loaded
//! verbs and emotive words, matched case-insensitively on word boundaries.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use serde::Deserialize;

use super::tokens::{Tok, TokKind};
use super::types::{Framing, FramingHit};
use super::word_hash::WordMap;

/// Every category reported in `per_1000`, including ones with no hits.
pub(crate) const CATEGORIES: &[&str] = &[
    "label",
    "scare_quote",
    "hedge",
    "intensifier",
    "loaded_verb",
    "emotive",
];

#[derive(Deserialize)]
struct Paired {
    terms: Vec<String>,
    neutral: String,
}

#[derive(Deserialize)]
struct File {
    hedge: Vec<String>,
    intensifier: Vec<String>,
    emotive: Vec<String>,
    label: Vec<Paired>,
    loaded_verb: Vec<Paired>,
}

/// One lexicon term as words; the last may be a stem (`*`).
struct Term {
    words: Vec<String>,
    stem: bool,
    category: &'static str,
    neutral: Option<String>,
}

/// Terms indexed by first word; stems of one-word terms kept apart.
struct Lexicon {
    by_first: WordMap<String, Vec<Term>>,
    stems: Vec<Term>,
    /// Each label term (lower case) and the `[[label]]` set it belongs to.
    label_sets: HashMap<String, usize>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let file: Option<File> = toml::from_str(include_str!("framing.toml")).ok();
    let mut lex = Lexicon {
        by_first: WordMap::default(),
        stems: Vec::new(),
        label_sets: HashMap::new(),
    };
    let Some(file) = file else { return lex };
    let plain = [
        ("hedge", &file.hedge),
        ("intensifier", &file.intensifier),
        ("emotive", &file.emotive),
    ];
    for (cat, terms) in plain {
        for t in terms {
            lex.add(t, cat, None);
        }
    }
    for (i, g) in file.label.iter().enumerate() {
        for t in &g.terms {
            lex.label_sets.insert(t.to_lowercase(), i);
        }
    }
    for (cat, groups) in [("label", &file.label), ("loaded_verb", &file.loaded_verb)] {
        for g in groups {
            for t in &g.terms {
                lex.add(t, cat, Some(g.neutral.clone()));
            }
        }
    }
    lex
});

impl Lexicon {
    fn add(&mut self, term: &str, category: &'static str, neutral: Option<String>) {
        let lower = term.to_lowercase();
        let stem = lower.ends_with('*');
        let words: Vec<String> = lower
            .trim_end_matches('*')
            .split_whitespace()
            .map(String::from)
            .collect();
        let Some(first) = words.first().cloned() else {
            return;
        };
        let entry = Term {
            words,
            stem,
            category,
            neutral,
        };
        if entry.stem && entry.words.len() == 1 {
            self.stems.push(entry);
        } else {
            self.by_first.entry(first).or_default().push(entry);
        }
    }

    /// Token count of `term` matched at `i`, if it matches.
    fn matches(term: &Term, toks: &[Tok], i: usize) -> Option<usize> {
        for (k, w) in term.words.iter().enumerate() {
            let t = toks.get(i + k)?;
            if t.kind != TokKind::Word {
                return None;
            }
            let last = k + 1 == term.words.len();
            let ok = if last && term.stem {
                t.lower.starts_with(w.as_str())
            } else {
                t.lower == *w
            };
            if !ok {
                return None;
            }
        }
        Some(term.words.len())
    }

    /// The longest term matching at `i`.
    fn longest_at(&self, toks: &[Tok], i: usize) -> Option<(&Term, usize)> {
        let first = &toks[i].lower;
        let candidates = self.by_first.get(first).into_iter().flatten();
        let stems = self
            .stems
            .iter()
            .filter(|t| first.starts_with(t.words[0].as_str()));
        candidates
            .chain(stems)
            .filter_map(|t| Self::matches(t, toks, i).map(|n| (t, n)))
            .max_by_key(|&(_, n)| n)
    }
}

/// The `[[label]]` set of `framing.toml` a label term belongs to. A set holds one
/// choice in both languages ("spies", "espías"), so two articles in different
/// languages made the same choice when their terms fall in the same sets.
pub(crate) fn label_set(term: &str) -> Option<usize> {
    LEXICON.label_sets.get(&term.to_lowercase()).copied()
}

/// Framing over a text: lexicon hits merged with the scare quotes found by the
/// quote pass, and per-1,000-word densities for every category.
pub(crate) fn analyze(text: &str, toks: &[Tok], scare: Vec<FramingHit>) -> Framing {
    let mut hits = scare;
    let mut i = 0;
    while i < toks.len() {
        if toks[i].kind != TokKind::Word {
            i += 1;
            continue;
        }
        match LEXICON.longest_at(toks, i) {
            Some((term, n)) => {
                let span = [toks[i].start, toks[i + n - 1].end];
                hits.push(FramingHit {
                    term: text[span[0]..span[1]].to_string(),
                    category: term.category.to_string(),
                    neutral: term.neutral.clone(),
                    span,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    hits.sort_by_key(|h| h.span);
    let words = text.split_whitespace().count();
    let per_1000: BTreeMap<String, f64> = CATEGORIES
        .iter()
        .map(|c| {
            let n = hits.iter().filter(|h| h.category == *c).count();
            let density = if words == 0 {
                0.0
            } else {
                n as f64 * 1000.0 / words as f64
            };
            (c.to_string(), density)
        })
        .collect();
    Framing {
        words,
        hits,
        per_1000,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn hits(text: &str) -> Vec<(String, String)> {
        analyze(text, &tokenize(text), Vec::new())
            .hits
            .into_iter()
            .map(|h| (h.term, h.category))
            .collect()
    }

    #[test]
    fn lexicon_parses() {
        let file: File = toml::from_str(include_str!("framing.toml")).expect("framing.toml");
        assert!(!file.label.is_empty() && !file.hedge.is_empty());
    }

    #[test]
    fn english_terms() {
        let h = hits(
            "The regime reportedly sent spies, an unprecedented and shocking move, officials claimed.",
        );
        let cats: Vec<_> = h.iter().map(|(t, c)| format!("{t}:{c}")).collect();
        assert_eq!(
            cats,
            [
                "regime:label",
                "reportedly:hedge",
                "spies:label",
                "unprecedented:intensifier",
                "shocking:emotive",
                "claimed:loaded_verb"
            ]
        );
    }

    #[test]
    fn spanish_multiword_and_stems() {
        let h = hits(
            "Al parecer, el presunto grupo de espías causó indignación sin precedentes y cifras alarmantes.",
        );
        let terms: Vec<_> = h.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            terms,
            [
                "Al parecer",
                "presunto",
                "espías",
                "indignación",
                "sin precedentes",
                "alarmantes"
            ]
        );
    }

    #[test]
    fn word_boundaries_and_density() {
        assert!(hits("The spyware regimented").is_empty());
        let f = analyze(
            "spies spies one two",
            &tokenize("spies spies one two"),
            Vec::new(),
        );
        assert_eq!(f.words, 4);
        assert_eq!(f.per_1000["label"], 500.0);
        assert_eq!(f.per_1000["hedge"], 0.0);
        let n = hits("The neutral counterpart").len();
        assert_eq!(n, 0);
        let neutral = analyze("spies", &tokenize("spies"), Vec::new()).hits[0]
            .neutral
            .clone();
        assert_eq!(neutral.as_deref(), Some("diplomats"));
    }
}
