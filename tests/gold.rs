//! Extraction and events scored against gold files: the synthetic examples (always) and the real seed
//! articles in `../shared` (skipped, with a message, where that folder is absent).

mod common;

use std::path::{Path, PathBuf};

use annals::eval::{self, Report};
use annals::{clean, ingest, pipeline, Document};

/// `../shared`, when it holds the gold files and the seed articles.
fn shared() -> Option<PathBuf> {
    common::shared("gold")?;
    common::shared("corpus/seeds")?;
    common::shared("")
}

/// Every gold document: body F1 at least 0.97, metadata exact, no boilerplate line left in the
/// body, the publication date right wherever one is stated.
fn assert_report(report: &Report, undated_ok: &[&str]) {
    for d in &report.docs {
        assert!(d.body.f1 >= 0.97, "{}: body F1 {:.3}", d.doc, d.body.f1);
        assert!(d.differences.is_empty(), "{}: {:?}", d.doc, d.differences);
        assert!(
            d.boilerplate_in_body.is_empty(),
            "{}: boilerplate lines in body {:?}",
            d.doc,
            d.boilerplate_in_body
        );
        assert!(
            d.body_lines_lost.is_empty(),
            "{}: body lines lost {:?}",
            d.doc,
            d.body_lines_lost
        );
        let undated = undated_ok.contains(&d.doc.as_str()) && d.published == "missing";
        assert!(
            d.published == "ok" || undated,
            "{}: published {} {:?}",
            d.doc,
            d.published,
            d.published_value
        );
    }
}

fn extract(path: &Path) -> Document {
    let raw = ingest::read(
        &ingest::Source::File(path.to_path_buf()),
        ingest::DEFAULT_MAX_BYTES,
    )
    .unwrap();
    pipeline::extract(&raw, &clean::Context::default())
}

#[test]
fn examples_meet_their_gold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let report =
        eval::evaluate(&root.join("examples/gold"), &root.join("examples/articles")).unwrap();
    assert_eq!(report.docs.len(), 11);
    assert_report(&report, &[]);
    assert_eq!(report.metadata_exact, report.metadata_fields);
    // Their events (hand-made gold, with where each happened when the text says).
    let prf = &report.events_prf;
    assert!(prf.precision >= 0.8 && prf.recall >= 0.7, "{prf:?}");
    let e = &report.events;
    // 11 places events in provinces and states ("in the Donetsk region", "in Texas").
    assert!(e.gold_places >= 13, "{}", e.places_line());
    assert!(e.gold_places_near >= 14, "{}", e.places_line());
    // Every event whose text names its place is placed there.
    assert_eq!(
        e.gold_places_named_near,
        e.gold_places_named,
        "{}",
        e.places_line()
    );
    assert_eq!(
        e.gold_places_near,
        e.gold_places_placed,
        "{}",
        e.places_line()
    );
}

#[test]
fn seeds_meet_their_gold() {
    let Some(shared) = shared() else { return };
    let report = eval::evaluate(&shared.join("gold"), &shared.join("corpus/seeds")).unwrap();
    assert!(report.docs.len() >= 3);
    // 002 states no date: its date is inferred from the content and must fall inside the gold's
    // acceptable interval (March 2022).
    assert_report(&report, &[]);
    let d002 = report
        .docs
        .iter()
        .find(|d| d.doc.starts_with("002"))
        .expect("002 scored");
    assert_eq!(d002.published, "ok");
    assert!(
        report.min_body_f1 >= 0.97,
        "lowest body F1 {:.3}",
        report.min_body_f1
    );
}

#[test]
fn seed_000_is_dated_by_the_weekday_rule() {
    let Some(shared) = shared() else { return };
    let doc = extract(&shared.join("corpus/seeds/000_c359d4b12ef94f7f.txt"));
    let p = doc.published.expect("000 has a date line");
    assert_eq!(
        (p.earliest.as_str(), p.latest.as_str(), p.basis.as_str()),
        ("2014-09-03", "2014-09-03", "stated")
    );
    assert!(
        p.evidence
            .iter()
            .any(|e| e.rule == "weekday" && e.text.contains("Wednesday")),
        "{:?}",
        p.evidence
    );
}

#[test]
fn seed_003_is_dated_from_its_date_line() {
    let Some(shared) = shared() else { return };
    let doc = extract(&shared.join("corpus/seeds/003_82ab205a428cbffc.txt"));
    assert_eq!(doc.published.unwrap().value, "2008-04-26T10:20");
}

