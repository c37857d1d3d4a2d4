//! Elided nouns: what a number with no noun of its own counts.
//!
//! Entry point: [`elided_key`], asked by `build`'s last step for a count with no noun.
//! It tries a count just before, [`subject_unit`] (the subject of a verb of change),
//! a population ([`population_before`]), [`inherited_unit`] (the noun of a figure
//! before), [`tally`] (votes) and [`people_unsaid`] (a verb only people do).
//! [`institution_nationality`] lends a staff count the nationality of an embassy named
//! before it. Word lists: `[elided]` in `figures.toml`.
//!
//! ```text
//! "The embassy's staff grew from 49 to 86" → 49 staff, 86 staff
//! "3.7 million march across France"         → 3,700,000 people
//! ```

use crate::claims::qualifiers;
use crate::claims::tokens::{Tok, TokKind, tokenize};
use crate::claims::types::{Figure, Kind};
use crate::claims::units::{LEXICON, UnitKind};

use super::range::in_dash_pair;
use super::unit_phrase::post_modifiers;
use super::words::{WORDS, has};
use super::{Ctx, LOOK_BACK};

/// Is the number at `start` the size of a population named shortly before it?
fn population_before(ctx: &Ctx, start: usize) -> bool {
    let from = ctx
        .sentence_first_tok(ctx.tok_sentence[start], start)
        .max(start.saturating_sub(10));
    // "a city of 600,000": a place sized by a bare number is sized in people.
    let place_of = start >= 2
        && (ctx.toks[start - 1].is("of") || ctx.toks[start - 1].is("de"))
        && has(
            &WORDS.elided.place_nouns,
            ctx.toks[start - 2].lower.as_str(),
        );
    place_of
        || (from..start).any(|k| {
            matches!(
                ctx.toks[k].lower.as_str(),
                "population" | "población" | "poblacion"
            )
        })
}

/// The counted noun a population names: "the tiger population", "la población de
/// pingüinos".
fn population_kind(ctx: &Ctx, start: usize) -> Option<String> {
    let toks = ctx.toks;
    let from = ctx
        .sentence_first_tok(ctx.tok_sentence[start], start)
        .max(start.saturating_sub(10));
    let p = (from..start).find(|&k| {
        matches!(
            toks[k].lower.as_str(),
            "population" | "población" | "poblacion"
        )
    })?;
    // Not a name: "Estados Unidos deportó ...; supera los 28,000" counts no states.
    let counted = |k: usize| {
        LEXICON
            .unit_at(toks, k)
            .filter(|m| m.entry.kind == UnitKind::Count && !toks[k].cap)
    };
    let before = p.checked_sub(1).and_then(counted).filter(|m| m.end == p);
    let after = (toks.get(p + 1).is_some_and(|d| d.is("de") || d.is("of")))
        .then(|| counted(p + 2))
        .flatten();
    before.or(after).map(|m| m.entry.key.clone())
}

/// A count of people whose noun is left unsaid: the subject of a verb only people
/// do, or the object of "left ... without" ("left 8.5 million without power",
/// "dejó a 2 millones sin luz").
pub(super) fn people_unsaid(toks: &[Tok], start: usize, end: usize) -> bool {
    let Some(next) = toks.get(end).filter(|t| t.kind == TokKind::Word) else {
        return false;
    };
    // "se manifestaron", "se concentraron": a reflexive verb after "se".
    let reflexive = next.is("se")
        && toks
            .get(end + 1)
            .is_some_and(|v| v.lower.ends_with("aron") || v.lower.ends_with("ieron"));
    if has(&WORDS.elided.people_verbs, next.lower.as_str()) && (!next.is("se") || reflexive) {
        return true;
    }
    // "forces 12,000 to flee": the object of a verb whose infinitive only people do.
    if next.is("to")
        && toks
            .get(end + 1)
            .is_some_and(|v| has(&WORDS.elided.people_verbs, v.lower.as_str()) && !v.is("se"))
    {
        return true;
    }
    let mut k = start;
    if k > 0 && toks[k - 1].is("a") {
        k -= 1;
    }
    k > 0
        && has(&WORDS.elided.leaving_verbs, toks[k - 1].lower.as_str())
        && has(&WORDS.elided.left_without, next.lower.as_str())
}

