//! Language guessing and the function words both languages share with it.

use super::tokens::{Tok, TokKind};

const EN_MARKERS: &[&str] = &[
    "the", "and", "of", "to", "is", "was", "that", "with", "for", "said", "which", "has",
];
const ES_MARKERS: &[&str] = &[
    "el", "la", "de", "que", "y", "los", "las", "del", "se", "con", "por", "una", "dijo",
];

/// Function words and common verbs that cannot be a counted noun: a number followed
/// by one of these has its noun elided ("the 49 already accredited", "37 were").
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "from", "by", "for",
    "with", "as", "than", "that", "which", "who", "whom", "whose", "this", "these", "those", "it",
    "its", "they", "them", "their", "he", "she", "his", "her", "we", "our", "you", "is", "are",
    "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could",
    "may", "might", "should", "must", "do", "does", "did", "not", "no", "so", "if", "when",
    "while", "since", "until", "after", "before", "into", "out", "up", "down", "more", "less",
    "most", "also", "only", "just", "still", "yet", "then", "there", "here", "all", "each",
    "other", "another", "such", "same", "per", "against", "between", "among", "el", "la", "los",
    "las", "lo", "un", "una", "unos", "unas", "y", "e", "o", "u", "pero", "de", "del", "en", "a",
    "al", "por", "para", "con", "sin", "sobre", "entre", "hasta", "desde", "que", "quien",
    "quienes", "cual", "cuales", "cuyo", "este", "esta", "estos", "estas", "ese", "esa", "esos",
    "esas", "su", "sus", "se", "le", "les", "es", "son", "fue", "fueron", "era", "eran", "ha",
    "han", "había", "habían", "será", "serán", "está", "están", "estaba", "estaban", "como", "más",
    "menos", "muy", "también", "solo", "sólo", "aún", "ya", "no", "ni", "si", "cuando", "mientras",
    "tras", "ante", "según", "contra", "durante",
];

/// Guesses "en" or "es" from function-word counts; ties go to English.
pub(crate) fn guess(toks: &[Tok]) -> &'static str {
    let (mut en, mut es) = (0usize, 0usize);
    for t in toks.iter().filter(|t| t.kind == TokKind::Word) {
        en += usize::from(EN_MARKERS.contains(&t.lower.as_str()));
        es += usize::from(ES_MARKERS.contains(&t.lower.as_str()));
    }
    if es > en { "es" } else { "en" }
}

/// Normalises an article's language hint ("es-MX" → "es"); `None` if not en/es.
pub(crate) fn from_hint(hint: Option<&str>) -> Option<&'static str> {
    let primary = hint?.split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.as_str() {
        "en" => Some("en"),
        "es" => Some("es"),
        _ => None,
    }
}

/// Is `w` (lower case) a function word or a common auxiliary verb?
pub(crate) fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w) || w.ends_with("ly") || w.ends_with("mente")
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn guesses_language() {
        assert_eq!(
            guess(&tokenize(
                "The embassy said that the staff of the mission grew."
            )),
            "en"
        );
        assert_eq!(
            guess(&tokenize(
                "La embajada dijo que el personal de la misión creció."
            )),
            "es"
        );
        assert_eq!(guess(&tokenize("")), "en");
    }

    #[test]
    fn hints() {
        assert_eq!(from_hint(Some("es-MX")), Some("es"));
        assert_eq!(from_hint(Some("EN")), Some("en"));
        assert_eq!(from_hint(Some("fr")), None);
        assert_eq!(from_hint(None), None);
    }
}
