//! A sentence as tokens and actor mentions, and the shallow clause analysis events need: where
//! a clause starts and ends, its subject, the object after a verb, the possessor of a noun,
//! the speaker of reported speech, and the words that make an event planned, hypothetical or
//! negated. The word classes are in data/events/cues.tsv.

use crate::document::{Mention, Timex};
use crate::events::cues::{self, Class};
use crate::events::patterns::patterns;
use crate::text::ByteOffsets;

pub struct Token {
    /// Lowercased, with typographic apostrophes made plain.
    pub lower: String,
    /// Character span in the body.
    pub start: usize,
    pub end: usize,
    /// A word (letters or digits), not punctuation.
    pub word: bool,
    /// Written with a capital first letter.
    pub capital: bool,
    /// The cue classes of data/events/cues.tsv its lowercase form is in.
    pub classes: cues::Classes,
}

pub struct Sentence<'a> {
    pub index: usize,
    pub text: String,
    start: usize,
    pub tokens: Vec<Token>,
    /// The actor mentions of the sentence, in order.
    pub mentions: Vec<&'a Mention>,
    /// For each mention, its first and last token.
    spans: Vec<(usize, usize)>,
    /// For each token, whether a mention covers it.
    covered: Vec<bool>,
    /// The tokens where a clause starts or ends (a clause word or mark outside a mention), and
    /// those where one ends (those, and commas outside a mention), in order: a sentence may be
    /// long and hold many triggers, so each finds its clause by binary search.
    boundaries: Vec<usize>,
    ends: Vec<usize>,
    /// The time expressions that start in the sentence.
    pub timexes: Vec<&'a Timex>,
}

/// What a document holds, sorted by position, so that each sentence finds its own part by
/// binary search (an enormous one-line document must not cost sentences × mentions).
pub struct Index<'a> {
    body: &'a str,
    bytes: ByteOffsets,
    mentions: Vec<&'a Mention>,
    timexes: Vec<&'a Timex>,
}

impl<'a> Index<'a> {
    /// The mentions that end before character `story` (a dateline's) are left out.
    pub fn new(
        body: &'a str,
        mentions: &'a [Mention],
        timexes: &'a [Timex],
        story: usize,
    ) -> Index<'a> {
        let mut mentions: Vec<&Mention> = mentions.iter().filter(|m| m.end > story).collect();
        mentions.sort_by_key(|m| m.start);
        let mut timexes: Vec<&Timex> = timexes.iter().collect();
        timexes.sort_by_key(|t| t.start);
        Index {
            body,
            bytes: ByteOffsets::new(body),
            mentions,
            timexes,
        }
    }
}

/// Quotation marks that open a quote (straight ones open or close) and those that only close.
const OPENING_QUOTES: [&str; 5] = ["\u{201c}", "\u{2018}", "\"", "'", "``"];
const CLOSING_QUOTES: [&str; 3] = ["\u{201d}", "\u{2019}", "''"];

pub struct Flags {
    pub planned: bool,
    pub hypothetical: bool,
    pub negated: bool,
    /// "refused to release", "would not release": a refusal, which for an act of cooperation
    /// is a rejection of it.
    pub refused: bool,
}

