//! Unit phrases: what a figure counts.
//!
//! Entry points, steps of `build`: [`read`] and [`and_a_half`]. [`read`] takes the
//! [`unit_phrase`] after the number (up to three modifiers, a head noun from
//! `units.toml` or an unknown content word, then known modifiers), or for a bare
//! count the noun of the number it is paired with ([`borrowed_unit`]), or years for
//! an age. [`noun_after_name`] skips a name between an English ordinal and its noun.
//! Word lists: `[unit_phrase]` in `figures.toml`.
//!
//! ```text
//! "37 new Russian diplomats"         → diplomat, modifiers [new, russian]
//! "150 agentes de la KGB"            → agent, modifiers [kgb]
//! "200 of the 1,500 residents" at 200 → resident, borrowed
//! ```

use crate::claims::dates;
use crate::claims::lang::is_function_word;
use crate::claims::numbers::parse_words;
use crate::claims::speech::is_speech_verb;
use crate::claims::tokens::{Tok, TokKind};
use crate::claims::types::{Interval, Kind};
use crate::claims::units::{LEXICON, Unit, UnitKind, crude_singular};

use super::Ctx;
use super::build::Draft;
use super::kind::{after_aged, is_age, people_over};
use super::number::{Scan, scan_core};
use super::range::score_second;
use super::words::{WORDS, has};

/// The unit phrase after a number.
#[derive(Debug, Default)]
pub(super) struct UnitPhrase<'a> {
    /// Token range of the written unit (empty when none).
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) head: Option<&'a Unit>,
    /// Head word when it is not in the lexicon.
    pub(super) unknown_head: Option<String>,
    pub(super) head_surface: String,
    pub(super) modifiers: Vec<(String, String)>,
    /// Taken from a paired number ("5 to 7 pesos"): not part of this figure's text.
    pub(super) borrowed: bool,
}

impl UnitPhrase<'_> {
    pub(super) fn has_head(&self) -> bool {
        self.head.is_some() || self.unknown_head.is_some()
    }
}

fn is_word_at(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.kind == TokKind::Word)
}