/// "The vote was 9 to 4", "la votación quedó 5 a 2": bare numbers stated as the
/// outcome of a vote count votes.
fn tally(ctx: &Ctx, start: usize) -> bool {
    let toks = ctx.toks;
    // "passed the bill 68-31", "in a 5-2 vote": a dash pair in a sentence about a
    // vote.
    let pair = in_dash_pair(toks, start) || in_dash_pair(toks, start.saturating_sub(2));
    if pair
        && ctx
            .sentence_toks(ctx.tok_sentence[start])
            .iter()
            .any(|t| has(&WORDS.elided.vote_words, t.lower.as_str()))
    {
        return true;
    }
    let from = ctx
        .sentence_first_tok(ctx.tok_sentence[start], start)
        .max(start.saturating_sub(4));
    (from..start).any(|k| has(&WORDS.elided.vote_cues, toks[k].lower.as_str()))
}

/// "The embassy's staff grew from 49 to 86": the counted noun is the subject of
/// the verb of change before the number.
fn subject_unit(ctx: &Ctx, start: usize) -> String {
    let toks = ctx.toks;
    let from = ctx
        .sentence_first_tok(ctx.tok_sentence[start], start)
        .max(start.saturating_sub(LOOK_BACK));
    // A bound verb may be the figure's own first token ("topped 42,000").
    let Some(v) = (from..start + 1)
        .rev()
        .find(|&k| qualifiers::is_change_verb(&toks[k]) || qualifiers::is_bound_verb(&toks[k]))
    else {
        return String::new();
    };
    // The noun right before the verb, else the first counted noun of the clause
    // ("The death toll from the storm that battered the coast this week rose").
    // Not a name: "Estados Unidos deportó ...; supera los 28,000" counts no states.
    let counted = |k: usize| {
        LEXICON
            .unit_at(toks, k)
            .filter(|m| m.entry.kind == UnitKind::Count && !toks[k].cap)
    };
    let sentence = ctx.sentence_first_tok(ctx.tok_sentence[start], start);
    // "the death toll since the coup topped 500".
    if (sentence..v).any(|k| toks[k].is("toll")) {
        return "death".to_string();
    }
    (v.saturating_sub(3).max(from)..v)
        .find_map(|k| counted(k).filter(|m| m.end == v))
        .or_else(|| (sentence..v).find_map(counted))
        .map(|m| m.entry.key.clone())
        .unwrap_or_default()
}

/// "Eleva a 2,9 millones el número de clientes afectados": the counted noun named
/// after the number ending at `end`, through "el número de" and the like.
fn named_after(ctx: &Ctx, end: usize) -> Option<String> {
    let toks = ctx.toks;
    let noun = WORDS
        .elided
        .number_of
        .iter()
        .find_map(|p| qualifiers::match_phrase(toks, end, p))?;
    LEXICON
        .unit_at(toks, noun)
        .filter(|m| m.entry.kind == UnitKind::Count)
        .map(|m| m.entry.key.clone())
}

/// An elided noun ("the 49 already accredited"): the unit key of the nearest
/// earlier count figure in this sentence or the previous one.
fn inherited_unit(ctx: &Ctx, start: usize, prev: &[(Figure, usize)]) -> String {
    let s = ctx.tok_sentence[start];
    let near = || {
        prev.iter()
            .rev()
            .take_while(|(_, end)| ctx.tok_sentence[end.saturating_sub(1)] + 1 >= s)
    };
    // A multiple ("el triple", "three times as many") counts times, never what a later
    // number counts.
    near()
        .find(|(f, _)| f.kind == Kind::Count && !f.unit_key.is_empty() && f.unit_key != "time")
        .filter(|(f, e)| lends_measure(ctx.toks, f, *e, start))
        .map(|(f, _)| f.unit_key.clone())
        // "perdió el 72 % de sus pasajeros: 17,1 millones": the group a share was of.
        .or_else(|| {
            near()
                .filter(|(f, _)| f.kind == Kind::Percent && !f.unit.is_empty())
                .find_map(|(f, _)| {
                    let toks = tokenize(&f.unit);
                    (0..toks.len()).find_map(|k| {
                        LEXICON
                            .unit_at(&toks, k)
                            .filter(|m| m.entry.kind == UnitKind::Count)
                            .map(|m| m.entry.key.clone())
                    })
                })
        })
        .unwrap_or_default()
}

/// "two feet deep; and 3) predicts": a unit of measure is lent within its clause
/// only, across no stop, bracket, semicolon, colon or slash between the figure ending
/// at `end` and `start` (a comma is no break: "50 points, five clear").
fn lends_measure(toks: &[Tok], f: &Figure, end: usize, start: usize) -> bool {
    LEXICON.unit(&f.unit_key).is_none_or(|u| !u.measure)
        || toks
            .get(end..start)
            .is_some_and(|between| !between.iter().any(|t| t.is_punct(".;:()[]/")))
}

