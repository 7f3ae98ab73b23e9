//! The part-of-speech tagger: an averaged perceptron over the word, its affixes and shape, its
//! neighbours and the two tags before it, predicting the universal and the Penn tag together
//! (one class per pair seen in training: "AUX VBZ" apart from "VERB VBZ") left to right.
//! Frequent words that always take one tag in training skip the perceptron (the tag dictionary).
//! The lemma follows from the word and its Penn tag: the pair's most frequent lemma in training,
//! else a suffix rule.

use rustc_hash::FxHashMap;

use crate::codec::{Corrupt, Reader, Writer};
use crate::conllu::Sentence;
use crate::perceptron::{best, feature, Rng, Trainer, Weights};

/// A word seen at least this often, with one tag at least this share of the time, is tagged
/// from the dictionary.
const DICT_MIN_COUNT: usize = 20;
const DICT_MIN_SHARE: f64 = 0.97;

/// A word seen at least this often has an ambiguity class.
const AMBIGUITY_MIN_COUNT: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    pub xpos: Vec<String>,
    pub upos: Vec<String>,
    /// The classes: (upos, xpos) pairs.
    pairs: Vec<(u16, u16)>,
    weights: Weights,
    /// Frequent words that always take one pair.
    dict: FxHashMap<String, u16>,
    /// (lowercase form, xpos) -> lemma.
    lemma_of: FxHashMap<(String, u16), String>,
    /// A frequent word's ambiguity class: the pairs it takes in training, as one id.
    ambiguity: FxHashMap<String, u64>,
}

/// What the tagger says of one word.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged {
    pub xpos: u16,
    pub upos: u16,
    pub lemma: String,
}

/// The words of a sentence as the features see them.
fn normal(form: &str) -> String {
    if form
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '/' | ':'))
        && form.chars().any(|c| c.is_ascii_digit())
    {
        return if form.len() == 4 { "!YEAR" } else { "!DIGITS" }.to_string();
    }
    form.to_lowercase()
}

/// "Xxxx", "dd", "X.X.": each character's kind, runs cut to two.
fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut run = 0;
    let mut last = ' ';
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        run = if k == last { run + 1 } else { 0 };
        last = k;
        if run < 2 {
            out.push(k);
        }
    }
    out
}

fn suffix(w: &str, n: usize) -> &str {
    let start = w.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &w[start..]
}

fn prefix(w: &str, n: usize) -> &str {
    w.char_indices().nth(n).map_or(w, |(i, _)| &w[..i])
}

/// The words of a sentence as the features see them: normalized, as written, and their
/// ambiguity classes (0 for a word not frequent in training).
struct Words<'a> {
    words: Vec<String>,
    forms: &'a [&'a str],
    ambiguity: Vec<u64>,
}

/// The features of word `i` given the two tags before it.
fn features(s: &Words, i: usize, p1: u16, p2: u16, out: &mut Vec<u64>) {
    let (words, forms) = (&s.words, s.forms);
    let amb = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 {
            1
        } else {
            s.ambiguity.get(j as usize).copied().unwrap_or(2)
        }
    };
    out.clear();
    let at = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 {
            "<s>"
        } else {
            words.get(j as usize).map_or("</s>", String::as_str)
        }
    };
    let w = at(0);
    let form = forms[i];
    out.push(feature(0u8));
    out.push(feature((1u8, w)));
    out.push(feature((2u8, suffix(w, 3))));
    out.push(feature((3u8, suffix(w, 2))));
    out.push(feature((4u8, prefix(w, 1))));
    out.push(feature((5u8, p1)));
    out.push(feature((6u8, p2)));
    out.push(feature((7u8, p1, p2)));
    out.push(feature((8u8, p1, w)));
    out.push(feature((9u8, at(-1))));
    out.push(feature((10u8, suffix(at(-1), 3))));
    out.push(feature((11u8, at(-2))));
    out.push(feature((12u8, at(1))));
    out.push(feature((13u8, suffix(at(1), 3))));
    out.push(feature((14u8, at(2))));
    out.push(feature((15u8, shape(form))));
    out.push(feature((
        16u8,
        i == 0,
        form.chars().next().is_some_and(char::is_uppercase),
    )));
    out.push(feature((17u8, w, at(1))));
    out.push(feature((18u8, at(-1), w)));
    out.push(feature((19u8, suffix(w, 4))));
    out.push(feature((20u8, form)));
    out.push(feature((21u8, prefix(w, 2))));
    out.push(feature((22u8, prefix(w, 3))));
    out.push(feature((23u8, suffix(w, 1))));
    out.push(feature((24u8, p1, suffix(w, 3))));
    out.push(feature((
        25u8,
        shape(forms.get(i + 1).copied().unwrap_or("</s>")),
    )));
    out.push(feature((
        26u8,
        form.contains('-'),
        form.chars().any(|c| c.is_ascii_digit()),
    )));
    out.push(feature((27u8, p1, at(1))));
    out.push(feature((28u8, amb(0))));
    out.push(feature((29u8, amb(1))));
    out.push(feature((30u8, amb(-1))));
    out.push(feature((31u8, p1, amb(0))));
    out.push(feature((32u8, amb(0), amb(1))));
}

