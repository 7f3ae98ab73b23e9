//! The actors' knowledge base: states, seats of power, organizations, agents, offices, people
//! and their terms, read once from the files under `data/actors/` (embedded at build time).
//!
//! Every name the recognizer looks for becomes a [`Surface`] with the [`Sense`]s it can have;
//! the recognizer never reads the files itself.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Days, NaiveDate};

use crate::knowledge;

const STATES: &str = include_str!("../../data/actors/states.tsv");
const SEATS: &str = include_str!("../../data/actors/seats.tsv");
const ORGS: &str = include_str!("../../data/actors/orgs.tsv");
const ARMED_GROUPS: &str = include_str!("../../data/actors/armed_groups.tsv");
const AGENTS: &str = include_str!("../../data/actors/agents.tsv");
const OFFICES: &str = include_str!("../../data/actors/offices.tsv");
const PEOPLE: &str = include_str!("../../data/actors/people.tsv");
const TERMS: &str = include_str!("../../data/actors/terms.tsv");
const COREF: &str = include_str!("../../data/actors/coref.tsv");
const NOT_ACTORS: &str = include_str!("../../data/actors/not_actors.tsv");
const NAME_HEADS: &str = include_str!("../../data/actors/name_heads.txt");
const PLACE_WORDS: &str = include_str!("../../data/actors/place_words.txt");
const MODIFIERS: &str = include_str!("../../data/actors/modifiers.txt");
const GROUP_MODIFIERS: &str = include_str!("../../data/actors/group_modifiers.txt");
const GOVERNMENT_WORDS: &str = include_str!("../../data/actors/government_words.txt");
const REGION_WORDS: &str = include_str!("../../data/actors/region_words.txt");
const PLACE_NOUNS: &str = include_str!("../../data/actors/place_nouns.txt");
const ISSUE_WORDS: &str = include_str!("../../data/actors/issue_words.txt");
const VOTE_WORDS: &str = include_str!("../../data/actors/vote_words.txt");
const EXPLETIVE_IT: &str = include_str!("../../data/actors/expletive_it.txt");
const IT_AFTER: &str = include_str!("../../data/actors/it_after.txt");
const ITS_AFTER: &str = include_str!("../../data/actors/its_after.txt");
const POSSESSIVES: &str = include_str!("../../data/actors/possessives.txt");
const FAMILY_FIRST: &str = include_str!("../../data/actors/family_name_first.txt");

/// A state, a territory or a historical state.
#[derive(Debug)]
pub struct State {
    pub code: &'static str,
    pub name: &'static str,
}

/// A building or institution that stands for a state's government ("the Kremlin").
#[derive(Debug)]
pub struct Seat {
    pub name: &'static str,
    pub country: &'static str,
    pub role: &'static str,
    /// The state it lies in, when that is not `country` (Brussels, seat of the EU: BEL).
    pub located_in: &'static str,
}

/// An international organization, a region named as an actor, or a news organization.
#[derive(Debug)]
pub struct Org {
    pub code: &'static str,
    /// Its names, the first the one it is shown by.
    pub names: Vec<&'static str>,
    /// IGO, NGO, REG (region), MED (media).
    pub kind: &'static str,
    /// The role of the body, for "the court" after the ICC.
    pub role: &'static str,
}

/// An office people hold (`prime-minister`).
#[derive(Debug)]
pub struct Office {
    pub id: &'static str,
    /// The words that name it: "prime minister", "premier", "PM".
    pub titles: Vec<&'static str>,
    pub role: &'static str,
    /// `head-of-state`, `head-of-government`, `foreign-minister` or `other`.
    pub kind: &'static str,
}

/// One term of office.
#[derive(Debug, Clone)]
pub struct Term {
    pub office: usize,
    /// ISO3 code of a state, or the code of an organization (EU, UNO, NATO, ICC).
    pub country: &'static str,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    /// How well `start` and `end` are known.
    pub dates: Dates,
}

