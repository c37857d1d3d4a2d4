//! Number parsing: digit strings under English or Spanish conventions, and number
//! words in both languages ("thirty-seven", "treinta y siete", "dos mil millones").

use super::tokens::{Tok, TokKind};

/// Which mark is the decimal separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Convention {
    /// `1,234.5` (English, Mexican press).
    DotDecimal,
    /// `1.234,5` (Spain, most of South America).
    CommaDecimal,
}

impl Convention {
    /// The language's default convention.
    pub fn for_lang(lang: &str) -> Convention {
        if lang == "es" {
            Convention::CommaDecimal
        } else {
            Convention::DotDecimal
        }
    }

    /// The article's own convention when its numbers show one unambiguously
    /// ("3.5", "1.234.567", "12,5"), else the language's.
    pub fn detect(toks: &[Tok], lang: &str) -> Convention {
        let (mut dot, mut comma) = (0, 0);
        for t in toks.iter().filter(|t| t.kind == TokKind::Num) {
            match evidence(&t.lower) {
                Some(Convention::DotDecimal) => dot += 1,
                Some(Convention::CommaDecimal) => comma += 1,
                None => {}
            }
        }
        match dot.cmp(&comma) {
            std::cmp::Ordering::Greater => Convention::DotDecimal,
            std::cmp::Ordering::Less => Convention::CommaDecimal,
            std::cmp::Ordering::Equal => Convention::for_lang(lang),
        }
    }

    fn decimal(self) -> char {
        match self {
            Convention::DotDecimal => '.',
            Convention::CommaDecimal => ',',
        }
    }

    #[cfg(test)]
    fn thousands(self) -> char {
        match self {
            Convention::DotDecimal => ',',
            Convention::CommaDecimal => '.',
        }
    }
}

/// What one digit string says about the convention, if anything.
fn evidence(raw: &str) -> Option<Convention> {
    let seps: Vec<char> = raw.chars().filter(|c| matches!(c, '.' | ',')).collect();
    let groups: Vec<&str> = raw.split(['.', ',']).collect();
    let which = |decimal: char| {
        if decimal == '.' {
            Convention::DotDecimal
        } else {
            Convention::CommaDecimal
        }
    };
    match seps.as_slice() {
        [] => None,
        [only] => {
            let tail = groups.last()?.len();
            (tail != 3).then(|| which(*only))
        }
        [.., last] if seps.iter().any(|c| c != last) => Some(which(*last)),
        [first, ..] => {
            // "1.234.567": repeated separator groups thousands. Dates ("23.09.2023")
            // have short groups and say nothing.
            let thousands = groups[1..].iter().all(|g| g.len() == 3);
            thousands.then(|| which(if *first == '.' { ',' } else { '.' }))
        }
    }
}

/// Parses a digit string ("1,234.5", "1.234", "1 234", "12,5") under `conv`.
///
/// A single separator followed by exactly three digits is the ambiguous case: it
/// groups thousands unless it is the convention's decimal mark (or the number
/// starts "0,"). Returns `None` for malformed strings ("23.09.2023").
pub(crate) fn parse_digits(raw: &str, conv: Convention) -> Option<f64> {
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let seps: Vec<char> = compact.chars().filter(|c| matches!(c, '.' | ',')).collect();
    let groups: Vec<&str> = compact.split(['.', ',']).collect();
    let (int, frac) = match seps.as_slice() {
        [] => (compact.clone(), String::new()),
        [only] => {
            let tail = groups[1];
            let decimal = tail.len() != 3 || *only == conv.decimal() || groups[0] == "0";
            if decimal {
                (groups[0].to_string(), tail.to_string())
            } else {
                (groups.concat(), String::new())
            }
        }
        [.., last] if seps.iter().any(|c| c != last) => {
            let dec_count = seps.iter().filter(|c| *c == last).count();
            if dec_count != 1 || !thousand_groups(&groups[1..groups.len() - 1]) {
                return None;
            }
            let n = groups.len();
            (groups[..n - 1].concat(), groups[n - 1].to_string())
        }
        _ => {
            if !thousand_groups(&groups[1..]) {
                return None;
            }
            (groups.concat(), String::new())
        }
    };
    let s = if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    };
    s.parse().ok().filter(|v: &f64| v.is_finite())
}

