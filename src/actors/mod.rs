//! The actors stage: every mention of a state, organization, seat of power, official or group
//! in the body, coded CAMEO-style (`RUSGOV`, `JPNMIL`, `ICC`) for the days its sentence speaks
//! of.
//!
//! Three steps: [`matcher`] finds every name of the knowledge base ([`kb`]) in one pass; this
//! module joins adjacent names into phrases ("Russian" + "President" + "Vladimir Putin",
//! "Japan's" + "military", "Ukrainian" + "Foreign Ministry spokesman" + an unknown name) and
//! resolves phrases that refer back ("the Russian leader", "the ministry", "the two
//! countries", "he"); [`resolve`] codes a person by their terms of office on the sentence's
//! days.
//!
//! Invariant: no knowledge in code. Names, roles, offices and terms are in `data/actors/`.

pub mod coverage;
pub mod kb;
pub mod matcher;
pub mod resolve;

use chrono::NaiveDate;

use crate::document::{Actor, Document, Mention};
use crate::text::CharOffsets;
use kb::{kb, AgentKind, CorefKind, Sense};
use matcher::Hit;
use resolve::{Days, Hint};

/// The mentions of actors in a document's body. Reads the body, its sentences, its time
/// expressions and its publication date.
pub fn mentions(doc: &Document) -> Vec<Mention> {
    let text = doc.body.as_str();
    let bytes = ByteOffsets::new(text);
    let sentences: Vec<(usize, usize)> = doc
        .sentences
        .iter()
        .map(|s| (bytes.at(s.start), bytes.at(s.end)))
        .collect();
    let dates = sentence_dates(doc, &bytes);
    let published = doc
        .published
        .as_ref()
        .and_then(|p| Some((iso_day(&p.earliest)?, iso_day(&p.latest)?)));
    let mut run = Run {
        text,
        hits: actor_hits(text),
        found: Vec::new(),
        dates,
        published,
    };
    for (n, &(a, b)) in sentences.iter().enumerate() {
        run.sentence(n, a, b);
    }
    run.into_mentions()
}

/// The names of the text that can be actors: without the phrases that name no actor, states
/// inside the names of institutions ("the China and Japan Studies Centre"), and news agencies
/// in a dateline ("(Reuters)").
fn actor_hits(text: &str) -> Vec<Hit> {
    let mut hits = matcher::hits(text);
    hits.retain(|h| {
        let not_actor = h.senses().contains(&Sense::NotActor);
        let media = h.find(|s| match *s {
            Sense::Org(i) => Some(kb().orgs[i].kind == "MED"),
            _ => None,
        });
        let in_parens = text[..h.start].ends_with('(') && text[h.end..].starts_with(')');
        let dateline_agency = media == Some(true) && in_parens;
        !(not_actor || dateline_agency || inside_name(text, h))
    });
    hits
}