impl<'a> Sentence<'a> {
    pub fn new(doc: &Index<'a>, index: usize, start: usize, end: usize) -> Sentence<'a> {
        let text = doc.body[doc.bytes.at(start)..doc.bytes.at(end)].to_string();
        let tokens = tokenize(&text, start);
        let from = doc.mentions.partition_point(|m| m.start < start);
        let mentions: Vec<&Mention> = doc.mentions[from..]
            .iter()
            .take_while(|m| m.start < end)
            .filter(|m| m.end <= end)
            .copied()
            .collect();
        let from = doc.timexes.partition_point(|t| t.start < start);
        let timexes = doc.timexes[from..]
            .iter()
            .take_while(|t| t.start < end)
            .copied()
            .collect();
        let spans = mentions
            .iter()
            .map(|m| {
                // Tokens are in order: the first starting in the mention, the last ending in it.
                let first = tokens.partition_point(|t| t.start < m.start);
                let last = tokens.partition_point(|t| t.end <= m.end);
                (
                    first.min(tokens.len().saturating_sub(1)),
                    last.saturating_sub(1),
                )
            })
            .collect::<Vec<(usize, usize)>>();
        let mut covered = vec![false; tokens.len()];
        for &(a, b) in &spans {
            for c in covered.iter_mut().take(b + 1).skip(a) {
                *c = true;
            }
        }
        let outside = |i: &usize| !covered[*i];
        let word = |i: usize| tokens[i].lower.as_str();
        let boundaries: Vec<usize> = (0..tokens.len())
            .filter(outside)
            .filter(|&i| tokens[i].classes.has(Class::Clause) || tokens[i].classes.has(Class::Mark))
            .collect();
        let ends = (0..tokens.len())
            .filter(outside)
            .filter(|&i| word(i) == "," || boundaries.binary_search(&i).is_ok())
            .collect();
        Sentence {
            index,
            text,
            start,
            tokens,
            mentions,
            spans,
            covered,
            boundaries,
            ends,
            timexes,
        }
    }

    /// The character offset where the sentence starts in the body.
    pub fn offset(&self) -> usize {
        self.start
    }

    /// The body's text between two character offsets inside the sentence.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.text
            .chars()
            .skip(start - self.start)
            .take(end - start)
            .collect()
    }

    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.lower.as_str())
    }

    /// Whether token `i` is a word of a cue class (none past the end).
    pub fn is(&self, i: usize, class: Class) -> bool {
        self.tokens.get(i).is_some_and(|t| t.classes.has(class))
    }

    /// Whether token `i` is a word written with a capital.
    pub fn capitalized(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.word && t.capital)
    }

    /// Whether token `i` may open a clause and so take a capital: first, or after a colon or a
    /// dash, or after a quotation mark that does (`He said: "Free them."`), not one inside a
    /// phrase (`giant "Free Tibet" banners`).
    pub fn opens_clause(&self, i: usize) -> bool {
        let opener = |k: usize| matches!(self.word(k), ":" | "," | "-" | "\u{2014}" | "\u{2013}");
        let quoted = i > 0 && self.past_opening_quote(i - 1) == i;
        i == 0 || opener(i - 1) || quoted && (i == 1 || opener(i - 2))
    }

    pub fn in_mention(&self, i: usize) -> bool {
        self.covered.get(i).copied().unwrap_or(false)
    }

    /// The mention (an actor, not a place) whose first token is `i`.
    pub fn mention_at(&self, i: usize) -> Option<usize> {
        (0..self.mentions.len()).find(|&k| self.spans[k].0 == i && !self.mentions[k].place)
    }

    /// The token after a time expression that starts at token `i`, or after a preposition
    /// there: "threatened on Monday to break relations" reads as "threatened to break relations".
    pub fn past_time(&self, i: usize) -> Option<usize> {
        let at = |j: usize| {
            let start = self.tokens.get(j)?.start;
            let t = self.timexes.iter().find(|t| t.start == start)?;
            Some(self.tokens.partition_point(|tok| tok.end <= t.end))
        };
        at(i).or_else(|| self.is(i, Class::Preposition).then(|| at(i + 1)).flatten())
    }

    /// Whether token `i` is part of a time expression ("March" in "in March").
    pub fn in_time(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| self.time_covers(t.start, t.end))
    }

    /// Whether characters `start..end` of the body lie inside a time expression.
    pub fn time_covers(&self, start: usize, end: usize) -> bool {
        self.timexes
            .iter()
            .any(|x| x.start <= start && end <= x.end)
    }

    /// The token after a determiner at `i` ("the United States"), else `i`.
    pub fn past_determiner(&self, i: usize) -> usize {
        i + usize::from(self.is(i, Class::Determiner))
    }

    /// Past a determiner and one adjective in lower case before a name: "called new Australian
    /// Prime Minister Scott Morrison", "urged the incoming government".
    pub fn past_adjective(&self, i: usize) -> usize {
        let i = self.past_determiner(i);
        let adjective = self.tokens.get(i).is_some_and(|t| {
            t.word
                && !t.capital
                && t.lower.starts_with(char::is_alphabetic)
                && !t.classes.has(Class::Preposition)
                && !t.classes.has(Class::Clause)
        });
        i + usize::from(adjective)
    }

    /// Whether "each other", "one another" or "the other" follows token `last`.
    pub fn reciprocal_after(&self, last: usize) -> bool {
        let next = (self.word(last + 1), self.word(last + 2));
        matches!(
            next,
            ("each", "other") | ("one", "another") | ("the", "other")
        )
    }

    /// The token after an opening quotation mark at `i`, else `i`.
    pub fn past_opening_quote(&self, i: usize) -> usize {
        i + usize::from(OPENING_QUOTES.contains(&self.word(i)))
    }

    /// Whether token `i` is `word` (lowercase).
    pub fn word_is(&self, i: usize, word: &str) -> bool {
        self.word(i) == word
    }

    /// Whether token `i` is a quotation mark, opening or closing.
    pub fn is_quote(&self, i: usize) -> bool {
        let w = self.word(i);
        OPENING_QUOTES.contains(&w) || CLOSING_QUOTES.contains(&w)
    }

    /// Whether a word of class `topic` (cues.tsv) follows token `last`: what a quarrel is about
    /// ("clashed over trade").
    pub fn topic_after(&self, last: usize) -> bool {
        self.is(last + 1, Class::Topic)
    }

    /// Whether token `i` is a pronoun's mention that is also a determiner ("his", "their").
    pub fn possessive_pronoun(&self, i: usize) -> bool {
        self.is(i, Class::Determiner)
            && self
                .slot_at(i)
                .is_some_and(|k| self.mentions[k].rule == crate::actors::PRONOUN)
    }

    /// Any mention whose first token is `i`, a place too: a pattern's slot makes it an actor
    /// ("called on Mongolia to arrest him").
    pub fn slot_at(&self, i: usize) -> Option<usize> {
        (0..self.mentions.len()).find(|&k| self.spans[k].0 == i)
    }

    /// Whether a state's or an actor's name (not a place's) ends right before token `i`.
    pub fn name_before(&self, i: usize) -> bool {
        (0..self.mentions.len()).any(|k| {
            self.spans[k].1 + 1 == i && !self.mentions[k].place && self.capitalized(self.spans[k].0)
        })
    }

    /// The token after a mention, past its abbreviation in brackets and a possessive "'s".
    pub fn after_mention(&self, k: usize) -> usize {
        let mut next = self.spans[k].1 + 1;
        // "provided the Lebanese Armed Forces (LAF) with": its abbreviation in brackets.
        let abbreviation = self.tokens.get(next + 1).is_some_and(|t| t.capital);
        if self.word(next) == "(" && abbreviation && self.word(next + 2) == ")" {
            next += 3;
        }
        // "called his Lebanese counterpart, Michel Aoun, on Tuesday to": the name of the one
        // the mention describes, between commas.
        if self.word(next) == "," {
            let name = (next + 1..self.tokens.len().min(next + 6))
                .take_while(|&i| self.tokens[i].capital)
                .count();
            if name > 0 && self.word(next + 1 + name) == "," {
                next += name + 2;
            }
        }
        if self.word(next) == "'s" {
            next + 1
        } else {
            next
        }
    }

    /// A mention and those it is coordinated with: the other actors of the same words ("the
    /// two countries"), and "A and B", "A, B and C".
    pub fn compound(&self, k: usize) -> Vec<usize> {
        let span = self.spans[k];
        let mut out: Vec<usize> = (0..self.mentions.len())
            .filter(|&j| self.spans[j] == span && !self.mentions[j].place)
            .collect();
        // "Israel and the Palestinians": a determiner may stand after the joint.
        let det = |i: usize| self.past_determiner(i) - i;
        let mut start = span.0;
        loop {
            let joint = start.saturating_sub(1 + det(start.saturating_sub(1)));
            if start < 2 || !["and", ","].contains(&self.word(joint)) {
                break;
            }
            let Some(j) = (0..self.mentions.len())
                .find(|&j| self.spans[j].1 + 1 == joint && !self.mentions[j].place)
            else {
                break;
            };
            out.push(j);
            start = self.spans[j].0;
        }
        let mut end = span.1;
        loop {
            let joint = self.word(end + 1);
            if joint != "and" && joint != "," {
                break;
            }
            let next = end + 2 + det(end + 2);
            let Some(j) = self.mention_at(next) else {
                break;
            };
            out.push(j);
            end = self.spans[j].1;
        }
        out
    }

    /// The tokens of the clause around words `first..=last`: back to the last clause word or
    /// mark before them, forward to the next one (or a comma) after them.
    pub fn clause(&self, first: usize, last: usize) -> (usize, usize) {
        let before = self.boundaries.partition_point(|&i| i < first);
        let start = before.checked_sub(1).map_or(0, |k| self.boundaries[k] + 1);
        let after = self.ends.partition_point(|&i| i <= last);
        let end = self.ends.get(after).copied().unwrap_or(self.tokens.len());
        (start, end)
    }

    fn after_preposition(&self, k: usize) -> bool {
        let first = self.spans[k].0;
        first > 0 && self.is(first - 1, Class::Preposition)
    }

    /// The subject of a clause: its first actor not governed by a preposition, before `to`.
    /// Returns the mentions and whether no subject was found in the clause itself.
    pub fn subject(&self, from: usize, to: usize) -> (Vec<usize>, bool) {
        let pick = |lo: usize| {
            (0..self.mentions.len()).find(|&k| {
                let (a, _) = self.spans[k];
                a >= lo && a < to && !self.mentions[k].place && !self.after_preposition(k)
            })
        };
        match pick(from) {
            Some(k) => (self.compound(k), false),
            None => (pick(0).map(|k| self.compound(k)).unwrap_or_default(), true),
        }
    }

    /// The actor right after a verb or noun (its object, or the object of its preposition),
    /// past at most three words ("imposed sanctions on the Russian government"). A visit's
    /// target may be a place: the state it is in is visited. So may the object of the
    /// pattern's last word when that is a preposition: in "halted aid to Serbia", Serbia (which
    /// the actors stage reads as a place after "to") is who the aid was for.
    pub fn object(&self, from: usize, to: usize, places: bool) -> Vec<usize> {
        let governed = from > 0 && self.is(from - 1, Class::Preposition);
        let k = (0..self.mentions.len()).find(|&k| {
            let (a, _) = self.spans[k];
            a >= from
                && a < to
                && a <= from + 3
                && (from..a).all(|i| self.tokens[i].word && !self.is(i, Class::Coordinator))
                && (places || (governed && a == from) || !self.mentions[k].place)
        });
        match k {
            Some(k) if self.mentions[k].place => vec![k],
            Some(k) => self.compound(k),
            None => Vec::new(),
        }
    }

    /// The other side of talks or a deal, named later in the clause: "talks on a treaty with
    /// Japan".
    pub fn partner(&self, from: usize, to: usize) -> Vec<usize> {
        (from..to)
            .find(|&i| self.word(i) == "with" && self.mention_at(i + 1).is_some())
            .and_then(|i| self.mention_at(i + 1))
            .map(|k| self.compound(k))
            .unwrap_or_default()
    }

    /// The actor just before a verb, with at most two auxiliaries or adverbs between: "the two
    /// leaders holding", "Japan has also imposed".
    pub fn adjacent_subject(&self, verb: usize) -> Option<usize> {
        (0..self.mentions.len()).rev().find(|&k| {
            let end = self.spans[k].1 + 1;
            // "The Turkish and Greek sides of Cyprus have agreed": not Cyprus.
            !self.mentions[k].place
                && self.word(self.spans[k].0.wrapping_sub(1)) != "of"
                && end <= verb
                && verb - end <= 2
                && (end..verb).all(|i| self.is(i, Class::Auxiliary))
        })
    }

    /// The subject of the clause after a fronted phrase ending at token `comma`.
    pub fn subject_after(&self, comma: usize) -> Vec<usize> {
        if self.word(comma) != "," {
            return Vec::new();
        }
        let next = self.clause(comma + 1, comma + 1).1.max(comma + 2);
        self.subject(comma + 1, next.min(self.tokens.len())).0
    }

    /// A verb's form used as a noun or an adjective: "the signing of a treaty", "the wounded".
    pub fn nominal(&self, verb: usize) -> bool {
        if verb == 0 {
            return false;
        }
        // "the signing", "this fighting"; and after an article, any form: "the wounded"; but
        // not a guest's participle ("the visiting minister").
        if self.is(verb, Class::Guest) {
            return false;
        }
        self.is(verb - 1, Class::Article)
            || self.word(verb).ends_with("ing") && self.is(verb - 1, Class::Determiner)
    }

    /// What a passive verb acts on: the subject of a "was invaded" clause, or the actor just
    /// before a reduced relative ("a region occupied by Japan"); empty when no actor stands
    /// there. `None`: a place stands there, or the clause has no subject.
    pub fn patient(&self, verb: usize, clause_start: usize) -> Option<Vec<usize>> {
        let be = (1..=2).any(|d| verb >= d && self.is(verb - d, Class::Be));
        if be {
            let (found, fallback) = self.subject(clause_start, verb);
            return (!found.is_empty() && !fallback).then_some(found);
        }
        let k = (0..self.mentions.len()).find(|&k| self.spans[k].1 + 1 == verb);
        match k {
            Some(k) if self.mentions[k].place => None,
            Some(k) => Some(self.compound(k)),
            // "Crimea, a region occupied by Russia": the territory before, if any, is the target.
            None => Some(Vec::new()),
        }
    }

    /// The actor that owns a noun: "Russia's invasion", "Russian invasion", "Japan's new sanctions".
    pub fn possessor(&self, noun: usize) -> Option<usize> {
        (0..self.mentions.len()).find(|&k| {
            let end = self.after_mention(k);
            !self.mentions[k].place
                && end <= noun
                && noun - end <= 2
                && (end..noun).all(|i| self.tokens[i].word && !self.is(i, Class::Preposition))
        })
    }

    /// "over the annexation", "after an attack": the noun at `noun` is the clause's background.
    pub fn background(&self, noun: usize) -> bool {
        let mut i = noun;
        while i > 0 && self.is(i - 1, Class::Determiner) {
            i -= 1;
        }
        i > 0 && self.is(i - 1, Class::Background)
    }

    /// The agent of a passive verb: "by" and an actor, before the clause's end.
    pub fn agent_after(&self, last: usize, end: usize) -> Vec<usize> {
        self.after_word(last, end, "by")
    }

    /// The actor right after the first `word` that follows `last` in the clause ("by Russia",
    /// "from Japan"); empty when another word stands there.
    pub fn after_word(&self, last: usize, end: usize, word: &str) -> Vec<usize> {
        (last + 1..end)
            .find(|&i| self.word(i) == word)
            .and_then(|i| {
                self.mention_at(i + 1)
                    .or_else(|| self.mention_at(self.past_determiner(i + 1)))
            })
            .map(|k| self.compound(k))
            .unwrap_or_default()
    }

    /// A past participle after a form of "be" ("was invaded"), or followed by "by" and an actor
    /// ("a region occupied by Japan").
    pub fn passive(&self, verb: usize, last: usize, end: usize) -> bool {
        if !patterns().participles.contains(self.word(verb)) {
            return false;
        }
        let be = (1..=2).any(|d| verb >= d && self.is(verb - d, Class::Be));
        be || !self.agent_after(last, end.min(last + 3)).is_empty()
    }

    /// Planned, hypothetical and negated, from the words just before the trigger in its
    /// clause: the verb group of a verb ("could impose", "is expected to visit"), the
    /// adjectives of a noun ("a possible invasion").
    pub fn flags(&self, clause_start: usize, trigger: usize, verb: bool) -> Flags {
        let reach = if verb { 4 } else { 2 };
        let from = clause_start.max(trigger.saturating_sub(reach));
        // Words of a name are no cues: "Theresa May said" is no "may".
        let before: Vec<&str> = (from..trigger)
            .filter(|&i| !self.in_mention(i))
            .map(|i| self.word(i))
            .collect();
        // "said that it would halt": a reported intention, not a possibility.
        let reported = clause_start > 0 && {
            let w = self.word(clause_start - 1);
            w == "that" || cues::is(w, Class::Speech)
        };
        let would = before.contains(&"would");
        let phrase_at = |k: usize| cues::starts(Class::Planned, |j| before.get(k + j).copied());
        let planned = (0..before.len()).any(|k| phrase_at(k).is_some()) || (would && reported);
        // "pressure from Congress to help Iran", "sought to build ties": an infinitive says
        // what someone wants done, not what was done, unless a verb such as "decided" before
        // it makes it happen.
        // The realizing verb may have an object between it and "to" ("prompting it to").
        let wanted = verb
            && trigger >= 2
            && self.word(trigger - 1) == "to"
            && !(trigger.saturating_sub(4)..trigger - 1).any(|i| self.is(i, Class::Realizing));
        let negated = before.iter().any(|w| cues::is(w, Class::Negation));
        let refusal = before.iter().any(|w| cues::is(w, Class::Refusal));
        Flags {
            negated,
            refused: refusal || (negated && (planned || would)),
            hypothetical: (wanted && !planned)
                || before
                    .iter()
                    .any(|w| cues::is(w, Class::Hypothetical) && !(*w == "would" && reported)),
            planned,
        }
    }

    /// Who says so, when the words stand in reported speech: the actor before a speech verb
    /// that comes before them ("Medvedev said ..."), or around one after them ("..., Mori said").
    pub fn speaker(&self, first: usize, last: usize) -> Option<usize> {
        let speech = |i: &usize| self.is(*i, Class::Speech) && !self.in_mention(*i);
        let closest_before = |to: usize, from: usize| {
            (0..self.mentions.len()).rev().find(|&k| {
                self.spans[k].1 < to && self.spans[k].0 >= from && !self.mentions[k].place
            })
        };
        if let Some(j) = (0..first).rev().find(speech) {
            return closest_before(j, 0);
        }
        // "...,” Kishida told parliament": the speaker stands just before the verb.
        let j = (last + 1..self.tokens.len()).find(speech)?;
        closest_before(j, j.saturating_sub(4).max(last + 1))
            .filter(|&k| self.spans[k].1 + 1 == j)
            .or_else(|| self.mention_at(j + 1))
    }

    /// Where it happened: the place named in the clause after "in" or "at", or, for a meeting
    /// or a visit, any place ("travel to Moscow"; "protested to Beijing" is no protest there).
    pub fn location(&self, cameo: &str, clause: (usize, usize)) -> Option<String> {
        let places = (0..self.mentions.len()).filter(|&k| {
            let (a, _) = self.spans[k];
            self.mentions[k].place && a >= clause.0 && a < clause.1
        });
        for k in places {
            let first = self.spans[k].0;
            let prep = first > 0 && ["in", "at"].contains(&self.word(first - 1));
            if prep || cameo.starts_with("04") {
                return Some(self.mentions[k].text.clone());
            }
        }
        None
    }
}