/// Groups after the first: all of three digits, or the Indian lakh grouping, pairs
/// then a last three ("1,01,350", "11,21,000").
fn thousand_groups(groups: &[&str]) -> bool {
    let indian = || {
        groups.split_last().is_some_and(|(last, pairs)| {
            last.len() == 3 && !pairs.is_empty() && pairs.iter().all(|g| g.len() == 2)
        })
    };
    groups.iter().all(|g| g.len() == 3) || indian()
}

/// Formats `v` with `decimals` fractional digits and thousands separators under
/// `conv` (the inverse of [`parse_digits`], for the round-trip tests).
#[cfg(test)]
pub(crate) fn format_number(v: f64, decimals: usize, conv: Convention) -> String {
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(conv.thousands());
        }
        grouped.push(c);
    }
    let sign = if v < 0.0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{}{frac}", conv.decimal())
    }
}

/// A number word's meaning.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Word {
    /// Adds to the running group (one..ninety-nine, cien, doscientos).
    Add(f64),
    /// Multiplies the running group ("hundred", "dozen", "decena").
    Times(f64),
    /// Closes a group at this scale ("thousand", "mil", "million").
    Scale(f64),
}

/// Looks up a lower-cased number word.
fn word_value(w: &str) -> Option<Word> {
    use Word::*;
    let add = |v: f64| Some(Add(v));
    match w {
        "zero" | "cero" | "nought" | "naught" => add(0.0),
        "one" | "uno" | "una" | "un" => add(1.0),
        "two" | "dos" => add(2.0),
        "three" | "tres" => add(3.0),
        "four" | "cuatro" => add(4.0),
        "five" | "cinco" => add(5.0),
        "six" | "seis" => add(6.0),
        "seven" | "siete" => add(7.0),
        "eight" | "ocho" => add(8.0),
        "nine" | "nueve" => add(9.0),
        "ten" | "diez" => add(10.0),
        "eleven" | "once" => add(11.0),
        "twelve" | "doce" => add(12.0),
        "thirteen" | "trece" => add(13.0),
        "fourteen" | "catorce" => add(14.0),
        "fifteen" | "quince" => add(15.0),
        "sixteen" | "dieciséis" | "dieciseis" => add(16.0),
        "seventeen" | "diecisiete" => add(17.0),
        "eighteen" | "dieciocho" => add(18.0),
        "nineteen" | "diecinueve" => add(19.0),
        "twenty" | "veinte" => add(20.0),
        "thirty" | "treinta" => add(30.0),
        "forty" | "cuarenta" => add(40.0),
        "fifty" | "cincuenta" => add(50.0),
        "sixty" | "sesenta" => add(60.0),
        "seventy" | "setenta" => add(70.0),
        "eighty" | "ochenta" => add(80.0),
        "ninety" | "noventa" => add(90.0),
        "cien" | "ciento" => add(100.0),
        "quinientos" | "quinientas" => add(500.0),
        "hundred" => Some(Times(100.0)),
        "dozen" | "dozens" | "docena" | "docenas" => Some(Times(12.0)),
        "decena" | "decenas" => Some(Times(10.0)),
        "thousand" | "mil" => Some(Scale(1e3)),
        "million" | "millón" | "millon" | "millones" => Some(Scale(1e6)),
        "billion" => Some(Scale(1e9)),
        "trillion" | "billón" | "billon" | "billones" => Some(Scale(1e12)),
        _ => veinti(w).or_else(|| hundreds_es(w)).map(Add),
    }
}

/// Is `w` a number word ("seven", "mil", "veintitrés", "dozen")?
pub(crate) fn is_number_word(w: &str) -> bool {
    word_value(w).is_some()
}

/// "veintiuno".."veintinueve".
fn veinti(w: &str) -> Option<f64> {
    let rest = w.strip_prefix("veinti")?;
    let unit = match rest {
        "uno" | "una" | "ún" | "un" => 1.0,
        "dós" | "dos" => 2.0,
        "trés" | "tres" => 3.0,
        "cuatro" => 4.0,
        "cinco" => 5.0,
        "séis" | "seis" => 6.0,
        "siete" => 7.0,
        "ocho" => 8.0,
        "nueve" => 9.0,
        _ => return None,
    };
    Some(20.0 + unit)
}

/// "doscientos".."novecientas".
fn hundreds_es(w: &str) -> Option<f64> {
    let stem = w
        .strip_suffix("cientos")
        .or_else(|| w.strip_suffix("cientas"))?;
    let v = match stem {
        "dos" => 200.0,
        "tres" => 300.0,
        "cuatro" => 400.0,
        "seis" => 600.0,
        "sete" => 700.0,
        "ocho" => 800.0,
        "nove" => 900.0,
        _ => return None,
    };
    Some(v)
}

