//! Generators of news-like articles for the property tests in `tests/no_panic.rs`.
//!
//! Plain random strings rarely reach the number rules, so two sources are mixed:
//! sentences assembled from pieces of news text (numbers in every convention, scores,
//! dates, money, quotes, attribution, odd characters and spacing), and real sentences
//! (the labelled claims sentences and the hand-written stories) mutated by splicing
//! in words and numbers from elsewhere. An outlet's article is often an edit of the
//! reference's, so alignment, quote diffs and reprint grouping are reached too.
//! `figures` makes claims by hand, past what `claims::analyze` would produce.

pub mod figures;
#[rustfmt::skip]
mod words;

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde::Deserialize;

use words::{BUILT_IN, NUMBER_WORDS, ODD, QUOTE_MARKS, SPEAKERS, WORDS};

#[derive(Deserialize)]
struct ClaimsFile {
    sentence: Vec<ClaimsSentence>,
}

#[derive(Deserialize)]
struct ClaimsSentence {
    text: String,
}

/// Real sentences to mutate: the built-in ones, the labelled claims sentences and the
/// sentences of the hand-written stories.
fn seeds() -> &'static [String] {
    static SEEDS: OnceLock<Vec<String>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut out: Vec<String> = BUILT_IN.iter().map(|s| s.to_string()).collect();
        let files = |dir: std::path::PathBuf| {
            std::fs::read_dir(dir)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .collect::<Vec<_>>()
        };
        for path in files(root.join("claims")) {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            if let Ok(f) = toml::from_str::<ClaimsFile>(&text) {
                out.extend(f.sentence.into_iter().map(|s| s.text));
            }
        }
        for story in files(root.join("stories")) {
            for path in files(story) {
                if path.extension().is_some_and(|e| e == "txt") {
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    out.extend(text.split(". ").map(str::to_string));
                }
            }
        }
        out.sort();
        out.dedup();
        out
    })
}

/// A number as news text writes it.
fn number() -> impl Strategy<Value = String> {
    let int = prop_oneof![0u64..20, 0u64..1000, 0u64..10_000_000, Just(u64::MAX)];
    prop_oneof![
        int.clone().prop_map(|n| n.to_string()),
        (
            int.clone(),
            select(&[",", ".", " ", "\u{a0}", "\u{202f}"][..])
        )
            .prop_map(|(n, sep)| {
                let d = n.to_string();
                let mut out = String::new();
                for (i, c) in d.chars().enumerate() {
                    if i > 0 && (d.len() - i) % 3 == 0 {
                        out.push_str(sep);
                    }
                    out.push(c);
                }
                out
            }),
        (0u64..1000, 0u64..100, select(&[".", ","][..])).prop_map(|(a, b, d)| format!("{a}{d}{b}")),
        // Scores and ranges: "396-9", "4-3", "30–40", "30 to 40".
        (
            0u64..500,
            0u64..500,
            select(&["-", "–", "—", " to ", " a ", "/", ":"][..])
        )
            .prop_map(|(a, b, s)| format!("{a}{s}{b}")),
        (1u32..32, 1u32..13, 1990u32..2030).prop_map(|(d, m, y)| format!("{d}/{m}/{y}")),
        (1u32..32, 1990u32..2030).prop_map(|(d, y)| format!("{d} de octubre de {y}")),
        (1u32..32, 1990u32..2030).prop_map(|(d, y)| format!("October {d}, {y}")),
        (1990u32..2030, 1u32..13, 1u32..32).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (
            0u64..1000,
            select(&["%", " %", " per cent", " percent", " por ciento"][..])
        )
            .prop_map(|(n, p)| format!("{n}{p}")),
        (
            0u64..1000,
            select(&["$", "US$", "€", "£", "MXN ", ""][..]),
            select(
                &[
                    "m",
                    "bn",
                    " million",
                    " millones",
                    " mil millones de euros",
                    "k",
                    ""
                ][..]
            )
        )
            .prop_map(|(n, c, s)| format!("{c}{}{s}", n as f64 / 10.0)),
        select(NUMBER_WORDS).prop_map(str::to_string),
        "[0-9]{16,30}",
        // Grouped past f64's range: "999,999,…".
        (100usize..120, select(&[",", "."][..])).prop_map(|(n, sep)| vec!["999"; n].join(sep)),
    ]
}