/// Tag ids for "no tag" before the sentence.
const START: u16 = u16::MAX;
const START2: u16 = u16::MAX - 1;

impl Tagger {
    /// Trains on `sentences` for `epochs`, shuffling them with `seed`.
    pub fn train(sentences: &[Sentence], epochs: usize, seed: u64) -> Tagger {
        let mut xpos: Vec<String> = Vec::new();
        let mut upos: Vec<String> = Vec::new();
        let mut pairs: Vec<(u16, u16)> = Vec::new();
        fn index<T: PartialEq + Clone>(list: &mut Vec<T>, v: &T) -> u16 {
            match list.iter().position(|x| x == v) {
                Some(i) => i as u16,
                None => {
                    list.push(v.clone());
                    (list.len() - 1) as u16
                }
            }
        }
        let mut by_word: FxHashMap<String, FxHashMap<u16, usize>> = FxHashMap::default();
        let mut lemma_counts: FxHashMap<(String, u16), FxHashMap<String, usize>> =
            FxHashMap::default();
        let mut by_normal: FxHashMap<String, FxHashMap<u16, usize>> = FxHashMap::default();
        let mut gold: Vec<Vec<u16>> = Vec::new();
        for s in sentences {
            let mut tags = Vec::new();
            for t in &s.tokens {
                let x = index(&mut xpos, &t.xpos);
                let u = index(&mut upos, &t.upos);
                let c = index(&mut pairs, &(u, x));
                *by_word
                    .entry(t.form.clone())
                    .or_default()
                    .entry(c)
                    .or_default() += 1;
                *lemma_counts
                    .entry((t.form.to_lowercase(), x))
                    .or_default()
                    .entry(t.lemma.clone())
                    .or_default() += 1;
                *by_normal
                    .entry(normal(&t.form))
                    .or_default()
                    .entry(c)
                    .or_default() += 1;
                tags.push(c);
            }
            gold.push(tags);
        }
        // Only words seen often enough: a rare word's class would be its one tag in training,
        // which the tagger would learn to trust and not find on new text.
        let ambiguity = by_normal
            .iter()
            .filter(|(_, m)| m.values().sum::<usize>() >= AMBIGUITY_MIN_COUNT)
            .map(|(w, m)| {
                let mut set: Vec<u16> = m.keys().copied().collect();
                set.sort_unstable();
                (w.clone(), feature(set) | 4)
            })
            .collect();
        let dict = by_word
            .iter()
            .filter_map(|(w, m)| {
                let total: usize = m.values().sum();
                let (top, n) = most(m);
                let share = *n as f64 / total as f64;
                (total >= DICT_MIN_COUNT && share >= DICT_MIN_SHARE).then(|| (w.clone(), *top))
            })
            .collect();
        let lemma_of = lemma_counts
            .iter()
            .map(|(k, m)| (k.clone(), most(m).0.clone()))
            .collect();
        let mut tagger = Tagger {
            weights: Weights::default(),
            xpos,
            upos,
            pairs,
            dict,
            lemma_of,
            ambiguity,
        };
        let mut trainer = Trainer::new(tagger.pairs.len());
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        let mut rng = Rng::new(seed);
        let mut scores = vec![0f32; tagger.pairs.len()];
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &k in &order {
                let forms: Vec<&str> = sentences[k]
                    .tokens
                    .iter()
                    .map(|t| t.form.as_str())
                    .collect();
                let gold = &gold[k];
                tagger.left_to_right(&forms, |i, feats| {
                    scores.iter_mut().for_each(|s| *s = 0.0);
                    trainer.score(feats, &mut scores);
                    let guess = best(&scores, |_| true).unwrap_or(0);
                    trainer.update(feats, gold[i] as usize, guess);
                    guess as u16
                });
            }
        }
        tagger.weights = trainer.average();
        tagger
    }

    fn words<'a>(&self, forms: &'a [&'a str]) -> Words<'a> {
        let words: Vec<String> = forms.iter().map(|f| normal(f)).collect();
        let ambiguity = words
            .iter()
            .map(|w| self.ambiguity.get(w).copied().unwrap_or(0))
            .collect();
        Words {
            words,
            forms,
            ambiguity,
        }
    }

    /// Tags a sentence left to right: a word of the dictionary takes its class, any other the
    /// class `decide` gives for its features (the trainer's guess, or the trained weights').
    fn left_to_right(
        &self,
        forms: &[&str],
        mut decide: impl FnMut(usize, &[u64]) -> u16,
    ) -> Vec<u16> {
        let words = self.words(forms);
        let mut feats = Vec::with_capacity(40);
        let (mut p1, mut p2) = (START, START2);
        let mut out = Vec::with_capacity(forms.len());
        for (i, form) in forms.iter().enumerate() {
            let c = match self.dict.get(*form) {
                Some(&c) => c,
                None => {
                    features(&words, i, p1, p2, &mut feats);
                    decide(i, &feats)
                }
            };
            out.push(c);
            (p2, p1) = (p1, c);
        }
        out
    }

    /// The class (a tag pair) of each of a sentence's words.
    fn classes(&self, forms: &[&str]) -> Vec<u16> {
        let mut scores = vec![0i32; self.pairs.len()];
        self.left_to_right(forms, |_, feats| {
            scores.iter_mut().for_each(|s| *s = 0);
            self.weights.score(feats, &mut scores);
            best(&scores, |_| true).unwrap_or(0) as u16
        })
    }

    /// The Penn tags of a sentence's words.
    pub fn xpos_of(&self, forms: &[&str]) -> Vec<u16> {
        self.classes(forms)
            .into_iter()
            .map(|c| self.pairs[c as usize].1)
            .collect()
    }

    /// Every word's tags and lemma.
    pub fn tag(&self, forms: &[&str]) -> Vec<Tagged> {
        self.classes(forms)
            .into_iter()
            .zip(forms)
            .map(|(c, form)| {
                let (upos, xpos) = self.pairs[c as usize];
                let key = (form.to_lowercase(), xpos);
                let lemma = match self.lemma_of.get(&key) {
                    Some(l) => l.clone(),
                    None => lemma_by_rule(form, &key.0, &self.xpos[xpos as usize]),
                };
                Tagged { xpos, upos, lemma }
            })
            .collect()
    }

    /// The same model without its weights of at most `least` units (see `Weights::pruned`).
    pub fn pruned(&self, least: i16) -> Tagger {
        Tagger {
            weights: self.weights.pruned(least),
            ..self.clone()
        }
    }

    pub fn write(&self, w: &mut Writer) {
        w.strs(&self.xpos);
        w.strs(&self.upos);
        w.u32(self.pairs.len() as u32);
        for (u, x) in &self.pairs {
            w.u32(*u as u32);
            w.u32(*x as u32);
        }
        w.weights(&self.weights);
        let mut dict: Vec<(&String, &u16)> = self.dict.iter().collect();
        dict.sort();
        w.u32(dict.len() as u32);
        for (word, c) in dict {
            w.str(word);
            w.u32(*c as u32);
        }
        let mut ambiguity: Vec<(&String, &u64)> = self.ambiguity.iter().collect();
        ambiguity.sort();
        w.u32(ambiguity.len() as u32);
        for (word, a) in ambiguity {
            w.str(word);
            w.u64(*a);
        }
        // Only the lemmas the rule would not give.
        let mut lemmas: Vec<(&(String, u16), &String)> = self
            .lemma_of
            .iter()
            .filter(|((low, x), l)| {
                let xpos = self.xpos[*x as usize].as_str();
                // A proper noun's rule keeps its form's case, which the key has lost.
                matches!(xpos, "NNP" | "NNPS") || lemma_by_rule(low, low, xpos) != **l
            })
            .collect();
        lemmas.sort();
        w.u32(lemmas.len() as u32);
        for ((word, x), l) in lemmas {
            w.str(word);
            w.u32(*x as u32);
            w.str(l);
        }
    }

    pub fn read(r: &mut Reader) -> Result<Tagger, Corrupt> {
        let xpos = r.strs()?;
        let upos = r.strs()?;
        let id = |v: u32, n: usize| {
            if (v as usize) < n {
                Ok(v as u16)
            } else {
                Err(Corrupt)
            }
        };
        let n = r.u32()?;
        let mut pairs = Vec::new();
        for _ in 0..n {
            let u = id(r.u32()?, upos.len())?;
            pairs.push((u, id(r.u32()?, xpos.len())?));
        }
        let weights = r.weights()?;
        if weights.classes != pairs.len() {
            return Err(Corrupt);
        }
        let mut dict = FxHashMap::default();
        for _ in 0..r.u32()? {
            let word = r.str()?;
            dict.insert(word, id(r.u32()?, pairs.len())?);
        }
        let mut ambiguity = FxHashMap::default();
        for _ in 0..r.u32()? {
            let word = r.str()?;
            ambiguity.insert(word, r.u64()?);
        }
        let mut lemma_of = FxHashMap::default();
        for _ in 0..r.u32()? {
            let word = r.str()?;
            let x = id(r.u32()?, xpos.len())?;
            lemma_of.insert((word, x), r.str()?);
        }
        Ok(Tagger {
            xpos,
            upos,
            pairs,
            weights,
            dict,
            lemma_of,
            ambiguity,
        })
    }
}

