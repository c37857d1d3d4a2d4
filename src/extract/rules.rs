//! Heuristic rules for body extraction: tag sets, class/id vocabularies and
//! thresholds, kept in one place so they can be tuned together.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Elements whose content is never article text.
pub const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
    "button", "select", "textarea", "input", "option", "head", "math", "dialog", "video", "audio",
    "map", "picture",
];

/// Elements that start a new paragraph when entered or left.
pub const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "address",
    "hr",
    "center",
    "details",
    "summary",
    "caption",
    "body",
    "html",
    "menu",
    "hgroup",
    "legend",
];

/// Semantic elements that are page furniture wherever they appear.
pub const FURNITURE_TAGS: &[&str] = &["nav", "footer", "aside", "header", "figcaption", "menu"];

/// ARIA roles that mark furniture.
pub const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "contentinfo",
    "banner",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "search",
    "toolbar",
];

/// Class/id fragments that mark furniture even when a content word is also present
/// (`article-comments`, `story-related`, `post-share`).
pub const STRONG_NEGATIVE: &[&str] = &[
    "comment",
    "comentario",
    "related",
    "relacionad",
    "share",
    "sharing",
    "social",
    "newsletter",
    "cookie",
    "consent",
    "gdpr",
    "promo",
    "advert",
    "publicidad",
    "anuncio",
    "breadcrumb",
    "subscri",
    "suscrip",
    "sidebar",
    "byline",
    "caption",
    "recommend",
    "outbrain",
    "taboola",
    "disqus",
    "sponsor",
    "popular",
    "trending",
    "signup",
    "paywall",
    "read-more",
    "readmore",
    "leer-mas",
    "more-stories",
    "most-read",
    "tags",
    "keywords",
    "author",
    "autor",
    "dateline",
    "timestamp",
    "skip-link",
    "toolbar",
    "modal",
    "popup",
    "overlay",
];

/// Class/id fragments that mark furniture unless a content word is also present.
pub const WEAK_NEGATIVE: &[&str] = &[
    "footer",
    "menu",
    "navbar",
    "header",
    "masthead",
    "banner",
    "widget",
    "pagination",
    "pager",
    "combx",
    "community",
    "disclaimer",
    "hidden",
    "shoutbox",
    "skyscraper",
    "rss",
    "print",
    "login",
    "meta",
    "extra",
];

/// Class/id tokens (whole words) that mark furniture.
pub const NEGATIVE_TOKENS: &[&str] = &[
    "ad", "ads", "nav", "date", "tools", "rail", "follow", "hide", "cta", "dfp", "gpt", "adv",
    "video", "gallery", "aside", "credit", "credits", "bio", "time", "fecha",
];

/// Class/id fragments that favour a container as the article body.
pub const POSITIVE: &[&str] = &[
    "article", "content", "body", "main", "story", "entry", "post", "text", "nota", "cuerpo",
    "noticia", "blog", "column", "page", "prose",
];

/// Score added to or taken from a candidate for class/id words.
pub const CLASS_WEIGHT: f64 = 25.0;
/// Extra score for `itemprop=articleBody` containers.
pub const ARTICLE_BODY_BONUS: f64 = 40.0;
/// Minimum characters for a block to add score to its ancestors.
pub const MIN_SCORED_LEN: usize = 25;
/// How many ancestor levels a paragraph's score propagates to.
pub const SCORE_LEVELS: usize = 5;
/// Blocks with more link text than this share are navigation.
pub const MAX_LINK_DENSITY: f64 = 0.5;
/// Siblings of the winner join it above this share of its score...
pub const SIBLING_SHARE: f64 = 0.2;
/// ...and above this absolute score.
pub const SIBLING_MIN_SCORE: f64 = 10.0;
/// Other candidates scoring this close to the winner suggest a common ancestor is the body.
pub const ALT_CANDIDATE_SHARE: f64 = 0.75;
/// Extraction shorter than this (characters) is retried without furniture filters.
pub const MIN_BODY_CHARS: usize = 250;
/// JSON-LD `articleBody` replaces the DOM text when the DOM gives less than this share of it.
pub const JSONLD_BODY_SHARE: f64 = 0.5;
/// Container tags nested deeper than this in the source are flattened while parsing.
pub const MAX_SOURCE_DEPTH: usize = 1000;
/// Container tags that [`MAX_SOURCE_DEPTH`] applies to: ones pages close explicitly, so
/// a running count of them tracks the real depth.
pub const FLATTEN_TAGS: &[&str] = &[
    "div",
    "section",
    "article",
    "span",
    "main",
    "aside",
    "header",
    "footer",
    "nav",
    "blockquote",
    "center",
    "ul",
    "ol",
    "table",
];
/// Role words after a byline name ("Jane Doe, Staff Writer").
pub const BYLINE_ROLES: &[&str] = &[
    "staff",
    "correspondent",
    "reporter",
    "writer",
    "editor",
    "contributor",
    "columnist",
    "corresponsal",
    "redactor",
    "redactora",
    "redacción",
    "enviado",
    "enviada",
    "agencia",
];
/// A block that is the headline plus at most this many bytes is a headline line.
pub const TITLE_LINE_EXTRA: usize = 60;
/// Structure nested deeper than this is ignored (guards against pathological pages).
pub const MAX_DEPTH: usize = 4096;

