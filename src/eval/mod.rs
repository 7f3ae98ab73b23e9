//! Scoring extraction against hand-made gold files (format: `../shared/gold/README.md`):
//! body tokens (precision, recall, F1 over the bag of lowercased words), title, outlet, site,
//! authors, dateline, publication date, and every boilerplate line kept out of the body.

pub mod conflibert;
pub mod events;
pub mod html;
pub mod mentions;
pub mod petrarch;
pub mod plover;
pub mod timeml;

/// Why an expected event was missed, or why a prediction matched none: the words every
/// evaluation of events prints (docs/evaluation.md, "Events").
pub mod cause {
    /// Coded, but negated or hypothetical.
    pub const FLAGGED: &str = "flagged";
    pub const WRONG_DATE: &str = "wrong date";
    pub const WRONG_DIRECTION: &str = "wrong direction";
    /// Between the same sides under another root.
    pub const WRONG_ROOT: &str = "wrong root";
    /// Its sentence names no actor of one side.
    pub const NO_ACTOR: &str = "no actor";
    /// Both sides named and an event coded in the sentence, not between them.
    pub const SIDE_NOT_LINKED: &str = "side not linked";
    /// No event word of the sentence gave an event.
    pub const NO_FRAME: &str = "no frame";
    /// A prediction with no date can match nothing.
    pub const NO_DATE: &str = "no date";
    /// Of the right root, sharing one side.
    pub const WRONG_SIDE: &str = "wrong side";
    pub const NOT_IN_GOLD: &str = "not in gold";
}

use std::collections::HashMap;
use std::fmt::Write;
use std::path::Path;

use anyhow::{Context as _, Result};
use serde::{Deserialize, Serialize};

use crate::clean::Context;
use crate::document::{Document, PublishedBasis};
use crate::{ingest, pipeline};

/// The fields of a gold file this evaluator reads.
#[derive(Debug, Deserialize)]
pub struct Gold {
    pub doc: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub site: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    pub dateline: Option<String>,
    pub published: Option<GoldDate>,
    pub body_lines: Vec<usize>,
    #[serde(default)]
    pub title_lines: Vec<usize>,
    #[serde(default)]
    pub meta_lines: Vec<usize>,
    #[serde(default)]
    pub optional_lines: Vec<usize>,
    /// Absent: the file does not annotate events, and they are not scored.
    #[serde(default)]
    pub events: Option<Vec<events::GoldEvent>>,
    /// Codes accepted for one another (`SUN` and `RUS`).
    #[serde(default)]
    pub actor_aliases: HashMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
pub struct GoldDate {
    pub earliest: String,
    pub latest: String,
    /// The wider interval a content-only estimate may land in.
    pub acceptable: Option<Box<GoldDate>>,
}

/// Precision, recall and F1.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub(crate) fn from_counts(hit: usize, predicted: usize, gold: usize) -> Prf {
        Prf::new(ratio(hit, predicted), ratio(hit, gold))
    }

    pub(crate) fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// `a / b`, and 1 when there is nothing to count.
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// One document's scores, with what was predicted where it differs.
#[derive(Debug, Serialize)]
pub struct DocScore {
    pub doc: String,
    pub body: Prf,
    pub title: bool,
    pub outlet: bool,
    pub site: bool,
    pub authors: bool,
    pub dateline: bool,
    /// `ok`, `wide` (an inferred interval that holds the gold one), `missing`, `wrong` or
    /// `not-in-gold`.
    pub published: String,
    pub published_value: Option<String>,
    /// Gold boilerplate lines that were left in the body.
    pub boilerplate_in_body: Vec<usize>,
    /// Gold body lines that were taken out.
    pub body_lines_lost: Vec<usize>,
    /// Every field that differs: (field, predicted, gold).
    pub differences: Vec<(String, String, String)>,
    /// `None` when the gold file does not annotate events.
    pub events: Option<events::EventCounts>,
}

/// Scores for every gold document and over all of them.
#[derive(Debug, Serialize)]
pub struct Report {
    pub docs: Vec<DocScore>,
    /// Token counts summed over all documents.
    pub body_micro: Prf,
    pub min_body_f1: f64,
    pub metadata_exact: usize,
    pub metadata_fields: usize,
    /// Events summed over all documents.
    pub events: events::EventCounts,
    pub events_prf: Prf,
    pub events_tight: f64,
    pub dates: DateSummary,
}

