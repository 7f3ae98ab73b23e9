//! Scoring events on PETRARCH-2's validation sentences
//! (`universalpetrarch/PETR2_GSR_validation.xml`: news sentences, each with the events
//! PETRARCH-2 and the Phoenix dictionaries code for it, or `noevents`).
//!
//! Each sentence is read alone, published on the record's date. An expected event is matched by
//! a predicted one of the same CAMEO root whose sides agree at the level Annals codes: the
//! state (first three letters of a Phoenix code), any organization for `IGO…` and the other
//! prefixes data/eval/phoenix_sides.tsv lists, and anyone for `---…` (actor of no known state).
//! For roots 03, 04 and 05 the direction does not matter, as in the gold files. Negated and hypothetical events are not claims, so
//! they are not scored (PETRARCH codes "would not provide support" as a rejection instead).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;

use super::events::{band, bands_line, BANDS};
use super::{attr, cause, ratio, Prf};
use crate::document::{Actor, Document, Event, EventActor};
use crate::{knowledge, pipeline};

const SIDES: &str = include_str!("../../data/eval/phoenix_sides.tsv");

/// One validation sentence and the events expected of it.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: String,
    pub date: Option<NaiveDate>,
    pub text: String,
    pub expected: Vec<Coded>,
}

/// An event as PETRARCH codes it: CAMEO code, Phoenix source and target codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coded {
    pub code: String,
    pub source: String,
    pub target: String,
}

impl Coded {
    fn root(&self) -> &str {
        self.code.get(..2).unwrap_or("")
    }
}

/// What became of one sentence.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: String,
    pub text: String,
    /// `ROOT SRC>TGT` of each matched expected event.
    pub matched: Vec<String>,
    /// Each missed expected event, with why (see `why_missed`).
    pub missed: Vec<String>,
    pub extra: Vec<String>,
}

/// Counts of one CAMEO root, or of all.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Counts {
    pub expected: usize,
    pub predicted: usize,
    pub matched: usize,
    /// Matched with the same full code, not only the root.
    pub exact: usize,
}

impl Counts {
    pub fn prf(&self) -> Prf {
        Prf::new(
            ratio(self.matched, self.predicted),
            ratio(self.matched, self.expected),
        )
    }
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub file: String,
    pub sentences: usize,
    /// Sentences PETRARCH codes no event for.
    pub no_event_sentences: usize,
    pub all: Counts,
    /// Missed expected events by reason.
    pub reasons: BTreeMap<String, usize>,
    /// Predictions no expected event matched, by why (see `why_extra`).
    pub extra_reasons: BTreeMap<String, usize>,
    /// Predictions and the matched among them, by confidence band (`events::BANDS`).
    pub bands: [(usize, usize); BANDS.len()],
    pub by_root: BTreeMap<String, Counts>,
    pub rows: Vec<Row>,
}

