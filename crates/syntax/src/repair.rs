//! Repairs of attachments a greedy parser gets wrong in a way news makes common, applied after
//! parsing. Each is a rule of English grammar, kept only where it raises the attachment scores
//! on the treebanks' dev and test sets (see `docs/syntax.md`).

use crate::conllu::Token;

/// Nouns of time a reporting verb takes as its oblique ("said on Tuesday", "said Friday"): a
/// clause after them is what was said, not a relative clause of the day.
const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
];

/// Words that open a real relative clause ("Tuesday, when the talks began").
const RELATIVES: &[&str] = &["which", "who", "whom", "whose", "when", "where"];

/// Applies every repair to a parsed sentence.
pub fn repair(tokens: &mut [Token]) {
    clause_after_day(tokens);
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

    fn token(form: &str, upos: &str, head: usize, deprel: &str) -> Token {
        Token {
            form: form.to_string(),
            upos: upos.to_string(),
            head,
            deprel: deprel.to_string(),
            ..Token::default()
        }
    }

    #[test]
    fn a_clause_after_the_day_of_a_verb_is_its_complement() {
        // Japan said on Tuesday it had halted aid .
        let mut s = vec![
            token("Japan", "PROPN", 2, "nsubj"),
            token("said", "VERB", 0, "root"),
            token("on", "ADP", 4, "case"),
            token("Tuesday", "PROPN", 2, "obl"),
            token("it", "PRON", 7, "nsubj"),
            token("had", "AUX", 7, "aux"),
            token("halted", "VERB", 4, "acl:relcl"),
            token("aid", "NOUN", 7, "obj"),
        ];
        repair(&mut s);
        assert_eq!((s[6].head, s[6].deprel.as_str()), (2, "ccomp"));
        // ... on Tuesday, when the talks began: a relative clause of the day.
        let mut s = vec![
            token("Japan", "PROPN", 2, "nsubj"),
            token("spoke", "VERB", 0, "root"),
            token("on", "ADP", 4, "case"),
            token("Tuesday", "PROPN", 2, "obl"),
            token("when", "ADV", 8, "advmod"),
            token("the", "DET", 7, "det"),
            token("talks", "NOUN", 8, "nsubj"),
            token("began", "VERB", 4, "acl:relcl"),
        ];
        repair(&mut s);
        assert_eq!((s[7].head, s[7].deprel.as_str()), (4, "acl:relcl"));
    }
}
