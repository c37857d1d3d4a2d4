//! Rejects: numbers read in full that still state no figure.
//!
//! Entry points, steps of `build`: [`states_nothing`] (a bare zero, a bare "one" that
//! is an article or a pronoun, [`anaphoric`] "the two leaders", [`service_number`]
//! "call 911", [`possessive_title`] "Adele's 25"), [`counts_speakers`] ("two
//! officials said") and [`maturity`] ("the 10-year Treasury note"). Word lists:
//! `[reject]` in `figures.toml`.
//!
//! ```text
//! "Call 999 in an emergency or 101 for anything else" → no figure
//! "14 votos a favor, 10 en contra y una abstención"   → "una abstención" counts 1
//! ```

use crate::claims::numbers::parse_words;
use crate::claims::qualifiers;
use crate::claims::speech::is_speech_verb;
use crate::claims::tokens::{Tok, TokKind};
use crate::claims::types::{Figure, Kind};

use super::Ctx;
use super::build::Draft;
use super::number::Core;
use super::unit_phrase::{UnitPhrase, looks_like_verb};
use super::words::{WORDS, has};

/// "14 votos a favor, 10 en contra y una abstención": "un"/"una"/"a"/"one" right
/// after a conjunction that closes a list of counts is the last count, not an article.
fn closes_count_list(ctx: &Ctx, start: usize, prev: &[(Figure, usize)]) -> bool {
    let toks = ctx.toks;
    let Some(c) = start.checked_sub(1) else {
        return false;
    };
    let conj = c;
    let joined = toks[conj].is_punct(",") || matches!(toks[conj].lower.as_str(), "and" | "y" | "e");
    // The count before is a tally item that borrowed its noun ("10 en contra" counts
    // votes); after a count with its own noun, "y una ley" is an article again.
    joined
        && prev.last().is_some_and(|(f, end)| {
            f.kind == Kind::Count
                && !f.unit_key.is_empty()
                && f.unit.is_empty()
                && *end <= conj
                && conj - *end <= 3
                && ctx.tok_sentence[*end - 1] == ctx.tok_sentence[start]
        })
}

/// "la muerte de una persona y 44 heridos": "un"/"una" and a known noun, then a
/// conjunction and a number, open a list of counts.
fn opens_count_list(toks: &[Tok], start: usize, up: &UnitPhrase) -> bool {
    matches!(toks[start].lower.as_str(), "un" | "una")
        && up.head.is_some()
        && !up.borrowed
        && toks
            .get(up.end)
            .is_some_and(|c| matches!(c.lower.as_str(), "y" | "e" | "and"))
        && (toks.get(up.end + 1).is_some_and(|n| n.kind == TokKind::Num)
            || parse_words(toks, up.end + 1).is_some()
            || qualifiers::collective_at(toks, up.end + 1).is_some())
}

/// "The two leaders last met in 2021", "y los dos líderes acordaron": a definite
/// article and a small number word opening a clause point back at people or things
/// already introduced; the count was stated, if at all, where they were. Digits
/// ("the 27 member states") and partitives ("two of the three suspects") are new
/// information and stay figures.
fn anaphoric(ctx: &Ctx, core: &Core, start: usize, up: &UnitPhrase) -> bool {
    let toks = ctx.toks;
    let small_word = toks[core.start].kind == TokKind::Word
        && core.end == core.start + 1
        && core.value.lo == core.value.hi
        && core.value.lo.is_some_and(|v| (2.0..=10.0).contains(&v));
    // "the six-mile trip": a measure describes, it does not point back.
    let measure = up.head.is_some_and(|u| u.measure);
    if !small_word || measure || start != core.start || !up.has_head() || start == 0 {
        return false;
    }
    let art = start - 1;
    if !matches!(toks[art].lower.as_str(), "the" | "los" | "las") {
        return false;
    }
    ctx.sentence_initial(art)
        || toks.get(art.wrapping_sub(1)).is_some_and(|b| {
            b.is_punct(",;")
                || matches!(
                    b.lower.as_str(),
                    "and" | "but" | "while" | "y" | "e" | "pero" | "mientras"
                )
        })
}

