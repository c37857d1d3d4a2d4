//! Sentence splitting.
//!
//! A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) when
//! whitespace and then a capital letter, a digit, an opening quote or `¿`/`¡`
//! follow — unless the dot ends an abbreviation ("Dr.", "Sept.", "U.S.") or sits
//! inside a number. Paragraph breaks always end a sentence.

/// Abbreviations whose dot does not end a sentence (lower case, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "sra", "srta", "dra", "lic", "ing", "st", "gen", "gov",
    "sen", "rep", "lt", "col", "capt", "cmdr", "sgt", "jr", "mt", "ft", "no", "nos", "núm", "num",
    "art", "vs", "etc", "approx", "aprox", "inc", "corp", "co", "ltd", "dept", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ene", "abr", "ago", "dic",
    "pres", "min", "gob", "uds", "ud", "av", "avda", "pág", "p",
];

/// Byte ranges of the sentences of `text`, in order, covering every non-blank part.
pub(crate) fn split(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut para_start = 0;
    for para in text.split("\n\n") {
        split_paragraph(text, para_start, para_start + para.len(), &mut out);
        para_start += para.len() + 2;
    }
    out
}

/// Splits `text[start..end]` (one paragraph) into sentences appended to `out`.
fn split_paragraph(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let para = &text[start..end];
    let mut sent_start = 0;
    let mut chars = para.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Swallow closing quotes and brackets after the stop.
        let mut stop_end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if matches!(d, '"' | '”' | '’' | '»' | ')' | '\'' | '.' | '!' | '?') {
                stop_end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if c == '.' && is_abbreviation(&para[..i]) {
            continue;
        }
        if starts_new_sentence(&para[stop_end..]) {
            push_trimmed(para, start, sent_start, stop_end, out);
            sent_start = stop_end;
        }
    }
    push_trimmed(para, start, sent_start, para.len(), out);
}

/// Appends the trimmed range `para[a..b]` (offset by `base`) when not blank.
fn push_trimmed(para: &str, base: usize, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let s = &para[a..b];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push((base + a + lead, base + b - trail));
    }
}

/// Does the text after a stop begin a new sentence?
fn starts_new_sentence(rest: &str) -> bool {
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        // No space after the stop: "3.5", "U.S.A", "example.com".
        return false;
    }
    trimmed.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '"' | '“' | '«' | '‘' | '\'' | '¿' | '¡' | '(' | '—' | '–' | '-'
            )
    })
}

/// Does `before` (the text up to a dot) end with an abbreviation or initial?
fn is_abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    // Dotted acronyms ("U.S", "EE.UU") and single-letter initials ("J. Smith").
    if lower.contains('.') || (word.chars().count() == 1 && word.chars().all(char::is_uppercase)) {
        return true;
    }
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn splits_on_stops_before_capitals() {
        assert_eq!(
            sentences("Moscow sent 37. Mexico agreed! Why? Nobody knows."),
            ["Moscow sent 37.", "Mexico agreed!", "Why?", "Nobody knows."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_decimals() {
        assert_eq!(
            sentences("The U.S. embassy has 46. Dr. Smith said 3.5 per cent on Sept. 19 was low."),
            [
                "The U.S. embassy has 46.",
                "Dr. Smith said 3.5 per cent on Sept. 19 was low."
            ]
        );
    }

    #[test]
    fn quotes_and_paragraphs() {
        assert_eq!(
            sentences("“We agree.” She left.\n\nNew paragraph here"),
            ["“We agree.”", "She left.", "New paragraph here"]
        );
        assert_eq!(
            sentences("¿Qué pasa? ¡Nada! Bien."),
            ["¿Qué pasa?", "¡Nada!", "Bien."]
        );
    }

    #[test]
    fn spans_are_byte_ranges() {
        let text = "Él dijo «sí». Después salió.";
        for (a, b) in split(text) {
            assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        }
    }
}