/// A quotation with or without its speaker.
fn quote() -> impl Strategy<Value = String> {
    (
        select(QUOTE_MARKS),
        proptest::collection::vec(select(WORDS), 0..8),
        select(SPEAKERS),
    )
        .prop_map(|((open, close), words, who)| format!("{open}{}{close}{who}", words.join(" ")))
}

/// One piece of a sentence.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => select(WORDS).prop_map(str::to_string),
        4 => number(),
        1 => quote(),
        2 => select(ODD).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// A sentence assembled from pieces, with a stop or not.
fn assembled() -> impl Strategy<Value = String> {
    let sep =
        prop_oneof![8 => Just(" "), 1 => select(&["", "\t", "  ", "\u{a0}", "\n", " \n "][..])];
    (
        proptest::collection::vec((piece(), sep), 0..20),
        select(&[".", "?", "!", "…", "", ".”", ".»", " ."][..]),
    )
        .prop_map(|(parts, stop)| {
            let mut s: String = parts.into_iter().map(|(p, sep)| p + sep).collect();
            s.push_str(stop);
            s
        })
}

/// One edit of a text; indexes are resolved against the text it is applied to.
#[derive(Debug, Clone)]
enum Mutation {
    /// Put a word of a seed sentence before word `at`.
    Splice { seed: Index, word: Index, at: Index },
    /// Replace word `at` with a piece.
    Replace { at: Index, with: String },
    /// Insert a string at a character boundary.
    Insert { at: Index, with: String },
    /// Drop word `at`.
    Delete { at: Index },
    /// Write word `at` twice.
    Duplicate { at: Index },
    /// Swap two words.
    Swap { a: Index, b: Index },
    /// Cut the text at a character boundary.
    Truncate { at: Index },
    /// Keep the text up to a boundary and a seed sentence from one on.
    Cross { seed: Index, at: Index, from: Index },
    /// Upper-case the text (lengths change: "ß" → "SS").
    Upper,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let ix = any::<Index>;
    prop_oneof![
        3 => (ix(), ix(), ix()).prop_map(|(seed, word, at)| Mutation::Splice { seed, word, at }),
        3 => (ix(), prop_oneof![number(), piece()]).prop_map(|(at, with)| Mutation::Replace { at, with }),
        2 => (ix(), select(ODD).prop_map(str::to_string)).prop_map(|(at, with)| Mutation::Insert { at, with }),
        1 => ix().prop_map(|at| Mutation::Delete { at }),
        1 => ix().prop_map(|at| Mutation::Duplicate { at }),
        1 => (ix(), ix()).prop_map(|(a, b)| Mutation::Swap { a, b }),
        1 => ix().prop_map(|at| Mutation::Truncate { at }),
        2 => (ix(), ix(), ix()).prop_map(|(seed, at, from)| Mutation::Cross { seed, at, from }),
        1 => Just(Mutation::Upper),
    ]
}

/// Applies the edits in order. Words are cut on plain spaces only, so tabs, newlines
/// and paragraph breaks inside a word survive the edit.
fn mutate(text: &str, edits: &[Mutation]) -> String {
    let mut s = text.to_string();
    for m in edits {
        let mut words: Vec<String> = s.split(' ').map(str::to_string).collect();
        let n = words.len();
        let boundary = |s: &str, at: &Index| {
            let k = at.index(s.chars().count() + 1);
            s.char_indices().nth(k).map_or(s.len(), |(i, _)| i)
        };
        match m {
            Mutation::Splice { seed, word, at } => {
                let seeds = seeds();
                let from: Vec<&str> = seeds[seed.index(seeds.len())].split(' ').collect();
                words.insert(at.index(n + 1), from[word.index(from.len())].to_string());
            }
            Mutation::Replace { at, with } => words[at.index(n)] = with.clone(),
            Mutation::Delete { at } => {
                words.remove(at.index(n));
            }
            Mutation::Duplicate { at } => {
                let i = at.index(n);
                words.insert(i, words[i].clone());
            }
            Mutation::Swap { a, b } => words.swap(a.index(n), b.index(n)),
            Mutation::Insert { at, with } => {
                s.insert_str(boundary(&s, at), with);
                continue;
            }
            Mutation::Truncate { at } => {
                s.truncate(boundary(&s, at));
                continue;
            }
            Mutation::Cross { seed, at, from } => {
                let other = &seeds()[seed.index(seeds().len())];
                s.truncate(boundary(&s, at));
                s.push_str(&other[boundary(other, from)..]);
                continue;
            }
            Mutation::Upper => {
                s = s.to_uppercase();
                continue;
            }
        }
        s = words.join(" ");
    }
    s
}

