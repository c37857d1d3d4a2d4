//! Figures implied by an article's own arithmetic, and stated changes that
//! contradict it.
//!
//! Two shapes are derived, the ones reporters write most: parts and their total
//! ("37 new diplomats on top of the 49 already there" implies 86 diplomats; also when
//! the next sentence opens with "they will join the 49"), and a change from one count
//! to another ("rose from 49 to 86" implies 37 more). A figure the article states
//! itself is never re-derived. A stated
//! percentage change ("a 60% jump") is checked against the change its own numbers
//! imply: a "from X to Y" pair in the same sentence, else a derived part-and-total.

use serde::{Deserialize, Serialize};

use super::Derivation;
use super::evidence::{is_base, same_stem};
use crate::claims::{Figure, Interval, Kind};
use crate::fetch::discover::fold;

/// Words that join a part to what it adds to.
const SUM_CONNECTIVES: &[&str] = &[
    "on top of",
    "in addition to",
    "added to",
    "plus",
    "besides",
    "además de",
    "ademas de",
    "sumados a",
    "sumadas a",
    "se suman a",
    "que se suman a",
    "a sumar a",
    "join",
    "joining",
    "se unirán a",
    "se uniran a",
    "se sumarán a",
    "se sumaran a",
];

/// Words right before a second part of the same count: "120 camas en la capital y
/// otras 60 en el resto", "40 in the north and another 25 in the south".
const ANOTHER_PART: &[&str] = &["y otras", "y otros", "and another", "and a further"];

/// Verb stems that add a part to a base joined by "to" / "a".
const ADD_VERBS: &[&str] = &["add", "suma", "sumar", "anad", "agreg"];

/// Words that mark a stated change (rise or fall).
const CHANGE_WORDS: &[&str] = &[
    "jump",
    "jumped",
    "rise",
    "rose",
    "risen",
    "increase",
    "increased",
    "growth",
    "grew",
    "surge",
    "surged",
    "boost",
    "hike",
    "climb",
    "climbed",
    "up",
    "drop",
    "dropped",
    "fall",
    "fell",
    "decline",
    "declined",
    "cut",
    "down",
    "aumento",
    "aumentó",
    "alza",
    "subida",
    "subió",
    "incremento",
    "crecimiento",
    "creció",
    "salto",
    "caída",
    "cayó",
    "descenso",
    "bajó",
    "recorte",
];

/// Stated percentages may be rounded: this much slack, in points, before flagging.
const PERCENT_SLACK: f64 = 1.0;

/// A figure with, when it is not stated, how it was derived.
#[derive(Debug, Clone)]
pub(super) struct Derived {
    pub figure: Figure,
    pub derivation: Option<Derivation>,
}

/// A stated change that the article's own numbers contradict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inconsistency {
    /// The stated change ("a 60% jump").
    pub stated: Figure,
    /// The change the article's numbers imply, in percent, to one decimal.
    pub implied: f64,
    /// The figures it is computed from, as written.
    pub from: Vec<String>,
    /// In words: "49 → 86 is +75.5%, not 60%".
    pub how: String,
}

