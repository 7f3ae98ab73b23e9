//! Scoring events on the CAMEO sentences of ConfliBERT's evaluation data
//! (`conflibert/cameo_class_{train,test}.tsv` and `cameo_ner_{train,test}.txt`): real news
//! sentences, each labelled with one event's class (data/eval/pentaclass.tsv) and, in the
//! second file, the words of its source (`S`), its target (`T`), or of both sides of a joint
//! act (`R`, "Jordan and Britain have agreed").
//!
//! Each sentence is read alone, undated. A predicted event is right when its source's words lie
//! within the source's span or hold it (the same for the target; a side the gold does not tag
//! takes any), and its root is of the sentence's class. Precision is over the predicted
//! events, recall over the sentences: the gold names one event a sentence, so a second right
//! event of a sentence counts for precision and not again for recall. Negated and hypothetical
//! events are not scored, as in `eval petrarch`. Sentences of the class file without a tagged
//! twin in the other file are counted and skipped (419 of the training sentences).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, Result};
use serde::Serialize;

use super::{ratio, Prf};
use crate::document::{Event, EventActor, Mention};
use crate::{knowledge, pipeline};

const CLASSES: &str = include_str!("../../data/eval/pentaclass.tsv");

/// One sentence with its gold event.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    pub text: String,
    pub class: String,
    pub sides: Sides,
}

/// The words of each side, per span, as the tagged file gives them.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Sides {
    pub source: Vec<Vec<String>>,
    pub target: Vec<Vec<String>>,
    pub joint: Vec<Vec<String>>,
}

/// What became of one sentence.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: String,
    pub class: String,
    pub text: String,
    /// Each scored prediction: `right`, `other class` or `other sides`, the code and the
    /// sides' words.
    pub predicted: Vec<String>,
    pub right: bool,
}

/// Counts of one class, or of all.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Counts {
    /// Sentences of the class (recall's denominator).
    pub sentences: usize,
    /// Of them, sentences with a right event.
    pub found: usize,
    /// Predictions whose root is of the class.
    pub predicted: usize,
    /// Of them, the right ones (sides and class).
    pub right: usize,
}

impl Counts {
    pub fn prf(&self) -> Prf {
        Prf::new(
            ratio(self.right, self.predicted),
            ratio(self.found, self.sentences),
        )
    }
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub split: String,
    pub sentences: usize,
    /// Sentences of the class file with no tagged twin: not scored.
    pub untagged: usize,
    pub all: Counts,
    /// Predictions with both sides right, whatever their class.
    pub sides_right: usize,
    pub by_class: BTreeMap<String, Counts>,
    pub rows: Vec<Row>,
}

/// The class of a CAMEO root (data/eval/pentaclass.tsv).
fn class_of(root: &str) -> Option<&'static str> {
    static C: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    C.get_or_init(|| knowledge::rows(CLASSES).map(|r| (r[0], r[1])).collect())
        .get(root)
        .copied()
}

/// The lowercase words of a text, letters and digits only: the tagged file splits "Russia's"
/// as "Russia 's", and the pipeline's mention keeps it whole.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Reads both files of a split: sentences paired with their tagged twin by their words.
pub fn read(dir: &Path, split: &str) -> Result<(Vec<Record>, usize)> {
    let read = |name: String| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).with_context(|| path.display().to_string())
    };
    let classes = read(format!("cameo_class_{split}.tsv"))?;
    let tagged = read(format!("cameo_ner_{split}.txt"))?;
    let sides: HashMap<Vec<String>, Sides> = tagged_sentences(&tagged).into_iter().collect();
    let mut records = Vec::new();
    let mut untagged = 0;
    for (i, line) in classes.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let Some((text, class)) = line.trim_end().rsplit_once('\t') else {
            anyhow::bail!(
                "cameo_class_{split}.tsv line {}: no class after a tab",
                i + 1
            );
        };
        match sides.get(&words(text)) {
            Some(s) => records.push(Record {
                id: format!("{split}{i:04}"),
                text: text.to_string(),
                class: class.trim().to_string(),
                sides: s.clone(),
            }),
            None => untagged += 1,
        }
    }
    anyhow::ensure!(!records.is_empty(), "{split}: no sentence with its tags");
    Ok((records, untagged))
}

