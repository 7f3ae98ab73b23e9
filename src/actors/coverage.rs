//! What the knowledge base covers, for `annals kb`: counts of every kind of entry, and for the
//! G20 states and their neighbours whether the terms of their heads of state, heads of
//! government and foreign ministers cover 1990 to today without gaps.

use chrono::NaiveDate;
use serde::Serialize;

use super::kb::{kb, Dates, Sense, Term};
use crate::knowledge;

const HEADS: &str = include_str!("../../data/actors/heads.tsv");
const NEIGHBOURS: &str = include_str!("../../data/actors/neighbours.tsv");
const FOUNDED: &str = include_str!("../../data/actors/founded.tsv");

/// The states whose three top offices the base means to cover from 1990 (the G20 members and
/// the neighbours the news about them names most).
pub const CHECKED: [&str; 29] = [
    "ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IDN", "IND", "ITA", "JPN", "KOR",
    "MEX", "RUS", "SAU", "TUR", "USA", "ZAF", "MNG", "UKR", "PRK", "BLR", "KAZ", "POL", "IRN",
    "ISR", "PAK", "VNM",
];

/// Offices covered: head of state, head of government, foreign minister.
const KINDS: [&str; 3] = ["head-of-state", "head-of-government", "foreign-minister"];

/// A gap longer than this between two terms is reported (acting holders are often missing).
const GAP_DAYS: i64 = 45;

#[derive(Debug, Serialize)]
pub struct Coverage {
    pub states: usize,
    pub historical_states: usize,
    pub state_names: usize,
    pub capitals_and_seats: usize,
    pub organizations: usize,
    pub regions: usize,
    pub media: usize,
    pub agent_phrases: usize,
    pub offices: usize,
    pub people: usize,
    pub people_with_terms: usize,
    pub terms: usize,
    /// Terms whose days are known only to the month, and only to the year (terms.tsv `dates`).
    pub terms_to_the_month: usize,
    pub terms_to_the_year: usize,
    /// States (and organizations) with at least one term of office in the base.
    pub states_with_terms: usize,
    pub offices_checked: Vec<OfficeCoverage>,
    /// The other neighbours of the G20 members (neighbours.tsv): the share of days since 1990
    /// (or their founding, founded.tsv) their head of state, head of government and foreign
    /// minister are known.
    pub neighbours: Vec<NeighbourCoverage>,
}

#[derive(Debug, Serialize)]
pub struct NeighbourCoverage {
    pub country: String,
    pub head_of_state: f64,
    pub head_of_government: f64,
    pub foreign_minister: f64,
}

/// How well one office of one state is covered from 1990-01-01 (or the state's founding day,
/// founded.tsv) to today.
#[derive(Debug, Serialize)]
pub struct OfficeCoverage {
    pub country: String,
    pub kind: String,
    pub terms: usize,
    /// Share of the days covered by some term.
    pub covered: f64,
    /// Gaps longer than 45 days: first and last uncovered day.
    pub gaps: Vec<(String, String)>,
}

pub fn coverage(today: NaiveDate) -> Coverage {
    let kb = kb();
    let historical = kb
        .states
        .iter()
        .filter(|s| rust_iso3166::from_alpha3(s.code).is_none())
        .count();
    let dated = |dates: Dates| {
        kb.people
            .iter()
            .flat_map(|p| &p.terms)
            .filter(|t| t.dates == dates)
            .count()
    };
    let count_senses = |pick: fn(&Sense) -> bool| {
        kb.surfaces
            .iter()
            .filter(|s| s.senses.iter().any(pick))
            .count()
    };
    let orgs = |kind: &str| kb.orgs.iter().filter(|o| o.kind == kind).count();
    let mut offices_checked = Vec::new();
    for country in CHECKED {
        for kind in KINDS {
            offices_checked.push(office_coverage(country, kind, today));
        }
    }
    Coverage {
        states: kb.states.len() - historical,
        historical_states: historical,
        state_names: count_senses(|s| matches!(s, Sense::State(_) | Sense::Adjective(_))),
        capitals_and_seats: count_senses(|s| matches!(s, Sense::Capital(_) | Sense::Seat(_))),
        organizations: orgs("IGO") + orgs("NGO"),
        regions: orgs("REG"),
        media: orgs("MED"),
        agent_phrases: count_senses(|s| matches!(s, Sense::Agent { .. } | Sense::Office(_))),
        offices: kb.offices.len(),
        people: kb.people.len(),
        people_with_terms: kb.people.iter().filter(|p| !p.terms.is_empty()).count(),
        terms: kb.people.iter().map(|p| p.terms.len()).sum(),
        terms_to_the_month: dated(Dates::Month),
        terms_to_the_year: dated(Dates::Year),
        states_with_terms: {
            let mut places: Vec<&str> = kb
                .people
                .iter()
                .flat_map(|p| &p.terms)
                .map(|t| t.country)
                .collect();
            places.sort_unstable();
            places.dedup();
            places.len()
        },
        offices_checked,
        neighbours: neighbours()
            .into_iter()
            .map(|c| {
                let share = |kind| office_coverage(c, kind, today).covered;
                NeighbourCoverage {
                    country: c.to_string(),
                    head_of_state: share(KINDS[0]),
                    head_of_government: share(KINDS[1]),
                    foreign_minister: share(KINDS[2]),
                }
            })
            .collect(),
    }
}