/// The stated figures followed by those their arithmetic implies.
pub(super) fn with_derived(figures: &[Figure]) -> Vec<Derived> {
    let mut out: Vec<Derived> = figures
        .iter()
        .map(|f| Derived {
            figure: f.clone(),
            derivation: None,
        })
        .collect();
    for (part, base) in sum_pairs(figures) {
        let total = part.value.lo.unwrap_or(0.0) + base.value.lo.unwrap_or(0.0);
        let unit_key = if base.unit_key.is_empty() {
            &part.unit_key
        } else {
            &base.unit_key
        };
        let stated = figures.iter().any(|f| {
            f.kind == Kind::Count
                && f.value.lo == Some(total)
                && (f.unit_key.is_empty() || crate::claims::units_related(&f.unit_key, unit_key))
        });
        if stated
            || out
                .iter()
                .any(|d| d.figure.kind == Kind::Count && d.figure.value.lo == Some(total))
        {
            continue;
        }
        // The total keeps what both parts share (nationality), not their status.
        let modifiers: Vec<String> = part
            .modifiers
            .iter()
            .filter(|m| base.modifiers.contains(m))
            .filter(|m| !["new", "additional", "existing", "former"].contains(&m.as_str()))
            .cloned()
            .chain(std::iter::once("total".to_string()))
            .collect();
        // The head noun as written ("diplomats" in "diplomats already accredited").
        let stem: String = fold(unit_key).chars().take(5).collect();
        let words: Vec<&str> = base.unit.split_whitespace().collect();
        let noun = words
            .iter()
            .find(|w| !stem.is_empty() && fold(w).starts_with(&stem))
            .or(words.last())
            .copied()
            .unwrap_or("")
            .to_string();
        let how = format!("{} + {} = {}", part.text, base.text, num(total));
        out.push(Derived {
            figure: Figure {
                text: format!(
                    "{} {noun} in total ({} + {})",
                    num(total),
                    num_of(part),
                    num_of(base)
                ),
                value: Interval::exact(total),
                kind: Kind::Count,
                unit: format!("total {noun}").trim().to_string(),
                unit_key: unit_key.clone(),
                modifiers,
                currency: None,
                span: [
                    part.span[0].min(base.span[0]),
                    part.span[1].max(base.span[1]),
                ],
                sentence: part.sentence.clone(),
                attribution: part
                    .attribution
                    .clone()
                    .or_else(|| base.attribution.clone()),
                headline: part.headline && base.headline,
            },
            derivation: Some(Derivation {
                op: "sum".into(),
                from: vec![part.text.clone(), base.text.clone()],
                how,
            }),
        });
    }
    for (from, to) in change_pairs(figures) {
        let (a, b) = (from.value.lo.unwrap_or(0.0), to.value.lo.unwrap_or(0.0));
        let diff = (b - a).abs();
        let unit_key = if to.unit_key.is_empty() {
            &from.unit_key
        } else {
            &to.unit_key
        };
        let known = |f: &Figure| {
            f.kind == Kind::Count
                && f.value.lo == Some(diff)
                && (f.unit_key.is_empty() || crate::claims::units_related(&f.unit_key, unit_key))
        };
        if diff == 0.0 || figures.iter().any(known) || out.iter().any(|d| known(&d.figure)) {
            continue;
        }
        // A rise is that many more ("new"); a fall that many fewer.
        let (word, modifier) = if b > a {
            ("more", "new")
        } else {
            ("fewer", "fewer")
        };
        let noun = to.unit.split_whitespace().last().unwrap_or("").to_string();
        let how = format!("{} − {} = {}", num(a.max(b)), num(a.min(b)), num(diff));
        out.push(Derived {
            figure: Figure {
                text: format!("{} {word} {noun} ({} → {})", num(diff), num(a), num(b)),
                value: Interval::exact(diff),
                kind: Kind::Count,
                unit: format!("{word} {noun}").trim().to_string(),
                unit_key: unit_key.clone(),
                modifiers: vec![modifier.to_string()],
                currency: None,
                span: [from.span[0], to.span[1]],
                sentence: to.sentence.clone(),
                attribution: to.attribution.clone().or_else(|| from.attribution.clone()),
                headline: from.headline && to.headline,
            },
            derivation: Some(Derivation {
                op: "difference".into(),
                from: vec![from.text.clone(), to.text.clone()],
                how,
            }),
        });
    }
    out
}

/// Openings of a "from X to Y" change, English and Spanish ("rose from 49 to 86",
/// "pasó de 49 a 86"): the word before X, and the words allowed between X and Y.
const FROM_WORDS: &[&str] = &["from", "de", "desde"];
const TO_WORDS: &[&str] = &["to", "a", "hasta"];

