//! End-to-end tests of `annals ingest` and the queries: the real binary on the examples, on
//! generated articles (killed mid-ingest, then run again), on bad input, and on the seeds.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use annals::store::Store;
use common::annals;
use serde_json::Value;

fn ok(out: Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn json(out: Output) -> Value {
    serde_json::from_str(&ok(out)).expect("JSON")
}

fn ingest(paths: &[&str], db: &Path) -> Value {
    let db = db.to_str().unwrap();
    let mut args = vec!["ingest", "--quiet", "--format", "json", "--db", db];
    args.extend(paths);
    json(annals(&args))
}

fn count(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// Every reference in the store leads to a row: the writer keeps them without SQLite checking
/// each one, so the tests check them all.
fn assert_references_hold(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut st = conn.prepare("PRAGMA foreign_key_check").unwrap();
    let broken: Vec<(String, i64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        broken.is_empty(),
        "rows whose reference is missing: {broken:?}"
    );
}

#[test]
fn the_examples_ingest_once_and_answer_every_query() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let first = ingest(&["examples/articles"], &db);
    let n = fs::read_dir("examples/articles").unwrap().count() as u64;
    assert_eq!(first["documents"], n);
    assert_eq!(first["errors"], 0);
    let again = ingest(&["examples/articles"], &db);
    assert_eq!(
        (again["documents"].as_u64(), again["known"].as_u64()),
        (Some(0), Some(n))
    );
    assert_eq!(again["merge"]["merged"], first["merge"]["merged"]);
    assert_references_hold(&db);
    let d = db.to_str().unwrap();
    let events = json(annals(&["events", "--db", d, "--all", "--format", "json"]));
    assert_eq!(
        events.as_array().unwrap().len() as u64,
        first["events"].as_u64().unwrap()
    );
    let csv = ok(annals(&["timeline", "--db", d, "--format", "csv"]));
    assert!(
        csv.starts_with("earliest,latest,source,target,cameo"),
        "{csv}"
    );
    let table = ok(annals(&["relations", "--db", d, "--by", "month"]));
    assert!(
        table.starts_with("period") && table.contains("events    "),
        "{table}"
    );
    let hits = json(annals(&["search", "--db", d, "--format", "json", "border"]));
    let first_hit = hits[0]["doc"].as_str().expect("a document matches");
    let shown = ok(annals(&["show", "--db", d, first_hit]));
    assert!(
        shown.contains("events") && shown.contains("body"),
        "{shown}"
    );
    // A filter that cannot select anything is a usage error that says what is accepted.
    for (args, says) in [
        (&["timeline", "--from", "banana"][..], "2014-09-03"),
        (&["events", "--actor", "XXXX"], "RUSGOV"),
        (&["events", "--dyad", "RUS,QQQ"], "`annals kb`"),
        (&["relations", "--code", "999"], "not a CAMEO code"),
        (&["timeline", "--country", "XXX"], "alpha-3"),
        (&["events", "--near", "35.6,139.7"], "distance in km"),
        (
            &["export", "--format", "csv", "--min-confidence", "2"],
            "from 0 to 1",
        ),
    ] {
        let out = annals(&[args, &["--db", d]].concat());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    // The filter is checked first: the example, with no store at hand.
    let out = annals(&["timeline", "--from", "banana", "--db", "no-such.db"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("banana") && !err.contains("does not exist"),
        "{err}"
    );
    assert!(ok(annals(&[
        "events", "--db", d, "--actor", "rusgov", "--code", "11"
    ]))
    .contains("events"));
}

#[test]
fn every_export_format_holds_the_same_merged_events() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    ingest(&["examples/articles"], &db);
    let d = db.to_str().unwrap();
    let export = |format: &str, extra: &[&str]| {
        let mut args = vec!["export", "--db", d, "--format", format];
        args.extend(extra);
        ok(annals(&args))
    };
    let timeline = json(annals(&["timeline", "--db", d, "--format", "json"]));
    let rows = timeline.as_array().unwrap();
    // Undated merged events are listed too, last.
    let dated = rows.iter().take_while(|r| r["earliest"] != "").count();
    assert!(dated > 3, "{timeline}");
    let undated = json(annals(&[
        "timeline",
        "--db",
        d,
        "--undated",
        "--format",
        "json",
    ]));
    let undated = undated.as_array().unwrap();
    assert!(!undated.is_empty(), "the examples hold undated events");
    assert_eq!(dated + undated.len(), rows.len());
    assert!(rows[dated..].iter().all(|r| r["earliest"] == ""));
    let table = ok(annals(&["timeline", "--db", d]));
    assert!(table.contains("-- undated: "), "{table}");
    // Sides with their names beside their codes.
    assert!(table.contains("RUS Russia"), "{table}");
    // The table says how many events its filter left out, and how to see them.
    let all = json(annals(&[
        "timeline", "--db", d, "--all", "--format", "json",
    ]));
    let hidden = all.as_array().unwrap().len() - rows.len();
    assert!(
        hidden > 0,
        "the examples hold negated or hypothetical events"
    );
    let note = format!("{hidden} negated or hypothetical hidden: use --all");
    assert!(table.contains(&note), "{table}");
    let table = ok(annals(&["timeline", "--db", d, "--all"]));
    assert!(!table.contains("hidden: use --all"), "{table}");
    let csv = export("csv", &[]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "id");
    assert!(header.iter().any(|h| h == "evidence") && header.iter().any(|h| h == "rule"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.len() >= dated, "{} rows, {dated} dated", rows.len());
    let jsonl: Vec<Value> = export("jsonl", &[])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(jsonl.len(), rows.len());
    assert!(jsonl[0]["doc_ids"].is_array() && jsonl[0]["evidence"].is_string());
    let gdelt = export("gdelt", &[]);
    assert_eq!(gdelt.lines().count(), dated, "a GDELT row needs a day");
    // The sides of a meeting, a visit or a signing were where it happened (Actor1Geo and
    // Actor2Geo repeat ActionGeo); of other events, the text does not place them.
    let mut placed_sides = 0;
    let mut provinces = 0;
    for line in gdelt.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 61, "{line}");
        assert_eq!(f[1].len(), 8, "SQLDATE is YYYYMMDD: {line}");
        let (actor1, actor2, action) = (&f[35..43], &f[43..51], &f[51..59]);
        // A US state is of type 2, another first-level subdivision of type 5; its ADM1 code is
        // the state's FIPS code and its own ("USTX").
        if matches!(action[0], "2" | "5") {
            assert!(action[3].len() > action[2].len(), "{line}");
            provinces += 1;
        }
        let together = ["040", "042", "043", "044", "046", "057"];
        if together.iter().any(|c| f[26].starts_with(c)) {
            assert_eq!((actor1, actor2), (action, action), "{line}");
            placed_sides += usize::from(!action[0].is_empty());
        } else {
            assert!(actor1.iter().chain(actor2).all(|c| c.is_empty()), "{line}");
        }
    }
    assert!(placed_sides > 0, "the examples hold meetings in places");
    assert!(
        provinces > 0,
        "the examples place events in provinces and states"
    );
    let plover: Vec<Value> = export("plover", &[])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for p in &plover {
        for field in ["id", "date", "actor", "recipient", "event"] {
            assert!(!p[field].is_null(), "{field} missing: {p}");
        }
    }
    let reports = export("csv", &["--reports"]).lines().count() - 1;
    assert!(
        reports > rows.len(),
        "{reports} reports of {} events",
        rows.len()
    );
    let parquet = dir.path().join("e.parquet");
    ok(annals(&[
        "export",
        "--db",
        d,
        "--format",
        "parquet",
        "-o",
        parquet.to_str().unwrap(),
    ]));
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let file = SerializedFileReader::new(fs::File::open(&parquet).unwrap()).unwrap();
    let meta = file.metadata();
    assert_eq!(meta.file_metadata().num_rows() as usize, rows.len());
    let columns = meta.file_metadata().schema_descr().columns().len();
    assert_eq!(columns, header.len());
}

#[test]
fn bad_inputs_are_errors_of_their_own_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).unwrap();
    fs::write(
        inputs.join("binary.bin"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    )
    .unwrap();
    fs::write(inputs.join("empty.txt"), b"").unwrap();
    fs::write(
        inputs.join("latin1.txt"),
        b"Talks resume\n\nMarch 3, 2021\n\nThe ministers of Peru and Chile met in Lima on Tuesday. Caf\xe9 owners cheered.\n",
    )
    .unwrap();
    fs::write(
        inputs.join("good.txt"),
        "Visit\n\nMay 5, 2020\n\nThe president of France visited Germany on Monday.\n",
    )
    .unwrap();
    let db = dir.path().join("b.db");
    let s = ingest(&[inputs.to_str().unwrap()], &db);
    assert_eq!(
        (s["documents"].as_u64(), s["errors"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(count(&db, "errors"), 2);
    let store = Store::open(&db).unwrap();
    let errors = store.errors().unwrap();
    assert!(errors[0].0.ends_with("binary.bin") && errors[1].0.ends_with("empty.txt"));
}

/// Writes `n` generated articles (the benchmark's generator) into `dir`.
fn generated(dir: &Path, n: u64) {
    fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        fs::write(
            dir.join(format!("{i:05}.txt")),
            annals::bench::generate(7, i),
        )
        .unwrap();
    }
}

#[test]
fn an_ingest_killed_midway_completes_on_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    // Enough documents that the ingest is still running when the store, polled while it writes,
    // first shows a committed batch (3,000 finished first on a loaded machine).
    const DOCS: u64 = 6000;
    generated(&inputs, DOCS);
    let db = dir.path().join("c.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["ingest", "--quiet", "--batch", "25", "--db"])
        .arg(&db)
        .arg(&inputs)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it (SIGKILL: no cleanup) once some batches are in, before it is done.
    let started = Instant::now();
    let mut stored = 0;
    while started.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(20));
        stored = Store::open(&db)
            .and_then(|s| s.ids())
            .map_or(0, |ids| ids.len());
        if stored >= 50 {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(stored >= 50, "no batch was committed in time");
    let before = count(&db, "documents");
    assert!(
        before < DOCS as i64,
        "the ingest finished before it was killed: make it longer"
    );
    assert_eq!(before % 25, 0, "only whole batches are committed");
    let rerun = ingest(&[inputs.to_str().unwrap()], &db);
    assert_eq!(rerun["known"].as_i64(), Some(before));
    assert_eq!(count(&db, "documents"), DOCS as i64);
    // The same events as one uninterrupted ingest: nothing lost, nothing twice.
    let clean = dir.path().join("d.db");
    ingest(&[inputs.to_str().unwrap()], &clean);
    assert_eq!(count(&db, "events"), count(&clean, "events"));
    assert_eq!(count(&db, "merged"), count(&clean, "merged"));
    assert_references_hold(&db);
}

#[test]
fn the_seeds_make_the_russia_japan_timeline() {
    let Some(seeds) = common::shared("corpus/seeds") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let s = ingest(&[seeds.to_str().unwrap()], &db);
    assert_eq!(s["documents"], 5);
    let d = db.to_str().unwrap();
    let rows = json(annals(&[
        "timeline", "--db", d, "--dyad", "RUS,JPN", "--format", "json",
    ]));
    let years: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["earliest"].as_str().unwrap()[..4])
        .collect();
    let mut order: Vec<&str> = years.clone();
    order.dedup();
    assert_eq!(
        order,
        ["1939", "1945", "1956", "2008", "2012", "2014", "2018", "2019", "2022"],
        "{years:?}"
    );
    let seizure = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["earliest"].as_str().unwrap().starts_with("1945") && r["cameo"] == "192")
        .unwrap();
    // Seed 004 tells it in a passive ("were seized by the former Soviet Union from Japan at the
    // end of the war").
    assert_eq!(seizure["documents"].as_u64(), Some(4), "{seizure}");
}
