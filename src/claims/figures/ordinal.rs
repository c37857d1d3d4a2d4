//! Ordinal words, single or compound: "third", "twenty-fifth", "one hundred twenty
//! fifth", "three trillionth", "vigésimo primero", "centésimo vigésimo quinto",
//! "cincuenta y dos milésimo", "dosmilésimo", "decimoctavo".
//!
//! Entry point: [`ordinal_at`], at one token. A compound is an optional cardinal
//! ([`parse_words`]) and one or more ordinal words, each smaller than the one before
//! ("vigésimo" then "quinto"). An ordinal scale ("hundredth", "milésimo") multiplies
//! the cardinal's part below it ("tres millones dos milésimo" is 3,002,000); any other
//! ordinal adds to a cardinal ending in a round place ("one hundred twenty" + "fifth").
//! Values are data: `[ordinal]` in `figures.toml`.
//!
//! Not read here: a plural after a cardinal ("three fifths", "dos milésimas") and an
//! ordinal after a lone "one"/"un" ("one twenty-fifth"): those are fractions.
//!
//! ```text
//! "la vigésima primera edición" at "vigésima" → Ordinal { value: 21, end: +2 }
//! ```

use crate::claims::numbers::{glued_words_es, parse_words};
use crate::claims::tokens::{Tok, TokKind};
use crate::fetch::discover::fold;

use super::words::WORDS;

/// An ordinal read at a token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Ordinal {
    pub(super) value: f64,
    /// Token index one past the last word.
    pub(super) end: usize,
    /// The last word is plural ("primeros", "fifths").
    pub(super) plural: bool,
    /// A cardinal came first ("twenty" in "twenty-fifth").
    pub(super) prefixed: bool,
}

/// One ordinal word: its number, whether it is a scale that multiplies what comes
/// before, whether it is plural.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Word {
    pub(super) value: f64,
    scale: bool,
    plural: bool,
}

/// English: "fifth", "fifths", "trillionth". "seconds" is a unit of time only.
/// Is `w` an ordinal word in either language ("third", "vigésima")?
pub(super) fn is_ordinal_word(w: &str) -> bool {
    word_en(w).is_some() || word_es(w).is_some()
}

fn word_en(w: &str) -> Option<Word> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) if w != "seconds" => (s, true),
        _ => (w, false),
    };
    let value = WORDS.ordinal.en.iter().find(|(o, _)| o == stem)?.1;
    Some(Word {
        value,
        scale: value >= 100.0,
        plural,
    })
}

/// Spanish, accents folded: "vigésima", "tercer", "decimoctavo", "dosmilésimos".
fn word_es(w: &str) -> Option<Word> {
    let w = fold(w);
    let (stem, plural) = if let Some(s) = w.strip_suffix("os").or(w.strip_suffix("as")) {
        (s, true)
    } else if let Some(s) = w.strip_suffix('o').or(w.strip_suffix('a')) {
        (s, false)
    } else if w == "primer" || w == "tercer" {
        (w.as_str(), false)
    } else {
        return None;
    };
    let stem_value = |s: &str| WORDS.ordinal.es.iter().find(|(o, _)| o == s).map(|p| p.1);
    let word = |value: f64| {
        Some(Word {
            value,
            scale: value >= 1e3,
            plural,
        })
    };
    if let Some(v) = stem_value(stem) {
        return word(v);
    }
    // "decimoctavo", "decimoprimera": ten and a unit in one word.
    for head in ["decimo", "decim"] {
        if let Some(v) = stem
            .strip_prefix(head)
            .and_then(stem_value)
            .filter(|&v| v < 10.0)
        {
            return word(10.0 + v);
        }
    }
    // "dosmilésimo", "quinientosmillonésima": a glued cardinal times a scale.
    WORDS
        .ordinal
        .es
        .iter()
        .filter(|(_, v)| *v >= 1e3)
        .find_map(|(s, v)| {
            let n = glued_words_es(stem.strip_suffix(s.as_str())?)?;
            Some(n * v)
        })
        .and_then(word)
}

/// The ordinal word at `k`, in `lang`.
pub(super) fn word_at(toks: &[Tok], k: usize, lang: &str) -> Option<Word> {
    let t = toks.get(k).filter(|t| t.kind == TokKind::Word)?;
    if lang == "es" {
        word_es(&t.lower)
    } else {
        word_en(&t.lower)
    }
}

/// The place of a number's highest digit: 10 for 20..99, 100 for 300, 1000 for 2,000.
fn place(v: f64) -> f64 {
    10f64.powi(v.max(1.0).log10().floor() as i32)
}