/// Words and punctuation with their character spans; "'s" and "n't" are tokens of their own.
fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '’' || c == '‘' { '\'' } else { c })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            let clitic = c == '\'' && chars.get(i + 1).is_some_and(|n| *n == 's' || *n == 'S');
            let len = if clitic && !chars.get(i + 2).is_some_and(|n| n.is_alphanumeric()) {
                2
            } else {
                1
            };
            push(&mut out, &chars[i..i + len], offset + i, len == 2);
            i += len;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_alphanumeric()
                || ((chars[i] == '-' || chars[i] == '.')
                    && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())))
        {
            i += 1;
        }
        // "don't": the word ends before "n't".
        if chars.get(i) == Some(&'\'') && chars.get(i + 1) == Some(&'t') && i > start {
            let stem = i - 1;
            if chars[stem] == 'n' {
                push(&mut out, &chars[start..stem], offset + start, true);
                push(&mut out, &chars[stem..i + 2], offset + stem, true);
                i += 2;
                continue;
            }
        }
        push(&mut out, &chars[start..i], offset + start, true);
    }
    out
}

fn push(out: &mut Vec<Token>, chars: &[char], start: usize, word: bool) {
    let lower = chars.iter().collect::<String>().to_lowercase();
    out.push(Token {
        classes: cues::classes(&lower),
        lower,
        start,
        end: start + chars.len(),
        word,
        capital: chars.first().is_some_and(|c| c.is_uppercase()),
    });
}
