//! Evidence that two figures are about the same quantity: unit, modifiers, what is
//! measured, the words around both numbers and the names in their sentences.
//! [`pair_score`] is the entry point; `align` decides with what it returns.

use std::collections::HashSet;

use super::align::{common_units, loose, near_bound, vague};
use super::pair_model::{Features, MODEL};
use super::referent;
use crate::claims::{Figure, Interval, Kind};
use crate::fetch::discover::fold;

/// Words that scale a number ("million") say nothing about what is counted.
const SCALE_WORDS: &[&str] = &[
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "miles",
    "millon",
    "millones",
    "billon",
    "billones",
    "millardo",
    "millardos",
];

#[derive(Clone, Debug)]
pub(super) struct Match {
    /// The evidence as numbers, for the fitted scorer (`pair_model`).
    pub features: Features,
    /// The fitted scorer's probability that both state one quantity, computed once.
    pub probability: f64,
    /// The same from the model of disjoint pairs, which decides "diverge".
    pub diverge_probability: f64,
    /// The same evidence in words, for the cell's explanation.
    pub why: String,
}

/// The evidence that two figures state the same quantity, as features for the fitted
/// scorer and in words; `None` when they cannot (kind, currency or unit differ).
/// Across languages, words that differ are no evidence against a pair.
pub(super) fn pair_score(a: &Figure, b: &Figure, same_language: bool) -> Option<Match> {
    let (a, b) = common_units(a, b);
    let (a, b) = (a.as_ref(), b.as_ref());
    if a.kind != b.kind {
        return None;
    }
    let mut why = Vec::new();
    let mut x = Features::default();
    if a.kind == Kind::Money && a.currency != b.currency {
        if a.currency.is_some() && b.currency.is_some() {
            return None;
        }
        why.push("currency unsaid on one side".to_string());
        x.currency_unsaid = 1.0;
    }
    let (ka, kb) = (a.unit_key.clone(), b.unit_key.clone());
    // A unit the sentence leaves unsaid ("39 of them", "the 49 already there") is the
    // reader's guess from nearby nouns: a guess that differs is no proof of another
    // quantity, only no proof of the same one.
    let guessed = |f: &Figure| f.unit.is_empty() && !f.unit_key.is_empty();
    match a.kind {
        Kind::Count => {
            let differ = !ka.is_empty()
                && !kb.is_empty()
                && ka != kb
                && !crate::claims::units_related(&ka, &kb);
            if ka.is_empty() || kb.is_empty() || (differ && (guessed(a) || guessed(b))) {
                why.push("unit unknown".to_string());
                x.unit_unknown = 1.0;
            } else if ka == kb {
                why.push(format!("same unit ({ka})"));
                x.unit_same = 1.0;
            } else if crate::claims::units_related(&ka, &kb) {
                why.push(format!("related units ({ka} ~ {kb})"));
                x.unit_related = 1.0;
            } else if crate::claims::units_broader(&ka, &kb) {
                // "1,250 people" / "1,250 workers": possibly one count, named more
                // broadly on one side; the rest of the evidence must say so.
                why.push(format!("one unit broader ({ka} ~ {kb})"));
                x.unit_broader = 1.0;
            } else if crate::claims::counts_people(&ka) != crate::claims::counts_people(&kb) {
                // "140 injured" / "140 homes": people and things are never one count.
                return None;
            } else {
                // The lexicon lacks synonyms ("bales" / "packages"): the model weighs
                // a difference in written units with the rest of the evidence.
                why.push(format!("different units ({ka} / {kb})"));
                x.unit_differs = 1.0;
            }
        }
        // Years, dates, percentages, money: the kind is the unit; context decides.
        _ => {
            why.push(format!("same kind ({})", a.kind.as_str()));
            match a.kind {
                Kind::Money => x.kind_money = 1.0,
                Kind::Percent => x.kind_percent = 1.0,
                Kind::Year => x.kind_year = 1.0,
                Kind::Date => x.kind_date = 1.0,
                Kind::Duration => x.kind_duration = 1.0,
                Kind::Ordinal => x.kind_ordinal = 1.0,
                Kind::Count => {}
            }
        }
    }
    let (ma, mb): (HashSet<&str>, HashSet<&str>) = (
        a.modifiers.iter().map(String::as_str).collect(),
        b.modifiers.iter().map(String::as_str).collect(),
    );
    if !ma.is_empty() && !mb.is_empty() {
        let common: Vec<&str> = ma.intersection(&mb).copied().collect();
        if common.is_empty() {
            why.push("different modifiers".to_string());
            x.modifiers_differ = 1.0;
        } else {
            let share = common.len() as f64 / ma.len().max(mb.len()) as f64;
            x.modifiers_shared = share;
            let mut common = common;
            common.sort_unstable();
            why.push(format!("modifiers {}", common.join(", ")));
        }
    } else if ma.len() + mb.len() > 0 {
        x.modifiers_one_side = 1.0;
    }
    // What an amount measures ("budget" / "spending"): different things are different
    // quantities, the same thing is evidence about the numbers themselves.
    let (wa, wb) = (referent::measured(a), referent::measured(b));
    if !wa.is_empty() && !wb.is_empty() {
        if wa.iter().any(|x| wb.iter().any(|y| same_stem(x, y))) {
            x.measures_same = 1.0;
            why.push("measures the same thing".to_string());
        } else if same_language {
            x.measures_differ = 1.0;
            why.push("measures different things".to_string());
        }
    }
    // A change ("by 20,000") and a level ("405,000 claims") are different quantities.
    if referent::is_change(a) != referent::is_change(b) {
        x.change_one_side = 1.0;
        why.push("only one is a change".to_string());
    }
    // "3% from a year earlier" and "0.9% from March" measure over different periods.
    if let (Some(pa), Some(pb)) = (referent::period(a), referent::period(b))
        && pa != pb
    {
        x.periods_differ = 1.0;
        why.push("changes over different periods".to_string());
    }
    // A total and one of its parts are different quantities, whatever else they share.
    if ma.contains("total") != mb.contains("total") {
        why.push("only one is a total".to_string());
        x.total_one_side = 1.0;
    }
    let ctx = context_overlap(&a.sentence, &b.sentence);
    x.context = ctx;
    if ctx > 0.0 {
        why.push(format!("context {:.0}%", ctx * 100.0));
    }
    let names = shared_names(&a.sentence, &b.sentence);
    x.names = names.len().min(3) as f64 / 3.0;
    if !names.is_empty() {
        why.push(format!("names {}", names.join(", ")));
    }
    let local = local_overlap(a, b);
    x.near_words = local;
    if local > 0.0 {
        why.push(format!("near words {:.0}%", local * 100.0));
    }
    match (is_base(a), is_base(b)) {
        (true, true) => {
            x.base_both = 1.0;
            why.push("both the starting point of a change".to_string());
        }
        (false, false) => {}
        _ => {
            x.base_one_side = 1.0;
            why.push("only one is the starting point of a change".to_string());
        }
    }
    values(&mut x, a, b);
    let anchored =
        x.unit_same + x.unit_related + x.modifiers_shared + x.measures_same + x.near_words;
    if x.values_overlap_loose > 0.0 && anchored == 0.0 {
        x.loose_unanchored = 1.0;
    }
    x.other_language = f64::from(u8::from(!same_language));
    x.headline = f64::from(u8::from(a.headline || b.headline));
    x.unit_guessed = f64::from(u8::from(guessed(a) || guessed(b)));
    Some(Match {
        probability: MODEL.probability(&x),
        diverge_probability: MODEL.diverge_probability(&x),
        features: x,
        why: why.join("; "),
    })
}

