//! Syntax for Annals: a part-of-speech tagger and a dependency parser for English in Universal
//! Dependencies conventions, trained here from UD treebanks (`annals-train-syntax`), small and
//! fast enough to run on every sentence of a news feed.
//!
//! - `conllu`: reading and writing the treebanks' format;
//! - `perceptron`: the averaged perceptron both models score with;
//! - `tagger`: Penn and universal tags and lemmas;
//! - `parser`: greedy arc-hybrid transitions trained with a dynamic oracle;
//! - `tokenize`: words of raw text in UD conventions;
//! - `repair`: attachments a greedy parser gets wrong, set right after parsing;
//! - `Model`: the two together, saved as one compressed file; `evaluate` and `Score`: UPOS,
//!   UAS and LAS against gold sentences; `evaluate_raw` and `RawScore`: the same from our words.

pub mod codec;
pub mod conllu;
pub mod parser;
pub mod perceptron;
pub mod repair;
pub mod tagger;
pub mod tokenize;

use std::io::{Read, Write};

pub use conllu::{Sentence, Token};
use parser::{Parser, Word};
use tagger::Tagger;

/// The tagger and the parser, as one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub tagger: Tagger,
    pub parser: Parser,
}

/// The first bytes of a model file (after decompression), with its layout's version.
const MAGIC: &[u8] = b"annals-syntax 1\n";

/// A model that cannot be read.
#[derive(Debug)]
pub struct BadModel(pub String);

impl std::fmt::Display for BadModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadModel {}

impl Model {
    /// Tags, lemmatizes and parses a sentence given as its words.
    pub fn annotate(&self, forms: &[&str]) -> Vec<Token> {
        let mut tagged = self.tagger.tag(forms);
        self.retag(forms, &mut tagged);
        let words: Vec<Word> = forms
            .iter()
            .zip(&tagged)
            .map(|(f, t)| {
                let (upos, xpos) = (
                    &self.tagger.upos[t.upos as usize],
                    &self.tagger.xpos[t.xpos as usize],
                );
                Word::new(f, upos, xpos)
            })
            .collect();
        let arcs = self.parser.parse(&words);
        let mut tokens: Vec<Token> = forms
            .iter()
            .zip(tagged)
            .zip(arcs)
            .map(|((form, t), (head, deprel))| Token {
                form: form.to_string(),
                lemma: t.lemma,
                upos: self.tagger.upos[t.upos as usize].clone(),
                xpos: self.tagger.xpos[t.xpos as usize].clone(),
                head,
                deprel: deprel.to_string(),
                ..Token::default()
            })
            .collect();
        repair::repair(&mut tokens);
        tokens
    }

    /// The tags the repairs before parsing change (`repair::verbs_before_that`), so that the
    /// parser builds the clause around the right verb.
    fn retag(&self, forms: &[&str], tagged: &mut [tagger::Tagged]) {
        let xpos: Vec<&str> = tagged
            .iter()
            .map(|t| self.tagger.xpos[t.xpos as usize].as_str())
            .collect();
        let lemmas: Vec<&str> = tagged.iter().map(|t| t.lemma.as_str()).collect();
        let verbs = repair::verbs_before_that(forms, &xpos, &lemmas);
        let index = |tags: &[String], tag: &str| tags.iter().position(|t| t == tag);
        let (Some(vbz), Some(verb), Some(inn), Some(sconj)) = (
            index(&self.tagger.xpos, "VBZ"),
            index(&self.tagger.upos, "VERB"),
            index(&self.tagger.xpos, "IN"),
            index(&self.tagger.upos, "SCONJ"),
        ) else {
            return;
        };
        // The verb, and the "that" after it, which opens its clause.
        for i in verbs {
            tagged[i].xpos = vbz as u16;
            tagged[i].upos = verb as u16;
            if forms[i + 1].eq_ignore_ascii_case("that") {
                tagged[i + 1].xpos = inn as u16;
                tagged[i + 1].upos = sconj as u16;
            }
        }
    }

    /// The model without its weights of at most `least` units of 16 bits.
    pub fn pruned(&self, least: i16) -> Model {
        Model {
            tagger: self.tagger.pruned(least),
            parser: self.parser.pruned(least),
        }
    }

    /// The model as compressed bytes; the same model gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = codec::Writer::default();
        w.0.extend_from_slice(MAGIC);
        self.tagger.write(&mut w);
        self.parser.write(&mut w);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&w.0).expect("writing to memory");
        gz.finish().expect("writing to memory")
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, BadModel> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(|e| BadModel(format!("the syntax model is not a gzip file: {e}")))?;
        let body = raw
            .strip_prefix(MAGIC)
            .ok_or_else(|| BadModel("not a syntax model of this version".to_string()))?;
        let mut r = codec::Reader::new(body);
        let bad = |e: codec::Corrupt| BadModel(e.to_string());
        let tagger = Tagger::read(&mut r).map_err(bad)?;
        let parser = Parser::read(&mut r).map_err(bad)?;
        if !r.done() {
            return Err(BadModel("the syntax model has bytes left over".to_string()));
        }
        Ok(Model { tagger, parser })
    }
}

