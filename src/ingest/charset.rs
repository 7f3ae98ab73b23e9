//! The character set of an HTML page: the byte-order mark, else what the container declared
//! (a WARC record's HTTP header), else the page's own `<meta charset>`, else UTF-8 when the
//! bytes are valid UTF-8, else the guess of `chardetng` (the detector Firefox uses).

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8};

/// Decodes a page, with a warning when its declared charset was wrong or bytes were replaced.
pub fn decode_html(bytes: &[u8], declared: Option<&str>) -> (String, Vec<String>) {
    let mut warnings = Vec::new();
    let encoding = match Encoding::for_bom(bytes) {
        Some((enc, _)) => enc,
        None => {
            let label = declared.map(str::to_string).or_else(|| meta_charset(bytes));
            let named = label
                .as_deref()
                .and_then(|l| Encoding::for_label(l.trim().as_bytes()));
            match named {
                // A page declared UTF-8 that is not: the declaration is wrong, trust the bytes.
                Some(enc) if enc == UTF_8 && std::str::from_utf8(bytes).is_err() => {
                    let guess = sniff(bytes);
                    warnings.push(format!(
                        "declared UTF-8 but is not: decoded as {}",
                        guess.name()
                    ));
                    guess
                }
                Some(enc) => enc,
                None if std::str::from_utf8(bytes).is_ok() => UTF_8,
                None => sniff(bytes),
            }
        }
    };
    let (text, _, replaced) = encoding.decode(bytes);
    if replaced {
        warnings.push(format!(
            "invalid {} byte sequences replaced with U+FFFD",
            encoding.name()
        ));
    }
    (text.into_owned(), warnings)
}

/// Bytes that start with the byte-order mark of UTF-16 (little or big endian) as text, with a
/// warning when some could not be decoded; `None` for any other bytes.
pub fn utf16(bytes: &[u8]) -> Option<(String, Vec<String>)> {
    let (encoding, _) = Encoding::for_bom(bytes)?;
    if encoding == UTF_8 {
        return None;
    }
    let (text, replaced) = encoding.decode_with_bom_removal(bytes);
    let warnings = if replaced {
        vec![format!(
            "invalid {} sequences replaced with U+FFFD",
            encoding.name()
        )]
    } else {
        Vec::new()
    };
    Some((text.into_owned(), warnings))
}

fn sniff(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true)
}

/// The charset a page declares in its first 2,048 bytes.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    static RE: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(r#"(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
            .expect("valid pattern")
    });
    let head = &bytes[..bytes.len().min(2048)];
    let c = RE.captures(head)?;
    Some(String::from_utf8_lossy(&c[1]).into_owned())
}

/// The charset parameter of a `Content-Type` header value.
pub fn of_content_type(value: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset")).then(|| v.trim().trim_matches('"').to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_charset_is_used() {
        let (t, w) = decode_html(
            b"<meta charset=\"windows-1251\"><p>\xcc\xee\xf1\xea\xe2\xe0</p>",
            None,
        );
        assert!(t.contains("Москва"), "{t}");
        assert!(w.is_empty());
        let (t, _) = decode_html(b"<p>caf\xe9</p>", Some("iso-8859-1"));
        assert!(t.contains("café"));
    }

    #[test]
    fn a_wrong_or_missing_charset_is_sniffed() {
        let latin = b"<meta charset=utf-8><p>Le minist\xe8re a r\xe9agi \xe0 la d\xe9claration du gouvernement fran\xe7ais.</p>";
        let (t, w) = decode_html(latin, None);
        assert!(t.contains("ministère"), "{t}");
        assert!(w[0].contains("declared UTF-8"), "{w:?}");
        let (t, w) = decode_html("<p>Tōkyō</p>".as_bytes(), None);
        assert!(t.contains("Tōkyō") && w.is_empty());
    }

    #[test]
    fn the_charset_of_a_header_is_read() {
        assert_eq!(
            of_content_type("text/html; charset=\"Shift_JIS\"").as_deref(),
            Some("Shift_JIS")
        );
        assert_eq!(of_content_type("text/html"), None);
    }
}