/// A number written in words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct WordNumber {
    /// The value.
    pub value: f64,
    /// Token index one past the last word used.
    pub end: usize,
    /// Only an article-like "one"/"un"/"una" was read (not a figure on its own).
    pub bare_one: bool,
}

/// Reads a number written in words starting at token `i`.
///
/// Handles "thirty-seven", "one hundred and fifty", "treinta y siete", "ciento
/// cincuenta", "dos mil", "a dozen", "two dozen", "una docena", "half a million",
/// "medio millón", "two and a half".
pub(crate) fn parse_words(toks: &[Tok], i: usize) -> Option<WordNumber> {
    let first = toks.get(i)?;
    if first.kind != TokKind::Word {
        return None;
    }
    // "a dozen", "a hundred", "half a million", "medio millón".
    let (mut total, mut group, mut j, mut read) = (0.0, 0.0, i, false);
    if matches!(
        first.lower.as_str(),
        "a" | "an" | "half" | "medio" | "media"
    ) {
        let half = !matches!(first.lower.as_str(), "a" | "an");
        // "a dozen" is English; in Spanish "a decenas de" is a preposition.
        let english_next = toks.get(i + 1).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "dozen" | "hundred" | "thousand" | "million" | "billion" | "trillion"
            )
        });
        if !half && !english_next {
            return None;
        }
        let mut k = i + 1;
        if half && toks.get(k).is_some_and(|t| t.is("a")) {
            k += 1;
        }
        match toks.get(k).and_then(|t| word_value(&t.lower)) {
            Some(Word::Times(m)) | Some(Word::Scale(m)) => {
                let v = if half { 0.5 * m } else { m };
                let end = k + 1;
                return Some(continue_scales(toks, end, v));
            }
            _ => return None,
        }
    }
    let mut last_scale = 1.0;
    // (value, scale) of each group closed by a scale word.
    let mut parts: Vec<(f64, f64)> = Vec::new();
    // A word has been read since the last scale (so "zero" counts as read).
    let mut in_group = false;
    while let Some(t) = toks.get(j) {
        let Some(w) = (t.kind == TokKind::Word)
            .then(|| word_value(&t.lower))
            .flatten()
        else {
            break;
        };
        // "three dozens", "dos decenas": a plural multiplier needs a number before it;
        // alone, "docenas" is vague (`qualifiers::vague_at`), not 12.
        if matches!(w, Word::Times(_)) && t.lower.ends_with('s') && group == 0.0 {
            break;
        }
        // "zero three", "one one hundred": a unit after a unit, or tens after tens,
        // starts another number.
        if let Word::Add(v) = w
            && !continues(in_group.then_some(group), v)
        {
            break;
        }
        match w {
            Word::Add(v) => group += v,
            Word::Times(m) => group = group.max(1.0) * m,
            Word::Scale(s) => {
                // A scale multiplies everything since the last larger scale: "mil
                // millones" is 10^9, "tres billones cuatrocientos cincuenta y cinco
                // mil doscientos millones" is 3·10^12 + 455,200·10^6.
                let below: f64 = parts.iter().filter(|p| p.1 < s).map(|p| p.0).sum();
                parts.retain(|p| p.1 >= s);
                parts.push(((below + group).max(1.0) * s, s));
                total = parts.iter().map(|p| p.0).sum();
                group = 0.0;
                last_scale = s;
            }
        }
        if !matches!(w, Word::Scale(_)) {
            last_scale = 1.0;
        }
        in_group = !matches!(w, Word::Scale(_));
        read = true;
        j += 1;
        if let Some(next) = joiner(toks, j, in_group.then_some(group), total) {
            j = next;
        }
    }
    if !read {
        return None;
    }
    let mut value = total + group;
    // "two hundred point zero three", "cuarenta y siete coma veintiocho".
    if let Some((fraction, end)) = decimal_words(toks, j) {
        value += fraction;
        j = end;
    } else if let Some(end) = and_a_half(toks, j) {
        // "two and a half", "dos y medio"; "un millón y medio" is half a million more.
        // A scale after the half takes it: "five and a half million" is 5.5 million,
        // "one billion and a half million" half a million more than a billion.
        j = end;
        match toks.get(j).and_then(|t| word_value(&t.lower)) {
            Some(Word::Scale(s)) if last_scale > s => {
                value += 0.5 * s;
                j += 1;
            }
            Some(Word::Scale(s)) if last_scale == 1.0 => {
                let more = continue_scales(toks, j + 1, (value + 0.5) * s);
                (value, j) = (more.value, more.end);
            }
            _ => value += 0.5 * last_scale,
        }
    }
    let bare_one = j == i + 1 && matches!(first.lower.as_str(), "one" | "uno" | "una" | "un");
    Some(WordNumber {
        value,
        end: j,
        bare_one,
    })
}

