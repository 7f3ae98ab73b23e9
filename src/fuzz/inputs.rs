//! The fuzzer's inputs: seeds of every kind of input Annals reads, and mutations of them chosen
//! for what breaks readers. Input `i` of run seed `s` is always the same bytes.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context as _, Result};
use arrow_array::{RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};

use crate::bench::{self, Rng};

/// One input to start from: what kind it is, and its bytes.
pub struct Seed {
    pub kind: String,
    pub bytes: Vec<u8>,
}

/// An input is never made larger than this by a mutation (the readers' limit is 16 MB; a
/// deeply nested page needs far less).
const MAX_INPUT: usize = 2 << 20;

/// The built-in seeds (generated, so that nothing needs to be on disk), then the files under
/// `extra` in name order.
pub fn seeds(extra: &[PathBuf]) -> Result<Vec<Seed>> {
    let mut seeds = Vec::new();
    let mut add = |kind: &str, bytes: Vec<u8>| {
        seeds.push(Seed {
            kind: kind.to_string(),
            bytes,
        })
    };
    for k in 0..4 {
        add("text", bench::generate(7, k).into_bytes());
        add("html", bench::generate_html(7, k).into_bytes());
        add("jsonl", feed(k));
        add("warc", archive(k));
    }
    let text = bench::generate(7, 9);
    let utf16: Vec<u8> = "\u{FEFF}"
        .chars()
        .chain(text.chars())
        .collect::<String>()
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    add("utf16", utf16);
    add("parquet", table()?);
    for dir in extra {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry?;
            if entry.file_type().is_file() {
                let bytes = std::fs::read(entry.path())
                    .with_context(|| format!("reading {}", entry.path().display()))?;
                add("file", bytes);
            }
        }
    }
    Ok(seeds)
}

/// A JSON Lines feed with every kind of record: text, a scraped page, HTML, an id.
fn feed(k: u64) -> Vec<u8> {
    let lines = [
        serde_json::json!({"url": format!("https://news.example/2021/06/0{k}/a"), "title": "Talks",
            "maintext": bench::generate(3, k), "date_publish": "2021-06-07 10:00:00",
            "authors": ["Ann Lee", "Bo Chan"], "language": "en", "id": k}),
        serde_json::json!({"page_text": bench::generate(4, k), "source_domain": "news.example"}),
        serde_json::json!({"html": bench::generate_html(5, k), "url": "https://news.example/p"}),
    ];
    lines
        .iter()
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .into_bytes()
}

/// A WARC archive as crawlers write it: its metadata, a request, pages (one gzip-encoded), an
/// image, a resource.
fn archive(k: u64) -> Vec<u8> {
    let page = bench::generate_html(6, k);
    let http = |headers: &str, body: &[u8]| {
        let mut r = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
        r.extend_from_slice(body);
        r
    };
    let records = [
        record("warcinfo", "application/warc-fields", b"software: fuzz\r\n"),
        record(
            "request",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\n\r\n",
        ),
        record(
            "response",
            "application/http; msgtype=response",
            &http(
                "Content-Type: text/html; charset=utf-8\r\n",
                page.as_bytes(),
            ),
        ),
        record(
            "response",
            "application/http; msgtype=response",
            &http(
                "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                &gzip(page.as_bytes()),
            ),
        ),
        record(
            "response",
            "application/http; msgtype=response",
            &http("Content-Type: image/png\r\n", b"\x89PNG...."),
        ),
        record("resource", "text/html", page.as_bytes()),
    ];
    records.concat()
}

