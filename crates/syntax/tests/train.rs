//! Training on a small synthetic treebank: the models learn it, the same data gives the same
//! bytes, and a model read back from its bytes is the same model.

use annals_syntax::parser::{Parser, Training, Word};
use annals_syntax::tagger::Tagger;
use annals_syntax::{conllu, evaluate, Model};

/// A word: (form, upos, xpos, head, deprel).
type Row = (
    &'static str,
    &'static str,
    &'static str,
    usize,
    &'static str,
);

/// Sentences written for this test, in UD conventions.
const SENTENCES: &[&[Row]] = &[
    &[
        ("Japan", "PROPN", "NNP", 2, "nsubj"),
        ("protested", "VERB", "VBD", 0, "root"),
        ("to", "ADP", "IN", 4, "case"),
        ("Russia", "PROPN", "NNP", 2, "obl"),
        (".", "PUNCT", ".", 2, "punct"),
    ],
    &[
        ("Canada", "PROPN", "NNP", 4, "nsubj"),
        ("and", "CCONJ", "CC", 3, "cc"),
        ("Norway", "PROPN", "NNP", 1, "conj"),
        ("condemned", "VERB", "VBD", 0, "root"),
        ("the", "DET", "DT", 6, "det"),
        ("test", "NOUN", "NN", 4, "obj"),
        (".", "PUNCT", ".", 4, "punct"),
    ],
    &[
        ("The", "DET", "DT", 2, "det"),
        ("talks", "NOUN", "NNS", 5, "nsubj:pass"),
        ("were", "AUX", "VBD", 5, "aux:pass"),
        ("not", "PART", "RB", 5, "advmod"),
        ("held", "VERB", "VBN", 0, "root"),
        ("by", "ADP", "IN", 8, "case"),
        ("the", "DET", "DT", 8, "det"),
        ("ministers", "NOUN", "NNS", 5, "obl:agent"),
        (".", "PUNCT", ".", 5, "punct"),
    ],
    &[
        ("Russia", "PROPN", "NNP", 3, "nmod:poss"),
        ("'s", "PART", "POS", 1, "case"),
        ("invasion", "NOUN", "NN", 0, "root"),
        ("of", "ADP", "IN", 5, "case"),
        ("Ukraine", "PROPN", "NNP", 3, "nmod"),
    ],
];

fn treebank() -> String {
    let mut text = String::new();
    for (k, s) in SENTENCES.iter().enumerate() {
        text.push_str(&format!("# sent_id = t-{k}\n"));
        for (i, (form, upos, xpos, head, rel)) in s.iter().enumerate() {
            text.push_str(&format!(
                "{}\t{form}\t{}\t{upos}\t{xpos}\t_\t{head}\t{rel}\t_\t_\n",
                i + 1,
                form.to_lowercase()
            ));
        }
        text.push('\n');
    }
    text
}

fn train() -> Model {
    let gold = conllu::parse(&treebank()).unwrap();
    let tagger = Tagger::train(&gold, 10, 1);
    let words: Vec<Vec<Word>> = gold
        .iter()
        .map(|s| {
            s.tokens
                .iter()
                .map(|t| Word::new(&t.form, &t.upos, &t.xpos))
                .collect()
        })
        .collect();
    let parser = Parser::train(
        &gold,
        &words,
        Training {
            epochs: 10,
            seed: 1,
            explore: 0.9,
        },
    );
    Model { tagger, parser }
}

#[test]
fn learns_the_sentences_it_was_trained_on() {
    let gold = conllu::parse(&treebank()).unwrap();
    let score = evaluate(&train(), &gold);
    assert_eq!(score.upos, score.words, "{score}");
    assert_eq!(score.las, score.words, "{score}");
}

#[test]
fn the_same_data_gives_the_same_bytes_and_they_read_back() {
    let (a, b) = (train(), train());
    let bytes = a.to_bytes();
    assert_eq!(bytes, b.to_bytes());
    let read = Model::from_bytes(&bytes).unwrap();
    assert_eq!(read.to_bytes(), bytes);
    let gold = conllu::parse(&treebank()).unwrap();
    assert_eq!(evaluate(&read, &gold), evaluate(&a, &gold));
}

#[test]
fn a_corrupt_model_is_an_error() {
    let bytes = train().to_bytes();
    assert!(Model::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(Model::from_bytes(b"not a model").is_err());
}
