//! Framing of each outlet against the reference: the labels each chose for the same
//! thing, scare quotes, lexicon densities side by side, the headline's framing terms,
//! and the words most distinctive of the outlet.
//!
//! An outlet in the other language (English / Spanish) is set beside the reference
//! too: labels meet through `framing.toml`'s label sets, which hold one choice in both
//! languages ("spies" / "espías"), the neutral word is counted through the bilingual
//! lexicon ("diplomats" / "diplomáticos"), and each side's densities come from its own
//! language's lexicon. Distinctive words are not computed there: log-odds between two
//! languages would list vocabulary, not framing.
//!
//! Distinctive words use the weighted log-odds ratio with an informative Dirichlet
//! prior (Monroe, Colaresi and Quinn 2008, "Fightin' Words", eq. 16, 18-20). For word
//! w, counts y in the outlet (i) and the reference (j), article sizes n, and a prior
//! α_w = α0 · y_w / N from the pooled corpus of every same-language article:
//!
//! δ_w = ln((y_iw + α_w) / (n_i + α0 − y_iw − α_w)) − ln((y_jw + α_w) / (n_j + α0 − y_jw − α_w))
//! σ²_w ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w),   z_w = δ_w / σ_w
//!
//! α0 = [`PRIOR_SHARE`] · N: the prior weighs a tenth of the pooled corpus, enough to
//! keep words seen once or twice from dominating, small enough that a word an outlet
//! repeats can stand out. News articles are short, so often no word reaches
//! |z| > 1.96: the list is then honestly empty.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{Status, Subject};
use crate::claims::{self, FramingHit, lexicon};
use crate::extract::Article;
use crate::fetch::discover::fold;

/// The prior's total weight as a share of the pooled corpus size.
pub const PRIOR_SHARE: f64 = 0.1;
/// |z| a distinctive term must exceed (two-sided 95%).
pub const Z_MIN: f64 = 1.96;
/// Distinctive terms kept per outlet.
pub const TOP_TERMS: usize = 10;

/// The reference and an outlet name one thing differently ("spies" / "diplomats").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelChoice {
    /// The neutral word both labels stand for.
    pub neutral: String,
    /// The reference's loaded terms for it.
    pub reference: Vec<String>,
    /// The outlet's loaded terms for it.
    pub outlet: Vec<String>,
    /// Times the reference uses the neutral word itself.
    pub reference_neutral: usize,
    /// Times the outlet uses the neutral word itself.
    pub outlet_neutral: usize,
}

/// One lexicon category's density in both articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Density {
    /// Category: "label", "scare_quote", "hedge", "intensifier", "loaded_verb", "emotive".
    pub category: String,
    /// Hits per 1,000 words in the reference.
    pub reference: f64,
    /// Hits per 1,000 words in the outlet.
    pub outlet: f64,
}

/// A word used distinctively more (z > 0) or less (z < 0) by the outlet than the
/// reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistinctiveTerm {
    /// The word, lower-cased without accents.
    pub term: String,
    /// Weighted log-odds z-score, outlet against reference.
    pub z: f64,
    /// Times in the outlet.
    pub outlet: usize,
    /// Times in the reference.
    pub reference: usize,
}

/// One outlet's framing against the reference's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FramingContrast {
    /// Set beside the reference: the same language, or English against Spanish; when
    /// false (a language the lexicons do not hold), nothing else is filled in.
    pub comparable: bool,
    /// The outlet writes in the other language than the reference: labels compared
    /// through the bilingual label sets, no distinctive words.
    #[serde(default)]
    pub across_languages: bool,
    /// Label choices that differ between the two.
    pub labels: Vec<LabelChoice>,
    /// Scare-quoted words in the reference.
    pub scare_quotes_reference: Vec<String>,
    /// Scare-quoted words in the outlet.
    pub scare_quotes_outlet: Vec<String>,
    /// Densities per category, side by side.
    pub densities: Vec<Density>,
    /// Framing terms in the reference's headline ("term (category)").
    pub headline_reference: Vec<String>,
    /// Framing terms in the outlet's headline.
    pub headline_outlet: Vec<String>,
    /// Up to [`TOP_TERMS`](crate::compare::TOP_TERMS) words with |z| > [`Z_MIN`](crate::compare::Z_MIN), strongest first.
    pub distinctive: Vec<DistinctiveTerm>,
}