/// How well the days of a term are known (terms.tsv's `dates` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dates {
    /// To the day.
    Day,
    /// To the month: the day written may be off by up to a month.
    Month,
    /// To the year: the month written may be off by up to a year.
    Year,
}

impl Dates {
    fn parse(field: Option<&str>) -> Dates {
        match field.unwrap_or("") {
            "" => Dates::Day,
            "month" => Dates::Month,
            "year" => Dates::Year,
            other => panic!("data/actors/terms.tsv: dates is month, year or -, not {other:?}"),
        }
    }

    /// How many days either end of the term may be off.
    pub fn slack(self) -> u64 {
        match self {
            Dates::Day => 0,
            Dates::Month => 31,
            Dates::Year => 366,
        }
    }
}

impl Term {
    /// Whether the term overlaps the days `from..=to`.
    pub fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.start <= to && self.end.is_none_or(|e| e >= from)
    }

    /// The days the term may have covered, given how well its dates are known (`widest`), or
    /// the days it surely covered (`!widest`; possibly none, then `start` > `end`).
    pub fn span(&self, widest: bool) -> (NaiveDate, Option<NaiveDate>) {
        let slack = Days::new(self.dates.slack());
        if widest {
            (self.start - slack, self.end.map(|e| e + slack))
        } else {
            (self.start + slack, self.end.map(|e| e - slack))
        }
    }
}

#[derive(Debug)]
pub struct Person {
    /// `person:vladimir-putin`; a namesake's has its qualifier: `person:andris-berzins-1951`.
    pub id: String,
    pub name: &'static str,
    /// Other people of the base with the same name (written `Name (qualifier)` in the data).
    pub namesakes: Vec<usize>,
    pub surname: &'static str,
    pub also: Vec<&'static str>,
    pub female: bool,
    pub country: &'static str,
    /// CAMEO code outside any office (MED for a journalist), empty when none.
    pub role: &'static str,
    pub terms: Vec<Term>,
}

impl Person {
    /// Whether the person is of `country`: by nationality, or by a term of office there.
    pub fn is_of(&self, country: &str) -> bool {
        self.country == country || self.terms.iter().any(|t| t.country == country)
    }
}

/// What a word of an agent list does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentKind {
    /// A body of people or a member of one: "army", "spokesman".
    Group,
    /// A group that is an actor without a state before it: "rebels", "troops".
    Generic,
    /// A group of a state's own politics, an actor without a state before it, of the state
    /// the text is about: "protesters", "lawmakers".
    Domestic,
    /// A word before a name that names no office: "Gen.".
    Title,
    /// "Mr", "Mrs": no role, but the next capitalized words are a name.
    Honorific,
    /// "former", "ex-".
    Former,
    /// "then-": the office held at the time of the sentence.
    Then,
}

/// What a phrase that refers back stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorefKind {
    Pair,
    Leaders,
    /// "the leaders": the last two people named, unless a group of leaders was named before.
    LeadersOrGroup,
    Org,
    Country,
    He,
    /// "him": as "he", but not its clause's subject.
    HeObject,
    She,
    /// "the resolution": the body that adopted or issued it.
    Issuer,
    /// A sentence-opening "It" and a verb: the state or organization the sentence before
    /// opened with.
    It,
    /// A lowercase "it" after "after", "because"…: the state or organization named last in
    /// its sentence.
    ItAfter,
    /// A sentence-opening "They": the two sides the sentence before named.
    They,
}

/// One meaning a surface can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense {
    State(usize),
    /// An adjective or demonym of a state: "Russian", "Russians".
    Adjective(usize),
    Capital(usize),
    Seat(usize),
    Org(usize),
    /// A full name or another name of a person that names them alone.
    Person(usize),
    /// A surname, which names a person only after a title or after their full name.
    Surname(usize),
    Agent {
        role: &'static str,
        kind: AgentKind,
    },
    /// An office title ("prime minister"); its role is the office's.
    Office(usize),
    /// A phrase that refers back, and the role it adds ("both governments": GOV).
    Coref(CorefKind, &'static str),
    /// Part of a phrase that names no actor ("Rome Statute").
    NotActor,
}

