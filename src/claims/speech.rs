//! Who says so: speech verbs, "according to" phrases and the speaker noun phrase
//! next to them. Shared by figure attribution and quote speakers.

use super::lang::is_function_word;
use super::qualifiers::match_phrase;
use super::tokens::{Tok, TokKind};
use super::word_hash::WordSet;

/// Verbs of saying, English and Spanish (lower case).
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "warned",
    "warns",
    "added",
    "adds",
    "explained",
    "explains",
    "stated",
    "states",
    "noted",
    "notes",
    "announced",
    "announces",
    "estimated",
    "estimates",
    "reported",
    "reports",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "argued",
    "argues",
    "wrote",
    "writes",
    "tweeted",
    "confirmed",
    "confirms",
    "acknowledged",
    "admitted",
    "declared",
    "declares",
    "asserted",
    "stressed",
    "emphasized",
    "emphasised",
    "dijo",
    "dice",
    "dicen",
    "dijeron",
    "afirmó",
    "afirma",
    "afirman",
    "señaló",
    "señala",
    "señalan",
    "advirtió",
    "advierte",
    "explicó",
    "explica",
    "añadió",
    "añade",
    "agregó",
    "agrega",
    "aseguró",
    "asegura",
    "estimó",
    "estima",
    "declaró",
    "declara",
    "informó",
    "informa",
    "indicó",
    "indica",
    "sostuvo",
    "sostiene",
    "insistió",
    "reconoció",
    "admitió",
    "comentó",
    "precisó",
    "detalló",
    "apuntó",
    "subrayó",
    "destacó",
    "manifestó",
    "expresó",
    "anunció",
    "anuncia",
    "confirmó",
    "reportó",
    "escribió",
    "publicó",
    "denunció",
    "acusó",
];

/// Source phrases followed by the source ("according to officials").
const SOURCE_PHRASES: &[&str] = &[
    "according to",
    "de acuerdo con",
    "según",
    "segun",
    "citing",
    "cited by",
    "citado por",
    "citada por",
    "citados por",
    "citadas por",
    "citando a",
];

/// Personal pronouns that stand for an earlier speaker.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "él", "ella", "ellos", "ellas", "we", "i",
];

/// Role words stripped from the front of a name ("Foreign Minister Sergei Lavrov").
const ROLE_WORDS: &[&str] = &[
    "foreign",
    "minister",
    "president",
    "prime",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "secretary",
    "analyst",
    "deputy",
    "senator",
    "general",
    "director",
    "chief",
    "head",
    "leader",
    "security",
    "state",
    "interior",
    "defense",
    "defence",
    "mr",
    "mrs",
    "ms",
    "dr",
    "canciller",
    "presidente",
    "presidenta",
    "ministro",
    "ministra",
    "portavoz",
    "vocero",
    "vocera",
    "embajador",
    "embajadora",
    "secretario",
    "secretaria",
    "analista",
    "directora",
    "jefe",
    "jefa",
    "subsecretario",
    "subsecretaria",
    "titular",
    "senadora",
    "senador",
    "diputado",
    "diputada",
    "sr",
    "sra",
    "dra",
    "lic",
];

/// Connectors allowed inside a name ("Ministerio de Relaciones Exteriores").
const NAME_CONNECTORS: &[&str] = &[
    "de", "del", "la", "las", "los", "van", "von", "da", "di", "al", "of", "y",
];

/// Determiners dropped from the front of a role noun phrase.
const DETERMINERS: &[&str] = &["the", "a", "an", "el", "la", "los", "las", "un", "una"];

/// A speaker or source found in some tokens.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Source {
    /// The name or noun phrase, as written.
    pub text: String,
    /// It is a pronoun ("he said"): the caller may resolve it.
    pub pronoun: bool,
}

/// First words of the source phrases: a set lookup before trying each phrase at each
/// token.
static SOURCE_FIRST: std::sync::LazyLock<WordSet<&'static str>> = std::sync::LazyLock::new(|| {
    SOURCE_PHRASES
        .iter()
        .filter_map(|p| p.split(' ').next())
        .collect()
});

/// Is the token a speech verb? The Spanish entries are third person singular; their
/// plurals are made here ("explicó" → "explicaron", "advirtió" → "advirtieron",
/// "indica" → "indican", "dice" → "dicen").
pub(crate) fn is_speech_verb(t: &Tok) -> bool {
    static VERBS: std::sync::LazyLock<WordSet<String>> = std::sync::LazyLock::new(|| {
        let mut all: Vec<String> = SPEECH_VERBS.iter().map(|v| v.to_string()).collect();
        for v in SPEECH_VERBS {
            if let Some(stem) = v.strip_suffix("ió") {
                all.push(format!("{stem}ieron"));
            } else if let Some(stem) = v.strip_suffix('ó') {
                all.push(format!("{stem}aron"));
            } else if v.ends_with('a') || v.ends_with('e') {
                all.push(format!("{v}n"));
            }
        }
        all.into_iter().collect()
    });
    t.kind == TokKind::Word && VERBS.contains(t.lower.as_str())
}

