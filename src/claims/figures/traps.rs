//! Traps: digits that name something rather than count it.
//!
//! Entry point: [`trap`], tried before a digit core is read: the token index to
//! resume at when the number is part of a name or code ("G7", "Boeing 737",
//! "COVID-19", "737 MAX", "10-K"), an identifier after its noun (`id_nouns` in
//! `figures.toml`: "article 5", "flight 17"), a race named by its distance ("the 100m
//! final"), a time of day or a phone number ([`time_or_phone`]), or a long reference
//! number. Word lists: `[traps]` in `figures.toml`.
//!
//! ```text
//! "between junctions 10 and 11 of the M25" → no figure
//! "llame al 900 123 456"                   → no figure: a phone number
//! ```

use crate::claims::dates;
use crate::claims::lang::is_function_word;
use crate::claims::qualifiers;
use crate::claims::tokens::{Tok, TokKind};
use crate::claims::units::{LEXICON, UnitKind};

use super::Ctx;
use super::currency::is_code;
use super::number::exponent_at;
use super::scale::scale_at;
use super::unit_phrase::is_plural;
use super::words::{WORDS, has};

/// Adjacent letters allowed after digits (scales, ordinals, decades, units).
fn allowed_suffix(toks: &[Tok], j: usize) -> bool {
    let w = toks[j].lower.as_str();
    matches!(
        w,
        "k" | "m"
            | "mn"
            | "mln"
            | "bn"
            | "b"
            | "tn"
            | "trn"
            | "st"
            | "nd"
            | "rd"
            | "th"
            | "er"
            | "º"
            | "ª"
            | "o"
            | "a"
            | "os"
            | "as"
            | "ra"
            | "ro"
            | "s"
            | "mdd"
            | "thousand"
            | "million"
            | "millions"
            | "billion"
            | "billions"
            | "trillion"
    ) || LEXICON.unit_at(toks, j).is_some()
}

/// A single capital letter glued to digits names a model or a plan ("4T", "5G"),
/// except the scale and temperature letters ("10K", "3M", "4B", "-4C").
fn model_letter(t: &Tok) -> bool {
    t.cap && t.lower.chars().count() == 1 && !matches!(t.lower.as_str(), "k" | "m" | "b" | "c")
}

