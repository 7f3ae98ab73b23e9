//! The events stage: who did what to whom, and when, from the body's sentences, time
//! expressions and actor mentions.
//!
//! Per sentence: trigger words are matched against the patterns of data/events/patterns.tsv;
//! the source and target come from the actor mentions around them (the subject of the clause,
//! the actor after the words, or the slots the pattern names); flags come from the words
//! before the trigger; the date from the time expression of the clause, else the publication
//! date. Events of one document that say the same fact are merged.

mod clause;
mod confidence;
pub(crate) mod cues;
mod date;
mod known;
mod patterns;
pub mod taxonomy;
mod territory;
mod tree;

use crate::document::{
    Actor, Document, Event, EventActor, EventDate, EventEvidence, Mention, Plover,
};
use clause::{Flags, Index, Sentence};
use patterns::{patterns, Item, Pattern};
use taxonomy::CodeClass;
use territory::Territory;
use tree::Tree;

/// The events of a document whose stages up to actors have run.
pub fn events(doc: &Document) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    let mut territory = None;
    // "BRUSSELS (Reuters) - EU ministers agreed ...": the city the story was filed from is no
    // side of its events.
    let filed = match (&doc.dateline, doc.sentences.first()) {
        (Some(_), Some(first)) => {
            let text: String = doc.body.chars().skip(first.start).take(200).collect();
            crate::clean::dateline_chars(&text).map_or(0, |n| first.start + n)
        }
        _ => 0,
    };
    let index = Index::new(&doc.body, &doc.mentions, &doc.timexes, filed);
    for (i, span) in doc.sentences.iter().enumerate() {
        let sentence = Sentence::new(&index, i, span.start, span.end);
        for found in sentence_events(doc, &sentence, territory) {
            merge_into(&mut out, found);
        }
        territory = territory::last_named(&sentence, 0, sentence.tokens.len(), territory);
    }
    targets_named_elsewhere(&mut out);
    // "Russia beat Croatia on Monday", in a report of a tournament: a game, not force, even
    // where the sentence itself names no game.
    let game = |e: &Event| taxonomy::in_class(&e.cameo, CodeClass::GameWords);
    if out.iter().any(game) && sports_report(&doc.body) {
        out.retain(|e| !game(e));
    }
    out
}

/// The fewest words of sports reports (data/events/cues.tsv class `sport`) and scores ("6-0")
/// that make a text a report of games, and the least share of its words they must be: news of
/// politics names a cup or a tournament now and then ("including for the World Cup"), a match
/// report names them all through.
const SPORT_WORDS: usize = 4;
const SPORT_SHARE: f64 = 0.005;

/// Whether `text` reports games: its sport words and scores are many, and many of its words.
fn sports_report(text: &str) -> bool {
    let mut words = 0;
    let mut sport = 0;
    let mut lower = String::new();
    for w in text.split(|c: char| c.is_whitespace() || ",.;:()\"“”".contains(c)) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        lower.clear();
        lower.extend(w.chars().flat_map(char::to_lowercase));
        if cues::is(&lower, cues::Class::Sport) || is_score(&lower) {
            sport += 1;
        }
    }
    sport >= SPORT_WORDS && sport as f64 >= SPORT_SHARE * words as f64
}

/// Events whose target the article names elsewhere. "Lula had met with the Chinese president ...
/// Lula's visit included the swearing in": a visit whose destination no words name is to the one
/// state the visitor meets, talks or agrees with elsewhere in the article. "Belarusian
/// authorities detained the journalist ... they demanded the immediate release of Raman
/// Pratasevich": a release demanded of no one named is demanded of the one state that arrested
/// or detained someone in the article. With none, or several, the event is dropped.
fn targets_named_elsewhere(events: &mut Vec<Event>) {
    let class_of = |e: &Event| {
        [CodeClass::Visit, CodeClass::ReleaseDemand]
            .into_iter()
            .find(|&c| taxonomy::in_class(&e.cameo, c))
    };
    let pending = |e: &Event| e.target.actor.code.is_empty() && class_of(e).is_some();
    let candidate = |e: &Event, x: &Event| -> Option<EventActor> {
        let own = e.source.actor.side()?;
        let (from, to) = (x.source.actor.side(), x.target.actor.side());
        if pending(x) || x.negated {
            return None;
        }
        match class_of(e)? {
            // Its partners: whom the visitor met, agreed with or visited.
            CodeClass::Visit
                if [CodeClass::Mutual, CodeClass::Visit]
                    .iter()
                    .any(|&c| taxonomy::in_class(&x.cameo, c)) =>
            {
                match (from == Some(own), to == Some(own)) {
                    (true, false) if to.is_some() => Some(x.target.clone()),
                    (false, true) if from.is_some() => Some(x.source.clone()),
                    _ => None,
                }
            }
            CodeClass::ReleaseDemand if taxonomy::in_class(&x.cameo, CodeClass::Detention) => {
                Some(x.source.clone()).filter(|_| from.is_some() && from != Some(own))
            }
            _ => None,
        }
    };
    let resolved: Vec<Option<EventActor>> = events
        .iter()
        .map(|e| {
            if !pending(e) {
                return None;
            }
            let mut found = events.iter().filter_map(|x| candidate(e, x));
            let first = found.next()?;
            let side = first.actor.side();
            found.all(|p| p.actor.side() == side).then_some(first)
        })
        .collect();
    let mut keep = Vec::with_capacity(events.len());
    for (mut e, target) in events.drain(..).zip(resolved) {
        if !pending(&e) {
            keep.push(e);
        } else if let Some(t) = target {
            e.target = t;
            e.rule += "; no target named here: the one the article names";
            keep.push(e);
        }
    }
    *events = keep;
}

/// One match of a pattern in a sentence: the token range of its words and the slots it filled.
struct Match<'p> {
    pattern: &'p Pattern,
    first: usize,
    last: usize,
    target: Option<usize>,
    source: Option<usize>,
    /// The first word's number in the sentence's parse.
    word: Option<usize>,
    /// In the passive, the token of the pattern's object that is the verb's subject
    /// ("Sanctions were imposed on Iran by the EU").
    object: Option<usize>,
    /// The pattern's last word when its words after the object follow the object, before the
    /// verb ("Sanctions on Iran were imposed by the EU": "on").
    tail: Option<usize>,
    /// The object stands before the verb as the noun of the verb's relative clause, in the
    /// active ("the sanctions the EU imposed on Iran"), not as its passive subject.
    relative: bool,
}

impl<'p> Match<'p> {
    /// A match of `pattern` whose first word is token `i`, its slots not yet filled.
    fn at(pattern: &'p Pattern, i: usize) -> Self {
        Match {
            pattern,
            first: i,
            last: i,
            target: None,
            source: None,
            word: None,
            object: None,
            tail: None,
            relative: false,
        }
    }
}

