//! `annals-train-syntax`: trains the tagger and the parser from CoNLL-U treebanks and writes the
//! model. The same data, epochs and seed give the same bytes.
//!
//!     annals-train-syntax --train A.conllu --train B.conllu --dev D.conllu --out model.bin.gz

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use annals_syntax::parser::{Parser, Training, Word};
use annals_syntax::tagger::Tagger;
use annals_syntax::{conllu, evaluate, Model, Sentence};

const USAGE: &str = "usage: annals-train-syntax --train FILE [--train FILE]... [--dev FILE]... \
[--test FILE]... --out FILE [--tagger-epochs N] [--parser-epochs N] [--seed N] [--folds N] [--prune Q]
       annals-train-syntax --model FILE [--prune Q --out FILE] [--dev FILE]... [--test FILE]...   (scores a model)";

struct Args {
    train: Vec<PathBuf>,
    dev: Vec<PathBuf>,
    test: Vec<PathBuf>,
    out: PathBuf,
    /// A trained model to score instead of training one.
    model: Option<PathBuf>,
    /// Weights of at most this many 16-bit units are dropped.
    prune: i16,
    tagger_epochs: usize,
    parser_epochs: usize,
    seed: u64,
    folds: usize,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        train: Vec::new(),
        dev: Vec::new(),
        test: Vec::new(),
        out: PathBuf::new(),
        model: None,
        prune: 0,
        tagger_epochs: 8,
        parser_epochs: 12,
        seed: 1,
        folds: 5,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String| {
            v.parse::<u64>()
                .map_err(|_| format!("{flag}: not a number: {v}"))
        };
        match flag.as_str() {
            "--train" => a.train.push(value()?.into()),
            "--dev" => a.dev.push(value()?.into()),
            "--test" => a.test.push(value()?.into()),
            "--out" => a.out = value()?.into(),
            "--model" => a.model = Some(value()?.into()),
            "--prune" => a.prune = number(value()?)?.min(i16::MAX as u64) as i16,
            "--tagger-epochs" => a.tagger_epochs = number(value()?)? as usize,
            "--parser-epochs" => a.parser_epochs = number(value()?)? as usize,
            "--seed" => a.seed = number(value()?)?,
            "--folds" => a.folds = number(value()?)? as usize,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown option {other}")),
        }
    }
    let training = !a.train.is_empty() && !a.out.as_os_str().is_empty();
    if a.model.is_none() && !training {
        return Err("--train and --out are needed (or --model to score one)".to_string());
    }
    Ok(a)
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
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("annals-train-syntax: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&a) {
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
    if !a.out.as_os_str().is_empty() {
        let bytes = model.to_bytes();
        std::fs::write(&a.out, &bytes).map_err(|e| format!("{}: {e}", a.out.display()))?;
        eprintln!("wrote {} ({} bytes)", a.out.display(), bytes.len());
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
    // Sentences are told apart by their place in `train`.
    let index: std::collections::HashMap<*const Sentence, usize> = train
        .iter()
        .enumerate()
        .map(|(i, s)| (s as *const Sentence, i))
        .collect();
    let lookup = |s: &Sentence| tags[index[&(s as *const Sentence)]].clone();
    let parser = Parser::train(
        &train,
        &lookup,
        Training {
            epochs: a.parser_epochs,
            seed: a.seed,
            explore: 0.9,
        },
    );
    eprintln!("parser trained ({:.0} s)", started.elapsed().as_secs_f64());
    eprintln!("trained in {:.0} s", started.elapsed().as_secs_f64());
    Ok(Model { tagger, parser })
}

/// Scores the model on every dev and test file.
fn score(a: &Args, model: &Model) -> Result<(), String> {
    for (name, paths) in [("dev", &a.dev), ("test", &a.test)] {
        for p in paths.iter() {
            let gold = read(std::slice::from_ref(p))?;
            let mut tokens = annals_syntax::TokenScore::default();
            gold.iter().for_each(|s| tokens.add(s));
            println!("{name} {}: {tokens}", p.display());
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
