use super::query::Filter;
use super::*;
use crate::clean::Context;
use crate::{ingest, pipeline};

fn doc(name: &str, text: &str) -> Item {
    let raw = ingest::decode(name, text.as_bytes()).expect("decodes");
    Item::doc(pipeline::extract(&raw, &Context::default())).expect("serializes")
}

/// Two outlets tell the 1945 seizure of the islands (one says "the Soviet Union", the other
/// "Russia"); one also reports a visit.
fn batch() -> Vec<Item> {
    vec![
        doc(
            "a.txt",
            "Islands row\n\nMarch 22, 2022\n\nIn 1945, the Soviet Union seized the Kuril Islands from Japan. Japanese Prime Minister Fumio Kishida visited Washington on Monday.\n",
        ),
        doc(
            "b.txt",
            "Old dispute\n\nApril 2, 2023\n\nRussia seized the Kuril Islands from Japan in August 1945, a Japanese official said.\n",
        ),
        Item::Failed {
            path: "c.bin".to_string(),
            message: "not text: a PNG image".to_string(),
        },
    ]
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("t.db")).expect("opens");
    (dir, store)
}

#[test]
fn a_batch_is_written_once_and_errors_are_kept() {
    let (_dir, mut s) = store();
    let w = s.write(&batch()).unwrap();
    assert_eq!((w.documents, w.known, w.errors), (2, 0, 1));
    assert!(w.events >= 3, "{w:?}");
    let again = s.write(&batch()).unwrap();
    assert_eq!((again.documents, again.known, again.events), (0, 2, 0));
    assert_eq!(s.ids().unwrap().len(), 2);
    assert_eq!(s.errors().unwrap()[0].0, "c.bin");
}

#[test]
fn reports_of_one_event_merge_across_documents() {
    let (_dir, mut s) = store();
    s.write(&batch()).unwrap();
    let stats = s.merge().unwrap();
    assert_eq!(stats.events - stats.merged, 1, "{stats:?}");
    assert_eq!(stats.multi_source, 1);
    let f = Filter {
        dyad: Some(("JPN".into(), "RUS".into())),
        ..Filter::default()
    };
    let timeline = s.timeline(&f).unwrap();
    assert_eq!(timeline.len(), 1);
    let seizure = &timeline[0];
    assert_eq!((&seizure.cameo[..2], seizure.documents), ("19", 2));
    // The days both reports allow.
    assert_eq!(
        (seizure.earliest.as_str(), seizure.latest.as_str()),
        ("1945-08-01", "1945-08-31")
    );
    // Merging again gives the same record.
    assert_eq!(s.merge().unwrap().merged, stats.merged);
}