/// "según el 112", "call 911", "llamaron al 091": a bare number that is a source or
/// is dialled names a service; it counts nothing.
fn service_number(ctx: &Ctx, core: &Core, up: &UnitPhrase) -> bool {
    let toks = ctx.toks;
    if up.has_head() || toks[core.start].kind != TokKind::Num || core.start == 0 {
        return false;
    }
    let mut k = core.start - 1;
    if matches!(toks[k].lower.as_str(), "el" | "la" | "al") && k > 0 {
        k -= 1;
    }
    let w = toks[k].lower.as_str();
    // "Call 999 in an emergency or 101 for ...": the alternative number is dialled too.
    let from = ctx
        .sentence_first_tok(ctx.tok_sentence[k], k)
        .max(k.saturating_sub(8));
    if matches!(w, "or" | "o")
        && (from..k).any(|j| has(&WORDS.reject.dial_verbs, toks[j].lower.as_str()))
    {
        return true;
    }
    has(&WORDS.reject.service_verbs, w) || (w == "to" && k > 0 && toks[k - 1].is("according"))
        // "report potholes on 311", "llame al 112": a short public service number.
        || matches!(w, "on" | "via" | "al") && short_code(&toks[core.start].lower)
}

/// Three-digit public service numbers: the N11 codes (311, 911) and the emergency
/// numbers of Europe and Latin America (112, 999, 061, 091).
fn short_code(digits: &str) -> bool {
    let b = digits.as_bytes();
    b.len() == 3
        && b.iter().all(u8::is_ascii_digit)
        && (b[1..] == *b"11" && b[0] != b'0'
            || matches!(
                digits,
                "112" | "999" | "061" | "091" | "092" | "080" | "088"
            ))
}

/// "Adele's 25 sold 3.38 million copies": a bare number after a name's possessive
/// names a work or a shirt, unless it answers a count earlier in the sentence
/// ("won 332 electoral votes to Romney's 206").
fn possessive_title(ctx: &Ctx, core: &Core, up: &UnitPhrase, prev: &[(Figure, usize)]) -> bool {
    let toks = ctx.toks;
    if up.has_head() || core.scaled || toks[core.start].kind != TokKind::Num || core.start == 0 {
        return false;
    }
    let p = &toks[core.start - 1];
    let possessive = p.cap && (p.lower.ends_with("'s") || p.lower.ends_with("’s"));
    let s = ctx.tok_sentence[core.start];
    possessive
        && !prev
            .iter()
            .any(|(f, e)| f.kind == Kind::Count && ctx.tok_sentence[e.saturating_sub(1)] == s)
}

/// "two officials said", "dijeron dos funcionarios", "according to three
/// witnesses": a count inside the attribution says who spoke, not what happened.
fn in_attribution(ctx: &Ctx, start: usize, end: usize) -> bool {
    let toks = ctx.toks;
    let speech = |k: usize| toks.get(k).is_some_and(is_speech_verb);
    // "the figure of 37 diplomats tells the story": a plural count cannot be the
    // subject of "tells", "says".
    let agrees = |k: usize| ctx.lang != "en" || !toks[k].lower.ends_with('s');
    // ", dijeron dos funcionarios", ", said two officials": verb before its subject,
    // after a comma (not "others say more than 150 officers").
    let inverted = |k: usize| {
        k > 0
            && speech(k - 1)
            && (k < 2
                || toks[k - 2].is_punct(",")
                || matches!(toks[k - 2].lower.as_str(), "según" | "segun")
                || ctx.tok_sentence[k - 2] != ctx.tok_sentence[k])
    };
    let ends_at = |k: usize| {
        toks.get(k).is_none_or(|t| t.is_punct(".,;:)"))
            || ctx.tok_sentence.get(k) != ctx.tok_sentence.get(start)
    };
    // "dijeron dos portavoces del servicio.": who they speak for may follow.
    let of_whom = toks
        .get(end)
        .is_some_and(|t| matches!(t.lower.as_str(), "of" | "from" | "de" | "del"))
        && (end + 1..end + 6).find(|&k| ends_at(k)).is_some_and(|e| {
            // "de la cancillería": after an article a word is a noun, whatever its
            // ending.
            let noun = |k: usize| {
                toks[k - 1].kind == TokKind::Word
                    && matches!(
                        toks[k - 1].lower.as_str(),
                        "la" | "el" | "los" | "las" | "the"
                    )
            };
            (end + 1..e).all(|k| {
                toks[k].kind == TokKind::Word
                    && !speech(k)
                    && (noun(k) || !looks_like_verb(&toks[k].lower, ctx.lang))
                    && !matches!(toks[k].lower.as_str(), "que" | "who" | "that")
            })
        });
    let clause_ends = ends_at(end) || of_whom;
    let source_before = ["according to", "según", "segun", "citing"]
        .iter()
        .any(|p| {
            let n = p.split(' ').count();
            start
                .checked_sub(n)
                .is_some_and(|s| qualifiers::match_phrase(toks, s, p) == Some(start))
        });
    // "37 diplomats said to be spies": a passive, not a source.
    let passive = toks.get(end + 1).is_some_and(|t| t.is("to"));
    (speech(end) && agrees(end) && !passive)
        || (inverted(start) && clause_ends)
        || (source_before && clause_ends)
}

