//! End-to-end tests of web input: HTML pages, JSON Lines feeds and WARC archives (gzip or not),
//! recognized by content, fed to `annals extract` and `annals ingest`, with a bad record or a
//! cut-short file an error of its own while the rest goes on. Every page here is synthetic.

mod common;

use std::fs;
use std::io::Write;

use common::annals;
use serde_json::{json, Value};

const PAGE: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ministers meet as island talks stall | Example News</title>
<meta property="og:site_name" content="Example News">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ministers meet as island talks stall",
"author":{"@type":"Person","name":"Ann Lee"},"datePublished":"2021-06-05T09:15:00+09:00"}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers meet as island talks stall</h1>
<p>Japan's foreign minister met his Russian counterpart in Tokyo on Saturday, the ministry said in a statement.</p>
<figure><img src="a.jpg"><figcaption>The two ministers before their talks in Tokyo.</figcaption></figure>
<p>Russia accused Japan of staging military drills near the disputed islands last week, a charge Tokyo rejected.</p>
<p>The two sides agreed to meet again next year, but neither would give ground on the islands, officials said.</p>
</article><footer>Terms of Use | Privacy Policy</footer></body></html>"#;

/// A French page in Latin-1 that says so only in its `<meta charset>`.
fn latin1_page() -> Vec<u8> {
    let page = "<html><head><meta charset='iso-8859-1'></head><body><article>\
        <p>Le ministre japonais des affaires étrangères a rencontré son homologue russe à Moscou lundi, a indiqué le ministère.</p>\
        <p>La Russie a accusé le Japon de mener des exercices militaires près des îles la semaine dernière.</p>\
        </article></body></html>";
    page.chars().map(|c| c as u32 as u8).collect()
}

fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\n\
         WARC-Date: 2021-06-08T12:00:00Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    r.extend_from_slice(body);
    r
}

/// An archive as crawlers write it: its own metadata, a request, the page, an image, a record
/// whose header is broken, and a page in another charset; each record a gzip member.
fn warc_gz() -> Vec<u8> {
    let response = "application/http; msgtype=response";
    let records = [
        warc_record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        warc_record(
            "request",
            "https://news.example/a",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\n\r\n",
        ),
        warc_record(
            "response",
            "https://news.example/2021/06/05/talks",
            response,
            &http("text/html; charset=utf-8", PAGE.as_bytes()),
        ),
        warc_record(
            "response",
            "https://news.example/logo.png",
            response,
            &http("image/png", b"\x89PNG...."),
        ),
        b"WARC/1.0\r\nthis line is no header\r\n\r\n".to_vec(),
        warc_record(
            "response",
            "https://fr.example/ministres",
            response,
            &http("text/html", &latin1_page()),
        ),
    ];
    records.iter().flat_map(|r| gzip(r)).collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(bytes).unwrap();
    z.finish().unwrap()
}

/// A feed as news-please writes it, with a line cut short and a record without text.
fn feed() -> String {
    let lines = [
        json!({"url": "https://news.example/2021/06/07/moscow", "title": "Talks in Moscow",
               "maintext": "Japan's foreign minister met his Russian counterpart in Moscow on Monday. Russia accused Japan of staging military drills near the islands last week.",
               "date_publish": "2021-06-07 10:00:00", "source_domain": "news.example", "language": "en"})
        .to_string(),
        r#"{"url": "https://news.example/cut", "title": "#.to_string(),
        json!({"url": "https://news.example/empty", "title": "No text here"}).to_string(),
        json!({"url": "https://news.example/page", "html": PAGE}).to_string(),
    ];
    lines.join("\n") + "\n"
}

/// Extracts `bytes` written to a file named `name`: the documents, standard error, success.
fn extract_file(name: &str, bytes: &[u8]) -> (Vec<Value>, String, bool) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    let out = annals(&["extract", path.to_str().unwrap()]);
    let docs = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        docs,
        String::from_utf8(out.stderr).unwrap(),
        out.status.success(),
    )
}