/// Two related exact counts of one sentence with `a` written wholly before `b`: the
/// sentence before `a`, and between the two, as written (fold them to match words).
fn counts_in_order<'s>(a: &'s Figure, b: &Figure) -> Option<(&'s str, &'s str)> {
    if a.sentence != b.sentence
        || a.kind != Kind::Count
        || b.kind != Kind::Count
        || !a.value.is_exact()
        || !b.value.is_exact()
        || !related(a, b)
    {
        return None;
    }
    let (pa, pb) = place(a, b)?;
    let s = &a.sentence;
    Some((s.get(..pa)?, s.get(pa + a.text.len()..pb)?))
}

/// Where `a` and then `b` stand in their sentence, as byte offsets, `b` starting after
/// `a` ends. From the spans when they fit the sentence, else by seeking `b` after `a`:
/// seeking each alone finds the "9" of "a 396-9 vote" inside "396".
fn place(a: &Figure, b: &Figure) -> Option<(usize, usize)> {
    let s = a.sentence.as_str();
    // Spans come with the claims, not from this sentence: take them only as a hint.
    let gap = b.span[0]
        .checked_sub(a.span[0])
        .filter(|&g| g >= a.text.len() && g <= s.len());
    if let Some(gap) = gap {
        let fits = |i: usize| s.get(i + gap..).is_some_and(|r| r.starts_with(&b.text));
        if let Some((i, _)) = s.match_indices(&a.text).find(|&(i, _)| fits(i)) {
            return Some((i, i + gap));
        }
    }
    let pa = s.find(&a.text)?;
    let end = pa + a.text.len();
    Some((pa, end + s.get(end..)?.find(&b.text)?))
}

/// Pairs of related exact counts stated as a change from one to the other, in a
/// sentence with a word of change.
fn change_pairs(figures: &[Figure]) -> Vec<(&Figure, &Figure)> {
    let mut out = Vec::new();
    for pair in figures.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if !(has_change_word(&a.sentence) || contains_stem(&fold(&a.sentence), "pas")) {
            continue;
        }
        let Some((before, between)) = counts_in_order(a, b) else {
            continue;
        };
        let (before, between) = (fold(before), fold(between));
        let before = before.split_whitespace().next_back().unwrap_or("");
        let between: Vec<&str> = between.split_whitespace().collect();
        if FROM_WORDS.contains(&before) && matches!(between.as_slice(), [w] if TO_WORDS.contains(w))
        {
            out.push((a, b));
        }
    }
    out
}

/// Stated changes whose size the article's own numbers contradict.
pub(super) fn inconsistencies(figures: &[Figure]) -> Vec<Inconsistency> {
    let sums = sum_pairs(figures);
    let mut out = Vec::new();
    for p in figures.iter().filter(|f| f.kind == Kind::Percent) {
        if !has_change_word(&p.sentence) {
            continue;
        }
        // "from X to Y" in the percentage's own sentence first.
        let same: Vec<&Figure> = figures
            .iter()
            .filter(|f| {
                f.sentence == p.sentence
                    && matches!(f.kind, Kind::Count | Kind::Money)
                    && f.value.is_exact()
            })
            .collect();
        let base = same.iter().position(|f| is_base(f));
        let implied = if let (2, Some(k)) = (same.len(), base)
            && related(same[0], same[1])
        {
            let (from, to) = (same[k], same[1 - k]);
            let (a, b) = (from.value.lo.unwrap_or(0.0), to.value.lo.unwrap_or(0.0));
            (a != 0.0).then(|| {
                (
                    (b - a) / a * 100.0,
                    vec![from.text.clone(), to.text.clone()],
                    format!("{} → {}", from.text, to.text),
                )
            })
        } else {
            let near: Vec<&(&Figure, &Figure)> = sums
                .iter()
                .filter(|(a, _)| a.sentence == p.sentence)
                .collect();
            let pick = match near.as_slice() {
                [one] => Some(*one),
                _ if sums.len() == 1 => sums.first(),
                _ => None,
            };
            pick.and_then(|(part, base)| {
                let (a, add) = (base.value.lo?, part.value.lo?);
                (a != 0.0).then(|| {
                    (
                        add / a * 100.0,
                        vec![part.text.clone(), base.text.clone()],
                        format!(
                            "{} on top of {} ({} → {})",
                            part.text,
                            base.text,
                            num(a),
                            num(a + add)
                        ),
                    )
                })
            })
        };
        let Some((change, from, path)) = implied else {
            continue;
        };
        let magnitude = change.abs();
        let mut slack = p.value;
        slack.lo = slack.lo.map(|v| v - PERCENT_SLACK);
        slack.hi = slack.hi.map(|v| v + PERCENT_SLACK);
        if slack.overlaps(&Interval::exact(magnitude)) {
            continue;
        }
        let implied = (magnitude * 10.0).round() / 10.0;
        out.push(Inconsistency {
            how: format!(
                "{path} is a change of {}%, not the stated “{}”",
                num(implied),
                p.text
            ),
            stated: p.clone(),
            implied,
            from,
        });
    }
    out
}