/// Whether a state's name is the start of an institution's name: capitalized words (joined by
/// "and", "of", "for") that end in a word such as "Centre".
fn inside_name(text: &str, h: &Hit) -> bool {
    if anchor_of(h).is_none() {
        return false;
    }
    let rest = crate::text::after(text, h.end, 60);
    let mut words = rest.split_whitespace();
    for word in words.by_ref().take(6) {
        let word = word.trim_end_matches([',', '.', ';', ':']);
        if kb().name_heads.contains(&word) {
            return true;
        }
        let joins = ["and", "of", "for", "&"].contains(&word);
        if !joins && !word.starts_with(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// A mention found, in byte offsets, with what coreference needs to know of it.
struct Found {
    start: usize,
    end: usize,
    actor: Actor,
    place: bool,
    rule: &'static str,
    why: String,
    sentence: usize,
    /// Person of the knowledge base, or a person named in the text but not in the base.
    person: Option<Who>,
    /// Last agent word ("ministry"), for "the ministry".
    head: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum Who {
    Known(usize),
    Unknown(String),
}

/// A time expression that can date its sentence, in byte offsets.
struct Dated {
    sentence: usize,
    start: usize,
    days: Days,
}

struct Run<'a> {
    text: &'a str,
    hits: Vec<Hit>,
    found: Vec<Found>,
    /// The time expressions that date what their sentence says, in text order.
    dates: Vec<Dated>,
    published: Option<Days>,
}

/// The parts of a phrase of adjacent names.
#[derive(Default)]
struct Phrase {
    start: usize,
    end: usize,
    former: bool,
    anchor: Option<Anchor>,
    /// Role codes and offices of the agent words, in order.
    agents: Vec<(&'static str, Option<usize>, AgentKind)>,
    head: Option<String>,
    name: Option<(Who, usize, usize)>,
    possessive: bool,
}

#[derive(Clone, Copy)]
enum Anchor {
    State(usize, bool),
    Capital(usize),
    Seat(usize),
    Org(usize),
    /// "the country".
    LastCountry,
    /// "the bloc".
    LastOrg,
    /// A person's possessive before agent words: "Putin's spokesman".
    Possessor(usize),
}

impl Run<'_> {
    fn sentence(&mut self, n: usize, a: usize, b: usize) {
        let from = self.hits.partition_point(|h| h.start < a);
        let to = self.hits.partition_point(|h| h.start < b);
        self.later_surnames(n, a, b, from, to);
        let mut i = from;
        let mut pronouns = Vec::new();
        while i < to {
            let h = self.hits[i];
            let referring = h.find(coref_kind).filter(|_| !self.names_a_part(h.end));
            match referring {
                Some((k @ (CorefKind::He | CorefKind::She), _)) => pronouns.push((h, k)),
                Some((CorefKind::Pair, role)) => self.pair(n, &h, role),
                Some((CorefKind::Leaders, _)) => self.two_people(n, &h),
                _ => {
                    let (phrase, next) = self.read(i, to);
                    self.record(n, phrase);
                    i = next;
                    continue;
                }
            }
            i += 1;
        }
        // Pronouns last: one can stand for a name later in its sentence.
        for (h, kind) in pronouns {
            self.pronoun(n, &h, kind == CorefKind::She);
        }
    }

    /// "Trong asked ...": the last word of the name of someone the base does not know, named
    /// with a title earlier in the document, names them again.
    fn later_surnames(&mut self, n: usize, a: usize, b: usize, from: usize, to: usize) {
        let known: Vec<(String, usize)> = self
            .found
            .iter()
            .enumerate()
            .filter(|(_, f)| f.rule == "role-appositive")
            .filter_map(|(i, f)| match &f.person {
                Some(Who::Unknown(name)) => Some((surname_of(name, &f.actor)?.to_string(), i)),
                _ => None,
            })
            .collect();
        let hits = &self.hits[from..to];
        for (surname, i) in known {
            let sentence = &self.text[a..b];
            for (at, _) in sentence.match_indices(surname.as_str()) {
                let (start, end) = (a + at, a + at + surname.len());
                let edges = crate::text::is_word_edge(self.text, start)
                    && crate::text::is_word_edge(self.text, end);
                let inside_hit = hits.iter().any(|h| h.start < end && start < h.end);
                let inside_found = self.found.iter().any(|f| f.start < end && start < f.end);
                if !edges || inside_hit || inside_found {
                    continue;
                }
                let f = &self.found[i];
                let found = Found {
                    start,
                    end,
                    actor: f.actor.clone(),
                    place: false,
                    rule: "surname",
                    why: format!("names \"{}\" again", &self.text[f.start..f.end]),
                    sentence: n,
                    person: f.person.clone(),
                    head: None,
                };
                self.found.push(found);
            }
        }
    }

    /// Joins hit `i` and the adjacent hits that go with it into one phrase.
    fn read(&self, i: usize, to: usize) -> (Phrase, usize) {
        let hits = &self.hits;
        let mut p = Phrase {
            start: hits[i].start,
            end: hits[i].end,
            ..Phrase::default()
        };
        let mut j = i;
        while j + 1 < to && self.adjacent(j, j + 1) {
            match hits[j].find(agent) {
                Some((_, AgentKind::Former)) => p.former = true,
                Some((_, AgentKind::Then)) => {}
                _ => break,
            }
            j += 1;
        }
        if let Some(anchor) = anchor_of(&hits[j]) {
            p.anchor = Some(anchor);
            p.end = hits[j].end;
            p.possessive = hits[j].possessive;
            j += 1;
        } else {
            p.anchor = self.possessor(j);
        }
        let agents_from = j;
        while j < to && (j == agents_from && p.anchor.is_none() || self.adjacent(j - 1, j)) {
            let Some(word) = agent_word(&hits[j]) else {
                break;
            };
            p.agents.push(word);
            p.head = Some(head_of(&self.text[hits[j].start..hits[j].end], word.1));
            p.end = hits[j].end;
            p.possessive = hits[j].possessive;
            j += 1;
            if p.possessive {
                break;
            }
        }
        if !p.possessive {
            j = self.read_name(&mut p, j, to);
        }
        (p, j.max(i + 1))
    }

    /// The name after the phrase's words, if any: a person of the base, a surname after a
    /// title or after the full name, or unknown capitalized words after a title.
    fn read_name(&self, p: &mut Phrase, j: usize, to: usize) -> usize {
        let hits = &self.hits;
        let titled = p.agents.iter().any(|(_, office, kind)| {
            office.is_some() || matches!(kind, AgentKind::Title | AgentKind::Honorific)
        });
        let before_is_phrase = p.anchor.is_some() || !p.agents.is_empty() || p.former;
        if j < to {
            let close = j > 0 && self.adjacent(j - 1, j);
            let after_comma = titled && j > 0 && self.comma_between(j - 1, j);
            let starts = j == 0 || !before_is_phrase || close || after_comma;
            let full = hits[j].find(|s| match s {
                Sense::Person(k) => Some(*k),
                _ => None,
            });
            if let (Some(k), true) = (full, starts) {
                self.take_name(p, Who::Known(k), j);
                return j + 1;
            }
            let surname = hits[j].find(|s| match s {
                Sense::Surname(k) if titled || self.seen(*k) => Some(*k),
                _ => None,
            });
            if let (Some(k), true) = (surname, starts && (close || !before_is_phrase)) {
                self.take_name(p, Who::Known(k), j);
                return j + 1;
            }
        }
        if titled && p.name.is_none() {
            if let Some((a, b)) = capitalized_run(self.text, p.end) {
                if j >= to || hits[j].start >= b {
                    let name = self.text[a..b].to_string();
                    p.name = Some((Who::Unknown(name), a, b));
                    p.end = b;
                }
            }
        }
        j
    }

    fn take_name(&self, p: &mut Phrase, who: Who, j: usize) {
        let h = &self.hits[j];
        if p.anchor.is_none() && p.agents.is_empty() && !p.former {
            p.start = h.start;
        }
        p.name = Some((who, h.start, h.end));
        p.end = h.end;
        p.possessive = h.possessive;
    }

    /// Whether a person of the base was named earlier in the document.
    fn seen(&self, k: usize) -> bool {
        self.found.iter().any(|f| f.person == Some(Who::Known(k)))
    }

    /// The possessor right before hit `j` ("Putin's" before "spokesman").
    fn possessor(&self, j: usize) -> Option<Anchor> {
        let prev = self.hits.get(j.checked_sub(1)?)?;
        if !prev.possessive || !self.adjacent(j - 1, j) {
            return None;
        }
        let last = self.found.last()?;
        match &last.person {
            Some(Who::Known(k)) if last.end == prev.end => Some(Anchor::Possessor(*k)),
            _ => None,
        }
    }

    /// Hits `a` and `b` follow each other with only spaces between them.
    fn adjacent(&self, a: usize, b: usize) -> bool {
        let gap = &self.text[self.hits[a].next..self.hits[b].start];
        self.hits[a].next <= self.hits[b].start && gap.chars().all(|c| c == ' ')
    }

    fn comma_between(&self, a: usize, b: usize) -> bool {
        let gap = &self.text[self.hits[a].next..self.hits[b].start];
        self.hits[a].next <= self.hits[b].start && gap.trim() == ","
    }

    /// Turns a phrase into its mention, if it names an actor.
    fn record(&mut self, n: usize, p: Phrase) {
        let days = self.days_at(n, p.start);
        let country = p.anchor.and_then(|a| self.country_of(a));
        let role = p.agents.iter().find_map(|(role, office, _)| {
            let r = office.map_or(*role, |o| kb().offices[o].role);
            (!r.is_empty()).then_some(r)
        });
        let office = p.agents.iter().find_map(|(_, o, _)| *o);
        let (actor, rule, why, who) = match &p.name {
            Some((Who::Known(k), ..)) => {
                let person = &kb().people[*k];
                let hint = Hint {
                    office,
                    former: p.former,
                };
                let (actor, why) = resolve::person(person, days, hint);
                let rule = if p.agents.is_empty() {
                    "name"
                } else {
                    "title-name"
                };
                (actor, rule, why, Some(Who::Known(*k)))
            }
            Some((Who::Unknown(name), ..)) => {
                let Some(c) = country else { return };
                let role = if p.former { Some("ELI") } else { role };
                let mut actor = group_actor(&c, role);
                actor.name = Some(name.clone());
                actor.office = office.map(|o| kb().offices[o].id.to_string());
                let why = "not in the base: coded from the title".to_string();
                (
                    actor,
                    "role-appositive",
                    why,
                    Some(Who::Unknown(name.clone())),
                )
            }
            None if !p.agents.is_empty() => {
                match self.agent_actor(n, &p, country, role, office, days) {
                    Some(found) => found,
                    None => return,
                }
            }
            None => match self.anchor_actor(&p) {
                Some((actor, rule)) => (actor, rule, String::new(), None),
                None => return,
            },
        };
        let place = p.name.is_none() && p.agents.is_empty() && self.is_place(&p);
        let mut actor = actor;
        if place {
            if let Some(Anchor::Seat(i)) = p.anchor {
                actor = group_actor(&Code(kb().seats[i].located_in.to_string(), true), None);
            }
            actor.role = None;
            actor.code = actor
                .country
                .clone()
                .or(actor.org.clone())
                .unwrap_or_default();
        }
        self.found.push(Found {
            start: p.start,
            end: p.end,
            actor,
            place,
            rule,
            why,
            sentence: n,
            person: who,
            head: p.head.clone(),
        });
    }

    /// A phrase of agent words without a name: "Japan's military", "the Russian leader",
    /// "a former Russian president", "the ministry".
    fn agent_actor(
        &self,
        n: usize,
        p: &Phrase,
        country: Option<Code>,
        role: Option<&'static str>,
        office: Option<usize>,
        days: Option<Days>,
    ) -> Option<(Actor, &'static str, String, Option<Who>)> {
        let definite = self.determiner(p.start) == Some(true);
        let (country, rule) = match country {
            Some(c) => (c, "agent"),
            None => {
                if let Some(c) = self.of_object(p.end) {
                    (c, "agent-of")
                } else if definite {
                    if let Some(f) = self.earlier(n, |f| f.head.is_some() && f.head == p.head) {
                        let why = format!("refers to \"{}\"", &self.text[f.start..f.end]);
                        return Some((f.actor.clone(), "coreference", why, f.person.clone()));
                    }
                    // "Japan lodged a protest ..., the foreign ministry said": the state
                    // the sentence is about.
                    (self.sentence_state(n)?, "agent-subject")
                } else if self.determiner(p.start).is_none()
                    && p.agents.len() == 1
                    && matches!(role, Some("LEG" | "JUD"))
                {
                    (self.sentence_country(n)?, "agent-context")
                } else {
                    return None;
                }
            }
        };
        if definite && !p.former && office.is_some_and(leads) {
            if let Some(f) = self.leader_of(n, &country, office?) {
                let why = format!("refers to \"{}\"", &self.text[f.start..f.end]);
                let mut actor = f.actor.clone();
                if let (Some(Who::Known(k)), Some(_)) = (&f.person, days) {
                    actor = resolve::person(&kb().people[*k], days, Hint::default()).0;
                }
                return Some((actor, "coreference", why, f.person.clone()));
            }
        }
        let possessed = matches!(p.anchor, Some(Anchor::State(..))) && self.anchor_possessive(p);
        if (definite || possessed) && !p.former {
            if let Some(found) = office.and_then(|o| self.office_holder(&country, o, days)) {
                return Some(found);
            }
        }
        let role = if p.former { Some("ELI") } else { role };
        // A news organization's reporter is the organization.
        let role = role
            .filter(|_| !matches!(p.anchor, Some(Anchor::Org(i)) if kb().orgs[i].kind == "MED"));
        let mut actor = group_actor(&country, role);
        actor.office = office.map(|o| kb().offices[o].id.to_string());
        let mut who = None;
        if let Some(f) = self.appositive_person(p.start) {
            actor.name = f.actor.name.clone();
            actor.kb_id = f.actor.kb_id.clone();
            who = f.person.clone();
        }
        let rule = if who.is_some() { "appositive" } else { rule };
        // "Ukraine's foreign minister ... he said": one person, even unnamed.
        if who.is_none() && office.is_some() {
            who = Some(Who::Unknown(self.text[p.start..p.end].to_string()));
        }
        Some((actor, rule, String::new(), who))
    }

    /// A phrase of one name: a state, its adjective, a capital, a seat, an organization.
    fn anchor_actor(&self, p: &Phrase) -> Option<(Actor, &'static str)> {
        let kb = kb();
        let anchor = p.anchor?;
        let code = self.country_of(anchor)?;
        Some(match anchor {
            Anchor::State(i, adjective) => {
                let role = if adjective {
                    self.shared_role(p.end)
                } else {
                    None
                };
                let mut a = group_actor(&code, role);
                a.kb_id = Some(format!("state:{}", kb.states[i].code));
                (a, if adjective { "adjective" } else { "name" })
            }
            Anchor::Capital(i) => {
                let mut a = group_actor(&code, Some("GOV"));
                a.kb_id = Some(format!("state:{}", kb.states[i].code));
                (a, "capital")
            }
            Anchor::Seat(i) => {
                let seat = &kb.seats[i];
                let mut a = group_actor(&code, Some(seat.role));
                a.kb_id = Some(format!("seat:{}", seat.name));
                (a, "seat")
            }
            Anchor::Org(i) => {
                let mut a = group_actor(&code, None);
                a.kb_id = Some(format!("org:{}", kb.orgs[i].code));
                (a, "organization")
            }
            Anchor::LastCountry | Anchor::LastOrg => (group_actor(&code, None), "coreference"),
            Anchor::Possessor(_) => return None,
        })
    }

    /// "both sides of the river": a phrase followed by "of" and a noun names a part of
    /// something, not the two states ("accusing both countries of harbouring" still does).
    fn names_a_part(&self, end: usize) -> bool {
        let Some(rest) = self.text[end..].strip_prefix(" of ") else {
            return false;
        };
        let word = rest.split_whitespace().next().unwrap_or("");
        !word.trim_end_matches([',', '.']).ends_with("ing")
    }

    /// "the two countries": the two states most named so far.
    fn pair(&mut self, n: usize, h: &Hit, role: &str) {
        for code in self.two_most_named() {
            let why = "one of the two states most named so far".to_string();
            let actor = group_actor(&code, Some(role));
            self.push_simple(n, h.start, h.end, actor, "pair", why);
        }
    }

    /// "the two leaders": the last two people named, each coded for this sentence's days.
    fn two_people(&mut self, n: usize, h: &Hit) {
        let mut people: Vec<(usize, String)> = Vec::new();
        for f in self.found.iter().rev().take_while(|f| f.sentence + 5 >= n) {
            if let Some(Who::Known(k)) = f.person {
                if people.len() < 2 && !people.iter().any(|(p, _)| *p == k) {
                    people.push((k, self.text[f.start..f.end].to_string()));
                }
            }
        }
        if people.len() < 2 {
            return;
        }
        let days = self.days_at(n, h.start);
        for (k, text) in people.into_iter().rev() {
            let actor = resolve::person(&kb().people[k], days, Hint::default()).0;
            let why = format!("refers to \"{text}\"");
            self.found.push(Found {
                start: h.start,
                end: h.end,
                actor,
                place: false,
                rule: "pair",
                why,
                sentence: n,
                person: Some(Who::Known(k)),
                head: None,
            });
        }
    }

    /// "he", "his", "she": the one person it can stand for, coded for its own sentence's days.
    fn pronoun(&mut self, n: usize, h: &Hit, female: bool) {
        let Some(f) = self.pronoun_target(n, h.start, female) else {
            return;
        };
        let why = format!("refers to \"{}\"", &self.text[f.start..f.end]);
        let (mut actor, who) = (f.actor.clone(), f.person.clone());
        if let Some(Who::Known(k)) = &who {
            let days = self.days_at(n, h.start);
            actor = resolve::person(&kb().people[*k], days, Hint::default()).0;
        }
        self.found.push(Found {
            start: h.start,
            end: h.end,
            actor,
            place: false,
            rule: "pronoun",
            why,
            sentence: n,
            person: who,
            head: None,
        });
    }

    fn push_simple(
        &mut self,
        n: usize,
        start: usize,
        end: usize,
        actor: Actor,
        rule: &'static str,
        why: String,
    ) {
        self.found.push(Found {
            start,
            end,
            actor,
            place: false,
            rule,
            why,
            sentence: n,
            person: None,
            head: None,
        });
    }

    /// The one person a pronoun can stand for: the only person of that sex named earlier in its
    /// sentence, else the only one in the sentence before, else the only one later in its
    /// sentence ("During his visit, President Putin ...").
    fn pronoun_target(&self, n: usize, at: usize, female: bool) -> Option<&Found> {
        let fits = |f: &&Found| match &f.person {
            Some(Who::Known(k)) => kb().people[*k].female == female,
            Some(Who::Unknown(_)) => true,
            None => false,
        };
        let people = |keep: &dyn Fn(&Found) -> bool| -> Vec<&Found> {
            self.found.iter().filter(fits).filter(|f| keep(f)).collect()
        };
        // "During his visit to Moscow, Fukuda ...": a pronoun in an opening phrase stands for
        // the subject right after its comma.
        let comma = self.text[at..].find(',').map(|i| at + i + 1);
        let opening = comma.filter(|_| self.found.iter().all(|f| f.sentence != n || f.start > at));
        let subject = |f: &Found| {
            opening.is_some_and(|c| f.start >= c && self.text[c..f.start].trim().len() < 30)
        };
        let scopes = [
            people(&|f| f.sentence == n && f.start < at),
            people(&|f| f.sentence == n && subject(f))
                .into_iter()
                .take(1)
                .collect(),
            people(&|f| n > 0 && f.sentence + 1 == n),
            people(&|f| f.sentence == n && f.start > at),
        ];
        let people = scopes.into_iter().find(|s| !s.is_empty())?;
        let first = people[0];
        people
            .iter()
            .all(|f| f.person == first.person)
            .then_some(first)
    }

    /// The person of `country` holding a leading office most recently named.
    fn leader_of(&self, n: usize, country: &Code, office: usize) -> Option<&Found> {
        let wanted = kb().offices[office].id;
        self.earlier(n, |f| {
            let Some(Who::Known(_)) = f.person else {
                return false;
            };
            let same_country = f.actor.country.as_deref() == Some(country.0.as_str());
            let off = f.actor.office.as_deref();
            same_country
                && (wanted == "leader" && off.is_some_and(is_leading) || off == Some(wanted))
        })
    }

    /// The last mention before sentence `n` ends that `pick` accepts, within five sentences.
    fn earlier(&self, n: usize, pick: impl Fn(&Found) -> bool) -> Option<&Found> {
        self.found
            .iter()
            .rev()
            .take_while(|f| f.sentence + 5 >= n)
            .find(|f| pick(f))
    }

    /// "Russian and Mongolian troops": the role of the agent words after the next adjective.
    fn shared_role(&self, end: usize) -> Option<&'static str> {
        let rest = self.text[end..].strip_prefix(" and ")?;
        let at = self.text.len() - rest.len();
        let i = self.hits.partition_point(|h| h.start < at);
        let adjective = self.hits.get(i).filter(|h| h.start == at)?;
        adjective.find(|s| matches!(s, Sense::Adjective(_)).then_some(()))?;
        if !self.adjacent(i, i + 1) {
            return None;
        }
        let (role, office, _) = agent_word(self.hits.get(i + 1)?)?;
        let role = office.map_or(role, |o| kb().offices[o].role);
        (!role.is_empty()).then_some(role)
    }

    /// Whether the phrase's state is said with a possessive ("Mongolia's prime minister").
    fn anchor_possessive(&self, p: &Phrase) -> bool {
        let i = self.hits.partition_point(|h| h.start < p.start);
        self.hits
            .get(i)
            .is_some_and(|h| h.possessive && h.start == p.start)
            || self
                .hits
                .get(i + 1)
                .is_some_and(|h| h.possessive && anchor_of(h).is_some())
    }

    /// "the Russian president" with no one named before: whoever held that office for that
    /// state on the sentence's days, when the base knows exactly one person.
    fn office_holder(
        &self,
        country: &Code,
        office: usize,
        days: Option<Days>,
    ) -> Option<(Actor, &'static str, String, Option<Who>)> {
        let (from, to) = days?;
        let kb = kb();
        let offices: Vec<usize> = if kb.offices[office].id == "leader" {
            (0..kb.offices.len())
                .filter(|&o| is_leading(kb.offices[o].id))
                .collect()
        } else {
            vec![office]
        };
        let mut holders: Vec<usize> = offices
            .iter()
            .flat_map(|&o| kb.holders(&country.0, o))
            .filter(|(_, t)| t.overlaps(from, to))
            .map(|(k, _)| k)
            .collect();
        holders.dedup();
        let [k] = holders[..] else {
            return None;
        };
        let hint = Hint {
            office: Some(office),
            former: false,
        };
        let (actor, why) = resolve::person(&kb.people[k], days, hint);
        Some((actor, "office-holder", why, Some(Who::Known(k))))
    }

    /// "the government of Shinzo Abe", "the leaders of Mongolia": the country of the name after
    /// "of".
    fn of_object(&self, end: usize) -> Option<Code> {
        let rest = self.text[end..].strip_prefix(" of ")?;
        let at = self.text.len() - rest.len();
        let i = self.hits.partition_point(|h| h.start < at);
        let h = self.hits.get(i).filter(|h| h.start == at)?;
        if let Some(a) = anchor_of(h) {
            return self.country_of(a);
        }
        let k = h.find(|s| match *s {
            Sense::Person(k) => Some(k),
            _ => None,
        })?;
        Some(Code(kb().people[k].country.to_string(), true))
    }

    /// The state of the first actor named in sentence `n` (its subject, most often).
    fn sentence_state(&self, n: usize) -> Option<Code> {
        let f = self
            .found
            .iter()
            .rev()
            .take_while(|f| f.sentence == n)
            .filter(|f| !f.place && f.actor.country.is_some())
            .last()?;
        Some(Code(f.actor.country.clone()?, true))
    }

    /// "Kishida told parliament": a bare body takes the country of the person or government
    /// named before it in the sentence.
    fn sentence_country(&self, n: usize) -> Option<Code> {
        let f = self
            .found
            .iter()
            .rev()
            .take_while(|f| f.sentence == n)
            .find(|f| f.person.is_some())?;
        Some(Code(f.actor.country.clone()?, true))
    }

    /// "Dmitry Medvedev, a former Russian president": the person right before ", a".
    fn appositive_person(&self, start: usize) -> Option<&Found> {
        let last = self.found.last()?;
        let gap = self.text.get(last.end..start)?;
        let gap = gap.trim_start_matches(['\'', '\u{2019}', 's']);
        let apposed = [", a ", ", an ", ", the ", ", "].contains(&gap);
        (apposed && last.person.is_some()).then_some(last)
    }

    /// The two states named most so far in the document as actors (a person counts for their
    /// state; a place does not).
    fn two_most_named(&self) -> Vec<Code> {
        let mut counts: Vec<(String, usize, usize)> = Vec::new();
        for (i, f) in self.found.iter().enumerate().filter(|(_, f)| !f.place) {
            let Some(c) = &f.actor.country else { continue };
            match counts.iter_mut().find(|(k, ..)| k == c) {
                Some(e) => e.1 += 1,
                None => counts.push((c.clone(), 1, i)),
            }
        }
        // Ties go to the state named first: the pair an article opens with.
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        if counts.len() < 2 {
            return Vec::new();
        }
        counts
            .into_iter()
            .take(2)
            .map(|(c, ..)| Code(c, true))
            .collect()
    }

    fn country_of(&self, anchor: Anchor) -> Option<Code> {
        let kb = kb();
        let state = |code: &str| Code(code.to_string(), true);
        Some(match anchor {
            Anchor::State(i, _) | Anchor::Capital(i) => state(kb.states[i].code),
            Anchor::Seat(i) => {
                let c = kb.seats[i].country;
                Code(c.to_string(), kb.state(c).is_some())
            }
            Anchor::Org(i) => Code(kb.orgs[i].code.to_string(), false),
            Anchor::Possessor(k) => state(kb.people[k].country),
            Anchor::LastCountry => {
                let f = self
                    .found
                    .iter()
                    .rev()
                    .find(|f| f.actor.country.is_some())?;
                state(f.actor.country.as_deref()?)
            }
            Anchor::LastOrg => {
                let f = self.found.iter().rev().find(|f| f.actor.org.is_some())?;
                Code(f.actor.org.clone()?, false)
            }
        })
    }

    /// "a visit to Ulan Bator", "across Russia", "the Ulaanbaatar campus": the name of a state
    /// or capital used for the place.
    fn is_place(&self, p: &Phrase) -> bool {
        let Some(anchor) = p.anchor.filter(|_| !p.possessive) else {
            return false;
        };
        let word = last_word(crate::text::before(self.text, p.start, 24));
        let is = |w: &str| word.eq_ignore_ascii_case(w);
        let locative = kb().place_words.iter().any(|w| is(w));
        // "ULAN BATOR (Reuters) -": a dateline names where the story was filed.
        let written = &self.text[p.start..p.end];
        let capitals = written
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let line_start = p.start == 0 || self.text[..p.start].ends_with('\n');
        let marks = [" -", " \u{2014}", " (", ","];
        let dateline = (capitals && written.len() > 3)
            || (line_start && marks.iter().any(|m| self.text[p.end..].starts_with(m)));
        match anchor {
            Anchor::State(_, false) => locative || dateline,
            Anchor::Capital(_) => {
                locative || dateline || ["the", "a", "an", "its"].into_iter().any(is)
            }
            // "the Kremlin" takes an article as a name; only a preposition makes it a place.
            Anchor::Seat(_) => locative || dateline,
            _ => false,
        }
    }

    /// Whether the word before a phrase is a definite (`Some(true)`) or indefinite
    /// (`Some(false)`) article, looking past modifiers and possessives (modifiers.txt).
    fn determiner(&self, start: usize) -> Option<bool> {
        let before = crate::text::before(self.text, start, 40);
        for w in before.split_whitespace().rev().take(3) {
            let w = w.trim_start_matches(['"', '\u{201c}', '\u{2018}', '\'', '(']);
            if w.eq_ignore_ascii_case("the") {
                return Some(true);
            }
            if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") {
                return Some(false);
            }
            // "the outgoing Russian leader", "the government's top spokesman".
            let possessive = w.ends_with("'s") || w.ends_with("\u{2019}s");
            if !(possessive || kb().modifiers.contains(&w)) {
                return None;
            }
        }
        None
    }

    /// The days the words at `at` speak of: the nearest time expression of the sentence that
    /// dates it, else the publication date.
    fn days_at(&self, n: usize, at: usize) -> Option<Days> {
        let from = self.dates.partition_point(|d| d.sentence < n);
        let to = self.dates.partition_point(|d| d.sentence <= n);
        self.dates[from..to]
            .iter()
            .min_by_key(|d| d.start.abs_diff(at))
            .map(|d| d.days)
            .or(self.published)
    }

    fn into_mentions(self) -> Vec<Mention> {
        let mut chars = CharOffsets::new(self.text);
        let mut found = self.found;
        found.sort_by_key(|f| f.start);
        found
            .into_iter()
            .map(|f| Mention {
                start: chars.at(f.start),
                end: chars.at(f.end),
                text: self.text[f.start..f.end].to_string(),
                actor: f.actor,
                place: f.place,
                rule: f.rule.to_string(),
                why: f.why,
            })
            .collect()
    }
}

/// A country code (`true`) or an organization code (`false`).
struct Code(String, bool);

fn group_actor(code: &Code, role: Option<&str>) -> Actor {
    let role = role.filter(|r| !r.is_empty());
    Actor {
        code: [code.0.as_str(), role.unwrap_or("")].concat(),
        country: code.1.then(|| code.0.clone()),
        org: (!code.1).then(|| code.0.clone()),
        role: role.map(str::to_string),
        ..Actor::default()
    }
}

fn anchor_of(h: &Hit) -> Option<Anchor> {
    h.find(|s| match *s {
        Sense::State(i) => Some(Anchor::State(i, false)),
        Sense::Adjective(i) => Some(Anchor::State(i, true)),
        Sense::Capital(i) => Some(Anchor::Capital(i)),
        Sense::Seat(i) => Some(Anchor::Seat(i)),
        Sense::Org(i) => Some(Anchor::Org(i)),
        Sense::Coref(CorefKind::Country, _) => Some(Anchor::LastCountry),
        Sense::Coref(CorefKind::Org, _) => Some(Anchor::LastOrg),
        _ => None,
    })
}

/// A referring phrase that is a mention of its own (not one that anchors agent words, as
/// "the country's" and "the bloc's" do).
fn coref_kind(s: &Sense) -> Option<(CorefKind, &'static str)> {
    match *s {
        Sense::Coref(k, role) if !matches!(k, CorefKind::Country | CorefKind::Org) => {
            Some((k, role))
        }
        _ => None,
    }
}

fn agent(s: &Sense) -> Option<(&'static str, AgentKind)> {
    match *s {
        Sense::Agent { role, kind } => Some((role, kind)),
        _ => None,
    }
}

/// An agent word or an office title: its role, its office and its kind.
fn agent_word(h: &Hit) -> Option<(&'static str, Option<usize>, AgentKind)> {
    h.find(|s| match *s {
        Sense::Office(o) => Some((kb().offices[o].role, Some(o), AgentKind::Group)),
        Sense::Agent { role, kind } if kind != AgentKind::Former && kind != AgentKind::Then => {
            Some((role, None, kind))
        }
        _ => None,
    })
}

/// Offices that "the Russian leader" or "the Japanese president" can refer to.
fn leads(office: usize) -> bool {
    let o = &kb().offices[office];
    o.id == "leader" || is_leading(o.id)
}

fn is_leading(office: &str) -> bool {
    kb().offices
        .iter()
        .find(|o| o.id == office)
        .is_some_and(|o| o.kind == "head-of-state" || o.kind == "head-of-government")
}

/// The word of a name the base does not know that names the person alone: the family name,
/// first or last by the custom of their state.
fn surname_of<'a>(name: &'a str, actor: &Actor) -> Option<&'a str> {
    let first = actor
        .country
        .as_deref()
        .is_some_and(|c| kb().family_name_first.contains(&c));
    if first {
        name.split(' ').next()
    } else {
        name.rsplit(' ').next()
    }
}