fn sentence_events(doc: &Document, s: &Sentence, territory: Option<Territory>) -> Vec<Event> {
    // No actor, or only groups of no state and no territory to take a state from: no event
    // ("militants attacked civilians"). Such sentences are not parsed.
    let stateless = s.mentions.iter().all(|m| m.actor.side().is_none());
    let no_territory = || territory::last_named(s, 0, s.tokens.len(), territory).is_none();
    // "Rebels bombarded Aleppo": a place of the gazetteer gives a state.
    let no_place = || (0..s.tokens.len()).all(|i| gazetteer_target(s, i, i + 1).is_none());
    // With no actor at all, no one acts: the parse could give no event.
    if s.mentions.is_empty() || stateless && no_territory() && no_place() {
        return Vec::new();
    }
    let (mut matches, gapped) = find_matches(s);
    // A gapped pattern alone makes a sentence worth parsing only when its words follow within
    // a parsed gap's reach: any pattern's first word did cost a third of the pipeline's speed
    // on real news (TempEval-3's 75,000 sentences) and found no event.
    if matches.is_empty() && gapped.is_empty() {
        return Vec::new();
    }
    // Nor does a modal or a judgment alone in a sentence with no reporting verb to report its
    // clause ("Japan said China must withdraw"): it can give no event.
    let reported_only = gapped.is_empty() && matches.iter().all(|m| m.pattern.reported.is_some());
    let reporting = || {
        let forms = &patterns().reporting;
        s.tokens.iter().any(|t| forms.contains(&t.lower))
    };
    // Its reporter and its clause's subject are two actors of a state or an organization.
    let two_actors = || {
        let mut coded = s.mentions.iter().filter(|m| m.actor.side().is_some());
        let first = coded.next().map(|m| &m.actor.code);
        coded.any(|m| Some(&m.actor.code) != first)
    };
    if reported_only && !(reporting() && two_actors()) {
        return Vec::new();
    }
    // One actor named, however often: an event needs a second side, and only some codes take
    // it from elsewhere than a name (a place, a territory, the source's own people or
    // government, no one). Without one of those, parsing gives nothing (a fifth of the
    // sentences parsed on real news).
    let one_actor = s
        .mentions
        .iter()
        .all(|m| m.actor.code == s.mentions[0].actor.code);
    let second_side_elsewhere = || {
        let p = patterns();
        let (place, territory) = (!no_place(), !no_territory());
        let gapped = gapped.iter().map(|&(_, id)| &p.all[id]);
        matches
            .iter()
            .map(|m| m.pattern)
            .chain(gapped)
            .any(|pattern| side_elsewhere(pattern, s, place, territory))
    };
    if one_actor && !second_side_elsewhere() {
        return Vec::new();
    }
    // The parse, from the syntax layer when the document has it, else of this sentence alone:
    // only sentences with an event word are parsed.
    let parsed = match doc.syntax.get(s.index) {
        Some(p) => std::borrow::Cow::Borrowed(p),
        None => std::borrow::Cow::Owned(crate::syntax::parse_sentence(&s.text, s.offset())),
    };
    let tree = Tree::new(&parsed, s);
    matches.extend(parsed_matches(s, &tree, &gapped));
    for m in &mut matches {
        m.word = tree.word_at(s.tokens[m.first].start);
    }
    // "the cancellation of talks": a verb's pattern on a word the parse reads as a noun, or
    // the other way round, is not that event; nor on an adjective that is no participle
    // ("to provide free flu shots" frees no one; "the detained journalist" was detained).
    let force: Vec<usize> = matches
        .iter()
        .filter(|m| taxonomy::in_class(m.pattern.cameo, CodeClass::Fighting))
        .filter_map(|m| m.word)
        .collect();
    matches.retain(|m| {
        let upos = m.word.map(|w| tree.upos(w));
        let participle =
            is_participle(&s.tokens[m.first].lower) || s.is(m.first, cues::Class::Guest);
        // "Iran shot down a US drone": the tagger may read a past form that is also a noun
        // ("shot", "cut") as the noun right after a name; there it is the name's verb.
        let named_verb = participle && s.name_before(m.first);
        let wrong = match (m.pattern.verb, upos) {
            (true, Some("NOUN")) => !named_verb,
            (false, Some("VERB")) => true,
            (true, Some("ADJ")) => !participle,
            _ => false,
        };
        // "demonstrating his GOP backing" and "as demonstrated by his departure" show
        // something; "Kurds demonstrated" protested.
        let other_sense = m.pattern.verb
            && m.pattern.words() == 1
            && m.word.is_some_and(|w| {
                cues::is(&tree.lemma(w), cues::Class::Intransitive)
                    && (tree.has_object(w) || tree.is_passive(w))
            });
        // "Sanctions were imposed on Iran", "the sanctions the EU imposed on Iran": the object
        // the words found must be the verb's.
        let object = m.object.is_none_or(|k| {
            let noun = tree.word_at(s.tokens[k].start);
            let verb_of = |(v, n)| match m.relative {
                true => tree.relative_object(v, n),
                false => tree.undergoes(v, n),
            };
            m.word.zip(noun).is_some_and(verb_of)
        });
        // "released a report accusing Ukraine": a text made public, no one freed.
        let published = m.pattern.verb
            && m.word.is_some_and(|w| {
                cues::is(&tree.lemma(w), cues::Class::Publishing)
                    && tree.acts_on(w, cues::Class::Authored)
            });
        // "are returning to Havana": no one returned by anyone (a preposition right after the
        // verb, which is not a passive).
        let preposition = s
            .tokens
            .get(m.first + 1)
            .is_some_and(|t| t.classes.has(cues::Class::Preposition));
        let by_itself = m.pattern.verb
            && preposition
            && m.word.is_some_and(|w| {
                cues::is(&tree.lemma(w), cues::Class::Transitive) && !tree.is_passive(w)
            });
        // "sent drones to attack Kyiv": a pattern's last word after its object ("send * drones
        // to") that marks the infinitive of force opens no phrase of the target's: Kyiv is
        // attacked, not sent anything ("sent aid to help Nepal" did send it; "wants Putin to
        // attack" names its target in its slot).
        let slot = m.target.is_some() || m.source.is_some();
        let infinitive = m.last > m.first + 1
            && !slot
            && tree
                .word_at(s.tokens[m.last].start)
                .and_then(|w| tree.infinitive_of(w))
                .is_some_and(|v| force.contains(&v));
        !wrong && !other_sense && !published && object && !by_itself && !infinitive
    });
    let meetings: Vec<usize> = matches
        .iter()
        .filter(|m| taxonomy::in_class(m.pattern.cameo, CodeClass::Meeting))
        .filter_map(|m| m.word)
        .collect();
    // The most specific pattern wins where matches overlap.
    matches.sort_by_key(|m| (std::cmp::Reverse(m.pattern.words()), m.first));
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for m in matches {
        // A passive's object before its verb is part of the match ("sanctions against Iran
        // were lifted": no imposing of sanctions).
        let first = m.object.map_or(m.first, |o| o.min(m.first));
        if taken.iter().any(|&(a, b)| first <= b && a <= m.last) {
            continue;
        }
        let before = out.len();
        code_match(doc, s, &tree, &m, territory, &mut out);
        // A yielding act on a passive's object undoes it, even with no side named: "UN
        // sanctions against Iran were lifted" imposes none.
        let undone = m.object.is_some() && taxonomy::in_class(m.pattern.cameo, CodeClass::Undoing);
        if out.len() > before || undone {
            taken.push((first, m.last));
            asked_to_meet(s, &tree, &m, &meetings, &mut out[before..]);
        }
    }
    // "Switzerland beat Gibraltar 6-0 to win Group D": a game, not force (code class
    // `game-words`). Other measures in a sentence about a game stay ("will not attend the World
    // Cup" after cutting off contacts).
    if s.tokens
        .iter()
        .any(|t| t.classes.has(cues::Class::Sport) || is_score(&t.lower))
    {
        out.retain(|e| !taxonomy::in_class(&e.cameo, CodeClass::GameWords));
    }
    out.retain(|e| !fought_in_court(s, e));
    mark_wanted(&mut out);
    code_promises(doc, &mut out, &tree);
    reported_force(doc, s, &tree, &mut out);
    rejected_acts(&tree, &mut out);
    drop_intents_to_act_on(&mut out);
    drop_bare_wishes(s, &mut out);
    out
}

/// Whether mention `k` is a word of match `m`'s own pattern that names armed forces of no
/// state: "deployed troops to the border" deploys the source's own, it does not act on troops.
/// "expelled 23 Russian diplomats" names its target's state, and "will not accept any Rohingya
/// refugees" the people it acts on: both keep their target.
fn own_word(s: &Sentence, m: &Match, k: usize) -> bool {
    let mention = s.mentions[k];
    let armed = mention.actor.role.as_deref() == Some(taxonomy::derived("armed-forces"));
    armed && mention.actor.side().is_none() && named_by_pattern(s, m, k)
}

/// Whether mention `k` stands inside match `m`, after its first word, and ends in a word of
/// its pattern: "troops" of "deployed troops to", "French ambassador" of "ordered the French
/// ambassador to leave".
fn named_by_pattern(s: &Sentence, m: &Match, k: usize) -> bool {
    let mention = s.mentions[k];
    let inside = s.tokens[m.first].end <= mention.start && mention.end <= s.tokens[m.last].end;
    let last_word = s.tokens.iter().rfind(|t| t.end <= mention.end);
    inside && last_word.is_some_and(|t| m.pattern.names_after_first(&t.lower))
}

/// Whether an event of `pattern` in `s`, whose actors are all one, could take its other side
/// from no actor's name, as `code_match` does: no target at all, one named elsewhere in the
/// article (a visit's noun, demands to release), the source's own people or government, a
/// place or a territory the sentence names (`place`, `territory`), or "the country" read as
/// another state.
fn side_elsewhere(pattern: &Pattern, s: &Sentence, place: bool, territory: bool) -> bool {
    let class = |c| taxonomy::in_class(pattern.cameo, c);
    let actor = &s.mentions[0].actor;
    let challenger = || challenger(actor);
    let referred = || {
        s.mentions
            .iter()
            .any(|m| m.rule == crate::actors::COREFERENCE)
    };
    class(CodeClass::NoTarget)
        || class(CodeClass::Visit) && !pattern.verb
        || class(CodeClass::ReleaseDemand)
        || class(CodeClass::OwnState) && actor.country.is_some()
        || class(CodeClass::AtGovernment) && challenger()
        || class(CodeClass::PlaceTarget) && place
        || class(CodeClass::TerritoryTarget) && territory
        || class(CodeClass::Fighting) && referred()
}

/// "The Security Council will hold an emergency meeting at the request of Japan": what was
/// asked for is a meeting, so the request is an appeal to meet (data/events/derived.tsv).
fn asked_to_meet(s: &Sentence, tree: &Tree, m: &Match, meetings: &[usize], events: &mut [Event]) {
    let request = s.is(m.first, cues::Class::Request);
    let Some((_, act)) = m
        .word
        .filter(|_| request)
        .and_then(|w| tree.request_sides(w))
    else {
        return;
    };
    if meetings.iter().any(|&w| tree.within(act, w)) {
        for e in events {
            recode(e, taxonomy::derived("asked-to-meet"));
            e.rule += "; a meeting was asked for";
        }
    }
}

/// "EU leaders agreed to sanction Belarus": an intention whose target the words after it named
/// (`agree to .. {T}`) is no intention to cooperate with that target when what it commits to,
/// right after it, is itself an event on it: the sanction is the event.
fn drop_intents_to_act_on(events: &mut Vec<Event>) {
    // Characters between "agreed to" and the act: an adverb at most ("swiftly").
    const NEXT: usize = 12;
    let inner = |e: &Event, x: &Event| {
        x.source.actor.code == e.source.actor.code
            && x.target.actor.code == e.target.actor.code
            && e.evidence.end <= x.evidence.start
            && x.evidence.start - e.evidence.end <= NEXT
            && x.evidence.end <= e.target.start
    };
    let drop: Vec<bool> = events
        .iter()
        .map(|e| {
            taxonomy::in_class(&e.cameo, CodeClass::Intention)
                && events.iter().any(|x| x.quad_class > 2 && inner(e, x))
        })
        .collect();
    let mut keep = drop.iter().map(|d| !d);
    events.retain(|_| keep.next().unwrap_or(true));
}

/// Whether `word` is a past participle: one of the patterns' verbs', or a regular one.
pub fn is_participle(word: &str) -> bool {
    patterns().participles.contains(&word.to_lowercase()) || crate::time::tagger::regular_past(word)
}

/// The first word of an event's trigger, lowercased: what the cue classes are asked of.
pub fn trigger_word(e: &Event) -> String {
    let first = e.evidence.trigger.split_whitespace().next().unwrap_or("");
    first.to_lowercase()
}

