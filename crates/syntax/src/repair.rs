//! Repairs of attachments a greedy parser gets wrong in a way news makes common, applied after
//! parsing. Each is a rule of English grammar, kept only where the treebanks' dev and test
//! scores do not fall with it (see `docs/syntax.md`). Its word lists are in `data/`.

use std::sync::LazyLock;

use crate::conllu::Token;
use crate::tokenize::words;

/// Nouns of time a reporting verb takes as its oblique ("said on Tuesday").
static DAYS: LazyLock<Vec<&str>> =
    LazyLock::new(|| words(include_str!("../data/reporting_days.txt")));

/// Verbs that take a clause with no "that" ("said Peru tests missiles", "demanded Peru stop").
static CLAUSE_VERBS: LazyLock<Vec<&str>> =
    LazyLock::new(|| words(include_str!("../data/clause_verbs.txt")));

/// Words that open a real relative clause ("Tuesday, when the talks began").
static RELATIVES: LazyLock<Vec<&str>> =
    LazyLock::new(|| words(include_str!("../data/relative_words.txt")));

/// Applies every repair to a parsed sentence.
pub fn repair(tokens: &mut [Token]) {
    // Tags first: the attachments read them.
    verb_after_infinitive_to(tokens);
    verb_of_a_subject(tokens);
    object_read_as_clause(tokens);
    verb_coordinated_with_noun(tokens);
    clause_after_day(tokens);
    // Before the verbless clause: the noun it makes may be that clause's subject.
    hyphenated_participles(tokens);
    verb_of_a_verbless_clause(tokens);
    serial_lists(tokens);
}

/// "Insurgents shelled a government-held district", "the Saudi-led coalition": a word, a
/// hyphen and a past participle before a noun are one modifier of that noun, which the
/// treebanks build as the word hung on the participle (`compound`, `advmod` for an adverb),
/// the hyphen on the word, and the participle an `amod` of the noun. The parser, which sees
/// few of them, may make the first word the phrase's head and the noun the participle's
/// object; the noun then takes the place in the sentence the phrase had, with the words after
/// it that hung on the other two.
fn hyphenated_participles(tokens: &mut [Token]) {
    for i in 1..tokens.len().saturating_sub(2) {
        if tokens[i].form != "-" || tokens[i + 1].xpos != "VBN" {
            continue;
        }
        let (x, v) = (i - 1, i + 1);
        let rel = match tokens[x].upos.as_str() {
            "NOUN" | "PROPN" | "ADJ" => "compound",
            "ADV" => "advmod",
            _ => continue,
        };
        let Some(n) = modified_noun(tokens, v) else {
            continue;
        };
        if tokens[v].head == n + 1 && tokens[x].head == v + 1 {
            continue;
        }
        // The phrase: from the word back over the words hung inside it ("a", "the").
        let inside = |h: usize, lo: usize| h > lo && h <= n + 1;
        let mut lo = x;
        while lo > 0 && inside(tokens[lo - 1].head, lo - 1) {
            lo -= 1;
        }
        let exits: Vec<usize> = (lo..=n).filter(|&k| !inside(tokens[k].head, lo)).collect();
        // One word hangs the phrase on the sentence (or is its root: "Russian-backed
        // separatists attacked ...", read as "backed" with the rest its object).
        let [exit] = exits[..] else { continue };
        let (head, deprel) = (tokens[exit].head, tokens[exit].deprel.clone());
        for k in (lo..=n).filter(|&k| k != x && k != i && k != v && k != n) {
            if tokens[k].head == x + 1 || tokens[k].head == v + 1 {
                tokens[k].head = n + 1;
            }
        }
        for t in tokens.iter_mut().skip(n + 1) {
            if t.head == x + 1 || t.head == v + 1 {
                t.head = n + 1;
            }
        }
        tokens[n].head = head;
        tokens[n].deprel = deprel;
        tokens[x].head = v + 1;
        tokens[x].deprel = rel.to_string();
        tokens[i].head = x + 1;
        tokens[i].deprel = "punct".to_string();
        tokens[i].upos = "PUNCT".to_string();
        tokens[i].xpos = "HYPH".to_string();
        tokens[v].head = n + 1;
        tokens[v].deprel = "amod".to_string();
    }
}