/// Spanish number words written as one ("dosmil", "treintaicinco", "cientocinco"),
/// as they are before "-avo" and "-ésimo" ("treintaicincoavo", "dosmilésimo"): the
/// value, read as the spaced words would be. Accents are folded first.
pub(crate) fn glued_words_es(w: &str) -> Option<f64> {
    let mut pieces: Vec<&str> = Vec::new();
    let mut rest = w;
    while !rest.is_empty() {
        // "treintaicinco": "i" (or "y") between tens and a unit.
        if let Some(r) = rest.strip_prefix(['i', 'y']).filter(|_| {
            pieces
                .last()
                .and_then(|p| word_value(p))
                .is_some_and(|v| matches!(v, Word::Add(t) if is_tens(t)))
        }) {
            rest = r;
            continue;
        }
        let k = (1..=rest.len())
            .rev()
            .filter(|&k| rest.is_char_boundary(k))
            .find(|&k| word_value(&rest[..k]).is_some())?;
        pieces.push(&rest[..k]);
        rest = &rest[k..];
    }
    let toks = super::tokens::tokenize(&pieces.join(" "));
    parse_words(&toks, 0)
        .filter(|n| n.end == toks.len())
        .map(|n| n.value)
}

/// After "a dozen" / "half a million": further scale words ("a hundred thousand").
fn continue_scales(toks: &[Tok], mut j: usize, mut v: f64) -> WordNumber {
    while let Some(Word::Scale(s)) = toks.get(j).and_then(|t| word_value(&t.lower)) {
        v *= s;
        j += 1;
    }
    WordNumber {
        value: v,
        end: j,
        bare_one: false,
    }
}

/// May a number word worth `v` add to the running group? Anything may start one; a
/// unit follows tens ("forty two"); tens and units follow hundreds ("ciento treinta").
fn continues(group: Option<f64>, v: f64) -> bool {
    group.is_none_or(|g| v < 10.0 && is_tens(g) || v < 100.0 && g >= 100.0 && g % 100.0 == 0.0)
}

/// Does the running group end in tens with no unit: 40 in "trescientos cuarenta"?
fn is_tens(group: f64) -> bool {
    let tens = group % 100.0;
    (20.0..100.0).contains(&tens) && tens % 10.0 == 0.0
}

/// If a hyphen or "and"/"y" at `j` joins two number words, the index after it.
fn joiner(toks: &[Tok], j: usize, group: Option<f64>, total: f64) -> Option<usize> {
    let t = toks.get(j)?;
    let next = toks.get(j + 1)?;
    let next_is_number = next.kind == TokKind::Word
        && word_value(&next.lower)
            .is_some_and(|w| matches!(w, Word::Add(v) if v < 100.0 && continues(group, v)));
    if !next_is_number {
        return None;
    }
    let prev = &toks[j - 1];
    let after_tens = group.is_some_and(is_tens);
    let unit_next = word_value(&next.lower).is_some_and(|w| matches!(w, Word::Add(v) if v < 10.0));
    // "thirty-seven"; spaced, "fifty - two" only joins tens and a unit: a dash between
    // other numbers may be a range ("five - ten").
    let hyphen =
        t.is_punct("-‐") && (prev.end == t.start && t.end == next.start || after_tens && unit_next);
    // "treinta y siete", "trescientos cuarenta y siete": y after tens only; "one
    // hundred and fifty", "a thousand and one".
    let y = t.is("y") && after_tens;
    let and = t.is("and") && (group.is_some_and(|g| g >= 100.0) || total > 0.0);
    (hyphen || y || and).then_some(j + 1)
}