/// The neighbours of the G20 members that are not among the CHECKED states, sorted.
pub fn neighbours() -> Vec<&'static str> {
    let mut out: Vec<&str> = knowledge::rows(NEIGHBOURS)
        .flat_map(|r| r[1].split('|'))
        .filter(|c| !CHECKED.contains(c))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn office_coverage(country: &str, kind: &str, today: NaiveDate) -> OfficeCoverage {
    let kb = kb();
    let mut terms: Vec<Term> = kb
        .people
        .iter()
        .flat_map(|p| &p.terms)
        .filter(|t| t.country == country && kb.offices[t.office].kind == kind)
        .cloned()
        .collect();
    if kind == "head-of-government" {
        terms.extend(heads_of_government(country));
    }
    terms.sort_by_key(|t| t.start);
    let from = first_day(country, kind);
    let mut gaps = Vec::new();
    let mut covered_to = from.pred_opt().expect("a date");
    let mut uncovered = 0;
    for t in &terms {
        let end = t.end.unwrap_or(today).min(today);
        if end < from {
            continue;
        }
        let gap = (t.start - covered_to).num_days() - 1;
        if gap > 0 {
            uncovered += gap;
            if gap > GAP_DAYS {
                gaps.push(span(covered_to.succ_opt(), t.start.pred_opt()));
            }
        }
        covered_to = covered_to.max(end);
    }
    let tail = (today - covered_to).num_days();
    if tail > 0 {
        uncovered += tail;
        if tail > GAP_DAYS {
            gaps.push(span(covered_to.succ_opt(), Some(today)));
        }
    }
    let total = (today - from).num_days() + 1;
    OfficeCoverage {
        country: country.to_string(),
        kind: kind.to_string(),
        terms: terms.len(),
        covered: 1.0 - uncovered as f64 / total as f64,
        gaps,
    }
}

/// The first day an office of kind `kind` of a state should be known: 1990-01-01, or the
/// state's founding day if later (a state that did not exist had no foreign minister to miss).
fn first_day(country: &str, kind: &str) -> NaiveDate {
    let since_1990 = NaiveDate::from_ymd_opt(1990, 1, 1).expect("a date");
    knowledge::rows(FOUNDED)
        .find(|r| r[0] == country && (r[2].is_empty() || knowledge::list(r[2]).contains(&kind)))
        .map_or(since_1990, |r| {
            knowledge::date("data/actors/founded.tsv", r[1]).max(since_1990)
        })
}

/// Terms of a head of state who heads the government too (heads.tsv), cut to those days.
fn heads_of_government(country: &str) -> Vec<Term> {
    let kb = kb();
    let day = |s| knowledge::date("data/actors/heads.tsv", s);
    let mut out = Vec::new();
    for r in knowledge::rows(HEADS).filter(|r| r[0] == country) {
        let (from, to) = (day(r[2]), (!r[3].is_empty()).then(|| day(r[3])));
        let office = kb.office(r[1]);
        for t in kb.people.iter().flat_map(|p| &p.terms) {
            if t.country != country || Some(t.office) != office {
                continue;
            }
            let start = t.start.max(from);
            let end = match (t.end, to) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            if end.is_none_or(|e| e >= start) {
                out.push(Term {
                    start,
                    end,
                    ..t.clone()
                });
            }
        }
    }
    out
}

fn span(a: Option<NaiveDate>, b: Option<NaiveDate>) -> (String, String) {
    let show = |d: Option<NaiveDate>| d.map_or_else(String::new, |d| d.to_string());
    (show(a), show(b))
}

