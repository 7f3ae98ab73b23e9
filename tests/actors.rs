//! Actor mentions scored against hand-checked lists (`tests/mentions/`): the synthetic examples
//! and the held-out articles (always), and the real seed articles in `../shared` (skipped, with
//! a message, where that folder is absent). Also what the knowledge base covers.

mod common;

use std::path::{Path, PathBuf};

use annals::actors::coverage;
use annals::eval::mentions;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn assert_scores(lists: &Path, corpus: &Path, floor: f64) {
    let report = mentions::evaluate(lists, corpus).unwrap();
    let s = report.score;
    let detail = report.table(true);
    assert!(
        s.precision >= floor && s.recall >= floor,
        "{}: P {:.3} R {:.3}, floor {floor}\n{detail}",
        lists.display(),
        s.precision,
        s.recall
    );
}

#[test]
fn examples_reach_the_target() {
    let r = root();
    assert_scores(
        &r.join("tests/mentions/examples"),
        &r.join("examples/articles"),
        0.95,
    );
}

#[test]
fn held_out_articles_reach_the_target() {
    let r = root();
    assert_scores(
        &r.join("tests/mentions/heldout"),
        &r.join("tests/data/heldout"),
        0.95,
    );
}

#[test]
fn seeds_reach_the_target() {
    let Some(seeds) = common::shared("corpus/seeds") else {
        return;
    };
    assert_scores(&root().join("tests/mentions/seeds"), &seeds, 0.97);
}

#[test]
fn the_base_covers_the_g20_top_offices_since_1990() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let c = coverage::coverage(today);
    assert!(c.states >= 249 && c.historical_states >= 5);
    assert!(
        c.people_with_terms >= 600,
        "{} people with terms",
        c.people_with_terms
    );
    let g20 = &coverage::CHECKED[..19];
    for o in c
        .offices_checked
        .iter()
        .filter(|o| g20.contains(&o.country.as_str()))
    {
        assert!(
            o.covered >= 0.98,
            "{} {}: {:.1}% covered, gaps {:?}",
            o.country,
            o.kind,
            o.covered * 100.0,
            o.gaps
        );
    }
    // All 29 checked states: a floor at the offices without a gap today.
    let whole = c.offices_checked.iter().filter(|o| o.gaps.is_empty());
    assert!(whole.count() >= 82);
}

/// The other neighbours of the G20 members: floors at what the base holds today, so that
/// losing a state's terms fails (the figures are printed by `annals kb`).
#[test]
fn the_base_covers_most_neighbours_heads() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let c = coverage::coverage(today);
    assert!(
        c.neighbours.len() >= 60,
        "{} neighbours",
        c.neighbours.len()
    );
    let known = |f: fn(&coverage::NeighbourCoverage) -> f64| {
        c.neighbours.iter().filter(|n| f(n) >= 0.95).count()
    };
    assert!(known(|n| n.head_of_state) >= 63);
    assert!(known(|n| n.head_of_government) >= 63);
    assert!(known(|n| n.foreign_minister) >= 57);
    let leading = c
        .neighbours
        .iter()
        .filter(|n| n.head_of_state.max(n.head_of_government) >= 0.5)
        .count();
    assert!(leading >= 63, "{leading} neighbours with a leading office");
}
