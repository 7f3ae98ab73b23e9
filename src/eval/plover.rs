//! Root-code accuracy on the CAMEO manual's example sentences as PLOVER's gold standard
//! records them (`plover/PLOVER_GSR_CAMEO.txt`: JSON, one record per sentence with its PLOVER
//! category). A sentence counts as right when Annals codes, from that sentence alone, an event
//! whose CAMEO root is one the category stands for (data/eval/plover_gsr_roots.tsv). Negated
//! and hypothetical events are not claims and do not count.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::knowledge;
use crate::pipeline;

const ROOTS: &str = include_str!("../../data/eval/plover_gsr_roots.tsv");

#[derive(Debug, Deserialize)]
struct Record {
    id: String,
    event: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

/// Sentences of one category, or of all.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Counts {
    pub sentences: usize,
    /// An event of one of the category's roots was coded.
    pub right: usize,
    /// Events were coded, none of the category's roots.
    pub wrong: usize,
    /// No event was coded.
    pub none: usize,
}

impl Counts {
    pub fn accuracy(&self) -> f64 {
        super::ratio(self.right, self.sentences)
    }

    fn add(&mut self, outcome: Outcome) {
        self.sentences += 1;
        match outcome {
            Outcome::Right => self.right += 1,
            Outcome::Wrong => self.wrong += 1,
            Outcome::None => self.none += 1,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Outcome {
    Right,
    Wrong,
    None,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub file: String,
    pub all: Counts,
    pub by_category: BTreeMap<String, Counts>,
    /// `ID CATEGORY: coded roots | sentence` for each sentence not coded right.
    pub errors: Vec<String>,
}

/// The roots each category stands for.
fn roots() -> HashMap<&'static str, Vec<&'static str>> {
    knowledge::rows(ROOTS)
        .map(|row| (row[0], knowledge::list(row[1])))
        .collect()
}

pub fn evaluate(path: &Path) -> Result<Report> {
    let json = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    let records: Vec<Record> = serde_json::from_str(&json)
        .with_context(|| format!("{}: not a JSON array of records", path.display()))?;
    Ok(score(&path.display().to_string(), &records))
}

fn score(file: &str, records: &[Record]) -> Report {
    let roots = roots();
    let mut report = Report {
        file: file.to_string(),
        all: Counts::default(),
        by_category: BTreeMap::new(),
        errors: Vec::new(),
    };
    for r in records {
        let (Some(allowed), Some(text)) = (roots.get(r.event.as_str()), &r.text) else {
            continue; // the DOCUMENT record and any category without roots
        };
        let day = r.date.as_deref().and_then(|d| d.parse::<NaiveDate>().ok());
        let doc = pipeline::extract_clean(&r.id, text, day);
        let coded: Vec<&str> = doc
            .events
            .iter()
            .filter(|e| e.asserted())
            .map(|e| e.cameo.as_str())
            .collect();
        let outcome = if coded.iter().any(|c| allowed.contains(&&c[..2])) {
            Outcome::Right
        } else if coded.is_empty() {
            Outcome::None
        } else {
            Outcome::Wrong
        };
        report.all.add(outcome);
        report
            .by_category
            .entry(r.event.clone())
            .or_default()
            .add(outcome);
        if outcome != Outcome::Right {
            report.errors.push(format!(
                "{} {}: [{}] | {}",
                r.id,
                r.event,
                coded.join(" "),
                text.trim()
            ));
        }
    }
    report
}

impl Report {
    pub fn table(&self, errors: bool) -> String {
        let mut out = format!(
            "CAMEO manual sentences (PLOVER GSR), root-code accuracy: {}\n",
            self.file
        );
        out += &line("all", &self.all);
        for (category, c) in &self.by_category {
            out += &line(category, c);
        }
        if errors {
            out += "\nnot coded right (coded codes in brackets)\n";
            for e in &self.errors {
                out += &format!("  {e}\n");
            }
        }
        out
    }
}

fn line(label: &str, c: &Counts) -> String {
    format!(
        "  {label:<12} {:>3} sentences  right {:>3} ({:>5.1}%)  wrong root {:>3}  no event {:>3}\n",
        c.sentences,
        c.right,
        100.0 * c.accuracy(),
        c.wrong,
        c.none
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_of_the_file_has_roots() {
        let roots = roots();
        assert_eq!(roots.len(), 18);
        assert_eq!(roots["RETREAT"], vec!["08"]);
        assert_eq!(roots["ASSAULT"], vec!["18", "20"]);
    }

    #[test]
    fn a_sentence_is_right_wrong_or_uncoded() {
        let json = r#"[
          {"id": "D", "event": "DOCUMENT"},
          {"id": "a", "event": "SANCTION", "date": "2000-01-01",
           "text": "Japan imposed sanctions on Russia on Monday."},
          {"id": "b", "event": "AID", "date": "2000-01-01",
           "text": "Japan imposed sanctions on Russia on Monday."},
          {"id": "c", "event": "AID", "date": "2000-01-01", "text": "The weather was fine."}
        ]"#;
        let records: Vec<Record> = serde_json::from_str(json).unwrap();
        let r = score("t", &records);
        assert_eq!(
            (r.all.sentences, r.all.right, r.all.wrong, r.all.none),
            (3, 1, 1, 1)
        );
        assert_eq!(r.by_category["AID"].none, 1);
        assert_eq!(r.errors.len(), 2);
    }
}