/// How the documents were dated, against the gold publication dates.
#[derive(Debug, Default, Serialize)]
pub struct DateSummary {
    /// Documents dated from a date they print (a date line, a dateline, the markup), and those
    /// whose date falls inside the gold interval.
    pub printed: usize,
    pub printed_right: usize,
    /// Documents dated from their content, those whose interval lies inside the gold interval
    /// (as narrow as the truth), those whose interval holds it, and the median width of their
    /// intervals in days.
    pub inferred: usize,
    pub inferred_inside: usize,
    pub inferred_holding: usize,
    pub inferred_median_days: Option<i64>,
    /// Documents whose date lies inside what the gold accepts: the gold interval, or for an
    /// inferred date the wider `acceptable` interval where the gold gives one.
    pub accepted: usize,
    pub undated: usize,
    /// Events that came out with no date at all, of all events.
    pub events_undated: usize,
    pub events: usize,
}

impl DateSummary {
    fn add(&mut self, gold: &Gold, doc: &Document, widths: &mut Vec<i64>) {
        self.events += doc.events.len();
        self.events_undated += doc
            .events
            .iter()
            .filter(|e| e.date.earliest.is_empty())
            .count();
        let Some(p) = &doc.published else {
            self.undated += 1;
            return;
        };
        let g = gold.published.as_ref();
        let inside = g.is_some_and(|g| p.earliest >= g.earliest && p.latest <= g.latest);
        self.accepted += usize::from(date_verdict(gold, doc).0 == "ok");
        if p.basis == PublishedBasis::Inferred {
            self.inferred += 1;
            self.inferred_inside += usize::from(inside);
            let holds = g.is_some_and(|g| p.earliest <= g.earliest && g.latest <= p.latest);
            self.inferred_holding += usize::from(holds);
            let day = |s: &str| s.parse::<chrono::NaiveDate>().ok();
            if let (Some(a), Some(b)) = (day(&p.earliest), day(&p.latest)) {
                widths.push((b - a).num_days() + 1);
            }
        } else {
            self.printed += 1;
            self.printed_right += usize::from(inside);
        }
    }

    fn line(&self) -> String {
        let median = self
            .inferred_median_days
            .map_or("-".to_string(), |d| format!("{d} days"));
        format!(
            "dates: printed and read {}, inside the gold interval {}; inferred {}, inside the gold interval {}, holding the gold date {} (median width {median}); undated {}; publication date inside the gold interval {} of {}, inside what the gold accepts {}; events with no date {} of {}",
            self.printed, self.printed_right, self.inferred, self.inferred_inside, self.inferred_holding, self.undated,
            self.printed_right + self.inferred_inside, self.printed + self.inferred + self.undated,
            self.accepted, self.events_undated, self.events
        )
    }
}