#[test]
fn queries_filter_by_actor_date_and_code() {
    let (_dir, mut s) = store();
    s.write(&batch()).unwrap();
    s.merge().unwrap();
    let all = s.events(&Filter::default()).unwrap();
    let visits = s
        .events(&Filter {
            code: Some("04".into()),
            ..Filter::default()
        })
        .unwrap();
    assert!(visits.len() == 1 && all.len() > visits.len());
    let recalled = s
        .events(&Filter {
            actor: Some("RUS".into()),
            historical: Some(true),
            to: super::query::period(None, Some("1950")).unwrap().1,
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(recalled.len(), 2, "the Soviet Union counts as Russia");
    let years = s.relations(&Filter::default(), false).unwrap();
    assert_eq!(years[0].period, "1945");
    let hits = s.search("Kuril", 10).unwrap();
    assert_eq!(hits.len(), 2);
    assert!(hits[0].snippet.contains("[Kuril]"));
    let id = &s.document(&hits[0].doc[..6]).unwrap().id;
    assert_eq!(id, &hits[0].doc);
    assert!(s.document("zz").is_err());
}

#[test]
fn a_later_ingest_merges_again_only_what_it_touched_and_agrees_with_one_ingest() {
    let items = batch();
    let (_dir, mut apart) = store();
    apart.write(&items[..1]).unwrap();
    apart.merge().unwrap();
    apart.write(&items[1..]).unwrap();
    let pending: i64 = apart
        .conn()
        .query_row("SELECT count(*) FROM pending", [], |r| r.get(0))
        .unwrap();
    assert_eq!(pending, 1, "only the seizure's key has new reports");
    let later = apart.merge().unwrap();
    let (_dir2, mut together) = store();
    together.write(&items).unwrap();
    let once = together.merge().unwrap();
    assert_eq!((later.events, later.merged), (once.events, once.merged));
    assert_eq!(later.multi_source, 1);
}

#[test]
fn a_store_of_another_layout_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let old = rusqlite::Connection::open(&path).unwrap();
    old.execute_batch("CREATE TABLE documents (n INTEGER PRIMARY KEY, json TEXT);")
        .unwrap();
    drop(old);
    let err = Store::open(&path).err().expect("refused").to_string();
    assert!(err.contains("layout 0"), "{err}");
}

#[test]
fn a_store_whose_events_have_other_columns_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("older.db");
    Store::open(&path).unwrap();
    let older = rusqlite::Connection::open(&path).unwrap();
    older
        .execute_batch("ALTER TABLE events DROP COLUMN undated; ALTER TABLE events ADD basis TEXT;")
        .unwrap();
    drop(older);
    let err = format!("{:#}", Store::open(&path).err().expect("refused"));
    assert!(err.contains("lack the columns [undated]"), "{err}");
    assert!(err.contains("have [basis]"), "{err}");
    assert!(Store::open_read_only(&path).is_err());
}