/// The sentences of a CoNLL-style file (`word TAG` a line, a blank line between sentences),
/// each keyed by its words, with the words of its `S`, `T` and `R` spans.
fn tagged_sentences(text: &str) -> Vec<(Vec<String>, Sides)> {
    let mut out = Vec::new();
    let mut tokens: Vec<(&str, &str)> = Vec::new();
    for line in text.lines().map(str::trim_end).chain([""]) {
        if let Some((word, tag)) = line.rsplit_once(' ') {
            tokens.push((word, tag));
            continue;
        }
        if tokens.is_empty() {
            continue;
        }
        let key = tokens.iter().flat_map(|(w, _)| words(w)).collect();
        out.push((key, spans(&tokens)));
        tokens.clear();
    }
    out
}

fn spans(tokens: &[(&str, &str)]) -> Sides {
    let mut sides = Sides::default();
    let mut open: Option<(&str, Vec<String>)> = None;
    let mut close = |open: &mut Option<(&str, Vec<String>)>| {
        if let Some((kind, ws)) = open.take() {
            match kind {
                "S" => sides.source.push(ws),
                "T" => sides.target.push(ws),
                "R" => sides.joint.push(ws),
                _ => {}
            }
        }
    };
    for (word, tag) in tokens {
        match tag.split_once('-') {
            Some(("B", kind)) => {
                close(&mut open);
                open = Some((kind, words(word)));
            }
            Some(("I", _)) if open.is_some() => {
                open.as_mut().expect("open").1.extend(words(word));
            }
            _ => close(&mut open),
        }
    }
    close(&mut open);
    sides
}

pub fn evaluate(dir: &Path, split: &str) -> Result<Report> {
    let (records, untagged) = read(dir, split)?;
    Ok(score(split, &records, untagged))
}

/// Runs every sentence through the pipeline and scores what it codes.
pub fn score(split: &str, records: &[Record], untagged: usize) -> Report {
    let mut report = Report {
        split: split.to_string(),
        sentences: records.len(),
        untagged,
        all: Counts::default(),
        sides_right: 0,
        by_class: BTreeMap::new(),
        rows: Vec::new(),
    };
    for r in records {
        let doc = pipeline::extract_clean(&r.id, &r.text, None);
        let predicted: Vec<&Event> = doc.events.iter().filter(|e| e.asserted()).collect();
        let row = score_record(r, &predicted, &doc.mentions, &mut report);
        report.rows.push(row);
    }
    report
}

fn score_record(
    r: &Record,
    predicted: &[&Event],
    mentions: &[Mention],
    report: &mut Report,
) -> Row {
    let mut row = Row {
        id: r.id.clone(),
        class: r.class.clone(),
        text: r.text.clone(),
        predicted: Vec::new(),
        right: false,
    };
    for e in predicted {
        let class = class_of(&e.root).unwrap_or("?");
        let sides = sides_fit(&r.sides, e, mentions);
        let right = sides && class == r.class;
        report.sides_right += usize::from(sides);
        for counts in [
            report.by_class.entry(class.to_string()).or_default(),
            &mut report.all,
        ] {
            counts.predicted += 1;
            counts.right += usize::from(right);
        }
        row.right |= right;
        let verdict = match (sides, right) {
            (_, true) => "right",
            (true, false) => "other class",
            (false, _) => "other sides",
        };
        row.predicted.push(format!(
            "{verdict}: {} {:?} > {:?} {:?}",
            e.cameo, e.source.text, e.target.text, e.evidence.trigger
        ));
    }
    for counts in [
        report.by_class.entry(r.class.clone()).or_default(),
        &mut report.all,
    ] {
        counts.sentences += 1;
        counts.found += usize::from(row.right);
    }
    row
}

/// Whether the event's sides are the gold's: for a joint act, both within its spans; else the
/// source within the source and the target within the target (either any, where the gold tags
/// none: 11 test sentences tag a target alone, "The U.S. announced a suspension of aid to
/// Guatemala").
fn sides_fit(gold: &Sides, e: &Event, mentions: &[Mention]) -> bool {
    let (source, target) = (named(&e.source, mentions), named(&e.target, mentions));
    if !gold.joint.is_empty() {
        return within(source, &gold.joint) && within(target, &gold.joint);
    }
    let side = |got: &str, spans: &[Vec<String>]| spans.is_empty() || within(got, spans);
    side(source, &gold.source) && side(target, &gold.target)
}

/// The words a side names: a pronoun's are those of the name the actors stage resolved it to,
/// as its mention quotes it ("urged him to" after "President Recep Tayyip Erdogan").
fn named<'a>(side: &'a EventActor, mentions: &'a [Mention]) -> &'a str {
    let pronoun = mentions
        .iter()
        .find(|m| (m.start, m.end) == (side.start, side.end) && m.rule == crate::actors::PRONOUN);
    pronoun
        .and_then(|m| crate::actors::referred_name(&m.why))
        .unwrap_or(&side.text)
}