/// Short paragraphs that are furniture in any article (compared case-insensitively,
/// trailing punctuation ignored).
pub const BOILERPLATE: &[&str] = &[
    "advertisement",
    "advertising",
    "publicidad",
    "anuncio",
    "read more",
    "leer más",
    "lee también",
    "ver más",
    "share",
    "share this article",
    "share this",
    "compartir",
    "sponsored",
    "continue reading",
    "seguir leyendo",
    "skip advertisement",
    "story continues below advertisement",
    "related",
    "related articles",
    "noticias relacionadas",
    "comments",
    "comentarios",
    "subscribe",
    "suscríbete",
];

/// How many nodes from the top of the page are searched for a "By ..." text line.
pub const BYLINE_SCAN_NODES: usize = 3000;

/// How many dateline-like elements (class `date`, `fecha`, ...) are read for a visible date.
pub const DATELINE_SCAN_ELEMENTS: usize = 200;

/// Words that mark a date as an update rather than the publication
/// ("Updated March 4", class `date-updated`, "Actualizado el 4 de marzo").
pub const UPDATE_WORDS: &[&str] = &[
    "updated",
    "update",
    "modified",
    "last changed",
    "actualizado",
    "actualizada",
    "actualiz",
    "modificado",
];

/// Prefixes of a byline line ("By Jane Doe").
pub const BYLINE_PREFIXES: &[&str] = &["by ", "por ", "written by ", "escrito por "];

/// Class/id fragments whose furniture is never the article, however much text it holds.
pub const HARD_NEGATIVE: &[&str] = &["comment", "comentario", "disqus", "cookie", "consent"];

/// Class tokens with these prefixes are CMS taxonomy labels (`category-ads`), not layout.
pub const TAXONOMY_PREFIXES: &[&str] = &["category-", "tag-", "post_tag-", "topic-", "section-"];

/// Furniture name-wrappers holding at least this share of the page's paragraph text
/// are layout wrappers (`content-with-sidebar`), not furniture.
pub const WRAPPER_SHARE: f64 = 0.5;

fn word_set(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

// Tag tests run once per element of every page: sets, not slice scans.
static SKIP_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| word_set(SKIP_TAGS));
static BLOCK_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| word_set(BLOCK_TAGS));
static FURNITURE_TAG_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| word_set(FURNITURE_TAGS));

/// True for tags in [`SKIP_TAGS`].
pub fn is_skip_tag(tag: &str) -> bool {
    SKIP_SET.contains(tag)
}

/// True for tags in [`BLOCK_TAGS`].
pub fn is_block_tag(tag: &str) -> bool {
    BLOCK_SET.contains(tag)
}

/// True for tags in [`FURNITURE_TAGS`].
pub fn is_furniture_tag(tag: &str) -> bool {
    FURNITURE_TAG_SET.contains(tag)
}

/// How strongly a class/id string marks furniture.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Furniture {
    /// Not furniture.
    No,
    /// Furniture unless it turns out to wrap most of the text.
    Soft,
    /// Always furniture.
    Hard,
}

/// A vocabulary of substrings indexed by first byte: one pass over a class string
/// tests every word, where `str::contains` per word would rescan it dozens of times
/// (this runs for every distinct class/id string of every page).
#[cfg(test)]
struct Vocab(Vec<Vec<&'static [u8]>>);

#[cfg(test)]
impl Vocab {
    fn new(words: &'static [&'static str]) -> Vocab {
        let mut by_first = vec![Vec::new(); 256];
        for w in words.iter().filter(|w| !w.is_empty()) {
            by_first[usize::from(w.as_bytes()[0])].push(w.as_bytes());
        }
        Vocab(by_first)
    }

    /// True when some word of the vocabulary occurs in `hay`.
    fn found_in(&self, hay: &str) -> bool {
        let b = hay.as_bytes();
        (0..b.len()).any(|i| {
            self.0[usize::from(b[i])]
                .iter()
                .any(|w| b[i..].starts_with(w))
        })
    }
}