/// "fighting in the courts", "fighting a legal battle": a fight (cues.tsv `contest`) with a
/// word of the courts just before its trigger or a few words after it is a lawsuit, not force.
fn fought_in_court(s: &Sentence, e: &Event) -> bool {
    const AFTER: usize = 4;
    if !cues::is(&trigger_word(e), cues::Class::Contest) {
        return false;
    }
    let first = s.tokens.partition_point(|t| t.start < e.evidence.start);
    let last = s.tokens.partition_point(|t| t.end <= e.evidence.end);
    let from = first.saturating_sub(1);
    let to = (last + AFTER).min(s.tokens.len());
    s.tokens[from..to]
        .iter()
        .any(|t| t.classes.has(cues::Class::Legal))
}

/// A game's score: "6-0", "2-1" (not a vote of fifteen members, "15-0").
fn is_score(word: &str) -> bool {
    let Some((a, b)) = word.split_once('-') else {
        return false;
    };
    let digit = |x: &str| x.len() == 1 && x.bytes().all(|c| c.is_ascii_digit());
    digit(a) && digit(b)
}

/// "I want to thank the American people": a wish to do what no pattern names, or what is no act
/// of cooperation or yielding, is no intention to cooperate (data/events/cues.tsv, class
/// `wish`); "wants to withdraw from Lebanon" is one, whether or not the act was coded.
fn drop_bare_wishes(s: &Sentence, events: &mut Vec<Event>) {
    // Characters between "wants to" and the act: the rest of the clause.
    const REACH: usize = 60;
    let wish = |e: &Event| e.cameo == "030" && cues::is(&trigger_word(e), cues::Class::Wish);
    let names_act = |e: &Event| {
        let next = s.tokens.iter().find(|t| t.start >= e.evidence.end);
        next.is_some_and(|t| patterns().by_first.contains_key(t.lower.as_str()))
    };
    let acts: Vec<(usize, u8)> = events
        .iter()
        .map(|x| (x.evidence.start, x.quad_class))
        .collect();
    events.retain(|e| {
        !wish(e)
            || names_act(e)
            || acts.iter().any(|&(start, quad)| {
                quad <= 2 && start >= e.evidence.end && start - e.evidence.end <= REACH
            })
    });
}

/// What an act promised is in CAMEO: "all cooperative actions reported in future tense are also
/// taken to imply intentions" (030), and "when any conflictual behavior is forecasted using future
/// tense, it is treated as a threat" (130). So an act said with "will" or "would" is the intention
/// to do it when it is one of cooperation or yielding ("Fischer will visit Albania in June": 036,
/// still planned), and a threat of it, made when said, when it is one of material conflict
/// ("Annan will withdraw the inspectors": 136). A schedule or a forecast ("is expected to meet")
/// keeps the act's code, as does what was agreed ("agreed to impose sanctions": 163). A conflict
/// act promised on a condition is a threat too ("would strike if attacked").
fn code_promises(doc: &Document, events: &mut [Event], tree: &Tree) {
    for e in events.iter_mut() {
        if e.negated || taxonomy::in_class(&e.cameo, CodeClass::Wanting) {
            continue;
        }
        let word = tree.word_at(e.evidence.start);
        let conditioned = || word.is_some_and(|w| tree.conditioned(w));
        let said_will = e.planned && !e.hypothetical && word.is_some_and(|w| tree.promised(w));
        let promised = e.planned || e.hypothetical;
        if e.quad_class > 2 && promised && (e.quad_class == 4 && said_will || conditioned()) {
            recode(e, taxonomy::threat_of(&e.cameo));
            (e.planned, e.hypothetical) = (false, false);
            e.rule += "; promised: a threat";
            // "will impose sanctions next week": the threat was made by the time of writing.
            let published = date::published(doc);
            if !published.latest.is_empty() && e.date.earliest > published.latest {
                e.date = published;
            }
        } else if said_will {
            if let Some(code) = taxonomy::intent_of(&e.cameo) {
                recode(e, code);
                e.rule += "; said in the future tense: an intention";
            }
        }
    }
}

/// "The Taliban rejected holding talks with the Afghan government", "Pakistan ruled out talks
/// with India": an act that a rejection (code class `rejecting`) governs, by the same source,
/// was not done; an act of cooperation or yielding is then the rejection of it
/// (data/events/refusals.tsv), as "refused to hold talks" is.
fn rejected_acts(tree: &Tree, events: &mut [Event]) {
    let rejections: Vec<(usize, Option<String>)> = events
        .iter()
        .filter(|e| e.asserted() && taxonomy::in_class(&e.cameo, CodeClass::Rejecting))
        .filter_map(|e| {
            Some((
                tree.word_at(e.evidence.start)?,
                e.source.actor.side().map(str::to_string),
            ))
        })
        .collect();
    for x in events.iter_mut() {
        if taxonomy::in_class(&x.cameo, CodeClass::Rejecting) {
            continue;
        }
        let Some(w) = tree.word_at(x.evidence.start) else {
            continue;
        };
        let side = x.source.actor.side().map(str::to_string);
        let governing = || rejections.iter().filter(|(r, _)| tree.governs(*r, w));
        if !governing().any(|(_, s)| *s == side) {
            // "Hungary blocked new EU sanctions on Russia": another's act, named by a noun
            // that a rejection governs, is a proposal turned down, not an act done.
            let turned_down = governing().any(|(r, _)| tree.names_closely(*r, w));
            if tree.upos(w) == "NOUN" && turned_down {
                x.hypothetical = true;
            }
            continue;
        }
        match taxonomy::refusal_of(&x.cameo) {
            Some(code) if x.asserted() => {
                recode(x, code);
                x.rule += "; rejected: a rejection";
            }
            _ => x.hypothetical = true,
        }
    }
}

/// Whether a mention names an armed group (derived.tsv `armed`).
fn armed(m: &Mention) -> bool {
    taxonomy::derived_lists("armed", m.actor.role.as_deref().unwrap_or(""))
}

/// "The US claimed that ISIL had attacked Iraq": force a side claims another did (cues class
/// `claiming`: claim, allege, admit, acknowledge) is also that side's accusation of the doer;
/// force a side claims it did itself ("UNITA claimed that they had attacked the air base") is
/// also its claim of responsibility (code class `blamed`). Force only said to have been used
/// ("Russian forces shelled Ukrainian positions, Ukraine's general staff said") is the report of
/// the force, its `claimed_by` the reporter: the attribution of every war report is no
/// accusation.
fn reported_force(doc: &Document, s: &Sentence, tree: &Tree, events: &mut Vec<Event>) {
    let mut found = Vec::new();
    for e in events.iter() {
        // A recalled act ("seized the Kuril Islands from Japan in August 1945, a Japanese
        // official said") is history told, not blame laid now.
        if !e.asserted() || e.historical || !taxonomy::in_class(&e.cameo, CodeClass::Blamed) {
            continue;
        }
        let report = tree
            .word_at(e.evidence.start)
            .and_then(|w| tree.reporter(w));
        let Some((verb, reporters)) = report else {
            continue;
        };
        let Some(&k) = reporters.first() else {
            continue;
        };
        if !cues::is(&tree.lemma(verb), cues::Class::Claiming) {
            continue;
        }
        let reporter = actor(s.mentions[k]);
        // "..., officials claimed": the words that say where news came from, of no state their
        // own words name, blame no one; nor is the target of the act its claimer (the parse
        // misread the clause).
        let inside = (e.target.start, e.target.end) == (reporter.start, reporter.end);
        if crate::actors::state_assumed(&s.mentions[k].rule) || inside {
            continue;
        }
        let doer = &e.source.actor;
        // Sides as states: "Afghan officials claimed the Taliban attacked" blames no other state.
        let blames = doer.side().is_some()
            && reporter.actor.side().is_some()
            && doer.side() != reporter.actor.side();
        let (code, target, why) = if reporter.actor.code == doer.code {
            ("claim", e.target.clone(), "claimed by its doer")
        } else if blames {
            (
                "accusation",
                e.source.clone(),
                "claimed of another: an accusation",
            )
        } else {
            continue;
        };
        let Some(at) = s.tokens.iter().position(|t| t.start == tree.start(verb)) else {
            continue;
        };
        let mut x = e.clone();
        recode(&mut x, taxonomy::derived(code));
        x.rule = format!("{}; {why}", e.rule);
        (x.source, x.target, x.claimed_by) = (reporter, target, None);
        let token = &s.tokens[at];
        x.evidence.start = token.start;
        x.evidence.end = token.end;
        x.evidence.trigger = s.slice(token.start, token.end);
        // Made when claimed, not when the force was used.
        x.date = date::event_date(doc, s, s.clause(at, at), at, &[]);
        x.historical = recalled(doc, &x.date);
        x.planned = false;
        let sides = [mention_rule(s, &x.source), mention_rule(s, &x.target)];
        x.confidence = confidence::of(&x, sides, false);
        found.push(x);
    }
    for x in found {
        let said = |e: &Event| {
            e.root == x.root
                && e.source.actor.side() == x.source.actor.side()
                && e.target.actor.side() == x.target.actor.side()
        };
        if !events.iter().any(said) {
            events.push(x);
        }
    }
}