/// A string the recognizer looks for, with how its case must match.
#[derive(Debug)]
pub struct Surface {
    pub text: String,
    pub case: Case,
    pub senses: Vec<Sense>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Lowercase in the data: any case in the text.
    Any,
    /// Capitalized in the data: the first letter must be a capital in the text.
    Capitalized,
    /// All capitals in the data ("US", "NATO"): exactly as written.
    Exact,
}

impl Case {
    fn of(text: &str) -> Case {
        let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
        match letters.first() {
            Some(c) if c.is_uppercase() => {
                if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
                    Case::Exact
                } else {
                    Case::Capitalized
                }
            }
            _ => Case::Any,
        }
    }
}

pub struct Kb {
    pub states: Vec<State>,
    state_index: HashMap<&'static str, usize>,
    /// The terms held for each state or organization: (person, term index).
    holders: HashMap<&'static str, Vec<(usize, usize)>>,
    pub seats: Vec<Seat>,
    pub orgs: Vec<Org>,
    pub offices: Vec<Office>,
    pub people: Vec<Person>,
    pub surfaces: Vec<Surface>,
    /// Last words of institutions' names ("Centre"), inside which a state is no actor.
    pub name_heads: Vec<&'static str>,
    /// Words after which a state or capital is a place ("in", "visited").
    pub place_words: Vec<&'static str>,
    /// "northern": between a place word and a state's name ("in northern Mali").
    pub region_words: Vec<&'static str>,
    /// "capital", "waters": after a state's adjective, a place of that state.
    pub place_nouns: Vec<&'static str>,
    /// "adopted", "issued": a sentence with one before "a resolution" names who issued it.
    pub issue_words: Vec<&'static str>,
    /// "voted": the document a vote makes ("resolution"), issued by the body that voted.
    pub vote_words: Vec<(&'static str, &'static str)>,
    /// "is", "seems": after one, a sentence-opening "It" is no actor.
    pub expletive_it: Vec<&'static str>,
    /// Words after which a lowercase "it" is the state or organization named last.
    pub it_after: Vec<&'static str>,
    /// Words after which "its" opens a clause (data/actors/its_after.txt).
    pub its_after: Vec<&'static str>,
    /// "its", "their": a group after one is no mention of its own.
    pub possessives: Vec<&'static str>,
    /// Words that may stand between "the" and a role ("the outgoing Russian leader").
    pub modifiers: Vec<&'static str>,
    /// Words that may stand between a state's adjective and a group ("Irish nationalist
    /// guerrillas").
    pub group_modifiers: Vec<&'static str>,
    /// "administration": after a leader's name, the leader's government.
    pub government_words: Vec<&'static str>,
    /// States whose people are named family name first ("Lin Jian" is "Lin").
    pub family_name_first: Vec<&'static str>,
}

static KB: LazyLock<Kb> = LazyLock::new(Kb::load);

/// The knowledge base, loaded on first use.
pub fn kb() -> &'static Kb {
    &KB
}

/// The code prefix of a group of no known state, as Phoenix writes it (`---REB`).
pub const NO_STATE: &str = "---";

impl Kb {
    /// Whether the base can have given actor code `code` (any case): it starts with a state's,
    /// an organization's or an armed group's code, or with `NO_STATE`.
    pub fn can_code(&self, code: &str) -> bool {
        let code = code.to_uppercase();
        let mut base = (self.states.iter().map(|s| s.code))
            .chain(self.orgs.iter().map(|o| o.code))
            .chain(self.seats.iter().map(|s| s.country))
            .chain([NO_STATE]);
        base.any(|b| code.starts_with(b))
    }

    /// Whether `word` (any case) names a government (government_words.txt: "administration").
    pub fn names_government(&self, word: &str) -> bool {
        self.government_words
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
    }

    /// Whether an organization code names news media (kind MED: "the Associated Press").
    pub fn is_media(&self, code: &str) -> bool {
        self.orgs.iter().any(|o| o.code == code && o.kind == "MED")
    }