/// "the US embassy, which has 46 diplomats": the nationality an institution named
/// earlier in the clause lends to a staff count.
pub(super) fn institution_nationality(
    ctx: &Ctx,
    start: usize,
    prev: &[(Figure, usize)],
) -> Option<String> {
    let toks = ctx.toks;
    let s = ctx.tok_sentence[start];
    let mut from = ctx.sentence_first_tok(s, start);
    if let Some((_, end)) = prev.last()
        && *end <= start
        && ctx.tok_sentence[end.saturating_sub(1)] == s
    {
        from = from.max(*end);
    }
    for k in from..start {
        let Some(inst_end) = LEXICON.institution_at(toks, k) else {
            continue;
        };
        // Before: "US embassy", "Russia's embassy".
        for back in 1..=2 {
            if let Some(m) = k
                .checked_sub(back)
                .and_then(|b| LEXICON.modifier_at(toks, b))
                && m.end == k
                && m.entry.group == "nationality"
            {
                return Some(m.entry.key.clone());
            }
        }
        // After: "embajada estadounidense", "embassy of the United States".
        let mut mods = Vec::new();
        post_modifiers(toks, inst_end, &mut mods);
        if let Some((key, _)) = mods.into_iter().find(|(_, g)| g == "nationality") {
            return Some(key);
        }
    }
    None
}

/// The key of the noun a count with none of its own leaves unsaid, from the first
/// that lends one: a count just before ("subió en 49.558 personas ..., hasta 3,77
/// millones"), the subject of a verb of change, a population, a figure before, a
/// vote, a verb only people do. Empty when none does; a score borrows nothing.
pub(super) fn elided_key(ctx: &Ctx, start: usize, end: usize, prev: &[(Figure, usize)]) -> String {
    let toks = ctx.toks;
    let mut unit_key = String::new();
    // The numbers of a score ("a 3-1 series lead") borrow no noun from before.
    let score = in_dash_pair(toks, start) || in_dash_pair(toks, start.saturating_sub(2));
    // "subió en 49.558 personas en septiembre, hasta 3,77 millones": a count
    // with its noun stated just before lends it before the verb's subject does.
    // Dates between do not interrupt ("personas en septiembre, hasta").
    let stated = prev
        .iter()
        .rev()
        .find(|(f, _)| !matches!(f.kind, Kind::Date | Kind::Year))
        .filter(|(f, e)| {
            f.kind == Kind::Count
                && !f.unit.is_empty()
                && !f.unit_key.is_empty()
                && start.saturating_sub(*e) <= 8
                && ctx.tok_sentence[*e - 1] == ctx.tok_sentence[start]
                && lends_measure(toks, f, *e, start)
        });
    if let Some(key) = named_after(ctx, end).filter(|_| !score) {
        return key;
    }
    if let Some((f, _)) = stated.filter(|_| !score) {
        unit_key = f.unit_key.clone();
    } else if !score {
        unit_key = subject_unit(ctx, start);
    }
    // "for a population of 400,000", "la población ... hasta los 3 millones".
    // "the wild tiger population has risen to 355": a population of a kind.
    if !score && population_before(ctx, start) {
        unit_key = population_kind(ctx, start).unwrap_or_else(|| "person".to_string());
    }
    if unit_key.is_empty() && !score {
        unit_key = inherited_unit(ctx, start, prev);
    }
    if unit_key.is_empty() && tally(ctx, start) {
        unit_key = "vote".to_string();
    }
    if unit_key.is_empty() && !score && people_unsaid(toks, start, end) {
        unit_key = "person".to_string();
    }
    unit_key
}

/// "el primer puerto de España y el cuarto del Mediterráneo", "the second round and
/// the third": an ordinal with no noun, joined to an ordinal of the same sentence
/// that has one, orders the same noun. Empty when none is joined.
pub(super) fn coordinated_ordinal_key(ctx: &Ctx, start: usize, prev: &[(Figure, usize)]) -> String {
    let toks = ctx.toks;
    let joined = start >= 2
        && matches!(toks[start - 1].lower.as_str(), "el" | "la" | "the")
        && matches!(
            toks[start - 2].lower.as_str(),
            "y" | "e" | "o" | "and" | "or" | ","
        );
    let Some((f, _)) = prev.last().filter(|(f, e)| {
        joined
            && f.kind == Kind::Ordinal
            && !f.unit_key.is_empty()
            && *e <= start
            && ctx.tok_sentence[*e - 1] == ctx.tok_sentence[start]
    }) else {
        return String::new();
    };
    f.unit_key.clone()
}
