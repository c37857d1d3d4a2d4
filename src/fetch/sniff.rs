//! Is a response body an HTML page? Only HTML (and XHTML) becomes an article: a PDF,
//! an image or a JSON document stored as "article text" would be binary noise read as
//! words. The bytes decide when they are conclusive (servers mislabel files); the
//! declared `Content-Type` decides otherwise. Entry point: [`html_or_why`].

/// Why a body is not taken for an HTML page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotHtml {
    /// The body is empty.
    Empty,
    /// The body is of this media type (from its bytes, else its `Content-Type`).
    Other(String),
}

/// Signatures of formats news sites serve besides pages (WHATWG MIME sniffing's
/// table plus office formats): `%PDF-` at the start is a PDF whatever the header says.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x00\x00\x01\x00", "image/x-icon"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b\x08", "application/gzip"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (b"Rar!\x1a\x07", "application/vnd.rar"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "application/x-ole-storage",
    ),
    (b"{\\rtf", "application/rtf"),
    (b"%!PS", "application/postscript"),
    (b"OggS\x00", "audio/ogg"),
    (b"ID3", "audio/mpeg"),
    (b"fLaC", "audio/flac"),
    (b"wOFF", "font/woff"),
    (b"wOF2", "font/woff2"),
    (b"\x1a\x45\xdf\xa3", "video/webm"),
];

/// Tags that open an HTML document or fragment (WHATWG sniffing's list).
const HTML_STARTS: &[&str] = &[
    "<!doctype html",
    "<html",
    "<head",
    "<script",
    "<iframe",
    "<h1",
    "<div",
    "<font",
    "<table",
    "<a",
    "<style",
    "<title",
    "<b",
    "<body",
    "<br",
    "<p",
    "<!--",
    "<meta",
    "<link",
    "<section",
    "<article",
    "<main",
    "<header",
    "<nav",
];

/// `Ok` when `body` is an HTML page, else why not.
///
/// ```
/// use storydiff::fetch::sniff::{NotHtml, html_or_why};
/// assert_eq!(html_or_why(b"<!DOCTYPE html><p>Hi</p>", Some("text/html")), Ok(()));
/// let pdf = html_or_why(b"%PDF-1.7 ...", Some("text/html; charset=utf-8"));
/// assert_eq!(pdf, Err(NotHtml::Other("application/pdf".into())));
/// ```
pub fn html_or_why(body: &[u8], content_type: Option<&str>) -> Result<(), NotHtml> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(NotHtml::Empty);
    }
    if let Some(kind) = magic(body) {
        return Err(NotHtml::Other(kind.into()));
    }
    let declared = content_type
        .and_then(|c| c.split(';').next())
        .map(|c| c.trim().to_ascii_lowercase())
        .filter(|c| !c.is_empty());
    if is_binary(body) {
        let kind = declared
            .filter(|d| !d.starts_with("text/") && !d.contains("html"))
            .unwrap_or_else(|| "application/octet-stream".into());
        return Err(NotHtml::Other(kind));
    }
    if looks_like_html(body) {
        return Ok(());
    }
    match declared.as_deref() {
        None | Some("text/html" | "application/xhtml+xml" | "application/octet-stream") => Ok(()),
        Some(other) => Err(NotHtml::Other(other.to_string())),
    }
}

fn magic(body: &[u8]) -> Option<&'static str> {
    if let Some((kind, _)) = MAGIC
        .iter()
        .map(|(m, k)| (k, m))
        .find(|(_, m)| body.starts_with(m))
    {
        return Some(kind);
    }
    match body.get(..12)? {
        [b'R', b'I', b'F', b'F', _, _, _, _, rest @ ..] => match rest {
            b"WEBP" => Some("image/webp"),
            b"WAVE" => Some("audio/wav"),
            b"AVI " => Some("video/x-msvideo"),
            _ => None,
        },
        [_, _, _, _, b'f', b't', b'y', b'p', ..] => Some("video/mp4"),
        _ => None,
    }
}

/// A control byte text never contains (WHATWG's "binary data byte"), in the first
/// KiB; UTF-16 text (which has NULs) announces itself with a BOM.
fn is_binary(body: &[u8]) -> bool {
    if body.starts_with(b"\xfe\xff") || body.starts_with(b"\xff\xfe") {
        return false;
    }
    body.iter()
        .take(1024)
        .any(|&b| matches!(b, 0x00..=0x08 | 0x0b | 0x0e..=0x1a | 0x1c..=0x1f))
}

fn looks_like_html(body: &[u8]) -> bool {
    let head = body.strip_prefix(b"\xef\xbb\xbf").unwrap_or(body);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let head: Vec<u8> = head[start..head.len().min(start + 1024)].to_ascii_lowercase();
    if head.starts_with(b"<?xml") {
        // XHTML: an XML declaration, then the html element.
        return head.windows(5).any(|w| w == b"<html");
    }
    HTML_STARTS.iter().any(|tag| {
        head.starts_with(tag.as_bytes())
            && (tag.ends_with("--")
                || head
                    .get(tag.len())
                    .is_some_and(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/')))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn other(s: &str) -> Result<(), NotHtml> {
        Err(NotHtml::Other(s.into()))
    }

    #[test]
    fn the_bytes_beat_a_lying_header() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
        assert_eq!(html_or_why(png, Some("text/html")), other("image/png"));
        assert_eq!(
            html_or_why(b"%PDF-1.4\n%\xe2\xe3", None),
            other("application/pdf")
        );
        assert_eq!(
            html_or_why(b"RIFF\x00\x00\x00\x00WEBPVP8 ", Some("text/html")),
            other("image/webp")
        );
        // An HTML page labelled as something else is still a page.
        assert_eq!(
            html_or_why(b"\n <!DOCTYPE html><html>", Some("text/plain")),
            Ok(())
        );
        assert_eq!(
            html_or_why(
                b"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
                Some("application/xml")
            ),
            Ok(())
        );
    }

    #[test]
    fn the_header_decides_when_the_bytes_do_not() {
        assert_eq!(
            html_or_why(b"{\"a\": 1}", Some("application/json")),
            other("application/json")
        );
        assert_eq!(
            html_or_why(b"Plain words here.", Some("text/plain; charset=utf-8")),
            other("text/plain")
        );
        assert_eq!(
            html_or_why(b"Words without tags", Some("text/html")),
            Ok(())
        );
        assert_eq!(html_or_why(b"Words without tags", None), Ok(()));
        // Control bytes with no known signature are binary.
        assert_eq!(
            html_or_why(b"\x00\x01\x02garbage", None),
            other("application/octet-stream")
        );
        assert_eq!(
            html_or_why(b"\x00\x01\x02garbage", Some("application/x-thing")),
            other("application/x-thing")
        );
        // UTF-16 pages carry NULs but announce themselves.
        assert_eq!(
            html_or_why(b"\xff\xfe<\x00p\x00>\x00", Some("text/html")),
            Ok(())
        );
        // "<a" must be a tag, not the start of a word.
        assert_eq!(
            html_or_why(b"<abc", Some("text/plain")),
            other("text/plain")
        );
    }

    #[test]
    fn empty_bodies_are_named() {
        assert_eq!(html_or_why(b"", Some("text/html")), Err(NotHtml::Empty));
        assert_eq!(html_or_why(b" \r\n", None), Err(NotHtml::Empty));
    }
}
