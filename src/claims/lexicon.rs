//! English-Spanish word pairs, so a quote or a label can be followed across the two
//! languages. The pairs are data (`lexicon/en-es.tsv`, written for the project and
//! built by `scripts/build_lexicon.py`; `lexicon/README.md` says how); both sides are
//! matched by a light stem, so "diplomats" meets "diplomáticas" as well as "diplomático".

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::fetch::discover::fold;

/// One pair: the content-word stems of each side ("fecha límite" -> ["fecha", "limit"]).
struct Entry {
    en: Vec<String>,
    es: Vec<String>,
}

struct Lexicon {
    entries: Vec<Entry>,
    /// Entries by each stem of their English side, and of their Spanish side.
    by_en: HashMap<String, Vec<usize>>,
    by_es: HashMap<String, Vec<usize>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| parse(include_str!("lexicon/en-es.tsv")));

fn parse(tsv: &str) -> Lexicon {
    let mut lex = Lexicon {
        entries: Vec::new(),
        by_en: HashMap::new(),
        by_es: HashMap::new(),
    };
    for line in tsv.lines() {
        let Some((en, es)) = line.split_once('\t') else {
            continue;
        };
        let en = stems(en, "en");
        if en.is_empty() {
            continue;
        }
        for es in es.split(" | ").map(|t| stems(t, "es")) {
            if es.is_empty() {
                continue;
            }
            let id = lex.entries.len();
            for s in &en {
                lex.by_en.entry(s.clone()).or_default().push(id);
            }
            for s in &es {
                lex.by_es.entry(s.clone()).or_default().push(id);
            }
            lex.entries.push(Entry { en: en.clone(), es });
        }
    }
    lex
}

/// Number of English-Spanish pairs in the lexicon.
#[cfg(test)]
fn size() -> usize {
    LEXICON.entries.len()
}

/// A light stem: folded, the plural cut, then the commonest verb, gender and
/// adjective endings of `lang`, then at most seven letters. Crude on purpose: it only
/// has to send a word's inflections to one key on its own side ("cerraremos",
/// "cerrado", "cerrar" -> "cerr"; "closing", "closed", "close" -> "clos").
pub fn stem(word: &str, lang: &str) -> String {
    let mut w = fold(word);
    if w.chars().count() <= 3 || !w.chars().all(|c| c.is_ascii_lowercase()) {
        return w;
    }
    // Endings after the plural is cut, longest first; the root keeps three letters.
    const ES: &[&str] = &[
        "ariamo", "eriamo", "iriamo", "aremo", "eremo", "iremo", "abamo", "ieron", "iendo",
        "arian", "erian", "irian", "iamo", "aria", "eria", "iria", "aran", "eran", "iran", "aron",
        "aban", "ando", "amo", "emo", "imo", "ado", "ada", "ido", "ida", "ara", "era", "ira",
        "aba", "ar", "er", "ir", "an", "en", "o", "a", "e",
    ];
    const EN: &[&str] = &["ing", "ed", "e"];
    let cut = |w: &mut String, suffix: &str| -> bool {
        let ok = w.ends_with(suffix) && w.len() >= suffix.len() + 3;
        if ok {
            w.truncate(w.len() - suffix.len());
        }
        ok
    };
    if lang == "es" {
        let before_es = w
            .len()
            .checked_sub(3)
            .and_then(|i| w.as_bytes().get(i).copied());
        if !(w.len() >= 6
            && before_es.is_some_and(|c| b"nrlsdzj".contains(&c))
            && cut(&mut w, "es"))
        {
            cut(&mut w, "s");
        }
        ES.iter().any(|e| cut(&mut w, e));
    } else {
        if w.ends_with("ies") && cut(&mut w, "ies") {
            w.push('y');
        } else {
            let sibilant = ["ches", "shes", "sses", "xes", "zes"]
                .iter()
                .any(|e| w.ends_with(e));
            // "taxes" -> "tax", "diplomats" -> "diplomat"; "press" keeps its "ss".
            if !(w.ends_with("ss") || sibilant && cut(&mut w, "es")) {
                cut(&mut w, "s");
            }
        }
        EN.iter().any(|e| cut(&mut w, e));
    }
    w.chars().take(7).collect()
}