/// If the number at `i` is not a figure, the token index to resume at.
pub(super) fn trap(ctx: &Ctx, i: usize) -> Option<usize> {
    let toks = ctx.toks;
    let t = &toks[i];
    let prev = i.checked_sub(1).map(|k| &toks[k]);
    let next = toks.get(i + 1);
    // Glued to letters before: "G7", "A320" (not a currency code, "USD115"). After:
    // "737MAX", "5G", "3D", "14h".
    // "R14.8 million" is the rand's sign before an amount in millions, no model.
    let rand =
        prev.is_some_and(|p| p.cap && p.lower == "r") && scale_at(toks, i + 1, false).is_some();
    if prev.is_some_and(|p| p.kind == TokKind::Word && p.end == t.start)
        && !is_code(ctx, i - 1)
        && !rand
    {
        return Some(i + 1);
    }
    // "UPDATE 2: The death toll has risen": a live-blog tag numbers the update.
    if let Some(p) = prev
        && p.kind == TokKind::Word
        && p.lower.chars().count() >= 3
        && ctx.text[p.start..p.end].chars().all(|c| c.is_uppercase())
        && ctx.sentence_initial(i - 1)
        && next.is_some_and(|n| n.is_punct(":"))
    {
        return Some(i + 1);
    }
    // "el 8M", "del 15-M": a day of the month and a month initial name a date.
    let day_name = prev.is_some_and(|p| matches!(p.lower.as_str(), "el" | "del" | "al"))
        && t.lower.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        && toks
            .get(i + 1)
            .filter(|n| n.end - n.start == 1 && n.cap)
            .is_some_and(|n| n.start == t.end && "mfsnjaode".contains(n.lower.as_str()));
    if day_name {
        return Some(i + 2);
    }
    // "the 100m final", "los 400 metros vallas": a race named by its distance.
    // "in the 100m", "ganó los 100 metros en 9,81": a definite distance that ends the
    // phrase names the race too.
    // So does one after "women's"/"men's" ("the women's 5,000m").
    let definite = prev.is_some_and(|p| {
        matches!(p.lower.as_str(), "the" | "los" | "el")
            || p.lower
                .strip_suffix("'s")
                .or_else(|| p.lower.strip_suffix("’s"))
                .is_some_and(|w| matches!(w, "women" | "men"))
    });
    if let Some(n) = next
        && matches!(n.lower.as_str(), "m" | "metres" | "meters" | "metros")
        && (toks
            .get(i + 2)
            .is_some_and(|e| has(&WORDS.traps.race_events, e.lower.as_str()))
            || definite
                && toks.get(i + 2).is_none_or(|e| {
                    e.kind == TokKind::Punct || matches!(e.lower.as_str(), "in" | "en")
                }))
    {
        return Some(i + 2);
    }
    // "1e10", "1.3e6": an exponent, read by `number`.
    if let Some(n) = next.filter(|n| n.kind == TokKind::Word && n.start == t.end)
        && exponent_at(toks, i + 1).is_none()
        && (!allowed_suffix(toks, i + 1)
            || model_letter(n)
            || matches!(n.lower.as_str(), "h" | "am" | "pm" | "hrs"))
    {
        return Some(i + 2);
    }
    // "10-K", "7-E": a hyphen and one capital letter name a form or a model.
    if toks
        .get(i + 1)
        .is_some_and(|h| h.is_punct("-") && h.start == t.end)
        && let Some(l) = toks.get(i + 2)
        && l.start == toks[i + 1].end
        && l.kind == TokKind::Word
        && l.cap
        && l.lower.chars().count() == 1
    {
        return Some(i + 3);
    }
    // "F-16", "COVID-19", "Su-35" (but "mid-2020" is a year).
    if let (Some(p), Some(w)) = (prev, i.checked_sub(2).map(|k| &toks[k]))
        && p.is_punct("-‐")
        && p.start == w.end
        && p.end == t.start
        && w.kind == TokKind::Word
        && !matches!(w.lower.as_str(), "mid" | "pre" | "post" | "late" | "early")
    {
        return Some(i + 1);
    }
    if let Some(end) = time_or_phone(ctx, i) {
        return Some(end);
    }
    if let Some(end) = street_address(ctx, i) {
        return Some(end);
    }
    // "quoting reference 20000345678": nine plain digits or more with no scale or
    // unit after them number a case or an account, not a count.
    if t.kind == TokKind::Num
        && t.lower.len() >= 9
        && t.lower.chars().all(|c| c.is_ascii_digit())
        && LEXICON.unit_at(toks, i + 1).is_none()
        && scale_at(toks, i + 1, false).is_none()
    {
        return Some(i + 1);
    }
    // "the 737 MAX": a model named by a number and a capitalised word that is no
    // unit, modifier ("37 KGB officers") or currency code.
    if let Some(n) = next.filter(|n| {
        n.kind == TokKind::Word
            && n.lower.chars().count() >= 3
            && ctx.text[n.start..n.end].chars().all(|c| c.is_uppercase())
    }) && t.kind == TokKind::Num
        && LEXICON.unit_at(toks, i + 1).is_none()
        && LEXICON.modifier_at(toks, i + 1).is_none()
        && LEXICON.unit_at(toks, i + 2).is_none()
        && !has(&WORDS.traps.codes_after_number, n.lower.as_str())
        && !is_code(ctx, i + 1)
    {
        return Some(i + 2);
    }
    // "pay Portsmouth City 85 million euros": names are not counted in millions,
    // so a spelled-out scale after the number makes it an amount.
    let scaled = matches!(
        next.map(|n| n.lower.as_str()),
        Some("million" | "millions" | "billion" | "trillion" | "millones" | "millón" | "mil")
    );
    if let Some(p) = prev
        && !scaled
        && identifier_word(ctx, i - 1, p)
    {
        return Some(identifier_list_end(toks, i));
    }
    None
}