/// Reads the unit noun phrase from token `j`: up to three modifiers, a head noun,
/// then known modifiers after it ("agentes de la KGB", "diplomáticos rusos").
pub(super) fn unit_phrase<'a>(ctx: &Ctx, mut j: usize) -> UnitPhrase<'a> {
    // The noun stays in the number's sentence: "Meal 1" is no count of the words of
    // the next paragraph.
    let s = ctx.tok_sentence[j.saturating_sub(1)];
    let toks = &ctx.toks[..ctx.tok_sentence.partition_point(|&x| x <= s)];
    // "35-year-old": a glued hyphen is a space here.
    let mut hyphenated = false;
    if toks
        .get(j)
        .is_some_and(|t| t.is_punct("-") && t.start == toks[j - 1].end)
        && is_word_at(toks, j + 1)
    {
        j += 1;
        hyphenated = true;
    }
    // "of the" / "de los" before a known unit ("thousands of people", "millones de pesos").
    if let Some(t) = toks.get(j)
        && (t.is("of") || t.is("de") || t.is("del"))
    {
        let k = if toks
            .get(j + 1)
            .is_some_and(|d| has(&WORDS.unit_phrase.determiners, d.lower.as_str()))
        {
            j + 2
        } else {
            j + 1
        };
        let known = LEXICON.unit_at(toks, k).is_some() || LEXICON.modifier_at(toks, k).is_some();
        // "20 of the EU's 27 members": a possessive is one more determiner.
        let mut k = k;
        if toks
            .get(k)
            .is_some_and(|w| w.lower.ends_with("'s") || w.lower.ends_with("’s"))
        {
            k += 1;
        }
        // "seis de los once jueces", "of the 27 members": a second number, not a noun.
        let number =
            parse_words(toks, k).is_some() || toks.get(k).is_some_and(|n| n.kind == TokKind::Num);
        // "los 29 del día anterior": "del" before a singular is not what is counted.
        // Nor does "de la"/"de el" ("a 39 de la mayoría absoluta"): a partitive
        // counts members of a plural.
        let singular_article =
            t.is("del") || t.is("de") && toks.get(j + 1).is_some_and(|d| d.is("la") || d.is("el"));
        let singular_del = singular_article && toks.get(k).is_none_or(|n| !is_plural(&n.lower));
        // "siete de ellas", "two of them": a pronoun points back to the noun before.
        let pronoun = toks
            .get(k)
            .is_some_and(|p| has(&WORDS.unit_phrase.pronouns, p.lower.as_str()));
        // "frente a los 10.580.412 de Rodolfo Hernández": a name owns the number.
        let name = toks.get(k).is_some_and(|n| n.cap) && !known;
        if !singular_del
            && !pronoun
            && !name
            && (known || is_word_at(toks, k) && !is_function_word(&toks[k].lower) && !number)
        {
            j = k;
        }
    }
    // "cifra en 1.500 los soldados": the counted noun after an article.
    if toks.get(j).is_some_and(|t| t.is("los") || t.is("las"))
        && LEXICON.unit_at(toks, j + 1).is_some()
    {
        j += 1;
    }
    if let Some(up) = bracketed_unit(ctx, toks, j) {
        return up;
    }
    let mut up = UnitPhrase {
        start: j,
        end: j,
        ..UnitPhrase::default()
    };
    let mut k = j;
    let mut adjectives = 0;
    // "85°", "20 °C": a unit that opens with a sign.
    let sign_unit =
        toks.get(j).is_some_and(|t| t.kind == TokKind::Punct) && LEXICON.unit_at(toks, j).is_some();
    // The last nationality read, with its surface: "1.1 million Venezuelans".
    let mut people: Option<(String, String)> = None;
    while adjectives <= 3 && (is_word_at(toks, k) || sign_unit && k == j) {
        // "the first Mr. Trump has faced": a title starts a name, not a noun counted.
        if has(&WORDS.unit_phrase.honorifics, toks[k].lower.as_str()) {
            break;
        }
        // "two of the law enforcement officials": in English a singular noun before a
        // compound ending in a plural describes it; the plural is the head.
        if ctx.lang == "en"
            && let Some(m) = LEXICON.unit_at(toks, k)
            && m.end == k + 1
            && m.entry.kind == UnitKind::Count
            // "five three-ton satellites": a measure glued to the number is its own.
            && !m.entry.measure
            && !(hyphenated && k == j)
            && !english_plural(&toks[k])
            // "140 injured residents": a participle counts people itself.
            && !looks_like_verb(&toks[k].lower, "en")
            && compound_plural_after(toks, k + 1)
            && adjectives < 3
        {
            adjectives += 1;
            k += 1;
            continue;
        }
        if let Some(m) = LEXICON.unit_at(toks, k) {
            up.head = Some(m.entry);
            up.head_surface = ctx.text[toks[k].start..toks[m.end - 1].end].to_lowercase();
            k = m.end;
            break;
        }
        if let Some(m) = LEXICON.modifier_at(toks, k) {
            up.modifiers
                .push((m.entry.key.clone(), m.entry.group.clone()));
            people = (m.entry.group == "nationality")
                .then(|| (m.entry.key.clone(), toks[m.end - 1].lower.clone()));
            k = m.end;
            up.end = k;
            adjectives += 1;
            continue;
        }
        // "53,239 Model 3 cars", "10 million iPhone 6 handsets": a named model between
        // the number and its noun.
        let camel = ctx.text[toks[k].start..toks[k].end]
            .chars()
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| w[0].is_lowercase() && w[1].is_uppercase());
        // "20 Airbus A321XLR jets": a model code, glued pieces with a digit in them.
        let mut code_end = k + 1;
        while (toks[k].cap || camel)
            && toks.get(code_end).is_some_and(|n| {
                n.kind != TokKind::Punct && (code_end == k + 1 || n.start == toks[code_end - 1].end)
            })
        {
            code_end += 1;
        }
        if (k + 1..code_end).any(|c| toks[c].kind == TokKind::Num)
            && is_word_at(toks, code_end)
            && adjectives < 3
        {
            adjectives += 1;
            k = code_end;
            continue;
        }
        // "35 reports of fires", "two accounts of": a speech word before "of" is a noun.
        if is_speech_verb(&toks[k])
            && toks.get(k + 1).is_some_and(|o| o.is("of"))
            && english_plural(&toks[k])
        {
            up.unknown_head = Some(crude_singular(&toks[k].lower, ctx.lang));
            up.head_surface = toks[k].lower.clone();
            k += 1;
            break;
        }
        // "the first developed country": a participle before a known noun.
        // (English only: a Spanish verb comes before its subject, "40 resultaron heridas".)
        // "70 breeding females": before a plural too.
        if ctx.lang == "en"
            && looks_like_verb(&toks[k].lower, ctx.lang)
            && (LEXICON.unit_at(toks, k + 1).is_some()
                || toks.get(k + 1).is_some_and(english_plural))
        {
            adjectives += 1;
            k += 1;
            continue;
        }
        // "37 reported cases", "120 estimated deaths", "11 reported violations": a
        // participle before a noun.
        if is_speech_verb(&toks[k])
            && (LEXICON.unit_at(toks, k + 1).is_some()
                || ctx.lang == "en" && toks.get(k + 1).is_some_and(english_plural))
        {
            adjectives += 1;
            k += 1;
            continue;
        }
        // "eight air-defence launchers", "400 long-range drones": a hyphenated
        // compound before another word describes the noun after it.
        let glued = |a: usize| toks.get(a).is_some_and(|t| t.start == toks[a - 1].end);
        if ctx.lang == "en"
            && toks.get(k + 1).is_some_and(|h| h.is_punct("-"))
            && glued(k + 1)
            && glued(k + 2)
            && is_word_at(toks, k + 2)
            && is_word_at(toks, k + 3)
            && !glued(k + 3)
            && adjectives < 3
        {
            adjectives += 1;
            k += 3;
            continue;
        }
        let w = &toks[k].lower;
        if ctx.lang == "es"
            && adjectives < 3
            && has(&WORDS.unit_phrase.prenominal_es, w.as_str())
            && is_word_at(toks, k + 1)
        {
            adjectives += 1;
            k += 1;
            continue;
        }
        // "14 weekly flights", "1,015 likely voters": an -ly adjective before a plural;
        // "27 new measles cases": a plural-looking noun before another plural.
        let before_plural = ctx.lang == "en"
            && adjectives < 3
            && toks.get(k + 1).is_some_and(|n| n.start > toks[k].end)
            && compound_plural_after(toks, k + 1)
            && toks.get(k + 1).is_some_and(english_plural);
        if before_plural && (w.ends_with("ly") || english_plural(&toks[k])) {
            adjectives += 1;
            k += 1;
            continue;
        }
        if is_function_word(w)
            || has(&WORDS.unit_phrase.stops, w.as_str())
            || parse_words(toks, k).is_some()
            || is_speech_verb(&toks[k])
            || dates::month(&toks[k]).is_some()
            || looks_like_verb(w, ctx.lang)
        {
            break;
        }
        // Unknown content word: Spanish puts the head first, English last, and an
        // English plural is the head ("two crashes killed", "places sold").
        let next_content = is_word_at(toks, k + 1)
            && toks[k + 1].start > toks[k].end
            && !is_function_word(&toks[k + 1].lower)
            && !is_speech_verb(&toks[k + 1]);
        // "a 6.8-magnitude quake", "a 12-member jury": the word glued to the number
        // is what it measures; the noun after is the thing described.
        let compound = hyphenated && k == j;
        // "two Republicans joining", "three Democrats voted": a capitalised plural
        // before a verb is the people counted ("37 Texas residents" names a place).
        let named_people = next_content
            && toks[k].cap
            && plural_shape(w)
            && looks_like_verb(&toks[k + 1].lower, "en");
        if ctx.lang == "en"
            && next_content
            && adjectives < 3
            && !english_plural(&toks[k])
            && !named_people
            && !compound
        {
            adjectives += 1;
            k += 1;
            continue;
        }
        up.unknown_head = Some(crude_singular(w, ctx.lang));
        up.head_surface = w.clone();
        k += 1;
        break;
    }
    // A people named by nationality alone: "venezolanos", "Venezuelans".
    if !up.has_head()
        && let Some((key, surface)) = people.filter(|(_, s)| s.ends_with('s'))
    {
        up.modifiers.retain(|(m, _)| *m != key);
        up.unknown_head = Some(key);
        up.head_surface = surface;
    }
    if up.has_head() {
        k = post_modifiers(toks, k.max(up.end), &mut up.modifiers);
        up.end = k;
    }
    up
}