fn record(kind: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2021-06-08T12:00:00Z\r\n\
         WARC-Target-URI: https://news.example/2021/06/05/talks\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// A documents table as the Spark job writes it: a document, a row without one, and its error.
fn table() -> Result<Vec<u8>> {
    let doc = crate::pipeline::extract_clean("fuzz", &bench::generate(8, 0), None);
    let json = serde_json::to_string(&doc)?;
    let schema = Arc::new(Schema::new(vec![
        Field::new("document", DataType::Utf8, true),
        Field::new("error", DataType::Utf8, true),
    ]));
    let documents = StringArray::from(vec![Some(json.as_str()), None]);
    let errors = StringArray::from(vec![None, Some("bad record: invalid JSON")]);
    let batch = RecordBatch::try_new(schema.clone(), vec![Arc::new(documents), Arc::new(errors)])?;
    let mut bytes = Vec::new();
    let mut w = parquet::arrow::ArrowWriter::try_new(&mut bytes, schema, None)?;
    w.write(&batch)?;
    w.close()?;
    Ok(bytes)
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(bytes).expect("writing to memory");
    z.finish().expect("writing to memory")
}

/// Pieces that mean something to one reader or another: tags that nest, open raw text or
/// foreign content; WARC and HTTP header lines and lengths; JSON fields and escapes; date lines,
/// datelines and titles the cleaning and time stages read; characters whose case changes their
/// length, marks, controls; the magic bytes of compressed and binary formats.
const TOKENS: &[&[u8]] = &[
    b"<div>",
    b"</div>",
    b"<b>",
    b"</b>",
    b"<p>",
    b"</p>",
    b"<table><tr><td>",
    b"<template>",
    b"<script>",
    b"</script>",
    b"<style>",
    b"<!--",
    b"-->",
    b"<svg><g>",
    b"<math><mi>",
    b"<a href=\"",
    b"<b id=1>",
    b"<font>",
    b"<select><option>",
    b"<frameset>",
    b"<plaintext>",
    b"<textarea>",
    b"<article><h1>",
    b"<li>",
    b"&#x10FFFF;",
    b"&#0;",
    b"<![CDATA[",
    b"<meta charset=\"utf-16\">",
    b"<meta charset=\"shift_jis\">",
    b"<meta property=\"article:published_time\" content=\"2021-02-31T25:61:00Z\">",
    b"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"",
    b"{\"@graph\":[[[[[[[[",
    b"<time datetime=\"9999-99-99\">",
    b"WARC/1.0\r\n",
    b"WARC-Type: response\r\n",
    b"WARC-Type: resource\r\n",
    b"Content-Length: 0\r\n",
    b"Content-Length: 18446744073709551615\r\n",
    b"Content-Length: 99999999999\r\n",
    b"Content-Length: -1\r\n",
    b"\r\n\r\n",
    b"HTTP/1.1 200 OK\r\n",
    b"Content-Encoding: gzip\r\n",
    b"Content-Type: text/html; charset=utf-16\r\n",
    b"{\"text\": \"",
    b"\"html\": \"",
    b"\"page_text\": \"",
    b"\"date_publish\": \"",
    b"\"authors\": [",
    b"\\u0000",
    b"\\ud800",
    b"1e999999",
    b"\n",
    b"\n\n",
    b"Published: ",
    b"Updated: 2006-07-16 08:57",
    b"2014-02-31",
    b"03/09/2014",
    b"31/31/9999",
    b"Sat - 14 June 22",
    b"Monday",
    b"yesterday",
    b"last week",
    b"in 1945",
    b"between 2012 and 2020",
    b"WASHINGTON, July 15 (Yonhap) --",
    b"(Reuters) - ",
    b"By ",
    b"President Putin",
    b"Prime Minister Abe",
    b"his Indian counterpart",
    b" said ",
    b" did not ",
    b". ",
    b"\"",
    "\u{202E}".as_bytes(),
    "\u{0301}".as_bytes(),
    "\u{FEFF}".as_bytes(),
    "\u{1F600}".as_bytes(),
    "\u{2028}".as_bytes(),
    "İ".as_bytes(),
    "ẞ".as_bytes(),
    "ﬃ".as_bytes(),
    "ǅ".as_bytes(),
    b"\x00",
    b"\r",
    b"\t",
    b"\x1f\x8b\x08\x00",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"\xEF\xBB\xBF",
    b"\xC3",
    b"PAR1",
    b"%PDF",
];

/// Input `i` of run seed `run`: which seed it was made from, and its bytes.
pub fn input(seeds: &[Seed], run: u64, i: u64) -> (usize, Vec<u8>) {
    let mut rng = Rng(run.wrapping_mul(0x0000_0100_0000_01B3) ^ i.wrapping_mul(0x9E37_79B9));
    rng.next();
    let from = (rng.next() % seeds.len() as u64) as usize;
    let mut bytes = seeds[from].bytes.clone();
    for _ in 0..rng.range(1, 6) {
        mutate(&mut rng, &mut bytes, seeds);
    }
    if rng.next().is_multiple_of(8) {
        bytes = gzip(&bytes);
        if rng.next().is_multiple_of(2) {
            mutate(&mut rng, &mut bytes, seeds);
        }
    }
    (from, bytes)
}

/// One mutation of `bytes`.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>, seeds: &[Seed]) {
    let len = bytes.len();
    let at = |rng: &mut Rng| (rng.next() % (len as u64 + 1)) as usize;
    match rng.next() % 12 {
        0 => {
            for _ in 0..rng.range(1, 8) {
                if len > 0 {
                    let i = (rng.next() % len as u64) as usize;
                    bytes[i] ^= 1 << (rng.next() % 8);
                }
            }
        }
        1 => {
            let (start, end) = span(rng, len, 256);
            bytes.drain(start..end);
        }
        2 => {
            let noise: Vec<u8> = (0..rng.range(1, 32)).map(|_| rng.next() as u8).collect();
            let i = at(rng);
            bytes.splice(i..i, noise);
        }
        3 => {
            // A piece repeated: nests a tag, lengthens a line or a header.
            let (start, end) = span(rng, len, 64);
            let piece = bytes[start..end].to_vec();
            let times = repeat_count(rng, piece.len(), len);
            bytes.splice(end..end, piece.repeat(times));
        }
        4 => {
            let other = &seeds[(rng.next() % seeds.len() as u64) as usize].bytes;
            let (start, end) = span(rng, other.len(), 4096);
            let i = at(rng);
            bytes.splice(i..i, other[start..end].iter().copied());
        }
        5 | 6 => {
            let token = TOKENS[(rng.next() % TOKENS.len() as u64) as usize];
            let i = at(rng);
            bytes.splice(i..i, token.iter().copied());
        }
        7 => {
            let token = TOKENS[(rng.next() % TOKENS.len() as u64) as usize];
            let times = repeat_count(rng, token.len(), len);
            let i = at(rng);
            bytes.splice(i..i, token.repeat(times));
        }
        8 => bytes.truncate(at(rng)),
        9 => {
            // A run of digits made another number: a day 31, a year 0, a huge length.
            let from = at(rng);
            let Some(start) = (0..len)
                .map(|k| (from + k) % len)
                .find(|&k| bytes[k].is_ascii_digit())
            else {
                return;
            };
            let end = (start..len)
                .find(|&k| !bytes[k].is_ascii_digit())
                .unwrap_or(len);
            let number = [
                "0",
                "00",
                "31",
                "99",
                "-1",
                "4294967296",
                "99999999999999999999",
            ][(rng.next() % 7) as usize];
            bytes.splice(start..end, number.bytes());
        }
        10 => {
            let (start, end) = span(rng, len, 512);
            let (a, b) = span(rng, len, 512);
            let piece = bytes[start..end].to_vec();
            bytes.splice(a..b, piece);
        }
        _ => {
            // Case changed over a stretch: some characters change length with it.
            let (start, end) = span(rng, len, 2048);
            let text = String::from_utf8_lossy(&bytes[start..end]).to_uppercase();
            bytes.splice(start..end, text.into_bytes());
        }
    }
    bytes.truncate(MAX_INPUT);
}

