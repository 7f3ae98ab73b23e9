//! Inputs that hold many documents, read one record at a time so that memory does not grow with
//! the file: WARC archives (the `warc` crate) and JSON Lines feeds. A record that cannot be read
//! is an error of its own and the next one is read; a file cut short (a truncated gzip stream)
//! ends with an error after the records read before the cut.

use std::io::{BufRead, Read};
use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use serde_json::{Map, Value};

use super::table::{self, Table};
use super::warc::{self, Warc};
use super::IngestError;
use super::{charset, decode, id_of, page, read_limited, reader, sniff, truncated, Format};
use super::{RawDoc, Source, Stated};

/// A source opened: one document, the records of an archive or feed, or a table of documents
/// extracted elsewhere.
pub enum Opened {
    One(Box<Result<RawDoc, IngestError>>),
    Many(Records),
    Table(Table),
}

/// Opens a source and finds what it holds from its first bytes.
pub fn open(source: &Source, max_bytes: u64) -> Result<Opened, IngestError> {
    let path = source.display();
    let mut input = reader(source, max_bytes)?;
    let head = input.fill_buf().map_err(IngestError::Io)?;
    if let (true, Source::File(file)) = (table::is_parquet(head), source) {
        return Ok(Opened::Table(Table::open(file, max_bytes)?));
    }
    let kind = match sniff(head) {
        Format::Warc => Kind::Warc(Box::new(Warc::new(input, max_bytes))),
        Format::Jsonl => Kind::Jsonl(input),
        format => {
            let bytes = read_limited(input, max_bytes)?;
            let doc = match format {
                Format::Html => page(&path, &bytes, None, None),
                _ => decode(&path, &bytes),
            };
            return Ok(Opened::One(Box::new(doc)));
        }
    };
    Ok(Opened::Many(Records::new(path, kind, max_bytes)))
}

/// The records of one archive or feed, each with its own path (`feed.jsonl:12`, the line;
/// `crawl.warc.gz#3`, the record's number).
pub struct Records {
    path: String,
    kind: Kind,
    max_bytes: u64,
    n: usize,
    done: bool,
    /// The `id` field of the last JSON Lines record read, when it has one.
    last_id: Option<String>,
}

impl Records {
    fn new(path: String, kind: Kind, max_bytes: u64) -> Records {
        Records {
            path,
            kind,
            max_bytes,
            n: 0,
            done: false,
            last_id: None,
        }
    }

    /// The `id` field of the record last returned (a feed's own id, for the caller to join
    /// results back to its input), also when that record failed.
    pub fn last_id(&self) -> Option<&str> {
        self.last_id.as_deref()
    }
}

/// Reads standard input as a JSON Lines feed, whatever its first line looks like (gzip or not).
pub fn stdin_feed(max_bytes: u64) -> Result<Records, IngestError> {
    let input = reader(&Source::Stdin, max_bytes)?;
    Ok(Records::new("-".to_string(), Kind::Jsonl(input), max_bytes))
}

enum Kind {
    Jsonl(Box<dyn BufRead + Send>),
    Warc(Box<Warc>),
}

impl Iterator for Records {
    type Item = (String, Result<RawDoc, IngestError>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        super::catch(|| self.read_next()).unwrap_or_else(|bug| {
            // What a panic left half-read cannot be trusted: the file ends here.
            self.done = true;
            Some((self.path.clone(), Err(bug)))
        })
    }
}

impl Records {
    fn read_next(&mut self) -> Option<(String, Result<RawDoc, IngestError>)> {
        match &mut self.kind {
            Kind::Jsonl(input) => {
                let (n, line) = next_line(input, &mut self.n, self.max_bytes)?;
                let path = format!("{}:{n}", self.path);
                let (id, doc) = match line {
                    Ok(l) => jsonl_record(&path, &l),
                    Err(e) => (None, Err(e)),
                };
                self.last_id = id;
                self.done |= matches!(&doc, Err(IngestError::Io(_)));
                Some((path, doc))
            }
            Kind::Warc(records) => {
                let record = records.next()?;
                self.n += 1;
                let path = format!("{}#{}", self.path, self.n);
                let doc = record.and_then(|r| warc_record(&path, &r, self.max_bytes));
                self.done |= matches!(&doc, Err(IngestError::Io(_)));
                Some((path, doc))
            }
        }
    }
}

