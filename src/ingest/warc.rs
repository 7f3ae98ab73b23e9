//! WARC archives (ISO 28500), read one record at a time with memory bounded by the size limit.
//!
//! The format is simple framing: a `WARC/1.x` line, header lines up to a blank line, a block of
//! `Content-Length` bytes, and two line ends. The `warc` crate reads every record whole before
//! anything can look at its length, and reads header lines without bound: a 2.6 MB archive took
//! 2.7 GB of memory, as does any record as large as the file unpacks to. Here a header is at most
//! `MAX_HEADER` bytes, a record over the limit is skipped as it is read (an error of its own, and
//! the next record is read), and a broken record is skipped line by line to the next `WARC/` line.

use std::io::{self, BufRead, Read};

use super::{truncated, IngestError};

/// Header lines of a record must stay under this many bytes (real ones have a few hundred).
const MAX_HEADER: usize = 64 * 1024;

/// One record: its header fields as written, and its block.
#[derive(Debug)]
pub struct Record {
    pub headers: Vec<(String, String)>,
    pub block: Vec<u8>,
}

impl Record {
    /// The value of a header field, whatever the case of its name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The records of one archive.
pub struct Warc {
    input: Box<dyn BufRead + Send>,
    max_bytes: u64,
    /// A `WARC/` line found while skipping a broken record: the start of the next one.
    version: Option<Vec<u8>>,
}

/// What reading a record's header gave.
enum Header {
    Fields(Vec<(String, String)>, u64),
    /// A record that cannot be read, why.
    Broken(String),
}

impl Warc {
    pub fn new(input: Box<dyn BufRead + Send>, max_bytes: u64) -> Warc {
        Warc {
            input,
            max_bytes,
            version: None,
        }
    }

    /// The next record, or why it cannot be read; `None` at the end of the archive. After an I/O
    /// error (a file cut short) nothing more can be read.
    pub fn next(&mut self) -> Option<Result<Record, IngestError>> {
        match self.read_record() {
            Ok(record) => record.map(Ok),
            Err(e) => Some(Err(e)),
        }
    }

    fn read_record(&mut self) -> Result<Option<Record>, IngestError> {
        let version = match self.version.take() {
            Some(line) => line,
            None => match self.first_line()? {
                Some(line) => line,
                None => return Ok(None),
            },
        };
        let broken = if !version.starts_with(b"WARC/") {
            "not the start of a WARC record".to_string()
        } else {
            match self.header()? {
                Header::Broken(why) => why,
                Header::Fields(headers, length) => return self.block(headers, length).map(Some),
            }
        };
        let skipped = self.skip_to_next_record()?;
        Err(IngestError::Record(format!(
            "{broken} ({skipped} line(s) skipped to the next record)"
        )))
    }

    /// The first line that is not blank, or `None` at the end.
    fn first_line(&mut self) -> Result<Option<Vec<u8>>, IngestError> {
        loop {
            match line(&mut self.input)? {
                None => return Ok(None),
                Some(l) if l.is_empty() => continue,
                Some(l) => return Ok(Some(l)),
            }
        }
    }

    /// The header fields up to the blank line, and the block's length.
    fn header(&mut self) -> Result<Header, IngestError> {
        let mut fields = Vec::new();
        let mut size = 0;
        loop {
            let l =
                line(&mut self.input)?.ok_or_else(|| cut_short("a record's header ends early"))?;
            if l.is_empty() {
                break;
            }
            size += l.len();
            if size >= MAX_HEADER {
                return Ok(Header::Broken(format!(
                    "a WARC header over {} KB",
                    MAX_HEADER / 1024
                )));
            }
            let text = String::from_utf8_lossy(&l);
            let Some((name, value)) = text.split_once(':') else {
                return Ok(Header::Broken(
                    "a WARC header that cannot be parsed".to_string(),
                ));
            };
            fields.push((name.trim().to_string(), value.trim().to_string()));
        }
        let length = fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
            .and_then(|(_, v)| v.parse::<u64>().ok());
        Ok(match length {
            Some(n) => Header::Fields(fields, n),
            None => Header::Broken("a WARC header without a valid Content-Length".to_string()),
        })
    }

    /// Reads a block of `length` bytes, or skips it, unread, when it is over the limit.
    fn block(
        &mut self,
        headers: Vec<(String, String)>,
        length: u64,
    ) -> Result<Record, IngestError> {
        let input = &mut self.input;
        if length > self.max_bytes {
            let skipped = io::copy(&mut input.take(length), &mut io::sink()).map_err(read_error)?;
            if skipped < length {
                return Err(cut_short("a record's block ends early"));
            }
            end_of_record(input)?;
            return Err(IngestError::TooLarge {
                bytes: length,
                max: self.max_bytes,
            });
        }
        let mut block = Vec::new();
        input
            .take(length)
            .read_to_end(&mut block)
            .map_err(read_error)?;
        if (block.len() as u64) < length {
            return Err(cut_short("a record's block ends early"));
        }
        end_of_record(input)?;
        Ok(Record { headers, block })
    }

