//! Reading inputs: files, directories (recursively, in name order) and standard input, turned
//! into text. An input is recognized by its content, not its name: plain text, an HTML page, a
//! WARC archive or JSON Lines, each possibly gzip-compressed. An archive or a JSON Lines file
//! holds many documents, read one record at a time. A bad input or record becomes an
//! [`IngestError`] for it alone; the batch goes on.
//!
//! Invariant: this stage does not clean, date or code anything. It finds each document's text
//! and what its container or markup states about it ([`Meta`]).

mod charset;
pub mod html;
mod records;
mod table;
mod walk;
mod warc;

use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Serialize;

pub use records::{open, stdin_feed, Opened, Records};
pub use table::Table;
pub use walk::expand;

/// Default largest input accepted, in bytes. A news article is rarely over 1 MB of text.
pub const DEFAULT_MAX_BYTES: u64 = 16_000_000;

/// Where one document comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

impl Source {
    /// The path as printed in output and messages (`-` for standard input).
    pub fn display(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Stdin => "-".to_string(),
        }
    }
}

/// A document read and decoded, ready for cleaning.
#[derive(Debug, Clone, Default)]
pub struct RawDoc {
    pub path: String,
    /// BLAKE3 of the raw bytes, first 16 hex digits: the same bytes always get the same id.
    pub id: String,
    pub text: String,
    pub warnings: Vec<String>,
    pub meta: Meta,
}

/// What an input is, found from its first bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    Html,
    Warc,
    Jsonl,
}

/// What a document's container or markup states about it, beside its text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// The text is the main content an HTML extractor chose (not a whole page).
    pub extracted: bool,
    pub url: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub outlet: Option<String>,
    /// Publication dates as stated, most trusted first.
    pub published: Vec<Stated>,
    pub language: Option<String>,
    /// When a crawler fetched the page (a WARC record's date).
    pub fetched: Option<String>,
    /// A feed record's own `id` field.
    pub record_id: Option<String>,
}

/// A date as a record or the markup states it, and where it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Stated {
    pub value: String,
    pub rule: String,
}

impl Stated {
    pub fn new(value: &str, rule: &str) -> Stated {
        Stated {
            value: value.to_string(),
            rule: rule.to_string(),
        }
    }
}

/// Why an input could not be read as a text article.
#[derive(Debug)]
pub enum IngestError {
    Io(std::io::Error),
    Empty,
    /// Over the size limit: `bytes` is the size when known, else (a stream read no further than
    /// the limit) one more than `max`.
    TooLarge {
        bytes: u64,
        max: u64,
    },
    Binary(String),
    /// An entry of a folder that is not read (it cannot be listed, or is no regular file): why.
    Walk(String),
    /// A record of an archive or feed that cannot be read (the rest of the file goes on).
    Record(String),
    /// A record that is not an article (a WARC request, an image): skipped and counted.
    NotArticle(String),
    /// An input over a limit that keeps reading it bounded in depth, time or memory.
    Limit(String),
    /// A bug of annals met on this input (a panic, caught so that the batch goes on).
    Bug(String),
}

impl IngestError {
    /// A record skipped on purpose rather than an input that failed.
    pub fn is_skip(&self) -> bool {
        matches!(self, IngestError::NotArticle(_))
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Io(e) => write!(f, "cannot read: {e}"),
            IngestError::Empty => write!(f, "empty input: nothing to extract"),
            IngestError::TooLarge { bytes, max } if *bytes > max + 1 => write!(
                f,
                "too large: {} MB, over the limit of {} MB (raise it with --max-bytes)",
                mb(*bytes),
                mb(*max)
            ),
            IngestError::TooLarge { max, .. } => write!(
                f,
                "too large: over the limit of {} MB (raise it with --max-bytes)",
                mb(*max)
            ),
            IngestError::Binary(what) => write!(f, "not text: {what}"),
            IngestError::Walk(e) => write!(f, "{e}"),
            IngestError::Record(e) => write!(f, "bad record: {e}"),
            IngestError::NotArticle(e) => write!(f, "skipped: {e}"),
            IngestError::Limit(e) => write!(f, "{e}"),
            IngestError::Bug(e) => write!(
                f,
                "internal error, a bug of annals (please report it with this input): {e}"
            ),
        }
    }
}

impl std::error::Error for IngestError {}

/// Runs `f`, turning a panic (a bug of annals met on some input) into an error for that input:
/// the batch goes on, and the message says what to report.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, IngestError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .map_err(|payload| IngestError::Bug(panic_message(payload.as_ref())))
}