/// The next line that is not blank, with its number; a read error (a truncated gzip stream)
/// comes back once, as an I/O error that ends the file.
fn next_line(
    input: &mut Box<dyn BufRead + Send>,
    n: &mut usize,
    max: u64,
) -> Option<(usize, Result<Vec<u8>, IngestError>)> {
    loop {
        let mut line = Vec::new();
        let read = input
            .by_ref()
            .take(max.saturating_add(1))
            .read_until(b'\n', &mut line);
        *n += 1;
        match read {
            Err(e) => return Some((*n, Err(IngestError::Io(truncated(e))))),
            Ok(0) => return None,
            Ok(_) if line.len() as u64 > max => {
                // Skip the rest of the over-long line without holding it.
                let rest = input.skip_until(b'\n').unwrap_or(0);
                let bytes = (line.len() + rest) as u64;
                return Some((*n, Err(IngestError::TooLarge { bytes, max })));
            }
            Ok(_) if line.iter().all(u8::is_ascii_whitespace) => continue,
            Ok(_) => return Some((*n, Ok(line))),
        }
    }
}

/// Whether the first line of `head` is a JSON object (a JSON Lines feed, not a text that
/// happens to start with a brace).
pub fn first_line_is_json(head: &[u8]) -> bool {
    let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let complete = line.len() < head.len();
    match serde_json::from_slice::<Value>(line) {
        Ok(v) => v.is_object(),
        // A first line longer than the bytes looked at: judge by its start.
        Err(e) => !complete && e.is_eof(),
    }
}

const FIELDS: &str = include_str!("../../data/ingest/jsonl_fields.tsv");

/// The names read for each field of a JSON Lines record (`data/ingest/jsonl_fields.tsv`).
static NAMES: LazyLock<FxHashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    FIELDS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (field, names) = l.split_once('\t')?;
            Some((field.trim(), names.split_whitespace().collect()))
        })
        .collect()
});

/// The names read for `field`, in order.
fn names(field: &str) -> &'static [&'static str] {
    NAMES.get(field).map_or(&[], Vec::as_slice)
}

/// The first of `name`'s fields the record has as a non-empty text.
fn field<'a>(o: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    names(name)
        .iter()
        .find_map(|n| o.get(*n).and_then(Value::as_str))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A record's `id` field (a string, or a number written as one), and its document.
fn jsonl_record(path: &str, line: &[u8]) -> (Option<String>, Result<RawDoc, IngestError>) {
    let line = line.trim_ascii_end();
    let o = match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(o)) => o,
        Ok(_) => {
            return (
                None,
                Err(IngestError::Record("not a JSON object".to_string())),
            )
        }
        Err(e) => return (None, Err(IngestError::Record(format!("invalid JSON: {e}")))),
    };
    let id = match o.get("id") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let doc = jsonl_document(path, line, &o).map(|mut doc| {
        doc.meta.record_id = id.clone();
        doc
    });
    (id, doc)
}

fn jsonl_document(path: &str, line: &[u8], o: &Map<String, Value>) -> Result<RawDoc, IngestError> {
    let url = field(o, "url");
    let mut doc = match (field(o, "text"), field(o, "page"), field(o, "html")) {
        (Some(text), _, _) => {
            let title = field(o, "title").unwrap_or("");
            let mut doc = decode(path, format!("{title}\n\n{text}").as_bytes())?;
            doc.meta.extracted = true;
            doc
        }
        (None, Some(scraped), _) => decode(path, scraped.as_bytes())?,
        (None, None, Some(html)) => page(path, html.as_bytes(), Some("utf-8"), url)?,
        (None, None, None) => {
            return Err(IngestError::Record(format!(
                "no text (fields {}), no page text ({}) and no html ({})",
                names("text").join(", "),
                names("page").join(", "),
                names("html").join(", ")
            )))
        }
    };
    // The id is the record's: two records of one text from two addresses are two documents.
    doc.id = id_of(line);
    let m = &mut doc.meta;
    m.url = url.map(str::to_string).or(m.url.take());
    m.title = field(o, "title").map(str::to_string).or(m.title.take());
    if let Some(d) = field(o, "date") {
        m.published.insert(0, Stated::new(d, "record date"));
    }
    // A scraper's text with its address: the address's date, as for a page (an HTML record has
    // read it already).
    let address_date = m.url.as_deref().and_then(super::html::url_date);
    if let Some(day) = address_date.filter(|_| m.published.is_empty()) {
        m.published.push(Stated::new(&day, "address date"));
    }
    m.language = field(o, "language")
        .map(str::to_string)
        .or(m.language.take());
    m.outlet = field(o, "outlet").map(str::to_string).or(m.outlet.take());
    let authors = authors(o);
    if !authors.is_empty() {
        m.authors = authors;
    }
    Ok(doc)
}

