//! The actors stage: every mention of a state, organization, seat of power, official or group
//! in the body, coded CAMEO-style (`RUSGOV`, `JPNMIL`, `ICC`) for the days its sentence speaks
//! of.
//!
//! Three steps: [`matcher`] finds every name of the knowledge base ([`kb`](mod@kb)) in one pass;
//! `phrase` joins adjacent names into phrases ("Russian" + "President" + "Vladimir Putin",
//! "Japan's" + "military", "Ukrainian" + "Foreign Ministry spokesman" + an unknown name) and
//! `refer` resolves words that refer back ("the two countries", "he", a surname); [`resolve`]
//! codes a person by their terms of office on the sentence's days. This module walks the
//! sentences and keeps what was found.
//!
//! Invariant: no knowledge in code. Names, roles, offices and terms are in `data/actors/`.

pub mod check;
pub mod coverage;
pub mod kb;
pub mod matcher;
mod phrase;
pub use phrase::{COREFERENCE, PLACE_ADJECTIVE};
mod refer;
pub mod resolve;

use crate::document::{Actor, Document, Mention};
use crate::text::{ByteOffsets, CharOffsets};
use crate::time::iso_day;
use kb::{kb, CorefKind, Sense};
use matcher::Hit;
use phrase::anchor_of;
use refer::coref_kind;
use resolve::Days;
use rustc_hash::FxHashSet;

/// (earlier state, the state that continues it) from `data/actors/successors.tsv`.
static EARLIER: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
    std::sync::LazyLock::new(|| {
        crate::knowledge::rows(include_str!("../../data/actors/successors.tsv"))
            .flat_map(|r| {
                let later = r[0];
                crate::knowledge::list(r[1])
                    .into_iter()
                    .map(move |e| (e, later))
            })
            .collect()
    });

/// The state that continues `state` in the record (`SUN` -> `RUS`), or `state` itself.
pub fn continuing(state: &str) -> &str {
    EARLIER
        .iter()
        .find(|(e, _)| *e == state)
        .map_or(state, |(_, later)| later)
}

/// Whether `code` is a state of the knowledge base (present or historical), not an
/// organization.
pub fn is_state(code: &str) -> bool {
    kb::kb().state(code).is_some()
}

/// The name of a state or organization of the knowledge base (`JPN`: "Japan", `EU`: "European
/// Union"), for people who do not read the codes.
pub fn side_name(code: &str) -> Option<&'static str> {
    let kb = kb::kb();
    kb.state(code)
        .map(|s| s.name)
        .or_else(|| kb.orgs.iter().find(|o| o.code == code).map(|o| o.names[0]))
}

/// The state that continues `state` and every state it continues: what a query for `state`
/// means (`RUS` -> `RUS`, `SUN`).
pub fn lineage(state: &str) -> Vec<&str> {
    let last = continuing(state);
    let earlier = EARLIER.iter().filter(|(_, l)| *l == last).map(|(e, _)| *e);
    std::iter::once(last).chain(earlier).collect()
}

/// The mentions of actors in a document's body. Reads the body, its sentences, its time
/// expressions and its publication date.
/// The rule of a mention named as a seat of power or an institution (data/actors/seats.tsv:
/// "the Kremlin", "the Oval Office", "USAID").
pub const SEAT: &str = "seat";

/// The rule of a mention that is a pronoun ("he", "him", "his") standing for a person named.
pub const PRONOUN: &str = "pronoun";

/// Whether a mention's rule gave a group a state its own words do not name: the sentence's
/// ("troops"), or that of a place near it ("troops ... to Uganda").
pub fn state_assumed(rule: &str) -> bool {
    matches!(rule, phrase::GENERIC | phrase::GENERIC_PLACE)
}

/// A referring mention's `why`: the words of the name it stands for.
pub fn refers_to(name: &str) -> String {
    format!("refers to \"{name}\"")
}

/// The name a referring mention's `why` ([`refers_to`]) quotes, if it quotes one.
pub fn referred_name(why: &str) -> Option<&str> {
    why.strip_prefix("refers to \"")?.strip_suffix('"')
}

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
        seen: Seen::default(),
        strangers: Vec::new(),
        current: 0,
        sentences: sentences.clone(),
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