/// A relation's universal part (`nmod` of `nmod:poss`), which LAS compares.
fn universal(label: &str) -> &str {
    label.split(':').next().unwrap_or("")
}

/// Agreement of predicted with gold sentences of the same words, as the CoNLL 2018 shared task
/// counts it (punctuation included; LAS compares the universal part of the relation).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Score {
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    pub uas: usize,
    pub las: usize,
}

impl Score {
    pub fn add(&mut self, gold: &[Token], predicted: &[Token]) {
        for (g, p) in gold.iter().zip(predicted) {
            self.words += 1;
            self.upos += usize::from(g.upos == p.upos);
            self.xpos += usize::from(g.xpos == p.xpos);
            self.lemma += usize::from(g.lemma == p.lemma);
            if g.head == p.head {
                self.uas += 1;
                self.las += usize::from(universal(&g.deprel) == universal(&p.deprel));
            }
        }
    }

    pub fn rate(&self, n: usize) -> f64 {
        n as f64 / self.words.max(1) as f64
    }
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} words: UPOS {:.4}  XPOS {:.4}  lemma {:.4}  UAS {:.4}  LAS {:.4}",
            self.words,
            self.rate(self.upos),
            self.rate(self.xpos),
            self.rate(self.lemma),
            self.rate(self.uas),
            self.rate(self.las)
        )
    }
}

/// Annotates the gold tokenization of `gold` and scores it.
pub fn evaluate(model: &Model, gold: &[Sentence]) -> Score {
    let mut score = Score::default();
    for s in gold {
        let forms: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
        score.add(&s.tokens, &model.annotate(&forms));
    }
    score
}

/// The byte spans of a sentence's words in its text, found in order; `None` when a word's form
/// is not where it should be.
fn gold_spans(text: &str, s: &Sentence) -> Option<Vec<(usize, usize)>> {
    let mut at = 0;
    let mut out = Vec::with_capacity(s.tokens.len());
    for t in &s.tokens {
        at += text[at..].len() - text[at..].trim_start().len();
        if !text[at..].starts_with(t.form.as_str()) {
            return None;
        }
        out.push((at, at + t.form.len()));
        at += t.form.len();
    }
    Some(out)
}

/// Tagging and parsing from the words `tokenize` finds in each gold sentence's raw text, scored
/// as the CoNLL 2018 shared task scores a system's own words: a word counts when its span is a
/// gold word's, its tag or head (the head's span) and relation right; F1 over the gold and the
/// predicted words.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct RawScore {
    /// Sentences left out: no `# text`, or words that cannot be found in it in order.
    pub skipped: usize,
    pub gold: usize,
    pub predicted: usize,
    pub words: usize,
    pub upos: usize,
    pub uas: usize,
    pub las: usize,
}

impl RawScore {
    pub fn f1(&self, right: usize) -> f64 {
        2.0 * right as f64 / (self.gold + self.predicted).max(1) as f64
    }
}

impl std::fmt::Display for RawScore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "from the raw text, F1: words {:.4} (P {:.4}, R {:.4}; {} sentences left out)  UPOS {:.4}  UAS {:.4}  LAS {:.4}",
            self.f1(self.words),
            self.words as f64 / self.predicted.max(1) as f64,
            self.words as f64 / self.gold.max(1) as f64,
            self.skipped,
            self.f1(self.upos),
            self.f1(self.uas),
            self.f1(self.las)
        )
    }
}

/// Tags and parses the raw text of `gold` from our own words and scores it (see `RawScore`);
/// sentences without a text, or whose words cannot be found in it, are left out.
pub fn evaluate_raw(model: &Model, gold: &[Sentence]) -> RawScore {
    let mut score = RawScore::default();
    for s in gold {
        let Some((text, spans)) = s.meta("text").and_then(|t| Some((t, gold_spans(t, s)?))) else {
            score.skipped += 1;
            continue;
        };
        let words = tokenize::tokenize(text);
        let forms: Vec<&str> = words.iter().map(|(a, b)| &text[*a..*b]).collect();
        let predicted = model.annotate(&forms);
        score.gold += spans.len();
        score.predicted += words.len();
        // The gold word (1-based) of each predicted word, by span; 0 for the root.
        let gold_of = |k: usize| spans.iter().position(|g| *g == words[k]).map(|i| i + 1);
        for (k, p) in predicted.iter().enumerate() {
            let Some(i) = gold_of(k) else { continue };
            let g = &s.tokens[i - 1];
            score.words += 1;
            score.upos += usize::from(g.upos == p.upos);
            let head = if p.head == 0 {
                Some(0)
            } else {
                gold_of(p.head - 1)
            };
            if head == Some(g.head) {
                score.uas += 1;
                score.las += usize::from(universal(&g.deprel) == universal(&p.deprel));
            }
        }
    }
    score
}