/// "The weight is 20 (kg)", "20 [kg]": a unit of measure in brackets right after
/// the number.
fn bracketed_unit<'a>(ctx: &Ctx, toks: &[Tok], j: usize) -> Option<UnitPhrase<'a>> {
    let close = match toks.get(j)?.lower.as_str() {
        "(" => ")",
        "[" => "]",
        "{" => "}",
        "<" => ">",
        _ => return None,
    };
    let m = LEXICON.unit_at(toks, j + 1).filter(|m| m.entry.measure)?;
    toks.get(m.end).filter(|t| t.is_punct(close))?;
    Some(UnitPhrase {
        start: j,
        end: m.end + 1,
        head: Some(m.entry),
        head_surface: ctx.text[toks[j + 1].start..toks[m.end - 1].end].to_lowercase(),
        ..UnitPhrase::default()
    })
}

/// Does an unknown word look like a verb rather than a counted noun ("40
/// resultaron heridas", "45,000 watched")?
pub(super) fn looks_like_verb(w: &str, lang: &str) -> bool {
    if lang == "en" {
        // Irregular participles too (`irregular_participles`): "1,200 sold".
        // Four letters too ("32 died", "12 fled"), but not "seed" or "need".
        let past = w.len() >= 4 && w.ends_with("ed") && !w.ends_with("eed");
        // "more than 40,000 waiting": a participle (not a noun the lexicon knows,
        // "meeting", nor a plural, "buildings").
        let participle = w.len() > 5 && w.ends_with("ing") && LEXICON.unit(w).is_none();
        return past || participle || has(&WORDS.unit_phrase.irregular_participles, w);
    }
    WORDS
        .unit_phrase
        .verb_endings_es
        .iter()
        .any(|e| w.ends_with(e))
        || (w.ends_with('ó') && w.chars().count() > 3)
}