    /// Skips the lines of a broken record up to the next `WARC/` line (kept for the next call).
    fn skip_to_next_record(&mut self) -> Result<usize, IngestError> {
        let mut skipped = 0;
        while let Some(l) = line(&mut self.input)? {
            if l.starts_with(b"WARC/") {
                self.version = Some(l);
                break;
            }
            skipped += 1;
        }
        Ok(skipped)
    }
}

/// The two line ends after a block (tolerant of a missing or bare `\n`).
fn end_of_record(input: &mut Box<dyn BufRead + Send>) -> Result<(), IngestError> {
    for _ in 0..4 {
        let next = input.fill_buf().map_err(read_error)?.first().copied();
        match next {
            Some(b'\r' | b'\n') => input.consume(1),
            _ => break,
        }
    }
    Ok(())
}

/// The next line without its line end, at most `MAX_HEADER` bytes of it (the rest is skipped
/// unread); `None` at the end of the input.
fn line(input: &mut Box<dyn BufRead + Send>) -> Result<Option<Vec<u8>>, IngestError> {
    let mut l = Vec::new();
    let n = input
        .take(MAX_HEADER as u64)
        .read_until(b'\n', &mut l)
        .map_err(read_error)?;
    if n == 0 {
        return Ok(None);
    }
    if l.last() != Some(&b'\n') && n == MAX_HEADER {
        input.skip_until(b'\n').map_err(read_error)?;
    }
    while matches!(l.last(), Some(b'\n' | b'\r')) {
        l.pop();
    }
    Ok(Some(l))
}

fn read_error(e: io::Error) -> IngestError {
    IngestError::Io(truncated(e))
}

fn cut_short(what: &str) -> IngestError {
    read_error(io::Error::new(io::ErrorKind::UnexpectedEof, what))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(headers: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\n{headers}Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn read_all(bytes: Vec<u8>, max: u64) -> Vec<Result<Record, IngestError>> {
        let mut warc = Warc::new(Box::new(io::Cursor::new(bytes)), max);
        std::iter::from_fn(|| warc.next()).collect()
    }

    #[test]
    fn records_are_read_with_their_headers_and_blocks() {
        let mut bytes = record("WARC-Type: resource\r\n", b"<p>one</p>");
        bytes.extend(record("warc-type: response\r\n", b"two\r\n\r\nlines"));
        let got = read_all(bytes, 1000);
        assert_eq!(got.len(), 2);
        let (a, b) = (got[0].as_ref().unwrap(), got[1].as_ref().unwrap());
        assert_eq!(a.header("WARC-Type"), Some("resource"));
        assert_eq!(a.block, b"<p>one</p>");
        assert_eq!(b.header("WARC-Type"), Some("response"));
        assert_eq!(b.block, b"two\r\n\r\nlines");
    }

    #[test]
    fn a_record_over_the_limit_is_skipped_unread_and_the_next_is_read() {
        let mut bytes = record("WARC-Type: resource\r\n", &[b'x'; 5000]);
        bytes.extend(record("WARC-Type: resource\r\n", b"small"));
        let got = read_all(bytes, 1000);
        assert!(matches!(
            got[0],
            Err(IngestError::TooLarge {
                bytes: 5000,
                max: 1000
            })
        ));
        assert_eq!(got[1].as_ref().unwrap().block, b"small");
    }

    #[test]
    fn a_huge_declared_length_costs_no_memory() {
        // The block claims a terabyte: skipping it finds the file cut short, nothing is held.
        let bytes = b"WARC/1.0\r\nContent-Length: 1000000000000\r\n\r\nabc".to_vec();
        let got = read_all(bytes, 1000);
        assert_eq!(got.len(), 1);
        assert!(matches!(&got[0], Err(IngestError::Io(_))), "{got:?}");
    }

    #[test]
    fn a_broken_record_is_skipped_to_the_next() {
        let mut bytes = b"WARC/1.0\r\nthis line is no header\r\n\r\nstray\r\n".to_vec();
        bytes.extend(record("WARC-Type: resource\r\n", b"after"));
        let got = read_all(bytes, 1000);
        let err = got[0].as_ref().unwrap_err().to_string();
        assert_eq!(
            err,
            "bad record: a WARC header that cannot be parsed (2 line(s) skipped to the next record)"
        );
        assert_eq!(got[1].as_ref().unwrap().block, b"after");
    }

    #[test]
    fn a_header_without_end_is_bounded() {
        let mut bytes = b"WARC/1.0\r\n".to_vec();
        bytes.extend(std::iter::repeat_n(b'h', 1 << 20));
        let got = read_all(bytes, 1000);
        assert_eq!(got.len(), 1);
        assert!(got[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("over 64 KB"));
        let many = "X-Field: value\r\n".repeat(10_000);
        let got = read_all(record(&many, b"body"), 1000);
        assert!(got[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("over 64 KB"));
    }

    #[test]
    fn an_archive_of_a_version_line_alone_is_an_error() {
        let got = read_all(b"WARC/1.0\r\n".to_vec(), 1000);
        assert_eq!(got.len(), 1);
        assert!(got[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("cut short"));
    }
}
