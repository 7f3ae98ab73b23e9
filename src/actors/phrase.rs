//! Reading a phrase of adjacent names ("Russian" + "President" + "Vladimir Putin", "Japan's" +
//! "military") and turning it into a mention: who it names, in which role, and whether it is
//! used for a place.

use super::kb::{kb, AgentKind, CorefKind, Sense};
use super::refer::leads;
use super::resolve::{self, Days, Hint};
use super::*;

/// A mention's actor, rule, why and person, as `record` stores them.
pub(super) type Coded = (Actor, &'static str, String, Option<Who>);

/// What agent words with no state before them stand for.
enum Bare {
    State(Code, &'static str),
    RefersTo(Coded),
    /// A group of no state named (`---REB`), and whether it is of a state's own politics
    /// (`place_generic` places both).
    Stateless(bool),
}

/// The parts of a phrase of adjacent names.
#[derive(Default)]
pub(super) struct Phrase {
    start: usize,
    end: usize,
    former: bool,
    anchor: Option<Anchor>,
    /// Role codes and offices of the agent words, in order.
    agents: Vec<(&'static str, Option<usize>, AgentKind)>,
    head: Option<&'static str>,
    name: Option<(Who, usize, usize)>,
    possessive: bool,
}

#[derive(Clone, Copy)]
pub(super) enum Anchor {
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
    /// Joins hit `i` and the adjacent hits that go with it into one phrase.
    pub(super) fn read(&self, i: usize, to: usize) -> (Phrase, usize) {
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
        } else if let Some(k) = self.leader_before_government(j, to) {
            p.anchor = Some(Anchor::Possessor(k));
            p.end = hits[j].end;
            j += 1;
        } else {
            p.anchor = self.possessor(j);
        }
        let agents_from = j;
        while j < to
            && (j == agents_from && p.anchor.is_none()
                || self.adjacent(j - 1, j)
                || j == agents_from && self.group_modifier_between(j - 1, j))
        {
            // "North Korea's U.N. Ambassador Pak Gil Yon", "Chinese UN envoy": the organization
            // between a state and an envoy's title is where the envoy is posted; the state sends.
            if self.posted_to(&p, j, to) {
                j += 1;
                continue;
            }
            // "the Brazilian Congress", "Colombia's Congress": after a state, a seat's name that
            // is also a common noun ("congress") is that state's body, not the seat's.
            let of_state = matches!(p.anchor, Some(Anchor::State(..))) && p.agents.is_empty();
            let common = || of_state.then(|| hits[j].find_common(agent_sense)).flatten();
            let Some(word) = agent_word(&hits[j]).or_else(common) else {
                break;
            };
            p.agents.push(word);
            p.head = Some(head_of(hits[j].surface.text.as_str(), word.1));
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

    /// Whether hit `j` is an organization named between a state and an envoy's title, with
    /// nothing between them: the post, not the sender.
    fn posted_to(&self, p: &Phrase, j: usize, to: usize) -> bool {
        let hits = &self.hits;
        let sender = matches!(p.anchor, Some(Anchor::State(..))) && p.agents.is_empty();
        let org = matches!(anchor_of(&hits[j]), Some(Anchor::Org(_)));
        let envoy = j + 1 < to
            && self.adjacent(j, j + 1)
            && agent_word(&hits[j + 1]).is_some_and(|(_, office, _)| {
                office.is_some_and(|o| kb().offices[o].kind == "envoy")
            });
        sender && org && envoy && j > 0 && self.adjacent(j - 1, j)
    }

    /// The name after the phrase's words, if any: a person of the base, a surname after a
    /// title or after the full name, or unknown capitalized words after a title.
    pub(super) fn read_name(&self, p: &mut Phrase, j: usize, to: usize) -> usize {
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
            // "Guterres" after "Foreign Minister José Luís Guterres" is him again, not the
            // UN's António Guterres whom the name alone would mean.
            let full = full.map(|k| {
                if self.seen(k) {
                    k
                } else {
                    self.surname_at(p, j, false).unwrap_or(k)
                }
            });
            if let (Some(k), true) = (full, starts) {
                self.take_name(p, Who::Known(k), j);
                return j + 1;
            }
            // "minister Fernando Haddad": a surname of the base followed by a capitalized word
            // the base does not know is someone's first name.
            let known_next = hits.get(j + 1).is_some_and(|h| h.start == hits[j].end + 1);
            let first_name = capitalized_run(self.text, hits[j].end).is_some() && !known_next;
            let surname = self.surname_at(p, j, titled).filter(|_| !first_name);
            if let (Some(k), true) = (surname, starts && (close || !before_is_phrase)) {
                self.take_name(p, Who::Known(k), j);
                return j + 1;
            }
        }
        if titled && p.name.is_none() {
            if let Some((a, b)) = capitalized_run(self.text, p.end) {
                // A surname the base refused here ("Chinese spokesman Lin Jian" is no Lin of
                // the base) is part of the unknown name.
                let mut k = j;
                while k < to && hits[k].start < b && hits[k].only_surnames() {
                    k += 1;
                }
                if k >= to || hits[k].start >= b {
                    let name = self.text[a..b].to_string();
                    p.name = Some((Who::Unknown(name), a, b));
                    p.end = b;
                    return k;
                }
            }
        }
        j
    }

    /// The person hit `j` names by surname: one named earlier in the document first, then one
    /// of the phrase's country, if it has one ("Chinese spokesman Lin" is not Taiwan's David
    /// Lin, but someone the base does not know), then the first in the base.
    fn surname_at(&self, p: &Phrase, j: usize, titled: bool) -> Option<usize> {
        let country = p.anchor.and_then(|a| self.country_of(a));
        let ours = |k: usize| country.as_ref().is_none_or(|c| kb().people[k].is_of(&c.0));
        self.hits[j]
            .senses()
            .iter()
            .filter_map(|s| match s {
                Sense::Surname(k) => Some((*k, self.seen(*k), ours(*k))),
                _ => None,
            })
            .filter(|&(_, seen, ours)| seen || (titled && ours))
            // Of equals `max_by_key` keeps the last; reversed, that is the first in the base.
            .rev()
            .max_by_key(|&(_, seen, ours)| (seen, ours))
            .map(|(k, ..)| k)
    }

    pub(super) fn take_name(&self, p: &mut Phrase, who: Who, j: usize) {
        let h = &self.hits[j];
        if p.anchor.is_none() && p.agents.is_empty() && !p.former {
            p.start = h.start;
        }
        p.name = Some((who, h.start, h.end));
        p.end = h.end;
        p.possessive = h.possessive;
    }

    /// Who the name at `at`, read as person `k`, is on `days`. A name may name several people
    /// alone ("Khamenei": Ali Khamenei, and from 2026 his son): the one the document named
    /// before, else the one in office on those days. Namesakes (`Andris Berzins (1951)`) likewise,
    /// and a surname several people of one state share ("President Bush" in 2006 is George W.).
    fn bearer_on(&self, k: usize, at: usize, days: Option<Days>) -> usize {
        let i = self.hits.partition_point(|h| h.start < at);
        let hit = self.hits.get(i).filter(|h| h.start == at);
        let country = kb().people[k].country;
        let others: Vec<usize> = hit
            .into_iter()
            .flat_map(|h| h.senses())
            .filter_map(|s| match s {
                Sense::Person(o) if *o != k => Some(*o),
                Sense::Surname(o) if *o != k && kb().people[*o].is_of(country) => Some(*o),
                _ => None,
            })
            .collect();
        let seen = std::iter::once(k)
            .chain(others.iter().copied())
            .find(|&o| self.seen(o));
        let chosen = seen.unwrap_or_else(|| resolve::one_on(k, &others, days));
        resolve::namesake_on(chosen, days)
    }

    /// Whether a person of the base was named earlier in the document.
    pub(super) fn seen(&self, k: usize) -> bool {
        self.seen.people.contains(&k)
    }

    /// The leader hit `j` names when a word of government_words.txt follows it ("the Bush
    /// administration", "the Putin government"): a person of the base, or a surname whose
    /// officeholders are all of one state.
    fn leader_before_government(&self, j: usize, to: usize) -> Option<usize> {
        let (h, next) = (&self.hits[j], self.hits.get(j + 1)?);
        if j + 1 >= to || h.possessive || !self.adjacent(j, j + 1) {
            return None;
        }
        let word = next.surface.text.as_str();
        let government = kb().names_government(word)
            && agent_word(next).is_some_and(|(_, office, _)| office.is_none());
        if !government {
            return None;
        }
        if let Some(k) = h.find(|s| match *s {
            Sense::Person(k) => Some(k),
            _ => None,
        }) {
            return Some(k);
        }
        if !h.only_surnames() {
            return None;
        }
        let people = kb();
        let holders: Vec<usize> = h
            .senses()
            .iter()
            .filter_map(|s| match *s {
                Sense::Surname(k) if !people.people[k].terms.is_empty() => Some(k),
                _ => None,
            })
            .collect();
        let country = |k: usize| people.people[k].country;
        let first = *holders.first()?;
        holders
            .iter()
            .all(|&k| country(k) == country(first))
            .then_some(first)
    }

    /// The possessor right before hit `j` ("Putin's" before "spokesman").
    pub(super) fn possessor(&self, j: usize) -> Option<Anchor> {
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
    pub(super) fn adjacent(&self, a: usize, b: usize) -> bool {
        let gap = &self.text[self.hits[a].next..self.hits[b].start];
        self.hits[a].next <= self.hits[b].start && gap.chars().all(|c| c == ' ')
    }

    /// One word of group_modifiers.txt parts a state's adjective from the group word after it:
    /// "Irish nationalist guerrillas".
    fn group_modifier_between(&self, a: usize, b: usize) -> bool {
        let (from, to) = (self.hits[a].next, self.hits[b].start);
        let Some(word) = self
            .text
            .get(from..to)
            .and_then(|g| g.strip_prefix(' ')?.strip_suffix(' '))
        else {
            return false;
        };
        kb().group_modifiers.contains(&word.to_lowercase().as_str())
            && agent_word(&self.hits[b]).is_some_and(|(_, _, kind)| {
                matches!(kind, AgentKind::Generic | AgentKind::Domestic)
            })
    }

    pub(super) fn comma_between(&self, a: usize, b: usize) -> bool {
        let gap = &self.text[self.hits[a].next..self.hits[b].start];
        self.hits[a].next <= self.hits[b].start && gap.trim() == ","
    }

    /// Turns a phrase into its mention, if it names an actor.
    pub(super) fn record(&mut self, n: usize, p: Phrase) {
        // "the West Bank": a state's or a bloc's word and an agent word that together name a
        // place of the gazetteer are that place, not the West's banks.
        if matches!(p.anchor, Some(Anchor::State(..) | Anchor::Org(_)))
            && !p.agents.is_empty()
            && p.name.is_none()
            && crate::places::names_territory(&self.text[p.start..p.end])
        {
            return;
        }
        let days = self.days_at(n, p.start);
        // "its London embassy": after a possessive, a capital says where the body is, not whose.
        let located = matches!(p.anchor, Some(Anchor::Capital(_)))
            && !p.agents.is_empty()
            && p.name.is_none()
            && self.owned(p.start);
        let country = p
            .anchor
            .filter(|_| !located)
            .and_then(|a| self.country_of(a));
        let role = p.agents.iter().find_map(|(role, office, _)| {
            let r = office.map_or(*role, |o| kb().offices[o].role);
            (!r.is_empty()).then_some(r)
        });
        let office = p.agents.iter().find_map(|(_, o, _)| *o);
        let (actor, rule, why, who) = match &p.name {
            Some((Who::Known(k), at, _)) => {
                let k = self.bearer_on(*k, *at, days);
                let person = &kb().people[k];
                let hint = Hint {
                    office,
                    former: p.former,
                    role,
                };
                let (actor, why) = resolve::person(person, days, hint);
                let rule = if p.agents.is_empty() {
                    "name"
                } else {
                    "title-name"
                };
                (actor, rule, why, Some(Who::Known(k)))
            }
            Some((Who::Unknown(name), ..)) => {
                // "Foreign Minister Jan Nowak of Poland": the state may follow the name.
                let why = "not in the base: coded from the title".to_string();
                let (mut actor, rule) = match country.or_else(|| self.of_object(p.end)) {
                    Some(c) => {
                        let role = if p.former { Some("ELI") } else { role };
                        (group_actor(&c, self.seat_role(&p, role)), "role-appositive")
                    }
                    // "opposition leader Kizza Besigye", "police chief Ali Khan": the title of
                    // a group that is an actor with no state named is placed as the group is.
                    None => match group_rule(&p) {
                        Some(rule) => (stateless(role), rule),
                        None => return,
                    },
                };
                actor.name = Some(name.clone());
                actor.office = office.map(|o| kb().offices[o].id.to_string());
                (actor, rule, why, Some(Who::Unknown(name.clone())))
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
        if matches!(who, Some(Who::Unknown(_))) {
            self.strangers.push(self.found.len());
        }
        self.push(Found {
            start: p.start,
            end: p.end,
            actor,
            place,
            rule,
            why,
            sentence: n,
            person: who,
            head: p.head,
        });
    }

    /// The role of a phrase's people: those of a body that sits in one place are that body's
    /// ("a Taliban spokesman", "Hezbollah officials": the armed groups'; "a Pentagon spokesman":
    /// the military's), not their state's government, unless the phrase names a government
    /// ("the Taliban government").
    fn seat_role(&self, p: &Phrase, role: Option<&'static str>) -> Option<&'static str> {
        let Some(Anchor::Seat(i)) = p.anchor.filter(|_| !p.former) else {
            return role;
        };
        if p.head.is_some_and(|h| kb().names_government(h)) {
            role
        } else {
            Some(kb().seats[i].role)
        }
    }

    /// A phrase of agent words without a name: "Japan's military", "the Russian leader",
    /// "a former Russian president", "the ministry".
    pub(super) fn agent_actor(
        &self,
        n: usize,
        p: &Phrase,
        country: Option<Code>,
        role: Option<&'static str>,
        office: Option<usize>,
        days: Option<Days>,
    ) -> Option<Coded> {
        let determiner = self.determiner(p.start);
        let definite = determiner == Some(true);
        let (country, rule) = match country {
            Some(c) => (c, "agent"),
            None => match self.bare_agent(n, p, role, determiner)? {
                Bare::State(c, rule) => (c, rule),
                Bare::RefersTo(coded) => return Some(coded),
                Bare::Stateless(domestic) => {
                    let rule = if domestic { DOMESTIC } else { GENERIC };
                    return Some((stateless(role), rule, String::new(), None));
                }
            },
        };
        if definite && !p.former && office.is_some_and(leads) {
            if let Some(f) = self.leader_of(n, &country, office?) {
                let why = super::refers_to(&self.text[f.start..f.end]);
                let mut actor = f.actor.clone();
                if let (Some(Who::Known(k)), Some(_)) = (&f.person, days) {
                    actor = resolve::person(&kb().people[*k], days, Hint::default()).0;
                }
                return Some((actor, COREFERENCE, why, f.person.clone()));
            }
        }
        let possessed = matches!(p.anchor, Some(Anchor::State(..))) && self.anchor_possessive(p);
        if (definite || possessed) && !p.former {
            if let Some(found) = office.and_then(|o| self.office_holder(&country, o, days)) {
                return Some(found);
            }
        }
        let role = if p.former { Some("ELI") } else { role };
        // A role that only repeats what the organization is adds nothing: "VGTRK reporter" is
        // VGTRK (media), while "NATO forces" is NATOMIL.
        let role =
            role.filter(|r| !matches!(p.anchor, Some(Anchor::Org(i)) if kb().orgs[i].kind == *r));
        let role = self.seat_role(p, role);
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

    /// Agent words with no state before them: "the government of Shinzo Abe", "the ministry"
    /// (after the Russian Foreign Ministry), "…, the foreign ministry said" (the state the
    /// sentence is about), "Kishida told parliament".
    fn bare_agent(
        &self,
        n: usize,
        p: &Phrase,
        role: Option<&'static str>,
        determiner: Option<bool>,
    ) -> Option<Bare> {
        // "the Ministry of Health of Ethiopia": past the portfolio.
        let of_state = self
            .of_object(p.end)
            .or_else(|| self.of_object(self.past_portfolio(p.end)?));
        if let Some(c) = of_state {
            return Some(Bare::State(c, "agent-of"));
        }
        // "a Security Council resolution": a name in capitals does so whatever its article.
        let name = &self.text[p.start..p.end];
        if determiner == Some(false) && name.split(' ').all(|w| w.starts_with(char::is_uppercase)) {
            if let Some(found) = self.org_named_by_end(&name.to_lowercase()) {
                return Some(found);
            }
        }
        if determiner == Some(true) {
            // Only courts fall back to an organization of their role: "the foreign minister"
            // after "the European Union" is no official of the EU.
            let same_head = |f: &Found| {
                f.head
                    .zip(p.head)
                    .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
            };
            let same_role = |f: &Found| role == Some("JUD") && org_role(f) == role;
            // "the Security Council" after "the U.N. Security Council", anywhere before: the
            // organization whose name ends with the words.
            let words = self.text[p.start..p.end].to_lowercase();
            let words = words.strip_prefix("the ").unwrap_or(&words);
            let same_name = || {
                let names = self.seen.org_names.iter();
                let longer = names.filter(|(name, _)| name.len() > words.len());
                let last = longer
                    .filter(|(name, _)| name.ends_with(words))
                    .map(|e| e.1)
                    .max();
                last.map(|i| &self.found[i])
            };
            if let Some(f) = self
                .earlier(n, same_head)
                .or_else(same_name)
                .or_else(|| self.earlier(n, same_role))
            {
                let why = super::refers_to(&self.text[f.start..f.end]);
                let coded = (f.actor.clone(), COREFERENCE, why, f.person.clone());
                return Some(Bare::RefersTo(coded));
            }
            // "the Security Council" with none named before: the one organization whose name
            // ends with the words ("UN Security Council"). Two words at least: "the council" or
            // "the assembly" may be a state's own.
            if let Some(found) = self.org_named_by_end(words) {
                return Some(found);
            }
            // "demanded the High Representative and the Commission to submit proposals": an
            // office only one organization has (every holder of terms.tsv the EU's) is that
            // organization's, whatever state the sentence names.
            let office = p.agents.iter().find_map(|(_, o, _)| *o);
            if let Some(org) = office.and_then(organization_of_office) {
                return Some(Bare::State(Code(org.to_string(), false), "office-of"));
            }
            // "was summoned to the foreign ministry in Vilnius": a body that stands in a
            // state's place is that state's, whatever state the sentence named first.
            let placed = || self.placed_after(p.end, " in ");
            if let Some(c) = (role == Some("GOV")).then(placed).flatten() {
                return Some(Bare::State(c, "agent-place"));
            }
            if let Some(c) = self.sentence_state(n) {
                return Some(Bare::State(c, "agent-subject"));
            }
        }
        let institution = matches!(role, Some("LEG" | "JUD"));
        if determiner.is_none() && p.agents.len() == 1 && institution {
            if let Some(c) = self.sentence_country(n) {
                return Some(Bare::State(c, "agent-context"));
            }
        }
        // "Russia has denied any involvement and its London embassy warned ...": "its" is the
        // one state the sentence named before it.
        if self.owned_by_its(p.start) {
            let mut states = self
                .in_sentence(n)
                .iter()
                .filter(|f| !f.place && f.actor.role.is_none())
                .filter_map(|f| f.actor.country.clone());
            if let Some(first) = states.next() {
                if states.all(|c| c == first) {
                    return Some(Bare::State(Code(first, true), "possessive"));
                }
            }
        }
        // "Rebels attacked ...": a group that acts on its own is an actor of a state the
        // sentence may still name (`place_generic`), else of none.
        let kind = p.agents.last().map(|a| a.2);
        // "its troops", "their border police" refer back to a state this rule does not resolve.
        if !matches!(kind, Some(AgentKind::Generic | AgentKind::Domestic)) || self.owned(p.start) {
            return None;
        }
        // "dissidents from Myanmar", "rebels in the Ivory Coast", "police in Sialkot" (a
        // city or a province of the gazetteer).
        let placed = [" from ", " in "]
            .into_iter()
            .find_map(|prep| self.placed_after(p.end, prep));
        if let Some(c) = placed {
            return Some(Bare::State(c, GENERIC_PLACE));
        }
        Some(Bare::Stateless(kind == Some(AgentKind::Domestic)))
    }

    /// A phrase of one name: a state, its adjective, a capital, a seat, an organization.
    pub(super) fn anchor_actor(&self, p: &Phrase) -> Option<(Actor, &'static str)> {
        let kb = kb();
        let anchor = p.anchor?;
        let code = self.country_of(anchor)?;
        Some(match anchor {
            Anchor::State(i, adjective) => {
                // "US and British activists": a name used as an adjective shares the role too.
                let role = self.shared_role(p.end);
                let mut a = group_actor(&code, role);
                a.kb_id = Some(format!("state:{}", kb.states[i].code));
                let rule = match adjective {
                    true if self.adjective_of_place(p, true) => PLACE_ADJECTIVE,
                    true => ADJECTIVE,
                    false => "name",
                };
                (a, rule)
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
                (a, super::SEAT)
            }
            Anchor::Org(i) => (self.org_actor(i)?, "organization"),
            Anchor::LastCountry | Anchor::LastOrg => (group_actor(&code, None), COREFERENCE),
            Anchor::Possessor(_) => return None,
        })
    }

    /// The actor of organization `i` of the base.
    fn org_actor(&self, i: usize) -> Option<Actor> {
        let code = self.country_of(Anchor::Org(i))?;
        let mut a = group_actor(&code, None);
        a.kb_id = Some(format!("org:{}", kb().orgs[i].code));
        Some(a)
    }

    /// "Russian and Mongolian troops": the role of the agent words after the next adjective.
    pub(super) fn shared_role(&self, end: usize) -> Option<&'static str> {
        let rest = self.text[end..].strip_prefix(" and ")?;
        let at = self.text.len() - rest.len();
        let i = self.hits.partition_point(|h| h.start < at);
        let adjective = self.hits.get(i).filter(|h| h.start == at)?;
        adjective.find(|s| matches!(s, Sense::Adjective(_)).then_some(()))?;
        let next = self.hits.get(i + 1)?;
        if !self.adjacent(i, i + 1) {
            return None;
        }
        let (role, office, _) = agent_word(next)?;
        let role = office.map_or(role, |o| kb().offices[o].role);
        (!role.is_empty()).then_some(role)
    }

    /// Whether the phrase's state is said with a possessive ("Mongolia's prime minister").
    pub(super) fn anchor_possessive(&self, p: &Phrase) -> bool {
        let i = self.hits.partition_point(|h| h.start < p.start);
        self.hits
            .get(i)
            .is_some_and(|h| h.possessive && h.start == p.start)
            || self
                .hits
                .get(i + 1)
                .is_some_and(|h| h.possessive && anchor_of(h).is_some())
    }

    /// The state a phrase ending at byte `end` is placed in by `preposition` and a name after
    /// it: a state's own name, else a city or a province of the gazetteer ("rebels in Darfur",
    /// "the foreign ministry in Vilnius").
    fn placed_after(&self, end: usize, preposition: &str) -> Option<Code> {
        let named = self.object_of(end, preposition).filter(|c| c.1);
        named.or_else(|| self.place_after(end, preposition))
    }

    /// The state of the place of the gazetteer named right after `preposition` and an optional
    /// "the", where the base names no actor there: "police in Sialkot" are Pakistan's.
    fn place_after(&self, end: usize, preposition: &str) -> Option<Code> {
        let at = self.after_preposition(end, preposition)?;
        let (start, stop) = capitalized_run(self.text, at.checked_sub(1)?)?;
        let name = &self.text[start..stop];
        let state = crate::places::state_of(name)?;
        Some(Code(state, true))
    }

    /// Where the name after `preposition` at byte `end` and an optional "the" starts.
    fn after_preposition(&self, end: usize, preposition: &str) -> Option<usize> {
        let rest = self.text[end..].strip_prefix(preposition)?;
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        Some(self.text.len() - rest.len())
    }

    /// Where the text goes on after the word of lower case letters (and hyphens) at `at`, and
    /// the space after it.
    fn past_lowercase_word(&self, at: usize) -> Option<usize> {
        let rest = &self.text[at..];
        let len = rest.find(' ')?;
        let word = &rest[..len];
        let lower = word.starts_with(|c: char| c.is_lowercase())
            && word.chars().all(|c| c.is_lowercase() || c == '-');
        lower.then_some(at + len + 1)
    }

    /// Where the text goes on after " of " and a portfolio in capitals at `end`: "of Health",
    /// "of Foreign Affairs", "of Trade and Industry" (up to four words).
    fn past_portfolio(&self, end: usize) -> Option<usize> {
        // "Minister of Foreign Affairs and Expatriates of Jordan": an office whose name holds
        // its portfolio may name a second one.
        let after = &self.text[end..];
        let rest = after
            .strip_prefix(" of ")
            .or_else(|| after.strip_prefix(" and "))?;
        let mut at = self.text.len() - rest.len();
        let mut last = None;
        for word in rest.split(' ').take(4) {
            let word = word.trim_end_matches([',', '.', ';', ':']);
            if word.starts_with(|c: char| c.is_uppercase()) {
                last = Some(at + word.len());
            } else if word != "and" || last.is_none() {
                break;
            }
            if word.len() + at >= self.text.len() {
                break;
            }
            at += word.len() + 1;
        }
        last
    }

    /// The one organization whose name ends with `words` (lowercase, two words at least).
    fn org_named_by_end(&self, words: &str) -> Option<Bare> {
        let i = org_ending_with(words)?;
        let why = format!("the only organization named \"… {words}\"");
        let actor = self.org_actor(i)?;
        Some(Bare::RefersTo((actor, "organization", why, None)))
    }

    /// "the government of Shinzo Abe", "the leaders of Mongolia": the country of the name after
    /// "of".
    pub(super) fn of_object(&self, end: usize) -> Option<Code> {
        self.object_of(end, " of ")
    }

    /// The country of the name right after `preposition` (" of ", " from ") and an optional
    /// "the".
    fn object_of(&self, end: usize, preposition: &str) -> Option<Code> {
        let at = self.after_preposition(end, preposition)?;
        let named_at = |at: usize| {
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
        };
        // "dissidents from military-ruled Myanmar", "from war-torn Syria": up to two words of
        // lower case before the name.
        std::iter::successors(Some(at), |&a| self.past_lowercase_word(a))
            .take(3)
            .find_map(named_at)
    }

    /// The state of the first actor named in sentence `n` (its subject, most often).
    pub(super) fn sentence_state(&self, n: usize) -> Option<Code> {
        let mut found = self.in_sentence(n).iter();
        let f = found.find(|f| !f.place && f.actor.country.is_some())?;
        Some(Code(f.actor.country.clone()?, true))
    }

    /// "Kishida told parliament": a bare body takes the country of the person named last
    /// before it in the sentence.
    pub(super) fn sentence_country(&self, n: usize) -> Option<Code> {
        let f = self
            .in_sentence(n)
            .iter()
            .rev()
            .find(|f| f.person.is_some())?;
        Some(Code(f.actor.country.clone()?, true))
    }

    /// The mentions found so far in sentence `n`, the one being read (they are the last).
    fn in_sentence(&self, n: usize) -> &[Found] {
        let from = self
            .found
            .iter()
            .rposition(|f| f.sentence != n)
            .map_or(0, |i| i + 1);
        &self.found[from..]
    }

    /// "Dmitry Medvedev, a former Russian president": the person right before ", a".
    pub(super) fn appositive_person(&self, start: usize) -> Option<&Found> {
        let last = self.found.last()?;
        let gap = self.text.get(last.end..start)?;
        let gap = gap.trim_start_matches(['\'', '\u{2019}', 's']);
        let apposed = [", a ", ", an ", ", the ", ", "].contains(&gap);
        (apposed && last.person.is_some()).then_some(last)
    }

    pub(super) fn country_of(&self, anchor: Anchor) -> Option<Code> {
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
            // "the country": the state the sentence is about ("Japan agreed to pay for American
            // troops in the country"), else the state named last.
            Anchor::LastCountry => self.sentence_state(self.current).or_else(|| {
                let f = &self.found[self.seen.country?];
                Some(state(f.actor.country.as_deref()?))
            })?,
            Anchor::LastOrg => {
                let f = &self.found[self.seen.org?];
                Code(f.actor.org.clone()?, false)
            }
        })
    }

    /// "a visit to Ulan Bator", "across Russia", "the Ulaanbaatar campus": the name of a state
    /// or capital used for the place.
    pub(super) fn is_place(&self, p: &Phrase) -> bool {
        // "marched through Havana's streets", "near Iraq's northern border": a possessive
        // before a place noun after a place word names a place of its own.
        if p.possessive && p.agents.is_empty() && p.name.is_none() {
            return self.adjective_of_place(p, false);
        }
        let Some(anchor) = p.anchor.filter(|_| !p.possessive) else {
            return false;
        };
        let before = crate::text::before(self.text, p.start, 40);
        let mut words = before.split_whitespace().rev();
        let mut word = words.next().unwrap_or("");
        if kb()
            .region_words
            .iter()
            .any(|r| word.eq_ignore_ascii_case(r))
        {
            word = words.next().unwrap_or("");
        }
        let is = |w: &str| word.eq_ignore_ascii_case(w);
        let locative = kb().place_words.iter().any(|w| is(w));
        // "ULAN BATOR (Reuters) -": a dateline names where the story was filed.
        let written = &self.text[p.start..p.end];
        let letters = written.chars().filter(|c| c.is_alphabetic());
        let capitals = letters.clone().all(char::is_uppercase);
        let line_start = p.start == 0 || self.text[..p.start].ends_with('\n');
        let marked = |marks: &[&str]| marks.iter().any(|m| self.text[p.end..].starts_with(m));
        // (Counted in letters: "U.S." is no dateline; nor is a name the knowledge base writes
        // in capitals itself: "USAID contributed".)
        let acronym = match anchor {
            Anchor::Seat(i) => kb().seats[i].name.chars().all(|c| !c.is_lowercase()),
            _ => false,
        };
        let dateline = (capitals && !acronym && letters.count() > 3)
            || (line_start && marked(&[" -", " \u{2014}", " ("]));
        // "Moscow, March 3 -" opens a story; "Iran, Russia and Syria have been pressuring"
        // names states.
        let city_dateline = dateline || (line_start && marked(&[","]));
        // "in Dar es Salaam, Tanzania", "In Cape Town, South Africa": a state after one of its
        // cities and a comma says where it is; "and Nairobi, Kenya": a capital followed by its
        // state is an address.
        let after_city = || {
            let Some(state) = self.country_of(anchor) else {
                return false;
            };
            let Some(head) = self.text[..p.start].trim_end().strip_suffix(',') else {
                return false;
            };
            let words: Vec<&str> = head.split_whitespace().rev().take(3).collect();
            (1..=words.len()).any(|n| {
                let name: Vec<&str> = words[..n].iter().rev().copied().collect();
                crate::places::is_city_of(&name.join(" "), &state.0)
            })
        };
        let addressed = || {
            let state = self.country_of(anchor);
            let next = self.text[p.end..].strip_prefix(", ").unwrap_or("");
            let name: String = next
                .split([',', '.', ';'])
                .next()
                .unwrap_or("")
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            !name.is_empty()
                && state.is_some_and(|c| crate::places::state_of(&name).as_deref() == Some(&c.0))
        };
        match anchor {
            Anchor::State(_, false) => {
                locative || dateline || after_city() || self.adjective_of_place(p, false)
            }
            // "in its capital city Dhaka", "the capital Damascus": a place noun before it.
            Anchor::Capital(_) => {
                let place_noun = || kb().place_nouns.iter().any(|n| is(n));
                locative
                    || city_dateline
                    || addressed()
                    || ["the", "a", "an", "its"].into_iter().any(is)
                    || place_noun()
            }
            // "the Kremlin" takes an article as a name; only a preposition makes it a place.
            Anchor::Seat(_) => locative || dateline,
            _ => false,
        }
    }

    /// "in the Kenyan and Tanzanian capitals", "near the Syrian border", "outside the U.S.
    /// embassies": a state's adjective (or possessive, or name) before a place noun
    /// (place_nouns.txt), after a place word and an article, names a place (for an adjective, rule `place-adjective`: whoever acts there may
    /// be that state speaking, "a report released in the Rwandan capital alleged", but force
    /// used there is not its own).
    ///
    /// Other adjectives may stand between when `names` ("Kenyan and Tanzanian capitals"); after
    /// a possessive, a name between is the place ("in Pakistan's Punjab province": Punjab).
    fn adjective_of_place(&self, p: &Phrase, names: bool) -> bool {
        let kb = kb();
        let before = crate::text::before(self.text, p.start, 40);
        let mut words = before.split_whitespace().rev().peekable();
        // Adjectives coordinated before it: "in the Kenyan and Tanzanian capitals".
        while words.next_if(|w| *w == "and" || w.ends_with(',')).is_some() {
            words.next();
        }
        words.next_if(|w| w.eq_ignore_ascii_case("the"));
        let word = words.next().unwrap_or("");
        if !kb.place_words.iter().any(|w| word.eq_ignore_ascii_case(w)) {
            return false;
        }
        // Other adjectives coordinated with it stand between: "Kenyan and Tanzanian capitals".
        let rest = &self.text[p.end..];
        let rest = ["'s", "\u{2019}s", "'"]
            .iter()
            .find_map(|m| rest.strip_prefix(m))
            .unwrap_or(rest);
        let after = rest.split_whitespace().take(6);
        for w in after {
            let w = w.trim_end_matches([',', '.', ';']);
            if kb.place_nouns.iter().any(|n| w.eq_ignore_ascii_case(n)) {
                return true;
            }
            // "Kenyan and Tanzanian capitals", "Iraq's northern border".
            let another = w == "and" || w.chars().next().is_some_and(char::is_uppercase);
            let joins =
                names && another || kb.region_words.iter().any(|r| w.eq_ignore_ascii_case(r));
            if !joins {
                return false;
            }
        }
        false
    }

    /// The words right before a phrase, nearest first: the three a determiner or possessive
    /// may stand in, past modifiers, and the one before those.
    fn words_before(&self, start: usize) -> impl Iterator<Item = &str> {
        crate::text::before(self.text, start, 60)
            .split_whitespace()
            .rev()
            .take(4)
    }

    /// Whether "its" stands before a phrase, past modifiers ("its own troops"), and opens a
    /// clause there (after a word of data/actors/its_after.txt: "and its troops").
    fn owned_by_its(&self, start: usize) -> bool {
        let words: Vec<&str> = self.words_before(start).collect();
        let Some(its) = words
            .iter()
            .take(3)
            .position(|w| w.eq_ignore_ascii_case("its"))
        else {
            return false;
        };
        // "Russia denied it, its embassy said": a comma before "its" opens a clause too.
        words.get(its + 1).is_some_and(|w| {
            w.ends_with(',') || kb().its_after.contains(&w.to_lowercase().as_str())
        })
    }

    /// Whether a possessive pronoun stands before a phrase, past modifiers ("their border
    /// police", "its own troops").
    fn owned(&self, start: usize) -> bool {
        self.words_before(start).take(3).any(|w| {
            let w = w.to_ascii_lowercase();
            kb().possessives.contains(&w.as_str())
        })
    }

    /// Whether the word before a phrase is a definite (`Some(true)`) or indefinite
    /// (`Some(false)`) article, looking past modifiers and possessives (modifiers.txt).
    pub(super) fn determiner(&self, start: usize) -> Option<bool> {
        for w in self.words_before(start).take(3) {
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
}

/// What a hit anchors a phrase to: a state, its adjective, a capital, a seat, an organization,
/// "the country", "the bloc".
pub(super) fn anchor_of(h: &Hit) -> Option<Anchor> {
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

/// The one organization of the base with a longer name that ends with `words` (lowercase, two
/// words at least): "security council" is the UN Security Council.
fn org_ending_with(words: &str) -> Option<usize> {
    if !words.contains(' ') {
        return None;
    }
    let suffix = format!(" {words}");
    let mut found = kb()
        .orgs
        .iter()
        .enumerate()
        .filter(|(_, o)| o.names.iter().any(|n| n.to_lowercase().ends_with(&suffix)));
    let (i, _) = found.next()?;
    found.next().is_none().then_some(i)
}

/// A modifier or agent word's role and kind.
pub(super) fn agent(s: &Sense) -> Option<(&'static str, AgentKind)> {
    match *s {
        Sense::Agent { role, kind } => Some((role, kind)),
        _ => None,
    }
}

/// The organization every holder of office `o` held it for, when that is one organization and
/// not a state (the EU's High Representative). Worked out once for all offices.
fn organization_of_office(o: usize) -> Option<&'static str> {
    static ORGS: std::sync::LazyLock<Vec<Option<&'static str>>> = std::sync::LazyLock::new(|| {
        let kb = kb();
        let mut seen: Vec<Option<Option<&'static str>>> = vec![None; kb.offices.len()];
        for t in kb.people.iter().flat_map(|p| p.terms.iter()) {
            let slot = &mut seen[t.office];
            *slot = match *slot {
                None => Some(Some(t.country)),
                Some(Some(c)) if c == t.country => Some(Some(c)),
                _ => Some(None),
            };
        }
        seen.into_iter()
            .map(|s| s.flatten().filter(|c| kb.state(c).is_none()))
            .collect()
    });
    ORGS.get(o).copied().flatten()
}

/// An agent word or an office title: its role, its office and its kind.
pub(super) fn agent_word(h: &Hit) -> Option<(&'static str, Option<usize>, AgentKind)> {
    h.find(agent_sense)
}

fn agent_sense(s: &Sense) -> Option<(&'static str, Option<usize>, AgentKind)> {
    match *s {
        Sense::Office(o) => Some((kb().offices[o].role, Some(o), AgentKind::Group)),
        Sense::Agent { role, kind } if kind != AgentKind::Former && kind != AgentKind::Then => {
            Some((role, None, kind))
        }
        _ => None,
    }
}

/// What "the ministry" or "the spokesman" must match: the office, else the last word.
pub(super) fn head_of(words: &'static str, office: Option<usize>) -> &'static str {
    match office {
        Some(o) => kb().offices[o].id,
        None => last_word(words),
    }
}

/// Up to four capitalized words right after `from` (one space between): a name the base does
/// not know, after a title ("spokesman Heorhii Tykhii"). Names of days and months are not names.
pub(super) fn capitalized_run(text: &str, from: usize) -> Option<(usize, usize)> {
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

/// The role of the organization a mention names ("ICC": JUD), from orgs.tsv.
fn org_role(f: &Found) -> Option<&'static str> {
    let code = f.actor.org.as_deref()?;
    let org = kb().orgs.iter().find(|o| o.code == code)?;
    (!org.role.is_empty()).then_some(org.role)
}

/// The rule of a group's mention that names no state ("rebels"); `place_generic` may still
/// give it one.
pub(super) const GENERIC: &str = "generic";

/// The same for a group of a state's own politics ("protesters").
pub(super) const DOMESTIC: &str = "domestic";

/// The rule that places a phrase whose role is that of a group named with no state (the kinds
/// `generic` and `domestic` of agents.tsv and offices.tsv): "opposition leader", "rebels".
fn group_rule(p: &Phrase) -> Option<&'static str> {
    let (_, office, kind) = p.agents.iter().find(|(role, _, _)| !role.is_empty())?;
    match (office.map(|o| kb().offices[o].kind), kind) {
        (Some("generic"), _) | (None, AgentKind::Generic) => Some(GENERIC),
        (Some("domestic"), _) | (None, AgentKind::Domestic) => Some(DOMESTIC),
        _ => None,
    }
}

/// A group of no known state, coded as Phoenix codes it: `---REB`.
pub(super) fn stateless(role: Option<&str>) -> Actor {
    let role = role.filter(|r| !r.is_empty());
    Actor {
        code: [super::kb::NO_STATE, role.unwrap_or("")].concat(),
        role: role.map(str::to_string),
        ..Actor::default()
    }
}

/// The rule of a group's mention whose state is where its phrase or sentence places it.
pub(super) const GENERIC_PLACE: &str = "generic-place";

/// The rule of a state's adjective that names a place of it ("in the Kenyan capital").
pub const PLACE_ADJECTIVE: &str = "place-adjective";
/// The rule of a mention that refers to an actor named before ("the country", "its").
pub const COREFERENCE: &str = "coreference";
/// The rule of a state's adjective that names the state ("Afghan").
pub(super) const ADJECTIVE: &str = "adjective";