/// A stretch of at most `most` bytes within `len`.
fn span(rng: &mut Rng, len: usize, most: usize) -> (usize, usize) {
    if len == 0 {
        return (0, 0);
    }
    let start = (rng.next() % len as u64) as usize;
    let n = (rng.next() % most as u64) as usize + 1;
    (start, (start + n).min(len))
}

/// How many times to repeat a piece: mostly a few, sometimes enough to nest thousands of levels
/// deep or to fill `MAX_INPUT` (rarely: the largest inputs take most of a run's time).
fn repeat_count(rng: &mut Rng, piece: usize, len: usize) -> usize {
    let wanted = match rng.next() % 16 {
        0..=4 => 2,
        5..=8 => 10,
        9..=11 => 100,
        12..=13 => 1_000,
        14 => 10_000,
        _ => 100_000,
    };
    let room = MAX_INPUT.saturating_sub(len) / piece.max(1);
    wanted.min(room)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_input_is_the_same_bytes_every_time() {
        let seeds = seeds(&[]).unwrap();
        for i in [0, 1, 7, 1_000_003] {
            assert_eq!(input(&seeds, 1, i), input(&seeds, 1, i));
        }
        assert_ne!(input(&seeds, 1, 5).1, input(&seeds, 2, 5).1);
    }

    #[test]
    fn inputs_come_from_every_kind_of_seed_and_stay_bounded() {
        let seeds = seeds(&[]).unwrap();
        let mut kinds = std::collections::BTreeSet::new();
        for i in 0..500 {
            let (from, bytes) = input(&seeds, 1, i);
            kinds.insert(seeds[from].kind.as_str());
            assert!(
                bytes.len() <= MAX_INPUT + 4096,
                "input {i}: {} bytes",
                bytes.len()
            );
        }
        let all: std::collections::BTreeSet<&str> = seeds.iter().map(|s| s.kind.as_str()).collect();
        assert_eq!(kinds, all);
    }
}