/// "demanded that the United States match the EU's support", "urged Japan to lift": what is
/// appealed for, demanded, promised or threatened just after such a trigger has not been done.
fn mark_wanted(events: &mut [Event]) {
    const REACH: usize = 60; // characters: the rest of the clause, not the next sentence part

    // "agreed to impose sanctions": what a realizing or planning word commits to is done or
    // planned, not only wanted (data/events/cues.tsv).
    let realizing = |e: &Event| {
        let first = trigger_word(e);
        cues::is(&first, cues::Class::Realizing) || cues::is(&first, cues::Class::Planned)
    };
    let ends: Vec<usize> = events
        .iter()
        .filter(|e| taxonomy::in_class(&e.cameo, CodeClass::Wanting) && !realizing(e))
        .map(|e| e.evidence.end)
        .collect();
    let wanted = |end: usize, e: &Event| {
        let start = e.evidence.start;
        start >= end && start - end <= REACH
    };
    for e in events.iter_mut() {
        if ends.iter().any(|&end| wanted(end, e)) {
            e.hypothetical = true;
        }
    }
    // What an intention intends, named just after it: force makes it a threat of that force
    // ("ready to attack", "vowed to strike"); an act of cooperation or yielding by the same
    // source, where the intention's own pattern gave no more than "intent to cooperate" (030),
    // makes it the intention to do that act ("pledged to provide economic aid": 0331).
    let recodes: Vec<(usize, &'static str, &str)> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            let threat = e.cameo == taxonomy::derived("generic-threat");
            let intends = taxonomy::in_class(&e.cameo, CodeClass::Intention) || threat;
            intends && ends.contains(&e.evidence.end)
        })
        .filter_map(|(i, e)| {
            let end = e.evidence.end;
            // "threatened to launch missiles at Israel": the threat of that force.
            if let Some(act) = events.iter().find(|x| wanted(end, x) && x.quad_class == 4) {
                return Some((
                    i,
                    taxonomy::threat_of(&act.cameo),
                    "; intends force: a threat",
                ));
            }
            let same_source = |x: &&Event| {
                wanted(end, x) && x.quad_class <= 2 && x.source.actor.code == e.source.actor.code
            };
            let act = events
                .iter()
                .find(same_source)
                .filter(|_| e.cameo == "030")?;
            let code = taxonomy::intent_of(&act.cameo)?;
            Some((i, code, "; intends the act that follows"))
        })
        .collect();
    for (i, code, why) in recodes {
        recode(&mut events[i], code);
        events[i].rule += why;
    }
}

/// Gives an event another CAMEO code, with its name, scores and PLOVER event.
fn recode(e: &mut Event, digits: &str) {
    let code = taxonomy::code(digits);
    e.cameo = code.code.to_string();
    e.root = code.code[..2].to_string();
    e.name = code.name.to_string();
    e.goldstein = code.goldstein;
    e.quad_class = code.quad;
    e.plover = plover(code);
}

/// The matches of the patterns in a sentence, and the (token, pattern) pairs of verb patterns
/// with a gap (`*`) that the words alone did not match: the parse may still ("provided nearly
/// 25,000 tons of emergency food aid to": the gap is the verb's object, however long).
fn find_matches(s: &Sentence) -> (Vec<Match<'static>>, Vec<(usize, usize)>) {
    let p = patterns();
    let mut out = Vec::new();
    let mut gapped = Vec::new();
    for (i, t) in s.tokens.iter().enumerate() {
        let Some(ids) = p.by_first.get(t.lower.as_str()) else {
            continue;
        };
        // "in March": a month, not a march.
        if s.in_time(i) {
            continue;
        }
        // "unfurling giant "Free Tibet" banners": a verb written with a capital inside a
        // sentence is part of a name or a slogan.
        let named = i > 0 && s.capitalized(i) && !s.opens_clause(i);
        for &id in ids {
            let pattern = &p.all[id];
            if pattern.verb && (s.nominal(i) || named) {
                continue;
            }
            // Not worth parsing the sentence for: no armed group or crowd to use that force.
            let force = |m: &&Mention| armed(m) || rioters(&m.actor, &m.text);
            if pattern.armed_only && !s.mentions.iter().any(force) {
                continue;
            }
            match match_at(s, pattern, i, None).or_else(|| object_first_match(s, pattern, i)) {
                Some(m) => out.push(m),
                // Kept for the parse only when its words follow within a parsed gap's reach
                // ("handed over more than $4 million worth of new medical equipment to").
                None if pattern.verb
                    && pattern.items.contains(&Item::Gap)
                    && match_at(s, pattern, i, Some(&ANYWHERE)).is_some() =>
                {
                    gapped.push((i, id))
                }
                None => {}
            }
        }
    }
    (out, gapped)
}

/// What the parse says of a token, for a pattern whose verb it has read.
struct Governed<'r> {
    /// The token stands in a phrase the pattern's verb governs.
    phrase: &'r dyn Fn(usize) -> bool,
    /// Such a phrase, not past a preposition other than "of": a gap may reach it.
    object: &'r dyn Fn(usize) -> bool,
    /// The token is a preposition of such a phrase ("sent supplies and doctors to Nepal").
    preposition: &'r dyn Fn(usize) -> bool,
}

/// How far a gap reaches: a few words, or (with the parse) the phrases the verb governs.
type Reach<'r> = Option<&'r Governed<'r>>;

/// The farthest a parse could let a gap reach, before parsing.
const ANYWHERE: Governed = Governed {
    phrase: &|_| true,
    object: &|_| true,
    preposition: &|_| true,
};

/// The most tokens a gap spans when the parse says how far the verb's phrases reach.
const PARSED_GAP: usize = 12;

/// Matches a pattern whose first word is token `i`.
fn match_at<'p>(s: &Sentence, pattern: &'p Pattern, i: usize, reach: Reach) -> Option<Match<'p>> {
    let mut m = Match::at(pattern, i);
    if match_items(s, &pattern.items[1..], i + 1, &mut m, reach) {
        return Some(m);
    }
    // "Iran was urged by the EU to halt ...": in the passive the target's slot right after the
    // verb is left to its subject, and a "by" phrase names the source.
    let slot_first = matches!(pattern.items.get(1), Some(Item::Target));
    if !pattern.verb || !slot_first || !s.passive(i, i, s.tokens.len()) {
        return None;
    }
    let at = by_agent(s, i + 1, &mut m)?;
    match_items(s, &pattern.items[2..], at, &mut m, reach).then_some(m)
}

/// A passive's "by" phrase at token `at`, if one stands there: its actor fills the source's
/// slot. Where the pattern goes on; `None` when "by" names no actor.
fn by_agent(s: &Sentence, at: usize, m: &mut Match) -> Option<usize> {
    if !s.word_is(at, "by") {
        return Some(at);
    }
    let k = s
        .slot_at(at + 1)
        .or_else(|| s.slot_at(s.past_determiner(at + 1)))?;
    m.source = Some(k);
    Some(s.after_mention(k))
}

/// How far before its verb the object of a passive may stand ("Sanctions against Russia's
/// largest banks were imposed").
const OBJECT_REACH: usize = 8;

/// A verb pattern matched with its object before the verb: as the passive's subject
/// ("Sanctions were imposed on Iran by the EU" for "impose * sanctions on", "Sanctions on Iran
/// were imposed", "the sanctions imposed on Iran"), or as the noun an active relative clause
/// on the verb modifies ("the sanctions (that) the EU imposed on Iran", "the talks Japan held
/// with Russia"). The parse must confirm that the object is the verb's (`sentence_events`).
fn object_first_match<'p>(s: &Sentence, pattern: &'p Pattern, i: usize) -> Option<Match<'p>> {
    let skip = usize::from(pattern.items.get(1) == Some(&Item::Gap));
    let Some(Item::Word(forms)) = pattern.items.get(1 + skip) else {
        return None;
    };
    let rest = &pattern.items[2 + skip..];
    let reach = i.saturating_sub(OBJECT_REACH);
    let object_in = |from: usize| {
        (from..i)
            .rev()
            .find(|&k| forms.contains(&s.tokens[k].lower))
    };
    // A reduced relative stands right after its noun ("the sanctions imposed on Iran").
    let reduced = i
        .checked_sub(1)
        .is_some_and(|k| forms.contains(&s.tokens[k].lower));
    let passive = reduced || s.passive(i, i, s.tokens.len());
    let k = match passive {
        // "the sanctions that were imposed": past the clause's opening word.
        true => object_in(s.clause(i, i).0.max(reach))
            .or_else(|| object_in(reach).filter(|&k| opens_clause_after(s, k)))?,
        // An active relative clause, a clause of its own, names its subject between its noun
        // and its verb.
        false => object_in(reach).filter(|&k| (k + 1..i).any(|t| s.mention_at(t).is_some()))?,
    };
    let mut m = Match {
        object: Some(k),
        relative: !passive,
        ..Match::at(pattern, i)
    };
    let at = match passive {
        true => by_agent(s, i + 1, &mut m).unwrap_or(i + 1),
        false => i + 1,
    };
    // The rest of the pattern after the object first ("Evidence against Russia was
    // presented", "Sanctions on Iran were lifted on Monday": not the day's "on").
    let mut before = Match { last: k, ..m };
    let fits = !rest.is_empty() && match_items(s, rest, k + 1, &mut before, None);
    if fits && before.last < i {
        return Some(Match {
            tail: Some(before.last),
            last: i,
            ..before
        });
    }
    match_items(s, rest, at, &mut m, None).then_some(m)
}

/// Whether the first word after token `k` (past a comma) opens a clause: "the sanctions,
/// which were imposed".
fn opens_clause_after(s: &Sentence, k: usize) -> bool {
    let next = (k + 1..s.tokens.len()).find(|&t| s.tokens[t].word);
    next.is_some_and(|t| t <= k + 2 && s.is(t, cues::Class::Clause))
}

/// The gapped verb patterns the words alone did not match, matched again with gaps that reach
/// as far as the verb's phrases do in the parse.
fn parsed_matches(s: &Sentence, tree: &Tree, gapped: &[(usize, usize)]) -> Vec<Match<'static>> {
    let p = patterns();
    let mut out = Vec::new();
    for &(i, id) in gapped {
        let Some(verb) = tree.word_at(s.tokens[i].start) else {
            continue;
        };
        let word = |t: usize| s.tokens.get(t).and_then(|tok| tree.word_at(tok.start));
        let phrase = |t: usize| word(t).is_some_and(|w| tree.governs(verb, w));
        let preposition = |t: usize| word(t).is_some_and(|w| tree.is_case(w)) && phrase(t);
        // A gap spans the verb's object, not past a preposition into another phrase.
        let object =
            |t: usize| phrase(t) && !word(t).is_some_and(|w| tree.past_preposition(verb, w));
        let governed = Governed {
            phrase: &phrase,
            object: &object,
            preposition: &preposition,
        };
        out.extend(match_at(s, &p.all[id], i, Some(&governed)));
    }
    out
}

