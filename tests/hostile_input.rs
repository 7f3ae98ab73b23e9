//! Hostile input never takes the batch down: each case a user or an attacker can hand Annals
//! (generated here, small) gives one clear error for that input, or works, and the rest of its
//! batch is stored. Every command runs with a deadline, so that a regression to a hang fails
//! the test instead of stalling the suite.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const ARTICLE: &str = "Leaders agree to reopen border crossings\n\nMarch 3, 2021\n\n\
    Mongolia and China agreed on Monday to reopen two border crossings, officials said in \
    Ulaanbaatar. Japan urged Russia on Tuesday to resume talks on a peace treaty.\n";

/// Runs `annals args`, killing it (and failing) if it runs over a minute.
fn run(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("annals runs");
    let started = Instant::now();
    while child.try_wait().expect("waiting").is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("annals {args:?} ran for over a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("annals ends")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `annals extract` of one file of `bytes`, written in `dir` as `name`.
fn extract_one(dir: &Path, name: &str, bytes: &[u8]) -> Output {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    run(&["extract", path.to_str().unwrap()])
}

/// `annals ingest` of `inputs` into `db`: its summary.
fn ingest(inputs: &Path, db: &Path) -> Value {
    let out = run(&[
        "ingest",
        "--quiet",
        "--format",
        "json",
        "--db",
        db.to_str().unwrap(),
        inputs.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("JSON summary")
}

/// The store's errors: path and message.
fn errors(db: &Path) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut st = conn
        .prepare("SELECT path, message FROM errors ORDER BY path")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn nested(open: &str, close: &str, n: usize) -> String {
    format!(
        "<html><body><p>{}x{}</p></body></html>",
        open.repeat(n),
        close.repeat(n)
    )
}

/// A folder of good articles and one hostile page beside them.
fn batch_with(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let inputs = dir.join("in");
    fs::create_dir_all(&inputs).unwrap();
    for i in 0..3 {
        fs::write(
            inputs.join(format!("good{i}.txt")),
            format!("{ARTICLE}\nItem {i}.\n"),
        )
        .unwrap();
    }
    fs::write(inputs.join(name), bytes).unwrap();
    inputs
}

#[test]
fn a_page_nested_too_deep_is_an_error_and_the_batch_is_stored() {
    // 50,000 nested <b>: the recursion of the HTML stages overflowed a worker's stack.
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch_with(
        dir.path(),
        "deep.html",
        nested("<b>", "</b>", 50_000).as_bytes(),
    );
    let db = dir.path().join("s.db");
    let summary = ingest(&inputs, &db);
    assert_eq!(summary["documents"], 3, "{summary}");
    assert_eq!(summary["errors"], 1, "{summary}");
    let errs = errors(&db);
    assert!(errs[0].0.ends_with("deep.html"), "{errs:?}");
    assert_eq!(errs[0].1, "too deeply nested: over 512 levels of elements");
    // 500,000 (3.5 MB, under the size limit) and 100,000 nested <div> (which took for ever).
    for page in [
        nested("<b>", "</b>", 500_000),
        nested("<div>", "</div>", 100_000),
    ] {
        let out = extract_one(dir.path(), "p.html", page.as_bytes());
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("too deeply nested"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn a_page_that_would_take_long_to_read_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    // 400 levels, then 10,000 elements at the bottom: not too deep, but the extractor's work
    // grows with each element's depth.
    let wide = format!(
        "<html><body>{}{}</body></html>",
        "<div>".repeat(400),
        "<b>x</b> ".repeat(10_000)
    );
    // Each stray </p> makes a paragraph: a small page, millions of elements.
    let stray = format!("<html><body>{}</body></html>", "</p>".repeat(1_000_000));
    // One text of 1 MB without markup (found by the fuzzer: the extractor's work on a text
    // grows with the square of its length).
    let long = format!(
        "<html><body><p>{}</p></body></html>",
        "The minister spoke. ".repeat(50_000)
    );
    for (page, message) in [
        (wide, "too costly to read"),
        (stray, "too many elements"),
        (long, "a text of 1,000,000 bytes without markup"),
    ] {
        let out = extract_one(dir.path(), "p.html", page.as_bytes());
        assert!(stderr(&out).contains(message), "{}", stderr(&out));
    }
}

#[test]
fn a_fifo_in_a_folder_is_reported_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch_with(dir.path(), "note.txt", ARTICLE.as_bytes());
    let fifo = inputs.join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let out = run(&["extract", inputs.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("pipe: cannot read: a named pipe (FIFO), not a regular file"),
        "{}",
        stderr(&out)
    );
    let db = dir.path().join("s.db");
    let summary = ingest(&inputs, &db);
    assert_eq!(
        (summary["documents"].as_u64(), summary["errors"].as_u64()),
        (Some(4), Some(1))
    );
}

fn warc_record(kind: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://news.example/a\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(bytes).unwrap();
    z.finish().unwrap()
}

fn page(text: &str) -> String {
    format!("<html><body><article><p>{text}</p><p>{text}</p></article></body></html>")
}

#[test]
fn an_archive_record_over_the_limit_is_an_error_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let http = |headers: &str, body: &[u8]| {
        let mut r =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n{headers}\r\n").into_bytes();
        r.extend_from_slice(body);
        r
    };
    // A gzip-encoded body that unpacks to 50 MB, a record of 3 MB, then a good page.
    let bomb = gzip(&vec![b' '; 50_000_000]);
    let archive = [
        warc_record("response", &http("Content-Encoding: gzip\r\n", &bomb)),
        warc_record("response", &http("", &vec![b'x'; 3_000_000])),
        warc_record("response", &http("", page(ARTICLE).as_bytes())),
    ]
    .concat();
    let path = dir.path().join("crawl.warc.gz");
    fs::write(&path, gzip(&archive)).unwrap();
    let out = run(&["extract", "--max-bytes", "1000000", path.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("crawl.warc.gz#1: too large: over the limit of 1.0 MB"),
        "{err}"
    );
    assert!(
        err.contains("crawl.warc.gz#2: too large: 3.0 MB, over the limit of 1.0 MB"),
        "{err}"
    );
    let docs = String::from_utf8_lossy(&out.stdout);
    assert_eq!(docs.lines().count(), 1, "{docs}");
    assert!(docs.contains("crawl.warc.gz#3"), "{docs}");
}

#[test]
fn an_archive_without_records_is_a_failed_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = extract_one(dir.path(), "empty.warc", b"WARC/1.0\r\n");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("empty.warc#1: cannot read: the file is cut short"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn utf16_pages_and_texts_with_their_mark_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let le = |s: &str| -> Vec<u8> {
        [
            &b"\xFF\xFE"[..],
            &s.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
        ]
        .concat()
    };
    let be = |s: &str| -> Vec<u8> {
        [
            &b"\xFE\xFF"[..],
            &s.encode_utf16()
                .flat_map(u16::to_be_bytes)
                .collect::<Vec<u8>>(),
        ]
        .concat()
    };
    fs::write(dir.path().join("a.html"), le(&page(ARTICLE))).unwrap();
    fs::write(dir.path().join("b.txt"), be(ARTICLE)).unwrap();
    let out = run(&["extract", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 2, "{}", stderr(&out));
    for doc in docs {
        assert!(
            doc["body"]
                .as_str()
                .unwrap()
                .contains("Mongolia and China agreed"),
            "{doc}"
        );
    }
}

#[test]
fn the_store_in_an_input_folder_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch_with(dir.path(), "note.txt", ARTICLE.as_bytes());
    let db = inputs.join("annals.db");
    for _ in 0..2 {
        let summary = ingest(&inputs, &db);
        assert_eq!(summary["errors"], 0, "{summary}");
        assert_eq!(summary["inputs"], 4, "{summary}");
    }
    // Named on the command line, it is refused, not read.
    let out = run(&["ingest", "--db", db.to_str().unwrap(), db.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(
        err.contains("annals.db: the store being written (--db), not an input"),
        "{err}"
    );
}

/// A store of the article, for the queries.
fn store(dir: &Path) -> std::path::PathBuf {
    let inputs = batch_with(dir, "note.txt", ARTICLE.as_bytes());
    let db = dir.join("q.db");
    ingest(&inputs, &db);
    db
}

#[test]
fn queries_read_a_store_they_cannot_write_beside() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let before = fs::read(&db).unwrap();
    // SQLite cannot make its shared-memory file where a folder has its name: as on a read-only
    // or full disk, even for root, who may write to any file.
    let mut shm = db.clone().into_os_string();
    shm.push("-shm");
    fs::create_dir(&shm).unwrap();
    let d = db.to_str().unwrap();
    for args in [
        vec!["timeline", "--db", d],
        vec!["events", "--db", d],
        vec!["relations", "--db", d],
        vec!["search", "border", "--db", d],
        vec!["export", "--format", "csv", "--db", d],
    ] {
        let out = run(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    assert!(
        fs::read(&db).unwrap() == before,
        "a query changed the store"
    );
    // A file that is no store is said to be none.
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    let out = run(&["timeline", "--db", other.to_str().unwrap()]);
    assert!(
        stderr(&out).contains("is not a store of annals"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_search_too_long_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let terms: Vec<String> = (0..2_001).map(|i| format!("border{i}")).collect();
    let out = run(&["search", &terms.join(" OR "), "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("over the limit of 1000"),
        "{}",
        stderr(&out)
    );
    let words = ["border"; 100].join(" OR ");
    let out = run(&["search", &words, "--db", db.to_str().unwrap()]);
    assert!(
        stderr(&out).contains("199 words (operators included), over the limit of 64"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_bad_date_is_a_usage_error_that_says_the_forms() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let d = db.to_str().unwrap();
    for (args, message) in [
        (
            vec!["--from", "banana"],
            "give a year, a month or a day, as 2014, 2014-09 or 2014-09-03",
        ),
        (vec!["--from", "2016/07"], "give a year, a month or a day"),
        (vec!["--to", "2014-02-31"], "is not a day of the calendar"),
        (vec!["--from", "2015", "--to", "2014"], "is before from"),
    ] {
        let mut all = vec!["timeline", "--db", d];
        all.extend(&args);
        let out = run(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
    // A month's last day is its own: February 2021 ends on the 28th, and March 2021 starts after it.
    let count = |from: &str, to: &str| {
        let out = run(&[
            "events", "--db", d, "--from", from, "--to", to, "--format", "json",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice::<Value>(&out.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    assert!(count("2021-03", "2021-03") > 0);
    assert_eq!(count("2021-02", "2021-02"), 0);
}
