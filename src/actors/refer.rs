//! Words that refer back to actors named before: "the two countries", "the two leaders", "he",
//! "the Russian leader" with no name, a person the base does not know named again by surname.

use super::kb::{kb, CorefKind, Office, Sense};
use super::resolve::{self, Days, Hint};
use super::*;
use crate::events::cues;

/// How many sentences back "the two countries" looks for the pair just named.
const PAIR_BACK: usize = 3;

impl Run<'_> {
    /// "Trong asked ...": the family name of someone the base does not know, named with a
    /// title earlier in the document, names them again.
    pub(super) fn later_surnames(&mut self, n: usize, a: usize, b: usize, from: usize, to: usize) {
        let known: Vec<(String, usize)> = self
            .strangers
            .iter()
            .filter_map(|&i| match &self.found[i].person {
                Some(Who::Unknown(name)) => {
                    Some((surname_of(name, &self.found[i].actor)?.to_string(), i))
                }
                _ => None,
            })
            .collect();
        for (surname, i) in known {
            let sentence = &self.text[a..b];
            for (at, _) in sentence.match_indices(surname.as_str()) {
                let (start, end) = (a + at, a + at + surname.len());
                let edges = crate::text::is_word_edge(self.text, start)
                    && crate::text::is_word_edge(self.text, end);
                let hits = &self.hits[from..to];
                // A surname hit not taken for someone of the base (it would be in `found`)
                // may still be this stranger's.
                let inside_hit = hits
                    .iter()
                    .any(|h| h.start < end && start < h.end && !h.only_surnames());
                let inside_found = self
                    .found_since(n, 0)
                    .iter()
                    .any(|f| f.start < end && start < f.end);
                if !edges || inside_hit || inside_found {
                    continue;
                }
                let f = &self.found[i];
                let why = format!("names \"{}\" again", &self.text[f.start..f.end]);
                let (actor, who) = (f.actor.clone(), f.person.clone());
                self.push_reference(n, (start, end), actor, "surname", why, who);
            }
        }
    }

    /// "both sides of the river": a phrase followed by "of" and a noun names a part of
    /// something, not the two states ("accusing both countries of harbouring" still does).
    pub(super) fn names_a_part(&self, end: usize) -> bool {
        let Some(rest) = self.text[end..].strip_prefix(" of ") else {
            return false;
        };
        let word = rest.split_whitespace().next().unwrap_or("");
        !word.trim_end_matches([',', '.']).ends_with("ing")
    }

    /// "the two countries": the two states the discourse has just paired, else the two most
    /// named so far.
    pub(super) fn pair(&mut self, n: usize, h: &Hit, role: &str) {
        let (codes, why) = match self.paired_lately(n) {
            Some(codes) => (codes, "one of the two states the sentence before named"),
            None => (
                self.two_most_named(),
                "one of the two states most named so far",
            ),
        };
        for code in codes {
            let why = why.to_string();
            let actor = group_actor(&code, Some(role));
            self.push_reference(n, (h.start, h.end), actor, "pair", why, None);
        }
    }

    /// "the resolution": the first actor of the latest sentence before that says a body
    /// adopted or issued one ("The Security Council on Saturday adopted a resolution").
    pub(super) fn issuer(&mut self, n: usize, h: &Hit) {
        let noun = last_word(&self.text[h.start..h.end]).to_ascii_lowercase();
        let Some(f) = (0..n).rev().find_map(|s| self.issued_in(n, s, &noun)) else {
            return;
        };
        let why = format!("issued by \"{}\"", &self.text[f.start..f.end]);
        let (actor, who) = (f.actor.clone(), f.person.clone());
        self.push_reference(n, (h.start, h.end), actor, "issuer", why, who);
    }

    /// "The Security Council adopted a resolution on Saturday. It condemns North Korea's
    /// launches": a sentence that opens with "It" and a verb (not "It is", "It seems":
    /// data/actors/expletive_it.txt) refers to the state or organization the sentence before
    /// opened with; a person or a place there, and "It" stands for something else.
    pub(super) fn it(&mut self, n: usize, h: &Hit) {
        let next = self.text[h.end..].split_whitespace().next().unwrap_or("");
        let next = next.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        let expletive =
            next.is_empty() || kb().expletive_it.contains(&next.to_lowercase().as_str());
        if expletive {
            return;
        }
        let Some(s) = self.sentence_before(n, h.start) else {
            return;
        };
        // The sentence before must open with the actor, "The" at most before it.
        let a = self.sentences[s].0;
        let before = self.found_since(n, n - s).iter().find(|f| f.sentence == s);
        let opening = |f: &&Found| {
            let lead = self.text[a..f.start].trim();
            lead.is_empty() || lead.eq_ignore_ascii_case("the")
        };
        let Some(f) = before
            .filter(|f| opening(f) && !f.place && f.person.is_none() && f.actor.side().is_some())
        else {
            return;
        };
        let why = format!(
            "the sentence before opened with \"{}\"",
            &self.text[f.start..f.end]
        );
        let actor = f.actor.clone();
        self.push_reference(n, (h.start, h.end), actor, "it", why, None);
    }

    /// "raise pressure on North Korea after it launched a missile": a lowercase "it" right
    /// after a word of data/actors/it_after.txt is the state or organization named last before
    /// it in its sentence (not a person or a place).
    pub(super) fn it_after(&mut self, n: usize, h: &Hit) {
        let before = self.text[..h.start].split_whitespace().next_back();
        let opens = before.is_some_and(|w| kb().it_after.contains(&w.to_lowercase().as_str()));
        if !opens {
            return;
        }
        let last = self
            .found_since(n, 0)
            .iter()
            .rfind(|f| f.sentence == n && f.end <= h.start);
        let Some(f) = last.filter(|f| !f.place && f.person.is_none() && f.actor.side().is_some())
        else {
            return;
        };
        let why = format!("named last before it: \"{}\"", &self.text[f.start..f.end]);
        let actor = f.actor.clone();
        self.push_reference(n, (h.start, h.end), actor, "it-after", why, None);
    }

    /// "Lula met Xi Jinping in Beijing. They also held a private meeting": a sentence that
    /// opens with "They" refers to the two sides the sentence before named, when it named
    /// exactly two (people, states or organizations of two sides; places do not count) and
    /// paired them: two people of the base, or two named with "and". A sentence of one side or
    /// of three leaves "They" to someone else.
    pub(super) fn they(&mut self, n: usize, h: &Hit) {
        let Some(s) = self.sentence_before(n, h.start) else {
            return;
        };
        let mut sides: Vec<&Found> = Vec::new();
        let named = self
            .found_since(n, n - s)
            .iter()
            .filter(|f| f.sentence == s);
        for f in named.filter(|f| !f.place) {
            let Some(side) = f.actor.side() else {
                return;
            };
            if !sides.iter().any(|g| g.actor.side() == Some(side)) {
                sides.push(f);
            }
        }
        // Two sides the sentence paired: two people of the base ("Lula met Xi Jinping"), or two
        // named together ("Japan and China"). A state named as another's target ("sanctions against
        // Belarus, the EU leaders asked") is no partner.
        let paired = |a: &Found, b: &Found| {
            let known = |f: &Found| matches!(f.person, Some(Who::Known(_)));
            let people = known(a) && known(b);
            let between = self.text[a.end..b.start].trim();
            people || between == "and" || between == ", and"
        };
        if sides.len() != 2 || !paired(sides[0], sides[1]) {
            return;
        }
        let days = self.days_at(n, h.start);
        let refs: Vec<(Actor, String, Option<Who>)> = sides
            .iter()
            .map(|f| {
                let actor = match &f.person {
                    Some(Who::Known(k)) => {
                        resolve::person(&kb().people[*k], days, Hint::default()).0
                    }
                    _ => f.actor.clone(),
                };
                let why = format!(
                    "one of the two sides of the sentence before: \"{}\"",
                    &self.text[f.start..f.end]
                );
                (actor, why, f.person.clone())
            })
            .collect();
        for (actor, why, who) in refs {
            self.push_reference(n, (h.start, h.end), actor, "they", why, who);
        }
    }

    /// The sentence a word that opens sentence `n` at `at` refers back to: the one before,
    /// when it ends as a sentence does. A line that is no sentence between them (a page's
    /// "CountryWatch: North Korea") is passed over, once.
    fn sentence_before(&self, n: usize, at: usize) -> Option<usize> {
        let opens = n > 0 && self.text[self.sentences[n].0..at].trim().is_empty();
        if !opens {
            return None;
        }
        let ends = |s: usize| {
            let (a, b) = self.sentences[s];
            self.text[a..b]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201d}'])
        };
        let s = if !ends(n - 1) && n >= 2 { n - 2 } else { n - 1 };
        ends(s).then_some(s)
    }

    /// The first actor of sentence `s` when a word of issue_words.txt comes before `noun` there.
    fn issued_in(&self, n: usize, s: usize, noun: &str) -> Option<&Found> {
        // Only sentences with an actor are read: most have none to give.
        let mut named = self.found_since(n, n - s).iter();
        let first = named.find(|f| f.sentence == s && !f.place && f.actor.side().is_some())?;
        let (a, b) = self.sentences[s];
        let words = |from: usize, to: usize| {
            self.text[from..to].split_whitespace().map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_ascii_lowercase()
            })
        };
        let Some(at) = self.text[a..b]
            .to_ascii_lowercase()
            .find(noun)
            .map(|i| a + i)
        else {
            // "The Security Council voted ... to impose sanctions": a vote makes a resolution.
            // Only the verb: "appeared in the chamber for the vote" says no one voted.
            let all: Vec<String> = words(first.end, b).collect();
            let voted = all.iter().enumerate().any(|(i, w)| {
                let noun_before = i > 0 && cues::is(&all[i - 1], cues::Class::Article);
                !noun_before
                    && kb()
                        .vote_words
                        .iter()
                        .any(|&(v, doc)| v == w && doc == noun)
            });
            return voted.then_some(first);
        };
        let said = words(a, at).any(|w| kb().issue_words.contains(&w.as_str()));
        (said && first.start < at).then_some(first)
    }

    /// "The leaders" after "EU leaders met": the last group with the phrase's head named in the
    /// five sentences up to `n`, again; whether there was one.
    pub(super) fn group_again(&mut self, n: usize, h: &Hit) -> bool {
        let head = last_word(&self.text[h.start..h.end]).to_ascii_lowercase();
        let Some(f) =
            self.found_since(n, 5).iter().rev().find(|f| {
                f.person.is_none() && f.head.is_some_and(|x| x.eq_ignore_ascii_case(&head))
            })
        else {
            return false;
        };
        let why = super::refers_to(&self.text[f.start..f.end]);
        let actor = f.actor.clone();
        self.push_reference(n, (h.start, h.end), actor, COREFERENCE, why, None);
        true
    }

    /// "the two leaders": the last two people named within five sentences, each coded for this
    /// sentence's days; whether there were two.
    pub(super) fn two_people(&mut self, n: usize, h: &Hit) -> bool {
        let mut people: Vec<(usize, String)> = Vec::new();
        // Named, not referred to by a pronoun: "his" may have been read as the wrong person.
        let named = self.found.iter().filter(|f| f.rule != super::PRONOUN);
        for f in named.rev().take_while(|f| f.sentence + 5 >= n) {
            if let Some(Who::Known(k)) = f.person {
                if people.len() < 2 && !people.iter().any(|(p, _)| *p == k) {
                    people.push((k, self.text[f.start..f.end].to_string()));
                }
            }
        }
        // Too far back for the last two: the article's principals, the first two people of two
        // states it named ("Xi ... Lula ... [a minister and an ambassador quoted] ... The
        // leaders oversaw the signing").
        if people.len() < 2 {
            people = self.principals();
        }
        if people.len() < 2 {
            return false;
        }
        let days = self.days_at(n, h.start);
        for (k, text) in people.into_iter().rev() {
            let actor = resolve::person(&kb().people[k], days, Hint::default()).0;
            let why = super::refers_to(&text);
            let who = Some(Who::Known(k));
            self.push_reference(n, (h.start, h.end), actor, "pair", why, who);
        }
        true
    }

    /// The first two people of the base the text named, of two states, latest first (as
    /// [`Self::two_people`] collects them); fewer when it named fewer.
    fn principals(&self) -> Vec<(usize, String)> {
        let mut out: Vec<(usize, String, &str)> = Vec::new();
        for f in self.found.iter().filter(|f| f.rule != super::PRONOUN) {
            let (Some(Who::Known(k)), Some(c)) = (&f.person, f.actor.country.as_deref()) else {
                continue;
            };
            if out.len() < 2 && !out.iter().any(|(_, _, other)| *other == c) {
                out.push((*k, self.text[f.start..f.end].to_string(), c));
            }
        }
        out.into_iter().rev().map(|(k, t, _)| (k, t)).collect()
    }

    /// "he", "his", "she": the one person it can stand for, coded for its own sentence's days.
    pub(super) fn pronoun(&mut self, n: usize, h: &Hit, female: bool, object: bool) {
        let Some(f) = self.pronoun_target(n, h.start, female, object) else {
            return;
        };
        let why = super::refers_to(&self.text[f.start..f.end]);
        let (mut actor, who) = (f.actor.clone(), f.person.clone());
        if let Some(Who::Known(k)) = &who {
            let days = self.days_at(n, h.start);
            actor = resolve::person(&kb().people[*k], days, Hint::default()).0;
        }
        self.push_reference(n, (h.start, h.end), actor, super::PRONOUN, why, who);
    }

    /// Records a word that refers to an actor named elsewhere.
    pub(super) fn push_reference(
        &mut self,
        n: usize,
        (start, end): (usize, usize),
        actor: Actor,
        rule: &'static str,
        why: String,
        person: Option<Who>,
    ) {
        self.push(Found {
            start,
            end,
            actor,
            place: false,
            rule,
            why,
            sentence: n,
            person,
            head: None,
        });
    }

    /// The one person a pronoun can stand for: the only person of that sex named earlier in its
    /// sentence, else the only one in the sentence before, else the only one later in its
    /// sentence past the comma of an opening phrase ("During his visit, President Putin ...").
    /// An `object` pronoun ("him") is not its clause's subject, which is most often the
    /// sentence's first person: "Trump called Erdogan and urged him to" is Erdogan.
    pub(super) fn pronoun_target(
        &self,
        n: usize,
        at: usize,
        female: bool,
        object: bool,
    ) -> Option<&Found> {
        let fits = |f: &&Found| match &f.person {
            Some(Who::Known(k)) => kb().people[*k].female == female,
            Some(Who::Unknown(_)) => true,
            None => false,
        };
        // Only this sentence and the one before are looked at.
        let recent = self.found_since(n, 1);
        let people = |keep: &dyn Fn(&Found) -> bool| -> Vec<&Found> {
            recent.iter().filter(fits).filter(|f| keep(f)).collect()
        };
        // "During his visit to Moscow, Fukuda ...": a pronoun in an opening phrase stands for
        // the subject right after its comma.
        // (An opening phrase is short: its comma is looked for within 400 bytes, not to the end of
        // the text.)
        let comma = crate::text::after(self.text, at, 400)
            .find(',')
            .map(|i| at + i + 1);
        let opening = comma.filter(|_| recent.iter().all(|f| f.sentence != n || f.start > at));
        // Not a name after a pronoun subject: "During his visit, he met Premier Li Qiang" is
        // the visitor's visit, whom "he" names.
        let pronoun_between = |c: usize, end: usize| {
            let i = self.hits.partition_point(|h| h.start < c);
            self.hits[i..]
                .iter()
                .take_while(|h| h.start < end)
                .any(|h| {
                    matches!(
                        h.find(coref_kind),
                        Some((CorefKind::He | CorefKind::She, _))
                    )
                })
        };
        // A name later in the sentence only past the comma of an opening phrase that holds the
        // pronoun, with no other pronoun between: "he met Premier Li" is not Li.
        let forward =
            |start: usize| self.text[at..start].contains(',') && !pronoun_between(at + 1, start);
        let subject = |f: &Found| {
            opening.is_some_and(|c| {
                f.start >= c
                    && self.text[c..f.start].trim().len() < 30
                    && !pronoun_between(c, f.start)
            })
        };
        let mut before = people(&|f| f.sentence == n && f.start < at);
        if object && before.len() > 1 {
            before.remove(0);
        }
        let scopes = [
            before,
            people(&|f| f.sentence == n && subject(f))
                .into_iter()
                .take(1)
                .collect(),
            people(&|f| n > 0 && f.sentence + 1 == n),
            people(&|f| f.sentence == n && f.start > at && forward(f.start)),
        ];
        let people = scopes.into_iter().find(|s| !s.is_empty())?;
        let first = people[0];
        people
            .iter()
            .all(|f| f.person == first.person)
            .then_some(first)
    }

    /// The person of `country` holding a leading office most recently named.
    pub(super) fn leader_of(&self, n: usize, country: &Code, office: usize) -> Option<&Found> {
        self.earlier(n, |f| {
            let Some(Who::Known(_)) = f.person else {
                return false;
            };
            let same_country = f.actor.country.as_deref() == Some(country.0.as_str());
            let held = f.actor.office.as_deref().and_then(|id| kb().office(id));
            same_country && held.is_some_and(|held| answers_to(office, held))
        })
    }

    /// The last mention before sentence `n` ends that `pick` accepts, within five sentences.
    pub(super) fn earlier(&self, n: usize, pick: impl Fn(&Found) -> bool) -> Option<&Found> {
        self.found
            .iter()
            .rev()
            .take_while(|f| f.sentence + 5 >= n)
            .find(|f| pick(f))
    }

    /// "the Russian president" with no one named before: whoever held that office for that
    /// state on the sentence's days, when the base knows exactly one person.
    pub(super) fn office_holder(
        &self,
        country: &Code,
        office: usize,
        days: Option<Days>,
    ) -> Option<super::phrase::Coded> {
        let (from, to) = days?;
        let kb = kb();
        let mut holders: Vec<usize> = kb
            .terms_of(&country.0)
            .filter(|(_, t)| answers_to(office, t.office) && t.overlaps(from, to))
            .map(|(k, _)| k)
            .collect();
        holders.dedup();
        let [k] = holders[..] else {
            return None;
        };
        let hint = Hint {
            office: Some(office),
            ..Hint::default()
        };
        let (actor, why) = resolve::person(&kb.people[k], days, hint);
        Some((actor, "office-holder", why, Some(Who::Known(k))))
    }

    /// The two states named most so far in the document as actors (a person counts for their
    /// state; a place does not).
    /// The two states of the latest sentence that names exactly two, of the `PAIR_BACK`
    /// before sentence `n`: "Peru and Chile signed a pact. The two countries ..." are Peru and
    /// Chile, whoever the article names most. `None` when that sentence names more than two
    /// states, or none does.
    fn paired_lately(&self, n: usize) -> Option<Vec<Code>> {
        let recent = self.found_since(n, PAIR_BACK);
        // Not the phrase's own sentence: "The United States and China urged both sides" are
        // not the sides.
        for s in (n.saturating_sub(PAIR_BACK)..n).rev() {
            let mut codes: Vec<&str> = Vec::new();
            let named = recent.iter().filter(|f| f.sentence == s && !f.place);
            for c in named.filter_map(|f| f.actor.country.as_deref()) {
                if !codes.contains(&c) {
                    codes.push(c);
                }
            }
            match codes.len() {
                0 | 1 => continue,
                2 => return Some(codes.iter().map(|c| Code(c.to_string(), true)).collect()),
                _ => return None,
            }
        }
        None
    }

    pub(super) fn two_most_named(&self) -> Vec<Code> {
        let mut counts = self.seen.states.clone();
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
}

/// A referring phrase that is a mention of its own (not one that anchors agent words, as
/// "the country's" and "the bloc's" do).
pub(super) fn coref_kind(s: &Sense) -> Option<(CorefKind, &'static str)> {
    match *s {
        Sense::Coref(k, role) if !matches!(k, CorefKind::Country | CorefKind::Org) => {
            Some((k, role))
        }
        _ => None,
    }
}

/// Offices that "the Russian leader" or "the Japanese president" can refer to.
pub(super) fn leads(office: usize) -> bool {
    let o = &kb().offices[office];
    o.kind == "leading" || heads(o)
}

/// Whether a title of office `named` can refer to a holder of office `held`: the same office,
/// or any head of state or government for "leader" ("the Russian leader").
fn answers_to(named: usize, held: usize) -> bool {
    let offices = &kb().offices;
    named == held || offices[named].kind == "leading" && heads(&offices[held])
}

/// Whether an office heads a state or its government.
fn heads(o: &Office) -> bool {
    o.kind == "head-of-state" || o.kind == "head-of-government"
}

/// The word of a name the base does not know that names the person alone: the family name,
/// first or last by the custom of their state.
pub(super) fn surname_of<'a>(name: &'a str, actor: &Actor) -> Option<&'a str> {
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
