//! The sides of an event word read from its sentence's dependency parse (the `syntax` stage):
//! the subject of a verb or of the verb that controls it ("agreed to impose"), its object or the
//! oblique of a preposition that names a target ("talks with", "sanctions on"), a passive's `by`
//! agent, a noun's possessor or nationality ("Russia's invasion", "Japanese sanctions"), and the
//! subject of the clause a noun stands in ("held talks"). Coordinated words are each a side
//! ("Canada, Norway and Chile"); a title, name or nationality inside a phrase names its actor
//! ("his Chinese counterpart Wang Yi"). A place after "in" is a venue, never a side: the
//! prepositions that name a target are a class of data/events/cues.tsv.

use super::clause::Sentence;
use super::cues::{self, Class};
use super::patterns::Reported;
use crate::document::{Mention, Parsed, Word};

/// Relations inside a phrase that may name the phrase's actor, in the order they are tried.
/// How deep below its verb a gap's word may stand ("provided [nearly 25,000 tons of
/// emergency food] aid": aid is two levels down).
const MAX_GOVERNED_DEPTH: usize = 5;

const NAMING: &[&str] = &[
    "appos",
    "flat",
    "nmod:poss",
    "amod",
    "compound",
    "nmod:desc",
];

/// How far the subject of a verb is looked for up the chain of verbs that control it.
const MAX_CLIMB: usize = 4;

/// How many mentions starting before a word are tried as the one that holds it (mentions of
/// one sentence may nest or share their words, but only a few).
const MENTIONS_BACK: usize = 8;

/// How far up an event word an infinitive that makes it only wanted is looked for.
const MAX_UNREALIZED_CLIMB: usize = 8;

/// How many "of" or "for" phrases deep into what an attack falls on its target is looked for.
const PATIENT_DEPTH: usize = 3;
/// How deep in a phrase a place may stand and still say where its thing is.
const PLACE_DEPTH: usize = 6;

pub struct Tree<'a> {
    words: &'a [Word],
    s: &'a Sentence<'a>,
    children: Vec<Vec<usize>>,
    /// For each word, the sentence mention (index into `Sentence::mentions`) that covers it, a
    /// place too: where a place stands in the tree says whether it is a side ("protested to
    /// North Korea") or a venue ("met in Beijing").
    mention: Vec<Option<usize>>,
}

/// The sides the parse gives an event word: mention indices of the sentence, empty where the
/// parse names none.
#[derive(Debug, Default, PartialEq)]
pub struct Sides {
    pub sources: Vec<usize>,
    pub targets: Vec<usize>,
    /// A relative clause's verb whose noun is no actor ("thousands who took to the streets"), or
    /// a verb whose subject is a pronoun no mention resolves: the subject of the clause around
    /// it is not its source.
    pub unnamed_subject: bool,
    /// The word is a passive verb: its subject undergoes the event.
    pub passive: bool,
}

/// Whether a mention is a group's word of lower case with no name ("military") that the parse
/// reads as an adjective ("protested over the military drills"): it names no actor.
fn adjective_mention(m: &Mention, word: &Word) -> bool {
    m.text.chars().all(|c| c.is_lowercase()) && word.deprel == "amod"
}