/// Reads the validation file; records without text are skipped.
///
/// The file is not well-formed XML (many `<Sentence …/>` tags are also closed), so it is read
/// record by record with patterns rather than with an XML parser.
pub fn parse(xml: &str) -> Vec<Record> {
    let sentence = Regex::new(r"(?s)<Sentence\b([^>]*)>(.*?)</Sentence>").expect("sentence");
    let coding = Regex::new(r"<EventCoding\b([^>]*)/?>").expect("coding");
    let text = Regex::new(r"(?s)<Text>(.*?)</Text>").expect("text");
    let mut records = Vec::new();
    for cap in sentence.captures_iter(xml) {
        let (attrs, inner) = (&cap[1], &cap[2]);
        let body = text
            .captures(inner)
            .map(|t| t[1].split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        if body.is_empty() {
            continue;
        }
        let expected = coding
            .captures_iter(inner)
            .filter_map(|c| {
                Some(Coded {
                    code: attr(&c[1], "eventcode")?,
                    source: attr(&c[1], "sourcecode")?,
                    target: attr(&c[1], "targetcode")?,
                })
            })
            .collect();
        records.push(Record {
            id: attr(attrs, "id").unwrap_or_default(),
            date: attr(attrs, "date").and_then(|d| NaiveDate::parse_from_str(&d, "%Y%m%d").ok()),
            text: body,
            expected,
        });
    }
    records
}

pub fn evaluate(path: &Path) -> Result<Report> {
    let xml = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    let records = parse(&xml);
    anyhow::ensure!(
        !records.is_empty(),
        "{}: no <Sentence> records",
        path.display()
    );
    Ok(score(&path.display().to_string(), &records))
}

/// Runs every sentence through the pipeline and scores what it codes.
pub fn score(file: &str, records: &[Record]) -> Report {
    let mut report = Report {
        file: file.to_string(),
        sentences: records.len(),
        no_event_sentences: records.iter().filter(|r| r.expected.is_empty()).count(),
        all: Counts::default(),
        reasons: BTreeMap::new(),
        extra_reasons: BTreeMap::new(),
        bands: Default::default(),
        by_root: BTreeMap::new(),
        rows: Vec::new(),
    };
    for r in records {
        let doc = pipeline::extract_clean(&r.id, &r.text, r.date);
        let row = score_record(r, &doc, &mut report);
        report.rows.push(row);
    }
    report
}

fn score_record(r: &Record, doc: &Document, report: &mut Report) -> Row {
    let predicted: Vec<&Event> = doc.events.iter().filter(|e| e.asserted()).collect();
    let mut row = Row {
        id: r.id.clone(),
        text: r.text.clone(),
        matched: Vec::new(),
        missed: Vec::new(),
        extra: Vec::new(),
    };
    let mut used = vec![false; predicted.len()];
    for c in &r.expected {
        let counts = report.by_root.entry(c.root().to_string()).or_default();
        counts.expected += 1;
        report.all.expected += 1;
        let found = (0..predicted.len()).find(|&j| !used[j] && fits(c, predicted[j]));
        let Some(j) = found else {
            let why = why_missed(c, doc);
            *report.reasons.entry(why.to_string()).or_default() += 1;
            row.missed
                .push(format!("{} {}>{} ({why})", c.code, c.source, c.target));
            continue;
        };
        used[j] = true;
        let exact = predicted[j].cameo == c.code;
        for counts in [
            report.by_root.get_mut(c.root()).expect("root"),
            &mut report.all,
        ] {
            counts.matched += 1;
            counts.exact += usize::from(exact);
        }
        row.matched
            .push(format!("{} {}>{}", c.code, c.source, c.target));
    }
    for (j, e) in predicted.iter().enumerate() {
        let b = &mut report.bands[band(e.confidence)];
        b.0 += 1;
        b.1 += usize::from(used[j]);
        report.all.predicted += 1;
        report.by_root.entry(e.root.clone()).or_default().predicted += 1;
        if !used[j] {
            let why = why_extra(e, &r.expected);
            *report.extra_reasons.entry(why.to_string()).or_default() += 1;
            row.extra.push(format!(
                "{} {}>{} {:?} ({why})",
                e.cameo,
                side(&e.source),
                side(&e.target),
                e.evidence.trigger
            ));
        }
    }
    row
}

fn fits(c: &Coded, e: &Event) -> bool {
    c.root() == e.root && dyad(c, e)
}

fn dyad(c: &Coded, e: &Event) -> bool {
    let (source, target) = (&e.source.actor, &e.target.actor);
    let direct = same(&c.source, source) && same(&c.target, target);
    let either_way =
        super::undirected(&e.root) && same(&c.source, target) && same(&c.target, source);
    direct || either_way
}

/// Why an expected event was missed, the first that applies, in the gold files' words
/// (`eval::events`): `flagged` (coded, but negated or hypothetical), `wrong direction` (its
/// root between its sides the other way round), `wrong root` (another root between its sides),
/// `no actor` (the sentence names no actor of one side), `side not linked` (both are named and
/// an event was coded, not between them), `no frame` (no event word gave an event).
fn why_missed(c: &Coded, doc: &Document) -> &'static str {
    let (asserted, flagged): (Vec<&Event>, Vec<&Event>) =
        doc.events.iter().partition(|e| e.asserted());
    let reversed =
        |e: &&Event| same(&c.source, &e.target.actor) && same(&c.target, &e.source.actor);
    if flagged.iter().any(|e| fits(c, e)) {
        cause::FLAGGED
    } else if asserted.iter().any(|e| e.root == c.root() && reversed(e)) {
        cause::WRONG_DIRECTION
    } else if asserted.iter().any(|e| dyad(c, e)) {
        cause::WRONG_ROOT
    } else if ![&c.source, &c.target]
        .iter()
        .all(|side| doc.mentions.iter().any(|m| same(side, &m.actor)))
    {
        cause::NO_ACTOR
    } else if !asserted.is_empty() {
        cause::SIDE_NOT_LINKED
    } else {
        cause::NO_FRAME
    }
}

/// Why a prediction matched no expected event of its sentence, in the gold files' words: `wrong
/// root` (one between the same sides under another root), `wrong side` (one of its root that
/// shares a side), `not in gold` (PETRARCH codes nothing like it).
fn why_extra(e: &Event, expected: &[Coded]) -> &'static str {
    let shares_side = |c: &Coded| {
        [&e.source, &e.target]
            .iter()
            .any(|a| same(&c.source, &a.actor) || same(&c.target, &a.actor))
    };
    if expected.iter().any(|c| dyad(c, e)) {
        cause::WRONG_ROOT
    } else if expected
        .iter()
        .any(|c| c.root() == e.root && shares_side(c))
    {
        cause::WRONG_SIDE
    } else {
        cause::NOT_IN_GOLD
    }
}