/// Every column of `columns::EVENTS` is written, read back and exported under its name, and
/// `undated` says whether the report has days.
#[test]
fn every_event_column_goes_from_the_event_to_the_store_and_the_export() {
    let (_dir, mut s) = store();
    s.write(&[
        doc(
            "dated.txt",
            "Visit\n\nMay 5, 2020\n\nThe president of France visited Germany on Monday.\n",
        ),
        doc(
            "undated.txt",
            "Visit\n\nThe president of France visited Germany, officials said.\n",
        ),
    ])
    .unwrap();
    s.merge().unwrap();
    let stored: Vec<String> = s
        .conn()
        .prepare("SELECT name FROM pragma_table_info('events')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let names: Vec<&str> = columns::EVENTS.iter().map(|c| c.name).collect();
    assert_eq!(stored[2..], names[..]);
    let mut rows = Vec::new();
    s.export(&Filter::default(), true, |r| {
        rows.push(r.clone());
        Ok(())
    })
    .unwrap();
    assert_eq!(rows.len(), 2);
    for row in &rows {
        let exported: Vec<&str> = row.columns().iter().map(|(n, _)| *n).collect();
        assert_eq!(exported[2..2 + names.len()], names[..]);
        let undated = row.text("earliest").is_empty();
        assert_eq!(row.int("undated") != 0, undated, "{row:?}");
        assert_eq!(row.text("source_side"), "FRA");
        assert_eq!(row.text("cameo"), "042");
    }
    assert_eq!(rows.iter().filter(|r| r.int("undated") != 0).count(), 1);
}

/// docs/export.md says what each column holds.
#[test]
fn the_export_reference_names_every_column() {
    let doc = include_str!("../../docs/export.md");
    for (name, _) in export::Row::default().columns() {
        assert!(
            doc.contains(&format!("`{name}`")),
            "docs/export.md does not say what `{name}` holds"
        );
    }
}

#[test]
fn the_merged_record_does_not_depend_on_the_order_of_ingest() {
    // The same days, one side each way: neither report comes first.
    let a = || {
        doc("a.txt", "Islands row\n\nMarch 22, 2022\n\nIn August 1945, the Soviet Union seized the Kuril Islands from Japan.\n")
    };
    let b = || {
        doc("b.txt", "Old dispute\n\nApril 2, 2023\n\nRussia seized the Kuril Islands from Japan in August 1945.\n")
    };
    let record = |items: Vec<Item>| {
        let (_dir, mut s) = store();
        s.write(&items).unwrap();
        s.merge().unwrap();
        let rows = s.timeline(&Filter::default()).unwrap();
        rows.iter()
            .map(|m| {
                (
                    m.earliest.clone(),
                    m.source.clone(),
                    m.target.clone(),
                    m.cameo.clone(),
                    m.documents,
                )
            })
            .collect::<Vec<_>>()
    };
    let ab = record(vec![a(), b()]);
    assert_eq!(ab, record(vec![b(), a()]));
    let seizure = ab.iter().find(|m| m.4 == 2).expect("merged");
    // One report each: the smaller code wins the tie.
    assert_eq!(seizure.1.as_deref(), Some("RUS"));
}

#[test]
fn a_query_over_its_time_is_stopped() {
    let (_dir, s) = store();
    // A query that would count to a billion.
    let count = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000000000) \
                 SELECT count(*) FROM c";
    let err = s
        .bounded(std::time::Duration::from_millis(50), || {
            Ok(s.conn().query_row(count, [], |r| r.get::<_, i64>(0))?)
        })
        .unwrap_err();
    assert!(
        err.to_string().contains("took over 0.05 s and was stopped"),
        "{err}"
    );
    // The next query runs unbounded again.
    let n: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn a_search_over_its_bounds_is_refused() {
    let (_dir, s) = store();
    let err = s.search(&["a"; 40].join(" OR "), 5).unwrap_err();
    assert!(err.to_string().contains("79 words"), "{err}");
    let err = s.search(&"x".repeat(1_001), 5).unwrap_err();
    assert!(err.to_string().contains("1001 characters"), "{err}");
    // Found by the fuzzer: SQLite reads a query only up to a NUL.
    let err = s.search("\"T\0O\"", 5).unwrap_err();
    assert!(err.to_string().contains("NUL character"), "{err}");
}

#[test]
fn a_document_the_store_refuses_fails_alone() {
    // Two records of one removed line break the table's key: a stage's bug, not the batch's.
    let raw = ingest::decode(
        "bad.txt",
        "Title here\n\nRussia protested to Japan.\n".as_bytes(),
    )
    .expect("decodes");
    let mut bad = pipeline::extract(&raw, &Context::default());
    let twice = crate::document::Removed {
        line: 1,
        text: "x".to_string(),
        kind: "metadata".to_string(),
        reason: "date".to_string(),
    };
    bad.removed = vec![twice.clone(), twice];
    let mut items = batch();
    items.insert(1, Item::doc(bad).expect("serializes"));
    let (_dir, mut s) = store();
    let w = s.write(&items).unwrap();
    assert_eq!((w.documents, w.errors), (2, 2), "{w:?}");
    let errors = s.errors().unwrap();
    assert!(
        errors
            .iter()
            .any(|(p, m)| p == "bad.txt" && m.contains("cannot store it")),
        "{errors:?}"
    );
    assert_eq!(s.ids().unwrap().len(), 2);
}

#[test]
fn a_least_confidence_keeps_the_events_and_merged_events_that_reach_it() {
    let (_dir, mut s) = store();
    let items = batch();
    s.write(&items).unwrap();
    s.merge().unwrap();
    let mut confidences: Vec<f64> = items
        .iter()
        .filter_map(|i| match i {
            Item::Doc { doc, .. } => Some(doc.events.clone()),
            _ => None,
        })
        .flatten()
        .filter(|e| e.asserted())
        .map(|e| e.confidence)
        .collect();
    confidences.sort_by(f64::total_cmp);
    let at_least = |c: f64| Filter {
        min_confidence: Some(c),
        ..Filter::default()
    };
    for &c in &confidences {
        let reaching = confidences.iter().filter(|&&x| x >= c).count();
        assert_eq!(s.events(&at_least(c)).unwrap().len(), reaching);
    }
    let merged = |c: f64| s.timeline(&at_least(c)).unwrap().len();
    assert_eq!(merged(0.0), s.timeline(&Filter::default()).unwrap().len());
    assert!(merged(confidences[0]) >= merged(*confidences.last().unwrap()));
    assert!(super::query::min_confidence("1.5").is_err());
    assert_eq!(super::query::min_confidence(" 0.7 ").unwrap(), 0.7);
}

/// A page that prints its date and two that do not, telling the call and the recall, one
/// "on Wednesday" and as news of the day, the other "yesterday" (synthetic).
fn outlets() -> [Item; 3] {
    [
        doc(
            "dated.txt",
            "Kenya and Tanzania talk\n\nWednesday, 17 June 2020\n\nKenya's foreign minister spoke by telephone with her Tanzanian counterpart on Wednesday.\n\nKenya also recalled its ambassador to Tanzania for consultations.\n",
        ),
        doc(
            "weekday.txt",
            "Nairobi recalls envoy\n\nKenya's foreign minister on Wednesday spoke by telephone with her Tanzanian counterpart.\n\nKenya recalled its ambassador to Tanzania for consultations, the ministry said.\n",
        ),
        doc(
            "yesterday.txt",
            "Envoy recalled\n\nKenya's foreign minister yesterday spoke by telephone with her Tanzanian counterpart.\n\nKenya yesterday recalled its ambassador to Tanzania for consultations.\n",
        ),
    ]
}

fn published(s: &Store, path: &str) -> Option<(String, String)> {
    s.conn()
        .query_row(
            "SELECT published_earliest, published_latest FROM documents WHERE path = ?1",
            [path],
            |r| Ok(r.get::<_, Option<String>>(0)?.zip(r.get(1)?)),
        )
        .unwrap()
}

#[test]
fn undated_pages_take_the_days_a_dated_report_gives_in_either_order_of_ingest() {
    let day = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
    for dated_first in [true, false] {
        let [dated, weekday, yesterday] = outlets();
        let (_dir, mut s) = store();
        let (first, then) = if dated_first {
            (vec![dated], vec![weekday, yesterday])
        } else {
            (vec![weekday, yesterday], vec![dated])
        };
        s.write(&first).unwrap();
        s.redate().unwrap();
        s.merge().unwrap();
        s.write(&then).unwrap();
        assert_eq!(s.redate().unwrap(), 2);
        s.merge().unwrap();
        // "on Wednesday" allows the week after; news of the day, that day or the next.
        assert_eq!(
            published(&s, "weekday.txt"),
            day("2020-06-17", "2020-06-18")
        );
        assert_eq!(
            published(&s, "yesterday.txt"),
            day("2020-06-18", "2020-06-18")
        );
        let rows = s.timeline(&Filter::default()).unwrap();
        let told: Vec<(&str, usize)> = rows
            .iter()
            .map(|m| (m.earliest.as_str(), m.documents))
            .collect();
        assert_eq!(told, [("2020-06-17", 3), ("2020-06-17", 3)], "{rows:?}");
        // The stored document says why.
        let id: String = s
            .conn()
            .query_row(
                "SELECT id FROM documents WHERE path = 'yesterday.txt'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let evidence = &s.document(&id).unwrap().published.unwrap().evidence;
        assert_eq!(evidence[0].rule, "corroborated", "{evidence:?}");
    }
}

#[test]
fn a_report_is_named_by_its_outlet_else_its_site_address_or_file() {
    let (_dir, mut s) = store();
    s.write(&batch()).unwrap();
    s.merge().unwrap();
    s.conn()
        .execute(
            "UPDATE documents SET url = 'https://www.example.org/x' WHERE path = 'b.txt'",
            [],
        )
        .unwrap();
    let rows = s.timeline(&Filter::default()).unwrap();
    let mut names: Vec<&str> = rows
        .iter()
        .flat_map(|m| m.reports.iter().map(|r| r.publisher.as_str()))
        .collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names, ["a.txt", "example.org"]);
    let shown = render::timeline(&rows);
    assert!(shown.starts_with("days "), "a header first: {shown}");
    assert!(shown.contains("(a.txt, example.org)"), "{shown}");
    let events = render::events(&s.events(&Filter::default()).unwrap());
    assert!(events.starts_with("days "), "a header first: {events}");
    assert!(events.contains(" a.txt ["), "{events}");
}