impl<'a> Tree<'a> {
    pub fn new(parsed: &'a Parsed, s: &'a Sentence<'a>) -> Tree<'a> {
        let words = parsed.words.as_slice();
        let mut children = vec![Vec::new(); words.len()];
        for (i, w) in words.iter().enumerate() {
            if w.head > 0 && w.head <= words.len() {
                children[w.head - 1].push(i);
            }
        }
        // Mentions are in order of their start: those that start at or before a word are found
        // by binary search, and the first of the few nearest that holds it is its mention.
        let mention = words
            .iter()
            .map(|w| {
                let before = s.mentions.partition_point(|m| m.start <= w.start);
                let near = before.saturating_sub(MENTIONS_BACK)..before;
                near.into_iter()
                    .find(|&k| w.end <= s.mentions[k].end && s.mentions[k].start <= w.start)
                    .filter(|&k| !adjective_mention(s.mentions[k], w))
            })
            .collect();
        Tree {
            words,
            s,
            children,
            mention,
        }
    }

    /// Whether mention `k` is a group's word that the parse reads as an adjective
    /// ([`adjective_mention`]).
    pub fn adjective(&self, k: usize) -> bool {
        let m = self.s.mentions[k];
        let word = self.word_at(m.start).map(|w| &self.words[w]);
        word.is_some_and(|w| adjective_mention(m, w))
    }

    /// The word that starts at or holds character `at`.
    pub fn word_at(&self, at: usize) -> Option<usize> {
        // Words are in order and do not overlap.
        let i = self.words.partition_point(|w| w.end <= at);
        (i < self.words.len() && self.words[i].start <= at).then_some(i)
    }

    /// Whether word `w` has a direct object that is no time expression ("marched Sunday" is
    /// read as an object at times).
    pub fn has_object(&self, w: usize) -> bool {
        self.kids(w, "obj")
            .any(|o| !self.s.time_covers(self.words[o].start, self.words[o].end))
    }

    /// The lemma of word `w`, lowercased.
    pub fn lemma(&self, w: usize) -> String {
        self.words[w].lemma.to_lowercase()
    }

    /// The universal tag of word `w`.
    pub fn upos(&self, w: usize) -> &str {
        &self.words[w].upos
    }

    /// The verb whose infinitive word `w` ("to") marks: "attack" in "sent drones to attack Kyiv".
    pub fn infinitive_of(&self, w: usize) -> Option<usize> {
        let verb = self.head(w).filter(|&h| self.upos(h) == "VERB");
        verb.filter(|_| self.rel(w) == "mark")
    }

    /// Whether the event word at `w` stands in an infinitive that only says what is wanted,
    /// planned or opposed: under a verb with "to" whose head is not a realizing word ("moves to
    /// widen sanctions", "agreed to impose"; not "decided to impose").
    pub fn unrealized(&self, w: usize) -> bool {
        let belief =
            |n: usize| self.words[n].upos == "NOUN" && cues::is(&self.lemma(n), Class::Belief);
        let mut x = w;
        for _ in 0..MAX_UNREALIZED_CLIMB {
            // "the perception that the U.S. wants to destroy Iraq": believed, not done.
            // A relative clause whose "that" is its mark, not its subject or object, is the
            // noun's content ("allegations that its forces attacked a tanker").
            let content = self.rel(x) == "acl:relcl" && self.kids(x, "mark").next().is_some();
            // "accusations of attacks on civilians", "the risk of war": the same with "of".
            let of = self.rel(x) == "nmod" && self.case_of(x).as_deref() == Some("of");
            let believed = self
                .head(x)
                .filter(|_| matches!(self.rel(x), "acl" | "ccomp") || content || of);
            if believed.is_some_and(belief) {
                return true;
            }
            // "rejected accusations that it attacked": the parse may hang the noun's clause on
            // the verb whose object the noun is; its "that" follows the noun.
            let that = self.kids(x, "mark").find(|&m| m > 0 && belief(m - 1));
            let object = |m: usize| self.rel(m - 1) == "obj" && self.head(m - 1) == self.head(x);
            if self.rel(x) == "ccomp" && that.is_some_and(object) {
                return true;
            }
            let to = self
                .kids(x, "mark")
                .find(|&m| self.words[m].form.eq_ignore_ascii_case("to"));
            if let Some(to) = to.filter(|_| self.words[x].upos == "VERB") {
                // "decided to impose" happened; "scheduled to attend" is planned, which the
                // flags before the trigger say. So did what "a resolution to condemn" does,
                // wherever the parse hung the infinitive.
                // ("is set to attend": a cue of two words, the verb and "to".)
                let makes = |w: usize| {
                    let word = self.words[w].form.to_lowercase();
                    cues::is(&word, Class::Realizing)
                        || cues::is(&word, Class::Planned)
                        || cues::starts(Class::Planned, |k| [word.as_str(), "to"].get(k).copied())
                            == Some(2)
                };
                let realized = self.head(x).is_some_and(makes) || to > 0 && makes(to - 1);
                if self.done_by_purpose(x) {
                    return false;
                }
                if !realized {
                    return true;
                }
            }
            // "appeared to have reached a peak after soldiers clashed": a clause of what
            // happened around the wanted act happened, wherever the parse hung it.
            let fact = self
                .kids(x, "mark")
                .any(|m| cues::is(&self.words[m].form.to_lowercase(), Class::Circumstance));
            if fact {
                return false;
            }
            // Only what the infinitive does or says is wanted, through its object and
            // complements: "moves to widen sanctions"; not the circumstances around it ("agreed
            // to apply pressure during a telephone call": the call took place).
            // A noun with a preposition is a circumstance, whatever the parse attached it to.
            let circumstance =
                self.words[x].upos != "VERB" && self.kids(x, "case").next().is_some();
            if circumstance
                || !matches!(self.rel(x), "obj" | "xcomp" | "ccomp" | "acl" | "compound")
            {
                return false;
            }
            match self.head(x) {
                Some(h) => x = h,
                None => return false,
            }
        }
        false
    }

    /// Whether the clause of the event word at `w` has a condition ("will boycott the elections
    /// unless the president steps down", "would strike if attacked"): an adverbial clause opened
    /// by a word of the class `condition`, on the verb whose object or complement the word is,
    /// or on the verb that reports it.
    pub fn conditioned(&self, w: usize) -> bool {
        // An adverbial clause, or what the parser misread as an oblique ("unless the fighting
        // stops" with "stops" a noun).
        let opened = |c: usize| {
            self.kids(c, "mark")
                .chain(self.kids(c, "case"))
                .any(|m| cues::is(&self.words[m].form.to_lowercase(), Class::Condition))
        };
        // "announced that it will withdraw ... unless ...": the parse may hang the condition on
        // the reporting verb.
        self.up_through(w, &["obj", "xcomp", "ccomp", "compound"], |x| {
            self.kids(x, "advcl").chain(self.kids(x, "obl")).any(opened)
        })
    }

    /// Whether the event word at `w` stands in a condition ("if Trump agrees to roll back
    /// tariffs", "unless Iraq withdraws"): a possibility, not an act.
    pub fn in_condition(&self, w: usize) -> bool {
        self.up_through(w, &["xcomp", "conj"], |x| {
            self.kids(x, "mark")
                .any(|m| cues::is(&self.words[m].form.to_lowercase(), Class::Condition))
        })
    }

    /// Whether the event word at `w` is the means of a verb that is only possible ("could start
    /// hostilities ... by attacking Jordan", "would break international law by attacking"): as
    /// real as that verb.
    pub fn means_of_possible(&self, w: usize) -> bool {
        let by = self
            .kids(w, "mark")
            .chain(self.kids(w, "case"))
            .any(|m| self.words[m].form.eq_ignore_ascii_case("by"));
        let possible = |h: usize| {
            self.kids(h, "aux")
                .any(|a| cues::is(&self.words[a].form.to_lowercase(), Class::Hypothetical))
        };
        // The verb it is the means of, past words the parser hung it on ("either through a
        // direct attack or by attacking": on "or").
        let verb = std::iter::successors(self.head(w), |&h| self.head(h))
            .take(4)
            .find(|&h| self.words[h].upos == "VERB");
        by && self.rel(w) == "advcl" && verb.is_some_and(possible)
    }

    /// Whether `test` holds of word `w` or of a head reached from it through relations of
    /// `through` only ("will begin to withdraw": from "withdraw" up its `xcomp`).
    fn up_through(&self, w: usize, through: &[&str], test: impl Fn(usize) -> bool) -> bool {
        let mut x = w;
        for _ in 0..MAX_UNREALIZED_CLIMB {
            if test(x) {
                return true;
            }
            if !through.contains(&self.rel(x)) {
                return false;
            }
            match self.head(x) {
                Some(h) => x = h,
                None => return false,
            }
        }
        false
    }

    /// Whether the event word at `w` is an expressive act (cues.tsv class `expressive`) in an
    /// infinitive of purpose: done by the act it is the purpose of ("shunned work on Monday to
    /// protest the settlements", "a rally to demand reforms"), unlike one of wanting ("sent
    /// troops to attack").
    pub fn done_by_purpose(&self, w: usize) -> bool {
        let to = self
            .kids(w, "mark")
            .any(|m| self.words[m].form.eq_ignore_ascii_case("to"));
        to && matches!(self.rel(w), "advcl" | "acl") && cues::is(&self.lemma(w), Class::Expressive)
    }

    /// Whether the event word at `w` is said to be done with a modal of the future (cues.tsv
    /// class `promise`: "will visit", "would impose"), on it or on the verb it completes ("will
    /// begin to withdraw"); not a schedule or a forecast ("is expected to meet").
    pub fn promised(&self, w: usize) -> bool {
        self.up_through(w, &["xcomp"], |x| {
            self.kids(x, "aux")
                .any(|a| cues::is(&self.words[a].form.to_lowercase(), Class::Promise))
        })
    }

    /// Whether verb `w` is in the present tense in an adverbial clause of what is yet to come
    /// (cues.tsv class `awaited`: "must hold off until Kofi Annan visits Baghdad"): English
    /// puts the future there in the present. The word that opens the clause may be hung inside
    /// its subject ("until UN secretary general Kofi Annan" read as a noun phrase).
    pub fn awaited(&self, w: usize) -> bool {
        let opens = |m: usize| {
            matches!(self.rel(m), "mark" | "case")
                && cues::is(&self.words[m].form.to_lowercase(), Class::Awaited)
        };
        let present = matches!(self.words[w].xpos.as_str(), "VBZ" | "VBP");
        present && (0..w).any(|m| opens(m) && self.descends(m, w) && !self.verb_between(m, w))
    }

    /// Whether a verb other than `w` stands on the path from word `m` up to `w`.
    fn verb_between(&self, m: usize, w: usize) -> bool {
        self.steps_up(m)
            .map(|(_, h)| h)
            .take_while(|&h| h != w)
            .any(|h| self.words[h].upos == "VERB")
    }

    /// The character where the first of the verbs that verb `w` is listed with starts ("was
    /// scheduled to lay flowers, talk to the guards and meet the president": "lay" for "talk"
    /// and "meet"), when they are joined by "and" or "or": what is said of the first (planned,
    /// possible) is said of them all; not after "but".
    pub fn first_conjunct(&self, w: usize) -> Option<usize> {
        if self.rel(w) != "conj" || self.words[w].upos != "VERB" {
            return None;
        }
        // Of the same form: "to disperse protests and beating demonstrators" lists the
        // beating with another -ing form, not with the wanted dispersal.
        let h = self.head(w).filter(|&h| {
            self.words[h].upos == "VERB" && self.words[h].xpos == self.words[w].xpos
        })?;
        let joined = self
            .kids(w, "cc")
            .all(|c| matches!(self.words[c].form.to_lowercase().as_str(), "and" | "or"));
        joined.then_some(self.words[h].start)
    }

    /// Whether the event word at `w` is negated: a negation word (data/events/cues.tsv: "not",
    /// "never", "no") as an adverb or determiner of it, or of the verb whose object or subject
    /// it is ("did not impose sanctions", "no talks were held").
    pub fn negated(&self, w: usize) -> bool {
        let negates = |x: usize| {
            self.children[x].iter().any(|&c| {
                matches!(self.rel(c), "advmod" | "det")
                    && cues::is(&self.words[c].form.to_lowercase(), Class::Negation)
            })
        };
        let governor = self
            .head(w)
            .filter(|_| matches!(self.rel(w), "obj" | "nsubj:pass" | "nsubj"));
        // "the cancellation of a planned visit": the noun of a negation's "of" phrase.
        let called_off = self
            .head(w)
            .filter(|_| self.rel(w) == "nmod" && self.case_of(w).as_deref() == Some("of"));
        let calls_off = |h: usize| cues::is(&self.lemma(h), Class::Negation);
        negates(w) || governor.is_some_and(negates) || called_off.is_some_and(calls_off)
    }

    /// Whether word `w` stands in a phrase verb `v` governs within its own clause: its object,
    /// an oblique, their modifiers; not a clause below it ("said that ...", "who ...").
    pub fn governs(&self, v: usize, w: usize) -> bool {
        const CLAUSES: &[&str] = &[
            "ccomp",
            "advcl",
            "acl",
            "parataxis",
            "csubj",
            "conj",
            "list",
        ];
        for (x, h) in self.steps_up(w) {
            if self.verb_by(x, CLAUSES) {
                return false;
            }
            if h == v {
                return true;
            }
        }
        false
    }

    /// Whether verb `v` is the head of word `w` or of its head: what it names ("blocked new
    /// sanctions", "refused to back sanctions"), not what that names in turn ("refused to
    /// commit to assistance to the war").
    pub fn names_closely(&self, v: usize, w: usize) -> bool {
        self.steps_up(w).take(2).any(|(_, h)| h == v)
    }

    /// Whether word `w` stands past a preposition in the phrase of verb `v` it is in
    /// ("suspended a tax on companies after talks with Washington": "talks" is no object of
    /// "suspended"), other than "of" or one next to an amount ("imposed a new round of
    /// sanctions", "requested $50 million in emergency funding", "lend up to $1 billion":
    /// the object goes on).
    pub fn past_preposition(&self, v: usize, w: usize) -> bool {
        let amount = |x: usize| {
            self.words
                .get(x)
                .is_some_and(|w| matches!(w.upos.as_str(), "NUM" | "SYM"))
        };
        let parts = |c: usize| {
            self.words[c].form.eq_ignore_ascii_case("of") || c > 0 && amount(c - 1) || amount(c + 1)
        };
        // "sent 22.5 million dollars in relief supplies": what a counted sum is in.
        let counted = |x: usize| {
            self.head(x)
                .is_some_and(|h| self.kids(h, "nummod").next().is_some())
        };
        self.steps_up(w)
            .take_while(|&(x, _)| x != v)
            .any(|(x, _)| !counted(x) && self.kids(x, "case").any(|c| c < w && !parts(c)))
    }

    /// Whether the time expression over characters `span` dates a noun that the event word `w`
    /// (or the verb it is coordinated with) governs, not the event: "condemns North Korea's
    /// launches on July 5" (the launches' day). A noun among the pattern's words, characters
    /// `matched`, is the event's ("held talks on Monday").
    pub fn dates_another(&self, span: (usize, usize), w: usize, matched: (usize, usize)) -> bool {
        let inside = |x: usize| span.0 <= self.words[x].start && self.words[x].end <= span.1;
        let Some(first) = self.word_at(span.0).filter(|&f| inside(f)) else {
            return false;
        };
        let mut words = (first..self.words.len()).take_while(|&x| inside(x));
        let Some(t) = words.find(|&x| self.head(x).is_none_or(|h| !inside(h))) else {
            return false;
        };
        let Some(h) = self.head(t) else {
            return false;
        };
        // A bare time phrase ("last month") says when the clause's act was, wherever the
        // parser hangs it; only one with its own preposition just before it ("on July 5")
        // modifies a noun, and only a noun that names an act ("launches on July 5", not
        // "shelled positions on Monday", where the parser hung the date on the wrong word).
        let own_case = self.kids(t, "case").any(|c| c + 1 == first);
        let noun = &self.words[h];
        let act = super::patterns::names_act(&noun.form.to_lowercase(), &noun.lemma.to_lowercase());
        let modifies_noun =
            self.rel(t) == "nmod" && self.words[h].upos == "NOUN" && own_case && act;
        // "condemns North Korea's launches on July 5 and demands ...": the first conjunct's
        // phrases are the coordinated verb's too.
        let mut lead = w;
        while self.rel(lead) == "conj" {
            let Some(x) = self.head(lead) else { break };
            lead = x;
        }
        // "held talks on Monday": a noun of the pattern's own words is the event.
        let own = matched.0 <= self.words[h].start && self.words[h].end <= matched.1;
        let noun_of_act = modifies_noun && !own && (self.governs(w, h) || self.governs(lead, h));
        noun_of_act || self.in_other_clause(t, w)
    }

    /// Whether word `t` stands in a clause of its own that does not hold `w` and does not
    /// modify it: "took part in celebrations marking the anniversary of the victory in the
    /// Battle of Khalkhin Gol ... and visited the campus" (the battle's days are not the
    /// visit's); but "the meeting held on June 6" (a clause of the event's own noun) and "said
    /// on Monday that they met" (no clause between) are not.
    fn in_other_clause(&self, t: usize, w: usize) -> bool {
        const SUBORDINATE: &[&str] = &["acl", "advcl", "ccomp", "csubj", "parataxis"];
        for (x, h) in self.steps_up(t) {
            if self.verb_by(x, SUBORDINATE) {
                return x != w && h != w && !self.descends(w, x);
            }
        }
        false
    }

    /// Each word from `w` up with its head, at most `MAX_GOVERNED_DEPTH` steps.
    fn steps_up(&self, w: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        std::iter::successors(Some(w), |&x| self.head(x))
            .filter_map(|x| self.head(x).map(|h| (x, h)))
            .take(MAX_GOVERNED_DEPTH)
    }

    /// Whether word `x` is a verb hung by one of the relations `rels` (their universal part).
    fn verb_by(&self, x: usize, rels: &[&str]) -> bool {
        let rel = self.rel(x).split(':').next().unwrap_or("");
        rels.contains(&rel) && self.words[x].upos == "VERB"
    }

    /// Whether `w` is `x` or below it.
    fn descends(&self, w: usize, x: usize) -> bool {
        std::iter::successors(Some(w), |&y| self.head(y))
            .take(MAX_GOVERNED_DEPTH)
            .any(|y| y == x)
    }

    fn head(&self, w: usize) -> Option<usize> {
        let h = self.words[w].head;
        (h > 0 && h <= self.words.len()).then(|| h - 1)
    }

    fn rel(&self, w: usize) -> &str {
        &self.words[w].deprel
    }

    fn kids<'s>(&'s self, w: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children[w]
            .iter()
            .copied()
            .filter(move |&c| self.rel(c) == rel)
    }