    fn load() -> Kb {
        let mut kb = Kb {
            states: Vec::new(),
            state_index: HashMap::new(),
            holders: HashMap::new(),
            seats: Vec::new(),
            orgs: Vec::new(),
            offices: Vec::new(),
            people: Vec::new(),
            surfaces: Vec::new(),
            name_heads: knowledge::words(NAME_HEADS).collect(),
            place_words: knowledge::words(PLACE_WORDS).collect(),
            region_words: knowledge::words(REGION_WORDS).collect(),
            place_nouns: knowledge::words(PLACE_NOUNS).collect(),
            issue_words: knowledge::words(ISSUE_WORDS).collect(),
            vote_words: knowledge::rows(VOTE_WORDS).map(|r| (r[0], r[1])).collect(),
            expletive_it: knowledge::words(EXPLETIVE_IT).collect(),
            it_after: knowledge::words(IT_AFTER).collect(),
            its_after: knowledge::words(ITS_AFTER).collect(),
            possessives: knowledge::words(POSSESSIVES).collect(),
            modifiers: knowledge::words(MODIFIERS).collect(),
            group_modifiers: knowledge::words(GROUP_MODIFIERS).collect(),
            government_words: knowledge::words(GOVERNMENT_WORDS).collect(),
            family_name_first: knowledge::words(FAMILY_FIRST).collect(),
        };
        let mut found = Names::default();
        for r in knowledge::rows(STATES) {
            let i = kb.states.len();
            kb.state_index.insert(r[0], i);
            let names = knowledge::list(r[1]);
            kb.states.push(State {
                code: r[0],
                name: names[0],
            });
            for n in &names {
                found.add(n, Sense::State(i));
            }
            for a in knowledge::list(r[2]) {
                found.add(a, Sense::Adjective(i));
            }
            for c in knowledge::list(r[3]) {
                found.add(c, Sense::Capital(i));
            }
        }
        for r in knowledge::rows(SEATS) {
            let i = kb.seats.len();
            found.add(r[0], Sense::Seat(i));
            kb.seats.push(Seat {
                name: r[0],
                country: r[1],
                role: r[2],
                located_in: if r[3].is_empty() { r[1] } else { r[3] },
            });
        }
        // An armed group stands for its side as a seat stands for its government: "Hamas said"
        // is PSEREB, "Kremlin said" RUSGOV.
        for r in knowledge::rows(ARMED_GROUPS) {
            for name in knowledge::list(r[0]) {
                let i = kb.seats.len();
                found.add(name, Sense::Seat(i));
                kb.seats.push(Seat {
                    name,
                    country: r[1],
                    role: r[2],
                    located_in: r[1],
                });
            }
        }
        for r in knowledge::rows(ORGS) {
            let names = knowledge::list(r[1]);
            let i = kb.orgs.len();
            for n in &names {
                found.add(n, Sense::Org(i));
            }
            kb.orgs.push(Org {
                code: r[0],
                names: names.clone(),
                kind: r[2],
                role: r[3],
            });
        }
        for r in knowledge::rows(OFFICES) {
            let i = kb.offices.len();
            for t in knowledge::list(r[1]) {
                found.add(t, Sense::Office(i));
            }
            kb.offices.push(Office {
                id: r[0],
                titles: knowledge::list(r[1]),
                role: r[2],
                kind: r[3],
            });
        }
        for r in knowledge::rows(AGENTS) {
            let kind = match r[2] {
                "group" => AgentKind::Group,
                "generic" => AgentKind::Generic,
                "domestic" => AgentKind::Domestic,
                "title" => AgentKind::Title,
                "honorific" => AgentKind::Honorific,
                "former" => AgentKind::Former,
                "then" => AgentKind::Then,
                other => panic!("data/actors/agents.tsv: unknown kind {other:?}"),
            };
            found.add(r[0], Sense::Agent { role: r[1], kind });
        }
        for r in knowledge::rows(COREF) {
            let kind = match r[1] {
                "pair" => CorefKind::Pair,
                "leaders" => CorefKind::Leaders,
                "leaders-or-group" => CorefKind::LeadersOrGroup,
                "org" => CorefKind::Org,
                "country" => CorefKind::Country,
                "he" => CorefKind::He,
                "he-object" => CorefKind::HeObject,
                "she" => CorefKind::She,
                "issuer" => CorefKind::Issuer,
                "it" => CorefKind::It,
                "it-after" => CorefKind::ItAfter,
                "they" => CorefKind::They,
                other => panic!("data/actors/coref.tsv: unknown kind {other:?}"),
            };
            found.add(r[0], Sense::Coref(kind, r[2]));
        }
        for r in knowledge::rows(NOT_ACTORS) {
            found.add(r[0], Sense::NotActor);
        }
        kb.people = load_people(&kb.offices);
        for (k, p) in kb.people.iter().enumerate() {
            for (i, t) in p.terms.iter().enumerate() {
                kb.holders.entry(t.country).or_default().push((k, i));
            }
        }
        for (i, p) in kb.people.iter().enumerate() {
            found.add(p.name, Sense::Person(i));
            for a in &p.also {
                found.add(a, Sense::Person(i));
            }
            found.add(p.surname, Sense::Surname(i));
        }
        kb.surfaces = found.surfaces;
        kb
    }

