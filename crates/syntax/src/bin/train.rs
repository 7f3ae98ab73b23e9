//! `annals-train-syntax`: trains the tagger and the parser from CoNLL-U treebanks and writes the
//! model. The same data, epochs and seed give the same bytes.
//!
//!     annals-train-syntax --train A.conllu --train B.conllu --dev D.conllu --out model.bin.gz

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use annals_syntax::parser::{Parser as Dependencies, Training, Word};
use annals_syntax::tagger::Tagger;
use annals_syntax::{conllu, evaluate, Model, Sentence};
use clap::Parser;

/// Trains the tagger and the parser from CoNLL-U treebanks, writes the model and scores it; or
/// scores a model already trained (`--model`).
#[derive(Parser, Debug)]
#[command(name = "annals-train-syntax")]
struct Args {
    /// Treebanks to train on.
    #[arg(long, value_name = "FILE", required_unless_present = "model")]
    train: Vec<PathBuf>,
    /// Treebanks to tune on: scored after training.
    #[arg(long, value_name = "FILE")]
    dev: Vec<PathBuf>,
    /// Treebanks to report on: scored after training.
    #[arg(long, value_name = "FILE")]
    test: Vec<PathBuf>,
    /// Where to write the model (gzip).
    #[arg(long, value_name = "FILE", required_unless_present = "model")]
    out: Option<PathBuf>,
    /// A trained model to score (and prune) instead of training one.
    #[arg(long, value_name = "FILE", conflicts_with = "train")]
    model: Option<PathBuf>,
    /// Drops the weights of at most Q units of the 16-bit scale (the largest weight is 32,767).
    #[arg(long, value_name = "Q", default_value_t = 0)]
    prune: i16,
    #[arg(long, value_name = "N", default_value_t = 8)]
    tagger_epochs: usize,
    #[arg(long, value_name = "N", default_value_t = 12)]
    parser_epochs: usize,
    /// Shuffles the training sentences and the parser's exploration.
    #[arg(long, value_name = "N", default_value_t = 1)]
    seed: u64,
    /// Folds for the tags the parser learns from (jackknifing); below 2, gold tags.
    #[arg(long, value_name = "N", default_value_t = 5)]
    folds: usize,
}

fn read(paths: &[PathBuf]) -> Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
        out.extend(conllu::parse(&text).map_err(|e| format!("{}: {e}", p.display()))?);
    }
    Ok(out)
}

fn words_tagged(tagger: &Tagger, s: &Sentence) -> Vec<Word> {
    let forms: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
    forms
        .iter()
        .zip(tagger.tag(&forms))
        .map(|(f, t)| {
            Word::new(
                f,
                &tagger.upos[t.upos as usize],
                &tagger.xpos[t.xpos as usize],
            )
        })
        .collect()
}

fn main() -> ExitCode {
    match run(&Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("annals-train-syntax: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(a: &Args) -> Result<(), String> {
    let model = match &a.model {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Model::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => train(a)?,
    };
    let model = if a.prune > 0 {
        model.pruned(a.prune)
    } else {
        model
    };
    if let Some(out) = &a.out {
        let bytes = model.to_bytes();
        std::fs::write(out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
        eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    }
    score(a, &model)
}

fn train(a: &Args) -> Result<Model, String> {
    let started = Instant::now();
    let train = read(&a.train)?;
    let words: usize = train.iter().map(|s| s.tokens.len()).sum();
    let projective = train.iter().filter(|s| s.is_projective()).count();
    eprintln!(
        "train: {} sentences, {words} words ({projective} projective: the parser learns from those)",
        train.len()
    );
    // The parser learns from tags as the tagger will give them: each fold's tags come from a
    // tagger trained on the other folds (jackknifing), not from the gold.
    let mut tags: Vec<Vec<Word>> = vec![Vec::new(); train.len()];
    if a.folds >= 2 {
        for k in 0..a.folds {
            let rest: Vec<Sentence> = (0..train.len())
                .filter(|i| i % a.folds != k)
                .map(|i| train[i].clone())
                .collect();
            let t = Tagger::train(&rest, a.tagger_epochs, a.seed);
            for i in (0..train.len()).filter(|i| i % a.folds == k) {
                tags[i] = words_tagged(&t, &train[i]);
            }
            eprintln!(
                "fold {} of {}: tagged ({:.0} s)",
                k + 1,
                a.folds,
                started.elapsed().as_secs_f64()
            );
        }
    } else {
        for (i, s) in train.iter().enumerate() {
            tags[i] = s
                .tokens
                .iter()
                .map(|t| Word::new(&t.form, &t.upos, &t.xpos))
                .collect();
        }
    }
    let tagger = Tagger::train(&train, a.tagger_epochs, a.seed);
    eprintln!("tagger trained ({:.0} s)", started.elapsed().as_secs_f64());
    let parser = Dependencies::train(
        &train,
        &tags,
        Training {
            epochs: a.parser_epochs,
            seed: a.seed,
            explore: 0.9,
        },
    );
    eprintln!("parser trained ({:.0} s)", started.elapsed().as_secs_f64());
    Ok(Model { tagger, parser })
}

/// Scores the model on every dev and test file.
fn score(a: &Args, model: &Model) -> Result<(), String> {
    for (name, paths) in [("dev", &a.dev), ("test", &a.test)] {
        for p in paths.iter() {
            let gold = read(std::slice::from_ref(p))?;
            println!(
                "{name} {}: {}",
                p.display(),
                annals_syntax::evaluate_raw(model, &gold)
            );
            let timer = Instant::now();
            let score = evaluate(model, &gold);
            let seconds = timer.elapsed().as_secs_f64();
            println!("{name} {}: {score}", p.display());
            println!(
                "  tagged and parsed {} sentences in {seconds:.2} s: {:.0} sentences/s on one core",
                gold.len(),
                gold.len() as f64 / seconds.max(1e-9)
            );
            // GUM's news documents (Wikinews), the genre Annals reads, on their own.
            let news: Vec<Sentence> = gold
                .iter()
                .filter(|s| {
                    s.meta("sent_id")
                        .is_some_and(|id| id.starts_with("GUM_news_"))
                })
                .cloned()
                .collect();
            if !news.is_empty() {
                println!(
                    "{name} {} (GUM_news_ only): {}",
                    p.display(),
                    evaluate(model, &news)
                );
            }
        }
    }
    Ok(())
}