/// The noun a participle at `v` modifies: right after it, or after up to two adjectives, and
/// the last of a run of nouns ("rebel-held Aleppo province").
fn modified_noun(tokens: &[Token], v: usize) -> Option<usize> {
    let noun = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"))
    };
    let mut n = (v + 1..=v + 3)
        .take_while(|&k| k == v + 1 || tokens.get(k - 1).is_some_and(|t| t.upos == "ADJ"))
        .find(|&k| noun(k))?;
    while noun(n + 1) && tokens[n].deprel == "compound" && tokens[n].head == n + 2 {
        n += 1;
    }
    Some(n)
}

/// "It condemns the launches and demands that North Korea suspend ...", "The resolution demands
/// that the DPRK suspend ...": the tagger reads a plural noun that is also a verb's third person
/// as the noun. Before parsing, such a word right before "that" and a clause (not a relative
/// clause's verb), or before a name that opens a clause with no "that", of a verb that takes a
/// clause (data/clause_verbs.txt), is that verb: after "and" with a verb of the third person
/// before it, or after a singular noun (or the comma that closes an aside after "The ...") with
/// no finite verb before it. The positions to tag VBZ.
pub fn verbs_before_that(forms: &[&str], xpos: &[&str], lemmas: &[&str]) -> Vec<usize> {
    let finite = |x: &str| matches!(x, "VBZ" | "VBD" | "VBP" | "MD");
    let mut out = Vec::new();
    for i in 1..forms.len().saturating_sub(1) {
        if xpos[i] != "NNS" {
            continue;
        }
        let before_that = forms[i + 1].eq_ignore_ascii_case("that");
        // "demands that were rejected": a relative clause, whose verb comes right after "that".
        let clause_after = xpos
            .get(i + 2)
            .is_none_or(|x| !finite(x) && !x.starts_with("VB"));
        // "demands North Korea suspend ...": a clause with no "that", opened by a name.
        let bare_clause = xpos[i + 1] == "NNP";
        let opens = before_that && clause_after || bare_clause;
        if !opens || !CLAUSE_VERBS.contains(&lemmas[i].to_lowercase().as_str()) {
            continue;
        }
        // "... condemns the launches and demands that": the second verb of the subject.
        let after_and = matches!(forms[i - 1].to_lowercase().as_str(), "and" | "but");
        let second = i >= 2 && after_and && xpos[..i - 1].contains(&"VBZ");
        // "The resolution demands that", "The resolution, passed by 15-0, demands North Korea
        // suspend": the verb of a singular subject, none before it.
        let none_before = !xpos[..i].iter().any(|x| finite(x));
        let after_subject = matches!(xpos[i - 1], "NN" | "NNP");
        let after_aside = xpos[i - 1] == "," && xpos.first().is_some_and(|x| *x == "DT");
        let first = none_before && (after_subject || after_aside && i >= 3);
        if second || first {
            out.push(i);
        }
    }
    out
}

/// "The resolution demands that North Korea suspend ...": the tagger reads a plural noun that is
/// also a verb's third person ("demands", "calls", "plans") as the noun, and the parser still
/// gives it a subject. A plural noun at the root with a subject and no copula is that verb; the
/// "that" clause after it, which the parser made a relative clause of the noun, is its
/// complement.
fn verb_of_a_subject(tokens: &mut [Token]) {
    // A heading may leave out its verb ("Minister dead"); a sentence that ends as one does not.
    if tokens.last().is_none_or(|t| t.form != ".") {
        return;
    }
    for v in 0..tokens.len() {
        let t = &tokens[v];
        if t.xpos != "NNS" || t.deprel != "root" {
            continue;
        }
        let kid = |rel: &str| {
            tokens
                .iter()
                .position(|k| k.head == v + 1 && k.deprel == rel)
        };
        let Some(subject) = kid("nsubj") else {
            continue;
        };
        // An article before the subject is the subject's, which the parser gave to the noun it
        // took for the head ("The resolution demands"); one after it makes a noun phrase.
        let article = kid("det");
        if kid("cop").is_some() || article.is_some_and(|d| d > subject) {
            continue;
        }
        if let Some(d) = article {
            tokens[d].head = subject + 1;
        }
        let t = &mut tokens[v];
        t.upos = "VERB".to_string();
        t.xpos = "VBZ".to_string();
        t.feats = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin".to_string();
        let Some(that) = tokens
            .get(v + 1)
            .filter(|t| t.form.eq_ignore_ascii_case("that"))
        else {
            continue;
        };
        let clause = that.head;
        let relative = clause > v + 1
            && tokens
                .get(clause - 1)
                .is_some_and(|c| c.head == v + 1 && c.deprel == "acl:relcl");
        if !relative {
            continue;
        }
        tokens[clause - 1].deprel = "ccomp".to_string();
        let that = &mut tokens[v + 1];
        that.upos = "SCONJ".to_string();
        that.xpos = "IN".to_string();
        that.deprel = "mark".to_string();
    }
}