/// "junctions 10 and 11", "articles 3 to 5": the numbers after an identifier
/// noun are all identifiers. The index after the last.
fn identifier_list_end(toks: &[Tok], mut i: usize) -> usize {
    while toks.get(i + 1).is_some_and(|c| {
        matches!(
            c.lower.as_str(),
            "and" | "or" | "to" | "y" | "o" | "a" | "," | "&" | "-"
        )
    }) && toks.get(i + 2).is_some_and(|n| n.kind == TokKind::Num)
        // "la Línea 1 y 15 pasajeros": a number with a counted noun starts a new clause.
        && LEXICON.unit_at(toks, i + 3).is_none()
    {
        i += 2;
    }
    i + 1
}

/// Is the word before a number a name or identifier noun ("Boeing 737", "article 5")?
fn identifier_word(ctx: &Ctx, k: usize, p: &Tok) -> bool {
    if p.is_punct("#№") {
        return true;
    }

    // "No. 22", "art. 5": an abbreviated identifier noun.
    if p.is_punct(".")
        && let Some(w) = k.checked_sub(1).map(|b| &ctx.toks[b])
        && w.end == p.start
        && has(&WORDS.traps.id_abbreviations, w.lower.as_str())
    {
        return true;
    }
    if p.kind != TokKind::Word {
        return false;
    }
    // "la Copa 40 años después": a number before a plural unit of time measures
    // the time, whatever name stands before it.
    if LEXICON
        .unit_at(ctx.toks, k + 2)
        .is_some_and(|m| m.entry.kind == UnitKind::Duration && is_plural(&ctx.toks[k + 2].lower))
    {
        return false;
    }
    if has(&WORDS.traps.id_nouns, p.lower.as_str()) {
        return true;
    }
    // "iOS 17", "macOS 14": a capital after a small letter marks a product name
    // (not "EU's" or "NGOs", whose capitals come first).
    let word: Vec<char> = ctx.text[p.start..p.end].chars().collect();
    if word
        .windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase())
    {
        return true;
    }
    // "Top 10 things to do": a list headline numbers its items.
    if p.lower == "top" && ctx.sentence_initial(k) {
        return true;
    }
    let possessive = p.lower.ends_with("'s") || p.lower.ends_with("’s");
    let neutral = dates::month(p).is_some()
        || possessive
        || is_function_word(&p.lower)
        || qualifiers::prefix_before(ctx.toks, k + 1).is_some()
        || matches!(p.lower.as_str(), "us" | "u.s." | "rub")
        || is_code(ctx, k)
        || ctx.sentence_initial(k);
    // A capitalised word mid-sentence names something: "Boeing 737", "Apollo 11";
    // a capitalised plural is a team or a people, not a model ("the Celtics 112-104").
    // "NHS 111" is an acronym, not a plural.
    let acronym = ctx.text[p.start..p.end].chars().all(|c| !c.is_lowercase());
    let plural = p.lower.ends_with('s') && !p.lower.ends_with("ss") && !acronym;
    p.cap && !neutral && !plural && !result_after_team(ctx, k) && !gapped(ctx, k)
}

/// "el PP obtiene 137 escaños y el PSOE 121,": a name and a bare number after a
/// conjunction repeat the clause before with its verb and noun left out, so the
/// number is a figure. Needs a number earlier in the sentence to repeat.
fn gapped(ctx: &Ctx, k: usize) -> bool {
    let toks = ctx.toks;
    let bare = toks.get(k + 2).is_none_or(|n| n.is_punct(",;.)"));
    if !bare || k == 0 {
        return false;
    }
    let mut c = k - 1;
    if matches!(toks[c].lower.as_str(), "the" | "el" | "la" | "los" | "las") && c > 0 {
        c -= 1;
    }
    let conj = toks[c].is_punct(",;")
        || matches!(
            toks[c].lower.as_str(),
            "and" | "while" | "y" | "e" | "mientras"
        );
    let first = ctx.sentence_first_tok(ctx.tok_sentence[k], k);
    conj && (first..c).any(|j| toks[j].kind == TokKind::Num)
}