impl Coverage {
    pub fn table(&self) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let _ = writeln!(
            s,
            "states                 {} (ISO 3166-1) + {} historical",
            self.states, self.historical_states
        );
        let _ = writeln!(
            s,
            "state names            {} names, adjectives and demonyms",
            self.state_names
        );
        let _ = writeln!(s, "capitals and seats     {}", self.capitals_and_seats);
        let _ = writeln!(
            s,
            "organizations          {} international, {} regions and blocs, {} media",
            self.organizations, self.regions, self.media
        );
        let _ = writeln!(
            s,
            "agent phrases          {} (roles and office titles)",
            self.agent_phrases
        );
        let _ = writeln!(s, "offices                {}", self.offices);
        let _ = writeln!(
            s,
            "people                 {}, {} with terms of office ({} terms, in {} states and organizations)",
            self.people, self.people_with_terms, self.terms, self.states_with_terms
        );
        let _ = writeln!(
            s,
            "terms known to the day {}; to the month only {}, to the year only {}",
            self.terms - self.terms_to_the_month - self.terms_to_the_year,
            self.terms_to_the_month,
            self.terms_to_the_year
        );
        let full = self
            .offices_checked
            .iter()
            .filter(|o| o.gaps.is_empty())
            .count();
        let _ = writeln!(
            s,
            "offices checked        {} of {} without a gap over {GAP_DAYS} days since 1990 (head of state, head of government, foreign minister of {} states)",
            full,
            self.offices_checked.len(),
            CHECKED.len()
        );
        for o in self.offices_checked.iter().filter(|o| !o.gaps.is_empty()) {
            let gaps: Vec<String> = o.gaps.iter().map(|(a, b)| format!("{a}..{b}")).collect();
            let _ = writeln!(
                s,
                "  {} {:<19} {:>5.1}% covered, {} terms; gaps {}",
                o.country,
                o.kind,
                o.covered * 100.0,
                o.terms,
                gaps.join(", ")
            );
        }
        self.neighbours_table(&mut s);
        s
    }

    /// One summary line, then the neighbours with an office known for under 95% of the days.
    fn neighbours_table(&self, s: &mut String) {
        use std::fmt::Write;
        let n = self.neighbours.len();
        let full = |f: fn(&NeighbourCoverage) -> f64| {
            self.neighbours.iter().filter(|c| f(c) >= 0.95).count()
        };
        let _ = writeln!(
            s,
            "other neighbours       {n} states: head of state known 95% of the days since 1990 (or independence) in {}, head of government in {}, foreign minister in {}",
            full(|c| c.head_of_state),
            full(|c| c.head_of_government),
            full(|c| c.foreign_minister),
        );
        let pct = |x: f64| format!("{:>3.0}%", x * 100.0);
        for c in &self.neighbours {
            let shares = [c.head_of_state, c.head_of_government, c.foreign_minister];
            if shares.iter().any(|&x| x < 0.95) {
                let _ = writeln!(
                    s,
                    "  {}  head of state {}  head of government {}  foreign minister {}",
                    c.country,
                    pct(shares[0]),
                    pct(shares[1]),
                    pct(shares[2])
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_born_after_1990_is_counted_from_its_founding() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(first_day("TLS", "head-of-state"), day(2002, 5, 20));
        assert_eq!(first_day("RUS", "head-of-state"), day(1990, 1, 1));
        let today = day(2026, 1, 1);
        let timor = office_coverage("TLS", "head-of-state", today);
        assert!(timor.gaps.is_empty(), "{:?}", timor.gaps);
    }

    #[test]
    fn a_founding_may_count_for_some_offices_only() {
        // The Czech Republic had a prime minister of its own before 1993, but no president.
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(first_day("CZE", "head-of-state"), day(1993, 1, 1));
        assert_eq!(first_day("CZE", "foreign-minister"), day(1993, 1, 1));
        assert_eq!(first_day("CZE", "head-of-government"), day(1990, 1, 1));
    }

    #[test]
    fn every_founded_state_is_a_state_of_the_base() {
        let kb = kb();
        for r in knowledge::rows(FOUNDED) {
            assert!(kb.states.iter().any(|s| s.code == r[0]), "{}", r[0]);
            // The date parses (a bad one panics) and is after 1990-01-01; the offices are kinds.
            let listed = knowledge::list(r[2]);
            assert!(
                listed.iter().all(|k| KINDS.contains(k)),
                "{}: {}",
                r[0],
                r[2]
            );
            let kind = listed.first().unwrap_or(&KINDS[0]);
            assert!(first_day(r[0], kind) > NaiveDate::from_ymd_opt(1990, 1, 1).unwrap());
        }
    }
}