#[cfg(test)]
static HARD_VOCAB: LazyLock<Vocab> = LazyLock::new(|| Vocab::new(HARD_NEGATIVE));
#[cfg(test)]
static STRONG_VOCAB: LazyLock<Vocab> = LazyLock::new(|| Vocab::new(STRONG_NEGATIVE));
#[cfg(test)]
static WEAK_VOCAB: LazyLock<Vocab> = LazyLock::new(|| Vocab::new(WEAK_NEGATIVE));
#[cfg(test)]
static POSITIVE_VOCAB: LazyLock<Vocab> = LazyLock::new(|| Vocab::new(POSITIVE));
static NEGATIVE_TOKEN_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| word_set(NEGATIVE_TOKENS));

/// All four class/id vocabularies in one first-byte index, each word with its hit
/// bit, so a token is scanned once rather than once per vocabulary.
/// Words starting with one byte, each with its hit bit.
type Bucket = Vec<(&'static [u8], u8)>;

static ALL_VOCAB: LazyLock<Vec<Bucket>> = LazyLock::new(|| {
    let mut by_first = vec![Vec::new(); 256];
    for (words, bit) in [
        (HARD_NEGATIVE, HIT_HARD),
        (STRONG_NEGATIVE, HIT_STRONG),
        (WEAK_NEGATIVE, HIT_WEAK),
        (POSITIVE, HIT_POSITIVE),
    ] {
        for w in words.iter().filter(|w| !w.is_empty()) {
            by_first[usize::from(w.as_bytes()[0])].push((w.as_bytes(), bit));
        }
    }
    by_first
});

/// Classifies a lower-cased class/id string: the reference that [`name_verdict`] is
/// tested against.
#[cfg(test)]
pub fn furniture_name(names: &str) -> Furniture {
    if names.is_empty() {
        return Furniture::No;
    }
    let taxonomy = |t: &str| TAXONOMY_PREFIXES.iter().any(|p| t.starts_with(p));
    let filtered;
    let names = if names.split_whitespace().any(taxonomy) {
        filtered = names
            .split_whitespace()
            .filter(|t| !taxonomy(t))
            .collect::<Vec<_>>()
            .join(" ");
        filtered.as_str()
    } else {
        names
    };
    if HARD_VOCAB.found_in(names) {
        return Furniture::Hard;
    }
    let strong = STRONG_VOCAB.found_in(names)
        || names
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|t| NEGATIVE_TOKEN_SET.contains(t))
        || (WEAK_VOCAB.found_in(names) && !is_positive_name(names));
    if strong {
        Furniture::Soft
    } else {
        Furniture::No
    }
}

/// True when a lower-cased class/id string names an article container.
#[cfg(test)]
pub fn is_positive_name(names: &str) -> bool {
    POSITIVE_VOCAB.found_in(names)
}

/// Vocabulary hits of one lower-cased class/id token. No vocabulary word holds
/// whitespace, so a class/id string's verdict is the union of its tokens' hits, and
/// tokens repeat across a page far more than whole strings do (ids are often unique).
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct NameHits(u8);

const HIT_HARD: u8 = 1;
const HIT_STRONG: u8 = 1 << 1;
const HIT_WEAK: u8 = 1 << 2;
const HIT_POSITIVE: u8 = 1 << 3;
const HIT_TAXONOMY: u8 = 1 << 4;

/// The hits of one lower-cased token (no whitespace).
pub fn token_hits(t: &str) -> NameHits {
    let mut h = 0;
    if TAXONOMY_PREFIXES.iter().any(|p| t.starts_with(p)) {
        h |= HIT_TAXONOMY;
    }
    let b = t.as_bytes();
    for i in 0..b.len() {
        let rest = &b[i..];
        for &(w, bit) in &ALL_VOCAB[usize::from(b[i])] {
            // A byte loop: these words are short, a memcmp call per try cost more.
            if h & bit == 0 && w.len() <= rest.len() && w.iter().zip(rest).all(|(x, y)| x == y) {
                h |= bit;
            }
        }
    }
    if h & HIT_STRONG == 0
        && t.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|x| NEGATIVE_TOKEN_SET.contains(x))
    {
        h |= HIT_STRONG;
    }
    NameHits(h)
}

