//! TempEval-3 task A for time expressions: reads TimeML files, tags their text with each file's
//! creation time as the reference, and scores extraction (strict and relaxed F1) and
//! normalization (value accuracy; value F1 = relaxed F1 × value accuracy).
//!
//! Only TIMEX3 inside `<TEXT>` counts; the creation time itself is given, not found, so it is
//! left out of both sides. Matching is one-to-one: strict when the character spans are equal,
//! relaxed when they overlap.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;

use super::Prf;
use crate::time;

/// One gold or system expression of a TimeML text.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Expr {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
}

/// A TimeML document: its creation time, plain text and gold expressions.
#[derive(Debug, Clone)]
pub struct TimeMl {
    pub name: String,
    pub dct: NaiveDate,
    pub text: String,
    pub gold: Vec<Expr>,
}

/// A disagreement, for the error listing.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub doc: String,
    pub dct: String,
    /// `missed`, `spurious` or `value`.
    pub kind: &'static str,
    pub gold: Option<Expr>,
    pub system: Option<Expr>,
}

/// Scores over a set of documents.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Scores {
    pub documents: usize,
    pub gold: usize,
    pub system: usize,
    pub strict: Prf,
    pub relaxed: Prf,
    pub value_accuracy: f64,
    pub type_accuracy: f64,
    pub value_f1: f64,
    pub type_f1: f64,
    /// Bare weekdays ("said Friday") whose gold value is a day: how many, and how many the
    /// normalizer dates right from the creation time.
    pub weekdays: usize,
    pub weekdays_right: usize,
    /// Documents that name a weekday in the past, and those published on the day of the first
    /// one or the day after (from a Friday, to the Monday): the inference's `lead-weekday` rule.
    pub lead_weekday: usize,
    pub lead_weekday_held: usize,
    /// Documents that name a weekday in the past, and those where each is at most three days
    /// before the creation day: the inference's `recent-weekdays` rule.
    pub recent_weekdays: usize,
    pub recent_weekdays_held: usize,
    /// Dating from content alone (the creation time hidden): documents given an interval,
    /// how many of those intervals hold the creation time, and their median width in days.
    pub dated: usize,
    pub dated_right: usize,
    pub dated_median_days: i64,
    #[serde(skip)]
    pub misses: Vec<Miss>,
}

/// The TimeML files (`.tml`) of the given files and folders, in name order.
pub fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            for e in walkdir::WalkDir::new(p).sort_by_file_name() {
                let e = e?;
                if e.path().extension().is_some_and(|x| x == "tml") {
                    out.push(e.into_path());
                }
            }
        } else if p.exists() {
            out.push(p.clone());
        } else {
            bail!("{}: no such file or folder", p.display());
        }
    }
    Ok(out)
}

/// Reads one TimeML file.
pub fn read(path: &Path) -> Result<TimeMl> {
    let xml = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    parse(
        &path.file_name().unwrap_or_default().to_string_lossy(),
        &xml,
    )
    .with_context(|| path.display().to_string())
}

/// Parses TimeML text: the DCT's value and the `<TEXT>` element with its TIMEX3 tags.
pub fn parse(name: &str, xml: &str) -> Result<TimeMl> {
    let dct_re = Regex::new(r#"(?s)<DCT>.*?value="(\d{4}-\d{2}-\d{2})"#).expect("dct regex");
    let dct = dct_re
        .captures(xml)
        .and_then(|c| NaiveDate::parse_from_str(&c[1], "%Y-%m-%d").ok())
        .context("no creation time (<DCT> with a TIMEX3 value)")?;
    let start = xml.find("<TEXT>").context("no <TEXT> element")? + "<TEXT>".len();
    let end = xml[start..]
        .find("</TEXT>")
        .map(|e| start + e)
        .context("no </TEXT>")?;
    let (text, gold) = strip_tags(&xml[start..end])?;
    Ok(TimeMl {
        name: name.to_string(),
        dct,
        text,
        gold,
    })
}

/// The text without its tags (entities decoded), and the TIMEX3 elements as character spans.
fn strip_tags(xml: &str) -> Result<(String, Vec<Expr>)> {
    let mut text = String::with_capacity(xml.len());
    let mut chars = 0usize;
    let mut open: Option<(usize, String, String)> = None;
    let mut gold = Vec::new();
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        chars += push_text(&mut text, &rest[..lt]);
        let gt = rest[lt..].find('>').context("unclosed tag")? + lt;
        let tag = &rest[lt + 1..gt];
        if let Some(attrs) = tag.strip_prefix("TIMEX3") {
            let get = |k: &str| super::attr(attrs, k).unwrap_or_default();
            open = Some((chars, get("type"), get("value")));
        } else if tag == "/TIMEX3" {
            let (from, kind, value) = open.take().context("</TIMEX3> without <TIMEX3>")?;
            let covered: String = text.chars().skip(from).collect();
            gold.push(trimmed(Expr {
                start: from,
                end: chars,
                text: covered,
                kind,
                value,
            }));
        }
        rest = &rest[gt + 1..];
    }
    push_text(&mut text, rest);
    Ok((text, gold))
}

