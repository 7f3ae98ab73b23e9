//! The syntax layer's model, embedded in the binary (`data/syntax/model.bin.gz`, trained by
//! `annals-train-syntax`: docs/syntax.md), and what the command line does with it: `annals
//! parse` prints CoNLL-U for articles or for a treebank's own words, `annals eval ud` scores
//! the model on a treebank against floors; `parse` is the pipeline's `syntax` stage.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::LazyLock;
use std::time::Instant;

use annals_syntax::{conllu, evaluate, evaluate_raw, tokenize, Model, Sentence};
use anyhow::{Context as _, Result};
use serde::Serialize;

use crate::document::{Document, Parsed, Span, Word};

static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::from_bytes(include_bytes!("../data/syntax/model.bin.gz"))
        .expect("the embedded syntax model reads")
});

/// The embedded model, read on first use.
pub fn model() -> &'static Model {
    &MODEL
}

/// The shipped model's scores on EWT test with gold words must not fall below these (the
/// model's own figures less a margin; regression floors, below the targets of UPOS
/// 0.95, UAS 0.88, LAS 0.85, which the model does not reach yet: docs/syntax.md).
pub const FLOORS: Floors = Floors {
    upos: 0.95,
    uas: 0.84,
    las: 0.81,
};

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Floors {
    pub upos: f64,
    pub uas: f64,
    pub las: f64,
}

/// The model's scores on one treebank.
#[derive(Debug, Serialize)]
pub struct UdReport {
    pub file: String,
    pub sentences: usize,
    pub words: usize,
    pub upos: f64,
    pub xpos: f64,
    pub lemma: f64,
    pub uas: f64,
    pub las: f64,
    /// From our own words of each sentence's text (CoNLL 2018 F1s).
    pub raw_words: f64,
    pub raw_upos: f64,
    pub raw_uas: f64,
    pub raw_las: f64,
    /// Tagging and parsing the gold words, one core.
    pub sentences_per_second: f64,
    pub floors: Floors,
    pub floors_met: bool,
}

impl UdReport {
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}: {} sentences, {} words",
            self.file, self.sentences, self.words
        );
        let _ = writeln!(
            out,
            "gold words:     UPOS {:.4}  XPOS {:.4}  lemma {:.4}  UAS {:.4}  LAS {:.4}  ({:.0} sentences/s on one core)",
            self.upos, self.xpos, self.lemma, self.uas, self.las, self.sentences_per_second
        );
        let _ = writeln!(
            out,
            "our own words:  words F1 {:.4}  UPOS {:.4}  UAS {:.4}  LAS {:.4}",
            self.raw_words, self.raw_upos, self.raw_uas, self.raw_las
        );
        let f = self.floors;
        let _ = write!(
            out,
            "floors (gold words): UPOS {} UAS {} LAS {}: {}",
            f.upos,
            f.uas,
            f.las,
            if self.floors_met { "met" } else { "NOT MET" }
        );
        out.push('\n');
        out
    }
}

fn read_treebank(path: &Path) -> Result<Vec<Sentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    conllu::parse(&text).with_context(|| format!("{}: not CoNLL-U", path.display()))
}

/// Scores the embedded model on a treebank (`annals eval ud`).
pub fn eval_ud(path: &Path) -> Result<UdReport> {
    let gold = read_treebank(path)?;
    let model = model();
    let started = Instant::now();
    let s = evaluate(model, &gold);
    let seconds = started.elapsed().as_secs_f64();
    let raw = evaluate_raw(model, &gold);
    let rate = |n| s.rate(n);
    let floors_met =
        rate(s.upos) >= FLOORS.upos && rate(s.uas) >= FLOORS.uas && rate(s.las) >= FLOORS.las;
    Ok(UdReport {
        file: path.display().to_string(),
        sentences: gold.len(),
        words: s.words,
        upos: rate(s.upos),
        xpos: rate(s.xpos),
        lemma: rate(s.lemma),
        uas: rate(s.uas),
        las: rate(s.las),
        raw_words: raw.f1(raw.words),
        raw_upos: raw.f1(raw.upos),
        raw_uas: raw.f1(raw.uas),
        raw_las: raw.f1(raw.las),
        sentences_per_second: gold.len() as f64 / seconds.max(1e-9),
        floors: FLOORS,
        floors_met,
    })
}

/// A treebank's sentences with the model's columns in place of the gold ones, their words and
/// comments kept (`annals parse --conllu-in`), for the standard evaluation script.
pub fn parse_treebank(path: &Path) -> Result<String> {
    let mut gold = read_treebank(path)?;
    for s in &mut gold {
        let forms: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
        let predicted = model().annotate(&forms);
        for (t, p) in s.tokens.iter_mut().zip(predicted) {
            *t = conllu::Token {
                form: std::mem::take(&mut t.form),
                misc: std::mem::take(&mut t.misc),
                ..p
            };
        }
    }
    Ok(conllu::write(&gold))
}

