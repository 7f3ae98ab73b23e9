//! End-to-end tests of `annals extract`: the real binary on files these tests create.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::annals;
use serde_json::Value;

fn documents(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const ARTICLE: &str = "Leaders agree to reopen border crossings\n\n\
    By Ann Example\n\n\
    The two presidents agreed on Friday to reopen three border crossings that were closed during the pandemic, their offices said in a joint statement.\n\n\
    Trade between the neighbours has fallen by half since the crossings were shut, and business groups on both sides had urged a quick deal.\n\n\
    Share this article\n";

#[test]
fn the_examples_extract_to_one_json_object_each() {
    let out = annals(&["extract", "examples/articles"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = documents(&out);
    let count = fs::read_dir("examples/articles").unwrap().count();
    assert_eq!(docs.len(), count);
    for d in &docs {
        for field in [
            "id",
            "path",
            "title",
            "outlet",
            "authors",
            "language",
            "published",
            "body",
            "removed",
            "sentences",
        ] {
            assert!(d.get(field).is_some(), "{field} missing in {}", d["path"]);
        }
        let body: Vec<char> = d["body"].as_str().unwrap().chars().collect();
        for s in d["sentences"].as_array().unwrap() {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert!(
                start < end && end <= body.len(),
                "sentence span out of the body in {}",
                d["path"]
            );
        }
    }
}

#[test]
fn bad_inputs_get_one_clear_error_each_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    fs::write(p("a_good.txt"), ARTICLE).unwrap();
    fs::write(p("b_binary.bin"), b"\x00\x01\x02binary\x00data").unwrap();
    fs::write(p("c_empty.txt"), b"").unwrap();
    let mut bad_utf8 = ARTICLE.as_bytes().to_vec();
    bad_utf8.extend_from_slice(b"\nCaf\xe9 owners welcomed the decision, and more than a dozen of them said so in the square.\n");
    fs::write(p("d_invalid_utf8.txt"), bad_utf8).unwrap();
    fs::write(p("e_huge_one_line.txt"), "word ".repeat(10_000_000)).unwrap();
    std::os::unix::fs::symlink(p("no-such-target"), p("f_dangling_link.txt")).unwrap();

    let out = annals(&["extract", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert!(
        out.status.success(),
        "some inputs were good, so exit 0: {err}"
    );
    let docs = documents(&out);
    let paths: Vec<&str> = docs.iter().map(|d| d["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths[0].ends_with("a_good.txt") && paths[1].ends_with("d_invalid_utf8.txt"));
    assert_eq!(docs[0]["title"], "Leaders agree to reopen border crossings");
    assert!(docs[1]["body"]
        .as_str()
        .unwrap()
        .contains("Caf\u{FFFD} owners"));

    let expect = [
        (
            "b_binary.bin",
            "not text: binary data (NUL byte at offset 0)",
        ),
        ("c_empty.txt", "empty input"),
        ("d_invalid_utf8.txt", "warning"),
        ("e_huge_one_line.txt", "too large: 50.0 MB"),
        ("f_dangling_link.txt", "cannot read"),
    ];
    for (file, message) in expect {
        let line = err
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("no message for {file}: {err}"));
        assert!(line.contains(message), "{file}: {line}");
    }
    assert!(err.contains("4 of 6 input(s) failed"), "{err}");

    let strict = annals(&["extract", "--strict", dir.path().to_str().unwrap()]);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn an_unreadable_file_is_reported_and_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), ARTICLE).unwrap();
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, ARTICLE).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any file whatever its mode: then a directory entry that cannot be opened as a
    // file stands in for it (a FIFO would block, a directory is walked; a socket refuses).
    if fs::File::open(&locked).is_ok() {
        fs::remove_file(&locked).unwrap();
        let _ = std::os::unix::net::UnixListener::bind(&locked).unwrap();
    }
    let out = annals(&["extract", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_eq!(documents(&out).len(), 1);
    let line = err
        .lines()
        .find(|l| l.contains("locked.txt"))
        .expect("locked.txt is reported");
    assert!(line.contains("cannot read"), "{line}");
}

#[test]
fn exit_code_is_1_when_every_input_fails() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = annals(&[
        "extract",
        dir.path().join("empty.txt").to_str().unwrap(),
        "no/such/file.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("no/such/file.txt: cannot read"), "{err}");
    assert!(err.contains("2 of 2 input(s) failed"), "{err}");
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let out = common::annals_fed(&["extract", "-"], ARTICLE.as_bytes());
    let docs = documents(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["path"], "-");
    assert_eq!(docs[0]["authors"], serde_json::json!(["Ann Example"]));
}

#[test]
fn lines_repeated_across_a_site_are_dropped_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let footer = "Our newsroom brings you independent reporting from across the region";
    for (i, topic) in ["rail", "power", "water"].iter().enumerate() {
        let page = format!(
            "Ministers discuss new {topic} projects\n\nThe ministers met on Monday to discuss new {topic} projects and agreed to meet again before the end of the year.\n\n{footer}\n"
        );
        fs::write(dir.path().join(format!("{i}.txt")), page).unwrap();
    }
    let reasons = |args: &[&str]| -> Vec<String> {
        let out = annals(args);
        documents(&out)
            .iter()
            .flat_map(|d| d["removed"].as_array().unwrap().clone())
            .filter(|r| r["text"] == footer)
            .map(|r| r["reason"].as_str().unwrap().to_string())
            .collect()
    };
    let d = dir.path().to_str().unwrap();
    assert_eq!(
        reasons(&["extract", "--drop-repeated", "3", d]),
        vec!["repeated-on-site"; 3]
    );
    assert_eq!(reasons(&["extract", d]), vec!["outside-body"; 3]);
    assert!(reasons(&["extract", "--drop-repeated", "4", d])
        .iter()
        .all(|r| r != "repeated-on-site"));
}

#[test]
fn pretty_view_names_every_removed_line() {
    let out = annals(&[
        "extract",
        "--pretty",
        "examples/articles/01_wire_on_finance_site.txt",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("title      EU ministers back new sanctions on Russia over Ukraine"),
        "{text}"
    );
    assert!(text.contains("boilerplate/disclaimer"), "{text}");
    assert!(
        text.contains("weekday") && text.contains("2019-05-07 is a Tuesday"),
        "{text}"
    );
    // Time expressions are listed with their normalized values.
    assert!(text.contains("timexes"), "{text}");
}

#[test]
fn help_is_written_for_a_newcomer() {
    let out = annals(&["extract", "--help"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("--drop-repeated") && text.contains("standard input"),
        "{text}"
    );
    assert!(Path::new(env!("CARGO_BIN_EXE_annals")).exists());
}