/// How the two values relate, as features: equal, overlapping (precisely or through a
/// bound or a vague amount), or how far apart.
fn values(x: &mut Features, a: &Figure, b: &Figure) {
    let (va, vb) = (&a.value, &b.value);
    let is_loose = loose(va) || loose(vb);
    if va == vb {
        x.values_equal = 1.0;
    } else if va.overlaps(vb) {
        if is_loose {
            x.values_overlap_loose = 1.0;
        } else {
            x.values_overlap = 1.0;
        }
    } else if let (Some(p), Some(q)) = (centre(va), centre(vb)) {
        let apart = match a.kind {
            Kind::Year => (p - q).abs() / 10.0,
            Kind::Date => (months(p) - months(q)).abs(),
            _ if p > 0.0 && q > 0.0 => (p / q).ln().abs(),
            _ => 3.0,
        };
        x.values_apart = apart.min(3.0);
        let close = match a.kind {
            Kind::Year => (p - q).abs() <= 1.0,
            Kind::Date => (months(p) - months(q)).abs() <= 1.0,
            _ => p > 0.0 && q > 0.0 && p.max(q) / p.min(q) <= 1.2,
        };
        x.values_close = f64::from(u8::from(close));
    }
    if is_loose && !(near_bound(va, vb) && near_bound(vb, va)) {
        x.far_from_bound = 1.0;
    }
    x.vague = f64::from(u8::from(vague(va) || vague(vb)));
}

