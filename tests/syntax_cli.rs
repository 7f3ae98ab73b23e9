//! `annals parse` and `annals eval ud` end to end, on synthetic articles and treebanks; the
//! embedded model's scores on EWT test where ../shared is present.

mod common;

use common::{annals, shared};

const ARTICLE: &str = "Ministers meet\n\nForeign Minister Anna Berg met her Polish counterpart \
    in Warsaw on Monday. Russia's invasion of Ukraine was condemned by both ministers.\n";

/// The CoNLL-U sentences of an output: (comments, rows of columns).
fn sentences(out: &str) -> Vec<(Vec<&str>, Vec<Vec<&str>>)> {
    out.split("\n\n")
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            let (comments, rows): (Vec<&str>, Vec<&str>) =
                s.lines().partition(|l| l.starts_with('#'));
            (
                comments,
                rows.iter().map(|r| r.split('\t').collect()).collect(),
            )
        })
        .collect()
}

#[test]
fn parse_prints_each_sentence_of_an_article_as_conllu() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let out = annals(&["parse", path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let sentences = sentences(&text);
    assert_eq!(sentences.len(), 2, "{text}");
    for (comments, rows) in &sentences {
        assert!(
            comments.iter().any(|c| c.starts_with("# text = ")),
            "{text}"
        );
        assert_eq!(
            rows.iter().filter(|r| r[6] == "0").count(),
            1,
            "one root: {text}"
        );
        for r in rows {
            assert_eq!(r.len(), 10, "{text}");
            let head: usize = r[6].parse().unwrap();
            assert!(head <= rows.len(), "{text}");
        }
    }
    // Words in UD conventions: the possessive apart, with no space before it.
    let second = &sentences[1].1;
    assert_eq!(second[0][1], "Russia");
    assert_eq!(second[0][9], "SpaceAfter=No");
    assert_eq!(second[1][1], "'s");
}

#[test]
fn extract_gives_the_syntax_layer_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let json = |args: &[&str]| -> serde_json::Value {
        let out = annals(args);
        assert!(out.status.success(), "{out:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let plain = json(&["extract", path.to_str().unwrap()]);
    assert!(plain.get("syntax").is_none(), "{plain}");
    let doc = json(&["extract", "--syntax", path.to_str().unwrap()]);
    let body = doc["body"].as_str().unwrap();
    let sentences = doc["sentences"].as_array().unwrap();
    let syntax = doc["syntax"].as_array().unwrap();
    assert_eq!(syntax.len(), sentences.len(), "one entry per sentence");
    let chars: Vec<char> = body.chars().collect();
    for (s, parsed) in sentences.iter().zip(syntax) {
        let words = parsed["words"].as_array().unwrap();
        assert!(!words.is_empty());
        for w in words {
            // Each word's span is its form in the body, inside its sentence.
            let (a, b) = (w["start"].as_u64().unwrap(), w["end"].as_u64().unwrap());
            let form: String = chars[a as usize..b as usize].iter().collect();
            assert_eq!(form, w["form"].as_str().unwrap());
            assert!(a >= s["start"].as_u64().unwrap() && b <= s["end"].as_u64().unwrap());
            assert!(w["head"].as_u64().unwrap() <= words.len() as u64);
        }
    }
    let invasion = syntax[1]["words"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["form"] == "invasion")
        .expect("a word 'invasion'");
    assert_eq!(invasion["upos"], "NOUN", "{invasion}");
    assert_eq!(invasion["lemma"], "invasion", "{invasion}");
}

#[test]
fn a_treebank_is_parsed_on_its_own_words_and_scored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.conllu");
    std::fs::write(
        &path,
        "# sent_id = t-1\n# text = Japan protested to Russia.\n\
         1\tJapan\tJapan\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
         2\tprotested\tprotest\tVERB\tVBD\t_\t0\troot\t_\t_\n\
         3\tto\tto\tADP\tIN\t_\t4\tcase\t_\t_\n\
         4\tRussia\tRussia\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No\n\
         5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
    )
    .unwrap();
    let out = annals(&["parse", "--conllu-in", path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let s = sentences(&text);
    assert_eq!(s.len(), 1);
    let words: Vec<&str> = s[0].1.iter().map(|r| r[1]).collect();
    assert_eq!(words, ["Japan", "protested", "to", "Russia", "."]);
    assert_eq!(
        s[0].1[3][9], "SpaceAfter=No",
        "the gold MISC is kept: {text}"
    );
    assert!(s[0].0.contains(&"# sent_id = t-1"));

    let out = annals(&["eval", "ud", path.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("gold words:") && said.contains("our own words:"),
        "{said}"
    );
    assert!(said.contains("words F1 1.0000"), "{said}");
}

#[test]
fn the_shipped_model_keeps_its_floors_on_ewt_test() {
    let Some(ewt) = shared("data/treebanks/en_ewt-ud-test.conllu") else {
        return;
    };
    let out = annals(&["eval", "ud", ewt.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("floors (gold words): UPOS 0.95 UAS 0.84 LAS 0.81: met"),
        "{said}"
    );
}