/// "beat Luton 4-3", "perdió ante el Girona 2-1": the name at `k` is a team when a
/// result verb comes shortly before it and a score "N-M" right after it; "the bill
/// cleared the Senate 52-48": a chamber, when the sentence is about a vote.
fn result_after_team(ctx: &Ctx, k: usize) -> bool {
    let toks = ctx.toks;
    let score = toks.get(k + 2).is_some_and(|h| h.is_punct("-–"))
        && toks.get(k + 3).is_some_and(|n| n.kind == TokKind::Num)
        && toks[k + 1].end == toks[k + 2].start
        && toks[k + 2].end == toks[k + 3].start;
    let vote = || {
        ctx.sentence_toks(ctx.tok_sentence[k])
            .iter()
            .any(|t| has(&WORDS.elided.vote_words, t.lower.as_str()))
    };
    score
        && ((k.saturating_sub(4)..k)
            .any(|j| has(&WORDS.traps.result_verbs, toks[j].lower.as_str()))
            || vote())
}

/// Times of day ("14:00", "2 p.m.", "a las 10") and phone numbers: the end index.
fn time_or_phone(ctx: &Ctx, i: usize) -> Option<usize> {
    let toks = ctx.toks;
    let t = &toks[i];
    let glued = |a: usize, b: usize| toks.get(b).is_some_and(|y| toks[a].end == y.start);
    let next_is = |k: usize, p: &str| toks.get(k).is_some_and(|x| x.is_punct(p));
    // "14:00", "3:1".
    if next_is(i + 1, ":")
        && glued(i, i + 1)
        && toks.get(i + 2).is_some_and(|x| x.kind == TokKind::Num)
    {
        return Some(i + 3);
    }
    // "24/7", "1/2", "23/09" (dates are read before this).
    if (next_is(i + 1, "/") && glued(i, i + 1))
        || (i > 0 && toks[i - 1].is_punct("/") && glued(i - 1, i))
    {
        return Some(i + 1);
    }
    if let Some(end) = clock_time(ctx, i) {
        return Some(end);
    }
    let next_word = toks.get(i + 1).map(|x| x.lower.as_str()).unwrap_or("");
    if has(&WORDS.traps.time_words, next_word) {
        return Some(i + 2);
    }
    // "a las 10": an hour, unless a counted noun follows ("de las 15 solicitudes").
    let value: f64 = t.lower.parse().unwrap_or(f64::MAX);
    let prev_las = i > 0 && matches!(toks[i - 1].lower.as_str(), "las" | "la");
    let before_las = i > 1 && matches!(toks[i - 2].lower.as_str(), "a" | "desde" | "hasta" | "de");
    // "a las 22.30 horas": the hour noun closes a time of day, it counts nothing.
    let hour_noun = toks
        .get(i + 1)
        .is_some_and(|x| matches!(x.lower.as_str(), "horas" | "hora" | "h" | "hs"));
    let counted = LEXICON.unit_at(toks, i + 1).is_some() && !hour_noun;
    if prev_las && before_las && value <= 24.0 && !counted {
        return Some(i + 1);
    }
    // Opening hours: "atención de 9 a 18 horas de lunes a viernes", "open from 9 to
    // 5": a range of hours with a word for a timetable in the sentence.
    if i > 0
        && matches!(toks[i - 1].lower.as_str(), "de" | "desde" | "from")
        && matches!(next_word, "a" | "hasta" | "to" | "till" | "until")
        && let Some(second) = toks.get(i + 2).filter(|x| x.kind == TokKind::Num)
        && second.lower.parse::<f64>().is_ok_and(|v| v <= 24.0)
        && value <= 24.0
    {
        let s = ctx.tok_sentence[i];
        let timetable = ctx
            .sentence_toks(s)
            .iter()
            .any(|x| has(&WORDS.traps.timetable_words, x.lower.as_str()));
        if timetable {
            let end = i + 3;
            let hours = toks
                .get(end)
                .is_some_and(|x| matches!(x.lower.as_str(), "h" | "horas" | "hrs" | "pm" | "am"));
            return Some(end + usize::from(hours));
        }
    }
    // Phones: "+34 912 345 678", "(555) 123-4567", "555-1234".
    if i > 0 && toks[i - 1].is_punct("+(") && glued(i - 1, i) {
        return Some(skip_digit_chain(toks, i));
    }
    // "020 7946 0321", "55 5555 0000": a leading zero, or three or more digit groups
    // one space apart, is a phone number or a code.
    let groups = spaced_digit_groups(ctx, i);
    let leading_zero = t.lower.len() >= 3
        && t.lower.starts_with('0')
        && t.lower.chars().all(|c| c.is_ascii_digit());
    // "llama al 900 123 456": six digits or more after a word for calling.
    let cue =
        (i.saturating_sub(3)..i).any(|k| has(&WORDS.traps.phone_cues, toks[k].lower.as_str()));
    let digits = toks[i..groups.0]
        .iter()
        .map(|x| x.lower.chars().filter(char::is_ascii_digit).count())
        .sum::<usize>();
    // A cue further back in the clause ("el teléfono de información es el 900 123
    // 456") needs a number as long as a full phone number.
    let far_cue =
        (i.saturating_sub(7)..i).any(|k| has(&WORDS.traps.phone_cues, toks[k].lower.as_str()));
    if (cue && digits >= 6) || (far_cue && digits >= 8) {
        return Some(groups.0);
    }
    // One token "1 234 567" is a grouped number; a phone needs two tokens or more.
    if (groups.1 >= 3 && groups.0 > i + 1) || leading_zero {
        return Some(groups.0);
    }
    if next_is(i + 1, "-") && glued(i, i + 1) && glued(i + 1, i + 2) {
        let second = toks.get(i + 2).filter(|x| x.kind == TokKind::Num)?;
        let third_group = next_is(i + 3, "-") && glued(i + 2, i + 3);
        let phone = t.lower.len() == 3 && second.lower.len() >= 4;
        if third_group || phone {
            return Some(skip_digit_chain(toks, i));
        }
    }
    None
}