/// Framing contrasts for every outlet with an article.
pub(super) fn contrast(
    reference: &Subject,
    outlets: &[Subject],
) -> BTreeMap<String, FramingContrast> {
    let ref_lang = lang(reference);
    let with_article: Vec<&Subject> = outlets
        .iter()
        .filter(|o| o.status == Status::Ok && o.article.is_some())
        .collect();
    let same = |o: &Subject| ref_lang.is_none() || lang(o).is_none() || lang(o) == ref_lang;
    let bilingual = |l: Option<String>| matches!(l.as_deref(), Some("en" | "es"));
    let ref_lang_name = ref_lang.clone().unwrap_or_else(|| "en".into());
    // The pooled corpus: every same-language article, the reference included.
    let ref_counts = counts(&reference.text);
    let mut pooled = ref_counts.clone();
    let outlet_counts: Vec<HashMap<String, usize>> =
        with_article.iter().map(|o| counts(&o.text)).collect();
    for (o, c) in with_article.iter().zip(&outlet_counts) {
        if same(o) {
            for (w, n) in c {
                *pooled.entry(w.clone()).or_insert(0) += n;
            }
        }
    }
    let ref_headline = headline_terms(reference);
    let mut out = BTreeMap::new();
    for (o, c) in with_article.iter().zip(&outlet_counts) {
        let across = !same(o);
        if across && !(bilingual(ref_lang.clone()) && bilingual(lang(o))) {
            out.insert(
                o.id.clone(),
                FramingContrast {
                    comparable: false,
                    across_languages: true,
                    labels: Vec::new(),
                    scare_quotes_reference: Vec::new(),
                    scare_quotes_outlet: Vec::new(),
                    densities: Vec::new(),
                    headline_reference: Vec::new(),
                    headline_outlet: Vec::new(),
                    distinctive: Vec::new(),
                },
            );
            continue;
        }
        let rf = &reference.claims.framing;
        let of = &o.claims.framing;
        let mut categories: Vec<&String> = rf.per_1000.keys().chain(of.per_1000.keys()).collect();
        categories.sort();
        categories.dedup();
        let langs = (
            ref_lang_name.as_str(),
            lang(o).unwrap_or_else(|| ref_lang_name.clone()),
        );
        out.insert(
            o.id.clone(),
            FramingContrast {
                comparable: true,
                across_languages: across,
                labels: labels(
                    (&rf.hits, &reference.text, langs.0),
                    (&of.hits, &o.text, &langs.1),
                    across,
                ),
                scare_quotes_reference: scare(&rf.hits),
                scare_quotes_outlet: scare(&of.hits),
                densities: categories
                    .into_iter()
                    .map(|k| Density {
                        category: k.clone(),
                        reference: rf.per_1000.get(k).copied().unwrap_or(0.0),
                        outlet: of.per_1000.get(k).copied().unwrap_or(0.0),
                    })
                    .collect(),
                headline_reference: ref_headline.clone(),
                headline_outlet: headline_terms(o),
                distinctive: if across {
                    Vec::new()
                } else {
                    log_odds(c, &ref_counts, &pooled)
                },
            },
        );
    }
    out
}

fn lang(s: &Subject) -> Option<String> {
    let l = s.article.as_ref()?.lang.as_deref()?;
    Some(l.get(..2).unwrap_or(l).to_ascii_lowercase())
}

fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .map(fold)
}

fn counts(text: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in tokens(text) {
        *m.entry(w).or_insert(0) += 1;
    }
    m
}

