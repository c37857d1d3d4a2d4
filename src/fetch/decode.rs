//! Bytes to text: the charset comes from the Content-Type header, then a BOM, then
//! `<meta charset>` / `http-equiv` in the first 1024 bytes, then UTF-8 if the bytes are
//! valid UTF-8, else a statistical guess (chardetng, the detector Firefox uses), which
//! tells windows-1252 Spanish from windows-1251 Russian.

use encoding_rs::{Encoding, UTF_8};

/// Decodes a response body to text.
pub fn decode(body: &[u8], content_type: Option<&str>) -> String {
    let enc = content_type
        .and_then(charset_param)
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        .or_else(|| Encoding::for_bom(body).map(|(e, _)| e))
        .or_else(|| meta_charset(body))
        .unwrap_or_else(|| {
            if std::str::from_utf8(body).is_ok() {
                UTF_8
            } else {
                let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                det.feed(body, true);
                det.guess(None, chardetng::Utf8Detection::Allow)
            }
        });
    // decode() strips a BOM of any encoding and replaces malformed sequences.
    enc.decode(body).0.into_owned()
}

fn charset_param(ct: &str) -> Option<String> {
    ct.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// The charset a page declares in its first 1024 bytes, per the HTML prescan's spirit.
fn meta_charset(body: &[u8]) -> Option<&'static Encoding> {
    let head = &body[..body.len().min(1024)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        if lower.get(i) == Some(&b'=') {
            i += 1;
            while i < lower.len() && matches!(lower[i], b' ' | b'"' | b'\'') {
                i += 1;
            }
            let end = lower[i..]
                .iter()
                .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/'))
                .map_or(lower.len(), |e| i + e);
            if let Some(enc) = Encoding::for_label(&lower[i..end]) {
                // A page that claims UTF-16 in a meta tag is ASCII-compatible bytes: UTF-8.
                return Some(if enc.is_single_byte() || enc == UTF_8 {
                    enc
                } else if enc.output_encoding() == UTF_8 {
                    UTF_8
                } else {
                    enc
                });
            }
        }
        from += pos + 1;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1252;

    #[test]
    fn header_charset_wins() {
        let (bytes, _, _) = WINDOWS_1252.encode("Canc\u{fa}n");
        assert_eq!(
            decode(&bytes, Some("text/html; charset=ISO-8859-1")),
            "Cancún"
        );
    }

    #[test]
    fn meta_charset_when_no_header() {
        let mut page = b"<html><head><meta charset=\"windows-1252\"></head><body>M".to_vec();
        page.push(0xe9); // é
        page.extend_from_slice(b"xico</body></html>");
        assert!(decode(&page, Some("text/html")).contains("México"));
        let mut page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                .to_vec();
        page.push(0xf1); // ñ
        assert!(decode(&page, None).ends_with('ñ'));
    }

    #[test]
    fn undeclared_cyrillic_and_latin1_are_detected() {
        let text = "Посольство России в Мексике получило 37 новых дипломатов, сообщили источники.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        assert_eq!(decode(&bytes, Some("text/html")), text);
        let text = "La embajada rusa en México suma 37 diplomáticos más, según la cancillería.";
        let (bytes, _, _) = WINDOWS_1252.encode(text);
        assert_eq!(decode(&bytes, None), text);
    }

    #[test]
    fn utf8_and_bom() {
        assert_eq!(decode("\u{feff}México".as_bytes(), None), "México");
        assert_eq!(decode("diplomáticos".as_bytes(), None), "diplomáticos");
    }
}
