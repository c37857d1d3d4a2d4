//! Guard against pathologically deep nesting before parsing.
//!
//! The HTML tree builder scans the stack of open elements for every start tag, so
//! 100,000 nested `<div>`s cost quadratic time. Real pages nest a few hundred levels at
//! most; past [`rules::MAX_SOURCE_DEPTH`] container tags are dropped (their text kept),
//! which flattens the excess levels into the deepest allowed one.

use std::borrow::Cow;

use super::rules;

/// Tag name at `s` (just after `<` or `</`), lower-cased, if it is a flattenable container.
fn container_at(s: &[u8]) -> Option<usize> {
    let len = s.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    if len == 0 || len > 10 {
        return None;
    }
    match s.get(len) {
        None | Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') => {}
        _ => return None,
    }
    let name = &s[..len];
    rules::FLATTEN_TAGS
        .iter()
        .any(|t| t.as_bytes().eq_ignore_ascii_case(name))
        .then_some(len)
}

/// Returns `html` unchanged unless container tags nest deeper than the limit, in which
/// case the excess start tags and their matching end tags are removed.
pub fn flatten(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    // First pass: is there anything to do?
    let mut depth = 0usize;
    let mut deep = false;
    for (i, _) in html.match_indices('<') {
        let rest = &b[i + 1..];
        if rest.first() == Some(&b'/') {
            if container_at(&rest[1..]).is_some() {
                depth = depth.saturating_sub(1);
            }
        } else if container_at(rest).is_some() {
            depth += 1;
            if depth > rules::MAX_SOURCE_DEPTH {
                deep = true;
                break;
            }
        }
    }
    if !deep {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut suppressed = 0usize;
    let mut copied = 0usize;
    for (i, _) in html.match_indices('<') {
        if i < copied {
            continue;
        }
        let rest = &b[i + 1..];
        let (closing, name_at) = if rest.first() == Some(&b'/') {
            (true, &rest[1..])
        } else {
            (false, rest)
        };
        if container_at(name_at).is_none() {
            continue;
        }
        let Some(end) = html[i..].find('>').map(|e| i + e + 1) else {
            break;
        };
        let drop = if closing {
            if suppressed > 0 {
                suppressed -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= rules::MAX_SOURCE_DEPTH {
            suppressed += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            out.push_str(&html[copied..i]);
            copied = end;
        }
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let html = "<div><section><p>Text</p></section></div>";
        assert!(matches!(flatten(html), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_keeping_text() {
        let n = rules::MAX_SOURCE_DEPTH + 50;
        let html = format!(
            "{}<p>Kept</p>{}",
            "<div class=x>".repeat(n),
            "</DIV>".repeat(n)
        );
        let out = flatten(&html);
        assert_eq!(out.matches("<div").count(), rules::MAX_SOURCE_DEPTH);
        assert_eq!(out.matches("</DIV>").count(), rules::MAX_SOURCE_DEPTH);
        assert!(out.contains("<p>Kept</p>"));
    }
}