#[test]
fn an_html_page_is_read_for_its_article_and_markup() {
    // The name says text; the content says HTML.
    let (docs, err, ok) = extract_file("page.txt", PAGE.as_bytes());
    assert!(ok, "{err}");
    let d = &docs[0];
    assert_eq!(d["title"], "Ministers meet as island talks stall");
    assert_eq!(d["authors"], json!(["Ann Lee"]));
    assert_eq!(d["published"]["earliest"], "2021-06-05");
    assert_eq!(d["published"]["basis"], "markup");
    assert_eq!(
        d["published"]["evidence"][0]["rule"],
        "json-ld datePublished"
    );
    let body = d["body"].as_str().unwrap();
    assert!(body.starts_with("Japan's foreign minister met"), "{body}");
    for gone in ["Home", "before their talks", "Privacy"] {
        assert!(!body.contains(gone), "{gone}: {body}");
    }
    assert!(!d["events"].as_array().unwrap().is_empty(), "{d}");
}

#[test]
fn a_feed_gives_one_document_a_line_and_an_error_for_a_bad_line() {
    let (docs, err, ok) = extract_file("feed.data", feed().as_bytes());
    assert!(ok, "{err}");
    let paths: Vec<&str> = docs.iter().map(|d| d["path"].as_str().unwrap()).collect();
    assert!(
        paths[0].ends_with("feed.data:1") && paths[1].ends_with("feed.data:4"),
        "{paths:?}"
    );
    assert_eq!(docs[0]["url"], "https://news.example/2021/06/07/moscow");
    assert_eq!(docs[0]["published"]["value"], "2021-06-07T10:00");
    assert_eq!(docs[0]["published"]["evidence"][0]["rule"], "record date");
    assert_eq!(docs[0]["site"], "news.example");
    // The HTML of a record is read as a page.
    assert_eq!(docs[1]["published"]["earliest"], "2021-06-05");
    assert!(
        err.contains("feed.data:2: bad record: invalid JSON"),
        "{err}"
    );
    assert!(err.contains("feed.data:3: bad record: no text"), "{err}");
}

#[test]
fn an_archive_gives_its_pages_and_skips_the_rest() {
    let (docs, err, ok) = extract_file("crawl.warc.gz", &warc_gz());
    assert!(ok, "{err}");
    assert_eq!(docs.len(), 2, "{err}");
    let (en, fr) = (&docs[0], &docs[1]);
    assert!(en["path"].as_str().unwrap().ends_with("crawl.warc.gz#3"));
    assert_eq!(en["url"], "https://news.example/2021/06/05/talks");
    assert_eq!(en["fetched"], "2021-06-08T12:00:00Z");
    assert_eq!(en["published"]["earliest"], "2021-06-05");
    // Latin-1 read as declared in the page.
    assert!(
        fr["body"].as_str().unwrap().contains("affaires étrangères"),
        "{fr}"
    );
    assert_eq!(fr["language"], "fr");
    assert!(
        err.contains("crawl.warc.gz#5: bad record: a WARC header"),
        "{err}"
    );
    assert!(err.contains("3 archive record(s) skipped"), "{err}");
}

#[test]
fn a_cut_short_archive_keeps_the_records_before_the_cut() {
    let whole = warc_gz();
    let (docs, err, ok) = extract_file("cut.warc.gz", &whole[..whole.len() - 100]);
    assert!(ok, "{err}");
    assert_eq!(docs.len(), 1, "{err}");
    assert!(
        err.contains("cut.warc.gz#6: cannot read: the file is cut short"),
        "{err}"
    );
}