/// An English common noun that looks plural ("crashes", "pints"), not "-ss", "-us",
/// "-ous", "-is" or a capitalised name ("37 Texas residents").
/// A plural noun at `k`, or one content word and then a plural noun: the end of an
/// English compound ("enforcement officials", "firms").
fn compound_plural_after(toks: &[Tok], k: usize) -> bool {
    let content = |t: &Tok| {
        t.kind == TokKind::Word && !t.cap && !is_function_word(&t.lower) && !is_speech_verb(t)
    };
    let plural_noun = |t: &Tok| content(t) && english_plural(t) && !looks_like_verb(&t.lower, "en");
    let glued = |a: usize| toks[a].start == toks[a - 1].end;
    match (toks.get(k), toks.get(k + 1)) {
        (Some(a), _) if plural_noun(a) && !glued(k) => true,
        (Some(a), Some(b)) => content(a) && !glued(k) && plural_noun(b) && !glued(k + 1),
        _ => false,
    }
}

fn english_plural(t: &Tok) -> bool {
    !t.cap && plural_shape(&t.lower)
}

/// Ends like an English plural: "-s", not "-ss", "-us", "-is" or a possessive.
fn plural_shape(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !["ss", "us", "is", "'s", "’s"]
            .iter()
            .any(|e| w.ends_with(e))
}

/// Known modifiers after the head: "rusos", "de la KGB", "ya acreditados", "en total".
pub(super) fn post_modifiers(
    toks: &[Tok],
    mut k: usize,
    mods: &mut Vec<(String, String)>,
) -> usize {
    loop {
        if let Some(m) = LEXICON.modifier_at(toks, k) {
            mods.push((m.entry.key.clone(), m.entry.group.clone()));
            k = m.end;
            continue;
        }
        let of = toks
            .get(k)
            .is_some_and(|t| t.is("of") || t.is("de") || t.is("del"));
        if !of {
            return k;
        }
        let d = if toks
            .get(k + 1)
            .is_some_and(|t| has(&WORDS.unit_phrase.determiners, t.lower.as_str()))
        {
            k + 2
        } else {
            k + 1
        };
        match LEXICON.modifier_at(toks, d) {
            Some(m) => {
                mods.push((m.entry.key.clone(), m.entry.group.clone()));
                k = m.end;
            }
            None => return k,
        }
    }
}