/// `furniture_name` and `class_weight` of a class/id string from its tokens' hits.
pub fn name_verdict(tokens: impl IntoIterator<Item = NameHits>) -> (Furniture, f64) {
    // Taxonomy tokens (`tag-sports`) do not count as furniture or content words,
    // but a positive word in them still weighs, as in `class_weight`.
    let (mut kept, mut all) = (0u8, 0u8);
    for NameHits(h) in tokens {
        all |= h;
        if h & HIT_TAXONOMY == 0 {
            kept |= h;
        }
    }
    let furniture = if kept & HIT_HARD != 0 {
        Furniture::Hard
    } else if kept & HIT_STRONG != 0 || (kept & HIT_WEAK != 0 && kept & HIT_POSITIVE == 0) {
        Furniture::Soft
    } else {
        Furniture::No
    };
    let mut w = 0.0;
    if all & HIT_POSITIVE != 0 {
        w += CLASS_WEIGHT;
    }
    if furniture != Furniture::No {
        w -= CLASS_WEIGHT;
    }
    (furniture, w)
}

/// Readability-style class weight: positive words add, furniture words subtract.
/// `furniture` is `furniture_name(names)`, when the caller has it already.
#[cfg(test)]
pub fn class_weight(names: &str, furniture: Furniture) -> f64 {
    let mut w = 0.0;
    if is_positive_name(names) {
        w += CLASS_WEIGHT;
    }
    if furniture != Furniture::No {
        w -= CLASS_WEIGHT;
    }
    w
}