fn match_items(s: &Sentence, items: &[Item], at: usize, m: &mut Match, reach: Reach) -> bool {
    let Some(item) = items.first() else {
        return true;
    };
    match item {
        Item::Word(forms) => {
            let ok = s.tokens.get(at).is_some_and(|t| forms.contains(&t.lower));
            if ok {
                m.last = at;
                return match_items(s, &items[1..], at + 1, m, reach);
            }
            // A date between the words does not part them, nor do quotation marks ("found
            // Moscow \"culpable\" of").
            let quote = at > m.first + 1 && s.is_quote(at);
            quote && match_items(s, items, at + 1, m, reach)
                || s.past_time(at)
                    .is_some_and(|next| next > at && match_items(s, items, next, m, reach))
                || floating_preposition(s, items, at, m, reach)
        }
        Item::Gap => match reach {
            None => words_then(s, &items[1..], at, 3, m, reach),
            Some(governed) => (0..=PARSED_GAP).any(|skip| {
                let stop = at + skip;
                stop <= s.tokens.len()
                    && (governed.object)(stop)
                    && match_items(s, &items[1..], stop, m, reach)
            }),
        },
        Item::ClauseGap => words_then(s, &items[1..], at, 8, m, reach),
        Item::LongGap => (0..=10).any(|skip| {
            let stop = at + skip;
            stop <= s.tokens.len() && match_items(s, &items[1..], stop, m, reach)
        }),
        Item::Target | Item::Source => {
            // "demanded that “India conduct ...": an opening quote before the slot's actor.
            let at = s.past_opening_quote(at);
            // "called his Lebanese counterpart": the name after a possessive determiner, not the
            // pronoun, fills the slot.
            let owned = s
                .slot_at(s.past_determiner(at))
                .filter(|_| s.possessive_pronoun(at));
            let slot = owned
                .or_else(|| s.slot_at(at))
                .or_else(|| s.slot_at(s.past_determiner(at)));
            let Some(k) = slot.or_else(|| s.slot_at(s.past_adjective(at))) else {
                return false;
            };
            // "pledged to deepen cooperation during a visit by Pedro Sanchez": who does something
            // "by" is a doer, never the target.
            if matches!(item, Item::Target) && at > 0 && s.word_is(at - 1, "by") {
                return false;
            }
            if matches!(item, Item::Target) {
                m.target = Some(k);
            } else {
                m.source = Some(k);
            }
            let next = s.after_mention(k);
            // "called on Libya's internationally recognized government to": the slot's actor
            // may own the noun phrase after which the pattern goes on.
            let owner = next > 0 && s.tokens[next - 1].lower == "'s";
            owner && words_then(s, &items[1..], next, 3, m, reach)
                || match_items(s, &items[1..], next, m, reach)
        }
    }
}

/// "sent emergency supplies and personnel such as doctors to Nepal", "provided $400 million in
/// total aid to Indonesia": where the parse has read the verb, the preposition that ends a
/// pattern (before its target, if any) may stand after the rest of the object, when it opens a
/// phrase the verb governs.
fn floating_preposition(
    s: &Sentence,
    items: &[Item],
    at: usize,
    m: &mut Match,
    reach: Reach,
) -> bool {
    let (Some(governed), Some(Item::Word(forms))) = (reach, items.first()) else {
        return false;
    };
    let last = matches!(items[1..], [] | [Item::Target]);
    let preposition = forms.iter().all(|f| cues::is(f, cues::Class::Preposition));
    // Not after a side's slot: "for {T} to" wants its "to" right after the name.
    let after_slot = m
        .target
        .or(m.source)
        .is_some_and(|k| s.after_mention(k) == at);
    if !last || !preposition || after_slot {
        return false;
    }
    let end = (at + PARSED_GAP).min(s.tokens.len());
    (at + 1..end)
        .take_while(|&t| (governed.phrase)(t))
        .find(|&t| forms.contains(&s.tokens[t].lower) && (governed.preposition)(t))
        .is_some_and(|t| {
            m.last = t;
            match_items(s, &items[1..], t + 1, m, reach)
        })
}

/// Up to `most` words (no punctuation) from `at`, then the rest of the items; the fewest words
/// that let the rest match.
fn words_then(
    s: &Sentence,
    items: &[Item],
    at: usize,
    most: usize,
    m: &mut Match,
    reach: Reach,
) -> bool {
    (0..=most).any(|skip| {
        let stop = at + skip;
        stop <= s.tokens.len()
            && s.tokens[at..stop].iter().all(|t| t.word)
            && match_items(s, items, stop, m, reach)
    })
}