/// The most frequent value of counts, the smallest on a tie, and its count.
fn most<K: Ord>(counts: &FxHashMap<K, usize>) -> (&K, &usize) {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .expect("counted at least once")
}

/// A lemma by the Penn tag's inflection: plurals, past and present participles, third persons,
/// comparatives; proper nouns keep their form, other words are lowercased.
fn lemma_by_rule(form: &str, low: &str, xpos: &str) -> String {
    let strip = |suffixes: &[(&str, &str)]| -> String {
        for (end, add) in suffixes {
            if let Some(stem) = low.strip_suffix(end) {
                let (stem_len, add_len) = (stem.chars().count(), add.chars().count());
                if stem_len >= 2 || add_len > 0 && stem_len + add_len >= 3 {
                    return format!("{stem}{add}");
                }
            }
        }
        low.to_string()
    };
    match xpos {
        "NNP" | "NNPS" => form.to_string(),
        // Plural nouns and third persons take the same endings.
        "NNS" | "VBZ" => strip(&[
            ("ies", "y"),
            ("sses", "ss"),
            ("xes", "x"),
            ("ches", "ch"),
            ("shes", "sh"),
            ("s", ""),
        ]),
        "VBD" | "VBN" => undouble(
            strip(&[
                ("ied", "y"),
                ("ated", "ate"),
                ("ized", "ize"),
                ("ised", "ise"),
                ("uced", "uce"),
                ("nced", "nce"),
                ("rced", "rce"),
                ("rged", "rge"),
                ("dged", "dge"),
                ("anged", "ange"),
                ("enged", "enge"),
                ("ved", "ve"),
                // A vowel and one consonant before "-ed" mostly end the verb with "e"
                // ("exploded", "accused", "fired"); a double vowel does not ("succeeded").
                ("eeded", "eed"),
                ("aired", "air"),
                ("oaded", "oad"),
                ("eaded", "ead"),
                ("oided", "oid"),
                ("ooted", "oot"),
                ("ided", "ide"),
                ("uded", "ude"),
                ("aded", "ade"),
                ("oded", "ode"),
                ("eded", "ede"),
                ("uted", "ute"),
                ("oted", "ote"),
                ("osed", "ose"),
                ("eased", "ease"),
                ("ased", "ase"),
                ("used", "use"),
                ("ired", "ire"),
                ("ured", "ure"),
                ("eared", "ear"),
                ("ared", "are"),
                ("ed", ""),
            ]),
            low,
        ),
        "VBG" => undouble(
            strip(&[
                ("ating", "ate"),
                ("izing", "ize"),
                ("ising", "ise"),
                ("ucing", "uce"),
                ("ncing", "nce"),
                ("rcing", "rce"),
                ("rging", "rge"),
                ("dging", "dge"),
                ("ving", "ve"),
                ("ing", ""),
            ]),
            low,
        ),
        "JJR" | "RBR" => strip(&[("ier", "y"), ("er", "")]),
        "JJS" | "RBS" => strip(&[("iest", "y"), ("est", "")]),
        _ => low.to_string(),
    }
}