/// What "the ministry" or "the spokesman" must match: the office, else the last word.
fn head_of(words: &str, office: Option<usize>) -> String {
    match office {
        Some(o) => kb().offices[o].id.to_string(),
        None => last_word(words).to_lowercase(),
    }
}

fn last_word(s: &str) -> &str {
    s.split_whitespace().next_back().unwrap_or("")
}

/// Up to four capitalized words right after `from` (one space between): a name the base does
/// not know, after a title ("spokesman Heorhii Tykhii"). Names of days and months are not names.
fn capitalized_run(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = text[from..].strip_prefix(' ')?;
    let start = from + 1;
    let mut end = start;
    for (count, word) in rest.split(' ').enumerate() {
        let clean = word.trim_end_matches([',', '.', ';', ':', '"', '\u{201d}', ')']);
        let is_name = clean.chars().next().is_some_and(char::is_uppercase)
            && clean
                .chars()
                .all(|c| c.is_alphabetic() || "-'.".contains(c))
            && crate::time::lexicon::meanings(clean).is_empty();
        if count >= 4 || !is_name {
            break;
        }
        end = start + rest[..].find(word).unwrap_or(0) + clean.len();
        if clean.len() != word.len() {
            break;
        }
    }
    (end > start).then_some((start, end))
}