/// Is a unit surface a plural (so a 4-digit number before it counts, not dates)?
pub(super) fn is_plural(surface: &str) -> bool {
    surface.ends_with('s') || has(&WORDS.unit_phrase.plural_nouns, surface)
}

/// "his fourth Tour de France title", "third Bond Street raid this month", "20th
/// English league title": an English ordinal before a name orders the noun after the
/// name (the last of a compound); "de" inside "Tour de France" belongs to the name.
/// (Spanish names the thing first: "su tercera Copa del Rey".)
fn noun_after_name<'a>(ctx: &Ctx, up: &mut UnitPhrase<'a>) {
    let toks = ctx.toks;
    if !toks
        .get(up.start)
        .is_some_and(|t| t.cap && t.kind == TokKind::Word)
    {
        return;
    }
    let same = |k: usize| ctx.tok_sentence.get(k) == Some(&ctx.tok_sentence[up.start]);
    let content = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Word
                && !t.cap
                && !is_function_word(&t.lower)
                && !looks_like_verb(&t.lower, ctx.lang)
        })
    };
    let Some(mut k) = (up.start + 1..up.start + 6)
        .take_while(|&k| same(k) && toks[k].kind == TokKind::Word)
        .find(|&k| content(k))
    else {
        return;
    };
    while k + 1 < up.start + 8 && same(k + 1) && content(k + 1) && !toks[k].lower.ends_with('s') {
        k += 1;
    }
    if let Some(m) = LEXICON.unit_at(toks, k) {
        up.head = Some(m.entry);
        up.unknown_head = None;
        up.end = m.end;
    } else {
        up.head = None;
        up.unknown_head = Some(crude_singular(&toks[k].lower, ctx.lang));
        up.head_surface = toks[k].lower.clone();
        up.end = k + 1;
    }
}

/// What an ordinal orders, where the plain phrase misses it: the last noun of an
/// English compound ("his 12th home win": a win, not a home; but "the third quarter
/// profit" orders quarters, a unit of time), the noun after "such" ("the second such
/// crash"), and the noun of the ordinal or count it is paired with ("the 58th and
/// 73rd minutes", "el primero de sus tres conciertos").
fn ordered_noun(ctx: &Ctx, d: &mut Draft) {
    let toks = ctx.toks;
    let end = d.end;
    if !d.up.has_head() && toks.get(end).is_some_and(|t| t.is("such")) {
        let up = unit_phrase(ctx, end + 1);
        if up.has_head() {
            d.up = up;
        }
    }
    if !d.up.has_head()
        && toks
            .get(end)
            .is_some_and(|t| matches!(t.lower.as_str(), "and" | "or" | "y" | "o" | "de"))
    {
        let k = end
            + 1
            + usize::from(toks.get(end + 1).is_some_and(|t| {
                has(&WORDS.unit_phrase.determiners, t.lower.as_str())
                    || matches!(t.lower.as_str(), "his" | "her" | "our")
            }));
        if let Scan::Core(other) = scan_core(ctx, k) {
            let up = unit_phrase(ctx, other.end);
            // "el primero de sus tres conciertos": a partitive orders what the
            // count counts; "the 58th and 73rd minutes": both order the minutes.
            let partitive = toks[end].is("de") && !other.ordinal && is_plural(&up.head_surface);
            if up.has_head() && (partitive || !toks[end].is("de") && other.ordinal) {
                d.up = UnitPhrase {
                    borrowed: true,
                    ..up
                };
            }
        }
    }
    // "his 18th race over the distance": an ordinal orders a singular noun, so a
    // word before a preposition is that noun ("3.7 million march across" is a verb).
    if !d.up.has_head()
        && let Some(w) = toks.get(end).filter(|w| {
            w.kind == TokKind::Word
                && !w.cap
                && !is_function_word(&w.lower)
                && !looks_like_verb(&w.lower, ctx.lang)
        })
        && toks
            .get(end + 1)
            .is_some_and(|p| has(&WORDS.unit_phrase.stops, p.lower.as_str()))
    {
        d.up = UnitPhrase {
            start: end,
            end: end + 1,
            unknown_head: Some(crude_singular(&w.lower, ctx.lang)),
            head_surface: w.lower.clone(),
            ..UnitPhrase::default()
        };
    }
    let time = d.up.head.is_some_and(|u| {
        u.kind != UnitKind::Count || has(&WORDS.unit_phrase.ordered_first, u.key.as_str())
    });
    if ctx.lang != "en" || d.up.borrowed || time || !d.up.has_head() {
        return;
    }
    let mut k = d.up.end;
    while k < d.up.end + 3 {
        let Some(t) = toks.get(k) else { break };
        let noun = t.kind == TokKind::Word
            && !t.cap
            && t.start > toks[k - 1].end
            && !is_function_word(&t.lower)
            && !has(&WORDS.unit_phrase.stops, t.lower.as_str())
            && !is_speech_verb(t)
            && !looks_like_verb(&t.lower, "en")
            && dates::month(t).is_none()
            && parse_words(toks, k).is_none();
        if !noun || LEXICON.modifier_at(toks, k).is_some() {
            break;
        }
        match LEXICON.unit_at(toks, k) {
            Some(m) => {
                d.up.head = Some(m.entry);
                d.up.unknown_head = None;
                d.up.end = m.end;
            }
            // An unknown word is the noun only where the phrase ends after it ("his
            // 12th home win of"), not before "to" ("the first unit due to open").
            None if toks.get(k + 1).is_none_or(|n| {
                n.kind == TokKind::Punct || is_function_word(&n.lower) && !n.is("to")
            }) =>
            {
                d.up.head = None;
                d.up.unknown_head = Some(crude_singular(&t.lower, "en"));
                d.up.end = k + 1;
            }
            None => break,
        }
        d.up.head_surface = t.lower.clone();
        k = d.up.end;
    }
}