/// Appends XML character data with its entities decoded; returns how many characters it added.
fn push_text(out: &mut String, raw: &str) -> usize {
    let decoded = raw
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    out.push_str(&decoded);
    decoded.chars().count()
}

/// An expression without surrounding white space or a trailing period ("next week.").
fn trimmed(mut e: Expr) -> Expr {
    let lead = e.text.len() - e.text.trim_start().len();
    let t = e.text.trim().trim_end_matches(['.', ',']).trim_end();
    e.start += e.text[..lead].chars().count();
    e.end = e.start + t.chars().count();
    e.text = t.to_string();
    e
}

/// The system's expressions for a document, TimeML types only.
pub fn system(doc: &TimeMl, tagged: &time::Tagged) -> Vec<Expr> {
    time::timexes(tagged, Some((doc.dct, doc.dct)))
        .into_iter()
        .filter(|t| matches!(t.kind.as_str(), "DATE" | "TIME" | "DURATION" | "SET"))
        .map(|t| Expr {
            start: t.start,
            end: t.end,
            text: t.text,
            kind: t.kind,
            value: t.value,
        })
        .collect()
}

/// Scores every TimeML file under `paths`.
pub fn evaluate(paths: &[PathBuf]) -> Result<Scores> {
    let mut docs = Vec::new();
    for f in files(paths)? {
        docs.push(read(&f)?);
    }
    if docs.is_empty() {
        bail!("no .tml files found");
    }
    Ok(score(&docs))
}

/// Scores documents already read.
pub fn score(docs: &[TimeMl]) -> Scores {
    let mut s = Scores {
        documents: docs.len(),
        ..Scores::default()
    };
    let (mut strict, mut relaxed, mut values, mut types) = (0, 0, 0, 0);
    let mut widths = Vec::new();
    for doc in docs {
        let tagged = time::tag(&doc.text);
        let sys = system(doc, &tagged);
        count_weekdays(doc, &sys, &mut s);
        if let Some(held) = time::infer::lead_weekday_holds(&tagged, doc.dct) {
            s.lead_weekday += 1;
            s.lead_weekday_held += usize::from(held);
        }
        if let Some(held) = time::infer::recent_weekdays_hold(&tagged, doc.dct) {
            s.recent_weekdays += 1;
            s.recent_weekdays_held += usize::from(held);
        }
        if let Some(width) = date_from_content(doc, &tagged, &mut s) {
            widths.push(width);
        }
        s.gold += doc.gold.len();
        s.system += sys.len();
        let pairs = align(&doc.gold, &sys);
        let mut used = vec![false; sys.len()];
        for (g, m) in doc.gold.iter().zip(&pairs) {
            let Some(j) = *m else {
                s.misses.push(miss(doc, "missed", Some(g), None));
                continue;
            };
            used[j] = true;
            let e = &sys[j];
            relaxed += 1;
            strict += usize::from(e.start == g.start && e.end == g.end);
            types += usize::from(e.kind == g.kind);
            if e.value == g.value {
                values += 1;
            } else {
                s.misses.push(miss(doc, "value", Some(g), Some(e)));
            }
        }
        for (e, u) in sys.iter().zip(&used) {
            if !u {
                s.misses.push(miss(doc, "spurious", None, Some(e)));
            }
        }
    }
    widths.sort_unstable();
    s.dated_median_days = widths.get(widths.len() / 2).copied().unwrap_or(0);
    s.strict = Prf::from_counts(strict, s.system, s.gold);
    s.relaxed = Prf::from_counts(relaxed, s.system, s.gold);
    let ratio = |n: usize| {
        if relaxed == 0 {
            0.0
        } else {
            n as f64 / relaxed as f64
        }
    };
    s.value_accuracy = ratio(values);
    s.type_accuracy = ratio(types);
    s.value_f1 = s.relaxed.f1 * s.value_accuracy;
    s.type_f1 = s.relaxed.f1 * s.type_accuracy;
    s
}

/// Bare weekdays of the gold whose value is a day, and how many the system dates the same.
fn count_weekdays(doc: &TimeMl, sys: &[Expr], s: &mut Scores) {
    for g in &doc.gold {
        if time::weekday_of(&g.text).is_none() || g.value.len() != 10 {
            continue;
        }
        s.weekdays += 1;
        let same = sys.iter().any(|e| e.start == g.start && e.value == g.value);
        s.weekdays_right += usize::from(same);
    }
}

