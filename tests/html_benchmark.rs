//! The article text Annals takes from HTML pages, scored on the ScrapingHub benchmark in
//! `../shared/data/extraction` (skipped when it is absent): the target is F1 ≥ 0.965.

mod common;

use annals::eval::html;

#[test]
fn the_scrapinghub_pages_score_at_least_the_target() {
    let Some(dir) = common::shared("data/extraction") else {
        return;
    };
    let pages = html::load(&dir).expect("the benchmark loads");
    assert_eq!(pages.len(), 181);
    let predictions: Vec<String> = pages
        .iter()
        .map(|p| html::annals(&p.html, &p.url))
        .collect();
    let row = html::score("annals", &pages, &predictions);
    assert!(row.f1 >= 0.965, "{row:?}");
    assert!(row.precision >= 0.95 && row.recall >= 0.97, "{row:?}");
}