/// The decimals spoken after "point"/"coma" at `j`: digit by digit ("point zero
/// three" is .03) or as one number ("point seventy-one" is .71, "coma veintiocho"
/// .28). (fraction, end). Not "at one point two people", where a noun follows a
/// single digit... which it cannot tell; nor "two point guards", no number after.
fn decimal_words(toks: &[Tok], j: usize) -> Option<(f64, usize)> {
    let point = toks.get(j)?;
    if !(point.is("point") || point.is("coma")) {
        return None;
    }
    let digit = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokKind::Word)
            .and_then(|t| match word_value(&t.lower) {
                Some(Word::Add(v)) if v < 10.0 => Some(v as u8),
                _ => None,
            })
    };
    let mut digits = String::new();
    let mut k = j + 1;
    while let Some(d) = digit(k) {
        digits.push(char::from(b'0' + d));
        k += 1;
    }
    // "point five", "point zero three"; but "point seventy-one" is one number.
    if digits.is_empty() {
        let w = parse_words(toks, j + 1)?;
        if w.value.fract() != 0.0 || w.value <= 0.0 {
            return None;
        }
        digits = format!("{}", w.value as u64);
        k = w.end;
    }
    let fraction: f64 = format!("0.{digits}").parse().ok()?;
    Some((fraction, k))
}

