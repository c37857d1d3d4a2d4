//! Drop the bodies of `<script>` and `<style>` elements before parsing.
//!
//! Half the bytes of a typical news page are inline scripts and styles, which the
//! extractor never reads, and which the HTML tokenizer walks one character at a time.
//! Cutting them out first (keeping the tags, and keeping JSON-LD, which metadata
//! reads) halves the parse. The scan follows the tokenizer where it matters: comments
//! and the text of `<title>`, `<textarea>` and other raw-text elements are passed over
//! whole, so a `<script>` written inside them is not taken for a tag, and a start tag
//! ends at the first `>` outside quotes.

use std::borrow::Cow;

/// Elements whose text the tokenizer does not parse as markup, besides script and style.
const OPAQUE: &[&str] = &["title", "textarea", "xmp", "iframe", "noembed", "noframes"];

/// `name` (lower-case ASCII) at the start of `s`, as a whole tag name.
fn tag_at(s: &[u8], name: &str) -> bool {
    s.len() > name.len()
        && s[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        && matches!(
            s[name.len()],
            b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
        )
}

/// Index just past the `>` closing the start tag that begins at `from`, skipping
/// quoted attribute values.
fn start_tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &c) in b.iter().enumerate().skip(from) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Index of the `<` of the first `</name` at or after `from`, ASCII case-insensitive.
fn end_tag(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut i = from;
    while let Some(off) = b.get(i..)?.iter().position(|&c| c == b'<') {
        let at = i + off;
        if b.get(at + 1) == Some(&b'/')
            && b.len() >= at + 2 + name.len()
            && b[at + 2..at + 2 + name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Returns `html` with the content of script (except JSON-LD) and style elements
/// removed; unchanged (borrowed) when there is none.
pub fn strip(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0usize;
    let mut i = 0usize;
    while let Some(off) = b.get(i..).and_then(|s| s.iter().position(|&c| c == b'<')) {
        let at = i + off;
        let rest = &b[at + 1..];
        if rest.starts_with(b"!--") {
            match html.get(at + 4..).and_then(|s| s.find("-->")) {
                Some(e) => {
                    i = at + 4 + e + 3;
                    continue;
                }
                None => break,
            }
        }
        let name = ["script", "style"]
            .into_iter()
            .chain(OPAQUE.iter().copied())
            .find(|n| tag_at(rest, n));
        let Some(name) = name else {
            i = at + 1;
            continue;
        };
        let Some(open_end) = start_tag_end(b, at + 1) else {
            break;
        };
        let Some(close) = end_tag(b, open_end, name) else {
            break;
        };
        let keep = match name {
            "script" => html[at..open_end].to_ascii_lowercase().contains("ld+json"),
            "style" => false,
            _ => true,
        };
        if !keep && close > open_end {
            out.push_str(&html[copied..open_end]);
            copied = close;
        }
        i = close + 2;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn script_and_style_bodies_go_json_ld_stays() {
        let html = "<head><STYLE>p{color:red}</style><script type=\"application/ld+json\">\
                    {\"a\":1}</script><script>if (a<b) x='</p>';</SCRIPT></head><p>Text</p>";
        assert_eq!(
            strip(html),
            "<head><STYLE></style><script type=\"application/ld+json\">{\"a\":1}</script>\
             <script></SCRIPT></head><p>Text</p>"
        );
    }

    #[test]
    fn script_words_in_comments_titles_and_attributes_are_not_tags() {
        for html in [
            "<!-- <script> --><p>Kept</p><!-- </script> -->",
            "<title>Using <script> safely</title><p>Kept</p>",
            "<textarea><style></textarea><p>Kept</p>",
            "<p>Kept</p><scripts>x</scripts>",
        ] {
            assert_eq!(strip(html), html);
        }
        assert_eq!(
            strip("<script data-x=\"a>b\">var s;</script><p>Kept</p>"),
            "<script data-x=\"a>b\"></script><p>Kept</p>"
        );
    }

    #[test]
    fn unterminated_script_is_left_to_the_parser() {
        let html = "<p>Kept</p><script>var x = 1;";
        assert_eq!(strip(html), html);
    }
}