/// Stems in the other language that translate the one-word `word` (from `from`),
/// with its own stem, which names and cognates keep ("diplomats" -> "diplomat",
/// "diplom..." as in "diplomáticos").
pub fn counterparts(word: &str, from: &str) -> HashSet<String> {
    let own = stem(word, from);
    let lex = &*LEXICON;
    let (index, to_en) = if from == "es" {
        (&lex.by_es, true)
    } else {
        (&lex.by_en, false)
    };
    let mut out: HashSet<String> = HashSet::from([own.clone()]);
    for &id in index.get(&own).into_iter().flatten() {
        let e = &lex.entries[id];
        let (mine, other) = if to_en {
            (&e.es, &e.en)
        } else {
            (&e.en, &e.es)
        };
        if mine.len() == 1 && other.len() == 1 {
            out.insert(other[0].clone());
        }
    }
    out
}

/// Whether `word` (in `lang`) is one of `counterparts` or a cognate of one.
pub fn is_counterpart(word: &str, lang: &str, counterparts: &HashSet<String>) -> bool {
    let s = stem(word, lang);
    counterparts.contains(&s) || cognate(&s, counterparts.iter().map(String::as_str))
}

/// A stem of six letters or more that begins like one of `others` (cognates and
/// names across the languages: "diplomat" / "diplomático").
fn cognate<'a>(s: &str, mut others: impl Iterator<Item = &'a str>) -> bool {
    s.chars().count() >= 6
        && others.any(|o| o.chars().count() >= 6 && o.chars().take(6).eq(s.chars().take(6)))
}

/// Function words of either language: they carry no content across a translation.
fn is_function_word(w: &str, lang: &str) -> bool {
    const EN: &str = "a an the and or but nor of to in on at for with by from as into onto \
        over under about after before up down out off than then so if because while though \
        although is are was were be been being am has have had do does did will would can \
        could should may might must shall it its this that these those he she they we you i \
        me him her them us our ours their theirs his my your yours who whom whose which what \
        when where why how not no yes all any both each every some such own same other just \
        only very also too more most less there here said says say told tell";
    const ES: &str = "el la lo los las un una unos unas y e o u ni pero sino de del al a en \
        con por para sin sobre entre hasta desde hacia tras ante bajo según que quien quienes \
        cual cuales cuyo cuya donde cuando como si porque aunque mientras es son era eran fue \
        fueron ser sido siendo sea sean ha han he hemos has habia habian haber hay esta estan \
        estaba estar esto este estos estas ese esa esos esas eso aquel aquella le les se su sus \
        mi mis tu tus nos nuestro nuestra nuestros nuestras me te yo tu el ella ellos ellas \
        usted ustedes no si ya muy mas menos tambien tan tanto solo cada todo toda todos todas \
        otro otra otros otras mismo misma dijo dice afirmo senalo aseguro";
    static WORDS: LazyLock<(HashSet<&str>, HashSet<&str>)> = LazyLock::new(|| {
        (
            EN.split_whitespace().collect(),
            ES.split_whitespace().collect(),
        )
    });
    let (en, es) = &*WORDS;
    match lang {
        "es" => es.contains(w),
        _ => en.contains(w),
    }
}

/// The stems of a text's content words (folded, function words dropped), in order.
pub fn stems(text: &str, lang: &str) -> Vec<String> {
    content_words(text, lang)
        .iter()
        .map(|w| stem(w, lang))
        .collect()
}

/// A text's content words, folded, in order: letters-only words of three letters or
/// more that are not function words of `lang`, and numbers.
pub fn content_words(text: &str, lang: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| is_content(w, lang))
        .collect()
}

/// A folded word worth following: a number, or three letters or more and no function word.
fn is_content(w: &str, lang: &str) -> bool {
    !w.is_empty()
        && (w.chars().all(|c| c.is_ascii_digit())
            || (w.chars().count() >= 3 && !is_function_word(w, lang)))
}

/// How much of one text's content carries over into a text in the other language.
#[derive(Debug, Clone, PartialEq)]
pub struct Carried {
    /// Share of the shorter side's content words that have a counterpart in the other.
    pub share: f64,
    /// Content words of each side with a counterpart in the other.
    pub matched: (usize, usize),
    /// Words of the first text with no counterpart in the second, as written there.
    pub lost: Vec<String>,
    /// Words of the second text with no counterpart in the first.
    pub added: Vec<String>,
}

/// Follows `a` (in `a_lang`) into `b` (in `b_lang`): a word carries over when the other
/// side holds the same stem (names, numbers, cognates) or a lexicon translation of it.
/// Works within one language too, where only the stems count.
pub fn carried(a: &str, a_lang: &str, b: &str, b_lang: &str) -> Carried {
    carried_with(&LEXICON, a, a_lang, b, b_lang)
}