/// A point standing for an interval: its middle, or its one finite end.
fn centre(v: &Interval) -> Option<f64> {
    match (v.lo, v.hi) {
        (Some(l), Some(h)) => Some((l + h) / 2.0),
        (Some(e), None) | (None, Some(e)) => Some(e),
        (None, None) => None,
    }
}

/// A `yyyymmdd` date as months since year 0 (days as a fraction), for distances.
fn months(d: f64) -> f64 {
    let (y, m, day) = (
        (d / 10000.0).floor(),
        ((d / 100.0).floor()) % 100.0,
        d % 100.0,
    );
    y * 12.0 + m + day / 31.0
}

/// Content words of a sentence: four letters or more, folded, numbers aside.
fn content_words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(fold)
        .collect()
}

/// Share of the smaller sentence's content words found in the other.
fn context_overlap(a: &str, b: &str) -> f64 {
    let (wa, wb) = (content_words(a), content_words(b));
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

/// Content words within [`WINDOW`] words of the figure in its sentence: what the
/// number is about ("fined", "repay", "police"), which a whole sentence blurs.
const WINDOW: usize = 3;

fn near_words(f: &Figure) -> HashSet<String> {
    // Cut at clause marks: what lies past a comma ("..., a review found") is about the
    // sentence, not the number.
    let mut words: Vec<String> = Vec::new();
    for piece in f.sentence.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let w: String = piece.chars().take_while(|c| c.is_alphanumeric()).collect();
        if !w.is_empty() {
            words.push(fold(&w));
        }
        if piece.ends_with([',', ';', ':', '(', ')']) {
            words.push(String::from(","));
        }
    }
    let target: Vec<String> = f
        .text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect();
    let Some(start) = (!target.is_empty())
        .then(|| {
            words
                .windows(target.len())
                .position(|w| w == target.as_slice())
        })
        .flatten()
    else {
        return HashSet::new();
    };
    let end = start + target.len();
    let content = |w: &&String| {
        w.chars().count() >= 4
            && !w.chars().all(|c| c.is_ascii_digit())
            && !SCALE_WORDS.contains(&w.as_str())
    };
    let clause = |w: &&String| w.as_str() != ",";
    let before = words[..start]
        .iter()
        .rev()
        .take_while(clause)
        .filter(content)
        .take(WINDOW);
    let after = words[end..]
        .iter()
        .take_while(clause)
        .filter(content)
        .take(WINDOW);
    before.chain(after).cloned().collect()
}

/// Share of the smaller near-word set found in the other.
fn local_overlap(a: &Figure, b: &Figure) -> f64 {
    let (wa, wb) = (near_words(a), near_words(b));
    let small = wa.len().min(wb.len());
    if small == 0 {
        return 0.0;
    }
    let (s, l) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    s.iter()
        .filter(|w| l.iter().any(|x| same_stem(w, x)))
        .count() as f64
        / small as f64
}

/// The figure is what a change starts from ("up from $2.2 billion", "desde 49").
pub(super) fn is_base(f: &Figure) -> bool {
    let s = fold(&f.sentence);
    let t = fold(&f.text);
    s.match_indices(&t).any(|(i, _)| {
        let before: Vec<&str> = s[..i].split_whitespace().rev().take(1).collect();
        matches!(before.first(), Some(&"from") | Some(&"desde"))
    })
}

/// Capitalised words after the first of a sentence (names, places, bodies), folded.
fn names(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip(1)
        .filter(|w| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
        .map(fold)
        .collect()
}

/// Names two sentences share (by stem, so "Mexico" meets "México").
fn shared_names(a: &str, b: &str) -> Vec<String> {
    let (na, nb) = (names(a), names(b));
    let mut out: Vec<String> = na
        .into_iter()
        .filter(|x| nb.iter().any(|y| same_stem(x, y)))
        .collect();
    out.sort();
    out
}

/// Equal, or sharing the first six letters (plurals, cognates across languages).
pub(super) fn same_stem(a: &str, b: &str) -> bool {
    a == b
        || (a.chars().count() >= 6
            && b.chars().count() >= 6
            && a.chars().take(6).eq(b.chars().take(6)))
}