fn authors(o: &Map<String, Value>) -> Vec<String> {
    names("authors")
        .iter()
        .find_map(|n| match o.get(*n)? {
            Value::String(s) => Some(vec![s.trim().to_string()]),
            Value::Array(a) => Some(
                a.iter()
                    .filter_map(Value::as_str)
                    .map(|s| s.trim().to_string())
                    .collect(),
            ),
            _ => None,
        })
        .unwrap_or_default()
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect()
}

/// A WARC record's page: a `response` holding an HTTP response of HTML, or a `resource` of
/// HTML. Other records (requests, metadata, images) are skipped, counted, not errors.
fn warc_record(path: &str, r: &warc::Record, max: u64) -> Result<RawDoc, IngestError> {
    let kind = r.header("WARC-Type").unwrap_or_default();
    let (content_type, payload) = match kind {
        "response" => http_payload(&r.block, max)?,
        "resource" => (
            r.header("Content-Type").unwrap_or_default().to_string(),
            r.block.clone(),
        ),
        other => return Err(IngestError::NotArticle(format!("a WARC {other} record"))),
    };
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if !(mime.is_empty() || mime == "text/html" || mime == "application/xhtml+xml") {
        return Err(IngestError::NotArticle(format!("a WARC {kind} of {mime}")));
    }
    if payload.len() as u64 > max {
        return Err(IngestError::TooLarge {
            bytes: payload.len() as u64,
            max,
        });
    }
    let url = r.header("WARC-Target-URI").map(str::to_string);
    let charset = charset::of_content_type(&content_type);
    // Served as HTML: read as a page, whatever its first bytes look like.
    let mut doc = page(path, &payload, charset.as_deref(), url.as_deref())?;
    doc.meta.url = url.or(doc.meta.url.take());
    doc.meta.fetched = r.header("WARC-Date").map(str::to_string);
    Ok(doc)
}

/// Splits an HTTP response into its `Content-Type` and its body (decompressed when the server
/// sent it gzip-encoded, to at most `max` bytes).
fn http_payload(block: &[u8], max: u64) -> Result<(String, Vec<u8>), IngestError> {
    let end = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| IngestError::Record("an HTTP response without headers".to_string()))?;
    let head = String::from_utf8_lossy(&block[..end]);
    let body = &block[end + 4..];
    let value = |name: &str| {
        head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    };
    let status = head.lines().next().unwrap_or("");
    if !status
        .split_whitespace()
        .nth(1)
        .is_some_and(|c| c.starts_with('2'))
    {
        return Err(IngestError::NotArticle(format!(
            "an HTTP response '{status}'"
        )));
    }
    let content_type = value("content-type").unwrap_or_default();
    let body = if value("content-encoding").is_some_and(|e| e.eq_ignore_ascii_case("gzip")) {
        read_limited(flate2::read::MultiGzDecoder::new(body), max).map_err(|e| match e {
            IngestError::Io(e) => {
                IngestError::Record(format!("a gzip-encoded body that cannot be read: {e}"))
            }
            other => other,
        })?
    } else {
        body.to_vec()
    };
    Ok((content_type, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_read_has_names_in_the_data_file() {
        for f in [
            "text", "page", "html", "title", "url", "date", "language", "outlet", "authors",
        ] {
            assert!(!names(f).is_empty(), "{f} has no names in jsonl_fields.tsv");
        }
        assert_eq!(names("text")[0], "maintext");
    }

    #[test]
    fn a_text_record_is_dated_by_its_address_unless_it_gives_a_date() {
        let text = "Japan met Russia in Tokyo on Monday.";
        let line = format!(r#"{{"text": "{text}", "url": "https://x.com/2021/05/24/story"}}"#);
        let (_, doc) = jsonl_record("f:1", line.as_bytes());
        let published = doc.unwrap().meta.published;
        assert_eq!(published, vec![Stated::new("2021-05-24", "address date")]);
        let line = format!(
            r#"{{"text": "{text}", "url": "https://x.com/2021/05/24/a", "date": "2021-05-25"}}"#
        );
        let (_, doc) = jsonl_record("f:2", line.as_bytes());
        assert_eq!(doc.unwrap().meta.published[0].rule, "record date");
    }

    #[test]
    fn a_record_is_parsed_once_for_its_id_and_its_document() {
        let line = br#"{"id": 42, "title": "T", "text": "Japan met Russia in Tokyo on Monday."}"#;
        let (id, doc) = jsonl_record("f:1", line);
        assert_eq!(id.as_deref(), Some("42"));
        assert_eq!(doc.unwrap().meta.record_id.as_deref(), Some("42"));
        let (id, doc) = jsonl_record("f:2", br#"{"id": "x", "title": "no text"}"#);
        assert_eq!(id.as_deref(), Some("x"));
        assert!(doc.is_err());
    }
}
