//! Scores actor mentions against hand-checked lists (format: `tests/mentions/README.md`):
//! precision and recall of mentions whose span overlaps a gold mention's and whose code (and
//! person, where the gold names one) agrees.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde::Serialize;

use crate::clean::Context;
use crate::document::Mention;
use crate::eval::Prf;
use crate::{ingest, knowledge, pipeline};

/// One gold mention, located in the body.
#[derive(Debug, Clone, Serialize)]
pub struct GoldMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub code: String,
    pub name: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct DocScore {
    pub doc: String,
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    /// Matched with exactly the gold span.
    pub exact_span: usize,
    pub missed: Vec<String>,
    pub extra: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub docs: Vec<DocScore>,
    pub score: Prf,
    pub exact_span: Prf,
}

/// Scores every article of `corpus` that has a list in `gold_dir` (`NAME.tsv` for `NAME.txt`).
pub fn evaluate(gold_dir: &Path, corpus: &Path) -> Result<Report> {
    let mut lists: Vec<PathBuf> = std::fs::read_dir(gold_dir)
        .with_context(|| format!("cannot read mention lists in {}", gold_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    lists.sort();
    anyhow::ensure!(
        !lists.is_empty(),
        "no *.tsv mention lists in {}",
        gold_dir.display()
    );
    let mut docs = Vec::new();
    for list in &lists {
        let stem = list.file_stem().unwrap_or_default().to_string_lossy();
        let path = corpus.join(format!("{stem}.txt"));
        let raw = ingest::read(
            &ingest::Source::File(path.clone()),
            ingest::DEFAULT_MAX_BYTES,
        )
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        let doc = pipeline::extract(&raw, &Context::default());
        let text = std::fs::read_to_string(list)?;
        let gold = read_list(&text, &doc.body).with_context(|| list.display().to_string())?;
        docs.push(score(&stem, &gold, &doc.mentions));
    }
    let sum = |f: fn(&DocScore) -> usize| docs.iter().map(f).sum::<usize>();
    let (gold, predicted) = (sum(|d| d.gold), sum(|d| d.predicted));
    Ok(Report {
        score: Prf::from_counts(sum(|d| d.matched), predicted, gold),
        exact_span: Prf::from_counts(sum(|d| d.exact_span), predicted, gold),
        docs,
    })
}

/// Reads a list and finds each mention's span in the body: the n-th whole-word occurrence.
pub fn read_list(list: &str, body: &str) -> Result<Vec<GoldMention>> {
    let chars: Vec<char> = body.chars().collect();
    let mut out = Vec::new();
    for r in knowledge::rows(list) {
        anyhow::ensure!(r.len() >= 3, "a line needs text, n and code: {r:?}");
        let n: usize = r[1]
            .parse()
            .with_context(|| format!("bad occurrence {:?}", r[1]))?;
        let start = nth_word_occurrence(&chars, r[0], n)
            .with_context(|| format!("{:?} does not occur {n} time(s) in the body", r[0]))?;
        out.push(GoldMention {
            start,
            end: start + r[0].chars().count(),
            text: r[0].to_string(),
            code: r[2].to_string(),
            name: r.get(3).filter(|s| !s.is_empty()).map(|s| s.to_string()),
        });
    }
    Ok(out)
}

fn nth_word_occurrence(body: &[char], text: &str, n: usize) -> Option<usize> {
    let needle: Vec<char> = text.chars().collect();
    let alnum = |i: usize| body.get(i).is_some_and(|c| c.is_alphanumeric());
    let edge = |i: usize| i == 0 || i >= body.len() || !(alnum(i - 1) && alnum(i));
    let mut seen = 0;
    for i in 0..body.len().saturating_sub(needle.len() - 1) {
        if body[i..i + needle.len()] == needle[..] && edge(i) && edge(i + needle.len()) {
            seen += 1;
            if seen == n {
                return Some(i);
            }
        }
    }
    None
}

/// One-to-one matching, gold in order, each taking the first unused prediction that fits.
pub fn score(doc: &str, gold: &[GoldMention], predicted: &[Mention]) -> DocScore {
    let mut used = vec![false; predicted.len()];
    let mut s = DocScore {
        doc: doc.to_string(),
        gold: gold.len(),
        predicted: predicted.len(),
        ..DocScore::default()
    };
    for g in gold {
        let fit = predicted
            .iter()
            .enumerate()
            .position(|(i, p)| !used[i] && fits(g, p));
        match fit {
            Some(i) => {
                used[i] = true;
                s.matched += 1;
                let p = &predicted[i];
                s.exact_span += usize::from(p.start == g.start && p.end == g.end);
            }
            None => s.missed.push(format!("{} {} {}", g.start, g.text, g.code)),
        }
    }
    for (p, _) in predicted.iter().zip(&used).filter(|(_, u)| !**u) {
        s.extra
            .push(format!("{} {} {}", p.start, p.text, p.actor.code));
    }
    s
}

fn fits(g: &GoldMention, p: &Mention) -> bool {
    let overlap = p.start < g.end && g.start < p.end;
    let name = g.name.is_none() || g.name == p.actor.name;
    overlap && same_code(&g.code, &p.actor.code) && name
}

/// Codes agree, the Soviet Union and Russia counting as one state.
fn same_code(a: &str, b: &str) -> bool {
    let norm = |c: &str| {
        c.strip_prefix("SUN")
            .map_or(c.to_string(), |r| format!("RUS{r}"))
    };
    norm(a) == norm(b)
}

impl Report {
    pub fn table(&self, errors: bool) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        for d in &self.docs {
            let _ = writeln!(
                s,
                "{:<32} gold {:>3}  predicted {:>3}  matched {:>3}",
                d.doc, d.gold, d.predicted, d.matched
            );
            if errors {
                d.missed.iter().for_each(|m| {
                    let _ = writeln!(s, "    missed {m}");
                });
                d.extra.iter().for_each(|m| {
                    let _ = writeln!(s, "    extra  {m}");
                });
            }
        }
        let (p, e) = (self.score, self.exact_span);
        let _ = writeln!(
            s,
            "mentions  P {:.3}  R {:.3}  F1 {:.3}   (exact spans: P {:.3}  R {:.3})",
            p.precision, p.recall, p.f1, e.precision, e.recall
        );
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Actor;

    fn mention(start: usize, end: usize, code: &str) -> Mention {
        Mention {
            start,
            end,
            text: String::new(),
            actor: Actor {
                code: code.to_string(),
                ..Actor::default()
            },
            place: false,
            rule: String::new(),
            why: String::new(),
        }
    }

    #[test]
    fn finds_the_nth_whole_word_occurrence() {
        let body = "Russian Russia and Russia.";
        let g = read_list("Russia\t2\tRUS\t-\n", body).unwrap();
        assert_eq!((g[0].start, g[0].end), (19, 25));
        assert!(read_list("Russia\t3\tRUS\t-\n", body).is_err());
    }

    #[test]
    fn matching_is_one_to_one_on_overlap_and_code() {
        let gold = read_list("Japan\t1\tJPN\t-\nJapan\t1\tRUS\t-\n", "Japan").unwrap();
        let s = score("d", &gold, &[mention(0, 5, "JPN"), mention(0, 2, "JPN")]);
        assert_eq!((s.matched, s.missed.len(), s.extra.len()), (1, 1, 1));
        let soviet = read_list("Soviet\t1\tSUNMIL\t-\n", "Soviet").unwrap();
        assert_eq!(score("d", &soviet, &[mention(0, 6, "RUSMIL")]).matched, 1);
    }
}