/// "Chile condemned Peru's missile tests on March 5": the tagger reads a plural noun that is
/// also a verb's third person ("tests", "launches") as that verb, and the parser makes a clause
/// of it, with the noun before it for its subject. A bare clause (no "that", no auxiliary, no
/// object) under a verb that has no object and takes no clause without "that" is that verb's
/// object: a plural noun, the word before it its compound.
fn object_read_as_clause(tokens: &mut [Token]) {
    for v in 1..tokens.len() {
        let t = &tokens[v];
        if t.xpos != "VBZ" || t.deprel != "ccomp" || t.head == 0 || !t.form.ends_with('s') {
            continue;
        }
        let (governor, subject) = (t.head - 1, v - 1);
        let has = |w: usize, rel: &str| {
            tokens
                .iter()
                .any(|k| k.head == w + 1 && k.deprel.starts_with(rel))
        };
        let s = &tokens[subject];
        let subject_before =
            s.head == v + 1 && s.deprel == "nsubj" && s.xpos == "NN" && s.upos == "NOUN";
        let bare = !["mark", "aux", "obj", "cop"].iter().any(|rel| has(v, rel));
        let verb = tokens[governor].upos == "VERB" && !has(governor, "obj");
        if !subject_before || !bare || !verb {
            continue;
        }
        if CLAUSE_VERBS.contains(&tokens[governor].lemma.to_lowercase().as_str()) {
            continue;
        }
        let t = &mut tokens[v];
        t.upos = "NOUN".to_string();
        t.xpos = "NNS".to_string();
        t.feats = "Number=Plur".to_string();
        t.deprel = "obj".to_string();
        // The subject's own words (its article, possessor, adjectives) are the phrase's; a
        // verb coordinated with the misread one ("... tests and demands that") the governor's.
        for k in tokens.iter_mut() {
            if k.head == subject + 1 {
                k.head = v + 1;
            }
            if k.head == v + 1 && k.deprel == "conj" && k.upos == "VERB" {
                k.head = governor + 1;
            }
            if k.head == v + 1 && matches!(k.deprel.as_str(), "obl" | "obl:tmod" | "obl:unmarked") {
                k.deprel = "nmod".to_string();
            }
        }
        tokens[subject].head = v + 1;
        tokens[subject].deprel = "compound".to_string();
    }
}

/// "The council condemns the tests and demands that Peru stop them": the parser coordinates the
/// second verb with the object noun before "and". A finite verb is coordinated with a verb: the
/// one the object is of.
fn verb_coordinated_with_noun(tokens: &mut [Token]) {
    for k in 0..tokens.len() {
        let t = &tokens[k];
        let finite = matches!(t.xpos.as_str(), "VBZ" | "VBD" | "VBP");
        if t.deprel != "conj" || !finite || t.head == 0 {
            continue;
        }
        let noun = &tokens[t.head - 1];
        // A noun that is a predicate ("I'm the author of three books and worked ...") heads
        // its clause, and may be coordinated with a verb.
        if !matches!(noun.upos.as_str(), "NOUN" | "PROPN") || noun.deprel != "obj" {
            continue;
        }
        let verb = noun.head;
        if verb > 0 && verb - 1 < k && tokens[verb - 1].upos == "VERB" {
            tokens[k].head = verb;
        }
    }
}