/// Adds ordinal word `o` to `total`, read so far: a scale multiplies the part below
/// it, another word must fit below the last place ("vigésimo quinto", not "quinto
/// vigésimo").
fn combine(total: f64, o: &Word) -> Option<f64> {
    if o.scale {
        let below = total % o.value;
        return Some(total - below + below.max(1.0) * o.value);
    }
    (total % (place(o.value) * 10.0) == 0.0).then_some(total + o.value)
}

/// The ordinal, single or compound, starting at token `i`.
pub(super) fn ordinal_at(toks: &[Tok], i: usize, lang: &str) -> Option<Ordinal> {
    let (mut total, mut j, prefixed) = match parse_words(toks, i) {
        Some(n) if word_at(toks, i, lang).is_none() => {
            // "one fifth", "un quinto": a fraction, not an ordinal.
            if n.bare_one {
                return None;
            }
            let mut j = n.end;
            let glued_hyphen = toks.get(j).is_some_and(|h| {
                h.is_punct("-‐")
                    && h.start == toks[j - 1].end
                    && toks.get(j + 1).is_some_and(|o| o.start == h.end)
            });
            // "twenty-fifth", "one hundred and fifth".
            let and = toks.get(j).is_some_and(|a| a.is("and")) && n.value >= 100.0;
            if glued_hyphen || and {
                j += 1;
            }
            (n.value, j, true)
        }
        _ => (0.0, i, false),
    };
    let mut last: Option<Word> = None;
    while let Some(o) = word_at(toks, j, lang) {
        // "twenty second" is a span of twenty seconds; "twenty-second" and
        // "vigésimo segundo" are ordinals.
        let hyphened = j > 0 && toks[j - 1].is_punct("-‐");
        if o.value == 2.0 && last.is_none() && prefixed && !hyphened {
            break;
        }
        let next = match last {
            None => combine(total, &o),
            Some(l) if o.value < place(l.value) || l.scale => combine(total, &o),
            Some(_) => None,
        };
        let Some(next) = next else { break };
        total = next;
        last = Some(o);
        j += 1;
        if o.plural {
            break;
        }
    }
    let last = last?;
    Some(Ordinal {
        value: total,
        end: j,
        plural: last.plural,
        prefixed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::tokens::tokenize;

    fn read(text: &str, lang: &str) -> Option<(f64, bool)> {
        let toks = tokenize(text);
        ordinal_at(&toks, 0, lang).map(|o| (o.value, o.end == toks.len()))
    }

    #[test]
    fn english_compounds() {
        assert_eq!(read("twenty-fifth", "en"), Some((25.0, true)));
        assert_eq!(read("one hundred twenty fifth", "en"), Some((125.0, true)));
        assert_eq!(read("two hundredth", "en"), Some((200.0, true)));
        assert_eq!(read("three trillionth", "en"), Some((3e12, true)));
        assert_eq!(read("a hundred trillionth", "en"), Some((1e14, true)));
        assert_eq!(read("third", "en"), Some((3.0, true)));
    }

    #[test]
    fn english_not_compounds() {
        // A span of seconds, a fraction, a number before an ordinal that does not fit.
        assert_eq!(read("twenty second delay", "en"), None);
        assert_eq!(read("one fifth", "en"), None);
        assert_eq!(read("three fifth", "en"), None);
    }

    #[test]
    fn spanish_compounds() {
        assert_eq!(read("vigésimo primero", "es"), Some((21.0, true)));
        assert_eq!(read("centesimo vigesimo quinto", "es"), Some((125.0, true)));
        assert_eq!(read("decimoctavo", "es"), Some((18.0, true)));
        assert_eq!(read("décimo octavo", "es"), Some((18.0, true)));
        assert_eq!(read("dosmilésimo tricentésimo", "es"), Some((2300.0, true)));
        let n = "cincuenta y dos milesimo tricentesimo cuadragesimo septimo";
        assert_eq!(read(n, "es"), Some((52_347.0, true)));
        assert_eq!(read("tres mil millonesimo", "es"), Some((3e9, true)));
        let n = "tres millones dos milesimo";
        assert_eq!(read(n, "es"), Some((3_002_000.0, true)));
        assert_eq!(read("tercer", "es"), Some((3.0, true)));
    }

    #[test]
    fn spanish_parts_in_falling_order_only() {
        // "quinto vigésimo" is two ordinals.
        assert_eq!(read("quinto vigésimo", "es"), Some((5.0, false)));
        assert_eq!(read("segundos", "es").map(|r| r.0), Some(2.0));
        assert_eq!(read("tres segundos", "es"), None);
    }
}