/// Initial score of a candidate container by tag name.
pub fn tag_weight(tag: &str) -> f64 {
    match tag {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// True when a short paragraph is generic furniture text.
pub fn is_boilerplate(text: &str) -> bool {
    if text.len() > 60 {
        return false;
    }
    let t = text
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '…' || c == '»' || c == '›')
        .trim()
        .to_lowercase();
    BOILERPLATE.contains(&t.as_str())
}

/// True when a short paragraph is a byline ("By Jane Doe and John Roe").
pub fn looks_like_byline(text: &str) -> bool {
    if text.len() > 80 || text.ends_with('.') {
        return false;
    }
    let lower = text.to_lowercase();
    BYLINE_PREFIXES.iter().any(|p| {
        lower.starts_with(p)
            && text[p.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
    })
}

// ---- Page status: article, index page, paywall, consent wall ----

/// Paywall and consent prompts are short: longer blocks are not searched for them.
pub const PROMPT_MAX_BYTES: usize = 400;

/// Text of paywall and login prompts that say this article is locked, English and
/// Spanish (lower case). Generic account links ("already a subscriber?") sit on free
/// articles too, so they are not here.
pub const PAYWALL_PHRASES: &[&str] = &[
    "subscribe to continue reading",
    "subscribe to keep reading",
    "subscribe to read",
    "to continue reading, subscribe",
    "to continue reading, please",
    "this article is for subscribers",
    "this story is for subscribers",
    "exclusive to subscribers",
    "sign in to continue reading",
    "log in to continue reading",
    "create a free account to continue",
    "you have reached your limit of free articles",
    "you've reached your limit of free articles",
    "suscríbete para seguir leyendo",
    "suscríbete para continuar leyendo",
    "suscríbete para leer",
    "para seguir leyendo",
    "para continuar leyendo",
    "contenido exclusivo para suscriptores",
    "exclusivo para suscriptores",
    "solo para suscriptores",
    "sólo para suscriptores",
    "has alcanzado el límite",
    "artículos gratuitos este mes",
    "inicia sesión para seguir leyendo",
];

/// Text of cookie-consent prompts, English and Spanish (lower case).
pub const CONSENT_PHRASES: &[&str] = &[
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "we and our partners",
    "accept all cookies",
    "manage cookies",
    "cookie settings",
    "cookie preferences",
    "your privacy choices",
    "we value your privacy",
    "consent to the use",
    "utilizamos cookies",
    "usamos cookies",
    "este sitio utiliza cookies",
    "este sitio web utiliza cookies",
    "nosotros y nuestros socios",
    "aceptar todas",
    "aceptar cookies",
    "configurar cookies",
    "configuración de cookies",
    "valoramos tu privacidad",
    "tu privacidad es importante",
];

/// Class/id fragments of paywall and registration-wall containers.
pub const PAYWALL_NAMES: &[&str] = &[
    "paywall",
    "pay-wall",
    "regwall",
    "reg-wall",
    "subscriber-only",
    "subscribers-only",
    "subscriber-content",
    "premium-wall",
    "locked-content",
    "content-locked",
    "muro-de-pago",
    "muro-pago",
    "solo-suscriptores",
    "exclusivo-suscriptores",
];

/// Class/id fragments of consent-wall containers.
pub const CONSENT_NAMES: &[&str] = &[
    "consent",
    "cookie",
    "gdpr",
    "cmp-",
    "-cmp",
    "privacy-wall",
    "cookiewall",
];

/// A page with fewer body words than this has no article on it.
pub const MIN_ARTICLE_WORDS: usize = 40;
/// A page with a paywall sign and fewer body words than this shows only a teaser.
pub const PAYWALL_MAX_WORDS: usize = 250;
/// A body with consent-prompt text and fewer words than this is the consent wall.
pub const CONSENT_MAX_WORDS: usize = 150;
/// A body whose containers hold at least this share of link text is a list of
/// teasers (an index or section page)...
pub const INDEX_LINK_SHARE: f64 = 0.35;
/// ...unless it holds this many long paragraphs...
pub const INDEX_MAX_LONG_PARAGRAPHS: usize = 3;
/// ...or this many words of prose anyway.
pub const INDEX_MAX_WORDS: usize = 500;
/// A paragraph of at least this many words is article prose, not a teaser summary.
pub const LONG_PARAGRAPH_WORDS: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    fn is_furniture_name(names: &str) -> bool {
        furniture_name(names) != Furniture::No
    }

    #[test]
    fn token_verdicts_match_whole_string_verdicts() {
        let words = [
            STRONG_NEGATIVE,
            WEAK_NEGATIVE,
            POSITIVE,
            HARD_NEGATIVE,
            NEGATIVE_TOKENS,
        ];
        let mut samples: Vec<String> = vec![
            String::new(),
            "  ".into(),
            "article-body content".into(),
            "tag-politics story-body".into(),
            "post related-posts".into(),
            "entry-content share-tools".into(),
        ];
        for (i, list) in words.iter().enumerate() {
            for (j, w) in list.iter().enumerate() {
                samples.push(format!("x-{w} main-{}", POSITIVE[(i + j) % POSITIVE.len()]));
                samples.push(w.to_string());
                samples.push(format!(
                    "{}{w} y",
                    TAXONOMY_PREFIXES[j % TAXONOMY_PREFIXES.len()]
                ));
            }
        }
        for s in &samples {
            let f = furniture_name(s);
            let want = (f, class_weight(s, f));
            let got = name_verdict(s.split_whitespace().map(token_hits));
            assert_eq!(got, want, "{s:?}");
        }
    }

    #[test]
    fn vocab_finds_what_contains_finds() {
        for words in [STRONG_NEGATIVE, WEAK_NEGATIVE, POSITIVE, HARD_NEGATIVE] {
            let v = Vocab::new(words);
            for hay in [
                "",
                "x",
                "article-comments",
                "main story-body",
                "most-read-list",
                "post-tags",
                "ñandú entry",
                "site-footer-menu",
            ] {
                let want = words.iter().any(|w| hay.contains(w));
                assert_eq!(v.found_in(hay), want, "{hay:?}");
            }
        }
    }

    #[test]
    fn furniture_names() {
        assert!(is_furniture_name("article-comments"));
        assert!(is_furniture_name("share-bar"));
        assert!(is_furniture_name("ad slot"));
        assert!(is_furniture_name("site-footer"));
        assert!(!is_furniture_name("article-footer-content"));
        assert!(!is_furniture_name("story-body"));
        assert!(is_furniture_name("site-header"));
        assert!(!is_furniture_name("shadow read"));
        assert!(!is_furniture_name(""));
        assert!(!is_furniture_name("post hentry category-advertising-news"));
        assert_eq!(furniture_name("comments-area"), Furniture::Hard);
    }

    #[test]
    fn boilerplate_and_bylines() {
        assert!(is_boilerplate("ADVERTISEMENT"));
        assert!(is_boilerplate("Read more »"));
        assert!(!is_boilerplate("The council voted 7-2."));
        assert!(looks_like_byline("By Jane Doe"));
        assert!(looks_like_byline("Por María López"));
        assert!(!looks_like_byline(
            "By the end of the year, 40 homes were built."
        ));
        assert!(!looks_like_byline("by then"));
    }
}