/// "The EU agreed to sanction Belarus": the tagger reads a word that is a noun as often as a
/// verb as the noun, and the parser still makes "to" the infinitive's marker of it. A word
/// that "to" marks, right after it, is a verb; a name the parser hung on it as an apposition is
/// its object.
fn verb_after_infinitive_to(tokens: &mut [Token]) {
    for i in 0..tokens.len().saturating_sub(1) {
        let to = &tokens[i];
        let marks_next = to.xpos == "TO" && to.deprel == "mark" && to.head == i + 2;
        if !marks_next || tokens[i + 1].xpos != "NN" {
            continue;
        }
        tokens[i + 1].upos = "VERB".to_string();
        tokens[i + 1].xpos = "VB".to_string();
        tokens[i + 1].feats = "VerbForm=Inf".to_string();
        for t in tokens.iter_mut().skip(i + 2) {
            if t.head == i + 2 && t.deprel == "appos" {
                t.deprel = "obj".to_string();
            }
        }
    }
}

/// A name of a list: a run of proper nouns, and the word of it that heads it.
#[derive(Debug, Clone, Copy)]
struct Item {
    start: usize,
    end: usize,
    head: usize,
}

/// "The US, Russia, and Switzerland met": a greedy parser, reading left to right, attaches the
/// first names of a list of three or more before it has seen the conjunction (as an apposition,
/// an oblique), which loses the list's members. Names separated by commas and ended by "and" or
/// "or" are conjuncts of the first, and the list stands where its first or last member was
/// attached outside it.
fn serial_lists(tokens: &mut [Token]) {
    let mut i = 0;
    while i < tokens.len() {
        match list_at(tokens, i) {
            Ok(items) => {
                let end = items.last().expect("a list has items").end;
                relink(tokens, &items);
                i = end;
            }
            // A list from a later name of the same run would stop at the same word.
            Err(stop) => i = stop.max(i + 1),
        }
    }
}

/// The run of proper nouns that starts at `i`, with its head: its word attached outside it.
fn item_at(tokens: &[Token], i: usize) -> Option<Item> {
    let proper = |k: usize| tokens.get(k).is_some_and(|t| t.upos == "PROPN");
    if !proper(i) || (i > 0 && proper(i - 1)) {
        return None;
    }
    let end = (i..tokens.len())
        .find(|&k| !proper(k))
        .unwrap_or(tokens.len());
    let outside = |k: &usize| {
        let h = tokens[*k].head;
        h == 0 || h - 1 < i || h > end
    };
    let head = (i..end).find(outside).unwrap_or(end - 1);
    Some(Item {
        start: i,
        end,
        head,
    })
}

/// The items of a list of three or more names from `i`: "A, B, and C", "A, B or C"; else
/// where the reading stopped.
fn list_at(tokens: &[Token], i: usize) -> Result<Vec<Item>, usize> {
    let mut items = vec![item_at(tokens, i).ok_or(i)?];
    let is = |k: usize, words: &[&str]| {
        tokens
            .get(k)
            .is_some_and(|t| words.iter().any(|w| t.form.eq_ignore_ascii_case(w)))
    };
    loop {
        let k = items.last().expect("one item").end;
        let (next, last) = if is(k, &[","]) && is(k + 1, &["and", "or"]) {
            (k + 2, true)
        } else if is(k, &[","]) {
            (k + 1, false)
        } else if is(k, &["and", "or"]) {
            (k + 1, true)
        } else {
            return Err(k);
        };
        items.push(item_at(tokens, next).ok_or(next)?);
        if last {
            let end = items.last().expect("two items").end;
            return if items.len() >= 3 {
                Ok(items)
            } else {
                Err(end)
            };
        }
    }
}