/// Dates the document from its content alone; counts it, and whether the interval holds the
/// creation time. Returns the interval's width in days.
fn date_from_content(doc: &TimeMl, tagged: &time::Tagged, s: &mut Scores) -> Option<i64> {
    let p = time::infer::infer(tagged, time::infer::Hints::default())?;
    let (a, b): (NaiveDate, NaiveDate) = (p.earliest.parse().ok()?, p.latest.parse().ok()?);
    s.dated += 1;
    s.dated_right += usize::from(a <= doc.dct && doc.dct <= b);
    Some((b - a).num_days() + 1)
}

/// For each gold expression, the system expression it is matched with: the first overlapping
/// one not taken yet (an exact match wins over an overlap).
fn align(gold: &[Expr], sys: &[Expr]) -> Vec<Option<usize>> {
    let mut taken = vec![false; sys.len()];
    let mut out = vec![None; gold.len()];
    for exact in [true, false] {
        for (gi, g) in gold.iter().enumerate() {
            if out[gi].is_some() {
                continue;
            }
            let hit = sys.iter().enumerate().position(|(j, e)| {
                !taken[j]
                    && if exact {
                        e.start == g.start && e.end == g.end
                    } else {
                        e.start < g.end && g.start < e.end
                    }
            });
            if let Some(j) = hit {
                taken[j] = true;
                out[gi] = Some(j);
            }
        }
    }
    out
}

fn miss(doc: &TimeMl, kind: &'static str, g: Option<&Expr>, e: Option<&Expr>) -> Miss {
    Miss {
        doc: doc.name.clone(),
        dct: doc.dct.to_string(),
        kind,
        gold: g.cloned(),
        system: e.cloned(),
    }
}

impl Scores {
    pub fn table(&self, name: &str) -> String {
        format!(
            "{name}: {} documents, {} gold and {} system expressions\n  \
             strict   P {:.3}  R {:.3}  F1 {:.3}\n  \
             relaxed  P {:.3}  R {:.3}  F1 {:.3}\n  \
             value accuracy {:.3}  value F1 {:.3}   type accuracy {:.3}  type F1 {:.3}\n  \
             bare weekdays dated from the creation time: {}/{} right\n  \
             first weekday named in the past: the creation day or the day before (from a \
             Friday, to Monday) in {}/{} documents\n  \
             weekdays named in the past: each at most 3 days old in {}/{} documents\n  \
             dated from content alone: {}/{} documents, {} holding the creation time \
             (median interval {} days)\n",
            self.documents,
            self.gold,
            self.system,
            self.strict.precision,
            self.strict.recall,
            self.strict.f1,
            self.relaxed.precision,
            self.relaxed.recall,
            self.relaxed.f1,
            self.value_accuracy,
            self.value_f1,
            self.type_accuracy,
            self.type_f1,
            self.weekdays_right,
            self.weekdays,
            self.lead_weekday_held,
            self.lead_weekday,
            self.recent_weekdays_held,
            self.recent_weekdays,
            self.dated,
            self.documents,
            self.dated_right,
            self.dated_median_days,
        )
    }

    pub fn errors(&self) -> String {
        let show = |e: &Option<Expr>| {
            e.as_ref().map_or("—".to_string(), |e| {
                format!("{:?} {} {}", e.text, e.kind, e.value)
            })
        };
        self.misses
            .iter()
            .map(|m| {
                format!(
                    "{:<9} {} ({})  gold {}  system {}\n",
                    m.kind,
                    m.doc,
                    m.dct,
                    show(&m.gold),
                    show(&m.system)
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<TimeML><DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>Officials said <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> that prices rose &amp; fell over <TIMEX3 tid="t2" type="DURATION" value="P2Y">the past two years</TIMEX3>.</TEXT></TimeML>"#;

    #[test]
    fn parses_and_scores_a_timeml_text() {
        let doc = parse("x.tml", DOC).unwrap();
        assert_eq!(doc.dct.to_string(), "2013-03-22");
        assert!(doc.text.contains("rose & fell"));
        assert_eq!(doc.gold.len(), 2);
        let g = &doc.gold[1];
        let span: String = doc
            .text
            .chars()
            .skip(g.start)
            .take(g.end - g.start)
            .collect();
        assert_eq!(span, "the past two years");
        let s = score(&[doc]);
        assert_eq!(
            (s.relaxed.f1, s.strict.f1, s.value_accuracy),
            (1.0, 1.0, 1.0)
        );
    }

    #[test]
    fn relaxed_counts_overlaps_and_values_are_exact() {
        let e = |start, end, value: &str| Expr {
            start,
            end,
            text: String::new(),
            kind: "DATE".into(),
            value: value.into(),
        };
        let gold = [e(0, 10, "2013"), e(20, 25, "P1Y")];
        let sys = [e(2, 10, "2013"), e(30, 35, "x")];
        assert_eq!(align(&gold, &sys), vec![Some(0), None]);
    }
}