/// A real sentence, mutated.
fn mutated() -> impl Strategy<Value = String> {
    (any::<Index>(), proptest::collection::vec(mutation(), 0..5))
        .prop_map(|(seed, edits)| mutate(&seeds()[seed.index(seeds().len())], &edits))
}

/// An article body: paragraphs of sentences, some empty or very short, joined by blank
/// lines. `real` is the weight of mutated real sentences against assembled ones.
pub fn body(real: u32) -> impl Strategy<Value = String> {
    let sentence = prop_oneof![real => mutated(), 4 => assembled()];
    let paragraph = prop_oneof![
        8 => proptest::collection::vec(sentence, 1..4).prop_map(|s| s.join(" ")),
        1 => select(&["", " ", "\n", "1.", "Updated", "—", "\u{200b}"][..]).prop_map(str::to_string),
    ];
    (
        proptest::collection::vec(paragraph, 0..5),
        select(&["\n\n", "\n\n", "\n\n\n\n", "\n\n \n\n"][..]),
    )
        .prop_map(|(ps, sep)| ps.join(sep))
}

/// One side of a story: an article, or an outlet without one.
#[derive(Debug, Clone)]
pub enum Side {
    /// An article with its body and facts as a page gives them.
    Article {
        body: String,
        lang: Option<&'static str>,
        title: String,
        published: Option<String>,
        url: String,
    },
    /// Discovery found nothing (`false`) or fetching failed (`true`).
    Failed(bool),
}

fn facts() -> impl Strategy<Value = (Option<&'static str>, String, Option<String>, String)> {
    (
        prop_oneof![
            Just(Some("en")),
            Just(Some("es")),
            Just(Some("es-MX")),
            Just(None)
        ],
        prop_oneof![Just("Vote passes".to_string()), assembled()],
        prop_oneof![
            Just(None),
            Just(Some("2023-10-15".to_string())),
            Just(Some("2023-10-15T09:30:00+02:00".to_string())),
            select(ODD).prop_map(|s| Some(s.to_string())),
        ],
        prop_oneof![
            3 => Just("https://outlet.example/story".to_string()),
            1 => select(&["javascript:alert(1)", "https://x.example/<script>", "", "ftp://x"][..])
                .prop_map(str::to_string),
        ],
    )
}

fn article(body: String, f: (Option<&'static str>, String, Option<String>, String)) -> Side {
    let (lang, title, published, url) = f;
    Side::Article {
        body,
        lang,
        title,
        published,
        url,
    }
}

/// A reference and one to three outlets: reprints, edits of the reference, articles
/// of their own and failures.
pub fn story(real: u32) -> impl Strategy<Value = (Side, Vec<Side>)> {
    (body(real), facts()).prop_flat_map(move |(reference, ref_facts)| {
        let base = reference.clone();
        let outlet = prop_oneof![
            2 => (proptest::collection::vec(mutation(), 0..8), facts())
                .prop_map(move |(edits, f)| article(mutate(&base, &edits), f)),
            1 => Just(reference.clone()).prop_flat_map(|r| facts().prop_map(move |f| article(r.clone(), f))),
            2 => (body(real), facts()).prop_map(|(b, f)| article(b, f)),
            1 => any::<bool>().prop_map(Side::Failed),
        ];
        (
            Just(article(reference.clone(), ref_facts.clone())),
            proptest::collection::vec(outlet, 1..4),
        )
    })
}