/// Whether a state's or a person's name is the start of an institution's name: capitalized
/// words (joined by "and", "of", "for") that end in a word such as "Centre" ("the Harry Truman
/// Library").
fn inside_name(text: &str, h: &Hit) -> bool {
    let person = h.senses().iter().any(|s| matches!(s, Sense::Person(_)));
    if anchor_of(h).is_none() && !person {
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
    head: Option<&'static str>,
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
    /// The mentions found so far, in the order of their sentences (`push`).
    found: Vec<Found>,
    /// What the references look back for, kept as mentions are found: a long text must not
    /// make each reference read every mention before it.
    seen: Seen,
    /// Which of `found` name someone the base does not know, from a title.
    strangers: Vec<usize>,
    /// The sentence being read, and every sentence's byte range.
    current: usize,
    sentences: Vec<(usize, usize)>,
    /// The time expressions that date what their sentence says, in text order.
    dates: Vec<Dated>,
    published: Option<Days>,
}

/// What the mentions found so far hold, for references to look up.
#[derive(Default)]
struct Seen {
    /// People of the base named.
    people: FxHashSet<usize>,
    /// The last mention of a state, and of an organization.
    country: Option<usize>,
    org: Option<usize>,
    /// States named (not as places): code, mentions, the first mention.
    states: Vec<(String, usize, usize)>,
    /// The names organizations were named by, in lowercase, each with its last mention: "the
    /// Security Council" looks for one whose name ends so, among names, not mentions.
    org_names: Vec<(String, usize)>,
}

impl Run<'_> {
    /// Adds a mention found in the sentence being read.
    fn push(&mut self, f: Found) {
        let i = self.found.len();
        let seen = &mut self.seen;
        if let Some(Who::Known(k)) = f.person {
            seen.people.insert(k);
        }
        if let Some(c) = &f.actor.country {
            seen.country = Some(i);
            if !f.place {
                match seen.states.iter_mut().find(|(k, ..)| k == c) {
                    Some(e) => e.1 += 1,
                    None => seen.states.push((c.clone(), 1, i)),
                }
            }
        }
        if f.actor.org.is_some() {
            seen.org = Some(i);
            let name = self.text[f.start..f.end].to_lowercase();
            match seen.org_names.iter_mut().find(|(n, _)| *n == name) {
                Some(e) => e.1 = i,
                None => seen.org_names.push((name, i)),
            }
        }
        self.found.push(f);
    }

    /// The mentions of sentences `n - back` to the last one read.
    fn found_since(&self, n: usize, back: usize) -> &[Found] {
        let from = self.found.partition_point(|f| f.sentence + back < n);
        &self.found[from..]
    }

    fn sentence(&mut self, n: usize, a: usize, b: usize) {
        let from = self.hits.partition_point(|h| h.start < a);
        let to = self.hits.partition_point(|h| h.start < b);
        self.current = n;
        self.later_surnames(n, a, b, from, to);
        let mut i = from;
        let mut pronouns = Vec::new();
        while i < to {
            let h = self.hits[i];
            let referring = h.find(coref_kind).filter(|_| !self.names_a_part(h.end));
            match referring {
                Some((k @ (CorefKind::He | CorefKind::HeObject | CorefKind::She), _)) => {
                    pronouns.push((h, k))
                }
                Some((CorefKind::Pair, role)) => self.pair(n, &h, role),
                Some((CorefKind::Leaders, _)) => {
                    self.two_people(n, &h);
                }
                Some((CorefKind::LeadersOrGroup, _)) => {
                    let _ = self.group_again(n, &h) || self.two_people(n, &h);
                }
                Some((CorefKind::Issuer, _)) => self.issuer(n, &h),
                Some((CorefKind::It, _)) => self.it(n, &h),
                Some((CorefKind::ItAfter, _)) => self.it_after(n, &h),
                Some((CorefKind::They, _)) => self.they(n, &h),
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
            self.pronoun(n, &h, kind == CorefKind::She, kind == CorefKind::HeObject);
        }
        self.place_generic(n);
    }

    /// "Rebels attacked a police station in northern Mali": a group of no state named is of
    /// the one state whose places its sentence names. A group of a state's own politics is
    /// else of the state the text is about: the first its sentence names, else the last the
    /// sentence before named ("Mongolia's parliament must approve it. Opposition lawmakers
    /// have warned ...").
    fn place_generic(&mut self, n: usize) {
        let from = self.found.partition_point(|f| f.sentence < n);
        let this = &self.found[from..];
        let group = |f: &Found| matches!(f.rule, phrase::GENERIC | phrase::DOMESTIC);
        if !this.iter().any(group) {
            return;
        }
        let states = |place: bool| {
            let mut codes: Vec<&str> = Vec::new();
            for c in this.iter().filter(|f| f.place == place) {
                if let Some(c) = c.actor.country.as_deref().filter(|c| !codes.contains(c)) {
                    codes.push(c);
                }
            }
            codes
        };
        let places = states(true);
        let place = (places.len() == 1).then(|| places[0].to_string());
        let before = self.found[..from].iter().rev();
        let previous = before
            .take_while(|f| f.sentence + 1 == n)
            .find(|f| !f.place && f.actor.country.is_some())
            .and_then(|f| f.actor.country.clone());
        let about = states(false).first().map(|c| c.to_string()).or(previous);
        for f in &mut self.found[from..] {
            let state = match f.rule {
                phrase::GENERIC => place.clone(),
                phrase::DOMESTIC => place.clone().or(about.clone()),
                _ => continue,
            };
            if let Some(state) = state {
                // A titled stranger keeps his name and office ("opposition leader Kizza Besigye").
                let placed = group_actor(&Code(state, true), f.actor.role.as_deref());
                let (name, office) = (f.actor.name.take(), f.actor.office.take());
                f.actor = Actor {
                    name,
                    office,
                    ..placed
                };
                f.rule = phrase::GENERIC_PLACE;
            }
        }
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
        // "The Afghan Taliban": a state's adjective right before a group of that state says
        // which group it is; the group is the one actor.
        let text = self.text;
        let qualifies = |a: &Found, b: &Found| {
            a.rule == phrase::ADJECTIVE
                && !b.place
                && b.rule != phrase::ADJECTIVE
                && text.get(a.end..b.start) == Some(" ")
                && a.actor.country.is_some()
                && a.actor.country == b.actor.country
        };
        let absorbed: Vec<bool> = found
            .windows(2)
            .map(|w| qualifies(&w[0], &w[1]))
            .chain([false])
            .collect();
        let mut absorbed = absorbed.into_iter();
        found.retain(|_| !absorbed.next().unwrap_or(false));
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

/// The actor of a state or organization in a role (`JPN` + `MIL` = `JPNMIL`).
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

/// The last word of a text.
fn last_word(s: &str) -> &str {
    s.split_whitespace().next_back().unwrap_or("")
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
        let word = last_word(crate::text::before(&doc.body, start, 16));
        let determiners = ["a", "an", "the", "its", "their", "his", "her"];
        if determiners.iter().any(|d| word.eq_ignore_ascii_case(d)) {
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

#[cfg(test)]
mod tests;
