//! Reading inputs: files, directories (recursively, in name order) and standard input, turned
//! into text. A bad input becomes an [`IngestError`] for that input alone; the batch goes on.
//!
//! Invariant: this stage knows nothing of articles. It only decides whether bytes are text.

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

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
#[derive(Debug, Clone)]
pub struct RawDoc {
    pub path: String,
    /// BLAKE3 of the raw bytes, first 16 hex digits: the same bytes always get the same id.
    pub id: String,
    pub text: String,
    pub warnings: Vec<String>,
}

/// Why an input could not be read as a text article.
#[derive(Debug)]
pub enum IngestError {
    Io(std::io::Error),
    Empty,
    TooLarge { bytes: u64, max: u64 },
    Binary(String),
    Walk(String),
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Io(e) => write!(f, "cannot read: {e}"),
            IngestError::Empty => write!(f, "empty input: nothing to extract"),
            IngestError::TooLarge { bytes, max } => write!(
                f,
                "too large: {} MB, over the limit of {} MB (raise it with --max-bytes)",
                mb(*bytes),
                mb(*max)
            ),
            IngestError::Binary(what) => write!(f, "not text: {what}"),
            IngestError::Walk(e) => write!(f, "cannot list: {e}"),
        }
    }
}

impl std::error::Error for IngestError {}

fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1_000_000.0)
}

/// Expands the command-line paths into sources, in a stable order. Directories are walked
/// recursively (hidden entries skipped); an entry that cannot be listed comes back as an error
/// (the reason, as text) so that it is reported and the rest goes on.
pub fn expand(paths: &[PathBuf]) -> Vec<(Source, Option<String>)> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push((Source::Stdin, None));
        } else if path.is_dir() {
            walk(path, &mut out);
        } else {
            out.push((Source::File(path.clone()), None));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<(Source, Option<String>)>) {
    let entries = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) => out.push((Source::File(e.into_path()), None)),
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                out.push((Source::File(path), Some(e.to_string())));
            }
        }
    }
}

/// Reads one source, refusing it before reading when it is over `max_bytes`.
pub fn read(source: &Source, max_bytes: u64) -> Result<RawDoc, IngestError> {
    let bytes = match source {
        Source::File(path) => read_file(path, max_bytes)?,
        Source::Stdin => read_limited(std::io::stdin().lock(), max_bytes)?,
    };
    decode(&source.display(), &bytes)
}

fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, IngestError> {
    let file = File::open(path).map_err(IngestError::Io)?;
    let len = file.metadata().map_err(IngestError::Io)?.len();
    if len > max_bytes {
        return Err(IngestError::TooLarge {
            bytes: len,
            max: max_bytes,
        });
    }
    read_limited(file, max_bytes)
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

/// Turns bytes into text: refuses empty and binary input, repairs invalid UTF-8 with a warning.
pub fn decode(path: &str, bytes: &[u8]) -> Result<RawDoc, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(IngestError::Binary(what));
    }
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.matches('\u{FFFD}').count();
            warnings.push(format!(
                "invalid UTF-8: {bad} byte sequence(s) replaced with U+FFFD"
            ));
            text
        }
    };
    let hash = blake3::hash(bytes).to_hex();
    Ok(RawDoc {
        path: path.to_string(),
        id: hash[..16].to_string(),
        text,
        warnings,
    })
}

/// Names the kind of a binary input, or `None` for text. Known formats are named by their
/// magic bytes; anything else with NUL bytes or many control bytes in its head is binary.
fn binary_kind(bytes: &[u8]) -> Option<String> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
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
    fn invalid_utf8_is_repaired_with_a_warning() {
        let doc = decode("x", b"Caf\xe9 talks resumed.").unwrap();
        assert_eq!(doc.text, "Caf\u{FFFD} talks resumed.");
        assert_eq!(doc.warnings.len(), 1);
        assert!(doc.warnings[0].contains("1 byte sequence"));
    }

    #[test]
    fn limit_is_enforced_on_streams() {
        let err = read_limited(&b"0123456789"[..], 5).unwrap_err();
        assert!(matches!(err, IngestError::TooLarge { .. }));
        assert_eq!(read_limited(&b"01234"[..], 5).unwrap().len(), 5);
    }
}