/// "no one", "the one", "one of", "one another": "one" as a pronoun.
fn pronoun_one(toks: &[Tok], i: usize) -> bool {
    let prev = i.checked_sub(1).map_or("", |k| toks[k].lower.as_str());
    let next = toks.get(i + 1).map_or("", |t| t.lower.as_str());
    matches!(
        prev,
        "no" | "any" | "the" | "this" | "that" | "every" | "each" | "which"
    ) || matches!(next, "of" | "another" | "by" | "who" | "that")
}

/// Step: a number read in full that states no figure: a bare zero word ("portería
/// a cero"), a bare "one" that is an article or a pronoun, and an unqualified count
/// that points back ([`anaphoric`]), names a service ([`service_number`]) or a work
/// ([`possessive_title`]).
pub(super) fn states_nothing(ctx: &Ctx, d: &Draft, prev: &[(Figure, usize)]) -> bool {
    let toks = ctx.toks;
    let (core, up) = (&d.core, &d.up);
    let known_unit = up.head.is_some();
    let zero_word = toks[core.start].kind == TokKind::Word && core.value.hi == Some(0.0);
    if zero_word && !up.has_head() {
        return true;
    }
    // "that one mile": before a unit of measure "one" is a number, not a pronoun.
    let measured = up.head.is_some_and(|u| u.measure);
    if core.bare_one
        && !(toks[core.start].is("one")
            && known_unit
            && (measured || !pronoun_one(toks, core.start)))
        && !(up.has_head() && closes_count_list(ctx, core.start, prev))
        && !opens_count_list(toks, core.start, up)
        && !closes_tally(ctx, core.start, prev)
    {
        return true;
    }
    d.kind == Kind::Count
        && d.qualifier.is_none()
        && (anaphoric(ctx, core, d.start, up)
            || service_number(ctx, core, up)
            || possessive_title(ctx, core, up, prev))
}

/// "cuatro votos contra uno", "by eight votes to one": a bare "one" right after the
/// count it is set against is the other side of the tally (its noun left unsaid).
fn closes_tally(ctx: &Ctx, i: usize, prev: &[(Figure, usize)]) -> bool {
    let toks = ctx.toks;
    i >= 1
        && matches!(
            toks[i - 1].lower.as_str(),
            "contra" | "against" | "to" | "a"
        )
        && prev
            .last()
            .is_some_and(|(f, e)| *e == i - 1 && f.kind == Kind::Count && !f.unit_key.is_empty())
}

/// Step: a count of who spoke ("two officials said"), see [`in_attribution`].
pub(super) fn counts_speakers(ctx: &Ctx, d: &Draft) -> bool {
    d.kind == Kind::Count && d.up.has_head() && in_attribution(ctx, d.start, d.fig_end())
}

/// Step: "the 10-year Treasury note", "el bono a 10 años": a maturity names the bond.
pub(super) fn maturity(ctx: &Ctx, d: &Draft) -> bool {
    d.kind == Kind::Duration
        && ctx
            .toks
            .get(d.fig_end())
            .is_some_and(|n| has(&WORDS.reject.maturity_nouns, n.lower.as_str()))
}