/// What a panic said.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}

/// An error that ends a file read record by record.
fn truncated(e: std::io::Error) -> std::io::Error {
    std::io::Error::new(
        e.kind(),
        format!("the file is cut short or corrupt here ({e}); the records before were read"),
    )
}

/// A count with its thousands grouped: `4,000,000`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1_000_000.0)
}

/// Reads one source that holds one document (see [`open`] for any source).
pub fn read(source: &Source, max_bytes: u64) -> Result<RawDoc, IngestError> {
    match open(source, max_bytes)? {
        Opened::One(doc) => *doc,
        Opened::Many(mut records) => records
            .next()
            .map_or(Err(IngestError::Empty), |(_, doc)| doc),
        Opened::Table(_) => Err(IngestError::Record(
            "a table of documents already extracted, not an article".to_string(),
        )),
    }
}

/// Opens a source for reading, decompressing gzip, refusing a plain file over `max_bytes`
/// before reading it (a compressed input is held to the limit as it is decompressed).
fn reader(source: &Source, max_bytes: u64) -> Result<Box<dyn BufRead + Send>, IngestError> {
    let raw: Box<dyn Read + Send> = match source {
        Source::File(path) => {
            let file = File::open(path).map_err(IngestError::Io)?;
            let len = file.metadata().map_err(IngestError::Io)?.len();
            if len > max_bytes && !could_be_container(path) {
                return Err(IngestError::TooLarge {
                    bytes: len,
                    max: max_bytes,
                });
            }
            Box::new(file)
        }
        Source::Stdin => Box::new(std::io::stdin()),
    };
    let mut buffered = BufReader::with_capacity(1 << 16, raw);
    let gzip = buffered
        .fill_buf()
        .map_err(IngestError::Io)?
        .starts_with(b"\x1f\x8b");
    Ok(if gzip {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(buffered),
        ))
    } else {
        Box::new(buffered)
    })
}

/// A large file is read record by record when it may be an archive or a feed, whatever its
/// name: the limit then holds for each record.
fn could_be_container(path: &Path) -> bool {
    let mut head = [0u8; 8];
    let n = File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = &head[..n];
    head.starts_with(b"\x1f\x8b")
        || head.starts_with(b"WARC/")
        || head.first() == Some(&b'{')
        || table::is_parquet(head)
}

/// Finds an input's format from its first bytes (after decompression).
pub fn sniff(head: &[u8]) -> Format {
    if let Some((text, _)) = charset::utf16(head) {
        // Archives and feeds are UTF-8: a UTF-16 input is a page or a text.
        return match sniff(text.as_bytes()) {
            Format::Html => Format::Html,
            _ => Format::Text,
        };
    }
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    if head.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if head.first() == Some(&b'{') && records::first_line_is_json(head) {
        return Format::Jsonl;
    }
    let lower: Vec<u8> = head.iter().take(4096).map(u8::to_ascii_lowercase).collect();
    let has = |s: &[u8]| lower.windows(s.len()).any(|w| w == s);
    let tagged = lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || (lower.first() == Some(&b'<')
            && (has(b"<body") || has(b"<head") || has(b"<p>") || has(b"<div")));
    if tagged {
        Format::Html
    } else {
        Format::Text
    }
}

fn read_limited(reader: impl Read, max_bytes: u64) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(IngestError::Io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(IngestError::TooLarge {
            bytes: bytes.len() as u64,
            max: max_bytes,
        });
    }
    Ok(bytes)
}

/// Reads an HTML page: its article as text, and what its markup states. `charset` is what a
/// container declared (a WARC record's HTTP header), `url` the page's address where known.
pub fn page(
    path: &str,
    bytes: &[u8],
    charset: Option<&str>,
    url: Option<&str>,
) -> Result<RawDoc, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    let (html, warnings) = charset::decode_html(bytes, charset);
    let article = html::page(&html, url).map_err(|e| IngestError::Limit(e.to_string()))?;
    if article.paragraphs.is_empty() {
        return Err(IngestError::Record(
            "an HTML page with no article text".to_string(),
        ));
    }
    let text = article.text();
    let mut meta = article.meta;
    meta.extracted = true;
    Ok(RawDoc {
        path: path.to_string(),
        id: id_of(bytes),
        text,
        warnings,
        meta,
    })
}

/// A document's id: the first 16 hex digits of the BLAKE3 hash of its bytes.
fn id_of(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..16].to_string()
}

