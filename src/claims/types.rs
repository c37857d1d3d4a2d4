use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Everything `claims` reads out of one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Claims {
    /// Stated figures, in text order.
    pub figures: Vec<Figure>,
    /// Direct quotations, in text order.
    pub quotes: Vec<Quote>,
    /// Framing lexicon hits and densities.
    pub framing: Framing,
    /// Reported speech without quote marks ("according to officials, ...").
    #[serde(default)]
    pub paraphrases: Vec<Paraphrase>,
}

/// A numeric value as an interval. `None` is an open end (−∞ or +∞).
///
/// `lo_strict` / `hi_strict` mark exclusive bounds: "more than 24" is `(24, +∞)`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Lower bound; `None` is −∞.
    pub lo: Option<f64>,
    /// Upper bound; `None` is +∞.
    pub hi: Option<f64>,
    /// The lower bound itself is excluded.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub lo_strict: bool,
    /// The upper bound itself is excluded.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hi_strict: bool,
}

impl Interval {
    /// The single value `[v, v]`.
    pub fn exact(v: f64) -> Interval {
        Interval {
            lo: Some(v),
            hi: Some(v),
            lo_strict: false,
            hi_strict: false,
        }
    }

    /// The closed interval `[lo, hi]`.
    pub fn closed(lo: f64, hi: f64) -> Interval {
        Interval {
            lo: Some(lo),
            hi: Some(hi),
            lo_strict: false,
            hi_strict: false,
        }
    }

    /// Both ends times `factor` (a conversion of unit), strictness kept.
    pub fn scaled(&self, factor: f64) -> Interval {
        Interval {
            lo: self.lo.map(|x| x * factor),
            hi: self.hi.map(|x| x * factor),
            ..*self
        }
    }

    /// True when the interval is a single value.
    pub fn is_exact(&self) -> bool {
        matches!((self.lo, self.hi), (Some(a), Some(b)) if a == b)
    }

    /// True when some value lies in both intervals.
    pub fn overlaps(&self, other: &Interval) -> bool {
        fn below(hi: Option<f64>, hi_strict: bool, lo: Option<f64>, lo_strict: bool) -> bool {
            // Is the interval ending at `hi` entirely below the one starting at `lo`?
            match (hi, lo) {
                (Some(h), Some(l)) => h < l || (h == l && (hi_strict || lo_strict)),
                _ => false,
            }
        }
        !below(self.hi, self.hi_strict, other.lo, other.lo_strict)
            && !below(other.hi, other.hi_strict, self.lo, self.lo_strict)
    }
}

/// What sort of quantity a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A count of things or people.
    Count,
    /// An amount of money (see `Figure::currency`).
    Money,
    /// A percentage; the value is in percent (60% is 60).
    Percent,
    /// A calendar year.
    Year,
    /// A calendar date or month; the value is `yyyymmdd` (a month spans its days).
    Date,
    /// A span of time; the value is in days.
    Duration,
    /// An ordinal (first, 3rd, tercero).
    Ordinal,
}

impl Kind {
    /// Lower-case name, as serialised.
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Year => "year",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Ordinal => "ordinal",
        }
    }
}

/// One stated figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Surface text: qualifier, number and unit phrase ("at least 150 KGB officers").
    pub text: String,
    /// The value as an interval.
    pub value: Interval,
    /// The kind of quantity.
    pub kind: Kind,
    /// What is counted, as written, lower-cased ("new russian diplomats").
    pub unit: String,
    /// Language-neutral key of the unit's head noun ("diplomat" for "diplomáticos");
    /// empty when the head is unknown.
    pub unit_key: String,
    /// Language-neutral keys of the unit's known modifiers (["new", "russian"]).
    pub modifiers: Vec<String>,
    /// ISO 4217 code for money ("USD", "MXN").
    pub currency: Option<String>,
    /// Byte range of `text` in `Article::text()`, or in `Article::title` for a
    /// headline figure.
    pub span: [usize; 2],
    /// Read in the headline ("Jobless claims fall 34,000 to 444,000"), not the body.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub headline: bool,
    /// The sentence containing the figure.
    pub sentence: String,
    /// Who the sentence attributes the figure to, if anyone.
    pub attribution: Option<String>,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub text: String,
    /// The speaker, when the text names one.
    pub speaker: Option<String>,
    /// Byte range of the quoted words in `Article::text()`.
    pub span: [usize; 2],
    /// The sentence containing the quote.
    pub sentence: String,
}

/// A sentence that reports what a source said without quoting it: "According to
/// the ministry, 37 diplomats arrived", "Officials said the staff would grow".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paraphrase {
    /// The source, as named.
    pub source: String,
    /// The attributing words, lower case ("according to", "said", "según").
    pub cue: String,
    /// Byte range of the sentence in `Article::text()`.
    pub span: [usize; 2],
    /// The sentence.
    pub sentence: String,
}

/// Framing lexicon hits over an article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Framing {
    /// Words in the body.
    pub words: usize,
    /// Every hit, in text order.
    pub hits: Vec<FramingHit>,
    /// Hits per 1,000 words, by category.
    pub per_1000: BTreeMap<String, f64>,
}

/// One framing lexicon hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FramingHit {
    /// The words as they appear.
    pub term: String,
    /// Lexicon category: "label", "scare_quote", "hedge", "intensifier", "loaded_verb", "emotive".
    pub category: String,
    /// The neutral counterpart, for labels and loaded verbs ("diplomats" for "spies").
    pub neutral: Option<String>,
    /// Byte range in `Article::text()`.
    pub span: [usize; 2],
}
