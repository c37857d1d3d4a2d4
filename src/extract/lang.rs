//! Language detection from function words, for pages that do not declare one.
//!
//! The most frequent short words of a language (articles, prepositions, conjunctions)
//! make up a large share of any paragraph and barely overlap between languages, so
//! counting them identifies a body of prose reliably without a model. Short text is
//! left undetected rather than guessed.

/// Function words per language: frequent, and rare as words of the other languages.
const WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "was", "that", "with", "for", "said", "which", "has",
            "have", "were", "this", "from", "by", "are", "it", "on", "be", "at", "their",
        ],
    ),
    (
        "es",
        &[
            "el", "la", "los", "las", "del", "que", "y", "se", "con", "por", "una", "para", "es",
            "fue", "su", "sus", "al", "como", "más", "pero", "dijo", "según", "este", "esta",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "as", "do", "da", "dos", "das", "que", "e", "não", "uma", "para", "com",
            "foi", "ao", "pelo", "pela", "mais", "seu", "sua", "também", "em", "no", "na",
        ],
    ),
    (
        "fr",
        &[
            "le", "les", "des", "et", "est", "une", "du", "dans", "pour", "qui", "pas", "sur",
            "au", "avec", "il", "elle", "ont", "été", "sont", "ce", "cette", "aux",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "auf",
            "sich", "auch", "wird", "von", "zu", "im", "für", "wurde", "sind", "bei",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "è", "per", "della", "delle", "gli", "nel", "alla", "sono", "con",
            "non", "anche", "degli", "dei", "ha", "stato", "questo", "una", "nella",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "is", "niet", "dat", "op", "met", "voor", "zijn",
            "ook", "werd", "bij", "naar", "om", "wordt", "heeft", "deze",
        ],
    ),
];

/// Fewer function words than this is too little text to tell.
const MIN_HITS: usize = 8;
/// The winner needs this many times the runner-up's count.
const MIN_MARGIN: f64 = 1.3;
/// Words read at most: a few paragraphs settle it.
const MAX_WORDS: usize = 2000;

/// Detects the language of `text` ("en", "es", ...), or `None` when unsure.
pub fn detect<'a>(text: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    let mut counts = [0usize; WORDS.len()];
    let mut seen = 0usize;
    'outer: for chunk in text {
        for w in chunk.split(|c: char| !c.is_alphabetic()) {
            if w.is_empty() {
                continue;
            }
            seen += 1;
            if seen > MAX_WORDS {
                break 'outer;
            }
            let w = w.to_lowercase();
            for (i, (_, list)) in WORDS.iter().enumerate() {
                counts[i] += usize::from(list.contains(&w.as_str()));
            }
        }
    }
    let mut order: Vec<usize> = (0..WORDS.len()).collect();
    order.sort_by(|&a, &b| counts[b].cmp(&counts[a]));
    let (best, second) = (counts[order[0]], counts[order[1]]);
    (best >= MIN_HITS && best as f64 >= second as f64 * MIN_MARGIN).then(|| WORDS[order[0]].0)
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn tells_apart_the_languages_it_knows() {
        let en = "The council said on Tuesday that the bridge, which was closed in May, \
                  would reopen to traffic by the end of the month with a new deck.";
        let es = "El ayuntamiento dijo el martes que el puente, que fue cerrado en mayo, \
                  volverá a abrir al tráfico a finales de mes con una nueva calzada para los coches.";
        let pt = "A prefeitura disse na terça-feira que a ponte, que foi fechada em maio, \
                  será reaberta ao trânsito no fim do mês com uma nova pista para os carros.";
        assert_eq!(detect([en]), Some("en"));
        assert_eq!(detect([es]), Some("es"));
        assert_eq!(detect([pt]), Some("pt"));
    }

    #[test]
    fn short_or_empty_text_is_undetected() {
        assert_eq!(detect(["Breaking news"]), None);
        assert_eq!(detect(std::iter::empty()), None);
        assert_eq!(detect(["12 345 678 !!"]), None);
    }
}