#[test]
fn web_inputs_are_ingested_beside_text_and_errors_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).unwrap();
    fs::write(inputs.join("crawl.warc.gz"), warc_gz()).unwrap();
    fs::write(inputs.join("feed.jsonl.gz"), gzip(feed().as_bytes())).unwrap();
    fs::write(inputs.join("note.txt.gz"), gzip(b"Island talks\n\nMay 3, 2021\n\nMongolia and China signed a trade agreement in Ulaanbaatar on Monday, officials said.\n")).unwrap();
    let db = dir.path().join("w.db");
    let run = || {
        let out = annals(&[
            "ingest",
            "--quiet",
            "--format",
            "json",
            "--db",
            db.to_str().unwrap(),
            inputs.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let first = run();
    // Two pages of the archive, two records of the feed, the note.
    assert_eq!(first["documents"], 5, "{first}");
    assert_eq!(first["known"], 0, "{first}");
    assert_eq!(first["errors"], 3, "{first}");
    assert_eq!(first["skipped"], 3, "{first}");
    let again = run();
    assert_eq!(
        (again["documents"].as_u64(), again["known"].as_u64()),
        (Some(0), Some(5))
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let url: String = conn
        .query_row(
            "SELECT url FROM documents WHERE path LIKE '%crawl.warc.gz#6'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(url, "https://fr.example/ministres");
}

/// `extract --jsonl-in` (for pipes such as Spark's `RDD.pipe`): one output line per input
/// record, in input order, an error record (with the input's id) for a record that fails.
fn stream(input: &[u8]) -> Vec<Value> {
    let out = common::annals_fed(&["extract", "--jsonl-in"], input);
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn streaming_mode_answers_every_record_in_order() {
    let input = [
        r#"{"title": "cut short"#.to_string(),
        json!({"id": "a1", "title": "Talks in Moscow", "text": "Russia accused Japan of staging military drills near the islands last week, officials said.", "date": "2021-06-07"}).to_string(),
        json!({"id": 3, "url": "https://news.example/empty"}).to_string(),
        json!({"id": "p4", "html": PAGE}).to_string(),
    ]
    .join("\n");
    for bytes in [input.as_bytes().to_vec(), gzip(input.as_bytes())] {
        let out = stream(&bytes);
        assert_eq!(out.len(), 4, "{out:?}");
        assert!(out[0]["error"].as_str().unwrap().contains("invalid JSON"));
        assert_eq!(out[0]["path"], "-:1");
        assert_eq!(out[1]["record_id"], "a1");
        assert!(
            !out[1]["events"].as_array().unwrap().is_empty(),
            "{}",
            out[1]
        );
        assert_eq!(
            (out[2]["id"].as_str(), out[2]["path"].as_str()),
            (Some("3"), Some("-:3"))
        );
        assert!(out[2]["error"].as_str().unwrap().contains("no text"));
        assert_eq!(out[3]["record_id"], "p4");
        assert_eq!(out[3]["published"]["earliest"], "2021-06-05");
    }
    // Nothing but failures is still a stream answered in full (`stream` checks the exit code).
    let failures = stream(
        b"not JSON
[1, 2]
",
    );
    assert_eq!(failures.len(), 2);
    assert!(failures.iter().all(|f| f["error"].is_string()));
}

/// A scraped page given as `page_text` is cleaned as the same page in a file is; `text` is
/// taken as the article itself (every line of it kept unless it looks like boilerplate).
#[test]
fn a_scraped_page_in_a_feed_is_cleaned_as_a_file_is() {
    let path = "examples/articles/01_wire_on_finance_site.txt";
    let page = fs::read_to_string(path).unwrap();
    let from_file = extract_file("page.txt", page.as_bytes()).0.remove(0);
    let record = json!({ "id": "p", "page_text": page }).to_string();
    let from_record = stream(record.as_bytes()).remove(0);
    for field in ["title", "outlet", "body", "published", "events"] {
        assert_eq!(from_record[field], from_file[field], "{field}");
    }
    assert!(from_file["removed"]
        .as_array()
        .is_some_and(|r| !r.is_empty()));
}