/// Whether a side's words lie inside one of the spans, or hold one of them.
fn within(text: &str, spans: &[Vec<String>]) -> bool {
    let ws = words(text);
    !ws.is_empty() && spans.iter().any(|s| holds(s, &ws) || holds(&ws, s))
}

/// Whether `inner` runs word for word somewhere in `outer`.
fn holds(outer: &[String], inner: &[String]) -> bool {
    !inner.is_empty() && outer.windows(inner.len()).any(|w| w == inner)
}

impl Report {
    pub fn table(&self, rows: bool) -> String {
        let mut out = format!(
            "ConfliBERT CAMEO sentences ({}): {} scored, {} without tags skipped\n",
            self.split, self.sentences, self.untagged
        );
        out += &line("all", &self.all);
        out += &format!(
            "  F1 {:.3}; predictions with both sides right, any class: {} of {} ({:.3})\n",
            self.all.prf().f1,
            self.sides_right,
            self.all.predicted,
            ratio(self.sides_right, self.all.predicted)
        );
        out += "\nby class (0 statements and appeals, 1 verbal cooperation, 2 material \
                cooperation, 3 verbal conflict, 4 material conflict)\n";
        for (class, c) in &self.by_class {
            out += &line(class, c);
        }
        if rows {
            out += "\nsentences\n";
            for r in &self.rows {
                let mark = if r.right { "ok  " } else { "MISS" };
                out += &format!("{mark} {} class {}  {}\n", r.id, r.class, r.text);
                for p in &r.predicted {
                    out += &format!("        {p}\n");
                }
            }
        }
        out
    }
}

fn line(label: &str, c: &Counts) -> String {
    let p = c.prf();
    format!(
        "  {label:<4} sentences {:>4}  found {:>4}  predicted {:>4}  right {:>4}  P {:.3} R {:.3}\n",
        c.sentences, c.found, c.predicted, c.right, p.precision, p.recall
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAGGED: &str = "Jordan B-R\nand I-R\nBritain I-R\nagreed O\n. O\n\n\
        Japan B-S\n's O\nminister O\ncondemned O\nRussia B-T\n. O\n";

    #[test]
    fn reads_spans_and_pairs_sentences_by_their_words() {
        let pairs = tagged_sentences(TAGGED);
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0].1.joint, vec![words("Jordan and Britain")]);
        assert_eq!(pairs[1].1.source, vec![words("Japan")]);
        assert_eq!(pairs[1].1.target, vec![words("Russia")]);
        assert_eq!(pairs[1].0, words("Japan's minister condemned Russia."));
    }

    #[test]
    fn every_root_has_a_class() {
        for root in 1..=20 {
            assert!(class_of(&format!("{root:02}")).is_some(), "{root}");
        }
        assert_eq!(class_of("16"), Some("3"));
        assert_eq!(class_of("14"), Some("4"));
    }

    #[test]
    fn scores_a_right_event_and_a_wrong_class() {
        let record = |class: &str| Record {
            id: "t".into(),
            text: "Japan condemned Russia.".into(),
            class: class.into(),
            sides: Sides {
                source: vec![words("Japan")],
                target: vec![words("Russia")],
                joint: Vec::new(),
            },
        };
        let report = score("t", &[record("3"), record("1")], 0);
        assert_eq!(report.all.sentences, 2);
        assert_eq!(
            report.all.found, 1,
            "condemning is verbal conflict, not cooperation"
        );
        assert_eq!(report.all.predicted, 2);
        assert_eq!(report.sides_right, 2);
        assert!(report.table(true).contains("other class: 111"));
        let untagged = Record {
            sides: Sides {
                source: Vec::new(),
                ..record("3").sides
            },
            ..record("3")
        };
        let report = score("t", &[untagged], 0);
        assert_eq!(
            report.all.found, 1,
            "a side the gold does not tag takes any"
        );
    }

    #[test]
    fn a_resolved_pronoun_is_scored_by_the_name_it_stands_for() {
        let text = "President Gabriel Boric called Peruvian President Pedro Castillo and urged him to end the strike.";
        let record = Record {
            id: "t".into(),
            text: text.into(),
            class: "0".into(),
            sides: Sides {
                source: vec![words("President Gabriel Boric")],
                target: vec![words("Peruvian President Pedro Castillo")],
                joint: Vec::new(),
            },
        };
        let report = score("t", &[record], 0);
        assert_eq!(report.all.found, 1, "{}", report.table(true));
    }
}