/// For each sentence, the time expressions that date what it says: dates, times and ranges
/// that are not part of a noun phrase ("a 1939 Soviet victory", "the 1956 declaration" name a
/// thing, not the time of the sentence).
fn sentence_dates(doc: &Document, bytes: &ByteOffsets) -> Vec<Dated> {
    let mut out = Vec::new();
    for t in &doc.timexes {
        if !matches!(t.kind.as_str(), "DATE" | "TIME" | "RANGE") {
            continue;
        }
        let (Some(a), Some(b)) = (&t.earliest, &t.latest) else {
            continue;
        };
        let (Some(a), Some(b)) = (iso_day(a), iso_day(b)) else {
            continue;
        };
        let start = bytes.at(t.start);
        let word = last_word(crate::text::before(&doc.body, start, 16)).to_lowercase();
        if ["a", "an", "the", "its", "their", "his", "her"].contains(&word.as_str()) {
            continue;
        }
        let sentence = doc.sentences.partition_point(|s| s.end <= t.start);
        out.push(Dated {
            sentence,
            start,
            days: (a, b),
        });
    }
    out
}

/// A `YYYY-MM-DD` day, read without chrono's general parser (the stage reads one per time
/// expression, and that parser was a tenth of its time).
fn iso_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// Character offsets to byte offsets.
struct ByteOffsets {
    /// Byte offset of each character, and the text's length at the end; empty for ASCII.
    starts: Vec<usize>,
}

impl ByteOffsets {
    fn new(text: &str) -> Self {
        let starts = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(b, _)| b)
                .chain([text.len()])
                .collect()
        };
        ByteOffsets { starts }
    }

    fn at(&self, char: usize) -> usize {
        if self.starts.is_empty() {
            char
        } else {
            self.starts[char.min(self.starts.len() - 1)]
        }
    }
}

#[cfg(test)]
mod tests;