/// Turns a match into events: one per source of a compound subject and target.
fn code_match(
    doc: &Document,
    s: &Sentence,
    tree: &Tree,
    m: &Match,
    territory: Option<Territory>,
    out: &mut Vec<Event>,
) {
    let clause = s.clause(m.first, m.last);
    let cameo = m.pattern.cameo;
    let Some((sources, targets, fallback)) = arguments(s, tree, m, clause) else {
        return;
    };
    let mut targets: Vec<EventActor> = targets
        .iter()
        .filter(|&&k| !own_word(s, m, k))
        .map(|&k| actor(s.mentions[k]))
        .collect();
    let hypothetical = m
        .word
        .is_some_and(|w| tree.unrealized(w) || tree.in_condition(w) || tree.means_of_possible(w));
    let negated = m.word.is_some_and(|w| tree.negated(w));
    // "seized the islands": the territory referred to is the place where it happened (one the
    // clause names, the places stage reads there), and, where no actor is named ("from
    // Japan"), the target is its state's.
    let mut seized = None;
    if taxonomy::in_class(cameo, CodeClass::TerritoryTarget) {
        let last = territory::last_named(s, 0, m.first, territory);
        let before = m.first.saturating_sub(6);
        // The pattern's own words may name it ("seize * islands").
        let found = territory_target(s, m.first + 1, clause.1, last)
            .or_else(|| territory_target(s, before, m.first, None));
        if let Some((target, t)) = found {
            let referred = !target.text.eq_ignore_ascii_case(t.name);
            seized = referred.then_some(t.name);
            if targets.is_empty() {
                targets.push(target);
            }
        }
    }
    let trigger = s.tokens[m.first].start;
    let first = sources.first().map(|&k| &s.mentions[k].actor);
    // "Rebels bombarded Aleppo": an attack, a protest or aid on a place the actors' base does
    // not hold, a city, a province or a landmark of the gazetteer, is on its state; but a
    // measure taken in a province of the source's own state ("lifted a state of emergency in
    // West Darfur") falls on its people, as below.
    let meeting = taxonomy::in_class(cameo, CodeClass::Meeting);
    if targets.is_empty() && taxonomy::in_class(cameo, CodeClass::PlaceTarget) && !meeting {
        // "struck Kharkiv with drones": the place may be the object in the pattern's gap.
        let gap_object = m.pattern.verb && matches!(m.pattern.items.get(1), Some(Item::Gap));
        let object = gap_object.then(|| gazetteer_target(s, m.first + 1, m.last));
        let place = object
            .flatten()
            .or_else(|| gazetteer_target(s, m.last + 1, clause.1));
        let home = |p: &EventActor| {
            taxonomy::in_class(cameo, CodeClass::OwnState)
                && first.is_some_and(|a| a.country == p.actor.country)
        };
        targets.extend(place.filter(|p| !home(p)));
    }
    // "Sudan's government lifted a state of emergency": a measure with no target falls on the
    // source's own state's people.
    if targets.is_empty() && taxonomy::in_class(cameo, CodeClass::OwnState) {
        let own = first.and_then(|a| a.country.clone());
        let people = own.map(|c| role_of(c, taxonomy::derived("own-people")));
        targets.extend(people.map(|a| unnamed(a, trigger)));
    }
    // "Rwandan rebels demanded the removal of the president": what a state's rebels,
    // opposition or people demand, criticize or reject of no one named, their government is
    // asked or blamed for.
    if targets.is_empty() && taxonomy::in_class(cameo, CodeClass::AtGovernment) {
        let own = first
            .filter(|a| challenger(a))
            .and_then(|a| a.country.clone());
        let government = own.map(|c| role_of(c, taxonomy::derived("state-voice")));
        targets.extend(government.map(|a| unnamed(a, trigger)));
    }
    // "Rebels surrendered", "workers went on strike": an event CAMEO codes without a target
    // may have none.
    let mut flags = s.flags(clause.0, m.first, m.pattern.verb);
    flags.planned |= m.word.is_some_and(|w| tree.awaited(w));
    // "was scheduled to lay flowers, talk to the guards and meet the president": planned all.
    let first = m.word.and_then(|w| tree.first_conjunct(w));
    if let Some(i) = first.and_then(|at| s.tokens.iter().position(|t| t.start == at)) {
        let theirs = s.flags(s.clause(i, i).0, i, true);
        flags.planned |= theirs.planned;
        flags.hypothetical |= theirs.hypothetical && !flags.planned;
    }
    // "condemns North Korea's launches on July 5": the parse says whose day a date is.
    let matched = (s.tokens[m.first].start, s.tokens[m.last].end);
    let claimant = m.word.and_then(|w| tree.claimant(w));
    let others: Vec<usize> = match m.word {
        Some(w) => s
            .timexes
            .iter()
            .filter(|t| tree.dates_another((t.start, t.end), w, matched))
            .map(|t| t.start)
            .collect(),
        None => Vec::new(),
    };
    let untargeted = taxonomy::in_class(cameo, CodeClass::NoTarget);
    let nobody = unnamed(Actor::default(), trigger);
    // "The US, Russia and Switzerland met": a meeting of three or more, each pair of them once.
    let pairwise =
        targets.is_empty() && sources.len() > 2 && taxonomy::in_class(cameo, CodeClass::Mutual);
    let material = matches!(taxonomy::code(cameo).quad, 2 | 4);
    // "jets struck Syria": force of a verb that names it only when an armed group acts ("struck
    // a deal", "the storm hit Japan").
    let armed_only = m.pattern.armed_only;
    // Meetings, visits and signings: both sides are where it happens, so a state is no
    // partner of its own government or leader ("Goencz signed Budapest's accession document").
    let together = taxonomy::in_class(cameo, CodeClass::Together);
    // "summoned the U.S. ambassador to protest the arrest of a Russian citizen": a government
    // complains of, blames or makes demands of others, never of its own state (its rebels and
    // opposition do).
    let grievance = [CodeClass::AtGovernment, CodeClass::Complaint]
        .iter()
        .any(|&c| taxonomy::in_class(cameo, c));
    for (i, &src) in sources.iter().enumerate() {
        let mention = s.mentions[src];
        // "agreed to restore normalization between Israel and Turkey": of the states named as
        // targets, the source's own is the source's side, not a target.
        let foreign = targets.iter().any(|t| !own_state(&mention.actor, &t.actor));
        let partners: Vec<EventActor> = if pairwise {
            sources[i + 1..]
                .iter()
                .map(|&k| actor(s.mentions[k]))
                .collect()
        } else {
            Vec::new()
        };
        // A news agency reports events; it does not do them ("The Associated Press reported
        // that ...").
        let media = mention.actor.org.as_deref();
        if media.is_some_and(|o| crate::actors::kb::kb().is_media(o)) {
            continue;
        }
        // "bombs exploded in the Kenyan capital, killing dozens": force used in a state's
        // place is not that state's (a statement made there may be).
        if material && mention.rule == crate::actors::PLACE_ADJECTIVE {
            continue;
        }
        if armed_only && !armed(mention) && !rioters(&mention.actor, &mention.text) {
            continue;
        }
        // "Belarusians protested in Minsk": their own state's place is no target.
        let own = |t: &EventActor| same_side(&mention.actor, &t.actor);
        // "Lula's visit included ...", "demanded the release of Raman Pratasevich": a visit
        // whose visitor the noun names and whose destination no words name, or a release
        // demanded of no one named, waits for the article's other events to name its target
        // (`targets_named_elsewhere`).
        let visit = !m.pattern.verb
            && taxonomy::in_class(cameo, CodeClass::Visit)
            && m.word.is_some_and(|w| tree.names_agent_alone(w));
        let pending =
            targets.is_empty() && (visit || taxonomy::in_class(cameo, CodeClass::ReleaseDemand));
        let alone = untargeted && targets.iter().all(own) || pending;
        for tgt in targets
            .iter()
            .chain(alone.then_some(&nobody))
            .chain(&partners)
        {
            let src = actor(s.mentions[src]);
            let tgt = &another_country(doc, cameo, &src, tgt).unwrap_or_else(|| tgt.clone());
            // Groups of no known state on both sides ("militants attacked civilians") say
            // nothing a record of states and organizations can hold.
            let known = src.actor.side().is_some() || tgt.actor.side().is_some();
            let voice = grievance && !challenger(&src.actor);
            let at_home = (together || foreign || voice) && own_state(&src.actor, &tgt.actor)
                || together && own_state(&tgt.actor, &src.actor);
            if same_side(&src.actor, &tgt.actor) || !known || at_home {
                continue;
            }
            let military = src.actor.role.as_deref() == Some(taxonomy::derived("armed-forces"));
            // "Thousands of Nigerians protested": a crowd's protest is dissent in the streets
            // (14), not an official complaint (114).
            let street = taxonomy::in_class(cameo, CodeClass::Complaint) && crowd(s, &src);
            // "Protesters stormed the Congress": a crowd's force is a riot (145).
            let riot =
                taxonomy::in_class(cameo, CodeClass::Rioting) && rioters(&src.actor, &src.text);
            let mut e = event(
                doc,
                s,
                m,
                (clause, &flags, &others, claimant),
                (src, tgt.clone()),
                fallback,
            );
            if e.location.is_none() {
                e.location = seized.map(str::to_string);
            }
            // The words before "to protest" make it only wanted; the parse may say it is
            // done by the act before it.
            let done = m.word.is_some_and(|w| tree.done_by_purpose(w));
            e.hypothetical = (e.hypothetical || hypothetical) && !done;
            e.negated |= negated;
            // "Serb forces killed three ethnic Albanians": armed forces that kill use military
            // force (CAMEO 19), not assault (18).
            if military && taxonomy::in_class(&e.cameo, CodeClass::MilitaryForce) {
                recode(&mut e, taxonomy::derived("military-force"));
                e.rule += "; by armed forces: military force";
            }
            if street {
                recode(&mut e, taxonomy::derived("street-protest"));
                e.rule += "; by people: a demonstration";
            }
            if riot {
                recode(&mut e, taxonomy::derived("riot"));
                e.rule += "; by people: a riot";
            }
            // "refused to lift the curfew", "would not release the prisoners": a rejection,
            // made when it is said, of someone ("will not retreat from the world" rejects no
            // one).
            let rejects = flags.refused && e.negated && !e.target.actor.code.is_empty();
            if let Some(code) = taxonomy::refusal_of(&e.cameo).filter(|_| rejects) {
                recode(&mut e, code);
                (e.negated, e.hypothetical, e.planned) = (false, false, false);
                e.rule += "; refused: a rejection";
            }
            out.push(e);
        }
    }
}

/// "US troops remain in Afghanistan, 18 years after Washington invaded the country": a state
/// uses force on "the country" that is its own only by a misreading (it would say "itself"),
/// so the country is the last other state named before it. Other acts on one's own country
/// are common ("helped deliver a food surplus to the country").
fn another_country(
    doc: &Document,
    cameo: &str,
    src: &EventActor,
    tgt: &EventActor,
) -> Option<EventActor> {
    if !taxonomy::in_class(cameo, CodeClass::Fighting) {
        return None;
    }
    let own = src.actor.country.as_deref()?;
    let mentions = &doc.mentions;
    let at = mentions.partition_point(|m| m.start < tgt.start);
    let referred = mentions
        .get(at)
        .is_some_and(|m| m.start == tgt.start && m.rule == crate::actors::COREFERENCE);
    if !referred || tgt.actor.country.as_deref() != Some(own) || tgt.actor.role.is_some() {
        return None;
    }
    let other = mentions[..at]
        .iter()
        .rev()
        .find_map(|m| m.actor.country.as_deref().filter(|c| *c != own))?;
    Some(EventActor {
        actor: Actor {
            code: other.to_string(),
            country: Some(other.to_string()),
            ..Actor::default()
        },
        ..tgt.clone()
    })
}

/// Whether an actor is one of its state's challengers (data/events/derived.tsv): rebels, the
/// opposition, its people.
fn challenger(actor: &Actor) -> bool {
    let role = actor.role.as_deref().unwrap_or("");
    taxonomy::derived_lists("challengers", role)
}

/// Whether two actors are one side, so that no event can pass between them: the same state or
/// organization in the same role. A government and its own state, rebels or opposition are two
/// sides ("Serbia's president promised to democratize Serbia").
fn same_side(a: &Actor, b: &Actor) -> bool {
    a.side().is_some() && a.side() == b.side() && a.role == b.role
}

/// Whether `target` is the state itself of which `source` is a part (its government, its
/// leader). A meeting or a visit there ("the president arrived in Philadelphia"), or that state
/// beside another target, is no event between two sides (`code_match`); other acts on it are
/// ("rebels surrendered in the eastern town of Soroti", "promised to democratize Serbia").
fn own_state(source: &Actor, target: &Actor) -> bool {
    let part = source.role.is_some() && source.org.is_none();
    let state = target.role.is_none() && target.org.is_none();
    part && state && target.country.is_some() && source.country == target.country
}