/// "5.1 to 5.6 per cent", "de 5 a 7 pesos", "200 of the 1,500 residents": a number
/// without a unit takes the unit of the number it is paired with. The phrase (marked
/// borrowed) and whether the other number is a percentage.
fn borrowed_unit<'a>(ctx: &Ctx, end: usize) -> Option<(UnitPhrase<'a>, bool)> {
    let toks = ctx.toks;
    let link = toks.get(end)?;
    let mut k = end + 1;
    if link.is("of") || link.is("de") {
        if toks
            .get(k)
            .is_some_and(|d| has(&WORDS.unit_phrase.determiners, d.lower.as_str()))
        {
            k += 1;
        }
        // "20 of the EU's 27 members".
        if toks
            .get(k)
            .is_some_and(|w| w.lower.ends_with("'s") || w.lower.ends_with("’s"))
        {
            k += 1;
        }
    } else if !matches!(
        link.lower.as_str(),
        "to" | "a" | "al" | "and" | "y" | "or" | "o"
    ) {
        return None;
    }
    if toks.get(k).is_none_or(|t| t.kind == TokKind::Punct) {
        return None;
    }
    let Scan::Core(other) = scan_core(ctx, k) else {
        return None;
    };
    if other.ordinal || other.fraction || other.bare_one {
        return None;
    }
    if toks.get(other.end).is_some_and(|t| t.is_punct("%")) {
        return Some((UnitPhrase::default(), true));
    }
    let mut up = unit_phrase(ctx, other.end);
    up.borrowed = true;
    up.has_head().then_some((up, false))
}

/// Is the unit something that only comes whole (people, homes), not a measure?
pub(super) fn whole_count(up: &UnitPhrase) -> bool {
    match (up.head, &up.unknown_head) {
        (Some(u), _) => u.kind == UnitKind::Count && !u.measure,
        (None, Some(_)) => up.head_surface.ends_with('s'),
        _ => false,
    }
}

