//! TempEval-3 figures on the real TimeML data in ../shared (skipped with a message when it is
//! absent): they may only go up. Printed by `annals timeml` (platinum) and
//! `annals timeml ../shared/data/temporal/TBAQ-cleaned` (development set).

mod common;

use std::path::PathBuf;

use annals::eval::timeml;

fn temporal() -> Option<PathBuf> {
    common::shared("data/temporal")
}

#[test]
fn te3_platinum_meets_the_targets() {
    let Some(dir) = temporal() else { return };
    let s = timeml::evaluate(&[dir.join("te3-platinum")]).unwrap();
    assert_eq!((s.documents, s.gold), (20, 138));
    assert!(s.relaxed.f1 >= 0.90, "relaxed F1 {:.3}", s.relaxed.f1);
    assert!(s.value_f1 >= 0.80, "value F1 {:.3}", s.value_f1);
    assert!(s.strict.f1 >= 0.86, "strict F1 {:.3}", s.strict.f1);
    // Every bare weekday ("said Friday") is dated right from the creation time.
    assert_eq!(s.weekdays_right, s.weekdays);
    assert!(s.weekdays >= 10);
}

#[test]
fn tbaq_does_not_regress() {
    let Some(dir) = temporal() else { return };
    let s = timeml::evaluate(&[dir.join("TBAQ-cleaned")]).unwrap();
    assert_eq!(s.documents, 256);
    assert!(s.relaxed.f1 >= 0.91, "relaxed F1 {:.3}", s.relaxed.f1);
    assert!(s.value_f1 >= 0.74, "value F1 {:.3}", s.value_f1);
    assert!(
        s.weekdays_right * 100 >= s.weekdays * 85,
        "weekdays {}/{}",
        s.weekdays_right,
        s.weekdays
    );
    // Dating from content alone, the creation time hidden: the intervals given must hold it.
    assert!(s.dated >= 38, "dated {}", s.dated);
    assert!(
        s.dated_right * 100 >= s.dated * 95,
        "{}/{} intervals hold the creation time",
        s.dated_right,
        s.dated
    );
}