/// Source and target mentions of a match, and whether the source is a fallback guess: the
/// parse's where it names them, else those the words around the match give.
fn arguments(
    s: &Sentence,
    tree: &Tree,
    m: &Match,
    clause: (usize, usize),
) -> Option<(Vec<usize>, Vec<usize>, bool)> {
    // "Japan said China must withdraw", "May said Moscow was culpable": the sides of a
    // reported clause's word come from the parse alone.
    if let Some(reported) = m.pattern.reported {
        let sides = tree.reported_sides(m.word?, reported)?;
        let (mut sources, mut targets) = (sides.sources, sides.targets);
        // "Medvedev said Russia should work on the Kurils": what a state's voice (itself or its
        // government) says the state must do is its policy, not a demand on anyone; its rebels
        // or opposition do demand of it.
        let voice = taxonomy::derived("state-voice");
        let voices = |k: usize, t: &Actor| {
            let a = &s.mentions[k].actor;
            a.country == t.country && a.role.as_deref().is_none_or(|r| r == voice)
        };
        let own_state = |t: &usize| {
            let t = &s.mentions[*t].actor;
            t.role.is_none() && sources.iter().any(|&k| voices(k, t))
        };
        targets.retain(|t| !own_state(t));
        pair_up(s, m.pattern.cameo, &mut sources, &mut targets);
        return (!sources.is_empty()).then_some((sources, targets, false));
    }
    let shallow = shallow_arguments(s, m, clause);
    let Some(w) = m.word else {
        return shallow;
    };
    // "The council will meet at the request of Japan": Japan asked the council.
    if !m.pattern.verb && s.is(m.first, cues::Class::Request) {
        let (sides, _) = tree.request_sides(w)?;
        let (mut sources, mut targets) = (sides.sources, sides.targets);
        pair_up(s, m.pattern.cameo, &mut sources, &mut targets);
        return (!sources.is_empty() && !targets.is_empty()).then_some((sources, targets, false));
    }
    let mediation = taxonomy::in_class(m.pattern.cameo, CodeClass::Mediation);
    let mut parsed = tree.sides(w, m.pattern.verb, mediation);
    // A pattern of several words says where its target stands: after its last word (in the
    // passive too when its object is the subject: "Sanctions were imposed on Iran").
    let end = m.tail.unwrap_or(m.last);
    if end != m.first && (!parsed.passive || m.object.is_some()) {
        if let Some(last) = tree.word_at(s.tokens[end].start).filter(|&l| l != w) {
            let mut at_last = tree.targets_at(last);
            // "offered to send troops to Uganda": a group the pattern's own noun names, of a
            // state its words do not name, is the source's, not the target.
            if !tree.is_case(last) {
                at_last.retain(|&k| !crate::actors::state_assumed(&s.mentions[k].rule));
            }
            // "ordered the French ambassador to leave the country": an object that ends in a
            // word of the pattern, before a last word that is no preposition, is the target
            // ("joined the West in denouncing" names no West).
            let held = !tree.is_case(last)
                && !parsed.targets.is_empty()
                && parsed.targets.iter().all(|&k| named_by_pattern(s, m, k));
            // "spoke to X over the phone": the last word ends the pattern, not the target.
            if !at_last.is_empty() && !held {
                parsed.targets = at_last;
            }
        }
    }
    let (mut sources, mut targets, mut fallback) = shallow.unwrap_or_default();
    // "Ukraine received weapons from the United States": a verb whose pattern names its source
    // elsewhere acts on its subject.
    let mut receivers = Vec::new();
    if m.source.is_none() && (!parsed.sources.is_empty() || parsed.unnamed_subject) {
        // "a town on the border with Germany, Austria will invite architects": a target the
        // words paired from a list they took for the subject, before the verb, is none when
        // the parse has it after a preposition.
        let before = |k: &usize| s.mentions[*k].end <= s.tokens[m.first].start;
        if m.pattern.verb && !parsed.passive {
            targets.retain(|&k| !before(&k) || !tree.after_preposition(k) || m.target == Some(k));
        }
        sources = parsed.sources;
        fallback = false;
    } else if m.source.is_some() && m.pattern.verb && !parsed.passive {
        receivers = parsed.sources;
    }
    // "Putin expresses his condolences for the British people": a pronoun in the object that
    // stands for the subject is no target; the words' target stands.
    let own = |t: &usize| {
        let m = s.mentions[*t];
        m.rule == crate::actors::PRONOUN
            && sources
                .iter()
                .any(|&k| s.mentions[k].actor.code == m.actor.code)
    };
    parsed.targets.retain(|t| !own(t));
    if m.target.is_none() && !parsed.targets.is_empty() {
        targets = parsed.targets;
    }
    if !receivers.is_empty() {
        targets.retain(|t| !sources.contains(t));
        if targets.is_empty() {
            targets = receivers;
        }
    }
    // "Japan and China held talks in Seoul", "EU leaders met in Brussels": a place the words
    // took for a side of a meeting, or of anything two named sides did together, is a venue if
    // the parse gives it a preposition of places. (Other events, protests and attacks, take
    // their place for the target, as CAMEO codes them.)
    let mutual = taxonomy::in_class(m.pattern.cameo, CodeClass::Mutual);
    let meeting = taxonomy::in_class(m.pattern.cameo, CodeClass::Meeting);
    if mutual && sources.len() >= 2 || meeting {
        targets.retain(|&k| !tree.venue(k));
        // "held talks in Jerusalem with Netanyahu": the partner after the venue, where the
        // parse hangs it on the place.
        if targets.is_empty() && mutual {
            targets = s.partner(m.last + 1, clause.1);
            targets.retain(|k| !sources.contains(k));
        }
    }
    // "will hold an emergency meeting at the request of Japan": Japan asked; it is no side.
    if meeting {
        targets.retain(|&k| !tree.requester(k));
    }
    // "Japan, China and South Korea held talks": the words took the last of the subjects for
    // the partner, the parse has them all as sides of one meeting.
    if mutual && m.target.is_none() && targets.iter().all(|t| sources.contains(t)) {
        targets.clear();
    }
    if targets.is_empty() && taxonomy::in_class(m.pattern.cameo, CodeClass::Examining) {
        targets = tree.agents_of_examined(w);
    }
    let place_target = taxonomy::in_class(m.pattern.cameo, CodeClass::PlaceTarget);
    let fighting = taxonomy::in_class(m.pattern.cameo, CodeClass::Fighting);
    if targets.is_empty() && m.pattern.verb && place_target && !meeting {
        targets = tree.in_patient(w, fighting);
    }
    // The thing the pattern's last preposition names: force on it falls on its owner or the
    // state it stands in ("launched a missile attack against a Turkish military base"); other
    // acts with places for targets, on where it stands, however deep in the phrase ("claimed
    // responsibility for the attack, which killed dozens in Kabul").
    let placed = m.pattern.verb && place_target && !meeting;
    if targets.is_empty() && m.target.is_none() && (fighting || placed) {
        if let Some(last) = tree.word_at(s.tokens[m.last].start) {
            if fighting {
                targets = tree.owner_of_phrase(last);
            }
            if targets.is_empty() && placed {
                targets = tree.place_within(last);
            }
        }
    }
    if targets.is_empty() && taxonomy::in_class(m.pattern.cameo, CodeClass::Aimed) {
        targets = tree.first_in_complement(w, &sources);
    }
    if targets.is_empty() && taxonomy::in_class(m.pattern.cameo, CodeClass::FromTarget) {
        targets = tree.origin_phrases(w);
    }
    // "Abe and Trump agreed to raise pressure on North Korea": they agreed with each other.
    if sources.len() == 2 && s.is(m.first, cues::Class::Joint) {
        targets.clear();
    }
    // "both sides blamed each other", "Indian and Chinese soldiers clashed": each side the
    // other's target. A reciprocal trigger that names no partner ("with") takes none from the
    // words after it ("got into a scuffle, and 20 Indian personnel were killed").
    let reciprocal = m.target.is_none()
        && !s.is(m.last, cues::Class::Preposition)
        && (m.first..=m.last).any(|i| s.is(i, cues::Class::Reciprocal));
    // "The two ministers clashed over trade": a quarrel, perhaps no force at all (words traded
    // over something are still words).
    if reciprocal && fighting && s.topic_after(m.last) {
        return None;
    }
    if sources.len() == 2 && (s.reciprocal_after(m.last) || reciprocal) {
        targets = sources.clone();
    }
    // "20 Indian soldiers were killed in clashes with Chinese troops": the fight was done to
    // the dead, by the side named with it.
    let with = s.tokens[m.last].lower == "with";
    if !m.pattern.verb && fighting && with && m.word.is_some_and(|w| tree.harmed_in(w)) {
        std::mem::swap(&mut sources, &mut targets);
    }
    // "condemned the military aid to Taiwan": a group's word the parse reads as an adjective.
    sources.retain(|&k| !tree.adjective(k));
    targets.retain(|&k| !tree.adjective(k));
    pair_up(s, m.pattern.cameo, &mut sources, &mut targets);
    // A name used as a place ("after touring the capital Dar es Salaam and meeting with") is
    // where something happened, never who did it.
    sources.retain(|&k| !s.mentions[k].place);
    if sources.is_empty() {
        return None;
    }
    Some((sources, targets, fallback))
}

/// Source and target mentions of a match from the words around it, and whether the source is a
/// fallback guess. `None` when the words give no event (a passive with no agent, a reduced
/// relative).
fn shallow_arguments(
    s: &Sentence,
    m: &Match,
    clause: (usize, usize),
) -> Option<(Vec<usize>, Vec<usize>, bool)> {
    let cameo = m.pattern.cameo;
    let symmetric = taxonomy::in_class(cameo, CodeClass::Mutual);
    let places = taxonomy::in_class(cameo, CodeClass::PlaceTarget);
    // "Sanctions were imposed on Iran by the EU": the agent acts on whom the pattern's last
    // words name; with no agent, no one named did it.
    if let Some(object) = m.object {
        // "the sanctions the EU imposed on Iran": the relative clause's subject.
        let sources = match m.source {
            Some(k) => s.compound(k),
            None if m.relative => s.subject(object + 1, m.first).0,
            None => s.agent_after(m.last, clause.1),
        };
        let mut targets = match m.target {
            Some(k) => s.compound(k),
            None => s.object(m.tail.unwrap_or(m.last) + 1, clause.1, places),
        };
        targets.retain(|t| !sources.contains(t));
        return (!sources.is_empty()).then_some((sources, targets, false));
    }
    if m.pattern.verb && m.source.is_none() && s.passive(m.first, m.last, clause.1) {
        let agent = s.agent_after(m.last, clause.1);
        if agent.is_empty() {
            return None;
        }
        return match s.patient(m.first, clause.0) {
            Some(patient) if !patient.is_empty() => Some((agent, patient, false)),
            // "The islands were seized by the Soviet Union from Japan": a territory, not an
            // actor, undergoes it; the state it was taken from is "from" whom, else the
            // territory's own state (found by the caller).
            _ if taxonomy::in_class(cameo, CodeClass::TerritoryTarget) => {
                Some((agent, s.after_word(m.last, clause.1, "from"), false))
            }
            patient => Some((agent, patient?, false)),
        };
    }
    let (mut sources, mut fallback) = match m.source {
        Some(k) => (s.compound(k), false),
        None => {
            let own = if m.pattern.verb {
                s.adjacent_subject(m.first)
            } else {
                s.possessor(m.first)
            };
            match own {
                Some(k) => (s.compound(k), false),
                None if !m.pattern.verb && s.background(m.first) => return None,
                None => s.subject(clause.0, m.first),
            }
        }
    };
    // "During a meeting with Galuzin, Mori urged ...": the main clause's subject.
    if sources.is_empty() && !m.pattern.verb {
        sources = s.subject_after(clause.1);
        fallback = true;
    }
    let mut targets = match m.target {
        // A slot may hold a place ("a visit to Japan by Putin"): the state it names.
        Some(k) if s.mentions[k].place => vec![k],
        Some(k) => s.compound(k),
        None => s.object(m.last + 1, clause.1, places),
    };
    if targets.is_empty() && symmetric {
        targets = s.partner(m.last + 1, clause.1);
    }
    pair_up(s, cameo, &mut sources, &mut targets);
    Some((sources, targets, fallback))
}