/// Scores extraction of every article in `corpus` that has a gold file in `gold_dir`.
pub fn evaluate(gold_dir: &Path, corpus: &Path) -> Result<Report> {
    let mut golds = Vec::new();
    let entries = std::fs::read_dir(gold_dir)
        .with_context(|| format!("cannot read gold folder {}", gold_dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        if path.to_string_lossy().ends_with(".gold.json") {
            let text =
                std::fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?;
            let gold: Gold = serde_json::from_str(&text)
                .with_context(|| format!("{}: not a gold file", path.display()))?;
            golds.push(gold);
        }
    }
    anyhow::ensure!(
        !golds.is_empty(),
        "no *.gold.json files in {}",
        gold_dir.display()
    );
    golds.sort_by(|a, b| a.doc.cmp(&b.doc));
    let mut docs = Vec::new();
    let mut counts = (0, 0, 0);
    let mut dates = DateSummary::default();
    let mut widths = Vec::new();
    let (mut extracted, mut texts) = (Vec::new(), Vec::new());
    for gold in &golds {
        let path = corpus.join(&gold.doc);
        let raw = ingest::read(
            &ingest::Source::File(path.clone()),
            ingest::DEFAULT_MAX_BYTES,
        )
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        check_lines(gold, raw.text.lines().count())?;
        extracted.push(pipeline::extract(&raw, &Context::default()));
        texts.push(raw.text);
    }
    // The set is read as an ingest reads it: its dated pages date the others.
    pipeline::corroborate_all(&mut extracted);
    for ((gold, doc), text) in golds.iter().zip(&extracted).zip(&texts) {
        dates.add(gold, doc, &mut widths);
        let (score, c) = score(gold, text, doc);
        counts = (counts.0 + c.0, counts.1 + c.1, counts.2 + c.2);
        docs.push(score);
    }
    widths.sort_unstable();
    dates.inferred_median_days = widths.get(widths.len() / 2).copied();
    let fields = ["title", "outlet", "site", "authors", "dateline"];
    let mut all = events::EventCounts::default();
    for e in docs.iter().filter_map(|d| d.events.as_ref()) {
        all.add(e);
    }
    Ok(Report {
        dates,
        events_prf: all.prf(),
        events_tight: all.tight_share(),
        events: all,
        body_micro: Prf::from_counts(counts.0, counts.1, counts.2),
        min_body_f1: docs.iter().map(|d| d.body.f1).fold(1.0, f64::min),
        metadata_exact: docs
            .iter()
            .map(|d| {
                [d.title, d.outlet, d.site, d.authors, d.dateline]
                    .iter()
                    .filter(|x| **x)
                    .count()
            })
            .sum(),
        metadata_fields: fields.len() * docs.len(),
        docs,
    })
}

/// A gold file that names a line the article does not have is wrong, not a low score.
fn check_lines(gold: &Gold, lines: usize) -> Result<()> {
    let named = gold
        .body_lines
        .iter()
        .chain(&gold.title_lines)
        .chain(&gold.meta_lines)
        .chain(&gold.optional_lines);
    match named.copied().find(|&n| n == 0 || n > lines) {
        Some(n) => anyhow::bail!(
            "gold for {} names line {n}, but the article has {lines} lines",
            gold.doc
        ),
        None => Ok(()),
    }
}

/// Scores one document; also returns (matched, predicted, gold) token counts.
pub fn score(gold: &Gold, raw_text: &str, doc: &Document) -> (DocScore, (usize, usize, usize)) {
    let raw_lines: Vec<&str> = raw_text.lines().collect();
    let gold_text: Vec<&str> = gold
        .body_lines
        .iter()
        .filter_map(|&n| raw_lines.get(n - 1).copied())
        .collect();
    let kept: Vec<usize> = doc
        .paragraphs
        .iter()
        .map(|p| p.line)
        .filter(|l| !gold.optional_lines.contains(l))
        .collect();
    let predicted_text: Vec<&str> = kept
        .iter()
        .filter_map(|&n| raw_lines.get(n - 1).copied())
        .collect();
    let (hit, pred, want) = token_overlap(&predicted_text.join("\n"), &gold_text.join("\n"));
    let not_boilerplate = |n: &usize| {
        gold.body_lines.contains(n)
            || gold.title_lines.contains(n)
            || gold.meta_lines.contains(n)
            || gold.optional_lines.contains(n)
    };
    let mut differences = Vec::new();
    let mut same = |field: &str, got: String, want: String| {
        let ok = got == want;
        if !ok {
            differences.push((field.to_string(), got, want));
        }
        ok
    };
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "null".into());
    let (published, published_value) = date_verdict(gold, doc);
    let score = DocScore {
        doc: gold.doc.clone(),
        body: Prf::from_counts(hit, pred, want),
        title: same("title", show(&doc.title), show(&gold.title)),
        outlet: same("outlet", show(&doc.outlet), show(&gold.outlet)),
        site: same("site", show(&doc.site), show(&gold.site)),
        authors: same("authors", doc.authors.join("; "), gold.authors.join("; ")),
        dateline: same("dateline", show(&doc.dateline), show(&gold.dateline)),
        published,
        published_value,
        boilerplate_in_body: kept
            .iter()
            .copied()
            .filter(|n| !not_boilerplate(n))
            .collect(),
        body_lines_lost: gold
            .body_lines
            .iter()
            .copied()
            .filter(|n| !doc.paragraphs.iter().any(|p| p.line == *n))
            .collect(),
        differences,
        events: gold
            .events
            .as_ref()
            .map(|g| events::score(g, &gold.actor_aliases, doc)),
    };
    (score, (hit, pred, want))
}

/// A stated date must fall inside the gold interval; an inferred one inside the acceptable one,
/// else it is `wide` when it holds the gold interval.
fn date_verdict(gold: &Gold, doc: &Document) -> (String, Option<String>) {
    let value = doc
        .published
        .as_ref()
        .map(|p| format!("{}..{} ({})", p.earliest, p.latest, p.basis));
    let verdict = match (&gold.published, &doc.published) {
        (None, None) => "ok",
        (None, Some(_)) => "not-in-gold",
        (Some(_), None) => "missing",
        (Some(g), Some(p)) => {
            let bounds = match (&g.acceptable, p.basis.as_str()) {
                (Some(a), "inferred") => a.as_ref(),
                _ => g,
            };
            if p.earliest >= bounds.earliest && p.latest <= bounds.latest {
                "ok"
            } else if p.earliest <= g.earliest && g.latest <= p.latest {
                "wide"
            } else {
                "wrong"
            }
        }
    };
    (verdict.to_string(), value)
}

/// Matched, predicted and gold counts over bags of lowercased word tokens.
pub fn token_overlap(predicted: &str, gold: &str) -> (usize, usize, usize) {
    let bag = |text: &str| {
        let mut m: HashMap<String, usize> = HashMap::new();
        for t in tokens(text) {
            *m.entry(t).or_default() += 1;
        }
        m
    };
    let (p, g) = (bag(predicted), bag(gold));
    let hit = p
        .iter()
        .map(|(t, n)| (*n).min(*g.get(t).unwrap_or(&0)))
        .sum();
    (hit, p.values().sum(), g.values().sum())
}

fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
}

impl Report {
    /// The scores as a table for a terminal.
    pub fn table(&self) -> String {
        let mark = |b: bool| if b { "ok" } else { "WRONG" };
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<28} {:>6} {:>6} {:>6}  {:<6} {:<6} {:<6} {:<7} {:<8} {:<10} {:>6}",
            "document",
            "body P",
            "R",
            "F1",
            "title",
            "outlet",
            "site",
            "authors",
            "dateline",
            "published",
            "boiler"
        );
        for d in &self.docs {
            let _ = writeln!(
                s,
                "{:<28} {:>6.3} {:>6.3} {:>6.3}  {:<6} {:<6} {:<6} {:<7} {:<8} {:<10} {:>6}",
                d.doc,
                d.body.precision,
                d.body.recall,
                d.body.f1,
                mark(d.title),
                mark(d.outlet),
                mark(d.site),
                mark(d.authors),
                mark(d.dateline),
                d.published,
                d.boilerplate_in_body.len()
            );
            for (field, got, want) in &d.differences {
                let _ = writeln!(s, "    {field}: got {got:?}, gold {want:?}");
            }
            if let Some(v) = &d.published_value {
                let _ = writeln!(s, "    published {v}");
            }
        }
        if self.docs.iter().all(|d| d.events.is_none()) {
            let _ = writeln!(s, "events: not annotated in these gold files");
        }
        for d in self.docs.iter().filter(|d| d.events.is_some()) {
            let e = d.events.as_ref().expect("filtered");
            let p = e.prf();
            let _ = writeln!(
                s,
                "  {:<28} predicted {:>3}  matched {:>3}  required {:>3}/{:<3} P {:.3} R {:.3}  tight {}/{}",
                d.doc, e.predicted, e.matched, e.matched_required, e.required, p.precision, p.recall, e.tight, e.matched
            );
            for m in &e.missed {
                let _ = writeln!(s, "      missed {m}");
            }
            for x in &e.extra {
                let _ = writeln!(s, "      extra  {x}");
            }
            for x in &e.loose {
                let _ = writeln!(s, "      loose  {x}");
            }
            for x in &e.misplaced {
                let _ = writeln!(s, "      placed {x}");
            }
        }
        if self.docs.iter().any(|d| d.events.is_some()) {
            let _ = writeln!(
                s,
                "events: P {:.3} R {:.3} F1 {:.3}; tight dates {}/{} ({:.0}%)",
                self.events_prf.precision,
                self.events_prf.recall,
                self.events_prf.f1,
                self.events.tight,
                self.events.matched,
                self.events_tight * 100.0
            );
            let _ = writeln!(s, "precision by confidence: {}", self.events.bands_line());
            let _ = writeln!(s, "{}", self.events.places_line());
            if !self.events.causes.is_empty() {
                let _ = writeln!(s, "missed events by cause: {}", self.events.causes_line());
            }
            if !self.events.extra_causes.is_empty() {
                let line = self.events.extra_causes_line();
                let _ = writeln!(s, "extra events by cause: {line}");
            }
        }
        let _ = writeln!(s, "{}", self.dates.line());
        let _ = writeln!(
            s,
            "overall: body P {:.3} R {:.3} F1 {:.3} (micro); lowest document F1 {:.3}; metadata {}/{} exact",
            self.body_micro.precision, self.body_micro.recall, self.body_micro.f1, self.min_body_f1, self.metadata_exact, self.metadata_fields
        );
        s
    }
}

/// The value of attribute `name` in the attributes of an XML start tag (`id="x" date="y"`), read
/// without an XML parser: the test sets' files are not always well formed.
pub(crate) fn attr(attrs: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let at = attrs
        .match_indices(&key)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || attrs[..i].ends_with(char::is_whitespace))?;
    let start = at + key.len();
    let end = attrs[start..].find('"')? + start;
    Some(attrs[start..end].to_string())
}

/// Roots whose events are scored whichever way round (intentions, meetings, diplomatic
/// cooperation), as the gold files' README says: class `either-way` of
/// data/events/code_classes.tsv.
pub fn undirected(root: &str) -> bool {
    use crate::events::taxonomy::{in_class, CodeClass};
    in_class(root, CodeClass::EitherWay)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_overlap_counts_a_bag_of_words() {
        assert_eq!(token_overlap("The cat, the hat.", "the cat sat"), (2, 4, 3));
        let p = Prf::from_counts(2, 4, 3);
        assert!((p.precision - 0.5).abs() < 1e-9 && (p.recall - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(Prf::from_counts(0, 0, 0).f1, 1.0);
    }
}