/// A stem that doubled its last consonant before "-ed" or "-ing" ("kidnapped", "planning",
/// "referred"): the verb has one. Not "d", "l", "s", "z" nor "f", which verbs end in doubled
/// ("added", "called", "kissed", "buzzed", "staffed").
fn undouble(stem: String, form: &str) -> String {
    let b = stem.as_bytes();
    let n = b.len();
    let doubled = n >= 4 && b[n - 1] == b[n - 2] && b"bgmnprt".contains(&b[n - 1]);
    if doubled && stem.len() < form.len() {
        stem[..n - 1].to_string()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        assert_eq!(shape("Kishida"), "Xxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("2014"), "dd");
        assert_eq!(suffix("invaded", 3), "ded");
        assert_eq!(suffix("a", 3), "a");
        assert_eq!(prefix("Élysée", 1), "É");
        assert_eq!(prefix("of", 3), "of");
        assert_eq!(normal("1,200"), "!DIGITS");
        assert_eq!(normal("2014"), "!YEAR");
    }

    #[test]
    fn lemma_rules() {
        assert_eq!(lemma_by_rule("countries", "countries", "NNS"), "country");
        assert_eq!(lemma_by_rule("talks", "talks", "NNS"), "talk");
        assert_eq!(lemma_by_rule("Japan", "japan", "NNP"), "Japan");
        assert_eq!(lemma_by_rule("meeting", "meeting", "VBG"), "meet");
        // A soft c or g keeps its e: "denounced", "pledged", "challenging".
        assert_eq!(lemma_by_rule("denounced", "denounced", "VBD"), "denounce");
        assert_eq!(lemma_by_rule("pledged", "pledged", "VBN"), "pledge");
        assert_eq!(
            lemma_by_rule("challenged", "challenged", "VBD"),
            "challenge"
        );
        assert_eq!(lemma_by_rule("enforcing", "enforcing", "VBG"), "enforce");
        assert_eq!(lemma_by_rule("visited", "visited", "VBD"), "visit");
        // A doubled consonant before the ending is one in the verb.
        assert_eq!(lemma_by_rule("kidnapped", "kidnapped", "VBN"), "kidnap");
        assert_eq!(lemma_by_rule("planning", "planning", "VBG"), "plan");
        assert_eq!(lemma_by_rule("added", "added", "VBD"), "add");
        assert_eq!(lemma_by_rule("called", "called", "VBD"), "call");
        assert_eq!(lemma_by_rule("exploded", "exploded", "VBD"), "explode");
        assert_eq!(lemma_by_rule("succeeded", "succeeded", "VBD"), "succeed");
        assert_eq!(lemma_by_rule("appeared", "appeared", "VBD"), "appear");
        assert_eq!(lemma_by_rule("loaded", "loaded", "VBN"), "load");
    }
}
