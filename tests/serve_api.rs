//! End-to-end tests of `annals serve`'s JSON API and page on a store of the examples: the real
//! binary on a free loopback port, asked over plain HTTP/1.1.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use common::annals;
use serde_json::Value;

/// The server, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(db: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .expect("the server prints its address")
        .trim()
        .trim_end_matches('/')
        .to_string();
    Server { child, addr }
}

/// Status, content type and body of `GET path`.
fn get(server: &Server, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.addr
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    let status = head[9..12].parse().unwrap();
    let kind = head
        .lines()
        .find_map(|l| l.strip_prefix("content-type: "))
        .unwrap_or_default()
        .to_string();
    (status, kind, body.to_string())
}

fn json(server: &Server, path: &str) -> Value {
    let (status, kind, body) = get(server, path);
    assert_eq!(status, 200, "{path}: {body}");
    assert!(kind.starts_with("application/json"), "{path}: {kind}");
    serde_json::from_str(&body).unwrap()
}

fn error(server: &Server, path: &str, want: u16) -> String {
    let (status, _, body) = get(server, path);
    assert_eq!(status, want, "{path}: {body}");
    let v: Value = serde_json::from_str(&body).unwrap_or_else(|_| panic!("{path}: {body}"));
    v["error"].as_str().unwrap().to_string()
}

fn examples_store(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("a.db");
    let out = annals(&[
        "ingest",
        "--quiet",
        "--db",
        db.to_str().unwrap(),
        "examples/articles",
    ]);
    assert!(out.status.success());
    db
}

#[test]
fn the_api_answers_every_query_of_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(&examples_store(dir.path()));
    let (status, kind, page) = get(&server, "/");
    assert_eq!((status, kind.as_str()), (200, "text/html; charset=utf-8"));
    assert!(page.contains("<title>Annals</title>") && page.contains("/app.js"));
    assert_eq!(get(&server, "/app.js").0, 200);
    assert_eq!(get(&server, "/style.css").0, 200);

    let actors = json(&server, "/api/actors");
    assert!(actors[0]["code"].is_string() && actors[0]["events"].as_u64() > Some(0));
    let japan = actors
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == "JPN");
    assert_eq!(japan.map(|a| a["name"].clone()), Some("Japan".into()));
    let roots = json(&server, "/api/roots");
    assert_eq!(roots.as_array().map(Vec::len), Some(20));
    assert_eq!(roots[18]["code"], "19");
    assert!(
        roots[18]["name"].as_str().is_some_and(|n| !n.is_empty()),
        "{roots}"
    );
    let timeline = json(&server, "/api/timeline");
    let first = &timeline[0];
    assert!(first["reports"].as_array().unwrap().len() <= 3, "{first}");
    let merged = json(&server, &format!("/api/merged/{}", first["id"]));
    let report = &merged["reports"][0];
    let doc_id = report["doc_ids"][0].as_str().unwrap();
    let doc = json(&server, &format!("/api/documents/{doc_id}"));
    // The sentence the report cites is in its document, where the document says it is.
    let body: Vec<char> = doc["body"].as_str().unwrap().chars().collect();
    let span = &doc["sentences"][report["sentence"].as_u64().unwrap() as usize];
    let (a, b) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    let sentence: String = body[a..b].iter().collect();
    assert_eq!(sentence.trim(), report["evidence"].as_str().unwrap().trim());

    let (a, b) = (
        actors[0]["code"].as_str().unwrap(),
        actors[1]["code"].as_str().unwrap(),
    );
    let dyad = json(&server, &format!("/api/timeline?dyad={a},{b}"));
    let events = json(&server, &format!("/api/events?dyad={a},{b}"));
    assert!(events.as_array().unwrap().len() >= dyad.as_array().unwrap().len());
    let years = json(&server, &format!("/api/relations?dyad={a},{b}&by=year"));
    assert!(years.as_array().is_some_and(|y| !y.is_empty()));
    let docs = json(&server, "/api/documents?limit=2&offset=1");
    assert_eq!(docs.as_array().unwrap().len(), 2, "{docs}");
    assert!(docs[0]["id"].is_string() && docs[0]["events"].is_u64());
    // Undated merged events are listed last, and alone with `undated=true`.
    let all = json(&server, "/api/timeline");
    let undated = json(&server, "/api/timeline?undated=true");
    let undated = undated.as_array().unwrap();
    assert!(!undated.is_empty() && undated.iter().all(|r| r["earliest"] == ""));
    let all = all.as_array().unwrap();
    assert_eq!(&all[all.len() - undated.len()..], undated.as_slice());
    let hits = json(&server, "/api/search?q=border");
    assert!(hits[0]["snippet"].is_string(), "{hits}");
    // A search among the articles that report an event of a dyad finds only those; cooperation
    // and conflict split the timeline.
    let count = |path: &str| json(&server, path).as_array().unwrap().len();
    let everywhere = count("/api/search?q=minister");
    let among = count("/api/search?q=minister&dyad=USA,JPN");
    assert!(among > 0 && among < everywhere, "{among} of {everywhere}");
    assert!(error(&server, "/api/search?q=minister&dyad=USA", 400).contains("two codes"));
    let coop = count("/api/timeline?relation=cooperation");
    let conflict = count("/api/timeline?relation=conflict");
    assert!(
        coop > 0 && conflict > 0 && coop + conflict == count("/api/timeline"),
        "{coop} + {conflict}"
    );
}

