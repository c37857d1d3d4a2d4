//! Cases not scored, each class by a rule ([`skip`]).

use crate::spec::{Case, Lexicon, Model, SpecResult};
use crate::words::fold;

/// A case not scored, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Skip {
    /// "next", "last", "the one before the last": a place relative to a list.
    RelativeOrdinal,
    /// An IP address, a phone number, a code ("SCP-173"), a version or exercise number.
    Identifier,
    /// The pieces of a date written with slashes ("5/17/2018").
    DatePart,
    /// A Number-model case with no number because its number carries a unit
    /// ("the 180ml liquid"): the unit models label those, and storydiff reads them.
    GluedUnit,
    /// An ordinal label on a fraction's denominator ("forty two and a third").
    FractionDenominator,
    /// Portuguese in a Spanish file ("Temperatura corporal média já não é 37º C").
    Portuguese,
}

impl Skip {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Skip::RelativeOrdinal => "relative ordinals (next, last, previous)",
            Skip::Identifier => "identifiers (IP address, phone, code, version or exercise number)",
            Skip::DatePart => "parts of a date written with slashes",
            Skip::GluedUnit => "Number model, no number where a unit is glued on (180ml)",
            Skip::FractionDenominator => "ordinal label on a fraction's denominator (and a third)",
            Skip::Portuguese => "Portuguese in a Spanish file",
        }
    }
}

/// The whitespace-separated word around a character range of the input.
pub(crate) fn word_around(input: &str, r: &SpecResult) -> (String, String) {
    let chars: Vec<char> = input.chars().collect();
    let (mut a, mut b) = (r.start.min(chars.len()), (r.end + 1).min(chars.len()));
    while a > 0 && !chars[a - 1].is_whitespace() {
        a -= 1;
    }
    while b < chars.len() && !chars[b].is_whitespace() {
        b += 1;
    }
    let before: String = chars[..a].iter().collect();
    let prev = before
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_lowercase();
    (chars[a..b].iter().collect(), prev)
}

pub(crate) fn skip(model: Model, spanish: bool, case: &Case, lex: &Lexicon) -> Option<Skip> {
    let input = case.input.as_str();
    if spanish && portuguese(input) {
        return Some(Skip::Portuguese);
    }
    if model == Model::Number && case.results.is_empty() && glued_unit(input, lex) {
        return Some(Skip::GluedUnit);
    }
    for r in &case.results {
        if r.type_name == "ordinal.relative" {
            return Some(Skip::RelativeOrdinal);
        }
        let (word, prev) = word_around(input, r);
        let w = word.trim_matches(|c: char| c == '.' || c == ',' || c == '?');
        if date_with_slashes(w) {
            return Some(Skip::DatePart);
        }
        if identifier(w) || ["version", "nr.", "nrs."].contains(&prev.as_str()) {
            return Some(Skip::Identifier);
        }
        if model == Model::Ordinal && (prev == "a" || prev == "un") {
            let before: String = input.chars().take(r.start).collect();
            let joiner = before.split_whitespace().rev().nth(1).map(fold);
            if joiner.is_some_and(|j| ["and", "y", "con"].contains(&j.as_str())) {
                return Some(Skip::FractionDenominator);
            }
        }
    }
    None
}

/// "5/17/2018": digit groups split by slashes, the last of four digits.
pub(crate) fn date_with_slashes(w: &str) -> bool {
    let parts: Vec<&str> = w.split('/').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && parts[2].len() == 4
}

/// "192.168.1.2", "+1-222-2222/2222", "SCP-173": not quantities.
pub(crate) fn identifier(w: &str) -> bool {
    let groups = |sep: char| w.split(sep).filter(|g| !g.is_empty()).count();
    let digits_and = |extra: &str| w.chars().all(|c| c.is_ascii_digit() || extra.contains(c));
    let dotted_quad = groups('.') == 4 && digits_and(".");
    let phone = w.starts_with('+') && digits_and("+-/") && groups('-') >= 3;
    let code = w.split_once('-').is_some_and(|(a, b)| {
        !a.is_empty()
            && a.chars().all(|c| c.is_ascii_alphabetic())
            && !b.is_empty()
            && b.chars().all(|c| c.is_ascii_digit())
    });
    dotted_quad || phone || code
}

/// A number with a unit of measure glued on ("180ml", "29km", ",25ml").
pub(crate) fn glued_unit(input: &str, lex: &Lexicon) -> bool {
    input.split_whitespace().any(|w| {
        let i = w.find(|c: char| c.is_alphabetic());
        i.is_some_and(|i| {
            i > 0
                && w[..i]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                && w[..i].chars().any(|c| c.is_ascii_digit())
                && lex
                    .forms
                    .get(&w[i..].to_lowercase())
                    .is_some_and(|k| lex.measures.contains(k))
        })
    })
}

/// Portuguese words no Spanish sentence has, or a sentence opening with "E" and a
/// number (Portuguese "é": "E 100 ºC?").
pub(crate) fn portuguese(input: &str) -> bool {
    const WORDS: &[&str] = &["já", "não", "média", "baixou"];
    let mut words = input.split_whitespace();
    let first_two = (words.next(), words.next());
    input
        .split(|c: char| !c.is_alphabetic())
        .any(|w| WORDS.contains(&w.to_lowercase().as_str()))
        || matches!(first_two, (Some("E"), Some(n)) if n.starts_with(|c: char| c.is_ascii_digit()))
}