/// The two seeds without gold files, checked against what a reader sees in them.
#[test]
fn seeds_without_gold() {
    let Some(shared) = shared() else { return };
    let doc = extract(&shared.join("corpus/seeds/001_c0a50ba40cb45e53.txt"));
    assert_eq!(
        doc.title.as_deref(),
        Some("Russia, Mongolia strengthen ties, send no signal to the West")
    );
    assert_eq!(doc.outlet.as_deref(), Some("Người Đưa Tin"));
    assert_eq!(doc.authors, vec!["Minh Duc"]);
    assert_eq!(doc.published.unwrap().earliest, "2024-09-04");
    assert!(doc.url.unwrap().contains("nguoiduatin.vn"));
    assert!(
        !doc.body.contains("No data")
            && !doc.body.contains("Photo:")
            && !doc.body.contains("Same tag")
    );
    assert!(doc
        .body
        .ends_with("as evidenced by our official statements so far,\" the spokesman added."));

    let doc = extract(&shared.join("corpus/seeds/004_3d1ef4434a86e21a.txt"));
    assert!(doc
        .title
        .unwrap()
        .starts_with("Russia urges Japan to recognize results of World War II"));
    // 004 prints no date; its content dates it to January 2019 (the Kono-Lavrov meeting
    // "on Monday" was 2019-01-14).
    let p = doc.published.expect("004 is dated from its content");
    assert_eq!(p.basis.as_str(), "inferred");
    assert!(
        p.earliest.as_str() >= "2019-01-01" && p.latest.as_str() <= "2019-01-31",
        "{p:?}"
    );
    assert!(p.earliest.as_str() <= "2019-01-13" && p.latest.as_str() >= "2019-01-11");
    assert!(!doc.body.contains("sharebang") && !doc.body.contains("Thanks"));
    assert_eq!(doc.paragraphs.len(), 8);
}

/// Nothing is lost: every non-empty input line is either in the body or in `removed`.
#[test]
fn every_line_is_accounted_for() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("examples/articles")];
    dirs.extend(shared().map(|s| s.join("corpus/seeds")));
    for dir in dirs {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let doc = extract(&path);
            let mut seen: Vec<usize> = doc
                .paragraphs
                .iter()
                .map(|p| p.line)
                .chain(doc.removed.iter().map(|r| r.line))
                .collect();
            seen.sort_unstable();
            let want: Vec<usize> = text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, _)| i + 1)
                .collect();
            assert_eq!(seen, want, "{}", path.display());
        }
    }
}

// --- Events

/// The targets are precision 0.85 and recall 0.80; the floors sit at today's figures
/// (P 1.000, R 0.917) less one event. Tight dates meet the 80% target (18 of 22 matched); the
/// four loose ones are in the undated article, where only "a Tuesday of March 2022" can be read.
#[test]
fn seed_events_meet_the_targets() {
    let Some(dir) = shared() else { return };
    let report = eval::evaluate(&dir.join("gold"), &dir.join("corpus/seeds")).expect("evaluates");
    let p = report.events_prf;
    assert!(p.precision >= 0.95, "events precision {:.3}", p.precision);
    assert!(p.recall >= 0.875, "events recall {:.3}", p.recall);
    assert!(
        report.events_tight >= 0.80,
        "tight dates {:.2}",
        report.events_tight
    );
}

#[test]
fn every_event_is_coded_dated_and_tied_to_its_words() {
    let Some(dir) = shared() else { return };
    for entry in std::fs::read_dir(dir.join("corpus/seeds")).expect("seeds") {
        let path = entry.expect("entry").path();
        let raw = annals::ingest::read(
            &annals::ingest::Source::File(path.clone()),
            annals::ingest::DEFAULT_MAX_BYTES,
        )
        .expect("reads");
        let doc = annals::pipeline::extract(&raw, &annals::clean::Context::default());
        for e in &doc.events {
            let words: String = doc
                .body
                .chars()
                .skip(e.evidence.start)
                .take(e.evidence.end - e.evidence.start)
                .collect();
            assert_eq!(words, e.evidence.trigger, "{}", path.display());
            assert!(e.evidence.text.contains(&e.evidence.trigger));
            assert_eq!(e.root, e.cameo[..2]);
            assert!((1..=4).contains(&e.quad_class));
            assert!(e.date.earliest <= e.date.latest, "{:?}", e.date);
            assert_ne!(e.source.actor.code, "");
            // Only an event CAMEO codes without a target may have none ("rebels surrendered").
            let no_target = annals::events::taxonomy::in_class(
                &e.cameo,
                annals::events::taxonomy::CodeClass::NoTarget,
            );
            assert!(!e.target.actor.code.is_empty() || no_target, "{e:?}");
        }
    }
}