/// Step: what the figure counts. The unit phrase after the number, unless the
/// number is a share (its unit is the percent), a Spanish "millones" with no "de"
/// ("más de 1,6 millones ya tienen"), the second number of a score ("a 3-1 series
/// lead") or a multiple (counted in times). A plain count with no noun takes the
/// noun after a copula ("of whom 300 were children"), the noun of the number it is
/// paired with ("5 to 7 pesos"), or years when it is an age ("The rocker, 67,").
pub(super) fn read(ctx: &Ctx, d: &mut Draft) {
    let toks = ctx.toks;
    let end = d.end;
    let empty = || UnitPhrase {
        start: end,
        end,
        ..UnitPhrase::default()
    };
    d.up = if d.core.fraction {
        empty()
    } else {
        unit_phrase(ctx, end)
    };
    // Spanish "millones"/"millón" takes its noun with "de", so a word right after
    // it is no unit.
    let spanish_scale = ctx.lang == "es"
        && end > 0
        && matches!(
            toks[end - 1].lower.as_str(),
            "millones" | "millón" | "millon"
        )
        && toks[end - 1].kind == TokKind::Word;
    if spanish_scale
        && d.up.has_head()
        && d.up.start == end
        && d.up
            .head
            .is_none_or(|u| u.kind == UnitKind::Count && !u.measure)
    {
        d.up = empty();
    }
    if d.core.ordinal && ctx.lang == "en" {
        noun_after_name(ctx, &mut d.up);
    }
    if d.core.ordinal {
        ordered_noun(ctx, d);
    }
    // A dash pair that does not rise is a score, so no range.
    if score_second(toks, d.core.start, d.core.value) {
        d.up = empty();
    }
    if d.core.multiple {
        d.up = UnitPhrase {
            head: LEXICON.unit("time"),
            ..empty()
        };
    }
    let plain_count = d.kind == Kind::Count && d.currency.is_none() && !d.core.ordinal;
    // "de los que 56.000 son menores": the noun after a copula.
    if plain_count
        && !d.up.has_head()
        && toks
            .get(end)
            .is_some_and(|c| matches!(c.lower.as_str(), "son" | "eran" | "fueron" | "are" | "were"))
        && let Some(m) = LEXICON
            .unit_at(toks, end + 1)
            .filter(|m| m.entry.kind == UnitKind::Count && is_plural(&toks[m.end - 1].lower))
    {
        d.up.head = Some(m.entry);
        d.up.borrowed = true;
    }
    // "Patients aged 65 or older make up 43%": after "aged" the number is an age, and a
    // word the lexicon lacks after it is the clause going on, not what it counts.
    if plain_count
        && d.up.head.is_none()
        && d.up.unknown_head.is_some()
        && after_aged(toks, d.start)
    {
        d.up = UnitPhrase {
            start: d.up.start,
            end: d.up.start,
            head: LEXICON.unit("year"),
            unknown_head: None,
            head_surface: String::new(),
            modifiers: Vec::new(),
            borrowed: false,
        };
    }
    if plain_count && !d.up.has_head() {
        if people_over(ctx, &d.core, d.start) {
            d.up.head = LEXICON.unit("year");
        } else if let Some((borrowed, percent)) = borrowed_unit(ctx, end) {
            d.up = borrowed;
            if percent {
                d.kind = Kind::Percent;
            }
        } else if d.core.age_decade
            || is_age(ctx, &d.core, d.qualifier.is_some())
            || after_aged(toks, d.start)
        {
            d.up.head = LEXICON.unit("year");
        }
    }
}

/// Step: "seis años y medio", "dos horas y media", "a year and a half": half a unit
/// more.
pub(super) fn and_a_half(ctx: &Ctx, d: &mut Draft) {
    let toks = ctx.toks;
    if !(d.up.has_head() && !d.up.borrowed && d.value.is_exact()) {
        return;
    }
    let e = d.up.end;
    let y_medio = toks.get(e).is_some_and(|t| t.is("y"))
        && toks
            .get(e + 1)
            .is_some_and(|t| t.is("medio") || t.is("media"));
    let and_a_half = toks.get(e).is_some_and(|t| t.is("and"))
        && toks.get(e + 1).is_some_and(|t| t.is("a"))
        && toks.get(e + 2).is_some_and(|t| t.is("half"));
    if y_medio || and_a_half {
        d.value = Interval::exact(d.value.lo.unwrap_or(0.0) + 0.5);
        d.up.end += if y_medio { 2 } else { 3 };
    }
}