    /// The preposition of a nominal ("with" of "with Japan"), lowercased.
    fn case_of(&self, w: usize) -> Option<String> {
        self.kids(w, "case")
            .next()
            .map(|c| self.words[c].form.to_lowercase())
    }

    /// The nominal dependents of noun `n` with the preposition `preposition` ("by", "between").
    fn nominals_with<'s>(
        &'s self,
        n: usize,
        preposition: &'s str,
    ) -> impl Iterator<Item = usize> + 's {
        self.children[n].iter().copied().filter(move |&c| {
            self.rel(c).starts_with("nmod") && self.case_of(c).as_deref() == Some(preposition)
        })
    }

    pub fn is_passive(&self, v: usize) -> bool {
        // "an expert kidnapped and presumed killed by guerrillas": a participle with a "by"
        // agent is passive without an auxiliary.
        let agent = |c: usize| {
            self.rel(c) == "obl:agent"
                && self.words[v].xpos == "VBN"
                && self.case_of(c).as_deref() == Some("by")
        };
        self.children[v]
            .iter()
            .any(|&c| matches!(self.rel(c), "nsubj:pass" | "aux:pass") || agent(c))
            || self.participle_complement(v)
            || self.shares_passive(v)
    }

    /// "was evicted in April and sentenced to 50 weeks": a participle (or a past tense in
    /// "-ed", which the tagger confuses with it) coordinated with a passive verb, with no
    /// subject or object of its own, shares its passive.
    fn shares_passive(&self, v: usize) -> bool {
        let word = &self.words[v];
        let participle = word.xpos == "VBN" || word.xpos == "VBD" && word.form.ends_with("ed");
        let own = |rel: &str| {
            self.children[v]
                .iter()
                .any(|&c| self.rel(c).split(':').next() == Some(rel))
        };
        participle
            && self.rel(v) == "conj"
            && !own("nsubj")
            && !own("obj")
            && self.head(v).is_some_and(|h| {
                self.children[h]
                    .iter()
                    .any(|&c| matches!(self.rel(c), "nsubj:pass" | "aux:pass"))
            })
    }

    /// A participle with no auxiliary, subject or object of its own that shares a passive
    /// verb's "were" before it ("were killed and 41 wounded"), or follows a count ("41
    /// wounded"): the passive verb if any, and who underwent `v`. The parser reads such a
    /// conjunct as a clause ("dozens" its subject), or as a count with an adjective, hung
    /// anywhere.
    fn gapped_passive(&self, v: usize) -> Option<(Option<usize>, Vec<usize>)> {
        let participle = self.words[v].xpos == "VBN"
            || self.words[v].xpos == "JJ" && super::is_participle(&self.words[v].form);
        let own = |c: &usize| matches!(self.rel(*c), "obj" | "aux" | "aux:pass" | "nsubj:pass");
        if !participle || self.children[v].iter().any(own) {
            return None;
        }
        let h = self.head(v)?;
        let passive_before = |w: usize| (0..w).rev().find(|&p| self.is_passive(p));
        match self.rel(v) {
            "conj" if h < v && self.is_passive(h) => {
                Some((Some(h), self.kids(v, "nsubj").collect()))
            }
            "amod" if h + 1 == v && self.words[h].upos == "NUM" => {
                Some((passive_before(h), vec![h]))
            }
            _ => None,
        }
    }

    /// "met visiting Russian Foreign Minister Sergei Lavrov", "a lawsuit against visiting
    /// Saudi Crown Prince ...": a participle of class guest after an article, a preposition or
    /// a verb of class host modifies the name after it, which the parser may take for its
    /// object. The name's bearer is the source; the subject of the clause it stands in, the
    /// target.
    fn guest_sides(&self, v: usize) -> Option<Sides> {
        if v == 0 || !cues::is(&self.words[v].form.to_lowercase(), Class::Guest) {
            return None;
        }
        let before = &self.words[v - 1];
        let opens = cues::is(&before.form.to_lowercase(), Class::Article)
            || before.upos == "ADP" && !cues::is(&before.form.to_lowercase(), Class::Circumstance)
            || before.upos == "VERB" && cues::is(&self.lemma(v - 1), Class::Host);
        if !opens || self.kids(v, "nsubj").next().is_some() {
            return None;
        }
        let guests = match self.rel(v) {
            "amod" => self.actors_of(self.head(v)),
            _ => self.actors_of(self.kids(v, "obj").filter(|&o| o > v)),
        };
        if guests.is_empty() {
            return None;
        }
        let clause = (0..MAX_CLIMB)
            .scan(v, |x, _| {
                *x = self.head(*x)?;
                Some(*x)
            })
            .find(|&h| self.words[h].upos == "VERB");
        Some(Sides {
            sources: guests,
            targets: self.actors_of(clause.map(|c| self.subject(c, 0)).unwrap_or_default()),
            ..Sides::default()
        })
    }

    /// Whether a "by" follows word `v` in the sentence.
    fn by_after(&self, v: usize) -> bool {
        self.words[v + 1..]
            .iter()
            .any(|w| w.form.eq_ignore_ascii_case("by"))
    }

    /// "kept the mayor jailed", "a member of the movement jailed a year ago" (which the parser
    /// may hang on the verb before it): a past participle complement with no subject or
    /// auxiliary of its own is passive.
    fn participle_complement(&self, v: usize) -> bool {
        let own = |c: &usize| self.rel(*c).starts_with("nsubj") || self.rel(*c).starts_with("aux");
        // "Russia has threatened to ...", read as "has" with a complement, is a perfect.
        let perfect = self
            .head(v)
            .is_some_and(|h| self.lemma(h) == "have" && self.kids(h, "obj").next().is_none());
        self.rel(v) == "xcomp"
            && matches!(self.words[v].xpos.as_str(), "VBN" | "VBD")
            && !self.children[v].iter().any(own)
            && !perfect
    }

    /// The sides of the event word at word `w`: a verb's, or a noun's.
    pub fn sides(&self, w: usize, verb: bool, mediation: bool) -> Sides {
        // "a phone conversation between ...": the phrase's head noun has the sides.
        if let Some(h) = self.head(w).filter(|_| !verb && self.rel(w) == "compound") {
            return self.noun_sides(h, mediation);
        }
        if verb {
            self.verb_sides(w)
        } else {
            self.noun_sides(w, mediation)
        }
    }

    /// The sides of a word that makes a reported clause an event: a modal that makes it a
    /// demand ("Japan said China must withdraw", "China must withdraw, Japan said"), a predicate
    /// that judges the clause's subject ("May said Putin's government was culpable"). The
    /// reporting verb's subject demands of, or judges, the clause's subject. `None` when no
    /// reporting verb (data/events/cues.tsv) reports the clause.
    pub fn reported_sides(&self, w: usize, reported: Reported) -> Option<Sides> {
        let predicate = |x: usize| self.kids(x, "cop").next().is_some();
        let clause = match reported {
            Reported::Modal if self.rel(w) == "aux" => self.head(w)?,
            // The predicate heads its clause; an attributive adjective ("an unacceptable
            // decision") judges nothing said of a subject, unless it is the predicate's own
            // ("the incident was a premeditated action by China").
            Reported::Judgment if predicate(w) => w,
            Reported::Judgment if self.rel(w) == "amod" && self.head(w).is_some_and(predicate) => {
                self.head(w)?
            }
            _ => return None,
        };
        let reporting = self.reporting_verb(clause)?;
        // "said the launch was a clear violation by North Korea": with no actor as the subject,
        // the predicate noun's own agent is judged.
        let mut targets = self.actors_of(self.subject(clause, 0));
        if targets.is_empty() && self.words[clause].upos == "NOUN" {
            targets = self.noun_agents(clause);
        }
        Some(Sides {
            sources: self.actors_of(self.subject(reporting, 0)),
            targets,
            ..Sides::default()
        })
    }

    /// The reporting verb (data/events/cues.tsv) of the clause that word `clause` heads: "said
    /// (that) ...", or a trailing "..., Japan said".
    fn reporting_verb(&self, clause: usize) -> Option<usize> {
        let reports = |v: &usize| cues::is(&self.lemma(*v), Class::Reporting);
        self.head(clause)
            .filter(|_| matches!(self.rel(clause), "ccomp" | "parataxis"))
            .filter(reports)
            // The parser reads a trailing report as parataxis or, now and then, advcl, or a
            // conjunct with no "and" ("shelled the town on Monday, officials said").
            .or_else(|| {
                let unjoined = self
                    .kids(clause, "conj")
                    .filter(|&v| self.kids(v, "cc").next().is_none());
                let trailing = self
                    .kids(clause, "parataxis")
                    .chain(self.kids(clause, "advcl"))
                    .chain(unjoined);
                trailing.filter(|&v| v > clause).find(reports)
            })
    }

    /// The verb that reports what verb `w` says was done, and the actors its subject names
    /// ("Ukraine said Russian troops attacked ...", "claimed that ISIL had attacked Iraq and
    /// taken Mosul": the report of the first verb is the second's too).
    pub fn reporter(&self, w: usize) -> Option<(usize, Vec<usize>)> {
        let mut clause = w;
        while self.rel(clause) == "conj" {
            clause = self.head(clause)?;
        }
        let r = self.reporting_verb(clause)?;
        Some((r, self.actors_of(self.subject(r, 0))))
    }

    /// Who says what word `w` says was done: the subject of the verb that reports its clause
    /// ("Ukraine said Russian troops attacked ...", "shelled Kharkiv, officials said"), else
    /// whom an "according to" phrase of its clause or a clause above it names ("Russian
    /// forces shelled Kharkiv, according to the Ukrainian military").
    pub fn claimant(&self, w: usize) -> Option<usize> {
        // A place says nothing ("In Cape Town, police spokesman Rod Beer said").
        let speaker = |actors: Vec<usize>| actors.into_iter().find(|&k| !self.s.mentions[k].place);
        // "defended the party's actions, saying ...": a participle after the clause says more
        // of its own; it reports only what it governs.
        let elaborates = |r: usize| {
            self.rel(r) == "advcl" && self.words[r].xpos == "VBG" && !self.descends(w, r)
        };
        let reporter = self.reporter(w).filter(|&(r, _)| !elaborates(r));
        if let Some(k) = reporter.and_then(|(_, a)| speaker(a)) {
            return Some(k);
        }
        // (cues class `attributing`: "according".)
        let according = |c: usize| {
            self.kids(c, "case")
                .any(|p| cues::is(&self.words[p].form.to_lowercase(), Class::Attributing))
        };
        let mut up = std::iter::successors(Some(w), |&x| self.head(x)).take(MAX_GOVERNED_DEPTH);
        up.find_map(|x| {
            let phrases = self.kids(x, "obl").chain(self.kids(x, "advcl"));
            let named: Vec<usize> = phrases.filter(|&c| according(c)).collect();
            speaker(self.actors_of(named))
        })
    }

    /// The character where word `w` starts.
    pub fn start(&self, w: usize) -> usize {
        self.words[w].start
    }

    /// Whether word `w` is a preposition or another case marker.
    pub fn is_case(&self, w: usize) -> bool {
        self.rel(w) == "case"
    }

    /// The targets a pattern's last word gives ("held talks with", "joined the West in
    /// denouncing"): the nominal of a preposition, else that word's own targets.
    pub fn targets_at(&self, w: usize) -> Vec<usize> {
        if self.rel(w) == "case" {
            return self.actors_of(self.head(w));
        }
        // "expelled 23 Russian diplomats": the object names its actor.
        if matches!(self.rel(w), "obj" | "iobj") {
            let own = self.actors_of([w]);
            if !own.is_empty() {
                return own;
            }
        }
        self.sides(w, self.words[w].upos == "VERB", false).targets
    }

    fn verb_sides(&self, v: usize) -> Sides {
        if let Some(sides) = self.guest_sides(v) {
            return sides;
        }
        // "diplomats expelled by Britain": a participle that modifies its patient.
        // With no agent, no one named did it ("agents charged in the bombing", not by the FBI
        // of "On the FBI list, ..."), unless a "by" phrase the parser hung elsewhere follows,
        // or the noun is the sentence's root: then the participle is likely its verb, misread
        // ("The two countries agreed to work ...").
        if self.rel(v) == "acl" && self.words[v].xpos == "VBN" {
            let sources = self.actors_of(self.kids(v, "obl:agent"));
            let rooted = self.head(v).is_some_and(|h| self.rel(h) == "root");
            return Sides {
                unnamed_subject: sources.is_empty() && !self.by_after(v) && !rooted,
                sources,
                targets: self.actors_of(self.head(v)),
                passive: true,
            };
        }
        // "Americans in occupied Kuwait": a participle used as an adjective has no subject;
        // only a "by" agent says who did it. Not after a noun: "guerrillas wounded two
        // soldiers", which the parser may read as one noun phrase, has its subject there.
        let after_noun = v > 0 && matches!(self.upos(v - 1), "NOUN" | "PROPN" | "PRON" | "NUM");
        let attributive = self.rel(v) == "amod" && !after_noun;
        if attributive && matches!(self.words[v].xpos.as_str(), "VBN" | "JJ") {
            let sources = self.actors_of(self.nominals_with(v, "by"));
            return Sides {
                unnamed_subject: sources.is_empty(),
                sources,
                targets: self.actors_of(self.head(v)),
                passive: true,
            };
        }
        // "26 people were killed and 41 wounded": the second participle shares the first's
        // "were"; what it names or stands under was wounded, by the first's agent if any.
        if let Some((first, patient)) = self.gapped_passive(v) {
            let agents = first.into_iter().flat_map(|p| self.kids(p, "obl:agent"));
            let sources = self.actors_of(agents);
            return Sides {
                unnamed_subject: sources.is_empty(),
                sources,
                targets: self.actors_of(patient),
                passive: true,
            };
        }
        if self.is_passive(v) {
            let sources = self.actors_of(self.kids(v, "obl:agent"));
            return Sides {
                // With no agent, no one named did it, unless the words find a "by" phrase
                // after the verb that the parser hung elsewhere ("signed with Peru by Chile").
                unnamed_subject: sources.is_empty() && !self.by_after(v),
                sources,
                targets: self.actors_of(self.patient(v)),
                passive: true,
            };
        }
        let mut targets = self.actors_of(self.kids(v, "obj").chain(self.kids(v, "iobj")));
        if targets.is_empty() {
            targets = self.actors_of(self.obliques(v, "obl"));
        }
        // "Japan condemned the destruction of the dam by Russian forces": a verb that reacts to
        // an act is aimed at whoever did it.
        if targets.is_empty() && cues::is(&self.lemma(v), Class::Reacting) {
            let acts = self
                .kids(v, "obj")
                .filter(|&o| self.words[o].upos == "NOUN");
            targets = acts.flat_map(|o| self.noun_agents(o)).collect();
        }
        // "condemned as unacceptable allegations by Rwanda": the parser takes the shifted
        // object for the "as" phrase; whoever did what it names is the target.
        if targets.is_empty() {
            let shifted = self
                .kids(v, "obl")
                .filter(|&c| self.case_of(c).as_deref() == Some("as"));
            targets = shifted.flat_map(|c| self.noun_agents(c)).collect();
        }
        let subject = self.subject(v, 0);
        let mut sources = self.actors_of(subject.iter().copied());
        // "A strike by Turkish drones killed ...": an event noun as subject, its agent the source.
        if sources.is_empty() {
            for &n in subject.iter().filter(|&&n| self.words[n].upos == "NOUN") {
                sources.extend(self.noun_agents(n));
            }
        }
        let pronoun = !subject.is_empty() && subject.iter().all(|&w| self.words[w].upos == "PRON");
        // "the ministry said that it would halt talks": the pronoun of a reported clause is,
        // most often, whoever reports it.
        if sources.is_empty() && pronoun && self.rel(v) == "ccomp" {
            if let Some(h) = self.head(v) {
                sources = self.actors_of(self.subject(h, 1));
            }
        }
        // "after it launched a missile": another pronoun no mention resolves is nobody the
        // clause around names.
        // Nor is an act or a weapon as subject with no actor of its own ("The car bomb attack
        // at the U.S. embassy in Nairobi killed 253 people": not the embassy's); one whose
        // "of" phrase names an actor may be done by it ("the deployment of NATO troops").
        let doerless = subject.iter().any(|&n| self.doerless(n));
        let relative =
            self.rel(v) == "acl:relcl" || self.kids(v, "nsubj").any(|w| self.relative(w));
        // "the Kurds' role in defending Kirkuk": the possessor of the noun the verb's clause
        // modifies did it, named or not.
        let owned = self.rel(v) == "acl"
            && self.head(v).is_some_and(|h| {
                self.words[h].upos == "NOUN" && self.kids(h, "nmod:poss").next().is_some()
            });
        let unnamed_subject = sources.is_empty() && (relative || pronoun || doerless || owned);
        Sides {
            sources,
            targets,
            passive: false,
            unnamed_subject,
        }
    }

    /// Whether word `w` undergoes passive verb `v` (is its subject, or the noun a participle
    /// modifies).
    pub fn undergoes(&self, v: usize, w: usize) -> bool {
        self.patient(v).contains(&w)
    }

    /// Whether what verb `v` acts on, its object or the subject of its passive, is a noun of
    /// `class`: "released a report", "the video was released".
    pub fn acts_on(&self, v: usize, class: Class) -> bool {
        let mut things = self.kids(v, "obj").chain(self.patient(v));
        things.any(|o| cues::is(&self.lemma(o), class))
    }

    /// Whether verb `v` is an active relative clause on noun `n` that leaves its object to
    /// `n`: "the sanctions (that) the EU imposed on Iran", "the talks Japan held with Russia".
    /// A relative pronoun may stand as its object ("that", "which").
    pub fn relative_object(&self, v: usize, n: usize) -> bool {
        // "the talks, which Japan held with Russia": the pronoun's noun, where the parse hangs
        // the clause elsewhere.
        let pronoun = |o: usize| self.relative(o) && self.antecedent(o) == Some(n);
        let relative_clause = self.rel(v) == "acl:relcl" && self.head(v) == Some(n);
        !self.is_passive(v)
            && (relative_clause && self.kids(v, "obj").all(|o| self.relative(o))
                || self.kids(v, "obj").any(pronoun))
    }

    /// Whether noun `n` names an act (not a text, whose author may be named around it) or a
    /// weapon, and no actor in an "of" phrase.
    fn doerless(&self, n: usize) -> bool {
        let word = &self.words[n];
        let lemma = word.lemma.to_lowercase();
        // (Not the forms of verb patterns: "forces" acts, "force" does not.)
        let act = super::patterns::is_act_noun(&lemma) && !cues::is(&lemma, Class::Authored);
        let named = self
            .nominals_with(n, "of")
            .any(|c| !self.actors_in(c).is_empty());
        word.upos == "NOUN" && (act || cues::is(&lemma, Class::Device)) && !named
    }

    /// Who undergoes passive verb `v`: its passive subject; else, up a chain of participles
    /// ("a soldier kidnapped and presumed killed by ..."), the passive subject of one of them
    /// or the noun the first modifies.
    fn patient(&self, v: usize) -> Vec<usize> {
        let mut x = v;
        for _ in 0..MAX_CLIMB {
            let subjects: Vec<usize> = self.kids(x, "nsubj:pass").collect();
            // "the sanctions that were imposed": the noun the relative pronoun stands for.
            if let [who] = subjects[..] {
                if self.relative(who) && self.rel(x) == "acl:relcl" {
                    return self.head(x).into_iter().collect();
                }
            }
            if !subjects.is_empty() {
                return subjects;
            }
            let Some(h) = self.head(x) else { break };
            match self.rel(x) {
                "acl" => return vec![h],
                // "kept the mayor jailed": the object of the verb it completes.
                "xcomp"
                    if self.participle_complement(x) && self.kids(h, "obj").next().is_some() =>
                {
                    return self.kids(h, "obj").collect();
                }
                "conj" | "xcomp" | "advcl" if self.words[h].upos == "VERB" => x = h,
                _ => break,
            }
        }
        Vec::new()
    }

    /// Whether noun `n` names who does it and not where to: "Lula's visit", not "a visit by
    /// Peru's president to Lima".
    pub fn names_agent_alone(&self, n: usize) -> bool {
        // The parser may hang "to Lima" on the visitor ("a visit by Peru's president to Lima").
        let mut todo = vec![n];
        let mut to = false;
        while let Some(x) = todo.pop() {
            to |= self.phrases_with(x, "to").next().is_some();
            todo.extend(
                self.children[x]
                    .iter()
                    .copied()
                    .filter(|&c| self.rel(c) == "nmod"),
            );
        }
        !to && !self.noun_agents(n).is_empty()
    }

    /// Who does what a noun names: its possessor, its nationality, its "by" phrase.
    fn noun_agents(&self, n: usize) -> Vec<usize> {
        self.actors_of(self.noun_agent_words(n))
    }

    /// The words that name who does what noun `n` names, the first kind that names an actor:
    /// possessors, then nationalities and compounds, then "by" phrases.
    fn noun_agent_words(&self, n: usize) -> Vec<usize> {
        // Each kind read only when the ones before it name no actor.
        let possessors = || self.kids(n, "nmod:poss").collect();
        let modifiers = || {
            self.kids(n, "amod")
                .chain(self.kids(n, "compound"))
                .collect()
        };
        let agents = || {
            self.nominals_with(n, "by")
                .chain(self.misplaced_agents(n))
                .collect()
        };
        let kinds: [&dyn Fn() -> Vec<usize>; 3] = [&possessors, &modifiers, &agents];
        kinds
            .iter()
            .map(|kind| kind())
            .find(|words| !self.actors_of(words.iter().copied()).is_empty())
            .unwrap_or_default()
    }

    /// "the storming of the mosque by Israeli police": the "by" phrase of an act noun's "of"
    /// phrase, where the parser hangs it on the thing acted on rather than on the act.
    fn misplaced_agents(&self, n: usize) -> impl Iterator<Item = usize> + '_ {
        // (A noun in "-ing" names an act too: "the storming", "the shelling".)
        let lemma = self.lemma(n);
        let act = super::patterns::is_act_noun(&lemma) || lemma.ends_with("ing");
        self.nominals_with(n, "of")
            .filter(move |_| act)
            .flat_map(|c| self.nominals_with(c, "by"))
    }

    /// The actors inside the phrase that verb `w` acts on, when its head is no actor: the
    /// nearest named through "of", "for" or a possessive ("a camp for Congolese refugees was
    /// attacked", "bombarded a part of Syria's second city"); for `force`, also its owner or the
    /// state it stands in.
    pub fn in_patient(&self, w: usize, force: bool) -> Vec<usize> {
        let rel = if self.is_passive(w) {
            "nsubj:pass"
        } else {
            "obj"
        };
        let objects: Vec<usize> = self.kids(w, rel).collect();
        let mut level = objects.clone();
        for _ in 0..PATIENT_DEPTH {
            level = level
                .iter()
                .flat_map(|&n| {
                    self.children[n].iter().copied().filter(|&c| {
                        let of = matches!(self.case_of(c).as_deref(), Some("of" | "for"));
                        self.rel(c) == "nmod:poss" || self.rel(c) == "nmod" && of
                    })
                })
                .collect();
            let found = self.actors_of(level.iter().copied());
            if !found.is_empty() {
                return found;
            }
        }
        // Force on a thing is force on its owner, or on the state it stands in, as CAMEO codes
        // the place's state.
        if !force {
            return Vec::new();
        }
        let owners = self.owners(&objects);
        if !owners.is_empty() || objects.is_empty() {
            return owners;
        }
        // "shelled Kurdish positions in northern Syria", the place read as the verb's: where
        // the thing it hit stands.
        let located = self.kids(w, "obl").filter(|&c| {
            self.case_of(c)
                .is_some_and(|p| crate::places::is_locative(&p))
        });
        self.actors_of(located)
    }

    /// The owners of the things `things` name ("a Turkish military base", "an ISIS group
    /// bastion"), else the states they stand in ("a military base in Saudi Arabia").
    fn owners(&self, things: &[usize]) -> Vec<usize> {
        let whose = things
            .iter()
            .flat_map(|&n| self.kids(n, "amod").chain(self.kids(n, "compound")));
        let found = self.actors_of(whose);
        if !found.is_empty() {
            return found;
        }
        let located = things.iter().flat_map(|&n| {
            self.kids(n, "nmod").filter(|&c| {
                self.case_of(c)
                    .is_some_and(|p| crate::places::is_locative(&p))
            })
        });
        self.actors_of(located)
    }

    /// The owners of the thing the phrase of preposition `w` names, or the state it stands in
    /// ("an attack against a military base in Saudi Arabia"); none for a word that is no
    /// preposition.
    pub fn owner_of_phrase(&self, w: usize) -> Vec<usize> {
        match self.thing_of(w) {
            Some(thing) => self.owners(&[thing]),
            None => Vec::new(),
        }
    }

    /// The noun whose preposition `w` is, if it is one.
    fn thing_of(&self, w: usize) -> Option<usize> {
        self.head(w).filter(|_| self.is_case(w))
    }

    /// The state named as where the thing stands that the phrase of preposition `w` names,
    /// however deep in that phrase ("claimed responsibility for a deadly attack targeting
    /// non-Muslims at an upscale mall in Kenya's capital": Kenya); none for a word that is no
    /// preposition. The nearest place phrase wins.
    pub fn place_within(&self, w: usize) -> Vec<usize> {
        let Some(thing) = self.thing_of(w) else {
            return Vec::new();
        };
        let mut level = vec![thing];
        for _ in 0..PLACE_DEPTH {
            level = level
                .iter()
                .flat_map(|&n| self.children[n].iter().copied())
                .filter(|&c| self.rel(c) != "case" && self.rel(c) != "punct")
                .collect();
            let located = level.iter().copied().filter(|&c| {
                self.case_of(c)
                    .is_some_and(|p| crate::places::is_locative(&p))
            });
            let found = self.owners_or_self(located);
            if !found.is_empty() {
                return found;
            }
        }
        Vec::new()
    }

    /// The actors the words name, else those that own them ("Kenya's capital").
    fn owners_or_self(&self, words: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let words: Vec<usize> = words.into_iter().collect();
        let found = self.actors_of(words.iter().copied());
        if !found.is_empty() {
            return found;
        }
        self.actors_of(words.iter().flat_map(|&n| self.kids(n, "nmod:poss")))
    }

    /// Whether the event word at `w` is where people were harmed: an oblique of a verb of
    /// class `harmed` (cues.tsv) whose subject underwent it, a passive or one with no object
    /// ("20 soldiers were killed in clashes with Chinese troops", "died in fighting with").
    pub fn harmed_in(&self, w: usize) -> bool {
        // "in a violent exchange with": the pattern's first word may modify the fight's noun.
        let w = match self.head(w) {
            Some(n) if self.rel(w) == "amod" => n,
            _ => w,
        };
        let Some(h) = self.head(w).filter(|_| self.rel(w).starts_with("obl")) else {
            return false;
        };
        let lemma = self.words[h].lemma.to_lowercase();
        let undergone = self.is_passive(h) || self.kids(h, "obj").next().is_none();
        cues::is(&lemma, Class::Harmed) && undergone
    }

    /// Whether mention `k` of the sentence is a venue in the parse: a place whose phrase has a
    /// preposition that names no target ("held talks in Seoul", "met at Camp David"), or an
    /// organization met "at".
    pub fn venue(&self, k: usize) -> bool {
        let m = self.s.mentions[k];
        let Some(head) = self.mention_head(k) else {
            return false;
        };
        let case = self.case_of(head);
        // "held talks at the U.N.": an organization "at" which people meet is where they met;
        // so is a seat of government they meet in ("in the Oval Office").
        let at_body = m.actor.country.is_none() && case.as_deref() == Some("at");
        let locative = case.as_deref().is_some_and(crate::places::is_locative);
        let in_seat = m.rule == crate::actors::SEAT && locative;
        let place = m.place && case.is_some_and(|p| !cues::is(&p, Class::TargetPreposition));
        place || at_body || in_seat
    }

    /// The word of mention `k` that heads it in the parse.
    fn mention_head(&self, k: usize) -> Option<usize> {
        (0..self.words.len())
            .filter(|&w| self.mention[w] == Some(k))
            .find(|&w| self.head(w).is_none_or(|h| self.mention[h] != Some(k)))
    }

    /// Whether mention `k` stands after a preposition of its own ("the border with Germany"):
    /// no subject of a verb.
    pub fn after_preposition(&self, k: usize) -> bool {
        self.mention_head(k)
            .is_some_and(|w| self.kids(w, "case").next().is_some())
    }

    /// Whether mention `k` is who asked for something, not a side of it: "(met) at the request
    /// of Japan" (the nouns of data/events/cues.tsv class `request`).
    pub fn requester(&self, k: usize) -> bool {
        let Some(mut w) = self.mention_head(k) else {
            return false;
        };
        // "of Japan and the United States": the list stands where its first member does.
        while self.rel(w) == "conj" {
            let Some(h) = self.head(w) else { break };
            w = h;
        }
        let of = self.rel(w) == "nmod" && self.case_of(w).as_deref() == Some("of");
        of && self
            .head(w)
            .is_some_and(|h| cues::is(&self.lemma(h), Class::Request))
    }

    /// The sides of a noun of asking at `w` ("met at the request of Japan and the United
    /// States"): who asked (its "of" phrase), of whom (the subject of the act it was asked
    /// for), and that act's word. `None` when it names no act and no one asked.
    pub fn request_sides(&self, w: usize) -> Option<(Sides, usize)> {
        let act = self.head(w).filter(|_| self.rel(w) == "obl")?;
        let askers = self
            .kids(w, "nmod")
            .filter(|&c| self.case_of(c).as_deref() == Some("of"));
        let sides = Sides {
            sources: self.actors_of(askers),
            targets: self.actors_of(self.subject(act, 0)),
            ..Sides::default()
        };
        Some((sides, act))
    }

    /// Whether word `w` is the act at `act` or inside what it governs ("hold an emergency
    /// meeting": the meeting is the holding's).
    pub fn within(&self, act: usize, w: usize) -> bool {
        w == act || self.governs(act, w)
    }

    /// The first actor named inside what the event word at `w` wants done, its infinitive
    /// ("threatened to launch a new offensive in its war with Iraq"), or what it is for
    /// ("mobilized army reservists for a possible war against Iraq"): the side a threat or a
    /// show of force is aimed at when no object names one (class `aimed`). Mention indices;
    /// `not` excluded.
    pub fn first_in_complement(&self, w: usize, not: &[usize]) -> Vec<usize> {
        let mut todo: Vec<usize> = self.kids(w, "xcomp").chain(self.kids(w, "obl")).collect();
        let mut below = Vec::new();
        while let Some(x) = todo.pop() {
            below.push(x);
            todo.extend(self.children[x].iter().copied());
        }
        below.sort_unstable();
        let first = below.into_iter().find_map(|x| {
            let k = self.mention[x]?;
            let m = self.s.mentions[k];
            (m.actor.side().is_some() && !not.contains(&k)).then_some(k)
        });
        first.into_iter().collect()
    }

    /// The actors of the "from" phrases of the event word at `w` or of its object ("demanded
    /// autonomy from Serbian authorities", "rejected an offer from Afghanistan").
    /// Or the "of" phrase of an object that is a request ("rejected the call of the European
    /// Parliament").
    pub fn origin_phrases(&self, w: usize) -> Vec<usize> {
        let from = |n: usize| self.phrases_with(n, "from");
        let phrases: Vec<usize> = from(w).chain(self.kids(w, "obj").flat_map(from)).collect();
        let found = self.actors_of(phrases);
        if !found.is_empty() {
            return found;
        }
        let requests = self
            .kids(w, "obj")
            .filter(|&o| cues::is(&self.lemma(o), Class::Request));
        self.actors_of(requests.flat_map(|o| self.phrases_with(o, "of")))
    }

    /// The nominal and oblique dependents of `n` with the preposition `preposition`.
    fn phrases_with<'s>(
        &'s self,
        n: usize,
        preposition: &'s str,
    ) -> impl Iterator<Item = usize> + 's {
        self.children[n]
            .iter()
            .copied()
            .filter(move |&c| self.rel(c).starts_with("nmod") || self.rel(c) == "obl")
            .filter(move |&c| self.case_of(c).as_deref() == Some(preposition))
    }

    /// Who did what the event word at `w` examines ("investigating war crimes by Croatian
    /// extremists", "launched an investigation into crimes committed by Croat forces"): the
    /// agents of its object, or of what an "into" phrase of it or of its object names.
    pub fn agents_of_examined(&self, w: usize) -> Vec<usize> {
        let into = |n: usize| self.phrases_with(n, "into");
        let objects: Vec<usize> = self.kids(w, "obj").collect();
        let examined = objects
            .iter()
            .copied()
            .chain(into(w))
            .chain(objects.iter().flat_map(|&o| into(o)));
        for n in examined {
            let mut agents = self.noun_agents(n);
            // "crimes committed by Croat forces": the agent of a participle that modifies it.
            for acl in self.kids(n, "acl").filter(|&a| self.words[a].xpos == "VBN") {
                agents.extend(self.actors_of(self.kids(acl, "obl:agent")));
            }
            if !agents.is_empty() {
                return agents;
            }
        }
        Vec::new()
    }

    fn noun_sides(&self, n: usize, mediation: bool) -> Sides {
        let mut sources = self.noun_agents(n);
        let own_agent = !sources.is_empty();
        // "talks between India and China": both sides, which the caller pairs; "a mediation
        // mission between Syria and Israel": the mediator's targets.
        let between = self.actors_of(self.nominals_with(n, "between"));
        if sources.is_empty() && !mediation {
            sources = between.clone();
        }
        // "held talks", "made a call", "protested in a call": the clause's subject; so for a
        // noun coordinated with the object ("announced asset freezes ... as well as economic
        // sanctions against ...").
        let verb = |w: usize| self.words[w].upos == "VERB";
        let mut first = n;
        for _ in 0..MAX_CLIMB {
            match self.head(first) {
                Some(h) if self.rel(first) == "conj" && !verb(h) => first = h,
                _ => break,
            }
        }
        // A noun the parser coordinated with the verb itself is as good as its object; not one
        // of the background ("gives Putin a deadline over the attack on a spy"), nor the object
        // of a verb reacting to it ("condemned an attack on a school"). What happened before
        // may have been the subject's ("declared the war over after talks between them").
        let object = matches!(self.rel(first), "obj" | "obl" | "conj");
        let background = self
            .case_of(first)
            .is_some_and(|p| cues::is(&p, Class::Background) && !cues::is(&p, Class::Circumstance));
        let mut unnamed_subject = false;
        if sources.is_empty() && object {
            if let Some(v) = self.head(first).filter(|&v| verb(v)) {
                let reacting = cues::is(&self.lemma(v), Class::Reacting);
                unnamed_subject = background || reacting;
                if !self.is_passive(v) && !unnamed_subject {
                    sources = self.actors_of(self.subject(v, 0));
                }
            }
        }
        let mut targets = self.actors_of(self.obliques(n, "nmod"));
        if targets.is_empty() && mediation {
            targets = between;
        }
        // "The Russian government ignored a UK ultimatum": a noun with its own agent, the
        // object of someone else's verb, was aimed at that verb's subject. Not when the noun
        // names what it was aimed at ("the Israeli attack on a school"), nor when the verb
        // only reacts to it ("Norway condemned the Israeli raid").
        let aimed_elsewhere = self.obliques(n, "nmod").next().is_some();
        if targets.is_empty() && own_agent && self.rel(n) == "obj" && !aimed_elsewhere {
            let reacting = |v: &usize| cues::is(&self.lemma(*v), Class::Reacting);
            if let Some(v) = self.head(n).filter(|&v| verb(v) && !reacting(&v)) {
                targets = self.actors_of(self.subject(v, 0));
                targets.retain(|t| !sources.contains(t));
            }
        }
        Sides {
            sources,
            targets,
            unnamed_subject,
            ..Sides::default()
        }
    }

    /// The nominals of `w` under `rel` whose preposition names a target.
    fn obliques<'s>(&'s self, w: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.kids(w, rel).filter(|&c| {
            self.case_of(c)
                .is_some_and(|p| cues::is(&p, Class::TargetPreposition))
        })
    }

    /// The subject of verb `v`: its own, else that of the verb it depends on as a controlled
    /// complement, a conjunct or an adverbial clause ("agreed to impose", "met and signed",
    /// "..., accusing"); a relative clause's is the noun it modifies.
    fn subject(&self, v: usize, depth: usize) -> Vec<usize> {
        let own: Vec<usize> = self.kids(v, "nsubj").collect();
        if own.iter().any(|&w| !self.relative(w)) {
            return own;
        }
        // "a holy war against leaders who invited ...", parsed as a conjunct: the relative
        // pronoun stands for the noun before it, not for the subject of another clause.
        // A place is no doer: "an attack on mosques in New Zealand that killed 40 people".
        if let Some(&who) = own.first().filter(|_| self.rel(v) != "acl:relcl") {
            let noun = self.antecedent(who).filter(|&w| !self.names_place(w));
            return noun.into_iter().collect();
        }
        if depth >= MAX_CLIMB {
            return Vec::new();
        }
        let Some(h) = self.head(v) else {
            return Vec::new();
        };
        // "condemned North Korea for firing a missile": who is blamed or thanked did it.
        let for_gerund = self
            .kids(v, "mark")
            .chain(self.kids(v, "case"))
            .any(|m| self.words[m].form.eq_ignore_ascii_case("for"));
        if for_gerund && self.rel(v) == "advcl" {
            if let Some(o) = self.kids(h, "obj").next() {
                return vec![o];
            }
        }
        // "praised Peru's role in defending Bolivia", read as "praised ... in defending": the
        // possessor of the object just before "in" did it.
        let in_gerund = self
            .kids(v, "mark")
            .any(|m| m + 1 == v && self.words[m].form.eq_ignore_ascii_case("in"));
        if in_gerund && self.rel(v) == "advcl" {
            let object = self.kids(h, "obj").find(|&o| o + 2 == v);
            if let Some(owner) = object.and_then(|o| self.kids(o, "nmod:poss").next()) {
                return vec![owner];
            }
        }
        match self.rel(v) {
            "acl:relcl" if self.names_place(h) => Vec::new(),
            "acl:relcl" => vec![h],
            // "Pyongyang's threats of opening fire", "Russia's decision to impose": the noun's
            // agent; not of a demand, which the one asked is to fulfil.
            "acl" | "advcl" if self.words[h].upos == "NOUN" => {
                if cues::is(&self.lemma(h), Class::Addressed) {
                    return Vec::new();
                }
                let agent = self.noun_agent_words(h);
                // "filed a case accusing Israel", "issued a statement condemning the attack":
                // a text that does something with no author named is its sender's.
                let gerund = self.words[v].xpos == "VBG" && self.rel(v) == "acl";
                match self
                    .head(h)
                    .filter(|_| gerund && agent.is_empty() && self.rel(h) == "obj")
                {
                    Some(verb) => self.subject(verb, depth + 1),
                    None => agent,
                }
            }
            // "urged Japan to withdraw": the object controls; "agreed to impose": the subject.
            "xcomp" => match self.kids(h, "obj").next() {
                Some(o) => vec![o],
                None => self.subject(h, depth + 1),
            },
            "conj" | "advcl" if self.words[h].upos == "VERB" => self.subject(h, depth + 1),
            _ => Vec::new(),
        }
    }

    /// Whether word `w` is part of a name used as a place ("in New Zealand").
    fn names_place(&self, w: usize) -> bool {
        self.mention[w].is_some_and(|k| self.s.mentions[k].place)
    }

    /// Whether word `w` is a relative pronoun ("who", "which").
    fn relative(&self, w: usize) -> bool {
        matches!(self.words[w].xpos.as_str(), "WP" | "WDT")
    }

    /// The noun a relative pronoun follows ("leaders who", "Iran, which"), if any. (Not the
    /// head of a longer phrase: "the bombings at U.S. embassies in Kenya and Tanzania, which
    /// have killed" and "talks between his government and the Taliban, who have refused" have
    /// the same shape, and only the meaning tells them apart.)
    fn antecedent(&self, who: usize) -> Option<usize> {
        let before = (0..who).rev().find(|&w| self.words[w].upos != "PUNCT")?;
        matches!(self.words[before].upos.as_str(), "NOUN" | "PROPN" | "PRON").then_some(before)
    }

    /// The actors the words name, each with those coordinated with it, in order, once each.
    fn actors_of(&self, words: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut out = Vec::new();
        for w in words {
            // "the foreign ministers of Peru and Chile": the states the phrase is of; "the
            // deputy chief of Israel's militia": the people of an actor are that actor.
            let member = || {
                let lemma = self.words[w].lemma.to_lowercase();
                cues::is(&lemma, Class::Member) && self.actors_in(w).is_empty()
            };
            let of = self.kids(w, "nmod").find(|&c| {
                self.case_of(c).as_deref() == Some("of")
                    && (!self.conjuncts(c).is_empty() || member())
            });
            let w = of.unwrap_or(w);
            // "Nato allies, including the US, ...": the members named are sides too.
            let members = self.kids(w, "nmod").filter(|&c| {
                self.case_of(c)
                    .is_some_and(|p| cues::is(&p, Class::Including))
            });
            let members: Vec<usize> = members.collect();
            let named = std::iter::once(w).chain(self.conjuncts(w));
            for c in named.chain(
                members
                    .into_iter()
                    .flat_map(|m| std::iter::once(m).chain(self.conjuncts(m))),
            ) {
                for k in self.actors_in(c) {
                    // "the two countries": one mention per state, all over the same words.
                    let m = self.s.mentions[k];
                    for (j, other) in self.s.mentions.iter().enumerate() {
                        let same = (other.start, other.end) == (m.start, m.end);
                        if same && (j == k || !other.place) && !out.contains(&j) {
                            out.push(j);
                        }
                    }
                }
            }
        }
        out
    }

    /// The words coordinated with `w` ("Canada, Norway and Chile").
    fn conjuncts(&self, w: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut todo = vec![w];
        while let Some(x) = todo.pop() {
            for c in self.kids(x, "conj") {
                if !out.contains(&c) && out.len() < 16 {
                    out.push(c);
                    todo.push(c);
                }
            }
        }
        out
    }

    /// The actors a phrase names: the mention over its head word, else those over a word that
    /// names it inside the phrase (an apposition, a name, a possessor, a nationality, with the
    /// words coordinated with it: "US and British activists"), two levels down at most.
    fn actors_in(&self, w: usize) -> Vec<usize> {
        let with_conjuncts = |c: usize| -> Vec<usize> {
            std::iter::once(c)
                .chain(self.conjuncts(c))
                .filter_map(|x| self.mention[x])
                .collect()
        };
        if let Some(k) = self.mention[w] {
            // "US and British activists": the head is in "British activists"; the modifier
            // coordinated with its nationality names another side.
            let mut out = vec![k];
            let modifiers = self.kids(w, "compound").chain(self.kids(w, "amod"));
            for c in modifiers.filter(|&c| !self.conjuncts(c).is_empty()) {
                for j in with_conjuncts(c) {
                    if !out.contains(&j) {
                        out.push(j);
                    }
                }
            }
            return out;
        }
        for rel in NAMING {
            for c in self.kids(w, rel) {
                if self.mention[c].is_some() {
                    return with_conjuncts(c);
                }
                for rel2 in NAMING {
                    if let Some(g) = self.kids(c, rel2).find(|&g| self.mention[g].is_some()) {
                        return with_conjuncts(g);
                    }
                }
            }
        }
        // "thousands of Iraqi Kurds", "a group of refugees": a quantity is of whom it counts.
        let word = self.words[w].form.to_lowercase();
        if self.words[w].upos == "NUM" || cues::is(&word, Class::Quantity) {
            if let Some(of) = self.nominals_with(w, "of").next() {
                let found = self.actors_in(of);
                if !found.is_empty() {
                    return found;
                }
            }
        }
        // "demanded an admission by Moscow": who is to do what the noun names.
        if let Some(by) = self
            .nominals_with(w, "by")
            .find(|&c| self.mention[c].is_some())
        {
            return with_conjuncts(by);
        }
        Vec::new()
    }
}