#[test]
fn bad_requests_get_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(&examples_store(dir.path()));
    assert!(error(&server, "/api/timeline?dyad=RUS", 400).contains("two codes"));
    assert!(error(&server, "/api/relations?by=week", 400).contains("year or month"));
    assert!(error(&server, "/api/timeline?relation=peace", 400).contains("cooperation"));
    assert!(error(&server, "/api/search?q=", 400).contains("words"));
    assert!(error(&server, "/api/search?q=%22unclosed", 400).len() > 3);
    assert!(error(&server, "/api/documents/zz", 400).contains("hex digits"));
    assert!(error(&server, "/api/documents/ffffffffffff", 404).contains("no document"));
    assert!(error(&server, "/api/merged/x", 400).contains("number"));
    assert!(error(&server, "/api/merged/999999", 404).contains("no merged event"));
    assert!(error(&server, "/nothing/here", 404).contains("no such page"));
    assert!(error(&server, "/api/timeline?historical=maybe", 400).contains("historical"));
    // Dates are checked, not compared as text.
    assert!(error(&server, "/api/timeline?from=banana", 400).contains("2014-09-03"));
    assert!(error(&server, "/api/events?from=2016/07", 400).contains("a month or a day"));
    assert!(error(&server, "/api/relations?to=2014-02-31", 400).contains("not a day"));
    assert_eq!(get(&server, "/api/timeline?from=2014-02&to=2014-02").0, 200);
    assert!(error(&server, "/api/timeline?undated=true&from=2014", 400).contains("undated"));
    assert!(error(&server, "/api/events?min_confidence=2", 400).contains("from 0 to 1"));
    assert!(error(&server, "/api/timeline?min_confidence=high", 400).contains("0.7"));
    // Actors and codes are checked as the command line checks them.
    assert!(error(&server, "/api/timeline?actor=XXXX", 400).contains("RUSGOV"));
    assert!(error(&server, "/api/relations?dyad=RUS,QQQ", 400).contains("QQQ"));
    assert!(error(&server, "/api/events?code=999", 400).contains("not a CAMEO code"));
    // Where: a state and a circle, checked as the command line checks them.
    assert!(error(&server, "/api/timeline?country=XXX", 400).contains("alpha-3"));
    assert!(error(&server, "/api/events?near=95,1,2", 400).contains("latitude -90 to 90"));
    let moscow = json(&server, "/api/timeline?near=55.75,37.62,50");
    let rows = moscow.as_array().unwrap();
    assert!(!rows.is_empty() && rows.len() < 5, "{moscow}");
    let russia = json(&server, "/api/events?country=rus");
    assert!(!russia.as_array().unwrap().is_empty(), "{russia}");
    assert_eq!(get(&server, "/api/events?actor=rusgov&code=11").0, 200);
    assert_eq!(get(&server, "/api/timeline?min_confidence=0.7").0, 200);
    // A search too long to run is refused at once.
    let terms: Vec<String> = (0..2_001).map(|i| format!("border{i}")).collect();
    let long = format!("/api/search?q={}", terms.join("%20OR%20"));
    assert!(error(&server, &long, 400).contains("over the limit"));
}

#[test]
fn a_missing_store_is_refused_before_listening() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.db");
    let out = annals(&[
        "serve",
        "--addr",
        "127.0.0.1:0",
        "--db",
        missing.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("does not exist") && err.contains("annals ingest"),
        "{err}"
    );
    assert!(!missing.exists(), "serving must not create a store");
}