    pub fn office(&self, id: &str) -> Option<usize> {
        self.offices.iter().position(|o| o.id == id)
    }

    /// Every term held for `country` (a state or an organization), with its holder.
    pub fn terms_of<'a>(&'a self, country: &str) -> impl Iterator<Item = (usize, &'a Term)> + 'a {
        let list = self.holders.get(country).map_or(&[][..], Vec::as_slice);
        list.iter().map(|&(k, i)| (k, &self.people[k].terms[i]))
    }

    pub fn state(&self, code: &str) -> Option<&State> {
        self.state_index.get(code).map(|&i| &self.states[i])
    }
}

/// The surfaces being gathered, each once with all its senses.
#[derive(Default)]
struct Names {
    surfaces: Vec<Surface>,
    index: HashMap<String, usize>,
}

impl Names {
    fn add(&mut self, text: &str, sense: Sense) {
        for text in variants(text) {
            let i = *self.index.entry(text.clone()).or_insert_with(|| {
                self.surfaces.push(Surface {
                    case: Case::of(&text),
                    text,
                    senses: Vec::new(),
                });
                self.surfaces.len() - 1
            });
            if !self.surfaces[i].senses.contains(&sense) {
                self.surfaces[i].senses.push(sense);
            }
        }
    }
}

/// The spellings a name is looked for under: as written, with a typographic apostrophe, and
/// without accents ("Erdoğan" is also found as "Erdogan").
fn variants(text: &str) -> Vec<String> {
    let mut out = vec![text.to_string()];
    if text.contains('\'') {
        out.push(text.replace('\'', "\u{2019}"));
    }
    let plain = deunicode::deunicode(text);
    if !out.contains(&plain) {
        out.push(plain);
    }
    out
}

fn load_people(offices: &[Office]) -> Vec<Person> {
    let day = |s| knowledge::date("data/actors/terms.tsv", s);
    let mut people: Vec<Person> = Vec::new();
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    let mut person = |people: &mut Vec<Person>, key: &'static str| -> usize {
        *by_name.entry(key).or_insert_with(|| {
            let name = unqualified(key);
            people.push(Person {
                id: format!("person:{}", slug(key)),
                name,
                namesakes: Vec::new(),
                surname: name.rsplit(' ').next().unwrap_or(name),
                also: Vec::new(),
                female: false,
                country: "",
                role: "",
                terms: Vec::new(),
            });
            people.len() - 1
        })
    };
    for r in knowledge::rows(TERMS) {
        let office = offices
            .iter()
            .position(|o| o.id == r[1])
            .unwrap_or_else(|| panic!("data/actors/terms.tsv: unknown office {:?}", r[1]));
        let i = person(&mut people, r[0]);
        people[i].terms.push(Term {
            office,
            country: r[2],
            start: day(r[3]),
            end: (!r[4].is_empty()).then(|| day(r[4])),
            dates: Dates::parse(r.get(5).copied()),
        });
    }
    for r in knowledge::rows(PEOPLE) {
        let i = person(&mut people, r[0]);
        let p = &mut people[i];
        if !r[1].is_empty() {
            p.surname = r[1];
        }
        p.also = knowledge::list(r[2]);
        p.female = r[3] == "f";
        p.country = r[4];
        p.role = r[5];
    }
    for p in &mut people {
        p.terms.sort_by_key(|t| t.start);
        if p.country.is_empty() {
            p.country = p.terms.first().map_or("", |t| t.country);
        }
    }
    let mut same: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        same.entry(p.name).or_default().push(i);
    }
    for (i, p) in people.iter_mut().enumerate() {
        p.namesakes = same[p.name].iter().copied().filter(|&k| k != i).collect();
    }
    people
}