/// Attaches the items of a list as UD does: the others conjuncts of the first, each comma and
/// the conjunction on the conjunct after it.
fn relink(tokens: &mut [Token], items: &[Item]) {
    let (first, last) = (items[0], items[items.len() - 1]);
    let span = first.start..last.end;
    let linked = items[1..]
        .iter()
        .all(|it| tokens[it.head].head == first.head + 1 && tokens[it.head].deprel == "conj");
    if linked {
        return;
    }
    // Where the list stands: where its last or first member was attached outside it.
    let outside = |it: &Item| {
        let h = tokens[it.head].head;
        (h == 0 || !span.contains(&(h - 1))).then(|| (h, tokens[it.head].deprel.clone()))
    };
    let Some((head, rel)) = outside(&last).or_else(|| outside(&first)) else {
        return;
    };
    // No word above that place may stand in the list: the tree must stay a tree.
    let mut up = head;
    for _ in 0..tokens.len() {
        if up == 0 {
            break;
        }
        if span.contains(&(up - 1)) {
            return;
        }
        up = tokens[up - 1].head;
    }
    if up != 0 {
        return;
    }
    tokens[first.head].head = head;
    tokens[first.head].deprel = rel;
    for pair in items.windows(2) {
        let (before, it) = (pair[0], pair[1]);
        tokens[it.head].head = first.head + 1;
        tokens[it.head].deprel = "conj".to_string();
        for t in &mut tokens[before.end..it.start] {
            let rel = if t.upos == "CCONJ" { "cc" } else { "punct" };
            t.head = it.head + 1;
            t.deprel = rel.to_string();
        }
    }
    // A word of a name attached outside its name is part of it.
    for it in items {
        let outside = |h: usize| h == 0 || h - 1 < it.start || h > it.end;
        for (k, t) in tokens.iter_mut().enumerate().take(it.end).skip(it.start) {
            if k != it.head && outside(t.head) {
                t.head = it.head + 1;
                t.deprel = "compound".to_string();
            }
        }
    }
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
        // (The tagger reads many participles as past tenses, and the other way round.)
        let participle =
            tokens[v].deprel == "acl" && matches!(tokens[v].xpos.as_str(), "VBN" | "VBD");
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
        // But a participle with an object of its own is active ("The rebels seized
        // state-owned banks."), the object perhaps read as an oblique with no preposition.
        let by = kids(v).any(|(k, _)| kids(k).any(|(_, c)| c.form.eq_ignore_ascii_case("by")));
        let bare = |k: usize| !kids(k).any(|(_, c)| c.deprel == "case");
        let object = kids(v).any(|(k, t)| t.deprel == "obj" || t.deprel == "obl" && bare(k));
        let noun = tokens[v].head - 1;
        if by || kids(noun).any(|(_, t)| t.deprel == "det") && !object {
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
        // At the root, only in a sentence that ends as one (not a heading or a caption).
        let sentence = tokens.last().is_some_and(|t| t.form == ".");
        // A noun with a copula, a subject or another verb of its own is a predicate ("the
        // result is shipwrecks surrounded with coral"), and the participle before it a modifier.
        // (A participle before it, "the Saudi-led coalition", is its modifier.)
        // (Nor does an adverbial clause after the participle: "Two bombs exploded ..., killing".)
        let predicate = kids(top).any(|(k, t)| {
            let after = k > v && t.deprel == "advcl";
            let verb = t.upos == "VERB" && t.deprel != "amod" && !after;
            k != v && (verb || matches!(t.deprel.as_str(), "cop" | "nsubj" | "aux"))
        });
        let detached = tokens[top..v].iter().any(|t| t.upos == "PUNCT");
        let root = tokens[top].deprel == "root" && sentence && !predicate && v > top && !detached;
        // "Separatists attacked troops on Monday, officials said", the noun phrase read as an
        // adverbial clause of "said": a clause with no predicate of its own.
        let adverbial = tokens[top].deprel == "advcl" && !predicate && v > top && !detached;
        // "said a massive blast damaged the embassy": the object of a verb that takes a clause
        // with no "that", where the verb has an object of its own ("found a soldier kidnapped",
        // "reported the soldiers killed in the attack" are noun phrases).
        let says = tokens[top].head > 0
            && CLAUSE_VERBS.contains(&tokens[tokens[top].head - 1].lemma.to_lowercase().as_str());
        let said = tokens[top].deprel == "obj" && says && object && !detached;
        // "Russian forces shelled Kharkiv, Kyiv said", read with the forces the subject of
        // "said" and Kharkiv its complement: a verb that takes a clause and has a subject of
        // its own after the participle has none before it.
        let reporter = tokens[top].head.checked_sub(1).filter(|&r| r > v && says);
        let resubjected = tokens[top].deprel == "nsubj"
            && reporter.is_some_and(|r| kids(r).any(|(k, t)| k > v && t.deprel == "nsubj"));
        let clausal =
            CLAUSAL.contains(&tokens[top].deprel.as_str()) || adverbial || said || resubjected;
        if !nominal || !(root || clausal) {
            continue;
        }
        // The clause's own dependents (its punctuation, its "said" clause) stay with the verb.
        let (head, mut rel) = (tokens[top].head, tokens[top].deprel.clone());
        // With no "after", "when" to make it adverbial, what a verb says is its complement.
        if said || resubjected || adverbial && !kids(top).any(|(_, t)| t.deprel == "mark") {
            rel = "ccomp".to_string();
        }
        // The reporting verb's nominal between the two is the participle's object.
        if let Some(r) = reporter.filter(|_| resubjected) {
            let nominal = |t: &Token| matches!(t.upos.as_str(), "NOUN" | "PROPN");
            for t in tokens.iter_mut().take(r).skip(v + 1) {
                let read_as_clause = matches!(t.deprel.as_str(), "ccomp" | "obj" | "dep");
                if t.head == r + 1 && read_as_clause && nominal(t) {
                    t.head = v + 1;
                    t.deprel = "obj".to_string();
                }
            }
        }
        tokens[v].head = head;
        tokens[v].deprel = rel;
        tokens[top].head = v + 1;
        tokens[top].deprel = "nsubj".to_string();
        for t in tokens.iter_mut() {
            let clause_level =
                matches!(t.deprel.as_str(), "punct" | "parataxis" | "ccomp" | "advcl");
            if t.head == top + 1 && clause_level {
                t.head = v + 1;
            }
        }
    }
}