/// The first source named in `toks` (one sentence or part of one).
pub(crate) fn find_source(text: &str, toks: &[Tok]) -> Option<Source> {
    find_source_cue(text, toks).map(|(s, _)| s)
}

/// The first source named in `toks` and the words that attribute to it
/// ("according to", "dijo").
pub(crate) fn find_source_cue(text: &str, toks: &[Tok]) -> Option<(Source, String)> {
    for i in 0..toks.len() {
        let may_open = SOURCE_FIRST.contains(toks[i].lower.as_str());
        if let Some(end) = SOURCE_PHRASES
            .iter()
            .filter(|_| may_open)
            .find_map(|p| match_phrase(toks, i, p))
            && let Some(s) = np_after(text, toks, end)
        {
            return Some((s, slice(text, toks, i, end)));
        }
        // "Each added accreditation": a determiner before the verb makes it an
        // adjective, not speech.
        let determiner = i > 0 && NOT_SOURCES.contains(&toks[i - 1].lower.as_str());
        if is_speech_verb(&toks[i]) && !noun_not_verb(toks, i) && !determiner {
            let found = np_before(text, toks, i).or_else(|| np_after(text, toks, i + 1));
            if let Some(s) = found {
                return Some((s, toks[i].lower.clone()));
            }
        }
    }
    None
}

/// Words that cannot be a source before a verb: "Each added accreditation".
const NOT_SOURCES: &[&str] = &[
    "each", "every", "the", "this", "that", "these", "those", "all", "some", "any", "no",
    "another", "cada", "todo", "toda", "todos", "todas",
];

/// "the United States", "three states", "states that are": "states" is a noun
/// unless "that" or punctuation follows it.
fn noun_not_verb(toks: &[Tok], i: usize) -> bool {
    if !matches!(toks[i].lower.as_str(), "states" | "state") {
        return false;
    }
    let next_ok = toks
        .get(i + 1)
        .is_some_and(|n| n.is("that") || n.is_punct(",:"));
    let prev_noun = i > 0
        && (toks[i - 1].is("united")
            || toks[i - 1].kind == TokKind::Num
            || toks[i - 1].lower.ends_with("teen"));
    !next_ok || prev_noun
}

/// Text of `toks[a..b]` as written.
fn slice(text: &str, toks: &[Tok], a: usize, b: usize) -> String {
    text[toks[a].start..toks[b - 1].end].to_string()
}

fn is_word(t: &Tok) -> bool {
    t.kind == TokKind::Word
}

/// A capitalised name ending at token `last` (inclusive): its start index.
fn name_ending_at(toks: &[Tok], last: usize) -> Option<usize> {
    if !is_word(&toks[last]) || !toks[last].cap {
        return None;
    }
    let mut start = last;
    let mut k = last;
    while k > 0 && last - k < 6 {
        let prev = &toks[k - 1];
        if is_word(prev) && prev.cap {
            start = k - 1;
        } else if !(is_word(prev) && NAME_CONNECTORS.contains(&prev.lower.as_str())) {
            break;
        }
        k -= 1;
    }
    Some(start)
}

/// Drops role words from the front of a name, keeping at least one word.
fn strip_roles(toks: &[Tok], mut a: usize, b: usize) -> usize {
    while a + 1 < b && ROLE_WORDS.contains(&toks[a].lower.as_str()) {
        a += 1;
    }
    while a + 1 < b && NAME_CONNECTORS.contains(&toks[a].lower.as_str()) {
        a += 1;
    }
    a
}

