//! Event patterns (data/events/patterns.tsv) and the verb forms they match (verbs.tsv).

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{cues, taxonomy};
use crate::knowledge;

const PATTERNS: &str = include_str!("../../data/events/patterns.tsv");
const VERBS: &str = include_str!("../../data/events/verbs.tsv");

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// One word, in any of these forms.
    Word(Vec<String>),
    /// Up to three words of any kind.
    Gap,
    /// Up to eight words, no punctuation: the rest of a clause before its target ("threatened
    /// to cut off electricity to {T}").
    ClauseGap,
    /// Up to ten tokens of any kind, punctuation too: "called Mongolia's decision not to
    /// arrest him \"a heavy blow\"".
    LongGap,
    /// The target's mention starts here.
    Target,
    /// The source's mention starts here.
    Source,
}

/// How a reported clause's word makes the report an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reported {
    /// A modal of obligation, the clause's auxiliary: "Japan said China must withdraw".
    Modal,
    /// The clause's predicate, an adjective or a noun that judges its subject: "May said
    /// Putin's government was culpable".
    Judgment,
}

impl Reported {
    pub fn name(self) -> &'static str {
        match self {
            Reported::Modal => "modal",
            Reported::Judgment => "judgment",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Pattern {
    pub verb: bool,
    /// A word of a reported clause that makes the report an event ("must", "culpable"): its
    /// sides are the speaker and the clause's subject, which only the parse gives.
    pub reported: Option<Reported>,
    pub items: Vec<Item>,
    pub cameo: &'static str,
    /// The pattern as written in the data file.
    pub text: &'static str,
    /// One verb that names force only when an armed group acts ("struck"; cues class
    /// `armed-only`).
    pub armed_only: bool,
}

impl Pattern {
    /// Whether a word after its first is `word` (in lowercase): "ambassador" of "order *
    /// ambassador|envoy to leave".
    pub fn names_after_first(&self, word: &str) -> bool {
        let later = self.items.iter().skip(1);
        later
            .filter_map(|i| match i {
                Item::Word(forms) => Some(forms),
                _ => None,
            })
            .any(|forms| forms.iter().any(|f| f == word))
    }

    /// How many literal words it has: the more, the more specific.
    pub fn words(&self) -> usize {
        self.items
            .iter()
            .filter(|i| matches!(i, Item::Word(_)))
            .count()
    }
}

pub struct Patterns {
    pub all: Vec<Pattern>,
    /// Patterns by each form of their first word.
    pub by_first: FxHashMap<String, Vec<usize>>,
    /// The past participles of the patterns' verbs.
    pub participles: FxHashSet<String>,
    /// Every form of the reporting verbs (cues.tsv class `reporting`): modal and judgment
    /// patterns are events only in a clause one of them reports.
    pub reporting: FxHashSet<String>,
}

/// Whether a noun (its lowercase form and lemma) can name an act: the first word of a pattern,
/// in any of its forms ("launches", "talks", "invasion"), or a noun whose senses in WordNet are
/// mostly acts, events or communications (data/events/act_nouns.txt: "tests" and "clashes",
/// not "positions" or "villages").
pub fn names_act(form: &str, lemma: &str) -> bool {
    patterns().by_first.contains_key(form) || is_act_noun(lemma)
}

/// Whether a noun's lemma is in data/events/act_nouns.txt.
pub fn is_act_noun(lemma: &str) -> bool {
    static ACT_NOUNS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let nouns = ACT_NOUNS.get_or_init(|| {
        knowledge::words(include_str!("../../data/events/act_nouns.txt")).collect()
    });
    nouns.contains(lemma)
}

pub fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(load)
}

fn load() -> Patterns {
    let irregular: FxHashMap<&str, Vec<&str>> = knowledge::rows(VERBS)
        .map(|r| (r[0], r[1..].to_vec()))
        .collect();
    let mut all = Vec::new();
    let mut by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut participles = FxHashSet::default();
    for r in knowledge::rows(PATTERNS) {
        let (verb, reported) = match r[0] {
            "verb" => (true, None),
            "noun" => (false, None),
            "modal" => (true, Some(Reported::Modal)),
            "judgment" => (false, Some(Reported::Judgment)),
            k => panic!("data/events/patterns.tsv: unknown kind {k:?}"),
        };
        taxonomy::code(r[2]);
        let mut items: Vec<Item> = r[1].split_whitespace().map(item).collect();
        if verb && reported.is_none() {
            let Some(Item::Word(forms)) = items.first_mut() else {
                panic!(
                    "data/events/patterns.tsv: {:?} must start with a word",
                    r[1]
                );
            };
            // "strengthen|reinforce|boost": every form of each verb.
            let mut all_forms = Vec::new();
            for base in forms.iter() {
                let (verb_forms, participle) = verb_forms(base, irregular.get(base.as_str()));
                participles.extend(participle);
                all_forms.extend(verb_forms);
            }
            *forms = all_forms;
        }
        let Some(Item::Word(first)) = items.first() else {
            panic!(
                "data/events/patterns.tsv: {:?} must start with a word",
                r[1]
            );
        };
        for f in first {
            by_first.entry(f.clone()).or_default().push(all.len());
        }
        let lemma = r[1].split_whitespace().next().unwrap_or("");
        let one_word = items.iter().filter(|i| matches!(i, Item::Word(_))).count() == 1;
        all.push(Pattern {
            armed_only: verb && one_word && cues::is(lemma, cues::Class::ArmedOnly),
            verb,
            reported,
            items,
            cameo: r[2],
            text: r[1],
        });
    }
    let reporting = super::cues::entries(super::cues::Class::Reporting)
        .filter(|e| e.len() == 1)
        .flat_map(|e| verb_forms(e[0], irregular.get(e[0])).0)
        .collect();
    Patterns {
        all,
        by_first,
        participles,
        reporting,
    }
}

fn item(word: &str) -> Item {
    match word {
        "*" => Item::Gap,
        "**" => Item::LongGap,
        ".." => Item::ClauseGap,
        "{T}" => Item::Target,
        "{S}" => Item::Source,
        // "sign * agreement|accord|pact with": one word in any of these forms.
        w => Item::Word(w.split('|').map(str::to_lowercase).collect()),
    }
}

/// Every form of a verb, and which of them are past participles.
fn verb_forms(base: &str, irregular: Option<&Vec<&str>>) -> (Vec<String>, Vec<String>) {
    let split = |f: &str| -> Vec<String> { f.split('|').map(str::to_string).collect() };
    let (third, past, participle, ing) = match irregular {
        Some(r) => (split(r[0]), split(r[1]), split(r[2]), split(r[3])),
        None => {
            let past = regular_past(base);
            (
                vec![regular_third(base)],
                vec![past.clone()],
                vec![past],
                vec![regular_ing(base)],
            )
        }
    };
    let mut all = vec![base.to_string()];
    for f in third.iter().chain(&past).chain(&participle).chain(&ing) {
        if !all.contains(f) {
            all.push(f.clone());
        }
    }
    (all, participle)
}

fn consonant_y(w: &str) -> bool {
    w.ends_with('y') && !w.ends_with("ay") && !w.ends_with("ey") && !w.ends_with("oy")
}

fn regular_third(w: &str) -> String {
    if consonant_y(w) {
        format!("{}ies", &w[..w.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

fn regular_past(w: &str) -> String {
    if consonant_y(w) {
        format!("{}ied", &w[..w.len() - 1])
    } else if w.ends_with('e') {
        format!("{w}d")
    } else {
        format!("{w}ed")
    }
}

fn regular_ing(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ie") {
        format!("{stem}ying")
    } else if w.ends_with('e') && !w.ends_with("ee") {
        format!("{}ing", &w[..w.len() - 1])
    } else {
        format!("{w}ing")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verb_of_a_first_word_gets_its_forms() {
        let p = patterns();
        let boost = p.by_first.get("boosted").expect("boosted starts a pattern");
        assert!(boost
            .iter()
            .any(|&i| p.all[i].text.starts_with("strengthen|reinforce|boost")));
    }

    #[test]
    fn verbs_get_their_forms() {
        let (f, p) = verb_forms("impose", None);
        assert_eq!(f, ["impose", "imposes", "imposed", "imposing"]);
        assert_eq!(p, ["imposed"]);
        let (f, _) = verb_forms("occupy", None);
        assert_eq!(f, ["occupy", "occupies", "occupied", "occupying"]);
        let (f, _) = verb_forms("visit", None);
        assert_eq!(f, ["visit", "visits", "visited", "visiting"]);
        let p = patterns();
        assert!(p.by_first.contains_key("held"));
        assert!(p.by_first.contains_key("seized"));
        assert!(p.participles.contains("levied"));
    }

    #[test]
    fn every_pattern_is_unique_and_well_formed() {
        let p = patterns();
        let mut seen = FxHashSet::default();
        for pat in &p.all {
            assert!(seen.insert((pat.verb, pat.text)), "{:?} twice", pat.text);
            let slots = |i: &Item| pat.items.iter().filter(|x| *x == i).count();
            assert!(
                slots(&Item::Target) <= 1 && slots(&Item::Source) <= 1,
                "{}",
                pat.text
            );
        }
        assert!(p.all.len() >= 250, "{} patterns", p.all.len());
    }
}