/// (part, base) pairs: exact counts in one sentence, joined by a sum connective
/// that comes before the base ("37 new ... on top of the 49 ...").
fn sum_pairs(figures: &[Figure]) -> Vec<(&Figure, &Figure)> {
    let mut out = Vec::new();
    for (i, a) in figures.iter().enumerate() {
        for b in &figures[i + 1..] {
            let Some((before, between)) = counts_in_order(a, b) else {
                continue;
            };
            let (before, between) = (fold(before), fold(between));
            // "add 120 new beds to its 300 beds", "suma 37 a los 49".
            let added_to = ADD_VERBS.iter().any(|v| contains_stem(&before, v))
                && (contains_phrase(&between, "to") || contains_phrase(&between, "a"));
            let another = ANOTHER_PART
                .iter()
                .any(|c| between.trim_end().ends_with(&fold(c)));
            if added_to
                || another
                || SUM_CONNECTIVES
                    .iter()
                    .any(|c| contains_phrase(&between, &fold(c)))
            {
                out.push((a, b));
            }
        }
    }
    // Across a sentence break when the second sentence opens by joining its number to
    // the one before: "37 new diplomats were cleared. They will join the 49 already
    // there." / "Se sumarán a los 49 ya acreditados." Only neighbours, only when
    // nothing numeric stands between the opening and the number.
    for pair in figures.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.sentence == b.sentence
            || a.kind != Kind::Count
            || b.kind != Kind::Count
            || !a.value.is_exact()
            || !b.value.is_exact()
            || b.span[0] < a.span[1]
            || b.span[0] - a.span[1] > NEXT_SENTENCE_GAP
            || !related(a, b)
        {
            continue;
        }
        let s = fold(&b.sentence);
        let Some(pb) = s.find(&fold(&b.text)) else {
            continue;
        };
        let opening = &s[..pb];
        if !opening.contains(|c: char| c.is_ascii_digit())
            && SUM_CONNECTIVES
                .iter()
                .any(|c| contains_phrase(opening, &fold(c)))
        {
            out.push((a, b));
        }
    }
    out
}

/// Bytes between a figure and one in the next sentence for them to be read as one sum.
const NEXT_SENTENCE_GAP: usize = 400;

/// Counts that may be parts of one total: related units, or one unit unknown.
fn related(a: &Figure, b: &Figure) -> bool {
    a.unit_key.is_empty()
        || b.unit_key.is_empty()
        || crate::claims::units_related(&a.unit_key, &b.unit_key)
        || same_stem(&a.unit_key, &b.unit_key)
}

fn has_change_word(sentence: &str) -> bool {
    let s = fold(sentence);
    CHANGE_WORDS.iter().any(|w| contains_phrase(&s, &fold(w)))
}

/// Some word of `s` starts with `stem`.
fn contains_stem(s: &str, stem: &str) -> bool {
    s.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.starts_with(stem))
}

/// `phrase` occurs in `s` on word boundaries.
fn contains_phrase(s: &str, phrase: &str) -> bool {
    s.match_indices(phrase).any(|(i, m)| {
        let before = s[..i].chars().next_back();
        let after = s[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn num_of(f: &Figure) -> String {
    f.value.lo.map(num).unwrap_or_default()
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.1}")
    }
}