/// A number in an address, and the index to resume at: before a capitalised street
/// noun, maybe after a name ("5th Street", "10 Downing Street"), or after a street
/// noun and its name ("calle Alcalá, 42", "avenida Reforma 222", "Calle 72").
fn street_address(ctx: &Ctx, i: usize) -> Option<usize> {
    let toks = ctx.toks;
    let street = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Word && has(&WORDS.traps.street_nouns, t.lower.as_str())
        })
    };
    let same = |k: usize| ctx.tok_sentence.get(k) == Some(&ctx.tok_sentence[i]);
    // Past an ordinal suffix glued to the digits ("5th").
    let mut j = i + 1;
    if toks.get(j).is_some_and(|s| {
        s.start == toks[i].end && matches!(s.lower.as_str(), "th" | "st" | "nd" | "rd")
    }) {
        j += 1;
    }
    // Up to two capitalised name words, then a capitalised street noun.
    let names = (j..j + 2)
        .take_while(|&k| {
            toks.get(k)
                .is_some_and(|t| t.cap && t.kind == TokKind::Word && !street(k))
        })
        .count();
    if same(j + names) && street(j + names) && toks[j + names].cap {
        return Some(j + names + 1);
    }
    // Before the number: a street noun, its capitalised name, maybe a comma.
    let mut k = i.checked_sub(1)?;
    if toks[k].is_punct(",") {
        k = k.checked_sub(1)?;
    }
    let mut named = 0;
    while named < 3 && toks[k].cap && toks[k].kind == TokKind::Word && !street(k) {
        named += 1;
        k = k.checked_sub(1)?;
    }
    // "Calle 72" needs no name; "calle Alcalá, 42" may have a comma.
    let comma = toks[i - 1].is_punct(",");
    (street(k) && same(k) && (named > 0 || !comma)).then_some(j)
}

