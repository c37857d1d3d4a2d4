//! Tokenizer: words, digit runs and single punctuation marks, with byte spans.
//!
//! Whitespace is dropped; adjacency (`a.end == b.start`) is how later stages tell
//! "G7" from "G 7" and "thirty-seven" from "thirty - seven".

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters, with internal apostrophes and dotted acronyms ("u.s.", "ee.uu.").
    Word,
    /// Digits with internal `.`/`,` separators or thin-space thousand groups.
    Num,
    /// Any other single non-space character.
    Punct,
}

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tok {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Token class.
    pub kind: TokKind,
    /// Lower-cased text (for `Num`, the raw digits and separators).
    pub lower: String,
    /// The first character is upper case.
    pub cap: bool,
}

impl Tok {
    /// True for a word token equal to `w` (already lower case).
    pub fn is(&self, w: &str) -> bool {
        self.kind != TokKind::Num && self.lower == w
    }

    /// True for a punctuation token that is one of `chars`.
    pub fn is_punct(&self, chars: &str) -> bool {
        self.kind == TokKind::Punct && self.lower.chars().all(|c| chars.contains(c))
    }
}

/// Characters that may group thousands in place of a space ("1 234").
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Letters and combining marks (so decomposed accents stay in the word).
pub(crate) fn is_letter(c: char) -> bool {
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // About one token per five bytes of news text.
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let (kind, next) = if c.is_whitespace() {
            i += 1;
            continue;
        } else if c.is_ascii_digit() {
            (TokKind::Num, scan_number(&chars, i))
        } else if is_letter(c) {
            (TokKind::Word, scan_word(&chars, i))
        } else {
            (TokKind::Punct, i + 1)
        };
        let end = chars.get(next).map_or(text.len(), |&(b, _)| b);
        let raw = &text[start..end];
        toks.push(Tok {
            start,
            end,
            kind,
            // Most tokens are ASCII, whose lower case needs no Unicode tables.
            lower: if raw.is_ascii() {
                raw.to_ascii_lowercase()
            } else {
                raw.to_lowercase()
            },
            cap: c.is_uppercase(),
        });
        i = next;
    }
    toks
}

/// End (char index) of a digit run starting at `i`.
fn scan_number(chars: &[(usize, char)], mut i: usize) -> usize {
    let digits = |mut j: usize| {
        while j < chars.len() && chars[j].1.is_ascii_digit() {
            j += 1;
        }
        j
    };
    let first_start = i;
    i = digits(i);
    let mut all_groups_short = i - first_start <= 3;
    while let Some(&(_, sep)) = chars.get(i) {
        let after = chars.get(i + 1).map(|&(_, c)| c);
        if matches!(sep, '.' | ',') && after.is_some_and(|c| c.is_ascii_digit()) {
            let end = digits(i + 1);
            all_groups_short &= end - (i + 1) <= 3;
            i = end;
        } else if is_group_space(sep)
            && all_groups_short
            && after.is_some_and(|c| c.is_ascii_digit())
        {
            // "1 234": only exactly three digits after the space, then a non-digit.
            let end = digits(i + 1);
            if end - (i + 1) != 3 {
                break;
            }
            i = end;
        } else {
            break;
        }
    }
    i
}

/// End (char index) of a word starting at `i`.
fn scan_word(chars: &[(usize, char)], mut i: usize) -> usize {
    let letters = |mut j: usize| {
        while j < chars.len() && is_letter(chars[j].1) {
            j += 1;
        }
        j
    };
    let start = i;
    i = letters(i);
    // Internal apostrophes: "Russia's", "o'clock".
    while i + 1 < chars.len() && matches!(chars[i].1, '\'' | '’') && is_letter(chars[i + 1].1) {
        i = letters(i + 1);
    }
    // Dotted acronyms: runs of one or two letters each followed by a dot ("U.S.", "EE.UU.").
    if i - start <= 2 && chars.get(i).is_some_and(|&(_, c)| c == '.') {
        let mut j = i;
        let mut groups = 1;
        while chars.get(j).is_some_and(|&(_, c)| c == '.') {
            let k = letters(j + 1);
            if k == j + 1 {
                break;
            }
            if k - (j + 1) > 2 {
                return i;
            }
            groups += 1;
            j = k;
        }
        if groups >= 2 {
            // Keep the final dot when it closes the acronym.
            return if chars.get(j).is_some_and(|&(_, c)| c == '.') {
                j + 1
            } else {
                j
            };
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.lower).collect()
    }

    #[test]
    fn numbers_keep_separators() {
        assert_eq!(words("1,234.5 and 1.234,5"), ["1,234.5", "and", "1.234,5"]);
        assert_eq!(words("1 234 people"), ["1 234", "people"]);
        assert_eq!(words("in 2020 150 people"), ["in", "2020", "150", "people"]);
        assert_eq!(words("3.5."), ["3.5", "."]);
    }

    #[test]
    fn acronyms_and_apostrophes() {
        assert_eq!(words("the U.S. embassy"), ["the", "u.s.", "embassy"]);
        assert_eq!(words("EE.UU. y"), ["ee.uu.", "y"]);
        assert_eq!(words("Russia’s envoy"), ["russia’s", "envoy"]);
        assert_eq!(words("Dr. Smith"), ["dr", ".", "smith"]);
    }

    #[test]
    fn identifiers_split_but_adjacent() {
        let t = tokenize("COVID-19 G7");
        assert_eq!(t.len(), 5);
        assert_eq!(t[0].end, t[1].start);
        assert_eq!(t[3].end, t[4].start);
    }
}