fn carried_with(lex: &Lexicon, a: &str, a_lang: &str, b: &str, b_lang: &str) -> Carried {
    let (wa, wb) = (distinct(a, a_lang), distinct(b, b_lang));
    let sa: HashSet<&str> = wa.iter().map(|(s, _)| s.as_str()).collect();
    let sb: HashSet<&str> = wb.iter().map(|(s, _)| s.as_str()).collect();
    let across = a_lang != b_lang;
    // Entries whose both sides are present: every stem they cover is carried.
    let mut ka: HashSet<&str> = HashSet::new();
    let mut kb: HashSet<&str> = HashSet::new();
    if across {
        let (from, to_en) = if a_lang == "es" {
            (&lex.by_es, false)
        } else {
            (&lex.by_en, true)
        };
        for (s, _) in &wa {
            for &id in from.get(s).into_iter().flatten() {
                let e = &lex.entries[id];
                let (own, other) = if to_en {
                    (&e.en, &e.es)
                } else {
                    (&e.es, &e.en)
                };
                if own.iter().all(|x| sa.contains(x.as_str()))
                    && other.iter().all(|x| sb.contains(x.as_str()))
                {
                    ka.extend(own.iter().map(String::as_str));
                    kb.extend(other.iter().map(String::as_str));
                }
            }
        }
    }
    let carries =
        |s: &str, other: &HashSet<&str>| other.contains(s) || cognate(s, other.iter().copied());
    // Each side's words: how many carry over, and those that do not, as written.
    let follow = |own: &[(String, String)], keyed: &HashSet<&str>, other: &HashSet<&str>| {
        let (hit, miss): (Vec<_>, Vec<_>) = own
            .iter()
            .partition(|(s, _)| keyed.contains(s.as_str()) || carries(s, other));
        (
            hit.len(),
            miss.into_iter().map(|(_, w)| w.clone()).collect::<Vec<_>>(),
        )
    };
    let ((ma, lost), (mb, added)) = (follow(&wa, &ka, &sb), follow(&wb, &kb, &sa));
    let share = match (wa.len(), wb.len()) {
        (0, _) | (_, 0) => 0.0,
        (x, y) if x <= y => ma as f64 / x as f64,
        (_, y) => mb as f64 / y as f64,
    };
    Carried {
        share,
        matched: (ma, mb),
        lost,
        added,
    }
}

/// Content words by stem, each stem once, with the first word written for it.
fn distinct(text: &str, lang: &str) -> Vec<(String, String)> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let f = fold(w);
        if !is_content(&f, lang) {
            continue;
        }
        let s = stem(&f, lang);
        if seen.insert(s.clone()) {
            out.push((s, w.to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_stem_within_each_language() {
        let es = |w| stem(w, "es");
        let en = |w| stem(w, "en");
        assert_eq!(es("diplomáticos"), es("diplomática"));
        assert_eq!(es("gobiernos"), es("gobierno"));
        assert_eq!(es("cerraremos"), es("cerrar"));
        assert_eq!(es("cerrado"), es("cerró"));
        assert_eq!(es("naciones"), es("nación"));
        assert_eq!(es("tierras"), es("tierra"));
        assert_eq!(en("diplomats"), en("diplomat"));
        assert_eq!(en("arrived"), en("arriving"));
        assert_eq!(en("closed"), en("close"));
        assert_eq!(en("policies"), en("policy"));
        assert_eq!(en("taxes"), en("tax"));
        assert_ne!(en("spies"), en("spoke"));
        // A cognate keeps six letters in common across the languages.
        assert_eq!(es("diplomáticos")[..6], en("diplomats")[..6]);
    }

    #[test]
    fn the_shipped_lexicon_is_large_and_pairs_everyday_news_words() {
        assert!(size() > 3000, "{} pairs", size());
        for (en, es) in [
            ("government", "gobierno"),
            ("people", "personas"),
            ("years", "años"),
        ] {
            assert!(
                counterparts(en, "en").contains(&stem(es, "es")),
                "{en} / {es}"
            );
            assert!(
                counterparts(es, "es").contains(&stem(en, "en")),
                "{es} / {en}"
            );
        }
    }

    #[test]
    fn a_translation_carries_through_the_lexicon_and_a_changed_word_is_lost() {
        let t = parse("school\tescuela\nclose\tcerrar | cerraremos\nsingle\tsola\n");
        assert_eq!(t.entries.len(), 4);
        let c = carried_with(
            &t,
            "We will not close a single school",
            "en",
            "No cerraremos ni una sola escuela",
            "es",
        );
        assert!(c.share >= 0.99, "{c:?}");
        let c = carried_with(
            &t,
            "We will not close a single school",
            "en",
            "No abriremos ni una sola escuela",
            "es",
        );
        assert_eq!(c.lost, vec!["close"], "{c:?}");
        assert_eq!(c.added, vec!["abriremos"], "{c:?}");
    }
}