/// "5.40" or "14:00" written as a clock: hours to 24 and two digits of minutes.
fn clock_shape(t: &Tok) -> bool {
    let Some((h, m)) = t.lower.split_once(['.', ':']) else {
        return false;
    };
    t.kind == TokKind::Num
        && (1..=2).contains(&h.len())
        && m.len() == 2
        && h.parse::<u32>().is_ok_and(|h| h <= 24)
        && m.parse::<u32>().is_ok_and(|m| m < 60)
}

/// A time of day written as a clock, and the index after it: after "las" ("sobre las
/// 5.40 horas", "a las 22.15"), as a span of clock times
/// ("de 9.00 a 14.00 horas"), or opening a sentence before a dash, the time stamp of
/// a live blog ("11.40 — Senapred eleva...").
fn clock_time(ctx: &Ctx, i: usize) -> Option<usize> {
    let toks = ctx.toks;
    if !clock_shape(&toks[i]) {
        return None;
    }
    let hour_noun = |k: usize| {
        toks.get(k)
            .is_some_and(|x| matches!(x.lower.as_str(), "horas" | "hora" | "h" | "hs" | "hrs"))
    };
    let after_las = i > 0 && matches!(toks[i - 1].lower.as_str(), "las" | "la");
    // "un retraso de 2.30 horas" may be a decimal duration where the dot marks
    // decimals, so the hour noun alone does not make a clock.
    if after_las {
        return Some(i + 1 + usize::from(hour_noun(i + 1)));
    }
    let span = toks
        .get(i + 1)
        .is_some_and(|x| matches!(x.lower.as_str(), "a" | "to" | "-" | "y" | "and" | "hasta"));
    if span && toks.get(i + 2).is_some_and(clock_shape) && hour_noun(i + 3) {
        return Some(i + 4);
    }
    // "the 08.14 from Euston": a leading zero writes a clock, never an amount.
    if toks[i].lower.starts_with('0') && toks[i].lower.len() == 5 {
        return Some(i + 1 + usize::from(hour_noun(i + 1)));
    }
    let opens = i == 0 || ctx.tok_sentence[i - 1] != ctx.tok_sentence[i];
    let stamp = toks.get(i + 1).is_some_and(|x| {
        x.kind == TokKind::Punct && matches!(x.lower.as_str(), "—" | "–" | "-" | "|")
    });
    (opens && stamp).then_some(i + 1)
}

/// Digit tokens one space apart from `i`: (end index, number of digit groups,
/// counting the groups inside "800 911").
fn spaced_digit_groups(ctx: &Ctx, i: usize) -> (usize, usize) {
    let toks = ctx.toks;
    let groups_in = |t: &Tok| 1 + t.lower.matches(char::is_whitespace).count();
    let mut j = i;
    let mut groups = groups_in(&toks[i]);
    while let Some(n) = toks.get(j + 1)
        && n.kind == TokKind::Num
        && ctx.text[toks[j].end..n.start] == *" "
    {
        groups += groups_in(n);
        j += 1;
    }
    (j + 1, groups)
}

/// End of a run of digits, hyphens, dots and brackets (a phone number).
fn skip_digit_chain(toks: &[Tok], mut j: usize) -> usize {
    while toks.get(j).is_some_and(|x| {
        x.kind == TokKind::Num
            || x.is_punct("-().") && toks.get(j + 1).is_some_and(|y| y.kind == TokKind::Num)
    }) {
        j += 1;
    }
    j
}