/// Turns bytes into text: UTF-8, or UTF-16 with its byte-order mark. Refuses empty and binary
/// input, repairs invalid sequences with a warning.
pub fn decode(path: &str, bytes: &[u8]) -> Result<RawDoc, IngestError> {
    let (text, warnings) = match charset::utf16(bytes) {
        Some(decoded) => decoded,
        None => utf8(bytes)?,
    };
    if text.chars().all(char::is_whitespace) {
        return Err(IngestError::Empty);
    }
    Ok(RawDoc {
        path: path.to_string(),
        id: id_of(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)),
        text,
        warnings,
        meta: Meta::default(),
    })
}

/// UTF-8 bytes as text, unless they are binary; invalid sequences replaced, with a warning.
fn utf8(bytes: &[u8]) -> Result<(String, Vec<String>), IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(what) = binary_kind(bytes) {
        return Err(IngestError::Binary(what));
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Vec::new()),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.matches('\u{FFFD}').count();
            let warning = format!("invalid UTF-8: {bad} byte sequence(s) replaced with U+FFFD");
            (text, vec![warning])
        }
    })
}

/// Names the kind of a binary input, or `None` for text. Known formats are named by their
/// magic bytes; anything else with NUL bytes or many control bytes in its head is binary.
fn binary_kind(bytes: &[u8]) -> Option<String> {
    const MAGIC: &[(&[u8], &str)] = &[
        (
            b"\x1f\x8b",
            "gzip-compressed data inside gzip-compressed data",
        ),
        (b"%PDF", "a PDF file"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x7fELF", "an executable (ELF)"),
    ];
    if let Some((_, name)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(name.to_string());
    }
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(pos) = head.iter().position(|&b| b == 0) {
        return Some(format!("binary data (NUL byte at offset {pos})"));
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    (control * 10 > head.len()).then(|| {
        format!(
            "binary data ({control} control bytes in the first {} bytes)",
            head.len()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_same_id() {
        let a = decode("a", b"Hello world.").unwrap();
        let b = decode("b", b"Hello world.").unwrap();
        assert_eq!(a.id, b.id);
        assert_eq!(a.id.len(), 16);
    }

    #[test]
    fn empty_and_whitespace_are_refused() {
        assert!(matches!(decode("x", b""), Err(IngestError::Empty)));
        assert!(matches!(decode("x", b" \n\t\n"), Err(IngestError::Empty)));
    }

    #[test]
    fn binary_is_named() {
        let err = decode("x", b"\x89PNG\r\n\x1a\n....").unwrap_err();
        assert!(err.to_string().contains("PNG"), "{err}");
        let err = decode("x", b"abc\0def").unwrap_err();
        assert!(err.to_string().contains("NUL byte at offset 3"), "{err}");
    }

    #[test]
    fn utf16_with_its_mark_is_text() {
        let text = "Talks resumed in Tōkyō.";
        for (mark, units) in [
            (
                &b"\xFF\xFE"[..],
                text.encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect::<Vec<_>>(),
            ),
            (
                &b"\xFE\xFF"[..],
                text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            ),
        ] {
            let bytes = [mark, &units].concat();
            assert_eq!(sniff(&bytes), Format::Text);
            let doc = decode("x", &bytes).unwrap();
            assert_eq!(doc.text, text);
            assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
        }
        let page: Vec<u8> = "\u{FEFF}<html><body><p>x</p></body></html>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(sniff(&page), Format::Html);
    }

    #[test]
    fn invalid_utf8_is_repaired_with_a_warning() {
        let doc = decode("x", b"Caf\xe9 talks resumed.").unwrap();
        assert_eq!(doc.text, "Caf\u{FFFD} talks resumed.");
        assert_eq!(doc.warnings.len(), 1);
        assert!(doc.warnings[0].contains("1 byte sequence"));
    }

    #[test]
    fn a_panic_is_an_error_of_its_input() {
        assert_eq!(catch(|| 1).unwrap(), 1);
        let err = catch(|| -> u8 { panic!("index out of bounds") }).unwrap_err();
        assert!(
            matches!(&err, IngestError::Bug(m) if m == "index out of bounds"),
            "{err:?}"
        );
        assert!(err.to_string().contains("a bug of annals"), "{err}");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(4_000_000), "4,000,000");
        assert_eq!(grouped(12_345), "12,345");
    }

    #[test]
    fn limit_is_enforced_on_streams() {
        let err = read_limited(&b"0123456789"[..], 5).unwrap_err();
        assert!(matches!(err, IngestError::TooLarge { .. }));
        assert_eq!(read_limited(&b"01234"[..], 5).unwrap().len(), 5);
    }
}