/// Label terms grouped by their neutral word, where the two articles' choices differ.
/// Each side is (hits, text, language); `across` says the languages differ.
fn labels(
    r: (&[FramingHit], &str, &str),
    o: (&[FramingHit], &str, &str),
    across: bool,
) -> Vec<LabelChoice> {
    let group = |hits: &[FramingHit]| -> BTreeMap<String, Vec<String>> {
        let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for h in hits.iter().filter(|h| h.category == "label") {
            if let Some(n) = &h.neutral {
                let t = h.term.to_lowercase();
                let e = m.entry(n.clone()).or_default();
                if !e.contains(&t) {
                    e.push(t);
                    e.sort();
                }
            }
        }
        m
    };
    let (rg, og) = (group(r.0), group(o.0));
    let mut neutrals: Vec<&String> = rg.keys().chain(og.keys()).collect();
    neutrals.sort();
    neutrals.dedup();
    let (rc, oc) = (counts(r.1), counts(o.1));
    // A label set fits the story only when one of the articles names what its neutral
    // word names: "spies" against "diplomats" means something in a story about
    // diplomats, not in one about "the nation's spy apparatus".
    let (rn, on) = (
        |n: &str| neutral_count(n, &rc, r.2),
        |n: &str| neutral_count(n, &oc, o.2),
    );
    neutrals
        .into_iter()
        .filter_map(|n| {
            let (r_neutral, o_neutral) = (rn(n), on(n));
            if r_neutral + o_neutral == 0 {
                return None;
            }
            let (rt, ot) = (
                rg.get(n).cloned().unwrap_or_default(),
                og.get(n).cloned().unwrap_or_default(),
            );
            // "spy" and "spies" are one choice: compare singular forms; across the
            // languages, the label sets the terms belong to.
            let key = |v: &[String]| -> Vec<String> {
                let mut k: Vec<String> = v
                    .iter()
                    .map(|t| match claims::label_set(t).filter(|_| across) {
                        Some(set) => format!("#{set}"),
                        None => singular(&fold(t)),
                    })
                    .collect();
                k.sort();
                k.dedup();
                k
            };
            (key(&rt) != key(&ot)).then(|| LabelChoice {
                neutral: n.clone(),
                reference_neutral: r_neutral,
                outlet_neutral: o_neutral,
                reference: rt,
                outlet: ot,
            })
        })
        .collect()
}

/// Times an article uses the neutral word (written in English in `framing.toml`) or,
/// in Spanish, one of its translations ("diplomats" -> "diplomáticos").
fn neutral_count(neutral: &str, counts: &HashMap<String, usize>, lang: &str) -> usize {
    let plain = fold(neutral);
    if lang != "es" {
        let one = singular(&plain);
        return counts.get(&plain).copied().unwrap_or(0) + counts.get(&one).copied().unwrap_or(0);
    }
    let wanted = lexicon::counterparts(&plain, "en");
    counts
        .iter()
        .filter(|(w, _)| w.chars().count() >= 3 && lexicon::is_counterpart(w, "es", &wanted))
        .map(|(_, n)| n)
        .sum()
}

/// A rough singular: "spies" → "spy", "agents" → "agent", "espías" → "espia".
fn singular(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ies") {
        format!("{stem}y")
    } else {
        w.strip_suffix('s').unwrap_or(w).to_string()
    }
}

fn scare(hits: &[FramingHit]) -> Vec<String> {
    hits.iter()
        .filter(|h| h.category == "scare_quote")
        .map(|h| h.term.clone())
        .collect()
}

/// Framing lexicon hits in the headline, read with the body's lexicons.
fn headline_terms(s: &Subject) -> Vec<String> {
    let Some(a) = &s.article else {
        return Vec::new();
    };
    let article = Article {
        title: String::new(),
        lang: a.lang.clone(),
        paragraphs: vec![a.title.clone()],
        ..Article::default()
    };
    claims::analyze(&article)
        .framing
        .hits
        .into_iter()
        .map(|h| format!("{} ({})", h.term, h.category))
        .collect()
}

