//! Evidence that two figures are about the same quantity: unit, modifiers, what is
//! measured, the words around both numbers and the names in their sentences.
//! [`pair_score`] is the entry point; `align` decides with what it returns.

use std::collections::HashSet;

use super::align::{common_unit, loose};
use super::referent;
use crate::claims::{Figure, Kind};
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
    /// Unit, modifier and context evidence, values aside.
    pub evidence: f64,
    /// Some evidence is about the numbers themselves (a known unit, a shared modifier,
    /// shared words next to them), not only about the sentences around them.
    pub about_the_number: bool,
    /// Evidence about this number beyond its unit (a shared modifier, the same thing
    /// measured, shared words right next to both): what a divergence needs, since two
    /// counts of one unit in articles on one story are often different quantities.
    pub specific: bool,
    /// Extra confidence from the values themselves.
    pub value_bonus: f64,
    pub why: String,
}

/// How likely two figures are about the same quantity; `None` when they cannot be.
/// Across languages, words that differ are no evidence against a pair.
pub(super) fn pair_score(a: &Figure, b: &Figure, same_language: bool) -> Option<Match> {
    let (a, b) = (common_unit(a), common_unit(b));
    let (a, b) = (a.as_ref(), b.as_ref());
    if a.kind != b.kind {
        return None;
    }
    if a.kind == Kind::Money && a.currency != b.currency {
        return None;
    }
    let mut why = Vec::new();
    let (ka, kb) = (a.unit_key.clone(), b.unit_key.clone());
    // A unit the sentence leaves unsaid ("39 of them", "the 49 already there") is the
    // reader's guess from nearby nouns: a guess that differs is no proof of another
    // quantity, only no proof of the same one.
    let guessed = |f: &Figure| f.unit.is_empty() && !f.unit_key.is_empty();
    let mut evidence = match a.kind {
        Kind::Count => {
            let differ = !ka.is_empty()
                && !kb.is_empty()
                && ka != kb
                && !crate::claims::units_related(&ka, &kb);
            if ka.is_empty() || kb.is_empty() || (differ && (guessed(a) || guessed(b))) {
                why.push("unit unknown".to_string());
                0.3
            } else if ka == kb {
                why.push(format!("same unit ({ka})"));
                1.0
            } else if crate::claims::units_related(&ka, &kb) {
                why.push(format!("related units ({ka} ~ {kb})"));
                0.8
            } else if crate::claims::units_broader(&ka, &kb) {
                // "1,250 people" / "1,250 workers": possibly one count, named more
                // broadly on one side; the rest of the evidence must say so.
                why.push(format!("one unit broader ({ka} ~ {kb})"));
                0.5
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
    // What an amount measures ("budget" / "spending"): different things are different
    // quantities, the same thing is evidence about the numbers themselves.
    let (wa, wb) = (referent::measured(a), referent::measured(b));
    let mut same_measure = false;
    if !wa.is_empty() && !wb.is_empty() {
        if wa.iter().any(|x| wb.iter().any(|y| same_stem(x, y))) {
            same_measure = true;
            evidence += 0.3;
            why.push("measures the same thing".to_string());
        } else if same_language {
            evidence -= 0.8;
            why.push("measures different things".to_string());
        }
    }
    // A change ("by 20,000") and a level ("405,000 claims") are different quantities.
    if referent::is_change(a) != referent::is_change(b) {
        evidence -= 0.6;
        why.push("only one is a change".to_string());
    }
    // "3% from a year earlier" and "0.9% from March" measure over different periods.
    if let (Some(pa), Some(pb)) = (referent::period(a), referent::period(b))
        && pa != pb
    {
        evidence -= 0.8;
        why.push("changes over different periods".to_string());
    }
    // A total and one of its parts are different quantities, whatever else they share.
    if ma.contains("total") != mb.contains("total") {
        why.push("only one is a total".to_string());
        evidence -= 0.5;
    }
    let ctx = context_overlap(&a.sentence, &b.sentence);
    if ctx > 0.0 {
        evidence += 0.6 * ctx;
        why.push(format!("context {:.0}%", ctx * 100.0));
    }
    let names = shared_names(&a.sentence, &b.sentence);
    if !names.is_empty() {
        evidence += (0.15 * names.len() as f64).min(0.3);
        why.push(format!("names {}", names.join(", ")));
    }
    let local = local_overlap(a, b);
    if local > 0.0 {
        evidence += 0.4 * local;
        why.push(format!("near words {:.0}%", local * 100.0));
    }
    match (is_base(a), is_base(b)) {
        (true, true) => {
            evidence += 0.2;
            why.push("both the starting point of a change".to_string());
        }
        (false, false) => {}
        _ => {
            evidence -= 0.3;
            why.push("only one is the starting point of a change".to_string());
        }
    }
    // Equal values are themselves a sign of the same quantity; an overlap is one only
    // when both values are precise (a bound or a vague amount overlaps almost anything).
    let value_bonus = if a.value == b.value {
        0.8
    } else if a.value.overlaps(&b.value) && !loose(&a.value) && !loose(&b.value) {
        0.4
    } else {
        0.0
    };
    let shared_modifier = !ma.is_disjoint(&mb);
    let known_unit = a.kind == Kind::Count
        && !ka.is_empty()
        && !kb.is_empty()
        && (ka == kb || crate::claims::units_related(&ka, &kb));
    // A count of an unnamed thing is never evidence about the number.
    let unnamed = a.kind == Kind::Count && !known_unit;
    Some(Match {
        evidence,
        specific: !unnamed && (shared_modifier || same_measure || local >= 0.3),
        about_the_number: !unnamed
            && (known_unit || shared_modifier || same_measure || local > 0.0),
        value_bonus,
        why: why.join("; "),
    })
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