/// "and a half" / "y medio" / "y media" at `j`: the index after it.
fn and_a_half(toks: &[Tok], j: usize) -> Option<usize> {
    let t = toks.get(j)?;
    if t.is("and") && toks.get(j + 1)?.is("a") && toks.get(j + 2)?.is("half") {
        return Some(j + 3);
    }
    if t.is("y") && matches!(toks.get(j + 1)?.lower.as_str(), "medio" | "media") {
        return Some(j + 2);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    const EN: Convention = Convention::DotDecimal;
    const ES: Convention = Convention::CommaDecimal;

    #[test]
    fn digits_in_both_conventions() {
        assert_eq!(parse_digits("1,234", EN), Some(1234.0));
        assert_eq!(parse_digits("1.234", ES), Some(1234.0));
        assert_eq!(parse_digits("1.234", EN), Some(1.234));
        assert_eq!(parse_digits("1,234", ES), Some(1.234));
        assert_eq!(parse_digits("1 234", ES), Some(1234.0));
        assert_eq!(parse_digits("12,5", ES), Some(12.5));
        assert_eq!(parse_digits("12,5", EN), Some(12.5));
        assert_eq!(parse_digits("3.5", EN), Some(3.5));
        assert_eq!(parse_digits("1,234.5", ES), Some(1234.5));
        assert_eq!(parse_digits("1.234,5", EN), Some(1234.5));
        assert_eq!(parse_digits("200.000", ES), Some(200000.0));
        assert_eq!(parse_digits("1.234.567", EN), Some(1234567.0));
        assert_eq!(parse_digits("0,125", ES), Some(0.125));
        assert_eq!(parse_digits("23.09.2023", ES), None);
    }

    #[test]
    fn convention_follows_the_article() {
        let mx = tokenize("creció 3.5% y 1,200 personas");
        assert_eq!(Convention::detect(&mx, "es"), Convention::DotDecimal);
        let es = tokenize("creció 3,5% y 1.200 personas");
        assert_eq!(Convention::detect(&es, "es"), Convention::CommaDecimal);
        assert_eq!(Convention::detect(&tokenize("1.200"), "es"), ES);
    }

    #[test]
    fn round_trip_many_numbers() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for n in 0..5000 {
            // xorshift: deterministic pseudo-random magnitudes and decimals.
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let decimals = (x % 4) as usize;
            let magnitude = 10f64.powi((x >> 8) as i32 % 10);
            let v = ((x >> 16) % 1_000_000) as f64 / 1_000_000.0 * magnitude;
            let v = if n % 7 == 0 { -v } else { v };
            let rounded: f64 = format!("{:.*}", decimals, v).parse().unwrap();
            for conv in [EN, ES] {
                let s = format_number(v, decimals, conv);
                let unsigned = s.trim_start_matches('-');
                let back = parse_digits(unsigned, conv).unwrap_or(f64::NAN);
                let back = if s.starts_with('-') { -back } else { back };
                assert!(
                    (back - rounded).abs() < 1e-9,
                    "{s} -> {back}, want {rounded}"
                );
            }
        }
    }

    fn words(text: &str) -> Option<f64> {
        let toks = tokenize(text);
        let n = parse_words(&toks, 0)?;
        Some(n.value)
    }

    #[test]
    fn english_words() {
        assert_eq!(words("thirty-seven diplomats"), Some(37.0));
        assert_eq!(words("one hundred and fifty"), Some(150.0));
        assert_eq!(words("a dozen"), Some(12.0));
        assert_eq!(words("two dozen"), Some(24.0));
        assert_eq!(words("half a million"), Some(500_000.0));
        assert_eq!(words("two and a half"), Some(2.5));
        assert_eq!(words("three thousand"), Some(3000.0));
        assert_eq!(words("a"), None);
        assert_eq!(words("a decenas"), None);
        assert_eq!(words("ninety-nine"), Some(99.0));
    }

    #[test]
    fn spanish_words() {
        assert_eq!(words("treinta y siete"), Some(37.0));
        assert_eq!(words("veintitrés"), Some(23.0));
        assert_eq!(words("ciento cincuenta"), Some(150.0));
        assert_eq!(words("doscientos"), Some(200.0));
        assert_eq!(words("dos mil"), Some(2000.0));
        assert_eq!(words("mil millones"), Some(1e9));
        assert_eq!(words("dos mil millones"), Some(2e9));
        assert_eq!(words("una docena"), Some(12.0));
        assert_eq!(words("dos decenas"), Some(20.0));
        assert_eq!(words("medio millón"), Some(500_000.0));
        assert_eq!(words("un millón y medio"), Some(1_500_000.0));
        assert_eq!(words("dos y medio"), Some(2.5));
        assert_eq!(words("cien"), Some(100.0));
        assert_eq!(words("quinientos"), Some(500.0));
    }

    #[test]
    fn spanish_y_after_hundreds_and_tens() {
        assert_eq!(words("trescientos cuarenta y siete empleados"), Some(347.0));
        assert_eq!(words("dos mil trescientos cuarenta y siete"), Some(2347.0));
        assert_eq!(words("ciento sesenta y un"), Some(161.0));
        // "y" after hundreds with no tens joins nothing: two numbers.
        assert_eq!(words("doscientos y tres"), Some(200.0));
    }

    #[test]
    fn spaced_hyphen_joins_tens_and_a_unit_only() {
        assert_eq!(words("fifty - two"), Some(52.0));
        assert_eq!(words("five - ten"), Some(5.0));
    }

    #[test]
    fn a_unit_after_a_unit_starts_another_number() {
        assert_eq!(words("zero three"), Some(0.0));
        assert_eq!(words("one one hundred"), Some(1.0));
        assert_eq!(words("forty two"), Some(42.0));
        assert_eq!(words("quinientos trece millones"), Some(513e6));
    }

    #[test]
    fn decimals_in_words() {
        assert_eq!(words("two hundred point zero three"), Some(200.03));
        assert_eq!(words("two hundred point seventy-one"), Some(200.71));
        assert_eq!(words("nine point nought four"), Some(9.04));
        assert_eq!(words("cuarenta y siete coma veintiocho"), Some(47.28));
        assert_eq!(words("two point guards"), Some(2.0));
    }

    #[test]
    fn long_scale_groups_multiply_up_to_the_larger_scale() {
        let n = "tres billones cuatrocientos cincuenta y cinco mil doscientos veintiocho millones";
        assert_eq!(words(n), Some(3_455_228e6));
        assert_eq!(words("two million three hundred thousand"), Some(2.3e6));
        assert_eq!(words("one billion five hundred million"), Some(1.5e9));
    }

    #[test]
    fn glued_spanish_words() {
        assert_eq!(glued_words_es("treintaicinco"), Some(35.0));
        assert_eq!(glued_words_es("cientocinco"), Some(105.0));
        assert_eq!(glued_words_es("veintidos"), Some(22.0));
        assert_eq!(glued_words_es("dosmil"), Some(2000.0));
        assert_eq!(glued_words_es("quinientos"), Some(500.0));
        assert_eq!(glued_words_es("tresmesas"), None);
    }

    #[test]
    fn plural_multipliers_need_a_number() {
        assert_eq!(words("three dozens"), Some(36.0));
        assert_eq!(words("docenas"), None);
    }

    #[test]
    fn bare_one_is_flagged() {
        let toks = tokenize("una ley");
        assert!(parse_words(&toks, 0).unwrap().bare_one);
        let toks = tokenize("un millón");
        assert!(!parse_words(&toks, 0).unwrap().bare_one);
    }
}