/// "Japan said on Tuesday (that) it had halted aid": the parser hangs the clause on the day as a
/// relative clause; it is the complement of the verb the day modifies. So is an infinitive
/// hung on the day ("agreed on Monday to sanction Belarus").
fn clause_after_day(tokens: &mut [Token]) {
    for i in 0..tokens.len() {
        let infinitive = tokens[i].deprel == "acl"
            && tokens[i].upos == "VERB"
            && tokens
                .iter()
                .any(|t| t.head == i + 1 && t.deprel == "mark" && t.xpos == "TO");
        if tokens[i].deprel != "acl:relcl" && !infinitive {
            continue;
        }
        let Some(day) = tokens[i].head.checked_sub(1) else {
            continue;
        };
        let is_day = DAYS.contains(&tokens[day].form.to_lowercase().as_str());
        let Some(verb) = tokens[day].head.checked_sub(1) else {
            continue;
        };
        // "announced earlier Monday that ...": the parser may take the day for the object.
        let object = tokens[day].deprel == "obj";
        if !is_day || !(tokens[day].deprel.starts_with("obl") || object) {
            continue;
        }
        if tokens[verb].upos != "VERB" {
            continue;
        }
        let relative = tokens.iter().any(|t| {
            t.head == i + 1
                && (RELATIVES.contains(&t.form.to_lowercase().as_str())
                    || t.form.eq_ignore_ascii_case("that") && t.upos == "PRON")
        });
        if !relative {
            tokens[i].head = verb + 1;
            tokens[i].deprel = if infinitive { "xcomp" } else { "ccomp" }.to_string();
            if object {
                tokens[day].deprel = "obl:tmod".to_string();
            }
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

    /// The heads and relations of a sentence, `head/relation` word by word.
    fn arcs(s: &[Token]) -> String {
        let arcs: Vec<String> = s
            .iter()
            .map(|t| format!("{}/{}", t.head, t.deprel))
            .collect();
        arcs.join(" ")
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
        // At the root of a sentence that ends as one, the same.
        let mut s = sentence(
            "Indian/ADJ/2/amod troops/NOUN/0/root clashed/VERB:VBN/2/acl with/ADP/5/case \
             China/PROPN/3/obl ./PUNCT/2/punct",
        );
        repair(&mut s);
        assert_eq!((s[2].head, s[2].deprel.as_str()), (0, "root"));
        assert_eq!((s[1].head, s[1].deprel.as_str()), (3, "nsubj"));
        assert_eq!(s[5].head, 3);
        // A heading has no full stop; a participle after a comma is a modifier.
        for text in [
            "Soldiers/NOUN/0/root killed/VERB:VBN/1/acl in/ADP/4/case attack/NOUN/2/obl",
            "Virginia/PROPN/0/root ,/PUNCT/3/punct highlighted/VERB:VBN/1/acl in/ADP/5/case \
             red/ADJ/3/obl ./PUNCT/1/punct",
        ] {
            let mut s = sentence(text);
            repair(&mut s);
            assert_eq!(s, sentence(text));
        }
    }

    #[test]
    fn a_participle_with_its_object_is_the_verb_of_a_noun_with_its_article() {
        // "The rebels seized banks.": an active verb, though its noun has an article.
        let mut s = sentence(
            "The/DET/2/det rebels/NOUN/0/root seized/VERB:VBN/2/acl banks/NOUN/3/obj \
             ./PUNCT/2/punct",
        );
        repair(&mut s);
        assert_eq!((s[2].head, s[2].deprel.as_str()), (0, "root"));
        assert_eq!((s[1].head, s[1].deprel.as_str()), (3, "nsubj"));
        // A noun phrase read as an adverbial clause of "said" is a clause: its complement.
        let mut s = sentence(
            "Separatists/NOUN/6/advcl attacked/VERB:VBN/1/acl troops/NOUN/2/obj ,/PUNCT/1/punct \
             officials/NOUN/6/nsubj said/VERB/0/root ./PUNCT/6/punct",
        );
        repair(&mut s);
        assert_eq!((s[1].head, s[1].deprel.as_str()), (6, "ccomp"));
        assert_eq!((s[0].head, s[0].deprel.as_str()), (2, "nsubj"));
        // A past tense hung on the object of "said" is the verb of the clause said.
        let mut s = sentence(
            "Reports/NOUN/2/nsubj said/VERB:VBD/0/root a/DET/4/det blast/NOUN/2/obj \
             damaged/VERB:VBD/4/acl the/DET/7/det embassy/NOUN/5/obj ./PUNCT/2/punct",
        );
        s[1].lemma = "say".to_string();
        repair(&mut s);
        assert_eq!((s[4].head, s[4].deprel.as_str()), (2, "ccomp"));
        assert_eq!((s[3].head, s[3].deprel.as_str()), (5, "nsubj"));
        // An adverbial clause after the participle goes with it: "Two bombs exploded, killing".
        let mut s = sentence(
            "Two/NUM/2/nummod bombs/NOUN/0/root exploded/VERB:VBN/2/acl ,/PUNCT/5/punct \
             killing/VERB:VBG/2/advcl people/NOUN/5/obj ./PUNCT/2/punct",
        );
        repair(&mut s);
        assert_eq!((s[2].head, s[2].deprel.as_str()), (0, "root"));
        assert_eq!((s[4].head, s[4].deprel.as_str()), (3, "advcl"));
        // "reported the soldiers killed in the attack": a noun phrase, kept.
        let text = "They/PRON/2/nsubj reported/VERB:VBD/0/root the/DET/4/det soldiers/NOUN/2/obj \
                    killed/VERB:VBN/4/acl in/ADP/8/case the/DET/8/det attack/NOUN/5/obl \
                    ./PUNCT/2/punct";
        let mut s = sentence(text);
        s[1].lemma = "report".to_string();
        let kept = s.clone();
        repair(&mut s);
        assert_eq!(s, kept);
        // "The man named Mario.": a reduced relative with no object stays.
        let text = "The/DET/2/det man/NOUN/0/root named/VERB:VBN/2/acl Mario/PROPN/3/xcomp \
                    ./PUNCT/2/punct";
        let mut s = sentence(text);
        repair(&mut s);
        assert_eq!(s, sentence(text));
    }

    #[test]
    fn a_hyphenated_participle_modifies_the_noun_after_it() {
        // "Insurgents shelled a government-held district of Aleppo", read as "shelled a
        // government" that "held district".
        let mut s = sentence(
            "Insurgents/NOUN/2/nsubj shelled/VERB:VBD/0/root a/DET/4/det government/NOUN/2/obj \
             -/PUNCT:,/6/punct held/VERB:VBN/4/acl district/NOUN/6/obj of/ADP/9/case \
             Aleppo/PROPN/7/nmod ./PUNCT/2/punct",
        );
        repair(&mut s);
        assert_eq!(
            arcs(&s),
            "2/nsubj 0/root 7/det 6/compound 4/punct 7/amod 2/obj 9/case 7/nmod 2/punct"
        );
        assert_eq!(s[4].xpos, "HYPH");
        // At the root: "Russian-backed separatists attacked troops.", read as "backed" with its
        // object; then the participle after the noun is the sentence's verb.
        let mut s = sentence(
            "Russian/ADJ/3/amod -/PUNCT:HYPH/1/punct backed/VERB:VBN/0/root \
             separatists/NOUN/3/obj attacked/VERB:VBN/4/acl troops/NOUN/5/obj ./PUNCT/3/punct",
        );
        repair(&mut s);
        assert_eq!(
            arcs(&s),
            "3/compound 1/punct 4/amod 5/nsubj 0/root 5/obj 5/punct"
        );
    }

    #[test]
    fn a_plural_noun_with_a_subject_is_a_verb() {
        let mut s = sentence(
            "The/DET/3/det resolution/NOUN/3/nsubj demands/NOUN:NNS/0/root that/PRON/7/nsubj \
             North/PROPN/6/compound Korea/PROPN/7/nsubj suspend/VERB/3/acl:relcl \
             tests/NOUN:NNS/7/obj ./PUNCT/3/punct",
        );
        repair(&mut s);
        assert_eq!((s[2].upos.as_str(), s[2].xpos.as_str()), ("VERB", "VBZ"));
        assert_eq!((s[6].head, s[6].deprel.as_str()), (3, "ccomp"));
        assert_eq!(
            (s[3].upos.as_str(), s[3].deprel.as_str()),
            ("SCONJ", "mark")
        );
        assert_eq!(s[0].head, 2, "the article goes to the subject");
        // A predicate noun ("the results are gains"), a noun with its article and a heading
        // stay as they are.
        for text in [
            "The/DET/2/det results/NOUN:NNS/4/nsubj are/AUX/4/cop gains/NOUN:NNS/0/root \
             ./PUNCT/4/punct",
            "Japan/PROPN/3/nsubj the/DET/3/det talks/NOUN:NNS/0/root ./PUNCT/3/punct",
            "Ministers/NOUN:NNS/2/nsubj talks/NOUN:NNS/0/root",
        ] {
            let mut s = sentence(text);
            repair(&mut s);
            assert_eq!(s, sentence(text), "{text}");
        }
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
        // An infinitive hung on the day is the verb's.
        let mut s = sentence(
            "Leaders/NOUN/2/nsubj agreed/VERB/0/root on/ADP/4/case Monday/PROPN/2/obl \
             to/PART:TO/6/mark sanction/VERB:VB/4/acl Belarus/PROPN/6/obj",
        );
        repair(&mut s);
        assert_eq!((s[5].head, s[5].deprel.as_str()), (2, "xcomp"));
        // A day read as the verb's object is its time, and the clause its complement.
        let mut s = sentence(
            "Japan/PROPN/2/nsubj announced/VERB/0/root Monday/PROPN/2/obj that/SCONJ/7/mark \
             it/PRON/7/nsubj had/AUX/7/aux halted/VERB/3/acl:relcl aid/NOUN/7/obj",
        );
        repair(&mut s);
        assert_eq!((s[6].head, s[6].deprel.as_str()), (2, "ccomp"));
        assert_eq!((s[2].head, s[2].deprel.as_str()), (2, "obl:tmod"));
    }

    #[test]
    fn a_serial_list_of_names_is_one_coordination() {
        // As the parser left it: "US" an oblique, "Russia" its apposition.
        let mut s = sentence(
            "The/DET/2/det US/PROPN/8/obl ,/PUNCT/4/punct Russia/PROPN/2/appos ,/PUNCT/8/punct \
             and/CCONJ/8/cc Switzerland/PROPN/8/nsubj met/VERB/0/root",
        );
        repair(&mut s);
        let got: Vec<(usize, &str)> = s.iter().map(|t| (t.head, t.deprel.as_str())).collect();
        assert_eq!(
            got,
            [
                (2, "det"),
                (8, "nsubj"),
                (4, "punct"),
                (2, "conj"),
                (7, "punct"),
                (7, "cc"),
                (2, "conj"),
                (0, "root")
            ]
        );
        // Two names are no serial list; a list already linked is left as it is.
        let two = "Japan/PROPN/4/nsubj and/CCONJ/3/cc Russia/PROPN/1/conj met/VERB/0/root";
        let mut s = sentence(two);
        repair(&mut s);
        assert_eq!(s, sentence(two));
    }
}
