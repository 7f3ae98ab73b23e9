//! Events scored on the public event test sets in `../shared/data/eventdata` (skipped, with a
//! message, where they are absent): PETRARCH-2's validation sentences, the CAMEO manual's example
//! sentences from PLOVER's gold standard and ConfliBERT's CAMEO news sentences. The floors are
//! the figures measured when the evaluators were written, raised as the events stage improved
//! (docs/events.md), so that a change that loses ground fails here. The same for the real pages
//! of news-dev.

mod common;

use annals::eval::{conflibert, petrarch, plover};
use common::shared;

#[test]
fn petrarch_validation_sentences() {
    let Some(file) = shared("data/eventdata/universalpetrarch/PETR2_GSR_validation.xml") else {
        return;
    };
    let r = petrarch::evaluate(&file).expect("reads the validation file");
    // The whole file is read: 78 records, one of them without text.
    assert_eq!(r.sentences, 77);
    assert_eq!(r.all.expected, 79);
    let p = r.all.prf();
    assert!(p.precision >= 0.62, "precision {:.3}", p.precision);
    assert!(p.recall >= 0.40, "recall {:.3}", p.recall);
    assert_eq!(r.rows.len(), r.sentences);
}

#[test]
fn cameo_manual_sentences() {
    let Some(file) = shared("data/eventdata/plover/PLOVER_GSR_CAMEO.txt") else {
        return;
    };
    let r = plover::evaluate(&file).expect("reads the gold standard");
    assert_eq!(r.all.sentences, 322);
    assert_eq!(r.by_category.len(), 18);
    assert!(
        r.all.accuracy() >= 0.59,
        "root accuracy {:.3}",
        r.all.accuracy()
    );
    assert_eq!(r.all.right + r.all.wrong + r.all.none, r.all.sentences);
}

#[test]
fn conflibert_news_sentences() {
    let Some(dir) = shared("data/eventdata/conflibert") else {
        return;
    };
    let r = conflibert::evaluate(&dir, "test").expect("reads the test split");
    assert_eq!(r.sentences + r.untagged, 451);
    assert_eq!(r.rows.len(), r.sentences);
    // Measured blind before any rule was written from this set's training split: P 0.707,
    // R 0.466.
    let p = r.all.prf();
    assert!(p.precision >= 0.69, "precision {:.3}", p.precision);
    assert!(p.recall >= 0.45, "recall {:.3}", p.recall);
}

#[test]
fn real_news_pages() {
    let (Some(gold), Some(corpus)) = (shared("gold/news-dev"), shared("corpus/news-dev")) else {
        return;
    };
    let r = annals::eval::evaluate(&gold, &corpus).expect("reads news-dev");
    assert_eq!(r.docs.len(), 20);
    let p = &r.events_prf;
    // 0.828 before two changes that made found events more exact rather than more right: a
    // demand dated to its page's day, not years (the days of other outlets' reports), and the
    // resolution's own words coded (a ban on UN members, a condemnation dated by the launches
    // it names): 0.790, recall 0.448 -> 0.458.
    assert!(p.precision >= 0.78, "precision {:.3}", p.precision);
    assert!(p.recall >= 0.47, "recall {:.3}", p.recall);
    // Confidence ranks events: the top band is more precise than the rest together.
    let precision = |(predicted, matched): (usize, usize)| matched as f64 / predicted.max(1) as f64;
    let bands = r.events.bands;
    let (top, rest) = bands.split_last().expect("bands");
    let below = rest.iter().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    assert!(
        precision(*top) > precision(below),
        "precision by confidence: {}",
        r.events.bands_line()
    );
    let d = &r.dates;
    // Pages of one storyline date each other (merge::corroborate): 7 of 20 without.
    assert!(d.printed_right + d.inferred_inside >= 11, "{d:?}");
    assert!(r.events_tight >= 0.85, "tight dates {:.2}", r.events_tight);
    assert!(d.undated <= 1, "{d:?}");
}