/// Function words, English and Spanish: they carry grammar, not framing, so they are
/// counted (they shape the prior) but never listed as distinctive.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "into", "than", "that", "this", "these", "those", "it", "its", "is", "are",
    "was", "were", "be", "been", "has", "have", "had", "will", "would", "who", "which", "what",
    "he", "she", "they", "them", "his", "her", "their", "we", "our", "not", "no", "so", "if", "el",
    "la", "los", "las", "un", "una", "unos", "unas", "y", "o", "de", "del", "al", "en", "con",
    "por", "para", "que", "se", "su", "sus", "lo", "le", "les", "es", "son", "fue", "ha", "han",
    "como", "más", "pero", "sin", "sobre", "entre", "este", "esta", "ese", "esa",
];

/// Honorifics and titles: a house style ("Mr. Barrack" in one paper, "Barrack" in
/// another) is not a framing choice.
const STYLE_WORDS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sr", "sra", "srta", "don", "dona", "doña", "sir", "jr",
];

fn listable(w: &str) -> bool {
    !FUNCTION_WORDS.contains(&w)
        && !STYLE_WORDS.contains(&w)
        && !w.chars().all(|c| c.is_ascii_digit())
}

/// Weighted log-odds with an informative Dirichlet prior, outlet (i) against
/// reference (j); see the module docs.
fn log_odds(
    outlet: &HashMap<String, usize>,
    reference: &HashMap<String, usize>,
    pooled: &HashMap<String, usize>,
) -> Vec<DistinctiveTerm> {
    let total = |m: &HashMap<String, usize>| m.values().sum::<usize>() as f64;
    let (ni, nj, n) = (total(outlet), total(reference), total(pooled));
    if ni == 0.0 || nj == 0.0 || n == 0.0 {
        return Vec::new();
    }
    let a0 = PRIOR_SHARE * n;
    let mut words: Vec<&String> = outlet.keys().chain(reference.keys()).collect();
    words.sort();
    words.dedup();
    let mut out: Vec<DistinctiveTerm> = words
        .into_iter()
        .filter_map(|w| {
            let yi = outlet.get(w).copied().unwrap_or(0) as f64;
            let yj = reference.get(w).copied().unwrap_or(0) as f64;
            let aw = a0 * pooled.get(w).copied().unwrap_or(0) as f64 / n;
            if aw <= 0.0 {
                return None;
            }
            let delta =
                ((yi + aw) / (ni + a0 - yi - aw)).ln() - ((yj + aw) / (nj + a0 - yj - aw)).ln();
            let var = 1.0 / (yi + aw) + 1.0 / (yj + aw);
            let z = delta / var.sqrt();
            (z.abs() > Z_MIN && listable(w)).then(|| DistinctiveTerm {
                term: w.clone(),
                z: (z * 100.0).round() / 100.0,
                outlet: yi as usize,
                reference: yj as usize,
            })
        })
        .collect();
    out.sort_by(|a, b| b.z.abs().total_cmp(&a.z.abs()).then(a.term.cmp(&b.term)));
    out.truncate(TOP_TERMS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The outlet's distinctive terms against the reference, prior from both pooled.
    fn distinctive(reference: &str, outlet: &str) -> Vec<DistinctiveTerm> {
        let (r, o) = (counts(reference), counts(outlet));
        let mut pooled = r.clone();
        for (w, n) in &o {
            *pooled.entry(w.clone()).or_insert(0) += n;
        }
        log_odds(&o, &r, &pooled)
    }

    fn hit(term: &str) -> FramingHit {
        FramingHit {
            term: term.into(),
            category: "label".into(),
            neutral: Some("diplomats".into()),
            span: [0, 0],
        }
    }

    #[test]
    fn a_label_choice_is_reported_once_and_plurals_are_one_choice() {
        let r = [hit("spies"), hit("spy")];
        let same = labels((&r, "", "en"), (&[hit("Spies")], "", "en"), false);
        assert!(same.is_empty(), "{same:?}");
        let l = labels(
            (&r, "", "en"),
            (&[], "the diplomats and more diplomats", "en"),
            false,
        );
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].reference, vec!["spies".to_string(), "spy".to_string()]);
        assert_eq!((l[0].outlet.len(), l[0].outlet_neutral), (0, 2));
    }

    #[test]
    fn a_label_set_fits_only_a_story_that_names_its_neutral_thing() {
        // "the nation's spy apparatus" / "party operatives": nobody here is a diplomat.
        let r = [hit("spy")];
        let o = [FramingHit {
            neutral: Some("diplomats".into()),
            ..hit("operatives")
        }];
        let none = labels(
            (&r, "the nation's spy apparatus grew", "en"),
            (&o, "party operatives met", "en"),
            false,
        );
        assert!(none.is_empty(), "{none:?}");
        let l = labels(
            (&r, "the spy and two diplomats", "en"),
            (&o, "party operatives met", "en"),
            false,
        );
        assert_eq!(l.len(), 1, "{l:?}");
    }

    #[test]
    fn across_languages_one_label_set_is_one_choice_and_the_neutral_word_is_translated() {
        // "spies" / "espías" is the same choice; "agentes" is another.
        let r = [hit("spies")];
        let es = |t: &str| FramingHit {
            neutral: Some("diplomats".into()),
            ..hit(t)
        };
        let reference = ("the spies and the diplomats", "en");
        let same = labels(
            (&r, reference.0, reference.1),
            (&[es("espías")], "los espías", "es"),
            true,
        );
        assert!(same.is_empty(), "{same:?}");
        let l = labels(
            (&r, reference.0, reference.1),
            (&[], "llegaron tres diplomáticos y dos diplomáticas", "es"),
            true,
        );
        assert_eq!(l.len(), 1, "{l:?}");
        assert_eq!(
            (l[0].reference_neutral, l[0].outlet_neutral),
            (1, 2),
            "{l:?}"
        );
        let other = labels(
            (&r, reference.0, reference.1),
            (&[es("agentes")], "los agentes rusos", "es"),
            true,
        );
        assert_eq!(other.len(), 1, "{other:?}");
        // Within one language, a Spanish article names the neutral thing in Spanish too.
        let none = labels(
            (&[es("espías")], "los espías del aparato", "es"),
            (&[es("agentes")], "los agentes del partido", "es"),
            false,
        );
        assert!(none.is_empty(), "{none:?}");
    }

    #[test]
    fn a_house_style_of_honorifics_is_not_framing() {
        let base = "the council approved the budget on monday after a long debate ".repeat(8);
        let outlet = format!("{base} {}", "mr barrack said austerity ".repeat(12));
        let reference = format!("{base} {}", "barrack said ".repeat(12));
        let terms: Vec<String> = distinctive(&reference, &outlet)
            .into_iter()
            .map(|t| t.term)
            .collect();
        assert!(terms.contains(&"austerity".to_string()), "{terms:?}");
        assert!(!terms.contains(&"mr".to_string()), "{terms:?}");
    }

    #[test]
    fn a_word_only_the_outlet_repeats_is_distinctive_and_shared_words_are_not() {
        let reference = "the council approved the budget on monday after a long debate ".repeat(8);
        let outlet = format!(
            "{} austerity austerity austerity austerity austerity austerity austerity austerity",
            "the council approved the budget on monday after a long debate ".repeat(8)
        );
        let terms = distinctive(&reference, &outlet);
        assert_eq!(terms.first().map(|t| t.term.as_str()), Some("austerity"));
        assert!(terms[0].z > Z_MIN);
        assert!(terms.iter().all(|t| t.term != "council"));
    }

    #[test]
    fn function_words_are_never_listed_as_distinctive() {
        let base = "the council approved the budget on monday after a long debate ".repeat(8);
        let outlet = format!("{base} {}", "to of austerity ".repeat(16));
        let terms: Vec<String> = distinctive(&base, &outlet)
            .into_iter()
            .map(|t| t.term)
            .collect();
        assert_eq!(terms, ["austerity"]);
    }
}