/// "The two leaders held talks", "Japan and Russia signed a treaty": a mutual event whose two
/// sides are both named as its subject, with no target, is between them. Applied to the
/// shallow analysis's own sides, and again once the parse's are merged in.
fn pair_up(s: &Sentence, cameo: &str, sources: &mut Vec<usize>, targets: &mut Vec<usize>) {
    // "Japan and the Philippines signed a defence pact allowing troops to deploy": a group of
    // no state named after the words is no partner beside two states.
    let stateless = targets
        .iter()
        .all(|&k| s.mentions[k].actor.side().is_none());
    if stateless && taxonomy::in_class(cameo, CodeClass::Mutual) && sources.len() == 2 {
        *targets = vec![sources.pop().expect("two")];
    }
}

/// The first run of capitalized words in tokens `from..to` (at most `PLACE_REACH` words on, and
/// no actor's), if the gazetteer holds it as a place of a state: that state.
fn gazetteer_target(s: &Sentence, from: usize, to: usize) -> Option<EventActor> {
    let to = to.min(from + PLACE_REACH).min(s.tokens.len());
    let first = (from..to).find(|&i| s.capitalized(i))?;
    // "attacked in March": the month, not the town in England.
    let free = |i: usize| !s.in_mention(i) && !s.in_time(i);
    if !free(first) {
        return None;
    }
    let run = (first..to)
        .take_while(|&i| s.capitalized(i) && free(i))
        .count()
        .min(3);
    (1..=run).rev().find_map(|len| {
        let (start, end) = (s.tokens[first].start, s.tokens[first + len - 1].end);
        let name = s.slice(start, end);
        // The start of a longer name only when the place is well known ("Kabul Airport").
        let state = if len == run {
            crate::places::state_of(&name)?
        } else {
            crate::places::prominent_state_of(&name)?
        };
        Some(EventActor {
            actor: Actor {
                code: state.clone(),
                country: Some(state),
                ..Actor::default()
            },
            text: name,
            start,
            end,
        })
    })
}

/// How many words after a trigger its place target may stand ("bombarded a government-held
/// part of Aleppo").
const PLACE_REACH: usize = 8;

/// A territory named or referred to in tokens `from..to`, as the state it is taken from, and
/// the territory.
fn territory_target(
    s: &Sentence,
    from: usize,
    to: usize,
    last: Option<Territory>,
) -> Option<(EventActor, Territory)> {
    (from..to).find_map(|i| {
        let (territory, len) = territory::at(s, i, last)?;
        let state = territory.state;
        let (start, end) = (s.tokens[i].start, s.tokens[i + len - 1].end);
        let target = EventActor {
            actor: Actor {
                code: state.to_string(),
                country: Some(state.to_string()),
                ..Actor::default()
            },
            text: s.slice(start, end),
            start,
            end,
        };
        Some((target, territory))
    })
}

fn event(
    doc: &Document,
    s: &Sentence,
    m: &Match,
    (clause, flags, others, claimant): ((usize, usize), &Flags, &[usize], Option<usize>),
    (source, target): (EventActor, EventActor),
    fallback: bool,
) -> Event {
    let code = taxonomy::code(m.pattern.cameo);
    // In the passive the evidence starts at the object: "sanctions were imposed on".
    let first = m.object.map_or(m.first, |k| k.min(m.first));
    let (start, end) = (s.tokens[first].start, s.tokens[m.last].end);
    let coded = known::Coded {
        cameo: code.code,
        source: source.actor.side(),
        target: target.actor.side(),
        sentence: (&s.text, s.offset()),
        trigger: (start, end),
    };
    let date = known::redate(
        doc,
        &coded,
        date::event_date(doc, s, clause, m.first, others),
    );
    let published = doc.published.as_ref();
    let planned = flags.planned || published.is_some_and(|p| date.earliest > p.latest);
    let historical = recalled(doc, &date);
    let sides = [mention_rule(s, &source), mention_rule(s, &target)];
    let mut e = Event {
        source,
        target,
        cameo: code.code.to_string(),
        root: code.code[..2].to_string(),
        name: code.name.to_string(),
        goldstein: code.goldstein,
        quad_class: code.quad,
        plover: plover(code),
        date,
        historical,
        planned,
        hypothetical: flags.hypothetical,
        negated: flags.negated,
        // Who says so, as the parse reads it; the words around the trigger where it reads no
        // one.
        claimed_by: claimant
            .or_else(|| s.speaker(m.first, m.last))
            .map(|k| actor(s.mentions[k])),
        location: s.location(m.pattern.cameo, clause),
        place: None,
        evidence: EventEvidence {
            sentence: s.index,
            text: s.text.clone(),
            start,
            end,
            trigger: s.slice(start, end),
        },
        rule: format!(
            "{} {}",
            match (m.pattern.verb, m.pattern.reported) {
                (_, Some(reported)) => reported.name(),
                (true, _) => "verb",
                _ => "noun",
            },
            m.pattern.text
        ),
        confidence: 0.0,
        // Set by the pipeline once every event is coded: the rule is the merge's.
        merge_key: String::new(),
    };
    if m.relative {
        e.rule += "; in a relative clause on its object";
    } else if m.object.is_some() {
        e.rule += "; in the passive, its object the subject";
    }
    e.confidence = confidence::of(&e, sides, fallback);
    e
}

/// Whether an event of these days happened years before its article was published: recalled,
/// not reported.
fn recalled(doc: &Document, date: &EventDate) -> bool {
    let published = doc.published.as_ref();
    published.is_some_and(|p| date::years_before(&date.latest, &p.earliest))
}

/// Whether a side names a crowd: people outside the state's offices (derived.tsv `people`:
/// "students", "protesters") or a state's name for its people ("Thousands of Nigerians"), in the
/// plural. One person ("opposition leader Raila Odinga") complains; a crowd takes to the streets.
fn crowd(s: &Sentence, side: &EventActor) -> bool {
    let people = match side.actor.role.as_deref() {
        Some(role) => taxonomy::derived_lists("people", role),
        None => mention_rule(s, side) == Some("adjective"),
    };
    people && plural(&side.text)
}

/// Whether a group's words are in the plural ("protesters"): a crowd, not one person.
fn plural(text: &str) -> bool {
    text.ends_with('s')
}

/// Whether an actor is a crowd of people who riot when they use force (derived.tsv `rioters`:
/// "protesters", "students", in the plural); not a state's people by name ("the Soviets
/// invaded"), nor an opposition that may be armed.
fn rioters(actor: &Actor, text: &str) -> bool {
    let role = actor.role.as_deref();
    role.is_some_and(|r| taxonomy::derived_lists("rioters", r)) && plural(text)
}

/// The rule of the mention an event side was taken from (none for a territory or no target).
fn mention_rule<'s>(s: &'s Sentence, side: &EventActor) -> Option<&'s str> {
    let same = |m: &&&Mention| (m.start, m.end) == (side.start, side.end) && m.actor == side.actor;
    s.mentions.iter().find(same).map(|m| m.rule.as_str())
}

fn plover(code: &taxonomy::Code) -> Option<Plover> {
    code.plover.map(|(event, mode, context)| Plover {
        event: event.to_string(),
        mode: (!mode.is_empty()).then(|| mode.to_string()),
        context: (!context.is_empty()).then(|| context.to_string()),
    })
}

/// The actor of a state's body or people that no words name: `role` of state `country`.
fn role_of(country: String, role: &str) -> Actor {
    Actor {
        code: format!("{country}{role}"),
        country: Some(country),
        role: Some(role.to_string()),
        ..Actor::default()
    }
}

/// A side no words name (a state's people, or nobody), placed where the trigger starts.
fn unnamed(actor: Actor, at: usize) -> EventActor {
    EventActor {
        actor,
        text: String::new(),
        start: at,
        end: at,
    }
}

fn actor(m: &Mention) -> EventActor {
    EventActor {
        actor: m.actor.clone(),
        text: m.text.clone(),
        start: m.start,
        end: m.end,
    }
}

/// Adds an event unless the document already has it: same source and target states, same
/// code and flags, and overlapping days, or days one of them only took from the publication date (a
/// later "Japan's sanctions on Russia" names the sanctions dated before). The date stated in a
/// sentence, else the tighter one, is kept.
fn merge_into(out: &mut Vec<Event>, e: Event) {
    let unstated = |x: &Event| !x.date.stated();
    let same = |x: &Event| {
        x.cameo == e.cameo
            && (x.negated, x.hypothetical) == (e.negated, e.hypothetical)
            && x.source.actor.side() == e.source.actor.side()
            && x.target.actor.side() == e.target.actor.side()
            && ((x.date.earliest <= e.date.latest && e.date.earliest <= x.date.latest)
                || unstated(x)
                || unstated(&e))
    };
    match out.iter_mut().find(|x| same(x)) {
        Some(x) => {
            let better = (unstated(x) && !unstated(&e))
                || (unstated(x) == unstated(&e) && date::width(&e.date) < date::width(&x.date));
            // The better-founded of the two sayings.
            x.confidence = x.confidence.max(e.confidence);
            if better {
                x.date = e.date;
                x.historical = e.historical;
                x.planned = e.planned;
            }
        }
        None => out.push(e),
    }
}

#[cfg(test)]
mod tests;