/// `Andris Berzins (1951)` → `Andris Berzins`: the qualifier only tells namesakes apart in the
/// data; the text names them alike.
fn unqualified(key: &str) -> &str {
    match key.split_once(" (") {
        Some((name, rest)) if rest.ends_with(')') => name,
        _ => key,
    }
}

/// `Vladimir Putin` → `vladimir-putin`.
fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_code_is_iso_or_a_known_historical_code() {
        let historical = ["SUN", "YUG", "CSK", "DDR", "SCG"];
        for s in &kb().states {
            assert!(
                rust_iso3166::from_alpha3(s.code).is_some() || historical.contains(&s.code),
                "{} is not an ISO 3166-1 alpha-3 code",
                s.code
            );
        }
    }

    #[test]
    fn every_iso_country_has_a_row() {
        for c in rust_iso3166::ALL {
            assert!(
                kb().state(c.alpha3).is_some(),
                "{} {} missing",
                c.alpha3,
                c.name
            );
        }
    }

    #[test]
    fn terms_are_ordered_and_people_have_countries() {
        for p in &kb().people {
            assert!(!p.country.is_empty(), "{} has no country", p.name);
            for t in &p.terms {
                assert!(
                    t.end.is_none_or(|e| e >= t.start),
                    "{}: term ends before it starts",
                    p.name
                );
            }
        }
    }

    #[test]
    fn a_term_known_to_the_month_may_reach_a_month_further() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let term = Term {
            office: 0,
            country: "EST",
            start: day("2005-04-13"),
            end: Some(day("2014-11-17")),
            dates: Dates::Month,
        };
        assert_eq!(
            term.span(true),
            (day("2005-03-13"), Some(day("2014-12-18")))
        );
        assert_eq!(
            term.span(false),
            (day("2005-05-14"), Some(day("2014-10-17")))
        );
        let exact = Term {
            dates: Dates::parse(None),
            ..term.clone()
        };
        assert_eq!(exact.span(true), (exact.start, exact.end));
        assert_eq!(Dates::parse(Some("month")), Dates::Month);
        assert_eq!(Dates::parse(Some("year")), Dates::Year);
        assert_eq!(Dates::Year.slack(), 366);
    }

    #[test]
    fn names_carry_their_senses() {
        let find = |t: &str| kb().surfaces.iter().find(|s| s.text == t).unwrap();
        assert_eq!(find("US").case, Case::Exact);
        assert_eq!(find("Russian").case, Case::Capitalized);
        assert_eq!(find("army").case, Case::Any);
        assert!(matches!(find("Putin").senses[0], Sense::Person(_)));
        assert!(find("Clinton").senses.len() >= 2, "both Clintons");
    }

    #[test]
    fn slugs_are_plain() {
        assert_eq!(slug("George H. W. Bush"), "george-h-w-bush");
        assert_eq!(slug("Massimo D'Alema"), "massimo-d-alema");
        assert_eq!(slug("Andris Berzins (1951)"), "andris-berzins-1951");
        assert_eq!(unqualified("Andris Berzins (1951)"), "Andris Berzins");
        assert_eq!(unqualified("Andris Berzins"), "Andris Berzins");
    }
}