/// The `syntax` stage: each sentence of `body` cut into words in UD conventions, tagged,
/// lemmatized and parsed. One entry per sentence, empty for a sentence without words.
pub fn parse(body: &str, sentences: &[Span]) -> Vec<Parsed> {
    let bytes = crate::text::ByteOffsets::new(body);
    sentences
        .iter()
        .map(|s| {
            let start = bytes.at(s.start);
            parse_sentence(&body[start..bytes.at(s.end)], s.start)
        })
        .collect()
}

/// The words tagged and parsed. A wire dateline that opens the sentence ("MOSCOW (AP) - ") is
/// parsed apart, as the treebanks have it, a sentence of its own: parsed with the rest, its
/// place became a second subject of the verb. Its root is hung on the sentence's as
/// `parataxis`, so that the words stay one tree.
fn annotate(text: &str, spans: &[(usize, usize)], forms: &[&str]) -> Vec<conllu::Token> {
    if forms.is_empty() {
        return Vec::new();
    }
    let dateline = crate::clean::dateline_chars(text)
        .and_then(|chars| text.char_indices().nth(chars))
        .map(|(byte, _)| spans.partition_point(|&(a, _)| a < byte));
    let Some(k) = dateline.filter(|&k| k > 0 && k < forms.len()) else {
        return model().annotate(forms);
    };
    let mut rest = model().annotate(&forms[k..]);
    for t in &mut rest {
        if t.head > 0 {
            t.head += k;
        }
    }
    let root = rest
        .iter()
        .position(|t| t.head == 0)
        .map_or(k + 1, |r| k + r + 1);
    let mut words = model().annotate(&forms[..k]);
    for t in &mut words {
        if t.head == 0 {
            t.head = root;
            t.deprel = "parataxis".to_string();
        }
    }
    words.extend(rest);
    words
}

/// One sentence's text, whose first character is character `first` of the body.
pub fn parse_sentence(text: &str, first: usize) -> Parsed {
    let spans = tokenize::tokenize(text);
    let forms: Vec<&str> = spans.iter().map(|(a, b)| &text[*a..*b]).collect();
    let tokens = annotate(text, &spans, &forms);
    // Character offsets, counted on from the last word's end.
    let (mut byte, mut char) = (0, first);
    let mut at = |b: usize| {
        char += text[byte..b].chars().count();
        byte = b;
        char
    };
    let words = spans
        .iter()
        .zip(tokens)
        .map(|((a, b), t)| Word {
            start: at(*a),
            end: at(*b),
            form: t.form,
            lemma: t.lemma,
            upos: t.upos,
            xpos: t.xpos,
            head: t.head,
            deprel: t.deprel,
        })
        .collect();
    Parsed { words }
}

/// The sentences of one document's body as CoNLL-U (`annals parse PATH`), from its syntax
/// layer.
pub fn conllu_of(doc: &Document, out: &mut String) {
    let body = &doc.body;
    let bytes = crate::text::ByteOffsets::new(body);
    let text = |a: usize, b: usize| &body[bytes.at(a)..bytes.at(b)];
    for (n, (s, parsed)) in doc.sentences.iter().zip(&doc.syntax).enumerate() {
        let words = &parsed.words;
        let tokens = words
            .iter()
            .enumerate()
            .map(|(k, w)| {
                // SpaceAfter=No where the text has no space after the word, as treebanks mark it.
                let joined = words.get(k + 1).is_some_and(|next| next.start == w.end);
                conllu::Token {
                    form: w.form.clone(),
                    lemma: w.lemma.clone(),
                    upos: w.upos.clone(),
                    xpos: w.xpos.clone(),
                    head: w.head,
                    deprel: w.deprel.clone(),
                    misc: if joined {
                        "SpaceAfter=No".to_string()
                    } else {
                        String::new()
                    },
                    ..conllu::Token::default()
                }
            })
            .collect::<Vec<_>>();
        if tokens.is_empty() {
            continue;
        }
        let sentence = Sentence {
            comments: vec![
                format!("# doc_id = {}", doc.id),
                format!("# sent_id = {}-{}", doc.id, n + 1),
                format!("# text = {}", text(s.start, s.end).replace('\n', " ")),
            ],
            tokens,
        };
        out.push_str(&conllu::write(std::slice::from_ref(&sentence)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_reads_and_parses() {
        let forms = ["Japan", "protested", "to", "Russia", "."];
        let tokens = model().annotate(&forms);
        assert_eq!(tokens.len(), 5);
        assert_eq!(tokens.iter().filter(|t| t.head == 0).count(), 1);
        assert_eq!(tokens[1].deprel, "root", "{tokens:?}");
        assert_eq!(tokens[0].head, 2, "{tokens:?}");
        assert_eq!(tokens[0].deprel, "nsubj", "{tokens:?}");
        assert_eq!(tokens[3].head, 2, "{tokens:?}");
    }
}