/// What a Phoenix code's first three letters stand for, by prefix (data/eval/phoenix_sides.tsv).
fn prefixes() -> &'static HashMap<&'static str, &'static str> {
    static P: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    P.get_or_init(|| knowledge::rows(SIDES).map(|r| (r[0], r[1])).collect())
}

/// Whether a Phoenix code names the actor Annals found, at the level Annals codes.
fn same(phoenix: &str, got: &Actor) -> bool {
    let prefix = phoenix.get(..3).unwrap_or(phoenix);
    match prefixes().get(prefix).copied() {
        Some("anyone") => true,
        Some(_) => got.country.is_none() && got.org.is_some(),
        None => got.country.as_deref() == Some(prefix),
    }
}

fn side(a: &EventActor) -> &str {
    a.actor.side().unwrap_or("?")
}

impl Report {
    pub fn table(&self, rows: bool) -> String {
        let mut out = format!(
            "PETRARCH-2 validation sentences: {} ({} with no event expected), {}\n",
            self.sentences, self.no_event_sentences, self.file
        );
        out += &line("all", &self.all);
        out += &format!("  F1 {:.3}\n", self.all.prf().f1);
        let totals = |m: &BTreeMap<String, usize>| {
            let parts: Vec<String> = m.iter().map(|(k, v)| format!("{k} {v}")).collect();
            parts.join(", ")
        };
        out += &format!("missed by reason: {}\n", totals(&self.reasons));
        out += &format!("extra by reason: {}\n", totals(&self.extra_reasons));
        out += &format!("precision by confidence: {}\n", bands_line(&self.bands));
        out += "\nby root\n";
        for (root, c) in &self.by_root {
            out += &line(root, c);
        }
        if rows {
            out += "\nsentences\n";
            for r in &self.rows {
                out += &format!("{}  {}\n", r.id, r.text);
                for (label, list) in [("ok", &r.matched), ("MISS", &r.missed), ("EXTRA", &r.extra)]
                {
                    for x in list {
                        out += &format!("    {label:<5} {x}\n");
                    }
                }
            }
        }
        out
    }
}

fn line(label: &str, c: &Counts) -> String {
    let p = c.prf();
    // A share of nothing is no figure: "-" rather than a perfect score.
    let share = |x: f64, of: usize| {
        if of == 0 {
            "  -  ".to_string()
        } else {
            format!("{x:.3}")
        }
    };
    format!(
        "  {label:<4} expected {:>3}  predicted {:>3}  matched {:>3} (same code {:>3})  P {} R {}\n",
        c.expected,
        c.predicted,
        c.matched,
        c.exact,
        share(p.precision, c.predicted),
        share(p.recall, c.expected),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<Sentences>
<Sentence category="T" date="20150609" id="T_1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USAGOV" targetcode="---" />
<Text>
Obama visited
Berlin.
</Text>
</Sentence>
<Sentence date="121108" id="T_2">
<EventCoding noevents="True"/>
<Text>Nothing here.</Text>
</Sentence>
<Sentence id="T_3"><Text></Text></Sentence>
</Sentences>"#;

    #[test]
    fn reads_records_from_the_loose_xml() {
        let r = parse(XML);
        assert_eq!(r.len(), 2, "the record without text is skipped");
        assert_eq!(r[0].text, "Obama visited Berlin.");
        assert_eq!(r[0].date, NaiveDate::from_ymd_opt(2015, 6, 9));
        assert_eq!(r[0].expected[0].source, "USAGOV");
        assert_eq!(r[0].expected[0].target, "---");
        assert_eq!(r[1].date, None, "an unreadable date is no date");
        assert!(r[1].expected.is_empty(), "noevents codes nothing");
    }

    #[test]
    fn scores_a_sentence_coded_right_and_one_coded_wrong() {
        let records = vec![
            record(
                "Russia seized the Kuril Islands from Japan.",
                "190",
                "RUS",
                "JPN",
            ),
            record(
                "Russia seized the Kuril Islands from Japan.",
                "042",
                "RUS",
                "JPN",
            ),
        ];
        let report = score("t", &records);
        assert_eq!(report.all.expected, 2);
        assert_eq!(report.all.matched, 1);
        assert_eq!(report.all.exact, 0, "the root matched, not the code");
        assert_eq!(report.reasons.get("wrong root"), Some(&1));
        assert!(report
            .table(true)
            .contains("MISS  042 RUS>JPN (wrong root)"));
    }

    fn record(text: &str, code: &str, source: &str, target: &str) -> Record {
        Record {
            id: "t".into(),
            date: NaiveDate::from_ymd_opt(2020, 1, 1),
            text: text.into(),
            expected: vec![Coded {
                code: code.into(),
                source: source.into(),
                target: target.into(),
            }],
        }
    }
}