/// The speaker noun phrase ending right before token `v` (a speech verb).
fn np_before(text: &str, toks: &[Tok], v: usize) -> Option<Source> {
    let mut last = v.checked_sub(1)?;
    // "Laura Medina, a security analyst, said": skip the apposition, unless it is
    // the name itself ("the minister, Ana Ruiz, warned").
    if toks[last].is_punct(",") {
        let open = (last.saturating_sub(10)..last)
            .rev()
            .find(|&k| toks[k].is_punct(","))?;
        let inner = last.checked_sub(1)?;
        if inner > open
            && let Some(start) = name_ending_at(toks, inner).filter(|&s| s == open + 1)
        {
            let a = strip_roles(toks, start, inner + 1);
            return Some(Source {
                text: slice(text, toks, a, inner + 1),
                pronoun: false,
            });
        }
        last = open.checked_sub(1)?;
    }
    let t = &toks[last];
    if !is_word(t) {
        return None;
    }
    if PRONOUNS.contains(&t.lower.as_str()) {
        return Some(Source {
            text: slice(text, toks, last, last + 1),
            pronoun: true,
        });
    }
    if let Some(start) = name_ending_at(toks, last) {
        let a = strip_roles(toks, start, last + 1);
        if !DETERMINERS.contains(&toks[a].lower.as_str()) {
            return Some(Source {
                text: slice(text, toks, a, last + 1),
                pronoun: false,
            });
        }
    }
    role_before(text, toks, last)
}

/// A lower-case role phrase ending at `last` ("the foreign ministry", "officials").
fn role_before(text: &str, toks: &[Tok], last: usize) -> Option<Source> {
    let mut start = last + 1;
    while start > 0 && last + 1 - start < 4 {
        let t = &toks[start - 1];
        if !is_word(t) || is_function_word(&t.lower) || is_speech_verb(t) {
            break;
        }
        start -= 1;
    }
    (start <= last).then(|| Source {
        text: slice(text, toks, start, last + 1),
        pronoun: false,
    })
}

/// The speaker noun phrase starting at token `i` ("said Laura Medina",
/// "según el canciller Marcelo Ebrard", "according to officials").
fn np_after(text: &str, toks: &[Tok], i: usize) -> Option<Source> {
    let mut a = i;
    while toks
        .get(a)
        .is_some_and(|t| is_word(t) && DETERMINERS.contains(&t.lower.as_str()))
    {
        a += 1;
    }
    // Lower-case role words before a name ("el canciller Marcelo Ebrard") are
    // dropped; without a name after them they are the phrase ("the foreign ministry").
    let mut r = a;
    while toks
        .get(r)
        .is_some_and(|t| is_word(t) && !t.cap && ROLE_WORDS.contains(&t.lower.as_str()))
    {
        r += 1;
    }
    if toks.get(r).is_some_and(|t| is_word(t) && t.cap) {
        a = r;
    }
    let first = toks.get(a)?;
    if !is_word(first) {
        return None;
    }
    if PRONOUNS.contains(&first.lower.as_str()) {
        return Some(Source {
            text: slice(text, toks, a, a + 1),
            pronoun: true,
        });
    }
    if first.cap {
        let mut b = a + 1;
        while b < toks.len() && b - a < 6 {
            let t = &toks[b];
            let connector = NAME_CONNECTORS.contains(&t.lower.as_str())
                && toks.get(b + 1).is_some_and(|n| is_word(n) && n.cap);
            if is_word(t) && (t.cap || connector) {
                b += 1;
            } else {
                break;
            }
        }
        let start = strip_roles(toks, a, b);
        return Some(Source {
            text: slice(text, toks, start, b),
            pronoun: false,
        });
    }
    // A lower-case role phrase: up to four content words from `i`, determiners dropped.
    let mut b = a;
    while b < toks.len() && b - a < 4 && is_word(&toks[b]) && !is_function_word(&toks[b].lower) {
        b += 1;
    }
    (b > a).then(|| Source {
        text: slice(text, toks, a, b),
        pronoun: false,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn source(text: &str) -> Option<String> {
        find_source(text, &tokenize(text)).map(|s| s.text)
    }

    #[test]
    fn speakers_before_and_after_verbs() {
        assert_eq!(
            source("Mexico approved 37 diplomats, officials said.").as_deref(),
            Some("officials")
        );
        assert_eq!(
            source("Laura Medina, a security analyst, said it was high.").as_deref(),
            Some("Laura Medina")
        );
        assert_eq!(
            source("It was high, said Foreign Minister Sergei Lavrov.").as_deref(),
            Some("Sergei Lavrov")
        );
        assert_eq!(
            source("Según el canciller Marcelo Ebrard, son 37.").as_deref(),
            Some("Marcelo Ebrard")
        );
        assert_eq!(
            source("According to the foreign ministry, 37 arrived.").as_deref(),
            Some("foreign ministry")
        );
        assert_eq!(
            source("La cifra es alta, dijo la Secretaría de Relaciones Exteriores.").as_deref(),
            Some("Secretaría de Relaciones Exteriores")
        );
        assert_eq!(source("No speech here."), None);
    }

    #[test]
    fn pronouns_are_flagged() {
        let text = "It is unacceptable, she said.";
        let s = find_source(text, &tokenize(text)).unwrap();
        assert!(s.pronoun);
    }
}
